//! Finding article files under a root ([`walk`]) and mapping an absolute
//! path to its root ([`Root`], [`locate`]). Symlinks are followed only when
//! they point at a file inside the same root; symlinked folders never.

use std::path::{Component, Path, PathBuf};

use super::filter::Filter;

/// A watched root folder: its canonical path and the string events carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Root {
    pub dir: PathBuf,
    pub key: String,
}

impl Root {
    /// Canonicalises a root folder; it must exist and be a folder.
    pub fn new(path: &Path) -> std::io::Result<Root> {
        let dir = std::fs::canonicalize(path)?;
        if !dir.is_dir() {
            return Err(std::io::Error::other("not a folder"));
        }
        let key = dir.display().to_string();
        Ok(Root { dir, key })
    }
}

/// `/`-joined path of `abs` relative to `root`, if it lies inside it.
pub fn relative(root: &Path, abs: &Path) -> Option<String> {
    let rest = abs.strip_prefix(root).ok()?;
    let mut parts = Vec::new();
    for c in rest.components() {
        match c {
            Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(parts.join("/"))
}

/// The root (index into `roots`, deepest match) holding `abs`, and the
/// relative path.
pub fn locate(roots: &[Root], abs: &Path) -> Option<(usize, String)> {
    roots
        .iter()
        .enumerate()
        .filter(|(_, r)| abs.starts_with(&r.dir))
        .max_by_key(|(_, r)| r.dir.components().count())
        .and_then(|(i, r)| relative(&r.dir, abs).map(|rel| (i, rel)))
}

/// True when `abs` is a symlink whose target is a file inside `root`.
pub fn symlink_inside(root: &Path, abs: &Path) -> bool {
    match std::fs::canonicalize(abs) {
        Ok(target) => target.starts_with(root) && target.is_file(),
        Err(_) => false,
    }
}

/// Why a symlink named like an article is not read.
pub const SYMLINK_SKIPPED: &str =
    "symlink not followed: it points outside the root, at a folder, nowhere, or in a loop";

fn folder_error(e: std::io::Error) -> std::io::Error {
    std::io::Error::new(e.kind(), format!("cannot read folder: {e}"))
}

/// Every wanted file under `dir` (inside `root`), as (absolute, relative).
/// Unreadable folders are reported through `on_error` and skipped.
pub fn walk(
    root: &Root,
    dir: &Path,
    filter: &Filter,
    out: &mut Vec<(PathBuf, String)>,
    on_error: &mut dyn FnMut(&Path, &std::io::Error),
) {
    // An explicit stack, not recursion: 10,000 nested folders overflowed
    // the engine thread's stack. Subfolders are pushed in reverse so the
    // order stays depth-first, as listed.
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                on_error(&dir, &folder_error(e));
                continue;
            }
        };
        let mut subdirs = Vec::new();
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    on_error(&dir, &folder_error(e));
                    continue;
                }
            };
            let abs = entry.path();
            let Some(rel) = relative(&root.dir, &abs) else {
                continue;
            };
            let Ok(ft) = entry.file_type() else {
                continue;
            };
            if ft.is_dir() {
                if filter.wants_dir(&abs, &rel) {
                    subdirs.push(abs);
                }
            } else if ft.is_file() {
                if filter.wants_file(&abs, &rel) {
                    out.push((abs, rel));
                }
            } else if ft.is_symlink() && filter.wants_file(&abs, &rel) {
                if symlink_inside(&root.dir, &abs) {
                    out.push((abs, rel));
                } else {
                    // Deliberate (SPEC: symlinks are not followed out of a
                    // root): a line for the curious, not an error.
                    tracing::info!(path = %crate::render::escape_control(&rel), "{SYMLINK_SKIPPED}");
                }
            }
        }
        stack.extend(subdirs.into_iter().rev());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::WatchConfig;

    #[test]
    fn relative_paths_use_slashes_and_stay_inside() {
        assert_eq!(
            relative(Path::new("/r"), Path::new("/r/a/b.txt")).as_deref(),
            Some("a/b.txt")
        );
        assert_eq!(relative(Path::new("/r"), Path::new("/other/b.txt")), None);
    }

    #[test]
    fn walk_skips_symlinks_out_of_the_root_and_hidden_folders() {
        let outside = tempfile::tempdir().expect("tmp");
        std::fs::write(outside.path().join("secret.txt"), "x").expect("w");
        let dir = tempfile::tempdir().expect("tmp");
        let root = Root::new(dir.path()).expect("root");
        std::fs::create_dir_all(root.dir.join("sub")).expect("mk");
        std::fs::create_dir_all(root.dir.join(".hidden")).expect("mk");
        std::fs::write(root.dir.join("sub/a.txt"), "a").expect("w");
        std::fs::write(root.dir.join(".hidden/b.txt"), "b").expect("w");
        std::os::unix::fs::symlink(outside.path().join("secret.txt"), root.dir.join("out.txt"))
            .expect("link");
        std::os::unix::fs::symlink(root.dir.join("sub/a.txt"), root.dir.join("in.txt"))
            .expect("link");
        std::os::unix::fs::symlink(outside.path(), root.dir.join("outdir")).expect("link");
        let filter = Filter::new(&WatchConfig::default(), vec![]).expect("filter");
        let mut out = Vec::new();
        walk(&root, &root.dir, &filter, &mut out, &mut |_, _| {});
        let mut rels: Vec<String> = out.into_iter().map(|(_, r)| r).collect();
        rels.sort();
        assert_eq!(rels, vec!["in.txt".to_string(), "sub/a.txt".to_string()]);
    }
}
