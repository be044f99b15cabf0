//! Fuzz target `diff`: libFuzzer with `--features libfuzzer` (cargo
//! fuzz), else a seeded loop (`cargo run --release --bin diff`).

#![cfg_attr(feature = "libfuzzer", no_main)]

#[cfg(feature = "libfuzzer")]
libfuzzer_sys::fuzz_target!(|data: &[u8]| claimwatch_fuzz::diff(data));

#[cfg(not(feature = "libfuzzer"))]
fn main() {
    claimwatch_fuzz::run_loop("diff", claimwatch_fuzz::diff);
}
