//! Command-line interface definition ([`Cli`], [`Command`]) with clap derive.
//! `main.rs` dispatches; this module only describes arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Watches folders of news articles and reports when their claims change:
/// numbers, quotes, speakers, negations, removed claims. Stays silent on
/// formatting.
#[derive(Debug, Parser)]
#[command(name = "claimwatch", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// Output format for commands that print results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum OutputFormat {
    /// Aligned, human-readable text (coloured on a terminal unless NO_COLOR).
    #[default]
    Text,
    /// One JSON document.
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the claims of one article file (.txt, .md, .html).
    Extract {
        /// The article file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: OutputFormat,
    },
    /// Print the claim changes between two article files (no state kept).
    Diff {
        /// The older revision.
        old: PathBuf,
        /// The newer revision.
        new: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: OutputFormat,
        /// Exit with status 1 when any claim changed (like `git diff --exit-code`).
        #[arg(long)]
        exit_code: bool,
    },
}
