//! Resource faults: a change log on a full disk (a 64 KiB tmpfs when the
//! tests may mount, else a symlink to /dev/full) keeps events in the outbox
//! and delivers them, whole lines only, once writing works again; a state
//! folder that cannot be written stops the daemon at start with exit 1 and
//! what to do.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::daemon_support::{article, run, wait_for, write};
use crate::reliability_support::{dirs, start_with, wait_line};

/// A small tmpfs, unmounted on drop.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(dir: &Path, opts: &str) -> Option<Tmpfs> {
        std::fs::create_dir_all(dir).ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", opts, "tmpfs"])
            .arg(dir)
            .output()
            .ok()?
            .status
            .success();
        ok.then(|| Tmpfs(dir.to_path_buf()))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).output();
    }
}

/// The change log's complete lines. A last piece without its newline is a
/// write still in progress (or one the daemon is about to cut back after
/// a failed write) and is not read: polling caught one mid-write once.
fn lines(p: &Path) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(p).unwrap_or_default();
    let complete = text.rfind('\n').map_or("", |end| &text[..end]);
    complete
        .lines()
        .map(|l| serde_json::from_str(l).expect("every change-log line is whole JSON"))
        .collect()
}

#[test]
fn a_full_disk_keeps_events_in_the_outbox_until_space_returns() {
    let d = dirs();
    let mnt = d.root.parent().expect("parent").join("logdisk");
    let tmpfs = Tmpfs::mount(&mnt, "size=64k");
    let changes = mnt.join("changes.jsonl");
    let filler = mnt.join("filler");
    match &tmpfs {
        Some(_) => {
            // Fill the disk, leaving a little room so a write stops mid-way.
            let _ = std::fs::write(&filler, vec![b'x'; 64 * 1024]);
        }
        None => {
            eprintln!("cannot mount tmpfs here; using a symlink to /dev/full");
            std::fs::create_dir_all(&mnt).expect("mkdir");
            std::os::unix::fs::symlink("/dev/full", &changes).expect("ln");
        }
    }
    let toml = format!(
        "[watch]\ndebounce_ms = 100\n[log]\nchanges = \"{}\"\n",
        changes.display()
    );
    let mut daemon = start_with(&d, &toml);
    for i in 0..20u32 {
        write(
            &d.root.join(format!("a{i:02}.txt")),
            &article("Full disk", i),
        );
    }
    wait_line(&daemon, &["cannot write the change log", "outbox"]);
    // All 20 are committed in the store (history works) but not delivered.
    wait_for("20 revisions in the store", || {
        let state = d.state.display().to_string();
        (0..20).all(|i| {
            let (code, out, _) = run(
                &["history", &format!("a{i:02}.txt"), "--state", &state],
                &d.root,
            );
            code == 0 && out.contains("created")
        })
    });
    assert!(daemon.is_running());
    // Space returns.
    if tmpfs.is_some() {
        std::fs::remove_file(&filler).expect("rm filler");
    } else {
        std::fs::remove_file(&changes).expect("rm link");
        daemon.signal(libc::SIGHUP);
    }
    wait_for("all 20 events delivered", || lines(&changes).len() >= 20);
    let all = lines(&changes);
    let mut ids: Vec<&str> = all.iter().filter_map(|e| e["event_id"].as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 20, "each event once (duplicates share an id)");
    wait_line(&daemon, &["writable again"]);
}

#[test]
fn an_unwritable_state_folder_is_fatal_with_what_to_do() {
    let d = dirs();
    // A path under a regular file can never be created, even by root.
    let file = d.root.parent().expect("parent").join("plain-file");
    std::fs::write(&file, "x").expect("write");
    let bad = file.join("state");
    let root = d.root.display().to_string();
    let (code, _, err) = run(
        &["run", "--state", &bad.display().to_string(), &root],
        &d.root,
    );
    assert_eq!(code, 1, "{err}");
    assert!(err.contains(&bad.display().to_string()), "{err}");
    assert!(err.contains("--state"), "says what to do: {err}");
    // A read-only filesystem (when the tests may mount one).
    let ro = d.root.parent().expect("parent").join("ro");
    if let Some(_m) = Tmpfs::mount(&ro, "size=64k,ro") {
        let (code, _, err) = run(
            &["run", "--state", &ro.display().to_string(), &root],
            &d.root,
        );
        assert_eq!(code, 1, "{err}");
        assert!(err.contains("writable"), "says what to do: {err}");
    } else {
        eprintln!("cannot mount a read-only tmpfs here; only the path-under-a-file case ran");
    }
}
