//! Alert delivery ([`Alerter`]): from the compiled [`AlertPlan`] it names
//! the outbox entries an event needs (one per matching rule and sink) and
//! delivers them.
//!
//! Every (rule, sink) pair is its own outbox sink `alert:<rule>:<sink>`,
//! so each alert has its own delivered flag in the store and a restart
//! retries exactly what was not delivered. File sinks are written on the
//! engine thread; webhook and command sinks go through bounded queues to
//! worker threads ([`super::transport`]), whose verdicts the engine records
//! on its next [`Alerter::pump`].

use std::collections::{HashMap, HashSet};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender, TrySendError};
use std::time::{Duration, Instant};

use tracing::{debug, info, warn};

use super::alert::Alert;
use super::changelog::ChangeLog;
use super::event::{ChangeEvent, severity_str};
pub use super::plan::{AlertPlan, DEFAULT_SINK, Secret, SinkSpec, Target};
use super::transport::{self, Done, Job, Retry, Transport};
use crate::claims::Claim;
use crate::internal_events as ie;
use crate::store::Store;

/// How long a sink rests after an alert failed all its attempts.
const PAUSE_AFTER_FAILURE: Duration = Duration::from_secs(15);

/// The outbox sink name of one (rule, sink) pair.
pub fn outbox_name(rule: &str, sink: &str) -> String {
    format!("alert:{rule}:{sink}")
}

enum Handle {
    File(ChangeLog),
    Worker {
        tx: SyncSender<Job>,
        paused_until: Option<Instant>,
    },
    /// Could not be opened or started; retried on the next pump.
    Broken,
}

/// The running alert side of the engine.
pub struct Alerter {
    plan: AlertPlan,
    handles: HashMap<String, Handle>,
    /// (outbox name, event row) handed to a worker and not yet answered.
    inflight: HashSet<(String, i64)>,
    done_tx: Sender<Done>,
    done_rx: Receiver<Done>,
}

impl Alerter {
    /// Opens the file sinks and starts one worker per webhook/command sink.
    pub fn new(plan: AlertPlan) -> Alerter {
        let (done_tx, done_rx) = mpsc::channel();
        let mut a = Alerter {
            plan,
            handles: HashMap::new(),
            inflight: HashSet::new(),
            done_tx,
            done_rx,
        };
        for spec in a.plan.sinks.clone() {
            let h = a.open(&spec);
            a.handles.insert(spec.name.clone(), h);
        }
        a
    }

    fn open(&self, spec: &SinkSpec) -> Handle {
        let worker = |t: Result<Transport, String>| {
            t.and_then(|t| {
                let retry = Retry {
                    retries: spec.retry.0,
                    base: spec.retry.1,
                };
                transport::spawn_worker(
                    spec.name.clone(),
                    t,
                    retry,
                    spec.queue,
                    self.done_tx.clone(),
                )
            })
        };
        let h = match &spec.target {
            Target::File(p) => ChangeLog::open(p)
                .map(Handle::File)
                .map_err(|e| format!("cannot open {}: {e}", p.display())),
            Target::Webhook { url, headers } => worker(Ok(Transport::webhook(
                url.clone(),
                headers.clone(),
                spec.timeout,
            )))
            .map(|tx| Handle::Worker {
                tx,
                paused_until: None,
            }),
            Target::Nats(spec) => worker(Ok(Transport::Nats(Box::new(transport::NatsTransport {
                spec: spec.clone(),
                rt: None,
                conn: None,
            }))))
            .map(|tx| Handle::Worker {
                tx,
                paused_until: None,
            }),
            Target::Command(argv) => worker(Ok(Transport::Command {
                argv: argv.clone(),
                timeout: spec.timeout,
            }))
            .map(|tx| Handle::Worker {
                tx,
                paused_until: None,
            }),
        };
        h.unwrap_or_else(|e| {
            ie::alert_sink_broken(&spec.name, &e);
            Handle::Broken
        })
    }

    pub fn plan(&self) -> &AlertPlan {
        &self.plan
    }

    /// The outbox entries `ev` needs: one per matching rule and sink.
    pub fn outbox_names(&self, ev: &ChangeEvent) -> Vec<String> {
        self.outbox_names_where(|r| !r.matching(ev).is_empty())
    }

    /// [`Alerter::outbox_names`] of a `created` event whose changes were
    /// left to the store: each of `claims` added.
    pub fn outbox_names_added(&self, ev: &ChangeEvent, claims: &[Claim]) -> Vec<String> {
        self.outbox_names_where(|r| r.fires_on_added(ev, claims))
    }

    fn outbox_names_where(&self, fires: impl Fn(&super::rules::Rule) -> bool) -> Vec<String> {
        let mut out = Vec::new();
        for r in &self.plan.rules {
            if fires(r) {
                for s in &r.sinks {
                    let name = outbox_name(&r.name, s);
                    if !out.contains(&name) {
                        out.push(name);
                    }
                }
            }
        }
        out
    }

    /// Reopens the file sinks (SIGHUP after logrotate).
    pub fn reopen_files(&mut self) {
        for (name, h) in self.handles.iter_mut() {
            if let Handle::File(f) = h
                && let Err(e) = f.reopen()
            {
                warn!(sink = %name, "cannot reopen the alert file {}: {e}", f.path().display());
            }
        }
    }

    /// Alerts handed to workers and not yet answered.
    pub fn inflight(&self) -> usize {
        self.inflight.len()
    }

    /// Records worker verdicts, then hands out pending alerts: file sinks
    /// are written now, workers get what fits in their queues. Returns the
    /// alerts confirmed delivered in this call.
    pub fn pump(&mut self, store: &mut Store) -> usize {
        let mut delivered = self.collect(store);
        let now = Instant::now();
        let pairs: Vec<(usize, String)> = self
            .plan
            .rules
            .iter()
            .enumerate()
            .flat_map(|(i, r)| r.sinks.iter().map(move |s| (i, s.clone())))
            .collect();
        for (ri, sink) in pairs {
            delivered += self.pump_pair(store, ri, &sink, now);
        }
        delivered
    }

    /// Marks what workers delivered; pauses sinks whose alert failed.
    fn collect(&mut self, store: &mut Store) -> usize {
        let mut n = 0;
        while let Ok(d) = self.done_rx.try_recv() {
            self.inflight
                .remove(&(d.job.outbox.clone(), d.job.event_row));
            match d.result {
                Ok(()) => {
                    if let Err(e) = store.mark_delivered(&d.job.outbox, &[d.job.event_row]) {
                        ie::error("store", &format!("cannot mark an alert delivered: {e}"));
                        continue;
                    }
                    ie::alert_delivered(
                        &d.sink,
                        &d.job.rule,
                        d.job.severity,
                        &d.job.alert_id,
                        &d.job.path,
                        d.attempts,
                    );
                    n += 1;
                }
                Err(e) => {
                    ie::alert_failed(
                        &d.sink,
                        &d.job.alert_id,
                        d.attempts,
                        &e,
                        PAUSE_AFTER_FAILURE,
                    );
                    if let Some(Handle::Worker { paused_until, .. }) = self.handles.get_mut(&d.sink)
                    {
                        *paused_until = Some(Instant::now() + PAUSE_AFTER_FAILURE);
                    }
                }
            }
        }
        ie::alert_queue_depth(self.inflight.len());
        n
    }

    fn pump_pair(&mut self, store: &mut Store, ri: usize, sink: &str, now: Instant) -> usize {
        let rule = &self.plan.rules[ri];
        let outbox = outbox_name(&rule.name, sink);
        match self.handles.get_mut(sink) {
            None => return 0,
            Some(Handle::Broken) => {
                // Try again: the folder may exist now, the thread may start.
                if let Some(spec) = self.plan.sinks.iter().find(|s| s.name == sink).cloned() {
                    let h = self.open(&spec);
                    if matches!(h, Handle::Broken) {
                        return 0;
                    }
                    self.handles.insert(sink.to_string(), h);
                }
            }
            Some(Handle::Worker { paused_until, .. }) => {
                if paused_until.is_some_and(|t| t > now) {
                    return 0;
                }
                *paused_until = None;
            }
            Some(Handle::File(_)) => {}
        }
        let pending = match store.pending(&outbox, 128) {
            Ok(p) => p,
            Err(e) => {
                ie::error("store", &format!("cannot read the outbox: {e}"));
                return 0;
            }
        };
        let rule = &self.plan.rules[ri];
        let mut lines: Vec<(i64, String, Alert)> = Vec::new();
        let mut skipped = Vec::new();
        for p in pending {
            if self.inflight.contains(&(outbox.clone(), p.event_row)) {
                continue;
            }
            let alert = serde_json::from_str::<ChangeEvent>(&p.json)
                .ok()
                .and_then(|ev| Alert::new(&ev, rule, sink));
            let Some(alert) = alert else {
                // The rule changed since the event was committed.
                debug!(event_id = %p.event_id, rule = %rule.name, "alert no longer matches its rule; dropped");
                skipped.push(p.event_row);
                continue;
            };
            let body = match serde_json::to_string(&alert) {
                Ok(b) => b,
                Err(_) => {
                    skipped.push(p.event_row);
                    continue;
                }
            };
            match self.handles.get_mut(sink) {
                Some(Handle::Worker { tx, .. }) => {
                    let job = Job {
                        outbox: outbox.clone(),
                        event_row: p.event_row,
                        alert_id: alert.alert_id.clone(),
                        rule: rule.name.clone(),
                        severity: severity_str(alert.severity),
                        path: alert.path.clone(),
                        body,
                    };
                    match tx.try_send(job) {
                        Ok(()) => {
                            self.inflight.insert((outbox.clone(), p.event_row));
                        }
                        // Full: the rest waits in the outbox for a later pump.
                        Err(TrySendError::Full(_)) => break,
                        Err(TrySendError::Disconnected(_)) => {
                            let spec = self.plan.sinks.iter().find(|s| s.name == sink).cloned();
                            if let Some(spec) = spec {
                                let h = self.open(&spec);
                                self.handles.insert(sink.to_string(), h);
                            }
                            break;
                        }
                    }
                }
                Some(Handle::File(_)) => lines.push((p.event_row, body, alert)),
                _ => break,
            }
        }
        if !skipped.is_empty()
            && let Err(e) = store.mark_delivered(&outbox, &skipped)
        {
            ie::error("store", &format!("cannot drop stale alerts: {e}"));
        }
        ie::alert_queue_depth(self.inflight.len());
        if lines.is_empty() {
            return 0;
        }
        let Some(Handle::File(f)) = self.handles.get_mut(sink) else {
            return 0;
        };
        let texts: Vec<&str> = lines.iter().map(|(_, b, _)| b.as_str()).collect();
        if let Err(e) = f.append(&texts) {
            ie::alert_failed(
                sink,
                "-",
                1,
                &format!("cannot write {}: {e}", f.path().display()),
                Duration::ZERO,
            );
            return 0;
        }
        let rows: Vec<i64> = lines.iter().map(|(r, _, _)| *r).collect();
        if let Err(e) = store.mark_delivered(&outbox, &rows) {
            ie::error("store", &format!("cannot mark alerts delivered: {e}"));
            return 0;
        }
        for (_, _, a) in &lines {
            ie::alert_delivered(
                sink,
                &a.rule,
                severity_str(a.severity),
                &a.alert_id,
                &a.path,
                1,
            );
        }
        lines.len()
    }

    /// Pumps until every handed-out alert is answered or `timeout` passes
    /// (shutdown, end of `scan`); what is left stays in the outbox.
    pub fn drain(&mut self, store: &mut Store, timeout: Duration) -> usize {
        let start = Instant::now();
        let mut n = self.pump(store);
        while !self.inflight.is_empty() {
            let left = timeout.saturating_sub(start.elapsed());
            if left.is_zero() {
                info!(
                    pending = self.inflight.len(),
                    "{} alerts still being delivered; they stay in the outbox for the next start",
                    self.inflight.len()
                );
                break;
            }
            // Wait for one verdict, then let pump record it and refill.
            match self
                .done_rx
                .recv_timeout(left.min(Duration::from_millis(200)))
            {
                Ok(d) => {
                    // Put it back for collect() to handle uniformly.
                    let _ = self.done_tx.send(d);
                    n += self.pump(store);
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn plan(toml: &str) -> Result<AlertPlan, String> {
        let cfg = crate::config::parse(toml, None).map_err(|e| e.to_string())?;
        AlertPlan::compile(&cfg)
    }

    #[test]
    fn secrets_come_from_the_environment_and_are_redacted() {
        let text = r#"
[[alerts.sinks]]
name = "hook"
type = "webhook"
url = "http://127.0.0.1:1/x"
headers = { X-Key = "env:CW_UNIT_SURELY_UNSET_VAR" }
"#;
        let e = plan(text).expect_err("unset variable");
        assert!(e.contains("CW_UNIT_SURELY_UNSET_VAR"), "{e}");
        let s = Secret::resolve("hunter2", "test").expect("literal");
        assert_eq!(format!("{s:?}"), "<redacted>");
        let sink = crate::config::AlertSink {
            headers: [("A".to_string(), "hunter2".to_string())].into(),
            ..Default::default()
        };
        assert!(!format!("{sink:?}").contains("hunter2"));
    }

    #[test]
    fn rules_without_sinks_use_the_default_file() {
        let p =
            plan("[state]\ndir = \"/tmp/s\"\n[[alerts.rules]]\nname = \"all\"\n").expect("plan");
        assert_eq!(p.rules[0].sinks, vec![DEFAULT_SINK.to_string()]);
        assert_eq!(p.files(), vec![PathBuf::from("/tmp/s/alerts.jsonl")]);
    }

    #[test]
    fn each_matching_rule_and_sink_gets_an_outbox_entry() {
        let text = r#"
[[alerts.sinks]]
name = "a"
path = "/tmp/a.jsonl"

[[alerts.sinks]]
name = "b"
path = "/tmp/b.jsonl"

[[alerts.rules]]
name = "all"
sinks = ["a", "b"]

[[alerts.rules]]
name = "removed"
ops = ["removed"]
sinks = ["a"]
"#;
        let alerter = Alerter {
            plan: plan(text).expect("plan"),
            handles: HashMap::new(),
            inflight: HashSet::new(),
            done_tx: mpsc::channel().0,
            done_rx: mpsc::channel().1,
        };
        let claim: crate::claims::Claim = serde_json::from_value(serde_json::json!({
            "id": "c", "kind": "statement", "text": "The ferry runs hourly.",
            "quote": null, "speaker": null, "numbers": [], "negated": false,
            "hedged": false, "entities": [], "paragraph": 1, "line": 1
        }))
        .expect("claim");
        let ev: ChangeEvent = serde_json::from_value(serde_json::json!({
            "schema": 1, "event_id": "ev_1", "time": "t", "path": "a.txt",
            "root": "/r", "event": "modified", "revision": 2, "prev_revision": 1,
            "hash": null, "title": null, "severity": "medium",
            "summary": {"added": 1, "removed": 0, "modified": 0, "unchanged": 0},
            "changes": [{"op": "added", "severity": "medium", "after": claim, "details": []}]
        }))
        .expect("event");
        assert_eq!(
            alerter.outbox_names(&ev),
            vec!["alert:all:a", "alert:all:b"]
        );
        let mut empty = ev.clone();
        empty.changes.clear();
        assert!(alerter.outbox_names(&empty).is_empty());
    }
}
