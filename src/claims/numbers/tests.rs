//! Unit tests for number extraction, on sentences written for the purpose.

use super::extract_numbers;

fn nums(s: &str) -> Vec<(String, f64, String)> {
    extract_numbers(s)
        .into_iter()
        .map(|m| (m.text, m.value, m.unit))
        .collect()
}

/// The scan without the pre-check.
fn scan(s: &str) -> Vec<super::NumberMention> {
    super::scan_numbers(s, &s.to_ascii_lowercase())
}

fn one(s: &str) -> (String, f64, String) {
    let v = nums(s);
    assert_eq!(v.len(), 1, "{s:?} gave {v:?}");
    v.into_iter().next().unwrap_or_default()
}

fn check(s: &str, text: &str, value: f64, unit: &str) {
    let got = one(s);
    assert_eq!(got, (text.to_string(), value, unit.to_string()), "in {s:?}");
}

#[test]
fn digits_with_separators_and_decimals() {
    check(
        "The lake covers 113,000 square kilometers.",
        "113,000 square kilometers",
        113000.0,
        "square kilometers",
    );
    check("Growth was 1.5 points higher.", "1.5 points", 1.5, "points");
    check(
        "The index rose by 2,345,678 units.",
        "2,345,678 units",
        2345678.0,
        "units",
    );
}

#[test]
fn fractions_of_a_scale_word() {
    // A change from "half a million" to "a million" doubles the amount.
    check(
        "The club spent half a million dollars on the pitch.",
        "half a million dollars",
        500_000.0,
        "usd",
    );
    check(
        "Exports rose by a quarter of a billion euros.",
        "a quarter of a billion euros",
        250_000_000.0,
        "eur",
    );
    check(
        "Nearly three quarters of a million voters stayed home.",
        "Nearly three quarters of a million voters",
        750_000.0,
        "voters",
    );
    check(
        "The firm laid off half a dozen engineers.",
        "half a dozen engineers",
        6.0,
        "engineers",
    );
    check(
        "A third of a million tickets were sold.",
        "A third of a million tickets",
        1_000_000.0 / 3.0,
        "tickets",
    );
    check(
        "The plan won a quarter of the seats.",
        "a quarter",
        0.25,
        "fraction",
    );
    check(
        "Prices rose by a third in a year.",
        "a third",
        1.0 / 3.0,
        "fraction",
    );
    check("Output fell by half.", "half", 0.5, "fraction");
    check(
        "Savers wait until age 59 and a half.",
        "59 and a half",
        59.5,
        "",
    );
    check("He won a third term.", "third", 3.0, "ordinal");
    check("She ran a third-party campaign.", "third", 3.0, "ordinal");
    assert!(scan("He has spent a quarter-century in office.").is_empty());
}

#[test]
fn temperatures_keep_their_scale_and_sign() {
    check(
        "It was 20\u{B0}C in the shade.",
        "20\u{B0}C",
        20.0,
        "celsius",
    );
    check(
        "Temperatures fell to -5C overnight.",
        "-5C",
        -5.0,
        "celsius",
    );
    check(
        "The lake froze at minus 3 degrees Celsius.",
        "minus 3 degrees Celsius",
        -3.0,
        "celsius",
    );
    check(
        "The mercury hit 95 degrees Fahrenheit.",
        "95 degrees Fahrenheit",
        95.0,
        "fahrenheit",
    );
    check(
        "Highs reached 30\u{B0} on Friday.",
        "30\u{B0}",
        30.0,
        "degrees",
    );
    check(
        "The lake froze at minus 3 degrees.",
        "minus 3 degrees",
        -3.0,
        "degrees",
    );
    // A model name after a proper noun stays none.
    assert!(scan("She bought an iPhone 5C last year.").is_empty());
}

#[test]
fn a_glued_m_before_a_counted_noun_is_millions() {
    check(
        "About 2m people watched the final.",
        "About 2m people",
        2_000_000.0,
        "people",
    );
    check(
        "The mine produced 5m tonnes of ore.",
        "5m tonnes",
        5_000_000.0,
        "tons",
    );
    check("The wall is 3m high.", "3m", 3.0, "meters");
}

#[test]
fn number_words() {
    check("Talks will last two weeks.", "two weeks", 2.0, "week");
    check("They bought a dozen eggs.", "a dozen eggs", 12.0, "eggs");
    check(
        "He served three years in office.",
        "three years",
        3.0,
        "year",
    );
    check(
        "It took twenty-five minutes.",
        "twenty-five minutes",
        25.0,
        "minute",
    );
    check(
        "The fleet has two hundred and fifty ships.",
        "two hundred and fifty ships",
        250.0,
        "ships",
    );
    check(
        "It lasted one and a half hours.",
        "one and a half hours",
        1.5,
        "hour",
    );
    check(
        "Officials visited four other regions.",
        "four other regions",
        4.0,
        "regions",
    );
    check("One person was hurt.", "One person", 1.0, "people");
    check(
        "One unusual feature stood out.",
        "One unusual feature",
        1.0,
        "features",
    );
    assert!(nums("It was one-sided and one unusual.").is_empty());
}

#[test]
fn vague_and_lone_words_are_not_quantities() {
    assert!(nums("Hundreds of residents fled and thousands more followed.").is_empty());
    assert!(nums("No one knows, and one of them left.").is_empty());
    assert!(nums("She is the one who called.").is_empty());
}

#[test]
fn hyphenated_forms() {
    check(
        "Both sides agreed to a 30-day truce.",
        "30-day",
        30.0,
        "day",
    );
    check("The plan is a two-week pause.", "two-week", 2.0, "week");
    check(
        "She waited four-and-a-half months.",
        "four-and-a-half months",
        4.5,
        "month",
    );
    check(
        "A 45-year-old man was arrested.",
        "45-year-old",
        45.0,
        "year",
    );
    check("The 27-member bloc met.", "27-member", 27.0, "members");
}

#[test]
fn scales() {
    check(
        "About 1.2 million people voted.",
        "About 1.2 million people",
        1_200_000.0,
        "people",
    );
    check("The fund holds $3 billion.", "$3 billion", 3e9, "usd");
    check("The club paid £5m for him.", "£5m", 5e6, "gbp");
    check(
        "The deal is worth €2.5 billion.",
        "€2.5 billion",
        2.5e9,
        "eur",
    );
    check("Costs hit US$4bn last year.", "US$4bn", 4e9, "usd");
    check(
        "Exports reached 7 trillion yen.",
        "7 trillion yen",
        7e12,
        "jpy",
    );
}

#[test]
fn percentages() {
    check("Turnout was 75 percent.", "75 percent", 75.0, "percent");
    check("Prices rose nearly 20%.", "nearly 20%", 20.0, "percent");
    check(
        "Unemployment fell to 4 per cent.",
        "4 per cent",
        4.0,
        "percent",
    );
    check(
        "Rates rose 2 percentage points.",
        "2 percentage points",
        2.0,
        "percentage points",
    );
    let r = nums("Support ranged from 10 to 15 percent.");
    assert_eq!(r[0].2, "percent");
    assert_eq!(r[1].1, 15.0);
    let r = nums("Gains held one to two years.");
    assert_eq!((r[0].1, r[0].2.as_str()), (1.0, "year"));
    let r = nums("Polls ran September 16-19 nationwide.");
    assert_eq!((r[1].1, r[1].2.as_str()), (19.0, "date"));
    let r = nums("Support ranged 10-15%.");
    assert_eq!((r[0].1, r[0].2.as_str()), (10.0, "percent"));
}

#[test]
fn money() {
    check("Tickets cost $500 each.", "$500", 500.0, "usd");
    check("He was fined 500 dollars.", "500 dollars", 500.0, "usd");
    check("She sold it for 20 euros.", "20 euros", 20.0, "eur");
    check("The budget is USD 5 million.", "USD 5 million", 5e6, "usd");
}

#[test]
fn measures() {
    check("The border is 5 km away.", "5 km", 5.0, "kilometers");
    check("They marched 10 miles.", "10 miles", 10.0, "miles");
    check("The river is 8km wide.", "8km", 8.0, "kilometers");
    check(
        "The farm spans 300 hectares.",
        "300 hectares",
        300.0,
        "hectares",
    );
    check("They carried 40 kg of flour.", "40 kg", 40.0, "kilograms");
}

#[test]
fn ordinals_and_ranks() {
    check(
        "It is the second-largest city.",
        "second-largest",
        2.0,
        "rank",
    );
    check("She came third in the race.", "third", 3.0, "ordinal");
    check("It was the 21st attempt.", "21st", 21.0, "ordinal");
    check(
        "He became the twenty-first mayor.",
        "twenty-first",
        21.0,
        "ordinal",
    );
    check(
        "A third of the town was empty.",
        "A third",
        1.0 / 3.0,
        "fraction",
    );
    check(
        "Two-thirds of voters agreed.",
        "Two-thirds",
        2.0 / 3.0,
        "fraction",
    );
}

#[test]
fn years_and_dates() {
    check("The crisis began in 1962.", "1962", 1962.0, "year");
    check("Fighting has raged since 2022.", "2022", 2022.0, "year");
    check(
        "It happened in February 2022.",
        "February 2022",
        2022.0,
        "date",
    );
    check(
        "The vote is on Feb. 24, 2025.",
        "Feb. 24, 2025",
        2025.0,
        "date",
    );
    check("They meet on March 3.", "March 3", 3.0, "date");
    check("Posted Feb.24 at noon.", "Feb.24", 24.0, "date");
    check(
        "They met on 24 February 2022.",
        "24 February 2022",
        2022.0,
        "date",
    );
    check("Sales peaked in mid-2019.", "2019", 2019.0, "year");
    check("Music of the 1960s changed.", "1960s", 1960.0, "year");
    check(
        "The file is dated 2024-03-05.",
        "2024-03-05",
        2024.0,
        "date",
    );
    check("It began in 1812 in the north.", "1812", 1812.0, "year");
}

#[test]
fn times_of_day() {
    check("The alarm sounded at 9:56 AM.", "9:56 AM", 9.56, "time");
    check("The train left at 10 p.m. sharp.", "10 p.m.", 22.0, "time");
    check("Polls close at 21:30 local time.", "21:30", 21.3, "time");
    check("We meet at six o'clock.", "six o'clock", 6.0, "time");
    check("It ended at 1:13 p.m.", "1:13 p.m.", 13.13, "time");
    check("It ended at 12:05 a.m.", "12:05 a.m.", 0.05, "time");
}

#[test]
fn identifiers_are_not_quantities() {
    assert!(
        nums("The G7 met over COVID-19 and F-16 jets.").is_empty(),
        "{:?}",
        nums("The G7 met over COVID-19 and F-16 jets.")
    );
    assert!(
        nums("1. The first item is here.")
            .iter()
            .all(|n| n.2 == "ordinal")
    );
    assert!(nums("(2) Officials disagree.").is_empty());
    assert!(nums("Article 5 of the treaty applies.").is_empty());
    assert!(nums("They met at Ground Zero.").is_empty());
    assert!(nums("He lives at No. 10 today.").is_empty());
    assert!(nums("The 5G network and 3D maps.").is_empty());
    assert!(nums("It was a 24/7 job after 9/11.").is_empty());
}

#[test]
fn counted_nouns_and_qualifiers() {
    check(
        "At least 12 soldiers died.",
        "At least 12 soldiers",
        12.0,
        "soldiers",
    );
    check(
        "More than 300 Ukrainian troops left.",
        "More than 300 Ukrainian troops",
        300.0,
        "troops",
    );
    check("It grew three times.", "three times", 3.0, "times");
    check("Prices doubled twice.", "twice", 2.0, "times");
    check("Police said 7 were detained.", "7", 7.0, "");
}

#[test]
fn several_in_order() {
    let v = nums("In 2023, 12 people died and 40% fled within two weeks.");
    let units: Vec<&str> = v.iter().map(|m| m.2.as_str()).collect();
    assert_eq!(units, ["year", "people", "percent", "week"]);
}

#[test]
fn pre_check_passes_every_quantity() {
    use super::{may_hold_number, words};
    for s in [
        "A dozen boats left.",
        "An HUNDRED voices rose.",
        "They met Twice.",
        "Half of them stayed.",
        "The third round failed.",
        "Forty-two ships docked.",
        "Costs rose 5%.",
        "caf\u{e9} owners met one day.",
    ] {
        assert!(may_hold_number(s), "{s}");
    }
    for s in [
        "A deal was reached after an hour of talks.",
        "The union and the employers met on Monday.",
        "An official said it was over, a relief.",
    ] {
        assert!(!may_hold_number(s), "{s}");
        assert!(scan(s).is_empty(), "{s}");
    }
    // Every opening word but the articles is one the check knows.
    for w in words::START_WORDS {
        assert_eq!(words::start_word(w), !matches!(*w, "a" | "an"), "{w}");
        let upper = w.to_ascii_uppercase();
        let capital = format!("{}{}", &upper[..1], &w[1..]);
        for form in [*w, upper.as_str(), capital.as_str()] {
            assert!(words::may_open_number(form), "{form}");
        }
    }
}

mod props {
    use super::super::{extract_numbers, may_hold_number};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn never_panics_and_is_deterministic(s in "\\PC{0,80}") {
            let a = extract_numbers(&s);
            let b = extract_numbers(&s);
            prop_assert_eq!(a, b);
        }

        #[test]
        fn numberish_text_never_panics(s in "[0-9a-zA-Z$£€%.,:/ '-]{0,60}") {
            for m in extract_numbers(&s) {
                prop_assert!(s.contains(&m.text));
            }
        }

        /// The pre-check never hides a quantity the scan would find.
        #[test]
        fn pre_check_is_safe(s in "([a-zA-Z]{1,3}|one|two|a|an|dozen|half|of|first|twice|May|USD|[ ,.'$%-]){0,20}") {
            if !may_hold_number(&s) {
                prop_assert!(super::scan(&s).is_empty(), "{}", s);
            }
        }
    }
}

#[test]
fn a_lone_one_before_an_s_verb_is_a_pronoun() {
    // No plural follows a count of one: "one derails" is "one (of them)".
    assert_eq!(
        nums("Trains collide after one derails near the station"),
        Vec::<(String, f64, String)>::new()
    );
    assert!(nums("As one says in the village, the bridge is old.").is_empty());
    // A count of one still counts its noun.
    check(
        "Just one bridge stayed open.",
        "Just one bridge",
        1.0,
        "bridges",
    );
}

#[test]
fn one_step_closer_is_a_figure_of_speech() {
    assert!(nums("The vote brings the port one step closer to reopening.").is_empty());
    assert!(nums("The crews stay one step ahead of the flood.").is_empty());
    // Steps that are counted stay counts.
    check("The plan has one step left.", "one step", 1.0, "steps");
    check("Workers took two steps back.", "two steps", 2.0, "steps");
}

/// "one in five children" lost its "one" ("1 in 5 children" kept its
/// "1"), so restyling the share read as a number change.
#[test]
fn one_in_a_figure_is_a_share_as_in_digits() {
    let words = nums("Nearly one in five children live in poverty.");
    let digits = nums("Nearly 1 in 5 children live in poverty.");
    let values = |v: &[(String, f64, String)]| v.iter().map(|m| m.1).collect::<Vec<_>>();
    assert_eq!(values(&words), [1.0, 5.0]);
    assert_eq!(values(&words), values(&digits));
    // "one in a long line" counts nothing.
    assert!(nums("He is one in a long line of harbor masters.").is_empty());
}

#[test]
fn half_a_span_and_half_the_group() {
    check(
        "The review will take half a year.",
        "half a year",
        0.5,
        "year",
    );
    check(
        "He waited half an hour for the ferry.",
        "half an hour",
        0.5,
        "hour",
    );
    check("Half the staff left in May.", "Half", 0.5, "fraction");
    // "half a million" is still 500,000.
    check(
        "The club spent half a million dollars.",
        "half a million dollars",
        500_000.0,
        "usd",
    );
}
