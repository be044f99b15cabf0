//! `article::parse` from the outside: plain text in its layouts, Markdown,
//! boilerplate, metadata, and inputs that are empty, binary or broken; HTML
//! in [`html`].

mod html;

use claimwatch::article::{ArticleError, Block, BlockKind, Format, Parsed, parse};
use proptest::prelude::*;

fn parsed(text: &str, format: Format) -> Parsed {
    parse(text.as_bytes(), format).expect("parses")
}

/// Each block of a parse as (kind, text), for comparing a whole layout.
fn kinds_and_texts(p: &Parsed) -> Vec<(BlockKind, &str)> {
    p.article
        .blocks
        .iter()
        .map(|b| (b.kind, b.text.as_str()))
        .collect()
}

fn blocks(text: &str, format: Format) -> Vec<Block> {
    parsed(text, format).article.blocks
}

fn texts(text: &str, format: Format) -> Vec<String> {
    blocks(text, format).into_iter().map(|b| b.text).collect()
}

/// Paragraph and list texts only (no headings).
fn body(text: &str, format: Format) -> Vec<String> {
    blocks(text, format)
        .into_iter()
        .filter(|b| b.kind != BlockKind::Heading)
        .map(|b| b.text)
        .collect()
}

const P1: &str = "The regional council voted on Tuesday to expand the ferry service to the outer islands, ending a dispute that had lasted almost two years.";
const P2: &str = "Councillors said the new timetable would add four crossings a day in summer and two in winter, paid for by a rise in the harbour levy.";
const P3: &str = "Residents of the islands have long complained that the single morning crossing left them unable to reach hospital appointments on the mainland.";

/// The same short article laid out three ways.
fn layouts() -> [String; 3] {
    let blank = format!("Ferry Service Expanded\n\n{P1}\n\nWhat Changes\n\n{P2}\n\n{P3}\n");
    let one_per_line = format!("Ferry Service Expanded\n\n{P1}\nWhat Changes\n{P2}\n{P3}\n");
    let wrapped = format!(
        "Ferry Service Expanded\n\n{}\nWhat Changes\n{}\n{}\n",
        wrap(P1, 60),
        wrap(P2, 60),
        wrap(P3, 60)
    );
    [blank, one_per_line, wrapped]
}

/// Greedy wrap at `width` characters.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out
}

#[test]
fn layouts_give_the_same_sentences_and_heading() {
    for layout in layouts() {
        let got = blocks(&layout, Format::Text);
        let headings: Vec<&str> = got
            .iter()
            .filter(|b| b.kind == BlockKind::Heading)
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(headings, vec!["What Changes"], "{layout}");
        let joined: Vec<&str> = got
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(joined.join(" "), format!("{P1} {P2} {P3}"), "{layout}");
        assert_eq!(
            parsed(&layout, Format::Text).article.title.as_deref(),
            Some("Ferry Service Expanded")
        );
    }
}

#[test]
fn blank_separated_layout_keeps_paragraphs_apart() {
    let [blank, one_per_line, _] = layouts();
    for layout in [blank, one_per_line] {
        assert_eq!(body(&layout, Format::Text), vec![P1, P2, P3]);
    }
}

#[test]
fn wrapped_paragraphs_with_blank_lines_are_joined() {
    let text = format!(
        "{}\n\n{}\n\nA short line on its own.\n",
        wrap(P1, 50),
        wrap(P2, 72)
    );
    assert_eq!(
        body(&text, Format::Text),
        vec![P1, P2, "A short line on its own."]
    );
}

#[test]
fn block_lines_are_one_based_source_lines() {
    let text =
        "Title Line Here\n\nFirst paragraph starts here and\ngoes on.\n\nSecond paragraph.\n";
    let got = blocks(text, Format::Text);
    assert_eq!(got.len(), 2);
    assert_eq!((got[0].line, got[1].line), (3, 6));
}

#[test]
fn hyphen_at_line_end_joins_without_space() {
    let text =
        "Title Line\n\nThe survey of German-\nspeaking voters found a\nclear majority in favour.\n";
    assert_eq!(
        body(text, Format::Text),
        vec!["The survey of German-speaking voters found a clear majority in favour."]
    );
}

#[test]
fn heading_between_wrapped_paragraphs_is_not_glued() {
    let text = format!(
        "{}\nA Plan for the Islands\n{}\n",
        wrap(P1, 64),
        wrap(P2, 64)
    );
    let got = blocks(&text, Format::Text);
    let heading = got
        .iter()
        .find(|b| b.kind == BlockKind::Heading)
        .map(|b| b.text.as_str());
    assert_eq!(heading, Some("A Plan for the Islands"));
    assert!(got.iter().all(|b| !b.text.contains("Islands Councillors")));
    let caps = format!("{P1}\nKEY FACTS\n{P2}\n");
    assert!(
        blocks(&caps, Format::Text)
            .iter()
            .any(|b| b.kind == BlockKind::Heading && b.text == "KEY FACTS")
    );
    let slashes = format!("//The Ferry Question//\n{P1}\n");
    let p = parsed(&slashes, Format::Text);
    assert_eq!(p.article.title.as_deref(), Some("The Ferry Question"));
}

#[test]
fn typography_is_folded() {
    let text = "Title Line\n\n\u{201C}We\u{2019}re ready\u{201D}\u{00A0}\u{00A0}said the mayor \u{2014} twice\u{2026} in\u{00AD}deed.\n";
    assert_eq!(
        body(text, Format::Text),
        vec!["\"We're ready\" said the mayor - twice... indeed."]
    );
}

#[test]
fn list_items_drop_their_markers() {
    let text = "Title Line\n\nThe plan has three parts:\n- more crossings\n* a new pier\n\u{2022} lower fares\n1. a review in 2027\n-\n";
    let got = blocks(text, Format::Text);
    let items: Vec<&str> = got
        .iter()
        .filter(|b| b.kind == BlockKind::ListItem)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        items,
        vec![
            "more crossings",
            "a new pier",
            "lower fares",
            "a review in 2027"
        ]
    );
    assert_eq!(got.len(), 5);
}

#[test]
fn boilerplate_lines_are_dropped() {
    let furniture = [
        "Photo: Jane Roe / Example Agency",
        "Image: the harbour at dawn",
        "(Getty Images)",
        "Trending now",
        "TRENDING NOW",
        "Comments",
        "Comments (12)",
        "Share this article",
        "Share on Facebook",
        "12,345 views",
        "Read more: Bridge tolls to rise",
        "Most read",
        "Advertisement",
        "Subscribe to our morning briefing",
        "Sign up for the weekly newsletter",
        "Home > News > Islands",
    ];
    let mut text = String::from("Ferry Service Expanded\n\n");
    for (i, f) in furniture.iter().enumerate() {
        text.push_str(f);
        text.push('\n');
        if i == 7 {
            text.push_str(P1);
            text.push_str("\n\n");
        }
    }
    text.push_str(P2);
    text.push('\n');
    assert_eq!(body(&text, Format::Text), vec![P1, P2]);
    assert!(
        texts(&text, Format::Text)
            .iter()
            .all(|t| !furniture.contains(&t.as_str()))
    );
}

#[test]
fn metadata_is_not_body_text() {
    let text = format!(
        "Ferry Service Expanded\n\nWritten by Jane Roe\n\nMar. 4 - 2025 9:15 AM CET\n\nIslands\n{P1}\n\n{P2}\n\nIslands\n"
    );
    let p = parsed(&text, Format::Text);
    assert_eq!(p.article.title.as_deref(), Some("Ferry Service Expanded"));
    assert_eq!(p.article.byline.as_deref(), Some("Jane Roe"));
    assert_eq!(
        p.article.published.as_deref(),
        Some("2025-03-04T09:15+01:00")
    );
    assert_eq!(texts(&text, Format::Text), vec![P1, P2]);

    let by = format!(
        "Ferry Service Expanded\nBy Sam Poe\nPublished 3 March 2025, updated 5 March 2025\n\n{P1}\n"
    );
    let p = parsed(&by, Format::Text);
    assert_eq!(p.article.byline.as_deref(), Some("Sam Poe"));
    assert_eq!(p.article.published.as_deref(), Some("2025-03-03"));
    assert_eq!(texts(&by, Format::Text), vec![P1]);
}

#[test]
fn lead_dateline_is_stripped() {
    let text = format!("Ferry Service Expanded\n\nPORT ELLEN (Example Wire) - {P1}\n\n{P2}\n");
    assert_eq!(body(&text, Format::Text), vec![P1, P2]);
}

#[test]
fn markdown_is_read_as_text() {
    let md = format!(
        "---\ntitle: Ferry Service Expanded\nauthor: Jane Roe\ndate: 2025-03-04\n---\n\n# Ferry Service Expanded\n\n{}\n\n## What **Changes**\n\nCouncillors said the [new timetable](https://example.org/t) would add *four* crossings.\n\n```\nlet x = 1;\n```\n\n- more crossings\n- a **new** pier\n\n![map](map.png)\n",
        wrap(P1, 70)
    );
    let p = parsed(&md, Format::Markdown);
    assert_eq!(p.article.title.as_deref(), Some("Ferry Service Expanded"));
    assert_eq!(p.article.byline.as_deref(), Some("Jane Roe"));
    assert_eq!(p.article.published.as_deref(), Some("2025-03-04"));
    let got = kinds_and_texts(&p);
    assert_eq!(
        got,
        vec![
            (BlockKind::Paragraph, P1),
            (BlockKind::Heading, "What Changes"),
            (
                BlockKind::Paragraph,
                "Councillors said the new timetable would add four crossings."
            ),
            (BlockKind::ListItem, "more crossings"),
            (BlockKind::ListItem, "a new pier"),
        ]
    );
}

#[test]
fn empty_input_has_no_blocks() {
    for (input, format) in [
        ("", Format::Text),
        ("  \n\n\t\n", Format::Text),
        ("", Format::Markdown),
        ("", Format::Html),
        ("<html></html>", Format::Html),
    ] {
        let p = parsed(input, format);
        assert!(p.article.blocks.is_empty(), "{input:?}");
        assert!(p.warnings.is_empty());
    }
}

#[test]
fn binary_input_is_an_error() {
    let bytes = [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 1, 2, 3];
    assert_eq!(
        parse(&bytes, Format::Text).err(),
        Some(ArticleError::Binary)
    );
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    // UTF-8 elsewhere in the file ("café"): the bad byte alone is lost.
    let mut bytes = "Title Line\n\nThe café fare is 12 ".as_bytes().to_vec();
    bytes.push(0xff);
    bytes.extend_from_slice(b" euros.\n");
    let p = parse(&bytes, Format::Text).expect("parses");
    assert_eq!(p.warnings.len(), 1);
    assert_eq!(
        p.article.blocks[0].text,
        "The café fare is 12 \u{FFFD} euros."
    );
}

#[test]
fn bytes_with_no_utf8_character_are_read_as_windows_1252() {
    // No UTF-8 character beyond ASCII: a Latin-1 file, read whole.
    let bytes = b"Title Line\n\nThe caf\xe9 fare is 12 euros.\n";
    let p = parse(bytes, Format::Text).expect("parses");
    assert_eq!(p.warnings.len(), 1);
    assert!(p.warnings[0].contains("Windows-1252"), "{:?}", p.warnings);
    assert_eq!(p.article.blocks[0].text, "The café fare is 12 euros.");
}

/// A paragraph of plain sentences: lowercase words, the first of each
/// sentence capitalised, commas now and then.
fn paragraph() -> impl Strategy<Value = String> {
    let word = "[a-z]{1,12}";
    let sentence =
        (proptest::collection::vec(word, 4..16), any::<u8>()).prop_map(|(words, seed)| {
            let mut s = String::new();
            for (i, w) in words.iter().enumerate() {
                if i > 0 {
                    s.push(' ');
                }
                if i == 0 {
                    let mut c = w.chars();
                    s.extend(c.next().map(|f| f.to_ascii_uppercase()));
                    s.extend(c);
                } else {
                    s.push_str(w);
                }
                if i + 1 < words.len() && (seed as usize + i) % 7 == 3 {
                    s.push(',');
                }
            }
            s.push('.');
            s
        });
    proptest::collection::vec(sentence, 1..8).prop_map(|s| s.join(" "))
}

proptest! {
    #[test]
    fn rewrapping_keeps_the_block_text(para in paragraph(), width in 20usize..110) {
        let flat = format!("Ferry Notes\n\n{para}\n");
        let wrapped = format!("Ferry Notes\n\n{}\n", wrap(&para, width));
        let want = vec![para.clone()];
        prop_assert_eq!(texts(&flat, Format::Text), want.clone());
        prop_assert_eq!(texts(&wrapped, Format::Text), want.clone());
        let md = format!("# Ferry Notes\n\n{}\n", wrap(&para, width));
        prop_assert_eq!(texts(&md, Format::Markdown), want);
    }
}

#[test]
fn furniture_inside_a_wrapped_sentence_is_stepped_over() {
    let text = "Title Line\n\nThe minister told the committee on Monday that\nAdvertisement\nthe plan would be published in the spring.\n";
    assert_eq!(
        body(text, Format::Text),
        vec![
            "The minister told the committee on Monday that the plan would be published in the spring."
        ]
    );
}

#[test]
fn link_lists_under_furniture_headings_are_dropped() {
    let text = format!(
        "Ferry Service Expanded\n\n{P1}\n\nMost read\n- Storm closes the coast road\n- School wins award\n\n{P2}\n"
    );
    assert_eq!(body(&text, Format::Text), vec![P1, P2]);
    let html = format!(
        "<html><body><article><h1>Ferry Service Expanded</h1><p>{P1}</p><p>{P2}</p><h3>Related stories</h3><ul><li><a href=\"/a\">Storm closes the coast road</a></li></ul><p>{P3}</p></article></body></html>"
    );
    assert_eq!(body(&html, Format::Html), vec![P1, P2, P3]);
}

#[test]
fn pathological_inputs_finish() {
    let n = 200_000;
    let inputs = [
        ("[".repeat(n), Format::Markdown),
        ("*_".repeat(n), Format::Markdown),
        ("<a".repeat(n), Format::Html),
        ("<p class=\"".to_string() + &"x".repeat(n), Format::Html),
        ("<!--".repeat(n), Format::Html),
        ("word ".repeat(n), Format::Text),
        ("- \n".repeat(n), Format::Text),
        ("Title Case Line\n".repeat(n / 10), Format::Text),
    ];
    for (input, format) in inputs {
        let _ = parse(input.as_bytes(), format).expect("parses");
    }
}

#[test]
fn scraped_text_with_furniture_and_no_blank_lines() {
    let text = "Home | News | Transport
Bridge Tolls Rise Again for Commuters
By Sam Poe | Updated 3 June 2025 at 18:02 BST
Listen to this article
5 min read
Image: Lee Chan / Example Agency
Drivers crossing the river will pay 3.40 euros from July, up from
2.90, after the bridge authority approved its second increase in two
years.
The authority said the money was needed to repair the deck.
Advertisement
Commuter groups criticised the decision, saying people with no other way to get to work were paying for years of neglect.
Discounts for Residents
Residents of the two towns at either end of the bridge will keep a
50% discount, the authority said.
Related: Ferry fares frozen for a second year
Share this article
Tags: transport, bridges
Transport
";
    let p = parsed(text, Format::Text);
    assert_eq!(
        p.article.title.as_deref(),
        Some("Bridge Tolls Rise Again for Commuters")
    );
    assert_eq!(p.article.byline.as_deref(), Some("Sam Poe"));
    assert_eq!(
        p.article.published.as_deref(),
        Some("2025-06-03T18:02+01:00")
    );
    let got: Vec<(BlockKind, &str, usize)> = p
        .article
        .blocks
        .iter()
        .map(|b| (b.kind, b.text.as_str(), b.line))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                BlockKind::Paragraph,
                "Drivers crossing the river will pay 3.40 euros from July, up from 2.90, after the bridge authority approved its second increase in two years.",
                7
            ),
            (
                BlockKind::Paragraph,
                "The authority said the money was needed to repair the deck.",
                10
            ),
            (
                BlockKind::Paragraph,
                "Commuter groups criticised the decision, saying people with no other way to get to work were paying for years of neglect.",
                12
            ),
            (BlockKind::Heading, "Discounts for Residents", 13),
            (
                BlockKind::Paragraph,
                "Residents of the two towns at either end of the bridge will keep a 50% discount, the authority said.",
                14
            ),
        ]
    );
}

#[test]
fn utf16_with_bom_is_read_with_a_warning() {
    let text = "Title Line\n\nThe fare is twelve euros.\n";
    let mut bytes = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let p = parse(&bytes, Format::Text).expect("parses");
    assert_eq!(p.warnings.len(), 1);
    assert_eq!(p.article.blocks[0].text, "The fare is twelve euros.");
}
