//! Re-joins a quotation ending in "!" or "?" with the attribution the
//! sentence splitter cut off after it; main entry
//! [`join_quote_attributions`].

use super::lexicon;

/// Re-joins a quotation ending in "!" or "?" with the attribution cut off
/// after it (`"Stop now!" Lee wrote.`): the splitter ends a sentence at
/// `!"` before a capital, which would leave the quotation without its
/// speaker and the attribution as a fragment. `pieces` are sub-slices of
/// `block`, in order.
pub(super) fn join_quote_attributions<'a>(
    block: &'a str,
    mut pieces: Vec<&'a str>,
) -> Vec<&'a str> {
    let base = block.as_ptr() as usize;
    let offset = |p: &str| (p.as_ptr() as usize).checked_sub(base);
    // In place: `pieces[..kept]` are the pieces so far, joined.
    let mut kept: usize = 0;
    for k in 0..pieces.len() {
        let p = pieces[k];
        if let Some(last) = kept.checked_sub(1).map(|l| pieces[l])
            && ends_with_exclaimed_quote(last)
            && opens_with_attribution(p)
            && let (Some(start), Some(at)) = (offset(last), offset(p))
            && let Some(joined) = block.get(start..at + p.len())
        {
            pieces[kept - 1] = joined;
            continue;
        }
        pieces[kept] = p;
        kept += 1;
    }
    pieces.truncate(kept);
    pieces
}

/// `…!"` or `…?"` (straight or curly quotes).
fn ends_with_exclaimed_quote(s: &str) -> bool {
    let mut tail = s.trim_end().chars().rev();
    matches!(tail.next(), Some('"' | '\u{201D}' | '\'' | '\u{2019}'))
        && matches!(tail.next(), Some('!' | '?'))
}

/// Most words of a speaker before its cue in a cut-off attribution
/// ("President Ana Ruiz wrote").
const ATTRIBUTION_MAX_WORDS: usize = 4;

/// A piece that opens with a capitalised speaker and a reporting cue:
/// "Lee wrote on Friday.", "The minister said."
fn opens_with_attribution(s: &str) -> bool {
    for (k, word) in s
        .split_whitespace()
        .take(ATTRIBUTION_MAX_WORDS + 1)
        .enumerate()
    {
        let core = word.trim_matches(|c: char| !c.is_alphanumeric());
        let mut buf = [0u8; 24];
        if k == 0 && !core.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        if k > 0 && lexicon::cue(lexicon::lower_word(core, &mut buf)).is_some() {
            return true;
        }
        // The speaker's words end at a comma or a stop; a title's short
        // abbreviation ("Dr.", "Sen.") is no stop.
        let abbreviation = word.ends_with('.') && core.len() <= 3;
        if word.ends_with([',', '.', ';', ':']) && !abbreviation {
            return false;
        }
    }
    false
}
