//! zstd with one context per thread and settings per kind of value
//! ([`Kind`]): raw text, claims JSON, and event JSON compressed against a
//! fixed sample of an event ([`EVENT_PREFIX`]) so that a 450-byte
//! `created` head stops paying for its keys in every row.

use std::cell::RefCell;
use std::io;

use zstd::zstd_safe::{CParameter, ResetDirective};

/// zstd level 1. Level 6 makes an article's claims JSON 12% smaller and
/// its raw text 7% (the store 0.97x instead of about 1.03x the corpus),
/// but costs about 50 us more per article on a worker core, a tenth of
/// extraction's cost: the cold index's rate matters more than 6% of the
/// store.
pub(super) const LEVEL: i32 = 1;

/// What is compressed; each kind has the settings that measured best.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Any value at [`LEVEL`] with zstd's defaults (raw text, old paths).
    Plain,
    /// The store's claims JSON: matches of at least 7 bytes and a 2^14
    /// hash table. On 500 generated articles 5% fewer instructions than
    /// the defaults (155 M against 164 M) and 0.7% smaller: JSON's short
    /// matches (`","`) cost a sequence each and save next to nothing.
    Claims,
    /// Event JSON against [`EVENT_PREFIX`], at level -1 up to
    /// [`EVENT_FAST_MAX`] bytes, else level 1. A `created` head (~450
    /// bytes) took 355 bytes at level 1 and ~52,000 instructions, mostly
    /// building entropy tables for a few hundred literals; against the
    /// prefix at level -1 its keys are matches: 267 bytes and ~33,000.
    /// Longer lines gain from the prefix at level 1 (a `modified` line of
    /// ~1.4 KB: 683 -> 459 bytes; a whole 17 KB `created` line, which
    /// `reindex` keeps: 2,795 -> 2,609) and lose at level -1 (3,294).
    Event,
}

/// The first byte of an event value compressed against [`EVENT_PREFIX`]
/// (then the zstd frame). A zstd frame starts with 0x28 (or 0x5X for a
/// skippable one), so a stored value says which it is.
pub(super) const EVENT_TAG: u8 = b'E';

/// Event values up to this size are compressed at level -1.
const EVENT_FAST_MAX: usize = 1 << 10;

/// Event values past this size are compressed as [`Kind::Plain`]: the
/// prefix helps only their start, and an untagged frame this big
/// can be decoded as a stream (a spilled 50 MB article's event).
pub(super) const EVENT_PREFIX_MAX: usize = 64 << 10;

/// A sample of the event JSON the change log holds (SPEC 5), the most
/// common keys last (nearest). **Never edit**: every value tagged
/// [`EVENT_TAG`] decodes against these exact bytes; a better sample needs
/// a new tag.
pub(super) const EVENT_PREFIX: &[u8] = r#"{"op":"modified","severity":"high","similarity":0.9,"before":{"id":"c_","kind":"numeric","text":"","quote":null,"speaker":null,"sources":[],"numbers":[{"text":"","value":1.0,"unit":""}],"negated":false,"hedged":false,"entities":[],"part":"body","paragraph":1,"line":1},"details":[{"type":"number_changed","from":"","to":""}],"word_diff":""}],"changes":[]}
{"schema":1,"event_id":"ev_","time":"2026-12-06T00:00:00.000Z","path":"","root":"/","event":"created","revision":1,"prev_revision":null,"hash":"blake3:","title":"","severity":"medium","summary":{"added":1,"removed":0,"modified":0,"unchanged":0},"changes":[]}"#
.as_bytes();

thread_local! {
    /// One compression context per thread: a fresh one per call
    /// allocated and zeroed its tables each time, about a third of the
    /// compression cost for article-sized inputs. One for every kind
    /// (its settings are set per call, which costs nothing measurable),
    /// so the daemon's threads hold one context each, not three.
    static COMPRESSOR: RefCell<Option<zstd::bulk::Compressor<'static>>> =
        const { RefCell::new(None) };
    /// One decompression context per thread, for the same reason.
    static DECOMPRESSOR: RefCell<Option<zstd::zstd_safe::DCtx<'static>>> =
        const { RefCell::new(None) };
}

fn zerr(code: usize) -> io::Error {
    io::Error::other(zstd::zstd_safe::get_error_name(code))
}

/// `bytes` as one zstd frame (stating its size) with `kind`'s settings,
/// on this thread's context. [`Kind::Event`]'s frame needs
/// [`EVENT_PREFIX`] to decode (the caller tags it).
pub(super) fn compress(bytes: &[u8], kind: Kind) -> io::Result<Vec<u8>> {
    COMPRESSOR.with(|cell| {
        let mut slot = cell.try_borrow_mut().map_err(io::Error::other)?;
        if slot.is_none() {
            *slot = Some(zstd::bulk::Compressor::new(LEVEL)?);
        }
        let Some(c) = slot.as_mut() else {
            return zstd::bulk::compress(bytes, LEVEL);
        };
        let cx = c.context_mut();
        // Between frames this only forgets the last call's settings (and
        // prefix); the context's tables are kept.
        cx.reset(ResetDirective::Parameters).map_err(zerr)?;
        match kind {
            Kind::Plain => cx.set_parameter(CParameter::CompressionLevel(LEVEL)),
            Kind::Claims => cx
                .set_parameter(CParameter::CompressionLevel(LEVEL))
                .and_then(|_| cx.set_parameter(CParameter::MinMatch(7)))
                .and_then(|_| cx.set_parameter(CParameter::HashLog(14))),
            Kind::Event => cx
                .set_parameter(CParameter::CompressionLevel(
                    if bytes.len() <= EVENT_FAST_MAX {
                        -1
                    } else {
                        LEVEL
                    },
                ))
                .and_then(|_| cx.ref_prefix(EVENT_PREFIX)),
        }
        .map_err(zerr)?;
        c.compress(bytes)
    })
}

/// A frame of `n` bytes (its stated size) through this thread's context,
/// against [`EVENT_PREFIX`] when `prefixed`.
pub(super) fn decompress(b: &[u8], n: usize, prefixed: bool) -> io::Result<Vec<u8>> {
    DECOMPRESSOR.with(|cell| {
        let mut slot = cell.try_borrow_mut().map_err(io::Error::other)?;
        let d = slot.get_or_insert_with(zstd::zstd_safe::DCtx::create);
        // A frame that failed half way leaves nothing behind for the next.
        d.reset(ResetDirective::SessionOnly).map_err(zerr)?;
        if prefixed {
            // For the next frame only.
            d.ref_prefix(EVENT_PREFIX).map_err(zerr)?;
        }
        let mut out = Vec::with_capacity(n);
        d.decompress(&mut out, b).map_err(zerr)?;
        Ok(out)
    })
}

#[cfg(test)]
mod tests {
    use super::super::{Packed, decode_text};
    use super::*;
    use rusqlite::types::ValueRef;

    fn read_back(p: &Packed) -> String {
        match p {
            Packed::Plain(b) => decode_text(ValueRef::Text(b)),
            Packed::Zstd(z) => decode_text(ValueRef::Blob(z)),
        }
        .expect("decode")
    }

    /// Stores depend on these exact bytes: a change must come with a new
    /// tag (and keep this one readable), never in place.
    #[test]
    fn the_event_prefix_never_changes() {
        assert_eq!(EVENT_PREFIX.len(), 614);
        assert_eq!(
            blake3::hash(EVENT_PREFIX).to_hex().as_str(),
            "1439689fcc27ee80baa375fe8f097dd2b39aaf792aa8ebae43f2040cf87cd69e"
        );
    }

    #[test]
    fn events_are_tagged_smaller_and_read_back() {
        let head = r#"{"schema":1,"event_id":"ev_2eb81c52096fde367ba3","time":"2026-12-06T08:50:16.365Z","path":"s000/article-000057.txt","root":"/tmp/ed","event":"created","revision":1,"prev_revision":null,"hash":"blake3:c01d5f4b7944b73294a8c14ab222c8a463546835473cc8cdd6937dfc1584f0d8","title":"Valdon Water supply Costs Rise as Larkfield teachers' union weighs Delays","severity":"medium","summary":{"added":61,"removed":0,"modified":0,"unchanged":0},"changes":[]}"#;
        let p = Packed::event(head.to_string());
        let Packed::Zstd(z) = &p else {
            panic!("compressed")
        };
        assert_eq!(z[0], EVENT_TAG);
        let plain = Packed::pack_str(head.to_string());
        assert!(p.len() < plain.len(), "{} against {}", p.len(), plain.len());
        // Several in a row on one thread: the prefix is set per frame.
        for _ in 0..3 {
            assert_eq!(read_back(&p), head);
            assert_eq!(read_back(&plain), head);
        }
        // Short values stay plain; long ones are ordinary frames.
        assert_eq!(Packed::event("{}".into()), Packed::Plain(b"{}".to_vec()));
        let long = format!("[{}]", head.repeat(EVENT_PREFIX_MAX / head.len() + 1));
        let Packed::Zstd(z) = Packed::event(long.clone()) else {
            panic!("compressed")
        };
        assert_ne!(z[0], EVENT_TAG);
        assert_eq!(decode_text(ValueRef::Blob(&z)).expect("long"), long);
    }

    #[test]
    fn a_damaged_tagged_event_is_an_error() {
        let head = r#"{"schema":1,"event_id":"ev_1","path":"a.txt","event":"deleted","severity":"none","summary":{"added":0,"removed":3,"modified":0,"unchanged":0},"changes":[]}"#;
        let Packed::Zstd(z) = Packed::event(head.repeat(3)) else {
            panic!("compressed")
        };
        assert!(decode_text(ValueRef::Blob(&z[..z.len() - 3])).is_err());
        assert!(decode_text(ValueRef::Blob(&z[..1])).is_err());
        assert!(decode_text(ValueRef::Blob(&z[1..3])).is_err());
        // The same frame without the prefix does not decode as the text.
        assert_ne!(
            decode_text(ValueRef::Blob(&z[1..])).ok().as_deref(),
            Some(head.repeat(3).as_str())
        );
    }

    #[test]
    fn claims_settings_read_back_like_any_frame() {
        let json = r#"{"id":"c_1","kind":"statement","text":"The bridge opened.","numbers":[]},"#
            .repeat(30);
        let z = compress(json.as_bytes(), Kind::Claims).expect("claims");
        let plain = compress(json.as_bytes(), Kind::Plain).expect("plain");
        for f in [&z, &plain, &z] {
            assert_eq!(decode_text(ValueRef::Blob(f)).expect("decode"), json);
        }
    }
}
