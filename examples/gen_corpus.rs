//! Synthetic news corpus generator for the benchmarks (`scripts/bench`):
//! writes N realistic articles (3-8 KB of .txt/.md/.html with quotes,
//! numbers, attributions and site boilerplate) from a seed, and applies K
//! random claim edits to an existing corpus. Same seed, same bytes.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --seed 7 --count 10000 --out /tmp/c
//! cargo run --release --example gen_corpus -- --seed 8 --out /tmp/c --edit 100
//! cargo run --release --example gen_corpus -- --seed 9 --out /tmp/c --edit 3000 --rate 100
//! ```
//!
//! With `--edit`, each edited file's path relative to `--out` is printed,
//! one a line, prefixed by the wall-clock time of the write in nanoseconds
//! (`<unix_ns> <path>`), so the bench can match edits to change events.
//! Every edited file is distinct, so each edit yields exactly one event.
//! All text comes from the word lists below (invented names and places).

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// splitmix64: tiny, fast, good enough for text, and stable across
/// platforms (the output must not depend on a crate's version).
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const FIRST: &[&str] = &[
    "Maren", "Tobias", "Ilse", "Rafael", "Noor", "Keiko", "Dario", "Amara", "Sven", "Lucia",
    "Idris", "Helga", "Paulo", "Yara", "Emeka", "Freya", "Anton", "Selin", "Orla", "Viktor",
];
const LAST: &[&str] = &[
    "Velden",
    "Okoro",
    "Brandt",
    "Sato",
    "Castell",
    "Moreau",
    "Lindqvist",
    "Adeyemi",
    "Kovac",
    "Ferreira",
    "Halloran",
    "Nakamura",
    "Petrov",
    "Quist",
    "Rowe",
    "Szabo",
    "Tiernan",
    "Ueda",
];
const ROLES: &[&str] = &[
    "finance director",
    "chief engineer",
    "deputy mayor",
    "head of planning",
    "union spokesperson",
    "chair of the transport committee",
    "health minister",
    "regional manager",
    "lead researcher",
    "police commissioner",
];
const ORGS: &[&str] = &[
    "the Eastmere city council",
    "the Northbay port authority",
    "the Greywater health board",
    "the Valdon regional assembly",
    "the Holm Rail company",
    "the Larkfield teachers' union",
    "the national statistics office",
    "the Tessor water utility",
];
const PLACES: &[&str] = &[
    "Eastmere",
    "Northbay",
    "Greywater",
    "Valdon",
    "Larkfield",
    "Tessor",
    "Brackenholm",
    "Saltmoor",
];
const TOPICS: &[(&str, &str, &str)] = &[
    ("budget", "families", "the budget"),
    ("rail line", "passengers", "the new rail line"),
    ("hospital", "patients", "the hospital expansion"),
    ("harbour", "containers", "the harbour dredging"),
    ("school plan", "pupils", "the school building plan"),
    ("flood defences", "homes", "the flood defence scheme"),
    ("housing project", "flats", "the housing project"),
    ("water supply", "households", "the water supply upgrade"),
];
const VERBS_SAID: &[&str] = &[
    "said",
    "told reporters",
    "said on Tuesday",
    "added",
    "warned",
];
const UNITS: &[&str] = &[
    "million euros",
    "per cent",
    "kilometres",
    "jobs",
    "tonnes",
    "days",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const SECTIONS: &[&str] = &[
    "City",
    "Region",
    "Business",
    "Health",
    "Transport",
    "Politics",
];
const BOILER_TOP: &[&str] = &[
    "Share this article",
    "Sign up for our morning newsletter",
    "Listen to this story",
    "Advertisement",
];
const BOILER_END: &[&str] = &[
    "Related stories",
    "Most read",
    "Comments are closed for this article.",
    "Copyright 2026 The Saltmoor Courier. All rights reserved.",
    "Follow us on social media for more local news.",
];
const CLAUSES: &[&str] = &[
    "after months of delays",
    "despite objections from residents",
    "ahead of the winter season",
    "following a review by independent auditors",
    "as part of a wider reform package",
    "in a vote that split the committee",
];
const STATEMENTS: &[&str] = &[
    "will not be finished before the end of the year",
    "is expected to reduce waiting times",
    "has been criticised by opposition members",
    "was approved at a meeting on Monday",
    "remains the largest project in the region",
    "could be delayed if funding is cut",
];

/// Names and numbers of one article, so quotes refer back to its people.
struct Cast {
    people: Vec<(String, String, &'static str)>,
    org: &'static str,
    place: &'static str,
    topic: (&'static str, &'static str, &'static str),
}

fn cast(rng: &mut Rng) -> Cast {
    let people = (0..3)
        .map(|_| {
            (
                rng.pick(FIRST).to_string(),
                rng.pick(LAST).to_string(),
                rng.pick(ROLES),
            )
        })
        .collect();
    Cast {
        people,
        org: rng.pick(ORGS),
        place: rng.pick(PLACES),
        topic: TOPICS[rng.below(TOPICS.len())],
    }
}

fn number(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => format!("{}", rng.range(2, 99)),
        1 => format!("{},{:03}", rng.range(1, 90), rng.range(0, 999)),
        2 => format!("{}.{}", rng.range(1, 40), rng.range(1, 9)),
        _ => format!("{}", rng.range(100, 950)),
    }
}

/// One paragraph: a numeric statement, a quote with attribution, an
/// "according to" claim or a plain statement, sometimes two sentences.
fn paragraph(rng: &mut Rng, c: &Cast) -> String {
    let (first, last, role) = &c.people[rng.below(c.people.len())];
    let (noun, counted, long) = c.topic;
    let mut p = match rng.below(5) {
        0 => format!(
            "The {noun} in {} will cost {} {}, {}, and is meant to serve {} {counted}.",
            c.place,
            number(rng),
            rng.pick(&["million euros", "euros", "million dollars"]),
            rng.pick(CLAUSES),
            number(rng)
        ),
        1 => format!(
            "\"We are not going to cut corners on {long},\" {} {first} {last}, the {role} of {}. \"Every figure will be checked twice.\"",
            rng.pick(VERBS_SAID),
            c.org
        ),
        2 => format!(
            "According to {}, {} {counted} were affected last year, up {}% on the year before.",
            c.org,
            number(rng),
            rng.range(2, 40)
        ),
        3 => format!(
            "{last} said {long} {} and that {} more staff would be hired by {}.",
            rng.pick(STATEMENTS),
            rng.range(3, 400),
            rng.pick(MONTHS)
        ),
        _ => format!(
            "Officials in {} confirmed that {long} {}. The figure of {} {} was first published in {} {}.",
            c.place,
            rng.pick(STATEMENTS),
            number(rng),
            rng.pick(UNITS),
            rng.pick(MONTHS),
            rng.range(2019, 2026)
        ),
    };
    if rng.chance(30) {
        let (f2, l2, r2) = &c.people[rng.below(c.people.len())];
        let _ = write!(
            p,
            " \"It is {} the right decision,\" said {f2} {l2}, a {r2}.",
            if rng.chance(50) { "not" } else { "clearly" }
        );
    }
    p
}

#[derive(Clone, Copy)]
enum Kind {
    Txt,
    Md,
    Html,
}

/// One article of 3-8 KB in the given format.
fn article(rng: &mut Rng, kind: Kind) -> String {
    let c = cast(rng);
    let target = rng.range(3000, 8000) as usize;
    let title = format!(
        "{} {} {} as {} weighs {}",
        c.place,
        capital(c.topic.0),
        if rng.chance(50) {
            "Plan Advances"
        } else {
            "Costs Rise"
        },
        c.org.trim_start_matches("the "),
        rng.pick(&["Delays", "New Figures", "Objections", "Funding"])
    );
    let byline = format!("By {} {}", rng.pick(FIRST), rng.pick(LAST));
    let date = format!(
        "Published {} {} 2026, {:02}:{:02}",
        rng.range(1, 28),
        rng.pick(MONTHS),
        rng.range(6, 22),
        rng.range(0, 59)
    );
    let section = rng.pick(SECTIONS);
    let mut paras: Vec<String> = Vec::new();
    let mut len = title.len() + 200;
    let mut heading_at = rng.range(3, 6) as usize;
    while len < target {
        if paras.len() == heading_at {
            paras.push(format!(
                "#H {} and {}",
                capital(c.topic.0),
                rng.pick(&["Costs", "Next Steps", "Reaction"])
            ));
            heading_at += rng.range(4, 8) as usize;
        }
        if paras.len() == 2 {
            paras.push(format!("#B {}", rng.pick(BOILER_TOP)));
        }
        let p = paragraph(rng, &c);
        len += p.len() + 2;
        paras.push(p);
    }
    let tail: Vec<&str> = (0..3).map(|_| rng.pick(BOILER_END)).collect();
    let mut out = String::with_capacity(target + 1024);
    match kind {
        Kind::Txt => {
            let _ = write!(out, "{title}\n\n{byline}\n\n{date}\n\n{section}\n\n");
            for p in &paras {
                let text = p.strip_prefix("#H ").or(p.strip_prefix("#B ")).unwrap_or(p);
                out.push_str(&wrap(text, 72));
                out.push_str("\n\n");
            }
            for t in tail {
                let _ = writeln!(out, "{t}");
            }
        }
        Kind::Md => {
            let _ = write!(out, "# {title}\n\n*{byline}* | {date}\n\n");
            for p in &paras {
                if let Some(h) = p.strip_prefix("#H ") {
                    let _ = write!(out, "## {h}\n\n");
                } else if let Some(b) = p.strip_prefix("#B ") {
                    let _ = write!(out, "[{b}](https://example.org/share)\n\n");
                } else {
                    let _ = write!(out, "{}\n\n", wrap(p, 80));
                }
            }
            let _ = writeln!(out, "---\n");
            for t in tail {
                let _ = writeln!(out, "- {t}");
            }
        }
        Kind::Html => {
            let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;");
            let _ = write!(
                out,
                "<!DOCTYPE html>\n<html><head><title>{}</title></head><body>\n\
                 <nav><a href=\"/\">Home</a> <a href=\"/{}\">{section}</a></nav>\n\
                 <article><h1>{}</h1>\n<p class=\"byline\">{byline}</p>\n<time>{date}</time>\n",
                esc(&title),
                section.to_lowercase(),
                esc(&title)
            );
            for p in &paras {
                if let Some(h) = p.strip_prefix("#H ") {
                    let _ = writeln!(out, "<h2>{}</h2>", esc(h));
                } else if let Some(b) = p.strip_prefix("#B ") {
                    let _ = writeln!(out, "<aside class=\"share\">{}</aside>", esc(b));
                } else {
                    let _ = writeln!(out, "<p>{}</p>", esc(p));
                }
            }
            let _ = writeln!(out, "</article>\n<footer>");
            for t in tail {
                let _ = writeln!(out, "<p>{}</p>", esc(t));
            }
            let _ = writeln!(out, "</footer></body></html>");
        }
    }
    out
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
}

/// Hard-wraps a paragraph, as many plain-text feeds do.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut col = 0;
    for w in text.split(' ') {
        if col > 0 && col + 1 + w.len() > width {
            out.push('\n');
            col = 0;
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(w);
        col += w.len();
    }
    out
}

/// Path of article `i`: 500 articles per section folder.
fn rel_path(i: usize, kind: Kind) -> String {
    let ext = match kind {
        Kind::Txt => "txt",
        Kind::Md => "md",
        Kind::Html => "html",
    };
    format!("s{:03}/article-{i:06}.{ext}", i / 500)
}

fn kind_of(rng: &mut Rng) -> Kind {
    match rng.below(10) {
        0..=6 => Kind::Txt,
        7 | 8 => Kind::Md,
        _ => Kind::Html,
    }
}

fn generate(seed: u64, count: usize, out: &Path) -> Result<u64, String> {
    let mut bytes = 0u64;
    for i in 0..count {
        // One stream per article: article i is the same whatever the count.
        let mut rng = Rng::new(seed.wrapping_mul(1_000_003).wrapping_add(i as u64));
        let kind = kind_of(&mut rng);
        let text = article(&mut rng, kind);
        let path = out.join(rel_path(i, kind));
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(&path, &text).map_err(|e| format!("{}: {e}", path.display()))?;
        bytes += text.len() as u64;
    }
    Ok(bytes)
}

/// Every article file under `dir`, relative, sorted (deterministic order).
fn list(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let rd = std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))?;
        for e in rd {
            let e = e.map_err(|e| format!("{}: {e}", d.display()))?;
            let p = e.path();
            let name = e.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(rel) = p.strip_prefix(dir) {
                out.push(rel.to_path_buf());
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Changes one claim of `text`: a number in a body sentence gets a new
/// value, or a statement is negated. Returns `None` when nothing fits.
fn edit_claim(rng: &mut Rng, text: &str) -> Option<String> {
    // Skip the headline block (title, byline, date): edit the body.
    let body_start = text.find("\n\n").map_or(0, |i| i + 2);
    let body_start = text[body_start..]
        .find("\n\n")
        .map_or(body_start, |i| body_start + i + 2);
    if rng.chance(25) {
        for (from, to) in [
            (" will not ", " will "),
            (" is expected ", " is not expected "),
        ] {
            if let Some(i) = text[body_start..].find(from) {
                let at = body_start + i;
                return Some(format!("{}{to}{}", &text[..at], &text[at + from.len()..]));
            }
        }
    }
    // Digit runs in the body, excluding years (they are dates, not counts).
    let b = text.as_bytes();
    let mut runs = Vec::new();
    let mut i = body_start;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let s = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let is_year = i - s == 4 && (b[s] == b'1' || b[s] == b'2');
            if !is_year {
                runs.push((s, i));
            }
        } else {
            i += 1;
        }
    }
    if runs.is_empty() {
        return None;
    }
    let (s, e) = runs[rng.below(runs.len())];
    let old: u64 = text[s..e].parse().ok()?;
    let new = old + rng.range(1, 9);
    Some(format!("{}{new}{}", &text[..s], &text[e..]))
}

fn edit(seed: u64, dir: &Path, k: usize, rate: Option<f64>) -> Result<(), String> {
    let files = list(dir)?;
    if k > files.len() {
        return Err(format!(
            "--edit {k} but only {} files in {}",
            files.len(),
            dir.display()
        ));
    }
    let mut rng = Rng::new(seed);
    // Partial Fisher-Yates: k distinct files.
    let mut idx: Vec<usize> = (0..files.len()).collect();
    for i in 0..k {
        let j = i + rng.below(files.len() - i);
        idx.swap(i, j);
    }
    let start = Instant::now();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for (n, &i) in idx[..k].iter().enumerate() {
        let rel = &files[i];
        let path = dir.join(rel);
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let Some(new) = edit_claim(&mut rng, &text) else {
            continue;
        };
        if let Some(r) = rate {
            let due = start + Duration::from_secs_f64(n as f64 / r);
            if let Some(wait) = due.checked_duration_since(Instant::now()) {
                std::thread::sleep(wait);
            }
        }
        std::fs::write(&path, new).map_err(|e| format!("{}: {e}", path.display()))?;
        let ns = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        writeln!(out, "{ns} {}", rel.display()).map_err(|e| e.to_string())?;
        if rate.is_some() {
            out.flush().map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

struct Args {
    seed: u64,
    count: usize,
    out: PathBuf,
    edit: Option<usize>,
    rate: Option<f64>,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        seed: 1,
        count: 0,
        out: PathBuf::new(),
        edit: None,
        rate: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut val = || it.next().ok_or(format!("{flag} needs a value"));
        let num = |s: String| s.parse::<u64>().map_err(|e| format!("{flag}: {e}"));
        match flag.as_str() {
            "--seed" => a.seed = num(val()?)?,
            "--count" => a.count = num(val()?)? as usize,
            "--out" => a.out = PathBuf::from(val()?),
            "--edit" => a.edit = Some(num(val()?)? as usize),
            "--rate" => {
                let r: f64 = val()?.parse().map_err(|e| format!("--rate: {e}"))?;
                a.rate = (r > 0.0).then_some(r);
            }
            "-h" | "--help" => {
                return Err(
                    "usage: gen_corpus --seed S --out DIR (--count N | --edit K [--rate PER_SEC])"
                        .into(),
                );
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if a.out.as_os_str().is_empty() {
        return Err("--out DIR is required".into());
    }
    Ok(a)
}

fn main() -> std::process::ExitCode {
    let result = parse_args().and_then(|a| match a.edit {
        Some(k) => edit(a.seed, &a.out, k, a.rate),
        None => {
            let t = Instant::now();
            let bytes = generate(a.seed, a.count, &a.out)?;
            eprintln!(
                "gen_corpus: {} articles, {:.1} MB in {:.1}s",
                a.count,
                bytes as f64 / 1e6,
                t.elapsed().as_secs_f64()
            );
            Ok(())
        }
    });
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            std::process::ExitCode::from(2)
        }
    }
}
