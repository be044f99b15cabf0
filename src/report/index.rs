//! The report's index: every article with its last change, severity and
//! counts, most recently changed first, in pages of [`PAGE_SIZE`] so that
//! ten thousand articles stay navigable (`index.html`, `index-2.html`, …).

use std::fmt::Write as _;

use super::html::{badge, esc, page, time};
use crate::store::lineage::ArticleRow;

/// Articles per index page.
pub const PAGE_SIZE: usize = 200;

/// The file name of index page `n` (1-based).
pub fn page_name(n: usize) -> String {
    if n <= 1 {
        "index.html".to_string()
    } else {
        format!("index-{n}.html")
    }
}

/// The index page of 1-based number `n` holding which articles live at
/// which hrefs; `pages` is the number of index pages.
pub fn render(
    rows: &[(&ArticleRow, String)],
    n: usize,
    pages: usize,
    total: usize,
    generated: &str,
) -> String {
    let mut b = String::with_capacity(rows.len() * 400 + 1024);
    let high = rows
        .iter()
        .filter(|(r, _)| r.max_severity.as_deref() == Some("high"))
        .count();
    let _ = writeln!(
        b,
        "<header><h1>claimwatch report</h1><p class=\"meta\">{total} articles · generated {} · page {n} of {pages}{}</p></header>",
        time(generated),
        if high > 0 {
            format!(" · {high} on this page had a high-severity change")
        } else {
            String::new()
        }
    );
    let pager = pager(n, pages);
    b.push_str(&pager);
    b.push_str("<table class=\"index\"><thead><tr><th>article</th><th>last change</th><th>severity</th><th>changes</th><th class=\"opt\">revisions</th><th class=\"opt\">worst</th></tr></thead><tbody>\n");
    for (r, href) in rows {
        let title = r.title.as_deref().unwrap_or(&r.path);
        let _ = writeln!(
            b,
            "<tr><td class=\"path\"><a href=\"{}\" class=\"text\" dir=\"auto\">{}</a><br><span class=\"muted text\">{}</span>{}</td><td>{}<br><span class=\"muted\">{}</span></td><td>{}</td><td>+{} −{} ~{}</td><td class=\"opt\">{}</td><td class=\"opt\">{}</td></tr>",
            esc(href),
            esc(title),
            esc(&r.path),
            if r.live {
                ""
            } else {
                " <span class=\"muted\">(deleted)</span>"
            },
            r.last_time
                .as_deref()
                .map(time)
                .unwrap_or_else(|| "-".into()),
            esc(r.last_event.as_deref().unwrap_or("-")),
            badge(r.last_severity.as_deref().unwrap_or("none")),
            r.added,
            r.removed,
            r.modified,
            r.revisions,
            badge(r.max_severity.as_deref().unwrap_or("none")),
        );
    }
    b.push_str("</tbody></table>\n");
    if rows.is_empty() {
        b.push_str("<p class=\"muted\">No article has changed in this period.</p>\n");
    }
    b.push_str(&pager);
    page(
        &if pages > 1 {
            format!("claimwatch report, page {n}")
        } else {
            "claimwatch report".to_string()
        },
        &b,
    )
}

/// Links to every index page (nothing when there is one page).
fn pager(n: usize, pages: usize) -> String {
    if pages <= 1 {
        return String::new();
    }
    let mut b = String::from("<nav class=\"pager\" aria-label=\"index pages\">");
    if n > 1 {
        let _ = write!(
            b,
            "<a href=\"{}\" rel=\"prev\">‹ newer</a>",
            page_name(n - 1)
        );
    }
    for p in 1..=pages {
        if p == n {
            let _ = write!(b, "<span class=\"here\">{p}</span>");
        } else {
            let _ = write!(b, "<a href=\"{}\">{p}</a>", page_name(p));
        }
    }
    if n < pages {
        let _ = write!(
            b,
            "<a href=\"{}\" rel=\"next\">older ›</a>",
            page_name(n + 1)
        );
    }
    b.push_str("</nav>\n");
    b
}
