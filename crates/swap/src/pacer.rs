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
