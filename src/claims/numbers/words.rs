//! Word tables for number extraction: number words, ordinals, scales,
//! units, currencies, months, qualifiers and function words. All lookups take
//! an ASCII-lower-cased word and are `match`es, so they allocate nothing.

use super::super::lexicon::{Filter, key};

/// The speaker scans' lower-casing: "" for a word that is not ASCII or
/// is longer than the buffer (it is in none of the tables).
pub(super) use super::super::phrases::lower;

/// Every word that can open a spelled-out number ("a dozen", "two",
/// "third", "twice", "half of"); the source of [`START_MASK`].
pub(super) const START_WORDS: &[&str] = &[
    "a",
    "an",
    "twice",
    "thrice",
    "half",
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
    "hundredth",
];

/// For each first letter, a bit per word length present in [`START_WORDS`].
const START_MASK: [u16; 26] = {
    let mut m = [0u16; 26];
    let mut k = 0;
    while k < START_WORDS.len() {
        let w = START_WORDS[k].as_bytes();
        m[(w[0] - b'a') as usize] |= 1 << w.len();
        k += 1;
    }
    m
};

static START_FILTER: Filter = Filter::of(&[START_WORDS]);

/// A stricter pre-check than [`may_start_number`], on the word's
/// lower-cased first and last bytes and its length: false means it is no
/// word of [`START_WORDS`] in any case. Few other words pass ("the" does
/// not, as it does the first-letter check).
pub(super) fn may_open_number(w: &str) -> bool {
    let b = w.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return false;
    };
    START_FILTER.may_hold_key(key(
        first.to_ascii_lowercase(),
        last.to_ascii_lowercase(),
        b.len(),
    ))
}

/// Cheap pre-check on a word as written: false means it starts no number.
pub(super) fn may_start_number(w: &str) -> bool {
    let b = w.as_bytes();
    match b.first().map(u8::to_ascii_lowercase) {
        Some(c) if c.is_ascii_lowercase() && b.len() < 16 => {
            START_MASK[(c - b'a') as usize] & (1 << b.len()) != 0
        }
        _ => false,
    }
}

/// A lower-cased word of [`START_WORDS`] other than "a" and "an".
pub(super) fn start_word(w: &str) -> bool {
    matches!(w, "twice" | "thrice" | "half")
        || small_number(w).is_some()
        || tens(w).is_some()
        || ordinal(w).is_some()
}

/// The words after "a"/"an" that make a spelled-out number ("a dozen",
/// "a quarter of"), in any case.
pub(super) fn article_scale(w: &str) -> bool {
    [
        "dozen", "hundred", "thousand", "million", "billion", "trillion", "quarter",
    ]
    .iter()
    .any(|s| s.len() == w.len() && s.eq_ignore_ascii_case(w))
}

/// Cardinal words below one hundred.
pub(super) fn small_number(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        _ => return None,
    })
}

/// Tens words.
pub(super) fn tens(w: &str) -> Option<f64> {
    Some(match w {
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// Scale words and abbreviations after a number ("1.2 million", "$3bn"),
/// as a power of ten. `money` admits the one-letter forms ("$5m", "£2b")
/// that otherwise mean metres or are ambiguous.
pub(super) fn scale(w: &str, money: bool) -> Option<i32> {
    Some(match w {
        "thousand" => 3,
        "million" | "mln" | "mn" => 6,
        "billion" | "bln" | "bn" => 9,
        "trillion" | "tn" | "trn" => 12,
        "k" => 3,
        "m" if money => 6,
        "b" if money => 9,
        "t" if money => 12,
        _ => return None,
    })
}

/// Ordinal words ("first" → 1), including the plural fraction forms'
/// singulars.
pub(super) fn ordinal(w: &str) -> Option<f64> {
    Some(match w {
        "first" => 1.0,
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        "hundredth" => 100.0,
        _ => return None,
    })
}

/// Denominators of fractions ("two-thirds", "a quarter of").
pub(super) fn fraction(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "eighth" | "eighths" => 8.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    })
}

/// Time units, singular as the SPEC asks ("two weeks" → "week").
pub(super) fn time_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "second" | "seconds" | "sec" | "secs" => "second",
        "minute" | "minutes" | "min" | "mins" => "minute",
        "hour" | "hours" | "hr" | "hrs" => "hour",
        "day" | "days" => "day",
        "week" | "weeks" => "week",
        "fortnight" | "fortnights" => "fortnight",
        "month" | "months" => "month",
        "year" | "years" | "yr" | "yrs" => "year",
        "decade" | "decades" => "decade",
        "century" | "centuries" => "century",
        _ => return None,
    })
}

/// Measurement units, normalised to a plural plain word.
pub(super) fn measure_unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "km" | "kms" | "kilometer" | "kilometers" | "kilometre" | "kilometres" => "kilometers",
        "mile" | "miles" | "mi" => "miles",
        "m" | "meter" | "meters" | "metre" | "metres" => "meters",
        "cm" | "centimeter" | "centimeters" | "centimetre" | "centimetres" => "centimeters",
        "mm" | "millimeter" | "millimeters" | "millimetre" | "millimetres" => "millimeters",
        "ft" | "foot" | "feet" => "feet",
        "inch" | "inches" => "inches",
        "kg" | "kgs" | "kilogram" | "kilograms" | "kilogramme" | "kilogrammes" | "kilo"
        | "kilos" => "kilograms",
        "gram" | "grams" => "grams",
        "ton" | "tons" | "tonne" | "tonnes" => "tons",
        "lb" | "lbs" => "pounds",
        "barrel" | "barrels" => "barrels",
        "bpd" => "barrels per day",
        "acre" | "acres" => "acres",
        "hectare" | "hectares" | "ha" => "hectares",
        "mph" => "mph",
        "kph" | "kmh" => "km/h",
        "gw" | "gigawatt" | "gigawatts" => "gigawatts",
        "mw" | "megawatt" | "megawatts" => "megawatts",
        "kw" | "kilowatt" | "kilowatts" => "kilowatts",
        "degree" | "degrees" => "degrees",
        "liter" | "liters" | "litre" | "litres" => "liters",
        "gallon" | "gallons" => "gallons",
        _ => return None,
    })
}

/// Units that "square" can precede.
pub(super) fn area_base(w: &str) -> Option<&'static str> {
    Some(match w {
        "km" | "kilometer" | "kilometers" | "kilometre" | "kilometres" => "square kilometers",
        "mile" | "miles" | "mi" => "square miles",
        "meter" | "meters" | "metre" | "metres" | "m" => "square meters",
        "foot" | "feet" | "ft" => "square feet",
        _ => return None,
    })
}

/// Currency signs before a number.
pub(super) fn currency_sign(c: &str) -> Option<&'static str> {
    Some(match c {
        "$" => "usd",
        "€" => "eur",
        "£" => "gbp",
        "¥" => "jpy",
        "₹" => "inr",
        "₽" => "rub",
        "₴" => "uah",
        _ => return None,
    })
}

/// Letters glued before `$` ("US$", "C$").
pub(super) fn dollar_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "us" => "usd",
        "c" | "ca" => "cad",
        "a" | "au" => "aud",
        "hk" => "hkd",
        "nz" => "nzd",
        "s" => "sgd",
        _ => return None,
    })
}

/// Currency codes and words ("USD 5", "5 dollars", "5 euros").
pub(super) fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "usd" | "dollar" | "dollars" => "usd",
        "eur" | "euro" | "euros" => "eur",
        "gbp" | "sterling" => "gbp",
        "rub" | "ruble" | "rubles" | "rouble" | "roubles" => "rub",
        "uah" | "hryvnia" | "hryvnias" | "hryvnas" => "uah",
        "cny" | "yuan" | "renminbi" => "cny",
        "jpy" | "yen" => "jpy",
        "inr" | "rupee" | "rupees" => "inr",
        "chf" | "franc" | "francs" => "chf",
        _ => return None,
    })
}

/// Currency codes that may stand before the number ("USD 5 million").
pub(super) fn currency_code(w: &str) -> Option<&'static str> {
    Some(match w {
        "usd" => "usd",
        "eur" => "eur",
        "gbp" => "gbp",
        "rub" => "rub",
        "uah" => "uah",
        "cny" => "cny",
        "jpy" => "jpy",
        "inr" => "inr",
        "chf" => "chf",
        _ => return None,
    })
}

/// Month names and abbreviations ("Feb", "Sept").
#[rustfmt::skip]
pub(super) fn month(w: &str) -> bool {
    matches!(
        w,
        "january" | "february" | "march" | "april" | "may" | "june" | "july" | "august"
        | "september" | "october" | "november" | "december" | "jan" | "feb" | "mar" | "apr" | "jun"
        | "jul" | "aug" | "sep" | "sept" | "oct" | "nov" | "dec"
    )
}

/// Words before a year that make a bare 4-digit number (or a smaller one) a
/// year: "in 1962", "since 2022".
#[rustfmt::skip]
pub(super) fn year_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "since" | "by" | "until" | "till" | "from" | "during" | "before" | "after" | "of"
        | "early" | "late" | "mid" | "through" | "circa" | "year"
    )
}

/// One-word qualifiers kept in a mention's text ("nearly 20%").
#[rustfmt::skip]
pub(super) fn qualifier1(w: &str) -> bool {
    matches!(
        w,
        "nearly" | "almost" | "about" | "around" | "approximately" | "roughly" | "some" | "over"
        | "under" | "only" | "just" | "exactly" | "precisely" | "estimated" | "circa" | "barely"
        | "below" | "above" | "upwards" | "maximum" | "minimum"
    )
}

/// Two-word qualifiers: (first, second).
pub(super) fn qualifier2(a: &str, b: &str) -> bool {
    matches!(
        (a, b),
        ("more", "than")
            | ("less", "than")
            | ("fewer", "than")
            | ("at", "least")
            | ("at", "most")
            | ("up", "to")
            | ("close", "to")
            | ("an", "estimated")
            | ("just", "over")
            | ("just", "under")
            | ("well", "over")
            | ("well", "above")
            | ("well", "below")
            | ("nearly", "all")
    )
}

/// Three-word qualifiers ("as many as").
pub(super) fn qualifier3(a: &str, b: &str, c: &str) -> bool {
    matches!(
        (a, b, c),
        ("as", "many", "as")
            | ("as", "much", "as")
            | ("as", "few", "as")
            | ("as", "little", "as")
            | ("no", "more", "than")
            | ("no", "fewer", "than")
            | ("no", "less", "than")
    )
}

/// Words that are never a counted noun after a number: function words,
/// verbs and adverbs, including the ones that end in "s".
#[rustfmt::skip]
pub(super) fn function_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an" | "the" | "and" | "or" | "but" | "nor" | "of" | "to" | "in" | "on" | "at" | "by"
        | "for" | "from" | "with" | "without" | "into" | "onto" | "over" | "under" | "than" | "as"
        | "is" | "are" | "was" | "were" | "be" | "been" | "being" | "has" | "have" | "had" | "does"
        | "do" | "did" | "will" | "would" | "can" | "could" | "may" | "might" | "must" | "shall"
        | "should" | "its" | "it" | "this" | "that" | "these" | "those" | "his" | "her" | "hers"
        | "their" | "theirs" | "our" | "ours" | "your" | "yours" | "us" | "we" | "they" | "he"
        | "she" | "them" | "him" | "who" | "whom" | "whose" | "which" | "what" | "when" | "where"
        | "while" | "whereas" | "thus" | "less" | "unless" | "across" | "perhaps" | "always"
        | "sometimes" | "towards" | "afterwards" | "besides" | "says" | "said" | "seems"
        | "remains" | "means" | "goes" | "comes" | "makes" | "marks" | "shows" | "sees" | "gets"
        | "includes" | "stands" | "per" | "more" | "most" | "other" | "another" | "each" | "every"
        | "all" | "any" | "some" | "such" | "so" | "too" | "very" | "not" | "no" | "yes" | "ago"
        | "later" | "earlier" | "after" | "before" | "since" | "until" | "if" | "then" | "there"
        | "here" | "also" | "only" | "just" | "out" | "up" | "down" | "off" | "about" | "around"
        | "against" | "between" | "among" | "amid" | "during" | "through" | "via" | "whether"
        | "because" | "though" | "although" | "yet" | "still" | "again" | "alone" | "respectively"
        | "apiece" | "way" | "ways" | "news" | "plus" | "else" | "minus"
    )
}

/// Plural nouns without a final "s".
#[rustfmt::skip]
pub(super) fn irregular_plural(w: &str) -> bool {
    matches!(
        w,
        "people" | "children" | "men" | "women" | "police" | "personnel" | "staff" | "aircraft"
        | "cattle" | "sheep" | "livestock" | "militia" | "crew" | "feet" | "teeth" | "mice"
        | "geese"
    )
}

/// The plural of a counted noun ("soldier" → "soldiers", "person" →
/// "people").
pub(super) fn pluralize(w: &str) -> String {
    match w {
        "person" => return "people".to_string(),
        "man" => return "men".to_string(),
        "woman" => return "women".to_string(),
        "child" => return "children".to_string(),
        _ => {}
    }
    if irregular_plural(w) {
        return w.to_string();
    }
    let b = w.as_bytes();
    let mut s = String::with_capacity(w.len() + 2);
    if w.ends_with('y')
        && b.len() > 1
        && !matches!(b[b.len() - 2], b'a' | b'e' | b'i' | b'o' | b'u')
    {
        s.push_str(&w[..w.len() - 1]);
        s.push_str("ies");
    } else if w.ends_with('s')
        || w.ends_with('x')
        || w.ends_with('z')
        || w.ends_with("ch")
        || w.ends_with("sh")
    {
        s.push_str(w);
        s.push_str("es");
    } else {
        s.push_str(w);
        s.push('s');
    }
    s
}

/// A word that reads as a plural noun ("soldiers", "people").
pub(super) fn looks_plural(w: &str) -> bool {
    if irregular_plural(w) {
        return true;
    }
    w.len() > 2
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("'s")
        && !function_word(w)
}

/// Words that read as adjectives or participles by their ending
/// ("unique", "sided", "recent"), not as counted nouns.
pub(super) fn adjective_like(w: &str) -> bool {
    [
        "ed", "ing", "ent", "ant", "al", "ive", "ous", "ful", "ic", "ble", "ary", "ish", "less",
        "que", "ial",
    ]
    .iter()
    .any(|end| w.len() > end.len() + 2 && w.ends_with(end))
}
