//! Entity details of a modification: names only on one side, less the
//! ones that are the speaker, that the other side still writes (in lower
//! case, without dots, split at a hyphen) or that only had a letter
//! slipped in or out ("Hathway" → "Hathaway").

use std::collections::HashSet;

use super::{Work, cores, norm_name};
use crate::claims::Claim;
use crate::diff::lexicon;
use crate::diff::{Detail, DetailType};

/// Named entities added or removed, apart from the speaker's own change.
pub(super) fn entities(
    old: &Claim,
    new: &Claim,
    speaker_words: &HashSet<String>,
    w: &mut Work,
    details: &mut Vec<Detail>,
) {
    let speakers: Vec<String> = [&old.speaker, &new.speaker]
        .into_iter()
        .flatten()
        .map(|s| norm_name(s))
        .collect();
    let part_of_speaker = |e: &str| {
        let n = norm_name(e);
        speakers.iter().any(|s| s.contains(&n))
            || (!speaker_words.is_empty() && cores(&n).iter().all(|c| speaker_words.contains(c)))
    };
    let set = |c: &Claim| -> Vec<(String, String)> {
        let mut seen = HashSet::new();
        c.entities
            .iter()
            .filter(|e| !part_of_speaker(e) && !lexicon::is_function_phrase(e))
            .filter(|e| seen.insert(norm_name(e)))
            .map(|e| (norm_name(e), e.clone()))
            .collect()
    };
    let (eo, en) = (set(old), set(new));
    let keys_o: HashSet<&str> = eo.iter().map(|(k, _)| k.as_str()).collect();
    let keys_n: HashSet<&str> = en.iter().map(|(k, _)| k.as_str()).collect();
    // A name the other side still writes is not gone: "Presidency" →
    // "the presidency", "US" → "U.S.", "Russia-Ukraine" → "Ukraine and
    // Russia" (every word of it among the other side's words).
    let (words_o, words_n) = (cores(&old.text), cores(&new.text));
    let kept = |e: &str, other: &HashSet<String>| {
        let c = cores(e);
        !c.is_empty() && c.iter().all(|w| other.contains(w))
    };
    let removed: Vec<&str> = eo
        .iter()
        .filter(|(k, e)| !keys_n.contains(k.as_str()) && !kept(e, &words_n))
        .map(|(_, e)| e.as_str())
        .collect();
    let added: Vec<&str> = en
        .iter()
        .filter(|(k, e)| !keys_o.contains(k.as_str()) && !kept(e, &words_o))
        .map(|(_, e)| e.as_str())
        .collect();
    if removed.is_empty() && added.is_empty() {
        return;
    }
    let words: HashSet<String> = removed
        .iter()
        .chain(&added)
        .flat_map(|e| cores(e))
        .collect();
    w.explain_cores(&words);
    // A corrected typo ("Hathway" → "Hathaway") names the same thing:
    // when every name on each side pairs with one on the other that only
    // gained or lost a letter, the names did not change.
    let typo_fix = removed.len() == added.len()
        && removed
            .iter()
            .all(|r| added.iter().any(|a| one_letter_apart(r, a)));
    if typo_fix {
        return;
    }
    let join = |v: &[&str]| (!v.is_empty()).then(|| v.join(", "));
    details.push(Detail {
        kind: DetailType::EntityChanged,
        from: join(&removed),
        to: join(&added),
    });
}

/// True when two names differ only by one letter slipped into or out of
/// one word of at least six letters: a spelling fix, not another name
/// ("Justin" / "Austin" differ by a changed letter and stay apart).
fn one_letter_apart(a: &str, b: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (
        a.split_whitespace().collect(),
        b.split_whitespace().collect(),
    );
    if wa.len() != wb.len() {
        return false;
    }
    let mut differing = wa.iter().zip(&wb).filter(|(x, y)| x != y);
    let Some((x, y)) = differing.next() else {
        return false;
    };
    if differing.next().is_some() {
        return false;
    }
    let (short, long) = if x.chars().count() < y.chars().count() {
        (x, y)
    } else {
        (y, x)
    };
    let (s, l): (Vec<char>, Vec<char>) = (short.chars().collect(), long.chars().collect());
    if l.len() != s.len() + 1 || s.len() < 6 {
        return false;
    }
    // Drop each letter of the longer word in turn.
    (0..l.len()).any(|i| l[..i] == s[..i] && l[i + 1..] == s[i..])
}
