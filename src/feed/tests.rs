//! Tests of feed detection, parsing, the item article and the change plan,
//! on small feeds written here.

use std::path::Path;

use super::plan::{hashes, plan};
use super::*;

fn rss(items: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n\
         <title>Harbor Town Ledger</title>\n<link>https://ledger.example/</link>\n{items}</channel>\n</rss>\n"
    )
}

fn rss_item(guid: &str, title: &str, desc: &str) -> String {
    format!(
        "<item>\n<title>{title}</title>\n<link>https://ledger.example/{guid}</link>\n\
         <guid isPermaLink=\"false\">{guid}</guid>\n<description>{desc}</description>\n\
         <pubDate>Tue, 01 Dec 2026 08:00:00 +0000</pubDate>\n</item>\n"
    )
}

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Valley Courier</title>
  <id>urn:courier:feed</id>
  <entry>
    <title>Reservoir reaches 80 percent of capacity</title>
    <link rel="enclosure" href="https://courier.example/photo.jpg"/>
    <link rel="alternate" href="https://courier.example/reservoir"/>
    <id>urn:courier:reservoir</id>
    <author><name>Mara Lindqvist</name><email>m@courier.example</email></author>
    <published>2026-12-01T06:00:00Z</published>
    <updated>2026-12-01T07:00:00Z</updated>
    <summary>Spring rain filled the valley reservoir</summary>
    <content type="html">&lt;p&gt;The valley reservoir stood at 80 percent of capacity on Monday, the water board said.&lt;/p&gt;&lt;p&gt;Officials said rationing would end in January.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title type="html">Bridge &amp;amp; road works delayed</title>
    <link href="https://courier.example/bridge?a=1&amp;b=2"/>
    <updated>2026-12-01T05:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The county said the bridge would reopen in March.</p></div></content>
  </entry>
</feed>
"#;

#[test]
fn rss_items_carry_ids_links_titles_and_dates() {
    let text = rss(&(rss_item(
        "a-1",
        "Ferry fares rise by 5 percent",
        "The ferry company raised fares.",
    ) + &rss_item("a-2", "Library reopens", "The library reopened on Monday.")));
    let feed = parse(text.as_bytes()).expect("parses");
    assert_eq!(feed.kind, FeedKind::Rss);
    assert_eq!(feed.items.len(), 2);
    let first = &feed.items[0];
    assert_eq!(first.id, "a-1");
    assert_eq!(first.link.as_deref(), Some("https://ledger.example/a-1"));
    assert_eq!(
        first.title.as_deref(),
        Some("Ferry fares rise by 5 percent")
    );
    assert_eq!(
        first.published.as_deref(),
        Some("Tue, 01 Dec 2026 08:00:00 +0000")
    );
    assert!(feed.warnings.is_empty(), "{:?}", feed.warnings);
}

#[test]
fn an_item_without_guid_is_known_by_its_link() {
    let text =
        rss("<item><title>Snow closes pass</title><link>https://ledger.example/pass</link></item>");
    let feed = parse(text.as_bytes()).expect("parses");
    assert_eq!(feed.items[0].id, "https://ledger.example/pass");
}

#[test]
fn atom_entries_take_alternate_link_author_and_content() {
    let feed = parse(ATOM.as_bytes()).expect("parses");
    assert_eq!(feed.kind, FeedKind::Atom);
    assert_eq!(feed.items.len(), 2);
    let e = &feed.items[0];
    assert_eq!(e.id, "urn:courier:reservoir");
    assert_eq!(e.link.as_deref(), Some("https://courier.example/reservoir"));
    assert_eq!(e.byline.as_deref(), Some("Mara Lindqvist"));
    assert_eq!(e.published.as_deref(), Some("2026-12-01T06:00:00Z"));
    assert!(e.content.as_deref().unwrap().starts_with("<p>The valley"));
    // No id: the link; no published: updated; xhtml content kept as HTML.
    let b = &feed.items[1];
    assert_eq!(b.id, "https://courier.example/bridge?a=1&b=2");
    assert_eq!(b.published.as_deref(), Some("2026-12-01T05:00:00Z"));
    assert!(b.content.as_deref().unwrap().contains("<p>The county said"));
}

#[test]
fn item_article_has_headline_standfirst_and_body() {
    let feed = parse(ATOM.as_bytes()).expect("parses");
    let a = feed.items[0].to_article();
    assert_eq!(
        a.title.as_deref(),
        Some("Reservoir reaches 80 percent of capacity")
    );
    assert_eq!(a.standfirst, Some(0));
    assert_eq!(a.blocks[0].text, "Spring rain filled the valley reservoir");
    assert!(
        a.blocks
            .iter()
            .any(|b| b.text.contains("rationing would end"))
    );
    assert_eq!(a.byline.as_deref(), Some("Mara Lindqvist"));
    let claims = crate::claims::extract(&a);
    assert!(
        claims.iter().any(|c| c.text.contains("80 percent")),
        "{claims:?}"
    );
    // Title given as escaped HTML is read as text.
    let b = feed.items[1].to_article();
    assert_eq!(b.title.as_deref(), Some("Bridge & road works delayed"));
    assert_eq!(b.standfirst, None);
}

#[test]
fn description_only_item_uses_it_as_body() {
    let text = rss(&rss_item(
        "d",
        "Council votes",
        "&lt;p&gt;The council voted 7 to 2 to close the depot.&lt;/p&gt;",
    ));
    let a = parse(text.as_bytes()).unwrap().items[0].to_article();
    assert_eq!(a.standfirst, None);
    assert!(
        a.blocks
            .iter()
            .any(|b| b.text == "The council voted 7 to 2 to close the depot."),
        "{:?}",
        a.blocks
    );
}

#[test]
fn rss1_rdf_items_use_rdf_about() {
    let text = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://gazette.example/"><title>Gazette</title></channel>
  <item rdf:about="https://gazette.example/mill">
    <title>Mill closes</title><link>https://gazette.example/mill?src=rss</link>
    <dc:creator>Ola Brenn</dc:creator><dc:date>2026-11-30</dc:date>
  </item>
</rdf:RDF>"#;
    let feed = parse(text.as_bytes()).expect("parses");
    assert_eq!(feed.kind, FeedKind::Rdf);
    assert_eq!(feed.items[0].id, "https://gazette.example/mill");
    assert_eq!(feed.items[0].byline.as_deref(), Some("Ola Brenn"));
    assert_eq!(feed.items[0].published.as_deref(), Some("2026-11-30"));
}

#[test]
fn rss_091_with_a_public_doctype_reads() {
    let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \
                \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n<rss version=\"0.91\"><channel><title>T</title>\
                <item><title>Old style item</title><link>https://old.example/1</link></item></channel></rss>";
    let feed = parse(text.as_bytes()).expect("parses");
    assert_eq!(feed.items.len(), 1);
    assert_eq!(feed.items[0].id, "https://old.example/1");
}

#[test]
fn detection_needs_extension_and_feed_root() {
    let text = rss(&rss_item("x", "T", "D"));
    assert!(is_feed(Path::new("f.xml"), text.as_bytes()));
    assert!(is_feed(Path::new("f.RSS"), text.as_bytes()));
    assert!(is_feed(Path::new("f.atom"), ATOM.as_bytes()));
    assert!(!is_feed(Path::new("f.txt"), text.as_bytes()));
    assert!(!is_feed(
        Path::new("sitemap.xml"),
        b"<?xml version=\"1.0\"?><urlset><url/></urlset>"
    ));
    assert!(!is_feed(Path::new("notes.xml"), b"just words"));
    let with_bom = [
        b"\xEF\xBB\xBF".as_slice(),
        b"<feed xmlns=\"http://www.w3.org/2005/Atom\"/>",
    ]
    .concat();
    assert!(is_feed(Path::new("f.atom"), &with_bom));
    assert!(parse(&with_bom).expect("parses").items.is_empty());
}

#[test]
fn a_feed_cut_mid_write_is_truncated_not_empty() {
    let full = rss(&(rss_item("a", "One", "First.") + &rss_item("b", "Two", "Second.")));
    // Every cut inside the document is truncated or (cut inside text right
    // after the root closed) complete; never a feed with fewer items.
    let end = full.rfind("</rss>").unwrap();
    for cut in (1..end).step_by(7) {
        match parse(&full.as_bytes()[..cut]) {
            Err(FeedError::Truncated) => {}
            other => panic!("cut at {cut}: {other:?}"),
        }
    }
    assert_eq!(parse(b"").unwrap_err(), FeedError::Truncated);
    assert_eq!(parse(b"  \n").unwrap_err(), FeedError::Truncated);
}

#[test]
fn malformed_xml_names_line_and_column() {
    let text = "<rss version=\"2.0\"><channel>\n<item><title>A</titel></item>\n</channel></rss>";
    match parse(text.as_bytes()) {
        Err(FeedError::Malformed { line, column, .. }) => {
            assert_eq!(line, 2);
            assert!(column > 1, "{column}");
        }
        other => panic!("{other:?}"),
    }
    let msg = parse(text.as_bytes()).unwrap_err().to_string();
    assert!(msg.contains("line 2"), "{msg}");
}

#[test]
fn duplicate_ids_keep_the_first_and_warn() {
    let text =
        rss(&(rss_item("same", "First title", "One.") + &rss_item("same", "Second title", "Two.")));
    let feed = parse(text.as_bytes()).expect("parses");
    assert_eq!(feed.items.len(), 1);
    assert_eq!(feed.items[0].title.as_deref(), Some("First title"));
    assert!(
        feed.warnings
            .iter()
            .any(|w| w.contains("duplicate") && w.contains("same")),
        "{:?}",
        feed.warnings
    );
}

#[test]
fn an_entity_bomb_is_refused_without_expansion() {
    let mut dtd = String::from("<!DOCTYPE rss [\n<!ENTITY e0 \"boom\">\n");
    for i in 1..10 {
        dtd.push_str(&format!(
            "<!ENTITY e{i} \"{}\">\n",
            format!("&e{};", i - 1).repeat(10)
        ));
    }
    dtd.push_str("]>\n");
    let text = format!(
        "<?xml version=\"1.0\"?>\n{dtd}<rss version=\"2.0\"><channel><item><guid>b</guid><title>&e9;</title></item></channel></rss>"
    );
    assert_eq!(
        parse(text.as_bytes()).unwrap_err(),
        FeedError::EntityDeclarations
    );
    // An undeclared entity is kept as written, with a warning.
    let feed = parse(rss(&rss_item("u", "Caf&eacute; opens", "D.")).as_bytes()).expect("parses");
    assert_eq!(feed.items[0].title.as_deref(), Some("Caf&eacute; opens"));
    assert_eq!(feed.warnings.len(), 1);
}

#[test]
fn ten_thousand_items_parse() {
    let items: String = (0..10_000)
        .map(|i| {
            rss_item(
                &format!("id-{i}"),
                &format!("Item {i} headline"),
                "Body text.",
            )
        })
        .collect();
    let feed = parse(rss(&items).as_bytes()).expect("parses");
    assert_eq!(feed.items.len(), 10_000);
    assert_eq!(feed.items[9_999].id, "id-9999");
}

#[test]
fn plan_sorts_items_into_new_changed_unchanged_dropped() {
    let old = parse(
        rss(&(rss_item("a", "A", "Same.")
            + &rss_item("b", "B", "Before.")
            + &rss_item("c", "C", "Gone.")))
        .as_bytes(),
    )
    .unwrap();
    let new = parse(
        rss(&(rss_item("d", "D", "Fresh.")
            + &rss_item("a", "A", "Same.")
            + &rss_item("b", "B", "After.")))
        .as_bytes(),
    )
    .unwrap();
    let (h, order) = hashes(&old);
    let p = plan(&h, &order, &new);
    assert_eq!(p.new, vec![0]);
    assert_eq!(p.unchanged, vec![1]);
    assert_eq!(p.changed, vec![2]);
    assert_eq!(p.dropped, vec!["c".to_string()]);
    // Same version: everything unchanged.
    let (h2, order2) = hashes(&new);
    let same = plan(&h2, &order2, &new);
    assert_eq!(same.unchanged.len(), 3);
    assert!(same.new.is_empty() && same.changed.is_empty() && same.dropped.is_empty());
}

#[test]
fn hash_sees_text_moving_between_fields() {
    let a = Item {
        id: "x".into(),
        title: Some("ab".into()),
        description: Some("c".into()),
        ..Item::default()
    };
    let b = Item {
        title: Some("a".into()),
        description: Some("bc".into()),
        ..a.clone()
    };
    assert_ne!(a.content_hash(), b.content_hash());
    assert_eq!(a.content_hash(), a.clone().content_hash());
}

#[test]
fn a_latin1_feed_is_read_with_a_warning() {
    let mut bytes = rss(&rss_item("l", "Caf\u{e9} opens", "D.")).into_bytes();
    // Re-encode the one non-ASCII character as Latin-1.
    let at = bytes.windows(2).position(|w| w == [0xC3, 0xA9]).unwrap();
    bytes.splice(at..at + 2, [0xE9]);
    assert!(is_feed(Path::new("f.xml"), &bytes));
    let feed = parse(&bytes).expect("parses");
    assert_eq!(feed.items[0].title.as_deref(), Some("Caf\u{FFFD} opens"));
    assert!(
        feed.warnings[0].contains("invalid UTF-8"),
        "{:?}",
        feed.warnings
    );
}
