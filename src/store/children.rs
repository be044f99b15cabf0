//! The live files directly inside one folder ([`Store::live_children`]),
//! for the engine's check that a watcher burst left the store matching
//! the disk (a file renamed away must not stay live).

use rusqlite::params;

use super::{FileRow, Result, SqliteStore};

impl SqliteStore {
    /// Live files of `root` directly in folder `dir` (`""` is the root
    /// itself), not in its subfolders.
    pub fn live_children(&self, root: &str, dir: &str) -> Result<Vec<FileRow>> {
        let cols = Self::FILE_COLS;
        let rows = if dir.is_empty() {
            let sql = format!(
                "SELECT {cols} FROM files WHERE root = ?1 AND live = 1 AND item = 0
                   AND instr(path, '/') = 0 ORDER BY path"
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            stmt.query_map(params![root], Self::file_from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?
        } else {
            let sql = format!(
                "SELECT {cols} FROM files WHERE root = ?1 AND live = 1 AND item = 0
                   AND path > ?2 AND path < ?3
                   AND instr(substr(path, ?4), '/') = 0 ORDER BY path"
            );
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let (lo, hi) = (format!("{dir}/"), format!("{dir}0"));
            // substr counts characters, not bytes.
            let from = dir.chars().count() as i64 + 2;
            stmt.query_map(params![root, lo, hi, from], Self::file_from_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?
        };
        Ok(rows)
    }
}
