//! A deterministic world for tests, crash tests and benchmarks: the state after
//! generation `g` is a pure function of `g`, so a restored dump can be checked against
//! it exactly.
//!
//! Step `g` touches `per_step` keys chosen by hashing `(seed, g, i)`; each is removed
//! (one time in eight, if present) or set to version `g`. Blob bytes are a function of
//! `(key, version)`; table 0 maps every live key to its version; the root is `g`.

use std::collections::BTreeMap;

use swap::Swap;
use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

use crate::tables::{TableDelta, Tables};

/// Parameters of the model world.
#[derive(Debug, Clone, Copy)]
pub struct Model {
    pub seed: u64,
    pub keys: u64,
    pub per_step: u64,
    pub blob_len: usize,
}

/// Table id of the model's object table.
pub const TABLE: u32 = 0;

/// The model's state: key → version.
pub type ModelState = BTreeMap<u64, u64>;

impl Model {
    /// The changes of step `g` given the state before it: key → new version or removed.
    pub fn step(&self, g: u64, before: &ModelState) -> Vec<(u64, Option<u64>)> {
        let mut out: BTreeMap<u64, Option<u64>> = BTreeMap::new();
        for i in 0..self.per_step {
            let h = xxh3_64_with_seed(&[g.to_le_bytes(), i.to_le_bytes()].concat(), self.seed);
            let key = h % self.keys.max(1);
            let present = match out.get(&key) {
                Some(v) => v.is_some(),
                None => before.contains_key(&key),
            };
            let remove = (h >> 40) & 7 == 0 && present;
            out.insert(key, if remove { None } else { Some(g) });
        }
        out.into_iter().collect()
    }

    /// The state after generation `g` (replays steps 1..=g).
    pub fn state(&self, g: u64) -> ModelState {
        let mut s = ModelState::new();
        for step in 1..=g {
            for (k, v) in self.step(step, &s) {
                match v {
                    Some(v) => {
                        s.insert(k, v);
                    }
                    None => {
                        s.remove(&k);
                    }
                }
            }
        }
        s
    }

    /// Blob bytes of `key` at `version`.
    pub fn blob(&self, key: u64, version: u64) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.blob_len);
        let mut x = xxh3_64(&[key.to_le_bytes(), version.to_le_bytes()].concat());
        out.extend_from_slice(&key.to_le_bytes());
        out.extend_from_slice(&version.to_le_bytes());
        while out.len() < self.blob_len {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            out.extend_from_slice(&x.to_le_bytes());
        }
        out.truncate(self.blob_len.max(16));
        out
    }

    /// The root blob of generation `g`.
    pub fn root(g: u64) -> Vec<u8> {
        let mut r = b"model-root:".to_vec();
        r.extend_from_slice(&g.to_le_bytes());
        r
    }

    /// Applies step `g` to a swap and a table mirror; returns the table delta.
    pub fn apply(
        &self,
        g: u64,
        state: &mut ModelState,
        swap: &mut Swap,
        tables: &mut BTreeMap<(u32, u64), Vec<u8>>,
    ) -> swap::Result<TableDelta> {
        let mut delta = TableDelta::new();
        for (k, v) in self.step(g, state) {
            match v {
                Some(v) => {
                    swap.put(k, self.blob(k, v))?;
                    state.insert(k, v);
                    tables.insert((TABLE, k), v.to_le_bytes().to_vec());
                    delta.upsert(TABLE, k, v.to_le_bytes().to_vec());
                }
                None => {
                    swap.remove(k)?;
                    state.remove(&k);
                    tables.remove(&(TABLE, k));
                    delta.remove(TABLE, k);
                }
            }
        }
        Ok(delta)
    }

    /// Checks a restored world against the state of generation `g`; returns a
    /// description of the first difference.
    pub fn check(
        &self,
        g: u64,
        swap: &mut Swap,
        tables: &Tables,
        root: &[u8],
    ) -> Result<(), String> {
        let want = self.state(g);
        if root != Self::root(g).as_slice() {
            return Err(format!("root is not that of generation {g}"));
        }
        if swap.len() != want.len() {
            return Err(format!(
                "{} keys, generation {g} has {}",
                swap.len(),
                want.len()
            ));
        }
        let t = tables.table(TABLE);
        let tlen = t.map_or(0, |t| t.len());
        if tlen != want.len() {
            return Err(format!(
                "{tlen} table entries, generation {g} has {}",
                want.len()
            ));
        }
        for (&k, &v) in &want {
            match swap.get(k) {
                Ok(Some(b)) if *b == *self.blob(k, v) => {}
                Ok(Some(_)) => return Err(format!("key {k}: wrong blob (want version {v})")),
                Ok(None) => return Err(format!("key {k}: missing (want version {v})")),
                Err(e) => return Err(format!("key {k}: {e}")),
            }
            if t.and_then(|t| t.get(k)) != Some(&v.to_le_bytes()[..]) {
                return Err(format!("key {k}: wrong table entry (want version {v})"));
            }
        }
        Ok(())
    }
}

impl Model {
    /// Like [`Model::check`], but a blob whose read fails with an error (damage
    /// detected) is counted, not a failure; only silently wrong data fails. Returns the
    /// number of detected errors.
    pub fn check_detected(
        &self,
        g: u64,
        swap: &mut Swap,
        tables: &Tables,
        root: &[u8],
    ) -> Result<usize, String> {
        let want = self.state(g);
        if root != Self::root(g).as_slice() {
            return Err(format!("root is not that of generation {g}"));
        }
        if swap.len() != want.len() {
            return Err(format!(
                "{} keys, generation {g} has {}",
                swap.len(),
                want.len()
            ));
        }
        let t = tables.table(TABLE);
        if t.map_or(0, |t| t.len()) != want.len() {
            return Err(format!("table size differs from generation {g}"));
        }
        let mut detected = 0;
        for (&k, &v) in &want {
            match swap.get(k) {
                Ok(Some(b)) if *b == *self.blob(k, v) => {}
                Ok(Some(_)) => return Err(format!("key {k}: silently wrong blob")),
                Ok(None) => return Err(format!("key {k}: silently missing")),
                Err(e) => {
                    if e.to_string().is_empty() {
                        return Err(format!("key {k}: empty error"));
                    }
                    detected += 1;
                }
            }
            if t.and_then(|t| t.get(k)) != Some(&v.to_le_bytes()[..]) {
                return Err(format!("key {k}: wrong table entry"));
            }
        }
        Ok(detected)
    }
}

/// The table mirror of a model state.
pub fn tables_of(state: &ModelState) -> BTreeMap<(u32, u64), Vec<u8>> {
    state
        .iter()
        .map(|(&k, &v)| ((TABLE, k), v.to_le_bytes().to_vec()))
        .collect()
}
