//! HTML building blocks of the report: escaping, the page shell with its
//! inline style sheet and script, severity badges and word-marked text.
//!
//! Everything taken from an article goes through [`esc`] (or [`marked`],
//! which escapes before marking), and every text block is a bidi isolate,
//! so markup, right-to-left marks and very long lines in an article show as
//! text and cannot disturb the page around them.

use crate::diff::Severity;
use crate::lineage::Run;

/// Escapes text for element content and double-quoted attributes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // NUL and other C0 controls but tab/newline are not allowed
            // in HTML text; show them as the replacement character.
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' && c != '\r' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// A changed text with its words marked as `claimwatch diff` marks them:
/// deleted words in `<del>`, inserted ones in `<ins>`, in place. Each run
/// is escaped, so the marks are the only markup.
pub fn marked(runs: &[Run]) -> String {
    let mut out = String::new();
    for (k, r) in runs.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        match r {
            Run::Same(t) => out.push_str(&esc(t)),
            Run::Changed { deleted, inserted } => {
                if !deleted.is_empty() {
                    out.push_str("<del>");
                    out.push_str(&esc(deleted));
                    out.push_str("</del>");
                }
                if !inserted.is_empty() {
                    out.push_str("<ins>");
                    out.push_str(&esc(inserted));
                    out.push_str("</ins>");
                }
            }
        }
    }
    out
}

pub fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::High => "high",
        Severity::Medium => "medium",
        Severity::Low => "low",
        Severity::None => "none",
    }
}

/// A severity badge.
pub fn badge(word: &str) -> String {
    let w = match word {
        "high" | "medium" | "low" => word,
        _ => "none",
    };
    format!(r#"<span class="sev sev-{w}">{w}</span>"#)
}

/// An RFC 3339 time shown as written; the inline script rewrites it in the
/// reader's time zone.
pub fn time(t: &str) -> String {
    let t = esc(t);
    format!(r#"<time datetime="{t}">{t}</time>"#)
}

/// The style sheet, inline so that a copied report needs nothing else.
const CSS: &str = r#"
:root{--fg:#1b1b1b;--muted:#666;--line:#ddd;--high:#b00020;--medium:#a15c00;--low:#1f6f8b;--none:#888;--ins:#d8f5d0;--del:#fbd9d9}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);margin:0 auto;padding:1rem;max-width:60rem}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
a{color:#0645ad}
.muted,.meta{color:var(--muted);font-size:.9rem}
.text{overflow-wrap:anywhere;word-break:break-word;unicode-bidi:isolate;white-space:pre-wrap}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid var(--line);vertical-align:top}
td.path{overflow-wrap:anywhere;word-break:break-word}
.sev{display:inline-block;min-width:4.2em;text-align:center;border-radius:.3em;padding:0 .3em;font-size:.8rem;color:#fff;background:var(--none)}
.sev-high{background:var(--high)}.sev-medium{background:var(--medium)}.sev-low{background:var(--low)}
ins{background:var(--ins);text-decoration:underline;text-decoration-color:#2e7d32}del{background:var(--del);text-decoration-color:#b00020}
.lineage{border:1px solid var(--line);border-left:4px solid var(--none);border-radius:.3rem;padding:.5rem .7rem;margin:.6rem 0}
.lineage.lin-high{border-left-color:var(--high)}.lineage.lin-medium{border-left-color:var(--medium)}.lineage.lin-low{border-left-color:var(--low)}
.lineage.gone>.now{text-decoration:line-through;color:var(--muted)}
.lineage ol{margin:.3rem 0 0;padding-left:1.2rem}
.lineage li{margin:.25rem 0}
.step{font-weight:600}
.flip{color:#6a1b9a;font-weight:600}
.part{font-weight:700;text-transform:uppercase;font-size:.75rem;letter-spacing:.05em}
.details{margin:.1rem 0 0;padding-left:1rem;color:var(--muted);font-size:.9rem}
nav.pager{margin:1rem 0;display:flex;flex-wrap:wrap;gap:.3rem}
nav.pager a,nav.pager span{padding:.1rem .45rem;border:1px solid var(--line);border-radius:.25rem;text-decoration:none}
nav.pager span.here{background:#eee}
@media (max-width:600px){body{padding:.5rem;font-size:14px}th.opt,td.opt{display:none}.lineage{padding:.4rem}}
@media print{nav.pager,.noprint{display:none}body{max-width:none;font-size:11pt}.lineage{break-inside:avoid}a{color:inherit;text-decoration:none}ins,del{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"#;

/// The inline script: shows times in the reader's zone and records that it
/// ran (`data-ready`), what failed (`data-errors`) and whether the page
/// fits its window's width (`data-fits`), which the browser test reads.
/// The page works without it.
const SCRIPT: &str = r#"
(function(){var errs=[];window.addEventListener('error',function(e){errs.push(String(e.message));document.body.setAttribute('data-errors',errs.join(' | '));});
var ts=document.querySelectorAll('time[datetime]');for(var i=0;i<ts.length;i++){var d=new Date(ts[i].getAttribute('datetime'));if(!isNaN(d)){ts[i].title=ts[i].getAttribute('datetime');ts[i].textContent=d.toLocaleString();}}
var de=document.documentElement;document.body.setAttribute('data-fits',de.scrollWidth<=de.clientWidth+1?'1':'0');
document.body.setAttribute('data-ready','1');})();
"#;

/// A whole page: `title` is plain text (escaped here), `body` is HTML.
pub fn page(title: &str, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + CSS.len() + 600);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // No network: nothing may be loaded from anywhere, not even images.
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
    out.push_str("<meta name=\"generator\" content=\"claimwatch report\">\n<title>");
    out.push_str(&esc(title));
    out.push_str("</title>\n<style>");
    out.push_str(CSS);
    out.push_str("</style>\n</head>\n<body>\n");
    out.push_str(body);
    out.push_str("\n<script>");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\"\u{0}"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;\u{fffd}"
        );
    }

    #[test]
    fn marks_changed_words_after_escaping() {
        let runs = [
            Run::Same("Police said".into()),
            Run::Changed {
                deleted: "<b>12</b>".into(),
                inserted: "<b>15</b>".into(),
            },
            Run::Same("people were hurt.".into()),
            Run::Changed {
                deleted: "".into(),
                inserted: "&".into(),
            },
        ];
        assert_eq!(
            marked(&runs),
            "Police said <del>&lt;b&gt;12&lt;/b&gt;</del><ins>&lt;b&gt;15&lt;/b&gt;</ins> people were hurt. <ins>&amp;</ins>"
        );
    }

    #[test]
    fn page_has_no_external_references() {
        let p = page("T <x>", "<p>hi</p>");
        assert!(p.contains("<title>T &lt;x&gt;</title>"));
        for needle in ["http://", "https://", "src=", "href=\"//"] {
            assert!(!p.contains(needle), "{needle}");
        }
    }
}
