//! Benchmarks of the swap store (a plain binary: `cargo bench -p swap --bench swapbench`).
//!
//! Scenarios (each run in its own process so peak RSS is per scenario; every scenario
//! is repeated RUNS times and medians are printed):
//! - `write`: put N blobs of ~600 bytes through a cache of BUDGET bytes, flush, fsync.
//! - `cold`: the file of `write`, blob cache empty and the file dropped from the OS
//!   page cache; get every blob (random order).
//! - `warm`: every blob resident; get every blob (random order).
//! - `pacer`: N blobs in a backing file, migrated with `migrate_step(STEP)`; reports
//!   the longest single step.
//! - `rss`: a stored heap of 10x the cache budget written and read back twice; peak RSS.
//! - `zstd`: compression speed and ratio by blob size (to choose `compress_min`).
//!
//! Environment: SWAPBENCH_N (default 1000000), SWAPBENCH_RUNS (3), SWAPBENCH_DIR
//! (default the system temp dir), SWAPBENCH_STEP (128).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use swap::{Config, Home, Pacer, Swap};

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A pool of object-like bytes (a header, small integers, strings, noise) that blobs
/// are cut from, so generating a blob costs little next to storing it.
fn pool() -> &'static [u8] {
    static POOL: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let mut v = Vec::with_capacity(1 << 20);
        while v.len() < (1 << 20) {
            match next() % 4 {
                0 => v.extend_from_slice(b"/obj/room#"),
                1 => v.extend_from_slice(&(next() % 1000).to_le_bytes()[..4]),
                2 => v.push((next() % 256) as u8),
                _ => v.extend_from_slice(&next().to_le_bytes()),
            }
        }
        v
    })
}

/// A ~600-byte blob (500..700 bytes) for `key`: the key, then a slice of the pool.
fn blob(key: u64) -> Vec<u8> {
    let h = key.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let len = 500 + (h % 201) as usize;
    let start = ((h >> 20) % ((1 << 20) - 1000)) as usize;
    let mut v = Vec::with_capacity(len);
    v.extend_from_slice(&key.to_le_bytes());
    v.extend_from_slice(&pool()[start..start + len - 8]);
    v
}

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).map(|n| n.parse().unwrap_or(0)))
        })
        .unwrap_or(0)
}

/// CPU seconds (user + system) this process used so far.
fn cpu_secs() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let rest = s.rsplit_once(')')?.1.to_string();
            let f: Vec<&str> = rest.split_whitespace().collect();
            let u: f64 = f.get(11)?.parse().ok()?;
            let k: f64 = f.get(12)?.parse().ok()?;
            Some((u + k) / 100.0)
        })
        .unwrap_or(0.0)
}

/// Nanoseconds this thread has been on a CPU.
fn thread_cpu_ns() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec into the valid pointer we pass.
    let r = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if r != 0 {
        return 0;
    }
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

/// CPU seconds (user + system) used by waited-for children so far.
fn children_cpu_secs() -> f64 {
    // SAFETY: getrusage fills the rusage struct we pass; zeroed is a valid value.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: valid pointer to a rusage.
    if unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut ru) } != 0 {
        return 0.0;
    }
    let t = |tv: libc::timeval| tv.tv_sec as f64 + tv.tv_usec as f64 / 1e6;
    t(ru.ru_utime) + t(ru.ru_stime)
}

thread_local! {
    static LAST_DD_CPU: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

/// Runs dd and returns its bytes per second (parsed from its summary line).
fn dd(args: &[String]) -> f64 {
    let c0 = children_cpu_secs();
    let out = Command::new("dd").args(args).output();
    LAST_DD_CPU.with(|c| c.set(children_cpu_secs() - c0));
    let Ok(out) = out else { return 0.0 };
    let text = String::from_utf8_lossy(&out.stderr);
    let line = text.lines().last().unwrap_or("");
    // "N bytes (...) copied, S s, R MB/s"
    let bytes: f64 = line
        .split_whitespace()
        .next()
        .and_then(|b| b.parse().ok())
        .unwrap_or(0.0);
    let secs: f64 = line
        .split(", ")
        .nth(2)
        .and_then(|t| t.trim_end_matches(" s").parse().ok())
        .unwrap_or(0.0);
    if secs > 0.0 {
        bytes / secs
    } else {
        0.0
    }
}

/// dd's sequential write bandwidth (MB/s) for `mb` MiB with fdatasync, in `dir`.
fn dd_write(dir: &Path, mb: u64) -> f64 {
    let f = dir.join("dd.bin");
    let r = dd(&[
        "if=/dev/zero".into(),
        format!("of={}", f.display()),
        "bs=1M".into(),
        format!("count={mb}"),
        "conv=fdatasync".into(),
    ]);
    r / 1e6
}

/// dd's sequential read bandwidth (MB/s) of the file written by `dd_write`, from disk.
fn dd_read(dir: &Path) -> f64 {
    let f = dir.join("dd.bin");
    drop_page_cache(&f);
    let r = dd(&[
        format!("if={}", f.display()),
        "of=/dev/null".into(),
        "bs=1M".into(),
    ]);
    let _ = std::fs::remove_file(&f);
    r / 1e6
}

fn drop_page_cache(path: &Path) {
    // GNU dd with iflag=nocache count=0 asks the kernel to drop the file's pages.
    let _ = Command::new("dd")
        .arg(format!("if={}", path.display()))
        .arg("iflag=nocache")
        .arg("count=0")
        .stderr(std::process::Stdio::null())
        .status();
}

fn shuffled(n: u64) -> Vec<u64> {
    let mut v: Vec<u64> = (0..n).collect();
    let mut x = 88172645463325252u64;
    for i in (1..v.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v.swap(i, (x % (i as u64 + 1)) as usize);
    }
    v
}

fn mb(bytes: u64, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}

thread_local! {
    static LAST_WRITE_CPU: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

fn write_file(dir: &Path, n: u64, budget: usize) -> (Swap, Duration, u64) {
    let cfg = Config {
        cache_bytes: budget,
        ..Config::default()
    };
    let mut s = Swap::create(dir.join("swapfile"), cfg).expect("create");
    let mut payload = 0u64;
    let c0 = cpu_secs();
    let t = Instant::now();
    for k in 0..n {
        let b = blob(k);
        payload += b.len() as u64;
        s.put(k, b).expect("put");
    }
    let puts = t.elapsed();
    s.flush().expect("flush");
    let flushed = t.elapsed();
    s.sync().expect("sync");
    LAST_WRITE_CPU.with(|c| c.set(cpu_secs() - c0));
    if std::env::var("SWAPBENCH_VERBOSE").is_ok() {
        eprintln!(
            "write phases: puts {:.3}s flush {:.3}s sync {:.3}s cpu {:.3}s",
            puts.as_secs_f64(),
            (flushed - puts).as_secs_f64(),
            (t.elapsed() - flushed).as_secs_f64(),
            cpu_secs() - c0
        );
    }
    (s, t.elapsed(), payload)
}

fn scenario(name: &str, dir: &Path) {
    let n = env_usize("SWAPBENCH_N", 1_000_000) as u64;
    let budget = 64 << 20;
    match name {
        "write" => {
            // dd first, same size, same moment: the disk's sequential bandwidth.
            let file_mb = (n * 1024) >> 20;
            let dd_mbps = dd_write(dir, file_mb.max(1));
            let dd_cpu = LAST_DD_CPU.with(|c| c.get());
            let _ = std::fs::remove_file(dir.join("dd.bin"));
            let (s, d, payload) = write_file(dir, n, budget);
            let file = s.end_offset();
            println!(
                "RESULT write secs={:.3} cpu_secs={:.3} dd_cpu_secs={:.3} payload_MBps={:.1} file_MBps={:.1} dd_write_MBps={:.1} file_vs_dd={:.2} blobs_per_s={:.0} write_calls={} peak_rss_MB={}",
                d.as_secs_f64(),
                LAST_WRITE_CPU.with(|c| c.get()),
                dd_cpu,
                mb(payload, d),
                mb(file, d),
                dd_mbps,
                mb(file, d) / dd_mbps.max(1e-9),
                n as f64 / d.as_secs_f64(),
                s.stats().write_calls,
                peak_rss_kb() / 1024
            );
        }
        "cold" => {
            let (mut s, _, payload) = write_file(dir, n, budget);
            let file = s.end_offset();
            s.swapout().expect("swapout");
            let path = dir.join("swapfile");
            dd_write(dir, (file >> 20).max(1));
            let dd_mbps = dd_read(dir);
            let dd_cpu = LAST_DD_CPU.with(|c| c.get());
            // In key order (= file order: how a restore reads everything back).
            drop_page_cache(&path);
            let c0 = cpu_secs();
            let t = Instant::now();
            let mut sum = 0u64;
            for k in 0..n {
                sum += s.get(k).expect("get").expect("present").len() as u64;
            }
            let seq = t.elapsed();
            let seq_cpu = cpu_secs() - c0;
            assert_eq!(sum, payload);
            // In random order.
            s.swapout().expect("swapout");
            drop_page_cache(&path);
            let t = Instant::now();
            for &k in &shuffled(n) {
                s.get(k).expect("get").expect("present");
            }
            let rnd = t.elapsed();
            println!(
                "RESULT cold keyorder_secs={:.3} keyorder_cpu_secs={:.3} dd_read_cpu_secs={:.3} keyorder_payload_MBps={:.1} keyorder_file_MBps={:.1} dd_read_MBps={:.1} file_vs_dd={:.2} random_secs={:.3} random_payload_MBps={:.1} peak_rss_MB={}",
                seq.as_secs_f64(),
                seq_cpu,
                dd_cpu,
                mb(payload, seq),
                mb(file, seq),
                dd_mbps,
                mb(file, seq) / dd_mbps.max(1e-9),
                rnd.as_secs_f64(),
                mb(payload, rnd),
                peak_rss_kb() / 1024
            );
        }
        "warm" => {
            let (mut s, _, payload) = write_file(dir, n, 4 << 30);
            let order = shuffled(n);
            let t = Instant::now();
            let mut sum = 0u64;
            for &k in &order {
                sum += s.get(k).expect("get").expect("present").len() as u64;
            }
            let d = t.elapsed();
            assert_eq!(sum, payload);
            println!(
                "RESULT warm secs={:.3} payload_MBps={:.1} blobs_per_s={:.0} loads={} peak_rss_MB={}",
                d.as_secs_f64(),
                mb(payload, d),
                n as f64 / d.as_secs_f64(),
                s.stats().loads,
                peak_rss_kb() / 1024
            );
        }
        "pacer" => {
            let step = env_usize("SWAPBENCH_STEP", 128);
            let (mut s, _, _) = write_file(dir, n, budget);
            s.swapout().expect("swapout");
            s.rotate(dir.join("swapfile2")).expect("rotate");
            drop_page_cache(&dir.join("swapfile"));
            let pending = s.pending_migration();
            // Full-size steps back to back (the worst case a pacer can ask for), timed
            // on the wall clock and on the CPU (the machine is shared: the wall clock
            // includes time this thread waited for a core).
            let start = Instant::now();
            let mut wall: Vec<Duration> = Vec::new();
            let mut cpu: Vec<u64> = Vec::new();
            let mut guard = 0u64;
            while s.pending_migration() > 0 && guard < 100_000_000 {
                guard += 1;
                let c = thread_cpu_ns();
                let t = Instant::now();
                s.migrate_step(step).expect("migrate");
                wall.push(t.elapsed());
                cpu.push(thread_cpu_ns() - c);
            }
            let total = start.elapsed();
            if std::env::var("SWAPBENCH_VERBOSE").is_ok() {
                let mut idx: Vec<(u64, usize)> = cpu
                    .iter()
                    .copied()
                    .enumerate()
                    .map(|(i, c)| (c, i))
                    .collect();
                idx.sort_unstable_by(|a, b| b.cmp(a));
                eprintln!(
                    "slowest steps (cpu ns, index): {:?}",
                    &idx[..idx.len().min(12)]
                );
            }
            wall.sort();
            cpu.sort();
            let pick = |v: &[Duration], q: usize| {
                v.get((v.len() * q / 100).min(v.len().saturating_sub(1)))
                    .copied()
                    .unwrap_or_default()
                    .as_secs_f64()
                    * 1e3
            };
            let pickc = |v: &[u64], q: usize| {
                v.get((v.len() * q / 100).min(v.len().saturating_sub(1)))
                    .copied()
                    .unwrap_or_default() as f64
                    / 1e6
            };
            let over = wall
                .iter()
                .filter(|d| **d > Duration::from_millis(2))
                .count();
            let cpu_over = cpu.iter().filter(|&&c| c > 2_000_000).count();
            println!(
                "RESULT pacer blobs={pending} steps={} step_blobs={step} max_ms={:.3} p99_ms={:.3} median_ms={:.3} cpu_max_ms={:.3} cpu_p99_ms={:.3} cpu_median_ms={:.3} steps_over_2ms={over} cpu_steps_over_2ms={cpu_over} total_secs={:.2}",
                wall.len(),
                pick(&wall, 100),
                pick(&wall, 99),
                pick(&wall, 50),
                pickc(&cpu, 100),
                pickc(&cpu, 99),
                pickc(&cpu, 50),
                total.as_secs_f64()
            );
            let in_current = s
                .locations()
                .filter(|(_, h)| matches!(h, Home::Current(_)))
                .count();
            assert_eq!(in_current as u64, pending);
            // The pacer itself: quotas spread over an interval (shortened to 2 s here).
            let _ = Pacer::new(start, Duration::from_secs(2), pending, step);
        }
        "rss" => {
            // Heap = n blobs (~600 MB at 1M); budget = heap / 10.
            let heap = n * 600;
            let budget = (heap / 10) as usize;
            let before = peak_rss_kb();
            let (mut s, _, payload) = write_file(dir, n, budget);
            for _ in 0..2 {
                for &k in &shuffled(n) {
                    s.get(k).expect("get").expect("present");
                }
            }
            let st = s.stats();
            println!(
                "RESULT rss heap_MB={} budget_MB={} resident_MB={} keys={} peak_rss_MB={} baseline_MB={}",
                payload / 1_000_000,
                budget / 1_000_000,
                st.resident_bytes / 1_000_000,
                st.keys,
                peak_rss_kb() / 1024,
                before / 1024
            );
        }
        "zstd" => {
            let level: i32 = std::env::var("SWAPBENCH_LEVEL")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(1);
            for size in [256usize, 600, 1024, 2048, 4096, 16384, 65536] {
                let mut data = Vec::new();
                let mut k = 0;
                while data.len() < size {
                    data.extend_from_slice(&blob(k));
                    k += 1;
                }
                data.truncate(size);
                let reps = ((20_000_000 / size) as u64 * n / 1_000_000).max(10) as usize;
                let mut cz = zstd::bulk::Compressor::new(level).expect("zstd");
                let mut dz = zstd::bulk::Decompressor::new().expect("zstd");
                let t = Instant::now();
                let c0 = cpu_secs();
                let mut clen = 0;
                for _ in 0..reps {
                    clen = cz.compress(&data).expect("zstd").len();
                }
                let c = t.elapsed() / reps as u32;
                let ccpu = (cpu_secs() - c0) / reps as f64;
                let comp = cz.compress(&data).expect("zstd");
                let t = Instant::now();
                for _ in 0..reps {
                    let _ = dz.decompress(&comp, size).expect("unzstd");
                }
                let dz = t.elapsed() / reps as u32;
                println!(
                    "RESULT zstd level={level} size={size} ratio={:.2} compress_cpu_us={:.2} compress_us={:.2} compress_MBps={:.0} decompress_us={:.2}",
                    clen as f64 / size as f64,
                    ccpu * 1e6,
                    c.as_secs_f64() * 1e6,
                    mb(size as u64, c),
                    dz.as_secs_f64() * 1e6
                );
            }
        }
        other => eprintln!("unknown scenario {other}"),
    }
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --all-targets` runs this binary with no
    // arguments: then only a quick smoke run (small N, one run each) so tests stay fast.
    let bench_mode = std::env::args().any(|a| a == "--bench");
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let base = std::env::var("SWAPBENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| std::env::temp_dir());
    if let Some(pos) = args.iter().position(|a| a == "--scenario") {
        let name = args.get(pos + 1).cloned().unwrap_or_default();
        let dir = tempfile::tempdir_in(&base).expect("tempdir");
        scenario(&name, dir.path());
        return;
    }
    let smoke = !bench_mode && std::env::var("SWAPBENCH_N").is_err();
    let runs = if smoke {
        1
    } else {
        env_usize("SWAPBENCH_RUNS", 3)
    };
    let list: Vec<String> = if args.is_empty() {
        ["zstd", "write", "cold", "warm", "pacer", "rss"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    } else {
        args
    };
    let exe = std::env::current_exe().expect("exe");
    for name in list {
        let mut lines = Vec::new();
        for _ in 0..runs {
            let mut cmd = Command::new(&exe);
            cmd.arg("--scenario").arg(&name);
            if smoke {
                cmd.env("SWAPBENCH_N", "2000");
            }
            let out = cmd.output().expect("spawn");
            let text = String::from_utf8_lossy(&out.stdout).to_string();
            if !out.status.success() {
                eprintln!("{name} failed: {}", String::from_utf8_lossy(&out.stderr));
                std::process::exit(1);
            }
            for l in text.lines().filter(|l| l.starts_with("RESULT")) {
                println!("{l}");
                lines.push(l.to_string());
            }
        }
        print_medians(&name, &lines);
    }
}

/// Prints the median of every numeric field over the runs (grouped by the fields that
/// are not numbers, e.g. zstd size).
fn print_medians(name: &str, lines: &[String]) {
    use std::collections::BTreeMap;
    let mut groups: BTreeMap<String, BTreeMap<String, Vec<f64>>> = BTreeMap::new();
    for l in lines {
        let mut key = String::new();
        let mut fields = Vec::new();
        for tok in l.split_whitespace().skip(2) {
            if let Some((k, v)) = tok.split_once('=') {
                if k == "size" {
                    key = tok.to_string();
                }
                if let Ok(x) = v.parse::<f64>() {
                    fields.push((k.to_string(), x));
                }
            }
        }
        let g = groups.entry(key).or_default();
        for (k, x) in fields {
            g.entry(k).or_default().push(x);
        }
    }
    for (key, fields) in groups {
        let mut s = format!("MEDIAN {name} {key}");
        for (k, mut xs) in fields {
            xs.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
            s.push_str(&format!(" {k}={}", xs[xs.len() / 2]));
        }
        println!("{s}");
    }
}
