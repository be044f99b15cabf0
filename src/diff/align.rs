//! Alignment of old and new claims ([`Alignment`]): identical ids first
//! (duplicates counted), then identical folded text, then the remaining
//! claims paired by word overlap, best pairs first.
//!
//! Only the claims left over after id matching are compared, through an
//! inverted index on their words, so a long article with a handful of edits
//! costs little more than hashing its ids.

use std::cmp::Ordering;
use std::collections::HashMap;

use super::words::{content_words, fold};
use crate::claims::Claim;

/// Pairs below this Dice overlap of content words are unrelated...
const MIN_DICE: f64 = 0.5;
/// ...unless most of the shorter sentence is inside the longer one (a
/// sentence split in two, or two merged into one).
const MIN_CONTAINMENT: f64 = 0.8;
/// Containment needs this many content words on the shorter side, so that
/// "Prices rose." is not "contained" in every sentence about prices.
const MIN_CONTAINED_WORDS: usize = 4;

/// Which claims correspond between two revisions (indices into old/new).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alignment {
    /// Same claim, no change worth reporting.
    pub unchanged: Vec<(usize, usize)>,
    /// Same claim, reworded: (old, new, similarity 0..1).
    pub modified: Vec<(usize, usize, f64)>,
    pub removed: Vec<usize>,
    pub added: Vec<usize>,
}

/// Aligns two claim lists.
pub fn align(old: &[Claim], new: &[Claim]) -> Alignment {
    let mut out = Alignment::default();

    // 1. Identical ids, in document order; a duplicated claim is matched
    //    as many times as it occurs on both sides.
    let mut by_id: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, c) in new.iter().enumerate().rev() {
        by_id.entry(c.id.as_str()).or_default().push(j);
    }
    let mut rest_old = Vec::new();
    let mut new_used = vec![false; new.len()];
    for (i, c) in old.iter().enumerate() {
        match by_id.get_mut(c.id.as_str()).and_then(|v| v.pop()) {
            Some(j) => {
                new_used[j] = true;
                out.unchanged.push((i, j));
            }
            None => rest_old.push(i),
        }
    }
    let rest_new: Vec<usize> = (0..new.len()).filter(|&j| !new_used[j]).collect();
    if rest_old.is_empty() || rest_new.is_empty() {
        out.removed = rest_old;
        out.added = rest_new;
        return out;
    }

    // 2. Same text once quotes, dashes and spacing are folded: not a change,
    //    whatever the ids say.
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for &j in rest_new.iter().rev() {
        by_key.entry(fold(&new[j].text)).or_default().push(j);
    }
    let mut rest_old2 = Vec::new();
    for &i in &rest_old {
        match by_key.get_mut(&fold(&old[i].text)).and_then(|v| v.pop()) {
            Some(j) => {
                new_used[j] = true;
                out.unchanged.push((i, j));
            }
            None => rest_old2.push(i),
        }
    }
    let rest_new: Vec<usize> = rest_new.into_iter().filter(|&j| !new_used[j]).collect();

    // 3. Pair the rest by similarity.
    let pairs = similar_pairs(old, new, &rest_old2, &rest_new);
    let mut old_used = vec![false; old.len()];
    for p in pairs {
        if old_used[p.old] || new_used[p.new] {
            continue;
        }
        old_used[p.old] = true;
        new_used[p.new] = true;
        out.modified.push((p.old, p.new, p.dice));
    }
    out.removed = rest_old2.into_iter().filter(|&i| !old_used[i]).collect();
    out.added = rest_new.into_iter().filter(|&j| !new_used[j]).collect();
    out.unchanged.sort_unstable();
    out.modified.sort_by_key(|m| m.0);
    out
}

#[derive(Debug, Clone, Copy)]
struct Pair {
    old: usize,
    new: usize,
    dice: f64,
    rank: f64,
}

/// Interned, sorted, de-duplicated content words of one claim.
fn word_ids(text: &str, interner: &mut HashMap<String, u32>) -> Vec<u32> {
    let mut ids: Vec<u32> = content_words(text)
        .into_iter()
        .map(|w| {
            let next = interner.len() as u32;
            *interner.entry(w).or_insert(next)
        })
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

fn intersection(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Candidate pairs above the threshold, best first. The order is symmetric
/// in old/new (score, then distance in the document, then ids) so that
/// diffing b→a pairs the same claims as a→b.
fn similar_pairs(
    old: &[Claim],
    new: &[Claim],
    rest_old: &[usize],
    rest_new: &[usize],
) -> Vec<Pair> {
    let mut interner = HashMap::new();
    let words_old: Vec<Vec<u32>> = rest_old
        .iter()
        .map(|&i| word_ids(&old[i].text, &mut interner))
        .collect();
    let words_new: Vec<Vec<u32>> = rest_new
        .iter()
        .map(|&j| word_ids(&new[j].text, &mut interner))
        .collect();

    // Inverted index over the new side. Words found in a large share of the
    // remainder ("said", the country's name) only find candidates that a
    // rarer shared word finds too, so they are skipped to bound the work.
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); interner.len()];
    for (k, ws) in words_new.iter().enumerate() {
        for &w in ws {
            postings[w as usize].push(k as u32);
        }
    }
    let cap = (rest_new.len() / 8).max(64);
    let mut seen = vec![usize::MAX; rest_new.len()];
    let mut pairs = Vec::new();
    for (a, wa) in words_old.iter().enumerate() {
        let mut candidates = Vec::new();
        let mut add = |k: u32| {
            if seen[k as usize] != a {
                seen[k as usize] = a;
                candidates.push(k as usize);
            }
        };
        let rare: Vec<u32> = wa
            .iter()
            .copied()
            .filter(|&w| postings[w as usize].len() <= cap)
            .collect();
        if rare.is_empty() {
            wa.iter()
                .flat_map(|&w| &postings[w as usize])
                .for_each(|&k| add(k));
        } else {
            rare.iter()
                .flat_map(|&w| &postings[w as usize])
                .for_each(|&k| add(k));
        }
        for b in candidates {
            let wb = &words_new[b];
            let inter = intersection(wa, wb);
            if inter == 0 {
                continue;
            }
            let dice = 2.0 * inter as f64 / (wa.len() + wb.len()) as f64;
            let shorter = wa.len().min(wb.len());
            let containment = inter as f64 / shorter as f64;
            let contained = containment >= MIN_CONTAINMENT && shorter >= MIN_CONTAINED_WORDS;
            if dice < MIN_DICE && !contained {
                continue;
            }
            let rank = if contained {
                dice.max(0.9 * containment)
            } else {
                dice
            };
            pairs.push(Pair {
                old: rest_old[a],
                new: rest_new[b],
                dice,
                rank,
            });
        }
    }
    pairs.sort_by(|p, q| {
        q.rank
            .total_cmp(&p.rank)
            .then_with(|| p.old.abs_diff(p.new).cmp(&q.old.abs_diff(q.new)))
            .then_with(|| pair_ids(old, new, p).cmp(&pair_ids(old, new, q)))
    });
    pairs
}

/// The pair's ids as an unordered pair, for a direction-free tie-break.
fn pair_ids<'a>(old: &'a [Claim], new: &'a [Claim], p: &Pair) -> (&'a str, &'a str) {
    let (a, b) = (old[p.old].id.as_str(), new[p.new].id.as_str());
    if a <= b { (a, b) } else { (b, a) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::tests::claim;

    fn claims(texts: &[&str]) -> Vec<Claim> {
        texts.iter().map(|t| claim(t)).collect()
    }

    #[test]
    fn ids_match_regardless_of_order_and_duplicates_count() {
        let old = claims(&["Alpha one.", "Beta two.", "Alpha one."]);
        let new = claims(&["Beta two.", "Alpha one."]);
        let a = align(&old, &new);
        assert_eq!(a.unchanged, [(0, 1), (1, 0)]);
        assert_eq!(a.removed, [2]);
        assert!(a.added.is_empty() && a.modified.is_empty());
    }

    #[test]
    fn folded_text_is_unchanged_even_with_a_different_id() {
        let old = claims(&["The talks \u{2014} held in secret \u{2014} failed."]);
        let mut new = claims(&["The talks - held in secret - failed."]);
        new[0].id = "c_other".into();
        let a = align(&old, &new);
        assert_eq!(a.unchanged, [(0, 0)]);
    }

    #[test]
    fn rewritten_sentence_pairs_unrelated_do_not() {
        let old = claims(&[
            "The committee approved the new budget for the regional hospital on Tuesday.",
            "Fishermen in the bay reported unusually large catches this season.",
        ]);
        let new = claims(&[
            "Local schools will open an hour later starting next month.",
            "The committee rejected the new budget for the regional hospital on Tuesday.",
        ]);
        let a = align(&old, &new);
        assert_eq!(a.modified.len(), 1);
        assert_eq!((a.modified[0].0, a.modified[0].1), (0, 1));
        assert!(a.modified[0].2 > 0.8);
        assert_eq!(a.removed, [1]);
        assert_eq!(a.added, [0]);
    }

    #[test]
    fn split_sentence_modifies_one_half_and_adds_the_other() {
        let old = claims(&[
            "The river flooded three villages near the border, and rescue teams evacuated hundreds of residents overnight.",
        ]);
        let new = claims(&[
            "The river flooded three villages near the border.",
            "Rescue teams evacuated hundreds of residents overnight.",
        ]);
        let a = align(&old, &new);
        assert_eq!(a.modified.len(), 1);
        assert_eq!(a.added.len(), 1);
        assert!(a.removed.is_empty());
    }

    #[test]
    fn best_pair_wins_when_two_compete() {
        let old = claims(&["The mayor said the bridge will reopen in spring after repairs."]);
        let new = claims(&[
            "The mayor said the tunnel will close in winter for inspections.",
            "The mayor said the bridge will reopen in summer after repairs.",
        ]);
        let a = align(&old, &new);
        assert_eq!((a.modified[0].0, a.modified[0].1), (0, 1));
        assert_eq!(a.added, [0]);
    }
}
