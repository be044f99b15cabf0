//! Claim lineage: across every revision of one article, each claim's line
//! of versions ([`Lineage`]): first seen, each modified form with its
//! details, removed, restored (a claim that vanishes and later returns,
//! edited or not, keeps its lineage), split and merged sentences, and
//! flip-flops (a value or wording that changes and later changes back).
//!
//! Pure: no I/O. Claims are paired revision to revision with the diff's own
//! alignment ([`crate::diff::align`]) and explained with its classifier, so
//! a lineage step says exactly what `claimwatch diff` would say about it.

#[cfg(test)]
mod tests;
pub mod text;

use std::collections::HashMap;

use serde::Serialize;

use crate::claims::{Claim, Part};
use crate::diff::align::{Alignment, align};
use crate::diff::classify::{self, Cues};
use crate::diff::split::join_claims;
use crate::diff::words::{Segment, WordDiff, fold};
use crate::diff::{Detail, DetailType, Severity};

/// One stored revision of an article, as lineage needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    pub revision: i64,
    pub time: String,
    pub title: Option<String>,
    /// True for a deletion (its claims are empty).
    pub deleted: bool,
    pub claims: Vec<Claim>,
}

/// What happened to a lineage at one revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// The claim appears for the first time (in the first revision, or
    /// added later).
    FirstSeen,
    Modified,
    Removed,
    /// The claim is back after a revision without it (possibly edited).
    Restored,
    /// The sentence was cut into several sentences, all still this lineage.
    Split,
    /// Other lineages' sentences were joined into this one.
    Merged,
    /// This lineage's sentence was joined into another lineage (it ends).
    MergedInto,
}

impl StepKind {
    pub fn as_str(self) -> &'static str {
        match self {
            StepKind::FirstSeen => "first seen",
            StepKind::Modified => "modified",
            StepKind::Removed => "removed",
            StepKind::Restored => "restored",
            StepKind::Split => "split",
            StepKind::Merged => "merged",
            StepKind::MergedInto => "merged into",
        }
    }
}

/// A step that brings back something the claim said before.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlipFlop {
    /// The earlier revision whose form (or value) came back.
    pub back_to: i64,
    /// What changed back: the whole text, or one detail ("number_changed").
    pub what: String,
}

/// One version of a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub revision: i64,
    pub time: String,
    pub kind: StepKind,
    pub severity: Severity,
    /// The claim's text after this step (for `removed`, the text removed).
    pub text: String,
    /// The text before, when the step changed it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<Detail>,
    /// `[-old-]{+new+}` as in `claimwatch diff --format json`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub word_diff: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flip_flop: Option<FlipFlop>,
    /// Other lineages taking part in a split or merge.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<usize>,
    /// The new text in runs of unchanged and changed words (from the same
    /// word diff as `word_diff`), for renderers that mark words their own
    /// way (the HTML report).
    #[serde(skip)]
    pub runs: Vec<Run>,
}

/// A run of words of a changed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run {
    Same(String),
    /// Words replaced: either side may be empty.
    Changed {
        deleted: String,
        inserted: String,
    },
}

/// The life of one claim across an article's revisions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lineage {
    /// Index in [`History::lineages`] (stable for one history).
    pub id: usize,
    /// The claim id when first seen.
    pub claim_id: String,
    pub kind: String,
    /// 0 headline, 1 standfirst, 2 body ([`part_rank`]).
    pub part: u8,
    /// The text as it stands now, or as it was last seen.
    pub text: String,
    /// The claim is in the latest revision.
    pub live: bool,
    /// The highest severity of any step (an article's first revision
    /// counts as none).
    pub severity: Severity,
    pub flip_flops: usize,
    pub steps: Vec<Step>,
    /// Claims of the latest revision that belong to this lineage (several
    /// after a split). Internal bookkeeping.
    #[serde(skip)]
    current: Vec<Claim>,
    /// Each folded text the claim had and the latest revision it had it,
    /// and each detail (type, from, to) with the revision whose value it
    /// replaced: flip-flops are looked up here, not searched for.
    #[serde(skip)]
    forms: HashMap<String, i64>,
    #[serde(skip)]
    undo: HashMap<(DetailType, Option<String>, Option<String>), i64>,
    /// The claim (joined, after a split) as last seen, to restore against.
    #[serde(skip)]
    last_seen: Option<Claim>,
    /// Where the lineage stood in the latest revision it was in.
    #[serde(skip)]
    pub position: usize,
}

impl Lineage {
    /// True when the claim ever changed after it was first seen.
    pub fn changed(&self) -> bool {
        self.steps.len() > 1
    }
}

/// Every lineage of one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct History {
    pub revisions: usize,
    pub lineages: Vec<Lineage>,
}

impl History {
    /// Lineages in reading order for people: headline and standfirst first,
    /// then the highest severity, then where the claim stands in the text.
    pub fn ordered(&self) -> Vec<&Lineage> {
        let mut v: Vec<&Lineage> = self.lineages.iter().collect();
        v.sort_by_key(|l| {
            (
                l.part,
                std::cmp::Reverse(l.severity),
                !l.live,
                l.position,
                l.id,
            )
        });
        v
    }
}

/// Reading rank of the part of the article a claim belongs to: 0 headline,
/// 1 standfirst, 2 body, from the claim's `part`. Claims stored before
/// parts existed read as body; one of those that is the revision's title
/// still ranks as the headline.
pub fn part_rank(claim: &Claim, title: Option<&str>) -> u8 {
    match claim.part {
        Part::Headline => 0,
        Part::Standfirst => 1,
        Part::Body => match title {
            Some(t) if !t.trim().is_empty() && fold(t.trim()) == fold(claim.text.trim()) => 0,
            _ => 2,
        },
    }
}

/// Builds every lineage of an article from its revisions, oldest first.
pub fn build(revisions: &[Revision]) -> History {
    let mut b = Builder::default();
    for rev in revisions {
        b.add(rev);
    }
    History {
        revisions: revisions.len(),
        lineages: b.lineages,
    }
}

/// Pairs of claims with this Dice overlap or more may restore a removed
/// claim (the alignment's own threshold for unrelated sentences).
const MIN_RESTORE_SIMILARITY: f64 = 0.5;

#[derive(Default)]
struct Builder {
    lineages: Vec<Lineage>,
    /// Revisions seen so far.
    seen: usize,
    /// The latest revision's claims and the lineage each belongs to.
    prev: Vec<(Claim, usize)>,
}

impl Builder {
    fn add(&mut self, rev: &Revision) {
        let new = if rev.deleted {
            &[][..]
        } else {
            &rev.claims[..]
        };
        let old: Vec<Claim> = self.prev.iter().map(|(c, _)| c.clone()).collect();
        let al = align(&old, new);
        let mut owner: Vec<Option<usize>> = vec![None; new.len()];
        for l in &mut self.lineages {
            l.current.clear();
        }
        for &(i, j) in &al.unchanged {
            let lid = self.prev[i].1;
            owner[j] = Some(lid);
        }
        let groups = al
            .modified
            .iter()
            .map(|m| (m.old.clone(), m.new.clone()))
            .chain(al.regrouped.iter().cloned());
        for (go, gn) in groups {
            self.group(rev, &go, &gn, new, &mut owner);
        }
        for &i in &al.removed {
            let (claim, lid) = self.prev[i].clone();
            // A part of a split sentence may go while the rest stays.
            let l = &mut self.lineages[lid];
            let sev = removed_severity(&claim);
            push(l, step(rev, StepKind::Removed, sev, &claim.text));
        }
        self.restore_or_add(rev, new, &al, &mut owner);

        self.prev.clear();
        for (j, c) in new.iter().enumerate() {
            let Some(lid) = owner[j] else { continue };
            let l = &mut self.lineages[lid];
            if l.current.is_empty() {
                l.position = j;
            }
            l.current.push(c.clone());
            self.prev.push((c.clone(), lid));
        }
        for l in &mut self.lineages {
            l.live = !l.current.is_empty();
            if l.live {
                let refs: Vec<&Claim> = l.current.iter().collect();
                if let Some(j) = join_claims(&refs) {
                    l.text = j.text.clone();
                    l.kind = j.kind.as_str().to_string();
                    l.part = l.part.min(part_rank(&l.current[0], rev.title.as_deref()));
                    l.last_seen = Some(j);
                }
            }
        }
        self.seen += 1;
    }

    /// A modified, split, merged or re-cut group of claims.
    fn group(
        &mut self,
        rev: &Revision,
        go: &[usize],
        gn: &[usize],
        new: &[Claim],
        owner: &mut [Option<usize>],
    ) {
        let mut lids: Vec<usize> = Vec::new();
        for &i in go {
            if !lids.contains(&self.prev[i].1) {
                lids.push(self.prev[i].1);
            }
        }
        let Some(&main) = lids.first() else { return };
        for &j in gn {
            owner[j] = Some(main);
        }
        let before_refs: Vec<&Claim> = go.iter().map(|&i| &self.prev[i].0).collect();
        let after_refs: Vec<&Claim> = gn.iter().map(|&j| &new[j]).collect();
        let (Some(before), Some(after)) = (join_claims(&before_refs), join_claims(&after_refs))
        else {
            return;
        };
        let kind = if lids.len() > 1 {
            StepKind::Merged
        } else if gn.len() > go.len() {
            StepKind::Split
        } else if fold(&before.text) == fold(&after.text) {
            // Same words, cut the same way: nothing to record.
            return;
        } else {
            StepKind::Modified
        };
        let mut s = change_step(rev, kind, &before, &after);
        s.with = lids[1..].to_vec();
        let flip = flip_flop(&self.lineages[main], &s);
        s.flip_flop = flip;
        push(&mut self.lineages[main], s);
        for &other in &lids[1..] {
            let text = self.lineages[other].text.clone();
            let mut end = step(rev, StepKind::MergedInto, Severity::None, &text);
            end.with = vec![main];
            push(&mut self.lineages[other], end);
        }
    }

    /// New claims not paired with the previous revision: a removed claim
    /// coming back (restored), or a claim seen for the first time.
    fn restore_or_add(
        &mut self,
        rev: &Revision,
        new: &[Claim],
        al: &Alignment,
        owner: &mut [Option<usize>],
    ) {
        let added: Vec<usize> = al.added.clone();
        if added.is_empty() {
            return;
        }
        // The pool: the last text of every lineage absent from the
        // previous revision (or just removed there, for a claim that
        // moves out and back within one edit it is simply unchanged).
        let mut present = vec![false; self.lineages.len()];
        owner.iter().flatten().for_each(|&lid| present[lid] = true);
        let mut pool: Vec<usize> = Vec::new();
        let mut pool_claims: Vec<Claim> = Vec::new();
        for (lid, l) in self.lineages.iter().enumerate() {
            let gone = matches!(l.steps.last().map(|s| s.kind), Some(StepKind::Removed));
            if let (true, false, Some(c)) = (gone, present[lid], &l.last_seen) {
                pool.push(lid);
                pool_claims.push(c.clone());
            }
        }
        let added_claims: Vec<Claim> = added.iter().map(|&j| new[j].clone()).collect();
        let ral = align(&pool_claims, &added_claims);
        let mut restored = vec![false; added.len()];
        for &(p, a) in &ral.unchanged {
            let lid = pool[p];
            let s = step(
                rev,
                StepKind::Restored,
                Severity::Medium,
                &added_claims[a].text,
            );
            push(&mut self.lineages[lid], s);
            owner[added[a]] = Some(lid);
            restored[a] = true;
        }
        for m in &ral.modified {
            if m.old.len() != 1 || m.new.len() != 1 || m.similarity < MIN_RESTORE_SIMILARITY {
                continue;
            }
            let (p, a) = (m.old[0], m.new[0]);
            let lid = pool[p];
            let mut s = change_step(rev, StepKind::Restored, &pool_claims[p], &added_claims[a]);
            s.severity = s.severity.max(Severity::Medium);
            s.flip_flop = flip_flop(&self.lineages[lid], &s);
            push(&mut self.lineages[lid], s);
            owner[added[a]] = Some(lid);
            restored[a] = true;
        }
        for (k, &j) in added.iter().enumerate() {
            if restored[k] {
                continue;
            }
            let c = &new[j];
            let id = self.lineages.len();
            // Claims of the first revision are the article as it began;
            // later ones are additions, medium like an added claim.
            let sev = if self.seen == 0 {
                Severity::None
            } else {
                Severity::Medium
            };
            let mut l = Lineage {
                id,
                claim_id: c.id.clone(),
                kind: c.kind.as_str().to_string(),
                part: 2,
                text: c.text.clone(),
                live: true,
                severity: Severity::None,
                flip_flops: 0,
                steps: Vec::new(),
                current: Vec::new(),
                forms: HashMap::new(),
                undo: HashMap::new(),
                last_seen: None,
                position: j,
            };
            push(&mut l, step(rev, StepKind::FirstSeen, sev, &c.text));
            self.lineages.push(l);
            owner[j] = Some(id);
        }
    }
}

fn removed_severity(c: &Claim) -> Severity {
    let is_quote = c.kind == crate::claims::ClaimKind::Quote
        || c.quote.as_deref().is_some_and(|q| !q.trim().is_empty());
    if is_quote {
        Severity::High
    } else {
        Severity::Medium
    }
}

fn step(rev: &Revision, kind: StepKind, severity: Severity, text: &str) -> Step {
    Step {
        revision: rev.revision,
        time: rev.time.clone(),
        kind,
        severity,
        text: text.to_string(),
        before: None,
        details: Vec::new(),
        word_diff: None,
        flip_flop: None,
        with: Vec::new(),
        runs: Vec::new(),
    }
}

/// A step that changes the text, explained by the diff's classifier.
fn change_step(rev: &Revision, kind: StepKind, before: &Claim, after: &Claim) -> Step {
    let mut s = step(rev, kind, Severity::None, &after.text);
    if fold(&before.text) == fold(&after.text) {
        return s;
    }
    let wd = WordDiff::new(&before.text, &after.text);
    s.details = classify::classify(before, after, &wd, &Cues::POLARITY);
    s.severity = classify::severity(&s.details);
    s.before = Some(before.text.clone());
    s.word_diff = Some(wd.marked());
    s.runs = runs(&wd);
    s
}

/// The new side of a word diff as runs of unchanged and changed words.
fn runs(wd: &WordDiff) -> Vec<Run> {
    let join = |t: &[crate::diff::words::Token]| {
        t.iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    wd.segments
        .iter()
        .map(|seg| match seg {
            Segment::Equal { new, .. } => Run::Same(join(&wd.new[new.clone()])),
            Segment::Change { old, new } => Run::Changed {
                deleted: join(&wd.old[old.clone()]),
                inserted: join(&wd.new[new.clone()]),
            },
        })
        .collect()
}

/// Whether a step brings back an earlier form: the whole text as it was
/// at an earlier revision, or one detail reversing an earlier detail
/// ("12" → "15" then "15" → "12").
fn flip_flop(l: &Lineage, s: &Step) -> Option<FlipFlop> {
    let before = s.before.as_deref()?;
    let now = fold(&s.text);
    if now != fold(before)
        && let Some(&back_to) = l.forms.get(&now)
    {
        return Some(FlipFlop {
            back_to,
            what: "text".into(),
        });
    }
    s.details
        .iter()
        .filter(|d| d.kind != DetailType::WordingChanged)
        .find_map(|d| {
            let back_to = *l.undo.get(&(d.kind, d.to.clone(), d.from.clone()))?;
            Some(FlipFlop {
                back_to,
                what: detail_key(d.kind).into(),
            })
        })
}

impl FlipFlop {
    /// "↺ flip-flop: number back to its r2 form", for people.
    pub fn label(&self) -> String {
        let what = match self.what.as_str() {
            "text" => "wording",
            "number_changed" => "number",
            "date_changed" => "date",
            "quote_changed" => "quote",
            "speaker_changed" => "speaker",
            "negation_changed" => "negation",
            "hedge_changed" => "hedge",
            "entity_changed" => "name",
            other => other,
        };
        format!("↺ flip-flop: {what} back to its r{} form", self.back_to)
    }
}

fn detail_key(k: DetailType) -> &'static str {
    match k {
        DetailType::NumberChanged => "number_changed",
        DetailType::DateChanged => "date_changed",
        DetailType::QuoteChanged => "quote_changed",
        DetailType::SpeakerChanged => "speaker_changed",
        DetailType::NegationChanged => "negation_changed",
        DetailType::HedgeChanged => "hedge_changed",
        DetailType::EntityChanged => "entity_changed",
        DetailType::WordingChanged => "wording_changed",
    }
}

/// Appends a step, keeping the lineage's summary fields in step.
fn push(l: &mut Lineage, s: Step) {
    if s.flip_flop.is_some() {
        l.flip_flops += 1;
    }
    if !matches!(s.kind, StepKind::Removed | StepKind::MergedInto) {
        l.forms.insert(fold(&s.text), s.revision);
    }
    let replaced = l.steps.last().map_or(s.revision, |p| p.revision);
    for d in &s.details {
        l.undo
            .insert((d.kind, d.from.clone(), d.to.clone()), replaced);
    }
    l.severity = l.severity.max(s.severity);
    l.steps.push(s);
}
