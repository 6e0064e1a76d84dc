//! Fuzzes `parse_string()`: the input is split at its first NUL byte into a
//! grammar and a string to parse (no NUL: the whole input is the grammar, and
//! it also parses itself). Both become string constants of a small program
//! whose `main()` calls `parse_string(grammar, string, 3)`; the program also
//! defines callbacks `f` (keeps the pieces), `r` (rejects) and `c` (counts)
//! so that `? f` rules run LPC. Ticks, depth and array size are limited
//! (`tests/vmfuzz/harness.rs`). No input may panic, hang or exhaust memory.
//! Run: `cd crates/vm/fuzz && cargo +nightly fuzz run parse_string`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/vmfuzz/harness.rs"]
mod harness;

fn lpc_string(b: &[u8]) -> Vec<u8> {
    let mut out = vec![b'"'];
    vm::lex::escape_into(b, &mut out);
    out.push(b'"');
    out
}

fuzz_target!(|data: &[u8]| {
    let (grammar, input) = match data.iter().position(|&c| c == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, data),
    };
    let mut src = b"int n;\nmixed *f(mixed *a) { return a; }\n\
mixed *r(mixed *a) { return nil; }\n\
mixed *c(mixed *a) { n++; return ({ n }); }\n\
mixed main() { return parse_string("
        .to_vec();
    src.extend(lpc_string(grammar));
    src.extend_from_slice(b", ");
    src.extend(lpc_string(input));
    src.extend_from_slice(b", 3); }\n");
    let files = vec![("/obj/m.c".to_string(), src)];
    let _ = harness::run(&files, "/obj/m", &["main"], &harness::Limits::default());
});
