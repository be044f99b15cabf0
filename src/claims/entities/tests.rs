//! Unit tests for entity spans, on sentences written for the purpose.

use super::extract_entities;

fn ents(s: &str) -> Vec<String> {
    extract_entities(s)
}

#[test]
fn multi_word_names_and_abbreviations() {
    assert_eq!(
        ents("Officials in New York and the U.S. Senate met Maria Lopez."),
        ["New York", "U.S. Senate", "Maria Lopez"]
    );
    assert_eq!(
        ents("He reads the New York Times daily."),
        ["New York Times"]
    );
    assert_eq!(ents("The Bank of England held rates."), ["Bank of England"]);
    assert_eq!(
        ents("She met Ursula von der Leyen."),
        ["Ursula von der Leyen"]
    );
    assert_eq!(ents("They flew to St. Petersburg."), ["St. Petersburg"]);
}

#[test]
fn titles_are_stripped() {
    assert_eq!(
        ents("Deputy Foreign Minister Olga Petrova spoke."),
        ["Olga Petrova"]
    );
    assert_eq!(ents("Later, President Jane Doe left."), ["Jane Doe"]);
    assert_eq!(
        ents("It came from Secretary of State Tom Baker."),
        ["Tom Baker"]
    );
    assert_eq!(
        ents("He called U.S. President Jane Doe."),
        ["U.S.", "Jane Doe"]
    );
    assert_eq!(
        ents("Greek Prime Minister Nikos Pappas said so."),
        ["Nikos Pappas"]
    );
    assert_eq!(ents("Mr. Smith and Dr. Jones agreed."), ["Smith", "Jones"]);
    assert!(ents("The Prime Minister said so.").is_empty());
}

#[test]
fn organisations_keep_their_titles() {
    assert_eq!(
        ents("The Foreign Ministry denied it."),
        ["Foreign Ministry"]
    );
    assert_eq!(
        ents("A Justice Department lawyer spoke."),
        ["Justice Department"]
    );
}

#[test]
fn possessives_are_stripped_and_end_spans() {
    assert_eq!(
        ents("Norway's Foreign Ministry agreed."),
        ["Norway", "Foreign Ministry"]
    );
    assert_eq!(ents("It was in Reuters' report."), ["Reuters"]);
    assert_eq!(ents("Chile\u{2019}s army moved."), ["Chile"]);
}

#[test]
fn sentence_initial_ordinary_words_are_excluded() {
    assert_eq!(ents("The talks in Geneva failed."), ["Geneva"]);
    assert_eq!(ents("However, Brazil refused."), ["Brazil"]);
    assert_eq!(ents("While Peru agreed, Chile did not."), ["Peru", "Chile"]);
    assert!(ents("Last week the talks stalled.").is_empty());
    assert!(ents("Separately, officials met.").is_empty());
    assert_eq!(ents("He said: \"We will not go to Oslo.\""), ["Oslo"]);
    assert_eq!(ents("Canada rejected it."), ["Canada"]);
    assert!(ents("Six people left.").is_empty());
    // Quantity words open sentences too: "Half the staff" names no one.
    assert!(ents("Half the staff quit.").is_empty());
    assert!(ents("Dozens of flights were canceled.").is_empty());
    assert_eq!(ents("Thousands marched in Lisbon."), ["Lisbon"]);
    assert_eq!(ents("He said ''But Lima is far.''"), ["Lima"]);
    assert_eq!(
        ents("Reviewing the Treaty of the Seas."),
        ["Treaty of the Seas"]
    );
}

#[test]
fn months_and_weekdays_are_not_entities() {
    assert_eq!(ents("On Monday, Kenya voted in March."), ["Kenya"]);
    assert_eq!(ents("The deal of Feb. 24 holds in Iceland."), ["Iceland"]);
    assert_eq!(ents("Theresa May spoke in May."), ["Theresa May"]);
    assert_eq!(ents("It opened at 9 AM in Lima."), ["Lima"]);
}

#[test]
fn hyphenated_and_mixed_tokens() {
    assert_eq!(ents("The Kremlin-backed group met."), ["Kremlin"]);
    assert_eq!(ents("The G7 met about COVID-19."), ["G7", "COVID-19"]);
    assert_eq!(
        ents("A Saudi-led group met Lee Ji-won."),
        ["Saudi", "Lee Ji-won"]
    );
}

#[test]
fn order_without_duplicates() {
    assert_eq!(
        ents("Peru told Chile that Peru and Chile would talk."),
        ["Peru", "Chile"]
    );
}

#[test]
fn ascii_tokens_match_the_general_tokenizer() {
    use super::{tokenize_ascii, tokenize_general};
    for s in [
        "Officials in the U.S. Senate met Mr. Smith's aide, Reuters' man.",
        "'Quoted' words: \"Yes\" (maybe) - al-Assad; F. Kennedy; A.B.C. test",
        "It's 5 p.m. at the St. James club -- said Gen. Lee's son.",
        "",
        "  ' s's 's x- -y U.S",
    ] {
        assert_eq!(
            tokenize_ascii(s, &s.to_ascii_lowercase()),
            tokenize_general(s),
            "{s}"
        );
    }
}

mod props {
    use super::super::{extract_entities, tokenize_ascii, tokenize_general};
    use proptest::prelude::*;

    proptest! {
        /// The ASCII tokenizer is the general one without decoding.
        #[test]
        fn ascii_tokenizer_agrees(s in "([A-Z]\\.|Mr\\.|St|al-|'s|s'|[A-Za-z0-9]{1,4}|[ .,'\":;()\\[\t-]){0,30}") {
            prop_assert_eq!(tokenize_ascii(&s, &s.to_ascii_lowercase()), tokenize_general(&s));
        }

        #[test]
        fn never_panics_and_is_deterministic(s in "\\PC{0,80}") {
            prop_assert_eq!(extract_entities(&s), extract_entities(&s));
        }

        #[test]
        fn entities_are_substrings(s in "[A-Za-z.' \u{2019}-]{0,60}") {
            for e in extract_entities(&s) {
                prop_assert!(s.contains(&e), "{:?} not in {:?}", e, s);
            }
        }
    }
}

#[test]
fn an_opening_compound_adjective_is_no_name() {
    // Capitalised only by its place at the head of the sentence.
    assert_eq!(
        ents("High-speed ferries collide near Port Ellis"),
        ["Port Ellis"]
    );
    assert_eq!(ents("Long-term rates rose in Norway."), ["Norway"]);
    // A hyphenated name keeps its place.
    assert_eq!(ents("Anne-Marie Lund spoke first."), ["Anne-Marie Lund"]);
}

#[test]
fn temperature_scales_are_no_names() {
    assert_eq!(ents("It was 20\u{B0}C in Madrid."), ["Madrid"]);
    assert_eq!(ents("Lima hit 30 degrees Celsius."), ["Lima"]);
}

#[test]
fn a_title_case_headline_splits_names_at_its_verbs() {
    assert_eq!(
        ents("Mayor Lowe Says Pier Will Reopen"),
        ["Lowe", "Pier", "Reopen"]
    );
    // The same headline with "Won't" names the same things.
    assert_eq!(
        ents("Mayor Lowe Says Pier Won't Reopen"),
        ["Lowe", "Pier", "Reopen"]
    );
    // In running text a capitalised run stays one name.
    assert_eq!(
        ents("The Bank of England said rates would hold."),
        ["Bank of England"]
    );
}
