//! One article's page of the report: its timeline of revisions, then every
//! claim's lineage (headline first, then by severity), changed words
//! marked; claims that never changed are folded away at the end.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::html::{badge, esc, marked, page, severity_word, time};
use crate::diff::text::detail_line;
use crate::lineage::{History, Lineage, Step, StepKind};
use crate::store::lineage::ArticleRow;

/// One revision in the timeline.
#[derive(Debug, Clone, Default)]
pub struct TimelineRow {
    pub revision: i64,
    pub time: String,
    pub event: Option<String>,
    pub severity: Option<String>,
    pub added: usize,
    pub removed: usize,
    pub modified: usize,
}

/// The whole page; `index_href` leads back to the index page listing it.
pub fn render(a: &ArticleRow, timeline: &[TimelineRow], h: &History, index_href: &str) -> String {
    let mut b = String::with_capacity(4096);
    let title = a.title.as_deref().unwrap_or(&a.path);
    let _ = write!(
        b,
        r#"<p class="noprint"><a href="{}">← all articles</a></p>
<header><h1 class="text" dir="auto">{}</h1>
<p class="meta"><span class="text">{}</span> in <span class="text">{}</span>{} · {} revisions · {} claims, {} changed, {} flip-flops</p></header>
"#,
        esc(index_href),
        esc(title),
        esc(&a.path),
        esc(&a.root),
        if a.live {
            ""
        } else {
            " · <strong>deleted</strong>"
        },
        timeline.len(),
        h.lineages.len(),
        h.lineages.iter().filter(|l| l.changed()).count(),
        h.lineages.iter().map(|l| l.flip_flops).sum::<usize>(),
    );
    b.push_str(&timeline_html(timeline, h));

    let ordered = h.ordered();
    let (changed, unchanged): (Vec<&Lineage>, Vec<&Lineage>) = ordered
        .into_iter()
        .partition(|l| l.changed() || l.severity > crate::diff::Severity::None);
    let _ = writeln!(
        b,
        "<h2 id=\"claims\">Claims that changed ({})</h2>",
        changed.len()
    );
    if changed.is_empty() {
        b.push_str("<p class=\"muted\">No claim changed after it first appeared.</p>\n");
    }
    for l in &changed {
        b.push_str(&lineage_html(l));
    }
    if !unchanged.is_empty() {
        let _ = writeln!(
            b,
            "<details id=\"unchanged\"><summary>{} claims never changed</summary>",
            unchanged.len()
        );
        for l in &unchanged {
            b.push_str(&lineage_html(l));
        }
        b.push_str("</details>\n");
    }
    page(title, &b)
}

fn timeline_html(timeline: &[TimelineRow], h: &History) -> String {
    // Which lineages moved at each revision, to link the two views.
    let mut touched: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
    for l in &h.lineages {
        for s in &l.steps {
            if s.kind != StepKind::FirstSeen || s.severity > crate::diff::Severity::None {
                let v = touched.entry(s.revision).or_default();
                if !v.contains(&l.id) {
                    v.push(l.id);
                }
            }
        }
    }
    let mut b = String::from(
        "<h2 id=\"timeline\">Revisions</h2>\n<table class=\"timeline\"><thead><tr><th>rev</th><th>time</th><th>event</th><th>severity</th><th>changes</th><th class=\"opt\">claims</th></tr></thead><tbody>\n",
    );
    for r in timeline {
        let links: Vec<String> = touched
            .get(&r.revision)
            .map(|v| {
                v.iter()
                    .take(20)
                    .map(|id| format!("<a href=\"#c{id}\">#{id}</a>"))
                    .collect()
            })
            .unwrap_or_default();
        let more = touched
            .get(&r.revision)
            .map_or(0, |v| v.len().saturating_sub(20));
        let _ = writeln!(
            b,
            "<tr id=\"r{rev}\"><td>r{rev}</td><td>{}</td><td>{}</td><td>{}</td><td>+{} −{} ~{}</td><td class=\"opt\">{}{}</td></tr>",
            time(&r.time),
            esc(r.event.as_deref().unwrap_or("-")),
            badge(r.severity.as_deref().unwrap_or("none")),
            r.added,
            r.removed,
            r.modified,
            links.join(" "),
            if more > 0 {
                format!(" +{more}")
            } else {
                String::new()
            },
            rev = r.revision,
        );
    }
    b.push_str("</tbody></table>\n");
    b
}

fn part_label(part: u8) -> &'static str {
    match part {
        0 => "headline",
        1 => "standfirst",
        _ => "",
    }
}

/// One lineage: its current text and each step.
pub fn lineage_html(l: &Lineage) -> String {
    let sev = severity_word(l.severity);
    let mut b = String::new();
    let _ = write!(
        b,
        "<section class=\"lineage lin-{sev}{}\" id=\"c{}\" data-part=\"{}\">\n<div class=\"head\">{} ",
        if l.live { "" } else { " gone" },
        l.id,
        l.part,
        badge(sev),
    );
    let part = part_label(l.part);
    if !part.is_empty() {
        let _ = write!(b, "<span class=\"part\">{part}</span> ");
    }
    let _ = write!(b, "<span class=\"muted\">{} #{}</span>", esc(&l.kind), l.id);
    if !l.live {
        b.push_str(" <span class=\"muted\">(gone)</span>");
    }
    if l.flip_flops > 0 {
        let _ = write!(
            b,
            " <span class=\"flip\">↺ {} flip-flop{}</span>",
            l.flip_flops,
            if l.flip_flops == 1 { "" } else { "s" }
        );
    }
    let _ = write!(
        b,
        "</div>\n<p class=\"now text\" dir=\"auto\">{}</p>\n<ol>\n",
        esc(&l.text)
    );
    for s in &l.steps {
        b.push_str(&step_html(s));
    }
    b.push_str("</ol>\n</section>\n");
    b
}

fn step_html(s: &Step) -> String {
    let mut b = format!(
        "<li class=\"step-{kind}\"><a href=\"#r{rev}\">r{rev}</a> <span class=\"step\">{kind_text}</span>",
        kind = serde_json::to_value(s.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
        rev = s.revision,
        kind_text = s.kind.as_str(),
    );
    if s.severity > crate::diff::Severity::None {
        let _ = write!(b, " {}", badge(severity_word(s.severity)));
    }
    match (&s.before, s.kind) {
        (Some(_), _) => {
            let _ = write!(
                b,
                " <span class=\"text words\" dir=\"auto\">{}</span>",
                marked(&s.runs)
            );
        }
        (None, StepKind::FirstSeen) => {}
        (None, StepKind::Removed) => {
            let _ = write!(
                b,
                " <span class=\"text\" dir=\"auto\"><del>{}</del></span>",
                esc(&s.text)
            );
        }
        (None, _) => {
            let _ = write!(
                b,
                " <span class=\"text\" dir=\"auto\">{}</span>",
                esc(&s.text)
            );
        }
    }
    if !s.with.is_empty() {
        let links: Vec<String> = s
            .with
            .iter()
            .map(|i| format!("<a href=\"#c{i}\">#{i}</a>"))
            .collect();
        let _ = write!(b, " <span class=\"muted\">with {}</span>", links.join(", "));
    }
    if let Some(f) = &s.flip_flop {
        let _ = write!(
            b,
            " <span class=\"flip\">{} (<a href=\"#r{r}\">r{r}</a>)</span>",
            esc(&f.label()),
            r = f.back_to
        );
    }
    if !s.details.is_empty() {
        b.push_str("<ul class=\"details\">");
        for d in &s.details {
            let _ = write!(
                b,
                "<li class=\"text\" dir=\"auto\">{}</li>",
                esc(&detail_line(d))
            );
        }
        b.push_str("</ul>");
    }
    b.push_str("</li>\n");
    b
}
