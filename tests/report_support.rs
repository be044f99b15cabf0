//! Helpers for the report tests: a small history of our own articles
//! recorded with `claimwatch scan`, one revision per scan.

use std::path::{Path, PathBuf};

use crate::daemon_support::{run, write};

/// Our own ferry article; `n` is the number edits change, `extra` is one
/// more paragraph (or none).
pub fn ferry(n: u32, extra: &str) -> String {
    format!(
        "Storm Cuts Island Ferry Crossings\n\n\
         The ferry operator said {n} crossings were cancelled on Tuesday because of high winds.\n\n\
         Engineers will inspect the damaged northern pier before the weekend market opens.\n\n\
         \"We will not sail until the swell drops,\" said Ilse Varga, who runs the ferry office.\n\n\
         {extra}\n"
    )
}

/// A scanned history: root, state folder and the temp dir holding both.
pub struct History {
    pub tmp: tempfile::TempDir,
    pub root: PathBuf,
    pub state: PathBuf,
}

impl History {
    pub fn new() -> History {
        let tmp = tempfile::tempdir().expect("tmp");
        let root = tmp.path().join("articles");
        let state = tmp.path().join("state");
        std::fs::create_dir_all(&root).expect("mkdir");
        History { tmp, root, state }
    }

    /// Writes `text` to `rel` under the root and records it with a scan.
    pub fn revise(&self, rel: &str, text: &str) {
        write(&self.root.join(rel), text);
        self.scan();
    }

    pub fn scan(&self) {
        let (code, _, err) = self.cli(&["scan", "--state", &s(&self.state), &s(&self.root)]);
        assert_eq!(code, 0, "{err}");
    }

    /// Runs the binary in the temp dir.
    pub fn cli(&self, args: &[&str]) -> (i32, String, String) {
        run(args, self.tmp.path())
    }

    /// `claimwatch report --out OUT` (plus `extra`), returning OUT.
    pub fn report(&self, extra: &[&str]) -> PathBuf {
        let out = self.tmp.path().join("report");
        let (state, out_s) = (s(&self.state), s(&out));
        let mut args = vec!["report", "--state", &state, "--out", &out_s];
        args.extend_from_slice(extra);
        let (code, _, err) = self.cli(&args);
        assert_eq!(code, 0, "{err}");
        out
    }

    /// The page of the one article whose file name starts with `slug`.
    pub fn article_page(&self, out: &Path, slug: &str) -> String {
        let dir = out.join("articles");
        let name = std::fs::read_dir(&dir)
            .expect("articles dir")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .find(|n| n.starts_with(slug))
            .unwrap_or_else(|| panic!("no page {slug}* in {}", dir.display()));
        std::fs::read_to_string(dir.join(name)).expect("page")
    }
}

pub fn s(p: &Path) -> String {
    p.display().to_string()
}

/// The ferry article edited 12 → 15 → 12 (a flip-flop), the pier claim
/// removed in revision 2 and restored in revision 3.
pub fn flip_flop_history() -> History {
    let h = History::new();
    h.revise("island/ferry.txt", &ferry(12, ""));
    let v2 = ferry(15, "").replace(
        "Engineers will inspect the damaged northern pier before the weekend market opens.\n\n",
        "",
    );
    h.revise("island/ferry.txt", &v2);
    h.revise(
        "island/ferry.txt",
        &ferry(
            12,
            "The island school moved its lessons online for the rest of the week.",
        ),
    );
    h
}
