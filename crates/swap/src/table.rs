//! The key → entry table: a dense vector for keys that are small, consecutive integers
//! (object indices, the common case: no hashing, no per-key overhead beyond the entry,
//! growth without a rehash peak) and a hash map for any other key.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A fast hasher for `u64` keys (multiplicative, as in rustc's FxHasher).
#[derive(Default, Clone, Copy)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub(crate) type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

/// What the table stores: anything with a "vacant" value.
pub(crate) trait Vacancy {
    fn vacant() -> Self;
    fn is_vacant(&self) -> bool;
}

/// Dense growth step (slots).
const CHUNK: usize = 4096;

#[derive(Debug)]
pub(crate) struct Table<E> {
    dense: Vec<E>,
    sparse: KeyMap<E>,
    len: usize,
    /// Sparse keys examined or slots probed while growing the dense part (the test of
    /// linear growth counts this).
    #[cfg(test)]
    rehome_work: u64,
}

impl<E: Vacancy> Default for Table<E> {
    fn default() -> Self {
        Table {
            dense: Vec::new(),
            sparse: KeyMap::default(),
            len: 0,
            #[cfg(test)]
            rehome_work: 0,
        }
    }
}

impl<E: Vacancy> Table<E> {
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub(crate) fn get(&self, key: &u64) -> Option<&E> {
        if *key < self.dense.len() as u64 {
            self.dense.get(*key as usize).filter(|e| !e.is_vacant())
        } else {
            self.sparse.get(key)
        }
    }

    pub(crate) fn get_mut(&mut self, key: &u64) -> Option<&mut E> {
        if *key < self.dense.len() as u64 {
            self.dense.get_mut(*key as usize).filter(|e| !e.is_vacant())
        } else {
            self.sparse.get_mut(key)
        }
    }

    pub(crate) fn contains_key(&self, key: &u64) -> bool {
        self.get(key).is_some()
    }

    /// Inserts (or replaces) `key`; returns the old entry.
    pub(crate) fn insert(&mut self, key: u64, e: E) -> Option<E> {
        let n = self.dense.len() as u64;
        if key >= n && key < 2 * n + CHUNK as u64 && key < u32::MAX as u64 {
            // Grow the dense part to cover the key, in whole chunks, and move any
            // sparse keys that now fall inside it.
            let new_len = (key as usize + 1).next_multiple_of(CHUNK);
            self.dense.resize_with(new_len, E::vacant);
            self.rehome(n, new_len as u64);
        }
        let old = if key < self.dense.len() as u64 {
            match self.dense.get_mut(key as usize) {
                Some(slot) => {
                    let old = std::mem::replace(slot, e);
                    (!old.is_vacant()).then_some(old)
                }
                None => None,
            }
        } else {
            self.sparse.insert(key, e)
        };
        if old.is_none() {
            self.len += 1;
        }
        old
    }

    /// Moves the sparse keys in `[from, to)` (just covered by the dense part) into it.
    /// The work is `min(sparse keys, to - from)`: scan the map when it is the smaller,
    /// probe each new slot otherwise. Either way it is bounded by the growth, so
    /// building the table costs time linear in its dense size, whatever the key order.
    fn rehome(&mut self, from: u64, to: u64) {
        if self.sparse.is_empty() {
            return;
        }
        let span = to - from;
        let moved: Vec<u64> = if (self.sparse.len() as u64) < span {
            #[cfg(test)]
            {
                self.rehome_work += self.sparse.len() as u64;
            }
            self.sparse
                .keys()
                .copied()
                .filter(|&k| k >= from && k < to)
                .collect()
        } else {
            #[cfg(test)]
            {
                self.rehome_work += span;
            }
            (from..to).filter(|k| self.sparse.contains_key(k)).collect()
        };
        for k in moved {
            if let Some(v) = self.sparse.remove(&k) {
                if let Some(slot) = self.dense.get_mut(k as usize) {
                    *slot = v;
                }
            }
        }
    }

    pub(crate) fn remove(&mut self, key: &u64) -> Option<E> {
        let old = if *key < self.dense.len() as u64 {
            match self.dense.get_mut(*key as usize) {
                Some(slot) if !slot.is_vacant() => Some(std::mem::replace(slot, E::vacant())),
                _ => None,
            }
        } else {
            self.sparse.remove(key)
        };
        if old.is_some() {
            self.len -= 1;
        }
        old
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (u64, &E)> + '_ {
        self.dense
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.is_vacant())
            .map(|(k, e)| (k as u64, e))
            .chain(self.sparse.iter().map(|(&k, e)| (k, e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    impl Vacancy for u32 {
        fn vacant() -> u32 {
            u32::MAX
        }
        fn is_vacant(&self) -> bool {
            *self == u32::MAX
        }
    }

    /// Keys arriving ascending after a sparse start (a partial pair registered in
    /// either order): growing the dense part must not rescan every sparse key each
    /// time. Counts the work instead of timing it.
    #[test]
    fn dense_growth_is_linear_after_sparse_start() {
        let n: u64 = 200_000;
        let mut t: Table<u32> = Table::default();
        // The upper half first: the dense part cannot reach it yet, so it is sparse.
        for k in n..2 * n {
            t.insert(k, k as u32);
        }
        assert_eq!(t.sparse.len(), n as usize);
        for k in 0..n {
            t.insert(k, k as u32);
        }
        assert_eq!(t.len(), 2 * n as usize);
        // Once the dense part covers everything the sparse part is empty.
        t.insert(2 * n, 0);
        assert!(t.sparse.len() < CHUNK, "sparse left: {}", t.sparse.len());
        for k in 0..2 * n {
            assert_eq!(t.get(&k), Some(&(k as u32)));
        }
        // Linear: at most a few units of work per key. The old rescan did about
        // (n / CHUNK) * n = 9.8M here.
        assert!(
            t.rehome_work <= 4 * (2 * n + CHUNK as u64),
            "rehome work {} for {} keys",
            t.rehome_work,
            2 * n
        );
    }

    proptest::proptest! {
        #[test]
        fn table_matches_btreemap(ops in proptest::collection::vec(
            (0u8..3, proptest::prop_oneof![0u64..20_000, 0u64..100, proptest::num::u64::ANY], 0u32..1000), 1..400)) {
            let mut t: Table<u32> = Table::default();
            let mut m: BTreeMap<u64, u32> = BTreeMap::new();
            for (op, k, v) in ops {
                match op {
                    0 => proptest::prop_assert_eq!(t.insert(k, v), m.insert(k, v)),
                    1 => proptest::prop_assert_eq!(t.remove(&k), m.remove(&k)),
                    _ => proptest::prop_assert_eq!(t.get(&k), m.get(&k)),
                }
                proptest::prop_assert_eq!(t.len(), m.len());
            }
            let mut all: Vec<(u64, u32)> = t.iter().map(|(k, v)| (k, *v)).collect();
            all.sort();
            let want: Vec<(u64, u32)> = m.into_iter().collect();
            proptest::prop_assert_eq!(all, want);
        }
    }
}
