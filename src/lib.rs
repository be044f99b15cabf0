//! claimwatch: watches folders of news articles and reports when their
//! claims change. The library holds the pipeline steps; `main.rs` is the CLI.
//!
//! Pipeline: [`article`] (parse) → [`claims`] (extract) → [`diff`] (compare).

/// A word list as a constant and as a `match` on bytes, which compiles to
/// a branch on length and bytes (`contains` on a list compared the word
/// with each entry in turn, a `memcmp` call apiece). The constant is kept
/// for the tests that check the entries.
macro_rules! word_list {
    ($(#[$doc:meta])* $list:ident, $is:ident: $($w:literal),* $(,)?) => {
        $(#[$doc])*
        #[cfg_attr(not(test), allow(dead_code))]
        const $list: &[&[u8]] = &[$($w),*];
        fn $is(w: &[u8]) -> bool {
            matches!(w, $($w)|*)
        }
    };
}

pub mod article;
pub mod claims;
pub mod cli;
pub mod config;
pub mod daemon;
pub mod diff;
pub mod feed;
pub mod internal_events;
pub mod lineage;
pub mod metrics;
pub mod render;
pub mod report;
pub mod sinks;
pub mod store;
pub mod tail;
pub mod watch;

use std::path::Path;

use serde::Serialize;

use crate::article::{ArticleError, Format};
use crate::claims::Claim;

/// The claims of one article file with its metadata, as `extract --format
/// json` prints it.
#[derive(Debug, Clone, Serialize)]
pub struct Extraction {
    pub path: String,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub claims: Vec<Claim>,
    /// Things worth telling the user (lossy decoding), not part of the JSON.
    #[serde(skip)]
    pub warnings: Vec<String>,
}

/// Parses and extracts one article from its bytes; `path` picks the format
/// and is echoed in the result. Pure: the caller does the reading.
pub fn extract_bytes(path: &Path, bytes: &[u8]) -> Result<Extraction, ArticleError> {
    let parsed = article::parse(bytes, Format::from_path(path))?;
    let claims = claims::extract(&parsed.article);
    Ok(Extraction {
        path: path.display().to_string(),
        title: parsed.article.title,
        byline: parsed.article.byline,
        published: parsed.article.published,
        claims,
        warnings: parsed.warnings,
    })
}

/// An error about one file, carrying its path (like ripgrep's `WithPath`).
/// Its message already says the cause, so it reports no `source()`: an
/// error chain printer would otherwise repeat the cause.
#[derive(Debug, thiserror::Error)]
#[error("{}: {kind}", path.display())]
pub struct FileError {
    pub path: std::path::PathBuf,
    pub kind: FileErrorKind,
}

/// Why one file could not be processed.
#[derive(Debug, thiserror::Error)]
pub enum FileErrorKind {
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error("is a directory, not an article file")]
    IsDirectory,
    #[error(transparent)]
    Article(#[from] ArticleError),
}

/// Reads and extracts one article file.
pub fn extract_file(path: &Path) -> Result<Extraction, FileError> {
    let with_path = |kind: FileErrorKind| FileError {
        path: path.to_path_buf(),
        kind,
    };
    if path.is_dir() {
        return Err(with_path(FileErrorKind::IsDirectory));
    }
    let bytes = std::fs::read(path).map_err(|e| with_path(e.into()))?;
    extract_bytes(path, &bytes).map_err(|e| with_path(e.into()))
}
