//! Dumps the attribution candidates of every sentence of a folder of
//! articles as JSON Lines, for `scripts/train-attribution`: one line per
//! sentence with its document stem, text and candidates (phrase, the
//! speaker a pronoun was read back to, feature values).
//!
//! ```text
//! cargo run --release --example attrib_features -- DIR/text > candidates.jsonl
//! ```

use std::io::Write as _;
use std::path::Path;

use claimwatch::article::{self, BlockKind, Format};
use claimwatch::claims::{attrib_model, sentences};

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: attrib_features DIR");
        std::process::exit(2);
    };
    if let Err(e) = run(Path::new(&dir)) {
        eprintln!("attrib_features: {e}");
        std::process::exit(1);
    }
}

fn run(dir: &Path) -> Result<(), String> {
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for path in names {
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let parsed = article::parse(&bytes, Format::from_path(&path))
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let doc = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        for block in &parsed.article.blocks {
            if block.kind == BlockKind::Heading {
                continue;
            }
            for text in sentences::split(&block.text) {
                let line = serde_json::json!({
                    "doc": doc,
                    "sentence": text,
                    "candidates": attrib_model::candidate_records(text),
                });
                writeln!(out, "{line}").map_err(|e| format!("stdout: {e}"))?;
            }
        }
    }
    out.flush().map_err(|e| format!("stdout: {e}"))
}
