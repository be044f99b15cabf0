//! The subject of a clause: at the start of the sentence, after any
//! introductory phrase ("During the debate, Lee …"), or right before a
//! reporting cue, past auxiliaries, time phrases, appositives and relative
//! clauses ("Lee, 56, who ran the port, has also said").
//!
//! Main entries: [`sentence_subject`], [`subject_before`].

use std::ops::Range;

use super::lexicon;
use super::persons;
use super::phrases::{Tok, lower, phrase_before, trim_phrase};

mod edges;
mod heads;
mod openers;
mod roles;
mod shares;
pub(super) use edges::clause_before_comma_cue;
use edges::{clause_between, head_of_name_list, name_after_thing, passive_agent_head};
pub(super) use heads::modified_subject;
use heads::{participle_head, relative_head};
use openers::{main_clause_start, skip_occasion, skip_time_phrase};
use roles::{
    name_after_role_phrase, named_appositive, opening_name_before_participle, role_with_complement,
    title_run_on, unclosed_appositive,
};
pub(super) use shares::{modal_name, quantifier_subject, share_subject};

/// The words of [`sentence_subject`] over a whole sentence, for the
/// submodules' tests.
#[cfg(test)]
fn subject_of(text: &str) -> Option<String> {
    let lowered = text.to_ascii_lowercase();
    let toks = super::phrases::tokenize(text, &lowered, &[]);
    let np = sentence_subject(&toks, toks.len())?;
    Some(
        toks[np]
            .iter()
            .map(|t| t.core)
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// The subject at the start of the sentence (after an introductory
/// phrase ending in a comma): a pronoun, or an optional determiner and a
/// run of capitalised words.
pub(super) fn sentence_subject(toks: &[Tok], before: usize) -> Option<Range<usize>> {
    let mut i = main_clause_start(toks, before)?;
    // "62-year-old Ola Brandt said": the age describes the name after it.
    if toks
        .get(i)
        .is_some_and(|t| t.lw.ends_with("-year-old") && !t.ends_clause())
        && toks.get(i + 1).is_some_and(Tok::capitalized)
    {
        i += 1;
    }
    let start = i;
    // "she's said": a personal pronoun with its contracted auxiliary
    // ("It's time for …" is no one's).
    let pronoun = |w: &str| {
        lexicon::is_pronoun(w)
            || matches!(
                lexicon::contraction_stem(w),
                "he" | "she" | "they" | "we" | "i" | "you"
            )
    };
    if i < before && pronoun(toks[i].lw) {
        return Some(i..i + 1);
    }
    if i < before && lexicon::is_determiner(toks[i].lw) {
        i += 1;
    }
    // "Two objectors, Ann Lee and Bo Park, …": a count on a plural noun.
    if i + 1 < before
        && crate::claims::cues::is_count(toks[i].core)
        && !toks[i].ends_clause()
        && toks[i + 1..i + 2].iter().all(|n| {
            let w = n.lw;
            !n.quoted
                && !n.capitalized()
                && w.len() > 3
                && w.ends_with('s')
                && !lexicon::is_not_speaker(w)
                && !matches!(w, "hours" | "minutes" | "seconds" | "decades" | "centuries")
        })
    {
        return trim_phrase(toks, start..i + 2);
    }
    let name_start = i;
    // "the mayor's lawyers" is no plural "mayor's".
    let possessive = toks.get(i).is_some_and(|t| t.core.ends_with("'s"));
    if i < before
        && !toks[i].quoted
        && !toks[i].capitalized()
        && toks[i].core.ends_with('s')
        && !possessive
    {
        // A plural common noun ("Proponents", "officials").
        return trim_phrase(toks, start..i + 1);
    }
    // "Senior harbor officials said": an opening word capitalised only by
    // its place, before lower-case words, may start a common noun phrase.
    let opening_common = name_start == 0
        && toks
            .first()
            .is_some_and(|t| t.capitalized() && !t.ends_clause())
        && toks
            .get(1)
            .is_some_and(|n| !n.capitalized() && !n.quoted && !lexicon::is_determiner(n.lw));
    if name_start > start || opening_common {
        // "several environmental groups", "the harbor board": a determiner,
        // a few modifiers and a plural or organisation head.
        let mut k = i;
        while k < before
            && k - i < 3
            && !toks[k].quoted
            && (!toks[k].capitalized() || (opening_common && k == 0))
        {
            let w = toks[k].lw;
            if w.is_empty() || lexicon::is_boundary(w) || lexicon::is_determiner(w) {
                break;
            }
            let plural = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss");
            // The head must be followed by its verb ("groups sued", "board
            // has"), not another noun or a preposition ("centers on").
            let verb_next = toks.get(k + 1).is_some_and(|n| {
                let nw = n.lw;
                !n.capitalized()
                    && (nw.ends_with("ed")
                        || lexicon::is_irregular_past(nw)
                        || lexicon::is_verb_modifier(nw)
                        || lexicon::is_passive_aux(nw)
                        || lexicon::may_cue(nw)
                        // "officials this week detailed": a time phrase
                        // before the verb.
                        || (matches!(nw, "this" | "last" | "on")
                            && toks.get(k + 2).is_some_and(|m| lexicon::is_date_word(m.lw))))
            });
            // "The piece used …": a singular head right before a past verb.
            let singular_past = k == i
                && toks.get(k + 1).is_some_and(|n| {
                    let nw = n.lw;
                    nw.len() > 3 && nw.ends_with("ed") && !n.capitalized()
                })
                && !lexicon::is_not_speaker(w);
            if (plural || lexicon::is_organisation_word(w) || singular_past) && verb_next {
                return trim_phrase(toks, start..k + 1);
            }
            // "The billionaire businessman began …": a person's role noun
            // right before a lower-case word that continues no noun phrase.
            let person_head = !plural
                && name_start > start
                && !toks[k].ends_clause()
                && persons::is_person_noun(w)
                && !toks[k].core.ends_with("'s")
                && toks.get(k + 1).is_some_and(|n| {
                    let nw = n.lw;
                    let verb = lexicon::is_verb_modifier(nw)
                        || lexicon::is_passive_aux(nw)
                        || lexicon::may_cue(nw);
                    let plain =
                        lexicon::classes(nw) == 0 && !nw.ends_with("ing") && !nw.ends_with('s');
                    !n.capitalized() && !n.quoted && !nw.is_empty() && (verb || plain)
                })
                // "The chief pollster Ivo Marsh": role nouns that lead on
                // to a name are its title.
                && title_run_on(toks, k, before).is_none();
            if person_head {
                return trim_phrase(toks, start..k + 1);
            }
            if toks[k].ends_clause() {
                break;
            }
            k += 1;
        }
    }
    if name_start > start
        && let Some(end) = role_with_complement(toks, i, before)
    {
        return trim_phrase(toks, start..end);
    }
    // "After the vote, team owner Mark Cuban went …": lower-case role
    // nouns after an opening phrase lead on to the name.
    // "The chief pollster Ivo Marsh lashed out": so do they after the
    // determiner that opens the main clause.
    if i == name_start
        && i > 0
        && (toks[i - 1].ends_clause() || name_start == start + 1)
        && let Some(k) = title_run_on(toks, i, before)
    {
        i = k;
    }
    while i < before && !toks[i].quoted && toks[i].capitalized() {
        i += 1;
        if toks[i - 1].ends_clause() {
            break;
        } else if let Some(k) = title_run_on(toks, i, before) {
            // "Former Labour leadership candidate Ines Vaz": the title's
            // role nouns lead on to the name.
            i = k;
        }
    }
    if i == name_start {
        return None;
    }
    // "The Florida senator sought …", "the Labour nominee, saying …", "The
    // Lowe campaign pushed back": after a determiner, capitalised
    // modifiers lead on to their role or organisation noun.
    if name_start > start
        && i < before
        && !toks[i - 1].ends_clause()
        && !toks[i - 1].core.ends_with("'s")
        && !toks[i].quoted
        && !toks[i].capitalized()
        && (persons::is_person_noun(toks[i].lw)
            // "Other former CIA officers": a plural role noun.
            || toks[i].lw.strip_suffix('s').is_some_and(persons::is_person_noun)
            || lexicon::is_organisation_word(toks[i].lw))
    {
        i += 1;
        // "A Lowe campaign official": the body's person (one set off by a
        // comma is a title before the name it introduces).
        if i < before
            && !toks[i - 1].ends_clause()
            && !toks[i].quoted
            && !toks[i].capitalized()
            && !toks[i].ends_clause()
            && persons::is_person_noun(toks[i].lw)
        {
            i += 1;
        }
    }
    // "Clinton's lawyers looked …": a possessive name owns the noun after
    // it, which is the subject.
    // Only a person or a body speaks ("Lowe's spokeswoman", "Lowe's
    // campaign"); "Lowe's speech was …" leaves the name, which the article
    // remembers.
    let stem = toks[i - 1].core.strip_suffix("'s").unwrap_or("");
    let contraction = lexicon::is_pronoun(&stem.to_ascii_lowercase())
        || matches!(
            stem.to_ascii_lowercase().as_str(),
            "that" | "there" | "who" | "what" | "let" | "here" | "where"
        );
    if !stem.is_empty() && !contraction && !toks[i - 1].ends_clause() {
        let speaks = |w: &str| {
            persons::is_person_noun(w)
                || persons::is_person_noun(w.strip_suffix('s').unwrap_or(w))
                // "Trump's congressional allies": "-ies" from "-y".
                || w.strip_suffix("ies").is_some_and(|stem| {
                    let mut buf = [0u8; 32];
                    stem.len() < buf.len() && {
                        buf[..stem.len()].copy_from_slice(stem.as_bytes());
                        buf[stem.len()] = b'y';
                        std::str::from_utf8(&buf[..=stem.len()]).is_ok_and(persons::is_person_noun)
                    }
                })
                || lexicon::is_organisation_word(w)
        };
        let mut k = i;
        // "The Pentagon's recent top adviser": up to three words.
        while k < before && k - i < 3 && !toks[k].quoted && !toks[k].capitalized() {
            let w = toks[k].lw;
            k += 1;
            if speaks(w) {
                i = k;
                break;
            }
            // "recent", "top": a modifier may come before the noun.
            if toks[k - 1].ends_clause()
                || lexicon::classes(w) != 0 && !lexicon::is_adjective_like(w)
            {
                break;
            }
        }
    }
    // "Get those boats out": a lone opening word before a determiner is
    // an imperative verb, not a name; "Doing so" a gerund.
    if i == name_start + 1 && name_start == 0 && !toks[0].ends_clause() {
        let next = toks.get(1).map_or("", |t| t.lw);
        if lexicon::is_determiner(next) || lexicon::is_pronoun(next) || next == "so" {
            return None;
        }
    }
    trim_phrase(toks, start..i)
}

/// How many words of a set phrase between an auxiliary and its verb end
/// right before `j` ("who has in the past described", "critics have in
/// particular noted"); 0 when none does.
pub(super) fn set_phrase_before(toks: &[Tok], j: usize) -> usize {
    let plain = |r: Range<usize>| toks[r].iter().all(|t| !t.quoted && !t.ends_clause());
    if j >= 3
        && matches!(
            [toks[j - 3].lw, toks[j - 2].lw, toks[j - 1].lw],
            ["in", "the", "past"] | ["at", "the", "time"] | ["in", "recent", "years"]
        )
        && plain(j - 3..j)
    {
        return 3;
    }
    if j >= 3
        && toks[j - 2].lw == "in"
        && matches!(toks[j - 1].lw, "particular" | "turn" | "private" | "public")
        && plain(j - 2..j)
    {
        return 2;
    }
    0
}

/// The noun phrase that ends right before the cue at `v`, skipping
/// auxiliaries and adverbs ("has also said"), appositives ("Flynn, a top
/// aide, said") and relative pronouns ("Smith, who said").
pub(super) fn subject_before(toks: &[Tok], v: usize) -> Option<Range<usize>> {
    if quantifier_subject(toks, v) {
        // "But some note …", "…, all agreed": the quantifier is the subject.
        return Some(v - 1..v);
    }
    if modal_name(toks, v) {
        return Some(v - 1..v);
    }
    if let Some(share) = shares::share_subject(toks, v) {
        return Some(share);
    }
    let mut buf = [0u8; 24];
    let mut j = v;
    while j > 0 {
        let set = set_phrase_before(toks, j);
        if set > 0 {
            j -= set;
            continue;
        }
        let t = &toks[j - 1];
        let w = t.lw;
        let adverb = w.len() > 4 && w.ends_with("ly") && !t.capitalized() && !ly_noun(toks, j - 1);
        // "Theresa May said": a capitalised "May" mid-sentence is a name.
        let modal = lexicon::is_verb_modifier(w) && !(t.capitalized() && j > 1);
        // "Officials there say", "Polls there show".
        let place = matches!(w, "there" | "here") && j > 1 && !t.capitalized();
        // "Lowe has since said": "since" on a perfect is an adverb.
        let since = w == "since" && j > 1 && matches!(toks[j - 2].lw, "has" | "have" | "had");
        if t.quoted || t.ends_clause() || !(adverb || modal || place || since) {
            break;
        }
        j -= 1;
    }
    // "Omar Reyes - a teacher from the east side - says": the subject
    // before a dashed aside that closes right before the cue.
    if j == v
        && j >= 3
        && toks[j - 1].is_dash()
        && let Some(d) = (j.saturating_sub(16)..j - 2)
            .rev()
            .find(|&d| toks[d].is_dash())
        && d > 0
        && !toks[d - 1].ends_clause()
    {
        j = d;
    }
    if j == 0 || j != v && toks[j - 1].ends_clause() && !toks[j - 1].raw.ends_with(',') {
        return None;
    }
    j = skip_occasion(toks, skip_time_phrase(toks, j));
    let last = &toks[j - 1];
    if last.quoted {
        return roles::quoted_title_appositive(toks, j);
    }
    // "A person familiar with the planning for the meeting says": the
    // role noun whose phrase runs up to the cue.
    // The word after the head is checked first: it is cheap and rarely fits.
    if let Some(d) = (j.saturating_sub(12)..j.saturating_sub(2)).find(|&d| {
        matches!(
            toks[d + 2].lw,
            "for" | "of" | "at" | "with" | "familiar" | "close" | "briefed" | "involved"
        ) && lexicon::is_determiner(toks[d].lw)
            && (d == 0 || toks[d - 1].ends_clause())
            && role_with_complement(toks, d + 1, v + 1) == Some(j)
    }) {
        return Some(d..j);
    }
    // "sources close to her campaign say": the plural head and its
    // "close to"/"familiar with" phrase up to the cue.
    if let Some(k) = (j.saturating_sub(8)..j.saturating_sub(2)).find(|&k| {
        lexicon::is_close_to(toks[k + 1].lw, toks[k + 2].lw)
            && (k..j).all(|i| !toks[i].ends_clause())
    }) && let Some(head) = phrase_before(toks, k + 1)
    {
        return Some(head.start..j);
    }
    // Typography is folded by the parser, so "who’s" arrives as "who's".
    if matches!(
        lower(last.raw.trim_end_matches(','), &mut buf),
        "who" | "which" | "who's"
    ) && !last.ends_clause()
    {
        // "…, who said", "Lee - who's called for …": the antecedent before
        // the relative pronoun, past a dash.
        let mut k = j - 1;
        if k > 0 && toks[k - 1].is_dash() {
            k -= 1;
            // "admirals -- most of whom backed her -- who cited": the
            // noun before the dashed aside.
            if let Some(d) = (k.saturating_sub(12)..k).rev().find(|&d| toks[d].is_dash()) {
                k = d;
            }
        }
        let restrictive = k >= 1 && !toks[k - 1].raw.ends_with(',');
        return (k >= 1)
            .then(|| phrase_before(toks, k))
            .flatten()
            .map(|np| {
                // "Braynard, a Texas native who writes fiction": the name
                // the description is set off after.
                if let Some(name) = roles::described_name(toks, &np) {
                    name
                } else if restrictive {
                    after_preposition(toks, np)
                } else {
                    np
                }
            })
            .map(|np| roles::located_person(toks, name_after_thing(toks, np)));
    }
    if let Some(name) = name_after_role_phrase(toks, j) {
        return Some(name);
    }
    if last.raw.ends_with(',')
        && let Some(np) = sentence_subject(toks, j).or_else(|| roles::name_after_quotation(toks, j))
        && toks[np.end - 1].raw.ends_with(',')
        && !toks.get(np.end..j).is_some_and(clause_between)
        && ((np.start..np.end).any(|k| k > 0 && toks[k].capitalized())
            || opening_name_before_participle(toks, &np))
    {
        // "Ann Lee, 59, of Ashton, Md., who watched it, said": the name
        // that opens the chain of appositives.
        return Some(np);
    }
    if let Some(np) = named_appositive(toks, j) {
        return Some(np);
    }
    // "Gov. Ann Lee (R-Ohio), said": a party label closes the name, not an
    // appositive.
    if last.raw.starts_with('(')
        && last.raw.ends_with("),")
        && j >= 2
        && toks[j - 2].capitalized()
        && !toks[j - 2].ends_clause()
        && let Some(np) = phrase_before(toks, j - 1)
        // One name: a list ("others, including Sen. Lee (D-Ore.) and Rep.
        // Park (D-Ariz.), are urging") is an aside on the subject.
        && !toks[np.clone()].iter().any(|t| matches!(t.lw, "and" | "or"))
    {
        return Some(np.start..j);
    }
    let end = if last.raw.ends_with(',') {
        // Appositive: the subject ends at an earlier comma; the nearest one
        // may close a second appositive ("Lee, 56, who …, said").
        let lo = (j - 1).saturating_sub(24);
        let commas = (lo..j - 1)
            .rev()
            .filter(|&k| toks[k].raw.ends_with(',') && !toks[k].quoted)
            .take(3);
        for k in commas {
            if let Some(np) = phrase_before(toks, k + 1)
                && toks[np.clone()].iter().any(Tok::capitalized)
            {
                // "CNN, like The Associated Press, which …, declared": a
                // comparison set off by commas is no subject.
                let compared = np.start >= 2
                    && matches!(toks[np.start - 1].lw, "like" | "unlike")
                    && toks[np.start - 2].raw.ends_with(',');
                if compared || clause_between(&toks[k + 1..j]) {
                    continue;
                }
                let np = roles::located_person(toks, np);
                // "Ada Lowe, 61, a teacher in Dover, said": an indefinite
                // appositive describes the name before it.
                let described = matches!(toks[np.start].lw, "a" | "an")
                    && np.start > 0
                    && toks[np.start - 1].raw.ends_with(',');
                if !described {
                    return Some(np);
                }
            }
        }
        let k = (lo..j - 1)
            .rev()
            .find(|&k| toks[k].raw.ends_with(',') && !toks[k].quoted)?;
        k + 1
    } else if last.raw.ends_with(['"', '\u{201D}', ':', ';', '.', ')']) && last.ends_clause() {
        return None;
    } else {
        j
    };
    let mut np = phrase_before(toks, end)?;
    if let Some(head) = head_of_name_list(toks, &np) {
        np = head.start..np.end;
    }
    // "Clinton, a top aide said, is confident": a cue set off by a comma
    // after it is an aside inside the sentence, and its subject speaks.
    let aside = toks[v].raw.ends_with(',') && j == v;
    if !aside && let Some(name) = unclosed_appositive(toks, &np) {
        return Some(name);
    }
    let head = toks[np.end - 1].lw;
    // "five things we've learned": a contact clause; its pronoun is the
    // subject of the cue.
    if np.len() > 1
        && head.contains('\'')
        && matches!(
            lexicon::contraction_stem(head),
            "we" | "they" | "i" | "you" | "he" | "she"
        )
    {
        return Some(np.end - 1..np.end);
    }
    if np.len() == 1
        && np.start >= 2
        && !toks[np.start].capitalized()
        && !toks[np.start - 1].ends_clause()
        && (head.ends_with("ed") && matches!(toks[np.start - 1].lw, "i" | "we" | "you" | "they")
            // "A company he owns has charged": a singular verb of the
            // clause after "he"/"she".
            || head.ends_with('s')
                && !head.ends_with("ss")
                && matches!(toks[np.start - 1].lw, "he" | "she"))
    {
        // "the experts I interviewed said": the noun the clause is on.
        return phrase_before(toks, np.start - 1)
            .filter(|n| !lexicon::is_pronoun(toks[n.end - 1].lw) && toks[n.end - 1].lw != "what");
    }
    if np.start >= 2
        && toks[np.start - 1].core == "and"
        && !toks[np.start - 1].ends_clause()
        && !toks[np.start - 2].ends_clause()
        && let Some(left) = phrase_before(toks, np.start - 1)
        && (left.start == 0 || toks[left.start - 1].ends_clause())
        && !toks[left.clone()].iter().any(|t| {
            let w = t.lw;
            w.ends_with("ed") || lexicon::is_pronoun(w)
        })
    {
        // "Experts on Korea and arms control said", "the former senator
        // and current nominee said": one subject joined by "and".
        return Some(left.start..np.end);
    }
    if head == "who" || head == "which" || head == "that" {
        // "…, who said": the antecedent before the relative pronoun.
        let k = np.end - 1;
        if k == 0 {
            return None;
        }
        return phrase_before(toks, k);
    }
    if np.len() == 1 && matches!(head, "him" | "her" | "them" | "us" | "me") && np.start >= 2 {
        // "Those close to him say": an object pronoun ends a longer subject.
        let prep = toks[np.start - 1].lw;
        if matches!(prep, "to" | "of" | "with" | "for" | "around" | "near")
            && !toks[np.start - 1].ends_clause()
        {
            return phrase_before(toks, np.start - 1).map(|r| r.start..np.end);
        }
    }
    if np.start >= 2
        && matches!(toks[np.start - 1].lw, "in" | "on" | "at" | "from")
        && !toks[np.start - 1].ends_clause()
        && let Some(head) = phrase_before(toks, np.start - 1)
        && (lexicon::is_determiner(toks[head.start].lw) || {
            let h = toks[head.end - 1].core;
            h.ends_with('s') && !h.ends_with("ss")
        })
    {
        // "A poll in Ohio shows": the place belongs to the subject.
        return Some(head.start..np.end);
    }
    if let Some(wide) = participle_head(toks, &np) {
        return Some(wide);
    }
    if let Some(head) = passive_agent_head(toks, &np) {
        return Some(head);
    }
    Some(relative_head(toks, &np).unwrap_or(np))
}

/// True for a word followed by a comma, also inside a closing quotation
/// mark ("On \"Face the Nation,\" Lee …").
fn comma(t: &Tok) -> bool {
    t.raw
        .trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}'])
        .ends_with(',')
}

/// True for an "-ly" word that is a noun, not an adverb: one of the common
/// "-ly" nouns, or any after a determiner ("the family", "an ally").
fn ly_noun(toks: &[Tok], k: usize) -> bool {
    let w = toks[k].lw;
    if matches!(
        w,
        "family"
            | "ally"
            | "assembly"
            | "supply"
            | "rally"
            | "anomaly"
            | "monopoly"
            | "reply"
            | "bully"
            | "italy"
            | "july"
    ) {
        return true;
    }
    k > 0 && lexicon::is_determiner(toks[k - 1].lw)
}

/// "a drop from 76 percent who said", "6-1 for the resolution which said":
/// with no comma before it, a relative pronoun means the noun phrase after
/// a preposition, unless a person or a body heads the words before it ("a
/// spokesman for the governor who said").
fn after_preposition(toks: &[Tok], np: Range<usize>) -> Range<usize> {
    let cut = (np.start + 1..np.end.saturating_sub(1)).rev().find(|&p| {
        let before = &toks[p - 1];
        matches!(
            toks[p].lw,
            "for" | "from" | "to" | "with" | "by" | "at" | "in" | "on" | "over" | "against"
        ) && !before.capitalized()
            && !persons::is_person_noun(before.lw)
            && !lexicon::is_organisation_word(before.lw)
    });
    match cut {
        Some(p) => p + 1..np.end,
        None => np,
    }
}
