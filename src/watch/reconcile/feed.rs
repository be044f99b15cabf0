//! Recording a feed version ([`Engine::settle_feed`]): each new item gets
//! `created`, each changed item `modified` (diffed against its own last
//! revision), both with `item: {id, link}`. Items that rolled out of the
//! feed are left alone: no event, not deleted.

use std::collections::HashMap;

use super::{Candidate, Engine, claims_of, writer};
use crate::diff;
use crate::internal_events as ie;
use crate::render::escape_control;
use crate::sinks::event::line::{MAX_LINE, render_line};
use crate::sinks::event::{self, ChangeEvent, EventKind, ItemRef};
use crate::store::{Packed, StagedRevision, StoredItem, item_path};
use crate::watch::feed::{FeedRead, ItemRead, is_feed_name};

impl Engine {
    /// A feed's stored items by id (none for other files), handed to the
    /// worker so it can tell which items changed. `None` after a store
    /// error, which is logged and counted.
    pub(super) fn stored_items(
        &mut self,
        root: usize,
        rel: &str,
    ) -> Option<HashMap<String, StoredItem>> {
        if !is_feed_name(rel) {
            return Some(HashMap::new());
        }
        match self.store.feed_items(&self.settings.roots[root].key, rel) {
            Ok(items) => Some(items.into_iter().map(|i| (i.id.clone(), i)).collect()),
            Err(e) => {
                tracing::error!(path = %escape_control(rel), "store: {e}");
                self.stats.errors += 1;
                None
            }
        }
    }

    /// Stages a revision and its event for every new or changed item.
    pub(super) fn settle_feed(&mut self, cand: &Candidate, feed: FeedRead) {
        tracing::debug!(
            path = %escape_control(&cand.rel),
            "feed read: {} items new or changed, {} unchanged",
            feed.items.len(),
            feed.unchanged
        );
        if feed.items.is_empty() {
            self.stats.unchanged += 1;
            return;
        }
        for item in feed.items {
            if let Err(e) = self.commit_item(cand, item, feed.mtime_ns) {
                error_recording(&cand.rel, &e);
                self.stats.errors += 1;
            }
        }
    }

    fn commit_item(
        &mut self,
        cand: &Candidate,
        item: ItemRead,
        mtime_ns: i64,
    ) -> Result<(), crate::store::StoreError> {
        let root = self.settings.roots[cand.root].key.clone();
        let path = item_path(&cand.rel, &item.id);
        let (kind, revision, prev_revision, d) = match &item.prev {
            None => (EventKind::Created, 1, None, diff::diff(&[], &item.claims)),
            Some(p) => {
                let last = self.store.latest_content_revision(p.file_id)?;
                let old = last
                    .as_ref()
                    .map(|r| claims_of(r, &path))
                    .unwrap_or_default();
                (
                    EventKind::Modified,
                    p.last_revision + 1,
                    last.as_ref().map(|r| r.revision),
                    diff::diff(&old, &item.claims),
                )
            }
        };
        let mut ev = ChangeEvent {
            schema: event::SCHEMA,
            event_id: event::event_id(&root, &path, revision, Some(&item.hash)),
            time: event::now_rfc3339(),
            path: path.clone(),
            root: root.clone(),
            event: kind,
            revision,
            prev_revision,
            from: None,
            item: Some(ItemRef {
                id: item.id,
                link: item.link,
            }),
            hash: Some(item.hash.clone()),
            title: item.title.clone(),
            severity: Default::default(),
            summary: Default::default(),
            changes: Vec::new(),
        }
        .with_diff(d);
        let line = render_line(&mut ev, self.settings.created_claims, MAX_LINE);
        let rev = StagedRevision {
            root,
            path,
            revision,
            time: ev.time.clone(),
            hash: Some(item.hash),
            // An item has no file of its own: its claims are what is kept.
            raw: None,
            claims: item.claims_packed,
            title: item.title,
            mtime_ns,
            size: 0,
            live: true,
            event_id: ev.event_id.clone(),
            event_kind: ev.event.as_str().to_string(),
            severity: event::severity_str(ev.severity).to_string(),
            event: Packed::event(line.line.clone()),
            full_event: line.full.map(Packed::pack_str),
            event_derived: None,
            sinks: self.sinks_for(&ev),
            retire_file: None,
            keep_raw: self.settings.keep_raw,
            item: true,
        };
        self.stage(
            rev,
            writer::Meta {
                ev,
                line: line.line,
                // A failed commit rescans the feed; items already stored
                // are then unchanged.
                paths: vec![cand.abs.clone()],
            },
        );
        Ok(())
    }
}

fn error_recording(rel: &str, e: &crate::store::StoreError) {
    tracing::error!(path = %escape_control(rel), "cannot record a feed item: {e}");
    ie::error_counted("store");
}
