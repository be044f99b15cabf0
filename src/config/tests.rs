//! Unit tests for config parsing and validation.

use super::*;

#[test]
fn empty_config_gives_defaults() {
    let c = parse("", None).expect("empty config is valid");
    assert_eq!(c, Config::default());
    assert_eq!(c.watch.debounce_ms, 200);
    assert_eq!(c.changes_path(), PathBuf::from(".claimwatch/changes.jsonl"));
}

#[test]
fn full_example_parses() {
    let text = r#"
[watch]
roots = ["/srv/articles"]
include = ["*.txt"]
exclude = ["drafts/**"]
debounce_ms = 300
poll = true

[state]
dir = "/var/lib/claimwatch"
history_max_revisions = 5

[log]
changes = "/var/log/claimwatch/changes.jsonl"
format = "json"
level = "debug"

[[alerts.sinks]]
name = "newsroom"
type = "webhook"
url = "http://127.0.0.1:8080/alerts"

[[alerts.rules]]
name = "numbers"
min_severity = "medium"
details = ["number_changed"]
sinks = ["newsroom"]
"#;
    let c = parse(text, None).expect("valid");
    assert_eq!(c.watch.roots, vec![PathBuf::from("/srv/articles")]);
    assert_eq!(c.state.history_max_revisions, 5);
    assert_eq!(c.log.format, LogFormat::Json);
    assert_eq!(c.alerts.rules[0].sinks, vec!["newsroom".to_string()]);
}

#[test]
fn every_error_is_reported_with_its_key_path() {
    let text = r#"
[watch]
debounce = 5
max_file_bytes = "big"
include = ["*.txt", 3]

[state]
history_max_revisions = -1

[log]
format = "xml"

[colours]
x = 1
"#;
    let errs = parse(text, None).expect_err("invalid").errors;
    let keys: Vec<&str> = errs.iter().map(|e| e.key.as_str()).collect();
    for want in [
        "watch.debounce",
        "watch.max_file_bytes",
        "watch.include[1]",
        "state.history_max_revisions",
        "log.format",
        "colours",
    ] {
        assert!(keys.contains(&want), "missing {want} in {keys:?}");
    }
}

#[test]
fn semantic_errors_are_collected_together() {
    let text = r#"
[watch]
debounce_ms = 1
include = ["a/[b"]

[state]
history_max_revisions = 0

[[alerts.rules]]
name = "r"
min_severity = "urgent"
sinks = ["nowhere"]

[metrics]
listen = "0.0.0.0:9000"
"#;
    let errs = parse(text, None).expect_err("invalid").errors;
    let keys: Vec<&str> = errs.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(
        keys,
        vec![
            "watch.debounce_ms",
            "watch.include[0]",
            "state.history_max_revisions",
            "alerts.rules[0].min_severity",
            "alerts.rules[0].sinks[0]",
            "metrics.listen",
        ]
    );
}

#[test]
fn toml_syntax_error_is_one_error() {
    let e = parse("[watch\nroots = 1", Some(Path::new("x.toml"))).expect_err("bad toml");
    assert_eq!(e.errors.len(), 1);
    assert!(e.to_string().contains("x.toml"));
}

#[test]
fn sinks_need_their_target() {
    let text = r#"
[[alerts.sinks]]
name = "a"
type = "webhook"

[[alerts.sinks]]
name = "b"
type = "pager"
"#;
    let errs = parse(text, None).expect_err("invalid").errors;
    let keys: Vec<&str> = errs.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(keys, vec!["alerts.sinks[0].url", "alerts.sinks[1].type"]);
}

#[test]
fn the_documented_example_is_valid() {
    let text = include_str!("../../config/claimwatch.toml");
    let c = parse(text, None).expect("config/claimwatch.toml is valid");
    assert_eq!(c.watch.roots, vec![PathBuf::from("/srv/articles")]);
}

#[test]
fn the_documented_alert_examples_are_valid_when_uncommented() {
    let text = include_str!("../../config/claimwatch.toml");
    let start = text.find("# [[alerts.sinks]]").expect("alert examples");
    let end = text.find("[metrics]").expect("metrics section");
    let uncommented: String = text[start..end]
        .lines()
        .map(|l| l.strip_prefix("# ").or(l.strip_prefix('#')).unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    let c = parse(&uncommented, None).expect("the alert examples parse");
    assert_eq!(c.alerts.sinks.len(), 3);
    assert_eq!(c.alerts.rules.len(), 2);
    assert_eq!(
        c.alerts.sinks[0].token_env.as_deref(),
        Some("CLAIMWATCH_WEBHOOK_TOKEN")
    );
}

#[test]
fn alert_sink_options_are_checked() {
    let text = r#"
[[alerts.sinks]]
name = "a"
type = "file"
headers = { X = "y" }
queue = 0

[[alerts.sinks]]
name = "b"
type = "webhook"
url = "env:HOOK_URL"
headers = { X = 1 }
"#;
    // One run reports the shape error and the value errors together
    // (issue 14: errors used to come in rounds).
    let errs = parse(text, None).expect_err("invalid").errors;
    let keys: Vec<&str> = errs.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(
        keys,
        vec![
            "alerts.sinks[1].headers.X",
            "alerts.sinks[0].queue",
            "alerts.sinks[0].headers"
        ]
    );
    let text = text.replace("X = 1", "X = \"1\"");
    let errs = parse(&text, None).expect_err("invalid").errors;
    let keys: Vec<&str> = errs.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(
        keys,
        vec!["alerts.sinks[0].queue", "alerts.sinks[0].headers"]
    );
}

#[test]
fn rule_parts_are_checked() {
    let ok = "[[alerts.rules]]\nname = \"heads\"\nparts = [\"headline\", \"standfirst\"]\n";
    let cfg = parse(ok, None).expect("valid parts");
    assert_eq!(cfg.alerts.rules[0].parts, ["headline", "standfirst"]);
    let bad = "[[alerts.rules]]\nname = \"heads\"\nparts = [\"footer\"]\n";
    let errs = parse(bad, None).expect_err("invalid part").errors;
    let keys: Vec<&str> = errs.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(keys, ["alerts.rules[0].parts[0]"]);
}

#[test]
fn the_documented_publish_example_is_valid_when_uncommented() {
    let text = include_str!("../../config/claimwatch.toml");
    let start = text.find("# [publish]").expect("publish example");
    let uncommented: String = text[start..]
        .lines()
        .filter(|l| l.starts_with("# [") || l.starts_with("# nats"))
        .map(|l| l.trim_start_matches("# "))
        .collect::<Vec<_>>()
        .join("\n");
    let c = parse(&uncommented, None).expect("the publish example parses");
    let n = c.publish.nats.expect("nats is set");
    assert_eq!(n, crate::config::NatsConfig::default());
    let e = parse(
        "[publish]\nnats = { url = \"nats://h\", strem = \"X\" }\n",
        None,
    )
    .expect_err("unknown key");
    assert_eq!(e.errors[0].key, "publish.nats.strem");
}

#[test]
fn a_nats_url_from_an_unset_variable_is_named_by_check_config() {
    let c = parse(
        "[publish]\nnats = { url = \"env:CW_UNIT_SURELY_UNSET_NATS_URL\" }\n",
        None,
    )
    .expect("valid shape");
    let errs = crate::config::check_environment(&c);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(errs[0].key, "publish.nats.url");
    assert!(errs[0].message.contains("CW_UNIT_SURELY_UNSET_NATS_URL"));
}

#[test]
fn nats_alert_sinks_need_a_url_and_a_plain_subject() {
    let text = r#"
[[alerts.sinks]]
name = "a"
type = "nats"
subject = "alerts.*"

[[alerts.sinks]]
name = "b"
type = "nats"
url = "nats://127.0.0.1:4222"

[[alerts.sinks]]
name = "c"
path = "/tmp/c.jsonl"
subject = "x.y"
"#;
    let errs = parse(text, None).expect_err("invalid").errors;
    let keys: Vec<&str> = errs.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(
        keys,
        vec![
            "alerts.sinks[0].url",
            "alerts.sinks[0].subject",
            "alerts.sinks[2].subject"
        ],
        "{errs:?}"
    );
}
