//! Where a subject phrase starts or ends around names: a capitalised
//! "-ing" word before a verb is a surname, not an opening participle; a
//! list of places after a preposition keeps the head before it; a relative
//! clause on a thing's complement means the name in it; the agent of
//! "obtained by" is not a text's source; words with their own finite verb
//! between a comma and the cue end no subject before the comma.

use std::ops::Range;

use super::super::lexicon;
use super::super::persons;
use super::super::phrases::{Tok, phrase_before};

/// "Ebeling reminisced about …", "Fleming said": a capitalised word in
/// "-ing" followed by a finite verb is a surname, not an opening participle
/// ("Walking to the car, …", "Following revised rules, …").
pub(super) fn ing_surname(toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    if !t.capitalized() || t.ends_clause() || lexicon::classes(t.lw) != 0 {
        return false;
    }
    let Some(next) = toks.get(i + 1).filter(|n| !n.capitalized() && !n.quoted) else {
        return false;
    };
    let after = toks.get(i + 2).map_or("", |a| a.lw);
    matches!(next.lw, "said" | "says" | "told" | "tells")
        || next.lw.len() > 3
            && next.lw.ends_with("ed")
            && !next.ends_clause()
            && (lexicon::is_boundary(after)
                || lexicon::is_determiner(after)
                || lexicon::is_np_preposition(after)
                || lexicon::is_pronoun(after))
}

/// "in sync with Clinton, who believes": a relative clause on a phrase
/// whose head is a thing means the name in its complement; "an aide to
/// Governor Lowe, who said" keeps the person its head names.
pub(super) fn name_after_thing(toks: &[Tok], np: Range<usize>) -> Range<usize> {
    let Some(p) = (np.start + 1..np.end)
        .find(|&k| lexicon::is_np_preposition(toks[k].lw) || toks[k].lw == "to")
    else {
        return np;
    };
    let head = &toks[p - 1];
    let thing = !head.capitalized()
        && !persons::is_person_noun(head.lw)
        && !lexicon::is_organisation_word(head.lw)
        && !lexicon::is_pronoun(head.lw)
        && !head.lw.ends_with('s');
    let named = p + 1 < np.end && toks[p + 1..np.end].iter().all(Tok::capitalized);
    if thing && named { p + 1..np.end } else { np }
}

/// "voters in Alabama, Georgia and Virginia said": a list of names after
/// a preposition ends the phrase `np` found at its last "and"; the head
/// the list hangs on comes before it.
pub(super) fn head_of_name_list(toks: &[Tok], np: &Range<usize>) -> Option<Range<usize>> {
    if !toks[np.start].capitalized()
        || !toks[np.clone()]
            .iter()
            .any(|t| matches!(t.lw, "and" | "or"))
    {
        return None;
    }
    let mut s = np.start;
    while s >= 1 && s + 6 > np.start {
        let t = &toks[s - 1];
        if !(t.raw.ends_with(',') && t.capitalized() && !t.quoted) {
            break;
        }
        s -= 1;
    }
    if s == np.start || s == 0 || !matches!(toks[s - 1].lw, "in" | "from" | "of" | "across") {
        return None;
    }
    // The head is a common noun ("voters"), capitalised only at the start.
    phrase_before(toks, s - 1).filter(|p| p.end == 1 || !toks[p.end - 1].capitalized())
}

/// "A letter from the Legion obtained by the Gazette warns": the agent of
/// a participle of getting hold of a text is not its source; the phrase
/// the participle hangs on is. ("A report written by Lee" is Lee's.)
pub(super) fn passive_agent_head(toks: &[Tok], np: &Range<usize>) -> Option<Range<usize>> {
    if np.start < 3 || toks[np.start - 1].lw != "by" {
        return None;
    }
    let p = &toks[np.start - 2];
    let obtained = !p.quoted
        && !p.ends_clause()
        && !toks[np.start - 1].ends_clause()
        && matches!(
            p.lw,
            "obtained" | "reviewed" | "seen" | "received" | "acquired" | "intercepted"
        );
    if !obtained {
        return None;
    }
    super::subject_before(toks, np.start - 2).filter(|head| head.end == np.start - 2)
}

/// [`clause_between`] the end of `np` and a cue at `v` that follows a
/// comma: the phrase before the comma is then no subject of the cue.
pub(in crate::claims) fn clause_before_comma_cue(
    toks: &[Tok],
    np: &Range<usize>,
    v: usize,
) -> bool {
    v > 0 && toks[v - 1].raw.ends_with(',') && toks.get(np.end..v).is_some_and(clause_between)
}

/// True when the words between a comma and the cue hold a finite verb of
/// their own ("Lee and his wife Ana Ruiz, son Omar and his wife had been
/// traveling together, wrote …"): a clause, not an appositive on the
/// phrase before the comma. A relative pronoun or a subordinator opens an
/// appositive's own clause ("Lee, who has lived here for years, said",
/// "Officials, speaking anonymously because they were not allowed to,
/// said").
pub(super) fn clause_between(between: &[Tok]) -> bool {
    for t in between {
        if matches!(t.lw, "who" | "whose" | "whom" | "which" | "that")
            || lexicon::is_subordinator(t.lw) && !t.capitalized()
        {
            return false;
        }
        if matches!(
            t.lw,
            "is" | "are" | "was" | "were" | "has" | "have" | "had" | "will" | "would"
        ) {
            return true;
        }
    }
    false
}
