//! Dates and times of day for number extraction: "February 2022",
//! "Feb. 24, 2025", "24 February", "2025-02-24", "9:56 AM", "10 p.m.".

use super::lexer::Kind;
use super::{Digits, Scanner, Step, words};

impl<'a> Scanner<'a> {
    /// "2025-02-24".
    pub(super) fn iso_date(&self, i: usize, d: &Digits) -> Option<Step> {
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
    pub(super) fn clock(&self, i: usize, d: &Digits) -> Option<Step> {
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
        let w = self.lw(j);
        let (pm, end) = match w {
            "am" | "pm" => (w == "pm", j + 1),
            "a" | "p"
                if self.is_punct(j + 1, ".")
                    && self.glued(j + 1)
                    && self.lw(j + 2) == "m"
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
    pub(super) fn day_month(&self, i: usize, j: usize, day: u64) -> Option<Step> {
        if day == 0 || day > 31 {
            return None;
        }
        let mut m = j;
        if self.lw(m) == "of" {
            m += 1;
        }
        if !(self.capitalised(m) && words::month(self.lw(m))) {
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
    pub(super) fn year_at(&self, k: usize) -> Option<(f64, usize)> {
        let k = if self.is_punct(k, ",") { k + 1 } else { k };
        if !self.is_kind(k, Kind::Num) || self.glued(k + 1) && self.is_kind(k + 1, Kind::Word) {
            return None;
        }
        let y = Digits::parse(self.text(k));
        (y.plain && y.int_digits == 4 && (1000..=2100).contains(&y.mant))
            .then(|| (y.value(0), k + 1))
    }

    /// "February 2022", "Feb. 24, 2025", "March 3".
    pub(super) fn month_date(&self, i: usize) -> Step {
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
        if self.glued(end) && matches!(self.lw(end), "st" | "nd" | "rd" | "th") {
            end += 1;
        }
        match self.year_at(end) {
            Some((y, e)) => self.hit(i, e, y, "date"),
            None => self.hit(i, end, d.value(0), "date"),
        }
    }
}

/// 21:30 → 21.3, rounded once from the exact decimal.
fn clock_value(hour: u64, minutes: u64) -> f64 {
    (hour * 100 + minutes) as f64 / 100.0
}
