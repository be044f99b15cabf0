//! The word lists' look-ups on words written for these tests.

use super::*;

#[test]
fn lists_are_lower_case() {
    for w in INVERTING
        .iter()
        .chain(PLAIN)
        .chain(ACTS)
        .chain(BOUNDARIES)
        .chain(VERB_MODIFIERS)
    {
        assert_eq!(*w, w.to_ascii_lowercase(), "{w}");
    }
    assert_eq!(cue("said"), Some(CueClass::Inverting));
    assert_eq!(cue("agrees"), Some(CueClass::Inverting));
    assert_eq!(cue("believes"), Some(CueClass::Plain));
    assert!(cue("endorsed") == Some(CueClass::Plain) && is_act_cue("endorsed"));
    assert_eq!(cue("table"), None);
    assert!(may_cue("saying") && may_cue("according") && may_cue("told"));
    assert!(!may_cue("harbor"));
    assert!(may_cue_or_feeling("incensed") && is_feeling("incensed"));
}

/// The table answers exactly the lists' membership.
#[test]
fn table_matches_the_lists() {
    for list in LISTS {
        for &w in *list {
            let want = LISTS
                .iter()
                .enumerate()
                .filter(|(_, l)| l.contains(&w))
                .fold(0u32, |acc, (bit, _)| acc | 1 << bit);
            assert_eq!(classes(w), want, "{w}");
        }
    }
    for w in [
        "",
        "harbor",
        "saidx",
        "sai",
        "according-to-the-long-word",
        "Said",
    ] {
        assert_eq!(classes(w), 0, "{w}");
    }
    assert!(is_pronoun("he") && !is_boundary("the") && is_determiner("the"));
}
