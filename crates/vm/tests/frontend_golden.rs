//! Golden tests of the front end: every `*.lpc` case under `golden-frontend/`
//! is compiled and its diagnostics plus the printed typed tree are compared
//! with the `*.expected` file beside it. `UPDATE_GOLDEN=1 cargo test -p vm
//! --test frontend_golden` rewrites the expectations; review the diff.
//!
//! A case file holds one or more mudlib files, each starting with a line
//! `//--- /path/name.c`; the first one is compiled. Option lines before the
//! first file: `//! typechecking=N`, `//! auto=/path`, `//! include_file=/path`,
//! `//! include_dirs=/a,/b`.

use std::path::Path;
use std::sync::Arc;
use vm::preprocess::{MemResolver, PpOptions};
use vm::typecheck::{FrontEnd, StdKfuns, TcOptions};

fn run_case(text: &str) -> String {
    let mut pp = PpOptions::default();
    let mut tc = TcOptions {
        typechecking: 2,
        ..TcOptions::default()
    };
    let mut mem = MemResolver::default();
    let mut first: Option<String> = None;
    let mut cur: Option<(String, String)> = None;
    for line in text.split_inclusive('\n') {
        if let Some(opt) = line.strip_prefix("//! ") {
            if cur.is_none() {
                let opt = opt.trim();
                if let Some((k, v)) = opt.split_once('=') {
                    match k {
                        "typechecking" => tc.typechecking = v.parse().unwrap_or(2),
                        "auto" => tc.auto_object = Some(v.to_string()),
                        "driver" => tc.driver_object = Some(v.to_string()),
                        "include_file" => pp.include_file = Some(v.to_string()),
                        "include_dirs" => {
                            pp.include_dirs = v.split(',').map(|s| s.to_string()).collect()
                        }
                        _ => panic!("unknown option {k}"),
                    }
                }
                continue;
            }
        }
        if let Some(name) = line.strip_prefix("//--- ") {
            if let Some((n, t)) = cur.take() {
                mem.add(&n, &t);
            }
            let name = name.trim().to_string();
            if first.is_none() {
                first = Some(name.clone());
            }
            cur = Some((name, String::new()));
            continue;
        }
        if let Some((_, t)) = cur.as_mut() {
            t.push_str(line);
        }
    }
    if let Some((n, t)) = cur.take() {
        mem.add(&n, &t);
    }
    let first = first.expect("case has no //--- file");
    let mut fe = FrontEnd::new(&mut mem, pp, tc, Arc::new(StdKfuns::new()));
    let mut out = String::new();
    match fe.compile(&first) {
        Ok(c) => {
            for (path, diags) in &fe.inherited_diags {
                out.push_str(&format!("# while inheriting {path}\n"));
                for d in diags {
                    out.push_str(&format!("{d}\n"));
                }
            }
            for d in &c.diags {
                out.push_str(&format!("{d}\n"));
            }
            out.push_str("----\n");
            out.push_str(&vm::ast::dump(&c.program));
        }
        Err(d) => out.push_str(&format!("{d}\n")),
    }
    out
}

#[test]
fn golden_frontend() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden-frontend");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("golden-frontend dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "lpc"))
        .collect();
    entries.sort();
    assert!(!entries.is_empty(), "no golden cases found");
    let mut failed = Vec::new();
    for p in &entries {
        let text = std::fs::read_to_string(p).expect("read case");
        let got = run_case(&text);
        let exp_path = p.with_extension("expected");
        if update {
            std::fs::write(&exp_path, &got).expect("write expected");
            continue;
        }
        let want = std::fs::read_to_string(&exp_path).unwrap_or_default();
        if got != want {
            eprintln!("=== {} differs; got:\n{got}", p.display());
            failed.push(p.file_name().map(|f| f.to_string_lossy().into_owned()));
        }
    }
    assert!(
        failed.is_empty(),
        "golden cases differ (rerun with UPDATE_GOLDEN=1 and review the diff): {failed:?}"
    );
}
