//! The snapshot store ([`Store`]): watched files, their revisions (raw
//! bytes, content hash, claims), change events and the delivery outbox,
//! behind one interface ([`Backend`]) with two backends: SQLite in the
//! state folder ([`SqliteStore`], the default) and PostgreSQL shared by
//! many nodes ([`pg::PgStore`], `[store] url = "postgres://…"`). A
//! revision, its event and its outbox rows are written in one transaction
//! ([`Backend::commit`]; many revisions at once with
//! [`Backend::commit_batch`]). Raw text, claims and events are stored
//! zstd-compressed ([`codec`]); `decode_claims` reads stored claims.
//!
//! Synchronous on purpose: the daemon owns it from one blocking thread, so
//! there is exactly one writer per node and revision numbers cannot race.

mod backend;
mod batch;
mod children;
pub mod codec;
mod items;
pub mod lineage;
pub mod pg;
mod readonly;
mod schema;
mod sqlite;
#[doc(hidden)]
pub mod testing;

pub use backend::{Backend, Store};
pub use batch::StagedRevision;
pub use codec::{CodecError, Packed, decode_claims};
pub use items::{StoredItem, item_path};
pub use pg::owner::Held;
pub use sqlite::SqliteStore;

/// Store failures, with what was being done.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the store {path}: {source}")]
    Open {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error(
        "the store was written by a newer claimwatch (schema {found}, this one knows {known}); upgrade claimwatch or use another --state"
    )]
    TooNew { found: i64, known: i64 },
    #[error("store: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("cannot reach the store {url}: {source}")]
    Connect {
        url: String,
        #[source]
        source: postgres::Error,
    },
    #[error("store: {}", pg::describe(.0))]
    Pg(#[from] postgres::Error),
    #[error("store: {0}")]
    Unsupported(&'static str),
    #[error("store: {0}")]
    Unreadable(String),
    #[error("store: {0}")]
    Codec(#[from] CodecError),
}

impl StoreError {
    /// The disk (or the store's page limit) is full: worth retrying once
    /// space is freed, unlike a damaged or refused store.
    pub fn is_full(&self) -> bool {
        match self {
            StoreError::Sql(rusqlite::Error::SqliteFailure(e, _)) => {
                e.code == rusqlite::ErrorCode::DiskFull
            }
            StoreError::Pg(e) => pg::is_full(e),
            _ => false,
        }
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// One watched file as last seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRow {
    pub id: i64,
    pub root: String,
    pub path: String,
    /// False once the file was deleted or renamed away.
    pub live: bool,
    pub mtime_ns: i64,
    pub size: i64,
    /// The highest revision number recorded for this file (0 if none).
    pub last_revision: i64,
}

/// Claims read back from the store: an error when they do not parse.
pub type StoredClaims = std::result::Result<Vec<crate::claims::Claim>, CodecError>;

/// One stored revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevisionRow {
    pub id: i64,
    pub revision: i64,
    pub time: String,
    /// `None` for a deletion.
    pub hash: Option<String>,
    pub title: Option<String>,
    pub claims_json: String,
    /// Pruned to `None` past `history_max_revisions`.
    pub raw: Option<Vec<u8>>,
}

/// One line of `claimwatch history`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryRow {
    pub revision: i64,
    pub time: String,
    pub hash: Option<String>,
    pub title: Option<String>,
    pub event_id: Option<String>,
    pub event: Option<String>,
    pub severity: Option<String>,
    pub event_json: Option<String>,
}

/// Everything [`Backend::commit`] writes for one revision.
#[derive(Debug, Clone)]
pub struct NewRevision<'a> {
    pub root: &'a str,
    pub path: &'a str,
    pub revision: i64,
    pub time: &'a str,
    pub hash: Option<&'a str>,
    pub raw: Option<&'a [u8]>,
    pub claims_json: &'a str,
    pub title: Option<&'a str>,
    pub mtime_ns: i64,
    pub size: i64,
    /// The file exists after this revision (false for a deletion).
    pub live: bool,
    pub event_id: &'a str,
    pub event_kind: &'a str,
    pub severity: &'a str,
    pub event_json: &'a str,
    /// Sinks that must each deliver the event (outbox rows).
    pub sinks: &'a [&'a str],
    /// For a rename: the file the content moved away from, marked not live.
    pub retire_file: Option<i64>,
    /// Keep raw bytes only for this many latest revisions of the file.
    pub keep_raw: u32,
}

/// An outbox entry waiting for its sink.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    pub event_row: i64,
    pub event_id: String,
    pub json: String,
}

#[cfg(test)]
mod tests;
