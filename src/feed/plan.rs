//! The change plan between two versions of a feed: which items are new,
//! changed, unchanged or dropped, decided from per-item content hashes
//! alone, so unchanged items are never re-extracted. Pure.

use std::collections::{HashMap, HashSet};

use super::Feed;

/// A content hash of one item ([`super::Item::content_hash`]).
pub type ItemHash = [u8; 32];

/// What to do with each item of a new feed version. Indices point into the
/// new feed's `items`; `dropped` holds ids of the previous version that are
/// gone (feeds roll: they give no event).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    pub new: Vec<usize>,
    pub changed: Vec<usize>,
    pub unchanged: Vec<usize>,
    pub dropped: Vec<String>,
}

/// Plans a new version against the previous version's item hashes (by id).
/// `dropped` keeps the order of ids as given by `previous_order`.
pub fn plan(previous: &HashMap<String, ItemHash>, previous_order: &[String], feed: &Feed) -> Plan {
    let mut out = Plan::default();
    let mut present: HashSet<&str> = HashSet::with_capacity(feed.items.len());
    for (i, item) in feed.items.iter().enumerate() {
        present.insert(item.id.as_str());
        match previous.get(&item.id) {
            None => out.new.push(i),
            Some(h) if *h == item.content_hash() => out.unchanged.push(i),
            Some(_) => out.changed.push(i),
        }
    }
    out.dropped = previous_order
        .iter()
        .filter(|id| previous.contains_key(*id) && !present.contains(id.as_str()))
        .cloned()
        .collect();
    out
}

/// The hashes of a feed's items by id, and the ids in order: what [`plan`]
/// takes as the previous version.
pub fn hashes(feed: &Feed) -> (HashMap<String, ItemHash>, Vec<String>) {
    let map = feed
        .items
        .iter()
        .map(|i| (i.id.clone(), i.content_hash()))
        .collect();
    let order = feed.items.iter().map(|i| i.id.clone()).collect();
    (map, order)
}
