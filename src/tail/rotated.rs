//! Change logs that logrotate has moved aside: reading a gzipped log
//! ([`read_lines`] decompresses when the file starts with gzip's magic
//! bytes) and finding a log's rotated siblings ([`siblings`]:
//! `changes.jsonl.1`, `changes.jsonl.2.gz`, `changes.jsonl-20261130.gz`),
//! newest first, so `tail -n 50` can reach back past the last rotation.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// True when the file starts like a gzip stream.
pub fn is_gzip(path: &Path) -> io::Result<bool> {
    let mut head = [0u8; 2];
    let mut f = std::fs::File::open(path)?;
    let mut n = 0;
    while n < 2 {
        match f.read(&mut head[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n == 2 && head == GZIP_MAGIC)
}

/// Every line of a change log, plain or gzipped (several gzip members,
/// as `cat a.gz b.gz` makes, are read in turn). Errors name the path.
pub fn read_lines(path: &Path) -> io::Result<Vec<String>> {
    let named = |e: io::Error| io::Error::new(e.kind(), format!("{}: {e}", path.display()));
    let file = std::fs::File::open(path).map_err(named)?;
    let mut bytes = Vec::new();
    if is_gzip(path).map_err(named)? {
        flate2::read::MultiGzDecoder::new(file)
            .read_to_end(&mut bytes)
            .map_err(|e| {
                io::Error::new(
                    e.kind(),
                    format!("{}: not a readable gzip file: {e}", path.display()),
                )
            })?;
    } else {
        io::BufReader::new(file)
            .read_to_end(&mut bytes)
            .map_err(named)?;
    }
    Ok(String::from_utf8_lossy(&bytes)
        .lines()
        .map(str::to_string)
        .collect())
}

/// The rotated copies of `log` in its folder, newest first (by the time
/// they were last written, which is when they were rotated away).
pub fn siblings(log: &Path) -> Vec<PathBuf> {
    let Some(name) = log.file_name().and_then(|n| n.to_str()) else {
        return Vec::new();
    };
    let dir = match log.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let n = e.file_name().to_str()?.to_string();
            let rest = n.strip_prefix(name)?;
            // logrotate: `.1`, `.2.gz` (numbered) or `-20261130[.gz]` (dateext).
            let suffix = rest.strip_prefix('.').or_else(|| rest.strip_prefix('-'))?;
            let stem = suffix.strip_suffix(".gz").unwrap_or(suffix);
            if stem.is_empty() || !stem.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            let meta = e.metadata().ok()?;
            if !meta.is_file() {
                return None;
            }
            Some((meta.modified().ok()?, e.path()))
        })
        .collect();
    found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    found.into_iter().map(|(_, p)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn gzipped_and_plain_logs_read_the_same() {
        let dir = tempfile::tempdir().expect("tmp");
        let plain = dir.path().join("changes.jsonl.1");
        std::fs::write(&plain, "{\"a\":1}\n{\"a\":2}\n").expect("w");
        let gz = dir.path().join("changes.jsonl.2.gz");
        let mut enc = flate2::write::GzEncoder::new(
            std::fs::File::create(&gz).expect("create"),
            flate2::Compression::default(),
        );
        enc.write_all(b"{\"a\":1}\n{\"a\":2}\n").expect("gz");
        enc.finish().expect("finish");
        assert_eq!(
            read_lines(&plain).expect("plain"),
            read_lines(&gz).expect("gz")
        );
        assert!(is_gzip(&gz).expect("gz") && !is_gzip(&plain).expect("plain"));
        std::fs::write(dir.path().join("changes.jsonl"), "").expect("w");
        std::fs::write(dir.path().join("changes.jsonl.bak"), "").expect("w");
        let sib = siblings(&dir.path().join("changes.jsonl"));
        assert_eq!(sib.len(), 2, "{sib:?}");
    }
}
