//! Speaker phrases read up to their edges: what stands between a subject
//! and its cue (an occasion, a time phrase, an adverbial), what a phrase
//! is made of (a possessive apostrophe, an acronym, an "-ing" noun, a
//! capitalised head after the cue), and which cue a sentence's tail or a
//! singular verb settles; on sentences written for these tests.

use super::*;

#[test]
fn an_ing_noun_of_findings_heads_a_subject_without_a_determiner() {
    assert_eq!(
        speaker("Exit polling showed that dockers backed the strike in every ward.").as_deref(),
        Some("Exit polling")
    );
    // Other "-ing" words before a cue are still no subject.
    assert_eq!(
        speaker("Walking home, Lowe said the ferry was late.").as_deref(),
        Some("Lowe")
    );
}

#[test]
fn a_findings_cue_set_off_by_commas_is_a_verb_before_the_next_verb() {
    assert_eq!(
        speaker("What is less certain, the survey shows, is whether they will vote at all.")
            .as_deref(),
        Some("the survey")
    );
    // Without the comma the noun still takes the verb after it.
    assert_eq!(speaker("Health worries have dogged the mayor."), None);
}

#[test]
fn an_acronym_speaker_is_not_a_shouted_headline() {
    assert_eq!(
        speaker("Crews were treating the fire as arson, BFM TV reported.").as_deref(),
        Some("BFM TV")
    );
    assert_eq!(speaker("THE HARBOR BOARD SAYS NO TO FERRY"), None);
    assert_eq!(
        speaker("PORT AT ITS BEST - \"Ferry returns,\" by Ada Lowe."),
        None
    );
}

#[test]
fn this_past_week_between_an_appositive_and_its_verb() {
    assert_eq!(
        speaker("Ada Lowe, the harbor chairwoman, this past week announced a new ferry.")
            .as_deref(),
        Some("Ada Lowe")
    );
}

#[test]
fn a_findings_tail_covers_the_sentence_before_it() {
    assert_eq!(
        speaker("He agreed to sell the yard to Lowe in 2010, records show.").as_deref(),
        Some("records")
    );
}

#[test]
fn a_singular_verb_shows_a_name_in_s_to_be_no_plural() {
    let a = find("Rhodes exaggerates when he says he wrote the law.", &[]);
    assert_eq!(a.as_ref().map(|a| a.speaker.as_str()), Some("Rhodes"));
    assert_eq!(a.and_then(|a| a.pronoun), None);
}

#[test]
fn a_capitalised_head_after_according_to_is_a_name() {
    assert_eq!(
        speaker("According to the Times, the board turned the report over this week.").as_deref(),
        Some("the Times")
    );
    // The common noun is still no source.
    assert_eq!(
        speaker("The ferry ran late many times, according to times."),
        None
    );
}

#[test]
fn the_occasion_between_a_subject_and_its_verb_is_no_subject() {
    assert_eq!(
        speaker("Lowe in a statement said the ferry would run.").as_deref(),
        Some("Lowe")
    );
    assert_eq!(
        speaker("The mayor in an interview on Monday warned that fares would rise.").as_deref(),
        Some("The mayor")
    );
    // No subject before the occasion: nothing to step back to.
    assert_eq!(
        speaker("The statement said fares would rise.").as_deref(),
        Some("The statement")
    );
    assert_eq!(
        speaker("The big new statement said fares would rise.").as_deref(),
        Some("The big new statement")
    );
    // A phrase that only ends in such a noun keeps it.
    assert_eq!(
        speaker("The group at the center of the debate said fares would rise.").as_deref(),
        Some("The group at the center of the debate")
    );
}

#[test]
fn an_apostrophe_after_a_final_s_is_a_possessive() {
    assert_eq!(
        speaker("Ada Rhodes' campaign says it raised $2 million in January.").as_deref(),
        Some("Ada Rhodes' campaign")
    );
    assert_eq!(
        speaker("Rhodes\u{2019} team said the committee skirts the limits.").as_deref(),
        Some("Rhodes\u{2019} team")
    );
}

#[test]
fn an_adverbial_between_the_auxiliary_and_the_cue_is_no_subject() {
    assert_eq!(
        speaker("Critics have in particular noted the cost of the ferry.").as_deref(),
        Some("Critics")
    );
    assert_eq!(
        speaker("The fares rose, as Lowe has sometimes acknowledged.").as_deref(),
        Some("Lowe")
    );
}

#[test]
fn an_initial_is_neither_the_article_nor_the_pronoun() {
    assert_eq!(
        speaker("\"The fares will rise,\" Harbor Counsel Mara A. Quist wrote in a letter.")
            .as_deref(),
        Some("Harbor Counsel Mara A. Quist")
    );
    assert_eq!(
        speaker("Tobias I. Wend, the harbor master, has said the pier will reopen.").as_deref(),
        Some("Tobias I. Wend")
    );
}

#[test]
fn an_appositive_without_its_closing_comma_leaves_the_name_the_subject() {
    assert_eq!(
        speaker(
            "On Monday, Sen. Ilse Brandt (D-Ore.), a critic of the ferry plan told reporters it would fail."
        )
        .as_deref(),
        Some("Sen. Ilse Brandt (D-Ore.)")
    );
    // After a preposition the appositive is the subject itself.
    assert_eq!(
        speaker("After meeting Brandt, a spokesman for the port said the ferry would run.")
            .as_deref(),
        Some("a spokesman for the port")
    );
}

#[test]
fn state_after_a_place_name_is_a_noun() {
    assert_eq!(
        speaker(
            "The strike ended during a panel with Oregon state Democratic official Oskar Lind."
        ),
        None
    );
    assert_eq!(
        speaker("Lind and Brandt state that the pier is safe.").as_deref(),
        Some("Lind and Brandt")
    );
}

#[test]
fn a_progressive_or_participle_of_speech_finds_its_subject() {
    assert_eq!(
        speaker("The Oregon state harbor master is confirming that the pier is closed.").as_deref(),
        Some("The Oregon state harbor master")
    );
    assert_eq!(
        speaker("Two inspectors, Mara Quist and Oskar Lind, filed a complaint, contending that the pier was unsafe.")
            .as_deref(),
        Some("Two inspectors")
    );
    assert_eq!(
        speaker("Lind won the vote by repeating his promise that fares would fall.").as_deref(),
        Some("Lind")
    );
}

#[test]
fn a_verb_after_a_modal_or_an_adverb_is_not_part_of_the_subject() {
    assert_eq!(
        speaker(
            "Any ruling would involve Judge Mara Quist, who told the council the pier was safe."
        )
        .as_deref(),
        Some("Judge Mara Quist")
    );
    assert_eq!(
        speaker("The coalition also includes inspectors who claim the pier is unsafe.").as_deref(),
        Some("inspectors")
    );
}

#[test]
fn a_list_of_places_after_a_preposition_keeps_the_head_before_it() {
    assert_eq!(
        speaker("Most harbor workers in Ashton, Dover and Kent said they would strike.").as_deref(),
        Some("Most harbor workers in Ashton, Dover and Kent")
    );
    assert_eq!(
        speaker("On Monday, Lind and Brandt said they would strike.").as_deref(),
        Some("Lind and Brandt")
    );
    // An opening phrase's place before a plain subject is no list.
    assert_eq!(
        speaker(
            "Before the vote in Ashton, the ferry operators and the pilots said they would strike."
        )
        .as_deref(),
        Some("the ferry operators and the pilots")
    );
}

#[test]
fn as_a_name_put_it_survives_an_appositive_ending_in_a_title() {
    assert_eq!(
        speaker(
            "As Mara Quist, author of \"Tides of Ashton,\" put it, \"the pier outlived its town.\""
        )
        .as_deref(),
        Some("Mara Quist")
    );
}

#[test]
fn a_word_after_to_is_an_infinitive_not_a_subject() {
    assert_eq!(
        speaker("Brandt went after Lind at the hearing refusing to recant earlier remarks."),
        None
    );
    // A plural after "to" is the object of the preposition.
    assert_eq!(
        speaker("The plan sounded fine to inspectors, who warned that the pier would flood.")
            .as_deref(),
        Some("inspectors")
    );
}

#[test]
fn an_inverted_tail_may_end_on_the_speakers_appositive() {
    assert_eq!(
        speaker(
            "Some repairs are hard to price, while others never end, said Oskar Lind, a harbor engineer under two mayors."
        )
        .as_deref(),
        Some("Oskar Lind")
    );
}

#[test]
fn a_time_complement_or_an_age_group_does_not_hide_the_head() {
    assert_eq!(
        speaker("The employee of nearly four years, a welder, said she was told to leave.")
            .as_deref(),
        Some("The employee of nearly four years")
    );
    assert_eq!(
        speaker("Fix the pier first, the under-35 generation says by a wide margin.").as_deref(),
        Some("the under-35 generation")
    );
}

#[test]
fn a_surname_in_ing_before_a_verb_is_no_opening_participle() {
    assert_eq!(
        speaker("Ebeling walked to the pier with Lind, and said the repairs were late.").as_deref(),
        Some("Ebeling")
    );
    assert_eq!(
        speaker("Walking to the pier, Lind said the repairs were late.").as_deref(),
        Some("Lind")
    );
}

#[test]
fn a_share_between_with_and_saying_is_the_source() {
    assert_eq!(
        speaker("Lind gained ground, with 30 percent of riders saying they trust the ferry.")
            .as_deref(),
        Some("30 percent of riders")
    );
    assert_eq!(
        speaker("The strike has left three in 10 saying the port should close.").as_deref(),
        Some("three in 10")
    );
}

#[test]
fn a_relative_clause_on_a_things_complement_means_the_name() {
    assert_eq!(
        speaker("Lind voted to stay in line with Brandt, who believes the pier can be saved.")
            .as_deref(),
        Some("Brandt")
    );
    // A person's role is no thing: the name in it is not the speaker; the
    // name the role describes is.
    assert_eq!(
        speaker(
            "The plan was backed by Lind, a former aide to Mayor Lowe, who said it would work."
        )
        .as_deref(),
        Some("Lind")
    );
    // A plural agent after "by" makes the participle passive.
    assert_eq!(
        speaker("Lind backed Proposition 9, a measure strongly opposed by unions.").as_deref(),
        Some("Lind")
    );
}

#[test]
fn a_two_word_region_after_an_opening_place_is_part_of_the_phrase() {
    assert_eq!(
        speaker("Speaking at a rally in Salem, New Hampshire, Lind went after Brandt, calling her \"a stiff.\"")
            .as_deref(),
        Some("Lind")
    );
    assert_eq!(
        speaker("In Salem, North Dakota, Gov. Ada Lowe said the pier would close.").as_deref(),
        Some("Gov. Ada Lowe")
    );
}

#[test]
fn the_s_forms_of_stance_cues_report_and_their_nouns_do_not() {
    for (text, who) in [
        (
            "Mayor Lowe defends the levy in a letter to pilots.",
            Some("Mayor Lowe"),
        ),
        (
            "Harbor chief praises pilots after the storm.",
            Some("Harbor chief"),
        ),
        ("Lowe refuses to release the ferry audit.", Some("Lowe")),
        ("The plan drew rebukes from pilots and shippers.", None),
        (
            "Fare declines would follow as riders leave the ferry.",
            None,
        ),
    ] {
        assert_eq!(speaker(text).as_deref(), who, "{text}");
    }
}

#[test]
fn base_forms_of_stance_cues_need_a_plural_subject() {
    for (text, who) in [
        ("Most pilots oppose the new shifts.", Some("Most pilots")),
        ("Harbor unions endorse the levy.", Some("Harbor unions")),
        ("The pilots will defend the old route.", Some("The pilots")),
        ("Heaping praise on the pilots.", None),
        ("Lowe came to defend the levy.", None),
    ] {
        assert_eq!(speaker(text).as_deref(), who, "{text}");
    }
}

#[test]
fn a_cue_after_a_catenative_idiom_takes_the_idiom_subject() {
    for (text, who) in [
        (
            "Ada Lowe is continuing to insist she will release the logs.",
            Some("Ada Lowe"),
        ),
        (
            "The mayor is trying to explain why the ferry was late.",
            Some("The mayor"),
        ),
        (
            "The senator took to Twitter to say the vote was rigged.",
            Some("The senator"),
        ),
        (
            "Ada Lowe has taken to the radio to complain that fares rose.",
            Some("Ada Lowe"),
        ),
        (
            "The mayor went out of his way to say that the port had recovered.",
            Some("The mayor"),
        ),
        (
            "Dock workers were slightly more likely to say the strike helped.",
            Some("Dock workers"),
        ),
        // Not said by anyone: an adjective before "to", a participle clause.
        ("It is too soon to say whether the levy will pass.", None),
        (
            "The mayor spent the week trying to explain the delay.",
            None,
        ),
    ] {
        assert_eq!(speaker(text).as_deref(), who, "{text}");
    }
}

#[test]
fn an_adverb_may_stand_inside_a_progressive_speech_cue() {
    assert_eq!(
        speaker("Some are quietly saying it is time to sell the port.").as_deref(),
        Some("Some")
    );
    // A stance participle in a relative clause stays no one's words.
    assert_eq!(
        speaker("It counts the dockers in the city who are actively seeking work.").as_deref(),
        None
    );
}

#[test]
fn according_to_may_open_on_a_time_adverb_and_participle() {
    assert_eq!(
        speaker("According to recently leaked harbor memos, the levy will rise.").as_deref(),
        Some("recently leaked harbor memos")
    );
}

#[test]
fn a_counted_plural_after_a_determiner_is_a_noun_before_that() {
    assert_eq!(
        speaker("Lowe and Hale campaigned in the largest of the three states that voted Tuesday.")
            .as_deref(),
        None
    );
    assert_eq!(
        speaker("Two harbor pilots say that the channel is safe.").as_deref(),
        Some("Two harbor pilots")
    );
}

#[test]
fn calls_for_is_a_verb_after_a_pronoun_a_name_or_a_singular_phrase() {
    for (text, who) in [
        (
            "He calls for a new ferry; Mrs. Hale wants a bridge.",
            Some("He"),
        ),
        ("Ada Lowe calls for a vote on the levy.", Some("Ada Lowe")),
        (
            "His plan calls for fares that rise with distance.",
            Some("His plan"),
        ),
        (
            "The accord calls on every port to cut fumes.",
            Some("The accord"),
        ),
        // A plural noun before it, or an adjective, keeps the noun.
        ("Republican calls for an inquiry grew louder.", None),
        ("Their calls for strikes in the port went unheard.", None),
    ] {
        assert_eq!(speaker(text).as_deref(), who, "{text}");
    }
}

#[test]
fn point_reports_only_before_to_or_out() {
    for (text, who) in [
        (
            "Dock workers point out that fares have doubled.",
            Some("Dock workers"),
        ),
        ("Ada Lowe points to the rise in fares.", Some("Ada Lowe")),
        ("As Lowe points out, the port is busy.", Some("Lowe")),
        ("Lowe leads by five points in the harbor race.", None),
        ("He stopped at one point to wave to the crowd.", None),
        (
            "The ferry routes are beginning to point toward the north.",
            None,
        ),
    ] {
        assert_eq!(speaker(text).as_deref(), who, "{text}");
    }
}

#[test]
fn talking_and_speaking_report_with_about_or_of() {
    for (text, who) in [
        (
            "Ada Lowe talked about the ferry at length.",
            Some("Ada Lowe"),
        ),
        ("Mr. Hale seldom speaks of his brother.", Some("Mr. Hale")),
        (
            "Lowe, who won an award, spoke about the value of ports.",
            Some("Lowe"),
        ),
        ("Ada Lowe talks about a new levy.", Some("Ada Lowe")),
        ("Lowe spoke with reporters on Monday.", None),
        ("It is the least talked about change in the port.", None),
        ("Their talks about the port stalled.", None),
    ] {
        assert_eq!(speaker(text).as_deref(), who, "{text}");
    }
}

#[test]
fn a_quoted_title_closes_an_appositive_before_the_cue() {
    for (text, who) in [
        (
            "Ada Lowe, host of WXRT's \"Morning Desk,\" suggested the levy could sink the ferry.",
            "Ada Lowe",
        ),
        (
            "Bo Park, author of \"Harbor Lights,\" said the pier would close.",
            "Bo Park",
        ),
    ] {
        assert_eq!(speaker(text).as_deref(), Some(who), "{text}");
    }
    // A quotation that is the reported words keeps its own reading.
    assert_eq!(
        speaker("\"The pier will close,\" said Bo Park.").as_deref(),
        Some("Bo Park")
    );
}

#[test]
fn a_name_after_an_opening_quotation_heads_its_appositive_chain() {
    for text in [
        "\"Both of them worry me,\" Ola Brandt, 30, of Ashton, Md., who was among those polled, said in an interview.",
        "\"Both of them worry me,\" Ola Brandt, 30, of Ashton, Md., said in an interview.",
    ] {
        assert_eq!(speaker(text).as_deref(), Some("Ola Brandt"), "{text}");
    }
}

#[test]
fn a_place_before_an_aside_locates_the_speaker_before_it() {
    for (text, who) in [
        (
            "A senior official in Dover, speaking on condition of anonymity, said the talks had stalled.",
            "A senior official in Dover",
        ),
        (
            "Aides in Dover, Del., speaking on condition of anonymity, said the talks had stalled.",
            "Aides in Dover, Del",
        ),
        (
            "Harbor leaders in North Carolina, for instance, noted that the panel had ruled.",
            "Harbor leaders in North Carolina",
        ),
        // An indefinite appositive describes the name before it.
        (
            "\"I just do not trust her,\" Ada Lowe, 61, a retired teacher in Dover, said on Tuesday.",
            "Ada Lowe",
        ),
        // A comma before "from" sets the place phrase apart.
        (
            "Lowe won an endorsement from a colleague, from Bo Park, who declared that he was the best choice.",
            "Bo Park",
        ),
    ] {
        assert_eq!(speaker(text).as_deref(), Some(who), "{text}");
    }
}

#[test]
fn a_deictic_day_before_the_verb_is_when_and_a_capitalised_today_is_a_name() {
    for (text, who) in [
        ("Lowe today said the pier would close.", "Lowe"),
        (
            "The party today agrees only on its opposition to the levy.",
            "The party",
        ),
        (
            "A reporter for Harbor Today said the pier would close.",
            "A reporter for Harbor Today",
        ),
        (
            "Harbor Today reported that the pier would close.",
            "Harbor Today",
        ),
    ] {
        assert_eq!(speaker(text).as_deref(), Some(who), "{text}");
    }
}

#[test]
fn a_lone_group_word_is_the_antecedent_of_a_later_pronoun() {
    let a = find(
        "Democrats focused on what they said was the need for calm.",
        &[],
    );
    assert_eq!(a.as_ref().map(|a| a.speaker.as_str()), Some("Democrats"));
    assert_eq!(
        speaker("Officials are weighing what they called a safer route.").as_deref(),
        Some("Officials")
    );
    // A lone ordinary word stays no antecedent.
    assert_eq!(
        speaker("More are weighing what they called a safer route.").as_deref(),
        Some("they")
    );
}
