//! Benchmarks reading one 200-item RSS feed version and deciding which
//! items changed against the previous version's item hashes, when nothing
//! changed (the common case for a scraped feed saved every few minutes).
//! Target: <= 10 ms. The feed is generated here from word lists.

use std::hint::black_box;

use claimwatch::feed::{self, plan};
use criterion::{Criterion, criterion_group, criterion_main};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SUBJECTS: &[&str] = &[
    "The harbour authority",
    "The regional council",
    "The water utility",
    "The transport agency",
    "The school board",
    "The hospital trust",
];
const VERBS: &[&str] = &["approved", "postponed", "reviewed", "rejected", "funded"];
const OBJECTS: &[&str] = &[
    "a plan for the northern district",
    "new rules for night traffic",
    "the budget for repairs",
    "a study of coastal erosion",
];

fn sentence(i: usize) -> String {
    format!(
        "{} {} {} after {} residents wrote in.",
        SUBJECTS[i % SUBJECTS.len()],
        VERBS[(i / 3) % VERBS.len()],
        OBJECTS[(i / 7) % OBJECTS.len()],
        100 + i * 13
    )
}

/// An RSS 2.0 feed of `n` items, each with a summary and a few paragraphs
/// of HTML content (about the size of a news feed's items).
fn feed_text(n: usize) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" \
         xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Bench Gazette</title>\n",
    );
    for i in 0..n {
        let body: String = (0..6)
            .map(|k| format!("<p>{} {}</p>", sentence(i + k), sentence(i + k + 1)))
            .collect();
        s.push_str(&format!(
            "<item><title>{} {}</title><link>https://bench.example/{i}</link>\
             <guid isPermaLink=\"false\">item-{i}</guid><description>{}</description>\
             <content:encoded><![CDATA[{body}]]></content:encoded>\
             <dc:creator>Staff writer {}</dc:creator>\
             <pubDate>Tue, 01 Dec 2026 08:00:00 +0000</pubDate></item>\n",
            SUBJECTS[i % SUBJECTS.len()],
            VERBS[i % VERBS.len()],
            sentence(i),
            i % 17
        ));
    }
    s.push_str("</channel></rss>\n");
    s
}

fn bench(c: &mut Criterion) {
    let text = feed_text(200);
    let previous = feed::parse(text.as_bytes()).expect("bench feed parses");
    assert_eq!(previous.items.len(), 200);
    let (hashes, order) = plan::hashes(&previous);
    c.bench_function("feed_200_items_unchanged", |b| {
        b.iter(|| {
            let feed = feed::parse(black_box(text.as_bytes())).expect("parses");
            let p = plan::plan(&hashes, &order, &feed);
            assert_eq!(p.unchanged.len(), 200);
            black_box(p)
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
