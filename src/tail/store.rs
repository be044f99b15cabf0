//! `tail` of a shared store ([`run_store`]): with `[store] url` set, the
//! events of every node come from PostgreSQL rather than this node's
//! change log, rendered and filtered the same way.

use std::collections::BTreeSet;
use std::io::{self, Write};

use super::{POLL, TailOptions, emit, format_line};
use crate::store::Store;

/// Rows read per query.
const PAGE: usize = 1000;

/// How far behind the last printed row `--follow` looks again: nodes
/// commit concurrently, so a row numbered below one already printed can
/// become visible later (its transaction began first and committed
/// after). A writer's batch is far smaller than this.
const LOOKBACK: i64 = 5000;

fn store_err(e: crate::store::StoreError) -> io::Error {
    io::Error::other(e.to_string())
}

/// Prints the last `lines` matching events of the store, then with
/// `follow` every new one, until `out` closes or `stop` says so.
pub fn run_store(
    store: &Store,
    o: &TailOptions,
    out: &mut dyn Write,
    stop: &dyn Fn() -> bool,
) -> io::Result<()> {
    let last = store.last_event_row().map_err(store_err)?;
    // Newest windows first, until enough events match.
    let mut first: Vec<String> = Vec::new();
    let mut end = last;
    while end > 0 && (o.lines == 0 || first.len() < o.lines) {
        let start = (end - PAGE as i64).max(0);
        let mut texts = Vec::new();
        let mut after = start;
        'window: loop {
            let rows = store.events_after(after, PAGE).map_err(store_err)?;
            if rows.is_empty() {
                break;
            }
            for (id, line) in &rows {
                if *id > end {
                    break 'window;
                }
                after = *id;
                if let Some(t) = format_line(line, o) {
                    texts.push(t);
                }
            }
        }
        texts.append(&mut first);
        first = texts;
        end = start;
    }
    if o.lines > 0 && first.len() > o.lines {
        first.drain(..first.len() - o.lines);
    }
    if emit(out, &first)? {
        return Ok(());
    }
    // Rows already printed (or passed) within the look-back window.
    let mut seen: BTreeSet<i64> = BTreeSet::new();
    let mut high = last;
    while o.follow && !stop() {
        std::thread::sleep(POLL);
        let mut after = (high - LOOKBACK).max(0);
        loop {
            let rows = store.events_after(after, PAGE).map_err(store_err)?;
            let mut texts = Vec::new();
            for (id, line) in &rows {
                after = *id;
                if *id <= last || !seen.insert(*id) {
                    continue;
                }
                high = high.max(*id);
                if let Some(t) = format_line(line, o) {
                    texts.push(t);
                }
            }
            if emit(out, &texts)? {
                return Ok(());
            }
            if rows.len() < PAGE {
                break;
            }
        }
        let floor = high - LOOKBACK;
        seen = seen.split_off(&floor);
    }
    Ok(())
}
