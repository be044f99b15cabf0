//! Settle, then verify (Watchman's way): after a watcher burst, the
//! folders where new paths appeared are checked against the store, so the
//! burst ends with the store matching the disk even when the debouncer
//! folded a path away. A rename followed at once by an editor's atomic
//! save (`sed -i`: write a temp file, rename it over the new name) can
//! reach us as "the new name changed" only; the old name, still live in
//! the store, is gone from the disk and becomes a deletion here (or the
//! source of a rename, when its content is found at the new path).

use std::path::PathBuf;

use tracing::error;

use super::Engine;
use crate::render::escape_control;
use crate::store::FileRow;

impl Engine {
    /// Adds to `gone` the live files beside this batch's new paths that
    /// no longer exist on disk.
    pub(super) fn vanished_beside(
        &self,
        present: &[(usize, PathBuf, String)],
        gone: &mut Vec<(usize, FileRow)>,
    ) {
        let mut dirs: Vec<(usize, String)> = Vec::new();
        for (ri, _, rel) in present {
            let root = &self.settings.roots[*ri];
            // Only where a path is new to the store: an edit in place
            // cannot have moved a file away.
            let known = matches!(self.store.file(&root.key, rel), Ok(Some(r)) if r.live);
            if known {
                continue;
            }
            let dir = rel.rsplit_once('/').map_or("", |(d, _)| d).to_string();
            if !dirs.contains(&(*ri, dir.clone())) {
                dirs.push((*ri, dir));
            }
        }
        if dirs.is_empty() {
            return;
        }
        // Sets, not scans: a burst of 10,000 new files must stay linear.
        let here: std::collections::HashSet<(usize, &str)> =
            present.iter().map(|(r, _, p)| (*r, p.as_str())).collect();
        let mut listed: std::collections::HashSet<(usize, i64)> =
            gone.iter().map(|(r, g)| (*r, g.id)).collect();
        for (ri, dir) in dirs {
            let root = &self.settings.roots[ri];
            let rows = match self.store.live_children(&root.key, &dir) {
                Ok(rows) => rows,
                Err(e) => {
                    error!(path = %escape_control(&dir), "store: {e}");
                    continue;
                }
            };
            for row in rows {
                if here.contains(&(ri, row.path.as_str())) || listed.contains(&(ri, row.id)) {
                    continue;
                }
                let missing = matches!(
                    std::fs::symlink_metadata(root.dir.join(&row.path)),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound
                );
                if missing {
                    listed.insert((ri, row.id));
                    gone.push((ri, row));
                }
            }
        }
    }
}

/// At least this share of claims (by id, of the larger revision) must be
/// the same for a vanished file and a new one to count as one file that
/// was renamed and then edited (git counts a rename at 50% similarity).
const RENAME_OVERLAP: f64 = 0.5;

/// Share of claim ids two claim lists have in common.
fn overlap(a: &[crate::claims::Claim], b: &[crate::claims::Claim]) -> f64 {
    let most = a.len().max(b.len());
    if most == 0 {
        return 0.0;
    }
    let ids: std::collections::HashSet<&str> = a.iter().map(|c| c.id.as_str()).collect();
    let shared = b.iter().filter(|c| ids.contains(c.id.as_str())).count();
    shared as f64 / most as f64
}

/// A burst with more vanished files than this is a flood (a folder
/// replaced, an archive unpacked), not a person renaming and saving a
/// file; templated articles there share claims without being one file.
const MAX_VANISHED_FOR_EDITED_RENAME: usize = 4;

impl Engine {
    /// For a new path whose content matches no vanished file exactly: the
    /// vanished file (same root) whose last revision shares the most
    /// claims with it, when that is at least [`RENAME_OVERLAP`].
    pub(super) fn take_edited_rename(
        &self,
        root: usize,
        content: &super::Content,
        gone: &mut Vec<(usize, FileRow)>,
        gone_revs: &mut Vec<Option<crate::store::RevisionRow>>,
    ) -> Option<(FileRow, crate::store::RevisionRow)> {
        if gone.iter().filter(|(gr, _)| *gr == root).count() > MAX_VANISHED_FOR_EDITED_RENAME {
            return None;
        }
        let mut best: Option<(usize, f64)> = None;
        for (i, ((gr, row), rev)) in gone.iter().zip(gone_revs.iter()).enumerate() {
            let Some(rev) = rev.as_ref().filter(|_| *gr == root) else {
                continue;
            };
            let share = overlap(&super::claims_of(rev, &row.path), &content.claims);
            if share >= RENAME_OVERLAP && best.is_none_or(|(_, b)| share > b) {
                best = Some((i, share));
            }
        }
        let (i, _) = best?;
        let rev = gone_revs.remove(i)?;
        Some((gone.remove(i).1, rev))
    }

    /// A file renamed and edited in one burst: `renamed` (the old content
    /// at the new path), then `modified` (the edit), as if the two had
    /// been seen apart, instead of every claim removed and added again.
    pub(super) fn commit_renamed_then_modified(
        &mut self,
        cand: super::Candidate,
        content: &mut super::Content,
        from: FileRow,
        rev: crate::store::RevisionRow,
    ) -> Result<(), crate::store::StoreError> {
        let mut old = super::Content {
            raw: crate::store::Packed::pack(rev.raw.clone().unwrap_or_default()),
            hash: rev.hash.clone().unwrap_or_default(),
            claims: super::claims_of(&rev, &from.path),
            claims_packed: crate::store::Packed::pack(rev.claims_json.clone().into_bytes()),
            created: None,
            title: rev.title.clone(),
            mtime_ns: from.mtime_ns,
            size: from.size,
            claims_dropped: false,
        };
        self.commit_content(&cand, &mut old, Some(from))?;
        // The edit is diffed against the renamed revision, so that one
        // must be in the store first.
        self.flush();
        let key = self.settings.roots[cand.root].key.clone();
        let row = self.store.file(&key, &cand.rel)?;
        let cand = super::Candidate { row, ..cand };
        content.created = None;
        self.commit_content(&cand, content, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_counts_shared_claim_ids() {
        let claim = |id: &str| -> crate::claims::Claim {
            serde_json::from_value(serde_json::json!({
                "id": id, "kind": "statement", "text": id, "quote": null,
                "speaker": null, "numbers": [], "negated": false, "hedged": false,
                "entities": [], "paragraph": 1, "line": 1
            }))
            .expect("claim")
        };
        let a = [claim("a"), claim("b"), claim("c"), claim("d")];
        let b = [claim("a"), claim("b"), claim("c"), claim("x")];
        assert_eq!(overlap(&a, &b), 0.75);
        assert_eq!(overlap(&a, &[]), 0.0);
        assert_eq!(overlap(&[], &[]), 0.0);
    }
}
