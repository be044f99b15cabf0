//! Quantities in a sentence: digits, number words, percentages, money,
//! units, years and dates, normalised to a [`NumberMention`].
//!
//! A hand-written tokenizer ([`lexer`]) feeds a left-to-right scanner that
//! tries, at each token, the forms a quantity can take; word lists live in
//! [`words`]. Linear in the sentence, one token buffer per call.

mod lexer;
#[cfg(test)]
mod tests;
mod words;

use std::borrow::Cow;

use super::NumberMention;
use lexer::{Kind, Tok};
use words::lower;

/// Every quantity in `sentence`, in order of appearance.
pub fn extract_numbers(sentence: &str) -> Vec<NumberMention> {
    let mut toks = Vec::with_capacity(sentence.len() / 4 + 4);
    lexer::tokenize(sentence, &mut toks);
    let sc = Scanner {
        s: sentence,
        t: &toks,
    };
    let mut found: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match sc.at(i) {
            Step::Hit(mut f) => {
                let floor = found.last().map_or(0, |p| p.end);
                f.start = sc.qualifier_start(f.start).max(floor);
                i = f.end.max(i + 1);
                found.push(f);
            }
            Step::Skip(next) => i = next.max(i + 1),
        }
    }
    sc.inherit_range_units(&mut found);
    found
        .into_iter()
        .map(|f| NumberMention {
            text: sentence[toks[f.start].start..toks[f.end - 1].end].to_string(),
            value: f.value,
            unit: f.unit.into_owned(),
        })
        .collect()
}

/// A quantity found at token span `start..end`.
struct Found {
    start: usize,
    /// The first token of the number itself (after any qualifier).
    core: usize,
    end: usize,
    value: f64,
    unit: Cow<'static, str>,
}

enum Step {
    Hit(Found),
    Skip(usize),
}

/// Digits as written: an exact decimal mantissa and exponent when it fits.
struct Digits {
    mant: u64,
    frac: i32,
    approx: f64,
    exact: bool,
    /// No separators and no decimal part.
    plain: bool,
    int_digits: usize,
}

impl Digits {
    fn parse(s: &str) -> Digits {
        let mut d = Digits {
            mant: 0,
            frac: 0,
            approx: 0.0,
            exact: true,
            plain: true,
            int_digits: 0,
        };
        let mut in_frac = false;
        for b in s.bytes() {
            match b {
                b'0'..=b'9' => {
                    let v = u64::from(b - b'0');
                    match d.mant.checked_mul(10).and_then(|m| m.checked_add(v)) {
                        Some(m) => d.mant = m,
                        None => d.exact = false,
                    }
                    d.approx = d.approx * 10.0 + v as f64;
                    if in_frac {
                        d.frac += 1;
                    } else {
                        d.int_digits += 1;
                    }
                }
                b'.' => {
                    in_frac = true;
                    d.plain = false;
                }
                _ => d.plain = false,
            }
        }
        d
    }

    /// The value times 10^`exp`, rounded once from the exact decimal.
    fn value(&self, exp: i32) -> f64 {
        let e = exp - self.frac;
        let m = if self.exact {
            self.mant as f64
        } else {
            self.approx
        };
        if e >= 0 {
            m * 10f64.powi(e)
        } else {
            m / 10f64.powi(-e)
        }
    }
}

struct Scanner<'a> {
    s: &'a str,
    t: &'a [Tok],
}

impl<'a> Scanner<'a> {
    fn text(&self, k: usize) -> &'a str {
        let t = &self.t[k];
        &self.s[t.start..t.end]
    }

    /// Token `k` is a word; its text.
    fn word(&self, k: usize) -> Option<&'a str> {
        (k < self.t.len() && self.t[k].kind == Kind::Word).then(|| self.text(k))
    }

    /// Lower-cased word at `k` ("" when not a word).
    fn lw<'b>(&'b self, k: usize, buf: &'b mut [u8; 24]) -> &'b str {
        match self.word(k) {
            Some(w) => lower(w, buf),
            None => "",
        }
    }

    fn glued(&self, k: usize) -> bool {
        k < self.t.len() && !self.t[k].space_before
    }

    fn is_punct(&self, k: usize, c: &str) -> bool {
        k < self.t.len() && self.t[k].kind == Kind::Punct && self.text(k) == c
    }

    fn is_kind(&self, k: usize, kind: Kind) -> bool {
        k < self.t.len() && self.t[k].kind == kind
    }

    fn capitalised(&self, k: usize) -> bool {
        self.word(k)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    }

    fn at(&self, i: usize) -> Step {
        match self.t[i].kind {
            Kind::Sym => self.money_sign(i),
            Kind::Num => self.numeric(i),
            Kind::Word => self.word_start(i),
            Kind::Punct => Step::Skip(i + 1),
        }
    }

    /// "$5", "US$3 billion", "€2.5bn", "£5m".
    fn money_sign(&self, i: usize) -> Step {
        let Some(mut cur) = words::currency_sign(self.text(i)) else {
            return Step::Skip(i + 1);
        };
        let mut start = i;
        if cur == "usd" && i > 0 && self.glued(i) {
            let mut b = [0; 24];
            if let Some(c) = words::dollar_prefix(self.lw(i - 1, &mut b)) {
                cur = c;
                start = i - 1;
            }
        }
        if !self.is_kind(i + 1, Kind::Num) {
            return Step::Skip(i + 1);
        }
        self.money_amount(start, i + 1, cur)
    }

    /// The amount after a currency sign or code at `num`.
    fn money_amount(&self, start: usize, num: usize, cur: &'static str) -> Step {
        let d = Digits::parse(self.text(num));
        let mut j = num + 1;
        let mut exp = 0;
        let mut b = [0; 24];
        if let Some(e) = words::scale(self.lw(j, &mut b), true) {
            exp = e;
            j += 1;
        }
        Step::Hit(Found {
            start,
            core: start,
            end: j,
            value: d.value(exp),
            unit: Cow::Borrowed(cur),
        })
    }

    /// A token starting with a digit.
    fn numeric(&self, i: usize) -> Step {
        let mut b = [0; 24];
        // Inside a word: "G7", "COVID-19", "F-16" (but "mid-2022" is a year).
        if i > 0 && self.glued(i) {
            let prev = &self.t[i - 1];
            if prev.kind == Kind::Word {
                return Step::Skip(self.skip_glued(i));
            }
            if self.is_punct(i - 1, "-")
                && i > 1
                && self.glued(i - 1)
                && self.t[i - 2].kind == Kind::Word
                && self.text(i - 2).chars().any(char::is_uppercase)
            {
                return Step::Skip(self.skip_glued(i));
            }
            if self.is_punct(i - 1, "/") || self.is_punct(i - 1, ".") {
                return Step::Skip(self.skip_glued(i));
            }
        }
        // "9/11", "2/24/2025", "24/7": slashed identifiers and dates.
        if self.is_punct(i + 1, "/") && self.glued(i + 1) && self.is_kind(i + 2, Kind::Num) {
            return Step::Skip(self.skip_glued(i));
        }
        let d = Digits::parse(self.text(i));
        // List numbering: "1. ", "(2) ".
        let first = i == 0 || (i == 1 && self.t[0].kind == Kind::Punct);
        if first
            && d.plain
            && d.mant < 100
            && (self.is_punct(i + 1, ".") || self.is_punct(i + 1, ")"))
            && self.glued(i + 1)
            && !self.glued(i + 2)
        {
            return Step::Skip(i + 2);
        }
        // Identifiers after a proper noun or "No.": "Article 5", "No. 10".
        if d.plain && i > 0 && !self.glued(i) && self.identifier_before(i) {
            return Step::Skip(self.skip_glued(i));
        }
        if let Some(step) = self.iso_date(i, &d).or_else(|| self.clock(i, &d)) {
            return step;
        }
        let mut j = i + 1;
        let mut exp = 0;
        // A suffix glued to the digits: "5km", "1.2bn", "1990s", "3rd".
        if self.glued(j) && self.is_kind(j, Kind::Word) {
            let suf = self.lw(j, &mut b);
            if let Some(e) = words::scale(suf, false) {
                exp = e;
                j += 1;
            } else if suf == "s" {
                if d.plain && d.int_digits == 4 && d.mant.is_multiple_of(10) {
                    return self.hit(i, j + 1, d.value(0), "year");
                }
                return Step::Skip(j + 1);
            } else if matches!(suf, "st" | "nd" | "rd" | "th") && d.plain {
                return self.ordinal_tail(i, j + 1, d.value(0), true);
            } else if suf == "x" {
                return self.hit(i, j + 1, d.value(0), "times");
            } else if let Some(u) = words::measure_unit(suf) {
                // "km2" / "km²" is an area.
                if u == "kilometers"
                    && (self.is_kind(j + 1, Kind::Num) || self.is_punct(j + 1, "²"))
                    && self.glued(j + 1)
                {
                    return self.hit(i, j + 2, d.value(0), "square kilometers");
                }
                return self.hit(i, j + 1, d.value(0), u);
            } else if let Some(u) = words::time_unit(suf).or((suf == "h").then_some("hour")) {
                return self.hit(i, j + 1, d.value(0), u);
            } else {
                // "5G", "3D": a model name, not a quantity.
                return Step::Skip(j + 1);
            }
        }
        // "24 February 2022", "3rd of March".
        if d.plain
            && let Some(step) = self.day_month(i, j, d.mant)
        {
            return step;
        }
        let year_ok = d.plain && d.int_digits == 4 && exp == 0;
        self.tail(i, j, d.value(exp), None, year_ok, exp != 0, false)
    }

    fn hit(&self, start: usize, end: usize, value: f64, unit: &'static str) -> Step {
        Step::Hit(Found {
            start,
            core: start,
            end,
            value,
            unit: Cow::Borrowed(unit),
        })
    }

    /// Index after a run of glued tokens starting at `i`.
    fn skip_glued(&self, i: usize) -> usize {
        let mut k = i + 1;
        while k < self.t.len() && self.glued(k) && self.t[k].kind != Kind::Punct
            || (self.is_punct(k, "-") || self.is_punct(k, "/"))
                && self.glued(k)
                && self.glued(k + 1)
                && !self.is_kind(k + 1, Kind::Punct)
        {
            k += 1;
        }
        k
    }

    /// The number at `i` follows a proper noun or "No." that names it.
    fn identifier_before(&self, i: usize) -> bool {
        let mut b = [0; 24];
        if self.is_punct(i - 1, ".") && i > 1 {
            let w = self.lw(i - 2, &mut b);
            return matches!(w, "no" | "nos" | "vol" | "p" | "pp" | "art" | "sec");
        }
        let Some(w) = self.word(i - 1) else {
            return false;
        };
        if !self.capitalised(i - 1) || w.contains('\'') || w.contains('\u{2019}') {
            return false;
        }
        let l = lower(w, &mut b);
        if l.is_empty()
            || words::function_word(l)
            || words::year_preposition(l)
            || words::qualifier1(l)
            || words::month(l)
            || words::currency_code(l).is_some()
            || matches!(
                l,
                "both" | "last" | "next" | "past" | "top" | "first" | "nearly"
            )
        {
            return false;
        }
        // "Trump 2024" is a name; "Article 5" too, but "AFP 20%" is not.
        !self.is_kind(i + 1, Kind::Sym)
    }

    /// "2025-02-24".
    fn iso_date(&self, i: usize, d: &Digits) -> Option<Step> {
        let ok = d.plain
            && d.int_digits == 4
            && self.is_punct(i + 1, "-")
            && self.glued(i + 1)
            && self.is_kind(i + 2, Kind::Num)
            && self.glued(i + 2)
            && self.text(i + 2).len() == 2
            && self.is_punct(i + 3, "-")
            && self.glued(i + 3)
            && self.is_kind(i + 4, Kind::Num)
            && self.glued(i + 4);
        ok.then(|| self.hit(i, i + 5, d.value(0), "date"))
    }

    /// Times of day: "9:56 AM", "21:30", "10 a.m.", "7pm". Value is the
    /// 24-hour clock as hours.minutes (21.30).
    fn clock(&self, i: usize, d: &Digits) -> Option<Step> {
        if !d.plain || d.mant > 24 {
            return None;
        }
        let mut hour = d.mant;
        let mut minutes = 0;
        let mut j = i + 1;
        let mut has_minutes = false;
        if self.is_punct(j, ":")
            && self.glued(j)
            && self.is_kind(j + 1, Kind::Num)
            && self.glued(j + 1)
            && self.text(j + 1).len() == 2
        {
            let m = Digits::parse(self.text(j + 1));
            if !m.plain || m.mant > 59 {
                return None;
            }
            minutes = m.mant;
            has_minutes = true;
            j += 2;
        }
        let mut b = [0; 24];
        let w = self.lw(j, &mut b);
        let (pm, end) = match w {
            "am" | "pm" => (w == "pm", j + 1),
            "a" | "p"
                if self.is_punct(j + 1, ".")
                    && self.glued(j + 1)
                    && self.lw(j + 2, &mut [0; 24]) == "m"
                    && self.glued(j + 2) =>
            {
                let e = if self.is_punct(j + 3, ".") && self.glued(j + 3) {
                    j + 4
                } else {
                    j + 3
                };
                (w == "p", e)
            }
            _ if has_minutes => return Some(self.hit(i, j, clock_value(hour, minutes), "time")),
            _ => return None,
        };
        if d.mant > 12 {
            return None;
        }
        if pm && d.mant < 12 {
            hour += 12;
        } else if !pm && d.mant == 12 {
            hour = 0;
        }
        Some(self.hit(i, end, clock_value(hour, minutes), "time"))
    }

    /// A day number at `i` (suffix ends before `j`) followed by a month.
    fn day_month(&self, i: usize, j: usize, day: u64) -> Option<Step> {
        if day == 0 || day > 31 {
            return None;
        }
        let mut m = j;
        let mut b = [0; 24];
        if self.lw(m, &mut b) == "of" {
            m += 1;
        }
        if !(self.capitalised(m) && words::month(self.lw(m, &mut b))) {
            return None;
        }
        let mut end = m + 1;
        if self.is_punct(end, ".") && self.glued(end) {
            end += 1;
        }
        let (value, end) = match self.year_at(end) {
            Some((y, e)) => (y, e),
            None => (day as f64, end),
        };
        Some(self.hit(i, end, value, "date"))
    }

    /// A 4-digit year at `k`, optionally after a comma.
    fn year_at(&self, k: usize) -> Option<(f64, usize)> {
        let k = if self.is_punct(k, ",") { k + 1 } else { k };
        if !self.is_kind(k, Kind::Num) || self.glued(k + 1) && self.is_kind(k + 1, Kind::Word) {
            return None;
        }
        let y = Digits::parse(self.text(k));
        (y.plain && y.int_digits == 4 && (1000..=2100).contains(&y.mant))
            .then(|| (y.value(0), k + 1))
    }

    /// "February 2022", "Feb. 24, 2025", "March 3".
    fn month_date(&self, i: usize) -> Step {
        let mut j = i + 1;
        if self.is_punct(j, ".") && self.glued(j) {
            j += 1;
        }
        if let Some((y, e)) = self.year_at(j).filter(|_| self.is_kind(j, Kind::Num)) {
            return self.hit(i, e, y, "date");
        }
        // "Feb.24" is glued to its point; "March3" is not a date.
        if !self.is_kind(j, Kind::Num) || self.glued(j) && j == i + 1 {
            return Step::Skip(i + 1);
        }
        let d = Digits::parse(self.text(j));
        if !d.plain || d.mant == 0 || d.mant > 31 {
            return Step::Skip(i + 1);
        }
        let mut end = j + 1;
        let mut b = [0; 24];
        if self.glued(end) && matches!(self.lw(end, &mut b), "st" | "nd" | "rd" | "th") {
            end += 1;
        }
        match self.year_at(end) {
            Some((y, e)) => self.hit(i, e, y, "date"),
            None => self.hit(i, end, d.value(0), "date"),
        }
    }

    /// A token starting with a letter.
    fn word_start(&self, i: usize) -> Step {
        // Letters glued to a number after them belong to it ("G7").
        if self.glued(i + 1) && self.is_kind(i + 1, Kind::Num) {
            return Step::Skip(i + 1);
        }
        let raw = self.text(i);
        let mut b = [0; 24];
        if raw.as_bytes()[0].is_ascii_uppercase() {
            let w = self.lw(i, &mut b);
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
        if !words::may_start_number(raw) {
            return Step::Skip(i + 1);
        }
        let w = self.lw(i, &mut b);
        if w.is_empty() {
            return Step::Skip(i + 1);
        }
        match w {
            "twice" => return self.hit(i, i + 1, 2.0, "times"),
            "thrice" => return self.hit(i, i + 1, 3.0, "times"),
            "half" if self.lw(i + 1, &mut [0; 24]) == "of" => {
                return self.hit(i, i + 1, 0.5, "fraction");
            }
            _ => {}
        }
        if let Some(n) = words::ordinal(w) {
            // "a third of the country" is a fraction.
            if i > 0
                && self.lw(i - 1, &mut [0; 24]) == "a"
                && self.lw(i + 1, &mut [0; 24]) == "of"
                && let Some(den) = words::fraction(w)
            {
                return self.hit(i - 1, i + 1, 1.0 / den, "fraction");
            }
            return self.ordinal_tail(i, i + 1, n, false);
        }
        match self.word_number(i) {
            Some(wn)
                if wn.lone_one
                    && i > 0
                    && matches!(
                        self.lw(i - 1, &mut b),
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
    fn ordinal_tail(&self, i: usize, j: usize, n: f64, digits: bool) -> Step {
        let mut b = [0; 24];
        if self.is_punct(j, "-") && self.glued(j) && self.glued(j + 1) {
            let w = self.lw(j + 1, &mut b);
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

    fn word_number_tail(&self, i: usize, wn: WordNumber) -> Step {
        let mut b = [0; 24];
        if wn.ordinal {
            return self.ordinal_tail(i, wn.end, wn.value, false);
        }
        // "two-thirds of", "one quarter of".
        let mut f = wn.end;
        if self.is_punct(f, "-") && self.glued(f) {
            f += 1;
        }
        if let Some(den) = words::fraction(self.lw(f, &mut b))
            && self.lw(f + 1, &mut [0; 24]) == "of"
        {
            return self.hit(i, f + 1, wn.value / den, "fraction");
        }
        self.tail(i, wn.end, wn.value, None, false, wn.scaled, wn.lone_one)
    }

    /// A number spelled in words from `i`: "two", "twenty-five", "a dozen",
    /// "two hundred and fifty thousand", "four-and-a-half", "twenty-first".
    fn word_number(&self, i: usize) -> Option<WordNumber> {
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
        let mut b = [0; 24];
        let (mut total, mut cur) = (0.0f64, 0.0f64);
        let mut last = Last::None;
        let mut k = i;
        let mut end = i;
        let mut scaled = false;
        let mut ordinal = false;
        let mut words_used = 0;
        if matches!(self.lw(i, &mut b), "a" | "an") {
            let next = self.lw(i + 1, &mut b);
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
            let w = self.lw(k, &mut b);
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
                if self.lw(k + 2, &mut b) == "and"
                    && self.is_punct(k + 3, "-")
                    && self.lw(k + 4, &mut b) == "a"
                    && self.is_punct(k + 5, "-")
                    && self.lw(k + 6, &mut b) == "half"
                {
                    cur += 0.5;
                    end = k + 7;
                    break;
                }
                k += 2;
                continue;
            }
            if self.lw(k + 1, &mut b) == "and" {
                if self.lw(k + 2, &mut b) == "a" && self.lw(k + 3, &mut b) == "half" {
                    cur += 0.5;
                    end = k + 4;
                    break;
                }
                let next = self.lw(k + 2, &mut b);
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

    /// What follows a number ending before `j`: scale, percent, currency,
    /// unit, year or counted noun.
    #[allow(clippy::too_many_arguments)]
    fn tail(
        &self,
        i: usize,
        mut j: usize,
        mut value: f64,
        money: Option<&'static str>,
        year_ok: bool,
        mut scaled: bool,
        lone_one: bool,
    ) -> Step {
        let mut b = [0; 24];
        let mut b2 = [0; 24];
        if !scaled
            && let Some(e) = words::scale(self.lw(j, &mut b), money.is_some())
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
            let w = self.lw(j + 1, &mut b);
            if let Some(u) = words::time_unit(w) {
                let mut e = j + 2;
                if self.is_punct(e, "-")
                    && self.glued(e)
                    && matches!(self.lw(e + 1, &mut b2), "old" | "long")
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
                && !words::function_word(self.lw(j + 2, &mut b2));
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
        let w = self.lw(j, &mut b);
        if self.is_kind(j, Kind::Sym) && self.text(j) == "%" {
            return found(j + 1, b_("percent"));
        }
        match w {
            "percent" | "pct" => return found(j + 1, b_("percent")),
            "per" if self.lw(j + 1, &mut b2) == "cent" => return found(j + 2, b_("percent")),
            "percentage" if self.lw(j + 1, &mut b2).starts_with("point") => {
                return found(j + 2, b_("percentage points"));
            }
            "basis" if self.lw(j + 1, &mut b2).starts_with("point") => {
                return found(j + 2, b_("basis points"));
            }
            "square" | "sq" => {
                if let Some(u) = words::area_base(self.lw(j + 1, &mut b2)) {
                    return found(j + 2, b_(u));
                }
            }
            "us" if self.lw(j + 1, &mut b2).starts_with("dollar") => {
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
            let prep = i > 0 && words::year_preposition(self.lw(prev, &mut b2));
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
            && let Some(u) = words::time_unit(self.lw(j + 1, &mut b2))
        {
            return found(j + 2, b_(u));
        }
        if let Some((u, e)) = self.counted_noun(j, value == 1.0) {
            return found(e, Cow::Owned(u));
        }
        if lone_one {
            // A bare "one" ("one of the", "no one") is not a quantity.
            return Step::Skip(j);
        }
        found(j, b_(""))
    }

    /// The noun a number counts: "12 soldiers", "four other regions",
    /// "one person" (→ "people").
    fn counted_noun(&self, j: usize, single: bool) -> Option<(String, usize)> {
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
    fn single_noun(&self, j: usize) -> Option<(String, usize)> {
        let mut b = [0; 24];
        for k in j..j + 2 {
            if !self.is_kind(k, Kind::Word) || self.glued(k) || self.capitalised(k) {
                return None;
            }
            let w = self.lw(k, &mut b);
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
    fn qualifier_start(&self, start: usize) -> usize {
        let mut b1 = [0; 24];
        let mut b2 = [0; 24];
        let mut b3 = [0; 24];
        let w1 = if start >= 1 {
            self.lw(start - 1, &mut b1)
        } else {
            ""
        };
        let w2 = if start >= 2 {
            self.lw(start - 2, &mut b2)
        } else {
            ""
        };
        let w3 = if start >= 3 {
            self.lw(start - 3, &mut b3)
        } else {
            ""
        };
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
    fn inherit_range_units(&self, found: &mut [Found]) {
        for k in 1..found.len() {
            let (a, rest) = found.split_at_mut(k);
            let (a, b) = (&mut a[k - 1], &rest[0]);
            if !a.unit.is_empty()
                || b.unit.is_empty()
                || matches!(&*b.unit, "year" | "date" | "ordinal" | "rank" | "time")
            {
                continue;
            }
            let between = b.core.saturating_sub(a.end);
            let mut buf = [0; 24];
            let joined = between == 1
                && (self.is_punct(a.end, "-")
                    || matches!(self.lw(a.end, &mut buf), "to" | "and" | "or"));
            if joined && b.start >= a.end {
                a.unit = b.unit.clone();
            }
        }
    }
}

/// 21:30 → 21.3, rounded once from the exact decimal.
fn clock_value(hour: u64, minutes: u64) -> f64 {
    (hour * 100 + minutes) as f64 / 100.0
}

struct WordNumber {
    value: f64,
    end: usize,
    scaled: bool,
    ordinal: bool,
    /// A lone "one", reported only when it counts something.
    lone_one: bool,
}
