//! The change event ([`ChangeEvent`]): one per revision of a file, as it
//! appears in the change log (SPEC section 5), plus its human log line and
//! its rendering for `claimwatch show`.

pub(crate) mod json;
pub mod line;

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::diff::{Change, ClaimDiff, DetailType, Severity, Summary};
use crate::render::{Style, escape_control};

/// The change-log schema version.
pub const SCHEMA: u32 = 1;

/// What happened to a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Created,
    Modified,
    Deleted,
    Renamed,
    Restored,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Created => "created",
            EventKind::Modified => "modified",
            EventKind::Deleted => "deleted",
            EventKind::Renamed => "renamed",
            EventKind::Restored => "restored",
        }
    }
}

/// One change event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeEvent {
    pub schema: u32,
    pub event_id: String,
    /// RFC 3339 UTC with milliseconds.
    pub time: String,
    /// Relative to `root`, `/`-separated.
    pub path: String,
    pub root: String,
    pub event: EventKind,
    pub revision: i64,
    pub prev_revision: Option<i64>,
    /// For `renamed`: the path the content moved from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// For an item of a feed (`path` is `feed.xml#<id>`): its id and link.
    /// Absent for ordinary files, so their events read as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemRef>,
    /// `blake3:<hex>` of the file bytes; null for a deletion.
    pub hash: Option<String>,
    pub title: Option<String>,
    pub severity: Severity,
    pub summary: Summary,
    pub changes: Vec<Change>,
}

/// Which item of a feed an event is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRef {
    pub id: String,
    pub link: Option<String>,
}

/// A stable event id from the file's identity and revision: the same
/// revision always gets the same id, so consumers can drop duplicates.
pub fn event_id(root: &str, path: &str, revision: i64, hash: Option<&str>) -> String {
    let mut h = blake3::Hasher::new();
    for part in [root, path, &revision.to_string(), hash.unwrap_or("-")] {
        h.update(part.as_bytes());
        h.update(&[0]);
    }
    format!("ev_{}", &h.finalize().to_hex()[..20])
}

/// The current time as RFC 3339 UTC with milliseconds.
pub fn now_rfc3339() -> String {
    format!("{:.3}", jiff::Timestamp::now())
}

impl ChangeEvent {
    /// The file the event is about: `path`, or for a feed item the feed
    /// file's path (`path` without its `#<id>`).
    pub fn file_path(&self) -> &str {
        match &self.item {
            Some(item) => self
                .path
                .strip_suffix(item.id.as_str())
                .and_then(|p| p.strip_suffix('#'))
                .unwrap_or(&self.path),
            None => &self.path,
        }
    }

    /// Whether a path glob (`tail --path`, an alert rule's `paths`)
    /// takes the event: its path, or for a feed item its feed's path too,
    /// so `feed.xml` selects every item and `feed.xml#ID` one.
    pub fn path_matches(&self, glob: impl Fn(&str) -> bool) -> bool {
        glob(&self.path) || (self.item.is_some() && glob(self.file_path()))
    }

    /// Fills severity, summary and changes from a diff.
    pub fn with_diff(mut self, d: ClaimDiff) -> ChangeEvent {
        self.severity = d.severity();
        self.summary = d.summary;
        self.changes = d.changes;
        self
    }

    /// The one-line human summary (`modified a/b.txt [high]: 1 added, …`).
    pub fn log_line(&self) -> String {
        let s = &self.summary;
        let mut line = format!(
            "{} {} [{}]",
            self.event.as_str(),
            escape_control(&self.path),
            severity_str(self.severity)
        );
        match self.event {
            EventKind::Renamed => {
                if let Some(from) = &self.from {
                    let _ = write!(line, ": from {}", escape_control(from));
                }
            }
            _ if self.changes.is_empty() => line.push_str(": no claim changes"),
            _ => {
                let _ = write!(
                    line,
                    ": {} added, {} removed, {} modified",
                    s.added, s.removed, s.modified
                );
                if let Some(first) = self.changes.iter().find(|c| c.severity == self.severity) {
                    let _ = write!(line, "; {}", change_brief(first));
                }
            }
        }
        line
    }
}

pub fn severity_str(s: Severity) -> &'static str {
    match s {
        Severity::None => "none",
        Severity::Low => "low",
        Severity::Medium => "medium",
        Severity::High => "high",
    }
}

/// `number changed in "…": 12 → 15` or `removed "…"`.
pub(crate) fn change_brief(c: &Change) -> String {
    change_brief_with(c, |_| true)
}

/// [`change_brief`] naming the first detail `prefer` accepts (the one an
/// alert rule matched), else the first detail.
pub(crate) fn change_brief_with(c: &Change, prefer: impl Fn(DetailType) -> bool) -> String {
    // One wording for the log line and alerts, quoting the changed words.
    super::alert::brief(c, prefer)
}

/// Renders an event for people (`claimwatch show`).
pub fn render(ev: &ChangeEvent, style: Style) -> String {
    let mut out = String::new();
    let sev = severity_str(ev.severity);
    let sev_painted = match ev.severity {
        Severity::High => style.paint("1;31", sev),
        Severity::Medium => style.paint("33", sev),
        _ => style.paint("2", sev),
    };
    let _ = writeln!(
        out,
        "{} {} {}  [{}]",
        style.paint("1", ev.event.as_str()),
        escape_control(&ev.path),
        style.paint("2", &format!("(revision {})", ev.revision)),
        sev_painted
    );
    let rows = [
        ("event", Some(ev.event_id.clone())),
        ("time", Some(ev.time.clone())),
        ("root", Some(ev.root.clone())),
        ("title", ev.title.clone()),
        ("from", ev.from.clone()),
        ("item", ev.item.as_ref().map(|i| i.id.clone())),
        ("link", ev.item.as_ref().and_then(|i| i.link.clone())),
        (
            "previous",
            ev.prev_revision.map(|r| format!("revision {r}")),
        ),
        ("hash", ev.hash.clone()),
    ];
    for (k, v) in rows {
        if let Some(v) = v {
            let _ = writeln!(out, "  {:<9} {}", style.paint("2", k), escape_control(&v));
        }
    }
    let s = &ev.summary;
    let _ = writeln!(
        out,
        "  {:<9} {} added, {} removed, {} modified, {} unchanged",
        style.paint("2", "claims"),
        s.added,
        s.removed,
        s.modified,
        s.unchanged
    );
    if ev.changes.is_empty() && ev.event != EventKind::Renamed {
        let _ = writeln!(out, "\n  {}", style.paint("2", "no claim changes"));
    }
    // The same change blocks as `claimwatch diff` and `tail`: changed
    // words marked, speaker, details.
    for c in &ev.changes {
        out.push('\n');
        for line in crate::diff::text::change_block(c, style).lines() {
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_has_millis_and_z() {
        let t = now_rfc3339();
        assert!(t.ends_with('Z'), "{t}");
        let frac = t.rsplit('.').next().unwrap_or_default();
        assert_eq!(frac.len(), 4, "three digits then Z: {t}");
    }

    #[test]
    fn an_item_event_matches_its_own_path_and_its_feeds() {
        let mut ev: ChangeEvent = serde_json::from_value(serde_json::json!({
            "schema": 1, "event_id": "ev_x", "time": "t", "path": "news/feed.xml#https://x.example/a#b",
            "root": "/r", "event": "created", "revision": 1, "prev_revision": null,
            "item": {"id": "https://x.example/a#b", "link": null},
            "hash": null, "title": null, "severity": "none",
            "summary": {"added": 0, "removed": 0, "modified": 0, "unchanged": 0}, "changes": []
        }))
        .expect("event");
        assert_eq!(ev.file_path(), "news/feed.xml");
        assert!(ev.path_matches(|p| p == "news/feed.xml"));
        assert!(ev.path_matches(|p| p == "news/feed.xml#https://x.example/a#b"));
        assert!(!ev.path_matches(|p| p == "news/other.xml"));
        // An ordinary file whose name has a '#' is only its own path.
        ev.item = None;
        ev.path = "notes#1.txt".into();
        assert_eq!(ev.file_path(), "notes#1.txt");
        assert!(!ev.path_matches(|p| p == "notes"));
        let line = serde_json::to_string(&ev).expect("json");
        assert!(!line.contains("\"item\""), "{line}");
    }

    #[test]
    fn event_ids_are_stable_and_distinct() {
        let a = event_id("/r", "a.txt", 1, Some("blake3:x"));
        assert_eq!(a, event_id("/r", "a.txt", 1, Some("blake3:x")));
        assert_ne!(a, event_id("/r", "a.txt", 2, Some("blake3:x")));
        assert!(a.starts_with("ev_"));
    }
}
