//! Reading one candidate file for the reconcile engine ([`observe`]):
//! symlink and size checks, read, blake3 hash, claim extraction. Pure of
//! store access so it can run on every core at once.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use tracing::{info, warn};

use super::feed::{FeedRead, is_feed_name};
use super::reconcile::Settings;
use super::walk;
use crate::claims::Claim;
use crate::diff::Severity;
use crate::render::escape_control;
use crate::sinks::event::line::{MAX_LINE, created_head, render_created};
use crate::sinks::event::{self, ChangeEvent, EventKind};
use crate::store::{FileRow, Packed, StoredItem, codec};

/// A file that may have changed.
pub(super) struct Candidate {
    pub(super) root: usize,
    pub(super) rel: String,
    pub(super) abs: PathBuf,
    pub(super) row: Option<FileRow>,
    /// For a feed file (by name): its stored items by id.
    pub(super) items: HashMap<String, StoredItem>,
}

/// What reading a candidate found.
pub(super) enum Observed {
    Content(Box<Content>),
    /// A feed version: its new and changed items.
    Feed(Box<FeedRead>),
    Gone,
    Failed,
    /// Not an article by design (a binary file, a symlink out of the
    /// root): logged at INFO, not an error, nothing recorded.
    Skipped,
    Cancelled,
}

pub(super) struct Content {
    /// The file's bytes, packed for the store (here, on a worker core).
    pub(super) raw: Packed,
    pub(super) hash: String,
    pub(super) claims: Vec<Claim>,
    /// The claims as stored, serialised and packed here on a worker core
    /// rather than by the single store writer.
    pub(super) claims_packed: Packed,
    /// For a file the store has never seen: its `created` event, built
    /// here (the writer uses it unless the file turns out to be a rename).
    pub(super) created: Option<Box<Prepared>>,
    pub(super) title: Option<String>,
    pub(super) mtime_ns: i64,
    pub(super) size: i64,
    /// `claims` were dropped here, on the worker that made them: a new
    /// file's claims are not needed by the writer when no alert rule can
    /// read them and no edited rename is looked for; a rename found after
    /// all reads them back from `claims_packed` ([`Content::claims`]).
    /// Freeing them on the writer thread (cross-thread frees) was a
    /// quarter of its instructions in a cold scan.
    pub(super) claims_dropped: bool,
}

impl Content {
    /// The claims, read back from the packed copy if they were dropped.
    pub(super) fn claims(&mut self) -> &[Claim] {
        if self.claims_dropped {
            let packed = match &self.claims_packed {
                Packed::Plain(b) => codec::decode_claims(rusqlite::types::ValueRef::Text(b)),
                Packed::Zstd(z) => codec::decode_claims(rusqlite::types::ValueRef::Blob(z)),
            };
            // Packed here from these very claims: it reads back.
            self.claims = packed.unwrap_or_default();
            self.claims_dropped = false;
        }
        &self.claims
    }
}

/// A `created` event ready for the writer.
pub(super) struct Prepared {
    /// Its changes hold only the first (the one the human log line
    /// names): the rest are the file's claims, which the writer still has
    /// for the alert rules, and the store rebuilds the whole event from
    /// the stored claims.
    pub(super) ev: ChangeEvent,
    /// The change-log line.
    pub(super) line: String,
    /// What the store keeps of the event, packed: the line, or with
    /// `derived` only its head (the line is rebuilt from the claims).
    pub(super) event: Packed,
    /// `events.derived` (store::codec::DERIVED_*), or `None`.
    pub(super) derived: Option<i64>,
}

/// The `created` event of a file new to the store. Its line is written
/// from the claims, and the event keeps no copy of them as changes.
fn prepare_created(
    settings: &Settings,
    c: &Candidate,
    hash: &str,
    ex: &crate::Extraction,
) -> Prepared {
    let root = &settings.roots[c.root].key;
    let mut ev = ChangeEvent {
        schema: event::SCHEMA,
        event_id: event::event_id(root, &c.rel, 1, Some(hash)),
        time: event::now_rfc3339(),
        path: c.rel.clone(),
        root: root.clone(),
        event: EventKind::Created,
        revision: 1,
        prev_revision: None,
        from: None,
        item: None,
        hash: Some(hash.to_string()),
        title: ex.title.clone(),
        severity: Default::default(),
        summary: Default::default(),
        changes: Vec::new(),
    };
    // What the diff against nothing says, without its changes: every
    // claim added, all alike.
    ev.summary.added = ex.claims.len();
    ev.severity = ex
        .claims
        .first()
        .map_or(Severity::None, |c| crate::diff::added(c).severity);
    let (line, spilled) = render_created(&mut ev, &ex.claims, settings.created_claims, MAX_LINE);
    // A line that lists the claims is stored as its head: the store
    // rebuilds it from the revision's claims (kept once).
    let head = (!spilled)
        .then(|| codec::derived_for(settings.created_claims, &ex.claims))
        .flatten()
        .and_then(|d| Some((d, created_head(&ev)?)));
    // Its changes are each claim added. Only the first is kept (the one
    // the human log line names): the writer finds the alert rules that
    // fire from the claims it has anyway, and the line and the store need
    // no changes. A copy of every claim per new file, made here and freed
    // on the writer's thread, was a tenth of a cold scan's allocator time.
    ev.changes = ex
        .claims
        .first()
        .map(crate::diff::added)
        .into_iter()
        .collect();
    let (event, derived) = match head {
        Some((d, head)) => (Packed::event(head), Some(d)),
        None => (Packed::event(line.line.clone()), None),
    };
    Prepared {
        ev,
        event,
        derived,
        line: line.line,
    }
}

pub(super) fn mtime_size(meta: &std::fs::Metadata) -> (i64, i64) {
    use std::os::unix::fs::MetadataExt;
    let ns = meta.mtime().saturating_mul(1_000_000_000) + meta.mtime_nsec();
    (ns, meta.len() as i64)
}

/// Reads one file: size cap, symlink check, hash, extraction. A new
/// file's claims are kept for the writer only with `keep_new_claims`.
pub(super) fn observe(
    settings: &Settings,
    cancel: &AtomicBool,
    c: &Candidate,
    keep_new_claims: bool,
) -> Observed {
    if cancel.load(Ordering::Relaxed) {
        return Observed::Cancelled;
    }
    let root = &settings.roots[c.root];
    let meta = match std::fs::symlink_metadata(&c.abs) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Observed::Gone,
        Err(e) => {
            warn!(path = %escape_control(&c.rel), "cannot read: {e}");
            return Observed::Failed;
        }
    };
    if meta.file_type().is_symlink() && !walk::symlink_inside(&root.dir, &c.abs) {
        info!(path = %escape_control(&c.rel), "{}", walk::SYMLINK_SKIPPED);
        return Observed::Skipped;
    }
    let meta = match std::fs::metadata(&c.abs) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Observed::Gone,
        Err(e) => {
            warn!(path = %escape_control(&c.rel), "cannot read: {e}");
            return Observed::Failed;
        }
    };
    if meta.len() > settings.max_file_bytes {
        warn!(
            path = %escape_control(&c.rel),
            size = meta.len(),
            "skipped: larger than max_file_bytes ({})",
            settings.max_file_bytes
        );
        return Observed::Failed;
    }
    let bytes = match read_regular(&c.abs, settings.max_file_bytes) {
        Ok(b) => b,
        // Vanished between the event and the read: a deletion.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Observed::Gone,
        Err(e) => {
            warn!(path = %escape_control(&c.rel), "cannot read: {e}");
            return Observed::Failed;
        }
    };
    let (mtime_ns, _) = mtime_size(&meta);
    if is_feed_name(&c.rel) {
        return super::feed::read(&c.rel, &bytes, mtime_ns, &c.items);
    }
    let hash = format!("blake3:{}", blake3::hash(&bytes).to_hex());
    match crate::extract_bytes(Path::new(&c.rel), &bytes) {
        Ok(ex) => {
            for w in &ex.warnings {
                warn!(path = %escape_control(&c.rel), "{w}");
            }
            // Packed as soon as possible, so the text, the claims and
            // their serialisations are not all held at once.
            let size = bytes.len() as i64;
            let raw = Packed::pack(bytes);
            let claims_packed = Packed::claims(&ex.claims);
            let created = c
                .row
                .is_none()
                .then(|| Box::new(prepare_created(settings, c, &hash, &ex)));
            let claims_dropped = created.is_some() && !keep_new_claims;
            let claims = if claims_dropped {
                drop(ex.claims);
                Vec::new()
            } else {
                ex.claims
            };
            Observed::Content(Box::new(Content {
                claims_packed,
                size,
                raw,
                hash,
                claims,
                title: ex.title,
                mtime_ns,
                created,
                claims_dropped,
            }))
        }
        // Only binary content fails extraction: deliberate, not an error.
        Err(e) => {
            info!(path = %escape_control(&c.rel), "skipped: {e}");
            Observed::Skipped
        }
    }
}

/// Reads a regular file of at most `max` bytes. Opened non-blocking and
/// checked on the open handle, so a FIFO, socket or device named like an
/// article never blocks the engine, and a file that grows past the limit
/// between the size check and the read is refused rather than slurped.
fn read_regular(path: &Path, max: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::other(
            "not a regular file (a FIFO, socket or device); skipped",
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len().min(max) as usize);
    file.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(std::io::Error::other(format!(
            "grew past max_file_bytes ({max}) while being read; skipped"
        )));
    }
    Ok(bytes)
}
