//! Claim extraction: splits an [`Article`]'s body into sentences and types
//! each one that asserts something as a [`Claim`] (quote, attributed,
//! numeric, statement) with speaker, numbers, polarity and entities.
//!
//! Pure: no I/O.

pub mod entities;
pub mod numbers;
pub mod polarity;

use serde::{Deserialize, Serialize};

use crate::article::{Article, BlockKind};

/// What kind of assertion a claim is (SPEC section 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    Quote,
    Attributed,
    Numeric,
    Statement,
}

impl ClaimKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Quote => "quote",
            ClaimKind::Attributed => "attributed",
            ClaimKind::Numeric => "numeric",
            ClaimKind::Statement => "statement",
        }
    }
}

/// One quantity in a claim: as written, its value and a plain-word unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberMention {
    pub text: String,
    pub value: f64,
    pub unit: String,
}

/// One sentence of the article body that asserts something.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub id: String,
    pub kind: ClaimKind,
    pub text: String,
    pub quote: Option<String>,
    pub speaker: Option<String>,
    pub numbers: Vec<NumberMention>,
    pub negated: bool,
    pub hedged: bool,
    pub entities: Vec<String>,
    pub paragraph: usize,
    pub line: usize,
}

/// Stable id of a claim: a hash of its text with typography, case-insensitive
/// whitespace and quote marks folded, so a re-wrap or a quote-style change
/// keeps the id.
pub fn claim_id(text: &str) -> String {
    let folded = crate::article::normalize_typography(text);
    let mut key = String::with_capacity(folded.len());
    for word in folded.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    let hash = blake3::hash(key.as_bytes());
    format!("c_{}", &hash.to_hex()[..16])
}

/// Extracts the claims of a parsed article, in document order.
pub fn extract(article: &Article) -> Vec<Claim> {
    let mut claims = Vec::new();
    for (paragraph, block) in article.blocks.iter().enumerate() {
        if block.kind == BlockKind::Heading {
            continue;
        }
        for sentence in sentencex::segment("en", &block.text) {
            let text = sentence.trim();
            if text.is_empty() || text.ends_with('?') {
                continue;
            }
            claims.push(Claim {
                id: claim_id(text),
                kind: ClaimKind::Statement,
                text: text.to_string(),
                quote: None,
                speaker: None,
                numbers: numbers::extract_numbers(text),
                negated: polarity::is_negated(text),
                hedged: polarity::is_hedged(text),
                entities: entities::extract_entities(text),
                paragraph: paragraph + 1,
                line: block.line,
            });
        }
    }
    claims
}
