//! The kfun golden programs (`tests/kfun_golden/*.c` with the output DGD 1.7
//! gives): every program has its expected output and compiles cleanly with
//! our front end at typechecking 2, using the standard kfun prototypes.

use std::path::Path;
use std::sync::Arc;

use vm::preprocess::{MemResolver, PpOptions};
use vm::typecheck::{FrontEnd, StdKfuns, TcOptions};

fn programs() -> Vec<(String, String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/kfun_golden");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("golden directory") {
        let path = entry.expect("entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("c") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let src = std::fs::read_to_string(&path).expect("source");
        let expected = std::fs::read_to_string(path.with_extension("out"))
            .unwrap_or_else(|_| panic!("{name}.c has no {name}.out"));
        out.push((name, src, expected));
    }
    out.sort();
    out
}

#[test]
fn every_program_has_expected_output() {
    let progs = programs();
    assert!(progs.len() >= 10, "golden programs missing");
    for (name, _, expected) in &progs {
        assert!(!expected.is_empty(), "{name}.out is empty");
        assert!(!expected.starts_with("ERROR"), "{name}.out is an error");
    }
}

#[test]
fn every_program_passes_the_front_end() {
    for (name, src, _) in programs() {
        let mut files = MemResolver::default();
        files.add("/t.c", &src);
        let tc = TcOptions {
            typechecking: 2,
            auto_object: None,
            driver_object: None,
        };
        let mut fe = FrontEnd::new(
            &mut files,
            PpOptions::default(),
            tc,
            Arc::new(StdKfuns::new()),
        );
        let compiled = fe.compile("/t").expect("compiles");
        let diags: Vec<String> = compiled
            .diags
            .iter()
            .map(|d| format!("{}:{}: {}", d.file, d.line, d.message))
            .collect();
        assert!(diags.is_empty(), "{name}.c: {diags:#?}");
    }
}
