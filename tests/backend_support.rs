//! Which store backend the daemon tests run on: SQLite (the default), or
//! with `CLAIMWATCH_TEST_STORE=postgres` a shared PostgreSQL store, one
//! scratch schema per state folder, handed to the binary as
//! `CLAIMWATCH_STORE_URL`. `.ci/run` runs the daemon tests both ways.
//! Schemas are named `cw_it_<pid>_<n>`; those of test runs that have
//! exited are dropped when the next run starts.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};

/// True when the daemon tests run on PostgreSQL.
pub fn on_postgres() -> bool {
    std::env::var("CLAIMWATCH_TEST_STORE").is_ok_and(|v| v == "postgres")
}

fn schemas() -> &'static Mutex<HashMap<PathBuf, String>> {
    static S: OnceLock<Mutex<HashMap<PathBuf, String>>> = OnceLock::new();
    S.get_or_init(|| {
        drop_stale();
        Mutex::new(HashMap::new())
    })
}

/// Drops the schemas of earlier runs whose process is gone.
fn drop_stale() {
    let base = claimwatch::store::testing::test_url();
    let Ok(mut c) = postgres::Client::connect(&base, postgres::NoTls) else {
        return;
    };
    let Ok(rows) = c.query(
        "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'cw\\_it\\_%'",
        &[],
    ) else {
        return;
    };
    for r in rows {
        let name: String = r.get(0);
        let pid = name.split('_').nth(2).unwrap_or("");
        if !Path::new("/proc").join(pid).exists() {
            let _ = c.batch_execute(&format!("DROP SCHEMA IF EXISTS {name} CASCADE"));
        }
    }
}

/// The store URL for a state folder: the same schema every time it is
/// asked for the same folder in this run.
fn url_for(state: &Path) -> String {
    let mut map = schemas().lock().unwrap_or_else(|e| e.into_inner());
    let n = map.len();
    let schema = map
        .entry(state.to_path_buf())
        .or_insert_with(|| {
            let name = format!("cw_it_{}_{n}", std::process::id());
            let base = claimwatch::store::testing::test_url();
            let mut c = postgres::Client::connect(&base, postgres::NoTls)
                .expect("CLAIMWATCH_TEST_STORE=postgres needs the test PostgreSQL");
            c.batch_execute(&format!("CREATE SCHEMA {name}"))
                .expect("create a schema");
            name
        })
        .clone();
    format!(
        "{} options='-c search_path={schema}'",
        claimwatch::store::testing::test_url()
    )
}

/// The state folder a command line uses: `--state DIR` (relative to
/// `cwd`), else `cwd/.claimwatch`.
fn state_of(args: &[&str], cwd: &Path) -> PathBuf {
    let given = args
        .windows(2)
        .find(|w| w[0] == "--state")
        .map(|w| PathBuf::from(w[1]));
    let dir = given.unwrap_or_else(|| PathBuf::from(".claimwatch"));
    canonical(&cwd.join(dir))
}

/// The same key for a folder before and after it is created (creating it
/// here would change what the command under test finds).
fn canonical(dir: &Path) -> PathBuf {
    if let Ok(c) = std::fs::canonicalize(dir) {
        return c;
    }
    match (dir.parent(), dir.file_name()) {
        (Some(p), Some(name)) => canonical(p).join(name),
        _ => dir.to_path_buf(),
    }
}

/// Points a command at the backend under test.
pub fn choose(cmd: &mut Command, args: &[&str], cwd: &Path) {
    cmd.env_remove("CLAIMWATCH_STORE_URL");
    if on_postgres() {
        cmd.env("CLAIMWATCH_STORE_URL", url_for(&state_of(args, cwd)));
    }
}

/// Runs one statement on the store of a state folder, on whichever
/// backend it is (portable SQL: `delivered = false`, not `= 0`).
pub fn store_execute(state: &Path, sql: &str) {
    if on_postgres() {
        let url = url_for(&canonical(state));
        let mut c = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
        c.batch_execute(sql).expect(sql);
    } else {
        let db = rusqlite::Connection::open(state.join("claimwatch.db")).expect("open store");
        db.execute_batch(sql).expect(sql);
    }
}

/// A `SELECT count(*) …` on the store of a state folder.
pub fn store_count(state: &Path, sql: &str) -> i64 {
    if on_postgres() {
        let url = url_for(&canonical(state));
        let mut c = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
        c.query_one(sql, &[]).expect(sql).get(0)
    } else {
        let db = rusqlite::Connection::open(state.join("claimwatch.db")).expect("open store");
        db.query_row(sql, [], |r| r.get(0)).expect(sql)
    }
}
