//! Builds extraction's lazy tables when the daemon starts ([`warm_up`]).
//!
//! Why: the first article a process extracts pays for building the
//! sentence segmenter's regular expressions and the other lazily made
//! tables (about 10 M instructions, 3-5 ms), and the rayon workers and
//! their zstd contexts are made on first use too. After a start-up scan
//! that found nothing new, that was the first edit's cost: in its latency
//! and in the daemon's CPU per edit. Done here, on every worker, it is
//! part of the start instead. Nothing is stored or logged.

use std::path::Path;

use crate::store::Packed;

/// One small article per parser (plain text, Markdown, HTML), each with a
/// headline, an attributed quote, numbers and a date.
const SAMPLES: [(&str, &str); 3] = [
    (
        "warm-up.txt",
        "Ferry fares rise by 12% from Monday\n\nThe port authority said on 3 March 2026 that fares would rise by 12% on Monday, the first rise since 2019.\n\n\"We had no choice,\" said Ana Ruiz, the authority's director. Dr. Lee argued that 40,000 passengers a week could not pay $3.50 more.\n",
    ),
    (
        "warm-up.md",
        "# Council delays the bridge\n\n*By Sam Ortiz*\n\nThe council voted 7-2 on Tuesday to delay the bridge by two years, its spokesman said.\n\n> \"It is the safest choice,\" the mayor, Ines Park, told reporters.\n",
    ),
    (
        "warm-up.html",
        "<!doctype html><html><head><title>Mill closes</title><meta name=\"author\" content=\"Kim Reyes\"></head><body><article><h1>Mill closes after 80 years</h1><p>The mill will close in June, cutting 210 jobs, the owners said on Friday.</p><p>\"This is a sad day,\" said union leader Tom Hale.</p></article></body></html>",
    ),
];

/// Extracts and packs the samples once on every rayon worker (the threads
/// that extract), which also starts the pool.
pub(super) fn warm_up() {
    rayon::broadcast(|_| {
        for (name, text) in SAMPLES {
            if let Ok(ex) = crate::extract_bytes(Path::new(name), text.as_bytes()) {
                let _ = Packed::claims(&ex.claims);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    /// The samples reach the code they are meant to warm: each gives claims.
    #[test]
    fn every_sample_has_claims() {
        for (name, text) in super::SAMPLES {
            let ex =
                crate::extract_bytes(std::path::Path::new(name), text.as_bytes()).expect("extract");
            assert!(ex.claims.len() >= 2, "{name}: {:?}", ex.claims);
        }
        super::warm_up();
    }
}
