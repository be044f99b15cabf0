//! A non-recursive HTML reader ([`walk`]): one pass over the tokens of
//! html5gum (a WHATWG-conformant tokenizer, so malformed markup such as an
//! apostrophe inside a single-quoted attribute, unclosed tags or a stray
//! `<` reads as a browser reads it) that yields text blocks (paragraphs,
//! headings, list items) with their source lines, skips page furniture
//! (nav, header, footer, aside, forms, scripts, hidden elements and elements
//! whose class names say so) and picks up page metadata (`<title>`, first
//! `<h1>`, `<meta>` tags, `<time>`, byline elements). It keeps only
//! counters, never a recursion or an element stack, so any nesting depth
//! costs the same.

use std::borrow::Cow;
use std::collections::BTreeMap;

use html5gum::{DefaultEmitter, HtmlString, Spanned, Token, Tokenizer};

use super::BlockKind;
use super::html_vocab::{
    BLOCK_ELEMENTS, INLINE_ELEMENTS, NOT_RENDERED, SKIP_ELEMENTS, furniture_value, hidden_style,
    is_void, popup_value,
};
use super::line::{clean, ends_break, ends_with_connector, starts_lowercase, strip_list_marker};

/// Marks a `<br>` in the block being collected (a private-use character,
/// never in the source text's meaning).
const LINE_BREAK: char = '\u{E000}';

/// Elements that close themselves implicitly (`<p>`, `<li>`) or wrap the
/// whole page: not counted in [`Walk::max_depth`].
const NOT_COUNTED: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
    "colgroup", "rp", "rt", "html", "head", "body",
];

/// A text block found in the markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HtmlBlock {
    pub kind: BlockKind,
    pub text: String,
    pub line: usize,
}

/// Metadata picked up from the markup.
#[derive(Debug, Clone, Default)]
pub(crate) struct HtmlMeta {
    pub title_tag: Option<String>,
    pub h1: Option<String>,
    pub og_title: Option<String>,
    pub author: Option<String>,
    pub byline_text: Option<String>,
    pub published: Option<String>,
    pub time: Option<String>,
}

/// What the walk yields.
#[derive(Debug, Clone, Default)]
pub(crate) struct Walk {
    pub blocks: Vec<HtmlBlock>,
    pub meta: HtmlMeta,
    /// Deepest element nesting seen (elements that close themselves
    /// implicitly do not count): decides whether the page is safe for a
    /// DOM-building reader.
    pub max_depth: usize,
}

/// Which element's text is being captured for metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Capture {
    H1,
    Byline,
}

type Attrs = BTreeMap<HtmlString, Spanned<HtmlString, usize>>;

/// A start or end tag as the tokenizer gave it.
struct Tag<'t> {
    name: &'t str,
    closing: bool,
    self_closing: bool,
    attrs: Option<&'t Attrs>,
}

impl Tag<'_> {
    /// The (decoded) value of attribute `name`; `Some("")` for a bare one.
    fn attr(&self, name: &str) -> Option<Cow<'_, str>> {
        self.attrs?
            .get(name.as_bytes())
            .map(|v| String::from_utf8_lossy(&v.value))
    }
}

/// What the walk leaves out besides raw text (scripts, styles).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Skip {
    /// Page furniture by element and class name, and hidden elements.
    Furniture,
    /// Only what a reader never sees: hidden elements and hover pop-ups.
    Hidden,
}

/// One-pass HTML reader state.
struct Walker<'a> {
    src: &'a str,
    mode: Skip,
    /// Byte offset up to which newlines have been counted, and the line there.
    pos: usize,
    line: usize,
    /// Inside a skipped element: its name and how many of that name are open.
    skip: Option<(String, usize)>,
    /// Inside `<title>`: its text so far.
    title: Option<String>,
    kind: BlockKind,
    list_depth: usize,
    li_depth: usize,
    depth: usize,
    buf: String,
    buf_line: usize,
    /// Source lines of the `<br>`s in `buf`.
    break_lines: Vec<usize>,
    capture: Option<(Capture, String, usize)>,
    capture_buf: String,
    out: Walk,
}

/// Reads `src`: navigation, other page furniture and hidden elements yield
/// no blocks.
pub(crate) fn walk(src: &str) -> Walk {
    walk_with(src, Skip::Furniture)
}

/// Reads `src`, leaving out what `mode` says.
pub(crate) fn walk_with(src: &str, mode: Skip) -> Walk {
    let mut w = Walker {
        src,
        mode,
        pos: 0,
        line: 1,
        skip: None,
        title: None,
        kind: BlockKind::Paragraph,
        list_depth: 0,
        li_depth: 0,
        depth: 0,
        buf: String::new(),
        buf_line: 1,
        break_lines: Vec::new(),
        capture: None,
        capture_buf: String::new(),
        out: Walk::default(),
    };
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Script, style, title and the like hold raw text up to their end tag,
    // as a browser's tree builder would tell its tokenizer.
    emitter.naively_switch_states(true);
    for token in Tokenizer::new_with_emitter(src, emitter) {
        let Ok(token) = token;
        match token {
            Token::StartTag(t) => {
                w.advance_to(t.span.start);
                let tag = Tag {
                    name: std::str::from_utf8(&t.name).unwrap_or(""),
                    closing: false,
                    self_closing: t.self_closing,
                    attrs: Some(&t.attributes),
                };
                w.tag(&tag);
            }
            Token::EndTag(t) => {
                w.advance_to(t.span.start);
                let tag = Tag {
                    name: std::str::from_utf8(&t.name).unwrap_or(""),
                    closing: true,
                    self_closing: false,
                    attrs: None,
                };
                w.tag(&tag);
            }
            Token::String(s) => {
                w.advance_to(s.span.start);
                w.text(&String::from_utf8_lossy(&s.value));
            }
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    w.flush();
    w.end_capture();
    w.out
}

impl Walker<'_> {
    /// Moves to byte offset `to`, counting newlines passed.
    fn advance_to(&mut self, to: usize) {
        let to = to.min(self.src.len());
        if to > self.pos {
            self.line += self.src.as_bytes()[self.pos..to]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.pos = to;
        }
    }

    fn tag(&mut self, tag: &Tag<'_>) {
        let name = tag.name;
        let opens = !tag.closing && !tag.self_closing && !is_void(name);
        self.count_depth(tag, opens);
        if name == "title" {
            self.title_tag(tag);
            return;
        }
        self.track_capture(tag);
        if !tag.closing {
            self.note_meta(tag);
        }
        if let Some((skip_name, depth)) = self.skip.as_mut() {
            if skip_name == name && !is_void(name) {
                if tag.closing {
                    *depth -= 1;
                    if *depth == 0 {
                        self.skip = None;
                    }
                } else if !tag.self_closing {
                    *depth += 1;
                }
            }
            return;
        }
        // A raw-text element's content follows even after `<script/>`.
        let not_rendered = !tag.closing && NOT_RENDERED.contains(&name);
        if not_rendered || (opens && self.is_furniture(tag)) {
            // An inline element (a hover card's span inside a sentence)
            // leaves its paragraph whole.
            if !INLINE_ELEMENTS.contains(&name) {
                self.flush();
            }
            self.skip = Some((name.to_string(), 1));
            return;
        }
        if name == "br" {
            // A line break inside a block: the block is split there only if
            // the sentence does not run on (see `flush`).
            if !self.buf.trim().is_empty() {
                self.buf.push(LINE_BREAK);
                self.break_lines.push(self.line);
            }
            return;
        }
        if !BLOCK_ELEMENTS.contains(&name) {
            return;
        }
        self.flush();
        let heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
        match (name, tag.closing) {
            ("ul" | "ol", false) if !tag.self_closing => self.list_depth += 1,
            ("ul" | "ol", true) => {
                self.list_depth = self.list_depth.saturating_sub(1);
                self.li_depth = self.li_depth.min(self.list_depth);
            }
            ("li", false) => {
                // An unclosed <li> is closed by the next one.
                self.li_depth = (self.li_depth + 1).min(self.list_depth.max(1));
            }
            ("li", true) => self.li_depth = self.li_depth.saturating_sub(1),
            _ => {}
        }
        self.kind = if heading && !tag.closing {
            BlockKind::Heading
        } else if self.li_depth > 0 {
            BlockKind::ListItem
        } else {
            BlockKind::Paragraph
        };
    }

    fn count_depth(&mut self, tag: &Tag<'_>, opens: bool) {
        if NOT_COUNTED.contains(&tag.name) {
            return;
        }
        if opens {
            self.depth += 1;
            self.out.max_depth = self.out.max_depth.max(self.depth);
        } else if tag.closing && !is_void(tag.name) {
            self.depth = self.depth.saturating_sub(1);
        }
    }

    /// `<title>`: its text (read raw by the tokenizer) is the first title.
    fn title_tag(&mut self, tag: &Tag<'_>) {
        if !tag.closing {
            self.title = Some(String::new());
        } else if let Some(text) = self.title.take() {
            let text = clean(&text);
            if !text.is_empty() && self.out.meta.title_tag.is_none() {
                self.out.meta.title_tag = Some(text);
            }
        }
    }

    fn is_furniture(&self, tag: &Tag<'_>) -> bool {
        if tag.attr("hidden").is_some()
            || tag
                .attr("aria-hidden")
                .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
            || tag.attr("style").is_some_and(|v| hidden_style(&v))
        {
            return true;
        }
        if self.mode == Skip::Hidden {
            return ["class", "id"].iter().any(|a| {
                tag.attr(a)
                    .is_some_and(|v| popup_value(&v.to_ascii_lowercase()))
            });
        }
        if SKIP_ELEMENTS.contains(&tag.name) {
            return true;
        }
        ["class", "id", "role"]
            .iter()
            .any(|a| tag.attr(a).is_some_and(|v| furniture_value(&v)))
    }

    /// Starts or ends capturing the text of the first `<h1>` and of a byline
    /// element, even inside skipped furniture.
    fn track_capture(&mut self, tag: &Tag<'_>) {
        if tag.self_closing || is_void(tag.name) {
            return;
        }
        if let Some((_, name, depth)) = self.capture.as_mut() {
            if *name == tag.name {
                if tag.closing {
                    *depth -= 1;
                    if *depth == 0 {
                        self.end_capture();
                    }
                } else {
                    *depth += 1;
                }
            }
            return;
        }
        if tag.closing {
            return;
        }
        if tag.name == "h1" && self.out.meta.h1.is_none() {
            self.capture = Some((Capture::H1, tag.name.to_string(), 1));
        } else if self.out.meta.byline_text.is_none()
            && ["class", "rel", "itemprop"].iter().any(|a| {
                tag.attr(a).is_some_and(|v| {
                    let v = v.to_ascii_lowercase();
                    v.contains("byline") || v == "author" || v.contains("author-name")
                })
            })
        {
            self.capture = Some((Capture::Byline, tag.name.to_string(), 1));
        }
    }

    fn end_capture(&mut self) {
        if let Some((what, _, _)) = self.capture.take() {
            let text = clean(&self.capture_buf);
            self.capture_buf.clear();
            if text.is_empty() {
                return;
            }
            match what {
                Capture::H1 => self.out.meta.h1 = Some(text),
                Capture::Byline => self.out.meta.byline_text = Some(text),
            }
        }
    }

    /// Reads `<meta>` and `<time>` metadata.
    fn note_meta(&mut self, tag: &Tag<'_>) {
        match tag.name {
            "meta" => {
                let key = tag
                    .attr("property")
                    .or_else(|| tag.attr("name"))
                    .or_else(|| tag.attr("itemprop"))
                    .map(|k| k.to_ascii_lowercase());
                let (Some(key), Some(content)) = (key, tag.attr("content")) else {
                    return;
                };
                let content = clean(&content);
                if content.is_empty() {
                    return;
                }
                let meta = &mut self.out.meta;
                match key.as_str() {
                    "og:title" | "twitter:title" if meta.og_title.is_none() => {
                        meta.og_title = Some(content)
                    }
                    "author" | "article:author" | "byl" | "dc.creator" | "parsely-author"
                        if meta.author.is_none() && !content.starts_with("http") =>
                    {
                        meta.author = Some(content)
                    }
                    "article:published_time"
                    | "datepublished"
                    | "date"
                    | "pubdate"
                    | "publish-date"
                    | "dc.date"
                    | "dc.date.issued"
                    | "parsely-pub-date"
                    | "sailthru.date"
                    | "og:published_time"
                        if meta.published.is_none() =>
                    {
                        meta.published = Some(content)
                    }
                    _ => {}
                }
            }
            "time" if self.out.meta.time.is_none() => {
                if let Some(dt) = tag.attr("datetime") {
                    let dt = clean(&dt);
                    if !dt.is_empty() {
                        self.out.meta.time = Some(dt);
                    }
                }
            }
            _ => {}
        }
    }

    /// Adds decoded text that starts at the current position to the
    /// current block.
    fn text(&mut self, raw: &str) {
        if let Some(title) = self.title.as_mut() {
            title.push_str(raw);
            return;
        }
        if self.capture.is_some() {
            self.capture_buf.push_str(raw);
        }
        if self.skip.is_some() {
            return;
        }
        let starts_part = self.buf.trim().is_empty() || self.buf.ends_with(LINE_BREAK);
        if starts_part && !raw.trim().is_empty() {
            // The line where this block (or its part after a <br>) starts.
            let lead = raw.len() - raw.trim_start().len();
            let line = self.line
                + raw.as_bytes()[..lead]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count();
            match self.break_lines.last_mut() {
                Some(last) if self.buf.ends_with(LINE_BREAK) => *last = line,
                _ => self.buf_line = line,
            }
        }
        if raw.contains(LINE_BREAK) {
            self.buf.push_str(&raw.replace(LINE_BREAK, " "));
        } else {
            self.buf.push_str(raw);
        }
    }

    /// Ends the current block. Parts separated by `<br>` become blocks of
    /// their own unless the sentence runs on across the break.
    fn flush(&mut self) {
        if self.buf.trim().is_empty() {
            self.buf.clear();
            self.break_lines.clear();
            return;
        }
        let mut buf = std::mem::take(&mut self.buf);
        let mut lines = std::mem::take(&mut self.break_lines).into_iter();
        let mut part: Option<(String, usize)> = None;
        let mut line = self.buf_line;
        for (i, piece) in buf.split(LINE_BREAK).enumerate() {
            if i > 0 {
                line = lines.next().unwrap_or(line);
            }
            let text = clean(piece);
            match part.as_mut() {
                Some((prev, _))
                    if !text.is_empty()
                        && !ends_break(prev)
                        && (starts_lowercase(&text) || ends_with_connector(prev)) =>
                {
                    prev.push(' ');
                    prev.push_str(&text);
                }
                _ => {
                    if let Some((done, at)) = part.take() {
                        self.push_block(done, at);
                    }
                    if !text.is_empty() {
                        part = Some((text, line));
                    }
                }
            }
        }
        if let Some((done, at)) = part {
            self.push_block(done, at);
        }
        // Keep the allocation for the next block.
        buf.clear();
        self.buf = buf;
    }

    fn push_block(&mut self, text: String, line: usize) {
        let mut kind = self.kind;
        let mut text = text;
        if kind == BlockKind::Paragraph
            && let Some(rest) = strip_list_marker(&text)
        {
            // "<p>- item</p>": a list written as paragraphs.
            kind = BlockKind::ListItem;
            text = rest.to_string();
        }
        if !text.is_empty() {
            self.out.blocks.push(HtmlBlock { kind, text, line });
        }
    }
}

#[cfg(test)]
mod tests {
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
}
