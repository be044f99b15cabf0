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

#[test]
fn json_claims_carry_kinds_speakers_and_positions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("ferry.txt");
    std::fs::write(
        &path,
        "Ferry service resumes\n\n\
         \u{201C}We are ready to sail again,\u{201D} said harbor master Ines Vaz.\n\n\
         The ferry company said fares would not change.\n\n\
         \u{201C}Passengers have waited long enough,\u{201D} she said.\n\n\
         Will the boats run at night?\n",
    )
    .expect("write article");
    let out = claimwatch()
        .args([
            "extract",
            path.to_str().expect("utf-8 path"),
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let all = doc["claims"].as_array().expect("claims array");
    // The first line is the headline: a claim of its own part.
    assert_eq!(all[0]["part"], "headline", "{doc:#}");
    assert_eq!(all[0]["text"], "Ferry service resumes");
    let claims: Vec<&serde_json::Value> = all.iter().filter(|c| c["part"] == "body").collect();
    let kinds: Vec<&str> = claims.iter().filter_map(|c| c["kind"].as_str()).collect();
    assert_eq!(kinds, ["quote", "attributed", "quote"], "{doc:#}");
    assert_eq!(claims[0]["speaker"], "harbor master Ines Vaz");
    assert_eq!(claims[0]["quote"], "We are ready to sail again,");
    assert_eq!(claims[1]["speaker"], "The ferry company");
    assert_eq!(claims[2]["speaker"], "harbor master Ines Vaz");
    assert!(
        claims[0]["id"]
            .as_str()
            .is_some_and(|id| id.starts_with("c_"))
    );
    assert_eq!(claims[0]["line"], 3);
}

/// Each failure is one line naming the path and saying the cause once.
fn assert_one_line_error(args: &[&str], path: &str, cause: &str) {
    let out = claimwatch().args(args).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(path), "{err}");
    assert_eq!(err.matches(cause).count(), 1, "cause said once: {err}");
}

#[test]
fn directory_binary_and_missing_inputs_fail_with_one_clear_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dir_path = dir.path().to_str().expect("utf-8 path").to_string();
    assert_one_line_error(&["extract", &dir_path], &dir_path, "is a directory");

    let bin = dir.path().join("photo.txt");
    std::fs::write(&bin, b"\x00\x01\x02\x03 not text \x00").expect("write");
    let bin = bin.to_str().expect("utf-8 path");
    assert_one_line_error(&["extract", bin], bin, "binary");

    let missing = dir.path().join("gone.txt");
    let missing = missing.to_str().expect("utf-8 path");
    assert_one_line_error(&["diff", bin, missing], bin, "binary");
    let ok = dir.path().join("ok.txt");
    std::fs::write(&ok, "The port handled 12 ships on Monday.\n").expect("write");
    let ok = ok.to_str().expect("utf-8 path");
    assert_one_line_error(&["diff", ok, missing], missing, "No such file");
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("latin1.txt");
    std::fs::write(&path, b"Caf\xe9 owners said prices rose by 5% this year.\n").expect("write");
    let out = claimwatch()
        .args([
            "extract",
            path.to_str().expect("utf-8 path"),
            "--format",
            "json",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("invalid UTF-8"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["claims"].as_array().map(Vec::len), Some(1), "{v}");
}
