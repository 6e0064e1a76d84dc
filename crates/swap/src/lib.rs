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
