//! Sentences assembled from the phrases the speaker scans read: random
//! characters rarely build an opening clause, a "that she said" or a
//! subject after a comma, so these do (a backwards word range in
//! `pronoun_antecedent` once panicked on "While it is true that she said
//! …, the mayor …").

use proptest::prelude::*;

use super::*;

/// Openers, subjects with their appositives, pronouns, cues and
/// contractions.
const ATTRIBUTION_PHRASES: &[&str] = &[
    "While it is true",
    "Although",
    "Along with her husband,",
    "Preceded by Joe Lee,",
    "After the vote,",
    "And while",
    "If",
    "the mayor",
    "The Christian speaker",
    "Ann Lowe,",
    "Ben Park",
    "she",
    "he",
    "they",
    "a retired banker,",
    "the harbor master and critic,",
    "Voters who'd seen it",
    "A third of riders, 33%,",
    "majorities in all five",
    "Immigration",
    "English comedian and actor Peter Lowe",
    "that",
    "that she said",
    "that he believes",
    "said",
    "agrees",
    "say",
    "told police",
    "is true",
    ",",
    "-",
    "\"the pier is old,\"",
    "who've",
    "called it",
    "the pier was old.",
    "a Dover native who writes",
    "a close ally said,",
    "(repeated to me)",
    "By the time",
    "for how",
    "barked.",
    "The chief pollster",
    "Lowe's recent top adviser",
    "lobbyist and strategist",
    "states'",
    "repeated",
    "- Pew Research:",
    "-More from Lowe and Marsh:",
    "One pastor backing Mr. Lowe,",
    "Tom Reed of Grace Church,",
    "interviewed at rallies",
    "it lists the repairs, and it says",
    "\"would lose,\" the source recalled,",
    "\"liberals\" said they would",
    "released a statement Tuesday saying",
    "who'd rather work on a plan for Lowe or Ben Park",
    "(It was late.)",
    "photos from his most recent",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn extract_never_panics_on_sentences_of_attribution_phrases(
        parts in proptest::collection::vec(proptest::sample::select(ATTRIBUTION_PHRASES), 2..12),
    ) {
        let text = parts.join(" ");
        let lead = "Ada Lowe and Ben Park spoke on Monday.";
        let c = claims(&[lead, &text]);
        prop_assert_eq!(c, claims(&[lead, &text]));
    }
}
