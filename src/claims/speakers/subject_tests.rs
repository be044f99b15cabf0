//! Speaker phrases found past an opening look back, through a role noun
//! after capitalised modifiers, after "as reported by", in an inverted
//! plural tail; on sentences written for these tests.

use super::*;
use crate::claims::quotes;

#[test]
fn a_participle_finds_a_role_noun_after_its_capitalised_modifiers() {
    assert_eq!(
        speaker("The Harbor senator sought to calm the crowd, saying the ferry would run.")
            .as_deref(),
        Some("The Harbor senator")
    );
    assert_eq!(
        speaker(
            "The billionaire ferry owner began by talking about fares, saying they would rise."
        )
        .as_deref(),
        Some("The billionaire ferry owner")
    );
}

#[test]
fn an_opening_look_back_is_no_subject() {
    assert_eq!(
        speaker("Back in 2009, Mrs. Ada Lowe praised the plan, telling reporters: \"It works.\"")
            .as_deref(),
        Some("Mrs. Ada Lowe")
    );
}

#[test]
fn as_reported_by_names_the_source() {
    assert_eq!(
        speaker("As reported by the Harbor Gazette, inspectors found 40 cracks in the bridge.")
            .as_deref(),
        Some("the Harbor Gazette")
    );
}

#[test]
fn a_plural_inverts_after_say_and_keeps_its_relative_clause() {
    assert_eq!(
        speaker("The ferry line may close, say several harbor pilots, who have run it for years.")
            .as_deref(),
        Some("several harbor pilots")
    );
    // "say," alone is "for example".
    assert_eq!(
        speaker("Some ports, say, Dover, will close, the board said.").as_deref(),
        Some("the board")
    );
}

#[test]
fn a_subject_set_off_before_the_pronoun_cue_is_not_its_antecedent() {
    assert_eq!(
        speaker("Dover, he said, was the best port on the coast.").as_deref(),
        Some("he")
    );
}

#[test]
fn a_degree_word_on_an_opening_adverb_is_no_subject() {
    assert_eq!(
        speaker("More recently, Ada Lowe took aim at the ferry fares, calling them unfair.")
            .as_deref(),
        Some("Ada Lowe")
    );
}

#[test]
fn an_adverb_after_an_article_makes_a_participle_an_adjective() {
    assert_eq!(
        speaker("The headline mirrors a widely denounced post from last spring.").as_deref(),
        None
    );
}

#[test]
fn stances_and_acts_are_attributed() {
    assert_eq!(
        speaker("Mayor Ada Lowe endorsed the harbor plan on Friday.").as_deref(),
        Some("Mayor Ada Lowe")
    );
    assert_eq!(
        speaker("A spokesman for the port declined to comment.").as_deref(),
        Some("A spokesman for the port")
    );
    // Falling is no stance.
    assert_eq!(
        speaker("Ferry traffic declined 5 percent in May.").as_deref(),
        None
    );
}

#[test]
fn a_place_region_after_an_opening_phrase_is_no_subject() {
    assert_eq!(
        speaker("At a town meeting in Dover, Ohio, Ola Brandt said the levy was too high.")
            .as_deref(),
        Some("Ola Brandt")
    );
    // "62-year-old" describes the name it stands before.
    assert_eq!(
        speaker(
            "At a fair in Lisle, Kent, 62-year-old Ola Brandt also railed against the levy, and \
             explained why it upset her."
        )
        .as_deref(),
        Some("Ola Brandt")
    );
    // A determiner after the comma makes an apposition: "Hale" is the
    // name, not a region.
    assert_eq!(
        speaker("In Dover, Hale, the harbor master, said the levy was too high.").as_deref(),
        Some("Hale")
    );
}

#[test]
fn a_noun_with_its_relative_clause_is_no_cue() {
    assert_eq!(
        speaker("Most Western states that vote in May have large rural populations."),
        None
    );
    assert_eq!(
        speaker("Lawmakers from states that have banned the drug want a federal rule."),
        None
    );
    assert_eq!(
        speaker("The memo states that the pier will close.").as_deref(),
        Some("The memo")
    );
}

#[test]
fn a_retort_with_back_names_its_speaker() {
    assert_eq!(
        speaker("\"They came for the free lunch,\" Hale shot back with a laugh.").as_deref(),
        Some("Hale")
    );
    assert_eq!(
        speaker("\"They came for the free lunch,\" fired back Ola Brandt.").as_deref(),
        Some("Ola Brandt")
    );
    assert_eq!(speaker("Police fired tear gas at the crowd."), None);
    assert_eq!(speaker("The storm hit the coast on Monday."), None);
}

#[test]
fn what_follows_said_after_a_comma_may_be_what_was_said() {
    // An aside between the subject and its cue keeps the subject.
    assert_eq!(
        speaker("Hale, though, said he's with the harbor board on the levy.").as_deref(),
        Some("Hale")
    );
    // A pronoun with its verb after the cue opens the reported clause.
    assert_ne!(
        speaker(
            "The clerk of nearly four years, a registered voter who spoke on condition of \
             anonymity, said she became ill last year."
        )
        .as_deref(),
        Some("she became ill")
    );
    assert_eq!(
        speaker("The pier will close, said one harbor pilot.").as_deref(),
        Some("one harbor pilot")
    );
}

#[test]
fn a_capitalised_modal_before_a_past_tense_cue_is_a_name() {
    assert_eq!(
        speaker("Citing the storm, Will urged the council to delay the vote.").as_deref(),
        Some("Will")
    );
    assert_eq!(
        speaker("May said the deal was done.").as_deref(),
        Some("May")
    );
    assert_eq!(speaker("Voters will be urged to stay home."), None);
}

#[test]
fn a_negated_auxiliary_makes_a_passive_and_a_gerund_is_no_subject() {
    assert_eq!(
        speaker("Far from the border, they aren't admitted until they are vetted."),
        None
    );
    assert_eq!(
        speaker("Fielding said the plan was sound.").as_deref(),
        Some("Fielding")
    );
    let text = "Doing so \"looked like an attempt to rig the vote.\"";
    assert_eq!(quote_subject(text, &quotes::spans(text, false)), None);
}

#[test]
fn a_share_or_a_surveyed_group_says() {
    assert_eq!(
        speaker("Among riders, 42% say the fares are too high.").as_deref(),
        Some("42%")
    );
    assert_eq!(
        speaker("Nearly nine out of 10 say they will need new skills.").as_deref(),
        Some("Nearly nine out of 10")
    );
    assert_eq!(
        speaker("By big margins, those surveyed say the pier should reopen.").as_deref(),
        Some("those surveyed")
    );
    assert_eq!(
        speaker("Riders surveyed say the pier should reopen.").as_deref(),
        Some("Riders surveyed")
    );
    // A cue word opening the sentence has nothing before it.
    assert_eq!(speaker("Say what you will, the pier works."), None);
}

#[test]
fn a_source_of_findings_shows_however_it_is_modified() {
    assert_eq!(
        speaker("The latest Harbor Reports poll shows Lowe leading by four points.").as_deref(),
        Some("The latest Harbor Reports poll")
    );
    assert_eq!(
        speaker("The ranking said he is not a billionaire.").as_deref(),
        Some("The ranking")
    );
    // A plural source with a singular verb, or the reverse, is no cue.
    assert_eq!(speaker("The polls shows nothing new."), None);
}

#[test]
fn a_set_phrase_of_time_between_auxiliary_and_cue_keeps_the_subject() {
    let s =
        "Ada Lowe, who has in the past described the pier as \"a rusting hazard,\" voted for it.";
    let a = find(s, &quotes::spans(s, false)).expect("an attribution");
    assert_eq!(a.speaker, "Ada Lowe");
    assert!(a.relative);
    assert_eq!(
        speaker("Harbor officials have in recent years said the pier is safe.").as_deref(),
        Some("Harbor officials")
    );
}

#[test]
fn an_unattributed_quotation_belongs_to_a_thing_in_the_present_tense() {
    let q = |s: &str| quote_subject(s, &quotes::spans(s, false));
    assert_eq!(
        q("The ad targets a \"rigged harbor economy\" that favors insiders.").as_deref(),
        Some("The ad")
    );
    assert_eq!(
        q("The report then blames \"years of neglect\" for the collapse.").as_deref(),
        Some("The report")
    );
    // A thing of no words, or a verb not in the present tense, is no such
    // subject.
    assert_eq!(
        q("The pier remains \"closed until further notice\" today."),
        None
    );
    assert_eq!(q("The ad ran \"every hour\" on Monday."), None);
}

#[test]
fn it_means_the_subject_a_common_noun_names() {
    let s = "The group seeks to end what it calls \"reckless dumping\" at the pier.";
    let spans = quotes::spans(s, false);
    assert_eq!(
        find(s, &spans).map(|a| a.speaker).as_deref(),
        Some("The group")
    );
}

#[test]
fn a_plural_subject_with_a_clause_on_it_says() {
    for (s, want) in [
        (
            "Executives for Harbor Foods, which earned more than $3 billion last year, say the plant will close.",
            "Executives for Harbor Foods",
        ),
        (
            "The state officials whose laws were struck down say the courts have changed.",
            "The state officials",
        ),
        (
            "Pilots who have worked the port for years say the channel is too shallow.",
            "Pilots",
        ),
        (
            "Democrats - and some Republicans - say that the ferry plan costs too much.",
            "Democrats",
        ),
        (
            "One pilot who worked the port and who asked not to be named said the channel is shallow.",
            "One pilot",
        ),
    ] {
        assert_eq!(speaker(s).as_deref(), Some(want), "{s}");
    }
    // ", said Ada Lowe" still names the speaker after the cue, and a
    // second clause keeps its own subject.
    assert_eq!(
        speaker("The channel with the shallow spots, said Ada Lowe, needs dredging.").as_deref(),
        Some("Ada Lowe")
    );
    assert_eq!(
        speaker("Ferries in the harbor run late and some say the pier is unsafe."),
        Some("some".into())
    );
}

#[test]
fn according_to_a_source_closed_by_a_dash_or_with_a_compound_modifier() {
    assert_eq!(
        speaker("The plan would raise $1.1 trillion over a decade, according to the Harbor Policy Center - half a point of output.")
            .as_deref(),
        Some("the Harbor Policy Center")
    );
    assert_eq!(
        speaker(
            "According to a just-released poll from Harbor University, Ada Lowe leads in Dover."
        )
        .as_deref(),
        Some("a just-released poll from Harbor University")
    );
}

#[test]
fn a_source_of_findings_however_placed_shows() {
    for (s, want) in [
        (
            "Harbor officials there say the pier is unsafe.",
            "Harbor officials",
        ),
        (
            "Exit polling shows Lowe won 83% of voters under 30.",
            "Exit polling",
        ),
        (
            "The rolling average of harbor polls shows Lowe's figure has improved to 40 percent.",
            "The rolling average of harbor polls",
        ),
        (
            "The Harbor Electronic Markets, where traders bet on the outcome, show the mayor more likely to win.",
            "The Harbor Electronic Markets",
        ),
    ] {
        assert_eq!(speaker(s).as_deref(), Some(want), "{s}");
    }
}

#[test]
fn the_agent_of_obtained_is_not_the_source_but_a_writer_is() {
    assert_eq!(
        speaker("A letter from the port union obtained by the Gazette warns that fares will rise.")
            .as_deref(),
        Some("A letter from the port union")
    );
    assert_eq!(
        speaker("A report written by Ines Vaz warns that fares will rise.").as_deref(),
        Some("Ines Vaz")
    );
}

#[test]
fn capitalised_modifiers_lead_on_to_a_body_and_its_person() {
    assert_eq!(
        speaker("The Lowe campaign pushed back against the plan, calling it a stunt.").as_deref(),
        Some("The Lowe campaign")
    );
    assert_eq!(
        speaker("A Lowe campaign official later walked back the remark, saying it was a joke.")
            .as_deref(),
        Some("A Lowe campaign official")
    );
    // A title set off before the name it introduces leaves the name.
    assert_eq!(
        speaker("The Harbor Board inspector general, Ines Vaz, said the fares would rise.")
            .as_deref(),
        Some("Ines Vaz")
    );
}

#[test]
fn a_person_named_before_the_colon_owns_the_quotation() {
    let q = |s: &str| quote_subject(s, &quotes::spans(s, false));
    assert_eq!(
        q("The delay does not surprise Republican pollster Ines Vaz: \"Ferries are always late.\"")
            .as_deref(),
        Some("Republican pollster Ines Vaz")
    );
    assert_eq!(
        q("Fares rose again - Sen. Ada Lowe: \"The board has failed the island.\"").as_deref(),
        Some("Sen. Ada Lowe")
    );
    // A name that is the object of a preposition is not the speaker.
    assert_ne!(
        q("The crowd cheered for Sen. Ada Lowe: \"We love you!\"").as_deref(),
        Some("Sen. Ada Lowe")
    );
    let gazette = q("The mayor spoke to the island newspaper Harbor Gazette: \"We will rebuild.\"");
    assert!(
        gazette.as_deref().is_none_or(|g| !g.contains("Gazette")),
        "{gazette:?}"
    );
}

#[test]
fn a_lead_in_from_a_source_owns_the_quotation() {
    let q = |s: &str| quote_subject(s, &quotes::spans(s, false));
    assert_eq!(
        q("From the report: \"Ferry samples with longer field periods were more accurate.\"")
            .as_deref(),
        Some("the report")
    );
    assert_eq!(
        q("The gap is real - More from Lowe and Vance: \"Our data confirm both issues.\"")
            .as_deref(),
        Some("Lowe and Vance")
    );
    // A "from" inside the clause is no lead-in.
    assert_ne!(
        q("The mayor returned from the island: \"We will rebuild.\"").as_deref(),
        Some("the island")
    );
}

#[test]
fn a_participle_after_a_subordinator_is_the_main_subjects() {
    assert_eq!(
        speaker("Vaz had a sober view of the plan, while saying that the ferry would run.")
            .as_deref(),
        Some("Vaz")
    );
    assert_eq!(
        speaker("The harbor board ended its meeting by announcing the port would close.")
            .as_deref(),
        Some("The harbor board")
    );
    // At the start the subject follows the opening clause.
    assert_eq!(
        speaker("After initially saying he was tired, the mayor stayed on the pier.").as_deref(),
        Some("the mayor")
    );
}

#[test]
fn a_linking_word_and_a_relative_pronoun_leave_the_subject_found() {
    assert_eq!(
        speaker("But harbor activists clamoring to block the levy say they are winning.")
            .as_deref(),
        Some("harbor activists clamoring to block the levy")
    );
    assert_eq!(
        speaker("The board passed rules that some say target ferry workers.").as_deref(),
        Some("some")
    );
    // "some state laws": a noun, not a cue.
    assert_ne!(
        speaker("Judges have ruled that some state laws were unfair.").as_deref(),
        Some("some")
    );
}

#[test]
fn a_base_form_before_of_is_a_noun_unless_it_reports_words() {
    assert_eq!(
        speaker("The mayor travels to win votes in her home state of Maine this week."),
        None
    );
    assert_eq!(
        speaker("Dock workers complain of long shifts and late pay.").as_deref(),
        Some("Dock workers")
    );
    assert_eq!(
        speaker("Harbor pilots know of no ferry that ran on time.").as_deref(),
        Some("Harbor pilots")
    );
}

#[test]
fn called_after_an_indefinite_noun_phrase_names_it() {
    assert_eq!(
        speaker("They joined a small resistance movement called the Harbor Front."),
        None
    );
    assert_eq!(
        speaker("Both like a pension formula called the \"chained index\" that cuts payments."),
        None
    );
    // An appositive set off by commas still leaves "called" its subject.
    assert_eq!(
        speaker("Sen. Ada Lowe, also a port hopeful, called the plan \"reckless\" on Sunday.")
            .as_deref(),
        Some("Sen. Ada Lowe")
    );
}

#[test]
fn a_span_of_time_opening_a_clause_is_skipped() {
    assert_eq!(
        speaker(
            "Years after the mayor quietly claimed that the ferry was safe, Vaz won the vote by promising repairs."
        )
        .as_deref(),
        Some("Vaz")
    );
}

#[test]
fn a_relative_clause_on_a_plural_subject_runs_to_its_base_form_cue() {
    for (text, who) in [
        (
            "But some who use the ferry daily argue that fares are too high.",
            "some",
        ),
        (
            "Even those who have backed Mr. Lowe since the start acknowledge that the plan is thin.",
            "those",
        ),
        (
            "Harbor pilots who worked the port in 2012 say the channel is silting.",
            "Harbor pilots",
        ),
        (
            "Many pilots who came to protest this week's vote say they will strike.",
            "Many pilots",
        ),
        (
            "People briefed on the harbor plan say it will pass.",
            "People briefed on the harbor plan",
        ),
    ] {
        assert_eq!(speaker(text).as_deref(), Some(who), "{text}");
    }
}

#[test]
fn since_on_a_perfect_is_an_adverb_before_the_cue() {
    assert_eq!(
        speaker("Mayor Lowe has since said she would back a smaller levy.").as_deref(),
        Some("Mayor Lowe")
    );
}

#[test]
fn hoping_after_the_subject_is_its_cue() {
    assert_eq!(
        speaker("Mayor Lowe is hoping the council will back the levy.").as_deref(),
        Some("Mayor Lowe")
    );
    assert_eq!(
        speaker("The mayor set out a plan in May, hoping to win the harbor vote.").as_deref(),
        Some("The mayor")
    );
}

#[test]
fn a_stance_participle_takes_the_subject_but_not_a_name_before_it() {
    assert_eq!(
        speaker("Mayor Lowe is seeking a second term in the harbor district.").as_deref(),
        Some("Mayor Lowe")
    );
    assert_eq!(
        speaker("The pilots walked out on Monday, fearing the new shifts would be unsafe.")
            .as_deref(),
        Some("The pilots")
    );
    // The fund is what "backing" modifies, not who speaks.
    let text = "The head of the Harbor PAC backing Gov. Ada Wren, Bo Hale, praised the vote.";
    let lowered = text.to_ascii_lowercase();
    let spans = quotes::spans(text, false);
    let sentence = Sentence::new(text, &lowered, &spans);
    let toks = sentence.toks();
    let cues: Vec<&str> = candidates(toks).iter().map(|c| toks[c.cue].lw).collect();
    assert_eq!(cues, ["praised"]);
}
