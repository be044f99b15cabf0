//! Human text rendering of a [`ClaimDiff`] for `claimwatch diff`: one block
//! per change, severity first, changed words marked (colour on a terminal,
//! `[-old-]{+new+}` otherwise), details, and a summary line.

use std::fmt::Write as _;

use super::words::{Mark, WordDiff, plain_mark};
use super::{Change, ClaimDiff, Detail, DetailType, Op, Severity, Summary};
use crate::claims::{Claim, Part};
use crate::render::{Style, escape_control};

/// "1 modified, 0 added, 0 removed, 31 unchanged".
pub fn summary_line(s: &Summary) -> String {
    format!(
        "{} modified, {} added, {} removed, {} unchanged",
        s.modified, s.added, s.removed, s.unchanged
    )
}

/// The whole diff between the files `old` and `new`.
pub fn render(old: &str, new: &str, d: &ClaimDiff, style: Style) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        style.paint("1", &format!("--- {}", escape_control(old)))
    );
    let _ = writeln!(
        out,
        "{}",
        style.paint("1", &format!("+++ {}", escape_control(new)))
    );
    for change in &d.changes {
        out.push('\n');
        out.push_str(&change_block(change, style));
    }
    if d.changes.is_empty() {
        let _ = writeln!(out, "\nno claim changed");
    }
    let _ = writeln!(out, "\n{}", summary_line(&d.summary));
    out
}

fn severity_label(s: Severity, style: Style) -> String {
    let (code, word) = match s {
        Severity::High => ("1;31", "high"),
        Severity::Medium => ("33", "medium"),
        Severity::Low => ("36", "low"),
        Severity::None => ("2", "none"),
    };
    style.paint(code, &format!("{word:<6}"))
}

fn detail_name(kind: DetailType) -> &'static str {
    match kind {
        DetailType::NumberChanged => "number changed",
        DetailType::DateChanged => "date changed",
        DetailType::QuoteChanged => "quote changed",
        DetailType::SpeakerChanged => "speaker changed",
        DetailType::NegationChanged => "negation changed",
        DetailType::HedgeChanged => "hedge changed",
        DetailType::EntityChanged => "entity changed",
        DetailType::WordingChanged => "wording changed",
    }
}

/// "number changed: two weeks → three weeks".
pub fn detail_line(d: &Detail) -> String {
    let name = detail_name(d.kind);
    let show = |v: &Option<String>| {
        v.as_deref()
            .map(|s| format!("\"{}\"", escape_control(s)))
            .unwrap_or_else(|| "(none)".to_string())
    };
    if d.from.is_none() && d.to.is_none() {
        name.to_string()
    } else {
        format!("{name}: {} → {}", show(&d.from), show(&d.to))
    }
}

/// " line N", or nothing where the line is unknown (0: a feed item's
/// title, which has no line of its own in the item's text).
fn location(c: &Claim) -> String {
    if c.line == 0 {
        String::new()
    } else {
        format!(" line {}", c.line)
    }
}

fn header(change: &Change, style: Style) -> String {
    let op = match change.op {
        Op::Added => "added",
        Op::Removed => "removed",
        Op::Modified => "modified",
    };
    let claim = change.after.as_ref().or(change.before.as_ref());
    let mut h = format!(
        "{} {}",
        severity_label(change.severity, style),
        style.paint("1", op)
    );
    if let Some(c) = claim {
        // Body is the default place; a headline or standfirst says so.
        if c.part != Part::Body {
            let _ = write!(h, " {}", style.paint("1", c.part.as_str()));
        }
        let _ = write!(h, " {}{}", c.kind.as_str(), style.paint("2", &location(c)));
    }
    if let Some(sim) = change.similarity {
        let _ = write!(
            h,
            " {}",
            style.paint("2", &format!("(similarity {sim:.2})"))
        );
    }
    h
}

fn colour_mark(style: Style) -> impl Fn(Mark, &str) -> String {
    move |mark, text| match mark {
        Mark::Deleted => style.paint("1;31", text),
        Mark::Inserted => style.paint("1;32", text),
    }
}

/// One change: header, the text with changed words marked, speaker,
/// details.
pub fn change_block(change: &Change, style: Style) -> String {
    let mut out = header(change, style);
    out.push('\n');
    match (&change.before, &change.after) {
        (Some(b), Some(a)) => {
            // Escaped before marking, so the colour codes survive.
            let wd = WordDiff::new(&escape_control(&b.text), &escape_control(&a.text));
            if style.color {
                let mark = colour_mark(style);
                let _ = writeln!(
                    out,
                    "  {} {}",
                    style.paint("31", "-"),
                    wd.render_side(true, &mark)
                );
                let _ = writeln!(
                    out,
                    "  {} {}",
                    style.paint("32", "+"),
                    wd.render_side(false, &mark)
                );
            } else {
                let _ = writeln!(out, "  {}", wd.render(None, &plain_mark));
            }
        }
        (Some(b), None) => {
            let _ = writeln!(
                out,
                "  {} {}",
                style.paint("31", "-"),
                escape_control(&b.text)
            );
        }
        (None, Some(a)) => {
            let _ = writeln!(
                out,
                "  {} {}",
                style.paint("32", "+"),
                escape_control(&a.text)
            );
        }
        (None, None) => {}
    }
    let speaker_changed = change
        .details
        .iter()
        .any(|d| d.kind == DetailType::SpeakerChanged);
    if !speaker_changed {
        let speaker = change
            .after
            .as_ref()
            .or(change.before.as_ref())
            .and_then(|c| c.speaker.as_deref());
        if let Some(s) = speaker {
            let _ = writeln!(
                out,
                "  {} {}",
                style.paint("2", "speaker:"),
                escape_control(s)
            );
        }
    }
    for d in &change.details {
        let _ = writeln!(out, "  {} {}", style.paint("2", "•"), detail_line(d));
    }
    out
}
