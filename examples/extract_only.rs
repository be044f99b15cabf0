//! Extract-only throughput, the ceiling `claimwatch scan` is measured
//! against (scripts/bench): reads every file under a folder and extracts
//! its claims on N threads (default 2), with no store, hashing or event
//! work, and prints `articles seconds articles_per_second`.
//!
//!   extract_only DIR [THREADS]

// The same allocator as the `claimwatch` binary: the ratio compares the
// same extraction code under the same allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

fn files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let t = entry.file_type()?;
        if t.is_dir() {
            files(&entry.path(), out)?;
        } else if t.is_file() {
            out.push(entry.path());
        }
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().ok_or("usage: extract_only DIR [THREADS]")?);
    let threads: usize = args.next().map_or(Ok(2), |t| t.parse())?;
    let mut all = Vec::new();
    files(&dir, &mut all).map_err(|e| format!("{}: {e}", dir.display()))?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    let t0 = Instant::now();
    let claims: usize = pool.install(|| {
        all.par_iter()
            .map(|p| {
                std::fs::read(p)
                    .ok()
                    .and_then(|b| claimwatch::extract_bytes(p, &b).ok())
                    .map_or(0, |ex| ex.claims.len())
            })
            .sum()
    });
    let s = t0.elapsed().as_secs_f64();
    println!("{} {s:.3} {:.0}", all.len(), all.len() as f64 / s);
    eprintln!("{claims} claims");
    Ok(())
}
