//! What a reconcile pass did ([`Stats`]) and when the engine last made
//! progress ([`Heartbeat`], read by the systemd watchdog).

use std::sync::atomic::Ordering;

use crate::sinks::event::EventKind;

/// Counts of what a reconcile pass did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub examined: usize,
    pub unchanged: usize,
    pub created: usize,
    pub modified: usize,
    pub deleted: usize,
    pub renamed: usize,
    pub restored: usize,
    pub errors: usize,
}

impl Stats {
    pub fn events(&self) -> usize {
        self.created + self.modified + self.deleted + self.renamed + self.restored
    }

    pub(super) fn count(&mut self, kind: EventKind) {
        match kind {
            EventKind::Created => self.created += 1,
            EventKind::Modified => self.modified += 1,
            EventKind::Deleted => self.deleted += 1,
            EventKind::Renamed => self.renamed += 1,
            EventKind::Restored => self.restored += 1,
        }
    }
}

/// When the engine last made progress, for the watchdog: a stuck engine
/// stops the pings and systemd restarts the service.
#[derive(Debug)]
pub struct Heartbeat {
    base: std::time::Instant,
    last_ms: std::sync::atomic::AtomicU64,
}

impl Heartbeat {
    pub fn new() -> Heartbeat {
        Heartbeat {
            base: std::time::Instant::now(),
            last_ms: std::sync::atomic::AtomicU64::new(0),
        }
    }

    /// Records progress now.
    pub fn beat(&self) {
        let ms = self.base.elapsed().as_millis() as u64;
        self.last_ms.store(ms, Ordering::Relaxed);
    }

    /// Time since the last beat.
    pub fn age(&self) -> std::time::Duration {
        let now = self.base.elapsed().as_millis() as u64;
        std::time::Duration::from_millis(now.saturating_sub(self.last_ms.load(Ordering::Relaxed)))
    }
}

impl Default for Heartbeat {
    fn default() -> Self {
        Heartbeat::new()
    }
}
