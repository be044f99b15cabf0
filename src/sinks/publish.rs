//! Publishing change events from the outbox ([`Publisher`]): every event
//! gets an outbox row for [`SINK`] when `[publish] nats` is set; the engine
//! hands pending rows to the NATS worker ([`super::nats`]) in order and
//! marks each delivered only after JetStream acked it.
//!
//! A crash between the ack and the mark publishes the event again on the
//! next start; the stream drops it by its `Nats-Msg-Id` (the event id)
//! within its duplicate window.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use serde::Deserialize;
use tokio::sync::mpsc::error::TrySendError;
use tokio_util::sync::CancellationToken;
use tracing::info;

use super::nats::{self, Job, NatsSpec};
use crate::internal_events as ie;
use crate::store::Store;

/// The outbox sink name of the NATS stream.
pub const SINK: &str = "nats";
/// Events handed to the worker at most (the rest wait in the outbox).
const QUEUE: usize = 256;

/// The engine's side of the NATS publisher.
pub struct Publisher {
    spec: NatsSpec,
    tx: Option<tokio::sync::mpsc::Sender<Job>>,
    done_tx: Sender<i64>,
    done_rx: Receiver<i64>,
    /// Event rows handed to the worker and not yet acked.
    inflight: BTreeSet<i64>,
    /// Events acked in the last pump (to tell a backlog from an outage).
    last_acked: usize,
    /// Set by the worker while publishing fails (NATS down).
    down: Arc<AtomicBool>,
    cancel: CancellationToken,
}

/// The fields of a stored event the subject needs.
#[derive(Deserialize)]
struct Head {
    severity: String,
    event: String,
}

impl Publisher {
    /// Starts the worker (connecting happens there, in the background).
    pub fn new(spec: NatsSpec) -> Publisher {
        let (done_tx, done_rx) = mpsc::channel();
        let mut p = Publisher {
            spec,
            tx: None,
            done_tx,
            done_rx,
            inflight: BTreeSet::new(),
            last_acked: 0,
            down: Arc::new(AtomicBool::new(false)),
            cancel: CancellationToken::new(),
        };
        p.start();
        p
    }

    fn start(&mut self) {
        self.cancel.cancel();
        self.cancel = CancellationToken::new();
        self.inflight.clear();
        self.down.store(false, Ordering::Relaxed);
        match nats::spawn(
            self.spec.clone(),
            QUEUE,
            self.done_tx.clone(),
            self.down.clone(),
            self.cancel.clone(),
        ) {
            Ok(tx) => self.tx = Some(tx),
            Err(e) => {
                ie::error("publish", &format!("{e}; retrying"));
                self.tx = None;
            }
        }
    }

    pub fn spec(&self) -> &NatsSpec {
        &self.spec
    }

    /// Events handed to the worker and not yet acked.
    pub fn inflight(&self) -> usize {
        self.inflight.len()
    }

    /// True while events are acked and more wait in flight: a backlog
    /// going out (not an outage, where nothing is acked).
    pub fn catching_up(&self) -> bool {
        self.last_acked > 0 && !self.inflight.is_empty()
    }

    /// Marks what the worker published, then hands it the next pending
    /// events, oldest first. Returns the events marked in this call.
    pub fn pump(&mut self, store: &mut Store) -> usize {
        let mut acked = Vec::new();
        while let Ok(row) = self.done_rx.try_recv() {
            if self.inflight.remove(&row) {
                acked.push(row);
            }
        }
        self.last_acked = acked.len();
        if !acked.is_empty()
            && let Err(e) = store.mark_delivered(SINK, &acked)
        {
            // Published but not marked: sent again later, dropped by the
            // stream as a duplicate.
            ie::error("store", &format!("cannot mark events published: {e}"));
        }
        if self.tx.is_none() {
            self.start();
        }
        let room = QUEUE.saturating_sub(self.inflight.len());
        if room == 0 {
            return acked.len();
        }
        let pending = match store.pending(SINK, self.inflight.len() + room) {
            Ok(p) => p,
            Err(e) => {
                ie::error("store", &format!("cannot read the outbox: {e}"));
                return acked.len();
            }
        };
        for p in pending {
            if self.inflight.contains(&p.event_row) {
                continue;
            }
            let (severity, event) = match serde_json::from_str::<Head>(&p.json) {
                Ok(h) => (h.severity, h.event),
                // Not ours to judge: publish it under a plain token.
                Err(_) => ("unknown".into(), "unknown".into()),
            };
            let job = Job {
                event_row: p.event_row,
                event_id: p.event_id,
                subject: self.spec.subject_for(&severity, &event),
                body: p.json,
            };
            let Some(tx) = &self.tx else { break };
            match tx.try_send(job) {
                Ok(()) => {
                    self.inflight.insert(p.event_row);
                }
                Err(TrySendError::Full(_)) => break,
                Err(TrySendError::Closed(_)) => {
                    // The worker stopped; a new one starts on the next pump
                    // and takes everything not yet acked, in order.
                    self.tx = None;
                    break;
                }
            }
        }
        acked.len()
    }

    /// Pumps until every handed-out event is acked or `timeout` passes
    /// (shutdown, end of `scan`); what is left stays in the outbox.
    pub fn drain(&mut self, store: &mut Store, timeout: Duration) -> usize {
        let start = Instant::now();
        let mut n = self.pump(store);
        while !self.inflight.is_empty() {
            if self.down.load(Ordering::Relaxed) {
                // NATS is down: waiting would only delay the exit.
                info!(
                    pending = self.inflight.len(),
                    "NATS is unreachable; the waiting events stay in the outbox for the next start"
                );
                break;
            }
            let left = timeout.saturating_sub(start.elapsed());
            if left.is_zero() {
                info!(
                    pending = self.inflight.len(),
                    "{} events not yet acked by NATS; they stay in the outbox for the next start",
                    self.inflight.len()
                );
                break;
            }
            match self
                .done_rx
                .recv_timeout(left.min(Duration::from_millis(200)))
            {
                Ok(row) => {
                    // Back in the channel so pump records it like the rest.
                    let _ = self.done_tx.send(row);
                    n += self.pump(store);
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
        }
        n
    }
}

impl Drop for Publisher {
    fn drop(&mut self) {
        // The worker stops between attempts; a publish in flight may still
        // land, and its re-publish is dropped as a duplicate.
        self.cancel.cancel();
    }
}
