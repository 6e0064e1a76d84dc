//! `parse_string(grammar, str, nalternatives)`: DGD's grammar-driven string
//! parser.
//!
//! - [`grammar`] reads the grammar text (token rules with [`regex`]
//!   regexps, production rules with `? function` callbacks) with DGD's errors.
//! - [`scanner`] splits the input into tokens with a lazily built DFA.
//! - [`glr`] parses the tokens with a lazily built LR(0) automaton run as a
//!   generalised LR parser, giving a packed forest of every parse.
//! - This module walks the forest as DGD does: subtrees left to right, each
//!   node once; a rule's `? function` is called in the current object with
//!   the array of its subtree's values, and its result (an array) replaces
//!   them, anything else rejects that subtree. Where parses differ, up to
//!   `nalternatives + 1` alternatives that are not rejected are kept, in rule
//!   order, as one sub-array holding an array per alternative; a single one
//!   stays inline.
//!
//! Compiled grammars, with the parts of their automata built so far, are kept
//! in a small per-thread cache keyed by the grammar text, since a mud calls
//! `parse_string` with the same grammar for every command.

pub mod glr;
pub mod grammar;
pub mod regex;
pub mod scanner;

use crate::kfun::KfunError;
use crate::value::{ArrayRef, KfunCtx, KfunRegistry, LStr, LpcError, Value};
use glr::{Forest, Kind, Lr, ParseError, NONE};
use grammar::{parse_grammar, Grammar};
use scanner::Dfa;
use std::cell::RefCell;
use std::rc::Rc;

pub fn register(r: &mut KfunRegistry) {
    r.register("parse_string", kf_parse_string);
}

/// A checked grammar and the automata built for it so far.
struct Compiled {
    text: LStr,
    grammar: Grammar,
    automata: RefCell<Automata>,
}

struct Automata {
    dfa: Dfa,
    lr: Lr,
}

impl Automata {
    fn new(g: &Grammar) -> Automata {
        Automata {
            dfa: Dfa::new(g),
            lr: Lr::new(),
        }
    }
}

/// How many grammars the cache keeps.
const CACHE_SIZE: usize = 16;

thread_local! {
    static CACHE: RefCell<Vec<Rc<Compiled>>> = const { RefCell::new(Vec::new()) };
}

/// The compiled grammar for `text`, from the cache or freshly checked.
fn compiled(text: &LStr) -> Result<Rc<Compiled>, LpcError> {
    let hit = CACHE.with(|c| {
        let mut c = c.borrow_mut();
        let i = c
            .iter()
            .position(|x| x.text.as_bytes() == text.as_bytes())?;
        let e = c.remove(i);
        c.insert(0, e.clone());
        Some(e)
    });
    if let Some(e) = hit {
        return Ok(e);
    }
    let grammar = parse_grammar(text.as_bytes()).map_err(|e| LpcError::new(e.to_string()))?;
    let automata = RefCell::new(Automata::new(&grammar));
    let e = Rc::new(Compiled {
        text: text.clone(),
        grammar,
        automata,
    });
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        c.insert(0, e.clone());
        c.truncate(CACHE_SIZE);
    });
    Ok(e)
}

fn kf_parse_string(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let (Some(Value::String(gtext)), Some(Value::String(input))) = (args.first(), args.get(1))
    else {
        return Err(KfunError::BadArgument("parse_string", 1).into());
    };
    let (gtext, input) = (gtext.clone(), input.clone());
    let maxalt = match args.get(2) {
        None => 1,
        Some(Value::Int(n)) => {
            let m = n.wrapping_add(1);
            if m <= 0 {
                return Err(KfunError::BadArgument("parse_string", 3).into());
            }
            m as usize
        }
        Some(_) => return Err(KfunError::BadArgument("parse_string", 3).into()),
    };
    if ctx.this_is_special() {
        return Err(LpcError::new("parse_string() from special purpose object"));
    }
    parse_string(ctx, &gtext, input, maxalt)
}

/// Parses `input` with the grammar `gtext`, keeping up to `maxalt` alternatives.
pub fn parse_string(
    ctx: &mut dyn KfunCtx,
    gtext: &LStr,
    input: LStr,
    maxalt: usize,
) -> Result<Value, LpcError> {
    let comp = compiled(gtext)?;
    ctx.charge(400)?;
    let g = &comp.grammar;
    let result = match comp.automata.try_borrow_mut() {
        Ok(mut a) => {
            let a = &mut *a;
            let r = glr::parse(g, &mut a.dfa, &mut a.lr, input, ctx);
            if matches!(r, Err(ParseError::TooBig)) {
                *a = Automata::new(g);
            }
            r
        }
        // a `<` function parsing with the same grammar: a private automaton
        Err(_) => {
            let mut a = Automata::new(g);
            glr::parse(g, &mut a.dfa, &mut a.lr, input, ctx)
        }
    };
    let forest = match result {
        Ok(Some(f)) => f,
        Ok(None) => return Ok(Value::Nil),
        Err(ParseError::Lpc(e)) => return Err(e),
        Err(ParseError::TooBig) => return Err(LpcError::new("Grammar too large")),
    };
    let mut w = Walker {
        g,
        f: &forest,
        memo: vec![Memo::Fresh; forest.nodes.len()],
        maxalt,
    };
    match w.traverse(ctx, forest.root)? {
        None => Ok(Value::Nil),
        Some(len) => {
            check_size(ctx, len)?;
            let mut out = Vec::with_capacity(len);
            w.flatten(forest.root, &mut out);
            Ok(Value::Array(ArrayRef::new(out)))
        }
    }
}

fn check_size(ctx: &dyn KfunCtx, len: usize) -> Result<(), LpcError> {
    if len > ctx.max_array_size() {
        return Err(KfunError::ArrayTooLarge.into());
    }
    Ok(())
}

/// What walking a node gave.
#[derive(Clone)]
enum Memo {
    Fresh,
    /// Rejected, or being walked (a cycle through it is rejected).
    Blocked,
    /// A token: one string.
    Token,
    /// A rule without function: its children's values, this many.
    Flat(usize),
    /// A function's result: its elements.
    Arr(ArrayRef),
    /// Several alternatives: one array of arrays.
    Branch(ArrayRef),
    /// A branch with one alternative left: that alternative's values.
    Alias(u32),
}

enum Frame {
    Rule {
        node: u32,
        children: Vec<u32>,
        idx: usize,
        acc: usize,
    },
    Branch {
        node: u32,
        alts: Vec<u32>,
        idx: usize,
        ok: Vec<u32>,
    },
}

struct Walker<'a> {
    g: &'a Grammar,
    f: &'a Forest,
    memo: Vec<Memo>,
    maxalt: usize,
}

impl Walker<'_> {
    fn memo(&self, n: u32) -> &Memo {
        self.memo.get(n as usize).unwrap_or(&Memo::Blocked)
    }

    fn set(&mut self, n: u32, m: Memo) {
        if let Some(x) = self.memo.get_mut(n as usize) {
            *x = m;
        }
    }

    fn len(&self, mut n: u32) -> usize {
        // aliases chain at most through one branch level each; bounded by the forest
        for _ in 0..=self.memo.len() {
            match self.memo(n) {
                Memo::Token | Memo::Branch(_) => return 1,
                Memo::Flat(k) => return *k,
                Memo::Arr(a) => return a.len(),
                Memo::Alias(x) => n = *x,
                Memo::Fresh | Memo::Blocked => return 0,
            }
        }
        0
    }

    /// Children of a rule node, left to right.
    fn children(&self, rule: u32, top: u32) -> Vec<u32> {
        let n = self.g.rules.get(rule as usize).map_or(0, |r| r.rhs.len());
        let mut out = Vec::with_capacity(n);
        let mut c = top;
        for _ in 0..n {
            if c == NONE {
                break;
            }
            out.push(c);
            c = self.f.nodes.get(c as usize).map_or(NONE, |x| x.next);
        }
        out.reverse();
        out
    }

    /// Walks `root`'s subtree (each node once, children left to right,
    /// calling rule functions bottom-up). `None`: rejected.
    fn traverse(&mut self, ctx: &mut dyn KfunCtx, root: u32) -> Result<Option<usize>, LpcError> {
        let mut stack: Vec<Frame> = Vec::new();
        let mut enter = Some(root);
        let mut ret: Option<Option<usize>> = None;
        loop {
            if let Some(n) = enter.take() {
                match self.memo(n) {
                    Memo::Blocked => ret = Some(None),
                    Memo::Fresh => match self.f.nodes.get(n as usize).map(|x| &x.kind) {
                        None => ret = Some(None),
                        Some(Kind::Token { .. }) => {
                            self.set(n, Memo::Token);
                            ret = Some(Some(1));
                        }
                        Some(Kind::Rule { rule, top }) => {
                            let (rule, top) = (*rule, *top);
                            let children = self.children(rule, top);
                            if let Some(&first) = children.first() {
                                self.set(n, Memo::Blocked);
                                stack.push(Frame::Rule {
                                    node: n,
                                    children,
                                    idx: 0,
                                    acc: 0,
                                });
                                enter = Some(first);
                            } else {
                                ret = Some(self.finish_rule(ctx, n, rule, 0)?);
                            }
                        }
                        Some(Kind::Branch(alts)) => {
                            let alts = alts.clone();
                            self.set(n, Memo::Blocked);
                            match alts.first() {
                                Some(&first) => {
                                    enter = Some(first);
                                    stack.push(Frame::Branch {
                                        node: n,
                                        alts,
                                        idx: 0,
                                        ok: Vec::new(),
                                    });
                                }
                                None => ret = Some(None),
                            }
                        }
                    },
                    _ => ret = Some(Some(self.len(n))),
                }
                continue;
            }
            let r = ret.take().flatten();
            let Some(top) = stack.last_mut() else {
                return Ok(r);
            };
            match top {
                Frame::Rule {
                    node,
                    children,
                    idx,
                    acc,
                } => match r {
                    None => {
                        stack.pop();
                        ret = Some(None);
                    }
                    Some(k) => {
                        *acc += k;
                        *idx += 1;
                        if let Some(&c) = children.get(*idx) {
                            enter = Some(c);
                        } else {
                            let (node, acc) = (*node, *acc);
                            stack.pop();
                            let rule = match self.f.nodes.get(node as usize).map(|x| &x.kind) {
                                Some(Kind::Rule { rule, .. }) => *rule,
                                _ => 0,
                            };
                            ret = Some(self.finish_rule(ctx, node, rule, acc)?);
                        }
                    }
                },
                Frame::Branch {
                    node,
                    alts,
                    idx,
                    ok,
                } => {
                    let cur = alts.get(*idx).copied().unwrap_or(NONE);
                    if r.is_some() {
                        ok.push(cur);
                    } else if let Some(m) = self.memo.get_mut(cur as usize) {
                        *m = Memo::Blocked;
                    }
                    *idx += 1;
                    // alternatives past the limit are not walked at all
                    while ok.len() >= self.maxalt && *idx < alts.len() {
                        if let Some(m) = alts.get(*idx).and_then(|&a| self.memo.get_mut(a as usize))
                        {
                            *m = Memo::Blocked;
                        }
                        *idx += 1;
                    }
                    if let Some(&a) = alts.get(*idx) {
                        enter = Some(a);
                    } else {
                        let node = *node;
                        let ok = std::mem::take(ok);
                        stack.pop();
                        ret = Some(self.finish_branch(ctx, node, ok)?);
                    }
                }
            }
        }
    }

    fn finish_rule(
        &mut self,
        ctx: &mut dyn KfunCtx,
        node: u32,
        rule: u32,
        len: usize,
    ) -> Result<Option<usize>, LpcError> {
        let Some(r) = self.g.rules.get(rule as usize) else {
            return Ok(None);
        };
        let Some(func) = r.quest.clone() else {
            self.set(node, Memo::Flat(len));
            return Ok(Some(len));
        };
        if r.less.is_some() {
            // DGD never manages to call the `?` function of a rule that also
            // has a `<` function: such a subtree is always rejected
            return Ok(None);
        }
        check_size(ctx, len)?;
        let mut vals = Vec::with_capacity(len);
        self.flatten_children(node, &mut vals);
        self.set(node, Memo::Blocked);
        match ctx.call_this(&func, vec![Value::Array(ArrayRef::new(vals))])? {
            Value::Array(a) => {
                let n = a.len();
                self.set(node, Memo::Arr(a));
                Ok(Some(n))
            }
            _ => Ok(None),
        }
    }

    fn finish_branch(
        &mut self,
        ctx: &mut dyn KfunCtx,
        node: u32,
        ok: Vec<u32>,
    ) -> Result<Option<usize>, LpcError> {
        match ok.as_slice() {
            [] => Ok(None),
            [one] => {
                let n = self.len(*one);
                self.set(node, Memo::Alias(*one));
                Ok(Some(n))
            }
            _ => {
                check_size(ctx, ok.len())?;
                let mut elts = Vec::with_capacity(ok.len());
                for &a in &ok {
                    if let Memo::Arr(arr) = self.memo(a) {
                        elts.push(Value::Array(arr.clone()));
                    } else {
                        let len = self.len(a);
                        check_size(ctx, len)?;
                        let mut v = Vec::with_capacity(len);
                        self.flatten(a, &mut v);
                        elts.push(Value::Array(ArrayRef::new(v)));
                    }
                }
                self.set(node, Memo::Branch(ArrayRef::new(elts)));
                Ok(Some(1))
            }
        }
    }

    /// The values of a rule node's children, in order.
    fn flatten_children(&self, node: u32, out: &mut Vec<Value>) {
        if let Some(Kind::Rule { rule, top }) = self.f.nodes.get(node as usize).map(|x| &x.kind) {
            let mut stack = self.children(*rule, *top);
            stack.reverse();
            self.flatten_stack(stack, out);
        }
    }

    /// The values of a walked node, in order.
    fn flatten(&self, node: u32, out: &mut Vec<Value>) {
        self.flatten_stack(vec![node], out);
    }

    fn flatten_stack(&self, mut stack: Vec<u32>, out: &mut Vec<Value>) {
        while let Some(n) = stack.pop() {
            match self.memo(n) {
                Memo::Token => {
                    if let Some(Kind::Token { input, start, len }) =
                        self.f.nodes.get(n as usize).map(|x| &x.kind)
                    {
                        let bytes = self
                            .f
                            .inputs
                            .get(*input as usize)
                            .map_or(&[][..], |s| s.as_bytes());
                        let s = *start as usize;
                        let e = (s + *len as usize).min(bytes.len());
                        out.push(Value::String(LStr::from_bytes(
                            bytes.get(s.min(e)..e).unwrap_or(&[]),
                        )));
                    }
                }
                Memo::Arr(a) => out.extend(a.borrow().iter().cloned()),
                Memo::Branch(a) => out.push(Value::Array(a.clone())),
                Memo::Alias(x) => stack.push(*x),
                Memo::Flat(_) => {
                    if let Some(Kind::Rule { rule, top }) =
                        self.f.nodes.get(n as usize).map(|x| &x.kind)
                    {
                        let mut c = self.children(*rule, *top);
                        c.reverse();
                        stack.extend(c);
                    }
                }
                Memo::Fresh | Memo::Blocked => {}
            }
        }
    }
}

#[cfg(test)]
mod tests;
