//! Fuzzes the whole front end (preprocessor, lexer, parser, typechecker and
//! the tree printer): no input may panic, hang or exhaust memory.
//! Run: `cd crates/vm/fuzz && cargo +nightly fuzz run frontend`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::Arc;
use vm::preprocess::{MemResolver, PpOptions};
use vm::typecheck::{FrontEnd, StdKfuns, TcOptions};

fuzz_target!(|data: &[u8]| {
    let mut mem = MemResolver::default();
    mem.files.insert("/obj/x.c".into(), Arc::from(data));
    // the input is also an include file and an inheritable program, so
    // recursive includes and inheritance cycles are exercised
    mem.files.insert("/include/x.h".into(), Arc::from(data));
    mem.files.insert("/lib/x.c".into(), Arc::from(data));
    mem.add("/include/std.h", "# define TRUE 1\n# define FALSE 0\n");
    mem.add("/sys/auto.c", "static int auto_fn(int x) { return x; }\n");
    let level = data.first().map(|b| b % 3).unwrap_or(2);
    let pp = PpOptions {
        include_dirs: vec!["/include".into()],
        include_file: Some("/include/std.h".into()),
        ..PpOptions::default()
    };
    let tc = TcOptions {
        typechecking: level,
        auto_object: Some("/sys/auto".into()),
        driver_object: Some("/sys/driver".into()),
    };
    let mut fe = FrontEnd::new(&mut mem, pp, tc, Arc::new(StdKfuns::new()));
    if let Ok(c) = fe.compile("/obj/x.c") {
        let _ = vm::ast::dump(&c.program);
        for d in &c.diags {
            let _ = d.to_string();
        }
    }
});
