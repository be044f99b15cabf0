//! Article reading: turns raw file bytes into normalised [`Article`] blocks
//! (paragraphs, headings, list items) plus metadata, dropping boilerplate.
//!
//! Pure: no I/O. The caller reads the file and passes its bytes and format.
//! Text and Markdown go line by line (`text`, `markdown`: classify lines,
//! take bylines, datelines and furniture out) and are joined into
//! paragraphs (`wrap`); HTML goes through dom_smoothie or a non-recursive
//! walker (`html`, `html_walk`). `assemble` then takes out the title,
//! labels and remaining furniture.

mod assemble;
mod boilerplate;
pub(crate) mod dates;
mod html;
mod html_vocab;
mod html_walk;
mod line;
mod markdown;
mod metadata;
mod text;
mod wrap;

use serde::Serialize;

use metadata::Meta;

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
    /// The headline as published (site name dropped); a claim of its own.
    pub title: Option<String>,
    /// 1-based source line of the headline (0 when not known).
    pub title_line: usize,
    /// Index in `blocks` of the standfirst: the summary paragraph under the
    /// headline that ends without a full stop (a dek, a feed summary).
    pub standfirst: Option<usize>,
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
    let mut warnings = Vec::new();
    if let Some(text) = decode_utf16(bytes) {
        warnings.push("UTF-16 text: converted to UTF-8".to_string());
        return parse_text(&text, format, warnings);
    }
    if looks_binary(bytes) {
        return Err(ArticleError::Binary);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) if !has_utf8_multibyte(bytes) => {
            // Not one UTF-8 character beyond ASCII: a legacy 8-bit file
            // ("Caf\xe9"), whose accents a lossy decode would all lose.
            warnings.push(
                "invalid UTF-8: read as Windows-1252 (Latin-1), as no UTF-8 character beyond ASCII appears"
                    .to_string(),
            );
            std::borrow::Cow::Owned(decode_windows_1252(bytes))
        }
        Err(_) => {
            warnings.push("invalid UTF-8: decoded lossily (bad bytes became U+FFFD)".to_string());
            String::from_utf8_lossy(bytes)
        }
    };
    parse_text(&text, format, warnings)
}

/// Whether any well-formed UTF-8 sequence of two or more bytes appears.
fn has_utf8_multibyte(bytes: &[u8]) -> bool {
    bytes.utf8_chunks().any(|c| !c.valid().is_ascii())
}

/// Windows-1252, the superset of Latin-1 that legacy Western text files and
/// pages use: 0x80-0x9F are typographic marks, the rest is Latin-1.
fn decode_windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}',
        '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}',
        '\u{178}',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// UTF-16 text with a byte-order mark (as some editors save it), decoded.
fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let little = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks_exact(2).map(|p| {
        if little {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

fn parse_text(
    text: &str,
    format: Format,
    mut warnings: Vec<String>,
) -> Result<Parsed, ArticleError> {
    let mut meta = Meta::default();
    let units = match format {
        Format::Text => {
            let mut lines = text::source_lines(text);
            text::classify(&mut lines, &mut meta);
            wrap::join(lines)
        }
        Format::Markdown => {
            let mut lines = markdown::source_lines(text, &mut meta);
            text::classify(&mut lines, &mut meta);
            wrap::join(lines)
        }
        Format::Html => {
            let (units, found) = html::read(text, &mut warnings);
            let mut units = units;
            meta = found;
            assemble::screen_units(&mut units, &mut meta);
            units
        }
    };
    let article = assemble::finish(units, meta, format);
    Ok(Parsed { article, warnings })
}

/// True for input that is not text: NUL bytes or many control characters in
/// the first few kilobytes.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    // Counted in byte-wide sums over blocks of 255 (they cannot overflow),
    // which vectorises.
    let control: usize = head
        .chunks(255)
        .map(|block| {
            let n = block.iter().fold(0u8, |n, &b| {
                n + u8::from((b < 0x20) & !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
            });
            usize::from(n)
        })
        .sum();
    !head.is_empty() && control * 10 > head.len()
}

/// Folds typography so that equal text compares equal: curly quotes to
/// straight, dashes to `-`, NBSP and other spaces to space, soft hyphens and
/// zero-width characters removed, the ellipsis to `...`.
pub fn normalize_typography(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match fold_char(c) {
            Folded::Char(f) => out.push(f),
            Folded::Str(f) => out.push_str(f),
            Folded::Drop => {}
        }
    }
    out
}

/// What one character folds to.
pub(crate) enum Folded {
    Char(char),
    Str(&'static str),
    Drop,
}

pub(crate) fn fold_char(c: char) -> Folded {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => {
            Folded::Char('\'')
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => Folded::Char('"'),
        // An em dash sets off an aside, spaced or not ("The mayor—who took
        // office in May—said"): spaced, so the words around it stay words.
        '\u{2014}' | '\u{2015}' => Folded::Str(" - "),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' | '\u{FE63}'
        | '\u{FF0D}' => Folded::Char('-'),
        '\u{00A0}' | '\u{2002}' | '\u{2003}' | '\u{2004}' | '\u{2005}' | '\u{2006}'
        | '\u{2007}' | '\u{2008}' | '\u{2009}' | '\u{200A}' | '\u{202F}' | '\u{205F}'
        | '\u{3000}' | '\u{2028}' | '\u{2029}' => Folded::Char(' '),
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => Folded::Drop,
        '\u{2026}' => Folded::Str("..."),
        _ => Folded::Char(c),
    }
}

#[cfg(test)]
mod tests {
    use super::{Format, looks_binary, parse};

    /// A Latin-1 / Windows-1252 file keeps its accents and curly quotes; a
    /// UTF-8 file with one bad byte is still read as UTF-8.
    #[test]
    fn legacy_8_bit_text_is_read_as_windows_1252() {
        let bytes = b"Caf\xe9 prices rise\n\nThe caf\xe9 owner, Jos\xe9 Ruiz, said prices rose 5%. \x93We had no choice,\x94 he said.\n";
        let p = parse(bytes, Format::Text).expect("parses");
        assert!(
            p.warnings.iter().any(|w| w.contains("Windows-1252")),
            "{:?}",
            p.warnings
        );
        let body: Vec<&str> = p.article.blocks.iter().map(|b| b.text.as_str()).collect();
        assert!(
            body.iter().any(|t| t.contains("Jos\u{e9} Ruiz")),
            "{body:?}"
        );
        // 0x93/0x94 are curly quotes (normalised to straight ones).
        assert!(
            body.iter().any(|t| t.contains("\"We had no choice,\"")),
            "{body:?}"
        );

        let mixed = "Caf\u{e9} owner Jos\u{e9} Ruiz said prices rose.\n\nA bad byte: \u{0}";
        let mut bytes = mixed.replace('\u{0}', "").into_bytes();
        bytes.push(0xff);
        let p = parse(&bytes, Format::Text).expect("parses");
        assert!(
            p.warnings.iter().any(|w| w.contains("lossily")),
            "{:?}",
            p.warnings
        );
        assert!(
            p.article
                .blocks
                .iter()
                .any(|b| b.text.contains("Jos\u{e9} Ruiz"))
        );
    }

    /// The block-wise count answers as a plain count of control bytes.
    #[test]
    fn binary_check_matches_a_plain_count() {
        let plain = |bytes: &[u8]| {
            let head = &bytes[..bytes.len().min(8192)];
            let control = head
                .iter()
                .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
                .count();
            head.contains(&0) || (!head.is_empty() && control * 10 > head.len())
        };
        let mut cases: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"plain text\n".to_vec(),
            b"\x01\x02\x03 abc".to_vec(),
            b"a\0b".to_vec(),
        ];
        for n in [100usize, 254, 255, 256, 600, 9000] {
            for every in [3usize, 9, 10, 11, 40] {
                cases.push(
                    (0..n)
                        .map(|i| if i % every == 0 { 0x07 } else { b'x' })
                        .collect(),
                );
            }
        }
        for c in &cases {
            assert_eq!(looks_binary(c), plain(c), "{} bytes", c.len());
        }
    }
}
