//! Claim diff: aligns the claims of two revisions and classifies each
//! difference ([`ClaimDiff`], [`Change`], [`Detail`], [`Severity`]).
//!
//! Pure: no I/O. Cost grows with the size of the one article.

use serde::{Deserialize, Serialize};

use crate::claims::Claim;

/// What happened to a claim between two revisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Added,
    Removed,
    Modified,
}

/// How much a change matters to a reader. `None` only for events without
/// claim changes.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    #[default]
    None,
    Low,
    Medium,
    High,
}

/// The kind of a detail of a modification (SPEC section 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DetailType {
    NumberChanged,
    DateChanged,
    QuoteChanged,
    SpeakerChanged,
    NegationChanged,
    HedgeChanged,
    EntityChanged,
    WordingChanged,
}

/// One specific difference inside a modified claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Detail {
    #[serde(rename = "type")]
    pub kind: DetailType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

/// One added, removed or modified claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub op: Op,
    pub severity: Severity,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<Claim>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<Claim>,
    #[serde(default)]
    pub details: Vec<Detail>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub word_diff: Option<String>,
}

/// Counts of each outcome.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub added: usize,
    pub removed: usize,
    pub modified: usize,
    pub unchanged: usize,
}

/// Every claim change between two revisions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClaimDiff {
    pub summary: Summary,
    pub changes: Vec<Change>,
}

impl ClaimDiff {
    /// The highest severity of any change, `None` when nothing changed.
    pub fn severity(&self) -> Severity {
        self.changes
            .iter()
            .map(|c| c.severity)
            .max()
            .unwrap_or(Severity::None)
    }

    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// Diffs two claim lists (old revision, new revision).
pub fn diff(old: &[Claim], new: &[Claim]) -> ClaimDiff {
    use std::collections::HashSet;
    let old_ids: HashSet<&str> = old.iter().map(|c| c.id.as_str()).collect();
    let new_ids: HashSet<&str> = new.iter().map(|c| c.id.as_str()).collect();
    let mut out = ClaimDiff::default();
    for c in old {
        if new_ids.contains(c.id.as_str()) {
            out.summary.unchanged += 1;
        } else {
            out.summary.removed += 1;
            out.changes.push(Change {
                op: Op::Removed,
                severity: Severity::Medium,
                similarity: None,
                before: Some(c.clone()),
                after: None,
                details: Vec::new(),
                word_diff: None,
            });
        }
    }
    for c in new {
        if !old_ids.contains(c.id.as_str()) {
            out.summary.added += 1;
            out.changes.push(Change {
                op: Op::Added,
                severity: Severity::Medium,
                similarity: None,
                before: None,
                after: Some(c.clone()),
                details: Vec::new(),
                word_diff: None,
            });
        }
    }
    out
}
