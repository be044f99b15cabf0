//! [`Table`]: word lists merged into one open-addressing hash table that
//! maps a word to the bit set of the lists holding it, with a compile-time
//! [`Filter`] that rejects most other words before any hashing.

/// Every list in one open-addressing table: each word maps to a bit set of
/// its lists, so a word costs one probe whatever is asked of it. A slot
/// holds an entry index plus one (0 is empty). Words are keyed by their
/// length and two whole-word loads ([`word_key`]), which for words of up
/// to 16 bytes is the word itself: hashing and comparing them needs no
/// byte loop and no `memcmp`.
pub(in crate::claims) struct Table {
    slots: Box<[u16]>,
    entries: Vec<Entry>,
    /// Words longer than [`KEYED`], rare, outside the hash table: the
    /// probe then needs no string compare and calls nothing.
    long: Vec<(&'static str, u32)>,
}

struct Entry {
    key: (u64, u64),
    len: usize,
    bits: u32,
}

/// The longest word [`word_key`] identifies by itself.
const KEYED: usize = 16;

/// Slots in the table: a power of two, under a quarter full.
const TABLE_BITS: u32 = 12;

/// Two numbers that, with the length, identify a word of up to 16 bytes:
/// its first and last eight bytes, or for a shorter word its first and
/// last four, or its first, middle and last byte (overlapping loads).
fn word_key(w: &[u8]) -> (u64, u64) {
    let n = w.len();
    if n >= 8 {
        (le_u64(&w[..8]), le_u64(&w[n - 8..]))
    } else if n >= 4 {
        (
            u64::from(le_u32(&w[..4])) | u64::from(le_u32(&w[n - 4..])) << 32,
            0,
        )
    } else if n > 0 {
        (
            u64::from(w[0]) | u64::from(w[n / 2]) << 8 | u64::from(w[n - 1]) << 16,
            0,
        )
    } else {
        (0, 0)
    }
}

fn table_slot(key: (u64, u64), n: usize) -> usize {
    let h = (key.0 ^ key.1.rotate_left(23) ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - TABLE_BITS)) as usize
}

/// Eight bytes as a little-endian number (0 for another length).
fn le_u64(b: &[u8]) -> u64 {
    <[u8; 8]>::try_from(b).map_or(0, u64::from_le_bytes)
}

/// Four bytes as a little-endian number (0 for another length).
fn le_u32(b: &[u8]) -> u32 {
    <[u8; 4]>::try_from(b).map_or(0, u32::from_le_bytes)
}

impl Table {
    /// The table of `lists`: list `k` is bit `k` of [`Table::get`].
    pub(in crate::claims) fn build(lists: &[&[&'static str]]) -> Table {
        let mut table = Table {
            slots: vec![0; 1 << TABLE_BITS].into_boxed_slice(),
            entries: Vec::new(),
            long: Vec::new(),
        };
        let mask = (1 << TABLE_BITS) - 1;
        for (bit, list) in lists.iter().enumerate() {
            for &w in *list {
                if w.len() > KEYED {
                    match table.long.iter_mut().find(|(l, _)| *l == w) {
                        Some((_, bits)) => *bits |= 1 << bit,
                        None => table.long.push((w, 1 << bit)),
                    }
                    continue;
                }
                let key = word_key(w.as_bytes());
                let mut i = table_slot(key, w.len());
                loop {
                    match usize::from(table.slots[i]) {
                        0 => {
                            table.entries.push(Entry {
                                key,
                                len: w.len(),
                                bits: 1 << bit,
                            });
                            // At most 4096 slots, so the index fits.
                            table.slots[i] = u16::try_from(table.entries.len()).unwrap_or(0);
                            break;
                        }
                        // Equal keys and lengths are equal words.
                        e if table.entries[e - 1].key == key
                            && table.entries[e - 1].len == w.len() =>
                        {
                            table.entries[e - 1].bits |= 1 << bit;
                            break;
                        }
                        _ => i = (i + 1) & mask,
                    }
                }
            }
        }
        table
    }

    /// The bit set of lists `word` belongs to (0 for none).
    #[inline]
    pub(in crate::claims) fn get(&self, word: &str) -> u32 {
        let n = word.len();
        if n > KEYED {
            return self.get_long(word);
        }
        if n == 0 {
            return 0;
        }
        let mask = (1 << TABLE_BITS) - 1;
        let key = word_key(word.as_bytes());
        let mut i = table_slot(key, n);
        loop {
            match self.slots.get(i).map_or(0, |&e| usize::from(e)) {
                0 => return 0,
                e => {
                    // Equal keys and lengths are equal words.
                    if let Some(entry) = self.entries.get(e - 1)
                        && entry.key == key
                        && entry.len == n
                    {
                        return entry.bits;
                    }
                }
            }
            i = (i + 1) & mask;
        }
    }

    #[cold]
    #[inline(never)]
    fn get_long(&self, word: &str) -> u32 {
        self.long
            .iter()
            .find(|(w, _)| *w == word)
            .map_or(0, |&(_, bits)| bits)
    }
}

/// A 4096-bit filter keyed on a word's first byte, last byte and length,
/// built at compile time ([`Filter::of`]): a miss proves the word is in
/// none of the lists, for a load and no hashing.
pub(in crate::claims) struct Filter([u64; 64]);

impl Filter {
    /// The filter of every word of `lists`.
    pub(in crate::claims) const fn of(lists: &[&[&str]]) -> Filter {
        let mut bits = [0u64; 64];
        let mut l = 0;
        while l < lists.len() {
            let mut i = 0;
            while i < lists[l].len() {
                let k = filter_key(lists[l][i]);
                bits[k / 64] |= 1 << (k % 64);
                i += 1;
            }
            l += 1;
        }
        Filter(bits)
    }

    /// False when `word` is in none of the lists.
    #[inline]
    pub(in crate::claims) fn may_hold(&self, word: &str) -> bool {
        self.may_hold_key(filter_key(word))
    }

    /// [`Filter::may_hold`] of a word whose [`key`] is `k`.
    #[inline]
    pub(in crate::claims) fn may_hold_key(&self, k: usize) -> bool {
        self.0[k / 64] & (1 << (k % 64)) != 0
    }
}

pub(in crate::claims) const fn filter_key(word: &str) -> usize {
    let b = word.as_bytes();
    match b {
        [] => key(0, 0, 0),
        [f, .., l] => key(*f, *l, b.len()),
        [f] => key(*f, *f, 1),
    }
}

pub(in crate::claims) const fn key(first: u8, last: u8, len: usize) -> usize {
    let (first, last) = (first as usize, last as usize);
    (first.wrapping_mul(131) ^ last.wrapping_mul(31) ^ len.wrapping_mul(7919)) % 4096
}
