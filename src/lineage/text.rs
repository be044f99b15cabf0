//! Lineages for people (`claimwatch history PATH --claims`): one block per
//! claim, headline first then by severity, each step on its own line with
//! the changed words marked as `claimwatch diff` marks them.

use std::fmt::Write as _;

use super::{History, Lineage, Step, StepKind};
use crate::diff::Severity;
use crate::diff::text::detail_line;
use crate::diff::words::{Mark, WordDiff, plain_mark};
use crate::render::{Style, escape_control};

/// Every lineage of one article; `changed_only` leaves out claims that
/// never changed after the first revision.
pub fn render(h: &History, changed_only: bool, style: Style) -> String {
    let mut out = String::new();
    let mut shown = 0;
    for l in h.ordered() {
        if changed_only && !l.changed() && l.severity == Severity::None {
            continue;
        }
        shown += 1;
        out.push_str(&block(l, style));
    }
    let changed = h.lineages.iter().filter(|l| l.changed()).count();
    let flips: usize = h.lineages.iter().map(|l| l.flip_flops).sum();
    let _ = writeln!(
        out,
        "{} claims over {} revisions: {} changed, {} flip-flops{}",
        h.lineages.len(),
        h.revisions,
        changed,
        flips,
        if shown < h.lineages.len() {
            format!(" ({} unchanged not shown)", h.lineages.len() - shown)
        } else {
            String::new()
        }
    );
    out
}

fn severity_word(s: Severity, style: Style) -> String {
    let (code, word) = match s {
        Severity::High => ("1;31", "high"),
        Severity::Medium => ("33", "medium"),
        Severity::Low => ("36", "low"),
        Severity::None => ("2", "none"),
    };
    style.paint(code, &format!("{word:<6}"))
}

/// One lineage: a header line, then its steps.
pub fn block(l: &Lineage, style: Style) -> String {
    let mut out = String::new();
    let part = match l.part {
        0 => "headline ",
        1 => "standfirst ",
        _ => "",
    };
    let state = if l.live { "" } else { " (gone)" };
    let flips = if l.flip_flops > 0 {
        format!(" ↺{}", l.flip_flops)
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "{} {} {}{}{}{}  {}",
        severity_word(l.severity, style),
        style.paint("2", &format!("#{}", l.id)),
        style.paint("1", part),
        l.kind,
        style.paint("2", state),
        style.paint("35", &flips),
        escape_control(&l.text)
    );
    // A claim as it first stood and never touched again needs no steps.
    if l.changed() || l.severity > Severity::None {
        for s in &l.steps {
            out.push_str(&step_line(s, style));
        }
        out.push('\n');
    }
    out
}

fn step_line(s: &Step, style: Style) -> String {
    let mut out = format!(
        "  {} {:<11}",
        style.paint("2", &format!("r{:<4}", s.revision)),
        s.kind.as_str()
    );
    match (&s.before, s.kind) {
        (Some(before), _) => {
            let wd = WordDiff::new(&escape_control(before), &escape_control(&s.text));
            let marked = if style.color {
                let mark = move |m: Mark, t: &str| match m {
                    Mark::Deleted => style.paint("1;31", t),
                    Mark::Inserted => style.paint("1;32", t),
                };
                wd.render(Some(4), &mark)
            } else {
                wd.render(Some(4), &plain_mark)
            };
            let _ = write!(out, " {marked}");
        }
        (None, StepKind::FirstSeen) => out.truncate(out.trim_end().len()),
        (None, _) => {
            let _ = write!(out, " {}", escape_control(&s.text));
        }
    }
    if !s.with.is_empty() {
        let ids: Vec<String> = s.with.iter().map(|i| format!("#{i}")).collect();
        let _ = write!(
            out,
            " {}",
            style.paint("2", &format!("(with {})", ids.join(", ")))
        );
    }
    if let Some(f) = &s.flip_flop {
        let _ = write!(out, " {}", style.paint("35", &f.label()));
    }
    out.push('\n');
    for d in &s.details {
        let _ = writeln!(out, "         {} {}", style.paint("2", "•"), detail_line(d));
    }
    out
}
