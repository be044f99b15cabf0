//! Debouncing ([`Pending`]): a path's raw watcher events are held until
//! the path has been quiet for the debounce, then handed on together with
//! every other path due by then. Pure: the caller passes the time.
//!
//! This replaces notify-debouncer-full, whose thread woke every tick
//! (5-20 ms) whether anything was pending or not, so an edit waited up to
//! a tick past its debounce and an idle daemon woke 50-200 times a
//! second; its file-id cache also walked and held every watched path at
//! start (rename stitching we do not use: the engine pairs renames by
//! content). Here the thread sleeps until the earliest deadline.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// A file written without pause is still handed on after this many
/// debounce periods from its first event, so a growing log file is read
/// now and then rather than never.
const MAX_WAIT_FACTOR: u32 = 10;

/// Paths whose events are waiting for quiet, in the order they came.
#[derive(Debug)]
pub struct Pending {
    quiet: Duration,
    max_wait: Duration,
    /// Paths due within this much of the earliest one go in the same
    /// batch: the two halves of a rename arrive microseconds apart, and
    /// the engine pairs them only within one batch.
    grace: Duration,
    paths: HashMap<PathBuf, Entry>,
    /// Each path once, by the sequence number of its latest event: the
    /// first entry is the next to fall quiet.
    by_last: BTreeMap<u64, PathBuf>,
    /// Each path once, by the sequence number of its first event: the
    /// first entry is the next to reach the maximum wait.
    by_first: BTreeMap<u64, PathBuf>,
    seq: u64,
    rescan: Option<(Instant, String)>,
}

#[derive(Debug, Clone)]
struct Entry {
    first_seq: u64,
    first: Instant,
    last_seq: u64,
    last: Instant,
    /// Other paths of the same watcher event (a rename's two names).
    links: Vec<PathBuf>,
}

/// What is due now.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Due {
    /// Events were lost or the watcher failed: reconcile everything.
    pub rescan: Option<String>,
    /// Paths that fell quiet (or waited too long), first-touched first.
    pub paths: Vec<PathBuf>,
}

impl Pending {
    pub fn new(quiet: Duration) -> Self {
        Pending {
            quiet,
            max_wait: (quiet * MAX_WAIT_FACTOR).max(Duration::from_secs(1)),
            grace: (quiet / 20).min(Duration::from_millis(5)),
            paths: HashMap::new(),
            by_last: BTreeMap::new(),
            by_first: BTreeMap::new(),
            seq: 0,
            rescan: None,
        }
    }

    /// One watcher event for `paths` at `now` (times must not go
    /// backwards). The paths of one event (a rename's old and new name)
    /// stay linked: a later event on one holds the others back with it,
    /// so they reach the engine in one batch, which pairs renames only
    /// within a batch.
    pub fn touch(&mut self, paths: Vec<PathBuf>, now: Instant) {
        let mut group: Vec<PathBuf> = Vec::new();
        for p in &paths {
            self.collect_linked(p, &mut group);
        }
        for p in group {
            self.touch_one(p, now);
        }
        if paths.len() > 1 {
            for p in &paths {
                if let Some(e) = self.paths.get_mut(p) {
                    for q in &paths {
                        if q != p && !e.links.contains(q) {
                            e.links.push(q.clone());
                        }
                    }
                }
            }
        }
    }

    /// `p` and every pending path linked to it, directly or not.
    fn collect_linked(&self, p: &PathBuf, out: &mut Vec<PathBuf>) {
        if out.contains(p) {
            return;
        }
        out.push(p.clone());
        if let Some(e) = self.paths.get(p) {
            for q in &e.links {
                if self.paths.contains_key(q) {
                    self.collect_linked(q, out);
                }
            }
        }
    }

    fn touch_one(&mut self, path: PathBuf, now: Instant) {
        self.seq += 1;
        let seq = self.seq;
        match self.paths.get_mut(&path) {
            Some(e) => {
                self.by_last.remove(&e.last_seq);
                e.last_seq = seq;
                e.last = now;
                self.by_last.insert(seq, path);
            }
            None => {
                self.by_last.insert(seq, path.clone());
                self.by_first.insert(seq, path.clone());
                self.paths.insert(
                    path,
                    Entry {
                        first_seq: seq,
                        first: now,
                        last_seq: seq,
                        last: now,
                        links: Vec::new(),
                    },
                );
            }
        }
    }

    /// Events were lost or the watcher reported an error: a full rescan
    /// once things are quiet. Several reasons in one debounce make one
    /// rescan (the first reason is kept).
    pub fn rescan(&mut self, why: String, now: Instant) {
        if self.rescan.is_none() {
            self.rescan = Some((now, why));
        }
    }

    #[cfg(test)]
    fn is_empty(&self) -> bool {
        self.paths.is_empty() && self.rescan.is_none()
    }

    /// When the next path (or the rescan) falls due; `None` when nothing
    /// waits.
    pub fn next_due(&self) -> Option<Instant> {
        let quiet = self
            .by_last
            .values()
            .next()
            .map(|p| self.paths[p].last + self.quiet);
        let waited = self
            .by_first
            .values()
            .next()
            .map(|p| self.paths[p].first + self.max_wait);
        let rescan = self.rescan.as_ref().map(|(t, _)| *t + self.quiet);
        [quiet, waited, rescan].into_iter().flatten().min()
    }

    /// Takes what is due at `now`.
    pub fn take_due(&mut self, now: Instant) -> Due {
        let mut due = Due::default();
        if self
            .rescan
            .as_ref()
            .is_some_and(|(t, _)| *t + self.quiet <= now)
        {
            due.rescan = self.rescan.take().map(|(_, why)| why);
        }
        let horizon = now + self.grace;
        let mut taken: Vec<(u64, PathBuf)> = Vec::new();
        while let Some((_, p)) = self.by_last.first_key_value() {
            let e = &self.paths[p];
            if e.last + self.quiet > horizon {
                break;
            }
            let (seq, p) = self.remove(e.first_seq, e.last_seq);
            taken.push((seq, p));
        }
        while let Some((_, p)) = self.by_first.first_key_value() {
            let e = &self.paths[p];
            if e.first + self.max_wait > now {
                break;
            }
            let (seq, p) = self.remove(e.first_seq, e.last_seq);
            taken.push((seq, p));
        }
        taken.sort_by_key(|(seq, _)| *seq);
        due.paths = taken.into_iter().map(|(_, p)| p).collect();
        due
    }

    fn remove(&mut self, first_seq: u64, last_seq: u64) -> (u64, PathBuf) {
        self.by_first.remove(&first_seq);
        let p = self
            .by_last
            .remove(&last_seq)
            .expect("a pending path is in both orders");
        self.paths.remove(&p);
        (first_seq, p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const Q: Duration = Duration::from_millis(200);

    fn ms(t0: Instant, n: u64) -> Instant {
        t0 + Duration::from_millis(n)
    }

    fn p(s: &str) -> PathBuf {
        PathBuf::from(s)
    }

    #[test]
    fn nothing_pending_means_no_deadline() {
        let d = Pending::new(Q);
        assert!(d.is_empty());
        assert_eq!(d.next_due(), None);
    }

    #[test]
    fn a_path_is_due_one_debounce_after_its_last_event() {
        let t0 = Instant::now();
        let mut d = Pending::new(Q);
        d.touch(vec![p("a.txt")], t0);
        d.touch(vec![p("a.txt")], ms(t0, 50));
        assert_eq!(d.next_due(), Some(ms(t0, 250)));
        assert_eq!(d.take_due(ms(t0, 200)), Due::default());
        let due = d.take_due(ms(t0, 250));
        assert_eq!(due.paths, vec![p("a.txt")]);
        assert!(d.is_empty());
        assert_eq!(d.next_due(), None);
    }

    #[test]
    fn a_burst_of_events_on_one_path_is_handed_on_once() {
        let t0 = Instant::now();
        let mut d = Pending::new(Q);
        for i in 0..100 {
            d.touch(vec![p("a.txt")], ms(t0, i));
        }
        assert_eq!(d.take_due(ms(t0, 400)).paths, vec![p("a.txt")]);
        assert_eq!(d.take_due(ms(t0, 800)), Due::default());
    }

    #[test]
    fn paths_due_together_come_in_first_touched_order() {
        let t0 = Instant::now();
        let mut d = Pending::new(Q);
        d.touch(vec![p("b.txt")], t0);
        d.touch(vec![p("a.txt")], ms(t0, 1));
        d.touch(vec![p("b.txt")], ms(t0, 2));
        assert_eq!(d.take_due(ms(t0, 300)).paths, vec![p("b.txt"), p("a.txt")]);
    }

    #[test]
    fn the_halves_of_a_rename_come_in_one_batch() {
        // The old name's deadline is reached first; the new name, a
        // moment later, rides along so the engine can pair them.
        let t0 = Instant::now();
        let mut d = Pending::new(Q);
        d.touch(vec![p("old.txt")], t0);
        d.touch(vec![p("new.txt")], t0 + Duration::from_micros(300));
        let at = d.next_due().unwrap();
        assert_eq!(at, ms(t0, 200));
        assert_eq!(d.take_due(at).paths, vec![p("old.txt"), p("new.txt")]);
    }

    #[test]
    fn a_rename_then_a_save_over_the_new_name_keeps_both_names_together() {
        // mv old new; 40 ms later an editor saves over `new` by renaming
        // a temp file onto it. The old name has no event after the first,
        // but it must wait for the new name: the engine can pair the
        // rename only when both come in one batch.
        let t0 = Instant::now();
        let mut d = Pending::new(Q);
        d.touch(vec![p("old.txt")], t0);
        d.touch(vec![p("new.txt")], t0);
        d.touch(vec![p("old.txt"), p("new.txt")], t0);
        d.touch(vec![p(".new.swp")], ms(t0, 40));
        d.touch(vec![p(".new.swp"), p("new.txt")], ms(t0, 41));
        assert_eq!(d.take_due(ms(t0, 220)), Due::default());
        assert_eq!(
            d.take_due(ms(t0, 241)).paths,
            vec![p("old.txt"), p("new.txt"), p(".new.swp")]
        );
    }

    #[test]
    fn a_link_to_a_path_already_handed_on_brings_nothing_back() {
        let t0 = Instant::now();
        let mut d = Pending::new(Q);
        d.touch(vec![p("a.txt"), p("b.txt")], t0);
        assert_eq!(d.take_due(ms(t0, 200)).paths, vec![p("a.txt"), p("b.txt")]);
        d.touch(vec![p("a.txt")], ms(t0, 300));
        assert_eq!(d.take_due(ms(t0, 500)).paths, vec![p("a.txt")]);
        assert_eq!(d.next_due(), None);
    }

    #[test]
    fn a_path_still_being_written_waits_while_a_quiet_one_goes() {
        let t0 = Instant::now();
        let mut d = Pending::new(Q);
        d.touch(vec![p("quiet.txt")], t0);
        d.touch(vec![p("busy.txt")], t0);
        d.touch(vec![p("busy.txt")], ms(t0, 150));
        assert_eq!(d.take_due(ms(t0, 200)).paths, vec![p("quiet.txt")]);
        assert_eq!(d.next_due(), Some(ms(t0, 350)));
        assert_eq!(d.take_due(ms(t0, 350)).paths, vec![p("busy.txt")]);
    }

    #[test]
    fn a_path_written_without_pause_is_handed_on_after_the_maximum_wait() {
        let t0 = Instant::now();
        let mut d = Pending::new(Q);
        let mut handed = Vec::new();
        for i in 0..=300u64 {
            let now = ms(t0, i * 10);
            d.touch(vec![p("log.txt")], now);
            let due = d.take_due(now);
            if !due.paths.is_empty() {
                handed.push(i * 10);
            }
        }
        // Written every 10 ms, it never falls quiet; it is
        // handed on once per maximum wait (2 s at a 200 ms debounce).
        assert_eq!(handed, vec![2000]);
    }

    #[test]
    fn a_rescan_waits_for_quiet_and_several_reasons_make_one() {
        let t0 = Instant::now();
        let mut d = Pending::new(Q);
        d.rescan("overflow".into(), t0);
        d.rescan("watcher error".into(), ms(t0, 10));
        assert!(!d.is_empty());
        assert_eq!(d.next_due(), Some(ms(t0, 200)));
        assert_eq!(d.take_due(ms(t0, 199)), Due::default());
        let due = d.take_due(ms(t0, 200));
        assert_eq!(due.rescan.as_deref(), Some("overflow"));
        assert!(d.is_empty());
    }

    #[test]
    fn many_paths_fall_due_in_order_without_rescanning_the_rest() {
        let t0 = Instant::now();
        let mut d = Pending::new(Q);
        for i in 0..1000u64 {
            d.touch(vec![PathBuf::from(format!("{i}.txt"))], ms(t0, i));
        }
        let first = d.take_due(ms(t0, 209));
        assert_eq!(first.paths.len(), 10 + 5, "10 due, 5 more within the grace");
        assert_eq!(first.paths[0], p("0.txt"));
        assert_eq!(d.next_due(), Some(ms(t0, 215)));
        let rest = d.take_due(ms(t0, 5000));
        assert_eq!(rest.paths.len(), 985);
        assert!(d.is_empty());
    }
}
