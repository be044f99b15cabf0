//! Cue words the lexicon lists for what they report: a base form after a
//! modal ("could only quip:") and a protest as a stance ("protested
//! that"); a compass point making a noun of "states"; "said than done";
//! on sentences written for these tests.

use super::*;

#[test]
fn a_base_form_quip_after_a_modal_reports_its_subject() {
    assert_eq!(
        speaker("The timing was so odd that a spokesman for Ada Lowe could only quip: \"I guess the pier was booked.\"")
            .as_deref(),
        Some("a spokesman for Ada Lowe")
    );
}

#[test]
fn a_protest_is_its_subjects_stance() {
    assert_eq!(
        speaker("The ferry union protested that board members were being \"unfair\" because they knew Lowe \"had already signed the lease\" that day.")
            .as_deref(),
        Some("The ferry union")
    );
    assert!(lexicon::is_act_cue("protested"));
}

#[test]
fn states_after_a_compass_point_is_a_noun() {
    assert_eq!(
        speaker(
            "The senator aimed to win by a wide margin before contests in Southern states more friendly to Lowe."
        ),
        None
    );
    assert_eq!(
        speaker("Lowe has done well in the Midwest and other Western states."),
        None
    );
    // A name before "states" is still its subject.
    assert_eq!(
        speaker("The harbor board's report for Dover states that fares rose.").as_deref(),
        Some("The harbor board's report for Dover")
    );
}

#[test]
fn a_cue_before_than_is_a_comparison() {
    assert_eq!(
        speaker("Closing the old pier is easier said than done in Dover."),
        None
    );
}
