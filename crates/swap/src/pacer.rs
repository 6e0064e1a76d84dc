//! The migration pacer: spreads the migration of a backing file evenly over
//! `dump_interval`, in small steps between tasks.

use std::time::{Duration, Instant};

/// Decides how many blobs the next [`crate::Swap::migrate_step`] should move so that
/// migration finishes within `interval` at an even pace, never more than `max_step`
/// blobs per step (which keeps each step well under 2 ms).
///
/// ```
/// # use std::time::{Duration, Instant};
/// let start = Instant::now();
/// let mut p = swap::Pacer::new(start, Duration::from_secs(100), 1000, 64);
/// assert_eq!(p.quota(start, 1000), 0);
/// // A tenth of the interval later, 100 blobs are due, in steps of at most 64.
/// assert_eq!(p.quota(start + Duration::from_secs(10), 1000), 64);
/// assert_eq!(p.quota(start + Duration::from_secs(10), 936), 36);
/// ```
#[derive(Debug, Clone)]
pub struct Pacer {
    start: Instant,
    interval: Duration,
    total: u64,
    max_step: usize,
}

impl Pacer {
    /// A pacer for `total` pending blobs starting at `start`.
    pub fn new(start: Instant, interval: Duration, total: u64, max_step: usize) -> Pacer {
        Pacer {
            start,
            interval,
            total,
            max_step: max_step.max(1),
        }
    }

    /// Restarts the schedule (after a rotate or a restore) with `total` pending blobs.
    pub fn restart(&mut self, start: Instant, total: u64) {
        self.start = start;
        self.total = total;
    }

    /// Blobs to move now, given `pending` blobs still in backing files.
    pub fn quota(&mut self, now: Instant, pending: u64) -> usize {
        if pending > self.total {
            // More became pending (a rotate nobody told us about): start over.
            self.restart(now, pending);
        }
        let elapsed = now.saturating_duration_since(self.start);
        let due_done = if self.interval.is_zero() || elapsed >= self.interval {
            self.total
        } else {
            let frac = elapsed.as_secs_f64() / self.interval.as_secs_f64();
            ((self.total as f64) * frac).ceil() as u64
        };
        let done = self.total - pending;
        let due = due_done.saturating_sub(done).min(pending);
        (due.min(self.max_step as u64)) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Driving the pacer at a steady tick rate moves everything within the interval,
    /// in even steps never above `max_step`.
    #[test]
    fn spreads_evenly_and_finishes_in_time() {
        let start = Instant::now();
        let interval = Duration::from_secs(3600);
        let total = 100_000u64;
        let mut p = Pacer::new(start, interval, total, 500);
        let mut pending = total;
        let mut steps = Vec::new();
        // One call per second of simulated time, for the whole interval.
        for s in 1..=3600u64 {
            let q = p.quota(start + Duration::from_secs(s), pending);
            assert!(q <= 500);
            pending -= q as u64;
            steps.push(q);
        }
        assert_eq!(pending, 0, "finished within the interval");
        // Even: after the first second every step is 27 or 28 (100000/3600 = 27.8).
        assert!(
            steps[1..].iter().all(|&q| (27..=28).contains(&q)),
            "{steps:?}"
        );
    }

    #[test]
    fn catches_up_after_a_pause_in_bounded_steps() {
        let start = Instant::now();
        let mut p = Pacer::new(start, Duration::from_secs(100), 10_000, 64);
        // Nothing ran for half the interval: 5000 are due, handed out 64 at a time.
        let mut pending = 10_000u64;
        let mut calls = 0;
        loop {
            let q = p.quota(start + Duration::from_secs(50), pending);
            if q == 0 {
                break;
            }
            assert!(q <= 64);
            pending -= q as u64;
            calls += 1;
        }
        assert_eq!(pending, 5_000);
        assert_eq!(calls, 5_000usize.div_ceil(64));
        // Past the interval everything is due.
        let q = p.quota(start + Duration::from_secs(1000), pending);
        assert_eq!(q, 64);
    }

    #[test]
    fn more_pending_restarts_the_schedule() {
        let start = Instant::now();
        let mut p = Pacer::new(start, Duration::from_secs(10), 10, 1000);
        assert_eq!(p.quota(start + Duration::from_secs(10), 10), 10);
        // A rotate added 1000 keys: the schedule starts over from now.
        let now = start + Duration::from_secs(20);
        assert_eq!(p.quota(now, 1000), 0);
        assert_eq!(p.quota(now + Duration::from_secs(1), 1000), 100);
    }
}
