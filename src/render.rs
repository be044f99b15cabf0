//! Human-readable rendering of extractions and diffs for the terminal
//! ([`Style`] decides colour: only on a TTY and never with `NO_COLOR`).

use std::fmt::Write as _;

use crate::Extraction;
use crate::claims::{Claim, Part};

/// Whether to emit ANSI colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
}

impl Style {
    /// Colour when stdout is a terminal and `NO_COLOR` is unset or empty.
    pub fn for_stdout() -> Style {
        use std::io::IsTerminal;
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Style {
            color: !no_color && std::io::stdout().is_terminal(),
        }
    }

    pub fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// Escapes control characters so article text cannot forge terminal or log
/// lines.
pub fn escape_control(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control() {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

/// One line per claim: kind, speaker, numbers, flags, then the text.
pub fn extraction_text(ex: &Extraction, style: Style) -> String {
    let mut out = String::new();
    let meta = [
        ("title", &ex.title),
        ("byline", &ex.byline),
        ("published", &ex.published),
    ];
    for (key, value) in meta {
        if let Some(v) = value {
            let _ = writeln!(out, "{:<10} {}", style.paint("2", key), escape_control(v));
        }
    }
    for claim in &ex.claims {
        out.push_str(&claim_line(claim, style));
        out.push('\n');
    }
    let _ = writeln!(out, "{} claims", ex.claims.len());
    out
}

/// `L12 quote      [Ryabkov] {30 day} "text"`; a headline or standfirst
/// claim is tagged `(headline)` / `(standfirst)`.
pub fn claim_line(claim: &Claim, style: Style) -> String {
    let mut tags = Vec::new();
    if claim.part != Part::Body {
        tags.push(style.paint("1", &format!("({})", claim.part.as_str())));
    }
    if let Some(s) = &claim.speaker {
        tags.push(style.paint("36", &format!("[{}]", escape_control(s))));
    }
    for n in &claim.numbers {
        let tag = if n.unit.is_empty() {
            format!("{{{}}}", n.value)
        } else {
            format!("{{{} {}}}", n.value, n.unit)
        };
        tags.push(style.paint("33", &tag));
    }
    if claim.negated {
        tags.push(style.paint("31", "NOT"));
    }
    if claim.hedged {
        tags.push(style.paint("35", "HEDGED"));
    }
    // Line 0 is unknown (a feed item's title): shown as "L-".
    let at = if claim.line == 0 {
        "-".to_string()
    } else {
        claim.line.to_string()
    };
    let mut line = format!("L{at:<4} {:<10}", style.paint("1", claim.kind.as_str()));
    if !tags.is_empty() {
        line.push(' ');
        line.push_str(&tags.join(" "));
    }
    line.push(' ');
    line.push_str(&escape_control(&claim.text));
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::tests::claim;

    #[test]
    fn claim_line_tags_a_headline_not_a_body_claim() {
        let plain = Style { color: false };
        let mut c = claim("Ferry fares rise again");
        assert!(!claim_line(&c, plain).contains("(body)"));
        c.part = Part::Standfirst;
        let line = claim_line(&c, plain);
        assert!(
            line.contains("(standfirst) Ferry fares rise again"),
            "{line}"
        );
    }
}
