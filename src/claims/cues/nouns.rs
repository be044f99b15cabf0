//! Noun-phrase tests around a cue word: a count ("Twelve states"), a
//! possessive ("Lee's claims"), a plural head the cue agrees with
//! ("sources close to her say"), a share of a group ("one in five say"),
//! a cue word without its particle ("point" without "to" or "out").

use std::ops::Range;

use crate::claims::lexicon;
use crate::claims::phrases::{Tok, lower};

/// A number in digits or words ("27", "Twenty-seven", "three").
pub(in crate::claims) fn is_count(word: &str) -> bool {
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
pub(in crate::claims) fn possessed(toks: &[Tok], v: usize) -> bool {
    (v.saturating_sub(3)..v).any(|k| {
        let raw = toks[k].raw;
        (raw.ends_with("'s") || raw.ends_with("\u{2019}s"))
            && (k..v).all(|i| !toks[i].ends_clause())
    })
}

/// True when the capitalised words right before `v` are opened by "a" or
/// "an", or by "the" with a singular last word: the name is a modifier
/// of the word at `v` ("a Boston Globe report"), not its subject.
pub(super) fn article_on_name(toks: &[Tok], v: usize) -> bool {
    let mut k = v;
    while k > 0 && toks[k - 1].capitalized() && !toks[k - 1].ends_clause() && v - k < 5 {
        k -= 1;
    }
    if k == v || k == 0 || toks[k - 1].ends_clause() {
        return false;
    }
    match toks[k - 1].lw {
        "a" | "an" => true,
        "the" => !toks[v - 1].core.ends_with('s'),
        _ => false,
    }
}

/// The states "found"/"feared" report of a person in the passive ("found
/// dead", "feared missing"), not a finding of theirs.
pub(super) fn is_found_state(w: &str) -> bool {
    matches!(
        w.trim_end_matches(|c: char| !c.is_alphanumeric()),
        "dead"
            | "alive"
            | "guilty"
            | "innocent"
            | "liable"
            | "unconscious"
            | "unresponsive"
            | "safe"
            | "missing"
            | "injured"
            | "hanged"
            | "stabbed"
            | "shot"
            | "drowned"
            | "murdered"
            | "killed"
            | "trapped"
            | "buried"
            | "wounded"
            | "hurt"
            | "stranded"
            | "lost"
    )
}

/// A plural head noun a base-form cue can agree with: an "-s" word of
/// more than three letters ("sources", not "gas" or "boss") or "people".
pub(in crate::claims) fn plural_head(w: &str) -> bool {
    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") || w == "people"
}

/// "sources close to her campaign say", "people familiar with the talks
/// say": a plural head before "close to"/"familiar with", a few words
/// back in the same clause, is the subject of the base form at `v`.
pub(super) fn plural_before_close_to(toks: &[Tok], v: usize) -> bool {
    (v.saturating_sub(8)..v.saturating_sub(2)).any(|k| {
        plural_head(toks[k].lw)
            && lexicon::is_close_to(toks[k + 1].lw, toks[k + 2].lw)
            && (k..v).all(|i| !toks[i].ends_clause())
    })
}

/// "Half of commuters in each town say", "voters across the region
/// say": a plural noun with the prepositional phrase that ends right
/// before the base-form cue (at most three words: the preposition, a
/// determiner or modifier, the noun).
pub(super) fn plural_before_phrase(toks: &[Tok], v: usize) -> bool {
    (v.saturating_sub(4)..v.saturating_sub(2)).any(|k| {
        plural_head(toks[k].lw)
            && !toks[k].capitalized()
            && matches!(
                toks[k + 1].lw,
                "in" | "of" | "across" | "from" | "at" | "around"
            )
            && (k + 2..v).all(|i| {
                let t = &toks[i];
                !t.capitalized() && !lexicon::is_boundary(t.lw) && !lexicon::is_pronoun(t.lw)
            })
            && (k..v).all(|i| !toks[i].ends_clause() && !toks[i].quoted)
    })
}

/// A plural noun: an "-s" word or an irregular plural ("women").
pub(in crate::claims) fn plural_noun(t: &Tok) -> bool {
    let p = t.lw;
    // "the most populous state", "the first caucus state", "this crisis":
    // an "-s" that ends an adjective, a Latin singular or a determiner.
    let singular_s = p.ends_with("ous")
        || p.ends_with("us") && !matches!(p, "us" | "menus" | "gurus" | "emus")
        || p.ends_with("sis")
        || matches!(p, "his" | "this" | "is" | "was" | "has" | "does");
    (p.ends_with('s') && !p.ends_with("ss") && !singular_s)
        || matches!(p, "women" | "men" | "children" | "people" | "police")
}

/// "one in five say", "26 percent say", "a third say", "42% say": a share of a
/// group as the subject of a base-form cue.
pub(super) fn share_of_count(toks: &[Tok], v: usize) -> bool {
    let p = toks[v - 1].lw;
    // "A third of independents, 33%, say": a share written as a figure.
    let figure = toks[v - 1].raw.trim_end_matches(',').ends_with('%');
    // "majorities in all five say": a count after "all" or "the".
    let counted = v >= 2
        && matches!(
            toks[v].lw,
            "say" | "agree" | "admit" | "argue" | "believe" | "think"
        )
        && !toks[v - 1].core.contains('-')
        && is_count(toks[v - 1].core)
        && !toks[v - 2].ends_clause()
        && matches!(toks[v - 2].lw, "all" | "the" | "those" | "these" | "both");
    p == "percent"
        || figure
        || counted
        || matches!(p, "third" | "quarter" | "half" | "majority" | "minority")
        || crate::claims::subjects::share_subject(toks, v).is_some()
}

/// "Most riders surveyed say", "economists polled expect": a past
/// participle right after the plural noun it describes.
pub(super) fn participle_on_plural(toks: &[Tok], v: usize) -> bool {
    v >= 2 && {
        let (noun, part) = (&toks[v - 2], &toks[v - 1]);
        // "Voters surveyed say": a capital that only opens the clause.
        let opens = v == 2 || toks[v - 3].ends_clause();
        part.lw.len() > 4
            && part.lw.ends_with("ed")
            && !part.capitalized()
            && (!noun.capitalized() || opens)
            && !noun.ends_clause()
            && !part.ends_clause()
            // "those surveyed say".
            && (plural_head(noun.lw) || noun.lw == "those")
    }
}

/// "states that have …", "Most Southern states that vote …": a noun-like
/// cue at `v` (before its "that") opening a relative clause. A plural
/// auxiliary right after "that" agrees with the noun ("the mayor claims
/// that is false" keeps its verb), and a quantifier on a capitalised
/// modifier makes a noun phrase ("Most Gulf states").
pub(super) fn relative_on_noun(toks: &[Tok], v: usize) -> bool {
    let plural_aux = toks
        .get(v + 2)
        .is_some_and(|n| matches!(n.lw, "are" | "were" | "have" | "do"));
    let quantified = v >= 2
        && toks[v - 1].capitalized()
        && !toks[v - 1].ends_clause()
        && !toks[v - 2].ends_clause()
        && matches!(
            toks[v - 2].lw,
            "most"
                | "many"
                | "some"
                | "all"
                | "several"
                | "few"
                | "both"
                | "other"
                | "these"
                | "those"
        );
    !toks[v].ends_clause() && (plural_aux || quantified)
}

/// "The latest Harbor Reports poll shows", "Polls there show", "The
/// average of polls shows": a source of findings right before the cue
/// (past "there"/"also"), agreeing with it in number, however many words
/// modify it.
pub(super) fn source_noun_before(toks: &[Tok], v: usize, base: bool) -> bool {
    let Some(k) = noun_before(toks, v) else {
        return false;
    };
    let t = &toks[k];
    let singular = matches!(
        t.lw,
        "poll"
            | "survey"
            | "study"
            | "analysis"
            | "email"
            | "memo"
            | "letter"
            | "document"
            | "video"
            | "ranking"
            | "review"
            | "audit"
            | "census"
            | "tally"
            | "index"
            | "polling"
    );
    let plural = matches!(
        t.lw,
        "polls"
            | "surveys"
            | "studies"
            | "emails"
            | "documents"
            | "records"
            | "figures"
            | "data"
            | "statistics"
            | "findings"
            | "results"
            | "rankings"
            | "numbers"
    );
    // "The rolling average of polls shows": the plural source is the
    // complement of a singular head.
    let of_plural =
        plural && (k.saturating_sub(3)..k).any(|i| toks[i].lw == "of" && !toks[i].ends_clause());
    !t.capitalized() && !t.quoted && (k..v).all(|i| !toks[i].ends_clause()) && {
        if base { plural } else { singular || of_plural }
    }
}

/// The phrase [`source_noun_before`] finds, from its clause's start (at
/// most eight words back): "Polls there show" → "Polls", "Exit polling
/// shows" → "Exit polling".
pub(in crate::claims) fn source_subject(toks: &[Tok], v: usize) -> Option<Range<usize>> {
    let w = toks[v].lw;
    if !is_findings_cue(w) || !source_noun_before(toks, v, lexicon::is_base_form(w)) {
        return None;
    }
    let end = noun_before(toks, v)? + 1;
    let mut start = end - 1;
    while start > 0 && end - start < 8 && !toks[start - 1].ends_clause() && !toks[start - 1].quoted
    {
        start -= 1;
    }
    Some(start..end)
}

/// The index of the word before the cue at `v`, past an adverb of place
/// or time ("Polls there show", "The survey also finds").
fn noun_before(toks: &[Tok], v: usize) -> Option<usize> {
    let k = v.checked_sub(1)?;
    Some(
        if matches!(toks[k].lw, "there" | "also" | "now" | "still") && k > 0 {
            k - 1
        } else {
            k
        },
    )
}

/// A cue that reports findings rather than words ("shows", "finds").
pub(super) fn is_findings_cue(w: &str) -> bool {
    matches!(
        w,
        "show" | "shows" | "find" | "finds" | "suggest" | "suggests" | "indicate" | "indicates"
    )
}

/// A cue that reports only with its particle: "They point to …",
/// "Critics point out …", "Lee talked about …", "Lee spoke of …". After a
/// count "point" is the noun ("at one point to wave").
pub(in crate::claims) fn missing_particle(toks: &[Tok], v: usize) -> bool {
    let next = toks.get(v + 1).filter(|n| !n.quoted).map(|n| n.lw);
    match toks[v].lw {
        "point" | "points" => {
            v > 0 && (is_count(toks[v - 1].core) || toks[v - 1].lw == "one")
                || !matches!(next, Some("to" | "out"))
        }
        // "the least talked about change" is an adjective.
        "talked" | "talks" | "spoke" | "speaks" => {
            !matches!(next, Some("about" | "of"))
                || v > 0 && matches!(toks[v - 1].lw, "least" | "most" | "more" | "much")
        }
        _ => false,
    }
}
