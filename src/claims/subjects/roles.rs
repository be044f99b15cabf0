//! Role and name phrases inside a subject: a role noun with its
//! complement ("A spokesman for the harbor firm"), a title run that
//! resumes after role nouns, a name set off between commas, and a lone
//! opening name before a participle.

use std::ops::Range;

use super::super::lexicon;
use super::super::persons::{self, ROLE_HEADS};
use super::super::phrases::{Tok, phrase_before};

/// "A spokesman for the harbor firm declined …", "The director of the
/// port center has …": after the determiner at `i - 1`, a role noun with
/// its "for"/"of"/"at" phrase, ending where the verb begins (the end
/// returned).
pub(super) fn role_with_complement(toks: &[Tok], i: usize, before: usize) -> Option<usize> {
    let head = toks.get(i)?;
    let singular = head.lw.strip_suffix('s').unwrap_or(head.lw);
    let role = !head.capitalized()
        && !head.ends_clause()
        && (ROLE_HEADS.iter().any(|(r, _)| *r == head.lw)
            || matches!(
                singular,
                "person" | "source" | "people" | "official" | "aide"
            ));
    let next = |k: usize| {
        toks.get(k)
            .filter(|n| !n.ends_clause())
            .map_or("", |n| n.lw)
    };
    // "A person familiar with the talks", "sources close to the mayor".
    let from = match (next(i + 1), next(i + 2)) {
        ("for" | "of" | "at" | "with", _) => i + 3,
        (a, b) if lexicon::is_close_to(a, b) => i + 4,
        _ => return None,
    };
    if !role {
        return None;
    }
    for k in from..before.min(i + 12) {
        let t = &toks[k];
        let w = t.lw;
        if t.quoted || toks[k - 1].ends_clause() {
            return None;
        }
        let verb = !t.capitalized()
            && (w.len() > 4 && w.ends_with("ed")
                || lexicon::is_verb_modifier(w)
                || lexicon::is_passive_aux(w)
                || lexicon::may_cue(w));
        if verb {
            return Some(k);
        }
    }
    None
}

/// "Vaz, speaking in Dover, Kent, warned …": a lone opening word that is
/// no ordinary word, with an "-ing" word after its comma (a participle,
/// or "during"), is the name the aside describes (a capital on the first
/// word alone shows nothing).
pub(super) fn opening_name_before_participle(toks: &[Tok], np: &Range<usize>) -> bool {
    let participle = toks.get(np.end).is_some_and(|n| {
        let w = n.lw;
        w.len() > 5 && w.ends_with("ing") && !n.capitalized()
    });
    *np == (0..1) && participle && lexicon::classes(toks[0].lw) == 0
}

/// "…, her senior adviser, Tomas Egger, said": the name between the
/// commas before the cue (`j`), set off after a person or role noun.
pub(super) fn named_appositive(toks: &[Tok], j: usize) -> Option<Range<usize>> {
    if !toks[j - 1].raw.ends_with(',') {
        return None;
    }
    let lo = j.saturating_sub(4);
    let k = (lo..j - 1).rev().find(|&k| toks[k].raw.ends_with(','))?;
    let name = k + 1..j;
    let capitals = toks[name.clone()]
        .iter()
        .all(|t| !t.quoted && (t.capitalized() || t.raw.starts_with('(')));
    let role = !toks[k].capitalized() && persons::is_person_noun(toks[k].lw);
    (capitals && role && name.len() <= 4).then_some(name)
}

/// "The director of the port center, Ina Kirsch, told", "One pastor
/// backing Mr. Lowe, Tom Reed of Grace Church, said": a name set off after
/// the role phrase that opens the clause says who the role is, and the
/// name speaks (not a name inside the role's complement).
pub(super) fn name_after_role_phrase(toks: &[Tok], j: usize) -> Option<Range<usize>> {
    if j < 5 || !toks[j - 1].raw.ends_with(',') {
        return None;
    }
    let k = (j.saturating_sub(9)..j - 1)
        .rev()
        .find(|&k| toks[k].raw.ends_with(','))?;
    // The name: two to four capitalised words, maybe placed after it ("of
    // Grace Church in Dover").
    let start = k + 1;
    let mut end = start;
    while end < j && end - start < 4 {
        let t = &toks[end];
        if !t.capitalized() || t.quoted || lexicon::is_organisation_word(t.lw) {
            break;
        }
        end += 1;
        if t.ends_clause() {
            break;
        }
    }
    let located = end < j
        && matches!(toks[end].lw, "of" | "from" | "at" | "in")
        && toks[end + 1..j]
            .iter()
            .all(|t| (t.capitalized() || matches!(t.lw, "of" | "in" | "at")) && !t.quoted);
    if end - start < 2 || end != j && !located || toks[start].lw == "the" {
        return None;
    }
    // The role phrase: from the clause's start up to the comma, opened by
    // a determiner or "one", with a person noun among its first words.
    let s = (k.saturating_sub(10)..=k).find(|&s| {
        (s == 0 || toks[s - 1].raw.ends_with(',')) && (s..k).all(|i| !toks[i].ends_clause())
    })?;
    let opener = toks[s].lw;
    // "Ann Lee, the editor of the Post, The Herald, said": the role phrase
    // is itself set off after a name, which speaks.
    let after_name = s > 0 && toks[s - 1].capitalized();
    if after_name || !(lexicon::is_determiner(opener) || opener == "one") {
        return None;
    }
    let person = (s + 1..=k.min(s + 3)).any(|i| {
        let t = &toks[i];
        let w = t.lw;
        let singular = if opener == "one" {
            w.strip_suffix('s').unwrap_or(w)
        } else {
            w
        };
        !t.capitalized() && persons::is_person_noun(singular)
    });
    // "A senior official in Dover, Kent County, said": a place after a
    // place is no name.
    let place = toks[k].capitalized()
        && (s..=k)
            .rev()
            .take_while(|&i| toks[i].capitalized())
            .last()
            .is_some_and(|i| i > s && matches!(toks[i - 1].lw, "in" | "at" | "from" | "near"));
    (person && !place).then_some(start..end)
}

/// "A senior official in Dover, Kent, speaking on condition of anonymity,
/// said": the place (and its region after a comma) that ends the phrase
/// before an aside locates the person or group before it, who speaks.
pub(super) fn located_person(toks: &[Tok], np: Range<usize>) -> Range<usize> {
    let mut phrase = np.clone();
    // "Dover, Md.": a region after its place, both capitalised.
    if phrase.len() == 1
        && phrase.start >= 2
        && toks[phrase.start - 1].raw.ends_with(',')
        && toks[phrase.start - 1].capitalized()
        && super::shares::place_region(toks, phrase.start) == 1
        && let Some(p) = super::phrase_before(toks, phrase.start)
    {
        phrase = p.start..np.end;
    }
    let locative = |k: usize| matches!(toks[k].lw, "in" | "at" | "from") && !toks[k].ends_clause();
    // The preposition may be inside the phrase ("Aides in Dover", read as
    // one capitalised run) or right before it.
    let (who, at) = match (phrase.start + 1..phrase.end).rev().find(|&k| locative(k)) {
        Some(k) => (phrase.start..k, k),
        None if phrase.start >= 2 && locative(phrase.start - 1) => {
            match super::phrase_before(toks, phrase.start - 1) {
                Some(who) => (who, phrase.start - 1),
                None => return np,
            }
        }
        None => return np,
    };
    // "from a colleague, from Mike Lee": a comma before the preposition
    // sets the place phrase apart.
    if who.is_empty()
        || toks[at - 1].ends_clause()
        || !toks[at + 1..np.end].iter().all(Tok::capitalized)
    {
        return np;
    }
    let head = &toks[who.end - 1];
    let w = head.lw;
    let person = persons::is_person_noun(w)
        || w.len() > 4 && w.ends_with('s') && persons::is_person_noun(&w[..w.len() - 1]);
    if person && (who.end == 1 || !head.capitalized()) {
        who.start..np.end
    } else {
        np
    }
}

/// "\"…,\" Ann Lee, 59, of Ashton, Md., who …, said": after the quotation
/// that opens the sentence, the name that opens the chain of appositives
/// before `j`.
pub(super) fn name_after_quotation(toks: &[Tok], j: usize) -> Option<Range<usize>> {
    let q = toks.iter().position(|t| !t.quoted)?;
    let closes = |t: &Tok| {
        t.raw
            .trim_end_matches(['"', '\u{201D}', '\''])
            .ends_with(',')
    };
    if q == 0 || q + 2 > j || !closes(&toks[q - 1]) {
        return None;
    }
    let e = (q..j).find(|&k| toks[k].raw.ends_with(','))?;
    let name = super::phrase_before(toks, e + 1)?;
    let named = toks[name.clone()].iter().all(Tok::capitalized);
    (name.start == q && name.len() <= 4 && named).then_some(name)
}

/// "Ada Lowe, host of WXRT's "Morning Desk," said": a quoted title closes
/// the appositive, so the subject is the name that opens the clause before
/// it. `j` ends the quoted title; a role noun must stand in the appositive.
pub(super) fn quoted_title_appositive(toks: &[Tok], j: usize) -> Option<Range<usize>> {
    if !toks[j - 1].raw.ends_with([',', '"', '\u{201D}']) || !toks[j - 1].raw.contains(',') {
        return None;
    }
    let q = (j.saturating_sub(6)..j)
        .rev()
        .find(|&k| k == 0 || !toks[k - 1].quoted)?;
    if q < 3 || toks[q - 1].quoted || toks[q - 1].ends_clause() {
        return None;
    }
    // "Trump, the longtime owner of the … pageant and star of the reality
    // TV show "The Apprentice," said": an appositive may run long.
    let k = (q.saturating_sub(18)..q - 1)
        .rev()
        .find(|&k| toks[k].raw.ends_with(',') && !toks[k].quoted)?;
    if !(k + 1..q).any(|r| !toks[r].capitalized() && persons::is_person_noun(toks[r].lw)) {
        return None;
    }
    let name = super::phrase_before(toks, k + 1)?;
    let opens = name.start == 0 || toks[name.start - 1].ends_clause();
    let named = toks[name.clone()]
        .iter()
        .all(|t| !t.quoted && t.capitalized());
    (opens && named).then_some(name)
}

/// "Sen. Ann Lee (D-NY), a supporter of the plan told reporters …": an
/// appositive whose closing comma is missing. The subject is the name
/// before it when that name opens the clause; after a preposition ("After
/// meeting Lee, a spokesman said") the appositive is the subject itself.
pub(super) fn unclosed_appositive(toks: &[Tok], np: &Range<usize>) -> Option<Range<usize>> {
    let mut a = np.start;
    if a >= 1 && matches!(toks[a - 1].lw, "a" | "an") {
        a -= 1;
    }
    if a == 0 || !matches!(toks[a].lw, "a" | "an") || !toks[a - 1].raw.ends_with(',') {
        return None;
    }
    let role = (a + 1..np.end.min(a + 4)).any(|k| persons::is_person_noun(toks[k].lw));
    let name = super::phrase_before(toks, a)?;
    let opens = name.start == 0 || toks[name.start - 1].ends_clause();
    let named = toks[name.clone()]
        .iter()
        .all(|t| !t.quoted && (t.capitalized() || t.raw.starts_with('(')));
    (role && opens && named).then_some(name)
}

/// Where a capitalised title run resumes after lower-case role nouns
/// (at most three, the last a person or role noun: "leadership
/// candidate", "front-runner") when a capitalised name follows them.
pub(super) fn title_run_on(toks: &[Tok], i: usize, before: usize) -> Option<usize> {
    let mut k = i;
    let mut reach = 3;
    while k < before && k - i < reach {
        let t = &toks[k];
        let w = t.lw;
        if t.quoted || t.capitalized() || w.is_empty() {
            break;
        }
        // "English comedian and actor Peter Lowe": two roles joined.
        let joined_roles = w == "and"
            && k > i
            && persons::is_person_noun(toks[k - 1].lw)
            && toks
                .get(k + 1)
                .is_some_and(|n| !n.capitalized() && persons::is_person_noun(n.lw));
        if joined_roles {
            reach = 5;
            k += 1;
            continue;
        }
        if lexicon::is_boundary(w) || lexicon::is_determiner(w) || lexicon::is_np_preposition(w) {
            return None;
        }
        k += 1;
        if t.ends_clause() {
            return None;
        }
    }
    // "The editor I was talking to": "I" is no name.
    let named = k > i
        && k < before
        && toks[k].capitalized()
        && !toks[k].quoted
        && !lexicon::is_pronoun(toks[k].lw)
        && persons::is_person_noun(toks[k - 1].lw);
    named.then_some(k)
}

/// The name a description set off by a comma describes: "Braynard, a
/// Texas native who writes fiction" gives "Braynard" for the description
/// `np`. The name is one to four capitalised words ending in the comma.
pub(super) fn described_name(toks: &[Tok], np: &Range<usize>) -> Option<Range<usize>> {
    if !matches!(toks[np.start].lw, "a" | "an" | "the") || np.start == 0 {
        return None;
    }
    let last = &toks[np.start - 1];
    if !last.raw.ends_with(',') || last.quoted {
        return None;
    }
    let name = phrase_before(toks, np.start)?;
    let words = &toks[name.clone()];
    let named = words.len() <= 4
        && words.iter().all(|t| t.capitalized() && !lexicon::is_pronoun(t.lw))
        // "In 2019, the board …": a time or a place opening the sentence
        // is no name.
        && !words.iter().any(|t| lexicon::is_time_word(t.lw) || lexicon::is_date_word(t.lw))
        && persons::looks_like_person(&words.iter().map(|t| t.core).collect::<Vec<_>>().join(" "));
    named.then_some(name)
}

#[cfg(test)]
mod tests {
    use crate::claims::subjects::subject_of as subject;

    #[test]
    fn two_roles_joined_by_and_lead_on_to_the_name() {
        assert_eq!(
            subject("English comedian and actor Peter Lowe needed to know.").as_deref(),
            Some("English comedian and actor Peter Lowe")
        );
    }

    #[test]
    fn role_nouns_after_the_opening_determiner_lead_on_to_the_name() {
        assert_eq!(
            subject("The chief pollster Ivo Marsh on Monday lashed out at the plan.").as_deref(),
            Some("The chief pollster Ivo Marsh")
        );
        assert_eq!(
            subject("After the vote, the harbor board treasurer Ada Lowe resigned.").as_deref(),
            Some("the harbor board treasurer Ada Lowe")
        );
        // "I" is no name the role leads on to.
        assert_ne!(
            subject("The editor I was talking to, Tim Grieve, interrupted me.").as_deref(),
            Some("The editor I")
        );
    }

    #[test]
    fn capitalised_modifiers_lead_on_to_a_plural_role_noun() {
        assert_eq!(
            subject("Other Republican candidates said they back the plan.").as_deref(),
            Some("Other Republican candidates")
        );
    }

    #[test]
    fn a_possessive_name_owns_a_modified_or_plural_role_noun() {
        assert_eq!(
            subject("Lowe's congressional allies have been trying to shore up support.").as_deref(),
            Some("Lowe's congressional allies")
        );
        assert_eq!(
            subject("The Harbor Board's recent top adviser on the dredging went further.")
                .as_deref(),
            Some("The Harbor Board's recent top adviser")
        );
    }
}
