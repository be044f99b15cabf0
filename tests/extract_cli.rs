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
    let claims = doc["claims"].as_array().expect("claims array");
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
