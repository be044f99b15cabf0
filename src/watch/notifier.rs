//! The filesystem watcher ([`Watcher`]): notify + notify-debouncer-full,
//! recursive on every root, inotify or polling. Debounced events become
//! [`WatchMsg`]s; overflow and watcher errors become a rescan request.

use std::path::{Path, PathBuf};
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

enum Inner {
    Native(Debouncer<notify::RecommendedWatcher, FileIdMap>),
    Poll(Debouncer<notify::PollWatcher, FileIdMap>),
}

/// A running watcher; dropping it stops watching.
pub struct Watcher {
    _inner: Inner,
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
    let notify_cfg = notify::Config::default()
        .with_follow_symlinks(false)
        .with_poll_interval(Duration::from_millis(cfg.poll_interval_ms));
    let first = roots.first().cloned().unwrap_or_default();
    let mut inner = if cfg.poll {
        Inner::Poll(
            new_debouncer_opt(timeout, None, handler, FileIdMap::new(), notify_cfg)
                .map_err(|e| classify(&first, &e))?,
        )
    } else {
        Inner::Native(
            new_debouncer_opt(timeout, None, handler, FileIdMap::new(), notify_cfg)
                .map_err(|e| classify(&first, &e))?,
        )
    };
    for root in roots {
        let r = match &mut inner {
            Inner::Native(d) => d.watch(root, RecursiveMode::Recursive),
            Inner::Poll(d) => d.watch(root, RecursiveMode::Recursive),
        };
        r.map_err(|e| classify(root, &e))?;
    }
    Ok(Watcher { _inner: inner })
}
