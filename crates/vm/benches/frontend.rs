//! Front-end throughput (preprocess + parse + typecheck), in MB/s.
//!
//! `cargo bench -p vm --bench frontend` runs over a corpus: the mudlib named by
//! `LPC_BENCH_ROOT` (every `.c` under it, kernel library settings: include dir
//! `/include`, include file `/include/std.h`, auto object `/kernel/lib/auto`,
//! driver `/kernel/sys/driver`), or else the golden test sources. Reports the
//! median of several runs and the time for 200 KB of source.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;
use vm::ast::Bytes;
use vm::preprocess::{generated_headers, IncludeResolver, MemResolver, PpOptions};
use vm::typecheck::{FrontEnd, StdKfuns, TcOptions};

fn collect(dir: &Path, root: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, root, out);
        } else if let Ok(b) = std::fs::read(&p) {
            let rel = p
                .strip_prefix(root)
                .unwrap_or(&p)
                .to_string_lossy()
                .into_owned();
            out.push((format!("/{rel}"), b));
        }
    }
}

struct Corpus {
    files: HashMap<String, Bytes>,
    programs: Vec<String>,
    bytes: usize,
    pp: PpOptions,
    tc: TcOptions,
}

fn corpus() -> Corpus {
    let mut files = HashMap::new();
    let mut programs = Vec::new();
    if let Some(root) = std::env::var_os("LPC_BENCH_ROOT") {
        let root = PathBuf::from(root);
        let mut all = Vec::new();
        let mut bytes = 0;
        collect(&root, &root, &mut all);
        for (p, b) in all {
            if p.ends_with(".c") {
                programs.push(p.clone());
            }
            if p.ends_with(".c") || p.ends_with(".h") {
                bytes += b.len();
            }
            files.insert(p, Arc::from(b));
        }
        for (n, t) in generated_headers() {
            files
                .entry(format!("/include/{n}"))
                .or_insert_with(|| Arc::from(t.into_bytes()));
        }
        return Corpus {
            files,
            programs,
            bytes,
            pp: PpOptions {
                include_dirs: vec!["/include".into()],
                include_file: Some("/include/std.h".into()),
                ..PpOptions::default()
            },
            tc: TcOptions {
                typechecking: 2,
                auto_object: Some("/kernel/lib/auto".into()),
                driver_object: Some("/kernel/sys/driver".into()),
            },
        };
    }
    // fallback: the golden sources, each file of each case
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden-frontend");
    let mut all = Vec::new();
    collect(&dir, &dir, &mut all);
    for (i, (p, b)) in all.into_iter().enumerate() {
        if !p.ends_with(".lpc") {
            continue;
        }
        let text = String::from_utf8_lossy(&b).into_owned();
        let mut cur: Option<(String, String)> = None;
        for line in text.split_inclusive('\n') {
            if let Some(name) = line.strip_prefix("//--- ") {
                if let Some((n, t)) = cur.take() {
                    files.insert(n, Arc::from(t.into_bytes()));
                }
                let name = format!("/case{i}{}", name.trim());
                if name.ends_with(".c")
                    && !programs
                        .iter()
                        .any(|p: &String| p.starts_with(&format!("/case{i}/")))
                {
                    programs.push(name.clone());
                }
                cur = Some((name, String::new()));
            } else if let Some((_, t)) = cur.as_mut() {
                t.push_str(line);
            }
        }
        if let Some((n, t)) = cur.take() {
            files.insert(n, Arc::from(t.into_bytes()));
        }
    }
    let bytes = files.values().map(|b| b.len()).sum();
    Corpus {
        files,
        programs,
        bytes,
        pp: PpOptions::default(),
        tc: TcOptions {
            typechecking: 2,
            ..TcOptions::default()
        },
    }
}

/// Process CPU time (user + system) in seconds, from /proc (Linux); the
/// machine may be shared, so CPU time is the steadier figure.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = f.get(11)?.parse().ok()?;
    let stime: f64 = f.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn main() {
    let c = corpus();
    let cpu0 = cpu_seconds();
    let runs = 31;
    let mut times = Vec::with_capacity(runs);
    let mut diags = 0;
    for _ in 0..runs {
        let mut mem = MemResolver {
            files: c.files.clone(),
        };
        let res: &mut dyn IncludeResolver = &mut mem;
        let start = Instant::now();
        let mut fe = FrontEnd::new(res, c.pp.clone(), c.tc.clone(), Arc::new(StdKfuns::new()));
        diags = 0;
        for p in &c.programs {
            if let Ok(r) = fe.compile(p) {
                diags += r.diags.len();
            }
        }
        times.push(start.elapsed());
    }
    let cpu = match (cpu0, cpu_seconds()) {
        (Some(a), Some(b)) => Some((b - a) / runs as f64),
        _ => None,
    };
    times.sort();
    let median = times[runs / 2];
    let secs = median.as_secs_f64();
    let mb = c.bytes as f64 / 1e6;
    println!(
        "frontend: {} programs, {} bytes of source, {} diagnostics",
        c.programs.len(),
        c.bytes,
        diags
    );
    println!(
        "median of {runs}: {:.3} ms, {:.1} MB/s, 200 KB in {:.2} ms (min {:.3} ms, max {:.3} ms)",
        secs * 1e3,
        mb / secs,
        0.2 / (mb / secs) * 1e3,
        times[0].as_secs_f64() * 1e3,
        times[runs - 1].as_secs_f64() * 1e3
    );
    if let Some(cpu) = cpu {
        println!(
            "CPU time per run: {:.2} ms, {:.1} MB/s of CPU, 200 KB in {:.2} ms of CPU",
            cpu * 1e3,
            mb / cpu,
            0.2 / (mb / cpu) * 1e3
        );
    }
}
