//! A share of people polled or counted as the speaker of a plain "say"
//! ("A third of riders, 31%, say …", "majorities in all four say …"); on
//! sentences written for these tests.

use super::*;

#[test]
fn a_share_given_as_a_figure_says() {
    assert_eq!(
        speaker("A third of riders, 31%, say they would pay more for the ferry.").as_deref(),
        Some("A third of riders")
    );
}

#[test]
fn a_count_after_all_or_the_says() {
    assert_eq!(
        speaker("Support fell in every county, but majorities in all four say the ferry must run.")
            .as_deref(),
        Some("majorities in all four")
    );
}

#[test]
fn a_count_on_a_noun_is_no_subject_of_its_verb() {
    // "two" modifies "states", whose verb "hold" reports nothing; and a
    // hyphenated count is an adjective ("the two-paragraph mention").
    assert_eq!(speaker("The two states hold primaries on March 1."), None);
    assert_eq!(
        speaker("Her fame ended with the two-paragraph mention in the Harbor Times."),
        None
    );
}
