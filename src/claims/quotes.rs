//! Direct quotations inside a sentence: the byte ranges of the quoted words
//! (marks excluded), with straight and curly double quotes and the CJK
//! corner brackets (「」『』) all understood.

use std::ops::Range;

/// The quoted spans of `text`. With `open_at_start` the sentence continues a
/// quotation opened earlier (a multi-paragraph quote), so the first span
/// starts at 0. An unclosed quotation runs to the end of the text.
pub fn spans(text: &str, open_at_start: bool) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    // Most sentences hold no mark at all: one pass without early exit (it
    // vectorises) answers that before the walk.
    let marks = bytes.iter().fold(false, |any, &c| {
        any | matches!(c, b'"' | b'\'' | 0xE2 | 0xE3)
    });
    if !marks && !open_at_start {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(2);
    let mut open: Option<usize> = open_at_start.then_some(0);
    // The last byte of the corner bracket that closes an open 「 or 『
    // (E3 80 8D or 8F); other marks do not close those.
    let mut corner: Option<u8> = None;
    // A byte walk: the marks are ASCII or the three-byte U+201C/U+201D,
    // whose lead byte 0xE2 only ever starts a character.
    let mut i = 0;
    // Without a corner bracket's lead byte (0xE3) the other marks are
    // three bytes, which memchr3 jumps to; else runs of other bytes are
    // skipped with one table load each.
    let corners = memchr::memchr(0xE3, bytes).is_some();
    while i < bytes.len() {
        if !MARK[usize::from(bytes[i])] {
            if corners {
                i += 1;
                continue;
            }
            match memchr::memchr3(b'"', b'\'', 0xE2, &bytes[i..]) {
                Some(k) => i += k,
                None => break,
            }
        }
        match bytes[i] {
            // Two apostrophes stand in for a double quote in some wire copy.
            b'\'' if bytes.get(i + 1) == Some(&b'\'') => {
                match open.take() {
                    Some(s) => out.push(s..i),
                    None => open = Some(i + 2),
                }
                i += 2;
                continue;
            }
            b'"' => match open.take() {
                Some(s) => out.push(s..i),
                None => open = Some(i + 1),
            },
            0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                // U+201C, left double quotation mark.
                Some(0x9C) if open.is_none() => open = Some(i + 3),
                // U+201D, right double quotation mark.
                Some(0x9D) => {
                    if let Some(s) = open.take() {
                        out.push(s..i);
                    }
                }
                _ => {}
            },
            // 「 and 『 (E3 80 8C / 8E) open; their own mate closes.
            0xE3 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                Some(&b @ (0x8C | 0x8E)) if open.is_none() => {
                    open = Some(i + 3);
                    corner = Some(b + 1);
                }
                Some(&b) if corner == Some(b) => {
                    if let Some(s) = open.take() {
                        out.push(s..i);
                    }
                    corner = None;
                }
                _ => {}
            },
            _ => {}
        }
        i += 1;
    }
    if let Some(s) = open
        && s < text.len()
    {
        out.push(s..text.len());
    }
    out.retain(|r| r.start <= r.end && !text[r.clone()].trim().is_empty());
    out
}

/// The bytes [`spans`] acts on: the straight marks and the lead bytes of
/// the curly quotes and corner brackets.
const MARK: [bool; 256] = {
    let mut t = [false; 256];
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t
};

/// Byte offset of the last straight or right curly double quote in `s`:
/// `s.rfind(['"', '\u{201D}'])` as a byte walk from the end (U+201D is
/// E2 80 9D, and 0xE2 only ever starts a character).
pub fn last_double_quote(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut end = b.len();
    // Look for '"' or U+201D's last byte, then check the lead bytes.
    while let Some(i) = last_candidate(&b[..end]) {
        if b[i] == b'"' {
            return Some(i);
        }
        if i >= 2 && b[i - 2] == 0xE2 && b[i - 1] == 0x80 {
            return Some(i - 2);
        }
        end = i;
    }
    None
}

/// Index of the last '"' or 0x9D byte of `b` (memrchr2, vectorised:
/// most sentences hold none).
fn last_candidate(b: &[u8]) -> Option<usize> {
    memchr::memrchr2(b'"', 0x9D, b)
}

/// Number of words in a span of text; text written without spaces (CJK)
/// counts one word per two characters.
pub fn word_count(s: &str) -> usize {
    if s.is_ascii() {
        // Word starts as a byte walk: for ASCII, `split_whitespace`
        // splits at space and \t..\r.
        let mut count = 0;
        let mut prev_space = true;
        for &c in s.as_bytes() {
            let space = matches!(c, b' ' | b'\t'..=b'\r');
            count += usize::from(prev_space & !space);
            prev_space = space;
        }
        return count;
    }
    s.split_whitespace()
        .map(|w| {
            let cjk = w.chars().filter(|&c| super::sentences::is_cjk(c)).count();
            (cjk / 2).max(1)
        })
        .sum()
}

/// The quoted words of `text`, spans joined by a space, marks removed.
pub fn joined(text: &str, spans: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(spans.iter().map(|r| r.len() + 1).sum());
    for r in spans {
        let part = text[r.clone()].trim();
        if part.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_straight_and_curly_spans() {
        let t = "\u{201C}We will,\u{201D} she said, \"and soon.\"";
        let s = spans(t, false);
        assert_eq!(joined(t, &s), "We will, and soon.");
    }

    #[test]
    fn last_double_quote_matches_rfind() {
        for t in [
            "",
            "no quotes",
            "\"a\" b",
            "\u{201C}a\u{201D} b \u{2019}",
            "x \u{201D}\"",
            "\"x\u{201D}",
            "\u{2014}\u{201C}",
        ] {
            assert_eq!(last_double_quote(t), t.rfind(['"', '\u{201D}']), "{t}");
        }
        // Across and inside 32-byte blocks, and a 0x9D of another character.
        let pad = "word ".repeat(9);
        for n in 0..70 {
            for mark in ["\"", "\u{201D}", "\u{201C}", "\u{1D}", "\u{45D}"] {
                let t = format!("{}{mark}{}", &pad[..n.min(pad.len())], "ab ".repeat(n % 23));
                assert_eq!(last_double_quote(&t), t.rfind(['"', '\u{201D}']), "{t}");
            }
        }
    }

    #[test]
    fn finds_cjk_corner_bracket_quotes() {
        let t = "市長は「工事は『予定通り』進む」と述べ、「心配ない」と続けた。";
        let s = spans(t, false);
        assert_eq!(joined(t, &s), "工事は『予定通り』進む 心配ない");
        assert_eq!(word_count("工事は予定通り進む"), 4);
        assert_eq!(word_count("two words"), 2);
    }

    #[test]
    fn continues_an_open_quotation() {
        let t = "and then we left,\" he said.";
        assert_eq!(joined(t, &spans(t, true)), "and then we left,");
    }
}
