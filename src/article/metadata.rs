//! Article metadata: the [`Meta`] record (title, byline, publication date),
//! byline lines ("By X", "Written by X") and title cleaning. Datelines are
//! in [`super::dates`].

pub(crate) use super::dates::{Dateline, normalise_date, parse_dateline};
use super::line::{ends_sentence, lower_head, strip_decoration, word_count};

/// Title, byline and publication date, as found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Meta {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    /// The publication date came from an "updated" stamp; a later
    /// "published" stamp replaces it.
    pub published_is_update: bool,
}

impl Meta {
    /// Records a dateline, preferring a publication stamp to an update.
    pub fn note_date(&mut self, date: Dateline) {
        let Some(value) = date.value else {
            return;
        };
        if self.published.is_none() || (self.published_is_update && !date.is_update) {
            self.published = Some(value);
            self.published_is_update = date.is_update;
        }
    }

    pub fn note_byline(&mut self, name: String) {
        if self.byline.is_none() {
            self.byline = Some(name);
        }
    }

    /// Records the byline in `line` (and a date sharing the line, as in
    /// "By Jane Roe | Updated 3 June 2025"); false when it is no byline.
    pub fn take_byline(&mut self, line: &str, header: bool) -> bool {
        let Some(name) = parse_byline(line, header) else {
            return false;
        };
        self.note_byline(name);
        for part in line.split(['|', '\u{2022}', '\u{00B7}']).skip(1) {
            if let Some(date) = parse_dateline(part.trim()) {
                self.note_date(date);
            }
        }
        true
    }
}

/// Openings of a byline line; `explicit` ones are bylines anywhere in the
/// text, the bare "By" only near the top or bottom.
const BYLINE_OPENERS: &[(&str, bool)] = &[
    ("written by ", true),
    ("words by ", true),
    ("story by ", true),
    ("text by ", true),
    ("reported by ", true),
    ("posted by ", true),
    ("author: ", true),
    ("authors: ", true),
    ("byline: ", true),
    ("by: ", true),
    ("by ", false),
];

/// Words that start a phrase, not a name: "By the numbers", "By contrast".
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "its",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "all",
    "some",
    "far",
    "now",
    "then",
    "contrast",
    "comparison",
    "way",
    "law",
    "land",
    "air",
    "sea",
    "design",
    "default",
    "mistake",
    "accident",
    "chance",
    "hand",
    "night",
    "day",
    "noon",
    "midnight",
    "early",
    "late",
    "most",
    "many",
    "no",
    "one",
    "two",
    "comparison",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "next",
    "last",
    "then",
    "now",
    "2020",
];

/// Lowercase words allowed inside a name ("Ursula von der Leyen").
const NAME_PARTICLES: &[&str] = &[
    "and", "de", "van", "von", "der", "den", "da", "del", "della", "di", "la", "le", "bin", "al",
    "el", "du", "dos", "das", "y", "&", "ten", "ter", "in", "for", "at", "with",
];

/// The name in a byline line ("By Jane Roe and Sam Poe, Reuters"), if the
/// line is one. `header` allows the bare "By X" form.
pub(crate) fn parse_byline(line: &str, header: bool) -> Option<String> {
    if line.len() > 200 {
        return None;
    }
    let lower = lower_head(line, 16);
    let (opener, _) = BYLINE_OPENERS
        .iter()
        .find(|(o, explicit)| lower.starts_with(o) && (*explicit || header))?;
    let rest = line.get(opener.len()..)?.trim();
    // "By Jane Roe | 3 March 2025" or "By Jane Roe - Reuters": the name is
    // the first segment.
    let name = rest
        .split(['|', '\u{2022}', '\u{00B7}'])
        .next()
        .unwrap_or("")
        .split(" - ")
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches([',', ';', ':'])
        .trim();
    // "By Jane Roe March 3, 2025": a date run on after the name is no part
    // of it.
    let name = strip_trailing_date(name);
    let words = word_count(name);
    if words == 0 || words > 10 || (ends_sentence(name) && !name.ends_with("Jr.")) {
        return None;
    }
    // Only the name itself is checked: "Jane Roe, political correspondent".
    let person = name.split(',').next().unwrap_or(name);
    let mut capitals = 0;
    for (i, w) in person.split(' ').enumerate() {
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        if core.is_empty() {
            continue;
        }
        let lower = core.to_lowercase();
        if i == 0 && NOT_NAMES.contains(&lower.as_str()) {
            return None;
        }
        let first = core.chars().next().unwrap_or(' ');
        if first.is_uppercase() {
            capitals += 1;
        } else if !NAME_PARTICLES.contains(&lower.as_str()) {
            return None;
        }
    }
    (capitals > 0).then(|| name.to_string())
}

/// `name` without a date run on after it ("Jane Roe March 3, 2025" gives
/// "Jane Roe"); the longest trailing run of words that reads as a date is
/// cut, and at least one word is kept.
fn strip_trailing_date(name: &str) -> &str {
    let starts = name
        .char_indices()
        .filter(|&(i, c)| i > 0 && c == ' ')
        .map(|(i, _)| i + 1);
    for at in starts {
        if parse_dateline(&name[at..]).is_some() {
            return name[..at].trim_end().trim_end_matches([',', ';']);
        }
    }
    name
}

/// The site's name as an HTML `<title>` gives it after its last
/// separator ("Story | Site"), when a headline stands before it.
fn site_suffix(title_tag: &str) -> Option<&str> {
    [" | ", " - ", " :: ", " \u{2022} "]
        .iter()
        .filter_map(|sep| title_tag.rsplit_once(sep))
        .filter(|(head, tail)| word_count(head) >= 2 && !tail.trim().is_empty())
        .map(|(_, tail)| tail.trim())
        .min_by_key(|tail| tail.len())
}

/// Letters and digits only, lower-cased: titles compared so ignore case,
/// decoration and spacing.
fn plain_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// `candidate` (an `<h1>` text) is only the site's name, as the `<title>`
/// gives it after the headline ("Story | Site" with `<h1>Site</h1>` as a
/// masthead): no headline.
pub(crate) fn is_site_name(candidate: &str, title_tag: Option<&str>) -> bool {
    let key = plain_key(candidate);
    !key.is_empty()
        && title_tag
            .and_then(site_suffix)
            .is_some_and(|site| plain_key(site) == key)
}

/// A title as shown: decoration stripped, and a site name after " | " or
/// " - " dropped from an HTML `<title>`.
pub(crate) fn clean_title(raw: &str, strip_site: bool) -> Option<String> {
    let mut t = strip_decoration(raw);
    if strip_site {
        for sep in [" | ", " - ", " :: ", " \u{2022} "] {
            if let Some((head, _)) = t.rsplit_once(sep)
                && word_count(head) >= 3
            {
                t = head.trim();
                break;
            }
        }
    }
    let t = strip_decoration(t);
    (!t.is_empty()).then(|| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        assert_eq!(
            parse_byline("Written by Jane Roe", false).as_deref(),
            Some("Jane Roe")
        );
        assert_eq!(
            parse_byline("By Jane Roe and Sam Poe", true).as_deref(),
            Some("Jane Roe and Sam Poe")
        );
        assert_eq!(
            parse_byline("By Jane Roe | 3 March 2025", true).as_deref(),
            Some("Jane Roe")
        );
        assert_eq!(
            parse_byline("By Ana de la Cruz, Reuters", true).as_deref(),
            Some("Ana de la Cruz, Reuters")
        );
        assert_eq!(parse_byline("By Jane Roe", false), None);
        assert_eq!(
            parse_byline("By Jane Roe, political correspondent", true).as_deref(),
            Some("Jane Roe, political correspondent")
        );
        assert_eq!(parse_byline("By the numbers", true), None);
        assert_eq!(
            parse_byline("By Tuesday, the army had withdrawn.", true),
            None
        );
        assert_eq!(parse_byline("By contrast, prices rose", true), None);
    }

    #[test]
    fn byline_with_date() {
        let mut m = Meta::default();
        assert!(m.take_byline("By Jane Roe | Updated 3 June 2025 at 18:02 BST", true));
        assert_eq!(m.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(m.published.as_deref(), Some("2025-06-03T18:02+01:00"));
        assert!(!m.take_byline("Plain text.", true));
    }

    #[test]
    fn meta_prefers_publication_to_update() {
        let mut m = Meta::default();
        m.note_date(Dateline {
            value: Some("2025-03-04".into()),
            is_update: true,
        });
        m.note_date(Dateline {
            value: Some("2025-03-03".into()),
            is_update: false,
        });
        m.note_date(Dateline {
            value: Some("2025-03-05".into()),
            is_update: false,
        });
        assert_eq!(m.published.as_deref(), Some("2025-03-03"));
    }

    #[test]
    fn byline_with_run_on_date() {
        assert_eq!(
            parse_byline("by Jane September 9, 2013", true).as_deref(),
            Some("Jane")
        );
        assert_eq!(
            parse_byline("By Sam Poe 4 May 2021", true).as_deref(),
            Some("Sam Poe")
        );
        // Only a date is cut: other lower-case words still end the byline.
        assert_eq!(parse_byline("by Jane going home on May 9", true), None);
    }

    #[test]
    fn site_name_is_no_headline() {
        let tag = Some("Harbour Plan Approved | The Daily Example");
        assert!(is_site_name("The Daily Example", tag));
        assert!(is_site_name("the daily  example", tag));
        assert!(!is_site_name("Harbour Plan Approved", tag));
        assert!(!is_site_name(
            "The Daily Example",
            Some("The Daily Example")
        ));
        assert!(!is_site_name("The Daily Example", None));
    }

    #[test]
    fn titles() {
        assert_eq!(
            clean_title("//A Title Here//", false).as_deref(),
            Some("A Title Here")
        );
        assert_eq!(
            clean_title("Talks Resume in Geneva | Example News", true).as_deref(),
            Some("Talks Resume in Geneva")
        );
        assert_eq!(
            clean_title("Talks | News", true).as_deref(),
            Some("Talks | News")
        );
    }
}
