//! Claim diff: aligns the claims of two revisions and classifies each
//! difference ([`ClaimDiff`], [`Change`], [`Detail`], [`Severity`]).
//!
//! Pure: no I/O. Cost grows with the size of the one article.
//! Submodules: [`align`] pairs the claims, [`split`] joins split or merged
//! sentences, [`slots`] pairs short rewrites in place, [`classify`] explains each modification, [`words`] holds the
//! word diff, [`text`] renders for people.

mod aliases;
pub mod align;
pub mod classify;
mod lexicon;
#[cfg(test)]
mod proptests;
pub mod slots;
pub mod split;
#[cfg(test)]
pub(crate) mod tests;
pub mod text;
pub mod words;

use serde::{Deserialize, Serialize};

use crate::claims::{Claim, ClaimKind};
use classify::Cues;

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

/// Diffs two claim lists (old revision, new revision). Changes come in
/// document order of the new revision, removed claims where they stood.
pub fn diff(old: &[Claim], new: &[Claim]) -> ClaimDiff {
    diff_with(old, new, &Cues::POLARITY)
}

/// [`diff`] with the negation/hedge cue source given explicitly.
pub fn diff_with(old: &[Claim], new: &[Claim], cues: &Cues) -> ClaimDiff {
    let mut out = ClaimDiff::default();
    if old.is_empty() {
        // Every claim is added, in order: what the alignment below finds,
        // without its keyed copy of a possibly huge list.
        out.summary.added = new.len();
        out.changes = new.iter().map(added).collect();
        return out;
    }
    let al = align::align(old, new);
    out.summary.unchanged = al.unchanged.len();

    // Where each old claim landed in the new revision, to slot removed
    // claims in after their nearest surviving predecessor.
    let mut landed: Vec<Option<usize>> = vec![None; old.len()];
    for &(i, j) in &al.unchanged {
        landed[i] = Some(j);
    }
    // A re-cut passage counts as its new claims, unchanged.
    for (go, gn) in &al.regrouped {
        out.summary.unchanged += gn.len();
        for &i in go {
            landed[i] = gn.first().copied();
        }
    }
    let mut keyed: Vec<((usize, u8, usize), Change)> = Vec::new();
    // A quotation whose words stayed but whose speaker changed: a
    // follow-on quote now belongs to someone else because the sentence
    // that named its speaker changed.
    let mut reattributions = Vec::new();
    for &(i, j) in &al.unchanged {
        if let Some(change) = reattributed(&old[i], &new[j]) {
            reattributions.push(((j + 1, 0, 0), change));
        }
    }
    for m in &al.modified {
        let (Some(&first_new), Some(before), Some(after)) = (
            m.new.first(),
            split::join_claims(&m.old.iter().map(|&i| &old[i]).collect::<Vec<_>>()),
            split::join_claims(&m.new.iter().map(|&j| &new[j]).collect::<Vec<_>>()),
        ) else {
            continue;
        };
        for &i in &m.old {
            landed[i] = Some(first_new);
        }
        match modification(&before, &after, m.similarity, cues) {
            Some(change) => {
                out.summary.modified += 1;
                keyed.push(((first_new + 1, 0, 0), change));
            }
            None => out.summary.unchanged += m.new.len(),
        }
    }
    for &j in &al.added {
        out.summary.added += 1;
        keyed.push(((j + 1, 0, 0), added(&new[j])));
    }
    let mut last_landed = 0;
    let mut anchor = vec![0; old.len()];
    for (i, l) in landed.iter().enumerate() {
        if let Some(j) = l {
            last_landed = j + 1;
        }
        anchor[i] = last_landed;
    }
    for &i in &al.removed {
        out.summary.removed += 1;
        keyed.push(((anchor[i], 1, i), removed(&old[i])));
    }
    // A re-attributed quotation is reported unless another change already
    // shows the same speaker change (the sentence that names the speaker).
    let speaker_changes: Vec<(Option<String>, Option<String>)> = keyed
        .iter()
        .flat_map(|(_, c)| &c.details)
        .filter(|d| d.kind == DetailType::SpeakerChanged)
        .map(|d| (d.from.clone(), d.to.clone()))
        .collect();
    for (key, change) in reattributions {
        let d = &change.details[0];
        if !speaker_changes.contains(&(d.from.clone(), d.to.clone())) {
            out.summary.unchanged -= 1;
            out.summary.modified += 1;
            keyed.push((key, change));
        }
    }
    keyed.sort_by_key(|(k, _)| *k);
    out.changes = keyed.into_iter().map(|(_, c)| c).collect();
    soften_tied_renames(&mut out.changes, old, new);
    out
}

/// A speaker or entity named another way that the article itself ties to
/// the first ("Jan Roe" → "the harbour master" where a sentence says "Jan
/// Roe, the harbour master") is a rewording: such a detail counts low.
fn soften_tied_renames(changes: &mut [Change], old: &[Claim], new: &[Claim]) {
    let renamed = |d: &Detail| {
        matches!(
            d.kind,
            DetailType::SpeakerChanged | DetailType::EntityChanged
        ) && d.from.is_some()
            && d.to.is_some()
    };
    if !changes.iter().flat_map(|c| &c.details).any(renamed) {
        return;
    }
    let ties = aliases::Ties::new(old.iter().chain(new).map(|c| c.text.as_str()));
    for c in changes.iter_mut().filter(|c| c.op == Op::Modified) {
        let tied = |d: &Detail| {
            renamed(d)
                && ties.tied(
                    d.from.as_deref().unwrap_or_default(),
                    d.to.as_deref().unwrap_or_default(),
                )
        };
        if !c.details.iter().any(tied) {
            continue;
        }
        let rest: Vec<Detail> = c.details.iter().filter(|d| !tied(d)).cloned().collect();
        c.severity = classify::severity(&rest);
    }
}

/// A modified pair, or `None` when the texts are the same once folded.
fn modification(before: &Claim, after: &Claim, sim: f64, cues: &Cues) -> Option<Change> {
    if words::fold(&before.text) == words::fold(&after.text) {
        return None;
    }
    let wd = words::WordDiff::new(&before.text, &after.text);
    let details = classify::classify(before, after, &wd, cues);
    Some(Change {
        op: Op::Modified,
        severity: classify::severity(&details),
        similarity: Some((sim * 100.0).round() / 100.0),
        before: Some(before.clone()),
        after: Some(after.clone()),
        details,
        word_diff: Some(wd.marked()),
    })
}

/// The speaker change of a quotation with the same text on both sides,
/// when neither speaker is named in that text (so the change came from the
/// context: "he said", a follow-on quote).
fn reattributed(before: &Claim, after: &Claim) -> Option<Change> {
    let (Some(so), Some(sn)) = (before.speaker.as_deref(), after.speaker.as_deref()) else {
        return None;
    };
    // The same name as written, the usual case, needs no folding.
    if so == sn
        || before.kind != ClaimKind::Quote
        || after.kind != ClaimKind::Quote
        || classify::same_speaker(Some(&fold_name(so)), Some(&fold_name(sn)))
    {
        return None;
    }
    let text = words::fold(&after.text).to_lowercase();
    let named = |s: &str| {
        s.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .any(|w| w.len() > 2 && text.contains(&w))
    };
    if named(so) || named(sn) {
        return None;
    }
    Some(Change {
        op: Op::Modified,
        severity: Severity::High,
        similarity: Some(1.0),
        before: Some(before.clone()),
        after: Some(after.clone()),
        details: vec![Detail {
            kind: DetailType::SpeakerChanged,
            from: Some(so.to_string()),
            to: Some(sn.to_string()),
        }],
        word_diff: Some(words::WordDiff::new(&before.text, &after.text).marked()),
    })
}

fn fold_name(s: &str) -> String {
    words::fold(s).to_lowercase()
}

/// The change that adds `c` (every claim of a new article).
pub fn added(c: &Claim) -> Change {
    Change {
        op: Op::Added,
        severity: Severity::Medium,
        similarity: None,
        before: None,
        after: Some(c.clone()),
        details: Vec::new(),
        word_diff: None,
    }
}

/// A removed claim; removing a quotation is high severity.
fn removed(c: &Claim) -> Change {
    let is_quote = c.kind == ClaimKind::Quote
        || c.quote.as_deref().is_some_and(|q| !q.trim().is_empty())
        || words::fold(&c.text).matches('"').count() >= 2;
    Change {
        op: Op::Removed,
        severity: if is_quote {
            Severity::High
        } else {
            Severity::Medium
        },
        similarity: None,
        before: Some(c.clone()),
        after: None,
        details: Vec::new(),
        word_diff: None,
    }
}
