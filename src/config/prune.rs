//! Leaving out the keys the shape check rejected ([`remove`]), so the rest
//! of a broken config can still be read and its values checked in the same
//! run. Key paths are the ones [`super::ConfigError`] carries:
//! `watch.include[2]`, `alerts.sinks[0].name`, `nope`.

use toml::{Table, Value};

/// One step of a key path.
#[derive(Debug, PartialEq)]
enum Seg {
    Key(String),
    Index(usize),
}

fn segments(path: &str) -> Option<Vec<Seg>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if key.is_empty() {
            return None;
        }
        out.push(Seg::Key(key.to_string()));
        while let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']')?;
            out.push(Seg::Index(r[..end].parse().ok()?));
            rest = &r[end + 1..];
        }
    }
    Some(out)
}

/// Removes the value at `path`. An array item is replaced rather than
/// removed, so the indexes of its neighbours (and their key paths) stay
/// the same: by an empty table in an array of tables, else by "".
pub fn remove(tree: &mut Table, path: &str) {
    let Some(segs) = segments(path) else {
        return;
    };
    let Some((last, parents)) = segs.split_last() else {
        return;
    };
    let mut here: Option<&mut Value> = None;
    let mut table: Option<&mut Table> = Some(tree);
    for seg in parents {
        let next = match (seg, here.take(), table.take()) {
            (Seg::Key(k), None, Some(t)) => t.get_mut(k),
            (Seg::Key(k), Some(Value::Table(t)), _) => t.get_mut(k),
            (Seg::Index(i), Some(Value::Array(a)), _) => a.get_mut(*i),
            _ => None,
        };
        match next {
            Some(v) => here = Some(v),
            None => return,
        }
    }
    match (last, here, table) {
        (Seg::Key(k), None, Some(t)) => {
            t.remove(k);
        }
        (Seg::Key(k), Some(Value::Table(t)), _) => {
            t.remove(k);
        }
        (Seg::Index(i), Some(Value::Array(a)), _) => {
            let tables = a.iter().any(Value::is_table);
            if let Some(v) = a.get_mut(*i) {
                *v = if tables {
                    Value::Table(Table::new())
                } else {
                    Value::String(String::new())
                };
            }
        }
        _ => {}
    }
}

/// True when an error at `inner` is about a value already reported at
/// `outer` (the same key, or inside it).
pub fn covers(outer: &str, inner: &str) -> bool {
    !outer.is_empty()
        && inner
            .strip_prefix(outer)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_keys_and_blanks_array_items_in_place() {
        let mut t: Table = "[watch]\ninclude = [\"a\", 3]\ndebounce_ms = \"x\"\n[[alerts.sinks]]\nname = 1\n[[alerts.sinks]]\nname = \"b\"\n[nope]\n"
            .parse()
            .expect("toml");
        for p in [
            "watch.include[1]",
            "watch.debounce_ms",
            "alerts.sinks[0].name",
            "nope",
        ] {
            remove(&mut t, p);
        }
        let want: Table =
            "[watch]\ninclude = [\"a\", \"\"]\n[[alerts.sinks]]\n[[alerts.sinks]]\nname = \"b\"\n"
                .parse()
                .expect("toml");
        assert_eq!(t, want);
        assert!(covers("alerts.sinks[0]", "alerts.sinks[0].name"));
        assert!(!covers("alerts.sinks[1]", "alerts.sinks[10].name"));
        assert!(!covers("", "x"));
    }
}
