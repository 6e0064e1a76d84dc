//! Dump life cycle on the in-memory file system: full dumps, increments, partial dumps
//! with a secondary, restore after every commit, continue after restore, power cuts.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use statedump::model::{tables_of, Model, ModelState};
use statedump::{restore, DumpKind, Dumper, Error, RestoreOptions, TableDelta};
use swap::io::{CrashMode, FaultKind, FaultPlan, FaultyFs, Vfs};
use swap::{Config, Swap};

const MODEL: Model = Model {
    seed: 7,
    keys: 300,
    per_step: 25,
    blob_len: 200,
};

fn cfg() -> Config {
    Config {
        cache_bytes: 16 << 10,
        ..Config::default()
    }
}

fn p(s: &str) -> PathBuf {
    PathBuf::from(s)
}

struct World {
    swap: Swap,
    dumper: Dumper,
    state: ModelState,
    tables: BTreeMap<(u32, u64), Vec<u8>>,
    gen: u64,
}

impl World {
    fn cold(fs: &FaultyFs) -> World {
        let vfs: Arc<dyn Vfs> = Arc::new(fs.clone());
        let swap = Swap::create_in(vfs.clone(), &p("/w/swap"), cfg()).unwrap();
        World {
            swap,
            dumper: Dumper::new(vfs, "/w/dump", "/w/swap"),
            state: ModelState::new(),
            tables: BTreeMap::new(),
            gen: 0,
        }
    }

    fn restored(fs: &FaultyFs, secondary: Option<&str>) -> statedump::Result<World> {
        let vfs: Arc<dyn Vfs> = Arc::new(fs.clone());
        let r = restore(
            vfs,
            &RestoreOptions {
                dump_path: p("/w/dump"),
                secondary: secondary.map(p),
                swap_path: p("/w/swap"),
                swap_config: cfg(),
            },
        )?;
        let gen = r.dumper.generation();
        let state = MODEL.state(gen);
        Ok(World {
            swap: r.swap,
            dumper: r.dumper,
            tables: tables_of(&state),
            state,
            gen,
        })
    }

    /// Applies the next step and dumps it; returns the dump report.
    fn step(&mut self, kind: DumpKind, migrate: usize) -> statedump::Result<statedump::DumpReport> {
        let g = self.gen + 1;
        let delta = MODEL
            .apply(g, &mut self.state, &mut self.swap, &mut self.tables)
            .unwrap();
        if migrate > 0 {
            self.swap.migrate_step(migrate)?;
        }
        self.swap.evict_fraction(2)?;
        let r = self
            .dumper
            .dump(&mut self.swap, kind, delta, &self.tables, &Model::root(g))?;
        assert_eq!(r.generation, g);
        self.gen = g;
        Ok(r)
    }
}

/// Restores what is on `fs` into a scratch swapfile and checks it against the model.
fn check_restore(fs: &FaultyFs, secondary: Option<&str>) -> statedump::Result<u64> {
    let vfs: Arc<dyn Vfs> = Arc::new(fs.clone());
    let mut r = restore(
        vfs,
        &RestoreOptions {
            dump_path: p("/w/dump"),
            secondary: secondary.map(p),
            swap_path: p("/w/check.swap"),
            swap_config: cfg(),
        },
    )?;
    let g = r.info.generation;
    MODEL
        .check(g, &mut r.swap, &r.tables, &r.root)
        .unwrap_or_else(|e| panic!("generation {g}: {e}"));
    Ok(g)
}

fn kind_of(g: u64) -> DumpKind {
    if g % 9 == 1 {
        DumpKind::Full
    } else {
        DumpKind::Increment
    }
}

#[test]
fn every_commit_restores_exactly() {
    let fs = FaultyFs::new();
    let mut w = World::cold(&fs);
    let mut saw_partial = false;
    let mut saw_consolidated = false;
    for _ in 0..40 {
        let g = w.gen + 1;
        let r = w.step(kind_of(g), 20).unwrap();
        saw_partial |= r.partial;
        saw_consolidated |= r.consolidated;
        if r.partial {
            // Needs its secondary: refused clearly without it.
            let vfs: Arc<dyn Vfs> = Arc::new(fs.clone());
            let e = restore(
                vfs,
                &RestoreOptions {
                    dump_path: p("/w/dump"),
                    secondary: None,
                    swap_path: p("/w/check.swap"),
                    swap_config: cfg(),
                },
            )
            .unwrap_err();
            assert!(matches!(e, Error::NeedSecondary { .. }), "{e}");
        }
        assert_eq!(check_restore(&fs, Some("/w/dump.old")).unwrap(), g);
    }
    assert!(saw_partial && saw_consolidated);
}

#[test]
fn continue_after_restore() {
    let fs = FaultyFs::new();
    let mut w = World::cold(&fs);
    for _ in 0..6 {
        w.step(kind_of(w.gen + 1), 5).unwrap();
    }
    // Restart from the dump many times, dumping a few generations in between.
    for round in 0..8 {
        drop(w);
        w = World::restored(&fs, Some("/w/dump.old")).unwrap();
        for i in 0..3 {
            let kind = if (round + i) % 4 == 0 {
                DumpKind::Full
            } else {
                DumpKind::Increment
            };
            w.step(kind, 7).unwrap();
            assert_eq!(check_restore(&fs, Some("/w/dump.old")).unwrap(), w.gen);
        }
    }
}

#[test]
fn wrong_secondary_refused_by_identity() {
    let fs = FaultyFs::new();
    let mut w = World::cold(&fs);
    w.step(DumpKind::Full, 0).unwrap();
    // A second, unrelated world in other files, same format.
    let vfs: Arc<dyn Vfs> = Arc::new(fs.clone());
    let mut other_swap = Swap::create_in(vfs.clone(), &p("/o/swap"), cfg()).unwrap();
    let mut other = Dumper::new(vfs, "/o/dump", "/o/swap");
    other_swap.put(1, vec![1u8; 10]).unwrap();
    other
        .dump(
            &mut other_swap,
            DumpKind::Full,
            TableDelta::new(),
            &BTreeMap::new(),
            b"x",
        )
        .unwrap();
    // A partial increment of the first world.
    let r = w.step(DumpKind::Increment, 0).unwrap();
    assert!(r.partial);
    let e = check_restore(&fs, Some("/o/dump")).unwrap_err();
    assert!(matches!(e, Error::WrongSecondary { .. }), "{e}");
    assert!(e.to_string().contains("not the secondary"), "{e}");
    assert_eq!(check_restore(&fs, Some("/w/dump.old")).unwrap(), w.gen);
}

/// Runs dumps on a file system whose writes all fail after `n` writes (the process
/// "dies" there), then cuts the power and restores.
fn die_after(n: u64, mode: CrashMode) {
    let fs = FaultyFs::new();
    let mut w = World::cold(&fs);
    let mut done = 0;
    // A few generations before faults start.
    for _ in 0..3 {
        done = w.step(kind_of(w.gen + 1), 10).unwrap().generation;
    }
    fs.set_plan(FaultPlan {
        writes_before_failure: Some(n),
        failures_sticky: true,
        fail_kind: Some(FaultKind::Eio),
        torn_bytes: 100,
        ..FaultPlan::default()
    });
    for _ in 0..6 {
        match w.step(kind_of(w.gen + 1), 10) {
            Ok(r) => done = r.generation,
            Err(_) => break,
        }
    }
    let attempted = w.gen + 1;
    let after = fs.crash(mode);
    let g = check_restore(&after, Some("/w/dump.old"))
        .unwrap_or_else(|e| panic!("after {n} writes: {e}"));
    assert!(
        g == done || g == attempted,
        "after {n} writes: restored {g}, last done {done}"
    );
}

#[test]
fn power_cut_drop_unsynced() {
    for n in 0..120 {
        die_after(n, CrashMode::DropUnsynced);
    }
}

#[test]
fn power_cut_keep_some() {
    for n in (0..120).step_by(3) {
        die_after(n, CrashMode::KeepSome(n * 31 + 1));
    }
}

#[test]
fn restored_paths_exist() {
    let fs = FaultyFs::new();
    let mut w = World::cold(&fs);
    w.step(DumpKind::Full, 0).unwrap();
    w.step(DumpKind::Increment, 0).unwrap();
    assert!(fs.exists(Path::new("/w/dump")));
    assert!(fs.exists(Path::new("/w/dump.old")));
}

#[test]
fn uncommitted_tail_is_ignored_and_reported() {
    // The writer keeps using the dump as its swapfile after a commit; a restore (as by
    // another process) gives the newest complete commit and reports the tail.
    let fs = FaultyFs::new();
    let mut w = World::cold(&fs);
    w.step(DumpKind::Full, 0).unwrap();
    w.step(DumpKind::Increment, 10).unwrap();
    let committed = w.gen;
    for k in 0..50u64 {
        w.swap.put(k, vec![0xee; 300]).unwrap();
    }
    w.swap.flush().unwrap();
    let vfs: Arc<dyn Vfs> = Arc::new(fs.clone());
    let mut r = restore(
        vfs,
        &RestoreOptions {
            dump_path: p("/w/dump"),
            secondary: Some(p("/w/dump.old")),
            swap_path: p("/w/check.swap"),
            swap_config: cfg(),
        },
    )
    .unwrap();
    assert_eq!(r.info.generation, committed);
    assert!(r.info.tail_bytes > 0, "{:?}", r.info);
    MODEL
        .check(committed, &mut r.swap, &r.tables, &r.root)
        .unwrap();
}

#[test]
fn increment_after_partial_restore_becomes_full() {
    let fs = FaultyFs::new();
    let mut w = World::cold(&fs);
    w.step(DumpKind::Full, 0).unwrap();
    assert!(w.step(DumpKind::Increment, 0).unwrap().partial);
    drop(w);
    let mut w = World::restored(&fs, Some("/w/dump.old")).unwrap();
    let r = w.step(DumpKind::Increment, 0).unwrap();
    assert_eq!(r.kind, DumpKind::Full);
    assert!(
        r.upgraded.as_deref().unwrap_or("").contains("partial"),
        "{r:?}"
    );
    assert!(!r.partial);
    // The new full dump stands alone.
    assert_eq!(check_restore(&fs, None).unwrap(), w.gen);
}

#[test]
fn failed_fsync_then_recovery() {
    for fail_at in 0..4u64 {
        let fs = FaultyFs::new();
        let mut w = World::cold(&fs);
        w.step(DumpKind::Full, 0).unwrap();
        w.step(DumpKind::Increment, 5).unwrap();
        w.step(DumpKind::Increment, 5).unwrap();
        let good = w.gen;
        // Let `fail_at` syncs pass in a later dump, then one fails.
        for _ in 0..fail_at {
            w.step(DumpKind::Increment, 5).unwrap();
        }
        let good = good + fail_at;
        fs.update_plan(|p| p.fail_next_sync = true);
        let before = w.gen;
        let e = w.step(DumpKind::Increment, 5);
        assert!(e.is_err(), "a failed fsync must fail the dump");
        // The world holds generation before+1 in memory only; the previous dump is
        // intact.
        assert_eq!(
            check_restore(&fs, Some("/w/dump.old")).unwrap(),
            good.max(before)
        );
        // Retrying the dump (no new changes: the dumper kept the table changes of
        // the failed one) starts a new file and succeeds, as a full dump.
        let g = before + 1;
        let r = w
            .dumper
            .dump(
                &mut w.swap,
                DumpKind::Increment,
                statedump::TableDelta::new(),
                &w.tables,
                &Model::root(g),
            )
            .unwrap();
        assert_eq!(r.kind, DumpKind::Full);
        assert_eq!(r.generation, g);
        assert!(r.upgraded.is_some());
        w.gen = g;
        assert_eq!(check_restore(&fs, Some("/w/dump.old")).unwrap(), g);
        // And increments go on from there.
        w.step(DumpKind::Increment, 5).unwrap();
        w.step(DumpKind::Increment, 5).unwrap();
        assert_eq!(check_restore(&fs, Some("/w/dump.old")).unwrap(), g + 2);
    }
}

#[test]
fn other_sector_sizes() {
    for sector_size in [1024u32, 4096, 65535] {
        let fs = FaultyFs::new();
        let vfs: Arc<dyn Vfs> = Arc::new(fs.clone());
        let c = Config {
            sector_size,
            cache_bytes: 16 << 10,
            ..Config::default()
        };
        let mut swap = Swap::create_in(vfs.clone(), &p("/s/swap"), c.clone()).unwrap();
        let mut dumper = Dumper::new(vfs.clone(), "/s/dump", "/s/swap");
        let mut state = ModelState::new();
        let mut tables = BTreeMap::new();
        for g in 1..=8u64 {
            let delta = MODEL.apply(g, &mut state, &mut swap, &mut tables).unwrap();
            swap.migrate_step(30).unwrap();
            let kind = if g == 1 || g == 5 {
                DumpKind::Full
            } else {
                DumpKind::Increment
            };
            dumper
                .dump(&mut swap, kind, delta, &tables, &Model::root(g))
                .unwrap();
            let mut r = restore(
                vfs.clone(),
                &RestoreOptions {
                    dump_path: p("/s/dump"),
                    secondary: Some(p("/s/dump.old")),
                    swap_path: p("/s/check.swap"),
                    swap_config: c.clone(),
                },
            )
            .unwrap();
            assert_eq!(r.info.generation, g, "sector size {sector_size}");
            MODEL.check(g, &mut r.swap, &r.tables, &r.root).unwrap();
        }
    }
}

#[test]
fn failed_fsync_in_a_full_dump() {
    let fs = FaultyFs::new();
    let mut w = World::cold(&fs);
    w.step(DumpKind::Full, 0).unwrap();
    w.step(DumpKind::Increment, 5).unwrap();
    let good = w.gen;
    fs.update_plan(|p| p.fail_next_sync = true);
    assert!(w.step(DumpKind::Full, 5).is_err());
    assert_eq!(check_restore(&fs, Some("/w/dump.old")).unwrap(), good);
    let g = good + 1;
    let r = w
        .dumper
        .dump(
            &mut w.swap,
            DumpKind::Full,
            statedump::TableDelta::new(),
            &w.tables,
            &Model::root(g),
        )
        .unwrap();
    assert_eq!(r.generation, g);
    w.gen = g;
    assert_eq!(check_restore(&fs, Some("/w/dump.old")).unwrap(), g);
    // What the failed fsync lost must not be what the new dump relies on.
    let after = fs.crash(CrashMode::DropUnsynced);
    assert_eq!(check_restore(&after, Some("/w/dump.old")).unwrap(), g);
    w.step(DumpKind::Increment, 5).unwrap();
    assert_eq!(check_restore(&fs, Some("/w/dump.old")).unwrap(), g + 1);
}

#[test]
fn increment_size_is_o_changes() {
    // 5000 blobs of 300 bytes; once the migration is done, an increment of 10 changed
    // blobs writes those 10 blobs, a 10-entry map delta, a 10-entry table delta and a
    // commit: no whole map, no whole table.
    let fs = FaultyFs::new();
    let vfs: Arc<dyn Vfs> = Arc::new(fs.clone());
    let mut swap = Swap::create_in(vfs.clone(), &p("/o/swap"), cfg()).unwrap();
    let mut dumper = Dumper::new(vfs, "/o/dump", "/o/swap");
    let mut tables = BTreeMap::new();
    for k in 0..5000u64 {
        swap.put(k, vec![k as u8; 300]).unwrap();
        tables.insert((0u32, k), k.to_le_bytes().to_vec());
    }
    dumper
        .dump(&mut swap, DumpKind::Full, TableDelta::new(), &tables, b"r")
        .unwrap();
    swap.migrate_all().unwrap();
    let r = dumper
        .dump(
            &mut swap,
            DumpKind::Increment,
            TableDelta::new(),
            &tables,
            b"r",
        )
        .unwrap();
    assert!(r.consolidated && !r.partial, "{r:?}");
    for round in 0..3u8 {
        let mut delta = TableDelta::new();
        for i in 0..10u64 {
            let k = i * 97 + u64::from(round);
            swap.put(k, vec![round; 300]).unwrap();
            tables.insert((0, k), vec![round]);
            delta.upsert(0, k, vec![round]);
        }
        let r = dumper
            .dump(&mut swap, DumpKind::Increment, delta, &tables, b"r")
            .unwrap();
        assert_eq!(r.map_entries, 10, "{r:?}");
        assert_eq!(r.table_entries, 10, "{r:?}");
        // 10 blobs of one sector each, three small records, nothing more.
        assert!(r.bytes_appended <= 13 * 512, "{r:?}");
    }
}
