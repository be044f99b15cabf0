//! The JetStream side of `[publish] nats`: the compiled settings
//! ([`NatsSpec`]) and the worker thread ([`spawn`]) that connects, creates
//! the stream if missing and publishes one event at a time, each with its
//! event id as `Nats-Msg-Id`, waiting for the stream's ack.
//!
//! The worker never gives up on an event: it retries with backoff until
//! the publish is acked or it is told to stop, so events leave in outbox
//! order and an outage only delays them. It logs one warning per outage.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::time::Duration;

use async_nats::jetstream::{self, message::PublishMessage, stream};
use tokio_util::sync::CancellationToken;
use tracing::{debug, info, warn};

use super::plan::Secret;
use crate::config::{self, Config};

/// The first retry's wait; it doubles per failure up to [`MAX_WAIT`].
const BASE_WAIT: Duration = Duration::from_millis(250);
/// Retries while NATS is down come at least this often, so the catch-up
/// starts soon after it returns.
const MAX_WAIT: Duration = Duration::from_secs(5);

/// The compiled `[publish] nats` settings.
#[derive(Debug, Clone, PartialEq)]
pub struct NatsSpec {
    pub url: Secret,
    /// The URL without credentials, for messages.
    pub shown: String,
    pub stream: String,
    /// The subject template (`claimwatch.events.{severity}`).
    pub subject: String,
    /// What the stream takes when this worker creates it.
    pub stream_subject: String,
    pub duplicate_window: Duration,
    pub timeout: Duration,
}

impl NatsSpec {
    /// `None` when `[publish] nats` is absent; an error when its URL comes
    /// from an unset variable.
    pub fn compile(cfg: &Config) -> Result<Option<NatsSpec>, String> {
        let Some(n) = &cfg.publish.nats else {
            return Ok(None);
        };
        let url = Secret::resolve(&n.url, "publish.nats.url")?;
        Ok(Some(NatsSpec {
            shown: config::redact_url(url.expose()),
            url,
            stream: n.stream.clone(),
            subject: n.subject.clone(),
            stream_subject: config::stream_subject(&n.subject),
            duplicate_window: Duration::from_millis(n.duplicate_window_ms),
            timeout: Duration::from_millis(n.timeout_ms),
        }))
    }

    /// The settings of a `type = "nats"` alert sink (its own stream and
    /// subject; the alert id is the message id).
    pub fn for_sink(
        s: &config::AlertSink,
        timeout: Duration,
        what: &str,
    ) -> Result<NatsSpec, String> {
        let url = Secret::resolve(s.url.as_deref().unwrap_or_default(), what)?;
        let subject = s
            .subject
            .clone()
            .unwrap_or_else(|| config::ALERT_SUBJECT.into());
        Ok(NatsSpec {
            shown: config::redact_url(url.expose()),
            url,
            stream: s
                .stream
                .clone()
                .unwrap_or_else(|| config::ALERT_STREAM.into()),
            stream_subject: config::stream_subject(&subject),
            subject,
            duplicate_window: Duration::from_millis(
                config::NatsConfig::default().duplicate_window_ms,
            ),
            timeout,
        })
    }

    /// The subject of one event.
    pub fn subject_for(&self, severity: &str, event: &str) -> String {
        self.subject
            .replace("{severity}", severity)
            .replace("{event}", event)
    }
}

/// One event handed to the worker.
#[derive(Debug, Clone)]
pub struct Job {
    pub event_row: i64,
    pub event_id: String,
    pub subject: String,
    pub body: String,
}

/// Starts the worker thread; it answers each acked job's event row on
/// `done`, keeps `down` set while publishing fails, and stops when
/// `cancel` fires or the queue is dropped.
pub fn spawn(
    spec: NatsSpec,
    queue: usize,
    done: Sender<i64>,
    down: Arc<AtomicBool>,
    cancel: CancellationToken,
) -> Result<tokio::sync::mpsc::Sender<Job>, String> {
    let (tx, rx) = tokio::sync::mpsc::channel(queue);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the NATS publisher's runtime: {e}"))?;
    std::thread::Builder::new()
        .name("claimwatch-nats".into())
        .spawn(move || rt.block_on(worker(spec, rx, done, down, cancel)))
        .map_err(|e| format!("cannot start the NATS publisher thread: {e}"))?;
    Ok(tx)
}

/// A connection with its JetStream context and the server's size limit.
pub struct Conn {
    js: jetstream::Context,
    max_payload: usize,
}

async fn worker(
    spec: NatsSpec,
    mut rx: tokio::sync::mpsc::Receiver<Job>,
    done: Sender<i64>,
    down: Arc<AtomicBool>,
    cancel: CancellationToken,
) {
    let mut conn: Option<Conn> = None;
    // Set while NATS is failing: one warning per outage, not per event.
    let mut outage: Option<u32> = None;
    loop {
        let job = tokio::select! {
            _ = cancel.cancelled() => return,
            j = rx.recv() => match j { Some(j) => j, None => return },
        };
        loop {
            match publish(&mut conn, &spec, &job).await {
                Ok(duplicate) => {
                    down.store(false, Ordering::Relaxed);
                    if let Some(failures) = outage.take() {
                        info!(url = %spec.shown, "NATS at {} takes events again after {failures} failed attempts; publishing the waiting events in order", spec.shown);
                    }
                    debug!(event_id = %job.event_id, subject = %job.subject, duplicate, "event published to NATS");
                    if done.send(job.event_row).is_err() {
                        return;
                    }
                    break;
                }
                Err(e) => {
                    // A fresh connection on the next try: the old one may
                    // be half-open, and the stream may need creating again.
                    conn = None;
                    down.store(true, Ordering::Relaxed);
                    let failures = outage.get_or_insert(0);
                    if *failures == 0 {
                        warn!(url = %spec.shown, stream = %spec.stream, "cannot publish to NATS: {e}; events wait in the outbox and are retried (at most {MAX_WAIT:?} apart)");
                        crate::internal_events::error_counted("publish");
                    } else {
                        debug!("NATS publish still failing: {e}");
                    }
                    let wait =
                        super::transport::backoff(BASE_WAIT, (*failures).min(8)).min(MAX_WAIT);
                    *failures += 1;
                    tokio::select! {
                        _ = cancel.cancelled() => return,
                        _ = tokio::time::sleep(wait) => {}
                    }
                }
            }
        }
    }
}

/// One attempt: connect (and create the stream) if needed, publish, wait
/// for the ack. Returns whether the stream dropped it as a duplicate.
pub async fn publish(conn: &mut Option<Conn>, spec: &NatsSpec, job: &Job) -> Result<bool, String> {
    if conn.is_none() {
        *conn = Some(connect(spec).await?);
    }
    let Some(c) = conn.as_ref() else {
        return Err("no connection".into());
    };
    // Headers and the protocol line take a little of the server's limit.
    let body = fit(&job.body, c.max_payload.saturating_sub(1024));
    let msg = PublishMessage::build()
        .payload(body.into_bytes().into())
        .message_id(&job.event_id);
    let ack =
        c.js.send_publish(job.subject.clone(), msg)
            .await
            .map_err(|e| format!("publishing {} failed: {e}", job.event_id))?
            .await
            .map_err(|e| {
                format!(
                    "no ack for {} on {}: {e}; check that stream {} takes that subject",
                    job.event_id, job.subject, spec.stream
                )
            })?;
    Ok(ack.duplicate)
}

async fn connect(spec: &NatsSpec) -> Result<Conn, String> {
    let client = async_nats::ConnectOptions::new()
        .name(concat!("claimwatch/", env!("CARGO_PKG_VERSION")))
        .connection_timeout(spec.timeout)
        .request_timeout(Some(spec.timeout))
        .connect(spec.url.expose())
        .await
        .map_err(|e| format!("cannot connect to NATS at {}: {e}", spec.shown))?;
    let max_payload = client.server_info().max_payload;
    let mut js = jetstream::new(client);
    js.set_timeout(spec.timeout);
    js.get_or_create_stream(stream::Config {
        name: spec.stream.clone(),
        subjects: vec![spec.stream_subject.clone()],
        duplicate_window: spec.duplicate_window,
        ..Default::default()
    })
    .await
    .map_err(|e| {
        format!(
            "cannot find or create the stream {} on {}: {e}; is JetStream enabled (nats-server -js)?",
            spec.stream, spec.shown
        )
    })?;
    Ok(Conn { js, max_payload })
}

/// `body` as published: an event too big for the server loses its changes
/// (as a long change-log line does), keeping its id and summary;
/// `claimwatch show <event_id>` has the rest.
fn fit(body: &str, max: usize) -> String {
    if body.len() <= max || max == 0 {
        return body.to_string();
    }
    match serde_json::from_str::<super::event::ChangeEvent>(body) {
        Ok(mut ev) => {
            super::event::line::render_line(&mut ev, crate::config::CreatedClaims::Full, max).line
        }
        Err(_) => body.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_fill_the_template() {
        let cfg = crate::config::parse(
            "[publish]\nnats = { subject = \"cw.{event}.{severity}\" }\n",
            None,
        )
        .expect("config");
        let spec = NatsSpec::compile(&cfg).expect("spec").expect("on");
        assert_eq!(spec.subject_for("high", "modified"), "cw.modified.high");
        assert_eq!(spec.stream_subject, "cw.>");
        assert_eq!(spec.stream, "CLAIMWATCH");
        let off = crate::config::parse("", None).expect("config");
        assert_eq!(NatsSpec::compile(&off), Ok(None));
    }
}
