//! Test stores on both backends (for this crate's tests and the
//! integration tests; not an API): [`pg_store`] gives a PostgreSQL store
//! in a scratch schema of the shared test database (dropped afterwards),
//! [`scratch_url`] a URL into a new schema, and `on_both_backends!` runs
//! one test body against SQLite and PostgreSQL.

use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicU32, Ordering};

use super::Store;

/// The test database: `CLAIMWATCH_TEST_PG` or the local server CI starts.
pub fn test_url() -> String {
    std::env::var("CLAIMWATCH_TEST_PG")
        .unwrap_or_else(|_| "host=127.0.0.1 port=5432 user=postgres dbname=test".into())
}

/// A PostgreSQL store in its own schema; the schema goes when it drops.
pub struct PgScratch {
    store: Store,
    schema: String,
}

impl Deref for PgScratch {
    type Target = Store;
    fn deref(&self) -> &Store {
        &self.store
    }
}

impl DerefMut for PgScratch {
    fn deref_mut(&mut self) -> &mut Store {
        &mut self.store
    }
}

impl Drop for PgScratch {
    fn drop(&mut self) {
        drop_schema(&self.schema);
    }
}

/// Drops a scratch schema and everything in it.
pub fn drop_schema(schema: &str) {
    if let Ok(mut c) = postgres::Client::connect(&test_url(), postgres::NoTls) {
        let _ = c.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"));
    }
}

/// A new scratch schema's name and the URL that puts a connection in it.
pub fn scratch_url() -> (String, String) {
    static N: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    let schema = format!(
        "cw_t_{}_{nanos}_{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    );
    let base = test_url();
    let mut admin = postgres::Client::connect(&base, postgres::NoTls).unwrap_or_else(|e| {
        panic!(
            "no PostgreSQL at {base} ({}); start it with\n  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n(or set CLAIMWATCH_TEST_PG to another server)",
            super::pg::describe(&e)
        )
    });
    admin
        .batch_execute(&format!("CREATE SCHEMA {schema}"))
        .expect("create the scratch schema");
    let url = if base.contains("://") {
        let sep = if base.contains('?') { '&' } else { '?' };
        format!("{base}{sep}options=-csearch_path%3D{schema}")
    } else {
        format!("{base} options='-c search_path={schema}'")
    };
    (schema, url)
}

/// A migrated PostgreSQL store in a scratch schema, as node `test` owning
/// the root `/r`.
pub fn pg_store() -> PgScratch {
    let (schema, url) = scratch_url();
    let store = Store::connect(&url, "test", &["/r".to_string()]).expect("connect");
    PgScratch { store, schema }
}

/// Runs each test body (given `s: &mut Store`) once per backend, as
/// `<name>::sqlite` and `<name>::postgres`.
#[cfg(test)]
macro_rules! on_both_backends {
    ($($(#[$m:meta])* fn $name:ident($s:ident) $body:block)*) => {
        $(
            $(#[$m])*
            mod $name {
                #[allow(unused_imports)]
                use super::*;
                fn check($s: &mut $crate::store::Store) $body
                #[test]
                fn sqlite() {
                    check(&mut $crate::store::Store::open_in_memory().expect("store"));
                }
                #[test]
                fn postgres() {
                    check(&mut $crate::store::testing::pg_store());
                }
            }
        )*
    };
}
#[cfg(test)]
pub(crate) use on_both_backends;
