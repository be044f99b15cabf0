//! Whether a reporting cue word is used as a reporting verb where it
//! stands ("Lee said", not "the reported deal", "Twelve states", "a stream
//! called Miracle Run"), and the cue shapes that move the speaker: an
//! infinitive ("continues to insist"), a closing ", said X.".
//!
//! Main entry: [`verb_context`]; [`super::speakers::find`] uses the rest.

use std::ops::Range;

use super::lexicon::{self, CueClass};
use super::phrases::{Tok, lower, phrase_after};
use super::subjects::quantifier_subject;

mod catenative;
mod nouns;

pub(super) use catenative::catenative_before;
use nouns::{
    article_on_name, is_findings_cue, is_found_state, participle_on_plural, plural_before_close_to,
    plural_before_phrase, relative_on_noun, share_of_count, source_noun_before,
};
pub(super) use nouns::{
    is_count, missing_particle, plural_head, plural_noun, possessed, source_subject,
};

/// A cue that reports findings in any tense ("show", "showed", "found",
/// "suggested").
pub(super) fn reports_findings(w: &str) -> bool {
    is_findings_cue(w) || matches!(w, "showed" | "shown" | "found" | "suggested" | "indicated")
}

/// For an inverting cue right after a comma, the speaker after it when
/// that phrase closes the sentence (", said one source in the room.").
/// Only "said" and "added" qualify: other inverting cues also take an
/// object ("Lee, an aide, noted the rule in May.").
pub(super) fn inverted_tail(toks: &[Tok], v: usize, class: CueClass) -> Option<Range<usize>> {
    // "…, say some economists." inverts its plural too; "say," alone is
    // "for example".
    let say = toks[v].lw == "say" && !toks[v].ends_clause();
    if (class != CueClass::Inverting && !say)
        || v == 0
        || !toks[v - 1].raw.ends_with(',')
        || !(say || matches!(toks[v].lw, "said" | "says" | "added" | "adds"))
    {
        return None;
    }
    // "Lowe, though, said …": an aside between the subject and its cue.
    let aside = v >= 2
        && toks[v - 2].raw.ends_with(',')
        && matches!(
            toks[v - 1].lw,
            "though" | "however" | "too" | "also" | "meanwhile" | "instead" | "then"
        );
    if aside {
        return None;
    }
    let np = phrase_after(toks, v + 1, true)?;
    if opens_clause(toks, &np) {
        return None;
    }
    // "Lee, of the institute, said his survey showed …": a past-tense cue
    // inside the phrase makes it the reported clause, not a speaker.
    let reported_verb = toks[np.start + 1..np.end].iter().any(|t| {
        !t.capitalized()
            && lexicon::cue(t.lw).is_some()
            && (t.lw.ends_with("ed")
                || matches!(
                    t.lw,
                    "said" | "found" | "thought" | "knew" | "felt" | "told" | "wrote"
                ))
    });
    if reported_verb {
        return None;
    }
    // The phrase ends the sentence or gives way to a place, time or
    // manner ("in the room", "on Friday"), not to a verb ("the vote was").
    let closes = np.end >= toks.len()
        || toks[np.end - 1].ends_clause()
        || matches!(
            toks[np.end].lw,
            "in" | "on"
                | "at"
                | "during"
                | "who"
                | "after"
                | "before"
                | "when"
                | "while"
                | "because"
                | "via"
                | "through"
                | "adding"
                | "noting"
                | "citing"
                | "speaking"
        );
    let named = toks[np.start].capitalized()
        || lexicon::is_determiner(toks[np.start].lw)
        || lexicon::is_pronoun(toks[np.start].lw)
        || lexicon::classes(toks[np.start].lw) == 0;
    // ", said Ada Lowe, who ran the port for a decade.": a relative clause
    // on the speaker may run on.
    let relative =
        np.end < toks.len() && toks[np.end - 1].raw.ends_with(',') && toks[np.end].lw == "who";
    // ", said Ann Lee, a security official under two governors.", ", said
    // Ann Lee, director of the institute.": an appositive on the speaker
    // runs to the end with no verb of its own.
    let appositive = np.end < toks.len()
        && toks[np.end - 1].raw.ends_with(',')
        && (matches!(toks[np.end].lw, "a" | "an" | "the")
            || !toks[np.end].capitalized() && super::persons::is_person_noun(toks[np.end].lw))
        && toks[np.end..].iter().all(|t| {
            !t.quoted && !lexicon::is_passive_aux(t.lw) && !matches!(t.lw, "has" | "have" | "had")
        });
    (closes && named && (toks.len() - np.end <= 6 || relative || appositive)).then_some(np)
}

/// ", said she." inverts a lone pronoun; in ", said she became …",
/// ", said he's …" and "\"liberals\" said they would …" the phrase after
/// the cue opens what was said.
pub(super) fn opens_clause(toks: &[Tok], np: &Range<usize>) -> bool {
    let personal = |w: &str| matches!(w, "he" | "she" | "they" | "we" | "i" | "you" | "it");
    let first = toks[np.start].lw;
    let pronoun_led = personal(first)
        || first
            .split_once('\'')
            .is_some_and(|(stem, _)| personal(stem));
    // A verb after the pronoun; "…, said he in a statement" keeps it.
    let verb_next = || {
        !toks[np.start].ends_clause()
            && toks.get(np.start + 1).is_some_and(|n| {
                let w = n.lw;
                !n.quoted
                    && (lexicon::is_verb_modifier(w)
                        || lexicon::is_passive_aux(w)
                        || w.len() > 4 && w.ends_with("ed"))
            })
    };
    pronoun_led && (np.len() > 1 || first.contains('\'') || verb_next())
}

/// True when the phrase is the object of a gerund ("… forwarding its view
/// of the world says …"), so not the cue's subject.
pub(super) fn after_gerund(toks: &[Tok], np: &Range<usize>) -> bool {
    // Only a determiner shows the "-ing" word takes an object: "leading
    // experts say" and "saying they think" keep their subjects.
    let determined = lexicon::is_determiner(toks[np.start].lw);
    determined && np.start > 0 && {
        let prev = &toks[np.start - 1];
        let w = prev.lw;
        !prev.ends_clause()
            && !lexicon::is_participle_cue(w)
            && !prev.capitalized()
            && w.len() > 5
            && w.ends_with("ing")
            && !matches!(
                w,
                "during" | "according" | "including" | "regarding" | "following"
            )
    }
}

/// True when the phrase is the object of a sentence-opening preposition
/// ("In the wake of the report, …"), so not a subject.
pub(super) fn after_opening_preposition(toks: &[Tok], np: &Range<usize>) -> bool {
    np.start == 1
        && matches!(
            toks[0].lw,
            "in" | "on"
                | "at"
                | "of"
                | "for"
                | "from"
                | "with"
                | "by"
                | "during"
                | "after"
                | "before"
                | "since"
                | "under"
                | "over"
                | "amid"
                | "despite"
                | "following"
                | "like"
                | "unlike"
                | "through"
                | "without"
        )
}

/// Words that make "show" a noun: the kind of show before it.
#[rustfmt::skip]
const SHOW_KINDS: &[&str] = &[
    "talk", "tv", "radio", "reality", "morning", "news", "top", "cooking", "television", "cable",
    "late-night", "variety", "talent", "quiz", "chat",
];

/// Rejects a cue word used as a noun or adjective ("the reported deal",
/// "his claims", "early-morning tweets") or in the passive ("was told").
pub(super) fn verb_context(toks: &[Tok], v: usize, word: &str, class: CueClass) -> bool {
    let Some(prev) = v.checked_sub(1).map(|p| &toks[p]) else {
        // "Said Ellis: …" opens with an inverted cue; "Asked about the
        // plan, Lee said …" opens with a participle.
        let named_next = toks
            .get(1)
            .is_some_and(|n| n.capitalized() || lexicon::is_determiner(n.lw));
        return class == CueClass::Inverting && named_next;
    };
    // "Lee, an economist, told …" keeps a comma before the cue; other
    // clause punctuation does not.
    if prev.ends_clause() && class != CueClass::Inverting && !prev.raw.ends_with(',') {
        return false;
    }
    let p = prev.lw;
    // "easier said than done": a comparison, not a report.
    if toks.get(v + 1).is_some_and(|n| n.lw == "than") && !toks[v].ends_clause() {
        return false;
    }
    // "Talk show host Glenn Beck", "his top shows", "a TV show": a kind of
    // show before it makes the word a noun; a capital past the sentence's
    // first word is a name ("ABC News shows"), and "the game shows" may
    // report.
    if matches!(word, "show" | "shows")
        && (p == "tv" || !prev.capitalized() || v == 1)
        && SHOW_KINDS.contains(&p)
    {
        return false;
    }
    // "Lee plans to run", "Lee intends to": an intention only with its
    // infinitive; "health plans", "plans to 'build on …'" after a
    // preposition, "the succession plans at Fox" are nouns.
    if matches!(word, "plans" | "intends" | "decided") {
        let infinitive = toks.get(v + 1).is_some_and(|t| t.lw == "to" && !t.quoted)
            && toks
                .get(v + 2)
                .is_some_and(|t| !t.quoted && t.core.starts_with(|c: char| c.is_ascii_lowercase()));
        let noun = lexicon::is_intro_preposition(p)
            || lexicon::is_determiner(p)
            || matches!(
                p,
                "around" | "about" | "of" | "for" | "with" | "on" | "in" | "their"
            );
        if !infinitive || noun {
            return false;
        }
    }
    // "a judge ordered the release", "ordered that …": a directive on an
    // object; "the ordered list" and "ordered by" are not.
    if word == "ordered" {
        let object = toks.get(v + 1).is_some_and(|t| {
            !t.quoted && (t.lw == "that" || lexicon::is_determiner(t.lw) || t.capitalized())
        });
        if !object || lexicon::is_determiner(p) || lexicon::is_intro_preposition(p) {
            return false;
        }
    }
    // "Some believe …", "Many argue …": a quantifier opening the clause is
    // the subject, not a determiner on the cue.
    let quantifier = quantifier_subject(toks, v);
    // "a widely denounced tweet": an adverb between a determiner and a
    // participle makes the participle an adjective.
    let adverb_on_adjective = word.ends_with("ed")
        && p.len() > 4
        && p.ends_with("ly")
        && !prev.ends_clause()
        && v >= 2
        && matches!(toks[v - 2].lw, "a" | "an" | "the")
        && !toks[v - 2].ends_clause();
    let noun_before =
        !prev.ends_clause() && lexicon::is_determiner(p) && !quantifier || adverb_on_adjective;
    // "was told" is a passive; "… how hard it was," said Lee is not: the
    // quotation's last word stands before its closing mark and comma.
    // "they aren't admitted": a negated auxiliary is one too.
    let aux = p
        .strip_suffix("n't")
        .or_else(|| p.strip_suffix("n\u{2019}t"))
        .unwrap_or(p);
    let passive = lexicon::is_passive_aux(if aux == "ca" || aux == "wo" { p } else { aux })
        && !prev.ends_clause()
        && !super::subjects::modal_name(toks, v);
    if noun_before || passive || p == "to" {
        return false;
    }
    // "cited reports that …", "denied claims of …": a noun-like cue right
    // after a lower-case past tense is that verb's object. "The accused
    // claims …" keeps its determiner, so the participle there is the noun.
    let object_of_past = lexicon::is_noun_homograph(word)
        && !prev.ends_clause()
        && !prev.capitalized()
        && p.len() > 4
        && p.ends_with("ed")
        && !(v >= 2 && lexicon::is_determiner(toks[v - 2].lw));
    if object_of_past {
        return false;
    }
    // A possessive before the cue makes it a noun ("Trump's claims").
    // "who's called for" is "who has", not a possessive.
    let contraction = matches!(
        lower(prev.raw, &mut [0u8; 24]),
        "who's" | "he's" | "she's" | "it's" | "that's" | "there's" | "what's"
    );
    if (prev.raw.ends_with("'s") || prev.raw.ends_with("s'") || prev.raw.ends_with('\u{2019}'))
        && !contraction
    {
        return false;
    }
    // "Twenty-seven states", "three reports", "the singer's new show":
    // a count or a possessive makes the word a noun; "Lee's aides say" and
    // "one in five say" keep their verb.
    let base_after_plural = lexicon::is_base_form(word) && plural_noun(prev);
    // "the three states that voted": after a determiner and a count a
    // plural is the noun even before "that" ("Two say that …" keeps it).
    let determined_count = v >= 2
        && lexicon::is_determiner(toks[v - 2].lw)
        && !toks[v - 2].ends_clause()
        && !lexicon::is_base_form(word);
    if (lexicon::is_noun_homograph(word) || lexicon::is_base_form(word))
        && (is_count(prev.core) && !share_of_count(toks, v)
            || possessed(toks, v) && !base_after_plural)
        && (determined_count
            || !toks
                .get(v + 1)
                .is_some_and(|n| n.core.eq_ignore_ascii_case("that")))
        // "Voters who backed Lowe in 2012 say", "supporters who came to
        // protest this week's convention say": the count or possessive
        // sits in a clause on the subject.
        && super::subjects::modified_subject(toks, v).is_none()
    {
        return false;
    }
    // "her five proposed bills", "the two reported cases": a participle
    // between a counted determiner phrase and its plural noun is an
    // adjective ("Two said …" has no determiner; in "the two suggested
    // both …" no noun follows).
    let counted_phrase = word.ends_with("ed")
        && v >= 2
        && is_count(prev.core)
        && !toks[v - 2].ends_clause()
        && (lexicon::is_determiner(toks[v - 2].lw) || toks[v - 2].raw.ends_with("'s"));
    let plural_noun_next = !toks[v].ends_clause()
        && toks.get(v + 1).is_some_and(|n| {
            !n.quoted
                && !n.capitalized()
                && n.lw.len() > 3
                && n.lw.ends_with('s')
                && !lexicon::is_pronoun(n.lw)
                && !lexicon::is_determiner(n.lw)
        });
    // "fewer pledged delegates", "many reported cases": likewise after a
    // quantifier.
    let quantified = word.ends_with("ed")
        && matches!(p, "fewer" | "more" | "many" | "several" | "few" | "no")
        && !prev.ends_clause();
    if (counted_phrase || quantified) && plural_noun_next {
        return false;
    }
    // "linked to a group called the \"Harbor Fund\"": an object named, not
    // someone calling ("A spokesman called it …" opens its sentence).
    // "a popular play called \"…\"": modifiers may stand between.
    let indefinite = (v.saturating_sub(4)..v - 1)
        .rev()
        .take_while(|&k| {
            let t = &toks[k];
            !t.ends_clause()
                && !t.quoted
                && !matches!(
                    t.lw,
                    "who" | "which" | "that" | "has" | "have" | "had" | "is" | "was"
                )
        })
        .find(|&k| lexicon::is_determiner(toks[k].lw))
        .is_some_and(|k| matches!(toks[k].lw, "a" | "an") && k >= 1 && !toks[k - 1].ends_clause());
    let naming = matches!(word, "called" | "dubbed" | "named")
        && v >= 3
        && !toks[v - 1].ends_clause()
        && indefinite;
    if naming {
        return false;
    }
    // "New York state Democratic official": "state" after a singular
    // place name is a noun; names joined by "and" ("Lee and Park state
    // that") keep their verb.
    if word == "state"
        && v >= 2
        && prev.capitalized()
        && !prev.quoted
        && !p.ends_with('s')
        && !lexicon::is_pronoun(p)
        && toks.get(v + 1).is_none_or(|n| n.lw != "that")
        && !(v.saturating_sub(4)..v - 1)
            .rev()
            .take_while(|&k| !toks[k].ends_clause())
            .any(|k| matches!(toks[k].lw, "and" | "&" | "or"))
    {
        return false;
    }
    // "the battleground states in Ohio": a noun before its preposition.
    // "Lee calls for …", "the bill calls for …" keep the verb after a
    // pronoun, a name or a singular noun phrase.
    // "Lee talks about …" likewise; "trade talks about …" is the noun.
    let verb_subject = || {
        !prev.ends_clause()
            && (lexicon::is_pronoun(p)
            || matches!(p, "who" | "which" | "that")
            // "Republican calls for …" is a noun after an adjective.
            || prev.capitalized()
                && !p.ends_with("an")
                && !p.ends_with("ic")
                && (v == 1 || toks[v - 2].capitalized())
            || !prev.capitalized()
                && !p.ends_with('s')
                && (v.saturating_sub(3)..v - 1).any(|k| {
                    lexicon::is_determiner(toks[k].lw) || toks[k].raw.ends_with("'s")
                }))
    };
    if word == "talks" && !verb_subject() {
        return false;
    }
    let calls_for = word == "calls"
        && toks
            .get(v + 1)
            .is_some_and(|n| matches!(n.lw, "for" | "on"))
        && verb_subject();
    if lexicon::is_noun_homograph(word)
        && !calls_for
        && toks
            .get(v + 1)
            .is_some_and(|n| matches!(n.core, "in" | "of" | "on" | "at" | "for" | "with" | "from"))
    {
        return false;
    }
    if missing_particle(toks, v) {
        return false;
    }
    // "his neighboring state of Michigan", "a report of …": a base form
    // before "of" is a noun too; verbs of speech and knowing still take
    // "of" ("complain of", "know of").
    if lexicon::is_base_form(word)
        && !matches!(
            word,
            "say"
                | "think"
                | "speak"
                | "write"
                | "warn"
                | "ask"
                | "tell"
                | "complain"
                | "boast"
                | "know"
                | "hear"
                | "learn"
        )
        && toks.get(v + 1).is_some_and(|n| n.core == "of")
    {
        return false;
    }
    // "The detour adds about 15 minutes", "Ferries will add two crossings",
    // "which added $5 million": adding a quantity, not words.
    // "…,\" added another official" still inverts after its quotation.
    if matches!(word, "add" | "adds" | "added" | "adding")
        && !toks[v].ends_clause()
        && !prev.quoted
        && !prev.ends_clause()
        && toks.get(v + 1).is_some_and(|n| {
            !n.quoted
                && (n
                    .core
                    .starts_with(|c: char| c.is_ascii_digit() || "$€£¥".contains(c))
                    || super::numbers::is_number_word(n.lw)
                    || matches!(
                        n.lw,
                        "about"
                            | "nearly"
                            | "almost"
                            | "roughly"
                            | "around"
                            | "another"
                            | "extra"
                            | "more"
                            | "up"
                            | "over"
                            | "dozens"
                            | "hundreds"
                            | "thousands"
                            | "millions"
                            | "billions"
                            | "several"
                            | "some"
                    ))
        })
    {
        return false;
    }
    // "The strike continued into May", "Talks continued.": going on, not
    // speaking ("Lowe continued: …", "continued his attack" still report).
    if matches!(word, "continued" | "continues")
        && !toks[v].raw.ends_with([':', ','])
        && toks.get(v + 1).is_none_or(|n| {
            !n.quoted
                && matches!(
                    n.lw,
                    "into"
                        | "through"
                        | "throughout"
                        | "until"
                        | "till"
                        | "for"
                        | "on"
                        | "in"
                        | "at"
                        | "during"
                        | "after"
                        | "despite"
                        | "amid"
                        | "unabated"
                        | "apace"
                        | "overnight"
                        | "today"
                        | "as"
                        | "while"
                        | "past"
                        | "beyond"
                )
        })
    {
        return false;
    }
    // "Two hikers found dead", "was found guilty": a state reported of
    // the subject (a headline's passive), not something they found.
    if matches!(word, "found" | "feared")
        && toks
            .get(v + 1)
            .is_some_and(|n| is_found_state(lower(n.raw, &mut [0u8; 24])))
    {
        return false;
    }
    // "a stream called Miracle Run": naming, not speaking.
    if matches!(word, "called" | "named" | "dubbed")
        && toks.get(v + 1).is_some_and(Tok::capitalized)
        && (v.saturating_sub(4)..v).any(|k| matches!(toks[k].core, "a" | "an"))
        && !prev.capitalized()
    {
        return false;
    }
    // "ways that help Mr. Lee maintain", "let editorials tell them": an
    // infinitive after a causative verb.
    if lexicon::is_base_form(word)
        && (v.saturating_sub(4)..v.saturating_sub(1)).any(|k| {
            matches!(
                toks[k].lw,
                "help" | "helps" | "helped" | "let" | "lets" | "make" | "makes" | "made"
            ) && (k + 1..v).all(|i| !toks[i].ends_clause())
        })
    {
        return false;
    }
    // "Sales declined 5 percent": falling; "Lee declined to comment"
    // takes a stance. "Ford pushed back the launch", "the plan backed
    // off": moving, not reporting.
    let next = toks.get(v + 1).map_or("", |n| n.lw);
    if word == "declined" && next != "to"
        || matches!(word, "pushed" | "backed" | "pressed")
            && matches!(next, "back" | "off" | "up" | "down" | "ahead")
        // "…," Lee shot back: a retort; "police fired on", "the storm hit".
        || matches!(word, "fired" | "shot" | "hit") && next != "back"
    {
        return false;
    }
    // "showed up at the debate": arriving, not reporting.
    if matches!(word, "show" | "shows" | "showed")
        && toks.get(v + 1).is_some_and(|n| n.core == "up")
    {
        return false;
    }
    // "the laws proposed by the governor": a participle, not a verb.
    let by_agent = toks.get(v + 1).is_some_and(|n| n.core == "by")
        && toks.get(v + 2).is_some_and(|a| {
            // "a measure opposed by unions": a plural agent too.
            a.capitalized() || lexicon::is_determiner(a.lw) || plural_head(a.lw)
        });
    if by_agent && word.ends_with("ed") {
        return false;
    }
    let base = lexicon::is_base_form(word);
    let noun_like = lexicon::is_noun_homograph(word);
    // "Health worries have dogged …": a noun followed by its verb. A
    // comma sets a cue off instead ("…, the survey shows, is whether").
    let verb_follows = !toks[v].ends_clause()
        && toks.get(v + 1).is_some_and(|n| {
            let w = n.lw;
            lexicon::is_passive_aux(w)
                || matches!(
                    w,
                    "have" | "has" | "had" | "will" | "would" | "could" | "can" | "may" | "might"
                )
        });
    if noun_like && verb_follows {
        return false;
    }
    // "The memo states that …": a complementiser settles it.
    let that_follows = toks
        .get(v + 1)
        .is_some_and(|n| n.core.eq_ignore_ascii_case("that"));
    if !base && !noun_like {
        return true;
    }
    if is_findings_cue(word) && source_noun_before(toks, v, base) {
        return true;
    }
    if noun_like && that_follows && relative_on_noun(toks, v) {
        return false;
    }
    // "Their repeated claims that …": a possessive and a modifier make a
    // noun of an "-s" form.
    if noun_like
        && v >= 2
        && matches!(
            toks[v - 2].lw,
            "his" | "her" | "their" | "its" | "our" | "my" | "your"
        )
        && !toks[v - 2].ends_clause()
        && !prev.ends_clause()
        && (lexicon::is_adjective_like(p) || p.len() > 4 && p.ends_with("ed"))
    {
        return false;
    }
    // "the help of states that …" is still a noun after a preposition.
    if !base && that_follows && !lexicon::is_np_preposition(p) && !lexicon::is_boundary(p) {
        return true;
    }
    if lexicon::is_verb_modifier(p) || lexicon::is_pronoun(p) || p == "who" {
        return true;
    }
    if base {
        // "Officials say", "Democrats argue": a plural or a name, unless an
        // article opens the name ("a Boston Globe report", "the CNN
        // poll"): a singular subject would take "reports".
        // "…, say harbor pilots.": an inverted plural after its clause.
        return quantifier
            || word == "say" && inverted_tail(toks, v, class).is_some()
            || (prev.capitalized() && !article_on_name(toks, v))
            || plural_noun(prev)
            // "Officials there say".
            || matches!(p, "there" | "here") && v >= 2 && plural_noun(&toks[v - 2])
            || share_of_count(toks, v)
            || plural_before_close_to(toks, v)
            || plural_before_phrase(toks, v)
            || participle_on_plural(toks, v)
            || super::subjects::modified_subject(toks, v).is_some();
    }
    // "-s" forms that are also plural nouns: need a name, or a plain
    // singular noun right after an article ("the study finds"). A party
    // or nationality adjective makes a noun ("Republican claims",
    // "Russian reports"), and so does a compass point ("Southern states").
    if prev.capitalized() {
        let adjective = ["an", "ic", "ish", "ese", "ern"]
            .iter()
            .any(|s| prev.core.ends_with(s))
            && v >= 2
            && !toks[v - 2].capitalized()
            && !toks[v - 2].ends_clause();
        return !adjective;
    }
    // "the study finds", "a new poll shows", "the latest Gallup survey
    // shows": an article, then at most two modifiers, then the noun.
    let is_article = |t: &Tok| {
        matches!(
            t.lw,
            "the" | "a" | "an" | "this" | "its" | "his" | "her" | "their"
        )
    };
    let article = (v.saturating_sub(4)..v.saturating_sub(1))
        .rev()
        .find(|&k| is_article(&toks[k]))
        .is_some_and(|k| {
            (k + 1..v - 1).all(|i| {
                let t = &toks[i];
                !t.ends_clause()
                    && !t.quoted
                    && !lexicon::is_boundary(t.lw)
                    && !lexicon::is_pronoun(t.lw)
                    && !t.raw.ends_with("'s")
                    && !lexicon::is_verb_modifier(t.lw)
            })
        });
    // "the poll shows": a source noun is the subject, not a modifier.
    let modifier = lexicon::is_adjective_like(p) && !lexicon::is_organisation_word(p);
    article && !(p.is_empty() || p.contains('-') || p.ends_with('s') || modifier)
}
