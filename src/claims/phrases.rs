//! Noun phrases of a sentence for attribution: the word tokens ([`Tok`])
//! and the scans that read a noun phrase back from a word ("Deputy
//! Minister Ann Lee" before "said") or forward from one ("said Ann Lee",
//! "according to a source"). Which phrase is a clause's subject is
//! [`super::subjects`]'s job.

use std::ops::Range;

use super::lexicon;

mod contractions;
mod trim;

use contractions::split_who;
use trim::is_publication_of;
pub(super) use trim::{slice, trim_phrase};

/// One whitespace-separated word of a sentence.
#[derive(Clone)]
pub(super) struct Tok<'a> {
    pub(super) raw: &'a str,
    pub(super) start: usize,
    /// The word without surrounding punctuation.
    pub(super) core: &'a str,
    /// Overlaps a quotation, so it is someone's words, not the narration.
    pub(super) quoted: bool,
    /// `core` lower-cased for lexicon look-ups, as [`lower`] gives it:
    /// made once here rather than at every look-up.
    pub(super) lw: &'a str,
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
        if t.len() < self.raw.len() && !self.raw.ends_with(')') && !self.plural_possessive() {
            // A closing quote mark ends the narration before it.
            return true;
        }
        if let Some(stem) = t.strip_suffix('.') {
            return !is_abbreviation(stem);
        }
        false
    }

    /// "Sanders' campaign": an apostrophe after a final "s" outside any
    /// quotation is a possessive, not a closing quote mark.
    fn plural_possessive(&self) -> bool {
        !self.quoted
            && self.raw.strip_suffix(['\'', '\u{2019}']).is_some_and(|w| {
                w.ends_with(['s', 'S']) && !w.starts_with(['\'', '\u{2018}', '"', '\u{201C}'])
            })
    }

    /// A dash standing alone between words ("Lee - a teacher - says"),
    /// hyphen, en dash or em dash.
    pub(super) fn is_dash(&self) -> bool {
        self.core.is_empty() && self.raw.contains(['-', '\u{2014}', '\u{2013}'])
    }

    pub(super) fn starts_clause(&self) -> bool {
        self.raw.starts_with(['(', '"', '\u{201C}', '['])
    }

    pub(super) fn capitalized(&self) -> bool {
        self.core.chars().next().is_some_and(char::is_uppercase)
    }
}

pub(super) fn is_abbreviation(stem: &str) -> bool {
    // "U.S", "J" (an initial), "Mr", "Sen", "Jr".
    let mut chars = stem.chars();
    let single = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    // "Jr." and "Sr." close a name, not a clause ("Ed Lee Jr. said").
    // "the Nov. 8 election": a month inside a sentence closes nothing.
    let month = matches!(
        stem,
        "Jan" | "Feb" | "Aug" | "Sept" | "Sep" | "Oct" | "Nov" | "Dec"
    );
    stem.contains('.')
        || single
        || month
        || super::sentences::is_title(stem)
        || matches!(stem, "Jr" | "Sr")
}

/// The word tokens of `text`; `lowered` is `text.to_ascii_lowercase()`
/// (same byte offsets), which the tokens' [`Tok::lw`] borrow from.
pub(super) fn tokenize<'a>(
    text: &'a str,
    lowered: &'a str,
    quotes: &[Range<usize>],
) -> Vec<Tok<'a>> {
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    // Tokens come in order, so a sweep over the quotes sorted by start
    // (with the furthest end seen so far) answers "inside a quote?" in
    // linear time; testing every quote per token was quadratic on a long
    // sentence full of quotations.
    // `quotes::spans` already yields them in order: copy only when not.
    let owned: Vec<Range<usize>>;
    let sorted: &[Range<usize>] = if quotes.is_sorted_by_key(|q| q.start) {
        quotes
    } else {
        let mut v = quotes.to_vec();
        v.sort_by_key(|q| q.start);
        owned = v;
        &owned
    };
    let (mut next, mut max_end) = (0, 0);
    let base = text.as_ptr() as usize;
    // `lw` follows `lower`'s rule: ASCII words up to 24 bytes, else "".
    let mut push = |raw: &'a str, start: usize, core: &'a str, mut lw: &'a str| {
        let end = start + raw.len();
        // An initial ("James A. Baker", "Mark I. Lee") keeps its full stop
        // in `lw`, so it is not the article "a" or the pronoun "I".
        if let [b'A'..=b'Z', b'.'] = raw.as_bytes() {
            lw = lowered.get(start..end).unwrap_or(lw);
        }
        while let Some(q) = sorted.get(next).filter(|q| q.start < end) {
            max_end = max_end.max(q.end);
            next += 1;
        }
        toks.push(Tok {
            raw,
            start,
            core,
            quoted: max_end > start,
            lw,
        });
    };
    if text.is_ascii() && memchr::memchr(0x0B, text.as_bytes()).is_none() {
        // The general path below as a byte walk: for ASCII, `split_whitespace`
        // splits at space and \t..\r, which is `split_ascii_whitespace`'s
        // set but for the vertical tab (0x0B), absent here, and
        // `char::is_alphanumeric` is `u8::is_ascii_alphanumeric`. The split
        // hands out its words without slicing's char-boundary checks.
        for raw in text.split_ascii_whitespace() {
            let start = raw.as_ptr() as usize - base;
            let rb = raw.as_bytes();
            let (mut a, mut z) = (0, rb.len());
            // One table load per byte (`u8::is_ascii_alphanumeric`).
            while a < z && !lexicon::ALNUM[usize::from(rb[a])] {
                a += 1;
            }
            while z > a && !lexicon::ALNUM[usize::from(rb[z - 1])] {
                z -= 1;
            }
            let core = &raw[a..z];
            let at = start + a;
            let lw = if core.len() <= 24 {
                lowered.get(at..at + core.len()).unwrap_or("")
            } else {
                ""
            };
            push(raw, start, core, lw);
        }
    } else {
        for raw in text.split_whitespace() {
            let start = raw.as_ptr() as usize - base;
            let core = raw.trim_matches(|c: char| !c.is_alphanumeric());
            let at = core.as_ptr() as usize - base;
            let lw = if core.len() <= 24 && core.is_ascii() {
                lowered.get(at..at + core.len()).unwrap_or("")
            } else {
                ""
            };
            push(raw, start, core, lw);
        }
    }
    // "leaders who'd rather …": rare, so one search of the sentence
    // rather than a test on every word.
    // The searchers are built once: `memmem::find` would build one per call.
    static WHO: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 2]> =
        std::sync::LazyLock::new(|| {
            [
                memchr::memmem::Finder::new("who'"),
                memchr::memmem::Finder::new("who\u{2019}"),
            ]
        });
    if WHO.iter().any(|f| f.find(lowered.as_bytes()).is_some()) {
        toks = split_who(toks, lowered);
    }
    toks
}

/// A sentence with its word tokens made at most once, shared by the
/// attribution scan and the topic scan.
pub(super) struct Sentence<'a> {
    pub(super) text: &'a str,
    /// `text.to_ascii_lowercase()`.
    lowered: &'a str,
    pub(super) quotes: &'a [Range<usize>],
    toks: std::cell::OnceCell<Vec<Tok<'a>>>,
}

impl<'a> Sentence<'a> {
    /// `lowered` must be `text.to_ascii_lowercase()`.
    pub(super) fn new(text: &'a str, lowered: &'a str, quotes: &'a [Range<usize>]) -> Self {
        Sentence {
            text,
            lowered,
            quotes,
            toks: std::cell::OnceCell::new(),
        }
    }

    /// All word tokens.
    pub(super) fn toks(&self) -> &[Tok<'a>] {
        self.toks
            .get_or_init(|| tokenize(self.text, self.lowered, self.quotes))
    }

    /// At least the first `n` word tokens (all of them when made already).
    pub(super) fn head(&self, n: usize) -> std::borrow::Cow<'_, [Tok<'a>]> {
        match self.toks.get() {
            Some(all) => std::borrow::Cow::Borrowed(all),
            None => std::borrow::Cow::Owned(tokenize_head(self.text, self.lowered, self.quotes, n)),
        }
    }
}

/// The first `n` word tokens of `text`: [`tokenize`] of a prefix, for
/// scans that only read a sentence's opening words.
pub(super) fn tokenize_head<'a>(
    text: &'a str,
    lowered: &'a str,
    quotes: &[Range<usize>],
    n: usize,
) -> Vec<Tok<'a>> {
    // Cut after the n-th word: the tokens before the cut are the same.
    let mut words = 0;
    let mut in_word = false;
    let mut cut = text.len();
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == n {
                    cut = i;
                    break;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    tokenize(&text[..cut], &lowered[..cut], quotes)
}

/// Lower-cases an ASCII word into `buf` for lexicon look-ups ("" for a
/// word longer than `buf` or not ASCII).
#[inline]
pub(super) fn lower<'b>(word: &'b str, buf: &'b mut [u8; 24]) -> &'b str {
    // The common case inline: short ASCII without capitals is its own
    // lower case.
    let b = word.as_bytes();
    if b.len() <= buf.len() && b.iter().all(|&c| c < 0x80 && !c.is_ascii_uppercase()) {
        return word;
    }
    lower_copy(word, buf)
}

#[inline(never)]
fn lower_copy<'b>(word: &'b str, buf: &'b mut [u8; 24]) -> &'b str {
    if word.len() > buf.len() || !word.is_ascii() {
        return "";
    }
    // Most words have no capital: no copy, no UTF-8 check.
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return word;
    }
    for (slot, b) in buf.iter_mut().zip(word.bytes()) {
        *slot = b.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..word.len()]).unwrap_or("")
}

/// "-ing" nouns for what reports findings, which head a subject with no
/// determiner ("Exit polling showed …", "Internal polling finds …").
/// Nouns that take one ("the ruling", "a filing") need no entry.
fn is_ing_source(w: &str) -> bool {
    matches!(w, "polling" | "reporting" | "recording" | "testing")
}

/// The noun phrase ending (exclusive) at token `end`, scanning back to a
/// clause boundary or a determiner.
pub(super) fn phrase_before(toks: &[Tok], end: usize) -> Option<Range<usize>> {
    if end == 0 {
        return None;
    }
    // A pronoun subject stands alone ("which he said", "the one I know").
    if lexicon::is_pronoun(toks[end - 1].lw) && !toks[end - 1].quoted {
        // "No one", "every one": the quantifier belongs to the pronoun.
        let quantified = toks[end - 1].core.eq_ignore_ascii_case("one")
            && end >= 2
            && matches!(toks[end - 2].lw, "no" | "every" | "any" | "each");
        return Some(end - 1 - usize::from(quantified)..end);
    }
    {
        let t = &toks[end - 1];
        let w = t.lw;
        // "saying", "including" end no subject; "the ranking", "a
        // briefing" (after a determiner) are nouns.
        let noun_ing =
            end >= 2 && lexicon::is_determiner(toks[end - 2].lw) && !toks[end - 2].ends_clause();
        let gerund = w.len() > 5 && w.ends_with("ing") && !noun_ing && !is_ing_source(w);
        if !t.capitalized() && (lexicon::is_boundary(w) || gerund) {
            return None;
        }
    }
    let mut i = end;
    while i > 0 {
        let t = &toks[i - 1];
        let dash = t.is_dash();
        if t.quoted || dash || (i != end && t.ends_clause()) {
            break;
        }
        let w = t.lw;
        // "the housing minister", "a leading expert": after a determiner
        // an -ing word modifies the noun.
        let participle = w.len() > 5
            && w.ends_with("ing")
            && !t.capitalized()
            && !(i >= 2 && lexicon::is_determiner(toks[i - 2].lw) && !toks[i - 2].ends_clause());
        // "has also included members": a verb after an auxiliary.
        let past_verb =
            i != end && w.len() > 4 && w.ends_with("ed") && !t.capitalized() && i >= 2 && {
                lexicon::is_verb_modifier(toks[i - 2].lw)
            };
        // "My father died years ago of cancer, which …": a past verb
        // right after its subject ends the phrase.
        let after_noun =
            i != end && i >= 2 && w.len() > 3 && w.ends_with("ed") && !t.capitalized() && {
                let p = toks[i - 2].lw;
                !p.is_empty()
                    && !p.bytes().all(|b| b.is_ascii_digit())
                    && !lexicon::is_determiner(p)
                    && !p.ends_with("ly")
                    && !p.contains('-')
                    && !lexicon::is_adjective_like(p)
                    && !lexicon::is_np_preposition(p)
                    && !lexicon::is_boundary(p)
                    && !toks[i - 2].ends_clause()
            };
        // "would involve Attorney General Lee", "also includes members": a
        // verb after a modal, or an -s verb after an adverb of the clause.
        let after_modal = i != end
            && i >= 2
            && !t.capitalized()
            && !toks[i - 2].ends_clause()
            && match toks[i - 2].lw {
                "would" | "will" | "could" | "should" | "must" | "might" | "can" | "did"
                | "does" => true,
                "also" | "still" | "never" | "often" | "always" | "already" | "repeatedly"
                | "recently" | "frequently" | "reportedly" | "allegedly" => {
                    super::cues::plural_head(w)
                }
                _ => false,
            };
        if past_verb || after_noun || after_modal {
            break;
        }
        // "Commission on Presidential Debates": a preposition inside a
        // capitalised name does not end the phrase.
        let in_name = i != end
            && i >= 2
            && toks[i].capitalized()
            && toks[i - 2].capitalized()
            && matches!(w, "on" | "of" | "for" | "in" | "and" | "de")
            // "an aide to the mayor", "adviser to Lee": the role its
            // "to" phrase hangs on is the speaker, not the one served.
            || (w == "to" && i != end && i >= 2 && lexicon::is_attached_role(toks[i - 2].lw));
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
        // "One of the doctors": a pronoun that heads the phrase; "one
        // study" counts its noun.
        let one_of = w == "one" && (toks[i].core == "of" || !toks[i].capitalized());
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
            // "his most recent rally", "the many critics": a quantifier
            // after a determiner is its modifier.
            let quantifier = matches!(w, "most" | "many" | "few" | "several" | "other")
                && lexicon::is_determiner(toks[i.saturating_sub(1)].lw)
                && !toks[i.saturating_sub(1)].ends_clause();
            let joins = i > 0
                && (quantifier
                    || lexicon::is_np_preposition(toks[i - 1].lw)
                    || toks[i - 1].lw == "to"
                        && i >= 2
                        && lexicon::is_attached_role(toks[i - 2].lw));
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
        && !lexicon::is_determiner(toks[np.start].lw)
    {
        np.start += 1;
    }
    // "At least half of the riders": the quantifier keeps its "at".
    if np.start > 0
        && matches!(toks[np.start].lw, "least" | "most")
        && toks[np.start - 1].lw == "at"
        && !toks[np.start - 1].ends_clause()
    {
        np.start -= 1;
    }
    let head = toks[np.end - 1].lw;
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
    // "The employee of four years": the head comes before "of"/"for".
    let complement = || {
        (np.start + 1..np.end - 1).any(|k| {
            matches!(toks[k].lw, "of" | "for")
                && (super::persons::is_person_noun(toks[k - 1].lw)
                    || lexicon::is_organisation_word(toks[k - 1].lw))
                && !toks[k - 1].ends_clause()
        })
    };
    if !quantifier
        && (lexicon::is_determiner(head)
            || numeric
            || (!name_head && lexicon::is_not_speaker(head) && !complement()))
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
    let w = first.lw;
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
        let w = t.lw;
        // "the recently released playbook": after a determiner a time
        // word modifies the phrase, it does not end it.
        let modifies =
            i > start && lexicon::is_determiner(toks[i - 1].lw) && !lexicon::is_after_stop(w);
        // "according to the Tax Policy Center - half a point of …": a
        // dash closes the phrase.
        let dash = t.is_dash();
        // "said lobbyist and GOP strategist Charlie Black": two roles
        // joined by "and" before the name.
        let joined_roles = w == "and"
            && i > start
            && !toks[i - 1].capitalized()
            && !toks[i - 1].ends_clause()
            && super::persons::is_person_noun(toks[i - 1].lw)
            && (i + 2..toks.len().min(i + 5)).any(|k| {
                toks[k].capitalized()
                    && !toks[k].quoted
                    && !toks[k - 1].capitalized()
                    && super::persons::is_person_noun(toks[k - 1].lw)
                    && (i + 1..k).all(|m| !toks[m].ends_clause() && !toks[m].quoted)
            });
        if i != start
            && !joined_roles
            && (lexicon::is_after_stop(w) || lexicon::is_time_word(w) && !modifies || dash)
        {
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
    // "according to a poll released Sunday": the phrase stopped at the
    // day, and the participle it leaves says when, not who. After any
    // other noun it may be a clause's own verb ("figures her campaign
    // released"), which keeps it.
    if np.len() >= 2 && is_publication_of(toks[np.end - 2].lw, toks[np.end - 1].lw) {
        np.end -= 1;
    }
    // After its cue a capitalised head is a name ("according to the
    // Times"), not the common noun.
    let head = &toks[np.end - 1];
    if lexicon::is_not_speaker(head.lw) && !head.capitalized() {
        return None;
    }
    Some(np)
}
