//! A source named by the phrase that opens a sentence, with no reporting
//! verb of its own ([`opening_source`]): "In a poll released Monday, 52
//! percent backed the plan" is the poll's finding; "In a speech Friday,
//! Lee laid out her plan" is Lee's. A finding may also name its poll
//! after it ([`poll_in_clause`]: "… led by 24 points in a CNN poll").

use std::ops::Range;

use super::super::lexicon;
use super::super::phrases::Tok;

/// Nouns for a source whose findings a sentence can report: the source is
/// the opening phrase itself.
const FINDING_NOUNS: &[&str] = &[
    "poll",
    "survey",
    "report",
    "study",
    "analysis",
    "audit",
    "review",
    "assessment",
    "estimate",
    "forecast",
    "census",
];

/// Nouns for what a person says or writes: the speaker is the named
/// subject of the clause after the opening phrase.
const SPEECH_NOUNS: &[&str] = &[
    "statement",
    "interview",
    "letter",
    "memo",
    "filing",
    "speech",
    "editorial",
    "op-ed",
    "column",
    "essay",
    "tweet",
    "post",
    "book",
    "memoir",
    "testimony",
    "remarks",
];

/// The source phrase of a sentence opening "In a/an/the/this … poll
/// (report, speech …) …,": the opening phrase for a finding, the name
/// right after the comma for a speech. A possessive determiner ("In his
/// speech, …") or a noun inside an "of" phrase ("In the wake of the
/// report, …") gives nothing.
pub(super) fn opening_source(toks: &[Tok]) -> Option<Range<usize>> {
    if toks.len() < 6 || toks[0].lw != "in" || toks[0].quoted {
        return None;
    }
    if !matches!(toks[1].lw, "a" | "an" | "the" | "this" | "that") {
        return None;
    }
    let comma = (1..toks.len().min(14)).find(|&k| toks[k].raw.ends_with(','))?;
    if toks.len() - comma < 4 || (1..comma).any(|k| toks[k].quoted || toks[k].ends_clause()) {
        return None;
    }
    // The source noun heads the phrase: at most six modifiers after the
    // determiner ("an NBC News/Marist College poll released Monday"), and
    // no "of" before it.
    let noun = (2..=comma.min(8))
        .find(|&k| FINDING_NOUNS.contains(&toks[k].lw) || SPEECH_NOUNS.contains(&toks[k].lw))?;
    if (2..noun).any(|k| toks[k].lw == "of") {
        return None;
    }
    if FINDING_NOUNS.contains(&toks[noun].lw) {
        return Some(1..noun + 1);
    }
    // "In a speech Friday, Ada Lowe laid out …": the name that opens the
    // main clause.
    let start = comma + 1;
    // "In a memoir, In the Country We Love, …": a title, not a name.
    let w = toks.get(start)?.lw;
    if lexicon::is_intro_preposition(w) || lexicon::is_determiner(w) || lexicon::is_boundary(w) {
        return None;
    }
    let end = (start..toks.len().min(start + 4))
        .take_while(|&k| toks[k].capitalized() && !toks[k].quoted)
        .last()?
        + 1;
    let clean = (start..end - 1).all(|k| !toks[k].ends_clause())
        && toks.get(end).is_some_and(|t| !t.capitalized() && !t.quoted);
    clean.then_some(start..end)
}

/// The poll a sentence's finding is read in, named after the finding
/// ("Lowe held a 24-point lead among dockworkers in a Harbor Gazette poll.",
/// "Vance has a decisive lead in the polls ahead of the vote."): "in", a
/// determiner, at most four modifiers and "poll(s)"/"survey(s)".
pub(super) fn poll_in_clause(toks: &[Tok]) -> Option<Range<usize>> {
    let det = |w: &str| matches!(w, "a" | "an" | "the" | "this" | "that" | "latest" | "new");
    let poll = |w: &str| matches!(w, "poll" | "polls" | "survey" | "surveys");
    let at = (2..toks.len().saturating_sub(1)).find(|&k| {
        toks[k].lw == "in" && !toks[k].quoted && !toks[k - 1].ends_clause() && det(toks[k + 1].lw)
    })?;
    // "Despite his low standing in the polls, Lowe …": a poll inside the
    // opening phrase measures someone, it is not the sentence's source.
    let first = toks[0].lw;
    let opener = lexicon::is_intro_preposition(first)
        || lexicon::is_subordinator(first)
        || first.ends_with("ing");
    if opener && !toks[..at].iter().any(Tok::ends_clause) {
        return None;
    }
    let noun = (at + 2..toks.len().min(at + 7)).find(|&k| poll(toks[k].lw))?;
    let clean = (at..noun).all(|k| !toks[k].quoted && !toks[k].ends_clause() && toks[k].lw != "of");
    // "an interest in the polls of other towns": a noun of its own.
    let of_after = !toks[noun].ends_clause() && toks.get(noun + 1).is_some_and(|t| t.lw == "of");
    (clean && !of_after).then_some(at + 1..noun + 1)
}

/// The words of a headline label that introduce a section or format, not
/// a source ("The Latest:", "News Guide:", "Delegate Update:").
const LABEL_KICKERS: &[&str] = &[
    "latest",
    "update",
    "updates",
    "guide",
    "live",
    "analysis",
    "explainer",
    "recap",
    "timeline",
    "factbox",
    "fact",
    "check",
    "watch",
    "video",
    "photos",
    "opinion",
    "editorial",
    "review",
    "podcast",
    "interview",
    "exclusive",
    "breaking",
    "correction",
    "preview",
    "quiz",
    "today",
    "week",
    "morning",
    "evening",
    "briefing",
    "newsletter",
    "listen",
    "read",
    "more",
    "wow",
    // Teasers: "LOOK: Shocking Photos …", "BUSTED: Emails Reveal …",
    // "FIX IS IN: …", "JUST IN: …".
    "look",
    "busted",
    "boom",
    "bombshell",
    "fix",
    "just",
    "alert",
    "byline",
];

/// The source a headline names as its label, before a colon: "Lynch: No
/// outside influence on probe", "Poll: Lowe leads by five" (one to three
/// capitalised words, and a capital or a quotation mark after the colon).
/// A label naming a section or format ("The Latest:", "Live Updates:")
/// names no one.
pub(in crate::claims) fn headline_label(text: &str) -> Option<&str> {
    let (label, rest) = text.split_once(':')?;
    let rest = rest.trim_start();
    let says = rest.starts_with(|c: char| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\'' | '\u{201C}' | '\u{2018}')
    });
    let words: Vec<&str> = label.split_whitespace().take(4).collect();
    if !says || words.is_empty() || words.len() > 3 || words[0].eq_ignore_ascii_case("the") {
        return None;
    }
    let named = words.iter().all(|w| {
        w.starts_with(|c: char| c.is_uppercase())
            && w.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '\'' | '\u{2019}' | '&'))
    });
    let kicker = words.iter().any(|w| {
        let w = w.trim_end_matches('.').to_ascii_lowercase();
        LABEL_KICKERS.contains(&w.as_str())
    });
    (named && !kicker).then(|| label.trim())
}
