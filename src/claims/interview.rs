//! Interview transcripts: "Q:" and "A:" mark whose turn it is, and the
//! answers are the words of the person the article introduces before the
//! first turn ([`interviewee`]).

use super::Claim;
use super::persons::looks_like_person;

/// A paragraph's turn in an interview transcript.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Turn {
    Question,
    Answer,
}

/// The turn a paragraph opens with ("Q:" or "A:") and its words after
/// the marker: the marker labels the paragraph, it is no part of a claim.
pub(super) fn turn(text: &str) -> Option<(Turn, &str)> {
    let body = text.trim_start_matches(' ');
    let rest = body.get(2..)?;
    let turn = match body.get(..2)? {
        "Q:" => Turn::Question,
        "A:" => Turn::Answer,
        _ => return None,
    };
    let words = rest.trim_start();
    (rest.starts_with(' ') && !words.is_empty()).then_some((turn, words))
}

/// The person the claims before the first turn name most often (a full
/// name, counting later mentions by surname), when named at least twice:
/// "Q&A with Ada Lowe … Lowe spent Thursday … Lowe complained …" is Ada
/// Lowe's interview. The first of equal counts wins.
pub(super) fn interviewee(claims: &[Claim]) -> Option<String> {
    let names = claims.iter().flat_map(|c| c.entities.iter());
    let mut full: Vec<(&str, usize)> = Vec::new();
    for name in names.clone() {
        if name.contains(' ') && looks_like_person(name) && !full.iter().any(|(n, _)| n == name) {
            full.push((name, 0));
        }
    }
    for name in names {
        for (f, count) in &mut full {
            let by_surname = f.len() > name.len()
                && f.ends_with(name.as_str())
                && f.as_bytes()[f.len() - name.len() - 1] == b' ';
            if f == name || by_surname {
                *count += 1;
            }
        }
    }
    let best = full.iter().map(|(_, c)| *c).max().filter(|&c| c >= 2)?;
    full.iter()
        .find(|(_, c)| *c == best)
        .map(|(n, _)| (*n).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Format, parse};
    use crate::claims::extract;

    #[test]
    fn turns_are_read_from_the_paragraph_start() {
        assert_eq!(
            turn("Q: Will the dock reopen?"),
            Some((Turn::Question, "Will the dock reopen?"))
        );
        assert_eq!(
            turn("A: By June, I expect."),
            Some((Turn::Answer, "By June, I expect."))
        );
        assert_eq!(turn("A man said the dock would reopen."), None);
        assert_eq!(turn("Q:"), None);
    }

    #[test]
    fn answers_are_the_words_of_the_person_the_intro_names_most() {
        let text = "Harbor chief Ada Lowe on the dock's future\n\n\
            Harbor chief Ada Lowe met reporters at the ferry terminal on Monday, \
            where mayor Tom Reed had opened a new berth. Lowe spoke about the repairs \
            and about the budget that Reed had proposed. Lowe said little about fares.\n\n\
            Q: Will the dock reopen this year?\n\n\
            A: By June, if the cranes arrive on time and the budget holds.\n\n\
            A: I came home and the cranes were gone, and a foreman came in and told me.\n";
        let parsed = parse(text.as_bytes(), Format::Text).expect("parses");
        let claims = extract(&parsed.article);
        let answer = |start: &str| {
            claims
                .iter()
                .find(|c| c.text.starts_with(start))
                .expect("the answer is a claim")
        };
        // The marker is no part of the claim; the answer is the interviewee's.
        assert_eq!(answer("By June").speaker.as_deref(), Some("Ada Lowe"));
        assert_eq!(answer("I came home").speaker.as_deref(), Some("Ada Lowe"));
        let question = claims.iter().find(|c| c.text.contains("reopen this year"));
        assert!(question.is_none(), "a question is no claim");
    }
}
