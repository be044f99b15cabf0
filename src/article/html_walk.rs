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
    BLOCK_ELEMENTS, INLINE_ELEMENTS, NOT_RENDERED, SKIP_ELEMENTS, author_box_value, caption_value,
    embedded_post_value, furniture_value, hidden_style, is_void, popup_value,
};
use super::line::{clean, ends_break, ends_with_connector, starts_lowercase, strip_list_marker};
use links::Linked;

/// Marks a `<br>` in the block being collected (a private-use character,
/// never in the source text's meaning).
const LINE_BREAK: char = '\u{E000}';

/// Elements that close themselves implicitly (`<p>`, `<li>`) or wrap the
/// whole page: not counted in [`Walk::max_depth`].
const NOT_COUNTED: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
    "colgroup", "rp", "rt", "html", "head", "body",
];

/// Elements that hold the whole page or its main part: never furniture by
/// their class names.
const PAGE_CONTAINERS: &[&str] = &["html", "body", "main"];

/// A text block found in the markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HtmlBlock {
    pub kind: BlockKind,
    pub text: String,
    pub line: usize,
    /// Inside an embedded social post (see [`embedded_post_value`]).
    pub post: bool,
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
    /// Byte offset of the tag in the source.
    at: usize,
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
    /// `<blockquote>`s open since an embedded post's own one (0: outside).
    post_depth: usize,
    list_depth: usize,
    li_depth: usize,
    depth: usize,
    buf: String,
    buf_line: usize,
    /// Source lines of the `<br>`s in `buf`.
    break_lines: Vec<usize>,
    /// Inside an `<a href>`, and the byte ranges of `buf` written there.
    in_link: bool,
    link_spans: Vec<(usize, usize)>,
    capture: Option<(Capture, String, usize)>,
    capture_buf: String,
    /// Offsets of elements named like furniture that are read all the same
    /// (they wrap the page's main text; see [`walk_unwrapped`]).
    exempt: &'a [usize],
    /// Elements skipped for their names: offset and words inside; the
    /// index of the one being skipped; words a reader sees in all.
    named_skips: Vec<(usize, usize)>,
    named_skip: Option<usize>,
    /// Counted only for [`walk_unwrapped`], which needs the figures.
    words: Option<usize>,
    out: Walk,
}

/// Reads `src`: navigation, other page furniture and hidden elements yield
/// no blocks.
pub(crate) fn walk(src: &str) -> Walk {
    walk_with(src, Skip::Furniture)
}

/// Reads `src`, leaving out what `mode` says.
pub(crate) fn walk_with(src: &str, mode: Skip) -> Walk {
    walk_once(src, mode, &[], false).0
}

/// Most wrappers named like furniture read through by [`walk_unwrapped`]
/// (one per level of nesting: two siblings cannot both hold most words).
const MAX_UNWRAPPED: usize = 4;

/// Reads `src` leaving out furniture, except an element named like
/// furniture that holds most of the page's words ("container
/// has_sidebar", a form around the whole page): that is the page's
/// wrapper, so it is read, and the furniture inside it still left out.
pub(crate) fn walk_unwrapped(src: &str) -> Walk {
    let mut exempt: Vec<usize> = Vec::new();
    loop {
        let (walk, named, words) = walk_once(src, Skip::Furniture, &exempt, true);
        let before = exempt.len();
        exempt.extend(
            named
                .iter()
                .filter(|&&(_, inside)| inside * 2 > words)
                .map(|&(at, _)| at),
        );
        if exempt.len() == before || exempt.len() > MAX_UNWRAPPED {
            return walk;
        }
    }
}

/// One pass over `src`; with `count`, also gives the elements skipped for
/// their names (offset, words inside) and the words a reader sees in all.
fn walk_once(
    src: &str,
    mode: Skip,
    exempt: &[usize],
    count: bool,
) -> (Walk, Vec<(usize, usize)>, usize) {
    let mut w = Walker {
        src,
        mode,
        pos: 0,
        line: 1,
        skip: None,
        title: None,
        kind: BlockKind::Paragraph,
        post_depth: 0,
        list_depth: 0,
        li_depth: 0,
        depth: 0,
        buf: String::new(),
        buf_line: 1,
        break_lines: Vec::new(),
        in_link: false,
        link_spans: Vec::new(),
        capture: None,
        capture_buf: String::new(),
        exempt,
        named_skips: Vec::new(),
        named_skip: None,
        words: count.then_some(0),
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
                    at: t.span.start,
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
                    at: t.span.start,
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
    (w.out, w.named_skips, w.words.unwrap_or(0))
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
                        self.named_skip = None;
                    }
                } else if !tag.self_closing {
                    *depth += 1;
                }
            }
            return;
        }
        // A raw-text element's content follows even after `<script/>`.
        let not_rendered = !tag.closing && NOT_RENDERED.contains(&name);
        let hidden = opens && self.is_hidden(tag);
        let named = opens && !hidden && !self.exempt.contains(&tag.at) && self.is_furniture(tag);
        if not_rendered || hidden || named {
            // An inline element (a hover card's span inside a sentence)
            // leaves its paragraph whole.
            if !INLINE_ELEMENTS.contains(&name) {
                self.flush();
            }
            self.skip = Some((name.to_string(), 1));
            if named && !not_rendered && self.words.is_some() {
                self.named_skip = Some(self.named_skips.len());
                self.named_skips.push((tag.at, 0));
            }
            return;
        }
        if name == "a" {
            // A new `<a>` closes an open one, as in a browser.
            self.in_link = !tag.closing && tag.attr("href").is_some();
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
        if name == "blockquote" {
            if tag.closing {
                self.post_depth = self.post_depth.saturating_sub(1);
            } else if self.post_depth > 0
                || tag.attr("class").is_some_and(|v| embedded_post_value(&v))
            {
                self.post_depth += 1;
            }
        }
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

    /// Hidden by the page: no reader sees it, whatever it wraps.
    fn is_hidden(&self, tag: &Tag<'_>) -> bool {
        tag.attr("hidden").is_some()
            || tag
                .attr("aria-hidden")
                .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
            || tag.attr("style").is_some_and(|v| hidden_style(&v))
    }

    /// Furniture by element or class name (in `Skip::Hidden` mode, only
    /// pop-ups and captions).
    fn is_furniture(&self, tag: &Tag<'_>) -> bool {
        // The page's own containers: their classes name the page type or
        // layout ("single-post has-sidebar", "header-spacing"), never a
        // piece of furniture, and skipping them skips the whole page.
        if PAGE_CONTAINERS.contains(&tag.name) {
            return false;
        }
        if self.mode == Skip::Hidden {
            // Captions stay out too: their wrappers hold only a picture
            // and its words, never the article.
            return matches!(tag.name, "figure" | "figcaption")
                || ["class", "id"].iter().any(|a| {
                    tag.attr(a)
                        .is_some_and(|v| popup_value(&v.to_ascii_lowercase()) || caption_value(&v))
                });
        }
        if SKIP_ELEMENTS.contains(&tag.name) {
            return true;
        }
        let block = !INLINE_ELEMENTS.contains(&tag.name);
        ["class", "id", "role"].iter().any(|a| {
            tag.attr(a)
                .is_some_and(|v| furniture_value(&v) || (block && author_box_value(&v)))
        })
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
        if let Some(words) = self.words.as_mut() {
            // Words inside a skipped element count only when skipped for
            // its name (scripts and hidden text are not on the page).
            let seen = self.skip.is_none() || self.named_skip.is_some();
            if seen {
                let n = raw.split_whitespace().count();
                *words += n;
                if let Some(i) = self.named_skip {
                    self.named_skips[i].1 += n;
                }
            }
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
        let from = self.buf.len();
        if raw.contains(LINE_BREAK) {
            self.buf.push_str(&raw.replace(LINE_BREAK, " "));
        } else {
            self.buf.push_str(raw);
        }
        if self.in_link {
            match self.link_spans.last_mut() {
                Some(last) if last.1 == from => last.1 = self.buf.len(),
                _ => self.link_spans.push((from, self.buf.len())),
            }
        }
    }

    /// Ends the current block. Parts separated by `<br>` become blocks of
    /// their own unless the sentence runs on across the break.
    fn flush(&mut self) {
        let spans = std::mem::take(&mut self.link_spans);
        if self.buf.trim().is_empty() {
            self.buf.clear();
            self.break_lines.clear();
            self.link_spans = spans;
            self.link_spans.clear();
            return;
        }
        let mut buf = std::mem::take(&mut self.buf);
        let mut lines = std::mem::take(&mut self.break_lines).into_iter();
        let mut part: Option<(String, usize, Linked)> = None;
        let mut line = self.buf_line;
        let mut offset = 0;
        for (i, piece) in buf.split(LINE_BREAK).enumerate() {
            if i > 0 {
                line = lines.next().unwrap_or(line);
            }
            let linked = Linked::of(piece, offset, &spans);
            offset += piece.len() + LINE_BREAK.len_utf8();
            let text = clean(piece);
            match part.as_mut() {
                Some((prev, _, prev_linked))
                    if !text.is_empty()
                        && !ends_break(prev)
                        && (starts_lowercase(&text) || ends_with_connector(prev)) =>
                {
                    prev.push(' ');
                    prev.push_str(&text);
                    prev_linked.add(linked);
                }
                _ => {
                    if let Some((done, at, done_linked)) = part.take() {
                        self.push_block(done, at, done_linked);
                    }
                    if !text.is_empty() {
                        part = Some((text, line, linked));
                    }
                }
            }
        }
        if let Some((done, at, done_linked)) = part {
            self.push_block(done, at, done_linked);
        }
        // Keep the allocations for the next block.
        buf.clear();
        self.buf = buf;
        self.link_spans = spans;
        self.link_spans.clear();
    }

    fn push_block(&mut self, text: String, line: usize, linked: Linked) {
        // A paragraph or item that is one link from end to end is a
        // teaser or a promo pointing elsewhere ("Get our app for …"), not
        // the article's own words. Headings stay: a post title is often a
        // link to itself.
        if self.kind != BlockKind::Heading && linked.is_whole() {
            return;
        }
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
            self.out.blocks.push(HtmlBlock {
                kind,
                text,
                line,
                post: self.post_depth > 0,
            });
        }
    }
}

mod links;
mod meta;

#[cfg(test)]
mod tests;
