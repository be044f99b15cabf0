//! How an alert leaves the process: the webhook POST and the command run
//! ([`Transport`], one attempt each), and the per-sink worker thread that
//! retries with exponential backoff and jitter ([`spawn_worker`]).
//!
//! Workers are plain threads fed by a bounded channel, so a slow or dead
//! endpoint only ever holds up its own queue, never the engine.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::time::{Duration, Instant};

use super::alerts::Secret;

/// One alert handed to a worker.
#[derive(Debug, Clone)]
pub struct Job {
    /// The outbox sink name (`alert:<rule>:<sink>`).
    pub outbox: String,
    pub event_row: i64,
    pub alert_id: String,
    pub rule: String,
    pub severity: &'static str,
    pub path: String,
    pub body: String,
}

/// A worker's verdict on one job, after all its attempts.
#[derive(Debug)]
pub struct Done {
    pub job: Job,
    pub sink: String,
    pub attempts: u32,
    pub result: Result<(), String>,
}

/// Where a worker sends alerts.
pub enum Transport {
    Webhook {
        /// Built on the worker thread (reqwest's blocking client must not
        /// be created or dropped inside the async runtime).
        client: Option<reqwest::blocking::Client>,
        timeout: Duration,
        url: Secret,
        headers: Vec<(String, Secret)>,
    },
    Command {
        argv: Vec<String>,
        timeout: Duration,
    },
    /// JetStream (boxed: far bigger than the other variants).
    Nats(Box<NatsTransport>),
}

/// A NATS alert sink's state: this worker thread runs its own small
/// runtime for the async client, built on first use.
pub struct NatsTransport {
    pub spec: super::nats::NatsSpec,
    pub rt: Option<tokio::runtime::Runtime>,
    pub conn: Option<super::nats::Conn>,
}

impl Transport {
    /// A webhook transport; its HTTP client is built on first use.
    pub fn webhook(url: Secret, headers: Vec<(String, Secret)>, timeout: Duration) -> Transport {
        Transport::Webhook {
            client: None,
            timeout,
            url,
            headers,
        }
    }

    /// Builds the HTTP client (rustls with ring) or the NATS runtime if
    /// not yet built.
    fn prepare(&mut self) -> Result<(), String> {
        if let Transport::Nats(n) = self
            && n.rt.is_none()
        {
            let r = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| format!("cannot start the NATS runtime: {e}"))?;
            n.rt = Some(r);
        }
        if let Transport::Webhook {
            client: client @ None,
            timeout,
            ..
        } = self
        {
            // reqwest is built without a default crypto provider; a second
            // install (another sink) is refused harmlessly.
            let _ = rustls::crypto::ring::default_provider().install_default();
            let c = reqwest::blocking::Client::builder()
                .timeout(*timeout)
                .connect_timeout(*timeout)
                .user_agent(concat!("claimwatch/", env!("CARGO_PKG_VERSION")))
                .build()
                .map_err(|e| format!("cannot build the HTTP client: {}", e.without_url()))?;
            *client = Some(c);
        }
        Ok(())
    }

    /// One delivery attempt. Errors never contain the URL or header values.
    pub fn send(&mut self, job: &Job) -> Result<(), String> {
        self.prepare()?;
        match self {
            Transport::Webhook {
                client: Some(client),
                url,
                headers,
                ..
            } => {
                let mut req = client
                    .post(url.expose())
                    .header("content-type", "application/json")
                    .header("idempotency-key", &job.alert_id)
                    .body(job.body.clone());
                for (k, v) in headers {
                    req = req.header(k.as_str(), v.expose());
                }
                let resp = req.send().map_err(|e| describe(&e))?;
                let status = resp.status();
                if status.is_success() {
                    Ok(())
                } else {
                    Err(format!("HTTP {status}"))
                }
            }
            Transport::Command { argv, timeout } => run_command(argv, *timeout, job),
            Transport::Nats(n) => {
                let NatsTransport { spec, rt, conn } = &mut **n;
                let Some(rt) = rt else {
                    return Err("no NATS runtime".into());
                };
                let event = serde_json::from_str::<serde_json::Value>(&job.body)
                    .ok()
                    .and_then(|v| v["event"].as_str().map(str::to_string))
                    .unwrap_or_else(|| "unknown".into());
                let msg = super::nats::Job {
                    event_row: job.event_row,
                    event_id: job.alert_id.clone(),
                    subject: spec.subject_for(job.severity, &event),
                    body: job.body.clone(),
                };
                let r = rt.block_on(super::nats::publish(conn, spec, &msg));
                if r.is_err() {
                    // Reconnect on the next attempt.
                    *conn = None;
                }
                r.map(|_duplicate| ())
            }
            Transport::Webhook { client: None, .. } => Err("no HTTP client".into()),
        }
    }
}

/// A reqwest error without its URL (which may carry a token).
fn describe(e: &reqwest::Error) -> String {
    let kind = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "cannot connect"
    } else {
        "request failed"
    };
    let mut msg = kind.to_string();
    let mut src = std::error::Error::source(e);
    // The innermost cause says the most (connection refused, reset…).
    while let Some(s) = src {
        msg = format!("{kind}: {s}");
        src = s.source();
    }
    msg
}

/// Runs the sink's command without a shell, the alert JSON on stdin.
fn run_command(argv: &[String], timeout: Duration, job: &Job) -> Result<(), String> {
    let Some((prog, args)) = argv.split_first() else {
        return Err("empty command".into());
    };
    let mut child = Command::new(prog)
        .args(args)
        .env("CLAIMWATCH_ALERT_ID", &job.alert_id)
        .env("CLAIMWATCH_RULE", &job.rule)
        .env("CLAIMWATCH_SEVERITY", job.severity)
        .env("CLAIMWATCH_PATH", &job.path)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {prog:?}: {e}"))?;
    // Feed stdin and drain stderr on helper threads, so a command that
    // ignores its input or writes a lot cannot wedge us past the timeout.
    if let Some(mut stdin) = child.stdin.take() {
        let body = job.body.clone();
        std::thread::spawn(move || {
            let _ = stdin.write_all(body.as_bytes());
            let _ = stdin.write_all(b"\n");
        });
    }
    let stderr = child.stderr.take().map(|mut err| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = err.by_ref().take(64 * 1024).read_to_end(&mut buf);
            String::from_utf8_lossy(&buf).trim().to_string()
        })
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(s)) => break s,
            Ok(None) if start.elapsed() >= timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("{prog:?} timed out after {timeout:?}; killed"));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(format!("cannot wait for {prog:?}: {e}")),
        }
    };
    if status.success() {
        return Ok(());
    }
    let err = stderr
        .and_then(|h| h.join().ok())
        .unwrap_or_default()
        .lines()
        .last()
        .map(|l| format!(": {}", crate::render::escape_control(l)))
        .unwrap_or_default();
    Err(format!("{prog:?} exited with {status}{err}"))
}

/// The wait before retry `attempt` (0-based): `base * 2^attempt`, capped at
/// five minutes, plus up to half of it again as jitter, so many alerts
/// failing together do not retry in lockstep.
pub fn backoff(base: Duration, attempt: u32) -> Duration {
    use std::hash::BuildHasher;
    let exp = base.saturating_mul(1u32 << attempt.min(16));
    let capped = exp.min(Duration::from_secs(300));
    let noise = std::collections::hash_map::RandomState::new().hash_one(attempt);
    let half = capped.as_millis() as u64 / 2;
    let jitter = if half == 0 { 0 } else { noise % (half + 1) };
    capped + Duration::from_millis(jitter)
}

/// Retry settings of a worker.
#[derive(Debug, Clone, Copy)]
pub struct Retry {
    pub retries: u32,
    pub base: Duration,
}

/// Starts the worker thread of one sink; returns its bounded queue.
pub fn spawn_worker(
    sink: String,
    transport: Transport,
    retry: Retry,
    queue: usize,
    done: Sender<Done>,
) -> Result<SyncSender<Job>, String> {
    let (tx, rx) = mpsc::sync_channel::<Job>(queue);
    std::thread::Builder::new()
        .name(format!("claimwatch-sink-{sink}"))
        .spawn(move || worker(sink, transport, retry, rx, done))
        .map_err(|e| format!("cannot start the worker thread: {e}"))?;
    Ok(tx)
}

fn worker(
    sink: String,
    mut transport: Transport,
    retry: Retry,
    rx: Receiver<Job>,
    done: Sender<Done>,
) {
    // Ends when the engine drops the queue (shutdown or reload).
    for job in rx {
        let mut attempts = 0;
        let result = loop {
            attempts += 1;
            match transport.send(&job) {
                Ok(()) => break Ok(()),
                Err(e) if attempts > retry.retries => break Err(e),
                Err(e) => {
                    tracing::debug!(sink = %sink, alert_id = %job.alert_id, attempt = attempts, "alert delivery failed, retrying: {e}");
                    std::thread::sleep(backoff(retry.base, attempts - 1));
                }
            }
        };
        let d = Done {
            job,
            sink: sink.clone(),
            attempts,
            result,
        };
        if done.send(d).is_err() {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_bounded_jitter() {
        let base = Duration::from_millis(100);
        for attempt in 0..4 {
            let d = backoff(base, attempt);
            let exp = base * (1 << attempt);
            assert!(d >= exp && d <= exp + exp / 2, "{attempt}: {d:?}");
        }
        assert!(backoff(base, 30) <= Duration::from_secs(450));
    }

    fn job(body: &str) -> Job {
        Job {
            outbox: "alert:r:s".into(),
            event_row: 1,
            alert_id: "al_x".into(),
            rule: "r".into(),
            severity: "high",
            path: "a.txt".into(),
            body: body.into(),
        }
    }

    #[test]
    fn command_exit_status_is_checked() {
        let mut ok = Transport::Command {
            argv: vec!["true".into()],
            timeout: Duration::from_secs(5),
        };
        assert_eq!(ok.send(&job("{}")), Ok(()));
        let mut bad = Transport::Command {
            argv: vec!["sh".into(), "-c".into(), "echo nope >&2; exit 3".into()],
            timeout: Duration::from_secs(5),
        };
        let e = bad.send(&job("{}")).expect_err("exit 3 fails");
        assert!(e.contains("exit status: 3") && e.contains("nope"), "{e}");
    }

    #[test]
    fn command_timeout_kills() {
        let mut slow = Transport::Command {
            argv: vec!["sleep".into(), "10".into()],
            timeout: Duration::from_millis(200),
        };
        let start = Instant::now();
        let e = slow.send(&job("{}")).expect_err("times out");
        assert!(e.contains("timed out"), "{e}");
        assert!(start.elapsed() < Duration::from_secs(5));
    }
}
