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

/// `golden-frontend/dgd-values.txt`: programs whose `f()` returns a constant
/// expression (macros, `#if`, folding), each with the value DGD 1.7 returned
/// at run time; the front end must fold `f`'s return to exactly that.
#[test]
fn folded_constants_match_dgd() {
    use vm::ast::{Decl, ExprKind, StmtKind};
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/golden-frontend/dgd-values.txt"
    );
    let text = std::fs::read_to_string(path).expect("values");
    let mut failures = Vec::new();
    let mut n = 0;
    for case in text.split("\n====\n") {
        let Some((src, want)) = case.rsplit_once("\n--> ") else {
            continue;
        };
        n += 1;
        let mut mem = MemResolver::default();
        mem.add("/t/s.c", src);
        mem.add("/include/inc.h", "# define INC_H 42\n");
        let pp = PpOptions {
            include_dirs: vec!["/include".into()],
            ..PpOptions::default()
        };
        let tc = TcOptions {
            typechecking: 2,
            ..TcOptions::default()
        };
        let mut fe = FrontEnd::new(&mut mem, pp, tc, Arc::new(StdKfuns::new()));
        let got = match fe.compile("/t/s.c") {
            Ok(c) if c.diags.is_empty() => c
                .program
                .decls
                .iter()
                .find_map(|d| match d {
                    Decl::Func(f) if f.name.as_str() == "f" => f.body.as_ref(),
                    _ => None,
                })
                .and_then(|b| {
                    b.stmts.iter().find_map(|s| match &s.kind {
                        StmtKind::Return(Some(e)) => Some(match &e.kind {
                            ExprKind::Int(i) => i.to_string(),
                            ExprKind::Str(s) => format!("\"{}\"", String::from_utf8_lossy(s)),
                            _ => format!("not folded: {}", vm::ast::expr(e)),
                        }),
                        _ => None,
                    })
                })
                .unwrap_or_else(|| "no return".into()),
            Ok(c) => format!("diagnostics: {:?}", c.diags),
            Err(d) => d.message,
        };
        if got != want.trim() {
            failures.push(format!("{src:?}\n  DGD:  {want}\n  ours: {got}"));
        }
    }
    assert!(n >= 30, "too few cases: {n}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
