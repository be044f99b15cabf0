//! Benchmarks `diff::diff` on generated articles of 20, 200 and 2,000
//! claims with a handful of edits (number changed, quote reworded, claim
//! removed, claim added, paragraph moved). The 2,000-claim case must stay
//! well under 20 ms and grow no worse than n log n.

use std::hint::black_box;

use claimwatch::claims::{Claim, ClaimKind, NumberMention, claim_id};
use claimwatch::diff::diff;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

// The same allocator as the `claimwatch` binary, so the figures are the daemon's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SUBJECTS: &[&str] = &[
    "The harbour authority",
    "The regional council",
    "The water utility",
    "The transport agency",
    "The school board",
    "The hospital trust",
    "The fishing cooperative",
    "The energy regulator",
];
const VERBS: &[&str] = &[
    "approved",
    "postponed",
    "reviewed",
    "rejected",
    "announced",
    "funded",
    "expanded",
    "audited",
];
const OBJECTS: &[&str] = &[
    "a plan for the northern district",
    "new rules for night traffic",
    "the budget for repairs",
    "a study of coastal erosion",
    "the contract for street lighting",
    "a pilot for electric ferries",
];
const SPEAKERS: &[&str] = &["Mara Quist", "Tobias Wend", "Ilse Brandt", "Oskar Lind"];

/// A tiny deterministic generator so every run benches the same articles.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

fn claim(text: String, paragraph: usize, numbers: Vec<NumberMention>) -> Claim {
    let quote = text
        .split('"')
        .nth(1)
        .map(str::to_string)
        .filter(|_| text.starts_with('"'));
    Claim {
        id: claim_id(&text),
        kind: if quote.is_some() {
            ClaimKind::Quote
        } else {
            ClaimKind::Numeric
        },
        text,
        quote,
        speaker: None,
        sources: Vec::new(),
        numbers,
        negated: false,
        hedged: false,
        entities: Vec::new(),
        part: claimwatch::claims::Part::Body,
        paragraph,
        line: paragraph * 2,
    }
}

fn sentence(rng: &mut Lcg, k: usize) -> (String, Vec<NumberMention>) {
    let amount = 10 + rng.next(990);
    let text = if k % 5 == 4 {
        format!(
            "\"We will review {} in session {k},\" {} said.",
            OBJECTS[rng.next(OBJECTS.len())],
            SPEAKERS[rng.next(SPEAKERS.len())]
        )
    } else {
        format!(
            "{} {} {} at a cost of {amount} thousand euros in item {k}.",
            SUBJECTS[rng.next(SUBJECTS.len())],
            VERBS[rng.next(VERBS.len())],
            OBJECTS[rng.next(OBJECTS.len())]
        )
    };
    let numbers = vec![NumberMention {
        text: format!("{amount} thousand euros"),
        value: amount as f64 * 1000.0,
        unit: "eur".into(),
    }];
    (text, numbers)
}

/// An article of `n` claims in paragraphs of four, and its edited revision.
fn revisions(n: usize) -> (Vec<Claim>, Vec<Claim>) {
    let mut rng = Lcg(n as u64);
    let old: Vec<Claim> = (0..n)
        .map(|k| {
            let (t, nums) = sentence(&mut rng, k);
            claim(t, k / 4, nums)
        })
        .collect();
    let mut new = old.clone();
    // Number changed.
    let i = n / 3;
    let text = new[i].text.replacen(" thousand", "1 thousand", 1);
    new[i] = claim(text, new[i].paragraph, Vec::new());
    // Quote reworded.
    if let Some(q) = (0..n).rev().find(|&k| new[k].quote.is_some()) {
        let text = new[q]
            .text
            .replacen("We will review", "We intend to study", 1);
        new[q] = claim(text, new[q].paragraph, Vec::new());
    }
    // Removed and added.
    new.remove(n / 2);
    let added = claim(
        "Fog delayed the morning ferries by forty minutes.".to_string(),
        1,
        Vec::new(),
    );
    new.insert(n / 5, added);
    // Paragraph moved: the first four claims go to the end.
    let head: Vec<Claim> = new.drain(..4.min(new.len())).collect();
    new.extend(head);
    (old, new)
}

fn bench_diff(c: &mut Criterion) {
    let mut group = c.benchmark_group("diff");
    for n in [20, 200, 2000] {
        let (old, new) = revisions(n);
        // The edits must show up as edits, or the bench measures nothing.
        let s = diff(&old, &new).summary;
        assert_eq!((s.modified, s.added, s.removed), (2, 1, 1), "n={n}: {s:?}");
        group.bench_with_input(BenchmarkId::from_parameter(n), &(old, new), |b, (o, nw)| {
            b.iter(|| diff(black_box(o), black_box(nw)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_diff);
criterion_main!(benches);
