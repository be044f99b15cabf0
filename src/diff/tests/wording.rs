//! Wording: negation and opposite words, hedges, entities, typo fixes,
//! several details in one change, and formatting that is no change.

use super::*;

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

/// "had no plans to resign" → "planned to resign" also reported the hedge
/// "plans to" → "planned to": one hedge in another tense is no change.
#[test]
fn one_hedge_in_another_tense_is_no_hedge_change() {
    let mut a = claim("The minister said he plans to step down before the summer recess.");
    a.hedged = true;
    let mut b = claim("The minister said he planned to step down before the summer recess.");
    b.hedged = true;
    let d = diff_with(&[a], &[b], &Cues::POLARITY);
    assert!(
        d.changes
            .iter()
            .flat_map(|c| &c.details)
            .all(|x| x.kind != DetailType::HedgeChanged),
        "{d:#?}"
    );
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
fn a_verb_that_negates_by_itself_swapped_for_not_plus_its_opposite_keeps_the_meaning() {
    let a = claim("The rowing club still excludes women from its regatta.");
    let mut b = claim("The rowing club doesn't allow women in its regatta.");
    b.negated = true;
    let c = one_change(a, b);
    assert!(!types(&c).contains(&DetailType::NegationChanged), "{c:#?}");
    assert_eq!(c.severity, Severity::Low);
    // Without the implicit negation the flip is real.
    let a = claim("The rowing club still admits women to its regatta.");
    let mut b = claim("The rowing club doesn't allow women in its regatta.");
    b.negated = true;
    let c = one_change(a, b);
    assert!(types(&c).contains(&DetailType::NegationChanged), "{c:#?}");
    assert_eq!(c.severity, Severity::High);
}

#[test]
fn taking_the_other_side_is_a_reversal() {
    let c = one_change(
        claim("The senator voted for the harbour bill on Tuesday."),
        claim("The senator voted against the harbour bill on Tuesday."),
    );
    let d = detail(&c, DetailType::NegationChanged);
    assert_eq!(
        (d.from.as_deref(), d.to.as_deref()),
        (Some("for"), Some("against"))
    );
    assert_eq!(c.severity, Severity::High);
    // "for" and "against" after a noun can mean the same protection.
    let c = one_change(
        claim("The town bought insurance for floods last year."),
        claim("The town bought insurance against floods last year."),
    );
    assert!(!types(&c).contains(&DetailType::NegationChanged), "{c:#?}");
}

/// "We are not going back" → "We aren't going back" inside a quotation
/// was a high quote change: the same words, contracted. (The real
/// polarity cues: they read "n't" as "not".)
#[test]
fn a_contraction_in_a_quotation_is_wording() {
    for (old, new) in [
        (
            "\"We are not going back,\" Ada Lowe said.",
            "\"We aren't going back,\" Ada Lowe said.",
        ),
        (
            "\"It's over, and we're done,\" Ada Lowe said.",
            "\"It is over, and we are done,\" Ada Lowe said.",
        ),
        (
            "\"We cannot wait,\" Ada Lowe said.",
            "\"We can't wait,\" Ada Lowe said.",
        ),
    ] {
        let d = diff_with(
            &[quote_by(old, "Ada Lowe")],
            &[quote_by(new, "Ada Lowe")],
            &classify::Cues::POLARITY,
        );
        assert!(
            only_wording(&d) && d.changes.iter().all(|c| c.severity == Severity::Low),
            "{old} -> {new}: {d:#?}"
        );
    }
    // Another word is still a quote change.
    let d = diff_with(
        &[quote_by(
            "\"We aren't going back,\" Ada Lowe said.",
            "Ada Lowe",
        )],
        &[quote_by(
            "\"We are going back,\" Ada Lowe said.",
            "Ada Lowe",
        )],
        &classify::Cues::POLARITY,
    );
    assert_eq!(d.changes[0].severity, Severity::High, "{d:#?}");
}
