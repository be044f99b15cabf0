//! Where the phrase read back from a cue is only the object inside a
//! clause on the subject, the subject it belongs to: a relative clause
//! ("One of the doctors who signed the letter said") or a participial
//! phrase ("A lawyer representing the family said").
//!
//! A subject with such a clause may also stand well before a plain "say"
//! ("Executives for Mondelez, which earned …, say").
//!
//! Main entries: [`relative_head`], [`participle_head`], [`modified_subject`].

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
    // "leaders who'd rather be working on a campaign for Cruz or Ben
    // Carson said": a phrase that is a preposition's object is no subject,
    // so the clause may run longer still.
    let far = if object_of_preposition(toks, np) {
        20
    } else {
        6
    };
    let k = (np.start.saturating_sub(far)..np.start).rev().find(|&k| {
        let who = lexicon::contraction_stem(toks[k].lw) == "who";
        let reach = if who { far } else { 4 };
        (who || toks[k].lw == "that") && np.start - k <= reach && !toks[k].quoted
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
    // "27 percent of those who named a candidate said": the share of them.
    if k >= 3 && toks[k - 1].lw == "those" && toks[k - 2].lw == "of" && !toks[k - 2].ends_clause() {
        return phrase_before(toks, k - 2).map(|share| share.start..k);
    }
    let head = phrase_before(toks, k)?;
    (!lexicon::is_pronoun(toks[head.end - 1].lw)).then_some(head)
}

/// True when `np` is the object of a preposition, through names joined
/// by "or"/"and" ("for Cruz or Rubio or Ben Carson").
fn object_of_preposition(toks: &[Tok], np: &Range<usize>) -> bool {
    let mut k = np.start;
    while k > 0 {
        let t = &toks[k - 1];
        if t.ends_clause() || t.quoted {
            return false;
        }
        if matches!(t.lw, "for" | "of" | "on" | "with" | "about" | "against") {
            return true;
        }
        if !(matches!(t.lw, "or" | "and") || t.capitalized()) {
            return false;
        }
        k -= 1;
    }
    false
}

/// For the object of a present participle on the subject ("A lawyer
/// representing the union said", "Fans waiting outside the stadium
/// chanted"), the subject that opens the clause with its participial
/// phrase: the object only belongs to the participle.
pub(super) fn participle_head(toks: &[Tok], np: &Range<usize>) -> Option<Range<usize>> {
    // "Veterans interviewed at rallies this week said": a past participle
    // on the subject too.
    let is_ing = |t: &Tok| {
        let w = t.lw;
        w.len() > 5
            && (w.ends_with("ing") || w.ends_with("ed"))
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
    // "The poll showed a majority say": a verb in "-ed" before its object
    // is finite; a participle takes a preposition.
    if toks[p].lw.ends_with("ed")
        && !matches!(
            toks[p + 1].lw,
            "at" | "in" | "on" | "for" | "to" | "by" | "from" | "with" | "during" | "outside"
        )
    {
        return None;
    }
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
    // "But activists clamoring …": a linking word opens the sentence.
    let opens = head.start == 0
        || toks[head.start - 1].ends_clause()
        || head.start == 1 && matches!(toks[0].lw, "but" | "and" | "yet" | "so");
    (opens && !lexicon::is_pronoun(toks[head.end - 1].lw)).then_some(head.start..np.end)
}

/// "Executives for Mondelez, which earned …, say", "Activists clamoring
/// to block Lowe say", "Democrats - and some Republicans - say": the
/// sentence's subject with a relative clause, a participle, a
/// prepositional phrase or an aside between it and "said"/"says" or a
/// plural's "say", "show", "argue", "warn", "insist" or "contend", all in
/// one clause.
pub(in crate::claims) fn modified_subject(toks: &[Tok], v: usize) -> Option<Range<usize>> {
    let base = match toks[v].lw {
        "say" | "show" | "argue" | "warn" | "insist" | "contend" | "acknowledge" | "believe"
        | "agree" | "claim" | "note" | "predict" | "fear" | "suggest" | "maintain" | "complain"
        | "concede" | "allege" | "admit" => true,
        "said" | "says" => false,
        _ => return None,
    };
    // ", said Doyle" after a comma is an inverted attribution, whose
    // speaker follows the cue.
    // "those who said": the relative pronoun is the cue's subject.
    if v < 3
        || !base && toks[v - 1].raw.ends_with(',')
        || matches!(toks[v - 1].lw, "who" | "which" | "that")
    {
        return None;
    }
    let fits = |np: &Range<usize>| np.end + 1 < v && modifies(toks, np, v, base);
    super::sentence_subject(toks, v)
        .filter(fits)
        .or_else(|| opening_noun_phrase(toks, v).filter(fits))
}

/// Whether the words from the end of `np` to the cue at `v` modify it:
/// they open with a relative pronoun, a preposition, a participle, a
/// comma or a dash and hold no second clause. A base form (`base`)
/// needs a plural head.
fn modifies(toks: &[Tok], np: &Range<usize>, v: usize, base: bool) -> bool {
    let head = toks[np.end - 1].core;
    // "Some who advocate it argue", "Even those who sketched paths
    // acknowledge": a quantifier or "those" heading the phrase is plural.
    let plural = head.len() > 3 && head.ends_with('s') && !head.ends_with("ss")
        || [
            "people", "some", "many", "most", "several", "few", "both", "all", "those",
        ]
        .iter()
        .any(|w| head.eq_ignore_ascii_case(w));
    if base && !plural {
        return false;
    }
    let next = &toks[np.end];
    // A dashed aside may hold its own "and" ("Democrats - and some
    // Republicans - say").
    let aside = next.is_dash();
    let opens = modifier_word(next.lw) || aside || toks[np.end - 1].raw.ends_with(',');
    // "who worshiped here and who asked not to be named said": a second
    // relative clause joined on is still the subject's.
    opens
        && (np.end..v).all(|k| {
            let t = &toks[k];
            let joins = matches!(
                t.lw,
                "and" | "but" | "while" | "because" | "if" | "when" | "as"
            );
            let relative = t.lw == "and"
                && toks
                    .get(k + 1)
                    .is_some_and(|n| matches!(n.lw, "who" | "whose" | "which"));
            // "Mr." and "Sen." end no clause.
            let stop = t.raw.ends_with([';', ':'])
                || t.raw.ends_with('.')
                    && !crate::claims::sentences::is_title(t.raw.trim_end_matches('.'));
            !t.quoted && !stop && (aside || relative || !joins)
        })
}

/// A word that opens a modifier of the noun before it: a relative
/// pronoun, a preposition or a participle.
fn modifier_word(w: &str) -> bool {
    // "leaders who'd rather …": a contracted relative pronoun too.
    matches!(
        lexicon::contraction_stem(w),
        "who" | "whose" | "which" | "for" | "of" | "from" | "in" | "at" | "with"
    ) || w.len() > 4 && (w.ends_with("ing") || w.ends_with("ed"))
}

/// The noun phrase opening the sentence, up to the first word that
/// modifies it ("The state officials | whose laws …", "Harbor activists |
/// clamoring …"): after an optional linking word, an optional determiner
/// and at most five words.
fn opening_noun_phrase(toks: &[Tok], v: usize) -> Option<Range<usize>> {
    // "But Harbor activists clamoring …": past a linking word.
    let linked = toks
        .first()
        .is_some_and(|t| matches!(t.lw, "but" | "and" | "yet" | "so" | "even") && !t.ends_clause());
    let start = usize::from(linked);
    let first = toks.get(start)?;
    if lexicon::is_boundary(first.lw) || lexicon::is_intro_preposition(first.lw) {
        return None;
    }
    let mut k = start + usize::from(lexicon::is_determiner(first.lw));
    while k < v.min(start + 6) {
        let t = &toks[k];
        let w = t.lw;
        if t.quoted || w.is_empty() {
            break;
        }
        if modifier_word(w) {
            break;
        }
        k += 1;
        if t.ends_clause() {
            break;
        }
    }
    // "Some who advocate it argue": a quantifier alone before "who" is
    // the phrase.
    let pronoun = k == start + 1
        && matches!(
            first.lw,
            "some" | "many" | "most" | "several" | "few" | "both" | "all" | "those"
        )
        && toks.get(k).is_some_and(|t| t.lw == "who");
    (k > start && k + 1 < v && (pronoun || !lexicon::is_determiner(toks[k - 1].lw)))
        .then_some(start..k)
}
