//! A small, non-recursive HTML reader ([`walk`]): one pass over the markup
//! that yields text blocks (paragraphs, headings, list items) with their
//! source lines, skips page furniture (nav, header, footer, aside, forms,
//! scripts and elements whose class names say so) and picks up page
//! metadata (`<title>`, first `<h1>`, `<meta>` tags, `<time>`, byline
//! elements). It keeps only counters, never a recursion or an element
//! stack, so any nesting depth costs the same.

use super::BlockKind;
use super::html_tag::{
    BLOCK_ELEMENTS, RAW_TEXT, SKIP_ELEMENTS, Tag, attr, decode, find_end_tag, furniture_value,
    is_void, memchr, parse_tag,
};
use super::line::{clean, ends_break, ends_with_connector, starts_lowercase, strip_list_marker};

/// Marks a `<br>` in the block being collected (a private-use character,
/// never in the source text's meaning).
const LINE_BREAK: char = '\u{E000}';

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
}

/// Which element's text is being captured for metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Capture {
    H1,
    Byline,
}

/// One-pass HTML reader state.
struct Walker<'a> {
    src: &'a str,
    pos: usize,
    line: usize,
    skip_furniture: bool,
    /// Inside a skipped element: its name and how many of that name are open.
    skip: Option<(String, usize)>,
    kind: BlockKind,
    list_depth: usize,
    li_depth: usize,
    buf: String,
    buf_line: usize,
    /// Source lines of the `<br>`s in `buf`.
    break_lines: Vec<usize>,
    capture: Option<(Capture, String, usize)>,
    capture_buf: String,
    out: Walk,
}

/// Reads `src`; with `skip_furniture`, navigation and other page furniture
/// yield no blocks.
pub(crate) fn walk(src: &str, skip_furniture: bool) -> Walk {
    let mut w = Walker {
        src,
        pos: 0,
        line: 1,
        skip_furniture,
        skip: None,
        kind: BlockKind::Paragraph,
        list_depth: 0,
        li_depth: 0,
        buf: String::new(),
        buf_line: 1,
        break_lines: Vec::new(),
        capture: None,
        capture_buf: String::new(),
        out: Walk::default(),
    };
    w.run();
    w.out
}

impl Walker<'_> {
    fn run(&mut self) {
        let bytes = self.src.as_bytes();
        while self.pos < bytes.len() {
            let Some(off) = memchr(b'<', &bytes[self.pos..]) else {
                let end = bytes.len();
                self.text(self.pos, end);
                self.advance_to(end);
                break;
            };
            let lt = self.pos + off;
            if lt > self.pos {
                self.text(self.pos, lt);
                self.advance_to(lt);
            }
            self.markup(lt);
        }
        self.flush();
        self.end_capture();
    }

    /// Moves to `to`, counting newlines passed.
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

    /// Handles markup at `lt` (a `<`): comment, declaration or tag.
    fn markup(&mut self, lt: usize) {
        let rest = &self.src[lt..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            let end = comment
                .find("-->")
                .map_or(self.src.len(), |e| lt + 4 + e + 3);
            self.advance_to(end);
            return;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            let end = rest.find('>').map_or(self.src.len(), |e| lt + e + 1);
            self.advance_to(end);
            return;
        }
        let Some((tag, end)) = parse_tag(self.src, lt) else {
            // A lone "<" is text.
            self.text(lt, lt + 1);
            self.advance_to(lt + 1);
            return;
        };
        self.advance_to(end);
        if !tag.closing && RAW_TEXT.contains(&tag.name.as_str()) {
            self.raw_text(&tag);
            return;
        }
        self.tag(&tag);
    }

    /// Skips (or, for `<title>`, reads) a raw-text element's content.
    fn raw_text(&mut self, tag: &Tag<'_>) {
        let close = find_end_tag(self.src, self.pos, &tag.name);
        if tag.name == "title" && self.out.meta.title_tag.is_none() {
            let text = clean(&decode(&self.src[self.pos..close]));
            if !text.is_empty() {
                self.out.meta.title_tag = Some(text);
            }
        }
        let after = self.src[close..]
            .find('>')
            .map_or(self.src.len(), |e| close + e + 1);
        self.advance_to(after);
    }

    fn tag(&mut self, tag: &Tag<'_>) {
        let name = tag.name.as_str();
        self.track_capture(tag);
        if !tag.closing {
            self.note_meta(tag);
        }
        if let Some((skip_name, depth)) = self.skip.as_mut() {
            if skip_name == name && !tag.self_closing && !is_void(name) {
                if tag.closing {
                    *depth -= 1;
                    if *depth == 0 {
                        self.skip = None;
                    }
                } else {
                    *depth += 1;
                }
            }
            return;
        }
        if !tag.closing
            && !tag.self_closing
            && !is_void(name)
            && self.skip_furniture
            && self.is_furniture(tag)
        {
            self.flush();
            self.skip = Some((tag.name.clone(), 1));
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

    fn is_furniture(&self, tag: &Tag<'_>) -> bool {
        if SKIP_ELEMENTS.contains(&tag.name.as_str()) {
            return true;
        }
        if attr(tag.attrs, "hidden").is_some()
            || attr(tag.attrs, "aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true"))
        {
            return true;
        }
        ["class", "id", "role"]
            .iter()
            .any(|a| attr(tag.attrs, a).is_some_and(furniture_value))
    }

    /// Starts or ends capturing the text of the first `<h1>` and of a byline
    /// element, even inside skipped furniture.
    fn track_capture(&mut self, tag: &Tag<'_>) {
        if tag.self_closing || is_void(&tag.name) {
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
            self.capture = Some((Capture::H1, tag.name.clone(), 1));
        } else if self.out.meta.byline_text.is_none()
            && ["class", "rel", "itemprop"].iter().any(|a| {
                attr(tag.attrs, a).is_some_and(|v| {
                    let v = v.to_ascii_lowercase();
                    v.contains("byline") || v == "author" || v.contains("author-name")
                })
            })
        {
            self.capture = Some((Capture::Byline, tag.name.clone(), 1));
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
        let meta = &mut self.out.meta;
        match tag.name.as_str() {
            "meta" => {
                let key = attr(tag.attrs, "property")
                    .or_else(|| attr(tag.attrs, "name"))
                    .or_else(|| attr(tag.attrs, "itemprop"))
                    .map(|k| k.to_ascii_lowercase());
                let (Some(key), Some(content)) = (key, attr(tag.attrs, "content")) else {
                    return;
                };
                let content = clean(&decode(content));
                if content.is_empty() {
                    return;
                }
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
            "time" if meta.time.is_none() => {
                if let Some(dt) = attr(tag.attrs, "datetime") {
                    let dt = clean(dt);
                    if !dt.is_empty() {
                        meta.time = Some(dt);
                    }
                }
            }
            _ => {}
        }
    }

    /// Adds text from `src[from..to]` to the current block.
    fn text(&mut self, from: usize, to: usize) {
        let raw = &self.src[from..to];
        if self.capture.is_some() {
            self.capture_buf.push_str(&decode(raw));
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
        let decoded = decode(raw);
        if decoded.contains(LINE_BREAK) {
            self.buf.push_str(&decoded.replace(LINE_BREAK, " "));
        } else {
            self.buf.push_str(&decoded);
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
        let w = walk(html, true);
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
        let w = walk(html, true);
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
        let got: Vec<(String, usize)> = walk(html, true)
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
            let _ = walk(s, true);
            let _ = super::super::html_tag::max_depth(s);
        }
        assert_eq!(walk("a < b", true).blocks[0].text, "a < b");
    }
}
