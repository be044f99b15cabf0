//! Lineage over small histories built here: edit, remove, restore,
//! flip-flop, split, merge, deletion, ordering and JSON.

use super::*;
use crate::diff::tests::claim;

fn rev(n: i64, texts: &[&str]) -> Revision {
    Revision {
        revision: n,
        time: format!("2026-01-0{n}T10:00:00.000Z"),
        title: None,
        deleted: false,
        claims: texts.iter().map(|t| claim(t)).collect(),
    }
}

fn deleted(n: i64) -> Revision {
    Revision {
        deleted: true,
        ..rev(n, &[])
    }
}

fn kinds(l: &Lineage) -> Vec<StepKind> {
    l.steps.iter().map(|s| s.kind).collect()
}

const FERRY: &str =
    "The ferry operator said 12 crossings were cancelled on Tuesday because of high winds.";
const FERRY_15: &str =
    "The ferry operator said 15 crossings were cancelled on Tuesday because of high winds.";
const PIER: &str =
    "Engineers will inspect the damaged northern pier before the weekend market opens.";
const SCHOOL: &str = "The island school moved its lessons online for the rest of the week.";

#[test]
fn unchanged_claims_have_one_step_each() {
    let h = build(&[rev(1, &[FERRY, PIER]), rev(2, &[FERRY, PIER])]);
    assert_eq!(h.lineages.len(), 2);
    for l in &h.lineages {
        assert_eq!(kinds(l), [StepKind::FirstSeen]);
        assert!(l.live && !l.changed());
        assert_eq!(l.severity, Severity::None);
    }
}

#[test]
fn edit_is_a_modified_step_with_details_and_marked_words() {
    let h = build(&[rev(1, &[FERRY, PIER]), rev(2, &[FERRY_15, PIER])]);
    assert_eq!(h.lineages.len(), 2, "an edit keeps the lineage");
    let l = &h.lineages[0];
    assert_eq!(kinds(l), [StepKind::FirstSeen, StepKind::Modified]);
    let s = &l.steps[1];
    assert_eq!(s.revision, 2);
    assert_eq!(s.before.as_deref(), Some(FERRY));
    assert_eq!(s.text, FERRY_15);
    assert!(
        s.details
            .iter()
            .any(|d| d.kind == DetailType::NumberChanged),
        "{:?}",
        s.details
    );
    assert_eq!(s.severity, Severity::High);
    assert!(s.word_diff.as_deref().unwrap().contains("[-12-]{+15+}"));
    assert_eq!(l.severity, Severity::High);
    assert_eq!(l.text, FERRY_15);
}

#[test]
fn removal_ends_the_lineage_but_keeps_its_text() {
    let h = build(&[rev(1, &[FERRY, PIER]), rev(2, &[PIER])]);
    let l = &h.lineages[0];
    assert_eq!(kinds(l), [StepKind::FirstSeen, StepKind::Removed]);
    assert!(!l.live);
    assert_eq!(l.text, FERRY);
    assert_eq!(l.steps[1].severity, Severity::Medium);
    assert!(h.lineages[1].live);
}

#[test]
fn a_claim_that_returns_is_restored_in_the_same_lineage() {
    let h = build(&[
        rev(1, &[FERRY, PIER]),
        rev(2, &[PIER]),
        rev(3, &[PIER, SCHOOL]),
        rev(4, &[FERRY, PIER, SCHOOL]),
    ]);
    assert_eq!(h.lineages.len(), 3, "{:#?}", h.lineages);
    let l = &h.lineages[0];
    assert_eq!(
        kinds(l),
        [StepKind::FirstSeen, StepKind::Removed, StepKind::Restored]
    );
    assert_eq!(l.steps[2].revision, 4);
    assert!(l.live);
    // The school claim arrived later: an addition, medium.
    let school = &h.lineages[2];
    assert_eq!(kinds(school), [StepKind::FirstSeen]);
    assert_eq!(school.steps[0].revision, 3);
    assert_eq!(school.severity, Severity::Medium);
}

#[test]
fn an_edited_return_is_restored_with_its_details() {
    let h = build(&[
        rev(1, &[FERRY, PIER]),
        rev(2, &[PIER]),
        rev(3, &[FERRY_15, PIER]),
    ]);
    assert_eq!(h.lineages.len(), 2);
    let s = &h.lineages[0].steps[2];
    assert_eq!(s.kind, StepKind::Restored);
    assert_eq!(s.before.as_deref(), Some(FERRY));
    assert!(
        s.details
            .iter()
            .any(|d| d.kind == DetailType::NumberChanged)
    );
    assert_eq!(s.severity, Severity::High);
}

#[test]
fn deletion_and_recreation_restore_every_claim() {
    let h = build(&[rev(1, &[FERRY, PIER]), deleted(2), rev(3, &[FERRY, PIER])]);
    assert_eq!(h.lineages.len(), 2);
    for l in &h.lineages {
        assert_eq!(
            kinds(l),
            [StepKind::FirstSeen, StepKind::Removed, StepKind::Restored]
        );
    }
}

#[test]
fn a_number_that_changes_back_is_a_flip_flop() {
    let h = build(&[
        rev(1, &[FERRY, PIER]),
        rev(2, &[FERRY_15, PIER]),
        rev(3, &[FERRY, PIER]),
    ]);
    let l = &h.lineages[0];
    assert_eq!(
        kinds(l),
        [StepKind::FirstSeen, StepKind::Modified, StepKind::Modified]
    );
    assert!(l.steps[1].flip_flop.is_none());
    let f = l.steps[2].flip_flop.as_ref().expect("flip-flop marked");
    assert_eq!(f.back_to, 1);
    assert_eq!(l.flip_flops, 1);
    assert_eq!(h.lineages[1].flip_flops, 0);
}

#[test]
fn a_value_that_changes_back_inside_other_edits_is_a_flip_flop() {
    let a = "Officials counted 40 damaged homes in the valley after the storm.";
    let b = "Officials counted 45 damaged homes in the valley after the storm.";
    let c = "Officials later counted 40 damaged homes in the valley after the storm.";
    let h = build(&[rev(1, &[a]), rev(2, &[b]), rev(3, &[c])]);
    let l = &h.lineages[0];
    let f = l.steps[2].flip_flop.as_ref().expect("number went back");
    assert_eq!(f.what, "number_changed");
    assert_eq!(f.back_to, 1);
    assert_eq!(f.label(), "↺ flip-flop: number back to its r1 form");
}

#[test]
fn a_wording_change_that_is_undone_is_a_flip_flop() {
    let a = "The council approved the harbour budget after a long debate.";
    let b = "The council narrowly approved the harbour budget after a long debate.";
    let h = build(&[rev(1, &[a]), rev(2, &[b]), rev(3, &[a]), rev(4, &[b])]);
    let l = &h.lineages[0];
    assert_eq!(l.flip_flops, 2);
    assert_eq!(l.steps[3].flip_flop.as_ref().unwrap().back_to, 2);
}

#[test]
fn a_split_sentence_stays_one_lineage() {
    let whole = "The river flooded three villages near the border, and rescue teams evacuated hundreds of residents overnight.";
    let first = "The river flooded three villages near the border.";
    let second = "Rescue teams evacuated hundreds of residents overnight.";
    let h = build(&[rev(1, &[whole, PIER]), rev(2, &[first, second, PIER])]);
    assert_eq!(h.lineages.len(), 2, "{:#?}", h.lineages);
    let l = &h.lineages[0];
    assert_eq!(kinds(l), [StepKind::FirstSeen, StepKind::Split]);
    assert_eq!(l.text, format!("{first} {second}"));
    assert!(l.live);
    // Editing one part later is a modification of the same lineage.
    let second_edit = "Rescue teams evacuated about 300 residents overnight.";
    let h = build(&[
        rev(1, &[whole, PIER]),
        rev(2, &[first, second, PIER]),
        rev(3, &[first, second_edit, PIER]),
    ]);
    assert_eq!(h.lineages.len(), 2, "{:#?}", h.lineages);
    assert_eq!(
        kinds(&h.lineages[0]),
        [StepKind::FirstSeen, StepKind::Split, StepKind::Modified]
    );
}

#[test]
fn merged_sentences_end_one_lineage_in_the_other() {
    let first = "The river flooded three villages near the border.";
    let second = "Rescue teams evacuated hundreds of residents overnight.";
    let whole = "The river flooded three villages near the border, and rescue teams evacuated hundreds of residents overnight.";
    let h = build(&[rev(1, &[first, second, PIER]), rev(2, &[whole, PIER])]);
    assert_eq!(h.lineages.len(), 3);
    let (a, b) = (&h.lineages[0], &h.lineages[1]);
    assert_eq!(kinds(a), [StepKind::FirstSeen, StepKind::Merged]);
    assert_eq!(a.steps[1].with, [1]);
    assert!(a.live);
    assert_eq!(a.text, whole);
    assert_eq!(kinds(b), [StepKind::FirstSeen, StepKind::MergedInto]);
    assert_eq!(b.steps[1].with, [0]);
    assert!(!b.live);
}

#[test]
fn headline_and_severe_lineages_come_first() {
    let headline = "Storm closes ferry crossings to the island";
    let mut r1 = rev(1, &[PIER, FERRY, headline]);
    r1.title = Some(headline.into());
    let mut r2 = rev(
        2,
        &[
            PIER,
            FERRY_15,
            "Storm closes ferry crossings to the island again",
        ],
    );
    r2.title = Some("Storm closes ferry crossings to the island again".into());
    let h = build(&[r1, r2]);
    let order: Vec<usize> = h.ordered().iter().map(|l| l.id).collect();
    assert_eq!(h.lineages[2].part, 0, "{:#?}", h.lineages[2]);
    assert_eq!(order, [2, 1, 0]);
}

#[test]
fn json_names_steps_in_snake_case() {
    let h = build(&[rev(1, &[FERRY]), rev(2, &[FERRY_15])]);
    let v = serde_json::to_value(&h).unwrap();
    assert_eq!(v["lineages"][0]["steps"][0]["kind"], "first_seen");
    assert_eq!(v["lineages"][0]["steps"][1]["kind"], "modified");
    assert_eq!(v["lineages"][0]["severity"], "high");
    assert!(v["lineages"][0].get("current").is_none());
}

#[test]
fn text_view_marks_changed_words_and_flip_flops() {
    let h = build(&[rev(1, &[FERRY]), rev(2, &[FERRY_15]), rev(3, &[FERRY])]);
    let out = text::render(&h, false, crate::render::Style { color: false });
    assert!(out.contains("[-12-]{+15+}"), "{out}");
    assert!(out.contains("flip-flop"), "{out}");
    assert!(
        out.contains("1 claims over 3 revisions: 1 changed, 1 flip-flops"),
        "{out}"
    );
}
