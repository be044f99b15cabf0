//! Opening the store for reading only ([`Store::open_read_only`]), for
//! `history` and `show`: nothing is written (no WAL switch, no migration,
//! no `-wal`/`-shm` files beside an auditor's copy), so a store on a
//! read-only disk or in a folder the reader may not write still opens.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::{Result, SqliteStore, StoreError, schema};

/// `file:` URI of a path, with the characters a URI gives meaning to escaped.
fn file_uri(path: &Path, query: &str) -> String {
    let mut out = String::from("file:");
    for b in path.display().to_string().bytes() {
        match b {
            b'%' | b'?' | b'#' => out.push_str(&format!("%{b:02X}")),
            _ => out.push(b as char),
        }
    }
    out.push('?');
    out.push_str(query);
    out
}

impl SqliteStore {
    /// Opens an existing store read-only. `immutable` promises SQLite that
    /// nobody writes the file while it is open (a copy, or a store whose
    /// writer is stopped), so it needs no `-shm`/`-wal` beside it.
    pub fn open_read_only(path: &Path, immutable: bool) -> Result<SqliteStore> {
        let open_err = |source| StoreError::Open {
            path: path.display().to_string(),
            source,
        };
        let query = if immutable {
            "mode=ro&immutable=1"
        } else {
            "mode=ro"
        };
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(file_uri(path, query), flags).map_err(open_err)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(open_err)?;
        // Reading checks the file really is a store, and its version.
        let found: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(open_err)?;
        let known = schema::MIGRATIONS.len() as i64;
        if found > known {
            return Err(StoreError::TooNew { found, known });
        }
        if found < known {
            return Err(StoreError::Open {
                path: path.display().to_string(),
                source: rusqlite::Error::InvalidParameterName(format!(
                    "written by an older claimwatch (schema {found}, this one reads {known}); run `claimwatch scan` on it once to upgrade it"
                )),
            });
        }
        Ok(SqliteStore { conn })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn uris_escape_what_sqlite_would_read_as_query() {
        assert_eq!(
            file_uri(Path::new("/a b/x?y#z%.db"), "mode=ro"),
            "file:/a b/x%3Fy%23z%25.db?mode=ro"
        );
    }

    #[test]
    fn a_read_only_open_writes_nothing() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("s.db");
        drop(Store::open(&path).expect("create"));
        let listing = || {
            let mut v: Vec<String> = std::fs::read_dir(dir.path())
                .expect("ls")
                .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
                .collect();
            v.sort();
            v
        };
        let before = (listing(), std::fs::read(&path).expect("read"));
        let store = Store::open_read_only(&path, true).expect("read-only");
        assert_eq!(store.event_count().expect("count"), 0);
        drop(store);
        assert_eq!((listing(), std::fs::read(&path).expect("read")), before);
        std::fs::write(dir.path().join("junk.db"), b"not a database at all").expect("w");
        let e = Store::open_read_only(&dir.path().join("junk.db"), true)
            .err()
            .expect("junk is refused");
        assert!(e.to_string().contains("junk.db"), "{e}");
    }
}
