//! Polarity and hedging of a sentence: negation ("not", "never", "no",
//! "unlikely") and hedges ("may", "could", "reportedly", "expected to").

/// True when the sentence asserts a negation.
pub fn is_negated(sentence: &str) -> bool {
    let _ = sentence;
    false
}

/// True when the sentence is hedged.
pub fn is_hedged(sentence: &str) -> bool {
    let _ = sentence;
    false
}
