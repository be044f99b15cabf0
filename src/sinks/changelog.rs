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
    /// Event ids found at the end of the file when it was opened: lines a
    /// crash left written but not marked delivered, which delivery skips
    /// instead of writing twice. Emptied on first use.
    tail_ids: Option<std::collections::HashSet<String>>,
}

/// How much of the log's end is read for ids at open: more than one
/// writer batch of typical lines (a batch is at most 256 events).
const TAIL_BYTES: u64 = 8 << 20;

impl ChangeLog {
    /// Opens (creating it and its folder) the log for appending.
    pub fn open(path: &Path) -> io::Result<ChangeLog> {
        let mut log = ChangeLog {
            path: path.to_path_buf(),
            file: None,
            tail_ids: None,
        };
        log.reopen()?;
        log.tail_ids = Some(tail_ids(path, TAIL_BYTES));
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

    /// The ids of events already at the end of the log when it was opened
    /// (once: later calls get an empty set).
    pub fn take_tail_ids(&mut self) -> std::collections::HashSet<String> {
        self.tail_ids.take().unwrap_or_default()
    }

    /// Appends lines in one write, then flushes them to disk.
    pub fn append(&mut self, lines: &[&str]) -> io::Result<()> {
        if self.file.is_none() {
            self.reopen()?;
        }
        let Some(file) = self.file.as_mut() else {
            return Err(io::Error::other("change log is not open"));
        };
        // Sized up front: a scan's batch is megabytes of lines.
        let mut buf = String::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
        for l in lines {
            buf.push_str(l);
            buf.push('\n');
        }
        // On a full disk a write can stop mid-line; cut the file back so
        // the retry does not leave half a JSON line in front of it.
        let before = file.metadata()?.len();
        let written = file
            .write_all(buf.as_bytes())
            .and_then(|()| file.flush())
            .and_then(|()| file.sync_data());
        if written.is_err() {
            let _ = file.set_len(before);
        }
        written
    }
}

/// The `event_id`s of the whole lines in the last `max` bytes of a log.
fn tail_ids(path: &Path, max: u64) -> std::collections::HashSet<String> {
    use std::io::{Read, Seek, SeekFrom};
    let mut ids = std::collections::HashSet::new();
    let Ok(mut f) = File::open(path) else {
        return ids;
    };
    let len = f.metadata().map(|m| m.len()).unwrap_or(0);
    let start = len.saturating_sub(max);
    let mut buf = Vec::new();
    if f.seek(SeekFrom::Start(start)).is_err() || f.read_to_end(&mut buf).is_err() {
        return ids;
    }
    ids_in(&buf, start > 0, &mut ids);
    ids
}

/// The event ids of the complete lines of `buf` (the first skipped when
/// `cut`: the seek may have landed inside it; the last only when it ends
/// with a newline). Works on the bytes: lines are found with `memchr`
/// (`read_until`) and only each id is decoded, instead of checking all
/// 8 MiB as UTF-8 first (~25 M instructions at every start). The same ids
/// as decoding the whole buffer lossily, since a replaced invalid
/// sequence never takes in a newline or a quote.
fn ids_in(mut buf: &[u8], cut: bool, ids: &mut std::collections::HashSet<String>) {
    use std::io::BufRead;
    const KEY: &[u8] = b"\"event_id\":\"";
    let mut line = Vec::new();
    let mut first = true;
    loop {
        line.clear();
        if buf.read_until(b'\n', &mut line).is_err() || line.last() != Some(&b'\n') {
            return;
        }
        if std::mem::take(&mut first) && cut {
            continue;
        }
        let Some(i) = line.windows(KEY.len()).position(|w| w == KEY) else {
            continue;
        };
        let rest = &line[i + KEY.len()..];
        if let Some(end) = rest.iter().position(|&b| b == b'"') {
            ids.insert(String::from_utf8_lossy(&rest[..end]).into_owned());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ids as they were found before [`ids_in`]: the buffer decoded
    /// lossily, split into lines, each searched.
    fn ids_by_text(buf: &[u8], cut: bool) -> std::collections::HashSet<String> {
        let text = String::from_utf8_lossy(buf);
        let mut lines: Vec<&str> = text.split('\n').collect();
        lines.pop();
        if cut && !lines.is_empty() {
            lines.remove(0);
        }
        const KEY: &str = "\"event_id\":\"";
        let mut ids = std::collections::HashSet::new();
        for line in lines {
            if let Some(i) = line.find(KEY)
                && let Some(end) = line[i + KEY.len()..].find('"')
            {
                ids.insert(line[i + KEY.len()..][..end].to_string());
            }
        }
        ids
    }

    #[test]
    fn ids_from_bytes_are_the_ids_from_text() {
        let log: &[u8] = b"{\"schema\":1,\"event_id\":\"ev_0\"}\n\
            {\"schema\":1,\"event_id\":\"ev_\xff\xfe1\",\"text\":\"\xe2\x80\"}\n\
            {\"title\":\"say \\\"event_id\\\":\\\"ev_x\\\"\",\"event_id\":\"ev_2\"}\n\
            not json at all\n\
            \n\
            {\"event_id\":\"ev_\xc3\xa93\"}\n\
            {\"event_id\":\"ev_\xe2\x80\n4\"}\n\
            {\"event_id\":\"ev_5";
        for start in 0..log.len() {
            for cut in [false, true] {
                let mut got = std::collections::HashSet::new();
                ids_in(&log[start..], cut, &mut got);
                assert_eq!(
                    got,
                    ids_by_text(&log[start..], cut),
                    "from {start}, cut {cut}"
                );
            }
        }
        let mut all = std::collections::HashSet::new();
        ids_in(log, false, &mut all);
        assert!(all.contains("ev_0") && all.contains("ev_2") && all.contains("ev_é3"));
        assert!(!all.contains("ev_x") && !all.contains("ev_5"), "{all:?}");
    }

    #[test]
    fn ids_at_the_end_of_the_log_are_found_once() {
        let dir = tempfile::tempdir().expect("tmp");
        let p = dir.path().join("changes.jsonl");
        std::fs::write(
            &p,
            "{\"schema\":1,\"event_id\":\"ev_a\"}\n{\"schema\":1,\"event_id\":\"ev_b\"}\n{\"schema\":1,\"event_id\":\"ev_c",
        )
        .expect("write");
        let mut log = ChangeLog::open(&p).expect("open");
        let ids = log.take_tail_ids();
        assert!(ids.contains("ev_a") && ids.contains("ev_b"), "{ids:?}");
        assert!(!ids.contains("ev_c"), "a partial line is not delivered");
        assert!(log.take_tail_ids().is_empty(), "only once");
        // Only the last bytes are read; a cut first line is ignored.
        let few = tail_ids(&p, 70);
        assert!(few.contains("ev_b") && !few.contains("ev_a"), "{few:?}");
    }
}
