//! Word lists the classifier reads tokens with: number words, ordinals,
//! month and weekday names, reporting verbs ([`NumKind`], [`number_kind`]).

use super::words::Token;

/// What a quantity-like word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumKind {
    Number,
    Date,
}

const NUMBER_WORDS: &[&str] = &[
    "billion",
    "billions",
    "double",
    "doubled",
    "dozen",
    "dozens",
    "eight",
    "eighteen",
    "eighty",
    "eleven",
    "fifteen",
    "fifty",
    "five",
    "forty",
    "four",
    "fourteen",
    "half",
    "halved",
    "hundred",
    "hundreds",
    "million",
    "millions",
    "nine",
    "nineteen",
    "ninety",
    "one",
    "seven",
    "seventeen",
    "seventy",
    "six",
    "sixteen",
    "sixty",
    "ten",
    "thirteen",
    "thirty",
    "thousand",
    "thousands",
    "three",
    "trillion",
    "tripled",
    "twelve",
    "twenty",
    "twice",
    "two",
    "zero",
];

const ORDINALS: &[&str] = &[
    "eighth",
    "eleventh",
    "fifth",
    "first",
    "fourth",
    "hundredth",
    "ninth",
    "second",
    "seventh",
    "sixth",
    "tenth",
    "third",
    "thirtieth",
    "twelfth",
    "twentieth",
];

/// Month names and their usual abbreviations; "may" and "march" are also
/// common verbs, see [`number_kind`].
const MONTHS: &[&str] = &[
    "apr",
    "april",
    "aug",
    "august",
    "dec",
    "december",
    "feb",
    "february",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "march",
    "may",
    "nov",
    "november",
    "oct",
    "october",
    "sep",
    "sept",
    "september",
];

const DAY_WORDS: &[&str] = &[
    "friday",
    "monday",
    "saturday",
    "sunday",
    "thursday",
    "today",
    "tomorrow",
    "tonight",
    "tuesday",
    "wednesday",
    "yesterday",
];

/// Words before a month name that make "May"/"March" a date, not a verb.
const DATE_PREPOSITIONS: &[&str] = &[
    "by", "early", "end", "from", "in", "last", "late", "mid", "next", "of", "on", "since", "this",
    "through", "until",
];

/// Verbs that introduce what someone said; the words next to them name
/// the speaker.
const REPORTING_VERBS: &[&str] = &[
    "according",
    "acknowledged",
    "added",
    "adds",
    "admitted",
    "announced",
    "argued",
    "argues",
    "asserted",
    "cautioned",
    "claimed",
    "claims",
    "commented",
    "confirmed",
    "declared",
    "denied",
    "emphasised",
    "emphasized",
    "explained",
    "insisted",
    "insists",
    "noted",
    "notes",
    "predicted",
    "reiterated",
    "remarked",
    "replied",
    "responded",
    "said",
    "say",
    "says",
    "stated",
    "states",
    "stressed",
    "suggested",
    "tells",
    "told",
    "urged",
    "warned",
    "warns",
    "wrote",
];

/// Words before "one" that make it a pronoun ("no one", "the one").
const ONE_PRONOUN_BEFORE: &[&str] = &[
    "any", "each", "every", "no", "only", "some", "that", "the", "this", "which",
];

/// Closed-class words (determiners, quantifiers, pronouns, conjunctions)
/// that are capitalised only because a sentence starts with them, never
/// names: "Every family", "Most", "They".
const FUNCTION_WORDS: &[&str] = &[
    "a", "all", "an", "and", "another", "any", "both", "but", "each", "either", "every", "few",
    "he", "her", "here", "his", "i", "if", "it", "its", "many", "most", "much", "my", "neither",
    "no", "none", "our", "several", "she", "so", "some", "such", "that", "the", "their", "there",
    "these", "they", "this", "those", "we", "what", "when", "where", "which", "while", "who",
    "you", "your",
];

/// True when every word of a supposed entity is a function word.
pub fn is_function_phrase(entity: &str) -> bool {
    let mut words = entity
        .split_whitespace()
        .map(super::words::core_of)
        .peekable();
    words.peek().is_some() && words.all(|w| w.is_empty() || has(FUNCTION_WORDS, &w))
}

fn has(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

pub fn is_reporting_verb(core: &str) -> bool {
    has(REPORTING_VERBS, core)
}

fn is_year(part: &str) -> bool {
    let digits = part.strip_suffix('s').unwrap_or(part);
    digits.len() == 4
        && digits.chars().all(|c| c.is_ascii_digit())
        && digits
            .parse::<u32>()
            .is_ok_and(|y| (1000..=2199).contains(&y))
}

/// "5", "5th", "21st": a day of the month when next to a month name.
fn is_day_number(part: &str) -> bool {
    let digits: String = part.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = &part[digits.len()..];
    !digits.is_empty() && digits.len() <= 2 && matches!(rest, "" | "st" | "nd" | "rd" | "th")
}

fn is_month(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    if !t.is_capitalised() || !has(MONTHS, &t.core) {
        return false;
    }
    if t.core != "may" && t.core != "march" {
        return true;
    }
    let prev = i.checked_sub(1).map(|p| tokens[p].core.as_str());
    let next_digit = tokens
        .get(i + 1)
        .is_some_and(|n| n.core.starts_with(|c: char| c.is_ascii_digit()));
    next_digit || prev.is_some_and(|p| has(DATE_PREPOSITIONS, p))
}

/// Whether token `i` states a quantity or a date: digits, number words,
/// ordinals (also inside compounds: "second-largest", "30-day"), years,
/// month and weekday names, and day numbers next to a month.
/// Words that make a period of time a date counted from now.
const RELATIVE_DATE_MODIFIERS: &[&str] = &["coming", "last", "next", "past", "previous", "this"];

/// Periods of time a [`RELATIVE_DATE_MODIFIERS`] word dates ("next week").
const PERIOD_WORDS: &[&str] = &[
    "autumn", "fall", "month", "spring", "summer", "week", "weekend", "winter", "year",
];

/// Either word of a date counted from now ("next week", "last year",
/// "this spring"): "next week" → "next month" moves the date.
fn relative_date(tokens: &[Token], i: usize) -> bool {
    let core = |k: usize| tokens.get(k).map_or("", |t| t.core.as_str());
    let pair = |m: usize| has(RELATIVE_DATE_MODIFIERS, core(m)) && has(PERIOD_WORDS, core(m + 1));
    // "a year ago", "a decade earlier": one period counted back or on from
    // now, with no figure the extractor would see ("a decade ago" → "a
    // year ago" moves the date).
    let one_period = |m: usize| {
        matches!(core(m), "a" | "an")
            && (has(PERIOD_WORDS, core(m + 1)) || has(COUNTED_PERIODS, core(m + 1)))
            && has(FROM_NOW, core(m + 2))
    };
    pair(i) || i.checked_sub(1).is_some_and(|m| pair(m) || one_period(m)) || one_period(i)
}

/// Periods that are counted ("a decade ago") but not named with "next"
/// or "last" in [`PERIOD_WORDS`].
const COUNTED_PERIODS: &[&str] = &[
    "century",
    "day",
    "decade",
    "fortnight",
    "generation",
    "hour",
];

/// Words that place a counted period before or after now ("a year ago").
const FROM_NOW: &[&str] = &["ago", "earlier", "later"];

pub fn number_kind(tokens: &[Token], i: usize) -> Option<NumKind> {
    let t = &tokens[i];
    if t.core.is_empty() {
        return None;
    }
    if is_month(tokens, i) {
        return Some(NumKind::Date);
    }
    // Most words have no hyphen: their one part is the core, borrowed
    // rather than built (this runs for every word of every changed claim).
    let hyphenated = t.text.contains('-');
    let parts: std::borrow::Cow<'_, [String]> = if hyphenated {
        t.parts().into()
    } else {
        std::slice::from_ref(&t.core).into()
    };
    let year = if hyphenated {
        t.raw_parts().iter().any(|p| is_year(p))
    } else {
        is_year(t.text.trim_matches(|c: char| !c.is_alphanumeric()))
    };
    // Years are written without separators: "1,200" is a count.
    if parts.iter().any(|p| has(DAY_WORDS, p)) || year || relative_date(tokens, i) {
        return Some(NumKind::Date);
    }
    let near_month = |j: Option<usize>| j.is_some_and(|j| j < tokens.len() && is_month(tokens, j));
    if parts.iter().any(|p| is_day_number(p))
        && (near_month(i.checked_sub(1)) || near_month(Some(i + 1)))
    {
        return Some(NumKind::Date);
    }
    let prev = i.checked_sub(1).map(|p| tokens[p].core.as_str());
    let numeric = parts.iter().any(|p| {
        if p.chars().any(|c| c.is_ascii_digit()) || has(ORDINALS, p) {
            return true;
        }
        if p == "one" {
            // "after one derails": no plural follows a count of one, so
            // "one" before an -s word is a pronoun.
            let verb_next = tokens.get(i + 1).is_some_and(|n| {
                let w = n.core.as_str();
                w.len() > 3
                    && w.ends_with('s')
                    && !["ss", "us", "is", "ics", "news"]
                        .iter()
                        .any(|e| w.ends_with(e))
                    && !n.text.contains(['\'', '\u{2019}'])
                    && n.text.starts_with(|c: char| c.is_lowercase())
            });
            let core = |k: usize| tokens.get(k).map_or("", |t| t.core.as_str());
            let idiom = crate::claims::numbers::one_is_figure_of_speech(core(i + 1), core(i + 2));
            return !verb_next && !idiom && !prev.is_some_and(|w| has(ONE_PRONOUN_BEFORE, w));
        }
        has(NUMBER_WORDS, p)
    });
    numeric.then_some(NumKind::Number)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::words::{fold, tokens};

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [
            NUMBER_WORDS,
            ORDINALS,
            MONTHS,
            DAY_WORDS,
            DATE_PREPOSITIONS,
            REPORTING_VERBS,
            ONE_PRONOUN_BEFORE,
            FUNCTION_WORDS,
            RELATIVE_DATE_MODIFIERS,
            PERIOD_WORDS,
            COUNTED_PERIODS,
            FROM_NOW,
        ] {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            assert_eq!(sorted, list);
        }
    }

    fn kinds(text: &str) -> Vec<(String, Option<NumKind>)> {
        let t = tokens(&fold(text));
        (0..t.len())
            .map(|i| (t[i].core.clone(), number_kind(&t, i)))
            .collect()
    }

    fn kind_of(text: &str, word: &str) -> Option<NumKind> {
        kinds(text)
            .into_iter()
            .find(|(w, _)| w == word)
            .and_then(|(_, k)| k)
    }

    #[test]
    fn numbers_words_and_ordinals() {
        assert_eq!(kind_of("within two weeks", "two"), Some(NumKind::Number));
        assert_eq!(
            kind_of("the second-largest city", "secondlargest"),
            Some(NumKind::Number)
        );
        assert_eq!(kind_of("a 30-day truce", "30day"), Some(NumKind::Number));
        assert_eq!(kind_of("it is needed by no one", "one"), None);
        assert_eq!(kind_of("one soldier died", "one"), Some(NumKind::Number));
        assert_eq!(kind_of("the largest city", "largest"), None);
    }

    #[test]
    fn function_words_are_not_entities() {
        assert!(is_function_phrase("Every"));
        assert!(is_function_phrase("Most"));
        assert!(!is_function_phrase("Every Town Council"));
        assert!(!is_function_phrase("Lisbon"));
    }

    #[test]
    fn dates_years_months_weekdays() {
        assert_eq!(kind_of("in 1962 it began", "1962"), Some(NumKind::Date));
        assert_eq!(kind_of("the 1990s were calm", "1990s"), Some(NumKind::Date));
        assert_eq!(
            kind_of("some 1,200 visitors", "1200"),
            Some(NumKind::Number)
        );
        assert_eq!(kind_of("on Friday they met", "friday"), Some(NumKind::Date));
        assert_eq!(
            kind_of("since February they met", "february"),
            Some(NumKind::Date)
        );
        assert_eq!(kind_of("on March 5 they met", "5"), Some(NumKind::Date));
        assert_eq!(kind_of("They may march on.", "may"), None);
        assert_eq!(kind_of("until May they waited", "may"), Some(NumKind::Date));
    }

    #[test]
    fn a_period_counted_from_now_is_a_date() {
        let text = "the trial opens next week after a delay last spring";
        for w in ["next", "week", "last", "spring"] {
            assert_eq!(kind_of(text, w), Some(NumKind::Date), "{w}");
        }
        assert_eq!(kind_of("the last time they met", "last"), None);
        assert_eq!(kind_of("a week of talks", "week"), None);
        for w in ["a", "decade"] {
            assert_eq!(
                kind_of("it shut a decade ago", w),
                Some(NumKind::Date),
                "{w}"
            );
        }
        assert_eq!(
            kind_of("prices rose from a year earlier", "year"),
            Some(NumKind::Date)
        );
        assert_eq!(kind_of("a day of rest", "a"), None);
    }
}
