//! DGD's preprocessor: directives, macros, includes; produces the token
//! stream the parser reads.
//!
//! Files are never read directly: `#include` goes through an
//! [`IncludeResolver`] (the driver implements it with its `include_file`
//! hook; tests use [`MemResolver`]). `"x"` is looked up relative to the
//! including file first, then in the include dirs; `<x>` only in the include
//! dirs. The config's `include_file` is included before the first line.
//! Everything is bounded: include nesting (64), macro nesting and expansion
//! size, conditional nesting, so no input makes it hang or run out of memory.

use crate::ast::{Bytes, Name, Pos};
use crate::lex::{Diagnostic, FxHashMap, Interner, Kw, Lexer, RawTok, Tok, P};
use std::collections::HashMap;
use std::sync::Arc;

/// Resolves `#include` files.
pub trait IncludeResolver {
    /// Returns the contents of the mudlib file at `path` (absolute, normalised,
    /// e.g. `/include/std.h`) included from `from`, with the name to report it
    /// under, or `None` when it cannot be included.
    fn include(&mut self, from: &str, path: &str) -> Option<(Arc<str>, Bytes)>;

    /// As [`IncludeResolver::include`], also given the name as the directive
    /// wrote it (`x.h`, or an include dir joined with it: `/include/x.h`), which
    /// is what DGD passes to the driver's `include_file`; `resolved` is it made
    /// absolute relative to `from`'s directory.
    fn include_as(
        &mut self,
        from: &str,
        written: &str,
        resolved: &str,
    ) -> Option<(Arc<str>, Bytes)> {
        let _ = written;
        self.include(from, resolved)
    }
}

/// Serves files from memory (tests, fuzzing).
#[derive(Default, Clone)]
pub struct MemResolver {
    /// Files by absolute path.
    pub files: HashMap<String, Bytes>,
}

impl MemResolver {
    /// Adds a file.
    pub fn add(&mut self, path: &str, text: &str) {
        self.files
            .insert(path.to_string(), Arc::from(text.as_bytes()));
    }
}

impl IncludeResolver for MemResolver {
    fn include(&mut self, _from: &str, path: &str) -> Option<(Arc<str>, Bytes)> {
        self.files.get(path).map(|b| (Arc::from(path), b.clone()))
    }
}

/// Preprocessor settings (from the driver config).
#[derive(Clone, Debug, Default)]
pub struct PpOptions {
    /// `include_dirs`, searched for `<x>` and as fallback for `"x"`.
    pub include_dirs: Vec<String>,
    /// `include_file`: included before every compiled file.
    pub include_file: Option<String>,
    /// `__DATE__` (e.g. `"Nov 21 2026"`, without quotes); fixed text when `None`.
    pub date: Option<String>,
    /// `__TIME__` (`"17:22:43"`); fixed text when `None`.
    pub time: Option<String>,
}

/// A token of the preprocessed stream.
#[derive(Clone, Debug)]
pub struct Token {
    /// The token (identifiers that are keywords are [`Tok::Kw`]).
    pub tok: Tok,
    /// Where it came from (the line of the macro use for expanded tokens).
    pub pos: Pos,
}

/// The result of preprocessing one file.
#[derive(Debug, Default)]
pub struct PpOutput {
    /// Tokens, ending with one [`Tok::Eof`].
    pub tokens: Vec<Token>,
    /// File names by [`Pos::file`].
    pub files: Vec<Arc<str>>,
    /// Errors found.
    pub diags: Vec<Diagnostic>,
}

/// Max `#include` nesting.
pub const MAX_INCLUDE_DEPTH: usize = 64;
/// Max macro parameters.
pub const MAX_MACRO_PARAMS: usize = 31;
/// Max nested macro expansions (arguments within arguments).
const MAX_MACRO_NESTING: usize = 64;
/// Max tokens produced by macro expansion in one file.
const MAX_EXPANSION: usize = 1 << 20;
/// Max output tokens for one file.
const MAX_TOKENS: usize = 2 << 20;
/// Max errors kept per file.
const MAX_DIAGS: usize = 200;
/// Max files included while preprocessing one file (bounds self-including headers).
const MAX_INCLUDES: usize = 1024;

/// Normalises a mudlib path: makes it absolute relative to `dir`, resolves `.`
/// and `..` (never above the root) and collapses slashes.
pub fn normalize_path(dir: &str, path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let full_rel = !path.starts_with('/');
    if full_rel {
        for p in dir.split('/') {
            push_part(&mut parts, p);
        }
    }
    for p in path.split('/') {
        push_part(&mut parts, p);
    }
    let mut s = String::with_capacity(path.len() + dir.len() + 1);
    for p in parts {
        s.push('/');
        s.push_str(p);
    }
    if s.is_empty() {
        s.push('/');
    }
    s
}

fn push_part<'a>(parts: &mut Vec<&'a str>, p: &'a str) {
    match p {
        "" | "." => {}
        ".." => {
            parts.pop();
        }
        _ => parts.push(p),
    }
}

/// Expands a leading `~` the way DGD's kernel library does (its driver object
/// does this in `include_file` and `inherit_program`): `~` is the home
/// directory of the file's owner, `/usr/NAME` for a file under `/usr/NAME/`,
/// `/usr/System` for everything else. Other paths are only normalised.
pub fn expand_home(from: &str, path: &str) -> String {
    let Some(rest) = path.strip_prefix('~') else {
        return normalize_path(dir_of(from), path);
    };
    // `~name/...` is the home directory of `name`
    if let Some((user, tail)) = rest.split_once('/') {
        if !user.is_empty() {
            return normalize_path(&format!("/usr/{user}"), tail);
        }
    } else if !rest.is_empty() {
        return normalize_path("/usr", rest);
    }
    let home = match from.strip_prefix("/usr/") {
        Some(r) => match r.split_once('/') {
            Some((user, _)) if !user.is_empty() => format!("/usr/{user}"),
            _ => "/usr/System".to_string(),
        },
        None => "/usr/System".to_string(),
    };
    normalize_path(&home, rest.trim_start_matches('/'))
}

/// The directory part of a path (`/a/b.c` → `/a`).
pub fn dir_of(path: &str) -> &str {
    match path.rfind('/') {
        Some(i) => path.get(..i).unwrap_or(""),
        None => "",
    }
}

/// Preprocesses `src`, the contents of the mudlib file `path`.
pub fn preprocess(
    path: &str,
    src: &[u8],
    resolver: &mut dyn IncludeResolver,
    opts: &PpOptions,
) -> PpOutput {
    let mut pp = Pp::new(resolver, opts);
    pp.run(path, Arc::from(src));
    PpOutput {
        tokens: pp.out,
        files: pp.files,
        diags: pp.diags,
    }
}

/// A token inside the preprocessor.
#[derive(Clone, Debug, PartialEq)]
struct PT {
    tok: Tok,
    space: bool,
    line: u32,
    file: u32,
    /// Where its text is: (source buffer, start, end), for tokens read from a file.
    span: Option<(u32, u32, u32)>,
}

#[derive(Clone, Debug, PartialEq)]
enum BT {
    Tok(Tok, bool, Option<(u32, u32, u32)>),
    Arg(usize, bool),
    Str(usize, bool),
    Paste,
}

#[derive(Clone, Debug, PartialEq)]
struct Macro {
    /// `None` for object-like macros.
    params: Option<usize>,
    body: Vec<BT>,
}

impl Macro {
    /// Same parameters and replacement (ignoring where the text was).
    fn same_as(&self, other: &Macro) -> bool {
        self.params == other.params
            && self.body.len() == other.body.len()
            && self
                .body
                .iter()
                .zip(&other.body)
                .all(|(a, b)| match (a, b) {
                    (BT::Tok(t1, s1, _), BT::Tok(t2, s2, _)) => t1 == t2 && s1 == s2,
                    _ => a == b,
                })
    }
}

#[derive(Clone, Copy)]
struct Cond {
    /// Tokens of the current group are emitted.
    active: bool,
    /// Some group of this #if was taken.
    taken: bool,
    /// `#else` seen.
    seen_else: bool,
    /// The enclosing context was active.
    parent_active: bool,
}

struct FileSrc {
    lexer: Lexer,
    file: u32,
    src_id: u32,
    name: Arc<str>,
    conds: Vec<Cond>,
}

struct MacroSrc {
    toks: Vec<PT>,
    idx: usize,
    /// The macro to re-enable when done (`None` for argument barriers).
    name: Option<Name>,
    /// Reading stops here (argument pre-expansion, #if lines).
    barrier: bool,
}

enum Src {
    File(FileSrc),
    Macro(MacroSrc),
}

struct Pp<'r> {
    resolver: &'r mut dyn IncludeResolver,
    opts: &'r PpOptions,
    interner: Interner,
    macros: FxHashMap<Name, Macro>,
    disabled: Vec<Name>,
    stack: Vec<Src>,
    pending: Vec<PT>,
    files: Vec<Arc<str>>,
    /// Every source buffer read (for the text of tokens).
    srcs: Vec<Bytes>,
    out: Vec<Token>,
    diags: Vec<Diagnostic>,
    nfiles: usize,
    expansion: usize,
    nesting: usize,
    expansion_overflow: bool,
    date: Arc<[u8]>,
    time: Arc<[u8]>,
}

fn is_special(name: &str) -> bool {
    matches!(name, "__LINE__" | "__FILE__" | "__DATE__" | "__TIME__")
}

impl<'r> Pp<'r> {
    fn new(resolver: &'r mut dyn IncludeResolver, opts: &'r PpOptions) -> Pp<'r> {
        let mut pp = Pp {
            resolver,
            opts,
            interner: Interner::default(),
            macros: FxHashMap::default(),
            disabled: Vec::new(),
            stack: Vec::new(),
            pending: Vec::new(),
            files: Vec::new(),
            srcs: Vec::new(),
            out: Vec::new(),
            diags: Vec::new(),
            nfiles: 0,
            expansion: 0,
            nesting: 0,
            expansion_overflow: false,
            date: Arc::from(opts.date.as_deref().unwrap_or("Jan  1 1970").as_bytes()),
            time: Arc::from(opts.time.as_deref().unwrap_or("00:00:00").as_bytes()),
        };
        let dgd = pp.interner.intern(b"__DGD__");
        pp.macros.insert(
            dgd,
            Macro {
                params: None,
                body: vec![BT::Tok(Tok::Int(1), true, None)],
            },
        );
        pp
    }

    fn error_at(&mut self, file: u32, line: u32, msg: impl Into<String>) {
        if self.diags.len() >= MAX_DIAGS {
            return;
        }
        let f = self
            .files
            .get(file as usize)
            .cloned()
            .unwrap_or_else(|| Arc::from("?"));
        self.diags.push(Diagnostic {
            file: f,
            line,
            message: msg.into(),
        });
    }

    /// Error at the current file position.
    fn error(&mut self, msg: impl Into<String>) {
        let (file, line) = self.cur_pos();
        self.error_at(file, line, msg);
    }

    fn cur_pos(&self) -> (u32, u32) {
        for s in self.stack.iter().rev() {
            if let Src::File(f) = s {
                return (f.file, f.lexer.line());
            }
        }
        (0, 0)
    }

    fn add_file(&mut self, name: Arc<str>) -> u32 {
        if let Some(i) = self.files.iter().position(|f| **f == *name) {
            return i as u32;
        }
        self.files.push(name);
        (self.files.len() - 1) as u32
    }

    fn push_file(&mut self, name: Arc<str>, text: Bytes) {
        let file = self.add_file(name.clone());
        self.nfiles += 1;
        let src_id = self.srcs.len() as u32;
        self.srcs.push(text.clone());
        self.stack.push(Src::File(FileSrc {
            lexer: Lexer::new(text),
            file,
            src_id,
            name,
            conds: Vec::new(),
        }));
    }

    fn file_depth(&self) -> usize {
        self.stack
            .iter()
            .filter(|s| matches!(s, Src::File(_)))
            .count()
    }

    fn run(&mut self, path: &str, src: Bytes) {
        let name: Arc<str> = Arc::from(path);
        self.push_file(name.clone(), src);
        if let Some(inc) = self.opts.include_file.clone() {
            let p = normalize_path("/", &inc);
            match self.resolver.include(path, &p) {
                Some((n, text)) => self.push_file(n, text),
                None => self.error(format!("cannot include \"{inc}\"")),
            }
        }
        loop {
            let t = self.next_expanded();
            let Some(t) = t else { break };
            if self.out.len() >= MAX_TOKENS {
                self.error_at(t.file, t.line, "program too large");
                break;
            }
            let tok = match t.tok {
                Tok::Ident(ref n) => match Kw::from_ident(n) {
                    Some(k) => Tok::Kw(k),
                    None => t.tok,
                },
                Tok::P(P::Hash | P::HashHash) => {
                    self.error_at(t.file, t.line, "illegal character: '#'");
                    continue;
                }
                Tok::Bad(c) => {
                    let msg = if (0x20..0x7f).contains(&c) {
                        format!("illegal character: '{}'", c as char)
                    } else {
                        format!("illegal character: 0x{c:02x}")
                    };
                    self.error_at(t.file, t.line, msg);
                    continue;
                }
                other => other,
            };
            self.out.push(Token {
                tok,
                pos: Pos {
                    file: t.file,
                    line: t.line,
                },
            });
        }
        // the end of input is the last line of the compiled file
        let line = match self.stack.first() {
            Some(Src::File(f)) => f.lexer.line(),
            _ => self.out.last().map(|t| t.pos.line).unwrap_or(1),
        };
        self.out.push(Token {
            tok: Tok::Eof,
            pos: Pos { file: 0, line },
        });
    }

    /// The next raw token (directives processed, no macro expansion), or
    /// `None` at the end of input or at a barrier.
    fn next_raw(&mut self) -> Option<PT> {
        if let Some(t) = self.pending.pop() {
            return Some(t);
        }
        loop {
            let top = self.stack.last_mut()?;
            match top {
                Src::Macro(m) => {
                    if let Some(t) = m.toks.get(m.idx) {
                        m.idx += 1;
                        return Some(t.clone());
                    }
                    if m.barrier {
                        return None;
                    }
                    let name = m.name.clone();
                    self.stack.pop();
                    if let Some(n) = name {
                        if let Some(i) = self.disabled.iter().rposition(|d| *d == n) {
                            self.disabled.remove(i);
                        }
                    }
                }
                Src::File(f) => {
                    let rt = f.lexer.next_tok(&mut self.interner);
                    let file = f.file;
                    let src_id = f.src_id;
                    self.flush_lex_errors();
                    match rt.tok {
                        Tok::P(P::Hash) if rt.bol => {
                            self.directive();
                        }
                        Tok::Eof => {
                            let unclosed = match self.stack.last() {
                                Some(Src::File(f)) => !f.conds.is_empty(),
                                _ => false,
                            };
                            if unclosed {
                                self.error("missing #endif");
                            }
                            if self.file_depth() <= 1 {
                                return None;
                            }
                            self.stack.pop();
                        }
                        _ => {
                            return Some(PT {
                                tok: rt.tok,
                                space: rt.space,
                                line: rt.line,
                                file,
                                span: Some((src_id, rt.start, rt.end)),
                            })
                        }
                    }
                }
            }
        }
    }

    fn flush_lex_errors(&mut self) {
        let (file, errs) = match self.stack.last_mut() {
            Some(Src::File(f)) if !f.lexer.errors.is_empty() => {
                (f.file, std::mem::take(&mut f.lexer.errors))
            }
            _ => return,
        };
        for (line, msg) in errs {
            self.error_at(file, line, msg);
        }
    }

    /// The next token after macro expansion.
    fn next_expanded(&mut self) -> Option<PT> {
        loop {
            let t = self.next_raw()?;
            let Tok::Ident(name) = &t.tok else {
                return Some(t);
            };
            if is_special(name) {
                return Some(self.special(name, &t));
            }
            if self.expansion_overflow
                || !self.macros.contains_key(name)
                || self.disabled.iter().any(|d| d == name)
            {
                return Some(t);
            }
            let name = name.clone();
            if !self.expand(&name, &t) {
                return Some(t);
            }
        }
    }

    fn special(&mut self, name: &str, t: &PT) -> PT {
        let tok = match name {
            "__LINE__" => Tok::Int(t.line as i32),
            "__FILE__" => {
                let f = self
                    .files
                    .get(t.file as usize)
                    .map(|s| s.as_bytes().to_vec())
                    .unwrap_or_default();
                Tok::Str(Arc::from(f))
            }
            "__DATE__" => Tok::Str(self.date.clone()),
            _ => Tok::Str(self.time.clone()),
        };
        PT {
            tok,
            space: t.space,
            line: t.line,
            file: t.file,
            span: None,
        }
    }

    /// Expands macro `name` used at `at`; pushes the replacement. Returns
    /// false when the name is not to be expanded here (function-like macro
    /// without arguments).
    fn expand(&mut self, name: &Name, at: &PT) -> bool {
        let Some(mac) = self.macros.get(name).cloned() else {
            return false;
        };
        let args: Vec<Vec<PT>> = match mac.params {
            None => Vec::new(),
            Some(n) => {
                // need '(' next
                match self.next_raw() {
                    Some(PT {
                        tok: Tok::P(P::LParen),
                        ..
                    }) => {}
                    Some(other) => {
                        self.pending.push(other);
                        return false;
                    }
                    None => return false,
                }
                let Some(args) = self.collect_args(at) else {
                    return true;
                };
                let args = if n == 0 && args.len() == 1 && args[0].is_empty() {
                    Vec::new()
                } else {
                    args
                };
                if args.len() != n {
                    self.error_at(at.file, at.line, "macro argument count mismatch");
                    return true;
                }
                args
            }
        };
        let mut out: Vec<PT> = Vec::with_capacity(mac.body.len());
        let mut paste = false;
        let mut prev_start = 0usize;
        let mut expanded_args: Vec<Option<Vec<PT>>> = vec![None; args.len()];
        let body_len = mac.body.len();
        for (i, bt) in mac.body.iter().enumerate() {
            let next_is_paste = i + 1 < body_len && matches!(mac.body.get(i + 1), Some(BT::Paste));
            let piece: Vec<PT> = match bt {
                BT::Paste => {
                    paste = true;
                    continue;
                }
                BT::Tok(tok, space, span) => vec![PT {
                    tok: tok.clone(),
                    space: *space,
                    line: at.line,
                    file: at.file,
                    span: *span,
                }],
                BT::Str(a, space) => {
                    let mut s = Vec::new();
                    for (k, t) in args
                        .get(*a)
                        .map(|v| v.as_slice())
                        .unwrap_or(&[])
                        .iter()
                        .enumerate()
                    {
                        if k > 0 && t.space {
                            s.push(b' ');
                        }
                        self.spell(t, &mut s);
                    }
                    vec![PT {
                        tok: Tok::Str(Arc::from(s)),
                        space: *space,
                        line: at.line,
                        file: at.file,
                        span: None,
                    }]
                }
                BT::Arg(a, space) => {
                    let raw = args.get(*a).cloned().unwrap_or_default();
                    let mut v = if paste || next_is_paste {
                        raw
                    } else {
                        if expanded_args.get(*a).is_some_and(|e| e.is_none()) {
                            let e = self.expand_list(raw);
                            if let Some(slot) = expanded_args.get_mut(*a) {
                                *slot = Some(e);
                            }
                        }
                        expanded_args.get(*a).cloned().flatten().unwrap_or_default()
                    };
                    if let Some(first) = v.first_mut() {
                        first.space = *space;
                    }
                    for t in v.iter_mut() {
                        t.line = at.line;
                        t.file = at.file;
                    }
                    v
                }
            };
            if paste {
                paste = false;
                // DGD pastes text: the whole left piece with the whole right one
                if let Some(first) = out.get(prev_start).cloned() {
                    let mut s = Vec::new();
                    for (k, t) in out.get(prev_start..).unwrap_or(&[]).iter().enumerate() {
                        if k > 0 && t.space {
                            s.push(b' ');
                        }
                        self.spell(t, &mut s);
                    }
                    for (k, t) in piece.iter().enumerate() {
                        if k > 0 && t.space {
                            s.push(b' ');
                        }
                        self.spell(t, &mut s);
                    }
                    out.truncate(prev_start);
                    let pasted = self.relex(&s, &first);
                    out.extend(pasted);
                    continue;
                }
            }
            prev_start = out.len();
            out.extend(piece);
        }
        self.expansion = self.expansion.saturating_add(out.len() + 1);
        if self.expansion > MAX_EXPANSION {
            self.error_at(at.file, at.line, "macro expansion too large");
            self.expansion_overflow = true;
            return true;
        }
        if let Some(first) = out.first_mut() {
            first.space = at.space;
        }
        self.disabled.push(name.clone());
        self.stack.push(Src::Macro(MacroSrc {
            toks: out,
            idx: 0,
            name: Some(name.clone()),
            barrier: false,
        }));
        true
    }

    /// The text of a token: as written when it came from a file, else spelled.
    fn spell(&self, t: &PT, out: &mut Vec<u8>) {
        if let Some((src, a, b)) = t.span {
            if let Some(text) = self
                .srcs
                .get(src as usize)
                .and_then(|s| s.get(a as usize..b as usize))
            {
                out.extend_from_slice(text);
                return;
            }
        }
        t.tok.spell(out);
    }

    /// Re-scans pasted text into tokens.
    fn relex(&mut self, s: &[u8], like: &PT) -> Vec<PT> {
        let mut lx = Lexer::new(Arc::from(s));
        let mut v = Vec::new();
        let mut first = true;
        loop {
            let rt: RawTok = lx.next_tok(&mut self.interner);
            if rt.tok == Tok::Eof {
                break;
            }
            v.push(PT {
                tok: rt.tok,
                space: if first { like.space } else { rt.space },
                line: like.line,
                file: like.file,
                span: None,
            });
            first = false;
        }
        v
    }

    /// Fully macro-expands a token list (macro arguments, `#if` lines).
    fn expand_list(&mut self, toks: Vec<PT>) -> Vec<PT> {
        if self.nesting >= MAX_MACRO_NESTING {
            self.error("macro expansion too deep");
            return toks;
        }
        self.nesting += 1;
        let saved_pending = std::mem::take(&mut self.pending);
        self.stack.push(Src::Macro(MacroSrc {
            toks,
            idx: 0,
            name: None,
            barrier: true,
        }));
        let depth = self.stack.len();
        let mut out = Vec::new();
        while let Some(t) = self.next_expanded() {
            out.push(t);
            if out.len() > MAX_EXPANSION {
                break;
            }
        }
        // pop everything above and including the barrier
        while self.stack.len() >= depth {
            if let Some(Src::Macro(m)) = self.stack.pop() {
                if let Some(n) = m.name {
                    if let Some(i) = self.disabled.iter().rposition(|d| *d == n) {
                        self.disabled.remove(i);
                    }
                }
            }
        }
        // tokens pushed back at the barrier belong to the list
        out.extend(self.pending.drain(..).rev());
        self.pending = saved_pending;
        self.nesting -= 1;
        out
    }

    /// Collects macro arguments after `(`; `None` at end of input.
    fn collect_args(&mut self, at: &PT) -> Option<Vec<Vec<PT>>> {
        let mut args = vec![Vec::new()];
        let mut depth = 0usize;
        let mut total = 0usize;
        loop {
            let Some(t) = self.next_raw() else {
                // reported where the call started, as DGD does
                self.error_at(at.file, at.line, "EOF in macro call");
                return None;
            };
            total += 1;
            if total > MAX_EXPANSION {
                self.error("macro argument too long");
                return None;
            }
            match t.tok {
                Tok::P(P::LParen | P::LBracket | P::LBrace) => depth += 1,
                Tok::P(P::RParen) if depth == 0 => return Some(args),
                Tok::P(P::RParen | P::RBracket | P::RBrace) => depth = depth.saturating_sub(1),
                Tok::P(P::Comma) if depth == 0 => {
                    args.push(Vec::new());
                    continue;
                }
                _ => {}
            }
            if let Some(a) = args.last_mut() {
                a.push(t);
            }
        }
    }

    // ---- directives ----

    fn lexer(&mut self) -> Option<&mut FileSrc> {
        match self.stack.last_mut() {
            Some(Src::File(f)) => Some(f),
            _ => None,
        }
    }

    /// Tokens of the rest of the directive line.
    fn line_tokens(&mut self) -> Vec<PT> {
        let mut v = Vec::new();
        let Some(Src::File(f)) = self.stack.last_mut() else {
            return v;
        };
        let file = f.file;
        let src_id = f.src_id;
        while let Some(rt) = f.lexer.next_in_line(&mut self.interner) {
            if v.len() < 100_000 {
                v.push(PT {
                    tok: rt.tok,
                    space: rt.space,
                    line: rt.line,
                    file,
                    span: Some((src_id, rt.start, rt.end)),
                });
            }
        }
        self.flush_lex_errors();
        v
    }

    /// After an error in a directive, DGD skips the rest of its line and also
    /// reports "unterminated line" when the file ends there without a newline.
    fn unterminated_line(&mut self) {
        if self.lexer().is_some_and(|f| f.lexer.at_eof()) {
            self.error("unterminated line");
        }
    }

    fn skip_line(&mut self) {
        if let Some(f) = self.lexer() {
            f.lexer.skip_to_eol();
        }
        self.flush_lex_errors();
    }

    fn directive_name(&mut self) -> Option<Tok> {
        let Some(Src::File(f)) = self.stack.last_mut() else {
            return None;
        };
        let rt = f.lexer.next_in_line(&mut self.interner)?;
        Some(rt.tok)
    }

    fn active(&self) -> bool {
        match self.stack.last() {
            Some(Src::File(f)) => f.conds.last().is_none_or(|c| c.active),
            _ => true,
        }
    }

    fn directive(&mut self) {
        let name = self.directive_name();
        let name = match name {
            None => return, // null directive
            Some(Tok::Ident(n)) => n,
            Some(Tok::Int(_)) if self.active() => {
                // `# 12 "file"` line markers
                self.skip_line();
                return;
            }
            Some(_) => {
                if self.active() {
                    self.error("undefined control");
                }
                self.skip_line();
                return;
            }
        };
        match &*name {
            "if" | "ifdef" | "ifndef" => {
                let parent_active = self.active();
                let val = if parent_active {
                    match &*name {
                        "if" => self.if_expr(),
                        _ => {
                            let def = self.ifdef_name(&name);
                            if &*name == "ifdef" {
                                def
                            } else {
                                !def
                            }
                        }
                    }
                } else {
                    self.skip_line();
                    false
                };
                if let Some(f) = self.lexer() {
                    if f.conds.len() < 10_000 {
                        f.conds.push(Cond {
                            active: parent_active && val,
                            taken: val,
                            seen_else: false,
                            parent_active,
                        });
                    }
                }
            }
            "elif" | "else" | "endif" => self.conditional_tail(&name),
            _ if !self.active() => self.skip_line(),
            "define" => self.define(),
            "undef" => {
                if let Some(n) = self.directive_ident("undef") {
                    if is_special(&n) {
                        self.error("#undef of predefined macro");
                    } else {
                        self.macros.remove(&n);
                    }
                }
            }
            "include" => self.include(),
            "line" => {
                let t = self.line_tokens();
                match t.first().map(|t| &t.tok) {
                    Some(Tok::Int(n)) => {
                        let n = (*n).max(1) as u32;
                        let newname = match t.get(1).map(|t| &t.tok) {
                            Some(Tok::Str(s)) => Some(String::from_utf8_lossy(s).into_owned()),
                            _ => None,
                        };
                        let idx = newname.map(|s| self.add_file(Arc::from(s)));
                        if let Some(f) = self.lexer() {
                            // the newline ending this directive advances the line
                            f.lexer.set_line(n.saturating_sub(1));
                            if let Some(i) = idx {
                                f.file = i;
                            }
                        }
                    }
                    None => self.error("missing number in #line"),
                    Some(_) => self.error("unexpected token in #line"),
                }
            }
            "error" => {
                let rest = match self.lexer() {
                    Some(f) => f.lexer.rest_of_line(),
                    None => Vec::new(),
                };
                if rest.is_empty() {
                    self.error("#error directive");
                } else {
                    self.error(format!("#error: {}", String::from_utf8_lossy(&rest)));
                }
            }
            "pragma" => self.skip_line(),
            _ => {
                self.error("undefined control");
                self.skip_line();
            }
        }
        if !self.active() {
            self.skip_group();
        }
    }

    /// Skips lines of an inactive group until a directive that ends it.
    fn skip_group(&mut self) {
        self.flush_lex_errors();
        loop {
            if self.active() {
                return;
            }
            let Some(Src::File(f)) = self.stack.last_mut() else {
                return;
            };
            // at the start of a line (or rest of the directive line)
            f.lexer.skip_to_eol();
            let rt = f.lexer.next_tok(&mut self.interner);
            match rt.tok {
                Tok::Eof => {
                    // put nothing back: the file source sees EOF again
                    self.flush_lex_errors();
                    return;
                }
                Tok::P(P::Hash) if rt.bol => {
                    self.flush_lex_errors();
                    self.directive_skipping();
                }
                _ => {
                    if let Some(f) = self.lexer() {
                        f.lexer.errors.clear();
                    }
                }
            }
        }
    }

    /// A directive inside an inactive group: only conditionals matter.
    fn directive_skipping(&mut self) {
        let Some(Tok::Ident(name)) = self.directive_name() else {
            return;
        };
        match &*name {
            "if" | "ifdef" | "ifndef" | "elif" | "else" | "endif" => {
                // reuse the full handling; it knows the group is inactive
                self.directive_named(name);
            }
            _ => {}
        }
    }

    fn directive_named(&mut self, name: Name) {
        // Re-dispatch with the name already read: push it back through a tiny shim.
        match &*name {
            "if" | "ifdef" | "ifndef" => {
                if let Some(f) = self.lexer() {
                    if f.conds.len() < 10_000 {
                        f.conds.push(Cond {
                            active: false,
                            taken: true,
                            seen_else: false,
                            parent_active: false,
                        });
                    }
                }
                self.skip_line();
            }
            "elif" | "else" | "endif" => self.conditional_tail(&name),
            _ => self.skip_line(),
        }
    }

    /// Tokens after a complete directive are an error.
    /// `#elif`, `#else` and `#endif`, the same in active and skipped groups.
    fn conditional_tail(&mut self, name: &str) {
        match name {
            "elif" => {
                let cond = self.lexer().and_then(|f| f.conds.last().copied());
                match cond {
                    None => {
                        self.error("#elif without #if");
                        self.skip_line();
                    }
                    Some(c) if c.seen_else => {
                        self.error("#elif after #else");
                        self.skip_line();
                    }
                    Some(c) => {
                        let val = if c.parent_active && !c.taken {
                            self.if_expr()
                        } else {
                            self.skip_line();
                            false
                        };
                        if let Some(f) = self.lexer() {
                            if let Some(last) = f.conds.last_mut() {
                                last.active = c.parent_active && !c.taken && val;
                                last.taken |= val;
                            }
                        }
                    }
                }
            }
            "else" => {
                let cond = self.lexer().and_then(|f| f.conds.last().copied());
                match cond {
                    None => self.error("#else without #if"),
                    Some(c) if c.seen_else => self.error("#else after #else"),
                    Some(c) => {
                        if let Some(f) = self.lexer() {
                            if let Some(last) = f.conds.last_mut() {
                                last.active = c.parent_active && !c.taken;
                                last.taken = true;
                                last.seen_else = true;
                            }
                        }
                        self.end_of_directive();
                    }
                }
                self.skip_line();
            }
            "endif" => {
                let popped = self.lexer().and_then(|f| f.conds.pop());
                if popped.is_none() {
                    self.error("#endif without #if");
                } else {
                    self.end_of_directive();
                }
                self.skip_line();
            }
            _ => {}
        }
    }

    fn end_of_directive(&mut self) {
        if !self.line_tokens().is_empty() {
            self.error("bad token in control");
        }
    }

    /// The identifier operand of `#ifdef`, `#ifndef`, `#undef`.
    fn directive_ident(&mut self, directive: &str) -> Option<Name> {
        let t = self.line_tokens();
        match t.first().map(|t| &t.tok) {
            Some(Tok::Ident(n)) => {
                if t.len() > 1 {
                    self.error("bad token in control");
                }
                Some(n.clone())
            }
            None => {
                self.error(format!("missing identifier in #{directive}"));
                None
            }
            Some(_) => {
                self.error(format!("unexpected token in #{directive}"));
                None
            }
        }
    }

    fn ifdef_name(&mut self, directive: &str) -> bool {
        match self.directive_ident(directive) {
            Some(n) => self.macros.contains_key(&n) || is_special(&n),
            None => false,
        }
    }

    fn if_expr(&mut self) -> bool {
        let raw = self.line_tokens();
        let Some(toks) = self.replace_defined(raw) else {
            return false;
        };
        let toks = self.expand_list(toks);
        // a macro may expand to defined(X)
        let Some(toks) = self.replace_defined(toks) else {
            return false;
        };
        self.eval_if(&toks)
    }

    /// Replaces `defined(X)` / `defined X` by 1 or 0.
    fn replace_defined(&mut self, raw: Vec<PT>) -> Option<Vec<PT>> {
        // replace defined(X) / defined X
        let mut toks = Vec::with_capacity(raw.len());
        let mut i = 0;
        while let Some(t) = raw.get(i) {
            if matches!(&t.tok, Tok::Ident(n) if &**n == "defined") {
                let mut j = i + 1;
                let paren = matches!(raw.get(j).map(|t| &t.tok), Some(Tok::P(P::LParen)));
                if paren {
                    j += 1;
                }
                let v = match raw.get(j).map(|t| &t.tok) {
                    Some(Tok::Ident(n)) => self.macros.contains_key(n) || is_special(n),
                    _ => {
                        self.error("missing identifier in defined");
                        return None;
                    }
                };
                j += 1;
                if paren {
                    if matches!(raw.get(j).map(|t| &t.tok), Some(Tok::P(P::RParen))) {
                        j += 1;
                    } else {
                        self.error("missing ) in defined");
                        return None;
                    }
                }
                toks.push(PT {
                    tok: Tok::Int(v as i32),
                    ..t.clone()
                });
                i = j;
            } else {
                toks.push(t.clone());
                i += 1;
            }
        }
        Some(toks)
    }

    fn eval_if(&mut self, toks: &[PT]) -> bool {
        let mut ev = CondEval {
            toks,
            i: 0,
            err: None,
            depth: 0,
        };
        let v = ev.ternary();
        if ev.err.is_none() && ev.i < toks.len() {
            ev.err = Some("bad token in control");
        }
        if ev.err.is_none() && toks.is_empty() {
            ev.err = Some("missing expression in conditional control");
        }
        match ev.err {
            Some(e) => {
                self.error(e);
                false
            }
            None => v != 0,
        }
    }

    fn define(&mut self) {
        let toks = self.line_tokens();
        let mut it = toks.into_iter().peekable();
        let name = match it.next() {
            Some(PT {
                tok: Tok::Ident(n), ..
            }) => n,
            None => {
                self.error("missing identifier in #define");
                return;
            }
            Some(_) => {
                self.error("unexpected token in #define");
                return;
            }
        };
        let mut params: Option<Vec<Name>> = None;
        if let Some(PT {
            tok: Tok::P(P::LParen),
            space: false,
            ..
        }) = it.peek()
        {
            it.next();
            let mut ps = Vec::new();
            // empty list?
            if matches!(it.peek().map(|t| &t.tok), Some(Tok::P(P::RParen))) {
                it.next();
            } else {
                loop {
                    match it.next().map(|t| t.tok) {
                        Some(Tok::Ident(p)) => {
                            if ps.len() >= MAX_MACRO_PARAMS {
                                self.error("too many parameters in macro definition");
                                return;
                            }
                            ps.push(p);
                        }
                        None => {
                            self.error("unterminated macro definition");
                            return;
                        }
                        Some(_) => {
                            self.error("unexpected token in macro parameter list");
                            return;
                        }
                    }
                    match it.next().map(|t| t.tok) {
                        Some(Tok::P(P::Comma)) => {}
                        Some(Tok::P(P::RParen)) => break,
                        None => {
                            self.error("unterminated macro definition");
                            return;
                        }
                        Some(_) => {
                            self.error("unexpected token in macro parameter list");
                            return;
                        }
                    }
                }
            }
            params = Some(ps);
        }
        let body_toks: Vec<PT> = it.collect();
        let mut body = Vec::with_capacity(body_toks.len());
        let mut i = 0;
        let find = |n: &Name| {
            params
                .as_ref()
                .and_then(|ps| ps.iter().position(|p| p == n))
        };
        while let Some(t) = body_toks.get(i) {
            let space = t.space && i > 0;
            match &t.tok {
                Tok::P(P::Hash) => match body_toks.get(i + 1).map(|t| &t.tok) {
                    Some(Tok::Ident(n)) if find(n).is_some() => {
                        body.push(BT::Str(find(n).unwrap_or(0), space));
                        i += 2;
                        continue;
                    }
                    _ => {
                        self.error("# must be followed by parameter");
                        self.unterminated_line();
                        return;
                    }
                },
                Tok::P(P::HashHash) => {
                    if body.is_empty() {
                        self.error("## at start of macro replacement list");
                        self.unterminated_line();
                        return;
                    }
                    if i + 1 >= body_toks.len() {
                        self.error("## at end of macro replacement list");
                        return;
                    }
                    body.push(BT::Paste);
                }
                Tok::Ident(n) if find(n).is_some() => {
                    body.push(BT::Arg(find(n).unwrap_or(0), space));
                }
                tok => body.push(BT::Tok(tok.clone(), space, t.span)),
            }
            i += 1;
        }
        if is_special(&name) || &*name == "__DGD__" {
            self.error("#define of predefined macro");
            return;
        }
        let mac = Macro {
            params: params.map(|p| p.len()),
            body,
        };
        if let Some(old) = self.macros.get(&name) {
            if !old.same_as(&mac) {
                self.error(format!("macro {name} redefined"));
            }
        }
        self.macros.insert(name, mac);
    }

    fn include(&mut self) {
        if self.file_depth() > MAX_INCLUDE_DEPTH {
            self.error("#include nesting too deep");
            self.skip_line();
            return;
        }
        if self.nfiles > MAX_INCLUDES {
            self.error("too many #includes");
            self.skip_line();
            return;
        }
        let sys = match self.lexer() {
            Some(f) => f.lexer.include_name(),
            None => None,
        };
        let (name, quoted) = match sys {
            Some(n) => (String::from_utf8_lossy(&n).into_owned(), false),
            None => {
                let toks = self.line_tokens();
                let toks = if matches!(toks.first().map(|t| &t.tok), Some(Tok::Ident(_))) {
                    self.expand_list(toks)
                } else {
                    toks
                };
                if toks.len() > 1 && matches!(toks.first().map(|t| &t.tok), Some(Tok::Str(_))) {
                    self.error("bad token in control");
                }
                match toks.first().map(|t| &t.tok) {
                    Some(Tok::Str(s)) => (String::from_utf8_lossy(s).into_owned(), true),
                    Some(Tok::P(P::Lt)) if toks.iter().any(|t| t.tok == Tok::P(P::Gt)) => {
                        // a macro that expands to <name>
                        let mut s = Vec::new();
                        for t in toks.iter().skip(1) {
                            if t.tok == Tok::P(P::Gt) {
                                break;
                            }
                            self.spell(t, &mut s);
                        }
                        (String::from_utf8_lossy(&s).into_owned(), false)
                    }
                    None => {
                        self.error("missing filename in #include");
                        return;
                    }
                    Some(_) => {
                        self.error("unexpected token in #include");
                        return;
                    }
                }
            }
        };
        if !quoted {
            self.skip_line();
        }
        let cur: Arc<str> = match self.stack.iter().rev().find_map(|s| match s {
            Src::File(f) => Some(f.name.clone()),
            _ => None,
        }) {
            Some(n) => n,
            None => Arc::from("/"),
        };
        if quoted {
            let p = if name.starts_with('~') {
                name.clone()
            } else {
                normalize_path(dir_of(&cur), &name)
            };
            if let Some((n, text)) = self.resolver.include_as(&cur, &name, &p) {
                self.push_file(n, text);
                return;
            }
        }
        let dirs = self.opts.include_dirs.clone();
        for d in &dirs {
            // `~/...` goes to the resolver as written: `~` is the mudlib's business
            let p = if let Some(rest) = d.strip_prefix('~') {
                format!("~{}", normalize_path("/", &format!("{rest}/{name}")))
            } else {
                normalize_path(dir_of(&cur), &format!("{d}/{name}"))
            };
            if let Some((n, text)) = self.resolver.include_as(&cur, &format!("{d}/{name}"), &p) {
                self.push_file(n, text);
                return;
            }
        }
        self.error(format!("cannot include \"{name}\""));
    }
}

/// Evaluates `#if` expressions (C precedence, int arithmetic, unknown identifiers are 0).
struct CondEval<'a> {
    toks: &'a [PT],
    i: usize,
    err: Option<&'static str>,
    depth: u32,
}

impl CondEval<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.i).map(|t| &t.tok)
    }

    fn eat(&mut self, p: P) -> bool {
        if self.peek() == Some(&Tok::P(p)) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn ternary(&mut self) -> i64 {
        self.depth += 1;
        if self.depth > 200 {
            self.err
                .get_or_insert("expression too complex in conditional control");
            return 0;
        }
        let c = self.binary(0);
        let v = if self.eat(P::Question) {
            let a = self.ternary();
            if !self.eat(P::Colon) {
                self.err.get_or_insert("? without : in conditional control");
                return 0;
            }
            let b = self.ternary();
            if c != 0 {
                a
            } else {
                b
            }
        } else {
            c
        };
        self.depth -= 1;
        v
    }

    fn prec(p: P) -> Option<u8> {
        Some(match p {
            P::LOr => 1,
            P::LAnd => 2,
            P::Pipe => 3,
            P::Caret => 4,
            P::Amp => 5,
            P::EqEq | P::Ne => 6,
            P::Lt | P::Gt | P::Le | P::Ge => 7,
            P::Shl | P::Shr => 8,
            P::Plus | P::Minus => 9,
            P::Star | P::Slash | P::Percent => 10,
            _ => return None,
        })
    }

    fn binary(&mut self, min: u8) -> i64 {
        let mut l = self.unary();
        loop {
            let Some(Tok::P(p)) = self.peek().cloned() else {
                return l;
            };
            let Some(pr) = Self::prec(p) else { return l };
            if pr <= min {
                return l;
            }
            self.i += 1;
            let r = self.binary(pr);
            let (a, b) = (l as i32, r as i32);
            l = match p {
                P::LOr => ((a != 0) || (b != 0)) as i64,
                P::LAnd => ((a != 0) && (b != 0)) as i64,
                P::Pipe => (a | b) as i64,
                P::Caret => (a ^ b) as i64,
                P::Amp => (a & b) as i64,
                P::EqEq => (a == b) as i64,
                P::Ne => (a != b) as i64,
                P::Lt => (a < b) as i64,
                P::Gt => (a > b) as i64,
                P::Le => (a <= b) as i64,
                P::Ge => (a >= b) as i64,
                P::Shl => a.wrapping_shl(b as u32) as i64,
                P::Shr => a.wrapping_shr(b as u32) as i64,
                P::Plus => a.wrapping_add(b) as i64,
                P::Minus => a.wrapping_sub(b) as i64,
                P::Star => a.wrapping_mul(b) as i64,
                P::Slash => {
                    if b == 0 {
                        self.err
                            .get_or_insert("division by zero in conditional control");
                        0
                    } else {
                        a.wrapping_div(b) as i64
                    }
                }
                _ => {
                    if b == 0 {
                        self.err
                            .get_or_insert("modulus by zero in conditional control");
                        0
                    } else {
                        a.wrapping_rem(b) as i64
                    }
                }
            };
        }
    }

    fn unary(&mut self) -> i64 {
        self.depth += 1;
        if self.depth > 200 {
            self.err
                .get_or_insert("expression too complex in conditional control");
            return 0;
        }
        let v = match self.peek().cloned() {
            Some(Tok::P(P::Minus)) => {
                self.i += 1;
                (self.unary() as i32).wrapping_neg() as i64
            }
            Some(Tok::P(P::Plus)) => {
                self.i += 1;
                self.unary()
            }
            Some(Tok::P(P::Bang)) => {
                self.i += 1;
                (self.unary() == 0) as i64
            }
            Some(Tok::P(P::Tilde)) => {
                self.i += 1;
                !(self.unary() as i32) as i64
            }
            Some(Tok::P(P::LParen)) => {
                self.i += 1;
                let v = self.ternary();
                if !self.eat(P::RParen) {
                    self.err.get_or_insert("missing ) in conditional control");
                }
                v
            }
            Some(Tok::Int(n)) => {
                self.i += 1;
                n as i64
            }
            Some(Tok::Ident(_) | Tok::Str(_) | Tok::Float(_)) => {
                // unknown identifiers, strings and floats count as 0
                self.i += 1;
                0
            }
            Some(_) => {
                self.i += 1;
                self.err.get_or_insert("bad token in control");
                0
            }
            None => {
                self.err
                    .get_or_insert("missing expression in conditional control");
                0
            }
        };
        self.depth -= 1;
        v
    }
}

/// The headers DGD generates in the first include directory at startup
/// (`status.h`, `type.h`, `trace.h`, `limits.h`, `float.h`, `connect.h`,
/// `kfun.h`), as (file name, contents). The kernel library's `ST_PRECOMPILED`
/// is the same slot as `ST_DATAGRAMPORTS`.
pub fn generated_headers() -> Vec<(&'static str, String)> {
    fn defs(title: &str, list: &[(&str, &str)]) -> String {
        let mut s = format!("/*\n * {title}\n * Generated by the driver at startup.\n */\n\n");
        for (n, v) in list {
            if n.is_empty() {
                s.push('\n');
            } else {
                s.push_str(&format!("# define {n}\t{v}\n"));
            }
        }
        s
    }
    let status = defs(
        "Fields of the array returned by status().",
        &[
            ("ST_VERSION", "0"),
            ("ST_STARTTIME", "1"),
            ("ST_BOOTTIME", "2"),
            ("ST_UPTIME", "3"),
            ("ST_SWAPSIZE", "4"),
            ("ST_SWAPUSED", "5"),
            ("ST_SECTORSIZE", "6"),
            ("ST_SWAPRATE1", "7"),
            ("ST_SWAPRATE5", "8"),
            ("ST_SMEMSIZE", "9"),
            ("ST_SMEMUSED", "10"),
            ("ST_DMEMSIZE", "11"),
            ("ST_DMEMUSED", "12"),
            ("ST_OTABSIZE", "13"),
            ("ST_NOBJECTS", "14"),
            ("ST_COTABSIZE", "15"),
            ("ST_NCOSHORT", "16"),
            ("ST_NCOLONG", "17"),
            ("ST_UTABSIZE", "18"),
            ("ST_ETABSIZE", "19"),
            ("ST_STRSIZE", "20"),
            ("ST_ARRAYSIZE", "21"),
            ("ST_STACKDEPTH", "22"),
            ("ST_TICKS", "23"),
            ("ST_DATAGRAMPORTS", "24"),
            ("ST_PRECOMPILED", "24"),
            ("ST_TELNETPORTS", "25"),
            ("ST_BINARYPORTS", "26"),
            ("ST_NUSERS", "27"),
            ("", ""),
            ("O_COMPILETIME", "0"),
            ("O_PROGSIZE", "1"),
            ("O_DATASIZE", "2"),
            ("O_NSECTORS", "3"),
            ("O_CALLOUTS", "4"),
            ("O_INDEX", "5"),
            ("O_UNDEFINED", "6"),
            ("O_SPECIAL", "7"),
            ("", ""),
            ("CO_HANDLE", "0"),
            ("CO_FUNCTION", "1"),
            ("CO_DELAY", "2"),
            ("CO_FIRSTXARG", "3"),
        ],
    );
    let types = defs(
        "Values returned by typeof().",
        &[
            ("T_NIL", "0"),
            ("T_INT", "1"),
            ("T_FLOAT", "2"),
            ("T_STRING", "3"),
            ("T_OBJECT", "4"),
            ("T_ARRAY", "5"),
            ("T_MAPPING", "6"),
        ],
    );
    let trace = defs(
        "Fields of each frame returned by call_trace().",
        &[
            ("TRACE_OBJNAME", "0"),
            ("TRACE_PROGNAME", "1"),
            ("TRACE_FUNCTION", "2"),
            ("TRACE_LINE", "3"),
            ("TRACE_EXTERNAL", "4"),
            ("TRACE_FIRSTARG", "5"),
        ],
    );
    let limits = defs(
        "Sizes of basic types.",
        &[
            ("CHAR_BIT", "8"),
            ("CHAR_MIN", "0"),
            ("CHAR_MAX", "255"),
            ("INT_MIN", "0x80000000"),
            ("INT_MAX", "2147483647"),
        ],
    );
    let float = defs(
        "The floating point type.",
        &[
            ("FLT_RADIX", "2"),
            ("FLT_ROUNDS", "1"),
            ("FLT_EPSILON", "7.2759576142E-12"),
            ("FLT_DIG", "11"),
            ("FLT_MANT_DIG", "37"),
            ("FLT_MIN", "2.22507385851E-308"),
            ("FLT_MIN_EXP", "(-1021)"),
            ("FLT_MIN_10_EXP", "(-307)"),
            ("FLT_MAX", "1.79769313485E+308"),
            ("FLT_MAX_EXP", "1024"),
            ("FLT_MAX_10_EXP", "308"),
        ],
    );
    let connect = defs(
        "Error codes passed to unconnected().",
        &[
            ("CONNECT_FAILURE", "0"),
            ("CONNECT_REFUSED", "1"),
            ("CONNECT_HOST_UNREACH", "2"),
            ("CONNECT_NET_UNREACH", "3"),
            ("CONNECT_TIMEOUT", "4"),
        ],
    );
    let kfun = defs(
        "Versions of supported kfuns, ciphers and hash algorithms.",
        &[
            ("ENCRYPT_CIPHERS", "\"DES\", \"DES key\""),
            ("DECRYPT_CIPHERS", "\"DES\", \"DES key\""),
            ("HASH_ALGORITHMS", "\"crypt\", \"MD5\", \"SHA1\""),
        ],
    );
    vec![
        ("status.h", status),
        ("type.h", types),
        ("trace.h", trace),
        ("limits.h", limits),
        ("float.h", float),
        ("connect.h", connect),
        ("kfun.h", kfun),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pp_with(files: &[(&str, &str)], main: &str) -> (String, Vec<String>) {
        let mut r = MemResolver::default();
        for (p, t) in files {
            r.add(p, t);
        }
        let opts = PpOptions {
            include_dirs: vec!["/include".into()],
            ..Default::default()
        };
        let out = preprocess("/test.c", main.as_bytes(), &mut r, &opts);
        let mut s = Vec::new();
        for t in &out.tokens {
            if !s.is_empty() && t.tok != Tok::Eof {
                s.push(b' ');
            }
            t.tok.spell(&mut s);
        }
        (
            String::from_utf8_lossy(&s).into_owned(),
            out.diags.iter().map(|d| d.to_string()).collect(),
        )
    }

    fn pp(main: &str) -> (String, Vec<String>) {
        pp_with(&[], main)
    }

    #[test]
    fn object_and_function_macros() {
        let (s, e) = pp("#define A 1 + 2\n#define F(x, y) ((x) * (y))\nA F(A, 3) F(F(1,2),3)");
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(
            s,
            "1 + 2 ( ( 1 + 2 ) * ( 3 ) ) ( ( ( ( 1 ) * ( 2 ) ) ) * ( 3 ) )"
        );
    }

    #[test]
    fn stringify_and_paste() {
        let (s, e) = pp("#define S(x) #x\n#define P(a,b) a ## b\nS(a + b) P(foo, bar) P(1,2)");
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(s, "\"a + b\" foobar 12");
    }

    #[test]
    fn recursion_is_disabled() {
        let (s, e) = pp("#define X X + 1\n#define F(a) F(a)\nX F(2)");
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(s, "X + 1 F ( 2 )");
    }

    #[test]
    fn conditionals() {
        let src = "#define A 2\n#if A > 1 && defined(A)\nyes\n#elif 1\nno1\n#else\nno2\n#endif\n\
                   #ifdef B\nno3\n#else\nyes2\n#endif\n#ifndef B\nyes3\n#endif\n\
                   #if 0\n#if 1\nno4\n#endif\n/* #endif */ \"#endif\"\n#else\nyes4\n#endif";
        let (s, e) = pp(src);
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(s, "yes yes2 yes3 yes4");
    }

    #[test]
    fn includes() {
        let (s, e) = pp_with(
            &[
                ("/include/a.h", "#include \"b.h\"\nA_H"),
                ("/include/b.h", "B_H"),
                ("/sub/c.h", "C_H __FILE__"),
            ],
            "#include <a.h>\n#include \"sub/c.h\"\n#include \"a.h\"\n#include <nope.h>\n__LINE__",
        );
        assert_eq!(s, "B_H A_H C_H \"/sub/c.h\" B_H A_H 5");
        assert_eq!(e, vec!["/test.c, 4: cannot include \"nope.h\"".to_string()]);
    }

    #[test]
    fn include_nesting_is_bounded() {
        let (_, e) = pp_with(&[("/include/r.h", "#include <r.h>\n")], "#include <r.h>\n");
        assert!(
            e.iter().any(|d| d.contains("#include nesting too deep")),
            "{e:?}"
        );
    }

    #[test]
    fn errors() {
        let (_, e) =
            pp("#if 1/0\n#endif\n#else\n#endif\n#foo\n#error bad thing\n#define F(a) #b\n#if 1\n");
        assert_eq!(
            e,
            vec![
                "/test.c, 1: division by zero in conditional control",
                "/test.c, 3: #else without #if",
                "/test.c, 4: #endif without #if",
                "/test.c, 5: undefined control",
                "/test.c, 6: #error: bad thing",
                "/test.c, 7: # must be followed by parameter",
                "/test.c, 9: missing #endif",
            ]
        );
    }

    #[test]
    fn line_directive() {
        let (s, _) = pp("#line 100\n__LINE__");
        assert_eq!(s, "100");
    }

    #[test]
    fn exponential_macros_are_bounded() {
        let mut src = String::from("#define A0 x\n");
        for i in 1..40 {
            src.push_str(&format!("#define A{i} A{} A{}\n", i - 1, i - 1));
        }
        src.push_str("A39\n");
        let (_, e) = pp(&src);
        assert!(
            e.iter().any(|d| d.contains("macro expansion too large")),
            "{e:?}"
        );
    }

    #[test]
    fn home_dirs() {
        assert_eq!(
            expand_home("/usr/TLS/lib/x.c", "~/api/include/a.h"),
            "/usr/TLS/api/include/a.h"
        );
        assert_eq!(
            expand_home("/kernel/lib/auto.c", "~/include/a.h"),
            "/usr/System/include/a.h"
        );
        assert_eq!(expand_home("/a/b.c", "c.h"), "/a/c.h");
        assert_eq!(expand_home("/a/b.c", "~TLS/tls.h"), "/usr/TLS/tls.h");
    }

    #[test]
    fn paths() {
        assert_eq!(normalize_path("/a/b", "../c.h"), "/a/c.h");
        assert_eq!(normalize_path("/a", "/x//y/./z"), "/x/y/z");
        assert_eq!(normalize_path("", "../../x"), "/x");
    }
}
