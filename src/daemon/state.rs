//! The state folder: opening the store in it (read-write or, for
//! `history`/`show`, read-only) and its lock ([`StateLock`]), which keeps
//! two writers off one folder.

use std::path::{Path, PathBuf};

use super::DaemonError;
use crate::config::Config;
use crate::store::Store;

/// Opens the store in the state dir, creating both if needed.
pub fn open_store(cfg: &Config, create: bool) -> Result<Store, DaemonError> {
    let path = cfg.store_path();
    if !create && !path.exists() {
        return Err(DaemonError::Fatal(format!(
            "no store at {}: run `claimwatch run` or `claimwatch scan` first, or pass --state DIR or --config FILE (the service's is /etc/claimwatch/claimwatch.toml)",
            path.display()
        )));
    }
    std::fs::create_dir_all(&cfg.state.dir).map_err(|e| {
        DaemonError::Fatal(format!(
            "cannot create the state folder {}: {e}; create it or point --state / [state] dir elsewhere",
            cfg.state.dir.display()
        ))
    })?;
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
            DaemonError::Fatal(format!("{}: {m}", cfg.store_path().display()))
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
        .map_err(|e| DaemonError::Fatal(format!("cannot open {}: {e}", path.display())))?;
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
