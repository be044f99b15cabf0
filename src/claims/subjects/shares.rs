//! Subjects that are no plain noun phrase before their cue: a share of a
//! group ("one in five say", "42% say"), a capitalised modal that is a
//! name ("Will urged"), a lone quantifier ("But some note", "Another
//! said"), and a place's region after an opening phrase that is still part
//! of it ("In Dover, Ohio, …").

use std::ops::Range;

use crate::claims::cues::is_count;
use crate::claims::lexicon;
use crate::claims::phrases::Tok;

/// A share of a group as the subject of the cue at `v`: "One in five
/// adults say", "About one in five say", "42% say", "Nearly nine out of
/// 10 say".
pub(in crate::claims) fn share_subject(toks: &[Tok], v: usize) -> Option<Range<usize>> {
    if v == 0 {
        return None;
    }
    // "One in five adults say": the share may name what it counts.
    let counted = usize::from(
        v >= 4
            && !toks[v - 1].capitalized()
            && !is_count(toks[v - 1].core)
            && toks[v - 3].lw == "in",
    );
    let c = v - counted;
    if c >= 3
        && toks[c - 2].lw == "in"
        && (toks[c - 3].lw == "one" || is_count(toks[c - 3].core))
        && is_count(toks[c - 1].core)
        && (c - 3..v).all(|k| !toks[k].ends_clause())
    {
        return Some(approximated(toks, c - 3)..v);
    }
    // "42% say", "Nearly nine out of 10 say": the share is the subject.
    let out_of = v >= 4
        && toks[v - 2].lw == "of"
        && toks[v - 3].lw == "out"
        && is_count(toks[v - 1].core)
        && is_count(toks[v - 4].core)
        && (v - 4..v).all(|k| !toks[k].ends_clause());
    let share_start = if toks[v - 1].raw.ends_with('%') && !toks[v - 1].ends_clause() {
        Some(v - 1)
    } else if out_of {
        Some(v - 4)
    } else {
        None
    };
    share_start.map(|start| approximated(toks, start)..v)
}

/// Where a share starts with the approximation before it ("Nearly one in
/// five", "Roughly 42%"; "About" opens many a sentence and stays out).
fn approximated(toks: &[Tok], start: usize) -> usize {
    let approx = start > 0
        && !toks[start - 1].ends_clause()
        && matches!(
            toks[start - 1].lw,
            "nearly" | "almost" | "roughly" | "only" | "just" | "some"
        );
    start - usize::from(approx)
}

/// "At a rally in Dover, Kent, on Monday, …", "In Dover, Ohio, 62-year-old
/// Ola Brandt said": a place's region between commas right after an
/// opening phrase that ends on the place, still part of that phrase. A
/// determiner or a number after it makes the capitalised word a name with
/// its apposition ("In Dover, Lowe, the mayor, said"). Gives how many
/// words the region takes (0 when there is none).
pub(super) fn place_region(toks: &[Tok], i: usize) -> usize {
    // "Salem, New Hampshire, Trump …": a region of two words opens with
    // a compass point or "New".
    let two = toks.get(i).is_some_and(|t| {
        matches!(
            t.core,
            "New" | "North" | "South" | "West" | "East" | "Rhode"
        ) && !t.quoted
            && !t.ends_clause()
    });
    if two && one_word_region(toks, i + 1, i > 0 && toks[i - 1].capitalized()) {
        return 2;
    }
    usize::from(one_word_region(toks, i, i > 0 && toks[i - 1].capitalized()))
}

/// [`place_region`]'s one-word region at `i` (`place_before`: a capitalised
/// place stands before the region).
fn one_word_region(toks: &[Tok], i: usize, place_before: bool) -> bool {
    let Some(t) = toks.get(i) else { return false };
    // "In Aspen, Colo., the graduate …": an abbreviated state is a region
    // even before a determiner; no name ends in a stop ("Jr." aside).
    let abbreviated = t.raw.ends_with(".,")
        && (2..=6).contains(&t.core.trim_end_matches('.').len())
        && !matches!(t.core.trim_end_matches('.'), "Jr" | "Sr");
    if abbreviated && place_before && t.capitalized() && !t.quoted {
        return true;
    }
    let after = toks.get(i + 1).filter(|n| !n.quoted);
    t.capitalized()
        && t.raw.ends_with(',')
        && place_before
        && after.is_some_and(|n| {
            lexicon::is_intro_preposition(n.lw)
                || !lexicon::is_determiner(n.lw)
                    && (!n.lw.starts_with(|c: char| c.is_ascii_digit())
                        || n.lw.ends_with("-year-old"))
                    && !lexicon::may_cue(n.lw)
        })
}

/// "Will urged …", "…, May said": a capitalised modal opening its clause
/// right before a past-tense cue is a name (a modal takes a base form).
pub(in crate::claims) fn modal_name(toks: &[Tok], v: usize) -> bool {
    v >= 1 && {
        let t = &toks[v - 1];
        let cue = toks[v].lw;
        let past = cue.ends_with("ed") || matches!(cue, "said" | "told" | "wrote" | "thought");
        matches!(t.lw, "will" | "may")
            && t.core.starts_with(char::is_uppercase)
            && !t.quoted
            && past
            && (v == 1 || toks[v - 2].ends_clause())
    }
}

/// True when the word before the cue at `v` is a quantifier standing alone
/// as the subject of its clause ("Some believe …", "…, all agreed", "but
/// many argue", "that some say"), not a determiner or a floating "all" ("they all said").
pub(in crate::claims) fn quantifier_subject(toks: &[Tok], v: usize) -> bool {
    if v == 0 {
        return false;
    }
    let q = &toks[v - 1];
    // "Another said …", "Each added …": one of the people just named, with
    // a finite verb that is no naming ("and another called i360") and no
    // noun ("yet another state primary"), opening its sentence or clause.
    if matches!(q.lw, "another" | "each" | "neither" | "either" | "none") {
        let w = toks[v].lw;
        return !q.quoted
            && !q.ends_clause()
            && !lexicon::is_base_form(w)
            && !matches!(w, "called" | "named" | "dubbed" | "labeled" | "titled")
            && (v == 1
                || toks[v - 2].ends_clause()
                || v == 2 && matches!(toks[0].lw, "but" | "and" | "yet"));
    }
    let quantifier = matches!(
        q.lw,
        "some" | "many" | "most" | "several" | "few" | "all" | "both"
    );
    quantifier
        && !q.quoted
        && !q.ends_clause()
        && (v == 1
            || toks[v - 2].ends_clause()
            || matches!(toks[v - 2].lw, "but" | "and" | "yet")
            // "laws that some say target …": the relative clause's subject,
            // before a verb that is no noun ("that some state laws …").
            || matches!(toks[v - 2].lw, "that" | "which")
                && matches!(
                    toks[v].lw,
                    "say" | "believe" | "argue" | "think" | "contend" | "insist" | "allege"
                        | "suggest" | "maintain" | "predict" | "warn"
                ))
}
