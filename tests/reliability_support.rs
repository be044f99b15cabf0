//! Helpers for the reliability tests: a daemon started with a config file
//! of the test's choosing, the start-up scan's error count, peak memory
//! from /proc, and a stderr reader that waits for a line.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::daemon_support::{Daemon, wait_for};

/// A temp root and state folder for one test.
pub struct Dirs {
    pub _tmp: tempfile::TempDir,
    pub root: PathBuf,
    pub state: PathBuf,
}

pub fn dirs() -> Dirs {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("root");
    let state = tmp.path().join("state");
    std::fs::create_dir_all(&root).expect("mkdir root");
    std::fs::create_dir_all(&state).expect("mkdir state");
    // Canonical, because the daemon reports canonical roots.
    let root = std::fs::canonicalize(root).expect("canonical");
    Dirs {
        _tmp: tmp,
        root,
        state,
    }
}

/// Starts the daemon with `toml` as its config file (plus `--state` and
/// the root on the command line).
pub fn start_with(d: &Dirs, toml: &str) -> Daemon {
    start_slow(d, toml, crate::daemon_support::DEADLINE)
}

/// [`start_with`] for a start-up scan that may take up to `deadline`
/// (a debug build extracting 50 MB on a busy machine).
pub fn start_slow(d: &Dirs, toml: &str, deadline: Duration) -> Daemon {
    let cfg = d.state.with_extension("toml");
    std::fs::write(&cfg, toml).expect("config");
    let log = d.state.with_extension("stderr");
    let mut cmd = Command::new(crate::daemon_support::BIN);
    let st = d.state.display().to_string();
    crate::backend_support::choose(&mut cmd, &["--state", &st], Path::new("/"));
    let child = cmd
        .arg("run")
        .arg("--config")
        .arg(&cfg)
        .arg("--state")
        .arg(&d.state)
        .arg(&d.root)
        .env("CLAIMWATCH_LOG", "info")
        .env("NO_COLOR", "1")
        .env_remove("CLAIMWATCH_CONFIG")
        .env_remove("CLAIMWATCH_STATE_DIR")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).expect("stderr file"))
        .spawn()
        .expect("daemon starts");
    let mut daemon = Daemon { child, log };
    let start = Instant::now();
    while !daemon.stderr().contains("start-up scan done") {
        assert!(daemon.is_running(), "daemon exited:\n{}", daemon.stderr());
        assert!(
            start.elapsed() < deadline,
            "start-up scan not done in {deadline:?}:\n{}",
            daemon.stderr()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    daemon
}

/// The error count of the last "start-up scan done" / "rescan done" line.
pub fn scan_errors(stderr: &str) -> usize {
    stderr
        .lines()
        .rfind(|l| l.contains("scan done:"))
        .and_then(|l| l.split(" errors").next())
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("a scan summary line")
}

/// Peak resident memory of a process in KiB (VmHWM).
pub fn vm_hwm_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("proc status");
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .expect("VmHWM")
}

/// Waits until the daemon's stderr has a line containing every needle.
pub fn wait_line(d: &Daemon, needles: &[&str]) -> String {
    let mut found = String::new();
    wait_for(&format!("a log line with {needles:?}"), || {
        match d
            .stderr()
            .lines()
            .find(|l| needles.iter().all(|n| l.contains(n)))
        {
            Some(l) => {
                found = l.to_string();
                true
            }
            None => false,
        }
    });
    found
}

/// Writes `ok-N.txt` and waits for its `created` event: the daemon is
/// still doing its job.
pub fn still_alive(d: &mut Daemon, root: &Path, state: &Path, n: u32) {
    assert!(d.is_running(), "the daemon died");
    let name = format!("ok-{n}.txt");
    crate::daemon_support::write(
        &root.join(&name),
        &crate::daemon_support::article("Still here", n),
    );
    wait_for(&format!("the created event of {name}"), || {
        crate::daemon_support::events(state)
            .iter()
            .any(|e| e["path"] == name.as_str() && e["event"] == "created")
    });
}
