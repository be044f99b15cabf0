//! Reading feed XML (RSS 0.9x/1.0/2.0, RDF, Atom) into [`Item`]s with
//! quick-xml's pull parser. Entities are never expanded: a DOCTYPE that
//! declares entities is refused, and only the five predefined entities and
//! character references are resolved.

use std::collections::HashSet;

use quick_xml::Reader;
use quick_xml::errors::{Error as XmlError, SyntaxError};
use quick_xml::events::{BytesStart, Event};

use super::{Feed, FeedError, FeedKind, Item};

/// Which item field an element's text fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Id,
    Link,
    Title,
    Description,
    Content,
    Byline,
    Published,
    Updated,
}

/// The item being read and where its text goes.
#[derive(Default)]
struct Open {
    item: Item,
    /// Element depth of the `<item>`/`<entry>` start tag.
    depth: usize,
    /// Atom `updated`, used when there is no `published`.
    updated: Option<String>,
    /// The RSS 1.0 `rdf:about` attribute, an id when there is no guid.
    about: Option<String>,
    /// The guid (RSS) or id (Atom).
    guid: Option<String>,
}

/// Local name of a tag (`content:encoded` -> `encoded`), with its prefix.
fn split_name(raw: &str) -> (&str, &str) {
    raw.split_once(':').unwrap_or(("", raw))
}

/// The kind of feed a root element makes, if any.
pub(super) fn root_kind(e: &BytesStart<'_>) -> Option<FeedKind> {
    let name = e.name();
    let (_, local) = split_name(name.as_ref());
    match local {
        "rss" => Some(FeedKind::Rss),
        "RDF" => Some(FeedKind::Rdf),
        "feed" => Some(FeedKind::Atom),
        _ => None,
    }
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| {
            // Predefined entities only (depth 1): nothing user-defined expands.
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| a.value.clone().into_owned())
        })
}

/// The field a direct child of an item fills, by its qualified name.
fn field_of(kind: FeedKind, raw: &str) -> Option<Field> {
    let (prefix, local) = split_name(raw);
    match (prefix, local) {
        ("content", "encoded") => Some(Field::Content),
        ("dc", "creator") => Some(Field::Byline),
        ("dc", "date") => Some(Field::Published),
        ("", "title") => Some(Field::Title),
        ("", "link") => Some(Field::Link),
        ("", "guid") => Some(Field::Id),
        ("", "id") if kind == FeedKind::Atom => Some(Field::Id),
        ("", "description") => Some(Field::Description),
        ("", "summary") if kind == FeedKind::Atom => Some(Field::Description),
        ("", "content") if kind == FeedKind::Atom => Some(Field::Content),
        ("", "author") if kind != FeedKind::Atom => Some(Field::Byline),
        ("", "pubDate") => Some(Field::Published),
        ("", "published") => Some(Field::Published),
        ("", "updated") => Some(Field::Updated),
        _ => None,
    }
}

/// 1-based line and column of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let upto = &text.as_bytes()[..offset.min(text.len())];
    let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = upto.len() - upto.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) + 1;
    (line, col)
}

/// Parses a whole feed document. `Err(Truncated)` when the document ends
/// inside an element (a scraper still writing), never an empty feed.
pub(super) fn parse(text: &str) -> Result<Feed, FeedError> {
    let mut reader = Reader::from_str(text);
    let mut kind: Option<FeedKind> = None;
    let mut depth = 0usize;
    let mut root_closed = false;
    let mut open: Option<Open> = None;
    // The field being captured, the depth of its element, and its text.
    let mut capture: Option<(Field, usize, String)> = None;
    // Atom `<author><name>`: the depth of the open author element.
    let mut atom_author: Option<usize> = None;
    let mut items: Vec<Item> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut warnings: Vec<String> = Vec::new();
    let mut unknown_entities: HashSet<String> = HashSet::new();

    loop {
        let event = match reader.read_event() {
            Ok(ev) => ev,
            Err(err) => {
                let offset = reader.error_position() as usize;
                if is_unclosed(&err) {
                    return Err(FeedError::Truncated);
                }
                let (line, column) = line_col(text, offset);
                return Err(FeedError::Malformed {
                    line,
                    column,
                    message: err.to_string(),
                });
            }
        };
        match event {
            Event::DocType(d) => {
                // Entity declarations are where expansion bombs live; a feed
                // has no need of them, so they are refused before any use.
                if d.contains("<!ENTITY") || d.contains("ENTITY ") {
                    return Err(FeedError::EntityDeclarations);
                }
            }
            Event::Start(e) => {
                depth += 1;
                if depth == 1 {
                    kind = Some(root_kind(&e).ok_or(FeedError::NotAFeed)?);
                    continue;
                }
                let k = kind.unwrap_or(FeedKind::Rss);
                let name = e.name();
                let (_, local) = split_name(name.as_ref());
                if let Some((_, _, buf)) = capture.as_mut() {
                    // Markup inside a field (Atom xhtml content): kept as
                    // HTML for the article reader.
                    buf.push('<');
                    buf.push_str(name.as_ref());
                    buf.push_str(e.attributes_raw());
                    buf.push('>');
                    continue;
                }
                match open.as_mut() {
                    None if is_item(k, local) => {
                        open = Some(Open {
                            depth,
                            about: attr(&e, "rdf:about"),
                            ..Open::default()
                        });
                    }
                    Some(o) if depth == o.depth + 1 => {
                        if k == FeedKind::Atom && local == "author" {
                            atom_author = Some(depth);
                        } else if k == FeedKind::Atom && local == "link" {
                            atom_link(&mut o.item, &e);
                        } else if let Some(f) = field_of(k, name.as_ref()) {
                            capture = Some((f, depth, String::new()));
                        }
                    }
                    Some(_) if atom_author.is_some_and(|a| depth == a + 1) && local == "name" => {
                        capture = Some((Field::Byline, depth, String::new()));
                    }
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if depth == 0 {
                    kind = Some(root_kind(&e).ok_or(FeedError::NotAFeed)?);
                    root_closed = true;
                    continue;
                }
                let name = e.name();
                if let Some((_, _, buf)) = capture.as_mut() {
                    buf.push('<');
                    buf.push_str(name.as_ref());
                    buf.push_str(e.attributes_raw());
                    buf.push_str("/>");
                    continue;
                }
                let k = kind.unwrap_or(FeedKind::Rss);
                let (_, local) = split_name(name.as_ref());
                if let Some(o) = open.as_mut()
                    && depth == o.depth
                    && k == FeedKind::Atom
                    && local == "link"
                {
                    atom_link(&mut o.item, &e);
                }
            }
            Event::End(e) => {
                if let Some((field, d, buf)) = capture.take() {
                    if d == depth {
                        if let Some(o) = open.as_mut() {
                            set_field(o, field, buf);
                        }
                    } else {
                        let mut buf = buf;
                        buf.push_str("</");
                        buf.push_str(e.name().as_ref());
                        buf.push('>');
                        capture = Some((field, d, buf));
                    }
                } else if atom_author == Some(depth) {
                    atom_author = None;
                } else if open.as_ref().is_some_and(|o| o.depth == depth) {
                    let o = open.take().expect("checked above");
                    finish_item(o, &mut items, &mut seen, &mut warnings);
                }
                depth -= 1;
                if depth == 0 {
                    root_closed = true;
                }
            }
            Event::Text(t) => {
                if let Some((_, _, buf)) = capture.as_mut() {
                    buf.push_str(&t.xml10_content());
                }
            }
            Event::CData(c) => {
                if let Some((_, _, buf)) = capture.as_mut() {
                    buf.push_str(&c.into_inner());
                }
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c.to_string()),
                    Ok(None) => predefined(&r).map(str::to_string),
                    Err(_) => None,
                };
                let text = match resolved {
                    Some(s) => s,
                    None => {
                        // Not expanded (no DTD is read): kept as written.
                        if unknown_entities.insert(r.to_string()) {
                            warnings.push(format!(
                                "entity &{}; is not defined by XML and was kept as written",
                                &*r
                            ));
                        }
                        format!("&{};", &*r)
                    }
                };
                if let Some((_, _, buf)) = capture.as_mut() {
                    buf.push_str(&text);
                }
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
    }
    if !root_closed {
        // No root at all (empty or whitespace file) or a root left open:
        // the writer has not finished.
        return Err(FeedError::Truncated);
    }
    Ok(Feed {
        kind: kind.ok_or(FeedError::NotAFeed)?,
        items,
        warnings,
    })
}

fn is_item(kind: FeedKind, local: &str) -> bool {
    match kind {
        FeedKind::Atom => local == "entry",
        FeedKind::Rss | FeedKind::Rdf => local == "item",
    }
}

/// Syntax errors that only happen when the input stops inside markup.
fn is_unclosed(err: &XmlError) -> bool {
    matches!(
        err,
        XmlError::Syntax(
            SyntaxError::UnclosedPI
                | SyntaxError::UnclosedXmlDecl
                | SyntaxError::UnclosedComment
                | SyntaxError::UnclosedDoctype
                | SyntaxError::UnclosedCData
                | SyntaxError::UnclosedTag
                | SyntaxError::UnclosedSingleQuotedAttributeValue
                | SyntaxError::UnclosedDoubleQuotedAttributeValue
        )
    )
}

fn predefined(name: &str) -> Option<&'static str> {
    match name {
        "lt" => Some("<"),
        "gt" => Some(">"),
        "amp" => Some("&"),
        "apos" => Some("'"),
        "quot" => Some("\""),
        _ => None,
    }
}

/// Atom `<link href rel>`: the alternate (or rel-less) link is the item's.
fn atom_link(item: &mut Item, e: &BytesStart<'_>) {
    let rel = attr(e, "rel");
    if matches!(rel.as_deref(), None | Some("alternate"))
        && item.link.is_none()
        && let Some(href) = attr(e, "href")
    {
        item.link = Some(href.trim().to_string());
    }
}

fn set_field(o: &mut Open, field: Field, text: String) {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return;
    }
    let value = Some(trimmed.to_string());
    let slot = match field {
        Field::Id => &mut o.guid,
        Field::Link => &mut o.item.link,
        Field::Title => &mut o.item.title,
        Field::Description => &mut o.item.description,
        Field::Content => &mut o.item.content,
        Field::Byline => &mut o.item.byline,
        Field::Published => &mut o.item.published,
        Field::Updated => &mut o.updated,
    };
    // The first of repeated elements wins (several dc:creator, links).
    if slot.is_none() {
        *slot = value;
    }
}

/// Gives the item its identity and keeps it unless its id was seen before.
fn finish_item(
    mut o: Open,
    items: &mut Vec<Item>,
    seen: &mut HashSet<String>,
    warnings: &mut Vec<String>,
) {
    if o.item.published.is_none() {
        o.item.published = o.updated.take();
    }
    {
        match o
            .guid
            .take()
            .or(o.about.take())
            .or_else(|| o.item.link.clone())
        {
            Some(id) => o.item.id = id,
            None => {
                warnings.push(format!(
                    "item {} has no guid, id or link: skipped",
                    items.len() + 1
                ));
                return;
            }
        }
    }
    if !seen.insert(o.item.id.clone()) {
        warnings.push(format!("duplicate item id {:?}: kept the first", o.item.id));
        return;
    }
    items.push(o.item);
}
