//! Config resolution: the file, the environment and the command line
//! merged into one [`Config`] ([`resolve_config`], [`check_config`]), the
//! engine [`Settings`] a config compiles to, and how a resolved config is
//! described in messages.

use std::path::{Path, PathBuf};

use tracing::warn;

use super::DaemonError;
use crate::config::{self, Config, ConfigErrors};
use crate::sinks::alerts::AlertPlan;
use crate::sinks::nats::NatsSpec;
use crate::watch::{Filter, Root, Settings};

/// Command-line settings that win over the config file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub roots: Vec<PathBuf>,
    pub state: Option<PathBuf>,
}

/// Everything `run` needs, kept so that SIGHUP can re-read the config.
#[derive(Debug, Clone)]
pub struct Options {
    pub config_path: Option<PathBuf>,
    pub overrides: Overrides,
}

/// Loads the config (or defaults), then applies the environment and the
/// command line: `--state` > `CLAIMWATCH_STATE_DIR` > file > `./.claimwatch`;
/// command-line paths > `[watch] roots` > `.`.
pub fn resolve_config(opts: &Options) -> Result<Config, ConfigErrors> {
    let (cfg, errors) = resolve_all(opts);
    all_or_errors(opts, cfg, errors)
}

/// [`resolve_config`], collecting every error instead of stopping.
fn resolve_all(opts: &Options) -> (Config, Vec<config::ConfigError>) {
    let (mut cfg, mut errors) = match &opts.config_path {
        Some(p) => config::load_all(p),
        None => (Config::default(), Vec::new()),
    };
    errors.extend(config::apply_env(&mut cfg));
    if let Some(s) = &opts.overrides.state {
        cfg.state.dir = s.clone();
    }
    if !opts.overrides.roots.is_empty() {
        cfg.watch.roots = opts.overrides.roots.clone();
    }
    if cfg.watch.roots.is_empty() {
        cfg.watch.roots.push(PathBuf::from("."));
    }
    (cfg, errors)
}

/// `check-config`: the config's own errors, the environment's
/// (`CLAIMWATCH_LOG`) and what it would meet at start (folders, programs,
/// secrets), all in one list.
pub fn check_config(opts: &Options) -> Result<Config, ConfigErrors> {
    let (cfg, mut errors) = resolve_all(opts);
    errors.extend(config::check_environment(&cfg));
    all_or_errors(opts, cfg, errors)
}

/// The config when nothing was wrong, else every error with the file.
fn all_or_errors(
    opts: &Options,
    cfg: Config,
    errors: Vec<config::ConfigError>,
) -> Result<Config, ConfigErrors> {
    if errors.is_empty() {
        return Ok(cfg);
    }
    Err(ConfigErrors {
        file: opts.config_path.clone(),
        errors,
    })
}

/// Canonical roots, the filter (ignoring the state dir and change log) and
/// engine limits for a config.
pub(super) fn settings(cfg: &Config) -> Result<Settings, DaemonError> {
    let mut roots = Vec::new();
    for r in &cfg.watch.roots {
        let root = Root::new(r).map_err(|e| {
            DaemonError::Fatal(format!(
                "cannot watch {}: {e}; create the folder or fix [watch] roots / the command-line paths",
                r.display()
            ))
        })?;
        if !roots.contains(&root) {
            roots.push(root);
        }
    }
    // A root inside another root would report its files twice.
    let all = roots.clone();
    roots.retain(|r| {
        let outer = all.iter().find(|o| *o != r && r.dir.starts_with(&o.dir));
        if let Some(o) = outer {
            warn!(
                "{} is inside {}; watching it once, as part of the outer folder",
                r.dir.display(),
                o.dir.display()
            );
        }
        outer.is_none()
    });
    let alerts = AlertPlan::compile(cfg)
        .map_err(|e| DaemonError::Fatal(format!("{e}; fix [alerts] or set the variable")))?;
    let mut ignored = Vec::new();
    for p in [cfg.state.dir.clone(), cfg.changes_path()]
        .into_iter()
        .chain(alerts.files())
        .chain(cfg.report.dir.clone())
    {
        ignored.push(std::fs::canonicalize(&p).unwrap_or(p));
    }
    let filter = Filter::new(&cfg.watch, ignored)
        .map_err(|e| DaemonError::Fatal(format!("bad glob in [watch]: {e}")))?;
    Ok(Settings {
        roots,
        filter,
        max_file_bytes: cfg.watch.max_file_bytes,
        keep_raw: cfg.state.history_max_revisions,
        alerts,
        created_claims: cfg.log.created_claims,
        publish: NatsSpec::compile(cfg).map_err(|e| {
            DaemonError::Fatal(format!("{e}; fix [publish] nats or set the variable"))
        })?,
    })
}

/// The change-log path and roots a config resolves to (for messages).
pub fn describe(cfg: &Config) -> String {
    let roots: Vec<String> = cfg
        .watch
        .roots
        .iter()
        .map(|r| r.display().to_string())
        .collect();
    format!(
        "roots {}; state {}; change log {}",
        roots.join(", "),
        cfg.state.dir.display(),
        cfg.changes_path().display()
    )
}

/// True when a path is inside the state folder (used by tests and tools).
pub fn is_state_path(cfg: &Config, p: &Path) -> bool {
    p.starts_with(&cfg.state.dir)
}
