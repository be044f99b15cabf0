//! Alignment of old and new claims ([`Alignment`]): identical ids first
//! (duplicates counted), then identical folded text, then headline with
//! headline, then the remaining claims paired by word overlap, best pairs
//! first.
//!
//! Only the claims left over after id matching are compared, through an
//! inverted index on their words, so a long article with a handful of edits
//! costs little more than hashing its ids.

use std::cmp::Ordering;
use std::collections::HashMap;

use super::words::{content_words, fold};
use crate::claims::{Claim, Part};

/// Pairs below this Dice overlap of content words are unrelated...
const MIN_DICE: f64 = 0.5;
/// ...unless most of the shorter sentence is inside the longer one (a
/// sentence split in two, or two merged into one).
const MIN_CONTAINMENT: f64 = 0.8;
/// Containment needs this many content words on the shorter side, so that
/// "Prices rose." is not "contained" in every sentence about prices.
const MIN_CONTAINED_WORDS: usize = 4;

/// A reworded claim: usually one old and one new claim; a sentence split in
/// two (or two merged into one) has two on one side, in document order.
#[derive(Debug, Clone, PartialEq)]
pub struct Modified {
    pub old: Vec<usize>,
    pub new: Vec<usize>,
    /// Overlap of the two sides' content words, 0..1.
    pub similarity: f64,
}

/// Candidate partners kept per old claim.
const MAX_CANDIDATES: usize = 32;

/// Which claims correspond between two revisions (indices into old/new).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alignment {
    /// Same claim, no change worth reporting.
    pub unchanged: Vec<(usize, usize)>,
    /// Same claim, reworded.
    pub modified: Vec<Modified>,
    pub removed: Vec<usize>,
    pub added: Vec<usize>,
    /// Runs of consecutive claims whose texts, joined, are the same on both
    /// sides: one passage split into sentences differently. No change.
    pub regrouped: Vec<(Vec<usize>, Vec<usize>)>,
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

    // 3. The same text cut into sentences differently (a re-wrap the
    //    sentence splitter saw otherwise) is no change either.
    let mut old_used = vec![false; old.len()];
    for (go, gn) in regroup(old, new, &rest_old2, &rest_new) {
        go.iter().for_each(|&i| old_used[i] = true);
        gn.iter().for_each(|&j| new_used[j] = true);
        out.regrouped.push((go, gn));
    }
    let rest_old2: Vec<usize> = rest_old2.into_iter().filter(|&i| !old_used[i]).collect();
    let rest_new: Vec<usize> = rest_new.into_iter().filter(|&j| !new_used[j]).collect();

    // 4. The headline is rewritten in place: the one old headline left and
    //    the one new headline are a pair, however little they share, and a
    //    headline pairs with no body sentence. A lone standfirst sentence on
    //    each side likewise.
    for part in [Part::Headline, Part::Standfirst] {
        let o: Vec<usize> = rest_old2
            .iter()
            .copied()
            .filter(|&i| old[i].part == part)
            .collect();
        let n: Vec<usize> = rest_new
            .iter()
            .copied()
            .filter(|&j| new[j].part == part)
            .collect();
        if let ([i], [j]) = (o.as_slice(), n.as_slice()) {
            let mut interner = HashMap::new();
            let similarity = dice(
                &word_ids(&old[*i].text, &mut interner),
                &word_ids(&new[*j].text, &mut interner),
            );
            old_used[*i] = true;
            new_used[*j] = true;
            out.modified.push(Modified {
                old: vec![*i],
                new: vec![*j],
                similarity,
            });
        }
    }
    let not_headline = |c: &Claim| c.part != Part::Headline;
    let rest_old2: Vec<usize> = rest_old2.into_iter().filter(|&i| !old_used[i]).collect();
    let rest_new: Vec<usize> = rest_new.into_iter().filter(|&j| !new_used[j]).collect();
    let body_old: Vec<usize> = rest_old2
        .iter()
        .copied()
        .filter(|&i| not_headline(&old[i]))
        .collect();
    let body_new: Vec<usize> = rest_new
        .iter()
        .copied()
        .filter(|&j| not_headline(&new[j]))
        .collect();

    // 5. Pair the rest by similarity.
    let pairs = similar_pairs(old, new, &body_old, &body_new);
    for p in pairs {
        if old_used[p.old] || new_used[p.new] {
            continue;
        }
        old_used[p.old] = true;
        new_used[p.new] = true;
        out.modified.push(Modified {
            old: vec![p.old],
            new: vec![p.new],
            similarity: p.dice,
        });
    }
    out.removed = rest_old2.into_iter().filter(|&i| !old_used[i]).collect();
    out.added = rest_new.into_iter().filter(|&j| !new_used[j]).collect();

    // 6. A leftover claim next to a pair that carries the rest of the same
    //    sentence joins the pair (split or merged sentences).
    super::split::absorb(old, new, &mut out);

    // 7. A lone removed and a lone added claim in the same place that still
    //    share words: one rewritten sentence.
    super::slots::pair_in_place(old, new, &mut out);
    out.unchanged.sort_unstable();
    out.modified.sort_by_key(|m| m.old[0]);
    out
}

/// Longest run of claims tried as one re-segmented passage.
const MAX_GROUP: usize = 12;

/// Folded text without any whitespace, so sentence cuts do not matter.
fn stream_key(text: &str) -> String {
    fold(text).chars().filter(|c| !c.is_whitespace()).collect()
}

/// Finds runs of consecutive leftover claims, old and new, whose joined
/// texts are equal. Two-pointer walk from each pair of claims that start
/// with the same characters, extending whichever side is behind.
fn regroup(
    old: &[Claim],
    new: &[Claim],
    rest_old: &[usize],
    rest_new: &[usize],
) -> Vec<(Vec<usize>, Vec<usize>)> {
    const PREFIX: usize = 6;
    let prefix = |k: &str, n: usize| k.chars().take(n).collect::<String>();
    let keys_old: Vec<String> = rest_old.iter().map(|&i| stream_key(&old[i].text)).collect();
    let keys_new: Vec<String> = rest_new.iter().map(|&j| stream_key(&new[j].text)).collect();
    // A passage starts at the same characters on both sides: index new
    // claims by their first characters (every length up to PREFIX, so a
    // short old fragment finds the long new sentence it begins), and short
    // new fragments by their whole text.
    let mut by_prefix: HashMap<String, Vec<usize>> = HashMap::new();
    let mut short: HashMap<&str, Vec<usize>> = HashMap::new();
    for (q, k) in keys_new.iter().enumerate() {
        let len = k.chars().count();
        if len >= PREFIX {
            for n in 1..=PREFIX {
                by_prefix.entry(prefix(k, n)).or_default().push(q);
            }
        } else if len > 0 {
            short.entry(k.as_str()).or_default().push(q);
        }
    }
    let mut used_old = vec![false; rest_old.len()];
    let mut used_new = vec![false; rest_new.len()];
    let mut groups = Vec::new();
    for p in 0..rest_old.len() {
        let key = &keys_old[p];
        let len = key.chars().count().min(PREFIX);
        if used_old[p] || len == 0 {
            continue;
        }
        let mut cands: Vec<usize> = by_prefix
            .get(&prefix(key, len))
            .cloned()
            .unwrap_or_default();
        for n in 1..=len {
            if let Some(v) = short.get(prefix(key, n).as_str()) {
                cands.extend(v);
            }
        }
        cands.sort_unstable();
        cands.dedup();
        for q in cands {
            if used_new[q] {
                continue;
            }
            if let Some((pe, qe)) = walk(rest_old, rest_new, &keys_old, &keys_new, p, q, &used_new)
            {
                (p..pe).for_each(|x| used_old[x] = true);
                (q..qe).for_each(|y| used_new[y] = true);
                groups.push((rest_old[p..pe].to_vec(), rest_new[q..qe].to_vec()));
                break;
            }
        }
    }
    groups
}

/// From old position `p` and new position `q`, appends claims to the side
/// whose text is behind until both end on the same character, or fails.
/// Returns the end positions (exclusive).
fn walk(
    rest_old: &[usize],
    rest_new: &[usize],
    keys_old: &[String],
    keys_new: &[String],
    p: usize,
    q: usize,
    used_new: &[bool],
) -> Option<(usize, usize)> {
    let (mut so, mut sn) = (keys_old[p].clone(), keys_new[q].clone());
    let (mut pe, mut qe) = (p + 1, q + 1);
    loop {
        if so == sn {
            return (pe - p + qe - q > 2).then_some((pe, qe));
        }
        if pe - p + qe - q >= MAX_GROUP {
            return None;
        }
        if so.len() < sn.len() {
            // The next old claim must follow directly in the document.
            if !sn.starts_with(&so) || pe >= rest_old.len() || rest_old[pe] != rest_old[pe - 1] + 1
            {
                return None;
            }
            so.push_str(&keys_old[pe]);
            pe += 1;
        } else {
            if !so.starts_with(&sn)
                || qe >= rest_new.len()
                || rest_new[qe] != rest_new[qe - 1] + 1
                || used_new[qe]
            {
                return None;
            }
            sn.push_str(&keys_new[qe]);
            qe += 1;
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Pair {
    old: usize,
    new: usize,
    dice: f64,
    rank: f64,
}

/// Interned, sorted, de-duplicated content words of one claim.
pub(super) fn word_ids(text: &str, interner: &mut HashMap<String, u32>) -> Vec<u32> {
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

/// Dice overlap of two word-id sets: shared words over average size.
pub(super) fn dice(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    2.0 * intersection(a, b) as f64 / (a.len() + b.len()) as f64
}

pub(super) fn intersection(a: &[u32], b: &[u32]) -> usize {
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
        let before = pairs.len();
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
        // In a text made of near-identical sentences every pair qualifies;
        // the best few per claim are all the greedy pass can use.
        if pairs.len() - before > MAX_CANDIDATES {
            let mine = &mut pairs[before..];
            mine.select_nth_unstable_by(MAX_CANDIDATES, |p, q| q.rank.total_cmp(&p.rank));
            pairs.truncate(before + MAX_CANDIDATES);
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
    fn one_passage_split_differently_is_regrouped() {
        let old = claims(&[
            "Intro stays.",
            "The ferry left at dawn,",
            "and the crew waved. Gulls followed it.",
            "Outro stays.",
        ]);
        let new = claims(&[
            "Intro stays.",
            "The ferry left at dawn, and the crew waved.",
            "Gulls followed it.",
            "Outro stays.",
        ]);
        let a = align(&old, &new);
        assert_eq!(a.regrouped, [(vec![1, 2], vec![1, 2])]);
        assert!(a.modified.is_empty() && a.added.is_empty() && a.removed.is_empty());
    }

    #[test]
    fn short_fragments_are_regrouped_too() {
        let old = claims(&["However,", "the crew stayed.", "Next."]);
        let new = claims(&["However, the crew stayed.", "Next."]);
        let a = align(&old, &new);
        assert_eq!(a.regrouped, [(vec![0, 1], vec![0])]);
        let a = align(&new, &old);
        assert_eq!(a.regrouped, [(vec![0], vec![0, 1])]);
    }

    #[test]
    fn regrouping_needs_the_whole_text_equal() {
        let old = claims(&["The ferry left at dawn,", "and the crew waved."]);
        let new = claims(&["The ferry left at dawn, and the crew cheered."]);
        let a = align(&old, &new);
        assert!(a.regrouped.is_empty());
        assert_eq!(a.modified.len(), 1);
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
        assert_eq!(
            (&a.modified[0].old[..], &a.modified[0].new[..]),
            (&[0][..], &[1][..])
        );
        assert!(a.modified[0].similarity > 0.8);
        assert_eq!(a.removed, [1]);
        assert_eq!(a.added, [0]);
    }

    #[test]
    fn the_headline_pairs_with_the_headline_only() {
        let mut old = claims(&[
            "Storm closes three mountain roads",
            "Heavy snow closed three mountain roads near the pass on Sunday.",
        ]);
        let mut new = claims(&[
            "Snow leaves villages cut off for a second day",
            "Heavy snow closed three mountain roads near the pass on Sunday, police said.",
        ]);
        old[0].part = Part::Headline;
        new[0].part = Part::Headline;
        let a = align(&old, &new);
        let pairs: Vec<(usize, usize)> = a.modified.iter().map(|m| (m.old[0], m.new[0])).collect();
        assert_eq!(pairs, [(0, 0), (1, 1)], "{a:?}");
        // Without a new headline the old one is removed, not paired with
        // the body sentence it resembles.
        new[0].part = Part::Body;
        new.remove(0);
        let a = align(&old, &new);
        assert_eq!(a.removed, [0], "{a:?}");
    }

    #[test]
    fn best_pair_wins_when_two_compete() {
        let old = claims(&["The mayor said the bridge will reopen in spring after repairs."]);
        let new = claims(&[
            "The mayor said the tunnel will close in winter for inspections.",
            "The mayor said the bridge will reopen in summer after repairs.",
        ]);
        let a = align(&old, &new);
        assert_eq!(
            (&a.modified[0].old[..], &a.modified[0].new[..]),
            (&[0][..], &[1][..])
        );
        assert_eq!(a.added, [0]);
    }
}
