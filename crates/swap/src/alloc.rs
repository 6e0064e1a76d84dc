//! Free-space management: free sector extents, best fit, coalescing.

use std::collections::{BTreeMap, BTreeSet};

/// The free sector extents of the current file (below its end).
#[derive(Debug, Default, Clone)]
pub(crate) struct FreeList {
    by_start: BTreeMap<u64, u64>,
    by_size: BTreeSet<(u64, u64)>,
    free_sectors: u64,
}

impl FreeList {
    /// Total free sectors.
    pub(crate) fn free_sectors(&self) -> u64 {
        self.free_sectors
    }

    /// Number of extents.
    #[cfg(test)]
    pub(crate) fn extents(&self) -> usize {
        self.by_start.len()
    }

    /// Takes `n` sectors from the smallest extent that holds them.
    pub(crate) fn alloc(&mut self, n: u64) -> Option<u64> {
        if n == 0 {
            return None;
        }
        let &(len, start) = self.by_size.range((n, 0)..).next()?;
        self.by_size.remove(&(len, start));
        self.by_start.remove(&start);
        if len > n {
            self.insert_raw(start + n, len - n);
        }
        self.free_sectors -= n;
        Some(start)
    }

    /// Returns `n` sectors at `start`, merging with neighbours.
    pub(crate) fn free(&mut self, mut start: u64, mut n: u64) {
        if n == 0 {
            return;
        }
        self.free_sectors += n;
        if let Some((&ps, &pl)) = self.by_start.range(..start).next_back() {
            if ps + pl == start {
                self.remove_raw(ps, pl);
                start = ps;
                n += pl;
            }
        }
        if let Some(&nl) = self.by_start.get(&(start + n)) {
            self.remove_raw(start + n, nl);
            n += nl;
        }
        self.insert_raw(start, n);
    }

    fn insert_raw(&mut self, start: u64, n: u64) {
        self.by_start.insert(start, n);
        self.by_size.insert((n, start));
    }

    fn remove_raw(&mut self, start: u64, n: u64) {
        self.by_start.remove(&start);
        self.by_size.remove(&(n, start));
    }

    /// Whether any free extent overlaps `[start, start+n)` (consistency checks).
    pub(crate) fn overlaps(&self, start: u64, n: u64) -> bool {
        self.by_start
            .range(..start + n)
            .next_back()
            .is_some_and(|(&s, &l)| s + l > start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_fit_split_and_coalesce() {
        let mut f = FreeList::default();
        f.free(10, 5);
        f.free(20, 2);
        assert_eq!(f.alloc(2), Some(20));
        assert_eq!(f.alloc(3), Some(10));
        assert_eq!(f.alloc(3), None);
        assert_eq!(f.alloc(2), Some(13));
        assert_eq!(f.free_sectors(), 0);
        f.free(10, 3);
        f.free(14, 2);
        f.free(13, 1);
        assert_eq!(f.extents(), 1);
        assert_eq!(f.free_sectors(), 6);
        assert!(f.overlaps(15, 4));
        assert!(!f.overlaps(16, 4));
        assert_eq!(f.alloc(6), Some(10));
    }
}
