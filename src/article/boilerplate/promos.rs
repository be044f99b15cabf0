//! Furniture written as sentences: author contact and bio lines ("Jane
//! Roe may be reached at …", "Sam Poe contributed reporting"), follow and
//! share invitations, subscription notices, affiliate and copyright
//! disclaimers, and truncated teaser headlines ("… hopes ...").

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, OnceLock};

/// Phrases that make a short block (at most [`PHRASE_MAX_WORDS`] words) a
/// contact, credit, promo or disclaimer line wherever they stand in it.
const PHRASES: &[&str] = &[
    "may be reached at",
    "can be reached at",
    "can be contacted at",
    "may be contacted at",
    "is reachable at",
    "reach him at",
    "reach her at",
    "reach them at",
    "email him at",
    "email her at",
    "contributed reporting",
    "contributed to this report",
    "contributed to this story",
    "contributed to this article",
    "follow him on",
    "follow her on",
    "follow them on",
    "follow me on",
    "follow us on",
    "follow him at",
    "follow her at",
    "let us know at",
    "contact us at",
    "affiliate link",
    "affiliate commission",
    "may earn a commission",
    "may receive a commission",
    "earn a small commission",
    "see my disclosure",
    "see our disclosure",
    "disclosure policy",
    "sharing is caring",
    "successfully subscribed",
    "problem subscribing",
    "thanks for subscribing",
    "thank you for subscribing",
    "all rights reserved",
    "subject to copyright",
    "may be reproduced without",
    "for information purposes only",
    "requires javascript",
    "enable javascript",
    "if you enjoyed this article",
    "no paywalls",
    "support our journalism",
    "become a member",
    "become a subscriber",
    "subscribe today",
    "issues for \u{00A3}",
    "delivered through your letterbox",
    "delivered to your door",
];

const PHRASE_MAX_WORDS: usize = 40;

/// [`PHRASES`] found in one pass over a block, not one search per phrase
/// (53 substring searches per short paragraph were an eighth of
/// extraction's instructions). Two searchers: the crate's default for 53
/// phrases is a DFA, the fastest per block but ~4 M instructions to build
/// (a quarter of a one-shot `claimwatch diff`); a packed (SIMD) searcher
/// builds in a few thousand and costs ~35,000 more per article. A process
/// starts on the packed one and builds the DFA once it has asked
/// [`DFA_AFTER`] times: one-shot commands on an article or two never pay
/// for the DFA, a scan or the daemon soon runs on it.
static FIRST_FINDER: LazyLock<Finder> = LazyLock::new(|| {
    match aho_corasick::packed::Config::new()
        .builder()
        .extend(PHRASES)
        .build()
    {
        Some(packed) => Finder::Packed(packed),
        // No SIMD on this CPU: the DFA from the start.
        None => Finder::Automaton(dfa()),
    }
});

static DFA: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();

/// Look-ups before the DFA is built (a long article has ~100 short blocks).
const DFA_AFTER: usize = 200;

static LOOKUPS: AtomicUsize = AtomicUsize::new(0);

fn dfa() -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::new(PHRASES).expect("the promo phrases build an automaton")
}

enum Finder {
    Packed(aho_corasick::packed::Searcher),
    Automaton(aho_corasick::AhoCorasick),
}

/// Whether `lower` holds one of [`PHRASES`].
fn has_phrase(lower: &str) -> bool {
    if let Some(dfa) = DFA.get() {
        return dfa.is_match(lower);
    }
    if LOOKUPS.fetch_add(1, Ordering::Relaxed) >= DFA_AFTER {
        return DFA.get_or_init(dfa).is_match(lower);
    }
    match &*FIRST_FINDER {
        Finder::Packed(s) => s.find(lower).is_some(),
        Finder::Automaton(a) => a.is_match(lower),
    }
}

/// True when a block (lower-cased, `words` long) is a contact, bio,
/// promo or disclaimer line, or a truncated teaser.
pub(super) fn is_promo(lower: &str, words: usize) -> bool {
    if words <= PHRASE_MAX_WORDS && (has_phrase(lower) || copyright_sign(lower)) {
        return true;
    }
    is_teaser(lower, words)
}

/// A copyright sign standing as a symbol ("© 2026 Herald", "(c) …" is
/// prose): one glued to a letter is the tail of a mis-decoded "é"
/// ("cliché" read as Latin-1 is "clichÃ©").
fn copyright_sign(lower: &str) -> bool {
    lower.match_indices('\u{00A9}').any(|(i, _)| {
        // A combining accent counts as part of its letter ("A\u{303}").
        !lower[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphabetic() || ('\u{300}'..='\u{36F}').contains(&c))
    })
}

/// Whether a block (as written) may be a teaser: it ends in an ellipsis.
pub(super) fn may_be_teaser(block: &str) -> bool {
    block.ends_with("...") || block.ends_with('\u{2026}')
}

/// A teaser headline cut short: "For city, setbacks temper hopes ...".
/// The space before the ellipsis marks the cut; prose trails off without
/// one ("and then...").
pub(super) fn is_teaser(lower: &str, words: usize) -> bool {
    words <= 25 && (lower.ends_with(" ...") || lower.ends_with(" \u{2026}"))
}

#[cfg(test)]
mod tests {
    use super::is_promo;

    fn promo(l: &str) -> bool {
        let lower = l.to_lowercase();
        is_promo(&lower, lower.split_whitespace().count())
    }

    #[test]
    fn contact_bio_promo_and_disclaimer_lines() {
        for l in [
            "Jane Roe may be reached at jroe@example.com or 555-0100.",
            "Sam Poe contributed reporting from Lyon.",
            "Ada Fox contributed to this report.",
            "Follow him on Twitter @someone.",
            "Follow us on social media for more stories.",
            "This post may contain affiliate links.",
            "We may earn a commission when you buy through links on our site.",
            "Please see my disclosure page.",
            "Sharing is caring!",
            "You have been successfully subscribed!",
            "There was a problem subscribing you to the newsletter.",
            "The contents of this site are \u{00A9}2024 Example Media Inc.",
            "For city, recent setbacks temper long-term hopes ...",
            "This document is subject to copyright.",
            "This slideshow requires JavaScript.",
            "If you enjoyed this article, join our members' club.",
        ] {
            assert!(promo(l), "{l}");
        }
        for l in [
            "The mayor said the firm had contributed to the fund.",
            "Rescuers reached the village at dawn.",
            "Officials said they would follow the plan.",
            "He paused and then...",
            "The minister said the commission would report in May.",
            // A mis-decoded "é" ends in the copyright sign.
            "It is a clich\u{00C3}\u{00A9} that the race is tight.",
            "It is a clichA\u{0303}\u{00A9} that the race is tight.",
        ] {
            assert!(!promo(l), "{l}");
        }
    }
}
