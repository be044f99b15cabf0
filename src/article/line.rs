//! Line-level vocabulary shared by the text, Markdown and HTML readers: the
//! classified source line ([`SrcLine`]), the assembled [`Unit`], and cheap
//! string predicates (sentence ends, title-like lines, list markers).

use super::BlockKind;

/// What a source line is, before lines are joined into paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineClass {
    /// Empty: ends a paragraph.
    Blank,
    /// Boilerplate or metadata: dropped, and ends a paragraph.
    Drop,
    /// Ordinary text, maybe part of a hard-wrapped paragraph.
    Text,
    /// A list item; its marker is already stripped.
    ListItem,
    /// A heading marked up as such (`# x`, `//x//`, `<h2>`).
    Heading,
}

/// One source line: typography folded, whitespace collapsed, classified.
#[derive(Debug, Clone)]
pub(crate) struct SrcLine {
    pub text: String,
    /// 1-based line number in the source.
    pub line: usize,
    pub class: LineClass,
    /// Started with whitespace (a list item's continuation, in Markdown).
    pub indented: bool,
    /// Characters of the line as written (trimmed), which is what a
    /// wrapping editor counted.
    pub raw_len: usize,
}

/// A candidate block: joined text with its kind and first source line.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    pub kind: BlockKind,
    pub text: String,
    pub line: usize,
    /// How many source lines were joined into it.
    pub lines: usize,
}

/// Folds typography and collapses whitespace runs (including tabs and
/// control characters) into single spaces, trimming both ends. One pass;
/// ASCII bytes are copied as they are.
pub(crate) fn clean(s: &str) -> String {
    if is_clean(s.as_bytes()) {
        return s.to_string();
    }
    let mut out = Cleaner {
        out: String::with_capacity(s.len()),
        space: false,
    };
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if b <= b' ' || b == 0x7f {
                out.space();
                i += 1;
            } else {
                // Copy a run of plain ASCII at once, with the single spaces
                // between its words: they come out as they are.
                let plain = |c: u8| (0x21..0x7f).contains(&c);
                let start = i;
                loop {
                    while i < bytes.len() && plain(bytes[i]) {
                        i += 1;
                    }
                    if bytes.get(i) == Some(&b' ') && bytes.get(i + 1).is_some_and(|&c| plain(c)) {
                        i += 1;
                        continue;
                    }
                    break;
                }
                out.push_str(&s[start..i]);
            }
            continue;
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        // An en dash between two words stands for a dash ("the
        // debate–published by the paper–shows"), as the em dash does
        // (see `fold_char`); between digits it is a range ("1990–95").
        if c == '\u{2013}'
            && out.out.chars().next_back().is_some_and(char::is_alphabetic)
            && s[i..].chars().next().is_some_and(char::is_alphabetic)
        {
            spaced_dash(&mut out);
            continue;
        }
        match super::fold_char(c) {
            super::Folded::Char(f) => out.push_folded(f),
            super::Folded::Str(f) => f.chars().for_each(|f| out.push_folded(f)),
            super::Folded::Drop => {}
        }
    }
    out.out
}

fn spaced_dash(out: &mut Cleaner) {
    out.space();
    out.push('-');
    out.space();
}

/// Text [`clean`] hands back as it is: printable ASCII (nothing to fold,
/// no control characters), single spaces between words and none at the
/// ends. Checked 32 bytes at a time without branches, which vectorises.
fn is_clean(b: &[u8]) -> bool {
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return true;
    };
    if first == b' ' || last == b' ' {
        return false;
    }
    // A byte is bad when it is no printable ASCII, or a space after a space.
    let bad = |p: u8, c: u8| !(0x20..0x7f).contains(&c) | ((p == b' ') & (c == b' '));
    if !(0x20..0x7f).contains(&first) {
        return false;
    }
    let (pairs_a, pairs_b) = (&b[..b.len() - 1], &b[1..]);
    let mut ok = true;
    let mut k = 0;
    while k + 32 <= pairs_a.len() {
        let mut any = false;
        for j in k..k + 32 {
            any |= bad(pairs_a[j], pairs_b[j]);
        }
        if any {
            return false;
        }
        k += 32;
    }
    for j in k..pairs_a.len() {
        ok &= !bad(pairs_a[j], pairs_b[j]);
    }
    ok
}

/// Output of [`clean`]: a pending space is written only before a
/// following character, so runs collapse and ends are trimmed.
struct Cleaner {
    out: String,
    space: bool,
}

impl Cleaner {
    fn space(&mut self) {
        self.space = !self.out.is_empty();
    }

    fn push(&mut self, c: char) {
        if self.space {
            self.out.push(' ');
            self.space = false;
        }
        self.out.push(c);
    }

    fn push_str(&mut self, s: &str) {
        if self.space {
            self.out.push(' ');
            self.space = false;
        }
        self.out.push_str(s);
    }

    fn push_folded(&mut self, c: char) {
        if c.is_whitespace() || c.is_control() {
            self.space();
        } else {
            self.push(c);
        }
    }
}

/// Length in characters (not bytes), as a wrapping editor counts it.
pub(crate) fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Up to the first space (all of `s` without one), as `split(' ')` gives.
pub(crate) fn first_word(s: &str) -> &str {
    match s.bytes().position(|c| c == b' ') {
        Some(i) => &s[..i],
        None => s,
    }
}

/// After the last space (all of `s` without one), as `rsplit(' ')` gives.
pub(crate) fn last_word(s: &str) -> &str {
    match s.bytes().rposition(|c| c == b' ') {
        Some(i) => &s[i + 1..],
        None => s,
    }
}

pub(crate) fn word_count(s: &str) -> usize {
    word_starts(s.as_bytes())
}

/// Words (runs of non-spaces) in `b`: a word starts at a non-space at the
/// start or after a space.
fn word_starts(b: &[u8]) -> usize {
    let mut n = usize::from(b.first().is_some_and(|&c| c != b' '));
    let mut from = 0;
    while from + 1 < b.len() {
        let (count, next) = starts_in_block(b, from);
        n += count;
        from = next;
    }
    n
}

/// Bytes compared per step of [`starts_in_block`].
const BLOCK: usize = 32;

/// Word starts at positions `from + 1 ..= from + BLOCK` of `b` (fewer at
/// the end), with the position to continue from. A fixed-width block of
/// byte pairs compiles to a few vector compares, which the long lines
/// (whole paragraphs) this counts on need.
fn starts_in_block(b: &[u8], from: usize) -> (usize, usize) {
    if let (Some(prev), Some(cur)) = (
        b.get(from..from + BLOCK)
            .and_then(|s| <&[u8; BLOCK]>::try_from(s).ok()),
        b.get(from + 1..from + 1 + BLOCK)
            .and_then(|s| <&[u8; BLOCK]>::try_from(s).ok()),
    ) {
        let mut count = 0u8;
        for k in 0..BLOCK {
            count += u8::from((prev[k] == b' ') & (cur[k] != b' '));
        }
        return (usize::from(count), from + BLOCK);
    }
    let tail = &b[from..];
    let count = tail
        .iter()
        .zip(&tail[1..])
        .filter(|&(&p, &c)| p == b' ' && c != b' ')
        .count();
    (count, b.len() - 1)
}

/// Whether `s` has at most `limit` words, looking no further than needed.
pub(crate) fn words_at_most(s: &str, limit: usize) -> bool {
    let b = s.as_bytes();
    // A word needs at least two bytes with its separator.
    if b.len() <= 2 * limit {
        return word_starts(b) <= limit;
    }
    let mut n = usize::from(b.first().is_some_and(|&c| c != b' '));
    if n > limit {
        return false;
    }
    let mut from = 0;
    while from + 1 < b.len() {
        let (count, next) = starts_in_block(b, from);
        n += count;
        if n > limit {
            return false;
        }
        from = next;
    }
    true
}

/// Lowercase copy of at most the first `max` bytes (cut at a character
/// boundary), for checking how a long line opens.
pub(crate) fn lower_head(s: &str, max: usize) -> String {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_lowercase()
}

/// Strips closing quotes and brackets from the end, so `said."` ends in `.`.
/// A byte walk: the marks are ASCII, and no other character holds their
/// bytes.
fn trim_closers(s: &str) -> &str {
    let b = s.as_bytes();
    let mut n = b.len();
    while n > 0 && matches!(b[n - 1], b'"' | b'\'' | b')' | b']' | b'*' | b'_') {
        n -= 1;
    }
    &s[..n]
}

word_list!(
    /// Abbreviations that precede a name or number and so never end a sentence.
    NON_FINAL_ABBREVIATIONS, is_non_final_abbreviation:
    b"mr.", b"mrs.", b"ms.", b"dr.", b"prof.", b"sen.", b"rep.", b"gov.", b"gen.", b"lt.", b"col.",
    b"sgt.", b"capt.", b"cmdr.", b"adm.", b"maj.", b"st.", b"rev.", b"hon.", b"pres.", b"supt.",
    b"insp.", b"jan.", b"feb.", b"mar.", b"apr.", b"jun.", b"jul.", b"aug.", b"sep.", b"sept.",
    b"oct.", b"nov.", b"dec.", b"vs.", b"e.g.", b"i.e.", b"approx.", b"fig.",
);

/// True when the line ends a sentence: `.`, `!`, `?` (or `...`, or the
/// CJK stops 。！？), possibly followed by closing quotes or brackets, and
/// not a title abbreviation such as "Sen." that always precedes a name.
pub(crate) fn ends_sentence(s: &str) -> bool {
    let t = trim_closers(s);
    let Some(&end) = t.as_bytes().last() else {
        return false;
    };
    if end >= 0x80 {
        // CJK text ends its sentences with 。！？ (and closes quotes with 」』).
        let t = t.trim_end_matches(['\u{300D}', '\u{300F}', '\u{FF09}']);
        return t.ends_with(['\u{3002}', '\u{FF0E}', '\u{FF01}', '\u{FF1F}']);
    }
    if !matches!(end, b'.' | b'!' | b'?') {
        return false;
    }
    if end == b'.' {
        let last = last_word(t).trim_start_matches(['"', '\'', '(', '[']);
        // No list entry is longer than 7 bytes: lower-case on the stack.
        let mut buf = [0u8; 7];
        if let Some(head) = buf.get_mut(..last.len()) {
            head.copy_from_slice(last.as_bytes());
            head.make_ascii_lowercase();
            if is_non_final_abbreviation(head) {
                return false;
            }
        }
        // A single capital with a period is an initial ("John F.").
        let mut chars = last.chars();
        if let (Some(c), Some('.'), None) = (chars.next(), chars.next(), chars.next())
            && c.is_uppercase()
        {
            return false;
        }
    }
    true
}

/// A line after which a paragraph may end: a sentence end or a colon that
/// introduces what follows.
pub(crate) fn ends_break(s: &str) -> bool {
    ends_sentence(s) || trim_closers(s).ends_with(':')
}

/// Words that do not count when judging whether a line is title-cased, and
/// that cannot end a heading.
const MINOR_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "nor", "by", "with",
    "from", "as", "vs", "via", "per", "into", "over", "under", "up", "than", "is", "are", "was",
    "be", "its", "de", "la", "le", "van", "von", "der", "del", "da", "al", "bin", "after", "amid",
    "about", "off", "out", "if", "so", "how", "why", "what", "who",
];

/// [`MINOR_WORDS`] sorted, for a binary search per word.
static MINOR_SORTED: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    let mut v = MINOR_WORDS.to_vec();
    v.sort_unstable();
    v
});

/// A word of [`MINOR_WORDS`], in any case. Every minor word is ASCII and
/// at most five letters, so longer or non-ASCII words are turned down
/// before the lookup (a scan of the list per word was most of what
/// `title_like` cost).
fn is_minor_word(w: &str) -> bool {
    let b = w.as_bytes();
    if b.is_empty() || b.len() > 5 || !b.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 5];
    for (d, c) in buf.iter_mut().zip(b) {
        *d = c.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()])
        .is_ok_and(|lower| MINOR_SORTED.binary_search(&lower).is_ok())
}

/// Words that show a line continues onto the next one.
const CONNECTORS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "nor", "by", "with",
    "from", "as", "that", "which", "who", "whom", "whose", "than", "into", "its", "their", "his",
    "her", "our", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would",
    "said", "says", "told", "this", "these", "those", "not", "no", "very", "more", "most",
];

fn core_word(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

/// The line ends in a comma, dash, opening bracket or a function word, so the
/// sentence carries on.
pub(crate) fn ends_with_connector(s: &str) -> bool {
    if s.ends_with([',', ';', '(', '[', '-', '&']) {
        return true;
    }
    if !s.chars().next_back().is_some_and(char::is_alphanumeric) {
        return false;
    }
    let last = last_word(s).to_ascii_lowercase();
    CONNECTORS.contains(&core_word(&last))
}

pub(crate) fn starts_lowercase(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_lowercase())
}

/// Starts like a sentence or heading: capital, digit, quote or bracket.
pub(crate) fn starts_like_sentence(s: &str) -> bool {
    s.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\'' | '(' | '[')
    })
}

/// Mostly capitalised words ("Moscow's Conditions for Peace") or all caps.
pub(crate) fn title_like(s: &str) -> bool {
    let mut counted = 0usize;
    let mut capital = 0usize;
    let mut letters = 0usize;
    let mut upper_letters = 0usize;
    // Most lines asked are wrapped prose: they stop being title-like a
    // few words in, once the words left cannot lift the capitals back to
    // 70% and a lower-case letter rules out all capitals.
    // `s.split(' ').count()` as a byte count that vectorises (the split
    // searched once per word).
    let mut left = s.bytes().filter(|&b| b == b' ').count() + 1;
    for (i, raw) in s.split(' ').enumerate() {
        left -= 1;
        let w = core_word(raw);
        if w.is_empty() {
            continue;
        }
        for c in w.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            if c.is_uppercase() {
                upper_letters += 1;
            }
        }
        let first = w.chars().next().unwrap_or(' ');
        if i == 0 && !(first.is_uppercase() || first.is_ascii_digit()) {
            return false;
        }
        if i > 0 && is_minor_word(w) {
            continue;
        }
        counted += 1;
        if first.is_uppercase() || first.is_ascii_digit() {
            capital += 1;
        }
        let lower = counted - capital;
        if upper_letters < letters && (capital + left) * 3 < lower * 7 {
            return false;
        }
    }
    if letters >= 2 && upper_letters == letters {
        return true;
    }
    counted > 0 && capital * 10 >= counted * 7
}

/// False exactly when [`title_like`] stops at its first word: the text
/// before the first space, stripped to its letters and digits, starts with
/// neither a capital nor a digit (an empty first piece passes, as it does
/// there).
fn first_word_capital(s: &str) -> bool {
    let first = s.split(' ').next().map(core_word).unwrap_or_default();
    first
        .chars()
        .next()
        .is_none_or(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Could this line be a heading on its own: short, no sentence end, not
/// ending in a comma or function word, and title-like. A short title-like
/// question or a label ending in a colon also counts.
pub(crate) fn heading_candidate(s: &str) -> bool {
    // The length test first: it turns down a paragraph-long line before
    // any word is counted.
    if s.len() > 4 * 120 || char_len(s) > 120 || !words_at_most(s, 15) {
        return false;
    }
    // Every way to `true` below goes through `title_like`, which turns down
    // a line whose first word starts in lower case before anything else:
    // asked first, it spares the word counts for wrapped prose.
    if !first_word_capital(s) {
        return false;
    }
    let words = word_count(s);
    if words == 0 {
        return false;
    }
    let t = trim_closers(s);
    if t.ends_with('?') {
        return words <= 10 && title_like(s);
    }
    if t.ends_with(':') {
        return words <= 4 && title_like(s);
    }
    if ends_sentence(s) || t.ends_with(['.', '!', ',', ';']) {
        return false;
    }
    let last = last_word(s).to_ascii_lowercase();
    let last = core_word(&last);
    if MINOR_WORDS.contains(&last) || CONNECTORS.contains(&last) {
        return false;
    }
    title_like(s)
}

/// Strips a list marker ("- ", "* ", "+ ", "• ", "1. ", "2) ") from a raw
/// (not yet typography-folded) line. Returns the rest, which may be empty
/// for a lone marker. Em dashes are not list markers: in wrapped prose they
/// start a line often.
pub(crate) fn strip_list_marker(raw: &str) -> Option<&str> {
    let t = raw.trim_start();
    let mut chars = t.char_indices();
    let (_, c) = chars.next()?;
    let rest = match c {
        '-' | '*' | '+' | '\u{2022}' | '\u{00B7}' | '\u{25E6}' | '\u{25AA}' | '\u{25CF}'
        | '\u{2023}' | '\u{2013}' | '\u{25A0}' => &t[c.len_utf8()..],
        '0'..='9' => {
            let digits = t.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 3 {
                return None;
            }
            let after = &t[digits..];
            let rest = after.strip_prefix(['.', ')'])?;
            if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
                return None;
            }
            rest
        }
        _ => return None,
    };
    if rest.is_empty() {
        return Some(rest);
    }
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    // "* * *" and "- - -" are separators, not items.
    let body = rest.trim();
    if !body.is_empty()
        && body
            .chars()
            .all(|c| matches!(c, '-' | '*' | '_' | ' ' | '='))
    {
        return Some("");
    }
    Some(body)
}

/// Removes decoration wrapped around a heading or title: `//x//`, `**x**`,
/// `== x ==`, `# x #`.
pub(crate) fn strip_decoration(s: &str) -> &str {
    let t = s.trim();
    for d in ["//", "**", "__", "==", "##", "*", "_", "#", "="] {
        if t.len() > 2 * d.len()
            && let Some(inner) = t.strip_prefix(d).and_then(|x| x.strip_suffix(d))
        {
            return strip_decoration(inner);
        }
    }
    t.trim_end_matches('/').trim()
}

/// The line is wrapped in decoration that marks a heading (`//Title//`,
/// `**Title**`, `== Title ==`).
pub(crate) fn decorated_heading(s: &str) -> bool {
    let t = s.trim();
    ["//", "**", "__", "=="].iter().any(|d| {
        t.len() > 2 * d.len() + 1
            && t.starts_with(d)
            && t.ends_with(d)
            && !t[d.len()..t.len() - d.len()].contains(d)
    })
}

#[cfg(test)]
mod tests;
