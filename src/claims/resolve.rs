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
}

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
            let found = if personal {
                self.last_person.clone().or_else(|| self.last.clone())
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
        let resolved = if first == "the"
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
        }
        self.last = Some(resolved.clone());
        Some(resolved)
    }
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
}
