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
        let opts = vm::testrun::RunOptions {
            timezone: Some("UTC".into()),
            ..Default::default()
        };
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

/// The kernel library's driver object has only static hooks and grants rlimits to no
/// program of its own choosing: `tests/golden-run/kernel` checks that every hook is
/// still called and that the driver and auto programs may use rlimits regardless.
#[test]
fn static_driver_hooks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden-run/kernel");
    let opts = vm::testrun::RunOptions {
        driver_object: Some("/sys/driver".into()),
        timezone: Some("UTC".into()),
        ..Default::default()
    };
    let out = vm::testrun::run(&root, "/cases/hooks", "main", &opts);
    let exp_path = root.join("cases/hooks.out");
    if std::env::var("UPDATE_GOLDEN").is_ok() {
        std::fs::write(&exp_path, &out).expect("write .out");
        return;
    }
    let expected = std::fs::read_to_string(&exp_path).unwrap_or_default();
    assert_eq!(expected, out);
}
