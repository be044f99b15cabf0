//! Properties of the whole diff on generated articles: a self-diff is
//! empty, moved or re-cut sentences are no change, added one way is removed
//! the other way, and nothing panics on any text.

use proptest::prelude::*;

use super::tests::{CUES, claim, num};
use super::*;

const VOCAB: &[&str] = &[
    "the",
    "council",
    "said",
    "river",
    "bridge",
    "not",
    "may",
    "two",
    "three",
    "Friday",
    "minister",
    "talks",
    "agreement",
    "\"we",
    "will\"",
    "closed",
    "opened",
    "north",
    "harbour",
    "12",
    "15",
    "percent",
    "largest",
    "town",
    "police",
    "reported",
    "never",
    "officials",
    "in",
    "of",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(VOCAB), 2..12).prop_map(|w| w.join(" ") + ".")
}

fn article() -> impl Strategy<Value = Vec<Claim>> {
    prop::collection::vec(sentence(), 0..25).prop_map(|v| v.iter().map(|s| claim(s)).collect())
}

fn ids(cs: impl Iterator<Item = Option<Claim>>) -> Vec<String> {
    let mut v: Vec<String> = cs.flatten().map(|c| c.id).collect();
    v.sort();
    v
}

proptest! {
    #[test]
    fn self_diff_is_empty(a in article()) {
        let d = diff_with(&a, &a, &CUES);
        prop_assert!(d.is_empty());
        prop_assert_eq!(d.summary.unchanged, a.len());
    }

    #[test]
    fn moving_claims_is_not_a_change(a in article(), seed in any::<u64>()) {
        let mut b = a.clone();
        // Deterministic shuffle from the seed; line numbers change too.
        let mut s = seed | 1;
        for i in (1..b.len()).rev() {
            s ^= s << 13; s ^= s >> 7; s ^= s << 17;
            b.swap(i, (s % (i as u64 + 1)) as usize);
        }
        for (k, c) in b.iter_mut().enumerate() { c.line = k + 100; c.paragraph = k; }
        prop_assert!(diff_with(&a, &b, &CUES).is_empty());
    }

    #[test]
    fn cutting_sentences_differently_is_not_a_change(a in article(), cuts in prop::collection::vec(any::<bool>(), 25)) {
        // Join each claim to the next where the cut says so (at most four
        // in a row), as a re-wrap read differently by the splitter would.
        // Distinct sentences: a passage of repeats has no single reading.
        let mut seen = std::collections::HashSet::new();
        let a: Vec<Claim> = a.into_iter().filter(|c| seen.insert(c.id.clone())).collect();
        let mut b: Vec<Claim> = Vec::new();
        let (mut join_next, mut run) = (false, 0);
        for (k, c) in a.iter().enumerate() {
            match b.last_mut() {
                Some(last) if join_next && run < 4 => {
                    *last = claim(&format!("{} {}", last.text, c.text));
                    run += 1;
                }
                _ => {
                    b.push(c.clone());
                    run = 1;
                }
            }
            join_next = cuts[k];
        }
        let d = diff_with(&a, &b, &CUES);
        prop_assert!(d.is_empty(), "{:#?}", d);
    }

    #[test]
    fn added_one_way_is_removed_the_other(a in article(), b in article()) {
        let ab = diff_with(&a, &b, &CUES);
        let ba = diff_with(&b, &a, &CUES);
        let added = ids(ab.changes.iter().filter(|c| c.op == Op::Added).map(|c| c.after.clone()));
        let removed = ids(ba.changes.iter().filter(|c| c.op == Op::Removed).map(|c| c.before.clone()));
        prop_assert_eq!(added, removed);
        prop_assert_eq!(ab.summary.modified, ba.summary.modified);
        prop_assert_eq!(ab.summary.unchanged, ba.summary.unchanged);
    }

    #[test]
    fn never_panics_on_any_text(
        a in prop::collection::vec((".{0,80}", proptest::option::of(".{0,20}")), 0..8),
        b in prop::collection::vec((".{0,80}", proptest::option::of(".{0,20}")), 0..8),
    ) {
        let mk = |v: &Vec<(String, Option<String>)>| -> Vec<Claim> {
            v.iter().map(|(t, s)| {
                let mut c = claim(t);
                c.speaker = s.clone();
                c.quote = s.clone();
                c.entities = s.iter().cloned().collect();
                c.numbers = vec![num(t, t.len() as f64, "")];
                c
            }).collect()
        };
        let d = diff(&mk(&a), &mk(&b));
        let _ = text::render("a", "b", &d, crate::render::Style { color: false });
        // A split or merged sentence is one modification of several claims.
        prop_assert!(d.summary.added + d.summary.modified + d.summary.unchanged <= b.len());
        prop_assert!(d.summary.removed + d.summary.modified + d.summary.unchanged <= a.len());
    }
}
