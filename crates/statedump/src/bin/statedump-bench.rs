//! Benchmark: full dumps, 1% increments and restore-to-ready at a given heap size.
//!
//! Usage: `statedump-bench <blobs> <dir> [cache-MiB]` (build with --release). One
//! process per size so the peak RSS (VmHWM) is that size's. Blobs are 500..700 bytes
//! of incompressible data; table 0 holds one 16-byte entry per blob (an object table).
//!
//! Sequence: populate; full dump F; restore F. Then three rounds of (1% of blobs
//! changed, a quarter of the old dump migrated by the pacer, increment): partial
//! increments P1..P3 in a new file whose secondary is F; restore the pair (full + 3
//! increments, lazy). Then the migration finishes (one increment writes the full
//! tables), a steady increment, and an in-place full dump.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use statedump::{restore, DumpKind, Dumper, RestoreOptions, TableDelta, TableSource};
use swap::io::{RealFs, Vfs};
use swap::{Config, Swap};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn blob(&mut self) -> Vec<u8> {
        let n = 500 + (self.next() % 201) as usize;
        let mut v = Vec::with_capacity(n + 8);
        while v.len() < n {
            v.extend_from_slice(&self.next().to_le_bytes());
        }
        v.truncate(n);
        v
    }
}

/// The object table: key → 16 bytes.
struct ObjTable(Vec<[u8; 16]>);
impl TableSource for ObjTable {
    fn visit(&self, f: &mut dyn FnMut(u32, u64, &[u8])) {
        for (k, v) in self.0.iter().enumerate() {
            f(0, k as u64, v);
        }
    }
}

fn peak_rss_mib() -> f64 {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    for l in s.lines() {
        if let Some(v) = l.strip_prefix("VmHWM:") {
            let kb: f64 = v
                .trim()
                .trim_end_matches("kB")
                .trim()
                .parse()
                .unwrap_or(0.0);
            return kb / 1024.0;
        }
    }
    0.0
}

/// Nanoseconds this thread spent waiting for a CPU while runnable (machine contention).
fn runq_wait_ms() -> f64 {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    let w: f64 = s
        .split_whitespace()
        .nth(1)
        .and_then(|x| x.parse().ok())
        .unwrap_or(0.0);
    w / 1e6
}

fn file_len(p: &Path) -> u64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

fn mib(b: u64) -> f64 {
    b as f64 / (1024.0 * 1024.0)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let dir = args.next().unwrap_or_else(|| "/tmp/statedump-bench".into());
    let cache_mib: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(64);
    let dir = Path::new(&dir);
    if n == 0 {
        // Profile mode: restore the dump left in <dir> by a run with KEEP=1.
        let vfs: Arc<dyn Vfs> = Arc::new(RealFs);
        for _ in 0..3 {
            let t = Instant::now();
            let l = statedump::load(&*vfs, &dir.join("dump"), Some(&dir.join("dump.old")))
                .expect("load");
            let lt = t.elapsed().as_secs_f64() * 1e3;
            drop(l);
            if std::env::var_os("LOAD_ONLY").is_some() {
                println!("load {lt:.1} ms");
                continue;
            }
            let t = Instant::now();
            let r = restore(
                vfs.clone(),
                &RestoreOptions {
                    dump_path: dir.join("dump"),
                    secondary: Some(dir.join("dump.old")),
                    swap_path: dir.join("restore.swap"),
                    swap_config: Config::default(),
                },
            )
            .expect("restore");
            println!(
                "load {lt:.1} ms, restore {:.1} ms",
                t.elapsed().as_secs_f64() * 1e3
            );
            drop(r);
        }
        return;
    }
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).expect("create bench dir");
    let vfs: Arc<dyn Vfs> = Arc::new(RealFs);
    let cfg = Config {
        cache_bytes: cache_mib << 20,
        ..Config::default()
    };
    let dump = dir.join("dump");
    let old = dir.join("dump.old");
    let swapf = dir.join("swap");
    let mut rng = Rng(42);
    let mut swap = Swap::create_in(vfs.clone(), &swapf, cfg.clone()).expect("swap");
    let mut dumper = Dumper::new(vfs.clone(), &dump, &swapf);
    let mut table = ObjTable(Vec::with_capacity(n as usize));
    let t = Instant::now();
    for k in 0..n {
        swap.put(k, rng.blob()).expect("put");
        let mut e = [0u8; 16];
        e[..8].copy_from_slice(&k.to_le_bytes());
        table.0.push(e);
    }
    println!("blobs {n}  cache {cache_mib} MiB");
    println!(
        "populate                 {:>9.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let mut gen_root = 0u64;
    let mut do_dump = |swap: &mut Swap,
                       dumper: &mut Dumper,
                       kind,
                       delta,
                       table: &ObjTable,
                       label: &str| {
        gen_root += 1;
        let w0 = runq_wait_ms();
        let t = Instant::now();
        let r = dumper
            .dump(swap, kind, delta, table, &gen_root.to_le_bytes())
            .expect("dump");
        let ms = t.elapsed().as_secs_f64() * 1e3;
        let wait = runq_wait_ms() - w0;
        println!(
            "{label:<24} {ms:>9.1} ms  (waited for CPU {wait:.0} ms)  appended {:>8.2} MiB  map entries {:>8}  table entries {:>8}{}",
            mib(r.bytes_appended),
            r.map_entries,
            r.table_entries,
            if r.partial { "  partial" } else { "" }
        );
        let tm = r.timings;
        println!(
            "  (flush {:.0}, migrate {:.0}, records {:.0}, fsync {:.0}, rename {:.0}, rotate {:.0} ms)",
            tm.flush_us as f64 / 1e3,
            tm.migrate_us as f64 / 1e3,
            tm.records_us as f64 / 1e3,
            tm.sync_us as f64 / 1e3,
            tm.rename_us as f64 / 1e3,
            tm.rotate_us as f64 / 1e3
        );
        r
    };
    do_dump(
        &mut swap,
        &mut dumper,
        DumpKind::Full,
        TableDelta::new(),
        &table,
        "full dump (blocks)",
    );
    println!("  dump file              {:>9.2} MiB", mib(file_len(&dump)));

    let time_restore = |label: &str, secondary: Option<&Path>| {
        let w0 = runq_wait_ms();
        let t = Instant::now();
        let r = restore(
            vfs.clone(),
            &RestoreOptions {
                dump_path: dump.clone(),
                secondary: secondary.map(Path::to_path_buf),
                swap_path: dir.join("restore.swap"),
                swap_config: cfg.clone(),
            },
        )
        .expect("restore");
        let ms = t.elapsed().as_secs_f64() * 1e3;
        let wait = runq_wait_ms() - w0;
        let mut r = r;
        // First task: one blob read.
        let t2 = Instant::now();
        let _ = r.swap.get(n / 2).expect("get");
        println!(
            "{label:<24} {ms:>9.1} ms  (waited for CPU {wait:.0} ms)  (+{:.2} ms first blob)  objects {}  table entries {}  commits {}",
            t2.elapsed().as_secs_f64() * 1e3,
            r.info.objects,
            r.info.table_entries,
            r.info.commits
        );
        drop(r);
        let _ = std::fs::remove_file(dir.join("restore.swap"));
    };
    time_restore("restore full", None);

    let change = |swap: &mut Swap, table: &mut ObjTable, rng: &mut Rng, round: u8| -> TableDelta {
        let mut d = TableDelta::new();
        for _ in 0..(n / 100).max(1) {
            let k = rng.next() % n;
            swap.put(k, rng.blob()).expect("put");
            let mut e = [round; 16];
            e[..8].copy_from_slice(&k.to_le_bytes());
            table.0[k as usize] = e;
            d.upsert(0, k, e.to_vec());
        }
        d
    };
    let quarter = (n / 4) as usize;
    for round in 1..=3u8 {
        let d = change(&mut swap, &mut table, &mut rng, round);
        let t = Instant::now();
        let mut moved = 0;
        while moved < quarter {
            let m = swap
                .migrate_step(4096.min(quarter - moved))
                .expect("migrate");
            if m == 0 {
                break;
            }
            moved += m;
        }
        let mig_ms = t.elapsed().as_secs_f64() * 1e3;
        let r = do_dump(
            &mut swap,
            &mut dumper,
            DumpKind::Increment,
            d,
            &table,
            &format!("1% increment P{round}"),
        );
        println!(
            "  (pacer moved {moved} blobs in {mig_ms:.0} ms before it; {} left)",
            r.pending_migration
        );
    }
    println!(
        "  dump file              {:>9.2} MiB  secondary {:.2} MiB",
        mib(file_len(&dump)),
        mib(file_len(&old))
    );
    time_restore("restore full + 3 incr", Some(&old));
    if std::env::var_os("STOP_AFTER_PARTIAL").is_some() {
        return;
    }

    swap.migrate_all().expect("migrate_all");
    let d = change(&mut swap, &mut table, &mut rng, 4);
    do_dump(
        &mut swap,
        &mut dumper,
        DumpKind::Increment,
        d,
        &table,
        "increment (migr. done)",
    );
    for round in 5..=7u8 {
        let d = change(&mut swap, &mut table, &mut rng, round);
        do_dump(
            &mut swap,
            &mut dumper,
            DumpKind::Increment,
            d,
            &table,
            &format!("1% increment S{}", round - 4),
        );
    }
    time_restore("restore 6-commit chain", None);
    let d = change(&mut swap, &mut table, &mut rng, 8);
    do_dump(
        &mut swap,
        &mut dumper,
        DumpKind::Full,
        d,
        &table,
        "full dump (in place)",
    );
    println!("  dump file              {:>9.2} MiB", mib(file_len(&dump)));
    time_restore("restore full (2nd)", None);
    println!("peak RSS                 {:>9.1} MiB", peak_rss_mib());
    if std::env::var_os("KEEP").is_none() {
        let _ = std::fs::remove_dir_all(dir);
    }
}
