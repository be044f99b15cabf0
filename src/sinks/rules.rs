//! Alert rules ([`Rule`]): a compiled `[[alerts.rules]]` entry that picks
//! the changes of an event worth alerting on (severity, detail types, claim
//! kinds, claim parts, operations, event types, keywords, entities, path globs).
//!
//! Empty criteria match anything; a rule fires when at least one change of
//! the event passes every change-level criterion, so an event without claim
//! changes never fires.

use std::collections::HashSet;

use globset::{Glob, GlobSet, GlobSetBuilder};

use super::event::{ChangeEvent, EventKind};
use crate::claims::{Claim, ClaimKind, Part};
use crate::config::AlertRule;
use crate::diff::{Change, DetailType, Op, Severity};

/// One compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub name: String,
    pub min_severity: Severity,
    pub details: HashSet<DetailType>,
    pub kinds: HashSet<ClaimKind>,
    pub parts: HashSet<Part>,
    pub ops: HashSet<Op>,
    pub events: HashSet<EventKind>,
    /// Lower-cased; matched as substrings of the claim text or speaker.
    pub keywords: Vec<String>,
    /// Lower-cased; matched against the claim's entities and speaker.
    pub entities: Vec<String>,
    pub paths: Option<GlobSet>,
    /// Sink names, in config order.
    pub sinks: Vec<String>,
}

/// Parses a serde enum from its config spelling (`"number_changed"`).
fn from_word<T: serde::de::DeserializeOwned>(word: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(word.to_string())).ok()
}

fn set_of<T>(words: &[String], field: &str, rule: &str) -> Result<HashSet<T>, String>
where
    T: serde::de::DeserializeOwned + std::hash::Hash + Eq,
{
    words
        .iter()
        .map(|w| {
            from_word(w).ok_or_else(|| format!("rule {rule:?}: {field} has an unknown value {w:?}"))
        })
        .collect()
}

impl Rule {
    /// Compiles a config rule; `default_sinks` stands in for an empty
    /// `sinks` list.
    pub fn compile(r: &AlertRule, default_sinks: &[String]) -> Result<Rule, String> {
        let min_severity = match r.min_severity.as_deref() {
            None => Severity::Low,
            Some(s) => {
                from_word(s).ok_or_else(|| format!("rule {:?}: bad min_severity {s:?}", r.name))?
            }
        };
        let paths = if r.paths.is_empty() {
            None
        } else {
            let mut b = GlobSetBuilder::new();
            for g in &r.paths {
                b.add(Glob::new(g).map_err(|e| format!("rule {:?}: bad glob {g:?}: {e}", r.name))?);
            }
            Some(
                b.build()
                    .map_err(|e| format!("rule {:?}: bad globs: {e}", r.name))?,
            )
        };
        let lower = |v: &[String]| -> Vec<String> {
            v.iter()
                .map(|s| s.trim().to_lowercase())
                .filter(|s| !s.is_empty())
                .collect()
        };
        Ok(Rule {
            name: r.name.clone(),
            min_severity: min_severity.max(Severity::Low),
            details: set_of(&r.details, "details", &r.name)?,
            kinds: set_of(&r.kinds, "kinds", &r.name)?,
            parts: set_of(&r.parts, "parts", &r.name)?,
            ops: set_of(&r.ops, "ops", &r.name)?,
            events: set_of(&r.events, "events", &r.name)?,
            keywords: lower(&r.keywords),
            entities: lower(&r.entities),
            paths,
            sinks: if r.sinks.is_empty() {
                default_sinks.to_vec()
            } else {
                r.sinks.clone()
            },
        })
    }

    /// Whether the event itself (type, path) is in scope.
    fn event_matches(&self, ev: &ChangeEvent) -> bool {
        (self.events.is_empty() || self.events.contains(&ev.event))
            && self
                .paths
                .as_ref()
                .is_none_or(|g| ev.path_matches(|p| g.is_match(p)))
    }

    /// Whether one change passes every change-level criterion.
    pub fn change_matches(&self, c: &Change) -> bool {
        let claims: Vec<&Claim> = c.before.iter().chain(c.after.iter()).collect();
        c.severity >= self.min_severity
            && (self.ops.is_empty() || self.ops.contains(&c.op))
            && (self.details.is_empty() || c.details.iter().any(|d| self.details.contains(&d.kind)))
            && (self.kinds.is_empty() || claims.iter().any(|cl| self.kinds.contains(&cl.kind)))
            && (self.parts.is_empty() || claims.iter().any(|cl| self.parts.contains(&cl.part)))
            && (self.keywords.is_empty()
                || self
                    .keywords
                    .iter()
                    .any(|k| claims.iter().any(|cl| mentions(cl, k))))
            && (self.entities.is_empty()
                || self
                    .entities
                    .iter()
                    .any(|e| claims.iter().any(|cl| has_entity(cl, e))))
    }

    /// Whether the rule fires on a `created` event whose changes were not
    /// kept (a big article): each of `claims` added, tried one at a time.
    pub fn fires_on_added(&self, ev: &ChangeEvent, claims: &[Claim]) -> bool {
        self.event_matches(ev)
            && claims
                .iter()
                .any(|c| self.change_matches(&crate::diff::added(c)))
    }

    /// The changes of `ev` this rule alerts on; empty when it does not fire.
    pub fn matching<'a>(&self, ev: &'a ChangeEvent) -> Vec<&'a Change> {
        if !self.event_matches(ev) {
            return Vec::new();
        }
        ev.changes
            .iter()
            .filter(|c| self.change_matches(c))
            .collect()
    }
}

/// A keyword (lower-cased) in the claim text or speaker, case-insensitively.
fn mentions(c: &Claim, keyword: &str) -> bool {
    c.text.to_lowercase().contains(keyword)
        || c.speaker
            .as_deref()
            .is_some_and(|s| s.to_lowercase().contains(keyword))
}

/// An entity (lower-cased) among the claim's entities or in its speaker.
fn has_entity(c: &Claim, entity: &str) -> bool {
    c.entities.iter().any(|e| e.to_lowercase() == entity)
        || c.speaker
            .as_deref()
            .is_some_and(|s| s.to_lowercase().contains(entity))
}

#[cfg(test)]
mod tests;
