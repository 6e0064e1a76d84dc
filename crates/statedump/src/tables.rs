//! The caller's opaque tables: `(table id, u64 key) → bytes`.
//!
//! The caller (the driver) owns its tables (object table, call_outs, program index).
//! A full dump reads them through [`TableSource`]; an increment takes only the changes
//! since the previous call as a [`TableDelta`]. Restore hands them back as [`Tables`],
//! stored in one arena per table so a million entries cost no million allocations.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

use crate::format::TableOp;

/// A fast hasher for `u64` keys (multiplicative, FxHash-style).
#[derive(Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// A `HashMap` keyed by `u64` with [`KeyHasher`].
pub type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

/// Every live entry of the caller's tables, for a full dump.
pub trait TableSource {
    /// Calls `f(table, key, value)` once per live entry, in any order.
    fn visit(&self, f: &mut dyn FnMut(u32, u64, &[u8]));
}

/// Changes to the caller's tables: upserts and removes by `(table, key)`; the last
/// change of a key wins.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableDelta {
    pub(crate) ops: BTreeMap<(u32, u64), TableOp>,
}

impl TableDelta {
    pub fn new() -> TableDelta {
        TableDelta::default()
    }
    /// Sets `(table, key)` to `value`.
    pub fn upsert(&mut self, table: u32, key: u64, value: impl Into<Vec<u8>>) {
        self.ops.insert((table, key), TableOp::Upsert(value.into()));
    }
    /// Removes `(table, key)`.
    pub fn remove(&mut self, table: u32, key: u64) {
        self.ops.insert((table, key), TableOp::Remove);
    }
    /// Number of changed keys.
    pub fn len(&self) -> usize {
        self.ops.len()
    }
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }
    /// Adds every change of `later` on top of these (later wins).
    pub fn merge(&mut self, later: TableDelta) {
        if self.ops.is_empty() {
            self.ops = later.ops;
        } else {
            self.ops.extend(later.ops);
        }
    }
    /// The changes in `(table, key)` order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, u64, &TableOp)> {
        self.ops.iter().map(|(&(t, k), op)| (t, k, op))
    }
}

/// One restored table: entries sorted by key, values in one arena.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// `(key, arena offset, length)`, strictly increasing keys.
    entries: Vec<(u64, usize, u32)>,
    arena: Vec<u8>,
}

impl Table {
    pub(crate) fn with_capacity(entries: usize, bytes: usize) -> Table {
        Table {
            entries: Vec::with_capacity(entries),
            arena: Vec::with_capacity(bytes),
        }
    }
    pub fn get(&self, key: u64) -> Option<&[u8]> {
        let i = self.entries.binary_search_by_key(&key, |e| e.0).ok()?;
        let &(_, at, len) = self.entries.get(i)?;
        self.arena.get(at..at + len as usize)
    }
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
    /// Every entry, sorted by key.
    pub fn iter(&self) -> impl Iterator<Item = (u64, &[u8])> {
        self.entries
            .iter()
            .map(|&(k, at, len)| (k, self.arena.get(at..at + len as usize).unwrap_or(&[])))
    }
    /// Appends an entry whose key is above every key so far (building from a sorted
    /// record); returns false if it is not.
    pub(crate) fn push_sorted(&mut self, key: u64, value: &[u8]) -> bool {
        if self.entries.last().is_some_and(|e| e.0 >= key) {
            return false;
        }
        let at = self.arena.len();
        self.arena.extend_from_slice(value);
        self.entries.push((key, at, value.len() as u32));
        true
    }
    /// Applies sorted changes (`None` removes) in one merge pass.
    pub(crate) fn merge_sorted(&mut self, changes: &[(u64, Option<(usize, u32)>)], src: &[u8]) {
        let old = std::mem::take(&mut self.entries);
        let mut out = Vec::with_capacity(old.len() + changes.len());
        let mut i = 0;
        let mut j = 0;
        while i < old.len() || j < changes.len() {
            let take_change = match (old.get(i), changes.get(j)) {
                (Some(o), Some(c)) => {
                    if c.0 == o.0 {
                        i += 1; // replaced or removed
                    }
                    c.0 <= o.0
                }
                (None, Some(_)) => true,
                (Some(_), None) => false,
                (None, None) => break,
            };
            if take_change {
                if let Some(&(k, Some((at, len)))) = changes.get(j) {
                    let v = src.get(at..at + len as usize).unwrap_or(&[]);
                    let a = self.arena.len();
                    self.arena.extend_from_slice(v);
                    out.push((k, a, len));
                }
                j += 1;
            } else {
                if let Some(&e) = old.get(i) {
                    out.push(e);
                }
                i += 1;
            }
        }
        self.entries = out;
    }
}

/// Restored tables, by table id.
#[derive(Debug, Clone, Default)]
pub struct Tables {
    pub tables: BTreeMap<u32, Table>,
}

impl Tables {
    pub fn table(&self, id: u32) -> Option<&Table> {
        self.tables.get(&id)
    }
    pub fn get(&self, table: u32, key: u64) -> Option<&[u8]> {
        self.tables.get(&table)?.get(key)
    }
    /// Total entries over all tables.
    pub fn len(&self) -> usize {
        self.tables.values().map(Table::len).sum()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl TableSource for Tables {
    fn visit(&self, f: &mut dyn FnMut(u32, u64, &[u8])) {
        for (&t, tab) in &self.tables {
            for (k, v) in tab.iter() {
                f(t, k, v);
            }
        }
    }
}

/// A plain map is a table source too (tests, small callers).
impl TableSource for BTreeMap<(u32, u64), Vec<u8>> {
    fn visit(&self, f: &mut dyn FnMut(u32, u64, &[u8])) {
        for (&(t, k), v) in self {
            f(t, k, v);
        }
    }
}

/// A [`TableSource`] collected and sorted by `(table, key)`, values in one arena.
pub(crate) struct Collected {
    idx: Vec<(u32, u64, usize, u32)>,
    arena: Vec<u8>,
}

impl Collected {
    pub(crate) fn len(&self) -> usize {
        self.idx.len()
    }
    /// Entries as upserts, in `(table, key)` order.
    pub(crate) fn entries(&self) -> impl ExactSizeIterator<Item = (u32, u64, Option<&[u8]>)> {
        self.idx.iter().map(|&(t, k, at, len)| {
            (
                t,
                k,
                Some(self.arena.get(at..at + len as usize).unwrap_or(&[])),
            )
        })
    }
}

/// Collects a [`TableSource`] sorted by `(table, key)`, as a full table record wants
/// (no sort when the source visits in order; the last value of a duplicate key wins).
pub(crate) fn collect_sorted(src: &dyn TableSource) -> Collected {
    let mut c = Collected {
        idx: Vec::new(),
        arena: Vec::new(),
    };
    let mut sorted = true;
    src.visit(&mut |t, k, val| {
        if let Some(&(lt, lk, _, _)) = c.idx.last() {
            sorted &= (lt, lk) < (t, k);
        }
        let at = c.arena.len();
        c.arena.extend_from_slice(val);
        c.idx.push((t, k, at, val.len() as u32));
    });
    if !sorted {
        // Stable: equal keys keep visiting order, so the last one wins below.
        c.idx.sort_by_key(|e| (e.0, e.1));
        let mut out: Vec<(u32, u64, usize, u32)> = Vec::with_capacity(c.idx.len());
        for e in c.idx.drain(..) {
            match out.last_mut() {
                Some(l) if (l.0, l.1) == (e.0, e.1) => *l = e,
                _ => out.push(e),
            }
        }
        c.idx = out;
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Unsorted(Vec<(u32, u64, Vec<u8>)>);
    impl TableSource for Unsorted {
        fn visit(&self, f: &mut dyn FnMut(u32, u64, &[u8])) {
            for (t, k, v) in &self.0 {
                f(*t, *k, v);
            }
        }
    }

    #[test]
    fn collect_sorts_and_last_duplicate_wins() {
        let src = Unsorted(vec![
            (1, 5, b"a".to_vec()),
            (0, 9, b"b".to_vec()),
            (1, 2, b"c".to_vec()),
            (0, 9, b"d".to_vec()),
        ]);
        let c = collect_sorted(&src);
        let got: Vec<(u32, u64, Vec<u8>)> = c
            .entries()
            .map(|(t, k, v)| (t, k, v.unwrap_or(&[]).to_vec()))
            .collect();
        assert_eq!(
            got,
            vec![
                (0, 9, b"d".to_vec()),
                (1, 2, b"c".to_vec()),
                (1, 5, b"a".to_vec())
            ]
        );
    }

    #[test]
    fn merge_sorted_applies_upserts_and_removes() {
        let mut t = Table::default();
        for k in [1u64, 3, 5] {
            assert!(t.push_sorted(k, &[k as u8]));
        }
        assert!(!t.push_sorted(5, b"x"));
        let src = b"NEWZ";
        t.merge_sorted(&[(0, Some((0, 1))), (3, None), (5, Some((1, 3)))], src);
        let got: Vec<(u64, Vec<u8>)> = t.iter().map(|(k, v)| (k, v.to_vec())).collect();
        assert_eq!(
            got,
            vec![(0, b"N".to_vec()), (1, vec![1]), (5, b"EWZ".to_vec())]
        );
        assert_eq!(t.get(5), Some(&b"EWZ"[..]));
        assert_eq!(t.get(3), None);
    }
}
