//! Benchmarks `claimwatch report` on one article with a 1,000-revision
//! history (about 30 claims; each revision changes a number, rewords,
//! removes, restores or flip-flops a claim), recorded by `scan` as the
//! daemon records it: reading the revisions from the store, building the
//! lineages and writing the page and the index. Must stay under 2 s.

use std::hint::black_box;
use std::path::Path;

use claimwatch::config::Config;
use claimwatch::daemon;
use claimwatch::report::{Options, Rendered, generate};
use claimwatch::store::Store;
use criterion::{Criterion, criterion_group, criterion_main};

// The same allocator as the `claimwatch` binary, so the figures are the daemon's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const REVISIONS: usize = 1000;
const PLACES: &[&str] = &[
    "northern pier",
    "old bridge",
    "river school",
    "market hall",
    "ferry ramp",
    "coastal road",
    "water plant",
    "west clinic",
    "harbour wall",
    "bus depot",
];

/// The article at revision `r`: deterministic edits, with numbers that go
/// back and forth, paragraphs that vanish and return.
fn article(r: usize) -> String {
    let mut t = String::from("Storm Damage Survey Finds Wider Harm\n\n");
    for (i, place) in PLACES.iter().enumerate() {
        // Every third paragraph is absent for a stretch of revisions.
        if i % 3 == 1 && (r / 7 + i).is_multiple_of(5) {
            continue;
        }
        let n = 10 + i * 3 + (r / (i + 1)) % 4;
        let _ = std::fmt::Write::write_fmt(
            &mut t,
            format_args!(
                "Inspectors said {n} sections of the {place} were damaged by the storm.\n\n\
                 Repairs to the {place} are expected to cost {} million dollars, the council said.\n\n\
                 \"We {} reopen the {place} before spring,\" said engineer Ada Lind.\n\n",
                2 + (r + i) % 3,
                if (r + i).is_multiple_of(4) {
                    "will not"
                } else {
                    "hope to"
                },
            ),
        );
    }
    t
}

/// Records the history the way the daemon does: one `scan` per revision
/// of the file (so events and stored claims are the real ones).
fn build_store(dir: &Path) -> Store {
    let root = dir.join("articles");
    std::fs::create_dir_all(&root).expect("root");
    let mut cfg = Config::default();
    cfg.state.dir = dir.join("state");
    cfg.watch.roots = vec![root.clone()];
    for r in 1..=REVISIONS {
        std::fs::write(root.join("survey.txt"), article(r)).expect("write");
        let st = daemon::scan(&cfg).expect("scan");
        assert_eq!(st.stats.errors, 0);
    }
    daemon::open_store(&cfg, false).expect("store")
}

fn bench(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("tmp");
    let store = build_store(tmp.path());
    let opts = Options {
        out: tmp.path().join("report"),
        ..Options::default()
    };
    let mut g = c.benchmark_group("report");
    g.sample_size(10);
    g.bench_function("1000_revisions", |b| {
        b.iter(|| {
            // A fresh `Rendered` each time: the page is really rewritten.
            let st = generate(&store, &opts, &mut Rendered::default()).expect("report");
            black_box(st)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
