//! The HTML element vocabulary the walker ([`super::html_walk`]) reads
//! markup with: void elements, blocks, elements that are never article text,
//! and the class/id/role words and inline styles that mark page furniture or
//! hidden content.

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

/// Elements whose content is never rendered as page text (scripts, styles,
/// templates, form fields' raw text, fallbacks for old browsers); skipped
/// whatever the page's furniture rules say.
pub(crate) const NOT_RENDERED: &[&str] = &[
    "script",
    "style",
    "textarea",
    "xmp",
    "noembed",
    "noframes",
    "noscript",
    "template",
    "plaintext",
];

/// Elements that sit inside a line of text: skipping one (a hover card, a
/// tooltip) does not end the paragraph around it.
pub(crate) const INLINE_ELEMENTS: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
    "button", "label", "select", "output", "img", "svg", "math", "canvas", "picture", "object",
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
    "bio",
    "disclaimer",
    "disclosure",
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
    if FURNITURE_PHRASES.iter().any(|p| v.contains(p)) {
        return true;
    }
    let tokens = || v.split(|c: char| c.is_ascii_whitespace() || c == '-' || c == '_');
    if tokens().any(|t| FURNITURE_TOKENS.contains(&t)) {
        return true;
    }
    popup_value(&v)
}

/// True for a class, id or role value (lower-case) naming a pop-up shown
/// on hover: a tooltip, a popover, the panel of a hover card
/// ("rollover-people-block", "hover-card"), but not the link it hangs on
/// ("rollover-people").
pub(crate) fn popup_value(v: &str) -> bool {
    let tokens = || v.split(|c: char| c.is_ascii_whitespace() || c == '-' || c == '_');
    tokens().any(|t| POPUP_TOKENS.contains(&t))
        || (tokens().any(|t| HOVER_TOKENS.contains(&t))
            && tokens().any(|t| PANEL_TOKENS.contains(&t)))
}

/// Words that name a pop-up on their own.
const POPUP_TOKENS: &[&str] = &["tooltip", "popover", "hovercard"];

/// Words that name something shown on hover; with a [`PANEL_TOKENS`] word
/// they mark a pop-up panel.
const HOVER_TOKENS: &[&str] = &["hover", "rollover", "mouseover", "flyout"];
const PANEL_TOKENS: &[&str] = &["block", "card", "panel", "box", "content", "body", "inner"];

/// True for an inline style that hides its element (`display: none`,
/// `visibility: hidden`): such text is not on the page a reader sees.
pub(crate) fn hidden_style(style: &str) -> bool {
    let folded: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    folded.split(';').any(|decl| {
        let decl = decl.trim_end_matches("!important");
        decl == "display:none" || decl == "visibility:hidden"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_words_are_whole_tokens() {
        assert!(furniture_value("article-share-tools"));
        assert!(furniture_value("Related_Posts"));
        assert!(!furniture_value("commentary-body"));
        assert!(!furniture_value("story-text"));
        assert!(furniture_value("rollover-people-block"));
        assert!(furniture_value("tooltip"));
        assert!(!furniture_value("rollover-people"));
        assert!(!furniture_value("content-block"));
    }

    #[test]
    fn inline_styles_that_hide() {
        assert!(hidden_style("display:none"));
        assert!(hidden_style("color: red; DISPLAY : None !important"));
        assert!(hidden_style("visibility: hidden"));
        assert!(!hidden_style("display: block"));
        assert!(!hidden_style("font-size: 12px"));
    }
}
