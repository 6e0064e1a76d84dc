//! The store: location map, bounded cache, current file, backing files, migration.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use xxhash_rust::xxh3::xxh3_64;

use crate::alloc::FreeList;
use crate::container::{check_record, decode_payload, Container, Location, Record};
use crate::error::{Error, Result};
use crate::format::{
    granule_for, sectors_for, FileHeader, FileId, RecordHeader, DEFAULT_GRANULE, FIRST_USER_KIND,
    FLAG_ZSTD, FORMAT_VERSION, KIND_BLOB, MAX_PAYLOAD, MAX_SECTOR_SIZE, MIN_SECTOR_SIZE,
    RECORD_HEADER_LEN,
};
use crate::io::{FileIo, RealFs, Vfs};
use crate::table::{Table, Vacancy};

/// Configuration of a [`Swap`].
#[derive(Debug, Clone)]
pub struct Config {
    /// Sector size in bytes, 512..=65535 (DGD's `sector_size`).
    pub sector_size: u32,
    /// Largest swapfile in sectors (DGD's `swap_size`); 0 = no limit. Records appended
    /// with [`Swap::append_record`] (dump data) do not count against it.
    pub swap_size: u64,
    /// Cache budget: bytes of blob data kept in memory (plus a small per-blob charge).
    pub cache_bytes: usize,
    /// Blobs (and appended records) of at least this many bytes are zstd-compressed when
    /// that saves a sector; `usize::MAX` turns compression off.
    pub compress_min: usize,
    /// zstd level.
    pub compress_level: i32,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            sector_size: 512,
            swap_size: 0,
            cache_bytes: 64 << 20,
            compress_min: DEFAULT_COMPRESS_MIN,
            compress_level: -5,
        }
    }
}

/// Default compression threshold in bytes (see the benchmark notes in ARCHITECTURE.md).
pub const DEFAULT_COMPRESS_MIN: usize = 4096;

/// Identifies a backing file of a [`Swap`] (or the current file, in [`Home`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BackingId(pub u32);

/// Where a key's blob lives on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Home {
    /// Only in memory (written since the last flush, never stored).
    Memory,
    /// In the current swapfile.
    Current(Location),
    /// In a read-only backing file, not yet migrated.
    Backing(BackingId, Location),
}

/// Counters and sizes, for reporting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Keys stored.
    pub keys: usize,
    /// Blobs resident in memory.
    pub resident: usize,
    /// Bytes charged against the cache budget.
    pub resident_bytes: usize,
    /// Resident blobs not yet written to the current file.
    pub dirty: usize,
    /// Sectors the current file spans.
    pub file_sectors: u64,
    /// Free sectors in it.
    pub free_sectors: u64,
    /// The barrier, in sectors.
    pub barrier_sectors: u64,
    /// Keys still only in backing files.
    pub pending_migration: u64,
    /// Blobs read from disk.
    pub loads: u64,
    /// Records written.
    pub records_written: u64,
    /// Write calls issued (each a contiguous run of records).
    pub write_calls: u64,
    /// Blobs evicted from memory.
    pub evictions: u64,
}

const NOWHERE: u32 = u32::MAX;
/// `Entry::file` of a vacant table slot.
const ABSENT: u32 = u32::MAX - 1;
/// Bytes charged per resident blob on top of its length.
const ENTRY_CHARGE: usize = 48;
/// Largest write buffer of one batch.
const BATCH_BYTES: usize = 2 << 20;
/// Most bytes one eviction pass below the budget frees.
const EVICT_CHUNK: usize = 1 << 20;
/// Most record bytes one `migrate_step` moves (keeps a step short whatever is asked).
const STEP_BYTES: u64 = 128 << 10;

/// What the table holds per key: 24 bytes, resident or not.
#[derive(Debug)]
struct Entry {
    offset: u64,
    /// Slot of the file holding the stored copy, or NOWHERE.
    file: u32,
    len: u32,
    /// Index of the resident copy in `Swap::res`, or NO_RES.
    res: u32,
    /// Resident copy not yet written to the current file (implies `res != NO_RES`).
    dirty: bool,
    /// In `dirty_list`.
    listed: bool,
    /// In `changed`.
    changed: bool,
}

/// A resident blob.
#[derive(Debug)]
struct Res {
    key: u64,
    /// Last use (global counter, unique per use).
    tick: u64,
    data: Arc<[u8]>,
}

const NO_RES: u32 = u32::MAX;

impl Vacancy for Entry {
    fn vacant() -> Entry {
        Entry {
            file: ABSENT,
            len: 0,
            offset: 0,
            res: NO_RES,
            dirty: false,
            listed: false,
            changed: false,
        }
    }
    fn is_vacant(&self) -> bool {
        self.file == ABSENT
    }
}

impl Entry {
    fn loc(&self) -> Location {
        Location {
            offset: self.offset,
            len: self.len,
        }
    }
}

#[derive(Debug)]
struct Slot {
    c: Container,
    /// Keys to migrate, as (offset, key), sorted so that `pop` gives the lowest offset.
    pending: Vec<(u64, u64)>,
    /// A large list that was not in file order is sorted on a thread of its own
    /// (registering a backing file at restore stays O(n), and no pacer step pays for
    /// the sort); the first migration step takes the result.
    sorting: Option<std::thread::JoinHandle<Vec<(u64, u64)>>>,
    /// The list was lost with a failed thread: rebuild it from the map.
    lost: bool,
    /// Entries whose home is this file.
    live: u64,
    /// Keys whose records could not be migrated (damaged).
    damaged: Vec<u64>,
}

#[derive(Debug)]
struct Writer {
    io: Arc<dyn FileIo>,
    path: PathBuf,
    id: FileId,
    /// The file's header (its granule is the allocation unit).
    header: FileHeader,
    /// Allocation unit in bytes (the granule): `end`, `barrier` and `free` count these.
    unit: u64,
    /// Next unit at the end of the file.
    end: u64,
    /// Units below this that were in use when it was set are never overwritten.
    barrier: u64,
    free: FreeList,
    poisoned: Option<Arc<str>>,
}

enum Payload {
    Shared(Arc<[u8]>),
    Owned(Vec<u8>),
}

impl Payload {
    fn bytes(&self) -> &[u8] {
        match self {
            Payload::Shared(a) => a,
            Payload::Owned(v) => v,
        }
    }
}

struct Rec {
    key: u64,
    kind: u16,
    flags: u16,
    raw_len: u32,
    stored: Payload,
}

/// The blob store. See the crate documentation.
#[derive(Debug)]
pub struct Swap {
    vfs: Arc<dyn Vfs>,
    cfg: Config,
    map: Table<Entry>,
    slots: Vec<Option<Slot>>,
    cur: u32,
    w: Writer,
    /// Resident blobs; free indices in `res_free`.
    res: Vec<Option<Res>>,
    res_free: Vec<u32>,
    /// Least recently used first: (index in `res`, tick); stale items are skipped.
    lru: VecDeque<(u32, u64)>,
    tick: u64,
    resident_bytes: usize,
    resident: usize,
    dirty: usize,
    dirty_list: Vec<u64>,
    /// Keys whose location in the current file changed since `take_changes` (each
    /// once: `Entry::changed`), and keys removed since then (may repeat).
    changed: Vec<u64>,
    removed: Vec<u64>,
    seq: u64,
    stats: Stats,
    /// Write buffer, kept between batches.
    wbuf: Vec<u8>,
    /// Read-ahead window for sequential misses.
    ra: ReadAhead,
    /// Granule wanted for new files (`rotate`).
    granule: u32,
}

/// Smallest and largest read-ahead window.
const RA_MIN: usize = 64 << 10;
const RA_MAX: usize = 1 << 20;

#[derive(Debug)]
struct ReadAhead {
    /// Slot of the file the window is of (NOWHERE: none).
    file: u32,
    /// Byte offset of `buf`.
    start: u64,
    buf: Vec<u8>,
    /// Where the next sequential miss would start.
    next: u64,
    window: usize,
}

impl Default for ReadAhead {
    fn default() -> Self {
        ReadAhead {
            file: NOWHERE,
            start: 0,
            buf: Vec::new(),
            next: 0,
            window: 0,
        }
    }
}

fn check_config(cfg: &Config) -> Result<()> {
    if !(MIN_SECTOR_SIZE..=MAX_SECTOR_SIZE).contains(&cfg.sector_size) {
        return Err(Error::Config(format!(
            "sector_size {} outside {MIN_SECTOR_SIZE}..={MAX_SECTOR_SIZE}",
            cfg.sector_size
        )));
    }
    if cfg.swap_size == 1 {
        return Err(Error::Config(
            "swap_size of 1 sector leaves no room after the header".into(),
        ));
    }
    Ok(())
}

fn io_err(path: &Path, op: &'static str, offset: u64, source: std::io::Error) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        op,
        offset,
        source,
    }
}

fn initial_seq() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_micros() as u64)
        .unwrap_or(1)
}

impl Swap {
    /// Creates a new, empty swapfile at `path` (replacing any file there).
    pub fn create(path: impl AsRef<Path>, config: Config) -> Result<Swap> {
        Swap::create_in(Arc::new(RealFs), path.as_ref(), config)
    }

    /// [`Swap::create`] through a given file system (e.g. [`crate::io::FaultyFs`]).
    /// New files pack records at [`DEFAULT_GRANULE`] boundaries (format version 2).
    pub fn create_in(vfs: Arc<dyn Vfs>, path: &Path, config: Config) -> Result<Swap> {
        Swap::create_with_granule(vfs, path, config, DEFAULT_GRANULE)
    }

    /// [`Swap::create_in`] with the allocation granule of this and every later new
    /// file: a power of two from 16 that divides the sector size (format version 2),
    /// or the sector size itself, which writes format version 1 (records in whole
    /// sectors). Any other value falls back to the sector size.
    pub fn create_with_granule(
        vfs: Arc<dyn Vfs>,
        path: &Path,
        config: Config,
        granule: u32,
    ) -> Result<Swap> {
        check_config(&config)?;
        let w = new_file(&*vfs, path, config.sector_size, granule)?;
        let header = w.header;
        let slot = Slot {
            c: Container::from_parts(w.io.clone(), header, path.to_path_buf()),
            pending: Vec::new(),
            sorting: None,
            lost: false,
            live: 0,
            damaged: Vec::new(),
        };
        Ok(Swap {
            vfs,
            cfg: config,
            map: Table::default(),
            slots: vec![Some(slot)],
            cur: 0,
            w,
            res: Vec::new(),
            res_free: Vec::new(),
            lru: VecDeque::new(),
            tick: 0,
            resident_bytes: 0,
            resident: 0,
            dirty: 0,
            dirty_list: Vec::new(),
            changed: Vec::new(),
            removed: Vec::new(),
            seq: initial_seq(),
            stats: Stats::default(),
            wbuf: Vec::new(),
            ra: ReadAhead::default(),
            granule,
        })
    }

    /// Opens an existing container file read-write as the current swapfile, holding
    /// `entries` (key → location in that file). Everything in the file is below the
    /// barrier: new writes go after its end. The file's sector size wins over the
    /// config's.
    pub fn open(
        path: impl AsRef<Path>,
        config: Config,
        entries: impl IntoIterator<Item = (u64, Location)>,
    ) -> Result<Swap> {
        Swap::open_in(Arc::new(RealFs), path.as_ref(), config, entries)
    }

    /// [`Swap::open`] through a given file system.
    pub fn open_in(
        vfs: Arc<dyn Vfs>,
        path: &Path,
        mut config: Config,
        entries: impl IntoIterator<Item = (u64, Location)>,
    ) -> Result<Swap> {
        let io = vfs
            .open(path, true)
            .map_err(|e| io_err(path, "open", 0, e))?;
        let c = Container::from_io(io.clone(), path)?;
        config.sector_size = c.sector_size();
        check_config(&config)?;
        let len = io.len().map_err(|e| io_err(path, "stat", 0, e))?;
        let w_granule = c.granule();
        let unit = w_granule as u64;
        let first = (c.sector_size() / c.granule()) as u64;
        let end = sectors_for(len, c.granule()).max(first);
        let w = Writer {
            header: c.header(),
            unit,
            io,
            path: path.to_path_buf(),
            id: c.id(),
            end,
            barrier: end,
            free: FreeList::default(),
            poisoned: None,
        };
        let mut s = Swap {
            vfs,
            cfg: config,
            map: Table::default(),
            slots: vec![Some(Slot {
                c,
                pending: Vec::new(),
                sorting: None,
                lost: false,
                live: 0,
                damaged: Vec::new(),
            })],
            cur: 0,
            w,
            res: Vec::new(),
            res_free: Vec::new(),
            lru: VecDeque::new(),
            tick: 0,
            resident_bytes: 0,
            resident: 0,
            dirty: 0,
            dirty_list: Vec::new(),
            changed: Vec::new(),
            removed: Vec::new(),
            seq: initial_seq(),
            stats: Stats::default(),
            wbuf: Vec::new(),
            ra: ReadAhead::default(),
            granule: w_granule,
        };
        for (key, loc) in entries {
            s.install(key, 0, loc);
        }
        Ok(s)
    }

    /// The configuration in force.
    pub fn config(&self) -> &Config {
        &self.cfg
    }

    /// Changes the cache budget; evicts at once if now over it.
    pub fn set_cache_bytes(&mut self, bytes: usize) {
        self.cfg.cache_bytes = bytes;
        self.enforce_budget();
    }

    /// Path of the current swapfile.
    pub fn current_path(&self) -> &Path {
        &self.w.path
    }

    /// Tells the store that its current file was renamed (statedump turns the swapfile
    /// into the dump file): only the name used in messages and by `current_path`
    /// changes; the open file is the same.
    pub fn current_renamed(&mut self, new_path: impl AsRef<Path>) {
        let p = new_path.as_ref().to_path_buf();
        let cur = self.cur;
        if let Some(s) = self.slot_mut(cur) {
            s.c.set_path(p.clone());
        }
        self.w.path = p;
    }

    /// Tells the store that a backing file now named `old_path` was renamed to
    /// `new_path` (statedump moves the previous dump to `<dump>.old` while blobs may
    /// still migrate out of it): messages and [`Container::path`] name the new path;
    /// the open file is the same. Returns how many backing files were renamed.
    pub fn backing_renamed(
        &mut self,
        old_path: impl AsRef<Path>,
        new_path: impl AsRef<Path>,
    ) -> usize {
        let (old_path, new_path) = (old_path.as_ref(), new_path.as_ref());
        let cur = self.cur;
        let mut n = 0;
        for (i, s) in self.slots.iter_mut().enumerate() {
            if let Some(s) = s {
                if i as u32 != cur && s.c.path() == old_path {
                    s.c.set_path(new_path.to_path_buf());
                    n += 1;
                }
            }
        }
        n
    }

    /// Identity of the current swapfile.
    pub fn current_id(&self) -> FileId {
        self.w.id
    }

    /// The current swapfile, for reading.
    pub fn current(&self) -> Option<&Container> {
        self.slot(self.cur).map(|s| &s.c)
    }

    /// A backing file, if still held.
    pub fn backing(&self, id: BackingId) -> Option<&Container> {
        if id.0 == self.cur {
            return None;
        }
        self.slot(id.0).map(|s| &s.c)
    }

    /// Why the current file refuses writes, if it does.
    pub fn poisoned(&self) -> Option<&str> {
        self.w.poisoned.as_deref()
    }

    /// Number of keys stored.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether no key is stored.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Whether `key` is stored.
    pub fn contains(&self, key: u64) -> bool {
        self.map.contains_key(&key)
    }

    /// Whether `key`'s blob is in memory.
    pub fn is_resident(&self, key: u64) -> bool {
        self.map.get(&key).is_some_and(|e| e.res != NO_RES)
    }

    /// Counters and sizes.
    pub fn stats(&self) -> Stats {
        Stats {
            keys: self.map.len(),
            resident: self.resident,
            resident_bytes: self.resident_bytes,
            dirty: self.dirty,
            file_sectors: self.w.end,
            free_sectors: self.w.free.free_sectors(),
            barrier_sectors: self.w.barrier,
            pending_migration: self.pending_migration(),
            ..self.stats.clone()
        }
    }

    fn slot(&self, i: u32) -> Option<&Slot> {
        self.slots.get(i as usize).and_then(|s| s.as_ref())
    }

    fn slot_mut(&mut self, i: u32) -> Option<&mut Slot> {
        self.slots.get_mut(i as usize).and_then(|s| s.as_mut())
    }

    fn next_tick(&mut self) -> u64 {
        self.tick += 1;
        self.tick
    }

    // ------------------------------------------------------------------ get/put

    /// The blob stored under `key`, loading it from disk if it is not in memory.
    /// A blob loaded from a backing file migrates: it is written to the current file
    /// when evicted or flushed. Eviction failures do not fail `get`; they poison the
    /// file (see [`Swap::poisoned`]) and are reported by the next write operation.
    pub fn get(&mut self, key: u64) -> Result<Option<Arc<[u8]>>> {
        let tick = self.next_tick();
        let (file, loc, ri) = match self.map.get(&key) {
            None => return Ok(None),
            Some(e) => (e.file, e.loc(), e.res),
        };
        if let Some(r) = self.res.get_mut(ri as usize).and_then(|r| r.as_mut()) {
            r.tick = tick;
            let d = r.data.clone();
            self.lru.push_back((ri, tick));
            self.maybe_compact_lru();
            return Ok(Some(d));
        }
        let data: Arc<[u8]> = self.load(key, file, loc)?;
        self.stats.loads += 1;
        let migrating = file != self.cur;
        let ri = self.res_alloc(Res {
            key,
            tick,
            data: data.clone(),
        });
        self.resident += 1;
        self.resident_bytes += data.len() + ENTRY_CHARGE;
        if let Some(e) = self.map.get_mut(&key) {
            e.res = ri;
            if migrating {
                e.dirty = true;
                self.dirty += 1;
                if !e.listed {
                    e.listed = true;
                    self.dirty_list.push(key);
                }
            }
        }
        self.lru.push_back((ri, tick));
        self.enforce_budget();
        Ok(Some(data))
    }

    /// Checks the store's internal bookkeeping (for tests): counts, the resident set,
    /// per-file counts, and that no free extent overlaps a live record.
    #[doc(hidden)]
    pub fn check_invariants(&self) -> std::result::Result<(), String> {
        let mut resident = 0usize;
        let mut bytes = 0usize;
        let mut dirty = 0usize;
        let mut live = vec![0u64; self.slots.len()];
        let ss = self.w.unit;
        for (k, e) in self.map.iter() {
            if e.res != NO_RES {
                let r = self
                    .res
                    .get(e.res as usize)
                    .and_then(|r| r.as_ref())
                    .ok_or(format!("key {k}: resident index {} empty", e.res))?;
                if r.key != k {
                    return Err(format!("key {k}: resident slot holds key {}", r.key));
                }
                resident += 1;
                bytes += r.data.len() + ENTRY_CHARGE;
            }
            if e.dirty {
                dirty += 1;
                if e.res == NO_RES {
                    return Err(format!("key {k}: dirty but not resident"));
                }
            }
            if e.file == NOWHERE {
                if !e.dirty {
                    return Err(format!("key {k}: stored nowhere and not dirty"));
                }
            } else if let Some(l) = live.get_mut(e.file as usize) {
                *l += 1;
                if e.file == self.cur {
                    let start = e.offset / ss;
                    let n = (e.len as u64).div_ceil(ss);
                    if self.w.free.overlaps(start, n) {
                        return Err(format!("key {k}: live record overlaps free space"));
                    }
                    if start + n > self.w.end {
                        return Err(format!("key {k}: record past the end"));
                    }
                }
            } else {
                return Err(format!("key {k}: file slot {} out of range", e.file));
            }
        }
        let slots_resident = self.res.iter().filter(|r| r.is_some()).count();
        if (resident, bytes, dirty) != (self.resident, self.resident_bytes, self.dirty)
            || slots_resident != resident
        {
            return Err(format!(
                "counts: resident {resident}/{}/{slots_resident}, bytes {bytes}/{}, dirty {dirty}/{}",
                self.resident, self.resident_bytes, self.dirty
            ));
        }
        for (i, s) in self.slots.iter().enumerate() {
            let want = live.get(i).copied().unwrap_or(0);
            match s {
                Some(s) if s.live != want => {
                    return Err(format!("file slot {i}: live {} but {want} keys", s.live))
                }
                None if want > 0 => return Err(format!("file slot {i} closed with {want} keys")),
                _ => {}
            }
        }
        Ok(())
    }

    fn res_alloc(&mut self, r: Res) -> u32 {
        match self.res_free.pop() {
            Some(i) => {
                if let Some(slot) = self.res.get_mut(i as usize) {
                    *slot = Some(r);
                }
                i
            }
            None => {
                self.res.push(Some(r));
                (self.res.len() - 1) as u32
            }
        }
    }

    /// Drops a resident copy (accounting included); returns it.
    fn res_drop(&mut self, i: u32) -> Option<Res> {
        let r = self.res.get_mut(i as usize).and_then(|r| r.take())?;
        self.res_free.push(i);
        self.resident -= 1;
        self.resident_bytes -= r.data.len() + ENTRY_CHARGE;
        Some(r)
    }

    fn res_data(&self, i: u32) -> Option<&Arc<[u8]>> {
        self.res
            .get(i as usize)
            .and_then(|r| r.as_ref())
            .map(|r| &r.data)
    }

    /// Reads and checks a blob. Misses that follow each other through a file (a
    /// restore reading objects back in order) are served from a read-ahead window
    /// that doubles up to 1 MiB, so they cost one `pread` per window, not per blob.
    fn load(&mut self, key: u64, file: u32, loc: Location) -> Result<Arc<[u8]>> {
        let Some(slot) = self.slots.get(file as usize).and_then(|s| s.as_ref()) else {
            return Err(Error::BadRecord {
                path: self.w.path.clone(),
                key,
                offset: loc.offset,
                detail: "key has no stored copy (internal: missing file)".into(),
            });
        };
        let c = &slot.c;
        c.check_location(loc, key)?;
        let ra = &mut self.ra;
        let end = loc.offset + loc.len as u64;
        let ss = c.granule() as u64;
        let hit =
            ra.file == file && loc.offset >= ra.start && end <= ra.start + ra.buf.len() as u64;
        if !hit {
            let sequential =
                ra.file == file && loc.offset >= ra.next && loc.offset < ra.next + RA_MIN as u64;
            ra.file = file;
            ra.next = end.div_ceil(ss) * ss;
            if !sequential || loc.len as usize > RA_MAX {
                ra.window = 0;
                ra.buf.clear();
                let (h, stored) = c.read_raw(loc, Some(key))?;
                return Ok(decode_payload(&h, stored, c.path(), loc.offset)?.into());
            }
            ra.window = (ra.window * 2).clamp(RA_MIN, RA_MAX);
            ra.buf.resize(ra.window.max(loc.len as usize), 0);
            let n =
                crate::container::read_full(&**c.io(), &mut ra.buf, loc.offset).map_err(|e| {
                    Error::Io {
                        path: c.path().to_path_buf(),
                        op: "read",
                        offset: loc.offset,
                        source: e,
                    }
                })?;
            ra.buf.truncate(n);
            ra.start = loc.offset;
            if (n as u64) < loc.len as u64 {
                ra.buf.clear();
                let (h, stored) = c.read_raw(loc, Some(key))?;
                return Ok(decode_payload(&h, stored, c.path(), loc.offset)?.into());
            }
        }
        ra.next = end.div_ceil(ss) * ss;
        let a = (loc.offset - ra.start) as usize;
        let bytes = &ra.buf[a..a + loc.len as usize];
        let h = check_record(bytes, c.id().tag(), Some(key), c.path(), loc)?;
        let stored = &bytes[RECORD_HEADER_LEN..];
        if h.flags & FLAG_ZSTD == 0 {
            // One allocation and copy, straight from the window into the cache.
            return Ok(Arc::from(stored));
        }
        Ok(decode_payload(&h, stored.to_vec(), c.path(), loc.offset)?.into())
    }

    /// Stores `data` under `key` (in memory; written to disk on eviction or flush).
    /// Fails only if the blob is too large for a record.
    pub fn put(&mut self, key: u64, data: impl Into<Arc<[u8]>>) -> Result<()> {
        let data: Arc<[u8]> = data.into();
        if data.len() > MAX_PAYLOAD {
            return Err(Error::TooLarge {
                key,
                len: data.len(),
            });
        }
        let tick = self.next_tick();
        let charge = data.len() + ENTRY_CHARGE;
        let old = self.map.get(&key).map(|e| e.res);
        if let Some(old) = old {
            self.res_drop(old);
        }
        let ri = self.res_alloc(Res { key, tick, data });
        self.resident += 1;
        self.resident_bytes += charge;
        match self.map.get_mut(&key) {
            Some(e) => {
                e.res = ri;
                if !e.dirty {
                    e.dirty = true;
                    self.dirty += 1;
                }
                if !e.listed {
                    e.listed = true;
                    self.dirty_list.push(key);
                }
            }
            None => {
                self.map.insert(
                    key,
                    Entry {
                        file: NOWHERE,
                        len: 0,
                        offset: 0,
                        res: ri,
                        dirty: true,
                        listed: true,
                        changed: false,
                    },
                );
                self.dirty += 1;
                self.dirty_list.push(key);
            }
        }
        self.lru.push_back((ri, tick));
        self.maybe_compact_dirty_list();
        self.enforce_budget();
        Ok(())
    }

    /// Removes `key`; returns whether it was stored. Its sectors become free unless
    /// they are below the barrier.
    pub fn remove(&mut self, key: u64) -> Result<bool> {
        let Some(e) = self.map.remove(&key) else {
            return Ok(false);
        };
        self.res_drop(e.res);
        if e.dirty {
            self.dirty -= 1;
        }
        self.release_home(e.file, e.loc());
        self.removed.push(key);
        if self.removed.len() > 2 * self.map.len() + 4096 {
            self.removed.sort_unstable();
            self.removed.dedup();
        }
        Ok(true)
    }

    /// Forgets the stored copy at (file, loc): frees its sectors if in the current file
    /// above the barrier, or drops a backing file's count.
    fn release_home(&mut self, file: u32, loc: Location) {
        if file == NOWHERE {
            return;
        }
        let ss = self.w.unit;
        if file == self.cur {
            let start = loc.offset / ss;
            let n = (loc.len as u64).div_ceil(ss);
            if start >= self.w.barrier {
                self.w.free.free(start, n);
            }
        }
        let cur = self.cur;
        if let Some(s) = self.slot_mut(file) {
            s.live = s.live.saturating_sub(1);
            if file != cur && s.live == 0 {
                self.slots[file as usize] = None;
            }
        }
    }

    /// Records that `key` is stored at (file, loc), replacing its old home.
    fn set_home(&mut self, key: u64, file: u32, loc: Location) {
        let old = match self.map.get_mut(&key) {
            Some(e) => {
                let old = (e.file, e.loc());
                e.file = file;
                e.offset = loc.offset;
                e.len = loc.len;
                old
            }
            None => return,
        };
        if let Some(s) = self.slot_mut(file) {
            s.live += 1;
        }
        self.release_home(old.0, old.1);
        if file == self.cur {
            if let Some(e) = self.map.get_mut(&key) {
                if !e.changed {
                    e.changed = true;
                    self.changed.push(key);
                }
            }
        }
    }

    /// Inserts or replaces `key` as stored at (file, loc), not resident.
    fn install(&mut self, key: u64, file: u32, loc: Location) {
        if let Some(e) = self.map.remove(&key) {
            self.res_drop(e.res);
            if e.dirty {
                self.dirty -= 1;
            }
            self.release_home(e.file, e.loc());
        }
        self.map.insert(
            key,
            Entry {
                file,
                len: loc.len,
                offset: loc.offset,
                res: NO_RES,
                dirty: false,
                listed: false,
                changed: false,
            },
        );
        if let Some(s) = self.slot_mut(file) {
            s.live += 1;
        }
    }

    // ------------------------------------------------------------------ eviction

    fn maybe_compact_lru(&mut self) {
        if self.lru.len() > 2 * self.resident + 4096 {
            let res = &self.res;
            self.lru.retain(|&(i, t)| {
                res.get(i as usize)
                    .and_then(|r| r.as_ref())
                    .is_some_and(|r| r.tick == t)
            });
        }
    }

    fn maybe_compact_dirty_list(&mut self) {
        if self.dirty_list.len() > 4 * self.dirty + 4096 {
            let map = &mut self.map;
            self.dirty_list.retain(|k| match map.get_mut(k) {
                Some(e) if e.dirty => true,
                Some(e) => {
                    e.listed = false;
                    false
                }
                None => false,
            });
        }
    }

    fn enforce_budget(&mut self) {
        self.maybe_compact_lru();
        if self.resident_bytes <= self.cfg.cache_bytes {
            return;
        }
        // Evict a little below the budget (1/8 of it, at most 1 MiB) so write-backs come
        // in batches without making one put or get pause for long.
        let target = self.cfg.cache_bytes - (self.cfg.cache_bytes / 8).min(EVICT_CHUNK);
        let want = self.resident_bytes - target;
        // Errors poison the file; they are reported by the next write operation.
        let _ = self.evict(want, usize::MAX, true);
    }

    /// Evicts least recently used blobs until `bytes` bytes or `count` blobs are out,
    /// writing dirty ones back in batches.
    fn evict(&mut self, bytes: usize, count: usize, bounded: bool) -> Result<()> {
        let mut freed = 0usize;
        let mut n = 0usize;
        let mut batch: Vec<u64> = Vec::new();
        let mut batch_bytes = 0usize;
        let mut result = Ok(());
        let mut skipped: Vec<(u32, u64)> = Vec::new();
        let writable = self.w.poisoned.is_none();
        // When nothing dirty can be written, look at a bounded number of blobs per call
        // (the dirty ones go to the back of the line) so a poisoned store stays fast.
        let mut budget = if writable || !bounded {
            usize::MAX
        } else {
            256
        };
        while freed < bytes && n < count && budget > 0 {
            budget -= 1;
            let Some((ri, tick)) = self.lru.pop_front() else {
                break;
            };
            let Some(r) = self.res.get(ri as usize).and_then(|r| r.as_ref()) else {
                continue;
            };
            if r.tick != tick {
                continue;
            }
            let key = r.key;
            let len = r.data.len() + ENTRY_CHARGE;
            let Some(e) = self.map.get_mut(&key) else {
                continue;
            };
            if e.dirty {
                if !writable {
                    skipped.push((ri, tick));
                    if result.is_ok() {
                        if let Some(err) = self.poisoned_err() {
                            result = Err(err);
                        }
                    }
                    continue;
                }
                batch.push(key);
                batch_bytes += len;
                freed += len;
                n += 1;
                if batch_bytes >= BATCH_BYTES {
                    if let Err(err) = self.write_back(&batch, true) {
                        result = Err(err);
                        self.requeue(&batch, &mut skipped);
                        batch.clear();
                        break;
                    }
                    batch.clear();
                    batch_bytes = 0;
                }
            } else {
                e.res = NO_RES;
                self.res_drop(ri);
                self.stats.evictions += 1;
                freed += len;
                n += 1;
            }
        }
        if !batch.is_empty() {
            if let Err(err) = self.write_back(&batch, true) {
                self.requeue(&batch, &mut skipped);
                result = Err(err);
            }
        }
        // Blobs that could not be written stay resident, at the back of the line.
        for s in skipped {
            self.lru.push_back(s);
        }
        result
    }

    /// Evicts `1/fragment` of the resident blobs (DGD's `swap_fragment`; 0 = nothing),
    /// least recently used first, writing dirty ones back.
    pub fn evict_fraction(&mut self, fragment: u32) -> Result<()> {
        if fragment == 0 || self.resident == 0 {
            return Ok(());
        }
        let n = self.resident.div_ceil(fragment as usize);
        self.evict(usize::MAX, n, false)
    }

    /// Evicts every resident blob, writing dirty ones back (DGD's `swapout()`).
    pub fn swapout(&mut self) -> Result<()> {
        self.evict(usize::MAX, usize::MAX, false)?;
        self.check_writable_if_dirty()
    }

    fn check_writable_if_dirty(&self) -> Result<()> {
        match &self.w.poisoned {
            Some(r) if self.dirty > 0 => Err(Error::Poisoned {
                path: self.w.path.clone(),
                reason: r.clone(),
            }),
            _ => Ok(()),
        }
    }

    // ------------------------------------------------------------------ writing

    fn poisoned_err(&self) -> Option<Error> {
        self.w.poisoned.as_ref().map(|r| Error::Poisoned {
            path: self.w.path.clone(),
            reason: r.clone(),
        })
    }

    fn poison(&mut self, e: &Error) {
        if self.w.poisoned.is_none() {
            self.w.poisoned = Some(e.to_string().into());
        }
    }

    fn encode_blob(&self, key: u64, data: &Arc<[u8]>) -> Rec {
        let raw_len = data.len() as u32;
        if data.len() >= self.cfg.compress_min {
            if let Ok(c) = compress(data, self.cfg.compress_level) {
                let ss = self.w.unit as u32;
                let hl = RECORD_HEADER_LEN as u64;
                if sectors_for(hl + c.len() as u64, ss) < sectors_for(hl + data.len() as u64, ss) {
                    return Rec {
                        key,
                        kind: KIND_BLOB,
                        flags: FLAG_ZSTD,
                        raw_len,
                        stored: Payload::Owned(c),
                    };
                }
            }
        }
        Rec {
            key,
            kind: KIND_BLOB,
            flags: 0,
            raw_len,
            stored: Payload::Shared(data.clone()),
        }
    }

    /// Writes the resident dirty blobs of `keys` into the current file; on success
    /// they are clean (and dropped from memory if `evict`).
    /// The LRU items of resident `keys` (to put them back in line).
    fn requeue(&self, keys: &[u64], out: &mut Vec<(u32, u64)>) {
        for &k in keys {
            if let Some(e) = self.map.get(&k) {
                if let Some(r) = self.res.get(e.res as usize).and_then(|r| r.as_ref()) {
                    out.push((e.res, r.tick));
                }
            }
        }
    }

    fn write_back(&mut self, keys: &[u64], evict: bool) -> Result<()> {
        if let Some(e) = self.poisoned_err() {
            return Err(e);
        }
        let mut recs = Vec::with_capacity(keys.len());
        for &k in keys {
            let d = self.map.get(&k).and_then(|e| self.res_data(e.res)).cloned();
            if let Some(d) = d {
                recs.push(self.encode_blob(k, &d));
            }
        }
        let locs = self.write_records(&recs, false)?;
        let cur = self.cur;
        for (r, loc) in recs.iter().zip(locs) {
            self.set_home(r.key, cur, loc);
            if let Some(e) = self.map.get_mut(&r.key) {
                if e.dirty {
                    e.dirty = false;
                    self.dirty -= 1;
                }
                if evict && e.res != NO_RES {
                    let ri = std::mem::replace(&mut e.res, NO_RES);
                    self.res_drop(ri);
                    self.stats.evictions += 1;
                }
            }
        }
        Ok(())
    }

    /// Places and writes records; returns their locations (in `recs` order). Records go
    /// into free extents (best fit) or at the end; `append_only` forces the end.
    /// Adjacent records are written with one call.
    fn write_records(&mut self, recs: &[Rec], append_only: bool) -> Result<Vec<Location>> {
        let ss = self.w.unit;
        let mut place: Vec<(u64, usize)> = Vec::with_capacity(recs.len());
        let mut grown = 0u64;
        for (i, r) in recs.iter().enumerate() {
            let n = sectors_for(
                RECORD_HEADER_LEN as u64 + r.stored.bytes().len() as u64,
                ss as u32,
            );
            let at = if append_only {
                None
            } else {
                self.w.free.alloc(n)
            };
            let at = match at {
                Some(a) => a,
                None => {
                    let limit = self.cfg.swap_size;
                    // The limit is in sectors; the file counts units.
                    let limit_units = limit.saturating_mul(self.w.header.sector_size as u64) / ss;
                    if !append_only && limit > 0 && self.w.end + n > limit_units {
                        // Undo this batch's allocations.
                        for &(s, j) in &place {
                            let r: &Rec = &recs[j];
                            let m = sectors_for(
                                RECORD_HEADER_LEN as u64 + r.stored.bytes().len() as u64,
                                ss as u32,
                            );
                            if s < self.w.end - grown {
                                self.w.free.free(s, m);
                            }
                        }
                        self.w.end -= grown;
                        return Err(Error::SwapFull {
                            path: self.w.path.clone(),
                            limit,
                        });
                    }
                    let a = self.w.end;
                    self.w.end += n;
                    grown += n;
                    a
                }
            };
            place.push((at, i));
        }
        let mut locs = vec![Location { offset: 0, len: 0 }; recs.len()];
        let mut sorted = place.clone();
        sorted.sort_unstable();
        let tag = self.w.id.tag();
        let mut buf: Vec<u8> = std::mem::take(&mut self.wbuf);
        buf.clear();
        let mut run_start = 0u64;
        let mut run_end = 0u64;
        for &(sector, i) in &sorted {
            let r = &recs[i];
            let payload = r.stored.bytes();
            let len = RECORD_HEADER_LEN + payload.len();
            let n = sectors_for(len as u64, ss as u32);
            if !buf.is_empty() && (sector != run_end || buf.len() >= BATCH_BYTES) {
                self.write_run(&buf, run_start * ss)?;
                buf.clear();
            }
            if buf.is_empty() {
                run_start = sector;
            }
            self.seq += 1;
            let h = RecordHeader {
                kind: r.kind,
                flags: r.flags,
                key: r.key,
                stored_len: payload.len() as u32,
                raw_len: r.raw_len,
                seq: self.seq,
                payload_sum: xxh3_64(payload),
                file_tag: tag,
            };
            let at = buf.len();
            buf.resize(at + (n * ss) as usize, 0);
            h.encode_into(&mut buf[at..]);
            buf[at + RECORD_HEADER_LEN..at + len].copy_from_slice(payload);
            run_end = sector + n;
            locs[i] = Location {
                offset: sector * ss,
                len: len as u32,
            };
        }
        if !buf.is_empty() {
            self.write_run(&buf, run_start * ss)?;
        }
        if buf.capacity() <= 2 * BATCH_BYTES {
            buf.clear();
            self.wbuf = buf;
        }
        self.stats.records_written += recs.len() as u64;
        Ok(locs)
    }

    fn write_run(&mut self, buf: &[u8], offset: u64) -> Result<()> {
        self.stats.write_calls += 1;
        if self.ra.file == self.cur {
            // The read-ahead window may hold sectors this write changes.
            self.ra.file = NOWHERE;
            self.ra.buf.clear();
        }
        if let Err(e) = self.w.io.write_all_at(buf, offset) {
            let err = io_err(&self.w.path, "write", offset, e);
            self.poison(&err);
            return Err(err);
        }
        Ok(())
    }

    /// Writes every dirty resident blob into the current file (blobs stay in memory).
    pub fn flush(&mut self) -> Result<()> {
        if let Some(e) = self.poisoned_err() {
            return Err(e);
        }
        let list = std::mem::take(&mut self.dirty_list);
        let mut batch = Vec::new();
        let mut bytes = 0usize;
        let mut result = Ok(());
        let mut rest = Vec::new();
        for &k in &list {
            let Some(e) = self.map.get_mut(&k) else {
                continue;
            };
            if result.is_err() {
                if e.dirty {
                    rest.push(k);
                } else {
                    e.listed = false;
                }
                continue;
            }
            e.listed = false;
            if !e.dirty {
                continue;
            }
            let ri = e.res;
            bytes += self.res_data(ri).map_or(0, |d| d.len());
            batch.push(k);
            if bytes >= BATCH_BYTES {
                if let Err(err) = self.write_back(&batch, false) {
                    result = Err(err);
                    rest.extend_from_slice(&batch);
                }
                batch.clear();
                bytes = 0;
            }
        }
        if !batch.is_empty() {
            if let Err(err) = self.write_back(&batch, false) {
                result = Err(err);
                rest.extend_from_slice(&batch);
            }
        }
        for &k in &rest {
            if let Some(e) = self.map.get_mut(&k) {
                e.listed = true;
            }
        }
        self.dirty_list = rest;
        result
    }

    /// fsyncs the current file. A failure poisons it.
    pub fn sync(&mut self) -> Result<()> {
        if let Some(e) = self.poisoned_err() {
            return Err(e);
        }
        if let Err(e) = self.w.io.sync_data() {
            let err = io_err(&self.w.path, "fsync", 0, e);
            self.poison(&err);
            return Err(err);
        }
        Ok(())
    }

    /// Appends an opaque record (statedump's tables and commits) at the end of the
    /// current file, never in reused space. `kind` must be at least
    /// [`FIRST_USER_KIND`]. The payload is compressed like blobs.
    pub fn append_record(&mut self, kind: u16, key: u64, payload: &[u8]) -> Result<Location> {
        self.append_record_as(kind, key, payload, true)
    }

    /// [`Swap::append_record`] storing the payload as it is, never compressed: for
    /// records read on every restore, where decoding costs more than the bytes saved.
    pub fn append_record_raw(&mut self, kind: u16, key: u64, payload: &[u8]) -> Result<Location> {
        self.append_record_as(kind, key, payload, false)
    }

    fn append_record_as(
        &mut self,
        kind: u16,
        key: u64,
        payload: &[u8],
        compress: bool,
    ) -> Result<Location> {
        if kind < FIRST_USER_KIND {
            return Err(Error::ReservedKind(kind));
        }
        if payload.len() > MAX_PAYLOAD {
            return Err(Error::TooLarge {
                key,
                len: payload.len(),
            });
        }
        if let Some(e) = self.poisoned_err() {
            return Err(e);
        }
        let data: Arc<[u8]> = payload.into();
        let mut rec = if compress {
            self.encode_blob(key, &data)
        } else {
            Rec {
                key,
                kind,
                flags: 0,
                raw_len: data.len() as u32,
                stored: Payload::Shared(data),
            }
        };
        rec.kind = kind;
        let locs = self.write_records(std::slice::from_ref(&rec), true)?;
        Ok(locs[0])
    }

    /// Reads and checks a record of the current file.
    pub fn read_record(&self, location: Location) -> Result<Record> {
        match self.current() {
            Some(c) => c.read_record(location),
            None => Err(Error::BadRecord {
                path: self.w.path.clone(),
                key: u64::MAX,
                offset: location.offset,
                detail: "no current file".into(),
            }),
        }
    }

    /// Freezes every sector now in use: from now on no record in use at this moment is
    /// overwritten or its space reused (copy-on-write), so the file stays restorable.
    pub fn set_barrier(&mut self) {
        self.w.barrier = self.w.end;
    }

    /// The end of the current file in bytes (everything written so far is below it).
    pub fn end_offset(&self) -> u64 {
        self.w.end * self.w.unit
    }

    /// The location-map delta of the current file since the previous call: for each key
    /// changed, its new location, or `None` if it was removed. Sorted by key.
    pub fn take_changes(&mut self) -> Vec<(u64, Option<Location>)> {
        let cur = self.cur;
        let mut v: Vec<(u64, Option<Location>)> =
            Vec::with_capacity(self.changed.len() + self.removed.len());
        let mut list = std::mem::take(&mut self.changed);
        for &k in &list {
            if let Some(e) = self.map.get_mut(&k) {
                if e.changed {
                    e.changed = false;
                    if e.file == cur {
                        v.push((k, Some(e.loc())));
                    } else {
                        v.push((k, None));
                    }
                }
            }
        }
        // Keep the allocation: the next increment's changes go into it.
        list.clear();
        self.changed = list;
        for k in std::mem::take(&mut self.removed) {
            match self.map.get(&k) {
                // Removed, then stored again: reported above if it got a location.
                Some(e) if e.file != NOWHERE => {}
                _ => v.push((k, None)),
            }
        }
        v.sort_unstable_by_key(|&(k, _)| k);
        v.dedup_by_key(|&mut (k, _)| k);
        v.sort_unstable_by_key(|&(k, _)| k);
        v
    }

    /// Where every key lives, in no particular order.
    pub fn locations(&self) -> impl Iterator<Item = (u64, Home)> + '_ {
        let cur = self.cur;
        self.map.iter().map(move |(k, e)| {
            let home = if e.file == NOWHERE {
                Home::Memory
            } else if e.file == cur {
                Home::Current(e.loc())
            } else {
                Home::Backing(BackingId(e.file), e.loc())
            };
            (k, home)
        })
    }

    // ------------------------------------------------------------------ files

    /// Makes the current file a read-only backing file (returned) and starts a new,
    /// empty swapfile at `new_path`. Dirty blobs stay in memory and go to the new file.
    /// Pending changes are discarded. Backing files with nothing left are closed.
    pub fn rotate(&mut self, new_path: impl AsRef<Path>) -> Result<BackingId> {
        let new_path = new_path.as_ref();
        let w = new_file(&*self.vfs, new_path, self.cfg.sector_size, self.granule)?;
        let old = self.cur;
        let pending: Vec<(u64, u64)> = self
            .map
            .iter()
            .filter(|(_, e)| e.file == old)
            .map(|(k, e)| (e.offset, k))
            .collect();
        // Every pending key will enter the change list when it migrates: make room now,
        // so no pacer step pays for growing it.
        self.changed.reserve(pending.len());
        if let Some(s) = self.slot_mut(old) {
            s.set_pending(pending);
        }
        let header = w.header;
        self.slots.push(Some(Slot {
            c: Container::from_parts(w.io.clone(), header, new_path.to_path_buf()),
            pending: Vec::new(),
            sorting: None,
            lost: false,
            live: 0,
            damaged: Vec::new(),
        }));
        self.cur = (self.slots.len() - 1) as u32;
        self.w = w;
        for &k in &self.changed {
            if let Some(e) = self.map.get_mut(&k) {
                e.changed = false;
            }
        }
        self.changed.clear();
        self.changed.reserve(self.pending_migration() as usize);
        self.removed.clear();
        for i in 0..self.slots.len() {
            if i as u32 != self.cur && self.slots[i].as_ref().is_some_and(|s| s.live == 0) {
                self.slots[i] = None;
            }
        }
        Ok(BackingId(old))
    }

    /// Registers a read-only backing file and the keys it holds (restore). Each key
    /// replaces any existing entry for it. Backing files migrate in the order they were
    /// registered (by `rotate` or here): oldest first.
    pub fn add_backing(
        &mut self,
        file: Container,
        entries: impl IntoIterator<Item = (u64, Location)>,
    ) -> Result<BackingId> {
        let id = self.slots.len() as u32;
        if id >= ABSENT {
            return Err(Error::Config("too many backing files".into()));
        }
        self.slots.push(Some(Slot {
            c: file,
            pending: Vec::new(),
            sorting: None,
            lost: false,
            live: 0,
            damaged: Vec::new(),
        }));
        let entries = entries.into_iter();
        let mut pending = Vec::with_capacity(entries.size_hint().0);
        for (key, loc) in entries {
            self.install(key, id, loc);
            pending.push((loc.offset, key));
        }
        self.changed.reserve(pending.len());
        let empty = match self.slot_mut(id) {
            Some(s) => {
                s.set_pending(pending);
                s.live == 0
            }
            None => true,
        };
        if empty {
            self.slots[id as usize] = None;
        }
        Ok(BackingId(id))
    }

    /// Number of keys whose only stored copy is in a backing file.
    pub fn pending_migration(&self) -> u64 {
        self.slots
            .iter()
            .enumerate()
            .filter(|&(i, _)| i as u32 != self.cur)
            .filter_map(|(_, s)| s.as_ref())
            .map(|s| s.live)
            .sum()
    }

    /// Moves up to `max_blobs` blobs (and at most 128 KiB of records) from the oldest
    /// backing file into the current file (reads coalesced, one write per contiguous
    /// run). Returns how many moved; `max_blobs == 0` does nothing. A damaged record is
    /// reported (naming key and offset) and left where it is; the next step goes on
    /// with the others.
    pub fn migrate_step(&mut self, max_blobs: usize) -> Result<usize> {
        self.migrate_some(max_blobs, STEP_BYTES)
    }

    fn migrate_some(&mut self, max_blobs: usize, max_bytes: u64) -> Result<usize> {
        if max_blobs == 0 {
            return Ok(0);
        }
        if let Some(e) = self.poisoned_err() {
            return Err(e);
        }
        let cur = self.cur;
        let Some(si) = (0..self.slots.len() as u32)
            .find(|&i| i != cur && self.slot(i).is_some_and(Slot::has_pending))
        else {
            return Ok(0);
        };
        let lost = self.slots[si as usize]
            .as_mut()
            .is_some_and(|s| !s.take_sorted());
        if lost {
            // The sorting thread failed: rebuild the list from the map.
            let mut pending: Vec<(u64, u64)> = self
                .map
                .iter()
                .filter(|(_, e)| e.file == si)
                .map(|(k, e)| (e.offset, k))
                .collect();
            pending.sort_unstable_by(|a, b| b.cmp(a));
            if let Some(s) = self.slots[si as usize].as_mut() {
                s.pending = pending;
            }
        }
        // Pick the keys.
        let mut from_disk: Vec<(u64, Location)> = Vec::new();
        let mut from_mem: Vec<u64> = Vec::new();
        let mut examined = 0usize;
        let mut bytes = 0u64;
        while from_disk.len() + from_mem.len() < max_blobs
            && examined < 4 * max_blobs
            && bytes < max_bytes
        {
            examined += 1;
            let Some((off, key)) = self.slots[si as usize]
                .as_mut()
                .and_then(|s| s.pending.pop())
            else {
                break;
            };
            let Some(e) = self.map.get(&key) else {
                continue;
            };
            if e.file != si || e.offset != off {
                continue;
            }
            bytes += e.len as u64;
            if e.res != NO_RES {
                from_mem.push(key);
            } else {
                from_disk.push((key, e.loc()));
            }
        }
        let mut moved = 0usize;
        if !from_mem.is_empty() {
            self.write_back(&from_mem, false)?;
            moved += from_mem.len();
        }
        if from_disk.is_empty() {
            return Ok(moved);
        }
        // Read coalesced spans.
        let Some(c) = self.slot(si).map(|s| s.c.clone()) else {
            return Ok(moved);
        };
        let mut recs: Vec<Rec> = Vec::with_capacity(from_disk.len());
        let mut failure: Option<(usize, Error)> = None;
        let mut i = 0;
        while i < from_disk.len() {
            let start = from_disk[i].1.offset;
            let mut j = i + 1;
            let mut end = start + from_disk[i].1.len as u64;
            while j < from_disk.len() {
                let l = from_disk[j].1;
                if l.offset < end
                    || l.offset - end > 65536
                    || l.offset + l.len as u64 - start > (1 << 20)
                {
                    break;
                }
                end = l.offset + l.len as u64;
                j += 1;
            }
            let mut buf = vec![0u8; (end - start) as usize];
            if let Err(e) = c.io().read_exact_at(&mut buf, start) {
                failure = Some((i, io_err(c.path(), "read", start, e)));
                break;
            }
            for (k, (key, loc)) in from_disk[i..j].iter().enumerate() {
                let a = (loc.offset - start) as usize;
                let b = a + loc.len as usize;
                let Some(bytes) = buf.get(a..b) else {
                    failure = Some((
                        i + k,
                        Error::BadRecord {
                            path: c.path().to_path_buf(),
                            key: *key,
                            offset: loc.offset,
                            detail: "short read".into(),
                        },
                    ));
                    break;
                };
                match check_record(bytes, c.id().tag(), Some(*key), c.path(), *loc) {
                    Ok(h) => recs.push(Rec {
                        key: *key,
                        kind: h.kind,
                        flags: h.flags,
                        raw_len: h.raw_len,
                        stored: Payload::Owned(bytes[RECORD_HEADER_LEN..].to_vec()),
                    }),
                    Err(e) => {
                        failure = Some((i + k, e));
                        break;
                    }
                }
            }
            if failure.is_some() {
                break;
            }
            i = j;
        }
        if let Some((at, _)) = &failure {
            // Put back what was not examined; the failing key is set aside.
            let at = *at;
            let bad_key = from_disk[at].0;
            if let Some(s) = self.slots[si as usize].as_mut() {
                for &(k, l) in from_disk[at + 1..].iter().rev() {
                    s.pending.push((l.offset, k));
                }
                s.damaged.push(bad_key);
            }
        }
        let locs = self.write_records(&recs, false)?;
        for (r, loc) in recs.iter().zip(locs) {
            self.set_home(r.key, cur, loc);
        }
        moved += recs.len();
        if let Some((_, e)) = failure {
            return Err(e);
        }
        Ok(moved)
    }

    /// Whether `migrate_step` still has something to move. Unlike
    /// `pending_migration() > 0` this turns false when all that is left are damaged
    /// records that cannot be migrated (so a pacer loop does not spin on them).
    pub fn migration_work_left(&self) -> bool {
        let cur = self.cur;
        self.slots
            .iter()
            .enumerate()
            .any(|(i, s)| i as u32 != cur && s.as_ref().is_some_and(Slot::has_pending))
    }

    /// Migrates everything left in backing files (a full dump needs this). Fails on a
    /// damaged record, naming it; the rest is still migrated.
    pub fn migrate_all(&mut self) -> Result<()> {
        let mut first_err = None;
        let mut guard = 0u64;
        while self.migration_work_left() {
            guard += 1;
            match self.migrate_some(4096, 4 << 20) {
                Ok(_) => {}
                Err(e @ (Error::Poisoned { .. } | Error::SwapFull { .. })) => return Err(e),
                Err(e @ Error::Io { .. }) if self.w.poisoned.is_some() => return Err(e),
                Err(e) => {
                    if first_err.is_none() {
                        first_err = Some(e);
                    }
                }
            }
            if guard > 1 << 40 {
                break;
            }
        }
        match first_err {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

/// Lists shorter than this are sorted in place rather than on a thread.
const SORT_INLINE_MAX: usize = 1 << 14;

impl Slot {
    /// Installs a migration list, putting it in pop order: at once if cheap, else on a
    /// thread whose result `take_sorted` collects.
    fn set_pending(&mut self, mut pending: Vec<(u64, u64)>) {
        self.sorting = None;
        self.lost = false;
        if pop_order(&mut pending) {
            self.pending = pending;
            return;
        }
        if pending.len() > SORT_INLINE_MAX {
            self.pending = Vec::new();
            let spawned = std::thread::Builder::new()
                .name("swap-sort".into())
                .spawn(move || {
                    pending.sort_unstable_by(|a, b| b.cmp(a));
                    pending
                });
            match spawned {
                Ok(h) => self.sorting = Some(h),
                // No thread (the list went with it): rebuilt from the map on first use.
                Err(_) => self.lost = true,
            }
            return;
        }
        pending.sort_unstable_by(|a, b| b.cmp(a));
        self.pending = pending;
    }

    /// Collects a sorted list from its thread; false if it was lost (rebuild it).
    fn take_sorted(&mut self) -> bool {
        if let Some(h) = self.sorting.take() {
            match h.join() {
                Ok(v) => self.pending = v,
                Err(_) => self.lost = true,
            }
        }
        !std::mem::take(&mut self.lost)
    }

    fn has_pending(&self) -> bool {
        !self.pending.is_empty() || self.sorting.is_some() || self.lost
    }
}

/// Puts a migration list in pop order (descending) if that is cheap: a list already
/// in order, or in exactly the reverse order (keys registered in file order, the usual
/// case for a full dump). Returns false if it still needs a sort.
fn pop_order(pending: &mut [(u64, u64)]) -> bool {
    if pending.windows(2).all(|w| w[0] >= w[1]) {
        return true;
    }
    if pending.windows(2).all(|w| w[0] <= w[1]) {
        pending.reverse();
        return true;
    }
    false
}

thread_local! {
    /// One zstd compression context per thread, with the level it was set to.
    static COMPRESSOR: std::cell::RefCell<Option<(i32, zstd::bulk::Compressor<'static>)>> =
        const { std::cell::RefCell::new(None) };
}

fn compress(data: &[u8], level: i32) -> std::io::Result<Vec<u8>> {
    COMPRESSOR.with(|c| {
        let mut c = c.borrow_mut();
        if c.as_ref().is_none_or(|(l, _)| *l != level) {
            *c = Some((level, zstd::bulk::Compressor::new(level)?));
        }
        match c.as_mut() {
            Some((_, z)) => z.compress(data),
            None => zstd::bulk::compress(data, level),
        }
    })
}

/// Creates a container file: header in sector 0.
fn new_file(vfs: &dyn Vfs, path: &Path, sector_size: u32, granule: u32) -> Result<Writer> {
    let io = vfs.create(path).map_err(|e| io_err(path, "create", 0, e))?;
    let id = FileId::random();
    let granule = granule_for(sector_size, granule);
    let header = FileHeader {
        version: if granule == sector_size {
            1
        } else {
            FORMAT_VERSION
        },
        sector_size,
        id,
        granule,
    };
    let first = (sector_size / granule) as u64;
    let mut sector0 = vec![0u8; sector_size as usize];
    sector0[..crate::format::FILE_HEADER_LEN].copy_from_slice(&header.encode());
    io.write_all_at(&sector0, 0)
        .map_err(|e| io_err(path, "write", 0, e))?;
    Ok(Writer {
        io,
        path: path.to_path_buf(),
        id,
        header,
        unit: granule as u64,
        end: first,
        barrier: first,
        free: FreeList::default(),
        poisoned: None,
    })
}
