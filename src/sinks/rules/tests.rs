//! Unit tests for alert rule matching: one criterion at a time, then the
//! alert record built from a match.

use super::*;
use crate::claims::Claim;
use crate::config::AlertRule;
use crate::diff::{Change, Detail, DetailType, Op, Severity, Summary};
use crate::sinks::alert::{Alert, alert_id};
use crate::sinks::event::{ChangeEvent, EventKind};

fn claim(kind: ClaimKind, text: &str, speaker: Option<&str>, entities: &[&str]) -> Claim {
    Claim {
        id: crate::claims::claim_id(text),
        kind,
        text: text.into(),
        quote: None,
        speaker: speaker.map(str::to_string),
        sources: Vec::new(),
        numbers: Vec::new(),
        negated: false,
        hedged: false,
        entities: entities.iter().map(|s| s.to_string()).collect(),
        part: crate::claims::Part::Body,
        paragraph: 1,
        line: 3,
    }
}

fn number_change() -> Change {
    let before = claim(
        ClaimKind::Numeric,
        "The council counted 1,200 new homes in the valley.",
        None,
        &["Valley Council"],
    );
    let mut after = before.clone();
    after.text = "The council counted 1,500 new homes in the valley.".into();
    Change {
        op: Op::Modified,
        severity: Severity::High,
        similarity: Some(0.9),
        before: Some(before),
        after: Some(after),
        details: vec![Detail {
            kind: DetailType::NumberChanged,
            from: Some("1,200 homes".into()),
            to: Some("1,500 homes".into()),
        }],
        word_diff: None,
    }
}

fn added_quote() -> Change {
    Change {
        op: Op::Added,
        severity: Severity::Medium,
        similarity: None,
        before: None,
        after: Some(claim(
            ClaimKind::Quote,
            "\"We will rebuild the bridge,\" said Tomas Berg.",
            Some("Tomas Berg"),
            &["Tomas Berg"],
        )),
        details: Vec::new(),
        word_diff: None,
    }
}

fn event(kind: EventKind, path: &str, changes: Vec<Change>) -> ChangeEvent {
    ChangeEvent {
        schema: 1,
        event_id: "ev_test".into(),
        time: "2026-11-25T10:00:00.000Z".into(),
        path: path.into(),
        root: "/srv/a".into(),
        event: kind,
        revision: 2,
        prev_revision: Some(1),
        from: None,
        item: None,
        hash: Some("blake3:x".into()),
        title: Some("Homes".into()),
        severity: changes.iter().map(|c| c.severity).max().unwrap_or_default(),
        summary: Summary::default(),
        changes,
    }
}

fn rule(f: impl FnOnce(&mut AlertRule)) -> Rule {
    let mut r = AlertRule {
        name: "r".into(),
        sinks: vec!["s".into()],
        ..Default::default()
    };
    f(&mut r);
    Rule::compile(&r, &[]).expect("rule compiles")
}

fn fires(r: &Rule, ev: &ChangeEvent) -> usize {
    r.matching(ev).len()
}

fn both() -> ChangeEvent {
    event(
        EventKind::Modified,
        "local/homes.txt",
        vec![number_change(), added_quote()],
    )
}

#[test]
fn empty_rule_matches_every_change() {
    assert_eq!(fires(&rule(|_| {}), &both()), 2);
}

#[test]
fn no_changes_never_fire() {
    let ev = event(EventKind::Modified, "a.txt", Vec::new());
    assert_eq!(fires(&rule(|_| {}), &ev), 0);
    assert!(Alert::new(&ev, &rule(|_| {}), "s").is_none());
}

#[test]
fn min_severity() {
    assert_eq!(
        fires(&rule(|r| r.min_severity = Some("high".into())), &both()),
        1
    );
    assert_eq!(
        fires(&rule(|r| r.min_severity = Some("medium".into())), &both()),
        2
    );
}

#[test]
fn detail_types() {
    let r = rule(|r| r.details = vec!["number_changed".into()]);
    assert_eq!(r.matching(&both())[0].op, Op::Modified);
    assert_eq!(fires(&r, &both()), 1);
    let r = rule(|r| r.details = vec!["quote_changed".into()]);
    assert_eq!(fires(&r, &both()), 0);
}

#[test]
fn claim_kinds() {
    assert_eq!(fires(&rule(|r| r.kinds = vec!["quote".into()]), &both()), 1);
    assert_eq!(
        fires(&rule(|r| r.kinds = vec!["statement".into()]), &both()),
        0
    );
}

#[test]
fn ops() {
    let r = rule(|r| r.ops = vec!["added".into()]);
    assert_eq!(r.matching(&both())[0].op, Op::Added);
    assert_eq!(fires(&r, &both()), 1);
    assert_eq!(fires(&rule(|r| r.ops = vec!["removed".into()]), &both()), 0);
}

#[test]
fn event_types() {
    let r = rule(|r| r.events = vec!["created".into()]);
    assert_eq!(fires(&r, &both()), 0);
    let created = event(EventKind::Created, "a.txt", vec![added_quote()]);
    assert_eq!(fires(&r, &created), 1);
}

#[test]
fn keywords_in_text_or_speaker_case_insensitive() {
    assert_eq!(
        fires(&rule(|r| r.keywords = vec!["BRIDGE".into()]), &both()),
        1
    );
    assert_eq!(
        fires(&rule(|r| r.keywords = vec!["tomas".into()]), &both()),
        1
    );
    assert_eq!(
        fires(&rule(|r| r.keywords = vec!["homes".into()]), &both()),
        1
    );
    assert_eq!(
        fires(&rule(|r| r.keywords = vec!["harbour".into()]), &both()),
        0
    );
}

#[test]
fn entities() {
    assert_eq!(
        fires(
            &rule(|r| r.entities = vec!["valley council".into()]),
            &both()
        ),
        1
    );
    assert_eq!(
        fires(&rule(|r| r.entities = vec!["Berg".into()]), &both()),
        1
    );
    assert_eq!(
        fires(&rule(|r| r.entities = vec!["Oslo".into()]), &both()),
        0
    );
}

#[test]
fn path_globs_relative_to_root() {
    let r = rule(|r| r.paths = vec!["local/**".into()]);
    assert_eq!(fires(&r, &both()), 2);
    let r = rule(|r| r.paths = vec!["world/*.txt".into()]);
    assert_eq!(fires(&r, &both()), 0);
}

#[test]
fn criteria_combine_with_and() {
    let r = rule(|r| {
        r.details = vec!["number_changed".into()];
        r.keywords = vec!["bridge".into()];
    });
    assert_eq!(fires(&r, &both()), 0);
}

#[test]
fn alert_record_and_message() {
    let r = rule(|r| r.details = vec!["number_changed".into()]);
    let a = Alert::new(&both(), &r, "s").expect("fires");
    assert_eq!(a.alert_id, alert_id("ev_test", "r", "s"));
    assert_ne!(a.alert_id, alert_id("ev_test", "r", "other"));
    assert_eq!(a.severity, Severity::High);
    assert_eq!(a.changes.len(), 1);
    assert_eq!(
        a.message,
        "[high] local/homes.txt: number changed in \"The council counted 1,500 new homes in the valley.\": 1,200 homes → 1,500 homes"
    );
    let all = Alert::new(&both(), &rule(|_| {}), "s").expect("fires");
    assert!(all.message.ends_with("(+1 more)"), "{}", all.message);
}

#[test]
fn unknown_values_are_refused() {
    let r = AlertRule {
        name: "bad".into(),
        details: vec!["colour_changed".into()],
        ..Default::default()
    };
    assert!(Rule::compile(&r, &[]).is_err());
}

#[test]
fn claim_parts() {
    let mut headline = number_change();
    for c in headline.before.iter_mut().chain(headline.after.iter_mut()) {
        c.part = crate::claims::Part::Headline;
    }
    let ev = event(
        EventKind::Modified,
        "local/homes.txt",
        vec![headline, added_quote()],
    );
    assert_eq!(fires(&rule(|r| r.parts = vec!["headline".into()]), &ev), 1);
    assert_eq!(fires(&rule(|r| r.parts = vec!["body".into()]), &ev), 1);
    assert_eq!(
        fires(&rule(|r| r.parts = vec!["standfirst".into()]), &ev),
        0
    );
    assert_eq!(fires(&rule(|_| {}), &ev), 2);
    let bad = AlertRule {
        name: "r".into(),
        parts: vec!["footer".into()],
        ..Default::default()
    };
    assert!(Rule::compile(&bad, &[]).is_err());
}

/// A big article's `created` event keeps its claims, not its changes: the
/// rule tries each claim added, and decides as it would on the changes.
#[test]
fn fires_on_added_claims_as_on_their_changes() {
    let claims = vec![
        claim(ClaimKind::Statement, "The ferry left on time.", None, &[]),
        added_quote().after.expect("claim"),
    ];
    let full = event(
        EventKind::Created,
        "a.txt",
        crate::diff::diff(&[], &claims).changes,
    );
    let kept = event(EventKind::Created, "a.txt", Vec::new());
    for r in [
        rule(|_| {}),
        rule(|r| r.keywords = vec!["bridge".into()]),
        rule(|r| r.keywords = vec!["tunnel".into()]),
        rule(|r| r.kinds = vec!["quote".into()]),
        rule(|r| r.min_severity = Some("high".into())),
        rule(|r| r.events = vec!["modified".into()]),
    ] {
        assert_eq!(r.fires_on_added(&kept, &claims), fires(&r, &full) > 0);
    }
    assert!(rule(|r| r.keywords = vec!["bridge".into()]).fires_on_added(&kept, &claims));
}
