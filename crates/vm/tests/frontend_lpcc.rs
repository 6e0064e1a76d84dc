//! The `lpcc` command: diagnostics on stderr as `file, line: message`, exit 0
//! when every file is clean, 1 otherwise, 2 on a usage error.

use std::process::Command;

fn write(root: &std::path::Path, path: &str, text: &str) {
    let p = root.join(path.trim_start_matches('/'));
    std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
    std::fs::write(p, text).expect("write");
}

fn lpcc(root: &std::path::Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_lpcc"))
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .expect("run lpcc");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn exit_codes_and_diagnostics() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(root, "/include/std.h", "# define TRUE 1\n");
    write(
        root,
        "/sys/auto.c",
        "static int helper() { return TRUE; }\n",
    );
    write(
        root,
        "/obj/good.c",
        "# include <status.h>\ninherit \"/lib/base\";\nint f() { return helper() + base() + ST_VERSION; }\n",
    );
    write(root, "/lib/base.c", "int base() { return 1; }\n");
    write(
        root,
        "/obj/bad.c",
        "int f() {\n    return \"x\";\n}\nint g() { return undefined(); }\n",
    );
    let common = [
        "-I",
        "/include",
        "--include-file",
        "/include/std.h",
        "--auto",
        "/sys/auto",
        "--dgd-headers",
    ];
    let mut args = common.to_vec();
    args.push("/obj/good.c");
    let (code, err) = lpcc(root, &args);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "{err}");

    let mut args = common.to_vec();
    args.push("obj/bad.c");
    let (code, err) = lpcc(root, &args);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "/obj/bad.c, 2: returned value doesn't match int (string)\n\
         /obj/bad.c, 4: undefined function undefined\n"
    );

    // a directory means every .c below it
    let mut args = common.to_vec();
    let objdir = root.join("obj");
    let objdir = objdir.to_string_lossy().into_owned();
    args.push(&objdir);
    let (code, err) = lpcc(root, &args);
    assert_eq!(code, 1);
    assert!(err.ends_with("lpcc: 1 of 2 files clean\n"), "{err}");

    let (code, _) = lpcc(root, &[]);
    assert_eq!(code, 2);
    let (code, _) = lpcc(root, &["--bogus", "x.c"]);
    assert_eq!(code, 2);
    let (code, err) = lpcc(root, &["/obj/missing.c"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("Could not compile \"/obj/missing.c\""),
        "{err}"
    );
}
