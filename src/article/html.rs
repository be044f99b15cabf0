//! HTML reading ([`read`]): the main text comes from dom_smoothie (a
//! Readability port); its blocks are located in the source for their line
//! numbers. Deeply nested documents, and pages dom_smoothie cannot read,
//! go through the non-recursive walker in [`super::html_walk`] (over the
//! html5gum tokenizer) instead.

use std::collections::{HashMap, HashSet};

use super::BlockKind;
use super::boilerplate::sections::drop_trailing_sections;
use super::html_walk::{HtmlBlock, HtmlMeta, Skip, Walk, walk, walk_unwrapped, walk_with};
use super::line::{Unit, clean, word_count};
use super::metadata::{Meta, clean_title, is_site_name, normalise_date, parse_byline};

/// Nesting beyond this goes to the simple walker: dom_smoothie and its DOM
/// are not built for it, and real articles never come close.
pub(crate) const MAX_DEPTH: usize = 256;

/// Reads an HTML article into units and metadata; warnings about the
/// fallback go to `warnings`.
pub(crate) fn read(text: &str, warnings: &mut Vec<String>) -> (Vec<Unit>, Meta) {
    let source = walk(text);
    let depth = source.max_depth;
    let mut extra = ExtraMeta::default();
    let blocks = if depth > MAX_DEPTH {
        warnings.push(format!(
            "HTML nested {depth} levels deep: read with the simple tag stripper"
        ));
        source.blocks.clone()
    } else {
        match readability(text) {
            Some((content, meta)) => {
                extra = meta;
                let main = walk(&content).blocks;
                if main.iter().any(|b| b.kind != BlockKind::Heading) {
                    // Checked against the page without its furniture, or
                    // (when that left out most of the article) without the
                    // furniture inside a wrapper named like furniture, or
                    // else without only what no reader sees.
                    locate(&main, &source.blocks, false)
                        .or_else(|| locate(&main, &walk_unwrapped(text).blocks, false))
                        .or_else(|| locate(&main, &walk_with(text, Skip::Hidden).blocks, false))
                        .unwrap_or_else(|| locate(&main, &source.blocks, true).unwrap_or(main))
                } else {
                    source.blocks.clone()
                }
            }
            None => source.blocks.clone(),
        }
    };
    let mut seen: HashSet<&str> = HashSet::new();
    let mut units: Vec<Unit> = blocks
        .iter()
        // A block repeated word for word (a gallery caption shown again
        // with each slide) is read once.
        .filter(|b| b.kind == BlockKind::Heading || word_count(&b.text) < 6 || seen.insert(&b.text))
        .map(|b| Unit {
            kind: b.kind,
            text: b.text.clone(),
            line: b.line,
            lines: 1,
        })
        .collect();
    drop_trailing_sections(&mut units);
    (units, metadata(&source, extra))
}

/// Metadata dom_smoothie found (JSON-LD, meta tags).
#[derive(Debug, Default)]
struct ExtraMeta {
    title: Option<String>,
    byline: Option<String>,
    published: Option<String>,
}

/// Runs dom_smoothie; `None` when it fails (or panics) on this page.
fn readability(text: &str) -> Option<(String, ExtraMeta)> {
    let run = || -> Option<(String, ExtraMeta)> {
        let cfg = dom_smoothie::Config::default();
        let mut r = dom_smoothie::Readability::new(text, None, Some(cfg)).ok()?;
        let article = r.parse().ok()?;
        let nonempty = |s: Option<String>| s.map(|s| clean(&s)).filter(|s| !s.is_empty());
        let meta = ExtraMeta {
            title: nonempty(Some(article.title)),
            byline: nonempty(article.byline),
            published: nonempty(article.published_time),
        };
        Some((article.content.to_string(), meta))
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(run))
        .ok()
        .flatten()
}

/// Gives dom_smoothie's blocks the source lines of the same text found by
/// the walker over the whole page (in order). The walker skips what the
/// page's own markup marks as furniture or hides (class names, `hidden`,
/// `aria-hidden`, `display:none`), which dom_smoothie's output no longer
/// shows: a block the walker did not yield at all is dropped, and one found
/// only by its opening or closing words takes the walker's text when that is shorter
/// (a hidden pop-up card glued into a sentence is left out of it).
/// `None` when the walker yielded less than half of the text (a page that
/// wraps its article in a container named like furniture): its view is no
/// guide then; with `keep_all`, every block is kept instead, on the line of
/// the last one found.
fn locate(main: &[HtmlBlock], source: &[HtmlBlock], keep_all: bool) -> Option<Vec<HtmlBlock>> {
    let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_prefix: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_suffix: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, b) in source.iter().enumerate().rev() {
        by_text.entry(b.text.as_str()).or_default().push(i);
        by_prefix.entry(prefix(&b.text)).or_default().push(i);
        by_suffix.entry(suffix(&b.text)).or_default().push(i);
    }
    let mut last = 0;
    // Per block: the source block found, and whether only by its prefix.
    let found: Vec<Option<(usize, bool)>> = main
        .iter()
        .map(|b| {
            let hit = take_from(&mut by_text, &b.text, last)
                .map(|i| (i, false))
                .or_else(|| take_from(&mut by_prefix, prefix(&b.text), last).map(|i| (i, true)))
                .or_else(|| take_from(&mut by_suffix, suffix(&b.text), last).map(|i| (i, true)));
            if let Some((i, _)) = hit {
                last = i;
            }
            hit
        })
        .collect();
    let total: usize = main.iter().map(|b| b.text.len()).sum();
    let kept: usize = main
        .iter()
        .zip(&found)
        .filter(|(_, f)| f.is_some())
        .map(|(b, _)| b.text.len())
        .sum();
    let trust_source = kept * 2 >= total;
    if !trust_source && !keep_all {
        return None;
    }
    // Only a page with an embedded post needs the set of blocks found.
    let used: HashSet<usize> = if source.iter().any(|b| b.post) {
        found.iter().flatten().map(|&(i, _)| i).collect()
    } else {
        HashSet::new()
    };
    let mut line = source.first().map_or(1, |b| b.line);
    let mut located = Vec::with_capacity(main.len());
    // Source index after the last block kept.
    let mut next = None;
    for (mut b, hit) in main.iter().cloned().zip(found) {
        match hit {
            Some((i, by_prefix)) => {
                let s = &source[i];
                line = s.line;
                if by_prefix && trust_source && s.text.len() < b.text.len() {
                    b.text.clone_from(&s.text);
                }
                if trust_source && let Some(from) = next {
                    restore_posts(source, from..i, &used, &mut located);
                }
                next = Some(i + 1);
            }
            None if trust_source => continue,
            None => {}
        }
        b.line = line;
        located.push(b);
    }
    Some(located)
}

/// Puts back the blocks of embedded social posts in `range` of the source
/// that the main-text reader left out (it takes their wrappers, named
/// "social" or "twitter", for share buttons): between two paragraphs of
/// the story, a post is what the story quotes.
fn restore_posts(
    source: &[HtmlBlock],
    range: std::ops::Range<usize>,
    used: &HashSet<usize>,
    out: &mut Vec<HtmlBlock>,
) {
    for i in range {
        if source[i].post && !used.contains(&i) {
            out.push(source[i].clone());
        }
    }
}

/// The first source block recorded for `key` at or after index `from`
/// (indices are stored in reverse, so the next one is at the end).
fn take_from(map: &mut HashMap<&str, Vec<usize>>, key: &str, from: usize) -> Option<usize> {
    let found = map.get_mut(key)?;
    while let Some(&i) = found.last() {
        if i >= from {
            return found.pop();
        }
        found.pop();
    }
    None
}

/// The last 40 characters of `s` (a pop-up glued in at the start of a
/// block changes its prefix, not its end).
fn suffix(s: &str) -> &str {
    match s.char_indices().nth_back(39) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

fn prefix(s: &str) -> &str {
    match s.char_indices().nth(40) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Title from the first `<h1>`, og:title, dom_smoothie or `<title>`;
/// byline from meta tags or a byline element; date from meta tags or
/// `<time>`.
fn metadata(source: &Walk, extra: ExtraMeta) -> Meta {
    let m: &HtmlMeta = &source.meta;
    let title =
        m.h1.as_deref()
            .filter(|t| !is_site_name(t, m.title_tag.as_deref()))
            .and_then(|t| clean_title(t, false))
            .or_else(|| m.og_title.as_deref().and_then(|t| clean_title(t, true)))
            .or_else(|| extra.title.as_deref().and_then(|t| clean_title(t, true)))
            .or_else(|| m.title_tag.as_deref().and_then(|t| clean_title(t, true)));
    let byline = m
        .author
        .clone()
        .or_else(|| m.byline_text.as_deref().and_then(byline_of))
        .or_else(|| extra.byline.as_deref().and_then(byline_of));
    let published = m
        .published
        .clone()
        .or_else(|| m.time.clone())
        .or(extra.published)
        .map(|p| normalise_stamp(&p));
    Meta {
        title,
        byline,
        published,
        published_is_update: false,
    }
}

/// "By Jane Roe" → "Jane Roe"; a bare short name is kept as it is.
fn byline_of(text: &str) -> Option<String> {
    parse_byline(text, true).or_else(|| (word_count(text) <= 6).then(|| text.to_string()))
}

/// ISO stamps stay as they are; others are normalised when unambiguous.
fn normalise_stamp(p: &str) -> String {
    let iso = p.len() >= 10
        && p.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && p.as_bytes()[4] == b'-';
    if iso {
        p.to_string()
    } else {
        normalise_date(&p.to_lowercase()).unwrap_or_else(|| p.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head><title>Harbour Plan Approved | Example News</title>
<meta property="article:published_time" content="2025-03-04T10:00:00Z"></head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav></header>
<main><article>
<h1>Harbour Plan Approved</h1>
<p>The city council approved the harbour plan on Monday after a long debate that ran late into the evening, officials said.</p>
<h2>What Happens Next</h2>
<p>Work on the northern pier will begin in April and is expected to take about six months, according to the port authority.</p>
<p>The mayor said the project would create 120 jobs and would be paid for from the regional budget rather than by local taxes.</p>
</article>
<aside><h3>Most read</h3><ol><li><a href="/a">Storm closes roads</a></li><li><a href="/b">Prices rise</a></li></ol></aside></main>
<footer><p>All rights reserved.</p></footer>
</body></html>"#;

    #[test]
    fn an_embedded_post_the_reader_drops_is_put_back_in_place() {
        let page = r#"<html><head><title>Slogan row | Example News</title></head><body>
<main><article><h1>Slogan row</h1>
<p>The town council unveiled its new slogan on Monday, and residents were quick to answer it on social media within hours.</p>
<p>The council said the campaign had cost about twelve thousand dollars and would run on buses until the end of the year.</p>
<div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="en">Twelve thousand dollars for four words and nobody checked them once <a href="https://t.co/x1">pic.twitter.com/x1</a></p>&mdash; Mara Quill (@maraquill) <a href="https://example.org/s/1">March 3, 2021</a></blockquote></div>
<p>The mayor defended the slogan at a meeting on Tuesday, saying it had already brought the town more attention than any campaign.</p>
<p>The firm that wrote it did not answer requests for comment by Wednesday evening, a spokeswoman for the council said.</p>
<p>Council members will vote next month on whether to keep the slogan, and two of them have already said they will vote against it.</p>
<p>Shop owners on the high street said the row had at least brought visitors, and one said her takings were up on the week before.</p>
<p>The council has spent more on slogans than on street repairs this year, according to figures it published in its annual report.</p>
</article></main></body></html>"#;
        let (units, _) = read(page, &mut Vec::new());
        let texts: Vec<&str> = units.iter().map(|u| u.text.as_str()).collect();
        let at = |p: &str| texts.iter().position(|t| t.starts_with(p));
        let post = at("Twelve thousand dollars").expect("the post is read");
        assert_eq!(
            at("\u{2014} Mara Quill")
                .or(at("- Mara Quill"))
                .or(at("Mara Quill")),
            Some(post + 1),
            "{texts:?}"
        );
        assert!(at("The council said").unwrap() < post, "{texts:?}");
        assert!(post < at("The mayor defended").unwrap(), "{texts:?}");
    }

    #[test]
    fn main_text_without_furniture() {
        let mut warnings = Vec::new();
        let (units, meta) = read(PAGE, &mut warnings);
        let texts: Vec<&str> = units.iter().map(|u| u.text.as_str()).collect();
        assert!(
            texts
                .iter()
                .any(|t| t.starts_with("The city council approved")),
            "{texts:?}"
        );
        assert!(
            texts.iter().any(|t| t.starts_with("The mayor said")),
            "{texts:?}"
        );
        for bad in [
            "Home",
            "World",
            "Most read",
            "Storm closes roads",
            "All rights reserved.",
        ] {
            assert!(!texts.contains(&bad), "{bad} in {texts:?}");
        }
        assert_eq!(meta.title.as_deref(), Some("Harbour Plan Approved"));
        assert_eq!(meta.published.as_deref(), Some("2025-03-04T10:00:00Z"));
        let first = units
            .iter()
            .find(|u| u.text.starts_with("The city council"))
            .map(|u| u.line);
        assert_eq!(first, Some(8));
        assert!(warnings.is_empty());
    }

    #[test]
    fn hidden_and_pop_up_text_is_left_out() {
        let page = r#"<html><body><div class="content-with-sidebar"><article>
<h1>Harbour Plan Approved</h1>
<p><span class="who"><a href="/p/ann">Ann Lee</a><span class="hover-card-panel">Ann Lee Latest stories about the council and its budget</span></span> said the council approved the harbour plan on Monday after a long debate.</p>
<p>Work on the northern pier will begin in April and is expected to take about six months, according to the port authority.</p>
<div style="display:none"><p>Sign in to read the rest of this story and many others like it every day.</p></div>
<p>The mayor said the project would create 120 jobs and would be paid for from the regional budget rather than by local taxes.</p>
</article></div></body></html>"#;
        let mut warnings = Vec::new();
        let (units, _) = read(page, &mut warnings);
        let texts: Vec<&str> = units.iter().map(|u| u.text.as_str()).collect();
        assert!(
            texts.contains(
                &"Ann Lee said the council approved the harbour plan on Monday after a long debate."
            ),
            "{texts:?}"
        );
        assert!(
            !texts
                .iter()
                .any(|t| t.contains("Latest stories") || t.contains("Sign in")),
            "{texts:?}"
        );
        let paragraphs = units.iter().filter(|u| u.kind != BlockKind::Heading);
        assert_eq!(paragraphs.count(), 3, "{texts:?}");
    }

    #[test]
    fn deep_nesting_falls_back_with_a_warning() {
        let deep = format!(
            "<html><body>{}<p>Deep text here.</p>{}</body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let mut warnings = Vec::new();
        let (units, _) = read(&deep, &mut warnings);
        assert_eq!(units.len(), 1);
        assert_eq!(units[0].text, "Deep text here.");
        assert_eq!(warnings.len(), 1);
    }
}
