//! File kfuns, confined to the mudlib root.
//!
//! An LPC path is first normalised as DGD does ([`normalize`]): `.` and
//! empty components are dropped, `..` removes the previous component and
//! stops at the root, a leading `/` means nothing (every path is relative to
//! the mudlib root), the root itself is `"."`. Paths of 256 bytes or more, or
//! with a NUL byte, are refused ("Bad argument N"). So no path can name
//! anything outside the root lexically; [`confine`] then makes sure no
//! symbolic link on the way leads out of it either (a path that would is
//! treated like a missing file).
//!
//! `write_file`, `rename_file`, `remove_file`, `make_dir`, `remove_dir` and
//! `save_object` are errors inside atomic functions; `read_file`, `get_dir`
//! and `restore_object` are not.

use std::fs;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::args;
use super::save::{decode_restore, encode_save, RestoreVar};
use super::KfunError;
use crate::value::{KfunCtx, KfunRegistry, LStr, LpcError, Value};

/// DGD's internal string size: a path must be shorter.
pub const MAX_PATH: usize = 256;

/// Normalise an LPC path the way DGD does; `None` if it is too long or holds
/// a NUL byte. The result is relative to the mudlib root, without a leading
/// `/`; the root itself is `"."`.
pub fn normalize(path: &[u8]) -> Option<Vec<u8>> {
    if path.len() >= MAX_PATH || path.contains(&0) {
        return None;
    }
    let mut parts: Vec<&[u8]> = Vec::new();
    for comp in path.split(|&c| c == b'/') {
        match comp {
            b"" | b"." => {}
            b".." => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    if parts.is_empty() {
        return Some(b".".to_vec());
    }
    Some(parts.join(&b'/'))
}

#[cfg(unix)]
fn os_path(rel: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(rel))
}

#[cfg(not(unix))]
fn os_path(rel: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(rel).into_owned())
}

/// Why a path cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathDenied {
    /// No mudlib root is configured.
    NoRoot,
    /// A symbolic link on the way leads outside the root (or nowhere).
    Escapes,
}

/// The host path of normalised path `rel` under `root`, after checking that
/// no symbolic link among its existing components leads outside `root`.
/// With `follow_final` false the last component itself may be a link (for
/// operations on the directory entry: remove, rename, rmdir).
pub fn confine(root: &Path, rel: &[u8], follow_final: bool) -> Result<PathBuf, PathDenied> {
    let canon_root = root.canonicalize().map_err(|_| PathDenied::NoRoot)?;
    if rel == b"." {
        return Ok(canon_root);
    }
    let comps: Vec<&[u8]> = rel.split(|&c| c == b'/').collect();
    let mut cur = canon_root.clone();
    for (i, comp) in comps.iter().enumerate() {
        cur.push(os_path(comp));
        let last = i + 1 == comps.len();
        match fs::symlink_metadata(&cur) {
            Err(_) => {
                // does not exist: nothing below it can exist either
                break;
            }
            Ok(md) if md.file_type().is_symlink() => {
                if last && !follow_final {
                    break;
                }
                match cur.canonicalize() {
                    Ok(target) if target.starts_with(&canon_root) => cur = target,
                    _ => return Err(PathDenied::Escapes),
                }
            }
            Ok(_) => {}
        }
    }
    let mut full = canon_root;
    full.push(os_path(rel));
    Ok(full)
}

/// Registers the file kfuns and save_object/restore_object.
pub fn register(r: &mut KfunRegistry) {
    r.register("read_file", kf_read_file);
    r.register("write_file", kf_write_file);
    r.register("rename_file", kf_rename_file);
    r.register("remove_file", kf_remove_file);
    r.register("make_dir", kf_make_dir);
    r.register("remove_dir", kf_remove_dir);
    r.register("get_dir", kf_get_dir);
    r.register("save_object", kf_save_object);
    r.register("restore_object", kf_restore_object);
}

/// Argument `i` as a normalised path ("Bad argument i+1" if unusable).
fn path_arg(args: &[Value], i: usize, kfun: &str) -> Result<Vec<u8>, LpcError> {
    let s = args::string(args, i, kfun)?;
    normalize(s.as_bytes()).ok_or_else(|| args::bad_arg(kfun, i + 1))
}

fn no_atomic(ctx: &dyn KfunCtx, kfun: &'static str) -> Result<(), LpcError> {
    if ctx.in_atomic() {
        return Err(KfunError::InAtomic(kfun).into());
    }
    Ok(())
}

/// The host path, or `None` when it is denied.
fn host(ctx: &dyn KfunCtx, rel: &[u8], follow_final: bool) -> Option<PathBuf> {
    let root = ctx.mudlib_root()?;
    confine(&root, rel, follow_final).ok()
}

fn kf_read_file(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let rel = path_arg(args, 0, "read_file")?;
    let offset = args::opt_int(args, 1, "read_file", 0)?;
    let size = args::opt_int(args, 2, "read_file", 0)?;
    if size < 0 {
        return Err(args::bad_arg("read_file", 3));
    }
    ctx.charge(1000)?;
    let Some(path) = host(ctx, &rel, true) else {
        return Ok(Value::Nil);
    };
    let Ok(mut file) = fs::File::open(&path) else {
        return Ok(Value::Nil);
    };
    let Ok(md) = file.metadata() else {
        return Ok(Value::Nil);
    };
    if md.is_dir() {
        return Ok(Value::Nil);
    }
    let len = md.len() as i64;
    let mut offset = i64::from(offset);
    let mut remaining = len;
    if offset != 0 {
        if offset < 0 {
            offset += len;
        }
        if offset < 0 || offset > len {
            return Err(args::bad_arg("read_file", 2));
        }
        if file.seek(SeekFrom::Start(offset as u64)).is_err() {
            return Err(args::bad_arg("read_file", 2));
        }
        remaining -= offset;
    }
    let mut size = i64::from(size);
    if size == 0 || size > remaining {
        size = remaining;
    }
    if size > super::MAX_STRLEN as i64 {
        return Err(KfunError::StringTooLong.into());
    }
    let mut buf = Vec::with_capacity(size as usize);
    if file.take(size as u64).read_to_end(&mut buf).is_err() {
        return Err(LpcError::new("Read failed in read_file()"));
    }
    ctx.charge(2 * buf.len() as u64)?;
    Ok(args::string_value(buf))
}

fn kf_write_file(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let rel = path_arg(args, 0, "write_file")?;
    let text = args::string(args, 1, "write_file")?.clone();
    let offset = args::opt_int(args, 2, "write_file", 0)?;
    no_atomic(ctx, "write_file")?;
    ctx.charge(1000 + 2 * text.len() as u64)?;
    if rel == b"." {
        return Ok(Value::Int(0));
    }
    let Some(path) = host(ctx, &rel, true) else {
        return Ok(Value::Int(0));
    };
    let mut opts = fs::OpenOptions::new();
    opts.write(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o664);
    }
    let Ok(mut file) = opts.open(&path) else {
        return Ok(Value::Int(0));
    };
    let len = file.metadata().map(|m| m.len() as i64).unwrap_or(0);
    let mut at = i64::from(offset);
    if at == 0 {
        at = len;
    } else if at < 0 {
        at += len;
    }
    if at < 0 || at > len {
        return Err(args::bad_arg("write_file", 3));
    }
    if file.seek(SeekFrom::Start(at as u64)).is_err() {
        return Err(args::bad_arg("write_file", 3));
    }
    let ok = file.write_all(text.as_bytes()).is_ok();
    Ok(Value::Int(i32::from(ok)))
}

fn kf_rename_file(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let from = path_arg(args, 0, "rename_file")?;
    let to = path_arg(args, 1, "rename_file")?;
    no_atomic(ctx, "rename_file")?;
    ctx.charge(1000)?;
    if from == b"." || to == b"." {
        return Ok(Value::Int(0));
    }
    let (Some(f), Some(t)) = (host(ctx, &from, false), host(ctx, &to, false)) else {
        return Ok(Value::Int(0));
    };
    let writable = fs::symlink_metadata(&f).is_ok_and(|m| !m.permissions().readonly());
    let target_free = fs::symlink_metadata(&t).is_err();
    let ok = writable && target_free && fs::rename(&f, &t).is_ok();
    Ok(Value::Int(i32::from(ok)))
}

fn kf_remove_file(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let rel = path_arg(args, 0, "remove_file")?;
    no_atomic(ctx, "remove_file")?;
    ctx.charge(1000)?;
    let Some(p) = host(ctx, &rel, false) else {
        return Ok(Value::Int(0));
    };
    let ok = rel != b"."
        && fs::symlink_metadata(&p).is_ok_and(|m| !m.is_dir() && !m.permissions().readonly())
        && fs::remove_file(&p).is_ok();
    Ok(Value::Int(i32::from(ok)))
}

fn kf_make_dir(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let rel = path_arg(args, 0, "make_dir")?;
    no_atomic(ctx, "make_dir")?;
    ctx.charge(1000)?;
    let Some(p) = host(ctx, &rel, false) else {
        return Ok(Value::Int(0));
    };
    let mut b = fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o775);
    }
    Ok(Value::Int(i32::from(rel != b"." && b.create(&p).is_ok())))
}

fn kf_remove_dir(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let rel = path_arg(args, 0, "remove_dir")?;
    no_atomic(ctx, "remove_dir")?;
    ctx.charge(1000)?;
    let Some(p) = host(ctx, &rel, false) else {
        return Ok(Value::Int(0));
    };
    Ok(Value::Int(i32::from(
        rel != b"." && fs::remove_dir(&p).is_ok(),
    )))
}

/// Does `text` match the `get_dir` pattern (`?`, `*`, `[a-z]`, `[^a-z]`,
/// `\c`)? A malformed pattern matches nothing.
pub fn wildcard_match(pat: &[u8], text: &[u8]) -> bool {
    fn go(pat: &[u8], text: &[u8], budget: &mut u32) -> bool {
        // bound the work on pathological patterns
        if *budget == 0 {
            return false;
        }
        *budget -= 1;
        let (mut p, mut t) = (0usize, 0usize);
        loop {
            let Some(&pc) = pat.get(p) else {
                return t == text.len();
            };
            match pc {
                b'?' => {
                    if t >= text.len() {
                        return false;
                    }
                }
                b'*' => {
                    let rest = &pat[p + 1..];
                    if rest.is_empty() {
                        return true;
                    }
                    return (t..=text.len()).any(|i| go(rest, &text[i..], budget));
                }
                b'[' => {
                    p += 1;
                    let reversed = pat.get(p) == Some(&b'^');
                    if reversed {
                        p += 1;
                    }
                    let c = text.get(t).copied();
                    let mut found = false;
                    loop {
                        let Some(&q) = pat.get(p) else {
                            return false;
                        };
                        if q == b']' {
                            break;
                        }
                        let mut lo = q;
                        if q == b'\\' {
                            p += 1;
                            match pat.get(p) {
                                Some(&e) => lo = e,
                                None => return false,
                            }
                        }
                        if pat.get(p + 1) == Some(&b'-') {
                            p += 2;
                            let Some(&hi) = pat.get(p) else {
                                return false;
                            };
                            if c.is_some_and(|c| c >= lo && c <= hi) {
                                found = true;
                            }
                        } else if Some(lo) == c {
                            found = true;
                        }
                        p += 1;
                    }
                    if found == reversed || c.is_none() {
                        return false;
                    }
                }
                b'\\' => {
                    p += 1;
                    match pat.get(p) {
                        Some(&e) if text.get(t) == Some(&e) => {}
                        _ => return false,
                    }
                }
                _ => {
                    if text.get(t) != Some(&pc) {
                        return false;
                    }
                }
            }
            p += 1;
            t += 1;
        }
    }
    let mut budget = 100_000;
    go(pat, text, &mut budget)
}

/// One `get_dir` entry: name, size (-2 for a directory), modification time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirEntry {
    pub name: Vec<u8>,
    pub size: i32,
    pub mtime: i32,
}

fn entry_info(path: &Path, name: &[u8]) -> Option<DirEntry> {
    let md = fs::metadata(path).ok()?;
    let mtime = md
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs() as i32);
    let size = if md.is_dir() {
        -2
    } else {
        md.len().min(i32::MAX as u64) as i32
    };
    Some(DirEntry {
        name: name.to_vec(),
        size,
        mtime,
    })
}

/// `get_dir(path)` over the mudlib at `root`: the entries matching the last
/// component (a single file when it has no wildcard and exists), sorted by
/// name, at most `max` of them.
pub fn get_dir(root: &Path, rel: &[u8], max: usize) -> Vec<DirEntry> {
    let (dir, pat): (&[u8], &[u8]) = match rel.iter().rposition(|&c| c == b'/') {
        Some(i) => (&rel[..i], &rel[i + 1..]),
        None => (b".", rel),
    };
    let mut out = Vec::new();
    let has_wild = pat.iter().any(|c| b"?*[\\".contains(c));
    if !has_wild {
        if let Ok(p) = confine(root, rel, true) {
            if let Some(e) = entry_info(&p, pat) {
                out.push(e);
                return out;
            }
        }
    }
    let Ok(dirpath) = confine(root, dir, true) else {
        return out;
    };
    let Ok(rd) = fs::read_dir(&dirpath) else {
        return out;
    };
    for ent in rd.flatten() {
        if out.len() >= max {
            break;
        }
        let name = ent.file_name();
        #[cfg(unix)]
        let name_bytes = {
            use std::os::unix::ffi::OsStrExt;
            name.as_bytes().to_vec()
        };
        #[cfg(not(unix))]
        let name_bytes = name.to_string_lossy().into_owned().into_bytes();
        if !wildcard_match(pat, &name_bytes) {
            continue;
        }
        let mut entry_rel = if dir == b"." {
            Vec::new()
        } else {
            let mut v = dir.to_vec();
            v.push(b'/');
            v
        };
        entry_rel.extend_from_slice(&name_bytes);
        // an entry that is a link leading out of the mudlib is not listed
        let Ok(p) = confine(root, &entry_rel, true) else {
            continue;
        };
        if let Some(e) = entry_info(&p, &name_bytes) {
            out.push(e);
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

fn kf_get_dir(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let rel = path_arg(args, 0, "get_dir")?;
    let entries = match ctx.mudlib_root() {
        Some(root) => get_dir(&root, &rel, ctx.max_array_size()),
        None => Vec::new(),
    };
    ctx.charge(1000 + 5 * entries.len() as u64)?;
    let names = entries
        .iter()
        .map(|e| Value::String(LStr::from_bytes(&e.name)))
        .collect();
    let sizes = entries.iter().map(|e| Value::Int(e.size)).collect();
    let times = entries.iter().map(|e| Value::Int(e.mtime)).collect();
    Ok(Value::array(vec![
        Value::array(names),
        Value::array(sizes),
        Value::array(times),
    ]))
}

thread_local! {
    static SAVE_COUNT: std::cell::Cell<u16> = const { std::cell::Cell::new(0) };
}

fn kf_save_object(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let rel = path_arg(args, 0, "save_object")?;
    no_atomic(ctx, "save_object")?;
    ctx.charge(2000)?;
    // write a temporary file in the same directory, then rename it
    let count = SAVE_COUNT.with(|c| {
        let n = c.get().wrapping_add(1);
        c.set(n);
        n
    });
    let mut tmp_rel = match rel.iter().rposition(|&c| c == b'/') {
        Some(i) => rel[..=i].to_vec(),
        None => Vec::new(),
    };
    tmp_rel.extend_from_slice(format!("_tmp{count:04x}").as_bytes());
    let shown = |r: &[u8]| String::from_utf8_lossy(r).into_owned();
    let cannot_create = || {
        LpcError::new(format!(
            "Cannot create temporary save file \"/{}\"",
            shown(&tmp_rel)
        ))
    };
    let (Some(tmp), Some(target)) = (host(ctx, &tmp_rel, true), host(ctx, &rel, false)) else {
        return Err(cannot_create());
    };
    if rel == b"." {
        return Err(cannot_create());
    }

    let vars = ctx.object_variables();
    let values: Vec<Value> = (0..vars.len())
        .map(|i| ctx.fix(&ctx.get_variable(i)))
        .collect();
    let text = encode_save(
        vars.iter()
            .zip(values.iter())
            .filter(|(d, _)| !d.is_static)
            .map(|(d, v)| (d.name.as_bytes(), v)),
    );
    let Ok(mut f) = fs::File::create(&tmp) else {
        return Err(cannot_create());
    };
    if f.write_all(&text).is_err() {
        drop(f);
        let _ = fs::remove_file(&tmp);
        return Err(LpcError::new(format!(
            "Cannot write to temporary save file \"/{}\"",
            shown(&tmp_rel)
        )));
    }
    drop(f);
    let _ = fs::remove_file(&target);
    if fs::rename(&tmp, &target).is_err() {
        let _ = fs::remove_file(&tmp);
        return Err(LpcError::new(format!(
            "Cannot rename temporary save file to \"/{}\"",
            shown(&rel)
        )));
    }
    Ok(Value::Nil)
}

fn kf_restore_object(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let rel = path_arg(args, 0, "restore_object")?;
    ctx.charge(2000)?;
    let Some(path) = host(ctx, &rel, true) else {
        return Ok(Value::Int(0));
    };
    match fs::metadata(&path) {
        Ok(m) if m.is_file() => {}
        _ => return Ok(Value::Int(0)),
    }
    let Ok(text) = fs::read(&path) else {
        return Ok(Value::Int(0));
    };
    let vars = ctx.object_variables();
    // reset every restorable variable that does not hold an object
    for (i, d) in vars.iter().enumerate() {
        if d.is_static {
            continue;
        }
        let cur = ctx.fix(&ctx.get_variable(i));
        if !matches!(cur, Value::Object(_) | Value::Lwo(_)) {
            ctx.set_variable(i, d.ty.default_value());
        }
    }
    let rvars: Vec<RestoreVar<'_>> = vars
        .iter()
        .map(|d| RestoreVar {
            name: d.name.as_bytes(),
            ty: d.ty,
            restorable: !d.is_static,
        })
        .collect();
    let file = String::from_utf8_lossy(&rel).into_owned();
    let restore = decode_restore(&text, &rvars, &file, ctx.max_array_size());
    for (i, v) in restore.assignments {
        ctx.set_variable(i, v);
    }
    if let Some(e) = restore.error {
        return Err(e.into());
    }
    Ok(Value::Int(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_like_dgd() {
        let n = |s: &str| String::from_utf8(normalize(s.as_bytes()).unwrap()).unwrap();
        assert_eq!(n("/a/b/c"), "a/b/c");
        assert_eq!(n("a//b/"), "a/b");
        assert_eq!(n("/a/./b/../c"), "a/c");
        assert_eq!(n("../../etc/passwd"), "etc/passwd");
        assert_eq!(n("/a/../../.."), ".");
        assert_eq!(n(""), ".");
        assert_eq!(n("/"), ".");
        assert_eq!(n("..."), "...");
        assert_eq!(n("a/.../b"), "a/.../b");
        assert_eq!(n("/kernel/sys/driver.c"), "kernel/sys/driver.c");
        assert!(normalize(b"a\0b").is_none());
        assert!(normalize(&[b'a'; 256]).is_none());
        assert!(normalize(&[b'a'; 255]).is_some());
    }

    #[test]
    fn wildcards() {
        assert!(wildcard_match(b"*", b"anything"));
        assert!(wildcard_match(b"*", b""));
        assert!(wildcard_match(b"*.c", b"foo.c"));
        assert!(!wildcard_match(b"*.c", b"foo.h"));
        assert!(wildcard_match(b"f?o", b"foo"));
        assert!(!wildcard_match(b"f?o", b"fo"));
        assert!(wildcard_match(b"[a-c]x", b"bx"));
        assert!(!wildcard_match(b"[a-c]x", b"dx"));
        assert!(wildcard_match(b"[^a-c]x", b"dx"));
        assert!(!wildcard_match(b"[^a-c]x", b"ax"));
        assert!(wildcard_match(b"[xyz]", b"y"));
        assert!(wildcard_match(b"\\*", b"*"));
        assert!(!wildcard_match(b"\\*", b"a"));
        assert!(!wildcard_match(b"[a-", b"a"));
        assert!(!wildcard_match(b"abc\\", b"abc"));
        assert!(wildcard_match(b"a*b*c", b"aXXbYYc"));
        // pathological patterns stay bounded
        let text = [b'a'; 60];
        assert!(!wildcard_match(b"*a*a*a*a*a*a*a*a*a*b", &text));
    }

    use super::super::testctx::TestCtx;
    use crate::value::{Float, TypeSpec, VarDesc, T_FLOAT, T_INT, T_MIXED, T_STRING};

    fn s(x: &str) -> Value {
        Value::str(x)
    }
    fn i(n: i32) -> Value {
        Value::Int(n)
    }
    fn err(r: Result<Value, LpcError>) -> String {
        r.unwrap_err().to_string()
    }
    fn ctx(dir: &tempfile::TempDir) -> TestCtx {
        let mut c = TestCtx::new();
        c.root = Some(dir.path().to_path_buf());
        c
    }

    #[test]
    fn read_and_write() {
        let dir = tempfile::tempdir().unwrap();
        let mut c = ctx(&dir);
        assert_eq!(
            c.call("write_file", vec![s("/a.txt"), s("hello")]).unwrap(),
            i(1)
        );
        assert_eq!(
            c.call("write_file", vec![s("a.txt"), s(" world")]).unwrap(),
            i(1)
        );
        assert_eq!(
            c.call("read_file", vec![s("/a.txt")]).unwrap(),
            s("hello world")
        );
        assert_eq!(
            c.call("read_file", vec![s("/a.txt"), i(6)]).unwrap(),
            s("world")
        );
        assert_eq!(
            c.call("read_file", vec![s("/a.txt"), i(-5), i(3)]).unwrap(),
            s("wor")
        );
        assert_eq!(
            c.call("read_file", vec![s("/a.txt"), i(0), i(0)]).unwrap(),
            s("hello world")
        );
        assert_eq!(
            c.call("read_file", vec![s("/a.txt"), i(11)]).unwrap(),
            s("")
        );
        assert_eq!(
            err(c.call("read_file", vec![s("/a.txt"), i(12)])),
            "Bad argument 2 for kfun read_file"
        );
        assert_eq!(
            err(c.call("read_file", vec![s("/a.txt"), i(0), i(-1)])),
            "Bad argument 3 for kfun read_file"
        );
        assert_eq!(
            c.call("read_file", vec![s("/missing")]).unwrap(),
            Value::Nil
        );
        assert_eq!(c.call("read_file", vec![s("/")]).unwrap(), Value::Nil);
        // overwrite at an offset, from the end, at the start
        assert_eq!(
            c.call("write_file", vec![s("/a.txt"), s("J"), i(-11)])
                .unwrap(),
            i(1)
        );
        assert_eq!(
            c.call("write_file", vec![s("/a.txt"), s("W"), i(6)])
                .unwrap(),
            i(1)
        );
        assert_eq!(
            c.call("read_file", vec![s("/a.txt")]).unwrap(),
            s("Jello World")
        );
        assert_eq!(
            err(c.call("write_file", vec![s("/a.txt"), s("x"), i(-12)])),
            "Bad argument 3 for kfun write_file"
        );
        assert_eq!(
            err(c.call("read_file", vec![Value::str(&"x".repeat(300))])),
            "Bad argument 1 for kfun read_file"
        );
        c.atomic = true;
        assert_eq!(
            err(c.call("write_file", vec![s("/a.txt"), s("x")])),
            "write_file() within atomic function"
        );
        assert_eq!(
            c.call("read_file", vec![s("/a.txt")]).unwrap(),
            s("Jello World")
        );
    }

    #[test]
    fn dirs_rename_remove() {
        let dir = tempfile::tempdir().unwrap();
        let mut c = ctx(&dir);
        assert_eq!(c.call("make_dir", vec![s("/d")]).unwrap(), i(1));
        assert_eq!(c.call("make_dir", vec![s("/d")]).unwrap(), i(0));
        assert_eq!(
            c.call("write_file", vec![s("/d/b.c"), s("12")]).unwrap(),
            i(1)
        );
        assert_eq!(
            c.call("write_file", vec![s("/d/a.c"), s("1")]).unwrap(),
            i(1)
        );
        assert_eq!(
            c.call("write_file", vec![s("/d/z.h"), s("")]).unwrap(),
            i(1)
        );
        assert_eq!(c.call("make_dir", vec![s("/d/sub")]).unwrap(), i(1));
        let r = c.call("get_dir", vec![s("/d/*")]).unwrap();
        let r = r.as_array().unwrap().borrow().clone();
        let names: Vec<String> = r[0]
            .as_array()
            .unwrap()
            .borrow()
            .iter()
            .map(|v| v.as_str().unwrap().to_str_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a.c", "b.c", "sub", "z.h"]);
        assert_eq!(
            r[1].as_array().unwrap().borrow().clone(),
            vec![i(1), i(2), i(-2), i(0)]
        );
        let r = c.call("get_dir", vec![s("/d/*.c")]).unwrap();
        assert_eq!(
            r.as_array().unwrap().borrow()[0].as_array().unwrap().len(),
            2
        );
        let r = c.call("get_dir", vec![s("/d/b.c")]).unwrap();
        assert_eq!(
            r.as_array().unwrap().borrow()[1]
                .as_array()
                .unwrap()
                .borrow()
                .clone(),
            vec![i(2)]
        );
        let r = c.call("get_dir", vec![s("/d/nothing")]).unwrap();
        assert_eq!(
            r.as_array().unwrap().borrow()[0].as_array().unwrap().len(),
            0
        );
        let r = c.call("get_dir", vec![s("/d")]).unwrap();
        assert_eq!(
            r.as_array().unwrap().borrow()[1]
                .as_array()
                .unwrap()
                .borrow()
                .clone(),
            vec![i(-2)]
        );
        c.max_array = 2;
        let r = c.call("get_dir", vec![s("/d/*")]).unwrap();
        assert_eq!(
            r.as_array().unwrap().borrow()[0].as_array().unwrap().len(),
            2
        );

        assert_eq!(
            c.call("rename_file", vec![s("/d/a.c"), s("/d/b.c")])
                .unwrap(),
            i(0)
        );
        assert_eq!(
            c.call("rename_file", vec![s("/d/a.c"), s("/d/c.c")])
                .unwrap(),
            i(1)
        );
        assert_eq!(
            c.call("rename_file", vec![s("/d/a.c"), s("/d/e.c")])
                .unwrap(),
            i(0)
        );
        assert_eq!(c.call("remove_dir", vec![s("/d")]).unwrap(), i(0));
        assert_eq!(c.call("remove_file", vec![s("/d/sub")]).unwrap(), i(0));
        assert_eq!(c.call("remove_dir", vec![s("/d/sub")]).unwrap(), i(1));
        for f in ["/d/b.c", "/d/c.c", "/d/z.h"] {
            assert_eq!(c.call("remove_file", vec![s(f)]).unwrap(), i(1));
        }
        assert_eq!(c.call("remove_file", vec![s("/d/b.c")]).unwrap(), i(0));
        assert_eq!(c.call("remove_dir", vec![s("/d")]).unwrap(), i(1));
        assert_eq!(c.call("remove_dir", vec![s("/")]).unwrap(), i(0));
        c.atomic = true;
        for k in ["make_dir", "remove_dir", "remove_file"] {
            assert_eq!(
                err(c.call(k, vec![s("/x")])),
                format!("{k}() within atomic function")
            );
        }
        assert_eq!(
            err(c.call("rename_file", vec![s("/x"), s("/y")])),
            "rename_file() within atomic function"
        );
        assert!(c.call("get_dir", vec![s("/*")]).is_ok());
    }

    #[test]
    fn nothing_gets_out_of_the_root() {
        let outer = tempfile::tempdir().unwrap();
        let root = outer.path().join("lib");
        fs::create_dir(&root).unwrap();
        fs::write(outer.path().join("secret"), "s3cret").unwrap();
        fs::create_dir(outer.path().join("outdir")).unwrap();
        let mut c = TestCtx::new();
        c.root = Some(root.clone());
        // lexical escapes land inside the root
        assert_eq!(
            c.call("read_file", vec![s("/../secret")]).unwrap(),
            Value::Nil
        );
        assert_eq!(
            c.call("write_file", vec![s("../../x"), s("1")]).unwrap(),
            i(1)
        );
        assert!(root.join("x").exists());
        assert!(!outer.path().join("x").exists());
        #[cfg(unix)]
        {
            use std::os::unix::fs::symlink;
            symlink(outer.path().join("secret"), root.join("link")).unwrap();
            symlink(outer.path().join("outdir"), root.join("dirlink")).unwrap();
            symlink(outer.path().join("nowhere"), root.join("dangling")).unwrap();
            fs::write(root.join("inside"), "in").unwrap();
            symlink(root.join("inside"), root.join("goodlink")).unwrap();
            assert_eq!(c.call("read_file", vec![s("/link")]).unwrap(), Value::Nil);
            assert_eq!(
                c.call("write_file", vec![s("/link"), s("x")]).unwrap(),
                i(0)
            );
            assert_eq!(
                c.call("write_file", vec![s("/dirlink/f"), s("x")]).unwrap(),
                i(0)
            );
            assert!(!outer.path().join("outdir/f").exists());
            assert_eq!(
                c.call("write_file", vec![s("/dangling"), s("x")]).unwrap(),
                i(0)
            );
            assert!(!outer.path().join("nowhere").exists());
            assert_eq!(c.call("make_dir", vec![s("/dirlink/sub")]).unwrap(), i(0));
            assert_eq!(c.call("read_file", vec![s("/goodlink")]).unwrap(), s("in"));
            let r = c.call("get_dir", vec![s("/dirlink/*")]).unwrap();
            assert_eq!(
                r.as_array().unwrap().borrow()[0].as_array().unwrap().len(),
                0
            );
            let r = c.call("get_dir", vec![s("/*")]).unwrap();
            let names: Vec<String> = r.as_array().unwrap().borrow()[0]
                .as_array()
                .unwrap()
                .borrow()
                .iter()
                .map(|v| v.as_str().unwrap().to_str_lossy().into_owned())
                .collect();
            assert_eq!(names, ["goodlink", "inside", "x"]);
            // the link itself may be removed; its target stays
            assert_eq!(c.call("remove_file", vec![s("/link")]).unwrap(), i(1));
            assert!(outer.path().join("secret").exists());
            assert_eq!(
                c.call("restore_object", vec![s("/dirlink/x")]).unwrap(),
                i(0)
            );
        }
        assert_eq!(fs::read(outer.path().join("secret")).unwrap(), b"s3cret");
    }

    fn vd(name: &str, base: i32, is_static: bool) -> VarDesc {
        VarDesc {
            name: LStr::from(name),
            ty: TypeSpec::new(base, 0),
            is_static,
        }
    }

    #[test]
    fn save_and_restore() {
        let dir = tempfile::tempdir().unwrap();
        let mut c = ctx(&dir);
        c.vars = vec![
            vd("a", T_INT, false),
            vd("z", T_INT, false),
            vd("b", T_STRING, false),
            vd("f", T_FLOAT, false),
            vd("st", T_INT, true),
            vd("m", T_MIXED, false),
        ];
        let shared = Value::array(vec![i(1)]);
        c.values = vec![
            i(5),
            i(0),
            s("x\ny"),
            Value::Float(Float::new(0.5).unwrap()),
            i(9),
            Value::array(vec![shared.clone(), shared]),
        ];
        assert_eq!(c.call("save_object", vec![s("/sv.o")]).unwrap(), Value::Nil);
        let text = fs::read_to_string(dir.path().join("sv.o")).unwrap();
        assert_eq!(
            text,
            "a 5\nb \"x\\ny\"\nf 0.5=3fe000000000\nm ({2|({1|1,}),#1,})\n"
        );
        // no temporary file left behind
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);

        c.values = vec![
            i(1),
            i(2),
            s("q"),
            Value::Float(Float::new(2.0).unwrap()),
            i(3),
            i(4),
        ];
        assert_eq!(c.call("restore_object", vec![s("/sv.o")]).unwrap(), i(1));
        assert_eq!(c.values[0], i(5));
        assert_eq!(c.values[1], i(0));
        assert_eq!(c.values[2], s("x\ny"));
        assert_eq!(c.values[4], i(3));
        let Value::Array(a) = &c.values[5] else {
            panic!("array expected")
        };
        let a = a.borrow();
        match (&a[0], &a[1]) {
            (Value::Array(x), Value::Array(y)) => assert!(crate::value::ArrayRef::ptr_eq(x, y)),
            _ => panic!("arrays expected"),
        }
        drop(a);
        assert_eq!(c.call("restore_object", vec![s("/none.o")]).unwrap(), i(0));

        fs::write(dir.path().join("bad.o"), "a 7\nb 3\n").unwrap();
        assert_eq!(
            err(c.call("restore_object", vec![s("/bad.o")])),
            "Format error in \"/bad.o\", line 2: value has wrong type"
        );
        assert_eq!(c.values[0], i(7));
        assert_eq!(c.values[2], Value::Nil);

        c.atomic = true;
        assert_eq!(
            err(c.call("save_object", vec![s("/sv.o")])),
            "save_object() within atomic function"
        );
        assert_eq!(c.call("restore_object", vec![s("/sv.o")]).unwrap(), i(1));
    }
}
