//! Tokenizer for number extraction: splits a sentence into words, digit
//! runs, currency/percent symbols and single punctuation marks, remembering
//! whether whitespace preceded each token (so "30-day" and "G7" are seen as
//! glued while "30 - day" is not). A CJK character is a word of its own
//! with a space on either side, as those scripts put none between words.

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

/// Tokenizes `s` into `out` (cleared first). Linear in the input; ASCII
/// bytes take a fast path, other characters are decoded.
pub(super) fn tokenize(s: &str, out: &mut Vec<Tok>) {
    out.clear();
    let bytes = s.as_bytes();
    let mut space = true;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        let (kind, end) = if byte < 0x80 {
            if byte.is_ascii_whitespace() {
                space = true;
                i += 1;
                continue;
            }
            if byte.is_ascii_digit() {
                (Kind::Num, scan_number(bytes, i))
            } else if byte.is_ascii_alphabetic() {
                (Kind::Word, scan_word(s, i))
            } else if byte == b'$' || byte == b'%' {
                (Kind::Sym, i + 1)
            } else {
                (Kind::Punct, i + 1)
            }
        } else {
            let Some(c) = s[i..].chars().next() else {
                break;
            };
            if c.is_whitespace() {
                space = true;
                i += c.len_utf8();
                continue;
            }
            if crate::claims::sentences::is_cjk(c) {
                // Scripts without spaces: each character stands apart, as
                // if spaced, so "約120億円" reads 120 as a number of its own.
                out.push(Tok {
                    kind: Kind::Word,
                    start: i,
                    end: i + c.len_utf8(),
                    space_before: true,
                });
                space = true;
                i += c.len_utf8();
                continue;
            }
            if c.is_alphabetic() {
                (Kind::Word, scan_word(s, i))
            } else if is_sym(c) {
                (Kind::Sym, i + c.len_utf8())
            } else {
                (Kind::Punct, i + c.len_utf8())
            }
        };
        out.push(Tok {
            kind,
            start: i,
            end,
            space_before: space,
        });
        space = false;
        i = end;
    }
}

/// End of a word starting at `i`: letters, with inner apostrophes.
fn scan_word(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let mut end = i;
    while end < b.len() {
        let c = b[end];
        if c.is_ascii_alphabetic() {
            end += 1;
            continue;
        }
        if c < 0x80 && c != b'\'' {
            break;
        }
        let Some(ch) = s[end..].chars().next() else {
            break;
        };
        let inner_apostrophe = is_apostrophe(ch)
            && s[end + ch.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic);
        if (ch.is_alphabetic() && !crate::claims::sentences::is_cjk(ch)) || inner_apostrophe {
            end += ch.len_utf8();
        } else {
            break;
        }
    }
    end
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
    fn cjk_characters_stand_apart() {
        let t = kinds("約120億円、2026年");
        let texts: Vec<&str> = t.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(texts, ["約", "120", "億", "円", "、", "2026", "年"]);
        assert!(t[1].2 && t[2].2 && t[6].2, "spaced");
    }

    #[test]
    fn apostrophes_stay_inside_words() {
        let t = kinds("Russia's don't 'quoted'");
        let texts: Vec<&str> = t.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(texts, ["Russia's", "don't", "'", "quoted", "'"]);
    }
}
