//! What follows a number: scale, percent, currency, unit, year or counted
//! noun; the qualifier before it ("nearly"); units shared across ranges.

use std::borrow::Cow;

use super::lexer::Kind;
use super::{Found, Scanner, Step, words};
use words::lower;

impl<'a> Scanner<'a> {
    /// What follows a number ending before `j`: scale, percent, currency,
    /// unit, year or counted noun.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn tail(
        &self,
        i: usize,
        mut j: usize,
        mut value: f64,
        money: Option<&'static str>,
        year_ok: bool,
        mut scaled: bool,
        lone_one: bool,
    ) -> Step {
        if !scaled
            && let Some(e) = words::scale(self.lw(j), money.is_some())
            && self.word(j).is_some_and(|w| w.len() > 1 || money.is_some())
        {
            value *= 10f64.powi(e);
            j += 1;
            scaled = true;
        }
        let found = |end: usize, unit: Cow<'static, str>| {
            Step::Hit(Found {
                start: i,
                core: i,
                end,
                value,
                unit,
            })
        };
        let b_ = |u: &'static str| Cow::Borrowed(u);
        if let Some(cur) = money {
            return found(j, b_(cur));
        }
        // Hyphenated units: "30-day", "45-year-old", "10-kilometer",
        // "27-member".
        if self.is_punct(j, "-") && self.glued(j) && self.glued(j + 1) {
            let w = self.lw(j + 1);
            if let Some(u) = words::time_unit(w) {
                let mut e = j + 2;
                if self.is_punct(e, "-")
                    && self.glued(e)
                    && matches!(self.lw(e + 1), "old" | "long")
                {
                    e += 2;
                }
                return found(e, b_(u));
            }
            if let Some(u) = words::measure_unit(w) {
                return found(j + 2, b_(u));
            }
            if w == "percent" {
                return found(j + 2, b_("percent"));
            }
            // "27-member bloc": a compound before a noun.
            let noun_after = self.is_kind(j + 2, Kind::Word)
                && !self.glued(j + 2)
                && !self.capitalised(j + 2)
                && !words::function_word(self.lw(j + 2));
            if !w.is_empty()
                && noun_after
                && !self.capitalised(j + 1)
                && !words::function_word(w)
                && !words::adjective_like(w)
                && words::small_number(w).is_none()
                && words::tens(w).is_none()
            {
                return found(j + 2, Cow::Owned(words::pluralize(w)));
            }
        }
        let w = self.lw(j);
        if w == "o'clock" && value <= 24.0 {
            return found(j + 1, b_("time"));
        }
        if self.is_kind(j, Kind::Sym) && self.text(j) == "%" {
            return found(j + 1, b_("percent"));
        }
        match w {
            "percent" | "pct" => return found(j + 1, b_("percent")),
            "per" if self.lw(j + 1) == "cent" => return found(j + 2, b_("percent")),
            "percentage" if self.lw(j + 1).starts_with("point") => {
                return found(j + 2, b_("percentage points"));
            }
            "basis" if self.lw(j + 1).starts_with("point") => {
                return found(j + 2, b_("basis points"));
            }
            "square" | "sq" => {
                if let Some(u) = words::area_base(self.lw(j + 1)) {
                    return found(j + 2, b_(u));
                }
            }
            "us" if self.lw(j + 1).starts_with("dollar") => {
                return found(j + 2, b_("usd"));
            }
            _ => {}
        }
        if let Some(cur) = words::currency_word(w) {
            return found(j + 1, b_(cur));
        }
        if let Some(u) = words::time_unit(w) {
            return found(j + 1, b_(u));
        }
        // Spaced "m" and "ha" are too often not units.
        if let Some(u) = words::measure_unit(w).filter(|_| !matches!(w, "m" | "ha")) {
            return found(j + 1, b_(u));
        }
        // Years: "in 2022", "since 1962", "mid-2022".
        if year_ok && !scaled && (1000.0..=2100.0).contains(&value) {
            let prev = if i > 0 && self.is_punct(i - 1, "-") {
                i.saturating_sub(2)
            } else {
                i.wrapping_sub(1)
            };
            let prep = i > 0 && words::year_preposition(self.lw(prev));
            if value >= 1900.0 || prep {
                return found(j, b_("year"));
            }
        }
        // "two more weeks", "three straight days".
        if self.is_kind(j, Kind::Word)
            && matches!(
                w,
                "more" | "other" | "additional" | "full" | "straight" | "consecutive" | "further"
            )
            && let Some(u) = words::time_unit(self.lw(j + 1))
        {
            return found(j + 2, b_(u));
        }
        // "after one derails", "as one says": no plural follows a count of
        // one, so a lone "one" before an -s word is a pronoun and that
        // word its verb.
        if lone_one
            && !self.glued(j)
            && !self.capitalised(j)
            && self.is_kind(j, Kind::Word)
            && words::looks_plural(w)
            && !words::irregular_plural(w)
        {
            return Step::Skip(j);
        }
        // "one step closer to a deal", "one step ahead": a figure of speech
        // about progress, not a count of steps.
        if lone_one && super::one_is_figure_of_speech(w, self.lw(j + 1)) {
            return Step::Skip(j);
        }
        if let Some((u, e)) = self.counted_noun(j, value == 1.0) {
            return found(e, Cow::Owned(u));
        }
        if lone_one {
            // A bare "one" ("one of the", "no one") is not a quantity, but
            // "one to two years" opens a range.
            // "one in five adults" is a share, as "1 in 5 adults" is;
            // "one in a long line" is no count.
            let next = self.text_or_empty(j + 1);
            let range = matches!(w, "to" | "or" | "in")
                && (self.is_kind(j + 1, Kind::Num)
                    || words::may_start_number(next)
                        && !(w == "in" && matches!(next, "a" | "an" | "A" | "An")));
            if !range {
                return Step::Skip(j);
            }
        }
        found(j, b_(""))
    }

    /// The noun a number counts: "12 soldiers", "four other regions",
    /// "one person" (→ "people").
    pub(super) fn counted_noun(&self, j: usize, single: bool) -> Option<(String, usize)> {
        let w1 = self.word(j)?;
        if self.glued(j) {
            return None;
        }
        let mut b = [0; 24];
        let l1 = lower(w1, &mut b);
        if l1.is_empty() || words::function_word(l1) && !matches!(l1, "other" | "more") {
            return None;
        }
        let cap1 = self.capitalised(j);
        let tail_lower = w1.chars().skip(1).all(|c| c.is_lowercase() || c == '\'');
        if words::looks_plural(l1) && (!cap1 || tail_lower) {
            return Some((l1.to_string(), j + 1));
        }
        // Up to two modifiers before the noun: "12 Ukrainian soldiers",
        // "four other Ukrainian regions", "27 member states".
        if !words::month(l1) {
            for k in j + 1..j + 3 {
                let Some(w) = self.word(k) else { break };
                if self.glued(k) {
                    break;
                }
                let mut bk = [0; 24];
                let lk = lower(w, &mut bk);
                if lk.is_empty() || words::function_word(lk) {
                    break;
                }
                if !self.capitalised(k) && words::looks_plural(lk) {
                    return Some((lk.to_string(), k + 1));
                }
            }
        }
        if single {
            return self.single_noun(j);
        }
        None
    }

    /// The noun after "one": the next content word, or the one after it
    /// when the first reads as an adjective ("one unusual feature" →
    /// "features").
    pub(super) fn single_noun(&self, j: usize) -> Option<(String, usize)> {
        for k in j..j + 2 {
            if !self.is_kind(k, Kind::Word) || self.glued(k) || self.capitalised(k) {
                return None;
            }
            let w = self.lw(k);
            if w.is_empty() || words::function_word(w) {
                return None;
            }
            if !words::adjective_like(w) {
                return Some((words::pluralize(w), k + 1));
            }
        }
        None
    }

    /// Widens a mention's start over a qualifier before it ("nearly",
    /// "more than", "as many as").
    pub(super) fn qualifier_start(&self, start: usize) -> usize {
        let w1 = if start >= 1 { self.lw(start - 1) } else { "" };
        let w2 = if start >= 2 { self.lw(start - 2) } else { "" };
        let w3 = if start >= 3 { self.lw(start - 3) } else { "" };
        if !w3.is_empty() && words::qualifier3(w3, w2, w1) {
            start - 3
        } else if !w2.is_empty() && words::qualifier2(w2, w1) {
            start - 2
        } else if !w1.is_empty() && words::qualifier1(w1) {
            start - 1
        } else {
            start
        }
    }

    /// "10 to 20 percent", "5-10%": the first number of a range takes the
    /// unit of the second.
    pub(super) fn inherit_range_units(&self, found: &mut [Found]) {
        for k in 1..found.len() {
            let (a, rest) = found.split_at_mut(k);
            let (a, b) = (&mut a[k - 1], &mut rest[0]);
            if a.unit.is_empty() == b.unit.is_empty() || b.start < a.end {
                continue;
            }
            let conn = if b.core == a.end + 1 {
                if self.is_punct(a.end, "-") {
                    "-"
                } else {
                    self.lw(a.end)
                }
            } else {
                ""
            };
            if a.unit.is_empty() {
                // "10 to 20 percent": the first takes the second's unit.
                // Calendar years (1000 and up) are no durations to share.
                let calendar = b.unit == "year" && b.value >= 1000.0;
                let forward = matches!(conn, "-" | "to" | "and" | "or")
                    && !calendar
                    && !matches!(&*b.unit, "date" | "ordinal" | "rank" | "time");
                if forward {
                    a.unit = b.unit.clone();
                }
            } else {
                // "September 16-19", "20 percent to 25": the second takes the first's.
                let backward = matches!(conn, "-" | "to")
                    && !matches!(&*a.unit, "year" | "ordinal" | "rank" | "fraction");
                if backward {
                    b.unit = a.unit.clone();
                }
            }
        }
    }
}
