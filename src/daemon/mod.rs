//! The daemon ([`run`]) and the one-shot [`scan`]: wires config, store,
//! watcher and the reconcile engine; handles signals (TERM/INT drain, HUP
//! reload + change-log reopen) and systemd notification.
//!
//! The engine runs on its own blocking thread and owns the store, so SQLite
//! never blocks the async runtime; the runtime only waits for signals, pings
//! the watchdog and forwards messages.

pub mod inspect;
mod logging;
mod notify;
mod state;

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::mpsc;
use std::time::Duration;

use tokio::signal::unix::{SignalKind, signal};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use tracing::{error, info, warn};

use crate::config::{self, Config, ConfigErrors};
use crate::internal_events as ie;
use crate::sinks::alerts::AlertPlan;
use crate::sinks::changelog::ChangeLog;
use crate::sinks::nats::NatsSpec;
use crate::watch::{self, Engine, Filter, Root, Settings, Stats, WatchMsg, Watcher};

pub use logging::init_tracing;
pub use state::{
    StateLock, StoreSpec, in_store, lock_state, open_store, open_store_for, open_store_read_only,
};

/// How long shutdown waits for the file in hand before giving up.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(20);
/// How long shutdown and `scan` wait for webhook/command alerts in flight
/// (what is left stays in the outbox for the next start).
const ALERT_DRAIN: Duration = Duration::from_secs(5);

/// Why the daemon or a command could not run.
#[derive(Debug, thiserror::Error)]
pub enum DaemonError {
    /// Exit 2.
    #[error("{0}")]
    Config(#[from] ConfigErrors),
    /// Exit 1, with what to do.
    #[error("{0}")]
    Fatal(String),
}

impl DaemonError {
    pub fn exit_code(&self) -> u8 {
        match self {
            DaemonError::Config(_) => 2,
            DaemonError::Fatal(_) => 1,
        }
    }
}

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
    if errors.is_empty() {
        Ok(cfg)
    } else {
        Err(ConfigErrors {
            file: opts.config_path.clone(),
            errors,
        })
    }
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
    if errors.is_empty() {
        Ok(cfg)
    } else {
        Err(ConfigErrors {
            file: opts.config_path.clone(),
            errors,
        })
    }
}

/// Canonical roots, the filter (ignoring the state dir and change log) and
/// engine limits for a config.
fn settings(cfg: &Config) -> Result<Settings, DaemonError> {
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

/// Builds the engine: store, change log, roots.
fn engine(cfg: &Config) -> Result<(Engine, StateLock), DaemonError> {
    let settings = settings(cfg)?;
    let keys: Vec<String> = settings.roots.iter().map(|r| r.key.clone()).collect();
    let store = open_store_for(cfg, true, &keys)?;
    let lock = lock_state(cfg)?;
    let changes = cfg.changes_path();
    let log = ChangeLog::open(&changes).map_err(|e| {
        DaemonError::Fatal(format!(
            "cannot open the change log {}: {e}; fix [log] changes or its folder's permissions",
            changes.display()
        ))
    })?;
    Ok((Engine::new(store, log, settings), lock))
}

/// Takes this node's roots in a shared store; returns those another node
/// holds (none with SQLite).
fn claim(engine: &Engine, cfg: &Config) -> Result<Vec<crate::store::Held>, DaemonError> {
    let keys: Vec<String> = engine.roots().iter().map(|r| r.key.clone()).collect();
    engine
        .store()
        .claim_roots(&keys, Duration::from_millis(cfg.node.takeover_ms))
        .map_err(|e| DaemonError::Fatal(format!("cannot claim the roots in the store: {e}")))
}

/// "root X is owned by node Y" for each held root.
fn owned_elsewhere(held: &[crate::store::Held]) -> String {
    held.iter()
        .map(|h| match &h.node {
            Some(n) => format!("{} is owned by node {n}", h.root),
            None => format!("{} is owned by another node", h.root),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// How often a standby asks for its roots: a fifth of the takeover time,
/// so it takes over well within it once the owner's lock is gone.
fn standby_poll(cfg: &Config) -> Duration {
    Duration::from_millis((cfg.node.takeover_ms / 5).clamp(200, 2_000))
}

/// What one `scan` did, and what it could not deliver.
#[derive(Debug, Clone, Default)]
pub struct ScanReport {
    pub stats: Stats,
    /// (sink, events waiting in its outbox) for every sink with any: the
    /// change log, or an alert sink (`rule → sink`).
    pub waiting: Vec<(String, i64)>,
}

/// One reconcile pass over every root, as the daemon's start-up scan does;
/// returns its counts and what is left undelivered. Uses every core for
/// reading and extraction.
pub fn scan(cfg: &Config) -> Result<ScanReport, DaemonError> {
    let (mut engine, _lock) = engine(cfg)?;
    let held = claim(&engine, cfg)?;
    if !held.is_empty() {
        return Err(DaemonError::Fatal(format!(
            "{}; scan them on that node, or stop it first",
            owned_elsewhere(&held)
        )));
    }
    engine.progress = true;
    engine.deliver();
    let stats = engine.full_scan();
    engine.deliver();
    engine.drain_alerts(ALERT_DRAIN);
    let plan = AlertPlan::compile(cfg).map_err(DaemonError::Fatal)?;
    Ok(ScanReport {
        stats,
        waiting: crate::sinks::waiting(engine.store(), &plan, cfg.publish.nats.is_some()),
    })
}

/// What the async side tells the engine thread.
enum EngineMsg {
    Watch(WatchMsg),
    Reload(Box<Settings>, PathBuf),
    ReopenLog,
    Shutdown,
}

/// The engine thread: delivers leftovers, then handles batches until told
/// to stop. Messages that arrive together are merged into one pass.
fn engine_loop(mut engine: Engine, rx: mpsc::Receiver<EngineMsg>) {
    let n = engine.deliver();
    if n > 0 {
        info!("delivered {n} events left undelivered by the last run");
    }
    let heartbeat = engine.heartbeat();
    // The gauge holds what the store knows from the first scrape on, and
    // follows every batch (not only full scans).
    let mut live = engine.live_files() as i64;
    ie::files_watched(live as usize);
    'outer: loop {
        // Wake up every second so an idle engine still beats; more often
        // while the NATS publisher works through a backlog, which it can
        // only refill from the store on this thread.
        heartbeat.beat();
        if engine.store().is_lost() {
            error!(
                "lost the connection to the store, and with it the ownership of this node's roots; exiting so that the service restarts (as a standby if another node took over)"
            );
            return;
        }
        let tick = if engine.catching_up() {
            Duration::from_millis(20)
        } else {
            Duration::from_secs(1)
        };
        let first = match rx.recv_timeout(tick) {
            Ok(m) => m,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                // Idle: retry a failed change-log write, record
                // webhook/command verdicts, retry paused sinks.
                engine.retry_delivery();
                engine.pump_alerts();
                continue;
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        };
        let mut msgs = vec![first];
        while let Ok(m) = rx.try_recv() {
            msgs.push(m);
        }
        let mut paths: Vec<PathBuf> = Vec::new();
        let mut rescan: Option<String> = None;
        let mut poll = false;
        for m in msgs {
            match m {
                EngineMsg::Shutdown => break 'outer,
                EngineMsg::Watch(WatchMsg::Paths(p)) => paths.extend(p),
                EngineMsg::Watch(WatchMsg::Rescan(why)) => rescan = Some(why),
                EngineMsg::Watch(WatchMsg::Poll) => poll = true,
                EngineMsg::Reload(settings, changes) => {
                    engine.reconfigure(*settings, &changes);
                    rescan = Some(RELOAD.into());
                }
                EngineMsg::ReopenLog => engine.reopen_log(),
            }
        }
        ie::queue_depth(paths.len());
        if let Some(why) = rescan {
            // A reload's rescan is routine (logrotate sends one weekly);
            // only lost watcher events need a person to look.
            if why == RELOAD {
                info!("full rescan: {why}");
            } else if why != STARTUP {
                warn!("full rescan: {why}");
            }
            ie::rescan(if why == STARTUP {
                "startup"
            } else if why == RELOAD {
                "reload"
            } else {
                "watcher"
            });
            let st = engine.full_scan();
            live = engine.live_files() as i64;
            ie::files_watched(live as usize);
            // `systemctl status` must not say "start-up scan running" forever.
            notify::status(&format!(
                "watching {live} files; {} done: {} events, {} errors",
                if why == STARTUP {
                    "start-up scan"
                } else {
                    "rescan"
                },
                st.events(),
                st.errors
            ));
            info!(
                files = st.examined,
                events = st.events(),
                errors = st.errors,
                "{} done: {} files, {} events, {} unchanged, {} errors",
                if why == STARTUP {
                    "start-up scan"
                } else {
                    "rescan"
                },
                st.examined,
                st.events(),
                st.unchanged,
                st.errors
            );
        } else if poll {
            ie::rescan("poll");
            engine.full_scan();
            live = engine.live_files() as i64;
            ie::files_watched(live as usize);
        } else if !paths.is_empty() {
            let before = engine.stats.clone();
            engine.process_paths(&paths);
            let st = &engine.stats;
            // A rename retires one path and adds one: no change.
            live += (st.created + st.restored) as i64
                - (before.created + before.restored) as i64
                - (st.deleted - before.deleted) as i64;
            ie::files_watched(live.max(0) as usize);
        }
        ie::queue_depth(0);
    }
    engine.deliver();
    engine.drain_alerts(ALERT_DRAIN);
}

const STARTUP: &str = "start-up";
const RELOAD: &str = "the config was reloaded";

/// Runs the daemon until SIGTERM/SIGINT or `shutdown` resolves. Fatal
/// only when the store cannot be opened or no watcher can be armed.
pub async fn run(opts: Options, shutdown: impl Future<Output = ()>) -> Result<(), DaemonError> {
    // Signal handlers first, so an early TERM drains instead of killing.
    let sig = |k: SignalKind| {
        signal(k).map_err(|e| DaemonError::Fatal(format!("cannot install signal handlers: {e}")))
    };
    let mut term = sig(SignalKind::terminate())?;
    let mut int = sig(SignalKind::interrupt())?;
    let mut hup = sig(SignalKind::hangup())?;

    let mut current = resolve_config(&opts)?;
    tokio::pin!(shutdown);
    // Off the runtime's threads: the PostgreSQL client blocks.
    let cfg = current.clone();
    let (mut engine, _lock) = tokio::task::spawn_blocking(move || engine(&cfg))
        .await
        .map_err(|e| DaemonError::Fatal(format!("cannot open the store: {e}")))??;
    // Serving metrics from here on, so a standby's can be scraped.
    match crate::metrics::serve(&current.metrics) {
        Ok(Some(addr)) => info!(listen = %addr, "metrics on http://{addr}/metrics"),
        Ok(None) => {}
        Err(e) => return Err(DaemonError::Fatal(format!("{e}; fix [metrics] listen"))),
    }
    // A standby waits here until every root of its config is its own.
    let mut waiting: Option<String> = None;
    loop {
        let cfg = current.clone();
        let (back, held) = tokio::task::spawn_blocking(move || {
            let held = claim(&engine, &cfg);
            (engine, held)
        })
        .await
        .map_err(|e| DaemonError::Fatal(format!("cannot claim the roots: {e}")))?;
        engine = back;
        let held = held?;
        ie::standby(!held.is_empty());
        if held.is_empty() {
            if waiting.is_some() {
                info!("took over every root; starting");
            }
            break;
        }
        // A standby is healthy while it keeps asking (WatchdogSec).
        notify::watchdog();
        let why = owned_elsewhere(&held);
        if waiting.as_deref() != Some(why.as_str()) {
            info!("standby: {why}; taking over when it stops");
            notify::ready(&format!("standby: {why}"));
            waiting = Some(why);
        }
        tokio::select! {
            _ = tokio::time::sleep(standby_poll(&current)) => {}
            _ = &mut shutdown => return Ok(()),
            _ = term.recv() => { info!("SIGTERM while on standby: exiting"); return Ok(()) }
            _ = int.recv() => { info!("SIGINT while on standby: exiting"); return Ok(()) }
        }
    }
    let _report = crate::report::hook::start(&current);
    let roots: Vec<PathBuf> = settings(&current)?
        .roots
        .iter()
        .map(|r| r.dir.clone())
        .collect();
    let (tx, rx) = mpsc::channel::<EngineMsg>();
    let mut watcher = Some(arm(&roots, &current, &tx)?);
    let cancel = engine.cancel_flag();
    let heartbeat = engine.heartbeat();
    let (done_tx, mut done_rx) = tokio::sync::oneshot::channel::<()>();
    std::thread::Builder::new()
        .name("claimwatch-engine".into())
        .spawn(move || {
            engine_loop(engine, rx);
            let _ = done_tx.send(());
        })
        .map_err(|e| DaemonError::Fatal(format!("cannot start the engine thread: {e}")))?;
    // READY before the scan is queued, so the engine's "scan done" status
    // always comes after it and is what `systemctl status` keeps showing.
    notify::ready("watching; start-up scan running");
    let _ = tx.send(EngineMsg::Watch(WatchMsg::Rescan(STARTUP.into())));
    info!(
        roots = %roots.iter().map(|r| r.display().to_string()).collect::<Vec<_>>().join(", "),
        state = %current.state.dir.display(),
        changes = %current.changes_path().display(),
        "watching {} folder{}; change log {}",
        roots.len(),
        if roots.len() == 1 { "" } else { "s" },
        current.changes_path().display()
    );

    let token = CancellationToken::new();
    let tracker = TaskTracker::new();
    if let Some(period) = notify::watchdog_period() {
        let token = token.clone();
        tracker.spawn(async move {
            let mut tick = tokio::time::interval(period / 2);
            loop {
                tokio::select! {
                    _ = token.cancelled() => break,
                    // Ping only while the engine makes progress.
                    _ = tick.tick() => if heartbeat.age() < period / 2 {
                        notify::watchdog();
                    } else {
                        warn!("the engine has made no progress for {:?}; not pinging the watchdog", heartbeat.age());
                    },
                }
            }
        });
    }

    let crashed = loop {
        tokio::select! {
            _ = &mut shutdown => break false,
            _ = term.recv() => { info!("SIGTERM: finishing the file in hand, then exiting"); break false }
            _ = int.recv() => { info!("SIGINT: finishing the file in hand, then exiting"); break false }
            _ = hup.recv() => reload(&opts, &mut current, &mut watcher, &tx),
            _ = &mut done_rx => break true,
        }
    };
    notify::stopping();
    token.cancel();
    cancel.store(true, Ordering::Relaxed);
    drop(watcher.take());
    let _ = tx.send(EngineMsg::Shutdown);
    if crashed {
        return Err(DaemonError::Fatal(
            "the engine thread stopped unexpectedly (see the error above); restart claimwatch"
                .into(),
        ));
    }
    if tokio::time::timeout(DRAIN_TIMEOUT, done_rx).await.is_err() {
        error!(
            "the engine did not stop within {DRAIN_TIMEOUT:?}; exiting anyway (the next start-up scan catches up)"
        );
    }
    tracker.close();
    tracker.wait().await;
    info!("stopped");
    Ok(())
}

fn arm(
    roots: &[PathBuf],
    cfg: &Config,
    tx: &mpsc::Sender<EngineMsg>,
) -> Result<Watcher, DaemonError> {
    let tx = tx.clone();
    watch::notifier::arm(roots, &cfg.watch, move |m| {
        let _ = tx.send(EngineMsg::Watch(m));
    })
    .map_err(|e| DaemonError::Fatal(e.to_string()))
}

/// SIGHUP: reopen the change log; re-read the config, keeping the old one
/// when the new one is invalid.
fn reload(
    opts: &Options,
    current: &mut Config,
    watcher: &mut Option<Watcher>,
    tx: &mpsc::Sender<EngineMsg>,
) {
    notify::reloading();
    let _ = tx.send(EngineMsg::ReopenLog);
    if opts.config_path.is_none() {
        info!("SIGHUP: no config file to reload; reopened the change log");
        notify::ready("watching");
        return;
    }
    let mut new = match resolve_config(opts) {
        Ok(c) => c,
        Err(e) => {
            warn!("SIGHUP: keeping the old config because the new one is invalid: {e}");
            notify::ready("watching (config reload failed; old config kept)");
            return;
        }
    };
    if new.state.dir != current.state.dir {
        warn!(
            "SIGHUP: [state] dir changed to {}; that takes a restart, keeping {}",
            new.state.dir.display(),
            current.state.dir.display()
        );
        new.state.dir = current.state.dir.clone();
    }
    if new.store != current.store || new.node != current.node {
        warn!("SIGHUP: [store] or [node] changed; that takes a restart, keeping the running ones");
        new.store = current.store.clone();
        new.node = current.node.clone();
    }
    if current.store.url.is_some() && new.watch.roots != current.watch.roots {
        // Roots of a shared store are owned (locks taken at start); a new
        // root could be another node's.
        warn!(
            "SIGHUP: [watch] roots changed; with a shared store that takes a restart (to claim them), keeping the running roots"
        );
        new.watch.roots = current.watch.roots.clone();
    }
    let settings = match settings(&new) {
        Ok(s) => s,
        Err(e) => {
            warn!("SIGHUP: keeping the old config: {e}");
            notify::ready("watching (config reload failed; old config kept)");
            return;
        }
    };
    let w = &new.watch;
    let o = &current.watch;
    if w.roots != o.roots || w.poll != o.poll || w.debounce_ms != o.debounce_ms {
        let dirs: Vec<PathBuf> = settings.roots.iter().map(|r| r.dir.clone()).collect();
        match arm(&dirs, &new, tx) {
            Ok(nw) => *watcher = Some(nw),
            Err(e) => {
                warn!("SIGHUP: keeping the old config: {e}");
                notify::ready("watching (config reload failed; old config kept)");
                return;
            }
        }
    }
    let changes = new.changes_path();
    let _ = tx.send(EngineMsg::Reload(Box::new(settings), changes));
    *current = new;
    info!("SIGHUP: config reloaded");
    notify::ready("watching");
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
