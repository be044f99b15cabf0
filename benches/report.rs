//! Benchmarks `claimwatch report` on one article with a 1,000-revision
//! history (about 30 claims; each revision changes a number, rewords,
//! removes, restores or flip-flops a claim): reading the revisions from
//! the store, building the lineages and writing the page and the index.
//! Must stay under 2 s.

use std::hint::black_box;
use std::path::Path;

use claimwatch::report::{Options, Rendered, generate};
use claimwatch::store::{NewRevision, Store};
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
        if i % 3 == 1 && (r / 7 + i) % 5 == 0 {
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
                if (r + i) % 4 == 0 {
                    "will not"
                } else {
                    "hope to"
                },
            ),
        );
    }
    t
}

fn build_store() -> Store {
    let mut store = Store::open_in_memory().expect("store");
    let mut prev: Vec<claimwatch::claims::Claim> = Vec::new();
    for r in 1..=REVISIONS {
        let text = article(r);
        let ex =
            claimwatch::extract_bytes(Path::new("survey.txt"), text.as_bytes()).expect("extract");
        let d = claimwatch::diff::diff(&prev, &ex.claims);
        let event = serde_json::json!({
            "schema": 1, "event_id": format!("ev_{r}"), "time": "2026-11-23T10:00:00.000Z",
            "path": "survey.txt", "root": "/srv", "event": if r == 1 { "created" } else { "modified" },
            "revision": r, "prev_revision": null, "hash": format!("h{r}"), "title": ex.title,
            "severity": d.severity(), "summary": d.summary, "changes": d.changes,
        });
        let claims = serde_json::to_string(&ex.claims).expect("claims json");
        store
            .commit(&NewRevision {
                root: "/srv",
                path: "survey.txt",
                revision: r as i64,
                time: &format!("2026-11-23T10:{:02}:{:02}.000Z", (r / 60) % 60, r % 60),
                hash: Some(&format!("h{r}")),
                raw: None,
                claims_json: &claims,
                title: ex.title.as_deref(),
                mtime_ns: 0,
                size: 0,
                live: true,
                event_id: &format!("ev_{r}"),
                event_kind: if r == 1 { "created" } else { "modified" },
                severity: claimwatch::sinks::event::severity_str(d.severity()),
                event_json: &event.to_string(),
                sinks: &[],
                retire_file: None,
                keep_raw: 1,
            })
            .expect("commit");
        prev = ex.claims;
    }
    store
}

fn bench(c: &mut Criterion) {
    let store = build_store();
    let out = tempfile::tempdir().expect("tmp");
    let opts = Options {
        out: out.path().to_path_buf(),
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
