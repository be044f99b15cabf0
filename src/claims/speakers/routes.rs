//! Speaker phrases of the rarer routes to a cue: "As Ann Lee, author of
//! "Tides," put it", a share between "with" and "saying", a manner verb
//! after a closed quotation ("…!" beamed Tom Hale), the adjective
//! "telling" that reports nothing, the first conjunct's subject ("… overruled
//! and said"), and a verb phrase that is no subject.

use std::ops::Range;

use super::super::lexicon;
use super::super::phrases::{Tok, phrase_after};
use super::super::subjects::subject_before;
use super::checks::plausible;

/// "As Ann Lee, author of "Tides," put it": the name after an opening
/// "As" up to its appositive, when the appositive itself hides the
/// subject (it ends in a quoted title).
pub(super) fn as_name_before_aside(toks: &[Tok], v: usize) -> Option<Range<usize>> {
    if toks.first()?.lw != "as" || v < 3 {
        return None;
    }
    let comma = (1..v.min(6)).find(|&k| toks[k].raw.ends_with(','))?;
    toks[1..=comma]
        .iter()
        .all(|t| t.capitalized() && !t.quoted)
        .then_some(1..comma + 1)
}

/// "with 30 percent of voters saying …", "left three in 10 saying …": the
/// share or group between "with"/"left" and the participle says it.
pub(super) fn with_share_saying(toks: &[Tok], v: usize) -> Option<Range<usize>> {
    let w = (v.saturating_sub(8)..v.saturating_sub(1))
        .rev()
        .find(|&k| matches!(toks[k].lw, "with" | "left"))?;
    let np = w + 1..v;
    let clean = toks[np.clone()].iter().all(|t| {
        !t.quoted
            && !t.ends_clause()
            && !lexicon::is_pronoun(t.lw)
            && (!lexicon::is_boundary(t.lw) || t.lw == "in")
            && !matches!(t.lw, "what" | "that" | "this")
    });
    let head = toks[v - 1].lw;
    let counted = head == "percent"
        || super::super::cues::is_count(toks[v - 1].core)
        || super::super::cues::plural_head(head);
    (clean && counted && !toks[w].quoted).then_some(np)
}

/// The speaker after an unknown past-tense verb that follows a closed
/// quotation ending in its own punctuation (`,"` `!"` `?"`), when the
/// speaker is a capitalised name that ends the clause: `"…!" beamed Tom
/// Hale, the council president.` A quoted word without punctuation
/// (`the "reform" alarmed Republicans`) is no utterance.
pub(super) fn manner_verb_speaker(toks: &[Tok], v: usize) -> Option<Range<usize>> {
    let t = &toks[v];
    if v == 0 || t.lw.len() < 4 || !t.lw.ends_with("ed") || t.ends_clause() {
        return None;
    }
    let before = toks[v - 1].raw.trim_end_matches(['"', '\u{201D}']);
    let closed = toks[v - 1].quoted
        && before.len() < toks[v - 1].raw.len()
        && before.ends_with([',', '!', '?']);
    if !closed {
        return None;
    }
    let np = phrase_after(toks, v + 1, true)?;
    let ends = np.end == toks.len() || toks[np.end - 1].ends_clause();
    (toks[np.start].capitalized() && ends).then_some(np)
}

/// The speaker before an unknown past-tense verb that follows a closed
/// quotation and ends the sentence, or its clause at a comma: `"…," Oliver
/// barked.`, `"…," Hannity started, "and …"`. The speaker is a name of up
/// to four words or "he"/"she"/"they", right after the quotation.
pub(super) fn manner_verb_after_speaker(toks: &[Tok], v: usize) -> Option<Range<usize>> {
    // Cheap position checks first: this runs for every word no cue list
    // knows. The verb ends the sentence ("barked.") or its clause
    // ("started,"), or one adverb after it does ("barked back.").
    let last = toks.len() - 1;
    let t = &toks[v];
    let ends = v == last
        || t.raw.ends_with(',')
        || v + 1 == last
            && (toks[last].lw.ends_with("ly") || matches!(toks[last].lw, "back" | "again"));
    if v < 2 || !ends || t.capitalized() || t.quoted {
        return None;
    }
    let past = t.lw.len() >= 4 && t.lw.ends_with("ed") || lexicon::is_irregular_past(t.lw);
    if !past {
        return None;
    }
    let start = (v.saturating_sub(4)..v).rev().find(|&k| toks[k].quoted)? + 1;
    let q = &toks[start - 1];
    let inner = q.raw.trim_end_matches(['"', '\u{201D}']);
    let closed = inner.len() < q.raw.len() && inner.ends_with([',', '!', '?']);
    if !closed || start == v || toks[start..v].iter().any(|t| t.ends_clause()) {
        return None;
    }
    let first = &toks[start];
    let pronoun = v - start == 1 && matches!(first.lw, "he" | "she" | "they");
    let name = toks[start..v].iter().all(|t| t.capitalized());
    (pronoun || name).then_some(start..v)
}

/// A label set off by a dash inside the sentence and closed by a colon
/// right before a quotation: `… are problematic - Pew Research: "All the
/// samples …"`, `… all along -More from Blumenthal and Cohen: "…"`. The
/// label is one to five words, capitalised but for "and", "of" and "the".
pub(super) fn dash_label(toks: &[Tok]) -> Option<Range<usize>> {
    let k = (1..toks.len().saturating_sub(1)).find(|&k| {
        let t = &toks[k];
        !t.quoted && t.raw.ends_with(':') && toks[k + 1].starts_clause()
    })?;
    let d = (k.saturating_sub(6)..k)
        .rev()
        .find(|&d| toks[d].is_dash() || toks[d].raw.starts_with(['-', '\u{2014}', '\u{2013}']))?;
    let mut start = if toks[d].is_dash() { d + 1 } else { d };
    // "-More from Blumenthal and Cohen:": the words before the name.
    if start + 2 <= k && toks[start].lw == "more" && toks[start + 1].lw == "from" {
        start += 2;
    }
    let label = &toks[start..=k];
    let named = !label.is_empty()
        && label.len() <= 5
        && label[0].capitalized()
        && label
            .iter()
            .all(|t| !t.quoted && (t.capitalized() || matches!(t.lw, "and" | "of" | "the")))
        && label[..label.len() - 1].iter().all(|t| !t.ends_clause())
        // "three parts - Phase One: …" is a heading, not a source.
        && !label
            .iter()
            .any(|t| t.lw == "one" || super::super::cues::is_count(t.core));
    named.then_some(start..k + 1)
}

/// "Her silence is telling in its own right", "is telling.": the
/// adjective, which tells no one anything; "is telling reporters" reports.
pub(super) fn adjective_telling(toks: &[Tok], v: usize) -> bool {
    toks[v].lw == "telling"
        && (toks[v].ends_clause()
            || toks
                .get(v + 1)
                .is_none_or(|n| matches!(n.lw, "in" | "of" | "about" | "for" | "on" | "because")))
}

/// "The Court of Appeals for the 6th Circuit overruled and said …": the
/// subject of the past-tense verb that opens the first conjunct before
/// `and` (at `end`), when it opens the clause.
pub(super) fn first_conjunct_subject(toks: &[Tok], end: usize) -> Option<Range<usize>> {
    let past = |k: usize| {
        let t = &toks[k];
        !t.quoted
            && !t.capitalized()
            && (t.lw.len() > 4 && t.lw.ends_with("ed") || lexicon::is_irregular_past(t.lw))
    };
    let clause_start = |e: usize| {
        (0..e)
            .rev()
            .find(|&k| toks[k].ends_clause())
            .map_or(0, |k| k + 1)
    };
    let mut start = clause_start(end);
    // "they reversed themselves, rushed everyone inside and said": a
    // list of verb phrases shares the subject of the first.
    for _ in 0..3 {
        if start == 0 || !past(start) {
            break;
        }
        start = clause_start(start - 1);
    }
    // The nearest verb whose subject opens the clause; "a screen image
    // captured by" is a participle, not the verb.
    (start + 1..end)
        .rev()
        .filter(|&k| past(k) && toks.get(k + 1).is_none_or(|n| n.lw != "by"))
        .find_map(|verb| {
            let np = subject_before(toks, verb).filter(|np| plausible(&toks[np.clone()]))?;
            // A subject with its appositives may open before `start`.
            let opens = np.start <= start
                || matches!(
                    toks[np.start - 1].lw,
                    "but" | "and" | "yet" | "so" | "later" | "then"
                ) && (start..np.start - 1).all(|k| !toks[k].quoted);
            opens.then_some(np)
        })
}

/// A verb phrase read back as a subject ("… whose laws were invalidated
/// say", "… were struck down say"): lower-case words, the first a
/// participle or the second a particle, are the end of a clause on the
/// subject, not it.
pub(super) fn verb_phrase(toks: &[Tok], np: &Range<usize>) -> bool {
    let first = &toks[np.start];
    let participle = first.lw.len() > 4 && (first.lw.ends_with("ed") || first.lw.ends_with("ing"));
    // "which get answered says": a passive with "get" or "be".
    let particle = np.len() == 2
        && (matches!(
            toks[np.start + 1].lw,
            "down" | "up" | "out" | "off" | "back" | "away"
        ) || matches!(first.lw, "get" | "gets" | "got" | "be" | "been" | "being")
            && toks[np.start + 1].lw.ends_with("ed"));
    toks[np.clone()]
        .iter()
        .all(|t| !t.capitalized() && !t.quoted)
        && (np.len() == 1 && participle || particle)
}
