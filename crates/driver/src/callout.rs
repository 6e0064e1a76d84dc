//! call_out timing: which (object, handle) is due when.
//!
//! The LPC side of a call_out (function name, arguments) lives in the
//! object, in the VM; the driver keeps only the schedule. Due times are on
//! the *call_out clock*: wall-clock milliseconds plus an offset. A dump
//! records the clock; a restore sets the offset so the clock continues from
//! that value, which freezes call_out time while the server is down (as DGD
//! does).

use std::collections::{BTreeMap, HashMap};

/// An object as the driver knows it: an opaque key from the world (for the
/// VM: slot index and creation count packed in 64 bits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjKey(pub u64);

/// A call_out delay: DGD's int delays are seconds, float delays have
/// millisecond resolution.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Delay {
    Secs(u32),
    Float(f64),
}

impl Delay {
    /// The delay in milliseconds (negative or NaN floats count as 0).
    pub fn millis(self) -> u64 {
        match self {
            Delay::Secs(s) => u64::from(s) * 1000,
            Delay::Float(f) if f.is_finite() && f > 0.0 => (f * 1000.0).round().min(1e15) as u64,
            Delay::Float(_) => 0,
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum CallOutError {
    #[error("Too many callouts")]
    TooMany,
    #[error("call_out table: {0}")]
    Corrupt(String),
}

/// The schedule.
#[derive(Debug, Default)]
pub struct CallOuts {
    queue: BTreeMap<(u64, u64), (ObjKey, u32)>,
    index: HashMap<(ObjKey, u32), (u64, u64)>,
    limit: usize,
    offset_ms: i64,
    seq: u64,
}

fn wall_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

const MAGIC: &[u8; 4] = b"DGCO";
const VERSION: u16 = 1;

impl CallOuts {
    /// An empty schedule holding at most `limit` call_outs (`call_outs`).
    pub fn new(limit: u32) -> Self {
        CallOuts {
            limit: limit as usize,
            ..Default::default()
        }
    }

    /// The call_out clock now, in milliseconds.
    pub fn clock(&self) -> u64 {
        (wall_ms() + self.offset_ms).max(0) as u64
    }

    /// `status()`'s ST_NCOSHORT and ST_NCOLONG: call_outs due within
    /// 128 seconds (DGD's short-term cyclic buffer), and the others.
    pub fn counts(&self) -> (usize, usize) {
        let horizon = self.clock().saturating_add(128_000);
        let short = self.queue.range(..(horizon, 0)).count();
        (short, self.queue.len() - short)
    }

    /// Number of scheduled call_outs.
    pub fn len(&self) -> usize {
        self.queue.len()
    }

    pub fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }

    /// Schedules `handle` of `obj` after `delay`.
    pub fn add(&mut self, obj: ObjKey, handle: u32, delay: Delay) -> Result<(), CallOutError> {
        self.add_at(obj, handle, self.clock() + delay.millis())
    }

    fn add_at(&mut self, obj: ObjKey, handle: u32, due: u64) -> Result<(), CallOutError> {
        if let Some(k) = self.index.remove(&(obj, handle)) {
            self.queue.remove(&k);
        } else if self.queue.len() >= self.limit {
            return Err(CallOutError::TooMany);
        }
        self.seq += 1;
        let k = (due, self.seq);
        self.queue.insert(k, (obj, handle));
        self.index.insert((obj, handle), k);
        Ok(())
    }

    /// Removes a call_out; gives the milliseconds it still had to wait.
    pub fn remove(&mut self, obj: ObjKey, handle: u32) -> Option<u64> {
        let now = self.clock();
        let k = self.index.remove(&(obj, handle))?;
        self.queue.remove(&k);
        Some(k.0.saturating_sub(now))
    }

    /// Milliseconds until a call_out is due (0 if overdue).
    pub fn remaining(&self, obj: ObjKey, handle: u32) -> Option<u64> {
        let now = self.clock();
        self.index
            .get(&(obj, handle))
            .map(|k| k.0.saturating_sub(now))
    }

    /// Removes every call_out of a destructed object.
    pub fn remove_object(&mut self, obj: ObjKey) {
        let keys: Vec<_> = self
            .index
            .keys()
            .filter(|(o, _)| *o == obj)
            .copied()
            .collect();
        for k in keys {
            if let Some(q) = self.index.remove(&k) {
                self.queue.remove(&q);
            }
        }
    }

    /// Milliseconds until the next call_out is due, if any.
    pub fn next_due_in(&self) -> Option<u64> {
        let now = self.clock();
        self.queue
            .keys()
            .next()
            .map(|(due, _)| due.saturating_sub(now))
    }

    /// Takes the earliest call_out due at or before `now`.
    pub fn pop_due(&mut self, now: u64) -> Option<(ObjKey, u32)> {
        let (&k, _) = self.queue.iter().next()?;
        if k.0 > now {
            return None;
        }
        let v = self.queue.remove(&k)?;
        self.index.remove(&v);
        Some(v)
    }

    /// Encodes the schedule and the clock for a dump (little-endian, with an
    /// xxh3 checksum; see docs/format.md, "driver tables").
    pub fn encode(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(26 + self.queue.len() * 20);
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&VERSION.to_le_bytes());
        b.extend_from_slice(&self.clock().to_le_bytes());
        b.extend_from_slice(&(self.queue.len() as u32).to_le_bytes());
        for (&(due, _), &(obj, handle)) in &self.queue {
            b.extend_from_slice(&obj.0.to_le_bytes());
            b.extend_from_slice(&handle.to_le_bytes());
            b.extend_from_slice(&due.to_le_bytes());
        }
        let sum = xxhash_rust::xxh3::xxh3_64(&b);
        b.extend_from_slice(&sum.to_le_bytes());
        b
    }

    /// Restores a schedule written by [`encode`]; the clock continues from
    /// the value it had at the dump.
    pub fn decode(bytes: &[u8], limit: u32) -> Result<Self, CallOutError> {
        let bad = |m: &str| CallOutError::Corrupt(m.to_string());
        if bytes.len() < 26 {
            return Err(bad("too short"));
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        let want = u64::from_le_bytes(sum.try_into().map_err(|_| bad("checksum"))?);
        if xxhash_rust::xxh3::xxh3_64(body) != want {
            return Err(bad("checksum mismatch"));
        }
        if &body[0..4] != MAGIC {
            return Err(bad("bad magic"));
        }
        let ver = u16::from_le_bytes([body[4], body[5]]);
        if ver != VERSION {
            return Err(CallOutError::Corrupt(format!("unknown version {ver}")));
        }
        let rd8 = |o: usize| -> Result<u64, CallOutError> {
            body.get(o..o + 8)
                .and_then(|s| s.try_into().ok())
                .map(u64::from_le_bytes)
                .ok_or_else(|| bad("truncated"))
        };
        let clock = rd8(6)?;
        let n = body
            .get(14..18)
            .and_then(|s| s.try_into().ok())
            .map(u32::from_le_bytes)
            .ok_or_else(|| bad("truncated"))? as usize;
        if body.len() != 18 + n * 20 {
            return Err(bad("length does not match the entry count"));
        }
        let mut c = CallOuts::new(limit.max(n as u32));
        c.limit = limit as usize;
        c.offset_ms = clock as i64 - wall_ms();
        for i in 0..n {
            let o = 18 + i * 20;
            let obj = ObjKey(rd8(o)?);
            let handle = u32::from_le_bytes(
                body.get(o + 8..o + 12)
                    .and_then(|s| s.try_into().ok())
                    .ok_or_else(|| bad("truncated"))?,
            );
            let due = rd8(o + 12)?;
            c.seq += 1;
            c.queue.insert((due, c.seq), (obj, handle));
            c.index.insert((obj, handle), (due, c.seq));
        }
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_limit_and_removal() {
        let mut c = CallOuts::new(3);
        c.add(ObjKey(1), 1, Delay::Secs(10)).unwrap();
        c.add(ObjKey(2), 1, Delay::Float(0.0)).unwrap();
        c.add(ObjKey(1), 2, Delay::Secs(0)).unwrap();
        assert_eq!(
            c.add(ObjKey(3), 1, Delay::Secs(0)),
            Err(CallOutError::TooMany)
        );
        let now = c.clock();
        // equal due times run in the order they were made
        assert_eq!(c.pop_due(now), Some((ObjKey(2), 1)));
        assert_eq!(c.pop_due(now), Some((ObjKey(1), 2)));
        assert_eq!(c.pop_due(now), None);
        let left = c.remove(ObjKey(1), 1).unwrap();
        assert!(left > 9000 && left <= 10000, "{left}");
        assert!(c.is_empty());
    }

    #[test]
    fn float_delays_have_millisecond_resolution() {
        assert_eq!(Delay::Float(0.25).millis(), 250);
        assert_eq!(Delay::Float(-1.0).millis(), 0);
        assert_eq!(Delay::Float(f64::NAN).millis(), 0);
        assert_eq!(Delay::Secs(3).millis(), 3000);
    }

    #[test]
    fn clock_is_frozen_across_a_dump() {
        let mut c = CallOuts::new(10);
        c.add(ObjKey(7), 3, Delay::Secs(60)).unwrap();
        c.add(ObjKey(8), 1, Delay::Float(1.5)).unwrap();
        let bytes = c.encode();
        // Pretend the server was down for an hour: the clock continues from
        // the dumped value, so the remaining delays are unchanged.
        let d = CallOuts::decode(&bytes, 10).unwrap();
        let r = d.remaining(ObjKey(7), 3).unwrap();
        assert!(r > 59_000 && r <= 60_000, "{r}");
        assert!(d.remaining(ObjKey(8), 1).unwrap() <= 1500);
        assert_eq!(d.len(), 2);
        assert!(d.clock().abs_diff(c.clock()) < 1000);
    }

    #[test]
    fn corrupt_tables_are_refused() {
        let mut c = CallOuts::new(10);
        c.add(ObjKey(7), 3, Delay::Secs(60)).unwrap();
        let bytes = c.encode();
        for i in 0..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 0x10;
            assert!(CallOuts::decode(&b, 10).is_err(), "flip at {i}");
        }
        for n in 0..bytes.len() {
            assert!(CallOuts::decode(&bytes[..n], 10).is_err());
        }
    }

    #[test]
    fn remove_object_drops_all_its_call_outs() {
        let mut c = CallOuts::new(10);
        c.add(ObjKey(1), 1, Delay::Secs(1)).unwrap();
        c.add(ObjKey(1), 2, Delay::Secs(2)).unwrap();
        c.add(ObjKey(2), 1, Delay::Secs(3)).unwrap();
        c.remove_object(ObjKey(1));
        assert_eq!(c.len(), 1);
        assert!(c.remaining(ObjKey(2), 1).is_some());
    }
}
