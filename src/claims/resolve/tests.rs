use super::*;

#[test]
fn pronouns_go_to_the_last_named_speaker() {
    let mut s = Speakers::default();
    assert_eq!(s.resolve("she"), None);
    s.resolve("Governor Ada Wren");
    assert_eq!(s.resolve("she").as_deref(), Some("Governor Ada Wren"));
    assert_eq!(s.resolve("They").as_deref(), Some("Governor Ada Wren"));
}

#[test]
fn definite_descriptions_go_to_the_introduced_source() {
    let mut s = Speakers::default();
    s.resolve("a senior harbor official");
    s.resolve("Mayor Kell");
    assert_eq!(
        s.resolve("the official").as_deref(),
        Some("a senior harbor official")
    );
    assert_eq!(s.resolve("the engineers").as_deref(), Some("the engineers"));
}

/// The head of "a spokesman for the governor" is the spokesman: a later
/// "the spokesman" is them, "the governor" is someone else.
#[test]
fn a_description_is_known_by_its_head_not_its_complement() {
    let mut s = Speakers::default();
    s.resolve("A spokesman for the governor");
    assert_eq!(s.resolve("The governor").as_deref(), Some("The governor"));
    assert_eq!(
        s.resolve("the spokesman").as_deref(),
        Some("A spokesman for the governor")
    );
    let mut s = Speakers::default();
    s.resolve("an aide to the mayor");
    assert_eq!(s.resolve("the mayor").as_deref(), Some("the mayor"));
    assert_eq!(
        s.resolve("the aide").as_deref(),
        Some("an aide to the mayor")
    );
}

#[test]
fn she_skips_a_man_and_he_skips_a_woman() {
    let mut s = Speakers::default();
    s.resolve("Mrs. Alma Rudd");
    s.resolve("Tomas Egger");
    // The newest person has no known gender, so "he" takes him and
    // learns it; "she" then reaches back past him.
    assert_eq!(s.resolve("he").as_deref(), Some("Tomas Egger"));
    assert_eq!(s.resolve("she").as_deref(), Some("Mrs. Alma Rudd"));
    assert_eq!(s.resolve("he").as_deref(), Some("Tomas Egger"));
    s.resolve("the council spokesman");
    assert_eq!(s.resolve("she").as_deref(), Some("Mrs. Alma Rudd"));
}

#[test]
fn role_descriptions_go_to_the_named_holder() {
    let mut s = Speakers::default();
    s.resolve("Green Party nominee Ola Brandt");
    s.resolve("Sen. Ivo Marsh");
    s.resolve("Labour nominee Rui Vance");
    assert_eq!(
        s.resolve("the Green Party nominee").as_deref(),
        Some("Green Party nominee Ola Brandt")
    );
    assert_eq!(s.resolve("the senator").as_deref(), Some("Sen. Ivo Marsh"));
    // The last mentioned nominee is Brandt again.
    assert_eq!(
        s.resolve("the nominee").as_deref(),
        Some("Green Party nominee Ola Brandt")
    );
    assert_eq!(s.resolve("the mayor").as_deref(), Some("the mayor"));
}

#[test]
fn mentioned_people_are_reachable_by_pronouns() {
    let mut s = Speakers::default();
    s.resolve("Mayor Kell");
    // A sentence about Paul Marsh with no attribution.
    s.mention_entities(
        &["Paul Marsh".to_string(), "Harbor Board".to_string()],
        None,
    );
    assert_eq!(s.resolve("he").as_deref(), Some("Paul Marsh"));
    // The subject of a sentence outranks people it only mentions.
    s.mention_entities(&["Susan Lowe".to_string()], Some("Mayor Kell"));
    assert_eq!(s.resolve("he").as_deref(), Some("Mayor Kell"));
    assert_eq!(s.resolve("she").as_deref(), Some("Susan Lowe"));
    // A later surname mention brings the full name back.
    s.mention_entities(&["Marsh".to_string()], None);
    assert_eq!(s.resolve("he").as_deref(), Some("Paul Marsh"));
}

#[test]
fn pronouns_skip_non_people_and_nobody() {
    let mut s = Speakers::default();
    s.resolve("police");
    assert_eq!(s.resolve("she"), None);
    assert_eq!(s.resolve("No one").as_deref(), Some("No one"));
    s.mention("Everyone");
    assert_eq!(s.resolve("he"), None);
}

#[test]
fn given_names_mark_gender() {
    let mut s = Speakers::default();
    s.resolve("Susan Lowe");
    s.resolve("Peter Egger");
    // Susan is a woman's name, so "she" skips the newer speaker.
    assert_eq!(s.resolve("she").as_deref(), Some("Susan Lowe"));
    s.resolve("Paul Marsh");
    s.resolve("Lowe");
    assert_eq!(s.resolve("he").as_deref(), Some("Paul Marsh"));
}

#[test]
fn a_shared_surname_with_another_first_name_is_someone_else() {
    let mut s = Speakers::default();
    s.resolve("Paul Marsh");
    assert_eq!(s.resolve("he").as_deref(), Some("Paul Marsh"));
    // Ysolde is no listed given name, but she is not Paul: "she" may be her.
    s.resolve("Ysolde Marsh");
    s.resolve("Tomas Egger");
    assert_eq!(s.resolve("he").as_deref(), Some("Tomas Egger"));
    assert_eq!(s.resolve("she").as_deref(), Some("Ysolde Marsh"));
}

#[test]
fn a_title_and_surname_keep_the_known_gender() {
    let mut s = Speakers::default();
    s.resolve("Paul Marsh");
    assert_eq!(s.resolve("he").as_deref(), Some("Paul Marsh"));
    s.resolve("Ingrid Lowe");
    // "Senator Marsh" adds only a title: still a man, so "she" skips him.
    s.resolve("Senator Marsh");
    assert_eq!(s.resolve("she").as_deref(), Some("Ingrid Lowe"));
}

#[test]
fn a_reported_pronoun_teaches_gender() {
    let mut s = Speakers::default();
    s.resolve("Lowe");
    s.hint_gender("Lowe", Some(true));
    s.resolve("Vance");
    // Vance is unknown, so "she" could be either; Lowe is a woman, so
    // "he" now skips her.
    assert_eq!(s.resolve("he").as_deref(), Some("Vance"));
    s.resolve("Lowe");
    assert_eq!(s.resolve("he").as_deref(), Some("Vance"));
}

#[test]
fn a_pronoun_disagrees_only_with_a_gender_the_article_has_shown() {
    let mut s = Speakers::default();
    s.mention_entities(&["Paul Harris".to_string()], None);
    assert!(s.disagrees("Harris", "she"));
    assert!(!s.disagrees("Harris", "he"));
    assert!(
        !s.disagrees("Vance", "she"),
        "an unknown name tells nothing"
    );
    // Two people share the surname: "she" may mean either.
    s.mention_entities(&["Ann Harris".to_string()], None);
    assert!(!s.disagrees("Harris", "she"));
    assert!(s.disagrees("Ann Harris", "he"));
}
