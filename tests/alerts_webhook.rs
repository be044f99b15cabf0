//! Webhook alerts against a local receiver: retried until delivered once,
//! none for a reformat, and a dead endpoint that neither blocks the
//! pipeline nor loses the alert across a restart.

use std::time::Duration;

use crate::alerts_support::*;
use crate::daemon_support::*;

fn webhook_config(url: &str, extra: &str) -> String {
    format!(
        r#"
[[alerts.sinks]]
name = "newsroom"
type = "webhook"
url = "{url}"
token_env = "CW_TEST_WEBHOOK_TOKEN"
{extra}

[[alerts.rules]]
name = "numbers"
details = ["number_changed"]
sinks = ["newsroom"]
"#
    )
}

const TOKEN: &str = "s3cret-token-value";

#[test]
fn number_change_is_retried_and_delivered_once_reformat_alerts_none() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    let rx = Receiver::start(Mode::FailFirst(2));
    let cfg = config(
        tmp.path(),
        &webhook_config(&rx.url(), "retries = 4\nbackoff_ms = 50\ntimeout_ms = 2000"),
    );
    let d = start_env(
        &root,
        &state,
        &["--config", &cfg],
        &[("CW_TEST_WEBHOOK_TOKEN", TOKEN)],
    );
    let file = root.join("harbour.txt");
    write(&file, &article("Storm hits the harbour", 12));
    wait_for("created", || events(&state).len() == 1);
    write(&file, &article("Storm hits the harbour", 15));
    wait_for("one delivered alert", || rx.delivered().len() == 1);

    let reqs = rx.requests();
    assert_eq!(reqs.len(), 3, "two failures, then success: {reqs:#?}");
    let ids: Vec<Option<&str>> = reqs.iter().map(|r| r.header("idempotency-key")).collect();
    assert!(ids.iter().all(|i| i.is_some() && *i == ids[0]), "{ids:?}");
    assert_eq!(
        reqs[2].header("authorization"),
        Some(format!("Bearer {TOKEN}").as_str())
    );
    let alert = &rx.delivered()[0];
    assert_eq!(alert["rule"], "numbers");
    assert_eq!(alert["sink"], "newsroom");
    assert_eq!(alert["path"], "harbour.txt");
    assert_eq!(alert["event_id"], events(&state)[1]["event_id"]);
    assert_eq!(Some(alert["alert_id"].as_str().unwrap_or("")), ids[0]);
    let msg = alert["message"].as_str().expect("message");
    assert!(
        msg.starts_with("[high] harbour.txt: number changed"),
        "{msg}"
    );
    assert!(
        msg.contains("12") && msg.contains("15") && msg.contains('→'),
        "{msg}"
    );
    let changes = alert["changes"].as_array().expect("changes");
    assert_eq!(changes.len(), 1, "only the matching change: {changes:#?}");

    // A reformat is an event without changes: no alert.
    let reformatted = article("Storm hits the harbour", 15)
        .replace("\n\n", "\n\n\n")
        .replace(".\n", ".   \n");
    write(&file, &reformatted);
    wait_for("the reformat event", || events(&state).len() == 3);
    assert_eq!(events(&state)[2]["changes"], serde_json::json!([]));
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(rx.requests().len(), 3, "no alert for a reformat");
    let log = d.stderr();
    assert!(log.contains("alert delivered to newsroom"), "{log}");
    assert!(!log.contains(TOKEN), "the token is never logged: {log}");
}

#[test]
fn dead_endpoint_never_blocks_and_the_alert_survives_a_restart() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    let rx = Receiver::start(Mode::Hang);
    let cfg = config(
        tmp.path(),
        &webhook_config(&rx.url(), "retries = 1\nbackoff_ms = 50\ntimeout_ms = 300"),
    );
    let env = [("CW_TEST_WEBHOOK_TOKEN", TOKEN)];
    let file = root.join("pier.txt");
    let mut d = start_env(&root, &state, &["--config", &cfg], &env);
    write(&file, &article("Pier closed", 7));
    wait_for("created", || events(&state).len() == 1);
    write(&file, &article("Pier closed", 9));
    wait_for("modified", || events(&state).len() == 2);
    // The pipeline keeps going while the endpoint hangs.
    write(
        &file,
        &article("Pier closed", 9).replace("three weeks", "two months"),
    );
    wait_for("a later event", || events(&state).len() == 3);
    wait_for("the failed delivery", || {
        d.stderr().contains("alert delivery to newsroom failed")
    });
    assert!(rx.delivered().is_empty());
    d.signal(libc::SIGTERM);
    assert!(d.wait().success());
    assert!(!d.stderr().contains(TOKEN), "the token is never logged");

    // The endpoint recovers; the restarted daemon delivers the pending alert.
    rx.set(Mode::Ok);
    let _d = start_env(&root, &state, &["--config", &cfg], &env);
    wait_for("the pending alert", || !rx.delivered().is_empty());
    std::thread::sleep(Duration::from_millis(1500));
    let got = rx.delivered();
    let mut ids: Vec<&str> = got.iter().filter_map(|a| a["alert_id"].as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), got.len(), "each alert delivered once: {got:#?}");
    let first: Vec<_> = got
        .iter()
        .filter(|a| a["event_id"] == events(&state)[1]["event_id"])
        .collect();
    assert_eq!(first.len(), 1, "{got:#?}");
    let msg = first[0]["message"].as_str().expect("message");
    assert!(msg.contains('7') && msg.contains('9'), "{msg}");
}
