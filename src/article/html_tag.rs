//! Tag-level HTML scanning for [`super::html_walk`]: parsing one start or
//! end tag and its attributes ([`Tag`], [`parse_tag`], [`attr`]), finding
//! the end of a raw-text element, decoding character references, the
//! element vocabulary (blocks, raw text, furniture), and the cheap
//! nesting-depth count ([`max_depth`]) that decides whether a page is safe
//! for dom_smoothie.

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

pub(crate) fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

pub(crate) fn is_void(name: &str) -> bool {
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
pub(crate) struct Tag<'a> {
    pub name: String,
    pub closing: bool,
    pub self_closing: bool,
    pub attrs: &'a str,
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
pub(crate) fn parse_tag(src: &str, lt: usize) -> Option<(Tag<'_>, usize)> {
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
pub(crate) fn find_end_tag(src: &str, from: usize, name: &str) -> usize {
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
pub(crate) fn attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
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

/// Elements whose content is never article text.
pub(crate) const SKIP_ELEMENTS: &[&str] = &[
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
pub(crate) const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "noembed", "noframes", "noscript", "template",
];

/// Elements that start or end a block of text.
pub(crate) const BLOCK_ELEMENTS: &[&str] = &[
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
pub(crate) const FURNITURE_TOKENS: &[&str] = &[
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
pub(crate) const FURNITURE_PHRASES: &[&str] = &[
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

pub(crate) fn furniture_value(v: &str) -> bool {
    let v = v.to_ascii_lowercase();
    FURNITURE_PHRASES.iter().any(|p| v.contains(p))
        || v.split(|c: char| c.is_ascii_whitespace() || c == '-' || c == '_')
            .any(|t| FURNITURE_TOKENS.contains(&t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_is_counted_without_recursion() {
        let deep = "<div>".repeat(100_000) + "x" + &"</div>".repeat(100_000);
        assert_eq!(max_depth(&deep), 100_000);
        assert_eq!(max_depth("<p>a<p>b<br><img src=x><div/></p>"), 0);
    }

    #[test]
    fn attributes_and_tags() {
        let (tag, end) = parse_tag("<DIV class='a b' id=x hidden>rest", 0).expect("tag");
        assert_eq!((tag.name.as_str(), tag.closing, end), ("div", false, 29));
        assert_eq!(attr(tag.attrs, "class"), Some("a b"));
        assert_eq!(attr(tag.attrs, "id"), Some("x"));
        assert_eq!(attr(tag.attrs, "hidden"), Some(""));
        assert_eq!(attr(tag.attrs, "style"), None);
        assert_eq!(find_end_tag("a</SCRIPTx></script>", 0, "script"), 11);
        assert_eq!(decode("&amp; &#8217; &quot;"), "& \u{2019} \"");
    }
}
