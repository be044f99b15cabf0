//! Same-place pairing ([`pair_in_place`]): a claim removed and a claim
//! added between the same two surviving neighbours, when they still share
//! some words, are one rewritten sentence rather than an unrelated removal
//! and addition (a short sentence rewritten falls below the general
//! similarity threshold).

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
    let mut count: HashMap<Slot, (usize, usize)> = HashMap::new();
    for s in &slot_old {
        count.entry(*s).or_default().0 += 1;
    }
    for s in &slot_new {
        count.entry(*s).or_default().1 += 1;
    }
    let mut interner = HashMap::new();
    let mut paired = Vec::new();
    for (a, &i) in al.removed.iter().enumerate() {
        if count.get(&slot_old[a]) != Some(&(1, 1)) {
            continue;
        }
        let Some(b) = slot_new.iter().position(|s| *s == slot_old[a]) else {
            continue;
        };
        let j = al.added[b];
        if (old[i].part == Part::Headline) != (new[j].part == Part::Headline) {
            continue;
        }
        let wa = word_ids(&old[i].text, &mut interner);
        let wb = word_ids(&new[j].text, &mut interner);
        if wa.is_empty() || wb.is_empty() {
            continue;
        }
        let dice = dice(&wa, &wb);
        if dice >= MIN_DICE_IN_PLACE {
            paired.push((i, j, dice));
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
