//! Tests of sentence splitting and the shape tests.

use super::split;

#[test]
fn a_quotation_after_a_month_opens_a_sentence() {
    assert_eq!(
        split("Staff would be hired by May. \"It is the right call,\" said Ada Lowe."),
        [
            "Staff would be hired by May.",
            "\"It is the right call,\" said Ada Lowe."
        ]
    );
    assert_eq!(
        split("The levy ends in Sept. \u{201C}Good riddance,\u{201D} Lowe said."),
        [
            "The levy ends in Sept.",
            "\u{201C}Good riddance,\u{201D} Lowe said."
        ]
    );
    // A title keeps the nickname that follows it.
    assert_eq!(
        split("Sen. \"Bo\" Hale voted against the levy."),
        ["Sen. \"Bo\" Hale voted against the levy."]
    );
}

/// What `cannot_split` answers without the segmenter is what the
/// segmenter and the post-pass give.
#[test]
fn cannot_split_agrees_with_the_segmenter() {
    for text in [
        "The port handled 1.2 million containers last year.",
        "Talks resume at 10 a.m.",
        "  It rose 0.3 points, he said.\"  ",
        "\"It is 2.5 or 3.0,\" she said!'\"",
        "Shares of Yahoo!s rose 4.5% to 3.2.",
        "He said \"stop.\"",
        "Prices rose by 15%, the survey found (2.1 in May).",
    ] {
        assert!(super::cannot_split(text, text.trim()), "{text:?}");
        assert_eq!(super::split_segmented(text), [text.trim()], "{text:?}");
    }
    for text in [
        "It rose. Then it fell.",
        "Talks resume at 10 a.m. at the office.",
        "It is 2.5! Or not",
        "The U.S. agreed.",
        "Line one.\nLine two.",
    ] {
        assert!(!super::cannot_split(text, text.trim()), "{text:?}");
    }
}

#[test]
fn keeps_titles_initials_and_abbreviations() {
    let s =
        split("Lt. Gen. J. R. Hale said so. Sen. Ada Fox arrived in the U.S. on Jan. 4. She left.");
    assert_eq!(
        s,
        vec![
            "Lt. Gen. J. R. Hale said so.",
            "Sen. Ada Fox arrived in the U.S. on Jan. 4.",
            "She left."
        ]
    );
}

/// "Sen. Ann Lee, R-N.H., refunded …" was cut after "R-N.".
#[test]
fn keeps_a_state_after_a_party_letter() {
    assert_eq!(
        split("Rep. Bo Hale, R-N.H., noted the cost. Sen. Ada Fox, D-S.C. \"We will pass it.\""),
        vec![
            "Rep. Bo Hale, R-N.H., noted the cost.",
            "Sen. Ada Fox, D-S.C.",
            "\"We will pass it.\""
        ]
    );
}

/// "Ft. Worth would get the first shipments" was cut at "Ft.".
#[test]
fn keeps_a_place_name_abbreviation_but_ends_at_feet() {
    assert_eq!(
        split("Crews from Ft. Worth and Mt. Vernon arrived. The wall is 10 ft. The gate is wider."),
        vec![
            "Crews from Ft. Worth and Mt. Vernon arrived.",
            "The wall is 10 ft.",
            "The gate is wider."
        ]
    );
}

#[test]
fn keeps_a_multi_sentence_quotation_whole() {
    let s = split("\"We came. We stayed,\" the mayor said. \"We won.\" Crowds cheered.");
    assert_eq!(
        s,
        vec![
            "\"We came. We stayed,\" the mayor said.",
            "\"We won.\"",
            "Crowds cheered."
        ]
    );
}

#[test]
fn abbreviation_lists_fit_the_look_up_buffer() {
    for w in super::TITLES.iter().chain(super::NUMBER_ABBREVIATIONS) {
        assert!(w.len() <= 6 && *w == w.to_ascii_lowercase(), "{w:?}");
    }
    assert!(super::is_title("SEN") && super::is_title("Messrs"));
    assert!(!super::is_title("Senator") && !super::is_title(""));
}

/// The counts match a walk over the characters.
#[test]
fn quote_counts_match_a_char_walk() {
    let plain = |s: &str| {
        let straight = s.matches('"').count();
        let depth = s.matches('\u{201C}').count() as isize - s.matches('\u{201D}').count() as isize;
        straight % 2 == 1 || depth > 0
    };
    for s in [
        "",
        "no marks",
        "\"open",
        "\"a\" b",
        "\u{201C}open \u{2014} still",
        "\u{201C}a\u{201D} \u{201C}b",
        "\u{201D}\u{201C}",
        "\u{2018}x\u{2019} \u{201C}\u{201D}\"",
    ] {
        assert_eq!(super::quote_open(s), plain(s), "{s:?}");
    }
}

#[test]
fn count_byte_matches_a_filter_count() {
    let text = "\"a\" b \"cc\" ddd \"\" e".repeat(7);
    let b = text.as_bytes();
    for from in 0..b.len() {
        for to in from..=b.len() {
            let s = &b[from..to];
            let plain = s.iter().filter(|&&c| c == b'"').count();
            assert_eq!(super::count_byte(s, b'"'), plain);
        }
    }
}

#[test]
fn joins_lower_case_continuations() {
    let s = split("\"Is it over?\" she asked. It was.");
    assert_eq!(s, vec!["\"Is it over?\" she asked.", "It was."]);
}

#[test]
fn splits_cjk_text_at_its_own_stops() {
    let s = split("市は新しい橋を三月に開くと発表した。費用は約12億円になる！本当か？");
    assert_eq!(
        s,
        vec![
            "市は新しい橋を三月に開くと発表した。",
            "費用は約12億円になる！",
            "本当か？"
        ]
    );
    // A stop inside a quotation does not end the sentence.
    let s = split("市長は「工事は遅れない。予算も足りる。」と述べた。住民は喜んだ。");
    assert_eq!(
        s,
        vec![
            "市長は「工事は遅れない。予算も足りる。」と述べた。",
            "住民は喜んだ。"
        ]
    );
}

#[test]
fn shape_settles_cjk_and_unstopped_sentences() {
    use super::shape_verdict;
    assert_eq!(
        shape_verdict("費用は約12億円になると市が発表した。"),
        Some(true)
    );
    assert_eq!(
        shape_verdict("「工事は遅れない」と市長が述べた。」"),
        Some(true)
    );
    assert_eq!(shape_verdict("本当に費用は足りるのだろうか？"), Some(false));
    assert_eq!(shape_verdict("迷惑。"), Some(false));
    assert_eq!(shape_verdict("新しい橋の計画"), Some(false));
    // English with its stop: the usual rule decides.
    assert_eq!(shape_verdict("The bridge opens in March."), None);
    // A full sentence that lost its stop is a claim.
    assert_eq!(
        shape_verdict("The club paid the fee to the league this morning to complete the signing"),
        Some(true)
    );
    // Headings, labels and link lines are not.
    assert_eq!(
        shape_verdict("What Happens Next For The Harbour Bridge Project"),
        None
    );
    assert_eq!(shape_verdict("Sign up for our newsletter"), None);
    assert_eq!(
        shape_verdict("For more information please visit www.example.com"),
        None
    );
    assert_eq!(
        shape_verdict("Read the full report on the bridge here:"),
        None
    );
}

/// A weekday, month or time zone after "a.m."/"p.m." was cut off as a
/// sentence of its own, so "3 a.m. Sunday" -> "3 a.m. Saturday" was no
/// change at all.
#[test]
fn a_clock_time_keeps_its_day_and_zone() {
    for text in [
        "The fire started around 3 a.m. Sunday in the basement.",
        "Polls close at 8 p.m. ET across the state.",
        "The hearing resumes at 10 a.m. Jan. 5 in the annex.",
        "Doors open at 6 P.M. Friday.",
    ] {
        assert_eq!(split(text), [text]);
    }
    assert_eq!(
        split("The meeting starts at 7 p.m. The public may attend."),
        ["The meeting starts at 7 p.m.", "The public may attend."]
    );
}

#[test]
fn a_question_in_doubled_single_quotes_keeps_its_speaker() {
    assert_eq!(
        split(
            "''Is the pier safe?'' Mr. Lowe asked, repeating a charge. ''What about the ferry?''"
        ),
        [
            "''Is the pier safe?'' Mr. Lowe asked, repeating a charge.",
            "''What about the ferry?''"
        ]
    );
    assert_eq!(
        split("''Can we win Ashton?'' Ada Lowe asked."),
        ["''Can we win Ashton?'' Ada Lowe asked."]
    );
    // A capitalised sentence that names no speaker is its own sentence.
    assert_eq!(
        split("''Is the pier safe?'' Most people think so."),
        ["''Is the pier safe?''", "Most people think so."]
    );
}

#[test]
fn a_sentence_in_brackets_ends_at_its_bracket() {
    assert_eq!(
        split(
            "The ferry left at noon. (It was an hour late.) But Ada Lowe said the pier was safe."
        ),
        [
            "The ferry left at noon.",
            "(It was an hour late.)",
            "But Ada Lowe said the pier was safe."
        ]
    );
    // A bracket inside a sentence, or one whose stop is an abbreviation
    // followed by a lower-case word, stays.
    assert_eq!(
        split("Sen. Ada Lowe (D-Mass.) said the pier was safe. It was."),
        ["Sen. Ada Lowe (D-Mass.) said the pier was safe.", "It was."]
    );
    assert_eq!(
        split("The ferry left at noon. (It was late.) and then it rained all day."),
        [
            "The ferry left at noon.",
            "(It was late.) and then it rained all day."
        ]
    );
}
