//! The LPC lexer: bytes to tokens, with DGD's escapes and constants.
//!
//! [`Lexer`] scans one source buffer. It knows nothing of macros or
//! directives; the preprocessor drives it, and it reports newlines (through
//! [`RawTok::bol`]) so directives can be recognised. Keywords come out as
//! identifiers (a macro may be named like a keyword); the preprocessor turns
//! them into [`Tok::Kw`] after macro expansion. Identifiers are interned, so
//! scanning allocates only for new names and string constants.

use crate::ast::{Bytes, Name};
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

/// A diagnostic of the front end: `file, line: message` as DGD prints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// File name (mudlib path) the error is in.
    pub file: Arc<str>,
    /// Line number.
    pub line: u32,
    /// Message in DGD's wording.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, {}: {}", self.file, self.line, self.message)
    }
}

/// A small fast hasher (FxHash) for identifier tables; no DoS concern for
/// compile-time tables bounded by the source size.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(b));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// A HashMap with [`FxHasher`].
pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Interns identifiers so each distinct name is allocated once.
#[derive(Default)]
pub struct Interner {
    map: FxHashMap<Box<[u8]>, Name>,
}

impl Interner {
    /// The shared name for these bytes (identifiers are ASCII; other bytes are replaced).
    pub fn intern(&mut self, b: &[u8]) -> Name {
        if let Some(n) = self.map.get(b) {
            return n.clone();
        }
        let n: Name = Arc::from(String::from_utf8_lossy(b).as_ref());
        self.map.insert(b.into(), n.clone());
        n
    }
}

/// Keywords of LPC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Kw {
    Nomask,
    Break,
    Do,
    Mapping,
    Else,
    Case,
    Object,
    Default,
    Float,
    Continue,
    Static,
    Int,
    For,
    If,
    Operator,
    Inherit,
    Rlimits,
    Goto,
    Function,
    Return,
    Mixed,
    While,
    String,
    Try,
    Private,
    Void,
    New,
    Catch,
    Atomic,
    Nil,
    Switch,
    Varargs,
}

impl Kw {
    /// The keyword for an identifier, if it is one.
    pub fn from_ident(s: &str) -> Option<Kw> {
        Some(match s {
            "nomask" => Kw::Nomask,
            "break" => Kw::Break,
            "do" => Kw::Do,
            "mapping" => Kw::Mapping,
            "else" => Kw::Else,
            "case" => Kw::Case,
            "object" => Kw::Object,
            "default" => Kw::Default,
            "float" => Kw::Float,
            "continue" => Kw::Continue,
            "static" => Kw::Static,
            "int" => Kw::Int,
            "for" => Kw::For,
            "if" => Kw::If,
            "operator" => Kw::Operator,
            "inherit" => Kw::Inherit,
            "rlimits" => Kw::Rlimits,
            "goto" => Kw::Goto,
            // `function` is a keyword only in DGD built with closures
            "function" if crate::parse::CLOSURES => Kw::Function,
            "return" => Kw::Return,
            "mixed" => Kw::Mixed,
            "while" => Kw::While,
            "string" => Kw::String,
            "try" => Kw::Try,
            "private" => Kw::Private,
            "void" => Kw::Void,
            "new" => Kw::New,
            "catch" => Kw::Catch,
            "atomic" => Kw::Atomic,
            "nil" => Kw::Nil,
            "switch" => Kw::Switch,
            "varargs" => Kw::Varargs,
            _ => return None,
        })
    }

    /// The keyword as written.
    pub fn as_str(self) -> &'static str {
        match self {
            Kw::Nomask => "nomask",
            Kw::Break => "break",
            Kw::Do => "do",
            Kw::Mapping => "mapping",
            Kw::Else => "else",
            Kw::Case => "case",
            Kw::Object => "object",
            Kw::Default => "default",
            Kw::Float => "float",
            Kw::Continue => "continue",
            Kw::Static => "static",
            Kw::Int => "int",
            Kw::For => "for",
            Kw::If => "if",
            Kw::Operator => "operator",
            Kw::Inherit => "inherit",
            Kw::Rlimits => "rlimits",
            Kw::Goto => "goto",
            Kw::Function => "function",
            Kw::Return => "return",
            Kw::Mixed => "mixed",
            Kw::While => "while",
            Kw::String => "string",
            Kw::Try => "try",
            Kw::Private => "private",
            Kw::Void => "void",
            Kw::New => "new",
            Kw::Catch => "catch",
            Kw::Atomic => "atomic",
            Kw::Nil => "nil",
            Kw::Switch => "switch",
            Kw::Varargs => "varargs",
        }
    }
}

/// Punctuation and operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum P {
    LParen,
    RParen,
    LBrace,
    RBrace,
    LBracket,
    RBracket,
    Semi,
    Comma,
    Colon,
    Question,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Amp,
    Pipe,
    Caret,
    Tilde,
    Bang,
    Lt,
    Gt,
    Assign,
    Dot,
    Hash,
    HashHash,
    LArrow,
    RArrow,
    PlusPlus,
    MinMin,
    Shl,
    Shr,
    Le,
    Ge,
    EqEq,
    Ne,
    LAnd,
    LOr,
    PlusEq,
    MinEq,
    MulEq,
    DivEq,
    ModEq,
    ShlEq,
    ShrEq,
    AndEq,
    XorEq,
    OrEq,
    ColonColon,
    DotDot,
    Ellipsis,
}

impl P {
    /// The punctuator as written.
    pub fn as_str(self) -> &'static str {
        match self {
            P::LParen => "(",
            P::RParen => ")",
            P::LBrace => "{",
            P::RBrace => "}",
            P::LBracket => "[",
            P::RBracket => "]",
            P::Semi => ";",
            P::Comma => ",",
            P::Colon => ":",
            P::Question => "?",
            P::Plus => "+",
            P::Minus => "-",
            P::Star => "*",
            P::Slash => "/",
            P::Percent => "%",
            P::Amp => "&",
            P::Pipe => "|",
            P::Caret => "^",
            P::Tilde => "~",
            P::Bang => "!",
            P::Lt => "<",
            P::Gt => ">",
            P::Assign => "=",
            P::Dot => ".",
            P::Hash => "#",
            P::HashHash => "##",
            P::LArrow => "<-",
            P::RArrow => "->",
            P::PlusPlus => "++",
            P::MinMin => "--",
            P::Shl => "<<",
            P::Shr => ">>",
            P::Le => "<=",
            P::Ge => ">=",
            P::EqEq => "==",
            P::Ne => "!=",
            P::LAnd => "&&",
            P::LOr => "||",
            P::PlusEq => "+=",
            P::MinEq => "-=",
            P::MulEq => "*=",
            P::DivEq => "/=",
            P::ModEq => "%=",
            P::ShlEq => "<<=",
            P::ShrEq => ">>=",
            P::AndEq => "&=",
            P::XorEq => "^=",
            P::OrEq => "|=",
            P::ColonColon => "::",
            P::DotDot => "..",
            P::Ellipsis => "...",
        }
    }
}

/// A token.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// Identifier (keywords too, until the preprocessor classifies them).
    Ident(Name),
    /// Keyword (only in preprocessor output).
    Kw(Kw),
    /// Integer constant (decimal, octal, hex or character).
    Int(i32),
    /// Float constant, rounded to DGD precision.
    Float(f64),
    /// String constant with escapes translated.
    Str(Bytes),
    /// Punctuation.
    P(P),
    /// A byte that starts no token (reported as an illegal character when it
    /// reaches the parser).
    Bad(u8),
    /// End of input.
    Eof,
}

impl Tok {
    /// A spelling of the token (used for `#` stringification and `##` pasting,
    /// and in messages).
    pub fn spell(&self, out: &mut Vec<u8>) {
        match self {
            Tok::Ident(n) => out.extend_from_slice(n.as_bytes()),
            Tok::Kw(k) => out.extend_from_slice(k.as_str().as_bytes()),
            Tok::Int(i) => out.extend_from_slice(i.to_string().as_bytes()),
            Tok::Float(f) => {
                let s = format!("{f:?}");
                out.extend_from_slice(s.as_bytes());
            }
            Tok::Str(s) => {
                out.push(b'"');
                escape_into(s, out);
                out.push(b'"');
            }
            Tok::P(p) => out.extend_from_slice(p.as_str().as_bytes()),
            Tok::Bad(b) => out.push(*b),
            Tok::Eof => {}
        }
    }
}

/// Writes `s` with the escapes needed to read it back as a string constant.
pub fn escape_into(s: &[u8], out: &mut Vec<u8>) {
    for &c in s {
        match c {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7e => out.push(c),
            _ => out.extend_from_slice(format!("\\{:03o}", c).as_bytes()),
        }
    }
}

/// Rounds a double to DGD's float precision (36 mantissa bits), half away
/// from zero. Returns `None` when the result is not finite.
pub fn round_float(f: f64) -> Option<f64> {
    if !f.is_finite() {
        return None;
    }
    let bits = f.to_bits();
    let r = (bits.wrapping_add(0x8000)) & !0xffff;
    let v = f64::from_bits(r);
    if v.is_finite() {
        Some(v)
    } else {
        None
    }
}

/// A token as scanned, with its line and spacing.
#[derive(Clone, Debug)]
pub struct RawTok {
    /// The token.
    pub tok: Tok,
    /// Line it starts on.
    pub line: u32,
    /// Whitespace (or a comment) came before it.
    pub space: bool,
    /// It is the first token on its line (a newline came before it, or start of input).
    pub bol: bool,
    /// Byte offset of its first character in the buffer.
    pub start: u32,
    /// Byte offset just after it.
    pub end: u32,
}

/// Longest string constant (DGD's string length limit).
pub const MAX_STRING: usize = 65535;
/// The longest string constant DGD's scanner takes (its token buffer,
/// less room for the terminator): 4089 bytes after escapes.
pub const MAX_STRING_CONST: usize = 4089;
/// The longest identifier (or numeric constant) DGD's scanner takes.
pub const MAX_IDENT: usize = 4094;

/// Scans one buffer.
pub struct Lexer {
    src: Arc<[u8]>,
    pos: usize,
    line: u32,
    at_bol: bool,
    /// Errors found (line, message).
    pub errors: Vec<(u32, String)>,
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

impl Lexer {
    /// A lexer at the start of `src`, line 1.
    pub fn new(src: Arc<[u8]>) -> Lexer {
        Lexer {
            src,
            pos: 0,
            line: 1,
            at_bol: true,
            errors: Vec::new(),
        }
    }

    /// Current line.
    pub fn line(&self) -> u32 {
        self.line
    }

    /// Sets the current line (`#line`); the next line read gets number `line`.
    pub fn set_line(&mut self, line: u32) {
        self.line = line;
    }

    /// True at end of input.
    pub fn at_eof(&self) -> bool {
        self.pos >= self.src.len()
    }

    #[inline]
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    #[inline]
    fn peek_at(&self, n: usize) -> Option<u8> {
        self.src.get(self.pos + n).copied()
    }

    fn err(&mut self, msg: impl Into<String>) {
        let line = self.line;
        if self.errors.len() < 1000 {
            self.errors.push((line, msg.into()));
        }
    }

    /// An error noticed on reading a newline: DGD counts the line already.
    fn err_next_line(&mut self, msg: &str) {
        if self.peek() == Some(b'\n') {
            self.line = self.line.saturating_add(1);
            self.err(msg);
            self.line -= 1;
        } else {
            self.err(msg);
        }
    }

    /// Skips blanks, comments and line continuations; with `stop_at_nl`,
    /// stops before a newline. Returns whether anything was skipped.
    fn skip_ws(&mut self, stop_at_nl: bool) -> bool {
        let mut skipped = false;
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\r' | 0x0b | 0x0c) => {
                    self.pos += 1;
                    skipped = true;
                }
                Some(b'\n') => {
                    if stop_at_nl {
                        return skipped;
                    }
                    self.pos += 1;
                    self.line = self.line.saturating_add(1);
                    self.at_bol = true;
                    skipped = true;
                }
                Some(b'\\') if self.peek_at(1) == Some(b'\n') => {
                    self.pos += 2;
                    self.line = self.line.saturating_add(1);
                    skipped = true;
                }
                Some(b'\\') if self.peek_at(1) == Some(b'\r') && self.peek_at(2) == Some(b'\n') => {
                    self.pos += 3;
                    self.line = self.line.saturating_add(1);
                    skipped = true;
                }
                Some(b'/') if self.peek_at(1) == Some(b'*') => {
                    self.pos += 2;
                    self.block_comment();
                    skipped = true;
                }
                Some(b'/') if self.peek_at(1) == Some(b'/') => {
                    while let Some(c) = self.peek() {
                        if c == b'\n' {
                            break;
                        }
                        if c == b'\\' && self.peek_at(1) == Some(b'\n') {
                            self.line = self.line.saturating_add(1);
                            self.pos += 1;
                        }
                        self.pos += 1;
                    }
                    skipped = true;
                }
                _ => return skipped,
            }
        }
    }

    fn block_comment(&mut self) {
        loop {
            match self.peek() {
                None => {
                    self.err("EOF in comment");
                    return;
                }
                Some(b'*') if self.peek_at(1) == Some(b'/') => {
                    self.pos += 2;
                    return;
                }
                Some(b'\n') => {
                    self.line = self.line.saturating_add(1);
                    self.pos += 1;
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    /// True when the rest of the current line holds only blanks and comments.
    pub fn at_eol(&mut self) -> bool {
        self.skip_ws(true);
        matches!(self.peek(), None | Some(b'\n'))
    }

    /// Skips to the end of the current line (not consuming the newline),
    /// passing over comments (which may span lines) and string constants.
    pub fn skip_to_eol(&mut self) {
        loop {
            self.skip_ws(true);
            match self.peek() {
                None | Some(b'\n') => return,
                Some(q @ (b'"' | b'\'')) => {
                    self.pos += 1;
                    while let Some(c) = self.peek() {
                        if c == b'\n' {
                            break;
                        }
                        self.pos += 1;
                        if c == b'\\' {
                            if self.peek() == Some(b'\n') {
                                break;
                            }
                            self.pos += 1;
                        } else if c == q {
                            break;
                        }
                    }
                }
                Some(_) => self.pos += 1,
            }
        }
    }

    /// The raw text of the rest of the line (for `#error`), trimmed.
    pub fn rest_of_line(&mut self) -> Vec<u8> {
        let start = self.pos;
        self.skip_to_eol();
        let end = self.pos.min(self.src.len());
        let s = self.src.get(start..end).unwrap_or(&[]);
        let s = String::from_utf8_lossy(s);
        s.trim().as_bytes().to_vec()
    }

    /// In an `#include` line: scans `<name>` if the next token starts with `<`.
    pub fn include_name(&mut self) -> Option<Vec<u8>> {
        self.skip_ws(true);
        if self.peek() != Some(b'<') {
            return None;
        }
        let start = self.pos + 1;
        let mut i = start;
        while let Some(&c) = self.src.get(i) {
            if c == b'>' {
                let name = self.src.get(start..i).unwrap_or(&[]).to_vec();
                self.pos = i + 1;
                return Some(name);
            }
            if c == b'\n' {
                break;
            }
            i += 1;
        }
        None
    }

    /// The next token. With `stop_at_nl`, returns `None` at the end of the
    /// current line instead of reading on (directive mode).
    pub fn next_in_line(&mut self, interner: &mut Interner) -> Option<RawTok> {
        let space = self.skip_ws(true);
        match self.peek() {
            None | Some(b'\n') => None,
            Some(_) => Some(self.scan(interner, space)),
        }
    }

    /// The next token, across lines.
    pub fn next_tok(&mut self, interner: &mut Interner) -> RawTok {
        let space = self.skip_ws(false);
        self.scan(interner, space)
    }

    fn scan(&mut self, interner: &mut Interner, space: bool) -> RawTok {
        let bol = self.at_bol;
        self.at_bol = false;
        let line = self.line;
        let start = self.pos as u32;
        let tok = self.scan_tok(interner);
        RawTok {
            tok,
            line,
            space,
            bol,
            start,
            end: self.pos as u32,
        }
    }

    fn scan_tok(&mut self, interner: &mut Interner) -> Tok {
        let Some(c) = self.peek() else {
            return Tok::Eof;
        };
        let n1 = self.peek_at(1);
        let n2 = self.peek_at(2);
        macro_rules! p {
            ($len:expr, $p:expr) => {{
                self.pos += $len;
                return Tok::P($p);
            }};
        }
        match c {
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let start = self.pos;
                while self.peek().is_some_and(is_ident) {
                    self.pos += 1;
                }
                let mut end = self.pos;
                if end - start > MAX_IDENT {
                    // as DGD: its token buffer holds 4094 characters
                    self.err("too long identifier");
                    end = start + MAX_IDENT;
                }
                let s = self.src.get(start..end).unwrap_or(&[]);
                Tok::Ident(interner.intern(s))
            }
            b'0'..=b'9' => self.number(),
            b'.' => {
                if n1.is_some_and(|d| d.is_ascii_digit()) {
                    return self.number();
                }
                if n1 == Some(b'.') {
                    if n2 == Some(b'.') {
                        p!(3, P::Ellipsis)
                    }
                    p!(2, P::DotDot)
                }
                p!(1, P::Dot)
            }
            b'"' => {
                self.pos += 1;
                self.string()
            }
            b'\'' => {
                self.pos += 1;
                self.char_const()
            }
            b'(' => p!(1, P::LParen),
            b')' => p!(1, P::RParen),
            b'{' => p!(1, P::LBrace),
            b'}' => p!(1, P::RBrace),
            b'[' => p!(1, P::LBracket),
            b']' => p!(1, P::RBracket),
            b';' => p!(1, P::Semi),
            b',' => p!(1, P::Comma),
            b'?' => p!(1, P::Question),
            b'~' => p!(1, P::Tilde),
            b':' => {
                if n1 == Some(b':') {
                    p!(2, P::ColonColon)
                }
                p!(1, P::Colon)
            }
            b'+' => match n1 {
                Some(b'+') => p!(2, P::PlusPlus),
                Some(b'=') => p!(2, P::PlusEq),
                _ => p!(1, P::Plus),
            },
            b'-' => match n1 {
                Some(b'-') => p!(2, P::MinMin),
                Some(b'=') => p!(2, P::MinEq),
                Some(b'>') => p!(2, P::RArrow),
                _ => p!(1, P::Minus),
            },
            b'*' => match n1 {
                Some(b'=') => p!(2, P::MulEq),
                _ => p!(1, P::Star),
            },
            b'/' => match n1 {
                Some(b'=') => p!(2, P::DivEq),
                _ => p!(1, P::Slash),
            },
            b'%' => match n1 {
                Some(b'=') => p!(2, P::ModEq),
                _ => p!(1, P::Percent),
            },
            b'&' => match n1 {
                Some(b'&') => p!(2, P::LAnd),
                Some(b'=') => p!(2, P::AndEq),
                _ => p!(1, P::Amp),
            },
            b'|' => match n1 {
                Some(b'|') => p!(2, P::LOr),
                Some(b'=') => p!(2, P::OrEq),
                _ => p!(1, P::Pipe),
            },
            b'^' => match n1 {
                Some(b'=') => p!(2, P::XorEq),
                _ => p!(1, P::Caret),
            },
            b'!' => match n1 {
                Some(b'=') => p!(2, P::Ne),
                _ => p!(1, P::Bang),
            },
            b'=' => match n1 {
                Some(b'=') => p!(2, P::EqEq),
                _ => p!(1, P::Assign),
            },
            b'<' => match (n1, n2) {
                (Some(b'<'), Some(b'=')) => p!(3, P::ShlEq),
                (Some(b'<'), _) => p!(2, P::Shl),
                (Some(b'='), _) => p!(2, P::Le),
                (Some(b'-'), _) => p!(2, P::LArrow),
                _ => p!(1, P::Lt),
            },
            b'>' => match (n1, n2) {
                (Some(b'>'), Some(b'=')) => p!(3, P::ShrEq),
                (Some(b'>'), _) => p!(2, P::Shr),
                (Some(b'='), _) => p!(2, P::Ge),
                _ => p!(1, P::Gt),
            },
            b'#' => match n1 {
                Some(b'#') => p!(2, P::HashHash),
                _ => p!(1, P::Hash),
            },
            _ => {
                self.pos += 1;
                Tok::Bad(c)
            }
        }
    }

    fn number(&mut self) -> Tok {
        let start = self.pos;
        let c = self.peek().unwrap_or(b'0');
        // hex
        if c == b'0'
            && matches!(self.peek_at(1), Some(b'x' | b'X'))
            && self.peek_at(2).is_some_and(|d| d.is_ascii_hexdigit())
        {
            self.pos += 2;
            let mut v: u64 = 0;
            let mut overflow = false;
            while let Some(d) = self.peek().and_then(|d| (d as char).to_digit(16)) {
                v = v * 16 + d as u64;
                if v > u32::MAX as u64 {
                    overflow = true;
                    v &= 0xffff_ffff;
                }
                self.pos += 1;
            }
            if self.pos - start > MAX_IDENT {
                self.err("too long integer constant");
            } else if overflow {
                self.err("overflow in integer constant");
            }
            return Tok::Int(v as u32 as i32);
        }
        // scan digits, then decide int / float
        while self.peek().is_some_and(|d| d.is_ascii_digit()) {
            self.pos += 1;
        }
        let mut is_float = false;
        if self.peek() == Some(b'.') && self.peek_at(1) != Some(b'.') {
            is_float = true;
            self.pos += 1;
            while self.peek().is_some_and(|d| d.is_ascii_digit()) {
                self.pos += 1;
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            let save = self.pos;
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.peek().is_some_and(|d| d.is_ascii_digit()) {
                is_float = true;
                while self.peek().is_some_and(|d| d.is_ascii_digit()) {
                    self.pos += 1;
                }
            } else {
                self.pos = save;
            }
        }
        let text = self.src.get(start..self.pos).unwrap_or(&[]);
        if text.len() > MAX_IDENT {
            // as DGD: a constant must fit its token buffer
            if is_float {
                self.err("too long floating point constant");
                return Tok::Float(0.0);
            }
            self.err("too long integer constant");
            return Tok::Int(0);
        }
        if is_float {
            let s = std::str::from_utf8(text).unwrap_or("0");
            let s = if s.starts_with('.') {
                format!("0{s}")
            } else {
                s.to_string()
            };
            let f: f64 = s.parse().unwrap_or(f64::INFINITY);
            return match round_float(f) {
                Some(v) => Tok::Float(v),
                None => {
                    self.err("overflow in floating point constant");
                    Tok::Float(0.0)
                }
            };
        }
        if text.first() == Some(&b'0') && text.len() > 1 {
            // octal
            let mut v: u64 = 0;
            let mut bad = false;
            let mut overflow = false;
            for &d in text.iter().skip(1) {
                if d >= b'8' {
                    bad = true;
                }
                v = v * 8 + (d - b'0') as u64;
                if v > u32::MAX as u64 {
                    overflow = true;
                    v &= 0xffff_ffff;
                }
            }
            if bad {
                self.err("bad octal constant");
            } else if overflow {
                self.err("overflow in integer constant");
            }
            return Tok::Int(v as u32 as i32);
        }
        let mut v: u64 = 0;
        let mut overflow = false;
        for &d in text {
            v = v * 10 + (d - b'0') as u64;
            if v > i32::MAX as u64 {
                overflow = true;
                v = 0;
            }
        }
        if overflow {
            self.err("overflow in integer constant");
        }
        Tok::Int(v as i32)
    }

    /// Reads an escape after `\`; returns the byte, or `None` at a newline / EOF
    /// (left unconsumed).
    fn escape(&mut self) -> Option<u8> {
        let c = self.peek()?;
        if c == b'\n' {
            return None;
        }
        self.pos += 1;
        Some(match c {
            b'a' => 7,
            b'b' => 8,
            b't' => 9,
            b'n' => 10,
            b'v' => 11,
            b'f' => 12,
            b'r' => 13,
            b'0'..=b'7' => {
                let mut v: u32 = (c - b'0') as u32;
                for _ in 0..2 {
                    match self.peek() {
                        Some(d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            self.pos += 1;
                        }
                        _ => break,
                    }
                }
                v as u8
            }
            b'x' => {
                let mut v: u32 = 0;
                let mut n = 0;
                while n < 2 {
                    match self.peek().and_then(|d| (d as char).to_digit(16)) {
                        Some(d) => {
                            v = v * 16 + d;
                            self.pos += 1;
                            n += 1;
                        }
                        None => break,
                    }
                }
                if n == 0 {
                    b'x'
                } else {
                    v as u8
                }
            }
            other => other,
        })
    }

    fn string(&mut self) -> Tok {
        let mut out = Vec::new();
        loop {
            match self.peek() {
                None => {
                    self.err("unterminated string");
                    break;
                }
                Some(b'\n') => {
                    self.err_next_line("unterminated string");
                    break;
                }
                Some(b'"') => {
                    self.pos += 1;
                    break;
                }
                Some(b'\\') if self.peek_at(1) == Some(b'\n') => {
                    // a backslash-newline is spliced out, as everywhere in DGD
                    self.pos += 2;
                    self.line = self.line.saturating_add(1);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    match self.escape() {
                        Some(b) => out.push(b),
                        None => {
                            self.err_next_line("unterminated string");
                            break;
                        }
                    }
                }
                Some(c) => {
                    out.push(c);
                    self.pos += 1;
                }
            }
        }
        if out.len() > MAX_STRING_CONST {
            self.err("string too long");
            out.truncate(MAX_STRING_CONST);
        }
        Tok::Str(Arc::from(out))
    }

    fn char_const(&mut self) -> Tok {
        match self.peek() {
            Some(b'\'') => {
                self.pos += 1;
                self.err("too short character constant");
                Tok::Int(0)
            }
            None => {
                self.err("unterminated character constant");
                Tok::Int(0)
            }
            Some(b'\n') => {
                self.err_next_line("unterminated character constant");
                Tok::Int(0)
            }
            Some(c) => {
                self.pos += 1;
                let v = if c == b'\\' {
                    match self.escape() {
                        Some(b) => b,
                        None => {
                            self.err("unterminated character constant");
                            return Tok::Int(0);
                        }
                    }
                } else {
                    c
                };
                if self.peek() == Some(b'\'') {
                    self.pos += 1;
                } else {
                    self.err_next_line("illegal character constant");
                }
                Tok::Int(v as i32)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> (Vec<Tok>, Vec<(u32, String)>) {
        let mut i = Interner::default();
        let mut l = Lexer::new(Arc::from(s.as_bytes()));
        let mut v = Vec::new();
        loop {
            let t = l.next_tok(&mut i);
            if t.tok == Tok::Eof {
                break;
            }
            v.push(t.tok);
        }
        (v, l.errors)
    }

    #[test]
    fn numbers() {
        let (t, e) = toks("12 0x1F 017 0xffffffff 1.5 .5 1e3 1..2 'a' '\\n' '\\x41' 2147483647");
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(
            t,
            vec![
                Tok::Int(12),
                Tok::Int(31),
                Tok::Int(15),
                Tok::Int(-1),
                Tok::Float(1.5),
                Tok::Float(0.5),
                Tok::Float(1000.0),
                Tok::Int(1),
                Tok::P(P::DotDot),
                Tok::Int(2),
                Tok::Int(97),
                Tok::Int(10),
                Tok::Int(65),
                Tok::Int(i32::MAX),
            ]
        );
        let (_, e) = toks("2147483648 09 0x100000000");
        let msgs: Vec<_> = e.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(
            msgs,
            vec![
                "overflow in integer constant",
                "bad octal constant",
                "overflow in integer constant"
            ]
        );
    }

    #[test]
    fn strings_and_escapes() {
        let (t, e) = toks(r#""a\tb\101\x41\q\"" "#);
        assert!(e.is_empty());
        assert_eq!(t, vec![Tok::Str(Arc::from(&b"a\tbAAq\""[..]))]);
        let (_, e) = toks("\"abc\nx");
        assert_eq!(e[0], (2, "unterminated string".to_string()));
        let (t, e) = toks("\"ab\\\ncd\" x");
        assert!(e.is_empty());
        assert_eq!(
            t,
            vec![
                Tok::Str(Arc::from(&b"abcd"[..])),
                Tok::Ident(Arc::from("x"))
            ]
        );
        let (t, _) = toks("0x");
        assert_eq!(t, vec![Tok::Int(0), Tok::Ident(Arc::from("x"))]);
    }

    #[test]
    fn operators_and_comments() {
        let (t, e) = toks("a->b <- c :: d ... <<= >>= /* x \n */ // y\n ##");
        assert!(e.is_empty());
        let ps: Vec<_> = t
            .iter()
            .filter_map(|t| match t {
                Tok::P(p) => Some(*p),
                _ => None,
            })
            .collect();
        assert_eq!(
            ps,
            vec![
                P::RArrow,
                P::LArrow,
                P::ColonColon,
                P::Ellipsis,
                P::ShlEq,
                P::ShrEq,
                P::HashHash
            ]
        );
        let (_, e) = toks("/* never closed");
        assert_eq!(e[0].1, "EOF in comment");
    }

    #[test]
    fn float_rounding() {
        assert_eq!(round_float(1.0), Some(1.0));
        assert_eq!(round_float(f64::INFINITY), None);
        let third = round_float(1.0 / 3.0).unwrap_or(0.0);
        assert_eq!(third.to_bits() & 0xffff, 0);
    }
}
