//! `article::parse` on HTML: main text without page furniture, metadata,
//! line numbers, `<br>`, and documents nested too deep for a DOM.

use claimwatch::article::{BlockKind, Format};

use super::{P1, P2, P3, body, kinds_and_texts, parsed, texts};

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Ferry Service Expanded | Example Courier</title>
<meta property="og:title" content="Ferry Service Expanded">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2025-03-04T09:15:00+01:00">
<script>var tracking = "<p>not text</p>";</script>
</head>
<body>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/islands">Islands</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>Ferry Service Expanded</h1>
<p>The regional council voted on Tuesday to expand the ferry service to the outer islands, ending a dispute that had lasted almost two years.</p>
<h2>What Changes</h2>
<p>Councillors said the new timetable would add four crossings a day in summer and two in winter, paid for by a rise in the harbour levy.</p>
<p>Residents of the islands have long complained that the single morning crossing left them unable to reach hospital appointments on the mainland.</p>
<ul><li>Four crossings a day in summer.</li><li>Two crossings a day in winter.</li></ul>
<p>The harbour master said the new pier &amp; waiting room would open in May, and that fares would stay at &pound;12 for a return.</p>
<h2>Comments</h2>
</article>
<aside><h3>Most read</h3><ol><li><a href="/a">Storm closes the coast road</a></li><li><a href="/b">School wins award</a></li></ol></aside>
</main>
<footer><p>&copy; 2025 Example Courier. All rights reserved.</p><p><a href="/terms">Terms</a></p></footer>
</body></html>"#;

#[test]
fn html_main_text_without_furniture() {
    let p = parsed(PAGE, Format::Html);
    assert_eq!(p.article.title.as_deref(), Some("Ferry Service Expanded"));
    assert_eq!(p.article.byline.as_deref(), Some("Jane Roe"));
    assert_eq!(
        p.article.published.as_deref(),
        Some("2025-03-04T09:15:00+01:00")
    );
    let got = kinds_and_texts(&p);
    assert_eq!(
        got,
        vec![
            (BlockKind::Paragraph, P1),
            (BlockKind::Heading, "What Changes"),
            (BlockKind::Paragraph, P2),
            (BlockKind::Paragraph, P3),
            (BlockKind::ListItem, "Four crossings a day in summer."),
            (BlockKind::ListItem, "Two crossings a day in winter."),
            (
                BlockKind::Paragraph,
                "The harbour master said the new pier & waiting room would open in May, and that fares would stay at \u{00A3}12 for a return."
            ),
        ]
    );
    let first = &p.article.blocks[0];
    assert_eq!(first.line, 15, "line of the first <p>");
}

#[test]
fn html_nav_changes_do_not_change_blocks() {
    let other = PAGE
        .replace(">Sport<", ">Weather<")
        .replace("Storm closes the coast road", "Ferry fares frozen");
    assert_eq!(texts(PAGE, Format::Html), texts(&other, Format::Html));
}

#[test]
fn html_without_article_structure_still_yields_text() {
    let html = "<p>Short note one.</p><p>Short note two.</p>";
    assert_eq!(
        texts(html, Format::Html),
        vec!["Short note one.", "Short note two."]
    );
}

#[test]
fn deeply_nested_html_does_not_overflow() {
    let depth = 100_000;
    let html = format!(
        "<html><body>{}<p>{P1}</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let p = parsed(&html, Format::Html);
    assert_eq!(body(&html, Format::Html), vec![P1]);
    assert!(
        p.warnings.iter().any(|w| w.contains("nested")),
        "{:?}",
        p.warnings
    );
    let unclosed = format!("<html><body>{}<p>{P1}", "<span><b>".repeat(depth));
    assert_eq!(body(&unclosed, Format::Html), vec![P1]);
}

#[test]
fn html_page_with_classed_furniture_and_line_breaks() {
    let html = r#"<html><head><title>Bridge Tolls Rise Again - The Daily Example</title></head><body>
<div class="site-header"><ul class="menu"><li>News</li><li>Sport</li></ul></div>
<div class="content"><div class="article-body">
<h1>Bridge Tolls Rise Again</h1>
<div class="byline">By <a href="/a/sam">Sam Poe</a></div>
<time datetime="2025-06-02T07:30:00Z">2 June 2025</time>
<div class="share-bar"><a>Share on Facebook</a> <span>1,024 shares</span></div>
<figure><img src="b.jpg"><figcaption>The bridge at dusk. Photo: Lee Chan / Example Agency</figcaption></figure>
<p>Drivers crossing the river will pay &euro;3.40 from July, up from &euro;2.90, after the bridge authority approved its second increase in two years.</p>
<p>The authority said the money was needed to repair the deck, which engineers described as &ldquo;near the end of its working life&rdquo;.</p>
<div class="ad-slot">Advertisement</div>
<p>Residents of the two towns at either end of the bridge will keep a 50% discount, the authority said.<br>
It will review the tolls again in 2027, when the repairs are due to be finished.</p>
</div>
<div class="comments"><h3>Comments (4)</h3><p>Great article!</p></div></div>
<footer><p>&copy; 2025 The Daily Example</p></footer>
</body></html>"#;
    let p = parsed(html, Format::Html);
    assert_eq!(p.article.title.as_deref(), Some("Bridge Tolls Rise Again"));
    assert_eq!(p.article.byline.as_deref(), Some("Sam Poe"));
    assert_eq!(p.article.published.as_deref(), Some("2025-06-02T07:30:00Z"));
    let got: Vec<(&str, usize)> = p
        .article
        .blocks
        .iter()
        .map(|b| (b.text.as_str(), b.line))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "Drivers crossing the river will pay \u{20AC}3.40 from July, up from \u{20AC}2.90, after the bridge authority approved its second increase in two years.",
                9
            ),
            (
                "The authority said the money was needed to repair the deck, which engineers described as \"near the end of its working life\".",
                10
            ),
            (
                "Residents of the two towns at either end of the bridge will keep a 50% discount, the authority said.",
                12
            ),
            (
                "It will review the tolls again in 2027, when the repairs are due to be finished.",
                13
            ),
        ]
    );
}
