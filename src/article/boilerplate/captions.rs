//! Photo captions that reach the body text: a caption ending in its
//! credit ("… (Photo: Agency)"), the wire caption written with the weekday
//! and full date ("… in Paris, Tuesday, Nov. 19, 2019."), and gallery
//! captions with their expand/collapse toggle ("… less", "… more").

use super::words::CREDIT_WORDS;

/// Whether a block (as written, trimmed) may be a caption: it ends in a
/// bracket or a toggle word, or names a weekday before a comma. Cheap, so
/// most prose is never lower-cased for [`is_caption`].
pub(super) fn may_be_caption(block: &str) -> bool {
    block.ends_with(')')
        || block.ends_with("less")
        || block.ends_with("more")
        || memchr::memmem::find(block.as_bytes(), b"day, ").is_some()
}

/// True when a block (lower-cased) has the shape of a photo caption.
pub(super) fn is_caption(lower: &str) -> bool {
    ends_in_credit(lower) || has_caption_date(lower) || ends_in_toggle(lower)
}

/// "… shake hands in the capital (Photo: Jane Roe / Agency)": a closing
/// bracket of at most eight words naming a credit.
fn ends_in_credit(lower: &str) -> bool {
    let Some(inner) = lower.strip_suffix(')') else {
        return false;
    };
    let Some(open) = inner.rfind('(') else {
        return false;
    };
    let credit = &inner[open + 1..];
    credit.split_whitespace().count() <= 8
        && credit
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|w| CREDIT_WORDS.contains(&w) && !matches!(w, "file" | "via" | "pool"))
}

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const MONTHS: &[&str] = &[
    "jan", "feb", "march", "april", "may", "june", "july", "aug", "sept", "oct", "nov", "dec",
];

/// The wire-photo caption date: ", Tuesday, Nov. 19, 2019" — weekday set
/// off by commas (no "on"), then month, day and year. Prose says "on
/// Tuesday" and rarely gives the year with the weekday.
fn has_caption_date(lower: &str) -> bool {
    // Every weekday ends in "day": one vectorised search for "day, "
    // finds the few places worth a look (most prose has none).
    memchr::memmem::find_iter(lower.as_bytes(), b"day, ").any(|at| {
        let (before, rest) = lower.split_at(at + 3);
        WEEKDAYS
            .iter()
            .any(|day| before.strip_suffix(day).is_some_and(|b| b.ends_with(", ")))
            && rest.strip_prefix(", ").is_some_and(is_month_day_year)
    })
}

/// "nov. 19, 2019 …": a month, a day of one or two digits, a year.
fn is_month_day_year(rest: &str) -> bool {
    let mut words = rest.split_whitespace();
    let month = words.next().unwrap_or("").trim_end_matches('.');
    let date = words.next().unwrap_or("").trim_end_matches(',');
    let year = words.next().unwrap_or("");
    MONTHS.iter().any(|m| month.starts_with(m))
        && !date.is_empty()
        && date.len() <= 2
        && date.bytes().all(|b| b.is_ascii_digit())
        && year.len() >= 4
        && year.bytes().take(4).all(|b| b.is_ascii_digit())
}

/// A gallery caption with its toggle: "… the nation. less", "… the
/// military ... more".
fn ends_in_toggle(lower: &str) -> bool {
    let lower = lower.trim_end();
    lower
        .strip_suffix(" less")
        .is_some_and(|rest| rest.ends_with(['.', '!', '"']))
        || lower
            .strip_suffix(" more")
            .is_some_and(|rest| rest.trim_end().ends_with("...") || rest.ends_with('\u{2026}'))
}

#[cfg(test)]
mod tests {
    use super::is_caption;

    #[test]
    fn caption_shapes() {
        for l in [
            "Crews repair the bridge deck on a cold morning (Photo: Jane Roe / Agency)",
            "The mayor opens the new pier. (AP Photo/Sam Poe)",
            "Workers load steel onto a truck in Leeds, Tuesday, Nov. 19, 2019.",
            "Fans cheer in the stadium, Sunday, March 3, 2024, in Lyon.",
            "The minister visits the port to mark the opening. less",
            "The minister visits the port to mark the ... more",
        ] {
            assert!(is_caption(&l.to_lowercase()), "{l}");
        }
        for l in [
            "The council met on Tuesday, Nov. 19, 2019, to vote on the plan.",
            "The plan (approved in 2019) cost more than expected.",
            "The court ruled on Tuesday, Nov. 19, 2019.",
            "Prices rose by 3 percent (file photo not shown here in full text form anyway)",
            "Nobody expected the vote to be so much less.",
            "They wanted more",
        ] {
            assert!(!is_caption(&l.to_lowercase()), "{l}");
        }
    }
}
