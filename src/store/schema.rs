//! Versioned schema migrations for the store, tracked in SQLite's
//! `user_version`. Each entry of [`MIGRATIONS`] moves the schema up by one;
//! append, never edit a released one.

use rusqlite::Connection;

use super::{Result, StoreError};

/// Migration `i` takes the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: files, revisions, events, outbox.
    "CREATE TABLE files (
        id INTEGER PRIMARY KEY,
        root TEXT NOT NULL,
        path TEXT NOT NULL,
        live INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        size INTEGER NOT NULL,
        last_revision INTEGER NOT NULL,
        UNIQUE (root, path)
    );
    CREATE TABLE revisions (
        id INTEGER PRIMARY KEY,
        file_id INTEGER NOT NULL REFERENCES files(id),
        revision INTEGER NOT NULL,
        time TEXT NOT NULL,
        hash TEXT,
        raw BLOB,
        claims TEXT NOT NULL,
        title TEXT,
        UNIQUE (file_id, revision)
    );
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL UNIQUE,
        file_id INTEGER NOT NULL REFERENCES files(id),
        revision INTEGER NOT NULL,
        time TEXT NOT NULL,
        kind TEXT NOT NULL,
        severity TEXT NOT NULL,
        json TEXT NOT NULL,
        UNIQUE (file_id, revision)
    );
    CREATE TABLE outbox (
        event_row INTEGER NOT NULL REFERENCES events(id),
        sink TEXT NOT NULL,
        delivered INTEGER NOT NULL,
        PRIMARY KEY (event_row, sink)
    );
    CREATE INDEX outbox_pending ON outbox (sink, delivered);",
    // 2: compressed storage. `raw_enc` says how `raw` is packed (0 plain,
    // 1 zstd); claims and event JSON are TEXT when plain and a zstd BLOB
    // otherwise, so older rows read as they are. `full` holds an event
    // whose change-log line left its changes out for size.
    "ALTER TABLE revisions ADD COLUMN raw_enc INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE events ADD COLUMN full BLOB;",
    // 3: feed items. A row with `item = 1` is one item of a feed file
    // (path `feed.xml#<id>`): it has revisions and events like a file but
    // is never on disk, so the deletion checks leave it alone.
    "ALTER TABLE files ADD COLUMN item INTEGER NOT NULL DEFAULT 0;",
    // 4: derived `created` events. With `derived` set (codec::DERIVED_*),
    // `json` holds the event's head and its line is rebuilt from the
    // revision's claims, which are then not stored twice; NULL (every
    // older row): `json` is the line.
    "ALTER TABLE events ADD COLUMN derived INTEGER;",
    // 5: no table changes. Event values may be zstd frames against the
    // sample event (`codec::zframe`, tagged `E`), which a binary of
    // schema 4 cannot read: the version makes it refuse the store
    // instead of failing on those rows.
    "-- event values may be tagged frames",
];

/// Applies every migration above the store's version, each in its own
/// transaction.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    let known = MIGRATIONS.len() as i64;
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > known {
        return Err(StoreError::TooNew { found, known });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.execute_batch(&format!("PRAGMA user_version = {}", i + 1))?;
        tx.commit()?;
    }
    Ok(())
}
