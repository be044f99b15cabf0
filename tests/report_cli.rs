//! `claimwatch history --claims` and `claimwatch report` on histories
//! recorded with `scan`: lineages, marked words, ordering, escaping of
//! hostile text, paging, `--since`, and the daemon's `[report]` hook.

use serde_json::Value;

use crate::daemon_support::*;
use crate::report_support::*;

#[test]
fn history_claims_shows_flip_flop_removal_and_restore() {
    let h = flip_flop_history();
    let file = s(&h.root.join("island/ferry.txt"));
    let (code, out, err) = h.cli(&["history", "--state", &s(&h.state), &file, "--claims"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("[-12-]{+15+}"), "{out}");
    assert!(out.contains("[-15-]{+12+}"), "{out}");
    assert!(out.contains("flip-flop"), "{out}");
    assert!(out.contains("removed"), "{out}");
    assert!(out.contains("restored"), "{out}");
    // The flip-flopping number claim is high and comes before the
    // restored (medium) one.
    let high = out.find("crossings were cancelled").expect("number claim");
    let medium = out.find("northern pier").expect("pier claim");
    assert!(high < medium, "{out}");
}

#[test]
fn history_claims_json_is_one_document_of_lineages() {
    let h = flip_flop_history();
    let (code, out, err) = h.cli(&[
        "history",
        "--state",
        &s(&h.state),
        "island/ferry.txt",
        "--claims",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let doc: Value = serde_json::from_str(&out).expect("one JSON document");
    assert_eq!(doc["revisions"], 3);
    let lineages = doc["lineages"].as_array().expect("lineages");
    let ferry = lineages
        .iter()
        .find(|l| l["text"].as_str().unwrap_or("").contains("crossings"))
        .expect("ferry lineage");
    let kinds: Vec<&str> = ferry["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["first_seen", "modified", "modified"]);
    assert_eq!(ferry["flip_flops"], 1);
    assert_eq!(ferry["steps"][1]["details"][0]["type"], "number_changed");
    let pier = lineages
        .iter()
        .find(|l| l["text"].as_str().unwrap_or("").contains("pier"))
        .expect("pier lineage");
    assert_eq!(pier["steps"][2]["kind"], "restored");
}

#[test]
fn report_marks_words_orders_claims_and_links_relatively() {
    let h = flip_flop_history();
    let out = h.report(&[]);
    let index = std::fs::read_to_string(out.join("index.html")).expect("index");
    assert!(
        index.contains("Storm Cuts Island Ferry Crossings"),
        "{index}"
    );
    assert!(
        index.contains("href=\"articles/island-ferry-txt-"),
        "{index}"
    );
    let page = h.article_page(&out, "island-ferry-txt-");
    assert!(page.contains("<del>12</del><ins>15</ins>"), "{page}");
    assert!(page.contains("<del>15</del><ins>12</ins>"), "{page}");
    assert!(page.contains("flip-flop"));
    assert!(page.contains("href=\"../index.html\""));
    let number = page.find("crossings were cancelled").unwrap();
    let pier = page.find("northern pier").unwrap();
    assert!(number < pier, "high severity first");
    // Every link is relative: nothing absolute, no scheme, no server.
    for doc in [&index, &page] {
        for href in doc.split("href=\"").skip(1) {
            let target = &href[..href.find('"').unwrap()];
            assert!(
                !target.starts_with('/') && !target.contains("://"),
                "absolute link {target}"
            );
        }
        assert!(!doc.contains("src=\""), "no external resources");
    }
}

#[test]
fn hostile_article_text_is_escaped() {
    let h = History::new();
    let long = format!(
        "The council {} approved the plan on Monday.",
        "very ".repeat(210_000)
    );
    let hostile = |n: u32| {
        format!(
            "Plan <script>alert('headline')</script> Approved After Debate\n\n\
             The mayor said <script>document.title='pwned'</script> {n} homes would be rebuilt.\n\n\
             The \u{202e}reversed\u{202c} note said the budget would rise by 5 percent.\n\n\
             {long}\n"
        )
    };
    h.revise("hostile.txt", &hostile(40));
    h.revise("hostile.txt", &hostile(45));
    let out = h.report(&[]);
    let page = h.article_page(&out, "hostile-txt-");
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    for doc in [&page, &index] {
        assert!(!doc.contains("<script>alert"), "script tag left raw");
        assert!(!doc.contains("<script>document"), "script tag left raw");
        assert_eq!(
            doc.matches("<script>").count(),
            1,
            "only the report's own script"
        );
    }
    assert!(
        page.contains("&lt;script&gt;document.title="),
        "shown as text"
    );
    assert!(page.contains("very very"), "the long line is kept");
    assert!(
        page.contains("dir=\"auto\""),
        "text blocks are bidi isolates"
    );
}

#[test]
fn index_is_paged_and_since_filters() {
    let h = History::new();
    for i in 0..205 {
        write(&h.root.join(format!("a{i:03}.txt")), &ferry(i, ""));
    }
    h.scan();
    let out = h.report(&[]);
    let first = std::fs::read_to_string(out.join("index.html")).unwrap();
    let second = std::fs::read_to_string(out.join("index-2.html")).unwrap();
    assert!(first.contains("href=\"index-2.html\""));
    assert!(second.contains("href=\"index.html\""));
    let rows = |d: &str| d.matches("href=\"articles/").count();
    assert_eq!(rows(&first) + rows(&second), 205);
    assert_eq!(
        std::fs::read_dir(out.join("articles")).unwrap().count(),
        205
    );

    let (code, _, err) = h.cli(&[
        "report",
        "--state",
        &s(&h.state),
        "--out",
        &s(&h.tmp.path().join("later")),
        "--since",
        "2999-01-01",
    ]);
    assert_eq!(code, 0, "{err}");
    let later = std::fs::read_to_string(h.tmp.path().join("later/index.html")).unwrap();
    assert_eq!(rows(&later), 0);
    assert!(err.contains("report of 0 articles"), "{err}");

    let (code, _, err) = h.cli(&[
        "report",
        "--state",
        &s(&h.state),
        "--out",
        "x",
        "--since",
        "soon",
    ]);
    assert_eq!(code, 2, "bad --since is a usage error: {err}");
}

#[test]
fn report_paths_select_articles() {
    let h = History::new();
    write(&h.root.join("island/ferry.txt"), &ferry(12, ""));
    write(&h.root.join("city/bridge.txt"), &ferry(30, ""));
    h.scan();
    let out = h.report(&[&s(&h.root.join("island"))]);
    let names: Vec<String> = std::fs::read_dir(out.join("articles"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].starts_with("island-ferry-txt-"));
}

#[test]
fn daemon_regenerates_the_report_after_events() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("articles");
    let state = tmp.path().join("state");
    let report = tmp.path().join("site");
    std::fs::create_dir_all(&root).unwrap();
    let config = tmp.path().join("claimwatch.toml");
    write(
        &config,
        &format!(
            "[report]\ndir = {:?}\ndebounce_ms = 100\n",
            report.display().to_string()
        ),
    );
    let _d = Daemon::start(&root, &state, &["--config", &s(&config)]);
    write(&root.join("ferry.txt"), &ferry(12, ""));
    wait_for("the report of the new article", || {
        std::fs::read_to_string(report.join("index.html"))
            .is_ok_and(|i| i.contains("Storm Cuts Island Ferry Crossings"))
    });
    write(&root.join("ferry.txt"), &ferry(15, ""));
    wait_for("the edit in the article's page", || {
        std::fs::read_dir(report.join("articles"))
            .into_iter()
            .flatten()
            .flatten()
            .any(|e| {
                std::fs::read_to_string(e.path())
                    .is_ok_and(|p| p.contains("<del>12</del><ins>15</ins>"))
            })
    });
}

#[test]
fn report_config_keys_are_checked() {
    let tmp = tempfile::tempdir().expect("tmp");
    let config = tmp.path().join("c.toml");
    write(
        &config,
        "[report]\ndir = \"site\"\ndebounce_ms = \"soon\"\nport = 80\n",
    );
    let (code, _, err) = run(&["check-config", "--config", &s(&config)], tmp.path());
    assert_eq!(code, 2);
    assert!(err.contains("report.debounce_ms"), "{err}");
    assert!(err.contains("report.port"), "{err}");
}
