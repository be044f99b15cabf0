//! A speaker after an inverting cue ("…," agrees Ann Lee, 30); on
//! sentences written for these tests.

use super::*;
use crate::claims::quotes;

fn speaker(text: &str) -> Option<String> {
    find(text, &quotes::spans(text, false)).map(|a| a.speaker)
}

#[test]
fn a_present_tense_cue_inverts_after_a_quotation() {
    assert_eq!(
        speaker("\"The pier is older than the town,\" agrees Ann Lowe, 30, of Dover.").as_deref(),
        Some("Ann Lowe")
    );
    assert_eq!(
        speaker("\"It will close by May,\" warns the harbor master.").as_deref(),
        Some("the harbor master")
    );
}

#[test]
fn a_present_tense_form_that_is_a_noun_does_not_invert() {
    // "notes" is a noun here, and stays off the inverting list.
    assert_eq!(
        speaker("The pier was painted, and notes written in the margins faded."),
        None
    );
}
