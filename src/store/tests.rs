//! Unit tests for the store: migrations, transactions, outbox, pruning.

use super::*;
use crate::store::testing::on_both_backends;
use rusqlite::Connection;

fn rev<'a>(
    path: &'a str,
    revision: i64,
    event_id: &'a str,
    sinks: &'a [&'a str],
) -> NewRevision<'a> {
    NewRevision {
        root: "/r",
        path,
        revision,
        time: "2026-01-01T00:00:00.000Z",
        hash: Some("blake3:aa"),
        raw: Some(b"text"),
        claims_json: "[]",
        title: Some("T"),
        mtime_ns: 1,
        size: 4,
        live: true,
        event_id,
        event_kind: "created",
        severity: "medium",
        event_json: "{}",
        sinks,
        retire_file: None,
        keep_raw: 2,
    }
}

#[test]
fn migrations_reach_the_latest_version_and_are_idempotent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("s.db");
    let s = Store::open(&p).expect("open");
    assert_eq!(
        s.schema_version().expect("v"),
        schema::MIGRATIONS.len() as i64
    );
    drop(s);
    let s = Store::open(&p).expect("reopen");
    assert_eq!(
        s.schema_version().expect("v"),
        schema::MIGRATIONS.len() as i64
    );
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("s.db");
    {
        let c = Connection::open(&p).expect("open");
        c.execute_batch("PRAGMA user_version = 99").expect("set");
    }
    assert!(matches!(Store::open(&p), Err(StoreError::TooNew { .. })));
}

on_both_backends! {
    fn commit_writes_revision_event_and_outbox_together(s) {
        s.commit(&rev("a.txt", 1, "ev1", &["changelog"]))
            .expect("commit");
        let f = s.file("/r", "a.txt").expect("q").expect("file row");
        assert_eq!(f.last_revision, 1);
        assert!(f.live);
        let pending = s.pending("changelog", 10).expect("pending");
        assert_eq!(pending.len(), 1);
        assert_eq!(pending[0].event_id, "ev1");
        s.mark_delivered("changelog", &[pending[0].event_row])
            .expect("mark");
        assert!(s.pending("changelog", 10).expect("pending").is_empty());
    }
}

on_both_backends! {
    fn a_failed_commit_leaves_nothing_behind(s) {
        s.commit(&rev("a.txt", 1, "ev1", &["changelog"]))
            .expect("commit");
        // Same event id again: the event insert fails after the revision insert.
        let err = s.commit(&rev("a.txt", 2, "ev1", &["changelog"]));
        assert!(err.is_err());
        let f = s.file("/r", "a.txt").expect("q").expect("row");
        assert_eq!(f.last_revision, 1, "file row rolled back");
        assert_eq!(
            s.history(f.id).expect("history").len(),
            1,
            "revision rolled back"
        );
        assert_eq!(s.pending("changelog", 10).expect("p").len(), 1);
    }
}

on_both_backends! {
    fn old_raw_text_is_pruned(s) {
        for (i, id) in ["e1", "e2", "e3", "e4"].iter().enumerate() {
            s.commit(&rev("a.txt", i as i64 + 1, id, &[]))
                .expect("commit");
        }
        let with_raw = s.revisions_with_raw().expect("raw");
        assert_eq!(with_raw.len(), 2, "keep_raw = 2 keeps the two latest");
        let f = s.file("/r", "a.txt").expect("q").expect("row");
        assert_eq!(s.history(f.id).expect("h").len(), 4, "claims history kept");
    }
}

on_both_backends! {
    fn live_files_filters_by_prefix_on_component_boundaries(s) {
        s.commit(&rev("dir/a.txt", 1, "e1", &[])).expect("c");
        s.commit(&rev("dir2/b.txt", 1, "e2", &[])).expect("c");
        let under: Vec<String> = s
            .live_files("/r", Some("dir"))
            .expect("q")
            .into_iter()
            .map(|f| f.path)
            .collect();
        assert_eq!(under, vec!["dir/a.txt".to_string()]);
    }
}

#[test]
fn a_schema_1_store_opens_and_its_plain_rows_read_as_before() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("s.db");
    {
        let c = Connection::open(&p).expect("open");
        c.execute_batch(schema::MIGRATIONS[0]).expect("schema 1");
        c.execute_batch(
            "PRAGMA user_version = 1;
             INSERT INTO files VALUES (1, '/r', 'a.txt', 1, 5, 4, 1);
             INSERT INTO revisions (id, file_id, revision, time, hash, raw, claims, title)
               VALUES (1, 1, 1, 't', 'blake3:aa', X'74657874', '[]', 'T');
             INSERT INTO events (id, event_id, file_id, revision, time, kind, severity, json)
               VALUES (1, 'ev_old', 1, 1, 't', 'created', 'none', '{\"old\":true}');
             INSERT INTO outbox VALUES (1, 'changelog', 0);",
        )
        .expect("old rows");
    }
    let s = Store::open(&p).expect("migrates");
    assert_eq!(
        s.schema_version().expect("v"),
        schema::MIGRATIONS.len() as i64
    );
    let r = s.latest_content_revision(1).expect("read").expect("row");
    assert_eq!(
        (r.claims_json.as_str(), r.raw.as_deref()),
        ("[]", Some(&b"text"[..]))
    );
    assert_eq!(s.raw(1).expect("raw"), Some(b"text".to_vec()));
    let pending = s.pending("changelog", 10).expect("pending");
    assert_eq!(pending[0].json, "{\"old\":true}");
    assert_eq!(
        s.event_json("ev_old").expect("json").as_deref(),
        Some("{\"old\":true}")
    );
    // Rows from before `events.derived` read as their line everywhere.
    assert_eq!(
        s.events_after(0, 10).expect("after"),
        [(1, "{\"old\":true}".to_string())]
    );
    assert_eq!(
        s.history(1).expect("history")[0].event_json.as_deref(),
        Some("{\"old\":true}")
    );
}

#[test]
fn big_values_are_stored_compressed_and_read_back_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = SqliteStore::open(&dir.path().join("s.db")).expect("open");
    let text = "The ferry carried 40 cars on the first crossing. ".repeat(100);
    let claims = format!("[{}]", vec!["{\"id\":\"c_1\"}"; 50].join(","));
    let event = format!("{{\"note\":\"{}\"}}", "x".repeat(5000));
    let mut n = rev("big.txt", 1, "ev_big", &[]);
    n.raw = Some(text.as_bytes());
    n.claims_json = &claims;
    n.event_json = &event;
    s.commit(&n).expect("commit");
    let (raw_len, claims_type, json_type): (i64, String, String) = s
        .conn
        .query_row(
            "SELECT length(raw), typeof(claims), typeof(json) FROM revisions, events",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("row");
    assert!(raw_len * 5 < text.len() as i64, "raw {raw_len} bytes");
    assert_eq!((claims_type.as_str(), json_type.as_str()), ("blob", "blob"));
    let file = s.file("/r", "big.txt").expect("f").expect("row");
    let r = s.latest_content_revision(file.id).expect("r").expect("row");
    assert_eq!(r.claims_json, claims);
    assert_eq!(r.raw.as_deref(), Some(text.as_bytes()));
    assert_eq!(
        s.event_json("ev_big").expect("e").as_deref(),
        Some(event.as_str())
    );
}

on_both_backends! {
    fn feed_items_are_listed_per_feed_and_never_counted_as_live_files(s) {
        s.commit(&rev("feed.xml.txt", 1, "ev_plain", &[]))
            .expect("plain file");
        let item = |path: &str, revision: i64, hash: &str, event_id: &str| StagedRevision {
            root: "/r".into(),
            path: path.into(),
            revision,
            time: "2026-01-01T00:00:00.000Z".into(),
            hash: Some(hash.into()),
            raw: None,
            claims: Packed::pack_str("[]".into()),
            title: None,
            mtime_ns: 1,
            size: 0,
            live: true,
            event_id: event_id.into(),
            event_kind: "created".into(),
            severity: "none".into(),
            event: Packed::pack_str("{}".into()),
            full_event: None,
            event_derived: None,
            sinks: Vec::new(),
            retire_file: None,
            keep_raw: 2,
            item: true,
        };
        s.commit_batch(&[
            item("feed.xml#a", 1, "blake3:1", "ev_a1"),
            item("feed.xml#https://x.example/b#c", 1, "blake3:2", "ev_b1"),
            item("other.xml#a", 1, "blake3:3", "ev_o1"),
        ])
        .expect("items");
        s.commit_batch(&[item("feed.xml#a", 2, "blake3:4", "ev_a2")])
            .expect("edit");
        let mut got: Vec<(String, i64, Option<String>)> = s
            .feed_items("/r", "feed.xml")
            .expect("items")
            .into_iter()
            .map(|i| (i.id, i.last_revision, i.hash))
            .collect();
        got.sort();
        assert_eq!(
            got,
            [
                ("a".to_string(), 2, Some("blake3:4".to_string())),
                (
                    "https://x.example/b#c".to_string(),
                    1,
                    Some("blake3:2".to_string())
                ),
            ]
        );
        // Items are not files on disk: the deletion checks never see them.
        let live: Vec<String> = s
            .live_files("/r", None)
            .expect("live")
            .into_iter()
            .map(|f| f.path)
            .collect();
        assert_eq!(live, ["feed.xml.txt"]);
        assert!(s.live_children("/r", "").expect("children").len() == 1);
        assert!(
            s.live_files("/r", Some("feed.xml"))
                .expect("prefix")
                .is_empty()
        );
    }
}

on_both_backends! {
    /// A `created` event stored as its head (`derived`) reads back as the
    /// line it was: to the outbox, `tail`, `show` and `history`; reindex
    /// stores the line whole before replacing the claims.
    fn a_derived_created_event_reads_as_its_line(s) {
        use crate::sinks::event::line::{MAX_LINE, created_head, render_created};
        let text = "Ferry fares rise\n\nThe port authority said fares would rise by 12.5% on Monday.\n\n\"We had no choice,\" said Ana Ruiz, the authority's director.\n";
        let ex = crate::extract_bytes(std::path::Path::new("a.txt"), text.as_bytes()).expect("x");
        assert!(ex.claims.len() >= 2);
        let mut ev = crate::sinks::event::ChangeEvent {
            schema: crate::sinks::event::SCHEMA,
            event_id: "ev_d".into(),
            time: "2026-01-01T00:00:00.000Z".into(),
            path: "a.txt".into(),
            root: "/r".into(),
            event: crate::sinks::event::EventKind::Created,
            revision: 1,
            prev_revision: None,
            from: None,
            item: None,
            hash: Some("blake3:aa".into()),
            title: ex.title.clone(),
            severity: crate::diff::Severity::Medium,
            summary: Default::default(),
            changes: Vec::new(),
        };
        ev.summary.added = ex.claims.len();
        let mode = crate::config::CreatedClaims::Compact;
        let (line, spilled) = render_created(&mut ev, &ex.claims, mode, MAX_LINE);
        assert!(!spilled);
        let derived = codec::derived_for(mode, &ex.claims);
        assert_eq!(derived, Some(codec::DERIVED_COMPACT));
        let head = created_head(&ev).expect("head");
        let mut staged = StagedRevision::from_new(&rev("a.txt", 1, "ev_d", &["changelog"]));
        staged.claims = Packed::json(&ex.claims, "[]");
        staged.event = Packed::pack_str(head.clone());
        staged.event_derived = derived;
        s.commit_batch(&[staged]).expect("commit");

        let pending = s.pending("changelog", 10).expect("pending");
        assert_eq!(pending.len(), 1);
        assert_eq!(pending[0].json, line.line);
        let after = s.events_after(0, 10).expect("after");
        assert_eq!(after.len(), 1);
        assert_eq!(after[0].1, line.line);
        assert_eq!(s.event_json("ev_d").expect("show").as_deref(), Some(line.line.as_str()));
        let f = s.file("/r", "a.txt").expect("f").expect("row");
        let h = s.history(f.id).expect("history");
        assert_eq!(h[0].event_json.as_deref(), Some(line.line.as_str()));

        // Reindex: the claims change, the event still reads as written.
        let rows = s.revisions_with_raw().expect("raw");
        s.update_claims(&[(rows[0].0, "[]".into(), None)]).expect("reindex");
        assert_eq!(s.event_json("ev_d").expect("show").as_deref(), Some(line.line.as_str()));
        assert_eq!(s.events_after(0, 10).expect("after")[0].1, line.line);
        assert_eq!(s.pending("changelog", 10).expect("pending")[0].json, line.line);
    }
}

#[test]
fn numbers_that_do_not_read_back_keep_the_line_whole() {
    let mut c: crate::claims::Claim = serde_json::from_value(serde_json::json!({
        "id": "c_1", "kind": "numeric", "text": "t", "quote": null, "speaker": null,
        "numbers": [{"text": "12.5%", "value": 12.5, "unit": "percent"}],
    }))
    .expect("claim");
    let mode = crate::config::CreatedClaims::Compact;
    assert_eq!(codec::derived_for(mode, std::slice::from_ref(&c)), Some(1));
    assert_eq!(
        codec::derived_for(crate::config::CreatedClaims::Full, std::slice::from_ref(&c)),
        Some(codec::DERIVED_FULL)
    );
    assert_eq!(
        codec::derived_for(crate::config::CreatedClaims::None, std::slice::from_ref(&c)),
        None
    );
    c.numbers[0].value = f64::NAN;
    assert_eq!(codec::derived_for(mode, &[c]), None);
}

#[test]
fn a_new_store_has_small_pages_and_an_old_one_keeps_its_own() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page_size = |s: &SqliteStore| -> i64 {
        s.conn
            .query_row("PRAGMA page_size", [], |r| r.get(0))
            .expect("page size")
    };
    let s = SqliteStore::open(&dir.path().join("new.db")).expect("open");
    assert_eq!(page_size(&s), 2048);
    let old = dir.path().join("old.db");
    {
        let c = Connection::open(&old).expect("open");
        c.execute_batch("PRAGMA page_size = 4096; PRAGMA journal_mode = WAL;")
            .expect("wal");
        c.execute_batch(schema::MIGRATIONS[0]).expect("schema 1");
        c.execute_batch("PRAGMA user_version = 1;").expect("v1");
    }
    let mut s = SqliteStore::open(&old).expect("reopen");
    assert_eq!(page_size(&s), 4096, "an existing store keeps its pages");
    s.commit(&rev("a.txt", 1, "ev1", &["changelog"]))
        .expect("commit");
    assert_eq!(s.pending("changelog", 10).expect("pending").len(), 1);
}
