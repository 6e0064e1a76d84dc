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
    /// Whether DGD keeps a call_out of this delay in its long-term queue
    /// (`ST_NCOLONG`) rather than its short-term buffer (`ST_NCOSHORT`):
    /// int delays of 128 seconds or more, float delays of 1 ms or more
    /// (a float delay is never in the per-second buffer).
    pub fn is_long(self) -> bool {
        match self {
            Delay::Secs(s) => s >= SHORT_SECS,
            Delay::Float(f) => f.is_finite() && f >= 0.001,
        }
    }

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

/// DGD's short-term call_out buffer spans this many seconds.
pub const SHORT_SECS: u32 = 128;

/// The schedule.
#[derive(Debug, Default)]
pub struct CallOuts {
    /// (due, sequence) → (object, handle, in the long-term queue).
    queue: BTreeMap<(u64, u64), (ObjKey, u32, bool)>,
    index: HashMap<(ObjKey, u32), (u64, u64)>,
    limit: usize,
    offset_ms: i64,
    seq: u64,
    /// The call_out clock at the cold boot (None: unknown, restored from
    /// a version 1 table): `ST_UPTIME` is the clock's advance since.
    origin_ms: Option<u64>,
}

fn wall_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

const MAGIC: &[u8; 4] = b"DGCO";
const VERSION: u16 = 2;

impl CallOuts {
    /// An empty schedule holding at most `limit` call_outs (`call_outs`).
    pub fn new(limit: u32) -> Self {
        CallOuts {
            limit: limit as usize,
            origin_ms: Some(wall_ms().max(0) as u64),
            ..Default::default()
        }
    }

    /// `ST_UPTIME`: seconds the server has run since its cold boot, the
    /// time it was down not counted (DGD's `elapsed`, kept across dumps as
    /// the call_out clock is). None when unknown (an old dump).
    pub fn uptime_secs(&self) -> Option<i64> {
        let origin = self.origin_ms? / 1000;
        Some((self.clock() / 1000).saturating_sub(origin) as i64)
    }

    /// The call_out clock now, in milliseconds.
    pub fn clock(&self) -> u64 {
        (wall_ms() + self.offset_ms).max(0) as u64
    }

    /// `status()`'s ST_NCOSHORT and ST_NCOLONG, as DGD counts them: a
    /// call_out is long-term by its delay when it was made (see
    /// [`Delay::is_long`]) until it is due.
    pub fn counts(&self) -> (usize, usize) {
        let now = self.clock();
        let long = self
            .queue
            .iter()
            .filter(|(&(due, _), &(_, _, long))| long && due > now)
            .count();
        (self.queue.len() - long, long)
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
        self.add_at(obj, handle, self.clock() + delay.millis(), delay.is_long())
    }

    fn add_at(
        &mut self,
        obj: ObjKey,
        handle: u32,
        due: u64,
        long: bool,
    ) -> Result<(), CallOutError> {
        if let Some(k) = self.index.remove(&(obj, handle)) {
            self.queue.remove(&k);
        } else if self.queue.len() >= self.limit {
            return Err(CallOutError::TooMany);
        }
        self.seq += 1;
        let k = (due, self.seq);
        self.queue.insert(k, (obj, handle, long));
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
        let (obj, handle, _) = self.queue.remove(&k)?;
        self.index.remove(&(obj, handle));
        Some((obj, handle))
    }

    /// Encodes the schedule and the clock for a dump (little-endian, with an
    /// xxh3 checksum; see docs/format.md, "driver tables").
    pub fn encode(&self) -> Vec<u8> {
        let mut b = Vec::with_capacity(35 + self.queue.len() * 21);
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&VERSION.to_le_bytes());
        b.extend_from_slice(&self.clock().to_le_bytes());
        match self.origin_ms {
            Some(o) => {
                b.push(1);
                b.extend_from_slice(&o.to_le_bytes());
            }
            None => {
                b.push(0);
                b.extend_from_slice(&0u64.to_le_bytes());
            }
        }
        b.extend_from_slice(&(self.queue.len() as u32).to_le_bytes());
        for (&(due, _), &(obj, handle, long)) in &self.queue {
            b.extend_from_slice(&obj.0.to_le_bytes());
            b.extend_from_slice(&handle.to_le_bytes());
            b.extend_from_slice(&due.to_le_bytes());
            b.push(u8::from(long));
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
        if ver != 1 && ver != VERSION {
            return Err(CallOutError::Corrupt(format!("unknown version {ver}")));
        }
        let rd8 = |o: usize| -> Result<u64, CallOutError> {
            body.get(o..o + 8)
                .and_then(|s| s.try_into().ok())
                .map(u64::from_le_bytes)
                .ok_or_else(|| bad("truncated"))
        };
        let clock = rd8(6)?;
        // version 2: the clock at the cold boot, and a long-term flag per entry
        let (origin, head, entry) = if ver == 1 {
            (None, 14, 20)
        } else {
            let origin = match body.get(14) {
                Some(0) => None,
                Some(1) => Some(rd8(15)?),
                Some(_) => return Err(bad("bad origin flag")),
                None => return Err(bad("truncated")),
            };
            (origin, 23, 21)
        };
        let n = body
            .get(head..head + 4)
            .and_then(|s| s.try_into().ok())
            .map(u32::from_le_bytes)
            .ok_or_else(|| bad("truncated"))? as usize;
        if body.len() != head + 4 + n * entry {
            return Err(bad("length does not match the entry count"));
        }
        let mut c = CallOuts::new(limit.max(n as u32));
        c.limit = limit as usize;
        c.offset_ms = clock as i64 - wall_ms();
        c.origin_ms = origin;
        for i in 0..n {
            let o = head + 4 + i * entry;
            let obj = ObjKey(rd8(o)?);
            let handle = u32::from_le_bytes(
                body.get(o + 8..o + 12)
                    .and_then(|s| s.try_into().ok())
                    .ok_or_else(|| bad("truncated"))?,
            );
            let due = rd8(o + 12)?;
            let long = if ver == 1 {
                // not recorded: by the time left
                due >= clock.saturating_add(u64::from(SHORT_SECS) * 1000)
            } else {
                match body.get(o + 20) {
                    Some(0) => false,
                    Some(1) => true,
                    _ => return Err(bad("bad long-term flag")),
                }
            };
            c.seq += 1;
            c.queue.insert((due, c.seq), (obj, handle, long));
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
    fn uptime_does_not_count_the_time_the_server_was_down() {
        // DGD: ST_UPTIME = elapsed at the dump + time since the restore
        let mut c = CallOuts::new(10);
        let now = c.clock();
        c.origin_ms = Some(now - 50_000); // booted 50 s ago
        assert_eq!(c.uptime_secs().map(|u| u.abs_diff(50) <= 1), Some(true));
        // the dump was made an hour ago: clock and origin an hour back
        let mut bytes = c.encode();
        let back = |b: &[u8], at: usize| u64::from_le_bytes(b[at..at + 8].try_into().unwrap());
        let clock = back(&bytes, 6) - 3_600_000;
        let origin = back(&bytes, 15) - 3_600_000;
        bytes[6..14].copy_from_slice(&clock.to_le_bytes());
        bytes[15..23].copy_from_slice(&origin.to_le_bytes());
        let n = bytes.len() - 8;
        let sum = xxhash_rust::xxh3::xxh3_64(&bytes[..n]);
        bytes[n..].copy_from_slice(&sum.to_le_bytes());
        let d = CallOuts::decode(&bytes, 10).unwrap();
        assert_eq!(d.uptime_secs().map(|u| u.abs_diff(50) <= 1), Some(true));
    }

    #[test]
    fn short_and_long_term_as_dgd_files_them() {
        let mut c = CallOuts::new(20);
        for (h, d) in [
            Delay::Secs(10),
            Delay::Secs(200),
            Delay::Float(0.5),
            Delay::Float(1.0),
            Delay::Float(0.0),
            Delay::Secs(0),
            Delay::Secs(127),
            Delay::Secs(128),
            Delay::Float(0.0001),
            Delay::Float(130.0),
        ]
        .into_iter()
        .enumerate()
        {
            c.add(ObjKey(1), h as u32, d).unwrap();
        }
        assert_eq!(c.counts(), (5, 5));
        // a long-term call_out stays long-term until it is due
        let d = CallOuts::decode(&c.encode(), 20).unwrap();
        assert_eq!(d.counts(), (5, 5));
    }

    #[test]
    fn version_1_tables_still_load() {
        // as written before the long-term flag and the boot clock
        let mut b = Vec::new();
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&1u16.to_le_bytes());
        let clock = 1_000_000u64;
        b.extend_from_slice(&clock.to_le_bytes());
        b.extend_from_slice(&2u32.to_le_bytes());
        for (obj, h, due) in [(7u64, 1u32, clock + 5_000), (8, 2, clock + 500_000)] {
            b.extend_from_slice(&obj.to_le_bytes());
            b.extend_from_slice(&h.to_le_bytes());
            b.extend_from_slice(&due.to_le_bytes());
        }
        let sum = xxhash_rust::xxh3::xxh3_64(&b);
        b.extend_from_slice(&sum.to_le_bytes());
        let c = CallOuts::decode(&b, 10).unwrap();
        assert_eq!(c.len(), 2);
        assert_eq!(c.counts(), (1, 1));
        assert_eq!(c.uptime_secs(), None);
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
