//! Issue 18: nodes sharing one PostgreSQL store (each test in a scratch
//! schema of the local server) and one JetStream stream. Two nodes on two
//! roots with one killed and restarted mid-stream; NATS away for 30 s; a
//! standby taking a root over from a killed owner; and the read commands
//! seeing every node's history.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use claimwatch::store::testing::{drop_schema, scratch_url};

use crate::daemon_support::{Daemon, run_with_env, wait_for};
use crate::metrics_endpoint::{sample, scrape};
use crate::publish_support::{
    PrivateServer, SHARED, TestStream, free_port, nats_available, unique,
};

/// Files per root and edit rounds: 2 roots x 50 files x 10 rounds = 1,000 edits.
const FILES: usize = 50;
const ROUNDS: u32 = 10;

/// A scratch schema and a temp folder for the nodes' roots, states and configs.
struct Cluster {
    schema: String,
    url: String,
    dir: tempfile::TempDir,
}

impl Cluster {
    fn new() -> Cluster {
        let (schema, url) = scratch_url();
        Cluster {
            schema,
            url,
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::create_dir_all(&p).expect("folder");
        p
    }

    /// A node's config file: the shared store, its name, a short debounce
    /// and takeover, and `extra` (a `[publish]` section).
    fn config(&self, node: &str, takeover_ms: u64, extra: &str) -> String {
        let p = self.dir.path().join(format!("{node}.toml"));
        std::fs::write(
            &p,
            format!(
                "[watch]\ndebounce_ms = 50\n[store]\nurl = \"{}\"\n[node]\nname = \"{node}\"\ntakeover_ms = {takeover_ms}\n{extra}",
                self.url
            ),
        )
        .expect("config");
        p.display().to_string()
    }

    /// The store URL for the binary: the environment wins over any
    /// backend the other daemon tests run on.
    fn env(&self) -> [(&str, &str); 1] {
        [("CLAIMWATCH_STORE_URL", self.url.as_str())]
    }

    fn db(&self) -> postgres::Client {
        postgres::Client::connect(&self.url, postgres::NoTls).expect("connect to the test schema")
    }

    fn count(&self, sql: &str) -> i64 {
        self.db().query_one(sql, &[]).expect(sql).get(0)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        drop_schema(&self.schema);
    }
}

/// Version `k` of file `i` of a root: one number changes per round.
fn version(root: &Path, i: usize, k: u32) -> String {
    format!(
        "Ferry report {i} from {}\n\nThe port authority said {} crossings ran on time this week.\n\n\
         Officials said the new timetable starts in spring.\n",
        root.file_name().unwrap().to_string_lossy(),
        100 + i as u32 * 10 + k
    )
}

fn write_round(root: &Path, k: u32) {
    for i in 0..FILES {
        std::fs::write(root.join(format!("f{i:02}.txt")), version(root, i, k)).expect("write");
    }
}

/// Waits until the store's latest revision of every file of `root` has
/// the content now on disk: no edit lost.
fn wait_caught_up(c: &Cluster, root: &Path) {
    let key = std::fs::canonicalize(root).unwrap().display().to_string();
    let want: Vec<(String, String)> = (0..FILES)
        .map(|i| {
            let name = format!("f{i:02}.txt");
            let bytes = std::fs::read(root.join(&name)).expect("read");
            (name, format!("blake3:{}", blake3::hash(&bytes).to_hex()))
        })
        .collect();
    wait_for(
        &format!("the store to hold the last version of {key}"),
        || {
            let mut db = c.db();
            want.iter().all(|(path, hash)| {
                db.query_opt(
                    "SELECT r.hash FROM files f JOIN revisions r
                   ON r.file_id = f.id AND r.revision = f.last_revision
                 WHERE f.root = $1 AND f.path = $2",
                    &[&key, path],
                )
                .ok()
                .flatten()
                .and_then(|r| r.get::<_, Option<String>>(0))
                .as_deref()
                    == Some(hash.as_str())
            })
        },
    );
}

/// Every file's revisions are numbered 1..n with no gap, and no revision
/// repeats the content of the one before it (a revision recorded twice).
fn assert_no_revision_lost_or_doubled(c: &Cluster) {
    let rows = c
        .db()
        .query(
            "SELECT f.root, f.path, f.last_revision, count(r.id), count(DISTINCT r.revision),
                    min(r.revision), max(r.revision)
             FROM files f JOIN revisions r ON r.file_id = f.id
             GROUP BY f.id ORDER BY f.root, f.path",
            &[],
        )
        .expect("revisions");
    assert!(!rows.is_empty(), "no files stored");
    for r in &rows {
        let (root, path): (String, String) = (r.get(0), r.get(1));
        let (last, n, distinct, lo, hi): (i64, i64, i64, i64, i64) =
            (r.get(2), r.get(3), r.get(4), r.get(5), r.get(6));
        assert_eq!(
            (n, distinct, lo, hi),
            (last, last, 1, last),
            "{root}/{path}: revisions must be 1..{last} once each"
        );
    }
    let repeats = c.count(
        "SELECT count(*) FROM revisions a JOIN revisions b
           ON a.file_id = b.file_id AND b.revision = a.revision + 1
         WHERE a.hash = b.hash",
    );
    assert_eq!(repeats, 0, "a revision repeats the content before it");
    let events = c.count("SELECT count(*) FROM events");
    let revisions = c.count("SELECT count(*) FROM revisions");
    assert_eq!(events, revisions, "one event per revision");
}

/// Waits until the stream holds every stored event once: message ids are
/// unique and are exactly the store's event ids.
fn assert_stream_has_every_event_once(c: &Cluster, stream: &TestStream) {
    wait_for("the nats outbox to drain", || {
        c.count("SELECT count(*) FROM outbox WHERE sink = 'nats' AND NOT delivered") == 0
    });
    let events = c.count("SELECT count(*) FROM events");
    wait_for("the stream to hold every event", || {
        stream.count() as i64 >= events
    });
    let msgs = stream.read_all();
    let mut ids: Vec<String> = msgs.iter().map(|m| m.msg_id.clone()).collect();
    ids.sort();
    let n = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), n, "a message id appears twice in the stream");
    let mut stored: Vec<String> = c
        .db()
        .query("SELECT event_id FROM events ORDER BY event_id", &[])
        .expect("events")
        .iter()
        .map(|r| r.get(0))
        .collect();
    stored.sort();
    assert_eq!(ids, stored, "the stream and the store hold the same events");
    for m in &msgs {
        assert_eq!(
            m.body["event_id"].as_str(),
            Some(m.msg_id.as_str()),
            "the body is the event"
        );
    }
}

fn publish(url: &str, stream: &str) -> String {
    format!(
        "[publish]\nnats = {{ url = \"{url}\", stream = \"{stream}\", subject = \"{}.events.{{severity}}\", timeout_ms = 2000 }}\n",
        stream.to_lowercase()
    )
}

#[test]
fn issue18_two_nodes_one_killed_mid_stream_lose_and_double_nothing() {
    if !nats_available() {
        return;
    }
    let c = Cluster::new();
    let name = unique("CWPG");
    let stream = TestStream::new(&format!("nats://{SHARED}"), &name);
    let extra = publish(&format!("nats://{SHARED}"), &name);
    let (ra, rb) = (c.path("root-a"), c.path("root-b"));
    let (sa, sb) = (c.path("state-a"), c.path("state-b"));
    let (ca, cb) = (
        c.config("node-a", 3000, &extra),
        c.config("node-b", 3000, &extra),
    );
    write_round(&ra, 0);
    write_round(&rb, 0);
    let mut a = Daemon::start_with_env(&ra, &sa, &["--config", &ca], &c.env());
    let _b = Daemon::start_with_env(&rb, &sb, &["--config", &cb], &c.env());
    for k in 1..=ROUNDS {
        write_round(&ra, k);
        write_round(&rb, k);
        std::thread::sleep(Duration::from_millis(150));
        if k == 4 {
            a.signal(libc::SIGKILL);
            a.wait();
        }
        if k == 7 {
            a = Daemon::start_with_env(&ra, &sa, &["--config", &ca], &c.env());
        }
    }
    wait_caught_up(&c, &ra);
    wait_caught_up(&c, &rb);
    assert_no_revision_lost_or_doubled(&c);
    assert_stream_has_every_event_once(&c, &stream);
    let nodes: Vec<String> = c
        .db()
        .query("SELECT DISTINCT node FROM events ORDER BY node", &[])
        .expect("nodes")
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(nodes, ["node-a", "node-b"], "rows carry their node");
}

#[test]
fn issue18_nats_away_for_30_seconds_mid_stream_loses_nothing() {
    let c = Cluster::new();
    let port = free_port();
    let js = c.path("jetstream");
    let url = format!("nats://127.0.0.1:{port}");
    let name = unique("CWPGOUT");
    let extra = publish(&url, &name);
    let (ra, rb) = (c.path("root-a"), c.path("root-b"));
    let (sa, sb) = (c.path("state-a"), c.path("state-b"));
    let (ca, cb) = (
        c.config("node-a", 3000, &extra),
        c.config("node-b", 3000, &extra),
    );
    let mut server = Some(PrivateServer::start(port, &js));
    write_round(&ra, 0);
    write_round(&rb, 0);
    let a = Daemon::start_with_env(&ra, &sa, &["--config", &ca], &c.env());
    let b = Daemon::start_with_env(&rb, &sb, &["--config", &cb], &c.env());
    let mut stopped_at = None;
    for k in 1..=6 {
        write_round(&ra, k);
        write_round(&rb, k);
        std::thread::sleep(Duration::from_millis(200));
        if k == 2 {
            server = None; // stops it: the stream's data stays in `js`
            stopped_at = Some(Instant::now());
        }
    }
    wait_caught_up(&c, &ra);
    wait_caught_up(&c, &rb);
    let waiting = c.count("SELECT count(*) FROM outbox WHERE sink = 'nats' AND NOT delivered");
    assert!(
        waiting > 0,
        "events made while NATS was away wait in the outbox"
    );
    let away = Duration::from_secs(30).saturating_sub(stopped_at.unwrap().elapsed());
    std::thread::sleep(away);
    assert!(server.is_none());
    let _server = PrivateServer::start(port, &js);
    let stream = TestStream::new(&url, &name);
    assert_no_revision_lost_or_doubled(&c);
    assert_stream_has_every_event_once(&c, &stream);
    assert!(
        a.stderr().contains("cannot publish to NATS")
            && b.stderr().contains("cannot publish to NATS"),
        "each node said NATS was unreachable"
    );
}

#[test]
fn issue18_a_standby_takes_over_within_the_takeover_time() {
    let c = Cluster::new();
    let root = c.path("root");
    let (s1, s2) = (c.path("state-1"), c.path("state-2"));
    let takeover = Duration::from_millis(3000);
    let port = free_port();
    let (c1, c2) = (
        c.config("owner", takeover.as_millis() as u64, ""),
        c.config(
            "standby",
            takeover.as_millis() as u64,
            &format!("[metrics]\nlisten = \"127.0.0.1:{port}\"\n"),
        ),
    );
    write_round(&root, 0);
    let mut owner = Daemon::start_with_env(&root, &s1, &["--config", &c1], &c.env());
    let standby = Daemon::spawn(&root, &s2, &["--config", &c2], &c.env());
    wait_for("the standby to wait", || {
        standby
            .stderr()
            .contains("is owned by node owner; taking over")
    });
    let standby_gauge = || sample(&scrape(port), "claimwatch_standby");
    wait_for("the standby gauge at 1", || standby_gauge() == Some(1.0));
    write_round(&root, 1);
    wait_caught_up(&c, &root);
    owner.signal(libc::SIGKILL);
    owner.wait();
    let died = Instant::now();
    // Edited while nobody owns the root: the new owner's start-up
    // reconcile records it.
    write_round(&root, 2);
    wait_for("the standby to take over", || {
        standby.stderr().contains("took over every root")
    });
    let took = died.elapsed();
    wait_for("the standby gauge at 0", || standby_gauge() == Some(0.0));
    assert!(
        took <= takeover,
        "took over after {took:?}, more than the configured {takeover:?}"
    );
    wait_caught_up(&c, &root);
    write_round(&root, 3);
    wait_caught_up(&c, &root);
    assert_no_revision_lost_or_doubled(&c);
    let owner_now = c.count("SELECT count(*) FROM owners WHERE node = 'standby'");
    assert_eq!(owner_now, 1, "the owners table names the new owner");
}

#[test]
fn issue18_history_show_tail_and_report_read_every_nodes_history() {
    let c = Cluster::new();
    let (ra, rb) = (c.path("root-a"), c.path("root-b"));
    let (ca, cb) = (c.config("node-a", 3000, ""), c.config("node-b", 3000, ""));
    for (root, cfg, state) in [(&ra, &ca, "state-a"), (&rb, &cb, "state-b")] {
        for k in 0..2 {
            write_round(root, k);
            let state = c.path(state);
            let (code, _, err) = run_with_env(
                &[
                    "scan",
                    "--config",
                    cfg,
                    "--state",
                    &state.display().to_string(),
                    &root.display().to_string(),
                ],
                c.dir.path(),
                &c.env(),
            );
            assert_eq!(code, 0, "scan: {err}");
        }
    }
    // A reader with its own empty state folder sees both nodes' rows.
    let reader = c.config("reader", 3000, "");
    let state = c.path("state-reader").display().to_string();
    let args = |cmd: &[&str]| -> Vec<String> {
        let mut v: Vec<String> = cmd.iter().map(|s| s.to_string()).collect();
        v.extend([
            "--config".into(),
            reader.clone(),
            "--state".into(),
            state.clone(),
        ]);
        v
    };
    let call = |cmd: &[&str]| {
        let a = args(cmd);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        let (code, out, err) = run_with_env(&a, c.dir.path(), &c.env());
        assert_eq!(code, 0, "{cmd:?}: {err}");
        out
    };
    let history = call(&["history", "f03.txt"]);
    assert!(
        history.contains("root-a") && history.contains("root-b"),
        "history names both roots' f03.txt: {history}"
    );
    let tail = call(&["tail", "-n", "0", "--json"]);
    let ids: Vec<String> = tail
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
            v["event_id"].as_str().expect("event_id").to_string()
        })
        .collect();
    assert_eq!(
        ids.len(),
        2 * FILES * 2,
        "tail shows every event of both nodes"
    );
    let last = ids.last().unwrap();
    let show = call(&["show", last]);
    assert!(
        show.contains("number changed"),
        "show renders the event: {show}"
    );
    let out = c.path("report");
    call(&["report", "--out", &out.display().to_string()]);
    let index = std::fs::read_to_string(out.join("index.html")).expect("report index");
    assert!(index.contains("f49.txt"), "the report lists the articles");

    // `tail --follow` on the reader: a new event of either node shows up.
    let mut child = std::process::Command::new(crate::daemon_support::BIN)
        .args(args(&["tail", "--follow", "--json", "-n", "1"]))
        .env("NO_COLOR", "1")
        .env("CLAIMWATCH_STORE_URL", &c.url)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("tail runs");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            let v: serde_json::Value = serde_json::from_str(&line).unwrap_or_default();
            let path = v["path"].as_str().unwrap_or("").to_string();
            let root = v["root"].as_str().unwrap_or("").to_string();
            if tx.send(format!("{root}|{path}")).is_err() {
                break;
            }
        }
    });
    let first = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("the last event");
    assert!(
        first.contains("root-b|f"),
        "the newest event is node b's: {first}"
    );
    std::fs::write(ra.join("f07.txt"), version(&ra, 7, 99)).expect("edit");
    let state = c.path("state-a").display().to_string();
    let (code, _, err) = run_with_env(
        &[
            "scan",
            "--config",
            &ca,
            "--state",
            &state,
            &ra.display().to_string(),
        ],
        c.dir.path(),
        &c.env(),
    );
    assert_eq!(code, 0, "scan: {err}");
    let next = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("the new event");
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        next.contains("root-a") && next.ends_with("f07.txt"),
        "tail --follow shows the new event: {next}"
    );
}
