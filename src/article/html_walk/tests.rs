//! Tests of the HTML walker: blocks, lines, furniture, malformed markup.
use super::*;

#[test]
fn blocks_with_kinds_and_lines() {
    let html = "<html><body>\n<nav><a>Home</a></nav>\n<h2>A Heading</h2>\n<p>First &amp; <b>bold</b>\n text.</p>\n<ul><li>One</li><li>Two</ul>\n<p>- dash item</p>\n<footer>(c) Site</footer></body></html>";
    let w = walk(html);
    let got: Vec<(BlockKind, &str, usize)> = w
        .blocks
        .iter()
        .map(|b| (b.kind, b.text.as_str(), b.line))
        .collect();
    assert_eq!(
        got,
        vec![
            (BlockKind::Heading, "A Heading", 3),
            (BlockKind::Paragraph, "First & bold text.", 4),
            (BlockKind::ListItem, "One", 6),
            (BlockKind::ListItem, "Two", 6),
            (BlockKind::ListItem, "dash item", 7),
        ]
    );
}

#[test]
fn furniture_by_class_and_metadata() {
    let html = r#"<head><title>Story | Site</title><meta property="og:title" content="OG Story"><meta name="author" content="Jane Roe"><meta property="article:published_time" content="2025-03-04T10:00:00Z"><script>var a = "<p>no</p>";</script></head>
<body><header><h1>The Story</h1><p class="byline">By Jane Roe</p></header>
<div class="share-tools"><div>Share</div><p>Tweet</p></div>
<p>Body.</p><!-- <p>hidden</p> --></body>"#;
    let w = walk(html);
    assert_eq!(w.blocks.len(), 1);
    assert_eq!(w.blocks[0].text, "Body.");
    assert_eq!(w.meta.title_tag.as_deref(), Some("Story | Site"));
    assert_eq!(w.meta.h1.as_deref(), Some("The Story"));
    assert_eq!(w.meta.og_title.as_deref(), Some("OG Story"));
    assert_eq!(w.meta.author.as_deref(), Some("Jane Roe"));
    assert_eq!(w.meta.byline_text.as_deref(), Some("By Jane Roe"));
    assert_eq!(w.meta.published.as_deref(), Some("2025-03-04T10:00:00Z"));
}

#[test]
fn line_breaks_split_blocks_between_sentences_only() {
    let html = "<p>The mayor said that<br>\nthe plan would pass.<br><br>A second part.<br>\n\nThird part</p>";
    let got: Vec<(String, usize)> = walk(html)
        .blocks
        .into_iter()
        .map(|b| (b.text, b.line))
        .collect();
    assert_eq!(
        got,
        vec![
            ("The mayor said that the plan would pass.".to_string(), 1),
            ("A second part.".to_string(), 2),
            ("Third part".to_string(), 4),
        ]
    );
}

#[test]
fn broken_markup_does_not_panic() {
    for s in [
        "<",
        "<p",
        "<p class=\"x",
        "a < b",
        "</>",
        "<!--",
        "<script>",
        "<a href='x>y</a>",
        "&#xZZ; &amp",
    ] {
        let _ = walk(s);
    }
    assert_eq!(walk("a < b").blocks[0].text, "a < b");
}

fn texts(html: &str) -> Vec<String> {
    walk(html).blocks.into_iter().map(|b| b.text).collect()
}

/// Markup a browser recovers from reads as the browser shows it.
#[test]
fn malformed_markup_reads_as_a_browser_reads_it() {
    // An apostrophe ends a single-quoted value early; the rest of the
    // words are stray attributes and the tag still ends at its `>`.
    let html = "<p>Shares opened higher.</p>\n<p><img src=a.jpg alt='the firm's listing day'></p>\n<p>Trading was halted twice.</p>";
    assert_eq!(
        texts(html),
        vec!["Shares opened higher.", "Trading was halted twice."]
    );
    assert_eq!(walk(html).blocks[1].line, 3);
    // Unclosed paragraphs and list items close at the next one.
    assert_eq!(
        texts("<p>One opens.<p>Two opens.<ul><li>First<li>Second</ul>"),
        vec!["One opens.", "Two opens.", "First", "Second"]
    );
    // A stray `<` that starts no tag is text.
    assert_eq!(
        texts("<p>If a < b and 3 <4 then</p>"),
        vec!["If a < b and 3 <4 then"]
    );
    // Misnested inline tags keep all their text.
    assert_eq!(
        texts("<p><b>bold <i>both</b> italic</i> plain</p>"),
        vec!["bold both italic plain"]
    );
    // A double-quoted value may hold `>` and `'`.
    assert_eq!(texts("<p title=\"a > b's\">Inside.</p>"), vec!["Inside."]);
    // Character references, with and without their semicolon.
    assert_eq!(
        texts("<p>AT&amp;T &copy 2020 &#8217;</p>"),
        vec!["AT&T \u{a9} 2020 '"]
    );
}

#[test]
fn raw_text_and_hidden_elements_are_not_text() {
    let html = r#"<script>if (a<b) { x = "<p>no</p>"; }</script><style>p{}</style>
<p>Shown.</p>
<div hidden><p>Hidden attribute.</p></div>
<div aria-hidden="true"><p>Aria hidden.</p></div>
<div style="display: none"><p>Display none.</p></div>
<span style="visibility:hidden">Invisible.</span>
<template><p>Template.</p></template>
<noscript><p>Enable scripts.</p></noscript>
<p>Also shown.</p>"#;
    assert_eq!(texts(html), vec!["Shown.", "Also shown."]);
    // A hover card inside a sentence is left out of it, and the
    // sentence stays one block.
    let html = r#"<p>The court fined <a href="/p/ann">Ann Lee</a><span class="hover-card"><b>Ann Lee</b> Profile and 12 stories</span> on Monday.</p>"#;
    assert_eq!(texts(html), vec!["The court fined Ann Lee on Monday."]);
}

#[test]
fn hidden_mode_keeps_furniture_but_not_hidden_text() {
    let html = r#"<div class="sidebar"><p>In a side bar.</p></div><p>Kept <span class="tooltip">tip</span>here.</p><p hidden>Gone.</p>"#;
    let texts: Vec<String> = walk_with(html, Skip::Hidden)
        .blocks
        .into_iter()
        .map(|b| b.text)
        .collect();
    assert_eq!(texts, vec!["In a side bar.", "Kept here."]);
}

#[test]
fn depth_is_counted_without_recursion() {
    let deep = "<div>".repeat(100_000) + "<p>x</p>" + &"</div>".repeat(100_000);
    let w = walk(&deep);
    assert_eq!(w.max_depth, 100_000);
    assert_eq!(w.blocks.len(), 1);
    assert_eq!(walk("<p>a<p>b<br><img src=x><div/></p>").max_depth, 0);
}

#[test]
fn hidden_mode_still_leaves_out_captions() {
    let html = r#"<div class="sidebar"><p>Story text in a wrapper named like furniture.</p>
<div class="wp-caption"><img src="a.jpg"><p class="wp-caption-text">The mayor at the opening. Photo agency</p></div>
<figure><img src="b.jpg"><figcaption>The new pier seen from the east.</figcaption></figure>
<p>More story text.</p></div>"#;
    let texts: Vec<String> = walk_with(html, Skip::Hidden)
        .blocks
        .into_iter()
        .map(|b| b.text)
        .collect();
    assert_eq!(
        texts,
        vec![
            "Story text in a wrapper named like furniture.",
            "More story text."
        ]
    );
}

#[test]
fn author_box_is_furniture_but_an_inline_author_name_is_not() {
    let html = r#"<p>The report, written by <span class="author">Ann Lee</span>, was published on Monday.</p>
<div class="post-author"><h5>Ann Lee</h5><p>Ann Lee lives by the sea with two cats and writes about towns.</p></div>"#;
    assert_eq!(
        texts(html),
        vec!["The report, written by Ann Lee, was published on Monday."]
    );
}

#[test]
fn a_block_that_is_one_link_is_left_out() {
    let html = r#"<p>The council met on Monday, <a href="/minutes">the minutes show</a>, and voted.</p>
<p><a href="/offer">Get our daily briefing for one dollar a month. Use the code "PIER".</a></p>
<p><a href="/subscribe">Subscribe to the paper today</a>.</p>
<ul><li><a href="/other">Another story entirely, told elsewhere.</a></li><li>An item in words.</li></ul>
<h2><a href="/post">A heading that links to itself</a></h2>
<p><a name="anchor">Text inside an anchor without a target.</a></p>
<p>The vote passed 5 to 2.<br><br><a href="/promo">Read all our stories on the new app.</a></p>"#;
    assert_eq!(
        texts(html),
        vec![
            "The council met on Monday, the minutes show, and voted.",
            "An item in words.",
            "A heading that links to itself",
            "Text inside an anchor without a target.",
            "The vote passed 5 to 2.",
        ]
    );
}

#[test]
fn page_containers_are_never_furniture_by_class() {
    let html = r#"<html class="header-spacing"><body class="single-post has-sidebar sidebar-right">
<main class="main-with-sidebar"><p>The story itself.</p></main>
<div class="sidebar"><p>Something beside it.</p></div>
<body hidden><p>Never shown.</p></body></body></html>"#;
    assert_eq!(texts(html), vec!["The story itself."]);
}

#[test]
fn a_wrapper_named_like_furniture_around_the_story_is_read() {
    let html = r#"<div class="container has-sidebar">
<p>The first paragraph of the story runs to a good many words in all.</p>
<div class="share-tools"><p>Share this on every network you know.</p></div>
<p>The second paragraph of the story also runs to many words in all.</p>
<div class="post-author"><p>The writer lives by the sea.</p></div>
</div>
<div class="sidebar"><p>Beside it.</p></div>"#;
    assert!(texts(html).is_empty());
    let got: Vec<String> = walk_unwrapped(html)
        .blocks
        .into_iter()
        .map(|b| b.text)
        .collect();
    assert_eq!(
        got,
        vec![
            "The first paragraph of the story runs to a good many words in all.",
            "The second paragraph of the story also runs to many words in all.",
        ]
    );
    // Hidden text is never read through, however much it holds.
    let hidden = r#"<div hidden><p>One two three four five six seven.</p></div><p>Shown.</p>"#;
    assert_eq!(walk_unwrapped(hidden).blocks.len(), 1);
}
