//! `claimwatch extract` from the outside.

use assert_cmd::Command;

fn claimwatch() -> Command {
    Command::cargo_bin("claimwatch").expect("binary built")
}

#[test]
fn missing_file_exits_1_naming_the_path() {
    let out = claimwatch()
        .args(["extract", "/nonexistent/article.txt"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/nonexistent/article.txt"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}
