//! Reading back the claims JSON the store writes ([`claims`]): a parser for
//! exactly the layout of [`super::stored::json`] (its field order, no
//! whitespace, defaults left out). Anything else (rows written by older
//! versions, a hand-edited row) makes it answer `None`, and the caller
//! reads the bytes with `serde_json` as before. Why: every edit decodes the
//! previous revision's claims to diff against them, and through serde's
//! derived visitor that cost ~0.5 M instructions for a 20 KB row, a tenth
//! of the daemon's work per edit.

use crate::claims::{Claim, ClaimKind, NumberMention, Part};

/// The claims of `b`, or `None` when `b` is not in the store's own layout
/// (then `serde_json` decides, with its error if the bytes are bad).
pub(super) fn claims(b: &[u8]) -> Option<Vec<Claim>> {
    let mut p = Cursor { b, i: 0 };
    let out = p.array(Cursor::claim)?;
    // Nothing may follow the array, not even whitespace: serde's rules
    // for trailing bytes are its own.
    (p.i == b.len()).then_some(out)
}

struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Cursor<'a> {
    /// Steps over `lit`, or `None` if the bytes differ.
    fn eat(&mut self, lit: &[u8]) -> Option<()> {
        self.eat_if(lit).then_some(())
    }

    /// Steps over `lit` when it comes next.
    fn eat_if(&mut self, lit: &[u8]) -> bool {
        let hit = self.b[self.i..].starts_with(lit);
        if hit {
            self.i += lit.len();
        }
        hit
    }

    fn claim(&mut self) -> Option<Claim> {
        self.eat(b"{\"id\":")?;
        let id = self.string()?;
        self.eat(b",\"kind\":")?;
        let kind = match self.bare()? {
            b"quote" => ClaimKind::Quote,
            b"attributed" => ClaimKind::Attributed,
            b"numeric" => ClaimKind::Numeric,
            b"statement" => ClaimKind::Statement,
            _ => return None,
        };
        self.eat(b",\"text\":")?;
        let text = self.string()?;
        let quote = self.field(b",\"quote\":", Self::string)?;
        let speaker = self.field(b",\"speaker\":", Self::string)?;
        let sources = self.field(b",\"sources\":", Self::strings)?;
        self.eat(b",\"numbers\":")?;
        let numbers = self.numbers()?;
        let negated = self.eat_if(b",\"negated\":true");
        let hedged = self.eat_if(b",\"hedged\":true");
        let entities = self.field(b",\"entities\":", Self::strings)?;
        let part = match self.field(b",\"part\":", Self::bare)? {
            None => Part::Body,
            Some(b"headline") => Part::Headline,
            Some(b"standfirst") => Part::Standfirst,
            // The writer leaves `body` out; written out, serde reads it.
            Some(_) => return None,
        };
        let paragraph = self.field(b",\"paragraph\":", Self::uint)?;
        let line = self.field(b",\"line\":", Self::uint)?;
        self.eat(b"}")?;
        Some(Claim {
            id,
            kind,
            text,
            quote,
            speaker,
            sources: sources.unwrap_or_default(),
            numbers,
            negated,
            hedged,
            entities: entities.unwrap_or_default(),
            part,
            paragraph: paragraph.unwrap_or(0),
            line: line.unwrap_or(0),
        })
    }

    /// An optional field: `Some(None)` when its key is not next,
    /// `Some(Some(v))` when it is and its value reads, `None` when the
    /// value does not.
    fn field<T>(&mut self, key: &[u8], read: fn(&mut Self) -> Option<T>) -> Option<Option<T>> {
        if !self.eat_if(key) {
            return Some(None);
        }
        read(self).map(Some)
    }

    /// A string with nothing to unescape, as its raw bytes (enum names).
    fn bare(&mut self) -> Option<&'a [u8]> {
        self.eat(b"\"")?;
        let start = self.i;
        let len = self.b[start..].iter().position(|&c| c == b'"')?;
        self.i = start + len + 1;
        Some(&self.b[start..start + len])
    }

    /// A JSON string. Plain text is copied in one piece; a string with
    /// escapes or anything unusual goes to the slow path.
    fn string(&mut self) -> Option<String> {
        self.eat(b"\"")?;
        let start = self.i;
        let rest = &self.b[start..];
        // Eight bytes at a time while none is a quote, backslash or
        // control character (the writer's own test), then byte by byte.
        let mut end = 0;
        while let Some(w) = rest.get(end..end + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(w);
            if crate::sinks::event::json::needs_escape(u64::from_le_bytes(word)) {
                break;
            }
            end += 8;
        }
        end += rest[end..]
            .iter()
            .position(|&c| c == b'"' || c == b'\\' || c < 0x20)?;
        if rest[end] == b'"' {
            let s = std::str::from_utf8(&rest[..end]).ok()?;
            self.i = start + end + 1;
            return Some(s.to_owned());
        }
        self.string_escaped(start)
    }

    /// A string with escapes, from its first byte at `start`. Control
    /// characters and malformed escapes give `None` (serde reports them).
    fn string_escaped(&mut self, start: usize) -> Option<String> {
        let mut out: Vec<u8> = Vec::new();
        let mut i = start;
        loop {
            let c = *self.b.get(i)?;
            match c {
                b'"' => break,
                b'\\' => {
                    let e = *self.b.get(i + 1)?;
                    i += 2;
                    let plain = match e {
                        b'"' => b'"',
                        b'\\' => b'\\',
                        b'/' => b'/',
                        b'b' => 0x08,
                        b'f' => 0x0c,
                        b'n' => b'\n',
                        b'r' => b'\r',
                        b't' => b'\t',
                        b'u' => {
                            let ch = self.unicode_escape(&mut i)?;
                            let mut buf = [0u8; 4];
                            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                            continue;
                        }
                        _ => return None,
                    };
                    out.push(plain);
                }
                0..0x20 => return None,
                _ => {
                    out.push(c);
                    i += 1;
                }
            }
        }
        self.i = i + 1;
        String::from_utf8(out).ok()
    }

    /// The character of a `\uXXXX` escape (whose four digits start at
    /// `*i`), joining a surrogate pair; `None` for a lone surrogate.
    fn unicode_escape(&self, i: &mut usize) -> Option<char> {
        let hi = self.hex4(*i)?;
        *i += 4;
        if !(0xD800..0xE000).contains(&hi) {
            return char::from_u32(hi);
        }
        if hi >= 0xDC00 || self.b.get(*i..*i + 2)? != b"\\u" {
            return None;
        }
        let lo = self.hex4(*i + 2)?;
        if !(0xDC00..0xE000).contains(&lo) {
            return None;
        }
        *i += 6;
        char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
    }

    fn hex4(&self, at: usize) -> Option<u32> {
        let digits = self.b.get(at..at + 4)?;
        let s = std::str::from_utf8(digits).ok()?;
        if !s.bytes().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(s, 16).ok()
    }

    /// A JSON array of what `item` reads.
    fn array<T>(&mut self, item: fn(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.eat(b"[")?;
        let mut out = Vec::new();
        if self.eat_if(b"]") {
            return Some(out);
        }
        loop {
            out.push(item(self)?);
            if self.eat_if(b"]") {
                return Some(out);
            }
            self.eat(b",")?;
        }
    }

    fn strings(&mut self) -> Option<Vec<String>> {
        self.array(Self::string)
    }

    fn numbers(&mut self) -> Option<Vec<NumberMention>> {
        self.array(Self::number)
    }

    fn number(&mut self) -> Option<NumberMention> {
        self.eat(b"{\"text\":")?;
        let text = self.string()?;
        self.eat(b",\"value\":")?;
        let value = self.float()?;
        self.eat(b",\"unit\":")?;
        let unit = self.string()?;
        self.eat(b"}")?;
        Some(NumberMention { text, value, unit })
    }

    /// A number, read by `serde_json` itself so that every value comes
    /// back exactly as the serde path read it (`null` is left to serde).
    fn float(&mut self) -> Option<f64> {
        let start = self.i;
        let len = self.b[start..]
            .iter()
            .position(|c| !matches!(c, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))?;
        self.i = start + len;
        serde_json::from_slice(&self.b[start..start + len]).ok()
    }

    fn uint(&mut self) -> Option<usize> {
        let start = self.i;
        let len = self.b[start..].iter().position(|c| !c.is_ascii_digit())?;
        // serde reads "01" as an error; leave such bytes to it.
        if len == 0 || (len > 1 && self.b[start] == b'0') {
            return None;
        }
        self.i = start + len;
        std::str::from_utf8(&self.b[start..start + len])
            .ok()?
            .parse()
            .ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::tests::claim;
    use proptest::prelude::*;

    fn serde(b: &[u8]) -> Vec<Claim> {
        serde_json::from_slice(b).expect("serde reads it")
    }

    fn written(claims: &[Claim]) -> Vec<u8> {
        super::super::stored::json(claims, usize::MAX).expect("fits")
    }

    #[test]
    fn reads_back_what_the_store_writes() {
        let plain = claim("The council met on Monday.");
        let mut rich = claim("\"We will not \\ wait,\"\tsaid Zoë “Ruiz” 😀 \u{7}.");
        rich.kind = ClaimKind::Quote;
        rich.quote = Some("We will not \\ wait,".into());
        rich.speaker = Some("Zoë Ruiz".into());
        rich.sources = vec!["Zoë Ruiz".into(), "the \"council\"".into()];
        rich.numbers = vec![
            NumberMention {
                text: "12.5%".into(),
                value: 12.5,
                unit: "percent".into(),
            },
            NumberMention {
                text: "-3".into(),
                value: -3.0,
                unit: "".into(),
            },
            NumberMention {
                text: "1e21".into(),
                value: 1e21,
                unit: "usd".into(),
            },
        ];
        rich.negated = true;
        rich.hedged = true;
        rich.entities = vec!["Zoë Ruiz".into()];
        rich.part = Part::Headline;
        rich.paragraph = 7;
        rich.line = 123456;
        let mut stand = claim("A summary");
        stand.part = Part::Standfirst;
        for set in [vec![], vec![plain.clone()], vec![plain, rich, stand]] {
            let b = written(&set);
            assert_eq!(claims(&b), Some(set.clone()));
            assert_eq!(claims(&b), Some(serde(&b)));
        }
    }

    /// Bytes in another layout are left to serde, which reads them (or
    /// reports them) as it always did.
    #[test]
    fn other_layouts_are_left_to_serde() {
        let spaced = br#"[ {"id":"c_1","kind":"statement","text":"A.","numbers":[]} ]"#;
        let reordered = br#"[{"kind":"statement","id":"c_1","text":"A.","numbers":[]}]"#;
        let defaults = br#"[{"id":"c_1","kind":"statement","text":"A.","quote":null,"numbers":[],"negated":false,"part":"body"}]"#;
        let null_value = br#"[{"id":"c_1","kind":"numeric","text":"A.","numbers":[{"text":"x","value":null,"unit":""}]}]"#;
        for b in [&spaced[..], reordered, defaults, null_value] {
            assert_eq!(claims(b), None, "{}", String::from_utf8_lossy(b));
        }
        assert_eq!(serde(spaced).len(), 1);
        let want = Claim {
            id: "c_1".into(),
            paragraph: 0,
            line: 0,
            ..claim("A.")
        };
        assert_eq!(serde(defaults)[0], want);
        for bad in [
            &b""[..],
            b"[",
            b"[{\"id\":\"c_1\"",
            b"[{\"id\":\"c_\x01\",\"kind\":\"statement\",\"text\":\"A.\",\"numbers\":[]}]",
            b"[{\"id\":\"c_\\ud800\",\"kind\":\"statement\",\"text\":\"A.\",\"numbers\":[]}]",
            b"[{\"id\":\"c_1\",\"kind\":\"opinion\",\"text\":\"A.\",\"numbers\":[]}]",
            b"[{\"id\":\"c_1\",\"kind\":\"statement\",\"text\":\"A.\",\"numbers\":[],\"line\":01}]",
            b"[]x",
        ] {
            assert_eq!(claims(bad), None, "{}", String::from_utf8_lossy(bad));
        }
    }

    fn any_claim() -> impl Strategy<Value = Claim> {
        let text = "[a-zA-Z0-9 .,\"\\\\/\\t\\n\u{1}é“”😀\u{2028}]{0,24}";
        let number = (text, -1e9f64..1e9, "[a-z ]{0,8}").prop_map(|(text, value, unit)| {
            NumberMention {
                text,
                // Values as extraction makes them: whole or with a few decimals.
                value: (value * 100.0).round() / 100.0,
                unit,
            }
        });
        (
            (text, text, 0..4usize, proptest::option::of(text)),
            proptest::option::of(text),
            proptest::collection::vec(text, 0..3),
            proptest::collection::vec(number, 0..3),
            (any::<bool>(), any::<bool>(), 0..3usize),
            proptest::collection::vec(text, 0..3),
            (0..3usize, 0..5usize, 0..100_000usize),
        )
            .prop_map(
                |((id, text, kind, quote), speaker, sources, numbers, flags, entities, place)| {
                    Claim {
                        id,
                        kind: [
                            ClaimKind::Quote,
                            ClaimKind::Attributed,
                            ClaimKind::Numeric,
                            ClaimKind::Statement,
                        ][kind],
                        text,
                        quote,
                        speaker,
                        sources,
                        numbers,
                        negated: flags.0,
                        hedged: flags.1,
                        entities,
                        part: [Part::Headline, Part::Standfirst, Part::Body][flags.2],
                        paragraph: place.1,
                        line: place.2 * usize::from(place.0 > 0),
                    }
                },
            )
    }

    proptest! {
        /// Whatever the store writes comes back whole, and as serde reads it.
        #[test]
        fn any_claims_read_back_as_serde_reads_them(
            set in proptest::collection::vec(any_claim(), 0..5)
        ) {
            let b = written(&set);
            prop_assert_eq!(claims(&b), Some(serde(&b)));
            prop_assert_eq!(claims(&b), Some(set));
        }

        /// Cut short or with a byte changed, the bytes are read as serde
        /// reads them or left to it, never read differently.
        #[test]
        fn damaged_rows_never_read_differently(
            set in proptest::collection::vec(any_claim(), 1..3),
            cut in any::<prop::sample::Index>(),
            byte in any::<u8>(),
        ) {
            let mut b = written(&set);
            let at = cut.index(b.len());
            b[at] = byte;
            if let Some(ours) = claims(&b) {
                let theirs: Vec<Claim> = serde_json::from_slice(&b).expect("serde reads it too");
                prop_assert_eq!(ours, theirs);
            }
            prop_assert_eq!(claims(&b[..at]), None);
        }
    }
}
