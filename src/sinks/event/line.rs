//! The change-log line of an event ([`render_line`]): `created` events
//! list their claims as `[log] created_claims` says, and no line grows
//! past a bound: a longer one leaves its changes to the store (shown by
//! `claimwatch show`) and says so in `changes_spilled`.

use serde::Serialize;
use serde_json::Value;

use super::{ChangeEvent, EventKind, json};
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
    /// The whole event, when `line` left its changes out. `None` for a
    /// spilled `created` event too: its changes are every stored claim
    /// added, so readers derive them from the revision ([`created_full`])
    /// rather than the store keeping a second copy of the claims.
    pub full: Option<String>,
}

/// Renders `ev` as its change-log line. Takes the event mutably only to
/// lend its changes out while the rest is serialised; it is left as found.
/// A line is abandoned as soon as it passes `max`, so a huge event never
/// exists here as one string.
pub fn render_line(ev: &mut ChangeEvent, mode: CreatedClaims, max: usize) -> Line {
    let created = ev.event == EventKind::Created;
    let line = if created && mode != CreatedClaims::Full {
        with_changes(ev, max, |changes, out| match mode {
            CreatedClaims::None => out.write_str("[]"),
            _ => serde_json::to_writer(out, &CompactChanges(changes)).is_ok(),
        })
    } else {
        bounded_json(&*ev, max)
    };
    if let Some(line) = line {
        return Line { line, full: None };
    }
    let (full, full_bytes) = if created {
        (None, json_len(&*ev))
    } else {
        let full = serde_json::to_string(ev).unwrap_or_default();
        let n = full.len();
        (Some(full), n)
    };
    let count = ev.changes.len();
    spilled(ev, count, full_bytes, full, max)
}

/// The line of an event whose changes are left to the store.
fn spilled(
    ev: &mut ChangeEvent,
    count: usize,
    full_bytes: usize,
    full: Option<String>,
    max: usize,
) -> Line {
    let line = with_changes(ev, usize::MAX, |_, out| out.write_str("[]")).unwrap_or_default();
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
    Line { line, full }
}

/// [`render_line`] of a `created` event whose changes (each of `claims`
/// added) are not built yet: the line is written from the claims one by
/// one. Returns the line, and whether it spilled; when it did not, the
/// caller fills the changes as before.
pub fn render_created(
    ev: &mut ChangeEvent,
    claims: &[Claim],
    mode: CreatedClaims,
    max: usize,
) -> (Line, bool) {
    debug_assert!(ev.event == EventKind::Created && ev.changes.is_empty());
    let line = with_changes(ev, max, |_, out| match mode {
        CreatedClaims::None => out.write_str("[]"),
        CreatedClaims::Compact => compact_added(claims, out),
        CreatedClaims::Full => serde_json::to_writer(out, &AddedClaims(claims, false)).is_ok(),
    });
    if let Some(line) = line {
        return (Line { line, full: None }, false);
    }
    // The whole event's length: its head with `[]` swapped for the array.
    let full_bytes = json_len(&*ev) - 2 + json_len(&AddedClaims(claims, false));
    (spilled(ev, claims.len(), full_bytes, None, max), true)
}

/// Each claim as the compact change that adds it, written by hand
/// ([`json::compact_added`], the bytes serde writes for [`AddedClaims`]
/// compact) straight into `out`; false once it passes `out`'s bound,
/// checked per claim so a huge article stops within one claim of it.
fn compact_added(claims: &[Claim], out: &mut Bounded) -> bool {
    let buf = &mut out.buf;
    buf.push(b'[');
    for (i, c) in claims.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        json::compact_added(buf, c);
        if buf.len() > out.max {
            return false;
        }
    }
    buf.push(b']');
    buf.len() <= out.max
}

/// Each claim as the change that adds it, compact or whole, made one at
/// a time as it is written.
struct AddedClaims<'a>(&'a [Claim], bool);

impl Serialize for AddedClaims<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let compact = self.1;
        s.collect_seq(self.0.iter().map(|c| AddedClaim(c, compact)))
    }
}

struct AddedClaim<'a>(&'a Claim, bool);

impl Serialize for AddedClaim<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let change = crate::diff::added(self.0);
        if self.1 {
            compact_change(&change).serialize(s)
        } else {
            change.serialize(s)
        }
    }
}

/// The whole event of a spilled `created` line, rebuilt from the claims
/// stored with its revision: the same JSON the line would have held
/// with `[log] created_claims = "full"`. `None` when `line` is not one.
pub fn created_full(line: &str, claims: &[Claim]) -> Option<String> {
    let mut ev: ChangeEvent = serde_json::from_str(line).ok()?;
    if ev.event != EventKind::Created || !line.contains("\"changes_spilled\"") {
        return None;
    }
    ev.changes = crate::diff::diff(&[], claims).changes;
    serde_json::to_string(&ev).ok()
}

/// The head of a `created` event: its JSON with `"changes":[]`. With
/// the claims of its revision, [`created_line`] gives back its line, so
/// the store keeps only this (the claims are stored once, with the
/// revision). `ev.changes` must be empty.
pub fn created_head(ev: &ChangeEvent) -> Option<String> {
    debug_assert!(ev.changes.is_empty());
    let head = serde_json::to_string(ev).ok()?;
    head.contains(EMPTY).then_some(head)
}

/// The line of a `created` event from its [`created_head`] and the
/// claims of its revision: every claim added, compact or whole, as
/// [`render_created`] wrote it within the bound. `None` when `head` is
/// not a head.
pub fn created_line(head: &str, claims: &[Claim], compact: bool) -> Option<String> {
    let i = head.find(EMPTY)?;
    let array = if compact {
        let mut out = Bounded::new(usize::MAX);
        compact_added(claims, &mut out);
        out.into_string()?
    } else {
        serde_json::to_string(&AddedClaims(claims, compact)).ok()?
    };
    let mut out = String::with_capacity(head.len() + array.len());
    out.push_str(&head[..i]);
    out.push_str("\"changes\":");
    out.push_str(&array);
    out.push_str(&head[i + EMPTY.len()..]);
    Some(out)
}

/// `value` as JSON when it fits in `max` bytes.
fn bounded_json(value: &impl Serialize, max: usize) -> Option<String> {
    let mut out = Bounded::new(max);
    serde_json::to_writer(&mut out, value).ok()?;
    out.into_string()
}

/// The length of `value` as JSON, counted without keeping it.
fn json_len(value: &impl Serialize) -> usize {
    let mut n = Counted(0);
    let _ = serde_json::to_writer(&mut n, value);
    n.0
}

/// A buffer that refuses to grow past a bound: serialisation stops with
/// an error at the first write that would pass it.
pub(crate) struct Bounded {
    buf: Vec<u8>,
    max: usize,
}

impl Bounded {
    pub(crate) fn new(max: usize) -> Bounded {
        Bounded {
            buf: Vec::new(),
            max,
        }
    }

    /// Appends `s`; false when that passes the bound.
    fn write_str(&mut self, s: &str) -> bool {
        std::io::Write::write_all(self, s.as_bytes()).is_ok()
    }

    /// Serde JSON writes only UTF-8.
    pub(crate) fn into_string(self) -> Option<String> {
        String::from_utf8(self.buf).ok()
    }
}

impl std::io::Write for Bounded {
    #[inline]
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        if self.buf.len() + b.len() > self.max {
            return Err(std::io::Error::other("past the line bound"));
        }
        self.buf.extend_from_slice(b);
        Ok(b.len())
    }

    /// serde_json writes through `write_all`; the default loops over
    /// `write` out of line, for every token.
    #[inline]
    fn write_all(&mut self, b: &[u8]) -> std::io::Result<()> {
        self.write(b).map(|_| ())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A writer that only counts.
struct Counted(usize);

impl std::io::Write for Counted {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0 += b.len();
        Ok(b.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Serialises `ev` with `changes` replaced by the JSON array `f` writes,
/// or `None` when the result passes `max` bytes (or `f` says it did).
/// The event is serialised with no changes and the array spliced in where
/// `"changes":[]` stands: that text cannot occur inside a JSON string (its
/// quotes would be escaped), and fields added to the event later still
/// serialise.
fn with_changes(
    ev: &mut ChangeEvent,
    max: usize,
    f: impl FnOnce(&[Change], &mut Bounded) -> bool,
) -> Option<String> {
    let changes = std::mem::take(&mut ev.changes);
    let mut array = Bounded::new(max);
    let fits = f(&changes, &mut array);
    let head = serde_json::to_string(&*ev).unwrap_or_default();
    ev.changes = changes;
    let array = array.into_string().filter(|_| fits)?;
    let out = match head.find(EMPTY) {
        Some(i) => {
            let mut out = String::with_capacity(head.len() + array.len());
            out.push_str(&head[..i]);
            out.push_str("\"changes\":");
            out.push_str(&array);
            out.push_str(&head[i + EMPTY.len()..]);
            out
        }
        None => head,
    };
    (out.len() <= max).then_some(out)
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

/// The changes as a JSON array with their claims cut to the compact
/// fields, written one by one (no shaped copy of the list).
struct CompactChanges<'a>(&'a [Change]);

impl Serialize for CompactChanges<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(compact_change))
    }
}

fn compact_change(c: &Change) -> CompactChange<'_> {
    CompactChange {
        op: c.op,
        severity: c.severity,
        before: c.before.as_ref().map(compact),
        after: c.after.as_ref().map(compact),
        details: &c.details,
    }
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
        // A created event's changes are its claims: not kept twice, but
        // rebuilt from them exactly as the whole event serialised.
        assert!(l.full.is_none());
        assert_eq!(
            v["changes_spilled"]["bytes"],
            serde_json::to_string(&ev).expect("json").len()
        );
        let claims: Vec<Claim> = ev.changes.iter().filter_map(|c| c.after.clone()).collect();
        let full = created_full(&l.line, &claims).expect("rebuilt");
        assert_eq!(full, serde_json::to_string(&ev).expect("json"));
        assert_eq!(full_changes(&full), ev.changes.len());
        assert_eq!(created_full(&full, &claims), None, "only a spilled line");
        // Modified events spill too.
        ev.event = EventKind::Modified;
        let l = render_line(&mut ev, CreatedClaims::Compact, 300);
        assert!(l.full.is_some() && l.line.contains("changes_spilled"));
        assert_eq!(created_full(&l.line, &claims), None);
    }

    /// Written from the claims, a created line is the one its changes give,
    /// within the bound and past it.
    #[test]
    fn created_lines_from_claims_match_lines_from_changes() {
        let mut ev = created(ARTICLE);
        let claims: Vec<Claim> = ev.changes.iter().filter_map(|c| c.after.clone()).collect();
        let mut bare = ev.clone();
        bare.changes.clear();
        for mode in [
            CreatedClaims::Compact,
            CreatedClaims::Full,
            CreatedClaims::None,
        ] {
            for max in [MAX_LINE, 300] {
                let want = render_line(&mut ev, mode, max);
                let (got, spilled) = render_created(&mut bare, &claims, mode, max);
                assert_eq!(got.line, want.line, "{mode:?} {max}");
                assert_eq!(spilled, want.line.contains("changes_spilled"));
                assert!(bare.changes.is_empty());
            }
        }
    }

    /// A created line is its head plus the claims, compact or whole.
    #[test]
    fn created_lines_rebuild_from_their_head_and_claims() {
        let ev = created(ARTICLE);
        let claims: Vec<Claim> = ev.changes.iter().filter_map(|c| c.after.clone()).collect();
        let mut bare = ev.clone();
        bare.changes.clear();
        let head = created_head(&bare).expect("head");
        assert!(!head.contains("\"after\""), "{head}");
        for (mode, compact) in [(CreatedClaims::Compact, true), (CreatedClaims::Full, false)] {
            let (line, spilled) = render_created(&mut bare, &claims, mode, MAX_LINE);
            assert!(!spilled);
            assert_eq!(created_line(&head, &claims, compact), Some(line.line));
        }
        assert_eq!(created_line("{\"event\":\"created\"}", &claims, true), None);
    }

    /// The hand-written compact array is the one serde wrote from each
    /// claim's `diff::added` change, for claims of every shape, and it
    /// spills at the same bound.
    #[test]
    fn compact_claims_written_by_hand_are_serdes_bytes() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/data/port-strike.txt");
        let text = std::fs::read_to_string(path).expect("bench article");
        let odd = "Odd \"quotes\"\n\n\"Tab\there, bell \u{7} and \\ 12%,\" said Zoë “Curly” Ruiz 😀 on Monday.\n";
        for article in [ARTICLE, &text, odd] {
            let ev = created(article);
            let claims: Vec<Claim> = ev.changes.iter().filter_map(|c| c.after.clone()).collect();
            let want = serde_json::to_string(&AddedClaims(&claims, true)).expect("serde");
            let mut out = Bounded::new(usize::MAX);
            assert!(compact_added(&claims, &mut out));
            assert_eq!(out.into_string().expect("utf-8"), want);
            let mut out = Bounded::new(want.len());
            assert!(compact_added(&claims, &mut out));
            let mut out = Bounded::new(want.len() - 1);
            assert!(!compact_added(&claims, &mut out));
            // And the whole line, against the line from the changes.
            let mut bare = ev.clone();
            bare.changes.clear();
            let mut ev = ev;
            let line = render_line(&mut ev, CreatedClaims::Compact, MAX_LINE).line;
            for max in [MAX_LINE, line.len(), line.len() - 1, 200] {
                let want = render_line(&mut ev, CreatedClaims::Compact, max);
                let (got, _) = render_created(&mut bare, &claims, CreatedClaims::Compact, max);
                assert_eq!(got, want, "{max}");
            }
            let head = created_head(&bare).expect("head");
            assert_eq!(created_line(&head, &claims, true).as_deref(), Some(&*line));
        }
    }

    #[test]
    fn lines_within_the_bound_are_unchanged() {
        let mut ev = created(ARTICLE);
        let full = render_line(&mut ev, CreatedClaims::Full, MAX_LINE);
        assert_eq!(full.line, serde_json::to_string(&ev).expect("json"));
        // Exactly at the bound still fits; one byte less spills.
        let n = full.line.len();
        assert_eq!(render_line(&mut ev, CreatedClaims::Full, n).line, full.line);
        assert!(
            render_line(&mut ev, CreatedClaims::Full, n - 1)
                .line
                .contains("changes_spilled")
        );
        let compact = render_line(&mut ev, CreatedClaims::Compact, MAX_LINE).line;
        let n = compact.len();
        assert_eq!(
            render_line(&mut ev, CreatedClaims::Compact, n).line,
            compact
        );
        assert!(
            render_line(&mut ev, CreatedClaims::Compact, n - 1)
                .line
                .contains("changes_spilled")
        );
    }
}
