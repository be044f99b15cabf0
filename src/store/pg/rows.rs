//! Values and rows as they cross the wire: packed (zstd or plain) text
//! columns in and out of the shared codec, and `files` rows.

use postgres::Row;
use rusqlite::types::ValueRef;

use crate::store::codec::{self, Packed};
use crate::store::{FileRow, Result};

/// A stored text value as the shared codec reads it: a zstd frame is a
/// BLOB, plain JSON is TEXT.
pub(super) fn packed_ref(bytes: Option<&[u8]>, zstd: bool) -> ValueRef<'_> {
    match bytes {
        None => ValueRef::Null,
        Some(b) if zstd => ValueRef::Blob(b),
        Some(b) => ValueRef::Text(b),
    }
}

/// A packed value's bytes and whether they are a zstd frame.
pub(super) fn parts(p: &Packed) -> (&[u8], bool) {
    match p {
        Packed::Plain(b) => (b, false),
        Packed::Zstd(b) => (b, true),
    }
}

/// The change-log line of an event from the columns `json, json_z,
/// derived, claims, claims_z` starting at `at` (claims NULL unless
/// derived).
pub(super) fn stored_line(r: &Row, at: usize) -> Result<String> {
    let claims_z: Option<bool> = r.get(at + 4);
    Ok(codec::event_line(
        packed_ref(r.get(at), r.get(at + 1)),
        r.get::<_, Option<i16>>(at + 2).map(i64::from),
        packed_ref(r.get(at + 3), claims_z.unwrap_or(false)),
    )?)
}

pub(super) const FILE_COLS: &str = "id, root, path, live, mtime_ns, size, last_revision";

pub(super) fn file_row(r: &Row) -> FileRow {
    FileRow {
        id: r.get(0),
        root: r.get(1),
        path: r.get(2),
        live: r.get(3),
        mtime_ns: r.get(4),
        size: r.get(5),
        last_revision: r.get(6),
    }
}
