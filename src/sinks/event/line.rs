//! The change-log line of an event ([`render_line`]): `created` events
//! list their claims as `[log] created_claims` says, and no line grows
//! past a bound: a longer one leaves its changes to the store (shown by
//! `claimwatch show`) and says so in `changes_spilled`.

use serde::Serialize;
use serde_json::Value;

use super::{ChangeEvent, EventKind};
use crate::claims::{Claim, ClaimKind, NumberMention, Part};
use crate::config::CreatedClaims;
use crate::diff::{Change, Detail, Op, Severity};

/// The longest change-log line: a 50 MB article must not become one
/// unreadable line that `tail`, `jq` and log shippers choke on.
pub const MAX_LINE: usize = 1 << 20;

/// An event as the change log and the store keep it.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The change-log line (no newline).
    pub line: String,
    /// The whole event, when `line` left its changes out.
    pub full: Option<String>,
}

/// Renders `ev` as its change-log line. Takes the event mutably only to
/// lend its changes out while the rest is serialised; it is left as found.
pub fn render_line(ev: &mut ChangeEvent, mode: CreatedClaims, max: usize) -> Line {
    let shaped = ev.event == EventKind::Created && mode != CreatedClaims::Full;
    let line = if shaped {
        with_changes(ev, |changes| match mode {
            CreatedClaims::None => "[]".into(),
            _ => compact_changes(changes),
        })
    } else {
        serde_json::to_string(ev).unwrap_or_default()
    };
    if line.len() <= max {
        return Line { line, full: None };
    }
    let full = if shaped {
        serde_json::to_string(ev).unwrap_or_default()
    } else {
        line
    };
    let count = ev.changes.len();
    let full_bytes = full.len();
    let line = with_changes(ev, |_| "[]".into());
    // Inserted after the fact so the event type needs no field for it.
    let line = match serde_json::from_str::<Value>(&line) {
        Ok(Value::Object(mut m)) => {
            m.insert(
                "changes_spilled".into(),
                serde_json::json!({
                    "count": count,
                    "bytes": full_bytes,
                    "reason": format!("the event line would pass {max} bytes; its changes are in the store"),
                    "show": format!("claimwatch show {}", m.get("event_id").and_then(Value::as_str).unwrap_or_default()),
                }),
            );
            Value::Object(m).to_string()
        }
        _ => line,
    };
    Line {
        line,
        full: Some(full),
    }
}

/// Serialises `ev` with `changes` replaced by the JSON array `f` writes.
/// The event is serialised with no changes and the array spliced in where
/// `"changes":[]` stands: that text cannot occur inside a JSON string (its
/// quotes would be escaped), and fields added to the event later still
/// serialise.
fn with_changes(ev: &mut ChangeEvent, f: impl FnOnce(&[Change]) -> String) -> String {
    let changes = std::mem::take(&mut ev.changes);
    let array = f(&changes);
    let head = serde_json::to_string(&*ev).unwrap_or_default();
    ev.changes = changes;
    match head.find(EMPTY) {
        Some(i) => {
            let mut out = String::with_capacity(head.len() + array.len());
            out.push_str(&head[..i]);
            out.push_str("\"changes\":");
            out.push_str(&array);
            out.push_str(&head[i + EMPTY.len()..]);
            out
        }
        None => head,
    }
}

const EMPTY: &str = "\"changes\":[]";

/// A claim as a compact `created` event lists it (SPEC 5).
#[derive(Serialize)]
struct CompactClaim<'a> {
    id: &'a str,
    kind: ClaimKind,
    part: Part,
    text: &'a str,
    speaker: Option<&'a str>,
    numbers: &'a [NumberMention],
}

/// A change of a compact `created` event: no empty `details` (readers
/// default them).
#[derive(Serialize)]
struct CompactChange<'a> {
    op: Op,
    severity: Severity,
    #[serde(skip_serializing_if = "Option::is_none")]
    before: Option<CompactClaim<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    after: Option<CompactClaim<'a>>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    details: &'a [Detail],
}

fn compact(c: &Claim) -> CompactClaim<'_> {
    CompactClaim {
        id: &c.id,
        kind: c.kind,
        part: c.part,
        text: &c.text,
        speaker: c.speaker.as_deref(),
        numbers: &c.numbers,
    }
}

/// The changes as a JSON array with their claims cut to the compact fields.
fn compact_changes(changes: &[Change]) -> String {
    let shaped: Vec<CompactChange<'_>> = changes
        .iter()
        .map(|c| CompactChange {
            op: c.op,
            severity: c.severity,
            before: c.before.as_ref().map(compact),
            after: c.after.as_ref().map(compact),
            details: &c.details,
        })
        .collect();
    serde_json::to_string(&shaped).unwrap_or_else(|_| "[]".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff;

    fn created(text: &str) -> ChangeEvent {
        let ex =
            crate::extract_bytes(std::path::Path::new("a.txt"), text.as_bytes()).expect("extract");
        assert!(!ex.claims.is_empty(), "fixture has claims");
        ChangeEvent {
            schema: super::super::SCHEMA,
            event_id: "ev_1".into(),
            time: "2026-01-01T00:00:00.000Z".into(),
            path: "a.txt".into(),
            root: "/r".into(),
            event: EventKind::Created,
            revision: 1,
            prev_revision: None,
            from: None,
            item: None,
            hash: Some("blake3:00".into()),
            title: None,
            severity: Default::default(),
            summary: Default::default(),
            changes: Vec::new(),
        }
        .with_diff(diff::diff(&[], &ex.claims))
    }

    const ARTICLE: &str = "Ferry fares rise\n\nThe port authority said fares would rise by 12% on Monday.\n\n\"We had no choice,\" said Ana Ruiz, the authority's director.\n";

    #[test]
    fn compact_created_claims_keep_only_the_listed_fields() {
        let mut ev = created(ARTICLE);
        let full = render_line(&mut ev, CreatedClaims::Full, MAX_LINE);
        let compact = render_line(&mut ev, CreatedClaims::Compact, MAX_LINE);
        assert!(compact.line.len() < full.line.len());
        let v: Value = serde_json::from_str(&compact.line).expect("json");
        let after = &v["changes"][0]["after"];
        assert!(
            after["id"].is_string() && after["text"].is_string(),
            "{after}"
        );
        assert!(after.get("entities").is_none() && after.get("line").is_none());
        assert!(after.get("negated").is_none(), "{after}");
        assert!(
            after["part"].is_string(),
            "compact claims keep their part: {after}"
        );
        assert!(
            v["changes"][0].get("details").is_none(),
            "empty details left out"
        );
        // Readers (tail, show, alerts) still parse the compact line.
        let back: ChangeEvent = serde_json::from_str(&compact.line).expect("parses");
        assert_eq!(back.changes.len(), ev.changes.len());
        assert_eq!(
            ev.changes.len(),
            full_changes(&full.line),
            "event left as found"
        );
    }

    fn full_changes(line: &str) -> usize {
        let v: Value = serde_json::from_str(line).expect("json");
        v["changes"].as_array().map_or(0, Vec::len)
    }

    #[test]
    fn none_keeps_the_summary_only() {
        let mut ev = created(ARTICLE);
        let l = render_line(&mut ev, CreatedClaims::None, MAX_LINE);
        let v: Value = serde_json::from_str(&l.line).expect("json");
        assert_eq!(v["changes"], Value::Array(Vec::new()));
        assert_eq!(v["summary"]["added"], ev.changes.len());
        assert!(l.full.is_none());
    }

    #[test]
    fn a_line_past_the_bound_spills_its_changes() {
        let mut ev = created(ARTICLE);
        let l = render_line(&mut ev, CreatedClaims::Compact, 300);
        assert!(l.line.len() < 700, "{}", l.line);
        let v: Value = serde_json::from_str(&l.line).expect("json");
        assert_eq!(v["changes"], Value::Array(Vec::new()));
        assert_eq!(v["changes_spilled"]["count"], ev.changes.len());
        let full = l.full.expect("the whole event is kept");
        assert_eq!(full_changes(&full), ev.changes.len());
        // Modified events spill too.
        ev.event = EventKind::Modified;
        let l = render_line(&mut ev, CreatedClaims::Compact, 300);
        assert!(l.full.is_some() && l.line.contains("changes_spilled"));
    }
}
