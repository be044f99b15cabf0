//! Builds extraction's lazy tables when the daemon starts ([`warm_up`]).
//!
//! Why: the first article a process extracts pays for building the
//! sentence segmenter's regular expressions, the promo phrases' automaton
//! and the other lazily made tables (about 13 M instructions, 4-5 ms),
//! and the engine thread's zstd contexts are made on first use too. After
//! a start-up scan that found nothing new, that was the first edit's
//! cost. Done here, on the engine thread (which reads a lone edited file
//! itself), it is part of the start instead. Nothing is stored or logged.
//!
//! A first try ran it on every rayon worker and was dropped for the
//! daemon's RSS (58-62 MB at 2,000 files against 60); since the debounce
//! no longer keeps a file-id cache the daemon holds ~35 MB there.

use std::path::Path;

use crate::store::{Packed, decode_claims};

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

/// Extracts, packs and unpacks the samples once on this thread.
pub(super) fn warm_up() {
    for (name, text) in SAMPLES {
        if let Ok(ex) = crate::extract_bytes(Path::new(name), text.as_bytes()) {
            let packed = Packed::claims(&ex.claims);
            if let Packed::Zstd(z) = &packed {
                let _ = decode_claims(rusqlite::types::ValueRef::Blob(z));
            }
        }
    }
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
