//! `info`, `verify`, `repair` and the `statedump` command line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use statedump::chain::IN_PRIMARY;
use statedump::model::{Model, ModelState};
use statedump::{load, restore, tools, DumpKind, Dumper, RestoreOptions};
use swap::io::{FaultyFs, RealFs, Vfs};
use swap::{Config, Swap};

const MODEL: Model = Model {
    seed: 5,
    keys: 150,
    per_step: 12,
    blob_len: 400,
};

fn build(vfs: Arc<dyn Vfs>, dir: &Path, kinds: &[DumpKind], migrate: usize) -> bool {
    let mut swap = Swap::create_in(vfs.clone(), &dir.join("swap"), Config::default()).unwrap();
    let mut dumper = Dumper::new(vfs, dir.join("dump"), dir.join("swap"));
    let mut state = ModelState::new();
    let mut tables = BTreeMap::new();
    let mut partial = false;
    for (i, &kind) in kinds.iter().enumerate() {
        let g = i as u64 + 1;
        let delta = MODEL.apply(g, &mut state, &mut swap, &mut tables).unwrap();
        swap.migrate_step(migrate).unwrap();
        partial = dumper
            .dump(&mut swap, kind, delta, &tables, &Model::root(g))
            .unwrap()
            .partial;
    }
    partial
}

use DumpKind::{Full, Increment};
const KINDS: [DumpKind; 5] = [Full, Increment, Full, Increment, Increment];

#[test]
fn info_partial_with_and_without_secondary() {
    let fs = FaultyFs::new();
    let dir = Path::new("/t");
    assert!(build(Arc::new(fs.clone()), dir, &KINDS, 3));
    let s = tools::info(&fs, &dir.join("dump"), None).unwrap();
    assert!(s.contains("generation:  5"), "{s}");
    assert!(s.contains("partial:     yes"), "{s}");
    assert!(s.contains("give the secondary"), "{s}");
    let s = tools::info(&fs, &dir.join("dump"), Some(&dir.join("dump.old"))).unwrap();
    let want = MODEL.state(5).len();
    assert!(s.contains(&format!("objects:     {want} (")), "{s}");
    assert!(s.contains("in the secondary"), "{s}");
    assert!(s.contains("parent id:   "), "{s}");
}

#[test]
fn verify_names_damaged_objects_and_repair_saves_the_rest() {
    let fs = FaultyFs::new();
    let dir = Path::new("/t");
    let vfs: Arc<dyn Vfs> = Arc::new(fs.clone());
    assert!(build(vfs.clone(), dir, &KINDS, 3));
    let dump = dir.join("dump");
    let old = dir.join("dump.old");
    let rep = tools::verify(&fs, &dump, Some(&old));
    assert_eq!(rep.exit_code(), 0, "{rep}");
    assert!(rep.objects_checked > 0);

    // Damage three live blobs: two in the primary, one in the secondary.
    let l = load(&fs, &dump, Some(&old)).unwrap();
    let mut victims: Vec<(u64, PathBuf, u64)> = Vec::new();
    for &(k, file, loc) in &l.state.map {
        let (path, want) = if file == IN_PRIMARY {
            (dump.clone(), 2)
        } else {
            (old.clone(), 1)
        };
        if victims.iter().filter(|v| v.1 == path).count() < want {
            victims.push((k, path, loc.offset));
        }
    }
    assert_eq!(victims.len(), 3);
    for (_, path, off) in &victims {
        assert!(fs.corrupt(path, off + 100, 0x5a));
    }
    let rep = tools::verify(&fs, &dump, Some(&old));
    assert_eq!(rep.exit_code(), 1, "{rep}");
    assert_eq!(rep.faults.len(), 3, "{rep}");
    for (k, path, off) in &victims {
        assert!(
            rep.faults
                .iter()
                .any(|f| f.key == Some(*k) && &f.file == path && f.offset == *off),
            "key {k} at {off} not reported: {rep}"
        );
    }
    let text = rep.to_string();
    assert!(
        text.contains("FAULT") && text.contains("byte offset"),
        "{text}"
    );

    // Repair: a clean full dump without the three.
    let out = dir.join("fixed");
    let r = tools::repair(vfs.clone(), &dump, Some(&old), &out, Config::default()).unwrap();
    assert_eq!(r.lost.len(), 3, "{r}");
    assert_eq!(r.generation, 5);
    let rep = tools::verify(&fs, &out, None);
    assert_eq!(rep.exit_code(), 0, "{rep}");
    let mut restored = restore(
        vfs,
        &RestoreOptions {
            dump_path: out,
            secondary: None,
            swap_path: dir.join("check.swap"),
            swap_config: Config::default(),
        },
    )
    .unwrap();
    assert!(!restored.info.partial);
    let want = MODEL.state(5);
    assert_eq!(restored.swap.len(), want.len() - 3);
    for (k, v) in want {
        let got = restored.swap.get(k).unwrap();
        if victims.iter().any(|x| x.0 == k) {
            assert!(got.is_none());
        } else {
            assert_eq!(got.as_deref(), Some(&MODEL.blob(k, v)[..]));
        }
    }
    assert_eq!(restored.root, Model::root(5));
}

#[test]
fn verify_unrestorable_is_exit_2() {
    let fs = FaultyFs::new();
    let dir = Path::new("/t");
    build(Arc::new(fs.clone()), dir, &[Full], 0);
    let dump = dir.join("dump");
    // Damage the file header.
    assert!(fs.corrupt(&dump, 3, 1));
    let rep = tools::verify(&fs, &dump, None);
    assert_eq!(rep.exit_code(), 2, "{rep}");
}

#[test]
fn command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    assert!(build(Arc::new(RealFs), dir, &KINDS, 3));
    let bin = env!("CARGO_BIN_EXE_statedump");
    let dump = dir.join("dump");
    let old = dir.join("dump.old");
    let o = Command::new(bin)
        .arg("info")
        .arg(&dump)
        .arg(&old)
        .output()
        .unwrap();
    assert!(o.status.success());
    let s = String::from_utf8_lossy(&o.stdout);
    assert!(
        s.contains("generation:  5") && s.contains("partial:     yes"),
        "{s}"
    );
    let o = Command::new(bin)
        .arg("verify")
        .arg(&dump)
        .arg(&old)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    // Without the secondary, a partial dump is not restorable: exit 2, and it says why.
    let o = Command::new(bin).arg("verify").arg(&dump).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stdout).contains("secondary"));
    let out = dir.join("fixed");
    let o = Command::new(bin)
        .args([
            "repair".as_ref(),
            dump.as_os_str(),
            old.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = Command::new(bin).arg("verify").arg(&out).output().unwrap();
    assert_eq!(o.status.code(), Some(0));
}
