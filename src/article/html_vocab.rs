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
/// words, split at `-`, `_` and camelCase steps, so "commentary" is not
/// "comment" but "postComments" is).
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
    // A call-to-action box (subscribe, join, buy): "nrplus-cta", "cta-box".
    "cta",
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
    let lower = v.to_ascii_lowercase();
    if FURNITURE_PHRASES.iter().any(|p| lower.contains(p)) {
        return true;
    }
    // A wrapper of something embedded in the story ("social-media-embed",
    // "embed-twitter") holds a post the article quotes, not share buttons.
    let embed = class_words(v).any(|t| is_word_of(t, EMBED_TOKENS));
    if class_words(v)
        .any(|t| is_word_of(t, FURNITURE_TOKENS) && !(embed && is_word_of(t, EMBED_OVERRIDES)))
    {
        return true;
    }
    popup_value(&lower)
}

/// Words that name an embed wrapper.
const EMBED_TOKENS: &[&str] = &["embed", "embedded", "oembed", "tweet"];

/// Furniture words an embed wrapper's name overrides.
const EMBED_OVERRIDES: &[&str] = &["social", "widget"];

/// True for the class of an embedded social post's `<blockquote>`
/// (Twitter/X, Instagram, TikTok, Bluesky, Threads, Mastodon): the post's
/// text and its signature line are the words of the account it names.
pub(crate) fn embedded_post_value(v: &str) -> bool {
    v.split_ascii_whitespace().any(|c| {
        matches!(
            c.to_ascii_lowercase().as_str(),
            "twitter-tweet"
                | "instagram-media"
                | "tiktok-embed"
                | "bluesky-embed"
                | "text-post-media"
                | "mastodon-embed"
        )
    })
}

/// True for a class, id or role value naming an author box (the writer's
/// name, photo and bio under the story). Only asked of block elements: an
/// inline `<span class="author">` is a name inside a sentence.
pub(crate) fn author_box_value(v: &str) -> bool {
    class_words(v).any(|t| is_word_of(t, AUTHOR_BOX_TOKENS))
}

/// Words that mark an author box on a block element.
const AUTHOR_BOX_TOKENS: &[&str] = &["author", "authors"];

/// True for a class, id or role value naming a photo caption or credit:
/// left out even when the page's other furniture names are no guide (a
/// caption wrapper only ever holds a picture and its words).
pub(crate) fn caption_value(v: &str) -> bool {
    class_words(v).any(|t| is_word_of(t, CAPTION_TOKENS))
}

const CAPTION_TOKENS: &[&str] = &["caption", "credit", "figcaption"];

/// The words of a class, id or role value: split at spaces, `-` and `_`,
/// and inside camelCase names at each lower-to-upper step
/// ("imageEmbedCaption" is image, Embed, Caption), so a furniture word
/// counts however the page's naming convention joins it.
fn class_words(v: &str) -> impl Iterator<Item = &str> {
    v.split(|c: char| c.is_ascii_whitespace() || c == '-' || c == '_')
        .flat_map(camel_words)
        .filter(|w| !w.is_empty())
}

/// "imageEmbedCaption" → "image", "Embed", "Caption"; a word without a
/// lower-to-upper step comes back whole.
fn camel_words(word: &str) -> impl Iterator<Item = &str> {
    let b = word.as_bytes();
    let mut start = 0;
    let mut at = 1;
    std::iter::from_fn(move || {
        if start >= b.len() {
            return None;
        }
        while at < b.len() {
            let step = b[at - 1].is_ascii_lowercase() && b[at].is_ascii_uppercase();
            at += 1;
            if step {
                let w = &word[start..at - 1];
                start = at - 1;
                return Some(w);
            }
        }
        let w = &word[start..];
        start = b.len();
        Some(w)
    })
}

/// `word` (any case) is one of `list` (lower-case).
fn is_word_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|t| t.eq_ignore_ascii_case(word))
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
        // An embed wrapper is the story's, even when named "social".
        assert!(!furniture_value("social-media-embed"));
        assert!(furniture_value("social-links"));
        assert!(furniture_value("embed-ad"));
        assert!(embedded_post_value("twitter-tweet tw-align-center"));
        assert!(!embedded_post_value("pull-quote"));
        assert!(furniture_value("Related_Posts"));
        assert!(!furniture_value("commentary-body"));
        assert!(!furniture_value("story-text"));
        assert!(furniture_value("rollover-people-block"));
        assert!(furniture_value("tooltip"));
        assert!(!furniture_value("rollover-people"));
        assert!(!furniture_value("content-block"));
    }

    #[test]
    fn camel_case_class_names_are_split_into_words() {
        assert!(furniture_value("InlineImage-imageEmbedCaption"));
        assert!(furniture_value("postComments"));
        assert!(furniture_value("ShareBar"));
        assert!(!furniture_value("ArticleBody-articleBody"));
        assert!(!furniture_value("headlineText"));
        assert!(!furniture_value("commentaryBody"));
        assert_eq!(
            camel_words("imageEmbedCaption").collect::<Vec<_>>(),
            ["image", "Embed", "Caption"]
        );
        assert_eq!(camel_words("HTMLBody").collect::<Vec<_>>(), ["HTMLBody"]);
    }

    #[test]
    fn call_to_action_boxes_are_furniture() {
        assert!(furniture_value("membership-cta-wrap"));
        assert!(furniture_value("ctaBox"));
        assert!(!furniture_value("octane"));
    }

    #[test]
    fn author_boxes_and_captions_by_name() {
        assert!(author_box_value("post-author"));
        assert!(author_box_value("authorBio"));
        assert!(!author_box_value("authority-report"));
        assert!(caption_value("wp-caption-text"));
        assert!(caption_value("imageCredit"));
        assert!(!caption_value("story-body"));
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
