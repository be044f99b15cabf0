//! `claimwatch tail` on a change log written here: rendering for people
//! (changed words marked, speaker), filters, `--json`, and `--follow`
//! through log rotation.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{Value, json};

use crate::daemon_support::*;

fn claim(kind: &str, text: &str, speaker: Option<&str>) -> Value {
    json!({
        "id": "c_0000", "kind": kind, "text": text, "quote": null,
        "speaker": speaker, "numbers": [], "negated": false, "hedged": false,
        "entities": [], "paragraph": 2, "line": 5
    })
}

fn event(id: &str, path: &str, kind: &str, severity: &str, changes: Value) -> String {
    json!({
        "schema": 1, "event_id": id, "time": "2026-11-20T08:30:15.250Z",
        "path": path, "root": "/srv/articles", "event": kind, "revision": 2,
        "prev_revision": 1, "hash": "blake3:00", "title": "Bridge vote",
        "severity": severity,
        "summary": {"added": 0, "removed": 0, "modified": 1, "unchanged": 4},
        "changes": changes
    })
    .to_string()
}

fn reworded_quote() -> String {
    event(
        "ev_quote",
        "city/bridge.txt",
        "modified",
        "high",
        json!([{
            "op": "modified", "severity": "high", "similarity": 0.8,
            "before": claim("quote", "\"The bridge will open in spring,\" said Ilse Moreau.", Some("Ilse Moreau")),
            "after": claim("quote", "\"The bridge might open in summer,\" said Ilse Moreau.", Some("Ilse Moreau")),
            "details": [{"type": "quote_changed"}, {"type": "hedge_changed", "from": "will", "to": "might"}]
        }]),
    )
}

fn added_statement() -> String {
    event(
        "ev_added",
        "sport/match.txt",
        "modified",
        "medium",
        json!([{
            "op": "added", "severity": "medium",
            "after": claim("statement", "The match was moved to Sunday.", None),
            "details": []
        }]),
    )
}

fn reformat() -> String {
    event("ev_none", "city/bridge.txt", "modified", "none", json!([]))
}

fn fixture(dir: &Path) -> String {
    let p = dir.join("changes.jsonl");
    let text = [reworded_quote(), added_statement(), reformat()].join("\n") + "\n";
    std::fs::write(&p, text).expect("fixture");
    p.display().to_string()
}

#[test]
fn shows_a_reworded_quote_with_marked_words_and_speaker() {
    let tmp = tempfile::tempdir().expect("tmp");
    let log = fixture(tmp.path());
    let (code, out, err) = run(&["tail", "--file", &log], tmp.path());
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("2026-11-20 08:30:15Z  high    modified city/bridge.txt"),
        "{out}"
    );
    assert!(out.contains("[-will-]{+might+}"), "{out}");
    assert!(out.contains("[-spring,\"-]{+summer,\"+}"), "{out}");
    assert!(out.contains("speaker: Ilse Moreau"), "{out}");
    assert!(out.contains("hedge changed: \"will\" → \"might\""), "{out}");
    assert!(out.contains("+ The match was moved to Sunday."), "{out}");
    assert!(out.contains("no claim changes"), "{out}");
    assert!(!out.contains('\x1b'), "no colour without a terminal: {out}");
}

#[test]
fn filters_and_json() {
    let tmp = tempfile::tempdir().expect("tmp");
    let log = fixture(tmp.path());
    let (code, out, _) = run(
        &["tail", "--file", &log, "--min-severity", "high"],
        tmp.path(),
    );
    assert_eq!(code, 0);
    assert!(
        out.contains("city/bridge.txt") && !out.contains("sport/match.txt"),
        "{out}"
    );
    assert!(!out.contains("no claim changes"), "{out}");
    let (_, out, _) = run(&["tail", "--file", &log, "--path", "sport/*"], tmp.path());
    assert!(
        out.contains("sport/match.txt") && !out.contains("city/"),
        "{out}"
    );
    let (_, out, _) = run(&["tail", "--file", &log, "--json", "-n", "2"], tmp.path());
    let ids: Vec<String> = out
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("json line")["event_id"].to_string())
        .collect();
    assert_eq!(ids, ["\"ev_added\"", "\"ev_none\""]);
    let (code, _, err) = run(
        &["tail", "--file", "/nonexistent/changes.jsonl"],
        tmp.path(),
    );
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("cannot read the change log"), "{err}");
}

#[test]
fn tail_reads_the_state_folders_log_by_default() {
    let tmp = tempfile::tempdir().expect("tmp");
    let state = tmp.path().join("state");
    std::fs::create_dir_all(&state).expect("mkdir");
    fixture(&state);
    let (code, out, err) = run(
        &["tail", "--state", &state.display().to_string(), "-n", "1"],
        tmp.path(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("no claim changes") && !out.contains("Ilse"),
        "{out}"
    );
}

#[test]
fn follow_survives_rotation() {
    let tmp = tempfile::tempdir().expect("tmp");
    let log = tmp.path().join("changes.jsonl");
    std::fs::write(&log, reformat() + "\n").expect("write");
    let mut child = Command::new(BIN)
        .args(["tail", "--follow", "--json", "--file"])
        .arg(&log)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("tail runs");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let id = serde_json::from_str::<Value>(&line)
                .map(|v| v["event_id"].as_str().unwrap_or("").to_string())
                .unwrap_or_default();
            if tx.send(id).is_err() {
                break;
            }
        }
    });
    let next = || rx.recv_timeout(DEADLINE).expect("a line from tail");
    assert_eq!(next(), "ev_none");
    // Appended, written in two pieces (a partial line waits for its end).
    let line = added_statement() + "\n";
    let (a, b) = line.split_at(20);
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(&log)
        .expect("open");
    std::io::Write::write_all(&mut f, a.as_bytes()).expect("write");
    std::thread::sleep(Duration::from_millis(400));
    std::io::Write::write_all(&mut f, b.as_bytes()).expect("write");
    assert_eq!(next(), "ev_added");
    // Rotated: moved away, a new file takes its place.
    std::fs::rename(&log, tmp.path().join("changes.jsonl.1")).expect("rotate");
    std::fs::write(&log, reworded_quote() + "\n").expect("new log");
    assert_eq!(next(), "ev_quote");
    // Truncated in place (copytruncate), then written again.
    std::fs::write(&log, "").expect("truncate");
    std::thread::sleep(Duration::from_millis(500));
    std::fs::write(&log, added_statement() + "\n").expect("write");
    assert_eq!(next(), "ev_added");
    let _ = child.kill();
    let _ = child.wait();
}
