//! `claimwatch extract` and `claimwatch diff` on RSS and Atom feeds from the
//! outside: one document per item, items paired by id, bad feeds refused
//! with the file named.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn claimwatch() -> Command {
    let mut cmd = Command::cargo_bin("claimwatch").expect("binary built");
    cmd.env("NO_COLOR", "1");
    cmd
}

fn item(guid: &str, title: &str, summary: &str, body: &str) -> String {
    format!(
        "<item><title>{title}</title><link>https://tidewater.example/{guid}</link>\
         <guid isPermaLink=\"false\">{guid}</guid><description>{summary}</description>\
         <content:encoded><![CDATA[{body}]]></content:encoded>\
         <dc:creator>Pia Osei</dc:creator></item>\n"
    )
}

fn rss(items: &[String]) -> String {
    format!(
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" \
         xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Tidewater Post</title>\n{}\
         </channel></rss>\n",
        items.concat()
    )
}

const PIER_BODY: &str = "<p>The harbor board approved 40 new moorings at the east pier on Tuesday.</p>\
                         <p>\u{201C}Boat owners have waited for years,\u{201D} said board chair Tomas Reyes.</p>";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write feed");
    p
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn json_lines(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON document per line"))
        .collect()
}

/// `extract FILE --format json` of a feed: one document per item.
fn extract_docs(feed: &Path) -> Vec<serde_json::Value> {
    let out = claimwatch()
        .args(["extract", s(feed), "--format", "json"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    json_lines(&out.stdout)
}

#[test]
fn extract_json_gives_one_document_per_item() {
    let dir = tempfile::tempdir().expect("temp dir");
    let feed = write(
        dir.path(),
        "feed.xml",
        &rss(&[
            item(
                "pier",
                "Harbor board adds 40 moorings",
                "New moorings for the east pier",
                PIER_BODY,
            ),
            item(
                "school",
                "School roof repairs finish early",
                "Pupils return next week",
                "<p>Crews finished the school roof two weeks ahead of schedule, the district said.</p>",
            ),
        ]),
    );
    let docs = extract_docs(&feed);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["item"]["id"], "pier");
    assert_eq!(docs[0]["item"]["link"], "https://tidewater.example/pier");
    assert_eq!(docs[0]["title"], "Harbor board adds 40 moorings");
    assert_eq!(docs[0]["byline"], "Pia Osei");
    let claims = docs[0]["claims"].as_array().expect("claims");
    let parts: Vec<&str> = claims.iter().filter_map(|c| c["part"].as_str()).collect();
    assert_eq!(parts[0], "headline", "{claims:#?}");
    assert!(parts.contains(&"standfirst"), "{parts:?}");
    assert!(
        claims.iter().any(|c| c["part"] == "body"
            && c["text"]
                .as_str()
                .is_some_and(|t| t.contains("40 new moorings"))),
        "{claims:#?}"
    );
    assert_eq!(docs[1]["item"]["id"], "school");
}

#[test]
fn extract_text_lists_items_and_their_claims() {
    let dir = tempfile::tempdir().expect("temp dir");
    let feed = write(
        dir.path(),
        "news.rss",
        &rss(&[item(
            "pier",
            "Harbor board adds 40 moorings",
            "New moorings for the east pier",
            PIER_BODY,
        )]),
    );
    let out = claimwatch()
        .args(["extract", s(&feed)])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("== item pier"), "{text}");
    assert!(text.contains("40 new moorings"), "{text}");
    assert!(text.trim_end().ends_with("1 items"), "{text}");
}

#[test]
fn diff_pairs_items_by_id_and_reports_added_and_dropped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let school = item(
        "school",
        "School roof repairs finish early",
        "Pupils return next week",
        "<p>Crews finished the roof early.</p>",
    );
    let old = write(
        dir.path(),
        "old.xml",
        &rss(&[
            item(
                "pier",
                "Harbor board adds 40 moorings",
                "New moorings for the east pier",
                PIER_BODY,
            ),
            school.clone(),
            item(
                "fair",
                "County fair opens",
                "Rides and stalls",
                "<p>The county fair opened on Friday.</p>",
            ),
        ]),
    );
    let edited = PIER_BODY.replace("40 new", "60 new");
    // New order, one item new, one gone, one unchanged, one edited.
    let new = write(
        dir.path(),
        "new.xml",
        &rss(&[
            item(
                "bus",
                "Night bus returns",
                "Service resumes",
                "<p>The night bus will run again from May.</p>",
            ),
            school,
            item(
                "pier",
                "Harbor board adds 60 moorings",
                "New moorings for the east pier",
                &edited,
            ),
        ]),
    );
    let out = claimwatch()
        .args(["diff", s(&old), s(&new), "--format", "json"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs = json_lines(&out.stdout);
    let status = |st: &str| -> Vec<&serde_json::Value> {
        docs.iter().filter(|d| d["status"] == st).collect()
    };
    let changed = status("changed");
    assert_eq!(changed.len(), 1, "{docs:#?}");
    assert_eq!(changed[0]["item"]["id"], "pier");
    let details: Vec<String> = changed[0]["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .flat_map(|c| c["details"].as_array().cloned().unwrap_or_default())
        .filter_map(|d| d["type"].as_str().map(str::to_string))
        .collect();
    assert!(details.iter().any(|t| t == "number_changed"), "{docs:#?}");
    assert_eq!(status("added").len(), 1);
    assert_eq!(status("added")[0]["item"]["id"], "bus");
    assert_eq!(status("dropped").len(), 1);
    assert_eq!(status("dropped")[0]["item"]["id"], "fair");
    assert_eq!(docs.len(), 3, "unchanged items give no document: {docs:#?}");

    // Text and --exit-code.
    let out = claimwatch()
        .args(["diff", s(&old), s(&new), "--exit-code"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("new.xml#pier"), "{text}");
    assert!(text.contains("added:   bus"), "{text}");
    assert!(text.contains("dropped: fair"), "{text}");
    assert!(
        text.contains("1 added, 1 changed, 1 unchanged, 1 dropped"),
        "{text}"
    );
    let same = claimwatch()
        .args(["diff", s(&old), s(&old), "--exit-code"])
        .output()
        .expect("runs");
    assert_eq!(same.status.code(), Some(0));
}

#[test]
fn atom_feeds_extract_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let feed = write(
        dir.path(),
        "updates.atom",
        "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Ridge Weekly</title>\
         <entry><id>tag:ridge.example,2026:trail</id><title>Trail reopens after storm</title>\
         <link href=\"https://ridge.example/trail\"/><updated>2026-12-01T09:00:00Z</updated>\
         <content type=\"html\">&lt;p&gt;Rangers reopened the ridge trail on Sunday after clearing 12 fallen trees.&lt;/p&gt;</content>\
         </entry></feed>",
    );
    let docs = extract_docs(&feed);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["item"]["id"], "tag:ridge.example,2026:trail");
    assert_eq!(docs[0]["item"]["link"], "https://ridge.example/trail");
    assert_eq!(docs[0]["published"], "2026-12-01T09:00:00Z");
}

#[test]
fn truncated_malformed_and_bomb_feeds_fail_naming_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let full = rss(&[item(
        "pier",
        "Harbor board adds 40 moorings",
        "New moorings",
        PIER_BODY,
    )]);
    let cut = write(dir.path(), "cut.xml", &full[..full.len() / 2]);
    let bad = write(
        dir.path(),
        "bad.xml",
        "<rss version=\"2.0\"><channel>\n<item></channel></rss>",
    );
    let bomb = write(
        dir.path(),
        "bomb.xml",
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\
         <rss version=\"2.0\"><channel><item><guid>x</guid><title>&b;</title></item></channel></rss>",
    );
    for (path, cause) in [
        (&cut, "truncated"),
        (&bad, "malformed XML at line 2"),
        (&bomb, "entity expansion"),
    ] {
        let out = claimwatch()
            .args(["extract", s(path)])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1), "{}", path.display());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(s(path)) && err.contains(cause), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn an_xml_file_that_is_not_a_feed_is_read_as_an_article() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(
        dir.path(),
        "note.xml",
        "<note><body>The bakery sold 300 loaves on Saturday.</body></note>\n",
    );
    let out = claimwatch()
        .args(["extract", s(&path), "--format", "json"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one article document");
    assert!(doc.get("item").is_none());
}

#[test]
fn diff_of_a_feed_and_an_article_or_missing_file_says_which() {
    let dir = tempfile::tempdir().expect("temp dir");
    let feed = write(
        dir.path(),
        "feed.xml",
        &rss(&[item(
            "pier",
            "Harbor board adds 40 moorings",
            "New moorings",
            PIER_BODY,
        )]),
    );
    let article = write(dir.path(), "story.txt", "The pier reopened on Monday.\n");
    let out = claimwatch()
        .args(["diff", s(&feed), s(&article)])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(s(&article)) && err.contains("not a feed"),
        "{err}"
    );
    let gone = dir.path().join("gone.xml");
    let out = claimwatch()
        .args(["diff", s(&feed), s(&gone)])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(s(&gone)) && err.contains("No such file"),
        "{err}"
    );
}
