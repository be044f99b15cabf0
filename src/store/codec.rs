//! How the store packs what it keeps ([`Packed`]): raw text, claims and
//! event JSON are zstd-compressed on a worker core before the writer sees
//! them, and read back through one decoder per kind ([`decode_text`],
//! [`decode_claims`], [`decode_raw`]). Event JSON is compressed against a
//! fixed sample event and tagged ([`Packed::event`], `zframe`). Stores
//! written before (plain TEXT claims and events, plain raw bytes, untagged
//! frames) read the same way.

use rusqlite::ToSql;
use rusqlite::types::{ToSqlOutput, ValueRef};

mod parse;
mod stored;
mod zframe;

use zframe::{EVENT_TAG, Kind, LEVEL};

use crate::claims::Claim;
use crate::sinks::event::line::Bounded;

/// Below this, compression's frame overhead outweighs its gain.
const MIN_COMPRESS: usize = 64;

/// Stored claims compressed past this are parsed while they are
/// decompressed ([`decode_claims`]): about 6 MB of JSON.
const STREAM_DECODE_FROM: usize = 256 << 10;

/// JSON longer than this is compressed while it is serialised
/// ([`Packed::json`]); far above any normal article's claims.
pub const STREAM_FROM: usize = 4 << 20;

/// Bytes as stored: plain, or a zstd frame. A text column holds `Plain` as
/// SQLite TEXT and `Zstd` as a BLOB, so the column's type tells them apart;
/// the raw column is a BLOB either way and `revisions.raw_enc` tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Packed {
    Plain(Vec<u8>),
    Zstd(Vec<u8>),
}

impl Packed {
    /// Compresses `bytes` when that makes them smaller.
    pub fn pack(bytes: Vec<u8>) -> Packed {
        Packed::pack_as(bytes, Kind::Plain)
    }

    fn pack_as(bytes: Vec<u8>, kind: Kind) -> Packed {
        if bytes.len() < MIN_COMPRESS {
            return Packed::Plain(bytes);
        }
        match zframe::compress(&bytes, kind) {
            Ok(z) if z.len() < bytes.len() => Packed::Zstd(z),
            _ => Packed::Plain(bytes),
        }
    }

    /// Event JSON (a change-log line or a `created` head) for
    /// `events.json` or `events.full`: up to [`zframe::EVENT_PREFIX_MAX`]
    /// compressed against a sample event ([`zframe::Kind::Event`]) and
    /// tagged so [`decode_text`] knows; longer, as [`Packed::pack_str`].
    pub fn event(json: String) -> Packed {
        let bytes = json.into_bytes();
        if bytes.len() < MIN_COMPRESS || bytes.len() > zframe::EVENT_PREFIX_MAX {
            return Packed::pack(bytes);
        }
        match zframe::compress(&bytes, Kind::Event) {
            Ok(z) if z.len() < bytes.len() => {
                let mut tagged = Vec::with_capacity(z.len() + 1);
                tagged.push(EVENT_TAG);
                tagged.extend_from_slice(&z);
                Packed::Zstd(tagged)
            }
            _ => Packed::Plain(bytes),
        }
    }

    /// [`Packed::pack`] of a string's bytes.
    pub fn pack_str(s: String) -> Packed {
        Packed::pack(s.into_bytes())
    }

    /// `value` as JSON, packed; `fallback` if it cannot be serialised.
    /// Up to [`STREAM_FROM`] bytes this is [`Packed::pack_str`] of the
    /// string (the same bytes as ever); a longer one (a 50 MB article's
    /// claims) is compressed as it is written, so it never exists whole
    /// in memory, and reads back the same.
    pub fn json(value: &impl serde::Serialize, fallback: &str) -> Packed {
        let mut head = Bounded::new(STREAM_FROM);
        match serde_json::to_writer(&mut head, value) {
            Ok(()) => return Packed::pack_str(head.into_string().unwrap_or_default()),
            Err(e) if !e.is_io() => return Packed::pack_str(fallback.into()),
            Err(_) => {}
        }
        drop(head);
        let streamed = zstd::stream::Encoder::new(Vec::new(), LEVEL).and_then(|enc| {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, enc);
            serde_json::to_writer(&mut out, value)?;
            out.into_inner().map_err(|e| e.into_error())?.finish()
        });
        match streamed {
            Ok(z) => Packed::Zstd(z),
            Err(_) => Packed::pack_str(fallback.into()),
        }
    }

    /// An article's claims as the store keeps them: JSON without the
    /// fields that hold their default (`stored::claim`), packed. Reads
    /// back through [`decode_claims`] as the same claims. The same bytes
    /// as serde's [`Packed::json`] of them, written by hand (a quarter
    /// of the instructions of serde's); past [`STREAM_FROM`] compressed as
    /// it is written.
    pub fn claims(claims: &[Claim]) -> Packed {
        match stored::json(claims, STREAM_FROM) {
            Some(json) => Packed::pack_as(json, Kind::Claims),
            None => match stored::streamed(claims, LEVEL) {
                Ok(z) => Packed::Zstd(z),
                Err(_) => Packed::pack_str("[]".into()),
            },
        }
    }

    /// Bytes this will occupy in the store.
    pub fn len(&self) -> usize {
        match self {
            Packed::Plain(b) | Packed::Zstd(b) => b.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `raw_enc` value for the raw column: 0 plain, 1 zstd.
    pub fn enc(&self) -> i64 {
        match self {
            Packed::Plain(_) => 0,
            Packed::Zstd(_) => 1,
        }
    }

    /// As a BLOB whatever the encoding (the raw column).
    pub fn as_blob(&self) -> ToSqlOutput<'_> {
        match self {
            Packed::Plain(b) | Packed::Zstd(b) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
        }
    }
}

/// For text columns (claims, event JSON): plain as TEXT, zstd as BLOB.
/// Plain bytes always come from a `String`, so they are UTF-8.
impl ToSql for Packed {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Packed::Plain(b) => ToSqlOutput::Borrowed(ValueRef::Text(b)),
            Packed::Zstd(b) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
        })
    }
}

/// A stored value that cannot be read back.
#[derive(Debug, thiserror::Error)]
pub enum CodecError {
    #[error("stored value is not text or a zstd frame")]
    Type,
    #[error("stored zstd frame is damaged: {0}")]
    Zstd(#[from] std::io::Error),
    #[error("stored text is not UTF-8")]
    Utf8,
    #[error("stored claims are not claims JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("stored event cannot be rebuilt from its revision's claims")]
    Derived,
}

fn unzstd(b: &[u8]) -> Result<Vec<u8>, CodecError> {
    // A value compressed against the sample event: a tag, then a frame
    // that always states its size.
    if let Some((&EVENT_TAG, frame)) = b.split_first() {
        let n = zstd::zstd_safe::get_frame_content_size(frame)
            .ok()
            .flatten()
            .filter(|&n| n <= MAX_BULK_DECODE)
            .ok_or_else(|| std::io::Error::other("tagged event frame without its size"))?;
        return Ok(zframe::decompress(frame, n as usize, true)?);
    }
    // A frame that says its size (every frame `compress` writes) goes
    // through this thread's context into a buffer of that size; a
    // streaming decoder per call allocated and set up its own context
    // each time, a quarter of the decoding's instructions.
    if let Ok(Some(n)) = zstd::zstd_safe::get_frame_content_size(b)
        && n <= MAX_BULK_DECODE
        && let Ok(v) = zframe::decompress(b, n as usize, false)
    {
        return Ok(v);
    }
    Ok(zstd::stream::decode_all(b)?)
}

/// Frames up to this size are decoded in one call into a buffer of their
/// stated size; a bigger (or damaged) size field takes the streaming
/// decoder, which grows its buffer as it goes.
const MAX_BULK_DECODE: u64 = 64 << 20;

/// A text column (claims or event JSON): TEXT as is, a BLOB decompressed.
pub fn decode_text(v: ValueRef<'_>) -> Result<String, CodecError> {
    match v {
        ValueRef::Text(t) => String::from_utf8(t.to_vec()).map_err(|_| CodecError::Utf8),
        ValueRef::Blob(b) => String::from_utf8(unzstd(b)?).map_err(|_| CodecError::Utf8),
        _ => Err(CodecError::Type),
    }
}

/// The claims of a stored revision, from the `revisions.claims` column
/// (the one decoder for stored claims; readers such as lineage use it).
pub fn decode_claims(v: ValueRef<'_>) -> Result<Vec<Claim>, CodecError> {
    let bytes = match v {
        ValueRef::Text(t) => std::borrow::Cow::Borrowed(t),
        // Parsed as it is decompressed: a big article's claims JSON
        // (hundreds of MB) never exists whole. Small ones take the faster
        // slice parser.
        ValueRef::Blob(b) if b.len() > STREAM_DECODE_FROM => {
            let z = zstd::stream::read::Decoder::with_buffer(b)?;
            return Ok(serde_json::from_reader(std::io::BufReader::with_capacity(
                1 << 16,
                z,
            ))?);
        }
        ValueRef::Blob(b) => std::borrow::Cow::Owned(unzstd(b)?),
        _ => return Err(CodecError::Type),
    };
    // The store's own layout is read by hand; any other bytes by serde.
    if let Some(claims) = parse::claims(&bytes) {
        return Ok(claims);
    }
    Ok(serde_json::from_slice(&bytes)?)
}

/// The raw bytes of a revision from its `raw` and `raw_enc` columns.
pub fn decode_raw(v: ValueRef<'_>, enc: i64) -> Result<Option<Vec<u8>>, CodecError> {
    match (v, enc) {
        (ValueRef::Null, _) => Ok(None),
        (ValueRef::Blob(b), 1) => Ok(Some(unzstd(b)?)),
        (ValueRef::Blob(b) | ValueRef::Text(b), _) => Ok(Some(b.to_vec())),
        _ => Err(CodecError::Type),
    }
}

/// `events.derived` of a `created` event whose line is rebuilt from its
/// revision's claims: `events.json` holds only the event's head
/// ([`created_head`](crate::sinks::event::line::created_head)), so the
/// claims are not stored twice. NULL: `events.json` is the line itself.
/// Claims compact (`[log] created_claims = "compact"`).
pub const DERIVED_COMPACT: i64 = 1;
/// The same, every field of each claim (`created_claims = "full"`).
pub const DERIVED_FULL: i64 = 2;

/// The `derived` value for a `created` line written in `mode` that fits
/// in a line (not spilled), when its claims read back as they are:
/// `None` keeps the line as it is.
pub fn derived_for(mode: crate::config::CreatedClaims, claims: &[Claim]) -> Option<i64> {
    use crate::config::CreatedClaims;
    let code = match mode {
        CreatedClaims::Compact => DERIVED_COMPACT,
        CreatedClaims::Full => DERIVED_FULL,
        // The line holds no claims: nothing to save.
        CreatedClaims::None => return None,
    };
    claims_round_trip(claims).then_some(code)
}

/// Whether claims stored as JSON parse back to the same values, so a line
/// rebuilt from them prints the same bytes: strings always do; a number
/// must be finite and parse back to the same bits (serde_json's default
/// float parser is not exact for every input).
pub fn claims_round_trip(claims: &[Claim]) -> bool {
    claims.iter().flat_map(|c| &c.numbers).all(|n| {
        n.value.is_finite()
            && serde_json::to_string(&n.value)
                .ok()
                .and_then(|s| serde_json::from_str::<f64>(&s).ok())
                .is_some_and(|v| v.to_bits() == n.value.to_bits())
    })
}

/// The change-log line of a stored event from its `json` and `derived`
/// columns and, for a derived one, its revision's `claims` column.
pub fn event_line(
    json: ValueRef<'_>,
    derived: Option<i64>,
    claims: ValueRef<'_>,
) -> Result<String, CodecError> {
    let stored = decode_text(json)?;
    let compact = match derived {
        None => return Ok(stored),
        Some(DERIVED_COMPACT) => true,
        Some(DERIVED_FULL) => false,
        Some(_) => return Err(CodecError::Derived),
    };
    let claims = decode_claims(claims)?;
    crate::sinks::event::line::created_line(&stored, &claims, compact).ok_or(CodecError::Derived)
}

/// `bytes` compressed at [`LEVEL`] with this thread's context.
#[cfg(test)]
fn compress(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    zframe::compress(bytes, Kind::Plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_compressed_and_reads_back() {
        let text = "The council said 12 bridges were checked. ".repeat(40);
        let p = Packed::pack_str(text.clone());
        assert!(matches!(p, Packed::Zstd(_)), "repetitive text compresses");
        assert!(p.len() < text.len() / 4, "{} of {}", p.len(), text.len());
        let Packed::Zstd(z) = &p else { unreachable!() };
        assert_eq!(decode_text(ValueRef::Blob(z)).expect("decode"), text);
        assert_eq!(
            decode_raw(ValueRef::Blob(z), 1).expect("raw"),
            Some(text.into_bytes())
        );
    }

    #[test]
    fn json_is_packed_as_its_string_and_long_json_streams() {
        let small = vec!["The council said 12 bridges were checked."; 40];
        let text = serde_json::to_string(&small).expect("json");
        assert_eq!(Packed::json(&small, "[]"), Packed::pack_str(text));
        // Past STREAM_FROM: compressed while written, read back the same.
        let big: Vec<String> = (0..STREAM_FROM / 20)
            .map(|i| format!("The council checked {i} bridges."))
            .collect();
        let text = serde_json::to_string(&big).expect("json");
        assert!(text.len() > STREAM_FROM);
        let Packed::Zstd(z) = Packed::json(&big, "[]") else {
            panic!("long JSON is compressed")
        };
        assert_eq!(decode_text(ValueRef::Blob(&z)).expect("decode"), text);
    }

    #[test]
    fn big_stored_claims_parse_as_they_decompress() {
        let claims: Vec<Claim> = (0..40_000)
            .map(|i| {
                let text = format!("The port office said {i} crates were unloaded.");
                serde_json::from_value(serde_json::json!({
                    "id": crate::claims::claim_id(&text),
                    "kind": "numeric",
                    "text": text,
                    "quote": null,
                    "speaker": null,
                    "numbers": [{"text": format!("{i} crates"), "value": i, "unit": "crates"}],
                }))
                .expect("claim")
            })
            .collect();
        let Packed::Zstd(z) = Packed::json(&claims, "[]") else {
            panic!("compressed")
        };
        assert!(z.len() > STREAM_DECODE_FROM, "{} bytes", z.len());
        assert_eq!(decode_claims(ValueRef::Blob(&z)).expect("claims"), claims);
        assert!(decode_claims(ValueRef::Blob(&z[..z.len() / 2])).is_err());
    }

    /// Claims are stored without their default fields and read back the
    /// same, with defaults or without.
    #[test]
    fn stored_claims_leave_defaults_out_and_read_back_the_same() {
        let bare: Claim = serde_json::from_value(serde_json::json!({
            "id": "c_1", "kind": "statement", "text": "The bridge opened.",
            "quote": null, "speaker": null, "numbers": [],
        }))
        .expect("bare");
        let rich: Claim = serde_json::from_value(serde_json::json!({
            "id": "c_2", "kind": "quote", "text": "\"Not 12 yet,\" said Ana Ruiz, who may know.",
            "quote": "Not 12 yet,", "speaker": "Ana Ruiz", "sources": ["Ana Ruiz", "X"],
            "numbers": [{"text": "12", "value": 12.0, "unit": "count"}],
            "negated": true, "hedged": true, "entities": ["Ana Ruiz"],
            "part": "headline", "paragraph": 3, "line": 7,
        }))
        .expect("rich");
        let claims = vec![bare.clone(), rich.clone(), bare, rich];
        let packed = Packed::claims(&claims);
        let back = match &packed {
            Packed::Plain(b) => decode_claims(ValueRef::Text(b)),
            Packed::Zstd(z) => decode_claims(ValueRef::Blob(z)),
        };
        assert_eq!(back.expect("decode"), claims);
        let json =
            serde_json::to_string(&stored::reference::StoredClaims(&claims[..1])).expect("json");
        assert_eq!(
            json,
            r#"[{"id":"c_1","kind":"statement","text":"The bridge opened.","numbers":[]}]"#
        );
        let whole = serde_json::to_string(&claims).expect("json");
        let stored =
            serde_json::to_string(&stored::reference::StoredClaims(&claims)).expect("json");
        assert!(stored.len() < whole.len());
    }

    #[test]
    fn short_or_plain_values_stay_plain() {
        let p = Packed::pack_str("[]".into());
        assert_eq!(p, Packed::Plain(b"[]".to_vec()));
        assert_eq!(decode_text(ValueRef::Text(b"[]")).expect("text"), "[]");
        assert_eq!(
            decode_raw(ValueRef::Blob(b"abc"), 0).expect("raw"),
            Some(b"abc".to_vec())
        );
        assert_eq!(decode_raw(ValueRef::Null, 1).expect("null"), None);
    }

    #[test]
    fn frames_with_and_without_their_size_read_back_the_same() {
        let text = "The ferry carried 40 cars and 212 people. ".repeat(50);
        let sized = compress(text.as_bytes()).expect("bulk");
        assert_eq!(
            zstd::zstd_safe::get_frame_content_size(&sized)
                .ok()
                .flatten(),
            Some(text.len() as u64),
            "a bulk frame states its size and takes the reused context"
        );
        let mut enc = zstd::stream::Encoder::new(Vec::new(), LEVEL).expect("encoder");
        std::io::Write::write_all(&mut enc, text.as_bytes()).expect("write");
        let unsized_frame = enc.finish().expect("finish");
        assert_eq!(
            zstd::zstd_safe::get_frame_content_size(&unsized_frame)
                .ok()
                .flatten(),
            None,
            "a streamed frame does not, and takes the streaming decoder"
        );
        for z in [&sized, &unsized_frame, &sized] {
            assert_eq!(decode_text(ValueRef::Blob(z)).expect("decode"), text);
        }
        // Cut short: an error from either path, never a panic or a
        // short value.
        assert!(decode_text(ValueRef::Blob(&sized[..sized.len() - 4])).is_err());
        assert!(decode_text(ValueRef::Blob(&unsized_frame[..unsized_frame.len() / 2])).is_err());
    }

    #[test]
    fn a_damaged_frame_is_an_error_not_a_panic() {
        assert!(decode_text(ValueRef::Blob(&[0x28, 0xb5, 0x2f, 0xfd, 1, 2, 3])).is_err());
        assert!(decode_claims(ValueRef::Text(b"not json")).is_err());
        assert!(decode_claims(ValueRef::Integer(3)).is_err());
    }
}
