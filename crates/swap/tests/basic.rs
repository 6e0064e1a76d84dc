//! Basic behaviour of the store on real files and on the in-memory file system.

use std::path::Path;
use std::sync::Arc;

use swap::io::{FaultyFs, Vfs};
use swap::{Config, Container, Error, Home, Location, Swap, WalkItem, FIRST_USER_KIND, KIND_BLOB};

fn blob(key: u64, len: usize) -> Vec<u8> {
    (0..len)
        .map(|i| (key as usize * 31 + i * 7) as u8)
        .collect()
}

fn cfg(cache: usize) -> Config {
    Config {
        cache_bytes: cache,
        ..Config::default()
    }
}

/// A swap file `name` on `fs` holding keys `0..n` (600-byte blobs), flushed.
fn filled(fs: &Arc<FaultyFs>, name: &str, cfg: Config, n: u64) -> Swap {
    let mut s = Swap::create_in(fs.clone(), Path::new(name), cfg).unwrap();
    for k in 0..n {
        s.put(k, blob(k, 600)).unwrap();
    }
    s.flush().unwrap();
    s
}

/// Where `key`'s record sits in the current swap file.
fn current_location(s: &Swap, key: u64) -> Location {
    s.locations()
        .find_map(|(k, h)| match h {
            Home::Current(l) if k == key => Some(l),
            _ => None,
        })
        .unwrap()
}

#[test]
fn put_get_evict_reload_real_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Swap::create(dir.path().join("swap"), cfg(10_000)).unwrap();
    for k in 0..200u64 {
        s.put(k, blob(k, 300 + k as usize)).unwrap();
    }
    let st = s.stats();
    assert!(st.resident_bytes <= 10_000, "{st:?}");
    assert!(st.evictions > 0);
    for k in (0..200u64).rev() {
        assert_eq!(&*s.get(k).unwrap().unwrap(), &blob(k, 300 + k as usize)[..]);
    }
    assert!(s.stats().loads > 0);
    assert_eq!(s.get(1000).unwrap(), None);
    assert!(s.remove(5).unwrap());
    assert!(!s.remove(5).unwrap());
    assert_eq!(s.get(5).unwrap(), None);
    s.swapout().unwrap();
    assert_eq!(s.stats().resident, 0);
    assert_eq!(&*s.get(7).unwrap().unwrap(), &blob(7, 307)[..]);
}

#[test]
fn space_is_reused_after_remove_but_not_below_barrier() {
    let fs = Arc::new(FaultyFs::new());
    let mut s = Swap::create_in(fs.clone(), Path::new("sw"), cfg(0)).unwrap();
    for k in 0..10u64 {
        s.put(k, blob(k, 1000)).unwrap();
    }
    s.flush().unwrap();
    let end = s.stats().file_sectors;
    for k in 0..5u64 {
        s.remove(k).unwrap();
    }
    assert!(s.stats().free_sectors > 0);
    for k in 10..15u64 {
        s.put(k, blob(k, 1000)).unwrap();
    }
    s.flush().unwrap();
    assert_eq!(s.stats().file_sectors, end, "freed space reused");
    // Now freeze: records in use may not be overwritten.
    let frozen: Vec<_> = s.locations().collect();
    s.set_barrier();
    for k in 5..15u64 {
        s.put(k, blob(k + 100, 1000)).unwrap();
    }
    s.flush().unwrap();
    for k in 5..15u64 {
        s.remove(k).unwrap();
    }
    for k in 20..40u64 {
        s.put(k, blob(k, 1000)).unwrap();
    }
    s.flush().unwrap();
    let c = s.current().unwrap().clone();
    for (k, h) in frozen {
        let Home::Current(loc) = h else {
            panic!("not stored")
        };
        let r = c.read_record(loc).unwrap();
        assert_eq!(r.key, k);
        assert_eq!(r.payload, blob(k, 1000));
    }
}

#[test]
fn append_record_and_walk() {
    let fs = Arc::new(FaultyFs::new());
    let mut s = Swap::create_in(
        fs.clone(),
        Path::new("sw"),
        Config {
            compress_min: 100,
            ..cfg(1 << 20)
        },
    )
    .unwrap();
    s.put(1, vec![7u8; 5000]).unwrap();
    s.put(2, blob(2, 50)).unwrap();
    s.flush().unwrap();
    let table = vec![3u8; 10_000];
    let end_before = s.end_offset();
    let loc = s.append_record(FIRST_USER_KIND + 1, 99, &table).unwrap();
    assert_eq!(loc.offset, end_before, "appended at the end");
    let r = s.read_record(loc).unwrap();
    assert_eq!(r.kind, FIRST_USER_KIND + 1);
    assert_eq!(r.key, 99);
    assert_eq!(r.payload, table);
    assert!(matches!(
        s.append_record(KIND_BLOB, 1, b"x"),
        Err(Error::ReservedKind(1))
    ));
    let changes = s.take_changes();
    assert_eq!(changes.len(), 2);
    assert!(s.take_changes().is_empty());
    s.sync().unwrap();
    let c = Container::open(&*fs, Path::new("sw")).unwrap();
    assert_eq!(c.id(), s.current_id());
    let items: Vec<_> = c.walk().collect();
    let recs: Vec<_> = items
        .iter()
        .filter_map(|i| match i {
            WalkItem::Record { header, .. } => Some((header.kind, header.key)),
            _ => None,
        })
        .collect();
    assert_eq!(recs.len(), 3, "{items:?}");
    assert!(recs.contains(&(FIRST_USER_KIND + 1, 99)));
    // Compressed: the 5000-byte blob of sevens takes far less than 10 sectors.
    assert!(s.end_offset() < 8 * 512, "end {}", s.end_offset());
}

#[test]
fn checksum_mismatch_names_key_and_offset() {
    let fs = Arc::new(FaultyFs::new());
    let mut s = Swap::create_in(fs.clone(), Path::new("sw"), cfg(0)).unwrap();
    s.put(42, blob(42, 700)).unwrap();
    s.put(43, blob(43, 700)).unwrap();
    s.flush().unwrap();
    s.swapout().unwrap();
    let loc = current_location(&s, 42);
    assert!(fs.corrupt(Path::new("sw"), loc.offset + 100, 0x40));
    match s.get(42) {
        Err(Error::Checksum {
            key, offset, what, ..
        }) => {
            assert_eq!((key, offset, what), (42, loc.offset, "payload"));
        }
        other => panic!("{other:?}"),
    }
    assert!(fs.corrupt(Path::new("sw"), loc.offset + 100, 0x40));
    assert!(fs.corrupt(Path::new("sw"), loc.offset + 9, 0x01));
    let e = s.get(42).unwrap_err();
    assert!(
        matches!(
            e,
            Error::Checksum {
                key: 42,
                what: "header",
                ..
            }
        ),
        "{e}"
    );
    assert!(e.to_string().contains("key 42"), "{e}");
    assert_eq!(&*s.get(43).unwrap().unwrap(), &blob(43, 700)[..]);
}

#[test]
fn rotate_migrates_lazily_and_by_steps() {
    let fs = Arc::new(FaultyFs::new());
    let mut s = filled(&fs, "a", cfg(4096), 100u64);
    s.migrate_all().unwrap();
    let old = s.rotate(Path::new("b")).unwrap();
    assert_eq!(s.pending_migration(), 100);
    assert!(s.backing(old).is_some());
    // First access migrates key 3 (written to b when evicted or flushed).
    assert_eq!(&*s.get(3).unwrap().unwrap(), &blob(3, 600)[..]);
    s.flush().unwrap();
    assert_eq!(s.pending_migration(), 99);
    let mut steps = 0;
    while s.pending_migration() > 0 {
        s.migrate_step(7).unwrap();
        steps += 1;
        assert!(steps < 100);
    }
    assert!(steps >= 14);
    assert!(s.backing(old).is_none(), "drained backing closed");
    let ch = s.take_changes();
    assert_eq!(ch.len(), 100);
    for k in 0..100u64 {
        assert_eq!(&*s.get(k).unwrap().unwrap(), &blob(k, 600)[..]);
        assert!(matches!(
            s.locations().find(|&(kk, _)| kk == k).unwrap().1,
            Home::Current(_) | Home::Memory
        ));
    }
    // Restore-style: register file b as backing of a new store.
    s.flush().unwrap();
    s.sync().unwrap();
    let entries: Vec<_> = s
        .locations()
        .filter_map(|(k, h)| match h {
            Home::Current(l) => Some((k, l)),
            _ => None,
        })
        .collect();
    let mut t = Swap::create_in(fs.clone(), Path::new("c"), cfg(4096)).unwrap();
    let c = Container::open(&*fs, Path::new("b")).unwrap();
    t.add_backing(c, entries).unwrap();
    assert_eq!(t.pending_migration(), 100);
    assert_eq!(&*t.get(77).unwrap().unwrap(), &blob(77, 600)[..]);
    t.migrate_all().unwrap();
    assert_eq!(t.pending_migration(), 0);
    for k in 0..100u64 {
        assert_eq!(&*t.get(k).unwrap().unwrap(), &blob(k, 600)[..]);
    }
}

#[test]
fn open_existing_file_continues_after_its_end() {
    let fs = Arc::new(FaultyFs::new());
    let mut s = Swap::create_in(fs.clone(), Path::new("a"), cfg(0)).unwrap();
    for k in 0..10u64 {
        s.put(k, blob(k, 900)).unwrap();
    }
    s.flush().unwrap();
    let entries: Vec<_> = s
        .locations()
        .filter_map(|(k, h)| match h {
            Home::Current(l) => Some((k, l)),
            _ => None,
        })
        .collect();
    let end = s.end_offset();
    drop(s);
    let vfs: Arc<dyn Vfs> = fs.clone();
    let mut t = Swap::open_in(vfs, Path::new("a"), cfg(0), entries).unwrap();
    assert_eq!(t.end_offset(), end);
    for k in 0..10u64 {
        assert_eq!(&*t.get(k).unwrap().unwrap(), &blob(k, 900)[..]);
    }
    t.put(3, vec![1, 2, 3]).unwrap();
    t.flush().unwrap();
    assert!(t.end_offset() > end);
}

#[test]
fn bad_config_and_bad_files_are_errors() {
    let fs = Arc::new(FaultyFs::new());
    let e = Swap::create_in(
        fs.clone(),
        Path::new("x"),
        Config {
            sector_size: 100,
            ..Config::default()
        },
    )
    .unwrap_err();
    assert!(matches!(e, Error::Config(_)), "{e}");
    let f = fs.create(Path::new("junk")).unwrap();
    f.write_all_at(
        b"hello world, not a swap file at all.................................",
        0,
    )
    .unwrap();
    let e = Container::open(&*fs, Path::new("junk")).unwrap_err();
    assert!(e.to_string().contains("bad magic"), "{e}");
    let e = Container::open(&*fs, Path::new("missing")).unwrap_err();
    assert!(matches!(e, Error::Io { op: "open", .. }), "{e}");
}

#[test]
fn swap_size_limit() {
    let fs = Arc::new(FaultyFs::new());
    let mut s = Swap::create_in(
        fs,
        Path::new("a"),
        Config {
            swap_size: 10,
            ..cfg(1 << 20)
        },
    )
    .unwrap();
    for k in 0..20u64 {
        s.put(k, blob(k, 600)).unwrap();
    }
    let e = s.flush().unwrap_err();
    assert!(matches!(e, Error::SwapFull { limit: 10, .. }), "{e}");
    for k in 0..20u64 {
        assert_eq!(&*s.get(k).unwrap().unwrap(), &blob(k, 600)[..]);
    }
    for k in 0..16u64 {
        s.remove(k).unwrap();
    }
    s.flush().unwrap();
}

#[test]
fn evict_fraction_evicts_lru_share() {
    let fs = Arc::new(FaultyFs::new());
    let mut s = Swap::create_in(fs, Path::new("a"), cfg(1 << 20)).unwrap();
    for k in 0..64u64 {
        s.put(k, blob(k, 100)).unwrap();
    }
    s.evict_fraction(0).unwrap();
    assert_eq!(s.stats().resident, 64);
    s.evict_fraction(4).unwrap();
    assert_eq!(s.stats().resident, 48);
    for k in 0..16u64 {
        assert!(!s.is_resident(k), "{k} is least recently used");
    }
    s.get(20).unwrap();
    s.evict_fraction(1).unwrap();
    assert_eq!(s.stats().resident, 0);
}

#[test]
fn sequential_reads_and_rewrites_stay_consistent() {
    let fs = Arc::new(FaultyFs::new());
    let mut s = filled(&fs, "a", cfg(0), 400u64);
    s.swapout().unwrap();
    // In file order: served through the read-ahead window.
    for k in 0..200u64 {
        assert_eq!(&*s.get(k).unwrap().unwrap(), &blob(k, 600)[..]);
    }
    // Free sectors just ahead and reuse them with other content.
    for k in 200..260u64 {
        s.remove(k).unwrap();
    }
    for k in 1000..1060u64 {
        s.put(k, blob(k, 590)).unwrap();
    }
    s.flush().unwrap();
    s.swapout().unwrap();
    for k in (260..400u64).chain(1000..1060) {
        let len = if k >= 1000 { 590 } else { 600 };
        assert_eq!(&*s.get(k).unwrap().unwrap(), &blob(k, len)[..], "key {k}");
    }
    // A damaged record inside a window is still reported with key and offset.
    s.swapout().unwrap();
    let loc = current_location(&s, 300);
    assert!(fs.corrupt(Path::new("a"), loc.offset + 70, 1));
    for k in 261..300u64 {
        s.get(k).unwrap();
    }
    let e = s.get(300).unwrap_err();
    assert!(
        matches!(e, Error::Checksum { key: 300, offset, .. } if offset == loc.offset),
        "{e}"
    );
}

#[test]
fn oldest_backing_migrates_first() {
    let fs = Arc::new(FaultyFs::new());
    let mut s = filled(&fs, "a", cfg(0), 30u64);
    let first = s.rotate(Path::new("b")).unwrap();
    for k in 100..120u64 {
        s.put(k, blob(k, 600)).unwrap();
    }
    s.flush().unwrap();
    let second = s.rotate(Path::new("c")).unwrap();
    assert_eq!(s.pending_migration(), 50);
    let homes = |s: &Swap, id| {
        s.locations()
            .filter(|(_, h)| matches!(h, Home::Backing(b, _) if *b == id))
            .count()
    };
    assert_eq!((homes(&s, first), homes(&s, second)), (30, 20));
    s.migrate_step(25).unwrap();
    assert_eq!((homes(&s, first), homes(&s, second)), (5, 20));
    s.migrate_step(25).unwrap();
    assert_eq!((homes(&s, first), homes(&s, second)), (0, 20));
    assert!(s.backing(first).is_none());
    s.migrate_all().unwrap();
    assert_eq!(s.pending_migration(), 0);
    assert!(s.backing(second).is_none());
    for k in (0..30u64).chain(100..120) {
        assert_eq!(&*s.get(k).unwrap().unwrap(), &blob(k, 600)[..]);
    }
}

#[test]
fn damaged_backing_record_is_reported_and_the_rest_migrates() {
    let fs = Arc::new(FaultyFs::new());
    let mut s = filled(&fs, "a", cfg(0), 40u64);
    let loc = current_location(&s, 17);
    s.rotate(Path::new("b")).unwrap();
    assert!(fs.corrupt(Path::new("a"), loc.offset + 300, 0x80));
    let e = s.migrate_all().unwrap_err();
    assert!(
        matches!(e, Error::Checksum { key: 17, offset, what: "payload", .. } if offset == loc.offset),
        "{e}"
    );
    assert_eq!(s.pending_migration(), 1);
    assert!(!s.migration_work_left(), "only the damaged record is left");
    for k in (0..40u64).filter(|&k| k != 17) {
        assert_eq!(&*s.get(k).unwrap().unwrap(), &blob(k, 600)[..]);
    }
    assert!(s.get(17).is_err());
    // The walk of the damaged file names the offset too.
    let c = Container::open(&*fs, Path::new("a")).unwrap();
    let damaged: Vec<_> = c
        .walk()
        .filter_map(|i| match i {
            WalkItem::Damaged { offset, key, .. } => Some((offset, key)),
            _ => None,
        })
        .collect();
    assert_eq!(damaged, vec![(loc.offset, Some(17))]);
}

#[test]
fn walk_survives_truncation_and_unknown_versions_are_refused() {
    let fs = Arc::new(FaultyFs::new());
    let mut s = Swap::create_in(fs.clone(), Path::new("a"), cfg(0)).unwrap();
    for k in 0..10u64 {
        s.put(k, blob(k, 700)).unwrap();
    }
    s.flush().unwrap();
    let full = fs.contents(Path::new("a")).unwrap();
    // Cut in the middle of the last record.
    let g = fs.create(Path::new("t")).unwrap();
    g.write_all_at(&full[..full.len() - 700], 0).unwrap();
    let c = Container::open(&*fs, Path::new("t")).unwrap();
    let items: Vec<_> = c.walk().collect();
    let recs = items
        .iter()
        .filter(|i| matches!(i, WalkItem::Record { .. }))
        .count();
    assert_eq!(recs, 9);
    assert!(items.iter().any(|i| matches!(
        i,
        WalkItem::Damaged { key: Some(_), problem, .. } if problem.contains("past the end")
    )));
    // Version 3 header (checksum recomputed): refused with a clear message.
    let mut hdr = swap::format::FileHeader::decode(&full).unwrap();
    assert_eq!((hdr.version, hdr.granule), (2, 16));
    hdr.version = 3;
    let mut bytes = full.clone();
    bytes[..64].copy_from_slice(&hdr.encode());
    let h = fs.create(Path::new("v3")).unwrap();
    h.write_all_at(&bytes, 0).unwrap();
    let e = Container::open(&*fs, Path::new("v3")).unwrap_err();
    assert!(
        e.to_string()
            .contains("version 3 is not supported (this build reads versions 1 to 2)"),
        "{e}"
    );
}

/// Version 2 packs records at 16-byte granules: ten 700-byte blobs (764-byte records)
/// take 10 * 768 bytes after sector 0, not 10 * 1024. A store made with the granule
/// equal to the sector writes version 1, which still reads and continues.
#[test]
fn granule_packs_records_and_version_1_still_works() {
    let fs = Arc::new(FaultyFs::new());
    let mut s = Swap::create_in(fs.clone(), Path::new("v2"), cfg(0)).unwrap();
    let mut v1 = Swap::create_with_granule(fs.clone(), Path::new("v1"), cfg(0), 512).unwrap();
    for k in 0..10u64 {
        s.put(k, blob(k, 700)).unwrap();
        v1.put(k, blob(k, 700)).unwrap();
    }
    s.flush().unwrap();
    v1.flush().unwrap();
    assert_eq!(s.end_offset(), 512 + 10 * 768);
    assert_eq!(v1.end_offset(), 512 + 10 * 1024);
    let c1 = Container::open(&*fs, Path::new("v1")).unwrap();
    assert_eq!((c1.header().version, c1.granule()), (1, 512));
    let c2 = Container::open(&*fs, Path::new("v2")).unwrap();
    assert_eq!((c2.header().version, c2.granule()), (2, 16));
    for c in [&c1, &c2] {
        let n = c
            .walk()
            .filter(|i| matches!(i, WalkItem::Record { .. }))
            .count();
        assert_eq!(n, 10);
    }
    // Reopen the version-1 file for writing: it keeps its layout.
    let entries: Vec<_> = v1
        .locations()
        .filter_map(|(k, h)| match h {
            Home::Current(l) => Some((k, l)),
            _ => None,
        })
        .collect();
    drop(v1);
    let mut r = Swap::open_in(fs.clone(), Path::new("v1"), cfg(0), entries).unwrap();
    r.put(3, blob(33, 100)).unwrap();
    r.flush().unwrap();
    assert_eq!(r.end_offset(), 512 + 10 * 1024 + 512);
    assert_eq!(&*r.get(3).unwrap().unwrap(), &blob(33, 100)[..]);
    assert_eq!(&*r.get(9).unwrap().unwrap(), &blob(9, 700)[..]);
    // Its rotation keeps the granule too (a version-1 file).
    r.rotate(Path::new("v1b")).unwrap();
    r.migrate_all().unwrap();
    r.flush().unwrap();
    let cb = Container::open(&*fs, Path::new("v1b")).unwrap();
    assert_eq!(cb.header().version, 1);
    // A location off the granule grid is refused.
    let e = c2
        .read_record(swap::Location {
            offset: 512 + 8,
            len: 764,
        })
        .unwrap_err();
    assert!(e.to_string().contains("record boundary"), "{e}");
}

#[test]
fn renamed_current_file_is_named_in_errors() {
    let fs = Arc::new(FaultyFs::new());
    let mut s = Swap::create_in(fs.clone(), Path::new("swapfile"), cfg(0)).unwrap();
    s.put(1, blob(1, 600)).unwrap();
    s.flush().unwrap();
    fs.rename(Path::new("swapfile"), Path::new("dump")).unwrap();
    s.current_renamed("dump");
    assert_eq!(s.current_path(), Path::new("dump"));
    let loc = s
        .locations()
        .find_map(|(_, h)| match h {
            Home::Current(l) => Some(l),
            _ => None,
        })
        .unwrap();
    assert!(fs.corrupt(Path::new("dump"), loc.offset + 80, 1));
    let e = s.get(1).unwrap_err();
    assert!(e.to_string().starts_with("dump:"), "{e}");
}

#[test]
fn renamed_backing_file_is_named_in_errors() {
    let fs = Arc::new(FaultyFs::new());
    let mut s = filled(&fs, "dump", cfg(0), 4u64);
    let loc = current_location(&s, 2);
    let old = s.rotate("swapfile").unwrap();
    fs.rename(Path::new("dump"), Path::new("dump.old")).unwrap();
    assert_eq!(s.backing_renamed("nothing", "else"), 0);
    assert_eq!(s.backing_renamed("dump", "dump.old"), 1);
    assert_eq!(s.backing(old).unwrap().path(), Path::new("dump.old"));
    assert!(fs.corrupt(Path::new("dump.old"), loc.offset + 80, 1));
    let e = s.get(2).unwrap_err();
    assert!(e.to_string().starts_with("dump.old:"), "{e}");
    assert_eq!(&*s.get(1).unwrap().unwrap(), &blob(1, 600)[..]);
}

#[test]
fn raw_records_are_stored_uncompressed() {
    let fs = Arc::new(FaultyFs::new());
    let mut s = Swap::create_in(
        fs.clone(),
        Path::new("sw"),
        Config {
            compress_min: 100,
            ..cfg(1 << 20)
        },
    )
    .unwrap();
    let table = vec![5u8; 20_000];
    let a = s.append_record(FIRST_USER_KIND, 1, &table).unwrap();
    let b = s.append_record_raw(FIRST_USER_KIND, 2, &table).unwrap();
    assert!((a.len as usize) < table.len() / 4, "compressed: {}", a.len);
    assert!((b.len as usize) > table.len(), "raw: {}", b.len);
    assert_eq!(s.read_record(a).unwrap().payload, table);
    let r = s.read_record(b).unwrap();
    assert_eq!((r.key, r.payload), (2, table));
    assert!(matches!(
        s.append_record_raw(KIND_BLOB, 1, b"x"),
        Err(Error::ReservedKind(1))
    ));
}

#[test]
fn backing_registered_out_of_file_order_migrates_lowest_offset_first() {
    // 300 keys sort in place; 20_000 on the sorting thread.
    for n in [300u64, 20_000] {
        out_of_order_backing(n);
    }
}

fn out_of_order_backing(n: u64) {
    let fs = Arc::new(FaultyFs::new());
    let mut s = Swap::create_in(fs.clone(), Path::new("a"), cfg(0)).unwrap();
    for k in 0..n {
        s.put(k, blob(k, 60)).unwrap();
    }
    s.flush().unwrap();
    s.sync().unwrap();
    let mut entries: Vec<_> = s
        .locations()
        .filter_map(|(k, h)| match h {
            Home::Current(l) => Some((k, l)),
            _ => None,
        })
        .collect();
    // Neither ascending nor descending by offset: the sort is left to the first step.
    entries.sort_by_key(|&(k, _)| (k * 7919) % n);
    let mut t = Swap::create_in(fs.clone(), Path::new("b"), cfg(0)).unwrap();
    let c = Container::open(&*fs, Path::new("a")).unwrap();
    t.add_backing(c, entries.iter().copied()).unwrap();
    assert_eq!(t.pending_migration(), n);
    assert_eq!(t.migrate_step(10).unwrap(), 10);
    t.flush().unwrap();
    let mut by_offset = entries.clone();
    by_offset.sort_by_key(|&(_, l)| l.offset);
    let moved: Vec<u64> = t
        .locations()
        .filter(|(_, h)| matches!(h, Home::Current(_)))
        .map(|(k, _)| k)
        .collect();
    let mut want: Vec<u64> = by_offset[..10].iter().map(|&(k, _)| k).collect();
    let mut got = moved;
    want.sort_unstable();
    got.sort_unstable();
    assert_eq!(got, want);
    t.migrate_all().unwrap();
    for k in 0..n {
        assert_eq!(&*t.get(k).unwrap().unwrap(), &blob(k, 60)[..]);
    }
}

#[test]
fn store_and_files_can_move_between_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Swap>();
    send_sync::<Container>();
    send_sync::<swap::io::FaultyFs>();
    send_sync::<swap::io::RealFs>();
    send_sync::<Error>();
}
