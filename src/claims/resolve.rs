//! Speaker resolution across an article: "he said" and follow-on quotes go
//! to the most recent named speaker; "the source said" goes to the source
//! introduced earlier ("a senior Russian source").

use super::lexicon;
use super::names;
use super::persons::{Gender, ROLE_HEADS, gender_of, given_name_gender, looks_like_person};

/// The speakers seen so far in one article.
#[derive(Debug, Default, Clone)]
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
    /// A plural subject named since the last speaker ("Twelve towns are
    /// suing"), which a following "they" means.
    group: Option<String>,
    /// A person a sentence was about since the last speaker, whom a
    /// following unattributed quotation belongs to.
    topic: Option<String>,
}

/// How many recent persons "he"/"she" may look back over.
const PERSONS_MAX: usize = 8;

/// How many introduced sources "the source" may look back over.
const INTRODUCED_MAX: usize = 16;

impl Speakers {
    /// Who an unattributed quotation belongs to: the person the article
    /// turned to since the last speaker ("Sen. Ada Lowe made this comment:
    /// \"…\""), else the most recent speaker.
    pub fn quote_owner(&self) -> Option<String> {
        self.topic.clone().or_else(|| self.last.clone())
    }

    /// Resolves a speaker phrase as written to the speaker it names, and
    /// remembers it for later pronouns and definite descriptions.
    pub fn resolve(&mut self, phrase: &str) -> Option<String> {
        let mut lower = phrase.to_lowercase();
        if lower.contains('\u{2019}') {
            lower = lower.replace('\u{2019}', "'");
        }
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
                // "she" never means "police" or "the report".
                let agrees = |name: &String| {
                    let g = gender_of(name);
                    g == Gender::Unknown || gender == Gender::Unknown || g == gender
                };
                self.person_for(gender)
                    .or_else(|| self.last_person.clone().filter(agrees))
                    .or_else(|| {
                        self.last
                            .clone()
                            .filter(|l| looks_like_person(l) && agrees(l))
                    })
            } else if lower == "they" && self.group.is_some() {
                self.group.clone()
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
        if names_nobody(first) {
            // "No one expected …" names nobody a later "he" could mean.
            return Some(phrase.to_string());
        }
        let head = phrase_head(&lower);
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
        self.group = None;
        self.topic = None;
        if looks_like_person(&resolved) {
            self.last_person = Some(resolved.clone());
            self.note_person(&resolved, gender_of(&resolved));
        }
        self.last = Some(resolved.clone());
        Some(resolved)
    }
}

impl Speakers {
    /// Notes a person the article names outside an attribution ("Ola
    /// Brandt, 45, runs a bakery."), so a later "she said" can reach them.
    /// Unlike a speaker, a mention is not what a follow-on quote continues.
    pub fn mention(&mut self, name: &str) {
        let first = name.split_whitespace().next().unwrap_or("");
        let named = name.starts_with(char::is_uppercase)
            && !names_nobody(&first.to_ascii_lowercase())
            && !lexicon::is_pronoun(&first.to_ascii_lowercase());
        if named && looks_like_person(name) {
            self.topic = Some(name.to_string());
            self.last_person = Some(name.to_string());
            self.note_person(name, gender_of(name));
        }
    }

    /// Notes the subject of "was asked by …" ("Rubio was asked by the
    /// moderator whether …"): being asked shows a person, the one a
    /// follow-on quotation or "he" means, however the name looks.
    pub fn mention_asked(&mut self, name: &str) {
        self.topic = Some(name.to_string());
        self.last_person = Some(name.to_string());
        self.note_person(name, Gender::Unknown);
    }

    /// The person an unattributed sentence's opening "he"/"she" means,
    /// kept as the newest person of that gender; `None` when none fits.
    pub fn continue_pronoun(&mut self, pronoun: &str) -> Option<String> {
        self.person_for(match pronoun {
            "he" => Gender::Male,
            "she" => Gender::Female,
            _ => Gender::Unknown,
        })
    }

    /// Notes a plural subject ("Twelve towns led by Brill are suing"): a
    /// "they" before the next named speaker means them.
    pub fn mention_group(&mut self, group: &str) {
        self.group = Some(group.to_string());
    }

    /// Notes the people among a sentence's named entities: full names
    /// with a common given name ("Paul Marsh") and later mentions of a
    /// known person by surname ("Marsh"). The person the sentence is about
    /// (`speaker`: its speaker or named subject) stays the most recent.
    pub fn mention_entities(&mut self, entities: &[String], speaker: Option<&str>) {
        self.mention_each(entities.iter().map(String::as_str), speaker);
    }

    /// [`Self::mention_entities`] over borrowed names (a filtered list
    /// needs no copies).
    pub fn mention_each<'e>(
        &mut self,
        entities: impl DoubleEndedIterator<Item = &'e str>,
        speaker: Option<&str>,
    ) {
        // Earlier mentions are likelier the subject, so they end up newest.
        for entity in entities.rev() {
            if speaker == Some(entity) {
                continue;
            }
            if !entity.contains(' ') {
                if let Some(known) = self.known_by_surname(entity) {
                    self.note_person(&known, Gender::Unknown);
                } else if let Some(g) = names::given_name(entity) {
                    // "Melanie thought it was outrageous.": a person the
                    // article calls by first name.
                    self.note_person(entity, Gender::from(g));
                }
                continue;
            }
            // Only a given name marks a mentioned person: "Miss Universe"
            // and "the Ledger Show" are not people.
            let gender = given_name_gender(entity);
            let surname = entity.split_whitespace().next_back().unwrap_or("");
            let full = surname.len() > 2 && !surname.ends_with('.');
            if gender != Gender::Unknown && full && looks_like_person(entity) {
                self.note_person(entity, gender);
            }
        }
        if let Some(s) = speaker {
            if self.persons.iter().any(|(n, _)| n == s) {
                self.note_person(s, Gender::Unknown);
            } else {
                self.mention(s);
            }
        }
    }

    /// Learns a speaker's gender from the pronoun that opens what they
    /// said ("Lowe said she would run": Lowe is a woman). `female` is
    /// `None` when the words after the cue start with no such pronoun.
    pub fn hint_gender(&mut self, name: &str, female: Option<bool>) {
        let Some(female) = female else { return };
        let gender = if female { Gender::Female } else { Gender::Male };
        if let Some(entry) = self.persons.iter_mut().find(|(n, _)| n == name)
            && entry.1 == Gender::Unknown
        {
            entry.1 = gender;
        }
    }

    /// Whether the article shows `phrase` to be a person: it names one it
    /// has seen ("Lowe" after "Ada Lowe"), or carries a given name or a
    /// gendered title ("Mrs. Lowe").
    pub fn vouches(&self, phrase: &str) -> bool {
        let last = phrase.split_whitespace().next_back().unwrap_or("");
        let last = last.trim_end_matches(|c: char| !c.is_alphanumeric());
        let known = self.last.as_deref() == Some(phrase)
            || self.persons.iter().any(|(n, _)| n == phrase)
            || self.known_by_surname(last).is_some();
        known || (phrase.contains(' ') && gender_of(phrase) != Gender::Unknown)
    }

    /// Whether the article has shown `phrase` (or the person it names by
    /// surname) to be of the other gender than the pronoun `he`/`she`.
    pub fn disagrees(&self, phrase: &str, pronoun: &str) -> bool {
        let want = match pronoun.to_ascii_lowercase().as_str() {
            "he" => Gender::Male,
            "she" => Gender::Female,
            _ => return false,
        };
        match gender_of(phrase) {
            Gender::Unknown => {}
            g => return g != want,
        }
        // "Clinton" may be Bill or Hillary: only when every known person
        // of that name is of the other gender.
        let last = phrase.split_whitespace().next_back().unwrap_or("");
        let mut known = self
            .persons
            .iter()
            .filter(|(n, g)| *g != Gender::Unknown && (n == phrase || ends_with_word(n, last)))
            .peekable();
        known.peek().is_some() && known.all(|(_, g)| *g != want)
    }

    /// The known person whose name ends with `surname`.
    fn known_by_surname(&self, surname: &str) -> Option<String> {
        // "DNC", "NATO": an acronym is no one's surname.
        if surname.chars().all(|c| !c.is_lowercase()) {
            return None;
        }
        self.persons
            .iter()
            .rev()
            .find(|(n, _)| n != surname && ends_with_word(n, surname))
            .map(|(n, _)| n.clone())
    }
}

impl Speakers {
    /// The most recent person who may be "he"/"she" (`gender`), learning
    /// that gender for them; `None` when no recent person fits.
    fn person_for(&mut self, gender: Gender) -> Option<String> {
        if gender == Gender::Unknown {
            return None;
        }
        // "Trump" after "Donald Trump" is a man too.
        let effective = |name: &str, g: Gender| {
            if g != Gender::Unknown {
                return g;
            }
            let surname = name.split_whitespace().next_back();
            self.persons
                .iter()
                .find(|(n, k)| {
                    *k != Gender::Unknown
                        && surname.is_some_and(|s| ends_with_word(n, s))
                        && same_by_surname(name, n)
                })
                .map_or(Gender::Unknown, |(_, k)| *k)
        };
        let i = self.persons.iter().rposition(|(n, g)| {
            let g = effective(n, *g);
            g == gender || g == Gender::Unknown
        })?;
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
        // Most phrases are names: rule them out before collecting words.
        let last = phrase.split_whitespace().next_back()?;
        if !last.bytes().all(|c| c.is_ascii_lowercase())
            || last.ends_with('s')
            || self.persons.is_empty()
            || !ROLE_HEADS.iter().any(|(r, _)| *r == last)
        {
            return None;
        }
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
            // The role is the person's own title, not the one of whom
            // they speak or work for ("a spokesman for the governor").
            let mut served = false;
            let has_role = name.split_whitespace().any(|w| {
                served |= matches!(w, "for" | "to" | "of");
                let w = w.trim_end_matches('.');
                !served && (w.eq_ignore_ascii_case(head) || w.eq_ignore_ascii_case(short))
            });
            let named = name
                .split_whitespace()
                .skip_while(|w| {
                    !w.starts_with(char::is_uppercase) || matches!(*w, "A" | "An" | "The")
                })
                .count()
                > capitals.len();
            let mods_ok = capitals.iter().all(|c| name.contains(c));
            (has_role && named && mods_ok && name != phrase).then(|| name.clone())
        })
    }

    /// Remembers a person speaker as the newest, keeping a known gender.
    fn note_person(&mut self, name: &str, gender: Gender) {
        // "Mayor Ada Lowe's comments …": the person, not the possessive.
        let name = name
            .strip_suffix("'s")
            .or_else(|| name.strip_suffix("\u{2019}s"))
            .filter(|n| n.len() > 1)
            .unwrap_or(name);
        // A person noted again keeps its string: no new copy of the name.
        let mut kept: Option<String> = None;
        let known = match self.persons.iter().position(|(n, _)| n == name) {
            Some(i) => {
                let (n, g) = self.persons.remove(i);
                kept = Some(n);
                g
            }
            // "Marsh" after "Paul Marsh": the same man.
            None => name
                .split_whitespace()
                .next_back()
                .and_then(|surname| {
                    self.persons.iter().rev().find(|(n, g)| {
                        *g != Gender::Unknown
                            && ends_with_word(n, surname)
                            && same_by_surname(name, n)
                    })
                })
                .map_or(Gender::Unknown, |(_, g)| *g),
        };
        let gender = if gender == Gender::Unknown {
            known
        } else {
            gender
        };
        if self.persons.len() == PERSONS_MAX {
            self.persons.remove(0);
        }
        let name = kept.unwrap_or_else(|| name.to_string());
        self.persons.push((name, gender));
    }
}

/// The head noun of a lower-case descriptive phrase: its last word before
/// a complement ("a spokesman for the governor" → "spokesman", "a person
/// familiar with the talks" → "person"), else its last word.
fn phrase_head(lower: &str) -> &str {
    let mut head = "";
    for w in lower.split_whitespace() {
        if !head.is_empty()
            && matches!(
                w,
                "of" | "for"
                    | "to"
                    | "at"
                    | "from"
                    | "with"
                    | "in"
                    | "on"
                    | "close"
                    | "familiar"
                    | "who"
                    | "briefed"
                    | "involved"
            )
        {
            break;
        }
        head = w;
    }
    head.trim_end_matches(',')
}

/// True when the last word of `name` is `word` ("Paul Marsh", "Marsh").
fn ends_with_word(name: &str, word: &str) -> bool {
    // The cheap suffix test first: most names end otherwise.
    name.trim_end().ends_with(word) && name.split_whitespace().next_back() == Some(word)
}

/// True when `name`, sharing its surname with `known`, may be the same
/// person: it adds no first name of its own ("Marsh", "Sen. Marsh",
/// "President Marsh" after "Paul Marsh"); "Ada Marsh" is someone else,
/// whose gender the other Marsh does not show.
fn same_by_surname(name: &str, known: &str) -> bool {
    let mut words = name.split_whitespace();
    words.next_back();
    words.all(|w| {
        w.ends_with('.')
            || !w.starts_with(char::is_uppercase)
            || known.split_whitespace().any(|k| k == w)
            || ROLE_HEADS.iter().any(|(r, _)| w.eq_ignore_ascii_case(r))
    })
}

/// True for the first word of a phrase that names no one in particular
/// ("No one expected …", "everyone agreed").
fn names_nobody(first: &str) -> bool {
    matches!(
        first,
        "no" | "nobody" | "none" | "everyone" | "everybody" | "anyone" | "someone" | "every"
    )
}

/// The resolved sources of a sentence with several attributions, in
/// order: the main one (`main_phrase` as written) is the sentence's
/// `speaker`; each other is resolved against `before`, the speakers as they
/// stood before the sentence, without remembering it. A source that
/// resolves to nobody or repeats an earlier one is left out.
pub(super) fn sources(
    before: &Speakers,
    all: &[super::speakers::Attribution],
    main_phrase: Option<&str>,
    speaker: Option<&str>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(all.len());
    for a in all {
        let resolved = if Some(a.speaker.as_str()) == main_phrase {
            speaker.map(str::to_string)
        } else {
            before.clone().resolve(&a.speaker)
        };
        if let Some(r) = resolved
            && !out.contains(&r)
        {
            out.push(r);
        }
    }
    out
}

#[cfg(test)]
mod tests;
