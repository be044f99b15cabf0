//! The store's one interface ([`Backend`]) and the handle everything else
//! holds ([`Store`]): a boxed backend, SQLite or PostgreSQL, chosen when
//! it is opened. Callers never name a backend; they call the trait's
//! methods through the handle.

use std::ops::{Deref, DerefMut};
use std::path::Path;
use std::time::Duration;

use super::lineage::ArticleRow;
use super::pg::PgStore;
use super::pg::owner::Held;
use super::{
    FileRow, HistoryRow, NewRevision, Pending, Result, RevisionRow, SqliteStore, StagedRevision,
    StoredClaims, StoredItem,
};
use crate::lineage::Revision;

/// What every store backend does. Reads take `&self`; a backend whose
/// client needs `&mut` for a query keeps it behind a `RefCell` (a store
/// lives on one thread at a time).
pub trait Backend: Send {
    /// `"sqlite"` or `"postgres"` (logs, `scan`'s summary).
    fn kind(&self) -> &'static str;
    /// The schema version in use.
    fn schema_version(&self) -> Result<i64>;
    /// The record of one file, live or not.
    fn file(&self, root: &str, path: &str) -> Result<Option<FileRow>>;
    /// Live files of a root (not feed items); with `prefix`, only that
    /// path or those under it.
    fn live_files(&self, root: &str, prefix: Option<&str>) -> Result<Vec<FileRow>>;
    /// Live files of `root` directly in folder `dir` (`""` is the root).
    fn live_children(&self, root: &str, dir: &str) -> Result<Vec<FileRow>>;
    /// Every file record with this relative path, in any root.
    fn files_by_path(&self, path: &str) -> Result<Vec<FileRow>>;
    /// Every root with stored files.
    fn roots(&self) -> Result<Vec<String>>;
    /// Every item stored under the feed at `feed_path` in `root`.
    fn feed_items(&self, root: &str, feed_path: &str) -> Result<Vec<StoredItem>>;
    /// The latest revision that has content (not a deletion).
    fn latest_content_revision(&self, file_id: i64) -> Result<Option<RevisionRow>>;
    /// Revision number and claims of the latest revision with content.
    fn latest_content_claims(&self, file_id: i64) -> Result<Option<(i64, StoredClaims)>>;
    /// The content hash of the latest revision with content.
    fn latest_hash(&self, file_id: i64) -> Result<Option<String>>;
    /// Records a new mtime and size for an unchanged file.
    fn touch(&self, file_id: i64, mtime_ns: i64, size: i64) -> Result<()>;
    /// Writes every revision with its event and outbox rows in one
    /// transaction; returns the event row ids in order. On error nothing
    /// of the batch is stored.
    fn commit_batch(&mut self, items: &[StagedRevision]) -> Result<Vec<i64>>;
    /// Events not yet delivered to `sink`, oldest first.
    fn pending(&self, sink: &str, limit: usize) -> Result<Vec<Pending>>;
    /// How many events still wait for `sink`.
    fn pending_count(&self, sink: &str) -> Result<i64>;
    /// Marks events delivered to `sink`.
    fn mark_delivered(&mut self, sink: &str, event_rows: &[i64]) -> Result<()>;
    /// The whole JSON of one event.
    fn event_json(&self, event_id: &str) -> Result<Option<String>>;
    /// Number of stored events.
    fn event_count(&self) -> Result<i64>;
    /// Events stored after row `after`, oldest first, as (row, change-log
    /// line): what `tail --follow` reads from a shared store.
    fn events_after(&self, after: i64, limit: usize) -> Result<Vec<(i64, String)>>;
    /// The highest event row (0 when there is none).
    fn last_event_row(&self) -> Result<i64>;
    /// Every revision of one file with its event, oldest first.
    fn history(&self, file_id: i64) -> Result<Vec<HistoryRow>>;
    /// Every revision of one article with its claims decoded.
    fn article_revisions(&self, root: &str, path: &str) -> Result<Vec<Revision>>;
    /// One row per tracked article, most recently changed first.
    fn article_index(&self, since: Option<&str>) -> Result<Vec<ArticleRow>>;
    /// Ids and paths of revisions that still hold raw bytes (reindex).
    fn revisions_with_raw(&self) -> Result<Vec<(i64, String)>>;
    /// The raw bytes of one revision.
    fn raw(&self, revision_row: i64) -> Result<Option<Vec<u8>>>;
    /// Replaces the claims of stored revisions (reindex).
    fn update_claims(&mut self, updates: &[(i64, String, Option<String>)]) -> Result<()>;
    /// Caps the store's size (tests of a full disk); SQLite only.
    fn limit_pages(&self, pages: u32) -> Result<i64>;

    /// Takes the roots of `wanted` this node may own; returns those another
    /// node holds. The embedded store has no other nodes (its state
    /// folder's lock keeps a second writer off), so it owns them all.
    fn claim_roots(&self, wanted: &[String], takeover: Duration) -> Result<Vec<Held>> {
        let _ = (wanted, takeover);
        Ok(Vec::new())
    }

    /// The connection to a server store is gone (with it, any root it
    /// owned): the node must stop rather than retry forever.
    fn is_lost(&self) -> bool {
        false
    }

    /// Writes one revision, its event and its outbox rows in one
    /// transaction. Returns the event's row id.
    fn commit(&mut self, n: &NewRevision<'_>) -> Result<i64> {
        let rows = self.commit_batch(std::slice::from_ref(&StagedRevision::from_new(n)))?;
        Ok(rows[0])
    }
}

/// The store handle: one backend, boxed.
pub struct Store(Box<dyn Backend>);

impl Store {
    /// Opens (creating if needed) the SQLite store file.
    pub fn open(path: &Path) -> Result<Store> {
        Ok(Store(Box::new(SqliteStore::open(path)?)))
    }

    /// A private in-memory SQLite store (tests).
    pub fn open_in_memory() -> Result<Store> {
        Ok(Store(Box::new(SqliteStore::open_in_memory()?)))
    }

    /// Opens an existing SQLite store read-only.
    pub fn open_read_only(path: &Path, immutable: bool) -> Result<Store> {
        Ok(Store(Box::new(SqliteStore::open_read_only(
            path, immutable,
        )?)))
    }

    /// Connects to a PostgreSQL store, migrating it; rows this node
    /// writes carry `node`, and its outbox is the one of `roots`.
    pub fn connect(url: &str, node: &str, roots: &[String]) -> Result<Store> {
        Ok(Store(Box::new(PgStore::connect(url, node, roots)?)))
    }

    /// Wraps a backend.
    pub fn from_backend(b: Box<dyn Backend>) -> Store {
        Store(b)
    }
}

impl Deref for Store {
    type Target = dyn Backend;
    fn deref(&self) -> &(dyn Backend + 'static) {
        &*self.0
    }
}

impl DerefMut for Store {
    fn deref_mut(&mut self) -> &mut (dyn Backend + 'static) {
        &mut *self.0
    }
}

/// Forwards the trait to the SQLite store's own methods.
macro_rules! forward {
    ($($name:ident(&self $(, $a:ident: $t:ty)*) -> $r:ty;)* | $($mname:ident(&mut self $(, $ma:ident: $mt:ty)*) -> $mr:ty;)*) => {
        impl Backend for SqliteStore {
            fn kind(&self) -> &'static str {
                "sqlite"
            }
            $(fn $name(&self $(, $a: $t)*) -> $r {
                SqliteStore::$name(self $(, $a)*)
            })*
            $(fn $mname(&mut self $(, $ma: $mt)*) -> $mr {
                SqliteStore::$mname(self $(, $ma)*)
            })*
        }
    };
}

forward! {
    schema_version(&self) -> Result<i64>;
    file(&self, root: &str, path: &str) -> Result<Option<FileRow>>;
    live_files(&self, root: &str, prefix: Option<&str>) -> Result<Vec<FileRow>>;
    live_children(&self, root: &str, dir: &str) -> Result<Vec<FileRow>>;
    files_by_path(&self, path: &str) -> Result<Vec<FileRow>>;
    roots(&self) -> Result<Vec<String>>;
    feed_items(&self, root: &str, feed_path: &str) -> Result<Vec<StoredItem>>;
    latest_content_revision(&self, file_id: i64) -> Result<Option<RevisionRow>>;
    latest_content_claims(&self, file_id: i64) -> Result<Option<(i64, StoredClaims)>>;
    latest_hash(&self, file_id: i64) -> Result<Option<String>>;
    touch(&self, file_id: i64, mtime_ns: i64, size: i64) -> Result<()>;
    pending(&self, sink: &str, limit: usize) -> Result<Vec<Pending>>;
    pending_count(&self, sink: &str) -> Result<i64>;
    event_json(&self, event_id: &str) -> Result<Option<String>>;
    event_count(&self) -> Result<i64>;
    events_after(&self, after: i64, limit: usize) -> Result<Vec<(i64, String)>>;
    history(&self, file_id: i64) -> Result<Vec<HistoryRow>>;
    last_event_row(&self) -> Result<i64>;
    article_revisions(&self, root: &str, path: &str) -> Result<Vec<Revision>>;
    article_index(&self, since: Option<&str>) -> Result<Vec<ArticleRow>>;
    revisions_with_raw(&self) -> Result<Vec<(i64, String)>>;
    raw(&self, revision_row: i64) -> Result<Option<Vec<u8>>>;
    limit_pages(&self, pages: u32) -> Result<i64>;
    |
    commit_batch(&mut self, items: &[StagedRevision]) -> Result<Vec<i64>>;
    mark_delivered(&mut self, sink: &str, event_rows: &[i64]) -> Result<()>;
    update_claims(&mut self, updates: &[(i64, String, Option<String>)]) -> Result<()>;
}
