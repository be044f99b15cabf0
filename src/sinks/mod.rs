//! Where change events go: the [`event::ChangeEvent`] record (SPEC section 5)
//! and the JSON Lines [`changelog::ChangeLog`], delivered from the store's
//! outbox ([`deliver`]).
//!
//! Alerts: [`rules`] pick changes, [`alert`] is the record, [`alerts`]
//! delivers them from the outbox (one outbox sink name per rule and sink,
//! each with its own delivered flag) through files or the webhook/command
//! workers of [`transport`].
//!
//! Publishing: with `[publish] nats`, [`publish`] hands every event from
//! the outbox to the JetStream worker of [`nats`].

pub mod alert;
pub mod alerts;
pub mod changelog;
pub mod event;
pub mod nats;
pub mod plan;
pub mod publish;
pub mod rules;
pub mod transport;

use crate::store::{Store, StoreError};

/// Why delivery stopped (the events stay in the outbox and are retried).
#[derive(Debug, thiserror::Error)]
pub enum DeliverError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot write the change log {path}: {source}")]
    Write {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// Writes every undelivered event to the change log, oldest first, marking
/// each batch delivered only after it was written and flushed. A crash
/// between the two repeats the batch (same `event_id`s), never loses it.
///
/// Events whose lines a crash left at the end of the log (written, not yet
/// marked) are marked without being written again.
pub fn deliver(store: &mut Store, log: &mut changelog::ChangeLog) -> Result<usize, DeliverError> {
    let mut total = 0;
    let written = log.take_tail_ids();
    loop {
        let mut batch = store.pending(changelog::SINK, 256)?;
        if batch.is_empty() {
            return Ok(total);
        }
        if !written.is_empty() {
            let (done, rest): (Vec<_>, Vec<_>) = batch
                .into_iter()
                .partition(|p| written.contains(&p.event_id));
            if !done.is_empty() {
                let rows: Vec<i64> = done.iter().map(|p| p.event_row).collect();
                store.mark_delivered(changelog::SINK, &rows)?;
                total += done.len();
            }
            batch = rest;
            if batch.is_empty() {
                continue;
            }
        }
        let lines: Vec<&str> = batch.iter().map(|p| p.json.as_str()).collect();
        log.append(&lines).map_err(|source| DeliverError::Write {
            path: log.path().display().to_string(),
            source,
        })?;
        let rows: Vec<i64> = batch.iter().map(|p| p.event_row).collect();
        store.mark_delivered(changelog::SINK, &rows)?;
        total += batch.len();
    }
}

/// Outbox entries not delivered yet, per sink (the change log first), for
/// `scan`'s summary; `nats` adds the NATS stream.
pub fn waiting(store: &Store, plan: &alerts::AlertPlan, nats: bool) -> Vec<(String, i64)> {
    let mut sinks = vec![(changelog::SINK.to_string(), "the change log".to_string())];
    for r in &plan.rules {
        for s in &r.sinks {
            sinks.push((
                alerts::outbox_name(&r.name, s),
                format!("alert sink {s} (rule {})", r.name),
            ));
        }
    }
    if nats {
        sinks.push((publish::SINK.to_string(), "the NATS stream".to_string()));
    }
    sinks
        .into_iter()
        .filter_map(|(outbox, label)| match store.pending_count(&outbox) {
            Ok(0) => None,
            Ok(n) => Some((label, n)),
            Err(e) => {
                tracing::error!("cannot count the waiting deliveries of {label}: {e}");
                Some((label, -1))
            }
        })
        .collect()
}
