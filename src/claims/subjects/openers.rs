//! Time phrases and openers a subject search steps over: a dateline
//! ("OSLO (Reuters) -"), an opening time phrase or sentence adverb
//! ("Sunday morning,", "Hours later,", "Back in 2009,") before
//! [`super::sentence_subject`]'s subject, where an opening phrase ends
//! (its comma or a dashed aside) and so where the main clause starts
//! ([`main_clause_start`]), and a time phrase between a subject and its
//! verb ("prosecutors in April charged").

use super::comma;
use super::edges::ing_surname;
use super::shares::place_region;
use crate::claims::lexicon;
use crate::claims::phrases::Tok;

/// The dash closing a dateline at the start of a sentence: up to six
/// words of a place in capitals (with its state or a date after a comma),
/// or a place with its bracketed agency, then a lone dash.
pub(super) fn dateline(toks: &[Tok], i: usize, before: usize) -> Option<usize> {
    if i != 0 {
        return None;
    }
    let k = (1..before.min(7))
        .find(|&k| matches!(toks[k].raw, "-" | "--" | "\u{2013}" | "\u{2014}"))?;
    // A place in capitals or with its agency: "Ada Lowe - the mayor -
    // said" is a name set off by dashes, not a dateline.
    let place = &toks[..k];
    let agency = place.iter().any(|t| t.raw.starts_with('('));
    // "BUENA PARK, Calif. -": the place in capitals up to its comma, the
    // state after it as written.
    let city = place
        .iter()
        .position(|t| t.raw.ends_with(','))
        .map_or(place.len(), |p| p + 1);
    let capitals = place[..city]
        .iter()
        .all(|t| t.core.len() > 1 && !t.core.chars().any(char::is_lowercase));
    // "WASHINGTON, Dec. 8 (UPI) -": a date may follow the place.
    let names = place.iter().enumerate().all(|(n, t)| {
        t.capitalized()
            || t.raw.starts_with('(')
            || n >= city && t.core.bytes().all(|b| b.is_ascii_digit()) && !t.core.is_empty()
    });
    (names && (agency || capitals)).then_some(k)
}

/// The comma closing an opening time phrase or sentence adverb ("Sunday
/// morning,", "Hours later,", "Two days ago,", "Likewise,"): at most four
/// words, opening with a time word, closing with "later"/"earlier"/"ago",
/// or one linking adverb; or a look back ("Back in the summer of 2001,").
pub(super) fn time_opener(toks: &[Tok], i: usize, before: usize) -> Option<usize> {
    // "Back in 1999,", "Back then,", "Back when she ran the port,": a
    // look back in time, up to its comma.
    let back = toks[i].lw == "back"
        && !toks[i].ends_clause()
        && toks
            .get(i + 1)
            .is_some_and(|n| matches!(n.lw, "in" | "then" | "when" | "during" | "before"));
    if back {
        return (i + 1..before.min(i + 9)).find(|&k| comma(&toks[k]));
    }
    let k = (i..before.min(i + 4)).find(|&k| comma(&toks[k]))?;
    let last = toks[k].lw;
    let time_first = lexicon::is_date_word(toks[i].lw) && toks[i].lw != "may";
    let time_last = matches!(
        last,
        "later" | "earlier" | "ago" | "afterward" | "afterwards"
    );
    let adverb = k == i
        && matches!(
            last,
            "likewise"
                | "meanwhile"
                | "however"
                | "instead"
                | "moreover"
                | "nevertheless"
                | "nonetheless"
                | "still"
                | "now"
                | "then"
                | "today"
                | "yesterday"
                | "overall"
                | "again"
                | "besides"
                | "otherwise"
                | "indeed"
                | "thus"
                | "yet"
                // "First, …", "Second, …": the steps of an argument.
                | "first"
                | "second"
                | "third"
                | "fourth"
                | "fifth"
                | "last"
                | "next"
                | "also"
                | "plus"
                | "furthermore"
                | "therefore"
                | "hence"
                | "anyway"
                | "sometimes"
                | "often"
        )
        // "Essentially, …", "Finally, …": an -ly adverb alone before its
        // comma ("Kelly, …" is a given name).
        || k == i
            && last.len() > 5
            && last.ends_with("ly")
            && crate::claims::names::given_name(last).is_none()
        // "More recently,", "Most notably,": a degree word on the adverb.
        || k == i + 1
            && matches!(toks[i].lw, "more" | "most" | "less" | "very" | "perhaps")
            && last.len() > 5
            && last.ends_with("ly");
    (time_first || time_last || adverb).then_some(k)
}

/// A word that may open a span of time before "ago" ("two weeks ago",
/// "less than a year ago", "some 20 years ago").
fn is_span_start(w: &str) -> bool {
    matches!(
        w,
        "less" | "more" | "about" | "nearly" | "almost" | "some" | "just" | "only" | "a" | "an"
    ) || w.starts_with(|c: char| c.is_ascii_digit())
        || crate::claims::numbers::is_number_word(w)
}

/// Steps back over a time phrase between a subject and its verb
/// ("prosecutors in April charged", "a poll released in late August
/// found"): the index where the subject ends.
pub(super) fn skip_time_phrase(toks: &[Tok], mut j: usize) -> usize {
    // "The State Department less than two weeks ago said": a span of time
    // ago, with the subject before it.
    if j >= 3 && toks[j - 1].lw == "ago" && !toks[j - 1].ends_clause() {
        let lo = j.saturating_sub(6).max(1);
        let start = (lo..j - 1).find(|&k| {
            is_span_start(toks[k].lw)
                && (k..j).all(|i| !toks[i].ends_clause() && !toks[i].capitalized())
        });
        if let Some(k) = start {
            return k;
        }
    }
    let is_when = |t: &Tok| {
        let w = t.lw;
        lexicon::is_date_word(w) || !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
    };
    let opens = |w: &str| {
        matches!(
            w,
            "in" | "on" | "last" | "this" | "during" | "earlier" | "later" | "late" | "early"
        )
    };
    // "Lowe today said": a lower-case deictic day between the subject
    // and its verb.
    if j >= 2
        && matches!(toks[j - 1].lw, "today" | "yesterday" | "tonight")
        && !toks[j - 1].capitalized()
        && !toks[j - 1].ends_clause()
        && !toks[j - 2].ends_clause()
        && !toks[j - 2].quoted
        && !opens(toks[j - 2].lw)
        && !lexicon::is_boundary(toks[j - 2].lw)
    {
        return j - 1;
    }
    if j < 3 || toks[j - 1].ends_clause() || !is_when(&toks[j - 1]) {
        return j;
    }
    let mut k = j - 1;
    // "in late August", "earlier this month", "this past week".
    if matches!(
        toks[k - 1].lw,
        "late" | "early" | "mid" | "this" | "last" | "past"
    ) && k >= 3
        && opens(toks[k - 2].lw)
    {
        k -= 1;
    }
    if !opens(toks[k - 1].lw) || toks[k - 1].ends_clause() {
        // "a report filed Monday says": a bare day on a participle goes
        // with it.
        let p = &toks[k - 1];
        let day = lexicon::is_day(toks[j - 1].lw);
        let participle = p.lw.len() > 4 && p.lw.ends_with("ed") && !p.capitalized();
        if k == j - 1 && day && participle && !p.ends_clause() && k >= 2 {
            return k - 1;
        }
        return j;
    }
    j = k - 1;
    // "a poll released in late August": the participle goes too.
    let w = toks[j - 1].lw;
    if j >= 3 && w.len() > 4 && w.ends_with("ed") && !toks[j - 1].capitalized() {
        j -= 1;
    }
    j
}

/// Steps back over the occasion of a statement between a subject and its
/// verb ("Lowe in a statement said", "The mayor in an interview on
/// Monday warned", "Trump at a rally claimed"): the index where the
/// subject ends, or `j` when there is none.
pub(super) fn skip_occasion(toks: &[Tok], j: usize) -> usize {
    if j < 4 || toks[j - 1].ends_clause() || !is_occasion(toks[j - 1].lw) {
        return j;
    }
    // The determiner, then at most two modifiers before the noun.
    let Some(d) = (j.saturating_sub(4)..j - 1).rev().find(|&k| {
        matches!(
            toks[k].lw,
            "a" | "an" | "the" | "his" | "her" | "their" | "its" | "this" | "that"
        )
    }) else {
        return j;
    };
    let Some(p) = d.checked_sub(1) else {
        return j;
    };
    let opens = matches!(toks[p].lw, "in" | "during" | "at" | "on");
    let clean = (p..j).all(|k| !toks[k].ends_clause() && !toks[k].quoted);
    if !opens || !clean || p == 0 || toks[p - 1].ends_clause() {
        return j;
    }
    skip_time_phrase(toks, p)
}

/// Nouns for the occasion a statement was made on.
fn is_occasion(w: &str) -> bool {
    matches!(
        w,
        "statement"
            | "interview"
            | "speech"
            | "letter"
            | "email"
            | "post"
            | "tweet"
            | "op-ed"
            | "column"
            | "address"
            | "briefing"
            | "appearance"
            | "conference"
            | "release"
            | "memo"
            | "remarks"
            | "testimony"
            | "hearing"
            | "video"
            | "podcast"
            | "broadcast"
            | "rally"
            | "debate"
    )
}

/// The last token of an opening phrase from `i`: its comma, or the
/// closing dash of an aside right before a capitalised subject
/// ("Politicizing the tragedy - as he did in Paris - Lee blamed …").
pub(super) fn opening_phrase_end(toks: &[Tok], i: usize, before: usize) -> Option<usize> {
    let comma_at = (i..before).find(|&k| comma(&toks[k]));
    let open = (i + 1..comma_at.unwrap_or(before)).find(|&k| toks[k].is_dash());
    let aside_end = open.and_then(|d| {
        (d + 1..comma_at.unwrap_or(before))
            .find(|&k| toks[k].is_dash())
            .filter(|&k| toks.get(k + 1).is_some_and(Tok::capitalized))
    });
    aside_end.or(comma_at)
}

/// Where the main clause starts: past up to three introductory phrases
/// ("During a speech on Monday,", "Chastened by the polls, …,", "OSLO
/// (Reuters) -", "Two weeks after the vote,"); `None` when an opening
/// phrase runs to `before` without its comma.
pub(super) fn main_clause_start(toks: &[Tok], before: usize) -> Option<usize> {
    let mut i = 0;
    // Skip introductory phrases ("During a speech on Monday,", "Chastened
    // by the polls, as well as …,") to the main clause.
    for _ in 0..3 {
        let t = toks.get(i)?;
        let first = t.lw;
        let participle = first.len() > 4
            && (first.ends_with("ed") || first.ends_with("ing") && !ing_surname(toks, i));
        // "And Lee went on the attack, saying …", "But then Lee …": a
        // linking word before a name opens the main clause itself, not a
        // phrase up to a comma.
        let linked = |k: usize| {
            toks.get(k)
                .is_some_and(|n| n.capitalized() && !n.raw.ends_with(','))
        };
        let linking = matches!(first, "and" | "but" | "yet" | "or" | "then");
        // "Ever since she …,", "Shortly after …,": an adverb on the
        // subordinator of an opening clause.
        let on_boundary = lexicon::is_subordinator_adverb(first)
            && toks
                .get(i + 1)
                .is_some_and(|n| lexicon::is_boundary(n.lw) && !t.ends_clause());
        if on_boundary || linking && linked(i + 1) {
            i += 1;
        } else if linking && toks.get(i + 1).is_some_and(|n| n.lw == "then") && linked(i + 2) {
            i += 2;
        } else if lexicon::is_boundary(first) || lexicon::is_intro_preposition(first) {
            i = (i..before).find(|&k| comma(&toks[k]))? + 1;
            // "At a rally in Dover, Kent, on Monday, …": a place's region
            // between commas is still the phrase.
            i += place_region(toks, i);
            // "Along with her husband, Ben Lee, a banker, she has …": a
            // name set off by commas is the phrase's, when a pronoun
            // follows to open the main clause.
            if let Some(k) = apposed_name_then_pronoun(toks, i, before) {
                i = k;
            }
            i += apposed_description(toks, i, before);
            // "Following a swiftly called, late-afternoon meeting, …": the
            // phrase runs on past a comma before a lower-case word.
            if toks.get(i).is_some_and(|t| {
                let w = t.lw;
                !t.capitalized() && !lexicon::is_pronoun(w) && !lexicon::is_determiner(w)
            }) && let Some(k) = (i..before.min(i + 6)).find(|&k| toks[k].raw.ends_with(','))
            {
                i = k + 1;
            }
        } else if (first.len() > 4 && first.ends_with("ly")
            // "Years after Lowe claimed …, …": a span of time before it.
            || is_time_span(first))
            && toks.get(i + 1).is_some_and(|n| {
                lexicon::is_subordinator(n.lw)
                    || lexicon::is_intro_preposition(n.lw)
                    // "Hastily blaming the council, …": an adverb on an
                    // opening participle.
                    || first.ends_with("ly")
                        && n.lw.len() > 4
                        && (n.lw.ends_with("ing") || n.lw.ends_with("ed"))
                        && !n.capitalized()
            })
        {
            // "Shortly after the vote, …": an adverb opening an
            // introductory phrase, up to its comma.
            i = opening_phrase_end(toks, i, before)? + 1;
        } else if (crate::claims::cues::is_count(t.core) || matches!(first, "one" | "a" | "an"))
            && !t.ends_clause()
            && toks
                .get(i + 1)
                .is_some_and(|n| is_time_span(n.lw) && !n.ends_clause())
            && toks.get(i + 2).is_some_and(|n| {
                matches!(
                    n.lw,
                    "after" | "before" | "later" | "earlier" | "into" | "since"
                )
            })
        {
            // "Two hours after the interview aired, …", "A year after …":
            // a counted span.
            i = opening_phrase_end(toks, i, before)? + 1;
        } else if let Some(k) = dateline(toks, i, before) {
            // "OSLO (Reuters) - …": the place and agency before the dash.
            i = k + 1;
        } else if let Some(k) = time_opener(toks, i, before) {
            // "Sunday morning, …", "Hours later, …", "Likewise, …".
            i = k + 1;
        } else if participle {
            // "Chastened by the polls, …" skips to the comma; "Retired
            // Gen. Ann Lee is …" has none and is the subject itself.
            match opening_phrase_end(toks, i, before) {
                Some(k) => i = k + 1 + apposed_description(toks, k + 1, before),
                None => break,
            }
        } else {
            break;
        }
    }
    Some(i)
}

/// A unit of time ("hours", "years", "one month after").
fn is_time_span(w: &str) -> bool {
    matches!(
        w,
        "years"
            | "months"
            | "weeks"
            | "days"
            | "hours"
            | "minutes"
            | "moments"
            | "decades"
            | "year"
            | "month"
            | "week"
            | "day"
            | "hour"
            | "decade"
    )
}

/// After an opening phrase ending at `i`, a name set off by commas and an
/// optional description set off the same way, then a subject pronoun
/// ("…, Ben Lee, a banker, she has …"): the pronoun's index, which may
/// be `before` itself (no subject before the pronoun, then).
fn apposed_name_then_pronoun(toks: &[Tok], i: usize, before: usize) -> Option<usize> {
    let plain = |t: &Tok| !t.quoted && t.capitalized();
    let mut k = i;
    while k < before && plain(&toks[k]) && !toks[k].ends_clause() && k - i < 4 {
        k += 1;
    }
    if k >= before || k == i || !plain(&toks[k]) || !toks[k].raw.ends_with(',') {
        return None;
    }
    k += 1;
    // "a banker,", "his longtime aide,": a short description.
    if toks
        .get(k)
        .is_some_and(|t| lexicon::is_determiner(t.lw) && !t.ends_clause())
        && let Some(end) = (k + 1..before.min(k + 6)).find(|&j| toks[j].ends_clause())
        && toks[end].raw.ends_with(',')
        && toks[k..=end].iter().all(|t| !t.quoted)
    {
        k = end + 1;
    }
    toks.get(k)
        .filter(|t| matches!(t.lw, "he" | "she" | "they" | "we") && !t.ends_clause())
        .map(|_| k)
}

/// How many words at `i` describe the name that ends the opening phrase
/// before it ("Preceded by Joe Arpaio, the Arizona sheriff, Trump …"): a
/// determiner, at most seven words and a comma, followed by a capitalised
/// word or a pronoun; 0 when none do.
fn apposed_description(toks: &[Tok], i: usize, before: usize) -> usize {
    let named = i >= 1 && toks[i - 1].capitalized() && toks[i - 1].raw.ends_with(',');
    if !named
        || toks
            .get(i)
            .is_none_or(|t| !lexicon::is_determiner(t.lw) || t.quoted)
    {
        return 0;
    }
    let Some(end) = (i + 1..before.min(i + 8)).find(|&j| toks[j].ends_clause()) else {
        return 0;
    };
    let next = toks.get(end + 1);
    let opens_clause = next.is_some_and(|n| {
        !n.quoted && (n.capitalized() || matches!(n.lw, "he" | "she" | "they" | "we"))
    });
    // A noun phrase naming a role ("the Arizona sheriff and hard-liner"),
    // not a clause ("his response focused on how Lee's wife").
    let phrase = toks[i + 1..=end]
        .iter()
        .all(|t| !t.quoted && (t.lw == "and" || !lexicon::is_boundary(t.lw)));
    let role = toks[end].capitalized() || crate::claims::persons::is_person_noun(toks[end].lw);
    if toks[end].raw.ends_with(',') && phrase && role && opens_clause {
        end + 1 - i
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::subjects::subject_of as subject;

    #[test]
    fn a_description_of_the_openers_name_is_skipped() {
        assert_eq!(
            subject("Preceded at the podium by Ada Lowe, the harbor master and longtime critic, Ben Park opened the meeting.")
                .as_deref(),
            Some("Ben Park")
        );
        assert_eq!(
            subject("Along with her husband, Ben Lee, a retired banker, she has given to many candidates.")
                .as_deref(),
            Some("she")
        );
    }

    #[test]
    fn a_clause_after_the_opener_is_the_main_clause() {
        // "his answer focused on how …" is the main clause, not a
        // description of "Radio".
        assert_eq!(
            subject("When Lowe was asked on Harbor Radio, his answer focused on how Park's wife, Ann Park, stayed silent.")
                .as_deref(),
            Some("his answer")
        );
    }
}
