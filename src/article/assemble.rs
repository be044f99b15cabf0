//! Final assembly of an [`Article`] from units: takes the title (and the
//! unpunctuated standfirst under it) out of the body, drops boilerplate blocks, lone category labels and trailing
//! headings, turns short unpunctuated lines into headings, and strips a
//! "CITY -" dateline from the lead paragraph.

use super::boilerplate::{is_block_furniture, is_boilerplate, is_list_head};
use super::line::{
    Unit, char_len, ends_sentence, strip_decoration, title_like, word_count, words_at_most,
};
use super::metadata::{Meta, parse_byline, parse_dateline};
use super::{Article, Block, BlockKind, Format};

/// One-line paragraphs this close to the top or bottom, or this short,
/// are looked at for contact, credit and disclaimer phrases.
const EDGE_UNITS: usize = 4;
const SHORT_WORDS: usize = 15;

/// Units this close to the top or bottom may be bylines ("By X").
const HEADER_UNITS: usize = 12;
const FOOTER_UNITS: usize = 3;

/// Longest first line still read as a title.
const TITLE_MAX_WORDS: usize = 25;
/// Longest single unpunctuated first line read as a title.
const LONG_TITLE_MAX_WORDS: usize = 40;
/// Longest unpunctuated line read as a heading or label, not a sentence.
const LABEL_MAX_WORDS: usize = 15;

/// For HTML, whose blocks were not screened line by line: drops bylines,
/// datelines and boilerplate blocks, recording the metadata.
pub(crate) fn screen_units(units: &mut Vec<Unit>, meta: &mut Meta) {
    let total = units.len();
    let mut index = 0usize;
    units.retain(|u| {
        index += 1;
        if u.kind == BlockKind::ListItem {
            return true;
        }
        let header = index <= HEADER_UNITS || index + FOOTER_UNITS > total;
        if meta.take_byline(&u.text, header) {
            return false;
        }
        if let Some(date) = parse_dateline(&u.text) {
            meta.note_date(date);
            return false;
        }
        // A date line in a language the dateline parser does not know.
        !(header && is_stamp(&u.text))
    });
}

/// Builds the article from its units and metadata.
pub(crate) fn finish(mut units: Vec<Unit>, mut meta: Meta, format: Format) -> Article {
    // Single text lines were screened already; joined ones and HTML
    // blocks are screened whole.
    if format == Format::Html {
        drop_link_lists(&mut units);
    }
    let total = units.len();
    let mut index = 0;
    units.retain(|u| {
        index += 1;
        if u.lines == 1 && format != Format::Html {
            // Credit, contact and disclaimer lines stand at the edges of an
            // article or are short; a long paragraph mid-article is prose,
            // and the phrase scan is a tenth of parsing, so it is spared.
            let edge = index <= EDGE_UNITS || index + EDGE_UNITS > total;
            !is_block_furniture(&u.text, edge || words_at_most(&u.text, SHORT_WORDS))
        } else {
            !is_boilerplate(&u.text)
        }
    });
    let title_line = take_title(&mut units, &mut meta, format);
    // Taken out before labels are found: an unpunctuated summary would
    // otherwise read as a heading, and it must not count as the lead.
    let standfirst = if meta.title.is_some() {
        take_standfirst(&mut units)
    } else {
        None
    };
    for u in &mut units {
        if u.kind == BlockKind::Paragraph && is_label(&u.text) {
            u.kind = BlockKind::Heading;
        }
    }
    drop_labels(&mut units);
    strip_lead_dateline(&mut units);
    let standfirst_at = standfirst.is_some().then_some(0);
    if let Some(u) = standfirst {
        units.insert(0, u);
    }
    Article {
        title_line: if meta.title.is_some() { title_line } else { 0 },
        standfirst: standfirst_at,
        title: meta.title,
        byline: meta.byline,
        published: meta.published,
        blocks: units
            .into_iter()
            .map(|u| Block {
                kind: u.kind,
                text: u.text,
                line: u.line,
            })
            .collect(),
    }
}

/// Drops a "Most read" (or similar) heading and the list items after it.
fn drop_link_lists(units: &mut Vec<Unit>) {
    let mut in_list = false;
    units.retain(|u| {
        if in_list && u.kind == BlockKind::ListItem {
            return false;
        }
        in_list = is_list_head(&u.text);
        !in_list
    });
}

/// Compares titles ignoring case, decoration and spacing.
fn title_key(s: &str) -> String {
    strip_decoration(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Sets the title from the first unit when none was found in markup, and
/// removes the title (and headings repeating it) from the body. Returns the
/// title's source line (1 when the markup gave it and no heading repeats it).
fn take_title(units: &mut Vec<Unit>, meta: &mut Meta, format: Format) -> usize {
    let mut line = 1;
    // A section label above the headline ("World" / "Talks Resume") is
    // not the title.
    while meta.title.is_none()
        && units.len() >= 2
        && units[0].kind != BlockKind::ListItem
        && word_count(&units[0].text) <= 2
        && !ends_sentence(&units[0].text)
        && word_count(&units[1].text) > 2
        && (units[1].kind == BlockKind::Heading || title_like(&units[1].text))
        && title_shaped(&units[1], format)
    {
        units.remove(0);
    }
    if meta.title.is_none()
        && let Some(first) = units.first()
        && title_shaped(first, format)
    {
        meta.title = Some(strip_decoration(&first.text).to_string());
        line = first.line;
        units.remove(0);
        return line;
    }
    if let Some(title) = &meta.title {
        let key = title_key(title);
        if !key.is_empty() {
            let mut found = false;
            units.retain(|u| {
                let repeats = u.kind == BlockKind::Heading && title_key(&u.text) == key;
                if repeats && !found {
                    found = true;
                    line = u.line;
                }
                !repeats
            });
        }
    }
    line
}

/// Fewest and most words of a standfirst.
const STANDFIRST_MIN_WORDS: usize = 4;
const STANDFIRST_MAX_WORDS: usize = 60;

/// Takes out the standfirst: the first block under the headline (past lone
/// one- or two-word labels) when it is a sentence-case paragraph that ends
/// without a full stop ("Index on course to lose 8% since March"). Summaries
/// are written so; a body paragraph is not, and a title-cased line is a
/// heading or label.
fn take_standfirst(units: &mut Vec<Unit>) -> Option<Unit> {
    let at = units.iter().position(|u| word_count(&u.text) > 2)?;
    let u = &units[at];
    let text = u.text.trim_end();
    let last = text.chars().next_back()?;
    let is_summary = u.kind == BlockKind::Paragraph
        && !ends_sentence(text)
        && !matches!(last, ':' | ',' | ';' | '?' | '-')
        && word_count(text) >= STANDFIRST_MIN_WORDS
        && words_at_most(text, STANDFIRST_MAX_WORDS)
        && !title_like(text)
        && parse_dateline(text).is_none()
        && !is_stamp(text)
        && parse_byline(text, true).is_none()
        && !labelled_value(text);
    is_summary.then(|| units.remove(at))
}

/// Most words of a date-and-time line in any language.
const STAMP_MAX_WORDS: usize = 10;

/// A date-and-time line in any language ("Tuesday, 3 June 2025 at
/// 18:02" written in another tongue, whose weekday and month names
/// [`parse_dateline`] does not know): short, with a year, a day number and
/// a clock time. A summary names no clock time next to a full date.
fn is_stamp(text: &str) -> bool {
    if !words_at_most(text, STAMP_MAX_WORDS) {
        return false;
    }
    let nums: Vec<&str> = text
        .split(|c: char| !(c.is_ascii_digit() || c == ':'))
        .map(|t| t.trim_matches(':'))
        .filter(|t| !t.is_empty())
        .collect();
    let clock = |t: &str| {
        t.split_once(':').is_some_and(|(h, m)| {
            (1..=2).contains(&h.len())
                && m.len() == 2
                && h.parse::<u8>().is_ok_and(|h| h < 24)
                && m.parse::<u8>().is_ok_and(|m| m < 60)
        })
    };
    let year = |t: &str| t.len() == 4 && t.parse::<u16>().is_ok_and(|y| (1900..=2100).contains(&y));
    let day = |t: &str| t.len() <= 2 && t.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d));
    nums.iter().any(|t| clock(t)) && nums.iter().any(|t| year(t)) && nums.iter().any(|t| day(t))
}

/// "Reading time: 2 minutes", "Source: agencies": a short label, a colon
/// and a value, which is page furniture, not a summary.
fn labelled_value(text: &str) -> bool {
    text.split_once(": ")
        .is_some_and(|(label, value)| word_count(label) <= 3 && word_count(value) <= 3)
}

/// A first unit that reads as a headline: a heading, or a short paragraph
/// that is unpunctuated or title-cased. A plain first sentence is body
/// text: it must not turn into the title when paragraphs move.
fn title_shaped(u: &Unit, format: Format) -> bool {
    match u.kind {
        BlockKind::Heading => true,
        BlockKind::ListItem => false,
        BlockKind::Paragraph if format == Format::Html => false,
        // One long source line without a full stop is a headline too (feed
        // titles run long); wrapped prose is not written so.
        BlockKind::Paragraph
            if u.lines == 1
                && !ends_sentence(&u.text)
                && !u.text.ends_with([':', ','])
                && words_at_most(&u.text, LONG_TITLE_MAX_WORDS) =>
        {
            true
        }
        BlockKind::Paragraph => {
            if u.lines > 3 || !words_at_most(&u.text, TITLE_MAX_WORDS) || char_len(&u.text) > 250 {
                return false;
            }
            // "The plan has three parts:" introduces what follows.
            !u.text.ends_with(':') && (!ends_sentence(&u.text) || title_like(&u.text))
        }
    }
}

/// A short line that does not end like a sentence (no final punctuation,
/// quote, colon or comma): a heading, label or caption.
fn is_label(text: &str) -> bool {
    let last = text.chars().next_back().unwrap_or('.');
    if last.is_alphanumeric() || last == '/' {
        return words_at_most(text, LABEL_MAX_WORDS);
    }
    // A short line in capitals is a heading even with a stop: "FULL TEXT."
    // (Within LABEL_MAX_WORDS, so a paragraph stops at this count.)
    const CAPS_MAX_WORDS: usize = 8;
    const _: () = assert!(CAPS_MAX_WORDS <= LABEL_MAX_WORDS);
    if !words_at_most(text, CAPS_MAX_WORDS) {
        return false;
    }
    let letters = text.chars().filter(|c| c.is_uppercase()).count();
    letters >= 4 && !text.chars().any(char::is_lowercase)
}

/// Drops lone category labels (one or two words) before the first body
/// block, and every heading after the last body block.
fn drop_labels(units: &mut Vec<Unit>) {
    let is_body = |u: &Unit| u.kind != BlockKind::Heading;
    let Some(first_body) = units.iter().position(is_body) else {
        // No body at all: nothing but headings; keep them.
        return;
    };
    let last_body = units.iter().rposition(is_body).unwrap_or(first_body);
    units.truncate(last_body + 1);
    let mut index = 0usize;
    units.retain(|u| {
        index += 1;
        index > first_body || word_count(&u.text) > 2
    });
}

/// Removes a "CITY -" or "CITY (Agency) -" dateline from the start of the
/// first paragraph.
fn strip_lead_dateline(units: &mut [Unit]) {
    let Some(first) = units.iter_mut().find(|u| u.kind == BlockKind::Paragraph) else {
        return;
    };
    if let Some(rest) = after_dateline(&first.text) {
        first.text = rest.to_string();
    }
}

fn after_dateline(text: &str) -> Option<&str> {
    let dash = text.find(" - ")?;
    if dash > 60 {
        return None;
    }
    let head = &text[..dash];
    let rest = &text[dash + 3..];
    if !rest
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c == '"')
    {
        return None;
    }
    // "WASHINGTON (Reuters)", "KYIV, Ukraine", "NEW YORK".
    let place = head.split(" (").next().unwrap_or(head);
    let place = place.split(", ").next().unwrap_or(place);
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = place
        .chars()
        .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-'));
    (letters >= 3 && all_caps && word_count(place) <= 4).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(kind: BlockKind, text: &str, line: usize) -> Unit {
        Unit {
            kind,
            text: text.to_string(),
            line,
            lines: 1,
        }
    }

    #[test]
    fn dateline_prefix() {
        assert_eq!(
            after_dateline("MOSCOW - Russia said no."),
            Some("Russia said no.")
        );
        assert_eq!(
            after_dateline("WASHINGTON (Reuters) - The bill passed."),
            Some("The bill passed.")
        );
        assert_eq!(
            after_dateline("KYIV, Ukraine - Talks began."),
            Some("Talks began.")
        );
        assert_eq!(after_dateline("Moscow - a city of millions."), None);
        assert_eq!(after_dateline("The plan - he said - failed."), None);
    }

    #[test]
    fn labels_and_title() {
        let units = vec![
            unit(BlockKind::Paragraph, "Council Approves Harbour Plan", 1),
            unit(BlockKind::Paragraph, "Politics", 3),
            unit(BlockKind::Paragraph, "The council approved the plan.", 5),
            unit(BlockKind::Heading, "Next Steps Ahead", 7),
            unit(BlockKind::Paragraph, "Work starts in April.", 9),
            unit(BlockKind::Paragraph, "Politics", 11),
        ];
        let a = finish(units, Meta::default(), Format::Text);
        assert_eq!(a.title.as_deref(), Some("Council Approves Harbour Plan"));
        let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "The council approved the plan.",
                "Next Steps Ahead",
                "Work starts in April."
            ]
        );
    }

    /// Issue 12: a credit or contact line that is a whole paragraph of one
    /// line (plain text written without hard wraps) is furniture, as it is
    /// in a wrapped paragraph or an HTML block.
    #[test]
    fn issue_12_one_line_credit_paragraphs_are_furniture() {
        let units = vec![
            unit(BlockKind::Paragraph, "Harbour Plan Approved", 1),
            unit(
                BlockKind::Paragraph,
                "The council approved the plan on Monday.",
                3,
            ),
            unit(
                BlockKind::Paragraph,
                "Ines Vidal contributed reporting from Porto.",
                5,
            ),
            unit(
                BlockKind::Paragraph,
                "Tom Hale can be reached at tom@example.org. Ines Vidal contributed reporting.",
                7,
            ),
            unit(
                BlockKind::Paragraph,
                "The firm said it had contributed to the fund.",
                9,
            ),
        ];
        let a = finish(units, Meta::default(), Format::Text);
        let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "The council approved the plan on Monday.",
                "The firm said it had contributed to the fund."
            ]
        );
    }

    #[test]
    fn section_label_above_the_headline() {
        let units = vec![
            unit(BlockKind::Heading, "World", 1),
            unit(BlockKind::Heading, "Talks Resume in Geneva", 2),
            unit(BlockKind::Paragraph, "Delegates met on Monday.", 4),
        ];
        let a = finish(units, Meta::default(), Format::Text);
        assert_eq!(a.title.as_deref(), Some("Talks Resume in Geneva"));
        assert_eq!(a.blocks.len(), 1);
    }

    #[test]
    fn unpunctuated_summary_under_the_title_is_the_standfirst() {
        let units = vec![
            unit(BlockKind::Paragraph, "Ferry Fares Rise Again", 1),
            unit(
                BlockKind::Paragraph,
                "Operator blames fuel costs for a third increase this year",
                3,
            ),
            unit(
                BlockKind::Paragraph,
                "The ferry operator raised fares by 4% on Monday.",
                5,
            ),
        ];
        let a = finish(units, Meta::default(), Format::Text);
        assert_eq!(a.title.as_deref(), Some("Ferry Fares Rise Again"));
        assert_eq!(a.title_line, 1);
        assert_eq!(a.standfirst, Some(0));
        assert_eq!(a.blocks[0].kind, BlockKind::Paragraph);
        assert_eq!(a.blocks[0].line, 3);
        assert_eq!(a.blocks.len(), 2);
    }

    #[test]
    fn a_punctuated_lead_or_a_label_is_no_standfirst() {
        let units = vec![
            unit(BlockKind::Paragraph, "Ferry Fares Rise Again", 1),
            unit(
                BlockKind::Paragraph,
                "The ferry operator raised fares by 4% on Monday.",
                3,
            ),
        ];
        assert_eq!(
            finish(units, Meta::default(), Format::Text).standfirst,
            None
        );
        let units = vec![
            unit(BlockKind::Paragraph, "Ferry Fares Rise Again", 1),
            unit(BlockKind::Paragraph, "Transport And Shipping News", 3),
            unit(
                BlockKind::Paragraph,
                "The ferry operator raised fares by 4% on Monday.",
                5,
            ),
        ];
        assert_eq!(
            finish(units, Meta::default(), Format::Text).standfirst,
            None
        );
        for furniture in [
            "Reading time about: 4 short minutes",
            "Tuesday, 3 March 2025 at 10:15",
        ] {
            let units = vec![
                unit(BlockKind::Paragraph, "Ferry Fares Rise Again", 1),
                unit(BlockKind::Paragraph, furniture, 3),
                unit(
                    BlockKind::Paragraph,
                    "The ferry operator raised fares by 4% on Monday.",
                    5,
                ),
            ];
            let a = finish(units, Meta::default(), Format::Text);
            assert_eq!(a.standfirst, None, "{furniture}");
        }
    }

    #[test]
    fn bylines_stamps_and_credits_are_no_standfirst() {
        let meta = || Meta {
            title: Some("Ferry Fares Rise Again".into()),
            ..Meta::default()
        };
        let lead = "The ferry operator raised fares by 4% on Monday.";
        for furniture in [
            "by Jane September 9, 2013",
            "martedì, 3 giugno 2025 alle 18:02",
            "Example Courier wire services",
            "Staff and agencies",
        ] {
            let mut units = vec![
                unit(BlockKind::Paragraph, furniture, 3),
                unit(BlockKind::Paragraph, lead, 5),
            ];
            let mut m = meta();
            screen_units(&mut units, &mut m);
            let a = finish(units, m, Format::Html);
            assert_eq!(a.standfirst, None, "{furniture}");
            assert!(a.blocks.iter().all(|b| b.text != furniture), "{furniture}");
        }
        // Summaries with a year or a clock time stay standfirsts.
        for summary in [
            "Operator blames fuel costs for a third rise since 2021",
            "Crossings resume at 10:30 after 3 days of delays",
        ] {
            let units = vec![
                unit(BlockKind::Paragraph, summary, 3),
                unit(BlockKind::Paragraph, lead, 5),
            ];
            let a = finish(units, meta(), Format::Html);
            assert_eq!(a.standfirst, Some(0), "{summary}");
            assert_eq!(a.blocks[0].text, summary);
        }
    }

    #[test]
    fn title_from_markup_takes_the_line_of_its_heading() {
        let units = vec![
            unit(BlockKind::Heading, "Ferry Fares Rise Again", 7),
            unit(
                BlockKind::Paragraph,
                "The ferry operator raised fares by 4% on Monday.",
                9,
            ),
        ];
        let meta = Meta {
            title: Some("Ferry Fares Rise Again".into()),
            ..Meta::default()
        };
        let a = finish(units, meta, Format::Html);
        assert_eq!(a.title_line, 7);
        assert_eq!(a.blocks.len(), 1);
    }

    #[test]
    fn one_long_unpunctuated_first_line_is_the_title() {
        let head = "Ministers said the new rail line to the northern coast will be delayed by two more years as costs rise and contractors leave the project";
        let units = vec![
            unit(BlockKind::Paragraph, head, 1),
            unit(BlockKind::Paragraph, "The line was due to open in 2027.", 3),
        ];
        let a = finish(units, Meta::default(), Format::Text);
        assert_eq!(a.title.as_deref(), Some(head));
    }

    #[test]
    fn long_first_paragraph_is_not_a_title() {
        let long = "The council approved the harbour plan on Monday after a long debate that ran late into the evening, officials said on Tuesday morning.";
        let units = vec![
            unit(BlockKind::Paragraph, long, 1),
            unit(BlockKind::Paragraph, "More text here.", 2),
        ];
        let a = finish(units, Meta::default(), Format::Text);
        assert_eq!(a.title, None);
        assert_eq!(a.blocks.len(), 2);
    }
}
