//! Word lists for entity spans: titles, particles, organisation nouns,
//! dates and the ordinary words that open sentences. Lookups take a
//! lower-cased word.

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
#[rustfmt::skip]
pub(super) fn particle(w: &str) -> bool {
    matches!(
        w,
        "of" | "de" | "del" | "der" | "den" | "van" | "von" | "la" | "le" | "du" | "da" | "di"
        | "dos" | "bin" | "ibn" | "al" | "el" | "for" | "the" | "on"
    )
}

#[rustfmt::skip]
pub(super) fn month(w: &str) -> bool {
    matches!(
        w,
        "january" | "february" | "march" | "april" | "may" | "june" | "july" | "august"
        | "september" | "october" | "november" | "december" | "jan" | "feb" | "mar" | "apr" | "jun"
        | "jul" | "aug" | "sep" | "sept" | "oct" | "nov" | "dec"
    )
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
#[rustfmt::skip]
pub(super) fn stop_word(w: &str) -> bool {
    pronoun(w)
        || matches!(
            w,
            "the" | "a" | "an" | "this" | "that" | "these" | "those" | "there" | "then" | "its"
            | "his" | "her" | "their" | "our" | "my" | "your" | "in" | "on" | "at" | "by" | "for"
            | "from" | "with" | "without" | "to" | "of" | "as" | "after" | "before" | "during"
            | "since" | "until" | "while" | "when" | "where" | "what" | "which" | "who" | "why"
            | "how" | "if" | "although" | "though" | "but" | "and" | "or" | "so" | "yet"
            | "however" | "meanwhile" | "moreover" | "also" | "still" | "last" | "next" | "earlier"
            | "later" | "now" | "today" | "yesterday" | "tomorrow" | "tonight" | "some" | "many"
            | "most" | "more" | "several" | "few" | "all" | "both" | "each" | "every" | "other"
            | "another" | "such" | "no" | "not" | "nor" | "one" | "two" | "three" | "four" | "five"
            | "six" | "seven" | "eight" | "nine" | "ten" | "much" | "little" | "any" | "according"
            | "despite" | "under" | "over" | "among" | "amid" | "against" | "between" | "because"
            | "once" | "even" | "just" | "only" | "here" | "officials" | "authorities" | "police"
            | "experts" | "analysts" | "critics" | "residents" | "witnesses" | "sources"
            | "observers" | "troops" | "forces" | "soldiers" | "people" | "reports" | "speaking"
            | "instead" | "indeed" | "further" | "furthermore" | "nevertheless" | "nonetheless"
            | "thus" | "therefore" | "overall" | "separately" | "elsewhere" | "initially"
            | "finally" | "eventually" | "recently" | "currently" | "previously" | "about"
            | "around" | "nearly" | "almost" | "less" | "whether" | "unlike" | "like" | "given"
            | "following" | "asked" | "yes" | "let" | "do" | "does" | "did" | "is" | "are" | "was"
            | "were" | "will" | "would" | "can" | "could" | "may" | "might" | "must" | "should"
            | "has" | "have" | "had" | "be" | "being" | "been" | "again" | "above" | "below"
            | "first" | "second" | "third" | "thanks" | "please" | "new" | "former" | "top"
            | "senior" | "local" | "through" | "into" | "within" | "upon" | "via" | "per"
            | "unless" | "whereas" | "sometimes" | "often" | "already" | "perhaps" | "maybe"
            | "certainly" | "clearly" | "obviously" | "neither" | "either" | "none" | "nothing"
            | "everyone" | "someone" | "anyone" | "nobody" | "everything" | "something"
            | "anything" | "we're" | "it's" | "that's" | "there's" | "here's" | "let's" | "don't"
            | "mr" | "mrs" | "ms"
        )
}

/// Words that head a title before a name ("President", "Minister").
#[rustfmt::skip]
pub(super) fn title_head(w: &str) -> bool {
    matches!(
        w,
        "president" | "president-elect" | "minister" | "secretary" | "secretary-general"
        | "senator" | "sen." | "representative" | "rep." | "congressman" | "congresswoman"
        | "governor" | "gov." | "mayor" | "general" | "gen." | "chancellor" | "king" | "queen"
        | "prince" | "princess" | "pope" | "ambassador" | "spokesman" | "spokeswoman"
        | "spokesperson" | "chairman" | "chairwoman" | "chairperson" | "chair" | "director"
        | "commander" | "admiral" | "adm." | "colonel" | "col." | "lieutenant" | "lt." | "sergeant"
        | "sgt." | "captain" | "capt." | "maj." | "judge" | "justice" | "envoy" | "premier"
        | "leader" | "speaker" | "ceo" | "chief" | "mr." | "mrs." | "ms." | "dr." | "mr" | "mrs"
        | "ms" | "dr" | "prof." | "professor" | "sir" | "dame" | "lord" | "lady" | "sheikh"
        | "emir" | "sultan" | "archbishop" | "bishop" | "cardinal" | "patriarch" | "rabbi" | "imam"
        | "rev." | "reverend" | "deputy" | "commissioner" | "prosecutor" | "inspector" | "officer"
        | "coach" | "lawmaker" | "legislator" | "chancellor-elect" | "aide" | "adviser" | "advisor"
        | "attorney"
    )
}

/// Words that qualify a title ("Deputy", "Foreign", "Prime").
#[rustfmt::skip]
pub(super) fn title_modifier(w: &str) -> bool {
    department(w)
        || matches!(
            w,
            "deputy" | "vice" | "prime" | "former" | "acting" | "special" | "senior" | "chief"
            | "assistant" | "associate" | "executive" | "first" | "supreme" | "crown" | "majority"
            | "minority" | "federal" | "national" | "presidential" | "press" | "top" | "late"
            | "then" | "grand" | "lieutenant" | "major" | "rear" | "field" | "secretary"
            | "general" | "attorney"
        )
}

/// Ministries a title names ("Minister of Foreign Affairs").
#[rustfmt::skip]
pub(super) fn department(w: &str) -> bool {
    matches!(
        w,
        "foreign" | "defense" | "defence" | "interior" | "finance" | "state" | "affairs"
        | "treasury" | "homeland" | "security" | "justice" | "health" | "economy" | "economic"
        | "trade" | "energy" | "education" | "culture" | "agriculture" | "transport" | "labor"
        | "labour" | "commerce" | "home" | "general"
    )
}

/// Nouns that make a span an organisation ("Justice Department").
#[rustfmt::skip]
pub(super) fn organisation(w: &str) -> bool {
    matches!(
        w,
        "department" | "ministry" | "court" | "committee" | "council" | "office" | "agency"
        | "service" | "party" | "house" | "senate" | "congress" | "parliament" | "assembly"
        | "administration" | "commission" | "bank" | "fund" | "university" | "institute" | "center"
        | "centre" | "board" | "bureau" | "army" | "navy" | "force" | "forces" | "guard"
        | "command" | "government" | "union" | "association" | "club" | "staff"
    )
}

/// A lone adjective of nationality ("Russian", "Chinese", "British"),
/// dropped before a title.
pub(super) fn demonym_like(w: &str) -> bool {
    ["an", "ese", "ish", "ch", "i", "ek", "ss"]
        .iter()
        .any(|end| w.ends_with(end))
}
