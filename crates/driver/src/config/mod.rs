//! DGD's configuration file (`mud.dgd`): every key DGD 1.7 knows, with its
//! meaning and range checks.
//!
//! Differences from DGD, on purpose:
//! - a relative `directory` is resolved against the directory of the config
//!   file (DGD resolves it against the current directory and asks for an
//!   absolute path); an absolute `directory` means the same in both;
//! - `modules` (DGD's runtime extensions, shared objects) may only be empty;
//! - the index limits are those of a DGD built with 32-bit `uindex`/`cindex`
//!   and 16-bit `eindex` (see the constants below), the build for big worlds.
//!
//! As in DGD, `swap_file`, `dump_file` and `ed_tmpfile` are relative to the
//! mudlib directory (DGD changes into it before it opens them), while
//! `driver_object`, `auto_object` and `include_file` are mudlib paths,
//! normalised as DGD's path resolver does.

mod lexer;

pub use lexer::{tokenize, Tok, Token};
use std::path::{Path, PathBuf};

/// Largest object count (DGD's `UINDEX_MAX` for a 32-bit uindex build).
pub const UINDEX_MAX: i64 = u32::MAX as i64;
/// Largest call_out count (`CINDEX_MAX`).
pub const CINDEX_MAX: i64 = u32::MAX as i64;
/// Largest user/editor count (`EINDEX_MAX` for a 16-bit eindex build).
pub const EINDEX_MAX: i64 = u16::MAX as i64;
/// Largest swap size in sectors (`SW_UNUSED`).
pub const SW_UNUSED: i64 = u32::MAX as i64;
/// At most this many ports of one kind, and strings in an array (DGD's limits).
pub const MAX_PORTS: usize = 32;
pub const MAX_STRINGS: usize = 31;

/// A config error: always names the file, and the line where there is one.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    #[error("{file}: cannot read config file: {source}")]
    Read {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}:{line}: {msg}", file.display())]
    Syntax {
        file: PathBuf,
        line: u32,
        msg: String,
    },
    #[error("{}: unspecified option {key}", file.display())]
    Missing { file: PathBuf, key: &'static str },
    #[error("{}: {msg}", file.display())]
    Invalid { file: PathBuf, msg: String },
}

/// A listening port: `host` is `None` for every address (DGD's `"*"` or a
/// plain int).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortSpec {
    pub host: Option<String>,
    pub port: u16,
}

/// A warning found while reading the file (it does not stop the boot).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub line: u32,
    pub msg: String,
}

/// The parsed configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The config file itself (as given).
    pub file: PathBuf,
    pub telnet_ports: Vec<PortSpec>,
    pub binary_ports: Vec<PortSpec>,
    pub datagram_ports: Vec<PortSpec>,
    /// Mudlib root, absolute.
    pub directory: PathBuf,
    pub users: u32,
    pub datagram_users: u32,
    pub editors: u32,
    /// `ed_tmpfile`, `swap_file`, `dump_file` as written (mudlib-relative).
    pub ed_tmpfile: String,
    pub swap_file: String,
    pub dump_file: String,
    pub swap_size: u32,
    /// The deprecated `cache_size`, if given (it is ignored).
    pub cache_size: Option<u32>,
    pub sector_size: u32,
    pub swap_fragment: u32,
    pub static_chunk: u32,
    pub dynamic_chunk: u32,
    /// Seconds over which the swapfile is rebuilt after a full dump.
    pub dump_interval: u32,
    pub typechecking: u8,
    /// Name of the creator function (`create`).
    pub create: String,
    /// Normalised mudlib paths (`/kernel/lib/auto`).
    pub include_file: String,
    pub auto_object: String,
    pub driver_object: String,
    pub include_dirs: Vec<String>,
    pub hotboot: Option<Vec<String>>,
    pub array_size: u32,
    pub objects: u32,
    pub call_outs: u32,
    pub warnings: Vec<Warning>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Int,
    Str,
    /// Mudlib path, normalised.
    Path,
    /// `({ "a", "b" })`
    Strings,
    /// int or `([ "host" : port, ... ])`
    Ports,
    /// `([ "name" : "config" ])`
    Modules,
}

struct Key {
    name: &'static str,
    kind: Kind,
    low: i64,
    /// 0 means no upper bound (as in DGD's table).
    high: i64,
    required: bool,
}

const fn key(name: &'static str, kind: Kind, low: i64, high: i64, required: bool) -> Key {
    Key {
        name,
        kind,
        low,
        high,
        required,
    }
}

/// DGD's option table (config.cpp), with its ranges.
const KEYS: &[Key] = &[
    key("array_size", Kind::Int, 1, u16::MAX as i64 / 2, true),
    key("auto_object", Kind::Path, 0, 0, true),
    key("binary_port", Kind::Ports, 1, u16::MAX as i64, true),
    key("cache_size", Kind::Int, 1, UINDEX_MAX, false),
    key("call_outs", Kind::Int, 0, CINDEX_MAX - 1, true),
    key("create", Kind::Str, 0, 0, true),
    key("datagram_port", Kind::Ports, 1, u16::MAX as i64, false),
    key("datagram_users", Kind::Int, 0, EINDEX_MAX, false),
    key("directory", Kind::Str, 0, 0, true),
    key("driver_object", Kind::Path, 0, 0, true),
    key("dump_file", Kind::Str, 0, 0, true),
    key("dump_interval", Kind::Int, 0, 0, true),
    key("dynamic_chunk", Kind::Int, 1024, 0, true),
    key("ed_tmpfile", Kind::Str, 0, 0, true),
    key("editors", Kind::Int, 0, EINDEX_MAX, true),
    key("hotboot", Kind::Strings, 0, 0, false),
    key("include_dirs", Kind::Strings, 0, 0, true),
    key("include_file", Kind::Path, 0, 0, true),
    key("modules", Kind::Modules, 0, 0, false),
    key("objects", Kind::Int, 2, UINDEX_MAX, true),
    key("sector_size", Kind::Int, 512, 65535, true),
    key("static_chunk", Kind::Int, 0, 0, true),
    key("swap_file", Kind::Str, 0, 0, true),
    key("swap_fragment", Kind::Int, 0, UINDEX_MAX, true),
    key("swap_size", Kind::Int, 1024, SW_UNUSED, true),
    key("telnet_port", Kind::Ports, 1, u16::MAX as i64, true),
    key("typechecking", Kind::Int, 0, 2, true),
    key("users", Kind::Int, 0, EINDEX_MAX, true),
];

#[derive(Debug, Clone)]
enum Val {
    Int(i64),
    Str(String),
    Strings(Vec<String>),
    Ports(Vec<PortSpec>),
}

/// Normalises a mudlib path as DGD's resolver does: always absolute within
/// the mudlib, `.` and empty components dropped, `..` removed with its
/// parent (never above the root).
pub fn normalize_path(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for c in path.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    format!("/{}", parts.join("/"))
}

struct Parser<'a> {
    file: &'a Path,
    toks: Vec<Token>,
    pos: usize,
}

impl<'a> Parser<'a> {
    fn last_line(&self) -> u32 {
        self.toks.last().map_or(1, |t| t.line)
    }
    fn err(&self, line: u32, msg: impl Into<String>) -> ConfigError {
        ConfigError::Syntax {
            file: self.file.to_path_buf(),
            line,
            msg: msg.into(),
        }
    }
    fn next(&mut self, what: &str) -> Result<Token, ConfigError> {
        match self.toks.get(self.pos) {
            Some(t) => {
                self.pos += 1;
                Ok(t.clone())
            }
            None => Err(self.err(self.last_line(), format!("{what} expected at end of file"))),
        }
    }
    fn expect(&mut self, c: char) -> Result<u32, ConfigError> {
        let t = self.next(&format!("'{c}'"))?;
        if t.tok == Tok::Punct(c) {
            Ok(t.line)
        } else {
            Err(self.err(
                t.line,
                format!("'{c}' expected, found {}", t.tok.describe()),
            ))
        }
    }
    fn string(&mut self) -> Result<(String, u32), ConfigError> {
        let t = self.next("string")?;
        match t.tok {
            Tok::Str(s) => Ok((s, t.line)),
            other => Err(self.err(
                t.line,
                format!("string expected, found {}", other.describe()),
            )),
        }
    }

    fn value(&mut self, k: &Key, line: u32) -> Result<Val, ConfigError> {
        let t = self.next("value")?;
        let range = |n: i64, p: &Self| -> Result<i64, ConfigError> {
            if n < k.low || (k.high != 0 && n > k.high) {
                let hi = if k.high == 0 {
                    String::from("no limit")
                } else {
                    k.high.to_string()
                };
                Err(p.err(
                    t.line,
                    format!(
                        "int value out of range for {}: {n} (allowed {}..{hi})",
                        k.name, k.low
                    ),
                ))
            } else {
                Ok(n)
            }
        };
        match (k.kind, &t.tok) {
            (Kind::Int, Tok::Int(n)) => Ok(Val::Int(range(*n, self)?)),
            (Kind::Ports, Tok::Int(n)) => {
                let n = range(*n, self)?;
                Ok(Val::Ports(vec![PortSpec {
                    host: None,
                    port: n as u16,
                }]))
            }
            (Kind::Str | Kind::Path, Tok::Str(s)) => Ok(Val::Str(s.clone())),
            (Kind::Strings, Tok::Punct('(')) => {
                self.expect('{')?;
                let mut v = Vec::new();
                loop {
                    let (s, l) = self.string()?;
                    if v.len() == MAX_STRINGS {
                        return Err(self.err(l, "array too large"));
                    }
                    v.push(s);
                    let t = self.next("'}' or ','")?;
                    match t.tok {
                        Tok::Punct('}') => break,
                        Tok::Punct(',') => {}
                        other => {
                            return Err(self
                                .err(t.line, format!("',' expected, found {}", other.describe())))
                        }
                    }
                }
                self.expect(')')?;
                Ok(Val::Strings(v))
            }
            (Kind::Ports | Kind::Modules, Tok::Punct('(')) => {
                self.expect('[')?;
                let mut ports = Vec::new();
                let mut modules = Vec::new();
                let mut t = self.next("']'")?;
                if t.tok != Tok::Punct(']') {
                    loop {
                        let host = match &t.tok {
                            Tok::Str(s) => s.clone(),
                            other => {
                                return Err(self.err(
                                    t.line,
                                    format!("string expected, found {}", other.describe()),
                                ))
                            }
                        };
                        self.expect(':')?;
                        if k.kind == Kind::Ports {
                            if ports.len() == MAX_PORTS {
                                return Err(self.err(t.line, "too many ports"));
                            }
                            let p = self.next("integer")?;
                            let n = match p.tok {
                                Tok::Int(n) => n,
                                other => {
                                    return Err(self.err(
                                        p.line,
                                        format!("integer expected, found {}", other.describe()),
                                    ))
                                }
                            };
                            if n <= 0 || n > i64::from(u16::MAX) {
                                return Err(self.err(
                                    p.line,
                                    format!("int value out of range for {}: {n}", k.name),
                                ));
                            }
                            ports.push(PortSpec {
                                host: if host == "*" { None } else { Some(host) },
                                port: n as u16,
                            });
                        } else {
                            let (conf, _) = self.string()?;
                            modules.push((host, conf));
                        }
                        let sep = self.next("']' or ','")?;
                        match sep.tok {
                            Tok::Punct(']') => break,
                            Tok::Punct(',') => {}
                            other => {
                                return Err(self.err(
                                    sep.line,
                                    format!("',' expected, found {}", other.describe()),
                                ))
                            }
                        }
                        t = self.next("string")?;
                    }
                }
                self.expect(')')?;
                if k.kind == Kind::Modules {
                    if let Some((name, _)) = modules.first() {
                        return Err(self.err(
                            line,
                            format!("cannot load runtime extension \"{name}\": modules are not supported"),
                        ));
                    }
                    return Ok(Val::Strings(Vec::new()));
                }
                Ok(Val::Ports(ports))
            }
            (_, other) => Err(self.err(
                t.line,
                format!("bad value type for {}: {}", k.name, other.describe()),
            )),
        }
    }
}

impl Config {
    /// Reads and checks a config file.
    pub fn load(file: &Path) -> Result<Config, ConfigError> {
        let src = std::fs::read(file).map_err(|source| ConfigError::Read {
            file: file.to_path_buf(),
            source,
        })?;
        Self::parse(file, &src)
    }

    /// Parses config text; `file` names it in errors and anchors a relative
    /// `directory`.
    pub fn parse(file: &Path, src: &[u8]) -> Result<Config, ConfigError> {
        let toks = tokenize(file, src)?;
        let mut p = Parser { file, toks, pos: 0 };
        let mut vals: Vec<Option<(Val, u32)>> = vec![None; KEYS.len()];
        let mut warnings = Vec::new();
        while p.pos < p.toks.len() {
            let t = p.next("option")?;
            let name = match t.tok {
                Tok::Ident(n) => n,
                other => {
                    return Err(p.err(
                        t.line,
                        format!("option expected, found {}", other.describe()),
                    ))
                }
            };
            let idx = KEYS
                .iter()
                .position(|k| k.name == name)
                .ok_or_else(|| p.err(t.line, format!("unknown option {name}")))?;
            let k = &KEYS[idx];
            p.expect('=')?;
            let v = p.value(k, t.line)?;
            p.expect(';')?;
            if k.name == "cache_size" {
                warnings.push(Warning {
                    line: t.line,
                    msg: "option 'cache_size' is deprecated".into(),
                });
            }
            vals[idx] = Some((v, t.line));
        }
        for (k, v) in KEYS.iter().zip(&vals) {
            if k.required && v.is_none() {
                return Err(ConfigError::Missing {
                    file: file.to_path_buf(),
                    key: k.name,
                });
            }
        }
        let get = |name: &str| -> Option<&Val> {
            KEYS.iter()
                .position(|k| k.name == name)
                .and_then(|i| vals[i].as_ref())
                .map(|(v, _)| v)
        };
        let int = |name: &str| -> u32 {
            match get(name) {
                Some(Val::Int(n)) => u32::try_from(*n).unwrap_or(u32::MAX),
                _ => 0,
            }
        };
        let string = |name: &str| -> String {
            match get(name) {
                Some(Val::Str(s)) => s.clone(),
                _ => String::new(),
            }
        };
        let strings = |name: &str| -> Option<Vec<String>> {
            match get(name) {
                Some(Val::Strings(s)) => Some(s.clone()),
                _ => None,
            }
        };
        let ports = |name: &str| -> Vec<PortSpec> {
            match get(name) {
                Some(Val::Ports(p)) => p.clone(),
                _ => Vec::new(),
            }
        };
        let invalid = |msg: String| ConfigError::Invalid {
            file: file.to_path_buf(),
            msg,
        };

        let users = int("users");
        let datagram_users = int("datagram_users");
        if users + datagram_users == 0 {
            return Err(invalid("no users".into()));
        }
        if i64::from(users) + i64::from(datagram_users) > EINDEX_MAX {
            return Err(invalid("total number of users too high".into()));
        }
        let dir_raw = string("directory");
        if dir_raw.is_empty() {
            return Err(invalid("directory is empty".into()));
        }
        let base = file
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let dir = Path::new(&dir_raw);
        let directory = if dir.is_absolute() {
            dir.to_path_buf()
        } else {
            base.join(dir)
        };
        let directory = std::path::absolute(&directory).unwrap_or(directory);
        let include_dirs = strings("include_dirs").unwrap_or_default();
        if include_dirs.is_empty() {
            return Err(invalid(
                "include_dirs must name at least one directory".into(),
            ));
        }
        let hotboot = strings("hotboot");
        if let Some(h) = &hotboot {
            if h.is_empty() {
                return Err(invalid("hotboot must name the program to run".into()));
            }
        }
        let cache_size = match get("cache_size") {
            Some(Val::Int(n)) => Some(u32::try_from(*n).unwrap_or(u32::MAX)),
            _ => None,
        };
        let typechecking = int("typechecking") as u8;
        Ok(Config {
            file: file.to_path_buf(),
            telnet_ports: ports("telnet_port"),
            binary_ports: ports("binary_port"),
            datagram_ports: ports("datagram_port"),
            directory,
            users,
            datagram_users,
            editors: int("editors"),
            ed_tmpfile: string("ed_tmpfile"),
            swap_file: string("swap_file"),
            dump_file: string("dump_file"),
            swap_size: int("swap_size"),
            cache_size,
            sector_size: int("sector_size"),
            swap_fragment: int("swap_fragment"),
            static_chunk: int("static_chunk"),
            dynamic_chunk: int("dynamic_chunk"),
            dump_interval: int("dump_interval"),
            typechecking,
            create: string("create"),
            include_file: normalize_path(&string("include_file")),
            auto_object: normalize_path(&string("auto_object")),
            driver_object: normalize_path(&string("driver_object")),
            include_dirs,
            hotboot,
            array_size: int("array_size"),
            objects: int("objects"),
            call_outs: int("call_outs"),
            warnings,
        })
    }

    /// A file path from the config (`swap_file`, `dump_file`, `ed_tmpfile`)
    /// resolved as DGD does: relative to the mudlib directory.
    pub fn mudlib_file(&self, p: &str) -> PathBuf {
        let path = Path::new(p);
        if path.is_absolute() {
            path.to_path_buf()
        } else {
            self.directory.join(path)
        }
    }

    /// Where the generated headers go: the first include dir, inside the
    /// mudlib (DGD writes `dirs[0]/status.h` after changing into the mudlib;
    /// a leading `/` means the mudlib root, and DGD's `~/include` resolves
    /// to the driver's own include directory only in compiled paths, so a
    /// `~` is kept literally, as DGD's file write does).
    pub fn header_dir(&self) -> PathBuf {
        let first = self.include_dirs.first().map_or("/include", String::as_str);
        let rel = normalize_path(first);
        self.directory.join(rel.trim_start_matches('/'))
    }

    /// The swapfile path.
    pub fn swap_path(&self) -> PathBuf {
        self.mudlib_file(&self.swap_file)
    }

    /// The dump file path.
    pub fn dump_path(&self) -> PathBuf {
        self.mudlib_file(&self.dump_file)
    }
}

#[cfg(test)]
mod tests;
