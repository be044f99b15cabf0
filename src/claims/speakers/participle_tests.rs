//! A participle phrase on the subject ("Veterans interviewed at rallies
//! said", "leaders who'd rather work on a plan for Lowe said"): the
//! subject keeps it, and the object inside is no speaker; a document's
//! participle ("a statement Tuesday saying") names its issuer; on
//! sentences written for these tests.

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

#[test]
fn a_document_issued_on_a_day_keeps_its_issuer() {
    assert_eq!(
        speaker("The harbor board sent an email Wednesday saying that the repairs show the pier is safe.")
            .as_deref(),
        Some("The harbor board")
    );
    assert_eq!(
        speaker("The ferry union issued a statement Tuesday saying the fares were too high.")
            .as_deref(),
        Some("The ferry union")
    );
}

#[test]
fn a_long_relative_clause_ending_on_a_prepositions_object_stays_on_the_subject() {
    assert_eq!(
        speaker(
            "Many of the harbor pilots who'd rather be working now on a rescue plan for Lowe or Marsh or Ben Park said they back the board."
        )
        .as_deref(),
        Some("Many of the harbor pilots")
    );
}
