//! File-I/O abstraction: the real file system and a fault-injecting in-memory one.
//!
//! Everything `swap` (and `statedump`) does to a file goes through [`FileIo`], and every
//! file it opens, renames or removes goes through [`Vfs`]. [`RealFs`] is the operating
//! system; [`FaultyFs`] keeps files in memory, models what reached the disk apart from
//! what is only in the page cache, and injects faults (short writes, EIO, ENOSPC, failed
//! fsync, lost unsynced writes on a power cut) so crash tests can check that earlier data
//! always survives.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

/// Positioned I/O on one open file. Offsets are absolute bytes.
pub trait FileIo: Send + Sync + std::fmt::Debug {
    /// Reads up to `buf.len()` bytes at `offset`; returns how many (0 at end of file).
    fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<usize>;
    /// Writes up to `buf.len()` bytes at `offset`; may write fewer (a short write).
    fn write_at(&self, buf: &[u8], offset: u64) -> io::Result<usize>;
    /// Makes every write so far durable (fdatasync).
    fn sync_data(&self) -> io::Result<()>;
    /// Current length in bytes.
    fn len(&self) -> io::Result<u64>;
    /// Truncates or extends the file.
    fn set_len(&self, len: u64) -> io::Result<()>;

    /// Whether the file is empty.
    fn is_empty(&self) -> io::Result<bool> {
        Ok(self.len()? == 0)
    }

    /// Reads exactly `buf.len()` bytes at `offset`, looping over short reads.
    fn read_exact_at(&self, mut buf: &mut [u8], mut offset: u64) -> io::Result<()> {
        let mut rounds = 0u32;
        while !buf.is_empty() {
            match self.read_at(buf, offset) {
                Ok(0) => {
                    return Err(io::Error::new(
                        io::ErrorKind::UnexpectedEof,
                        format!("end of file at byte offset {offset}"),
                    ))
                }
                Ok(n) => {
                    let n = n.min(buf.len());
                    buf = &mut buf[n..];
                    offset += n as u64;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted && rounds < 1000 => {}
                Err(e) => return Err(e),
            }
            rounds = rounds.saturating_add(1);
        }
        Ok(())
    }

    /// Writes all of `buf` at `offset`, looping over short writes.
    fn write_all_at(&self, mut buf: &[u8], mut offset: u64) -> io::Result<()> {
        let mut interrupts = 0u32;
        while !buf.is_empty() {
            match self.write_at(buf, offset) {
                Ok(0) => {
                    return Err(io::Error::new(
                        io::ErrorKind::WriteZero,
                        format!("write returned 0 at byte offset {offset}"),
                    ))
                }
                Ok(n) => {
                    let n = n.min(buf.len());
                    buf = &buf[n..];
                    offset += n as u64;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted && interrupts < 1000 => {
                    interrupts += 1;
                }
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}

/// Opening, creating, renaming and removing files, and syncing directories.
pub trait Vfs: Send + Sync + std::fmt::Debug {
    /// Creates a new file (truncating any old one) for reading and writing.
    fn create(&self, path: &Path) -> io::Result<Arc<dyn FileIo>>;
    /// Opens an existing file, read-only or read-write.
    fn open(&self, path: &Path, writable: bool) -> io::Result<Arc<dyn FileIo>>;
    /// Renames `from` to `to`, replacing `to`.
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Removes a file.
    fn remove(&self, path: &Path) -> io::Result<()>;
    /// Whether a file exists.
    fn exists(&self, path: &Path) -> bool;
    /// Makes the directory entries of `dir` durable (creations, renames, removals).
    fn sync_dir(&self, dir: &Path) -> io::Result<()>;
}

/// A real file, positioned I/O through `pread`/`pwrite`.
#[derive(Debug)]
pub struct RealFile {
    file: File,
}

impl RealFile {
    /// Wraps an open file.
    pub fn new(file: File) -> RealFile {
        RealFile { file }
    }
}

impl FileIo for RealFile {
    fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<usize> {
        self.file.read_at(buf, offset)
    }
    fn write_at(&self, buf: &[u8], offset: u64) -> io::Result<usize> {
        self.file.write_at(buf, offset)
    }
    fn sync_data(&self) -> io::Result<()> {
        self.file.sync_data()
    }
    fn len(&self) -> io::Result<u64> {
        Ok(self.file.metadata()?.len())
    }
    fn set_len(&self, len: u64) -> io::Result<()> {
        self.file.set_len(len)
    }
}

/// The operating system's file system.
#[derive(Debug, Default, Clone, Copy)]
pub struct RealFs;

impl Vfs for RealFs {
    fn create(&self, path: &Path) -> io::Result<Arc<dyn FileIo>> {
        let f = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(path)?;
        Ok(Arc::new(RealFile::new(f)))
    }
    fn open(&self, path: &Path, writable: bool) -> io::Result<Arc<dyn FileIo>> {
        let f = OpenOptions::new().read(true).write(writable).open(path)?;
        Ok(Arc::new(RealFile::new(f)))
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        std::fs::rename(from, to)
    }
    fn remove(&self, path: &Path) -> io::Result<()> {
        std::fs::remove_file(path)
    }
    fn exists(&self, path: &Path) -> bool {
        path.exists()
    }
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        let d = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        File::open(d)?.sync_all()
    }
}

// ---------------------------------------------------------------------------
// Fault injection
// ---------------------------------------------------------------------------

/// Which error an injected write failure returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultKind {
    /// `EIO`.
    Eio,
    /// `ENOSPC`.
    NoSpace,
}

impl FaultKind {
    fn error(self, what: &str) -> io::Error {
        match self {
            FaultKind::Eio => io::Error::from_raw_os_error(5),
            FaultKind::NoSpace => io::Error::from_raw_os_error(28),
        }
        .with_context(what)
    }
}

trait WithContext {
    fn with_context(self, what: &str) -> io::Error;
}
impl WithContext for io::Error {
    fn with_context(self, what: &str) -> io::Error {
        io::Error::new(self.kind(), format!("{self} (injected: {what})"))
    }
}

/// The faults a [`FaultyFs`] injects; shared by all its files and changeable at any time.
#[derive(Debug, Clone, Default)]
pub struct FaultPlan {
    /// Every write transfers at most this many bytes (short writes); 0 = off.
    pub short_write_max: usize,
    /// Number of further writes that succeed; the one after fails with `fail_kind`.
    /// `None` = writes never fail.
    pub writes_before_failure: Option<u64>,
    /// Once a write failed, do all later writes fail too (a dead disk)?
    pub failures_sticky: bool,
    /// The error an injected write failure returns.
    pub fail_kind: Option<FaultKind>,
    /// A failing write first stores this many bytes of its buffer (a torn write).
    pub torn_bytes: usize,
    /// Files may not grow beyond this many bytes: a write past it fails with ENOSPC
    /// after writing what fits.
    pub max_file_len: Option<u64>,
    /// The next `sync_data` fails with EIO (and, as on Linux, the unsynced data never
    /// becomes durable: a later power cut loses it, though reads see it until then).
    pub fail_next_sync: bool,
    /// Reads of any byte in `[start, end)` of any file fail with EIO.
    pub fail_reads: Option<(u64, u64)>,
}

/// One in-memory file: what the page cache holds and what reached the disk.
#[derive(Debug, Default)]
struct FileState {
    /// What reads see.
    current: Vec<u8>,
    /// What survives a power cut.
    durable: Vec<u8>,
    /// Writes since the last sync, in order: (offset, bytes). `set_len` is logged as a
    /// write of no bytes with the new length in `offset` and the flag set.
    unsynced: Vec<Unsynced>,
}

#[derive(Debug, Clone)]
enum Unsynced {
    Write(u64, Vec<u8>),
    SetLen(u64),
}

fn apply(buf: &mut Vec<u8>, op: &Unsynced) {
    match op {
        Unsynced::Write(off, data) => {
            let off = *off as usize;
            let end = off + data.len();
            if buf.len() < end {
                buf.resize(end, 0);
            }
            buf[off..end].copy_from_slice(data);
        }
        Unsynced::SetLen(len) => buf.resize(*len as usize, 0),
    }
}

#[derive(Debug, Default)]
struct FsState {
    plan: FaultPlan,
    /// Live directory: name -> file number.
    names: HashMap<PathBuf, usize>,
    /// Directory entries that survive a power cut.
    durable_names: HashMap<PathBuf, usize>,
    files: Vec<Arc<Mutex<FileState>>>,
    writes: u64,
    failed: bool,
    /// Injected faults so far.
    injected: u64,
}

/// An in-memory file system that injects faults; see [`FaultPlan`].
///
/// Directory changes (create, rename, remove) are durable only after
/// [`Vfs::sync_dir`]; file contents only after [`FileIo::sync_data`].
/// [`FaultyFs::crash`] returns the file system a power cut would leave.
#[derive(Debug, Clone, Default)]
pub struct FaultyFs {
    state: Arc<Mutex<FsState>>,
}

/// How a power cut treats writes that were not yet synced.
#[derive(Debug, Clone, Copy)]
pub enum CrashMode {
    /// Every unsynced write is lost.
    DropUnsynced,
    /// Each unsynced write independently survives or not (pseudo-random from the seed),
    /// as when the page cache is written back in an arbitrary order.
    KeepSome(u64),
    /// Every write survives (a process crash without a power cut).
    KeepAll,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    match m.lock() {
        Ok(g) => g,
        Err(p) => p.into_inner(),
    }
}

impl FaultyFs {
    /// An empty file system with no faults planned.
    pub fn new() -> FaultyFs {
        FaultyFs::default()
    }

    /// Replaces the fault plan.
    pub fn set_plan(&self, plan: FaultPlan) {
        let mut s = lock(&self.state);
        s.plan = plan;
        s.failed = false;
    }

    /// Changes the fault plan in place.
    pub fn update_plan(&self, f: impl FnOnce(&mut FaultPlan)) {
        let mut s = lock(&self.state);
        f(&mut s.plan);
        s.failed = false;
    }

    /// Removes every planned fault.
    pub fn heal(&self) {
        self.set_plan(FaultPlan::default());
    }

    /// Number of faults injected so far.
    pub fn injected(&self) -> u64 {
        lock(&self.state).injected
    }

    /// Number of writes seen so far.
    pub fn writes(&self) -> u64 {
        lock(&self.state).writes
    }

    /// The file system a power cut would leave now (a new, independent file system with
    /// no faults planned).
    pub fn crash(&self, mode: CrashMode) -> FaultyFs {
        let s = lock(&self.state);
        let mut rng = match mode {
            CrashMode::KeepSome(seed) => seed | 1,
            _ => 1,
        };
        let mut next = move || {
            // xorshift64
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng
        };
        let mut out = FsState::default();
        let mut map: HashMap<usize, usize> = HashMap::new();
        let names = match mode {
            CrashMode::KeepAll => &s.names,
            _ => &s.durable_names,
        };
        for (name, &idx) in names {
            let new_idx = *map.entry(idx).or_insert_with(|| {
                let f = s.files.get(idx).map(|f| lock(f));
                let mut img = FileState::default();
                if let Some(f) = f {
                    let mut data = f.durable.clone();
                    for op in &f.unsynced {
                        let keep = match mode {
                            CrashMode::DropUnsynced => false,
                            CrashMode::KeepAll => true,
                            CrashMode::KeepSome(_) => next() & 1 == 1,
                        };
                        if keep {
                            apply(&mut data, op);
                        }
                    }
                    img.current = data.clone();
                    img.durable = data;
                }
                out.files.push(Arc::new(Mutex::new(img)));
                out.files.len() - 1
            });
            out.names.insert(name.clone(), new_idx);
            out.durable_names.insert(name.clone(), new_idx);
        }
        FaultyFs {
            state: Arc::new(Mutex::new(out)),
        }
    }

    /// Flips the bits of one byte of a file (for checksum tests). Affects both the live
    /// and the durable content. Returns false if there is no such file or byte.
    pub fn corrupt(&self, path: &Path, offset: u64, xor: u8) -> bool {
        let s = lock(&self.state);
        let Some(&idx) = s.names.get(path) else {
            return false;
        };
        let Some(f) = s.files.get(idx) else {
            return false;
        };
        let mut f = lock(f);
        let o = offset as usize;
        let mut hit = false;
        if let Some(b) = f.current.get_mut(o) {
            *b ^= xor;
            hit = true;
        }
        if let Some(b) = f.durable.get_mut(o) {
            *b ^= xor;
        }
        hit
    }

    /// The live content of a file, if it exists.
    pub fn contents(&self, path: &Path) -> Option<Vec<u8>> {
        let s = lock(&self.state);
        let idx = *s.names.get(path)?;
        let f = s.files.get(idx)?;
        let data = lock(f).current.clone();
        Some(data)
    }

    fn handle(&self, idx: usize, writable: bool) -> Option<Arc<dyn FileIo>> {
        let s = lock(&self.state);
        let file = s.files.get(idx)?.clone();
        Some(Arc::new(FaultyFile {
            fs: self.state.clone(),
            file,
            writable,
        }))
    }
}

impl Vfs for FaultyFs {
    fn create(&self, path: &Path) -> io::Result<Arc<dyn FileIo>> {
        let idx = {
            let mut s = lock(&self.state);
            s.files.push(Arc::new(Mutex::new(FileState::default())));
            let idx = s.files.len() - 1;
            s.names.insert(path.to_path_buf(), idx);
            idx
        };
        self.handle(idx, true)
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "vanished"))
    }
    fn open(&self, path: &Path, writable: bool) -> io::Result<Arc<dyn FileIo>> {
        let idx = lock(&self.state).names.get(path).copied();
        idx.and_then(|i| self.handle(i, writable)).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::NotFound,
                format!("{}: no such file", path.display()),
            )
        })
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        let mut s = lock(&self.state);
        let idx = s.names.remove(from).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::NotFound,
                format!("{}: no such file", from.display()),
            )
        })?;
        s.names.insert(to.to_path_buf(), idx);
        Ok(())
    }
    fn remove(&self, path: &Path) -> io::Result<()> {
        let mut s = lock(&self.state);
        s.names.remove(path).map(|_| ()).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::NotFound,
                format!("{}: no such file", path.display()),
            )
        })
    }
    fn exists(&self, path: &Path) -> bool {
        lock(&self.state).names.contains_key(path)
    }
    fn sync_dir(&self, _dir: &Path) -> io::Result<()> {
        // All paths live in one directory model: make the whole namespace durable.
        let mut s = lock(&self.state);
        s.durable_names = s.names.clone();
        Ok(())
    }
}

/// A file of a [`FaultyFs`].
#[derive(Debug)]
pub struct FaultyFile {
    fs: Arc<Mutex<FsState>>,
    file: Arc<Mutex<FileState>>,
    writable: bool,
}

impl FileIo for FaultyFile {
    fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<usize> {
        if let Some((a, b)) = lock(&self.fs).plan.fail_reads {
            let end = offset + buf.len() as u64;
            if offset < b && end > a {
                lock(&self.fs).injected += 1;
                return Err(FaultKind::Eio.error("read"));
            }
        }
        let f = lock(&self.file);
        let o = offset as usize;
        if o >= f.current.len() {
            return Ok(0);
        }
        let n = buf.len().min(f.current.len() - o);
        buf[..n].copy_from_slice(&f.current[o..o + n]);
        Ok(n)
    }

    fn write_at(&self, buf: &[u8], offset: u64) -> io::Result<usize> {
        if !self.writable {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "file opened read-only",
            ));
        }
        let mut s = lock(&self.fs);
        s.writes += 1;
        let mut n = buf.len();
        if s.plan.short_write_max > 0 {
            n = n.min(s.plan.short_write_max);
        }
        let mut fail: Option<FaultKind> = None;
        if s.failed && s.plan.failures_sticky {
            fail = Some(s.plan.fail_kind.unwrap_or(FaultKind::Eio));
        } else if let Some(left) = s.plan.writes_before_failure {
            if left == 0 {
                fail = Some(s.plan.fail_kind.unwrap_or(FaultKind::Eio));
                s.failed = true;
                s.plan.writes_before_failure = if s.plan.failures_sticky {
                    Some(0)
                } else {
                    None
                };
            } else {
                s.plan.writes_before_failure = Some(left - 1);
            }
        }
        let mut torn = s.plan.torn_bytes.min(n);
        if fail.is_none() {
            if let Some(max) = s.plan.max_file_len {
                let end = offset + n as u64;
                if end > max {
                    let fits = max.saturating_sub(offset) as usize;
                    if fits == 0 {
                        fail = Some(FaultKind::NoSpace);
                        torn = 0;
                    } else {
                        n = fits.min(n);
                    }
                }
            }
        }
        if let Some(kind) = fail {
            s.injected += 1;
            drop(s);
            if torn > 0 {
                let mut f = lock(&self.file);
                let op = Unsynced::Write(offset, buf[..torn].to_vec());
                apply(&mut f.current, &op);
                f.unsynced.push(op);
            }
            return Err(kind.error("write"));
        }
        drop(s);
        let mut f = lock(&self.file);
        let op = Unsynced::Write(offset, buf[..n].to_vec());
        apply(&mut f.current, &op);
        f.unsynced.push(op);
        Ok(n)
    }

    fn sync_data(&self) -> io::Result<()> {
        let mut s = lock(&self.fs);
        if s.plan.fail_next_sync {
            s.plan.fail_next_sync = false;
            s.injected += 1;
            drop(s);
            // As on Linux: the pages of a failed writeback are marked clean; reads still
            // see them now, but they never reach the disk (lost on a power cut).
            let mut f = lock(&self.file);
            f.unsynced.clear();
            return Err(FaultKind::Eio.error("fsync"));
        }
        drop(s);
        let mut f = lock(&self.file);
        let ops = std::mem::take(&mut f.unsynced);
        for op in &ops {
            apply(&mut f.durable, op);
        }
        Ok(())
    }

    fn len(&self) -> io::Result<u64> {
        Ok(lock(&self.file).current.len() as u64)
    }

    fn set_len(&self, len: u64) -> io::Result<()> {
        if !self.writable {
            return Err(io::Error::new(
                io::ErrorKind::PermissionDenied,
                "file opened read-only",
            ));
        }
        let mut f = lock(&self.file);
        let op = Unsynced::SetLen(len);
        apply(&mut f.current, &op);
        f.unsynced.push(op);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsynced_writes_are_lost_on_power_cut() {
        let fs = FaultyFs::new();
        let p = Path::new("/x");
        let f = fs.create(p).unwrap();
        f.write_all_at(b"hello", 0).unwrap();
        f.sync_data().unwrap();
        fs.sync_dir(Path::new("/")).unwrap();
        f.write_all_at(b"HE", 0).unwrap();
        let after = fs.crash(CrashMode::DropUnsynced);
        assert_eq!(after.contents(p).unwrap(), b"hello");
        let all = fs.crash(CrashMode::KeepAll);
        assert_eq!(all.contents(p).unwrap(), b"HEllo");
    }

    #[test]
    fn short_writes_are_completed_by_write_all_at() {
        let fs = FaultyFs::new();
        fs.update_plan(|p| p.short_write_max = 3);
        let f = fs.create(Path::new("a")).unwrap();
        f.write_all_at(b"0123456789", 2).unwrap();
        let mut b = [0u8; 12];
        f.read_exact_at(&mut b, 0).unwrap();
        assert_eq!(&b, b"\x00\x000123456789");
        assert!(fs.writes() >= 4);
    }

    #[test]
    fn injected_failures_and_enospc() {
        let fs = FaultyFs::new();
        fs.update_plan(|p| {
            p.writes_before_failure = Some(1);
            p.fail_kind = Some(FaultKind::Eio);
        });
        let f = fs.create(Path::new("a")).unwrap();
        f.write_all_at(b"ok", 0).unwrap();
        let e = f.write_all_at(b"no", 2).unwrap_err();
        assert_eq!(e.raw_os_error(), None); // wrapped with context
        assert!(e.to_string().contains("injected"));
        f.write_all_at(b"again", 2).unwrap(); // not sticky
        fs.set_plan(FaultPlan {
            max_file_len: Some(8),
            ..FaultPlan::default()
        });
        let e = f.write_all_at(b"0123456789", 0).unwrap_err();
        assert!(e.to_string().contains("No space"), "{e}");
        assert_eq!(f.len().unwrap(), 8);
    }

    #[test]
    fn unsynced_rename_is_lost() {
        let fs = FaultyFs::new();
        let f = fs.create(Path::new("a")).unwrap();
        f.write_all_at(b"x", 0).unwrap();
        f.sync_data().unwrap();
        fs.sync_dir(Path::new(".")).unwrap();
        fs.rename(Path::new("a"), Path::new("b")).unwrap();
        let c = fs.crash(CrashMode::DropUnsynced);
        assert!(c.exists(Path::new("a")));
        assert!(!c.exists(Path::new("b")));
    }
}
