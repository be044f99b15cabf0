//! Word lists for attribution: reporting cues (speech, belief, perception,
//! writing), determiners, boundaries and the other closed classes the
//! speaker finder needs. Look-ups take a lower-cased ASCII word.

mod table;

use std::sync::LazyLock;

pub(super) use table::{Filter, Table, key};

/// How a reporting cue may take its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// The speaker may also follow the cue ("…,” said Ryabkov).
    Inverting,
    /// The speaker precedes the cue ("Ryabkov argued").
    Plain,
}

/// Cues that may invert ("…,” said X / "…,” added X).
#[rustfmt::skip]
const INVERTING: &[&str] = &[
    "reported", "announced", "confirmed", "acknowledged", "admitted", "claimed", "commented",
    "quipped", "recounted", "remarked", "retorted", "conceded", "cautioned", "countered",
    "boasted", "suggested", "predicted", "promised", "vowed", "urged", "emphasized", "stressed",
    "recalled", "explained", "complained", "joked", "lamented", "agreed", "said", "says", "added",
    "adds", "asked", "wrote", "writes", "explained", "continued", "noted", "replied", "insisted",
    "warned", "argued", "recalled", "observed", "answered", "concluded", "declared", "responded",
    "tweeted", "stated",
    // Present tense, as features write it ("…," agrees Ann Lee, 30).
    // Not the forms that are also nouns ("notes", "jokes") or take an
    // infinitive ("continues to lead").
    "agrees", "explains", "recalls", "concedes", "admits", "insists", "argues", "warns", "asks",
    "replies", "observes", "cautions", "concludes",
    // Manner-of-speaking verbs: they report words and invert after a
    // quotation ("…," shouted one protester).
    "shouted", "yelled", "screamed", "whispered", "exclaimed", "muttered", "pleaded", "scoffed",
    "mused", "interjected", "chanted", "proclaimed", "posted", "read", "reads", "opined",
    "reiterated", "bragged", "elaborated",
    // Only with "back" ("…," Lee shot back); `cues::verb_context` checks.
    "fired", "shot", "hit",
];

/// Reporting cues: speech, writing, belief and perception verbs, in their
/// finite forms. Base forms are accepted only where a subject precedes.
#[rustfmt::skip]
const PLAIN: &[&str] = &[
    "commented", "comments", "condemned", "condemns", "cited", "cites", "lauded", "touted",
    "derided", "mocked", "dubbed", "labeled", "branded", "characterized", "deemed", "recounted",
    "elaborated", "quipped", "retorted", "told", "say", "tell", "tells", "told", "state", "states",
    "add", "note", "notes", "warn", "warns", "insist", "insists", "argue", "argues", "claim",
    "claims", "claimed", "believe", "believes", "believed", "report", "reports", "reported",
    "announce", "announces", "announced", "explain", "explains", "write", "tweet", "tweets",
    "assert", "asserts", "asserted", "acknowledge", "acknowledges", "acknowledged", "admit",
    "admits", "admitted", "suggest", "suggests", "suggested", "predict", "predicts", "predicted",
    "recall", "recalls", "deny", "denies", "denied", "confirm", "confirms", "confirmed",
    "estimate", "estimates", "estimated", "find", "finds", "found", "show", "shows", "showed",
    "think", "thinks", "thought", "know", "knows", "knew", "feel", "feels", "felt", "hope",
    "hopes", "hoped", "expect", "expects", "expected", "promise", "promises", "promised", "vow",
    "vows", "vowed", "pledge", "pledges", "pledged", "threaten", "threatens", "threatened", "urge",
    "urges", "urged", "accuse", "accuses", "accused", "criticize", "criticizes", "criticized",
    "criticise", "criticised", "complain", "complains", "complained", "testify", "testifies",
    "testified", "ask", "asks", "reply", "replies", "respond", "responds", "conclude", "concludes",
    "declare", "declares", "maintain", "maintains", "maintained", "contend", "contends",
    "contended", "allege", "alleges", "alleged", "reveal", "reveals", "revealed", "disclose",
    "discloses", "disclosed", "indicate", "indicates", "indicated", "emphasize", "emphasizes",
    "emphasized", "emphasised", "stress", "stresses", "stressed", "pointed", "mention", "mentions",
    "mentioned", "observe", "observes", "remark", "remarks", "remarked", "agree", "agrees",
    "agreed", "concede", "concedes", "conceded", "countered", "boasted", "boasts", "joked",
    "lament", "laments", "lamented", "charged", "propose", "proposes", "proposed", "worry",
    "worries", "worried", "fear", "fears", "feared", "doubt", "doubts", "doubted", "demand",
    "demands", "demanded", "called", "calls", "described", "describes", "learned", "see", "sees",
    "saw", "blamed", "blames", "posted", "questioned", "questions", "signaled", "signalled",
    "hinted", "hints", "implied", "implies", "assured", "assures", "informed", "advised",
    "cautioned", "cautions", "reiterated", "reiterates", "disputed", "disputes", "recommended",
    "recommends", "acknowledge", "wonder", "wonders", "wondered", "assume", "assumes", "assumed",
    "suspect", "suspects", "suspected", "understand", "understands", "realized", "realizes",
    "recognized", "recognizes", "projected", "projects", "forecast", "forecasts", "calculated",
    "contend", "guaranteed", "swore", "swears", "announced", "decried", "praised", "welcomed",
    "rejected", "dismissed", "defended", "ruled", "noticed", "notices", "considered", "considers",
    "consider", "describe", "wants", "wanted", "want", "echo", "echoes", "echoed",
    "reference", "references", "referenced",
    "continues", "shouts", "yells", "screams", "whispers", "exclaims", "mutters", "pleads", "scoffs", "muses",
    "interjects", "chants", "proclaims", "clarified", "clarifies", "affirmed", "affirms",
    "reaffirmed", "reaffirms", "speculated", "speculates", "opined", "opines", "bragged", "brags",
    "griped", "grumbled", "texted", "emailed", "sang", "sings", "read", "reads", "quoted",
    "praises", "dismisses", "defends", "recounts", "touts", "characterizes", "advises", "deems",
    "mocks", "decries", "derides", "rejects", "defend", "dismiss", "tout", "point", "points",
    "talked", "talks", "spoke", "speaks", "repeated", "repeats", "quip", "quips",
];

/// Stances a source takes publicly ("Lee endorsed Park", "Lee declined to
/// comment", "Lee blasted the plan"), intentions and decisions with their
/// infinitive ("plans to", "decided to") and directives on an object ("a
/// judge ordered the release"): cues, but weaker ones than words reported.
/// Plain acts ("attacked", "issued", "ordered 500 more staff") are left
/// out: their subject does something rather than says it, and as a
/// speaker it would turn an edit of who acted into a `speaker_changed`.
#[rustfmt::skip]
const ACTS: &[&str] = &[
    "sought", "seeks", "opposed", "opposes", "supported", "endorsed", "endorses", "refused",
    "declined", "congratulated", "hailed", "applauded", "blasted", "blasts", "slammed", "slams",
    "backed", "rebuked", "expressed", "denounced", "voiced", "railed", "supports", "backs",
    "refuses", "denounces", "denounce", "oppose", "endorse", "seek", "plans", "intends",
    "decided", "ordered", "protested",
];

/// Words that may sit between a subject and its cue ("has also said").
#[rustfmt::skip]
const VERB_MODIFIERS: &[&str] = &[
    "together", "jointly", "also", "twice", "has", "have", "had", "would", "will", "later", "previously",
    "then", "once", "repeatedly", "recently", "publicly", "privately", "did", "does", "do", "not",
    "never", "could", "may", "might", "should", "must", "can", "still", "often", "long", "again",
    "further", "firmly", "initially", "falsely", "correctly", "wrongly", "flatly", "even",
    "already", "now", "just", "simply", "separately", "earlier", "frequently", "openly",
    "explicitly", "clearly", "reportedly", "allegedly", "strongly", "quickly", "immediately",
    "subsequently", "originally", "first", "only", "always", "personally", "directly", "angrily",
    "bluntly", "herself", "himself", "themselves", "itself", "too", "all", "both", "really",
    "actually", "certainly", "apparently", "seemingly", "ultimately", "eventually", "finally",
    "similarly", "likewise", "consistently", "routinely", "regularly", "formally", "officially",
    "doesn't", "didn't", "don't", "won't", "wouldn't", "hasn't", "haven't", "hadn't", "can't",
    "couldn't", "n't", "however", "meanwhile", "instead", "nevertheless", "nonetheless",
    "therefore", "ever", "no", "longer", "yet", "quietly", "rarely", "seldom", "hardly",
    "increasingly", "sometimes",
];

/// The most common speech cues; they win over weaker cues in a sentence.
#[rustfmt::skip]
const STRONG: &[&str] = &[
    "said", "says", "say", "told", "tells", "added", "wrote", "writes", "stated", "tweeted",
    "asked", "explained", "insisted", "argued", "warned", "noted", "reported", "announced",
    "claimed", "replied", "continued", "testified", "declared", "responded", "acknowledged",
];

/// Bare base forms: a cue only after a plural, a name or an auxiliary.
#[rustfmt::skip]
const BASE_FORMS: &[&str] = &[
    "say", "tell", "state", "add", "note", "warn", "insist", "argue", "claim", "believe", "report",
    "announce", "explain", "write", "tweet", "assert", "acknowledge", "admit", "suggest",
    "predict", "recall", "deny", "confirm", "estimate", "find", "show", "think", "know", "feel",
    "hope", "expect", "promise", "vow", "pledge", "threaten", "urge", "accuse", "criticize",
    "criticise", "complain", "testify", "ask", "reply", "respond", "conclude", "declare",
    "maintain", "contend", "allege", "reveal", "disclose", "indicate", "emphasize", "stress",
    "mention", "observe", "remark", "agree", "concede", "lament", "propose", "worry", "fear",
    "doubt", "demand", "see", "recommend", "wonder", "assume", "suspect", "understand", "consider",
    "describe", "want", "forecast", "project", "echo", "reference", "defend", "dismiss", "tout",
    "denounce", "oppose", "endorse", "seek", "point", "quip",
];

/// "-s" forms that are also plural nouns ("his claims", "new reports").
#[rustfmt::skip]
const NOUN_HOMOGRAPHS: &[&str] = &[
    "comments", "cites", "condemns", "reports", "claims", "notes", "states", "tweets", "estimates",
    "shows", "finds", "hopes", "fears", "doubts", "demands", "remarks", "pledges", "vows",
    "promises", "recalls", "laments", "stresses", "disputes", "forecasts", "projects", "questions",
    "calls", "hints", "cautions", "wonders", "wants", "sees", "considers", "urges", "charges",
    "concerns", "describes", "worries", "echoes",
    "references", "shouts", "screams", "whispers", "chants", "points", "talks",
];

/// Words before a noun that mark it as a noun ("recent reports").
#[rustfmt::skip]
const ADJECTIVE_LIKE: &[&str] = &[
    "new", "recent", "latest", "false", "previous", "earlier", "many", "numerous", "multiple",
    "similar", "initial", "official", "media", "news", "press", "public", "private", "unconfirmed",
    "conflicting", "early", "late", "first", "last", "own", "repeated", "angry", "several",
    "other", "such", "same", "these", "those", "all", "more", "most", "further", "unfounded",
    "baseless", "widespread", "frequent", "separate", "opinion", "poll", "polls",
];

/// Participles that attach speech to the main subject (", saying …").
#[rustfmt::skip]
const PARTICIPLE_CUES: &[&str] = &[
    "saying", "adding", "noting", "arguing", "insisting", "warning", "claiming", "writing",
    "explaining", "telling", "calling", "asserting", "stressing", "suggesting", "declaring",
    "accusing", "urging", "promising", "vowing", "predicting", "acknowledging", "admitting",
    "denying", "complaining", "tweeting", "stating", "criticizing", "questioning", "dismissing",
    "refusing", "announcing", "pointing", "describing", "citing", "praising", "blasting",
    "slamming", "defending", "mocking", "touting", "demanding", "asking", "recalling",
    "repeating", "echoing", "pledging", "joking", "alleging", "revealing", "emphasizing",
    "contending", "conceding", "reiterating", "confirming", "cautioning", "hinting", "lamenting",
    "boasting", "recounting", "hoping",
    // Manner of speaking and replies (", shouting …", ", remarking …").
    "shouting", "yelling", "screaming", "chanting", "whispering", "exclaiming", "proclaiming",
    "remarking", "observing", "responding", "replying", "answering", "reasoning", "concluding",
    "informing", "advising", "reminding", "wondering", "implying", "blaming", "crediting",
    "reporting",
];

/// Participles of belief and stance cues (", fearing …", "is seeking
/// …"): like [`PARTICIPLE_CUES`], but a name right before one is what
/// it modifies ("the Super PAC backing Lowe"), not its speaker.
#[rustfmt::skip]
const STANCE_PARTICIPLES: &[&str] = &[
    "seeking", "fearing", "believing", "expecting", "wondering", "decrying", "proposing",
    "hailing", "expressing", "congratulating", "endorsing", "rejecting", "applauding",
    "backing", "supporting", "threatening", "welcoming",
];

/// Words naming a time ("in April", "on Tuesday", "last week").
#[rustfmt::skip]
const DATE_WORDS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "week", "month", "year", "weekend", "morning", "afternoon", "evening",
    "night", "spring", "summer", "fall", "autumn", "winter", "today", "yesterday", "time",
];

/// Adjectives of belief and feeling that report a stance before "that"
/// ("were incensed that", "is confident that").
#[rustfmt::skip]
const FEELINGS: &[&str] = &[
    "incensed", "worried", "concerned", "convinced", "confident", "sure", "certain", "angry",
    "upset", "frustrated", "furious", "adamant", "hopeful", "optimistic", "pessimistic",
    "skeptical", "sceptical", "aware", "afraid", "fearful", "outraged", "alarmed",
    "disappointed", "pleased", "happy", "glad", "unhappy", "troubled", "surprised", "shocked",
    "persuaded", "satisfied", "insistent", "doubtful", "unconvinced",
];

/// Conjunctions that open a subordinate clause.
const SUBORDINATORS: &[&str] = &[
    "when", "if", "because", "after", "before", "as", "while", "since", "although", "though",
    "unless", "until", "whether", "once", "whenever", "where", "whereas",
];

/// Prepositions that open an introductory phrase ("During the debate, …").
#[rustfmt::skip]
const INTRO_PREPOSITIONS: &[&str] = &[
    "during", "in", "on", "at", "after", "before", "following", "despite", "since", "with",
    "without", "for", "from", "by", "amid", "speaking", "asked", "earlier", "later", "last",
    "like", "unlike", "as", "while", "when", "once", "under", "over", "through",
    // "Along with her husband, …, she has given …".
    "along", "alongside", "among", "amongst", "against", "besides", "beyond", "throughout",
    "across", "toward", "towards", "within", "upon", "regarding",
];

/// Words that name organisations and documents, not people.
#[rustfmt::skip]
const ORGANISATION_WORDS: &[&str] = &[
    "commission", "committee", "council", "survey", "department", "ministry", "times", "post",
    "news", "journal", "party", "house", "court", "bureau", "agency", "institute", "university",
    "center", "centre", "campaign", "office", "administration", "service", "association", "union",
    "group", "foundation", "fund", "bank", "company", "corp", "inc", "report", "study", "poll",
    "data", "police", "government", "kremlin", "pentagon", "congress", "senate", "board",
    "network", "magazine", "press", "reuters", "tribune", "herald", "daily", "cnn", "fbi", "cia",
    "nato", "un", "imf", "statistics", "guardian", "review", "organization", "organisation",
    "council", "authority", "police", "army", "navy", "force", "forces", "ministry", "embassy",
    "republicans", "democrats", "officials", "sources", "experts", "analysts", "politifact",
    "show", "program", "programme", "website", "channel", "pac", "firm", "coalition",
];

const DETERMINERS: &[&str] = &[
    "a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those",
    "another", "any", "no", "such", "every", "each", "some", "many", "several", "most", "few",
    "other", "both", "either", "neither", "whose",
];

/// Words that end a subject noun phrase when scanning backwards.
#[rustfmt::skip]
const BOUNDARIES: &[&str] = &[
    "which", "who", "that", "and", "but", "because", "while", "when", "as", "if", "so", "where",
    "after", "before", "since", "although", "though", "what", "how", "why", "whom", "than", "or",
    "nor", "then", "yet", "in", "on", "during", "into", "over", "under", "about", "also",
    "meanwhile", "however", "still", "instead", "moreover", "indeed", "later", "earlier", "now",
    "today", "yesterday", "tonight", "until", "unless", "whether", "whereas", "once", "thus",
    "hence", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will",
    "would", "can", "could", "should", "may", "might", "must", "not", "to", "do", "does", "did",
    "by", "through", "against", "between", "like", "unlike", "despite", "amid", "among", "without",
    "within", "upon", "toward", "towards", "last", "next", "here", "there", "even", "just", "only",
    "too", "very", "said", "says", "say", "told", "tells", "asked",
];

/// Prepositions that join a noun phrase across a determiner ("the head
/// of the agency").
const NP_PREPOSITIONS: &[&str] = &["of", "for", "at", "from", "with"];

/// Role nouns that name someone by whom they serve, with "to": "an aide
/// to the mayor", "an adviser to Lee", "the envoy to Kyiv".
const ATTACHED_ROLES: &[&str] = &[
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "assistant",
    "assistants",
    "counsel",
    "consultant",
    "consultants",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "deputy",
    "successor",
    "envoy",
    "ambassador",
    "secretary",
    "confidant",
    "confidante",
];

/// Words that end a speaker phrase read forwards ("said Ryabkov, who …").
#[rustfmt::skip]
const AFTER_STOP: &[&str] = &[
    "that", "who", "which", "in", "on", "during", "when", "after", "before", "while", "because",
    "adding", "told", "according", "familiar", "speaking", "as", "but", "and", "saying", "if",
    "said", "says", "is", "was", "were", "are", "has", "had", "have", "will", "would", "to",
    "citing", "referring", "noting", "through", "via", "over", "about", "via", "where", "whether", "why", "how",
];

#[rustfmt::skip]
const TIME_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
    "today", "tonight", "earlier", "later", "last", "this", "recently", "previously", "then",
    "now", "again", "once", "repeatedly", "on", "in", "at", "that",
];

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "one",
];

/// Heads that are never speakers.
#[rustfmt::skip]
const NOT_SPEAKERS: &[&str] = &[
    "having", "there", "this", "that", "which", "what", "where", "when", "how", "why", "here",
    "also", "it's", "is", "are", "was", "were", "be", "been", "have", "has", "had", "not", "to",
    "and", "or", "but", "so", "if", "as", "than", "then", "too", "very", "all", "both", "each",
    "nothing", "something", "anything", "everything", "someone", "anyone", "nobody", "somebody",
    "reason", "time", "way", "year", "years", "day", "days", "week", "weeks", "month", "months",
    "times", "thing", "things", "fact", "point", "number", "lot",
];

const PASSIVE_AUX: &[&str] = &[
    "was", "were", "is", "are", "be", "been", "being", "am", "get", "got", "gets", "getting",
];

/// The lists in bit order: list `k` is bit `k` of [`classes`].
const LISTS: &[&[&str]] = &[
    INVERTING,
    PLAIN,
    VERB_MODIFIERS,
    DETERMINERS,
    BOUNDARIES,
    NP_PREPOSITIONS,
    AFTER_STOP,
    TIME_WORDS,
    PRONOUNS,
    NOT_SPEAKERS,
    PASSIVE_AUX,
    PARTICIPLE_CUES,
    INTRO_PREPOSITIONS,
    ORGANISATION_WORDS,
    STRONG,
    BASE_FORMS,
    NOUN_HOMOGRAPHS,
    ADJECTIVE_LIKE,
    SUBORDINATORS,
    DATE_WORDS,
    FEELINGS,
    ATTACHED_ROLES,
    ACTS,
    STANCE_PARTICIPLES,
];

static TABLE: LazyLock<Table> = LazyLock::new(|| Table::build(LISTS));

/// The bit set of lists `word` belongs to (0 for none). No pre-filter:
/// most words asked about are in some list, so it would only add a probe.
#[inline]
pub fn classes(word: &str) -> u32 {
    TABLE.get(word)
}

macro_rules! member {
    ($fn:ident, $bit:expr) => {
        #[inline]
        pub fn $fn(word: &str) -> bool {
            classes(word) & (1 << $bit) != 0
        }
    };
}

member!(is_inverting, 0);
member!(is_plain_cue, 1);
member!(is_verb_modifier, 2);
member!(is_determiner, 3);
member!(is_boundary, 4);
member!(is_np_preposition, 5);
member!(is_after_stop, 6);
member!(is_time_word, 7);
member!(is_pronoun, 8);
member!(is_not_speaker, 9);
member!(is_passive_aux, 10);
member!(is_intro_preposition, 12);
member!(is_organisation_word, 13);
member!(is_strong_cue, 14);
member!(is_base_form, 15);
member!(is_noun_homograph, 16);
member!(is_adjective_word, 17);
member!(is_subordinator, 18);
member!(is_date_word, 19);
member!(is_feeling, 20);
member!(is_attached_role, 21);
member!(is_act_cue, 22);
member!(is_stance_participle, 23);

/// A participle that attaches a cue to the main subject: of speech
/// (", saying …") or of a stance (", fearing …").
#[inline]
pub fn is_participle_cue(word: &str) -> bool {
    classes(word) & PARTICIPLE_BITS != 0
}

/// The lists of participle cues: of speech (bit 11) and of a stance (23).
const PARTICIPLE_BITS: u32 = 1 << 11 | 1 << 23;

/// The lists of cue words: inverting, plain, participles and acts.
const CUE_BITS: u32 = 1 | 2 | PARTICIPLE_BITS | 1 << 22;

/// True for a word that usually modifies a noun: an adjective from the
/// list or one with an adjective suffix.
pub fn is_adjective_like(word: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "al", "ive", "ous", "ic", "ful", "ed", "ing", "ent", "ant", "ary", "ory",
    ];
    is_adjective_word(word) || (word.len() > 4 && SUFFIXES.iter().any(|s| word.ends_with(s)))
}

/// A weekday or a day said relative to today ("Thursday", "yesterday"):
/// when something was said, never who said it.
pub fn is_day(word: &str) -> bool {
    matches!(
        word,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "yesterday"
            | "today"
            | "tonight"
    )
}

/// The word before a contraction's apostrophe ("he's" → "he"), or the
/// word itself: tokens are lower-cased with typographic apostrophes folded.
pub fn contraction_stem(word: &str) -> &str {
    word.split_once('\'').map_or(word, |(stem, _)| stem)
}

/// An adverb that may stand on an opening subordinator ("Ever since …",
/// "Shortly after …").
pub fn is_subordinator_adverb(word: &str) -> bool {
    matches!(word, "ever" | "even" | "just" | "shortly" | "long" | "soon")
}

/// A common irregular past tense ("left", "took", "put"): a verb after a
/// subject that no "-ed" shows ("The council members left the hall, saying
/// …", "Clinton put her faith in …"). Not in the look-up table, whose
/// "on no list" answer other checks read as a plain word.
#[rustfmt::skip]
pub fn is_irregular_past(word: &str) -> bool {
    matches!(
        word,
        "left" | "quit" | "went" | "came" | "took" | "made" | "gave" | "held" | "met" | "ran"
            | "won" | "sent" | "spent" | "led" | "began" | "brought" | "kept" | "stood" | "sat"
            | "fought" | "paid" | "built" | "threw" | "broke" | "chose" | "drove" | "fell"
            | "grew" | "rose" | "got" | "became" | "wore" | "put" | "set" | "cut" | "hit"
            | "let" | "saw" | "heard" | "lost" | "meant" | "sold" | "bought" | "taught"
            | "caught" | "struck" | "drew" | "flew" | "hung" | "shut" | "spread" | "bore"
            | "beat" | "forgot" | "hid" | "rode" | "shook" | "stole" | "tore" | "withdrew"
            | "overcame" | "undertook" | "oversaw"
    )
}

/// "close to", "familiar with", "briefed on": what ties people to a matter
/// they speak about ("sources close to the mayor", "people familiar with
/// the talks").
pub fn is_close_to(first: &str, second: &str) -> bool {
    matches!(
        (first, second),
        ("close", "to") | ("familiar", "with") | ("briefed", "on") | ("involved", "in")
    )
}

/// True when a word could open an attribution (a cue, a participle cue or
/// "according"): one look-up for the common case of an ordinary word.
pub fn may_cue(word: &str) -> bool {
    cue_filter_hit(word) && (word == "according" || classes(word) & CUE_BITS != 0)
}

/// Like [`may_cue`], also true for a stance adjective ("incensed"); the
/// common word costs only the filter probe.
pub fn may_cue_or_feeling(word: &str) -> bool {
    cue_filter_hit(word) && (word == "according" || classes(word) & (CUE_BITS | 1 << 20) != 0)
}

/// The cue words' filter: most words of a sentence are rejected without
/// hashing them.
static CUE_FILTER: Filter = Filter::of(&[
    INVERTING,
    PLAIN,
    ACTS,
    PARTICIPLE_CUES,
    STANCE_PARTICIPLES,
    FEELINGS,
    &["according"],
]);

fn cue_filter_hit(word: &str) -> bool {
    CUE_FILTER.may_hold(word)
}

/// The cue class of a lower-cased word, if it is a reporting cue.
pub fn cue(word: &str) -> Option<CueClass> {
    if is_inverting(word) {
        Some(CueClass::Inverting)
    } else if is_plain_cue(word) || is_act_cue(word) {
        Some(CueClass::Plain)
    } else {
        None
    }
}

/// Lower-cases an ASCII word (curly apostrophe folded to straight) into
/// `buf`; "" for anything longer or not ASCII. Shared by the entity and
/// polarity scans, which look words up in lower-case tables.
#[inline]
pub(super) fn lower_word<'b>(w: &'b str, buf: &'b mut [u8; 24]) -> &'b str {
    // Most words are already lower-case ASCII: no copy, no call.
    if w.len() <= buf.len() && w.bytes().all(|c| c.is_ascii_lowercase() || c == b'\'') {
        return w;
    }
    lower_word_copy(w, buf)
}

#[inline(never)]
fn lower_word_copy<'b>(w: &'b str, buf: &'b mut [u8; 24]) -> &'b str {
    // ASCII: a plain byte copy.
    if w.len() <= buf.len() && w.is_ascii() {
        for (d, c) in buf.iter_mut().zip(w.bytes()) {
            *d = c.to_ascii_lowercase();
        }
        return std::str::from_utf8(&buf[..w.len()]).unwrap_or("");
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

/// ASCII letters and digits by byte, for the word loops of entities and
/// polarity: one load per byte.
pub(super) const ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 128 {
        t[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    t
};

#[cfg(test)]
mod tests;
