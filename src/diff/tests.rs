//! Tests of the whole diff on claims built here: one per detail type,
//! severities, ordering, JSON and text output.

use super::classify::Cues;
use super::*;
use crate::claims::{ClaimKind, NumberMention, claim_id};

mod real_edits;

/// A plain statement claim with its id computed from the text.
pub(crate) fn claim(text: &str) -> Claim {
    Claim {
        id: claim_id(text),
        kind: ClaimKind::Statement,
        text: text.to_string(),
        quote: None,
        speaker: None,
        sources: Vec::new(),
        numbers: Vec::new(),
        negated: false,
        hedged: false,
        entities: Vec::new(),
        part: crate::claims::Part::Body,
        paragraph: 1,
        line: 1,
    }
}

pub(crate) fn num(text: &str, value: f64, unit: &str) -> NumberMention {
    NumberMention {
        text: text.into(),
        value,
        unit: unit.into(),
    }
}

fn words_in(text: &str, list: &[&str]) -> Vec<String> {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| list.contains(w))
        .map(str::to_string)
        .collect()
}

fn test_negation(text: &str) -> Vec<String> {
    words_in(text, &["not", "never", "no", "unlikely", "nobody"])
}

fn test_hedge(text: &str) -> Vec<String> {
    words_in(
        text,
        &["may", "might", "could", "reportedly", "likely", "unlikely"],
    )
}

pub(crate) const CUES: Cues = Cues {
    negation: test_negation,
    hedge: test_hedge,
};

fn one_change(old: Claim, new: Claim) -> Change {
    let d = diff_with(&[old], &[new], &CUES);
    assert_eq!(d.changes.len(), 1, "{d:#?}");
    assert_eq!(d.summary.modified, 1, "{d:#?}");
    d.changes[0].clone()
}

fn types(c: &Change) -> Vec<DetailType> {
    c.details.iter().map(|d| d.kind).collect()
}

fn detail(c: &Change, kind: DetailType) -> &Detail {
    c.details
        .iter()
        .find(|d| d.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} in {:#?}", c.details))
}

#[test]
fn number_change_from_extracted_mentions() {
    let mut a = claim("The reserve covers about 113,000 square kilometers of forest.");
    a.numbers = vec![num(
        "113,000 square kilometers",
        113000.0,
        "square kilometers",
    )];
    let mut b = claim("The reserve covers about 116,000 square kilometers of forest.");
    b.numbers = vec![num(
        "116,000 square kilometers",
        116000.0,
        "square kilometers",
    )];
    let c = one_change(a, b);
    assert_eq!(types(&c), [DetailType::NumberChanged]);
    let d = detail(&c, DetailType::NumberChanged);
    assert_eq!(d.from.as_deref(), Some("113,000 square kilometers"));
    assert_eq!(d.to.as_deref(), Some("116,000 square kilometers"));
    assert_eq!(c.severity, Severity::High);
    assert_eq!(
        c.word_diff.as_deref(),
        Some("The reserve covers about [-113,000-]{+116,000+} square kilometers of forest.")
    );
}

#[test]
fn number_mention_without_unit_in_text_gets_its_unit() {
    let mut a = claim("Officials counted 40 people at the site.");
    a.numbers = vec![num("40", 40.0, "people")];
    let mut b = claim("Officials counted 45 people at the site.");
    b.numbers = vec![num("45", 45.0, "people")];
    let c = one_change(a, b);
    let d = detail(&c, DetailType::NumberChanged);
    assert_eq!(d.from.as_deref(), Some("40 people"));
    assert_eq!(d.to.as_deref(), Some("45 people"));
}

#[test]
fn a_duration_in_months_is_a_number_not_a_date() {
    let mut a = claim("The works will be delayed by six months.");
    a.numbers = vec![num("six months", 6.0, "month")];
    let mut b = claim("The works will be delayed by nine months.");
    b.numbers = vec![num("nine months", 9.0, "month")];
    let c = one_change(a, b);
    assert_eq!(types(&c), [DetailType::NumberChanged]);
}

#[test]
fn number_words_are_caught_without_mentions() {
    let c = one_change(
        claim("The second round of talks is planned within the next two weeks."),
        claim("The second round of talks is planned within the next three weeks."),
    );
    assert_eq!(types(&c), [DetailType::NumberChanged]);
    let d = detail(&c, DetailType::NumberChanged);
    assert_eq!(d.from.as_deref(), Some("two weeks"));
    assert_eq!(d.to.as_deref(), Some("three weeks"));
}

#[test]
fn ordinal_in_a_compound_is_a_number_change() {
    let c = one_change(
        claim("Troops entered the largest city in the province on Monday."),
        claim("Troops entered the second-largest city in the province on Monday."),
    );
    assert_eq!(types(&c), [DetailType::NumberChanged]);
    let d = detail(&c, DetailType::NumberChanged);
    assert_eq!(d.from.as_deref(), Some("largest city"));
    assert_eq!(d.to.as_deref(), Some("second-largest city"));
    assert_eq!(c.severity, Severity::High);
}

#[test]
fn pronoun_one_is_not_a_number() {
    let c = one_change(
        claim("The new rules are not wanted by anyone in the village."),
        claim("The new rules are wanted by no one in the village."),
    );
    assert!(!types(&c).contains(&DetailType::NumberChanged), "{c:#?}");
    // "not … anyone" → "no one": still one negation, no flip.
    assert!(!types(&c).contains(&DetailType::NegationChanged), "{c:#?}");
    assert_eq!(types(&c), [DetailType::WordingChanged]);
}

#[test]
fn moved_number_is_not_a_number_change() {
    let c = one_change(
        claim("In 12 towns, the storm cut power overnight."),
        claim("The storm cut power overnight in 12 towns."),
    );
    assert_eq!(types(&c), [DetailType::WordingChanged]);
    assert_eq!(c.severity, Severity::Low);
}

#[test]
fn date_changes_from_weekday_month_and_year() {
    let c = one_change(
        claim("The ministry announced the agreement on Friday in the capital."),
        claim("The ministry announced the agreement on Thursday in the capital."),
    );
    assert_eq!(types(&c), [DetailType::DateChanged]);
    let d = detail(&c, DetailType::DateChanged);
    assert_eq!(
        (d.from.as_deref(), d.to.as_deref()),
        (Some("Friday"), Some("Thursday"))
    );

    let mut a = claim("The dam was completed in 1962 after a decade of work.");
    a.numbers = vec![num("1962", 1962.0, "year")];
    let mut b = claim("The dam was completed in 1964 after a decade of work.");
    b.numbers = vec![num("1964", 1964.0, "year")];
    let c = one_change(a, b);
    assert_eq!(types(&c), [DetailType::DateChanged]);
    assert_eq!(c.severity, Severity::High);

    let c = one_change(
        claim("The bridge has been closed since March 5 for repairs."),
        claim("The bridge has been closed since April 5 for repairs."),
    );
    assert_eq!(types(&c), [DetailType::DateChanged]);
}

#[test]
fn weekday_replaced_by_a_date_is_one_date_change() {
    let a = claim("The board said on Tuesday that the vote was postponed.");
    let mut b = claim("The board said on March 4 that the vote was postponed.");
    b.numbers = vec![num("March 4", 4.0, "date")];
    let c = one_change(a, b);
    assert_eq!(types(&c), [DetailType::DateChanged]);
    let d = detail(&c, DetailType::DateChanged);
    assert_eq!(
        (d.from.as_deref(), d.to.as_deref()),
        (Some("Tuesday"), Some("March 4"))
    );
}

#[test]
fn years_and_currencies_are_shown_as_written() {
    let mut a = claim("The bridge opened in 2021 at a cost of 85 million.");
    a.numbers = vec![num("2021", 2021.0, "year"), num("85 million", 85e6, "eur")];
    let mut b = claim("The bridge opened in 2020 at a cost of 95 million.");
    b.numbers = vec![num("2020", 2020.0, "year"), num("95 million", 95e6, "eur")];
    let c = one_change(a, b);
    assert_eq!(
        detail(&c, DetailType::DateChanged).from.as_deref(),
        Some("2021")
    );
    assert_eq!(
        detail(&c, DetailType::NumberChanged).to.as_deref(),
        Some("95 million")
    );
}

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
fn negation_flip_and_likely_unlikely() {
    let mut a = claim("The council is not interested in a short-term lease of the land.");
    a.negated = true;
    let b = claim("The council is interested in a short-term lease of the land.");
    let c = one_change(a, b);
    assert_eq!(types(&c), [DetailType::NegationChanged]);
    let d = detail(&c, DetailType::NegationChanged);
    assert_eq!((d.from.as_deref(), d.to.as_deref()), (Some("not"), None));
    assert_eq!(c.severity, Severity::High);

    let c = one_change(
        claim("Analysts said a rate cut is likely before the end of the year."),
        claim("Analysts said a rate cut is unlikely before the end of the year."),
    );
    assert!(types(&c).contains(&DetailType::NegationChanged), "{c:#?}");
    assert!(!types(&c).contains(&DetailType::WordingChanged), "{c:#?}");
}

#[test]
fn hedge_added_is_medium() {
    let c = one_change(
        claim("The factory will close its northern plant by the end of the year."),
        claim("The factory may close its northern plant by the end of the year."),
    );
    assert_eq!(types(&c), [DetailType::HedgeChanged]);
    assert_eq!(c.severity, Severity::Medium);
    let c = one_change(
        claim("The ferry service resumed, officials said on Monday."),
        claim("The ferry service reportedly resumed, officials said on Monday."),
    );
    assert_eq!(types(&c), [DetailType::HedgeChanged]);
}

#[test]
fn entity_change_is_medium() {
    let mut a =
        claim("Trade between the two neighbours grew after the agreement with Norway was signed.");
    a.entities = vec!["Norway".into()];
    let mut b =
        claim("Trade between the two neighbours grew after the agreement with Sweden was signed.");
    b.entities = vec!["Sweden".into()];
    let c = one_change(a, b);
    assert_eq!(types(&c), [DetailType::EntityChanged]);
    let d = detail(&c, DetailType::EntityChanged);
    assert_eq!(
        (d.from.as_deref(), d.to.as_deref()),
        (Some("Norway"), Some("Sweden"))
    );
    assert_eq!(c.severity, Severity::Medium);
}

#[test]
fn typo_fix_is_low_wording() {
    let c = one_change(
        claim("The goverment announced a new plan for the railway network."),
        claim("The government announced a new plan for the railway network."),
    );
    assert_eq!(types(&c), [DetailType::WordingChanged]);
    assert_eq!(c.severity, Severity::Low);
    assert_eq!(
        c.word_diff.as_deref(),
        Some("The [-goverment-]{+government+} announced a new …")
    );
}

#[test]
fn several_details_in_one_change() {
    let mut a = claim("Police said 12 people were injured in the blast on Tuesday.");
    a.numbers = vec![num("12", 12.0, "people")];
    let mut b = claim("Police said 15 people were not injured in the blast on Wednesday.");
    b.numbers = vec![num("15", 15.0, "people")];
    b.negated = true;
    let c = one_change(a, b);
    assert_eq!(
        types(&c),
        [
            DetailType::NegationChanged,
            DetailType::NumberChanged,
            DetailType::DateChanged
        ]
    );
}

#[test]
fn formatting_only_changes_are_not_reported() {
    let old = vec![
        claim("\u{201c}We will rebuild,\u{201d} she said \u{2014} again."),
        claim("Prices rose   by 3%\u{a0}in May."),
    ];
    let mut new = vec![
        claim("\"We will rebuild,\" she said - again."),
        claim("Prices rose by 3% in May."),
    ];
    new[0].id = "c_x".into();
    new[1].id = "c_y".into();
    let d = diff_with(&old, &new, &CUES);
    assert!(d.is_empty(), "{d:#?}");
    assert_eq!(d.summary.unchanged, 2);
}

#[test]
fn added_removed_severity_and_order() {
    let old = vec![
        claim("The first paragraph says the harbour is open."),
        {
            let mut c = claim("\"We never give up,\" the captain said.");
            c.kind = ClaimKind::Quote;
            c
        },
        claim("The third paragraph mentions the lighthouse keeper."),
    ];
    let new = vec![
        claim("The first paragraph says the harbour is open."),
        claim("The third paragraph mentions the lighthouse keeper."),
        claim("A brand new sentence reports snowfall across the mountains."),
    ];
    let d = diff_with(&old, &new, &CUES);
    assert_eq!(
        d.summary,
        Summary {
            added: 1,
            removed: 1,
            modified: 0,
            unchanged: 2
        }
    );
    assert_eq!(d.changes[0].op, Op::Removed);
    assert_eq!(d.changes[0].severity, Severity::High);
    assert_eq!(d.changes[1].op, Op::Added);
    assert_eq!(d.changes[1].severity, Severity::Medium);
    assert_eq!(d.severity(), Severity::High);
}

#[test]
fn json_shape_matches_the_spec() {
    let mut a = claim("The bridge will cost 40 million dollars.");
    a.numbers = vec![num("40 million dollars", 40e6, "usd")];
    let mut b = claim("The bridge will cost 45 million dollars.");
    b.numbers = vec![num("45 million dollars", 45e6, "usd")];
    let d = diff_with(&[a], &[b], &CUES);
    let v = serde_json::to_value(&d).expect("serialises");
    let ch = &v["changes"][0];
    assert_eq!(ch["op"], "modified");
    assert_eq!(ch["severity"], "high");
    assert!(
        ch["similarity"]
            .as_f64()
            .is_some_and(|s| s > 0.5 && s < 1.0)
    );
    assert_eq!(ch["details"][0]["type"], "number_changed");
    assert_eq!(ch["details"][0]["from"], "40 million dollars");
    assert!(ch["before"]["text"].is_string() && ch["after"]["id"].is_string());
    assert_eq!(v["summary"]["modified"], 1);
}

#[test]
fn text_rendering_marks_words_and_ends_with_summary() {
    let mut a = claim("The reserve covers 113,000 square kilometers.");
    a.speaker = Some("the ranger".into());
    let mut b = claim("The reserve covers 116,000 square kilometers.");
    b.speaker = Some("the ranger".into());
    let d = diff_with(&[a], &[b], &CUES);
    let plain = text::render(
        "v1.txt",
        "v2.txt",
        &d,
        crate::render::Style { color: false },
    );
    assert!(plain.contains("high   modified"), "{plain}");
    assert!(plain.contains("[-113,000-]{+116,000+}"), "{plain}");
    assert!(plain.contains("speaker: the ranger"), "{plain}");
    assert!(
        plain.contains(
            "number changed: \"113,000 square kilometers\" → \"116,000 square kilometers\""
        ),
        "{plain}"
    );
    assert!(
        plain
            .trim_end()
            .ends_with("1 modified, 0 added, 0 removed, 0 unchanged"),
        "{plain}"
    );
    assert!(!plain.contains('\x1b'));
    let coloured = text::render("v1.txt", "v2.txt", &d, crate::render::Style { color: true });
    assert!(coloured.contains("\x1b[1;31m113,000\x1b[0m"), "{coloured}");
    assert!(coloured.contains("\x1b[1;32m116,000\x1b[0m"), "{coloured}");
}

#[test]
fn a_headline_change_says_where_it_is() {
    let mut a = claim("Nine dead as storm hits coast");
    a.part = crate::claims::Part::Headline;
    a.numbers = vec![num("Nine", 9.0, "")];
    let mut b = claim("11 dead as storm hits coast");
    b.part = crate::claims::Part::Headline;
    b.numbers = vec![num("11", 11.0, "")];
    let d = diff_with(&[a], &[b], &CUES);
    assert_eq!(d.changes[0].severity, Severity::High);
    let plain = text::render("v1", "v2", &d, crate::render::Style { color: false });
    assert!(
        plain.contains("high   modified headline statement line 1"),
        "{plain}"
    );
    let json = serde_json::to_value(&d).expect("serialises");
    assert_eq!(json["changes"][0]["after"]["part"], "headline");
    // A body claim's header names no part.
    let d = diff_with(
        &[claim("Nine ferries ran.")],
        &[claim("Ten ferries ran.")],
        &CUES,
    );
    let plain = text::render("v1", "v2", &d, crate::render::Style { color: false });
    assert!(plain.contains("modified statement line 1"), "{plain}");
}

#[test]
fn the_same_value_in_another_form_is_no_number_change() {
    let mut a = claim("The port handled 1.1 million containers and two ferries.");
    a.numbers = vec![num("1.1 million", 1_100_000.0, ""), num("two", 2.0, "")];
    let mut b = claim("The port handled 1,100,000 containers and 2 ferries.");
    b.numbers = vec![num("1,100,000", 1_100_000.0, ""), num("2", 2.0, "")];
    let d = diff_with(&[a.clone()], &[b], &CUES);
    assert_eq!(d.changes[0].severity, Severity::Low, "{d:#?}");
    assert!(
        d.changes[0]
            .details
            .iter()
            .all(|x| x.kind == DetailType::WordingChanged)
    );
    // A different value still is one.
    let mut c = claim("The port handled 1,200,000 containers and 2 ferries.");
    c.numbers = vec![num("1,200,000", 1_200_000.0, ""), num("2", 2.0, "")];
    let d = diff_with(&[a], &[c], &CUES);
    assert!(
        d.changes[0]
            .details
            .iter()
            .any(|x| x.kind == DetailType::NumberChanged)
    );
}

#[test]
fn a_word_swapped_for_its_opposite_is_a_negation_change() {
    for (before, after) in [
        (
            "Exports rose sharply in May.",
            "Exports fell sharply in May.",
        ),
        (
            "The index closed up 3% on Friday.",
            "The index closed down 3% on Friday.",
        ),
        (
            "The mayor said the report was accurate.",
            "The mayor denied the report was accurate.",
        ),
    ] {
        let d = diff_with(&[claim(before)], &[claim(after)], &CUES);
        let c = &d.changes[0];
        assert_eq!(c.severity, Severity::High, "{before}");
        assert!(
            c.details
                .iter()
                .any(|x| x.kind == DetailType::NegationChanged),
            "{c:#?}"
        );
    }
    let d = diff_with(
        &[claim("Exports rose sharply in May.")],
        &[claim("Exports climbed sharply in May.")],
        &CUES,
    );
    assert_eq!(d.changes[0].severity, Severity::Low);
}

#[test]
fn a_changed_quantity_the_extractor_missed_still_counts_when_values_match() {
    let mut a = claim("The 2GB board drew 30 watts.");
    a.numbers = vec![num("30", 30.0, "")];
    let mut b = claim("The 4GB board drew 30 watts.");
    b.numbers = vec![num("30", 30.0, "")];
    let d = diff_with(&[a], &[b], &CUES);
    assert!(
        d.changes[0]
            .details
            .iter()
            .any(|x| x.kind == DetailType::NumberChanged),
        "{d:#?}"
    );
}

fn quote_by(text: &str, speaker: &str) -> Claim {
    let mut c = claim(text);
    c.kind = ClaimKind::Quote;
    c.quote = Some(text.trim_matches('"').to_string());
    c.speaker = Some(speaker.to_string());
    c
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

#[test]
fn issue12_speaker_renamed_as_the_article_describes_them_is_low() {
    let intro = claim("Jan Roe, the harbour master, closed the port on Monday.");
    let mut a = claim("\"We will reopen within days,\" Roe said.");
    a.speaker = Some("Roe".into());
    a.quote = Some("We will reopen within days,".into());
    let mut b = claim("\"We will reopen within days,\" the harbour master said.");
    b.speaker = Some("the harbour master".into());
    b.quote = a.quote.clone();
    let d = diff_with(&[intro.clone(), a.clone()], &[intro, b.clone()], &CUES);
    assert_eq!(d.changes.len(), 1, "{d:#?}");
    assert!(types(&d.changes[0]).contains(&DetailType::SpeakerChanged));
    assert_eq!(d.changes[0].severity, Severity::Low);
    // Without the sentence that ties them, another source is high.
    let other = claim("The port closed on Monday.");
    let d = diff_with(&[other.clone(), a], &[other, b], &CUES);
    assert_eq!(d.changes[0].severity, Severity::High, "{d:#?}");
}
