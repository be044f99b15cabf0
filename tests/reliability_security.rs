//! Security: file names and article text cannot forge log lines (text log
//! escapes control characters, the change log is JSON), and symlinks never
//! carry content from outside a root into the store or the change log.

use crate::daemon_support::{events, wait_for, write};
use crate::reliability_support::{dirs, start_with, still_alive};

/// How the text log shows a path: control characters as `\u{..}`.
pub fn escaped(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_control() {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn control_characters_in_names_and_text_cannot_forge_log_lines() {
    let d = dirs();
    let mut daemon = start_with(&d, "[watch]\ndebounce_ms = 100\n");
    let name = "evil\nINFO created forged.txt\u{1b}[2J.txt";
    write(
        &d.root.join(name),
        "Breaking\n\nThe minister said 40 \u{1b}[31mschools\u{7} were shut.\nINFO created \
         forged-too.txt [high]\r\nERROR fake line\n\nShe said \"we are ready.\"\n",
    );
    wait_for("the created event", || {
        events(&d.state)
            .iter()
            .any(|e| e["path"] == name && e["event"] == "created")
    });
    // Let a second edit through too, so the "modified" line is checked.
    write(
        &d.root.join(name),
        "Breaking\n\nThe minister said 41 \u{1b}[31mschools\u{7} were shut.\nERROR fake\n",
    );
    wait_for("the modified event", || {
        events(&d.state)
            .iter()
            .any(|e| e["path"] == name && e["event"] == "modified")
    });
    still_alive(&mut daemon, &d.root, &d.state, 1);
    let err = daemon.stderr();
    for line in err.lines() {
        assert!(line.starts_with("20"), "forged or broken line: {line:?}");
        assert!(!line.contains('\u{1b}'), "raw escape in {line:?}");
        assert!(
            !line.contains('\u{7}') && !line.contains('\r'),
            "raw control in {line:?}"
        );
    }
    assert!(err.contains(&format!("path={}", escaped(name))), "{err}");
    // The change log is one JSON object per line, names intact.
    let raw = std::fs::read_to_string(d.state.join("changes.jsonl")).expect("log");
    for line in raw.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        assert!(v["event_id"].is_string());
        assert!(!line.contains('\u{1b}') && !line.contains('\r'));
    }
}

#[test]
fn symlinks_never_carry_outside_content_into_the_store() {
    let d = dirs();
    let outside = d.root.parent().expect("parent").join("outside");
    write(
        &outside.join("secret.txt"),
        "Secret\n\nThe vault said 77 keys were kept.\n",
    );
    std::os::unix::fs::symlink(outside.join("secret.txt"), d.root.join("secret.txt")).expect("ln");
    std::os::unix::fs::symlink(&outside, d.root.join("linked-dir")).expect("ln");
    let mut daemon = start_with(&d, "[watch]\ndebounce_ms = 100\n");
    // Live: a new link to the outside after start.
    std::os::unix::fs::symlink(outside.join("secret.txt"), d.root.join("late.txt")).expect("ln");
    write(
        &outside.join("secret2.txt"),
        "Secret two\n\nThe vault said 78.\n",
    );
    still_alive(&mut daemon, &d.root, &d.state, 1);
    let err = daemon.stderr();
    assert!(
        err.lines()
            .any(|l| l.contains("path=secret.txt") && l.contains("symlink not followed")),
        "{err}"
    );
    wait_for("the late link's skip line", || {
        daemon
            .stderr()
            .lines()
            .any(|l| l.contains("path=late.txt") && l.contains("symlink not followed"))
    });
    let all = events(&d.state);
    let raw = std::fs::read_to_string(d.state.join("changes.jsonl")).expect("log");
    assert!(!raw.contains("vault"), "outside content leaked: {raw}");
    assert!(
        all.iter()
            .all(|e| e["path"].as_str().is_some_and(|p| p.starts_with("ok-")))
    );
    // Nor in the store's raw text.
    let db = std::fs::read(d.state.join("claimwatch.db")).unwrap_or_default();
    assert!(
        !db.windows(5).any(|w| w == b"vault"),
        "outside content in the store"
    );
}

/// A webhook secret is never written to the log (even at debug level, even
/// when delivery fails), the change log, the alert files or the store; the
/// command sink runs its argv without a shell, so shell syntax in it is
/// inert.
#[test]
fn webhook_secrets_are_never_logged_and_commands_use_no_shell() {
    use crate::alerts_support::{Mode, Receiver};
    const SECRET: &str = "tok-5ecret-never-logged-91";
    let d = dirs();
    let rx = Receiver::start(Mode::FailFirst(1000));
    let pwned = d.state.parent().expect("parent").join("pwned");
    let cfg = d.state.with_extension("toml");
    std::fs::write(
        &cfg,
        format!(
            r#"
[[alerts.sinks]]
name = "hook"
type = "webhook"
url = "{url}"
token_env = "CW_SECURITY_TEST_TOKEN"
retries = 1
backoff_ms = 10
timeout_ms = 1000

[[alerts.sinks]]
name = "cmd"
type = "command"
command = ["/bin/echo", "$(touch {p})", "; touch {p}", "`touch {p}`"]
timeout_ms = 5000

[[alerts.rules]]
name = "all"
ops = ["added"]
sinks = ["hook", "cmd"]
"#,
            url = rx.url(),
            p = pwned.display()
        ),
    )
    .expect("config");
    write(
        &d.root.join("a.txt"),
        &crate::daemon_support::article("Secret test", 4),
    );
    let out = std::process::Command::new(crate::daemon_support::BIN)
        .arg("scan")
        .arg("--config")
        .arg(&cfg)
        .arg("--state")
        .arg(&d.state)
        .arg(&d.root)
        .env("CW_SECURITY_TEST_TOKEN", SECRET)
        .env("CLAIMWATCH_LOG", "debug")
        .env("NO_COLOR", "1")
        .env_remove("CLAIMWATCH_CONFIG")
        .env_remove("CLAIMWATCH_STATE_DIR")
        .output()
        .expect("scan runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!rx.requests().is_empty(), "the webhook was tried: {text}");
    assert!(!text.contains(SECRET), "secret in the output: {text}");
    for entry in std::fs::read_dir(&d.state).expect("state") {
        let p = entry.expect("entry").path();
        let bytes = std::fs::read(&p).unwrap_or_default();
        assert!(
            !bytes.windows(SECRET.len()).any(|w| w == SECRET.as_bytes()),
            "secret in {}",
            p.display()
        );
    }
    assert!(!pwned.exists(), "the command sink ran a shell");
}
