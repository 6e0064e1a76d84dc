//! Dump life cycle on top of `swap`: full dumps, append-only increments, partial dumps
//! with a secondary, lazy restore, and the `info`/`verify`/`repair` tools.
//!
//! Knows nothing of LPC. The caller (the driver) gives:
//! - the [`swap::Swap`] holding its blobs;
//! - its tables through [`TableSource`] (full) and [`TableDelta`] (changes since the
//!   previous dump call);
//! - a small opaque root blob (clock, counters), rewritten each commit.
//!
//! ```text
//! cold boot:  Swap::create(swapfile); Dumper::new(vfs, dump_file, swapfile)
//! dump:       dumper.dump(&mut swap, DumpKind::Full | Increment, delta, &tables, root)
//! restore:    restore(vfs, &RestoreOptions { dump_path, secondary, swap_path, .. })
//!             -> Restored { swap, dumper, tables, root, info }
//! ```
//! See ARCHITECTURE.md (statedump) and docs/format.md section 2.

pub mod chain;
pub mod dump;
pub mod error;
pub mod format;
#[doc(hidden)]
pub mod model;
pub mod restore;
pub mod tables;
pub mod tools;

pub use dump::{old_path_of, DumpKind, DumpReport, DumpTimings, Dumper};
pub use error::{Error, Result};
pub use restore::{
    load, load_parts, restore, Loaded, LoadedParts, RestoreInfo, RestoreOptions, Restored,
};
pub use tables::{Table, TableDelta, TableSource, Tables};
