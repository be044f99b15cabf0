//! Trailing sections that are not the article: a press release's "About
//! X" company boilerplate, media contacts, forward-looking-statement notes
//! and "About the author" boxes. Each starts with a short heading line;
//! everything up to the next ordinary heading goes.

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

/// Drops each trailing section after the body's first paragraph: its head
/// and what follows, up to the next heading that opens no such section.
pub(crate) fn drop_trailing_sections(units: &mut Vec<Unit>) {
    let Some(first_body) = units
        .iter()
        .position(|u| u.kind == BlockKind::Paragraph && ends_sentence(&u.text))
    else {
        return;
    };
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
