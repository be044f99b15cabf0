//! What a phrase shows about a person: whether it can name one ("Ann
//! Lee", "a senior official", not "the report") and the gender its title,
//! role noun or given name marks. Main entries: [`looks_like_person`],
//! [`gender_of`].

use super::lexicon;
use super::names::{self, NameGender};

/// What an article has shown about a person's gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gender {
    Unknown,
    Male,
    Female,
}

impl From<NameGender> for Gender {
    fn from(g: NameGender) -> Self {
        match g {
            NameGender::Male => Gender::Male,
            NameGender::Female => Gender::Female,
        }
    }
}

/// The lists a word is on, as bits: one binary search over packed keys
/// ([`names::name_key`]) instead of a scan of every list.
const FEMALE: u8 = 1;
const MALE: u8 = 2;
const PERSON: u8 = 4;
const ROLE: u8 = 8;
const THING: u8 = 16;

static WORDS: std::sync::LazyLock<Vec<(u128, u8)>> = std::sync::LazyLock::new(|| {
    let lists: [(&[&str], u8); 4] = [
        (FEMALE_WORDS, FEMALE),
        (MALE_WORDS, MALE),
        (PERSON_NOUNS, PERSON),
        (THING_NOUNS, THING),
    ];
    let mut words: Vec<(u128, u8)> = lists
        .iter()
        .flat_map(|&(list, bit)| list.iter().map(move |w| (names::name_key(w), bit)))
        .chain(ROLE_HEADS.iter().map(|(r, _)| (names::name_key(r), ROLE)))
        .collect();
    words.sort_unstable_by_key(|&(k, _)| k);
    // A word on two lists ("chairman") keeps both bits.
    words.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 |= later.1;
        }
        same
    });
    words
});

/// The list bits of a word, matched without regard to ASCII case.
fn word_bits(word: &str) -> u8 {
    if word.is_empty() || word.len() > 16 {
        return 0;
    }
    let key = names::name_key(word);
    WORDS
        .binary_search_by_key(&key, |&(k, _)| k)
        .map_or(0, |i| WORDS[i].1)
}

/// Role nouns a description may refer back by ("the senator"), with the
/// title abbreviation a name may carry instead ("Sen. Ann Lee").
#[rustfmt::skip]
pub(super) const ROLE_HEADS: &[(&str, &str)] = &[
    ("president", "pres"), ("senator", "sen"), ("governor", "gov"),
    ("representative", "rep"), ("congressman", "rep"), ("congresswoman", "rep"),
    ("nominee", "nominee"), ("candidate", "candidate"), ("secretary", "secretary"),
    ("minister", "minister"), ("mayor", "mayor"), ("chancellor", "chancellor"),
    ("chairman", "chairman"), ("chairwoman", "chairwoman"), ("director", "director"),
    ("spokesman", "spokesman"), ("spokeswoman", "spokeswoman"), ("spokesperson", "spokesperson"),
    ("leader", "leader"), ("chief", "chief"), ("judge", "judge"), ("attorney", "attorney"),
    ("ambassador", "ambassador"), ("general", "gen"), ("prime", "prime"), ("premier", "premier"),
    ("commissioner", "commissioner"), ("sheriff", "sheriff"), ("officer", "officer"),
    ("admiral", "adm"), ("colonel", "col"), ("lieutenant", "lt"), ("sergeant", "sgt"),
    ("captain", "capt"),
];

/// Titles and role nouns that mark a woman.
#[rustfmt::skip]
const FEMALE_WORDS: &[&str] = &[
    "mrs", "ms", "miss", "madam", "woman", "wife", "mother", "daughter", "sister", "actress",
    "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "girl", "grandmother", "widow",
    "niece", "aunt", "queen", "princess", "lady", "mom", "girlfriend", "waitress", "councilwoman",
];

/// Titles and role nouns that mark a man.
#[rustfmt::skip]
const MALE_WORDS: &[&str] = &[
    "mr", "sir", "man", "husband", "father", "son", "brother", "actor", "spokesman", "chairman",
    "congressman", "businessman", "boy", "grandfather", "widower", "nephew", "uncle", "king",
    "prince", "dad", "boyfriend", "councilman", "lord",
];

/// The gender a person phrase shows by its title or role noun ("Mrs. Lee",
/// "the spokeswoman"), or [`Gender::Unknown`].
pub(super) fn gender_of(phrase: &str) -> Gender {
    let mut gender = given_name_gender(phrase);
    for word in phrase.split_whitespace() {
        let w = word.trim_matches(|c: char| !c.is_alphanumeric());
        // The lists are lower-case ASCII and hold no word longer than 14
        // bytes: skip other words before any compare.
        if !(2..=14).contains(&w.len()) {
            continue;
        }
        let bits = word_bits(w);
        if bits & FEMALE != 0 {
            gender = Gender::Female;
        } else if bits & MALE != 0 {
            gender = Gender::Male;
        }
    }
    gender
}

/// The gender of the first common given name followed by a surname in a
/// phrase ("Paul Marsh", "Sen. Susan Bly"), or [`Gender::Unknown`].
pub(super) fn given_name_gender(phrase: &str) -> Gender {
    let mut words = phrase.split_whitespace().peekable();
    while let Some(word) = words.next() {
        // The cheap test first: a given name needs a capitalised word after it.
        let surname_next = words
            .peek()
            .is_some_and(|n| n.starts_with(char::is_uppercase));
        if surname_next && let Some(g) = names::given_name(word) {
            return Gender::from(g);
        }
    }
    Gender::Unknown
}

/// A speaker that could be "he" or "she": not a plural ("officials") and
/// not an organisation or document ("the Committee", "a new report").
pub(super) fn looks_like_person(phrase: &str) -> bool {
    // "Sen. Ada Lowe (D-Vt.)": the party label is not the head; "the
    // minister of the economy", "black voters in Ohio": the head comes
    // before the preposition. One pass, no copies: this runs for every
    // speaker and mention.
    let (mut first, mut last, mut prev) = ("", "", "");
    let mut before_preposition = None;
    for w in phrase.split_whitespace().filter(|w| !w.starts_with('(')) {
        if first.is_empty() {
            first = w;
        }
        if before_preposition.is_none()
            && !prev.is_empty()
            && matches!(w, "of" | "for" | "at" | "from" | "with" | "in" | "on")
        {
            before_preposition = Some(prev);
        }
        prev = w;
        last = w;
    }
    // "Most voters in Alabama and Ohio": a lower-case noun before the
    // preposition heads a phrase whatever its first and last words are.
    let common_head = before_preposition.is_some_and(|w| w.starts_with(char::is_lowercase));
    let head = if common_head
        || last.starts_with(char::is_lowercase)
        || phrase.starts_with(char::is_lowercase)
    {
        before_preposition.unwrap_or(last)
    } else {
        last
    };
    let head = head.trim_end_matches(|c: char| !c.is_alphanumeric());
    let mut buf = [0u8; 24];
    let lower = super::phrases::lower(head, &mut buf);
    if head.starts_with(char::is_uppercase) {
        // "the Commission on Presidential Debates", "The New York Times".
        let group = first == last && plural_group(lower);
        return !(first.eq_ignore_ascii_case("the")
            || lexicon::is_organisation_word(lower)
            || group);
    }
    let plural = head.ends_with('s') && !head.ends_with("ss");
    // A common noun must name a person ("the aide", "a senior source"),
    // not a thing ("the paranoia", "the footage").
    let who = word_bits(lower) & (PERSON | ROLE | FEMALE | MALE) != 0 || agent_noun(lower);
    who && !plural && !lexicon::is_organisation_word(lower)
}

/// A lower-cased word naming people in the plural, which one word
/// capitalised at a sentence's start may be: "Americans" or
/// "Palestinians" (a demonym; "Evans" is too short), "Economists" or
/// "Lawmakers" (a person noun and its "-s"). Surnames that read like an
/// agent noun's plural ("Sanders") are not: only listed person nouns and
/// "-ist"/"-ian" agents count.
fn plural_group(lower: &str) -> bool {
    let Some(stem) = lower.strip_suffix('s') else {
        return false;
    };
    if lower.len() >= 6 && stem.ends_with("an") {
        return true;
    }
    word_bits(stem) & (PERSON | ROLE) != 0
        || (stem.ends_with("ist") || stem.ends_with("ian")) && stem.len() > 5
}

/// True for a lower-case noun naming a person or a role ("candidate",
/// "aide", "front-runner"): a title before a name may run through it.
pub(super) fn is_person_noun(word: &str) -> bool {
    word_bits(word) & (PERSON | ROLE | FEMALE | MALE) != 0 || agent_noun(word)
}

/// A noun that by its ending names someone who does something
/// ("questioner", "economist", "historian"), less the common things that
/// end the same way.
fn agent_noun(word: &str) -> bool {
    let suffix = ["er", "or", "ist", "ian"].iter().any(|s| word.ends_with(s));
    suffix && word.len() > 5 && word_bits(word) & THING == 0
}

/// Things whose names end like agent nouns.
#[rustfmt::skip]
const THING_NOUNS: &[&str] = &[
    "number", "letter", "center", "matter", "paper", "water", "order", "power", "chapter",
    "quarter", "winter", "summer", "weather", "border", "computer", "theater", "theatre",
    "corner", "answer", "register", "minister", "counter", "shelter", "cluster", "monster",
    "error", "sector", "factor", "mirror", "motor", "labor", "vapor", "flavor", "honor", "favor",
    "behavior", "terror", "horror", "corridor", "harbor", "harbour", "indicator", "elevator",
    "calculator", "radiator", "generator", "monitor", "reactor", "tractor", "meteor",
    "guardian", "median", "christian", "comedian", "barrier", "carrier", "frontier", "premier",
    "powder", "ladder", "leather", "feather", "rubber", "timber", "lumber", "member",
    "trailer", "container", "transfer", "disaster", "semester", "newsletter", "thriller",
    "encounter", "character", "parameter", "diameter", "barometer", "thermometer",
    // Feelings and qualities in "-or" ("The rancor is so blatant that …").
    "rancor", "rancour", "clamor", "clamour", "furor", "fervor", "fervour", "candor", "candour",
    "rigor", "humor", "humour", "rumor", "rumour", "tumor", "vigor", "valor", "splendor",
    "merger", "server", "gender", "gutter", "dinner", "danger", "murder", "filibuster", "anger",
    "cancer", "finger", "hunger", "manner", "banner", "tower", "river", "fever", "poster",
    "filter", "folder", "layer", "ledger", "trigger", "thunder", "wonder", "whisper", "temper",
    "reminder", "remainder", "surrender", "laughter", "slaughter", "shoulder", "checklist",
    "shortlist", "blacklist",
];

/// Singular nouns for people, for "he"/"she" after "a senior official";
/// roles and gendered words are in their own lists, checked too.
#[rustfmt::skip]
const PERSON_NOUNS: &[&str] = &[
    "official", "source", "aide", "adviser", "advisor", "lawyer", "doctor", "physician", "nurse",
    "teacher", "resident", "worker", "student", "analyst", "economist", "professor", "expert",
    "reporter", "journalist", "author", "writer", "voter", "friend", "neighbor", "neighbour",
    "person", "detective", "agent", "manager", "executive", "member", "prosecutor", "witness",
    "victim", "survivor", "owner", "farmer", "driver", "pilot", "soldier", "veteran", "scientist",
    "researcher", "historian", "strategist", "consultant", "pollster", "lawmaker", "legislator",
    "diplomat", "commander", "activist", "organizer", "organiser", "founder", "ceo", "employee",
    "customer", "patient", "parent", "child", "colleague", "partner", "supporter", "critic",
    "opponent", "host", "anchor", "editor", "columnist", "blogger", "photographer", "guard",
    "inspector", "engineer", "architect", "clerk", "protester", "demonstrator", "fan", "player",
    "coach", "athlete", "singer", "artist", "musician", "producer", "priest", "pastor", "bishop",
    "rabbi", "imam", "monk", "negotiator", "mediator", "investigator", "regulator", "planner",
    "surgeon", "dentist", "pharmacist", "therapist", "psychologist", "psychiatrist", "landlord",
    "tenant", "homeowner", "shopkeeper", "merchant", "trader", "banker", "investor", "entrepreneur",
    "challenger", "incumbent", "deputy", "assistant", "staffer", "insider", "whistleblower",
    "graduate", "alumnus", "alumna", "ally", "comedian", "filmmaker", "novelist", "poet",
    "commentator", "pundit", "broadcaster", "preacher", "evangelist", "chaplain", "donor",
    "lobbyist", "operative", "campaigner", "delegate", "superdelegate", "contender", "hopeful",
    "front-runner", "frontrunner", "justice", "councilor", "councillor", "alderman", "trustee",
    "academic", "scholar", "lecturer", "sociologist", "demographer", "advocate", "philanthropist",
    "mogul", "tycoon", "magnate",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_words_fit_a_key_and_keep_every_list() {
        let lists = [FEMALE_WORDS, MALE_WORDS, PERSON_NOUNS, THING_NOUNS];
        assert!(lists.iter().flat_map(|l| l.iter()).all(|w| w.len() <= 16));
        assert!(ROLE_HEADS.iter().all(|(r, _)| r.len() <= 16));
        assert_eq!(word_bits("chairman"), MALE | ROLE);
        assert_eq!(word_bits("Spokeswoman"), FEMALE | ROLE);
        assert_eq!(word_bits("harbor"), THING);
        assert_eq!(word_bits("aide"), PERSON);
        assert_eq!(word_bits("harborside"), 0);
    }

    #[test]
    fn person_nouns_are_not_repeated_in_the_other_person_lists() {
        let elsewhere = |w: &str| {
            FEMALE_WORDS.contains(&w)
                || MALE_WORDS.contains(&w)
                || ROLE_HEADS.iter().any(|(r, _)| *r == w)
        };
        assert_eq!(PERSON_NOUNS.iter().filter(|w| elsewhere(w)).count(), 0);
        let mut own = PERSON_NOUNS.to_vec();
        own.sort_unstable();
        own.dedup();
        assert_eq!(own.len(), PERSON_NOUNS.len());
    }

    #[test]
    fn a_lower_case_noun_before_a_preposition_heads_the_phrase() {
        assert!(!looks_like_person(
            "Most harbor workers in Ashton, Dover and Kent"
        ));
        assert!(looks_like_person("The mayor of Ashton"));
        assert!(looks_like_person("Mayor Ada Lowe of Ashton"));
        assert!(!looks_like_person("An anti-tax super PAC"));
    }

    #[test]
    fn a_feeling_in_or_is_no_agent() {
        // "-or" and "-er" make "the governor" and "the reporter" people,
        // not "the rancor" or "the merger".
        for thing in ["The rancor", "the furor", "The merger", "the danger"] {
            assert!(!looks_like_person(thing), "{thing}");
        }
        assert!(looks_like_person("the governor"));
        assert!(looks_like_person("The moderator"));
    }

    #[test]
    fn one_capitalised_plural_of_people_is_a_group() {
        for group in [
            "Ashtonians",
            "Americans",
            "Economists",
            "Lawmakers",
            "Voters",
        ] {
            assert!(!looks_like_person(group), "{group}");
        }
        for surname in ["Sanders", "Evans", "Waters", "Rogers", "Ramos", "Lowe"] {
            assert!(looks_like_person(surname), "{surname}");
        }
    }
}
