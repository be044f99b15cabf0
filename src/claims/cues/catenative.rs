//! Infinitive cues and the verb they hang on: "continues to insist",
//! "went on to say", "took to Twitter to say", "were more likely to say".
//! Main entry: [`catenative_before`].

use std::ops::Range;

use crate::claims::phrases::Tok;

/// The verb a cue completes as an infinitive ("continues to insist",
/// "went on to say"): its token index, for the subject before it.
pub(in crate::claims) fn catenative_before(toks: &[Tok], v: usize) -> Option<usize> {
    if v < 2 || toks[v - 1].lw != "to" || toks[v - 2].ends_clause() {
        return None;
    }
    let mut verb = v - 2;
    if toks[verb].lw == "on" && verb > 0 {
        // "went on to say".
        verb -= 1;
        return matches!(toks[verb].lw, "went" | "goes" | "go").then_some(verb);
    }
    if CATENATIVES.contains(&toks[verb].lw) {
        return Some(verb);
    }
    let open = |range: Range<usize>| toks[range].iter().all(|t| !t.ends_clause() && !t.quoted);
    // "went out of his way to say": the idiom's verb.
    if v >= 6
        && toks[v - 2].lw == "way"
        && matches!(toks[v - 6].lw, "went" | "goes" | "go" | "going" | "gone")
        && matches!([toks[v - 5].lw, toks[v - 4].lw], ["out", "of"])
        && open(v - 6..v - 1)
    {
        return Some(v - 6);
    }
    // "took to Twitter to say", "has taken to the floor to complain".
    if let Some(k) = (v.saturating_sub(6).max(1)..v - 2)
        .rev()
        .find(|&k| toks[k].lw == "to")
        && matches!(toks[k - 1].lw, "took" | "takes" | "take" | "taken")
        && open(k - 1..v - 1)
    {
        return Some(k - 1);
    }
    // "Voters were more likely to say …": the subject of "be".
    if toks[v - 2].lw == "likely"
        && v >= 4
        && matches!(toks[v - 3].lw, "more" | "less" | "most" | "least")
    {
        let mut b = v - 3;
        if b > 1 && toks[b - 1].lw.ends_with("ly") && !toks[b - 1].ends_clause() {
            b -= 1;
        }
        let be = b > 1
            && matches!(
                toks[b - 1].lw,
                "is" | "are" | "was" | "were" | "be" | "been"
            );
        return (be && open(b - 1..v - 1)).then(|| b - 1);
    }
    None
}

/// Verbs that carry a reporting verb as their infinitive without changing
/// who speaks ("continued to argue"); "refused to say" is left out, as it
/// reports no words.
#[rustfmt::skip]
const CATENATIVES: &[&str] = &[
    "continue", "continues", "continued", "began", "begins", "begin", "started", "starts",
    "tried", "tries", "seemed", "seems", "appeared", "appears", "used", "went",
    "continuing", "beginning", "starting", "trying",
];
