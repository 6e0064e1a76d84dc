//! Corruption tests: flip random bytes and truncate at random offsets of dump files,
//! thousands of cases, in memory. Each case must either fail with a clear error, or
//! restore a valid commit (the newest, or an earlier one) whose data equals the model,
//! where a damaged blob may only show up as a read error naming it. No panic, no
//! silently wrong data.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use statedump::model::{Model, ModelState};
use statedump::{restore, DumpKind, Dumper, RestoreOptions};
use swap::io::{FaultyFs, Vfs};
use swap::{Config, Swap};

const MODEL: Model = Model {
    seed: 3,
    keys: 200,
    per_step: 15,
    blob_len: 300,
};

fn cfg() -> Config {
    Config {
        cache_bytes: 8 << 10,
        ..Config::default()
    }
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// Builds a world with `gens` generations; `migrate` blobs migrate per step.
fn build(kinds: &[DumpKind], migrate: usize) -> (FaultyFs, u64, bool) {
    let fs = FaultyFs::new();
    let vfs: Arc<dyn Vfs> = Arc::new(fs.clone());
    let mut swap = Swap::create_in(vfs.clone(), Path::new("/c/swap"), cfg()).unwrap();
    let mut dumper = Dumper::new(vfs, "/c/dump", "/c/swap");
    let mut state = ModelState::new();
    let mut tables = BTreeMap::new();
    let mut partial = false;
    for (i, &kind) in kinds.iter().enumerate() {
        let g = i as u64 + 1;
        let delta = MODEL.apply(g, &mut state, &mut swap, &mut tables).unwrap();
        swap.migrate_step(migrate).unwrap();
        swap.evict_fraction(1).unwrap();
        let r = dumper
            .dump(&mut swap, kind, delta, &tables, &Model::root(g))
            .unwrap();
        partial = r.partial;
    }
    (fs, kinds.len() as u64, partial)
}

#[derive(Default, Debug)]
struct Tally {
    newest: u32,
    older: u32,
    errors: u32,
    detected_blobs: u32,
}

fn try_restore(fs: &FaultyFs, latest: u64, what: &str, t: &mut Tally) {
    let vfs: Arc<dyn Vfs> = Arc::new(fs.clone());
    let r = restore(
        vfs.clone(),
        &RestoreOptions {
            dump_path: PathBuf::from("/c/dump"),
            secondary: Some(PathBuf::from("/c/dump.old")),
            swap_path: PathBuf::from("/c/check.swap"),
            swap_config: cfg(),
        },
    );
    match r {
        Ok(mut r) => {
            let g = r.info.generation;
            assert!(
                g >= 1 && g <= latest,
                "{what}: restored generation {g} of {latest}"
            );
            match MODEL.check_detected(g, &mut r.swap, &r.tables, &r.root) {
                Ok(d) => t.detected_blobs += d as u32,
                Err(e) => panic!("{what}: generation {g}: {e}"),
            }
            if g == latest {
                t.newest += 1;
            } else {
                t.older += 1;
            }
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(
                msg.contains("/c/"),
                "{what}: error does not name the file: {msg}"
            );
            t.errors += 1;
        }
    }
    let _ = vfs.remove(Path::new("/c/check.swap"));
}

fn flips_and_truncations(fs: &FaultyFs, latest: u64, seed: u64, flips: u32, cuts: u32) -> Tally {
    // STATEDUMP_CORRUPT_SEED varies the cases (the default keeps CI deterministic).
    let extra: u64 = std::env::var("STATEDUMP_CORRUPT_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut rng = Rng(seed ^ extra.wrapping_mul(0x9e37_79b9));
    let mut t = Tally::default();
    let files: Vec<PathBuf> = ["/c/dump", "/c/dump.old"]
        .iter()
        .map(PathBuf::from)
        .filter(|p| fs.exists(p))
        .collect();
    for i in 0..flips {
        let f = &files[(rng.next() % files.len() as u64) as usize];
        let len = fs.contents(f).map_or(0, |c| c.len()) as u64;
        // Half the flips near the end, where the newest records are.
        let off = if rng.next() & 1 == 0 {
            len - 1 - rng.next() % len.min(8192)
        } else {
            rng.next() % len
        };
        let x = (rng.next() % 255 + 1) as u8;
        assert!(fs.corrupt(f, off, x));
        try_restore(
            fs,
            latest,
            &format!("flip {i}: {} byte {off} ^ {x:#x}", f.display()),
            &mut t,
        );
        assert!(fs.corrupt(f, off, x));
    }
    for i in 0..cuts {
        let f = &files[(rng.next() % files.len() as u64) as usize];
        let orig = fs.contents(f).unwrap();
        let len = orig.len() as u64;
        let cut = if rng.next() & 1 == 0 {
            len - 1 - rng.next() % len.min(16384)
        } else {
            rng.next() % len
        };
        let io = fs.open(f, true).unwrap();
        io.set_len(cut).unwrap();
        try_restore(
            fs,
            latest,
            &format!("cut {i}: {} at {cut}", f.display()),
            &mut t,
        );
        io.write_all_at(&orig, 0).unwrap();
        assert_eq!(fs.contents(f).unwrap(), orig);
    }
    t
}

#[test]
fn corrupt_partial_pair() {
    use DumpKind::*;
    let kinds = [
        Full, Increment, Increment, Full, Increment, Increment, Increment, Increment,
    ];
    let (fs, latest, partial) = build(&kinds, 4);
    assert!(partial, "the scenario must end with a partial dump");
    let t = flips_and_truncations(&fs, latest, 1, 2500, 700);
    eprintln!("partial pair: {t:?}");
    assert!(
        t.newest > 0 && t.errors > 0 && t.detected_blobs > 0,
        "{t:?}"
    );
}

#[test]
fn corrupt_consolidated_chain() {
    use DumpKind::*;
    let mut kinds = vec![Full];
    kinds.extend(std::iter::repeat_n(Increment, 14));
    let (fs, latest, partial) = build(&kinds, 60);
    assert!(!partial, "the scenario must end with a complete dump");
    let t = flips_and_truncations(&fs, latest, 2, 2500, 700);
    eprintln!("consolidated chain: {t:?}");
    assert!(t.newest > 0 && t.older > 0 && t.detected_blobs > 0, "{t:?}");
}
