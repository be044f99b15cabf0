//! The `claimwatch` binary: parses the command line and runs one command.
//! Exit codes: 0 success, 1 runtime failure, 2 bad usage or invalid config.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use claimwatch::cli::{Cli, Command, OutputFormat};
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
