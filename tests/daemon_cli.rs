//! `scan`, `check-config`, `history`, `show`, `reindex` and fatal errors.

use crate::daemon_support::*;

#[test]
fn check_config_reports_every_error_with_exit_2() {
    let tmp = tempfile::tempdir().expect("tmp");
    let cfg = tmp.path().join("c.toml");
    write(
        &cfg,
        "[watch]\ndebounce_ms = \"x\"\nroots = 5\n[log]\nformat = \"xml\"\n[nope]\n",
    );
    let (code, _, err) = run(
        &["check-config", "--config", &cfg.display().to_string()],
        tmp.path(),
    );
    assert_eq!(code, 2, "{err}");
    for key in ["watch.debounce_ms", "watch.roots", "log.format", "nope"] {
        assert!(err.contains(key), "missing {key}: {err}");
    }
    assert!(err.contains("4 errors"), "{err}");
    write(&cfg, "[watch]\ndebounce_ms = 250\n");
    let (code, out, err) = run(
        &["check-config", "--config", &cfg.display().to_string()],
        tmp.path(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("config OK"), "{out}");
}

#[test]
fn run_with_a_bad_config_exits_2_and_a_missing_root_exits_1() {
    let tmp = tempfile::tempdir().expect("tmp");
    let cfg = tmp.path().join("c.toml");
    write(&cfg, "[watch]\nfoo = 1\n");
    let (code, _, err) = run(&["run", "--config", &cfg.display().to_string()], tmp.path());
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = run(
        &["run", "--state", "st", "/nonexistent/claimwatch-root"],
        tmp.path(),
    );
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("/nonexistent/claimwatch-root"), "{err}");
}

#[test]
fn scan_indexes_200_files_once() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("archive");
    let state = tmp.path().join("state");
    for i in 0..200 {
        write(
            &root.join(format!("section{}/story{i}.txt", i % 7)),
            &article(&format!("Story {i}"), i),
        );
    }
    let args = [
        "scan",
        "--state",
        &state.display().to_string(),
        &root.display().to_string(),
    ];
    let (code, _, err) = run(&args, tmp.path());
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("200 created"), "{err}");
    let evs = events(&state);
    assert_eq!(evs.len(), 200);
    assert!(evs.iter().all(|e| e["event"] == "created"));
    let (code, _, err) = run(&args, tmp.path());
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("200 unchanged"), "{err}");
    assert_eq!(events(&state).len(), 200, "a second scan adds nothing");
}

#[test]
fn history_show_and_reindex() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    let st = state.display().to_string();
    let rt = root.display().to_string();
    write(&root.join("a.txt"), &article("A", 1));
    assert_eq!(run(&["scan", "--state", &st, &rt], tmp.path()).0, 0);
    write(
        &root.join("a.txt"),
        &article("A", 2).replace("three weeks", "two months"),
    );
    assert_eq!(run(&["scan", "--state", &st, &rt], tmp.path()).0, 0);
    let (code, out, err) = run(&["history", "articles/a.txt", "--state", &st], tmp.path());
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("created") && out.contains("modified"), "{out}");
    let id = events(&state)[1]["event_id"]
        .as_str()
        .expect("id")
        .to_string();
    let (code, out, err) = run(&["show", &id, "--state", &st], tmp.path());
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("modified a.txt"), "{out}");
    assert!(out.contains(&id), "{out}");
    let (code, _, err) = run(&["show", "ev_nope", "--state", &st], tmp.path());
    assert_eq!(code, 1, "{err}");
    let (code, _, err) = run(&["reindex", "--state", &st], tmp.path());
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("re-extracted 2 revisions"), "{err}");
    assert_eq!(events(&state).len(), 2, "reindex emits no events");
}

#[test]
fn a_second_writer_on_the_same_state_is_refused() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    std::fs::create_dir_all(&root).expect("mkdir");
    let _d = Daemon::start(&root, &state, &[]);
    let (code, _, err) = run(
        &[
            "scan",
            "--state",
            &state.display().to_string(),
            &root.display().to_string(),
        ],
        tmp.path(),
    );
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("in use by another claimwatch"), "{err}");
}

#[test]
fn issue14_invalid_log_level_is_a_config_error() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    write(&root.join("a.txt"), &article("A", 1));
    let cfg = tmp.path().join("c.toml");
    let check = |env: &[(&str, &str)]| {
        run_with_env(
            &["check-config", "--config", &cfg.display().to_string()],
            tmp.path(),
            env,
        )
    };
    write(&cfg, "[log]\nlevel = \"verbose\"\n");
    let (code, _, err) = check(&[]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("log.level") && err.contains("verbose"),
        "{err}"
    );
    // The names journald and operators use are levels, and they log.
    for level in ["warning", "information", "err", "error", "debug", "trace"] {
        write(&cfg, &format!("[log]\nlevel = \"{level}\"\n"));
        let (code, out, err) = check(&[]);
        assert_eq!(code, 0, "{level}: {err}");
        assert!(out.contains("config OK"), "{out}");
    }
    write(&cfg, "[log]\nlevel = \"information\"\n");
    let state = tmp.path().join("state").display().to_string();
    let args = [
        "scan",
        "--config",
        &cfg.display().to_string(),
        "--state",
        &state,
        &root.display().to_string(),
    ];
    let (code, _, err) = run_with_env(&args, tmp.path(), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("INFO") && err.contains("a.txt"),
        "no log lines: {err}"
    );
    // The environment variable is checked like the file.
    let (code, _, err) = check(&[("CLAIMWATCH_LOG", "verbose")]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("CLAIMWATCH_LOG"), "{err}");
    let (code, _, err) = run_with_env(&args, tmp.path(), &[("CLAIMWATCH_LOG", "verbose")]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("CLAIMWATCH_LOG"), "{err}");
}

#[test]
fn issue14_check_config_lists_every_error_in_one_run() {
    let tmp = tempfile::tempdir().expect("tmp");
    let cfg = tmp.path().join("c.toml");
    // Shape errors (unknown key, wrong type) next to value errors (range,
    // level, bad rule value) and what the machine lacks (folder, program).
    write(
        &cfg,
        &format!(
            "[watch]\nroots = [\"{}\"]\ndebounce_ms = 5\nmax_file_bytes = \"big\"\n\
             [log]\nlevel = \"warnings\"\n\
             [[alerts.sinks]]\nname = \"pager\"\ntype = \"command\"\ncommand = [\"/no/such/notifier\"]\ncolour = 1\n\
             [[alerts.rules]]\nname = \"r\"\nmin_severity = \"huge\"\nsinks = [\"pager\"]\n",
            tmp.path().join("missing-folder").display()
        ),
    );
    let (code, _, err) = run(
        &["check-config", "--config", &cfg.display().to_string()],
        tmp.path(),
    );
    assert_eq!(code, 2, "{err}");
    for key in [
        "watch.debounce_ms",
        "watch.max_file_bytes",
        "watch.roots[0]",
        "log.level",
        "alerts.sinks[0].colour",
        "alerts.sinks[0].command[0]",
        "alerts.rules[0].min_severity",
    ] {
        assert!(err.contains(key), "missing {key}: {err}");
    }
    assert!(err.contains("7 errors"), "{err}");
}

#[test]
fn issue14_history_follows_renames_and_reads_a_read_only_copy() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    let st = state.display().to_string();
    let rt = root.display().to_string();
    let scan = || {
        let (code, _, err) = run(&["scan", "--state", &st, &rt], tmp.path());
        assert_eq!(code, 0, "{err}");
    };
    write(&root.join("draft.txt"), &article("Storm", 4));
    scan();
    write(&root.join("draft.txt"), &article("Storm", 5));
    scan();
    std::fs::rename(root.join("draft.txt"), root.join("storm.txt")).expect("mv");
    scan();
    write(&root.join("storm.txt"), &article("Storm", 6));
    scan();
    let kinds = |out: &str| -> Vec<String> {
        let doc: serde_json::Value = serde_json::from_str(out).expect("json");
        doc["revisions"]
            .as_array()
            .expect("revisions")
            .iter()
            .map(|r| format!("{} {}", r["path"].as_str().unwrap_or("?"), r["event"]))
            .collect()
    };
    let (code, out, err) = run(
        &["history", "storm.txt", "--state", &st, "--format", "json"],
        tmp.path(),
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        kinds(&out),
        [
            "draft.txt \"created\"",
            "draft.txt \"modified\"",
            "storm.txt \"renamed\"",
            "storm.txt \"modified\""
        ],
        "{out}"
    );
    if crate::backend_support::on_postgres() {
        return; // the rest reads copies of the SQLite file
    }
    // An auditor's copy of the store: read, never written.
    let copy = tmp.path().join("audit");
    std::fs::create_dir_all(&copy).expect("mkdir");
    std::fs::copy(state.join("claimwatch.db"), copy.join("claimwatch.db")).expect("cp");
    let listing = || {
        let mut v: Vec<String> = std::fs::read_dir(&copy)
            .expect("ls")
            .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
            .collect();
        v.sort();
        (v, std::fs::read(copy.join("claimwatch.db")).expect("db"))
    };
    let before = listing();
    let cp = copy.display().to_string();
    let (code, out, err) = run(&["history", "storm.txt", "--state", &cp], tmp.path());
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("draft.txt") && out.contains("renamed"),
        "{out}"
    );
    let id = events(&state)[0]["event_id"]
        .as_str()
        .expect("id")
        .to_string();
    let (code, out, err) = run(&["show", &id, "--state", &cp], tmp.path());
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(&id), "{out}");
    assert!(listing() == before, "history/show wrote to the copy");
    // A store that is not one: the error names its path.
    let bad = tmp.path().join("bad");
    write(
        &bad.join("claimwatch.db"),
        "this is not a database, just text\n",
    );
    let (code, _, err) = run(
        &[
            "history",
            "storm.txt",
            "--state",
            &bad.display().to_string(),
        ],
        tmp.path(),
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&bad.join("claimwatch.db").display().to_string()),
        "{err}"
    );
}

#[test]
fn issue14_every_man_page_the_top_page_names_is_generated() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("man1");
    let (code, _, err) = run(
        &["generate", "man", "--dir", &dir.display().to_string()],
        tmp.path(),
    );
    assert_eq!(code, 0, "{err}");
    let top = std::fs::read_to_string(dir.join("claimwatch.1")).expect("claimwatch.1");
    let mut named = Vec::new();
    for (i, _) in top.match_indices("claimwatch\\-") {
        let rest = &top[i + "claimwatch\\-".len()..];
        let raw: String = rest
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '\\' || *c == '-')
            .collect();
        if rest[raw.len()..].starts_with("(1)") {
            named.push(raw.replace("\\-", "-"));
        }
    }
    named.dedup();
    assert!(named.len() >= 8, "{named:?}");
    for cmd in [
        "run",
        "scan",
        "history",
        "show",
        "tail",
        "check-config",
        "extract",
    ] {
        let page = dir.join(format!("claimwatch-{cmd}.1"));
        let text =
            std::fs::read_to_string(&page).unwrap_or_else(|e| panic!("{}: {e}", page.display()));
        assert!(text.contains(".TH"), "{text}");
    }
    for name in &named {
        assert!(
            dir.join(format!("claimwatch-{name}.1")).exists(),
            "claimwatch.1 names claimwatch-{name}(1), which was not generated"
        );
    }
    // Without --dir, the top page still goes to stdout (packaging scripts).
    let (code, out, _) = run(&["generate", "man"], tmp.path());
    assert_eq!(code, 0);
    assert!(
        out.starts_with(".ie") || out.contains(".TH claimwatch"),
        "{out}"
    );
}
