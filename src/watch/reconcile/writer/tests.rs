//! The writer against a real store file: batches, in-hand change-log
//! lines, and a full store (SQLite `max_page_count`) that recovers.

use std::path::Path;
use std::time::Instant;

use super::super::{Engine, Settings};
use crate::config::Config;
use crate::sinks::alerts::AlertPlan;
use crate::sinks::changelog::{self, ChangeLog};
use crate::store::Store;
use crate::watch::filter::Filter;
use crate::watch::walk::Root;

/// Articles whose words vary (a tiny PRNG), so compression cannot make
/// them small enough to fit a nearly full store.
fn write_articles(dir: &Path, n: usize, words: usize) {
    let vocab = [
        "harbour",
        "council",
        "ferry",
        "bridge",
        "tender",
        "budget",
        "inspectors",
        "lanes",
        "repairs",
        "union",
        "station",
        "school",
        "pier",
        "levy",
        "vote",
        "report",
    ];
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in 0..n {
        let mut text = format!("Harbour notes {i}\n\n");
        for s in 0..words / 12 {
            text.push_str("The ");
            for _ in 0..10 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                text.push_str(vocab[(x % vocab.len() as u64) as usize]);
                text.push_str(&format!("{} ", x % 997));
            }
            text.push_str(&format!("rose by {s} percent, the office said.\n\n"));
        }
        std::fs::write(dir.join(format!("a{i:03}.txt")), text).expect("write article");
    }
}

fn engine(root: &Path, state: &Path) -> Engine {
    let cfg = Config::default();
    let settings = Settings {
        roots: vec![Root::new(root).expect("root")],
        filter: Filter::new(&cfg.watch, vec![state.to_path_buf()]).expect("filter"),
        max_file_bytes: cfg.watch.max_file_bytes,
        keep_raw: cfg.state.history_max_revisions,
        alerts: AlertPlan::compile(&cfg).expect("plan"),
        created_claims: cfg.log.created_claims,
        publish: None,
    };
    let store = Store::open(&state.join("store.db")).expect("store");
    let log = ChangeLog::open(&state.join("changes.jsonl")).expect("log");
    Engine::new(store, log, settings)
}

fn log_lines(state: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(state.join("changes.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).expect("whole JSON lines"))
        .collect()
}

#[test]
fn a_scan_commits_in_batches_and_logs_every_event_once() {
    let (root, state) = (
        tempfile::tempdir().expect("t"),
        tempfile::tempdir().expect("t"),
    );
    write_articles(root.path(), 300, 60);
    let mut e = engine(root.path(), state.path());
    let stats = e.full_scan();
    assert_eq!((stats.created, stats.errors), (300, 0));
    assert_eq!(e.store().event_count().expect("count"), 300);
    assert!(
        e.store()
            .pending(changelog::SINK, 10)
            .expect("pending")
            .is_empty()
    );
    let lines = log_lines(state.path());
    assert_eq!(lines.len(), 300, "one line per event, no duplicates");
    // Default created_claims = compact: no per-claim entities or lines.
    let after = &lines[0]["changes"][0]["after"];
    assert!(after["text"].is_string(), "{after}");
    assert!(after.get("entities").is_none() && after.get("paragraph").is_none());
    // The store keeps what the line says (show renders it).
    let id = lines[0]["event_id"].as_str().expect("id");
    let stored = e.store().event_json(id).expect("read").expect("stored");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&stored).expect("json"),
        lines[0]
    );
}

#[test]
fn a_full_store_is_retried_with_backoff_and_recovers_without_another_edit() {
    let (root, state) = (
        tempfile::tempdir().expect("t"),
        tempfile::tempdir().expect("t"),
    );
    write_articles(root.path(), 5, 3000);
    let mut e = engine(root.path(), state.path());
    // A limit below the store's size is raised to its size: that reads it.
    let used = e.store().limit_pages(1).expect("read the size");
    assert!(used > 0);
    // Room for little more than the empty tables: the batch cannot fit.
    e.store().limit_pages(used as u32 + 3).expect("limit");
    let stats = e.full_scan();
    assert!(stats.errors >= 5, "{stats:?}");
    assert_eq!(e.store().event_count().expect("count"), 0);
    assert_eq!(e.waiting_retry(), 5, "every failed path waits for a retry");
    assert!(log_lines(state.path()).is_empty());
    assert!(!e.retry_failed(), "not before the backoff has passed");

    // Still full: the retry fails and the backoff doubles.
    let first = e.retry.backoff;
    e.retry.due = Some(Instant::now());
    assert!(e.retry_failed());
    assert_eq!(e.waiting_retry(), 5);
    assert_eq!(e.retry.backoff, first * 2);

    // Space returns: the next retry rescans and records everything.
    e.store().limit_pages(1 << 30).expect("lift");
    e.retry.due = Some(Instant::now());
    assert!(e.retry_failed());
    assert_eq!(e.waiting_retry(), 0);
    assert_eq!(e.store().event_count().expect("count"), 5);
    let lines = log_lines(state.path());
    assert_eq!(lines.len(), 5);
    assert!(lines.iter().all(|l| l["event"] == "created"), "{lines:?}");
    assert_eq!(e.retry.backoff, std::time::Duration::from_secs(1), "reset");
}

/// A cold scan frees a new file's claims on its worker (no alert rule);
/// a rename found later in a scan reads them back from the packed copy,
/// so its event still counts every claim unchanged.
#[test]
fn a_rename_found_by_a_scan_reads_back_the_claims_a_worker_dropped() {
    let (root, state) = (
        tempfile::tempdir().expect("t"),
        tempfile::tempdir().expect("t"),
    );
    write_articles(root.path(), 3, 60);
    let mut e = engine(root.path(), state.path());
    assert_eq!(e.full_scan().created, 3);
    std::fs::rename(root.path().join("a001.txt"), root.path().join("b001.txt")).expect("mv");
    let stats = e.full_scan();
    assert_eq!((stats.renamed, stats.created, stats.deleted), (1, 0, 0));
    let lines = log_lines(state.path());
    let created = lines
        .iter()
        .find(|l| l["path"] == "a001.txt" && l["event"] == "created")
        .expect("created");
    let renamed = lines
        .iter()
        .find(|l| l["path"] == "b001.txt")
        .expect("renamed");
    assert_eq!(renamed["event"], "renamed", "{renamed}");
    let n = created["summary"]["added"].as_u64().expect("added");
    assert!(n > 0);
    assert_eq!(
        renamed["summary"]["unchanged"].as_u64(),
        Some(n),
        "{renamed}"
    );
}
