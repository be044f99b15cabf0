//! The human log through tracing: level from `CLAIMWATCH_LOG`, else
//! `[log] level`, else `info`; format from `[log] format`. Under systemd
//! (stderr is the journal stream named by `JOURNAL_STREAM`) text goes to
//! journald natively, with structured fields (`CLAIMWATCH_PATH`,
//! `CLAIMWATCH_SEVERITY`, …) next to the message.

use std::io::IsTerminal;

use tracing_subscriber::filter::Targets;
use tracing_subscriber::prelude::*;

use crate::config::{ENV_LOG, LogConfig, LogFormat, log_filter, with_quiet_libraries};

/// True when stderr is the journal stream systemd connected us to: the
/// `JOURNAL_STREAM` variable holds its `device:inode`.
pub fn stderr_is_journal() -> bool {
    names_stderr(std::env::var_os("JOURNAL_STREAM").as_deref())
}

/// Whether a `JOURNAL_STREAM` value (`device:inode`) is our stderr.
fn names_stderr(value: Option<&std::ffi::OsStr>) -> bool {
    use std::os::unix::fs::MetadataExt;
    let Some(v) = value else {
        return false;
    };
    let Some((dev, ino)) = v.to_str().and_then(|s| s.split_once(':')) else {
        return false;
    };
    // /proc/self/fd/2 follows to the socket; its metadata is the stream's.
    match std::fs::metadata("/proc/self/fd/2") {
        Ok(m) => dev.parse() == Ok(m.dev()) && ino.parse() == Ok(m.ino()),
        Err(_) => false,
    }
}

/// The journald layer with claimwatch's field prefix, if journald answers.
fn journald() -> Option<tracing_journald::Layer> {
    tracing_journald::layer().ok().map(|l| {
        l.with_field_prefix(Some("CLAIMWATCH".into()))
            .with_syslog_identifier("claimwatch".into())
    })
}

/// The target-filter directive: `CLAIMWATCH_LOG`, else `[log] level`, else
/// `info`, with operators' level names (`warning`, `err`) translated. The
/// config check rejects anything else; should an unchecked value get here,
/// `info` is used rather than a filter that silences every line.
fn directive(cfg: &LogConfig) -> String {
    std::env::var(ENV_LOG)
        .ok()
        .filter(|v| !v.is_empty())
        .or_else(|| cfg.level.clone())
        .and_then(|l| log_filter(&l).ok())
        .map(|d| with_quiet_libraries(&d))
        .unwrap_or_else(|| with_quiet_libraries("info"))
}

/// Installs the global subscriber once; later calls are no-ops.
pub fn init_tracing(cfg: &LogConfig) {
    // Targets, not EnvFilter: the directives are levels per target only,
    // and EnvFilter's regex matchers built full DFAs in every process
    // (~4 M instructions of a one-shot command; see docs/PERFORMANCE.md).
    let filter: Targets = directive(cfg).parse().unwrap_or_else(|_| {
        Targets::new()
            .with_default(tracing::Level::WARN)
            .with_target("claimwatch", tracing::Level::INFO)
    });
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let ansi = !no_color && std::io::stderr().is_terminal();
    let registry = tracing_subscriber::registry().with(filter);
    let text = || {
        tracing_subscriber::fmt::layer()
            .with_writer(std::io::stderr)
            .with_ansi(ansi)
            .with_target(false)
    };
    let journal = match cfg.format {
        LogFormat::Journald => journald(),
        LogFormat::Text if stderr_is_journal() => journald(),
        _ => None,
    };
    let result = match (cfg.format, journal) {
        (_, Some(j)) => registry.with(j).try_init(),
        // Fields at the top level, so `jq .path` works on each line.
        (LogFormat::Json, None) => registry
            .with(
                tracing_subscriber::fmt::layer()
                    .json()
                    .flatten_event(true)
                    .with_current_span(false)
                    .with_writer(std::io::stderr),
            )
            .try_init(),
        (_, None) => registry.with(text()).try_init(),
    };
    let _ = result;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn journal_stream_must_name_our_stderr() {
        use std::os::unix::fs::MetadataExt;
        assert!(!names_stderr(None));
        assert!(!names_stderr(Some("garbage".as_ref())));
        assert!(!names_stderr(Some("1:1".as_ref())));
        if let Ok(m) = std::fs::metadata("/proc/self/fd/2") {
            let v = format!("{}:{}", m.dev(), m.ino());
            assert!(names_stderr(Some(v.as_ref())));
        }
    }
}
