//! Command-line interface definition ([`Cli`], [`Command`]) with clap derive.
//! `main.rs` dispatches; this module only describes arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

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
    /// Print the claims of one article file (.txt, .md, .html), or of each
    /// item of an RSS/Atom feed.
    Extract {
        /// The article file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: OutputFormat,
    },
    /// Print the claim changes between two article files (no state kept);
    /// for two versions of a feed, per item (paired by id).
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
    /// Run the daemon in the foreground: watch folders, record every
    /// revision of every article, write one change event per revision.
    ///
    /// With no config it watches the given paths (default: the current
    /// folder), keeps state in ./.claimwatch/ and writes the change log to
    /// <state>/changes.jsonl. Edits made while it was stopped are reported
    /// at start. SIGTERM/SIGINT finish the file in hand and exit 0; SIGHUP
    /// reloads the config (keeping the old one if the new one is invalid)
    /// and reopens the change log.
    Run {
        #[command(flatten)]
        state: StateArgs,
        /// Folders to watch (replace `[watch] roots`; default `.`).
        paths: Vec<PathBuf>,
    },
    /// One reconcile pass: record what changed since the last run, write
    /// the events exactly as the daemon would, print a summary and exit.
    ///
    /// For cron, for catching up, and for indexing an archive (uses every
    /// core; progress bar on a terminal).
    Scan {
        #[command(flatten)]
        state: StateArgs,
        /// Folders to scan (replace `[watch] roots`; default `.`).
        paths: Vec<PathBuf>,
    },
    /// List the stored revisions of a watched file with their events.
    History {
        /// The file (a path on disk, or relative to its root as in events).
        path: PathBuf,
        /// For a feed: the item whose history to list (its guid or Atom
        /// id, as in the events' `item.id`).
        #[arg(long, value_name = "ID")]
        item: Option<String>,
        #[command(flatten)]
        state: StateArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: OutputFormat,
        /// Show each claim's lineage across the revisions instead: first
        /// seen, modified (with details), removed, restored, split, merged,
        /// flip-flops.
        #[arg(long)]
        claims: bool,
        /// Same as --format json.
        #[arg(long)]
        json: bool,
    },
    /// Write a static HTML report of the watched articles: an index (last
    /// change, severity, counts; paged) and per article its revisions and
    /// every claim's lineage with the changed words marked.
    ///
    /// Needs no server and no network: open DIR/index.html, or copy the
    /// folder anywhere.
    Report {
        /// Only these articles (files or folders; default: all).
        paths: Vec<PathBuf>,
        #[command(flatten)]
        state: StateArgs,
        /// Only articles changed since: a time (2026-11-23T10:00:00Z), a
        /// date (2026-11-23) or a span back from now (24h, 7d).
        #[arg(long, value_name = "TIME", value_parser = crate::report::since_arg)]
        since: Option<String>,
        /// The folder to write (created if needed).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Show one change event, rendered for people.
    Show {
        /// The event id (`ev_…`, from the change log or `history`).
        event_id: String,
        #[command(flatten)]
        state: StateArgs,
    },
    /// Print the change log for people: time, path, severity, and each
    /// change with its changed words marked and the speaker.
    ///
    /// Reads `<state>/changes.jsonl` (or `[log] changes`, or --file).
    /// With `[store] url` (a shared PostgreSQL store) it reads every
    /// node's events from the store instead, unless --file is given.
    /// With --follow, keeps printing new events, through log rotation.
    Tail {
        #[command(flatten)]
        state: StateArgs,
        /// The change log to read (default: from the config / state).
        #[arg(long)]
        file: Option<PathBuf>,
        /// Keep printing events as they are written.
        #[arg(short, long)]
        follow: bool,
        /// Only changes at or above this severity.
        #[arg(long, value_enum)]
        min_severity: Option<SeverityArg>,
        /// Only events whose path (relative to its root) matches this glob.
        #[arg(long, value_name = "GLOB")]
        path: Option<String>,
        /// Print the matching change-log lines as JSON, unchanged.
        #[arg(long)]
        json: bool,
        /// Start with the last N matching events (0 = all).
        #[arg(short = 'n', long, default_value_t = 10)]
        lines: usize,
    },
    /// Validate a config file and print every error at once (exit 2 if any).
    CheckConfig {
        /// The config file (default: $CLAIMWATCH_CONFIG, else built-in defaults).
        #[arg(long, env = "CLAIMWATCH_CONFIG")]
        config: Option<PathBuf>,
    },
    /// Re-extract the claims of every stored revision with the current
    /// extractor (after an upgrade). Emits no events.
    Reindex {
        #[command(flatten)]
        state: StateArgs,
    },
    /// Write the man page or shell completions to stdout (for packaging).
    #[command(hide = true)]
    Generate {
        #[command(subcommand)]
        what: GenerateWhat,
    },
}

/// What `claimwatch generate` writes.
#[derive(Debug, Subcommand)]
pub enum GenerateWhat {
    /// The man pages (roff): `claimwatch generate man --dir man1` writes
    /// claimwatch.1 and one claimwatch-COMMAND.1 per command; without
    /// --dir, claimwatch.1 goes to stdout.
    Man {
        /// Write every page into this folder (created if needed).
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Completions for a shell: `claimwatch generate completions bash`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// A minimum severity on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SeverityArg {
    Low,
    Medium,
    High,
}

impl From<SeverityArg> for crate::diff::Severity {
    fn from(s: SeverityArg) -> Self {
        match s {
            SeverityArg::Low => crate::diff::Severity::Low,
            SeverityArg::Medium => crate::diff::Severity::Medium,
            SeverityArg::High => crate::diff::Severity::High,
        }
    }
}

/// Where the config and the state live; shared by the stateful commands.
#[derive(Debug, Clone, Args)]
pub struct StateArgs {
    /// TOML config file (see config/claimwatch.toml). Without one, defaults
    /// apply.
    #[arg(long, env = "CLAIMWATCH_CONFIG")]
    pub config: Option<PathBuf>,
    /// State folder (store and default change log); overrides `[state] dir`
    /// and $CLAIMWATCH_STATE_DIR. Default ./.claimwatch
    #[arg(long)]
    pub state: Option<PathBuf>,
}
