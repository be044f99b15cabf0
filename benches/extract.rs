//! Throughput of the whole extraction (`claimwatch::extract_bytes`: parse
//! plus claims) over a representative news article, single-threaded, with
//! the two halves measured apart to show where the time goes.

use std::hint::black_box;
use std::path::Path;

use claimwatch::article::{self, Format};
use claimwatch::claims;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

// The same allocator as the `claimwatch` binary, so the figures are the daemon's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ARTICLE: &[u8] = include_bytes!("data/port-strike.txt");

fn extract(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(ARTICLE.len() as u64));
    let path = Path::new("port-strike.txt");
    group.bench_function("port-strike", |b| {
        b.iter(|| claimwatch::extract_bytes(black_box(path), black_box(ARTICLE)))
    });
    group.bench_function("parse-only", |b| {
        b.iter(|| article::parse(black_box(ARTICLE), Format::Text))
    });
    let parsed = match article::parse(ARTICLE, Format::Text) {
        Ok(p) => p,
        Err(e) => panic!("sample article does not parse: {e}"),
    };
    group.bench_function("claims-only", |b| {
        b.iter(|| claims::extract(black_box(&parsed.article)))
    });
    group.finish();
}

criterion_group!(benches, extract);
criterion_main!(benches);
