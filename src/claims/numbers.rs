//! Quantities in a sentence: digits, number words, percentages, money,
//! units, years and dates, normalised to a [`NumberMention`].
//!
//! A hand-written tokenizer ([`lexer`]) feeds a left-to-right scanner that
//! tries, at each token, the forms a quantity can take; word lists live in
//! [`words`]. Linear in the sentence, one token buffer per call.

mod dates;
mod lexer;
mod measures;
mod spelled;
mod tail;
#[cfg(test)]
mod tests;
mod words;

use std::borrow::Cow;

use super::NumberMention;
use lexer::{Kind, Tok};
use words::lower;

/// Whether `w` (lower case) is a spelled-out number up to the tens
/// ("two", "twenty"), as a time span before "ago" opens with one.
pub fn is_number_word(w: &str) -> bool {
    words::small_number(w).is_some() || words::tens(w).is_some()
}

/// Whether "one" before `next` and `after` is a figure of speech about
/// progress ("one step closer", "one step ahead"), not a count. Shared by
/// extraction and the diff's own number reading.
pub fn one_is_figure_of_speech(next: &str, after: &str) -> bool {
    matches!(next, "step" | "steps")
        && matches!(
            after,
            "closer" | "nearer" | "further" | "farther" | "ahead" | "away" | "forward" | "back"
        )
}

/// Whether a mention's unit (as extracted) is a unit of measure: time,
/// distance, weight, area, energy, temperature, money or a percentage.
/// The other units are counted nouns ("troops", "people"), which an edit
/// may reword without changing the count.
pub fn is_measure_unit(unit: &str) -> bool {
    let u = unit.trim().to_ascii_lowercase();
    let base = u.strip_prefix("square ").unwrap_or(&u);
    words::time_unit(&u).is_some()
        || words::measure_unit(base).is_some()
        || words::currency_word(&u).is_some()
        || matches!(
            u.as_str(),
            "percent"
                | "percentage points"
                | "celsius"
                | "fahrenheit"
                | "barrels per day"
                | "km/h"
                | "mph"
                | "cad"
                | "aud"
                | "hkd"
                | "nzd"
                | "sgd"
        )
}

/// Every quantity in `sentence`, in order of appearance.
pub fn extract_numbers(sentence: &str) -> Vec<NumberMention> {
    // Most sentences hold no quantity: a byte pass proves it before any
    // token is built.
    if !may_hold_number(sentence) {
        return Vec::new();
    }
    scan_numbers(sentence, &sentence.to_ascii_lowercase())
}

/// [`extract_numbers`] given `lowered`, `sentence.to_ascii_lowercase()`
/// (claim typing has it already).
pub(crate) fn extract_numbers_lowered(sentence: &str, lowered: &str) -> Vec<NumberMention> {
    if !may_hold_number(sentence) {
        return Vec::new();
    }
    scan_numbers(sentence, lowered)
}

/// [`extract_numbers`] without the pre-check.
fn scan_numbers(sentence: &str, lowered: &str) -> Vec<NumberMention> {
    debug_assert_eq!(lowered.len(), sentence.len());
    let mut toks = Vec::with_capacity(sentence.len() / 4 + 4);
    lexer::tokenize(sentence, &mut toks);
    let sc = Scanner {
        s: sentence,
        lowered,
        t: &toks,
    };
    let mut found: Vec<Found> = Vec::with_capacity(4);
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
    // An exact allocation: collecting in place would keep `found`'s larger
    // buffer in every claim for as long as the claims live.
    let mut out = Vec::with_capacity(found.len());
    out.extend(found.into_iter().map(|f| NumberMention {
        text: sentence[toks[f.start].start..toks[f.end - 1].end].to_string(),
        value: f.value,
        unit: f.unit.into_owned(),
    }));
    out
}

/// False only when `sentence` holds no quantity: no ASCII digit (the
/// only start of a numeric token) and no word that can open a spelled-out
/// number ("a"/"an" only before a scale word such as "dozen"). Without a
/// digit, currency signs, codes and months never make a mention, so the
/// scanner's only possible hits start at such a word. A word made of ASCII
/// letters is a maximal run of them, so runs are checked; a run inside a
/// longer non-ASCII word only errs towards the full scan.
fn may_hold_number(sentence: &str) -> bool {
    let b = sentence.as_bytes();
    // A digit settles it: an OR over every byte without early exit (it
    // vectorises) before the word walk.
    if b.iter().fold(false, |any, &c| any | c.is_ascii_digit()) {
        return true;
    }
    let n = b.len();
    let mut i = 0;
    let mut article = false;
    while i < n {
        match BYTE_CLASS[usize::from(b[i])] {
            DIGIT => return true,
            LETTER => {}
            _ => {
                i += 1;
                continue;
            }
        }
        let start = i;
        while i < n && BYTE_CLASS[usize::from(b[i])] == LETTER {
            i += 1;
        }
        let run = &sentence[start..i];
        if std::mem::take(&mut article) && words::article_scale(run) {
            return true;
        }
        if !words::may_open_number(run) {
            continue;
        }
        let mut buf = [0; 24];
        match lower(run, &mut buf) {
            "a" | "an" => article = true,
            w => {
                if words::start_word(w) {
                    return true;
                }
            }
        }
    }
    false
}

const LETTER: u8 = 1;
const DIGIT: u8 = 2;

/// ASCII letters and digits by byte: one load per byte in the pre-check.
const BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = if b.is_ascii_alphabetic() {
            LETTER
        } else if b.is_ascii_digit() {
            DIGIT
        } else {
            0
        };
        c += 1;
    }
    t
};

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
    /// `s.to_ascii_lowercase()` (the same byte offsets), which [`Self::lw`]
    /// slices.
    lowered: &'a str,
    t: &'a [Tok],
}

impl<'a> Scanner<'a> {
    fn text(&self, k: usize) -> &'a str {
        let t = &self.t[k];
        &self.s[t.start..t.end]
    }

    fn text_or_empty(&self, k: usize) -> &'a str {
        if k < self.t.len() { self.text(k) } else { "" }
    }

    /// Token `k` is a word; its text.
    fn word(&self, k: usize) -> Option<&'a str> {
        (k < self.t.len() && self.t[k].kind == Kind::Word).then(|| self.text(k))
    }

    /// Lower-cased word at `k` ("" when not a word), as [`lower`] gives
    /// it (an ASCII word of at most 24 bytes, else ""), sliced from the
    /// lowered sentence rather than copied and checked per look-up.
    fn lw(&self, k: usize) -> &'a str {
        match self.word(k) {
            Some(w) if w.len() <= 24 && w.is_ascii() => {
                let t = &self.t[k];
                &self.lowered[t.start..t.end]
            }
            _ => "",
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
        if cur == "usd"
            && i > 0
            && self.glued(i)
            && let Some(c) = words::dollar_prefix(self.lw(i - 1))
        {
            cur = c;
            start = i - 1;
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
        if let Some(e) = words::scale(self.lw(j), true) {
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
            let suf = self.lw(j);
            if let Some(e) = words::scale(suf, false) {
                exp = e;
                j += 1;
            } else if suf == "m" && self.millions_before_noun(j) {
                exp = 6;
                j += 1;
            } else if let Some(step) = self.temperature(i, j, d.value(0)) {
                return step;
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
        if exp == 0
            && let Some(step) = self.temperature(i, j, d.value(0))
        {
            return step;
        }
        // "59 and a half".
        if exp == 0 && self.and_a_half(j) {
            return self.tail(i, j + 3, d.value(0) + 0.5, None, false, false, false);
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
            let w = self.lw(i - 2);
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
}
