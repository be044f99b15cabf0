//! Speaker finding on sentences written for these tests: cues before and
//! after the speaker, tails, appositives, nouns that look like cues.

use super::*;
use crate::claims::quotes;

#[test]
fn speaker_before_and_after_the_quote() {
    assert_eq!(
        speaker("\"We will not yield,\" said Deputy Trade Minister Olga Brandt.").as_deref(),
        Some("Deputy Trade Minister Olga Brandt")
    );
    assert_eq!(
        speaker("Mayor Lin Park said: \"The bridge opens in May.\"").as_deref(),
        Some("Mayor Lin Park")
    );
    assert_eq!(
        speaker("\"The bridge opens in May,\" Park told reporters on Friday.").as_deref(),
        Some("Park")
    );
}

#[test]
fn appositives_and_relative_clauses() {
    assert_eq!(
        speaker("Dunmore, a longtime council ally, said the vote was rigged.").as_deref(),
        Some("Dunmore")
    );
    assert_eq!(
        speaker("The plan was backed by Ortiz, who has said it will pass.").as_deref(),
        Some("Ortiz")
    );
}

#[test]
fn according_to_and_tail_attribution() {
    assert_eq!(
        speaker("According to a senior port official, the cranes were idle.").as_deref(),
        Some("a senior port official")
    );
    assert_eq!(
        speaker("The cranes were idle for a week, the source added.").as_deref(),
        Some("the source")
    );
    // The day after a participle of publication ends the phrase; the
    // participle goes with it.
    assert_eq!(
        speaker(
            "Most dockers back the strike, according to a Harbor Gazette poll released Sunday."
        )
        .as_deref(),
        Some("a Harbor Gazette poll")
    );
    assert_eq!(
        speaker("The yard lost $2 million, according to a lawsuit filed in Ashton.").as_deref(),
        Some("a lawsuit")
    );
    // After another noun the participle may be a clause's verb.
    assert_eq!(
        speaker("Dock pay rose 4%, according to figures the union released Monday.").as_deref(),
        Some("figures the union released")
    );
}

#[test]
fn paragraph_speakers() {
    assert_eq!(block_speaker("HOLM: We will vote no."), Some("HOLM"));
    assert_eq!(
        block_speaker("\"The vote was a farce.\" - Ida Marsh, nurse"),
        Some("Ida Marsh")
    );
    assert_eq!(block_speaker("Note: the vote was close."), None);
    assert_eq!(block_speaker("The vote was close."), None);
}

#[test]
fn nouns_and_passives_are_not_cues() {
    assert_eq!(speaker("His claims were rejected by the court."), None);
    assert_eq!(speaker("The reported deal collapsed in March."), None);
    assert_eq!(speaker("Residents were told to leave."), None);
    assert_eq!(speaker("The harbor is busy in summer."), None);
    // A headline's passive: a state found of them, not their finding.
    assert_eq!(
        speaker("Two climbers found dead below the north face"),
        None
    );
    assert_eq!(speaker("The skipper was found guilty on Monday."), None);
    assert_eq!(speaker("Hundreds feared trapped after the quake."), None);
    assert_eq!(speaker("Six sailors feared lost at sea"), None);
    assert_eq!(
        speaker("Inspectors found that the hull was cracked.").as_deref(),
        Some("Inspectors")
    );
}

#[test]
fn feeling_words_without_be_are_cues() {
    assert_eq!(
        speaker("Local farmers worried that the dam would fail.").as_deref(),
        Some("Local farmers")
    );
    assert_eq!(
        speaker("The farmers were worried that the dam would fail.").as_deref(),
        Some("The farmers")
    );
}

#[test]
fn a_relative_clause_cue_yields_to_the_main_clause() {
    assert_eq!(
        speaker("Lund mocked the mayor, claiming he knew an engineer who said the dam leaks.")
            .as_deref(),
        Some("Lund")
    );
}

#[test]
fn participle_after_a_document_noun() {
    assert_eq!(
        speaker("After the vote, the harbor board issued a statement calling the delay unfair.")
            .as_deref(),
        Some("the harbor board")
    );
    assert_eq!(
        speaker("Several local fishing unions sued the port, saying the rules were unfair.")
            .as_deref(),
        Some("Several local fishing unions")
    );
}

#[test]
fn implausible_speaker_phrases_are_dropped() {
    assert_eq!(
        speaker("Gov. Ann Lee (R-IN) said the port would reopen.").as_deref(),
        Some("Gov. Ann Lee (R-IN)")
    );
    assert_eq!(
        speaker("They read the ledger-and found that the fund was empty."),
        None
    );
    assert_eq!(speaker("HARBOR BOARD SAYS NO - The plan failed."), None);
    // A piece of a prepositional phrase names no one.
    assert_ne!(
        speaker("In a string of new radio ads announced Friday, the mayor talks about the port.")
            .as_deref(),
        Some("of new radio ads")
    );
    assert_eq!(
        speaker("Get those boats out, adding ballast.").as_deref(),
        None
    );
}

#[test]
fn said_after_a_comma_takes_the_speaker_after_it() {
    assert_eq!(
        speaker("Rents rose for most tenants, but for some, the cuts were worse, said Marlow.")
            .as_deref(),
        Some("Marlow")
    );
    assert_eq!(
        speaker("The talks went badly from there, said one union source in the room.").as_deref(),
        Some("one union source")
    );
    // A named subject with an appositive keeps the cue's object apart.
    assert_eq!(
        speaker("Ada Wren, who runs the ferry office, said the timetable was wrong.").as_deref(),
        Some("Ada Wren")
    );
    assert_eq!(
        speaker("Ada Wren, a ferry clerk, noted the rule in the interview.").as_deref(),
        Some("Ada Wren")
    );
}

#[test]
fn weak_cues_near_the_end_are_not_tails() {
    assert_eq!(
        speaker(
            "Voters learned again that, whatever the stakes, Vance will insist on being Vance."
        )
        .as_deref(),
        Some("Voters")
    );
}

#[test]
fn subjects_around_infinitives_pronouns_and_relative_clauses() {
    assert_eq!(
        speaker("The nominee continues to insist that the returns are ready.").as_deref(),
        Some("The nominee")
    );
    assert_eq!(
        speaker("Those close to him say that he will run again.").as_deref(),
        Some("Those close to him")
    );
    assert_eq!(
        speaker("One of the doctors who signed the letter called Vance a quack.").as_deref(),
        Some("One of the doctors")
    );
    assert_eq!(
        speaker("No one expected a full hour of policy talk.").as_deref(),
        Some("No one")
    );
    assert_eq!(
        speaker("The tenants watched it, lawyers for the family said.").as_deref(),
        Some("lawyers for the family")
    );
}

#[test]
fn time_phrases_and_openers_are_not_subjects() {
    assert_eq!(
        speaker("A Harbor University poll released in late August found that most voters agree.")
            .as_deref(),
        Some("A Harbor University poll")
    );
    assert_eq!(
        speaker("In the wake of the Ledger report, Hobbs has portrayed himself as a reformer."),
        None
    );
    assert_eq!(
        speaker("Much of the rise is due to the harsh laws proposed by Governor Hale."),
        None
    );
}

#[test]
fn nouns_that_look_like_cues() {
    // A count, a possessive or a party adjective before the word.
    assert_eq!(speaker("Twelve states joined the suit in May."), None);
    assert_eq!(
        speaker("The money went to the singer's new show in Ohio."),
        None
    );
    assert_eq!(
        speaker("The board rated half of Republican claims as false."),
        None
    );
    assert_eq!(speaker("The real Vance showed up at the debate."), None);
    assert_eq!(
        speaker("Even a small shift in the battleground states in May would hurt."),
        None
    );
    assert_eq!(
        speaker("It ran near a mountain stream called Miracle Run."),
        None
    );
    assert_eq!(
        speaker("The rules help Mr. Lowe maintain the image of a reformer."),
        None
    );
    // A name opened by an article modifies a base-form noun; a plural
    // name is still a subject.
    assert_eq!(
        speaker("The clip was about a Harbor Gazette report from May that the fund ran dry."),
        None
    );
    assert_eq!(
        speaker("The Wrens say the fund ran dry."),
        Some("The Wrens".into())
    );
}

#[test]
fn a_colon_label_owns_only_the_quotation_right_after_it() {
    let subject = |t: &str| quote_subject(t, &quotes::spans(t, false));
    assert_eq!(
        subject("Dock Fees Rise Again: Calling it \"a quiet tax on fish\" is how many see it."),
        None
    );
    assert_eq!(
        subject("Mayor Ivo Brandt: \"We will not close the port.\""),
        Some("Mayor Ivo Brandt".into())
    );
}

#[test]
fn openers_names_and_relative_clauses() {
    assert_eq!(
        speaker("Asked about the mayor's claim, Lowe said, \"We should wait.\"").as_deref(),
        Some("Lowe")
    );
    assert_eq!(
        speaker("Prime Minister Ada May said the talks would resume.").as_deref(),
        Some("Prime Minister Ada May")
    );
    // "Ted Vance endorses Lowe, …" would be a stance of Vance's: a verb
    // that is no cue leaves the relative clause's speaker.
    let a = find(
        "Ted Vance thanks Lowe, who says he is honored.",
        &quotes::spans("Ted Vance thanks Lowe, who says he is honored.", false),
    );
    assert_eq!(a.as_ref().map(|a| a.speaker.as_str()), Some("Lowe"));
    assert!(a.is_some_and(|a| a.relative));
    assert_eq!(
        speaker("Everyone I interviewed said the plan was sound.").as_deref(),
        Some("Everyone")
    );
    assert_eq!(
        speaker("Experts on Korea and arms control said the test failed.").as_deref(),
        Some("Experts on Korea and arms control")
    );
}

#[test]
fn relative_pronouns_after_contractions_and_dashes() {
    assert_eq!(
        speaker("It is a big issue, with Susan Lowe - who's called for higher taxes - attacking the plan.")
            .as_deref(),
        Some("Susan Lowe")
    );
    assert_eq!(
        speaker(
            "She named 95 retired admirals - most of whom had backed her - who cited her record."
        )
        .as_deref(),
        Some("95 retired admirals")
    );
}

#[test]
fn quantifiers_open_a_clause_as_subjects() {
    assert_eq!(
        speaker("Some believe the vote in Brill shows the council is worried.").as_deref(),
        Some("Some")
    );
}

#[test]
fn a_name_inside_the_clause_before_said_is_not_its_subject() {
    assert_eq!(
        speaker(
            "The reply did not go over well with Brill, and talks stalled, said one union source."
        )
        .as_deref(),
        Some("one union source")
    );
}

#[test]
fn a_participle_on_a_name_speaks_for_it() {
    assert_eq!(
        speaker("The ad ends with footage of Vance saying in May, \"That makes me smart.\"")
            .as_deref(),
        Some("Vance")
    );
}

#[test]
fn a_quantifier_opening_its_clause_is_the_speaker() {
    assert_eq!(
        speaker("But many argue that the ferry fares are too high.").as_deref(),
        Some("many")
    );
    assert_eq!(
        speaker("After a long night, all agreed that the vote should wait.").as_deref(),
        Some("all")
    );
    // A floating "all" after its subject is no quantifier subject.
    assert_eq!(
        speaker("The mayors all agreed that the vote should wait.").as_deref(),
        Some("The mayors")
    );
}

#[test]
fn as_someone_put_it() {
    assert_eq!(
        speaker(
            "As Dr. Ines Lowry put it during the hearing, the dam is \"older than all of us.\""
        )
        .as_deref(),
        Some("Dr. Ines Lowry")
    );
    // "put it" without "as" is an ordinary verb.
    assert_eq!(speaker("Lowry put it on the table before the vote."), None);
}

#[test]
fn by_one_estimate_names_the_estimate() {
    assert_eq!(
        speaker("Some 40 homes were lost to the flood, by one estimate.").as_deref(),
        Some("one estimate")
    );
}

#[test]
fn echo_reports_a_view() {
    assert_eq!(
        speaker("Several farm groups echoed the warning on Tuesday.").as_deref(),
        Some("Several farm groups")
    );
}

#[test]
fn a_cue_inside_reported_words_is_not_the_attribution() {
    // "believes" reports Hale's words; Hale is the speaker, not "he".
    assert_eq!(
        speaker(
            "The board met on Monday, shortly after Hale said he now believes the pier was built lawfully."
        )
        .as_deref(),
        Some("Hale")
    );
}

#[test]
fn it_after_an_opening_clause_means_its_named_subject() {
    assert_eq!(
        speaker("Although the Harbor Board did not name the mayor, it warned of \"rising costs\" at the port.")
            .as_deref(),
        Some("the Harbor Board")
    );
    // Only a named subject: "the vote" is no source.
    assert_eq!(
        speaker("When the vote failed, it warned of rising costs at the port.").as_deref(),
        Some("it")
    );
}

#[test]
fn a_junior_suffix_does_not_end_the_name() {
    assert_eq!(
        speaker("Speaking in Ashton on Monday, Ivo R. Marsh Jr. responded to the mayor's claim that fees are fair.")
            .as_deref(),
        Some("Ivo R. Marsh Jr.")
    );
}

#[test]
fn the_author_of_a_written_work() {
    assert_eq!(
        speaker("\"Salt Roads (Live)\" was written by Ostrander after the storm that flooded the quarter.")
            .as_deref(),
        Some("Ostrander")
    );
}

#[test]
fn referenced_reports_what_a_source_mentions() {
    assert_eq!(
        speaker("The union's letter also referenced the delays that hit the line last spring.")
            .as_deref(),
        Some("The union's letter")
    );
}

#[test]
fn one_before_a_noun_is_its_determiner() {
    assert_eq!(
        speaker("Though the levy is small, one study found it would hurt small ports.").as_deref(),
        Some("one study")
    );
}

#[test]
fn an_irregular_plural_is_no_antecedent_for_he() {
    assert_eq!(
        speaker("People like Marsh, he said.").as_deref(),
        Some("he")
    );
}

#[test]
fn an_opening_word_is_only_a_guessed_antecedent() {
    let find_one = |t: &str| find(t, &quotes::spans(t, false)).expect("an attribution");
    // Nothing shows "Lately" is a person: the pronoun is kept for the
    // article's memory to resolve.
    let guess = find_one("Lately, she said, the ferry fares have doubled twice.");
    assert!(
        guess.speaker == "she" || guess.pronoun.as_deref() == Some("she"),
        "{guess:?}"
    );
    // A name of several words, or a verb after the subject, shows it.
    let named = find_one("Ines Vaz has said she will run the port herself.");
    assert_eq!(named.speaker, "Ines Vaz");
    assert_eq!(named.pronoun, None);
    let verb = find_one("Vaz has said she will run the port herself.");
    assert_eq!(verb.speaker, "Vaz");
    assert_eq!(verb.pronoun, None);
}

#[test]
fn an_adverb_opening_an_introductory_phrase_is_skipped() {
    assert_eq!(
        speaker(
            "Shortly after the vote ended, Mayor Ines Vaz issued a statement saying the port would close."
        )
        .as_deref(),
        Some("Mayor Ines Vaz")
    );
    assert_eq!(
        speaker("Early in the season, Vaz issued a note warning that fares would rise.").as_deref(),
        Some("Vaz")
    );
}

#[test]
fn a_linking_word_before_a_name_opens_the_main_clause() {
    assert_eq!(
        speaker("And Mayor Ines Vaz went on the offensive, saying the fares were fair.").as_deref(),
        Some("Mayor Ines Vaz")
    );
    assert_eq!(
        speaker("But then Vaz changed course, saying the port would stay open.").as_deref(),
        Some("Vaz")
    );
    // Before a phrase up to a comma, the subject still follows the comma.
    assert_eq!(
        speaker("But a week later, Vaz reversed herself, saying the port would close.").as_deref(),
        Some("Vaz")
    );
}

#[test]
fn a_title_runs_through_role_nouns_to_the_name() {
    assert_eq!(
        speaker("Former Labour leadership candidate Ines Vaz broke with the party, saying the port would close.")
            .as_deref(),
        Some("Former Labour leadership candidate Ines Vaz")
    );
    // "he" inside the sentence means the titled name before it.
    assert_eq!(
        speaker("Green Party front-runner Tomas Egger has said he will run again.").as_deref(),
        Some("Green Party front-runner Tomas Egger")
    );
    // A verb is no role noun: the name ends before it.
    assert_eq!(
        speaker("Mayor Vaz blasts Egger, saying the port would close.").as_deref(),
        Some("Mayor Vaz")
    );
}

#[test]
fn a_place_and_its_region_stay_in_the_opening_phrase() {
    assert_eq!(
        speaker("At a rally in Dover, Kent, on Tuesday, Mayor Ines Vaz endorsed Egger, saying he would win.")
            .as_deref(),
        Some("Mayor Ines Vaz")
    );
}

#[test]
fn an_opening_name_before_an_aside_with_places() {
    assert_eq!(
        speaker("Vaz, speaking at a rally in Dover, Kent, warned that the port would close.")
            .as_deref(),
        Some("Vaz")
    );
    assert_eq!(
        speaker("The harbor board has twice complained that the port would close.").as_deref(),
        Some("The harbor board")
    );
}

#[test]
fn a_name_set_off_after_a_role_noun_is_the_speaker() {
    assert_eq!(
        speaker(
            "In a note to the Herald, her senior adviser, Tomas Egger, said the port would close."
        )
        .as_deref(),
        Some("Tomas Egger")
    );
}

#[test]
fn manner_of_speaking_verbs_are_cues() {
    assert_eq!(
        speaker("\"Open the gates,\" shouted one dock worker.").as_deref(),
        Some("one dock worker")
    );
    assert_eq!(
        speaker("\"Not yet,\" the clerk whispered to the mayor.").as_deref(),
        Some("the clerk")
    );
    assert_eq!(
        speaker("Councillor Ines Roth clarified that the levy ends in June.").as_deref(),
        Some("Councillor Ines Roth")
    );
    // The noun stays a noun.
    assert_eq!(speaker("The shouts from the pier grew louder."), None);
}

#[test]
fn continued_reports_words_only_when_it_introduces_them() {
    // Going on, not speaking.
    assert_eq!(speaker("The strike continued into a second week."), None);
    assert_eq!(speaker("Talks at the harbor continued on Monday."), None);
    assert_eq!(
        speaker("The crowd cheers, and then Kell continues: \"The port will grow.\"").as_deref(),
        Some("Kell")
    );
    assert_eq!(
        speaker("\"We are not done,\" continued Mayor Ada Lowe.").as_deref(),
        Some("Mayor Ada Lowe")
    );
}

#[test]
fn a_quotation_ending_in_a_form_of_be_keeps_its_tail_speaker() {
    // "was," closes the quotation: no passive "was said".
    assert_eq!(
        speaker("\"You know how hard it was,\" said Tom Lade, a city pollster.").as_deref(),
        Some("Tom Lade")
    );
    assert_eq!(
        speaker("''Nobody knows where it is,'' said Ines Varga.").as_deref(),
        Some("Ines Varga")
    );
    assert_eq!(speaker("The levy was said to be final."), None);
}

#[test]
fn a_noun_cue_after_a_past_tense_is_its_object() {
    assert_eq!(
        speaker(
            "Ruth Bell, a harbor researcher, cited reports that Kane said the dock would close."
        )
        .as_deref(),
        Some("Ruth Bell")
    );
    assert_eq!(
        speaker("The mayor denied claims that the port would close.").as_deref(),
        Some("The mayor")
    );
    // Without a past tense before it the word is the verb.
    assert_eq!(
        speaker("The harbor board claims that the port will close.").as_deref(),
        Some("The harbor board")
    );
}

#[test]
fn a_relative_clause_on_the_subject_is_skipped_back_to_its_noun() {
    assert_eq!(
        speaker("So even economists who favor port taxes agree that change will be slow.")
            .as_deref(),
        Some("economists")
    );
}

#[test]
fn an_adverb_on_an_opening_subordinator_and_a_longer_relative_clause() {
    assert_eq!(
        speaker(
            "Ever since she joined the board, Ms. Vance has been busy, saying the port must grow."
        )
        .as_deref(),
        Some("Ms. Vance")
    );
    assert_eq!(
        speaker("A harbor official who spoke anonymously to discuss internal plans said the dock would close.")
            .as_deref(),
        Some("A harbor official")
    );
}

#[test]
fn written_words_read_sung_and_posted() {
    assert_eq!(
        speaker("\"Vote no on the levy,\" the email read.").as_deref(),
        Some("the email")
    );
    assert_eq!(
        speaker("A sign on the gate reads \"Closed for repairs.\"").as_deref(),
        Some("A sign on the gate")
    );
    // Reading a report is not reporting.
    assert_eq!(speaker("The students read the harbor report aloud."), None);
    assert_eq!(
        speaker("\"The dock is ours,\" posted Ada Lowe on Sunday.").as_deref(),
        Some("Ada Lowe")
    );
    // What was posted is no speaker.
    assert_eq!(
        speaker("Ada Lowe, who starred in \"Dock Days,\" posted the clip on Sunday."),
        None
    );
    assert_eq!(
        speaker("As the band sang in 1985, \"The river runs to the sea.\"").as_deref(),
        Some("the band")
    );
}

#[test]
fn a_day_after_the_subject_is_not_part_of_it() {
    assert_eq!(
        speaker("The harbor board Thursday proposed two rules for the port.").as_deref(),
        Some("The harbor board")
    );
    assert_eq!(
        speaker("A harbor report filed Monday says that the dock is safe.").as_deref(),
        Some("A harbor report")
    );
    // A day inside a name stays in the phrase.
    let s = speaker("Voters going to the polls on Super Tuesday said the levy is too high.");
    assert!(
        s.as_deref().is_some_and(|s| s.ends_with("Super Tuesday")),
        "{s:?}"
    );
}

#[test]
fn adjectives_that_look_like_cues() {
    assert_eq!(speaker("Her silence is telling in its own right."), None);
    assert_eq!(
        speaker("Lowe is telling reporters that the dock will close.").as_deref(),
        Some("Lowe")
    );
    assert_eq!(
        speaker("Yet her five proposed bills went nowhere in the council."),
        None
    );
    assert_eq!(
        speaker("Two said they would vote against the levy.").as_deref(),
        Some("Two")
    );
    assert_eq!(
        speaker("The statement by the two suggested both are ready.").as_deref(),
        Some("the two")
    );
}

/// "add" reports words ("Lee added that …", "…,\" she added"), not a
/// quantity added ("the detour adds about 15 minutes").
#[test]
fn adding_a_quantity_is_no_cue() {
    for text in [
        "Drivers will use the ring road, which adds about 15 minutes to the trip.",
        "Ferries will add two extra crossings each morning.",
        "The expansion added 200 jobs last year.",
        "The new terminal adds $40 million to the budget.",
    ] {
        assert_eq!(speaker(text), None, "{text}");
    }
    assert_eq!(
        speaker("The mayor added that 200 jobs would be cut.").as_deref(),
        Some("The mayor")
    );
    assert_eq!(
        speaker("\"We will cut 200 jobs,\" the mayor added.").as_deref(),
        Some("the mayor")
    );
    assert_eq!(
        speaker("\"It is over,\" added another harbor official.").as_deref(),
        Some("another harbor official")
    );
}

/// "to" ends a speaker phrase ("said to the crowd"), except after a role
/// that serves someone: the aide is the speaker, not the mayor.
#[test]
fn a_role_serving_someone_keeps_its_to_phrase() {
    assert_eq!(
        speaker("Later, an aide to the mayor said the city would cut 40 jobs.").as_deref(),
        Some("an aide to the mayor")
    );
    assert_eq!(
        speaker("A senior adviser to Governor Ada Wren said the plan was dead.").as_deref(),
        Some("A senior adviser to Governor Ada Wren")
    );
    assert_eq!(
        speaker("The mayor told the council the plan was dead.").as_deref(),
        Some("The mayor")
    );
}

#[test]
fn a_role_noun_with_its_complement_and_an_adverb_opener() {
    assert_eq!(
        speaker("A spokesman for the harbor firm declined to comment but said in a statement that the firm acted.")
            .as_deref(),
        Some("A spokesman for the harbor firm")
    );
    assert_eq!(
        speaker("Essentially, the mayor's lawyers looked through the files and found that one clerk had a city address.")
            .as_deref(),
        Some("the mayor's lawyers")
    );
    assert_eq!(
        speaker(
            "Essentially, Lowe's lawyers looked through the files and found that one clerk lied."
        )
        .as_deref(),
        Some("Lowe's lawyers")
    );
    assert_eq!(
        speaker("Kelly, the harbor master, said the dock would close.").as_deref(),
        Some("Kelly")
    );
}

#[test]
fn a_name_label_speaks_for_its_paragraph() {
    assert_eq!(
        block_speaker("Maria Lowe: I'd consider another run for mayor."),
        Some("Maria Lowe")
    );
    assert_eq!(
        block_speaker("Paul Egger: \"The dock stays open.\""),
        Some("Paul Egger")
    );
    // Headings and run-in labels without a given name are no speakers.
    assert_eq!(block_speaker("Breaking News: the dock is closed."), None);
    // A kicker in capitals is no transcript label; a name in capitals is.
    assert_eq!(block_speaker("BYLINE: Maria Lowe."), None);
    assert_eq!(block_speaker("UPDATE: The dock reopened at noon."), None);
    assert_eq!(
        block_speaker("LOWE: We will reopen the dock."),
        Some("LOWE")
    );
    assert_eq!(
        block_speaker("Harbor Fees Rise: what it means for you."),
        None
    );
    // An interview's turn markers name no one.
    assert_eq!(block_speaker("Q: Will the dock reopen this year?"), None);
    assert_eq!(block_speaker("A: I expect it to reopen by June."), None);
}

#[test]
fn spans_of_time_naming_and_quoting() {
    assert_eq!(
        speaker("The harbor board less than two weeks ago said that the dock is safe.").as_deref(),
        Some("The harbor board")
    );
    assert_eq!(
        speaker("As the harbor master puts it, \"The tide decides.\"").as_deref(),
        Some("the harbor master")
    );
    assert_eq!(
        speaker(
            "One sign read \"Save the dock,\" a slogan used by a group called the \"Harbor Fund.\""
        )
        .as_deref(),
        Some("One sign")
    );
    assert_eq!(
        speaker("The radio station quoted a dock worker as saying the gates were shut.").as_deref(),
        Some("The radio station")
    );
}

#[test]
fn asides_modifiers_role_phrases_and_title_case_cues() {
    assert_eq!(
        speaker("Omar Reyes - a teacher from the east side - says he made a late decision.")
            .as_deref(),
        Some("Omar Reyes")
    );
    assert_eq!(
        speaker("Kell however said he would welcome the board's help.").as_deref(),
        Some("Kell")
    );
    assert_eq!(
        speaker(
            "A person familiar with the planning for the meeting says the talks will focus on fees."
        )
        .as_deref(),
        Some("A person familiar with the planning for the meeting")
    );
    assert_eq!(
        speaker("Harbor Chief Ines Vaz Says The Port Will Reopen In May").as_deref(),
        Some("Harbor Chief Ines Vaz")
    );
    assert_eq!(
        speaker("The Port Is Like A Sinking Ship, Harbor Chief Says").as_deref(),
        Some("Harbor Chief")
    );
    // A base form after a modal in a title is no cue of its own.
    assert_eq!(speaker("I Think Voters Will Say No To The Levy"), None);
    // In running text a capitalised "Says" is a name or a title, not a cue.
    assert_eq!(
        speaker("The band Says Who played at the pier on Friday."),
        None
    );
}

#[test]
fn a_cue_opening_the_clause_after_a_colon() {
    assert_eq!(
        speaker("And it has not gone unnoticed: According to recent polls, Lowe trails.")
            .as_deref(),
        Some("recent polls")
    );
}

#[test]
fn a_plural_head_before_close_to_is_the_subject_of_a_base_form() {
    assert_eq!(
        speaker("Rather, sources close to her campaign say she stands behind the mayor.")
            .as_deref(),
        Some("sources close to her campaign")
    );
    assert_eq!(
        speaker("People familiar with the talks say a deal is near.").as_deref(),
        Some("People familiar with the talks")
    );
}

#[test]
fn a_participle_phrase_on_the_subject_keeps_its_head() {
    assert_eq!(
        speaker("A union official speaking to local radio said, \"The dockers will not return.\"")
            .as_deref(),
        Some("A union official speaking to local radio")
    );
    assert_eq!(
        speaker("Residents walking along the river shouted \"Open the gates!\" until dusk.")
            .as_deref(),
        Some("Residents walking along the river")
    );
    assert_eq!(
        speaker("A lawyer representing the dockers said the offer was \"an insult.\"").as_deref(),
        Some("A lawyer representing the dockers")
    );
    // A noun in -ing after a determiner is no participle.
    assert_eq!(
        speaker("The housing minister said the plan was \"overdue.\"").as_deref(),
        Some("The housing minister")
    );
}

#[test]
fn polls_and_surveys_report_what_they_found() {
    assert_eq!(
        speaker("A new poll shows Mayor Lee leading her rival by five points.").as_deref(),
        Some("A new poll")
    );
    assert_eq!(
        speaker("At least half of commuters in each town say the fares are too high.").as_deref(),
        Some("At least half of commuters in each town")
    );
    assert_eq!(
        speaker("Most riders surveyed say they would switch to buses.").as_deref(),
        Some("Most riders surveyed")
    );
    // A singular noun before a base form is no subject of it.
    assert_eq!(speaker("The harbor town say goodbye to its ferry."), None);
    // A possessive on a plural subject, an irregular plural, a share.
    assert_eq!(
        speaker("Mayor Lee's advisers say the fare freeze will hold.").as_deref(),
        Some("Mayor Lee's advisers")
    );
    assert_eq!(
        speaker("Even so, the women say the crew checks every ticket.").as_deref(),
        Some("the women")
    );
    assert_eq!(
        speaker("About one in five say they would stop riding the ferry.").as_deref(),
        Some("one in five")
    );
    assert_eq!(
        speaker("One in four riders said the ferry was late.").as_deref(),
        Some("One in four riders")
    );
    assert_eq!(
        speaker("Only 26 percent say they ride every day.").as_deref(),
        Some("26 percent")
    );
    // "The singer's new show" is still a noun.
    assert_eq!(speaker("The singer's new show opens on Friday."), None);
}

#[test]
fn an_opening_phrase_can_name_the_source() {
    let of = |text: &str| {
        let lowered = text.to_ascii_lowercase();
        find_in(&Sentence::new(text, &lowered, &[])).map(|a| a.speaker)
    };
    assert_eq!(
        of("In a new poll released Monday, 52 percent of riders backed the fare freeze.")
            .as_deref(),
        Some("a new poll")
    );
    assert_eq!(
        of("In an Ashton Herald/Bay College poll released Monday, 48 percent backed it.")
            .as_deref(),
        Some("an Ashton Herald/Bay College poll")
    );
    assert_eq!(
        of("In a speech Friday, Lowe laid out her plan for the docks.").as_deref(),
        Some("Lowe")
    );
    // A title after the comma is no name.
    assert_eq!(
        of("In a memoir, In the Harbor We Knew, published Tuesday, the pilot tackles the storm."),
        None
    );
    // A possessive names the person elsewhere; "the wake of" is no source.
    assert_eq!(
        of("In his speech, Lee thanked the volunteers for their work."),
        None
    );
    assert_eq!(
        of("In the wake of the report, fares fell across the region."),
        None
    );
    // A reporting verb of the sentence still names its own speaker.
    assert_eq!(
        of("In the report, the agency estimated that 4,000 riders would switch.").as_deref(),
        Some("the agency")
    );
}

#[test]
fn a_headline_label_names_its_source() {
    assert_eq!(
        headline_label("Lowe: No Delay to the Harbor Works"),
        Some("Lowe")
    );
    assert_eq!(
        headline_label("Poll: Lowe Leads Park by Five Points"),
        Some("Poll")
    );
    assert_eq!(
        headline_label("Ada Lowe: 'We Will Reopen the Dock'"),
        Some("Ada Lowe")
    );
    // Section and format labels name no one; nor does a clause.
    assert_eq!(headline_label("The Latest: Ferry resumes service"), None);
    assert_eq!(
        headline_label("Live Updates: Storm reaches the coast"),
        None
    );
    assert_eq!(headline_label("Why the ferry stopped: a timeline"), None);
    assert_eq!(headline_label("Fares rise again"), None);
}

#[test]
fn ever_before_a_cue_and_a_participle_after_a_quantifier() {
    assert_eq!(
        speaker("No mayor of the town has ever said the ferry would close.").as_deref(),
        Some("No mayor of the town")
    );
    // A time word after a determiner stays in the source phrase.
    assert_eq!(
        speaker("According to the recently released harbor audit, fares rose 8%.").as_deref(),
        Some("the recently released harbor audit")
    );
    // "fewer pledged delegates": the participle describes the noun.
    assert_eq!(
        speaker("If Lowe has fewer pledged delegates in June, the race is over."),
        None
    );
}

/// A verb no list knows ("beamed", "shrugged") between a closed quotation
/// and a name took the previous paragraph's speaker.
#[test]
fn an_unknown_verb_after_a_quotation_names_who_spoke() {
    assert_eq!(
        speaker("\"This is a great day!\" beamed Tom Hale, the council president.").as_deref(),
        Some("Tom Hale")
    );
    assert_eq!(
        speaker("\"We will see,\" shrugged Ada Lowe.").as_deref(),
        Some("Ada Lowe")
    );
    // A quoted word is no utterance, and a name must end the clause.
    assert_eq!(speaker("The \"reform\" alarmed Republicans."), None);
    assert_eq!(
        speaker("\"We will see,\" worried Ada Lowe and her staff for days."),
        None
    );
}

#[test]
fn a_surname_ending_in_s_is_a_guessed_antecedent_for_he() {
    let find_one = |t: &str| find(t, &quotes::spans(t, false)).expect("an attribution");
    // "Harris" may be a surname or a plural: the article's memory decides.
    // (A singular verb after it decides at once: see subject_tests.)
    let harris = find_one("Harris exaggerated when he said he wrote the ferry bill.");
    assert_eq!(harris.speaker, "Harris");
    assert_eq!(harris.pronoun.as_deref(), Some("he"));
    // A possessive is no subject for "he"; "it" never means a plural.
    assert_eq!(
        find_one("Vance's plan, he said, would close the port.").speaker,
        "he"
    );
    assert_eq!(
        find_one("Documents from the board began circulating after it announced a breach.").speaker,
        "it"
    );
}

#[test]
fn a_name_opening_a_subordinate_clause_is_a_guessed_antecedent() {
    let find_one = |t: &str| find(t, &quotes::spans(t, false)).expect("an attribution");
    let lowe = find_one(
        "While Lowe has voiced concern over the ferry, she has not called for the board to resign.",
    );
    assert_eq!(lowe.speaker, "Lowe");
    assert_eq!(lowe.pronoun.as_deref(), Some("she"));
    // A condition names whom it is about, not who speaks.
    assert_eq!(
        find_one("If Lowe loses the vote, he said, the port will close.").speaker,
        "he"
    );
    // A given name of the other gender rules the name out.
    assert_eq!(
        find_one("When Paul Lowe spoke first, she said the plan was late.").speaker,
        "she"
    );
}

#[test]
fn a_cue_set_off_by_commas_is_its_own_attribution() {
    // The subject the pronoun interrupts is not its antecedent, and a
    // noun that looks like a cue ("estimates") is no speaker's verb.
    assert_eq!(
        speaker("Fare estimates, she added, were \"set by the board alone.\"").as_deref(),
        Some("she")
    );
    // A subject whose clause has closed before is.
    assert_eq!(
        speaker("Ines Vaz admitted the ferry had lost money, which is a result, she said, \"we expected.\"")
            .as_deref(),
        Some("Ines Vaz")
    );
    // A cue closing an opening clause leaves the main clause its own.
    assert_eq!(
        speaker(
            "Later, after the hearing concluded, Vaz stated of the ferry that the report was late."
        )
        .as_deref(),
        Some("Vaz")
    );
    // An "as" clause still reports the main clause.
    assert_eq!(
        speaker("As the Gazette revealed, the board agreed to sell the pier.").as_deref(),
        Some("the Gazette")
    );
}
