//! The Prometheus endpoint ([`serve`]): off unless `[metrics] listen` is
//! set; loopback only unless `allow_remote = true`. The metrics themselves
//! are emitted from [`crate::internal_events`].

use std::net::SocketAddr;

use metrics::{Unit, describe_counter, describe_gauge, describe_histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder};

use crate::config::MetricsConfig;
use crate::internal_events as ie;

/// Latency buckets (seconds) for the write-to-event histogram: debounce
/// is 200 ms by default, so most events land between 0.2 s and 2 s.
const LATENCY_BUCKETS: &[f64] = &[0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0];

/// Starts the HTTP listener and installs the global recorder; returns the
/// address, or `None` when metrics are off.
pub fn serve(cfg: &MetricsConfig) -> Result<Option<SocketAddr>, String> {
    let Some(listen) = &cfg.listen else {
        return Ok(None);
    };
    let addr: SocketAddr = listen.parse().map_err(|_| {
        format!("[metrics] listen {listen:?} is not an address like 127.0.0.1:9464")
    })?;
    if !addr.ip().is_loopback() && !cfg.allow_remote {
        return Err(format!(
            "[metrics] listen {addr} is not loopback; set allow_remote = true to expose metrics"
        ));
    }
    // Fail with a clear message if the port is taken (the exporter would
    // only log it from its own thread).
    drop(std::net::TcpListener::bind(addr).map_err(|e| format!("cannot listen on {addr}: {e}"))?);
    PrometheusBuilder::new()
        .with_http_listener(addr)
        .set_buckets_for_metric(Matcher::Full(ie::LATENCY.into()), LATENCY_BUCKETS)
        .map_err(|e| format!("metrics: {e}"))?
        .install()
        .map_err(|e| format!("cannot start the metrics endpoint on {addr}: {e}"))?;
    describe();
    Ok(Some(addr))
}

fn describe() {
    describe_gauge!(
        ie::FILES_WATCHED,
        "Live article files under the watched roots"
    );
    describe_counter!(ie::REVISIONS, "Revisions recorded");
    describe_counter!(ie::EVENTS, "Change events by event type and severity");
    describe_counter!(ie::ALERTS, "Alerts delivered by sink and severity");
    describe_counter!(
        ie::ALERT_FAILURES,
        "Alert deliveries that failed every attempt"
    );
    describe_counter!(ie::ERRORS, "Errors survived, by kind");
    describe_counter!(ie::RESCANS, "Full rescans by reason");
    describe_gauge!(ie::QUEUE_DEPTH, "Changed paths waiting for the engine");
    describe_gauge!(
        ie::STANDBY,
        "1 while this node waits for a root another node owns (shared store)"
    );
    describe_gauge!(
        ie::ALERT_QUEUE_DEPTH,
        "Alerts queued to webhook/command sinks"
    );
    describe_histogram!(
        ie::LATENCY,
        Unit::Seconds,
        "From a file's last write to its change event"
    );
}
