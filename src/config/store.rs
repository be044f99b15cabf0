//! `[store]` (where the history lives: the SQLite file in the state
//! folder, or a shared PostgreSQL) and `[node]` (this host's name among
//! nodes sharing one, and how fast a standby takes a root over), their
//! defaults and their validation.

use serde::Deserialize;

use super::ConfigError;

/// `[store]`: SQLite in the state folder unless `url` is set.
#[derive(Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct StoreConfig {
    /// `postgres://user[:password]@host[:port]/db` (libpq's URL or
    /// `key=value` form), or `env:VAR`. Unset: SQLite.
    pub url: Option<String>,
}

// Hand-written so a password in the URL never reaches a log line.
impl std::fmt::Debug for StoreConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoreConfig")
            .field("url", &self.url.as_deref().map(super::redact_url))
            .finish()
    }
}

/// `[node]`: who this node is among those sharing a store.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct NodeConfig {
    /// Stamped on every row this node writes; default: the host name.
    pub name: Option<String>,
    /// A standby takes over a root within this long of its owner's death.
    pub takeover_ms: u64,
}

impl Default for NodeConfig {
    fn default() -> Self {
        NodeConfig {
            name: None,
            takeover_ms: 10_000,
        }
    }
}

impl NodeConfig {
    /// The node's name: `[node] name`, else the host name, else `node`.
    pub fn resolved_name(&self) -> String {
        if let Some(n) = self.name.as_ref().filter(|n| !n.is_empty()) {
            return n.clone();
        }
        let mut buf = [0u8; 256];
        // SAFETY: gethostname(2) writes at most `buf.len()` bytes into our buffer.
        let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
        let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
        match std::str::from_utf8(&buf[..end]) {
            Ok(h) if rc == 0 && !h.is_empty() => h.to_string(),
            _ => "node".to_string(),
        }
    }
}

/// The value checks of `[store]` and `[node]`.
pub fn validate(store: &StoreConfig, node: &NodeConfig) -> Vec<ConfigError> {
    let mut errs = Vec::new();
    if let Some(url) = &store.url {
        let kv = url.contains('=') && !url.contains("://");
        if !url.starts_with("env:")
            && !url.starts_with("postgres://")
            && !url.starts_with("postgresql://")
            && !kv
        {
            errs.push(ConfigError {
                key: "store.url".into(),
                message: format!(
                    "{:?} is not a postgres:// URL, key=value connection string or env:VAR (leave it out for the SQLite store in the state folder)",
                    super::redact_url(url)
                ),
            });
        }
    }
    if let Some(n) = &node.name
        && (n.is_empty() || n.len() > 200 || n.chars().any(char::is_control))
    {
        errs.push(ConfigError {
            key: "node.name".into(),
            message: "must be 1 to 200 printable characters".into(),
        });
    }
    if !(1_000..=3_600_000).contains(&node.takeover_ms) {
        errs.push(ConfigError {
            key: "node.takeover_ms".into(),
            message: format!(
                "{} is out of range (1000 to 3600000, one second to one hour)",
                node.takeover_ms
            ),
        });
    }
    errs
}
