//! Many revisions in one transaction ([`super::Backend::commit_batch`]).
//! Each [`StagedRevision`] carries everything already encoded (on a worker
//! core), so the writer only binds and inserts. A batch commits or fails
//! as a whole; a revision is never stored without its event and outbox
//! rows, so atomicity per revision holds at any batch size.

use rusqlite::params;

use super::codec::Packed;
use super::{NewRevision, Result, SqliteStore};

/// Everything one revision writes, owned and packed.
#[derive(Debug, Clone)]
pub struct StagedRevision {
    pub root: String,
    pub path: String,
    pub revision: i64,
    pub time: String,
    /// `None` for a deletion.
    pub hash: Option<String>,
    pub raw: Option<Packed>,
    /// The claims JSON, packed.
    pub claims: Packed,
    pub title: Option<String>,
    pub mtime_ns: i64,
    pub size: i64,
    /// The file exists after this revision (false for a deletion).
    pub live: bool,
    pub event_id: String,
    pub event_kind: String,
    pub severity: String,
    /// The event as its change-log line, packed; with `event_derived`,
    /// only the head of a `created` event, whose line is rebuilt from
    /// `claims` ([`super::codec::event_line`]).
    pub event: Packed,
    /// `events.derived`: `None`, or a [`super::codec::DERIVED_COMPACT`]
    /// or [`super::codec::DERIVED_FULL`] `created` event.
    pub event_derived: Option<i64>,
    /// The whole event when its line left the changes out (too big for
    /// one line): what `show` renders.
    pub full_event: Option<Packed>,
    /// Sinks that must each deliver the event (outbox rows).
    pub sinks: Vec<String>,
    /// For a rename: the file the content moved away from, marked not live.
    pub retire_file: Option<i64>,
    /// Keep raw bytes only for this many latest revisions of the file.
    pub keep_raw: u32,
    /// The row is a feed item (`feed.xml#<id>`), not a file on disk.
    pub item: bool,
}

impl StagedRevision {
    /// The owned, packed form of one [`NewRevision`].
    pub fn from_new(n: &NewRevision<'_>) -> StagedRevision {
        StagedRevision {
            root: n.root.to_string(),
            path: n.path.to_string(),
            revision: n.revision,
            time: n.time.to_string(),
            hash: n.hash.map(str::to_string),
            raw: n.raw.map(|b| Packed::pack(b.to_vec())),
            claims: Packed::pack_str(n.claims_json.to_string()),
            title: n.title.map(str::to_string),
            mtime_ns: n.mtime_ns,
            size: n.size,
            live: n.live,
            event_id: n.event_id.to_string(),
            event_kind: n.event_kind.to_string(),
            severity: n.severity.to_string(),
            event: Packed::event(n.event_json.to_string()),
            event_derived: None,
            full_event: None,
            sinks: n.sinks.iter().map(|s| s.to_string()).collect(),
            retire_file: n.retire_file,
            keep_raw: n.keep_raw,
            item: false,
        }
    }

    /// Roughly the bytes this revision adds to the store (batch bounds).
    pub fn weight(&self) -> usize {
        self.raw.as_ref().map_or(0, Packed::len)
            + self.claims.len()
            + self.event.len()
            + self.full_event.as_ref().map_or(0, Packed::len)
            + 256
    }
}

impl SqliteStore {
    /// Writes every revision with its event and outbox rows in one
    /// transaction, pruning old raw text per file. Returns the event row
    /// ids, in order. On error nothing of the batch is stored.
    pub fn commit_batch(&mut self, items: &[StagedRevision]) -> Result<Vec<i64>> {
        let tx = self.conn.transaction()?;
        let mut rows = Vec::with_capacity(items.len());
        {
            let mut file = tx.prepare_cached(
                "INSERT INTO files (root, path, live, mtime_ns, size, last_revision, item)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (root, path) DO UPDATE SET live = excluded.live,
                   mtime_ns = excluded.mtime_ns, size = excluded.size,
                   last_revision = excluded.last_revision
                 RETURNING id",
            )?;
            let mut revision = tx.prepare_cached(
                "INSERT INTO revisions (file_id, revision, time, hash, raw, raw_enc, claims, title)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            let mut event = tx.prepare_cached(
                "INSERT INTO events (event_id, file_id, revision, time, kind, severity, json, full,
                                     derived)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id",
            )?;
            let mut outbox = tx.prepare_cached(
                "INSERT INTO outbox (event_row, sink, delivered) VALUES (?1, ?2, 0)",
            )?;
            let mut retire = tx.prepare_cached("UPDATE files SET live = 0 WHERE id = ?1")?;
            let mut prune = tx.prepare_cached(
                "UPDATE revisions SET raw = NULL
                 WHERE file_id = ?1 AND raw IS NOT NULL AND revision <= ?2",
            )?;
            for n in items {
                let file_id: i64 = file.query_row(
                    params![
                        n.root, n.path, n.live, n.mtime_ns, n.size, n.revision, n.item
                    ],
                    |r| r.get(0),
                )?;
                revision.execute(params![
                    file_id,
                    n.revision,
                    n.time,
                    n.hash,
                    n.raw.as_ref().map(Packed::as_blob),
                    n.raw.as_ref().map_or(0, Packed::enc),
                    n.claims,
                    n.title
                ])?;
                let event_row: i64 = event.query_row(
                    params![
                        n.event_id,
                        file_id,
                        n.revision,
                        n.time,
                        n.event_kind,
                        n.severity,
                        n.event,
                        n.full_event.as_ref().map(Packed::as_blob),
                        n.event_derived
                    ],
                    |r| r.get(0),
                )?;
                for sink in &n.sinks {
                    outbox.execute(params![event_row, sink])?;
                }
                if let Some(old) = n.retire_file {
                    retire.execute(params![old])?;
                }
                // Only when something can be old enough to prune: skips a
                // statement per created file.
                if n.revision > i64::from(n.keep_raw) {
                    prune.execute(params![file_id, n.revision - i64::from(n.keep_raw)])?;
                }
                rows.push(event_row);
            }
        }
        tx.commit()?;
        Ok(rows)
    }

    /// Caps the store file at `pages` pages (SQLite `max_page_count`), so
    /// tests can fill the "disk" and see writes fail as on a full disk.
    pub fn limit_pages(&self, pages: u32) -> Result<i64> {
        Ok(self
            .conn
            .query_row(&format!("PRAGMA max_page_count = {pages}"), [], |r| {
                r.get(0)
            })?)
    }
}
