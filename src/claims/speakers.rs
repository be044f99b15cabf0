//! Attribution of one sentence: finds a reporting cue outside its
//! quotations ("said", "told", "argued", "according to") and the noun
//! phrase of who is speaking, as the article names them.
//!
//! Main entry: [`find`] → [`Attribution`]. Resolving pronouns and "the
//! source" to earlier speakers is [`super::resolve`]'s job.

use std::ops::Range;

use super::lexicon::{self, CueClass};
use super::phrases::{Tok, lower, phrase_after, sentence_subject, slice, subject_before, tokenize};

/// The reporting cue of a sentence and its speaker phrase as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The speaker noun phrase ("Deputy Foreign Minister Sergei Ryabkov",
    /// "he", "the source").
    pub speaker: String,
    /// Byte offset of the cue word in the sentence.
    pub cue_at: usize,
}

/// Finds the attribution of a sentence, if it has one. `quotes` are the
/// byte ranges of its quotations (cues inside them are not the narrator's).
///
/// When several cues qualify, a tail attribution (", the source said.")
/// wins, then the strongest speech cue, then the first.
pub fn find(text: &str, quotes: &[Range<usize>]) -> Option<Attribution> {
    let mut buf = [0u8; 24];
    // Most sentences hold no cue word at all: check before tokenising.
    if !lexicon::any_cue_or_feeling(text) {
        return None;
    }
    let toks = tokenize(text, quotes);
    // (rank, cue index, speaker tokens); lower rank wins.
    let mut best: Option<(u8, usize, Range<usize>)> = None;
    for v in 0..toks.len() {
        let t = &toks[v];
        if t.quoted || t.core.is_empty() {
            continue;
        }
        // Reporting verbs are lower-case in running text ("the United
        // States" is not a cue).
        if t.core.starts_with(|c: char| c.is_uppercase()) && v != 0 {
            continue;
        }
        let w = lower(t.core, &mut buf);
        if !lexicon::may_cue_or_feeling(w) {
            continue;
        }
        let feeling = lexicon::is_feeling(w)
            && toks
                .get(v + 1)
                .is_some_and(|n| n.core.eq_ignore_ascii_case("that"));
        if !feeling && !lexicon::may_cue(w) {
            continue;
        }
        let as_feeling = if feeling {
            // "Republicans were incensed that …": the subject of "be".
            let mut b = v;
            while b > 0 && lexicon::is_verb_modifier(lower(toks[b - 1].core, &mut [0u8; 24])) {
                b -= 1;
            }
            (b > 0 && is_be_form(toks[b - 1].core))
                .then(|| {
                    if toks[b - 1].core.contains(['\'', '\u{2019}']) {
                        Some(b - 1..b)
                    } else {
                        subject_before(&toks, b - 1)
                    }
                })
                .flatten()
                .map(|np| (2u8, np))
        } else {
            None
        };
        // "Regulators worried that …" is a feeling word used as a verb:
        // without "be" before it, it is read as a plain cue.
        let found = if as_feeling.is_some() || feeling && !lexicon::may_cue(w) {
            as_feeling
        } else if lexicon::is_participle_cue(w) {
            // ", saying …": the speaker is the subject of the main clause.
            let after_comma = v > 0 && toks[v - 1].raw.ends_with(',');
            let progressive = v > 0 && is_be_form(toks[v - 1].core);
            // "… issued a statement calling …": the statement's issuer.
            let document =
                v > 0 && DOCUMENT_NOUNS.contains(&lower(toks[v - 1].core, &mut [0u8; 24]));
            if after_comma || document {
                sentence_subject(&toks, v).map(|np| (2u8, np))
            } else if progressive {
                // "Lee is arguing that …" / "He's claiming …".
                if toks[v - 1].core.contains(['\'', '\u{2019}']) {
                    Some((1u8, v - 1..v))
                } else {
                    subject_before(&toks, v - 1).map(|np| (1u8, np))
                }
            } else {
                None
            }
        } else if w == "according" {
            toks.get(v + 1)
                .filter(|next| next.core.eq_ignore_ascii_case("to") && !next.quoted)
                .and_then(|_| phrase_after(&toks, v + 2, false))
                .map(|np| (1u8, np))
        } else {
            let Some(class) = lexicon::cue(w) else {
                continue;
            };
            if !verb_context(&toks, v, w, class) {
                continue;
            }
            // A weaker cue still wins when "that" shows it governs the rest
            // ("He notes that the board announced …").
            let strong = lexicon::is_strong_cue(w)
                || toks
                    .get(v + 1)
                    .is_some_and(|n| n.core.eq_ignore_ascii_case("that"));
            let rank = if strong { 1 } else { 2 };
            let coordinated = v > 0
                && matches!(
                    lower(toks[v - 1].core, &mut [0u8; 24]),
                    "and" | "but" | "then"
                );
            if coordinated {
                // "Lee outlined a plan and vowed …": the shared subject.
                sentence_subject(&toks, v - 1).map(|np| (rank + 1, np))
            } else if let Some(np) = subject_before(&toks, v) {
                Some((rank, np))
            } else if class == CueClass::Inverting && (v == 0 || toks[v - 1].ends_clause()) {
                phrase_after(&toks, v + 1, true).map(|np| (rank, np))
            } else {
                None
            }
        };
        let Some((mut rank, np)) = found.filter(|(_, np)| plausible(&toks[np.clone()])) else {
            continue;
        };
        if is_tail(&toks, v, &np) {
            rank = 0;
        } else if subordinate(&toks, np.start) || relative_object(&toks, v, &np) {
            // "when he wrote his book, Smith said …": the main clause wins.
            rank += 2;
        }
        if best.as_ref().is_none_or(|b| rank < b.0) {
            best = Some((rank, v, np));
        }
    }
    best.map(|(_, v, np)| Attribution {
        speaker: slice(text, &toks, pronoun_antecedent(&toks, np)),
        cue_at: toks[v].start,
    })
}

/// False for a phrase that cannot name a speaker: a fragment glued by a
/// hyphen to a lower-case function word ("victims-and") or a run of
/// capitals from a headline ("BOARD SAYS NO").
fn plausible(np: &[Tok]) -> bool {
    let mut buf = [0u8; 24];
    let glued = np.iter().any(|t| {
        t.core.contains('-')
            && t.core.split('-').any(|part| {
                part.bytes().all(|b| b.is_ascii_lowercase())
                    && lexicon::is_boundary(lower(part, &mut buf))
            })
    });
    let shouted = np.len() >= 2
        && np
            .iter()
            .all(|t| t.core.len() > 1 && !t.core.chars().any(char::is_lowercase));
    !glued && !shouted
}

/// Nouns for a message that a participle cue may describe ("a statement
/// saying", "a letter warning").
const DOCUMENT_NOUNS: &[&str] = &[
    "statement",
    "statements",
    "letter",
    "memo",
    "report",
    "release",
    "message",
    "tweet",
    "tweets",
    "post",
    "email",
    "video",
    "ad",
    "note",
    "remarks",
    "speech",
    "op-ed",
    "editorial",
    "interview",
    "filing",
    "complaint",
    "lawsuit",
    "resolution",
];

/// "is", "was", "'s" and the other forms of "be" before a participle.
fn is_be_form(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    let w = w.replace('\u{2019}', "'");
    matches!(w.as_str(), "is" | "are" | "was" | "were" | "been" | "be")
        || ["he's", "she's", "it's", "they're", "we're", "i'm", "who's"].contains(&w.as_str())
}

/// True when the phrase at `start` opens a subordinate clause ("when he
/// wrote", "if they say").
fn subordinate(toks: &[Tok], start: usize) -> bool {
    let mut buf = [0u8; 24];
    start > 0 && lexicon::is_subordinator(lower(toks[start - 1].core, &mut buf))
}

/// True when the cue at `v` sits in a relative clause on a noun inside the
/// sentence ("… hired an aide who said …"): the main clause's own cue, if
/// any, names the sentence's speaker.
fn relative_object(toks: &[Tok], v: usize, np: &Range<usize>) -> bool {
    let mut buf = [0u8; 24];
    let mut j = v;
    while j > 0 && lexicon::is_verb_modifier(lower(toks[j - 1].core, &mut buf)) {
        j -= 1;
    }
    let relative = j > 0 && matches!(lower(toks[j - 1].core, &mut buf), "who" | "which");
    relative && np.start > 0 && !toks[np.start - 1].ends_clause()
}

/// A pronoun speaker inside a sentence whose main subject is a name agreeing
/// with it ("Mrs. Lee has said she …", "Proponents … although they say")
/// refers to that subject.
fn pronoun_antecedent(toks: &[Tok], np: Range<usize>) -> Range<usize> {
    let mut buf = [0u8; 24];
    if np.len() != 1 || np.start == 0 {
        return np;
    }
    let p = lower(toks[np.start].core, &mut buf);
    let plural = match p {
        "he" | "she" => false,
        "they" => true,
        _ => return np,
    };
    // "Though she called it outrageous, Clinton …": a pronoun in an opening
    // subordinate clause points forward to the main subject.
    let opens_subordinate = lexicon::is_subordinator(lower(toks[0].core, &mut [0u8; 24]));
    let limit = if opens_subordinate {
        toks.len()
    } else {
        np.start
    };
    let Some(subject) = sentence_subject(toks, limit) else {
        return np;
    };
    let forward = opens_subordinate && subject.start > np.start;
    if subject.end > np.start && !forward
        || subject.len() == 1 && lexicon::is_pronoun(&toks[subject.start].core.to_ascii_lowercase())
    {
        return np;
    }
    // A lone sentence-initial word may be an ordinary word ("More", "All").
    let first = &toks[subject.start];
    if subject.len() == 1 && lexicon::classes(&first.core.to_ascii_lowercase()) != 0 {
        return np;
    }
    let head = toks[subject.end - 1].core;
    let head_plural = head.ends_with('s') && !head.ends_with("ss");
    let agrees = if plural {
        head_plural
    } else {
        !head_plural && toks[subject.end - 1].capitalized()
    };
    if agrees { subject } else { np }
}

/// For a sentence with a quotation but no reporting cue ("Lee condemned
/// the plan as \"reckless\""), the subject of its main clause when that
/// subject comes before the quotation.
pub fn quote_subject(text: &str, quotes: &[Range<usize>]) -> Option<String> {
    let toks = tokenize(text, quotes);
    let first_quoted = toks.iter().position(|t| t.quoted)?;
    let np = sentence_subject(&toks, first_quoted)?;
    (np.end < first_quoted).then(|| slice(text, &toks, np))
}

/// The speaker of a whole paragraph, when the paragraph names one outside
/// any sentence: a transcript label ("SMITH: …", in capitals) or a
/// signature after a closing quote ("“…” - Ann Lee, teacher").
pub fn block_speaker(text: &str) -> Option<&str> {
    let body = text.trim_start_matches(['"', '\u{201C}', ' ']);
    if let Some((label, rest)) = body.split_once(':')
        && !rest.is_empty()
        && (1..=3).contains(&label.split_whitespace().count())
        && label.chars().any(char::is_alphabetic)
        && label
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-'))
    {
        return Some(label.trim());
    }
    let close = super::quotes::last_double_quote(text)?;
    let mark = text[close..].chars().next().map_or(1, char::len_utf8);
    let tail = text[close + mark..].trim_start();
    let name = tail.strip_prefix(['-', '\u{2014}', '\u{2015}', '\u{2013}'])?;
    let name = name.trim_start_matches(['-', ' ']);
    let name = name
        .split([',', ';', '('])
        .next()?
        .trim()
        .trim_end_matches('.');
    let words = name.split_whitespace().count();
    let capital = name.starts_with(|c: char| c.is_uppercase());
    (capital && (1..=6).contains(&words)).then_some(name)
}

/// True for a clause-final attribution: ", X said." / ", said X." with at
/// most a few words after it.
fn is_tail(toks: &[Tok], v: usize, np: &Range<usize>) -> bool {
    let first = np.start.min(v);
    let last = np.end.max(v + 1);
    let opens = first == 0 || toks[first - 1].ends_clause();
    opens && toks.len() - last <= 4 && first > 0
}

/// Rejects a cue word used as a noun or adjective ("the reported deal",
/// "his claims", "early-morning tweets") or in the passive ("was told").
fn verb_context(toks: &[Tok], v: usize, word: &str, class: CueClass) -> bool {
    let Some(prev) = v.checked_sub(1).map(|p| &toks[p]) else {
        // "Said Ellis: …" opens with an inverted cue.
        return class == CueClass::Inverting;
    };
    // "Lee, an economist, told …" keeps a comma before the cue; other
    // clause punctuation does not.
    if prev.ends_clause() && class != CueClass::Inverting && !prev.raw.ends_with(',') {
        return false;
    }
    let mut buf = [0u8; 24];
    let p = lower(prev.core, &mut buf);
    let noun_before = !prev.ends_clause() && lexicon::is_determiner(p);
    if noun_before || lexicon::is_passive_aux(p) || p == "to" {
        return false;
    }
    // A possessive before the cue makes it a noun ("Trump's claims").
    if prev.raw.ends_with("'s") || prev.raw.ends_with("s'") || prev.raw.ends_with('\u{2019}') {
        return false;
    }
    let base = lexicon::is_base_form(word);
    let noun_like = lexicon::is_noun_homograph(word);
    // "The memo states that …": a complementiser settles it.
    let that_follows = toks
        .get(v + 1)
        .is_some_and(|n| n.core.eq_ignore_ascii_case("that"));
    if !base && !noun_like {
        return true;
    }
    // "the help of states that …" is still a noun after a preposition.
    if !base && that_follows && !lexicon::is_np_preposition(p) && !lexicon::is_boundary(p) {
        return true;
    }
    if lexicon::is_verb_modifier(p) || lexicon::is_pronoun(p) || p == "who" {
        return true;
    }
    if base {
        // "Officials say", "Democrats argue": a plural or a name.
        return prev.capitalized() || (p.ends_with('s') && !p.ends_with("ss"));
    }
    // "-s" forms that are also plural nouns: need a name, or a plain
    // singular noun right after an article ("the study finds").
    if prev.capitalized() {
        return true;
    }
    let article = v >= 2 && {
        let mut b2 = [0u8; 24];
        matches!(
            lower(toks[v - 2].core, &mut b2),
            "the" | "a" | "an" | "this" | "its" | "his" | "her" | "their"
        )
    };
    article
        && !(p.is_empty() || p.contains('-') || p.ends_with('s') || lexicon::is_adjective_like(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::quotes;

    fn speaker(text: &str) -> Option<String> {
        find(text, &quotes::spans(text, false)).map(|a| a.speaker)
    }

    #[test]
    fn speaker_before_and_after_the_quote() {
        assert_eq!(
            speaker("\"We will not yield,\" said Deputy Trade Minister Olga Brandt.").as_deref(),
            Some("Deputy Trade Minister Olga Brandt")
        );
        assert_eq!(
            speaker("Mayor Lin Park said: \"The bridge opens in May.\"").as_deref(),
            Some("Mayor Lin Park")
        );
        assert_eq!(
            speaker("\"The bridge opens in May,\" Park told reporters on Friday.").as_deref(),
            Some("Park")
        );
    }

    #[test]
    fn appositives_and_relative_clauses() {
        assert_eq!(
            speaker("Dunmore, a longtime council ally, said the vote was rigged.").as_deref(),
            Some("Dunmore")
        );
        assert_eq!(
            speaker("The plan was backed by Ortiz, who has said it will pass.").as_deref(),
            Some("Ortiz")
        );
    }

    #[test]
    fn according_to_and_tail_attribution() {
        assert_eq!(
            speaker("According to a senior port official, the cranes were idle.").as_deref(),
            Some("a senior port official")
        );
        assert_eq!(
            speaker("The cranes were idle for a week, the source added.").as_deref(),
            Some("the source")
        );
    }

    #[test]
    fn paragraph_speakers() {
        assert_eq!(block_speaker("HOLM: We will vote no."), Some("HOLM"));
        assert_eq!(
            block_speaker("\"The vote was a farce.\" - Ida Marsh, nurse"),
            Some("Ida Marsh")
        );
        assert_eq!(block_speaker("Note: the vote was close."), None);
        assert_eq!(block_speaker("The vote was close."), None);
    }

    #[test]
    fn nouns_and_passives_are_not_cues() {
        assert_eq!(speaker("His claims were rejected by the court."), None);
        assert_eq!(speaker("The reported deal collapsed in March."), None);
        assert_eq!(speaker("Residents were told to leave."), None);
        assert_eq!(speaker("The harbor is busy in summer."), None);
    }

    #[test]
    fn feeling_words_without_be_are_cues() {
        assert_eq!(
            speaker("Local farmers worried that the dam would fail.").as_deref(),
            Some("Local farmers")
        );
        assert_eq!(
            speaker("The farmers were worried that the dam would fail.").as_deref(),
            Some("The farmers")
        );
    }

    #[test]
    fn a_relative_clause_cue_yields_to_the_main_clause() {
        assert_eq!(
            speaker("Lund mocked the mayor, claiming he knew an engineer who said the dam leaks.")
                .as_deref(),
            Some("Lund")
        );
    }

    #[test]
    fn participle_after_a_document_noun() {
        assert_eq!(
            speaker(
                "After the vote, the harbor board issued a statement calling the delay unfair."
            )
            .as_deref(),
            Some("the harbor board")
        );
        assert_eq!(
            speaker("Several local fishing unions sued the port, saying the rules were unfair.")
                .as_deref(),
            Some("Several local fishing unions")
        );
    }

    #[test]
    fn implausible_speaker_phrases_are_dropped() {
        assert_eq!(
            speaker("Gov. Ann Lee (R-IN) said the port would reopen.").as_deref(),
            Some("Gov. Ann Lee (R-IN)")
        );
        assert_eq!(
            speaker("They read the ledger-and found that the fund was empty."),
            None
        );
        assert_eq!(speaker("HARBOR BOARD SAYS NO - The plan failed."), None);
        assert_eq!(
            speaker("Get those boats out, adding ballast.").as_deref(),
            None
        );
    }
}
