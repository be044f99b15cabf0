//! Word-level view of claim text: the comparison key ([`fold`]), word
//! tokens with their cores, content-word sets for alignment, and the word
//! diff ([`WordDiff`]) shown to people.

use std::ops::Range;

use similar::{Algorithm, DiffTag, capture_diff_slices};

/// Folds text so that formatting-only differences compare equal: curly vs
/// straight quotes, dash styles (with or without spaces around them),
/// NBSP/soft hyphens and whitespace runs.
pub fn fold(text: &str) -> String {
    let typo = crate::article::normalize_typography(text);
    let mut out = String::with_capacity(typo.len());
    let mut pending_space = false;
    let mut chars = typo.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        // A minus sign: a hyphen after a space and glued to digits ("fell
        // to -5C") stays on its number, apart from the word before.
        let sign = c == '-' && pending_space && chars.peek().is_some_and(char::is_ascii_digit);
        if c == '-' && !sign {
            // A dash run, spaced or not, folds to one bare hyphen: "a - b",
            // "a -- b" and "a—b" are the same text.
            while chars.peek().is_some_and(|n| *n == '-' || n.is_whitespace()) {
                chars.next();
            }
            pending_space = false;
            out.push('-');
            continue;
        }
        if c == '`' {
            out.push('\'');
            pending_space = false;
            continue;
        }
        if pending_space && !out.is_empty() && !out.ends_with('-') {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

/// One whitespace-separated word of folded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// As written (after folding), punctuation attached.
    pub text: String,
    /// Lower-cased letters and digits only ("113,000" → "113000",
    /// "Russia's" → "russias"); empty for pure punctuation.
    pub core: String,
    /// True when the word lies inside a quotation.
    pub in_quote: bool,
}

impl Token {
    /// The hyphen-separated parts of the word, lower-cased and stripped of
    /// punctuation ("second-largest" → ["second", "largest"]).
    pub fn parts(&self) -> Vec<String> {
        self.text
            .split('-')
            .map(core_of)
            .filter(|p| !p.is_empty())
            .collect()
    }

    /// The hyphen-separated parts as written, outer punctuation trimmed
    /// ("(1,200-strong" → ["1,200", "strong"]).
    pub fn raw_parts(&self) -> Vec<&str> {
        self.text
            .split('-')
            .map(|p| p.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|p| !p.is_empty())
            .collect()
    }

    /// True when the word as written starts with an upper-case letter
    /// (after any opening punctuation).
    pub fn is_capitalised(&self) -> bool {
        self.text
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(|c| c.is_uppercase())
    }
}

/// Lower-cased letters and digits of a word.
pub fn core_of(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(|c| c.to_lowercase())
        .collect()
}

/// The cores of a word with an English contraction written out ("aren't"
/// → "are", "not"; "we're" → "we", "are"; "cannot" → "can", "not"), so a
/// quotation that only expands or contracts its words reads the same.
/// "'s" is written out only after pronouns ("it's" → "it", "is"), where
/// it cannot be a possessive; "'d" (would or had) is left as it is.
pub fn expanded_cores(word: &str) -> Vec<String> {
    let lower: String = word
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}'))
        .flat_map(|c| c.to_lowercase())
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .collect();
    let pair = |a: &str, b: &str| vec![a.to_string(), b.to_string()];
    match lower.as_str() {
        "cannot" | "can't" => return pair("can", "not"),
        "won't" => return pair("will", "not"),
        "shan't" => return pair("shall", "not"),
        "ain't" => return pair("is", "not"),
        _ => {}
    }
    if let Some(stem) = lower.strip_suffix("n't") {
        return pair(stem, "not");
    }
    for (suffix, full) in [
        ("'re", "are"),
        ("'ve", "have"),
        ("'ll", "will"),
        ("'m", "am"),
    ] {
        if let Some(stem) = lower.strip_suffix(suffix) {
            return pair(stem, full);
        }
    }
    if let Some(stem) = lower.strip_suffix("'s")
        && matches!(
            stem,
            "it" | "that" | "there" | "here" | "he" | "she" | "what" | "who" | "where" | "let"
        )
    {
        return pair(stem, if stem == "let" { "us" } else { "is" });
    }
    let core = core_of(word);
    if core.is_empty() {
        Vec::new()
    } else {
        vec![core]
    }
}

/// Splits folded text into words, tracking which lie inside `"…"`.
pub fn tokens(folded: &str) -> Vec<Token> {
    let mut inside = false;
    let mut out = Vec::new();
    for word in folded.split_whitespace() {
        let in_quote = inside || word.starts_with('"');
        for c in word.chars() {
            if c == '"' {
                inside = !inside;
            }
        }
        out.push(Token {
            text: word.to_string(),
            core: core_of(word),
            in_quote,
        });
    }
    out
}

/// Words too common to say whether two sentences are about the same thing.
/// Negations are deliberately absent: "not" matters.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "also", "an", "and", "are", "as", "at", "be", "been", "before", "being",
    "but", "by", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "his", "i",
    "if", "in", "into", "is", "it", "its", "of", "on", "or", "our", "out", "over", "she", "so",
    "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "to", "up", "was", "we", "were", "which", "who", "whom", "whose", "will", "with",
    "would", "you", "your",
];

pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.binary_search(&word).is_ok()
}

/// The words used to measure how alike two sentences are: lower-cased
/// alphanumeric runs (digits keep their separators: "113,000" is one word),
/// stopwords dropped unless nothing else is left.
pub fn content_words(text: &str) -> Vec<String> {
    let folded = fold(text);
    let chars: Vec<char> = folded.chars().collect();
    let mut words = Vec::new();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let joins_digits = matches!(c, ',' | '.')
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
        } else if !joins_digits && !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    let all: Vec<String> = words
        .into_iter()
        .filter(|w| w.chars().count() > 1 || w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    let content: Vec<String> = all.iter().filter(|w| !is_stopword(w)).cloned().collect();
    if content.len() >= 2 { content } else { all }
}

/// One run of a word diff: unchanged words, or a replacement (either side
/// may be empty for a pure deletion or insertion).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Equal {
        old: Range<usize>,
        new: Range<usize>,
    },
    Change {
        old: Range<usize>,
        new: Range<usize>,
    },
}

/// How a rendered word is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Deleted,
    Inserted,
}

/// A word-level diff of two claim texts.
#[derive(Debug, Clone)]
pub struct WordDiff {
    pub old: Vec<Token>,
    pub new: Vec<Token>,
    pub segments: Vec<Segment>,
}

impl WordDiff {
    /// Diffs the folded texts word by word (exact words, punctuation kept).
    pub fn new(old_text: &str, new_text: &str) -> WordDiff {
        let old = tokens(&fold(old_text));
        let new = tokens(&fold(new_text));
        let old_words: Vec<&str> = old.iter().map(|t| t.text.as_str()).collect();
        let new_words: Vec<&str> = new.iter().map(|t| t.text.as_str()).collect();
        let ops = capture_diff_slices(Algorithm::Myers, &old_words, &new_words);
        let mut segments: Vec<Segment> = Vec::new();
        for op in ops {
            let (tag, o, n) = op.as_tag_tuple();
            if o.is_empty() && n.is_empty() {
                continue;
            }
            let equal = tag == DiffTag::Equal;
            // Adjacent delete/insert ops form one replacement.
            match segments.last_mut() {
                Some(Segment::Change { old, new }) if !equal => {
                    old.end = o.end.max(old.end);
                    new.end = n.end.max(new.end);
                }
                _ if equal => segments.push(Segment::Equal { old: o, new: n }),
                _ => segments.push(Segment::Change { old: o, new: n }),
            }
        }
        WordDiff { old, new, segments }
    }

    /// The changed runs as (old range, new range).
    pub fn hunks(&self) -> impl Iterator<Item = (Range<usize>, Range<usize>)> + '_ {
        self.segments.iter().filter_map(|s| match s {
            Segment::Change { old, new } => Some((old.clone(), new.clone())),
            Segment::Equal { .. } => None,
        })
    }

    fn join(words: &[Token]) -> String {
        let v: Vec<&str> = words.iter().map(|t| t.text.as_str()).collect();
        v.join(" ")
    }

    /// Both sides in one line, changes marked by `mark`; unchanged runs
    /// longer than `2 * context` words are cut to `context` words around
    /// each change with "…" (`None` keeps everything).
    pub fn render(&self, context: Option<usize>, mark: &dyn Fn(Mark, &str) -> String) -> String {
        let mut parts: Vec<String> = Vec::new();
        let last = self.segments.len().saturating_sub(1);
        for (i, seg) in self.segments.iter().enumerate() {
            match seg {
                Segment::Equal { old, .. } => {
                    let words = &self.old[old.clone()];
                    parts.extend(trim_equal(words, context, i == 0, i == last));
                }
                Segment::Change { old, new } => {
                    let mut s = String::new();
                    if !old.is_empty() {
                        s.push_str(&mark(Mark::Deleted, &Self::join(&self.old[old.clone()])));
                    }
                    if !new.is_empty() {
                        s.push_str(&mark(Mark::Inserted, &Self::join(&self.new[new.clone()])));
                    }
                    parts.push(s);
                }
            }
        }
        parts.join(" ")
    }

    /// One side in full (old when `old_side`), its changed words marked.
    pub fn render_side(&self, old_side: bool, mark: &dyn Fn(Mark, &str) -> String) -> String {
        let (words, kind) = if old_side {
            (&self.old, Mark::Deleted)
        } else {
            (&self.new, Mark::Inserted)
        };
        let mut parts = Vec::new();
        for seg in &self.segments {
            let (range, changed) = match seg {
                Segment::Equal { old, new } => (if old_side { old } else { new }, false),
                Segment::Change { old, new } => (if old_side { old } else { new }, true),
            };
            if range.is_empty() {
                continue;
            }
            let text = Self::join(&words[range.clone()]);
            parts.push(if changed { mark(kind, &text) } else { text });
        }
        parts.join(" ")
    }

    /// The `[-old-]{+new+}` form used in JSON, trimmed to a few words of
    /// context around each change.
    pub fn marked(&self) -> String {
        self.render(Some(3), &plain_mark)
    }
}

/// `[-deleted-]` / `{+inserted+}`, as in `git diff --word-diff`.
pub fn plain_mark(mark: Mark, text: &str) -> String {
    match mark {
        Mark::Deleted => format!("[-{text}-]"),
        Mark::Inserted => format!("{{+{text}+}}"),
    }
}

/// The words of an unchanged run to show: all of them, or a few at each
/// end that touches a change, with "…" for what was cut.
fn trim_equal(words: &[Token], context: Option<usize>, first: bool, last: bool) -> Vec<String> {
    let all = || words.iter().map(|t| t.text.clone()).collect::<Vec<_>>();
    let Some(ctx) = context else {
        return all();
    };
    let keep_head = if first { 0 } else { ctx };
    let keep_tail = if last { 0 } else { ctx };
    if words.len() <= keep_head + keep_tail + 1 {
        return all();
    }
    let mut out: Vec<String> = words[..keep_head].iter().map(|t| t.text.clone()).collect();
    out.push("…".to_string());
    out.extend(
        words[words.len() - keep_tail..]
            .iter()
            .map(|t| t.text.clone()),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        let mut sorted = STOPWORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, STOPWORDS);
    }

    #[test]
    fn fold_ignores_quote_dash_and_space_styles() {
        assert_eq!(
            fold("The \u{201c}plan\u{201d} \u{2014} agreed  on\nMonday"),
            fold("The \"plan\"-agreed on Monday")
        );
        assert_eq!(fold("a -- b"), fold("a\u{2013}b"));
        assert_ne!(fold("a b"), fold("ab"));
        // A minus sign stays on its number.
        assert_eq!(fold("fell to -5C overnight"), "fell to -5C overnight");
    }

    #[test]
    fn tokens_track_quotations() {
        let t = tokens(&fold("He said \"we will go\" today."));
        let flags: Vec<bool> = t.iter().map(|t| t.in_quote).collect();
        assert_eq!(flags, [false, false, true, true, true, false]);
    }

    #[test]
    fn content_words_keep_numbers_whole_and_drop_stopwords() {
        let w = content_words("The area is about 113,000 square kilometers.");
        assert_eq!(w, ["area", "113000", "square", "kilometers"]);
    }

    #[test]
    fn marked_diff_trims_long_unchanged_runs() {
        let d = WordDiff::new(
            "The lake covers an area of about 113,000 square kilometers in the north of the country.",
            "The lake covers an area of about 116,000 square kilometers in the north of the country.",
        );
        assert_eq!(
            d.marked(),
            "… area of about [-113,000-]{+116,000+} square kilometers in …"
        );
    }

    #[test]
    fn marked_diff_shows_insertions_and_deletions() {
        let d = WordDiff::new("Prices rose sharply.", "Prices rose.");
        assert_eq!(d.marked(), "Prices [-rose sharply.-]{+rose.+}");
        let d = WordDiff::new("It is not over.", "It is over.");
        assert_eq!(d.marked(), "It is [-not-] over.");
    }
}
