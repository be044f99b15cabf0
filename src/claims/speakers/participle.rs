//! Speaker phrases of participle cues: ", saying …" (the main clause's
//! subject), "Lee is arguing …", "footage of Lee saying …", "with 30
//! percent saying …", and "according to …". Main entry:
//! [`participle_speaker`].

use std::ops::Range;

use super::super::lexicon;
use super::super::phrases::{Tok, phrase_after};
use super::super::subjects::{sentence_subject, subject_before};
use super::quoted::DOCUMENT_NOUNS;
use super::routes::{adjective_telling, with_share_saying};
use super::{Route, is_be_form};

/// The speaker phrase of the participle cue `w` at `v`, with its rank and
/// route.
pub(super) fn participle_speaker(
    toks: &[Tok],
    v: usize,
    w: &str,
) -> Option<(u8, Range<usize>, Route)> {
    // ", saying …": the speaker is the subject of the main clause.
    let after_comma = v > 0 && toks[v - 1].raw.ends_with(',');
    // "Some are quietly saying …": an adverb may stand between
    // ("who are actively seeking work" is no one's words).
    let adverb = v > 1
        && !lexicon::is_stance_participle(w)
        && toks[v - 1].lw.len() > 4
        && toks[v - 1].lw.ends_with("ly")
        && !toks[v - 1].ends_clause()
        && !toks[v - 1].capitalized();
    let be_at = if adverb { v - 1 } else { v };
    let progressive = be_at > 0 && is_be_form(toks[be_at - 1].core);
    // "… issued a statement calling …": the statement's issuer.
    // "… a statement Tuesday saying …": the day it was issued may stand
    // between.
    let document = v > 0 && DOCUMENT_NOUNS.contains(&toks[v - 1].lw)
        || v > 1
            && lexicon::is_day(toks[v - 1].lw)
            && !toks[v - 2].ends_clause()
            && DOCUMENT_NOUNS.contains(&toks[v - 2].lw);
    // "… while saying", "by initially saying": a subordinator on
    // the participle; at the sentence's start ("After saying …,
    // the man …") the subject follows its clause.
    let mut b = v;
    if b > 1 && toks[b - 1].lw.ends_with("ly") && !toks[b - 1].ends_clause() {
        b -= 1;
    }
    let subordinated = b > 0
        && !toks[b - 1].ends_clause()
        && matches!(
            toks[b - 1].lw,
            "while" | "after" | "before" | "by" | "when" | "since" | "without"
        );
    if after_comma || document {
        sentence_subject(toks, v).map(|np| (2u8, np, Route::Participle))
    } else if subordinated && b == 1 {
        sentence_subject(toks, toks.len())
            .filter(|np| np.start > v)
            .map(|np| (2u8, np, Route::Participle))
    } else if subordinated {
        // "One month after announcing …, Lowe …": a participle in the
        // opening phrase belongs to the main clause's subject after it.
        // A few words only ("Two weeks", "Shortly"): "When he returned he
        // began by saying" is a clause of its own.
        let opening = b <= 4 && !toks[..b - 1].iter().any(Tok::ends_clause);
        opening
            .then(|| sentence_subject(toks, toks.len()).filter(|np| np.start > v))
            .flatten()
            .or_else(|| sentence_subject(toks, b - 1))
            .map(|np| (2u8, np, Route::Participle))
    } else if progressive && adjective_telling(toks, v) {
        None
    } else if progressive {
        // "Lee is arguing that …" / "He's claiming …".
        if toks[be_at - 1].core.contains(['\'', '\u{2019}']) {
            Some((1u8, be_at - 1..be_at, Route::Participle))
        } else {
            subject_before(toks, be_at - 1).map(|np| (1u8, np, Route::Participle))
        }
    } else if v >= 2
        && toks[v - 1].capitalized()
        && !toks[v - 1].ends_clause()
        && !lexicon::is_date_word(toks[v - 1].lw)
        && !lexicon::is_stance_participle(w)
    {
        // "footage of Lee saying …": the name the participle is on.
        let mut start = v - 1;
        while start > 0
            && v - start < 5
            && toks[start - 1].capitalized()
            && !toks[start - 1].ends_clause()
        {
            start -= 1;
        }
        (start > 0).then_some((1u8, start..v, Route::Participle))
    } else {
        with_share_saying(toks, v).map(|np| (2u8, np, Route::Participle))
    }
}

/// The source after "according to", at `v` on "according".
pub(super) fn according_speaker(toks: &[Tok], v: usize) -> Option<(u8, Range<usize>, Route)> {
    // "according to recently leaked documents": a time adverb on a
    // participle opens the phrase; alone it would end it.
    let dated = toks.get(v + 1).is_some_and(|t| t.lw == "to" && !t.quoted)
        && toks
            .get(v + 2)
            .is_some_and(|t| t.lw.ends_with("ly") && !t.ends_clause())
        && toks
            .get(v + 3)
            .is_some_and(|t| t.lw.ends_with("ed") && !t.capitalized());
    toks.get(v + 1)
        .filter(|next| next.core.eq_ignore_ascii_case("to") && !next.quoted)
        .and_then(|_| phrase_after(toks, v + 2, false))
        .or_else(|| {
            dated
                .then(|| phrase_after(toks, v + 3, false))
                .flatten()
                .map(|np| v + 2..np.end)
        })
        .map(|np| (1u8, np, Route::According))
}
