//! Quotations and speakers: a changed quotation, a changed or renamed
//! speaker, and the attribution changes that are not one.

use super::*;

#[test]
fn quote_change_inside_quotation_marks() {
    let mut a = claim("\"We expect a swift recovery of the market,\" the chairman said.");
    a.kind = ClaimKind::Quote;
    a.quote = Some("We expect a swift recovery of the market,".into());
    let mut b = claim("\"We expect a rapid recovery of the market,\" the chairman said.");
    b.kind = ClaimKind::Quote;
    b.quote = Some("We expect a rapid recovery of the market,".into());
    let c = one_change(a, b);
    assert_eq!(types(&c), [DetailType::QuoteChanged]);
    assert_eq!(c.severity, Severity::High);
    assert_eq!(
        detail(&c, DetailType::QuoteChanged).to.as_deref(),
        Some("We expect a rapid recovery of the market,")
    );
}

#[test]
fn quote_change_found_from_the_text_alone() {
    let c = one_change(
        claim("The coach told reporters that \"the team played without fear\" in the final."),
        claim("The coach told reporters that \"the team played without focus\" in the final."),
    );
    assert_eq!(types(&c), [DetailType::QuoteChanged]);
    assert_eq!(
        detail(&c, DetailType::QuoteChanged).from.as_deref(),
        Some("the team played without fear")
    );
}

#[test]
fn speaker_change_from_claims() {
    let mut a = claim("\"The harbour will reopen next week,\" a port authority spokesperson said.");
    a.speaker = Some("a port authority spokesperson".into());
    a.quote = Some("The harbour will reopen next week,".into());
    let mut b = claim("\"The harbour will reopen next week,\" Mayor Anna Lindqvist said.");
    b.speaker = Some("Anna Lindqvist".into());
    b.quote = a.quote.clone();
    b.entities = vec!["Anna Lindqvist".into()];
    let c = one_change(a, b);
    assert_eq!(types(&c), [DetailType::SpeakerChanged]);
    let d = detail(&c, DetailType::SpeakerChanged);
    assert_eq!(d.from.as_deref(), Some("a port authority spokesperson"));
    assert_eq!(d.to.as_deref(), Some("Anna Lindqvist"));
    assert_eq!(c.severity, Severity::High);
}

#[test]
fn speaker_compared_case_and_space_insensitively() {
    let mut a = claim("The plan is sound, the minister said on Monday.");
    a.speaker = Some("the  Minister".into());
    let mut b = claim("The plan is sound, the minister said on Monday evening.");
    b.speaker = Some("the minister".into());
    let c = one_change(a, b);
    assert!(!types(&c).contains(&DetailType::SpeakerChanged), "{c:#?}");
}

#[test]
fn speaker_the_extractor_lost_is_not_a_speaker_change() {
    let mut a = claim("Local farmers have criticised the new water tariff.");
    a.speaker = Some("Local farmers".into());
    let b = claim("Local farmers have critised the new water tariff.");
    let c = one_change(a, b);
    assert_eq!(types(&c), [DetailType::WordingChanged]);
    assert_eq!(c.severity, Severity::Low);
    // Attribution really removed: the name is gone from the text.
    let mut a = claim("The tariff is unfair, Mayor Ruth Okafor said.");
    a.speaker = Some("Ruth Okafor".into());
    let b = claim("The tariff is unfair.");
    let c = one_change(a, b);
    assert!(types(&c).contains(&DetailType::SpeakerChanged), "{c:#?}");
}

#[test]
fn speaker_with_title_added_is_the_same_speaker() {
    let mut a = claim("Sergio Vidal said the port would stay open.");
    a.speaker = Some("Sergio Vidal".into());
    let mut b = claim("Harbour master Sergio Vidal said the port would stay open.");
    b.speaker = Some("Harbour master Sergio Vidal".into());
    let c = one_change(a, b);
    assert_eq!(types(&c), [DetailType::WordingChanged]);
}

/// Someone named through the first speaker is another person: their
/// spokesman, an aide to them. A title added to the same name is not.
#[test]
fn a_spokesman_for_the_speaker_is_another_speaker() {
    for (old, new) in [
        ("the governor", "the governor's spokesman"),
        ("the governor", "a spokesman for the governor"),
        ("Mayor Ines Vidal", "an aide to Mayor Ines Vidal"),
        ("Vidal", "Vidal's lawyer"),
    ] {
        let mut a = claim(&format!("\"We will not raise taxes,\" {old} said."));
        a.speaker = Some(old.into());
        let mut b = claim(&format!("\"We will not raise taxes,\" {new} said."));
        b.speaker = Some(new.into());
        let c = one_change(a, b);
        assert_eq!(types(&c), [DetailType::SpeakerChanged], "{old} -> {new}");
    }
    for (old, new) in [
        ("Vidal", "Secretary of State Ines Vidal"),
        ("the governor", "Governor Ines Vidal"),
        ("Vidal", "Ines Vidal, the mayor's deputy"),
        // The same group counted anew: the number detail says so.
        ("One in five adults", "One in four adults"),
    ] {
        let (old, new) = (old.to_lowercase(), new.to_lowercase());
        assert!(
            classify::same_speaker(Some(&old), Some(&new)),
            "{old} -> {new}"
        );
    }
}

#[test]
fn speaker_change_next_to_a_reporting_verb_without_extracted_speakers() {
    let c = one_change(
        claim("Health Minister Carla Ortiz warned that the clinics would run out of vaccines."),
        claim("Finance Minister Paul Becker warned that the clinics would run out of vaccines."),
    );
    assert_eq!(types(&c), [DetailType::SpeakerChanged]);
    let c = one_change(
        claim("The clinics will close early, according to Carla Ortiz."),
        claim("The clinics will close early, according to Paul Becker."),
    );
    assert_eq!(types(&c), [DetailType::SpeakerChanged]);
    // A changed place next to "said" is not a speaker.
    let c = one_change(
        claim("She said in Madrid that the clinics would close."),
        claim("She said in Lisbon that the clinics would close."),
    );
    assert!(!types(&c).contains(&DetailType::SpeakerChanged), "{c:#?}");
}

#[test]
fn a_follow_on_quote_with_another_speaker_is_reported_once() {
    let follow = "\"Nobody takes this lightly.\"";
    // The naming sentence vanished: only the follow-on shows the change.
    let old = [
        claim("The plan was approved, Mayor Ana Ruiz said on Monday."),
        quote_by(follow, "Mayor Ana Ruiz"),
    ];
    let new = [quote_by(follow, "Governor Tom Lee")];
    let d = diff_with(&old, &new, &CUES);
    let speaker: Vec<&Change> = d
        .changes
        .iter()
        .filter(|c| {
            c.details
                .iter()
                .any(|x| x.kind == DetailType::SpeakerChanged)
        })
        .collect();
    assert_eq!(speaker.len(), 1, "{d:#?}");
    assert_eq!(speaker[0].severity, Severity::High);
    // The same quotation with the same speaker is no change.
    let d = diff_with(
        &[quote_by(follow, "Mayor Ana Ruiz")],
        &[quote_by(follow, "Mayor Ana Ruiz")],
        &CUES,
    );
    assert!(d.changes.is_empty());
}

#[test]
fn a_typo_fix_inside_a_quote_is_low() {
    let mut a = quote_by(
        "\"We will fix teh roads this year,\" the mayor said.",
        "the mayor",
    );
    a.quote = Some("We will fix teh roads this year,".into());
    let mut b = quote_by(
        "\"We will fix the roads this year,\" the mayor said.",
        "the mayor",
    );
    b.quote = Some("We will fix the roads this year,".into());
    let d = diff_with(&[a.clone()], &[b], &CUES);
    assert_eq!(d.changes[0].severity, Severity::Low, "{d:#?}");
    // A real word change in the quotation stays a quote change.
    let mut c = quote_by(
        "\"We will fix the bridges this year,\" the mayor said.",
        "the mayor",
    );
    c.quote = Some("We will fix the bridges this year,".into());
    let d = diff_with(&[a], &[c], &CUES);
    assert_eq!(d.changes[0].severity, Severity::High, "{d:#?}");
}
