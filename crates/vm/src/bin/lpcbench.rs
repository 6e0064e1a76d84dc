//! `lpcbench [RUNS] [FILTER]`: the fixed LPC workloads of the interpreter issue, each
//! run in one task on a fresh VM; prints the median of RUNS runs in milliseconds.
//! With `LPCBENCH_DUMP` set, prints each benchmark's bytecode to stderr first.

use std::path::Path;
use std::time::Instant;
use vm::host::{MemStore, TestHost};
use vm::interp::{Config, Vm};
use vm::value::Value;

/// CPU time of this thread in ms (Linux schedstat), so results mean something on a
/// loaded machine; None elsewhere.
fn cpu_ms() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e6)
}

fn bench(name: &str, file: &str, func: &str, args: Vec<Value>, runs: usize) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/lpc");
    let src = match std::fs::read(dir.join(file)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{file}: {e}");
            return;
        }
    };
    let mut times = Vec::new();
    let mut cpu = Vec::new();
    let mut result = Value::Nil;
    for _ in 0..runs {
        let cfg = Config {
            max_ticks: -1,
            max_depth: 0,
            array_size: 1_000_000,
            ..Config::default()
        };
        let mut vm = Vm::new(
            cfg,
            Box::new(TestHost::new()),
            Box::new(MemStore::default()),
        );
        let obj = match vm.compile_object_task("/bench", Some(&src)) {
            Ok(o) => o,
            Err(e) => {
                eprintln!("{name}: compile: {}", e.message);
                return;
            }
        };
        if std::env::var("LPCBENCH_DUMP").is_ok() {
            if let Some(o) = vm.objects.get(obj) {
                for f in &o.prog.funcs {
                    eprintln!("{}: {:?}", f.name, f.code);
                }
            }
        }
        let t = Instant::now();
        let c0 = cpu_ms();
        match vm.call(obj, func, args.clone()) {
            Ok(v) => result = v,
            Err(e) => {
                eprintln!("{name}: {}", e.message);
                return;
            }
        }
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        if let (Some(a), Some(b)) = (c0, cpu_ms()) {
            cpu.push(b - a);
        }
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let med = times[times.len() / 2];
    cpu.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let cmed = cpu.get(cpu.len() / 2).copied().unwrap_or(f64::NAN);
    println!("{name:<28} wall {med:>9.1} ms   cpu {cmed:>9.1} ms   (result {result:?})");
}

fn main() {
    let mut args = std::env::args().skip(1);
    let runs: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(3);
    let filter = args.next().unwrap_or_default();
    let list: Vec<(&str, &str, &str, Vec<Value>)> = vec![
        ("loop 10^8", "loop.c", "run", vec![]),
        ("fib(27)", "fib.c", "run27", vec![]),
        ("fib(30)", "fib.c", "run30", vec![]),
        ("appends 10^6", "appends.c", "run", vec![]),
        ("string builds 10^6", "strings.c", "run", vec![]),
        (
            "int-key mappings 25000",
            "mapint.c",
            "run",
            vec![Value::Int(25000)],
        ),
        (
            "string-key mappings 25000",
            "mapstr.c",
            "run",
            vec![Value::Int(25000)],
        ),
        (
            "int-key mappings 1000",
            "mapint.c",
            "run",
            vec![Value::Int(1000)],
        ),
        (
            "string-key mappings 1000",
            "mapstr.c",
            "run",
            vec![Value::Int(1000)],
        ),
        ("clone+destruct 10^6", "clone.c", "run", vec![]),
        ("parse_string cmd 10^4", "parse.c", "run_cmd", vec![]),
        ("parse_string list 900x100", "parse.c", "run_list", vec![]),
        ("parse_string ambiguous 10^3", "parse.c", "run_amb", vec![]),
    ];
    for (name, file, func, a) in list {
        if !filter.is_empty() && !name.contains(&filter) {
            continue;
        }
        bench(name, file, func, a, runs);
    }
}
