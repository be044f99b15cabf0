//! The embedded SQLite backend ([`SqliteStore`]): one file in the state
//! folder, WAL mode, the default store. Its queries are the reference the
//! PostgreSQL backend ([`super::pg`]) mirrors.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};

use super::codec::{self, Packed};
use super::{
    CodecError, FileRow, HistoryRow, Pending, Result, RevisionRow, StoreError, StoredClaims,
    decode_claims, schema,
};

/// The page size of a new store file.
const PAGE_SIZE: u32 = 2048;

/// The SQLite snapshot store.
pub struct SqliteStore {
    pub(super) conn: Connection,
}

impl SqliteStore {
    /// Opens (creating if needed) the store file, enables WAL and migrates.
    pub fn open(path: &Path) -> Result<SqliteStore> {
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.display().to_string(),
            source,
        })?;
        Self::setup(conn, true)
    }

    /// A private in-memory store (tests).
    pub fn open_in_memory() -> Result<SqliteStore> {
        Self::setup(Connection::open_in_memory()?, false)
    }

    fn setup(conn: Connection, wal: bool) -> Result<SqliteStore> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // 2 KiB pages for a new store (an existing one keeps its size):
        // a revision row (raw text and claims, zstd) is 3-5 KB, and on
        // 4 KiB pages one that stays local fills a page alone while one
        // that spills leaves most of an overflow page empty; 15% of the
        // revisions table was slack (7% on 2 KiB pages). 2,000 generated
        // articles: store 0.97x -> 0.91x the corpus, bytes written 5.16x
        // -> 5.04x the article (1 KiB: smaller store, more written).
        conn.execute_batch(&format!("PRAGMA page_size = {PAGE_SIZE};"))?;
        if wal {
            // WAL: readers (`history`, `show`) never block the daemon's writer.
            let _: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
            conn.execute_batch("PRAGMA synchronous=NORMAL;")?;
        }
        conn.execute_batch("PRAGMA foreign_keys=ON;")?;
        let mut store = SqliteStore { conn };
        schema::migrate(&mut store.conn)?;
        Ok(store)
    }

    /// The schema version in use.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    pub(super) fn file_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<FileRow> {
        Ok(FileRow {
            id: r.get(0)?,
            root: r.get(1)?,
            path: r.get(2)?,
            live: r.get(3)?,
            mtime_ns: r.get(4)?,
            size: r.get(5)?,
            last_revision: r.get(6)?,
        })
    }

    pub(super) const FILE_COLS: &str = "id, root, path, live, mtime_ns, size, last_revision";

    /// The record of one file, live or not.
    pub fn file(&self, root: &str, path: &str) -> Result<Option<FileRow>> {
        let sql = format!(
            "SELECT {} FROM files WHERE root = ?1 AND path = ?2",
            Self::FILE_COLS
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        Ok(stmt
            .query_row(params![root, path], Self::file_from_row)
            .optional()?)
    }

    /// Live files of a root (not feed items); with `prefix`, only that path
    /// or those under it.
    /// A prefix is an index range scan (`p`, then `p/` up to `p0`, '0'
    /// being the byte after '/'), so a watcher event for one deleted path
    /// costs the same with 100 or 100,000 files tracked.
    pub fn live_files(&self, root: &str, prefix: Option<&str>) -> Result<Vec<FileRow>> {
        let mut out = Vec::new();
        match prefix {
            None | Some("") => {
                let sql = format!(
                    "SELECT {} FROM files WHERE root = ?1 AND live = 1 AND item = 0 ORDER BY path",
                    Self::FILE_COLS
                );
                let mut stmt = self.conn.prepare_cached(&sql)?;
                for row in stmt.query_map(params![root], Self::file_from_row)? {
                    out.push(row?);
                }
            }
            Some(p) => {
                let sql = format!(
                    "SELECT {} FROM files WHERE root = ?1 AND live = 1 AND item = 0
                       AND (path = ?2 OR (path > ?3 AND path < ?4)) ORDER BY path",
                    Self::FILE_COLS
                );
                let mut stmt = self.conn.prepare_cached(&sql)?;
                let (lo, hi) = (format!("{p}/"), format!("{p}0"));
                for row in stmt.query_map(params![root, p, lo, hi], Self::file_from_row)? {
                    out.push(row?);
                }
            }
        }
        Ok(out)
    }

    /// Every file record with this relative path, in any root.
    pub fn files_by_path(&self, path: &str) -> Result<Vec<FileRow>> {
        let sql = format!(
            "SELECT {} FROM files WHERE path = ?1 ORDER BY root",
            Self::FILE_COLS
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params![path], Self::file_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The latest revision that has content (not a deletion).
    pub fn latest_content_revision(&self, file_id: i64) -> Result<Option<RevisionRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, revision, time, hash, title, claims, raw, raw_enc FROM revisions
             WHERE file_id = ?1 AND hash IS NOT NULL ORDER BY revision DESC LIMIT 1",
        )?;
        let row = stmt
            .query_row(params![file_id], |r| {
                let claims = codec::decode_text(r.get_ref(5)?);
                let raw = codec::decode_raw(r.get_ref(6)?, r.get(7)?);
                Ok((
                    RevisionRow {
                        id: r.get(0)?,
                        revision: r.get(1)?,
                        time: r.get(2)?,
                        hash: r.get(3)?,
                        title: r.get(4)?,
                        claims_json: String::new(),
                        raw: None,
                    },
                    claims,
                    raw,
                ))
            })
            .optional()?;
        let Some((mut row, claims, raw)) = row else {
            return Ok(None);
        };
        row.claims_json = claims?;
        row.raw = raw?;
        Ok(Some(row))
    }

    /// The revision number and claims of a file's latest revision with
    /// content, without its raw text ([`decode_claims`]: a big value is
    /// parsed as it is decompressed). The claims are an error when they
    /// do not parse (another extractor version).
    pub fn latest_content_claims(&self, file_id: i64) -> Result<Option<(i64, StoredClaims)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT revision, claims FROM revisions
             WHERE file_id = ?1 AND hash IS NOT NULL ORDER BY revision DESC LIMIT 1",
        )?;
        Ok(stmt
            .query_row(params![file_id], |r| {
                Ok((r.get(0)?, decode_claims(r.get_ref(1)?)))
            })
            .optional()?)
    }

    /// The content hash of a file's latest revision with content: the
    /// unchanged-file check, without decoding claims or raw text.
    pub fn latest_hash(&self, file_id: i64) -> Result<Option<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT hash FROM revisions
             WHERE file_id = ?1 AND hash IS NOT NULL ORDER BY revision DESC LIMIT 1",
        )?;
        Ok(stmt.query_row(params![file_id], |r| r.get(0)).optional()?)
    }

    /// Records a new mtime and size for an unchanged file (fast path).
    pub fn touch(&self, file_id: i64, mtime_ns: i64, size: i64) -> Result<()> {
        self.conn.execute(
            "UPDATE files SET mtime_ns = ?2, size = ?3 WHERE id = ?1",
            params![file_id, mtime_ns, size],
        )?;
        Ok(())
    }

    /// Events not yet delivered to `sink`, oldest first.
    pub fn pending(&self, sink: &str, limit: usize) -> Result<Vec<Pending>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.id, e.event_id, e.json, e.derived, CASE WHEN e.derived IS NOT NULL THEN
               (SELECT claims FROM revisions WHERE file_id = e.file_id AND revision = e.revision) END
             FROM outbox o JOIN events e ON e.id = o.event_row
             WHERE o.sink = ?1 AND o.delivered = 0 ORDER BY e.id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![sink, limit as i64], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                codec::event_line(r.get_ref(2)?, r.get(3)?, r.get_ref(4)?),
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (event_row, event_id, json) = row?;
            out.push(Pending {
                event_row,
                event_id,
                json: json?,
            });
        }
        Ok(out)
    }

    /// How many events still wait for `sink` (for `scan`'s summary).
    pub fn pending_count(&self, sink: &str) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM outbox WHERE sink = ?1 AND delivered = 0",
            params![sink],
            |r| r.get(0),
        )?)
    }

    /// Marks events delivered to `sink` (after the sink accepted them).
    pub fn mark_delivered(&mut self, sink: &str, event_rows: &[i64]) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut stmt = tx.prepare_cached(
                "UPDATE outbox SET delivered = 1 WHERE sink = ?1 AND event_row = ?2",
            )?;
            for row in event_rows {
                stmt.execute(params![sink, row])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// The stored JSON of one event: the whole event, also when its
    /// change-log line left the changes out for size.
    pub fn event_json(&self, event_id: &str) -> Result<Option<String>> {
        let found = self
            .conn
            .query_row(
                "SELECT e.full, e.json, r.claims, e.derived FROM events e
                 LEFT JOIN revisions r ON r.file_id = e.file_id AND r.revision = e.revision
                 WHERE e.event_id = ?1",
                params![event_id],
                |r| {
                    Ok(whole_event(
                        r.get_ref(0)?,
                        r.get_ref(1)?,
                        r.get(3)?,
                        r.get_ref(2)?,
                    ))
                },
            )
            .optional()?;
        Ok(found.transpose()?)
    }

    /// Number of stored events.
    pub fn event_count(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM events", [], |r| r.get(0))?)
    }

    /// Events stored after row `after`, oldest first, with their
    /// change-log lines.
    pub fn events_after(&self, after: i64, limit: usize) -> Result<Vec<(i64, String)>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT e.id, e.json, e.derived, CASE WHEN e.derived IS NOT NULL THEN
                   (SELECT claims FROM revisions WHERE file_id = e.file_id AND revision = e.revision) END
                 FROM events e WHERE e.id > ?1 ORDER BY e.id LIMIT ?2",
            )?;
        let rows = stmt.query_map(params![after, limit as i64], |r| {
            Ok((
                r.get(0)?,
                codec::event_line(r.get_ref(1)?, r.get(2)?, r.get_ref(3)?),
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, json) = row?;
            out.push((id, json?));
        }
        Ok(out)
    }

    /// The highest event row (0 when there is none).
    pub fn last_event_row(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT coalesce(max(id), 0) FROM events", [], |r| r.get(0))?)
    }

    /// Every revision of one file with its event, oldest first.
    pub fn history(&self, file_id: i64) -> Result<Vec<HistoryRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT r.revision, r.time, r.hash, r.title, e.event_id, e.kind, e.severity,
                    e.full, e.json, r.claims, e.derived
             FROM revisions r LEFT JOIN events e
               ON e.file_id = r.file_id AND e.revision = r.revision
             WHERE r.file_id = ?1 ORDER BY r.revision",
        )?;
        let rows = stmt.query_map(params![file_id], |r| {
            let json = match r.get_ref(8)? {
                rusqlite::types::ValueRef::Null => Ok(None),
                line => whole_event(r.get_ref(7)?, line, r.get(10)?, r.get_ref(9)?).map(Some),
            };
            Ok((
                HistoryRow {
                    revision: r.get(0)?,
                    time: r.get(1)?,
                    hash: r.get(2)?,
                    title: r.get(3)?,
                    event_id: r.get(4)?,
                    event: r.get(5)?,
                    severity: r.get(6)?,
                    event_json: None,
                },
                json,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (mut h, json) = row?;
            h.event_json = json?;
            out.push(h);
        }
        Ok(out)
    }

    /// Ids and paths of revisions that still hold raw bytes (for reindex).
    pub fn revisions_with_raw(&self) -> Result<Vec<(i64, String)>> {
        let mut stmt = self.conn.prepare(
            "SELECT r.id, f.path FROM revisions r JOIN files f ON f.id = r.file_id
             WHERE r.raw IS NOT NULL ORDER BY r.id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The raw bytes of one revision.
    pub fn raw(&self, revision_row: i64) -> Result<Option<Vec<u8>>> {
        let found = self
            .conn
            .query_row(
                "SELECT raw, raw_enc FROM revisions WHERE id = ?1",
                params![revision_row],
                |r| Ok(codec::decode_raw(r.get_ref(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(found.transpose()?.flatten())
    }

    /// Replaces the claims of stored revisions (reindex), in one transaction.
    /// A revision whose `created` event is derived from its claims gets
    /// that event's line stored whole first, so it still reads as written.
    pub fn update_claims(&mut self, updates: &[(i64, String, Option<String>)]) -> Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut derived = tx.prepare_cached(
                "SELECT e.id, e.json, e.derived, r.claims FROM revisions r
                 JOIN events e ON e.file_id = r.file_id AND e.revision = r.revision
                 WHERE r.id = ?1 AND e.derived IS NOT NULL",
            )?;
            let mut whole =
                tx.prepare_cached("UPDATE events SET json = ?2, derived = NULL WHERE id = ?1")?;
            for (id, _, _) in updates {
                let found = derived
                    .query_row(params![id], |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            codec::event_line(r.get_ref(1)?, r.get(2)?, r.get_ref(3)?),
                        ))
                    })
                    .optional()?;
                if let Some((event_row, line)) = found {
                    whole.execute(params![event_row, Packed::event(line?)])?;
                }
            }
            let mut stmt =
                tx.prepare_cached("UPDATE revisions SET claims = ?2, title = ?3 WHERE id = ?1")?;
            for (id, claims, title) in updates {
                stmt.execute(params![id, Packed::pack_str(claims.clone()), title])?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}

/// The whole JSON of a stored event: its `full` column when the line
/// left the changes out, else the line (rebuilt from the revision's claims
/// when `derived`), except a spilled `created` line, whose changes are
/// rebuilt from the revision's claims (stored once).
pub(super) fn whole_event(
    full: rusqlite::types::ValueRef<'_>,
    line: rusqlite::types::ValueRef<'_>,
    derived: Option<i64>,
    claims: rusqlite::types::ValueRef<'_>,
) -> std::result::Result<String, CodecError> {
    use rusqlite::types::ValueRef;
    if !matches!(full, ValueRef::Null) {
        return codec::decode_text(full);
    }
    if derived.is_some() {
        return codec::event_line(line, derived, claims);
    }
    let line = codec::decode_text(line)?;
    if !line.contains("\"changes_spilled\"") || matches!(claims, ValueRef::Null) {
        return Ok(line);
    }
    let claims = decode_claims(claims)?;
    Ok(crate::sinks::event::line::created_full(&line, &claims).unwrap_or(line))
}
