//! Claim ids: [`claim_id`], a stable hash of a claim's text that a
//! re-wrap or a change of quote style keeps.

/// Stable id of a claim: a hash of its text with typography folded (curly
/// quotes, dashes, NBSP) and whitespace runs collapsed, so a re-wrap or a
/// quote-style change keeps the id.
pub fn claim_id(text: &str) -> String {
    // The common case in one vectorised pass: plain ASCII (nothing to
    // fold) without \t..\r, no space at either end and none doubled is
    // already the joined form, so it is hashed as it is.
    let b = text.as_bytes();
    let odd = b.iter().fold(false, |any, &c| {
        any | (c >= 0x80) | (c.wrapping_sub(b'\t') < 5)
    });
    let doubled = b
        .iter()
        .zip(b.iter().skip(1))
        .fold(false, |any, (&x, &y)| any | ((x == b' ') & (y == b' ')));
    if !odd && !doubled && !b.starts_with(b" ") && !b.ends_with(b" ") {
        return id_of(blake3::hash(b));
    }
    claim_id_folded(text)
}

/// [`claim_id`] of a text that needs folding or re-spacing.
fn claim_id_folded(text: &str) -> String {
    // Plain ASCII has no typography to fold: skip the copy.
    let folded = if text.is_ascii() {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(crate::article::normalize_typography(text))
    };
    // Hash the words joined by single spaces, built in one buffer: one
    // hasher update is far cheaper than one per word.
    let b = folded.as_bytes();
    let single_spaced = folded.is_ascii()
        && !b.starts_with(b" ")
        && !b.ends_with(b" ")
        // No \t..\r: an OR over the whole text (no early exit, so it
        // vectorises), then no two spaces in a row.
        && !b.iter().fold(false, |any, &c| any | (c.wrapping_sub(b'\t') < 5))
        && !folded.contains("  ");
    if single_spaced {
        // Already the joined form: hash it as it is.
        return id_of(blake3::hash(b));
    }
    let mut joined = Vec::with_capacity(folded.len());
    if folded.is_ascii() {
        // Byte walk; the same set `split_whitespace` uses for ASCII.
        let mut gap = false;
        for &c in folded.as_bytes() {
            if matches!(c, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r') {
                gap = true;
            } else {
                if gap && !joined.is_empty() {
                    joined.push(b' ');
                }
                gap = false;
                joined.push(c);
            }
        }
    } else {
        for word in folded.split_whitespace() {
            if !joined.is_empty() {
                joined.push(b' ');
            }
            joined.extend_from_slice(word.as_bytes());
        }
    }
    id_of(blake3::hash(&joined))
}

/// "c_" and the first 8 bytes of the hash in lower-case hex.
fn id_of(hash: blake3::Hash) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut id = *b"c_0000000000000000";
    for (k, &byte) in hash.as_bytes()[..8].iter().enumerate() {
        id[2 + 2 * k] = HEX[usize::from(byte >> 4)];
        id[3 + 2 * k] = HEX[usize::from(byte & 15)];
    }
    // Hex digits are ASCII: the check cannot fail.
    String::from(std::str::from_utf8(&id).unwrap_or_default())
}
