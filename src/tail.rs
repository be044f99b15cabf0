//! `claimwatch tail` ([`run`]): the change log rendered for people — time,
//! path, severity, and per change the before/after with changed words
//! marked and the speaker (via [`crate::diff::text::change_block`]) — with
//! filters, `--json` passthrough, and `--follow` through log rotation.
//! The first screenful reaches back into rotated (and gzipped) copies of
//! the log ([`rotated`]) when the current one holds too few events.

mod rotated;
mod store;

pub use store::run_store;

use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use globset::GlobMatcher;

use crate::diff::{Severity, text::change_block};
use crate::render::{Style, escape_control};
use crate::sinks::event::{ChangeEvent, EventKind, severity_str};

/// How often `--follow` looks for new lines and rotation.
const POLL: Duration = Duration::from_millis(200);

/// What to show and how.
#[derive(Debug, Clone)]
pub struct TailOptions {
    pub file: PathBuf,
    pub follow: bool,
    /// Only changes at or above this severity (and events that have one).
    pub min_severity: Option<Severity>,
    /// Only events whose path (relative to its root) matches.
    pub path: Option<GlobMatcher>,
    /// Print the matching change-log lines as they are.
    pub json: bool,
    /// Start with the last N matching events; 0 = all.
    pub lines: usize,
    pub style: Style,
}

/// Whether an event passes the filters.
pub fn wanted(ev: &ChangeEvent, o: &TailOptions) -> bool {
    if o.path
        .as_ref()
        .is_some_and(|g| !ev.path_matches(|p| g.is_match(p)))
    {
        return false;
    }
    match o.min_severity {
        None => true,
        Some(min) => ev.changes.iter().any(|c| c.severity >= min),
    }
}

/// `2026-11-25T10:15:02.113Z` → `2026-11-25 10:15:02Z`.
fn short_time(t: &str) -> String {
    let base = t.split('.').next().unwrap_or(t).trim_end_matches('Z');
    format!("{}Z", base.replacen('T', " ", 1))
}

fn severity_label(s: Severity, style: Style) -> String {
    let (code, word) = match s {
        Severity::High => ("1;31", "high"),
        Severity::Medium => ("33", "medium"),
        Severity::Low => ("36", "low"),
        Severity::None => ("2", "none"),
    };
    style.paint(code, &format!("{word:<6}"))
}

/// One event for people: a header line, then each change (at or above
/// `min`) with its words marked, indented.
pub fn render_event(ev: &ChangeEvent, min: Option<Severity>, style: Style) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "{}  {}  {:<8} {}  {}",
        style.paint("2", &short_time(&ev.time)),
        severity_label(ev.severity, style),
        ev.event.as_str(),
        style.paint("1", &escape_control(&ev.path)),
        style.paint("2", &format!("rev {}  {}", ev.revision, ev.event_id)),
    );
    if let Some(t) = &ev.title {
        let _ = write!(out, "  \"{}\"", escape_control(t));
    }
    out.push('\n');
    if ev.event == EventKind::Renamed
        && let Some(from) = &ev.from
    {
        let _ = writeln!(out, "    renamed from {}", escape_control(from));
    }
    let shown: Vec<_> = ev
        .changes
        .iter()
        .filter(|c| min.is_none_or(|m| c.severity >= m))
        .collect();
    if ev.changes.is_empty() && ev.event != EventKind::Renamed {
        let _ = writeln!(out, "    {}", style.paint("2", "no claim changes"));
    }
    for c in &shown {
        for line in change_block(c, style).lines() {
            let _ = writeln!(out, "    {line}");
        }
    }
    let hidden = ev.changes.len() - shown.len();
    if hidden > 0 {
        let _ = writeln!(
            out,
            "    {}",
            style.paint(
                "2",
                &format!(
                    "({hidden} change{} below {})",
                    if hidden == 1 { "" } else { "s" },
                    min.map(severity_str).unwrap_or("none")
                )
            )
        );
    }
    out
}

/// Formats one change-log line, or `None` when filtered out or not an
/// event (a warning goes to stderr for unreadable lines).
fn format_line(line: &str, o: &TailOptions) -> Option<String> {
    let line = line.trim_end_matches('\r');
    if line.trim().is_empty() {
        return None;
    }
    let ev: ChangeEvent = match serde_json::from_str(line) {
        Ok(ev) => ev,
        Err(e) => {
            eprintln!("claimwatch: skipping a change-log line that is not an event: {e}");
            return None;
        }
    };
    if !wanted(&ev, o) {
        return None;
    }
    Some(if o.json {
        format!("{line}\n")
    } else {
        render_event(&ev, o.min_severity, o.style) + "\n"
    })
}

/// An open change log and how far it was read.
struct Reader {
    path: PathBuf,
    file: File,
    ino: u64,
    offset: u64,
    partial: Vec<u8>,
}

impl Reader {
    fn open(path: &Path) -> io::Result<Reader> {
        let file = File::open(path)?;
        let ino = file.metadata()?.ino();
        Ok(Reader {
            path: path.to_path_buf(),
            file,
            ino,
            offset: 0,
            partial: Vec::new(),
        })
    }

    /// Complete lines appended since the last call.
    fn read_lines(&mut self) -> io::Result<Vec<String>> {
        self.file.seek(SeekFrom::Start(self.offset))?;
        let mut buf = Vec::new();
        let n = self.file.read_to_end(&mut buf)?;
        self.offset += n as u64;
        self.partial.extend_from_slice(&buf);
        let Some(last_nl) = self.partial.iter().rposition(|b| *b == b'\n') else {
            return Ok(Vec::new());
        };
        let rest = self.partial.split_off(last_nl + 1);
        let done = std::mem::replace(&mut self.partial, rest);
        Ok(String::from_utf8_lossy(&done)
            .lines()
            .map(str::to_string)
            .collect())
    }

    /// After rotation (new inode) or truncation (shorter file), the lines
    /// to read next come from the new file's start. Returns the lines left
    /// in the old file first.
    fn check_rotation(&mut self) -> io::Result<Vec<String>> {
        let meta = match std::fs::metadata(&self.path) {
            Ok(m) => m,
            // Moved away and not recreated yet: keep the old handle.
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        if meta.ino() != self.ino {
            let tail = self.read_lines()?;
            *self = Reader::open(&self.path)?;
            return Ok(tail);
        }
        if meta.len() < self.offset {
            self.offset = 0;
            self.partial.clear();
        }
        Ok(Vec::new())
    }
}

/// Prints the log (the last `lines` matching events), then with `follow`
/// keeps printing new events until `out` is closed or `stop` says so.
pub fn run(o: &TailOptions, out: &mut dyn Write, stop: &dyn Fn() -> bool) -> io::Result<()> {
    // A rotated, gzipped log never grows: print it and stop.
    if rotated::is_gzip(&o.file).unwrap_or(false) {
        let mut texts: Vec<String> = rotated::read_lines(&o.file)?
            .iter()
            .filter_map(|l| format_line(l, o))
            .collect();
        if o.lines > 0 && texts.len() > o.lines {
            texts.drain(..texts.len() - o.lines);
        }
        emit(out, &texts)?;
        return Ok(());
    }
    let mut reader = loop {
        match Reader::open(&o.file) {
            Ok(r) => break r,
            Err(e) if e.kind() == io::ErrorKind::NotFound && o.follow => {
                if stop() {
                    return Ok(());
                }
                std::thread::sleep(POLL);
            }
            Err(e) => {
                return Err(io::Error::new(
                    e.kind(),
                    format!("cannot read the change log {}: {e}", o.file.display()),
                ));
            }
        }
    };
    let mut first: Vec<String> = reader
        .read_lines()?
        .iter()
        .filter_map(|l| format_line(l, o))
        .collect();
    // Too few events since the last rotation: reach back into the
    // rotated copies, newest first, until there are enough.
    for older in rotated::siblings(&o.file) {
        if o.lines > 0 && first.len() >= o.lines {
            break;
        }
        match rotated::read_lines(&older) {
            Ok(lines) => {
                let mut texts: Vec<String> =
                    lines.iter().filter_map(|l| format_line(l, o)).collect();
                texts.append(&mut first);
                first = texts;
            }
            Err(e) => eprintln!("claimwatch: skipping a rotated change log: {e}"),
        }
    }
    if o.lines > 0 && first.len() > o.lines {
        first.drain(..first.len() - o.lines);
    }
    if emit(out, &first)? {
        return Ok(());
    }
    while o.follow && !stop() {
        std::thread::sleep(POLL);
        let mut lines = reader.check_rotation()?;
        lines.extend(reader.read_lines()?);
        let texts: Vec<String> = lines.iter().filter_map(|l| format_line(l, o)).collect();
        if emit(out, &texts)? {
            return Ok(());
        }
    }
    Ok(())
}

/// Writes and flushes; true when the reader went away (`| head`).
fn emit(out: &mut dyn Write, texts: &[String]) -> io::Result<bool> {
    let r = texts
        .iter()
        .try_for_each(|t| out.write_all(t.as_bytes()))
        .and_then(|_| out.flush());
    match r {
        Ok(()) => Ok(false),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(true),
        Err(e) => Err(e),
    }
}
