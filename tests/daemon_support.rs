//! Helpers for the daemon tests: start the real binary on temp dirs, read
//! the change log, wait for conditions with a deadline (never fixed sleeps
//! as assertions), send signals.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

pub const BIN: &str = env!("CARGO_BIN_EXE_claimwatch");

/// How long any condition may take before a test fails.
pub const DEADLINE: Duration = Duration::from_secs(30);

/// A short article of our own; `boats` is the number edits change.
pub fn article(title: &str, boats: u32) -> String {
    format!(
        "{title}\n\nThe harbour master said {boats} fishing boats were damaged overnight.\n\n\
         Repairs to the northern pier are expected to take three weeks.\n\n\
         \"We have never seen waves like these,\" said Mara Lind, who runs the ferry office.\n"
    )
}

/// Polls `cond` until it holds or the deadline passes.
pub fn wait_for(what: &str, mut cond: impl FnMut() -> bool) {
    let start = Instant::now();
    while start.elapsed() < DEADLINE {
        if cond() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("timed out waiting for {what}");
}

/// The events in a change log (empty if it does not exist yet). A last
/// line still being written (no newline yet) is left for the next call.
pub fn events(state: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(state.join("changes.jsonl")).unwrap_or_default();
    let done = text.rfind('\n').map_or("", |i| &text[..=i]);
    done.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("change log line is JSON"))
        .collect()
}

/// Reads a growing change log incrementally: each [`EventTail::poll`]
/// parses only the lines appended since the last one, so waiting on a log
/// of 10,000 events costs the test linear, not quadratic, CPU (which the
/// daemon under test needs on a two-core machine).
pub struct EventTail {
    path: PathBuf,
    offset: u64,
    partial: Vec<u8>,
}

impl EventTail {
    pub fn new(state: &Path) -> EventTail {
        EventTail {
            path: state.join("changes.jsonl"),
            offset: 0,
            partial: Vec::new(),
        }
    }

    /// The events appended since the last call (complete lines only).
    pub fn poll(&mut self) -> Vec<Value> {
        use std::io::{Read, Seek, SeekFrom};
        let Ok(mut f) = std::fs::File::open(&self.path) else {
            return Vec::new();
        };
        if f.seek(SeekFrom::Start(self.offset)).is_err() {
            return Vec::new();
        }
        let mut buf = Vec::new();
        let n = f.read_to_end(&mut buf).unwrap_or(0);
        self.offset += n as u64;
        self.partial.extend_from_slice(&buf[..n]);
        let Some(end) = self.partial.iter().rposition(|b| *b == b'\n') else {
            return Vec::new();
        };
        let rest = self.partial.split_off(end + 1);
        let done = std::mem::replace(&mut self.partial, rest);
        String::from_utf8_lossy(&done)
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).expect("change log line is JSON"))
            .collect()
    }
}

/// Events of one kind for one path.
pub fn events_for<'a>(all: &'a [Value], path: &str, kind: &str) -> Vec<&'a Value> {
    all.iter()
        .filter(|e| e["path"] == path && e["event"] == kind)
        .collect()
}

/// A running `claimwatch run`, killed on drop.
pub struct Daemon {
    pub child: Child,
    pub log: PathBuf,
}

impl Daemon {
    /// Starts `claimwatch run --state STATE [extra...] ROOT` and waits for
    /// the start-up scan to finish (so the watcher is armed).
    pub fn start(root: &Path, state: &Path, extra: &[&str]) -> Daemon {
        Daemon::start_with_env(root, state, extra, &[])
    }

    /// [`Daemon::start`] with extra environment variables.
    pub fn start_with_env(
        root: &Path,
        state: &Path,
        extra: &[&str],
        env: &[(&str, &str)],
    ) -> Daemon {
        let d = Daemon::spawn(root, state, extra, env);
        wait_for("the start-up scan", || {
            d.stderr().contains("start-up scan done")
        });
        d
    }

    /// Starts `claimwatch run` without waiting for anything (a standby
    /// never finishes a start-up scan until it takes over).
    pub fn spawn(root: &Path, state: &Path, extra: &[&str], env: &[(&str, &str)]) -> Daemon {
        std::fs::create_dir_all(state).expect("state dir");
        let log = state.with_extension(format!(
            "stderr.{}",
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or_default()
        ));
        let err = std::fs::File::create(&log).expect("stderr file");
        let mut cmd = Command::new(BIN);
        let st = state.display().to_string();
        crate::backend_support::choose(&mut cmd, &["--state", &st], Path::new("/"));
        cmd.arg("run")
            .arg("--state")
            .arg(state)
            .args(extra)
            .arg(root)
            .env("CLAIMWATCH_LOG", "info")
            .env("NO_COLOR", "1")
            .env_remove("CLAIMWATCH_CONFIG")
            .env_remove("CLAIMWATCH_STATE_DIR")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(err);
        cmd.envs(env.iter().copied());
        let child = cmd.spawn().expect("daemon starts");
        Daemon { child, log }
    }

    pub fn stderr(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    pub fn signal(&self, sig: i32) {
        let pid = self.child.id() as i32;
        // SAFETY: kill(2) on our own child's pid; no memory is involved.
        let rc = unsafe { libc::kill(pid, sig) };
        assert_eq!(rc, 0, "kill({pid}, {sig})");
    }

    /// Waits for the process to exit (within the deadline).
    pub fn wait(&mut self) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return status;
            }
            assert!(start.elapsed() < DEADLINE, "daemon did not exit");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn is_running(&mut self) -> bool {
        self.child.try_wait().expect("try_wait").is_none()
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs the binary to completion; returns (exit code, stdout, stderr).
pub fn run(args: &[&str], cwd: &Path) -> (i32, String, String) {
    run_with_env(args, cwd, &[])
}

/// [`run`] with extra environment variables.
pub fn run_with_env(args: &[&str], cwd: &Path, env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = Command::new(BIN);
    crate::backend_support::choose(&mut cmd, args, cwd);
    let out = cmd
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env_remove("CLAIMWATCH_CONFIG")
        .env_remove("CLAIMWATCH_STATE_DIR")
        .env_remove("CLAIMWATCH_LOG")
        .envs(env.iter().copied())
        .output()
        .expect("binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Writes a file atomically-ish as tests need: plain overwrite.
pub fn write(path: &Path, text: &str) {
    if let Some(d) = path.parent() {
        std::fs::create_dir_all(d).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}
