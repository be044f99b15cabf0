//! Extracts one article N times in a loop, for instruction counts that do
//! not depend on the machine's load (docs/PERFORMANCE.md):
//!
//!   valgrind --tool=callgrind target/release/examples/extract_loop N [FILE]
//!
//! The count for N=11 minus the count for N=1, over 10, is the cost of one
//! extraction with the one-time start-up (regex building, tables) left out.

// The same allocator as the `claimwatch` binary.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().ok_or("usage: extract_loop N [FILE]")?.parse()?;
    let file = args
        .next()
        .unwrap_or_else(|| "benches/data/port-strike.txt".into());
    let bytes = std::fs::read(&file).map_err(|e| format!("{file}: {e}"))?;
    let path = std::path::Path::new(&file);
    for _ in 0..n {
        std::hint::black_box(claimwatch::extract_bytes(path, &bytes)?);
    }
    Ok(())
}
