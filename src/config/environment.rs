//! Checks of a config against the machine it will run on
//! ([`check_environment`]), for `check-config` (the unit's `ExecStartPre`):
//! watched folders exist, command sinks' programs can be run, and secrets
//! named `env:VAR` (webhook secrets, the NATS URL) are set. `parse` cannot do these: a config file is valid
//! or not wherever it is read.

use std::path::Path;

use super::{Config, ConfigError};

/// Every problem the config would meet at start, with its key path.
pub fn check_environment(c: &Config) -> Vec<ConfigError> {
    let mut errs = Vec::new();
    let mut err = |key: String, message: String| errs.push(ConfigError { key, message });
    for (i, r) in c.watch.roots.iter().enumerate() {
        if r.as_os_str().is_empty() {
            continue; // reported by the value checks
        }
        match std::fs::metadata(r) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => err(
                format!("watch.roots[{i}]"),
                format!("{} is not a folder", r.display()),
            ),
            Err(e) => err(
                format!("watch.roots[{i}]"),
                format!(
                    "cannot watch {}: {e}; create the folder or fix the path",
                    r.display()
                ),
            ),
        }
    }
    for (i, s) in c.alerts.sinks.iter().enumerate() {
        let key = |f: &str| format!("alerts.sinks[{i}].{f}");
        if s.kind == "command"
            && let Some(program) = s.command.as_ref().and_then(|c| c.first())
            && !program.is_empty()
            && let Err(why) = runnable(program)
        {
            err(key("command[0]"), why);
        }
        if s.kind == "webhook" || s.kind == "nats" {
            let mut secrets: Vec<(String, &str)> = Vec::new();
            if let Some(u) = &s.url {
                secrets.push((key("url"), u));
            }
            for (h, v) in &s.headers {
                secrets.push((key(&format!("headers.{h}")), v));
            }
            let token = s.token_env.as_ref().map(|v| format!("env:{v}"));
            if let Some(t) = &token {
                secrets.push((key("token_env"), t));
            }
            for (k, v) in secrets {
                if let Some(var) = v.strip_prefix("env:")
                    && std::env::var(var).map_or(true, |x| x.is_empty())
                {
                    err(
                        k,
                        format!("comes from the environment variable {var}, which is not set"),
                    );
                }
            }
        }
    }
    if let Some(n) = &c.publish.nats
        && let Some(var) = n.url.strip_prefix("env:")
        && std::env::var(var).map_or(true, |x| x.is_empty())
    {
        err(
            "publish.nats.url".into(),
            format!("comes from the environment variable {var}, which is not set"),
        );
    }
    if let Some(var) = c.store.url.as_deref().and_then(|u| u.strip_prefix("env:"))
        && std::env::var(var).map_or(true, |x| x.is_empty())
    {
        err(
            "store.url".into(),
            format!("comes from the environment variable {var}, which is not set"),
        );
    }
    errs
}

/// Whether a command sink's program can be started: a path must be an
/// executable file; a bare name must be found on `PATH` (no shell runs it).
fn runnable(program: &str) -> Result<(), String> {
    if program.contains('/') {
        return executable(Path::new(program))
            .map_err(|why| format!("the program {program} {why}"));
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    if std::env::split_paths(&path).any(|d| executable(&d.join(program)).is_ok()) {
        Ok(())
    } else {
        Err(format!(
            "the program {program:?} is not on PATH; install it or give its full path"
        ))
    }
}

fn executable(p: &Path) -> Result<(), &'static str> {
    use std::os::unix::fs::PermissionsExt;
    match std::fs::metadata(p) {
        Ok(m) if !m.is_file() => Err("is not a file"),
        Ok(m) if m.permissions().mode() & 0o111 == 0 => Err("is not executable"),
        Ok(_) => Ok(()),
        Err(_) => Err("does not exist"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue14_missing_folders_and_programs_are_reported_with_key_paths() {
        let tmp = tempfile::tempdir().expect("tmp");
        let mut c = Config::default();
        c.watch.roots = vec![tmp.path().to_path_buf(), tmp.path().join("gone")];
        c.alerts.sinks = vec![
            super::super::AlertSink {
                name: "pager".into(),
                kind: "command".into(),
                command: Some(vec!["/no/such/program".into()]),
                ..Default::default()
            },
            super::super::AlertSink {
                name: "ok".into(),
                kind: "command".into(),
                command: Some(vec!["sh".into(), "-c".into(), "true".into()]),
                ..Default::default()
            },
            super::super::AlertSink {
                name: "name".into(),
                kind: "command".into(),
                command: Some(vec!["claimwatch-no-such-notifier".into()]),
                ..Default::default()
            },
        ];
        let errs = check_environment(&c);
        let keys: Vec<&str> = errs.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "watch.roots[1]",
                "alerts.sinks[0].command[0]",
                "alerts.sinks[2].command[0]"
            ],
            "{errs:?}"
        );
        assert!(errs[1].message.contains("does not exist"), "{errs:?}");
        assert!(errs[2].message.contains("not on PATH"), "{errs:?}");
    }
}
