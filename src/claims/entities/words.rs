//! Word lists for entity spans: titles, particles, organisation nouns,
//! dates and the ordinary words that open sentences. Lookups take a
//! lower-cased word.

/// Lower-cases an ASCII word (curly apostrophe folded) into `buf`; "" for
/// anything longer or not ASCII.
pub(super) fn lower<'b>(w: &'b str, buf: &'b mut [u8; 24]) -> &'b str {
    // Most words are already lower-case ASCII: no copy.
    if w.len() <= buf.len() && w.bytes().all(|c| c.is_ascii_lowercase() || c == b'\'') {
        return w;
    }
    let mut n = 0;
    for c in w.chars() {
        let c = if c == '\u{2019}' { '\'' } else { c };
        if !c.is_ascii() || n == buf.len() {
            return "";
        }
        buf[n] = (c as u8).to_ascii_lowercase();
        n += 1;
    }
    std::str::from_utf8(&buf[..n]).unwrap_or("")
}

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

/// The classes of a lower-cased word, computed once per token. Only a
/// capitalised word needs more than the particle check.
pub(super) fn classify(w: &str, cap: bool) -> u16 {
    let mut f = 0;
    let set = |f: &mut u16, cond: bool, bit: u16| {
        if cond {
            *f |= bit;
        }
    };
    set(&mut f, particle(w), PARTICLE);
    set(&mut f, matches!(w, "of" | "the"), OF_THE);
    if !cap {
        return f;
    }
    let bare = w.strip_suffix('.').unwrap_or(w);
    set(&mut f, bare == "may", MAY);
    set(
        &mut f,
        month(bare) || weekday(bare) || matches!(w, "am" | "pm" | "a.m." | "p.m."),
        DATE,
    );
    set(&mut f, stop_word(w), STOP);
    set(&mut f, pronoun(w), PRONOUN);
    set(&mut f, title_head(w), HEAD);
    set(&mut f, title_modifier(w), MODIFIER);
    set(&mut f, department(w), DEPT);
    set(&mut f, organisation(w), ORG);
    set(&mut f, demonym_like(w), DEMONYM);
    f
}

/// Abbreviations whose point belongs to the word (case as written).
pub(super) fn abbreviation(w: &str) -> bool {
    in_sorted(ABBREVIATION_WORDS, w)
}

/// Lower-case words that may join capitalised ones inside a name.
pub(super) fn particle(w: &str) -> bool {
    in_sorted(PARTICLE_WORDS, w)
}

pub(super) fn month(w: &str) -> bool {
    in_sorted(MONTH_WORDS, w)
}

pub(super) fn weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

pub(super) fn pronoun(w: &str) -> bool {
    matches!(
        w,
        "i" | "i'm" | "i've" | "i'd" | "i'll" | "we" | "you" | "he" | "she" | "they" | "it"
    )
}

/// Ordinary words that are capitalised only because they open a sentence
/// or clause.
pub(super) fn stop_word(w: &str) -> bool {
    pronoun(w) || in_sorted(STOP_WORD_WORDS, w)
}

/// Words that head a title before a name ("President", "Minister").
pub(super) fn title_head(w: &str) -> bool {
    in_sorted(TITLE_HEAD_WORDS, w)
}

/// Words that qualify a title ("Deputy", "Foreign", "Prime").
pub(super) fn title_modifier(w: &str) -> bool {
    department(w) || in_sorted(TITLE_MODIFIER_WORDS, w)
}

/// Ministries a title names ("Minister of Foreign Affairs").
pub(super) fn department(w: &str) -> bool {
    in_sorted(DEPARTMENT_WORDS, w)
}

/// Nouns that make a span an organisation ("Justice Department").
pub(super) fn organisation(w: &str) -> bool {
    in_sorted(ORGANISATION_WORDS, w)
}

/// A lone adjective of nationality ("Russian", "Chinese", "British"),
/// dropped before a title.
pub(super) fn demonym_like(w: &str) -> bool {
    ["an", "ese", "ish", "ch", "i", "ek", "ss"]
        .iter()
        .any(|end| w.ends_with(end))
}

/// Membership in a sorted word list (binary search; the lists are checked
/// to be sorted by a unit test).
pub(super) fn in_sorted(list: &[&str], w: &str) -> bool {
    list.binary_search(&w).is_ok()
}

/// Sorted: see [`abbreviation`].
#[rustfmt::skip]
const ABBREVIATION_WORDS: &[&str] = &[
    "Adm", "Apr", "Aug", "Capt", "Co", "Col", "Corp", "Dec", "Dr", "Feb", "Ft", "Gen", "Gov",
    "Hon", "Inc", "Jan", "Jr", "Jul", "Jun", "Lt", "Ltd", "Maj", "Mar", "Mr", "Mrs", "Ms", "Mt",
    "No", "Nov", "Oct", "Pres", "Prof", "Rep", "Rev", "Sen", "Sep", "Sept", "Sgt", "Sr", "St",
];

/// Sorted: see [`particle`].
#[rustfmt::skip]
const PARTICLE_WORDS: &[&str] = &[
    "al", "bin", "da", "de", "del", "den", "der", "di", "dos", "du", "el", "for", "ibn", "la",
    "le", "of", "on", "the", "van", "von",
];

/// Sorted: see [`month`].
#[rustfmt::skip]
const MONTH_WORDS: &[&str] = &[
    "apr", "april", "aug", "august", "dec", "december", "feb", "february", "jan", "january", "jul",
    "july", "jun", "june", "mar", "march", "may", "nov", "november", "oct", "october", "sep",
    "sept", "september",
];

/// Sorted: see [`stop_word`].
#[rustfmt::skip]
const STOP_WORD_WORDS: &[&str] = &[
    "a", "about", "above", "according", "after", "again", "against", "all", "almost", "already",
    "also", "although", "amid", "among", "an", "analysts", "and", "another", "any", "anyone",
    "anything", "are", "around", "as", "asked", "at", "authorities", "be", "because", "been",
    "before", "being", "below", "between", "both", "but", "by", "can", "certainly", "clearly",
    "could", "critics", "currently", "despite", "did", "do", "does", "don't", "during", "each",
    "earlier", "eight", "either", "elsewhere", "even", "eventually", "every", "everyone",
    "everything", "experts", "few", "finally", "first", "five", "following", "for", "forces",
    "former", "four", "from", "further", "furthermore", "given", "had", "has", "have", "her",
    "here", "here's", "his", "how", "however", "if", "in", "indeed", "initially", "instead",
    "into", "is", "it's", "its", "just", "last", "later", "less", "let", "let's", "like", "little",
    "local", "many", "may", "maybe", "meanwhile", "might", "more", "moreover", "most", "mr", "mrs",
    "ms", "much", "must", "my", "nearly", "neither", "nevertheless", "new", "next", "nine", "no",
    "nobody", "none", "nonetheless", "nor", "not", "nothing", "now", "observers", "obviously",
    "of", "officials", "often", "on", "once", "one", "only", "or", "other", "our", "over",
    "overall", "people", "per", "perhaps", "please", "police", "previously", "recently", "reports",
    "residents", "second", "senior", "separately", "seven", "several", "should", "since", "six",
    "so", "soldiers", "some", "someone", "something", "sometimes", "sources", "speaking", "still",
    "such", "ten", "thanks", "that", "that's", "the", "their", "then", "there", "there's",
    "therefore", "these", "third", "this", "those", "though", "three", "through", "thus", "to",
    "today", "tomorrow", "tonight", "top", "troops", "two", "under", "unless", "unlike", "until",
    "upon", "via", "was", "we're", "were", "what", "when", "where", "whereas", "whether", "which",
    "while", "who", "why", "will", "with", "within", "without", "witnesses", "would", "yes",
    "yesterday", "yet", "your",
];

/// Sorted: see [`title_head`].
#[rustfmt::skip]
const TITLE_HEAD_WORDS: &[&str] = &[
    "adm.", "admiral", "adviser", "advisor", "aide", "ambassador", "archbishop", "attorney",
    "bishop", "capt.", "captain", "cardinal", "ceo", "chair", "chairman", "chairperson",
    "chairwoman", "chancellor", "chancellor-elect", "chief", "coach", "col.", "colonel",
    "commander", "commissioner", "congressman", "congresswoman", "dame", "deputy", "director",
    "dr", "dr.", "emir", "envoy", "gen.", "general", "gov.", "governor", "imam", "inspector",
    "judge", "justice", "king", "lady", "lawmaker", "leader", "legislator", "lieutenant", "lord",
    "lt.", "maj.", "mayor", "minister", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "officer",
    "patriarch", "pope", "premier", "president", "president-elect", "prince", "princess", "prof.",
    "professor", "prosecutor", "queen", "rabbi", "rep.", "representative", "rev.", "reverend",
    "secretary", "secretary-general", "sen.", "senator", "sergeant", "sgt.", "sheikh", "sir",
    "speaker", "spokesman", "spokesperson", "spokeswoman", "sultan",
];

/// Sorted: see [`title_modifier`].
#[rustfmt::skip]
const TITLE_MODIFIER_WORDS: &[&str] = &[
    "acting", "assistant", "associate", "attorney", "chief", "crown", "deputy", "executive",
    "federal", "field", "first", "former", "general", "grand", "late", "lieutenant", "major",
    "majority", "minority", "national", "presidential", "press", "prime", "rear", "secretary",
    "senior", "special", "supreme", "then", "top", "vice",
];

/// Sorted: see [`department`].
#[rustfmt::skip]
const DEPARTMENT_WORDS: &[&str] = &[
    "affairs", "agriculture", "commerce", "culture", "defence", "defense", "economic", "economy",
    "education", "energy", "finance", "foreign", "general", "health", "home", "homeland",
    "interior", "justice", "labor", "labour", "security", "state", "trade", "transport",
    "treasury",
];

/// Sorted: see [`organisation`].
#[rustfmt::skip]
const ORGANISATION_WORDS: &[&str] = &[
    "administration", "agency", "army", "assembly", "association", "bank", "board", "bureau",
    "center", "centre", "club", "command", "commission", "committee", "congress", "council",
    "court", "department", "force", "forces", "fund", "government", "guard", "house", "institute",
    "ministry", "navy", "office", "parliament", "party", "senate", "service", "staff", "union",
    "university",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [
            ABBREVIATION_WORDS,
            PARTICLE_WORDS,
            MONTH_WORDS,
            STOP_WORD_WORDS,
            TITLE_HEAD_WORDS,
            TITLE_MODIFIER_WORDS,
            DEPARTMENT_WORDS,
            ORGANISATION_WORDS,
        ] {
            assert!(list.windows(2).all(|p| p[0] < p[1]), "{:?}", list);
        }
    }
}
