//! `claimwatch run`: one event per revision, with the right kind and changes.

use serde_json::Value;

use crate::daemon_support::*;

/// The `changes` that `claimwatch diff OLD NEW --format json` reports.
fn diff_changes(old: &std::path::Path, new: &std::path::Path) -> Value {
    let (code, out, err) = run(
        &[
            "diff",
            &old.display().to_string(),
            &new.display().to_string(),
            "--format",
            "json",
        ],
        std::path::Path::new("/"),
    );
    assert_eq!(code, 0, "{err}");
    let doc: Value = serde_json::from_str(&out).expect("diff json");
    doc["changes"].clone()
}

#[test]
fn three_writes_give_one_created_and_two_modified_matching_diff() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    let snap = tmp.path().join("snap");
    std::fs::create_dir_all(&root).expect("mkdir");
    std::fs::create_dir_all(&snap).expect("mkdir");
    let _d = Daemon::start(&root, &state, &[]);
    let file = root.join("world/storm.txt");
    let versions = [
        article("Storm hits the harbour", 12),
        article("Storm hits the harbour", 15),
        article("Storm hits the harbour", 15).replace("three weeks", "five weeks"),
    ];
    for (i, v) in versions.iter().enumerate() {
        write(&snap.join(format!("v{i}.txt")), v);
        write(&file, v);
        wait_for(&format!("event {}", i + 1), || events(&state).len() > i);
    }
    let evs = events(&state);
    assert_eq!(evs.len(), 3, "{evs:#?}");
    let kinds: Vec<&str> = evs
        .iter()
        .map(|e| e["event"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(kinds, ["created", "modified", "modified"]);
    for (i, e) in evs.iter().enumerate() {
        assert_eq!(e["schema"], 1);
        assert_eq!(e["path"], "world/storm.txt");
        assert_eq!(e["revision"], i as i64 + 1);
        assert!(e["hash"].as_str().is_some_and(|h| h.starts_with("blake3:")));
        assert!(e["time"].as_str().is_some_and(|t| t.ends_with('Z')));
    }
    assert_eq!(evs[1]["prev_revision"], 1);
    // created lists every claim as added.
    let created = evs[0]["changes"].as_array().expect("changes");
    assert!(!created.is_empty());
    assert!(created.iter().all(|c| c["op"] == "added"));
    assert_eq!(
        evs[1]["changes"],
        diff_changes(&snap.join("v0.txt"), &snap.join("v1.txt"))
    );
    assert_eq!(
        evs[2]["changes"],
        diff_changes(&snap.join("v1.txt"), &snap.join("v2.txt"))
    );
    assert_ne!(evs[1]["changes"], Value::Array(vec![]));
}

#[test]
fn reformat_only_is_recorded_without_changes() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    let text = article("Ferry timetable", 4);
    write(&root.join("a.txt"), &text);
    let _d = Daemon::start(&root, &state, &[]);
    wait_for("created", || events(&state).len() == 1);
    // Extra blank lines, trailing spaces and curly quotes: same claims.
    let reformatted = text
        .replace("\n\n", "\n\n\n")
        .replace(".\n", ".   \n")
        .replacen('"', "\u{201c}", 1);
    write(&root.join("a.txt"), &reformatted);
    wait_for("modified", || events(&state).len() == 2);
    let e = &events(&state)[1];
    assert_eq!(e["event"], "modified");
    assert_eq!(e["severity"], "none");
    assert_eq!(e["changes"], Value::Array(vec![]));
    assert_eq!(e["summary"]["added"], 0);
}

#[test]
fn delete_then_restore_diffs_against_the_last_revision() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    write(&root.join("pier.txt"), &article("Pier closed", 7));
    let _d = Daemon::start(&root, &state, &[]);
    wait_for("created", || events(&state).len() == 1);
    let n_claims = events(&state)[0]["summary"]["added"]
        .as_u64()
        .expect("count");
    std::fs::remove_file(root.join("pier.txt")).expect("rm");
    wait_for("deleted", || events(&state).len() == 2);
    let del = &events(&state)[1];
    assert_eq!(del["event"], "deleted");
    assert_eq!(del["revision"], 2);
    assert_eq!(del["hash"], Value::Null);
    assert_eq!(del["summary"]["removed"], n_claims);
    assert!(
        del["changes"]
            .as_array()
            .expect("changes")
            .iter()
            .all(|c| c["op"] == "removed")
    );
    write(&root.join("pier.txt"), &article("Pier closed", 9));
    wait_for("restored", || events(&state).len() == 3);
    let res = &events(&state)[2];
    assert_eq!(res["event"], "restored");
    assert_eq!(res["revision"], 3);
    assert_eq!(res["prev_revision"], 1);
    let changes = res["changes"].as_array().expect("changes");
    assert!(
        !changes.is_empty(),
        "the number edit shows against revision 1"
    );
    assert!(
        (res["summary"]["unchanged"].as_u64().unwrap_or(0)) > 0,
        "untouched claims are unchanged, not re-added: {res}"
    );
}

#[test]
fn a_rename_is_one_renamed_event() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    write(&root.join("old-name.txt"), &article("Bridge reopens", 3));
    let _d = Daemon::start(&root, &state, &[]);
    wait_for("created", || events(&state).len() == 1);
    std::fs::rename(root.join("old-name.txt"), root.join("new-name.txt")).expect("mv");
    wait_for("renamed", || {
        !events_for(&events(&state), "new-name.txt", "renamed").is_empty()
    });
    // A sentinel proves the rename batch is fully processed.
    write(&root.join("sentinel.txt"), &article("Sentinel", 1));
    wait_for("sentinel", || {
        !events_for(&events(&state), "sentinel.txt", "created").is_empty()
    });
    let evs = events(&state);
    assert_eq!(evs.len(), 3, "{evs:#?}");
    let r = events_for(&evs, "new-name.txt", "renamed")[0];
    assert_eq!(r["from"], "old-name.txt");
    assert_eq!(r["severity"], "none");
    assert_eq!(r["changes"], Value::Array(vec![]));
}

#[test]
fn editor_temp_files_and_the_state_dir_are_ignored() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    // State inside the watched folder, under a visible name.
    let state = root.join("state");
    std::fs::create_dir_all(&root).expect("mkdir");
    let _d = Daemon::start(&root, &state, &[]);
    write(&root.join(".draft.txt.swp"), "swap");
    write(&root.join("draft.txt~"), "backup");
    write(&root.join("#draft.txt#"), "autosave");
    write(&root.join(".hidden/a.txt"), &article("Hidden", 1));
    write(&root.join("real.txt"), &article("Real", 2));
    wait_for("real", || !events(&state).is_empty());
    write(&root.join("sentinel.txt"), &article("Sentinel", 1));
    wait_for("sentinel", || events(&state).len() >= 2);
    let paths: Vec<String> = events(&state)
        .iter()
        .map(|e| e["path"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(paths, ["real.txt", "sentinel.txt"]);
}

#[test]
fn poll_mode_sees_changes() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    std::fs::create_dir_all(&root).expect("mkdir");
    let cfg = tmp.path().join("c.toml");
    write(&cfg, "[watch]\npoll = true\npoll_interval_ms = 100\n");
    let _d = Daemon::start(&root, &state, &["--config", &cfg.display().to_string()]);
    write(&root.join("nfs.txt"), &article("Polled", 1));
    wait_for("created", || events(&state).len() == 1);
    write(&root.join("nfs.txt"), &article("Polled", 2));
    wait_for("modified", || events(&state).len() == 2);
    assert_eq!(events(&state)[1]["event"], "modified");
}

#[test]
fn bad_files_are_logged_with_their_path_and_skipped() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    std::fs::create_dir_all(&root).expect("mkdir");
    let cfg = tmp.path().join("c.toml");
    write(&cfg, "[watch]\nmax_file_bytes = 2000\n");
    let d = Daemon::start(&root, &state, &["--config", &cfg.display().to_string()]);
    write(&root.join("huge.txt"), &"Words go on and on. ".repeat(200));
    std::fs::write(root.join("binary.txt"), [0u8, 159, 146, 150, 0, 1, 2]).expect("write");
    wait_for("the size warning", || d.stderr().contains("huge.txt"));
    wait_for("the binary warning", || d.stderr().contains("binary.txt"));
    write(&root.join("fine.txt"), &article("Fine", 3));
    wait_for("the good file", || events(&state).len() == 1);
    assert_eq!(events(&state)[0]["path"], "fine.txt");
}

#[test]
fn issue14_systemd_status_says_watching_after_the_start_up_scan() {
    use std::os::unix::net::UnixDatagram;
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    write(&root.join("a.txt"), &article("A", 1));
    let sock_path = tmp.path().join("notify.sock");
    let sock = UnixDatagram::bind(&sock_path).expect("bind");
    sock.set_read_timeout(Some(std::time::Duration::from_millis(200)))
        .expect("timeout");
    let _d = Daemon::start_with_env(
        &root,
        &state,
        &[],
        &[("NOTIFY_SOCKET", &sock_path.display().to_string())],
    );
    let mut statuses = Vec::new();
    let mut buf = [0u8; 4096];
    wait_for("a STATUS after the start-up scan", || {
        while let Ok(n) = sock.recv(&mut buf) {
            let msg = String::from_utf8_lossy(&buf[..n]).into_owned();
            statuses.extend(
                msg.lines()
                    .filter_map(|l| l.strip_prefix("STATUS="))
                    .map(str::to_string),
            );
        }
        statuses.iter().any(|s| s.contains("start-up scan done"))
    });
    let last = statuses.last().expect("a status");
    assert!(!last.contains("running"), "{statuses:?}");
    assert!(last.contains("watching 1 files"), "{statuses:?}");
}

#[test]
fn issue14_warn_and_error_lines_are_kept_for_what_needs_a_person() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    write(&root.join("a.txt"), &article("A", 1));
    // Deliberate skips: a binary file named like an article, a symlink out.
    std::fs::write(root.join("photo.txt"), [0u8, 159, 146, 150, 0, 1, 2, 3]).expect("binary");
    write(&tmp.path().join("outside.txt"), &article("Outside", 9));
    std::os::unix::fs::symlink(tmp.path().join("outside.txt"), root.join("link.txt"))
        .expect("symlink");
    for i in 0..4 {
        write(
            &root.join(format!("desk/day{i}/deep/story{i}.txt")),
            &article("Desk", i),
        );
    }
    let cfg = tmp.path().join("c.toml");
    write(&cfg, "[watch]\ndebounce_ms = 100\n");
    let cfg_arg = cfg.display().to_string();
    let d = Daemon::start(&root, &state, &["--config", &cfg_arg]);
    // Logrotate's weekly reload, then a folder tree deleted at once.
    d.signal(libc::SIGHUP);
    wait_for("the reload's rescan", || d.stderr().contains("rescan done"));
    std::fs::remove_dir_all(root.join("desk")).expect("rm -r");
    wait_for("the tree's deletions", || {
        events(&state)
            .iter()
            .filter(|e| e["event"] == "deleted")
            .count()
            == 4
    });
    // A restart: the skipped files are not errors the second time either.
    drop(d);
    let d = Daemon::start(&root, &state, &["--config", &cfg_arg]);
    let log = d.stderr();
    assert!(log.contains("start-up scan done"), "{log}");
    assert!(log.contains(", 0 errors"), "{log}");
    let first = std::fs::read_dir(tmp.path())
        .expect("ls")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains(".stderr."))
        .map(|p| std::fs::read_to_string(p).unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    let loud: Vec<&str> = first
        .lines()
        .filter(|l| l.contains(" WARN ") || l.contains(" ERROR "))
        .collect();
    assert!(loud.is_empty(), "WARN/ERROR for routine things: {loud:?}");
    assert!(!first.contains("watch descriptor"), "library text: {first}");
    assert!(
        first.contains("binary") && first.contains("symlink not followed"),
        "{first}"
    );
}

#[test]
fn issue14_rename_then_quick_atomic_save_is_renamed_then_modified() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    write(&root.join("draft.txt"), &article("Storm", 12));
    let mut d = Daemon::start(&root, &state, &[]);
    std::fs::rename(root.join("draft.txt"), root.join("storm.txt")).expect("mv");
    std::thread::sleep(std::time::Duration::from_millis(40));
    // An editor's atomic save (as `sed -i` does): a temp file renamed over.
    let tmp_file = root.join("sedAb12Cd");
    std::fs::write(&tmp_file, article("Storm", 15)).expect("temp");
    std::fs::rename(&tmp_file, root.join("storm.txt")).expect("save");
    wait_for("the edit", || {
        events(&state)
            .iter()
            .any(|e| e["path"] == "storm.txt" && e["event"] == "modified")
    });
    let all = events(&state);
    let kinds: Vec<String> = all
        .iter()
        .skip(1)
        .map(|e| {
            format!(
                "{} {}",
                e["event"].as_str().unwrap_or("?"),
                e["path"].as_str().unwrap_or("?")
            )
        })
        .collect();
    assert_eq!(
        kinds,
        ["renamed storm.txt", "modified storm.txt"],
        "{all:?}"
    );
    let renamed = &all[1];
    assert_eq!(renamed["from"], "draft.txt");
    let modified = &all[2];
    assert_eq!(modified["severity"], "high", "{modified}");
    assert_eq!(modified["summary"]["modified"], 1, "{modified}");
    // The store matches the disk: a scan after the daemon finds nothing.
    d.signal(libc::SIGTERM);
    assert!(d.wait().success());
    let (code, _, err) = run(
        &[
            "scan",
            "--state",
            &state.display().to_string(),
            &root.display().to_string(),
        ],
        tmp.path(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("0 created, 0 modified, 0 deleted"), "{err}");
}

#[test]
fn issue14_every_burst_ends_with_the_store_matching_the_disk() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    write(&root.join("desk/old.txt"), &article("Ferry", 3));
    let mut d = Daemon::start(&root, &state, &[]);
    // Renamed, then a different article saved over the new name at once:
    // the old name must end deleted, not stay live.
    std::fs::rename(root.join("desk/old.txt"), root.join("desk/new.txt")).expect("mv");
    std::thread::sleep(std::time::Duration::from_millis(40));
    let t = root.join("desk/.new.txt.swp-free");
    std::fs::write(
        &t,
        "Budget vote\n\nThe council approved a budget of 40 million on Tuesday.\n",
    )
    .expect("w");
    std::fs::rename(&t, root.join("desk/new.txt")).expect("save");
    wait_for("old.txt gone from the store", || {
        events(&state)
            .iter()
            .any(|e| e["path"] == "desk/old.txt" && e["event"] == "deleted")
    });
    d.signal(libc::SIGTERM);
    assert!(d.wait().success());
    let (code, _, err) = run(
        &[
            "scan",
            "--state",
            &state.display().to_string(),
            &root.display().to_string(),
        ],
        tmp.path(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("0 created, 0 modified, 0 deleted"), "{err}");
}
