//! Polarity and hedging of a sentence: negation ("not", "never", "no",
//! "unlikely") and hedges ("may", "could", "reportedly", "expected to").
//!
//! Cues are whole words, matched case-insensitively on straight or curly
//! apostrophes. Choices worth knowing:
//! - contractions ("don't", "won't") and "cannot" are reported as "not", so
//!   "did not" → "didn't" is not a polarity change;
//! - "unlikely" is a negation and not a hedge, "likely" a hedge: the pair
//!   then shows as a negation change;
//! - "No." before a number ("No. 10") is an abbreviation, not a negation;
//! - a capitalised "May" is the month unless it opens the sentence;
//! - denial verbs ("denied") are left out: they report a statement rather
//!   than negate the sentence's own claim.

/// Words of a sentence as byte spans: alphanumeric runs with inner
/// apostrophes ("don't"). Lazy and `Clone`, so a cue can look one word
/// ahead; ASCII takes a fast path, other characters are decoded.
use super::lexicon::{ALNUM, Filter, key};

mod source_clause;

#[derive(Clone)]
struct Words<'a> {
    s: &'a str,
    i: usize,
}

/// [`Words`] of an all-ASCII sentence: the same walk without the decoding
/// branches, so the scan loop built on it stays small.
#[derive(Clone)]
struct AsciiWords<'a> {
    b: &'a [u8],
    i: usize,
}

impl Iterator for AsciiWords<'_> {
    type Item = (usize, usize);

    #[inline(always)]
    fn next(&mut self) -> Option<(usize, usize)> {
        let b = self.b;
        let n = b.len();
        let mut i = self.i;
        while i < n && !ALNUM[usize::from(b[i])] {
            i += 1;
        }
        if i >= n {
            self.i = n;
            return None;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            while end < n && ALNUM[usize::from(b[end])] {
                end += 1;
            }
            if end + 1 < n && b[end] == b'\'' && ALNUM[usize::from(b[end + 1])] {
                end += 2;
                continue;
            }
            break;
        }
        self.i = end;
        Some((start, end))
    }
}

impl<'a> Words<'a> {
    fn alnum_at(&self, i: usize) -> bool {
        match self.s.as_bytes().get(i) {
            Some(&c) if c.is_ascii() => ALNUM[usize::from(c)],
            Some(_) => self
                .s
                .get(i..)
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_alphanumeric),
            None => false,
        }
    }
}

impl Iterator for Words<'_> {
    type Item = (usize, usize);

    // Inlined into the scan loop: a call per word cost as much as the walk.
    #[inline(always)]
    fn next(&mut self) -> Option<(usize, usize)> {
        let b = self.s.as_bytes();
        let n = b.len();
        let mut i = self.i;
        // Skip to the next word.
        while i < n {
            let c = b[i];
            if ALNUM[usize::from(c)] {
                break;
            }
            if c < 0x80 {
                i += 1;
                continue;
            }
            let ch = self.s.get(i..).and_then(|r| r.chars().next())?;
            if ch.is_alphanumeric() {
                break;
            }
            i += ch.len_utf8();
        }
        if i >= n {
            self.i = n;
            return None;
        }
        let start = i;
        let mut end = i;
        loop {
            while end < n && ALNUM[usize::from(b[end])] {
                end += 1;
            }
            if end >= n {
                break;
            }
            if b[end] == b'\'' && self.alnum_at(end + 1) {
                end += 1;
                continue;
            }
            if b[end] < 0x80 {
                break;
            }
            let Some(ch) = self.s.get(end..).and_then(|r| r.chars().next()) else {
                break;
            };
            let len = ch.len_utf8();
            if ch.is_alphanumeric() || ch == '\u{2019}' && self.alnum_at(end + len) {
                end += len;
                continue;
            }
            break;
        }
        self.i = end;
        Some((start, end))
    }
}

/// Cue words, the sources of the pre-check filters below.
const NEGATION_WORDS: &[&str] = &[
    "not", "cannot", "never", "none", "nobody", "nothing", "nowhere", "neither", "nor", "without",
    "unlikely", "no", "refuse", "refuses", "refused", "refusing", "fail", "fails", "failed",
    "failing",
];
const HEDGE_WORDS: &[&str] = &[
    "may",
    "might",
    "could",
    "reportedly",
    "allegedly",
    "alleged",
    "likely",
    "possibly",
    "perhaps",
    "probably",
    "apparently",
    "potentially",
    "presumably",
    "supposedly",
    "purportedly",
    "maybe",
    "seemingly",
    "seems",
    "seem",
    "seemed",
    "suggests",
    "suggest",
    "unconfirmed",
    "expected",
    "appear",
    "appears",
    "appeared",
    "believed",
    "rumored",
    "rumoured",
    "said",
    "thought",
    "understood",
    "projected",
    "forecast",
    "forecasted",
    "predicted",
    "poised",
    "plans",
    "planned",
    "intends",
    "believe",
    "believes",
    "suspected",
];

static NEGATION_FILTER: Filter = Filter::of(&[NEGATION_WORDS]);
static HEDGE_FILTER: Filter = Filter::of(&[HEDGE_WORDS]);

/// Cheap pre-check on a word as written: whether it may be a negation cue
/// and whether it may be a hedge cue (false means it is not). Keyed on the
/// lower-cased first and last bytes and the length, so few other words
/// pass.
#[inline(always)]
fn gates(b: &[u8]) -> (bool, bool) {
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return (false, false);
    };
    let k = key(
        first.to_ascii_lowercase(),
        last.to_ascii_lowercase(),
        b.len(),
    );
    (
        NEGATION_FILTER.may_hold_key(k),
        HEDGE_FILTER.may_hold_key(k),
    )
}

/// A contraction ending in "n't" (straight or curly apostrophe).
fn ends_nt(b: &[u8]) -> bool {
    let n = b.len();
    if n < 3 || !matches!(b[n - 1], b't' | b'T') {
        return false;
    }
    if b[n - 2] == b'\'' {
        return matches!(b[n - 3], b'n' | b'N');
    }
    n >= 5 && &b[n - 4..n - 1] == "\u{2019}".as_bytes() && matches!(b[n - 5], b'n' | b'N')
}

/// Which cue a word is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Negation,
    Hedge,
}

/// Walks the words once and hands each cue to `sink` as (side, cue text,
/// followed by "to"); `sink` returns false to stop early.
fn scan(s: &str, negation: bool, hedge: bool, sink: &mut dyn FnMut(Side, &str, bool) -> bool) {
    if s.is_ascii() {
        let words = AsciiWords {
            b: s.as_bytes(),
            i: 0,
        };
        scan_words(s, words, negation, hedge, sink);
    } else {
        scan_words(s, Words { s, i: 0 }, negation, hedge, sink);
    }
}

/// [`scan`] over the words `words` yields, as byte spans of `s`.
fn scan_words<W>(
    s: &str,
    mut words: W,
    negation: bool,
    hedge: bool,
    sink: &mut dyn FnMut(Side, &str, bool) -> bool,
) where
    W: Iterator<Item = (usize, usize)> + Clone,
{
    let mut prev: Option<(usize, usize)> = None;
    let mut b = [0; 24];
    let mut pb = [0; 24];
    // "<word> to" with only spaces between.
    let to_follows = |words: &W, z: usize| {
        words
            .clone()
            .next()
            .is_some_and(|(a, e)| s[a..e].eq_ignore_ascii_case("to") && s[z..a].trim().is_empty())
    };
    let bytes = s.as_bytes();
    // A negation describing the source ("…, said one pilot, who asked not
    // to be named") is not the claim's. Looked for only once a negation
    // cue turns up.
    let mut aside: Option<Option<(usize, usize)>> = None;
    while let Some((a, z)) = words.next() {
        // The gates read bytes: the word is sliced as text only for a cue.
        let wb = &bytes[a..z];
        let (neg_gate, hedge_gate) = gates(wb);
        let neg = negation
            && (neg_gate || ends_nt(wb))
            && !aside
                .get_or_insert_with(|| source_clause::span(s))
                .is_some_and(|(x, y)| x <= a && z <= y);
        let hed = hedge && hedge_gate;
        if neg || hed {
            let raw = &s[a..z];
            let w = super::lexicon::lower_word(raw, &mut b);
            if neg {
                let cue = match w {
                    "not" | "cannot" => Some(("not", false)),
                    "never" | "none" | "nobody" | "nothing" | "nowhere" | "neither" | "nor"
                    | "without" | "unlikely" => Some((w, false)),
                    // "No. 10", "No 10": an abbreviation before a number.
                    "no" => (!s[z..]
                        .trim_start_matches('.')
                        .trim_start()
                        .starts_with(|c: char| c.is_ascii_digit()))
                    .then_some(("no", false)),
                    // "failed to meet" is "did not meet".
                    "refuse" | "refuses" | "refused" | "refusing" | "fail" | "fails" | "failed"
                    | "failing" => to_follows(&words, z).then_some((w, true)),
                    _ if w.ends_with("n't") => Some(("not", false)),
                    _ => None,
                };
                if let Some((c, to)) = cue
                    && !sink(Side::Negation, c, to)
                {
                    return;
                }
            }
            if hed {
                let cue = match w {
                    "may" => {
                        // A capitalised "May" inside the sentence, or before
                        // a number, is the month.
                        let month = raw.starts_with('M')
                            && (prev.is_some()
                                || s[z..]
                                    .trim_start()
                                    .starts_with(|c: char| c.is_ascii_digit()));
                        (!month).then_some(("may", false))
                    }
                    "might" | "could" | "reportedly" | "allegedly" | "alleged" | "likely"
                    | "possibly" | "perhaps" | "probably" | "apparently" | "potentially"
                    | "presumably" | "supposedly" | "purportedly" | "maybe" | "seemingly"
                    | "seems" | "seem" | "seemed" | "suggests" | "suggest" | "unconfirmed"
                    | "believe" | "believes" | "suspected" => Some((w, false)),
                    // A forecast or an intention is not yet a fact: "is
                    // projected to win" → "wins", "plans to cut" → "cut".
                    "expected" | "appear" | "appears" | "appeared" | "believed" | "rumored"
                    | "rumoured" | "projected" | "forecast" | "forecasted" | "predicted"
                    | "poised" | "plans" | "planned" | "intends" => {
                        // Two past forms of one verb are one cue.
                        let w = if w == "forecasted" { "forecast" } else { w };
                        to_follows(&words, z).then_some((w, true))
                    }
                    // "is said to", "are thought to": only after a form of "be".
                    "said" | "thought" | "understood" => {
                        let be = prev.is_some_and(|(pa, pz)| {
                            matches!(
                                super::lexicon::lower_word(&s[pa..pz], &mut pb),
                                "is" | "are" | "was" | "were" | "be" | "been" | "being" | "widely"
                            )
                        });
                        (be && to_follows(&words, z)).then_some((w, true))
                    }
                    _ => None,
                };
                if let Some((c, to)) = cue
                    && !sink(Side::Hedge, c, to)
                {
                    return;
                }
            }
        }
        prev = Some((a, z));
    }
}

fn cues(sentence: &str, side: Side) -> Vec<String> {
    let mut out = Vec::new();
    scan(
        sentence,
        side == Side::Negation,
        side == Side::Hedge,
        &mut |_, c, to| {
            out.push(if to { format!("{c} to") } else { c.to_string() });
            true
        },
    );
    out
}

/// The negation cues in a sentence, lower-cased, in order ("not", "never",
/// "unlikely", ...). The diff compares these to spot a flipped polarity.
pub fn negation_cues(sentence: &str) -> Vec<String> {
    cues(sentence, Side::Negation)
}

/// The hedge cues in a sentence, lower-cased, in order ("may",
/// "reportedly", "expected to", ...).
pub fn hedge_cues(sentence: &str) -> Vec<String> {
    cues(sentence, Side::Hedge)
}

/// True when the sentence asserts a negation. Stops at the first cue.
pub fn is_negated(sentence: &str) -> bool {
    let mut found = false;
    scan(sentence, true, false, &mut |_, _, _| {
        found = true;
        false
    });
    found
}

/// True when the sentence is hedged. Stops at the first cue.
pub fn is_hedged(sentence: &str) -> bool {
    let mut found = false;
    scan(sentence, false, true, &mut |_, _, _| {
        found = true;
        false
    });
    found
}

/// `(is_negated, is_hedged)` in one pass over the words: cheaper than the
/// two calls when both are wanted.
pub fn polarity(sentence: &str) -> (bool, bool) {
    let (mut negated, mut hedged) = (false, false);
    scan(sentence, true, true, &mut |side, _, _| {
        match side {
            Side::Negation => negated = true,
            Side::Hedge => hedged = true,
        }
        !(negated && hedged)
    });
    (negated, hedged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gates_pass_every_cue_word_in_any_case() {
        for w in NEGATION_WORDS {
            assert!(gates(w.as_bytes()).0, "{w}");
            assert!(gates(w.to_ascii_uppercase().as_bytes()).0, "{w}");
        }
        for w in HEDGE_WORDS {
            assert!(gates(w.as_bytes()).1, "{w}");
            assert!(gates(w.to_ascii_uppercase().as_bytes()).1, "{w}");
        }
        for w in ["", "[not", "@ay", "\u{e9}not", "table"] {
            assert_eq!(gates(w.as_bytes()), (false, false), "{w}");
        }
    }

    #[test]
    fn negation_words_in_order() {
        assert_eq!(
            negation_cues("He did not agree and will never sign; nobody asked."),
            ["not", "never", "nobody"]
        );
        assert_eq!(
            negation_cues("There was no deal, nothing at all."),
            ["no", "nothing"]
        );
        assert_eq!(
            negation_cues("Neither side moved, nor did the mediators."),
            ["neither", "nor"]
        );
        assert_eq!(negation_cues("They left without a word."), ["without"]);
    }

    #[test]
    fn contractions_and_cannot_read_as_not() {
        assert_eq!(
            negation_cues("We don't know and can't say."),
            ["not", "not"]
        );
        assert_eq!(negation_cues("It won\u{2019}t happen."), ["not"]);
        assert_eq!(negation_cues("She cannot attend."), ["not"]);
        assert_eq!(negation_cues("DOESN'T matter."), ["not"]);
    }

    #[test]
    fn refuse_to_is_a_negation() {
        assert_eq!(negation_cues("He refused to comment."), ["refused to"]);
        assert!(negation_cues("He refused the offer.").is_empty());
        assert_eq!(
            negation_cues("The firm failed to meet its target."),
            ["failed to"]
        );
        assert!(negation_cues("The talks failed on Monday.").is_empty());
    }

    #[test]
    fn no_abbreviation_is_not_negation() {
        assert!(negation_cues("He lives at No. 10 Downing Street.").is_empty());
        assert!(negation_cues("She ranked No 1 in the poll.").is_empty());
        assert_eq!(negation_cues("No agreement was reached."), ["no"]);
        assert_eq!(negation_cues("The answer was no."), ["no"]);
    }

    #[test]
    fn words_containing_cues_do_not_match() {
        assert!(negation_cues("Nothingness is a notion; the knot held.").is_empty());
        assert!(hedge_cues("Maybelline and the mayor could-be").len() == 1);
    }

    #[test]
    fn likely_is_a_hedge_and_unlikely_a_negation() {
        assert_eq!(hedge_cues("A deal is likely."), ["likely"]);
        assert!(negation_cues("A deal is likely.").is_empty());
        assert_eq!(negation_cues("A deal is unlikely."), ["unlikely"]);
        assert!(hedge_cues("A deal is unlikely.").is_empty());
        assert!(is_hedged("Talks could resume.") && !is_negated("Talks could resume."));
    }

    #[test]
    fn hedge_words_and_phrases() {
        assert_eq!(
            hedge_cues("Troops may have reportedly crossed, and it is expected to worsen."),
            ["may", "reportedly", "expected to"]
        );
        assert_eq!(hedge_cues("He appears to be ill."), ["appears to"]);
        assert_eq!(
            hedge_cues("The party is projected to win, and it plans to govern alone."),
            ["projected to", "plans to"]
        );
        assert_eq!(hedge_cues("Police believe the fire was set."), ["believe"]);
        assert_eq!(
            hedge_cues("Storms forecasted to hit."),
            hedge_cues("Storms forecast to hit.")
        );
        // Plans as a noun, a forecast as a noun: no hedge.
        assert!(hedge_cues("The plans were approved after the forecast.").is_empty());
        assert_eq!(hedge_cues("She is said to be upset."), ["said to"]);
        assert!(hedge_cues("She said to wait.").is_empty());
        assert_eq!(hedge_cues("He is believed to have fled."), ["believed to"]);
        assert_eq!(
            hedge_cues("It allegedly happened, apparently, and perhaps probably."),
            ["allegedly", "apparently", "perhaps", "probably"]
        );
        assert!(hedge_cues("As expected, it rained.").is_empty());
    }

    #[test]
    fn polarity_agrees_with_the_two_checks() {
        for s in [
            "It may not happen.",
            "It will not happen.",
            "It may happen.",
            "It happened.",
            "He refused to say whether it is said to be likely.",
        ] {
            assert_eq!(polarity(s), (is_negated(s), is_hedged(s)), "{s}");
        }
        assert_eq!(polarity("It may not happen."), (true, true));
    }

    #[test]
    fn may_the_month_is_not_a_hedge() {
        assert!(hedge_cues("The vote was held in May.").is_empty());
        assert!(hedge_cues("May 5 was quiet.").is_empty());
        assert_eq!(hedge_cues("May the best side win."), ["may"]);
        assert_eq!(hedge_cues("Prices may rise."), ["may"]);
    }

    mod props {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn cues_never_panic_and_are_deterministic(s in "\\PC{0,80}") {
                prop_assert_eq!(negation_cues(&s), negation_cues(&s));
                prop_assert_eq!(hedge_cues(&s), hedge_cues(&s));
            }

            /// The ASCII walk splits words exactly as the decoding one.
            #[test]
            fn ascii_walk_matches_the_general_one(s in "[a-zA-Z0-9' .,-]{0,40}") {
                let fast: Vec<_> = AsciiWords { b: s.as_bytes(), i: 0 }.collect();
                let slow: Vec<_> = Words { s: &s, i: 0 }.collect();
                prop_assert_eq!(fast, slow);
            }

            #[test]
            fn apostrophe_heavy_text_never_panics(s in "[a-zA-Z'\u{2019}. ]{0,40}") {
                let _ = is_negated(&s);
                let _ = is_hedged(&s);
            }
        }
    }
}
