//! DGD's kernel library (dworkin/kernellib, not part of this repository) must
//! pass the front end without a diagnostic. Fetch it anywhere, then:
//!
//! ```text
//! LPC_KERNELLIB=/path/to/kernellib/src cargo test -p vm --test frontend_kernellib -- --ignored
//! ```
//!
//! Settings are those of its `kernel.dgd`: include dir `/include`, include file
//! `/include/std.h`, auto object `/kernel/lib/auto`, driver `/kernel/sys/driver`,
//! typechecking 2; DGD's generated headers are served from `/include`.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use vm::ast::Bytes;
use vm::preprocess::{generated_headers, normalize_path, IncludeResolver, PpOptions};
use vm::typecheck::{FrontEnd, StdKfuns, TcOptions};

struct Fs {
    root: PathBuf,
}

impl IncludeResolver for Fs {
    fn include(&mut self, _from: &str, path: &str) -> Option<(Arc<str>, Bytes)> {
        let path = normalize_path("/", path);
        if let Ok(b) = std::fs::read(self.root.join(path.trim_start_matches('/'))) {
            return Some((Arc::from(path.as_str()), Arc::from(b)));
        }
        let name = path.strip_prefix("/include/")?;
        generated_headers()
            .into_iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| (Arc::from(path.as_str()), Arc::from(t.into_bytes())))
    }
}

fn programs(dir: &Path, root: &Path, out: &mut Vec<String>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            programs(&p, root, out);
        } else if p.extension().is_some_and(|x| x == "c") {
            if let Ok(rel) = p.strip_prefix(root) {
                out.push(format!("/{}", rel.to_string_lossy()));
            }
        }
    }
}

#[test]
#[ignore = "needs LPC_KERNELLIB=/path/to/kernellib/src"]
fn kernel_library_is_clean() {
    let root = PathBuf::from(std::env::var_os("LPC_KERNELLIB").expect("set LPC_KERNELLIB"));
    let mut files = Vec::new();
    programs(&root, &root, &mut files);
    files.sort();
    assert!(
        files.len() >= 19,
        "kernel library not found under {}",
        root.display()
    );
    let mut fs = Fs { root };
    let pp = PpOptions {
        include_dirs: vec!["/include".into(), "~/include".into()],
        include_file: Some("/include/std.h".into()),
        ..PpOptions::default()
    };
    let tc = TcOptions {
        typechecking: 2,
        auto_object: Some("/kernel/lib/auto".into()),
        driver_object: Some("/kernel/sys/driver".into()),
    };
    let mut fe = FrontEnd::new(&mut fs, pp, tc, Arc::new(StdKfuns::new()));
    let mut bad = Vec::new();
    for f in &files {
        match fe.compile(f) {
            Ok(c) => bad.extend(c.diags.iter().map(|d| d.to_string())),
            Err(d) => bad.push(d.to_string()),
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
