//! Contracted words the noun-phrase scans read as written out: a
//! relative "who" with its auxiliary ("who'd", "who’ve"), which
//! [`split_who`] makes two tokens.

use super::Tok;

/// The auxiliary of a contracted "who" ("who'd", "who’ve"), as written
/// out: "who'd previously endorsed" is "who had previously endorsed".
pub(super) fn who_contraction(core: &str) -> Option<&'static str> {
    let b = core.as_bytes();
    if b.len() < 5 || !b[..3].eq_ignore_ascii_case(b"who") {
        return None;
    }
    let rest = core[3..]
        .strip_prefix('\'')
        .or_else(|| core[3..].strip_prefix('\u{2019}'))?;
    match rest.to_ascii_lowercase().as_str() {
        "d" => Some("had"),
        "ve" => Some("have"),
        "re" => Some("are"),
        "ll" => Some("will"),
        // "who's" stays one word: "'s" would read as a possessive, and
        // the speaker scans know "who's" as written.
        _ => None,
    }
}

/// `toks` with each contracted "who" split into "who" and its auxiliary
/// token, whose `lw` is the auxiliary written out ("had", "have"); both
/// keep the word's quotation flag. `lowered` is the sentence lower-cased.
#[cold]
pub(super) fn split_who<'a>(toks: Vec<Tok<'a>>, lowered: &'a str) -> Vec<Tok<'a>> {
    let mut out = Vec::with_capacity(toks.len() + 1);
    for t in toks {
        let Some(aux) = who_contraction(t.core) else {
            out.push(t);
            continue;
        };
        // `core` starts `lead` bytes into `raw` ("(who'd" has one).
        let lead = t.core.as_ptr() as usize - t.raw.as_ptr() as usize;
        let cut = lead + 3;
        let at = t.start + lead;
        out.push(Tok {
            raw: &t.raw[..cut],
            start: t.start,
            core: &t.core[..3],
            quoted: t.quoted,
            lw: lowered.get(at..at + 3).unwrap_or(""),
        });
        out.push(Tok {
            raw: &t.raw[cut..],
            start: t.start + cut,
            core: &t.core[3..],
            quoted: t.quoted,
            lw: aux,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tokenize;
    use super::who_contraction;

    #[test]
    fn a_contracted_who_names_its_auxiliary() {
        assert_eq!(who_contraction("who'd"), Some("had"));
        assert_eq!(who_contraction("Who\u{2019}ve"), Some("have"));
        assert_eq!(who_contraction("who'll"), Some("will"));
        // "who's" stays one word; "whose" and "who" are no contractions.
        assert_eq!(who_contraction("who's"), None);
        assert_eq!(who_contraction("whose"), None);
        assert_eq!(who_contraction("who"), None);
    }

    #[test]
    fn tokenize_splits_a_contracted_who_in_two() {
        let text = "Voters who\u{2019}ve seen it";
        let lowered = text.to_ascii_lowercase();
        let toks = tokenize(text, &lowered, &[]);
        let words: Vec<(&str, &str, usize)> = toks.iter().map(|t| (t.raw, t.lw, t.start)).collect();
        assert_eq!(
            words,
            [
                ("Voters", "voters", 0),
                ("who", "who", 7),
                ("\u{2019}ve", "have", 10),
                ("seen", "seen", 16),
                ("it", "it", 21),
            ]
        );
        assert_eq!(toks[2].end(), 15);
    }
}
