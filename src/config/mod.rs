//! Configuration (SPEC section 6): the TOML file, its defaults and its
//! validation. Main type: [`Config`]; [`load`] reports every error at once
//! ([`ConfigErrors`]), each with its key path.
//!
//! Validation runs on the raw TOML tree first (so unknown keys and wrong
//! types are all collected, not just the first serde would stop at), then on
//! the typed values (ranges, globs, references between rules and sinks).

mod environment;
mod level;
mod prune;
mod publish;
mod schema;
mod store;
mod values;

use std::path::{Path, PathBuf};

use serde::Deserialize;

pub use environment::check_environment;
pub use level::{LEVEL_NAMES, log_filter, with_quiet_libraries};
pub use publish::{
    ALERT_STREAM, ALERT_SUBJECT, NatsConfig, PublishConfig, redact_url, stream_subject,
};
pub use schema::validate_tree;
pub use store::{NodeConfig, StoreConfig};

/// Environment variable that overrides `[state] dir`.
pub const ENV_STATE_DIR: &str = "CLAIMWATCH_STATE_DIR";
/// Environment variable that overrides `[store] url` (a shared
/// PostgreSQL store; the URL may hold a password, kept out of files).
pub const ENV_STORE_URL: &str = "CLAIMWATCH_STORE_URL";
/// Environment variable that overrides `[log] level` (a level name, or
/// per-target levels such as `claimwatch=debug,info`).
pub const ENV_LOG: &str = "CLAIMWATCH_LOG";

/// The whole configuration file.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub watch: WatchConfig,
    pub state: StateConfig,
    pub log: LogConfig,
    pub alerts: AlertsConfig,
    pub metrics: MetricsConfig,
    pub report: ReportConfig,
    pub publish: PublishConfig,
    pub store: StoreConfig,
    pub node: NodeConfig,
}

/// `[report]`: regenerate the HTML report (`claimwatch report`) into `dir`
/// after events, waiting `debounce_ms` for a burst of events to end.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct ReportConfig {
    /// Off when unset.
    pub dir: Option<PathBuf>,
    pub debounce_ms: u64,
}

impl Default for ReportConfig {
    fn default() -> Self {
        ReportConfig {
            dir: None,
            debounce_ms: 2000,
        }
    }
}

/// `[watch]`: what to watch and how.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct WatchConfig {
    /// Folders to watch, recursively. Command-line paths replace these.
    pub roots: Vec<PathBuf>,
    /// Globs (relative to a root) a file must match to be an article.
    pub include: Vec<String>,
    /// Globs (relative to a root) that exclude a file even if included.
    pub exclude: Vec<String>,
    /// How long a file must be quiet before it is read, in milliseconds.
    pub debounce_ms: u64,
    /// Files larger than this are skipped with a warning.
    pub max_file_bytes: u64,
    /// Poll instead of using inotify (network filesystems).
    pub poll: bool,
    /// Interval between polls when `poll = true`, in milliseconds.
    pub poll_interval_ms: u64,
}

impl Default for WatchConfig {
    fn default() -> Self {
        WatchConfig {
            roots: Vec::new(),
            include: default_include(),
            exclude: Vec::new(),
            debounce_ms: 200,
            max_file_bytes: 5 * 1024 * 1024,
            poll: false,
            poll_interval_ms: 2000,
        }
    }
}

/// The article and feed extensions watched by default.
pub fn default_include() -> Vec<String> {
    [
        "*.txt",
        "*.md",
        "*.markdown",
        "*.html",
        "*.htm",
        "*.xml",
        "*.rss",
        "*.atom",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// `[state]`: where the snapshot store lives.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct StateConfig {
    /// The state folder (SQLite store, default change log).
    pub dir: PathBuf,
    /// Raw text is kept for this many latest revisions of each file; older
    /// revisions keep only their claims.
    pub history_max_revisions: u32,
}

impl Default for StateConfig {
    fn default() -> Self {
        StateConfig {
            dir: PathBuf::from(".claimwatch"),
            history_max_revisions: 50,
        }
    }
}

/// Human log line format on stderr.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    #[default]
    Text,
    Json,
    Journald,
}

/// `[log]`: change log and stderr logging.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct LogConfig {
    /// The JSON Lines change log; default `<state dir>/changes.jsonl`.
    pub changes: Option<PathBuf>,
    /// Format of the human log on stderr.
    pub format: LogFormat,
    /// Log level (`info`, `warning`, `err`, …) or per-target levels
    /// (`claimwatch=debug,info`); see [`log_filter`].
    pub level: Option<String>,
    /// How much of each claim a `created` event lists.
    pub created_claims: CreatedClaims,
}

/// `[log] created_claims`: what a `created` event says about each claim
/// (every claim of a new article is `added`; SPEC section 5).
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum CreatedClaims {
    /// id, kind, part, text, speaker and numbers per claim.
    #[default]
    Compact,
    /// Every field, as in a `modified` event.
    Full,
    /// The summary counts only, no claims.
    None,
}

/// `[alerts]`: rules (which events alert) and sinks (where alerts go);
/// compiled and delivered by [`crate::sinks::alerts`].
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct AlertsConfig {
    pub rules: Vec<AlertRule>,
    pub sinks: Vec<AlertSink>,
}

/// One `[[alerts.rules]]` entry.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct AlertRule {
    pub name: String,
    pub min_severity: Option<String>,
    pub details: Vec<String>,
    pub kinds: Vec<String>,
    /// Where the claim stands: headline, standfirst, body.
    pub parts: Vec<String>,
    pub ops: Vec<String>,
    pub events: Vec<String>,
    pub keywords: Vec<String>,
    pub entities: Vec<String>,
    pub paths: Vec<String>,
    pub sinks: Vec<String>,
}

/// One `[[alerts.sinks]]` entry. Secrets (`headers` values, the `url`)
/// may be written `env:VAR` to read them from the environment at start.
#[derive(Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct AlertSink {
    pub name: String,
    /// `file` (the default), `webhook` or `command`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Webhook URL (or `env:VAR`).
    pub url: Option<String>,
    /// File sink path; default `<state dir>/alerts.jsonl`.
    pub path: Option<PathBuf>,
    /// Command sink argv (no shell).
    pub command: Option<Vec<String>>,
    /// Per-attempt timeout (webhook request, command run).
    pub timeout_ms: Option<u64>,
    /// Retries after the first attempt before the alert waits for a later round.
    pub retries: Option<u32>,
    /// First retry delay; doubles per retry, with jitter.
    pub backoff_ms: Option<u64>,
    /// Alerts queued for this sink at most (the rest wait in the outbox).
    pub queue: Option<u64>,
    /// Extra HTTP headers for a webhook; values may be `env:VAR`.
    pub headers: std::collections::BTreeMap<String, String>,
    /// Environment variable holding a bearer token for a webhook.
    pub token_env: Option<String>,
    /// NATS sink: the JetStream stream (created if missing) and subject.
    pub stream: Option<String>,
    pub subject: Option<String>,
}

// Hand-written so header values (tokens) never reach a log line.
impl std::fmt::Debug for AlertSink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let headers: Vec<&String> = self.headers.keys().collect();
        f.debug_struct("AlertSink")
            .field("name", &self.name)
            .field("type", &self.kind)
            .field("path", &self.path)
            .field("command", &self.command)
            .field("timeout_ms", &self.timeout_ms)
            .field("retries", &self.retries)
            .field("headers", &headers)
            .field("token_env", &self.token_env)
            .finish_non_exhaustive()
    }
}

/// `[metrics]`: off unless a listen address is given.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct MetricsConfig {
    pub listen: Option<String>,
    /// Allow a non-loopback listen address.
    pub allow_remote: bool,
}

/// One problem in the configuration, with its key path (`watch.debounce_ms`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub key: String,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.key.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.key, self.message)
        }
    }
}

/// Every problem found in one configuration file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigErrors {
    pub file: Option<PathBuf>,
    pub errors: Vec<ConfigError>,
}

impl std::fmt::Display for ConfigErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.errors.len();
        match &self.file {
            Some(p) => write!(
                f,
                "invalid config {}: {n} error{}",
                p.display(),
                if n == 1 { "" } else { "s" }
            )?,
            None => write!(
                f,
                "invalid config: {n} error{}",
                if n == 1 { "" } else { "s" }
            )?,
        }
        for e in &self.errors {
            write!(f, "\n  {e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigErrors {}

impl Config {
    /// The change log path: `[log] changes` or `<state dir>/changes.jsonl`.
    pub fn changes_path(&self) -> PathBuf {
        self.log
            .changes
            .clone()
            .unwrap_or_else(|| self.state.dir.join("changes.jsonl"))
    }

    /// The SQLite store path inside the state dir.
    pub fn store_path(&self) -> PathBuf {
        self.state.dir.join("claimwatch.db")
    }
}

/// Parses and validates TOML text; `file` only labels errors.
pub fn parse(text: &str, file: Option<&Path>) -> Result<Config, ConfigErrors> {
    let (config, errors) = parse_all(text);
    if errors.is_empty() {
        Ok(config)
    } else {
        Err(ConfigErrors {
            file: file.map(Path::to_path_buf),
            errors,
        })
    }
}

/// Parses TOML text and collects every error in one pass: keys with a
/// wrong shape are reported, then left out so that the values of all the
/// other keys are still checked (one `check-config` run lists everything,
/// not one round of errors at a time). The config returned has defaults
/// where keys were wrong.
pub fn parse_all(text: &str) -> (Config, Vec<ConfigError>) {
    let mut tree: toml::Table = match text.parse() {
        Ok(t) => t,
        Err(e) => {
            let key = String::new();
            let message = format!("not valid TOML: {}", e.to_string().trim());
            return (Config::default(), vec![ConfigError { key, message }]);
        }
    };
    let mut errors = validate_tree(&tree);
    for e in &errors {
        prune::remove(&mut tree, &e.key);
    }
    let config: Config = match Config::deserialize(toml::Value::Table(tree)) {
        Ok(c) => c,
        Err(e) => {
            // The tree walk should have caught this; report serde's view.
            errors.push(ConfigError {
                key: String::new(),
                message: e.to_string().trim().to_string(),
            });
            return (Config::default(), errors);
        }
    };
    let shape_errors = errors.clone();
    errors.extend(
        values::validate_values(&config)
            .into_iter()
            .filter(|v| !shape_errors.iter().any(|s| prune::covers(&s.key, &v.key))),
    );
    (config, errors)
}

/// Reads and validates a config file. An unreadable file is one error.
pub fn load(path: &Path) -> Result<Config, ConfigErrors> {
    let (config, errors) = load_all(path);
    if errors.is_empty() {
        Ok(config)
    } else {
        Err(ConfigErrors {
            file: Some(path.to_path_buf()),
            errors,
        })
    }
}

/// [`parse_all`] on a file.
pub fn load_all(path: &Path) -> (Config, Vec<ConfigError>) {
    match std::fs::read_to_string(path) {
        Ok(text) => parse_all(&text),
        Err(e) => (
            Config::default(),
            vec![ConfigError {
                key: String::new(),
                message: format!("cannot read the file: {e}"),
            }],
        ),
    }
}

/// Applies the environment overrides (`CLAIMWATCH_STATE_DIR`,
/// `CLAIMWATCH_STORE_URL`, `CLAIMWATCH_LOG`); returns an error for a `CLAIMWATCH_LOG` that is not a
/// log level (it would otherwise silence every log line).
pub fn apply_env(config: &mut Config) -> Vec<ConfigError> {
    let mut errors = Vec::new();
    if let Some(dir) = std::env::var_os(ENV_STATE_DIR).filter(|v| !v.is_empty()) {
        config.state.dir = PathBuf::from(dir);
    }
    if let Some(url) = std::env::var(ENV_STORE_URL).ok().filter(|v| !v.is_empty()) {
        config.store.url = Some(url);
    }
    if let Some(level) = std::env::var(ENV_LOG).ok().filter(|v| !v.is_empty()) {
        if let Err(message) = log_filter(&level) {
            errors.push(ConfigError {
                key: ENV_LOG.into(),
                message,
            });
        }
        config.log.level = Some(level);
    }
    errors
}

#[cfg(test)]
mod tests;
