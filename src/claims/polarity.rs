//! Polarity and hedging of a sentence: negation ("not", "never", "no",
//! "unlikely") and hedges ("may", "could", "reportedly", "expected to").

/// The negation cues in a sentence, lower-cased, in order ("not", "never",
/// "unlikely", ...). The diff compares these to spot a flipped polarity.
pub fn negation_cues(sentence: &str) -> Vec<String> {
    let _ = sentence;
    Vec::new()
}

/// The hedge cues in a sentence, lower-cased, in order ("may",
/// "reportedly", "expected to", ...).
pub fn hedge_cues(sentence: &str) -> Vec<String> {
    let _ = sentence;
    Vec::new()
}

/// True when the sentence asserts a negation.
pub fn is_negated(sentence: &str) -> bool {
    !negation_cues(sentence).is_empty()
}

/// True when the sentence is hedged.
pub fn is_hedged(sentence: &str) -> bool {
    !hedge_cues(sentence).is_empty()
}
