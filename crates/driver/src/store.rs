//! The world on disk: the swapfile (`swap`) and the statedumps
//! (`statedump`), from the driver's side.
//!
//! The world puts its objects into the swap as blobs and keeps its own
//! tables (object table, programs) as statedump tables; the driver adds its
//! tables (call_outs, the hot-boot connection table) under ids of its own
//! and a root record (the call_out clock and boot times), and paces the
//! migration out of the last dump between tasks over `dump_interval`.

use statedump::{DumpKind as SdKind, Dumper, RestoreOptions, TableDelta, TableSource, Tables};
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;
use std::time::{Duration, Instant};
use swap::io::RealFs;
use swap::{Pacer, Swap};

/// Table ids at and above this belong to the driver; the world uses lower.
pub const DRIVER_TABLES: u32 = 0xD000_0000;
/// The call_out schedule (one entry, key 0: `callout::CallOuts::encode`).
pub const TABLE_CALLOUTS: u32 = DRIVER_TABLES + 1;
/// The hot-boot connection table (one entry, key 0), only in a hot-boot dump.
pub const TABLE_HOTBOOT: u32 = DRIVER_TABLES + 2;

/// Bytes of blob data the swap keeps in memory.
pub const CACHE_BYTES: usize = 64 << 20;
/// Most blobs one pacer step migrates.
const MAX_PACER_STEP: usize = 256;

/// A shared handle on the swap: the VM's blob store and the dumper use it.
pub type SharedSwap = Rc<RefCell<Swap>>;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error("swap file {path}: {source}")]
    Swap {
        path: PathBuf,
        #[source]
        source: swap::Error,
    },
    #[error("restore from {path}: {source}")]
    Restore {
        path: PathBuf,
        #[source]
        source: statedump::Error,
    },
    #[error("{0}")]
    Dump(#[from] statedump::Error),
}

/// The swap configuration for a driver config.
pub fn swap_config(cfg: &crate::config::Config) -> swap::Config {
    swap::Config {
        sector_size: cfg.sector_size,
        swap_size: u64::from(cfg.swap_size),
        cache_bytes: CACHE_BYTES,
        compress_min: 4096,
        compress_level: -5,
    }
}

/// What a restore gives back besides the swap.
#[derive(Debug)]
pub struct Image {
    pub tables: Tables,
    pub root: Vec<u8>,
    pub info: statedump::RestoreInfo,
}

/// The swapfile and the dump life cycle.
pub struct Store {
    pub swap: SharedSwap,
    dumper: Dumper,
    pacer: Option<Pacer>,
    interval: Duration,
}

impl Store {
    /// Cold boot: a new swapfile; dumps go to `dump_file`.
    pub fn create(cfg: &crate::config::Config) -> Result<Store, StoreError> {
        let path = cfg.swap_path();
        let swap = Swap::create(&path, swap_config(cfg)).map_err(|source| StoreError::Swap {
            path: path.clone(),
            source,
        })?;
        Ok(Store {
            swap: Rc::new(RefCell::new(swap)),
            dumper: Dumper::new(Arc::new(RealFs), cfg.dump_path(), path),
            pacer: None,
            interval: Duration::from_secs(u64::from(cfg.dump_interval.max(1))),
        })
    }

    /// Restore: the dump (and its secondary) become read-only backing files
    /// of a new swapfile; blobs load lazily and migrate over `dump_interval`.
    pub fn restore(
        cfg: &crate::config::Config,
        dump: &Path,
        secondary: Option<&Path>,
    ) -> Result<(Store, Image), StoreError> {
        let opts = RestoreOptions {
            dump_path: dump.to_path_buf(),
            secondary: secondary.map(Path::to_path_buf),
            swap_path: cfg.swap_path(),
            swap_config: swap_config(cfg),
        };
        let r =
            statedump::restore(Arc::new(RealFs), &opts).map_err(|source| StoreError::Restore {
                path: dump.to_path_buf(),
                source,
            })?;
        let pending = r.swap.pending_migration();
        let interval = Duration::from_secs(u64::from(cfg.dump_interval.max(1)));
        let store = Store {
            swap: Rc::new(RefCell::new(r.swap)),
            dumper: r.dumper,
            pacer: (pending > 0)
                .then(|| Pacer::new(Instant::now(), interval, pending, MAX_PACER_STEP)),
            interval,
        };
        Ok((
            store,
            Image {
                tables: r.tables,
                root: r.root,
                info: r.info,
            },
        ))
    }

    /// Writes a dump. `delta` is every table change since the previous
    /// dump; `source` every live entry (read for a full dump only).
    pub fn dump(
        &mut self,
        kind: crate::world::DumpKind,
        delta: TableDelta,
        source: &dyn TableSource,
        root: &[u8],
    ) -> Result<statedump::DumpReport, StoreError> {
        let kind = match kind {
            crate::world::DumpKind::Full => SdKind::Full,
            crate::world::DumpKind::Incremental => SdKind::Increment,
        };
        let r = self
            .dumper
            .dump(&mut self.swap.borrow_mut(), kind, delta, source, root)?;
        // after a full dump the swapfile is rebuilt from it over dump_interval
        let pending = self.swap.borrow().pending_migration();
        self.pacer = (pending > 0)
            .then(|| Pacer::new(Instant::now(), self.interval, pending, MAX_PACER_STEP));
        Ok(r)
    }

    /// One paced migration step between tasks; true while work is left.
    pub fn pace(&mut self) -> bool {
        let Some(p) = &mut self.pacer else {
            return false;
        };
        let mut sw = self.swap.borrow_mut();
        let pending = sw.pending_migration();
        if pending == 0 {
            self.pacer = None;
            return false;
        }
        let quota = p.quota(Instant::now(), pending);
        if quota > 0 {
            if let Err(e) = sw.migrate_step(quota) {
                crate::log::line(&format!("swap migration: {e}"));
                self.pacer = None;
                return false;
            }
        }
        true
    }

    /// Flushes the swap (shutdown).
    pub fn finish(&mut self) {
        if let Err(e) = self.swap.borrow_mut().flush() {
            crate::log::line(&format!("swap: {e}"));
        }
    }
}
