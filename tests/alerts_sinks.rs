//! The command sink (argv, alert JSON on stdin, exit status checked) and
//! the default file sink, through `claimwatch scan`.

use crate::alerts_support::*;
use crate::daemon_support::*;

#[test]
fn command_sink_gets_the_alert_on_stdin_and_file_sink_by_default() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    let out = tmp.path().join("received.jsonl");
    let ids = tmp.path().join("ids.txt");
    let script = tmp.path().join("record.sh");
    std::fs::write(
        &script,
        "#!/bin/sh\ncat >> \"$1\"\nprintf '%s\\n' \"$CLAIMWATCH_ALERT_ID\" >> \"$2\"\n",
    )
    .expect("script");
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    let cfg = config(
        tmp.path(),
        &format!(
            r#"
[[alerts.sinks]]
name = "pager"
type = "command"
command = ["{}", "{}", "{}"]
timeout_ms = 5000

[[alerts.rules]]
name = "quotes-and-numbers"
min_severity = "high"
sinks = ["pager"]

[[alerts.rules]]
name = "anything-added"
ops = ["added"]
"#,
            script.display(),
            out.display(),
            ids.display()
        ),
    );
    let st = state.display().to_string();
    let rt = root.display().to_string();
    let file = root.join("ferry.txt");
    write(&file, &article("Ferry strike", 3));
    let (code, _, err) = run(&["scan", "--config", &cfg, "--state", &st, &rt], tmp.path());
    assert_eq!(code, 0, "{err}");
    // Created: every claim added (medium) -> only the default file sink.
    assert!(!out.exists(), "no high-severity change yet");
    let default = std::fs::read_to_string(state.join("alerts.jsonl")).expect("alerts.jsonl");
    let lines: Vec<serde_json::Value> = default
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(lines.len(), 1, "one alert per event and rule: {default}");
    assert_eq!(lines[0]["rule"], "anything-added");
    assert_eq!(lines[0]["event"], "created");

    write(&file, &article("Ferry strike", 5));
    let (code, _, err) = run(&["scan", "--config", &cfg, "--state", &st, &rt], tmp.path());
    assert_eq!(code, 0, "{err}");
    let got = std::fs::read_to_string(&out).expect("the command ran");
    let alerts: Vec<serde_json::Value> = got
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("stdin was one alert JSON"))
        .collect();
    assert_eq!(alerts.len(), 1, "{got}");
    assert_eq!(alerts[0]["rule"], "quotes-and-numbers");
    assert_eq!(alerts[0]["severity"], "high");
    let recorded_id = std::fs::read_to_string(&ids).expect("ids");
    assert_eq!(
        recorded_id.trim(),
        alerts[0]["alert_id"].as_str().unwrap_or("?")
    );
    // Nothing new for the file sink: no claim was added.
    let default = std::fs::read_to_string(state.join("alerts.jsonl")).expect("alerts.jsonl");
    assert_eq!(default.lines().count(), 1);
}

#[test]
fn failing_command_keeps_the_alert_pending() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    let flag = tmp.path().join("ok");
    let out = tmp.path().join("got.jsonl");
    // Fails until the flag file exists.
    let cmd = format!("test -e {} && cat >> {}", flag.display(), out.display());
    let cfg = config(
        tmp.path(),
        &format!(
            r#"
[[alerts.sinks]]
name = "cmd"
type = "command"
command = ["sh", "-c", "{cmd}"]
retries = 0

[[alerts.rules]]
name = "all"
sinks = ["cmd"]
"#
        ),
    );
    let st = state.display().to_string();
    let rt = root.display().to_string();
    write(&root.join("a.txt"), &article("Ferry strike", 3));
    let (code, _, err) = run(&["scan", "--config", &cfg, "--state", &st, &rt], tmp.path());
    assert_eq!(code, 1, "a failed delivery is not success: {err}");
    assert!(err.contains("alert delivery to cmd failed"), "{err}");
    assert!(!out.exists());
    std::fs::write(&flag, "").expect("flag");
    let (code, _, err) = run(&["scan", "--config", &cfg, "--state", &st, &rt], tmp.path());
    assert_eq!(code, 0, "{err}");
    let got = std::fs::read_to_string(&out).expect("delivered on the next run");
    assert_eq!(got.lines().filter(|l| !l.is_empty()).count(), 1, "{got}");
}

#[test]
fn sighup_applies_new_rules_to_new_events() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    let cfg = config(tmp.path(), "[log]\nlevel = \"info\"\n");
    write(&root.join("a.txt"), &article("Ferry strike", 3));
    let d = Daemon::start(&root, &state, &["--config", &cfg]);
    write(&root.join("a.txt"), &article("Ferry strike", 4));
    wait_for("modified", || events(&state).len() == 2);
    assert!(!state.join("alerts.jsonl").exists(), "no rules, no alerts");
    config(
        tmp.path(),
        "[[alerts.rules]]\nname = \"numbers\"\ndetails = [\"number_changed\"]\n",
    );
    d.signal(libc::SIGHUP);
    // After the reload's rescan, so the edit is not read half-written by it.
    wait_for("the reload", || d.stderr().contains("rescan done"));
    write(&root.join("a.txt"), &article("Ferry strike", 6));
    wait_for("the alert", || {
        std::fs::read_to_string(state.join("alerts.jsonl")).is_ok_and(|t| t.lines().count() == 1)
    });
    let text = std::fs::read_to_string(state.join("alerts.jsonl")).expect("alerts");
    let a: serde_json::Value = serde_json::from_str(text.trim()).expect("json");
    assert_eq!(a["rule"], "numbers");
    assert_eq!(a["sink"], "default");
    assert!(
        a["message"]
            .as_str()
            .is_some_and(|m| m.contains("4") && m.contains("6"))
    );
}

#[test]
fn issue14_scan_exits_non_zero_and_says_how_many_deliveries_wait() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    let cfg = config(
        tmp.path(),
        r#"
[[alerts.sinks]]
name = "pager"
type = "command"
command = ["sh", "-c", "exit 3"]
retries = 0

[[alerts.rules]]
name = "all"
sinks = ["pager"]
"#,
    );
    let st = state.display().to_string();
    let rt = root.display().to_string();
    write(&root.join("a.txt"), &article("Ferry strike", 3));
    write(&root.join("b.txt"), &article("Port closure", 5));
    let (code, _, err) = run(&["scan", "--config", &cfg, "--state", &st, &rt], tmp.path());
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("0 errors"), "the scan itself went fine: {err}");
    assert!(
        err.contains("2 deliveries waiting") && err.contains("pager"),
        "{err}"
    );
    // Nothing new, but the two alerts still wait: still not success.
    let (code, _, err) = run(&["scan", "--config", &cfg, "--state", &st, &rt], tmp.path());
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("2 deliveries waiting"), "{err}");
}
