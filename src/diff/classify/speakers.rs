//! The speaker part of a claim pair's change: whether the two speaker
//! strings name one person ([`same_speaker`]), and the `speaker_changed`
//! detail with the words it explains ([`speaker`]).

use std::collections::HashSet;
use std::ops::Range;

use super::{Side, Work, cores, norm_name, span_text};
use crate::claims::Claim;
use crate::diff::lexicon;
use crate::diff::words::{Token, core_of, fold, is_stopword, tokens};
use crate::diff::{Detail, DetailType};

/// The name words of a speaker: no stopwords, no possessive "'s".
fn speaker_words(s: &str) -> HashSet<String> {
    s.split_whitespace()
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            core_of(w.strip_suffix("'s").unwrap_or(w))
        })
        .filter(|c| !c.is_empty() && !is_stopword(c))
        .collect()
}

/// A speaker found on one side only, whose name still stands unchanged
/// in the other side's text: the extractor lost track of it (a typo in
/// the verb, a reworded clause), the attribution itself did not change.
fn speaker_lost_in_extraction(so: &Option<String>, sn: &Option<String>, w: &Work) -> bool {
    let (name, other) = match (so, sn) {
        (Some(s), None) => (s, &w.new),
        (None, Some(s)) => (s, &w.old),
        _ => return false,
    };
    let name_words = speaker_words(name);
    !name_words.is_empty()
        && name_words.iter().all(|nw| {
            other
                .tokens
                .iter()
                .enumerate()
                .any(|(i, t)| !other.changed[i] && speaker_words(&t.text).contains(nw))
        })
}

/// Same person: equal names, or one is the other with a title added or
/// dropped ("Sergei Ryabkov" / "Deputy Foreign Minister Sergei Ryabkov").
pub(crate) fn same_speaker(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) if a == b => true,
        (Some(a), Some(b)) if only_figures_differ(a, b) => true,
        (Some(a), Some(b)) => {
            let (wa, wb) = (speaker_words(a), speaker_words(b));
            let within = |short: &HashSet<String>, long: &str| {
                short.is_subset(&speaker_words(long)) && !someone_of(short, long)
            };
            !wa.is_empty() && !wb.is_empty() && (within(&wa, b) || within(&wb, a))
        }
        _ => false,
    }
}

/// "One in five adults" → "One in four adults": the same group with
/// another figure, which the number details report.
fn only_figures_differ(a: &str, b: &str) -> bool {
    let (ta, tb) = (tokens(&fold(a)), tokens(&fold(b)));
    ta.len() == tb.len()
        && (0..ta.len()).any(|i| ta[i].core != tb[i].core)
        && (0..ta.len()).all(|i| {
            ta[i].core == tb[i].core
                || lexicon::number_kind(&ta, i).is_some() && lexicon::number_kind(&tb, i).is_some()
        })
}

/// The longer phrase names someone else by way of the shorter one: its
/// possessor ("the governor's spokesman") or the one it works for ("a
/// spokesman for the governor", "an aide to Lee"), not the same person
/// with a title added.
fn someone_of(short: &HashSet<String>, long: &str) -> bool {
    let words: Vec<&str> = long.split_whitespace().collect();
    let is_short = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix('\''))
            .unwrap_or(w);
        short.contains(&core_of(w))
    };
    let Some(first) = words.iter().position(|w| is_short(w)) else {
        return false;
    };
    let last = words.iter().rposition(|w| is_short(w)).unwrap_or(first);
    let possessor =
        (words[last].ends_with("'s") || words[last].ends_with("s'")) && last + 1 < words.len();
    // "for the governor", "to Lee": the role before it is the speaker.
    let lead = words[..first]
        .iter()
        .rev()
        .find(|w| !matches!(**w, "the" | "a" | "an"));
    let employer = first > 1 && lead.is_some_and(|w| matches!(*w, "for" | "to"));
    possessor || employer
}

/// Speaker changes: from the claims' speakers, or (when the extractor found
/// none on either side) a replaced name right next to a reporting verb
/// ("X said", "said X", "according to X"). Returns the words that belong to
/// the speaker change, so entity changes can ignore them.
pub(super) fn speaker(
    old: &Claim,
    new: &Claim,
    w: &mut Work,
    details: &mut Vec<Detail>,
) -> HashSet<String> {
    let so = old
        .speaker
        .as_deref()
        .map(norm_name)
        .filter(|s| !s.is_empty());
    let sn = new
        .speaker
        .as_deref()
        .map(norm_name)
        .filter(|s| !s.is_empty());
    let mut words = HashSet::new();
    if !same_speaker(so.as_deref(), sn.as_deref()) && !speaker_lost_in_extraction(&so, &sn, w) {
        words.extend(so.iter().flat_map(|s| cores(s)));
        words.extend(sn.iter().flat_map(|s| cores(s)));
        // A hunk touching the speaker's name carries their title with it.
        let speaker_hunks: Vec<_> = w
            .hunks
            .iter()
            .filter(|(o, n)| {
                let hit = |toks: &[Token], r: &Range<usize>| {
                    toks[r.clone()]
                        .iter()
                        .any(|t| !is_stopword(&t.core) && words.contains(&t.core))
                };
                hit(w.old.tokens, o) || hit(w.new.tokens, n)
            })
            .cloned()
            .collect();
        for (o, n) in &speaker_hunks {
            words.extend(w.old.tokens[o.clone()].iter().map(|t| t.core.clone()));
            words.extend(w.new.tokens[n.clone()].iter().map(|t| t.core.clone()));
            w.explain_hunk(o, n);
        }
        w.explain_cores(&words);
        details.push(Detail {
            kind: DetailType::SpeakerChanged,
            from: old.speaker.clone(),
            to: new.speaker.clone(),
        });
        return words;
    }
    if so.is_some() {
        return words;
    }
    let next_to_verb = |toks: &[Token], r: &Range<usize>| {
        let after = toks
            .get(r.end)
            .is_some_and(|t| lexicon::is_reporting_verb(&t.core));
        let before = r.start > 0 && {
            let p = &toks[r.start - 1].core;
            lexicon::is_reporting_verb(p)
                || (p == "to" && r.start > 1 && toks[r.start - 2].core == "according")
        };
        after || before
    };
    let names = |toks: &[Token], r: &Range<usize>| {
        r.clone()
            .any(|i| i > 0 && toks[i].is_capitalised() && !toks[i].in_quote)
    };
    let outside_quote =
        |toks: &[Token], r: &Range<usize>| toks[r.clone()].iter().all(|t| !t.in_quote);
    let hunks = w.hunks.clone();
    for (o, n) in hunks {
        let (to, tn) = (w.old.tokens, w.new.tokens);
        if o.is_empty()
            || n.is_empty()
            || !(next_to_verb(to, &o) || next_to_verb(tn, &n))
            || !(names(to, &o) || names(tn, &n))
            || !outside_quote(to, &o)
            || !outside_quote(tn, &n)
        {
            continue;
        }
        // The whole name phrase ("Health Minister Carla Ortiz") may span
        // several hunks around unchanged title words.
        let o = name_phrase(&w.old, o);
        let n = name_phrase(&w.new, n);
        words.extend(to[o.clone()].iter().map(|t| t.core.clone()));
        words.extend(tn[n.clone()].iter().map(|t| t.core.clone()));
        w.explain_hunk(&o, &n);
        details.push(Detail {
            kind: DetailType::SpeakerChanged,
            from: span_text(to, o),
            to: span_text(tn, n),
        });
        break;
    }
    words
}

/// Small words inside names and titles ("Minister of Health").
const NAME_LINKS: &[&str] = &["and", "for", "of", "the"];

/// Grows a changed range over the adjacent words of the same name phrase:
/// capitalised or changed words, up to punctuation or a reporting verb.
fn name_phrase(side: &Side, r: Range<usize>) -> Range<usize> {
    let toks = side.tokens;
    let joins = |i: usize| {
        let t = &toks[i];
        !lexicon::is_reporting_verb(&t.core)
            && !t.in_quote
            && (t.is_capitalised() || side.changed[i] || NAME_LINKS.contains(&t.core.as_str()))
    };
    let ends_phrase = |t: &Token| t.text.ends_with([',', '.', ';', ':', '"', ')']);
    let (mut start, mut end) = (r.start, r.end);
    while start > 0 && !ends_phrase(&toks[start - 1]) && joins(start - 1) {
        start -= 1;
    }
    while end < toks.len() && end > 0 && !ends_phrase(&toks[end - 1]) && joins(end) {
        end += 1;
    }
    // Do not end on a linking word ("Ortiz of").
    while end > r.end && NAME_LINKS.contains(&toks[end - 1].core.as_str()) {
        end -= 1;
    }
    while start < r.start && NAME_LINKS.contains(&toks[start].core.as_str()) {
        start += 1;
    }
    start..end
}
