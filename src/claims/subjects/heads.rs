//! Where the phrase read back from a cue is only the object inside a
//! clause on the subject, the subject it belongs to: a relative clause
//! ("One of the doctors who signed the letter said") or a participial
//! phrase ("A lawyer representing the family said").
//!
//! Main entries: [`relative_head`], [`participle_head`].

use std::ops::Range;

use super::super::lexicon;
use super::super::phrases::{Tok, phrase_before};

/// For a phrase that is the object inside a relative clause on the
/// subject ("One of the doctors who signed the letter called …"), the
/// subject the clause hangs on.
pub(super) fn relative_head(toks: &[Tok], np: &Range<usize>) -> Option<Range<usize>> {
    // "an official who spoke anonymously to discuss strategy said": a
    // "who" clause may run a few words longer; "that" is more often the
    // complementiser of a verb or adjective ("so narrow that …").
    let k = (np.start.saturating_sub(6)..np.start).rev().find(|&k| {
        let reach = if toks[k].lw == "who" { 6 } else { 4 };
        matches!(toks[k].lw, "who" | "that") && np.start - k <= reach && !toks[k].quoted
    })?;
    // The relative pronoun must be followed by its verb, all in one clause.
    // "economists who favor port taxes agree": the phrase read back from
    // the cue swallowed the clause's verb, so it starts right after "who".
    let verb_in_phrase = k + 1 == np.start && toks[k].lw == "who" && np.len() >= 2;
    let verb_then_object = (k + 1 < np.start || verb_in_phrase)
        && !toks[k + 1].capitalized()
        && (k..np.start).all(|i| !toks[i].ends_clause());
    if k == 0 || !verb_then_object || toks[k - 1].ends_clause() {
        return None;
    }
    let head = phrase_before(toks, k)?;
    (!lexicon::is_pronoun(toks[head.end - 1].lw)).then_some(head)
}

/// For the object of a present participle on the subject ("A lawyer
/// representing the union said", "Fans waiting outside the stadium
/// chanted"), the subject that opens the clause with its participial
/// phrase: the object only belongs to the participle.
pub(super) fn participle_head(toks: &[Tok], np: &Range<usize>) -> Option<Range<usize>> {
    let is_ing = |t: &Tok| {
        let w = t.lw;
        w.len() > 5
            && w.ends_with("ing")
            && !t.capitalized()
            && !t.ends_clause()
            && !t.quoted
            && !matches!(
                w,
                "according"
                    | "including"
                    | "following"
                    | "regarding"
                    | "concerning"
                    | "excluding"
                    | "pending"
                    | "during"
                    | "something"
                    | "nothing"
                    | "anything"
                    | "everything"
            )
    };
    // "speaking to local radio", "walking along the river": back over
    // the participle's preposition and the object's modifiers.
    let lo = np.start.saturating_sub(4);
    let p = (lo..np.start).rev().find(|&k| is_ing(&toks[k]))?;
    let between_ok = (p + 1..np.start).all(|k| {
        let t = &toks[k];
        !t.ends_clause()
            && !t.quoted
            && !t.capitalized()
            && !lexicon::is_pronoun(t.lw)
            && (!lexicon::is_boundary(t.lw)
                || matches!(
                    t.lw,
                    "to" | "in" | "on" | "through" | "into" | "over" | "about"
                ))
    });
    if !between_ok {
        return None;
    }
    if p == 0 || toks[p - 1].ends_clause() {
        return None;
    }
    let head = phrase_before(toks, p)?;
    let opens = head.start == 0 || toks[head.start - 1].ends_clause();
    (opens && !lexicon::is_pronoun(toks[head.end - 1].lw)).then_some(head.start..np.end)
}
