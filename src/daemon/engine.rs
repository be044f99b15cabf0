//! The reconcile engine as the daemon drives it: building it from a config,
//! claiming its roots, the one-shot [`scan`] and the engine thread's loop
//! ([`engine_loop`]) that [`super::run`] feeds with [`EngineMsg`]s.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use tracing::{error, info, warn};

use super::resolve::settings;
use super::{DaemonError, StateLock, lock_state, notify, open_store_for};
use crate::config::Config;
use crate::internal_events as ie;
use crate::sinks::alerts::AlertPlan;
use crate::sinks::changelog::ChangeLog;
use crate::watch::{Engine, Settings, Stats, WatchMsg};

/// How long shutdown and `scan` wait for webhook/command alerts in flight
/// (what is left stays in the outbox for the next start).
const ALERT_DRAIN: Duration = Duration::from_secs(5);

/// Builds the engine: store, change log, roots.
pub(super) fn build(cfg: &Config) -> Result<(Engine, StateLock), DaemonError> {
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
pub(super) fn claim(engine: &Engine, cfg: &Config) -> Result<Vec<crate::store::Held>, DaemonError> {
    let keys: Vec<String> = engine.roots().iter().map(|r| r.key.clone()).collect();
    engine
        .store()
        .claim_roots(&keys, Duration::from_millis(cfg.node.takeover_ms))
        .map_err(|e| DaemonError::Fatal(format!("cannot claim the roots in the store: {e}")))
}

/// "root X is owned by node Y" for each held root.
pub(super) fn owned_elsewhere(held: &[crate::store::Held]) -> String {
    held.iter()
        .map(|h| match &h.node {
            Some(n) => format!("{} is owned by node {n}", h.root),
            None => format!("{} is owned by another node", h.root),
        })
        .collect::<Vec<_>>()
        .join("; ")
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
    let (mut engine, _lock) = build(cfg)?;
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
pub(super) enum EngineMsg {
    Watch(WatchMsg),
    Reload(Box<Settings>, PathBuf),
    ReopenLog,
    Shutdown,
}

/// The engine thread: delivers leftovers, then handles batches until told
/// to stop. Messages that arrive together are merged into one pass.
pub(super) fn engine_loop(mut engine: Engine, rx: mpsc::Receiver<EngineMsg>) {
    super::warm::warm_up();
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

/// Why a full rescan runs, when it is not the watcher's: logged and
/// counted apart from lost watcher events.
pub(super) const STARTUP: &str = "start-up";
const RELOAD: &str = "the config was reloaded";
