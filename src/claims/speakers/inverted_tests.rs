//! A speaker after an inverting cue ("…," agrees Ann Lee, 30), and one
//! before a verb no list knows that closes the sentence after a quotation
//! ("…," Lee barked); a clause before the cue's comma is no appositive
//! ("…, son Sami and his wife had been traveling, wrote Ben Park"); on
//! sentences written for these tests.

use super::*;

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
fn two_roles_joined_by_and_after_an_inverted_cue_lead_on_to_the_name() {
    assert_eq!(
        speaker("The firm lobbied on the pier, said lawyer and Harbor Party strategist Ivo Marsh.")
            .as_deref(),
        Some("lawyer and Harbor Party strategist Ivo Marsh")
    );
    // Two people joined by "and" are not one title.
    assert_eq!(
        speaker("The firm lobbied on the pier, said Ivo Marsh and his partner Ada Lowe.")
            .as_deref(),
        Some("Ivo Marsh")
    );
}

#[test]
fn a_label_after_a_dash_introduces_the_quotation_after_its_colon() {
    assert_eq!(
        speaker("Ferry counts are hard to trust - Harbor Research: \"All the samples skew old.\"")
            .as_deref(),
        Some("Harbor Research")
    );
    assert_eq!(
        speaker("Signs were there all along -More from Lowe and Marsh: \"Our data confirm it.\"")
            .as_deref(),
        Some("Lowe and Marsh")
    );
    // A numbered heading is no source.
    assert_eq!(
        speaker("The plan has three parts - Phase One: \"Build the pier.\""),
        None
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

#[test]
fn an_unknown_verb_closing_the_sentence_after_a_quotation_has_its_speaker() {
    assert_eq!(
        speaker("\"The ferry is late again,\" Tomas Egger started.").as_deref(),
        Some("Tomas Egger")
    );
    assert_eq!(
        speaker("\"Nobody asked the harbor board,\" Lowe barked back.").as_deref(),
        Some("Lowe")
    );
    assert_eq!(
        speaker("\"Honestly,\" Lowe continued, \"the pier will not hold.\"").as_deref(),
        Some("Lowe")
    );
}

#[test]
fn an_unknown_verb_that_goes_on_or_follows_no_name_finds_no_speaker() {
    // The verb has an object: the clause goes on past it.
    assert_eq!(
        speaker("\"Harbor Lights,\" Lowe directed in 2015 at the pier theater."),
        None
    );
    // A common noun after the title is no name.
    assert_eq!(
        speaker("The band played \"Harbor Lights,\" the crowd cheered."),
        None
    );
}

#[test]
fn repeated_reports_words() {
    assert_eq!(
        speaker("Harbor spokesman Ivo Marsh repeated that the board opposed the plan.").as_deref(),
        Some("Harbor spokesman Ivo Marsh")
    );
    assert_eq!(
        speaker("\"Which pier?\" Lowe repeated.").as_deref(),
        Some("Lowe")
    );
}

#[test]
fn a_possessive_and_a_modifier_make_a_noun_of_a_cue_word() {
    // "repeated claims" after "Their": a noun, not "Their repeated" speaking.
    assert_eq!(
        speaker("Their repeated claims that the pier was safe were false."),
        None
    );
}

#[test]
fn a_plural_possessive_is_no_cue() {
    assert_eq!(
        speaker(
            "Delegates petitioned to be more than a rubber stamp for their home states' choice."
        ),
        None
    );
}

#[test]
fn a_verb_opening_a_parenthesis_has_no_subject_outside_it() {
    // Not "his interns": the aside is passive, its subject is the dictum.
    assert_eq!(
        speaker("The dictum to his interns (repeated to me over the years) was to dig."),
        None
    );
    assert_eq!(
        speaker("The rule for the ferry crews (told to me by a pilot) was to wait."),
        None
    );
}

#[test]
fn a_pronoun_before_its_verb_after_a_quoted_word_opens_the_reported_clause() {
    // Not an inverted "…," said they: the scare-quoted word ends no
    // utterance, and "they would" is what was said.
    let s =
        "In the poll, just 3 percent of self-described \"liberals\" said they would vote for Lowe.";
    assert_ne!(speaker(s).as_deref(), Some("they"));
}

#[test]
fn a_speaker_right_after_a_quotation_closed_by_a_comma_attributes_it() {
    // The cue before the quotation is inside what the source recalled.
    assert_eq!(
        speaker("Lee said Park \"would lose the vote,\" the source recalled, adding that the count was close.")
            .as_deref(),
        Some("the source")
    );
}

#[test]
fn a_clause_before_the_comma_is_no_appositive_on_its_subject() {
    assert_eq!(
        speaker("Omar Lee and his wife Ana Ruiz, son Sami and daughter-in-law Reem Park had been traveling together, wrote harbor pilot Ben Park, Lee's nephew, on Facebook.")
            .as_deref(),
        Some("harbor pilot Ben Park")
    );
    assert_eq!(
        speaker("The ferry is hardly new, but it has drawn a loyal crowd, said Ms. Lowe, with trips to the island.")
            .as_deref(),
        Some("Ms. Lowe")
    );
    // A relative clause or a subordinate clause inside the aside keeps
    // the subject.
    assert_eq!(
        speaker("Ana Ruiz, who has piloted ferries for years, said the pier was old.").as_deref(),
        Some("Ana Ruiz")
    );
}
