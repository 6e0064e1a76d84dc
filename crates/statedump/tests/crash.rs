//! Crash tests that really kill: a child process (`statedump-crashchild`) dumps a model
//! world in a loop; this test SIGKILLs it at seeded random moments. After each kill,
//! restore must give exactly the last committed generation (or the one whose dump was
//! under way, if its commit became durable before the kill), equal to the model.
//!
//! `STATEDUMP_CRASH_KILLS` (default 200) and `STATEDUMP_CRASH_SEED` tune it.

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use statedump::model::Model;
use statedump::{restore, Error, RestoreOptions};
use swap::io::{RealFs, Vfs};
use swap::Config;

/// Same as in src/bin/statedump-crashchild.rs.
const MODEL: Model = Model {
    seed: 11,
    keys: 400,
    per_step: 24,
    blob_len: 700,
};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        // splitmix64
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// (last done, last begun) from the child's log.
fn read_log(dir: &Path) -> (u64, u64) {
    let text = std::fs::read_to_string(dir.join("log")).unwrap_or_default();
    let (mut done, mut begun) = (0, 0);
    for line in text.lines() {
        let mut it = line.split(' ');
        let (Some(tag), Some(n)) = (it.next(), it.next().and_then(|n| n.parse::<u64>().ok()))
        else {
            continue; // a torn last line
        };
        match tag {
            "D" | "R" => done = done.max(n),
            "B" => begun = begun.max(n),
            _ => {}
        }
    }
    (done, begun)
}

#[test]
fn sigkill_at_random_moments() {
    let kills: u64 = std::env::var("STATEDUMP_CRASH_KILLS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    let seed: u64 = std::env::var("STATEDUMP_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_2026);
    eprintln!("crash test: {kills} kills, seed {seed}");
    let mut rng = Rng(seed);
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let child_bin = env!("CARGO_BIN_EXE_statedump-crashchild");
    let vfs: Arc<dyn Vfs> = Arc::new(RealFs);
    let mut max_gen = 0;
    let mut restores_checked = 0;
    let mut mid_dump = 0;
    let mut newer_than_log = 0;
    for i in 0..kills {
        let mut child = Command::new(child_bin)
            .arg(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Mostly short runs (kills during start-up and restore), some longer ones.
        let ms = match rng.next() % 4 {
            0 => rng.next() % 5,
            1 | 2 => rng.next() % 30,
            _ => 30 + rng.next() % 60,
        };
        let us = rng.next() % 1000;
        std::thread::sleep(Duration::from_millis(ms) + Duration::from_micros(us));
        let exited_early = child.try_wait().unwrap();
        if let Some(status) = exited_early {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                std::io::Read::read_to_string(&mut e, &mut err).unwrap();
            }
            panic!("kill {i}: child exited by itself ({status}): {err}");
        }
        child.kill().unwrap();
        child.wait().unwrap();

        let (done, begun) = read_log(dir);
        let r = restore(
            vfs.clone(),
            &RestoreOptions {
                dump_path: dir.join("dump"),
                secondary: Some(dir.join("dump.old")),
                swap_path: dir.join("check.swap"),
                swap_config: Config::default(),
            },
        );
        let mut r = match r {
            Ok(r) => r,
            Err(Error::Swap(swap::Error::Io { source, .. }))
                if source.kind() == std::io::ErrorKind::NotFound && done == 0 =>
            {
                continue; // killed before the first dump
            }
            Err(e) => panic!("kill {i} (seed {seed}): restore failed (last done {done}): {e}"),
        };
        let g = r.info.generation;
        assert!(
            g == done || (g == begun && begun == done + 1),
            "kill {i} (seed {seed}): restored generation {g}, log says done {done}, begun {begun}"
        );
        if let Err(e) = MODEL.check(g, &mut r.swap, &r.tables, &r.root) {
            panic!("kill {i} (seed {seed}): generation {g}: {e}");
        }
        max_gen = max_gen.max(g);
        mid_dump += u32::from(begun > done);
        newer_than_log += u32::from(g > done);
        restores_checked += 1;
    }
    eprintln!(
        "crash test: {restores_checked} restores checked, reached generation {max_gen}; \
         {mid_dump} kills during a dump, {newer_than_log} of them after its commit was durable"
    );
    assert!(
        restores_checked > kills / 2,
        "too few kills landed after a dump"
    );
    assert!(
        max_gen >= 10,
        "the child made too little progress ({max_gen})"
    );
}
