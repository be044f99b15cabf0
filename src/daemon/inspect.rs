//! Read-side commands over the store: `history` (revisions of a file),
//! `show` (one event for people) and `reindex` (re-extract stored raw text
//! with the current extractor, emitting no events).

use std::fmt::Write as _;
use std::io::IsTerminal;
use std::path::Path;

use rayon::prelude::*;

use super::DaemonError;
use crate::render::{Style, escape_control};
use crate::sinks::event::{self, ChangeEvent};
use crate::store::{FileRow, HistoryRow, Store};

fn store_err(e: crate::store::StoreError) -> DaemonError {
    DaemonError::Fatal(e.to_string())
}

/// Finds the file record(s) for a path given on the command line: an
/// absolute or relative file-system path inside a watched root, or a path
/// relative to a root as events show it. With `item`, the record of that
/// item of the feed at the path (`feed.xml#<id>`).
pub fn find_file(
    store: &Store,
    arg: &Path,
    item: Option<&str>,
) -> Result<Vec<FileRow>, DaemonError> {
    let key = |rel: &str| match item {
        Some(id) => crate::store::item_path(rel, id),
        None => rel.to_string(),
    };
    let mut found = Vec::new();
    for (root, rel) in lookups(arg) {
        match root {
            None => found = store.files_by_path(&key(&rel)).map_err(store_err)?,
            Some(root) => {
                if let Some(row) = store.file(&root, &key(&rel)).map_err(store_err)? {
                    found.push(row);
                }
            }
        }
        if !found.is_empty() {
            break;
        }
    }
    Ok(found)
}

/// Where a command-line path may be stored, in the order tried: as given
/// (relative to any root), then every (folder, rest) split of its
/// absolute path, the folder being a root.
fn lookups(arg: &Path) -> Vec<(Option<String>, String)> {
    let abs = if arg.is_absolute() {
        arg.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(arg))
            .unwrap_or_else(|_| arg.to_path_buf())
    };
    // Canonicalise the folder (the file itself may be deleted).
    let canon = match (abs.parent(), abs.file_name()) {
        (Some(dir), Some(name)) => std::fs::canonicalize(dir)
            .map(|d| d.join(name))
            .unwrap_or(abs.clone()),
        _ => abs.clone(),
    };
    let rel_arg = arg.to_string_lossy().replace('\\', "/");
    let mut out = vec![(None, rel_arg.trim_start_matches("./").to_string())];
    let mut p = canon.as_path();
    let mut tail: Vec<String> = Vec::new();
    while let (Some(parent), Some(name)) = (p.parent(), p.file_name()) {
        tail.insert(0, name.to_string_lossy().into_owned());
        out.push((Some(parent.display().to_string()), tail.join("/")));
        p = parent;
    }
    out
}

/// The error for a path with no record: a feed says to name an item.
pub fn not_found(store: &Store, arg: &Path, item: Option<&str>) -> DaemonError {
    if let Some(id) = item {
        return DaemonError::Fatal(format!(
            "{}: no item {:?} of this feed in the store (the ids are in the change log's \"item\" field)",
            arg.display(),
            escape_control(id)
        ));
    }
    for (root, rel) in lookups(arg) {
        let roots = match root {
            Some(r) => vec![r],
            None => store.roots().unwrap_or_default(),
        };
        for r in roots {
            let items = store.feed_items(&r, &rel).unwrap_or_default();
            if let Some(first) = items.first() {
                return DaemonError::Fatal(format!(
                    "{}: a feed; its {} items each have their own history: pass --item ID (for example --item {:?})",
                    arg.display(),
                    items.len(),
                    escape_control(&first.id)
                ));
            }
        }
    }
    DaemonError::Fatal(format!(
        "{}: no such file in the store (is it under a watched root, and has the daemon or `claimwatch scan` seen it?)",
        arg.display()
    ))
}

/// The revision history of a path, as text or JSON.
pub fn history(
    store: &Store,
    arg: &Path,
    item: Option<&str>,
    json: bool,
    style: Style,
) -> Result<String, DaemonError> {
    let files = find_file(store, arg, item)?;
    if files.is_empty() {
        return Err(not_found(store, arg, item));
    }
    let mut out = String::new();
    let mut docs = Vec::new();
    for f in &files {
        let chain = lineage(store, f)?;
        let followed = chain.len() > 1;
        if json {
            let mut revs: Vec<serde_json::Value> = Vec::new();
            for (path, rows) in &chain {
                for r in rows {
                    let mut v = history_json(r);
                    if followed {
                        v["path"] = serde_json::Value::String(path.clone());
                    }
                    revs.push(v);
                }
            }
            docs.push(serde_json::json!({
                "root": f.root, "path": f.path, "live": f.live, "revisions": revs,
            }));
        } else {
            let _ = writeln!(
                out,
                "{} {}{}",
                style.paint("1", &escape_control(&f.path)),
                style.paint("2", &format!("in {}", escape_control(&f.root))),
                if f.live { "" } else { "  (deleted)" }
            );
            let _ = writeln!(
                out,
                "{}",
                style.paint(
                    "2",
                    &format!(
                        "  {:<5} {:<24}  {:<9} {:<6} {:<12} {}",
                        "rev", "time", "event", "sev", "changes", "event id"
                    )
                )
            );
            for (path, rows) in &chain {
                if followed {
                    let _ = writeln!(out, "  {}", style.paint("1", &escape_control(path)));
                }
                for r in rows {
                    out.push_str(&history_line(r, style));
                }
            }
        }
    }
    if json {
        let doc = if docs.len() == 1 {
            docs.remove(0)
        } else {
            serde_json::Value::Array(docs)
        };
        out = serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n";
    }
    Ok(out)
}

/// A file's revisions with those of the paths it was renamed from before
/// them, oldest path first: `[(a.txt, [created, modified]), (b.txt,
/// [renamed, modified])]`. A rename is the first revision of the new path
/// and its event names the old one (`from`).
fn lineage(store: &Store, f: &FileRow) -> Result<Vec<(String, Vec<HistoryRow>)>, DaemonError> {
    let mut chain = vec![(f.path.clone(), store.history(f.id).map_err(store_err)?)];
    let mut seen = vec![f.id];
    // Bounded: a file renamed back and forth cannot loop.
    while seen.len() < 1000 {
        let from = chain[0]
            .1
            .first()
            .filter(|r| r.event.as_deref() == Some("renamed"))
            .and_then(|r| r.event_json.as_deref())
            .and_then(|j| serde_json::from_str::<ChangeEvent>(j).ok())
            .and_then(|ev| ev.from);
        let Some(from) = from else {
            break;
        };
        let Some(prev) = store.file(&f.root, &from).map_err(store_err)? else {
            break;
        };
        if seen.contains(&prev.id) {
            break;
        }
        seen.push(prev.id);
        // Only the revisions before the content moved away belong here
        // (the old path may have been reused since).
        let rename_time = chain[0]
            .1
            .first()
            .map(|r| r.time.clone())
            .unwrap_or_default();
        let rows: Vec<HistoryRow> = store
            .history(prev.id)
            .map_err(store_err)?
            .into_iter()
            .filter(|r| r.time <= rename_time)
            .collect();
        chain.insert(0, (prev.path, rows));
    }
    Ok(chain)
}

fn history_json(r: &HistoryRow) -> serde_json::Value {
    let summary = r
        .event_json
        .as_deref()
        .and_then(|j| serde_json::from_str::<serde_json::Value>(j).ok())
        .and_then(|v| v.get("summary").cloned());
    serde_json::json!({
        "revision": r.revision, "time": r.time, "hash": r.hash, "title": r.title,
        "event_id": r.event_id, "event": r.event, "severity": r.severity, "summary": summary,
    })
}

fn history_line(r: &HistoryRow, style: Style) -> String {
    let ev: Option<ChangeEvent> = r
        .event_json
        .as_deref()
        .and_then(|j| serde_json::from_str(j).ok());
    let counts = ev
        .as_ref()
        .map(|e| {
            format!(
                "+{} -{} ~{}",
                e.summary.added, e.summary.removed, e.summary.modified
            )
        })
        .unwrap_or_default();
    format!(
        "  r{:<4} {}  {:<9} {:<6} {:<12} {}\n",
        r.revision,
        r.time,
        r.event.as_deref().unwrap_or("-"),
        r.severity.as_deref().unwrap_or("-"),
        counts,
        style.paint("2", r.event_id.as_deref().unwrap_or("-"))
    )
}

/// One event rendered for people.
pub fn show(store: &Store, event_id: &str, style: Style) -> Result<String, DaemonError> {
    let json = store
        .event_json(event_id)
        .map_err(store_err)?
        .ok_or_else(|| {
            DaemonError::Fatal(format!(
                "no event {event_id:?} in the store (ids look like ev_…; see `claimwatch history PATH`)"
            ))
        })?;
    let ev: ChangeEvent = serde_json::from_str(&json)
        .map_err(|e| DaemonError::Fatal(format!("stored event {event_id} is unreadable: {e}")))?;
    Ok(event::render(&ev, style))
}

/// Re-extracts every stored revision that still has raw text; returns
/// (revisions updated, failures).
pub fn reindex(store: &mut Store) -> Result<(usize, usize), DaemonError> {
    let revs = store.revisions_with_raw().map_err(store_err)?;
    let bar = (revs.len() > 20 && std::io::stderr().is_terminal()).then(|| {
        let b = indicatif::ProgressBar::new(revs.len() as u64);
        if let Ok(s) = indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} revisions  {per_sec}  ETA {eta}",
        ) {
            b.set_style(s);
        }
        b
    });
    let mut done = 0;
    let mut failed = 0;
    // Chunks bound memory: raw text is loaded a chunk at a time.
    for chunk in revs.chunks(256) {
        let mut raws = Vec::with_capacity(chunk.len());
        for (id, path) in chunk {
            raws.push((*id, path.clone(), store.raw(*id).map_err(store_err)?));
        }
        let results: Vec<Option<(i64, String, Option<String>)>> = raws
            .par_iter()
            .map(|(id, path, raw)| {
                let raw = raw.as_ref()?;
                match crate::extract_bytes(Path::new(path), raw) {
                    Ok(ex) => serde_json::to_string(&ex.claims)
                        .ok()
                        .map(|c| (*id, c, ex.title)),
                    Err(e) => {
                        tracing::warn!(path = %path, "cannot re-extract: {e}");
                        None
                    }
                }
            })
            .collect();
        let updates: Vec<_> = results.iter().flatten().cloned().collect();
        failed += results.len() - updates.len();
        done += updates.len();
        store.update_claims(&updates).map_err(store_err)?;
        if let Some(b) = &bar {
            b.inc(chunk.len() as u64);
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    Ok((done, failed))
}
