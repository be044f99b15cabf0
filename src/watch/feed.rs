//! Reading a feed file for the reconcile engine ([`read`]): parse it, pick
//! the items whose content hash differs from their stored revision, and
//! extract only those (on every core). Pure of store access: the stored
//! items come in with the candidate.

use std::collections::HashMap;

use rayon::prelude::*;
use tracing::{info, warn};

use super::observe::Observed;
use crate::claims::Claim;
use crate::feed::{self, FeedError, Item};
use crate::render::escape_control;
use crate::store::{Packed, StoredItem};

/// True for the names read as feeds (`.xml`, `.rss`, `.atom`).
pub(crate) fn is_feed_name(path: &str) -> bool {
    let ext = std::path::Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("");
    matches!(ext.to_ascii_lowercase().as_str(), "xml" | "rss" | "atom")
}

/// A feed version as read: the items new or changed since their stored
/// revision (unchanged items are only counted, never extracted).
pub(crate) struct FeedRead {
    pub(crate) items: Vec<ItemRead>,
    pub(crate) unchanged: usize,
    pub(crate) mtime_ns: i64,
}

/// One new or changed item, extracted.
pub(crate) struct ItemRead {
    pub(crate) id: String,
    pub(crate) link: Option<String>,
    pub(crate) title: Option<String>,
    /// `blake3:<hex>` of the item's content ([`Item::content_hash`]).
    pub(crate) hash: String,
    pub(crate) claims: Vec<Claim>,
    /// The claims as stored, serialised on a worker core.
    pub(crate) claims_packed: Packed,
    /// Its stored row, when the item was seen before.
    pub(crate) prev: Option<StoredItem>,
}

fn item_hash(item: &Item) -> String {
    format!(
        "blake3:{}",
        blake3::Hash::from(item.content_hash()).to_hex()
    )
}

/// Reads feed bytes. A version that cannot be read (truncated mid-write,
/// malformed, an entity bomb) records nothing and drops nothing: it is
/// logged and the next complete version is read. A `.xml` file that is
/// not a feed (a sitemap) is skipped: those names are watched for feeds.
pub(super) fn read(
    rel: &str,
    bytes: &[u8],
    mtime_ns: i64,
    stored: &HashMap<String, StoredItem>,
) -> Observed {
    let shown = escape_control(rel);
    let parsed = match feed::parse(bytes) {
        Ok(f) => f,
        Err(FeedError::NotAFeed) => {
            info!(path = %shown, "skipped: not a feed (.xml, .rss and .atom files are read as feeds)");
            return Observed::Skipped;
        }
        Err(e @ FeedError::Truncated) => {
            warn!(path = %shown, "{e}: nothing recorded; the next complete version is read");
            return Observed::Skipped;
        }
        Err(e) => {
            warn!(path = %shown, "{e}: nothing recorded; the next readable version is read");
            return Observed::Failed;
        }
    };
    for w in &parsed.warnings {
        warn!(path = %shown, "{w}");
    }
    let mut todo = Vec::new();
    let mut unchanged = 0;
    for item in parsed.items {
        let hash = item_hash(&item);
        let prev = stored.get(&item.id);
        if prev.is_some_and(|p| p.hash.as_deref() == Some(hash.as_str())) {
            unchanged += 1;
        } else {
            todo.push((item, hash, prev.cloned()));
        }
    }
    let items = todo
        .into_par_iter()
        .map(|(item, hash, prev)| {
            let article = item.to_article();
            let claims = crate::claims::extract(&article);
            let json = serde_json::to_string(&claims).unwrap_or_else(|_| "[]".into());
            ItemRead {
                title: article.title,
                claims_packed: Packed::pack_str(json),
                claims,
                hash,
                prev,
                link: item.link,
                id: item.id,
            }
        })
        .collect();
    Observed::Feed(Box::new(FeedRead {
        items,
        unchanged,
        mtime_ns,
    }))
}
