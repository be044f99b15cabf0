//! The relative clause on an attribution's source ("…, said one pilot,
//! who asked not to be named", "according to an aide who was not
//! authorised to speak", "Lee, who did not attend, said …"): it describes
//! who speaks, so its "not" is no negation of the claim.

/// Reporting cues a source's relative clause hangs on.
const CUES: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "wrote",
    "according to",
    "argued",
    "warned",
    "noted",
];

/// The byte span of the source's relative clause in `s`, from its "who"
/// to the comma, semicolon or sentence end that closes it; `None` when
/// the sentence has no such clause.
pub(super) fn span(s: &str) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let who = memchr::memmem::find_iter(b, b"who ")
        .find(|&i| i > 0 && matches!(b[i - 1], b' ' | b','))?;
    let end = memchr::memchr2(b',', b';', &b[who..]).map_or(b.len(), |e| who + e);
    // "…, said one harbor pilot, who …": a cue a few words before.
    let before = s[..who].trim_end().trim_end_matches(',');
    let words: Vec<&str> = before.split_whitespace().rev().take(7).collect();
    let tail_cue = (1..words.len()).any(|k| {
        let w = words[k].to_ascii_lowercase();
        let two = (k + 1 < words.len()).then(|| words[k + 1].to_ascii_lowercase());
        CUES.contains(&w.as_str()) || w == "to" && two.as_deref() == Some("according")
    });
    // "Lee, who did not attend, said …": the cue right after the clause.
    let next = s[end..]
        .trim_start_matches([',', ';'])
        .split_whitespace()
        .next();
    let cue_after = b.get(end) == Some(&b',')
        && next.is_some_and(|w| CUES.contains(&w.to_ascii_lowercase().as_str()))
        && s[..who].trim_end().ends_with(',');
    (tail_cue || cue_after).then_some((who, end))
}

#[cfg(test)]
mod tests {
    use super::span;

    fn clause(s: &str) -> Option<&str> {
        span(s).map(|(a, z)| &s[a..z])
    }

    #[test]
    fn a_clause_on_the_source_is_found() {
        assert_eq!(
            clause("The pier will close, said one pilot, who asked not to be named."),
            Some("who asked not to be named.")
        );
        assert_eq!(
            clause("The pier will close, according to an aide who was not authorized to speak."),
            Some("who was not authorized to speak.")
        );
        assert_eq!(
            clause("Lee, who did not attend, said the pier will close."),
            Some("who did not attend")
        );
    }

    #[test]
    fn a_clause_in_the_claim_is_not() {
        assert_eq!(
            clause("People who do not vote are less happy, the study found."),
            None
        );
        assert_eq!(clause("The pier will not close, said one pilot."), None);
        assert_eq!(
            clause("Those who never travel say the fares are fine."),
            None
        );
    }

    #[test]
    fn a_negation_on_the_source_does_not_negate_the_claim() {
        use crate::claims::polarity::{is_negated, negation_cues};
        let s = "The pier will close, said one pilot, who asked not to be named.";
        assert!(negation_cues(s).is_empty());
        assert!(!is_negated(s));
        // The claim's own negation still counts, beside the source's.
        let t = "The pier will not close, said one pilot, who asked not to be named.";
        assert_eq!(negation_cues(t), ["not"]);
    }
}
