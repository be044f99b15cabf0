//! The alert record ([`Alert`]): what a sink receives when a rule fires for
//! an event — the event's identity, the rule, the matching changes and a
//! one-line human `message`.

use serde::{Deserialize, Serialize};

use super::event::{ChangeEvent, EventKind, change_brief_with, severity_str};
use super::rules::Rule;
use crate::diff::{Change, Severity};
use crate::render::escape_control;

/// The alert schema version.
pub const SCHEMA: u32 = 1;

/// One alert: one event, one rule, one sink.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alert {
    pub schema: u32,
    /// Stable per (event, rule, sink): a retried delivery carries the same id.
    pub alert_id: String,
    pub event_id: String,
    pub rule: String,
    pub sink: String,
    /// The event's time (RFC 3339 UTC), so a retry is byte-identical.
    pub time: String,
    pub path: String,
    pub root: String,
    pub event: EventKind,
    pub revision: i64,
    pub title: Option<String>,
    /// The highest severity among the matching changes.
    pub severity: Severity,
    pub message: String,
    pub changes: Vec<Change>,
}

/// A stable alert id from the event id, rule and sink names.
pub fn alert_id(event_id: &str, rule: &str, sink: &str) -> String {
    let mut h = blake3::Hasher::new();
    for part in [event_id, rule, sink] {
        h.update(part.as_bytes());
        h.update(&[0]);
    }
    format!("al_{}", &h.finalize().to_hex()[..20])
}

/// `[high] world/a.txt: number changed in "…": 12 → 15 (+2 more)`,
/// naming a detail type the rule asked for when it has any.
pub fn message(path: &str, changes: &[&Change], rule: Option<&Rule>) -> String {
    let severity = changes
        .iter()
        .map(|c| c.severity)
        .max()
        .unwrap_or(Severity::None);
    let mut line = format!("[{}] {}", severity_str(severity), escape_control(path));
    if let Some(first) = changes.iter().find(|c| c.severity == severity) {
        line.push_str(": ");
        line.push_str(&change_brief_with(first, |k| {
            rule.is_some_and(|r| r.details.contains(&k))
        }));
    }
    if changes.len() > 1 {
        line.push_str(&format!(" (+{} more)", changes.len() - 1));
    }
    line
}

impl Alert {
    /// The alert for `ev` under `rule` to `sink`, or `None` when the
    /// matching changes are empty (no empty notifications).
    pub fn new(ev: &ChangeEvent, rule: &Rule, sink: &str) -> Option<Alert> {
        let changes = rule.matching(ev);
        if changes.is_empty() {
            return None;
        }
        Some(Alert {
            schema: SCHEMA,
            alert_id: alert_id(&ev.event_id, &rule.name, sink),
            event_id: ev.event_id.clone(),
            rule: rule.name.clone(),
            sink: sink.to_string(),
            time: ev.time.clone(),
            path: ev.path.clone(),
            root: ev.root.clone(),
            event: ev.event,
            revision: ev.revision,
            title: ev.title.clone(),
            severity: changes
                .iter()
                .map(|c| c.severity)
                .max()
                .unwrap_or(Severity::None),
            message: message(&ev.path, &changes, Some(rule)),
            changes: changes.iter().map(|c| (*c).clone()).collect(),
        })
    }
}
