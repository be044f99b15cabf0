//! `[publish] nats` against a real NATS server with JetStream: every event
//! in the stream once and in change-log order, re-publishing dropped by
//! `Nats-Msg-Id`, and nothing lost while NATS is unreachable.

use crate::alerts_support::{config, start_env};
use crate::daemon_support::*;
use crate::publish_support::*;

/// The change log's event ids, in order.
fn logged_ids(state: &std::path::Path) -> Vec<String> {
    events(state)
        .iter()
        .map(|e| e["event_id"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// Checks the stream holds exactly the change log's events, in order,
/// each under its severity's subject with its event id as message id.
fn assert_stream_matches_log(stream: &TestStream, state: &std::path::Path, prefix: &str) {
    let ids = logged_ids(state);
    let got = stream.read_all();
    let msg_ids: Vec<String> = got.iter().map(|m| m.msg_id.clone()).collect();
    assert_eq!(msg_ids, ids, "the stream holds each event once, in order");
    for m in &got {
        assert_eq!(m.body["event_id"], m.msg_id.as_str());
        let severity = m.body["severity"].as_str().unwrap_or("?");
        assert_eq!(m.subject, format!("{prefix}.events.{severity}"));
    }
}

#[test]
fn nats_every_event_of_a_running_daemon_is_in_the_stream_once() {
    if !nats_available() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    let (name, prefix) = (unique("CWTEST"), unique("cwtest"));
    let stream = TestStream::new(&format!("nats://{SHARED}"), &name);
    let cfg = config(tmp.path(), &publish_config(&stream.url, &name, &prefix));
    write(&root.join("storm.txt"), &article("Storm", 3));
    let _d = start_env(&root, &state, &["--config", &cfg], &[]);
    let edits: [(&str, u32); 4] = [
        ("storm.txt", 5),
        ("ferry.txt", 2),
        ("storm.txt", 7),
        ("ferry.txt", 4),
    ];
    for (i, (file, boats)) in edits.iter().enumerate() {
        write(&root.join(file), &article("Storm", *boats));
        wait_for("the edit's event", || events(&state).len() == i + 2);
    }
    wait_for("every event in the stream", || stream.count() == 5);
    assert_stream_matches_log(&stream, &state, &prefix);
    wait_for("the outbox rows marked delivered", || {
        nats_pending(&state) == 0
    });
}

#[test]
fn nats_publishing_the_same_outbox_rows_again_adds_no_duplicates() {
    if !nats_available() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    let (name, prefix) = (unique("CWTEST"), unique("cwtest"));
    let stream = TestStream::new(&format!("nats://{SHARED}"), &name);
    let cfg = config(tmp.path(), &publish_config(&stream.url, &name, &prefix));
    let (st, rt) = (state.display().to_string(), root.display().to_string());
    let scan = || {
        let (code, _, err) = run(&["scan", "--config", &cfg, "--state", &st, &rt], tmp.path());
        assert_eq!(code, 0, "{err}");
        assert!(!err.contains("waiting"), "all delivered: {err}");
    };
    write(&root.join("port.txt"), &article("Port", 3));
    scan();
    write(&root.join("port.txt"), &article("Port", 8));
    scan();
    assert_eq!(stream.count(), 2);
    assert_eq!(nats_pending(&state), 0);
    // As after a crash between the ack and the mark: every row again.
    let sent = "SELECT count(*) FROM outbox WHERE sink = 'nats' AND delivered = true";
    assert_eq!(crate::backend_support::store_count(&state, sent), 2);
    crate::backend_support::store_execute(
        &state,
        "UPDATE outbox SET delivered = false WHERE sink = 'nats'",
    );
    scan();
    assert_eq!(nats_pending(&state), 0, "re-published and acked");
    assert_eq!(stream.count(), 2, "the stream dropped the duplicates");
    assert_stream_matches_log(&stream, &state, &prefix);
}

#[test]
fn nats_unreachable_keeps_events_in_the_outbox_then_delivers_them_in_order() {
    if !nats_available() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    // A port nothing answers on yet; a private server starts there later
    // (the shared one on 4222 is never stopped: other builds use it).
    let port = free_port();
    let url = format!("nats://127.0.0.1:{port}");
    let (name, prefix) = (unique("CWTEST"), unique("cwtest"));
    let cfg = config(tmp.path(), &publish_config(&url, &name, &prefix));
    write(&root.join("dam.txt"), &article("Dam", 3));
    let d = start_env(&root, &state, &["--config", &cfg], &[]);
    for (i, boats) in [5, 7, 9].into_iter().enumerate() {
        write(&root.join("dam.txt"), &article("Dam", boats));
        wait_for("the edit's event", || events(&state).len() == i + 2);
    }
    let warned = |d: &Daemon| d.stderr().matches("cannot publish to NATS").count();
    wait_for("the outage warning", || warned(&d) == 1);
    // Let a few retries fail: still one warning, nothing marked.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert_eq!(warned(&d), 1, "one warning per outage:\n{}", d.stderr());
    assert_eq!(nats_pending(&state), 4);

    let store = tmp.path().join("nats-store");
    let _server = PrivateServer::start(port, &store);
    // Declared after the server, so it is deleted before the server stops.
    let stream = TestStream::new(&url, &name);
    wait_for("the backlog in the stream", || stream.count() == 4);
    wait_for("the outbox rows marked delivered", || {
        nats_pending(&state) == 0
    });
    assert_stream_matches_log(&stream, &state, &prefix);
    wait_for("the recovery line", || {
        d.stderr().contains("takes events again")
    });
    assert_eq!(warned(&d), 1, "{}", d.stderr());
    // New events go straight out now.
    write(&root.join("dam.txt"), &article("Dam", 11));
    wait_for("the new event in the stream", || stream.count() == 5);
    assert_stream_matches_log(&stream, &state, &prefix);
}

#[test]
fn nats_scan_with_nats_down_says_what_waits_and_does_not_hang() {
    // Needs no server: the point is that there is none.
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    let url = format!("nats://user:sekrit@127.0.0.1:{}", free_port());
    let cfg = config(tmp.path(), &publish_config(&url, "CWDOWN", "cwdown"));
    write(&root.join("quay.txt"), &article("Quay", 3));
    let (st, rt) = (state.display().to_string(), root.display().to_string());
    let start = std::time::Instant::now();
    let (code, _, err) = run(&["scan", "--config", &cfg, "--state", &st, &rt], tmp.path());
    assert_eq!(code, 1, "waiting deliveries are not success: {err}");
    assert!(err.contains("the NATS stream: 1"), "{err}");
    assert!(err.contains("cannot publish to NATS"), "{err}");
    assert!(
        !err.contains("sekrit"),
        "credentials are never logged: {err}"
    );
    // The drain stops as soon as NATS is known to be down, not after 5 s.
    assert!(start.elapsed() < std::time::Duration::from_secs(4), "{err}");
    assert_eq!(nats_pending(&state), 1);
}

#[test]
fn nats_alert_sink_publishes_each_alert_once_by_alert_id() {
    if !nats_available() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    let (name, prefix) = (unique("CWALERT"), unique("cwalert"));
    let stream = TestStream::new(&format!("nats://{SHARED}"), &name);
    let cfg = config(
        tmp.path(),
        &format!(
            r#"
[[alerts.sinks]]
name = "desk"
type = "nats"
url = "nats://{SHARED}"
stream = "{name}"
subject = "{prefix}.alerts.{{severity}}"

[[alerts.rules]]
name = "everything"
sinks = ["desk"]
"#
        ),
    );
    let (st, rt) = (state.display().to_string(), root.display().to_string());
    let scan = || {
        let (code, _, err) = run(&["scan", "--config", &cfg, "--state", &st, &rt], tmp.path());
        assert_eq!(code, 0, "{err}");
    };
    write(&root.join("bridge.txt"), &article("Bridge", 3));
    scan();
    write(&root.join("bridge.txt"), &article("Bridge", 6));
    scan();
    // Again, as after a crash before the mark: the stream drops the copies.
    crate::backend_support::store_execute(
        &state,
        "UPDATE outbox SET delivered = false WHERE sink = 'alert:everything:desk'",
    );
    scan();
    let got = stream.read_all();
    assert_eq!(got.len(), 2, "one alert per event: {got:?}");
    for m in &got {
        assert_eq!(m.body["alert_id"], m.msg_id.as_str());
        assert_eq!(m.body["rule"], "everything");
        let severity = m.body["severity"].as_str().unwrap_or("?");
        assert_eq!(m.subject, format!("{prefix}.alerts.{severity}"));
    }
}
