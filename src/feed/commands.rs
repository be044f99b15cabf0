//! The one-shot feed commands: `claimwatch extract feed.xml` (items and
//! their claims) and `claimwatch diff old.xml new.xml` (items paired by id).
//! Reads the files and prints warnings to stderr; `main.rs` dispatches here
//! when a file is a feed.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::json;

use super::{Feed, Item, plan};
use crate::Extraction;
use crate::cli::OutputFormat;
use crate::diff::{self, ClaimDiff};
use crate::render::{self, Style};

/// Reads `path` and, when it is a feed, parses it. `Ok(None)` for any other
/// file, and for one that cannot be read: the caller reads it as an
/// article and reports that error as for any file. Errors name the file.
pub fn read(path: &Path) -> anyhow::Result<Option<Feed>> {
    if !has_feed_extension(path) || path.is_dir() {
        return Ok(None);
    }
    let Ok(bytes) = std::fs::read(path) else {
        return Ok(None);
    };
    if !super::is_feed(path, &bytes) {
        // A feed cut off before its root element is still a feed, by name.
        if is_cut_feed(path, &bytes) {
            anyhow::bail!("{}: {}", path.display(), super::FeedError::Truncated);
        }
        return Ok(None);
    }
    let feed = super::parse(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    for w in &feed.warnings {
        eprintln!("claimwatch: warning: {}: {w}", path.display());
    }
    Ok(Some(feed))
}

fn has_feed_extension(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    matches!(ext.to_ascii_lowercase().as_str(), "xml" | "rss" | "atom")
}

/// A `.rss`/`.atom` file that is empty or only whitespace: a feed being
/// (re)written, not an article.
fn is_cut_feed(path: &Path, bytes: &[u8]) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    matches!(ext.to_ascii_lowercase().as_str(), "rss" | "atom")
        && bytes.iter().all(u8::is_ascii_whitespace)
}

/// The claims of one item, as `extract` prints them for an article; its
/// path is `FILE#ID`.
pub fn extract_item(path: &Path, item: &Item) -> Extraction {
    let article = item.to_article();
    let claims = crate::claims::extract(&article);
    Extraction {
        path: format!("{}#{}", path.display(), item.id),
        title: article.title,
        byline: article.byline,
        published: article.published,
        claims,
        warnings: Vec::new(),
    }
}

fn item_json(item: &Item) -> serde_json::Value {
    json!({ "id": item.id, "link": item.link })
}

/// `extract` of a feed: text lists each item and its claims; JSON is one
/// document per item and line, with `item: {id, link}`.
pub fn extract(path: &Path, format: OutputFormat, style: Style) -> anyhow::Result<Option<String>> {
    let Some(feed) = read(path)? else {
        return Ok(None);
    };
    let mut out = String::new();
    for item in &feed.items {
        let ex = extract_item(path, item);
        match format {
            OutputFormat::Json => {
                let mut doc = serde_json::to_value(&ex)?;
                doc["item"] = item_json(item);
                out.push_str(&serde_json::to_string(&doc)?);
                out.push('\n');
            }
            OutputFormat::Text => {
                let _ = writeln!(out, "{}", style.paint("1", &format!("== item {}", item.id)));
                if let Some(link) = &item.link {
                    let _ = writeln!(out, "link: {link}");
                }
                out.push_str(&render::extraction_text(&ex, style));
                out.push('\n');
            }
        }
    }
    if format == OutputFormat::Text {
        let _ = writeln!(out, "{} items", feed.items.len());
    }
    Ok(Some(out))
}

/// What `diff` found between two feed versions.
pub struct FeedDiff {
    pub text: String,
    /// True when an item was added or an item's claims changed.
    pub any_change: bool,
}

/// `diff` of two feed versions: items paired by id; unchanged items (equal
/// hashes) are not extracted. JSON: one document per line for each changed
/// item (`status: "changed"`, with its summary and changes) and each added
/// or dropped item. `Ok(None)` when neither file is a feed.
pub fn diff(
    old: &Path,
    new: &Path,
    format: OutputFormat,
    style: Style,
) -> anyhow::Result<Option<FeedDiff>> {
    let a = read(old)?;
    let b = read(new)?;
    let (a, b) = match (a, b) {
        (None, None) => return Ok(None),
        (Some(a), Some(b)) => (a, b),
        // The other file missing or unreadable: the article path says so.
        (Some(_), None) if !new.is_file() => return Ok(None),
        (None, Some(_)) if !old.is_file() => return Ok(None),
        (Some(_), None) => anyhow::bail!("{}: not a feed, but {} is", new.display(), old.display()),
        (None, Some(_)) => anyhow::bail!("{}: not a feed, but {} is", old.display(), new.display()),
    };
    let (hashes, order) = plan::hashes(&a);
    let p = plan::plan(&hashes, &order, &b);
    let by_id: std::collections::HashMap<&str, &Item> =
        a.items.iter().map(|i| (i.id.as_str(), i)).collect();
    let mut out = String::new();
    let mut any_change = !p.new.is_empty();
    let mut changed_docs: Vec<(usize, ClaimDiff)> = Vec::new();
    for &i in &p.changed {
        let item = &b.items[i];
        let Some(before) = by_id.get(item.id.as_str()) else {
            continue;
        };
        let d = diff::diff(
            &extract_item(old, before).claims,
            &extract_item(new, item).claims,
        );
        any_change |= !d.is_empty();
        changed_docs.push((i, d));
    }
    match format {
        OutputFormat::Json => {
            for (i, d) in &changed_docs {
                let item = &b.items[*i];
                let doc = json!({
                    "status": "changed",
                    "item": item_json(item),
                    "old": format!("{}#{}", old.display(), item.id),
                    "new": format!("{}#{}", new.display(), item.id),
                    "summary": d.summary,
                    "changes": d.changes,
                });
                out.push_str(&serde_json::to_string(&doc)?);
                out.push('\n');
            }
            for &i in &p.new {
                let item = &b.items[i];
                let doc = json!({"status": "added", "item": item_json(item), "title": item.title});
                out.push_str(&serde_json::to_string(&doc)?);
                out.push('\n');
            }
            for id in &p.dropped {
                let link = by_id.get(id.as_str()).and_then(|i| i.link.clone());
                let doc = json!({"status": "dropped", "item": {"id": id, "link": link}});
                out.push_str(&serde_json::to_string(&doc)?);
                out.push('\n');
            }
        }
        OutputFormat::Text => {
            for (i, d) in &changed_docs {
                let item = &b.items[*i];
                out.push_str(&diff::text::render(
                    &format!("{}#{}", old.display(), item.id),
                    &format!("{}#{}", new.display(), item.id),
                    d,
                    style,
                ));
            }
            for &i in &p.new {
                let item = &b.items[i];
                let _ = writeln!(
                    out,
                    "added:   {} {}",
                    item.id,
                    item.title.as_deref().unwrap_or("")
                );
            }
            for id in &p.dropped {
                let _ = writeln!(out, "dropped: {id}");
            }
            let _ = writeln!(
                out,
                "{} items: {} added, {} changed, {} unchanged, {} dropped",
                b.items.len(),
                p.new.len(),
                p.changed.len(),
                p.unchanged.len(),
                p.dropped.len()
            );
        }
    }
    Ok(Some(FeedDiff {
        text: out,
        any_change,
    }))
}
