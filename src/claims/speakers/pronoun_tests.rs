//! Which noun phrase a pronoun speaker stands for: a relative pronoun
//! ("…, who said", "the resolution which said") and a "they" with its
//! antecedent in the sentence; on sentences written for these tests.

use super::*;

#[test]
fn a_restrictive_relative_means_the_phrase_after_a_preposition() {
    assert_eq!(
        speaker("Support fell to 60 percent, a drop from 76 percent who said the same in May.")
            .as_deref(),
        Some("76 percent")
    );
    assert_eq!(
        speaker("The council voted 6-1 for the resolution which said the ferry must run.")
            .as_deref(),
        Some("the resolution")
    );
    assert_eq!(
        speaker("The mayor took questions from residents who said the fares were too high.")
            .as_deref(),
        Some("residents")
    );
}

#[test]
fn a_person_before_the_preposition_keeps_the_whole_phrase() {
    // The spokesman, not the governor, is the one meant.
    assert_eq!(
        speaker(
            "Lowe's remarks angered a spokesman for the governor who said the port would close."
        )
        .as_deref(),
        Some("a spokesman for the governor")
    );
    assert_eq!(
        speaker("Fares rose, according to residents of Dunmore, who said the ferry was late.")
            .as_deref(),
        Some("residents of Dunmore")
    );
}

#[test]
fn a_contracted_what_or_there_is_no_antecedent() {
    for text in [
        "What's more, they said the port would close.",
        "There's little doubt, they said, that the port will close.",
    ] {
        assert_eq!(speaker(text).as_deref(), Some("they"), "{text}");
    }
}

#[test]
fn a_contracted_who_opens_a_relative_clause() {
    // "who'd" is "who had": the clause hangs on the subject before it.
    assert_eq!(
        speaker("Voters who've seen the ads said the fares were too high.").as_deref(),
        Some("Voters")
    );
    assert_eq!(
        speaker("Ada Lowe, who'd previously endorsed the mayor, runs a bakery on the pier.")
            .as_deref(),
        Some("Ada Lowe")
    );
}

#[test]
fn an_abstract_noun_is_no_antecedent_of_he() {
    // Capitalised only by the sentence start, "Immigration" is no person;
    // "he" is someone named earlier.
    assert_eq!(
        speaker("Immigration is now an issue of dignity, he said.").as_deref(),
        Some("he")
    );
    assert_eq!(
        speaker("Fairness matters more than speed, she said.").as_deref(),
        Some("she")
    );
    // A surname keeps its "he".
    assert_eq!(
        speaker("Lowe is now a candidate for mayor, he said.").as_deref(),
        Some("Lowe")
    );
}

#[test]
fn he_after_that_means_the_described_subject_of_its_clause() {
    assert_eq!(
        speaker(
            "The retired captain shared with the crowd that she believes the pier should close."
        )
        .as_deref(),
        Some("The retired captain")
    );
    // Not a thing ("The report"), nor across a comma.
    assert_eq!(
        speaker("The footage made it so plain that he believes the pier should close.").as_deref(),
        Some("he")
    );
    assert_eq!(
        speaker("The captain left the pier, and that she believes it should close is plain.")
            .as_deref(),
        Some("she")
    );
}

#[test]
fn a_pronoun_after_that_in_an_opening_clause_does_not_panic() {
    // The main subject stands after the pronoun; reading the words
    // between them must not run backwards.
    assert_eq!(
        speaker("While it is true that she said the pier was old, the mayor closed it.").as_deref(),
        Some("she")
    );
}

#[test]
fn a_pronoun_subject_of_a_later_cue_means_the_named_subject_of_an_earlier_one() {
    assert_eq!(
        speaker("For instance, the report notes the board monitors 200 piers, it lists the repairs, and it says the work will take a year.")
            .as_deref(),
        Some("the report")
    );
    assert_eq!(
        speaker("Another reason the board is safe: while Comey talked about the leaks, he didn't mention any harm.")
            .as_deref(),
        Some("Comey")
    );
}

#[test]
fn a_pronoun_keeps_its_own_reading_when_the_earlier_subject_disagrees() {
    // Two people are no "he"; a noun read as a cue right before the
    // pronoun is no earlier attribution.
    assert_eq!(
        speaker("The slogan shared by the union and Ann Lee sounds flat next to the other side, he said.")
            .as_deref(),
        Some("he")
    );
    assert_eq!(
        speaker("Fare estimates, she added, were \"set by the board alone.\"").as_deref(),
        Some("she")
    );
}

#[test]
fn a_quantifier_or_a_participle_subject_is_what_a_later_pronoun_means() {
    assert_eq!(
        speaker("Many spoke about how much they hoped that this is the year that, for the first time, a pilot is named to the board.")
            .as_deref(),
        Some("Many")
    );
    assert_eq!(
        speaker("Speaking to the Gazette's \"Morning Show,\" Lowe's chief pilot and spokesman Ivo Marsh on Monday lashed out at what he characterized as an increasingly reckless board, advising the board to wait.")
            .as_deref(),
        Some("Lowe's chief pilot and spokesman Ivo Marsh")
    );
}
