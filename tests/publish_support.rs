//! Helpers for the NATS tests: the shared server on 127.0.0.1:4222 (a
//! clear failure when it is down, unless `CLAIMWATCH_SKIP_NATS=1`), a
//! private server on another port for outage tests, unique stream names,
//! and reading a stream back with a JetStream consumer.

use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use async_nats::jetstream::{self, consumer};
use futures_util::StreamExt;
use serde_json::Value;

/// The shared server the tests use (CI starts it; see `.ci/run`).
pub const SHARED: &str = "127.0.0.1:4222";
const START: &str = "start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log";

fn answers(addr: &str) -> bool {
    addr.parse::<SocketAddr>()
        .is_ok_and(|a| TcpStream::connect_timeout(&a, Duration::from_secs(2)).is_ok())
}

/// True when the shared NATS answers; false (skip) only when
/// `CLAIMWATCH_SKIP_NATS=1`; otherwise the test fails saying how to start it.
pub fn nats_available() -> bool {
    if answers(SHARED) {
        return true;
    }
    if std::env::var("CLAIMWATCH_SKIP_NATS").is_ok_and(|v| v == "1") {
        eprintln!("skipped: no NATS on {SHARED} and CLAIMWATCH_SKIP_NATS=1");
        return false;
    }
    panic!(
        "no NATS server answers on {SHARED}; start one with JetStream:\n  {START}\n\
         (or set CLAIMWATCH_SKIP_NATS=1 to skip the NATS tests)"
    );
}

/// A name no other test run uses: `<prefix><pid>x<nanos>x<n>`.
pub fn unique(prefix: &str) -> String {
    static N: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    format!(
        "{prefix}{}x{nanos}x{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    )
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
}

/// One message read back: its subject, `Nats-Msg-Id` and JSON body.
#[derive(Debug, Clone)]
pub struct Published {
    pub subject: String,
    pub msg_id: String,
    pub body: Value,
}

/// A test's stream on a server, deleted on drop.
pub struct TestStream {
    pub url: String,
    pub name: String,
}

impl TestStream {
    pub fn new(url: &str, name: &str) -> TestStream {
        TestStream {
            url: url.to_string(),
            name: name.to_string(),
        }
    }

    /// Messages in the stream (0 when it does not exist yet or the server
    /// does not answer).
    pub fn count(&self) -> u64 {
        runtime().block_on(async {
            let Ok(client) = async_nats::connect(&self.url).await else {
                return 0;
            };
            let js = jetstream::new(client);
            match js.get_stream(&self.name).await {
                Ok(mut s) => s.info().await.map(|i| i.state.messages).unwrap_or(0),
                Err(_) => 0,
            }
        })
    }

    /// Every message, in stream order, through an ephemeral pull consumer.
    pub fn read_all(&self) -> Vec<Published> {
        runtime().block_on(async {
            let client = async_nats::connect(&self.url).await.expect("connect");
            let js = jetstream::new(client);
            let mut stream = js.get_stream(&self.name).await.expect("stream exists");
            let n = stream.info().await.expect("info").state.messages as usize;
            let consumer = stream
                .create_consumer(consumer::pull::Config {
                    ack_policy: consumer::AckPolicy::None,
                    deliver_policy: consumer::DeliverPolicy::All,
                    ..Default::default()
                })
                .await
                .expect("consumer");
            let mut out = Vec::new();
            while out.len() < n {
                let mut batch = consumer
                    .batch()
                    .max_messages(n - out.len())
                    .expires(Duration::from_secs(2))
                    .messages()
                    .await
                    .expect("batch");
                let before = out.len();
                while let Some(m) = batch.next().await {
                    let m = m.expect("message");
                    let msg_id = m
                        .headers
                        .as_ref()
                        .and_then(|h| h.get("Nats-Msg-Id"))
                        .map(|v| v.as_str().to_string())
                        .unwrap_or_default();
                    out.push(Published {
                        subject: m.subject.to_string(),
                        msg_id,
                        body: serde_json::from_slice(&m.payload).expect("JSON body"),
                    });
                }
                assert!(out.len() > before, "the consumer returned nothing");
            }
            out
        })
    }
}

impl Drop for TestStream {
    fn drop(&mut self) {
        runtime().block_on(async {
            if let Ok(client) = async_nats::connect(&self.url).await {
                let _ = jetstream::new(client).delete_stream(&self.name).await;
            }
        });
    }
}

/// A port nothing listens on (for now).
pub fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    l.local_addr().expect("addr").port()
}

/// A private nats-server with JetStream on `port`, stopped on drop (never
/// the shared one: other builds use it).
pub struct PrivateServer {
    child: Child,
}

impl PrivateServer {
    pub fn start(port: u16, store: &Path) -> PrivateServer {
        let child = Command::new("/usr/sbin/nats-server")
            .args(["-a", "127.0.0.1", "-p", &port.to_string(), "-js", "-sd"])
            .arg(store)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("/usr/sbin/nats-server starts");
        let s = PrivateServer { child };
        let addr = format!("127.0.0.1:{port}");
        crate::daemon_support::wait_for("the private nats-server", || answers(&addr));
        s
    }
}

impl Drop for PrivateServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The `[publish]` section for a stream and subject prefix.
pub fn publish_config(url: &str, stream: &str, prefix: &str) -> String {
    format!(
        "[publish]\nnats = {{ url = \"{url}\", stream = \"{stream}\", subject = \"{prefix}.events.{{severity}}\", timeout_ms = 2000 }}\n"
    )
}

/// Outbox rows for the NATS stream not yet delivered (read beside a
/// running daemon: SQLite is in WAL mode), on the backend under test.
pub fn nats_pending(state: &Path) -> i64 {
    crate::backend_support::store_count(
        state,
        "SELECT count(*) FROM outbox WHERE sink = 'nats' AND delivered = false",
    )
}
