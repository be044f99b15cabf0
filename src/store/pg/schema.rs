//! Versioned migrations of the PostgreSQL store, tracked in the table
//! `claimwatch_schema`. Each entry of [`MIGRATIONS`] moves the schema up
//! by one; append, never edit a released one. Nodes starting together
//! take a transaction-scoped advisory lock, so one migrates and the
//! others find it done.

use postgres::Client;

use super::super::{Result, StoreError};

/// The advisory lock key of migrations (any constant apart from root keys,
/// which are hashes of `claimwatch-root:…`).
const MIGRATE_LOCK: i64 = 0x636c_6169_6d77_6174; // "claimwat"

/// Migration `i` takes the schema from version `i` to `i + 1`.
///
/// Paths and roots sort bytewise (`COLLATE "C"`), as in SQLite, so the
/// prefix range scans (`p/` up to `p0`) mean the same on both backends.
/// Claims and event JSON are `bytea` with a flag saying whether they are
/// a zstd frame (`*_z`), the raw text has `raw_enc` as in SQLite. Every
/// row written carries the node that wrote it; outbox rows carry their
/// root, so a node delivers the events of the roots it owns, also those
/// left by an owner that died.
pub const MIGRATIONS: &[&str] = &[
    "CREATE TABLE files (
        id BIGSERIAL PRIMARY KEY,
        root TEXT COLLATE \"C\" NOT NULL,
        path TEXT COLLATE \"C\" NOT NULL,
        live BOOLEAN NOT NULL,
        mtime_ns BIGINT NOT NULL,
        size BIGINT NOT NULL,
        last_revision BIGINT NOT NULL,
        item BOOLEAN NOT NULL DEFAULT false,
        node TEXT NOT NULL,
        UNIQUE (root, path)
    );
    CREATE TABLE revisions (
        id BIGSERIAL PRIMARY KEY,
        file_id BIGINT NOT NULL REFERENCES files(id),
        revision BIGINT NOT NULL,
        time TEXT NOT NULL,
        hash TEXT,
        raw BYTEA,
        raw_enc SMALLINT NOT NULL DEFAULT 0,
        claims BYTEA NOT NULL,
        claims_z BOOLEAN NOT NULL,
        title TEXT,
        node TEXT NOT NULL,
        UNIQUE (file_id, revision)
    );
    CREATE TABLE events (
        id BIGSERIAL PRIMARY KEY,
        event_id TEXT NOT NULL UNIQUE,
        file_id BIGINT NOT NULL REFERENCES files(id),
        revision BIGINT NOT NULL,
        time TEXT NOT NULL,
        kind TEXT NOT NULL,
        severity TEXT NOT NULL,
        json BYTEA NOT NULL,
        json_z BOOLEAN NOT NULL,
        full_json BYTEA,
        full_z BOOLEAN NOT NULL DEFAULT false,
        node TEXT NOT NULL,
        UNIQUE (file_id, revision)
    );
    CREATE INDEX events_time ON events (time);
    CREATE TABLE outbox (
        event_row BIGINT NOT NULL REFERENCES events(id),
        sink TEXT NOT NULL,
        root TEXT COLLATE \"C\" NOT NULL,
        delivered BOOLEAN NOT NULL,
        PRIMARY KEY (event_row, sink)
    );
    CREATE INDEX outbox_pending ON outbox (sink, root, event_row) WHERE NOT delivered;
    -- Packed values are zstd frames already: no second compression.
    ALTER TABLE revisions ALTER COLUMN raw SET STORAGE EXTERNAL,
        ALTER COLUMN claims SET STORAGE EXTERNAL;
    ALTER TABLE events ALTER COLUMN json SET STORAGE EXTERNAL,
        ALTER COLUMN full_json SET STORAGE EXTERNAL;
    CREATE TABLE owners (
        root TEXT COLLATE \"C\" PRIMARY KEY,
        node TEXT NOT NULL,
        since TIMESTAMPTZ NOT NULL DEFAULT now()
    );",
    // 2: derived `created` events, as SQLite's migration 4: with `derived`
    // set (codec::DERIVED_*), `json` holds the event's head and its line
    // is rebuilt from the revision's claims; NULL: `json` is the line.
    "ALTER TABLE events ADD COLUMN derived SMALLINT;",
    // 3: no table changes, as SQLite's migration 5: event values may be
    // frames against the sample event, which older binaries cannot read.
    "-- event values may be tagged frames",
];

/// The schema version of the database (0 when it has no claimwatch tables).
pub fn version(client: &mut Client) -> Result<i64> {
    let exists: bool = client
        .query_one("SELECT to_regclass('claimwatch_schema') IS NOT NULL", &[])?
        .get(0);
    if !exists {
        return Ok(0);
    }
    let row = client.query_opt("SELECT version FROM claimwatch_schema", &[])?;
    Ok(row.map_or(0, |r| r.get::<_, i64>(0)))
}

/// Applies every migration above the database's version, all in one
/// transaction (PostgreSQL's DDL is transactional), under the migration
/// lock.
pub fn migrate(client: &mut Client) -> Result<()> {
    let known = MIGRATIONS.len() as i64;
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATE_LOCK])?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS claimwatch_schema (version BIGINT NOT NULL)")?;
    let found: i64 = tx
        .query_opt("SELECT version FROM claimwatch_schema", &[])?
        .map_or(0, |r| r.get(0));
    if found > known {
        return Err(StoreError::TooNew { found, known });
    }
    if found == 0 {
        tx.execute("INSERT INTO claimwatch_schema (version) VALUES (0)", &[])?;
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        tx.batch_execute(sql)?;
        tx.execute(
            "UPDATE claimwatch_schema SET version = $1",
            &[&(i as i64 + 1)],
        )?;
    }
    tx.commit()?;
    Ok(())
}
