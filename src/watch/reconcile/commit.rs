//! Committing what a reconcile decided: a file's new content (revision,
//! event, change-log line, alerts) or its deletion, in one store
//! transaction per file ([`Engine::commit_content`], [`Engine::commit_deletion`]).

use super::*;

impl Engine {
    pub(super) fn commit_content(
        &mut self,
        cand: &Candidate,
        content: &mut Content,
        renamed_from: Option<FileRow>,
    ) -> Result<(), StoreError> {
        let root = self.settings.roots[cand.root].key.clone();
        let revision = cand.row.as_ref().map_or(0, |r| r.last_revision) + 1;
        let mut paths = vec![cand.abs.clone()];
        if let Some(r) = &renamed_from {
            paths.push(self.settings.roots[cand.root].dir.join(&r.path));
        }
        let created = renamed_from.is_none() && cand.row.is_none() && content.created.is_some();
        if !created || !self.alerter.plan().rules.is_empty() {
            // Diffed or read by alert rules: read back if a worker dropped
            // them (before their packed copy moves into the revision).
            content.claims();
        }
        let raw = std::mem::replace(&mut content.raw, Packed::Plain(Vec::new()));
        let claims = std::mem::replace(&mut content.claims_packed, Packed::Plain(Vec::new()));
        // A new file's event was built on a worker core (observe).
        if created && let Some(p) = content.created.take() {
            let p = *p;
            let mut rev = self.staged(&p.ev, p.event, None, revision, Some(raw), claims, content);
            // Its line is rebuilt from the claims stored with it.
            rev.event_derived = p.derived;
            // Its changes were not kept: the rules see every claim added.
            rev.sinks = vec![changelog::SINK.to_string()];
            rev.sinks
                .extend(self.alerter.outbox_names_added(&p.ev, &content.claims));
            if self.settings.publish.is_some() {
                rev.sinks.push(crate::sinks::publish::SINK.to_string());
            }
            self.stage(
                rev,
                writer::Meta {
                    ev: p.ev,
                    line: p.line,
                    paths,
                },
            );
            return Ok(());
        }
        let prev = match (&cand.row, &renamed_from) {
            (Some(r), None) => self.previous_claims(r.id, &cand.rel)?,
            _ => None,
        };
        let (kind, prev_revision, d) = match (&cand.row, &renamed_from) {
            (_, Some(_)) => (
                EventKind::Renamed,
                None,
                diff::diff(&content.claims, &content.claims),
            ),
            (Some(r), None) => {
                let kind = if r.live {
                    EventKind::Modified
                } else {
                    EventKind::Restored
                };
                let (prev_revision, old) = prev.map_or((None, Vec::new()), |(n, c)| (Some(n), c));
                (kind, prev_revision, diff::diff(&old, &content.claims))
            }
            (None, None) => (EventKind::Created, None, diff::diff(&[], &content.claims)),
        };
        let mut ev = ChangeEvent {
            schema: event::SCHEMA,
            event_id: event::event_id(&root, &cand.rel, revision, Some(&content.hash)),
            time: event::now_rfc3339(),
            path: cand.rel.clone(),
            root: root.clone(),
            event: kind,
            revision,
            prev_revision,
            from: renamed_from.as_ref().map(|r| r.path.clone()),
            item: None,
            hash: Some(content.hash.clone()),
            title: content.title.clone(),
            severity: Default::default(),
            summary: Default::default(),
            changes: Vec::new(),
        }
        .with_diff(d);
        let line = render_line(&mut ev, self.settings.created_claims, MAX_LINE);
        let mut rev = self.staged(
            &ev,
            Packed::event(line.line.clone()),
            line.full.map(Packed::event),
            revision,
            Some(raw),
            claims,
            content,
        );
        rev.retire_file = renamed_from.as_ref().map(|r| r.id);
        self.stage(
            rev,
            writer::Meta {
                ev,
                line: line.line,
                paths,
            },
        );
        Ok(())
    }

    /// The revision number and claims of a file's latest content, parsed
    /// as they are decompressed and without its raw text, so a big
    /// article's previous revision is not held as JSON too. Claims another
    /// extractor version stored are re-derived from the raw text.
    pub(super) fn previous_claims(
        &self,
        file_id: i64,
        rel: &str,
    ) -> Result<Option<(i64, Vec<Claim>)>, StoreError> {
        Ok(match self.store.latest_content_claims(file_id)? {
            None => None,
            Some((n, Ok(claims))) => Some((n, claims)),
            Some(_) => self
                .store
                .latest_content_revision(file_id)?
                .map(|p| (p.revision, claims_of(&p, rel))),
        })
    }

    /// The store row of a content revision.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn staged(
        &self,
        ev: &ChangeEvent,
        event: Packed,
        full_event: Option<Packed>,
        revision: i64,
        raw: Option<Packed>,
        claims: Packed,
        content: &Content,
    ) -> StagedRevision {
        StagedRevision {
            root: ev.root.clone(),
            path: ev.path.clone(),
            revision,
            time: ev.time.clone(),
            hash: ev.hash.clone(),
            raw,
            claims,
            title: content.title.clone(),
            mtime_ns: content.mtime_ns,
            size: content.size,
            live: true,
            event_id: ev.event_id.clone(),
            event_kind: ev.event.as_str().to_string(),
            severity: event::severity_str(ev.severity).to_string(),
            event,
            event_derived: None,
            full_event,
            sinks: self.sinks_for(ev),
            retire_file: None,
            keep_raw: self.settings.keep_raw,
            item: false,
        }
    }

    /// Outbox rows of an event: the change log, every matching alert and
    /// the NATS stream when `[publish] nats` is set.
    pub(super) fn sinks_for(&self, ev: &ChangeEvent) -> Vec<String> {
        let mut sinks = vec![changelog::SINK.to_string()];
        sinks.extend(self.alerter.outbox_names(ev));
        if self.settings.publish.is_some() {
            sinks.push(crate::sinks::publish::SINK.to_string());
        }
        sinks
    }

    pub(super) fn commit_deletion(
        &mut self,
        root_idx: usize,
        row: &FileRow,
        last: Option<RevisionRow>,
    ) -> Result<(), StoreError> {
        let root = self.settings.roots[root_idx].key.clone();
        let old = last
            .as_ref()
            .map(|p| claims_of(p, &row.path))
            .unwrap_or_default();
        let revision = row.last_revision + 1;
        let mut ev = ChangeEvent {
            schema: event::SCHEMA,
            event_id: event::event_id(&root, &row.path, revision, None),
            time: event::now_rfc3339(),
            path: row.path.clone(),
            root: root.clone(),
            event: EventKind::Deleted,
            revision,
            prev_revision: last.as_ref().map(|p| p.revision),
            from: None,
            item: None,
            hash: None,
            title: last.as_ref().and_then(|p| p.title.clone()),
            severity: Default::default(),
            summary: Default::default(),
            changes: Vec::new(),
        }
        .with_diff(diff::diff(&old, &[]));
        let line = render_line(&mut ev, self.settings.created_claims, MAX_LINE);
        let rev = StagedRevision {
            root: root.clone(),
            path: row.path.clone(),
            revision,
            time: ev.time.clone(),
            hash: None,
            raw: None,
            claims: Packed::Plain(b"[]".to_vec()),
            title: ev.title.clone(),
            mtime_ns: 0,
            size: 0,
            live: false,
            event_id: ev.event_id.clone(),
            event_kind: EventKind::Deleted.as_str().to_string(),
            severity: event::severity_str(ev.severity).to_string(),
            event: Packed::event(line.line.clone()),
            event_derived: None,
            full_event: line.full.map(Packed::event),
            sinks: self.sinks_for(&ev),
            retire_file: None,
            keep_raw: self.settings.keep_raw,
            item: false,
        };
        let paths = vec![self.settings.roots[root_idx].dir.join(&row.path)];
        self.stage(
            rev,
            writer::Meta {
                ev,
                line: line.line,
                paths,
            },
        );
        Ok(())
    }
}
