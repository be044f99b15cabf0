//! What a PostgreSQL error means to the store: its text for people
//! ([`describe`]) and whether it is worth retrying ([`is_full`]).

/// A `postgres::Error` as a person reads it: the server's message and
/// code when it sent one, else the client's reason.
pub fn describe(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => format!(
            "{}: {} (SQLSTATE {})",
            db.severity(),
            db.message(),
            db.code().code()
        ),
        None => {
            let mut text = e.to_string();
            let mut source = std::error::Error::source(e);
            while let Some(s) = source {
                text.push_str(&format!(": {s}"));
                source = s.source();
            }
            text
        }
    }
}

/// The server's disk is full (SQLSTATE 53100): worth retrying later.
pub fn is_full(e: &postgres::Error) -> bool {
    e.code() == Some(&postgres::error::SqlState::DISK_FULL)
}
