//! One quantity in another measure ("a quarter" / "25%", "six months" /
//! "half a year", "two weeks" / "14 days"): no number change, while a
//! different amount still is one.

use super::*;

/// Whether the one change between the two sentences (numbers as the
/// extractor gives them) reports a number change.
fn number_change(a: &str, b: &str) -> bool {
    let (mut x, mut y) = (claim(a), claim(b));
    x.numbers = crate::claims::numbers::extract_numbers(a);
    y.numbers = crate::claims::numbers::extract_numbers(b);
    let d = diff_with(&[x], &[y], &CUES);
    d.changes[0]
        .details
        .iter()
        .any(|x| x.kind == DetailType::NumberChanged)
}

#[test]
fn a_fraction_and_its_percentage_are_one_value() {
    assert!(!number_change(
        "The fund grew by a quarter.",
        "The fund grew by 25%."
    ));
    assert!(number_change(
        "The fund grew by a quarter.",
        "The fund grew by 30%."
    ));
    assert!(!number_change(
        "Half of the staff left.",
        "Half the staff left."
    ));
}

#[test]
fn a_span_in_another_unit_is_one_value() {
    assert!(!number_change(
        "The review will take six months.",
        "The review will take half a year."
    ));
    assert!(!number_change(
        "The trial lasted two weeks.",
        "The trial lasted 14 days."
    ));
    assert!(!number_change(
        "He waited half an hour.",
        "He waited 30 minutes."
    ));
    assert!(number_change(
        "The trial lasted two weeks.",
        "The trial lasted 10 days."
    ));
    // The same count in another unit is another span.
    assert!(number_change(
        "The plan takes 5 years.",
        "The plan takes 5 months."
    ));
}
