//! Read accessors for claim lineage and the HTML report: every revision of
//! one article with its claims ([`Store::article_revisions`]) and one row
//! per tracked article with its latest event ([`Store::article_index`]).
//!
//! Stored claims and events are read through [`super::codec`], the one
//! place that knows their encoding (plain text or a zstd frame).

use rusqlite::params;
use rusqlite::types::ValueRef;

use super::{Result, SqliteStore, StoreError};
use crate::claims::Claim;
use crate::lineage::Revision;

/// Decodes the `claims` column of a revision (plain or packed JSON).
pub(super) fn decode_claims(v: ValueRef<'_>) -> std::result::Result<Vec<Claim>, String> {
    match v {
        ValueRef::Text(t) if t.trim_ascii().is_empty() => Ok(Vec::new()),
        v => super::codec::decode_claims(v).map_err(|e| e.to_string()),
    }
}

/// Decodes a stored event document; `None` when unreadable.
pub(super) fn decode_text(v: ValueRef<'_>) -> Option<String> {
    super::codec::decode_text(v).ok()
}

/// The part of a stored event the index shows.
#[derive(serde::Deserialize)]
pub(super) struct EventSummary {
    #[serde(default)]
    pub(super) summary: crate::diff::Summary,
}

/// One tracked article with what its latest event said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleRow {
    pub file_id: i64,
    pub root: String,
    pub path: String,
    pub live: bool,
    pub title: Option<String>,
    pub revisions: i64,
    /// Time, kind and severity of the latest event.
    pub last_time: Option<String>,
    pub last_event: Option<String>,
    pub last_severity: Option<String>,
    /// The highest severity of any event of the article.
    pub max_severity: Option<String>,
    /// Added, removed, modified counts of the latest event.
    pub added: i64,
    pub removed: i64,
    pub modified: i64,
}

impl SqliteStore {
    /// Every revision of one article (a file of a root), oldest first, with
    /// its claims decoded. A revision whose stored claims cannot be read is
    /// an error naming the file and revision.
    pub fn article_revisions(&self, root: &str, path: &str) -> Result<Vec<Revision>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.revision, r.time, r.title, r.hash, r.claims FROM revisions r
             JOIN files f ON f.id = r.file_id
             WHERE f.root = ?1 AND f.path = ?2 ORDER BY r.revision",
        )?;
        let rows = stmt.query_map(params![root, path], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                decode_claims(r.get_ref(4)?),
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (revision, time, title, hash, claims) = row?;
            let claims = claims.map_err(|e| {
                let why = format!("unreadable claims of {root}/{path} revision {revision}: {e}");
                StoreError::Sql(rusqlite::Error::FromSqlConversionFailure(
                    4,
                    rusqlite::types::Type::Text,
                    why.into(),
                ))
            })?;
            out.push(Revision {
                revision,
                time,
                title,
                deleted: hash.is_none(),
                claims,
            });
        }
        Ok(out)
    }

    /// One row per tracked article (live or deleted), most recently changed
    /// first; with `since`, only articles with an event at or after that
    /// RFC 3339 time.
    pub fn article_index(&self, since: Option<&str>) -> Result<Vec<ArticleRow>> {
        // The latest event per file; only its summary is read from it.
        let mut stmt = self.conn.prepare(
            "SELECT f.id, f.root, f.path, f.live,
                    (SELECT title FROM revisions WHERE file_id = f.id AND title IS NOT NULL
                       ORDER BY revision DESC LIMIT 1),
                    (SELECT count(*) FROM revisions WHERE file_id = f.id),
                    e.time, e.kind, e.severity,
                    (SELECT max(CASE severity WHEN 'high' THEN 3 WHEN 'medium' THEN 2
                                 WHEN 'low' THEN 1 ELSE 0 END)
                       FROM events WHERE file_id = f.id),
                    e.json
             FROM files f
             LEFT JOIN events e ON e.id =
               (SELECT id FROM events WHERE file_id = f.id ORDER BY revision DESC LIMIT 1)
             WHERE ?1 IS NULL OR EXISTS
               (SELECT 1 FROM events WHERE file_id = f.id AND time >= ?1)
             ORDER BY e.time DESC, f.root, f.path",
        )?;
        let rows = stmt.query_map(params![since], |r| {
            let max: Option<i64> = r.get(9)?;
            let summary = decode_text(r.get_ref(10)?)
                .and_then(|j| serde_json::from_str::<EventSummary>(&j).ok())
                .map(|e| e.summary)
                .unwrap_or_default();
            Ok(ArticleRow {
                file_id: r.get(0)?,
                root: r.get(1)?,
                path: r.get(2)?,
                live: r.get(3)?,
                title: r.get(4)?,
                revisions: r.get(5)?,
                last_time: r.get(6)?,
                last_event: r.get(7)?,
                last_severity: r.get(8)?,
                max_severity: max
                    .map(|m| ["none", "low", "medium", "high"][m.clamp(0, 3) as usize].to_string()),
                added: summary.added as i64,
                removed: summary.removed as i64,
                modified: summary.modified as i64,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use crate::store::testing::on_both_backends;
    use crate::store::{NewRevision, Store};

    fn commit(store: &mut Store, rev: i64, claims: &str, severity: &str, hash: Option<&str>) {
        let event =
            format!(r#"{{"summary":{{"added":{rev},"removed":0,"modified":1,"unchanged":0}}}}"#);
        store
            .commit(&NewRevision {
                root: "/r",
                path: "a.txt",
                revision: rev,
                time: &format!("2026-01-0{rev}T00:00:00.000Z"),
                hash,
                raw: None,
                claims_json: claims,
                title: Some("Title"),
                mtime_ns: 0,
                size: 0,
                live: hash.is_some(),
                event_id: &format!("ev_{rev}"),
                event_kind: if rev == 1 { "created" } else { "modified" },
                severity,
                event_json: &event,
                sinks: &[],
                retire_file: None,
                keep_raw: 1,
            })
            .unwrap();
    }

    fn claims_json(text: &str) -> String {
        serde_json::to_string(&[crate::diff::tests::claim(text)]).unwrap()
    }

    on_both_backends! {
        fn revisions_come_back_in_order_with_claims_and_deletions(s) {
            commit(
                s,
                1,
                &claims_json("One claim here."),
                "medium",
                Some("h1"),
            );
            commit(
                s,
                2,
                &claims_json("Another claim."),
                "high",
                Some("h2"),
            );
            commit(s, 3, "[]", "medium", None);
            let revs = s.article_revisions("/r", "a.txt").unwrap();
            assert_eq!(revs.len(), 3);
            assert_eq!(revs[1].claims[0].text, "Another claim.");
            assert!(revs[2].deleted && !revs[1].deleted);
            assert!(s.article_revisions("/r", "b.txt").unwrap().is_empty());
        }
    }

    on_both_backends! {
        fn unreadable_claims_name_the_file_and_revision(s) {
            commit(s, 1, "{not json", "medium", Some("h1"));
            let err = s.article_revisions("/r", "a.txt").unwrap_err().to_string();
            assert!(err.contains("/r/a.txt revision 1"), "{err}");
        }
    }

    on_both_backends! {
        fn index_has_latest_event_counts_and_highest_severity(s) {
            commit(s, 1, "[]", "medium", Some("h1"));
            commit(s, 2, "[]", "high", Some("h2"));
            commit(s, 3, "[]", "low", Some("h3"));
            let idx = s.article_index(None).unwrap();
            assert_eq!(idx.len(), 1);
            let a = &idx[0];
            assert_eq!(a.revisions, 3);
            assert_eq!(a.last_severity.as_deref(), Some("low"));
            assert_eq!(a.max_severity.as_deref(), Some("high"));
            assert_eq!((a.added, a.modified), (3, 1));
            assert_eq!(a.title.as_deref(), Some("Title"));
            assert_eq!(
                s.article_index(Some("2026-01-03T00:00:00.000Z"))
                    .unwrap()
                    .len(),
                1
            );
            assert!(
                s.article_index(Some("2026-02-01T00:00:00Z"))
                    .unwrap()
                    .is_empty()
            );
        }
    }
}
