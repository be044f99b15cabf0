//! Pronouns and descriptions in [`super::super::extract`]: "he said",
//! "the source", follow-on quotations, on short articles written for these
//! tests.

use super::*;

#[test]
fn pronoun_and_follow_on_quote_resolve_to_the_last_speaker() {
    let c = claims(&[
        "Fisheries Minister Tomas Rell spoke in the capital.",
        "\"The quotas stay,\" Rell said. \"Nobody will change them this year.\"",
        "\"We listened to everyone,\" he said.",
    ]);
    let speakers: Vec<_> = c.iter().map(|c| c.speaker.as_deref()).collect();
    assert_eq!(
        speakers,
        vec![None, Some("Rell"), Some("Rell"), Some("Rell")]
    );
    assert_eq!(c[2].kind, ClaimKind::Quote);
    assert_eq!(c[2].paragraph, 2);
    assert_eq!(c[3].line, 5);
}

/// "she" is a person: a determiner-led subject ("The Web"), capitalised
/// only by the sentence start, is not her; a named subject still is.

#[test]
fn a_pronoun_after_the_content_skips_a_determiner_led_subject() {
    let c = claims(&[
        "Harbour Master Helen Colvard spoke on Monday.",
        "The Web has made rumours about the dredging common, she said.",
        "Colvard would not seek another term, she said.",
    ]);
    assert_eq!(
        c[1].speaker.as_deref(),
        Some("Harbour Master Helen Colvard")
    );
    assert_eq!(c[2].speaker.as_deref(), Some("Colvard"));
}

/// A source named inside brackets loses the closing bracket and the
/// full stop after it.

#[test]
fn the_source_resolves_to_the_source_introduced_earlier() {
    let c = claims(&[
        "\"The talks are stuck,\" a senior harbor official said.",
        "Crews worked through the night.",
        "The dredging will take a month, the official said.",
    ]);
    assert_eq!(c[2].speaker.as_deref(), Some("a senior harbor official"));
}

#[test]
fn pronoun_in_an_opening_clause_points_to_the_main_subject() {
    let c = claims(&[
        "Governor Ray Holt spoke first.",
        "Although she said the plan was reckless, Mayor Ada Wren signed it.",
    ]);
    assert_eq!(c[1].kind, ClaimKind::Attributed);
    assert_eq!(c[1].speaker.as_deref(), Some("Mayor Ada Wren"));
}

#[test]
fn the_pronoun_after_a_cue_is_read() {
    assert_eq!(
        crate::claims::reported_pronoun("said she would run."),
        Some(true)
    );
    assert_eq!(
        crate::claims::reported_pronoun("said that he was sure."),
        Some(false)
    );
    assert_eq!(
        crate::claims::reported_pronoun("said the vote was close."),
        None
    );
    assert_eq!(crate::claims::reported_pronoun("said"), None);
}

#[test]
fn he_said_reaches_a_person_named_outside_an_attribution() {
    let claims = extract(&article(&[
        "Mayor Ada Lowe said the ferry will run all winter.",
        "Paul Marsh, 45, runs a bakery on the quay.",
        "\"It has been a hard year for the harbour,\" he said.",
        "Twelve towns led by Brill are suing the harbour board.",
        "They argue that the fees broke the charter.",
    ]));
    let speaker = |i: usize| claims[i].speaker.as_deref();
    assert_eq!(speaker(0), Some("Mayor Ada Lowe"));
    assert_eq!(speaker(2), Some("Paul Marsh"));
    assert_eq!(speaker(4), Some("Twelve towns"));
}

#[test]
fn an_unattributed_quote_belongs_to_the_person_just_introduced() {
    let claims = extract(&article(&[
        "\"We will step away from this,\" Pence said on Sunday.",
        "On \"Harbor Talk,\" Sen. Ada Lowe (Vt.), who lost the primary, named two reasons. \"The young are tired of it.\"",
    ]));
    assert_eq!(claims[0].speaker.as_deref(), Some("Pence"));
    let quote = claims.last().map(|c| c.speaker.as_deref());
    assert_eq!(quote, Some(Some("Sen. Ada Lowe (Vt.)")));
}

#[test]
fn a_pronoun_after_an_opening_word_goes_to_the_earlier_speaker() {
    let c = claims(&[
        "Harbor master Ines Vaz said the pier would close in May.",
        "Lately, she said, the ferry fares have doubled twice.",
    ]);
    assert_eq!(c[1].speaker.as_deref(), Some("Harbor master Ines Vaz"));
    // A known person as the sentence's own subject stays its antecedent.
    let c = claims(&[
        "Harbor master Ines Vaz said the pier would close in May.",
        "Mayor Tomas Egger spoke next.",
        "Vaz has said she will run the port herself.",
    ]);
    assert_eq!(c[2].speaker.as_deref(), Some("Vaz"));
}

#[test]
fn a_pronoun_for_a_possessive_name_takes_the_name() {
    let c = claims(&[
        "Mayor Ada Lowe's comments came after a meeting with the harbor board.",
        "But she acknowledged that talks could still break down.",
    ]);
    assert_eq!(c[1].speaker.as_deref(), Some("Mayor Ada Lowe"));
}

#[test]
fn a_pronoun_means_the_known_name_opening_its_sentence() {
    let got = claims(&[
        "Senator Paul Harris spoke at the port on Monday.",
        "The board met Kim Moss on Tuesday.",
        "Harris exaggerates when he says he wrote the ferry bill.",
        "While Moss has voiced concern over the fares, she has not called for a vote.",
    ]);
    let speakers: Vec<Option<&str>> = got.iter().map(|c| c.speaker.as_deref()).collect();
    // Without the sentence's own name, "he"/"she" would go to the last
    // person named (Kim Moss, of unknown gender).
    assert_eq!(speakers[2], Some("Harris"), "{got:#?}");
    assert_eq!(speakers[3], Some("Moss"), "{got:#?}");
}

#[test]
fn a_pronoun_means_the_name_that_speaks_earlier_in_its_sentence() {
    // "Quist" has no given name the memory knows, but she speaks in the
    // same sentence, so "she" is her, not the woman named before.
    let c = claims(&[
        "Mara Lind, who runs the harbor fund, opened the evening.",
        "In her speech, Quist declared the need for patience: \"Wait for the tide,\" she said.",
    ]);
    assert_eq!(c[1].speaker.as_deref(), Some("Quist"));
    // A plural capitalised only as the sentence's first word is no name.
    let c = claims(&[
        "Mara Lind, the harbor master, spoke on Monday.",
        "Captains who think \"the pier is lost are wrong,\" she said.",
    ]);
    assert_eq!(c[1].speaker.as_deref(), Some("Mara Lind"));
}

/// A name with a middle initial and a suffix is still a subject a later
/// "he" means; a military rank refers back to it; "First," opens an
/// argument and names no one.
#[test]
fn a_suffixed_name_and_its_rank_are_what_he_and_the_admiral_mean() {
    let c = claims(&[
        "Adm. Carl B. Voss Jr., who leads the harbor fleet, makes no apologies for his views.",
        "\"You would have to ignore the tides to think otherwise,\" he said.",
        "The complaints had two goals, the admiral said.",
        "First, the fleet was \"cut off from the government,\" an idea that was \"untrue.\"",
    ]);
    let speakers: Vec<_> = c.iter().map(|c| c.speaker.as_deref()).collect();
    assert_eq!(speakers[1], Some("Adm. Carl B. Voss Jr."));
    assert_eq!(speakers[2], Some("Adm. Carl B. Voss Jr."));
    // The quotation goes on the admiral's reasoning.
    assert_eq!(speakers[3], Some("Adm. Carl B. Voss Jr."));
}

/// An irregular past ("put") still shows the name before it is the
/// sentence's subject, whom a later "she" means; "he's" is "he".
#[test]
fn a_subject_before_an_irregular_past_and_a_contracted_pronoun_resolve() {
    let c = claims(&[
        "Marta Quill put her faith in the harbor vote.",
        "\"We know we have work to do,\" she told a cheering crowd.",
        "On Friday, Ada Lowe went on the radio and chastised Park.",
        "Voss goes big, never worrying whether what he's proposing is realistic.",
    ]);
    assert_eq!(c[1].speaker.as_deref(), Some("Marta Quill"));
    assert_eq!(c[3].speaker.as_deref(), Some("Voss"));
}

#[test]
fn the_one_asked_not_the_asker_answers_in_what_follows() {
    let c = claims(&[
        "Brill was asked by harbor moderator Tom Kane whether the levy would cost too much.",
        "\"The most important job I will ever have is this one,\" he said.",
        "\"Not the job of mayor.\"",
    ]);
    let speakers: Vec<_> = c.iter().map(|c| c.speaker.as_deref()).collect();
    assert_eq!(
        speakers,
        vec![
            Some("harbor moderator Tom Kane"),
            Some("Brill"),
            Some("Brill")
        ]
    );
}

#[test]
fn an_opening_pronoun_keeps_its_person_over_a_woman_it_mentions() {
    let c = claims(&[
        "Ada Lowe said the port would reopen in May.",
        "She has faced questions since her meeting with Susan Marsh and the harbor board.",
        "\"We will reopen,\" she said.",
    ]);
    assert_eq!(c.last().unwrap().speaker.as_deref(), Some("Ada Lowe"));
    // Without the opening "She", the woman named last is the one meant.
    let c = claims(&[
        "Ada Lowe said the port would reopen in May.",
        "The harbor board met Susan Marsh on Friday.",
        "\"We will reopen,\" she said.",
    ]);
    assert_eq!(c.last().unwrap().speaker.as_deref(), Some("Susan Marsh"));
}

/// A sentence's subject that only ends like an agent noun ("The rancor")
/// is no "he": the person the sentence names is.
#[test]
fn he_skips_a_subject_that_only_ends_like_an_agent() {
    let c = claims(&[
        "Mayor Tomas Rell took questions on Monday.",
        "The rancor is so plain that Rell was asked about it at the hearing.",
        "He said he had not seen the video of the pier.",
    ]);
    assert_eq!(c[2].speaker.as_deref(), Some("Mayor Tomas Rell"));
}

/// "Along with …" opens a phrase like "With …", and a name set off by
/// commas inside it is not the "she" after it.
#[test]
fn she_after_an_opening_phrase_with_an_apposed_name() {
    let c = claims(&[
        "Ada Lowe, a ferry captain from Dover, said the fares were too high.",
        "Along with her husband, Ben Lee, a retired banker, she has given to many candidates, but plans to back only one.",
        "\"I don't see him as the mayor.\"",
    ]);
    assert_eq!(c[1].speaker.as_deref(), Some("Ada Lowe"));
    assert_eq!(c[2].speaker.as_deref(), Some("Ada Lowe"));
    let c = claims(&[
        "Ada Lowe, a ferry captain from Dover, said the fares were too high.",
        "With her husband, Ben Lee, a retired banker, she has given to many candidates, but plans to back only one.",
    ]);
    assert_eq!(c[1].speaker.as_deref(), Some("Ada Lowe"));
}

#[test]
fn a_pronoun_after_a_described_name_means_the_name() {
    // Not the description "a Dover native", which the "who" clause is on.
    let c = claims(&[
        "Vance, a Dover native who writes plays on the side, has run the port since 2019.",
        "\"We have the votes,\" he said.",
    ]);
    assert_eq!(c[0].speaker.as_deref(), Some("Vance"));
    assert_eq!(c[1].speaker.as_deref(), Some("Vance"));
}

#[test]
fn he_after_a_titled_name_that_opens_the_sentence_means_the_name() {
    // Not the earlier speaker: "the chief pollster Ivo Marsh" is a person.
    let c = claims(&[
        "Mayor Tomas Egger spoke first.",
        "The chief pollster Ivo Marsh lashed out at what he called a nasty campaign.",
    ]);
    assert_eq!(
        c[1].speaker.as_deref(),
        Some("The chief pollster Ivo Marsh")
    );
}
