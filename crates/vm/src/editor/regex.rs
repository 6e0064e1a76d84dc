//! The editor's regular expressions, ex style, as DGD's editor has them:
//! `.`, `*`, `[...]` / `[^...]` with ranges, `^` (anchor when nothing precedes
//! it), `$` (end of line when it ends the pattern), `\<` `\>` word bounds and
//! up to nine `\(` `\)` groups. Matching is backtracking; a starred item
//! followed by something it cannot match takes only its longest match (DGD's
//! "LSTAR", which also decides some ignore-case cases, reproduced here). Failed (position, text offset) pairs are remembered so
//! no pattern takes exponential time, and one search does at most
//! `STEP_BUDGET` steps (then it finds nothing).
//!
//! Sizes are DGD's: a compiled pattern must fit 2048 bytes ("Regular
//! expression too complex"), each character class taking 32 of them.

use std::collections::HashSet;

/// Number of `\(` `\)` groups.
pub const NSUBEXP: usize = 9;
const RXBUFSZ: usize = 2048;
const CCLSIZE: usize = 32;
/// Work allowed for one search. Only patterns with many stars over long
/// lines get near it (DGD would backtrack on them for hours); beyond it the
/// search reports no match.
const STEP_BUDGET: u64 = 20_000_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Atom {
    Any,
    Single(u8),
    Class(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Eol,
    Atom(Atom),
    /// `*`; `longest`: DGD's LSTAR (no backtracking into the star).
    Star {
        atom: Atom,
        longest: bool,
    },
    Sow,
    Eow,
    LBrac(usize),
    RBrac(usize),
}

impl Op {
    fn bytes(&self) -> usize {
        match self {
            Op::Eol => 2,
            Op::Atom(Atom::Any) => 1,
            Op::Atom(_) => 2,
            Op::Star {
                atom: Atom::Any, ..
            } => 2,
            Op::Star { .. } => 3,
            Op::Sow | Op::Eow => 1,
            Op::LBrac(_) | Op::RBrac(_) => 2,
        }
    }
}

/// A compiled pattern plus the results of the last match.
#[derive(Clone, Debug, Default)]
pub struct Regex {
    /// Is there a compiled pattern (false after a failed compile)?
    pub valid: bool,
    anchor: bool,
    firstc: Option<u8>,
    ops: Vec<Op>,
    classes: Vec<[u8; CCLSIZE]>,
    /// Start and length of the last match.
    pub start: usize,
    pub size: usize,
    /// Groups of the last match: (start, length); `None` for groups the
    /// pattern does not have.
    pub groups: [Option<(usize, usize)>; NSUBEXP],
}

fn in_class(c: &[u8; CCLSIZE], ch: u8) -> bool {
    c[(ch / 8) as usize] & (1 << (ch & 7)) != 0
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

impl Regex {
    pub fn new() -> Regex {
        Regex::default()
    }

    /// Compiles `pat`; an error message (DGD's) if it is malformed, and then
    /// the regex is invalid.
    pub fn compile(&mut self, pat: &[u8]) -> Result<(), &'static str> {
        self.valid = false;
        self.anchor = false;
        self.firstc = None;
        self.ops.clear();
        self.classes.clear();
        // indices into ops: the last pattern item, the last item of any kind
        let mut prevpat: Option<usize> = None;
        let mut prevcode: Option<usize> = None;
        let mut eoln: Option<usize> = None;
        let mut code_bytes = 0usize;
        let mut brac = 0usize;
        let mut open: Vec<usize> = Vec::new();
        let at = |i: usize| pat.get(i).copied().unwrap_or(0);
        let mut p = 0usize;
        while at(p) != 0 {
            let c = at(p);
            // `single` is the literal to add, if the character is one
            let mut single: Option<u8> = None;
            match c {
                b'^' if prevpat.is_none() => self.anchor = true,
                b'.' => {
                    self.ops.push(Op::Atom(Atom::Any));
                    prevpat = Some(self.ops.len() - 1);
                    prevcode = prevpat;
                    code_bytes += 1;
                }
                b'*' => {
                    let Some(pp) = prevpat else {
                        return Err("* must follow pattern");
                    };
                    let pc = prevcode.unwrap_or(pp);
                    match self.ops.get(pc).copied() {
                        Some(Op::Star { .. }) => {}
                        Some(Op::Atom(a)) => {
                            self.ops[pc] = Op::Star {
                                atom: a,
                                longest: false,
                            };
                            prevpat = Some(pc);
                            prevcode = Some(pc);
                            code_bytes += 1;
                        }
                        Some(Op::Sow) => return Err("* follows \\<"),
                        Some(Op::Eow) => return Err("* follows \\>"),
                        Some(Op::LBrac(_)) => return Err("* follows \\("),
                        Some(Op::RBrac(_)) => return Err("* follows \\)"),
                        Some(Op::Eol) | None => return Err("* must follow pattern"),
                    }
                }
                b'[' => {
                    let mut cls = [0u8; CCLSIZE];
                    p += 1;
                    let negate = at(p) == b'^';
                    if negate {
                        p += 1;
                    }
                    if at(p) == b']' {
                        return Err("Empty character class");
                    }
                    while at(p) != b']' {
                        if at(p) == b'\\' {
                            p += 1;
                        }
                        if at(p) == 0 {
                            return Err("Unmatched [");
                        }
                        let ch = at(p);
                        cls[(ch / 8) as usize] |= 1 << (ch & 7);
                        if at(p + 1) == b'-' && at(p + 2) != b']' {
                            p += 2;
                            let hi = at(p);
                            if hi == 0 {
                                return Err("Unmatched [");
                            }
                            if ch > hi {
                                return Err("Invalid character class");
                            }
                            for x in ch..=hi {
                                cls[(x / 8) as usize] |= 1 << (x & 7);
                            }
                        }
                        p += 1;
                    }
                    if negate {
                        for b in cls.iter_mut() {
                            *b ^= 0xff;
                        }
                        cls[0] &= !1;
                    }
                    if let Some(pp) = prevpat {
                        if let Op::Star { atom, longest } = &mut self.ops[pp] {
                            match atom {
                                Atom::Single(s) if !in_class(&cls, *s) => *longest = true,
                                // DGD compares the new class with whatever its
                                // buffer holds at a fixed place here (so a fresh
                                // process takes the longest match, a used one
                                // may not); this compares the two classes, as
                                // intended: disjoint classes never need to back up
                                Atom::Class(k)
                                    if self.classes.get(*k).is_some_and(|c| {
                                        c.iter().zip(cls.iter()).all(|(a, b)| a & b == 0)
                                    }) =>
                                {
                                    *longest = true
                                }
                                _ => {}
                            }
                        }
                    }
                    self.classes.push(cls);
                    self.ops.push(Op::Atom(Atom::Class(self.classes.len() - 1)));
                    prevpat = Some(self.ops.len() - 1);
                    prevcode = prevpat;
                    code_bytes += 2;
                }
                b'\\' => {
                    p += 1;
                    match at(p) {
                        b'<' => {
                            self.ops.push(Op::Sow);
                            prevcode = Some(self.ops.len() - 1);
                            code_bytes += 1;
                        }
                        b'>' => {
                            if prevpat.is_none() {
                                return Err("\\> must follow pattern");
                            }
                            self.ops.push(Op::Eow);
                            prevcode = Some(self.ops.len() - 1);
                            code_bytes += 1;
                        }
                        b'(' => {
                            if brac == NSUBEXP {
                                return Err("Too many \\( \\) pairs");
                            }
                            self.ops.push(Op::LBrac(brac));
                            open.push(brac);
                            brac += 1;
                            prevcode = Some(self.ops.len() - 1);
                            code_bytes += 2;
                        }
                        b')' => {
                            let Some(n) = open.pop() else {
                                return Err("Unmatched \\)");
                            };
                            self.ops.push(Op::RBrac(n));
                            prevcode = Some(self.ops.len() - 1);
                            code_bytes += 2;
                        }
                        0 => return Err("Premature end of pattern"),
                        other => single = Some(other),
                    }
                }
                b'$' => {
                    eoln = Some(self.ops.len());
                    single = Some(c);
                }
                other => single = Some(other),
            }
            if let Some(ch) = single {
                if let Some(pp) = prevpat {
                    if let Op::Star { atom, longest } = &mut self.ops[pp] {
                        match atom {
                            Atom::Single(s) if *s != ch => *longest = true,
                            Atom::Class(k)
                                if self.classes.get(*k).is_some_and(|cl| !in_class(cl, ch)) =>
                            {
                                *longest = true
                            }
                            _ => {}
                        }
                    }
                }
                self.ops.push(Op::Atom(Atom::Single(ch)));
                prevpat = Some(self.ops.len() - 1);
                prevcode = prevpat;
                code_bytes += 2;
            }
            if code_bytes + 2 >= RXBUFSZ - CCLSIZE * self.classes.len() {
                return Err("Regular expression too complex");
            }
            p += 1;
        }
        if !open.is_empty() {
            return Err("Unmatched \\(");
        }
        if let (Some(pp), Some(e)) = (prevpat, eoln) {
            if pp == e && matches!(self.ops.get(pp), Some(Op::Atom(Atom::Single(_)))) {
                self.ops[pp] = Op::Eol;
            }
        }
        self.groups = [None; NSUBEXP];
        for g in self.groups.iter_mut().take(brac) {
            *g = Some((0, 0));
        }
        if let Some(Op::Atom(Atom::Single(ch))) = self.ops.first() {
            self.firstc = Some(*ch);
        }
        debug_assert!(self.ops.iter().map(Op::bytes).sum::<usize>() <= RXBUFSZ);
        self.valid = true;
        Ok(())
    }

    /// Searches `text` from byte `idx`; `None` if the regex is invalid, else
    /// whether it matched (then `start`, `size` and `groups` describe it).
    pub fn exec(&mut self, text: &[u8], idx: usize, ic: bool) -> Option<bool> {
        if !self.valid {
            return None;
        }
        let mut m = Matcher {
            ops: &self.ops,
            classes: &self.classes,
            text,
            ic,
            groups: self.groups,
            failed: None,
            steps: 0,
        };
        let mut idx = idx.min(text.len());
        let found = if self.anchor {
            if idx != 0 {
                None
            } else {
                m.run(0, 0).map(|end| (0, end))
            }
        } else {
            let mut found = None;
            loop {
                if let Some(fc) = self.firstc {
                    let find = |c: u8| {
                        text.get(idx..)
                            .and_then(|t| t.iter().position(|&x| x == c))
                            .map(|i| i + idx)
                    };
                    let mut pos = find(fc);
                    if ic {
                        let q = find(fc.to_ascii_uppercase());
                        if let Some(q) = q {
                            if pos.is_none_or(|p| p > q) {
                                pos = Some(q);
                            }
                        }
                    }
                    match pos {
                        Some(p) => idx = p,
                        None => break,
                    }
                }
                if let Some(end) = m.run(0, idx) {
                    found = Some((idx, end));
                    break;
                }
                if idx >= text.len() {
                    break;
                }
                idx += 1;
            }
            found
        };
        match found {
            Some((s, e)) => {
                let groups = m.groups;
                self.groups = groups;
                self.start = s;
                self.size = e - s;
                Some(true)
            }
            None => {
                let groups = m.groups;
                self.groups = groups;
                Some(false)
            }
        }
    }
}

struct Matcher<'a> {
    ops: &'a [Op],
    classes: &'a [[u8; CCLSIZE]],
    text: &'a [u8],
    ic: bool,
    groups: [Option<(usize, usize)>; NSUBEXP],
    /// (op index, text offset) pairs known not to match, once backtracking
    /// gets expensive.
    failed: Option<HashSet<(usize, usize)>>,
    steps: u64,
}

impl Matcher<'_> {
    fn ch(&self, t: usize) -> u8 {
        self.text.get(t).copied().unwrap_or(0)
    }

    fn one(&self, atom: Atom, t: usize) -> bool {
        let c = self.ch(t);
        match atom {
            Atom::Any => c != 0,
            Atom::Single(s) => c != 0 && (c == s || (self.ic && c.eq_ignore_ascii_case(&s))),
            Atom::Class(k) => {
                let Some(cl) = self.classes.get(k) else {
                    return false;
                };
                c != 0 && (in_class(cl, c) || (self.ic && in_class(cl, c.to_ascii_lowercase())))
            }
        }
    }

    /// Matches ops from `m` at text offset `t`; the end offset of the match.
    fn run(&mut self, mut m: usize, mut t: usize) -> Option<usize> {
        loop {
            self.steps += 1;
            if self.steps > STEP_BUDGET {
                return None;
            }
            let Some(op) = self.ops.get(m).copied() else {
                return Some(t);
            };
            m += 1;
            match op {
                Op::Eol => {
                    if t < self.text.len() {
                        return None;
                    }
                }
                Op::Atom(a) => {
                    if !self.one(a, t) {
                        return None;
                    }
                    t += 1;
                }
                Op::Star { atom, longest } => {
                    let mut p = t;
                    match atom {
                        Atom::Class(k) if self.ic => {
                            // DGD tests only the lower case of each character here
                            let cl = self.classes.get(k).copied().unwrap_or([0; CCLSIZE]);
                            while self.ch(p) != 0 && in_class(&cl, self.ch(p).to_ascii_lowercase())
                            {
                                p += 1;
                            }
                        }
                        _ => {
                            while self.one(atom, p) {
                                p += 1;
                            }
                        }
                    }
                    if longest {
                        t = p;
                    } else {
                        while p > t {
                            self.steps += 1;
                            if self.steps > STEP_BUDGET {
                                return None;
                            }
                            if self.try_at(m, p) {
                                return self.run(m, p);
                            }
                            p -= 1;
                        }
                    }
                }
                Op::Sow => {
                    if (t > 0 && is_word(self.ch(t - 1)))
                        || (!self.ch(t).is_ascii_alphabetic() && self.ch(t) != b'_')
                    {
                        return None;
                    }
                }
                Op::Eow => {
                    if t == 0 || !is_word(self.ch(t - 1)) || is_word(self.ch(t)) {
                        return None;
                    }
                }
                Op::LBrac(n) => {
                    if let Some(g) = self.groups.get_mut(n) {
                        *g = Some((t, 0));
                    }
                }
                Op::RBrac(n) => {
                    if let Some(Some(g)) = self.groups.get_mut(n) {
                        g.1 = t.saturating_sub(g.0);
                    }
                }
            }
        }
    }

    /// Would ops from `m` match at `t`? Remembers failures once the work
    /// grows, so backtracking stays polynomial.
    fn try_at(&mut self, m: usize, t: usize) -> bool {
        if let Some(f) = &self.failed {
            if f.contains(&(m, t)) {
                return false;
            }
        } else if self.steps > 4096 {
            self.failed = Some(HashSet::new());
        }
        let saved = self.groups;
        let ok = self.run(m, t).is_some();
        if !ok {
            if let Some(f) = &mut self.failed {
                f.insert((m, t));
            }
        }
        // the caller reruns the successful path, which sets the groups again
        self.groups = saved;
        ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(pat: &str, text: &str, ic: bool) -> Option<(usize, usize)> {
        let mut r = Regex::new();
        r.compile(pat.as_bytes()).expect("compiles");
        match r.exec(text.as_bytes(), 0, ic) {
            Some(true) => Some((r.start, r.size)),
            _ => None,
        }
    }

    #[test]
    fn basics() {
        assert_eq!(find("b", "abc", false), Some((1, 1)));
        assert_eq!(find("b*", "abc", false), Some((0, 0)));
        assert_eq!(find("ab*c", "xabbbc", false), Some((1, 5)));
        assert_eq!(find("^a", "ba", false), None);
        assert_eq!(find("a$", "aa", false), Some((1, 1)));
        assert_eq!(find("a$b", "xa$b", false), Some((1, 3)));
        assert_eq!(find("[a-c]*d", "xbcad", false), Some((1, 4)));
        assert_eq!(find("[^a]", "aab", false), Some((2, 1)));
        assert_eq!(find("\\<fo", "xfo fo", false), Some((4, 2)));
        assert_eq!(find("o\\>", "foo fox", false), Some((2, 1)));
        assert_eq!(find(".*", "abc", false), Some((0, 3)));
        assert_eq!(find("^^a", "a", false), Some((0, 1)));
    }

    #[test]
    fn dgd_quirks() {
        // a starred class backs up before an overlapping class
        assert_eq!(find("[ab]*[bc]", "ab", false), Some((0, 2)));
        assert_eq!(find("[ab]*[cd]", "abc", false), Some((0, 3)));
        // ignore case: the quick search looks for the upper case only
        assert_eq!(find("Abc", "abc", true), None);
        assert_eq!(find("abc", "ABC", true), Some((0, 3)));
        // ignore case with a star before the same letter in another case
        assert_eq!(find("a*A", "Abc", true), None);
    }

    #[test]
    fn groups() {
        let mut r = Regex::new();
        r.compile(b"\\(a*\\)\\(b\\)").expect("compiles");
        assert_eq!(r.exec(b"xaab", 0, false), Some(true));
        assert_eq!(r.groups[0], Some((1, 2)));
        assert_eq!(r.groups[1], Some((3, 1)));
        assert_eq!(r.groups[2], None);
    }

    #[test]
    fn errors() {
        let mut r = Regex::new();
        for (p, e) in [
            ("*", "* must follow pattern"),
            ("a\\<*", "* follows \\<"),
            ("a\\(*", "* follows \\("),
            ("\\(", "Unmatched \\("),
            ("\\)", "Unmatched \\)"),
            ("[a", "Unmatched ["),
            ("[]", "Empty character class"),
            ("[z-a]", "Invalid character class"),
            ("a\\", "Premature end of pattern"),
            ("\\>", "\\> must follow pattern"),
        ] {
            assert_eq!(r.compile(p.as_bytes()), Err(e), "{p}");
            assert!(!r.valid);
        }
        let many = "[a]".repeat(70);
        assert_eq!(
            r.compile(many.as_bytes()),
            Err("Regular expression too complex")
        );
    }

    #[test]
    fn backtracking_is_bounded() {
        let pat = "a*".repeat(20) + "b";
        let text = "a".repeat(300);
        assert_eq!(find(&pat, &text, false), None);
        // beyond the budget a search gives up (no match) instead of running on
        let pat = "a*".repeat(300) + "b";
        let text = "a".repeat(4000);
        assert_eq!(find(&pat, &text, false), None);
    }
}
