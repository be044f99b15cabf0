//! Tests of the whole diff on claims built here, by theme in the
//! submodules (detail types, severities, ordering, JSON and text output);
//! this file holds the claim builders and test cues they share, which
//! other modules' tests use too.

use super::classify::Cues;
use super::*;
use crate::claims::{ClaimKind, NumberMention, claim_id};

mod measures;
mod output;
mod quantities;
mod real_edits;
mod speakers;
mod wording;

/// A plain statement claim with its id computed from the text.
pub(crate) fn claim(text: &str) -> Claim {
    Claim {
        id: claim_id(text),
        kind: ClaimKind::Statement,
        text: text.to_string(),
        quote: None,
        speaker: None,
        sources: Vec::new(),
        numbers: Vec::new(),
        negated: false,
        hedged: false,
        entities: Vec::new(),
        part: crate::claims::Part::Body,
        paragraph: 1,
        line: 1,
    }
}

pub(crate) fn num(text: &str, value: f64, unit: &str) -> NumberMention {
    NumberMention {
        text: text.into(),
        value,
        unit: unit.into(),
    }
}

fn words_in(text: &str, list: &[&str]) -> Vec<String> {
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| list.contains(w))
        .map(str::to_string)
        .collect()
}

fn test_negation(text: &str) -> Vec<String> {
    words_in(text, &["not", "never", "no", "unlikely", "nobody"])
}

fn test_hedge(text: &str) -> Vec<String> {
    words_in(
        text,
        &["may", "might", "could", "reportedly", "likely", "unlikely"],
    )
}

pub(crate) const CUES: Cues = Cues {
    negation: test_negation,
    hedge: test_hedge,
};

fn one_change(old: Claim, new: Claim) -> Change {
    let d = diff_with(&[old], &[new], &CUES);
    assert_eq!(d.changes.len(), 1, "{d:#?}");
    assert_eq!(d.summary.modified, 1, "{d:#?}");
    d.changes[0].clone()
}

/// A quotation said by `speaker`.
fn quote_by(text: &str, speaker: &str) -> Claim {
    let mut c = claim(text);
    c.kind = ClaimKind::Quote;
    c.quote = Some(text.trim_matches('"').to_string());
    c.speaker = Some(speaker.to_string());
    c
}

/// Every change of `d` is wording only: a restyling, no typed detail.
fn only_wording(d: &ClaimDiff) -> bool {
    d.changes.iter().all(|c| {
        c.details
            .iter()
            .all(|x| x.kind == DetailType::WordingChanged)
    })
}

fn types(c: &Change) -> Vec<DetailType> {
    c.details.iter().map(|d| d.kind).collect()
}

fn detail(c: &Change, kind: DetailType) -> &Detail {
    c.details
        .iter()
        .find(|d| d.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} in {:#?}", c.details))
}
