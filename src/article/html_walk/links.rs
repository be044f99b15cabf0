//! Link text in a block ([`Linked`]): how much of a paragraph the walker
//! read inside `<a href>`, so a block that is one link (a teaser, a promo)
//! can be told from prose that cites a few.

/// How much of a block's text is link text: letters and digits, inside
/// links and in all.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Linked {
    inside: usize,
    total: usize,
}

impl Linked {
    /// Counts `piece`, which starts at byte `offset` of a buffer whose
    /// link text lies in `spans` (sorted byte ranges).
    pub(super) fn of(piece: &str, offset: usize, spans: &[(usize, usize)]) -> Linked {
        let mut n = Linked::default();
        // Most blocks hold no link: nothing to count then.
        if spans.is_empty() {
            return n;
        }
        for (i, c) in piece.char_indices() {
            if !c.is_alphanumeric() {
                continue;
            }
            n.total += 1;
            let at = offset + i;
            if spans.iter().any(|&(from, to)| from <= at && at < to) {
                n.inside += 1;
            }
        }
        n
    }

    pub(super) fn add(&mut self, other: Linked) {
        self.inside += other.inside;
        self.total += other.total;
    }

    /// All but a stray character or two (a closing stop outside the link)
    /// is link text.
    pub(super) fn is_whole(self) -> bool {
        self.total > 0 && self.inside * LINKED_SHARE_DEN >= self.total * LINKED_SHARE_NUM
    }
}

/// Share of a block's letters that must be link text for the block to
/// read as a link: 9 in 10.
const LINKED_SHARE_NUM: usize = 9;
const LINKED_SHARE_DEN: usize = 10;
