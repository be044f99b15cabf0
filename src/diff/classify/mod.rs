//! Classification of one modified claim pair into [`Detail`]s (number,
//! date, quote, speaker, negation, hedge, entity, wording) and their
//! [`Severity`].
//!
//! Works on the word diff: every changed word is either explained by a
//! specific detail or makes the change a `wording_changed`.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

mod entities;
mod qualifiers;
mod quantities;
mod reversal;
mod speakers;

use super::lexicon;
use super::words::{Token, WordDiff, core_of, fold};
use super::{Detail, DetailType, Severity};
use crate::claims::{Claim, polarity};

pub(crate) use speakers::same_speaker;
use speakers::speaker;

/// Where negation and hedge cues come from (the polarity module in
/// production; tests may plug in their own lists).
#[derive(Clone, Copy)]
pub struct Cues {
    pub negation: fn(&str) -> Vec<String>,
    pub hedge: fn(&str) -> Vec<String>,
}

impl Cues {
    pub const POLARITY: Cues = Cues {
        negation: polarity::negation_cues,
        hedge: polarity::hedge_cues,
    };
}

/// Severity of a modification: the highest of its details.
pub fn severity(details: &[Detail]) -> Severity {
    details
        .iter()
        .map(|d| match d.kind {
            DetailType::NumberChanged
            | DetailType::DateChanged
            | DetailType::QuoteChanged
            | DetailType::SpeakerChanged
            | DetailType::NegationChanged => Severity::High,
            DetailType::EntityChanged | DetailType::HedgeChanged => Severity::Medium,
            DetailType::WordingChanged => Severity::Low,
        })
        .max()
        .unwrap_or(Severity::Low)
}

/// Per-side bookkeeping of the changed words.
struct Side<'a> {
    tokens: &'a [Token],
    /// Changed, and not merely moved or re-punctuated inside its hunk.
    changed: Vec<bool>,
    /// Accounted for by a specific detail.
    explained: Vec<bool>,
}

impl Side<'_> {
    fn changed_indices(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.tokens.len()).filter(|&i| self.changed[i])
    }

    fn explain_if(&mut self, mut f: impl FnMut(usize, &Token) -> bool) {
        for i in 0..self.tokens.len() {
            if self.changed[i] && f(i, &self.tokens[i]) {
                self.explained[i] = true;
            }
        }
    }
}

struct Work<'a> {
    old: Side<'a>,
    new: Side<'a>,
    hunks: Vec<(Range<usize>, Range<usize>)>,
}

impl<'a> Work<'a> {
    fn new(wd: &'a WordDiff) -> Work<'a> {
        let hunks: Vec<_> = wd.hunks().collect();
        let mut old_changed = vec![false; wd.old.len()];
        let mut new_changed = vec![false; wd.new.len()];
        for (o, n) in &hunks {
            // Words present on both sides of a hunk only moved or had their
            // punctuation changed: cancel them pairwise.
            let mut counts: HashMap<&str, i64> = HashMap::new();
            for t in &wd.new[n.clone()] {
                *counts.entry(t.core.as_str()).or_default() += 1;
            }
            for i in o.clone() {
                let core = wd.old[i].core.as_str();
                let c = counts.entry(core).or_default();
                if *c > 0 {
                    *c -= 1;
                } else {
                    old_changed[i] = !core.is_empty();
                }
            }
            let mut counts: HashMap<&str, i64> = HashMap::new();
            for t in &wd.old[o.clone()] {
                *counts.entry(t.core.as_str()).or_default() += 1;
            }
            for i in n.clone() {
                let core = wd.new[i].core.as_str();
                let c = counts.entry(core).or_default();
                if *c > 0 {
                    *c -= 1;
                } else {
                    new_changed[i] = !core.is_empty();
                }
            }
        }
        Work {
            old: Side {
                tokens: &wd.old,
                explained: vec![false; wd.old.len()],
                changed: old_changed,
            },
            new: Side {
                tokens: &wd.new,
                explained: vec![false; wd.new.len()],
                changed: new_changed,
            },
            hunks,
        }
    }

    fn explain_cores(&mut self, cores: &HashSet<String>) {
        self.old.explain_if(|_, t| cores.contains(&t.core));
        self.new.explain_if(|_, t| cores.contains(&t.core));
    }

    fn explain_hunk(&mut self, o: &Range<usize>, n: &Range<usize>) {
        self.old.explain_if(|i, _| o.contains(&i));
        self.new.explain_if(|i, _| n.contains(&i));
    }
}

/// The details of a modification from `old` to `new`, most important first.
pub fn classify(old: &Claim, new: &Claim, wd: &WordDiff, cues: &Cues) -> Vec<Detail> {
    let mut w = Work::new(wd);
    let mut details = Vec::new();
    // Typo fixes ("teh" → "the", "[ars]" → "[are]") are wording, however
    // they sit in a quotation: only other changes are classified.
    if forget_typos(&mut w, cues) && quantities::same_figures(old, new) {
        return vec![Detail {
            kind: DetailType::WordingChanged,
            from: None,
            to: None,
        }];
    }
    let speaker_words = speaker(old, new, &mut w, &mut details);
    quote(old, new, &mut w, &mut details);
    // "excludes" → "doesn't allow": two flips, one meaning; the rest of
    // the change is wording.
    let cancelled = old.negated != new.negated && reversal::flip_cancelled(&mut w);
    if !cancelled {
        polarity_detail(
            (cues.negation)(&old.text),
            (cues.negation)(&new.text),
            old.negated != new.negated,
            false,
            DetailType::NegationChanged,
            &mut w,
            &mut details,
        );
        // A swap for the opposite word only counts when no negation cue
        // already explains the flip.
        if !details
            .iter()
            .any(|d| d.kind == DetailType::NegationChanged)
        {
            reversal::reversals(&mut w, &mut details);
        }
    }
    quantities::numbers(old, new, &mut w, &mut details);
    qualifiers::qualifiers(old, new, &mut w, &mut details);
    polarity_detail(
        (cues.hedge)(&old.text),
        (cues.hedge)(&new.text),
        old.hedged != new.hedged,
        true,
        DetailType::HedgeChanged,
        &mut w,
        &mut details,
    );
    entities::entities(old, new, &speaker_words, &mut w, &mut details);
    let unexplained = |s: &Side| s.changed_indices().any(|i| !s.explained[i]);
    if details.is_empty() || unexplained(&w.old) || unexplained(&w.new) {
        details.push(Detail {
            kind: DetailType::WordingChanged,
            from: None,
            to: None,
        });
    }
    details
}

/// Shortest word taken for a typo fix; shorter words differ by one letter
/// too often in meaning ("no" / "so").
const TYPO_MIN_LEN: usize = 3;

/// Marks as unchanged each hunk that swaps one lower-case word for another
/// one edit away (a letter added, dropped, replaced or two swapped), unless
/// the swap is a polarity cue or a reversal; true when no other change is
/// left.
fn forget_typos(w: &mut Work, cues: &Cues) -> bool {
    let plain = |t: &Token| {
        t.core.len() >= TYPO_MIN_LEN
            && t.core.chars().all(|c| c.is_ascii_lowercase())
            && !t.is_capitalised()
            && (cues.negation)(&t.core).is_empty()
            && (cues.hedge)(&t.core).is_empty()
    };
    for (o, n) in w.hunks.clone() {
        let olds: Vec<usize> = o.filter(|&i| w.old.changed[i]).collect();
        let news: Vec<usize> = n.filter(|&j| w.new.changed[j]).collect();
        let ([i], [j]) = (olds.as_slice(), news.as_slice()) else {
            continue;
        };
        let (a, b) = (&w.old.tokens[*i], &w.new.tokens[*j]);
        // "million" → "billion" and "four" → "five"-like swaps are one
        // letter apart and change a quantity: never a typo.
        let quantity = lexicon::number_kind(w.old.tokens, *i).is_some()
            || lexicon::number_kind(w.new.tokens, *j).is_some();
        if !quantity
            && plain(a)
            && plain(b)
            && strsim::damerau_levenshtein(&a.core, &b.core) == 1
            && !reversal::opposite(&a.core, &b.core)
        {
            w.old.changed[*i] = false;
            w.new.changed[*j] = false;
        }
    }
    w.old.changed_indices().next().is_none() && w.new.changed_indices().next().is_none()
}

fn norm_name(s: &str) -> String {
    fold(s).to_lowercase()
}

/// Words of a text as lower-case cores.
fn cores(text: &str) -> HashSet<String> {
    text.split(|c: char| c.is_whitespace() || c == '-')
        .map(core_of)
        .filter(|c| !c.is_empty())
        .collect()
}

/// The words of a token range, joined, without leading/trailing punctuation.
fn span_text(tokens: &[Token], range: Range<usize>) -> Option<String> {
    let words: Vec<&str> = tokens[range].iter().map(|t| t.text.as_str()).collect();
    let s = words.join(" ");
    let trimmed = s.trim_matches(|c: char| !c.is_alphanumeric() && !"%$€£".contains(c));
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// The quotation around token `i`: the run of in-quote words containing it.
fn quote_around(tokens: &[Token], i: usize) -> Option<String> {
    if !tokens.get(i)?.in_quote {
        return None;
    }
    let mut start = i;
    while start > 0 && tokens[start - 1].in_quote && !tokens[start].text.starts_with('"') {
        start -= 1;
    }
    let mut end = i + 1;
    while end < tokens.len() && tokens[end].in_quote && !tokens[end].text.starts_with('"') {
        end += 1;
    }
    span_text(tokens, start..end)
}

/// Words inside a quotation changed (or a quotation appeared/vanished).
fn quote(old: &Claim, new: &Claim, w: &mut Work, details: &mut Vec<Detail>) {
    let fold_quote = |q: &Option<String>| {
        q.as_deref()
            .map(|q| {
                let c: Vec<String> = q
                    .split_whitespace()
                    .map(core_of)
                    .filter(|c| !c.is_empty())
                    .collect();
                c.join(" ")
            })
            .filter(|q| !q.is_empty())
    };
    // The same words with other quote marks or hyphens ("'cover up'" →
    // "\"cover-up\""): typography, not a changed quotation.
    // So are contractions written out or in ("are not" → "aren't").
    let words_of = |t: &str| -> Vec<String> {
        t.split(|c: char| c.is_whitespace() || matches!(c, '-' | '\u{2010}' | '\u{2011}'))
            .flat_map(crate::diff::words::expanded_cores)
            .collect()
    };
    if words_of(&old.text) == words_of(&new.text) {
        return;
    }
    let (qo, qn) = (fold_quote(&old.quote), fold_quote(&new.quote));
    let first_old = w.old.changed_indices().find(|&i| w.old.tokens[i].in_quote);
    let first_new = w.new.changed_indices().find(|&i| w.new.tokens[i].in_quote);
    let by_claims = qo.is_some() && qn.is_some() && qo != qn;
    if !by_claims && first_old.is_none() && first_new.is_none() {
        return;
    }
    w.old.explain_if(|_, t| t.in_quote);
    w.new.explain_if(|_, t| t.in_quote);
    // Where only one side's quote changed words, locate the other side's
    // quotation through the hunk that holds the change.
    let locate = |side_first: Option<usize>, other_first: Option<usize>, old_side: bool| {
        side_first.or_else(|| {
            let j = other_first?;
            w.hunks.iter().find_map(|(o, n)| {
                let (mine, theirs) = if old_side { (o, n) } else { (n, o) };
                theirs.contains(&j).then_some(mine.start)
            })
        })
    };
    let from = old
        .quote
        .clone()
        .or_else(|| quote_around(w.old.tokens, locate(first_old, first_new, true)?));
    let to = new
        .quote
        .clone()
        .or_else(|| quote_around(w.new.tokens, locate(first_new, first_old, false)?));
    details.push(Detail {
        kind: DetailType::QuoteChanged,
        from,
        to,
    });
}

/// Negation or hedge change: the cue lists differ (negation: in count, so
/// "not … anyone" → "no one" is not a flip; hedges: in any cue), or the
/// extractor's flag flipped.
/// A cue word without its tense or number ending, so "plans", "planned"
/// and "plan" (or "believes", "believed") compare equal. Crude on purpose:
/// it only ever compares cue words with each other.
fn inflection_stem(w: &str) -> String {
    let mut s = w;
    if let Some(t) = s.strip_suffix("ing").filter(|t| t.len() >= 3) {
        s = t;
    } else if let Some(t) = s.strip_suffix("ed").filter(|t| t.len() >= 3) {
        s = t;
    } else if let Some(t) = s
        .strip_suffix('s')
        .filter(|t| t.len() >= 3 && !t.ends_with('s'))
    {
        s = t;
    }
    // "planned" → "plann" → "plan"; "believe" → "believ", as "believed".
    let b = s.as_bytes();
    if b.len() >= 4 && b[b.len() - 1] == b[b.len() - 2] && !b[b.len() - 1].is_ascii_digit() {
        s = &s[..s.len() - 1];
    }
    s.strip_suffix('e')
        .filter(|t| t.len() >= 3)
        .unwrap_or(s)
        .to_string()
}

fn polarity_detail(
    old_cues: Vec<String>,
    new_cues: Vec<String>,
    flag_flipped: bool,
    compare_words: bool,
    kind: DetailType,
    w: &mut Work,
    details: &mut Vec<Detail>,
) {
    // "plans to" → "planned to" keeps the one hedge in another tense.
    let norm = |v: &[String]| {
        let mut v: Vec<String> = v
            .iter()
            .map(|c| {
                c.to_lowercase()
                    .split_whitespace()
                    .map(inflection_stem)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        v.sort();
        v
    };
    let changed = if compare_words {
        norm(&old_cues) != norm(&new_cues)
    } else {
        old_cues.len() != new_cues.len()
    };
    if !changed && !flag_flipped {
        return;
    }
    let cue_cores: HashSet<String> = old_cues
        .iter()
        .chain(&new_cues)
        .flat_map(|c| cores(c))
        .collect();
    // "likely" → "unlikely": the bare word is part of the flip too.
    // Contractions ("didn't", "cannot") are reported as the cue "not".
    let contraction = |t: &Token| {
        cue_cores.contains("not") && (t.text.to_lowercase().contains("n't") || t.core == "cannot")
    };
    let explains = |t: &Token| {
        cue_cores.contains(&t.core)
            || contraction(t)
            || (t.core.len() >= 4 && cue_cores.iter().any(|c| c.ends_with(&t.core)))
    };
    w.old.explain_if(|_, t| explains(t));
    w.new.explain_if(|_, t| explains(t));
    // A word or two put in place of a cue ("may" → "will") is part of the
    // same change, not a separate rewording.
    for (o, n) in w.hunks.clone() {
        let only_cues = |side: &Side, r: &Range<usize>| {
            let mut changed = r.clone().filter(|&i| side.changed[i]).peekable();
            changed.peek().is_some() && changed.all(|i| explains(&side.tokens[i]))
        };
        let few =
            |side: &Side, r: &Range<usize>| r.clone().filter(|&i| side.changed[i]).count() <= 2;
        if only_cues(&w.old, &o) && few(&w.new, &n) {
            w.new.explain_if(|i, _| n.contains(&i));
        }
        if only_cues(&w.new, &n) && few(&w.old, &o) {
            w.old.explain_if(|i, _| o.contains(&i));
        }
    }
    let join = |v: &[String]| (!v.is_empty()).then(|| v.join(", "));
    details.push(Detail {
        kind,
        from: join(&old_cues),
        to: join(&new_cues),
    });
}
