//! Golden tests: every `tests/golden-run/cases/*.c` is run by the test host (driver
//! and auto object from `tests/golden-run/lib`), calling `main()`; the output must
//! equal the `.out` file beside it. `UPDATE_GOLDEN=1 cargo test -p vm --test
//! golden_run` rewrites the `.out` files.

use std::path::Path;

#[test]
fn golden_run() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden-run");
    let update = std::env::var("UPDATE_GOLDEN").is_ok();
    let mut cases: Vec<_> = std::fs::read_dir(root.join("cases"))
        .expect("cases dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "c"))
        .collect();
    cases.sort();
    let mut failures = Vec::new();
    let filter = std::env::var("GOLDEN_FILTER").ok();
    for c in &cases {
        let stem = c
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        if let Some(f) = &filter {
            if !stem.contains(f.as_str()) {
                continue;
            }
        }
        let opts = vm::testrun::RunOptions::default();
        let out = vm::testrun::run(&root, &format!("/cases/{stem}"), "main", &opts);
        let exp_path = c.with_extension("out");
        if update {
            std::fs::write(&exp_path, &out).expect("write .out");
            continue;
        }
        let expected = std::fs::read_to_string(&exp_path).unwrap_or_default();
        if expected != out {
            failures.push(format!("--- {stem}: expected\n{expected}--- got\n{out}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} golden cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
