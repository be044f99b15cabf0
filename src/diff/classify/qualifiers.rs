//! What a figure is said to be beyond its value: the side of it the true
//! value lies on ("more than half" → "nearly half") and the period it is
//! counted over ("$2 million" → "$2 million a year"). Either changed, with
//! the figure itself the same, is a `number_changed`.

use super::Work;
use super::cores;
use super::quantities::value_key;
use crate::claims::{Claim, NumberMention};
use crate::diff::{Detail, DetailType};

/// Which side of its figure a qualifier puts the true value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    Above,
    Below,
    /// A qualifier that only rounds ("about", "some").
    Near,
    /// No qualifier: the figure as the value.
    Exact,
}

/// Qualifiers that round the figure without saying which side the value
/// lies on.
const ROUNDING: &[&str] = &[
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "an estimated",
    "estimated",
    "close to",
];

/// Qualifiers that put the value above the figure.
const ABOVE: &[&str] = &[
    "more than",
    "over",
    "above",
    "at least",
    "upwards of",
    "in excess of",
    "exceeding",
    "greater than",
    "higher than",
    "north of",
];

/// Qualifiers that put the value below the figure (or at most at it).
const BELOW: &[&str] = &[
    "less than",
    "fewer than",
    "under",
    "below",
    "nearly",
    "almost",
    "up to",
    "at most",
    "no more than",
    "not quite",
    "shy of",
];

fn bound_of(mention: &str) -> Bound {
    let lower = mention.to_lowercase();
    // "just over", "well under": the degree does not move the side.
    let mut rest = lower.as_str();
    for degree in ["just ", "well ", "slightly ", "a little "] {
        rest = rest.strip_prefix(degree).unwrap_or(rest);
    }
    let opens = |q: &&str| {
        rest.strip_prefix(*q)
            .is_some_and(|r| r.starts_with(' ') || r.starts_with(|c: char| !c.is_alphabetic()))
    };
    if BELOW.iter().any(opens) {
        Bound::Below
    } else if ABOVE.iter().any(opens) {
        Bound::Above
    } else if ROUNDING.iter().any(opens) {
        Bound::Near
    } else {
        Bound::Exact
    }
}

/// The period a figure is counted over, from the words right after it in
/// the sentence ("a year", "per day", "each month", "annually"), with
/// those words as written.
fn rate_after<'t>(text: &'t str, mention: &str) -> Option<(&'static str, &'t str)> {
    let at = text.find(mention)? + mention.len();
    let rest = &text[at..];
    let mut words = rest.split_whitespace();
    let word = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let first = word(words.next()?);
    let (period, taken) = match first.as_str() {
        "annually" | "yearly" => ("year", 1),
        "monthly" => ("month", 1),
        "weekly" => ("week", 1),
        "daily" => ("day", 1),
        "hourly" => ("hour", 1),
        "a" | "an" | "per" | "each" | "every" => {
            let period = match word(words.next()?).as_str() {
                "year" | "annum" => "year",
                "month" => "month",
                "week" => "week",
                "day" => "day",
                "hour" => "hour",
                _ => return None,
            };
            (period, 2)
        }
        _ => return None,
    };
    // The rate's words as written: up to the end of its last word.
    let last = rest.split_whitespace().nth(taken - 1)?;
    let end = last.as_ptr() as usize - rest.as_ptr() as usize + last.len();
    let written = rest[..end]
        .trim()
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    Some((period, written))
}

/// A mention as written, with the rate words after it when it has them.
fn with_rate(text: &str, m: &NumberMention) -> String {
    match rate_after(text, &m.text) {
        Some((_, rate)) => format!("{} {rate}", m.text),
        None => m.text.clone(),
    }
}

/// `number_changed` details for figures whose value and unit stayed but
/// whose side ("more than" → "nearly") or period ("a year" added) changed.
/// Figures whose value changed are the number rules' business.
pub(super) fn qualifiers(old: &Claim, new: &Claim, w: &mut Work, details: &mut Vec<Detail>) {
    let mut used = vec![false; new.numbers.len()];
    for m in &old.numbers {
        let key = (value_key(m), m.unit.to_lowercase());
        let Some(j) = new
            .numbers
            .iter()
            .enumerate()
            .position(|(j, n)| !used[j] && (value_key(n), n.unit.to_lowercase()) == key)
        else {
            continue;
        };
        used[j] = true;
        let n = &new.numbers[j];
        let sides = (bound_of(&m.text), bound_of(&n.text));
        // A bound that appears or goes on an exact figure ("14 died" →
        // "at least 14 died") changes what is claimed; a rounding word
        // that turns into a bound ("about 300" → "more than 300") does not.
        let flipped = matches!(
            sides,
            (Bound::Above, Bound::Below)
                | (Bound::Below, Bound::Above)
                | (Bound::Exact, Bound::Above | Bound::Below)
                | (Bound::Above | Bound::Below, Bound::Exact)
        );
        // Compared by period: "a year" and "annually" are one rate.
        let period = |text: &str, m: &NumberMention| rate_after(text, &m.text).map(|(p, _)| p);
        if !flipped && period(&old.text, m) == period(&new.text, n) {
            continue;
        }
        let (from, to) = (with_rate(&old.text, m), with_rate(&new.text, n));
        let mut said = cores(&from);
        said.extend(cores(&to));
        w.explain_cores(&said);
        details.push(Detail {
            kind: DetailType::NumberChanged,
            from: Some(from),
            to: Some(to),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_side_a_qualifier_puts_the_value_on() {
        assert_eq!(bound_of("More than half"), Bound::Above);
        assert_eq!(bound_of("just over 300 people"), Bound::Above);
        assert_eq!(bound_of("Nearly half"), Bound::Below);
        assert_eq!(bound_of("no more than 5"), Bound::Below);
        assert_eq!(bound_of("about 40 homes"), Bound::Near);
        assert_eq!(bound_of("roughly 40 homes"), Bound::Near);
        assert_eq!(bound_of("300 people"), Bound::Exact);
        // A word that only starts like a qualifier.
        assert_eq!(bound_of("overtime pay of $5"), Bound::Exact);
    }

    #[test]
    fn the_period_a_figure_is_counted_over() {
        let t = "It would cost $2 million a year, or $40 per month, paid annually.";
        assert_eq!(rate_after(t, "$2 million"), Some(("year", "a year")));
        assert_eq!(rate_after(t, "$40"), Some(("month", "per month")));
        assert_eq!(
            rate_after("It costs $2 million annually.", "$2 million"),
            Some(("year", "annually"))
        );
        assert_eq!(
            rate_after("It costs $2 million a piece.", "$2 million"),
            None
        );
        assert_eq!(rate_after("It cost $2 million.", "$2 million"), None);
    }
}
