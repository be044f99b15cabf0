//! `claimwatch report`: a static HTML report of the store ([`generate`]):
//! paged index pages and one page per article (timeline and claim
//! lineages). No server, no network: CSS and a tiny script are inline and
//! every link is relative, so the folder can be copied anywhere.
//!
//! Also `history --claims` ([`history`]) and the daemon's regenerate-after-
//! events hook ([`hook`]).

pub mod article;
pub mod history;
pub mod hook;
pub mod html;
pub mod index;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diff::Summary;
use crate::lineage;
use crate::store::lineage::ArticleRow;
use crate::store::{Store, StoreError};

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("cannot write {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Usage(String),
}

/// What to put in the report and where.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub out: PathBuf,
    /// Only these articles (files, or folders holding them); empty = all.
    pub paths: Vec<PathBuf>,
    /// Only articles with an event at or after this RFC 3339 time.
    pub since: Option<String>,
}

/// What one run wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    pub articles: usize,
    /// Article pages written (the others were up to date).
    pub written: usize,
    pub index_pages: usize,
}

/// What was last written for each article, so that the daemon's hook
/// rewrites only the pages of articles that changed.
#[derive(Debug, Default)]
pub struct Rendered {
    pages: HashMap<i64, (i64, Option<String>)>,
}

/// Writes the report into `opts.out` (created if needed).
pub fn generate(store: &Store, opts: &Options, done: &mut Rendered) -> Result<Stats, ReportError> {
    let out = &opts.out;
    let articles_dir = out.join("articles");
    std::fs::create_dir_all(&articles_dir).map_err(|source| ReportError::Io {
        path: articles_dir.clone(),
        source,
    })?;
    let mut rows = store.article_index(opts.since.as_deref())?;
    if !opts.paths.is_empty() {
        let wanted: Vec<Selector> = opts.paths.iter().map(|p| Selector::new(p)).collect();
        rows.retain(|r| wanted.iter().any(|w| w.matches(r)));
    }
    let mut stats = Stats {
        articles: rows.len(),
        ..Stats::default()
    };
    let pages = rows.len().div_ceil(index::PAGE_SIZE).max(1);
    let hrefs: Vec<String> = rows.iter().map(article_file).collect();
    for (k, r) in rows.iter().enumerate() {
        let sig = (r.revisions, r.last_time.clone());
        let path = articles_dir.join(&hrefs[k]);
        if done.pages.get(&r.file_id) == Some(&sig) && path.exists() {
            continue;
        }
        let html = article_page(store, r, &index::page_name(k / index::PAGE_SIZE + 1))?;
        write_atomic(&path, html.as_bytes())?;
        done.pages.insert(r.file_id, sig);
        stats.written += 1;
    }
    let generated = format!("{:.3}", jiff::Timestamp::now());
    for n in 1..=pages {
        let lo = (n - 1) * index::PAGE_SIZE;
        let hi = (lo + index::PAGE_SIZE).min(rows.len());
        let slice: Vec<(&ArticleRow, String)> = (lo..hi)
            .map(|k| (&rows[k], format!("articles/{}", hrefs[k])))
            .collect();
        let html = index::render(&slice, n, pages, rows.len(), &generated);
        write_atomic(&out.join(index::page_name(n)), html.as_bytes())?;
        stats.index_pages += 1;
    }
    Ok(stats)
}

/// One article's page, linking back to `index_page` (a sibling of the
/// `articles/` folder).
fn article_page(store: &Store, r: &ArticleRow, index_page: &str) -> Result<String, ReportError> {
    let revisions = store.article_revisions(&r.root, &r.path)?;
    let history = lineage::build(&revisions);
    let timeline = timeline(store, r.file_id)?;
    Ok(article::render(
        r,
        &timeline,
        &history,
        &format!("../{index_page}"),
    ))
}

/// The part of a stored event the timeline shows (the rest is skipped
/// unparsed).
#[derive(serde::Deserialize)]
struct EventSummary {
    #[serde(default)]
    summary: Summary,
}

/// The revisions with their events' counts.
fn timeline(store: &Store, file_id: i64) -> Result<Vec<article::TimelineRow>, ReportError> {
    Ok(store
        .history(file_id)?
        .into_iter()
        .map(|h| {
            let summary = h
                .event_json
                .as_deref()
                .and_then(|j| serde_json::from_str::<EventSummary>(j).ok())
                .map(|e| e.summary)
                .unwrap_or_default();
            article::TimelineRow {
                revision: h.revision,
                time: h.time,
                event: h.event,
                severity: h.severity,
                added: summary.added,
                removed: summary.removed,
                modified: summary.modified,
            }
        })
        .collect())
}

/// A readable, stable file name for an article's page: its path made
/// safe, then the store's id so two similar paths never collide.
pub fn article_file(r: &ArticleRow) -> String {
    let mut slug = String::new();
    for c in r.path.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 60 {
            break;
        }
    }
    let slug = slug.trim_matches('-');
    format!("{slug}-{}.html", r.file_id)
}

/// Writes through a temporary file and a rename, so a web server serving
/// the folder never sees half a page.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ReportError> {
    let tmp = path.with_extension("html.tmp");
    let io = |source| ReportError::Io {
        path: path.to_path_buf(),
        source,
    };
    std::fs::write(&tmp, bytes).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(io)
}

/// A PATH argument: an article file or a folder, on disk or relative to a
/// root as events show it.
struct Selector {
    rel: String,
    abs: Option<PathBuf>,
}

impl Selector {
    fn new(p: &Path) -> Selector {
        let rel = p
            .to_string_lossy()
            .replace('\\', "/")
            .trim_start_matches("./")
            .trim_end_matches('/')
            .to_string();
        Selector {
            rel,
            abs: std::fs::canonicalize(p).ok(),
        }
    }

    fn matches(&self, r: &ArticleRow) -> bool {
        if !self.rel.is_empty()
            && (r.path == self.rel || r.path.starts_with(&format!("{}/", self.rel)))
        {
            return true;
        }
        self.abs
            .as_ref()
            .is_some_and(|a| Path::new(&r.root).join(&r.path).starts_with(a))
    }
}

/// `--since` for clap: a bad value is a usage error (exit 2).
pub fn since_arg(s: &str) -> Result<String, String> {
    parse_since(s).map_err(|e| e.to_string())
}

/// `claimwatch report`: writes the report and returns the summary line.
pub fn run_cli(
    store: &Store,
    paths: Vec<PathBuf>,
    since: Option<String>,
    out: PathBuf,
) -> Result<String, crate::daemon::DaemonError> {
    let opts = Options { out, paths, since };
    let start = std::time::Instant::now();
    let st = generate(store, &opts, &mut Rendered::default())
        .map_err(|e| crate::daemon::DaemonError::Fatal(e.to_string()))?;
    Ok(format!(
        "claimwatch: report of {} articles in {:.1}s: {} ({} article pages, {} index pages)",
        st.articles,
        start.elapsed().as_secs_f64(),
        opts.out.join("index.html").display(),
        st.written,
        st.index_pages
    ))
}

/// Reads `--since`: an RFC 3339 time, a date (midnight UTC), or a span
/// back from now ("24h", "7d", "2 weeks"). Returns the RFC 3339 UTC form
/// the store's times are compared with.
pub fn parse_since(s: &str) -> Result<String, ReportError> {
    let s = s.trim();
    if let Ok(t) = s.parse::<jiff::Timestamp>() {
        return Ok(format!("{t:.3}"));
    }
    if let Ok(d) = s.parse::<jiff::civil::Date>() {
        let t = d
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .map_err(|e| ReportError::Usage(format!("--since {s:?}: {e}")))?;
        return Ok(format!("{:.3}", t.timestamp()));
    }
    if let Ok(span) = s.parse::<jiff::Span>() {
        let now = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC);
        let t = now
            .checked_sub(span.abs())
            .map_err(|e| ReportError::Usage(format!("--since {s:?}: {e}")))?;
        return Ok(format!("{:.3}", t.timestamp()));
    }
    Err(ReportError::Usage(format!(
        "--since {s:?}: expected a time (2026-11-23T10:00:00Z), a date (2026-11-23) or a span back from now (24h, 7d)"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_accepts_times_dates_and_spans() {
        assert_eq!(
            parse_since("2026-11-23T10:00:00Z").unwrap(),
            "2026-11-23T10:00:00.000Z"
        );
        assert_eq!(
            parse_since("2026-11-23").unwrap(),
            "2026-11-23T00:00:00.000Z"
        );
        let day_ago = parse_since("24h").unwrap();
        let week_ago = parse_since("7d").unwrap();
        assert!(week_ago < day_ago, "{week_ago} {day_ago}");
        assert!(parse_since("yesterday-ish").is_err());
    }

    #[test]
    fn article_file_names_are_safe_and_distinct() {
        let mut r = ArticleRow {
            file_id: 7,
            root: "/r".into(),
            path: "world/Ukraine ceasefire.txt".into(),
            live: true,
            title: None,
            revisions: 1,
            last_time: None,
            last_event: None,
            last_severity: None,
            max_severity: None,
            added: 0,
            removed: 0,
            modified: 0,
        };
        assert_eq!(article_file(&r), "world-ukraine-ceasefire-txt-7.html");
        r.path = "../<script>/x".into();
        r.file_id = 8;
        assert_eq!(article_file(&r), "script-x-8.html");
    }
}
