//! `lpcrun`: boots a small mudlib from a directory (no network), compiles one object,
//! calls one function in it, runs its call_outs, and prints what the LPC code printed.
//!
//! Usage: lpcrun [--root DIR] [--auto PATH|--no-auto] [--driver PATH|--no-driver]
//!               [--typechecking N] OBJECT [FUNCTION]

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut root = PathBuf::from(".");
    let mut opts = vm::testrun::RunOptions {
        echo: false,
        fixed_time: None,
        ticks: -1,
        ..Default::default()
    };
    let mut pos = Vec::new();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--root" => root = args.next().map(PathBuf::from).unwrap_or(root),
            "--auto" => opts.auto_object = args.next(),
            "--no-auto" => opts.auto_object = None,
            "--driver" => opts.driver_object = args.next(),
            "--no-driver" => opts.driver_object = None,
            "--typechecking" => {
                opts.typechecking = args.next().and_then(|s| s.parse().ok()).unwrap_or(2)
            }
            "--include-dir" => opts.include_dirs.extend(args.next()),
            "--include-file" => opts.include_file = args.next(),
            "--create" => opts.create = args.next().unwrap_or_else(|| "create".into()),
            "--array-size" => {
                opts.array_size = args.next().and_then(|s| s.parse().ok()).unwrap_or(100_000)
            }
            "--boot-only" => pos.insert(0, String::new()),
            "--ticks" => opts.ticks = args.next().and_then(|s| s.parse().ok()).unwrap_or(-1),
            "-h" | "--help" => {
                eprintln!("usage: lpcrun [--root DIR] [--auto PATH|--no-auto] [--driver PATH|--no-driver] [--typechecking N] [--ticks N] [--include-dir D] [--include-file F] [--create NAME] [--array-size N] [--boot-only] OBJECT [FUNCTION]");
                return;
            }
            _ => pos.push(a),
        }
    }
    let Some(obj) = pos.first() else {
        eprintln!("lpcrun: no object given (try --help)");
        std::process::exit(2);
    };
    let obj = obj.trim_end_matches(".c").to_string();
    let obj = if obj.starts_with('/') || obj.is_empty() {
        obj
    } else {
        format!("/{obj}")
    };
    let func = pos.get(1).cloned().unwrap_or_else(|| "main".into());
    let out = vm::testrun::run(&root, &obj, &func, &opts);
    // echo already printed the LPC output; print what remains (runner messages)
    print!("{out}");
}
