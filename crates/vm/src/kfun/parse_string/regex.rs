//! Regular expressions of token rules, read with DGD's syntax and limits.
//!
//! `c` a character, `.` any character, `\c` the character c, `[set]` /
//! `[^set]` with ranges `a-z` and `\` escapes, postfix `*` `+` `?` on a
//! character, set or group, concatenation, `|` (loosest), `( )`. What DGD
//! rejects is "malformed" here too: an empty regexp or group, a quantifier
//! not after a character, set or group, `|` at the start or end of a group,
//! an empty set, a reversed range, a missing `/`, `]` or `)`. (DGD crashes on
//! `||`; here it is malformed.) The size limit is DGD's: each character or
//! set costs its length plus one, each quantifier and `|` two, and the
//! total must stay below 256.

/// A 256-bit byte set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct ByteSet(pub [u64; 4]);

impl ByteSet {
    pub fn add(&mut self, b: u8) {
        self.0[usize::from(b >> 6)] |= 1u64 << (b & 63);
    }
    pub fn contains(&self, b: u8) -> bool {
        self.0[usize::from(b >> 6)] & (1u64 << (b & 63)) != 0
    }
    pub fn all() -> ByteSet {
        ByteSet([u64::MAX; 4])
    }
    pub fn single(b: u8) -> ByteSet {
        let mut s = ByteSet::default();
        s.add(b);
        s
    }
    pub fn negate(&mut self) {
        for w in &mut self.0 {
            *w = !*w;
        }
    }
}

/// A parsed regular expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Regex {
    Set(ByteSet),
    Concat(Vec<Regex>),
    Alt(Box<Regex>, Box<Regex>),
    /// `*`
    Star(Box<Regex>),
    /// `+`
    Plus(Box<Regex>),
    /// `?`
    Opt(Box<Regex>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegexError {
    Malformed,
    TooLarge,
}

const STRINGSZ: usize = 256;
/// DGD's node table holds 2 * STRINGSZ nodes.
const MAXNODE: i32 = 2 * STRINGSZ as i32 - 1;

/// What the last element of the current group is (DGD's node kinds decide
/// where quantifiers may go and how many nodes an element takes).
#[derive(Clone, Copy, PartialEq)]
enum Last {
    None,
    Char,
    Group,
    Quantified,
    Alt,
}

/// A group being read: finished alternatives and the current sequence.
struct Group {
    alts: Vec<Regex>,
    seq: Vec<Regex>,
    last: Last,
    /// Anything read in this group yet (DGD's `topnode >= 0`).
    any: bool,
}

impl Group {
    fn new() -> Group {
        Group {
            alts: Vec::new(),
            seq: Vec::new(),
            last: Last::None,
            any: false,
        }
    }
    fn finish(mut self) -> Regex {
        let seq = std::mem::take(&mut self.seq);
        let cur = if seq.len() == 1 {
            seq.into_iter().next().unwrap_or(Regex::Concat(Vec::new()))
        } else {
            Regex::Concat(seq)
        };
        let mut it = self.alts.into_iter();
        match it.next() {
            None => cur,
            Some(first) => {
                let mut acc = first;
                for a in it.chain(std::iter::once(cur)) {
                    acc = Regex::Alt(Box::new(acc), Box::new(a));
                }
                acc
            }
        }
    }
}

/// Parses a regexp starting just after its opening `/` at `start`. Returns the
/// regexp, DGD's size for it, and the position after the closing `/`.
pub fn parse_regexp(s: &[u8], start: usize) -> Result<(Regex, usize, usize), RegexError> {
    let mut stack: Vec<Group> = Vec::new();
    let mut g = Group::new();
    let mut len: usize = 0;
    let mut lastnode: i32 = -1;
    let mut i = start;
    loop {
        let Some(&c) = s.get(i) else {
            return Err(RegexError::Malformed);
        };
        match c {
            b'/' => break,
            b'*' | b'+' | b'?' => {
                if !matches!(g.last, Last::Char | Last::Group) {
                    return Err(RegexError::Malformed);
                }
                len += 2;
                if len >= STRINGSZ || lastnode == MAXNODE {
                    return Err(RegexError::TooLarge);
                }
                lastnode += 1;
                let Some(x) = g.seq.pop() else {
                    return Err(RegexError::Malformed);
                };
                g.seq.push(match c {
                    b'*' => Regex::Star(Box::new(x)),
                    b'+' => Regex::Plus(Box::new(x)),
                    _ => Regex::Opt(Box::new(x)),
                });
                g.last = Last::Quantified;
            }
            b'|' => {
                if !g.any || g.last == Last::Alt {
                    // DGD accepts `||` but then reads an uninitialised node
                    return Err(RegexError::Malformed);
                }
                len += 2;
                if len >= STRINGSZ || lastnode == MAXNODE {
                    return Err(RegexError::TooLarge);
                }
                lastnode += 1;
                let seq = std::mem::take(&mut g.seq);
                let cur = if seq.len() == 1 {
                    seq.into_iter().next().unwrap_or(Regex::Concat(Vec::new()))
                } else {
                    Regex::Concat(seq)
                };
                g.alts.push(cur);
                g.last = Last::Alt;
            }
            b'(' => {
                if stack.len() == STRINGSZ / 2 || lastnode >= MAXNODE - 1 {
                    return Err(RegexError::TooLarge);
                }
                lastnode += link_cost(g.last);
                g.any = true;
                stack.push(std::mem::replace(&mut g, Group::new()));
            }
            b')' => {
                if stack.is_empty() || !g.any || g.last == Last::Alt {
                    return Err(RegexError::Malformed);
                }
                let inner = std::mem::replace(&mut g, Group::new()).finish();
                g = stack.pop().ok_or(RegexError::Malformed)?;
                g.seq.push(inner);
                g.last = Last::Group;
            }
            _ => {
                if lastnode >= MAXNODE - 1 {
                    return Err(RegexError::TooLarge);
                }
                lastnode += link_cost(g.last);
                let q = i;
                let mut text_len;
                let set;
                if c == b'[' {
                    let (st, end) = parse_class(s, i)?;
                    set = st;
                    text_len = end - q + 1;
                    i = end;
                } else if c == b'\\' {
                    i += 1;
                    let Some(&e) = s.get(i) else {
                        return Err(RegexError::Malformed);
                    };
                    set = ByteSet::single(e);
                    // DGD keeps the backslash only where its own syntax needs it
                    text_len = 2;
                    if !matches!(e, b'+' | b'|' | b'[' | b'.' | b'\\') {
                        text_len = 1;
                    }
                } else if c == b'.' {
                    set = ByteSet::all();
                    text_len = 1;
                } else {
                    set = ByteSet::single(c);
                    text_len = 1;
                }
                g.seq.push(Regex::Set(set));
                g.last = Last::Char;
                g.any = true;
                len += text_len + 1;
                if len >= STRINGSZ {
                    return Err(RegexError::TooLarge);
                }
            }
        }
        i += 1;
    }
    if !g.any || g.last == Last::Alt || !stack.is_empty() {
        return Err(RegexError::Malformed);
    }
    Ok((g.finish(), len, i + 1))
}

/// Nodes DGD adds for a new element after `last`.
fn link_cost(last: Last) -> i32 {
    match last {
        Last::None | Last::Char | Last::Alt => 1,
        Last::Group | Last::Quantified => 2,
    }
}

/// Reads `[...]` at `i` (the `[`); returns the set and the index of its `]`.
fn parse_class(s: &[u8], mut i: usize) -> Result<(ByteSet, usize), RegexError> {
    let mut set = ByteSet::default();
    i += 1;
    let neg = s.get(i) == Some(&b'^');
    if neg {
        i += 1;
    }
    if s.get(i) == Some(&b']') {
        return Err(RegexError::Malformed);
    }
    loop {
        if s.get(i) == Some(&b'\\') {
            i += 1;
        }
        let Some(&lo) = s.get(i) else {
            return Err(RegexError::Malformed);
        };
        if s.get(i + 1) == Some(&b'-') && s.get(i + 2) != Some(&b']') {
            let Some(&hi) = s.get(i + 2) else {
                return Err(RegexError::Malformed);
            };
            if lo > hi {
                return Err(RegexError::Malformed);
            }
            for b in lo..=hi {
                set.add(b);
            }
            i += 2;
        } else {
            set.add(lo);
        }
        i += 1;
        match s.get(i) {
            Some(b']') => break,
            Some(_) => {}
            None => return Err(RegexError::Malformed),
        }
    }
    if neg {
        set.negate();
    }
    Ok((set, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(r: &str) -> Result<usize, RegexError> {
        let src = format!("{r}/");
        parse_regexp(src.as_bytes(), 0).map(|(_, n, _)| n)
    }

    #[test]
    fn malformed() {
        for r in [
            "", "a(", "a)", "()", "*a", "a**", "a+?", "[]", "[z-a]", "[abc", "[^]", "a|", "|a",
            "(a|)", "(|a)", "a|*", "[a-\\]]", "a||b", "a\\",
        ] {
            assert_eq!(p(r), Err(RegexError::Malformed), "{r:?}");
        }
    }

    #[test]
    fn sizes() {
        assert_eq!(p("a"), Ok(2));
        assert_eq!(p("[a-z]*"), Ok(8));
        assert_eq!(p("\\*"), Ok(2));
        assert_eq!(p("\\+"), Ok(3));
        assert_eq!(p(&"a".repeat(127)), Ok(254));
        assert_eq!(p(&"a".repeat(128)), Err(RegexError::TooLarge));
    }

    #[test]
    fn classes() {
        let src = b"[a-c\\]x-]/";
        let (rx, _, _) = parse_regexp(src, 0).unwrap();
        let Regex::Set(s) = rx else { panic!() };
        for b in [b'a', b'b', b'c', b']', b'x', b'-'] {
            assert!(s.contains(b));
        }
        assert!(!s.contains(b'd'));
    }
}
