//! The value checks of a parsed config ([`validate_values`]): ranges,
//! globs, enum-valued strings, references between alert rules and sinks,
//! the metrics address; the `[publish]`, `[store]` and `[node]` checks live
//! beside their sections.

use super::{Config, ConfigError, log_filter, publish, store};

const SEVERITIES: &[&str] = &["low", "medium", "high"];
const DETAILS: &[&str] = &[
    "number_changed",
    "date_changed",
    "quote_changed",
    "speaker_changed",
    "negation_changed",
    "hedge_changed",
    "entity_changed",
    "wording_changed",
];
const KINDS: &[&str] = &["quote", "attributed", "numeric", "statement"];
const PARTS: &[&str] = &["headline", "standfirst", "body"];
const OPS: &[&str] = &["added", "removed", "modified"];
const EVENTS: &[&str] = &["created", "modified", "deleted", "renamed", "restored"];
const SINK_TYPES: &[&str] = &["file", "webhook", "command", "nats"];

/// Checks values that have the right type but a wrong meaning.
pub(super) fn validate_values(c: &Config) -> Vec<ConfigError> {
    let mut errs = Vec::new();
    let mut err = |key: String, message: String| errs.push(ConfigError { key, message });
    let w = &c.watch;
    if !(10..=60_000).contains(&w.debounce_ms) {
        err(
            "watch.debounce_ms".into(),
            format!("{} is out of range (10 to 60000)", w.debounce_ms),
        );
    }
    if w.max_file_bytes == 0 {
        err("watch.max_file_bytes".into(), "must be above 0".into());
    }
    if w.poll && !(100..=3_600_000).contains(&w.poll_interval_ms) {
        err(
            "watch.poll_interval_ms".into(),
            format!("{} is out of range (100 to 3600000)", w.poll_interval_ms),
        );
    }
    for (field, globs) in [("include", &w.include), ("exclude", &w.exclude)] {
        for (i, g) in globs.iter().enumerate() {
            if let Err(e) = globset::Glob::new(g) {
                err(
                    format!("watch.{field}[{i}]"),
                    format!("bad glob {g:?}: {e}"),
                );
            }
        }
    }
    for (i, r) in w.roots.iter().enumerate() {
        if r.as_os_str().is_empty() {
            err(format!("watch.roots[{i}]"), "empty path".into());
        }
    }
    if c.state.dir.as_os_str().is_empty() {
        err("state.dir".into(), "empty path".into());
    }
    if c.state.history_max_revisions == 0 {
        err(
            "state.history_max_revisions".into(),
            "must be at least 1".into(),
        );
    }
    if let Some(level) = &c.log.level
        && let Err(message) = log_filter(level)
    {
        err("log.level".into(), message);
    }
    let sink_names: Vec<&str> = c.alerts.sinks.iter().map(|s| s.name.as_str()).collect();
    for (i, s) in c.alerts.sinks.iter().enumerate() {
        let key = |f: &str| format!("alerts.sinks[{i}].{f}");
        if s.name.is_empty() {
            err(key("name"), "missing".into());
        } else if sink_names.iter().filter(|n| **n == s.name).count() > 1 {
            err(
                key("name"),
                format!("{:?} is used by more than one sink", s.name),
            );
        }
        if s.timeout_ms == Some(0) {
            err(key("timeout_ms"), "must be above 0".into());
        }
        if s.queue == Some(0) {
            err(key("queue"), "must be above 0".into());
        }
        if s.retries.is_some_and(|r| r > 20) {
            err(key("retries"), "at most 20".into());
        }
        if s.kind != "webhook" && (!s.headers.is_empty() || s.token_env.is_some()) {
            err(
                key("headers"),
                "headers and token_env only apply to a webhook sink".into(),
            );
        }
        for e in publish::validate_sink(s) {
            err(key(&e.key), e.message);
        }
        match s.kind.as_str() {
            "webhook" if s.url.is_none() => err(key("url"), "a webhook sink needs a url".into()),
            "webhook" => {
                let url = s.url.as_deref().unwrap_or_default();
                if !url.starts_with("env:")
                    && !url.starts_with("http://")
                    && !url.starts_with("https://")
                {
                    err(key("url"), format!("{url:?} is not an http(s) URL"));
                }
            }
            "command" if s.command.as_ref().is_none_or(|c| c.is_empty()) => err(
                key("command"),
                "a command sink needs command = [argv...]".into(),
            ),
            "file" | "command" | "nats" | "" => {}
            other => err(
                key("type"),
                format!("{other:?} is not one of {}", SINK_TYPES.join(", ")),
            ),
        }
    }
    for (i, r) in c.alerts.rules.iter().enumerate() {
        let key = |f: &str| format!("alerts.rules[{i}].{f}");
        if r.name.is_empty() {
            err(key("name"), "missing".into());
        }
        if let Some(s) = &r.min_severity
            && !SEVERITIES.contains(&s.as_str())
        {
            err(
                key("min_severity"),
                format!("{s:?} is not one of {}", SEVERITIES.join(", ")),
            );
        }
        for (field, values, allowed) in [
            ("details", &r.details, DETAILS),
            ("kinds", &r.kinds, KINDS),
            ("parts", &r.parts, PARTS),
            ("ops", &r.ops, OPS),
            ("events", &r.events, EVENTS),
        ] {
            for (j, v) in values.iter().enumerate() {
                if !allowed.contains(&v.as_str()) {
                    err(
                        format!("alerts.rules[{i}].{field}[{j}]"),
                        format!("{v:?} is not one of {}", allowed.join(", ")),
                    );
                }
            }
        }
        for (j, g) in r.paths.iter().enumerate() {
            if let Err(e) = globset::Glob::new(g) {
                err(
                    format!("alerts.rules[{i}].paths[{j}]"),
                    format!("bad glob {g:?}: {e}"),
                );
            }
        }
        for (j, s) in r.sinks.iter().enumerate() {
            if !sink_names.contains(&s.as_str()) {
                err(
                    format!("alerts.rules[{i}].sinks[{j}]"),
                    format!("no sink named {s:?} in [[alerts.sinks]]"),
                );
            }
        }
    }
    if let Some(addr) = &c.metrics.listen {
        match addr.parse::<std::net::SocketAddr>() {
            Err(_) => err(
                "metrics.listen".into(),
                format!("{addr:?} is not an address like 127.0.0.1:9898"),
            ),
            Ok(a) if !a.ip().is_loopback() && !c.metrics.allow_remote => err(
                "metrics.listen".into(),
                format!("{addr} is not loopback; set metrics.allow_remote = true to allow it"),
            ),
            Ok(_) => {}
        }
    }
    errs.extend(publish::validate(&c.publish));
    errs.extend(store::validate(&c.store, &c.node));
    errs
}
