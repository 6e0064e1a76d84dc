//! Fault injection: short writes, EIO, ENOSPC, torn writes, failed fsync, power cuts.
//! Whatever fails, data stored earlier survives and the process goes on.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use proptest::prelude::*;
use swap::io::{CrashMode, FaultKind, FaultPlan, FaultyFs, Vfs};
use swap::{Config, Container, Error, Home, Location, Swap};

fn blob(key: u64, gen: u8, len: usize) -> Vec<u8> {
    (0..len)
        .map(|i| (key as u8).wrapping_mul(13) ^ gen ^ (i as u8).wrapping_mul(29))
        .collect()
}

fn cfg(cache: usize) -> Config {
    Config {
        cache_bytes: cache,
        ..Config::default()
    }
}

fn current_map(s: &Swap) -> Vec<(u64, Location)> {
    s.locations()
        .filter_map(|(k, h)| match h {
            Home::Current(l) => Some((k, l)),
            _ => None,
        })
        .collect()
}

#[test]
fn short_writes_are_harmless() {
    let fs = Arc::new(FaultyFs::new());
    fs.update_plan(|p| p.short_write_max = 100);
    let mut s = Swap::create_in(fs.clone(), Path::new("a"), cfg(2000)).unwrap();
    for k in 0..50u64 {
        s.put(k, blob(k, 0, 700)).unwrap();
    }
    s.flush().unwrap();
    s.sync().unwrap();
    s.swapout().unwrap();
    for k in 0..50u64 {
        assert_eq!(&*s.get(k).unwrap().unwrap(), &blob(k, 0, 700)[..]);
    }
    assert_eq!(s.poisoned(), None);
}

fn failing_write_poisons(kind: FaultKind, torn: usize) {
    let fs = Arc::new(FaultyFs::new());
    let mut s = Swap::create_in(fs.clone(), Path::new("a"), cfg(1 << 20)).unwrap();
    for k in 0..40u64 {
        s.put(k, blob(k, 0, 900)).unwrap();
    }
    s.flush().unwrap();
    s.sync().unwrap();
    s.set_barrier();
    let frozen = current_map(&s);
    // Rewrite half, then make the write fail.
    for k in 0..20u64 {
        s.put(k, blob(k, 1, 900)).unwrap();
    }
    s.put(100, blob(100, 1, 5000)).unwrap();
    fs.set_plan(FaultPlan {
        writes_before_failure: Some(0),
        fail_kind: Some(kind),
        torn_bytes: torn,
        ..FaultPlan::default()
    });
    let e = s.flush().unwrap_err();
    assert!(matches!(e, Error::Io { op: "write", .. }), "{e}");
    let reason = s.poisoned().unwrap().to_string();
    assert!(reason.contains("write"), "{reason}");
    fs.heal();
    // Poisoned: writes refused, saying why, even though the disk is fine again.
    let e = s.flush().unwrap_err();
    assert!(e.is_poisoned(), "{e}");
    assert!(e.to_string().contains(&reason), "{e}");
    assert!(s.sync().unwrap_err().is_poisoned());
    assert!(s.append_record(20, 1, b"x").unwrap_err().is_poisoned());
    // Reads work, newest data is there.
    for k in 0..40u64 {
        let g = if k < 20 { 1 } else { 0 };
        assert_eq!(&*s.get(k).unwrap().unwrap(), &blob(k, g, 900)[..]);
    }
    // Eviction cannot write: dirty blobs stay, clean ones go; get/put keep working.
    s.set_cache_bytes(0);
    assert!(s.swapout().unwrap_err().is_poisoned());
    assert_eq!(s.stats().resident, s.stats().dirty);
    s.put(101, blob(101, 0, 10)).unwrap();
    assert_eq!(&*s.get(5).unwrap().unwrap(), &blob(5, 1, 900)[..]);
    // The records frozen before the failure are intact on disk.
    let c = Container::open(&*fs, Path::new("a")).unwrap();
    for (k, l) in &frozen {
        assert_eq!(c.read_record(*l).unwrap().payload, blob(*k, 0, 900));
    }
    // A new swapfile takes everything.
    s.rotate(Path::new("b")).unwrap();
    assert_eq!(s.poisoned(), None);
    s.flush().unwrap();
    s.migrate_all().unwrap();
    s.swapout().unwrap();
    for k in 0..40u64 {
        let g = if k < 20 { 1 } else { 0 };
        assert_eq!(&*s.get(k).unwrap().unwrap(), &blob(k, g, 900)[..]);
    }
    assert_eq!(&*s.get(100).unwrap().unwrap(), &blob(100, 1, 5000)[..]);
    assert_eq!(&*s.get(101).unwrap().unwrap(), &blob(101, 0, 10)[..]);
}

#[test]
fn eio_poisons_and_loses_nothing() {
    failing_write_poisons(FaultKind::Eio, 0);
}

#[test]
fn torn_write_poisons_and_loses_nothing() {
    failing_write_poisons(FaultKind::Eio, 777);
}

#[test]
fn enospc_poisons_and_loses_nothing() {
    failing_write_poisons(FaultKind::NoSpace, 100);
}

#[test]
fn disk_full_by_size() {
    let fs = Arc::new(FaultyFs::new());
    let mut s = Swap::create_in(fs.clone(), Path::new("a"), cfg(0)).unwrap();
    for k in 0..10u64 {
        s.put(k, blob(k, 0, 600)).unwrap();
    }
    fs.update_plan(|p| p.max_file_len = Some(512 * 30));
    for k in 10..100u64 {
        s.put(k, blob(k, 0, 600)).unwrap();
    }
    assert!(
        s.poisoned().unwrap().contains("No space"),
        "{:?}",
        s.poisoned()
    );
    for k in 0..100u64 {
        assert_eq!(&*s.get(k).unwrap().unwrap(), &blob(k, 0, 600)[..]);
    }
}

#[test]
fn failed_fsync_poisons() {
    let fs = Arc::new(FaultyFs::new());
    let mut s = Swap::create_in(fs.clone(), Path::new("a"), cfg(1 << 20)).unwrap();
    for k in 0..10u64 {
        s.put(k, blob(k, 0, 600)).unwrap();
    }
    s.flush().unwrap();
    fs.update_plan(|p| p.fail_next_sync = true);
    let e = s.sync().unwrap_err();
    assert!(matches!(e, Error::Io { op: "fsync", .. }), "{e}");
    assert!(s.sync().unwrap_err().is_poisoned());
    assert!(s.flush().is_err());
    for k in 0..10u64 {
        assert_eq!(&*s.get(k).unwrap().unwrap(), &blob(k, 0, 600)[..]);
    }
}

#[test]
fn power_cut_keeps_synced_records() {
    for mode in [
        CrashMode::DropUnsynced,
        CrashMode::KeepSome(7),
        CrashMode::KeepSome(12345),
        CrashMode::KeepAll,
    ] {
        let fs = Arc::new(FaultyFs::new());
        let mut s = Swap::create_in(fs.clone(), Path::new("a"), cfg(3000)).unwrap();
        fs.sync_dir(Path::new(".")).unwrap();
        for k in 0..60u64 {
            s.put(k, blob(k, 0, 800)).unwrap();
        }
        s.flush().unwrap();
        s.sync().unwrap();
        let synced = current_map(&s);
        s.set_barrier();
        for k in 0..60u64 {
            s.put(k, blob(k, 1, 1200)).unwrap();
        }
        s.flush().unwrap();
        for k in 0..30u64 {
            s.remove(k).unwrap();
        }
        for k in 60..90u64 {
            s.put(k, blob(k, 1, 800)).unwrap();
        }
        s.flush().unwrap();
        let after = fs.crash(mode);
        let c = Container::open(&after, Path::new("a")).unwrap();
        for (k, l) in &synced {
            let r = c.read_record(*l).unwrap();
            assert_eq!((r.key, r.payload), (*k, blob(*k, 0, 800)), "{mode:?}");
        }
        // A walk finds at least every synced record, and everything it reports as a
        // record checks out.
        let mut found = 0;
        for item in c.walk() {
            match item {
                swap::WalkItem::Record { location, header } => {
                    c.read_record(location).unwrap();
                    if synced.contains(&(header.key, location)) {
                        found += 1;
                    }
                }
                swap::WalkItem::Damaged { .. } => {}
                swap::WalkItem::Failed(e) => panic!("{e}"),
            }
        }
        assert_eq!(found, synced.len());
    }
}

#[derive(Debug, Clone)]
enum FOp {
    Put(u64, usize),
    Get(u64),
    Remove(u64),
    Flush,
    Sync,
    Swapout,
    Barrier,
    Migrate,
    Fault(u8, u8),
    Heal,
    Rotate,
}

fn fop() -> impl Strategy<Value = FOp> {
    prop_oneof![
        6 => (0u64..30, 1usize..3000).prop_map(|(k, l)| FOp::Put(k, l)),
        4 => (0u64..30).prop_map(FOp::Get),
        1 => (0u64..30).prop_map(FOp::Remove),
        2 => Just(FOp::Flush),
        1 => Just(FOp::Sync),
        1 => Just(FOp::Swapout),
        1 => Just(FOp::Barrier),
        1 => Just(FOp::Migrate),
        2 => (0u8..6, 0u8..8).prop_map(|(a, b)| FOp::Fault(a, b)),
        1 => Just(FOp::Heal),
        1 => Just(FOp::Rotate),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    /// Random operations with random faults: every stored value stays readable, every
    /// record frozen by a barrier and synced stays intact, errors are values.
    #[test]
    fn faults_never_lose_data(budget in prop_oneof![Just(0usize), Just(2500), Just(1 << 20)],
                              sector in prop_oneof![Just(512u32), Just(4096)],
                              compress in prop_oneof![Just(usize::MAX), Just(600)],
                              packed in proptest::bool::ANY,
                              ops in proptest::collection::vec(fop(), 1..120)) {
        let fs = Arc::new(FaultyFs::new());
        let config = Config { sector_size: sector, compress_min: compress, ..cfg(budget) };
        // Packed: 64-byte granules (version 2); else whole sectors (version 1).
        let granule = if packed { 64 } else { sector };
        let mut s = Swap::create_with_granule(fs.clone(), Path::new("f0"), config, granule)
            .unwrap();
        let mut model: HashMap<u64, Vec<u8>> = HashMap::new();
        let mut gen = 0u8;
        let mut files = 0;
        let mut frozen: Vec<(Container, u64, Location, Vec<u8>)> = Vec::new();
        for op in &ops {
            match *op {
                FOp::Put(k, l) => {
                    gen = gen.wrapping_add(1);
                    let v = blob(k, gen, l);
                    s.put(k, v.clone()).unwrap();
                    model.insert(k, v);
                }
                FOp::Get(k) => {
                    let got = s.get(k).unwrap();
                    prop_assert_eq!(got.as_deref(), model.get(&k).map(|v| &v[..]));
                }
                FOp::Remove(k) => {
                    prop_assert_eq!(s.remove(k).unwrap(), model.remove(&k).is_some());
                }
                FOp::Flush => { let _ = s.flush(); }
                FOp::Sync => { let _ = s.sync(); }
                FOp::Swapout => { let _ = s.swapout(); }
                FOp::Migrate => { let _ = s.migrate_step(5); }
                FOp::Barrier => {
                    if s.flush().is_ok() && s.sync().is_ok() {
                        let c = s.current().unwrap().clone();
                        for (k, l) in current_map(&s) {
                            frozen.push((c.clone(), k, l, model[&k].clone()));
                        }
                        s.set_barrier();
                    }
                }
                FOp::Fault(a, b) => {
                    let plan = match a {
                        0 => FaultPlan { writes_before_failure: Some(b as u64),
                                         fail_kind: Some(FaultKind::Eio), ..FaultPlan::default() },
                        1 => FaultPlan { writes_before_failure: Some(b as u64),
                                         fail_kind: Some(FaultKind::NoSpace),
                                         torn_bytes: 300 * b as usize, ..FaultPlan::default() },
                        2 => FaultPlan { short_write_max: 1 + 97 * b as usize, ..FaultPlan::default() },
                        3 => FaultPlan { fail_next_sync: true, ..FaultPlan::default() },
                        4 => FaultPlan { writes_before_failure: Some(b as u64), failures_sticky: true,
                                         fail_kind: Some(FaultKind::Eio), ..FaultPlan::default() },
                        _ => FaultPlan { max_file_len: Some(512 * (20 + 10 * b as u64)),
                                         ..FaultPlan::default() },
                    };
                    fs.set_plan(plan);
                }
                FOp::Heal => fs.heal(),
                FOp::Rotate => {
                    files += 1;
                    // Creating the new file may itself fail under faults: that is an
                    // error value, and the old file stays in use.
                    let _ = s.rotate(format!("f{files}"));
                }
            }
            s.check_invariants().map_err(|e| TestCaseError::fail(format!("after {op:?}: {e}")))?;
        }
        s.check_invariants().map_err(TestCaseError::fail)?;
        // Everything is still there.
        for (k, v) in &model {
            { let g = s.get(*k).unwrap(); prop_assert_eq!(g.as_deref(), Some(&v[..])); }
        }
        // Frozen, synced records are intact on disk (they were synced, so even the
        // durable image holds them unless a later failed fsync dropped unsynced pages,
        // which never covers synced ones).
        for (c, k, l, v) in &frozen {
            let r = c.read_record(*l).unwrap();
            prop_assert_eq!((r.key, &r.payload), (*k, v));
        }
        // With the disk healed and a fresh file, everything can be written out.
        fs.heal();
        files += 1;
        s.rotate(format!("f{files}")).unwrap();
        s.flush().unwrap();
        s.migrate_all().unwrap();
        s.swapout().unwrap();
        for (k, v) in &model {
            { let g = s.get(*k).unwrap(); prop_assert_eq!(g.as_deref(), Some(&v[..])); }
        }
    }
}
