//! The PostgreSQL backend ([`PgStore`]): one store shared by many nodes
//! (`[store] url = "postgres://…"`). The same tables as SQLite plus the
//! node that wrote each row; the outbox is read per owned root, so a node
//! that takes a root over also delivers what its dead owner left. Which
//! node owns a root is an advisory lock held on this very connection
//! ([`owner`]): if the connection dies, so does the ownership, and no
//! write can follow it.

mod error;
pub mod owner;
mod rows;
mod schema;

use std::cell::RefCell;
use std::time::Duration;

use postgres::types::ToSql;
use postgres::{Client, NoTls, Row};
use rusqlite::types::ValueRef;

use super::codec::{self, Packed};
use super::lineage::{ArticleRow, EventSummary};
use super::sqlite::whole_event;
use super::{
    Backend, FileRow, HistoryRow, Pending, Result, RevisionRow, StagedRevision, StoreError,
    StoredClaims, StoredItem, decode_claims,
};
use crate::lineage::Revision;

pub use error::{describe, is_full};
use rows::{FILE_COLS, file_row, packed_ref, parts, stored_line};
pub use schema::MIGRATIONS;

/// A PostgreSQL store, as one node sees it.
pub struct PgStore {
    client: RefCell<Client>,
    node: String,
    /// The roots this node writes and delivers (its outbox).
    roots: Vec<String>,
}

impl PgStore {
    /// Connects and migrates. The URL is libpq's (`postgres://user@host/db`
    /// or `host=… dbname=…`); `node` stamps the rows this node writes.
    pub fn connect(url: &str, node: &str, roots: &[String]) -> Result<PgStore> {
        let mut client = Client::connect(url, NoTls).map_err(|source| StoreError::Connect {
            url: crate::config::redact_url(url),
            source,
        })?;
        schema::migrate(&mut client)?;
        Ok(PgStore {
            client: RefCell::new(client),
            node: node.to_string(),
            roots: roots.to_vec(),
        })
    }

    /// The node's name, as stamped on its rows.
    pub fn node(&self) -> &str {
        &self.node
    }

    fn query(&self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Vec<Row>> {
        Ok(self.client.borrow_mut().query(sql, params)?)
    }

    fn query_opt(&self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Option<Row>> {
        Ok(self.client.borrow_mut().query_opt(sql, params)?)
    }

    fn files(&self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Vec<FileRow>> {
        Ok(self.query(sql, params)?.iter().map(file_row).collect())
    }
}

impl Backend for PgStore {
    fn kind(&self) -> &'static str {
        "postgres"
    }

    fn schema_version(&self) -> Result<i64> {
        schema::version(&mut self.client.borrow_mut())
    }

    fn file(&self, root: &str, path: &str) -> Result<Option<FileRow>> {
        let sql = format!("SELECT {FILE_COLS} FROM files WHERE root = $1 AND path = $2");
        Ok(self
            .query_opt(&sql, &[&root, &path])?
            .as_ref()
            .map(file_row))
    }

    fn live_files(&self, root: &str, prefix: Option<&str>) -> Result<Vec<FileRow>> {
        match prefix {
            None | Some("") => self.files(
                &format!(
                    "SELECT {FILE_COLS} FROM files WHERE root = $1 AND live AND NOT item ORDER BY path"
                ),
                &[&root],
            ),
            Some(p) => {
                let (lo, hi) = (format!("{p}/"), format!("{p}0"));
                self.files(
                    &format!(
                        "SELECT {FILE_COLS} FROM files WHERE root = $1 AND live AND NOT item
                           AND (path = $2 OR (path > $3 AND path < $4)) ORDER BY path"
                    ),
                    &[&root, &p, &lo, &hi],
                )
            }
        }
    }

    fn live_children(&self, root: &str, dir: &str) -> Result<Vec<FileRow>> {
        if dir.is_empty() {
            return self.files(
                &format!(
                    "SELECT {FILE_COLS} FROM files WHERE root = $1 AND live AND NOT item
                       AND strpos(path, '/') = 0 ORDER BY path"
                ),
                &[&root],
            );
        }
        let (lo, hi) = (format!("{dir}/"), format!("{dir}0"));
        // substr counts characters, as in SQLite.
        let from = dir.chars().count() as i32 + 2;
        self.files(
            &format!(
                "SELECT {FILE_COLS} FROM files WHERE root = $1 AND live AND NOT item
                   AND path > $2 AND path < $3
                   AND strpos(substr(path, $4), '/') = 0 ORDER BY path"
            ),
            &[&root, &lo, &hi, &from],
        )
    }

    fn files_by_path(&self, path: &str) -> Result<Vec<FileRow>> {
        self.files(
            &format!("SELECT {FILE_COLS} FROM files WHERE path = $1 ORDER BY root"),
            &[&path],
        )
    }

    fn roots(&self) -> Result<Vec<String>> {
        let rows = self.query("SELECT DISTINCT root FROM files ORDER BY root", &[])?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    fn feed_items(&self, root: &str, feed_path: &str) -> Result<Vec<StoredItem>> {
        let (lo, hi) = (format!("{feed_path}#"), format!("{feed_path}$"));
        let rows = self.query(
            "SELECT f.id, f.path, f.last_revision, r.hash FROM files f
             LEFT JOIN revisions r ON r.file_id = f.id AND r.revision = f.last_revision
             WHERE f.root = $1 AND f.item AND f.path > $2 AND f.path < $3",
            &[&root, &lo, &hi],
        )?;
        Ok(rows
            .iter()
            .map(|r| {
                let path: String = r.get(1);
                StoredItem {
                    file_id: r.get(0),
                    id: path.strip_prefix(lo.as_str()).unwrap_or(&path).to_string(),
                    last_revision: r.get(2),
                    hash: r.get(3),
                }
            })
            .collect())
    }

    fn latest_content_revision(&self, file_id: i64) -> Result<Option<RevisionRow>> {
        let Some(r) = self.query_opt(
            "SELECT id, revision, time, hash, title, claims, claims_z, raw, raw_enc FROM revisions
             WHERE file_id = $1 AND hash IS NOT NULL ORDER BY revision DESC LIMIT 1",
            &[&file_id],
        )?
        else {
            return Ok(None);
        };
        let claims = codec::decode_text(packed_ref(r.get(5), r.get(6)))?;
        let raw_enc: i16 = r.get(8);
        let raw = match r.get::<_, Option<&[u8]>>(7) {
            None => None,
            Some(b) => codec::decode_raw(ValueRef::Blob(b), i64::from(raw_enc))?,
        };
        Ok(Some(RevisionRow {
            id: r.get(0),
            revision: r.get(1),
            time: r.get(2),
            hash: r.get(3),
            title: r.get(4),
            claims_json: claims,
            raw,
        }))
    }

    fn latest_content_claims(&self, file_id: i64) -> Result<Option<(i64, StoredClaims)>> {
        let row = self.query_opt(
            "SELECT revision, claims, claims_z FROM revisions
             WHERE file_id = $1 AND hash IS NOT NULL ORDER BY revision DESC LIMIT 1",
            &[&file_id],
        )?;
        Ok(row.map(|r| (r.get(0), decode_claims(packed_ref(r.get(1), r.get(2))))))
    }

    fn latest_hash(&self, file_id: i64) -> Result<Option<String>> {
        let row = self.query_opt(
            "SELECT hash FROM revisions
             WHERE file_id = $1 AND hash IS NOT NULL ORDER BY revision DESC LIMIT 1",
            &[&file_id],
        )?;
        Ok(row.map(|r| r.get(0)))
    }

    fn touch(&self, file_id: i64, mtime_ns: i64, size: i64) -> Result<()> {
        self.client.borrow_mut().execute(
            "UPDATE files SET mtime_ns = $2, size = $3 WHERE id = $1",
            &[&file_id, &mtime_ns, &size],
        )?;
        Ok(())
    }

    fn commit_batch(&mut self, items: &[StagedRevision]) -> Result<Vec<i64>> {
        let node = self.node.as_str();
        let mut client = self.client.borrow_mut();
        let mut tx = client.transaction()?;
        // One statement (one round trip) per revision: the file row, the
        // revision, the event, its outbox rows, the rename's retired file
        // and the raw text pruned past `keep_raw`. Data-modifying CTEs all
        // run, whether or not the final SELECT reads them.
        let one = tx.prepare(
            "WITH f AS (
               INSERT INTO files (root, path, live, mtime_ns, size, last_revision, item, node)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
               ON CONFLICT (root, path) DO UPDATE SET live = excluded.live,
                 mtime_ns = excluded.mtime_ns, size = excluded.size,
                 last_revision = excluded.last_revision, node = excluded.node
               RETURNING id),
             r AS (
               INSERT INTO revisions (file_id, revision, time, hash, raw, raw_enc, claims, claims_z, title, node)
               SELECT f.id, $6, $9, $10, $11, $12, $13, $14, $15, $8 FROM f),
             e AS (
               INSERT INTO events (event_id, file_id, revision, time, kind, severity, json, json_z,
                                   full_json, full_z, node, derived)
               SELECT $16, f.id, $6, $9, $17, $18, $19, $20, $21, $22, $8, $26 FROM f
               RETURNING id),
             o AS (
               INSERT INTO outbox (event_row, sink, root, delivered)
               SELECT e.id, s, $1, false FROM e, unnest($23::text[]) AS s),
             t AS (UPDATE files SET live = false WHERE id = $24),
             p AS (
               UPDATE revisions SET raw = NULL
               WHERE file_id = (SELECT id FROM f) AND raw IS NOT NULL AND revision <= $25)
             SELECT id FROM e",
        )?;
        let mut rows = Vec::with_capacity(items.len());
        for n in items {
            let raw = n.raw.as_ref().map(|p| parts(p).0);
            let raw_enc = n.raw.as_ref().map_or(0, Packed::enc) as i16;
            let (claims, claims_z) = parts(&n.claims);
            let (json, json_z) = parts(&n.event);
            let full = n.full_event.as_ref().map(parts);
            let (full_json, full_z) = (full.map(|f| f.0), full.is_some_and(|f| f.1));
            let prune_to = n.revision - i64::from(n.keep_raw);
            let derived = n.event_derived.map(|d| d as i16);
            let event_row: i64 = tx
                .query_one(
                    &one,
                    &[
                        &n.root,
                        &n.path,
                        &n.live,
                        &n.mtime_ns,
                        &n.size,
                        &n.revision,
                        &n.item,
                        &node,
                        &n.time,
                        &n.hash,
                        &raw,
                        &raw_enc,
                        &claims,
                        &claims_z,
                        &n.title,
                        &n.event_id,
                        &n.event_kind,
                        &n.severity,
                        &json,
                        &json_z,
                        &full_json,
                        &full_z,
                        &n.sinks,
                        &n.retire_file,
                        &prune_to,
                        &derived,
                    ],
                )?
                .get(0);
            rows.push(event_row);
        }
        tx.commit()?;
        Ok(rows)
    }

    fn pending(&self, sink: &str, limit: usize) -> Result<Vec<Pending>> {
        let rows = self.query(
            "SELECT e.id, e.event_id, e.json, e.json_z, e.derived, r.claims, r.claims_z
             FROM outbox o JOIN events e ON e.id = o.event_row
             LEFT JOIN revisions r ON e.derived IS NOT NULL
               AND r.file_id = e.file_id AND r.revision = e.revision
             WHERE o.sink = $1 AND NOT o.delivered AND o.root = ANY($2)
             ORDER BY o.event_row LIMIT $3",
            &[&sink, &self.roots, &(limit as i64)],
        )?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            out.push(Pending {
                event_row: r.get(0),
                event_id: r.get(1),
                json: stored_line(r, 2)?,
            });
        }
        Ok(out)
    }

    fn pending_count(&self, sink: &str) -> Result<i64> {
        let r = self.query(
            "SELECT count(*) FROM outbox WHERE sink = $1 AND NOT delivered AND root = ANY($2)",
            &[&sink, &self.roots],
        )?;
        Ok(r.first().map_or(0, |r| r.get(0)))
    }

    fn mark_delivered(&mut self, sink: &str, event_rows: &[i64]) -> Result<()> {
        self.client.borrow_mut().execute(
            "UPDATE outbox SET delivered = true WHERE sink = $1 AND event_row = ANY($2)",
            &[&sink, &event_rows],
        )?;
        Ok(())
    }

    fn event_json(&self, event_id: &str) -> Result<Option<String>> {
        let Some(r) = self.query_opt(
            "SELECT e.full_json, e.full_z, e.json, e.json_z, r.claims, r.claims_z, e.derived
             FROM events e
             LEFT JOIN revisions r ON r.file_id = e.file_id AND r.revision = e.revision
             WHERE e.event_id = $1",
            &[&event_id],
        )?
        else {
            return Ok(None);
        };
        let claims_z: Option<bool> = r.get(5);
        Ok(Some(whole_event(
            packed_ref(r.get(0), r.get(1)),
            packed_ref(r.get(2), r.get(3)),
            r.get::<_, Option<i16>>(6).map(i64::from),
            packed_ref(r.get(4), claims_z.unwrap_or(false)),
        )?))
    }

    fn event_count(&self) -> Result<i64> {
        let r = self.query("SELECT count(*) FROM events", &[])?;
        Ok(r.first().map_or(0, |r| r.get(0)))
    }

    fn events_after(&self, after: i64, limit: usize) -> Result<Vec<(i64, String)>> {
        let rows = self.query(
            "SELECT e.id, e.json, e.json_z, e.derived, r.claims, r.claims_z FROM events e
             LEFT JOIN revisions r ON e.derived IS NOT NULL
               AND r.file_id = e.file_id AND r.revision = e.revision
             WHERE e.id > $1 ORDER BY e.id LIMIT $2",
            &[&after, &(limit as i64)],
        )?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            out.push((r.get(0), stored_line(r, 1)?));
        }
        Ok(out)
    }

    fn last_event_row(&self) -> Result<i64> {
        let r = self.query("SELECT coalesce(max(id), 0)::bigint FROM events", &[])?;
        Ok(r.first().map_or(0, |r| r.get(0)))
    }

    fn history(&self, file_id: i64) -> Result<Vec<HistoryRow>> {
        let rows = self.query(
            "SELECT r.revision, r.time, r.hash, r.title, e.event_id, e.kind, e.severity,
                    e.full_json, e.full_z, e.json, e.json_z, r.claims, r.claims_z, e.derived
             FROM revisions r LEFT JOIN events e
               ON e.file_id = r.file_id AND e.revision = r.revision
             WHERE r.file_id = $1 ORDER BY r.revision",
            &[&file_id],
        )?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let line: Option<&[u8]> = r.get(9);
            let event_json = match line {
                None => None,
                Some(_) => Some(whole_event(
                    packed_ref(r.get(7), r.get::<_, Option<bool>>(8).unwrap_or(false)),
                    packed_ref(line, r.get::<_, Option<bool>>(10).unwrap_or(false)),
                    r.get::<_, Option<i16>>(13).map(i64::from),
                    packed_ref(r.get(11), r.get(12)),
                )?),
            };
            out.push(HistoryRow {
                revision: r.get(0),
                time: r.get(1),
                hash: r.get(2),
                title: r.get(3),
                event_id: r.get(4),
                event: r.get(5),
                severity: r.get(6),
                event_json,
            });
        }
        Ok(out)
    }

    fn article_revisions(&self, root: &str, path: &str) -> Result<Vec<Revision>> {
        let rows = self.query(
            "SELECT r.revision, r.time, r.title, r.hash, r.claims, r.claims_z FROM revisions r
             JOIN files f ON f.id = r.file_id
             WHERE f.root = $1 AND f.path = $2 ORDER BY r.revision",
            &[&root, &path],
        )?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let revision: i64 = r.get(0);
            let claims =
                super::lineage::decode_claims(packed_ref(r.get(4), r.get(5))).map_err(|e| {
                    StoreError::Unreadable(format!(
                        "unreadable claims of {root}/{path} revision {revision}: {e}"
                    ))
                })?;
            out.push(Revision {
                revision,
                time: r.get(1),
                title: r.get(2),
                deleted: r.get::<_, Option<String>>(3).is_none(),
                claims,
            });
        }
        Ok(out)
    }

    fn article_index(&self, since: Option<&str>) -> Result<Vec<ArticleRow>> {
        let rows = self.query(
            "SELECT f.id, f.root, f.path, f.live,
                    (SELECT title FROM revisions WHERE file_id = f.id AND title IS NOT NULL
                       ORDER BY revision DESC LIMIT 1),
                    (SELECT count(*) FROM revisions WHERE file_id = f.id),
                    e.time, e.kind, e.severity,
                    (SELECT max(CASE severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2
                                 WHEN 'low' THEN 1 ELSE 0 END)
                       FROM events WHERE file_id = f.id),
                    e.json, e.json_z
             FROM files f
             LEFT JOIN events e ON e.id =
               (SELECT id FROM events WHERE file_id = f.id ORDER BY revision DESC LIMIT 1)
             WHERE $1::text IS NULL OR EXISTS
               (SELECT 1 FROM events WHERE file_id = f.id AND time >= $1)
             ORDER BY e.time DESC NULLS LAST, f.root, f.path",
            &[&since],
        )?;
        Ok(rows
            .iter()
            .map(|r| {
                let max: Option<i32> = r.get(9);
                let summary = r
                    .get::<_, Option<&[u8]>>(10)
                    .and_then(|b| codec::decode_text(packed_ref(Some(b), r.get(11))).ok())
                    .and_then(|j| serde_json::from_str::<EventSummary>(&j).ok())
                    .map(|e| e.summary)
                    .unwrap_or_default();
                ArticleRow {
                    file_id: r.get(0),
                    root: r.get(1),
                    path: r.get(2),
                    live: r.get(3),
                    title: r.get(4),
                    revisions: r.get(5),
                    last_time: r.get(6),
                    last_event: r.get(7),
                    last_severity: r.get(8),
                    max_severity: max.map(|m| {
                        ["none", "low", "medium", "high"][m.clamp(0, 3) as usize].to_string()
                    }),
                    added: summary.added as i64,
                    removed: summary.removed as i64,
                    modified: summary.modified as i64,
                }
            })
            .collect())
    }

    fn revisions_with_raw(&self) -> Result<Vec<(i64, String)>> {
        let rows = self.query(
            "SELECT r.id, f.path FROM revisions r JOIN files f ON f.id = r.file_id
             WHERE r.raw IS NOT NULL ORDER BY r.id",
            &[],
        )?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    fn raw(&self, revision_row: i64) -> Result<Option<Vec<u8>>> {
        let Some(r) = self.query_opt(
            "SELECT raw, raw_enc FROM revisions WHERE id = $1",
            &[&revision_row],
        )?
        else {
            return Ok(None);
        };
        let enc: i16 = r.get(1);
        match r.get::<_, Option<&[u8]>>(0) {
            None => Ok(None),
            Some(b) => Ok(codec::decode_raw(ValueRef::Blob(b), i64::from(enc))?),
        }
    }

    fn update_claims(&mut self, updates: &[(i64, String, Option<String>)]) -> Result<()> {
        let mut client = self.client.borrow_mut();
        let mut tx = client.transaction()?;
        // A derived `created` event is stored whole first (as SQLite).
        let derived = tx.prepare(
            "SELECT e.id, e.json, e.json_z, e.derived, r.claims, r.claims_z FROM revisions r
             JOIN events e ON e.file_id = r.file_id AND e.revision = r.revision
             WHERE r.id = $1 AND e.derived IS NOT NULL",
        )?;
        let whole =
            tx.prepare("UPDATE events SET json = $2, json_z = $3, derived = NULL WHERE id = $1")?;
        for (id, _, _) in updates {
            if let Some(r) = tx.query_opt(&derived, &[id])? {
                let event_row: i64 = r.get(0);
                let line = Packed::pack_str(stored_line(&r, 1)?);
                let (bytes, z) = parts(&line);
                tx.execute(&whole, &[&event_row, &bytes, &z])?;
            }
        }
        let stmt = tx
            .prepare("UPDATE revisions SET claims = $2, claims_z = $3, title = $4 WHERE id = $1")?;
        for (id, claims, title) in updates {
            let packed = Packed::pack_str(claims.clone());
            let (bytes, z) = parts(&packed);
            tx.execute(&stmt, &[id, &bytes, &z, title])?;
        }
        tx.commit()?;
        Ok(())
    }

    fn limit_pages(&self, _pages: u32) -> Result<i64> {
        Err(StoreError::Unsupported(
            "a size cap is a SQLite test hook; PostgreSQL has none",
        ))
    }

    fn is_lost(&self) -> bool {
        self.client.try_borrow().is_ok_and(|c| c.is_closed())
    }

    fn claim_roots(&self, wanted: &[String], takeover: Duration) -> Result<Vec<owner::Held>> {
        owner::claim(&mut self.client.borrow_mut(), &self.node, wanted, takeover)
    }
}
