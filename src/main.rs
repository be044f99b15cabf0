//! The `claimwatch` binary: parses the command line and runs one command.
//! Exit codes: 0 success, 1 runtime failure, 2 bad usage or invalid config.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use claimwatch::cli::{Cli, Command, OutputFormat, StateArgs};
use claimwatch::daemon::{self, DaemonError, Options, Overrides};
use claimwatch::render::{self, Style};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("claimwatch: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Run { state, paths } => daemon_cmd(state, paths, DaemonCmd::Run),
        Command::Scan { state, paths } => daemon_cmd(state, paths, DaemonCmd::Scan),
        Command::History {
            path,
            state,
            format,
        } => daemon_cmd(state, Vec::new(), DaemonCmd::History(path, format)),
        Command::Show { event_id, state } => {
            daemon_cmd(state, Vec::new(), DaemonCmd::Show(event_id))
        }
        Command::Reindex { state } => daemon_cmd(state, Vec::new(), DaemonCmd::Reindex),
        Command::CheckConfig { config } => Ok(check_config(config)),
        Command::Extract { file, format } => {
            let ex = claimwatch::extract_file(&file)?;
            for w in &ex.warnings {
                eprintln!("claimwatch: warning: {}: {w}", file.display());
            }
            let out = match format {
                OutputFormat::Json => serde_json::to_string_pretty(&ex)? + "\n",
                OutputFormat::Text => render::extraction_text(&ex, Style::for_stdout()),
            };
            print_out(&out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Diff {
            old,
            new,
            format,
            exit_code,
        } => {
            let a = claimwatch::extract_file(&old)?;
            let b = claimwatch::extract_file(&new)?;
            for (p, w) in a
                .warnings
                .iter()
                .map(|w| (&old, w))
                .chain(b.warnings.iter().map(|w| (&new, w)))
            {
                eprintln!("claimwatch: warning: {}: {w}", p.display());
            }
            let d = claimwatch::diff::diff(&a.claims, &b.claims);
            let out = match format {
                OutputFormat::Json => {
                    let doc = serde_json::json!({
                        "old": old.display().to_string(),
                        "new": new.display().to_string(),
                        "summary": d.summary,
                        "changes": d.changes,
                    });
                    serde_json::to_string_pretty(&doc)? + "\n"
                }
                OutputFormat::Text => claimwatch::diff::text::render(
                    &old.display().to_string(),
                    &new.display().to_string(),
                    &d,
                    Style::for_stdout(),
                ),
            };
            print_out(&out)?;
            Ok(if exit_code && !d.is_empty() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
    }
}

/// Writes to stdout, treating a closed pipe (`| head`) as success.
fn print_out(s: &str) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(s.as_bytes()).and_then(|_| stdout.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => Ok(r?),
    }
}

/// The commands that work on the store.
enum DaemonCmd {
    Run,
    Scan,
    History(std::path::PathBuf, OutputFormat),
    Show(String),
    Reindex,
}

/// Resolves config and state, runs one stateful command, and maps its
/// errors to exit codes (2 for config, 1 for runtime).
fn daemon_cmd(
    state: StateArgs,
    paths: Vec<std::path::PathBuf>,
    cmd: DaemonCmd,
) -> anyhow::Result<ExitCode> {
    let opts = Options {
        config_path: state.config,
        overrides: Overrides {
            roots: paths,
            state: state.state,
        },
    };
    let result = (|| -> Result<ExitCode, DaemonError> {
        let cfg = daemon::resolve_config(&opts)?;
        match cmd {
            DaemonCmd::Run => {
                daemon::init_tracing(&cfg.log);
                let rt = tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(2)
                    .enable_all()
                    .build()
                    .map_err(|e| DaemonError::Fatal(format!("cannot start the runtime: {e}")))?;
                rt.block_on(daemon::run(opts, std::future::pending::<()>()))?;
                Ok(ExitCode::SUCCESS)
            }
            DaemonCmd::Scan => {
                daemon::init_tracing(&cfg.log);
                let start = std::time::Instant::now();
                let st = daemon::scan(&cfg)?;
                let secs = start.elapsed().as_secs_f64();
                eprintln!(
                    "claimwatch: scanned {} files in {:.1}s ({:.0}/s): {} created, {} modified, {} deleted, {} renamed, {} restored, {} unchanged, {} errors",
                    st.examined,
                    secs,
                    st.examined as f64 / secs.max(0.001),
                    st.created,
                    st.modified,
                    st.deleted,
                    st.renamed,
                    st.restored,
                    st.unchanged,
                    st.errors
                );
                Ok(ExitCode::SUCCESS)
            }
            DaemonCmd::History(path, format) => {
                let store = daemon::open_store(&cfg, false)?;
                let out = daemon::inspect::history(
                    &store,
                    &path,
                    format == OutputFormat::Json,
                    Style::for_stdout(),
                )?;
                print_out(&out).map_err(|e| DaemonError::Fatal(e.to_string()))?;
                Ok(ExitCode::SUCCESS)
            }
            DaemonCmd::Show(id) => {
                let store = daemon::open_store(&cfg, false)?;
                let out = daemon::inspect::show(&store, &id, Style::for_stdout())?;
                print_out(&out).map_err(|e| DaemonError::Fatal(e.to_string()))?;
                Ok(ExitCode::SUCCESS)
            }
            DaemonCmd::Reindex => {
                daemon::init_tracing(&cfg.log);
                let mut store = daemon::open_store(&cfg, false)?;
                let (done, failed) = daemon::inspect::reindex(&mut store)?;
                eprintln!(
                    "claimwatch: re-extracted {done} revisions ({failed} failed); no events emitted"
                );
                Ok(ExitCode::SUCCESS)
            }
        }
    })();
    match result {
        Ok(code) => Ok(code),
        Err(e) => {
            eprintln!("claimwatch: {e}");
            Ok(ExitCode::from(e.exit_code()))
        }
    }
}

/// `check-config`: every error at once, exit 2 if any.
fn check_config(path: Option<std::path::PathBuf>) -> ExitCode {
    let opts = Options {
        config_path: path.clone(),
        overrides: Overrides::default(),
    };
    match daemon::resolve_config(&opts) {
        Ok(cfg) => {
            let what = path
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| "built-in defaults".into());
            println!("config OK ({what}): {}", daemon::describe(&cfg));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("claimwatch: {e}");
            ExitCode::from(2)
        }
    }
}
