//! What a phrase found before or after a cue can be: a plausible speaker
//! at all ([`plausible`]), the name a pronoun in the same sentence stands
//! for ([`pronoun_antecedent`]) or, as a later cue's subject, the named
//! subject of an earlier cue ([`earlier_named`]), and whether the article
//! shows a phrase to be the clause's subject ([`shown_subject`]).

use super::*;

/// False for a phrase that cannot name a speaker: a fragment glued by a
/// hyphen to a lower-case function word after it ("victims-and") or a run of
/// capitals from a headline ("BOARD SAYS NO").
pub(super) fn plausible(np: &[Tok]) -> bool {
    let mut buf = [0u8; 24];
    // "a just-released poll", "the so-called experts": an adverb before a
    // participle or an adjective makes one word.
    let compound = |core: &str| {
        core.split_once('-').is_some_and(|(_, rest)| {
            !rest.contains('-')
                && rest.len() > 3
                && rest.bytes().all(|b| b.is_ascii_lowercase())
                && !lexicon::is_boundary(rest)
        })
    };
    // "the under-35 generation": an age group, not "under" glued on.
    let ages = |core: &str| {
        core.split('-')
            .any(|p| p.bytes().all(|b| b.is_ascii_digit()))
    };
    let glued = np.iter().any(|t| {
        t.core.contains('-')
            && !compound(t.core)
            && !ages(t.core)
            && t.core.split('-').any(|part| {
                part.bytes().all(|b| b.is_ascii_lowercase())
                    && lexicon::is_boundary(lower(part, &mut buf))
            })
    });
    // Two short capitals may be an acronym's name ("BFM TV reported").
    let shouted = np.len() >= 2
        && np
            .iter()
            .all(|t| t.core.len() > 1 && !t.core.chars().any(char::is_lowercase))
        && (np.len() > 2 || np.iter().any(|t| t.core.len() > 4));
    // "of new radio ads", "a combination of": a phrase that opens or ends
    // on a preposition is a piece of another phrase, not a subject.
    let preposition = |t: Option<&Tok>| {
        t.is_some_and(|t| {
            t.raw == t.core
                && matches!(
                    t.lw,
                    "of" | "in"
                        | "on"
                        | "at"
                        | "for"
                        | "with"
                        | "from"
                        | "across"
                        | "into"
                        | "by"
                        | "to"
                        | "about"
                        | "among"
                        | "between"
                        | "over"
                        | "under"
                )
        })
    };
    // "At least half of the riders" opens on a quantifier, not a preposition.
    let quantifier = np.len() >= 2 && np[0].lw == "at" && matches!(np[1].lw, "least" | "most");
    // "such as" ends on a preposition too.
    let fragment = preposition(np.first()) && !quantifier
        || preposition(np.last())
        || np.last().is_some_and(|t| t.lw == "as");
    // "There's still time for Cruz …": an existential "there" is no one.
    let existential = np.len() == 1 && lexicon::contraction_stem(np[0].lw) == "there";
    !glued && !shouted && !fragment && !existential
}

/// A pronoun speaker inside a sentence whose main subject is a name agreeing
/// with it ("Mrs. Lee has said she …", "Proponents … although they say")
/// refers to that subject.
pub(super) fn pronoun_antecedent(toks: &[Tok], np: Range<usize>) -> Range<usize> {
    if np.len() != 1 || np.start == 0 {
        return np;
    }
    // "what he's proposing": the pronoun of a contraction.
    let p = lexicon::contraction_stem(toks[np.start].lw);
    let plural = match p {
        "he" | "she" | "it" => false,
        "they" => true,
        _ => return np,
    };
    // "Though she called it outrageous, Clinton …": a pronoun in an opening
    // subordinate clause points forward to the main subject.
    // "Ever since Lowe announced …, he's said": an adverb may stand on
    // the opening subordinator.
    // "And while Lowe lagged …, she has …": so may a conjunction.
    let sub = usize::from(
        (lexicon::is_subordinator_adverb(toks[0].lw)
            || matches!(toks[0].lw, "and" | "but" | "yet"))
            && !toks[0].ends_clause()
            && toks.len() > 1,
    );
    let opens_subordinate = lexicon::is_subordinator(toks[sub].lw);
    let limit = if opens_subordinate {
        toks.len()
    } else {
        np.start
    };
    let Some(subject) = sentence_subject(toks, limit) else {
        return np;
    };
    if opens_subordinate && subject == np && p == "it" {
        // "Although the Harbor Board did not name Lee, it warned …": the
        // main-clause "it" means the opening clause's named subject.
        return opening_subject(toks, sub + 1, np.start).unwrap_or(np);
    }
    // Not after "if"/"unless": a condition names whom it is about.
    let conditional = matches!(toks[sub].lw, "if" | "unless");
    if opens_subordinate && subject == np && plural && !conditional {
        // "While many bank watchers expect …, they say …": the main-clause
        // "they" means the opening clause's plural subject.
        return subordinate_plural(toks, sub + 1, np.start).unwrap_or(np);
    }
    if opens_subordinate && subject == np && !plural && !conditional {
        // "While Lowe has voiced concern, she has not called …": the
        // main-clause "she" means the opening clause's named subject.
        return subordinate_name(toks, sub + 1, np.start, p == "she").unwrap_or(np);
    }
    // "South Carolina, he said, was …": a subject set off by the comma
    // right before the pronoun's cue is what the reported clause is about.
    if subject.end == np.start && toks[subject.end - 1].raw.ends_with(',') {
        return np;
    }
    // "Cost estimates, he added, were …": a pronoun and cue set off by
    // commas interrupt the clause, whose subject is not the speaker.
    // The subject's own clause must run up to them: "… Mook acknowledged
    // …, which is an outcome, he said, …" is Mook's.
    let set_off = toks[np.start - 1].raw.ends_with(',')
        && toks.get(np.end).is_some_and(|c| c.raw.ends_with(','))
        && subject.end < np.start
        && toks[subject.end..np.start - 1]
            .iter()
            .all(|t| !t.ends_clause());
    if set_off {
        return np;
    }
    let forward = opens_subordinate && subject.start > np.start;
    if subject.end > np.start && !forward
        || subject.len() == 1 && lexicon::is_pronoun(&toks[subject.start].core.to_ascii_lowercase())
    {
        return np;
    }
    // A lone sentence-initial word may be an ordinary word ("More", "All").
    let first = &toks[subject.start];
    // "What's more, they found …": a contracted "what" or "there" is no one.
    if subject.len() == 1
        && matches!(
            lexicon::contraction_stem(first.lw),
            "what" | "that" | "there" | "here" | "it" | "let" | "who" | "this"
        )
    {
        return np;
    }
    // "he"/"she" means a person, and "The Internet" or "A Lisbon court",
    // capitalised only by the sentence start, is none ("The Web has changed
    // politics, she said": she is someone named earlier).
    if !plural && p != "it" && lexicon::is_determiner(first.lw) {
        // "The Christian speaker shared with the crowd that he believes
        // …": after "that", in the subject's own clause, "he" is the
        // person the subject describes.
        // A subject after an opening clause ("While it is true that she
        // said …, the mayor …") stands after the pronoun: not its clause.
        let complement = toks[np.start - 1].lw == "that"
            && subject.end <= np.start
            && toks[subject.end..np.start]
                .iter()
                .all(|t| !t.ends_clause() && !t.quoted);
        // "The chief pollster Ivo Marsh lashed out at what he called …": a
        // role noun before a name that ends the subject shows a person.
        let named = toks[subject.end - 1].capitalized()
            && (subject.start + 1..subject.end - 1).any(|k| {
                !toks[k].capitalized()
                    && toks[k + 1].capitalized()
                    && crate::claims::persons::is_person_noun(toks[k].lw)
            });
        let person = named
            || complement
                && crate::claims::persons::looks_like_person(
                    &toks[subject.clone()]
                        .iter()
                        .map(|t| t.core)
                        .collect::<Vec<_>>()
                        .join(" "),
                );
        return if person { subject } else { np };
    }
    // "Democrats focused on what they said …": a word that names a group
    // or body is a subject on its own.
    let lone = first.core.to_ascii_lowercase();
    if subject.len() == 1 && lexicon::classes(&lone) != 0 && !lexicon::is_organisation_word(&lone) {
        return np;
    }
    // "Immigration is now an issue …, he said": an abstract noun,
    // capitalised only by the sentence start, is no "he" or "she".
    if subject.len() == 1 && subject.start == 0 && !plural && p != "it" && abstract_noun(&lone) {
        return np;
    }
    let head = toks[subject.end - 1].core;
    // "People like Lee, he said": a plural without "-s" is no "he". A
    // capitalised "-s" may be a surname ("Sanders exaggerates when he
    // says"): the article must vouch for it (`plural_looking_name`).
    let capital_s = p != "it" && !plural && plural_looking_name(toks, &subject);
    let head_plural = head.ends_with('s') && !head.ends_with("ss") && !capital_s
        || ["people", "men", "women", "children", "police"]
            .iter()
            .any(|w| head.eq_ignore_ascii_case(w));
    // A singular antecedent is a name ("Sen. Ada Lowe (D-Mo.)"), not a
    // phrase around one ("People like Scott, he said").
    let agrees = if plural {
        head_plural
    } else if p == "it" {
        // "The group seeks to end what it calls …": "it" means a thing or
        // a body, which a common noun names as well as a name does.
        !head_plural
    } else {
        // A title's role nouns may stand between capitals ("Labour
        // leadership candidate Ines Vaz"); a preposition may not.
        let titled = toks[subject.start].capitalized() && toks[subject.end - 1].capitalized();
        !head_plural
            && toks[subject.clone()].iter().all(|t| {
                t.capitalized()
                    || t.raw.starts_with('(')
                    || t.core.is_empty()
                    || titled
                        && !lexicon::is_boundary(t.lw)
                        && !lexicon::is_np_preposition(t.lw)
                        && !lexicon::is_intro_preposition(t.lw)
            })
    };
    if agrees { subject } else { np }
}

/// A word whose ending makes it an abstract noun ("immigration",
/// "government", "fairness", "security"), which names no person.
fn abstract_noun(w: &str) -> bool {
    w.len() > 6
        && [
            "tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence", "ship", "hood",
        ]
        .iter()
        .any(|s| w.ends_with(s))
}

/// The subject right after an opening subordinator, before `limit`, that
/// "it" may mean: "the" and a name ("the Harbor Board"), followed by its
/// lower-case verb.
fn opening_subject(toks: &[Tok], start: usize, limit: usize) -> Option<Range<usize>> {
    if toks.get(start).is_none_or(|t| t.lw != "the") {
        return None;
    }
    name_before_verb(toks, start + 1, limit).map(|end| start..end)
}

/// The name that opens a subordinate clause before `limit` ("While Ada
/// Lowe has …", "When Vance later referred to …"), when its given name or
/// title does not say the other gender.
fn subordinate_name(
    toks: &[Tok],
    start: usize,
    limit: usize,
    female: bool,
) -> Option<Range<usize>> {
    let end = name_before_verb(toks, start, limit)?;
    let name: String = toks[start..end]
        .iter()
        .map(|t| t.core)
        .collect::<Vec<_>>()
        .join(" ");
    let gender = crate::claims::persons::gender_of(&name);
    let other = if female {
        crate::claims::persons::Gender::Male
    } else {
        crate::claims::persons::Gender::Female
    };
    (gender != other).then_some(start..end)
}

/// The plural subject that opens a subordinate clause before `limit`
/// ("While many World Bank watchers expect …"): a determiner, at most
/// three modifiers and a lower-case plural noun followed by its verb.
fn subordinate_plural(toks: &[Tok], start: usize, limit: usize) -> Option<Range<usize>> {
    let first = toks.get(start)?;
    let mut k = start + usize::from(lexicon::is_determiner(first.lw));
    let plural_at = |i: usize| {
        let t = &toks[i];
        !t.capitalized() && t.lw.len() > 3 && crate::claims::cues::plural_noun(t)
    };
    let mut end = (k..limit.min(k + 4)).find(|&i| plural_at(i))?;
    // "civil rights groups": the last of the plural-looking nouns heads
    // the phrase (a plural subject's verb has no "-s").
    while end + 1 < limit && plural_at(end + 1) && !toks[end].ends_clause() {
        end += 1;
    }
    while k < end {
        let t = &toks[k];
        if t.quoted
            || t.ends_clause()
            || lexicon::is_boundary(t.lw)
            || lexicon::is_np_preposition(t.lw)
        {
            return None;
        }
        k += 1;
    }
    let verb = toks
        .get(end + 1)
        .filter(|v| end + 1 < limit && !v.capitalized() && !v.quoted)?;
    // "groups like the ACLU praised": "like" may follow the head.
    let joined =
        lexicon::is_np_preposition(verb.lw) || matches!(verb.lw, "and" | "or" | "in" | "such");
    (!toks[end].ends_clause() && !joined).then_some(start..end + 1)
}

/// The end of a run of capitalised words from `start` that is followed,
/// before `limit`, by a lower-case word that is its verb: no possessive
/// ("Lowe's plan"), no preposition or "and" after the run.
fn name_before_verb(toks: &[Tok], start: usize, limit: usize) -> Option<usize> {
    let mut i = start;
    while i < limit && toks[i].capitalized() && !toks[i].quoted && !toks[i].ends_clause() {
        i += 1;
    }
    let verb = toks
        .get(i)
        .filter(|t| i < limit && !t.capitalized() && !t.quoted)?;
    let owner = i > start && possessive(&toks[i - 1]);
    let joined = lexicon::is_np_preposition(verb.lw) || matches!(verb.lw, "and" | "or" | "in");
    (i > start && !owner && !joined).then_some(i)
}

/// "Lowe's", with either apostrophe.
fn possessive(t: &Tok) -> bool {
    t.core.ends_with("'s") || t.core.ends_with("\u{2019}s")
}

/// A name whose last word ends in "-s" like a plural ("Sanders",
/// "Democrats"): only what the article knows tells a surname from a group.
pub(super) fn plural_looking_name(toks: &[Tok], np: &Range<usize>) -> bool {
    let head = &toks[np.end - 1];
    head.capitalized()
        && head.core.ends_with('s')
        && !head.core.ends_with("ss")
        && !possessive(head)
}

/// True when a singular verb follows `np` ("Sanders says", "Rhodes
/// exaggerates", "Rhimes has"): a name in "-s" before it is no plural.
pub(super) fn singular_verb_after(toks: &[Tok], np: &Range<usize>) -> bool {
    !toks[np.end - 1].ends_clause()
        && toks.get(np.end).is_some_and(|t| {
            let w = t.lw;
            !t.quoted
                && (matches!(w, "is" | "was" | "has" | "does")
                    || w.ends_with('s')
                        && !w.ends_with("ss")
                        && (lexicon::may_cue(w) || w.ends_with("es")))
        })
}

/// True when the words show `np` to be a clause's subject rather than a
/// capitalised word that opens a sentence ("Lately, he …", "Local media
/// has …"): it is a name of several words, or a verb follows it.
pub(super) fn shown_subject(toks: &[Tok], np: &Range<usize>) -> bool {
    let first = &toks[np.start];
    if np.len() >= 2
        && !lexicon::is_determiner(first.lw)
        && toks[np.clone()]
            .iter()
            .all(|t| t.capitalized() || t.raw.starts_with('('))
    {
        return true;
    }
    toks.get(np.end).is_some_and(|t| {
        let w = t.lw;
        !t.capitalized()
            && !t.quoted
            && (w.len() > 4 && w.ends_with("ed")
                || lexicon::is_passive_aux(w)
                || lexicon::may_cue(w)
                || matches!(
                    w,
                    "who"
                        | "has"
                        | "have"
                        | "had"
                        | "will"
                        | "would"
                        | "can"
                        | "could"
                        | "does"
                        | "did"
                        | "should"
                        | "may"
                        | "might"
                        | "must"
                ))
    })
}

/// "Even those who sketched paths to the nomination acknowledge": a
/// lower-case singular right before a base-form cue is the end of a
/// clause on the subject, when that subject opens earlier ("People
/// briefed on the situation say" is one phrase).
pub(super) fn singular_before_base(toks: &[Tok], v: usize, np: &Range<usize>) -> bool {
    let head = &toks[np.end - 1];
    lexicon::is_base_form(toks[v].lw)
        && np.end == v
        && !head.capitalized()
        && !head.lw.ends_with('s')
        && !lexicon::is_pronoun(head.lw)
        && crate::claims::subjects::modified_subject(toks, v).is_some_and(|m| m.start < np.start)
}

/// "The paper notes …, it lists …, and it says …": a pronoun the
/// sentence leaves unresolved, as the subject of a later cue, means the
/// named subject of an earlier cue it agrees with; that candidate's index.
pub(super) fn earlier_named(
    toks: &[Tok],
    found: &[super::Candidate],
    best: usize,
) -> Option<usize> {
    let np = found[best].np.clone();
    let p = toks[np.start].lw;
    if np.len() != 1 || !matches!(p, "it" | "he" | "she" | "they") {
        return None;
    }
    if pronoun_antecedent(toks, np.clone()) != np {
        return None;
    }
    (0..found.len()).rev().find(|&i| {
        let c = &found[i];
        // The earlier cue's own words stand between ("Fare estimates, she
        // added" has a noun for a cue); a participle's subject ("Lee lashed
        // out at what he called …, advising …") opens the pronoun's clause.
        let participle = c.route == super::Route::Participle && c.cue > np.end;
        if i == best
            || c.act
            || c.cue + 4 > np.start && !participle
            || c.np.end > np.start
            || c.np.len() == 1
                && lexicon::is_pronoun(lexicon::contraction_stem(toks[c.np.start].lw))
        {
            return false;
        }
        // "the campaign and Mrs. Clinton" are two; "pollster and
        // strategist Joel Benenson" is one.
        let joined = (c.np.start..c.np.end - 1).any(|k| {
            matches!(toks[k].lw, "and" | "or")
                && (toks[k + 1].capitalized() || lexicon::is_determiner(toks[k + 1].lw))
        });
        let phrase = toks[c.np.clone()]
            .iter()
            .map(|t| t.core)
            .collect::<Vec<_>>()
            .join(" ");
        let head = toks[c.np.end - 1].lw;
        // "Many spoke about how they hoped …": a quantifier stands for
        // its plural.
        let plural =
            head.ends_with('s') && !head.ends_with("ss") && !toks[c.np.end - 1].capitalized()
                || c.np.len() == 1
                    && matches!(
                        head,
                        "many" | "several" | "some" | "most" | "all" | "both" | "few"
                    );
        match p {
            "they" => plural || joined,
            "it" => !plural && !joined && !crate::claims::persons::looks_like_person(&phrase),
            // A role noun ("the mega donor") names less than the
            // article's memory of whom "he" means.
            _ => {
                !plural
                    && !joined
                    && toks[c.np.end - 1].capitalized()
                    && crate::claims::persons::looks_like_person(&phrase)
            }
        }
    })
}
