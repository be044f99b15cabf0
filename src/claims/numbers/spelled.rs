//! Numbers spelled in words for number extraction: "two", "a dozen",
//! "twenty-five", "four-and-a-half", ordinals ("third", "second-largest")
//! and fractions ("two-thirds of").

use super::lexer::Kind;
use super::{Scanner, Step, words};

impl<'a> Scanner<'a> {
    /// A token starting with a letter.
    pub(super) fn word_start(&self, i: usize) -> Step {
        // Letters glued to a number after them belong to it ("G7").
        if self.glued(i + 1) && self.is_kind(i + 1, Kind::Num) {
            return Step::Skip(i + 1);
        }
        let raw = self.text(i);
        // Months and currency codes: a byte check before the look-ups.
        if raw.as_bytes()[0].is_ascii_uppercase() && (3..=9).contains(&raw.len()) {
            let w = self.lw(i);
            if words::month(w) {
                return self.month_date(i);
            }
            if let Some(cur) = words::currency_code(w)
                && raw.bytes().all(|c| c.is_ascii_uppercase())
                && self.is_kind(i + 1, Kind::Num)
            {
                return self.money_amount(i, i + 1, cur);
            }
        }
        // Most words cannot start a number: a cheap check first.
        if !words::may_open_number(raw) {
            return Step::Skip(i + 1);
        }
        let w = self.lw(i);
        if w.is_empty() {
            return Step::Skip(i + 1);
        }
        match w {
            "twice" => return self.hit(i, i + 1, 2.0, "times"),
            "thrice" => return self.hit(i, i + 1, 3.0, "times"),
            // "half of the staff", "half the staff".
            "half"
                if self.lw(i + 1) == "of"
                    || matches!(
                        self.lw(i + 1),
                        "the" | "his" | "her" | "its" | "their" | "our" | "my" | "your" | "all"
                    ) =>
            {
                return self.hit(i, i + 1, 0.5, "fraction");
            }
            // "half a million" is 500,000, not a million.
            "half" if let Some(wn) = self.scale_after(i + 1) => {
                return self.tail(i, wn.end, wn.value / 2.0, None, false, wn.scaled, false);
            }
            // "half a year", "half an hour": a span, as "six months" is.
            "half"
                if matches!(self.lw(i + 1), "a" | "an")
                    && let Some(unit) = half_span_unit(self.lw(i + 2)) =>
            {
                return self.hit(i, i + 3, 0.5, unit);
            }
            // "fell by half".
            "half" if i > 0 && self.lw(i - 1) == "by" && self.ends_phrase(i + 1) => {
                return self.hit(i, i + 1, 0.5, "fraction");
            }
            // "a quarter of a million", "a quarter of the vote", "rose by a
            // third" (but "a third term" is an ordinal).
            // (After "59 and", the half belongs to the number before.)
            "a" | "an"
                if let Some(den) = words::fraction(self.lw(i + 1))
                    && !(i >= 2 && self.lw(i - 1) == "and" && self.is_kind(i - 2, Kind::Num)) =>
            {
                if self.lw(i + 2) == "of" {
                    return match self.scale_after(i + 3) {
                        Some(wn) => {
                            self.tail(i, wn.end, wn.value / den, None, false, wn.scaled, false)
                        }
                        None => self.hit(i, i + 2, 1.0 / den, "fraction"),
                    };
                }
                if self.ends_phrase(i + 2) {
                    return self.hit(i, i + 2, 1.0 / den, "fraction");
                }
            }
            _ => {}
        }
        if let Some(n) = words::ordinal(w) {
            // "a third of the country" is a fraction.
            if i > 0
                && self.lw(i - 1) == "a"
                && self.lw(i + 1) == "of"
                && let Some(den) = words::fraction(w)
            {
                if let Some(wn) = self.scale_after(i + 2) {
                    return self.tail(i - 1, wn.end, wn.value / den, None, false, wn.scaled, false);
                }
                return self.hit(i - 1, i + 1, 1.0 / den, "fraction");
            }
            return self.ordinal_tail(i, i + 1, n, false);
        }
        // "Ground Zero", "the Fantastic Four": part of a name.
        if raw.as_bytes()[0].is_ascii_uppercase() && i > 0 && self.capitalised(i - 1) {
            return Step::Skip(i + 1);
        }
        match self.word_number(i) {
            Some(wn)
                if wn.lone_one
                    && i > 0
                    && matches!(
                        self.lw(i - 1),
                        "no" | "any"
                            | "every"
                            | "each"
                            | "some"
                            | "which"
                            | "the"
                            | "this"
                            | "that"
                    ) =>
            {
                Step::Skip(i + 1)
            }
            Some(wn) => self.word_number_tail(i, wn),
            None => Step::Skip(i + 1),
        }
    }

    /// After an ordinal ending before `j`: "second-largest" is a rank,
    /// "3rd of March" a date, else an ordinal.
    pub(super) fn ordinal_tail(&self, i: usize, j: usize, n: f64, digits: bool) -> Step {
        if self.is_punct(j, "-") && self.glued(j) && self.glued(j + 1) {
            let w = self.lw(j + 1);
            if w.len() > 3 && (w.ends_with("est") || matches!(w, "most" | "least")) {
                return self.hit(i, j + 2, n, "rank");
            }
        }
        if digits
            && n <= 31.0
            && let Some(step) = self.day_month(i, j, n as u64)
        {
            return step;
        }
        self.hit(i, j, n, "ordinal")
    }

    pub(super) fn word_number_tail(&self, i: usize, wn: WordNumber) -> Step {
        if wn.ordinal {
            return self.ordinal_tail(i, wn.end, wn.value, false);
        }
        // "two-thirds of", "one quarter of".
        let mut f = wn.end;
        if self.is_punct(f, "-") && self.glued(f) {
            f += 1;
        }
        if let Some(den) = words::fraction(self.lw(f))
            && self.lw(f + 1) == "of"
        {
            // "three quarters of a million".
            if let Some(scale) = self.scale_after(f + 2) {
                let value = wn.value / den * scale.value;
                return self.tail(i, scale.end, value, None, false, scale.scaled, false);
            }
            return self.hit(i, f + 1, wn.value / den, "fraction");
        }
        self.tail(i, wn.end, wn.value, None, false, wn.scaled, wn.lone_one)
    }

    /// "and a half" from `k`.
    pub(super) fn and_a_half(&self, k: usize) -> bool {
        self.lw(k) == "and" && matches!(self.lw(k + 1), "a" | "one") && self.lw(k + 2) == "half"
    }

    /// Nothing at `k` continues a noun phrase: the sentence ends, a mark
    /// follows, or a preposition or conjunction ("by a third in a year",
    /// "by half, officials said").
    fn ends_phrase(&self, k: usize) -> bool {
        if k >= self.t.len() {
            return true;
        }
        if self.t[k].kind == Kind::Punct {
            // "a third-party candidate", "a half-century" join a compound.
            return !(self.glued(k) && matches!(self.text(k), "-" | "\u{2011}"));
        }
        matches!(
            self.lw(k),
            "in" | "on"
                | "since"
                | "from"
                | "over"
                | "and"
                | "but"
                | "or"
                | "to"
                | "after"
                | "than"
                | "compared"
                | "this"
                | "last"
                | "between"
                | "during"
                | "at"
                | "by"
                | "overall"
        )
    }

    /// "a million", "a dozen" from `i` (the amount a fraction before it
    /// takes a part of: "half a million", "a third of a billion").
    fn scale_after(&self, i: usize) -> Option<WordNumber> {
        if !matches!(self.lw(i), "a" | "an") {
            return None;
        }
        self.word_number(i).filter(|wn| wn.value >= 12.0)
    }

    /// A number spelled in words from `i`: "two", "twenty-five", "a dozen",
    /// "two hundred and fifty thousand", "four-and-a-half", "twenty-first".
    pub(super) fn word_number(&self, i: usize) -> Option<WordNumber> {
        #[derive(PartialEq, Clone, Copy)]
        enum Last {
            None,
            A,
            Unit,
            Teen,
            Tens,
            Hundred,
            Scale,
        }
        let (mut total, mut cur) = (0.0f64, 0.0f64);
        let mut last = Last::None;
        let mut k = i;
        let mut end = i;
        let mut scaled = false;
        let mut ordinal = false;
        let mut words_used = 0;
        if matches!(self.lw(i), "a" | "an") {
            let next = self.lw(i + 1);
            if !matches!(
                next,
                "dozen" | "hundred" | "thousand" | "million" | "billion" | "trillion"
            ) {
                return None;
            }
            cur = 1.0;
            last = Last::A;
            k = i + 1;
        }
        loop {
            let w = self.lw(k);
            if w.is_empty() {
                break;
            }
            if let Some(v) = words::small_number(w) {
                if matches!(last, Last::Unit | Last::Teen | Last::A)
                    || last == Last::Tens && v >= 10.0
                {
                    break;
                }
                cur += v;
                last = if v >= 10.0 { Last::Teen } else { Last::Unit };
            } else if let Some(v) = words::tens(w) {
                if matches!(last, Last::Unit | Last::Teen | Last::Tens | Last::A) {
                    break;
                }
                cur += v;
                last = Last::Tens;
            } else if w == "hundred" {
                if !matches!(last, Last::Unit | Last::Teen | Last::Tens | Last::A) {
                    break;
                }
                cur *= 100.0;
                last = Last::Hundred;
            } else if let Some(e) = words::scale(w, false).filter(|&e| e >= 3 && w.len() > 3) {
                if last == Last::None || last == Last::Scale {
                    break;
                }
                total += cur * 10f64.powi(e);
                cur = 0.0;
                scaled = true;
                last = Last::Scale;
            } else if w == "dozen" {
                if last == Last::None {
                    break;
                }
                cur *= 12.0;
                last = Last::Scale;
            } else if last == Last::Tens
                && k > i
                && self.is_punct(k - 1, "-")
                && let Some(o) = words::ordinal(w)
                && o < 10.0
            {
                cur += o;
                ordinal = true;
                end = k + 1;
                words_used += 1;
                break;
            } else {
                break;
            }
            words_used += 1;
            end = k + 1;
            // Connectors: "twenty-five", "four-and-a-half", "hundred and ten".
            if self.is_punct(k + 1, "-") && self.glued(k + 1) && self.glued(k + 2) {
                if self.lw(k + 2) == "and"
                    && self.is_punct(k + 3, "-")
                    && self.lw(k + 4) == "a"
                    && self.is_punct(k + 5, "-")
                    && self.lw(k + 6) == "half"
                {
                    cur += 0.5;
                    end = k + 7;
                    break;
                }
                k += 2;
                continue;
            }
            if self.lw(k + 1) == "and" {
                if self.lw(k + 2) == "a" && self.lw(k + 3) == "half" {
                    cur += 0.5;
                    end = k + 4;
                    break;
                }
                let next = self.lw(k + 2);
                if (total > 0.0 || cur >= 100.0)
                    && (words::small_number(next).is_some() || words::tens(next).is_some())
                {
                    k += 2;
                    continue;
                }
                break;
            }
            k += 1;
        }
        if words_used == 0 || last == Last::A {
            return None;
        }
        let lone_one = words_used == 1 && !scaled && (total + cur) == 1.0 && !ordinal;
        Some(WordNumber {
            value: total + cur,
            end,
            scaled,
            ordinal,
            lone_one,
        })
    }
}

pub(super) struct WordNumber {
    value: f64,
    end: usize,
    scaled: bool,
    ordinal: bool,
    /// A lone "one", reported only when it counts something.
    lone_one: bool,
}

/// The unit of a span of time a "half a/an" may take ("half a year").
fn half_span_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "hour" => "hour",
        "day" => "day",
        "week" => "week",
        "month" => "month",
        "year" => "year",
        "decade" => "decade",
        "century" => "century",
        _ => return None,
    })
}
