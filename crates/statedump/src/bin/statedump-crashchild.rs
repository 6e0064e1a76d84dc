//! Test helper for the crash tests (`tests/crash.rs`): dumps a deterministic model world
//! in a loop, full dumps and increments, logging each generation before (`B g`) and
//! after (`D g`) its dump, fsynced, until it is killed. On start it restores the dump
//! in `<dir>` if there is one (with `dump.old` as secondary) and continues from there.
//!
//! Usage: statedump-crashchild <dir> [max-generations]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use statedump::model::{tables_of, Model, ModelState};
use statedump::{restore, DumpKind, Dumper, RestoreOptions};
use swap::io::{RealFs, Vfs};
use swap::{Config, Swap};

/// The model the crash test checks against (keep in sync with tests/crash.rs).
pub const MODEL: Model = Model {
    seed: 11,
    keys: 400,
    per_step: 24,
    blob_len: 700,
};

fn kind_of(g: u64) -> DumpKind {
    if g.is_multiple_of(6) {
        DumpKind::Full
    } else {
        DumpKind::Increment
    }
}

fn log(f: &mut std::fs::File, line: &str) -> std::io::Result<()> {
    f.write_all(line.as_bytes())?;
    f.sync_data()
}

fn run(dir: &Path, max: u64) -> Result<(), String> {
    let vfs: Arc<dyn Vfs> = Arc::new(RealFs);
    let dump = dir.join("dump");
    let old = dir.join("dump.old");
    let swapf = dir.join("swap");
    let cfg = Config {
        cache_bytes: 64 << 10,
        ..Config::default()
    };
    let mut logf = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("log"))
        .map_err(|e| e.to_string())?;
    let (mut swap, mut dumper, mut state, mut gen) = if dump.exists() || old.exists() {
        let r = restore(
            vfs,
            &RestoreOptions {
                dump_path: dump.clone(),
                secondary: Some(old.clone()),
                swap_path: swapf.clone(),
                swap_config: cfg,
            },
        )
        .map_err(|e| format!("restore: {e}"))?;
        let g = r.dumper.generation();
        (r.swap, r.dumper, MODEL.state(g), g)
    } else {
        let swap = Swap::create_in(vfs.clone(), &swapf, cfg).map_err(|e| e.to_string())?;
        (swap, Dumper::new(vfs, dump, swapf), ModelState::new(), 0)
    };
    let mut tables = tables_of(&state);
    log(&mut logf, &format!("R {gen}\n")).map_err(|e| e.to_string())?;
    while gen < max {
        let g = gen + 1;
        let delta = MODEL
            .apply(g, &mut state, &mut swap, &mut tables)
            .map_err(|e| e.to_string())?;
        swap.migrate_step(40).map_err(|e| e.to_string())?;
        swap.evict_fraction(2).map_err(|e| e.to_string())?;
        log(&mut logf, &format!("B {g}\n")).map_err(|e| e.to_string())?;
        dumper
            .dump(&mut swap, kind_of(g), delta, &tables, &Model::root(g))
            .map_err(|e| format!("dump {g}: {e}"))?;
        log(&mut logf, &format!("D {g}\n")).map_err(|e| e.to_string())?;
        gen = g;
    }
    Ok(())
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: statedump-crashchild <dir> [max-generations]");
        std::process::exit(2);
    };
    let max = args.next().and_then(|s| s.parse().ok()).unwrap_or(u64::MAX);
    if let Err(e) = run(&dir, max) {
        eprintln!("statedump-crashchild: {e}");
        std::process::exit(1);
    }
}
