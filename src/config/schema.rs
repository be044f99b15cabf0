//! The config file's shape, checked on the raw TOML tree so that every
//! unknown key and wrong type is reported at once with its key path
//! ([`validate_tree`]). Serde's `deny_unknown_fields` would stop at the first.

use toml::{Table, Value};

use super::ConfigError;

/// The TOML type a key must have.
#[derive(Clone, Copy)]
enum Ty {
    Str,
    Int,
    Bool,
    StrList,
    /// A table of string values (`headers = { A = "b" }`).
    StrMap,
    Table(&'static [(&'static str, Ty)]),
    TableList(&'static [(&'static str, Ty)]),
}

const WATCH: &[(&str, Ty)] = &[
    ("roots", Ty::StrList),
    ("include", Ty::StrList),
    ("exclude", Ty::StrList),
    ("debounce_ms", Ty::Int),
    ("max_file_bytes", Ty::Int),
    ("poll", Ty::Bool),
    ("poll_interval_ms", Ty::Int),
];
const STATE: &[(&str, Ty)] = &[("dir", Ty::Str), ("history_max_revisions", Ty::Int)];
const LOG: &[(&str, Ty)] = &[
    ("changes", Ty::Str),
    ("format", Ty::Str),
    ("level", Ty::Str),
    ("created_claims", Ty::Str),
];
const RULE: &[(&str, Ty)] = &[
    ("name", Ty::Str),
    ("min_severity", Ty::Str),
    ("details", Ty::StrList),
    ("kinds", Ty::StrList),
    ("parts", Ty::StrList),
    ("ops", Ty::StrList),
    ("events", Ty::StrList),
    ("keywords", Ty::StrList),
    ("entities", Ty::StrList),
    ("paths", Ty::StrList),
    ("sinks", Ty::StrList),
];
const SINK: &[(&str, Ty)] = &[
    ("name", Ty::Str),
    ("type", Ty::Str),
    ("url", Ty::Str),
    ("path", Ty::Str),
    ("command", Ty::StrList),
    ("timeout_ms", Ty::Int),
    ("retries", Ty::Int),
    ("backoff_ms", Ty::Int),
    ("queue", Ty::Int),
    ("headers", Ty::StrMap),
    ("token_env", Ty::Str),
    ("stream", Ty::Str),
    ("subject", Ty::Str),
];
const ALERTS: &[(&str, Ty)] = &[
    ("rules", Ty::TableList(RULE)),
    ("sinks", Ty::TableList(SINK)),
];
const METRICS: &[(&str, Ty)] = &[("listen", Ty::Str), ("allow_remote", Ty::Bool)];
const REPORT: &[(&str, Ty)] = &[("dir", Ty::Str), ("debounce_ms", Ty::Int)];
const NATS: &[(&str, Ty)] = &[
    ("url", Ty::Str),
    ("stream", Ty::Str),
    ("subject", Ty::Str),
    ("duplicate_window_ms", Ty::Int),
    ("timeout_ms", Ty::Int),
];
const PUBLISH: &[(&str, Ty)] = &[("nats", Ty::Table(NATS))];
const STORE: &[(&str, Ty)] = &[("url", Ty::Str)];
const NODE: &[(&str, Ty)] = &[("name", Ty::Str), ("takeover_ms", Ty::Int)];
const ROOT: &[(&str, Ty)] = &[
    ("watch", Ty::Table(WATCH)),
    ("state", Ty::Table(STATE)),
    ("log", Ty::Table(LOG)),
    ("alerts", Ty::Table(ALERTS)),
    ("metrics", Ty::Table(METRICS)),
    ("report", Ty::Table(REPORT)),
    ("publish", Ty::Table(PUBLISH)),
    ("store", Ty::Table(STORE)),
    ("node", Ty::Table(NODE)),
];

/// Every unknown key, wrong type and bad enum value in the tree.
pub fn validate_tree(tree: &Table) -> Vec<ConfigError> {
    let mut errors = Vec::new();
    check_table(tree, ROOT, "", &mut errors);
    // Enum-valued strings, checked here because serde would only report one.
    if let Some(Value::String(f)) = tree
        .get("log")
        .and_then(|l| l.as_table())
        .and_then(|l| l.get("format"))
        && !["text", "json", "journald"].contains(&f.as_str())
    {
        errors.push(ConfigError {
            key: "log.format".into(),
            message: format!("{f:?} is not one of text, json, journald"),
        });
    }
    if let Some(Value::String(f)) = tree
        .get("log")
        .and_then(|l| l.as_table())
        .and_then(|l| l.get("created_claims"))
        && !["compact", "full", "none"].contains(&f.as_str())
    {
        errors.push(ConfigError {
            key: "log.created_claims".into(),
            message: format!("{f:?} is not one of compact, full, none"),
        });
    }
    errors
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

fn check_table(t: &Table, shape: &[(&str, Ty)], prefix: &str, errors: &mut Vec<ConfigError>) {
    for (key, value) in t {
        let path = join(prefix, key);
        match shape.iter().find(|(k, _)| k == key) {
            None => {
                let known: Vec<&str> = shape.iter().map(|(k, _)| *k).collect();
                errors.push(ConfigError {
                    key: path,
                    message: format!("unknown key (known here: {})", known.join(", ")),
                });
            }
            Some((_, ty)) => check_value(value, *ty, &path, errors),
        }
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::String(_) => "a string",
        Value::Integer(_) => "an integer",
        Value::Float(_) => "a float",
        Value::Boolean(_) => "a boolean",
        Value::Datetime(_) => "a date",
        Value::Array(_) => "an array",
        Value::Table(_) => "a table",
    }
}

fn check_value(v: &Value, ty: Ty, path: &str, errors: &mut Vec<ConfigError>) {
    let mut wrong = |want: &str| {
        errors.push(ConfigError {
            key: path.to_string(),
            message: format!("expected {want}, found {}", type_name(v)),
        })
    };
    match (ty, v) {
        (Ty::Str, Value::String(_)) | (Ty::Bool, Value::Boolean(_)) => {}
        (Ty::Int, Value::Integer(i)) => {
            if *i < 0 {
                errors.push(ConfigError {
                    key: path.to_string(),
                    message: format!("{i} is negative"),
                });
            }
        }
        (Ty::StrList, Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                if !item.is_str() {
                    errors.push(ConfigError {
                        key: format!("{path}[{i}]"),
                        message: format!("expected a string, found {}", type_name(item)),
                    });
                }
            }
        }
        (Ty::StrMap, Value::Table(t)) => {
            for (k, item) in t {
                if !item.is_str() {
                    errors.push(ConfigError {
                        key: format!("{path}.{k}"),
                        message: format!("expected a string, found {}", type_name(item)),
                    });
                }
            }
        }
        (Ty::Table(shape), Value::Table(t)) => check_table(t, shape, path, errors),
        (Ty::TableList(shape), Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let p = format!("{path}[{i}]");
                match item {
                    Value::Table(t) => check_table(t, shape, &p, errors),
                    other => errors.push(ConfigError {
                        key: p,
                        message: format!("expected a table, found {}", type_name(other)),
                    }),
                }
            }
        }
        (Ty::Str, _) => wrong("a string"),
        (Ty::Int, _) => wrong("an integer"),
        (Ty::Bool, _) => wrong("true or false"),
        (Ty::StrList, _) => wrong("an array of strings"),
        (Ty::StrMap, _) => wrong("a table of strings"),
        (Ty::Table(_), _) => wrong("a table"),
        (Ty::TableList(_), _) => wrong("an array of tables ([[...]])"),
    }
}
