//! Shared fuzz bodies ([`parse_extract`], [`diff`]) and the seeded loop
//! ([`run_loop`]) that drives them on stable Rust without libFuzzer.

use std::path::Path;
use std::time::{Duration, Instant};

/// Parse and extract `data` as each article format.
pub fn parse_extract(data: &[u8]) {
    for name in ["a.txt", "a.md", "a.html"] {
        let _ = claimwatch::extract_bytes(Path::new(name), data);
    }
}

/// Split `data` in two, extract both sides and diff them both ways; a text
/// diffed against itself must have no changes.
pub fn diff(data: &[u8]) {
    let cut = data.iter().position(|&b| b == 0).unwrap_or(data.len() / 2);
    let (a, b) = data.split_at(cut);
    let claims = |bytes: &[u8]| {
        claimwatch::extract_bytes(Path::new("a.txt"), bytes)
            .map(|e| e.claims)
            .unwrap_or_default()
    };
    let (old, new) = (claims(a), claims(b));
    let _ = claimwatch::diff::diff(&old, &new);
    let _ = claimwatch::diff::diff(&new, &old);
    let same = claimwatch::diff::diff(&old, &old);
    assert!(
        same.changes.is_empty(),
        "a text diffed against itself has changes"
    );
}

/// xorshift64*: small, seeded, reproducible.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces an input is built from: article syntax, quotes, numbers,
/// markup, odd bytes.
const PIECES: &[&[u8]] = &[
    b"The minister said ",
    b"\"We will act,\" said Dr. Ana Ruiz. ",
    b"\xe2\x80\x9cquoted\xe2\x80\x9d ",
    b"12 ",
    b"3.5 million ",
    b"$40bn ",
    b"on Monday ",
    b"not ",
    b"\n\n",
    b"\n",
    b"# Title\n",
    b"> ",
    b"- ",
    b"[link](http://x) ",
    b"<p>",
    b"</p>",
    b"<div>",
    b"<script>x</script>",
    b"<!-- c -->",
    b"&amp; &#x27; ",
    b"<br>",
    b"\xff\xfe",
    b"\0",
    b"\x1b[31m",
    b"Mr. ",
    b"U.S. ",
    b"(",
    b")",
    b"'",
    b"\xe2\x80\x94 ",
    b"percent ",
    b"twenty-one ",
];

/// One random input: a run of pieces with random bytes flipped.
pub fn input(rng: &mut Rng) -> Vec<u8> {
    let mut out = Vec::new();
    for _ in 0..rng.below(200) {
        out.extend_from_slice(PIECES[rng.below(PIECES.len())]);
    }
    for _ in 0..rng.below(4) {
        if !out.is_empty() {
            let i = rng.below(out.len());
            out[i] = rng.next() as u8;
        }
    }
    out
}

/// Runs `body` on seeded random inputs for `--seconds N` (default 10)
/// from `--seed S`; a panic aborts with the seed and iteration printed,
/// and the input is saved to `fuzz/artifacts/<name>/crash-<seed>-<i>`.
pub fn run_loop(name: &str, body: fn(&[u8])) {
    let args: Vec<String> = std::env::args().collect();
    let arg = |flag: &str, default: u64| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let seconds = arg("--seconds", 10);
    let seed = arg("--seed", 1);
    let mut rng = Rng::new(seed);
    let start = Instant::now();
    let mut n: u64 = 0;
    while start.elapsed() < Duration::from_secs(seconds) {
        let data = input(&mut rng);
        let ok = std::panic::catch_unwind(|| body(&data));
        if ok.is_err() {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("artifacts")
                .join(name);
            let _ = std::fs::create_dir_all(&dir);
            let file = dir.join(format!("crash-{seed}-{n}"));
            let _ = std::fs::write(&file, &data);
            eprintln!(
                "{name}: crash at seed {seed} iteration {n}; input in {}",
                file.display()
            );
            std::process::exit(1);
        }
        n += 1;
    }
    println!("{name}: {n} inputs in {seconds} s from seed {seed}, no crash");
}
