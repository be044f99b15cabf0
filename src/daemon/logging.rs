//! The human log on stderr (or journald) through tracing: level from
//! `CLAIMWATCH_LOG`, else `[log] level`, else `info`.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;
use tracing_subscriber::prelude::*;

use crate::config::{ENV_LOG, LogConfig, LogFormat};

/// Installs the global subscriber once; later calls are no-ops.
pub fn init_tracing(cfg: &LogConfig) {
    let directive = std::env::var(ENV_LOG)
        .ok()
        .filter(|v| !v.is_empty())
        .or_else(|| cfg.level.clone())
        .unwrap_or_else(|| "info".into());
    let filter = EnvFilter::try_new(&directive).unwrap_or_else(|_| EnvFilter::new("info"));
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let ansi = !no_color && std::io::stderr().is_terminal();
    let registry = tracing_subscriber::registry().with(filter);
    let result = match cfg.format {
        LogFormat::Json => registry
            .with(
                tracing_subscriber::fmt::layer()
                    .json()
                    .with_writer(std::io::stderr),
            )
            .try_init(),
        LogFormat::Journald => match tracing_journald::layer() {
            Ok(j) => registry.with(j).try_init(),
            Err(_) => registry
                .with(
                    tracing_subscriber::fmt::layer()
                        .with_writer(std::io::stderr)
                        .with_ansi(ansi)
                        .with_target(false),
                )
                .try_init(),
        },
        LogFormat::Text => registry
            .with(
                tracing_subscriber::fmt::layer()
                    .with_writer(std::io::stderr)
                    .with_ansi(ansi)
                    .with_target(false),
            )
            .try_init(),
    };
    let _ = result;
}
