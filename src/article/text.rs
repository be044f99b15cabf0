//! Plain-text reading: splits a `.txt` article into classified source lines
//! ([`source_lines`]) and sorts out bylines, datelines and boilerplate
//! ([`classify`]) before [`super::wrap::join`] builds paragraphs.

use super::boilerplate::{is_boilerplate_with_lead, is_furniture_lead, is_list_head};
use super::line::{
    LineClass, SrcLine, char_len, clean, decorated_heading, ends_break, ends_with_connector,
    starts_lowercase, strip_decoration, strip_list_marker, word_count,
};
use super::metadata::{Meta, parse_dateline};

/// Classifies the lines of a plain-text article.
pub(crate) fn source_lines(text: &str) -> Vec<SrcLine> {
    let mut out: Vec<SrcLine> = Vec::new();
    for (i, raw) in lines(text).enumerate() {
        let indented = raw.starts_with([' ', '\t']);
        let mut src = SrcLine {
            text: String::new(),
            line: i + 1,
            class: LineClass::Blank,
            indented,
            raw_len: char_len(raw.trim()),
        };
        if raw.trim().is_empty() {
            out.push(src);
            continue;
        }
        if let Some(rest) = strip_list_marker(raw)
            && list_may_start(&out)
        {
            src.text = clean(rest);
            src.class = if src.text.is_empty() {
                LineClass::Drop
            } else {
                LineClass::ListItem
            };
            out.push(src);
            continue;
        }
        src.text = clean(raw);
        if decorated_heading(&src.text) {
            src.text = strip_decoration(&src.text).to_string();
            src.class = LineClass::Heading;
        } else {
            src.class = LineClass::Text;
        }
        out.push(src);
    }
    out
}

/// `str::lines` (split at '\n', a '\r' before it dropped) with the memchr
/// crate's vectorised search, which on paragraph-long lines is several
/// times cheaper than the word-at-a-time search `str::lines` uses.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let Some(i) = memchr::memchr(b'\n', rest.as_bytes()) else {
            // The last line, without a line ending: a '\r' stays.
            return Some(std::mem::take(&mut rest));
        };
        let line = &rest[..i];
        rest = &rest[i + 1..];
        Some(line.strip_suffix('\r').unwrap_or(line))
    })
}

/// A bullet opens a list item unless it sits in the middle of a sentence
/// (a wrapped line that happens to start with "- ").
pub(crate) fn list_may_start(previous: &[SrcLine]) -> bool {
    match previous.last() {
        Some(p) if p.class == LineClass::Text => ends_break(&p.text),
        _ => true,
    }
}

/// How many lines at the top and bottom count as page header and footer,
/// where a bare "By X" is a byline.
const HEADER_LINES: usize = 15;
const FOOTER_LINES: usize = 4;

/// Drops boilerplate lines and records bylines and datelines in `meta`.
pub(crate) fn classify(lines: &mut [SrcLine], meta: &mut Meta) {
    let total = lines.iter().filter(|l| l.class != LineClass::Blank).count();
    // A line whose sentence runs on into the next line is judged with it,
    // as a whole paragraph, later ("Editor's note: ..." over three lines).
    let runs_on: Vec<bool> = (0..lines.len())
        .map(|i| {
            let (cur, next) = (&lines[i], lines.get(i + 1));
            cur.class == LineClass::Text
                && !ends_break(&cur.text)
                && next.is_some_and(|n| {
                    n.class == LineClass::Text
                        && (starts_lowercase(&n.text) || ends_with_connector(&cur.text))
                })
        })
        .collect();
    let mut seen = 0usize;
    let mut prev: Option<(LineClass, bool)> = None;
    // After "Most read" and the like, the list of links is furniture too.
    let mut link_list = false;
    for (src, runs_on) in lines.iter_mut().zip(runs_on) {
        if src.class == LineClass::Blank {
            prev = None;
            continue;
        }
        seen += 1;
        if link_list && src.class == LineClass::ListItem {
            src.class = LineClass::Drop;
            continue;
        }
        link_list = is_list_head(&src.text);
        // A line carrying on the sentence above is not standalone furniture
        // ("...invasion of Ukraine in" / "February 2022.").
        let carries_on = matches!(prev, Some((LineClass::Text, true)))
            && src.class == LineClass::Text
            || (matches!(prev, Some((LineClass::Text, _))) && starts_lowercase(&src.text));
        prev = Some((
            src.class,
            !ends_break(&src.text) && ends_with_connector(&src.text),
        ));
        // Furniture whose sentence runs on is left for the paragraph check
        // (so its continuation goes too); complete lines go now. The
        // answer is kept for the boilerplate check below (asked of the
        // trimmed line, so only when trimming leaves it as it is).
        let mut lead = None;
        if !carries_on && !runs_on && src.class == LineClass::Text {
            let is_lead = is_furniture_lead(&src.text);
            if is_lead {
                src.class = LineClass::Drop;
                continue;
            }
            if !src.text.ends_with(char::is_whitespace) {
                lead = Some(false);
            }
        }
        let in_sentence = carries_on || runs_on;
        if !in_sentence && matches!(src.class, LineClass::Text | LineClass::Heading) {
            let header = seen <= HEADER_LINES || seen + FOOTER_LINES > total;
            if meta.take_byline(&src.text, header) {
                src.class = LineClass::Drop;
                continue;
            }
            if let Some(date) = parse_dateline(&src.text) {
                meta.note_date(date);
                src.class = LineClass::Drop;
                continue;
            }
        }
        // Capitalised one- or two-word furniture ("Advertisement") is
        // dropped even mid-sentence; longer lines that run on are judged
        // with their paragraph.
        let judge = !in_sentence || (!starts_lowercase(&src.text) && word_count(&src.text) <= 3);
        if judge
            && matches!(
                src.class,
                LineClass::Text | LineClass::Heading | LineClass::ListItem
            )
            && is_boilerplate_with_lead(&src.text, lead)
        {
            src.class = LineClass::Drop;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_match_str_lines() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "a\r\nb\r\n",
            "a\r\n\r\nb",
            "a\rb\r",
            "\r",
            "\r\r\n",
            "\n\nx\n\n",
            "caf\u{e9}\nna\u{ef}ve\r",
        ] {
            assert_eq!(
                lines(text).collect::<Vec<_>>(),
                text.lines().collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    fn classes(text: &str) -> Vec<LineClass> {
        source_lines(text).iter().map(|l| l.class).collect()
    }

    #[test]
    fn list_items_and_lone_markers() {
        use LineClass::*;
        assert_eq!(
            classes("Intro:\n- one\n* two\n-\n3. three\n"),
            vec![Text, ListItem, ListItem, Drop, ListItem]
        );
        let lines = source_lines("- one\n");
        assert_eq!(lines[0].text, "one");
    }

    #[test]
    fn dash_in_wrapped_prose_is_not_a_list() {
        use LineClass::*;
        assert_eq!(
            classes("The minister said the plan was sound\n- and that it would pass.\n"),
            vec![Text, Text]
        );
    }

    #[test]
    fn decorated_title_is_heading() {
        let lines = source_lines("//A Title for the Story//\n");
        assert_eq!(lines[0].class, LineClass::Heading);
        assert_eq!(lines[0].text, "A Title for the Story");
    }

    #[test]
    fn classify_records_metadata() {
        let mut lines = source_lines(
            "Headline Here\n\nWritten by Jane Roe\n\nMarch 3, 2025 10:00 AM GMT\n\nPhoto: A / B\nBody text.\n",
        );
        let mut meta = Meta::default();
        classify(&mut lines, &mut meta);
        assert_eq!(meta.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(meta.published.as_deref(), Some("2025-03-03T10:00Z"));
        let kept: Vec<&str> = lines
            .iter()
            .filter(|l| l.class == LineClass::Text)
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(kept, vec!["Headline Here", "Body text."]);
    }
}
