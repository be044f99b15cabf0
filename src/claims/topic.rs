//! The topic of a sentence without a reporting cue: the named person, the
//! described person ("The Republican nominee") or the plural group it is
//! about, which a later "he" or "they" may point back to.
//!
//! Main entry: [`sentence_topic`] → [`Topic`].

use std::ops::Range;

use super::cues::is_count;
use super::lexicon;
use super::phrases::{Sentence, Tok, slice};
use super::subjects::sentence_subject;

/// Whom a sentence without a reporting cue is about, for a later "he" or
/// "they" to point back to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Topic {
    /// A proper name or a singular description ("Mr. Vance, 45, runs a
    /// bakery"; "The Republican nominee also linked …").
    Person(String),
    /// A plural subject ("Twenty-seven states led by … are suing").
    Group(String),
}

/// The subject of a sentence without a reporting cue, when it is a name,
/// a description of someone, or a plural group.
pub fn sentence_topic(text: &str, quotes: &[Range<usize>]) -> Option<Topic> {
    let lowered = text.to_ascii_lowercase();
    topic_in(&Sentence::new(text, &lowered, quotes))
}

/// [`sentence_topic`] on a sentence whose tokens other scans may share.
pub(super) fn topic_in(sentence: &Sentence) -> Option<Topic> {
    let text = sentence.text;
    // Subjects open the sentence with a capital; a sentence opening with
    // a quotation or a lower-case word has none to offer.
    if !text.starts_with(char::is_uppercase) {
        return None;
    }
    // The subject scans read at most the first 13 words.
    let toks = &*sentence.head(16);
    let described = described_subject(toks).map(|np| {
        let head = toks[np.end - 1].core;
        let plural = head.ends_with('s') && !head.ends_with("ss");
        let phrase = slice(text, toks, np);
        if plural {
            Topic::Group(phrase)
        } else {
            Topic::Person(phrase)
        }
    });
    if matches!(toks[0].core, "The" | "My" | "His" | "Her" | "Their" | "Our") {
        // "The Republican nominee also linked …": a role description,
        // kept as written; the resolver checks that its head is a person.
        return described;
    }
    named_subject(text, toks)
        .map(Topic::Person)
        .or(described.filter(|t| matches!(t, Topic::Group(_))))
}

/// A proper-name subject ("Ola Brandt voted no").
fn named_subject(text: &str, toks: &[Tok]) -> Option<String> {
    let np = sentence_subject(toks, toks.len().min(12))?;
    let words = &toks[np.clone()];
    // "Adm. Harry B. Harris Jr.": a middle initial and a suffix are no
    // more words of the name.
    let initial_or_suffix = |t: &Tok| {
        let c = t.core.trim_end_matches('.');
        c.len() == 1 || matches!(c, "Jr" | "Sr" | "II" | "III" | "IV")
    };
    let length = words.iter().filter(|t| !initial_or_suffix(t)).count();
    if length > 4 || words.iter().any(|t| t.quoted || !t.capitalized()) {
        return None;
    }
    let first = words[0].lw;
    if lexicon::classes(first) != 0 && !super::sentences::is_title(first) {
        // "The", "Some", "Officials": a determiner or a listed word.
        return None;
    }
    // "Lowe, who has campaigned for …": "who" shows a lone name is a person.
    let who_follows = words[words.len() - 1].raw.ends_with(',')
        && toks
            .get(np.end)
            .is_some_and(|t| t.core.eq_ignore_ascii_case("who"));
    let titled = super::sentences::is_title(first) && words.len() >= 2 || who_follows;
    // The name must be followed by its verb or an appositive, not run on
    // into a noun ("New York officials", "New York state").
    let next_ok = words[words.len() - 1].raw.ends_with(',')
        || toks.get(np.end).is_some_and(|n| {
            let w = n.lw;
            !n.capitalized()
                && (w.ends_with("ed")
                    || lexicon::is_irregular_past(w)
                    || w.ends_with('s') && !lexicon::is_organisation_word(w)
                    || lexicon::is_verb_modifier(w)
                    || lexicon::is_passive_aux(w)
                    || lexicon::may_cue(w))
        });
    let org = words.iter().any(|t| {
        let w = t.lw;
        lexicon::is_organisation_word(w) || lexicon::is_date_word(w)
    });
    ((titled || words.len() >= 2) && next_ok && !org).then(|| slice(text, toks, np))
}

/// "The" and the words up to the main verb ("The former secretary of
/// state has …" → "The former secretary of state"), when a verb follows.
fn described_subject(toks: &[Tok]) -> Option<Range<usize>> {
    let first = toks.first()?.lw;
    if lexicon::is_pronoun(first)
        || lexicon::is_boundary(first)
        || lexicon::is_subordinator(first)
        || lexicon::is_intro_preposition(first)
    {
        return None;
    }
    for k in 1..toks.len().min(7) {
        let t = &toks[k];
        let w = t.lw;
        // "secretary of state": a noun after "of"; "Twelve states", "the
        // reports": a noun after a count or a determiner.
        let after_of = toks[k - 1].core == "of"
            || lexicon::is_noun_homograph(w)
                && (is_count(toks[k - 1].core) || lexicon::is_determiner(toks[k - 1].lw));
        let verb = !t.capitalized()
            && !after_of
            && (lexicon::is_verb_modifier(w)
                || lexicon::is_passive_aux(w)
                || lexicon::may_cue(w)
                || w.len() > 2 && w.ends_with("ed")
                || w.len() > 4 && w.ends_with("ly"));
        if verb {
            return (k >= 2).then_some(0..k);
        }
        if t.quoted || t.ends_clause() || w != "of" && lexicon::is_boundary(w) {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::quotes;

    #[test]
    fn named_subjects_of_plain_sentences() {
        let subject = |t: &str| match sentence_topic(t, &quotes::spans(t, false)) {
            Some(Topic::Person(p)) => Some(p),
            _ => None,
        };
        assert_eq!(
            subject("Ola Brandt, 45, runs a bakery on the quay.").as_deref(),
            Some("Ola Brandt")
        );
        assert_eq!(
            subject("Mr. Vance voted against the plan.").as_deref(),
            Some("Mr. Vance")
        );
        assert_eq!(subject("New York officials voted against it."), None);
        // Descriptions are kept as written; the resolver decides whether
        // their head is a person.
        assert_eq!(
            subject("The harbor master also backed it.").as_deref(),
            Some("The harbor master")
        );
        assert_eq!(
            sentence_topic("Twelve towns led by Brill are suing the board.", &[]),
            Some(Topic::Group("Twelve towns".to_string()))
        );
        assert_eq!(subject("Florida Friday was busy."), None);
        // A lone name is a person when "who" follows it.
        assert_eq!(
            subject("Brill, who has campaigned for Paul Marsh, backed the plan.").as_deref(),
            Some("Brill")
        );
        assert_eq!(subject("Brill, a port town, backed the plan."), None);
    }
}
