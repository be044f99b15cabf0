//! The daemon ([`run`]) and the one-shot [`scan`]: wires config, store,
//! watcher and the reconcile engine; handles signals (TERM/INT drain, HUP
//! reload + change-log reopen) and systemd notification.
//!
//! The engine runs on its own blocking thread and owns the store, so SQLite
//! never blocks the async runtime; the runtime only waits for signals, pings
//! the watchdog and forwards messages. `resolve` turns the config file,
//! environment and command line into a config; `engine` builds the engine
//! and runs its thread.

mod engine;
pub mod inspect;
mod logging;
mod notify;
mod resolve;
mod state;
mod warm;

use std::future::Future;
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::mpsc;
use std::time::Duration;

use tokio::signal::unix::{SignalKind, signal};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use tracing::{error, info, warn};

use crate::config::{Config, ConfigErrors};
use crate::internal_events as ie;
use crate::watch::{self, WatchMsg, Watcher};
use engine::{EngineMsg, STARTUP, claim, engine_loop, owned_elsewhere};
use resolve::settings;

pub use engine::{ScanReport, scan};
pub use logging::init_tracing;
pub use resolve::{Options, Overrides, check_config, describe, is_state_path, resolve_config};
pub use state::{
    StateLock, StoreSpec, in_store, lock_state, open_store, open_store_for, open_store_read_only,
};

/// How long shutdown waits for the file in hand before giving up.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(20);

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

/// How often a standby asks for its roots: a fifth of the takeover time,
/// so it takes over well within it once the owner's lock is gone.
fn standby_poll(cfg: &Config) -> Duration {
    Duration::from_millis((cfg.node.takeover_ms / 5).clamp(200, 2_000))
}

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
    let (mut engine, _lock) = tokio::task::spawn_blocking(move || engine::build(&cfg))
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
