//! A simulated power cut at every single step: a file system wrapper takes the image a
//! power cut would leave (unsynced writes and directory changes lost) before every
//! write, fsync, create, rename and directory sync of a run of full dumps and
//! increments. Every image must restore to the last completed generation or to the one
//! being dumped, exactly.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use statedump::model::{Model, ModelState};
use statedump::{restore, DumpKind, Dumper, RestoreOptions};
use swap::io::{CrashMode, FaultyFs, FileIo, Vfs};
use swap::{Config, Swap};

const MODEL: Model = Model {
    seed: 21,
    keys: 60,
    per_step: 10,
    blob_len: 700,
};

#[derive(Debug)]
struct Shared {
    fs: FaultyFs,
    /// Last completed generation.
    done: AtomicU64,
    images: Mutex<Vec<(FaultyFs, u64)>>,
    mode: CrashMode,
}

impl Shared {
    fn snap(&self) {
        let img = self.fs.crash(self.mode);
        let done = self.done.load(Ordering::SeqCst);
        if let Ok(mut v) = self.images.lock() {
            v.push((img, done));
        }
    }
}

#[derive(Debug)]
struct CutFs(Arc<Shared>);

#[derive(Debug)]
struct CutFile(Arc<Shared>, Arc<dyn FileIo>);

impl FileIo for CutFile {
    fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<usize> {
        self.1.read_at(buf, offset)
    }
    fn write_at(&self, buf: &[u8], offset: u64) -> io::Result<usize> {
        self.0.snap();
        self.1.write_at(buf, offset)
    }
    fn sync_data(&self) -> io::Result<()> {
        self.0.snap();
        let r = self.1.sync_data();
        self.0.snap();
        r
    }
    fn len(&self) -> io::Result<u64> {
        self.1.len()
    }
    fn set_len(&self, len: u64) -> io::Result<()> {
        self.0.snap();
        self.1.set_len(len)
    }
}

impl Vfs for CutFs {
    fn create(&self, path: &Path) -> io::Result<Arc<dyn FileIo>> {
        self.0.snap();
        let f = self.0.fs.create(path)?;
        Ok(Arc::new(CutFile(self.0.clone(), f)))
    }
    fn open(&self, path: &Path, writable: bool) -> io::Result<Arc<dyn FileIo>> {
        let f = self.0.fs.open(path, writable)?;
        Ok(Arc::new(CutFile(self.0.clone(), f)))
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.0.snap();
        let r = self.0.fs.rename(from, to);
        self.0.snap();
        r
    }
    fn remove(&self, path: &Path) -> io::Result<()> {
        self.0.snap();
        self.0.fs.remove(path)
    }
    fn exists(&self, path: &Path) -> bool {
        self.0.fs.exists(path)
    }
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        self.0.snap();
        let r = self.0.fs.sync_dir(dir);
        self.0.snap();
        r
    }
}

fn p(s: &str) -> PathBuf {
    PathBuf::from(s)
}

fn run(mode: CrashMode) -> usize {
    let shared = Arc::new(Shared {
        fs: FaultyFs::new(),
        done: AtomicU64::new(0),
        images: Mutex::new(Vec::new()),
        mode,
    });
    let vfs: Arc<dyn Vfs> = Arc::new(CutFs(shared.clone()));
    let cfg = Config {
        cache_bytes: 8 << 10,
        ..Config::default()
    };
    let mut swap = Swap::create_in(vfs.clone(), &p("/p/swap"), cfg.clone()).unwrap();
    let mut dumper = Dumper::new(vfs, "/p/dump", "/p/swap");
    let mut state = ModelState::new();
    let mut tables = BTreeMap::new();
    let kinds = [
        DumpKind::Full,
        DumpKind::Increment,
        DumpKind::Increment,
        DumpKind::Full,
        DumpKind::Increment,
        DumpKind::Increment,
        DumpKind::Increment,
        DumpKind::Full,
        DumpKind::Increment,
    ];
    for (i, &kind) in kinds.iter().chain(kinds.iter()).enumerate() {
        let g = i as u64 + 1;
        let delta = MODEL.apply(g, &mut state, &mut swap, &mut tables).unwrap();
        swap.migrate_step(15).unwrap();
        dumper
            .dump(&mut swap, kind, delta, &tables, &Model::root(g))
            .unwrap();
        shared.done.store(g, Ordering::SeqCst);
    }
    let images = std::mem::take(&mut *shared.images.lock().unwrap());
    let n = images.len();
    for (i, (img, done)) in images.into_iter().enumerate() {
        let v: Arc<dyn Vfs> = Arc::new(img);
        let r = restore(
            v,
            &RestoreOptions {
                dump_path: p("/p/dump"),
                secondary: Some(p("/p/dump.old")),
                swap_path: p("/p/check.swap"),
                swap_config: cfg.clone(),
            },
        );
        let mut r = match r {
            Ok(r) => r,
            Err(e) if done == 0 => {
                // Before the first dump completed there may be nothing to restore.
                let _ = e;
                continue;
            }
            Err(e) => panic!("image {i} (done {done}): {e}"),
        };
        let g = r.info.generation;
        assert!(
            g == done || g == done + 1,
            "image {i}: restored {g}, last completed {done}"
        );
        MODEL
            .check(g, &mut r.swap, &r.tables, &r.root)
            .unwrap_or_else(|e| panic!("image {i}: generation {g}: {e}"));
    }
    n
}

#[test]
fn power_cut_at_every_step_drop_unsynced() {
    let n = run(CrashMode::DropUnsynced);
    eprintln!("{n} crash points");
    assert!(n > 200, "only {n} crash points");
}

#[test]
fn power_cut_at_every_step_keep_some() {
    for seed in [3u64, 77] {
        run(CrashMode::KeepSome(seed));
    }
}
