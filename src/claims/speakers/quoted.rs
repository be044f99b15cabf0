//! Who an unattributed quotation belongs to when its own sentence says:
//! the subject of the main clause before it ("Lee condemned the plan as
//! \"reckless\"", "The ad targets a \"rigged economy\"").
//!
//! Also the nouns for messages and written things that other cues ask
//! about ([`DOCUMENT_NOUNS`], [`WRITTEN_NOUNS`]).
//!
//! Main entry: [`quote_subject`].

use std::ops::Range;

use super::checks::plausible;
use crate::claims::lexicon;
use crate::claims::phrases::{Tok, slice, tokenize};
use crate::claims::subjects::sentence_subject;
use crate::claims::{names, persons};

/// For a sentence with a quotation but no reporting cue ("Lee condemned
/// the plan as \"reckless\""), the subject of its main clause when that
/// subject comes before the quotation.
pub fn quote_subject(text: &str, quotes: &[Range<usize>]) -> Option<String> {
    let lowered = text.to_ascii_lowercase();
    let toks = tokenize(text, &lowered, quotes);
    let first_quoted = toks.iter().position(|t| t.quoted)?;
    if let Some(np) = colon_name(&toks, first_quoted).or_else(|| from_source(&toks, first_quoted)) {
        return Some(slice(text, &toks, np));
    }
    let mut np = sentence_subject(&toks, first_quoted)
        .filter(|np| np.end <= first_quoted)
        .or_else(|| present_subject(&toks, first_quoted))?;
    // "The Florida senator's answer was that \"…\"": the role that owns
    // the words closes the phrase.
    fn owner<'a>(t: &Tok<'a>) -> Option<&'a str> {
        t.core
            .strip_suffix("'s")
            .or_else(|| t.core.strip_suffix("\u{2019}s"))
    }
    if np.end + 1 < first_quoted
        && owner(&toks[np.end])
            .is_some_and(|stem| persons::is_person_noun(&stem.to_ascii_lowercase()))
    {
        np.end += 1;
    }
    // "Lee: \"…\"" labels the quotation; "Trade Rules: Ending \"the
    // cycle\" is …" is a run-in heading before a scare quote.
    let label = toks[np.end - 1].raw.ends_with(':');
    let placed = if label {
        np.end == first_quoted
    } else {
        np.end < first_quoted
    };
    // "Lowe's response was that …": the owner, not the possessive.
    let phrase = slice(text, &toks, np.clone());
    let phrase = match owner(&toks[np.end - 1]) {
        Some(_) if np.len() > 1 || toks[np.end - 1].capitalized() => phrase
            .trim_end_matches("'s")
            .trim_end_matches("\u{2019}s")
            .to_string(),
        _ => phrase,
    };
    (placed && plausible(&toks[np.clone()])).then_some(phrase)
}

/// "From the report: \"…\"", "More from Lee and Park: \"…\"": the
/// source a lead-in names right before the colon that opens the quotation.
fn from_source(toks: &[Tok], first_quoted: usize) -> Option<Range<usize>> {
    let end = first_quoted;
    if end < 2 || !toks[end - 1].raw.ends_with(':') {
        return None;
    }
    let f = (end.saturating_sub(7)..end - 1).find(|&k| toks[k].lw == "from")?;
    // "… - More from Lee: …": a dash opens a lead-in too.
    let opens = |k: usize| k == 0 || toks[k - 1].ends_clause() || toks[k - 1].is_dash();
    let lead = opens(f)
        || f >= 1
            && matches!(toks[f - 1].lw, "more" | "also" | "excerpt" | "excerpts")
            && opens(f - 1);
    // The source runs from "from" to the colon: a name or a determined
    // noun phrase ("the report", "Lee and Park").
    let np = f + 1..end;
    let first = &toks[np.start];
    let named = first.capitalized() || lexicon::is_determiner(first.lw);
    let whole = toks[np.start..end - 1]
        .iter()
        .all(|t| !t.ends_clause() && !t.quoted);
    (lead && named && whole && plausible(&toks[np.clone()])).then_some(np)
}

/// "… doesn't surprise Republican pollster Ana Ruiz: \"…\"": a person's
/// name right before the colon that opens the quotation, shown to be a
/// person by a role noun or title before it or a given name, is whose
/// words follow.
fn colon_name(toks: &[Tok], first_quoted: usize) -> Option<Range<usize>> {
    let end = first_quoted;
    if end < 3 || !toks[end - 1].raw.ends_with(':') {
        return None;
    }
    let mut k = end;
    while k > 0
        && end - k < 4
        && toks[k - 1].capitalized()
        && !toks[k - 1].quoted
        && (k == end || !toks[k - 1].ends_clause())
    {
        k -= 1;
    }
    // A label opening the sentence ("Lee: …") is `quote_subject`'s.
    if k == end || k == 0 {
        return None;
    }
    let first = toks[k].core.trim_end_matches('.');
    let titled = crate::claims::sentences::is_title(first);
    let given = end - k >= 2 && names::given_name(toks[k].core).is_some();
    let role = !toks[k - 1].capitalized()
        && !toks[k - 1].quoted
        && !toks[k - 1].ends_clause()
        && persons::is_person_noun(toks[k - 1].lw);
    if !(titled || given || role) {
        return None;
    }
    // "Republican pollster Ana Ruiz": the role and its capitalised
    // modifiers belong to the name.
    let mut start = k;
    if role {
        start -= 1;
        while start > 0
            && k - start < 3
            && toks[start - 1].capitalized()
            && !toks[start - 1].quoted
            && !toks[start - 1].ends_clause()
        {
            start -= 1;
        }
    }
    // "The crowd cheered for Sen. Ada Lowe: …" is the crowd's; "a
    // statement by Sen. Ada Lowe: …" hers. Back over the phrase's
    // lower-case modifiers and determiner ("to the island newspaper …").
    let preposition = |w: &str| {
        matches!(
            w,
            "for"
                | "to"
                | "at"
                | "with"
                | "about"
                | "against"
                | "on"
                | "of"
                | "from"
                | "in"
                | "toward"
                | "towards"
                | "over"
                | "like"
        )
    };
    let mut before = start;
    while before > 0
        && start - before < 3
        && !toks[before - 1].capitalized()
        && !toks[before - 1].ends_clause()
        && !preposition(toks[before - 1].lw)
        && !lexicon::is_boundary(toks[before - 1].lw)
        && !lexicon::is_determiner(toks[before - 1].lw)
    {
        before -= 1;
    }
    if before > 0 && lexicon::is_determiner(toks[before - 1].lw) {
        before -= 1;
    }
    let object = before > 0 && preposition(toks[before - 1].lw);
    (!object).then_some(start..end)
}

/// Things made of words, which a quotation after them may come from.
const WORDED_THINGS: &[&str] = &[
    "ad",
    "advert",
    "article",
    "bill",
    "book",
    "brief",
    "column",
    "complaint",
    "documentary",
    "editorial",
    "email",
    "film",
    "filing",
    "letter",
    "lawsuit",
    "memo",
    "message",
    "order",
    "petition",
    "piece",
    "platform",
    "proposal",
    "release",
    "resolution",
    "ruling",
    "sign",
    "speech",
    "statement",
    "suit",
    "tweet",
    "video",
];

/// "The ad targets a \"rigged economy\"", "The video then shows …": a
/// determiner and one singular noun for a body or a text opening the
/// sentence, before a verb in the present tense and the quotation; the
/// thing whose words they are.
fn present_subject(toks: &[Tok], first_quoted: usize) -> Option<Range<usize>> {
    let [det, noun, rest @ ..] = toks.get(..first_quoted)? else {
        return None;
    };
    let verb_at = usize::from(rest.first().is_some_and(|t| t.lw == "then"));
    let verb = rest.get(verb_at)?;
    // Only a body or a text has words of its own: "The pier remains
    // \"closed\"" quotes someone else.
    let noun_ok = !noun.capitalized()
        && noun.raw == noun.core
        && (lexicon::is_organisation_word(noun.lw) || WORDED_THINGS.contains(&noun.lw));
    let present = verb.raw == verb.core
        && !verb.capitalized()
        && verb.lw.len() > 3
        && verb.lw.ends_with('s')
        && !verb.lw.ends_with("ss")
        && !verb.lw.ends_with("'s")
        && lexicon::classes(verb.lw) == 0;
    (matches!(det.lw, "the" | "this" | "its" | "their" | "his" | "her")
        && det.raw == det.core
        && noun_ok
        && present)
        .then_some(0..2)
}

/// Nouns for a message that a participle cue may describe ("a statement
/// saying", "a letter warning").
pub(super) const DOCUMENT_NOUNS: &[&str] = &[
    "statement",
    "statements",
    "letter",
    "memo",
    "report",
    "release",
    "message",
    "tweet",
    "tweets",
    "post",
    "email",
    "video",
    "ad",
    "note",
    "remarks",
    "speech",
    "op-ed",
    "editorial",
    "interview",
    "filing",
    "complaint",
    "lawsuit",
    "resolution",
];

/// What carries written words that it "reads" ("the sign read \"…\"").
pub(super) const WRITTEN_NOUNS: &[&str] = &[
    "statement",
    "letter",
    "memo",
    "release",
    "message",
    "tweet",
    "post",
    "email",
    "note",
    "sign",
    "signs",
    "headline",
    "banner",
    "placard",
    "caption",
    "card",
    "poster",
    "text",
    "ad",
    "petition",
    "invitation",
    "label",
    "editorial",
    "op-ed",
    "column",
    "report",
    "document",
    "filing",
    "ruling",
    "order",
    "notice",
    "flyer",
    "mailer",
    "shirt",
    "shirts",
    "t-shirt",
    "plaque",
    "inscription",
    "slogan",
    "page",
    "website",
    "passage",
    "excerpt",
    "entry",
    "transcript",
    "draft",
    "platform",
    "resolution",
    "amendment",
    "subject",
];
