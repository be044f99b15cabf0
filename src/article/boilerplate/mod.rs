//! Boilerplate recognition: page furniture that is not article text (photo
//! credits and captions, "Trending now", share and comment prompts, view
//! counters, "Read more", newsletter prompts, navigation crumbs, contact
//! and bio lines, disclaimers, teasers). Main entry: [`is_boilerplate`],
//! which takes one cleaned line or block; [`sections`] drops whole
//! trailing sections ("About X" in a press release).
//!
//! Rules are general word lists and shapes, never fitted to one site.

mod captions;
mod promos;
pub(crate) mod sections;
mod words;

use super::line::{ends_sentence, lower_head, word_count, words_at_most};
use words::{
    CREDIT_OPENERS, CREDIT_WORDS, EXACT, PREFIX_ANY_LENGTH, PREFIX_SHORT, SOCIAL,
    is_credit_opener_word,
};

/// Wire-service credit phrases, furniture wherever they sit in a short line.
const CREDIT_PHRASES: &[&str] = &[
    "; editing by",
    "; reporting by",
    "; additional reporting",
    "; writing by",
];

/// The line opens furniture that may run over several lines ("Editor's
/// note: ...", "Reporting by ...; Editing by ..."): the whole paragraph
/// it starts is furniture.
pub(crate) fn is_furniture_lead(line: &str) -> bool {
    let line = line.trim_start();
    let head = &line.as_bytes()[..line.len().min(LEAD_HEAD)];
    if !head.is_ascii() {
        return furniture_lead_lowered(line);
    }
    // An ASCII head: compared without case in place, which is what
    // lower-casing it and comparing gives, as the openings are lower-case.
    let starts =
        |s: &[u8], p: &str| s.len() >= p.len() && s[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    let first = head.first().map_or(0, u8::to_ascii_lowercase);
    let mut bits = LEAD_BY_FIRST_BYTE[usize::from(first)];
    while bits != 0 {
        let i = bits.trailing_zeros() as usize;
        if starts(head, PREFIX_ANY_LENGTH[i]) {
            return true;
        }
        bits &= bits - 1;
    }
    let skip = head
        .iter()
        .take_while(|&&c| matches!(c, b'-' | b'(' | b' '))
        .count();
    let opening = &head[skip..];
    starts(opening, "additional reporting") || starts(opening, "reporting by")
}

/// Bytes of a line's head that [`is_furniture_lead`] looks at.
const LEAD_HEAD: usize = 48;

/// [`is_furniture_lead`] for a head with other than ASCII in it, through a
/// lower-cased copy.
fn furniture_lead_lowered(line: &str) -> bool {
    let head = lower_head(line, LEAD_HEAD);
    let opening = head.trim_start_matches(['-', '(', ' ']);
    let first = head.as_bytes().first().copied();
    PREFIX_ANY_LENGTH
        .iter()
        .any(|p| p.as_bytes().first().copied() == first && head.starts_with(p))
        || opening.starts_with("additional reporting")
        || opening.starts_with("reporting by")
}

/// For each byte, the `PREFIX_ANY_LENGTH` entries (as bits) that start
/// with it, so a line is compared only with those that may match.
static LEAD_BY_FIRST_BYTE: [u64; 256] = {
    assert!(PREFIX_ANY_LENGTH.len() <= 64);
    let mut t = [0u64; 256];
    let mut i = 0;
    while i < PREFIX_ANY_LENGTH.len() {
        let p = PREFIX_ANY_LENGTH[i].as_bytes();
        assert!(!p.is_empty() && p.len() <= LEAD_HEAD);
        t[p[0] as usize] |= 1 << i;
        i += 1;
    }
    t
};

/// Headings of link lists that are furniture ("Most read", "Related
/// stories"): the list items after them go too.
const LIST_HEADS: &[&str] = &[
    "most read",
    "most popular",
    "most viewed",
    "most shared",
    "popular",
    "popular now",
    "trending",
    "trending now",
    "trending stories",
    "related",
    "related articles",
    "related stories",
    "related news",
    "related content",
    "related coverage",
    "recommended",
    "recommended for you",
    "recommended stories",
    "you may also like",
    "you might also like",
    "more stories",
    "more news",
    "top stories",
    "latest news",
    "latest stories",
    "read more",
    "read next",
    "also read",
    "see also",
    "editor's picks",
    "editors' picks",
    "more from",
    "more on this story",
    "elsewhere",
];

/// A furniture heading over a list of links.
pub(crate) fn is_list_head(line: &str) -> bool {
    if !words_at_most(line, 6) {
        return false;
    }
    let lower = line.trim().to_lowercase();
    let core = strip_counts(&lower);
    LIST_HEADS.contains(&core) || core.starts_with("more from ")
}

/// True when a cleaned block (a paragraph, or a line standing alone) is
/// page furniture: the line rules, plus kinds only a whole block shows
/// (captions, contact and bio lines, disclaimers, teasers), which a single
/// line of hard-wrapped text could show by chance.
pub(crate) fn is_boilerplate(block: &str) -> bool {
    if is_boilerplate_with_lead(block, None) {
        return true;
    }
    is_block_furniture(block, true)
}

/// The kinds of furniture only a whole block shows (contact, credit and
/// bio lines, disclaimers, teasers, captions), without the line rules: for
/// a paragraph of one line, whose line rules have already run. Without
/// `phrases`, only captions and teasers (cheap shape tests) are looked for.
pub(crate) fn is_block_furniture(block: &str, phrases: bool) -> bool {
    let block = block.trim();
    // The shape tests before the word count: most blocks asked are long
    // paragraphs of neither shape, and the count walks their first 40 words.
    if !phrases && !captions::may_be_caption(block) && !promos::may_be_teaser(block) {
        return false;
    }
    if !words_at_most(block, 40) {
        return false;
    }
    let lower = block.to_lowercase();
    let words = word_count(&lower);
    (if phrases {
        promos::is_promo(&lower, words)
    } else {
        promos::is_teaser(&lower, words)
    }) || captions::is_caption(&lower)
}

/// [`is_boilerplate`], given `is_furniture_lead(line.trim())` when the
/// caller has already worked it out.
pub(crate) fn is_boilerplate_with_lead(line: &str, lead: Option<bool>) -> bool {
    let line = line.trim();
    if line.is_empty() {
        return false;
    }
    // Separators and lone symbols ("* * *", "|", "---").
    if !line.chars().any(char::is_alphanumeric) {
        return true;
    }
    if lead.unwrap_or_else(|| is_furniture_lead(line)) {
        return true;
    }
    // Everything else is a short line; long paragraphs stop here.
    if !words_at_most(line, 25) {
        return false;
    }
    let lower = line.to_lowercase();
    let lower = lower.as_str();
    let words = word_count(lower);
    // The tail of a wire credit: "...; Editing by Sam Poe)". Each phrase
    // holds a ';', looked for first.
    if lower.contains(';') && CREDIT_PHRASES.iter().any(|p| lower.contains(p)) {
        return true;
    }
    if words <= 7 && EXACT.contains(&strip_counts(lower)) {
        return true;
    }
    if words <= 12 && PREFIX_SHORT.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    if is_credit(lower, words) {
        return true;
    }
    if words <= 6 && is_counter(lower) {
        return true;
    }
    if words <= 20 && is_prompt(lower, words) {
        return true;
    }
    if words <= 16 && line.contains(CRUMB_SEPARATORS) && is_crumb(line) {
        return true;
    }
    false
}

/// Drops a trailing count or punctuation: "Comments (12)" → "comments",
/// "12 comments" → "comments", "Most read:" → "most read".
fn strip_counts(lower: &str) -> &str {
    let mut s = lower.trim_end_matches(|c: char| {
        matches!(
            c,
            '.' | ':' | '!' | '>' | '\u{00BB}' | '\u{203A}' | ' ' | '|'
        )
    });
    if s.ends_with(')')
        && let Some(open) = s.rfind('(')
        && s[open + 1..s.len() - 1]
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | 'k' | '+'))
    {
        s = s[..open].trim_end();
    }
    let lead = s
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, ',' | '.' | 'k' | '+')))
        .unwrap_or(s.len());
    if lead > 0 && s[lead..].starts_with(' ') {
        s = s[lead..].trim_start();
    }
    let trail = s.trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, ',' | '.'));
    if trail.len() < s.len() && trail.ends_with(' ') {
        s = trail.trim_end();
    }
    s
}

/// Photo credits and captions credited to an agency.
fn is_credit(lower: &str, words: usize) -> bool {
    // "Photo: X / Agency", "Image by X", "Credit | X".
    let first = lower
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let openers: &[&str] = if is_credit_opener_word(first) {
        CREDIT_OPENERS
    } else {
        &[]
    };
    for opener in openers {
        if let Some(rest) = lower.strip_prefix(opener) {
            let rest = rest.trim_start();
            if rest.starts_with([':', '|', '/', '\u{00A9}'])
                || rest.starts_with("- ")
                || rest.starts_with("by ")
                || rest.starts_with("courtesy")
                || rest.starts_with("credit")
                || rest.starts_with("source")
            {
                return true;
            }
        }
    }
    if let Some(rest) = lower.strip_prefix("source:") {
        return word_count(rest) <= 8;
    }
    if is_story_credit(lower, words) {
        return true;
    }
    let has_credit_word = || {
        lower
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|w| CREDIT_WORDS.contains(&w))
    };
    // "(Getty Images)", "[AFP via Getty Images]".
    if (lower.starts_with('(') && lower.ends_with(')'))
        || (lower.starts_with('[') && lower.ends_with(']'))
    {
        return words <= 12 && has_credit_word();
    }
    // "Jane Roe / Agency" or "Jane Roe/AFP via Getty Images": short, no
    // sentence, a slash and an agency word.
    if (words <= 4 || (words <= 10 && !ends_sentence(lower)))
        && lower.contains('/')
        && has_credit_word()
    {
        return true;
    }
    words <= 8 && lower.contains("getty images")
}

/// Endings of a line that credits the story to a wire or the staff
/// ("Example Courier wire services", "Staff and agencies").
const STORY_CREDIT_ENDS: &[&str] = &[
    "wire services",
    "wire service",
    "wire reports",
    "news services",
    "news service",
    "and agencies",
    "staff and wire reports",
    "associated press",
    "the associated press",
];

/// Most words of a story credit line.
const STORY_CREDIT_MAX_WORDS: usize = 6;

/// A short unpunctuated line crediting the story to news agencies or the
/// staff: furniture, not a summary or a claim.
fn is_story_credit(lower: &str, words: usize) -> bool {
    // A full stop makes it a sentence ("It cited the Associated Press.").
    let line = lower.trim();
    if ends_sentence(line) {
        return false;
    }
    let line = line
        .trim_end_matches(')')
        .trim_start_matches(['(', '-', ' ']);
    words <= STORY_CREDIT_MAX_WORDS
        && (line == "agencies" || STORY_CREDIT_ENDS.iter().any(|e| line.ends_with(e)))
}

/// View, share and comment counters: "12,345 views", "Views: 1.2K".
fn is_counter(lower: &str) -> bool {
    const COUNTED: &[&str] = &[
        "views",
        "view",
        "reads",
        "read",
        "shares",
        "share",
        "comments",
        "comment",
        "likes",
        "reactions",
        "replies",
        "min read",
        "minute read",
        "minutes read",
        "mins read",
    ];
    let stripped = lower.trim_end_matches(['.', ':']);
    let (num, rest) = match stripped.find(' ') {
        Some(i) => (&stripped[..i], stripped[i + 1..].trim()),
        None => return false,
    };
    if is_count(num) && COUNTED.contains(&rest) {
        return true;
    }
    // "Views: 1,234" / "Reading time: 4 min".
    if let Some((label, value)) = stripped.split_once(':') {
        let label = label.trim();
        let value = value.trim();
        if matches!(label, "views" | "reads" | "shares" | "comments" | "likes") && is_count(value) {
            return true;
        }
        if label == "reading time" {
            return true;
        }
    }
    false
}

fn is_count(s: &str) -> bool {
    let s = s.trim_end_matches(['k', 'm', '+']);
    !s.is_empty()
        && s.chars().next().is_some_and(|c| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
}

/// Calls to subscribe, follow, share or sign up for a newsletter.
fn is_prompt(lower: &str, words: usize) -> bool {
    const OPENERS: &[&str] = &[
        "subscribe",
        "sign up",
        "join",
        "get",
        "receive",
        "enter",
        "want",
        "don't miss",
        "never miss",
        "stay",
        "like us",
        "follow",
        "share",
    ];
    let opens = OPENERS.iter().any(|o| {
        lower
            .strip_prefix(o)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ':']))
    });
    if !opens {
        return false;
    }
    if lower.contains("newsletter") || lower.contains("inbox") || lower.contains("subscri") {
        return true;
    }
    if lower.starts_with("follow") || lower.starts_with("like us") {
        return SOCIAL.iter().any(|s| lower.contains(s));
    }
    if lower.starts_with("share") {
        return words <= 8 && (SOCIAL.iter().any(|s| lower.contains(s)) || lower.contains("email"));
    }
    false
}

/// Navigation crumbs: "Home > World > Europe", "News | Politics | World".
/// Characters that separate the parts of a navigation crumb (`"` is a
/// folded `»`).
const CRUMB_SEPARATORS: &[char] = &[
    '>', '\u{00BB}', '\u{203A}', '|', '\u{2022}', '\u{00B7}', '/', '"',
];

fn is_crumb(line: &str) -> bool {
    const SEPARATORS: &[char] = &[
        '>', '\u{00BB}', '\u{203A}', '|', '\u{2022}', '\u{00B7}', '/',
    ];
    if ends_sentence(line) {
        return false;
    }
    // Typography folding turned "»" into a quote; a spaced one separates.
    let line = line.replace(" \" ", " | ");
    let parts: Vec<&str> = line
        .split(SEPARATORS)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 2 {
        return false;
    }
    if parts.iter().any(|p| word_count(p) > 4) {
        return false;
    }
    let slash_only = !line.contains(|c: char| SEPARATORS[..6].contains(&c));
    let starts_home =
        parts[0].eq_ignore_ascii_case("home") || parts[0].eq_ignore_ascii_case("news");
    if slash_only {
        // Slashes also separate alternatives in headings; need "Home" first.
        return starts_home && parts.len() >= 2;
    }
    parts.len() >= 3 || starts_home
}

#[cfg(test)]
mod tests {
    use super::is_boilerplate;

    /// The openings are lower-case (the in-place compare relies on it)
    /// and each credit phrase holds the ';' looked for first.
    #[test]
    fn list_shapes() {
        for p in super::words::PREFIX_ANY_LENGTH {
            assert_eq!(*p, p.to_lowercase(), "{p}");
        }
        for p in super::CREDIT_PHRASES {
            assert!(p.contains(';'), "{p}");
        }
        for l in [
            "Editor's note: this story was updated.",
            "EDITOR'S NOTE: this story was updated.",
            "- (Reporting by Jane Roe; Editing by Sam Poe)",
            "Additional reporting by Ada Fox",
            "\u{212A}ELVIN read more: a non-ASCII head",
            "Read more: caf\u{e9} news",
        ] {
            assert_eq!(
                super::is_furniture_lead(l),
                super::furniture_lead_lowered(l.trim_start()),
                "{l}"
            );
        }
        assert!(super::is_furniture_lead("Read more: caf\u{e9} news"));
        assert!(super::is_furniture_lead(
            "EDITOR'S NOTE: this story was updated."
        ));
        assert!(!super::is_furniture_lead(
            "The reporting by the paper was wrong."
        ));
    }

    /// The opener-word gate answers as splitting each entry would.
    #[test]
    fn credit_opener_word_gate() {
        use super::words::{CREDIT_OPENERS, is_credit_opener_word};
        let plain = |w: &str| {
            CREDIT_OPENERS
                .iter()
                .any(|o| o.split(' ').next() == Some(w))
        };
        for o in CREDIT_OPENERS {
            for w in o.split(' ').chain([*o, "", "p", "phot", "photox"]) {
                assert_eq!(is_credit_opener_word(w), plain(w), "{w:?}");
            }
        }
    }

    #[test]
    fn photo_credits() {
        for l in [
            "Photo: Jane Roe / Example Agency",
            "Image: a file picture of the city hall",
            "(Getty Images)",
            "Photo by Sam Poe on Unsplash",
            "Picture credit: City Council",
            "Jane Roe/AFP via Getty Images",
            "John Doe / Reuters",
            "[Photo: Handout]",
            "Source: Ministry of Finance",
            "Example Courier wire services",
            "Staff and agencies",
            "(The Associated Press)",
        ] {
            assert!(is_boilerplate(l), "{l}");
        }
    }

    #[test]
    fn furniture_lines() {
        for l in [
            "Trending now",
            "TRENDING NOW",
            "Comments",
            "Comments (12)",
            "12 comments",
            "Share this article",
            "Share on Facebook",
            "12,345 views",
            "Views: 1.2K",
            "4 min read",
            "Read more: Budget talks resume",
            "Most read",
            "Advertisement",
            "ADVERTISEMENT",
            "Subscribe to our daily briefing",
            "Sign up for our newsletter",
            "Get the morning newsletter in your inbox",
            "Follow us on Twitter",
            "Home > World > Europe",
            "Home \" World \" Europe",
            "News | Politics | Business",
            "* * *",
            "Reporting by Jane Roe; Editing by Sam Poe",
            "--additional reporting from Sam Poe.",
            "Copyright 2025 Example Media",
            "Read the rest here.",
            "Editor's note: this story was updated.",
        ] {
            assert!(is_boilerplate(l), "{l}");
        }
    }

    #[test]
    fn article_sentences_are_kept() {
        for l in [
            "The photo showed the mayor at the scene.",
            "Images from the scene showed damage to the bridge.",
            "Share prices fell 3 percent on Monday.",
            "Comments by the minister drew criticism.",
            "The committee will vote on the proposal next week.",
            "Russia / Ukraine talks resume in Geneva",
            "He told reporters that 12,345 views were recorded.",
            "Follow-up talks are planned for March.",
            "Subscribers to the service rose 12 percent last year.",
            "Most readers agreed with the decision.",
            "It cited the Associated Press.",
            "War",
        ] {
            assert!(!is_boilerplate(l), "{l}");
        }
    }
}
