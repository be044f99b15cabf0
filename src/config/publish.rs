//! `[publish]`: the event stream to NATS JetStream (`nats = { url, stream,
//! subject }`), its defaults and its validation.

use serde::Deserialize;

use super::ConfigError;

/// `[publish]`: where change events are published besides the change log.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct PublishConfig {
    /// Off when absent.
    pub nats: Option<NatsConfig>,
}

/// `[publish] nats = { … }`: every change event to a JetStream stream.
#[derive(Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct NatsConfig {
    /// `nats://[user:pass@]host:port` (or `env:VAR`).
    pub url: String,
    /// The stream, created if missing.
    pub stream: String,
    /// Subject template; `{severity}` and `{event}` are filled in per event.
    pub subject: String,
    /// The stream's de-duplication window (only used when creating it).
    pub duplicate_window_ms: u64,
    /// Connect and publish-ack timeout.
    pub timeout_ms: u64,
}

impl Default for NatsConfig {
    fn default() -> Self {
        NatsConfig {
            url: "nats://127.0.0.1:4222".into(),
            stream: "CLAIMWATCH".into(),
            subject: "claimwatch.events.{severity}".into(),
            // Ten minutes: longer than a crash, a restart and the start-up
            // scan, so a re-publish of an acked event is dropped.
            duplicate_window_ms: 600_000,
            timeout_ms: 5_000,
        }
    }
}

// Hand-written so a token in the URL never reaches a log line.
impl std::fmt::Debug for NatsConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NatsConfig")
            .field("url", &redact_url(&self.url))
            .field("stream", &self.stream)
            .field("subject", &self.subject)
            .field("duplicate_window_ms", &self.duplicate_window_ms)
            .field("timeout_ms", &self.timeout_ms)
            .finish()
    }
}

/// A URL without its user-info part (`nats://tok@host` → `nats://host`).
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => format!("{}{}", &url[..s + 3], &url[at + 1..]),
        _ => url.to_string(),
    }
}

/// Placeholders a subject template may hold.
pub const PLACEHOLDERS: &[&str] = &["{severity}", "{event}"];

/// The subjects the stream must cover for `template`: its fixed leading
/// tokens and `>` (`claimwatch.events.{severity}` → `claimwatch.events.>`),
/// or the subject itself when it has no placeholder.
pub fn stream_subject(template: &str) -> String {
    let tokens: Vec<&str> = template.split('.').collect();
    match tokens.iter().position(|t| t.contains('{')) {
        None => template.to_string(),
        Some(i) => format!("{}.>", tokens[..i].join(".")),
    }
}

/// Checks `[publish]`; key paths start with `publish.nats`.
pub fn validate(p: &PublishConfig) -> Vec<ConfigError> {
    let mut errs = Vec::new();
    let Some(n) = &p.nats else {
        return errs;
    };
    let mut err = |f: &str, message: String| {
        errs.push(ConfigError {
            key: format!("publish.nats.{f}"),
            message,
        })
    };
    let url = n.url.as_str();
    if !url.starts_with("env:") && !url.starts_with("nats://") && !url.starts_with("tls://") {
        err(
            "url",
            format!(
                "{:?} is not a nats:// or tls:// URL (or env:VAR)",
                redact_url(url)
            ),
        );
    }
    // JetStream stream names: no whitespace, dots, wildcards or slashes.
    let bad_name = |c: char| c.is_whitespace() || c.is_control() || ".*>/\\".contains(c);
    if n.stream.is_empty() || n.stream.len() > 255 || n.stream.contains(bad_name) {
        err(
            "stream",
            format!(
                "{:?} is not a stream name (1 to 255 characters, no spaces, '.', '*', '>', '/' or '\\')",
                n.stream
            ),
        );
    }
    if let Err(m) = check_subject(&n.subject) {
        err("subject", m);
    }
    if !(1_000..=86_400_000).contains(&n.duplicate_window_ms) {
        err(
            "duplicate_window_ms",
            format!(
                "{} is out of range (1000 to 86400000, one second to one day)",
                n.duplicate_window_ms
            ),
        );
    }
    if !(100..=600_000).contains(&n.timeout_ms) {
        err(
            "timeout_ms",
            format!("{} is out of range (100 to 600000)", n.timeout_ms),
        );
    }
    errs
}

/// The `[[alerts.sinks]]` defaults of a `nats` sink.
pub const ALERT_STREAM: &str = "CLAIMWATCH_ALERTS";
pub const ALERT_SUBJECT: &str = "claimwatch.alerts.{severity}";

/// Checks a `type = "nats"` alert sink, and that no other sink sets its
/// keys; error keys are relative to the sink.
pub fn validate_sink(s: &super::AlertSink) -> Vec<ConfigError> {
    if s.kind != "nats" {
        return [("stream", &s.stream), ("subject", &s.subject)]
            .into_iter()
            .filter(|(_, v)| v.is_some())
            .map(|(k, _)| ConfigError {
                key: k.into(),
                message: "only applies to a nats sink (type = \"nats\")".into(),
            })
            .collect();
    }
    let n = NatsConfig {
        url: s.url.clone().unwrap_or_default(),
        stream: s.stream.clone().unwrap_or_else(|| ALERT_STREAM.into()),
        subject: s.subject.clone().unwrap_or_else(|| ALERT_SUBJECT.into()),
        ..Default::default()
    };
    let mut errs = validate(&PublishConfig { nats: Some(n) });
    for e in &mut errs {
        e.key = e.key.trim_start_matches("publish.nats.").to_string();
    }
    if s.url.is_none() {
        errs.retain(|e| e.key != "url");
        errs.insert(
            0,
            ConfigError {
                key: "url".into(),
                message: "a nats sink needs a url (nats://host:4222 or env:VAR)".into(),
            },
        );
    }
    errs
}

/// A publish subject: dot-separated non-empty tokens, no wildcards or
/// spaces, placeholders only as whole tokens and not the first one (the
/// stream would then have to take every subject on the server).
fn check_subject(s: &str) -> Result<(), String> {
    let why = |m: &str| Err(format!("{s:?} {m}"));
    if s.is_empty() {
        return why("is empty");
    }
    for (i, t) in s.split('.').enumerate() {
        if t.is_empty() {
            return why("has an empty token (two dots, or a dot at an end)");
        }
        if t.contains(|c: char| c.is_whitespace() || c.is_control() || c == '*' || c == '>') {
            return why(
                "holds a space or a wildcard ('*', '>'); publish subjects name one subject",
            );
        }
        if t.contains(['{', '}']) {
            if !PLACEHOLDERS.contains(&t) {
                return why(&format!(
                    "holds {t:?}; placeholders are whole tokens, one of {}",
                    PLACEHOLDERS.join(", ")
                ));
            }
            if i == 0 {
                return why(
                    "starts with a placeholder; start it with a fixed token such as \"claimwatch\"",
                );
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stream_subjects_cover_the_template() {
        assert_eq!(
            stream_subject("claimwatch.events.{severity}"),
            "claimwatch.events.>"
        );
        assert_eq!(stream_subject("a.{event}.x.{severity}"), "a.>");
        assert_eq!(stream_subject("cw.all"), "cw.all");
    }

    #[test]
    fn bad_subjects_and_names_are_explained() {
        assert!(check_subject("claimwatch.events.{severity}").is_ok());
        for bad in ["", "a..b", "a.*", "a.>", "{severity}.x", "a.{sev}", "a b.c"] {
            assert!(check_subject(bad).is_err(), "{bad}");
        }
        let p = PublishConfig {
            nats: Some(NatsConfig {
                url: "http://x".into(),
                stream: "A.B".into(),
                ..Default::default()
            }),
        };
        let keys: Vec<String> = validate(&p).into_iter().map(|e| e.key).collect();
        assert_eq!(keys, ["publish.nats.url", "publish.nats.stream"]);
        assert!(validate(&PublishConfig::default()).is_empty());
    }

    #[test]
    fn urls_are_shown_without_credentials() {
        assert_eq!(redact_url("nats://tok@h:4222"), "nats://h:4222");
        assert_eq!(redact_url("nats://h:4222"), "nats://h:4222");
        let n = NatsConfig {
            url: "nats://u:secret@h".into(),
            ..Default::default()
        };
        assert!(!format!("{n:?}").contains("secret"));
    }
}
