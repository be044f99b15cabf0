//! The filesystem watcher ([`Watcher`]): notify, recursive on every root,
//! inotify or polling, with our own debounce thread ([`super::debounce`]).
//! Debounced events become [`WatchMsg`]s; overflow and watcher errors
//! become a rescan request.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher as _};

use super::debounce::Pending;

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
    /// Held for its Drop: stops inotify, and with its event sender gone
    /// the debounce thread ends.
    _native: Option<notify::RecommendedWatcher>,
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
    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let notify_cfg = notify::Config::default().with_follow_symlinks(false);
    let first = roots.first().cloned().unwrap_or_default();
    let mut watcher = notify::RecommendedWatcher::new(
        move |res| {
            // Fails only once the debounce thread is gone (shutdown).
            let _ = tx.send(res);
        },
        notify_cfg,
    )
    .map_err(|e| classify(&first, &e))?;
    for root in roots {
        watcher
            .watch(root, RecursiveMode::Recursive)
            .map_err(|e| classify(root, &e))?;
    }
    let quiet = Duration::from_millis(cfg.debounce_ms);
    std::thread::Builder::new()
        .name("claimwatch-debounce".into())
        .spawn(move || debounce_loop(&rx, quiet, &send))
        .map_err(|e| WatchError::Other {
            path: "debounce thread".into(),
            message: e.to_string(),
        })?;
    Ok(Watcher {
        _native: Some(watcher),
        _poll: None,
    })
}

/// Holds raw events until their paths fall quiet and hands them on. Ends
/// when the watcher is dropped (its sender with it); what is still
/// pending then is left to the next start-up scan or reload rescan.
fn debounce_loop<F>(rx: &mpsc::Receiver<notify::Result<notify::Event>>, quiet: Duration, send: &F)
where
    F: Fn(WatchMsg),
{
    let mut pending = Pending::new(quiet);
    loop {
        // Sleeps until the next deadline, or until an event when none.
        let got = match pending.next_due() {
            None => rx.recv().map_err(|_| mpsc::RecvTimeoutError::Disconnected),
            Some(at) => rx.recv_timeout(at.saturating_duration_since(Instant::now())),
        };
        match got {
            Ok(res) => {
                add(&mut pending, res);
                // A burst is taken in one go before looking at deadlines.
                while let Ok(res) = rx.try_recv() {
                    add(&mut pending, res);
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        }
        let due = pending.take_due(Instant::now());
        if let Some(why) = due.rescan {
            send(WatchMsg::Rescan(why));
        }
        if !due.paths.is_empty() {
            send(WatchMsg::Paths(due.paths));
        }
    }
}

fn add(pending: &mut Pending, res: notify::Result<notify::Event>) {
    let now = Instant::now();
    match res {
        Ok(e) if e.need_rescan() => {
            pending.rescan("the watcher lost events (overflow)".into(), now);
        }
        Ok(e) if matches!(e.kind, EventKind::Access(_)) => {}
        Ok(e) => pending.touch(e.paths, now),
        Err(e) => pending.rescan(format!("watcher error: {e}"), now),
    }
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
