//! Line predicates and the block-wise fast paths checked against plain
//! versions, on lines written for these tests.

use super::*;

/// The fast path gives what the full walk gives.
#[test]
fn clean_fast_path_agrees() {
    let long = "word ".repeat(30) + "end";
    for s in [
        "",
        "a",
        " a",
        "a ",
        "a b",
        "a  b",
        "a\tb",
        "caf\u{e9} bar",
        "x\u{7f}y",
        long.as_str(),
        &(long.clone() + "  x"),
        &(long.clone() + "\u{201C}"),
    ] {
        let mut full = Cleaner {
            out: String::new(),
            space: false,
        };
        for c in s.chars() {
            match super::super::fold_char(c) {
                super::super::Folded::Char(f) => full.push_folded(f),
                super::super::Folded::Str(f) => f.chars().for_each(|f| full.push_folded(f)),
                super::super::Folded::Drop => {}
            }
        }
        assert_eq!(clean(s), full.out, "{s:?}");
    }
}

#[test]
fn clean_folds_and_collapses() {
    assert_eq!(
        clean("  a\u{00A0}\u{00A0}b\t\u{201C}c\u{201D}  "),
        "a b \"c\""
    );
    assert_eq!(clean(""), "");
}

#[test]
fn dashes_between_words_are_spaced_ranges_are_not() {
    assert_eq!(
        clean("The mayor\u{2014}who took office\u{2014}said"),
        "The mayor - who took office - said"
    );
    assert_eq!(clean("a \u{2014} b"), "a - b");
    assert_eq!(
        clean("the debate\u{2013}published by"),
        "the debate - published by"
    );
    assert_eq!(
        clean("from 1990\u{2013}95 and 10\u{2013}12"),
        "from 1990-95 and 10-12"
    );
}

/// The chunked counts agree with a plain walk.
#[test]
fn word_counts_match_a_plain_walk() {
    let plain = |s: &str| s.split(' ').filter(|w| !w.is_empty()).count();
    let long = "word ".repeat(40) + " two  spaces " + &"x".repeat(70) + " end";
    for s in [
        "",
        " ",
        "a",
        " a",
        "a ",
        "a  b",
        "  a b  c  ",
        long.as_str(),
    ] {
        assert_eq!(word_count(s), plain(s), "{s:?}");
        for limit in [0, 1, 2, 3, 15, 25, 41, 43, 44, 100] {
            assert_eq!(words_at_most(s, limit), plain(s) <= limit, "{s:?} {limit}");
        }
    }
    for n in 60..140 {
        let s = "ab ".repeat(n / 3) + &"c".repeat(n % 7);
        for limit in [20, 25, 30, 40, 47] {
            assert_eq!(
                words_at_most(&s, limit),
                plain(&s) <= limit,
                "{s:?} {limit}"
            );
        }
    }
}

#[test]
fn sentence_ends() {
    assert!(ends_sentence("He left."));
    assert!(ends_sentence("He said \"no.\""));
    assert!(ends_sentence("Really?"));
    assert!(ends_sentence("the U.S."));
    assert!(!ends_sentence("according to Sen."));
    assert!(!ends_sentence("John F."));
    assert!(!ends_sentence("a line that wraps"));
    assert!(ends_break("Key points:"));
    assert!(!ends_sentence("met on Sept."));
    assert!(!ends_sentence("(APPROX."));
    assert!(ends_sentence("橋は三月に開く。"));
    assert!(ends_sentence("「橋は開く！」"));
    assert!(ends_sentence("本当か？"));
    assert!(!ends_sentence("新しい橋の計画"));
    for a in NON_FINAL_ABBREVIATIONS {
        assert!(a.len() <= 7 && *a == a.to_ascii_lowercase(), "{a:?}");
    }
}

#[test]
fn titles_and_headings() {
    assert!(title_like("Moscow's Conditions for Peace"));
    assert!(title_like("KEY FINDINGS"));
    assert!(!title_like("the officials said that the plan was new"));
    assert!(heading_candidate("A Stalemate in Diplomatic Efforts"));
    assert!(heading_candidate("What Comes Next?"));
    assert!(heading_candidate("Key Points:"));
    assert!(!heading_candidate(
        "Senate Leader Mitch Cole, Speaker Ann Roe and"
    ));
    assert!(!heading_candidate("The Plan Was Approved."));
    assert!(!heading_candidate("the plan was approved on Monday"));
}

#[test]
fn list_markers() {
    assert_eq!(strip_list_marker("- item"), Some("item"));
    assert_eq!(strip_list_marker("  * item "), Some("item"));
    assert_eq!(strip_list_marker("\u{2022} item"), Some("item"));
    assert_eq!(strip_list_marker("12. item"), Some("item"));
    assert_eq!(strip_list_marker("3) item"), Some("item"));
    assert_eq!(strip_list_marker("-"), Some(""));
    assert_eq!(strip_list_marker("* * *"), Some(""));
    assert_eq!(strip_list_marker("2025. The year"), None);
    assert_eq!(strip_list_marker("-5 degrees"), None);
    assert_eq!(strip_list_marker("\u{2014} and then"), None);
    assert_eq!(strip_list_marker("3.5 percent"), None);
}

#[test]
fn decorations() {
    assert_eq!(strip_decoration("//A Title//"), "A Title");
    assert_eq!(strip_decoration("A deck line/"), "A deck line");
    assert_eq!(strip_decoration("== Section =="), "Section");
    assert!(decorated_heading("//A Title//"));
    assert!(decorated_heading("**Bold Title**"));
    assert!(!decorated_heading("**bold** and **more**"));
}

/// `title_like` as it was before its early exit: every word counted.
fn title_like_full(s: &str) -> bool {
    let (mut counted, mut capital, mut letters, mut upper) = (0, 0, 0, 0);
    for (i, raw) in s.split(' ').enumerate() {
        let w = core_word(raw);
        if w.is_empty() {
            continue;
        }
        for c in w.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            upper += usize::from(c.is_uppercase());
        }
        let first = w.chars().next().unwrap_or(' ');
        if i == 0 && !(first.is_uppercase() || first.is_ascii_digit()) {
            return false;
        }
        if i > 0 && MINOR_WORDS.contains(&w.to_lowercase().as_str()) {
            continue;
        }
        counted += 1;
        capital += usize::from(first.is_uppercase() || first.is_ascii_digit());
    }
    (letters >= 2 && upper == letters) || (counted > 0 && capital * 10 >= counted * 7)
}

proptest::proptest! {
    /// The early exit never changes the answer.
    #[test]
    fn title_like_stops_early_with_the_same_answer(
        words in proptest::collection::vec(
            proptest::sample::select(vec![
                "The", "the", "Plan", "plan", "of", "OF", "In", "AND", "War", "war", "2026",
                "\u{00C9}tat", "\u{00E9}tat", "Bay's", "(Update)", "-", "", "\u{6771}\u{4EAC}",
                "X", "x", "Of", "Amid", "PORT",
            ]),
            0..14,
        )
    ) {
        let s = words.join(" ");
        proptest::prop_assert_eq!(title_like(&s), title_like_full(&s), "{:?}", s);
    }

    /// `heading_candidate`'s first-word test turns down only lines that
    /// `title_like` turns down, so its answer is the one without the test.
    #[test]
    fn first_word_test_only_turns_down_lines_title_like_rejects(
        words in proptest::collection::vec(
            proptest::sample::select(vec![
                "The", "the", "Plan", "plan", "of", "\"quoted", "(aside)", "2026", "-", "",
                "\u{00C9}tat", "\u{00E9}tat", "\u{6771}\u{4EAC}", "\u{2014}", "x", "PORT",
                "said:", "Why?", "'tis",
            ]),
            0..10,
        )
    ) {
        let s = words.join(" ");
        if !first_word_capital(&s) {
            proptest::prop_assert!(!title_like_full(&s), "{:?}", s);
        }
    }
}

#[test]
fn first_word_test_reads_the_first_piece_as_title_like_does() {
    assert!(first_word_capital("The Plan"));
    assert!(first_word_capital("2026 Budget"));
    assert!(first_word_capital("\"Quoted Title\""));
    // An empty first piece (a leading space or a lone dash) passes.
    assert!(first_word_capital(" lower"));
    assert!(first_word_capital("- lower case"));
    assert!(!first_word_capital("lower Case Title"));
    assert!(!first_word_capital("(aside) Title"));
    assert!(!heading_candidate("continued from the line above"));
}

#[test]
fn minor_words_are_found_in_any_case_and_only_they() {
    assert!(MINOR_WORDS.iter().all(|w| w.len() <= 5 && w.is_ascii()));
    for w in MINOR_WORDS {
        assert!(is_minor_word(w), "{w}");
        assert!(is_minor_word(&w.to_uppercase()), "{w}");
    }
    for w in [
        "", "plan", "About.", "thee", "ofs", "\u{00E9}", "Theory", "amidst",
    ] {
        assert!(!is_minor_word(w), "{w}");
    }
}
