//! Format fixtures: dump files of format version 1 kept in the repository must still
//! restore; a commit of an unknown version is refused clearly.
//!
//! Regenerate (only when adding a new version's fixtures):
//! `cargo test -p statedump --test fixtures -- --ignored write_fixtures`

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use statedump::chain::KIND_COMMIT;
use statedump::format::{Commit, FORMAT_VERSION};
use statedump::model::{Model, ModelState};
use statedump::{restore, tools, DumpKind, Dumper, Error, RestoreOptions};
use swap::io::{RealFs, Vfs};
use swap::{Config, Swap};

const MODEL: Model = Model {
    seed: 9,
    keys: 40,
    per_step: 8,
    blob_len: 100,
};
const GENERATIONS: u64 = 5;

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1")
}

#[test]
#[ignore]
fn write_fixtures() {
    use DumpKind::*;
    let dir = fixture_dir();
    let tmp = tempfile::tempdir().unwrap();
    let vfs: Arc<dyn Vfs> = Arc::new(RealFs);
    let swapf = tmp.path().join("swap");
    let mut swap = Swap::create_in(vfs.clone(), &swapf, Config::default()).unwrap();
    let mut dumper = Dumper::new(vfs, tmp.path().join("dump"), &swapf);
    let mut state = ModelState::new();
    let mut tables = BTreeMap::new();
    let kinds = [Full, Increment, Full, Increment, Increment];
    let mut partial = false;
    for (i, &kind) in kinds.iter().enumerate() {
        let g = i as u64 + 1;
        let delta = MODEL.apply(g, &mut state, &mut swap, &mut tables).unwrap();
        swap.migrate_step(2).unwrap();
        partial = dumper
            .dump(&mut swap, kind, delta, &tables, &Model::root(g))
            .unwrap()
            .partial;
    }
    assert!(partial);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(tmp.path().join("dump"), dir.join("dump")).unwrap();
    std::fs::copy(tmp.path().join("dump.old"), dir.join("dump.old")).unwrap();
}

fn copy_fixture(to: &Path) {
    for f in ["dump", "dump.old"] {
        std::fs::copy(fixture_dir().join(f), to.join(f)).unwrap();
    }
}

#[test]
fn version_1_fixture_restores() {
    assert_eq!(FORMAT_VERSION, 1, "add fixtures for the new version");
    let tmp = tempfile::tempdir().unwrap();
    copy_fixture(tmp.path());
    let vfs: Arc<dyn Vfs> = Arc::new(RealFs);
    let mut r = restore(
        vfs,
        &RestoreOptions {
            dump_path: tmp.path().join("dump"),
            secondary: Some(tmp.path().join("dump.old")),
            swap_path: tmp.path().join("swap"),
            swap_config: Config::default(),
        },
    )
    .unwrap();
    assert_eq!(r.info.generation, GENERATIONS);
    assert!(r.info.partial);
    MODEL
        .check(GENERATIONS, &mut r.swap, &r.tables, &r.root)
        .unwrap();
    let s = tools::info(&RealFs, &tmp.path().join("dump"), None).unwrap();
    assert!(s.contains("partial:     yes"), "{s}");
}

#[test]
fn unknown_commit_version_refused() {
    let tmp = tempfile::tempdir().unwrap();
    copy_fixture(tmp.path());
    let dump = tmp.path().join("dump");
    let vfs: Arc<dyn Vfs> = Arc::new(RealFs);
    // A newer program appended a commit of version 2 (intact, checksums right).
    let l = statedump::load(&RealFs, &dump, Some(&tmp.path().join("dump.old"))).unwrap();
    let Some(head) = l.newest.head() else {
        panic!("no head")
    };
    let mut c: Commit = head.commit.clone();
    c.generation += 1;
    let mut enc = c.encode();
    enc[4..6].copy_from_slice(&2u16.to_le_bytes());
    // Re-seal the body checksum so only the version differs.
    let body_len = enc.len() - statedump::format::COMMIT_TRAILER_LEN;
    let h = xxhash_rust::xxh3::xxh3_64(&enc[..body_len]);
    enc[body_len + 4..body_len + 12].copy_from_slice(&h.to_le_bytes());
    drop(l);
    let mut swap =
        Swap::open_in(vfs.clone(), &dump, Config::default(), std::iter::empty()).unwrap();
    swap.append_record(KIND_COMMIT, c.generation, &enc).unwrap();
    swap.sync().unwrap();
    drop(swap);
    let e = restore(
        vfs,
        &RestoreOptions {
            dump_path: dump,
            secondary: Some(tmp.path().join("dump.old")),
            swap_path: tmp.path().join("swap"),
            swap_config: Config::default(),
        },
    )
    .unwrap_err();
    assert!(matches!(e, Error::Format { .. }), "{e}");
    let msg = e.to_string();
    assert!(msg.contains("version 2 is not supported"), "{msg}");
}
