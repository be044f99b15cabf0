//! Number and date details of a modification: from the extracted
//! [`NumberMention`]s and from quantity words in the text (number words,
//! ordinals, months, weekdays, years).

use std::collections::HashSet;
use std::ops::Range;

use super::{Work, cores, span_text};
use crate::claims::numbers::is_measure_unit;
use crate::claims::{Claim, NumberMention};
use crate::diff::lexicon::{self, NumKind};
use crate::diff::words::{Token, is_stopword};
use crate::diff::{Detail, DetailType};

fn is_date_mention(m: &NumberMention) -> bool {
    let unit = m.unit.to_lowercase();
    // "month"/"day" are durations ("six months"); calendar dates and clock
    // times have their own units, years are told apart by their value.
    matches!(unit.as_str(), "date" | "time")
        || ((unit == "year" || unit == "years")
            && m.value.fract() == 0.0
            && (1000.0..=2199.0).contains(&m.value))
}

/// A mention as written, with its unit when the text does not show it.
fn mention_text(m: &NumberMention) -> String {
    let t = m.text.trim();
    let shows_unit = t.chars().any(|c| c.is_alphabetic() || "%$€£¥".contains(c));
    let unit = m.unit.trim();
    // Years, dates, ranks and currency codes read wrong after the number
    // ("2021 year", "5 usd"); nouns read right ("40 people").
    let silent = matches!(
        unit.to_lowercase().as_str(),
        "" | "year" | "date" | "time" | "ordinal" | "rank" | "number" | "count"
    ) || (unit.len() == 3 && unit.chars().all(|c| c.is_ascii_alphabetic()));
    if shows_unit || silent {
        t.to_string()
    } else {
        format!("{t} {}", m.unit)
    }
}

/// Mentions only on one side, paired old→new by unit, then in order.
fn mention_changes(
    old: &[&NumberMention],
    new: &[&NumberMention],
) -> Vec<(Option<String>, Option<String>)> {
    let key = mention_key;
    let mut new_left: Vec<&NumberMention> = new.to_vec();
    let mut old_left = Vec::new();
    for m in old {
        match new_left.iter().position(|n| key(n) == key(m)) {
            Some(p) => {
                new_left.remove(p);
            }
            None => old_left.push(*m),
        }
    }
    // Same unit first, for every old mention, then in order: an old
    // mention of another unit must not take the new one its own unit
    // was waiting for ("at least 21" → "At least 39").
    let mut to: Vec<Option<String>> = vec![None; old_left.len()];
    for (k, m) in old_left.iter().enumerate() {
        if let Some(p) = new_left
            .iter()
            .position(|n| n.unit.eq_ignore_ascii_case(&m.unit))
        {
            to[k] = Some(mention_text(new_left.remove(p)));
        }
    }
    for t in to.iter_mut().filter(|t| t.is_none()) {
        if new_left.is_empty() {
            break;
        }
        *t = Some(mention_text(new_left.remove(0)));
    }
    let mut out: Vec<(Option<String>, Option<String>)> = old_left
        .into_iter()
        .zip(to)
        .map(|(m, t)| (Some(mention_text(m)), t))
        .collect();
    out.extend(new_left.into_iter().map(|n| (None, Some(mention_text(n)))));
    out
}

/// A mention in the unit another way of writing it shares: a fraction
/// as a percentage ("a quarter", "25%"), a span in months or days ("half
/// a year", "six months"; "two weeks", "14 days"; "half an hour", "30
/// minutes"), rounded so products
/// compare equal. `None` for anything else.
fn same_measure(m: &NumberMention) -> Option<(f64, &'static str)> {
    let (factor, unit) = match m.unit.to_ascii_lowercase().trim_end_matches('s') {
        "fraction" | "percent" if m.unit.eq_ignore_ascii_case("fraction") => (100.0, "percent"),
        "percent" => (1.0, "percent"),
        "year" if !is_date_mention(m) => (12.0, "month"),
        "decade" => (120.0, "month"),
        "month" => (1.0, "month"),
        "week" => (7.0, "day"),
        "day" => (1.0, "day"),
        "hour" => (60.0, "minute"),
        "minute" => (1.0, "minute"),
        _ => return None,
    };
    Some(((m.value * factor * 1e6).round() / 1e6, unit))
}

/// What makes two mentions the same quantity: value and unit, after
/// [`same_measure`].
fn mention_key(m: &NumberMention) -> (ValueKey, String) {
    match same_measure(m) {
        Some((v, unit)) => (ValueKey::Value(v.to_bits()), unit.to_string()),
        None => (value_key(m), m.unit.to_lowercase()),
    }
}

/// Whether both claims hold the same figures in the same units. Words
/// fold currency signs away ("$1.5m" and "£1.5m" are one word), so a swap
/// of currency shows only here.
pub(super) fn same_figures(old: &Claim, new: &Claim) -> bool {
    let (o, n): (Vec<&NumberMention>, Vec<&NumberMention>) =
        (old.numbers.iter().collect(), new.numbers.iter().collect());
    mention_changes(&o, &n).is_empty()
}

/// Number and date changes: from the extracted mentions, and from the words
/// themselves (number words, ordinals, month and weekday names) so a change
/// the extractor missed is still caught.
pub(super) fn numbers(old: &Claim, new: &Claim, w: &mut Work, details: &mut Vec<Detail>) {
    let kinds_old: Vec<Option<NumKind>> = (0..w.old.tokens.len())
        .map(|i| lexicon::number_kind(w.old.tokens, i))
        .collect();
    let kinds_new: Vec<Option<NumKind>> = (0..w.new.tokens.len())
        .map(|i| lexicon::number_kind(w.new.tokens, i))
        .collect();
    for kind in [NumKind::Number, NumKind::Date] {
        let detail_kind = match kind {
            NumKind::Number => DetailType::NumberChanged,
            NumKind::Date => DetailType::DateChanged,
        };
        let wanted = |m: &&NumberMention| is_date_mention(m) == (kind == NumKind::Date);
        let mo: Vec<&NumberMention> = old.numbers.iter().filter(wanted).collect();
        let mn: Vec<&NumberMention> = new.numbers.iter().filter(wanted).collect();
        let mut found: Vec<(Option<String>, Option<String>)> = mention_changes(&mo, &mn);
        let mut covered: HashSet<String> = found
            .iter()
            .flat_map(|(a, b)| a.iter().chain(b.iter()).flat_map(|s| cores(s)))
            .collect();
        w.explain_cores(&covered);

        // The same values on both sides, written another way ("1.1
        // million" / "1,100,000", "two" / "2"): no number change.
        // Every changed quantity word must belong to a mention, so a
        // quantity the extractor did not see ("2GB" → "4GB") still counts.
        let in_mentions = |side: &super::Side, kinds: &[Option<NumKind>], ms: &[&NumberMention]| {
            let known: HashSet<String> = ms.iter().flat_map(|m| cores(&m.text)).collect();
            side.changed_indices()
                .filter(|&i| kinds[i] == Some(kind))
                .all(|i| {
                    // "51-49" is the mentions "51" and "49".
                    let t = &side.tokens[i];
                    known.contains(&t.core) || t.parts().iter().all(|p| known.contains(p))
                })
        };
        // The same figures in swapped places ("won 52% to 48%" → "48% to
        // 52%"): every other word stayed, so the order is the news.
        if let Some((from, to)) = swapped(w, &kinds_old, &kinds_new, kind) {
            // Every other word is the same: the swap explains all of it.
            w.old.explain_if(|_, _| true);
            w.new.explain_if(|_, _| true);
            details.push(Detail {
                kind: detail_kind,
                from: Some(from),
                to: Some(to),
            });
            continue;
        }
        if same_values(&mo, &mn)
            && in_mentions(&w.old, &kinds_old, &mo)
            && in_mentions(&w.new, &kinds_new, &mn)
        {
            let forms = |toks: &[Token], kinds: &[Option<NumKind>]| -> HashSet<String> {
                (0..toks.len())
                    .filter(|&i| kinds[i] == Some(kind))
                    .map(|i| toks[i].core.clone())
                    .collect()
            };
            let mut restyled = forms(w.old.tokens, &kinds_old);
            restyled.extend(forms(w.new.tokens, &kinds_new));
            w.explain_cores(&restyled);
            continue;
        }
        // Word-level: only when the quantity words differ as a whole, so a
        // number that merely moved within the sentence is not a change.
        let bag = |toks: &[Token], kinds: &[Option<NumKind>]| -> Vec<String> {
            let mut v: Vec<String> = (0..toks.len())
                .filter(|&i| kinds[i] == Some(kind))
                .map(|i| toks[i].core.clone())
                .collect();
            v.sort_unstable();
            v
        };
        if bag(w.old.tokens, &kinds_old) != bag(w.new.tokens, &kinds_new) {
            for (o, n) in w.hunks.clone() {
                let num_o: Vec<usize> = o.clone().filter(|&i| kinds_old[i] == Some(kind)).collect();
                let num_n: Vec<usize> = n.clone().filter(|&i| kinds_new[i] == Some(kind)).collect();
                if num_o.is_empty() && num_n.is_empty() {
                    continue;
                }
                // A word that is part of a quantity compound on the other
                // side ("largest" → "second-largest") goes with the number.
                let parts = |toks: &[Token], idx: &[usize]| -> HashSet<String> {
                    idx.iter().flat_map(|&i| toks[i].parts()).collect()
                };
                let (parts_o, parts_n) = (parts(w.old.tokens, &num_o), parts(w.new.tokens, &num_n));
                w.old.explain_if(|i, t| {
                    num_o.contains(&i) || (o.contains(&i) && parts_n.contains(&t.core))
                });
                w.new.explain_if(|i, t| {
                    num_n.contains(&i) || (n.contains(&i) && parts_o.contains(&t.core))
                });
                let all_covered = num_o
                    .iter()
                    .map(|&i| &w.old.tokens[i])
                    .chain(num_n.iter().map(|&i| &w.new.tokens[i]))
                    .all(|t| {
                        // "10-12" → "10-15": the "10" on both sides is
                        // no part of the change.
                        covered.contains(&t.core)
                            || t.parts().iter().all(|p| {
                                covered.contains(p) || parts_o.contains(p) && parts_n.contains(p)
                            })
                    });
                if all_covered && !found.is_empty() {
                    continue;
                }
                // A side with no quantity word stands in for it only when
                // its words are part of the other side's quantity
                // ("largest" → "second-largest"); otherwise the quantity
                // is new or gone ("Police have detained" is not a date).
                let from = if num_o.is_empty()
                    && !o.clone().any(|i| parts_n.contains(&w.old.tokens[i].core))
                {
                    None
                } else {
                    quantity_span(w.old.tokens, &o, &num_o, kind)
                };
                let to = if num_n.is_empty()
                    && !n.clone().any(|i| parts_o.contains(&w.new.tokens[i].core))
                {
                    None
                } else {
                    quantity_span(w.new.tokens, &n, &num_n, kind)
                };
                if from != to {
                    covered.extend(from.iter().chain(to.iter()).flat_map(|s| cores(s)));
                    complete_or_push(&mut found, from, to);
                }
            }
        }
        for (from, to) in found {
            details.push(Detail {
                kind: detail_kind,
                from,
                to,
            });
        }
    }
    join_period_counts(details);
}

/// "a year earlier" → "two years earlier": the count the extractor saw
/// ("two years", a number) and the one it did not ("a year", a date word)
/// are one change of date, not a number that appeared and a date that went.
fn join_period_counts(details: &mut Vec<Detail>) {
    let lone = |d: &Detail, kind: DetailType, from: bool| {
        d.kind == kind && (d.from.is_some() == from) && (d.to.is_some() != from)
    };
    let one_period = |d: &Detail| {
        d.from
            .iter()
            .chain(&d.to)
            .any(|t| t.starts_with("a ") || t.starts_with("an "))
    };
    for from_date in [true, false] {
        let date = details
            .iter()
            .position(|d| lone(d, DetailType::DateChanged, from_date) && one_period(d));
        let number = details
            .iter()
            .position(|d| lone(d, DetailType::NumberChanged, !from_date));
        let (Some(di), Some(ni)) = (date, number) else {
            continue;
        };
        let n = details.remove(ni);
        let d = &mut details[if ni < di { di - 1 } else { di }];
        if from_date {
            d.to = n.to;
        } else {
            d.from = n.from;
        }
    }
}

/// The quantity words of both sides when they are the same words in
/// another order, in the same slots among unchanged words: a swap of
/// figures ("52% to 48%" → "48% to 52%"), not a figure moved with its
/// words ("Of 40 members, 12" → "12 of 40 members").
fn swapped(
    w: &Work,
    kinds_old: &[Option<NumKind>],
    kinds_new: &[Option<NumKind>],
    kind: NumKind,
) -> Option<(String, String)> {
    fn split<'a>(
        toks: &'a [Token],
        kinds: &[Option<NumKind>],
        kind: NumKind,
    ) -> (Vec<&'a str>, Vec<&'a str>) {
        let (mut figures, mut rest) = (Vec::new(), Vec::new());
        for (t, k) in toks.iter().zip(kinds) {
            if *k == Some(kind) {
                figures.push(t.text.as_str());
                // The figure's place: a swap keeps every figure's slot.
                rest.push("#");
            } else {
                rest.push(t.core.as_str());
            }
        }
        (figures, rest)
    }
    let (fo, ro) = split(w.old.tokens, kinds_old, kind);
    let (fn_, rn) = split(w.new.tokens, kinds_new, kind);
    let same_order = fo
        .iter()
        .zip(&fn_)
        .all(|(x, y)| crate::diff::words::core_of(x) == crate::diff::words::core_of(y));
    if fo.len() < 2 || fo.len() != fn_.len() || same_order || ro != rn {
        return None;
    }
    // Compared by their cores: "48%." at the end is "48%".
    let sorted = |v: &[&str]| {
        let mut c: Vec<String> = v.iter().map(|t| crate::diff::words::core_of(t)).collect();
        c.sort_unstable();
        c
    };
    let (a, b) = (sorted(&fo), sorted(&fn_));
    let clean = |v: &[&str]| {
        v.iter()
            .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric() && !"%$€£".contains(c)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    (a == b).then(|| (clean(&fo), clean(&fn_)))
}

/// Both sides mention quantities, and the same values as a multiset.
fn same_values(old: &[&NumberMention], new: &[&NumberMention]) -> bool {
    let keys = |v: &[&NumberMention]| -> Vec<(ValueKey, String)> {
        v.iter().map(|m| mention_key(m)).collect()
    };
    let (a, mut b) = (keys(old), keys(new));
    // The same value in another unit of measure ("5 years" → "5 months")
    // is a change; a counted noun reworded ("500 troops" → "500
    // personnel") is not, nor a unit only one side names.
    // A share and a count are other measures too ("60 votes" → "60% of
    // the vote").
    let share = |u: &str| matches!(u, "percent" | "percentage points");
    let other_measure = |ua: &str, ub: &str| {
        ua != ub
            && ((is_measure_unit(ua) && is_measure_unit(ub))
                || (share(ua) || share(ub)) && !ua.is_empty() && !ub.is_empty())
    };
    if old.is_empty() || a.len() != b.len() {
        return false;
    }
    // Exact matches first, so a looser date match cannot take the partner
    // another mention needs.
    let mut loose = Vec::new();
    for (va, ua) in a {
        match b
            .iter()
            .position(|(vb, ub)| *vb == va && !other_measure(&ua, ub))
        {
            Some(p) => {
                b.swap_remove(p);
            }
            None => loose.push(va),
        }
    }
    loose
        .into_iter()
        .all(|va| match b.iter().position(|(vb, _)| va.same_date(vb)) {
            Some(p) => {
                b.swap_remove(p);
                true
            }
            None => false,
        })
}

/// What a mention says, for telling a restyling from a change: its value,
/// and for a calendar date the date itself. A date's value is its day or
/// its year alone, so "March 1" and "April 1" (or "Feb. 24, 2025" and
/// "Feb. 25, 2025") have one value and are still different dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum ValueKey {
    Value(u64),
    Date {
        year: Option<u16>,
        month: Option<u8>,
        day: Option<u8>,
    },
}

impl ValueKey {
    /// The same day and month, the year written on one side only ("Jan. 1"
    /// → "Jan. 1, 2026"): the year the reader already assumed, spelt out.
    fn same_date(&self, other: &ValueKey) -> bool {
        match (self, other) {
            (
                ValueKey::Date {
                    year: ya,
                    month: ma,
                    day: da,
                },
                ValueKey::Date {
                    year: yb,
                    month: mb,
                    day: db,
                },
            ) => {
                ma.is_some() && da.is_some() && ma == mb && da == db && ya.is_none() != yb.is_none()
            }
            _ => false,
        }
    }
}

pub(super) fn value_key(m: &NumberMention) -> ValueKey {
    if !m.unit.eq_ignore_ascii_case("date") {
        return ValueKey::Value(m.value.to_bits());
    }
    let (mut year, mut month, mut day) = (None, None, None);
    let parts: Vec<&str> = m
        .text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
        .collect();
    // "2025-02-24": year, month, day in figures.
    let iso = parts.len() == 3
        && parts[0].len() == 4
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    for (k, part) in parts.iter().enumerate() {
        let digits = part.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            let n: u16 = digits.parse().unwrap_or(0);
            if digits.len() == 4 {
                year = Some(n);
            } else if iso && k == 1 {
                month = u8::try_from(n).ok();
            } else {
                day = u8::try_from(n).ok();
            }
        } else if let Some(i) = crate::article::dates::month_of(&part.to_ascii_lowercase()) {
            month = u8::try_from(i).ok();
        }
    }
    ValueKey::Date { year, month, day }
}

/// Words that take a second unit word after them ("square kilometers").
const UNIT_MODIFIERS: &[&str] = &["cubic", "metric", "nautical", "per", "square"];

/// Adds a word-level change, or completes a mention-level one that only
/// saw one side ("(none) → March 4" plus "Tuesday → March 4" is one change).
fn complete_or_push(
    found: &mut Vec<(Option<String>, Option<String>)>,
    from: Option<String>,
    to: Option<String>,
) {
    let within = |part: &str, whole: &Option<String>| {
        whole.as_deref().is_some_and(|w| {
            let w = cores(w);
            cores(part).iter().all(|c| w.contains(c))
        })
    };
    for f in found.iter_mut() {
        match (&f.0, &f.1) {
            (None, Some(t)) if within(t, &to) => {
                f.0 = from;
                return;
            }
            (Some(fr), None) if within(fr, &from) => {
                f.1 = to;
                return;
            }
            _ => {}
        }
    }
    found.push((from, to));
}

/// The words of one side of a hunk that state the quantity: from the first
/// to the last quantity word, plus the unit word that follows ("two" →
/// "two weeks"); the whole side when it has no quantity word ("largest
/// town" → "second-largest town").
fn quantity_span(
    tokens: &[Token],
    side: &Range<usize>,
    nums: &[usize],
    kind: NumKind,
) -> Option<String> {
    if side.is_empty() {
        return None;
    }
    let (mut start, mut end) = match (nums.first(), nums.last()) {
        (Some(&a), Some(&b)) => (a, b + 1),
        _ => (side.start, side.end.min(side.start + 6)),
    };
    // A date reads whole: "next week" → "next month", not "week" → "month".
    if kind == NumKind::Date && !nums.is_empty() {
        let date_at = |k: usize| lexicon::number_kind(tokens, k) == Some(NumKind::Date);
        while start > 0 && date_at(start - 1) {
            start -= 1;
        }
        while end < tokens.len() && date_at(end) {
            end += 1;
        }
    }
    // One unit word, two for "square kilometers" and the like; a date has
    // none ("this month cited" is "this month").
    let units = if kind == NumKind::Date { 0 } else { 2 };
    for _ in 0..units {
        let Some(next) = tokens.get(end) else { break };
        let ends_clause = tokens[end - 1]
            .text
            .ends_with([',', '.', ';', ':', '"', ')']);
        let unit_like = next.core.chars().all(|c| c.is_alphabetic())
            && !next.core.is_empty()
            && !is_stopword(&next.core)
            && !next.is_capitalised();
        if !unit_like || ends_clause {
            break;
        }
        end += 1;
        if !UNIT_MODIFIERS.contains(&next.core.as_str()) {
            break;
        }
    }
    span_text(tokens, start..end)
}
