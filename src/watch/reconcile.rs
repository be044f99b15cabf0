//! The reconcile engine ([`Engine`]): turns "these paths may have changed"
//! (a watcher batch or a full scan) into revisions and change events.
//!
//! Three phases: find candidates and apply the mtime+size fast path
//! (serial); read, hash and extract (parallel, both cores); pair renames,
//! diff and stage each revision with its event (serial); the [`writer`]
//! commits them many per transaction.

mod commit;
mod feed;
mod stats;
mod verify;
mod writer;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;
use tracing::{error, info, warn};

use super::filter::Filter;
use super::observe::{Candidate, Content, Observed, mtime_size, observe};
use super::walk::{self, Root};
use crate::claims::Claim;
use crate::config::CreatedClaims;
use crate::diff;
use crate::internal_events as ie;
use crate::render::escape_control;
use crate::sinks::alerts::{AlertPlan, Alerter};
use crate::sinks::changelog::{self, ChangeLog};
use crate::sinks::event::line::{MAX_LINE, render_line};
use crate::sinks::event::{self, ChangeEvent, EventKind};
use crate::sinks::nats::NatsSpec;
use crate::sinks::publish::Publisher;
use crate::store::{FileRow, Packed, RevisionRow, StagedRevision, Store, StoreError};

pub use stats::{Heartbeat, Stats};

/// Files read and committed per round (bounds memory on big archives).
const CHUNK: usize = 512;

/// Settings the engine takes from the config.
#[derive(Debug, Clone)]
pub struct Settings {
    pub roots: Vec<Root>,
    pub filter: Filter,
    pub max_file_bytes: u64,
    pub keep_raw: u32,
    /// Compiled alert rules and sinks.
    pub alerts: AlertPlan,
    /// What `created` events list per claim (`[log] created_claims`).
    pub created_claims: CreatedClaims,
    /// `[publish] nats`, when set.
    pub publish: Option<NatsSpec>,
}

/// The engine: owns the store and the change log; single-threaded writer.
pub struct Engine {
    store: Store,
    log: ChangeLog,
    alerter: Alerter,
    publisher: Option<Publisher>,
    settings: Settings,
    cancel: Arc<AtomicBool>,
    heartbeat: Arc<Heartbeat>,
    /// Show a progress bar on a terminal for long passes.
    pub progress: bool,
    /// The pass was triggered by a write the watcher saw, so write-to-event
    /// latency is meaningful (not for scans of files written long ago).
    timed: bool,
    /// Totals since the engine started.
    pub stats: Stats,
    /// The last delivery failed: retry when idle, log once.
    undelivered: bool,
    /// The outbox was delivered from once since start, so events left by
    /// an earlier run go out before (not after) new ones.
    outbox_checked: bool,
    /// Revisions staged for the next transaction.
    batch: writer::Batch,
    /// Paths whose revisions failed to be stored (full disk).
    retry: writer::Retry,
}

/// A path for a log line: relative to its root when inside it, control
/// characters escaped so a file name cannot forge a line.
fn shown(root: &Path, p: &Path) -> String {
    let rel = walk::relative(root, p).filter(|r| !r.is_empty());
    escape_control(&rel.unwrap_or_else(|| p.display().to_string()))
}

fn claims_of(rev: &RevisionRow, rel: &str) -> Vec<Claim> {
    match serde_json::from_str(&rev.claims_json) {
        Ok(c) => c,
        Err(e) => {
            // Stored by another extractor version: re-derive from raw text.
            if let Some(raw) = &rev.raw
                && let Ok(ex) = crate::extract_bytes(Path::new(rel), raw)
            {
                return ex.claims;
            }
            warn!(path = %escape_control(rel), revision = rev.revision, "stored claims unreadable ({e}); diffing against none");
            Vec::new()
        }
    }
}

impl Engine {
    pub fn new(store: Store, log: ChangeLog, settings: Settings) -> Engine {
        Engine {
            store,
            log,
            alerter: Alerter::new(settings.alerts.clone()),
            publisher: settings.publish.clone().map(Publisher::new),
            settings,
            cancel: Arc::new(AtomicBool::new(false)),
            heartbeat: Arc::new(Heartbeat::new()),
            progress: false,
            timed: false,
            stats: Stats::default(),
            undelivered: false,
            outbox_checked: false,
            batch: Default::default(),
            retry: Default::default(),
        }
    }

    /// A flag that stops a running pass between files when set.
    /// Beats while the engine makes progress (the systemd watchdog reads it).
    pub fn heartbeat(&self) -> Arc<Heartbeat> {
        self.heartbeat.clone()
    }

    pub fn cancel_flag(&self) -> Arc<AtomicBool> {
        self.cancel.clone()
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The roots the engine watches.
    pub fn roots(&self) -> &[Root] {
        &self.settings.roots
    }

    /// Applies a reloaded configuration.
    pub fn reconfigure(&mut self, settings: Settings, changes: &Path) {
        if !settings.alerts.same_as(self.alerter.plan()) {
            // Old workers finish their job in hand and stop; what they had
            // not confirmed is still pending and goes to the new ones.
            self.alerter = Alerter::new(settings.alerts.clone());
        }
        if settings.publish.as_ref() != self.publisher.as_ref().map(Publisher::spec) {
            // Unacked events stay pending and go to the new publisher.
            self.publisher = settings.publish.clone().map(Publisher::new);
        }
        self.settings = settings;
        if self.log.path() != changes
            && let Err(e) = self.log.set_path(changes)
        {
            error!(path = %escape_control(&changes.display().to_string()), "cannot open the new change log: {e}");
        }
    }

    /// Reopens the change log and alert files (SIGHUP after logrotate).
    pub fn reopen_log(&mut self) {
        self.alerter.reopen_files();
        match self.log.reopen() {
            Ok(()) => {
                info!(path = %escape_control(&self.log.path().display().to_string()), "reopened the change log")
            }
            Err(e) => {
                error!(path = %escape_control(&self.log.path().display().to_string()), "cannot reopen the change log: {e}")
            }
        }
    }

    /// Writes undelivered events to the change log. Failures are logged;
    /// the events stay in the outbox for the next try.
    pub fn deliver(&mut self) -> usize {
        let n = match crate::sinks::deliver(&mut self.store, &mut self.log) {
            Ok(n) => {
                if self.undelivered {
                    info!("the change log is writable again; delivered {n} waiting events");
                }
                self.undelivered = false;
                self.outbox_checked = true;
                n
            }
            Err(e) => {
                if !self.undelivered {
                    ie::error(
                        "changelog",
                        &format!("{e}; the events wait in the outbox and are retried every second"),
                    );
                }
                self.undelivered = true;
                0
            }
        };
        self.pump_alerts();
        n
    }

    /// The number of live files under the roots (the files-watched gauge).
    pub fn live_files(&self) -> usize {
        self.settings
            .roots
            .iter()
            .filter_map(|r| self.store.live_files(&r.key, None).ok())
            .map(|rows| rows.len())
            .sum()
    }

    /// Records alert and publish verdicts, hands out pending alerts and
    /// events (idle ticks).
    pub fn pump_alerts(&mut self) {
        self.alerter.pump(&mut self.store);
        if let Some(p) = &mut self.publisher {
            p.pump(&mut self.store);
        }
    }

    /// The NATS publisher is sending a backlog (acked events in its last
    /// round and more in flight): the engine should pump it again soon.
    pub fn catching_up(&self) -> bool {
        self.publisher.as_ref().is_some_and(Publisher::catching_up)
    }

    /// Waits up to `timeout` for alerts and events handed to workers
    /// (shutdown, scan).
    pub fn drain_alerts(&mut self, timeout: std::time::Duration) {
        self.alerter.drain(&mut self.store, timeout);
        if let Some(p) = &mut self.publisher {
            p.drain(&mut self.store, timeout);
        }
    }

    /// Retries delivery after a failure (called when idle), so waiting
    /// events reach the change log once it is writable again without
    /// needing another file change.
    pub fn retry_delivery(&mut self) {
        if self.undelivered {
            self.deliver();
        }
        self.retry_failed();
    }

    /// Reconciles every file under every root against the store,
    /// including deletions, and returns what this pass did.
    pub fn full_scan(&mut self) -> Stats {
        let before = self.stats.clone();
        let mut present = Vec::new();
        let mut errors = 0;
        for (i, root) in self.settings.roots.iter().enumerate() {
            let mut found = Vec::new();
            walk::walk(
                root,
                &root.dir,
                &self.settings.filter,
                &mut found,
                &mut |p, e| {
                    warn!(path = %shown(&root.dir, p), "skipped: {e}");
                    ie::error_counted("folder");
                    errors += 1;
                },
            );
            present.extend(found.into_iter().map(|(abs, rel)| (i, abs, rel)));
        }
        self.stats.errors += errors;
        let seen: std::collections::HashSet<(usize, &str)> = present
            .iter()
            .map(|(i, _, rel)| (*i, rel.as_str()))
            .collect();
        let mut gone = Vec::new();
        for (i, root) in self.settings.roots.iter().enumerate() {
            match self.store.live_files(&root.key, None) {
                Ok(rows) => {
                    for row in rows {
                        let still = seen.contains(&(i, row.path.as_str()));
                        // A file now excluded by the filter is not "deleted".
                        let abs = root.dir.join(&row.path);
                        if !still && !abs.exists() {
                            gone.push((i, row));
                        }
                    }
                }
                Err(e) => error!("store: {e}"),
            }
        }
        self.reconcile(present, gone, true);
        let mut delta = self.stats.clone();
        delta.examined -= before.examined;
        delta.unchanged -= before.unchanged;
        delta.created -= before.created;
        delta.modified -= before.modified;
        delta.deleted -= before.deleted;
        delta.renamed -= before.renamed;
        delta.restored -= before.restored;
        delta.errors -= before.errors;
        delta
    }

    /// Reconciles the paths a watcher reported (files or folders, present
    /// or gone).
    pub fn process_paths(&mut self, paths: &[PathBuf]) {
        let mut present: Vec<(usize, PathBuf, String)> = Vec::new();
        let mut gone: Vec<(usize, FileRow)> = Vec::new();
        for abs in paths {
            let Some((ri, rel)) = walk::locate(&self.settings.roots, abs) else {
                continue;
            };
            let root = &self.settings.roots[ri];
            match std::fs::symlink_metadata(abs) {
                Ok(meta) if meta.is_dir() => {
                    if !self.settings.filter.wants_dir(abs, &rel) {
                        continue;
                    }
                    let mut found = Vec::new();
                    let mut errors = 0;
                    walk::walk(root, abs, &self.settings.filter, &mut found, &mut |p, e| {
                        warn!(path = %shown(&root.dir, p), "skipped: {e}");
                        ie::error_counted("folder");
                        errors += 1;
                    });
                    self.stats.errors += errors;
                    if let Ok(rows) = self.store.live_files(&root.key, Some(&rel)) {
                        for row in rows {
                            if !found.iter().any(|(_, r)| *r == row.path)
                                && !root.dir.join(&row.path).exists()
                            {
                                gone.push((ri, row));
                            }
                        }
                    }
                    present.extend(found.into_iter().map(|(a, r)| (ri, a, r)));
                }
                Ok(_) => {
                    if self.settings.filter.wants_file(abs, &rel) {
                        present.push((ri, abs.clone(), rel));
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    match self.store.live_files(&root.key, Some(&rel)) {
                        Ok(rows) => gone.extend(rows.into_iter().map(|r| (ri, r))),
                        Err(e) => error!(path = %escape_control(&rel), "store: {e}"),
                    }
                }
                Err(e) => {
                    warn!(path = %escape_control(&abs.display().to_string()), "cannot stat: {e}");
                    self.stats.errors += 1;
                }
            }
        }
        present.sort_by(|a, b| (a.0, &a.2).cmp(&(b.0, &b.2)));
        present.dedup_by(|a, b| a.0 == b.0 && a.2 == b.2);
        self.vanished_beside(&present, &mut gone);
        gone.sort_by(|a, b| (a.0, &a.1.path).cmp(&(b.0, &b.1.path)));
        gone.dedup_by(|a, b| a.0 == b.0 && a.1.id == b.1.id);
        self.timed = true;
        self.reconcile(present, gone, false);
        self.timed = false;
    }

    fn reconcile(
        &mut self,
        present: Vec<(usize, PathBuf, String)>,
        mut gone: Vec<(usize, FileRow)>,
        fast_path: bool,
    ) {
        // Phase 1: the fast path skips files whose mtime and size match.
        let mut candidates = Vec::new();
        for (root, abs, rel) in present {
            self.stats.examined += 1;
            let key = &self.settings.roots[root].key;
            let row = match self.store.file(key, &rel) {
                Ok(r) => r,
                Err(e) => {
                    error!(path = %escape_control(&rel), "store: {e}");
                    self.stats.errors += 1;
                    continue;
                }
            };
            if fast_path
                && let Some(r) = &row
                && r.live
                && let Ok(meta) = std::fs::metadata(&abs)
                && mtime_size(&meta) == (r.mtime_ns, r.size)
            {
                self.stats.unchanged += 1;
                continue;
            }
            let Some(items) = self.stored_items(root, &rel) else {
                continue;
            };
            candidates.push(Candidate {
                root,
                rel,
                abs,
                row,
                items,
            });
        }
        // Phases 2 and 3 run per chunk, so a big archive never holds more
        // than one chunk of file contents in memory.
        let bar = self.progress_bar(candidates.len());
        let mut gone_revs: Vec<Option<RevisionRow>> = gone
            .iter()
            .map(|(_, r)| self.store.latest_content_revision(r.id).ok().flatten())
            .collect();
        // Phase 2 of the next chunk runs while phase 3 commits this one, so
        // extraction (parallel) and the store writer (serial) overlap
        // instead of taking turns on the two cores.
        let settings = self.settings.clone();
        let cancel = self.cancel.clone();
        // A new file's claims go to the writer only if an alert rule may
        // read them or an edited rename is looked for (watcher bursts).
        let keep_new_claims = self.timed || !self.settings.alerts.rules.is_empty();
        // A lone file (the daemon's usual edit) is read on this thread:
        // handing it to the pool woke its threads, which spun and yielded
        // before sleeping again, for nothing to overlap with.
        let lone = candidates.len() == 1;
        let mut rest = candidates.into_iter();
        let mut take_chunk = move || -> Option<Vec<Candidate>> {
            let chunk: Vec<Candidate> = rest.by_ref().take(CHUNK).collect();
            (!chunk.is_empty()).then_some(chunk)
        };
        // Phase 2 runs as a task of rayon's pool, whose threads live as
        // long as the process: a thread spawned per chunk (the daemon's
        // every edit) paid its start and built its zstd contexts again
        // each time, and its CPU left no trace in the live threads'
        // schedstat once it ended.
        rayon::in_place_scope(|scope| {
            let spawn = |chunk: Vec<Candidate>| {
                let (settings, cancel, bar) = (&settings, &*cancel, bar.as_ref());
                let (tx, rx) = std::sync::mpsc::sync_channel(1);
                // Caught, so a panic ends this pass (as below), not the
                // engine at the scope's end.
                let work = move || {
                    let observed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        observe_all(settings, cancel, &chunk, bar, keep_new_claims)
                    }));
                    let _ = tx.send(observed.map(|o| (chunk, o)));
                };
                if lone {
                    work();
                } else {
                    scope.spawn(move |_| work());
                }
                rx
            };
            let mut next = take_chunk().map(spawn);
            while let Some(rx) = next.take() {
                self.heartbeat.beat();
                let Ok(Ok((chunk, observed))) = rx.recv() else {
                    error!("the extraction task panicked; the next pass retries");
                    self.stats.errors += 1;
                    break;
                };
                if self.cancel.load(Ordering::Relaxed) {
                    break;
                }
                next = take_chunk().map(spawn);
                // Phase 3: drop no-ops, pair renames, commit one by one.
                for (cand, obs) in chunk.into_iter().zip(observed) {
                    match obs {
                        Observed::Cancelled => break,
                        Observed::Skipped => {}
                        Observed::Failed => {
                            self.stats.errors += 1;
                            ie::error_counted("read");
                        }
                        Observed::Gone => {
                            if let Some(r) = cand.row.filter(|r| r.live) {
                                gone_revs
                                    .push(self.store.latest_content_revision(r.id).ok().flatten());
                                gone.push((cand.root, r));
                            }
                        }
                        Observed::Content(mut c) => {
                            self.settle(cand, &mut c, &mut gone, &mut gone_revs)
                        }
                        Observed::Feed(f) => self.settle_feed(&cand, *f),
                    }
                }
                self.flush();
            }
        });
        if let Some(b) = bar {
            b.finish_and_clear();
        }
        for ((root, row), last) in gone.into_iter().zip(gone_revs) {
            if self.cancel.load(Ordering::Relaxed) {
                break;
            }
            if let Err(e) = self.commit_deletion(root, &row, last) {
                error!(path = %escape_control(&row.path), "cannot record the deletion: {e}");
                ie::error_counted("store");
                self.stats.errors += 1;
            }
        }
        self.flush();
    }

    /// Records one read file: a no-op when its hash is the latest
    /// revision's, else a revision (renamed when a gone file had the same
    /// content).
    fn settle(
        &mut self,
        cand: Candidate,
        content: &mut Content,
        gone: &mut Vec<(usize, FileRow)>,
        gone_revs: &mut Vec<Option<RevisionRow>>,
    ) {
        let same = cand.row.as_ref().filter(|r| r.live).and_then(|r| {
            let latest = self.store.latest_hash(r.id).ok()??;
            (latest == content.hash).then_some(r.id)
        });
        if let Some(id) = same {
            self.stats.unchanged += 1;
            if let Err(e) = self.store.touch(id, content.mtime_ns, content.size) {
                error!(path = %escape_control(&cand.rel), "store: {e}");
            }
            return;
        }
        let is_new = cand.row.as_ref().is_none_or(|r| !r.live);
        let from = is_new
            .then(|| {
                gone.iter()
                    .zip(gone_revs.iter())
                    .position(|((gr, _), rev)| {
                        *gr == cand.root
                            && rev.as_ref().and_then(|r| r.hash.as_deref())
                                == Some(content.hash.as_str())
                    })
            })
            .flatten();
        let renamed_from = from.map(|i| {
            gone_revs.remove(i);
            gone.remove(i).1
        });
        // Only in a watcher burst: a full scan's many deletions and
        // creations may share claims without being one file moved.
        if renamed_from.is_none()
            && is_new
            && self.timed
            && let Some((row, rev)) = self.take_edited_rename(cand.root, content, gone, gone_revs)
        {
            if let Err(e) = self.commit_renamed_then_modified(cand, content, row, rev) {
                error!("cannot record a rename and its edit: {e}");
                ie::error_counted("store");
                self.stats.errors += 1;
            }
            return;
        }
        if let Err(e) = self.commit_content(&cand, content, renamed_from) {
            error!(path = %escape_control(&cand.rel), "cannot record the revision: {e}");
            ie::error_counted("store");
            self.stats.errors += 1;
        }
    }

    fn progress_bar(&self, len: usize) -> Option<indicatif::ProgressBar> {
        (self.progress && len > 20 && std::io::stderr().is_terminal()).then(|| {
            let bar = indicatif::ProgressBar::new(len as u64);
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} files  {per_sec}  ETA {eta}",
            ) {
                bar.set_style(style);
            }
            bar
        })
    }
}

/// Reads, hashes and extracts one chunk on every core.
fn observe_all(
    settings: &Settings,
    cancel: &AtomicBool,
    candidates: &[Candidate],
    bar: Option<&indicatif::ProgressBar>,
    keep_new_claims: bool,
) -> Vec<Observed> {
    candidates
        .par_iter()
        .map(|c| {
            let o = observe(settings, cancel, c, keep_new_claims);
            if let Some(b) = bar {
                b.inc(1);
            }
            o
        })
        .collect()
}
