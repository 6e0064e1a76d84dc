//! The parser: a lazily built LR(0) automaton run as a generalised (Tomita
//! style) LR parser, as DGD does, producing a packed parse forest.
//!
//! Every stack top ("frontier" node) is kept in a list. After each token, all
//! reductions of every frontier node are applied, in list order, appending
//! the nodes they create to the list; a reduction that reaches the same
//! state with the same symbol from the same predecessor node as an existing
//! node is *merged* into it as an alternative (kept sorted by rule order, a
//! later alternative of the same rule before earlier ones). Then every
//! frontier node that can shift the next token does. Stacks are trees, not a
//! graph: nodes with different predecessors are never merged. This order of
//! work fixes the order of alternatives and of callback calls, which is what
//! makes the results equal DGD's.
//!
//! Work is charged in ticks as DGD charges it (two per reduction, one per
//! frontier node and per node looked at when merging, checked after each
//! reduction), so "Out of ticks" stops a runaway ambiguous parse; a forest of more than [`MAX_NODES`] nodes is an
//! error as well, so memory stays bounded even without a tick limit.

use super::grammar::{Grammar, Sym};
use super::scanner::{Dfa, Scan};
use crate::value::{KfunCtx, LStr, LpcError, Value};
use std::collections::{HashMap, HashSet};

/// Most nodes of one parse forest.
pub const MAX_NODES: usize = 1 << 20;
/// Most LR(0) states of one grammar (DGD's limit).
const MAX_LR_STATES: usize = i16::MAX as usize;
/// Most kernel items over all LR(0) states.
const MAX_LR_ITEMS: usize = 1 << 21;

/// No node.
pub const NONE: u32 = u32::MAX;
/// The symbol of the augmented start rule.
pub const AUG: Sym = Sym::Nt(u16::MAX);
const ACCEPT: u32 = 1;

type Item = (u32, u16);

struct Expanded {
    reductions: std::rc::Rc<[u32]>,
    trans: HashMap<Sym, u32>,
}

struct LrState {
    kernel: Box<[Item]>,
    exp: Option<Expanded>,
}

/// The LR(0) automaton of one grammar, built as states are reached.
pub struct Lr {
    states: Vec<LrState>,
    index: HashMap<Box<[Item]>, u32>,
    items: usize,
}

/// The automaton outgrew its limits ("Grammar too large").
#[derive(Debug)]
pub struct TooBig;

impl Lr {
    pub fn new() -> Lr {
        let mut lr = Lr {
            states: Vec::new(),
            index: HashMap::new(),
            items: 0,
        };
        lr.intern(Box::new([(0, 0)]));
        // the accepting state, reached by reducing the augmented start rule
        lr.intern(Box::new([]));
        if let Some(s) = lr.states.get_mut(ACCEPT as usize) {
            s.exp = Some(Expanded {
                reductions: std::rc::Rc::from(Vec::new()),
                trans: HashMap::new(),
            });
        }
        lr
    }

    fn intern(&mut self, kernel: Box<[Item]>) -> u32 {
        if let Some(&i) = self.index.get(&kernel) {
            return i;
        }
        let id = self.states.len() as u32;
        self.items += kernel.len();
        self.index.insert(kernel.clone(), id);
        self.states.push(LrState { kernel, exp: None });
        id
    }

    fn expand(&mut self, g: &Grammar, state: u32) -> Result<(), TooBig> {
        let Some(st) = self.states.get(state as usize) else {
            return Err(TooBig);
        };
        if st.exp.is_some() {
            return Ok(());
        }
        let mut items: Vec<Item> = st.kernel.to_vec();
        let mut have: HashSet<Item> = items.iter().copied().collect();
        let mut i = 0;
        while let Some(&(r, d)) = items.get(i) {
            if let Some(Sym::Nt(n)) = g
                .rules
                .get(r as usize)
                .and_then(|x| x.rhs.get(usize::from(d)))
            {
                for &r2 in g.nt_rules.get(usize::from(*n)).into_iter().flatten() {
                    if have.insert((r2, 0)) {
                        items.push((r2, 0));
                    }
                }
            }
            i += 1;
        }
        let mut reductions = Vec::new();
        let mut targets: Vec<(Sym, Vec<Item>)> = Vec::new();
        let mut tindex: HashMap<Sym, usize> = HashMap::new();
        for &(r, d) in &items {
            let Some(rule) = g.rules.get(r as usize) else {
                continue;
            };
            match rule.rhs.get(usize::from(d)) {
                None => reductions.push(r),
                Some(&sym) => {
                    let k = *tindex.entry(sym).or_insert_with(|| {
                        targets.push((sym, Vec::new()));
                        targets.len() - 1
                    });
                    if let Some(t) = targets.get_mut(k) {
                        t.1.push((r, d + 1));
                    }
                }
            }
        }
        let mut trans = HashMap::with_capacity(targets.len());
        for (sym, mut kernel) in targets {
            kernel.sort_unstable();
            kernel.dedup();
            let id = self.intern(kernel.into_boxed_slice());
            if self.states.len() > MAX_LR_STATES || self.items > MAX_LR_ITEMS {
                return Err(TooBig);
            }
            trans.insert(sym, id);
        }
        if let Some(st) = self.states.get_mut(state as usize) {
            st.exp = Some(Expanded {
                reductions: std::rc::Rc::from(reductions),
                trans,
            });
        }
        Ok(())
    }

    fn reductions(&mut self, g: &Grammar, state: u32) -> Result<std::rc::Rc<[u32]>, TooBig> {
        self.expand(g, state)?;
        match self.states.get(state as usize).and_then(|s| s.exp.as_ref()) {
            Some(e) => Ok(e.reductions.clone()),
            None => Err(TooBig),
        }
    }

    /// Shift or goto from an expanded state.
    fn target(&self, state: u32, sym: Sym) -> Option<u32> {
        if sym == AUG {
            return Some(ACCEPT);
        }
        self.states
            .get(state as usize)?
            .exp
            .as_ref()?
            .trans
            .get(&sym)
            .copied()
    }
}

impl Default for Lr {
    fn default() -> Self {
        Lr::new()
    }
}

/// What a forest node holds.
#[derive(Clone, Debug)]
pub enum Kind {
    /// A token: its text in `inputs[input]`.
    Token { input: u32, start: u32, len: u32 },
    /// A reduction by `rule`; `top` is the node of its last symbol (children
    /// are found by following `next` from there), `NONE` for an empty rule.
    Rule { rule: u32, top: u32 },
    /// Alternative reductions (nodes of kind `Rule`), in DGD's order.
    Branch(Vec<u32>),
}

#[derive(Clone, Debug)]
pub struct Node {
    pub sym: Sym,
    pub state: u32,
    /// The node below this one on its stack.
    pub next: u32,
    pub kind: Kind,
}

/// A finished parse: the forest, the inputs its tokens point into (more than
/// one after a `<` function replaced the rest of the input) and the root
/// (the augmented start rule's node).
pub struct Forest {
    pub nodes: Vec<Node>,
    pub inputs: Vec<LStr>,
    pub root: u32,
}

/// Why a parse stopped without a forest.
#[derive(Debug)]
pub enum ParseError {
    /// An LPC error (bad token, out of ticks, an error in a `<` function).
    Lpc(LpcError),
    /// An automaton outgrew its limits.
    TooBig,
}

impl From<LpcError> for ParseError {
    fn from(e: LpcError) -> Self {
        ParseError::Lpc(e)
    }
}

/// The nodes of the current step, for merging: how many are in each LR
/// state (DGD scans that list, and charges a tick per node looked at) and
/// where each reduction node is, by (state, symbol, predecessor).
#[derive(Default)]
struct ByState {
    count: HashMap<u32, u32>,
    index: HashMap<(u32, Sym, u32), (u32, u32)>,
    accept: Option<u32>,
}

impl ByState {
    /// Records node `id` (of symbol `sym`, predecessor `below`) in `state`.
    fn add(&mut self, state: u32, sym: Sym, below: u32, id: u32) {
        let c = self.count.entry(state).or_insert(0);
        if matches!(sym, Sym::Nt(_)) {
            self.index.entry((state, sym, below)).or_insert((id, *c));
        }
        *c += 1;
        if state == ACCEPT && self.accept.is_none() {
            self.accept = Some(id);
        }
    }
    /// The node to merge with, and how many nodes DGD looks at before
    /// finding it (or all of them).
    fn find(&self, state: u32, sym: Sym, below: u32) -> (Option<u32>, u32) {
        match self.index.get(&(state, sym, below)) {
            Some(&(id, at)) => (Some(id), at),
            None => (None, self.count.get(&state).copied().unwrap_or(0)),
        }
    }
    fn clear(&mut self) {
        self.count.clear();
        self.index.clear();
        self.accept = None;
    }
}

/// Parses `input`; `Ok(None)` when it is not a sentence of the grammar.
pub fn parse(
    g: &Grammar,
    dfa: &mut Dfa,
    lr: &mut Lr,
    input: LStr,
    ctx: &mut dyn KfunCtx,
) -> Result<Option<Forest>, ParseError> {
    let mut nodes: Vec<Node> = vec![Node {
        sym: Sym::Tok(0),
        state: 0,
        next: NONE,
        kind: Kind::Token {
            input: 0,
            start: 0,
            len: 0,
        },
    }];
    let mut inputs = vec![input];
    let mut pos = 0usize;
    let mut frontier: Vec<u32> = vec![0];
    // nodes of the current step by LR state, for merging
    let mut by_state = ByState::default();
    by_state.add(0, Sym::Tok(0), NONE, 0);
    let mut nshift: i64 = 0;
    loop {
        // reductions of every frontier node, including those they add
        let mut func: Option<u32> = None; // a rule with a `<` function
        let mut i = 0;
        while let Some(&sn) = frontier.get(i) {
            i += 1;
            let state = nodes.get(sn as usize).map_or(0, |n| n.state);
            let reds = lr.reductions(g, state).map_err(|_| ParseError::TooBig)?;
            for &r in reds.iter() {
                let Some(rule) = g.rules.get(r as usize) else {
                    continue;
                };
                let lhs = rule.lhs.map_or(AUG, Sym::Nt);
                let mut below = sn;
                for _ in 0..rule.rhs.len() {
                    below = nodes.get(below as usize).map_or(NONE, |n| n.next);
                }
                let Some(bstate) = nodes.get(below as usize).map(|n| n.state) else {
                    continue;
                };
                lr.expand(g, bstate).map_err(|_| ParseError::TooBig)?;
                let Some(to) = lr.target(bstate, lhs) else {
                    continue;
                };
                let top = if rule.rhs.is_empty() { NONE } else { sn };
                // as DGD: two ticks a reduction, one per node looked at
                // when merging, and a check after each reduction
                let (found, looked) = by_state.find(to, lhs, below);
                ctx.charge(2 + u64::from(looked))?;
                let id = nodes.len() as u32;
                nodes.push(Node {
                    sym: lhs,
                    state: to,
                    next: below,
                    kind: Kind::Rule { rule: r, top },
                });
                match found {
                    Some(m) => add_alternative(&mut nodes, m, id, r),
                    None => {
                        by_state.add(to, lhs, below, id);
                        frontier.push(id);
                    }
                }
                if nodes.len() > MAX_NODES {
                    return Err(LpcError::new("Parse forest too large").into());
                }
                ctx.check_ticks()?;
                if rule.less.is_some() {
                    // DGD counts reductions by the same `<` rule against the
                    // number of stacks that shifted the last token
                    if func.is_none() || func == Some(r) {
                        func = Some(r);
                        nshift -= 1;
                    } else {
                        nshift = -1;
                    }
                }
            }
            ctx.charge(1)?;
        }

        if let Some(f) = func {
            if nshift == 0 {
                // every parse reduced by the same `<` rule: its function
                // gives the rest of the input
                let name = g
                    .rules
                    .get(f as usize)
                    .and_then(|x| x.less.clone())
                    .unwrap_or_default();
                let cur = inputs
                    .last()
                    .cloned()
                    .unwrap_or_else(|| LStr::from_bytes(b""));
                let rest = LStr::from_bytes(cur.as_bytes().get(pos..).unwrap_or(&[]));
                match ctx.call_this(&name, vec![Value::String(rest)])? {
                    Value::String(s) => {
                        inputs.push(s);
                        pos = 0;
                    }
                    _ => return Ok(None),
                }
            }
        }
        nshift = 0;

        let input_no = inputs.len() - 1;
        let cur = match inputs.last() {
            Some(s) => s.clone(),
            None => return Ok(None),
        };
        let scanned = dfa.scan(
            cur.as_bytes(),
            &mut pos,
            g.whitespace,
            g.nomatch,
            &mut |n| {
                ctx.charge(n)?;
                ctx.check_ticks()
            },
        )?;
        match scanned {
            Scan::Eos => {
                let root = by_state.accept;
                return Ok(root.map(|root| Forest {
                    nodes,
                    inputs,
                    root,
                }));
            }
            Scan::Reject(at) => {
                return Err(LpcError::new(format!("Bad token at offset {at}")).into());
            }
            Scan::TooBig => return Err(ParseError::TooBig),
            Scan::Token { tok, start, len } => {
                by_state.clear();
                let old = std::mem::take(&mut frontier);
                for sn in old {
                    let Some(state) = nodes.get(sn as usize).map(|n| n.state) else {
                        continue;
                    };
                    if let Some(to) = lr.target(state, Sym::Tok(tok)) {
                        let id = nodes.len() as u32;
                        nodes.push(Node {
                            sym: Sym::Tok(tok),
                            state: to,
                            next: sn,
                            kind: Kind::Token {
                                input: input_no as u32,
                                start: start as u32,
                                len: len as u32,
                            },
                        });
                        by_state.add(to, Sym::Tok(tok), sn, id);
                        frontier.push(id);
                        nshift += 1;
                    }
                }
                if nodes.len() > MAX_NODES {
                    return Err(LpcError::new("Parse forest too large").into());
                }
                if frontier.is_empty() {
                    return Ok(None);
                }
            }
        }
    }
}

/// Merges reduction node `alt` (by `rule`) into node `m`, turning `m` into a
/// branch if it was a single reduction. Alternatives stay sorted by rule; a
/// new one goes before those of the same rule.
fn add_alternative(nodes: &mut Vec<Node>, m: u32, alt: u32, rule: u32) {
    let Some(mn) = nodes.get(m as usize) else {
        return;
    };
    if let Kind::Rule { .. } = mn.kind {
        let first = Node {
            sym: mn.sym,
            state: mn.state,
            next: mn.next,
            kind: mn.kind.clone(),
        };
        let fid = nodes.len() as u32;
        nodes.push(first);
        if let Some(mn) = nodes.get_mut(m as usize) {
            mn.kind = Kind::Branch(vec![fid]);
        }
    }
    let rules: Vec<u32> = match nodes.get(m as usize).map(|n| &n.kind) {
        Some(Kind::Branch(alts)) => alts
            .iter()
            .map(|&a| match nodes.get(a as usize).map(|n| &n.kind) {
                Some(Kind::Rule { rule, .. }) => *rule,
                _ => u32::MAX,
            })
            .collect(),
        _ => return,
    };
    let at = rules.iter().position(|&r| r >= rule).unwrap_or(rules.len());
    if let Some(Node {
        kind: Kind::Branch(alts),
        ..
    }) = nodes.get_mut(m as usize)
    {
        alts.insert(at, alt);
    }
}
