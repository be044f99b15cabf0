//! The diff as a whole: added and removed claims, severity and order,
//! the JSON shape and the text rendering.

use super::*;

#[test]
fn added_removed_severity_and_order() {
    let old = vec![
        claim("The first paragraph says the harbour is open."),
        {
            let mut c = claim("\"We never give up,\" the captain said.");
            c.kind = ClaimKind::Quote;
            c
        },
        claim("The third paragraph mentions the lighthouse keeper."),
    ];
    let new = vec![
        claim("The first paragraph says the harbour is open."),
        claim("The third paragraph mentions the lighthouse keeper."),
        claim("A brand new sentence reports snowfall across the mountains."),
    ];
    let d = diff_with(&old, &new, &CUES);
    assert_eq!(
        d.summary,
        Summary {
            added: 1,
            removed: 1,
            modified: 0,
            unchanged: 2
        }
    );
    assert_eq!(d.changes[0].op, Op::Removed);
    assert_eq!(d.changes[0].severity, Severity::High);
    assert_eq!(d.changes[1].op, Op::Added);
    assert_eq!(d.changes[1].severity, Severity::Medium);
    assert_eq!(d.severity(), Severity::High);
}

#[test]
fn json_shape_matches_the_spec() {
    let mut a = claim("The bridge will cost 40 million dollars.");
    a.numbers = vec![num("40 million dollars", 40e6, "usd")];
    let mut b = claim("The bridge will cost 45 million dollars.");
    b.numbers = vec![num("45 million dollars", 45e6, "usd")];
    let d = diff_with(&[a], &[b], &CUES);
    let v = serde_json::to_value(&d).expect("serialises");
    let ch = &v["changes"][0];
    assert_eq!(ch["op"], "modified");
    assert_eq!(ch["severity"], "high");
    assert!(
        ch["similarity"]
            .as_f64()
            .is_some_and(|s| s > 0.5 && s < 1.0)
    );
    assert_eq!(ch["details"][0]["type"], "number_changed");
    assert_eq!(ch["details"][0]["from"], "40 million dollars");
    assert!(ch["before"]["text"].is_string() && ch["after"]["id"].is_string());
    assert_eq!(v["summary"]["modified"], 1);
}

#[test]
fn text_rendering_marks_words_and_ends_with_summary() {
    let mut a = claim("The reserve covers 113,000 square kilometers.");
    a.speaker = Some("the ranger".into());
    let mut b = claim("The reserve covers 116,000 square kilometers.");
    b.speaker = Some("the ranger".into());
    let d = diff_with(&[a], &[b], &CUES);
    let plain = text::render(
        "v1.txt",
        "v2.txt",
        &d,
        crate::render::Style { color: false },
    );
    assert!(plain.contains("high   modified"), "{plain}");
    assert!(plain.contains("[-113,000-]{+116,000+}"), "{plain}");
    assert!(plain.contains("speaker: the ranger"), "{plain}");
    assert!(
        plain.contains(
            "number changed: \"113,000 square kilometers\" → \"116,000 square kilometers\""
        ),
        "{plain}"
    );
    assert!(
        plain
            .trim_end()
            .ends_with("1 modified, 0 added, 0 removed, 0 unchanged"),
        "{plain}"
    );
    assert!(!plain.contains('\x1b'));
    let coloured = text::render("v1.txt", "v2.txt", &d, crate::render::Style { color: true });
    assert!(coloured.contains("\x1b[1;31m113,000\x1b[0m"), "{coloured}");
    assert!(coloured.contains("\x1b[1;32m116,000\x1b[0m"), "{coloured}");
}

#[test]
fn a_headline_change_says_where_it_is() {
    let mut a = claim("Nine dead as storm hits coast");
    a.part = crate::claims::Part::Headline;
    a.numbers = vec![num("Nine", 9.0, "")];
    let mut b = claim("11 dead as storm hits coast");
    b.part = crate::claims::Part::Headline;
    b.numbers = vec![num("11", 11.0, "")];
    let d = diff_with(&[a], &[b], &CUES);
    assert_eq!(d.changes[0].severity, Severity::High);
    let plain = text::render("v1", "v2", &d, crate::render::Style { color: false });
    assert!(
        plain.contains("high   modified headline statement line 1"),
        "{plain}"
    );
    let json = serde_json::to_value(&d).expect("serialises");
    assert_eq!(json["changes"][0]["after"]["part"], "headline");
    // A feed item's title has no line of its own: no "line 0".
    let mut d = d;
    for c in &mut d.changes {
        c.before
            .iter_mut()
            .chain(c.after.iter_mut())
            .for_each(|x| x.line = 0);
    }
    let plain = text::render("v1", "v2", &d, crate::render::Style { color: false });
    assert!(
        plain.contains("high   modified headline statement (similarity"),
        "{plain}"
    );
    // A body claim's header names no part.
    let d = diff_with(
        &[claim("Nine ferries ran.")],
        &[claim("Ten ferries ran.")],
        &CUES,
    );
    let plain = text::render("v1", "v2", &d, crate::render::Style { color: false });
    assert!(plain.contains("modified statement line 1"), "{plain}");
}
