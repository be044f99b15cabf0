//! A description set off after a name, with a "who" clause holding the
//! cue ("Braynard, a Texas native who writes fiction, …"): the name is the
//! speaker; and a name set off after the role phrase that opens the
//! clause ("The director of the port center, Ina Marsh, told"), and
//! not a comparison set off by commas ("CNN, like the AP, …"); a
//! quantifier after its determiner ("his most recent rally"); on
//! sentences written for these tests.

use super::*;

#[test]
fn the_name_a_description_is_set_off_after_speaks() {
    assert_eq!(
        speaker("Vance, a Dover native who writes plays on the side, has run the port since 2019.")
            .as_deref(),
        Some("Vance")
    );
    assert_eq!(
        speaker("Ms. Ortiz, a lawyer who argued the case in 2019, declined to comment.").as_deref(),
        Some("Ms. Ortiz")
    );
    assert_eq!(
        speaker(
            "Ada Lowe, the harbor board's treasurer who said the books were closed, has resigned."
        )
        .as_deref(),
        Some("Ada Lowe")
    );
}

#[test]
fn a_description_with_no_name_before_it_stays_the_speaker() {
    // A role is no name, and neither is a year opening the sentence.
    assert_eq!(
        speaker("The mayor, a former banker who told voters he would cut taxes, has raised them.")
            .as_deref(),
        Some("a former banker")
    );
    assert_eq!(
        speaker("In 2019, a board member who asked not to be named said the port was failing.")
            .as_deref(),
        Some("a board member")
    );
}

#[test]
fn a_description_before_a_cue_set_off_as_an_aside_speaks() {
    // "a close ally said," is an aside inside "Lowe will not run again":
    // the ally speaks, about Lowe.
    assert_eq!(
        speaker("Lowe, a close ally said, will not run again.").as_deref(),
        Some("a close ally")
    );
    // Without the comma after the cue the description is an appositive
    // whose closing comma is missing, and the name speaks.
    assert_eq!(
        speaker("Sen. Ann Lee (D-NY), a supporter of the plan told reporters it would pass.")
            .as_deref(),
        Some("Sen. Ann Lee (D-NY)")
    );
}

#[test]
fn a_name_set_off_after_an_opening_role_phrase_speaks() {
    // Not the name inside the role's complement.
    assert_eq!(
        speaker(
            "One pastor backing Mr. Lowe, Tom Reed of Grace Church, said he had called 150 pastors."
        )
        .as_deref(),
        Some("Tom Reed")
    );
    assert_eq!(
        speaker("A lawyer representing Ms. Lowe, Ann Park, declined to comment.").as_deref(),
        Some("Ann Park")
    );
    assert_eq!(
        speaker("The director of the port center, Ina Marsh, told reporters the dock was closed.")
            .as_deref(),
        Some("Ina Marsh")
    );
}

#[test]
fn a_role_phrase_after_a_name_or_a_place_after_a_place_names_no_one_new() {
    assert_eq!(
        speaker("Ann Lee, the editor of the harbor paper, The Dover Herald, said the ferry ran.")
            .as_deref(),
        Some("Ann Lee")
    );
    assert_eq!(
        speaker("A senior official in Dover, Kent County, said the ferry ran.").as_deref(),
        Some("A senior official in Dover")
    );
}

#[test]
fn a_comparison_set_off_by_commas_is_no_subject() {
    assert_eq!(
        speaker("CNN, like The Dover Herald, which was the first paper to do so, declared the ferry closed.")
            .as_deref(),
        Some("CNN")
    );
    assert_eq!(
        speaker(
            "Some harbor pilots, like Ann Lee, a senior pilot at the port, say the ferry is unsafe."
        )
        .as_deref(),
        Some("Some harbor pilots")
    );
}

#[test]
fn a_quantifier_after_a_determiner_stays_in_the_phrase() {
    assert_eq!(
        speaker("A series of photos from his most recent rally is revealing a hard truth.")
            .as_deref(),
        Some("A series of photos from his most recent rally")
    );
    assert_eq!(
        speaker("Even the most optimistic harbor pilots concede the pier is old.").as_deref(),
        Some("the most optimistic harbor pilots")
    );
}
