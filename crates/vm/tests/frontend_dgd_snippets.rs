//! Conformance with DGD 1.7: each snippet in `golden-frontend/dgd-snippets-tcN.txt`
//! is followed by `--> LINE: MESSAGE`, the first diagnostic DGD 1.7 itself gave
//! for it (compiled as `/t/sN.c` at typechecking N, empty auto object, with a
//! program `/t/lib` to inherit), or `--> clean`. The one deliberate difference:
//! `//` comments are accepted (DGD accepts them only when built with them).

use std::sync::Arc;
use vm::preprocess::{MemResolver, PpOptions};
use vm::typecheck::{FrontEnd, StdKfuns, TcOptions};

fn check_file(name: &str, level: u8, min: usize) {
    let path = format!(
        "{}/tests/golden-frontend/{name}",
        env!("CARGO_MANIFEST_DIR")
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
            typechecking: level,
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
    assert!(n >= min, "too few snippets: {n}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn typechecking_2_matches_dgd() {
    check_file("dgd-snippets-tc2.txt", 2, 200);
}

#[test]
fn typechecking_1_matches_dgd() {
    check_file("dgd-snippets-tc1.txt", 1, 30);
}

#[test]
fn typechecking_0_matches_dgd() {
    check_file("dgd-snippets-tc0.txt", 0, 30);
}
