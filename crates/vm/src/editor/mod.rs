//! DGD's line editor (the `editor()` kfun's engine): an ex/ed clone over a
//! buffer of lines. Pure: it knows no LPC and no files; reading and writing
//! go through [`EdIo`], which the VM implements with the driver object's
//! `path_read`/`path_write` and the mudlib confinement.
//!
//! One [`Editor`] is one session. [`Editor::command`] takes one command line
//! (or one line of text in insert mode) and returns what the editor printed,
//! exactly as DGD prints it: lines, counts, file statistics, and the messages
//! of errors inside the editor (`"No such command\n"`), which are output, not
//! failures. Only an [`EdError`] (a newline in the command, output over
//! 65535 bytes, or an error of the file hooks) fails a command.
//!
//! Commands (DGD's set): `a i c d p l # = s g v m t j k u r w e f x q z y
//! put set < > I`, addresses `. $ N 'x /re/ ?re? + - , ; %`, `|` between
//! commands inside `g`/`v`, flags `p l #` after changing commands, options
//! `ignorecase`/`ic`, `shiftwidth`/`sw`, `window`/`wi`. Lines are at most
//! 4095 bytes; file names and patterns shorter than 256.
//!
//! Every loop is bounded by the command's length or the buffer's size; the
//! regular expressions never backtrack exponentially ([`regex`]).
//!
//! Where DGD 1.7.9 itself fails, this engine does the sensible thing: an
//! error inside a `g`/`v` subcommand is reported like any other (DGD's error
//! stack is left corrupt and the next task aborts the process), `\u`/`\l`
//! before an empty match converts the next character instead (DGD writes out
//! of bounds), a class range ending at byte 255 ends (DGD loops forever), and
//! a global command that keeps pulling new lines into its range stops with
//! "Too many lines" (DGD never ends). Buffers hold at most [`MAX_LINES`]
//! lines and live in memory (DGD's `ed_tmpfile` is not used).

mod indent;
pub mod lines;
pub mod regex;
#[cfg(test)]
mod tests;

use lines::{Line, Lines};
use regex::Regex;
use std::rc::Rc;

/// Longest line plus one (DGD's MAX_LINE_SIZE).
pub const MAX_LINE_SIZE: usize = 4096;
/// DGD's internal string size: file names and patterns are shorter.
pub const STRINGSZ: usize = 256;
/// Most output one command may produce.
pub const MAX_OUTPUT: usize = 65535;
/// Most lines in a buffer ("Too many lines"). DGD's bound is its 32-bit
/// line numbers; this one keeps a runaway global command (one that keeps
/// adding lines ahead of itself, which never ends in DGD) finite.
pub const MAX_LINES: usize = 1 << 21;

/// What reading a file gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileRead {
    Data(Vec<u8>),
    /// Refused by the path hook, missing, or not a plain file.
    Unreadable,
    /// Reading failed midway; the resolved name (for the message).
    Failed(Vec<u8>),
}

/// What writing a file gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileWrite {
    Done,
    /// Refused by the path hook, not a plain file, or could not be created.
    Refused,
    /// Writing failed midway; the resolved name (for the message).
    Failed(Vec<u8>),
}

/// File access for `r`, `e`, `w`, `x`, `wq`. `name` is the file name as
/// given in the command. An `Err` ends the command with that error (it is
/// not editor output).
pub trait EdIo {
    type Error;
    fn read(&mut self, name: &[u8]) -> Result<FileRead, Self::Error>;
    fn write(&mut self, name: &[u8], data: &[u8], append: bool) -> Result<FileWrite, Self::Error>;
}

/// A command that failed outside the editor's own error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EdError<E> {
    /// The command holds a newline.
    Newline,
    /// More than [`MAX_OUTPUT`] bytes of output.
    OutputTooLong,
    /// The file hooks failed.
    Io(E),
}

impl<E: std::fmt::Display> std::fmt::Display for EdError<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EdError::Newline => f.write_str("Newline in editor command"),
            EdError::OutputTooLong => f.write_str("Editor output string too long"),
            EdError::Io(e) => e.fmt(f),
        }
    }
}

/// The result of one command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// What the editor printed; `None` when nothing.
    pub output: Option<Vec<u8>>,
    /// The session ended (`q`, `x`, `wq`).
    pub quit: bool,
}

/// Why a command stopped early.
enum Stop<E> {
    /// An editor error: its message becomes output.
    Msg(String),
    TooLong,
    Io(E),
}

type Res<T, E> = Result<T, Stop<E>>;

fn msg<T, E>(s: impl Into<String>) -> Res<T, E> {
    Err(Stop::Msg(s.into()))
}

const RET_QUIT: u8 = 1;
const RET_FLAGS: u8 = 2;

/// Range handling of a command.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LnType {
    /// The command checks itself.
    None,
    /// Default `.`, may be 0.
    Zero,
    /// Default `.,.`.
    Dot,
    /// Default `1,$`.
    Range,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Cmd {
    Append,
    Assign,
    Change,
    Delete,
    Edit,
    File,
    Global,
    Put,
    Insert,
    Join,
    Mark,
    List,
    Move,
    Number,
    Wq,
    Print,
    Quit,
    Read,
    Subst,
    Copy,
    Undo,
    VGlobal,
    Write,
    Xit,
    Yank,
    Page,
    Set,
    LShift,
    RShift,
    Indent,
}

struct CmdInfo {
    cmd: Cmd,
    ln: LnType,
    excl: bool,
    buffer: bool,
    addr: bool,
    count: bool,
}

const fn ci(cmd: Cmd, ln: LnType, excl: bool, buffer: bool, addr: bool, count: bool) -> CmdInfo {
    CmdInfo {
        cmd,
        ln,
        excl,
        buffer,
        addr,
        count,
    }
}

/// The commands by long name, in DGD's lookup order (abbreviations take the
/// first match), with their one-letter names.
const COMMANDS: &[(Option<u8>, Option<&str>, CmdInfo)] = {
    use Cmd::*;
    use LnType as L;
    &[
        (
            Some(b'a'),
            Some("append"),
            ci(Append, L::Zero, false, false, false, false),
        ),
        (None, None, ci(Assign, L::None, false, false, false, false)),
        (
            Some(b'c'),
            Some("change"),
            ci(Change, L::Dot, false, false, false, true),
        ),
        (
            Some(b'd'),
            Some("delete"),
            ci(Delete, L::Dot, false, true, false, true),
        ),
        (
            Some(b'e'),
            Some("edit"),
            ci(Edit, L::None, true, false, false, false),
        ),
        (
            Some(b'f'),
            Some("file"),
            ci(File, L::None, false, false, false, false),
        ),
        (
            Some(b'g'),
            Some("global"),
            ci(Global, L::Range, true, false, false, false),
        ),
        (
            None,
            Some("put"),
            ci(Put, L::Zero, false, true, false, false),
        ),
        (
            Some(b'i'),
            Some("insert"),
            ci(Insert, L::Zero, false, false, false, false),
        ),
        (
            Some(b'j'),
            Some("join"),
            ci(Join, L::None, true, false, false, true),
        ),
        (
            Some(b'k'),
            Some("mark"),
            ci(Mark, L::Dot, false, false, false, false),
        ),
        (
            Some(b'l'),
            Some("list"),
            ci(List, L::Dot, false, false, false, true),
        ),
        (
            Some(b'm'),
            Some("move"),
            ci(Move, L::Dot, false, false, true, false),
        ),
        (
            None,
            Some("number"),
            ci(Number, L::Dot, false, false, false, true),
        ),
        (
            None,
            Some("wq"),
            ci(Wq, L::Range, true, false, false, false),
        ),
        (
            Some(b'p'),
            Some("print"),
            ci(Print, L::Dot, false, false, false, true),
        ),
        (
            Some(b'q'),
            Some("quit"),
            ci(Quit, L::None, true, false, false, false),
        ),
        (
            Some(b'r'),
            Some("read"),
            ci(Read, L::Zero, false, false, false, false),
        ),
        (
            Some(b's'),
            Some("substitute"),
            ci(Subst, L::Dot, false, false, false, false),
        ),
        (
            Some(b't'),
            Some("copy"),
            ci(Copy, L::Dot, false, false, true, false),
        ),
        (
            Some(b'u'),
            Some("undo"),
            ci(Undo, L::None, false, false, false, false),
        ),
        (
            Some(b'v'),
            None,
            ci(VGlobal, L::Range, false, false, false, false),
        ),
        (
            Some(b'w'),
            Some("write"),
            ci(Write, L::Range, true, false, false, false),
        ),
        (
            Some(b'x'),
            Some("xit"),
            ci(Xit, L::Range, false, false, false, false),
        ),
        (
            Some(b'y'),
            Some("yank"),
            ci(Yank, L::Dot, false, true, false, true),
        ),
        (
            Some(b'z'),
            None,
            ci(Page, L::None, false, false, false, false),
        ),
        (
            None,
            Some("set"),
            ci(Set, L::None, false, false, false, false),
        ),
    ]
};
const NUMBER_CMD: CmdInfo = ci(Cmd::Number, LnType::Dot, false, false, false, true);
const ASSIGN_CMD: CmdInfo = ci(Cmd::Assign, LnType::None, false, false, false, false);
const LSHIFT_CMD: CmdInfo = ci(Cmd::LShift, LnType::Dot, false, false, false, true);
const RSHIFT_CMD: CmdInfo = ci(Cmd::RShift, LnType::Dot, false, false, false, true);
const INDENT_CMD: CmdInfo = ci(Cmd::Indent, LnType::Range, false, false, false, false);
const PRINT_CMD: CmdInfo = ci(Cmd::Print, LnType::Dot, false, false, false, true);

/// The editor's options.
#[derive(Clone, Debug)]
struct Vars {
    ignorecase: i32,
    shiftwidth: i32,
    window: i32,
}

impl Default for Vars {
    fn default() -> Vars {
        Vars {
            ignorecase: 0,
            shiftwidth: 4,
            window: 20,
        }
    }
}

/// Case conversion state of a substitution.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct CaseFlags {
    upper: bool,
    lower: bool,
    tupper: bool,
    tlower: bool,
}

/// State of the line indenter (`I`).
#[derive(Default)]
struct IndentState {
    stack: Vec<u8>,
    ind: Vec<i32>,
    quote: u8,
    ppcontrol: bool,
    comment: bool,
    jskeyword: bool,
}

/// One editor session.
pub struct Editor {
    // status flags
    noimage: bool,
    insert: bool,
    change: bool,
    global: bool,
    excl: bool,
    number: bool,
    list: bool,

    /// The command line being parsed, and the parse position in it.
    cmd: Rc<[u8]>,
    pos: usize,
    regexp: Regex,
    vars: Vars,
    reverse: bool,
    ignorecase: bool,
    edits: i32,

    buf: Lines,
    cthis: i32,
    othis: i32,
    first: i32,
    last: i32,
    a_addr: i32,
    a_buffer: u8,
    lineno: i32,

    // global
    glob_rx: Option<Regex>,
    glob_next: i32,
    glob_size: i32,

    // shifting and indenting
    shift: i32,
    ind: IndentState,

    // substituting
    sbuf: Vec<u8>,
    skipped: Option<Vec<u8>>,
    currentblk: bool,
    globsubst: bool,
    case: CaseFlags,
    offset: i32,
    moffset: [i32; 26],

    mark: [i32; 26],
    yank: Option<Vec<Line>>,
    zbuf: [Option<Vec<Line>>; 26],
    fname: Vec<u8>,

    /// Lines of the block being added (insert mode, changes).
    block: Vec<Line>,

    undo: Option<Lines>,
    uthis: i32,
    umark: [i32; 26],

    search: Vec<u8>,
    replace: Vec<u8>,

    out: Vec<u8>,
}

impl Default for Editor {
    fn default() -> Editor {
        Editor::new()
    }
}

fn skipst(s: &[u8], mut p: usize) -> usize {
    while matches!(s.get(p), Some(b' ' | b'\t')) {
        p += 1;
    }
    p
}

/// The file name at `p` (up to a blank or `|`): (name, end position).
fn fname_at(s: &[u8], p: usize) -> (&[u8], usize) {
    let rest = s.get(p..).unwrap_or(&[]);
    let n = rest
        .iter()
        .position(|&c| c == b' ' || c == b'\t' || c == b'|')
        .unwrap_or(rest.len());
    (&rest[..n], p + n)
}

impl Editor {
    pub fn new() -> Editor {
        Editor {
            noimage: false,
            insert: false,
            change: false,
            global: false,
            excl: false,
            number: false,
            list: false,
            cmd: Rc::from(&b""[..]),
            pos: 0,
            regexp: Regex::new(),
            vars: Vars::default(),
            reverse: false,
            ignorecase: false,
            edits: 0,
            buf: Lines::new(),
            cthis: 0,
            othis: 0,
            first: 0,
            last: 0,
            a_addr: 0,
            a_buffer: 0,
            lineno: 0,
            glob_rx: None,
            glob_next: 0,
            glob_size: 0,
            shift: 0,
            ind: IndentState::default(),
            sbuf: Vec::new(),
            skipped: None,
            currentblk: false,
            globsubst: false,
            case: CaseFlags::default(),
            offset: 0,
            moffset: [0; 26],
            mark: [0; 26],
            yank: None,
            zbuf: Default::default(),
            fname: Vec::new(),
            block: Vec::new(),
            undo: None,
            uthis: 0,
            umark: [0; 26],
            search: Vec::new(),
            replace: Vec::new(),
            out: Vec::new(),
        }
    }

    /// Is the session in insert mode (`a`, `i`, `c` until `.`)?
    pub fn in_insert_mode(&self) -> bool {
        self.insert
    }

    /// `"insert"` or `"command"`, as `query_editor()` says.
    pub fn status(&self) -> &'static str {
        if self.insert {
            "insert"
        } else {
            "command"
        }
    }

    /// Number of lines in the buffer.
    pub fn lines(&self) -> usize {
        self.buf.len()
    }

    /// Runs one command line (text up to a NUL byte, as DGD reads it).
    pub fn command<I: EdIo>(
        &mut self,
        command: &[u8],
        io: &mut I,
    ) -> Result<Reply, EdError<I::Error>> {
        let command = match command.iter().position(|&c| c == 0) {
            Some(n) => &command[..n],
            None => command,
        };
        if command.contains(&b'\n') {
            return Err(EdError::Newline);
        }
        self.out.clear();
        let r = self.run(Rc::from(command), io);
        let quit = match r {
            Ok(go_on) => !go_on,
            Err(Stop::Msg(m)) => {
                self.insert = false;
                self.change = false;
                let mut line = m.into_bytes();
                line.truncate(2 * STRINGSZ - 1);
                line.push(b'\n');
                if self.out.len() + line.len() > MAX_OUTPUT {
                    return Err(EdError::OutputTooLong);
                }
                self.out.extend_from_slice(&line);
                false
            }
            Err(Stop::TooLong) => {
                self.insert = false;
                self.change = false;
                return Err(EdError::OutputTooLong);
            }
            Err(Stop::Io(e)) => {
                self.insert = false;
                self.change = false;
                return Err(EdError::Io(e));
            }
        };
        let output = if self.out.is_empty() {
            None
        } else {
            Some(std::mem::take(&mut self.out))
        };
        Ok(Reply { output, quit })
    }

    // ------------------------------------------------------------ helpers

    fn message<E>(&mut self, s: &[u8]) -> Res<(), E> {
        if self.out.len() + s.len() > MAX_OUTPUT {
            return Err(Stop::TooLong);
        }
        self.out.extend_from_slice(s);
        Ok(())
    }

    fn c(&self, off: usize) -> u8 {
        self.cmd.get(self.pos + off).copied().unwrap_or(0)
    }

    fn lines_i(&self) -> i32 {
        self.buf.len() as i32
    }

    fn skip(&mut self) {
        self.pos = skipst(&self.cmd, self.pos);
    }

    fn range_lines(&self, first: i32, last: i32) -> Vec<Line> {
        if first < 1 || last < first {
            return Vec::new();
        }
        self.buf.range(first as usize, last as usize)
    }

    /// "Too many lines" if `n` more lines would not fit.
    fn room_for<E>(&self, n: usize) -> Res<(), E> {
        if self.buf.len() + n > MAX_LINES {
            return msg("Too many lines");
        }
        Ok(())
    }

    fn not_in_global<E>(&self) -> Res<(), E> {
        if self.global {
            return msg("Command not allowed in global");
        }
        Ok(())
    }

    fn dodo(&mut self, cthis: i32) {
        self.undo = Some(self.buf.clone());
        self.uthis = cthis;
        self.umark = self.mark;
    }

    // ------------------------------------------------------------ parsing

    /// Scans a pattern up to `delim` from `self.pos`; returns it and moves
    /// past the delimiter.
    fn scan_pattern<E>(&mut self, delim: u8) -> Res<Vec<u8>, E> {
        let s = self.cmd.clone();
        let at = |i: usize| s.get(i).copied().unwrap_or(0);
        let start = self.pos;
        let mut p = start;
        while at(p) != 0 {
            if at(p) == delim {
                break;
            }
            let c = at(p);
            p += 1;
            match c {
                b'\\' if at(p) != 0 => p += 1,
                b'[' => {
                    while at(p) != 0 && at(p) != b']' {
                        let x = at(p);
                        p += 1;
                        if x == b'\\' {
                            if at(p) == 0 {
                                break;
                            }
                            p += 1;
                        }
                    }
                }
                _ => {}
            }
        }
        if p - start >= STRINGSZ {
            return msg("Regular expression too large");
        }
        let pat = s.get(start..p).unwrap_or(&[]).to_vec();
        if at(p) != 0 {
            p += 1;
        }
        self.pos = p;
        Ok(pat)
    }

    /// Compiles the pattern up to `delim` into the current regexp (an
    /// empty pattern reuses the previous one).
    fn pattern<E>(&mut self, delim: u8) -> Res<(), E> {
        let pat = self.scan_pattern(delim)?;
        if pat.is_empty() {
            if !self.regexp.valid {
                return msg("No previous regular expression");
            }
        } else if let Err(e) = self.regexp.compile(&pat) {
            return msg(e);
        }
        Ok(())
    }

    fn number_at(&mut self) -> i32 {
        let mut l: i32 = 0;
        while self.c(0).is_ascii_digit() {
            l = l.wrapping_mul(10).wrapping_add(i32::from(self.c(0) - b'0'));
            self.pos += 1;
        }
        l
    }

    /// Searches lines `first..=last` (backwards if `reverse`) for the
    /// current regexp; the line number or 0.
    fn dosearch(&mut self, first: i32, last: i32, reverse: bool) -> i32 {
        self.ignorecase = self.vars.ignorecase != 0;
        let first = first.max(1);
        let lines = self.range_lines(first, last);
        let ic = self.ignorecase;
        if reverse {
            for (k, text) in lines.iter().rev().enumerate() {
                if self.regexp.exec(text, 0, ic) == Some(true) {
                    return last - k as i32;
                }
            }
        } else {
            for (k, text) in lines.iter().enumerate() {
                if self.regexp.exec(text, 0, ic) == Some(true) {
                    return first + k as i32;
                }
            }
        }
        0
    }

    /// Parses one address; -1 if there is none.
    fn address<E>(&mut self, first: i32) -> Res<i32, E> {
        let mut l: i32;
        match self.c(0) {
            b'0'..=b'9' => l = self.number_at(),
            b'.' => {
                self.pos += 1;
                l = self.cthis;
            }
            b'+' | b'-' => l = self.cthis,
            b'$' => {
                l = self.lines_i();
                self.pos += 1;
            }
            b'\'' => {
                let m = self.c(1);
                if !m.is_ascii_lowercase() {
                    return msg("Marks are a-z");
                }
                l = self.mark[(m - b'a') as usize];
                if l == 0 {
                    return msg("Undefined mark referenced");
                }
                self.pos += 2;
            }
            d @ b'/' => {
                self.pos += 1;
                self.pattern(d)?;
                l = self.lines_i();
                if l == 0 {
                    return Ok(1);
                }
                let mut found = 0;
                if first < l {
                    found = self.dosearch(first + 1, l, false);
                }
                if found == 0 {
                    found = self.dosearch(1, first, false);
                    if found == 0 {
                        return msg("Pattern not found");
                    }
                }
                l = found;
            }
            d @ b'?' => {
                self.pos += 1;
                self.pattern(d)?;
                l = 0;
                if first > 1 {
                    l = self.dosearch(1, first - 1, true);
                }
                if l == 0 {
                    l = self.lines_i();
                    if l == 0 {
                        return Ok(1);
                    }
                    l = self.dosearch(first, l, true);
                    if l == 0 {
                        return msg("Pattern not found");
                    }
                }
            }
            _ => return Ok(-1),
        }
        self.skip();
        while matches!(self.c(0), b'+' | b'-') {
            let plus = self.c(0) == b'+';
            self.pos += 1;
            self.skip();
            let r = if self.c(0).is_ascii_digit() {
                self.number_at()
            } else {
                1
            };
            l = if plus {
                l.wrapping_add(r)
            } else {
                l.wrapping_sub(r)
            };
            self.skip();
        }
        if l < 0 {
            return msg("Negative address");
        }
        Ok(l)
    }

    /// Parses the line range before a command.
    fn range<E>(&mut self) -> Res<(), E> {
        self.first = -1;
        self.last = -1;
        self.skip();
        if self.c(0) == 0 {
            return Ok(());
        }
        if self.c(0) == b'%' {
            self.first = 1;
            self.last = self.lines_i();
            self.pos += 1;
            self.skip();
        } else {
            self.first = self.address(self.cthis)?;
            if matches!(self.c(0), b',' | b';') {
                if self.first < 0 {
                    self.first = self.cthis;
                } else if self.c(0) == b';' {
                    self.cthis = self.first;
                }
                self.pos += 1;
                self.skip();
                self.last = self.address(self.cthis)?;
                if self.last < 0 {
                    self.last = self.cthis;
                }
            }
        }
        Ok(())
    }

    /// An optional count after the command sets the range's end.
    fn count<E>(&mut self) -> Res<(), E> {
        if self.c(0).is_ascii_digit() {
            let count = self.number_at();
            self.skip();
            if self.first < 0 {
                self.first = self.cthis;
            }
            self.last = self.first.wrapping_add(count).wrapping_sub(1);
            if self.last < self.first || self.last > self.lines_i() {
                return msg("Not that many lines in buffer");
            }
        }
        Ok(())
    }

    // ------------------------------------------------------------ blocks

    fn dobuf(&mut self, b: Vec<Line>) {
        let a = self.a_buffer;
        if a.is_ascii_uppercase() {
            let z = &mut self.zbuf[(a - b'A') as usize];
            match z {
                Some(v) => v.extend(b.iter().cloned()),
                None => *z = Some(b.clone()),
            }
        } else if a.is_ascii_lowercase() {
            self.zbuf[(a - b'a') as usize] = Some(b.clone());
        }
        self.yank = Some(b);
    }

    /// Adds lines after line `ln`.
    fn add<E>(&mut self, ln: i32, b: Vec<Line>) -> Res<(), E> {
        self.room_for(b.len())?;
        let size = b.len() as i32;
        if self.global {
            if ln < self.glob_next {
                self.glob_next += size;
            } else if ln < self.glob_next + self.glob_size - 1 {
                return msg("Illegal add in global");
            }
        }
        self.buf.insert_after(ln.max(0) as usize, b);
        for m in self.mark.iter_mut() {
            if *m > ln {
                *m += size;
            }
        }
        self.cthis = ln + size;
        self.othis = self.cthis;
        Ok(())
    }

    /// Deletes lines `first..=last`, returning them.
    fn dellines<E>(&mut self, first: i32, last: i32) -> Res<Vec<Line>, E> {
        let size = last - first + 1;
        if self.global {
            if last < self.glob_next {
                self.glob_next -= size;
            } else if first <= self.glob_next {
                self.glob_size -= last - self.glob_next + 1;
                self.glob_next = first;
            } else if last >= self.glob_next + self.glob_size {
                self.glob_size = first - self.glob_next;
            } else {
                return msg("Illegal delete in global");
            }
        }
        for m in self.mark.iter_mut() {
            if *m >= first {
                if *m > last {
                    *m -= size;
                } else {
                    *m = 0;
                }
            }
        }
        self.othis = first;
        if last == self.lines_i() {
            self.othis -= 1;
        }
        self.cthis = self.othis;
        Ok(self.buf.remove(first as usize, last as usize))
    }

    /// Replaces lines `first..=last` by `b`.
    fn change_lines<E>(&mut self, first: i32, last: i32, b: Vec<Line>) -> Res<(), E> {
        self.room_for(b.len())?;
        let offset = last - first + 1 - b.len() as i32;
        if self.global {
            if last < self.glob_next {
                self.glob_next -= offset;
            } else if first <= self.glob_next {
                self.glob_size -= last - self.glob_next + 1;
                self.glob_next = last - offset + 1;
            } else if last >= self.glob_next + self.glob_size {
                self.glob_size = first - self.glob_next;
            } else {
                return msg("Illegal change in global");
            }
        }
        for m in self.mark.iter_mut() {
            if *m > last {
                *m -= offset;
            }
        }
        self.othis = first;
        self.cthis = last - offset;
        if self.cthis == 0 && last != self.lines_i() {
            self.cthis = 1;
        }
        self.buf.replace(first as usize, last as usize, b);
        Ok(())
    }

    fn startblock(&mut self) {
        self.block.clear();
    }

    fn addblock(&mut self, text: &[u8]) {
        self.block.push(Rc::from(text));
    }

    /// Finishes the block: it replaces `first..=last` (change) or goes after
    /// `first` (add).
    fn endblock<E>(&mut self) -> Res<(), E> {
        let b = std::mem::take(&mut self.block);
        let r = if self.change {
            if self.first <= self.last {
                self.change_lines(self.first, self.last, b)
            } else {
                self.endblock_empty();
                Ok(())
            }
        } else if !b.is_empty() {
            self.add(self.first, b)
        } else {
            self.endblock_empty();
            Ok(())
        };
        self.insert = false;
        self.change = false;
        r?;
        self.edits += 1;
        Ok(())
    }

    fn endblock_empty(&mut self) {
        if self.first == 0 && !self.buf.is_empty() {
            self.cthis = 1;
        } else {
            self.cthis = self.first;
        }
        self.othis = self.cthis;
    }

    // ------------------------------------------------------------ the parser

    /// Runs a command line; `Ok(true)` if the session goes on.
    fn run<I: EdIo>(&mut self, command: Rc<[u8]>, io: &mut I) -> Res<bool, I::Error> {
        self.cmd = command;
        self.pos = 0;
        self.exec_from(io)
    }

    /// Parses and runs commands from `self.pos`; `Ok(false)` after a quit.
    fn exec_from<I: EdIo>(&mut self, io: &mut I) -> Res<bool, I::Error> {
        loop {
            if self.insert {
                let text = self.cmd.clone();
                if text.len() >= MAX_LINE_SIZE {
                    self.endblock()?;
                    return msg("Line too long");
                }
                if &text[..] == b"." {
                    self.endblock()?;
                } else {
                    self.addblock(&text);
                }
                return Ok(true);
            }
            self.excl = false;
            self.number = false;
            self.list = false;
            self.a_addr = -1;
            self.a_buffer = 0;

            self.skip();
            let cm: &CmdInfo;
            if self.c(0) == 0 {
                // no command: print the next line
                if self.cthis == self.lines_i() {
                    return msg("End-of-file");
                }
                cm = &PRINT_CMD;
                self.first = self.cthis + 1;
                self.last = self.first;
            } else {
                self.range()?;
                self.skip();
                let start = self.pos;
                let mut p = start;
                if self.cmd.get(p) == Some(&b'k') {
                    p += 1;
                } else {
                    while self.cmd.get(p).is_some_and(|c| c.is_ascii_alphabetic()) {
                        p += 1;
                    }
                }
                let word = self.cmd.get(start..p).unwrap_or(&[]).to_vec();
                let found: Option<&CmdInfo> = match word.len() {
                    0 => {
                        let c = self.cmd.get(p).copied().unwrap_or(0);
                        match c {
                            b'=' => {
                                p += 1;
                                Some(&ASSIGN_CMD)
                            }
                            b'#' => {
                                p += 1;
                                Some(&NUMBER_CMD)
                            }
                            b'<' => {
                                p += 1;
                                Some(&LSHIFT_CMD)
                            }
                            b'>' => {
                                p += 1;
                                Some(&RSHIFT_CMD)
                            }
                            0 | b'|' => Some(&PRINT_CMD),
                            _ => None,
                        }
                    }
                    1 => {
                        let c = word[0];
                        if c == b'I' {
                            Some(&INDENT_CMD)
                        } else if c.is_ascii_lowercase() {
                            COMMANDS
                                .get((c - b'a') as usize)
                                .filter(|(ch, _, _)| *ch == Some(c))
                                .map(|(_, _, info)| info)
                        } else {
                            None
                        }
                    }
                    n => COMMANDS.iter().find_map(|(_, name, info)| {
                        name.filter(|nm| nm.len() >= n && nm.as_bytes()[..n] == word[..])
                            .map(|_| info)
                    }),
                };
                let Some(info) = found else {
                    return msg("No such command");
                };
                cm = info;
                if cm.excl && self.cmd.get(p) == Some(&b'!') {
                    self.excl = true;
                    p += 1;
                }
                p = skipst(&self.cmd, p);
                if cm.buffer && self.cmd.get(p).is_some_and(|c| c.is_ascii_alphabetic()) {
                    self.a_buffer = self.cmd[p];
                    p = skipst(&self.cmd, p + 1);
                }
                self.pos = p;
                if cm.count {
                    self.count()?;
                }
                if cm.addr {
                    self.a_addr = self.address(self.cthis)?;
                    if self.a_addr < 0 {
                        return msg("Command requires a trailing address");
                    }
                    self.skip();
                }
            }

            // check and adjust the line range
            let lines = self.lines_i();
            if cm.ln != LnType::Zero {
                if matches!(cm.ln, LnType::Dot | LnType::Range) && lines == 0 {
                    return msg("No lines in buffer");
                }
                if self.first == 0 {
                    return msg("Nonzero address required on this command");
                }
            }
            match cm.ln {
                LnType::Dot | LnType::Zero => {
                    if self.first < 0 {
                        self.first = self.cthis;
                    }
                    if self.last < 0 {
                        self.last = self.first;
                    }
                }
                LnType::Range => {
                    if self.first < 0 {
                        self.first = 1;
                        self.last = lines;
                    } else if self.last < 0 {
                        self.last = self.first;
                    }
                }
                LnType::None => {}
            }
            if self.first > lines || self.last > lines || self.a_addr > lines {
                return msg("Not that many lines in buffer");
            }
            if self.last >= 0 && self.last < self.first {
                return msg("Inverted address range");
            }

            let ret = self.dispatch(cm.cmd, io)?;

            let mut p = skipst(&self.cmd, self.pos);
            if ret == RET_FLAGS {
                loop {
                    match self.cmd.get(p).copied().unwrap_or(0) {
                        b'-' => self.cthis -= 1,
                        b'+' => self.cthis += 1,
                        b'p' => {}
                        b'l' => self.list = true,
                        b'#' => self.number = true,
                        _ => break,
                    }
                    p += 1;
                }
                if self.cthis <= 0 {
                    self.cthis = 1;
                }
                if self.cthis > self.lines_i() {
                    self.cthis = self.lines_i();
                }
                if self.cthis != 0 && !self.global {
                    // no autoprint in global
                    self.first = self.cthis;
                    self.last = self.cthis;
                    self.print()?;
                }
                p = skipst(&self.cmd, self.pos);
            }

            // another command?
            if self.cmd.get(p) == Some(&b'|') && self.global && ret != RET_QUIT {
                self.pos = p + 1;
                continue;
            }
            if self.cmd.get(p).is_some() {
                return msg("Illegal characters after command");
            }
            return Ok(ret != RET_QUIT);
        }
    }

    fn dispatch<I: EdIo>(&mut self, cmd: Cmd, io: &mut I) -> Res<u8, I::Error> {
        match cmd {
            Cmd::Append => self.append(),
            Cmd::Assign => self.assign(),
            Cmd::Change => self.change_cmd(),
            Cmd::Delete => self.delete(),
            Cmd::Edit => self.edit(io),
            Cmd::File => self.file(),
            Cmd::Global => self.global_cmd(io),
            Cmd::VGlobal => {
                self.excl = true;
                self.global_cmd(io)
            }
            Cmd::Put => self.put(),
            Cmd::Insert => self.insert_cmd(),
            Cmd::Join => self.join(),
            Cmd::Mark => self.domark(),
            Cmd::List => {
                self.list = true;
                self.print()
            }
            Cmd::Number => {
                self.number = true;
                self.print()
            }
            Cmd::Print => self.print(),
            Cmd::Move => self.move_cmd(),
            Cmd::Copy => self.copy(),
            Cmd::Wq => self.wq(io),
            Cmd::Quit => self.quit(),
            Cmd::Read => self.read(io),
            Cmd::Subst => self.subst(),
            Cmd::Undo => self.doundo(),
            Cmd::Write => self.write(io),
            Cmd::Xit => self.xit(io),
            Cmd::Yank => self.yank_cmd(),
            Cmd::Page => self.page(),
            Cmd::Set => self.set(),
            Cmd::LShift => {
                self.shift = -self.vars.shiftwidth;
                self.doshift()
            }
            Cmd::RShift => {
                self.shift = self.vars.shiftwidth;
                self.doshift()
            }
            Cmd::Indent => self.indent(),
        }
    }

    // ------------------------------------------------------------ commands

    fn println<E>(&mut self, text: &[u8]) -> Res<(), E> {
        let mut b: Vec<u8> = Vec::with_capacity(text.len() + 16);
        if self.number {
            b.extend_from_slice(format!("{:6}  ", self.lineno).as_bytes());
            self.lineno += 1;
        }
        for &c in text {
            if c < b' ' {
                if c == b'\t' && !self.list {
                    b.push(c);
                } else {
                    b.push(b'^');
                    b.push((c & 0x1f) + b'@');
                }
            } else if c == 0x7f {
                b.extend_from_slice(b"^?");
            } else {
                b.push(c);
            }
        }
        if self.list {
            b.push(b'$');
        }
        b.push(b'\n');
        self.message(&b)
    }

    fn print<E>(&mut self) -> Res<u8, E> {
        loop {
            match self.c(0) {
                b'-' | b'+' | b'p' => {}
                b'l' => self.list = true,
                b'#' => self.number = true,
                _ => break,
            }
            self.pos += 1;
        }
        self.lineno = self.first;
        for text in self.range_lines(self.first, self.last) {
            self.println(&text)?;
        }
        self.cthis = self.last;
        Ok(0)
    }

    fn page<E>(&mut self) -> Res<u8, E> {
        if self.buf.is_empty() {
            return msg("No lines in buffer");
        }
        let window = self.vars.window;
        let offset = match self.c(0) {
            b'+' => {
                self.pos += 1;
                0
            }
            b'-' => {
                self.pos += 1;
                1 - window
            }
            b'.' => {
                self.pos += 1;
                1 - (window + 1) / 2
            }
            _ => {
                self.cthis += 1;
                0
            }
        };
        let lines = self.lines_i();
        if self.first < 0 {
            self.first = self.cthis;
        }
        self.first = self.first.wrapping_add(offset);
        if self.first <= 0 {
            self.first = 1;
        } else if self.first > lines {
            self.first = lines;
        }
        self.last = self.first.wrapping_add(window).wrapping_sub(1);
        if self.last < self.first {
            self.last = self.first;
        } else if self.last > lines {
            self.last = lines;
        }
        self.print()
    }

    fn assign<E>(&mut self) -> Res<u8, E> {
        let n = if self.first < 0 {
            self.lines_i()
        } else {
            self.first
        };
        self.message(format!("{n}\n").as_bytes())?;
        Ok(0)
    }

    fn domark<E>(&mut self) -> Res<u8, E> {
        let c = self.c(0);
        if !c.is_ascii_lowercase() {
            return msg("Mark must specify a letter");
        }
        self.mark[(c - b'a') as usize] = self.first;
        self.pos += 1;
        Ok(0)
    }

    fn append<E>(&mut self) -> Res<u8, E> {
        self.not_in_global()?;
        self.dodo(self.first);
        self.startblock();
        self.insert = true;
        Ok(0)
    }

    fn insert_cmd<E>(&mut self) -> Res<u8, E> {
        self.not_in_global()?;
        if self.first > 0 {
            self.first -= 1;
        }
        self.append()
    }

    fn change_cmd<E>(&mut self) -> Res<u8, E> {
        self.not_in_global()?;
        self.dodo(self.first);
        let (f, l) = (self.first, self.last);
        for m in self.mark.iter_mut() {
            if *m >= f && *m <= l {
                *m = 0;
            }
        }
        self.startblock();
        self.insert = true;
        self.change = true;
        Ok(0)
    }

    fn delete<E>(&mut self) -> Res<u8, E> {
        self.dodo(self.first);
        let b = self.dellines(self.first, self.last)?;
        self.dobuf(b);
        self.edits += 1;
        Ok(RET_FLAGS)
    }

    fn copy<E>(&mut self) -> Res<u8, E> {
        self.dodo(self.a_addr);
        let b = self.range_lines(self.first, self.last);
        self.add(self.a_addr, b)?;
        self.edits += 1;
        Ok(RET_FLAGS)
    }

    fn move_cmd<E>(&mut self) -> Res<u8, E> {
        let (first, last) = (self.first, self.last);
        let mut a = self.a_addr;
        if a >= first - 1 && a <= last {
            return msg("Move to moved line");
        }
        self.dodo(first);
        let offset = if a < last {
            a + 1 - first
        } else {
            let o = a - last;
            a -= last - first + 1;
            o
        };
        let mut moved = [0i32; 26];
        for (m1, m2) in moved.iter_mut().zip(self.mark.iter()) {
            *m1 = if *m2 >= first && *m2 <= last { *m2 } else { 0 };
        }
        let b = self.dellines(first, last)?;
        self.add(a, b)?;
        for (m1, m2) in moved.iter().zip(self.mark.iter_mut()) {
            if *m1 != 0 {
                *m2 = *m1 + offset;
            }
        }
        self.edits += 1;
        Ok(RET_FLAGS)
    }

    fn put<E>(&mut self) -> Res<u8, E> {
        let a = self.a_buffer;
        let b = if a.is_ascii_alphabetic() {
            self.zbuf[(a.to_ascii_lowercase() - b'a') as usize].clone()
        } else {
            self.yank.clone()
        };
        let Some(b) = b else {
            return msg("Nothing in buffer");
        };
        self.dodo(self.first);
        self.add(self.first, b)?;
        self.edits += 1;
        Ok(RET_FLAGS)
    }

    fn yank_cmd<E>(&mut self) -> Res<u8, E> {
        let b = self.range_lines(self.first, self.last);
        self.dobuf(b);
        Ok(0)
    }

    fn doundo<E>(&mut self) -> Res<u8, E> {
        self.not_in_global()?;
        let Some(b) = self.undo.take() else {
            return msg("Nothing to undo");
        };
        let cur = std::mem::replace(&mut self.buf, b);
        self.undo = Some(cur);
        let mut cthis = self.uthis;
        if cthis == 0 && !self.buf.is_empty() {
            cthis = 1;
        }
        self.uthis = self.othis;
        self.cthis = cthis;
        self.othis = cthis;
        std::mem::swap(&mut self.mark, &mut self.umark);
        self.edits += 1;
        Ok(RET_FLAGS)
    }

    // shifting

    /// Shifts one line by `self.shift` into the block.
    fn shift_line<E>(&mut self, text: &[u8]) -> Res<(), E> {
        let mut idx: i32 = 0;
        let mut p = 0;
        while let Some(&c) = text.get(p) {
            if c == b' ' {
                idx += 1;
            } else if c == b'\t' {
                idx = (idx + 8) & !7;
            } else {
                break;
            }
            p += 1;
        }
        let rest = &text[p..];
        if rest.is_empty() {
            // a line of white space only becomes empty
            self.addblock(rest);
            self.lineno += 1;
            return Ok(());
        }
        idx = idx.wrapping_add(self.shift);
        if idx < MAX_LINE_SIZE as i32 {
            let mut b = Vec::with_capacity(rest.len() + 16);
            while idx >= 8 {
                b.push(b'\t');
                idx -= 8;
            }
            while idx > 0 {
                b.push(b' ');
                idx -= 1;
            }
            if b.len() + rest.len() < MAX_LINE_SIZE {
                b.extend_from_slice(rest);
                self.addblock(&b);
                self.lineno += 1;
                return Ok(());
            }
        }
        self.last = self.lineno;
        self.endblock()?;
        msg("Result of shift would be too long")
    }

    fn doshift<E>(&mut self) -> Res<u8, E> {
        self.dodo(self.first);
        self.startblock();
        self.lineno = self.first - 1;
        self.change = true;
        for text in self.range_lines(self.first, self.last) {
            self.shift_line(&text)?;
        }
        self.endblock()?;
        Ok(RET_FLAGS)
    }

    fn indent<E>(&mut self) -> Res<u8, E> {
        self.ind = IndentState {
            stack: vec![indent::EOT],
            ind: vec![0],
            quote: 0,
            ppcontrol: false,
            comment: false,
            jskeyword: false,
        };
        self.dodo(self.first);
        self.startblock();
        self.lineno = self.first - 1;
        self.change = true;
        for text in self.range_lines(self.first, self.last) {
            self.indent_line(&text)?;
        }
        self.endblock()?;
        Ok(0)
    }

    // joining

    fn join<E>(&mut self) -> Res<u8, E> {
        let lines = self.lines_i();
        if lines == 0 {
            return msg("No lines in buffer");
        }
        if self.first < 0 {
            self.first = self.cthis;
        }
        if self.last < 0 {
            self.last = if self.first == lines {
                self.first
            } else {
                self.first + 1
            };
        }
        self.dodo(self.first);
        self.cthis = self.first;
        self.othis = self.first;
        let mut b: Vec<u8> = Vec::new();
        for text in self.range_lines(self.first, self.last) {
            let mut text: &[u8] = &text;
            if !b.is_empty() && !self.excl {
                let s = skipst(text, 0);
                text = &text[s..];
                let lastc = b.last().copied().unwrap_or(0);
                if !text.is_empty() && text[0] != b')' && lastc != b' ' && lastc != b'\t' {
                    if lastc == b'.' {
                        b.push(b' ');
                    }
                    b.push(b' ');
                }
            }
            if b.len() + text.len() >= MAX_LINE_SIZE {
                return msg("Result of join would be too long");
            }
            b.extend_from_slice(text);
        }
        let (f, l) = (self.first, self.last);
        for m in self.mark.iter_mut() {
            if *m > f && *m <= l {
                *m = 0;
            }
        }
        self.change = true;
        self.startblock();
        self.addblock(&b);
        self.endblock()?;
        Ok(RET_FLAGS)
    }

    // substituting

    /// Adds `text` to the substitution buffer, converting case as asked.
    fn sub<E>(&mut self, text: &[u8]) -> Res<(), E> {
        if self.sbuf.len() + text.len() >= MAX_LINE_SIZE {
            if self.currentblk {
                self.endblock()?;
            }
            self.cthis = self.lineno;
            self.othis = self.lineno;
            return msg("Line overflow in substitute");
        }
        let mut rest = text;
        if let Some((&c, tail)) = text.split_first() {
            if self.case.tlower {
                self.sbuf.push(c.to_ascii_lowercase());
                self.case.tlower = false;
                rest = tail;
            } else if self.case.tupper {
                self.sbuf.push(c.to_ascii_uppercase());
                self.case.tupper = false;
                rest = tail;
            }
        }
        if self.case.lower {
            self.sbuf.extend(rest.iter().map(u8::to_ascii_lowercase));
        } else if self.case.upper {
            self.sbuf.extend(rest.iter().map(u8::to_ascii_uppercase));
        } else {
            self.sbuf.extend_from_slice(rest);
        }
        Ok(())
    }

    /// Substitutes in one line (line number `self.lineno`).
    fn subst_line<E>(&mut self, text: &[u8]) -> Res<(), E> {
        let mut found = false;
        let mut newlines = 0;
        let mut idx = 0usize;
        let ic = self.vars.ignorecase != 0;
        let replace = self.replace.clone();
        while self.regexp.exec(text, idx, ic) == Some(true) {
            if let Some(sk) = self.skipped.take() {
                // the previous line had no match: it joins the block
                self.addblock(&sk);
                if self.offset > 0 {
                    for (k, l) in self.mark.iter().zip(self.moffset.iter_mut()) {
                        if *k == self.lineno - 1 && *l == 0 {
                            *l = *k + self.offset;
                        }
                    }
                }
            }
            found = true;
            self.case = CaseFlags::default();
            let mstart = self.regexp.start;
            let msize = self.regexp.size;
            if mstart > idx {
                self.sub(text.get(idx..mstart).unwrap_or(&[]))?;
            }
            let mut p = 0;
            while let Some(&c) = replace.get(p) {
                match c {
                    b'&' => self.sub(text.get(mstart..mstart + msize).unwrap_or(&[]))?,
                    b'\\' => {
                        p += 1;
                        let e = replace.get(p).copied().unwrap_or(0);
                        match e {
                            b'1'..=b'9' => {
                                let g = self.regexp.groups[(e - b'1') as usize];
                                match g {
                                    Some((s, n)) => {
                                        let s = s.min(text.len());
                                        let n = n.min(text.len() - s);
                                        self.sub(text.get(s..s + n).unwrap_or(&[]))?
                                    }
                                    None => self.sub(&[e])?,
                                }
                            }
                            b'n' => {
                                self.sbuf.push(0);
                                newlines += 1;
                            }
                            b'U' => {
                                self.case = CaseFlags {
                                    upper: true,
                                    ..CaseFlags::default()
                                }
                            }
                            b'L' => {
                                self.case = CaseFlags {
                                    lower: true,
                                    ..CaseFlags::default()
                                }
                            }
                            b'e' | b'E' => self.case = CaseFlags::default(),
                            b'u' => {
                                self.case.tupper = true;
                                self.case.tlower = false;
                            }
                            b'l' => {
                                self.case.tupper = false;
                                self.case.tlower = true;
                            }
                            0 => continue,
                            other => self.sub(&[other])?,
                        }
                    }
                    other => self.sub(&[other])?,
                }
                p += 1;
            }
            idx = mstart + msize;
            if !self.globsubst || idx >= text.len() {
                break;
            }
            if msize == 0 {
                idx += 1;
                if idx >= text.len() {
                    break;
                }
            }
        }
        if found {
            if idx < text.len() {
                self.case = CaseFlags::default();
                self.sub(text.get(idx..).unwrap_or(&[]))?;
            }
            if !self.currentblk {
                self.change = true;
                self.first = self.lineno;
                self.startblock();
                self.currentblk = true;
            }
            let b = std::mem::take(&mut self.sbuf);
            if newlines == 0 {
                self.addblock(&b);
            } else {
                for piece in b.split(|&c| c == 0) {
                    self.addblock(piece);
                }
                for (k, l) in self.mark.iter().zip(self.moffset.iter_mut()) {
                    if *k == self.lineno && *l == 0 {
                        *l = *k + self.offset;
                    }
                }
                self.offset += newlines;
            }
            self.last = self.lineno;
        } else if self.skipped.is_some() {
            // two lines without a match: finish the block
            self.skipped = None;
            self.endblock()?;
            self.lineno += self.offset;
            self.offset = 0;
            self.currentblk = false;
        } else if self.currentblk {
            self.skipped = Some(text.to_vec());
        }
        self.lineno += 1;
        Ok(())
    }

    fn subst<E>(&mut self) -> Res<u8, E> {
        let delim = self.c(0);
        if delim == 0 || b"0123456789gpl#-+".contains(&delim) {
            if self.search.is_empty() {
                return msg("No previous substitute to repeat");
            }
        } else if !delim.is_ascii_alphabetic() {
            self.pos += 1;
            self.search = self.scan_pattern(delim)?;
            let mut q: Vec<u8> = Vec::new();
            loop {
                let c = self.c(0);
                if c == 0 {
                    break;
                }
                if c == delim {
                    self.pos += 1;
                    break;
                }
                if q.len() >= STRINGSZ - 1 {
                    self.search.clear();
                    return msg("Replace string too large");
                }
                q.push(c);
                self.pos += 1;
                if c == b'\\' && self.c(0) != 0 {
                    q.push(self.c(0));
                    self.pos += 1;
                }
            }
            self.replace = q;
        } else {
            self.search.clear();
        }
        if self.search.is_empty() {
            return msg("Missing regular expression for substitute");
        }
        let search = self.search.clone();
        if let Err(e) = self.regexp.compile(&search) {
            return msg(e);
        }
        self.count()?;
        if self.c(0) == b'g' {
            self.globsubst = true;
            self.pos += 1;
        } else {
            self.globsubst = false;
        }
        self.moffset = [0; 26];
        self.offset = 0;
        self.dodo(self.first);
        self.lineno = self.first;
        let edit = self.edits;
        self.sbuf.clear();
        self.skipped = None;
        self.currentblk = false;
        for text in self.range_lines(self.first, self.last) {
            self.subst_line(&text)?;
        }
        if self.currentblk {
            self.endblock()?;
        }
        self.currentblk = false;
        self.skipped = None;
        self.othis = self.uthis;
        if edit != self.edits {
            for (l, k) in self.moffset.iter().zip(self.mark.iter_mut()) {
                if *l != 0 {
                    *k = *l;
                }
            }
        } else if !self.global {
            return msg("Substitute pattern match failed");
        }
        Ok(RET_FLAGS)
    }

    // global

    fn global_cmd<I: EdIo>(&mut self, io: &mut I) -> Res<u8, I::Error> {
        self.not_in_global()?;
        let delim = self.c(0);
        let pat = if delim != 0 && !delim.is_ascii_alphanumeric() {
            self.pos += 1;
            self.scan_pattern(delim)?
        } else {
            Vec::new()
        };
        if pat.is_empty() {
            return msg("Missing regular expression for global");
        }
        let undo = self.buf.clone();
        let uthis = self.first;
        let umark = self.mark;
        let orig = self.cmd.clone();

        let r = self.global_loop(&pat, io);

        self.pos = orig.len();
        self.cmd = orig;
        self.glob_rx = None;
        self.undo = Some(undo);
        self.uthis = uthis;
        self.umark = umark;
        self.global = false;
        r?;
        Ok(0)
    }

    fn global_loop<I: EdIo>(&mut self, pat: &[u8], io: &mut I) -> Res<(), I::Error> {
        let mut rx = Regex::new();
        if let Err(e) = rx.compile(pat) {
            return msg(e);
        }
        let p = skipst(&self.cmd, self.pos);
        let sub: Rc<[u8]> = if p >= self.cmd.len() {
            Rc::from(&b"p"[..])
        } else {
            Rc::from(&self.cmd[p..])
        };
        self.pos = self.cmd.len();
        self.global = true;
        self.reverse = self.excl;
        self.ignorecase = self.vars.ignorecase != 0;
        self.glob_next = self.first;
        self.glob_size = self.last - self.first + 1;
        self.glob_rx = Some(rx);
        // A global command examines each line of its range once, plus lines
        // a subcommand moves into it (DGD widens the range when a subcommand
        // changes lines after it). A subcommand that keeps adding lines ahead
        // of itself would never end (nor does it in DGD): stop it.
        let mut budget = 4 * self.buf.len() as u64 + 65536;
        loop {
            // search the next matching line
            let mut found = false;
            while self.glob_size > 0 {
                if budget == 0 {
                    return msg("Too many lines");
                }
                budget -= 1;
                let Some(text) = self.range_lines(self.glob_next, self.glob_next).pop() else {
                    self.glob_size = 0;
                    break;
                };
                self.glob_next += 1;
                self.glob_size -= 1;
                let ic = self.ignorecase;
                let hit = self
                    .glob_rx
                    .as_mut()
                    .is_some_and(|rx| rx.exec(&text, 0, ic) == Some(true));
                if hit != self.reverse {
                    found = true;
                    break;
                }
            }
            if found {
                self.cthis = self.glob_next - 1;
                self.cmd = sub.clone();
                self.pos = 0;
                self.exec_from(io)?;
            }
            if self.glob_size <= 0 {
                break;
            }
        }
        Ok(())
    }

    // files

    /// The file name argument, if any ("Filename too long" if it is).
    fn getfname<E>(&mut self) -> Res<Option<Vec<u8>>, E> {
        let (name, end) = fname_at(&self.cmd, self.pos);
        if name.is_empty() {
            return Ok(None);
        }
        if name.len() >= STRINGSZ {
            return msg("Filename too long");
        }
        let name = name.to_vec();
        self.pos = end;
        Ok(Some(name))
    }

    fn file<E>(&mut self) -> Res<u8, E> {
        self.not_in_global()?;
        if let Some(n) = self.getfname()? {
            self.fname = n;
            self.noimage = true;
        }
        let mut m: Vec<u8> = Vec::new();
        if self.fname.is_empty() {
            m.extend_from_slice(b"No file");
        } else {
            m.push(b'"');
            m.extend_from_slice(&self.fname);
            m.push(b'"');
        }
        if self.noimage {
            m.extend_from_slice(b" [Not edited]");
        }
        if self.edits > 0 {
            m.extend_from_slice(b" [Modified]");
        }
        let lines = self.lines_i();
        let pct = if lines == 0 {
            0
        } else {
            (i64::from(self.cthis) * 100 / i64::from(lines)) as i32
        };
        m.extend_from_slice(format!(" line {} of {} --{}%--\n", self.cthis, lines, pct).as_bytes());
        self.message(&m)?;
        Ok(0)
    }

    fn quoted_name<E>(&mut self, name: &[u8]) -> Res<(), E> {
        let mut m = Vec::with_capacity(name.len() + 3);
        m.push(b'"');
        m.extend_from_slice(name);
        m.extend_from_slice(b"\" ");
        self.message(&m)
    }

    /// Loads a file's lines as DGD does: NUL bytes dropped, lines longer
    /// than 4095 bytes split, an unterminated last line kept.
    fn load<I: EdIo>(&mut self, name: &[u8], io: &mut I) -> Res<(Vec<Line>, FileStats), I::Error> {
        let data = match io.read(name).map_err(Stop::Io)? {
            FileRead::Data(d) => d,
            FileRead::Unreadable => return msg("is unreadable"),
            FileRead::Failed(res) => {
                return msg(format!(
                    "error while reading file \"/{}\"",
                    String::from_utf8_lossy(&res)
                ))
            }
        };
        let mut st = FileStats::default();
        let mut lines: Vec<Line> = Vec::new();
        let mut cur: Vec<u8> = Vec::new();
        let mut i = 0;
        while let Some(&c) = data.get(i) {
            i += 1;
            if c == 0 {
                st.zero += 1;
                continue;
            }
            if cur.len() == MAX_LINE_SIZE - 1 && c != b'\n' {
                st.split += 1;
                i -= 1;
                st.chars += cur.len() as i64 + 1;
                lines.push(Rc::from(std::mem::take(&mut cur)));
                continue;
            }
            if c == b'\n' {
                st.chars += cur.len() as i64 + 1;
                lines.push(Rc::from(std::mem::take(&mut cur)));
            } else {
                cur.push(c);
            }
        }
        if !cur.is_empty() {
            st.ill = true;
            st.chars += cur.len() as i64 + 1;
            lines.push(Rc::from(cur));
        }
        st.lines = lines.len() as i64;
        Ok((lines, st))
    }

    fn show<E>(&mut self, st: &FileStats) -> Res<(), E> {
        let mut m = format!(
            "{} lines, {} characters",
            st.lines,
            st.chars + st.zero - st.split - i64::from(st.ill)
        );
        if st.zero > 0 {
            m.push_str(&format!(" [{} zero]", st.zero));
        }
        if st.split > 0 {
            m.push_str(&format!(" [{} split]", st.split));
        }
        if st.ill {
            m.push_str(" [incomplete last line]");
        }
        m.push('\n');
        self.message(m.as_bytes())
    }

    fn read<I: EdIo>(&mut self, io: &mut I) -> Res<u8, I::Error> {
        self.not_in_global()?;
        let name = match self.getfname()? {
            Some(n) => n,
            None => {
                if self.fname.is_empty() {
                    return msg("No current filename");
                }
                self.fname.clone()
            }
        };
        self.dodo(self.first);
        self.quoted_name(&name)?;
        let (lines, st) = self.load(&name, io)?;
        self.room_for(lines.len())?;
        // as DGD: the marks are not moved by a read
        self.buf.insert_after(self.first.max(0) as usize, lines);
        self.show(&st)?;
        self.edits += 1;
        self.cthis = self.first + st.lines as i32;
        Ok(0)
    }

    fn edit<I: EdIo>(&mut self, io: &mut I) -> Res<u8, I::Error> {
        self.not_in_global()?;
        if self.edits > 0 && !self.excl {
            return msg("No write since last change (edit! overrides)");
        }
        if let Some(n) = self.getfname()? {
            self.fname = n;
        }
        if self.fname.is_empty() {
            return msg("No current filename");
        }
        self.buf = Lines::new();
        self.noimage = false;
        self.edits = 0;
        self.first = 0;
        self.cthis = 0;
        self.mark = [0; 26];
        self.yank = None;
        self.zbuf = Default::default();
        self.undo = None;
        let name = self.fname.clone();
        self.quoted_name(&name)?;
        let (lines, st) = self.load(&name, io)?;
        self.room_for(lines.len())?;
        self.buf = Lines::from_vec(lines);
        self.show(&st)?;
        if st.zero > 0 || st.split > 0 || st.ill {
            self.noimage = true;
        }
        self.cthis = st.lines as i32;
        Ok(0)
    }

    fn quit<E>(&mut self) -> Res<u8, E> {
        self.not_in_global()?;
        if self.edits > 0 && !self.excl {
            return msg("No write since last change (quit! overrides)");
        }
        Ok(RET_QUIT)
    }

    fn write<I: EdIo>(&mut self, io: &mut I) -> Res<u8, I::Error> {
        self.not_in_global()?;
        let append = self.c(0) == b'>' && self.c(1) == b'>';
        if append {
            self.pos += 2;
            self.skip();
        }
        let name = match self.getfname()? {
            Some(n) => n,
            None => {
                if self.fname.is_empty() {
                    return msg("No current filename");
                }
                self.fname.clone()
            }
        };
        let whole = self.first == 1 && self.last == self.lines_i();
        if name == self.fname {
            if whole {
                if self.noimage && !self.excl {
                    return msg("File is changed (use w! to override)");
                }
            } else if !self.excl {
                return msg("Use w! to write partial buffer");
            }
        }
        self.quoted_name(&name)?;
        let mut data: Vec<u8> = Vec::new();
        let mut st = FileStats::default();
        for l in self.range_lines(self.first, self.last) {
            data.extend_from_slice(&l);
            data.push(b'\n');
            st.lines += 1;
            st.chars += l.len() as i64 + 1;
        }
        match io.write(&name, &data, append).map_err(Stop::Io)? {
            FileWrite::Done => {}
            FileWrite::Refused => return msg("write failed"),
            FileWrite::Failed(res) => {
                return msg(format!(
                    "error while writing file \"/{}\"",
                    String::from_utf8_lossy(&res)
                ))
            }
        }
        self.show(&st)?;
        if whole {
            self.noimage = false;
            self.edits = 0;
        }
        Ok(0)
    }

    fn wq<I: EdIo>(&mut self, io: &mut I) -> Res<u8, I::Error> {
        self.first = 1;
        self.last = self.lines_i();
        self.write(io)?;
        self.quit()
    }

    fn xit<I: EdIo>(&mut self, io: &mut I) -> Res<u8, I::Error> {
        if self.edits > 0 {
            self.excl = true;
            self.wq(io)
        } else {
            self.not_in_global()?;
            Ok(RET_QUIT)
        }
    }

    // options

    fn set<E>(&mut self) -> Res<u8, E> {
        self.not_in_global()?;
        if self.c(0) == 0 {
            let m = format!(
                "{}ignorecase\tshiftwidth={}\twindow={}\n",
                if self.vars.ignorecase != 0 { "" } else { "no" },
                self.vars.shiftwidth,
                self.vars.window
            );
            self.message(m.as_bytes())?;
            return Ok(0);
        }
        loop {
            let mut arg: Vec<u8> = Vec::new();
            while !matches!(self.c(0), 0 | b' ' | b'\t') && arg.len() < STRINGSZ - 2 {
                arg.push(self.c(0));
                self.pos += 1;
            }
            self.set_var(&arg)?;
            self.skip();
            if self.c(0) == 0 {
                break;
            }
        }
        Ok(0)
    }

    fn set_var<E>(&mut self, option: &[u8]) -> Res<(), E> {
        let (name, val): (&[u8], Option<&[u8]>) = if let Some(rest) = option.strip_prefix(b"no") {
            (rest, Some(b"0"))
        } else {
            match option.iter().position(|&c| c == b'=') {
                Some(i) => (&option[..i], Some(&option[i + 1..])),
                None => (option, None),
            }
        };
        let (slot, long): (&mut i32, &str) = match name {
            b"ignorecase" | b"ic" => (&mut self.vars.ignorecase, "ignorecase"),
            b"shiftwidth" | b"sw" => (&mut self.vars.shiftwidth, "shiftwidth"),
            b"window" | b"wi" => (&mut self.vars.window, "window"),
            _ => return msg("No such option"),
        };
        match val {
            None => *slot = 1,
            Some(v) => match strtol(v) {
                Some(n) if (n as i32) >= 0 => *slot = n as i32,
                _ => return msg(format!("Bad numeric value for option \"{long}\"")),
            },
        }
        Ok(())
    }
}

/// C's `strtol(s, &end, 10)`: leading blanks, a sign, digits; `None` when no
/// digits were read. Saturates like strtol.
fn strtol(s: &[u8]) -> Option<i64> {
    let mut p = 0;
    while matches!(s.get(p), Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)) {
        p += 1;
    }
    let neg = match s.get(p) {
        Some(b'-') => {
            p += 1;
            true
        }
        Some(b'+') => {
            p += 1;
            false
        }
        _ => false,
    };
    let start = p;
    let mut n: i64 = 0;
    while let Some(d) = s.get(p).filter(|c| c.is_ascii_digit()) {
        n = n.saturating_mul(10).saturating_add(i64::from(d - b'0'));
        p += 1;
    }
    if p == start {
        return None;
    }
    Some(if neg { -n } else { n })
}

/// Statistics of a file read or written.
#[derive(Default)]
struct FileStats {
    lines: i64,
    chars: i64,
    zero: i64,
    split: i64,
    ill: bool,
}
