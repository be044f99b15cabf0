//! The report as a person sees it: pages rendered by headless Chromium
//! (Debian's `chromium`), their DOM checked after the inline script ran
//! (marked words, order, no script errors, hostile text inert, fits a
//! phone's width) and a screenshot taken.
//!
//! Skips with a message when Chromium is absent, unless
//! CLAIMWATCH_REQUIRE_CHROMIUM=1 (CI sets it).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::daemon_support::write;
use crate::report_support::*;

/// The Chromium binary, or `None` (after saying so) when the test should
/// skip.
fn chromium() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::var_os("PATH").and_then(|paths| {
                std::env::split_paths(&paths)
                    .map(|d| d.join(name))
                    .find(|p| p.is_file())
            })
        });
    if found.is_none() {
        assert!(
            std::env::var("CLAIMWATCH_REQUIRE_CHROMIUM").as_deref() != Ok("1"),
            "CLAIMWATCH_REQUIRE_CHROMIUM=1 but no chromium on PATH (apt-get install chromium)"
        );
        eprintln!("skipping the browser test: no chromium on PATH (apt-get install chromium)");
    }
    found
}

/// Runs headless Chromium on a file with `extra` flags; returns stdout.
fn headless(bin: &Path, profile: &Path, page: &Path, extra: &[String]) -> String {
    let out = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn dump_dom(bin: &Path, profile: &Path, page: &Path, width: u32) -> String {
    headless(
        bin,
        profile,
        page,
        &[format!("--window-size={width},900"), "--dump-dom".into()],
    )
}

/// The single article page in a report folder.
fn page_path(out: &Path, slug: &str) -> PathBuf {
    std::fs::read_dir(out.join("articles"))
        .expect("articles")
        .map(|e| e.expect("entry").path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(slug))
        .expect("article page")
}

/// The script ran to its end without an error.
fn assert_script_ok(dom: &str) {
    assert!(
        dom.contains("data-ready=\"1\""),
        "inline script did not finish"
    );
    assert!(!dom.contains("data-errors="), "script errors: {dom}");
}

#[test]
fn article_page_in_chromium() {
    let Some(bin) = chromium() else { return };
    let h = flip_flop_history();
    let out = h.report(&[]);
    let profile = h.tmp.path().join("profile");
    let page = page_path(&out, "island-ferry-txt-");

    let dom = dump_dom(&bin, &profile, &page, 1000);
    assert_script_ok(&dom);
    // Changed words marked as elements the browser parsed.
    assert!(dom.contains("<del>12</del><ins>15</ins>"), "{dom}");
    assert!(dom.contains("<del>15</del><ins>12</ins>"), "{dom}");
    // The script rewrote times for the reader (keeping the original).
    assert!(dom.contains("<time datetime=\"") && dom.contains(" title=\""));
    // Order: the high-severity number claim, then the restored claim; the
    // never-changed quote is folded away after both.
    let number = dom.find("crossings were cancelled").expect("number claim");
    let pier = dom.find("northern pier").expect("pier claim");
    let unchanged = dom.find("never changed").expect("unchanged group");
    assert!(number < pier && pier < unchanged, "order");
    assert!(dom.contains("flip-flop"));
    assert!(dom.contains("data-fits=\"1\""), "desktop width overflows");

    // A phone's width: still no horizontal scrolling; and a screenshot.
    let dom = dump_dom(&bin, &profile, &page, 390);
    assert!(dom.contains("data-fits=\"1\""), "phone width overflows");
    let shot = h.tmp.path().join("phone.png");
    headless(
        &bin,
        &profile,
        &page,
        &[
            "--window-size=390,1400".into(),
            format!("--screenshot={}", shot.display()),
        ],
    );
    let png = std::fs::read(&shot).expect("screenshot written");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 5_000,
        "screenshot"
    );

    let index = dump_dom(&bin, &profile, &out.join("index.html"), 390);
    assert_script_ok(&index);
    assert!(index.contains("Storm Cuts Island Ferry Crossings"));
    assert!(index.contains("data-fits=\"1\""), "index overflows a phone");
}

#[test]
fn hostile_text_is_inert_in_chromium() {
    let Some(bin) = chromium() else { return };
    let h = History::new();
    let long = format!(
        "The council {}approved the plan on Monday.",
        "unusually ".repeat(100_000)
    );
    let one_word = "x".repeat(200_000);
    let hostile = |n: u32| {
        format!(
            "Plan <b>Approved</b> After Long Debate\n\n\
             The mayor said <script>document.title='pwned'</script> {n} homes would be rebuilt.\n\n\
             Officials said <img src=x onerror=\"document.body.dataset.owned=1\"> the work would start in June.\n\n\
             The \u{202e}reversed\u{202c} note said the budget would rise by 5 percent \u{200f}today.\n\n\
             {long}\n\n\
             Officials said the code {one_word} was filed.\n"
        )
    };
    write(&h.root.join("hostile.txt"), &hostile(40));
    h.scan();
    write(&h.root.join("hostile.txt"), &hostile(45));
    h.scan();
    let out = h.report(&[]);
    let profile = h.tmp.path().join("profile");
    let page = page_path(&out, "hostile-txt-");
    let dom = dump_dom(&bin, &profile, &page, 390);
    assert_script_ok(&dom);
    assert!(!dom.contains("data-owned"), "an article's markup ran");
    assert!(!dom.contains("<title>pwned"), "an article's script ran");
    assert!(
        dom.contains("&lt;script&gt;document.title="),
        "shown as text"
    );
    assert!(
        dom.contains("<del>40</del><ins>45</ins>"),
        "{}",
        &dom[..2000.min(dom.len())]
    );
    assert!(
        dom.contains("data-fits=\"1\""),
        "a 1 MB line, a 200,000-letter word or a bidi override broke the layout"
    );
}
