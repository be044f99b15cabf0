//! Tokenizer for number extraction: splits a sentence into words, digit
//! runs, currency/percent symbols and single punctuation marks, remembering
//! whether whitespace preceded each token (so "30-day" and "G7" are seen as
//! glued while "30 - day" is not).

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Letters, with inner apostrophes ("Russia's", "don't").
    Word,
    /// Digits with thousands separators and a decimal part ("113,000", "1.5").
    Num,
    /// A currency sign or `%`.
    Sym,
    /// Any other single non-space character.
    Punct,
}

/// One token: byte span in the sentence.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// Whitespace (or the sentence start) precedes the token.
    pub space_before: bool,
}

fn is_sym(c: char) -> bool {
    matches!(c, '$' | '€' | '£' | '¥' | '₹' | '₽' | '₴' | '%')
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Tokenizes `s` into `out` (cleared first). Linear in the input.
pub(super) fn tokenize(s: &str, out: &mut Vec<Tok>) {
    out.clear();
    let bytes = s.as_bytes();
    let mut space = true;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let (kind, end) = if c.is_ascii_digit() {
            (Kind::Num, scan_number(bytes, i))
        } else if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            loop {
                let rest = &s[end..];
                let mut chars = rest.chars();
                match chars.next() {
                    Some(n) if n.is_alphabetic() => end += n.len_utf8(),
                    // An inner apostrophe keeps the word whole.
                    Some(n) if is_apostrophe(n) => match chars.next() {
                        Some(m) if m.is_alphabetic() => end += n.len_utf8(),
                        _ => break,
                    },
                    _ => break,
                }
            }
            (Kind::Word, end)
        } else if is_sym(c) {
            (Kind::Sym, i + c.len_utf8())
        } else {
            (Kind::Punct, i + c.len_utf8())
        };
        out.push(Tok {
            kind,
            start: i,
            end,
            space_before: space,
        });
        space = false;
        // Skip the chars consumed beyond the first.
        while let Some(&(j, _)) = it.peek() {
            if j < end {
                it.next();
            } else {
                break;
            }
        }
    }
}

/// End of a digit run starting at `i`: "1,234,567.89". A comma joins only a
/// group of exactly three digits; a point joins only when digits follow.
fn scan_number(b: &[u8], i: usize) -> usize {
    let mut end = i;
    while end < b.len() && b[end].is_ascii_digit() {
        end += 1;
    }
    // Thousands groups.
    loop {
        if end + 3 < b.len()
            && b[end] == b','
            && b[end + 1].is_ascii_digit()
            && b[end + 2].is_ascii_digit()
            && b[end + 3].is_ascii_digit()
            && (end + 4 >= b.len() || !b[end + 4].is_ascii_digit())
        {
            end += 4;
        } else {
            break;
        }
    }
    if end + 1 < b.len() && b[end] == b'.' && b[end + 1].is_ascii_digit() {
        end += 1;
        while end < b.len() && b[end].is_ascii_digit() {
            end += 1;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(Kind, String, bool)> {
        let mut v = Vec::new();
        tokenize(s, &mut v);
        v.iter()
            .map(|t| (t.kind, s[t.start..t.end].to_string(), t.space_before))
            .collect()
    }

    #[test]
    fn splits_numbers_words_and_glue() {
        let t = kinds("about 113,000 km, a 30-day G7 $1.5bn");
        let texts: Vec<&str> = t.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(
            texts,
            [
                "about", "113,000", "km", ",", "a", "30", "-", "day", "G", "7", "$", "1.5", "bn"
            ]
        );
        assert!(!t[6].2 && !t[7].2, "30-day is glued");
        assert!(!t[9].2, "G7 is glued");
    }

    #[test]
    fn comma_needs_three_digits_and_point_needs_digits() {
        let t = kinds("1,5 and 2025. Then 1,2345");
        let texts: Vec<&str> = t.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(
            texts,
            ["1", ",", "5", "and", "2025", ".", "Then", "1", ",", "2345"]
        );
    }

    #[test]
    fn apostrophes_stay_inside_words() {
        let t = kinds("Russia's don't 'quoted'");
        let texts: Vec<&str> = t.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(texts, ["Russia's", "don't", "'", "quoted", "'"]);
    }
}
