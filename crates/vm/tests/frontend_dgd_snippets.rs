//! Conformance with DGD 1.7: each snippet in `golden-frontend/dgd-snippets.txt`
//! is followed by `--> LINE: MESSAGE`, the first diagnostic DGD 1.7 itself gave
//! for it (compiled as `/t/sN.c` at typechecking 2, empty auto object, with a
//! program `/t/lib` to inherit), or `--> clean`. The one deliberate difference:
//! `//` comments are accepted (DGD accepts them only when built with them).

use std::sync::Arc;
use vm::preprocess::{MemResolver, PpOptions};
use vm::typecheck::{FrontEnd, StdKfuns, TcOptions};

#[test]
fn first_diagnostic_matches_dgd() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden-frontend/dgd-snippets.txt"
    );
    let text = std::fs::read_to_string(path).expect("snippets");
    let mut failures = Vec::new();
    let mut n = 0;
    for (i, case) in text.split("\n====\n").enumerate() {
        let Some((src, want)) = case.rsplit_once("\n--> ") else {
            continue;
        };
        n += 1;
        let want = want.trim();
        let mut mem = MemResolver::default();
        mem.add("/t/s.c", src);
        mem.add("/t/lib.c", "int libfn(int x) { return x; }\nint libvar;\n");
        mem.add("/zz/auto.c", "");
        let tc = TcOptions {
            typechecking: 2,
            auto_object: Some("/zz/auto".into()),
            driver_object: Some("/zz/driver".into()),
        };
        let mut fe = FrontEnd::new(
            &mut mem,
            PpOptions::default(),
            tc,
            Arc::new(StdKfuns::new()),
        );
        let got = match fe.compile("/t/s.c") {
            Ok(c) => match c.diags.first() {
                Some(d) => format!("{}: {}", d.line, d.message),
                None => "clean".to_string(),
            },
            Err(d) => d.message,
        };
        if got != want {
            failures.push(format!(
                "snippet {i}: {src:?}\n  DGD:  {want}\n  ours: {got}"
            ));
        }
    }
    assert!(n > 200, "too few snippets: {n}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
