//! The edges of a phrase once found: what a source phrase sheds at its
//! start and end ([`trim_phrase`]: "in 2017", a day, a dangling
//! participle) and its text as the speaker string ([`slice`]).

use std::ops::Range;

use super::super::lexicon;
use super::{Tok, is_abbreviation};

/// True for a noun of what is put out and a participle of putting it
/// out: "poll released", "lawsuit filed".
pub(super) fn is_publication_of(noun: &str, participle: &str) -> bool {
    is_publication_participle(participle) && is_published_noun(noun)
}

/// Nouns for what is put out: polls, reports, filings.
fn is_published_noun(w: &str) -> bool {
    matches!(
        w,
        "poll"
            | "polls"
            | "survey"
            | "surveys"
            | "report"
            | "reports"
            | "study"
            | "data"
            | "figures"
            | "results"
            | "memo"
            | "lawsuit"
            | "suit"
            | "complaint"
            | "declaration"
            | "filing"
            | "filings"
            | "document"
            | "documents"
            | "schedule"
            | "statement"
            | "letter"
            | "analysis"
            | "estimate"
            | "estimates"
            | "transcript"
            | "records"
            | "review"
            | "audit"
            | "count"
            | "tally"
    )
}

/// Participles of putting a text out ("a poll released", "a lawsuit
/// filed"), which end a source phrase only when what follows them (a day,
/// a place, an agent) was cut off.
fn is_publication_participle(w: &str) -> bool {
    matches!(
        w,
        "released"
            | "published"
            | "conducted"
            | "taken"
            | "issued"
            | "filed"
            | "compiled"
            | "posted"
            | "obtained"
            | "prepared"
            | "commissioned"
            | "unveiled"
            | "circulated"
            | "distributed"
    )
}

/// Drops leading conjunctions/adverbs and empty punctuation tokens.
pub(in crate::claims) fn trim_phrase(toks: &[Tok], mut r: Range<usize>) -> Option<Range<usize>> {
    while r.start < r.end {
        let w = toks[r.start].lw;
        // "in 2017 America says": a year before a name is not part of it.
        let year = r.len() > 1
            && w.len() == 4
            && w.bytes().all(|b| b.is_ascii_digit())
            && toks[r.start + 1].capitalized();
        // "62-year-old Ola Brandt": the age describes the name after it.
        let age = r.len() > 1 && w.ends_with("-year-old") && toks[r.start + 1].capitalized();
        // "…," fired back Lee: the cue's particle, not the name.
        let particle = w == "back" && r.len() > 1 && toks[r.start + 1].capitalized();
        // "so far Canova", ": soon Ann Lee had …": an adverb of time
        // before the name; "the last thing Ann Lee wants": the noun a
        // contact clause is on.
        let lower = !toks[r.start].capitalized() && r.len() > 1;
        let adverb = lower
            && matches!(
                w,
                "far" | "soon" | "now" | "then" | "later" | "already" | "still" | "once" | "again"
            );
        let thing = lower
            && matches!(w, "thing" | "things")
            && toks[r.start + 1..r.end].iter().any(Tok::capitalized);
        let intro = lexicon::is_intro_preposition(w) && r.len() > 1
            || year
            || age
            || particle
            || adverb
            || thing;
        if toks[r.start].core.is_empty() || lexicon::is_boundary(w) || intro {
            r.start += 1;
        } else {
            break;
        }
    }
    loop {
        while r.start < r.end && toks[r.end - 1].core.is_empty() {
            r.end -= 1;
        }
        // "The harbor board Thursday proposed …": the day is when, not who.
        let day = r.len() > 1 && lexicon::is_day(toks[r.end - 1].lw);
        // "Super Tuesday", "Black Friday": a day inside a name stays
        // ("Lowe Thursday said" is Lowe, on Thursday).
        let in_name = r.len() >= 2
            && matches!(
                toks[r.end - 2].lw,
                "super"
                    | "black"
                    | "good"
                    | "cyber"
                    | "ash"
                    | "holy"
                    | "bloody"
                    | "easter"
                    | "palm"
                    | "maundy"
            );
        // "USA Today": a capitalised "today" mid-phrase is a name's (an
        // all-capitals "USA TODAY" is cut to "USA", which reads as a name).
        let named = matches!(toks[r.end - 1].lw, "today" | "tonight" | "yesterday")
            && toks[r.end - 1].capitalized()
            && toks[r.end - 1].core.bytes().any(|b| b.is_ascii_lowercase());
        if !day || in_name || named {
            break;
        }
        r.end -= 1;
        // "A court document filed Thursday": the participle the day was on.
        let w = toks[r.end - 1].lw;
        if r.len() > 2 && w.len() > 4 && w.ends_with("ed") && !toks[r.end - 1].capitalized() {
            r.end -= 1;
        }
    }
    (r.start < r.end).then_some(r)
}

pub(in crate::claims) fn slice(text: &str, toks: &[Tok], r: Range<usize>) -> String {
    let s = &text[toks[r.start].start..toks[r.end - 1].end()];
    // "-Nate Cohn explains …": a list item's dash glued to its first word.
    let s = s.trim_start_matches(['"', '(', '[', '\u{201C}', '\'', '-', '\u{2013}', '\u{2014}']);
    let s = s.trim_end_matches([',', ';', ':', '"', ']', '\u{201D}', '\'', '!', '?']);
    // An aside's closing bracket, and the full stop after it, end a source
    // named inside brackets ("(…, according to the county).").
    let s = if s.contains('(') {
        s
    } else {
        s.strip_suffix(").").unwrap_or(s).trim_end_matches(')')
    };
    let s = match s.strip_suffix('.') {
        Some(stem) if !stem.rsplit(' ').next().is_some_and(is_abbreviation) => stem,
        _ => s,
    };
    s.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The trimmed words of a phrase spanning the whole text.
    fn trimmed(text: &str) -> Option<String> {
        let lowered = text.to_ascii_lowercase();
        let toks = super::super::tokenize(text, &lowered, &[]);
        let r = trim_phrase(&toks, 0..toks.len())?;
        Some(slice(text, &toks, r))
    }

    #[test]
    fn a_list_items_dash_is_no_part_of_the_name() {
        assert_eq!(trimmed("-Ann Lee").as_deref(), Some("Ann Lee"));
        assert_eq!(trimmed("\u{2014}Ann Lee").as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn an_adverb_of_time_before_a_name_is_cut() {
        assert_eq!(trimmed("far Ann Lee").as_deref(), Some("Ann Lee"));
        assert_eq!(trimmed("soon Ann Lee").as_deref(), Some("Ann Lee"));
        // A lone word stays.
        assert_eq!(trimmed("soon").as_deref(), Some("soon"));
    }

    #[test]
    fn the_noun_of_a_contact_clause_is_cut_before_a_name() {
        assert_eq!(
            trimmed("thing state Representative Ann Lee").as_deref(),
            Some("state Representative Ann Lee")
        );
        assert_eq!(trimmed("things voters").as_deref(), Some("things voters"));
    }
}
