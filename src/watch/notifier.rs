//! The filesystem watcher ([`Watcher`]): notify + notify-debouncer-full,
//! recursive on every root, inotify or polling. Debounced events become
//! [`WatchMsg`]s; overflow and watcher errors become a rescan request.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, FileIdMap, new_debouncer_opt};

use crate::config::WatchConfig;

/// What the watcher tells the engine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchMsg {
    /// These paths changed (files or folders; may be gone by now).
    Paths(Vec<PathBuf>),
    /// Events may have been lost: reconcile everything.
    Rescan(String),
    /// Poll mode's periodic pass: reconcile everything, quietly.
    Poll,
}

/// Why a root could not be watched. Fatal: the daemon cannot do its job.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    #[error(
        "cannot watch {path}: the inotify watch limit is reached; raise it with `sysctl fs.inotify.max_user_watches=524288` (and fs.inotify.max_user_instances), or set `[watch] poll = true`"
    )]
    TooManyWatches { path: String },
    #[error(
        "cannot watch {path}: too many inotify instances; raise `sysctl fs.inotify.max_user_instances` (e.g. to 1024), or set `[watch] poll = true`"
    )]
    TooManyInstances { path: String },
    #[error("cannot watch {path}: {message}; check that it exists and is readable")]
    Other { path: String, message: String },
}

struct StopOnDrop(Arc<AtomicBool>);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// A running watcher; dropping it stops watching.
pub struct Watcher {
    /// Held for its Drop: stops inotify and the debouncer thread.
    _native: Option<Debouncer<notify::RecommendedWatcher, FileIdMap>>,
    /// Held for its Drop: stops the polling thread.
    _poll: Option<StopOnDrop>,
}

fn classify(path: &Path, err: &notify::Error) -> WatchError {
    let path = path.display().to_string();
    let errno = match &err.kind {
        notify::ErrorKind::Io(e) => e.raw_os_error(),
        _ => None,
    };
    match (&err.kind, errno) {
        (notify::ErrorKind::MaxFilesWatch, _) => WatchError::TooManyWatches { path },
        // ENOSPC from inotify_add_watch: max_user_watches reached.
        (_, Some(28)) => WatchError::TooManyWatches { path },
        // EMFILE from inotify_init: max_user_instances reached.
        (_, Some(24)) => WatchError::TooManyInstances { path },
        _ => WatchError::Other {
            path,
            message: err.to_string(),
        },
    }
}

/// Arms a recursive watch on every root; `send` receives what changed.
pub fn arm<F>(roots: &[PathBuf], cfg: &WatchConfig, send: F) -> Result<Watcher, WatchError>
where
    F: Fn(WatchMsg) + Send + 'static,
{
    if cfg.poll {
        return arm_poll(roots, cfg, send);
    }
    let handler = move |res: DebounceEventResult| match res {
        Ok(events) => {
            if events.iter().any(|e| e.need_rescan()) {
                send(WatchMsg::Rescan(
                    "the watcher lost events (overflow)".into(),
                ));
                return;
            }
            let mut paths: Vec<PathBuf> = Vec::new();
            for e in &events {
                if matches!(e.kind, EventKind::Access(_)) {
                    continue;
                }
                for p in &e.paths {
                    if !paths.contains(p) {
                        paths.push(p.clone());
                    }
                }
            }
            if !paths.is_empty() {
                send(WatchMsg::Paths(paths));
            }
        }
        Err(errors) => {
            let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            send(WatchMsg::Rescan(format!(
                "watcher error: {}",
                text.join("; ")
            )));
        }
    };
    let timeout = Duration::from_millis(cfg.debounce_ms);
    let notify_cfg = notify::Config::default().with_follow_symlinks(false);
    let first = roots.first().cloned().unwrap_or_default();
    let mut debouncer: Debouncer<notify::RecommendedWatcher, FileIdMap> = new_debouncer_opt(
        timeout,
        Some(tick(timeout)),
        handler,
        FileIdMap::new(),
        notify_cfg,
    )
    .map_err(|e| classify(&first, &e))?;
    for root in roots {
        debouncer
            .watch(root, RecursiveMode::Recursive)
            .map_err(|e| classify(root, &e))?;
    }
    Ok(Watcher {
        _native: Some(debouncer),
        _poll: None,
    })
}

/// How often the debouncer checks for settled files. Its default, a
/// quarter of the debounce, adds up to 50 ms of latency at the default
/// 200 ms; a tenth (at most 20 ms, at least 5 ms) keeps an edit's
/// write-to-event time within a few ms of the debounce, and a tick only
/// scans the pending events.
fn tick(debounce: Duration) -> Duration {
    (debounce / 10).clamp(Duration::from_millis(5), Duration::from_millis(20))
}

/// Poll mode, for network filesystems where inotify sees no remote
/// changes: a thread asks for a quiet reconcile pass every interval. The
/// pass's own fast path (mtime in nanoseconds + size) finds edits, so a
/// same-second, same-size edit is not missed as with notify's PollWatcher
/// (which compares whole-second mtimes).
fn arm_poll<F>(roots: &[PathBuf], cfg: &WatchConfig, send: F) -> Result<Watcher, WatchError>
where
    F: Fn(WatchMsg) + Send + 'static,
{
    for root in roots {
        std::fs::read_dir(root).map_err(|e| WatchError::Other {
            path: root.display().to_string(),
            message: e.to_string(),
        })?;
    }
    let stop = Arc::new(AtomicBool::new(false));
    let interval = Duration::from_millis(cfg.poll_interval_ms);
    let flag = stop.clone();
    std::thread::Builder::new()
        .name("claimwatch-poll".into())
        .spawn(move || {
            while !flag.load(Ordering::Relaxed) {
                std::thread::sleep(interval);
                if !flag.load(Ordering::Relaxed) {
                    send(WatchMsg::Poll);
                }
            }
        })
        .map_err(|e| WatchError::Other {
            path: "poll thread".into(),
            message: e.to_string(),
        })?;
    Ok(Watcher {
        _native: None,
        _poll: Some(StopOnDrop(stop)),
    })
}
