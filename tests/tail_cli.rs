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

/// These tests read a change log of our own: the store stays SQLite (no
/// shared store, whatever backend the daemon tests run on), so `tail`
/// reads the log.
const LOG: &[(&str, &str)] = &[("CLAIMWATCH_STORE_URL", "")];

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
    assert!(
        err.contains("no change log at /nonexistent/changes.jsonl"),
        "{err}"
    );
}

#[test]
fn tail_reads_the_state_folders_log_by_default() {
    let tmp = tempfile::tempdir().expect("tmp");
    let state = tmp.path().join("state");
    std::fs::create_dir_all(&state).expect("mkdir");
    fixture(&state);
    let (code, out, err) = run_with_env(
        &["tail", "--state", &state.display().to_string(), "-n", "1"],
        tmp.path(),
        LOG,
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

#[test]
fn issue14_tail_outside_the_state_folder_says_where_to_look() {
    let tmp = tempfile::tempdir().expect("tmp");
    let nowhere = tmp.path().join("no-system-config.toml");
    let env = [
        ("CLAIMWATCH_SYSTEM_CONFIG", nowhere.to_str().expect("utf-8")),
        LOG[0],
    ];
    let (code, _, err) = run_with_env(&["tail"], tmp.path(), &env);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("no change log at") && err.contains("--config") && err.contains("--state"),
        "{err}"
    );
    // --follow waits for the log, but says so (and how to point elsewhere).
    let mut child = Command::new(BIN)
        .args(["tail", "--follow"])
        .current_dir(tmp.path())
        .env("CLAIMWATCH_SYSTEM_CONFIG", &nowhere)
        .env_remove("CLAIMWATCH_CONFIG")
        .env_remove("CLAIMWATCH_STATE_DIR")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tail runs");
    let stderr = child.stderr.take().expect("stderr");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let line = rx.recv_timeout(DEADLINE).expect("a hint from tail -f");
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        line.contains("waiting for the change log") && line.contains("--config"),
        "{line}"
    );
}

#[test]
fn issue14_tail_reads_the_service_config_by_default() {
    let tmp = tempfile::tempdir().expect("tmp");
    let state = tmp.path().join("var-lib");
    std::fs::create_dir_all(&state).expect("mkdir");
    fixture(&state);
    let sys = tmp.path().join("claimwatch.toml");
    std::fs::write(&sys, format!("[state]\ndir = \"{}\"\n", state.display())).expect("config");
    let elsewhere = tmp.path().join("home");
    std::fs::create_dir_all(&elsewhere).expect("mkdir");
    let env = [
        ("CLAIMWATCH_SYSTEM_CONFIG", sys.to_str().expect("utf-8")),
        LOG[0],
    ];
    let (code, out, err) = run_with_env(&["tail", "--json"], &elsewhere, &env);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 3, "{out}");
}

#[test]
fn issue14_tail_reads_gzipped_rotated_logs() {
    use std::io::Write as _;
    let tmp = tempfile::tempdir().expect("tmp");
    let log = tmp.path().join("changes.jsonl");
    // Oldest in a gzipped rotation, then a plain one, then the live log.
    let gz = tmp.path().join("changes.jsonl.2.gz");
    let mut enc = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).expect("gz"),
        flate2::Compression::default(),
    );
    enc.write_all((reworded_quote() + "\n").as_bytes())
        .expect("gz write");
    enc.finish().expect("gz finish");
    let old = std::time::SystemTime::now() - Duration::from_secs(7200);
    std::fs::File::options()
        .write(true)
        .open(&gz)
        .and_then(|f| f.set_modified(old))
        .expect("mtime");
    let one = tmp.path().join("changes.jsonl.1");
    std::fs::write(&one, added_statement() + "\n").expect("w");
    std::fs::File::options()
        .write(true)
        .open(&one)
        .and_then(|f| f.set_modified(old + Duration::from_secs(3600)))
        .expect("mtime");
    std::fs::write(&log, reformat() + "\n").expect("w");
    let file = log.display().to_string();
    let ids = |out: &str| -> Vec<String> {
        out.lines()
            .map(|l| {
                serde_json::from_str::<Value>(l).expect("json")["event_id"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string()
            })
            .collect()
    };
    let (code, out, err) = run(&["tail", "--json", "--file", &file], tmp.path());
    assert_eq!(code, 0, "{err}");
    assert_eq!(ids(&out), ["ev_quote", "ev_added", "ev_none"], "{out}");
    let (code, out, err) = run(&["tail", "--json", "-n", "2", "--file", &file], tmp.path());
    assert_eq!(code, 0, "{err}");
    assert_eq!(ids(&out), ["ev_added", "ev_none"], "{out}");
    let (code, out, err) = run(&["tail", "--file", &gz.display().to_string()], tmp.path());
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("city/bridge.txt") && out.contains("Ilse Moreau"),
        "{out}"
    );
}
