//! Speakers a paragraph names outside its sentences: a transcript label
//! ("SMITH: …"), a name label ("Ada Lowe: …") or a signature after a
//! closing quote ("“…” - Ann Lee, teacher"). Main entry: [`block_speaker`].

/// The speaker of a whole paragraph, when the paragraph names one outside
/// any sentence: a transcript label ("SMITH: …", in capitals) or a
/// signature after a closing quote ("“…” - Ann Lee, teacher").
pub fn block_speaker(text: &str) -> Option<&str> {
    let body = text.trim_start_matches(['"', '\u{201C}', ' ']);
    // Most paragraphs hold no colon: one search settles both label tests.
    let colon = memchr::memchr(b':', body.as_bytes()).is_some();
    if colon
        && let Some((label, rest)) = body.split_once(':')
        && !rest.is_empty()
        && !is_kicker(label)
        // At most four words are counted: a longer label is none.
        && (1..=3).contains(&label.split_whitespace().take(4).count())
        && label.chars().any(char::is_alphabetic)
        && label
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-'))
    {
        return Some(label.trim());
    }
    if colon && let Some(name) = name_label(body) {
        return Some(name);
    }
    // A signature opens with a hyphen or a dash (whose UTF-8 forms lead
    // with 0xE2): without one, no need to look for the closing quote.
    memchr::memchr2(b'-', 0xE2, text.as_bytes())?;
    let close = super::super::quotes::last_double_quote(text)?;
    let mark = text[close..].chars().next().map_or(1, char::len_utf8);
    let tail = text[close + mark..].trim_start();
    let name = tail.strip_prefix(['-', '\u{2014}', '\u{2015}', '\u{2013}'])?;
    let name = name.trim_start_matches(['-', ' ']);
    let name = name
        .split([',', ';', '('])
        .next()?
        .trim()
        .trim_end_matches('.');
    let words = name.split_whitespace().take(7).count();
    let capital = name.starts_with(|c: char| c.is_uppercase());
    (capital && (1..=6).contains(&words)).then_some(name)
}

/// A page's kicker or label in capitals ("BREAKING:", "BYLINE:",
/// "UPDATE:"), which introduces what follows but never speaks it.
fn is_kicker(label: &str) -> bool {
    let l = label.trim().to_ascii_uppercase();
    // "Q:" and "A:" mark an interview's turns, not who takes them.
    l.len() == 1
        || matches!(
            l.as_str(),
            "BREAKING"
                | "BREAKING NEWS"
                | "BYLINE"
                | "UPDATE"
                | "UPDATED"
                | "CORRECTION"
                | "EXCLUSIVE"
                | "ANALYSIS"
                | "OPINION"
                | "EDITORIAL"
                | "WATCH"
                | "LOOK"
                | "LISTEN"
                | "VIDEO"
                | "PHOTOS"
                | "LIVE"
                | "READ MORE"
                | "RELATED"
                | "EDITOR'S NOTE"
                | "NOTE"
                | "SOURCE"
                | "SOURCES"
                | "CREDIT"
                | "PHOTO"
        )
}

/// "Ada Lowe: I'd run again.": a person's name (a known given name and
/// one or two more capitalised words) as the label of what follows.
/// "Breaking News: …" and "Analysis: …" have no given name.
pub(in crate::claims) fn name_label(body: &str) -> Option<&str> {
    let (label, rest) = body.split_once(':')?;
    let words: Vec<&str> = label.split_whitespace().take(4).collect();
    let named = (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '\u{2019}'))
        })
        && super::super::names::given_name(words[0]).is_some();
    let says = rest
        .trim_start()
        .starts_with(|c: char| c.is_alphanumeric() || c == '"' || c == '\u{201C}');
    (named && says).then(|| label.trim())
}
