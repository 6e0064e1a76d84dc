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

/// Programs the VM does not yet run like DGD, with the reason. The test
/// below fails when one of them starts to match: then remove it here.
const KNOWN_VM_GAPS: &[(&str, &str)] = &[];

/// Runs every golden program in a fresh mudlib root with the VM's test host
/// and compares with DGD's output.
#[test]
fn every_program_runs_like_dgd() {
    let mut failures = Vec::new();
    let mut fixed = Vec::new();
    let filter = std::env::var("GOLDEN_FILTER").ok();
    let progs = programs();
    for (name, src, expected) in &progs {
        if filter.as_ref().is_some_and(|f| !name.contains(f.as_str())) {
            continue;
        }
        let root = tempfile::tempdir().expect("tempdir");
        let lib = root.path().join("lib");
        std::fs::create_dir(&lib).expect("lib dir");
        std::fs::write(lib.join("driver.c"), "static void initialize() { }\n").expect("driver");
        std::fs::write(lib.join("auto.c"), "\n").expect("auto");
        std::fs::write(root.path().join("ob.c"), "int x;\n").expect("ob");
        let main = "\nvoid main() { string r, e; e = catch(r = run()); \
                    send_message(e ? \"ERROR: \" + e : r); }\n";
        std::fs::write(root.path().join("t.c"), format!("{src}{main}")).expect("t.c");
        let opts = vm::testrun::RunOptions {
            timezone: Some("UTC".into()),
            ..Default::default()
        };
        let out = vm::testrun::run(root.path(), "/t", "main", &opts);
        let known = KNOWN_VM_GAPS.iter().find(|(n, _)| n == name);
        match (&out == expected, known) {
            (true, Some(_)) => fixed.push(name.clone()),
            (false, None) => {
                failures.push(format!("--- {name}: expected\n{expected}--- got\n{out}"))
            }
            _ => {}
        }
    }
    assert!(
        fixed.is_empty(),
        "now run like DGD, remove from KNOWN_VM_GAPS: {fixed:?}"
    );
    assert!(
        failures.is_empty(),
        "{} of {} kfun golden programs differ:\n{}",
        failures.len(),
        progs.len(),
        failures.join("\n")
    );
}
