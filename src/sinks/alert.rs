//! The alert record ([`Alert`]): what a sink receives when a rule fires for
//! an event — the event's identity, the rule, the matching changes and a
//! one-line human `message`.

use serde::{Deserialize, Serialize};

use super::event::{ChangeEvent, EventKind, severity_str};
use super::rules::Rule;
use crate::diff::{Change, DetailType, Op, Severity};
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
        line.push_str(&brief(first, |k| {
            rule.is_some_and(|r| r.details.contains(&k))
        }));
    }
    if changes.len() > 1 {
        line.push_str(&format!(" (+{} more)", changes.len() - 1));
    }
    line
}

/// The most characters of claim text an alert message quotes.
const SNIPPET: usize = 60;

/// `number changed in "…four lanes after inspectors found 17 …": 14 → 17`:
/// the quoted part of the claim is the stretch around the changed words,
/// so a long sentence never hides the change behind its "…".
pub(crate) fn brief(c: &Change, prefer: impl Fn(DetailType) -> bool) -> String {
    let claim = c.after.as_ref().or(c.before.as_ref());
    let detail = c
        .details
        .iter()
        .find(|d| prefer(d.kind))
        .or(c.details.first());
    let text = claim.map(|cl| escape_control(&cl.text)).unwrap_or_default();
    let anchor = match (c.op, detail) {
        (Op::Modified, _) => changed_at(c, detail.and_then(|d| d.to.as_deref()), &text),
        _ => None,
    };
    let quoted = snippet(&text, anchor, SNIPPET);
    match (c.op, detail) {
        (Op::Modified, Some(d)) => {
            let kind = serde_json::to_value(d.kind)
                .ok()
                .and_then(|v| v.as_str().map(|s| s.replace('_', " ")))
                .unwrap_or_else(|| "changed".into());
            match (&d.from, &d.to) {
                (Some(f), Some(t)) => format!(
                    "{kind} in \"{quoted}\": {} → {}",
                    escape_control(f),
                    escape_control(t)
                ),
                _ => format!("{kind} in \"{quoted}\""),
            }
        }
        (op, _) => {
            let op = match op {
                Op::Added => "added",
                Op::Removed => "removed",
                Op::Modified => "modified",
            };
            format!("{op} \"{quoted}\"")
        }
    }
}

/// Byte range in `text` (the new claim's text) of the changed words: where
/// the detail's new value stands, else the first word that differs from
/// the old claim.
fn changed_at(c: &Change, to: Option<&str>, text: &str) -> Option<(usize, usize)> {
    if let Some(t) = to.map(escape_control).filter(|t| !t.is_empty())
        && let Some(i) = text.find(&t)
    {
        return Some((i, i + t.len()));
    }
    let before = c.before.as_ref().map(|b| escape_control(&b.text))?;
    let old: Vec<&str> = before.split_whitespace().collect();
    let mut pos = 0;
    for (i, w) in text.split_whitespace().enumerate() {
        let at = pos + text[pos..].find(w)?;
        if old.get(i) != Some(&w) {
            return Some((at, at + w.len()));
        }
        pos = at + w.len();
    }
    None
}

/// At most `max` characters of `text` that include `anchor` (a byte
/// range), cut at word boundaries with "…" where text was left out; the
/// start of the text when there is no anchor or it fits there.
fn snippet(text: &str, anchor: Option<(usize, usize)>, max: usize) -> String {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    if chars.len() <= max {
        return text.to_string();
    }
    let char_at = |byte: usize| chars.partition_point(|(b, _)| *b < byte);
    let (a, b) = anchor.map_or((0, 0), |(s, e)| (char_at(s), char_at(e)));
    // Start at the beginning when the change fits there; else put about a
    // third of the room before the change, at a word start.
    let mut start = 0;
    if b > max.saturating_sub(2) {
        let room = max.saturating_sub(b - a) / 3;
        // Near the end, use the whole room for the words before it.
        start = a
            .saturating_sub(room)
            .min(chars.len().saturating_sub(max - 2));
        while start > 0 && start < a && !chars[start - 1].1.is_whitespace() {
            start += 1;
        }
        if start >= a {
            start = a;
        }
    }
    let mut end = (start + max).min(chars.len());
    if end < chars.len() {
        // Back to a word boundary, but never into the changed words.
        let mut e = end;
        while e > b.max(start + max / 2) && !chars[e].1.is_whitespace() {
            e -= 1;
        }
        if chars[e].1.is_whitespace() {
            end = e;
        }
    }
    let body: String = chars[start..end].iter().map(|(_, c)| c).collect();
    let body = body.trim();
    format!(
        "{}{body}{}",
        if start > 0 { "…" } else { "" },
        if end < chars.len() { " …" } else { "" }
    )
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::Detail;

    fn claim(text: &str) -> crate::claims::Claim {
        serde_json::from_value(serde_json::json!({
            "id": "c", "kind": "numeric", "text": text, "quote": null,
            "speaker": null, "numbers": [], "negated": false, "hedged": false,
            "entities": [], "paragraph": 1, "line": 1
        }))
        .expect("claim")
    }

    #[test]
    fn issue14_alert_message_keeps_the_changed_words_in_view() {
        let old = "Road crews will shut two of the six lanes on the eastern causeway from Tuesday, the roads office said, after engineers found cracks in 22 of the causeway's 80 piers.";
        let new = old.replace("22 of", "31 of");
        let change = Change {
            op: Op::Modified,
            severity: Severity::High,
            similarity: Some(0.95),
            before: Some(claim(old)),
            after: Some(claim(&new)),
            details: vec![Detail {
                kind: DetailType::NumberChanged,
                from: Some("22".into()),
                to: Some("31".into()),
            }],
            word_diff: None,
        };
        let m = message("roads/causeway.txt", &[&change], None);
        let quoted = m.split('"').nth(1).expect("a quoted part");
        assert!(quoted.contains("31 of"), "{m}");
        assert!(
            quoted.starts_with('…') && quoted.chars().count() <= SNIPPET + 3,
            "{m}"
        );
        assert!(m.ends_with(": 22 → 31"), "{m}");
        // A change near the start keeps the sentence's opening words.
        let early = old.replace("two of", "three of");
        let change = Change {
            before: Some(claim(old)),
            after: Some(claim(&early)),
            details: vec![Detail {
                kind: DetailType::NumberChanged,
                from: Some("two".into()),
                to: Some("three".into()),
            }],
            ..change
        };
        let m = message("roads/causeway.txt", &[&change], None);
        assert!(m.contains("\"Road crews will shut three of"), "{m}");
        // No detail value: the first differing word is shown.
        let worded = old.replace("found cracks", "reported cracks");
        let change = Change {
            after: Some(claim(&worded)),
            details: vec![Detail {
                kind: DetailType::WordingChanged,
                from: None,
                to: None,
            }],
            ..change
        };
        let m = message("roads/causeway.txt", &[&change], None);
        assert!(m.contains("reported"), "{m}");
    }

    #[test]
    fn snippets_cut_at_words() {
        assert_eq!(snippet("short text", None, 60), "short text");
        let long = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu";
        assert_eq!(snippet(long, None, 20), "alpha beta gamma …");
        let at = long.find("lambda").expect("word");
        let s = snippet(long, Some((at, at + 6)), 20);
        assert!(s.starts_with('…') && s.contains("lambda"), "{s}");
    }
}
