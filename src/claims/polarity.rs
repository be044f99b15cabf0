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

/// A word of the sentence: byte span.
#[derive(Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
}

/// Words: alphanumeric runs with inner apostrophes ("don't"). ASCII takes
/// a fast path; other characters are decoded.
fn words(s: &str) -> Vec<Word> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
    let mut start = None;
    let mut end = 0;
    let mut i = 0;
    while i < b.len() {
        let byte = b[i];
        if byte.is_ascii_alphanumeric() {
            start.get_or_insert(i);
            i += 1;
            end = i;
            continue;
        }
        let (c, len) = if byte < 0x80 {
            (byte as char, 1)
        } else {
            match s.get(i..).and_then(|r| r.chars().next()) {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        };
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            end = i + len;
        } else if (c == '\'' || c == '\u{2019}') && start.is_some() && end == i {
            // Maybe inner: the word goes on only if a letter follows.
        } else if let Some(st) = start.take() {
            out.push(Word { start: st, end });
        }
        i += len;
    }
    if let Some(st) = start {
        out.push(Word { start: st, end });
    }
    out
}

/// First letters of the cue words (bit per letter), to skip most words
/// without lower-casing them.
const fn mask(letters: &[u8]) -> u32 {
    let mut m = 0;
    let mut k = 0;
    while k < letters.len() {
        m |= 1 << (letters[k] - b'a');
        k += 1;
    }
    m
}
const NEGATION_INITIALS: u32 = mask(b"ncwur");
const HEDGE_INITIALS: u32 = mask(b"mcralpsuebt");

fn initial_in(w: &str, set: u32) -> bool {
    let c = w.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
    c.is_ascii_lowercase() && set & (1 << (c - b'a')) != 0
}

/// Lower-cases an ASCII word (curly apostrophe folded to straight) into
/// `buf`; "" for anything longer or not ASCII.
fn lower<'b>(w: &'b str, buf: &'b mut [u8; 24]) -> &'b str {
    // Most words are already lower-case ASCII: no copy.
    if w.len() <= buf.len() && w.bytes().all(|c| c.is_ascii_lowercase() || c == b'\'') {
        return w;
    }
    let mut n = 0;
    for c in w.chars() {
        let c = if c == '\u{2019}' { '\'' } else { c };
        if !c.is_ascii() || n == buf.len() {
            return "";
        }
        buf[n] = (c as u8).to_ascii_lowercase();
        n += 1;
    }
    std::str::from_utf8(&buf[..n]).unwrap_or("")
}

struct Sentence<'a> {
    s: &'a str,
    w: Vec<Word>,
}

impl<'a> Sentence<'a> {
    fn new(s: &'a str) -> Self {
        Sentence { s, w: words(s) }
    }

    fn raw(&self, k: usize) -> &'a str {
        self.w.get(k).map_or("", |w| &self.s[w.start..w.end])
    }

    fn low<'b>(&'b self, k: usize, buf: &'b mut [u8; 24]) -> &'b str {
        lower(self.raw(k), buf)
    }

    fn is(&self, k: usize, word: &str) -> bool {
        self.raw(k).eq_ignore_ascii_case(word)
    }

    /// Text between word `k` and the next word.
    fn gap_after(&self, k: usize) -> &'a str {
        let end = self.w[k].end;
        let next = self.w.get(k + 1).map_or(self.s.len(), |w| w.start);
        &self.s[end..next]
    }

    /// The two-word cue "<word k> to", lower-cased.
    fn with_to(&self, k: usize, w: &str) -> Option<String> {
        self.is(k + 1, "to")
            .then(|| format!("{w} to"))
            .filter(|_| self.gap_after(k).trim().is_empty())
    }
}

/// The negation cues in a sentence, lower-cased, in order ("not", "never",
/// "unlikely", ...). The diff compares these to spot a flipped polarity.
pub fn negation_cues(sentence: &str) -> Vec<String> {
    let sn = Sentence::new(sentence);
    let mut out = Vec::new();
    let mut b = [0; 24];
    for k in 0..sn.w.len() {
        let raw = sn.raw(k);
        if !initial_in(raw, NEGATION_INITIALS) && !raw.ends_with(['t', 'T']) {
            continue;
        }
        let w = sn.low(k, &mut b);
        let cue: Option<String> = match w {
            "not" | "cannot" => Some("not".into()),
            "never" | "none" | "nobody" | "nothing" | "nowhere" | "neither" | "nor" | "without"
            | "unlikely" => Some(w.into()),
            "no" => {
                // "No. 10", "No 10": an abbreviation before a number.
                let rest = sn.s[sn.w[k].end..].trim_start_matches('.').trim_start();
                (!rest.starts_with(|c: char| c.is_ascii_digit())).then(|| "no".into())
            }
            "refuse" | "refuses" | "refused" | "refusing" => sn.with_to(k, w),
            _ if w.ends_with("n't") => Some("not".into()),
            _ => None,
        };
        out.extend(cue);
    }
    out
}

/// The hedge cues in a sentence, lower-cased, in order ("may",
/// "reportedly", "expected to", ...).
pub fn hedge_cues(sentence: &str) -> Vec<String> {
    let sn = Sentence::new(sentence);
    let mut out = Vec::new();
    let mut b = [0; 24];
    let mut pb = [0; 24];
    for k in 0..sn.w.len() {
        if !initial_in(sn.raw(k), HEDGE_INITIALS) {
            continue;
        }
        let w = sn.low(k, &mut b);
        let cue: Option<String> = match w {
            "may" => {
                // A capitalised "May" inside the sentence is the month.
                let raw = sn.raw(k);
                let month = raw.starts_with('M')
                    && (k > 0
                        || sn
                            .gap_after(k)
                            .trim_start()
                            .starts_with(|c: char| c.is_ascii_digit())
                        || sn.raw(k + 1).starts_with(|c: char| c.is_ascii_digit()));
                (!month).then(|| "may".into())
            }
            "might" | "could" | "reportedly" | "allegedly" | "alleged" | "likely" | "possibly"
            | "perhaps" | "probably" | "apparently" | "potentially" | "presumably"
            | "supposedly" | "purportedly" | "maybe" | "seemingly" | "seems" | "seem"
            | "seemed" | "suggests" | "suggest" | "unconfirmed" => Some(w.into()),
            "expected" | "appear" | "appears" | "appeared" | "believed" | "rumored"
            | "rumoured" => sn.with_to(k, w),
            // "is said to", "are thought to": only after a form of "be".
            "said" | "thought" | "understood" if k > 0 => {
                let prev = sn.low(k - 1, &mut pb);
                if matches!(
                    prev,
                    "is" | "are" | "was" | "were" | "be" | "been" | "being" | "widely"
                ) {
                    sn.with_to(k, w)
                } else {
                    None
                }
            }
            _ => None,
        };
        out.extend(cue);
    }
    out
}

/// True when the sentence asserts a negation.
pub fn is_negated(sentence: &str) -> bool {
    !negation_cues(sentence).is_empty()
}

/// True when the sentence is hedged.
pub fn is_hedged(sentence: &str) -> bool {
    !hedge_cues(sentence).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

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

            #[test]
            fn apostrophe_heavy_text_never_panics(s in "[a-zA-Z'\u{2019}. ]{0,40}") {
                let _ = is_negated(&s);
                let _ = is_hedged(&s);
            }
        }
    }
}
