//! Noun phrases of a sentence for attribution: the word tokens ([`Tok`])
//! and the scans that find a speaker phrase before a cue ("Deputy Minister
//! Ann Lee said"), after it ("said Ann Lee", "according to a source") or at
//! the start of the main clause.

use std::ops::Range;

use super::lexicon;

/// One whitespace-separated word of a sentence.
pub(super) struct Tok<'a> {
    pub(super) raw: &'a str,
    pub(super) start: usize,
    /// The word without surrounding punctuation.
    pub(super) core: &'a str,
    /// Overlaps a quotation, so it is someone's words, not the narration.
    pub(super) quoted: bool,
}

impl Tok<'_> {
    pub(super) fn end(&self) -> usize {
        self.start + self.raw.len()
    }

    /// True when the word ends a clause: a trailing comma, semicolon,
    /// colon, dash or sentence-final full stop (titles and initials excepted).
    pub(super) fn ends_clause(&self) -> bool {
        if self.raw.ends_with(')') && self.raw.starts_with('(') {
            // A closed parenthetical ("(R-Ga.)") belongs to the phrase.
            return false;
        }
        let t = self
            .raw
            .trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', ')']);
        if t.ends_with([',', ';', ':', '!', '?']) {
            return true;
        }
        if t.len() < self.raw.len() && !self.raw.ends_with(')') {
            // A closing quote mark ends the narration before it.
            return true;
        }
        if let Some(stem) = t.strip_suffix('.') {
            return !is_abbreviation(stem);
        }
        false
    }

    pub(super) fn starts_clause(&self) -> bool {
        self.raw.starts_with(['(', '"', '\u{201C}', '['])
    }

    pub(super) fn capitalized(&self) -> bool {
        self.core.chars().next().is_some_and(char::is_uppercase)
    }
}

pub(super) fn is_abbreviation(stem: &str) -> bool {
    // "U.S", "J" (an initial), "Mr", "Sen".
    let mut chars = stem.chars();
    let single = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    stem.contains('.') || single || super::sentences::is_title(stem)
}

pub(super) fn tokenize<'a>(text: &'a str, quotes: &[Range<usize>]) -> Vec<Tok<'a>> {
    let base = text.as_ptr() as usize;
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    // Tokens come in order, so a sweep over the quotes sorted by start
    // (with the furthest end seen so far) answers "inside a quote?" in
    // linear time; testing every quote per token was quadratic on a long
    // sentence full of quotations.
    let mut sorted: Vec<&Range<usize>> = quotes.iter().collect();
    sorted.sort_by_key(|q| q.start);
    let (mut next, mut max_end) = (0, 0);
    toks.extend(text.split_whitespace().map(|raw| {
        let start = raw.as_ptr() as usize - base;
        let end = start + raw.len();
        let core = raw.trim_matches(|c: char| !c.is_alphanumeric());
        while let Some(q) = sorted.get(next).filter(|q| q.start < end) {
            max_end = max_end.max(q.end);
            next += 1;
        }
        let quoted = max_end > start;
        Tok {
            raw,
            start,
            core,
            quoted,
        }
    }));
    toks
}

/// Lower-cases an ASCII word into `buf` for lexicon look-ups.
pub(super) fn lower<'b>(word: &str, buf: &'b mut [u8; 24]) -> &'b str {
    if word.len() > buf.len() || !word.is_ascii() {
        return "";
    }
    for (slot, b) in buf.iter_mut().zip(word.bytes()) {
        *slot = b.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..word.len()]).unwrap_or("")
}

/// The subject at the start of the sentence (after an introductory
/// phrase ending in a comma): a pronoun, or an optional determiner and a
/// run of capitalised words.
pub(super) fn sentence_subject(toks: &[Tok], before: usize) -> Option<Range<usize>> {
    let mut buf = [0u8; 24];
    let mut i = 0;
    // Skip introductory phrases ("During a speech on Monday,", "Chastened
    // by the polls, as well as …,") to the main clause.
    for _ in 0..3 {
        let t = toks.get(i)?;
        let first = lower(t.core, &mut buf);
        let participle = first.len() > 4 && (first.ends_with("ed") || first.ends_with("ing"));
        if lexicon::is_boundary(first) || lexicon::is_intro_preposition(first) {
            i = (i..before).find(|&k| toks[k].raw.ends_with(','))? + 1;
            // "Following a swiftly called, late-afternoon meeting, …": the
            // phrase runs on past a comma before a lower-case word.
            if toks.get(i).is_some_and(|t| {
                let mut b = [0u8; 24];
                let w = lower(t.core, &mut b);
                !t.capitalized() && !lexicon::is_pronoun(w) && !lexicon::is_determiner(w)
            }) && let Some(k) = (i..before.min(i + 6)).find(|&k| toks[k].raw.ends_with(','))
            {
                i = k + 1;
            }
        } else if participle {
            // "Chastened by the polls, …" skips to the comma; "Retired
            // Gen. Ann Lee is …" has none and is the subject itself.
            match (i..before).find(|&k| toks[k].raw.ends_with(',')) {
                Some(k) => i = k + 1,
                None => break,
            }
        } else {
            break;
        }
    }
    let start = i;
    if i < before && lexicon::is_pronoun(lower(toks[i].core, &mut buf)) {
        return Some(i..i + 1);
    }
    if i < before && lexicon::is_determiner(lower(toks[i].core, &mut buf)) {
        i += 1;
    }
    let name_start = i;
    if i < before && !toks[i].quoted && !toks[i].capitalized() && toks[i].core.ends_with('s') {
        // A plural common noun ("Proponents", "officials").
        return trim_phrase(toks, start..i + 1);
    }
    if name_start > start {
        // "several environmental groups", "the harbor board": a determiner,
        // a few modifiers and a plural or organisation head.
        let mut k = i;
        while k < before && k - i < 3 && !toks[k].quoted && !toks[k].capitalized() {
            let w = lower(toks[k].core, &mut buf);
            if w.is_empty() || lexicon::is_boundary(w) || lexicon::is_determiner(w) {
                break;
            }
            let plural = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss");
            // The head must be followed by its verb ("groups sued", "board
            // has"), not another noun or a preposition ("centers on").
            let verb_next = toks.get(k + 1).is_some_and(|n| {
                let mut b2 = [0u8; 24];
                let nw = lower(n.core, &mut b2);
                !n.capitalized()
                    && (nw.ends_with("ed")
                        || lexicon::is_verb_modifier(nw)
                        || lexicon::is_passive_aux(nw)
                        || lexicon::may_cue(nw))
            });
            // "The piece used …": a singular head right before a past verb.
            let singular_past = k == i
                && toks.get(k + 1).is_some_and(|n| {
                    let mut b3 = [0u8; 24];
                    let nw = lower(n.core, &mut b3);
                    nw.len() > 3 && nw.ends_with("ed") && !n.capitalized()
                })
                && !lexicon::is_not_speaker(w);
            if (plural || lexicon::is_organisation_word(w) || singular_past) && verb_next {
                return trim_phrase(toks, start..k + 1);
            }
            if toks[k].ends_clause() {
                break;
            }
            k += 1;
        }
    }
    while i < before && !toks[i].quoted && toks[i].capitalized() {
        i += 1;
        if toks[i - 1].ends_clause() {
            break;
        }
    }
    if i == name_start {
        return None;
    }
    // "Get those boats out": a lone opening word before a determiner is
    // an imperative verb, not a name.
    if i == name_start + 1 && name_start == 0 && !toks[0].ends_clause() {
        let next = toks.get(1).map_or("", |t| lower(t.core, &mut buf));
        if lexicon::is_determiner(next) || lexicon::is_pronoun(next) {
            return None;
        }
    }
    trim_phrase(toks, start..i)
}

/// The noun phrase that ends right before the cue at `v`, skipping
/// auxiliaries and adverbs ("has also said"), appositives ("Flynn, a top
/// aide, said") and relative pronouns ("Smith, who said").
pub(super) fn subject_before(toks: &[Tok], v: usize) -> Option<Range<usize>> {
    let mut buf = [0u8; 24];
    let mut j = v;
    while j > 0 {
        let t = &toks[j - 1];
        let w = lower(t.core, &mut buf);
        let adverb = w.len() > 4 && w.ends_with("ly") && !t.capitalized() && !ly_noun(toks, j - 1);
        // "Theresa May said": a capitalised "May" mid-sentence is a name.
        let modal = lexicon::is_verb_modifier(w) && !(t.capitalized() && j > 1);
        if t.quoted || t.ends_clause() || !(adverb || modal) {
            break;
        }
        j -= 1;
    }
    if j == 0 || j != v && toks[j - 1].ends_clause() && !toks[j - 1].raw.ends_with(',') {
        return None;
    }
    j = skip_time_phrase(toks, j);
    let last = &toks[j - 1];
    if last.quoted {
        return None;
    }
    if matches!(lower(last.core, &mut buf), "who" | "which") && !last.ends_clause() {
        // "…, who said": the antecedent before the relative pronoun.
        return (j >= 2).then(|| phrase_before(toks, j - 1)).flatten();
    }
    if last.raw.ends_with(',')
        && let Some(np) = sentence_subject(toks, j)
        && toks[np.end - 1].raw.ends_with(',')
        && (np.start..np.end).any(|k| k > 0 && toks[k].capitalized())
    {
        // "Ann Lee, 59, of Ashton, Md., who watched it, said": the name
        // that opens the chain of appositives.
        return Some(np);
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
                return Some(np);
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
    let np = phrase_before(toks, end)?;
    let head = lower(toks[np.end - 1].core, &mut buf);
    if np.len() == 1
        && head.ends_with("ed")
        && np.start >= 2
        && matches!(
            lower(toks[np.start - 1].core, &mut [0u8; 24]),
            "i" | "we" | "you" | "they"
        )
    {
        // "the experts I interviewed said": the noun the clause is on.
        return phrase_before(toks, np.start - 1);
    }
    if np.start >= 2
        && toks[np.start - 1].core == "and"
        && !toks[np.start - 1].ends_clause()
        && !toks[np.start - 2].ends_clause()
        && let Some(left) = phrase_before(toks, np.start - 1)
        && (left.start == 0 || toks[left.start - 1].ends_clause())
        && !toks[left.clone()].iter().any(|t| {
            let mut b = [0u8; 24];
            let w = lower(t.core, &mut b);
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
        let prep = lower(toks[np.start - 1].core, &mut buf);
        if matches!(prep, "to" | "of" | "with" | "for" | "around" | "near")
            && !toks[np.start - 1].ends_clause()
        {
            return phrase_before(toks, np.start - 1).map(|r| r.start..np.end);
        }
    }
    if np.start >= 2
        && matches!(
            lower(toks[np.start - 1].core, &mut buf),
            "in" | "on" | "at" | "from"
        )
        && !toks[np.start - 1].ends_clause()
        && let Some(head) = phrase_before(toks, np.start - 1)
        && (lexicon::is_determiner(lower(toks[head.start].core, &mut buf)) || {
            let h = toks[head.end - 1].core;
            h.ends_with('s') && !h.ends_with("ss")
        })
    {
        // "A poll in Ohio shows": the place belongs to the subject.
        return Some(head.start..np.end);
    }
    Some(relative_head(toks, &np).unwrap_or(np))
}

/// For a phrase that is the object inside a relative clause on the
/// subject ("One of the doctors who signed the letter called …"), the
/// subject the clause hangs on.
fn relative_head(toks: &[Tok], np: &Range<usize>) -> Option<Range<usize>> {
    let mut buf = [0u8; 24];
    let lo = np.start.saturating_sub(4);
    let k = (lo..np.start)
        .rev()
        .find(|&k| matches!(lower(toks[k].core, &mut buf), "who" | "that") && !toks[k].quoted)?;
    // The relative pronoun must be followed by its verb, all in one clause.
    let verb_then_object = k + 1 < np.start
        && !toks[k + 1].capitalized()
        && (k..np.start).all(|i| !toks[i].ends_clause());
    if k == 0 || !verb_then_object || toks[k - 1].ends_clause() {
        return None;
    }
    let head = phrase_before(toks, k)?;
    (!lexicon::is_pronoun(lower(toks[head.end - 1].core, &mut buf))).then_some(head)
}

/// Steps back over a time phrase between a subject and its verb
/// ("prosecutors in April charged", "a poll released in late August
/// found"): the index where the subject ends.
fn skip_time_phrase(toks: &[Tok], mut j: usize) -> usize {
    let mut buf = [0u8; 24];
    let is_when = |t: &Tok| {
        let mut b = [0u8; 24];
        let w = lower(t.core, &mut b);
        lexicon::is_date_word(w) || !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
    };
    let opens = |w: &str| {
        matches!(
            w,
            "in" | "on" | "last" | "this" | "during" | "earlier" | "late" | "early"
        )
    };
    if j < 3 || toks[j - 1].ends_clause() || !is_when(&toks[j - 1]) {
        return j;
    }
    let mut k = j - 1;
    // "in late August", "earlier this month".
    if matches!(
        lower(toks[k - 1].core, &mut buf),
        "late" | "early" | "mid" | "this" | "last"
    ) && k >= 3
        && opens(lower(toks[k - 2].core, &mut buf))
    {
        k -= 1;
    }
    if !opens(lower(toks[k - 1].core, &mut buf)) || toks[k - 1].ends_clause() {
        return j;
    }
    j = k - 1;
    // "a poll released in late August": the participle goes too.
    let w = lower(toks[j - 1].core, &mut buf);
    if j >= 3 && w.len() > 4 && w.ends_with("ed") && !toks[j - 1].capitalized() {
        j -= 1;
    }
    j
}

/// True for an "-ly" word that is a noun, not an adverb: one of the common
/// "-ly" nouns, or any after a determiner ("the family", "an ally").
fn ly_noun(toks: &[Tok], k: usize) -> bool {
    let mut buf = [0u8; 24];
    let w = lower(toks[k].core, &mut buf);
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
    k > 0 && lexicon::is_determiner(lower(toks[k - 1].core, &mut buf))
}

/// The noun phrase ending (exclusive) at token `end`, scanning back to a
/// clause boundary or a determiner.
pub(super) fn phrase_before(toks: &[Tok], end: usize) -> Option<Range<usize>> {
    let mut buf = [0u8; 24];
    if end == 0 {
        return None;
    }
    // A pronoun subject stands alone ("which he said", "the one I know").
    if lexicon::is_pronoun(lower(toks[end - 1].core, &mut buf)) && !toks[end - 1].quoted {
        // "No one", "every one": the quantifier belongs to the pronoun.
        let quantified = toks[end - 1].core.eq_ignore_ascii_case("one")
            && end >= 2
            && matches!(
                lower(toks[end - 2].core, &mut buf),
                "no" | "every" | "any" | "each"
            );
        return Some(end - 1 - usize::from(quantified)..end);
    }
    {
        let t = &toks[end - 1];
        let w = lower(t.core, &mut buf);
        if !t.capitalized() && (lexicon::is_boundary(w) || (w.len() > 5 && w.ends_with("ing"))) {
            return None;
        }
    }
    let mut i = end;
    while i > 0 {
        let t = &toks[i - 1];
        let dash = t.core.is_empty() && t.raw.contains('-');
        if t.quoted || dash || (i != end && t.ends_clause()) {
            break;
        }
        let w = lower(t.core, &mut buf);
        let participle = w.len() > 5 && w.ends_with("ing") && !t.capitalized();
        // "has also included members": a verb after an auxiliary.
        let past_verb =
            i != end && w.len() > 4 && w.ends_with("ed") && !t.capitalized() && i >= 2 && {
                let mut b2 = [0u8; 24];
                lexicon::is_verb_modifier(lower(toks[i - 2].core, &mut b2))
            };
        // "My father died years ago of cancer, which …": a past verb
        // right after its subject ends the phrase.
        let after_noun =
            i != end && i >= 2 && w.len() > 3 && w.ends_with("ed") && !t.capitalized() && {
                let mut b2 = [0u8; 24];
                let p = lower(toks[i - 2].core, &mut b2);
                !p.is_empty()
                    && !lexicon::is_determiner(p)
                    && !p.ends_with("ly")
                    && !p.contains('-')
                    && !lexicon::is_adjective_like(p)
                    && !lexicon::is_np_preposition(p)
                    && !lexicon::is_boundary(p)
                    && !toks[i - 2].ends_clause()
            };
        if past_verb || after_noun {
            break;
        }
        // "Commission on Presidential Debates": a preposition inside a
        // capitalised name does not end the phrase.
        let in_name = i != end
            && i >= 2
            && toks[i].capitalized()
            && toks[i - 2].capitalized()
            && matches!(w, "on" | "of" | "for" | "in" | "and" | "de");
        // "Ted Vance endorses Lowe, who …": a lower-case verb between
        // two names ends the phrase; "Bank of England" keeps its "of".
        let verb_between = i != end
            && i >= 2
            && !t.capitalized()
            && toks[i].capitalized()
            && toks[i - 2].capitalized()
            && w.len() > 3
            && w.ends_with('s')
            && !lexicon::is_np_preposition(w);
        if verb_between {
            break;
        }
        // "One of the doctors": a pronoun that heads the phrase.
        let one_of = w == "one" && toks[i].core == "of";
        if i != end
            && !in_name
            && (lexicon::is_boundary(w) || participle || lexicon::is_pronoun(w) && !one_of)
        {
            break;
        }
        if t.raw.ends_with(')') && !t.raw.starts_with('(') {
            // Skip a parenthetical such as "(D-N.C.)" as a unit.
            if let Some(open) = (i.saturating_sub(6)..i - 1)
                .rev()
                .find(|&k| toks[k].raw.starts_with('('))
            {
                i = open;
                continue;
            }
        }
        i -= 1;
        let parenthetical = t.raw.starts_with('(') && t.raw.trim_end_matches(',').ends_with(')');
        if (t.starts_clause() && !parenthetical) || end - i >= 9 {
            break;
        }
        if lexicon::is_determiner(w) {
            // "the spokeswoman for the State Department": keep going
            // through "of"/"for" into the head noun.
            let joins = i > 0 && {
                let mut b2 = [0u8; 24];
                lexicon::is_np_preposition(lower(toks[i - 1].core, &mut b2))
            };
            if !joins {
                break;
            }
        }
    }
    if i == end {
        return None;
    }
    let mut np = trim_phrase(toks, i..end)?;
    // "likely to placate nervous voters, who …": the verb after "to".
    if np.len() > 1
        && np.start > 0
        && toks[np.start - 1].core == "to"
        && !toks[np.start].capitalized()
        && !lexicon::is_determiner(lower(toks[np.start].core, &mut buf))
    {
        np.start += 1;
    }
    let head = lower(toks[np.end - 1].core, &mut buf);
    if head.is_empty() && !toks[np.end - 1].capitalized() && toks[np.end - 1].core.is_empty() {
        return None;
    }
    // A capitalised head may still be a name ("Times"), unless it opens
    // the sentence ("Having said that").
    let name_head = toks[np.end - 1].capitalized() && np.end > 1;
    let numeric = !head.is_empty() && head.bytes().all(|b| b.is_ascii_digit());
    // A lone quantifier can be the speaker ("all agreed", "some note").
    let quantifier = np.len() == 1
        && matches!(
            head,
            "all" | "both" | "some" | "many" | "most" | "several" | "few" | "others"
        );
    if !quantifier
        && (lexicon::is_determiner(head)
            || numeric
            || (!name_head && lexicon::is_not_speaker(head)))
    {
        return None;
    }
    Some(np)
}

/// The noun phrase starting at token `start` (after "according to" or an
/// inverted "said"), up to a comma or a boundary word.
pub(super) fn phrase_after(toks: &[Tok], start: usize, inverted: bool) -> Option<Range<usize>> {
    let first = toks.get(start)?;
    if first.quoted {
        return None;
    }
    let mut buf = [0u8; 24];
    let w = lower(first.core, &mut buf);
    if lexicon::is_time_word(w) {
        return None;
    }
    // "said harbor master Ines Vaz": a lower-case title must lead to a name.
    let plain_start = !(first.capitalized() || lexicon::is_determiner(w) || lexicon::is_pronoun(w));
    let mut i = start;
    while i < toks.len() && i - start < 10 {
        let t = &toks[i];
        if t.quoted {
            break;
        }
        let w = lower(t.core, &mut buf);
        if i != start && (lexicon::is_after_stop(w) || lexicon::is_time_word(w)) {
            break;
        }
        i += 1;
        if t.ends_clause() {
            break;
        }
    }
    let mut np = trim_phrase(toks, start..i)?;
    // "said her deputy, Tom Ruiz": a role followed by the name.
    if inverted
        && !toks[np.clone()].iter().any(Tok::capitalized)
        && toks[np.end - 1].raw.ends_with(',')
    {
        let mut k = np.end;
        while k < toks.len() && k - np.end < 4 && !toks[k].quoted && toks[k].capitalized() {
            k += 1;
            if toks[k - 1].ends_clause() {
                break;
            }
        }
        if k > np.end {
            np.end = k;
        }
    }
    if inverted && plain_start && !toks[np.clone()].iter().any(Tok::capitalized) {
        return None;
    }
    let head = lower(toks[np.end - 1].core, &mut buf);
    if lexicon::is_not_speaker(head) {
        return None;
    }
    Some(np)
}

/// Drops leading conjunctions/adverbs and empty punctuation tokens.
pub(super) fn trim_phrase(toks: &[Tok], mut r: Range<usize>) -> Option<Range<usize>> {
    let mut buf = [0u8; 24];
    while r.start < r.end {
        let w = lower(toks[r.start].core, &mut buf);
        // "in 2017 America says": a year before a name is not part of it.
        let year = r.len() > 1
            && w.len() == 4
            && w.bytes().all(|b| b.is_ascii_digit())
            && toks[r.start + 1].capitalized();
        let intro = lexicon::is_intro_preposition(w) && r.len() > 1 || year;
        if toks[r.start].core.is_empty() || lexicon::is_boundary(w) || intro {
            r.start += 1;
        } else {
            break;
        }
    }
    while r.start < r.end && toks[r.end - 1].core.is_empty() {
        r.end -= 1;
    }
    (r.start < r.end).then_some(r)
}

pub(super) fn slice(text: &str, toks: &[Tok], r: Range<usize>) -> String {
    let s = &text[toks[r.start].start..toks[r.end - 1].end()];
    let s = s.trim_start_matches(['"', '(', '[', '\u{201C}', '\'']);
    let s = s.trim_end_matches([',', ';', ':', '"', ']', '\u{201D}', '\'', '!', '?']);
    let s = if s.contains('(') {
        s
    } else {
        s.trim_end_matches(')')
    };
    let s = match s.strip_suffix('.') {
        Some(stem) if !stem.rsplit(' ').next().is_some_and(is_abbreviation) => stem,
        _ => s,
    };
    s.trim().to_string()
}
