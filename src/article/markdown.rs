//! Markdown reading: turns a `.md` article into classified source lines
//! ([`source_lines`]): `#` and underlined headings, list items, block
//! quotes, code fences skipped, front matter read as metadata, and inline
//! markup (emphasis, links, images, code spans, tags) reduced to its text.

use super::line::{
    LineClass, SrcLine, char_len, clean, decorated_heading, strip_decoration, strip_list_marker,
};
use super::metadata::{Meta, normalise_date};
use super::text::list_may_start;

/// How far a link's closing bracket is looked for, to stay linear on
/// pathological lines.
const LINK_SEARCH: usize = 2000;
/// Front matter longer than this is not front matter.
const FRONT_MATTER_LINES: usize = 100;

/// Classifies the lines of a Markdown article; front matter fields go into
/// `meta`.
pub(crate) fn source_lines(text: &str, meta: &mut Meta) -> Vec<SrcLine> {
    let raw_lines: Vec<&str> = super::text::lines(text).collect();
    let mut out: Vec<SrcLine> = Vec::with_capacity(raw_lines.len());
    let front = front_matter_end(&raw_lines);
    let mut fence: Option<(char, usize)> = None;
    for (i, &raw) in raw_lines.iter().enumerate() {
        let mut src = SrcLine {
            text: String::new(),
            line: i + 1,
            class: LineClass::Drop,
            indented: raw.starts_with([' ', '\t']),
            raw_len: char_len(raw.trim()),
        };
        if let Some(end) = front
            && i <= end
        {
            if i > 0 && i < end {
                front_matter_field(raw, meta);
            }
            out.push(src);
            continue;
        }
        let trimmed = raw.trim();
        if let Some((c, n)) = fence {
            if trimmed.starts_with(&c.to_string().repeat(n))
                && trimmed.trim_start_matches(c).trim().is_empty()
            {
                fence = None;
            }
            out.push(src);
            continue;
        }
        if let Some(open) = fence_open(trimmed) {
            fence = Some(open);
            out.push(src);
            continue;
        }
        // Block quotes read as the text they quote.
        let body = strip_quote_markers(raw);
        let t = body.trim();
        if t.is_empty() {
            src.class = LineClass::Blank;
            out.push(src);
            continue;
        }
        if is_rule_or_underline(t) {
            // "Title\n=====" or "Title\n-----": the line above is a heading
            // when it stands alone.
            if let Some(prev) = out.last_mut()
                && prev.class == LineClass::Text
                && i >= 1
                && (i < 2 || raw_lines[i - 2].trim().is_empty())
            {
                prev.class = LineClass::Heading;
            }
            out.push(src);
            continue;
        }
        if let Some(level_text) = atx_heading(t) {
            src.text = clean(&strip_inline(level_text));
            src.class = if src.text.is_empty() {
                LineClass::Drop
            } else {
                LineClass::Heading
            };
            out.push(src);
            continue;
        }
        if is_link_definition(t) || (t.starts_with("<!--") && t.ends_with("-->")) {
            out.push(src);
            continue;
        }
        if t.starts_with('|') {
            table_row(t, &mut src);
            out.push(src);
            continue;
        }
        if let Some(rest) = strip_list_marker(body)
            && list_may_start(&out)
        {
            let rest = strip_task_box(rest);
            src.text = clean(&strip_inline(rest));
            src.class = if src.text.is_empty() {
                LineClass::Drop
            } else {
                LineClass::ListItem
            };
            out.push(src);
            continue;
        }
        src.text = clean(&strip_inline(t));
        if src.text.is_empty() {
            src.class = LineClass::Drop;
        } else if decorated_heading(t) {
            src.text = clean(strip_decoration(&strip_inline(strip_decoration(t))));
            src.class = LineClass::Heading;
        } else {
            src.class = LineClass::Text;
        }
        out.push(src);
    }
    out
}

/// Index of the closing `---` (or `+++`) of front matter at the top.
fn front_matter_end(lines: &[&str]) -> Option<usize> {
    let first = lines.first()?.trim_end();
    if first != "---" && first != "+++" {
        return None;
    }
    lines
        .iter()
        .enumerate()
        .skip(1)
        .take(FRONT_MATTER_LINES)
        .find(|(_, l)| l.trim_end() == first)
        .map(|(i, _)| i)
}

/// Reads `title:`, `author:` and `date:` fields of YAML or TOML front matter.
fn front_matter_field(raw: &str, meta: &mut Meta) {
    let Some((key, value)) = raw.split_once([':', '=']) else {
        return;
    };
    let key = key.trim().to_ascii_lowercase();
    let value = clean(value.trim().trim_matches(['"', '\'']));
    if value.is_empty() {
        return;
    }
    match key.as_str() {
        "title" | "headline" if meta.title.is_none() => meta.title = Some(value),
        "author" | "authors" | "byline" => meta.note_byline(value),
        "date" | "published" | "publish_date" | "pubdate" | "published_at" | "date_published" => {
            let iso = normalise_date(&value.to_lowercase()).unwrap_or(value);
            meta.published = Some(iso);
            meta.published_is_update = false;
        }
        _ => {}
    }
}

fn fence_open(t: &str) -> Option<(char, usize)> {
    for c in ['`', '~'] {
        let n = t.chars().take_while(|&x| x == c).count();
        if n >= 3 {
            return Some((c, n));
        }
    }
    None
}

fn strip_quote_markers(raw: &str) -> &str {
    let mut s = raw.trim_start();
    while let Some(rest) = s.strip_prefix('>') {
        s = rest.trim_start();
    }
    if s.len() == raw.trim_start().len() {
        raw
    } else {
        s
    }
}

/// `---`, `***`, `___`, `===` (three or more, spaces allowed).
fn is_rule_or_underline(t: &str) -> bool {
    let Some(c) = t.chars().next() else {
        return false;
    };
    matches!(c, '-' | '*' | '_' | '=')
        && t.chars().filter(|&x| x == c).count() >= 3
        && t.chars().all(|x| x == c || x == ' ')
}

/// The text of an ATX heading (`## Title ##`).
fn atx_heading(t: &str) -> Option<&str> {
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = &t[hashes..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    Some(rest.trim().trim_end_matches('#').trim())
}

/// `[label]: https://...`
fn is_link_definition(t: &str) -> bool {
    t.starts_with('[')
        && t.find("]:").is_some_and(|i| {
            let rest = t[i + 2..].trim_start();
            rest.starts_with("http") || rest.starts_with('/') || rest.starts_with('<')
        })
}

fn strip_task_box(s: &str) -> &str {
    for b in ["[ ] ", "[x] ", "[X] "] {
        if let Some(rest) = s.strip_prefix(b) {
            return rest;
        }
    }
    s
}

/// A table row becomes one list item with its cells separated by "; ";
/// the `|---|` separator row is dropped.
fn table_row(t: &str, src: &mut SrcLine) {
    if t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '+')) {
        return;
    }
    let cells: Vec<String> = t
        .trim_matches('|')
        .split('|')
        .map(|c| clean(&strip_inline(c)))
        .filter(|c| !c.is_empty())
        .collect();
    if !cells.is_empty() {
        src.text = cells.join("; ");
        src.class = LineClass::ListItem;
    }
}

/// Reduces inline Markdown to its text: `**bold**` → bold, `[text](url)` →
/// text, images and tags removed, code spans unwrapped, escapes resolved.
pub(crate) fn strip_inline(s: &str) -> String {
    if !s.contains(['\\', '!', '[', '<', '`', '*', '_', '~']) {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let closers = Closers::new(&chars);
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() => {
                out.push(chars[i + 1]);
                i += 2;
            }
            '!' if chars.get(i + 1) == Some(&'[') => match link_at(&chars, &closers, i + 1) {
                Some((_, end)) => i = end,
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '[' => match link_at(&chars, &closers, i) {
                Some((text, end)) => {
                    out.push_str(&strip_inline(
                        &chars[text.0..text.1].iter().collect::<String>(),
                    ));
                    i = end;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '<' => match tag_end(&chars, i) {
                Some((end, url)) => {
                    if let Some(u) = url {
                        out.push_str(&u);
                    }
                    i = end;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '`' => {
                let n = chars[i..].iter().take_while(|&&x| x == '`').count();
                i += n;
            }
            '*' | '_' | '~' => {
                let n = chars[i..].iter().take_while(|&&x| x == c).count();
                let left = if i == 0 { None } else { Some(chars[i - 1]) };
                let right = chars.get(i + n).copied();
                let alnum = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
                let space = |x: Option<char>| x.is_none_or(char::is_whitespace);
                let markup = if c == '~' {
                    n == 2
                } else {
                    n <= 3 && !(alnum(left) && alnum(right)) && !(space(left) && space(right))
                };
                if !markup {
                    out.extend(std::iter::repeat_n(c, n));
                }
                i += n;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// For each index, where the next `]` and `)` are (or the end): link
/// lookups stay linear on lines full of brackets.
struct Closers {
    bracket: Vec<usize>,
    paren: Vec<usize>,
}

impl Closers {
    fn new(chars: &[char]) -> Closers {
        let n = chars.len();
        let mut bracket = vec![n; n + 1];
        let mut paren = vec![n; n + 1];
        for i in (0..n).rev() {
            bracket[i] = if chars[i] == ']' { i } else { bracket[i + 1] };
            paren[i] = if chars[i] == ')' { i } else { paren[i + 1] };
        }
        Closers { bracket, paren }
    }
}

/// A link or image starting at `[`: the span of its text and the index
/// after it. Handles `[text](url)` and `[text][ref]`.
fn link_at(chars: &[char], closers: &Closers, open: usize) -> Option<((usize, usize), usize)> {
    let limit = chars.len().min(open + LINK_SEARCH);
    let after = |table: &[usize], from: usize| table.get(from).copied().filter(|&j| j < limit);
    let close = after(&closers.bracket, open + 1)?;
    let text = (open + 1, close);
    match chars.get(close + 1) {
        Some('(') => after(&closers.paren, close + 2).map(|end| (text, end + 1)),
        Some('[') => after(&closers.bracket, close + 2).map(|end| (text, end + 1)),
        _ => None,
    }
}

/// An inline HTML tag or autolink at `<`: the index after it and, for an
/// autolink, its address.
fn tag_end(chars: &[char], open: usize) -> Option<(usize, Option<String>)> {
    let next = *chars.get(open + 1)?;
    if !(next.is_ascii_alphabetic() || next == '/' || next == '!') {
        return None;
    }
    let limit = chars.len().min(open + LINK_SEARCH);
    let close = (open + 1..limit).find(|&j| chars[j] == '>' || chars[j] == '<')?;
    if chars[close] != '>' {
        return None;
    }
    let inner: String = chars[open + 1..close].iter().collect();
    let url = (inner.starts_with("http://")
        || inner.starts_with("https://")
        || inner.starts_with("mailto:"))
    .then_some(inner);
    Some((close + 1, url))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_markup_is_reduced_to_text() {
        assert_eq!(
            strip_inline("a **bold** and *it* and __u__ word"),
            "a bold and it and u word"
        );
        assert_eq!(
            strip_inline("see [the report](https://x.org/a_b) now"),
            "see the report now"
        );
        assert_eq!(strip_inline("pic ![alt](x.png) here"), "pic  here");
        assert_eq!(strip_inline("snake_case and 5 * 3"), "snake_case and 5 * 3");
        assert_eq!(
            strip_inline("`code` and ~~old~~ <b>x</b>"),
            "code and old x"
        );
        assert_eq!(strip_inline("a < b and [sic]"), "a < b and [sic]");
        assert_eq!(strip_inline(r"\*not emphasis\*"), "*not emphasis*");
        assert_eq!(strip_inline("[ref link][1]"), "ref link");
        assert_eq!(strip_inline("[a] [b](c) [d"), "[a] b [d");
    }

    #[test]
    fn headings_fences_and_front_matter() {
        let mut meta = Meta::default();
        let text = "---\ntitle: \"Front Title\"\nauthor: Jane Roe\ndate: 2025-03-04\n---\n# Heading One\n\n```\ncode line.\n```\nBody *text* here.\n\nSub Title\n---------\n> Quoted line.\n";
        let lines = source_lines(text, &mut meta);
        assert_eq!(meta.title.as_deref(), Some("Front Title"));
        assert_eq!(meta.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(meta.published.as_deref(), Some("2025-03-04"));
        let kept: Vec<(LineClass, &str, usize)> = lines
            .iter()
            .filter(|l| !matches!(l.class, LineClass::Drop | LineClass::Blank))
            .map(|l| (l.class, l.text.as_str(), l.line))
            .collect();
        assert_eq!(
            kept,
            vec![
                (LineClass::Heading, "Heading One", 6),
                (LineClass::Text, "Body text here.", 11),
                (LineClass::Heading, "Sub Title", 13),
                (LineClass::Text, "Quoted line.", 15),
            ]
        );
    }

    #[test]
    fn tables_become_rows() {
        let mut meta = Meta::default();
        let lines = source_lines("| Year | Total |\n|---|---|\n| 2024 | 12 |\n", &mut meta);
        assert_eq!(lines[0].text, "Year; Total");
        assert_eq!(lines[1].class, LineClass::Drop);
        assert_eq!(lines[2].class, LineClass::ListItem);
    }
}
