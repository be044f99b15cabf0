//! Sentence splitting for claim extraction: `sentencex` plus a thin
//! post-pass that re-joins its rare wrong splits (open quotations, titles
//! and initials, a lower-case continuation).

/// Splits one block of body text into trimmed sentences, keeping a
/// quotation that spans several sentences in one piece.
pub fn split(text: &str) -> Vec<&str> {
    // One sentence when no stop, question or exclamation mark comes before
    // the last few characters: no need to run the segmenter.
    let trimmed = text.trim();
    let body_end = trimmed.len().saturating_sub(4);
    let body = trimmed.get(..body_end).unwrap_or(trimmed);
    // Bytes: the four are ASCII, which in UTF-8 stand only for themselves.
    if !body
        .bytes()
        .any(|b| matches!(b, b'.' | b'!' | b'?' | b'\n'))
    {
        return if trimmed.is_empty() {
            Vec::new()
        } else {
            vec![trimmed]
        };
    }
    let mut out: Vec<(usize, usize)> = Vec::new();
    // Quote counts of the last sentence and where the last closing quote
    // sits, kept incrementally: rescanning the growing sentence on every
    // join was quadratic on a long paragraph of lower-case continuations.
    let mut quotes = Quotes::default();
    let last_close = super::quotes::last_double_quote(text);
    let base = text.as_ptr() as usize;
    for seg in segment(text) {
        let seg = seg.trim();
        if seg.is_empty() {
            continue;
        }
        // sentencex hands back sub-slices of `text`; fall back to a search
        // if it ever allocates.
        let start = match (seg.as_ptr() as usize).checked_sub(base) {
            Some(s) if s + seg.len() <= text.len() && text.get(s..s + seg.len()) == Some(seg) => s,
            _ => {
                let from = out.last().map_or(0, |l| l.1);
                match text.get(from..).and_then(|rest| rest.find(seg)) {
                    Some(p) => from + p,
                    None => continue,
                }
            }
        };
        let end = start + seg.len();
        if let Some(last) = out.last_mut()
            && should_join(
                &text[last.0..last.1],
                seg,
                quotes.open(),
                last_close.is_some_and(|q| q >= last.1),
            )
        {
            quotes.add(text.get(last.1..end).unwrap_or_default());
            last.1 = end;
            continue;
        }
        quotes = Quotes::default();
        quotes.add(seg);
        out.push((start, end));
    }
    out.into_iter().map(|(s, e)| &text[s..e]).collect()
}

/// `sentencex::segment("en", text)` without its per-call language look-up
/// (a boxed segmenter and a hash set): it hands text up to 10 KB straight
/// to the English segmenter and chunks longer text, so longer text still
/// takes the crate's own path.
fn segment(text: &str) -> Vec<&str> {
    use sentencex::languages::Language;
    if text.len() > 10 * 1024 {
        sentencex::segment("en", text)
    } else {
        sentencex::languages::English {}.segment(text)
    }
}

/// True when `next` continues `prev` rather than starting a sentence;
/// `open` says whether `prev` leaves a quotation open, `closes_later`
/// whether a closing quote follows `prev` in the paragraph.
fn should_join(prev: &str, next: &str, open: bool, closes_later: bool) -> bool {
    // Inside an open quotation that closes later in the paragraph, or that
    // opens the paragraph and runs on into the next one.
    if open && (closes_later || prev.starts_with(['"', '\u{201C}'])) {
        return true;
    }
    let first = next
        .chars()
        .find(|c| !matches!(c, '"' | '\'' | '(' | '\u{201C}' | '\u{2018}'));
    match first {
        Some(c) if c.is_lowercase() => return true,
        Some(c) if c.is_ascii_digit() && ends_with_abbreviation(prev, true) => return true,
        None => return true,
        _ => {}
    }
    ends_with_abbreviation(prev, false)
}

/// Running quote counts of a piece of text.
#[derive(Debug, Default, Clone, Copy)]
struct Quotes {
    straight: usize,
    depth: isize,
}

impl Quotes {
    fn add(&mut self, s: &str) {
        // Bytes, not chars: '"' is ASCII and U+201C/U+201D are E2 80 9C/9D,
        // whose lead byte only ever starts a character.
        // Straight quotes are counted in a pass that vectorises; curly ones
        // are looked for only where their lead byte occurs.
        let b = s.as_bytes();
        self.straight += b.iter().filter(|&&c| c == b'"').count();
        if !b.contains(&0xE2) {
            return;
        }
        for (i, _) in b.iter().enumerate().filter(|&(_, &c)| c == 0xE2) {
            if b.get(i + 1) == Some(&0x80) {
                match b.get(i + 2) {
                    Some(0x9C) => self.depth += 1,
                    Some(0x9D) => self.depth -= 1,
                    _ => {}
                }
            }
        }
    }

    fn open(&self) -> bool {
        self.straight % 2 == 1 || self.depth > 0
    }
}

/// True when `s` has an odd number of straight double quotes, or more
/// opening than closing curly ones.
pub fn quote_open(s: &str) -> bool {
    let mut q = Quotes::default();
    q.add(s);
    q.open()
}

/// True when the last word of `prev` is a title, an initial or an
/// abbreviation that never ends a sentence ("Sen.", "J.", "Lt.", "No.").
/// With `before_digit`, also abbreviations that precede numbers.
fn ends_with_abbreviation(prev: &str, before_digit: bool) -> bool {
    let Some(word) = prev.split_whitespace().next_back() else {
        return false;
    };
    let word = word.trim_start_matches(['"', '(', '\u{201C}']);
    let Some(stem) = word.strip_suffix('.') else {
        return false;
    };
    // A single capital letter: an initial ("J. R. Allen").
    let mut chars = stem.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true;
    }
    // No list word is longer than 6 letters: a longer stem is in neither.
    let mut buf = [0u8; 6];
    let Some(lower) = ascii_lower(stem, &mut buf) else {
        return false;
    };
    if TITLES.contains(&lower) {
        return true;
    }
    before_digit && NUMBER_ABBREVIATIONS.contains(&lower)
}

/// True for a title abbreviation without its full stop ("Sen", "lt").
pub fn is_title(stem: &str) -> bool {
    let mut buf = [0u8; 6];
    ascii_lower(stem, &mut buf).is_some_and(|lower| TITLES.contains(&lower))
}

/// `word` lower-cased (ASCII letters only, like `to_ascii_lowercase`) in
/// `buf`; `None` when it does not fit, so it is in no list here.
fn ascii_lower<'b>(word: &str, buf: &'b mut [u8; 6]) -> Option<&'b str> {
    if word.len() > buf.len() {
        return None;
    }
    let out = &mut buf[..word.len()];
    out.copy_from_slice(word.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

/// Abbreviations that are followed by a name, so never end a sentence.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "sens", "rep", "reps", "gov", "gen", "lt", "col", "maj",
    "capt", "sgt", "cpl", "adm", "cmdr", "prof", "rev", "hon", "pres", "supt", "det", "insp", "st",
    "fr", "messrs", "mmes", "atty", "amb", "lieut", "brig", "vs", "v", "gens",
];

/// Abbreviations that are followed by a number ("No. 5", "Jan. 4").
const NUMBER_ABBREVIATIONS: &[&str] = &[
    "no", "nos", "vol", "art", "sec", "fig", "pp", "p", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "ch", "para", "approx",
];

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn keeps_titles_initials_and_abbreviations() {
        let s = split(
            "Lt. Gen. J. R. Hale said so. Sen. Ada Fox arrived in the U.S. on Jan. 4. She left.",
        );
        assert_eq!(
            s,
            vec![
                "Lt. Gen. J. R. Hale said so.",
                "Sen. Ada Fox arrived in the U.S. on Jan. 4.",
                "She left."
            ]
        );
    }

    #[test]
    fn keeps_a_multi_sentence_quotation_whole() {
        let s = split("\"We came. We stayed,\" the mayor said. \"We won.\" Crowds cheered.");
        assert_eq!(
            s,
            vec![
                "\"We came. We stayed,\" the mayor said.",
                "\"We won.\"",
                "Crowds cheered."
            ]
        );
    }

    #[test]
    fn abbreviation_lists_fit_the_look_up_buffer() {
        for w in super::TITLES.iter().chain(super::NUMBER_ABBREVIATIONS) {
            assert!(w.len() <= 6 && *w == w.to_ascii_lowercase(), "{w}");
        }
        assert!(super::is_title("SEN") && super::is_title("Messrs"));
        assert!(!super::is_title("Senator") && !super::is_title(""));
    }

    /// The counts match a walk over the characters.
    #[test]
    fn quote_counts_match_a_char_walk() {
        let plain = |s: &str| {
            let straight = s.matches('"').count();
            let depth =
                s.matches('\u{201C}').count() as isize - s.matches('\u{201D}').count() as isize;
            straight % 2 == 1 || depth > 0
        };
        for s in [
            "",
            "no marks",
            "\"open",
            "\"a\" b",
            "\u{201C}open \u{2014} still",
            "\u{201C}a\u{201D} \u{201C}b",
            "\u{201D}\u{201C}",
            "\u{2018}x\u{2019} \u{201C}\u{201D}\"",
        ] {
            assert_eq!(super::quote_open(s), plain(s), "{s:?}");
        }
    }

    #[test]
    fn joins_lower_case_continuations() {
        let s = split("\"Is it over?\" she asked. It was.");
        assert_eq!(s, vec!["\"Is it over?\" she asked.", "It was."]);
    }
}
