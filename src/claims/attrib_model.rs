//! The learned choice between a sentence's attribution candidates: when
//! several reporting cues of one sentence each found a speaker phrase
//! ("Bloomberg reports that …, according to the pollster"), a linear model
//! scores each candidate and the best one is the sentence's speaker.
//!
//! The features are what the rule scan already knows about a candidate
//! (its rule rank, how its phrase was found, where it stands, what the
//! phrase looks like). The weights are learned by `scripts/train-attribution`
//! from PolNeAR's training split and embedded from `attrib_weights.json`;
//! a sentence with one candidate keeps the rules' answer.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::lexicon;
use super::persons::{ROLE_HEADS, looks_like_person};
use super::phrases::{Sentence, Tok, slice};
use super::quotes;
use super::speakers::{
    Candidate, Route, candidates, is_tail, relative_object, rule_choice, subordinate,
};

/// The feature names, in the order of [`features`]; the weights file must
/// list the same names.
pub const FEATURES: &[&str] = &[
    "rule_choice",
    "rank0",
    "rank1",
    "rank2",
    "rank3plus",
    "route_written_by",
    "route_feeling",
    "route_put_it",
    "route_participle",
    "route_according",
    "route_by_one",
    "route_catenative",
    "route_inverted_tail",
    "route_coordinated",
    "route_subject",
    "route_after_cue",
    "strong_cue",
    "cue_then_that",
    "tail",
    "demoted",
    "introduces_quote",
    "cue_position",
    "phrase_after_cue",
    "distance",
    "phrase_length",
    "phrase_capitalized",
    "phrase_pronoun",
    "phrase_definite",
    "phrase_indefinite",
    "phrase_person",
    "phrase_role_noun",
    "phrase_opens_sentence",
    "first_candidate",
    "last_candidate",
    "cue_say",
    "cue_tell",
    "cue_according",
    "phrase_plural",
    "phrase_after_quote",
    "inside_that_clause",
    "holds_that_clause",
    "act_cue",
];

/// The weights file as `scripts/train-attribution` writes it.
#[derive(Debug, Deserialize)]
pub struct Weights {
    /// The version of the script that wrote the file.
    pub version: String,
    pub features: Vec<String>,
    pub weights: Vec<f64>,
}

/// The embedded weights file.
pub const WEIGHTS_JSON: &str = include_str!("attrib_weights.json");

/// The embedded weights, `None` when the file does not match
/// [`FEATURES`] (the rules then decide alone).
fn weights() -> Option<&'static [f64]> {
    static W: OnceLock<Option<Vec<f64>>> = OnceLock::new();
    W.get_or_init(|| {
        let w: Weights = serde_json::from_str(WEIGHTS_JSON).ok()?;
        let same = w.features.len() == FEATURES.len()
            && w.features.iter().zip(FEATURES).all(|(a, b)| a == b)
            && w.weights.len() == FEATURES.len();
        same.then_some(w.weights)
    })
    .as_deref()
}

/// The feature vector of candidate `i` among `found`.
pub(super) fn features(toks: &[Tok], found: &[Candidate], i: usize) -> [f64; FEATURES.len()] {
    let c = &found[i];
    let (v, np) = (c.cue, c.np.clone());
    let mut f = [0.0; FEATURES.len()];
    let n = toks.len().max(1) as f64;
    let w = toks[v].lw;
    let flag = |b: bool| if b { 1.0 } else { 0.0 };
    f[0] = flag(rule_choice(found) == Some(i));
    f[1 + usize::from(c.rank.min(3))] = 1.0;
    let route = match c.route {
        // A passive speech verb's agent is found the same way.
        Route::WrittenBy | Route::AskedBy => 0,
        Route::Feeling => 1,
        Route::PutIt => 2,
        Route::Participle => 3,
        Route::According => 4,
        Route::ByOne => 5,
        Route::Catenative => 6,
        Route::InvertedTail => 7,
        Route::Coordinated => 8,
        Route::Subject => 9,
        Route::AfterCue => 10,
    };
    f[5 + route] = 1.0;
    f[16] = flag(lexicon::is_strong_cue(w));
    f[17] = flag(toks.get(v + 1).is_some_and(|t| t.lw == "that"));
    let tail = is_tail(toks, v, &np);
    f[18] = flag(tail);
    f[19] = flag(!tail && (subordinate(toks, np.start) || relative_object(toks, v, &np)));
    let quoted = |k: usize| toks.get(k).is_some_and(|t| t.quoted);
    f[20] = flag(quoted(v + 1) || v > 0 && quoted(v - 1) || quoted(np.end));
    f[21] = v as f64 / n;
    f[22] = flag(np.start > v);
    let gap = if np.start > v {
        np.start - v
    } else {
        v.saturating_sub(np.end) + 1
    };
    f[23] = (gap as f64 / 10.0).min(1.0);
    f[24] = (np.len() as f64 / 5.0).min(1.0);
    let phrase = &toks[np.clone()];
    f[25] = flag(
        phrase
            .iter()
            .enumerate()
            .any(|(k, t)| t.capitalized() && (np.start + k > 0)),
    );
    f[26] = flag(np.len() == 1 && lexicon::is_pronoun(phrase[0].lw));
    f[27] = flag(phrase[0].lw == "the");
    f[28] = flag(matches!(phrase[0].lw, "a" | "an"));
    let text: String = phrase.iter().map(|t| t.core).collect::<Vec<_>>().join(" ");
    f[29] = flag(looks_like_person(&text));
    f[30] = flag(
        phrase
            .iter()
            .any(|t| ROLE_HEADS.iter().any(|(r, _)| *r == t.lw)),
    );
    f[31] = flag(np.start == 0);
    let first = (0..found.len()).min_by_key(|&k| found[k].np.start.min(found[k].cue));
    let last = (0..found.len()).max_by_key(|&k| found[k].np.start.min(found[k].cue));
    f[32] = flag(first == Some(i));
    f[33] = flag(last == Some(i));
    f[34] = flag(matches!(w, "said" | "says" | "say" | "saying"));
    f[35] = flag(matches!(w, "told" | "tell" | "tells" | "telling"));
    f[36] = flag(w == "according");
    let head = phrase[np.len() - 1].lw;
    f[37] = flag(
        head.ends_with('s') && !head.ends_with("ss") || matches!(head, "they" | "people" | "we"),
    );
    f[38] = flag(np.start > 0 && toks[..np.start].iter().any(|t| t.quoted));
    // "Voters learned that … Vance will insist …": a cue inside the
    // that-clause another cue reports is part of what was reported; a
    // weaker cue ("if he is convinced that …, Lee told …") swallows none.
    // "learned that", "learned again that".
    // "said Tuesday morning that": a time phrase may come between.
    let opens_that = |c: &Candidate| {
        let mut k = c.cue + 1;
        while k < toks.len() && k <= c.cue + 4 && !toks[k].quoted {
            if toks[k].lw == "that" {
                return true;
            }
            let time = lexicon::is_time_word(toks[k].lw) || lexicon::is_date_word(toks[k].lw);
            if k > c.cue + 2 && !time || toks[k].ends_clause() {
                return false;
            }
            k += 1;
        }
        false
    };
    let first_word = np.start.min(v);
    // A tail (", according to Politico.", ", Lee said.") covers the whole
    // sentence; a weaker cue near the end ("… will insist on being Vance.")
    // may still be reported.
    let covers = tail && (w == "according" || lexicon::is_strong_cue(w));
    f[39] = flag(
        !covers
            && found.iter().any(|o| {
                o.cue < first_word && opens_that(o) && o.np.end <= first_word && o.rank <= c.rank
            }),
    );
    f[40] = flag(opens_that(c) && found.iter().any(|o| o.cue > v && o.np.start > v));
    f[41] = flag(c.act);
    f
}

/// The candidate the model picks, or the rules' pick when there is no
/// choice to make or no usable weights.
pub(super) fn choose(toks: &[Tok], found: &[Candidate]) -> Option<usize> {
    if found.len() < 2 {
        return rule_choice(found);
    }
    let Some(w) = weights() else {
        return rule_choice(found);
    };
    let rule = rule_choice(found)?;
    let rows: Vec<_> = (0..found.len()).map(|i| features(toks, found, i)).collect();
    // Rules stay where they are precise: a cue inside a subordinate or
    // reported clause never wins over a main-clause pick.
    let nested = |r: &[f64; FEATURES.len()]| r[DEMOTED] == 1.0 || r[INSIDE_THAT] == 1.0;
    let allowed = |i: usize| i == rule || !nested(&rows[i]) || nested(&rows[rule]);
    let score = |i: usize| -> f64 { rows[i].iter().zip(w).map(|(x, w)| x * w).sum() };
    // The first of equal scores, as the rules take the first of a rank.
    let mut best = rule;
    let mut best_score = score(rule);
    for i in (0..found.len()).filter(|&i| allowed(i)) {
        let s = score(i);
        if s > best_score || s == best_score && i < best {
            best = i;
            best_score = s;
        }
    }
    Some(best)
}

/// Indices into [`FEATURES`] the choice itself reads.
const DEMOTED: usize = 19;
const INSIDE_THAT: usize = 39;

/// One candidate of a sentence as the training pipeline sees it
/// (`examples/attrib_features.rs`).
#[derive(Debug, Clone, Serialize)]
pub struct CandidateRecord {
    /// The speaker phrase as the sentence writes it.
    pub phrase: String,
    /// The phrase a pronoun was read back to in the sentence, else `phrase`.
    pub speaker: String,
    /// The values of [`FEATURES`].
    pub features: Vec<f64>,
}

/// The attribution candidates of one sentence with their features.
pub fn candidate_records(text: &str) -> Vec<CandidateRecord> {
    let spans = quotes::spans(text, false);
    let lowered = text.to_ascii_lowercase();
    let sentence = Sentence::new(text, &lowered, &spans);
    let toks = sentence.toks();
    let found = candidates(toks);
    (0..found.len())
        .map(|i| CandidateRecord {
            phrase: slice(text, toks, found[i].np.clone()),
            speaker: super::speakers::attribution_of(text, toks, &found[i]).speaker,
            features: features(toks, &found, i).to_vec(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_weights_file_loads_and_matches_the_script() {
        let w: Weights = serde_json::from_str(WEIGHTS_JSON).expect("weights file parses");
        assert_eq!(w.features, FEATURES, "feature names in the weights file");
        assert_eq!(w.weights.len(), FEATURES.len());
        assert_eq!(FEATURES[DEMOTED], "demoted");
        assert_eq!(FEATURES[INSIDE_THAT], "inside_that_clause");
        assert!(weights().is_some());
        let script = include_str!("../../scripts/train-attribution");
        let line = script
            .lines()
            .find(|l| l.starts_with("VERSION = "))
            .expect("the script declares VERSION");
        let version = line.trim_start_matches("VERSION = ").trim_matches('"');
        assert_eq!(
            w.version, version,
            "weights written by another script version"
        );
    }

    #[test]
    fn every_candidate_of_a_two_source_sentence_is_recorded() {
        let recs = candidate_records(
            "Mayor Ada Wren said the bridge would reopen, while the harbor board argued it was unsafe.",
        );
        let phrases: Vec<&str> = recs.iter().map(|r| r.phrase.as_str()).collect();
        assert_eq!(phrases, ["Mayor Ada Wren", "the harbor board"]);
        assert!(recs.iter().all(|r| r.features.len() == FEATURES.len()));
        // Exactly one candidate is the rules' pick.
        let picked = recs.iter().filter(|r| r.features[0] == 1.0).count();
        assert_eq!(picked, 1);
    }

    fn claims(paragraphs: &[&str]) -> Vec<crate::claims::Claim> {
        use crate::article::{Article, Block, BlockKind};
        let article = Article {
            blocks: paragraphs
                .iter()
                .enumerate()
                .map(|(i, p)| Block {
                    kind: BlockKind::Paragraph,
                    text: (*p).to_string(),
                    line: i + 1,
                })
                .collect(),
            ..Article::default()
        };
        crate::claims::extract(&article)
    }

    #[test]
    fn two_attributions_in_one_sentence_are_both_sources() {
        let c = claims(&[
            "Mayor Ada Wren said the bridge would reopen in May, while the harbor board argued it was unsafe.",
        ]);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].sources, ["Mayor Ada Wren", "the harbor board"]);
        let speaker = c[0].speaker.as_deref().expect("a speaker");
        assert!(c[0].sources.iter().any(|s| s == speaker));
    }

    #[test]
    fn one_attribution_gives_one_source_and_none_gives_none() {
        let c = claims(&[
            "Tomas Egger said the ferry would stop running.",
            "The ferry has run since 1961.",
        ]);
        assert_eq!(c[0].sources, ["Tomas Egger"]);
        assert!(c[1].sources.is_empty());
        assert_eq!(c[1].speaker, None);
    }

    #[test]
    fn a_pronoun_source_resolves_against_the_article_before_the_sentence() {
        let c = claims(&[
            "Ingrid Lowe, the port director, said repairs would take a year.",
            "She said the cost was rising, but Paul Marsh told reporters the estimate was too high.",
        ]);
        assert_eq!(c[1].sources, ["Ingrid Lowe", "Paul Marsh"]);
    }

    #[test]
    fn a_pronoun_chain_stays_with_its_person() {
        let c = claims(&[
            "Susan Bly, the county's health officer, said the clinic would close.",
            "She said the staff would move to the hospital.",
            "\"We have no other choice,\" she said.",
        ]);
        assert_eq!(c[1].speaker.as_deref(), Some("Susan Bly"));
        assert_eq!(c[2].speaker.as_deref(), Some("Susan Bly"));
    }

    #[test]
    fn a_role_noun_refers_back_to_the_named_holder() {
        let c = claims(&[
            "Sen. Ivo Marsh said the bill would pass this week.",
            "The harbor board said it had not seen the bill.",
            "The senator said the vote was close.",
        ]);
        assert_eq!(c[2].speaker.as_deref(), Some("Sen. Ivo Marsh"));
    }

    #[test]
    fn a_long_tail_attribution_beats_a_cue_in_a_condition() {
        let c = claims(&[
            "The port could reopen in May, but only if he is convinced that the hangers hold, Sen. Ada Wren told reporters at the harbor on Friday.",
        ]);
        assert_eq!(c[0].speaker.as_deref(), Some("Sen. Ada Wren"));
    }

    #[test]
    fn a_cue_inside_reported_words_stays_reported() {
        let c = claims(&[
            "Voters learned again that, whatever the stakes, Vance will insist on being Vance.",
        ]);
        assert_eq!(c[0].speaker.as_deref(), Some("Voters"));
        assert_eq!(c[0].sources, ["Voters", "Vance"]);
    }

    #[test]
    fn a_cue_inside_an_embedded_question_stays_nested() {
        // "how she would seek", "how the harbor board responds": what the
        // main clause's speaker talks about, never the speaker.
        let c = claims(&[
            "Her deputy, Ada Wren, calls the plan a \"lifeline\" for how she would seek to rebuild the pier.",
            "The vote sparked a debate over how the harbor board responds to storms, with Sen. Ivo Marsh telling reporters the board was \"asleep.\"",
        ]);
        assert_eq!(c[0].speaker.as_deref(), Some("Ada Wren"));
        assert_eq!(c[1].speaker.as_deref(), Some("Sen. Ivo Marsh"));
    }

    #[test]
    fn a_cue_in_a_clause_of_time_gives_way_to_the_main_clause() {
        let c = claims(&[
            "By the time the hearings concluded, as many as 40 percent of the ferry riders said they would stop riding.",
        ]);
        assert_eq!(
            c[0].speaker.as_deref(),
            Some("40 percent of the ferry riders")
        );
    }
}
