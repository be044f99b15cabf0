//! `claimwatch run` on feed files: an RSS and an Atom feed of our own are
//! replayed version by version into one watched path each, and the events
//! must follow the items: `created` per new item, `modified` only for an
//! edited item, nothing for an item that rolls out or comes back
//! unchanged, nothing for a version cut off mid-write.

use std::path::Path;

use serde_json::Value;

use crate::daemon_support::{Daemon, events, run, wait_for};

/// An RSS 2.0 item: `body` is the HTML of `content:encoded`.
fn rss_item(guid: &str, title: &str, summary: &str, body: &str) -> String {
    format!(
        "<item><title>{title}</title><link>https://tidewater.example/{guid}</link>\
         <guid isPermaLink=\"false\">{guid}</guid><description>{summary}</description>\
         <content:encoded><![CDATA[{body}]]></content:encoded>\
         <dc:creator>Pia Osei</dc:creator></item>\n"
    )
}

fn rss(items: &[&str]) -> String {
    format!(
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" \
         xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Tidewater Post</title>\n{}\
         </channel></rss>\n",
        items.concat()
    )
}

/// An Atom entry with HTML content.
fn atom_entry(id: &str, title: &str, body: &str) -> String {
    format!(
        "<entry><id>urn:tidewater:{id}</id><title>{title}</title>\
         <link rel=\"alternate\" href=\"https://tidewater.example/a/{id}\"/>\
         <updated>2026-03-02T08:00:00Z</updated><author><name>Ines Baro</name></author>\
         <content type=\"html\">{}</content></entry>\n",
        body.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    )
}

fn atom(entries: &[&str]) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\
         <title>Tidewater updates</title><id>urn:tidewater</id>\
         <updated>2026-03-02T08:00:00Z</updated>\n{}</feed>\n",
        entries.concat()
    )
}

/// Replaces `path` in one step (a temp file renamed over it), as a
/// git-scraping job should, so the daemon never reads half a version
/// unless the test means it to.
fn put(path: &Path, text: &str) {
    let tmp = path.with_file_name(".replay.tmp");
    std::fs::write(&tmp, text).expect("write temp");
    std::fs::rename(&tmp, path).expect("rename");
}

/// Replays one version and waits until the daemon has read it: a marker
/// article written after it (sorting after the feed, so it is read after
/// it in the same pass or a later one) must have its `created` event.
/// Returns the feed-item events that version gave.
fn replay(root: &Path, state: &Path, feed: &Path, text: &str, step: usize) -> Vec<Value> {
    let before = events(state).len();
    put(feed, text);
    let marker = format!("zz-sync-{step}.txt");
    std::fs::write(
        root.join(&marker),
        format!("Sync {step}\n\nThe replay reached step {step}.\n"),
    )
    .expect("marker");
    wait_for(&format!("step {step}"), || {
        events(state)
            .iter()
            .skip(before)
            .any(|e| e["path"] == marker.as_str())
    });
    events(state)[before..]
        .iter()
        .filter(|e| e.get("item").is_some())
        .cloned()
        .collect()
}

/// (event, item id) of each event, in order.
fn kinds(evs: &[Value]) -> Vec<(String, String)> {
    evs.iter()
        .map(|e| {
            (
                e["event"].as_str().unwrap_or("").to_string(),
                e["item"]["id"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn pair(kind: &str, id: &str) -> (String, String) {
    (kind.to_string(), id.to_string())
}

/// The detail types of an event's changes.
fn details(ev: &Value) -> Vec<String> {
    ev["changes"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|c| c["details"].as_array().into_iter().flatten())
        .filter_map(|d| d["type"].as_str().map(str::to_string))
        .collect()
}

const PIER: &str = "<p>The harbor board approved 40 new moorings at the east pier on Tuesday.</p>\
                    <p>\u{201C}Boat owners have waited for years,\u{201D} said board chair Tomas Reyes.</p>";
const LIBRARY: &str = "<p>The city library will open on Sundays from April, the council said on Monday.</p>\
                       <p>The change costs 120,000 dollars a year.</p>";
const FERRY: &str = "<p>The night ferry to Kell Island will stop running in May, the operator said.</p>\
                     <p>About 300 passengers a week use the late crossing.</p>";
const MARKET: &str =
    "<p>The fish market moves to the old rope works on June 1, the port authority said.</p>";

#[test]
fn an_rss_feed_replayed_into_one_file_gives_events_per_item() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("feeds");
    let state = tmp.path().join("state");
    std::fs::create_dir_all(&root).expect("mkdir");
    let feed = root.join("news.xml");
    let d = Daemon::start(&root, &state, &[]);

    let pier = rss_item(
        "pier",
        "Harbor board adds 40 moorings",
        "New moorings",
        PIER,
    );
    let library = rss_item("library", "Library opens Sundays", "Sunday hours", LIBRARY);
    let ferry = rss_item("ferry", "Night ferry to end", "Ferry cut", FERRY);
    let pier_45 = rss_item(
        "pier",
        "Harbor board adds 45 moorings",
        "New moorings",
        &PIER.replace("40 new", "45 new"),
    );
    // Only a photo and its credit added: no claim changes.
    let ferry_photo = rss_item(
        "ferry",
        "Night ferry to end",
        "Ferry cut",
        &format!(
            "<figure><img src=\"ferry.jpg\"><figcaption>Photo: Lena Vos</figcaption></figure>{FERRY}"
        ),
    );
    let market = rss_item("market", "Fish market to move", "Market move", MARKET);

    let v1 = replay(&root, &state, &feed, &rss(&[&pier, &library]), 1);
    assert_eq!(
        kinds(&v1),
        [pair("created", "pier"), pair("created", "library")]
    );
    assert_eq!(v1[0]["path"], "news.xml#pier");
    assert_eq!(v1[0]["item"]["link"], "https://tidewater.example/pier");
    assert_eq!(v1[0]["title"], "Harbor board adds 40 moorings");
    assert!(!v1[0]["changes"].as_array().expect("changes").is_empty());

    // The pier item edited in place, the library item as it was, a new one.
    let v2 = replay(&root, &state, &feed, &rss(&[&ferry, &pier_45, &library]), 2);
    assert_eq!(
        kinds(&v2),
        [pair("created", "ferry"), pair("modified", "pier")]
    );
    assert_eq!(v2[1]["revision"], 2);
    assert_eq!(v2[1]["prev_revision"], 1);
    assert!(
        details(&v2[1]).iter().any(|t| t == "number_changed"),
        "{:#}",
        v2[1]
    );

    // Cut off mid-write: nothing created, nothing dropped, a warning.
    let v4_text = rss(&[&market, &ferry_photo, &pier_45]);
    let cut = &v4_text[..v4_text.len() / 2];
    let v3 = replay(&root, &state, &feed, cut, 3);
    assert!(v3.is_empty(), "{v3:#?}");
    assert!(
        d.stderr().contains("news.xml") && d.stderr().contains("truncated"),
        "{}",
        d.stderr()
    );

    // The library item rolled out (no event); the ferry item got a photo
    // (recorded, severity none); a new item.
    let v4 = replay(&root, &state, &feed, &v4_text, 4);
    assert_eq!(
        kinds(&v4),
        [pair("created", "market"), pair("modified", "ferry")]
    );
    assert_eq!(v4[1]["severity"], "none");
    assert_eq!(v4[1]["changes"], Value::Array(vec![]));

    // The library item comes back unchanged: nothing at all.
    let v5 = replay(
        &root,
        &state,
        &feed,
        &rss(&[&market, &ferry_photo, &pier_45, &library]),
        5,
    );
    assert!(v5.is_empty(), "{v5:#?}");

    // Each item has its own history, kept under its feed.
    let (code, out, err) = run(
        &[
            "history",
            "--state",
            state.to_str().expect("utf-8"),
            "news.xml",
            "--item",
            "pier",
            "--json",
        ],
        tmp.path(),
    );
    assert_eq!(code, 0, "{err}");
    let doc: Value = serde_json::from_str(&out).expect("history json");
    assert_eq!(doc["path"], "news.xml#pier");
    let revs: Vec<&str> = doc["revisions"]
        .as_array()
        .expect("revisions")
        .iter()
        .map(|r| r["event"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(revs, ["created", "modified"]);
    // The feed itself has no history of its own: the error says how to ask.
    let (code, _, err) = run(
        &[
            "history",
            "--state",
            state.to_str().expect("utf-8"),
            "news.xml",
        ],
        tmp.path(),
    );
    assert_eq!(code, 1);
    assert!(err.contains("--item"), "{err}");
    // Ordinary files keep their events as they were: no `item` field.
    let marker = events(&state)
        .into_iter()
        .find(|e| e["path"] == "zz-sync-1.txt")
        .expect("marker event");
    assert!(marker.get("item").is_none(), "{marker}");
}

#[test]
fn an_atom_feed_replayed_into_one_file_gives_events_per_item() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path().join("feeds");
    let state = tmp.path().join("state");
    std::fs::create_dir_all(&root).expect("mkdir");
    let feed = root.join("updates.atom");
    let d = Daemon::start(&root, &state, &[]);

    let fares = atom_entry(
        "fares",
        "Ferry fares to rise 5 percent",
        "<p>Ferry fares will rise 5 percent in July, the operator said on Monday.</p>",
    );
    let fares_8 = atom_entry(
        "fares",
        "Ferry fares to rise 8 percent",
        "<p>Ferry fares will rise 5 percent in July, the operator said on Monday.</p>",
    );
    let bridge = atom_entry(
        "bridge",
        "Bridge repairs start",
        "<p>Repairs to the Old Mill bridge start next week and take three months, the city said.</p>",
    );
    let school = atom_entry(
        "school",
        "New school opens",
        "<p>The new primary school on Quay Street opened with 210 pupils on Monday.</p>",
    );

    let v1 = replay(&root, &state, &feed, &atom(&[&fares, &bridge]), 1);
    assert_eq!(
        kinds(&v1),
        [
            pair("created", "urn:tidewater:fares"),
            pair("created", "urn:tidewater:bridge")
        ]
    );
    assert_eq!(v1[0]["path"], "updates.atom#urn:tidewater:fares");
    assert_eq!(v1[0]["item"]["link"], "https://tidewater.example/a/fares");

    // A headline number edited; the bridge entry rolls out; a new one.
    let v2 = replay(&root, &state, &feed, &atom(&[&school, &fares_8]), 2);
    assert_eq!(
        kinds(&v2),
        [
            pair("created", "urn:tidewater:school"),
            pair("modified", "urn:tidewater:fares")
        ]
    );
    assert!(
        details(&v2[1]).iter().any(|t| t == "number_changed"),
        "{:#}",
        v2[1]
    );
    assert_eq!(v2[1]["severity"], "high", "{:#}", v2[1]);

    // Cut off before the root element closes: nothing.
    let full = atom(&[&school, &fares_8, &bridge]);
    let v3 = replay(&root, &state, &feed, &full[..full.len() - 40], 3);
    assert!(v3.is_empty(), "{v3:#?}");
    assert!(d.stderr().contains("truncated"), "{}", d.stderr());

    // The bridge entry comes back unchanged: nothing.
    let v4 = replay(&root, &state, &feed, &full, 4);
    assert!(v4.is_empty(), "{v4:#?}");
}
