//! Word lists for entity spans: titles, particles, organisation nouns,
//! dates and the ordinary words that open sentences, merged into one
//! look-up table ([`classify`]). Lookups take a lower-cased word.

use std::sync::LazyLock;

use super::super::lexicon::{Filter, Table};

pub(super) const PARTICLE: u16 = 1;
pub(super) const DATE: u16 = 1 << 1;
pub(super) const MAY: u16 = 1 << 2;
pub(super) const STOP: u16 = 1 << 3;
pub(super) const PRONOUN: u16 = 1 << 4;
pub(super) const HEAD: u16 = 1 << 5;
pub(super) const MODIFIER: u16 = 1 << 6;
pub(super) const DEPT: u16 = 1 << 7;
pub(super) const ORG: u16 = 1 << 8;
pub(super) const DEMONYM: u16 = 1 << 9;
pub(super) const OF_THE: u16 = 1 << 10;
/// Table bit of [`CLOCK`] (not a token flag: it makes [`DATE`]).
const CLOCK_BIT: u32 = 1 << 11;

/// The lists in table-bit order: list `k` is bit `k`, equal to the flag of
/// the same bit where there is one ([`MAY`] and [`DEMONYM`] are computed).
const LISTS: &[&[&str]] = &[
    PARTICLES,
    DATE_NAMES,
    &[],
    STOP_WORDS,
    PRONOUNS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    DEPARTMENTS,
    ORGANISATIONS,
    &[],
    &["of", "the"],
    CLOCK,
];

static TABLE: LazyLock<Table> = LazyLock::new(|| Table::build(LISTS));

/// Rejects most words in no list before the table is probed.
static FILTER: Filter = Filter::of(LISTS);

/// The words a lower-case token is looked up for.
static PARTICLE_FILTER: Filter = Filter::of(&[PARTICLES, &["of", "the"]]);

/// The table bits of a word (0 for none).
fn bits(w: &str) -> u32 {
    if !FILTER.may_hold(w) {
        return 0;
    }
    TABLE.get(w)
}

/// The classes of a lower-cased word, computed once per token with one
/// table probe (two for a word ending in a point). Only a capitalised word
/// needs more than the particle check.
pub(super) fn classify(w: &str, cap: bool) -> u16 {
    // A lower-case word can only be a particle, "of" or "the": most short
    // words ("and", "was") leave at the particle filter.
    if !cap && !PARTICLE_FILTER.may_hold(w) {
        return 0;
    }
    let t = bits(w);
    let pick = |mask: u16| (t as u16) & mask;
    let mut f = pick(PARTICLE | OF_THE);
    if !cap {
        return f;
    }
    let bare = w.strip_suffix('.').unwrap_or(w);
    let bare_bits = if bare.len() == w.len() { t } else { bits(bare) };
    if bare == "may" {
        f |= MAY;
    }
    if bare_bits & u32::from(DATE) != 0 || t & CLOCK_BIT != 0 {
        f |= DATE;
    }
    // Pronouns are stop words; departments qualify titles.
    if t & u32::from(STOP | PRONOUN) != 0 {
        f |= STOP;
    }
    if t & u32::from(DEPT) != 0 {
        f |= MODIFIER;
    }
    f |= pick(PRONOUN | HEAD | MODIFIER | DEPT | ORG);
    if demonym_like(w) {
        f |= DEMONYM;
    }
    f
}

/// Abbreviations whose point belongs to the word (case as written).
#[rustfmt::skip]
pub(super) fn abbreviation(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs" | "Ms" | "Dr" | "Sen" | "Rep" | "Gen" | "Lt" | "Col" | "Gov" | "Prof" | "Capt"
        | "Sgt" | "Adm" | "Maj" | "Rev" | "Hon" | "Pres" | "St" | "Mt" | "Ft" | "Jr" | "Sr" | "Inc"
        | "Corp" | "Co" | "Ltd" | "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep"
        | "Sept" | "Oct" | "Nov" | "Dec" | "No"
    )
}

/// Lower-case words that may join capitalised ones inside a name.
pub(super) fn particle(w: &str) -> bool {
    bits(w) & u32::from(PARTICLE) != 0
}

/// Lower-case words that may join capitalised ones inside a name.
#[rustfmt::skip]
const PARTICLES: &[&str] = &[
    "of", "de", "del", "der", "den", "van", "von", "la", "le", "du", "da", "di", "dos", "bin",
    "ibn", "al", "el", "for", "the", "on",
];

/// Months (with abbreviations) and weekdays.
#[rustfmt::skip]
const DATE_NAMES: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday",
];

/// Times of day that end a name span.
const CLOCK: &[&str] = &["am", "pm", "a.m.", "p.m."];

#[rustfmt::skip]
const PRONOUNS: &[&str] = &[
    "i", "i'm", "i've", "i'd", "i'll", "we", "you", "he", "she", "they", "it",
];

/// Ordinary words that are capitalised only because they open a sentence
/// or clause (with [`PRONOUNS`]).
#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "there", "then", "its", "his", "her",
    "their", "our", "my", "your", "in", "on", "at", "by", "for", "from", "with", "without", "to",
    "of", "as", "after", "before", "during", "since", "until", "while", "when", "where", "what",
    "which", "who", "why", "how", "if", "although", "though", "but", "and", "or", "so", "yet",
    "however", "meanwhile", "moreover", "also", "still", "last", "next", "earlier", "later", "now",
    "today", "yesterday", "tomorrow", "tonight", "some", "many", "most", "more", "several", "few",
    "all", "both", "each", "every", "other", "another", "such", "no", "not", "nor", "one", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "much", "little", "any",
    "according", "despite", "under", "over", "among", "amid", "against", "between", "because",
    "once", "even", "just", "only", "here", "officials", "authorities", "police", "experts",
    "analysts", "critics", "residents", "witnesses", "sources", "observers", "troops", "forces",
    "soldiers", "people", "reports", "speaking", "instead", "indeed", "further", "furthermore",
    "nevertheless", "nonetheless", "thus", "therefore", "overall", "separately", "elsewhere",
    "initially", "finally", "eventually", "recently", "currently", "previously", "about", "around",
    "nearly", "almost", "less", "whether", "unlike", "like", "given", "following", "asked", "yes",
    "let", "do", "does", "did", "is", "are", "was", "were", "will", "would", "can", "could", "may",
    "might", "must", "should", "has", "have", "had", "be", "being", "been", "again", "above",
    "below", "first", "second", "third", "thanks", "please", "new", "former", "top", "senior",
    "local", "through", "into", "within", "upon", "via", "per", "unless", "whereas", "sometimes",
    "often", "already", "perhaps", "maybe", "certainly", "clearly", "obviously", "neither",
    "either", "none", "nothing", "everyone", "someone", "anyone", "nobody", "everything",
    "something", "anything", "we're", "it's", "that's", "there's", "here's", "let's", "don't", "mr",
    "mrs", "ms", "half", "dozen", "dozens", "hundreds", "thousands", "millions", "billions",
    "scores", "twenty", "eleven", "twelve",
];

/// Words that head a title before a name ("President", "Minister").
#[rustfmt::skip]
const TITLE_HEADS: &[&str] = &[
    "president", "president-elect", "minister", "secretary", "secretary-general", "senator", "sen.",
    "representative", "rep.", "congressman", "congresswoman", "governor", "gov.", "mayor",
    "general", "gen.", "chancellor", "king", "queen", "prince", "princess", "pope", "ambassador",
    "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chairperson", "chair",
    "director", "commander", "admiral", "adm.", "colonel", "col.", "lieutenant", "lt.", "sergeant",
    "sgt.", "captain", "capt.", "maj.", "judge", "justice", "envoy", "premier", "leader", "speaker",
    "ceo", "chief", "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr", "prof.", "professor",
    "sir", "dame", "lord", "lady", "sheikh", "emir", "sultan", "archbishop", "bishop", "cardinal",
    "patriarch", "rabbi", "imam", "rev.", "reverend", "deputy", "commissioner", "prosecutor",
    "inspector", "officer", "coach", "lawmaker", "legislator", "chancellor-elect", "aide",
    "adviser", "advisor", "attorney",
];

/// Words that qualify a title ("Deputy", "Prime"), with [`DEPARTMENTS`].
#[rustfmt::skip]
const TITLE_MODIFIERS: &[&str] = &[
    "deputy", "vice", "prime", "former", "acting", "special", "senior", "chief", "assistant",
    "associate", "executive", "first", "supreme", "crown", "majority", "minority", "federal",
    "national", "presidential", "press", "top", "late", "then", "grand", "lieutenant", "major",
    "rear", "field", "secretary", "general", "attorney",
];

/// Ministries a title names ("Minister of Foreign Affairs").
#[rustfmt::skip]
const DEPARTMENTS: &[&str] = &[
    "foreign", "defense", "defence", "interior", "finance", "state", "affairs", "treasury",
    "homeland", "security", "justice", "health", "economy", "economic", "trade", "energy",
    "education", "culture", "agriculture", "transport", "labor", "labour", "commerce", "home",
    "general",
];

/// Nouns that make a span an organisation ("Justice Department").
#[rustfmt::skip]
const ORGANISATIONS: &[&str] = &[
    "department", "ministry", "court", "committee", "council", "office", "agency", "service",
    "party", "house", "senate", "congress", "parliament", "assembly", "administration",
    "commission", "bank", "fund", "university", "institute", "center", "centre", "board", "bureau",
    "army", "navy", "force", "forces", "guard", "command", "government", "union", "association",
    "club", "staff",
];

/// A lone adjective of nationality ("Russian", "Chinese", "British"),
/// dropped before a title.
pub(super) fn demonym_like(w: &str) -> bool {
    ["an", "ese", "ish", "ch", "i", "ek", "ss"]
        .iter()
        .any(|end| w.ends_with(end))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`classify`] as plain list membership, the way it was first written.
    fn classify_by_lists(w: &str, cap: bool) -> u16 {
        let has = |l: &[&str], w: &str| l.contains(&w);
        let mut f = 0;
        let mut set = |cond: bool, bit: u16| {
            if cond {
                f |= bit;
            }
        };
        set(has(PARTICLES, w), PARTICLE);
        set(matches!(w, "of" | "the"), OF_THE);
        if cap {
            let bare = w.strip_suffix('.').unwrap_or(w);
            set(bare == "may", MAY);
            set(has(DATE_NAMES, bare) || has(CLOCK, w), DATE);
            set(has(STOP_WORDS, w) || has(PRONOUNS, w), STOP);
            set(has(PRONOUNS, w), PRONOUN);
            set(has(TITLE_HEADS, w), HEAD);
            set(has(TITLE_MODIFIERS, w) || has(DEPARTMENTS, w), MODIFIER);
            set(has(DEPARTMENTS, w), DEPT);
            set(has(ORGANISATIONS, w), ORG);
            set(demonym_like(w), DEMONYM);
        }
        f
    }

    #[test]
    fn table_agrees_with_the_lists() {
        let extra = [
            "",
            "may",
            "may.",
            "jan.",
            "sept.",
            "monday.",
            "a.m.",
            "p.m",
            "harbour",
            "russian",
            "mr.",
            "sen.",
            "x",
            "of.",
            "a-very-long-word-beyond-the-table",
        ];
        for w in LISTS.iter().flat_map(|l| l.iter().copied()).chain(extra) {
            for cap in [false, true] {
                assert_eq!(classify(w, cap), classify_by_lists(w, cap), "{w} {cap}");
            }
            assert_eq!(particle(w), PARTICLES.contains(&w), "{w}");
        }
        assert_eq!(
            classify("may", true) & (MAY | STOP | DATE),
            MAY | STOP | DATE
        );
        assert_eq!(
            classify("foreign", true) & (MODIFIER | DEPT),
            MODIFIER | DEPT
        );
    }
}
