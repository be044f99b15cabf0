//! Claims written as JSON by hand, byte for byte as `serde_json` writes
//! them, for the two hot paths of indexing: the claims the store keeps and
//! the compact claims of a `created` line. Why: through serde each claim
//! cost ~9,000 instructions (a `Write` call per token, a byte-at-a-time
//! escape loop, and for the line a clone of the claim into a `Change`);
//! here strings are escaped eight bytes at a time and appended to one
//! `Vec`. The tests compare every writer with serde's output.

use crate::claims::{Claim, NumberMention};

/// Appends `s` as a JSON string: quoted, with `"`, `\` and control
/// characters escaped exactly as `serde_json` does (`\b \t \n \f \r`,
/// others `\u00xx` in lower-case hex; nothing else, not even U+007F).
pub(crate) fn string(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    out.reserve(b.len() + 2);
    out.push(b'"');
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        // A word of eight bytes at a time, the last one padded with
        // spaces (never escaped), so a short string or a tail is one test
        // rather than a loop per byte; most claim text has no byte to
        // escape at all. The lowest flagged byte of a word is exact (a
        // false flag can only sit above a true one), so it is jumped to.
        let w = if i + 8 <= b.len() {
            let mut w = [0u8; 8];
            w.copy_from_slice(&b[i..i + 8]);
            u64::from_le_bytes(w)
        } else {
            let mut w = [b' '; 8];
            w[..b.len() - i].copy_from_slice(&b[i..]);
            u64::from_le_bytes(w)
        };
        let m = escape_mask(w);
        if m == 0 {
            i += 8;
            continue;
        }
        i += (m.trailing_zeros() / 8) as usize;
        let c = b[i];
        let esc = ESCAPE[c as usize];
        out.extend_from_slice(&b[start..i]);
        if esc == b'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[(c >> 4) as usize],
                HEX[(c & 0xf) as usize],
            ]);
        } else {
            out.extend_from_slice(&[b'\\', esc]);
        }
        i += 1;
        start = i;
    }
    out.extend_from_slice(&b[start..]);
    out.push(b'"');
}

/// Whether any of the eight bytes is below 0x20, `"` or `\\`.
#[inline]
pub(crate) fn needs_escape(w: u64) -> bool {
    escape_mask(w) != 0
}

/// The high bit of each byte of `w` (little-endian) that is below 0x20,
/// `"` or `\\`; bytes above the lowest flagged one may be flagged falsely
/// (a borrow), the lowest is always right.
#[inline]
fn escape_mask(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A zero byte of `x` sets its high bit in `has_zero(x)`; the high bit
    // of a byte >= 0x80 in `w` would do the same, so it is masked out.
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let below = w.wrapping_sub(ONES * 0x20) & !w & HIGH;
    below | has_zero(w ^ (ONES * b'"' as u64)) | has_zero(w ^ (ONES * b'\\' as u64))
}

/// What each byte becomes after a backslash: 0 for none, `u` for `\u00xx`.
static ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = b'u';
        i += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0a] = b'n';
    t[0x0c] = b'f';
    t[0x0d] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// A string or `null`.
pub(crate) fn opt_string(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// An array of strings.
pub(crate) fn strings(out: &mut Vec<u8>, v: &[String]) {
    out.push(b'[');
    for (i, s) in v.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        string(out, s);
    }
    out.push(b']');
}

/// An unsigned integer.
pub(crate) fn uint(out: &mut Vec<u8>, n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut n = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
}

/// A claim's numbers, as `NumberMention` serialises them.
pub(crate) fn numbers(out: &mut Vec<u8>, v: &[NumberMention]) {
    out.push(b'[');
    for (i, n) in v.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"text\":");
        string(out, &n.text);
        out.extend_from_slice(b",\"value\":");
        // serde_json's own float format (shortest round trip; `null` when
        // not finite), so the bytes cannot differ.
        let _ = serde_json::to_writer(&mut *out, &n.value);
        out.extend_from_slice(b",\"unit\":");
        string(out, &n.unit);
        out.push(b'}');
    }
    out.push(b']');
}

/// A claim as a compact `created` event lists it (SPEC 5: id, kind, part,
/// text, speaker, numbers), in the change that adds it:
/// `{"op":"added","severity":"medium","after":{…}}`, as
/// `line::CompactChange` of `diff::added` serialises.
pub(crate) fn compact_added(out: &mut Vec<u8>, c: &Claim) {
    out.extend_from_slice(b"{\"op\":\"added\",\"severity\":\"medium\",\"after\":{\"id\":");
    string(out, &c.id);
    out.extend_from_slice(b",\"kind\":\"");
    out.extend_from_slice(c.kind.as_str().as_bytes());
    out.extend_from_slice(b"\",\"part\":\"");
    out.extend_from_slice(c.part.as_str().as_bytes());
    out.extend_from_slice(b"\",\"text\":");
    string(out, &c.text);
    out.extend_from_slice(b",\"speaker\":");
    opt_string(out, c.speaker.as_deref());
    out.extend_from_slice(b",\"numbers\":");
    numbers(out, &c.numbers);
    out.extend_from_slice(b"}}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ours(s: &str) -> String {
        let mut out = Vec::new();
        string(&mut out, s);
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn strings_escape_as_serde_json_does() {
        let cases = [
            "",
            "plain",
            "exactly8",
            "\"quoted\" and \\ back\\slash",
            "tab\tnew\nline\rcr\x08bs\x0cff\x00nul\x1fus\x7fdel",
            "“curly” — dashes … é 日本語 😀 \u{2028}\u{2029}",
            "a long sentence of plain words that runs well past eight bytes\"",
            "\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"",
            "/slash/ <tag> &amp; 'single'",
        ];
        for s in cases {
            assert_eq!(ours(s), serde_json::to_string(s).expect("json"), "{s:?}");
        }
        // Every single byte value as a character, and in a long run.
        for c in (0u32..0x300).filter_map(char::from_u32) {
            let s = format!("abcdefgh{c}ijklmnop{c}{c}");
            assert_eq!(ours(&s), serde_json::to_string(&s).expect("json"));
        }
    }

    proptest! {
        #[test]
        fn any_string_escapes_as_serde_json_does(s in any::<String>()) {
            prop_assert_eq!(ours(&s), serde_json::to_string(&s).expect("json"));
        }

        #[test]
        fn control_heavy_strings_escape_as_serde_json_does(
            s in "[\\x00-\\x7f\"\\\\é😀]{0,40}"
        ) {
            prop_assert_eq!(ours(&s), serde_json::to_string(&s).expect("json"));
        }

        #[test]
        fn integers_print_as_serde_json_does(n in any::<u64>()) {
            let mut out = Vec::new();
            uint(&mut out, n);
            prop_assert_eq!(out, serde_json::to_vec(&n).expect("json"));
        }
    }

    #[test]
    fn numbers_serialise_as_serde_json_does() {
        let v: Vec<NumberMention> = [
            12.0,
            0.5,
            -3.25,
            1e21,
            1.0e-7,
            f64::NAN,
            f64::INFINITY,
            123456789.125,
        ]
        .into_iter()
        .map(|value| NumberMention {
            text: format!("{value} \"units\""),
            value,
            unit: "per\tcent".into(),
        })
        .collect();
        let mut out = Vec::new();
        numbers(&mut out, &v);
        assert_eq!(out, serde_json::to_vec(&v).expect("json"));
        let mut out = Vec::new();
        numbers(&mut out, &[]);
        assert_eq!(out, b"[]");
    }
}
