//! Fuzzes the compiler and interpreter: the input is compiled as the object
//! `/obj/m` (it may inherit or call itself as `/obj/a`, `/obj/b`, the same bytes),
//! then `main()` and `create()` are called under tick, depth and array-size limits,
//! its call_outs run, and every object is evicted and restored
//! (`tests/vmfuzz/harness.rs`). No input may panic, hang or exhaust memory.
//! Run: `cd crates/vm/fuzz && cargo +nightly fuzz run compile_run`; seed the corpus
//! with generated programs: `VM_FUZZ_CORPUS=fuzz/corpus/compile_run cargo test -p vm
//! --test vm_fuzz write_corpus -- --ignored`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/vmfuzz/harness.rs"]
mod harness;

fuzz_target!(|data: &[u8]| {
    let files = vec![
        ("/obj/m.c".to_string(), data.to_vec()),
        ("/obj/a.c".to_string(), data.to_vec()),
        ("/obj/b.c".to_string(), data.to_vec()),
    ];
    let _ = harness::run(&files, "/obj/m", &["main", "create"], &harness::Limits::default());
});
