//! Joining hard-wrapped lines into paragraphs ([`join`]): estimates the wrap
//! width, keeps one-line paragraphs and headings separate, joins words
//! hyphenated at a line end without a space.
//!
//! The rule of thumb: a line is the last of its paragraph when the next
//! line's first word would have fitted on it and it ends a sentence (or it
//! is a heading). Joining two paragraphs by mistake is harmless to the
//! sentences; splitting a sentence is not, so doubt leans towards joining.

use std::cell::Cell;

use super::BlockKind;
use super::line::{
    LineClass, SrcLine, Unit, char_len, ends_break, ends_sentence, ends_with_connector, first_word,
    heading_candidate, starts_like_sentence, starts_lowercase,
};

/// Joins classified lines into paragraphs, headings and list items.
pub(crate) fn join(lines: Vec<SrcLine>) -> Vec<Unit> {
    let lens: Vec<usize> = lines.iter().map(|l| l.raw_len).collect();
    let heads = Heads(vec![Cell::new(None); lines.len()]);
    let mut joiner = Joiner {
        width: estimate_width(&lines, &lens, &heads),
        first_text: lines.iter().position(|l| l.class == LineClass::Text),
        lines,
        lens,
        heads,
    };
    joiner.run()
}

/// [`heading_candidate`] of each line, worked out once: the width estimate
/// and the joiner ask it of the same short lines (in hard-wrapped text,
/// every line), and each answer reads the line's words. A line's answer
/// is asked only while its text is still in place (before a unit takes it).
struct Heads(Vec<Cell<Option<bool>>>);

impl Heads {
    fn get(&self, lines: &[SrcLine], i: usize) -> bool {
        let cell = &self.0[i];
        if let Some(known) = cell.get() {
            return known;
        }
        let answer = heading_candidate(&lines[i].text);
        cell.set(Some(answer));
        answer
    }
}

/// The wrap width of a hard-wrapped text, or `None` when lines are whole
/// paragraphs. The evidence is lines that stop mid-sentence while the next
/// line carries the sentence on (starts in lowercase, or this one ends in a
/// comma or function word): that is a wrap. Such lines cluster just under
/// the width. Without evidence, short lines that all end sentences may
/// still be wrapped text whose breaks fell on sentence ends; the longest
/// marks the width then.
fn estimate_width(lines: &[SrcLine], lens: &[usize], heads: &Heads) -> Option<usize> {
    let mut evidence: Vec<usize> = Vec::new();
    let mut inner_max: Option<usize> = None;
    let mut inner = 0usize;
    for (i, w) in lines.windows(2).enumerate() {
        if w[0].class != LineClass::Text || w[1].class != LineClass::Text || heads.get(lines, i) {
            continue;
        }
        inner += 1;
        inner_max = inner_max.max(Some(lens[i]));
        if !ends_break(&w[0].text)
            && (starts_lowercase(&w[1].text) || ends_with_connector(&w[0].text))
        {
            evidence.push(lens[i]);
        }
    }
    // In wrapped text most breaks fall mid-sentence; a stray one or two in
    // one-paragraph-per-line text is no evidence of wrapping.
    if evidence.is_empty() || evidence.len() * 2 < inner {
        return inner_max.filter(|&m| m <= WRAP_LIMIT);
    }
    evidence.sort_unstable();
    let median = evidence[evidence.len() / 2];
    // Long one-line paragraphs among wrapped ones must not stretch the width.
    let limit = median + median / 2;
    let mut widths: Vec<usize> = lines
        .windows(2)
        .zip(lens)
        .filter(|(w, len)| {
            w[0].class == LineClass::Text && w[1].class == LineClass::Text && **len <= limit
        })
        .map(|(_, &len)| len)
        .collect();
    widths.sort_unstable();
    // The second widest, so that one line stretched by a long unbreakable
    // word (an address) does not set the width.
    match widths.len() {
        0 => None,
        1..=3 => widths.last().copied(),
        n => Some(widths[n - 2]),
    }
}

/// Widest line still taken for a hard wrap when nothing else tells.
const WRAP_LIMIT: usize = 120;

struct Joiner {
    lines: Vec<SrcLine>,
    first_text: Option<usize>,
    lens: Vec<usize>,
    width: Option<usize>,
    heads: Heads,
}

/// A unit being assembled.
struct Open {
    kind: BlockKind,
    text: String,
    line: usize,
    lines: usize,
    last: usize,
}

impl Open {
    fn start(kind: BlockKind, src: &mut SrcLine, index: usize) -> Open {
        Open {
            kind,
            text: std::mem::take(&mut src.text),
            line: src.line,
            lines: 1,
            last: index,
        }
    }

    fn append(&mut self, src: &SrcLine, index: usize) {
        if !hyphen_join(&self.text, &src.text) {
            self.text.push(' ');
        }
        self.text.push_str(&src.text);
        self.lines += 1;
        self.last = index;
    }

    fn finish(self) -> Unit {
        Unit {
            kind: self.kind,
            text: self.text,
            line: self.line,
            lines: self.lines,
        }
    }
}

/// "Russian-" at a line end followed by "speaking": one word, no space.
fn hyphen_join(a: &str, b: &str) -> bool {
    let mut rev = a.chars().rev();
    rev.next() == Some('-')
        && rev.next().is_some_and(char::is_alphabetic)
        && b.chars().next().is_some_and(char::is_alphabetic)
}

impl Joiner {
    fn run(&mut self) -> Vec<Unit> {
        let mut units = Vec::new();
        let mut open: Option<Open> = None;
        for i in 0..self.lines.len() {
            match self.lines[i].class {
                // Furniture inside a sentence ("...the minister said" /
                // "Advertisement" / "that the plan...") is stepped over.
                LineClass::Drop if open.as_ref().is_some_and(|o| !ends_break(&o.text)) => {}
                LineClass::Blank | LineClass::Drop => {
                    units.extend(open.take().map(Open::finish));
                }
                LineClass::Heading => {
                    units.extend(open.take().map(Open::finish));
                    let src = &mut self.lines[i];
                    units.push(Unit {
                        kind: BlockKind::Heading,
                        text: std::mem::take(&mut src.text),
                        line: src.line,
                        lines: 1,
                    });
                }
                LineClass::ListItem => {
                    units.extend(open.take().map(Open::finish));
                    open = Some(Open::start(BlockKind::ListItem, &mut self.lines[i], i));
                }
                LineClass::Text => {
                    if let Some(o) = open.as_mut()
                        && self.continues(o, i)
                    {
                        o.append(&self.lines[i], i);
                        continue;
                    }
                    units.extend(open.take().map(Open::finish));
                    let kind = if self.heading_here(i) {
                        BlockKind::Heading
                    } else {
                        BlockKind::Paragraph
                    };
                    open = Some(Open::start(kind, &mut self.lines[i], i));
                    if kind == BlockKind::Heading {
                        units.extend(open.take().map(Open::finish));
                    }
                }
            }
        }
        units.extend(open.map(Open::finish));
        units
    }

    /// Line `i` is the first text of the document.
    fn first_text(&self, i: usize) -> bool {
        self.first_text == Some(i)
    }

    /// The next line's first word would have fitted on line `a`.
    fn fits(&self, a: usize, b: usize) -> bool {
        match self.width {
            None => true,
            Some(w) => self.lens[a] + 1 + char_len(first_word(&self.lines[b].text)) <= w,
        }
    }

    /// Line `i`, at the start of a paragraph, is a heading: heading-shaped,
    /// and what follows starts a new block.
    fn heading_here(&self, i: usize) -> bool {
        if !self.heads.get(&self.lines, i) {
            return false;
        }
        match self.lines.get(i + 1) {
            None => true,
            Some(next) if next.class != LineClass::Text => true,
            Some(next) => starts_like_sentence(&next.text) && self.fits(i, i + 1),
        }
    }

    /// Whether text line `i` continues the open unit. The unit's text ends
    /// with its last line, so it stands in for that line's ending.
    fn continues(&self, open: &Open, i: usize) -> bool {
        let a_idx = open.last;
        let a = &open.text;
        let b = &self.lines[i].text;
        if open.kind == BlockKind::ListItem {
            if self.lines[i].indented {
                return true;
            }
            if ends_break(a) {
                return false;
            }
            return starts_lowercase(b)
                || ends_with_connector(a)
                || (self.width.is_some() && !self.fits(a_idx, i));
        }
        if ends_break(a) && self.heading_here(i) {
            return false;
        }
        if hyphen_join(a, b) {
            return true;
        }
        match self.width {
            None => !ends_sentence(a) && (starts_lowercase(b) || ends_with_connector(a)),
            Some(w) => {
                if ends_break(a) && self.fits(a_idx, i) {
                    return false;
                }
                // A short first line not ending a sentence, followed by a
                // capital: a deck, label or caption standing alone. The
                // first line of the text is the headline however long,
                // unless it is full (a headline wrapped onto two lines).
                let short_alone = open.lines == 1
                    && !ends_sentence(a)
                    && (self.lens[a_idx] * 10 < w * 7
                        || (self.first_text(a_idx) && self.fits(a_idx, i)))
                    && starts_like_sentence(b)
                    && !ends_with_connector(a);
                !short_alone
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<SrcLine> {
        text.lines()
            .enumerate()
            .map(|(i, l)| SrcLine {
                text: l.trim().to_string(),
                line: i + 1,
                class: if l.trim().is_empty() {
                    LineClass::Blank
                } else {
                    LineClass::Text
                },
                indented: l.starts_with(' '),
                raw_len: l.trim().len(),
            })
            .collect()
    }

    fn texts(text: &str) -> Vec<(BlockKind, String)> {
        join(lines(text))
            .into_iter()
            .map(|u| (u.kind, u.text))
            .collect()
    }

    #[test]
    fn wrapped_paragraphs_without_blank_lines_keep_headings_apart() {
        let text = "The council met on Monday to discuss the budget for next year and\n\
                    the plans for the harbour. The mayor said the talks went well.\n\
                    A New Plan for the Harbour\n\
                    Officials said the harbour would be dredged in the spring, and\n\
                    that the work would take two months.\n";
        let got = texts(text);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(
            got[1],
            (BlockKind::Heading, "A New Plan for the Harbour".into())
        );
        assert!(got[2].1.ends_with("would take two months."));
    }

    #[test]
    fn one_paragraph_per_line_stays_separate() {
        let text = "The council met on Monday to discuss the budget for next year and the plans for the harbour, which has silted up over the winter months.\n\
                    A New Plan\n\
                    Officials said the harbour would be dredged in the spring, and that the work would take two months to complete in full.\n\
                    The mayor, who chairs the council, said she expected the cost to fall below the estimate given last year.\n";
        let got = texts(text);
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[1].0, BlockKind::Heading);
    }

    #[test]
    fn hyphenated_line_end_joins_without_space() {
        let text = "The survey covered Russian-\nspeaking residents of the city and\nfound broad support.\n";
        assert_eq!(
            texts(text),
            vec![(
                BlockKind::Paragraph,
                "The survey covered Russian-speaking residents of the city and found broad support."
                    .into()
            )]
        );
    }

    #[test]
    fn width_is_none_for_unwrapped_text() {
        let ls = lines("a b\n\nc d\n");
        let lens: Vec<usize> = ls.iter().map(|l| l.raw_len).collect();
        let heads = Heads(vec![Cell::new(None); ls.len()]);
        assert_eq!(estimate_width(&ls, &lens, &heads), None);
    }
}
