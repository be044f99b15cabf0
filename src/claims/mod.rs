//! Claim extraction: splits an [`Article`]'s body into sentences and types
//! each one that asserts something as a [`Claim`] (quote, attributed,
//! numeric, statement) with speaker, numbers, polarity and entities.
//!
//! Pure: no I/O.

pub mod attrib_model;
mod cues;
pub mod entities;
mod id;
mod interview;
mod lexicon;
mod list_items;
mod names;
pub mod numbers;
mod persons;
mod phrases;
pub mod polarity;
mod posts;
mod quote_joins;
pub mod quotes;
mod resolve;
pub mod sentences;
pub mod speakers;
mod subjects;
#[cfg(test)]
mod tests;
pub mod topic;

use serde::{Deserialize, Serialize};

use crate::article::{Article, BlockKind};
pub use id::claim_id;

/// What kind of assertion a claim is (SPEC section 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    Quote,
    Attributed,
    Numeric,
    Statement,
}

impl ClaimKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Quote => "quote",
            ClaimKind::Attributed => "attributed",
            ClaimKind::Numeric => "numeric",
            ClaimKind::Statement => "statement",
        }
    }
}

/// Where in the article a claim stands (SPEC section 3): the headline,
/// the standfirst (summary under it) or the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    Headline,
    Standfirst,
    // Claims stored before parts existed are body claims.
    #[default]
    Body,
}

impl Part {
    pub fn as_str(self) -> &'static str {
        match self {
            Part::Headline => "headline",
            Part::Standfirst => "standfirst",
            Part::Body => "body",
        }
    }
}

/// One quantity in a claim: as written, its value and a plain-word unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberMention {
    pub text: String,
    pub value: f64,
    pub unit: String,
}

/// One sentence of the article (headline, standfirst or body) that
/// asserts something.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub id: String,
    pub kind: ClaimKind,
    pub text: String,
    pub quote: Option<String>,
    pub speaker: Option<String>,
    /// Every attributed source of the sentence in order, when it names
    /// more than one ("X said …, while Y argued …"); `speaker` is the main one.
    #[serde(default)]
    pub sources: Vec<String>,
    pub numbers: Vec<NumberMention>,
    // Defaults: a compact `created` event (SPEC 5) leaves these out.
    #[serde(default)]
    pub negated: bool,
    #[serde(default)]
    pub hedged: bool,
    #[serde(default)]
    pub entities: Vec<String>,
    #[serde(default)]
    pub part: Part,
    #[serde(default)]
    pub paragraph: usize,
    #[serde(default)]
    pub line: usize,
}

/// Extracts the claims of a parsed article, in document order.
pub fn extract(article: &Article) -> Vec<Claim> {
    // About two claims a paragraph: sized once rather than grown (a claim
    // is large, so each growth copies a lot).
    let mut claims: Vec<Claim> = Vec::with_capacity(article.blocks.len() * 2 + 1);
    // The headline and the standfirst are read with a speaker memory of
    // their own: they restate the body in short, and a name or "says" in
    // them must not become the antecedent of the lead's "he".
    let mut lead = resolve::Speakers::default();
    if let Some(title) = &article.title
        && let Some(claim) = lead_claim(title, LEAD_HEADLINE_MIN_WORDS, &mut lead)
    {
        claims.push(Claim {
            part: Part::Headline,
            paragraph: 0,
            line: article.title_line,
            ..claim
        });
    }
    let mut speakers = resolve::Speakers::default();
    // Quote claims of paragraphs that end inside a quotation, waiting for
    // the paragraph that closes it to name the speaker.
    let mut pending: Vec<usize> = Vec::new();
    // Who answers an interview's "A:" turns, found at the first of them.
    let mut interviewee: Option<Option<String>> = None;
    // The author of an embedded post, known from the signature line under
    // it; that line itself is no claim.
    let mut signed = false;
    for (paragraph, block) in article.blocks.iter().enumerate() {
        if std::mem::take(&mut signed) {
            pending.clear();
            continue;
        }
        let author = article.blocks.get(paragraph + 1).and_then(posts::signature);
        if let Some(author) = author {
            signed = true;
            pending.clear();
            posts::post_claims(&block.text, &author, paragraph, block.line, &mut claims);
            continue;
        }
        if block.kind == BlockKind::Heading {
            pending.clear();
            continue;
        }
        if article.standfirst == Some(paragraph) {
            for text in sentences::split(&block.text) {
                let claim = match sentence_claim(text, Label::NONE, &mut lead) {
                    Some((claim, _)) => Some(claim),
                    None => lead_claim(text, LEAD_STANDFIRST_MIN_WORDS, &mut lead),
                };
                if let Some(claim) = claim {
                    claims.push(Claim {
                        part: Part::Standfirst,
                        paragraph: paragraph + 1,
                        line: block.line,
                        ..claim
                    });
                }
            }
            continue;
        }
        // An interview's answers are the interviewee's words; its
        // questions name no speaker.
        let turn = interview::turn(&block.text);
        let words = turn.map_or(block.text.as_str(), |(_, words)| words);
        // A headline's label is its outer speaker: "Lee: Park thinks the
        // port will close" is Lee's claim about Park.
        let mut label_first = false;
        let block_speaker = match turn {
            Some((interview::Turn::Answer, _)) => interviewee
                .get_or_insert_with(|| interview::interviewee(&claims))
                .as_deref(),
            Some((interview::Turn::Question, _)) => None,
            // An untitled article's first line "Lynch: No delay to the
            // probe." is labelled like a headline.
            None => {
                let untitled_first = paragraph == 0 && article.title.is_none();
                let label = speakers::block_speaker(&block.text).or_else(|| {
                    untitled_first
                        .then(|| speakers::headline_label(&block.text))
                        .flatten()
                });
                label_first = untitled_first && label.is_some();
                label
            }
        };
        let mut unattributed_quotes = Vec::new();
        let mut first = true;
        for text in quote_joins::join_quote_attributions(words, sentences::split(words)) {
            let label = Label {
                name: block_speaker,
                first: label_first,
            };
            let claim = sentence_claim(text, label, &mut speakers).or_else(|| {
                (block.kind == BlockKind::ListItem && list_items::unstopped_item(text))
                    .then(|| typed_claim(text, label, &mut speakers))
            });
            let Some((claim, explicit)) = claim else {
                note_lead_in(text, &mut speakers);
                continue;
            };
            if first && !pending.is_empty() {
                if explicit && claim.kind == ClaimKind::Quote {
                    for &i in &pending {
                        claims[i].speaker.clone_from(&claim.speaker);
                        claims[i].sources.clone_from(&claim.sources);
                    }
                    pending.clear();
                } else if !(claim.kind == ClaimKind::Quote && text.starts_with(['"', '\u{201C}'])) {
                    pending.clear();
                }
            }
            first = false;
            if claim.kind == ClaimKind::Quote && !explicit {
                unattributed_quotes.push(claims.len());
            }
            claims.push(Claim {
                paragraph: paragraph + 1,
                line: block.line,
                ..claim
            });
        }
        // The cheap test first: most paragraphs open with no quote mark.
        let continues =
            block.text.starts_with(['"', '\u{201C}']) && sentences::quote_open(&block.text);
        if continues {
            pending.extend(unattributed_quotes);
        } else {
            pending.clear();
        }
    }
    claims
}

/// Fewest words of a headline claim ("Nine dead") and of an unpunctuated
/// standfirst sentence.
const LEAD_HEADLINE_MIN_WORDS: usize = 2;
const LEAD_STANDFIRST_MIN_WORDS: usize = 3;

/// A headline or standfirst sentence as a claim: these are written without
/// a closing full stop, so only questions and fragments are turned down.
fn lead_claim(text: &str, min_words: usize, speakers: &mut resolve::Speakers) -> Option<Claim> {
    let text = text.trim();
    let end = text.trim_end_matches(['"', '\'', ')', ']', '\u{201D}', '\u{2019}', ' ']);
    if end.ends_with(['?', ':', ',', ';']) || word_total(text, min_words) < min_words {
        return None;
    }
    // "Ada Lowe: I'd run again" names its speaker like a paragraph label
    // (an all-capitals kicker, "BREAKING: …", is no transcript here).
    // "Lynch: No delay to the probe" labels it with its source.
    let label = speakers::name_label(text).or_else(|| speakers::headline_label(text));
    Some(
        typed_claim(
            text,
            Label {
                name: label,
                first: true,
            },
            speakers,
        )
        .0,
    )
}

/// Words with a letter or digit in `text`, counted up to `limit`.
fn word_total(text: &str, limit: usize) -> usize {
    // A byte walk while the bytes are ASCII (there `split_whitespace` splits
    // at space and \t..\r and `is_alphanumeric` is ASCII's); a non-ASCII
    // byte before the limit falls back to the general count.
    let (mut count, mut in_word, mut alnum) = (0, false, false);
    for &c in text.as_bytes() {
        if matches!(c, b' ' | b'\t'..=b'\r') {
            if in_word && alnum {
                count += 1;
                if count == limit {
                    return count;
                }
            }
            (in_word, alnum) = (false, false);
        } else if c >= 0x80 {
            return text
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .take(limit)
                .count();
        } else {
            in_word = true;
            alnum |= c.is_ascii_alphanumeric();
        }
    }
    (count + usize::from(in_word && alnum)).min(limit)
}

/// Types one sentence as a claim, or `None` when it asserts nothing
/// (a question, a fragment, a heading-like line).
/// The flag says whether the speaker was named in the sentence (or its
/// paragraph) rather than carried over from an earlier one.
fn sentence_claim(
    text: &str,
    label: Label,
    speakers: &mut resolve::Speakers,
) -> Option<(Claim, bool)> {
    if !asserts_something(text) {
        return None;
    }
    Some(typed_claim(text, label, speakers))
}

/// The speaker a sentence's paragraph or headline is labelled with, if
/// any: a transcript label ("SMITH: …"), a signed quote, an interview's
/// answer, a post's author, a headline's "Lynch: …".
#[derive(Clone, Copy)]
struct Label<'a> {
    name: Option<&'a str>,
    /// The label speaks the whole sentence, an attribution inside it
    /// included ("Lee: Park thinks …"); otherwise it speaks only a
    /// sentence that attributes nothing itself.
    first: bool,
}

impl Label<'_> {
    const NONE: Self = Label {
        name: None,
        first: false,
    };
}

/// At most how many words a lead-in may run on from its cue to the colon
/// ("said in a statement on Monday:").
const LEAD_IN_TAIL_WORDS: usize = 7;

/// A lead-in that ends on a colon ("As Paul Marsh of the Gazette
/// wrote:", "The council, in a statement, added:") asserts nothing
/// itself, but names who speaks the quotation that follows it. Its cue
/// must be near the colon: in "The bias shows when … this statement by
/// Lowe:" the quotation is not the subject's.
fn note_lead_in(text: &str, speakers: &mut resolve::Speakers) {
    if !text.trim_end().ends_with(':') {
        return;
    }
    let spans = quotes::spans(text, false);
    let lowered = text.to_ascii_lowercase();
    let sentence = phrases::Sentence::new(text, &lowered, &spans);
    if let (Some(a), _) = speakers::find_with_sources(&sentence)
        && text[a.cue_at..].split_whitespace().count() <= LEAD_IN_TAIL_WORDS
    {
        speakers.resolve(&a.speaker);
    }
}

/// Types a sentence known to assert something; the flag as for
/// [`sentence_claim`].
fn typed_claim(text: &str, label: Label, speakers: &mut resolve::Speakers) -> (Claim, bool) {
    let block_speaker = label.name;
    let spans = quotes::spans(text, false);
    let lowered = text.to_ascii_lowercase();
    let sentence = phrases::Sentence::new(text, &lowered, &spans);
    let (attribution, others) = speakers::find_with_sources(&sentence);
    // A transcript label ("SMITH: …") or a signed quote ("… " - Ann Lee)
    // speaks for every sentence of its paragraph.
    let labelled = block_speaker.map(|s| speakers::Attribution {
        speaker: s.to_string(),
        cue_at: 0,
        relative: false,
        asked: None,
        pronoun: None,
    });
    let (attribution, others) = match labelled {
        // The label first, then the sentence's own sources.
        Some(l) if label.first && attribution.is_some() => {
            let mut all = vec![l.clone()];
            if others.is_empty() {
                all.extend(attribution);
            } else {
                all.extend(others);
            }
            (Some(l), all)
        }
        labelled => (attribution.or(labelled), others),
    };
    let quote_words: usize = spans
        .iter()
        .map(|r| quotes::word_count(&text[r.clone()]))
        .sum();
    let opens_with_quote = spans.first().is_some_and(|r| r.start <= 3);
    // Scare quotes and titles (1-3 words) only make a quote when attributed.
    let is_quote =
        !spans.is_empty() && (quote_words >= 4 || attribution.is_some() || opens_with_quote);
    // Other sources resolve against the article as it stood before this
    // sentence: the main speaker must not become their "he".
    let before = (!others.is_empty()).then(|| speakers.clone());
    let speaker = match &attribution {
        Some(a) => {
            // An in-sentence antecedent the article does not show to be a
            // person ("Lately, she said") yields to the pronoun's
            // earlier referent.
            let phrase = match &a.pronoun {
                Some(p)
                    if (!speakers.vouches(&a.speaker) || speakers.disagrees(&a.speaker, p))
                        && speakers.clone().resolve(p).is_some() =>
                {
                    p
                }
                _ => &a.speaker,
            };
            // "I"/"we" in a labelled paragraph ("A: I think …", "LOWE: We
            // will …") is the label's speaker.
            // "I'd", "We’ll": the pronoun before its contraction.
            let first_person = |p: &str| {
                let base = p.split(['\'', '\u{2019}']).next().unwrap_or(p);
                ["i", "we", "me", "us"]
                    .iter()
                    .any(|f| base.eq_ignore_ascii_case(f))
            };
            let phrase = match block_speaker {
                Some(label) if first_person(phrase) => label,
                _ => phrase,
            };
            // The asker is not remembered as the last speaker: the one
            // asked answers in the quotations that follow.
            let resolved = if a.asked.is_some() {
                speakers.clone().resolve(phrase)
            } else {
                speakers.resolve(phrase)
            };
            if let Some(name) = &resolved {
                speakers.hint_gender(name, reported_pronoun(&text[a.cue_at..]));
            }
            resolved
        }
        // A follow-on quotation belongs to the last speaker.
        None if is_quote && opens_with_quote => speakers.quote_owner(),
        None if is_quote => speakers::quote_subject(text, &spans)
            .and_then(|s| speakers.resolve(&s))
            .or_else(|| speakers.quote_owner()),
        None => None,
    };
    let sources = match before {
        Some(before) => resolve::sources(
            &before,
            &others,
            attribution.as_ref().map(|a| a.speaker.as_str()),
            speaker.as_deref(),
        ),
        None => speaker.iter().cloned().collect(),
    };
    // The person the sentence is about: its speaker, or else a named
    // subject; a speaker in a relative clause ("…, who says") leaves the
    // main subject the one a later "he" means.
    let relative = attribution.as_ref().is_some_and(|a| a.relative);
    let focus = match &speaker {
        Some(_) if !relative => None,
        _ => match topic::topic_in(&sentence) {
            Some(topic::Topic::Person(p)) => Some(p),
            Some(topic::Topic::Group(g)) => {
                speakers.mention_group(&g);
                None
            }
            // "She has faced controversies since …": the person "she"
            // means stays the one a later "she" means, whoever else the
            // sentence names.
            None => opening_pronoun(sentence.head(3).as_ref())
                .and_then(|p| speakers.continue_pronoun(p)),
        },
    };
    let numbers = numbers::extract_numbers_lowered(text, &lowered);
    let kind = if is_quote {
        ClaimKind::Quote
    } else if attribution.is_some() {
        ClaimKind::Attributed
    } else if !numbers.is_empty() {
        ClaimKind::Numeric
    } else {
        ClaimKind::Statement
    };
    let explicit = attribution.is_some();
    let (negated, hedged) = polarity::polarity(text);
    let entities = entities::extract_entities_lowered(text, &lowered);
    // People named inside a quotation are the speaker's words, not the
    // narration a later "he" continues.
    let about = focus.as_deref().or(speaker.as_deref());
    if spans.is_empty() {
        speakers.mention_entities(&entities, about);
    } else {
        let narrated = entities.iter().map(String::as_str).filter(|e| {
            // memmem: std's `find` sets up a two-way searcher per call.
            memchr::memmem::find(text.as_bytes(), e.as_bytes())
                .is_none_or(|at| !spans.iter().any(|r| r.contains(&at)))
        });
        speakers.mention_each(narrated, about);
    }
    if let Some(person) = attribution.as_ref().and_then(|a| a.asked.as_deref()) {
        speakers.mention_asked(person);
    }
    (
        Claim {
            id: claim_id(text),
            kind,
            text: text.to_string(),
            quote: is_quote.then(|| quotes::joined(text, &spans)),
            speaker,
            sources,
            numbers,
            negated,
            hedged,
            entities,
            part: Part::Body,
            paragraph: 0,
            line: 0,
        },
        explicit,
    )
}

/// Whether the words after a reporting cue open with "he" or "she" ("said
/// she would run", "said that he"): `Some(true)` for "she".
fn reported_pronoun(after_cue: &str) -> Option<bool> {
    let mut words = after_cue.split_whitespace().skip(1);
    let mut next = words.next()?;
    if next.eq_ignore_ascii_case("that") {
        next = words.next()?;
    }
    match next.trim_end_matches(|c: char| !c.is_alphabetic()) {
        "she" => Some(true),
        "he" => Some(false),
        _ => None,
    }
}

/// False for questions, fragments of fewer than three words and lines
/// without closing punctuation (headings, captions, list markers).
fn asserts_something(text: &str) -> bool {
    if let Some(verdict) = sentences::shape_verdict(text) {
        return verdict;
    }
    let end = text.trim_end_matches(['"', '\'', ')', ']', '\u{201D}', '\u{2019}', ' ']);
    if !end.ends_with(['.', '!']) {
        return false;
    }
    // "We lost." said in quotation marks is someone's words, however
    // short; a two-word sentence of the writer's own is a fragment.
    let quoted = text.trim_start().starts_with(['"', '\u{201C}'])
        && text.trim_end().ends_with(['"', '\u{201D}']);
    word_total(text, 3) >= if quoted { 2 } else { 3 } && (quoted || !only_names(text))
}

/// A short line of capitalised words and figures alone ("Martin Truex
/// Jr.", "Friday, Dec. 6."): a name or a date on its own (a table cell, a
/// signature), with no word that could state anything about it.
fn only_names(text: &str) -> bool {
    let mut words = 0;
    for w in text.split_whitespace() {
        let Some(first) = w.chars().find(|c| c.is_alphanumeric()) else {
            continue;
        };
        words += 1;
        if words > 6 || !(first.is_uppercase() || first.is_ascii_digit()) {
            return false;
        }
    }
    true
}

/// The "he" or "she" a sentence opens with as its subject ("She has …",
/// "But he …"), if any.
fn opening_pronoun<'t>(toks: &[phrases::Tok<'t>]) -> Option<&'t str> {
    let first = toks.first()?;
    let t = if matches!(first.lw, "but" | "and" | "yet") && !first.raw.ends_with(',') {
        toks.get(1)?
    } else {
        first
    };
    matches!(t.lw, "he" | "she").then_some(t.lw)
}
