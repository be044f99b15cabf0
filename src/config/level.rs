//! Log levels as operators write them ([`log_filter`]): the names journald
//! and syslog use (`warning`, `err`, `notice`, …) and tracing's own, alone
//! or per target (`claimwatch=debug,info`), turned into a target-filter
//! directive. Anything else is an error, never a silent filter: tracing's
//! target filters read an unknown word such as `warning` as a *target name*
//! and then log nothing at all.

/// The tracing level a level name means, if it is one (case-insensitive).
fn level_name(word: &str) -> Option<&'static str> {
    Some(match word.trim().to_ascii_lowercase().as_str() {
        "off" | "none" => "off",
        // journald/syslog's emerg, alert and crit are all errors here.
        "error" | "err" | "crit" | "critical" | "alert" | "emerg" => "error",
        "warn" | "warning" => "warn",
        "info" | "information" | "informational" | "notice" => "info",
        "debug" => "debug",
        "trace" => "trace",
        _ => return None,
    })
}

/// The names accepted, for error messages.
pub const LEVEL_NAMES: &str = "error (err), warn (warning), info (information, notice), debug, trace, off; or per target: claimwatch=debug,info";

/// Turns a `[log] level` / `CLAIMWATCH_LOG` value into a target-filter
/// directive, or says why it is not one.
pub fn log_filter(spec: &str) -> Result<String, String> {
    let bad = || format!("{spec:?} is not a log level; use {LEVEL_NAMES}");
    if spec.trim().is_empty() {
        return Err(bad());
    }
    let mut out = Vec::new();
    for part in spec.split(',') {
        let part = part.trim();
        let directive = match part.split_once('=') {
            None => level_name(part).ok_or_else(bad)?.to_string(),
            Some((target, level)) => {
                let target = target.trim();
                let valid_target = !target.is_empty()
                    && target
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':');
                if !valid_target {
                    return Err(bad());
                }
                format!("{target}={}", level_name(level).ok_or_else(bad)?)
            }
        };
        out.push(directive);
    }
    Ok(out.join(","))
}

/// The directive the daemon installs for a level: at `info`, libraries
/// (notify, reqwest, …) log only warnings, so their own "info" chatter
/// (`unable to remove watch descriptor … Os { code: 22 … }` when a
/// folder tree is deleted) never reaches the journal as if it were ours.
/// `debug` and `trace` show everything; per-target directives are kept.
pub fn with_quiet_libraries(directive: &str) -> String {
    if directive == "info" {
        "warn,claimwatch=info".to_string()
    } else {
        directive.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue14_log_level_names_operators_use_are_accepted() {
        for (given, want) in [
            ("warning", "warn"),
            ("WARN", "warn"),
            ("information", "info"),
            ("info", "info"),
            ("err", "error"),
            ("error", "error"),
            ("debug", "debug"),
            ("trace", "trace"),
            ("notice", "info"),
            (" claimwatch=debug , warning", "claimwatch=debug,warn"),
        ] {
            assert_eq!(log_filter(given).as_deref(), Ok(want), "{given}");
            // What we hand tracing must parse there too.
            assert!(want.parse::<tracing_subscriber::filter::Targets>().is_ok());
        }
    }

    #[test]
    fn issue14_libraries_log_warnings_only_at_info() {
        use std::sync::{Arc, Mutex};
        use tracing_subscriber::prelude::*;
        #[derive(Clone, Default)]
        struct Buf(Arc<Mutex<Vec<u8>>>);
        impl std::io::Write for Buf {
            fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
                self.0
                    .lock()
                    .map_err(|_| std::io::ErrorKind::Other)?
                    .extend_from_slice(b);
                Ok(b.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let buf = Buf::default();
        let writer = buf.clone();
        let subscriber = tracing_subscriber::registry()
            .with(
                with_quiet_libraries("info")
                    .parse::<tracing_subscriber::filter::Targets>()
                    .expect("a target filter"),
            )
            .with(tracing_subscriber::fmt::layer().with_writer(move || writer.clone()));
        tracing::subscriber::with_default(subscriber, || {
            tracing::info!(target: "notify::inotify", "library chatter");
            tracing::warn!(target: "notify::inotify", "library warning");
            tracing::info!(target: "claimwatch::daemon", "our line");
        });
        let text = String::from_utf8_lossy(&buf.0.lock().expect("buf")).into_owned();
        assert!(!text.contains("library chatter"), "{text}");
        assert!(
            text.contains("library warning") && text.contains("our line"),
            "{text}"
        );
        assert_eq!(with_quiet_libraries("debug"), "debug");
        assert_eq!(with_quiet_libraries("claimwatch=debug"), "claimwatch=debug");
    }

    #[test]
    fn issue14_invalid_log_level_is_an_error() {
        for bad in [
            "verbose",
            "",
            "warnings",
            "claimwatch=loud",
            "=debug",
            "a b=info",
        ] {
            let e = log_filter(bad).expect_err(bad);
            assert!(e.contains("not a log level"), "{e}");
        }
    }
}
