//! `lpcc`: runs the LPC front end (preprocessor, parser, typechecker) over
//! files of a mudlib and reports diagnostics as `file, line: message`.
//!
//! ```text
//! lpcc --root DIR [-I /include]... [--include-file /include/std.h]
//!      [--auto /kernel/lib/auto] [--driver /kernel/sys/driver]
//!      [--typechecking N] [--dgd-headers] [--dump] FILE|DIR...
//! ```
//!
//! FILE is a mudlib path (`/kernel/sys/driver.c`), a path relative to the
//! mudlib root, or a file system path inside the root; a directory means every
//! `.c` file below it. Exit status 0 when every file is clean, 1 otherwise,
//! 2 on a usage error.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use vm::ast::Bytes;
use vm::preprocess::{expand_home, generated_headers, normalize_path, IncludeResolver, PpOptions};
use vm::typecheck::{FrontEnd, StdKfuns, TcOptions};

/// Reads mudlib files below a root directory, plus optional virtual files.
struct FsResolver {
    root: PathBuf,
    virtual_files: HashMap<String, Bytes>,
}

impl IncludeResolver for FsResolver {
    fn include(&mut self, from: &str, path: &str) -> Option<(Arc<str>, Bytes)> {
        // `~` as DGD's kernel library reads it
        let path = expand_home(from, path);
        let fs = self.root.join(path.trim_start_matches('/'));
        match std::fs::read(&fs) {
            Ok(b) if fs.is_file() => Some((Arc::from(path.as_str()), Arc::from(b))),
            _ => self
                .virtual_files
                .get(&path)
                .map(|b| (Arc::from(path.as_str()), b.clone())),
        }
    }
}

struct Options {
    root: PathBuf,
    include_dirs: Vec<String>,
    include_file: Option<String>,
    auto: Option<String>,
    driver: Option<String>,
    typechecking: u8,
    dgd_headers: bool,
    dump: bool,
    files: Vec<String>,
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: lpcc --root DIR [-I DIR]... [--include-file FILE] [--auto PATH] \
         [--driver PATH] [--typechecking N] [--dgd-headers] [--dump] FILE|DIR..."
    );
    ExitCode::from(2)
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        root: PathBuf::new(),
        include_dirs: Vec::new(),
        include_file: None,
        auto: None,
        driver: None,
        typechecking: 2,
        dgd_headers: false,
        dump: false,
        files: Vec::new(),
    };
    let mut root = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "--root" => root = Some(PathBuf::from(val("--root")?)),
            "-I" => o.include_dirs.push(val("-I")?),
            "--include-file" => o.include_file = Some(val("--include-file")?),
            "--auto" => o.auto = Some(val("--auto")?),
            "--driver" => o.driver = Some(val("--driver")?),
            "--typechecking" => {
                let v = val("--typechecking")?;
                o.typechecking = v
                    .parse()
                    .ok()
                    .filter(|n| *n <= 2)
                    .ok_or_else(|| format!("bad typechecking level {v}"))?;
            }
            "--dgd-headers" => o.dgd_headers = true,
            "--dump" => o.dump = true,
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with('-') && s.len() > 1 => return Err(format!("unknown option {s}")),
            _ => o.files.push(a),
        }
    }
    o.root = root.ok_or("--root is required")?;
    if o.files.is_empty() {
        return Err("no files given".into());
    }
    Ok(o)
}

/// Maps a command line argument to mudlib paths of `.c` files.
fn mudlib_paths(root: &Path, arg: &str, out: &mut BTreeSet<String>) {
    let fs = Path::new(arg);
    let abs_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    // a file system path inside the root?
    if let Ok(c) = fs.canonicalize() {
        if let Ok(rel) = c.strip_prefix(&abs_root) {
            let m = format!("/{}", rel.to_string_lossy());
            walk(&c, &m, out);
            return;
        }
    }
    let m = normalize_path("/", arg);
    let p = root.join(m.trim_start_matches('/'));
    walk(&p, &m, out);
}

fn walk(fs: &Path, mudlib: &str, out: &mut BTreeSet<String>) {
    if fs.is_dir() {
        let Ok(rd) = std::fs::read_dir(fs) else {
            return;
        };
        for e in rd.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let m = if mudlib == "/" {
                format!("/{name}")
            } else {
                format!("{mudlib}/{name}")
            };
            walk(&e.path(), &m, out);
        }
    } else if mudlib.ends_with(".c") || !fs.exists() {
        out.insert(mudlib.to_string());
    }
}

fn main() -> ExitCode {
    let o = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("lpcc: {e}");
            }
            return usage();
        }
    };
    let mut virtual_files = HashMap::new();
    if o.dgd_headers {
        if let Some(dir) = o.include_dirs.first() {
            for (name, text) in generated_headers() {
                let p = normalize_path("/", &format!("{dir}/{name}"));
                virtual_files.insert(p, Arc::from(text.into_bytes()));
            }
        }
    }
    let mut res = FsResolver {
        root: o.root.clone(),
        virtual_files,
    };
    let mut files = BTreeSet::new();
    for f in &o.files {
        mudlib_paths(&o.root, f, &mut files);
    }
    let pp = PpOptions {
        include_dirs: o.include_dirs.clone(),
        include_file: o.include_file.clone(),
        date: None,
        time: None,
    };
    let tc = TcOptions {
        typechecking: o.typechecking,
        auto_object: o.auto.clone(),
        driver_object: o.driver.clone(),
    };
    let mut fe = FrontEnd::new(&mut res, pp, tc, Arc::new(StdKfuns::new()));
    let mut clean = 0usize;
    let mut reported: BTreeSet<String> = BTreeSet::new();
    for f in &files {
        match fe.compile(f) {
            Ok(c) => {
                for (path, diags) in std::mem::take(&mut fe.inherited_diags) {
                    if reported.insert(path) {
                        for d in diags {
                            eprintln!("{d}");
                        }
                    }
                }
                let obj = f.strip_suffix(".c").unwrap_or(f).to_string();
                if reported.insert(obj) {
                    for d in &c.diags {
                        eprintln!("{d}");
                    }
                }
                if c.diags.is_empty() {
                    clean += 1;
                }
                if o.dump {
                    print!("{}", vm::ast::dump(&c.program));
                }
            }
            Err(d) => eprintln!("{d}"),
        }
    }
    if files.len() > 1 {
        eprintln!("lpcc: {clean} of {} files clean", files.len());
    }
    if clean == files.len() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
