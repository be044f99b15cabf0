//! Same-place pairing ([`pair_in_place`]): a claim removed and a claim
//! added between the same two surviving neighbours, when they still share
//! some words or named facts (entities, a number's unit) and are each
//! other's clear best match there, are one rewritten sentence rather than
//! an unrelated removal and addition (a rewrite around the same fact falls
//! below the general similarity threshold).

use std::collections::HashMap;

use super::align::{Alignment, Modified, dice, word_ids};
use crate::claims::{Claim, Part};

/// Overlap needed between two claims that stand in the same place.
const MIN_DICE_IN_PLACE: f64 = 0.3;

/// The matched neighbours around each leftover claim, as group ids.
type Slot = (Option<usize>, Option<usize>);

fn slots(groups: &[Option<usize>], leftovers: &[usize]) -> Vec<Slot> {
    leftovers
        .iter()
        .map(|&k| {
            let prev = groups[..k].iter().rev().find_map(|g| *g);
            let next = groups[k + 1..].iter().find_map(|g| *g);
            (prev, next)
        })
        .collect()
}

/// Pairs a lone removed claim with a lone added claim in the same slot.
pub fn pair_in_place(old: &[Claim], new: &[Claim], al: &mut Alignment) {
    if al.removed.is_empty() || al.added.is_empty() {
        return;
    }
    // Every matched claim gets the id of its match, shared by both sides.
    let mut g_old: Vec<Option<usize>> = vec![None; old.len()];
    let mut g_new: Vec<Option<usize>> = vec![None; new.len()];
    let mut next_id = 0;
    for &(i, j) in &al.unchanged {
        g_old[i] = Some(next_id);
        g_new[j] = Some(next_id);
        next_id += 1;
    }
    let groups = al
        .regrouped
        .iter()
        .map(|(o, n)| (o.as_slice(), n.as_slice()))
        .chain(
            al.modified
                .iter()
                .map(|m| (m.old.as_slice(), m.new.as_slice())),
        );
    for (o, n) in groups {
        o.iter().for_each(|&i| g_old[i] = Some(next_id));
        n.iter().for_each(|&j| g_new[j] = Some(next_id));
        next_id += 1;
    }
    let slot_old = slots(&g_old, &al.removed);
    let slot_new = slots(&g_new, &al.added);
    let mut interner = HashMap::new();
    let words_old: Vec<Vec<u32>> = al
        .removed
        .iter()
        .map(|&i| word_ids(&old[i].text, &mut interner))
        .collect();
    let words_new: Vec<Vec<u32>> = al
        .added
        .iter()
        .map(|&j| word_ids(&new[j].text, &mut interner))
        .collect();
    // Scores of every removed/added pair standing in the same slot.
    let mut scores: Vec<(usize, usize, f64, bool)> = Vec::new();
    for (a, &i) in al.removed.iter().enumerate() {
        for (b, &j) in al.added.iter().enumerate() {
            if slot_old[a] != slot_new[b]
                || words_old[a].is_empty()
                || words_new[b].is_empty()
                || (old[i].part == Part::Headline) != (new[j].part == Part::Headline)
            {
                continue;
            }
            let d = dice(&words_old[a], &words_new[b]);
            let facts = shared_facts(&old[i], &new[j]);
            let score = d + FACT_WEIGHT * facts as f64;
            let enough = d >= MIN_DICE_IN_PLACE || (facts >= MIN_FACTS && d >= MIN_DICE_WITH_FACTS);
            scores.push((a, b, score, enough));
        }
    }
    // Rounds of mutual best partners: each is the other's clear best among
    // the claims of the slot still free (a tie is not guessed), and they
    // share enough words or named facts. A pair taken frees the next best.
    let mut used_old = vec![false; al.removed.len()];
    let mut used_new = vec![false; al.added.len()];
    let mut paired = Vec::new();
    loop {
        let free = |s: &&(usize, usize, f64, bool)| !used_old[s.0] && !used_new[s.1];
        let best_other = |a: usize, b: usize, on_old: bool| -> f64 {
            scores
                .iter()
                .filter(free)
                // The other partners of `a` (on_old) or of `b`.
                .filter(|s| (s.0 == a) == on_old && (s.1 == b) != on_old)
                .map(|s| s.2)
                .fold(0.0, f64::max)
        };
        let round: Vec<(usize, usize)> = scores
            .iter()
            .filter(free)
            .filter(|&&(a, b, score, enough)| {
                enough && score > best_other(a, b, true) && score > best_other(a, b, false)
            })
            .map(|&(a, b, _, _)| (a, b))
            .collect();
        if round.is_empty() {
            break;
        }
        for (a, b) in round {
            used_old[a] = true;
            used_new[b] = true;
            paired.push((
                al.removed[a],
                al.added[b],
                dice(&words_old[a], &words_new[b]),
            ));
        }
    }
    for (i, j, dice) in paired {
        al.removed.retain(|&x| x != i);
        al.added.retain(|&x| x != j);
        al.modified.push(Modified {
            old: vec![i],
            new: vec![j],
            similarity: dice,
        });
    }
}

/// Weight of each shared named fact (entity, or a number's unit) when
/// ranking partners.
const FACT_WEIGHT: f64 = 0.05;
/// A pair below [`MIN_DICE_IN_PLACE`] still pairs when it shares this many
/// named facts and this much wording: a sentence rewritten around the same
/// facts ("moved from Ohio to Utah") shares its names more than its words.
const MIN_FACTS: usize = 2;
const MIN_DICE_WITH_FACTS: f64 = 0.15;

/// Named entities (case-folded) and number units the two claims share.
fn shared_facts(a: &Claim, b: &Claim) -> usize {
    let lower = |v: &[String]| -> Vec<String> { v.iter().map(|e| e.to_lowercase()).collect() };
    let (ea, eb) = (lower(&a.entities), lower(&b.entities));
    let entities = ea.iter().filter(|e| eb.contains(e)).count();
    let units = a
        .numbers
        .iter()
        .filter(|n| !n.unit.is_empty() && b.numbers.iter().any(|m| m.unit == n.unit))
        .count();
    entities + units.min(1)
}

#[cfg(test)]
mod tests {
    use crate::diff::align::align;
    use crate::diff::tests::claim;

    #[test]
    fn short_rewrite_in_place_is_a_modification() {
        let old = [
            claim("The mayor opened the session at noon."),
            claim("Talks failed."),
            claim("The council adjourned until Friday."),
        ];
        let new = [
            claim("The mayor opened the session at noon."),
            claim("Talks resumed on Monday."),
            claim("The council adjourned until Friday."),
        ];
        let a = align(&old, &new);
        assert_eq!(a.modified.len(), 1);
        assert!(a.added.is_empty() && a.removed.is_empty());
    }

    #[test]
    fn unrelated_claims_in_the_same_place_stay_apart() {
        let old = [
            claim("The mayor opened the session at noon."),
            claim("Heavy snow closed the mountain pass."),
            claim("The council adjourned until Friday."),
        ];
        let new = [
            claim("The mayor opened the session at noon."),
            claim("A new bakery opened near the station."),
            claim("The council adjourned until Friday."),
        ];
        let a = align(&old, &new);
        assert!(a.modified.is_empty());
        assert_eq!((a.removed.len(), a.added.len()), (1, 1));
    }

    #[test]
    fn a_rewrite_around_the_same_fact_pairs_in_a_crowded_slot() {
        let old = [
            claim("The mayor opened the session at noon."),
            claim("A cargo plane crashed near the harbour on Friday shortly after taking off."),
            claim("Two crew members were aboard, the airport said."),
            claim("The council adjourned until Friday."),
        ];
        let new = [
            claim("The mayor opened the session at noon."),
            claim(
                "A cargo plane with six people aboard crashed into warehouses by the harbour after takeoff.",
            ),
            claim("The council adjourned until Friday."),
        ];
        let a = align(&old, &new);
        let pairs: Vec<(usize, usize)> = a.modified.iter().map(|m| (m.old[0], m.new[0])).collect();
        assert_eq!(pairs, [(1, 1)], "{a:?}");
        assert_eq!(a.removed, [2]);
    }

    #[test]
    fn shared_names_pair_a_rewrite_that_shares_few_words() {
        let mut old = vec![
            claim("The mayor opened the session at noon."),
            claim(
                "A plan to move the firm's seat from Ohio to Utah also has the votes it needs, a filing shows.",
            ),
            claim("The council adjourned until Friday."),
        ];
        let mut new = vec![
            claim("The mayor opened the session at noon."),
            claim(
                "Board members later approved moving the headquarters from Ohio to Utah in a second ballot.",
            ),
            claim("The council adjourned until Friday."),
        ];
        let a = align(&old, &new);
        assert!(a.modified.is_empty(), "words alone are too few: {a:?}");
        old[1].entities = vec!["Ohio".into(), "Utah".into()];
        new[1].entities = vec!["Ohio".into(), "Utah".into()];
        let a = align(&old, &new);
        assert_eq!(a.modified.len(), 1, "{a:?}");
    }

    #[test]
    fn two_removed_and_one_added_in_a_slot_are_not_guessed() {
        let old = [
            claim("Talks failed badly yesterday."),
            claim("Talks stalled again overnight."),
            claim("The council adjourned until Friday."),
        ];
        let new = [
            claim("Talks resumed."),
            claim("The council adjourned until Friday."),
        ];
        let a = align(&old, &new);
        assert!(a.modified.is_empty(), "{a:?}");
        assert_eq!((a.removed.len(), a.added.len()), (2, 1));
    }
}
