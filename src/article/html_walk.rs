//! A small, non-recursive HTML reader ([`walk`]): one pass over the markup
//! that yields text blocks (paragraphs, headings, list items) with their
//! source lines, skips page furniture (nav, header, footer, aside, forms,
//! scripts and elements whose class names say so) and picks up page
//! metadata (`<title>`, first `<h1>`, `<meta>` tags, `<time>`, byline
//! elements). It keeps only counters, never a recursion or an element
//! stack, so any nesting depth costs the same.

use super::BlockKind;
use super::line::{clean, strip_list_marker};

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

/// Elements whose content is never article text.
const SKIP_ELEMENTS: &[&str] = &[
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "figure",
    "figcaption",
    "iframe",
    "svg",
    "math",
    "canvas",
    "object",
    "video",
    "audio",
    "menu",
    "dialog",
    "label",
    "option",
    "datalist",
    "map",
    "picture",
];

/// Elements whose content is raw text, read up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "noembed", "noframes", "noscript", "template",
];

/// Elements that start or end a block of text.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "dl",
    "dd",
    "dt",
    "ul",
    "ol",
    "li",
    "br",
    "hr",
    "body",
    "html",
    "center",
    "address",
    "details",
    "summary",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hgroup",
    "fieldset",
    "legend",
];

/// Words in class, id or role values that mark furniture (matched as whole
/// `-`/`_`-separated tokens, so "commentary" is not "comment").
const FURNITURE_TOKENS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "header",
    "footer",
    "sidebar",
    "share",
    "sharing",
    "social",
    "related",
    "comment",
    "comments",
    "newsletter",
    "cookie",
    "cookies",
    "consent",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "promo",
    "sponsored",
    "sponsor",
    "trending",
    "popular",
    "subscribe",
    "subscription",
    "signup",
    "masthead",
    "toolbar",
    "widget",
    "outbrain",
    "taboola",
    "recirc",
    "recirculation",
    "caption",
    "credit",
    "banner",
    "complementary",
    "contentinfo",
    "dialog",
    "modal",
    "popup",
    "paywall",
];

/// Compound class names that mark furniture.
const FURNITURE_PHRASES: &[&str] = &[
    "most-read",
    "mostread",
    "most_read",
    "sr-only",
    "visually-hidden",
    "skip-link",
    "screen-reader",
    "read-more",
    "readmore",
];

fn furniture_value(v: &str) -> bool {
    let v = v.to_ascii_lowercase();
    FURNITURE_PHRASES.iter().any(|p| v.contains(p))
        || v.split(|c: char| c.is_ascii_whitespace() || c == '-' || c == '_')
            .any(|t| FURNITURE_TOKENS.contains(&t))
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
        capture: None,
        capture_buf: String::new(),
        out: Walk::default(),
    };
    w.run();
    w.out
}

/// Deepest element nesting, counted cheaply from the tags (elements that
/// close themselves implicitly, like `<p>` and `<li>`, do not count).
pub(crate) fn max_depth(src: &str) -> usize {
    const NOT_COUNTED: &[&str] = &[
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
        "colgroup", "rp", "rt", "html", "head", "body",
    ];
    let bytes = src.as_bytes();
    let mut depth = 0usize;
    let mut max = 0usize;
    let mut i = 0;
    while let Some(off) = memchr(b'<', &bytes[i..]) {
        i += off + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let start = if closing { i + 1 } else { i };
        let end = start
            + bytes[start..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
        if end == start {
            continue;
        }
        let name = src[start..end].to_ascii_lowercase();
        if is_void(&name) || NOT_COUNTED.contains(&name.as_str()) {
            continue;
        }
        let Some(gt) = memchr(b'>', &bytes[end..]) else {
            break;
        };
        let self_closing = gt > 0 && bytes[end + gt - 1] == b'/';
        i = end + gt + 1;
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closing {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
    )
}

/// A parsed start or end tag.
struct Tag<'a> {
    name: String,
    closing: bool,
    self_closing: bool,
    attrs: &'a str,
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
        if self.buf.trim().is_empty() {
            let lead = raw.len() - raw.trim_start().len();
            self.buf_line = self.line
                + raw.as_bytes()[..lead]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count();
        }
        self.buf.push_str(&decode(raw));
    }

    /// Ends the current block.
    fn flush(&mut self) {
        if self.buf.trim().is_empty() {
            self.buf.clear();
            return;
        }
        let mut kind = self.kind;
        let mut text = clean(&self.buf);
        if kind == BlockKind::Paragraph
            && let Some(rest) = strip_list_marker(self.buf.trim_start())
        {
            // "<p>- item</p>": a list written as paragraphs.
            kind = BlockKind::ListItem;
            text = clean(rest);
        }
        self.buf.clear();
        if !text.is_empty() {
            self.out.blocks.push(HtmlBlock {
                kind,
                text,
                line: self.buf_line,
            });
        }
    }
}

/// Decodes character references ("&amp;", "&#8217;").
pub(crate) fn decode(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains('&') {
        html_escape::decode_html_entities(s)
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Parses the tag starting at `lt`; returns it and the index after `>`.
fn parse_tag(src: &str, lt: usize) -> Option<(Tag<'_>, usize)> {
    let bytes = src.as_bytes();
    let mut i = lt + 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    if !bytes.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    while i < bytes.len()
        && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-' || bytes[i] == b':')
    {
        i += 1;
    }
    let name = src[name_start..i].to_ascii_lowercase();
    let attrs_start = i;
    // Find '>' outside quoted attribute values.
    let mut quote: Option<u8> = None;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => break,
            None => {}
        }
        i += 1;
    }
    if i >= bytes.len() {
        // Unterminated tag: the rest of the document is its attributes.
        return Some((
            Tag {
                name,
                closing,
                self_closing: false,
                attrs: &src[attrs_start..],
            },
            bytes.len(),
        ));
    }
    let attrs = &src[attrs_start..i];
    let self_closing = attrs.trim_end().ends_with('/');
    Some((
        Tag {
            name,
            closing,
            self_closing,
            attrs,
        },
        i + 1,
    ))
}

/// Index of the `</name` that ends a raw-text element (or the end).
fn find_end_tag(src: &str, from: usize, name: &str) -> usize {
    let bytes = src.as_bytes();
    let mut i = from;
    while let Some(off) = memchr(b'<', &bytes[i..]) {
        let at = i + off;
        let after = at + 2 + name.len();
        if bytes.get(at + 1) == Some(&b'/')
            && after <= bytes.len()
            && bytes[at + 2..after].eq_ignore_ascii_case(name.as_bytes())
            && bytes.get(after).is_none_or(|b| !b.is_ascii_alphanumeric())
        {
            return at;
        }
        i = at + 1;
    }
    src.len()
}

/// The value of attribute `name` in a tag's attribute text.
fn attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let bytes = attrs.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < bytes.len()
            && !bytes[i].is_ascii_whitespace()
            && bytes[i] != b'='
            && bytes[i] != b'/'
        {
            i += 1;
        }
        if i == start {
            i += 1;
            continue;
        }
        let key = &attrs[start..i];
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            match bytes.get(i) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let vstart = i + 1;
                    let vend = memchr(q, &bytes[vstart..]).map_or(bytes.len(), |e| vstart + e);
                    value = &attrs[vstart..vend];
                    i = vend + 1;
                }
                Some(_) => {
                    let vstart = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    value = &attrs[vstart..i];
                }
                None => {}
            }
        }
        if key.eq_ignore_ascii_case(name) {
            return Some(value);
        }
    }
    None
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
    fn depth_is_counted_without_recursion() {
        let deep = "<div>".repeat(100_000) + "x" + &"</div>".repeat(100_000);
        assert_eq!(max_depth(&deep), 100_000);
        assert_eq!(max_depth("<p>a<p>b<br><img src=x><div/></p>"), 0);
        let w = walk(&deep, true);
        assert_eq!(w.blocks.len(), 1);
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
            let _ = max_depth(s);
        }
        assert_eq!(walk("a < b", true).blocks[0].text, "a < b");
    }
}
