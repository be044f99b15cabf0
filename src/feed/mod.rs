//! Feeds: RSS (0.9x, 1.0, 2.0), RDF and Atom files whose items are each an
//! article of their own. Owns feed detection, parsing into [`Item`]s, the
//! item → [`Article`] mapping, per-item content hashes and the change plan
//! between two versions of a feed.
//!
//! Pure: no I/O (the one-shot commands in `commands` read the files).

pub mod commands;
mod parse;
pub mod plan;

use std::path::Path;

use serde::Serialize;

use crate::article::{self, Article, Block, BlockKind, Format};

/// Which family of feed the root element names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FeedKind {
    /// `<rss>` (0.9x, 2.0).
    Rss,
    /// `<rdf:RDF>` (RSS 0.90, 1.0).
    Rdf,
    /// Atom `<feed>`.
    Atom,
}

/// One feed item as written (text fields trimmed, HTML left as HTML).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Item {
    /// guid / Atom id, else RSS 1.0 `rdf:about`, else the link.
    pub id: String,
    pub link: Option<String>,
    pub title: Option<String>,
    /// RSS description / Atom summary (often HTML).
    pub description: Option<String>,
    /// `content:encoded` / Atom content (HTML).
    pub content: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
}

/// A parsed feed: its items in document order (duplicate ids dropped) and
/// warnings worth telling the user.
#[derive(Debug, Clone)]
pub struct Feed {
    pub kind: FeedKind,
    pub items: Vec<Item>,
    pub warnings: Vec<String>,
}

/// Why a feed could not be read. The caller adds the file's path.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum FeedError {
    #[error("truncated feed (the document ends inside an element; still being written?)")]
    Truncated,
    #[error("malformed XML at line {line}, column {column}: {message}")]
    Malformed {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("the DOCTYPE declares entities; feeds are read without entity expansion")]
    EntityDeclarations,
    #[error("not a feed: the root element is not rss, rdf:RDF or an Atom feed")]
    NotAFeed,
}

/// True when `path` has a feed extension and `bytes` start with an
/// `<rss>`, `<rdf:RDF>` or Atom `<feed>` root element.
pub fn is_feed(path: &Path, bytes: &[u8]) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase());
    if !matches!(ext.as_deref(), Some("xml" | "rss" | "atom")) {
        return false;
    }
    // The root start tag is near the top; the head is enough.
    let body = strip_bom(bytes);
    let head = &body[..body.len().min(4096)];
    let text = String::from_utf8_lossy(head);
    let mut reader = quick_xml::Reader::from_str(&text);
    // The root comes after at most a declaration, a DOCTYPE, comments and
    // processing instructions; a bounded look keeps this cheap.
    for _ in 0..64 {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)) => {
                return parse::root_kind(&e).is_some();
            }
            Ok(quick_xml::events::Event::Eof) | Err(_) => return false,
            Ok(_) => {}
        }
    }
    false
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// Parses feed bytes (UTF-8; a byte-order mark is skipped). Bytes that are
/// not UTF-8 (a Latin-1 feed) are decoded lossily, with a warning, as the
/// article reader does.
pub fn parse(bytes: &[u8]) -> Result<Feed, FeedError> {
    let bytes = strip_bom(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => parse::parse(text),
        Err(_) => {
            let text = String::from_utf8_lossy(bytes);
            let mut feed = parse::parse(&text)?;
            feed.warnings.insert(
                0,
                "invalid UTF-8: decoded lossily (bad bytes became U+FFFD)".to_string(),
            );
            Ok(feed)
        }
    }
}

impl Item {
    /// A hash of everything that makes the item's article: equal hashes
    /// mean the item needs no re-extraction.
    pub fn content_hash(&self) -> [u8; 32] {
        let mut h = blake3::Hasher::new();
        for field in [
            Some(self.id.as_str()),
            self.link.as_deref(),
            self.title.as_deref(),
            self.description.as_deref(),
            self.content.as_deref(),
            self.byline.as_deref(),
            self.published.as_deref(),
        ] {
            // Length-prefixed so that moving text between fields changes it.
            match field {
                Some(s) => {
                    h.update(&(s.len() as u64 + 1).to_le_bytes());
                    h.update(s.as_bytes());
                }
                None => {
                    h.update(&0u64.to_le_bytes());
                }
            }
        }
        *h.finalize().as_bytes()
    }

    /// The item as an article: headline = title; standfirst = the
    /// description when content is also given; body = the content (HTML),
    /// else the description; byline and date from the item.
    pub fn to_article(&self) -> Article {
        let (standfirst, body) = match (&self.description, &self.content) {
            (Some(d), Some(c)) => (Some(html_text(d)), c.as_str()),
            (Some(d), None) => (None, d.as_str()),
            (None, Some(c)) => (None, c.as_str()),
            (None, None) => (None, ""),
        };
        let mut article = if body.trim().is_empty() {
            Article::default()
        } else {
            // Item HTML goes through the article HTML reader (furniture,
            // typography); wrapped so it reads as a document body.
            let doc = format!("<html><body><article>{body}</article></body></html>");
            article::parse(doc.as_bytes(), Format::Html)
                .map(|p| p.article)
                .unwrap_or_default()
        };
        article.title = self
            .title
            .as_deref()
            .map(html_text)
            .filter(|t| !t.is_empty());
        article.title_line = 0;
        article.standfirst = None;
        if let Some(s) = standfirst.filter(|s| !s.is_empty()) {
            // A body that repeats the summary as its first paragraph keeps
            // one copy, marked as the standfirst.
            if article.blocks.first().is_some_and(|b| b.text == s) {
                article.standfirst = Some(0);
            } else {
                article.blocks.insert(
                    0,
                    Block {
                        kind: BlockKind::Paragraph,
                        text: s,
                        line: 0,
                    },
                );
                article.standfirst = Some(0);
            }
        }
        if self.byline.is_some() {
            article.byline = self.byline.clone();
        }
        if self.published.is_some() {
            article.published = self.published.clone();
        }
        article
    }
}

/// The plain text of a short HTML fragment (a title or summary): tags
/// dropped, the common entities decoded, typography folded as the article
/// reader does. Not the full reader: it would drop a short line as
/// furniture.
fn html_text(fragment: &str) -> String {
    let mut out = String::with_capacity(fragment.len());
    let mut in_tag = false;
    for c in fragment.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = if out.contains('&') {
        out.replace("&nbsp;", " ")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&apos;", "'")
            .replace("&amp;", "&")
    } else {
        out
    };
    collapse(&article::normalize_typography(&out))
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
