//! `claimwatch history PATH --claims`: the lineage of every claim of one
//! article, for people (text) or as one JSON document.

use std::fmt::Write as _;
use std::path::Path;

use crate::daemon::DaemonError;
use crate::daemon::inspect::find_file;
use crate::lineage;
use crate::render::{Style, escape_control};
use crate::store::Store;

/// The lineages of the article(s) stored under `arg`.
pub fn claims(
    store: &Store,
    arg: &Path,
    item: Option<&str>,
    json: bool,
    style: Style,
) -> Result<String, DaemonError> {
    let fatal = |e: crate::store::StoreError| DaemonError::Fatal(e.to_string());
    let files = find_file(store, arg, item)?;
    if files.is_empty() {
        return Err(crate::daemon::inspect::not_found(store, arg, item));
    }
    let mut out = String::new();
    let mut docs = Vec::new();
    for f in &files {
        let revs = store.article_revisions(&f.root, &f.path).map_err(fatal)?;
        let h = lineage::build(&revs);
        if json {
            docs.push(serde_json::json!({
                "root": f.root, "path": f.path, "live": f.live,
                "revisions": h.revisions,
                "lineages": h.ordered(),
            }));
        } else {
            let _ = writeln!(
                out,
                "{} {}{}\n",
                style.paint("1", &escape_control(&f.path)),
                style.paint("2", &format!("in {}", escape_control(&f.root))),
                if f.live { "" } else { "  (deleted)" }
            );
            out.push_str(&lineage::text::render(&h, false, style));
        }
    }
    if json {
        let doc = if docs.len() == 1 {
            docs.remove(0)
        } else {
            serde_json::Value::Array(docs)
        };
        out = serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n";
    }
    Ok(out)
}
