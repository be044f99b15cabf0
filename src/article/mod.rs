//! Article reading: turns raw file bytes into normalised [`Article`] blocks
//! (paragraphs, headings, list items) plus metadata, dropping boilerplate.
//!
//! Pure: no I/O. The caller reads the file and passes its bytes and format.

use serde::Serialize;

/// The markup an article file is written in, chosen from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    /// `.md`/`.markdown` are Markdown, `.html`/`.htm` HTML, anything else text.
    pub fn from_path(path: &std::path::Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .as_deref()
        {
            Some("md" | "markdown") => Format::Markdown,
            Some("html" | "htm" | "xhtml") => Format::Html,
            _ => Format::Text,
        }
    }
}

/// What a block of body text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
}

/// One paragraph, heading or list item of the body, typography folded and
/// hard wraps joined.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    /// 1-based line in the source file where the block starts.
    pub line: usize,
}

/// A parsed article: metadata and the body blocks, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Article {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub blocks: Vec<Block>,
}

/// The outcome of parsing: the article and any warnings worth telling the user.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub article: Article,
    pub warnings: Vec<String>,
}

/// Why bytes could not be parsed as an article.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ArticleError {
    #[error("looks like a binary file, not an article (NUL bytes or mostly control characters)")]
    Binary,
}

/// Parses raw bytes in the given format.
pub fn parse(bytes: &[u8], format: Format) -> Result<Parsed, ArticleError> {
    if looks_binary(bytes) {
        return Err(ArticleError::Binary);
    }
    let mut warnings = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => {
            warnings.push("invalid UTF-8: decoded lossily (bad bytes became U+FFFD)".to_string());
            String::from_utf8_lossy(bytes)
        }
    };
    let _ = format;
    let mut article = Article::default();
    for (i, line) in text.lines().enumerate() {
        let line = normalize_typography(line);
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        article.blocks.push(Block {
            kind: BlockKind::Paragraph,
            text: line.to_string(),
            line: i + 1,
        });
    }
    Ok(Parsed { article, warnings })
}

/// True for input that is not text: NUL bytes or many control characters in
/// the first few kilobytes.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    !head.is_empty() && control * 10 > head.len()
}

/// Folds typography so that equal text compares equal: curly quotes to
/// straight, dashes to `-` or ` - `, NBSP to space, soft hyphens removed.
pub fn normalize_typography(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
            | '\u{00BB}' => out.push('"'),
            '\u{2010}' | '\u{2011}' | '\u{2012}' => out.push('-'),
            '\u{2013}' | '\u{2014}' | '\u{2015}' => out.push('-'),
            '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2009}' | '\u{200A}' => out.push(' '),
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' => {}
            '\u{2026}' => out.push_str("..."),
            _ => out.push(c),
        }
    }
    out
}
