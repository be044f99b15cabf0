//! The engine's store writer: revisions are staged ([`Batch`]) and
//! committed many per SQLite transaction, bounded in count, bytes and age;
//! after the commit their change-log lines are appended from the events
//! in hand (no read-back), then marked delivered. A commit that fails
//! (a full disk) is retried with backoff by rescanning its paths
//! ([`Retry`]), so freeing space repairs the store without another edit.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use tracing::{error, info, warn};

use super::Engine;
use crate::internal_events as ie;
use crate::render::escape_control;
use crate::sinks::changelog;
use crate::sinks::event::ChangeEvent;
use crate::store::{StagedRevision, StoreError};

/// Revisions per transaction: enough to share one commit (and its fsync)
/// across many files, few enough that a failure or crash costs little.
const MAX_ITEMS: usize = 256;
/// Packed bytes per transaction.
const MAX_BYTES: usize = 16 << 20;
/// A staged revision waits at most this long for its batch to fill.
const MAX_AGE: Duration = Duration::from_millis(250);
/// First wait before retrying failed commits; doubles up to [`MAX_BACKOFF`].
const FIRST_BACKOFF: Duration = Duration::from_secs(1);
const MAX_BACKOFF: Duration = Duration::from_secs(60);

/// What the engine needs about a staged revision after its commit.
pub(super) struct Meta {
    pub(super) ev: ChangeEvent,
    /// The change-log line (also what the store keeps, packed).
    pub(super) line: String,
    /// Paths to rescan if the commit fails (a rename names both).
    pub(super) paths: Vec<PathBuf>,
}

/// Revisions waiting for one transaction.
#[derive(Default)]
pub(super) struct Batch {
    revs: Vec<StagedRevision>,
    meta: Vec<Meta>,
    bytes: usize,
    opened: Option<Instant>,
}

impl Batch {
    pub(super) fn push(&mut self, rev: StagedRevision, meta: Meta) {
        self.bytes += rev.weight();
        self.opened.get_or_insert_with(Instant::now);
        self.revs.push(rev);
        self.meta.push(meta);
    }

    /// Time to commit: count, bytes or age reached.
    pub(super) fn is_full(&self) -> bool {
        self.revs.len() >= MAX_ITEMS
            || self.bytes >= MAX_BYTES
            || self.opened.is_some_and(|t| t.elapsed() >= MAX_AGE)
    }

    fn take(&mut self) -> (Vec<StagedRevision>, Vec<Meta>) {
        self.bytes = 0;
        self.opened = None;
        (
            std::mem::take(&mut self.revs),
            std::mem::take(&mut self.meta),
        )
    }
}

/// Paths whose revisions could not be stored, and when to try again.
pub(super) struct Retry {
    paths: BTreeSet<PathBuf>,
    due: Option<Instant>,
    backoff: Duration,
    /// A retry pass is running (its write latencies are not the user's).
    pub(super) running: bool,
}

impl Default for Retry {
    fn default() -> Self {
        Retry {
            paths: BTreeSet::new(),
            due: None,
            backoff: FIRST_BACKOFF,
            running: false,
        }
    }
}

impl Retry {
    /// Records failed paths; the next try waits the current backoff, and
    /// each failed try doubles it.
    fn failed(&mut self, paths: impl IntoIterator<Item = PathBuf>) -> Duration {
        self.paths.extend(paths);
        if let Some(due) = self.due {
            // Already waiting: more failures of the same episode.
            return due.saturating_duration_since(Instant::now());
        }
        let wait = self.backoff;
        self.due = Some(Instant::now() + wait);
        self.backoff = (self.backoff * 2).min(MAX_BACKOFF);
        wait
    }

    /// The paths to rescan now, if a retry is due.
    fn due(&mut self) -> Option<Vec<PathBuf>> {
        let due = self.due?;
        if Instant::now() < due || self.paths.is_empty() {
            return None;
        }
        self.due = None;
        Some(std::mem::take(&mut self.paths).into_iter().collect())
    }

    /// Paths waiting for a retry.
    pub(super) fn waiting(&self) -> usize {
        self.paths.len()
    }
}

impl Engine {
    /// Stages a revision; commits the batch when it is full.
    pub(super) fn stage(&mut self, rev: StagedRevision, meta: Meta) {
        self.heartbeat.beat();
        self.batch.push(rev, meta);
        if self.batch.is_full() {
            self.flush();
        }
    }

    /// Commits what is staged, reports it, appends it to the change log
    /// and pumps the alert sinks.
    pub(super) fn flush(&mut self) {
        let (revs, meta) = self.batch.take();
        if revs.is_empty() {
            if self.undelivered || !self.outbox_checked {
                self.deliver();
            } else {
                // Every committed event went to the log with its batch:
                // the outbox holds nothing for it, so it is not asked
                // (a query per watcher burst).
                self.pump_alerts();
            }
            return;
        }
        self.heartbeat.beat();
        match self.store.commit_batch(&revs) {
            Ok(rows) => self.recorded(&revs, meta, rows),
            Err(e) if e.is_full() || revs.len() == 1 => self.failed(meta, &e),
            Err(_) => {
                // Something in the batch is refused: commit one by one so
                // one bad revision does not hold back the others.
                for (rev, m) in revs.iter().zip(meta) {
                    match self.store.commit_batch(std::slice::from_ref(rev)) {
                        Ok(rows) => self.recorded(std::slice::from_ref(rev), vec![m], rows),
                        Err(e) => self.failed(vec![m], &e),
                    }
                }
            }
        }
    }

    fn recorded(&mut self, revs: &[StagedRevision], meta: Vec<Meta>, rows: Vec<i64>) {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as i64);
        for (rev, m) in revs.iter().zip(&meta) {
            self.stats.count(m.ev.event);
            // From the file's last write, for watcher-triggered passes
            // only; none for deletions (mtime 0), retries or renames (a
            // renamed file keeps its content's old mtime).
            let latency = (self.timed
                && !self.retry.running
                && rev.mtime_ns > 0
                && m.ev.event != crate::sinks::event::EventKind::Renamed)
                .then(|| Duration::from_nanos(now.saturating_sub(rev.mtime_ns).max(0) as u64));
            ie::event_recorded(&m.ev, latency);
        }
        if self.undelivered || !self.outbox_checked {
            // Older events may wait in the outbox: deliver in order from there.
            self.deliver();
            return;
        }
        let lines: Vec<&str> = meta.iter().map(|m| m.line.as_str()).collect();
        match self.log.append(&lines) {
            Ok(()) => {
                if let Err(e) = self.store.mark_delivered(changelog::SINK, &rows) {
                    // Stays pending: the next flush delivers from the
                    // outbox again (a duplicate line, same event_id).
                    ie::error("store", &format!("cannot mark events delivered: {e}"));
                    self.outbox_checked = false;
                }
                self.pump_alerts();
            }
            Err(e) => {
                ie::error(
                    "changelog",
                    &format!(
                        "cannot write the change log {}: {e}; the events wait in the outbox and are retried every second",
                        escape_control(&self.log.path().display().to_string())
                    ),
                );
                self.undelivered = true;
                self.pump_alerts();
            }
        }
    }

    fn failed(&mut self, meta: Vec<Meta>, e: &StoreError) {
        let n = meta.len();
        self.stats.errors += n;
        for _ in 0..n {
            ie::error_counted("store");
        }
        let first = meta
            .first()
            .map(|m| escape_control(&m.ev.path))
            .unwrap_or_default();
        let wait = self.retry.failed(meta.into_iter().flat_map(|m| m.paths));
        if e.is_full() {
            error!(
                path = %first,
                "cannot record {n} revisions: {e} (disk full?); free space: they are retried in {}s, then every {}s at most",
                wait.as_secs(),
                MAX_BACKOFF.as_secs()
            );
        } else {
            error!(path = %first, "cannot record the revision: {e}; retried in {}s", wait.as_secs());
        }
    }

    /// Rescans the paths of failed commits once their backoff has passed
    /// (called when idle). Returns whether a retry ran.
    pub fn retry_failed(&mut self) -> bool {
        let Some(paths) = self.retry.due() else {
            return false;
        };
        let n = paths.len();
        self.retry.running = true;
        self.process_paths(&paths);
        self.retry.running = false;
        if self.retry.waiting() == 0 {
            self.retry.backoff = FIRST_BACKOFF;
            info!("the store accepts writes again; rescanned {n} paths whose revisions had failed");
        } else {
            warn!(
                "{} paths still wait to be recorded; next try in up to {}s",
                self.retry.waiting(),
                self.retry.backoff.as_secs()
            );
        }
        true
    }

    /// Paths whose revisions failed to be stored and wait for a retry.
    pub fn waiting_retry(&self) -> usize {
        self.retry.waiting()
    }
}

#[cfg(test)]
mod tests;
