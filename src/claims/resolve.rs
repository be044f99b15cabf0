//! Speaker resolution across an article: "he said" and follow-on quotes go
//! to the most recent named speaker; "the source said" goes to the source
//! introduced earlier ("a senior Russian source").

use super::lexicon;

/// The speakers seen so far in one article.
#[derive(Debug, Default)]
pub struct Speakers {
    /// The most recent speaker named by the article (not a pronoun).
    last: Option<String>,
    /// The most recent speaker that looks like a person ("Ada Wren",
    /// "Mr. Kell"), for "he"/"she".
    last_person: Option<String>,
    /// Indefinite speakers introduced lately ("a Ukrainian spokesperson")
    /// with their lower-cased head noun, newest last, at most
    /// [`INTRODUCED_MAX`] so a long article stays linear.
    introduced: Vec<(String, String)>,
    /// Recent person speakers with the gender the article has shown for
    /// them, newest last, at most [`PERSONS_MAX`]: "she" skips a man.
    persons: Vec<(String, Gender)>,
}

/// What an article has shown about a person's gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Unknown,
    Male,
    Female,
}

/// How many recent persons "he"/"she" may look back over.
const PERSONS_MAX: usize = 8;

/// How many introduced sources "the source" may look back over.
const INTRODUCED_MAX: usize = 16;

impl Speakers {
    /// The most recent named speaker.
    pub fn last(&self) -> Option<String> {
        self.last.clone()
    }

    /// Resolves a speaker phrase as written to the speaker it names, and
    /// remembers it for later pronouns and definite descriptions.
    pub fn resolve(&mut self, phrase: &str) -> Option<String> {
        let mut lower = phrase.to_lowercase().replace('\u{2019}', "'");
        // "He's claiming": the contraction names the pronoun.
        if let Some((stem, _)) = lower.split_once('\'')
            && lexicon::is_pronoun(stem)
            && !lower.contains(' ')
        {
            lower = stem.to_string();
        }
        if lexicon::is_pronoun(&lower) || lower == "who" {
            let personal = matches!(lower.as_str(), "he" | "she" | "him" | "her" | "who");
            let gender = match lower.as_str() {
                "he" | "him" => Gender::Male,
                "she" | "her" => Gender::Female,
                _ => Gender::Unknown,
            };
            let found = if personal {
                self.person_for(gender)
                    .or_else(|| self.last_person.clone())
                    .or_else(|| self.last.clone())
            } else {
                self.last.clone()
            };
            if found.is_some() {
                self.last.clone_from(&found);
            }
            return found;
        }
        let mut words = lower.split_whitespace();
        let first = words.next().unwrap_or("");
        let head = lower.split_whitespace().next_back().unwrap_or("");
        let resolved = if let Some(named) = self.described(phrase) {
            // "the Republican nominee" → "Republican nominee Ann Lee".
            named
        } else if first == "the"
            && !phrase
                .get(3..)
                .unwrap_or("")
                .chars()
                .any(char::is_uppercase)
        {
            // "the source" → the earlier "a senior Russian source".
            self.introduced
                .iter()
                .rev()
                .find(|(_, h)| h == head)
                .map(|(s, _)| s.clone())
                .unwrap_or_else(|| phrase.to_string())
        } else {
            if first == "a" || first == "an" {
                if self.introduced.len() == INTRODUCED_MAX {
                    self.introduced.remove(0);
                }
                self.introduced.push((phrase.to_string(), head.to_string()));
            }
            phrase.to_string()
        };
        if looks_like_person(&resolved) {
            self.last_person = Some(resolved.clone());
            self.note_person(&resolved, gender_of(&resolved));
        }
        self.last = Some(resolved.clone());
        Some(resolved)
    }
}

impl Speakers {
    /// The most recent person who may be "he"/"she" (`gender`), learning
    /// that gender for them; `None` when no recent person fits.
    fn person_for(&mut self, gender: Gender) -> Option<String> {
        if gender == Gender::Unknown {
            return None;
        }
        let i = self
            .persons
            .iter()
            .rposition(|(_, g)| *g == gender || *g == Gender::Unknown)?;
        let (name, _) = self.persons.remove(i);
        self.persons.push((name.clone(), gender));
        self.last_person = Some(name.clone());
        Some(name)
    }

    /// The recent named person a role description refers to: "the
    /// president" or "the Democratic nominee" after "Democratic nominee
    /// Ann Lee", "the senator" after "Sen. Ann Lee". The head must be a
    /// lower-case singular role and every capitalised modifier must recur.
    fn described(&self, phrase: &str) -> Option<String> {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let (&head, mods) = words.split_last()?;
        let first = mods.first()?;
        let definite = first.eq_ignore_ascii_case("the");
        let bare = first.chars().next().is_some_and(char::is_lowercase);
        if !(definite || bare) || !head.chars().all(|c| c.is_ascii_lowercase()) {
            return None;
        }
        if head.ends_with('s') || !ROLE_HEADS.iter().any(|(r, _)| *r == head) {
            return None;
        }
        let short = ROLE_HEADS
            .iter()
            .find(|(r, _)| *r == head)
            .map_or(head, |(_, a)| a);
        let capitals: Vec<&str> = mods
            .iter()
            .skip(usize::from(definite))
            .filter(|w| w.starts_with(char::is_uppercase))
            .copied()
            .collect();
        self.persons.iter().rev().map(|(n, _)| n).find_map(|name| {
            // `head` and `short` are lower-case ASCII: compare without copies.
            let has_role = name.split_whitespace().any(|w| {
                let w = w.trim_end_matches('.');
                w.eq_ignore_ascii_case(head) || w.eq_ignore_ascii_case(short)
            });
            let named = name
                .split_whitespace()
                .skip_while(|w| !w.starts_with(char::is_uppercase))
                .count()
                > capitals.len();
            let mods_ok = capitals.iter().all(|c| name.contains(c));
            (has_role && named && mods_ok && name != phrase).then(|| name.clone())
        })
    }

    /// Remembers a person speaker as the newest, keeping a known gender.
    fn note_person(&mut self, name: &str, gender: Gender) {
        let known = match self.persons.iter().position(|(n, _)| n == name) {
            Some(i) => self.persons.remove(i).1,
            None => Gender::Unknown,
        };
        let gender = if gender == Gender::Unknown {
            known
        } else {
            gender
        };
        if self.persons.len() == PERSONS_MAX {
            self.persons.remove(0);
        }
        self.persons.push((name.to_string(), gender));
    }
}

/// Role nouns a description may refer back by ("the senator"), with the
/// title abbreviation a name may carry instead ("Sen. Ann Lee").
#[rustfmt::skip]
const ROLE_HEADS: &[(&str, &str)] = &[
    ("president", "pres"), ("senator", "sen"), ("governor", "gov"),
    ("representative", "rep"), ("congressman", "rep"), ("congresswoman", "rep"),
    ("nominee", "nominee"), ("candidate", "candidate"), ("secretary", "secretary"),
    ("minister", "minister"), ("mayor", "mayor"), ("chancellor", "chancellor"),
    ("chairman", "chairman"), ("chairwoman", "chairwoman"), ("director", "director"),
    ("spokesman", "spokesman"), ("spokeswoman", "spokeswoman"), ("spokesperson", "spokesperson"),
    ("leader", "leader"), ("chief", "chief"), ("judge", "judge"), ("attorney", "attorney"),
    ("ambassador", "ambassador"), ("general", "gen"), ("prime", "prime"), ("premier", "premier"),
    ("commissioner", "commissioner"), ("sheriff", "sheriff"), ("officer", "officer"),
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
fn gender_of(phrase: &str) -> Gender {
    let mut gender = Gender::Unknown;
    for word in phrase.split_whitespace() {
        let w = word.trim_matches(|c: char| !c.is_alphanumeric());
        // The lists are lower-case ASCII: compare without a copy.
        if FEMALE_WORDS.iter().any(|f| w.eq_ignore_ascii_case(f)) {
            gender = Gender::Female;
        } else if MALE_WORDS.iter().any(|m| w.eq_ignore_ascii_case(m)) {
            gender = Gender::Male;
        }
    }
    gender
}

/// A speaker that could be "he" or "she": not a plural ("officials") and
/// not an organisation or document ("the Committee", "a new report").
fn looks_like_person(phrase: &str) -> bool {
    let head = phrase
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    let plural =
        head.ends_with('s') && !head.ends_with("ss") && !head.starts_with(char::is_uppercase);
    // "the Commission on Presidential Debates", "The New York Times".
    let first = phrase.split_whitespace().next().unwrap_or("");
    let named_institution =
        first.eq_ignore_ascii_case("the") && head.starts_with(char::is_uppercase);
    !plural && !named_institution && !lexicon::is_organisation_word(&head.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
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
}
