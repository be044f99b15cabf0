//! Attribution of one sentence: finds a reporting cue outside its
//! quotations ("said", "told", "argued", "according to") and the noun
//! phrase of who is speaking, as the article names them.
//!
//! Main entry: [`find`] → [`Attribution`]. Whether a cue word is a
//! reporting verb where it stands is [`super::cues`]'s job; resolving
//! pronouns and "the source" to earlier speakers is [`super::resolve`]'s.

use std::ops::Range;

use checks::{
    plausible, plural_looking_name, pronoun_antecedent, shown_subject, singular_before_base,
    singular_verb_after,
};
use participle::{according_speaker, participle_speaker};
use routes::{
    as_name_before_aside, first_conjunct_subject, manner_verb_after_speaker, manner_verb_speaker,
    verb_phrase,
};

use super::cues::{
    after_gerund, after_opening_preposition, catenative_before, inverted_tail, missing_particle,
    verb_context,
};
use super::lexicon::{self, CueClass};
use super::phrases::{Sentence, Tok, lower, phrase_after, slice};
use super::subjects::{sentence_subject, subject_before};

/// The reporting cue of a sentence and its speaker phrase as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The speaker noun phrase ("Deputy Foreign Minister Sergei Ryabkov",
    /// "he", "the source").
    pub speaker: String,
    /// Byte offset of the cue word in the sentence.
    pub cue_at: usize,
    /// The cue sits in a relative clause ("Vance thanks Lowe, who says
    /// …") or its speaker is the agent of a passive ("Lee was asked by
    /// Kane whether …"): the sentence is still about its main subject.
    pub relative: bool,
    /// The subject the speaker asked or told ("Lee" in "Lee was asked by
    /// Kane whether …"): the one asked, not the asker, answers in what
    /// follows.
    pub asked: Option<String>,
    /// The pronoun as written when `speaker` is its antecedent in the same
    /// sentence ("Lowe has said she …"): the antecedent is only a guess
    /// the article's memory of people may overrule ("Lately, he said …").
    pub pronoun: Option<String>,
}

/// Finds the attribution of a sentence, if it has one. `quotes` are the
/// byte ranges of its quotations (cues inside them are not the narrator's).
///
/// When several cues qualify, a tail attribution (", the source said.")
/// wins, then the strongest speech cue, then the first.
pub fn find(text: &str, quotes: &[Range<usize>]) -> Option<Attribution> {
    let lowered = text.to_ascii_lowercase();
    find_in(&Sentence::new(text, &lowered, quotes))
}

/// [`find`] on a sentence whose tokens other scans may share.
pub(super) fn find_in(sentence: &Sentence) -> Option<Attribution> {
    find_with_sources(sentence).0
}

/// The main attribution of a sentence and, when it has more than one
/// ("Lee said …, while Park argued …"), every attribution in the order
/// their speakers appear (the same speaker phrase once); empty otherwise.
pub(super) fn find_with_sources(sentence: &Sentence) -> (Option<Attribution>, Vec<Attribution>) {
    let toks = sentence.toks();
    let mut found = candidates(toks);
    let Some(best) = super::attrib_model::choose(toks, &found) else {
        return (None, Vec::new());
    };
    let best = checks::earlier_named(toks, &found, best).unwrap_or(best);
    let mut main = attribution_of(sentence.text, toks, &found[best]);
    // "Rhimes declared …: "…," she said": an antecedent that is itself the
    // subject of another speech cue of the main clause is shown to speak.
    if main.pronoun.is_some() && !lexicon::is_subordinator(toks[0].lw) {
        let antecedent = pronoun_antecedent(toks, found[best].np.clone());
        // A name, not a plural capitalised only as the sentence's first
        // word ("Candidates who think …, she said").
        let named = antecedent.clone().any(|k| k > 0 && toks[k].capitalized());
        if named
            && found
                .iter()
                .enumerate()
                .any(|(i, c)| i != best && c.np == antecedent && !c.act)
        {
            main.pronoun = None;
        }
    }
    if found.len() < 2 {
        return (Some(main), Vec::new());
    }
    found.sort_by_key(|c| (c.np.start, c.cue));
    let mut all: Vec<Attribution> = Vec::with_capacity(found.len());
    for c in &found {
        let a = attribution_of(sentence.text, toks, c);
        if !all.iter().any(|o| o.speaker == a.speaker) {
            all.push(a);
        }
    }
    (Some(main), all)
}

/// The index of the candidate the hand-written rules pick: the first of
/// the lowest rank.
pub(super) fn rule_choice(found: &[Candidate]) -> Option<usize> {
    (0..found.len()).min_by_key(|&i| (found[i].rank, i))
}

/// The [`Attribution`] a candidate gives.
pub(super) fn attribution_of(text: &str, toks: &[Tok], c: &Candidate) -> Attribution {
    let (v, np) = (c.cue, c.np.clone());
    let antecedent = pronoun_antecedent(toks, np.clone());
    // "They" agrees in number with a plural subject, which is evidence
    // enough; "he"/"she" needs the subject shown to be one.
    let singular = matches!(toks[np.start].lw, "he" | "she");
    // A name in an opening clause ("While Lowe has …, she said") may be
    // the other person of it: the article's knowledge decides.
    let opening_clause = antecedent.start == 1 && lexicon::is_subordinator(toks[0].lw);
    let guess = singular
        && antecedent != np
        && ((!shown_subject(toks, &antecedent) || plural_looking_name(toks, &antecedent))
            // "Sanders exaggerates when he says": the verb shows one person.
            && !singular_verb_after(toks, &antecedent)
            || opening_clause);
    Attribution {
        relative: c.route == Route::AskedBy || np.end < v && in_relative_clause(toks, np.end, v),
        asked: (c.route == Route::AskedBy)
            .then(|| sentence_subject(toks, v))
            .flatten()
            .map(|s| slice(text, toks, s)),
        speaker: slice(text, toks, antecedent),
        cue_at: toks[v].start,
        pronoun: guess.then(|| slice(text, toks, np)),
    }
}

/// True when the cue at `v` is the verb of a relative clause after the
/// speaker phrase ending at `end` ("Lowe, who has in the past said"), not
/// the main verb after one ("27 percent of those who named Lee said").
fn in_relative_clause(toks: &[Tok], end: usize, v: usize) -> bool {
    let Some(k) = (end..v)
        .rev()
        .find(|&k| matches!(toks[k].lw, "who" | "which"))
    else {
        return false;
    };
    // Only auxiliaries, adverbs and set phrases of time stand between.
    let mut j = v;
    while j > k + 1 {
        let set = super::subjects::set_phrase_before(toks, j);
        if set > 0 {
            j -= set;
        } else if lexicon::is_verb_modifier(toks[j - 1].lw) {
            j -= 1;
        } else {
            return false;
        }
    }
    j == k + 1
}

/// How a candidate's speaker phrase was found: a feature of the learned
/// choice between candidates ([`super::attrib_model`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Route {
    WrittenBy,
    AskedBy,
    Feeling,
    PutIt,
    Participle,
    According,
    ByOne,
    Catenative,
    InvertedTail,
    Coordinated,
    Subject,
    AfterCue,
}

/// One reporting cue of a sentence with the speaker phrase the rules read
/// for it; lower `rank` is a stronger attribution.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    pub(super) rank: u8,
    /// Token index of the cue word.
    pub(super) cue: usize,
    /// Token range of the speaker phrase.
    pub(super) np: Range<usize>,
    pub(super) route: Route,
    /// The cue is a stance or act ("endorsed", "declined"), not words.
    pub(super) act: bool,
}

/// Every reporting cue of a sentence with its speaker phrase, in order.
pub(super) fn candidates(toks: &[Tok]) -> Vec<Candidate> {
    // The tokens are shared with the topic scan, so no separate
    // "any cue word?" pass over the text first: the loop below skips a
    // token that passes no cue filter just as cheaply.
    let mut out: Vec<Candidate> = Vec::new();
    let mut push = |rank: u8, cue: usize, np: Range<usize>, route: Route| {
        // "Barrett's dictum (repeated to me over the years) was …": a verb
        // opening a parenthesis has no subject outside it.
        if route == Route::Subject && toks[cue].raw.starts_with('(') {
            return;
        }
        let act = lexicon::is_act_cue(toks[cue].lw);
        out.push(Candidate {
            // Reported words outrank a stance for the rules, even in a
            // relative clause ("Vance endorses Lowe, who says …"); the
            // learned choice may still prefer the main clause's stance.
            rank: if act { rank + 3 } else { rank },
            cue,
            np,
            route,
            act,
        });
    };
    // The last cue that found a speaker: a cue whose subject opens the
    // clause it reports ("after Lee said he believes …") is the reported
    // words, not the narrator's attribution.
    let mut reporting: Option<usize> = None;
    for v in 0..toks.len() {
        let t = &toks[v];
        if t.quoted || t.core.is_empty() {
            continue;
        }
        // Reporting verbs are lower-case in running text ("the United
        // States" is not a cue).
        // A headline in title case capitalises its verb too ("Mayor Lowe
        // Says Port Will Reopen").
        // After a colon a clause opens with a capital too ("…: According
        // to recent polls, …").
        let opens_clause = v == 0 || toks[v - 1].raw.ends_with(':');
        if t.core.starts_with(|c: char| c.is_uppercase())
            && !opens_clause
            && !(t.lw.ends_with(['s', 'd'])
                && lexicon::is_strong_cue(t.lw)
                && !lexicon::is_base_form(t.lw)
                && title_case(toks))
        {
            continue;
        }
        let w = t.lw;
        // "As Lee put it, …": an idiom, not a cue word on its own.
        let put_it = matches!(w, "put" | "puts")
            && toks.get(v + 1).is_some_and(|n| n.lw == "it" && !n.quoted);
        // "… was written by Lee": the agent of a passive writing verb.
        let by_next = toks.get(v + 1).is_some_and(|n| n.lw == "by" && !n.quoted);
        let written_by = matches!(w, "written" | "penned" | "authored") && by_next;
        // "Rubio was asked by moderator Gerard Baker whether …": the agent
        // of a passive speech verb is the one who spoke.
        let spoken_by = matches!(w, "asked" | "told" | "pressed" | "questioned" | "warned")
            && by_next
            && v > 0
            && is_be_form(toks[v - 1].core);
        // "As reported by the Gazette, …": the agent is the source.
        let as_reported = matches!(w, "reported" | "noted" | "stated" | "told")
            && v > 0
            && toks[v - 1].lw == "as"
            && (v == 1 || toks[v - 2].ends_clause())
            && toks.get(v + 1).is_some_and(|n| n.lw == "by" && !n.quoted);
        if as_reported {
            if let Some(np) = phrase_after(toks, v + 2, false) {
                push(1, v, np, Route::According);
            }
            continue;
        }
        if spoken_by && let Some(np) = phrase_after(toks, v + 2, false) {
            push(1, v, np, Route::AskedBy);
            continue;
        }
        if written_by {
            let passive = v > 0 && is_be_form(toks[v - 1].core);
            if let Some(np) = phrase_after(toks, v + 2, false).filter(|_| passive) {
                push(2, v, np, Route::WrittenBy);
            }
            continue;
        }
        if !put_it && !lexicon::may_cue_or_feeling(w) {
            // "\"…!\" beamed Tom Hale.": a verb no list knows, right after
            // a closed utterance and before a name that ends the clause,
            // is how the writer says who spoke.
            if let Some(np) = manner_verb_speaker(toks, v) {
                push(1, v, np, Route::AfterCue);
            } else if let Some(np) = manner_verb_after_speaker(toks, v) {
                push(1, v, np, Route::Subject);
            }
            continue;
        }
        // "their home states' choice": a plural possessive is a noun.
        if t.raw.ends_with(['\'', '\u{2019}']) && w.ends_with('s') {
            continue;
        }
        let feeling = lexicon::is_feeling(w)
            && toks
                .get(v + 1)
                .is_some_and(|n| n.core.eq_ignore_ascii_case("that"));
        if !feeling && !put_it && !lexicon::may_cue(w) {
            continue;
        }
        let as_feeling = if feeling {
            // "Republicans were incensed that …": the subject of "be".
            let mut b = v;
            while b > 0 && lexicon::is_verb_modifier(toks[b - 1].lw) {
                b -= 1;
            }
            (b > 0 && is_be_form(toks[b - 1].core))
                .then(|| {
                    if toks[b - 1].core.contains(['\'', '\u{2019}']) {
                        Some(b - 1..b)
                    } else {
                        subject_before(toks, b - 1)
                    }
                })
                .flatten()
                .map(|np| (2u8, np, Route::Feeling))
        } else {
            None
        };
        // "Regulators worried that …" is a feeling word used as a verb:
        // without "be" before it, it is read as a plain cue.
        let found = if as_feeling.is_some() || feeling && !lexicon::may_cue(w) {
            as_feeling
        } else if put_it {
            subject_before(toks, v)
                .filter(|np| np.start > 0 && toks[np.start - 1].lw == "as")
                .or_else(|| as_name_before_aside(toks, v))
                .map(|np| (2u8, np, Route::PutIt))
        } else if lexicon::is_participle_cue(w) {
            participle_speaker(toks, v, w)
        } else if w == "according" {
            according_speaker(toks, v)
        } else {
            let Some(class) = lexicon::cue(w) else {
                continue;
            };
            if v >= 2
                && toks[v - 2].lw == "by"
                && matches!(toks[v - 1].lw, "one" | "some" | "another" | "an" | "a")
                && !toks[v - 2].quoted
                && !toks[v - 1].ends_clause()
            {
                // "…, by one estimate.": the estimate is the source, and
                // "one" here is no pronoun for an earlier speaker.
                push(2, v, v - 1..v + 1, Route::ByOne);
                continue;
            }
            if let Some(verb) = catenative_before(toks, v).filter(|_| !missing_particle(toks, v)) {
                // "Lee continues to insist …": the subject of the verb
                // the cue hangs on; "Lee is trying to explain …": of its
                // auxiliary.
                let head = if toks[verb].lw.ends_with("ing") {
                    (verb > 0 && is_be_form(toks[verb - 1].core)).then(|| verb - 1)
                } else {
                    Some(verb)
                };
                if let Some(np) = head
                    .and_then(|h| subject_before(toks, h))
                    .filter(|np| plausible(&toks[np.clone()]))
                {
                    let rank = if lexicon::is_strong_cue(w) { 1 } else { 2 };
                    push(rank, v, np, Route::Catenative);
                }
                continue;
            }
            if !verb_context(toks, v, w, class) {
                continue;
            }
            // A weaker cue still wins when "that" shows it governs the rest
            // ("He notes that the board announced …").
            let strong = lexicon::is_strong_cue(w)
                || toks
                    .get(v + 1)
                    .is_some_and(|n| n.core.eq_ignore_ascii_case("that"));
            let rank = if strong { 1 } else { 2 };
            let coordinated = v > 0 && matches!(toks[v - 1].lw, "and" | "but" | "then");
            // "Ada Wren, who runs the office, said the rule …" keeps its
            // named subject; a clause before the comma is no subject.
            let named_subject = || {
                subject_before(toks, v).is_some_and(|np| {
                    // It must open its clause, and a capital on the
                    // sentence's first word proves nothing.
                    let opens = np.start == 0 || toks[np.start - 1].ends_clause();
                    // "Critics, who plan to appeal, said …": a relative
                    // or partitive aside hangs on a subject, capital or not.
                    let aside = np.end < v
                        && toks[np.end - 1].raw.ends_with(',')
                        && matches!(
                            toks[np.end].lw,
                            "who" | "whose" | "many" | "most" | "some" | "several" | "all" | "both"
                        );
                    // "Lee and his wife Ana, son Omar and Ana's mother had
                    // been traveling together, wrote …": a clause between.
                    let clause = super::subjects::clause_before_comma_cue(toks, &np, v);
                    opens
                        && !clause
                        && (aside || (np.start.max(1)..np.end).any(|k| toks[k].capitalized()))
                })
            };
            if let Some(np) = inverted_tail(toks, v, class).filter(|_| !named_subject()) {
                // "…, and it went badly from there, said one source.": the
                // speaker after the cue, not a noun of the clause before.
                Some((rank, np, Route::InvertedTail))
            } else if coordinated {
                // "Lee outlined a plan and vowed …": the shared subject.
                sentence_subject(toks, v - 1)
                    .or_else(|| first_conjunct_subject(toks, v - 1))
                    .map(|np| (rank + 1, np, Route::Coordinated))
                    .or_else(|| {
                        // "The union's statement then declares …": "then"
                        // right after its subject is an adverb, no conjunction.
                        (toks[v - 1].lw == "then")
                            .then(|| subject_before(toks, v))
                            .flatten()
                            .filter(|np| np.end + 1 == v && !verb_phrase(toks, np))
                            .map(|np| (rank, np, Route::Subject))
                    })
            } else if let Some(np) = subject_before(toks, v).filter(|np| {
                // "Lee and his wife Ana, son Omar and his wife had been
                // traveling together, wrote …": a clause before the comma.
                let clause = super::subjects::clause_before_comma_cue(toks, np, v);
                !verb_phrase(toks, np) && !singular_before_base(toks, v, np) && !clause
            }) {
                Some((rank, np, Route::Subject))
            } else if let Some(np) = super::subjects::modified_subject(toks, v)
                .or_else(|| super::cues::source_subject(toks, v))
            {
                // "The officials whose laws were struck down say", "Polls
                // there show".
                Some((rank, np, Route::Subject))
            } else if class == CueClass::Inverting && (v == 0 || toks[v - 1].ends_clause()) {
                // "…!\" posted Ada Lowe" names the poster; "…,\" posted the
                // clip" is what was posted.
                phrase_after(toks, v + 1, true)
                    .filter(|np| w != "posted" || toks[np.start].capitalized())
                    .filter(|np| !super::cues::opens_clause(toks, np))
                    .map(|np| (rank, np, Route::AfterCue))
            } else {
                None
            }
        };
        // "\"…,\" the email read": only writing reads out words; "the
        // students read the report" is reading.
        let reads = matches!(w, "read" | "reads");
        // "refusing to recant earlier remarks": a lone lower-case word after
        // "to" is an infinitive, not the subject of the noun after it.
        let infinitive = |np: &Range<usize>, route: Route| {
            route == Route::Subject
                && np.len() == 1
                && np.start > 0
                && toks[np.start - 1].lw == "to"
                && !toks[np.start].capitalized()
                && !toks[np.start].lw.ends_with('s')
                && !toks[np.start - 1].ends_clause()
        };
        let Some((mut rank, np, route)) = found.filter(|(_, np, route)| {
            !infinitive(np, *route)
                && (!reads
                    || toks[np.clone()]
                        .iter()
                        .any(|t| WRITTEN_NOUNS.contains(&t.lw)))
                && plausible(&toks[np.clone()])
                && !after_opening_preposition(toks, np)
                && !after_gerund(toks, np)
        }) else {
            continue;
        };
        // "Lee said Kane …", "Lee said that Kane …", and past a short object
        // ("Lee cited reports that Kane said …", "made the claim that").
        let reported = reporting.is_some_and(|c| {
            let that = np
                .start
                .checked_sub(1)
                .filter(|&t| t > c && toks[t].lw == "that");
            // "Cost estimates, he added, were …", "after the talk ended,
            // Lee said …": a comma after the first cue sets the second off
            // as its own attribution, unless the first opens an "as"
            // clause ("As the Gazette revealed, the board agreed").
            let as_clause = || {
                (c.saturating_sub(6)..c)
                    .rev()
                    .take_while(|&k| !toks[k].ends_clause())
                    .any(|k| toks[k].lw == "as")
            };
            // "Lee says despite the cost, she plans to …": an opening
            // phrase of the reported clause right after the cue.
            let opened = || {
                lexicon::is_strong_cue(toks[c].lw)
                    && !toks[c].ends_clause()
                    && toks.get(c + 1).is_some_and(|o| {
                        !o.quoted
                            && (lexicon::is_subordinator(o.lw)
                                || lexicon::is_intro_preposition(o.lw))
                    })
                    && np.start >= c + 3
                    && np.start - c <= 12
                    && toks[np.start - 1].raw.ends_with(',')
                    && (c + 1..np.start - 1).all(|k| !toks[k].ends_clause() && !toks[k].quoted)
            };
            // "Barro noted that the odds were low, and that Americans
            // should worry …": a second "that" clause joined to the first
            // is still the cue's reported words.
            let second_that = || {
                that.is_some_and(|t| {
                    t >= 2
                        && matches!(toks[t - 1].lw, "and" | "or" | "but")
                        && toks.get(c + 1).is_some_and(|n| n.lw == "that" && !n.quoted)
                        && !toks[c].ends_clause()
                })
            };
            np.start == c + 1 && (!toks[c].ends_clause() || as_clause())
                || that.is_some_and(|t| t - c <= 4 && (c..t).all(|k| !toks[k].ends_clause()))
                || opened()
                || second_that()
        });
        if reported {
            continue;
        }
        reporting = Some(v);
        // A weaker cue near the end ("…, on being Lee.") is not a tail
        // attribution; ", the footage showed." may still be, at its rank.
        // "Grayson said Randolph \"would lose,\" the source recalled, …":
        // a speaker right after a quotation closed by a comma attributes
        // it, and the cue before the quotation is inside what was said.
        let quote_tail = route == Route::Subject
            && np.end == v
            && np.start > 0
            && toks[np.start - 1].quoted
            && toks[np.start - 1]
                .raw
                .trim_end_matches(['"', '\u{201D}', '\''])
                .ends_with([',', '?', '!']);
        let tail = is_tail(toks, v, &np) && lexicon::is_strong_cue(w) || quote_tail;
        let demoted = !tail && (subordinate(toks, np.start) || relative_object(toks, v, &np));
        if tail {
            rank = 0;
        } else if route == Route::Subject
            && is_tail(toks, v, &np)
            && super::cues::reports_findings(w)
        {
            // "He agreed to sell it in 2010, records show.": a findings
            // tail covers the sentence before it.
            rank = rank.min(1);
        } else if demoted {
            // "when he wrote his book, Smith said …": the main clause wins.
            rank += 2;
        }
        // "She said …, and the mother of three replied, \"…\"": the cue
        // that introduces the quotation owns it.
        let introduces = |k: usize| toks.get(k).is_some_and(|t| t.quoted);
        if rank > 0 && (introduces(v + 1) || v > 0 && introduces(v - 1) || introduces(np.end)) {
            rank -= 1;
        }
        push(rank, v, np, route);
    }
    // "… are problematic - Pew Research: \"All the samples …\"": a source
    // labelled after a dash introduces the quotation after its colon.
    if let Some(np) = routes::dash_label(toks) {
        out.push(Candidate {
            rank: 0,
            cue: np.end - 1,
            np,
            route: Route::According,
            act: false,
        });
    }
    // "In a poll released Monday, 52 percent …": with no reporting verb,
    // the opening phrase names the source.
    // A stance alone leaves the opening source its place ("In a new poll,
    // 52 percent backed the plan").
    if out.iter().all(|c| c.act)
        && let Some(np) = opening::opening_source(toks).or_else(|| opening::poll_in_clause(toks))
    {
        out.push(Candidate {
            rank: 2,
            cue: 0,
            np,
            route: Route::According,
            act: false,
        });
    }
    out
}

/// True when most words of the sentence are capitalised, as in a title
/// ("Harbor Chief Says The Port Will Reopen").
fn title_case(toks: &[Tok]) -> bool {
    let words = toks
        .iter()
        .filter(|t| t.core.starts_with(char::is_alphabetic));
    let (mut all, mut capitals) = (0, 0);
    for t in words {
        all += 1;
        capitals += usize::from(t.capitalized());
    }
    all >= 4 && capitals * 10 >= all * 7
}

/// "is", "was", "'s" and the other forms of "be" before a participle.
fn is_be_form(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    let w = w.replace('\u{2019}', "'");
    matches!(w.as_str(), "is" | "are" | "was" | "were" | "been" | "be")
        || ["he's", "she's", "it's", "they're", "we're", "i'm", "who's"].contains(&w.as_str())
}

/// True when the phrase at `start` opens a subordinate clause ("when he
/// wrote", "if they say") or stands inside the clause that opens the
/// sentence ("While not everything Lee says is true, …").
pub(super) fn subordinate(toks: &[Tok], start: usize) -> bool {
    if start == 0 {
        return false;
    }
    // "… a blueprint for how she would seek …": an embedded question is
    // nested like a subordinate clause.
    if lexicon::is_subordinator(toks[start - 1].lw) || matches!(toks[start - 1].lw, "how" | "why") {
        return true;
    }
    // "By the time those primaries concluded, …", "every time he spoke":
    // a clause of time on "time".
    if start >= 2
        && toks[start - 1].lw == "time"
        && !toks[start - 1].ends_clause()
        && matches!(
            toks[start - 2].lw,
            "the" | "every" | "each" | "any" | "first" | "last" | "next"
        )
    {
        return true;
    }
    // "As one analyst pointed out, …" attributes the main clause.
    let opener = usize::from(lexicon::is_subordinator_adverb(toks[0].lw));
    opener < start
        && lexicon::is_subordinator(toks[opener].lw)
        && toks[opener].lw != "as"
        && !toks[opener..start]
            .iter()
            .any(|t| t.ends_clause() || t.is_dash())
}

/// True when the cue at `v` sits in a relative clause on a noun inside the
/// sentence ("… hired an aide who said …"): the main clause's own cue, if
/// any, names the sentence's speaker.
pub(super) fn relative_object(toks: &[Tok], v: usize, np: &Range<usize>) -> bool {
    let mut j = v;
    while j > 0 && lexicon::is_verb_modifier(toks[j - 1].lw) {
        j -= 1;
    }
    let relative = j > 0 && matches!(toks[j - 1].lw, "who" | "which");
    relative && np.start > 0 && !toks[np.start - 1].ends_clause()
}

/// True for a clause-final attribution: ", X said." / ", said X." with at
/// most a few words after it.
pub(super) fn is_tail(toks: &[Tok], v: usize, np: &Range<usize>) -> bool {
    let first = np.start.min(v);
    let last = np.end.max(v + 1);
    let opens = first == 0 || toks[first - 1].ends_clause();
    opens && toks.len() - last <= 4 && first > 0
}

mod checks;
mod labels;
mod opening;
mod participle;
mod quoted;
mod routes;
pub use labels::block_speaker;
pub(super) use labels::name_label;
pub(super) use opening::headline_label;
use quoted::WRITTEN_NOUNS;
pub use quoted::quote_subject;
/// The speaker [`find`] gives a sentence, for the test modules below.
#[cfg(test)]
fn speaker(text: &str) -> Option<String> {
    find(text, &super::quotes::spans(text, false)).map(|a| a.speaker)
}
#[cfg(test)]
mod clause_tests;
#[cfg(test)]
mod cue_word_tests;
#[cfg(test)]
mod described_tests;
#[cfg(test)]
mod edge_tests;
#[cfg(test)]
mod inverted_tests;
#[cfg(test)]
mod participle_tests;
#[cfg(test)]
mod pronoun_tests;
#[cfg(test)]
mod share_tests;
#[cfg(test)]
mod subject_tests;
#[cfg(test)]
mod tests;
