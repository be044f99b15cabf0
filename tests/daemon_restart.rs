//! `claimwatch run` across stops, crashes and signals.

use std::collections::{BTreeMap, BTreeSet};

use crate::daemon_support::*;

/// Asserts every (path, revision) has exactly one event id and revisions
/// run 1..=n per path; returns the distinct events per path.
fn one_event_per_revision(state: &std::path::Path) -> BTreeMap<String, Vec<String>> {
    let mut by_rev: BTreeMap<(String, i64), BTreeSet<String>> = BTreeMap::new();
    for e in events(state) {
        let path = e["path"].as_str().expect("path").to_string();
        let rev = e["revision"].as_i64().expect("revision");
        let id = e["event_id"].as_str().expect("id").to_string();
        let kind = e["event"].as_str().expect("kind").to_string();
        by_rev
            .entry((path, rev))
            .or_default()
            .insert(format!("{id} {kind}"));
    }
    let mut per_path: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for ((path, rev), ids) in &by_rev {
        assert_eq!(ids.len(), 1, "{path} r{rev} has {ids:?}");
        let list = per_path.entry(path.clone()).or_default();
        assert_eq!(
            list.len() as i64 + 1,
            *rev,
            "{path}: revisions must be contiguous"
        );
        list.push(
            ids.iter()
                .next()
                .map(|s| s.split(' ').nth(1).unwrap_or("").to_string())
                .unwrap_or_default(),
        );
    }
    per_path
}

#[test]
fn edits_made_while_stopped_are_reported_at_start() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    write(&root.join("a.txt"), &article("A", 1));
    write(&root.join("b.txt"), &article("B", 2));
    let mut d = Daemon::start(&root, &state, &[]);
    wait_for("two created", || events(&state).len() == 2);
    d.signal(libc::SIGTERM);
    assert!(d.wait().success());
    write(&root.join("a.txt"), &article("A", 10));
    std::fs::remove_file(root.join("b.txt")).expect("rm");
    write(&root.join("c.txt"), &article("C", 3));
    let _d = Daemon::start(&root, &state, &[]);
    wait_for("three more", || events(&state).len() == 5);
    let per_path = one_event_per_revision(&state);
    assert_eq!(per_path["a.txt"], ["created", "modified"]);
    assert_eq!(per_path["b.txt"], ["created", "deleted"]);
    assert_eq!(per_path["c.txt"], ["created"]);
}

#[test]
fn sigkill_and_restart_lose_nothing_and_duplicate_nothing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    std::fs::create_dir_all(&root).expect("mkdir");
    let mut d = Daemon::start(&root, &state, &[]);
    write(&root.join("a.txt"), &article("A", 1));
    wait_for("created", || events(&state).len() == 1);
    write(&root.join("a.txt"), &article("A", 2));
    wait_for("modified", || events(&state).len() == 2);
    d.signal(libc::SIGKILL);
    let _ = d.wait();
    write(&root.join("a.txt"), &article("A", 3));
    write(&root.join("d.txt"), &article("D", 4));
    let _d = Daemon::start(&root, &state, &[]);
    wait_for("catch-up", || {
        let p = one_event_per_revision(&state);
        p.get("a.txt").map(Vec::len) == Some(3) && p.contains_key("d.txt")
    });
    let (code, out, err) = run(
        &[
            "history",
            "a.txt",
            "--state",
            &state.display().to_string(),
            "--format",
            "json",
        ],
        &root,
    );
    assert_eq!(code, 0, "{err}");
    let h: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(h["revisions"].as_array().map(Vec::len), Some(3));
}

#[test]
fn sigterm_exits_0_and_loses_nothing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    std::fs::create_dir_all(&root).expect("mkdir");
    let mut d = Daemon::start(&root, &state, &[]);
    for i in 0..5 {
        write(
            &root.join(format!("f{i}.txt")),
            &article(&format!("F{i}"), i),
        );
    }
    d.signal(libc::SIGTERM);
    let status = d.wait();
    assert_eq!(status.code(), Some(0), "{}", d.stderr());
    assert!(d.stderr().contains("stopped"), "{}", d.stderr());
    // Whatever the daemon did not get to, the next pass picks up, once.
    let (code, _, err) = run(
        &[
            "scan",
            "--state",
            &state.display().to_string(),
            &root.display().to_string(),
        ],
        tmp.path(),
    );
    assert_eq!(code, 0, "{err}");
    let per_path = one_event_per_revision(&state);
    for i in 0..5 {
        assert_eq!(per_path[&format!("f{i}.txt")], ["created"]);
    }
}

#[test]
fn sighup_with_a_broken_config_keeps_running() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    std::fs::create_dir_all(&root).expect("mkdir");
    let cfg = tmp.path().join("claimwatch.toml");
    write(&cfg, "[watch]\ndebounce_ms = 100\n");
    let mut d = Daemon::start(&root, &state, &["--config", &cfg.display().to_string()]);
    write(&cfg, "[watch]\ndebounce_ms = \"soon\"\nbogus = 1\n");
    d.signal(libc::SIGHUP);
    wait_for("the reload warning", || {
        d.stderr().contains("keeping the old config")
    });
    assert!(d.stderr().contains("watch.bogus"), "{}", d.stderr());
    assert!(d.is_running());
    write(&root.join("after.txt"), &article("After", 5));
    wait_for("an event after the failed reload", || {
        events(&state).len() == 1
    });
    // Logrotate: move the log away; SIGHUP makes a fresh one.
    std::fs::rename(state.join("changes.jsonl"), state.join("changes.jsonl.1")).expect("mv");
    write(&cfg, "[watch]\ndebounce_ms = 100\n");
    d.signal(libc::SIGHUP);
    wait_for("config reloaded", || d.stderr().contains("config reloaded"));
    write(&root.join("after2.txt"), &article("After two", 6));
    wait_for("event in the new log", || events(&state).len() == 1);
    assert_eq!(events(&state)[0]["path"], "after2.txt");
    d.signal(libc::SIGTERM);
    assert!(d.wait().success());
}

#[test]
fn renames_and_restores_while_stopped_are_reported_at_start() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    write(&root.join("a.txt"), &article("A", 1));
    write(&root.join("b.txt"), &article("B", 2));
    let mut d = Daemon::start(&root, &state, &[]);
    wait_for("created", || events(&state).len() == 2);
    std::fs::remove_file(root.join("b.txt")).expect("rm");
    wait_for("deleted", || events(&state).len() == 3);
    d.signal(libc::SIGINT);
    assert_eq!(d.wait().code(), Some(0), "SIGINT drains and exits 0");
    std::fs::create_dir_all(root.join("moved")).expect("mkdir");
    std::fs::rename(root.join("a.txt"), root.join("moved/a.txt")).expect("mv");
    write(&root.join("b.txt"), &article("B", 2));
    let _d = Daemon::start(&root, &state, &[]);
    wait_for("renamed + restored", || events(&state).len() == 5);
    let per_path = one_event_per_revision(&state);
    assert_eq!(per_path["a.txt"], ["created"]);
    assert_eq!(per_path["moved/a.txt"], ["renamed"]);
    assert_eq!(per_path["b.txt"], ["created", "deleted", "restored"]);
    let evs = events(&state);
    let restored = events_for(&evs, "b.txt", "restored")[0];
    assert_eq!(restored["prev_revision"], 1);
    assert_eq!(
        restored["changes"],
        serde_json::json!([]),
        "same text as revision 1"
    );
}

#[test]
fn sighup_applies_new_include_globs_with_a_rescan() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    write(&root.join("a.txt"), &article("A", 1));
    write(&root.join("b.md"), &article("B", 2));
    let cfg = tmp.path().join("c.toml");
    write(&cfg, "[watch]\ninclude = [\"*.txt\"]\n");
    let d = Daemon::start(&root, &state, &["--config", &cfg.display().to_string()]);
    wait_for("a.txt", || events(&state).len() == 1);
    write(&cfg, "[watch]\ninclude = [\"*.txt\", \"*.md\"]\n");
    d.signal(libc::SIGHUP);
    wait_for("b.md after reload", || {
        !events_for(&events(&state), "b.md", "created").is_empty()
    });
    assert_eq!(events(&state).len(), 2);
}
