//! Trailing sections that are not the article: a press release's "About
//! X" company boilerplate, media contacts, forward-looking-statement notes
//! and "About the author" boxes. Each starts with a short heading line;
//! everything up to the next ordinary heading goes. A company profile
//! without its heading ("Example Corp is a global provider of …") among
//! the last blocks goes with what follows it.

use crate::article::BlockKind;
use crate::article::line::{Unit, ends_sentence, words_at_most};

/// Headings that open such a section (lower-case, trailing colon removed).
const HEADS: &[&str] = &[
    "media contact",
    "media contacts",
    "press contact",
    "press contacts",
    "media inquiries",
    "media enquiries",
    "press inquiries",
    "investor contact",
    "investor contacts",
    "investor relations",
    "contact",
    "contacts",
    "for more information",
    "for further information",
    "forward-looking statements",
    "forward looking statements",
    "safe harbor statement",
    "cautionary statement",
    "notes to editors",
    "note to editors",
    "editor's notes",
    "about the author",
    "about the authors",
];

/// Longest heading read as a section head ("About Example Holdings AG").
const HEAD_MAX_WORDS: usize = 6;

/// True for a heading line that opens a non-article section.
fn is_section_head(text: &str) -> bool {
    let text = text.trim();
    if !words_at_most(text, HEAD_MAX_WORDS) || ends_sentence(text) {
        return false;
    }
    let lower = text.to_lowercase();
    let lower = lower.trim_end_matches([':', ' ']);
    // "About Example Corp" (a name: capitalised), not "About time".
    let about = text
        .strip_prefix("About ")
        .or_else(|| text.strip_prefix("ABOUT "))
        .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase));
    about || HEADS.contains(&lower)
}

/// Nouns a company profile calls its subject.
const PROFILE_NOUNS: &[&str] = &[
    "provider",
    "company",
    "firm",
    "maker",
    "manufacturer",
    "developer",
    "supplier",
    "leader",
    "organization",
    "organisation",
    "group",
    "platform",
    "operator",
    "retailer",
    "producer",
    "distributor",
];

/// Blocks from the end among which a headless company profile is looked for.
const PROFILE_TAIL: usize = 3;

/// "Example Corp is a global solutions provider focused on …": a
/// capitalised name of up to four words, "is a/an", and a company noun in
/// its first sentence.
fn is_company_profile(text: &str) -> bool {
    let first = text.split(". ").next().unwrap_or(text);
    let Some((name, rest)) = first.split_once(" is a") else {
        return false;
    };
    let name_ok = !name.is_empty()
        && name.split(' ').count() <= 4
        && name
            .split(' ')
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let rest = rest.strip_prefix("n ").or_else(|| rest.strip_prefix(' '));
    name_ok
        && rest.is_some_and(|r| {
            r.split(|c: char| !c.is_alphanumeric())
                .any(|w| PROFILE_NOUNS.contains(&w))
        })
}

/// Drops each trailing section after the body's first paragraph: its head
/// and what follows, up to the next heading that opens no such section.
pub(crate) fn drop_trailing_sections(units: &mut Vec<Unit>) {
    let Some(first_body) = units
        .iter()
        .position(|u| u.kind == BlockKind::Paragraph && ends_sentence(&u.text))
    else {
        return;
    };
    let tail = units.len().saturating_sub(PROFILE_TAIL).max(first_body + 1);
    if let Some(at) = units[tail..]
        .iter()
        .position(|u| u.kind == BlockKind::Paragraph && is_company_profile(&u.text))
    {
        units.truncate(tail + at);
    }
    let mut dropping = false;
    let mut index = 0usize;
    units.retain(|u| {
        index += 1;
        if index <= first_body + 1 {
            return true;
        }
        if is_section_head(&u.text) {
            dropping = true;
        } else if u.kind == BlockKind::Heading {
            dropping = false;
        }
        !dropping
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(kind: BlockKind, text: &str) -> Unit {
        Unit {
            kind,
            text: text.to_string(),
            line: 1,
            lines: 1,
        }
    }

    #[test]
    fn a_headless_company_profile_at_the_end_goes() {
        use BlockKind::Paragraph;
        let mut units = vec![
            unit(
                Paragraph,
                "Example Corp said on Monday it would open a plant.",
            ),
            unit(Paragraph, "The plant will employ 300 people."),
            unit(Paragraph, "Building starts in May, the company said."),
            unit(
                Paragraph,
                "Example Corp is a global provider of pumps. It employs 5,000 people.",
            ),
            unit(Paragraph, "Its shares are listed in Zurich."),
        ];
        drop_trailing_sections(&mut units);
        assert_eq!(units.len(), 3);
        // Not a profile: no company noun, or a sentence about a person.
        assert!(!is_company_profile("Jane Roe is a keen cyclist."));
        assert!(!is_company_profile("The firm is a partner."));
        assert!(is_company_profile(
            "Acme Holdings is an industry leader in valves."
        ));
    }

    #[test]
    fn about_and_contact_sections_go() {
        use BlockKind::{Heading, Paragraph};
        let mut units = vec![
            unit(
                Paragraph,
                "Example Corp said on Monday it would open a plant in Lyon.",
            ),
            unit(
                Paragraph,
                "The plant will employ 300 people, the company said.",
            ),
            unit(Heading, "Next steps"),
            unit(Paragraph, "Building starts in May."),
            unit(Paragraph, "About Example Corp"),
            unit(
                Paragraph,
                "Example Corp makes pumps and employs 5,000 people.",
            ),
            unit(Paragraph, "Media contact:"),
            unit(Paragraph, "Jane Roe, +1 555 0100"),
        ];
        drop_trailing_sections(&mut units);
        let texts: Vec<&str> = units.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Example Corp said on Monday it would open a plant in Lyon.",
                "The plant will employ 300 people, the company said.",
                "Next steps",
                "Building starts in May.",
            ]
        );
        // A section with an ordinary heading after it ends there; "About
        // time" names no one.
        let mut units = vec![
            unit(Paragraph, "The council met on Monday."),
            unit(Heading, "About the author"),
            unit(Paragraph, "Jane Roe writes about cities."),
            unit(Heading, "What comes next"),
            unit(Paragraph, "A vote is due in May."),
            unit(Paragraph, "About time"),
        ];
        drop_trailing_sections(&mut units);
        let texts: Vec<&str> = units.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "The council met on Monday.",
                "What comes next",
                "A vote is due in May.",
                "About time"
            ]
        );
    }
}
