//! Same referent, other name: whether the article itself ties a name to a
//! description ("Jan Roe, the harbour master"; "the city's mayor, Ana
//! Diaz"; "Mayor Ana Diaz"; "Lund, the region's capital"), so that a speaker
//! or entity change between the two is a rewording, not a new source.
//! [`Ties`] holds the article's folded sentences and answers [`Ties::tied`].

/// Words after or before an apposition's comma in which the other side
/// must stand.
const WINDOW_WORDS: usize = 6;

/// Leading words that make a description, not a name.
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "his", "her", "their", "our"];

/// Lower-case words that also stand inside names ("Ludwig van Beethoven").
const NAME_PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "di", "du", "del", "la", "le", "bin", "al", "el", "y",
];

/// The sentences of both revisions, lower-cased, in which ties are looked
/// up.
pub(crate) struct Ties {
    texts: Vec<String>,
}

impl Ties {
    pub(crate) fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        Ties {
            texts: texts
                .into_iter()
                .map(|t| super::words::fold(t).to_lowercase())
                .collect(),
        }
    }

    /// Whether the article ties `a` and `b` as one referent: one is a name,
    /// the other a description that some sentence puts beside the name as
    /// an apposition or a title.
    pub(crate) fn tied(&self, a: &str, b: &str) -> bool {
        let (name, role) = match (is_description(a), is_description(b)) {
            (false, true) => (a, b),
            (true, false) => (b, a),
            _ => return false,
        };
        let Some(surname) = words(name).pop() else {
            return false;
        };
        let role = words(role);
        let role = match role.first() {
            Some(w) if DETERMINERS.contains(&w.as_str()) => &role[1..],
            _ => &role[..],
        };
        if role.is_empty() || surname.len() < 2 {
            return false;
        }
        self.texts.iter().any(|t| {
            let w = words(t);
            appositive(&w, &surname, role) || titled(&w, &surname, role)
        })
    }
}

/// Words of `s`, lower-cased, with the punctuation around them cut but a
/// trailing comma kept as its own word (it marks the apposition).
fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in s.split_whitespace() {
        let comma = raw.ends_with(',');
        let w = raw
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '.')
            .trim_end_matches('.')
            .to_lowercase();
        if !w.is_empty() {
            out.push(w);
        }
        if comma {
            out.push(",".into());
        }
    }
    out
}

/// A description has a lower-case word that is no particle of a name ("the
/// harbour master", "Ukraine's capital"); a name has none ("Ana Diaz").
fn is_description(s: &str) -> bool {
    s.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        w.chars().next().is_some_and(char::is_lowercase) && !NAME_PARTICLES.contains(&w)
    }) || s.contains("'s ")
}

/// "<name>, [the] <role>," or "[the] <role>, <name>,": the role's words
/// end the comma-bounded phrase beside the name, and that phrase is a
/// description (it opens with a determiner, a possessive or the role).
fn appositive(w: &[String], surname: &str, role: &[String]) -> bool {
    let describes = |phrase: &[String]| {
        phrase.len() <= WINDOW_WORDS
            && ends_with_run(phrase, role)
            && phrase.first().is_some_and(|f| {
                DETERMINERS.contains(&f.as_str()) || f.ends_with("'s") || *f == role[0]
            })
    };
    for (i, word) in w.iter().enumerate() {
        if word != surname {
            continue;
        }
        // "<name>, the <role>[,|end]"
        if w.get(i + 1).is_some_and(|c| c == ",") {
            let after = &w[i + 2..];
            let upto = after.iter().position(|x| x == ",").unwrap_or(after.len());
            if describes(&after[..upto]) {
                return true;
            }
        }
        // "the <role>, [First] <name>[,|end]"
        let closed = w.get(i + 1).is_none_or(|c| c == ",");
        for back in 1..=3 {
            if closed && i >= back && w[i - back] == "," {
                let before = &w[..i - back];
                let from = before.iter().rposition(|x| x == ",").map_or(0, |p| p + 1);
                let phrase = &before[from..];
                // The role may close a longer clause: "..., said the mayor, Ana Diaz".
                let tail = &phrase[phrase.len().saturating_sub(role.len() + 1)..];
                if describes(tail) || describes(phrase) {
                    return true;
                }
            }
        }
    }
    false
}

/// "<Role head> [First] <Name>": the description's last word used as a
/// title right before the name ("President Ana Diaz" ties "the
/// president").
fn titled(w: &[String], surname: &str, role: &[String]) -> bool {
    let Some(head) = role.last() else {
        return false;
    };
    w.iter()
        .enumerate()
        .any(|(i, word)| word == surname && (1..=2).any(|back| i >= back && w[i - back] == *head))
}

fn ends_with_run(hay: &[String], run: &[String]) -> bool {
    hay.len() >= run.len() && hay[hay.len() - run.len()..] == *run
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ties(texts: &[&str]) -> Ties {
        Ties::new(texts.iter().copied())
    }

    #[test]
    fn appositions_and_titles_tie_a_name_to_its_role() {
        let t = ties(&["Ana Diaz, the city's mayor, opened the bridge on Monday."]);
        assert!(t.tied("Ana Diaz", "the city's mayor"));
        assert!(t.tied("the city's mayor", "Diaz"));
        let t = ties(&["The harbour master, Jan Roe, closed the port."]);
        assert!(t.tied("Jan Roe", "the harbour master"));
        let t = ties(&["Harbour Master Jan Roe closed the port."]);
        assert!(t.tied("Roe", "the harbour master"));
        let t = ties(&["Shelling hit Lund, the region's capital, overnight."]);
        assert!(t.tied("Lund", "the region's capital"));
        let t = ties(&["The port stays shut, said the harbour master, Jan Roe."]);
        assert!(t.tied("Jan Roe", "the harbour master"));
    }

    #[test]
    fn other_people_and_untied_roles_stay_apart() {
        // A list is no apposition.
        let t = ties(&["Ana Diaz, Jan Roe and the harbour master met."]);
        assert!(!t.tied("Ana Diaz", "Jan Roe"));
        assert!(!t.tied("Ana Diaz", "the harbour master"));
        // Nothing in the article ties them.
        let t = ties(&["Ana Diaz opened the bridge.", "The mayor was absent."]);
        assert!(!t.tied("Ana Diaz", "the mayor"));
        // Two descriptions, or two names, are never tied here.
        let t = ties(&["The mayor, the harbour master, spoke."]);
        assert!(!t.tied("the mayor", "the harbour master"));
        // The role must sit beside the apposition's comma, not further on.
        let t = ties(&["Ana Diaz, who left, told the mayor of the plan."]);
        assert!(!t.tied("Ana Diaz", "the mayor"));
    }
}
