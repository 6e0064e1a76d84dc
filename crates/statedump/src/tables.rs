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

/// Collects a [`TableSource`] sorted by `(table, key)`, as a full table record wants.
pub(crate) fn collect_sorted(src: &dyn TableSource) -> Vec<(u32, u64, TableOp)> {
    let mut v = Vec::new();
    src.visit(&mut |t, k, val| v.push((t, k, TableOp::Upsert(val.to_vec()))));
    v.sort_unstable_by_key(|a| (a.0, a.1));
    v.dedup_by(|b, a| a.0 == b.0 && a.1 == b.1);
    v
}
