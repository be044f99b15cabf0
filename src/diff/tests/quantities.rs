//! Numbers and dates: which edits are a changed quantity or date, and
//! which (a moved number, the same value written another way) are not.

use super::*;

#[test]
fn number_change_from_extracted_mentions() {
    let mut a = claim("The reserve covers about 113,000 square kilometers of forest.");
    a.numbers = vec![num(
        "113,000 square kilometers",
        113000.0,
        "square kilometers",
    )];
    let mut b = claim("The reserve covers about 116,000 square kilometers of forest.");
    b.numbers = vec![num(
        "116,000 square kilometers",
        116000.0,
        "square kilometers",
    )];
    let c = one_change(a, b);
    assert_eq!(types(&c), [DetailType::NumberChanged]);
    let d = detail(&c, DetailType::NumberChanged);
    assert_eq!(d.from.as_deref(), Some("113,000 square kilometers"));
    assert_eq!(d.to.as_deref(), Some("116,000 square kilometers"));
    assert_eq!(c.severity, Severity::High);
    assert_eq!(
        c.word_diff.as_deref(),
        Some("The reserve covers about [-113,000-]{+116,000+} square kilometers of forest.")
    );
}

#[test]
fn number_mention_without_unit_in_text_gets_its_unit() {
    let mut a = claim("Officials counted 40 people at the site.");
    a.numbers = vec![num("40", 40.0, "people")];
    let mut b = claim("Officials counted 45 people at the site.");
    b.numbers = vec![num("45", 45.0, "people")];
    let c = one_change(a, b);
    let d = detail(&c, DetailType::NumberChanged);
    assert_eq!(d.from.as_deref(), Some("40 people"));
    assert_eq!(d.to.as_deref(), Some("45 people"));
}

#[test]
fn a_duration_in_months_is_a_number_not_a_date() {
    let mut a = claim("The works will be delayed by six months.");
    a.numbers = vec![num("six months", 6.0, "month")];
    let mut b = claim("The works will be delayed by nine months.");
    b.numbers = vec![num("nine months", 9.0, "month")];
    let c = one_change(a, b);
    assert_eq!(types(&c), [DetailType::NumberChanged]);
}

#[test]
fn number_words_are_caught_without_mentions() {
    let c = one_change(
        claim("The second round of talks is planned within the next two weeks."),
        claim("The second round of talks is planned within the next three weeks."),
    );
    assert_eq!(types(&c), [DetailType::NumberChanged]);
    let d = detail(&c, DetailType::NumberChanged);
    assert_eq!(d.from.as_deref(), Some("two weeks"));
    assert_eq!(d.to.as_deref(), Some("three weeks"));
}

#[test]
fn ordinal_in_a_compound_is_a_number_change() {
    let c = one_change(
        claim("Troops entered the largest city in the province on Monday."),
        claim("Troops entered the second-largest city in the province on Monday."),
    );
    assert_eq!(types(&c), [DetailType::NumberChanged]);
    let d = detail(&c, DetailType::NumberChanged);
    assert_eq!(d.from.as_deref(), Some("largest city"));
    assert_eq!(d.to.as_deref(), Some("second-largest city"));
    assert_eq!(c.severity, Severity::High);
}

#[test]
fn pronoun_one_is_not_a_number() {
    let c = one_change(
        claim("The new rules are not wanted by anyone in the village."),
        claim("The new rules are wanted by no one in the village."),
    );
    assert!(!types(&c).contains(&DetailType::NumberChanged), "{c:#?}");
    // "not … anyone" → "no one": still one negation, no flip.
    assert!(!types(&c).contains(&DetailType::NegationChanged), "{c:#?}");
    assert_eq!(types(&c), [DetailType::WordingChanged]);
}

#[test]
fn moved_number_is_not_a_number_change() {
    let c = one_change(
        claim("In 12 towns, the storm cut power overnight."),
        claim("The storm cut power overnight in 12 towns."),
    );
    assert_eq!(types(&c), [DetailType::WordingChanged]);
    assert_eq!(c.severity, Severity::Low);
}

#[test]
fn date_changes_from_weekday_month_and_year() {
    let c = one_change(
        claim("The ministry announced the agreement on Friday in the capital."),
        claim("The ministry announced the agreement on Thursday in the capital."),
    );
    assert_eq!(types(&c), [DetailType::DateChanged]);
    let d = detail(&c, DetailType::DateChanged);
    assert_eq!(
        (d.from.as_deref(), d.to.as_deref()),
        (Some("Friday"), Some("Thursday"))
    );

    let mut a = claim("The dam was completed in 1962 after a decade of work.");
    a.numbers = vec![num("1962", 1962.0, "year")];
    let mut b = claim("The dam was completed in 1964 after a decade of work.");
    b.numbers = vec![num("1964", 1964.0, "year")];
    let c = one_change(a, b);
    assert_eq!(types(&c), [DetailType::DateChanged]);
    assert_eq!(c.severity, Severity::High);

    let c = one_change(
        claim("The bridge has been closed since March 5 for repairs."),
        claim("The bridge has been closed since April 5 for repairs."),
    );
    assert_eq!(types(&c), [DetailType::DateChanged]);
}

#[test]
fn weekday_replaced_by_a_date_is_one_date_change() {
    let a = claim("The board said on Tuesday that the vote was postponed.");
    let mut b = claim("The board said on March 4 that the vote was postponed.");
    b.numbers = vec![num("March 4", 4.0, "date")];
    let c = one_change(a, b);
    assert_eq!(types(&c), [DetailType::DateChanged]);
    let d = detail(&c, DetailType::DateChanged);
    assert_eq!(
        (d.from.as_deref(), d.to.as_deref()),
        (Some("Tuesday"), Some("March 4"))
    );
}

#[test]
fn years_and_currencies_are_shown_as_written() {
    let mut a = claim("The bridge opened in 2021 at a cost of 85 million.");
    a.numbers = vec![num("2021", 2021.0, "year"), num("85 million", 85e6, "eur")];
    let mut b = claim("The bridge opened in 2020 at a cost of 95 million.");
    b.numbers = vec![num("2020", 2020.0, "year"), num("95 million", 95e6, "eur")];
    let c = one_change(a, b);
    assert_eq!(
        detail(&c, DetailType::DateChanged).from.as_deref(),
        Some("2021")
    );
    assert_eq!(
        detail(&c, DetailType::NumberChanged).to.as_deref(),
        Some("95 million")
    );
}

#[test]
fn the_same_value_in_another_form_is_no_number_change() {
    let mut a = claim("The port handled 1.1 million containers and two ferries.");
    a.numbers = vec![num("1.1 million", 1_100_000.0, ""), num("two", 2.0, "")];
    let mut b = claim("The port handled 1,100,000 containers and 2 ferries.");
    b.numbers = vec![num("1,100,000", 1_100_000.0, ""), num("2", 2.0, "")];
    let d = diff_with(&[a.clone()], &[b], &CUES);
    assert_eq!(d.changes[0].severity, Severity::Low, "{d:#?}");
    assert!(
        d.changes[0]
            .details
            .iter()
            .all(|x| x.kind == DetailType::WordingChanged)
    );
    // A different value still is one.
    let mut c = claim("The port handled 1,200,000 containers and 2 ferries.");
    c.numbers = vec![num("1,200,000", 1_200_000.0, ""), num("2", 2.0, "")];
    let d = diff_with(&[a], &[c], &CUES);
    assert!(
        d.changes[0]
            .details
            .iter()
            .any(|x| x.kind == DetailType::NumberChanged)
    );
}

#[test]
fn a_changed_quantity_the_extractor_missed_still_counts_when_values_match() {
    let mut a = claim("The 2GB board drew 30 watts.");
    a.numbers = vec![num("30", 30.0, "")];
    let mut b = claim("The 4GB board drew 30 watts.");
    b.numbers = vec![num("30", 30.0, "")];
    let d = diff_with(&[a], &[b], &CUES);
    assert!(
        d.changes[0]
            .details
            .iter()
            .any(|x| x.kind == DetailType::NumberChanged),
        "{d:#?}"
    );
}

#[test]
fn one_step_closer_is_no_number() {
    let c = one_change(
        claim("The vote to fund the port brings the city one step closer to ending the strike."),
        claim("The mayor signed a bill to fund the port, ending the strike."),
    );
    assert!(!types(&c).contains(&DetailType::NumberChanged), "{c:#?}");
}

/// Claims as the extractor reads them from one sentence.
fn read(text: &str) -> Claim {
    let parsed = crate::article::parse(
        format!("T\n\n{text}\n").as_bytes(),
        crate::article::Format::Text,
    )
    .expect("text parses");
    crate::claims::extract(&parsed.article)
        .into_iter()
        .find(|c| c.part == crate::claims::Part::Body)
        .expect("one body claim")
}

#[test]
fn fractions_of_scale_words_and_temperatures_compare_by_value() {
    // The same amount and temperature written another way: no number change.
    let c = one_change(
        read("The club spent half a million dollars in 20\u{B0}C heat."),
        read("The club spent $500,000 in 20 degrees Celsius heat."),
    );
    assert!(!types(&c).contains(&DetailType::NumberChanged), "{c:?}");
    assert!(!types(&c).contains(&DetailType::EntityChanged), "{c:?}");
    assert_eq!(c.severity, Severity::Low);
    // Half a million is not a million, and a frost is not a warm day.
    let c = one_change(
        read("The club spent half a million dollars in 20\u{B0}C heat."),
        read("The club spent a million dollars in -2C heat."),
    );
    let changed: Vec<_> = c
        .details
        .iter()
        .filter(|d| d.kind == DetailType::NumberChanged)
        .map(|d| {
            (
                d.from.clone().unwrap_or_default(),
                d.to.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        changed,
        [
            (
                "half a million dollars".to_string(),
                "a million dollars".to_string()
            ),
            ("20\u{B0}C".to_string(), "-2C".to_string()),
        ]
    );
}

/// A date's extracted value is its day (or its year), so two dates with
/// the same day in other months once read as the same value restyled.
#[test]
fn a_date_with_the_same_day_in_another_month_is_a_date_change() {
    let mut a = claim("The new fares take effect on March 1.");
    a.numbers = vec![num("March 1", 1.0, "date")];
    let mut b = claim("The new fares take effect on April 1.");
    b.numbers = vec![num("April 1", 1.0, "date")];
    let c = one_change(a, b);
    assert_eq!(types(&c), [DetailType::DateChanged]);
    let d = detail(&c, DetailType::DateChanged);
    assert_eq!(
        (d.from.as_deref(), d.to.as_deref()),
        (Some("March 1"), Some("April 1"))
    );
    assert_eq!(c.severity, Severity::High);

    let mut a = claim("The hearing was set for Feb. 24, 2025, in the capital.");
    a.numbers = vec![num("Feb. 24, 2025", 2025.0, "date")];
    let mut b = claim("The hearing was set for Feb. 25, 2025, in the capital.");
    b.numbers = vec![num("Feb. 25, 2025", 2025.0, "date")];
    let c = one_change(a, b);
    assert_eq!(types(&c), [DetailType::DateChanged]);
}

#[test]
fn the_same_date_written_another_way_is_no_date_change() {
    for (old, new, value) in [
        ("Feb. 24, 2025", "February 24, 2025", 2025.0),
        ("24 February 2025", "Feb. 24, 2025", 2025.0),
        ("Sept. 3", "September 3rd", 3.0),
    ] {
        let mut a = claim(&format!("The hearing was set for {old} in the capital."));
        a.numbers = vec![num(old, value, "date")];
        let mut b = claim(&format!("The hearing was set for {new} in the capital."));
        b.numbers = vec![num(new, value, "date")];
        let d = diff_with(&[a], &[b], &CUES);
        assert!(
            only_wording(&d) && d.changes.iter().all(|c| c.severity == Severity::Low),
            "{old} -> {new}: {d:#?}"
        );
    }
}

/// A year spelt out after a day and month the reader already had is the
/// same date; a year changed, or the day with it, is not.
#[test]
fn a_year_added_to_the_same_day_is_no_date_change() {
    let dated = |text: &str, value: f64| {
        let mut c = claim(&format!(
            "The new rules take effect {text} across the state."
        ));
        c.numbers = vec![num(text, value, "date")];
        c
    };
    for (old, new) in [("Jan. 1", "Jan. 1, 2026"), ("March 3, 2025", "March 3")] {
        let (a, b) = (dated(old, 1.0), dated(new, 2026.0));
        let d = diff_with(&[a], &[b], &CUES);
        assert!(
            only_wording(&d) && d.changes.iter().all(|c| c.severity == Severity::Low),
            "{old} -> {new}: {d:#?}"
        );
    }
    for (old, new) in [("Jan. 1, 2025", "Jan. 1, 2026"), ("Jan. 1", "Jan. 2, 2026")] {
        let c = one_change(dated(old, 2025.0), dated(new, 2026.0));
        assert_eq!(types(&c), [DetailType::DateChanged], "{old} -> {new}");
    }
}

/// "next week" → "next month" moved the trial, and was low wording.
#[test]
fn a_period_counted_from_now_changed_is_a_date_change() {
    for (old, new) in [("next week", "next month"), ("this year", "last year")] {
        let a = claim(&format!(
            "The trial of the two men is due to open {old} in the capital."
        ));
        let b = claim(&format!(
            "The trial of the two men is due to open {new} in the capital."
        ));
        let c = one_change(a, b);
        assert_eq!(types(&c), [DetailType::DateChanged], "{old} -> {new}");
        assert_eq!(c.severity, Severity::High);
        // The date alone, not the word after it.
        let d = detail(&c, DetailType::DateChanged);
        assert_eq!((d.from.as_deref(), d.to.as_deref()), (Some(old), Some(new)));
    }
}

/// "a decade ago" → "a year ago" was low wording: no figure is written,
/// so the extractor saw none. And "a year earlier" → "two years earlier"
/// came out as a number that appeared and a date that went.
#[test]
fn one_period_counted_back_is_a_date() {
    let c = one_change(
        claim("The plant near the river closed a decade ago after a fire."),
        claim("The plant near the river closed a year ago after a fire."),
    );
    assert_eq!(types(&c), [DetailType::DateChanged]);
    let d = detail(&c, DetailType::DateChanged);
    assert_eq!(
        (d.from.as_deref(), d.to.as_deref()),
        (Some("a decade"), Some("a year"))
    );

    let mut a = claim("Retail sales rose 5% from a year earlier, the agency said.");
    a.numbers = vec![num("5%", 5.0, "%")];
    let mut b = claim("Retail sales rose 5% from two years earlier, the agency said.");
    b.numbers = vec![num("5%", 5.0, "%"), num("two years", 2.0, "years")];
    let c = one_change(a, b);
    assert_eq!(types(&c), [DetailType::DateChanged]);
    let d = detail(&c, DetailType::DateChanged);
    assert_eq!(
        (d.from.as_deref(), d.to.as_deref()),
        (Some("a year"), Some("two years"))
    );
}

/// "million" and "billion" are one letter apart, which the typo rule took
/// for a misspelling: a thousandfold change came out as low wording.
#[test]
fn a_scale_word_swap_is_a_number_change_not_a_typo() {
    let mut a = claim("The storm caused about $4.2 million worth of damage to the port.");
    a.numbers = vec![num("about $4.2 million", 4.2e6, "usd")];
    let mut b = claim("The storm caused about $4.2 billion worth of damage to the port.");
    b.numbers = vec![num("about $4.2 billion", 4.2e9, "usd")];
    let c = one_change(a, b);
    assert_eq!(types(&c), [DetailType::NumberChanged]);
    let d = detail(&c, DetailType::NumberChanged);
    assert_eq!(
        (d.from.as_deref(), d.to.as_deref()),
        (Some("about $4.2 million"), Some("about $4.2 billion"))
    );
    assert_eq!(c.severity, Severity::High);
    // Found from the words alone too, when the extractor saw no mention.
    let c = one_change(
        claim("Losses reached a million euros."),
        claim("Losses reached a billion euros."),
    );
    assert_eq!(types(&c), [DetailType::NumberChanged]);
}

#[test]
fn the_same_figure_in_another_unit_is_a_number_change() {
    let mut a = claim("He was sentenced to 5 years for the fraud.");
    a.numbers = vec![num("5 years", 5.0, "year")];
    let mut b = claim("He was sentenced to 5 months for the fraud.");
    b.numbers = vec![num("5 months", 5.0, "month")];
    let c = one_change(a, b);
    assert_eq!(types(&c), [DetailType::NumberChanged]);
    let d = detail(&c, DetailType::NumberChanged);
    assert_eq!(
        (d.from.as_deref(), d.to.as_deref()),
        (Some("5 years"), Some("5 months"))
    );
    // The same unit written another way stays no change.
    let mut a = claim("The rate was 85% last year.");
    a.numbers = vec![num("85%", 85.0, "percent")];
    let mut b = claim("The rate was 85 percent last year.");
    b.numbers = vec![num("85 percent", 85.0, "percent")];
    let d = diff_with(&[a], &[b], &CUES);
    assert!(only_wording(&d), "{d:#?}");
}

#[test]
fn a_counted_noun_reworded_is_no_number_change() {
    let mut a = claim("The ministry sent 500 more troops to the border.");
    a.numbers = vec![num("500 more troops", 500.0, "troops")];
    let mut b = claim("The ministry sent 500 more personnel to the border.");
    b.numbers = vec![num("500 more personnel", 500.0, "personnel")];
    let d = diff_with(&[a], &[b], &CUES);
    assert!(
        !d.changes
            .iter()
            .any(|c| types(c).contains(&DetailType::NumberChanged)),
        "{d:#?}"
    );
}

/// "10-12 inches" → "10-15 inches" is one change of the range's end, not
/// that plus the whole range again.
#[test]
fn a_range_with_one_end_changed_is_one_number_change() {
    let mut a = claim("Forecasters expect 10-12 inches of snow overnight.");
    a.numbers = vec![num("10", 10.0, "inches"), num("12 inches", 12.0, "inches")];
    let mut b = claim("Forecasters expect 10-15 inches of snow overnight.");
    b.numbers = vec![num("10", 10.0, "inches"), num("15 inches", 15.0, "inches")];
    let c = one_change(a, b);
    assert_eq!(types(&c), [DetailType::NumberChanged], "{c:#?}");
    let d = detail(&c, DetailType::NumberChanged);
    assert_eq!(
        (d.from.as_deref(), d.to.as_deref()),
        (Some("12 inches"), Some("15 inches"))
    );
}

#[test]
fn a_score_written_with_a_hyphen_or_with_to_is_the_same_score() {
    let mut a = claim("The bill passed the chamber 51-49 on Tuesday.");
    a.numbers = vec![num("51", 51.0, ""), num("49", 49.0, "")];
    let mut b = claim("The bill passed the chamber 51 to 49 on Tuesday.");
    b.numbers = vec![num("51", 51.0, ""), num("49", 49.0, "")];
    let d = diff_with(&[a.clone()], &[b], &CUES);
    assert!(only_wording(&d), "{d:#?}");
    let mut c = claim("The bill passed the chamber 52 to 48 on Tuesday.");
    c.numbers = vec![num("52", 52.0, ""), num("48", 48.0, "")];
    let c = one_change(a, c);
    assert!(types(&c).contains(&DetailType::NumberChanged), "{c:#?}");
}

/// "More than half" → "Nearly half" moved the figure to its other side,
/// and "$2 million" → "$2 million a year" made a sum a yearly one: both
/// were low wording.
#[test]
fn a_figure_that_changed_side_or_period_is_a_number_change() {
    let mut a = claim("More than half of residents support the plan, the survey found.");
    a.numbers = vec![num("More than half", 0.5, "fraction")];
    let mut b = claim("Nearly half of residents support the plan, the survey found.");
    b.numbers = vec![num("Nearly half", 0.5, "fraction")];
    let c = one_change(a, b);
    assert_eq!(types(&c), [DetailType::NumberChanged]);
    let d = detail(&c, DetailType::NumberChanged);
    assert_eq!(
        (d.from.as_deref(), d.to.as_deref()),
        (Some("More than half"), Some("Nearly half"))
    );

    let mut a = claim("The measure would cost taxpayers $2 million, Hale said.");
    a.numbers = vec![num("$2 million", 2e6, "usd")];
    let mut b = claim("The measure would cost taxpayers $2 million a year, Hale said.");
    b.numbers = vec![num("$2 million", 2e6, "usd")];
    let c = one_change(a, b);
    assert_eq!(types(&c), [DetailType::NumberChanged]);
    let d = detail(&c, DetailType::NumberChanged);
    assert_eq!(
        (d.from.as_deref(), d.to.as_deref()),
        (Some("$2 million"), Some("$2 million a year"))
    );

    // Rounding words and one period said two ways are no change.
    for (old, new, figure) in [
        ("about 300 people", "some 300 people", None),
        (
            "$2 million a year",
            "$2 million annually",
            Some("$2 million"),
        ),
    ] {
        let mut a = claim(&format!("The program costs {old} in the county."));
        a.numbers = vec![num(figure.unwrap_or(old), 300.0, "people")];
        let mut b = claim(&format!("The program costs {new} in the county."));
        b.numbers = vec![num(figure.unwrap_or(new), 300.0, "people")];
        let d = diff_with(&[a], &[b], &CUES);
        assert!(
            d.changes
                .iter()
                .flat_map(|c| &c.details)
                .all(|x| x.kind != DetailType::NumberChanged),
            "{old} -> {new}: {d:#?}"
        );
    }
}

/// "14 people died" → "at least 14 people died" made an exact toll a
/// lower bound, and "60 votes" → "60% of the vote" a count a share: both
/// were low wording.
#[test]
fn a_bound_on_an_exact_figure_or_a_share_for_a_count_is_a_number_change() {
    let mut a = claim("Officials confirmed that 14 people died in the flooding.");
    a.numbers = vec![num("14 people", 14.0, "people")];
    let mut b = claim("Officials confirmed that at least 14 people died in the flooding.");
    b.numbers = vec![num("at least 14 people", 14.0, "people")];
    let c = one_change(a.clone(), b.clone());
    assert_eq!(types(&c), [DetailType::NumberChanged]);
    let d = detail(&c, DetailType::NumberChanged);
    assert_eq!(
        (d.from.as_deref(), d.to.as_deref()),
        (Some("14 people"), Some("at least 14 people"))
    );
    // And back: the bound dropped.
    let c = one_change(b, a);
    assert_eq!(types(&c), [DetailType::NumberChanged]);

    let mut a = claim("The measure passed with 60 votes in the chamber.");
    a.numbers = vec![num("60 votes", 60.0, "votes")];
    let mut b = claim("The measure passed with 60% of the vote in the chamber.");
    b.numbers = vec![num("60%", 60.0, "percent")];
    let c = one_change(a, b);
    assert!(types(&c).contains(&DetailType::NumberChanged), "{c:#?}");
}

/// "£1.5m" → "$1.5m" was low wording: words fold the currency sign away,
/// so the text looked unchanged but for a typo.
#[test]
fn a_currency_swapped_on_the_same_figure_is_a_number_change() {
    let mut a = claim("The club paid £1.5m for the winger last summer.");
    a.numbers = vec![num("£1.5m", 1.5e6, "gbp")];
    let mut b = claim("The club paid $1.5m for the winger last summer.");
    b.numbers = vec![num("$1.5m", 1.5e6, "usd")];
    let c = one_change(a, b);
    assert_eq!(types(&c), [DetailType::NumberChanged]);
    let d = detail(&c, DetailType::NumberChanged);
    assert_eq!(
        (d.from.as_deref(), d.to.as_deref()),
        (Some("£1.5m"), Some("$1.5m"))
    );
}

/// "passed 52% to 48%" → "48% to 52%" has the same figures, so it read as
/// a restyling; swapped in place, with every other word kept, they are a
/// number change.
#[test]
fn figures_swapped_in_place_are_a_number_change() {
    let mut a = claim("The measure passed 52% to 48%.");
    a.numbers = vec![num("52%", 52.0, "percent"), num("48%", 48.0, "percent")];
    let mut b = claim("The measure passed 48% to 52%.");
    b.numbers = vec![num("48%", 48.0, "percent"), num("52%", 52.0, "percent")];
    let c = one_change(a, b);
    assert_eq!(types(&c), [DetailType::NumberChanged]);
    let d = detail(&c, DetailType::NumberChanged);
    assert_eq!(
        (d.from.as_deref(), d.to.as_deref()),
        (Some("52%, 48%"), Some("48%, 52%"))
    );
    // Figures that moved with their words are no change.
    let mut a = claim("Of 40 members, 12 voted against the measure.");
    a.numbers = vec![num("40 members", 40.0, "members"), num("12", 12.0, "")];
    let mut b = claim("12 of 40 members voted against the measure.");
    b.numbers = vec![num("12", 12.0, ""), num("40 members", 40.0, "members")];
    let d = diff_with(&[a], &[b], &CUES);
    assert!(only_wording(&d), "{d:#?}");
}
