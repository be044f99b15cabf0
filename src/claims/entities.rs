//! Named entities of a sentence: capitalised spans with titles stripped.
//!
//! A span is a run of capitalised words, joined across name particles
//! ("Bank of England", "Ursula von der Leyen"), ended by punctuation, a
//! lower-case word or a possessive ("Russia's" → "Russia"). Then: ordinary
//! words that open a sentence or clause ("The", "However") are dropped,
//! months and weekdays split spans (they are dates), and leading titles are
//! stripped ("Deputy Foreign Minister Sergei Ryabkov" → "Sergei Ryabkov")
//! unless they name an organisation ("Foreign Ministry").

mod words;

use super::lexicon::ALNUM;

/// A token: a word or a single punctuation mark.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Tok {
    start: usize,
    end: usize,
    word: bool,
    /// A capitalised word (or a particle glued to one: "al-Assad").
    cap: bool,
    /// Word-list classes ([`words::classify`]), computed once.
    flags: u16,
    /// A word that ended with a possessive ("Russia's", "Reuters'").
    poss: bool,
    /// Punctuation that opens a clause (quote, colon, bracket, dash).
    opener: bool,
}

fn is_apos(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// `lowered` is `s.to_ascii_lowercase()` (the same byte offsets).
fn tokenize(s: &str, lowered: &str) -> Vec<Tok> {
    if s.is_ascii() {
        tokenize_ascii(s, lowered)
    } else {
        tokenize_general(s)
    }
}

/// [`tokenize_general`] for an all-ASCII sentence (most are): the same
/// tokens, without the character decoding. A word's lower case for the
/// word lists is sliced from `lowered` (what `lower_word` gives an ASCII
/// word: its lower case up to 24 bytes, else ""), not copied per word.
fn tokenize_ascii(s: &str, lowered: &str) -> Vec<Tok> {
    let b = s.as_bytes();
    let n = b.len();
    // Words and punctuation marks: room for both, so the vector is not
    // grown (and copied) on a sentence with commas and quotes.
    let mut out = Vec::with_capacity(n / 4 + 4);
    let mut i = 0;
    while i < n {
        let byte = b[i];
        if !ALNUM[usize::from(byte)] {
            // `char::is_whitespace` on ASCII: space and \t..\r.
            if matches!(byte, b' ' | b'\t'..=b'\r') {
                i += 1;
                continue;
            }
            let space_before = i == 0 || matches!(b[i - 1], b' ' | b'\t'..=b'\r');
            let after_quote = i > 0 && matches!(b[i - 1], b'\'' | b'"');
            let opener = matches!(byte, b'"' | b':' | b';' | b'(' | b'[')
                || byte == b'\'' && (space_before || after_quote)
                || byte == b'-' && space_before;
            out.push(Tok {
                start: i,
                end: i + 1,
                word: false,
                cap: false,
                flags: 0,
                poss: false,
                opener,
            });
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        loop {
            while end < n && ALNUM[usize::from(b[end])] {
                end += 1;
            }
            let Some(&c) = b.get(end) else { break };
            let after = end + 1;
            let joins =
                (c == b'\'' || c == b'-') && b.get(after).is_some_and(|&a| ALNUM[usize::from(a)]);
            // "U.S.": single capitals chained by points.
            let chain = c == b'.'
                && b.get(after).is_some_and(u8::is_ascii_uppercase)
                && end - start <= 3
                && b[end - 1].is_ascii_uppercase()
                && b.get(end + 2) == Some(&b'.');
            if joins || chain {
                end = after;
                continue;
            }
            break;
        }
        end = with_point(s, start, end);
        let mut tok = Tok {
            start,
            end,
            word: true,
            cap: false,
            flags: 0,
            poss: false,
            opener: false,
        };
        let len = end - start;
        if len >= 2 && b[end - 1] == b's' && b[end - 2] == b'\'' {
            tok.end = end - 2;
            tok.poss = true;
        } else if b.get(end) == Some(&b'\'') && b[end - 1] == b's' {
            tok.poss = true;
            end += 1;
        }
        let w = &s[tok.start..tok.end];
        tok.cap = is_cap(w);
        // A lower-case word matters only as a particle (all are short).
        if tok.cap || w.len() <= 3 {
            let lw = if w.len() <= 24 {
                &lowered[tok.start..tok.end]
            } else {
                ""
            };
            tok.flags = words::classify(lw, tok.cap);
        }
        out.push(tok);
        i = end;
    }
    out
}

/// Tokens of any sentence: words (with inner apostrophes and hyphens,
/// "U.S." chains, abbreviation points, possessives split off) and single
/// punctuation marks.
fn tokenize_general(s: &str) -> Vec<Tok> {
    let b = s.as_bytes();
    let n = b.len();
    let mut out = Vec::with_capacity(n / 5 + 1);
    // ASCII fast path; other characters are decoded.
    let char_at = |i: usize| match b.get(i) {
        Some(&c) if c < 0x80 => Some(c as char),
        Some(_) => s.get(i..).and_then(|r| r.chars().next()),
        None => None,
    };
    let alnum_at = |i: usize| match b.get(i) {
        Some(c) if c.is_ascii() => c.is_ascii_alphanumeric(),
        Some(_) => char_at(i).is_some_and(char::is_alphanumeric),
        None => false,
    };
    let mut i = 0;
    while i < n {
        let byte = b[i];
        if byte == b' ' {
            i += 1;
            continue;
        }
        let word_start = ALNUM[usize::from(byte)] || byte >= 0x80 && alnum_at(i);
        if !word_start {
            let Some(c) = char_at(i) else { break };
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            let space_before = s[..i].chars().next_back().is_none_or(char::is_whitespace);
            let after_quote = s[..i].ends_with(['\'', '"']);
            let opener = matches!(c, '"' | '\u{201C}' | '\u{2018}' | ':' | ';' | '(' | '[')
                || is_apos(c) && (space_before || after_quote)
                || matches!(c, '-' | '\u{2013}' | '\u{2014}') && space_before;
            out.push(Tok {
                start: i,
                end: i + c.len_utf8(),
                word: false,
                cap: false,
                flags: 0,
                poss: false,
                opener,
            });
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut end = i;
        loop {
            while end < n && ALNUM[usize::from(b[end])] {
                end += 1;
            }
            let Some(c) = char_at(end) else { break };
            if !c.is_ascii() && c.is_alphanumeric() {
                end += c.len_utf8();
                continue;
            }
            let after = end + c.len_utf8();
            let joins = (is_apos(c) || c == '-') && alnum_at(after);
            // "U.S.": single capitals chained by points.
            let chain = c == '.'
                && b.get(after).is_some_and(u8::is_ascii_uppercase)
                && end - start <= 3
                && b[end - 1].is_ascii_uppercase()
                && b.get(end + 2) == Some(&b'.');
            if joins || chain {
                end = after;
                continue;
            }
            break;
        }
        end = with_point(s, start, end);
        let mut tok = Tok {
            start,
            end,
            word: true,
            cap: false,
            flags: 0,
            poss: false,
            opener: false,
        };
        let w = &s[start..end];
        if let Some(stem) = w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s")) {
            tok.end = start + stem.len();
            tok.poss = true;
        } else if let Some(a) = char_at(end).filter(|&a| is_apos(a))
            && w.ends_with('s')
        {
            tok.poss = true;
            end += a.len_utf8();
        }
        let w = &s[tok.start..tok.end];
        tok.cap = is_cap(w);
        // A lower-case word matters only as a particle (all are short).
        if tok.cap || w.len() <= 3 {
            let mut buf = [0; 24];
            tok.flags = words::classify(super::lexicon::lower_word(w, &mut buf), tok.cap);
        }
        out.push(tok);
        i = end;
    }
    out
}

/// The quick cases inline; a hyphen after two or three letters goes to
/// [`particle_glued`].
#[inline(always)]
fn is_cap(w: &str) -> bool {
    let b = w.as_bytes();
    let Some(&first) = b.first() else {
        return false;
    };
    if first.is_ascii_uppercase() {
        return true;
    }
    if first >= 0x80 {
        return w.chars().next().is_some_and(char::is_uppercase);
    }
    let hyphen = b.get(2) == Some(&b'-') || b.get(3) == Some(&b'-');
    hyphen && particle_glued(w)
}

/// "al-Assad", "bin-Laden": a particle glued by a hyphen to a capital.
#[inline(never)]
fn particle_glued(w: &str) -> bool {
    w.split_once('-').is_some_and(|(p, rest)| {
        words::particle(p) && rest.chars().next().is_some_and(char::is_uppercase)
    })
}

struct Scan<'a> {
    s: &'a str,
    t: Vec<Tok>,
}

impl<'a> Scan<'a> {
    fn text(&self, k: usize) -> &'a str {
        &self.s[self.t[k].start..self.t[k].end]
    }

    fn flag(&self, k: usize, f: u16) -> bool {
        self.t[k].flags & f != 0
    }

    fn is_cap(&self, k: usize) -> bool {
        self.t.get(k).is_some_and(|t| t.cap)
    }

    fn is_particle(&self, k: usize) -> bool {
        self.t
            .get(k)
            .is_some_and(|t| t.flags & words::PARTICLE != 0)
    }

    /// Whether a span starting at `k` opens the sentence or a clause.
    fn initial(&self, k: usize) -> bool {
        k == 0 || !self.t[k - 1].word && self.t[k - 1].opener
    }

    /// Whether the token before `k` (> 0) makes it a temperature's scale:
    /// a glued degree sign or the word "degree(s)".
    fn scale_before(&self, k: usize) -> bool {
        (self.t[k - 1].end == self.t[k].start && self.text(k - 1) == "\u{B0}")
            || ["degrees", "degree"].contains(&self.text(k - 1))
    }

    fn is_date_word(&self, k: usize) -> bool {
        if self.flag(k, words::MAY) {
            // "Theresa May" is a name; "May 5" and a lone "May" are dates.
            let after_name = k > 0 && self.t[k - 1].word && self.is_cap(k - 1);
            let before_num = self
                .t
                .get(k + 1)
                .is_some_and(|t| self.s[t.start..].starts_with(|c: char| c.is_ascii_digit()));
            return !after_name || before_num;
        }
        self.flag(k, words::DATE)
    }
}

/// Named entities in order of first appearance, without duplicates.
pub fn extract_entities(sentence: &str) -> Vec<String> {
    extract_entities_lowered(sentence, &sentence.to_ascii_lowercase())
}

/// [`extract_entities`] given `lowered`, `sentence.to_ascii_lowercase()`
/// (claim typing has it already).
pub(crate) fn extract_entities_lowered(sentence: &str, lowered: &str) -> Vec<String> {
    debug_assert_eq!(lowered.len(), sentence.len());
    let sc = Scan {
        s: sentence,
        t: tokenize(sentence, lowered),
    };
    // Nearly every sentence names something (it opens with a capital).
    let mut out: Vec<String> = Vec::with_capacity(4);
    let mut span: Vec<usize> = Vec::with_capacity(8);
    let mut i = 0;
    let n = sc.t.len();
    // "Mayor Lowe Says Pier Will Reopen": in a title-case headline a verb
    // is capitalised too, and ends a name rather than joining the next.
    let title = title_case(&sc.t);
    let verb = |k: usize| title && title_verb(&lowered[sc.t[k].start..sc.t[k].end]);
    while i < n {
        // "20°C", "20 degrees Celsius": a temperature's scale, no name.
        // Asked only of a capitalised word (most are not).
        if !sc.is_cap(i) || i > 0 && sc.scale_before(i) || verb(i) {
            i += 1;
            continue;
        }
        span.clear();
        span.push(i);
        let mut k = i + 1;
        let mut poss = sc.t[i].poss;
        while !poss && k < n {
            if sc.is_cap(k) && !verb(k) {
                span.push(k);
                poss = sc.t[k].poss;
                k += 1;
                continue;
            }
            // Up to two particles between capitalised words.
            // "the" joins only after "of" ("Bank of the West").
            let mut m = k;
            while m < n
                && m - k < 2
                && sc.is_particle(m)
                && !sc.t[m].poss
                && (m > k || !sc.text(m).eq_ignore_ascii_case("the"))
            {
                m += 1;
            }
            if m > k && sc.is_cap(m) {
                span.extend(k..m);
                k = m;
                continue;
            }
            break;
        }
        split_dates(&sc, &span, sc.initial(i), &mut out);
        i = k;
    }
    out
}

/// Splits a span at month and weekday words and emits each part.
fn split_dates(sc: &Scan, span: &[usize], initial: bool, out: &mut Vec<String>) {
    let mut from = 0;
    let mut first = true;
    for (p, &k) in span.iter().enumerate() {
        if sc.is_date_word(k) {
            emit_part(sc, &span[from..p], initial && first, out);
            from = p + 1;
            first = false;
        }
    }
    emit_part(sc, &span[from..], initial && first, out);
}

/// Drops opening ordinary words and titles from a part, then emits it.
fn emit_part(sc: &Scan, part: &[usize], initial: bool, out: &mut Vec<String>) {
    use words::{DEMONYM, DEPT, HEAD, MODIFIER, OF_THE, ORG, STOP};
    let mut s = 0;
    if initial {
        while s < part.len() && sc.flag(part[s], STOP) {
            s += 1;
        }
    }
    // Never start or end on a particle.
    while s < part.len() && sc.is_particle(part[s]) {
        s += 1;
    }
    let part = &part[s..];
    let Some(h) = part.iter().position(|&k| sc.flag(k, HEAD)) else {
        push(sc, part, initial && s == 0, out);
        return;
    };
    let titleish = |k: usize| sc.flag(k, HEAD | MODIFIER | DEPT | OF_THE);
    let mut j = h;
    while j > 0 && titleish(part[j - 1]) && !sc.is_particle(part[j - 1]) {
        j -= 1;
    }
    let mut k = h;
    while k + 1 < part.len() && titleish(part[k + 1]) {
        k += 1;
    }
    while k > h && !sc.flag(part[k], HEAD | DEPT) {
        k -= 1;
    }
    let rest = &part[k + 1..];
    if rest.first().is_some_and(|&r| sc.flag(r, ORG)) {
        push(sc, part, false, out);
        return;
    }
    let pre = &part[..j];
    let demonym = pre.len() == 1 && sc.flag(pre[0], DEMONYM);
    if !pre.is_empty() && !demonym {
        push(sc, pre, initial && s == 0, out);
    }
    if !rest.is_empty() {
        emit_part(sc, rest, false, out);
    }
}

/// Adds the text of `part` (first to last word) unless already present.
fn push(sc: &Scan, part: &[usize], initial: bool, out: &mut Vec<String>) {
    let mut part = part;
    while let Some((&last, init)) = part.split_last() {
        if sc.is_particle(last) {
            part = init;
        } else {
            break;
        }
    }
    let (Some(&a), Some(&z)) = (part.first(), part.last()) else {
        return;
    };
    if part.len() == 1 && (sc.flag(a, words::PRONOUN) || sc.flag(a, words::STOP) && initial) {
        return;
    }
    // A lone opening word that reads as an adverb or participle
    // ("Separately", "According") is not a name.
    let w = sc.text(a);
    if part.len() == 1 && initial && (w.ends_with("ly") || w.ends_with("ing")) {
        return;
    }
    // A lone opening compound with a lower-case tail ("High-speed",
    // "Long-term") is an adjective, capitalised only by its place.
    if part.len() == 1
        && initial
        && w.split_once('-')
            .is_some_and(|(_, tail)| tail.starts_with(|c: char| c.is_ascii_lowercase()))
    {
        return;
    }
    let text = &sc.s[sc.t[a].start..sc.t[z].end];
    let text = text.trim_end_matches(['-', '\'']);
    // "Kremlin-backed" → "Kremlin".
    let text = trim_lower_hyphen_tail(text);
    if text.is_empty() || out.iter().any(|e| e == text) {
        return;
    }
    out.push(text.to_string());
}

/// "Kremlin-backed" → "Kremlin": drops hyphenated lower-case tails.
/// Only participle-like tails go ("-backed", "-led", "-based"): "Ki-moon"
/// stays whole.
fn trim_lower_hyphen_tail(text: &str) -> &str {
    let mut t = text;
    while let Some((head, tail)) = t.rsplit_once('-') {
        let participle = tail.ends_with("ed")
            || matches!(
                tail,
                "run"
                    | "born"
                    | "made"
                    | "held"
                    | "style"
                    | "era"
                    | "wide"
                    | "like"
                    | "friendly"
                    | "leaning"
            );
        if participle && !head.is_empty() {
            t = head;
        } else {
            break;
        }
    }
    t
}

/// The end of the word `s[start..end]`, taking the point after it when it
/// is an initial, a chain or a known abbreviation ("F.", "U.S.", "Mr.").
#[inline(always)]
fn with_point(s: &str, start: usize, end: usize) -> usize {
    // Inline: most words are followed by no point (it was a call per word).
    if s.as_bytes().get(end) == Some(&b'.') && takes_point(s, start, end) {
        return end + 1;
    }
    end
}

/// Whether the word `s[start..end]`, followed by a point, keeps it.
#[inline(never)]
fn takes_point(s: &str, start: usize, end: usize) -> bool {
    let w = &s[start..end];
    let single = w.len() == 1 && s.as_bytes()[start].is_ascii_uppercase();
    single || w.contains('.') || words::abbreviation(w)
}

#[cfg(test)]
mod tests;

/// Whether most words are capitalised, as in a title-case headline.
fn title_case(t: &[Tok]) -> bool {
    let words = t.iter().filter(|t| t.word);
    let (all, caps) = words.fold((0, 0), |(a, c), t| (a + 1, c + usize::from(t.cap)));
    all >= 4 && caps * 10 >= all * 7
}

/// The verbs and auxiliaries a title-case headline capitalises ("Says",
/// "Will", "Won't"), lower-cased.
fn title_verb(w: &str) -> bool {
    matches!(
        w,
        "says"
            | "said"
            | "say"
            | "tells"
            | "told"
            | "warns"
            | "claims"
            | "denies"
            | "vows"
            | "will"
            | "won't"
            | "would"
            | "is"
            | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "can"
            | "can't"
            | "could"
            | "should"
            | "to"
            | "be"
            | "not"
    )
}
