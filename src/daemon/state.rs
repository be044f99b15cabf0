//! The state folder: opening the store in it (read-write or, for
//! `history`/`show`, read-only) and its lock ([`StateLock`]), which keeps
//! two writers off one folder.

use std::path::{Path, PathBuf};

use super::DaemonError;
use crate::config::Config;
use crate::store::Store;

/// Where the store is: the SQLite file in the state folder, or a shared
/// PostgreSQL (`[store] url`, its `env:VAR` already read).
#[derive(Clone)]
pub enum StoreSpec {
    Sqlite(PathBuf),
    Postgres { url: String, node: String },
}

impl StoreSpec {
    /// The store as `[store]` says, with the node's name for PostgreSQL.
    pub fn of(cfg: &Config) -> Result<StoreSpec, DaemonError> {
        let Some(url) = &cfg.store.url else {
            return Ok(StoreSpec::Sqlite(cfg.store_path()));
        };
        let url = crate::sinks::plan::Secret::resolve(url, "[store] url")
            .map_err(|e| DaemonError::Fatal(format!("{e}; set it or fix [store] url")))?;
        Ok(StoreSpec::Postgres {
            url: url.expose().to_string(),
            node: cfg.node.resolved_name(),
        })
    }

    /// The store as people may see it named (no password).
    pub fn label(&self) -> String {
        match self {
            StoreSpec::Sqlite(p) => p.display().to_string(),
            StoreSpec::Postgres { url, .. } => crate::config::redact_url(url),
        }
    }

    /// Connects for reading and writing outside the daemon's writer (the
    /// report thread): SQLite only once the daemon created the file.
    pub fn open_reader(&self) -> Option<Store> {
        match self {
            StoreSpec::Sqlite(p) => p.exists().then(|| Store::open(p).ok()).flatten(),
            StoreSpec::Postgres { url, node } => Store::connect(url, node, &[]).ok(),
        }
    }
}

/// Connects to the PostgreSQL store as this node, writing for `roots`.
fn connect(url: &str, node: &str, roots: &[String]) -> Result<Store, DaemonError> {
    Store::connect(url, node, roots).map_err(|e| {
        DaemonError::Fatal(format!(
            "{e}; check [store] url, that the server runs and that this node may connect"
        ))
    })
}

/// Opens the store the config names, creating the state folder (and a
/// SQLite store) if needed. With PostgreSQL, `roots` are the roots whose
/// outbox this node delivers.
pub fn open_store_for(cfg: &Config, create: bool, roots: &[String]) -> Result<Store, DaemonError> {
    match StoreSpec::of(cfg)? {
        StoreSpec::Sqlite(_) => open_store(cfg, create),
        StoreSpec::Postgres { url, node } => {
            create_state_dir(cfg)?;
            connect(&url, &node, roots)
        }
    }
}

fn create_state_dir(cfg: &Config) -> Result<(), DaemonError> {
    std::fs::create_dir_all(&cfg.state.dir).map_err(|e| {
        DaemonError::Fatal(format!(
            "cannot create the state folder {}: {e}; create it or point --state / [state] dir elsewhere",
            cfg.state.dir.display()
        ))
    })
}

/// Opens the SQLite store in the state dir, creating both if needed.
pub fn open_store(cfg: &Config, create: bool) -> Result<Store, DaemonError> {
    let path = cfg.store_path();
    if !create && !path.exists() {
        return Err(DaemonError::Fatal(format!(
            "no store at {}: run `claimwatch run` or `claimwatch scan` first, or pass --state DIR or --config FILE (the service's is /etc/claimwatch/claimwatch.toml)",
            path.display()
        )));
    }
    create_state_dir(cfg)?;
    Store::open(&path).map_err(|e| {
        DaemonError::Fatal(format!(
            "{}; check that the state folder is writable and not used by another claimwatch version",
            naming(&path, &e)
        ))
    })
}

/// A store error's text, naming the store's path when it does not already.
fn naming(path: &Path, e: &crate::store::StoreError) -> String {
    let text = e.to_string();
    let shown = path.display().to_string();
    if text.contains(&shown) {
        text
    } else {
        format!("{shown}: {text}")
    }
}

/// Opens the store for `history` and `show`: read-only, writing nothing,
/// so an auditor's copy or a store on a read-only disk opens too. With
/// no writer running and no write-ahead log beside it, the file is
/// opened as immutable (no `-shm` is created next to it).
pub fn open_store_read_only(cfg: &Config) -> Result<Store, DaemonError> {
    if let StoreSpec::Postgres { url, node } = StoreSpec::of(cfg)? {
        return connect(&url, &node, &[]);
    }
    let path = cfg.store_path();
    if !path.exists() {
        return open_store(cfg, false);
    }
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    let quiet = !writer_active(cfg) && std::fs::metadata(&wal).map_or(true, |m| m.len() == 0);
    Store::open_read_only(&path, quiet)
        .or_else(|e| {
            // A live store in a folder we may not write: read what the
            // file holds (the last checkpoint) rather than nothing.
            if quiet {
                Err(e)
            } else {
                Store::open_read_only(&path, true)
            }
        })
        .map_err(|e| DaemonError::Fatal(naming(&path, &e)))
}

/// A store query's error from `history`/`show`/`reindex`, naming the
/// store it came from.
pub fn in_store(cfg: &Config, e: DaemonError) -> DaemonError {
    match e {
        DaemonError::Fatal(m) if m.starts_with("store:") => {
            let label = StoreSpec::of(cfg)
                .map_or_else(|_| cfg.store_path().display().to_string(), |s| s.label());
            DaemonError::Fatal(format!("{label}: {m}"))
        }
        other => other,
    }
}

/// True when a daemon or scan holds the state folder's lock.
fn writer_active(cfg: &Config) -> bool {
    use std::os::fd::AsRawFd;
    let Ok(file) = std::fs::File::open(cfg.state.dir.join("claimwatch.lock")) else {
        return false;
    };
    // SAFETY: flock(2) on a descriptor we own; no memory is involved.
    let rc = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_SH | libc::LOCK_NB) };
    // Closing the file drops the shared lock at once.
    rc != 0
}

/// An exclusive lock on a state folder, held while a daemon or a scan
/// writes to it, so two writers never race on revision numbers.
pub struct StateLock {
    _file: std::fs::File,
}

/// Takes the state folder's lock or says who holds it.
pub fn lock_state(cfg: &Config) -> Result<StateLock, DaemonError> {
    use std::io::Write as _;
    use std::os::fd::AsRawFd;
    let path = cfg.state.dir.join("claimwatch.lock");
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&path)
        .map_err(|e| {
            DaemonError::Fatal(format!(
                "cannot open {}: {e}; check that the state folder is writable, or use another --state",
                path.display()
            ))
        })?;
    // SAFETY: flock(2) on a descriptor we own; no memory is involved.
    let rc = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    if rc != 0 {
        let holder = std::fs::read_to_string(&path).unwrap_or_default();
        return Err(DaemonError::Fatal(format!(
            "the state folder {} is in use by another claimwatch (pid {}); stop it or use another --state",
            cfg.state.dir.display(),
            holder.trim()
        )));
    }
    let _ = file.set_len(0);
    let _ = write!(file, "{}", std::process::id());
    Ok(StateLock { _file: file })
}
