//! Fuzzing the compiler and interpreter with generated programs (issue 3: "no panic
//! on any program"). `vmfuzz/gen.rs` generates a small mudlib per seed, and
//! `vmfuzz/harness.rs` compiles and runs it under tick, depth and array limits, then
//! evicts and restores it. A panic, a hang or exhausted memory is a finding; LPC
//! errors are expected output.
//!
//! CI runs `generated_programs_never_panic` over a fixed range of seeds (bounded).
//! The long run is ignored: `VM_FUZZ_ITERS=100000 VM_FUZZ_SEED=1 cargo test --release
//! -p vm --test vm_fuzz -- --ignored --nocapture`.

#[path = "vmfuzz/gen.rs"]
mod gen;
#[path = "vmfuzz/harness.rs"]
mod harness;

use std::panic::{catch_unwind, AssertUnwindSafe};

fn run_seed(seed: u64) -> Result<String, String> {
    let files: Vec<(String, Vec<u8>)> = gen::programs(seed)
        .into_iter()
        .map(|(p, s)| (p, s.into_bytes()))
        .collect();
    let typechecking = [2u8, 2, 2, 1, 0][(seed % 5) as usize];
    let lim = harness::Limits {
        typechecking,
        ..harness::Limits::default()
    };
    catch_unwind(AssertUnwindSafe(|| {
        harness::run(&files, "/obj/m", &["main", "mf0", "mf1"], &lim)
    }))
    .map_err(|p| {
        let msg = p
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        let mut report = format!("seed {seed}: panic: {msg}\n");
        for (p, s) in &files {
            report.push_str(&format!("--- {p}\n{}\n", String::from_utf8_lossy(s)));
        }
        report
    })
}

/// Runs `n` seeds from `first`; returns (panics, compiled-and-ran count).
fn run_range(first: u64, n: u64) -> (Vec<String>, usize) {
    let mut panics = Vec::new();
    let mut ran = 0;
    let progress = std::env::var("VM_FUZZ_PROGRESS").is_ok();
    for seed in first..first + n {
        if progress {
            // the last seed printed names the culprit of an abort or a hang
            eprintln!("seed {seed}");
        }
        match run_seed(seed) {
            Ok(out) => {
                if !out.contains("compile failed") {
                    ran += 1;
                }
            }
            Err(r) => panics.push(r),
        }
    }
    (panics, ran)
}

#[test]
fn generated_programs_never_panic() {
    // silence the default hook's backtrace noise; failures are reported below
    let (panics, ran) = run_range(0, 500);
    assert!(panics.is_empty(), "{}", panics.join("\n"));
    // the generator must mostly produce programs that compile, or it tests little
    assert!(ran >= 250, "only {ran} of 500 generated programs compiled");
}

#[test]
#[ignore]
fn generated_programs_never_panic_long() {
    let n = std::env::var("VM_FUZZ_ITERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let first = std::env::var("VM_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let (panics, ran) = run_range(first, n);
    eprintln!(
        "{n} seeds from {first}: {ran} compiled and ran, {} panics",
        panics.len()
    );
    assert!(panics.is_empty(), "{}", panics.join("\n"));
}

/// Prints the program and output of one seed:
/// `VM_FUZZ_SHOW=7 cargo test -p vm --test vm_fuzz show_seed -- --ignored --nocapture`.
#[test]
#[ignore]
fn show_seed() {
    let seed = std::env::var("VM_FUZZ_SHOW")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    for (p, s) in gen::programs(seed) {
        println!("--- {p}\n{s}");
    }
    match run_seed(seed) {
        Ok(out) => println!("=== output\n{out}"),
        Err(r) => println!("=== PANIC\n{r}"),
    }
}

/// Runs one source as `/obj/m` with the fuzz limits; returns its output.
fn run_one(src: &str, func: &str) -> String {
    let files = vec![("/obj/m.c".to_string(), src.as_bytes().to_vec())];
    harness::run(&files, "/obj/m", &[func], &harness::Limits::default())
}

/// Found by the generator (seed 78): a creator that raises its depth limit with
/// `rlimits` and makes a new LWO of itself recursed through Rust (creators run in
/// a nested interpreter loop) until the Rust stack overflowed and the process
/// aborted. Now the nesting is bounded: "Stack overflow", caught like any error.
#[test]
fn lwo_creator_recursion_under_rlimits_is_stack_overflow() {
    let out = run_one(
        "static void create() { rlimits (50; 0) { new_object(find_object(\"/obj/m\")); } }\n\
         void main() { out(\"main\"); }\n",
        "main",
    );
    assert!(out.contains("Error: Stack overflow"), "output: {out:?}");
}

/// Found by the generator (seed 53): a creator calling `compile_object` on its own
/// object recompiled it again and again in one task (tens of thousands of full
/// compilations, minutes of CPU for 100,000 ticks). As in DGD, a master that is
/// already recompiled in this task is "already being upgraded".
#[test]
fn recompile_twice_in_one_task_is_an_error() {
    let out = run_one(
        "void main() { out(catch(compile_object(\"/obj/m\"))); \
         out(catch(compile_object(\"/obj/m\"))); }\n",
        "main",
    );
    assert!(
        out.starts_with("nil\n\"Object is already being upgraded\"\n"),
        "output: {out:?}"
    );
}

/// Writes the main object of generated programs as a seed corpus for the
/// cargo-fuzz target `compile_run`: `VM_FUZZ_CORPUS=DIR VM_FUZZ_ITERS=500`.
#[test]
#[ignore]
fn write_corpus() {
    let Ok(dir) = std::env::var("VM_FUZZ_CORPUS") else {
        return;
    };
    let n: u64 = std::env::var("VM_FUZZ_ITERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(500);
    std::fs::create_dir_all(&dir).expect("corpus dir");
    for seed in 0..n {
        for (p, s) in gen::programs(seed) {
            let name = format!(
                "{dir}/gen-{seed}-{}",
                p.trim_start_matches("/obj/").replace(".c", "")
            );
            std::fs::write(name, s).expect("write corpus file");
        }
    }
}
