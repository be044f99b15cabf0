//! Readings whose unit hangs on what follows the digits: temperatures
//! ("20°C", "-5C", "minus 3 degrees Celsius") and "m" as millions before a
//! counted noun ("2m people") rather than metres ("2m high").

use std::borrow::Cow;

use super::lexer::Kind;
use super::{Found, Scanner, Step, words};

impl<'a> Scanner<'a> {
    /// A temperature whose digits are the token at `i` and end before `j`:
    /// "20°C", "20° F", "12C", "95 degrees Fahrenheit", with its sign
    /// ("minus 12C", "-5°C").
    pub(super) fn temperature(&self, i: usize, j: usize, value: f64) -> Option<Step> {
        let scale_word = |k: usize| match self.lw(k) {
            "c" | "celsius" | "centigrade" => Some("celsius"),
            "f" | "fahrenheit" => Some("fahrenheit"),
            _ => None,
        };
        let (end, unit) = if self.is_punct(j, "\u{B0}") && self.glued(j) {
            match scale_word(j + 1) {
                Some(u) if self.glued(j + 1) || self.lw(j + 1).len() > 1 => (j + 2, u),
                _ => (j + 1, "degrees"),
            }
        } else if self.glued(j) && matches!(self.word(j), Some("C" | "F")) {
            // Capital and glued: "12C"; "5c" is no reading, and after a
            // name ("iPhone 5C", "Seat 12C") it is a model or a place.
            let after_name = i
                .checked_sub(1)
                .and_then(|p| self.word(p))
                .is_some_and(|w| w.chars().any(char::is_uppercase));
            if after_name {
                return None;
            }
            (j + 1, scale_word(j)?)
        } else if !self.glued(j) && matches!(self.lw(j), "degrees" | "degree") {
            match scale_word(j + 1) {
                Some(u) => (j + 2, u),
                // "minus 3 degrees": a temperature, whatever its scale.
                None if i > 0 && self.lw(i - 1) == "minus" => (j + 1, "degrees"),
                None => return None,
            }
        } else {
            return None;
        };
        let (start, value) = match i.checked_sub(1) {
            Some(p) if self.lw(p) == "minus" => (p, -value),
            Some(p)
                if self.glued(i)
                    && (self.is_punct(p, "-") || self.is_punct(p, "\u{2212}"))
                    && (p == 0 || !self.glued(p)) =>
            {
                (p, -value)
            }
            _ => (i, value),
        };
        Some(Step::Hit(Found {
            start,
            core: i,
            end,
            value,
            unit: Cow::Borrowed(unit),
        }))
    }

    /// "m" glued to digits means millions when a counted noun or a unit
    /// follows ("2m people", "5m tonnes"), metres otherwise ("3m high").
    pub(super) fn millions_before_noun(&self, m: usize) -> bool {
        let next = self.lw(m + 1);
        self.is_kind(m + 1, Kind::Word)
            && !self.glued(m + 1)
            && !self.capitalised(m + 1)
            && words::looks_plural(next)
            && !words::function_word(next)
    }
}
