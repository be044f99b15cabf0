//! Which files are articles ([`Filter`]): include/exclude globs from the
//! config, relative to a root, plus the built-in ignores: dot-files and
//! dot-folders, editor swap/temp files, and the state folder itself.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::config::WatchConfig;

/// The file filter of one configuration.
#[derive(Debug, Clone)]
pub struct Filter {
    include: GlobSet,
    exclude: GlobSet,
    /// Folders never looked into (the state dir, the change log's folder
    /// when it sits inside a root), canonical.
    ignored_dirs: Vec<PathBuf>,
}

fn build(globs: &[String]) -> Result<GlobSet, globset::Error> {
    let mut b = GlobSetBuilder::new();
    for g in globs {
        b.add(Glob::new(g)?);
    }
    b.build()
}

/// Editor temp and swap files: `.*.swp`, `*~`, `#*#`, `.#*`, `*.tmp`, vim's
/// `4913` probe. Dot-files are covered by [`is_hidden`].
pub fn is_editor_temp(name: &str) -> bool {
    name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || name.ends_with(".tmp")
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".part")
        || name == "4913"
}

/// Dot-files and dot-folders (`.git`, `.claimwatch`, `.#draft.txt`).
pub fn is_hidden(name: &str) -> bool {
    name.starts_with('.')
}

impl Filter {
    /// Builds the filter; `ignored_dirs` should be canonical paths.
    pub fn new(cfg: &WatchConfig, ignored_dirs: Vec<PathBuf>) -> Result<Filter, globset::Error> {
        Ok(Filter {
            include: build(&cfg.include)?,
            exclude: build(&cfg.exclude)?,
            ignored_dirs,
        })
    }

    /// True when a folder (absolute, plus its path relative to the root)
    /// may hold articles.
    pub fn wants_dir(&self, abs: &Path, rel: &str) -> bool {
        if rel
            .split('/')
            .any(|c| is_hidden(c) && c != "." && c != "..")
        {
            return false;
        }
        if self.ignored_dirs.iter().any(|d| abs.starts_with(d)) {
            return false;
        }
        rel.is_empty() || !self.exclude.is_match(rel)
    }

    /// True when a file (its path relative to its root, `/`-separated) is
    /// an article to watch.
    pub fn wants_file(&self, abs: &Path, rel: &str) -> bool {
        if rel.is_empty() {
            return false;
        }
        let mut parts = rel.split('/').peekable();
        while let Some(part) = parts.next() {
            if part.is_empty() || is_hidden(part) {
                return false;
            }
            if parts.peek().is_none() && is_editor_temp(part) {
                return false;
            }
        }
        if self.ignored_dirs.iter().any(|d| abs.starts_with(d)) {
            return false;
        }
        self.include.is_match(rel) && !self.exclude.is_match(rel)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(include: &[&str], exclude: &[&str]) -> Filter {
        let cfg = WatchConfig {
            include: include.iter().map(|s| s.to_string()).collect(),
            exclude: exclude.iter().map(|s| s.to_string()).collect(),
            ..WatchConfig::default()
        };
        Filter::new(&cfg, vec![PathBuf::from("/r/state")]).expect("globs")
    }

    fn wants(f: &Filter, rel: &str) -> bool {
        f.wants_file(&Path::new("/r").join(rel), rel)
    }

    #[test]
    fn default_includes_article_extensions_in_subfolders() {
        let f = filter(&["*.txt", "*.md", "*.html"], &[]);
        assert!(wants(&f, "a.txt"));
        assert!(wants(&f, "world/europe/b.md"));
        assert!(wants(&f, "c.html"));
        assert!(!wants(&f, "d.pdf"));
        assert!(!wants(&f, "changes.jsonl"));
    }

    #[test]
    fn editor_files_and_dot_folders_are_ignored() {
        let f = filter(&["*"], &[]);
        for rel in [
            ".a.txt.swp",
            "a.txt~",
            "#a.txt#",
            ".#a.txt",
            "a.tmp",
            ".git/config",
            "x/.hidden/a.txt",
            "4913",
        ] {
            assert!(!wants(&f, rel), "{rel} should be ignored");
        }
        assert!(wants(&f, "notes/a.txt"));
    }

    #[test]
    fn exclude_wins_over_include() {
        let f = filter(&["*.txt"], &["drafts/**", "*-old.txt"]);
        assert!(!wants(&f, "drafts/a.txt"));
        assert!(!wants(&f, "x/b-old.txt"));
        assert!(wants(&f, "published/a.txt"));
    }

    #[test]
    fn the_state_dir_is_never_watched() {
        let f = filter(&["*"], &[]);
        assert!(!f.wants_file(Path::new("/r/state/x.txt"), "state/x.txt"));
        assert!(!f.wants_dir(Path::new("/r/state"), "state"));
        assert!(f.wants_dir(Path::new("/r/world"), "world"));
    }
}
