//! Furniture written as sentences: author contact and bio lines ("Jane
//! Roe may be reached at …", "Sam Poe contributed reporting"), follow and
//! share invitations, subscription notices, affiliate and copyright
//! disclaimers, and truncated teaser headlines ("… hopes ...").

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
    "\u{00A9}",
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

/// [`PHRASES`] as one automaton: a block is read once, not once per
/// phrase (53 substring searches per short paragraph were an eighth of
/// extraction's instructions).
static PHRASE_FINDER: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        // The crate's choice for 53 phrases is a DFA: ~4 M instructions to
        // build, once per process, and ~0.1 M fewer per article than a
        // contiguous NFA (built in 0.9 M), which pays off from about the
        // 30th article of a scan.
        aho_corasick::AhoCorasick::new(PHRASES).expect("the promo phrases build an automaton")
    });

/// True when a block (lower-cased, `words` long) is a contact, bio,
/// promo or disclaimer line, or a truncated teaser.
pub(super) fn is_promo(lower: &str, words: usize) -> bool {
    if words <= PHRASE_MAX_WORDS && PHRASE_FINDER.is_match(lower) {
        return true;
    }
    is_teaser(lower, words)
}

/// A teaser headline cut short: "For city, setbacks temper hopes ...".
/// The space before the ellipsis marks the cut; prose trails off without
/// one ("and then...").
fn is_teaser(lower: &str, words: usize) -> bool {
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
        ] {
            assert!(!promo(l), "{l}");
        }
    }
}
