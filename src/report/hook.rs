//! The daemon's report hook: with `[report] dir` set, the report is
//! regenerated after events, debounced by `[report] debounce_ms`, on a
//! thread of its own with its own read connection to the store, so a slow
//! disk never holds up the pipeline. Only pages of changed articles are
//! rewritten (see [`super::Rendered`]).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use tracing::{info, warn};

use super::{Options, Rendered, generate};
use crate::config::Config;
use crate::daemon::StoreSpec;
use crate::store::Store;

/// How often the hook looks for new events.
const POLL: Duration = Duration::from_millis(250);

/// The running hook; stops its thread when dropped.
pub struct ReportHook {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Drop for ReportHook {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Starts the hook when the config asks for it (`[report] dir`).
pub fn start(cfg: &Config) -> Option<ReportHook> {
    let dir = cfg.report.dir.clone()?;
    // Created now, before the watcher's filter is built, so that the
    // report's own pages are recognised as not articles to watch.
    if let Err(e) = std::fs::create_dir_all(&dir) {
        warn!("cannot create the report folder {}: {e}", dir.display());
    }
    let spec = match StoreSpec::of(cfg) {
        Ok(s) => s,
        Err(e) => {
            warn!("{e}; no report will be written");
            return None;
        }
    };
    let debounce = Duration::from_millis(cfg.report.debounce_ms);
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let thread = std::thread::Builder::new()
        .name("claimwatch-report".into())
        .spawn(move || run(&spec, dir, debounce, &flag))
        .map_err(|e| warn!("cannot start the report thread: {e}; no report will be written"))
        .ok()?;
    Some(ReportHook {
        stop,
        thread: Some(thread),
    })
}

/// Watches the store's event count; once it has changed and then stayed
/// put for `debounce`, regenerates the report.
fn run(spec: &StoreSpec, dir: std::path::PathBuf, debounce: Duration, stop: &AtomicBool) {
    let mut store: Option<Store> = None;
    let mut done = Rendered::default();
    let mut written: Option<i64> = None;
    let mut seen: Option<(i64, Instant)> = None;
    let opts = Options {
        out: dir,
        ..Options::default()
    };
    while !stop.load(Ordering::Relaxed) {
        std::thread::sleep(POLL);
        if store.is_none() {
            // The daemon creates the store; wait for it (a failed open,
            // such as a migration racing the daemon's, is retried).
            store = spec.open_reader();
        }
        let Some(s) = &store else { continue };
        let count = match s.event_count() {
            Ok(c) => c,
            Err(e) => {
                warn!("report: cannot read the store: {e}");
                continue;
            }
        };
        if written == Some(count) {
            continue;
        }
        match seen {
            Some((c, since)) if c == count => {
                if since.elapsed() < debounce {
                    continue;
                }
            }
            _ => {
                seen = Some((count, Instant::now()));
                if !debounce.is_zero() {
                    continue;
                }
            }
        }
        let start = Instant::now();
        match generate(s, &opts, &mut done) {
            Ok(st) => {
                written = Some(count);
                info!(
                    dir = %opts.out.display(),
                    articles = st.articles,
                    written = st.written,
                    "report regenerated: {} article pages rewritten of {} in {:.0?}",
                    st.written,
                    st.articles,
                    start.elapsed()
                );
            }
            Err(e) => {
                warn!("report: {e}");
                // Try again after another debounce period.
                seen = Some((count, Instant::now()));
            }
        }
    }
}
