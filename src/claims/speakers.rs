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
    /// The cue sits in a relative clause ("Vance endorses Lowe, who says
    /// …"): the sentence is still about its main subject.
    pub relative: bool,
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
            if let Some(verb) = catenative_before(&toks, v) {
                // "Lee continues to insist …": the subject of the verb
                // the cue hangs on.
                if let Some(np) =
                    subject_before(&toks, verb).filter(|np| plausible(&toks[np.clone()]))
                {
                    let rank = if lexicon::is_strong_cue(w) { 1 } else { 2 };
                    if best.as_ref().is_none_or(|b| rank < b.0) {
                        best = Some((rank, v, np));
                    }
                }
                continue;
            }
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
            // "Ada Wren, who runs the office, said the rule …" keeps its
            // named subject; a clause before the comma is no subject.
            let named_subject = || {
                subject_before(&toks, v).is_some_and(|np| {
                    // A capital on the sentence's first word proves nothing.
                    (np.start.max(1)..np.end).any(|k| toks[k].capitalized())
                })
            };
            if let Some(np) = inverted_tail(&toks, v, class).filter(|_| !named_subject()) {
                // "…, and it went badly from there, said one source.": the
                // speaker after the cue, not a noun of the clause before.
                Some((rank, np))
            } else if coordinated {
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
        let Some((mut rank, np)) = found.filter(|(_, np)| {
            plausible(&toks[np.clone()])
                && !after_opening_preposition(&toks, np)
                && !after_gerund(&toks, np)
        }) else {
            continue;
        };
        // A weaker cue near the end ("…, on being Lee.") is not a tail
        // attribution; ", the footage showed." may still be, at its rank.
        if is_tail(&toks, v, &np) && lexicon::is_strong_cue(w) {
            rank = 0;
        } else if subordinate(&toks, np.start) || relative_object(&toks, v, &np) {
            // "when he wrote his book, Smith said …": the main clause wins.
            rank += 2;
        }
        // "She said …, and the mother of three replied, \"…\"": the cue
        // that introduces the quotation owns it.
        let introduces = |k: usize| toks.get(k).is_some_and(|t| t.quoted);
        if rank > 0 && (introduces(v + 1) || v > 0 && introduces(v - 1) || introduces(np.end)) {
            rank -= 1;
        }
        if best.as_ref().is_none_or(|b| rank < b.0) {
            best = Some((rank, v, np));
        }
    }
    best.map(|(_, v, np)| Attribution {
        relative: np.end < v && {
            let mut buf = [0u8; 24];
            (np.end..v).any(|k| matches!(lower(toks[k].core, &mut buf), "who" | "which"))
        },
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

/// The verb a cue completes as an infinitive ("continues to insist",
/// "went on to say"): its token index, for the subject before it.
fn catenative_before(toks: &[Tok], v: usize) -> Option<usize> {
    let mut buf = [0u8; 24];
    if v < 2 || lower(toks[v - 1].core, &mut buf) != "to" || toks[v - 2].ends_clause() {
        return None;
    }
    let mut verb = v - 2;
    if lower(toks[verb].core, &mut buf) == "on" && verb > 0 {
        // "went on to say".
        verb -= 1;
        return matches!(lower(toks[verb].core, &mut buf), "went" | "goes" | "go").then_some(verb);
    }
    CATENATIVES
        .contains(&lower(toks[verb].core, &mut buf))
        .then_some(verb)
}

/// Verbs that carry a reporting verb as their infinitive without changing
/// who speaks ("continued to argue"); "refused to say" is left out, as it
/// reports no words.
#[rustfmt::skip]
const CATENATIVES: &[&str] = &[
    "continue", "continues", "continued", "began", "begins", "begin", "started", "starts",
    "tried", "tries", "seemed", "seems", "appeared", "appears", "used", "went",
];

/// For an inverting cue right after a comma, the speaker after it when
/// that phrase closes the sentence (", said one source in the room.").
/// Only "said" and "added" qualify: other inverting cues also take an
/// object ("Lee, an aide, noted the rule in May.").
fn inverted_tail(toks: &[Tok], v: usize, class: CueClass) -> Option<Range<usize>> {
    let mut buf = [0u8; 24];
    if class != CueClass::Inverting
        || v == 0
        || !toks[v - 1].raw.ends_with(',')
        || !matches!(
            lower(toks[v].core, &mut buf),
            "said" | "says" | "added" | "adds"
        )
    {
        return None;
    }
    let np = phrase_after(toks, v + 1, true)?;
    // The phrase ends the sentence or gives way to a place, time or
    // manner ("in the room", "on Friday"), not to a verb ("the vote was").
    let closes = np.end >= toks.len()
        || toks[np.end - 1].ends_clause()
        || matches!(
            lower(toks[np.end].core, &mut buf),
            "in" | "on"
                | "at"
                | "during"
                | "who"
                | "after"
                | "before"
                | "when"
                | "while"
                | "because"
                | "via"
                | "through"
                | "adding"
                | "noting"
                | "citing"
                | "speaking"
        );
    let named = toks[np.start].capitalized()
        || lexicon::is_determiner(lower(toks[np.start].core, &mut buf))
        || lexicon::is_pronoun(lower(toks[np.start].core, &mut buf))
        || lexicon::classes(lower(toks[np.start].core, &mut buf)) == 0;
    (closes && named && toks.len() - np.end <= 6).then_some(np)
}

/// True when the phrase is the object of a gerund ("… forwarding its view
/// of the world says …"), so not the cue's subject.
fn after_gerund(toks: &[Tok], np: &Range<usize>) -> bool {
    let mut buf = [0u8; 24];
    // Only a determiner shows the "-ing" word takes an object: "leading
    // experts say" and "saying they think" keep their subjects.
    let determined = lexicon::is_determiner(lower(toks[np.start].core, &mut buf));
    determined && np.start > 0 && {
        let prev = &toks[np.start - 1];
        let w = lower(prev.core, &mut buf);
        !prev.ends_clause()
            && !lexicon::is_participle_cue(w)
            && !prev.capitalized()
            && w.len() > 5
            && w.ends_with("ing")
            && !matches!(
                w,
                "during" | "according" | "including" | "regarding" | "following"
            )
    }
}

/// True when the phrase is the object of a sentence-opening preposition
/// ("In the wake of the report, …"), so not a subject.
fn after_opening_preposition(toks: &[Tok], np: &Range<usize>) -> bool {
    let mut buf = [0u8; 24];
    np.start == 1
        && matches!(
            lower(toks[0].core, &mut buf),
            "in" | "on"
                | "at"
                | "of"
                | "for"
                | "from"
                | "with"
                | "by"
                | "during"
                | "after"
                | "before"
                | "since"
                | "under"
                | "over"
                | "amid"
                | "despite"
                | "following"
                | "like"
                | "unlike"
                | "through"
                | "without"
        )
}

/// A number in digits or words ("27", "Twenty-seven", "three").
fn is_count(word: &str) -> bool {
    if !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        return true;
    }
    let first = word.split('-').next().unwrap_or("");
    let mut buf = [0u8; 24];
    matches!(
        lower(first, &mut buf),
        "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "thirteen"
            | "fourteen"
            | "fifteen"
            | "sixteen"
            | "seventeen"
            | "eighteen"
            | "nineteen"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "sixty"
            | "seventy"
            | "eighty"
            | "ninety"
            | "hundred"
            | "hundreds"
            | "dozens"
            | "thousands"
            | "millions"
    )
}

/// True when a possessive ("Lee's", "the firm's") opens the words right
/// before the cue, so the cue is the head noun of that phrase.
fn possessed(toks: &[Tok], v: usize) -> bool {
    (v.saturating_sub(3)..v).any(|k| {
        let raw = toks[k].raw;
        (raw.ends_with("'s") || raw.ends_with("\u{2019}s"))
            && (k..v).all(|i| !toks[i].ends_clause())
    })
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
        "he" | "she" | "it" => false,
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
    // A singular antecedent is a name ("Sen. Ada Lowe (D-Mo.)"), not a
    // phrase around one ("People like Scott, he said").
    let agrees = if plural {
        head_plural
    } else {
        !head_plural
            && toks[subject.clone()]
                .iter()
                .all(|t| t.capitalized() || t.raw.starts_with('(') || t.core.is_empty())
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
    (np.end < first_quoted && plausible(&toks[np.clone()])).then(|| slice(text, &toks, np))
}

/// Whom a sentence without a reporting cue is about, for a later "he" or
/// "they" to point back to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Topic {
    /// A proper name or a singular description ("Mr. Vance, 45, runs a
    /// bakery"; "The Republican nominee also linked …").
    Person(String),
    /// A plural subject ("Twenty-seven states led by … are suing").
    Group(String),
}

/// The subject of a sentence without a reporting cue, when it is a name,
/// a description of someone, or a plural group.
pub fn sentence_topic(text: &str, quotes: &[Range<usize>]) -> Option<Topic> {
    // Subjects open the sentence with a capital; a sentence opening with
    // a quotation or a lower-case word has none to offer.
    if !text.starts_with(char::is_uppercase) {
        return None;
    }
    let toks = tokenize(text, quotes);
    let described = described_subject(&toks).map(|np| {
        let head = toks[np.end - 1].core;
        let plural = head.ends_with('s') && !head.ends_with("ss");
        let phrase = slice(text, &toks, np);
        if plural {
            Topic::Group(phrase)
        } else {
            Topic::Person(phrase)
        }
    });
    if toks[0].core == "The" {
        // "The Republican nominee also linked …": a role description,
        // kept as written; the resolver checks that its head is a person.
        return described;
    }
    named_subject(text, &toks)
        .map(Topic::Person)
        .or(described.filter(|t| matches!(t, Topic::Group(_))))
}

/// A proper-name subject ("Ola Brandt voted no").
fn named_subject(text: &str, toks: &[Tok]) -> Option<String> {
    let np = sentence_subject(toks, toks.len().min(12))?;
    let words = &toks[np.clone()];
    if words.len() > 4 || words.iter().any(|t| t.quoted || !t.capitalized()) {
        return None;
    }
    let mut buf = [0u8; 24];
    let first = lower(words[0].core, &mut buf);
    if lexicon::classes(first) != 0 && !super::sentences::is_title(first) {
        // "The", "Some", "Officials": a determiner or a listed word.
        return None;
    }
    let titled = super::sentences::is_title(first) && words.len() >= 2;
    // The name must be followed by its verb or an appositive, not run on
    // into a noun ("New York officials", "New York state").
    let next_ok = words[words.len() - 1].raw.ends_with(',')
        || toks.get(np.end).is_some_and(|n| {
            let mut b = [0u8; 24];
            let w = lower(n.core, &mut b);
            !n.capitalized()
                && (w.ends_with("ed")
                    || w.ends_with('s') && !lexicon::is_organisation_word(w)
                    || lexicon::is_verb_modifier(w)
                    || lexicon::is_passive_aux(w)
                    || lexicon::may_cue(w))
        });
    let org = words.iter().any(|t| {
        let mut b = [0u8; 24];
        let w = lower(t.core, &mut b);
        lexicon::is_organisation_word(w) || lexicon::is_date_word(w)
    });
    ((titled || words.len() >= 2) && next_ok && !org).then(|| slice(text, toks, np))
}

/// "The" and the words up to the main verb ("The former secretary of
/// state has …" → "The former secretary of state"), when a verb follows.
fn described_subject(toks: &[Tok]) -> Option<Range<usize>> {
    let mut buf = [0u8; 24];
    let first = lower(toks.first()?.core, &mut buf);
    if lexicon::is_pronoun(first)
        || lexicon::is_boundary(first)
        || lexicon::is_subordinator(first)
        || lexicon::is_intro_preposition(first)
    {
        return None;
    }
    for k in 1..toks.len().min(7) {
        let t = &toks[k];
        let w = lower(t.core, &mut buf);
        // "secretary of state": a noun after "of"; "Twelve states", "the
        // reports": a noun after a count or a determiner.
        let after_of = toks[k - 1].core == "of"
            || lexicon::is_noun_homograph(w)
                && (is_count(toks[k - 1].core)
                    || lexicon::is_determiner(lower(toks[k - 1].core, &mut [0u8; 24])));
        let verb = !t.capitalized()
            && !after_of
            && (lexicon::is_verb_modifier(w)
                || lexicon::is_passive_aux(w)
                || lexicon::may_cue(w)
                || w.len() > 2 && w.ends_with("ed")
                || w.len() > 4 && w.ends_with("ly"));
        if verb {
            return (k >= 2).then_some(0..k);
        }
        if t.quoted || t.ends_clause() || w != "of" && lexicon::is_boundary(w) {
            return None;
        }
    }
    None
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
    let close = text.rfind(['"', '\u{201D}'])?;
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
        // "Said Ellis: …" opens with an inverted cue; "Asked about the
        // plan, Lee said …" opens with a participle.
        let mut buf = [0u8; 24];
        let named_next = toks
            .get(1)
            .is_some_and(|n| n.capitalized() || lexicon::is_determiner(lower(n.core, &mut buf)));
        return class == CueClass::Inverting && named_next;
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
    // "Twenty-seven states", "three reports", "the singer's new show":
    // a count or a possessive makes the word a noun.
    if (lexicon::is_noun_homograph(word) || lexicon::is_base_form(word))
        && (is_count(prev.core) || possessed(toks, v))
        && !toks
            .get(v + 1)
            .is_some_and(|n| n.core.eq_ignore_ascii_case("that"))
    {
        return false;
    }
    // "the battleground states in Ohio": a noun before its preposition.
    if lexicon::is_noun_homograph(word)
        && toks
            .get(v + 1)
            .is_some_and(|n| matches!(n.core, "in" | "of" | "on" | "at" | "for" | "with" | "from"))
    {
        return false;
    }
    // "a stream called Miracle Run": naming, not speaking.
    if matches!(word, "called" | "named" | "dubbed")
        && toks.get(v + 1).is_some_and(Tok::capitalized)
        && (v.saturating_sub(4)..v).any(|k| matches!(toks[k].core, "a" | "an"))
        && !prev.capitalized()
    {
        return false;
    }
    // "ways that help Mr. Lee maintain", "let editorials tell them": an
    // infinitive after a causative verb.
    if lexicon::is_base_form(word)
        && (v.saturating_sub(4)..v.saturating_sub(1)).any(|k| {
            matches!(
                lower(toks[k].core, &mut [0u8; 24]),
                "help" | "helps" | "helped" | "let" | "lets" | "make" | "makes" | "made"
            ) && (k + 1..v).all(|i| !toks[i].ends_clause())
        })
    {
        return false;
    }
    // "showed up at the debate": arriving, not reporting.
    if matches!(word, "show" | "shows" | "showed")
        && toks.get(v + 1).is_some_and(|n| n.core == "up")
    {
        return false;
    }
    // "the laws proposed by the governor": a participle, not a verb.
    let by_agent = toks.get(v + 1).is_some_and(|n| n.core == "by")
        && toks.get(v + 2).is_some_and(|a| {
            a.capitalized() || lexicon::is_determiner(lower(a.core, &mut [0u8; 24]))
        });
    if by_agent && word.ends_with("ed") {
        return false;
    }
    let base = lexicon::is_base_form(word);
    let noun_like = lexicon::is_noun_homograph(word);
    // "Health worries have dogged …": a noun followed by its verb.
    let verb_follows = toks.get(v + 1).is_some_and(|n| {
        let mut b = [0u8; 24];
        let w = lower(n.core, &mut b);
        lexicon::is_passive_aux(w)
            || matches!(
                w,
                "have" | "has" | "had" | "will" | "would" | "could" | "can" | "may" | "might"
            )
    });
    if noun_like && verb_follows {
        return false;
    }
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
    // singular noun right after an article ("the study finds"). A party
    // or nationality adjective makes a noun ("Republican claims",
    // "Russian reports").
    if prev.capitalized() {
        let adjective = ["an", "ic", "ish", "ese"]
            .iter()
            .any(|s| prev.core.ends_with(s))
            && v >= 2
            && !toks[v - 2].capitalized()
            && !toks[v - 2].ends_clause();
        return !adjective;
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

    #[test]
    fn said_after_a_comma_takes_the_speaker_after_it() {
        assert_eq!(
            speaker("Rents rose for most tenants, but for some, the cuts were worse, said Marlow.")
                .as_deref(),
            Some("Marlow")
        );
        assert_eq!(
            speaker("The talks went badly from there, said one union source in the room.")
                .as_deref(),
            Some("one union source")
        );
        // A named subject with an appositive keeps the cue's object apart.
        assert_eq!(
            speaker("Ada Wren, who runs the ferry office, said the timetable was wrong.")
                .as_deref(),
            Some("Ada Wren")
        );
        assert_eq!(
            speaker("Ada Wren, a ferry clerk, noted the rule in the interview.").as_deref(),
            Some("Ada Wren")
        );
    }

    #[test]
    fn weak_cues_near_the_end_are_not_tails() {
        assert_eq!(
            speaker(
                "Voters learned again that, whatever the stakes, Vance will insist on being Vance."
            )
            .as_deref(),
            Some("Voters")
        );
    }

    #[test]
    fn subjects_around_infinitives_pronouns_and_relative_clauses() {
        assert_eq!(
            speaker("The nominee continues to insist that the returns are ready.").as_deref(),
            Some("The nominee")
        );
        assert_eq!(
            speaker("Those close to him say that he will run again.").as_deref(),
            Some("Those close to him")
        );
        assert_eq!(
            speaker("One of the doctors who signed the letter called Vance a quack.").as_deref(),
            Some("One of the doctors")
        );
        assert_eq!(
            speaker("No one expected a full hour of policy talk.").as_deref(),
            Some("No one")
        );
        assert_eq!(
            speaker("The tenants watched it, lawyers for the family said.").as_deref(),
            Some("lawyers for the family")
        );
    }

    #[test]
    fn time_phrases_and_openers_are_not_subjects() {
        assert_eq!(
            speaker(
                "A Harbor University poll released in late August found that most voters agree."
            )
            .as_deref(),
            Some("A Harbor University poll")
        );
        assert_eq!(
            speaker("In the wake of the Ledger report, Hobbs has portrayed himself as a reformer."),
            None
        );
        assert_eq!(
            speaker("Much of the rise is due to the harsh laws proposed by Governor Hale."),
            None
        );
    }

    #[test]
    fn nouns_that_look_like_cues() {
        // A count, a possessive or a party adjective before the word.
        assert_eq!(speaker("Twelve states joined the suit in May."), None);
        assert_eq!(
            speaker("The money went to the singer's new show in Ohio."),
            None
        );
        assert_eq!(
            speaker("The board rated half of Republican claims as false."),
            None
        );
        assert_eq!(speaker("The real Vance showed up at the debate."), None);
        assert_eq!(
            speaker("It ran near a mountain stream called Miracle Run."),
            None
        );
        assert_eq!(
            speaker("The rules help Mr. Lowe maintain the image of a reformer."),
            None
        );
    }

    #[test]
    fn openers_names_and_relative_clauses() {
        assert_eq!(
            speaker("Asked about the mayor's claim, Lowe said, \"We should wait.\"").as_deref(),
            Some("Lowe")
        );
        assert_eq!(
            speaker("Prime Minister Ada May said the talks would resume.").as_deref(),
            Some("Prime Minister Ada May")
        );
        let a = find(
            "Ted Vance endorses Lowe, who says he is honored.",
            &quotes::spans("Ted Vance endorses Lowe, who says he is honored.", false),
        );
        assert_eq!(a.as_ref().map(|a| a.speaker.as_str()), Some("Lowe"));
        assert!(a.is_some_and(|a| a.relative));
        assert_eq!(
            speaker("Everyone I interviewed said the plan was sound.").as_deref(),
            Some("Everyone")
        );
        assert_eq!(
            speaker("Experts on Korea and arms control said the test failed.").as_deref(),
            Some("Experts on Korea and arms control")
        );
    }

    #[test]
    fn named_subjects_of_plain_sentences() {
        let subject = |t: &str| match sentence_topic(t, &quotes::spans(t, false)) {
            Some(Topic::Person(p)) => Some(p),
            _ => None,
        };
        assert_eq!(
            subject("Ola Brandt, 45, runs a bakery on the quay.").as_deref(),
            Some("Ola Brandt")
        );
        assert_eq!(
            subject("Mr. Vance voted against the plan.").as_deref(),
            Some("Mr. Vance")
        );
        assert_eq!(subject("New York officials voted against it."), None);
        // Descriptions are kept as written; the resolver decides whether
        // their head is a person.
        assert_eq!(
            subject("The harbor master also backed it.").as_deref(),
            Some("The harbor master")
        );
        assert_eq!(
            sentence_topic("Twelve towns led by Brill are suing the board.", &[]),
            Some(Topic::Group("Twelve towns".to_string()))
        );
        assert_eq!(subject("Florida Friday was busy."), None);
    }
}
