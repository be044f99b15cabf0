//! Reversed meaning inside a modification: one word swapped for its
//! opposite ("up" → "down", "rose" → "fell", "said" → "denied", "won" →
//! "lost"). The sentence now says the contrary, which is a polarity flip
//! (`negation_changed`, high), not a wording change.

use super::Work;
use crate::diff::{Detail, DetailType};

/// Opposite pairs, each read both ways. Verbs in the forms news copy uses.
const OPPOSITES: &[(&str, &str)] = &[
    ("up", "down"),
    ("rose", "fell"),
    ("rise", "fall"),
    ("rises", "falls"),
    ("rising", "falling"),
    ("risen", "fallen"),
    ("increased", "decreased"),
    ("increase", "decrease"),
    ("increases", "decreases"),
    ("gained", "lost"),
    ("gains", "losses"),
    ("won", "lost"),
    ("win", "lose"),
    ("wins", "loses"),
    ("winning", "losing"),
    ("higher", "lower"),
    ("above", "below"),
    ("more", "fewer"),
    ("said", "denied"),
    ("says", "denies"),
    ("confirmed", "denied"),
    ("confirms", "denies"),
    ("admitted", "denied"),
    ("approved", "rejected"),
    ("approves", "rejects"),
    ("accepted", "rejected"),
    ("passed", "failed"),
    ("guilty", "innocent"),
    ("convicted", "acquitted"),
    ("supports", "opposes"),
    ("supported", "opposed"),
    ("allowed", "banned"),
    ("legal", "illegal"),
    ("true", "false"),
    ("success", "failure"),
    ("succeeded", "failed"),
    ("strengthened", "weakened"),
    ("expanded", "contracted"),
    ("surged", "plunged"),
    ("climbed", "dropped"),
    ("accepted", "refused"),
    ("accepts", "refuses"),
    ("accept", "refuse"),
    ("accept", "reject"),
    ("agreed", "refused"),
    ("agrees", "refuses"),
    ("upheld", "overturned"),
    ("upholds", "overturns"),
    ("survived", "died"),
    ("alive", "dead"),
    ("open", "closed"),
    ("opened", "closed"),
    ("opens", "closes"),
    ("raised", "lowered"),
    ("raises", "lowers"),
    ("grew", "shrank"),
    ("grow", "shrink"),
    ("improved", "worsened"),
    ("improve", "worsen"),
    ("improves", "worsens"),
    ("profit", "loss"),
    ("gain", "loss"),
    ("most", "least"),
    ("best", "worst"),
    ("highest", "lowest"),
    ("largest", "smallest"),
    ("always", "never"),
    ("with", "without"),
    ("included", "excluded"),
    ("includes", "excludes"),
    ("include", "exclude"),
    ("present", "absent"),
    ("ahead", "behind"),
    ("leads", "trails"),
    ("leading", "trailing"),
    ("hired", "fired"),
    ("hire", "fire"),
    ("hiring", "firing"),
    ("lifted", "imposed"),
    ("lifts", "imposes"),
    ("raised", "cut"),
    ("raise", "cut"),
    ("raises", "cuts"),
    ("added", "cut"),
    ("adds", "cuts"),
    ("boosted", "cut"),
    ("majority", "minority"),
    ("passes", "rejects"),
    ("passed", "rejected"),
    ("pass", "reject"),
    ("passes", "fails"),
    ("pass", "fail"),
    ("positive", "negative"),
    ("accidental", "deliberate"),
    ("accidental", "intentional"),
    ("accidentally", "deliberately"),
    ("accidentally", "intentionally"),
    ("signed", "vetoed"),
    ("signs", "vetoes"),
    ("before", "after"),
    ("bought", "sold"),
    ("buy", "sell"),
    ("buys", "sells"),
    ("buying", "selling"),
    ("sober", "drunk"),
    ("stronger", "weaker"),
    ("better", "worse"),
    ("victory", "defeat"),
    ("began", "ended"),
    ("resumed", "suspended"),
    ("optimistic", "pessimistic"),
    ("overestimated", "underestimated"),
    ("overvalued", "undervalued"),
    ("accelerated", "slowed"),
    ("permanent", "temporary"),
    ("permanently", "temporarily"),
    ("early", "late"),
    ("earlier", "later"),
    ("hire", "cut"),
    ("hired", "cut"),
    ("hiring", "cutting"),
];

/// Words that a negating prefix turns into another word, not into their
/// opposite ("cover" → "discover", "count" → "discount").
const NOT_NEGATED_BY_PREFIX: &[&str] = &[
    "charge", "charged", "close", "closed", "count", "counted", "cover", "covered", "less", "miss",
    "missed", "play", "played", "pose", "posed", "tract", "der", "ion",
];

/// Endings of the adjectives that "in-", "im-", "il-" and "ir-" negate
/// ("valid", "possible", "legal", "relevant"); other words take these
/// prefixes as another word ("put" → "input", "prove" → "improve").
const LATINATE_ENDINGS: &[&str] = &[
    "able", "ible", "al", "ent", "ant", "ate", "ive", "ete", "ect", "ure", "id", "ar", "ous",
];

/// Whether `b` is `a` with a negating prefix ("safe" → "unsafe", "agree" →
/// "disagree", "possible" → "impossible", "binding" → "nonbinding").
fn prefix_negated(a: &str, b: &str) -> bool {
    let Some(prefix) = b.strip_suffix(a) else {
        return false;
    };
    if a.len() < 4 || NOT_NEGATED_BY_PREFIX.contains(&a) {
        return false;
    }
    // An adverb negates as its adjective does ("appropriately" →
    // "inappropriately").
    let adjective = a.strip_suffix("ly").unwrap_or(a);
    let latinate = adjective.len() >= 5 && LATINATE_ENDINGS.iter().any(|e| adjective.ends_with(e));
    match prefix {
        "un" | "non" => true,
        "dis" => a.len() >= 5,
        "in" => latinate && !a.starts_with(['l', 'm', 'p', 'r', 'b']),
        "im" => latinate && a.starts_with(['m', 'p', 'b']),
        "il" => latinate && a.starts_with('l'),
        "ir" => latinate && a.starts_with('r'),
        _ => false,
    }
}

/// Verbs that carry their own negation ("excludes" is "does not allow"),
/// each with the plain verb, in the form it takes after "not", that the
/// negated sentence says instead.
const IMPLICIT_NEGATIONS: &[(&str, &[&str])] = &[
    ("excludes", &["allow", "include", "admit", "permit"]),
    ("excluded", &["allow", "include", "admit", "permit"]),
    ("exclude", &["allow", "include", "admit", "permit"]),
    ("bans", &["allow", "permit"]),
    ("banned", &["allow", "permit"]),
    ("ban", &["allow", "permit"]),
    ("bars", &["allow", "permit", "admit"]),
    ("barred", &["allow", "permit", "admit"]),
    ("forbids", &["allow", "permit"]),
    ("forbade", &["allow", "permit"]),
    ("forbid", &["allow", "permit"]),
    ("prohibits", &["allow", "permit"]),
    ("prohibited", &["allow", "permit"]),
    ("prohibit", &["allow", "permit"]),
    ("blocks", &["allow", "permit"]),
    ("blocked", &["allow", "permit"]),
    ("refuses", &["agree", "accept"]),
    ("refused", &["agree", "accept"]),
    ("lacks", &["have"]),
    ("lacked", &["had", "have"]),
];

/// Whether `a` and `b` are a verb with its own negation and the plain verb
/// a negated sentence uses for it ("excludes" / "allow"), either way.
fn implicit_pair(a: &str, b: &str) -> bool {
    let one_way = |neg: &str, plain: &str| {
        IMPLICIT_NEGATIONS
            .iter()
            .any(|&(n, ps)| n == neg && ps.contains(&plain))
    };
    one_way(a, b) || one_way(b, a)
}

/// For a sentence whose negation flipped: true when it also swapped a verb
/// that negates by itself for its plain counterpart ("still excludes
/// women" → "doesn't allow women"), so the two flips cancel and the
/// meaning stands. Marks both verbs explained.
pub(super) fn flip_cancelled(w: &mut Work) -> bool {
    let olds: Vec<usize> = w.old.changed_indices().collect();
    let news: Vec<usize> = w.new.changed_indices().collect();
    let hit = olds.iter().find_map(|&i| {
        news.iter()
            .find(|&&j| implicit_pair(&w.old.tokens[i].core, &w.new.tokens[j].core))
            .map(|&j| (i, j))
    });
    let Some((i, j)) = hit else { return false };
    w.old.explained[i] = true;
    w.new.explained[j] = true;
    true
}

/// Whether `a` → `b` swaps a word for its opposite.
pub(super) fn opposite(a: &str, b: &str) -> bool {
    OPPOSITES
        .iter()
        .any(|&(x, y)| (a == x && b == y) || (a == y && b == x))
        || opposite_stance(a, b)
        || prefix_negated(a, b)
        || prefix_negated(b, a)
}

/// Taking a side and taking the other, in one verb form each: any word of
/// the first list against any of the second ("backed" → "rejected",
/// "supports" → "opposes", "endorse" → "condemn").
const STANCES: &[(&[&str], &[&str])] = &[
    (
        &[
            "approved",
            "backed",
            "supported",
            "endorsed",
            "accepted",
            "favored",
            "favoured",
            "welcomed",
            "praised",
            "embraced",
        ],
        &[
            "rejected",
            "opposed",
            "refused",
            "blocked",
            "vetoed",
            "condemned",
            "criticized",
            "criticised",
            "denounced",
            "spurned",
        ],
    ),
    (
        &[
            "approves", "backs", "supports", "endorses", "accepts", "favors", "favours",
            "welcomes", "praises", "embraces",
        ],
        &[
            "rejects",
            "opposes",
            "refuses",
            "blocks",
            "vetoes",
            "condemns",
            "criticizes",
            "criticises",
            "denounces",
            "spurns",
        ],
    ),
    (
        &[
            "approve", "support", "endorse", "accept", "favor", "favour", "welcome", "praise",
            "embrace",
        ],
        &[
            "reject",
            "oppose",
            "refuse",
            "block",
            "veto",
            "condemn",
            "criticize",
            "criticise",
            "denounce",
            "spurn",
        ],
    ),
];

fn opposite_stance(a: &str, b: &str) -> bool {
    STANCES.iter().any(|(pro, con)| {
        (pro.contains(&a) && con.contains(&b)) || (pro.contains(&b) && con.contains(&a))
    })
}

/// Words after which "for" and "against" take opposite sides ("voted
/// for" → "voted against"); elsewhere they can mean the same ("insurance
/// for floods", "against floods").
const SIDE_TAKERS: &[&str] = &[
    "vote",
    "voted",
    "votes",
    "voting",
    "argued",
    "argues",
    "campaigned",
    "campaigns",
    "ruled",
    "rules",
    "lobbied",
    "spoke",
    "speaks",
    "testified",
    "came",
    "is",
    "are",
    "was",
    "were",
];

/// "for" ↔ "against" at old token `i` and new token `j`, after a verb that
/// takes a side.
fn side_flipped(w: &Work, i: usize, j: usize) -> bool {
    let (a, b) = (w.old.tokens[i].core.as_str(), w.new.tokens[j].core.as_str());
    let pair = (a == "for" && b == "against") || (a == "against" && b == "for");
    pair && i > 0 && SIDE_TAKERS.contains(&w.old.tokens[i - 1].core.as_str())
}

/// Adds a `negation_changed` detail for each hunk that swaps a changed word
/// for its opposite, and marks both words explained.
pub(super) fn reversals(w: &mut Work, details: &mut Vec<Detail>) {
    for (o, n) in w.hunks.clone() {
        let olds: Vec<usize> = o.clone().filter(|&i| w.old.changed[i]).collect();
        let news: Vec<usize> = n.clone().filter(|&j| w.new.changed[j]).collect();
        let hit = olds.iter().find_map(|&i| {
            news.iter()
                .find(|&&j| {
                    opposite(&w.old.tokens[i].core, &w.new.tokens[j].core) || side_flipped(w, i, j)
                })
                .map(|&j| (i, j))
        });
        let Some((i, j)) = hit else { continue };
        w.old.explained[i] = true;
        w.new.explained[j] = true;
        details.push(Detail {
            kind: DetailType::NegationChanged,
            from: Some(w.old.tokens[i].core.clone()),
            to: Some(w.new.tokens[j].core.clone()),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::opposite;

    #[test]
    fn opposites_read_both_ways_and_only_as_pairs() {
        assert!(opposite("rose", "fell"));
        assert!(opposite("fell", "rose"));
        assert!(opposite("denied", "said"));
        assert!(!opposite("rose", "climbed"));
        assert!(!opposite("said", "said"));
        assert!(opposite("accepted", "refused"));
        assert!(opposite("backed", "rejected"));
        assert!(opposite("hired", "fired"));
        assert!(opposite("passes", "rejects"));
        assert!(opposite("cut", "raised"));
        assert!(opposite("opposes", "supports"));
        assert!(opposite("endorse", "condemn"));
        assert!(opposite("negative", "positive"));
        assert!(opposite("accidental", "deliberate"));
        assert!(opposite("vetoed", "signed"));
        assert!(opposite("before", "after"));
        assert!(opposite("sold", "bought"));
        assert!(opposite("late", "early"));
        assert!(opposite("hire", "cut"));
        // Two ways of taking the same side, or another verb form.
        assert!(!opposite("backed", "supported"));
        assert!(!opposite("backed", "rejects"));
    }

    #[test]
    fn a_negating_prefix_reverses_the_word() {
        for (a, b) in [
            ("safe", "unsafe"),
            ("likely", "unlikely"),
            ("agree", "disagree"),
            ("possible", "impossible"),
            ("valid", "invalid"),
            ("logical", "illogical"),
            ("relevant", "irrelevant"),
            ("binding", "nonbinding"),
            ("appropriately", "inappropriately"),
            ("legally", "illegally"),
        ] {
            assert!(opposite(a, b), "{a} / {b}");
            assert!(opposite(b, a), "{b} / {a}");
        }
        // Other words that merely start the same way.
        for (a, b) in [
            ("put", "input"),
            ("prove", "improve"),
            ("cover", "discover"),
            ("come", "income"),
            ("side", "inside"),
            ("less", "unless"),
            ("port", "import"),
            ("ply", "imply"),
        ] {
            assert!(!opposite(a, b), "{a} / {b}");
        }
    }
}
