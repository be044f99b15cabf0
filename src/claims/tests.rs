//! Behaviour of [`super::extract`] on short articles written for these
//! tests: claim kinds, speakers, quotations, what is not a claim, and ids.

use proptest::prelude::*;

use super::{Claim, ClaimKind, Part, claim_id, extract};
use crate::article::{Article, Block, BlockKind};

fn article(paragraphs: &[&str]) -> Article {
    Article {
        blocks: paragraphs
            .iter()
            .enumerate()
            .map(|(i, p)| Block {
                kind: BlockKind::Paragraph,
                text: (*p).to_string(),
                line: 2 * i + 1,
            })
            .collect(),
        ..Article::default()
    }
}

fn claims(paragraphs: &[&str]) -> Vec<Claim> {
    extract(&article(paragraphs))
}

fn one(paragraph: &str) -> Claim {
    let mut c = claims(&[paragraph]);
    assert_eq!(c.len(), 1, "{c:#?}");
    c.remove(0)
}

#[test]
fn quote_with_speaker_after_it() {
    let c = one("\"The bridge will open in spring,\" Mayor Lin Park told reporters.");
    assert_eq!(c.kind, ClaimKind::Quote);
    assert_eq!(c.quote.as_deref(), Some("The bridge will open in spring,"));
    assert_eq!(c.speaker.as_deref(), Some("Mayor Lin Park"));
}

#[test]
fn quote_with_speaker_before_it() {
    let c = one("Harbor master Ines Vaz said: \"No ship leaves before the fog lifts.\"");
    assert_eq!(c.kind, ClaimKind::Quote);
    assert_eq!(
        c.quote.as_deref(),
        Some("No ship leaves before the fog lifts.")
    );
    assert_eq!(c.speaker.as_deref(), Some("Harbor master Ines Vaz"));
}

#[test]
fn inverted_said_keeps_the_title() {
    let c = one("\"We will not sign this,\" said Deputy Trade Minister Olga Brandt.");
    assert_eq!(
        c.speaker.as_deref(),
        Some("Deputy Trade Minister Olga Brandt")
    );
}

#[test]
fn appositive_is_not_part_of_the_speaker() {
    let c = one("\"It is a good deal,\" Dunmore, a longtime council ally, said.");
    assert_eq!(c.speaker.as_deref(), Some("Dunmore"));
}

#[test]
fn attributed_statements_without_quote_marks() {
    let cases = [
        (
            "The ferry company said that fares would rise in May.",
            "The ferry company",
        ),
        (
            "According to a senior port official, the cranes were idle.",
            "a senior port official",
        ),
        (
            "The cranes were idle all week, the union argued.",
            "the union",
        ),
        (
            "Councillor Amy Roe told the Gazette the vote was rigged.",
            "Councillor Amy Roe",
        ),
        (
            "Dr. Ben Ode believes the clinic can stay open.",
            "Dr. Ben Ode",
        ),
    ];
    for (text, speaker) in cases {
        let c = one(text);
        assert_eq!(c.kind, ClaimKind::Attributed, "{text}");
        assert_eq!(c.speaker.as_deref(), Some(speaker), "{text}");
        assert_eq!(c.quote, None);
    }
}

#[test]
fn statement_and_numeric_kinds() {
    let c = one("The old lighthouse stands on a granite ledge.");
    assert_eq!(c.kind, ClaimKind::Statement);
    assert_eq!(c.speaker, None);
    let c = one("The storm destroyed 40 boats in 2019.");
    assert_eq!(c.kind, ClaimKind::Numeric);
    assert!(!c.numbers.is_empty());
}

#[test]
fn scare_quotes_do_not_make_a_quote() {
    let c = one("The plan was billed as a \"fresh start\" for the harbor.");
    assert_ne!(c.kind, ClaimKind::Quote);
    let c = one("The museum reopened its \"Old Port\" wing on Sunday.");
    assert_ne!(c.kind, ClaimKind::Quote);
}

#[test]
fn a_bracketed_source_loses_its_closing_bracket() {
    let c = one(
        "Tolls rose again in March (the true rise is nearer 9%, according to the transport board).",
    );
    assert_eq!(c.speaker.as_deref(), Some("the transport board"));
}

#[test]
fn multi_sentence_quote_is_one_claim() {
    let c = one("\"We came. We saw. We stayed,\" the mayor said.");
    assert_eq!(c.kind, ClaimKind::Quote);
    assert_eq!(c.quote.as_deref(), Some("We came. We saw. We stayed,"));
    assert_eq!(c.speaker.as_deref(), Some("the mayor"));
}

#[test]
fn multi_paragraph_quote() {
    // The paragraph left open belongs to whoever the closing one names.
    let c = claims(&[
        "Warden Ada Pike said the reserve was full.",
        "\"We have no room left. Every pen is taken.",
        "\"We need a second site,\" said her deputy, Tom Ruiz.",
    ]);
    assert_eq!(c.len(), 3, "{c:#?}");
    assert_eq!(c[1].kind, ClaimKind::Quote);
    assert_eq!(
        c[1].quote.as_deref(),
        Some("We have no room left. Every pen is taken.")
    );
    assert_eq!(c[1].speaker.as_deref(), Some("her deputy, Tom Ruiz"));
    assert_eq!(c[2].speaker.as_deref(), Some("her deputy, Tom Ruiz"));
    // Without a closing attribution the open quote stays with the last
    // speaker.
    let c = claims(&[
        "Warden Ada Pike said the reserve was full.",
        "\"We have no room left.",
    ]);
    assert_eq!(c[1].speaker.as_deref(), Some("Warden Ada Pike"));
}

#[test]
fn abbreviations_do_not_split_sentences() {
    let c = one("Lt. Gen. J. R. Hale arrived in the U.S. on Jan. 4 at 3 p.m. with his staff.");
    assert!(c.text.ends_with("staff."));
}

#[test]
fn questions_headings_and_fragments_are_not_claims() {
    let mut a = article(&[
        "Harbor Reopens",
        "Will the ferry run on Sunday?",
        "Yes.",
        "The ferry will run on Sunday.",
    ]);
    a.blocks.push(Block {
        kind: BlockKind::Heading,
        text: "The ferry will run on Sunday.".into(),
        line: 9,
    });
    let c = extract(&a);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].text, "The ferry will run on Sunday.");
}

/// A table cell or a caption line that is only a name or a date ("Ada
/// Marsh Jr.", "Friday, Dec. 6.") ends in a full stop but states nothing.
#[test]
fn a_name_or_date_alone_is_not_a_claim() {
    let c = claims(&[
        "Ada Marsh Jr.",
        "Friday, Dec. 6.",
        "Ada Marsh Jr. won the race.",
        "\"Thank You Ada!\"",
    ]);
    let texts: Vec<&str> = c.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["Ada Marsh Jr. won the race.", "\"Thank You Ada!\""]);
}

#[test]
fn transcript_labels_and_signed_quotes() {
    let c = claims(&[
        "HOLM: We will vote against the budget.",
        "\"The budget is a mess.\" - Ida Marsh, nurse",
    ]);
    assert_eq!(c[0].speaker.as_deref(), Some("HOLM"));
    assert_eq!(c[1].speaker.as_deref(), Some("Ida Marsh"));
}

#[test]
fn ids_ignore_quote_style_and_wrapping() {
    let a = claims(&["\u{201C}The tide is late,\u{201D} the pilot said."]);
    let b = claims(&["\"The tide  is late,\"\n the pilot said."]);
    assert_eq!(a[0].id, b[0].id);
}

proptest! {
    #[test]
    fn extract_bytes_never_panics_and_is_deterministic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let path = std::path::Path::new("fuzz.txt");
        let first = crate::extract_bytes(path, &bytes).map(|e| e.claims);
        let second = crate::extract_bytes(path, &bytes).map(|e| e.claims);
        prop_assert_eq!(first.is_ok(), second.is_ok());
        if let (Ok(a), Ok(b)) = (first, second) {
            prop_assert_eq!(a, b);
        }
    }

    #[test]
    fn extract_never_panics_on_quote_heavy_text(text in "[A-Za-z .,:;\"'()\u{201C}\u{201D}-]{0,200}") {
        let c = claims(&[&text]);
        prop_assert_eq!(c.clone(), claims(&[&text]));
    }

    #[test]
    fn extract_never_panics_on_any_text(text in "\\PC{0,300}") {
        let c = claims(&[&text]);
        prop_assert_eq!(c.clone(), claims(&[&text]));
    }

    #[test]
    fn claim_ids_survive_rewrapping_and_quote_changes(
        words in proptest::collection::vec("[a-z]{1,8}", 3..20),
        breaks in proptest::collection::vec(any::<bool>(), 20),
    ) {
        let plain = format!("\"{}.\"", words.join(" "));
        let mut wrapped = String::from("\u{201C}");
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                wrapped.push_str(if breaks[i % breaks.len()] { "\n" } else { "  " });
            }
            wrapped.push_str(w);
        }
        wrapped.push_str(".\u{201D}");
        prop_assert_eq!(claim_id(&plain), claim_id(&wrapped));
    }
}

#[test]
fn claim_id_is_the_hash_of_the_single_spaced_words() {
    let want = format!(
        "c_{}",
        &blake3::hash(b"Rates rose 2% today.").to_hex()[..16]
    );
    assert_eq!(claim_id("Rates rose 2% today."), want);
    assert_eq!(claim_id(" Rates  rose\t2%\ntoday. "), want);
    assert_eq!(claim_id("Rates rose\u{a0}2% today."), want);
}

#[test]
fn headline_and_standfirst_are_claims_with_their_part() {
    let mut a = article(&[
        "Operator blames fuel costs for a third rise this year",
        "Officials said the ferry carried 3,000 people a day.",
        "Timetable Changes",
    ]);
    a.title = Some("Nine ferries cancelled as fares rise".into());
    a.title_line = 1;
    a.standfirst = Some(0);
    a.blocks[2].kind = BlockKind::Heading;
    let c = extract(&a);
    let parts: Vec<Part> = c.iter().map(|c| c.part).collect();
    assert_eq!(
        parts,
        [Part::Headline, Part::Standfirst, Part::Body],
        "{c:#?}"
    );
    assert_eq!(c[0].text, "Nine ferries cancelled as fares rise");
    assert_eq!(c[0].line, 1);
    assert_eq!(c[0].numbers.first().map(|n| n.value), Some(9.0));
    assert_eq!(
        c[1].text,
        "Operator blames fuel costs for a third rise this year"
    );
    assert_eq!(c[2].kind, ClaimKind::Attributed);
}

#[test]
fn a_question_headline_or_one_word_is_no_claim() {
    let mut a = article(&["The ferry left at noon."]);
    a.title = Some("Will fares rise again?".into());
    assert!(extract(&a).iter().all(|c| c.part == Part::Body));
    a.title = Some("Ferries".into());
    assert!(extract(&a).iter().all(|c| c.part == Part::Body));
}

#[test]
fn part_defaults_to_body_for_stored_claims_without_it() {
    let json = r#"{"id":"c_1","kind":"statement","text":"The ferry left.","quote":null,
        "speaker":null,"numbers":[],"negated":false,"hedged":false,"entities":[],
        "paragraph":1,"line":1}"#;
    let c: Claim = serde_json::from_str(json).expect("old claim JSON reads");
    assert_eq!(c.part, Part::Body);
    let out = serde_json::to_string(&c).expect("serialises");
    assert!(out.contains(r#""part":"body""#), "{out}");
}

#[test]
fn exclaimed_quote_keeps_its_attribution() {
    let c = claims(&["\"Open the gates now!\" Mayor Ruiz wrote on Sunday. The gates stayed shut."]);
    assert_eq!(c.len(), 2, "{c:#?}");
    assert_eq!(c[0].kind, ClaimKind::Quote);
    assert_eq!(c[0].speaker.as_deref(), Some("Mayor Ruiz"));
    assert!(c[0].text.ends_with("wrote on Sunday."), "{}", c[0].text);
    let c = claims(&["\u{201C}Who pays for this?\u{201D} The minister asked reporters."]);
    assert_eq!(c.len(), 1, "{c:#?}");
    assert_eq!(c[0].speaker.as_deref(), Some("The minister"));
}

#[test]
fn exclaimed_quote_before_a_new_sentence_stays_apart() {
    let c = claims(&["\"We won!\" The crowd cheered for an hour after the count ended."]);
    assert!(
        c.iter()
            .all(|c| !c.text.starts_with("\"We won!\" The crowd")),
        "{c:#?}"
    );
}

#[test]
fn an_opening_time_phrase_or_linking_adverb_is_not_the_speaker() {
    for (text, want) in [
        (
            "Sunday morning, Nora Vik slammed the levy as a late conversion and accused Kell of a \"flip-flop.\"",
            "Nora Vik",
        ),
        (
            "Hours later, Nora Vik answered Kell, telling the Herald, \"We have been friends for years.\"",
            "Nora Vik",
        ),
        (
            "Likewise, Nora Vik went after the port board and called for its chair to resign.",
            "Nora Vik",
        ),
    ] {
        assert_eq!(one(text).speaker.as_deref(), Some(want), "{text}");
    }
}

#[test]
fn a_dateline_and_an_opening_common_noun_phrase_are_read_as_such() {
    assert_eq!(
        one("Oslo (AFP) - Mayor Nora Vik has taken a swipe at the port board, saying that \"empty promises\" build no docks.")
            .speaker
            .as_deref(),
        Some("Mayor Nora Vik")
    );
    assert_eq!(
        one("Senior harbor officials this week detailed the repairs, saying the work was on time.")
            .speaker
            .as_deref(),
        Some("Senior harbor officials")
    );
}

#[test]
fn a_name_set_off_by_dashes_is_no_dateline() {
    // (Dash appositives are not read yet; what matters here is that the
    // name is not skipped as a dateline.)
    assert_ne!(
        one("Ada Lowe - the harbor master - said the port would reopen in May.")
            .speaker
            .as_deref(),
        Some("the harbor master")
    );
    assert_eq!(
        one("NORTH BAY - Nora Vik said on Monday the levy would end.")
            .speaker
            .as_deref(),
        Some("Nora Vik")
    ); // A place in capitals with its state: the person after it is the
    // sentence's subject, whom a later "she" means.
    let got = claims(&[
        "NORTH BAY, Calif. - Rallying the dock workers, Nora Vik promised change.",
        "A Vik presidency, she vowed, would bring new docks.",
    ]);
    assert_eq!(got[1].speaker.as_deref(), Some("Nora Vik"), "{got:#?}");
}

#[test]
fn a_headline_labelled_with_a_name_is_attributed_but_not_a_kicker() {
    let mut a = article(&["The port will stay open, the mayor said."]);
    a.title = Some("Maria Lowe: The Port Will Stay Open".into());
    let c = extract(&a);
    assert_eq!(c[0].part, Part::Headline);
    assert_eq!(c[0].speaker.as_deref(), Some("Maria Lowe"));
    a.title = Some("BREAKING: The Port Will Stay Open".into());
    let c = extract(&a);
    assert_eq!(c[0].part, Part::Headline);
    assert_eq!(c[0].speaker, None);
    // A teaser label is no source either.
    for title in [
        "LOOK: Photos Of The Pier Are Going Viral",
        "FIX IS IN: Board Ignores Port Report",
    ] {
        a.title = Some(title.into());
        let c = extract(&a);
        assert_eq!(c[0].part, Part::Headline);
        assert_eq!(c[0].speaker, None, "{title}");
    }
}

/// "Mark Cuban: I'd consider a run" had no speaker: the label stood for
/// "I" but not for "I'd".
#[test]
fn a_headline_label_speaks_for_a_contracted_first_person() {
    for title in [
        "Maria Lowe: I'd consider a run for mayor",
        "Maria Lowe: We\u{2019}ll insist the port stays open",
    ] {
        let mut a = article(&["The port will stay open, the mayor said."]);
        a.title = Some(title.into());
        let c = extract(&a);
        assert_eq!(c[0].part, Part::Headline);
        assert_eq!(c[0].speaker.as_deref(), Some("Maria Lowe"), "{title}");
    }
}

/// "Bill Clinton: Hillary thinks …" named the one reported, not the one
/// the headline labels: a headline's label is its outer speaker.
#[test]
fn a_headline_label_outranks_an_attribution_inside_the_headline() {
    let c = claims(&[
        "Ada Lowe: Park thinks the port will close.",
        "The board met.",
    ]);
    assert_eq!(c[0].speaker.as_deref(), Some("Ada Lowe"));
    assert_eq!(c[0].sources, ["Ada Lowe", "Park"]);
    let mut a = article(&["The port will stay open, the mayor said."]);
    a.title = Some("Maria Lowe: Park Thinks the Port Will Close".into());
    let c = extract(&a);
    assert_eq!(c[0].part, Part::Headline);
    assert_eq!(c[0].speaker.as_deref(), Some("Maria Lowe"));
    // An interjection is no label.
    a.title = Some("Wow: Maria Lowe Says the Port Will Close".into());
    assert_eq!(extract(&a)[0].speaker.as_deref(), Some("Maria Lowe"));
    // A transcript label further down still yields to the sentence's own
    // attribution.
    let c = claims(&[
        "The port will close.",
        "LOWE: Park said the port would close.",
    ]);
    assert_eq!(c[1].speaker.as_deref(), Some("Park"));
}

/// A short sentence in quotation marks is someone's words ("We lost."), a
/// claim whose change matters; two words of the writer's own are not.
#[test]
fn a_short_quoted_sentence_is_a_claim() {
    let cs = claims(&["\"It is over,\" Lee said. \"We lost.\""]);
    let texts: Vec<&str> = cs.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["\"It is over,\" Lee said.", "\"We lost.\""]);
    assert_eq!(cs[1].kind, ClaimKind::Quote);
    assert_eq!(cs[1].speaker.as_deref(), Some("Lee"));
    let cs = claims(&["The vote was close. Lee lost."]);
    let texts: Vec<&str> = cs.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["The vote was close."]);
}

/// "The agency no longer recommends that …" named "no longer" as the
/// speaker, so dropping the recommendation read as a new source too.
#[test]
fn a_two_word_adverb_before_the_cue_is_not_the_speaker() {
    for s in [
        "The water board no longer recommends that residents boil tap water.",
        "The water board quietly says that residents should boil tap water.",
    ] {
        assert_eq!(one(s).speaker.as_deref(), Some("The water board"), "{s}");
    }
}

/// "- 12 new officers will be hired" was dropped: list items are written
/// without a closing stop, and the rule for long unstopped lines wants
/// eight words and a capital first. A paragraph of the same words is
/// still no claim.
#[test]
fn an_unstopped_list_item_with_a_finite_verb_is_a_claim() {
    let mut a = article(&["The council passed the plan on Tuesday."]);
    for (i, t) in ["12 new officers will be hired", "Local news and weather"]
        .into_iter()
        .enumerate()
    {
        a.blocks.push(Block {
            kind: BlockKind::ListItem,
            text: t.to_string(),
            line: 3 + i,
        });
    }
    let c = extract(&a);
    let texts: Vec<&str> = c.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "The council passed the plan on Tuesday.",
            "12 new officers will be hired"
        ]
    );
    assert_eq!(c[1].numbers.len(), 1);
    assert!(claims(&["12 new officers will be hired"]).is_empty());
}

/// "Critics, who plan to appeal, said the plan ignores flood risks." named
/// "the plan ignores flood risks" as the speaker (read as ", said X"): a
/// relative aside after the opening noun shows that noun is the subject.
#[test]
fn an_aside_after_a_common_noun_subject_keeps_it_the_speaker() {
    for (s, who) in [
        (
            "Critics, who plan to appeal, said the plan ignores flood risks.",
            "Critics",
        ),
        (
            "The farmers, many of them tenants, said the levy was unfair.",
            "The farmers",
        ),
    ] {
        assert_eq!(one(s).speaker.as_deref(), Some(who), "{s}");
    }
    // The inverted form still names the speaker after the cue.
    assert_eq!(
        one("The levy is unfair, said one farmer.")
            .speaker
            .as_deref(),
        Some("one farmer")
    );
}

#[test]
fn a_lead_in_ending_on_a_colon_names_the_speaker_of_the_quotation_after_it() {
    let c = claims(&[
        "Mayor Ada Wren said the pier would reopen in June.",
        "As Paul Marsh of the Harbor Gazette wrote:",
        "\"The pier has been closed for a year and nobody at city hall seems to care.\"",
        "The council, in a statement, added:",
        "\"We will reopen the pier when it is safe and not a day before.\"",
    ]);
    let speakers: Vec<_> = c.iter().map(|c| c.speaker.as_deref()).collect();
    assert_eq!(
        speakers,
        [
            Some("Mayor Ada Wren"),
            Some("Paul Marsh of the Harbor Gazette"),
            Some("The council")
        ]
    );
    // A cue far from the colon introduces no one's words.
    let c = claims(&[
        "Mayor Ada Wren said the pier would reopen in June.",
        "The doubts show when looking at how the board rated this plan by the council on Monday:",
        "\"The pier has been closed for a year and nobody at city hall seems to care.\"",
    ]);
    assert_eq!(c.last().unwrap().speaker.as_deref(), Some("Mayor Ada Wren"));
}

#[test]
fn an_untitled_articles_first_line_with_a_name_label_is_attributed() {
    let c = claims(&[
        "Lowe: Pier will reopen in June.",
        "Mayor Ada Lowe spoke at the harbor on Monday.",
        "Harbor Board: The vote is final.",
    ]);
    assert_eq!(c[0].kind, ClaimKind::Attributed);
    assert_eq!(c[0].speaker.as_deref(), Some("Lowe"));
    // Only the first line is read as a headline.
    assert_eq!(c.last().unwrap().speaker, None);
}

mod pronouns;

mod phrase_fuzz;
