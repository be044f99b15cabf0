//! Fuzz target `parse_extract`: libFuzzer with `--features libfuzzer` (cargo
//! fuzz), else a seeded loop (`cargo run --release --bin parse_extract`).

#![cfg_attr(feature = "libfuzzer", no_main)]

#[cfg(feature = "libfuzzer")]
libfuzzer_sys::fuzz_target!(|data: &[u8]| claimwatch_fuzz::parse_extract(data));

#[cfg(not(feature = "libfuzzer"))]
fn main() {
    claimwatch_fuzz::run_loop("parse_extract", claimwatch_fuzz::parse_extract);
}
