//! Writing dumps: full dumps and append-only increments, with a durable commit.
//!
//! Files: `dump_file` (the newest dump), `dump_file.old` (the previous one, the
//! secondary of a partial dump) and the swapfile. A full dump turns the swapfile into
//! the dump; the first increment after a full dump (or a restore) does the same with the
//! new swapfile, which then keeps serving as the swapfile above a barrier, so later
//! increments only append to it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use swap::io::Vfs;
use swap::{Home, Location, Swap};

use crate::chain::{loc_of, KIND_COMMIT, KIND_MAP, KIND_TABLES};
use crate::error::{Error, Result};
use crate::format::{flags, Commit, CommitRef, MapRecord, ParentRef, RecordRef, TableRecord};
use crate::tables::{collect_sorted, TableDelta, TableSource};
use xxhash_rust::xxh3::xxh3_64;

/// Full dump or increment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DumpKind {
    /// `dump_state()`: the whole map and tables; the file stands alone.
    Full,
    /// `dump_state(1)`: only what changed since the previous commit.
    Increment,
}

/// Where the time of a dump went, in microseconds.
#[derive(Debug, Clone, Copy, Default)]
pub struct DumpTimings {
    /// Writing dirty blobs (`flush`).
    pub flush_us: u64,
    /// Finishing the migration out of the previous dump (full dumps).
    pub migrate_us: u64,
    /// Building and appending the map and table records.
    pub records_us: u64,
    /// The two fsyncs (data, then commit record).
    pub sync_us: u64,
    /// Renames and the directory fsync.
    pub rename_us: u64,
    /// Starting the new swapfile (full dumps).
    pub rotate_us: u64,
}

fn us(t: std::time::Instant) -> u64 {
    u64::try_from(t.elapsed().as_micros()).unwrap_or(u64::MAX)
}

/// What a dump did.
#[derive(Debug, Clone)]
pub struct DumpReport {
    pub kind: DumpKind,
    /// Set when an increment was asked for but a full dump was written, and why.
    pub upgraded: Option<String>,
    pub generation: u64,
    pub dump_id: u128,
    /// Whether restoring this commit needs the secondary (`dump_file.old`).
    pub partial: bool,
    /// Whether this increment made the file stand alone (migration finished).
    pub consolidated: bool,
    /// Map entries written (all keys for a full dump, changed keys for an increment).
    pub map_entries: usize,
    /// Table entries written.
    pub table_entries: usize,
    /// Bytes the dump file grew by since the previous commit (blobs, records).
    pub bytes_appended: u64,
    /// Blobs still only in the secondary.
    pub pending_migration: u64,
    pub timings: DumpTimings,
}

/// The newest durable dump.
#[derive(Debug, Clone)]
pub(crate) struct CurDump {
    /// Where it is now (normally `dump_file`).
    pub path: PathBuf,
    pub dump_id: u128,
    pub head: CommitRef,
    pub sequence: u32,
    pub generation: u64,
    pub partial: bool,
    /// The dump this file's chain starts from (None if it started with a full commit).
    pub parent: Option<ParentRef>,
    /// The map of this file stands alone (a full map, or migration finished).
    pub map_self: bool,
    /// A full table record is in this file's chain.
    pub tables_full: bool,
    /// End of the file after the commit.
    pub end: u64,
}

/// Writes dumps of a [`Swap`] plus the caller's tables and root.
#[derive(Debug)]
pub struct Dumper {
    vfs: Arc<dyn Vfs>,
    dump_path: PathBuf,
    old_path: PathBuf,
    swap_path: PathBuf,
    pub(crate) cur: Option<CurDump>,
    /// The swap's current file is the dump (increments append to it).
    pub(crate) swap_is_dump: bool,
    pub(crate) generation: u64,
    pending_map: Vec<(u64, Option<Location>)>,
    pending_tables: TableDelta,
    /// Set when a dump failed half-way: the next dump is a full one.
    needs_full: Option<String>,
    /// Set when an fsync failed outside the swap (the early data sync of a full dump):
    /// the next dump starts a new swapfile, as after a poisoned one.
    force_rotate: bool,
}

/// `<path>.old`
pub fn old_path_of(dump: &Path) -> PathBuf {
    let mut s = dump.as_os_str().to_os_string();
    s.push(".old");
    PathBuf::from(s)
}

fn dir_of(p: &Path) -> PathBuf {
    match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A fresh random 128-bit dump id.
pub fn random_id() -> u128 {
    let mut b = [0u8; 16];
    let ok = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut b))
        .is_ok();
    let id = if ok {
        u128::from_le_bytes(b)
    } else {
        u128::from_le_bytes(swap::FileId::random().0)
    };
    id.max(1)
}

fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

impl Dumper {
    /// A dumper for a world that has no dump yet (cold boot). `swap_path` must be the
    /// path the swap's current file was created at.
    pub fn new(
        vfs: Arc<dyn Vfs>,
        dump_path: impl Into<PathBuf>,
        swap_path: impl Into<PathBuf>,
    ) -> Dumper {
        let dump_path = dump_path.into();
        Dumper {
            vfs,
            old_path: old_path_of(&dump_path),
            dump_path,
            swap_path: swap_path.into(),
            cur: None,
            swap_is_dump: false,
            generation: 0,
            pending_map: Vec::new(),
            pending_tables: TableDelta::default(),
            needs_full: None,
            force_rotate: false,
        }
    }

    /// The last committed generation (0 before the first dump).
    pub fn generation(&self) -> u64 {
        self.generation
    }
    /// Id of the newest dump, if any.
    pub fn dump_id(&self) -> Option<u128> {
        self.cur.as_ref().map(|c| c.dump_id)
    }
    /// Whether the newest dump needs the secondary to restore.
    pub fn is_partial(&self) -> bool {
        self.cur.as_ref().is_some_and(|c| c.partial)
    }
    pub fn dump_path(&self) -> &Path {
        &self.dump_path
    }
    pub fn swap_path(&self) -> &Path {
        &self.swap_path
    }

    /// Writes a dump. `delta` holds the table changes since the previous call (of either
    /// kind, failed or not); `source` gives the full tables (read by full dumps, and by
    /// the increment that finishes a migration); `root` is the small opaque root blob.
    /// An increment is written as a full dump when there is no dump to extend yet, when
    /// the newest dump is partial and a new file would have to start (it would depend on
    /// two secondaries), or after a failed dump.
    pub fn dump(
        &mut self,
        swap: &mut Swap,
        kind: DumpKind,
        delta: TableDelta,
        source: &dyn TableSource,
        root: &[u8],
    ) -> Result<DumpReport> {
        self.pending_tables.merge(delta);
        if root.len() > crate::format::MAX_ROOT {
            return Err(Error::State(format!(
                "root blob of {} bytes is over the {} byte limit",
                root.len(),
                crate::format::MAX_ROOT
            )));
        }
        let upgrade = match kind {
            DumpKind::Full => None,
            DumpKind::Increment => match (&self.cur, &self.needs_full) {
                (_, Some(why)) => Some(format!("previous dump failed ({why})")),
                (None, _) => Some("no dump to extend yet".to_string()),
                (Some(c), _) if !self.swap_is_dump && c.partial => Some(
                    "the newest dump is partial; an increment in a new file would depend on two secondaries"
                        .to_string(),
                ),
                _ => None,
            },
        };
        let res = match (kind, &upgrade) {
            (DumpKind::Increment, None) => self.increment(swap, root, source),
            _ => self.full(swap, root, source),
        };
        match res {
            Ok(mut r) => {
                r.upgraded = upgrade;
                Ok(r)
            }
            Err(e) => {
                if self.needs_full.is_none() {
                    self.needs_full = Some(e.to_string());
                }
                Err(e)
            }
        }
    }

    fn file_end(&self, swap: &Swap) -> u64 {
        swap.end_offset()
    }

    fn full(
        &mut self,
        swap: &mut Swap,
        root: &[u8],
        source: &dyn TableSource,
    ) -> Result<DumpReport> {
        if swap.poisoned().is_some() || self.force_rotate {
            // The current file refuses writes since a failed write or fsync: start a
            // new swapfile; the old one becomes a read-only backing file the full dump
            // migrates out of. A dump file stays as it is (read-only from now on).
            swap.rotate(&self.swap_path)?;
            self.swap_is_dump = false;
            self.force_rotate = false;
        }
        let start_end = if self.swap_is_dump {
            self.cur.as_ref().map_or(0, |c| c.end)
        } else {
            0
        };
        let mut tm = DumpTimings::default();
        let t = std::time::Instant::now();
        swap.flush()?;
        tm.flush_us = us(t);
        let t = std::time::Instant::now();
        swap.migrate_all()?;
        tm.migrate_us = us(t);
        // Start syncing the blob data now, on another thread, while the map and tables
        // are built: the fsync before the commit then has little left to do. Its
        // result is checked (an error fails the dump: the kernel reports a failed
        // fsync only once).
        let early_sync = swap.current().map(|c| c.io().clone()).and_then(|io| {
            std::thread::Builder::new()
                .name("statedump-sync".into())
                .spawn(move || io.sync_data())
                .ok()
        });
        let t = std::time::Instant::now();
        let mut map: Vec<(u64, Location)> = Vec::with_capacity(swap.len());
        for (k, home) in swap.locations() {
            match home {
                Home::Current(l) => map.push((k, l)),
                Home::Memory => {
                    return Err(Error::State(format!("key {k} is still only in memory after flush")))
                }
                Home::Backing(_, l) => {
                    return Err(Error::State(format!(
                        "key {k} could not be migrated from its backing file (record at byte offset {})",
                        l.offset
                    )))
                }
            }
        }
        map.sort_unstable_by_key(|e| e.0);
        let live_bytes: u64 = map.iter().map(|e| u64::from(e.1.len)).sum();
        let gen = self.generation + 1;
        let map_bytes =
            MapRecord::encode_sorted(true, map.iter().map(|&(k, l)| (k, Some(loc_of(l)))));
        let map_loc = swap.append_record(KIND_MAP, gen, &map_bytes)?;
        let tabs = collect_sorted(source);
        let tab_bytes = TableRecord::encode_sorted(true, tabs.entries());
        let tab_loc = swap.append_record(KIND_TABLES, gen, &tab_bytes)?;
        tm.records_us = us(t);
        let t = std::time::Instant::now();
        if let Some(h) = early_sync {
            let res = h
                .join()
                .unwrap_or_else(|_| Err(std::io::Error::other("sync thread failed")));
            if let Err(e) = res {
                self.force_rotate = true;
                return Err(Error::Io {
                    op: "fsync",
                    path: swap.current_path().to_path_buf(),
                    source: e,
                });
            }
        }
        swap.sync()?;
        tm.sync_us = us(t);
        let (dump_id, sequence, prev) = match (&self.cur, self.swap_is_dump) {
            (Some(c), true) => (c.dump_id, c.sequence + 1, Some(c.head)),
            _ => (random_id(), 0, None),
        };
        let commit = Commit {
            flags: flags::FULL_MAP | flags::FULL_TABLES,
            dump_id,
            parent: None,
            generation: gen,
            sequence,
            prev,
            map: RecordRef {
                loc: loc_of(map_loc),
                hash: xxh3_64(&map_bytes),
            },
            tables: RecordRef {
                loc: loc_of(tab_loc),
                hash: xxh3_64(&tab_bytes),
            },
            root: root.to_vec(),
            object_count: map.len() as u64,
            live_bytes,
            time: now_secs(),
        };
        let enc = commit.encode();
        let t = std::time::Instant::now();
        let commit_loc = swap.append_record(KIND_COMMIT, gen, &enc)?;
        swap.sync()?;
        tm.sync_us += us(t);
        let end = self.file_end(swap);
        let t = std::time::Instant::now();
        // The commit is durable in the swapfile. Make it the dump file.
        if !self.swap_is_dump {
            let keep_old = self
                .cur
                .as_ref()
                .is_some_and(|c| !c.partial && c.path == self.dump_path);
            if keep_old && self.vfs.exists(&self.dump_path) {
                self.rename(&self.dump_path.clone(), &self.old_path.clone())?;
                swap.backing_renamed(&self.dump_path, &self.old_path);
            }
            self.rename(&self.swap_path.clone(), &self.dump_path.clone())?;
            swap.current_renamed(&self.dump_path);
            self.sync_dir()?;
        }
        tm.rename_us = us(t);
        // Freeze the dump before the swap moves on, so that even a failed rotate
        // cannot overwrite it.
        swap.set_barrier();
        let _ = swap.take_changes();
        self.pending_map.clear();
        self.pending_tables = TableDelta::default();
        self.generation = gen;
        self.needs_full = None;
        self.cur = Some(CurDump {
            path: self.dump_path.clone(),
            dump_id,
            head: CommitRef {
                offset: commit_loc.offset,
                len: u64::from(commit_loc.len),
                hash: xxh3_64(&enc[..enc.len() - crate::format::COMMIT_TRAILER_LEN]),
            },
            sequence,
            generation: gen,
            partial: false,
            parent: None,
            map_self: true,
            tables_full: true,
            end,
        });
        self.swap_is_dump = true;
        let report = DumpReport {
            kind: DumpKind::Full,
            upgraded: None,
            generation: gen,
            dump_id,
            partial: false,
            consolidated: false,
            map_entries: map.len(),
            table_entries: tabs.len(),
            bytes_appended: end.saturating_sub(start_end),
            pending_migration: 0,
            timings: tm,
        };
        // The new swapfile; the dump becomes a read-only backing file.
        let t = std::time::Instant::now();
        swap.rotate(&self.swap_path)?;
        self.swap_is_dump = false;
        let mut report = report;
        report.timings.rotate_us = us(t);
        Ok(report)
    }

    fn increment(
        &mut self,
        swap: &mut Swap,
        root: &[u8],
        source: &dyn TableSource,
    ) -> Result<DumpReport> {
        let Some(cur) = self.cur.clone() else {
            return Err(Error::State("no dump to extend".into()));
        };
        let mut tm = DumpTimings::default();
        let t = std::time::Instant::now();
        swap.flush()?;
        tm.flush_us = us(t);
        let t = std::time::Instant::now();
        let changes = swap.take_changes();
        self.pending_map = merge_changes(std::mem::take(&mut self.pending_map), changes);
        let gen = self.generation + 1;
        let new_file = !self.swap_is_dump;
        // What the file this commit goes into builds on.
        let (dump_id, sequence, prev, parent, mut map_self, tables_full, start_end) = if new_file {
            (
                random_id(),
                0,
                None,
                Some(ParentRef {
                    dump_id: cur.dump_id,
                    generation: cur.generation,
                    commit: cur.head,
                }),
                false,
                false,
                0,
            )
        } else {
            (
                cur.dump_id,
                cur.sequence + 1,
                Some(cur.head),
                cur.parent,
                cur.map_self,
                cur.tables_full,
                cur.end,
            )
        };
        let pending = swap.pending_migration();
        let consolidate = !map_self && pending == 0;
        let mut fl = 0u16;
        if consolidate {
            map_self = true;
            fl |= flags::FULL_TABLES;
        }
        if map_self && parent.is_some() {
            fl |= flags::MAP_SELF;
        }
        let partial = !map_self || !(tables_full || consolidate);
        if partial {
            fl |= flags::PARTIAL;
        }
        let map_bytes = MapRecord::encode_sorted(
            false,
            self.pending_map.iter().map(|&(k, l)| (k, l.map(loc_of))),
        );
        let (tab_bytes, table_entries) = if consolidate {
            let tabs = collect_sorted(source);
            (TableRecord::encode_sorted(true, tabs.entries()), tabs.len())
        } else {
            (
                TableRecord::encode_sorted(
                    false,
                    self.pending_tables
                        .ops
                        .iter()
                        .map(|(&(t, k), op)| (t, k, op.value())),
                ),
                self.pending_tables.len(),
            )
        };
        let map_loc = swap.append_record(KIND_MAP, gen, &map_bytes)?;
        let tab_loc = swap.append_record(KIND_TABLES, gen, &tab_bytes)?;
        tm.records_us = us(t);
        let t = std::time::Instant::now();
        swap.sync()?;
        tm.sync_us = us(t);
        let object_count = swap.len() as u64;
        let commit = Commit {
            flags: fl,
            dump_id,
            parent,
            generation: gen,
            sequence,
            prev,
            map: RecordRef {
                loc: loc_of(map_loc),
                hash: xxh3_64(&map_bytes),
            },
            tables: RecordRef {
                loc: loc_of(tab_loc),
                hash: xxh3_64(&tab_bytes),
            },
            root: root.to_vec(),
            object_count,
            live_bytes: 0,
            time: now_secs(),
        };
        let enc = commit.encode();
        let t = std::time::Instant::now();
        let commit_loc = swap.append_record(KIND_COMMIT, gen, &enc)?;
        swap.sync()?;
        tm.sync_us += us(t);
        let end = self.file_end(swap);
        let t = std::time::Instant::now();
        if new_file {
            // The parent stands alone (checked by the caller): it may replace .old.
            if cur.path == self.dump_path && self.vfs.exists(&self.dump_path) {
                self.rename(&self.dump_path.clone(), &self.old_path.clone())?;
                swap.backing_renamed(&self.dump_path, &self.old_path);
            }
            self.rename(&self.swap_path.clone(), &self.dump_path.clone())?;
            swap.current_renamed(&self.dump_path);
            self.sync_dir()?;
        }
        tm.rename_us = us(t);
        swap.set_barrier();
        let map_entries = self.pending_map.len();
        self.pending_map.clear();
        self.pending_tables = TableDelta::default();
        self.generation = gen;
        self.swap_is_dump = true;
        self.cur = Some(CurDump {
            path: self.dump_path.clone(),
            dump_id,
            head: CommitRef {
                offset: commit_loc.offset,
                len: u64::from(commit_loc.len),
                hash: xxh3_64(&enc[..enc.len() - crate::format::COMMIT_TRAILER_LEN]),
            },
            sequence,
            generation: gen,
            partial,
            parent,
            map_self,
            tables_full: tables_full || consolidate,
            end,
        });
        Ok(DumpReport {
            kind: DumpKind::Increment,
            upgraded: None,
            generation: gen,
            dump_id,
            partial,
            consolidated: consolidate,
            map_entries,
            table_entries,
            bytes_appended: end.saturating_sub(start_end),
            pending_migration: pending,
            timings: tm,
        })
    }

    fn rename(&self, from: &Path, to: &Path) -> Result<()> {
        self.vfs.rename(from, to).map_err(|e| Error::Io {
            op: "rename",
            path: from.to_path_buf(),
            source: e,
        })
    }

    fn sync_dir(&self) -> Result<()> {
        let d = dir_of(&self.dump_path);
        self.vfs.sync_dir(&d).map_err(|e| Error::Io {
            op: "fsync directory",
            path: d,
            source: e,
        })
    }

    /// Used by restore: the dumper continues from a restored dump.
    pub(crate) fn restored(
        vfs: Arc<dyn Vfs>,
        dump_path: PathBuf,
        swap_path: PathBuf,
        cur: CurDump,
    ) -> Dumper {
        let mut d = Dumper::new(vfs, dump_path, swap_path);
        d.generation = cur.generation;
        d.cur = Some(cur);
        d
    }
}

/// Merges sorted swap changes into the pending (sorted) ones; later wins.
fn merge_changes(
    old: Vec<(u64, Option<Location>)>,
    new: Vec<(u64, Option<Location>)>,
) -> Vec<(u64, Option<Location>)> {
    if old.is_empty() {
        return new;
    }
    let mut out = Vec::with_capacity(old.len() + new.len());
    let (mut i, mut j) = (0, 0);
    while i < old.len() || j < new.len() {
        match (old.get(i), new.get(j)) {
            (Some(o), Some(n)) if n.0 <= o.0 => {
                if n.0 == o.0 {
                    i += 1;
                }
                out.push(*n);
                j += 1;
            }
            (Some(o), _) => {
                out.push(*o);
                i += 1;
            }
            (None, Some(n)) => {
                out.push(*n);
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}
