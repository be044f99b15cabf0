//! Split and merged sentences ([`absorb`]): a modified pair grows by a
//! neighbouring unpaired claim when that claim carries the rest of the same
//! sentence, so "one sentence became two" is one modification, not a
//! modification plus an addition.

use std::collections::{HashMap, HashSet};

use super::align::{Alignment, dice, intersection, word_ids};
use crate::claims::{Claim, ClaimKind, Part};

/// Most of the leftover claim's words must come from the other side.
const MIN_PIECE_CONTAINED: f64 = 0.6;
/// Joining the piece must make the two sides clearly more alike.
const MIN_GAIN: f64 = 0.05;
/// Longest chain of pieces joined to one pair.
const MAX_PIECES: usize = 4;

/// Which side of the pair a piece joins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Old,
    New,
}

#[derive(Debug)]
struct Candidate {
    gain: f64,
    pair: usize,
    side: Side,
    piece: usize,
}

fn union(sets: impl Iterator<Item = Vec<u32>>) -> Vec<u32> {
    let mut v: Vec<u32> = sets.flatten().collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Joins leftover claims to adjacent modified pairs where they complete the
/// sentence. Rounds of best-gain-first moves; the order only depends on
/// gains and ids, so diffing b→a joins the same claims as a→b.
pub fn absorb(old: &[Claim], new: &[Claim], al: &mut Alignment) {
    if al.modified.is_empty() || (al.added.is_empty() && al.removed.is_empty()) {
        return;
    }
    let mut interner = HashMap::new();
    let mut words_old: HashMap<usize, Vec<u32>> = HashMap::new();
    let mut words_new: HashMap<usize, Vec<u32>> = HashMap::new();
    for m in &al.modified {
        for &i in &m.old {
            words_old.insert(i, word_ids(&old[i].text, &mut interner));
        }
        for &j in &m.new {
            words_new.insert(j, word_ids(&new[j].text, &mut interner));
        }
    }
    for &i in &al.removed {
        words_old.insert(i, word_ids(&old[i].text, &mut interner));
    }
    for &j in &al.added {
        words_new.insert(j, word_ids(&new[j].text, &mut interner));
    }
    let mut free_old: HashSet<usize> = al.removed.iter().copied().collect();
    let mut free_new: HashSet<usize> = al.added.iter().copied().collect();

    for _round in 0..MAX_PIECES {
        let mut cands = Vec::new();
        for (k, m) in al.modified.iter().enumerate() {
            let so = union(m.old.iter().map(|i| words_old[i].clone()));
            let sn = union(m.new.iter().map(|j| words_new[j].clone()));
            let base = dice(&so, &sn);
            for (side, group, free, words, other) in [
                (Side::New, &m.new, &free_new, &words_new, &so),
                (Side::Old, &m.old, &free_old, &words_old, &sn),
            ] {
                if group.len() >= MAX_PIECES {
                    continue;
                }
                let (first, last) = (group[0], group[group.len() - 1]);
                let claims = match side {
                    Side::New => new,
                    Side::Old => old,
                };
                // A headline is a sentence of its own: it neither joins a
                // body sentence nor takes one in.
                let headline = |x: usize| claims[x].part == Part::Headline;
                for piece in [first.checked_sub(1), Some(last + 1)].into_iter().flatten() {
                    if !free.contains(&piece) || headline(piece) != headline(first) {
                        continue;
                    }
                    let wp = &words[&piece];
                    if wp.is_empty()
                        || (intersection(wp, other) as f64 / wp.len() as f64) < MIN_PIECE_CONTAINED
                    {
                        continue;
                    }
                    let mine = match side {
                        Side::New => &sn,
                        Side::Old => &so,
                    };
                    let grown = union([mine.clone(), wp.clone()].into_iter());
                    let gain = dice(other, &grown) - base;
                    if gain >= MIN_GAIN {
                        cands.push(Candidate {
                            gain,
                            pair: k,
                            side,
                            piece,
                        });
                    }
                }
            }
        }
        if cands.is_empty() {
            break;
        }
        let id = |c: &Candidate| match c.side {
            Side::Old => old[c.piece].id.as_str(),
            Side::New => new[c.piece].id.as_str(),
        };
        cands.sort_by(|a, b| b.gain.total_cmp(&a.gain).then_with(|| id(a).cmp(id(b))));
        let mut grown_pairs = HashSet::new();
        for c in cands {
            let (free, group) = match c.side {
                Side::Old => (&mut free_old, &mut al.modified[c.pair].old),
                Side::New => (&mut free_new, &mut al.modified[c.pair].new),
            };
            // One piece per pair per round: the gains were measured on the
            // pair as it was.
            if !free.contains(&c.piece) || !grown_pairs.insert(c.pair) {
                continue;
            }
            free.remove(&c.piece);
            group.push(c.piece);
            group.sort_unstable();
        }
    }
    for m in &mut al.modified {
        let so = union(m.old.iter().map(|i| words_old[i].clone()));
        let sn = union(m.new.iter().map(|j| words_new[j].clone()));
        if m.old.len() > 1 || m.new.len() > 1 {
            m.similarity = dice(&so, &sn);
        }
    }
    al.removed.retain(|i| free_old.contains(i));
    al.added.retain(|j| free_new.contains(j));
}

/// The kind that says more: quote, then attributed, numeric, statement.
fn stronger(a: ClaimKind, b: ClaimKind) -> ClaimKind {
    let rank = |k: ClaimKind| match k {
        ClaimKind::Quote => 3,
        ClaimKind::Attributed => 2,
        ClaimKind::Numeric => 1,
        ClaimKind::Statement => 0,
    };
    if rank(b) > rank(a) { b } else { a }
}

/// One claim standing for several consecutive ones (a split or merged
/// sentence): texts joined, the first claim's id and position, numbers and
/// entities of all, the first speaker found.
pub fn join_claims(claims: &[&Claim]) -> Option<Claim> {
    let (first, rest) = claims.split_first()?;
    let mut c = (*first).clone();
    for o in rest {
        c.text.push(' ');
        c.text.push_str(&o.text);
        c.quote = match (c.quote.take(), &o.quote) {
            (Some(a), Some(b)) => Some(format!("{a} {b}")),
            (a, b) => a.or_else(|| b.clone()),
        };
        if c.speaker.is_none() {
            c.speaker = o.speaker.clone();
        }
        c.numbers.extend(o.numbers.iter().cloned());
        for e in &o.entities {
            if !c.entities.contains(e) {
                c.entities.push(e.clone());
            }
        }
        c.negated |= o.negated;
        c.hedged |= o.hedged;
        c.kind = stronger(c.kind, o.kind);
    }
    Some(c)
}

#[cfg(test)]
mod tests {
    use crate::diff::align::align;
    use crate::diff::tests::claim;

    #[test]
    fn split_sentence_is_one_modification() {
        let old = [claim(
            "The river flooded three villages near the border, and rescue teams evacuated hundreds of residents overnight.",
        )];
        let new = [
            claim("The river flooded three villages near the border."),
            claim("Rescue teams evacuated hundreds of residents overnight."),
        ];
        let a = align(&old, &new);
        assert_eq!(a.modified.len(), 1);
        assert_eq!(a.modified[0].new, [0, 1]);
        assert!(a.added.is_empty() && a.removed.is_empty());
        // And the other way round: two sentences merged into one.
        let a = align(&new, &old);
        assert_eq!(a.modified[0].old, [0, 1]);
        assert!(a.added.is_empty() && a.removed.is_empty());
    }

    #[test]
    fn unrelated_neighbour_stays_added() {
        let old = [claim(
            "The river flooded three villages near the border overnight.",
        )];
        let new = [
            claim("The river flooded four villages near the border overnight."),
            claim("Schools in the capital will close early for the holidays."),
        ];
        let a = align(&old, &new);
        assert_eq!(a.modified[0].new, [0]);
        assert_eq!(a.added, [1]);
    }
}
