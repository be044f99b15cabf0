//! The JSON Lines change log ([`ChangeLog`]): append-only, one event per
//! line, flushed and synced before its events count as delivered, and
//! reopenable on SIGHUP so logrotate can move it away.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The outbox sink name of the change log.
pub const SINK: &str = "changelog";

/// An open change log file.
pub struct ChangeLog {
    path: PathBuf,
    file: Option<File>,
}

impl ChangeLog {
    /// Opens (creating it and its folder) the log for appending.
    pub fn open(path: &Path) -> io::Result<ChangeLog> {
        let mut log = ChangeLog {
            path: path.to_path_buf(),
            file: None,
        };
        log.reopen()?;
        Ok(log)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Closes and reopens the file (after logrotate moved it).
    pub fn reopen(&mut self) -> io::Result<()> {
        self.file = None;
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        self.file = Some(
            OpenOptions::new()
                .create(true)
                .append(true)
                .open(&self.path)?,
        );
        Ok(())
    }

    /// Points the log at another path (config reload).
    pub fn set_path(&mut self, path: &Path) -> io::Result<()> {
        self.path = path.to_path_buf();
        self.reopen()
    }

    /// Appends lines in one write, then flushes them to disk.
    pub fn append(&mut self, lines: &[&str]) -> io::Result<()> {
        if self.file.is_none() {
            self.reopen()?;
        }
        let Some(file) = self.file.as_mut() else {
            return Err(io::Error::other("change log is not open"));
        };
        let mut buf = String::new();
        for l in lines {
            buf.push_str(l);
            buf.push('\n');
        }
        file.write_all(buf.as_bytes())?;
        file.flush()?;
        file.sync_data()
    }
}
