//! List items written as sentences without their closing stop ("- 12 new
//! officers will be hired"): a bulleted list of what a plan does states
//! facts, but the full-stop rule drops every item, and the rule for long
//! unstopped lines needs eight words and a capital first.

/// Fewest words of an unstopped list item read as a sentence.
const MIN_WORDS: usize = 4;

/// Auxiliaries and copulas: an item with one of them states something
/// ("will be hired", "is closed"); a menu entry, a teaser label or a
/// heading-like item rarely has one.
#[rustfmt::skip]
const FINITE: &[&str] = &[
    "are", "can", "could", "did", "does", "had", "has", "have", "is", "may", "might", "must",
    "shall", "should", "was", "were", "will", "would",
];

/// Whether an unstopped list item reads as a full sentence: it starts
/// with a capital or a figure, ends on a word or a figure, is written in
/// sentence case, holds an auxiliary or copula among its lower-case words,
/// and has no link, handle or label separator.
pub(super) fn unstopped_item(text: &str) -> bool {
    let text = text.trim();
    let end = text.trim_end_matches(['"', '\u{201D}']);
    let Some(last) = end.chars().next_back() else {
        return false;
    };
    if !(last.is_alphanumeric() || last == '%') {
        return false;
    }
    if !text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    {
        return false;
    }
    if super::sentences::link_or_label(text) {
        return false;
    }
    let mut words = 0usize;
    let mut capitalised = 0usize;
    let mut finite = false;
    for (i, w) in text.split_whitespace().enumerate() {
        let Some(c) = w.chars().find(|c| c.is_alphanumeric()) else {
            continue;
        };
        words += 1;
        if i == 0 {
            continue;
        }
        if c.is_uppercase() {
            capitalised += 1;
        } else {
            let core = w.trim_matches(|c: char| !c.is_alphanumeric());
            finite |= FINITE.binary_search(&core).is_ok();
        }
    }
    words >= MIN_WORDS && finite && capitalised * 2 < words - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finite_words_are_sorted_for_binary_search() {
        let mut sorted = FINITE.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, FINITE);
    }

    #[test]
    fn an_item_with_a_finite_verb_is_a_sentence() {
        assert!(unstopped_item("12 new officers will be hired"));
        assert!(unstopped_item("Two precincts will merge into one"));
        assert!(unstopped_item("Fees for late filing are cut by 15%"));
    }

    #[test]
    fn menus_labels_and_headings_are_not() {
        assert!(!unstopped_item("Local news and weather"));
        assert!(!unstopped_item("What Voters Will Decide In May"));
        assert!(!unstopped_item("Contact: the desk is open daily"));
        assert!(!unstopped_item("Will the bridge be ready?"));
        assert!(!unstopped_item("See all stories"));
        assert!(!unstopped_item("it will be hired"));
    }
}
