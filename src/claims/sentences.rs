//! Sentence splitting for claim extraction: `sentencex` plus a thin
//! post-pass that re-joins its rare wrong splits (open quotations, titles
//! and initials, a lower-case continuation); scripts written without
//! spaces between words (Chinese, Japanese) are split at their own full
//! stops (。！？). Also the shape tests of a sentence that has no closing
//! full stop: a CJK sentence, or a full sentence written without one.

/// Splits one block of body text into trimmed sentences, keeping a
/// quotation that spans several sentences in one piece.
pub fn split(text: &str) -> Vec<&str> {
    if has_cjk_stop(text) {
        return split_cjk(text);
    }
    // One sentence when no stop, question or exclamation mark comes before
    // the last few characters: no need to run the segmenter.
    let trimmed = text.trim();
    let body_end = trimmed.len().saturating_sub(4);
    let body = trimmed.get(..body_end).unwrap_or(trimmed);
    // Bytes: the four are ASCII, which in UTF-8 stand only for themselves.
    if !body
        .bytes()
        .any(|b| matches!(b, b'.' | b'!' | b'?' | b'\n'))
    {
        return if trimmed.is_empty() {
            Vec::new()
        } else {
            vec![trimmed]
        };
    }
    if cannot_split(text, trimmed) {
        return vec![trimmed];
    }
    split_segmented(text)
}

/// [`split`] by the segmenter and the post-pass.
fn split_segmented(text: &str) -> Vec<&str> {
    // Sub-slices of `text`; `last_start` is where the last one starts.
    let mut out: Vec<&str> = Vec::with_capacity(4);
    let mut last_start = 0;
    // Quote counts of the last sentence and where the last closing quote
    // sits, kept incrementally: rescanning the growing sentence on every
    // join was quadratic on a long paragraph of lower-case continuations.
    let mut quotes = Quotes::default();
    let last_close = super::quotes::last_double_quote(text);
    let base = text.as_ptr() as usize;
    for seg in segment(text) {
        let seg = seg.trim();
        if seg.is_empty() {
            continue;
        }
        // sentencex hands back sub-slices of `text`; fall back to a search
        // if it ever allocates.
        let start = match (seg.as_ptr() as usize).checked_sub(base) {
            Some(s) if s + seg.len() <= text.len() && text.get(s..s + seg.len()) == Some(seg) => s,
            _ => {
                let from = out.last().map_or(0, |l| last_start + l.len());
                match text.get(from..).and_then(|rest| rest.find(seg)) {
                    Some(p) => from + p,
                    None => continue,
                }
            }
        };
        let end = start + seg.len();
        if let Some(last) = out.last_mut() {
            let last_end = last_start + last.len();
            if should_join(
                last,
                seg,
                quotes.open(),
                last_close.is_some_and(|q| q >= last_end),
            ) {
                // "Sen. Ada Fox, D-S.C. "We will …"": the state's last
                // letter closes the sentence and the quotation opens the
                // next one.
                if let Some(cut) = state_before_quote(last, seg) {
                    *last = &text[last_start..start + cut];
                    let rest = seg[cut..].trim_start();
                    let rest_start = end - rest.len();
                    quotes = Quotes::default();
                    quotes.add(rest);
                    out.push(rest);
                    last_start = rest_start;
                    continue;
                }
                quotes.add(text.get(last_end..end).unwrap_or_default());
                *last = &text[last_start..end];
                continue;
            }
        }
        quotes = Quotes::default();
        quotes.add(seg);
        out.push(&text[start..end]);
        last_start = start;
    }
    out
}

/// Where a state's last letter ends a sentence before a quotation: `prev`
/// ends with a party and the state's first letter ("D-S."), `next` opens
/// with the other letter and a quotation of a capitalised sentence
/// ("C. \"We …"). The byte length of "C." in `next`.
fn state_before_quote(prev: &str, next: &str) -> Option<usize> {
    let last = prev.split_whitespace().next_back()?;
    let (_, letter) = last.strip_suffix('.')?.rsplit_once('-')?;
    let b = next.as_bytes();
    let party_letter = letter.len() == 1 && letter.bytes().all(|c| c.is_ascii_uppercase());
    let state_letter = b.len() > 4 && b[0].is_ascii_uppercase() && b[1] == b'.' && b[2] == b' ';
    if !party_letter || !state_letter {
        return None;
    }
    let rest = &next[3..];
    let quoted = rest
        .strip_prefix('"')
        .or_else(|| rest.strip_prefix('\u{201C}'))?;
    quoted.starts_with(char::is_uppercase).then_some(2)
}

/// True when the segmenter could only end a sentence in the closing run of
/// `trimmed` (its stops and the quote marks after them), so [`split`] would
/// give back `trimmed` whole: one ASCII line (the segmenter's ASCII path; no
/// paragraph break or list line), short enough for one call, whose every
/// other stop is followed straight away by a lower-case letter or a digit
/// ("1.2", "a.m", "Yahoo!s"), which the segmenter never splits at. A piece
/// cut after the closing stop holds only quote marks, and is joined back.
fn cannot_split(text: &str, trimmed: &str) -> bool {
    let b = trimmed.as_bytes();
    let mut end = b.len();
    while end > 0 && matches!(b[end - 1], b'"' | b'\'') {
        end -= 1;
    }
    while end > 0 && matches!(b[end - 1], b'.' | b'!' | b'?') {
        end -= 1;
    }
    // memchr to the few stops; most paragraphs fail at the first one. The
    // byte after a stop before `end` is in `b` (the closing run's first
    // byte for the last one, which is no letter or digit).
    memchr::memchr3_iter(b'.', b'!', b'?', &b[..end])
        .all(|i| matches!(b.get(i + 1), Some(b'a'..=b'z' | b'0'..=b'9')))
        && text.len() <= SEGMENT_CHUNK
        && text.is_ascii()
        && !text.as_bytes().contains(&b'\n')
}

/// Longest text handed to the English segmenter in one call (see [`segment`]).
const SEGMENT_CHUNK: usize = 10 * 1024;

/// Sentence stops of scripts written without spaces: the ideographic full
/// stop and the full-width stop, exclamation and question marks.
const CJK_STOPS: [char; 4] = ['\u{3002}', '\u{FF0E}', '\u{FF01}', '\u{FF1F}'];

/// Brackets and quotation marks that open (and close) a quotation or an
/// aside in CJK text: 「」『』（）【】〈〉《》.
const CJK_OPENERS: [char; 6] = [
    '\u{300C}', '\u{300E}', '\u{FF08}', '\u{3010}', '\u{3008}', '\u{300A}',
];
const CJK_CLOSERS: [char; 6] = [
    '\u{300D}', '\u{300F}', '\u{FF09}', '\u{3011}', '\u{3009}', '\u{300B}',
];

/// True for a character of a script written without spaces between words:
/// kana, CJK ideographs, half-width katakana.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF66}'..='\u{FF9F}')
}

/// True when `text` holds a CJK sentence stop. Its three-byte UTF-8 forms
/// start with 0xE3 (。) or 0xEF (the full-width ones), so most text is
/// answered by a byte scan.
fn has_cjk_stop(text: &str) -> bool {
    // Most paragraphs are ASCII (checked a word at a time); the others
    // are searched for the two lead bytes with memchr.
    let b = text.as_bytes();
    if text.is_ascii() || !(b.contains(&0xE3) || b.contains(&0xEF)) {
        return false;
    }
    text.contains(CJK_STOPS)
}

/// Splits CJK text after each sentence stop (with the closing marks that
/// follow it), except inside a quotation or bracket (「…。」と述べた。 is
/// one sentence).
fn split_cjk(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0usize;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if CJK_OPENERS.contains(&c) {
            depth += 1;
        } else if CJK_CLOSERS.contains(&c) {
            depth = depth.saturating_sub(1);
        } else if CJK_STOPS.contains(&c) && depth == 0 {
            let mut end = i + c.len_utf8();
            // Stops repeated ("！？") and closing marks stay with it.
            while let Some(&(j, d)) = chars.peek() {
                if CJK_STOPS.contains(&d) || CJK_CLOSERS.contains(&d) || matches!(d, '"' | ')') {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let piece = text[start..end].trim();
            if !piece.is_empty() {
                out.push(piece);
            }
            start = end;
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// Fewest CJK characters of a sentence that is a claim (a short
/// exclamation like 「迷惑！」 is not).
const CJK_MIN_CHARS: usize = 6;
/// Fewest words of a full sentence written without a closing stop (a
/// list item, a line of a page that drops its stops); shorter ones are
/// labels and headings.
const UNSTOPPED_MIN_WORDS: usize = 8;

/// Whether a sentence's shape already settles that it asserts something,
/// where the full-stop rule cannot: `Some(true)` for a CJK sentence ending
/// in 。 or ！ and for a full sentence that only lacks its closing stop;
/// `Some(false)` for a CJK question or fragment; `None` to let the usual
/// rule (closing `.`/`!` and three words) decide.
pub fn shape_verdict(text: &str) -> Option<bool> {
    let text = text.trim();
    let end = text.trim_end_matches(|c: char| {
        CJK_CLOSERS.contains(&c) || matches!(c, '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}')
    });
    let last = end.chars().next_back()?;
    if CJK_STOPS.contains(&last) {
        let cjk = text.chars().filter(|&c| is_cjk(c)).count();
        return Some(last != '\u{FF1F}' && cjk >= CJK_MIN_CHARS);
    }
    if matches!(last, '.' | '!') {
        return None;
    }
    if text.chars().any(is_cjk) {
        // CJK text without its stop: a heading or a caption.
        return Some(false);
    }
    // A line ending in a bracket ("… (Photo: Agency)") is a caption.
    (!text.ends_with(')') && unstopped_sentence(end)).then_some(true)
}

/// Links, handles and "Teaser: headline" or "Section | Site" separators:
/// marks of furniture in a line that has no closing stop.
pub(super) fn link_or_label(text: &str) -> bool {
    text.contains("http") || text.contains("www.") || text.contains(['@', '#', '|', ':'])
}

/// True for a bracketed tag in capitals ("[VIDEO]", "[PICS]"), as teaser
/// headlines carry.
fn has_caps_tag(s: &str) -> bool {
    s.split('[').skip(1).any(|rest| {
        rest.split_once(']').is_some_and(|(tag, _)| {
            tag.chars().any(char::is_alphabetic)
                && tag
                    .chars()
                    .all(|c| c.is_uppercase() || c == ' ' || c == '-')
        })
    })
}

/// A full sentence that only lacks its closing stop: it ends on a word,
/// has at least [`UNSTOPPED_MIN_WORDS`] words, starts with a capital and
/// is written in sentence case (a title-case line is a heading), and holds
/// no link or list-like separators.
fn unstopped_sentence(end: &str) -> bool {
    let Some(last) = end.chars().next_back() else {
        return false;
    };
    if !last.is_alphanumeric() || !end.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    if link_or_label(end) {
        return false;
    }
    // A single-quoted quotation is headline style ("Man 'jumped from
    // bridge'"); prose quotes with double marks.
    if has_caps_tag(end) || end.contains(" '") {
        return false;
    }
    let mut words = 0usize;
    let mut capitalised = 0usize;
    for w in end.split_whitespace().skip(1) {
        let Some(c) = w.chars().find(|c| c.is_alphanumeric()) else {
            continue;
        };
        words += 1;
        if c.is_uppercase() {
            capitalised += 1;
        }
    }
    // The first word is not counted above.
    words + 1 >= UNSTOPPED_MIN_WORDS && capitalised * 2 < words
}

/// `sentencex::segment("en", text)` without its per-call language look-up
/// (a boxed segmenter and a hash set): it hands text up to 10 KB straight
/// to the English segmenter and chunks longer text, so longer text still
/// takes the crate's own path.
fn segment(text: &str) -> Vec<&str> {
    use sentencex::languages::Language;
    let segs = if text.len() > SEGMENT_CHUNK {
        sentencex::segment("en", text)
    } else {
        sentencex::languages::English {}.segment(text)
    };
    // One pass; a new vector only once a segment has to be cut.
    let mut out: Option<Vec<&str>> = None;
    for (i, &seg) in segs.iter().enumerate() {
        let Some(mut at) = stop_before_quote(seg).or_else(|| aside_sentence_end(seg)) else {
            if let Some(o) = out.as_mut() {
                o.push(seg);
            }
            continue;
        };
        let o = out.get_or_insert_with(|| segs[..i].to_vec());
        let mut rest = seg;
        loop {
            o.push(&rest[..at]);
            rest = &rest[at..];
            match stop_before_quote(rest) {
                Some(next) => at = next,
                None => break,
            }
        }
        o.push(rest);
    }
    out.unwrap_or(segs)
}

/// Where a quotation opens a new sentence after a word sentencex took for
/// an abbreviation ("… hired by May. \"It is …\"": "may." is one to it,
/// so it never splits there before a quote mark, though it does before a
/// capital). Our own list of words that never end a sentence ("Sen.",
/// initials) still keeps its quotation ("Sen. \"Bo\" Hale").
fn stop_before_quote(seg: &str) -> Option<usize> {
    let b = seg.as_bytes();
    // Look at each quote mark ('"' or the lead byte of '“') for ". " before
    // it; memchr jumps between them (most segments hold none).
    for q in memchr::memchr2_iter(b'"', 0xE2, b).filter(|&q| q >= 2) {
        let c = b[q];
        let opening = c == b'"' || c == 0xE2 && b.get(q + 1..q + 3) == Some(&[0x80, 0x9C]);
        if !opening || b[q - 1] != b' ' || b[q - 2] != b'.' {
            continue;
        }
        let mark = if c == b'"' { 1 } else { 3 };
        let capital = seg[q + mark..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if capital && !ends_with_abbreviation(&seg[..q - 1], false) {
            return Some(q);
        }
    }
    None
}

/// Where a sentence in brackets that opens the segment ends, when another
/// sentence follows it ("(He apologized last year.) But Lee said …"):
/// sentencex does not end a sentence at a stop inside a closing bracket.
/// Just past the bracket.
fn aside_sentence_end(seg: &str) -> Option<usize> {
    let rest = seg.strip_prefix('(')?;
    if !rest.starts_with(|c: char| c.is_uppercase() || c == '"' || c == '\u{201C}') {
        return None;
    }
    let close = 1 + rest.find(')')?;
    // A nested or second bracket is left alone.
    if seg[1..close].contains('(') || !seg[..close].ends_with(['.', '!', '?']) {
        return None;
    }
    let after = &seg[close + 1..];
    let next = after.trim_start();
    let spaced = after.len() > next.len();
    let capital = next
        .trim_start_matches(['"', '\u{201C}'])
        .starts_with(char::is_uppercase);
    (spaced && capital).then_some(close + 1)
}

/// True when `next` continues `prev` rather than starting a sentence;
/// `open` says whether `prev` leaves a quotation open, `closes_later`
/// whether a closing quote follows `prev` in the paragraph.
fn should_join(prev: &str, next: &str, open: bool, closes_later: bool) -> bool {
    // Inside an open quotation that closes later in the paragraph, or that
    // opens the paragraph and runs on into the next one.
    if open && (closes_later || prev.starts_with(['"', '\u{201C}'])) {
        return true;
    }
    let first = next
        .chars()
        .find(|c| !matches!(c, '"' | '\'' | '(' | '\u{201C}' | '\u{2018}'));
    match first {
        Some(c) if c.is_lowercase() => return true,
        Some(c) if c.is_ascii_digit() && ends_with_abbreviation(prev, true) => return true,
        None => return true,
        _ => {}
    }
    ends_with_abbreviation(prev, false)
        || clock_time_goes_on(prev, next)
        || question_then_speaker(prev, next)
}

/// "''Is it safe?'' Mr. Lowe asked.": a question or exclamation closed by
/// doubled single quotes (which the segmenter does not read as a
/// quotation) and followed by a capitalised name and its cue is one
/// sentence.
fn question_then_speaker(prev: &str, next: &str) -> bool {
    let closed = ["?''", "!''", "?\u{2019}\u{2019}", "!\u{2019}\u{2019}"];
    if !closed.iter().any(|c| prev.ends_with(c)) {
        return false;
    }
    let mut buf = [0u8; 24];
    for (k, word) in next.split_whitespace().take(5).enumerate() {
        let bare = word.trim_end_matches([',', '.']);
        if k > 0 && super::lexicon::is_strong_cue(super::lexicon::lower_word(bare, &mut buf)) {
            return true;
        }
        if !bare.starts_with(char::is_uppercase) {
            return false;
        }
    }
    false
}

/// "The fire started at 3 a.m. Sunday.": the splitter ends a sentence at
/// "a.m." before any capital, but a weekday, a month or a time zone after a
/// clock time belongs to it.
fn clock_time_goes_on(prev: &str, next: &str) -> bool {
    let Some(last) = prev.split_whitespace().next_back() else {
        return false;
    };
    if !["a.m.", "p.m."]
        .iter()
        .any(|t| last.eq_ignore_ascii_case(t))
    {
        return false;
    }
    let word = next.split_whitespace().next().unwrap_or_default();
    let stop = word.ends_with('.');
    let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    word.len() <= 9 && crate::article::dates::follows_clock_time(&word.to_ascii_lowercase(), stop)
}

/// Running quote counts of a piece of text.
#[derive(Debug, Default, Clone, Copy)]
struct Quotes {
    straight: usize,
    depth: isize,
}

impl Quotes {
    fn add(&mut self, s: &str) {
        // Bytes, not chars: '"' is ASCII and U+201C/U+201D are E2 80 9C/9D,
        // whose lead byte only ever starts a character.
        // Straight quotes are counted in a pass that vectorises; curly ones
        // are looked for only where their lead byte occurs.
        let b = s.as_bytes();
        self.straight += count_byte(b, b'"');
        if memchr::memchr(0xE2, b).is_none() {
            return;
        }
        for (i, _) in b.iter().enumerate().filter(|&(_, &c)| c == 0xE2) {
            if b.get(i + 1) == Some(&0x80) {
                match b.get(i + 2) {
                    Some(0x9C) => self.depth += 1,
                    Some(0x9D) => self.depth -= 1,
                    _ => {}
                }
            }
        }
    }

    fn open(&self) -> bool {
        self.straight % 2 == 1 || self.depth > 0
    }
}

/// How many bytes of `b` are `x`: 16 bytes at a time as fixed-size
/// arrays (compared and summed in vector registers), then the last few one
/// by one. A plain filter-and-count spent most of its time in the
/// byte-at-a-time tail on sentence-sized slices.
fn count_byte(b: &[u8], x: u8) -> usize {
    let mut chunks = b.chunks_exact(16);
    let mut n = 0;
    for chunk in &mut chunks {
        if let Ok(block) = <&[u8; 16]>::try_from(chunk) {
            // At most 16: no overflow in a u8.
            let hits: u8 = block.iter().map(|&c| u8::from(c == x)).sum();
            n += usize::from(hits);
        }
    }
    n + chunks.remainder().iter().filter(|&&c| c == x).count()
}

/// True when `s` has an odd number of straight double quotes, or more
/// opening than closing curly ones.
pub fn quote_open(s: &str) -> bool {
    let mut q = Quotes::default();
    q.add(s);
    q.open()
}

/// True when the last word of `prev` is a title, an initial or an
/// abbreviation that never ends a sentence ("Sen.", "J.", "Lt.", "No.").
/// With `before_digit`, also abbreviations that precede numbers.
fn ends_with_abbreviation(prev: &str, before_digit: bool) -> bool {
    let Some(word) = prev.split_whitespace().next_back() else {
        return false;
    };
    let word = word.trim_start_matches(['"', '(', '\u{201C}']);
    let Some(stem) = word.strip_suffix('.') else {
        return false;
    };
    // A single capital letter: an initial ("J. R. Allen"), or the first
    // letter of a state after a party ("Sen. Ann Lee, R-N.H., said").
    let stem = stem.rsplit_once('-').map_or(stem, |(_, after)| after);
    let mut chars = stem.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true;
    }
    // No list word is longer than 6 letters: a longer stem is in neither.
    let mut buf = [0u8; 6];
    let Some(lower) = ascii_lower(stem, &mut buf) else {
        return false;
    };
    // "Ft. Worth", "Mt. Hood": capitalised, these open a place name;
    // "10 ft." is feet and may end a sentence.
    let place = stem.starts_with(|c: char| c.is_ascii_uppercase())
        && matches!(lower, b"ft" | b"mt" | b"mts" | b"ste");
    is_title_word(lower) || place || before_digit && is_number_abbreviation(lower)
}

/// True for a title abbreviation without its full stop ("Sen", "lt").
pub fn is_title(stem: &str) -> bool {
    let mut buf = [0u8; 6];
    ascii_lower(stem, &mut buf).is_some_and(is_title_word)
}

/// `word`'s bytes lower-cased (ASCII letters only, like
/// `to_ascii_lowercase`) in `buf`; `None` when it does not fit, so it is
/// in no list here.
fn ascii_lower<'b>(word: &str, buf: &'b mut [u8; 6]) -> Option<&'b [u8]> {
    if word.len() > buf.len() {
        return None;
    }
    let out = &mut buf[..word.len()];
    out.copy_from_slice(word.as_bytes());
    out.make_ascii_lowercase();
    Some(out)
}

word_list!(
    /// Abbreviations that are followed by a name, so never end a sentence.
    TITLES, is_title_word:
    b"mr", b"mrs", b"ms", b"dr", b"sen", b"sens", b"rep", b"reps", b"gov", b"gen", b"lt",
    b"col", b"maj", b"capt", b"sgt", b"cpl", b"adm", b"cmdr", b"prof", b"rev", b"hon", b"pres",
    b"supt", b"det", b"insp", b"st", b"fr", b"messrs", b"mmes", b"atty", b"amb", b"lieut",
    b"brig", b"vs", b"v", b"gens",
);

word_list!(
    /// Abbreviations that are followed by a number ("No. 5", "Jan. 4").
    NUMBER_ABBREVIATIONS, is_number_abbreviation:
    b"no", b"nos", b"vol", b"art", b"sec", b"fig", b"pp", b"p", b"jan", b"feb", b"mar", b"apr",
    b"jun", b"jul", b"aug", b"sep", b"sept", b"oct", b"nov", b"dec", b"ch", b"para", b"approx",
);

#[cfg(test)]
mod tests;
