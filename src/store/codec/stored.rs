//! The claims JSON the store keeps ([`json`]): each claim without the
//! fields that hold their default, written by hand byte for byte as serde
//! wrote them through serde (`reference`, which the tests compare it to).

use crate::claims::{Claim, Part};
use crate::sinks::event::json as j;

/// The claims as a JSON array, or `None` once it passes `max` bytes
/// (checked per claim, so a huge article stops within a claim of it).
pub(super) fn json(claims: &[Claim], max: usize) -> Option<Vec<u8>> {
    // Generated articles' claims take about 330 bytes each as stored.
    let mut out = Vec::with_capacity(claims.len().min(1 << 12) * 384 + 2);
    out.push(b'[');
    for (i, c) in claims.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        claim(&mut out, c);
        if out.len() > max {
            return None;
        }
    }
    out.push(b']');
    (out.len() <= max).then_some(out)
}

/// The claims JSON of [`json`] through a zstd stream, a block
/// of claims at a time, so a 50 MB article's claims never exist whole.
pub(super) fn streamed(claims: &[Claim], level: i32) -> std::io::Result<Vec<u8>> {
    use std::io::Write;
    const BLOCK: usize = 1 << 16;
    let mut enc = zstd::stream::Encoder::new(Vec::new(), level)?;
    let mut buf = Vec::with_capacity(BLOCK + 4096);
    buf.push(b'[');
    for (i, c) in claims.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        claim(&mut buf, c);
        if buf.len() >= BLOCK {
            enc.write_all(&buf)?;
            buf.clear();
        }
    }
    buf.push(b']');
    enc.write_all(&buf)?;
    enc.finish()
}

/// One claim as the store keeps it: its JSON without the fields whose
/// value is the one a missing field reads as (null, empty, false, body,
/// 0), which `Claim`'s deserialiser fills back in. About 13% of the claims
/// JSON for generated articles; the change log's lines are not affected.
/// Byte for byte what serde wrote (`reference`, tested).
fn claim(out: &mut Vec<u8>, c: &Claim) {
    // Every field named, no `..`: a field added to `Claim` fails to
    // compile here rather than being left out of the store.
    let Claim {
        id,
        kind,
        text,
        quote,
        speaker,
        sources,
        numbers,
        negated,
        hedged,
        entities,
        part,
        paragraph,
        line,
    } = c;
    out.extend_from_slice(b"{\"id\":");
    j::string(out, id);
    out.extend_from_slice(b",\"kind\":\"");
    out.extend_from_slice(kind.as_str().as_bytes());
    out.extend_from_slice(b"\",\"text\":");
    j::string(out, text);
    if let Some(q) = quote {
        out.extend_from_slice(b",\"quote\":");
        j::string(out, q);
    }
    if let Some(s) = speaker {
        out.extend_from_slice(b",\"speaker\":");
        j::string(out, s);
    }
    if !sources.is_empty() {
        out.extend_from_slice(b",\"sources\":");
        j::strings(out, sources);
    }
    out.extend_from_slice(b",\"numbers\":");
    j::numbers(out, numbers);
    if *negated {
        out.extend_from_slice(b",\"negated\":true");
    }
    if *hedged {
        out.extend_from_slice(b",\"hedged\":true");
    }
    if !entities.is_empty() {
        out.extend_from_slice(b",\"entities\":");
        j::strings(out, entities);
    }
    if *part != Part::default() {
        out.extend_from_slice(b",\"part\":\"");
        out.extend_from_slice(part.as_str().as_bytes());
        out.push(b'"');
    }
    if *paragraph != 0 {
        out.extend_from_slice(b",\"paragraph\":");
        j::uint(out, *paragraph as u64);
    }
    if *line != 0 {
        out.extend_from_slice(b",\"line\":");
        j::uint(out, *line as u64);
    }
    out.push(b'}');
}

/// The same JSON through serde, as the store wrote it before
/// [`claim`]: the reference the tests hold it to.
#[cfg(test)]
pub(super) mod reference {
    use crate::claims::{Claim, ClaimKind, NumberMention, Part};

    pub(in crate::store::codec) struct StoredClaims<'a>(pub &'a [Claim]);

    impl serde::Serialize for StoredClaims<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.0.iter().map(StoredClaim::of))
        }
    }

    #[derive(serde::Serialize)]
    struct StoredClaim<'a> {
        id: &'a str,
        kind: ClaimKind,
        text: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        quote: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        speaker: Option<&'a str>,
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        sources: &'a [String],
        numbers: &'a [NumberMention],
        #[serde(skip_serializing_if = "is_false")]
        negated: bool,
        #[serde(skip_serializing_if = "is_false")]
        hedged: bool,
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        entities: &'a [String],
        #[serde(skip_serializing_if = "is_body")]
        part: Part,
        #[serde(skip_serializing_if = "is_zero")]
        paragraph: usize,
        #[serde(skip_serializing_if = "is_zero")]
        line: usize,
    }

    impl<'a> StoredClaim<'a> {
        fn of(c: &'a Claim) -> StoredClaim<'a> {
            StoredClaim {
                id: &c.id,
                kind: c.kind,
                text: &c.text,
                quote: c.quote.as_deref(),
                speaker: c.speaker.as_deref(),
                sources: &c.sources,
                numbers: &c.numbers,
                negated: c.negated,
                hedged: c.hedged,
                entities: &c.entities,
                part: c.part,
                paragraph: c.paragraph,
                line: c.line,
            }
        }
    }

    fn is_false(b: &bool) -> bool {
        !*b
    }

    fn is_body(p: &Part) -> bool {
        *p == Part::default()
    }

    fn is_zero(n: &usize) -> bool {
        *n == 0
    }
}

#[cfg(test)]
mod tests {
    use super::reference::StoredClaims;
    use super::*;

    /// Claims of every shape: each optional field set and unset, strings
    /// that need escaping, numbers that are not plain integers.
    fn odd_claims() -> Vec<Claim> {
        let mut out = Vec::new();
        let texts = [
            "The bridge opened.",
            "\"Not 12 yet,\" said Ana Ruiz, who may know.",
            "tab\there, new\nline, nul\u{0}, del\u{7f}, back\\slash",
            "“Curly” — café, 日本語, 😀, \u{2028}",
        ];
        for (i, text) in texts.iter().enumerate() {
            for mask in 0u32..64 {
                let on = |b: u32| mask & (1 << b) != 0;
                let claim: Claim = serde_json::from_value(serde_json::json!({
                    "id": format!("c_{i}_{mask}"),
                    "kind": (["quote", "attributed", "numeric", "statement"][(mask % 4) as usize]),
                    "text": text,
                    "quote": on(0).then_some(*text),
                    "speaker": on(1).then_some("Ana \"A\" Ruiz"),
                    "sources": if on(2) { vec!["Ana Ruiz", "X\\Y"] } else { vec![] },
                    "numbers": if on(3) {
                        serde_json::json!([
                            {"text": "12%", "value": 12.0, "unit": "percent"},
                            {"text": "1.5 bn", "value": 1.5e9, "unit": "dollars"},
                            {"text": "0.1", "value": 0.1, "unit": ""},
                            {"text": "-3", "value": -3.25, "unit": "°C"},
                        ])
                    } else {
                        serde_json::json!([])
                    },
                    "negated": on(4),
                    "hedged": on(5),
                    "entities": if on(2) { vec!["Ana Ruiz"] } else { vec![] },
                    "part": (["body", "headline", "standfirst"][(mask % 3) as usize]),
                    "paragraph": if on(0) { mask as usize * 7 } else { 0 },
                    "line": if on(1) { 1_000_003 } else { 0 },
                }))
                .expect("claim");
                out.push(claim);
            }
        }
        out
    }

    fn article_claims() -> Vec<Claim> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/data/port-strike.txt");
        let text = std::fs::read(path).expect("bench article");
        crate::extract_bytes(std::path::Path::new("port-strike.txt"), &text)
            .expect("extract")
            .claims
    }

    /// The hand-written JSON is serde's, byte for byte.
    #[test]
    fn stored_json_is_the_bytes_serde_wrote() {
        for claims in [odd_claims(), article_claims(), Vec::new()] {
            let want = serde_json::to_vec(&StoredClaims(&claims)).expect("serde");
            assert_eq!(
                json(&claims, usize::MAX).expect("fits"),
                want,
                "{} claims",
                claims.len()
            );
            for c in &claims {
                let mut one = Vec::new();
                claim(&mut one, c);
                let want =
                    serde_json::to_vec(&StoredClaims(std::slice::from_ref(c))).expect("serde");
                assert_eq!(one, want[1..want.len() - 1], "{c:?}");
            }
            // The bound: exactly at it fits, a byte less does not.
            assert_eq!(json(&claims, want.len()), Some(want.clone()));
            assert_eq!(json(&claims, want.len() - 1), None);
            // Streamed, it decompresses to the same bytes.
            let z = streamed(&claims, 1).expect("stream");
            assert_eq!(zstd::stream::decode_all(&z[..]).expect("unzstd"), want);
        }
    }
}
