//! The editor's file access through the driver object's `path_read` and
//! `path_write` hooks, compared with DGD 1.7.9: `editor_hooks/t.c` run with a
//! driver object holding `editor_hooks/driver_hooks.c` (hooks that log their
//! calls with `previous_object()`, refuse, fail, redirect, recurse into the
//! editor and return a non-string) gave `editor_hooks/t.out` on DGD (with
//! `editors = 1`, `typechecking = 2`); the VM must print the same. Also shows
//! that the driver object's own editor is not sent through the hooks and
//! that `editor()` refuses light-weight objects.

use std::path::Path;

#[test]
fn editor_file_hooks_like_dgd() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/editor_hooks");
    let hooks = std::fs::read_to_string(here.join("driver_hooks.c")).expect("hooks");
    let t = std::fs::read_to_string(here.join("t.c")).expect("t.c");
    let expected = std::fs::read_to_string(here.join("t.out")).expect("t.out");

    let root = tempfile::tempdir().expect("tempdir");
    let lib = root.path().join("lib");
    std::fs::create_dir(&lib).expect("lib dir");
    std::fs::write(
        lib.join("driver.c"),
        format!(
            "static void initialize() {{ }}\nint compile_rlimits(string o) {{ return 1; }}\n{hooks}"
        ),
    )
    .expect("driver");
    std::fs::write(lib.join("auto.c"), "\n").expect("auto");
    std::fs::write(
        root.path().join("t.c"),
        format!("{t}\nvoid main() {{ send_message(run()); }}\n"),
    )
    .expect("t.c");
    let opts = vm::testrun::RunOptions {
        editors: 1,
        ..Default::default()
    };
    let got = vm::testrun::run(root.path(), "/t", "main", &opts);
    assert_eq!(got, expected);
}
