//! Link the `claimwatch` binary as a position-dependent executable.
//!
//! Why: a PIE binary of this size carries ~52,000 relative relocations
//! that the dynamic loader applies at every start, copying ~240 pages of
//! `.data.rel.ro` on write; that was most of the ~4 ms of CPU each
//! one-shot command (`claimwatch extract FILE`, run per file by scripts)
//! paid before `main`. Shared libraries, heap, stack and mmap stay
//! randomised; only the binary's own image is at a fixed address.
//! Only binaries get the flag: the library and tests link as before.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
