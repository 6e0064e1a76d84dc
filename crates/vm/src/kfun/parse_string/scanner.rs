//! The token scanner: every token rule's regexps and the grammar's string
//! constants compiled into one Thompson NFA, run as a DFA whose states are
//! built lazily (only those the inputs seen so far need), over byte
//! equivalence classes.
//!
//! Matching is DGD's: the longest match wins; at equal length a string
//! constant beats any regexp, and among regexps the token rule defined first
//! wins. A match of length zero is never a token. `whitespace` matches are
//! skipped; with a `nomatch` rule, runs of characters no rule matches become
//! that token; without one they are an error ("Bad token at offset N").

use super::grammar::Grammar;
use super::regex::{ByteSet, Regex};
use crate::value::LpcError;
use std::collections::HashMap;

#[derive(Clone, Debug)]
enum NNode {
    /// Consume a byte of the set, go to the node.
    Set(ByteSet, u32),
    Split(u32, u32),
    Accept(u16),
}

/// DGD's automaton size limit in bytes; a DFA counts as DGD counts it: 3
/// bytes a state, 2 a transition entry of an expanded state, plus 267.
const MAX_SIZE: usize = 6 * 65535;
/// Most DFA states (DGD's limit).
const MAX_STATES: usize = 65535 - 256;

/// Bytes the DFA looks at per tick charged.
pub const STEPS_PER_TICK: u64 = 32;
/// Scanning charges its ticks at least this often (in bytes looked at).
const STEP_BATCH: u64 = 1 << 16;

const DEAD: u32 = 0;
const START: u32 = 1;
const UNKNOWN: u32 = u32::MAX;

struct DState {
    set: Box<[u32]>,
    accept: Option<u16>,
    /// Per byte class; empty until the state is first left.
    trans: Vec<u32>,
}

/// The lazily built DFA of one grammar.
pub struct Dfa {
    nfa: Vec<NNode>,
    nregexp: u16,
    classes: [u8; 256],
    /// One byte of each class.
    reps: Vec<u8>,
    states: Vec<DState>,
    index: HashMap<Box<[u32]>, u32>,
    entries: usize,
}

/// One step of the scanner.
#[derive(Debug, PartialEq, Eq)]
pub enum Scan {
    /// Token number and its text's position and length in the input.
    Token { tok: u16, start: usize, len: usize },
    /// End of the input.
    Eos,
    /// No rule matches at this offset.
    Reject(usize),
    /// The automaton outgrew its limit.
    TooBig,
}

impl Dfa {
    pub fn new(g: &Grammar) -> Dfa {
        let mut nfa = Vec::new();
        let mut starts = Vec::new();
        for (tok, alts) in g.regexps.iter().enumerate() {
            for rx in alts {
                let acc = push(&mut nfa, NNode::Accept(tok as u16));
                starts.push(compile(&mut nfa, rx, acc));
            }
        }
        let nregexp = g.regexps.len() as u16;
        for (i, s) in g.strings.iter().enumerate() {
            let mut next = push(&mut nfa, NNode::Accept(nregexp + i as u16));
            for &b in s.iter().rev() {
                next = push(&mut nfa, NNode::Set(ByteSet::single(b), next));
            }
            starts.push(next);
        }
        // byte classes: bytes no set tells apart share a class
        let sets: Vec<ByteSet> = nfa
            .iter()
            .filter_map(|n| match n {
                NNode::Set(s, _) => Some(*s),
                _ => None,
            })
            .collect();
        let mut classes = [0u8; 256];
        let mut reps = Vec::new();
        let mut sig_class: HashMap<Vec<bool>, u8> = HashMap::new();
        for b in 0..=255u8 {
            let sig: Vec<bool> = sets.iter().map(|s| s.contains(b)).collect();
            let n = sig_class.len();
            let c = *sig_class.entry(sig).or_insert_with(|| {
                reps.push(b);
                n as u8
            });
            classes[usize::from(b)] = c;
        }
        let mut dfa = Dfa {
            nfa,
            nregexp,
            classes,
            reps,
            states: Vec::new(),
            index: HashMap::new(),
            entries: 0,
        };
        dfa.add_state(Box::new([]));
        let start = dfa.closure(&starts);
        dfa.add_state(start);
        dfa
    }

    fn closure(&self, from: &[u32]) -> Box<[u32]> {
        let mut seen = vec![false; self.nfa.len()];
        let mut stack: Vec<u32> = from.iter().rev().copied().collect();
        let mut out = Vec::new();
        while let Some(n) = stack.pop() {
            let Some(s) = seen.get_mut(n as usize) else {
                continue;
            };
            if *s {
                continue;
            }
            *s = true;
            match self.nfa.get(n as usize) {
                Some(NNode::Split(a, b)) => {
                    stack.push(*b);
                    stack.push(*a);
                }
                Some(_) => out.push(n),
                None => {}
            }
        }
        out.sort_unstable();
        out.into_boxed_slice()
    }

    fn add_state(&mut self, set: Box<[u32]>) -> u32 {
        if let Some(&i) = self.index.get(&set) {
            return i;
        }
        let mut best: Option<u16> = None;
        for &n in set.iter() {
            if let Some(NNode::Accept(t)) = self.nfa.get(n as usize) {
                let t = *t;
                // a string constant beats a regexp; the first regexp rule wins
                best = Some(match best {
                    None => t,
                    Some(_) if t >= self.nregexp => t,
                    Some(b) if b >= self.nregexp => b,
                    Some(b) => b.min(t),
                });
            }
        }
        let id = self.states.len() as u32;
        self.index.insert(set.clone(), id);
        self.states.push(DState {
            set,
            accept: best,
            trans: Vec::new(),
        });
        id
    }

    /// The state after reading `b` in `state`; `None` if the DFA is too big.
    fn step(&mut self, state: u32, b: u8) -> Option<u32> {
        let cls = usize::from(self.classes[usize::from(b)]);
        let ncls = self.reps.len();
        let nstates = self.states.len();
        let st = self.states.get_mut(state as usize)?;
        if st.trans.is_empty() {
            if state == DEAD {
                return Some(DEAD);
            }
            self.entries += ncls;
            if 267 + 3 * nstates + 2 * self.entries > MAX_SIZE {
                return None;
            }
            st.trans = vec![UNKNOWN; ncls];
        }
        let t = *st.trans.get(cls)?;
        if t != UNKNOWN {
            return Some(t);
        }
        let rep = *self.reps.get(cls)?;
        let next: Vec<u32> = st
            .set
            .iter()
            .filter_map(|&n| match self.nfa.get(n as usize) {
                Some(NNode::Set(s, nx)) if s.contains(rep) => Some(*nx),
                _ => None,
            })
            .collect();
        let set = self.closure(&next);
        let id = if set.is_empty() {
            DEAD
        } else {
            if !self.index.contains_key(&set) && self.states.len() >= MAX_STATES {
                return None;
            }
            self.add_state(set)
        };
        if let Some(slot) = self
            .states
            .get_mut(state as usize)
            .and_then(|s| s.trans.get_mut(cls))
        {
            *slot = id;
        }
        Some(id)
    }

    /// Scans the next token from `*pos` (DGD's rules, including where it
    /// takes a token's text from after a skipped whitespace match).
    ///
    /// DGD charges no ticks for scanning, but a scan can look ahead to the
    /// end of the input from every position (quadratic), so one tick per
    /// [`STEPS_PER_TICK`] bytes looked at is given to `charge`, which may stop
    /// it ("Out of ticks").
    pub fn scan(
        &mut self,
        input: &[u8],
        pos: &mut usize,
        whitespace: Option<u16>,
        nomatch: Option<u16>,
        charge: &mut dyn FnMut(u64) -> Result<(), LpcError>,
    ) -> Result<Scan, LpcError> {
        let mut steps: u64 = 0;
        let r = self.scan_inner(input, pos, whitespace, nomatch, &mut steps, charge);
        charge(steps / STEPS_PER_TICK)?;
        r
    }

    fn scan_inner(
        &mut self,
        input: &[u8],
        pos: &mut usize,
        whitespace: Option<u16>,
        nomatch: Option<u16>,
        steps: &mut u64,
        charge: &mut dyn FnMut(u64) -> Result<(), LpcError>,
    ) -> Result<Scan, LpcError> {
        let mut run = 0usize;
        let mut token = *pos;
        while *pos < input.len() {
            let mut state = START;
            let mut fin: Option<u16> = None;
            let mut fpos = 0;
            let mut cur = *pos;
            while let Some(&b) = input.get(cur) {
                state = match self.step(state, b) {
                    Some(s) => s,
                    None => return Ok(Scan::TooBig),
                };
                *steps += 1;
                if *steps == STEP_BATCH {
                    charge(STEP_BATCH / STEPS_PER_TICK)?;
                    *steps = 0;
                }
                cur += 1;
                if state == DEAD {
                    break;
                }
                if let Some(t) = self.states.get(state as usize).and_then(|s| s.accept) {
                    fin = Some(t);
                    fpos = cur;
                }
            }
            match fin {
                Some(t) => {
                    if run != 0 {
                        if let (Some(nm), true) = (nomatch, nomatch != whitespace) {
                            return Ok(Scan::Token {
                                tok: nm,
                                start: token,
                                len: run,
                            });
                        }
                        token += run;
                        run = 0;
                    }
                    let len = fpos - *pos;
                    *pos = fpos;
                    if Some(t) != whitespace {
                        return Ok(Scan::Token {
                            tok: t,
                            start: token,
                            len,
                        });
                    }
                    // DGD takes the next token's text from where the DFA stopped
                    token = cur - 1;
                }
                None => {
                    if nomatch.is_some() {
                        run += 1;
                        *pos += 1;
                    } else {
                        return Ok(Scan::Reject(*pos));
                    }
                }
            }
        }
        Ok(match nomatch {
            Some(nm) if run != 0 && nomatch != whitespace => Scan::Token {
                tok: nm,
                start: token,
                len: run,
            },
            _ => Scan::Eos,
        })
    }
}

fn push(nfa: &mut Vec<NNode>, n: NNode) -> u32 {
    nfa.push(n);
    (nfa.len() - 1) as u32
}

/// Compiles `rx` so that it continues at `next`; returns its entry node.
fn compile(nfa: &mut Vec<NNode>, rx: &Regex, next: u32) -> u32 {
    match rx {
        Regex::Set(s) => push(nfa, NNode::Set(*s, next)),
        Regex::Concat(v) => {
            let mut n = next;
            for r in v.iter().rev() {
                n = compile(nfa, r, n);
            }
            n
        }
        Regex::Alt(a, b) => {
            let x = compile(nfa, a, next);
            let y = compile(nfa, b, next);
            push(nfa, NNode::Split(x, y))
        }
        Regex::Opt(a) => {
            let x = compile(nfa, a, next);
            push(nfa, NNode::Split(x, next))
        }
        Regex::Star(a) | Regex::Plus(a) => {
            let l = push(nfa, NNode::Split(0, next));
            let body = compile(nfa, a, l);
            if let Some(NNode::Split(x, _)) = nfa.get_mut(l as usize) {
                *x = body;
            }
            if matches!(rx, Regex::Star(_)) {
                l
            } else {
                body
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::grammar::parse_grammar;
    use super::*;

    fn tokens(g: &str, input: &str) -> Vec<String> {
        let g = parse_grammar(g.as_bytes()).unwrap();
        let mut dfa = Dfa::new(&g);
        let mut pos = 0;
        let mut out = Vec::new();
        for _ in 0..100 {
            match dfa.scan(
                input.as_bytes(),
                &mut pos,
                g.whitespace,
                g.nomatch,
                &mut |_| Ok(()),
            ) {
                Ok(Scan::Token { tok, start, len }) => out.push(format!(
                    "{tok}:{}",
                    input
                        .get(start..(start + len).min(input.len()))
                        .unwrap_or("")
                )),
                Ok(Scan::Eos) => break,
                Err(_) => break,
                Ok(Scan::Reject(at)) => {
                    out.push(format!("reject@{at}"));
                    break;
                }
                Ok(Scan::TooBig) => {
                    out.push("toobig".into());
                    break;
                }
            }
        }
        out
    }

    #[test]
    fn longest_match_and_priority() {
        assert_eq!(tokens("a = /a/\nb = /aa/\nS: a", "aaa"), ["1:aa", "0:a"]);
        assert_eq!(tokens("x = /[a-z]+/\ny = /if/\nS: x", "if"), ["0:if"]);
        assert_eq!(tokens("x = /[a-z]+/\nS: 'if' x", "if"), ["1:if"]);
        assert_eq!(tokens("x = /[a-z]+/\nS: 'go' x", "gone"), ["0:gone"]);
        assert_eq!(
            tokens("t = /ab|abcd/\nu = /c/\nS: t", "abc"),
            ["0:ab", "1:c"]
        );
    }

    #[test]
    fn whitespace_nomatch_reject() {
        let g = "w = /[a-z]+/\nwhitespace = / +/\nS: w";
        assert_eq!(tokens(g, " ab  cd "), ["0:ab", "0:cd"]);
        assert_eq!(tokens(g, "ab 1"), ["0:ab", "reject@3"]);
        let g = "w = /[0-9]+/\nr = nomatch\nS: w";
        assert_eq!(tokens(g, "ab12cd"), ["1:ab", "0:12", "1:cd"]);
        let g = "whitespace = nomatch\nw = /[a-z]+/\nS: w";
        assert_eq!(tokens(g, "ab12cd!"), ["1:ab", "1:cd"]);
        // DGD's token text after a whitespace match that the DFA ran past
        let g = "whitespace = /ab|abcde/\nu = /[cd]/\nS: u";
        assert_eq!(tokens(g, "abcd"), ["1:d", "1:d"]);
    }
}
