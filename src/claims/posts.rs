//! Embedded social posts: a paragraph followed by its signature line
//! ("— Ana Ruiz (@anaruiz) May 2, 2024", "A post shared by Ana Ruiz
//! (@anaruiz)") is the named account's own words ([`signature`]), read as
//! a quotation even when it ends on a link or without a full stop
//! ([`post_claims`]).

use super::{Claim, ClaimKind};
use crate::article::{Block, BlockKind};

/// Most words of a display name in a signature.
const NAME_MAX_WORDS: usize = 8;

/// Most words after the handle (the date and time of the post).
const TAIL_MAX_WORDS: usize = 8;

/// Fewest words of an unstopped sentence in a post that still makes a
/// claim ("Nobody checked this once").
pub(super) const POST_MIN_WORDS: usize = 4;

/// The author a signature block names (the display name, or the handle
/// when the name has no letters), or `None` when it is no signature.
pub(super) fn signature(block: &Block) -> Option<String> {
    let text = block.text.trim();
    let shared = text.strip_prefix("A post shared by ");
    let rest = if let Some(rest) = shared {
        rest
    } else if block.kind == BlockKind::ListItem {
        // The dash was read as a list marker.
        text
    } else {
        let rest = text.trim_start_matches(['\u{2014}', '\u{2013}', '\u{2015}', '-']);
        // One dash, or two hyphens, then the name.
        if rest.len() == text.len() || text.len() - rest.len() > 3 {
            return None;
        }
        rest
    };
    let (name, after) = rest.split_once("(@")?;
    let (handle, tail) = after.split_once(')')?;
    let handle_ok = !handle.is_empty()
        && handle.len() <= 60
        && handle
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-' | '@'));
    // The tail is the post's date and time: short, and no sentence. A
    // dashed line without a date is a sign-off or a credit ("— Reporting
    // by Ana Ruiz (@anaruiz)"), not a post's signature.
    let tail_ok = tail.split_whitespace().count() <= TAIL_MAX_WORDS
        && !tail.contains(['!', '?', ';', '"', '\u{201C}'])
        && (shared.is_some() || has_year(tail));
    if !handle_ok || !tail_ok {
        return None;
    }
    // Emoji and other symbols in a display name are no part of the name.
    let cleaned: String = name
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '\'' | '\u{2019}' | '-'))
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    if words.len() > NAME_MAX_WORDS {
        return None;
    }
    if words.iter().any(|w| w.chars().any(char::is_alphabetic)) {
        Some(words.join(" "))
    } else {
        Some(format!("@{handle}"))
    }
}

/// A four-digit year from 1990 on, as a post's date shows it.
fn has_year(s: &str) -> bool {
    s.split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && d.as_bytes()[0] <= b'2' && d >= "1990")
}

/// The claims of an embedded post by `author`: its sentences, without the
/// links it ends on, are the author's words, stopped or not.
pub(super) fn post_claims(
    text: &str,
    author: &str,
    paragraph: usize,
    line: usize,
    claims: &mut Vec<Claim>,
) {
    // A post is a text of its own: its names are not the antecedents of
    // the story's pronouns, nor its author the owner of the story's next
    // quotation.
    let speakers = &mut super::resolve::Speakers::default();
    let words = without_trailing_links(text);
    for sentence in super::sentences::split(words) {
        let claim = match super::sentence_claim(
            sentence,
            super::Label {
                name: Some(author),
                first: false,
            },
            speakers,
        ) {
            Some((claim, _)) => claim,
            None if informal_sentence(sentence) => {
                super::typed_claim(
                    sentence,
                    super::Label {
                        name: Some(author),
                        first: false,
                    },
                    speakers,
                )
                .0
            }
            None => continue,
        };
        // The whole sentence is the author's words, as a quotation's are.
        let quote = claim.quote.clone().or_else(|| Some(sentence.to_string()));
        claims.push(Claim {
            kind: ClaimKind::Quote,
            quote,
            paragraph: paragraph + 1,
            line,
            ..claim
        });
    }
}

/// `text` without the links a post ends on (its picture or a shortened
/// link): they are no part of what the author says.
pub(super) fn without_trailing_links(text: &str) -> &str {
    let mut text = text.trim_end();
    while let Some((head, last)) = text.rsplit_once(' ') {
        if !is_link(last) {
            // A link glued to the sentence's stop ("in 2014.https://…").
            if let Some(at) = last
                .find("http")
                .filter(|&at| last[..at].ends_with(['.', '!', ':']))
            {
                let cut = text.len() - last.len() + at;
                text = &text[..cut];
            }
            break;
        }
        text = head.trim_end();
    }
    if !text.contains(' ') && is_link(text) {
        return "";
    }
    text
}

fn is_link(word: &str) -> bool {
    word.starts_with("http://")
        || word.starts_with("https://")
        || word.starts_with("pic.twitter.com/")
        || word.starts_with("www.")
}

/// A sentence of a post that asserts something though it lacks a full
/// stop: enough words, and no question.
pub(super) fn informal_sentence(text: &str) -> bool {
    let end = text.trim_end_matches([' ', ':', '"', '\u{201D}', ')']);
    !end.ends_with('?')
        && end
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
            >= POST_MIN_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Format, parse};
    use crate::claims::{ClaimKind, extract};

    fn signature(text: &str) -> Option<String> {
        super::signature(&Block {
            kind: BlockKind::Paragraph,
            text: text.to_string(),
            line: 1,
        })
    }

    #[test]
    fn signatures_name_the_account() {
        assert_eq!(
            signature("\u{2014} Mara Quill \u{1F308} (@maraquill) March 3, 2021").as_deref(),
            Some("Mara Quill")
        );
        assert_eq!(
            signature("-- Port Authority (@port_auth) 4 May 2023").as_deref(),
            Some("Port Authority")
        );
        assert_eq!(
            signature("A post shared by Lena Ford (@lena.ford) on Jun 1, 2022 at 9:14am PDT")
                .as_deref(),
            Some("Lena Ford")
        );
        assert_eq!(
            signature("\u{2014} \u{1F308} (@rainbow_7) May 1, 2020").as_deref(),
            Some("@rainbow_7")
        );
        // A credit or sign-off with a handle and no date is no post.
        assert_eq!(signature("\u{2014} Reporting by Ana Ruiz (@anaruiz)"), None);
        assert_eq!(signature("-- Ana Ruiz (@anaruiz) in Lisbon"), None);
        // A dash that opens a sentence, or a handle inside prose, is no
        // signature.
        assert_eq!(signature("\u{2014} and then the mayor left."), None);
        assert_eq!(
            signature("- The council (@council) said it would vote again next week?"),
            None
        );
        assert_eq!(
            signature("Mara Quill (@maraquill) wrote that the vote was rigged."),
            None
        );
    }

    #[test]
    fn trailing_links_are_dropped() {
        assert_eq!(
            without_trailing_links("Nobody checked it: https://t.co/ab12 pic.twitter.com/cd34"),
            "Nobody checked it:"
        );
        assert_eq!(
            without_trailing_links("See https://x.org for more"),
            "See https://x.org for more"
        );
        assert_eq!(without_trailing_links("https://t.co/ab12"), "");
        assert_eq!(
            without_trailing_links("A vote set for 2014.https://t.co/ab12 pic.twitter.com/x"),
            "A vote set for 2014."
        );
    }

    #[test]
    fn an_embedded_post_is_a_quote_by_its_author() {
        let text = "Town slogan draws mockery\n\n\
            The council said the campaign cost about $12,000.\n\n\
            The council really paid twelve thousand dollars for this and nobody checked it: https://t.co/abc123\n\n\
            \u{2014} Mara Quill (@maraquill) March 3, 2021\n\n\
            Mayor Tom Reddle defended the slogan at a meeting on Tuesday.\n";
        let claims = extract(&parse(text.as_bytes(), Format::Text).unwrap().article);
        let post = claims
            .iter()
            .find(|c| c.text.contains("twelve thousand"))
            .expect("the post is a claim");
        assert_eq!(post.kind, ClaimKind::Quote);
        assert_eq!(post.speaker.as_deref(), Some("Mara Quill"));
        assert!(!post.text.contains("t.co"), "{}", post.text);
        assert!(
            !claims.iter().any(|c| c.text.contains("@maraquill")),
            "the signature is no claim"
        );
        // The paragraph after the post is the article's again.
        let after = claims.iter().find(|c| c.text.contains("Reddle")).unwrap();
        assert_eq!(after.speaker.as_deref(), Some("Mayor Tom Reddle"));
    }

    #[test]
    fn an_embedded_post_in_html_keeps_its_author() {
        let html = "<html><body><article><h1>Town slogan draws mockery</h1>\
            <p>The town of Elmbrook unveiled a new slogan on Monday, and residents were quick to respond on social media.</p>\
            <blockquote class=\"twitter-tweet\"><p lang=\"en\">We are not paying for a second slogan and we never will <a href=\"https://t.co/x1\">pic.twitter.com/x1</a></p>\
            &mdash; Elmbrook Council (@elmbrook) <a href=\"https://example.org/s/1\">March 3, 2021</a></blockquote>\
            <p>Mayor Tom Reddle defended the slogan at a meeting on Tuesday, saying it had brought the town attention.</p>\
            </article></body></html>";
        let parsed = parse(html.as_bytes(), Format::Html).unwrap();
        let claims = extract(&parsed.article);
        let post = claims
            .iter()
            .find(|c| c.text.contains("second slogan"))
            .expect("the post is a claim");
        assert_eq!(post.kind, ClaimKind::Quote);
        assert_eq!(post.speaker.as_deref(), Some("Elmbrook Council"));
        assert!(post.negated, "{post:?}");
    }
}
