//! Attribution of one sentence: finds a reporting cue outside its
//! quotations ("said", "told", "argued", "according to") and the noun
//! phrase of who is speaking, as the article names them.
//!
//! Main entry: [`find`] → [`Attribution`]. Resolving pronouns and "the
//! source" to earlier speakers is [`super::resolve`]'s job.

use std::ops::Range;

use super::lexicon::{self, CueClass};

/// The reporting cue of a sentence and its speaker phrase as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The speaker noun phrase ("Deputy Foreign Minister Sergei Ryabkov",
    /// "he", "the source").
    pub speaker: String,
    /// Byte offset of the cue word in the sentence.
    pub cue_at: usize,
}

/// One whitespace-separated word of a sentence.
struct Tok<'a> {
    raw: &'a str,
    start: usize,
    /// The word without surrounding punctuation.
    core: &'a str,
    /// Overlaps a quotation, so it is someone's words, not the narration.
    quoted: bool,
}

impl Tok<'_> {
    fn end(&self) -> usize {
        self.start + self.raw.len()
    }

    /// True when the word ends a clause: a trailing comma, semicolon,
    /// colon, dash or sentence-final full stop (titles and initials excepted).
    fn ends_clause(&self) -> bool {
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

    fn starts_clause(&self) -> bool {
        self.raw.starts_with(['(', '"', '\u{201C}', '['])
    }

    fn capitalized(&self) -> bool {
        self.core.chars().next().is_some_and(char::is_uppercase)
    }
}

fn is_abbreviation(stem: &str) -> bool {
    // "U.S", "J" (an initial), "Mr", "Sen".
    let mut chars = stem.chars();
    let single = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    stem.contains('.') || single || super::sentences::is_title(stem)
}

fn tokenize<'a>(text: &'a str, quotes: &[Range<usize>]) -> Vec<Tok<'a>> {
    let base = text.as_ptr() as usize;
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    toks.extend(text.split_whitespace().map(|raw| {
        let start = raw.as_ptr() as usize - base;
        let end = start + raw.len();
        let core = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let quoted = quotes.iter().any(|q| q.start < end && start < q.end);
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
fn lower<'b>(word: &str, buf: &'b mut [u8; 24]) -> &'b str {
    if word.len() > buf.len() || !word.is_ascii() {
        return "";
    }
    for (slot, b) in buf.iter_mut().zip(word.bytes()) {
        *slot = b.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..word.len()]).unwrap_or("")
}

/// Finds the attribution of a sentence, if it has one. `quotes` are the
/// byte ranges of its quotations (cues inside them are not the narrator's).
///
/// When several cues qualify, a tail attribution (", the source said.")
/// wins, then the strongest speech cue, then the first.
pub fn find(text: &str, quotes: &[Range<usize>]) -> Option<Attribution> {
    let toks = tokenize(text, quotes);
    let mut buf = [0u8; 24];
    // (rank, cue index, speaker tokens); lower rank wins.
    let mut best: Option<(u8, usize, Range<usize>)> = None;
    for v in 0..toks.len() {
        let t = &toks[v];
        if t.quoted || t.core.is_empty() {
            continue;
        }
        // Reporting verbs are lower-case in running text ("the United
        // States" is not a cue).
        if t.core.starts_with(|c: char| c.is_uppercase()) && v != 0 {
            continue;
        }
        let w = lower(t.core, &mut buf);
        if !lexicon::may_cue(w) {
            continue;
        }
        let found = if lexicon::is_participle_cue(w) {
            // ", saying …": the speaker is the subject of the main clause.
            let after_comma = v > 0 && toks[v - 1].raw.ends_with(',');
            let progressive = v > 0 && is_be_form(toks[v - 1].core);
            if after_comma {
                sentence_subject(&toks, v).map(|np| (2u8, np))
            } else if progressive {
                // "Lee is arguing that …" / "He's claiming …".
                if toks[v - 1].core.contains(['\'', '\u{2019}']) {
                    Some((1u8, v - 1..v))
                } else {
                    subject_before(&toks, v - 1).map(|np| (1u8, np))
                }
            } else {
                None
            }
        } else if w == "according" {
            toks.get(v + 1)
                .filter(|next| next.core.eq_ignore_ascii_case("to") && !next.quoted)
                .and_then(|_| phrase_after(&toks, v + 2, false))
                .map(|np| (1u8, np))
        } else {
            let Some(class) = lexicon::cue(w) else {
                continue;
            };
            if !verb_context(&toks, v, w, class) {
                continue;
            }
            // A weaker cue still wins when "that" shows it governs the rest
            // ("He notes that the board announced …").
            let strong = lexicon::is_strong_cue(w)
                || toks
                    .get(v + 1)
                    .is_some_and(|n| n.core.eq_ignore_ascii_case("that"));
            let rank = if strong { 1 } else { 2 };
            let coordinated = v > 0
                && matches!(
                    lower(toks[v - 1].core, &mut [0u8; 24]),
                    "and" | "but" | "then"
                );
            if coordinated {
                // "Lee outlined a plan and vowed …": the shared subject.
                sentence_subject(&toks, v - 1).map(|np| (rank + 1, np))
            } else if let Some(np) = subject_before(&toks, v) {
                Some((rank, np))
            } else if class == CueClass::Inverting && (v == 0 || toks[v - 1].ends_clause()) {
                phrase_after(&toks, v + 1, true).map(|np| (rank, np))
            } else {
                None
            }
        };
        let Some((mut rank, np)) = found else {
            continue;
        };
        if is_tail(&toks, v, &np) {
            rank = 0;
        } else if subordinate(&toks, np.start) {
            // "when he wrote his book, Smith said …": the main clause wins.
            rank += 2;
        }
        if best.as_ref().is_none_or(|b| rank < b.0) {
            best = Some((rank, v, np));
        }
    }
    best.map(|(_, v, np)| Attribution {
        speaker: slice(text, &toks, pronoun_antecedent(&toks, np)),
        cue_at: toks[v].start,
    })
}

/// "is", "was", "'s" and the other forms of "be" before a participle.
fn is_be_form(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    let w = w.replace('\u{2019}', "'");
    matches!(w.as_str(), "is" | "are" | "was" | "were" | "been" | "be")
        || ["he's", "she's", "it's", "they're", "we're", "i'm", "who's"].contains(&w.as_str())
}

/// True when the phrase at `start` opens a subordinate clause ("when he
/// wrote", "if they say").
fn subordinate(toks: &[Tok], start: usize) -> bool {
    let mut buf = [0u8; 24];
    start > 0 && lexicon::is_subordinator(lower(toks[start - 1].core, &mut buf))
}

/// A pronoun speaker inside a sentence whose main subject is a name agreeing
/// with it ("Mrs. Lee has said she …", "Proponents … although they say")
/// refers to that subject.
fn pronoun_antecedent(toks: &[Tok], np: Range<usize>) -> Range<usize> {
    let mut buf = [0u8; 24];
    if np.len() != 1 || np.start == 0 {
        return np;
    }
    let p = lower(toks[np.start].core, &mut buf);
    let plural = match p {
        "he" | "she" => false,
        "they" => true,
        _ => return np,
    };
    let Some(subject) = sentence_subject(toks, np.start) else {
        return np;
    };
    if subject.end > np.start
        || subject.len() == 1 && lexicon::is_pronoun(&toks[subject.start].core.to_ascii_lowercase())
    {
        return np;
    }
    // A lone sentence-initial word may be an ordinary word ("More", "All").
    let first = &toks[subject.start];
    if subject.len() == 1 && lexicon::classes(&first.core.to_ascii_lowercase()) != 0 {
        return np;
    }
    let head = toks[subject.end - 1].core;
    let head_plural = head.ends_with('s') && !head.ends_with("ss");
    let agrees = if plural {
        head_plural
    } else {
        !head_plural && toks[subject.end - 1].capitalized()
    };
    if agrees { subject } else { np }
}

/// For a sentence with a quotation but no reporting cue ("Lee condemned
/// the plan as \"reckless\""), the subject of its main clause when that
/// subject comes before the quotation.
pub fn quote_subject(text: &str, quotes: &[Range<usize>]) -> Option<String> {
    let toks = tokenize(text, quotes);
    let first_quoted = toks.iter().position(|t| t.quoted)?;
    let np = sentence_subject(&toks, first_quoted)?;
    (np.end < first_quoted).then(|| slice(text, &toks, np))
}

/// The subject at the start of the sentence (after an introductory
/// phrase ending in a comma): a pronoun, or an optional determiner and a
/// run of capitalised words.
fn sentence_subject(toks: &[Tok], before: usize) -> Option<Range<usize>> {
    let mut buf = [0u8; 24];
    let mut i = 0;
    // Skip introductory phrases ("During a speech on Monday,", "Chastened
    // by the polls, as well as …,") to the main clause.
    for _ in 0..3 {
        let t = toks.get(i)?;
        let first = lower(t.core, &mut buf);
        let participle = first.len() > 4 && (first.ends_with("ed") || first.ends_with("ing"));
        if lexicon::is_boundary(first) || lexicon::is_intro_preposition(first) || participle {
            i = (i..before).find(|&k| toks[k].raw.ends_with(','))? + 1;
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
    while i < before && !toks[i].quoted && toks[i].capitalized() {
        i += 1;
        if toks[i - 1].ends_clause() {
            break;
        }
    }
    if i == name_start {
        return None;
    }
    trim_phrase(toks, start..i)
}

/// The speaker of a whole paragraph, when the paragraph names one outside
/// any sentence: a transcript label ("SMITH: …", in capitals) or a
/// signature after a closing quote ("“…” - Ann Lee, teacher").
pub fn block_speaker(text: &str) -> Option<&str> {
    let body = text.trim_start_matches(['"', '\u{201C}', ' ']);
    if let Some((label, rest)) = body.split_once(':')
        && !rest.is_empty()
        && (1..=3).contains(&label.split_whitespace().count())
        && label.chars().any(char::is_alphabetic)
        && label
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-'))
    {
        return Some(label.trim());
    }
    let close = text.rfind(['"', '\u{201D}'])?;
    let mark = text[close..].chars().next().map_or(1, char::len_utf8);
    let tail = text[close + mark..].trim_start();
    let name = tail.strip_prefix(['-', '\u{2014}', '\u{2015}', '\u{2013}'])?;
    let name = name.trim_start_matches(['-', ' ']);
    let name = name
        .split([',', ';', '('])
        .next()?
        .trim()
        .trim_end_matches('.');
    let words = name.split_whitespace().count();
    let capital = name.starts_with(|c: char| c.is_uppercase());
    (capital && (1..=6).contains(&words)).then_some(name)
}

/// True for a clause-final attribution: ", X said." / ", said X." with at
/// most a few words after it.
fn is_tail(toks: &[Tok], v: usize, np: &Range<usize>) -> bool {
    let first = np.start.min(v);
    let last = np.end.max(v + 1);
    let opens = first == 0 || toks[first - 1].ends_clause();
    opens && toks.len() - last <= 4 && first > 0
}

/// Rejects a cue word used as a noun or adjective ("the reported deal",
/// "his claims", "early-morning tweets") or in the passive ("was told").
fn verb_context(toks: &[Tok], v: usize, word: &str, class: CueClass) -> bool {
    let Some(prev) = v.checked_sub(1).map(|p| &toks[p]) else {
        // "Said Ellis: …" opens with an inverted cue.
        return class == CueClass::Inverting;
    };
    // "Lee, an economist, told …" keeps a comma before the cue; other
    // clause punctuation does not.
    if prev.ends_clause() && class != CueClass::Inverting && !prev.raw.ends_with(',') {
        return false;
    }
    let mut buf = [0u8; 24];
    let p = lower(prev.core, &mut buf);
    let noun_before = !prev.ends_clause() && lexicon::is_determiner(p);
    if noun_before || lexicon::is_passive_aux(p) || p == "to" {
        return false;
    }
    // A possessive before the cue makes it a noun ("Trump's claims").
    if prev.raw.ends_with("'s") || prev.raw.ends_with("s'") || prev.raw.ends_with('\u{2019}') {
        return false;
    }
    let base = lexicon::is_base_form(word);
    let noun_like = lexicon::is_noun_homograph(word);
    // "The memo states that …": a complementiser settles it.
    let that_follows = toks
        .get(v + 1)
        .is_some_and(|n| n.core.eq_ignore_ascii_case("that"));
    if !base && (!noun_like || that_follows) {
        return true;
    }
    if lexicon::is_verb_modifier(p) || lexicon::is_pronoun(p) || p == "who" {
        return true;
    }
    if base {
        // "Officials say", "Democrats argue": a plural or a name.
        return prev.capitalized() || (p.ends_with('s') && !p.ends_with("ss"));
    }
    // "-s" forms that are also plural nouns: need a name, or a plain
    // singular noun right after an article ("the study finds").
    if prev.capitalized() {
        return true;
    }
    let article = v >= 2 && {
        let mut b2 = [0u8; 24];
        matches!(
            lower(toks[v - 2].core, &mut b2),
            "the" | "a" | "an" | "this" | "its" | "his" | "her" | "their"
        )
    };
    article
        && !(p.is_empty() || p.contains('-') || p.ends_with('s') || lexicon::is_adjective_like(p))
}

/// The noun phrase that ends right before the cue at `v`, skipping
/// auxiliaries and adverbs ("has also said"), appositives ("Flynn, a top
/// aide, said") and relative pronouns ("Smith, who said").
fn subject_before(toks: &[Tok], v: usize) -> Option<Range<usize>> {
    let mut buf = [0u8; 24];
    let mut j = v;
    while j > 0 {
        let t = &toks[j - 1];
        let w = lower(t.core, &mut buf);
        let adverb = w.len() > 4 && w.ends_with("ly") && !t.capitalized();
        if t.quoted || t.ends_clause() || !(adverb || lexicon::is_verb_modifier(w)) {
            break;
        }
        j -= 1;
    }
    if j == 0 || j != v && toks[j - 1].ends_clause() && !toks[j - 1].raw.ends_with(',') {
        return None;
    }
    // "prosecutors in April charged", "Lee on Tuesday said": step over a
    // time phrase between the subject and the verb.
    while j >= 3
        && !toks[j - 1].ends_clause()
        && {
            let mut b2 = [0u8; 24];
            let when = lower(toks[j - 1].core, &mut b2);
            lexicon::is_date_word(when)
                || when.bytes().all(|b| b.is_ascii_digit()) && !when.is_empty()
        }
        && {
            let mut b3 = [0u8; 24];
            matches!(
                lower(toks[j - 2].core, &mut b3),
                "in" | "on" | "last" | "this" | "during" | "earlier" | "late" | "early"
            )
        }
    {
        j -= 2;
    }
    let last = &toks[j - 1];
    if last.quoted {
        return None;
    }
    if matches!(lower(last.core, &mut buf), "who" | "which") && !last.ends_clause() {
        // "…, who said": the antecedent before the relative pronoun.
        return (j >= 2).then(|| phrase_before(toks, j - 1)).flatten();
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
    if head == "who" || head == "which" || head == "that" {
        // "…, who said": the antecedent before the relative pronoun.
        let k = np.end - 1;
        if k == 0 {
            return None;
        }
        return phrase_before(toks, k);
    }
    Some(np)
}

/// The noun phrase ending (exclusive) at token `end`, scanning back to a
/// clause boundary or a determiner.
fn phrase_before(toks: &[Tok], end: usize) -> Option<Range<usize>> {
    let mut buf = [0u8; 24];
    if end == 0 {
        return None;
    }
    // A pronoun subject stands alone ("which he said", "the one I know").
    if lexicon::is_pronoun(lower(toks[end - 1].core, &mut buf)) && !toks[end - 1].quoted {
        return Some(end - 1..end);
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
        // "Commission on Presidential Debates": a preposition inside a
        // capitalised name does not end the phrase.
        let in_name = i != end
            && i >= 2
            && toks[i].capitalized()
            && toks[i - 2].capitalized()
            && matches!(w, "on" | "of" | "for" | "in" | "and" | "de");
        if i != end && !in_name && (lexicon::is_boundary(w) || participle || lexicon::is_pronoun(w))
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
    let np = trim_phrase(toks, i..end)?;
    let head = lower(toks[np.end - 1].core, &mut buf);
    if head.is_empty() && !toks[np.end - 1].capitalized() && toks[np.end - 1].core.is_empty() {
        return None;
    }
    // A capitalised head may still be a name ("Times"), unless it opens
    // the sentence ("Having said that").
    let name_head = toks[np.end - 1].capitalized() && np.end > 1;
    let numeric = !head.is_empty() && head.bytes().all(|b| b.is_ascii_digit());
    if lexicon::is_determiner(head) || numeric || (!name_head && lexicon::is_not_speaker(head)) {
        return None;
    }
    Some(np)
}

/// The noun phrase starting at token `start` (after "according to" or an
/// inverted "said"), up to a comma or a boundary word.
fn phrase_after(toks: &[Tok], start: usize, inverted: bool) -> Option<Range<usize>> {
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
fn trim_phrase(toks: &[Tok], mut r: Range<usize>) -> Option<Range<usize>> {
    let mut buf = [0u8; 24];
    while r.start < r.end {
        let w = lower(toks[r.start].core, &mut buf);
        let intro = lexicon::is_intro_preposition(w) && r.len() > 1;
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

fn slice(text: &str, toks: &[Tok], r: Range<usize>) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::quotes;

    fn speaker(text: &str) -> Option<String> {
        find(text, &quotes::spans(text, false)).map(|a| a.speaker)
    }

    #[test]
    fn speaker_before_and_after_the_quote() {
        assert_eq!(
            speaker("\"We will not yield,\" said Deputy Trade Minister Olga Brandt.").as_deref(),
            Some("Deputy Trade Minister Olga Brandt")
        );
        assert_eq!(
            speaker("Mayor Lin Park said: \"The bridge opens in May.\"").as_deref(),
            Some("Mayor Lin Park")
        );
        assert_eq!(
            speaker("\"The bridge opens in May,\" Park told reporters on Friday.").as_deref(),
            Some("Park")
        );
    }

    #[test]
    fn appositives_and_relative_clauses() {
        assert_eq!(
            speaker("Dunmore, a longtime council ally, said the vote was rigged.").as_deref(),
            Some("Dunmore")
        );
        assert_eq!(
            speaker("The plan was backed by Ortiz, who has said it will pass.").as_deref(),
            Some("Ortiz")
        );
    }

    #[test]
    fn according_to_and_tail_attribution() {
        assert_eq!(
            speaker("According to a senior port official, the cranes were idle.").as_deref(),
            Some("a senior port official")
        );
        assert_eq!(
            speaker("The cranes were idle for a week, the source added.").as_deref(),
            Some("the source")
        );
    }

    #[test]
    fn paragraph_speakers() {
        assert_eq!(block_speaker("HOLM: We will vote no."), Some("HOLM"));
        assert_eq!(
            block_speaker("\"The vote was a farce.\" - Ida Marsh, nurse"),
            Some("Ida Marsh")
        );
        assert_eq!(block_speaker("Note: the vote was close."), None);
        assert_eq!(block_speaker("The vote was close."), None);
    }

    #[test]
    fn nouns_and_passives_are_not_cues() {
        assert_eq!(speaker("His claims were rejected by the court."), None);
        assert_eq!(speaker("The reported deal collapsed in March."), None);
        assert_eq!(speaker("Residents were told to leave."), None);
        assert_eq!(speaker("The harbor is busy in summer."), None);
    }
}
