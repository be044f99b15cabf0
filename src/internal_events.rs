//! Internal events, vector-style: each thing the daemon reports is emitted
//! from one function here as both its log line and its metric, so the two
//! never drift apart. Metrics are no-ops until [`crate::metrics::serve`]
//! installs the Prometheus recorder.

use std::time::Duration;

use metrics::{counter, gauge, histogram};
use tracing::{error, info, warn};

use crate::sinks::event::{ChangeEvent, severity_str};

pub const FILES_WATCHED: &str = "claimwatch_files_watched";
pub const REVISIONS: &str = "claimwatch_revisions_total";
pub const EVENTS: &str = "claimwatch_events_total";
pub const ALERTS: &str = "claimwatch_alerts_total";
pub const ALERT_FAILURES: &str = "claimwatch_alert_failures_total";
pub const ERRORS: &str = "claimwatch_errors_total";
pub const RESCANS: &str = "claimwatch_rescans_total";
pub const QUEUE_DEPTH: &str = "claimwatch_queue_depth";
pub const STANDBY: &str = "claimwatch_standby";
pub const ALERT_QUEUE_DEPTH: &str = "claimwatch_alert_queue_depth";
pub const LATENCY: &str = "claimwatch_write_to_event_seconds";

/// A revision was committed with its event: the human log line (one per
/// event, key=value fields) and the event/revision counters. `latency` is
/// from the file's last write to the commit.
pub fn event_recorded(ev: &ChangeEvent, latency: Option<Duration>) {
    let severity = severity_str(ev.severity);
    info!(
        path = %crate::render::escape_control(&ev.path),
        event = ev.event.as_str(),
        severity,
        revision = ev.revision,
        // From the summary: a big article's event keeps few of its changes.
        changes = ev.summary.added + ev.summary.removed + ev.summary.modified,
        event_id = %ev.event_id,
        "{}",
        ev.log_line()
    );
    counter!(REVISIONS).increment(1);
    counter!(EVENTS, "event" => ev.event.as_str(), "severity" => severity).increment(1);
    if let Some(l) = latency {
        histogram!(LATENCY).record(l.as_secs_f64());
    }
}

/// The number of live files under the roots.
pub fn files_watched(n: usize) {
    gauge!(FILES_WATCHED).set(n as f64);
}

/// 1 while this node waits for a root another node owns (shared store).
pub fn standby(waiting: bool) {
    gauge!(STANDBY).set(if waiting { 1.0 } else { 0.0 });
}

/// Watcher paths waiting for the engine.
pub fn queue_depth(n: usize) {
    gauge!(QUEUE_DEPTH).set(n as f64);
}

/// A full rescan started (`startup`, `overflow`, `reload`, `poll`).
pub fn rescan(reason: &'static str) {
    counter!(RESCANS, "reason" => reason).increment(1);
}

/// A failure the daemon survives, counted by kind (`read`, `store`,
/// `changelog`, `alert`, `folder`).
pub fn error(kind: &'static str, message: &str) {
    error!(kind, "{message}");
    counter!(ERRORS, "kind" => kind).increment(1);
}

/// Counts a per-file or per-folder problem already logged by its caller.
pub fn error_counted(kind: &'static str) {
    counter!(ERRORS, "kind" => kind).increment(1);
}

/// An alert reached its sink.
pub fn alert_delivered(
    sink: &str,
    rule: &str,
    severity: &'static str,
    alert_id: &str,
    path: &str,
    attempts: u32,
) {
    info!(
        sink,
        rule,
        severity,
        alert_id,
        path,
        attempts,
        "alert delivered to {sink} ({rule}): {path} [{severity}]"
    );
    counter!(ALERTS, "sink" => sink.to_string(), "severity" => severity).increment(1);
}

/// An alert failed every attempt; it stays in the outbox and the sink
/// rests for `pause`. The error text never holds URLs or secrets.
pub fn alert_failed(sink: &str, alert_id: &str, attempts: u32, err: &str, pause: Duration) {
    warn!(
        sink,
        alert_id,
        attempts,
        "alert delivery to {sink} failed after {attempts} attempt(s): {err}; kept in the outbox, retrying in {pause:?}"
    );
    counter!(ALERT_FAILURES, "sink" => sink.to_string()).increment(1);
    counter!(ERRORS, "kind" => "alert").increment(1);
}

/// A sink could not be opened or started; retried on the next round.
pub fn alert_sink_broken(sink: &str, err: &str) {
    warn!(
        sink,
        "alert sink {sink} is not available: {err}; will retry"
    );
    counter!(ERRORS, "kind" => "alert").increment(1);
}

/// Alerts handed to webhook/command workers and not yet answered.
pub fn alert_queue_depth(n: usize) {
    gauge!(ALERT_QUEUE_DEPTH).set(n as f64);
}
