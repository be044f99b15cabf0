//! A participle phrase on the subject ("Veterans interviewed at rallies
//! said"): the subject keeps it, and the participle's object is no
//! speaker; on sentences written for these tests.

use super::*;

#[test]
fn a_past_participle_with_its_preposition_stays_on_the_subject() {
    assert_eq!(
        speaker("Veterans interviewed at rallies this week said they had no problem.").as_deref(),
        Some("Veterans interviewed at rallies")
    );
    assert_eq!(
        speaker("Research conducted for the harbor board showed that fares rose.").as_deref(),
        Some("Research conducted for the harbor board")
    );
}

#[test]
fn a_verb_in_ed_before_its_object_is_the_finite_verb() {
    assert_eq!(
        speaker("The poll showed a majority of riders say the fares are too high.").as_deref(),
        Some("The poll")
    );
}
