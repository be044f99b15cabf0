//! The Prometheus endpoint: scraped from a running daemon on 127.0.0.1;
//! a non-loopback address is refused; man page and completions generate.

use std::io::{Read, Write};
use std::net::TcpStream;

use crate::alerts_support::config;
use crate::daemon_support::*;

fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    l.local_addr().expect("addr").port()
}

pub fn scrape(port: u16) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect to metrics");
    write!(
        s,
        "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .expect("request");
    let mut out = String::new();
    s.read_to_string(&mut out).expect("response");
    out
}

/// The value of the first sample line starting with `prefix`.
pub fn sample(text: &str, prefix: &str) -> Option<f64> {
    text.lines()
        .find(|l| l.starts_with(prefix))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
}

#[test]
fn metrics_are_scraped_from_the_daemon() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    let port = free_port();
    let cfg = config(
        tmp.path(),
        &format!("[metrics]\nlisten = \"127.0.0.1:{port}\"\n\n[[alerts.rules]]\nname = \"all\"\n"),
    );
    write(&root.join("a.txt"), &article("Harbour", 2));
    let d = Daemon::start(&root, &state, &["--config", &cfg]);
    write(&root.join("a.txt"), &article("Harbour", 4));
    wait_for("modified", || events(&state).len() == 2);
    wait_for("the alert", || {
        sample(&scrape(port), "claimwatch_alerts_total").is_some_and(|v| v >= 1.0)
    });
    let text = scrape(port);
    assert!(text.starts_with("HTTP/1.1 200"), "{text}");
    assert_eq!(
        sample(&text, "claimwatch_files_watched"),
        Some(1.0),
        "{text}"
    );
    assert_eq!(
        sample(&text, "claimwatch_revisions_total"),
        Some(2.0),
        "{text}"
    );
    assert!(
        text.contains("claimwatch_events_total{event=\"modified\",severity=\"high\"} 1"),
        "{text}"
    );
    assert!(
        text.contains("claimwatch_rescans_total{reason=\"startup\"} 1"),
        "{text}"
    );
    assert!(
        // Only the watched edit; the start-up scan's file was written earlier.
        text.contains("claimwatch_write_to_event_seconds_bucket{le=\"+Inf\"} 1"),
        "{text}"
    );
    assert!(text.contains("claimwatch_queue_depth"), "{text}");
    assert!(
        d.stderr()
            .contains(&format!("metrics on http://127.0.0.1:{port}/metrics"))
    );
}

#[test]
fn non_loopback_listen_is_refused() {
    let tmp = tempfile::tempdir().expect("tmp");
    let cfg = config(tmp.path(), "[metrics]\nlisten = \"0.0.0.0:9464\"\n");
    let (code, _, err) = run(&["check-config", "--config", &cfg], tmp.path());
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("allow_remote"), "{err}");
}

#[test]
fn man_page_and_completions_generate() {
    let tmp = tempfile::tempdir().expect("tmp");
    let (code, out, err) = run(&["generate", "man"], tmp.path());
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(".TH claimwatch") && out.contains("tail"),
        "{out}"
    );
    let (code, out, err) = run(&["generate", "completions", "bash"], tmp.path());
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("claimwatch") && out.contains("--min-severity"),
        "{out}"
    );
    let (_, help, _) = run(&["--help"], tmp.path());
    assert!(!help.contains("generate"), "hidden from --help: {help}");
}

#[test]
fn issue14_files_watched_and_latency_are_right_at_every_scrape() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    let port = free_port();
    let cfg = config(
        tmp.path(),
        &format!("[watch]\ndebounce_ms = 100\n[metrics]\nlisten = \"127.0.0.1:{port}\"\n"),
    );
    write(&root.join("a.txt"), &article("Harbour", 2));
    let _d = Daemon::start(&root, &state, &["--config", &cfg]);
    let gauge = || sample(&scrape(port), "claimwatch_files_watched");
    assert_eq!(gauge(), Some(1.0));
    // New files the watcher saw count at once, not at the next full scan.
    write(&root.join("b.txt"), &article("Bridge", 3));
    write(&root.join("c.txt"), &article("Canal", 4));
    wait_for("two created", || events(&state).len() == 3);
    wait_for("the gauge at 3", || gauge() == Some(3.0));
    std::fs::remove_file(root.join("c.txt")).expect("rm");
    wait_for("deleted", || events(&state).len() == 4);
    wait_for("the gauge at 2", || gauge() == Some(2.0));
    let count = || sample(&scrape(port), "claimwatch_write_to_event_seconds_count");
    let before = count();
    assert_eq!(before, Some(2.0), "the two watched writes");
    // A rename keeps the content's old mtime: not a write-to-event time.
    std::fs::rename(root.join("b.txt"), root.join("bridge.txt")).expect("mv");
    wait_for("renamed", || {
        events(&state).iter().any(|e| e["event"] == "renamed")
    });
    assert_eq!(gauge(), Some(2.0));
    assert_eq!(count(), before, "a rename is not a write");
}
