//! `claimwatch diff` from the outside: JSON shape, text output, exit codes.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn claimwatch() -> Command {
    let mut cmd = Command::cargo_bin("claimwatch").expect("binary built");
    cmd.env("NO_COLOR", "1");
    cmd
}

const V1: &str = "\
Museum Wing Draws Crowds

The city museum opened its new wing to the public last weekend.

The museum received 1,200 visitors on its opening day, the director said.

Volunteers guided the visitors through three galleries of local history.
";

/// One number changed.
const V2: &str = "\
Museum Wing Draws Crowds

The city museum opened its new wing to the public last weekend.

The museum received 1,500 visitors on its opening day, the director said.

Volunteers guided the visitors through three galleries of local history.
";

/// V1 with its body paragraphs moved (the title stays first): no change.
const V1_MOVED: &str = "\
Museum Wing Draws Crowds

Volunteers guided the visitors through three galleries of local history.

The city museum opened its new wing to the public last weekend.

The museum received 1,200 visitors on its opening day, the director said.
";

/// V1 hard-wrapped inside its paragraphs: no change.
const V1_REWRAPPED: &str = "\
Museum Wing Draws Crowds

The city museum opened its new wing
to the public last weekend.

The museum received 1,200 visitors on its
opening day, the director said.

Volunteers guided the visitors through three
galleries of local history.
";

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write fixture");
    p
}

fn run(args: &[&Path], extra: &[&str]) -> std::process::Output {
    let mut cmd = claimwatch();
    cmd.arg("diff").args(args).args(extra);
    cmd.output().expect("runs")
}

#[test]
fn json_has_the_spec_shape() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(dir.path(), "v1.txt", V1);
    let b = write(dir.path(), "v2.txt", V2);
    let out = run(&[&a, &b], &["--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(v["old"], a.display().to_string());
    assert_eq!(v["new"], b.display().to_string());
    for key in ["added", "removed", "modified", "unchanged"] {
        assert!(v["summary"][key].is_u64(), "summary.{key} in {v}");
    }
    assert_eq!(v["summary"]["modified"], 1, "{v}");
    assert_eq!(v["summary"]["added"], 0, "{v}");
    assert_eq!(v["summary"]["removed"], 0, "{v}");
    let changes = v["changes"].as_array().expect("changes array");
    assert_eq!(changes.len(), 1, "{v}");
    let c = &changes[0];
    assert_eq!(c["op"], "modified");
    assert_eq!(c["severity"], "high");
    assert!(
        c["similarity"].as_f64().is_some_and(|s| s > 0.5 && s < 1.0),
        "{c}"
    );
    assert!(
        c["before"]["text"]
            .as_str()
            .is_some_and(|t| t.contains("1,200")),
        "{c}"
    );
    assert!(
        c["after"]["text"]
            .as_str()
            .is_some_and(|t| t.contains("1,500")),
        "{c}"
    );
    assert_eq!(c["details"][0]["type"], "number_changed", "{c}");
    assert!(
        c["details"][0]["from"]
            .as_str()
            .is_some_and(|f| f.contains("1,200")),
        "{c}"
    );
    assert!(
        c["word_diff"]
            .as_str()
            .is_some_and(|w| w.contains("[-1,200-]{+1,500+}")),
        "{c}"
    );
}

#[test]
fn text_output_marks_words_and_ends_with_a_summary() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(dir.path(), "v1.txt", V1);
    let b = write(dir.path(), "v2.txt", V2);
    let out = run(&[&a, &b], &[]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains('\x1b'), "no colour off a terminal: {text}");
    assert!(text.contains("high"), "{text}");
    assert!(text.contains("[-1,200-]{+1,500+}"), "{text}");
    assert!(text.contains("number changed"), "{text}");
    assert!(text.contains("speaker: the director"), "{text}");
    let last = text.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("1 modified, 0 added, 0 removed, ") && last.ends_with(" unchanged"),
        "{text}"
    );
}

#[test]
fn moved_paragraphs_are_no_change() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(dir.path(), "v1.txt", V1);
    let b = write(dir.path(), "moved.txt", V1_MOVED);
    let out = run(&[&a, &b], &["--format", "json", "--exit-code"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["changes"].as_array().map(Vec::len), Some(0), "{v}");
    let text = run(&[&a, &b], &[]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("0 modified, 0 added, 0 removed"), "{text}");
}

#[test]
fn rewrapped_lines_are_no_change() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(dir.path(), "v1.txt", V1);
    let b = write(dir.path(), "wrapped.txt", V1_REWRAPPED);
    let out = run(&[&a, &b], &["--exit-code"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn quote_and_dash_styles_are_no_change() {
    let dir = tempfile::tempdir().expect("tempdir");
    let curly = "Museum Wing Draws Crowds\n\n\u{201c}We are proud of it,\u{201d} the director said \u{2014} twice.\n";
    let straight =
        "Museum Wing Draws Crowds\n\n\"We are proud of it,\" the director said - twice.\n";
    let a = write(dir.path(), "curly.txt", curly);
    let b = write(dir.path(), "straight.txt", straight);
    let out = run(&[&a, &b], &["--exit-code"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn exit_code_flag_reports_changes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(dir.path(), "v1.txt", V1);
    let b = write(dir.path(), "v2.txt", V2);
    assert_eq!(run(&[&a, &b], &[]).status.code(), Some(0));
    assert_eq!(run(&[&a, &b], &["--exit-code"]).status.code(), Some(1));
    assert_eq!(run(&[&a, &a], &["--exit-code"]).status.code(), Some(0));
}

#[test]
fn missing_file_exits_1_naming_the_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = write(dir.path(), "v1.txt", V1);
    let missing = dir.path().join("nope.txt");
    let out = run(&[&a, &missing], &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&missing.display().to_string()), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(out.stdout.is_empty());
}
