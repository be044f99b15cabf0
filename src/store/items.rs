//! The items of one feed file ([`Store::feed_items`]): rows keyed
//! `feed.xml#<id>` with the hash of their latest revision, which is all
//! the engine needs to decide which items of a new version changed.

use rusqlite::params;

use super::{Result, SqliteStore};

/// One stored item of a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredItem {
    pub file_id: i64,
    /// The item's id (the part of the path after `feed.xml#`).
    pub id: String,
    pub last_revision: i64,
    /// `blake3:<hex>` of the item's content at its latest revision.
    pub hash: Option<String>,
}

/// The store path of an item of the feed at `feed_path`.
pub fn item_path(feed_path: &str, id: &str) -> String {
    format!("{feed_path}#{id}")
}

impl SqliteStore {
    /// Every item stored under the feed at `feed_path` in `root`. A range
    /// scan of the `(root, path)` index: `feed.xml#` up to `feed.xml$`
    /// ('$' being the byte after '#').
    pub fn feed_items(&self, root: &str, feed_path: &str) -> Result<Vec<StoredItem>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.id, f.path, f.last_revision, r.hash FROM files f
             LEFT JOIN revisions r ON r.file_id = f.id AND r.revision = f.last_revision
             WHERE f.root = ?1 AND f.item = 1 AND f.path > ?2 AND f.path < ?3",
        )?;
        let (lo, hi) = (format!("{feed_path}#"), format!("{feed_path}$"));
        let rows = stmt.query_map(params![root, lo, hi], |r| {
            let path: String = r.get(1)?;
            Ok(StoredItem {
                file_id: r.get(0)?,
                id: path.strip_prefix(lo.as_str()).unwrap_or(&path).to_string(),
                last_revision: r.get(2)?,
                hash: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every root with stored files (to find a feed named without its root).
    pub fn roots(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT DISTINCT root FROM files ORDER BY root")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
