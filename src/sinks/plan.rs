//! The compiled alert configuration ([`AlertPlan`]): rules, sinks with
//! their delivery settings, and secrets read from the environment
//! ([`Secret`], never printed).

use std::path::PathBuf;
use std::time::Duration;

use super::rules::Rule;
use crate::config::{AlertsConfig, Config};

/// The sink rules without `sinks` deliver to: `<state dir>/alerts.jsonl`.
pub const DEFAULT_SINK: &str = "default";
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
const DEFAULT_RETRIES: u32 = 3;
const DEFAULT_BACKOFF: Duration = Duration::from_millis(500);
const DEFAULT_QUEUE: usize = 256;

/// A value read from the config or the environment that must never be
/// logged (webhook URL, header values). `Debug` prints `<redacted>`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// `env:VAR` reads the variable (an error names the variable only);
    /// anything else is taken literally.
    pub fn resolve(value: &str, what: &str) -> Result<Secret, String> {
        match value.strip_prefix("env:") {
            Some(var) => match std::env::var(var) {
                Ok(v) if !v.is_empty() => Ok(Secret(v)),
                _ => Err(format!(
                    "{what} comes from the environment variable {var}, which is not set"
                )),
            },
            None => Ok(Secret(value.to_string())),
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Where one sink delivers.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    File(PathBuf),
    Webhook {
        url: Secret,
        headers: Vec<(String, Secret)>,
    },
    Command(Vec<String>),
    /// A JetStream stream, the alert id as `Nats-Msg-Id`.
    Nats(super::nats::NatsSpec),
}

/// One compiled sink.
#[derive(Debug, Clone, PartialEq)]
pub struct SinkSpec {
    pub name: String,
    pub target: Target,
    pub timeout: Duration,
    pub retry: (u32, Duration),
    pub queue: usize,
}

/// Compiled rules and sinks; cheap to clone, compared on reload.
#[derive(Debug, Clone, Default)]
pub struct AlertPlan {
    pub rules: Vec<Rule>,
    pub sinks: Vec<SinkSpec>,
    /// What it was compiled from (to tell whether a reload changed it).
    source: Option<(AlertsConfig, PathBuf)>,
}

impl AlertPlan {
    /// Compiles the `[alerts]` section, resolving `env:` secrets. Errors
    /// are for the operator (exit 1 at start, old plan kept on reload).
    pub fn compile(cfg: &Config) -> Result<AlertPlan, String> {
        let a = &cfg.alerts;
        let mut sinks = Vec::new();
        for s in &a.sinks {
            let what = |f: &str| format!("alerts sink {:?} {f}", s.name);
            let target = match s.kind.as_str() {
                "webhook" => {
                    let url = Secret::resolve(s.url.as_deref().unwrap_or_default(), &what("url"))?;
                    let mut headers = Vec::new();
                    for (k, v) in &s.headers {
                        headers.push((
                            k.clone(),
                            Secret::resolve(v, &what(&format!("header {k}")))?,
                        ));
                    }
                    if let Some(var) = &s.token_env {
                        let tok = Secret::resolve(&format!("env:{var}"), &what("token_env"))?;
                        headers.push((
                            "authorization".into(),
                            Secret(format!("Bearer {}", tok.expose())),
                        ));
                    }
                    Target::Webhook { url, headers }
                }
                "command" => Target::Command(s.command.clone().unwrap_or_default()),
                "nats" => Target::Nats(super::nats::NatsSpec::for_sink(
                    s,
                    s.timeout_ms
                        .map(Duration::from_millis)
                        .unwrap_or(DEFAULT_TIMEOUT),
                    &what("url"),
                )?),
                _ => Target::File(
                    s.path
                        .clone()
                        .unwrap_or_else(|| cfg.state.dir.join("alerts.jsonl")),
                ),
            };
            sinks.push(SinkSpec {
                name: s.name.clone(),
                target,
                timeout: s
                    .timeout_ms
                    .map(Duration::from_millis)
                    .unwrap_or(DEFAULT_TIMEOUT),
                retry: (
                    s.retries.unwrap_or(DEFAULT_RETRIES),
                    s.backoff_ms
                        .map(Duration::from_millis)
                        .unwrap_or(DEFAULT_BACKOFF),
                ),
                queue: s
                    .queue
                    .map(|q| q.clamp(1, 100_000) as usize)
                    .unwrap_or(DEFAULT_QUEUE),
            });
        }
        let default_sinks = vec![DEFAULT_SINK.to_string()];
        let mut rules = Vec::new();
        for r in &a.rules {
            rules.push(Rule::compile(r, &default_sinks)?);
        }
        let needs_default = rules
            .iter()
            .any(|r| r.sinks.iter().any(|s| s == DEFAULT_SINK));
        if needs_default && !sinks.iter().any(|s| s.name == DEFAULT_SINK) {
            sinks.push(SinkSpec {
                name: DEFAULT_SINK.into(),
                target: Target::File(cfg.state.dir.join("alerts.jsonl")),
                timeout: DEFAULT_TIMEOUT,
                retry: (DEFAULT_RETRIES, DEFAULT_BACKOFF),
                queue: DEFAULT_QUEUE,
            });
        }
        for r in &rules {
            for s in &r.sinks {
                if !sinks.iter().any(|k| &k.name == s) {
                    return Err(format!("rule {:?} names no known sink {s:?}", r.name));
                }
            }
        }
        Ok(AlertPlan {
            rules,
            sinks,
            source: Some((a.clone(), cfg.state.dir.clone())),
        })
    }

    /// Whether two plans come from the same config (and environment).
    pub fn same_as(&self, other: &AlertPlan) -> bool {
        self.source == other.source && self.sinks == other.sinks
    }

    /// Paths of the file sinks (ignored by the watcher like the change log).
    pub fn files(&self) -> Vec<PathBuf> {
        self.sinks
            .iter()
            .filter_map(|s| match &s.target {
                Target::File(p) => Some(p.clone()),
                _ => None,
            })
            .collect()
    }
}
