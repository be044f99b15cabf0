//! The `claimwatch` binary: parses the command line and runs one command.
//! Exit codes: 0 success, 1 runtime failure, 2 bad usage or invalid config.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use claimwatch::cli::{Cli, Command, GenerateWhat, OutputFormat, SeverityArg, StateArgs};
use claimwatch::daemon::{self, DaemonError, Options, Overrides};
use claimwatch::render::{self, Style};

// mimalloc: extraction allocates many small strings per claim; glibc's
// malloc cost ~13% of extraction time in `cargo bench --bench extract`.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
            item,
            state,
            format,
            claims,
            json,
        } => {
            let format = if json { OutputFormat::Json } else { format };
            daemon_cmd(
                reader_state(state),
                Vec::new(),
                DaemonCmd::History(path, item, format, claims),
            )
        }
        Command::Report {
            paths,
            state,
            since,
            out,
        } => daemon_cmd(
            reader_state(state),
            Vec::new(),
            DaemonCmd::Report(paths, since, out),
        ),
        Command::Show { event_id, state } => {
            daemon_cmd(reader_state(state), Vec::new(), DaemonCmd::Show(event_id))
        }
        Command::Reindex { state } => daemon_cmd(state, Vec::new(), DaemonCmd::Reindex),
        Command::Tail {
            state,
            file,
            follow,
            min_severity,
            path,
            json,
            lines,
        } => tail(
            reader_state(state),
            file,
            follow,
            min_severity,
            path,
            json,
            lines,
        ),
        Command::Generate { what } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            let mut out = Vec::new();
            match what {
                GenerateWhat::Man { dir: Some(dir) } => {
                    // One page per command, so the SEE ALSO entries of
                    // claimwatch(1) (claimwatch-run(1), …) all exist.
                    std::fs::create_dir_all(&dir)
                        .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", dir.display()))?;
                    clap_mangen::generate_to(cmd, &dir).map_err(|e| {
                        anyhow::anyhow!("cannot write man pages to {}: {e}", dir.display())
                    })?;
                    let mut pages: Vec<String> = std::fs::read_dir(&dir)?
                        .filter_map(Result::ok)
                        .map(|e| e.file_name().to_string_lossy().into_owned())
                        .filter(|n| n.starts_with("claimwatch") && n.ends_with(".1"))
                        .collect();
                    pages.sort();
                    eprintln!(
                        "claimwatch: wrote {} man pages to {}: {}",
                        pages.len(),
                        dir.display(),
                        pages.join(" ")
                    );
                    return Ok(ExitCode::SUCCESS);
                }
                GenerateWhat::Man { dir: None } => clap_mangen::Man::new(cmd).render(&mut out)?,
                GenerateWhat::Completions { shell } => {
                    clap_complete::generate(shell, &mut cmd, "claimwatch", &mut out)
                }
            }
            print_out(&String::from_utf8_lossy(&out))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::CheckConfig { config } => Ok(check_config(config)),
        Command::Extract { file, format } => {
            if let Some(out) =
                claimwatch::feed::commands::extract(&file, format, Style::for_stdout())?
            {
                print_out(&out)?;
                return Ok(ExitCode::SUCCESS);
            }
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
            if let Some(d) =
                claimwatch::feed::commands::diff(&old, &new, format, Style::for_stdout())?
            {
                print_out(&d.text)?;
                return Ok(ExitCode::from(u8::from(exit_code && d.any_change)));
            }
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

/// Where the service's config lives (the systemd unit's `--config`).
const SYSTEM_CONFIG: &str = "/etc/claimwatch/claimwatch.toml";

/// The service's config file: `CLAIMWATCH_SYSTEM_CONFIG`, else
/// /etc/claimwatch/claimwatch.toml.
fn system_config() -> std::path::PathBuf {
    std::env::var_os("CLAIMWATCH_SYSTEM_CONFIG")
        .filter(|v| !v.is_empty())
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| SYSTEM_CONFIG.into())
}

/// For the commands that only read (tail, history, show): with no
/// --config, --state or their variables, and no ./.claimwatch here, read
/// what the service writes when its config exists, instead of waiting on
/// an empty ./.claimwatch.
fn reader_state(mut state: StateArgs) -> StateArgs {
    let named = state.config.is_some()
        || state.state.is_some()
        || std::env::var_os(claimwatch::config::ENV_STATE_DIR).is_some_and(|v| !v.is_empty());
    if !named && !std::path::Path::new(".claimwatch").exists() {
        let sys = system_config();
        if sys.is_file() {
            state.config = Some(sys);
        }
    }
    state
}

/// What to pass when the state or log is not where we looked.
fn where_hint() -> String {
    format!(
        "pass --config FILE (the service's is {}), --state DIR or --file FILE",
        system_config().display()
    )
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
    History(std::path::PathBuf, Option<String>, OutputFormat, bool),
    Report(Vec<std::path::PathBuf>, Option<String>, std::path::PathBuf),
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
                let report = daemon::scan(&cfg)?;
                let st = &report.stats;
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
                if report.waiting.is_empty() {
                    return Ok(ExitCode::SUCCESS);
                }
                // A delivery that failed is not success: cron and scripts
                // must see it. The events wait in the outbox.
                let total: i64 = report.waiting.iter().map(|(_, n)| (*n).max(0)).sum();
                let each: Vec<String> = report
                    .waiting
                    .iter()
                    .map(|(s, n)| format!("{s}: {n}"))
                    .collect();
                eprintln!(
                    "claimwatch: {total} deliveries waiting ({}); they are retried by the next scan or daemon start",
                    each.join(", ")
                );
                Ok(ExitCode::from(1))
            }
            DaemonCmd::History(path, item, format, claims) => {
                let store = daemon::open_store_read_only(&cfg)?;
                let json = format == OutputFormat::Json;
                let out = if claims {
                    claimwatch::report::history::claims(
                        &store,
                        &path,
                        item.as_deref(),
                        json,
                        Style::for_stdout(),
                    )
                } else {
                    daemon::inspect::history(
                        &store,
                        &path,
                        item.as_deref(),
                        json,
                        Style::for_stdout(),
                    )
                }
                .map_err(|e| daemon::in_store(&cfg, e))?;
                print_out(&out).map_err(|e| DaemonError::Fatal(e.to_string()))?;
                Ok(ExitCode::SUCCESS)
            }
            DaemonCmd::Report(paths, since, out) => {
                let store = daemon::open_store_for(&cfg, false, &[])?;
                let st = claimwatch::report::run_cli(&store, paths, since, out)?;
                eprintln!("{st}");
                Ok(ExitCode::SUCCESS)
            }
            DaemonCmd::Show(id) => {
                let store = daemon::open_store_read_only(&cfg)?;
                let out = daemon::inspect::show(&store, &id, Style::for_stdout())
                    .map_err(|e| daemon::in_store(&cfg, e))?;
                print_out(&out).map_err(|e| DaemonError::Fatal(e.to_string()))?;
                Ok(ExitCode::SUCCESS)
            }
            DaemonCmd::Reindex => {
                daemon::init_tracing(&cfg.log);
                let mut store = daemon::open_store_for(&cfg, false, &[])?;
                let (done, failed) =
                    daemon::inspect::reindex(&mut store).map_err(|e| daemon::in_store(&cfg, e))?;
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

/// `tail`: the change log for people. The log path comes from --file, else
/// the config and state like the other commands.
fn tail(
    state: StateArgs,
    file: Option<std::path::PathBuf>,
    follow: bool,
    min_severity: Option<SeverityArg>,
    path: Option<String>,
    json: bool,
    lines: usize,
) -> anyhow::Result<ExitCode> {
    let path = match path {
        None => None,
        Some(g) => match globset::Glob::new(&g) {
            Ok(g) => Some(g.compile_matcher()),
            Err(e) => {
                eprintln!("claimwatch: bad --path glob {g:?}: {e}");
                return Ok(ExitCode::from(2));
            }
        },
    };
    let mut opts = claimwatch::tail::TailOptions {
        file: file.clone().unwrap_or_default(),
        follow,
        min_severity: min_severity.map(Into::into),
        path,
        json,
        lines,
        style: Style::for_stdout(),
    };
    let file = match file {
        Some(f) => f,
        None => {
            let copts = Options {
                config_path: state.config,
                overrides: Overrides {
                    roots: Vec::new(),
                    state: state.state,
                },
            };
            match daemon::resolve_config(&copts) {
                // A shared store: every node's events, not this node's log.
                Ok(cfg) if cfg.store.url.is_some() => return Ok(tail_store(&cfg, &opts)),
                Ok(cfg) => cfg.changes_path(),
                Err(e) => {
                    eprintln!("claimwatch: {e}");
                    return Ok(ExitCode::from(2));
                }
            }
        }
    };
    if !file.exists() {
        // Say where we looked rather than waiting on the wrong file.
        if !follow {
            eprintln!(
                "claimwatch: no change log at {}: nothing was recorded there yet, or claimwatch writes elsewhere; {}",
                file.display(),
                where_hint()
            );
            return Ok(ExitCode::from(1));
        }
        eprintln!(
            "claimwatch: waiting for the change log {} to appear; if claimwatch writes elsewhere, {}",
            file.display(),
            where_hint()
        );
    }
    opts.file = file;
    let mut stdout = std::io::stdout().lock();
    match claimwatch::tail::run(&opts, &mut stdout, &|| false) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("claimwatch: {e}");
            Ok(ExitCode::from(1))
        }
    }
}

/// `tail` of the shared store named by `[store] url`.
fn tail_store(cfg: &claimwatch::config::Config, opts: &claimwatch::tail::TailOptions) -> ExitCode {
    let store = match daemon::open_store_read_only(cfg) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("claimwatch: {e}");
            return ExitCode::from(1);
        }
    };
    let mut stdout = std::io::stdout().lock();
    match claimwatch::tail::run_store(&store, opts, &mut stdout, &|| false) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimwatch: {e}");
            ExitCode::from(1)
        }
    }
}

/// `check-config`: every error at once, exit 2 if any.
fn check_config(path: Option<std::path::PathBuf>) -> ExitCode {
    let opts = Options {
        config_path: path.clone(),
        overrides: Overrides::default(),
    };
    match daemon::check_config(&opts) {
        Ok(cfg) => {
            // The environment checks cover secrets; this catches whatever
            // else the daemon's own alert compiler would refuse.
            if let Err(e) = claimwatch::sinks::alerts::AlertPlan::compile(&cfg) {
                eprintln!("claimwatch: {e}");
                return ExitCode::from(2);
            }
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
