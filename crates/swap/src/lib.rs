//! Sector store and bounded blob cache. Knows nothing of LPC.
//!
//! A [`Swap`] stores byte blobs by `u64` key in a *container file* of sectors (the
//! swapfile) behind a cache bounded in bytes. Blobs load lazily, are evicted in LRU
//! order (dirty ones written back in batches), and can live in read-only *backing files*
//! (earlier dumps) from which they migrate into the current file on first access or by
//! the pacer ([`Swap::migrate_step`], [`Pacer`]). The same container format carries
//! statedump's opaque records ([`Swap::append_record`]); see docs/format.md section 1.
//!
//! Usage (driver): `Swap::create(path, Config)`, then `get`/`put`/`remove` during tasks,
//! `evict_fraction(swap_fragment)` and a `migrate_step(pacer.quota(..))` between tasks.
//! Usage (statedump): `flush`, `append_record`, `sync`, `set_barrier`, `take_changes`,
//! `locations`, `rotate`, `add_backing`, `migrate_all`; [`io`] for fault-injection tests.
//!
//! ```
//! use std::time::{Duration, Instant};
//! use swap::{Config, Pacer, Swap};
//!
//! # fn main() -> swap::Result<()> {
//! let dir = tempfile::tempdir().expect("tempdir");
//! let config = Config { cache_bytes: 64 << 20, ..Config::default() };
//! let mut swap = Swap::create(dir.path().join("swap"), config)?;
//! // During a task: blobs by key (object index), loaded lazily.
//! swap.put(7, b"encoded dataspace".to_vec())?;
//! assert_eq!(swap.get(7)?.as_deref(), Some(&b"encoded dataspace"[..]));
//! // Between tasks: swap_fragment, then one paced migration step.
//! swap.evict_fraction(32)?;
//! let mut pacer = Pacer::new(Instant::now(), Duration::from_secs(3600),
//!                            swap.pending_migration(), 128);
//! let quota = pacer.quota(Instant::now(), swap.pending_migration());
//! swap.migrate_step(quota)?;
//! // A dump (what statedump does): flush, append its records, fsync, freeze.
//! swap.flush()?;
//! let changes = swap.take_changes();
//! assert_eq!(changes.len(), 1);
//! let at = swap.append_record(swap::FIRST_USER_KIND, 1, b"tables + commit")?;
//! swap.sync()?;
//! swap.set_barrier();
//! assert_eq!(swap.read_record(at)?.payload, b"tables + commit");
//! # Ok(())
//! # }
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod alloc;
mod container;
mod error;
pub mod format;
pub mod io;
mod pacer;
mod store;
mod table;

pub use container::{Container, Location, Record, Walk, WalkItem};
pub use error::{Error, Result};
pub use format::{FileId, FIRST_USER_KIND, KIND_BLOB};
pub use pacer::Pacer;
pub use store::{BackingId, Config, Home, Stats, Swap};
