//! Speakers past openers and asides: a counted span or an adverb on a
//! participle opening the sentence, a dateline with a date, an abbreviated
//! state, a party label before a comma, lower-case role nouns before a
//! name, a lone "another"/"each", manner participles, written things that
//! "read", a contact relative clause, an adverb on an opening subordinator
//! ("Ever since Lowe …, she's said"), a cue inside the opening clause, a
//! reported clause after an inverted "said"; on sentences written for
//! these tests.

use super::*;
use crate::claims::quotes;

fn quoted_speaker(text: &str) -> Option<String> {
    quote_subject(text, &quotes::spans(text, false))
}

#[test]
fn a_lone_another_or_each_opening_a_sentence_is_the_speaker() {
    assert_eq!(
        speaker("Another said the ferry would run late.").as_deref(),
        Some("Another")
    );
    assert_eq!(
        speaker("Each added that the fares would rise.").as_deref(),
        Some("Each")
    );
    // Naming, not speech; a noun, not a verb.
    assert_eq!(
        speaker("The board hired Tidewell, and another called Harbor Data, owned by the port.")
            .as_deref(),
        None
    );
    assert_eq!(
        speaker("Whenever you groan about yet another state primary, look at it this way.")
            .as_deref(),
        None
    );
}

#[test]
fn a_manner_participle_after_the_clause_reports_its_subject() {
    assert_eq!(
        speaker("Protesters interrupted the speech, shouting that the ferry would never run.")
            .as_deref(),
        Some("Protesters")
    );
    // "left" is a past verb after the plural head, though no "-ed" shows it.
    assert_eq!(
        speaker("The council members left the hall, remarking that the vote had been rigged.")
            .as_deref(),
        Some("The council members")
    );
}

#[test]
fn an_editorial_reads_out_its_words() {
    assert_eq!(
        speaker(
            "\"If the mayor wants a second term, she should fix the ferry,\" the editorial read."
        )
        .as_deref(),
        Some("the editorial")
    );
}

#[test]
fn a_dateline_with_a_date_is_no_subject() {
    assert_eq!(
        speaker(
            "HARBORTON, Dec. 8 (UPI) - In response to the strike, the senator rallied supporters, \
             saying the port would reopen."
        )
        .as_deref(),
        Some("the senator")
    );
}

#[test]
fn an_adverb_on_an_opening_participle_is_no_name() {
    assert_eq!(
        speaker("Hastily blaming the storm, Lowe cut the timetable, saying the ferry would run.")
            .as_deref(),
        Some("Lowe")
    );
    // The opening phrase may close on a dashed aside instead of a comma.
    assert_eq!(
        speaker(
            "Hastily blaming the storm - much as he did after the flood last spring - Lowe cut \
             the timetable, saying the ferry would run."
        )
        .as_deref(),
        Some("Lowe")
    );
}

#[test]
fn a_party_label_before_a_comma_closes_the_name() {
    assert_eq!(
        speaker(
            "Tuesday at the hall in Dover, OH, after winning Ohio in the Harbor County primary, \
             Gov. Ada Lowe (R-OH), said the port would reopen."
        )
        .as_deref(),
        Some("Gov. Ada Lowe (R-OH)")
    );
    // A list of labelled names is an aside on the subject.
    assert_eq!(
        speaker(
            "Others, including Sen. Bo Park (D-Ore.) and Rep. Ann Lee (D-Ariz.), are urging the \
             board to wait."
        )
        .as_deref(),
        Some("Others")
    );
}

#[test]
fn a_contact_relative_clause_after_he_is_no_subject() {
    assert_eq!(
        speaker("Fuel is a large cost: a company he owns has charged the port $3 million.")
            .as_deref(),
        Some("a company")
    );
}

#[test]
fn a_counted_span_of_time_opens_the_sentence_and_names_no_one() {
    assert_eq!(
        speaker("Two weeks after the vote, Judge Ada Lowe broke a long silence, saying the ferry would run.")
            .as_deref(),
        Some("Judge Ada Lowe")
    );
    assert_eq!(
        speaker("Two officials said the ferry would run.").as_deref(),
        Some("Two officials")
    );
}

#[test]
fn lower_case_role_nouns_after_an_opening_phrase_lead_on_to_the_name() {
    assert_eq!(
        speaker(
            "After the vote, former senator Ada Lowe went on the radio, saying the field was weak."
        )
        .as_deref(),
        Some("former senator Ada Lowe")
    );
    // "donor" is a person noun too.
    assert_eq!(
        speaker(
            "After the vote, campaign donor Ada Lowe went on the radio, saying the field was weak."
        )
        .as_deref(),
        Some("campaign donor Ada Lowe")
    );
}

#[test]
fn an_abbreviated_state_after_an_opening_place_is_no_subject() {
    assert_eq!(
        quoted_speaker(
            "In Aspen, Colo., the graduate ended her speech with a line: \"Every obstacle yields.\""
        )
        .as_deref(),
        Some("the graduate")
    );
    // A name with its apposition is still the subject.
    assert_eq!(
        speaker("In Dover, Lowe, the mayor, said the plan would work.").as_deref(),
        Some("Lowe")
    );
}

#[test]
fn an_adverb_on_the_opening_subordinator_keeps_its_name_for_a_contracted_pronoun() {
    assert_eq!(
        speaker(
            "Ever since Ada Lowe announced her run last year, she's said the same thing at every \
             stop: \"It is not about me.\""
        )
        .as_deref(),
        Some("Ada Lowe")
    );
    assert_eq!(
        speaker(
            "Ever since Ada Lowe announced her run, she has said the same thing at every stop."
        )
        .as_deref(),
        Some("Ada Lowe")
    );
}

#[test]
fn a_cue_inside_the_opening_clause_yields_to_the_main_clause() {
    assert_eq!(
        speaker("While not everything Baker says is true, Jamison said Baker is \"telling his supporters what they want to hear.\"")
            .as_deref(),
        Some("Jamison")
    );
    assert_eq!(
        speaker("While only 7 percent said they are undecided, 27 percent of those who named a candidate said they could be persuaded.")
            .as_deref(),
        Some("27 percent of those")
    );
    // A dash pair inside the opening clause does not close it.
    assert_eq!(
        speaker("While some captains say the pier is safe - a common view - others say it is not.")
            .as_deref(),
        Some("others")
    );
    // "As X pointed out, …" attributes the main clause to X.
    assert_eq!(
        speaker(
            "As one ferry captain pointed out with a chart, the gap between the two fares is wide."
        )
        .as_deref(),
        Some("one ferry captain")
    );
}

#[test]
fn a_relative_clause_with_its_own_object_leaves_the_main_verb_main() {
    let s = "Some 27 percent of those who named a candidate said they could be persuaded.";
    let a = find(s, &quotes::spans(s, false)).expect("an attribution");
    assert_eq!(a.speaker, "Some 27 percent of those");
    assert!(!a.relative);
}

#[test]
fn a_phrase_with_a_past_tense_cue_after_said_is_the_reported_clause() {
    assert_eq!(
        speaker("Another pollster, Dana Wood of Harbor College, said his survey of dockworkers showed Mr. Baker's support holding steady after the vote.")
            .as_deref(),
        Some("Dana Wood")
    );
}

#[test]
fn an_inverted_speaker_may_carry_a_bare_role_appositive() {
    assert_eq!(
        speaker("Even as the race moves to Ashton, a town that she hoped to carry, the race will be tight, said Dan Gerst, director of Harbor Polling and an independent analyst in Ashton.")
            .as_deref(),
        Some("Dan Gerst")
    );
}

#[test]
fn a_day_after_later_sits_between_subject_and_cue() {
    assert_eq!(
        speaker(
            "Priebus later Thursday told Harbor Radio: \"Both of them are meeting next week.\""
        )
        .as_deref(),
        Some("Priebus")
    );
}

#[test]
fn an_opinion_verb_inverts_after_a_quotation() {
    assert_eq!(
        speaker("\"Owners should leave their guns at home,\" opined Ashton's Daily Ledger.")
            .as_deref(),
        Some("Ashton's Daily Ledger")
    );
    assert_eq!(
        speaker("\"It is over,\" reiterated the harbor master.").as_deref(),
        Some("the harbor master")
    );
}

#[test]
fn according_to_inside_a_that_clause_after_a_time_phrase_is_reported() {
    assert_eq!(
        speaker("Tun Aung, a member of the party's central executive committee, said Tuesday morning that according to its analysis, the party has won 82 percent of the vote.")
            .as_deref(),
        Some("Tun Aung")
    );
    assert_eq!(
        speaker("Win Lowe, a member of the harbor board, told reporters on Monday that according to its count, the port has lost 40 ships.")
            .as_deref(),
        Some("Win Lowe")
    );
    // A tail covers the whole sentence.
    assert_eq!(
        speaker("The harbor board announced last week that it hired a former aide, who has been outspoken on fares, according to the Ashton Ledger.")
            .as_deref(),
        Some("the Ashton Ledger")
    );
}

#[test]
fn an_existential_there_is_no_speaker() {
    assert_eq!(
        speaker("There's still time for Lowe to mend fences, even after repeatedly dismissing the board as \"a cartel\" and calling its chair a liar.")
            .as_deref(),
        None
    );
}

#[test]
fn a_contact_clause_pronoun_is_the_subject_of_its_cue() {
    assert_eq!(
        speaker("Here are five other things we've learned in the opening series of races.")
            .as_deref(),
        Some("we've")
    );
}

#[test]
fn a_passive_or_such_as_is_no_speaker() {
    assert_eq!(
        speaker("But which get answered says something about the candidates' priorities.")
            .as_deref(),
        None
    );
    assert_eq!(
        speaker("There have been sharper jabs, such as when Lowe knocked Vance on fares and called him \"timid,\" a dig at a rival.")
            .as_deref(),
        None
    );
}

#[test]
fn a_participle_in_a_short_opening_phrase_belongs_to_the_main_subject() {
    assert_eq!(
        speaker("One month after announcing his support for Lowe, Ada Vance still believes that the ferry is unsafe.")
            .as_deref(),
        Some("Ada Vance")
    );
    assert_eq!(
        speaker("Yet by calling out Lowe on the substance of her attack, Vance took a role that has become all too familiar.")
            .as_deref(),
        Some("Vance")
    );
    // A clause of its own keeps its subject.
    assert_eq!(
        speaker(
            "Lowe walked out of the hearing after saying the plan was unfair, and Vance stayed."
        )
        .as_deref(),
        Some("Lowe")
    );
}

#[test]
fn a_finding_read_in_a_poll_names_the_poll() {
    assert_eq!(
        speaker("Lowe held a 24-point lead among dockworkers in a Harbor Gazette national poll.")
            .as_deref(),
        Some("a Harbor Gazette national poll")
    );
    assert_eq!(
        speaker("Vance has a decisive lead in the polls ahead of the vote.").as_deref(),
        Some("the polls")
    );
    // A poll inside an opening phrase, or a noun with its own "of", is
    // no source.
    assert_eq!(
        speaker("Despite his low standing in the polls, Lowe had a plan ready.").as_deref(),
        None
    );
    assert_eq!(
        speaker("He has no interest in the polls of other towns.").as_deref(),
        None
    );
}

#[test]
fn an_intention_with_its_infinitive_is_a_stance() {
    assert_eq!(
        speaker("Lowe plans to be back in Ashton later Saturday to await the results.").as_deref(),
        Some("Lowe")
    );
    assert_eq!(
        speaker("Vance intends to run again.").as_deref(),
        Some("Vance")
    );
    // Nouns: "plans" after a modifier or a preposition, or with no
    // infinitive.
    for text in [
        "Lowe revised his withdrawal plans in October.",
        "My ferry plans aren't set in stone.",
        "The city plans a new pier.",
        "Vance built his agenda around plans to widen the harbor.",
    ] {
        assert_eq!(speaker(text), None, "{text}");
    }
}

#[test]
fn a_decision_with_its_infinitive_and_a_directive_on_an_object_are_stances() {
    for (text, who) in [
        ("Mayor Lowe decided to close the pier.", "Mayor Lowe"),
        (
            "Last October, Mayor Lowe changed course and decided to keep the ferry running.",
            "Mayor Lowe",
        ),
        (
            "A county judge ordered the harbor board to release the emails.",
            "A county judge",
        ),
        (
            "Judge Ada Park ordered that the records be released.",
            "Judge Ada Park",
        ),
    ] {
        assert_eq!(speaker(text).as_deref(), Some(who), "{text}");
    }
    // No infinitive, no object, or an adjective.
    for text in [
        "The board decided the fate of the pier on Monday.",
        "She has decided against running.",
        "The ordered list was long.",
        "Lowe ordered pizza for the crew.",
    ] {
        assert_eq!(speaker(text), None, "{text}");
    }
}

#[test]
fn a_cue_after_and_takes_the_subject_of_the_first_conjunct() {
    for (text, who) in [
        (
            "But the Court of Appeals for the 4th Circuit overruled and said Ashton already had enough polling places.",
            "the Court of Appeals for the 4th Circuit",
        ),
        (
            "A few minutes later they reversed themselves, rushed everyone inside the hall and said they will count the votes.",
            "they",
        ),
    ] {
        assert_eq!(speaker(text).as_deref(), Some(who), "{text}");
    }
    // A relative clause's antecedent may stand before the conjunct's
    // clause.
    assert_eq!(
        speaker("The harbor plan has won over Lowe, who came out and endorsed the levy.")
            .as_deref(),
        Some("Lowe")
    );
    // A participle with its agent is no verb of the first conjunct.
    assert_eq!(
        speaker("But a screen image captured by the site showed that Lowe had shared it and added a comment.")
            .as_deref(),
        Some("the site")
    );
}

#[test]
fn an_opening_phrase_after_a_strong_cue_keeps_the_reported_clause_its_own() {
    assert_eq!(
        speaker("One Republican hopeful, Ada Lowe, says despite being a Harbor alumna, she plans to root for Dover.")
            .as_deref(),
        Some("Ada Lowe")
    );
    // A weak cue's "when" clause leaves a later tail its own.
    assert_eq!(
        speaker("Dover did not complain when the levy helped growth, a harbor official said.")
            .as_deref(),
        Some("a harbor official")
    );
}

#[test]
fn then_right_after_its_subject_is_an_adverb_not_a_conjunction() {
    assert_eq!(
        speaker("The union's statement then declares \"the strike is over.\"").as_deref(),
        Some("The union's statement")
    );
    assert_eq!(
        speaker("The mayor then recalled a night when the ferry ran aground.").as_deref(),
        Some("The mayor")
    );
    // After a verb phrase it joins a second verb to the same subject.
    assert_eq!(
        speaker("Lee met the board, then said the port would open.").as_deref(),
        Some("Lee")
    );
}

#[test]
fn an_adjective_or_latin_singular_in_s_is_no_plural_before_a_base_form() {
    // "state" is a base-form cue only after a plural, a name or an auxiliary.
    assert_eq!(
        speaker("Lowe has been touring the coast to win the most populous state and its ports.")
            .as_deref(),
        None
    );
    assert_eq!(
        speaker("The two are locked in a tight race in the first caucus state this winter.")
            .as_deref(),
        None
    );
    assert_eq!(
        speaker("Dockers state that the port is unsafe.").as_deref(),
        Some("Dockers")
    );
}

#[test]
fn an_abbreviated_month_inside_a_subject_closes_no_clause() {
    assert_eq!(
        speaker("The Labour nominee for the Nov. 8 election later said he was joking.").as_deref(),
        Some("The Labour nominee for the Nov. 8 election")
    );
    assert_eq!(
        speaker("A Feb. 1 letter from the harbor board warns that \"the port will close.\"")
            .as_deref(),
        Some("A Feb. 1 letter from the harbor board")
    );
}

#[test]
fn the_agent_of_a_passive_speech_verb_is_the_speaker() {
    assert_eq!(
        speaker("Brill was asked by moderator Tom Kane whether the levy would pass.").as_deref(),
        Some("moderator Tom Kane")
    );
    assert_eq!(
        speaker("The dockers were told by the board that pay would rise.").as_deref(),
        Some("the board")
    );
    // Not passive: the questions reporters asked stay theirs.
    assert_eq!(
        speaker("The questions asked by reporters went unanswered.").as_deref(),
        None
    );
}

#[test]
fn a_role_noun_of_wealth_leads_on_to_the_name() {
    let a = find(
        "Shipping tycoon Ola Brandt drew boos when he told the board to wait.",
        &[],
    );
    assert_eq!(
        a.as_ref().map(|a| a.speaker.as_str()),
        Some("Shipping tycoon Ola Brandt")
    );
}

#[test]
fn a_conjunction_may_stand_on_an_opening_subordinator() {
    let a = find(
        "And while Lowe lagged behind her rivals on the levy, she has repeatedly called for a vote.",
        &[],
    );
    assert_eq!(a.as_ref().map(|a| a.speaker.as_str()), Some("Lowe"));
}

#[test]
fn a_second_that_clause_is_still_the_cues_reported_words() {
    let text = "Harbor editor Ola Brandt noted that the odds were low, and that riders should worry about fares.";
    assert_eq!(speaker(text).as_deref(), Some("Harbor editor Ola Brandt"));
    let lowered = text.to_ascii_lowercase();
    let spans = quotes::spans(text, false);
    let sentence = Sentence::new(text, &lowered, &spans);
    let toks = sentence.toks();
    // "riders should worry" is what Brandt noted, not a second source.
    let cues: Vec<&str> = candidates(toks).iter().map(|c| toks[c.cue].lw).collect();
    assert_eq!(cues, ["noted"]);
}

#[test]
fn they_after_an_opening_clause_means_its_plural_subject() {
    let a = find(
        "While many harbor watchers expect Lowe to win, they say she will have to work for it.",
        &[],
    );
    assert_eq!(
        a.as_ref().map(|a| a.speaker.as_str()),
        Some("many harbor watchers")
    );
    let a = find(
        "While civil rights groups like the Dock Union praised the plan, they said it went too far.",
        &[],
    );
    assert_eq!(
        a.as_ref().map(|a| a.speaker.as_str()),
        Some("civil rights groups")
    );
    // A condition names whom it is about.
    let a = find("If dockers strike, they said, the port will close.", &[]);
    assert_eq!(a.as_ref().map(|a| a.speaker.as_str()), Some("they"));
}

#[test]
fn a_kind_of_show_makes_show_a_noun() {
    assert_eq!(
        speaker("Talk show host Ola Brandt drew a crowd at the pier on Sunday.").as_deref(),
        None
    );
    assert_eq!(
        speaker("Lowe named \"Harbor Lights\" as her favorite TV show.").as_deref(),
        None
    );
    // A capital is a name, and the footage of a game may show.
    assert_eq!(
        speaker("A poll by Harbor News shows Lowe ahead.").as_deref(),
        Some("Harbor News")
    );
    assert_eq!(
        speaker("Footage from the game shows that fans stormed the pitch.").as_deref(),
        Some("Footage from the game")
    );
}

#[test]
fn a_long_appositive_closed_by_a_quoted_title_leaves_the_name_the_subject() {
    assert_eq!(
        speaker(
            "Lowe, the longtime owner of the ferry line and host of the radio show \"Harbor Talk,\" said that fares would rise."
        )
        .as_deref(),
        Some("Lowe")
    );
}

#[test]
fn the_owner_of_the_words_speaks_an_unattributed_quotation() {
    assert_eq!(
        quoted_speaker("Lowe's response was that \"the port will reopen in May.\"").as_deref(),
        Some("Lowe")
    );
    assert_eq!(
        quoted_speaker("The Harbor senator's answer was that \"the family comes first.\"")
            .as_deref(),
        Some("The Harbor senator")
    );
}
