//! Page timestamps: recognising a line that is only a dateline ("Feb.24 -
//! 2025 9:56 AM CET", "Published 3 March 2025, updated ...", "Updated 2
//! hours ago") and normalising dates to ISO 8601 where unambiguous. Main
//! entry: [`parse_dateline`], yielding a [`Dateline`].

/// A page timestamp found on its own line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dateline {
    /// ISO 8601 when the date is unambiguous, else the text as found;
    /// `None` for a bare time of day.
    pub value: Option<String>,
    /// Only an "updated" stamp.
    pub is_update: bool,
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "mon",
    "tuesday",
    "tue",
    "tues",
    "wednesday",
    "wed",
    "thursday",
    "thu",
    "thur",
    "thurs",
    "friday",
    "fri",
    "saturday",
    "sat",
    "sunday",
    "sun",
];

/// Time zone abbreviations with their UTC offset in minutes; `None` for
/// ones that are kept as text because they are ambiguous or local.
const ZONES: &[(&str, Option<i32>)] = &[
    ("utc", Some(0)),
    ("gmt", Some(0)),
    ("z", Some(0)),
    ("cet", Some(60)),
    ("cest", Some(120)),
    ("eet", Some(120)),
    ("eest", Some(180)),
    ("wet", Some(0)),
    ("west", Some(60)),
    ("bst", Some(60)),
    ("msk", Some(180)),
    ("est", Some(-300)),
    ("edt", Some(-240)),
    ("cst", Some(-360)),
    ("cdt", Some(-300)),
    ("mst", Some(-420)),
    ("mdt", Some(-360)),
    ("pst", Some(-480)),
    ("pdt", Some(-420)),
    ("jst", Some(540)),
    ("kst", Some(540)),
    ("aest", Some(600)),
    ("aedt", Some(660)),
    ("ist", None),
    ("et", None),
    ("pt", None),
    ("ct", None),
    ("mt", None),
];

/// Words that may surround a timestamp.
const STAMP_WORDS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "last",
    "modified",
    "on",
    "at",
    "date",
    "time",
    "first",
    "originally",
    "ago",
    "min",
    "mins",
    "minute",
    "minutes",
    "hour",
    "hours",
    "hr",
    "hrs",
    "h",
    "day",
    "days",
    "week",
    "weeks",
    "st",
    "nd",
    "rd",
    "th",
    "of",
    "and",
    "just",
    "today",
    "yesterday",
    "edited",
    "created",
    "released",
    "am",
    "pm",
    "a",
    "m",
    "p",
    "t",
    "local",
    "issued",
    "uhr",
    "le",
    "el",
];

#[derive(Debug)]
enum Tok<'a> {
    Word(&'a str),
    Num(&'a str),
}

/// Splits a lowercase line into letter runs and digit runs (a time like
/// `9:56` stays one number token).
fn tokens(lower: &str) -> Vec<Tok<'_>> {
    Tokens { lower, i: 0 }.collect()
}

/// The tokens of [`tokens`], one at a time, so a line can be turned down
/// at its first word that is no part of a date.
struct Tokens<'a> {
    lower: &'a str,
    i: usize,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Tok<'a>;

    fn next(&mut self) -> Option<Tok<'a>> {
        let lower = self.lower;
        let bytes = lower.as_bytes();
        let mut i = self.i;
        while i < bytes.len() {
            let c = lower[i..].chars().next().unwrap_or(' ');
            if c.is_alphabetic() {
                let start = i;
                while i < bytes.len() {
                    let d = lower[i..].chars().next().unwrap_or(' ');
                    if !d.is_alphabetic() {
                        break;
                    }
                    i += d.len_utf8();
                }
                self.i = i;
                return Some(Tok::Word(&lower[start..i]));
            } else if c.is_ascii_digit() {
                let start = i;
                while i < bytes.len()
                    && (bytes[i].is_ascii_digit()
                        || (bytes[i] == b':'
                            && i + 1 < bytes.len()
                            && bytes[i + 1].is_ascii_digit()))
                {
                    i += 1;
                }
                self.i = i;
                return Some(Tok::Num(&lower[start..i]));
            } else {
                i += c.len_utf8();
            }
        }
        self.i = i;
        None
    }
}

/// The line is only a page timestamp ("Feb.24 - 2025 9:56 AM CET",
/// "Published 3 March 2025, updated 4 March 2025", "Updated 2 hours ago").
pub(crate) fn parse_dateline(line: &str) -> Option<Dateline> {
    // A stamp needs a number (below), and lower-casing makes no digits.
    if line.len() > 120 || !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let lower = line.to_lowercase();
    let mut has_num = false;
    let mut has_anchor = false;
    let mut has_month = false;
    let mut has_year = false;
    let mut short_nums = 0;
    // Over 24 tokens is no stamp; so is a line with a word of prose, and
    // the walk stops at whichever comes first.
    let toks = Tokens {
        lower: &lower,
        i: 0,
    };
    for (k, t) in toks.enumerate() {
        if k >= 24 {
            return None;
        }
        match &t {
            Tok::Num(n) => {
                has_num = true;
                if n.contains(':') {
                    has_anchor = true;
                } else if n.len() == 4 {
                    has_year = true;
                } else if n.len() <= 2 {
                    short_nums += 1;
                }
            }
            Tok::Word(w) => {
                if month_of(w).is_some() {
                    has_month = true;
                } else if *w == "ago" {
                    has_anchor = true;
                } else if !(WEEKDAYS.contains(w)
                    || STAMP_WORDS.contains(w)
                    || ZONES.iter().any(|(z, _)| z == w))
                {
                    return None;
                }
            }
        }
    }
    // A stamp names a day or a time: "February 2022" or a lone year is
    // prose or a heading; a numeric date has three parts.
    let has_day = (has_month && short_nums >= 1) || (has_year && short_nums >= 2);
    if !(has_num && (has_anchor || has_day)) {
        return None;
    }
    let is_update = lower.contains("updated") || lower.contains("modified");
    let published_part = match (
        lower.find("published").or(lower.find("posted")),
        lower.find("updated"),
    ) {
        (Some(p), Some(u)) if p < u => &lower[..u],
        (None, Some(u)) if u > 0 && has_date(&lower[..u]) => &lower[..u],
        _ => &lower[..],
    };
    let is_update = is_update && !has_date_before_update(&lower);
    let normalised = normalise_date(published_part);
    // A bare time ("6:05 p.m.") marks an update in a live blog; it is
    // dropped but says nothing about the publication date.
    let named = has_month
        || has_year
        || lower.contains("published")
        || lower.contains("posted")
        || lower.contains("updated")
        || lower.contains("ago");
    let value = match normalised {
        Some(v) => Some(v),
        None if named => Some(line.trim().to_string()),
        None => None,
    };
    Some(Dateline { value, is_update })
}

fn has_date(lower: &str) -> bool {
    normalise_date(lower).is_some()
}

fn has_date_before_update(lower: &str) -> bool {
    lower
        .find("updated")
        .is_some_and(|u| u > 0 && has_date(&lower[..u]))
}

/// 1-12 for a lower-case month name or abbreviation ("sept", "feb").
/// Whether a lower-case word can follow a clock time in the same sentence
/// ("3 a.m. Sunday", "7 p.m. Jan. 5", "9 p.m. ET"): a weekday or month name
/// written out (or a month cut to its stop), or a time zone.
pub(crate) fn follows_clock_time(w: &str, stop: bool) -> bool {
    let full_weekday = WEEKDAYS.contains(&w) && w.len() > 4;
    let month = MONTHS.iter().any(|(m, _)| *m == w) && (w.len() > 3 || stop || w == "may");
    full_weekday || month || ZONES.iter().any(|(z, _)| *z == w && w.len() > 1)
}

pub(crate) fn month_of(w: &str) -> Option<u32> {
    MONTHS.iter().find(|(m, _)| *m == w).map(|(_, n)| *n)
}

/// ISO 8601 form of the first date in a lowercase stamp: `2025-02-24`,
/// with `T09:56` and an offset when a time and a known zone are given.
pub(crate) fn normalise_date(lower: &str) -> Option<String> {
    let toks = tokens(lower);
    let mut year = None;
    let mut month = None;
    let mut day = None;
    let mut time: Option<(u32, u32)> = None;
    let mut pm = None;
    let mut zone = None;
    let mut loose: Vec<u32> = Vec::new();
    let mut prev_word = "";
    for t in &toks {
        match t {
            Tok::Num(n) if n.contains(':') => {
                if time.is_none() {
                    let mut parts = n.split(':');
                    let h = parts.next().and_then(|x| x.parse().ok());
                    let m = parts.next().and_then(|x| x.parse().ok());
                    if let (Some(h), Some(m)) = (h, m)
                        && h < 24
                        && m < 60
                    {
                        time = Some((h, m));
                    }
                }
            }
            Tok::Num(n) => {
                let v: u32 = n.parse().ok()?;
                if n.len() == 4 && (1900..=2100).contains(&v) && year.is_none() {
                    year = Some(v);
                } else if n.len() <= 2 {
                    loose.push(v);
                }
            }
            Tok::Word(w) => {
                if let Some(m) = month_of(w)
                    && month.is_none()
                {
                    month = Some(m);
                } else if (*w == "am" || *w == "pm") && time.is_some() {
                    pm = Some(*w == "pm");
                } else if *w == "m" && (prev_word == "a" || prev_word == "p") && time.is_some() {
                    pm = Some(prev_word == "p");
                } else if let Some((_, off)) = ZONES.iter().find(|(z, _)| z == w)
                    && time.is_some()
                    && zone.is_none()
                {
                    zone = Some(*off);
                }
                prev_word = w;
            }
        }
    }
    let year = year?;
    if month.is_some() {
        day = loose.first().copied();
    } else if loose.len() >= 2 {
        // Numeric dates: ISO order after a leading year, else only when
        // unambiguous (one side above 12).
        let (a, b) = (loose[0], loose[1]);
        let iso = lower.trim_start().starts_with(&year.to_string());
        if iso || b > 12 && a <= 12 {
            month = Some(a);
            day = Some(b);
        } else if a > 12 && b <= 12 {
            month = Some(b);
            day = Some(a);
        } else {
            return None;
        }
    }
    let month = month?;
    let day = day?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let mut out = format!("{year:04}-{month:02}-{day:02}");
    if let Some((mut h, m)) = time {
        match pm {
            Some(true) if h < 12 => h += 12,
            Some(false) if h == 12 => h = 0,
            _ => {}
        }
        out.push_str(&format!("T{h:02}:{m:02}"));
        if let Some(Some(off)) = zone {
            if off == 0 {
                out.push('Z');
            } else {
                let sign = if off < 0 { '-' } else { '+' };
                let off = off.abs();
                out.push_str(&format!("{sign}{:02}:{:02}", off / 60, off % 60));
            }
        }
    }
    Some(out)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        let d = parse_dateline("Feb.24 - 2025 9:56 AM CET").expect("dateline");
        assert_eq!(d.value.as_deref(), Some("2025-02-24T09:56+01:00"));
        let d = parse_dateline("Published 3 March 2025, updated 4 March 2025 10:00 GMT")
            .expect("dateline");
        assert_eq!(d.value.as_deref(), Some("2025-03-03"));
        assert!(!d.is_update);
        let d = parse_dateline("Updated: 4 March 2025 at 2:30 p.m. EST").expect("dateline");
        assert_eq!(d.value.as_deref(), Some("2025-03-04T14:30-05:00"));
        assert!(d.is_update);
        assert_eq!(
            parse_dateline("2025-03-04")
                .and_then(|d| d.value)
                .as_deref(),
            Some("2025-03-04")
        );
        assert_eq!(
            parse_dateline("Monday, March 3, 2025")
                .and_then(|d| d.value)
                .as_deref(),
            Some("2025-03-03")
        );
        assert_eq!(
            parse_dateline("Updated 2 hours ago")
                .and_then(|d| d.value)
                .as_deref(),
            Some("Updated 2 hours ago")
        );
        assert!(
            parse_dateline("03/04/2025").is_some_and(|d| d.value.as_deref() == Some("03/04/2025"))
        );
        let t = parse_dateline("6:05 p.m.").expect("time stamp");
        assert_eq!(t.value, None);
        assert_eq!(parse_dateline("War"), None);
        assert_eq!(parse_dateline("In March 2025 the talks failed."), None);
        assert_eq!(parse_dateline("30 days of talks"), None);
        assert_eq!(parse_dateline("2025"), None);
        assert_eq!(parse_dateline("February 2022."), None);
    }

    #[test]
    fn invalid_dates_stay_text() {
        assert_eq!(normalise_date("feb 30 2025"), None);
        assert_eq!(normalise_date("feb 29 2024").as_deref(), Some("2024-02-29"));
    }
}
