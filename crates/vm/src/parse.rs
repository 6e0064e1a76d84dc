//! The LPC parser: preprocessed tokens to an [`crate::ast::Program`].
//!
//! Recursive descent following DGD's grammar (`parser.y`), with the same
//! operator precedences. A syntax error is reported as DGD does
//! (`syntax error`) and the parser resynchronises at the next `;` or closing
//! `}` so several errors per file are reported (at most [`MAX_ERRORS`]).
//! Recursion and tree height are bounded ([`MAX_NESTING`]), so no input can
//! overflow the stack of the parser or of later passes walking the tree.

use crate::ast::*;
use crate::lex::{Diagnostic, Kw, Tok, P};
use crate::preprocess::{preprocess, IncludeResolver, PpOptions, Token};
use std::sync::Arc;

/// Max errors reported per file (DGD stops at a similar count).
pub const MAX_ERRORS: usize = 32;
/// Max nesting of statements and expressions (parser recursion and tree height).
pub const MAX_NESTING: u32 = 256;
/// DGD built with closures (`-DCLOSURES`): the `function` type, `&f(args)`,
/// `&(*f)(args)` and `(*f)(args)`. Off, as in a default DGD 1.7 build, where
/// `function` is an ordinary identifier; the tree keeps the forms regardless.
pub const CLOSURES: bool = false;

/// Syntax error already reported; unwind to a recovery point.
#[derive(Debug)]
struct Stop;

type PResult<T> = Result<T, Stop>;

static EOF_TOKEN: Token = Token {
    tok: Tok::Eof,
    pos: Pos { file: 0, line: 0 },
};

/// Preprocesses and parses one file. Returns the tree (partial when there
/// were errors) and all diagnostics of both passes.
pub fn parse_source(
    path: &str,
    src: &[u8],
    resolver: &mut dyn IncludeResolver,
    opts: &PpOptions,
) -> (Program, Vec<Diagnostic>) {
    parse_source_with(path, src, resolver, opts, None)
}

/// Resolves the type name of `object "name"` (and of `function`, and the
/// path of `<-`) as written to the object path it stands for, with a leading
/// `/`; `None` makes it the compile error "invalid object type". The VM
/// asks the driver's `object_type` through this, in source order, as DGD.
pub type ObjectTypeHook<'a> = &'a mut dyn FnMut(&str) -> Option<String>;

/// [`parse_source`] with an `object_type` resolver; without one, type names
/// are resolved as written (normalised, relative to the root).
pub fn parse_source_with(
    path: &str,
    src: &[u8],
    resolver: &mut dyn IncludeResolver,
    opts: &PpOptions,
    object_type: Option<ObjectTypeHook<'_>>,
) -> (Program, Vec<Diagnostic>) {
    let pp = preprocess(path, src, resolver, opts);
    let mut diags = pp.diags;
    let (prog, d2) = match object_type {
        Some(hook) => {
            let mut f = |name: &str| hook(name);
            parse_tokens_with(&pp.tokens, pp.files, Some(&mut f))
        }
        None => parse_tokens_with(&pp.tokens, pp.files, None),
    };
    diags.extend(d2);
    (prog, diags)
}

/// Parses a preprocessed token stream (ending in [`Tok::Eof`]).
pub fn parse_tokens(tokens: &[Token], files: Vec<Arc<str>>) -> (Program, Vec<Diagnostic>) {
    parse_tokens_with(tokens, files, None)
}

/// [`parse_tokens`] with an `object_type` resolver (see [`parse_source_with`]).
pub fn parse_tokens_with<'t>(
    tokens: &'t [Token],
    files: Vec<Arc<str>>,
    object_type: Option<ObjectTypeHook<'t>>,
) -> (Program, Vec<Diagnostic>) {
    let mut p = Parser {
        object_type,
        toks: tokens,
        i: 0,
        files: files.clone(),
        diags: Vec::new(),
        depth: 0,
        height: 0,
        ndecls: 0,
        aborted: false,
        deep: false,
    };
    let mut prog = Program {
        files,
        inherits: Vec::new(),
        decls: Vec::new(),
        end: tokens.last().map(|t| t.pos).unwrap_or_default(),
    };
    p.program(&mut prog);
    (prog, p.diags)
}

struct Parser<'t> {
    /// Resolves object type names (the driver's `object_type`).
    object_type: Option<ObjectTypeHook<'t>>,
    toks: &'t [Token],
    i: usize,
    files: Vec<Arc<str>>,
    diags: Vec<Diagnostic>,
    /// Current recursion depth.
    depth: u32,
    /// Height of the expression tree last returned.
    height: u32,
    ndecls: usize,
    aborted: bool,
    /// A nesting limit was hit: unwind to the enclosing function and skip it.
    deep: bool,
}

fn binop_of(p: P) -> Option<(BinOp, u8)> {
    Some(match p {
        P::Star => (BinOp::Mul, 10),
        P::Slash => (BinOp::Div, 10),
        P::Percent => (BinOp::Mod, 10),
        P::Plus => (BinOp::Add, 9),
        P::Minus => (BinOp::Sub, 9),
        P::Shl => (BinOp::Shl, 8),
        P::Shr => (BinOp::Shr, 8),
        P::Lt => (BinOp::Lt, 7),
        P::Gt => (BinOp::Gt, 7),
        P::Le => (BinOp::Le, 7),
        P::Ge => (BinOp::Ge, 7),
        P::EqEq => (BinOp::Eq, 6),
        P::Ne => (BinOp::Ne, 6),
        P::Amp => (BinOp::And, 5),
        P::Caret => (BinOp::Xor, 4),
        P::Pipe => (BinOp::Or, 3),
        _ => return None,
    })
}

fn assignop_of(p: P) -> Option<Option<BinOp>> {
    Some(match p {
        P::Assign => None,
        P::PlusEq => Some(BinOp::Add),
        P::MinEq => Some(BinOp::Sub),
        P::MulEq => Some(BinOp::Mul),
        P::DivEq => Some(BinOp::Div),
        P::ModEq => Some(BinOp::Mod),
        P::ShlEq => Some(BinOp::Shl),
        P::ShrEq => Some(BinOp::Shr),
        P::AndEq => Some(BinOp::And),
        P::XorEq => Some(BinOp::Xor),
        P::OrEq => Some(BinOp::Or),
        _ => return None,
    })
}

fn is_type_kw(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Kw(
            Kw::Int
                | Kw::Float
                | Kw::String
                | Kw::Object
                | Kw::Mapping
                | Kw::Function
                | Kw::Mixed
                | Kw::Void
        )
    )
}

fn is_class_kw(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Kw(Kw::Private | Kw::Static | Kw::Atomic | Kw::Nomask | Kw::Varargs)
    )
}

impl<'t> Parser<'t> {
    // ---- token access ----

    fn tok(&self) -> &'t Token {
        self.toks.get(self.i).unwrap_or(&EOF_TOKEN)
    }

    fn peek(&self) -> &'t Tok {
        &self.tok().tok
    }

    fn peek_at(&self, n: usize) -> &'t Tok {
        &self.toks.get(self.i + n).unwrap_or(&EOF_TOKEN).tok
    }

    fn pos(&self) -> Pos {
        let t = self.tok();
        if matches!(t.tok, Tok::Eof) && t.pos.line == 0 {
            return self.toks.last().map(|t| t.pos).unwrap_or_default();
        }
        t.pos
    }

    /// Position of the token before the cursor.
    fn prev_pos(&self) -> Pos {
        self.toks
            .get(self.i.saturating_sub(1))
            .map(|t| t.pos)
            .unwrap_or_default()
    }

    fn bump(&mut self) {
        if self.i < self.toks.len() {
            self.i += 1;
        }
    }

    fn is_p(&self, p: P) -> bool {
        *self.peek() == Tok::P(p)
    }

    fn is_kw(&self, k: Kw) -> bool {
        *self.peek() == Tok::Kw(k)
    }

    fn eat_p(&mut self, p: P) -> bool {
        if self.is_p(p) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn eat_kw(&mut self, k: Kw) -> bool {
        if self.is_kw(k) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn expect_p(&mut self, p: P) -> PResult<()> {
        if self.eat_p(p) {
            Ok(())
        } else {
            self.syntax_error()
        }
    }

    fn error_at(&mut self, pos: Pos, msg: impl Into<String>) {
        if self.diags.len() >= MAX_ERRORS {
            self.aborted = true;
            return;
        }
        let file = self
            .files
            .get(pos.file as usize)
            .cloned()
            .unwrap_or_else(|| Arc::from("?"));
        self.diags.push(Diagnostic {
            file,
            line: pos.line,
            message: msg.into(),
        });
    }

    fn syntax_error<T>(&mut self) -> PResult<T> {
        let pos = self.pos();
        self.error_at(pos, "syntax error");
        Err(Stop)
    }

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            let pos = self.pos();
            self.error_at(pos, "nesting too deep");
            self.deep = true;
            return Err(Stop);
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Records the height of a node built from children of heights `hs`.
    fn grow(&mut self, h: u32) -> PResult<()> {
        self.height = h + 1;
        if self.height > MAX_NESTING {
            let pos = self.pos();
            self.error_at(pos, "expression too complex");
            self.deep = true;
            return Err(Stop);
        }
        Ok(())
    }

    fn ident(&mut self) -> PResult<Name> {
        if let Tok::Ident(n) = self.peek() {
            let n = n.clone();
            self.bump();
            Ok(n)
        } else {
            self.syntax_error()
        }
    }

    /// Skips to a recovery point: after `;` or before a `}` at the current level.
    fn recover_stmt(&mut self) {
        let mut depth = 0usize;
        loop {
            match self.peek() {
                Tok::Eof => return,
                Tok::P(P::LBrace) => depth += 1,
                Tok::P(P::RBrace) => {
                    if depth == 0 {
                        return;
                    }
                    depth -= 1;
                    if depth == 0 {
                        self.bump();
                        return;
                    }
                }
                Tok::P(P::Semi) if depth == 0 => {
                    self.bump();
                    return;
                }
                _ => {}
            }
            self.bump();
        }
    }

    // ---- top level ----

    fn program(&mut self, prog: &mut Program) {
        while !matches!(self.peek(), Tok::Eof) && !self.aborted {
            let start = self.i;
            if self.top_decl(prog).is_err() {
                self.depth = 0;
                self.deep = false;
                self.recover_top();
            }
            if self.i == start {
                // no progress: skip a token
                self.bump();
            }
        }
    }

    fn recover_top(&mut self) {
        let mut depth = 0usize;
        loop {
            match self.peek() {
                Tok::Eof => return,
                Tok::P(P::LBrace) => depth += 1,
                Tok::P(P::RBrace) => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        self.bump();
                        return;
                    }
                }
                Tok::P(P::Semi) if depth == 0 => {
                    self.bump();
                    return;
                }
                _ => {}
            }
            self.bump();
        }
    }

    fn top_decl(&mut self, prog: &mut Program) -> PResult<()> {
        // [private] inherit
        let inherit_at = if self.is_kw(Kw::Inherit) {
            Some(0)
        } else if self.is_kw(Kw::Private) && *self.peek_at(1) == Tok::Kw(Kw::Inherit) {
            Some(1)
        } else {
            None
        };
        if let Some(skip) = inherit_at {
            let private = skip == 1;
            for _ in 0..skip {
                self.bump();
            }
            let pos = self.pos();
            self.bump(); // inherit
            let label = if let Tok::Ident(n) = self.peek() {
                let n = n.clone();
                self.bump();
                Some(n)
            } else {
                None
            };
            self.eat_kw(Kw::Object);
            let path = self.composite_string()?;
            self.expect_p(P::Semi)?;
            if self.ndecls > 0 {
                self.error_at(pos, "inherit must precede all declarations");
            } else {
                prog.inherits.push(Inherit {
                    pos,
                    label,
                    private,
                    path,
                });
            }
            return Ok(());
        }
        let mods = self.class_specifiers();
        let start_pos = self.pos();
        if is_type_kw(self.peek()) {
            let ty = self.type_specifier()?;
            loop {
                let stars = self.star_list()?;
                let pos = self.pos();
                let name = self.function_name()?;
                if self.is_p(P::LParen) {
                    let (params, ellipsis) = self.formals()?;
                    let mut f = FuncDecl {
                        pos,
                        mods,
                        ret: ty.array_of(stars),
                        untyped: false,
                        name,
                        params,
                        ellipsis,
                        body: None,
                        nlocals: 0,
                        end: pos,
                    };
                    if self.is_p(P::LBrace) {
                        f.body = Some(self.block_with_recovery()?);
                        f.end = self.prev_pos();
                        prog.decls.push(Decl::Func(f));
                        self.ndecls += 1;
                        return Ok(());
                    }
                    prog.decls.push(Decl::Func(f));
                } else {
                    let n = match name {
                        FuncName::Ident(n) => n,
                        _ => return self.syntax_error(),
                    };
                    prog.decls.push(Decl::Var(VarDecl {
                        pos,
                        mods,
                        ty: ty.array_of(stars),
                        name: n,
                    }));
                }
                if self.eat_p(P::Comma) {
                    continue;
                }
                self.expect_p(P::Semi)?;
                self.ndecls += 1;
                return Ok(());
            }
        }
        // untyped function: [class] name ( formals ) { body }
        let pos = start_pos;
        let name = self.function_name()?;
        if !self.is_p(P::LParen) {
            return self.syntax_error();
        }
        let (params, ellipsis) = self.formals()?;
        if !self.is_p(P::LBrace) {
            return self.syntax_error();
        }
        let body = self.block_with_recovery()?;
        let end = self.prev_pos();
        prog.decls.push(Decl::Func(FuncDecl {
            pos,
            mods,
            ret: Type::NIL,
            untyped: true,
            name,
            params,
            ellipsis,
            body: Some(body),
            nlocals: 0,
            end,
        }));
        self.ndecls += 1;
        Ok(())
    }

    fn class_specifiers(&mut self) -> Modifiers {
        let mut m = Modifiers::default();
        loop {
            match self.peek() {
                Tok::Kw(Kw::Private) => {
                    m.private = true;
                    m.static_ = true;
                }
                Tok::Kw(Kw::Static) => m.static_ = true,
                Tok::Kw(Kw::Atomic) => m.atomic = true,
                Tok::Kw(Kw::Nomask) => m.nomask = true,
                Tok::Kw(Kw::Varargs) => m.varargs = true,
                _ => return m,
            }
            self.bump();
        }
    }

    fn type_specifier(&mut self) -> PResult<Type> {
        let t = match self.peek() {
            Tok::Kw(Kw::Int) => Type::INT,
            Tok::Kw(Kw::Float) => Type::FLOAT,
            Tok::Kw(Kw::String) => Type::STRING,
            Tok::Kw(Kw::Mapping) => Type::MAPPING,
            Tok::Kw(Kw::Mixed) => Type::MIXED,
            Tok::Kw(Kw::Void) => Type::VOID,
            Tok::Kw(Kw::Function) => Type {
                base: BaseType::Object,
                depth: 0,
                class: Some(self.object_type_name("/builtin/function")),
            },
            Tok::Kw(Kw::Object) => {
                self.bump();
                if matches!(self.peek(), Tok::Str(_))
                    || (self.is_p(P::LParen)
                        && matches!(self.peek_at(1), Tok::Str(_) | Tok::P(P::LParen)))
                {
                    let path = self.composite_string()?;
                    return Ok(Type {
                        base: BaseType::Object,
                        depth: 0,
                        class: Some(self.object_type_name(&path)),
                    });
                }
                return Ok(Type::OBJECT);
            }
            _ => return self.syntax_error(),
        };
        self.bump();
        Ok(t)
    }

    fn star_list(&mut self) -> PResult<u8> {
        let mut n: u8 = 0;
        let pos = self.pos();
        while self.eat_p(P::Star) {
            n = n.saturating_add(1);
        }
        if n > Type::MAX_DEPTH {
            self.error_at(pos, "too deep indirection");
            n = Type::MAX_DEPTH;
        }
        Ok(n)
    }

    /// `string_exp ('+' string_exp)*` where string_exp is a string or a
    /// parenthesised composite string.
    /// The object path an object type name stands for (see [`ObjectTypeHook`]).
    fn object_type_name(&mut self, name: &str) -> Arc<str> {
        let resolved = match self.object_type.as_mut() {
            Some(hook) => match hook(name) {
                Some(r) => r,
                None => {
                    let pos = self.pos();
                    self.error_at(pos, "invalid object type");
                    name.to_string()
                }
            },
            None => name.to_string(),
        };
        Arc::from(crate::preprocess::normalize_path("/", &resolved).as_str())
    }

    fn composite_string(&mut self) -> PResult<Arc<str>> {
        let mut s = Vec::new();
        self.composite_into(&mut s)?;
        Ok(Arc::from(String::from_utf8_lossy(&s).as_ref()))
    }

    fn composite_into(&mut self, out: &mut Vec<u8>) -> PResult<()> {
        self.enter()?;
        loop {
            match self.peek() {
                Tok::Str(b) => {
                    out.extend_from_slice(b);
                    self.bump();
                }
                Tok::P(P::LParen) => {
                    self.bump();
                    self.composite_into(out)?;
                    self.expect_p(P::RParen)?;
                }
                _ => {
                    self.leave();
                    return self.syntax_error();
                }
            }
            if !self.eat_p(P::Plus) {
                break;
            }
        }
        self.leave();
        Ok(())
    }

    fn function_name(&mut self) -> PResult<FuncName> {
        if self.is_kw(Kw::Operator) {
            self.bump();
            return Ok(FuncName::Operator(self.operator()?));
        }
        Ok(FuncName::Ident(self.ident()?))
    }

    fn operator(&mut self) -> PResult<Operator> {
        let op = match self.peek() {
            Tok::P(P::Plus) => Operator::Add,
            Tok::P(P::Minus) => Operator::Sub,
            Tok::P(P::Star) => Operator::Mul,
            Tok::P(P::Slash) => Operator::Div,
            Tok::P(P::Percent) => Operator::Mod,
            Tok::P(P::Amp) => Operator::And,
            Tok::P(P::Caret) => Operator::Xor,
            Tok::P(P::Pipe) => Operator::Or,
            Tok::P(P::Lt) => Operator::Lt,
            Tok::P(P::Gt) => Operator::Gt,
            Tok::P(P::Le) => Operator::Le,
            Tok::P(P::Ge) => Operator::Ge,
            Tok::P(P::Shl) => Operator::Shl,
            Tok::P(P::Shr) => Operator::Shr,
            Tok::P(P::Tilde) => Operator::Neg,
            Tok::P(P::PlusPlus) => Operator::Inc,
            Tok::P(P::MinMin) => Operator::Dec,
            Tok::P(P::LBracket) => {
                self.bump();
                if self.eat_p(P::DotDot) {
                    self.expect_p(P::RBracket)?;
                    return Ok(Operator::Range);
                }
                self.expect_p(P::RBracket)?;
                if self.eat_p(P::Assign) {
                    return Ok(Operator::IndexAssign);
                }
                return Ok(Operator::Index);
            }
            _ => return self.syntax_error(),
        };
        self.bump();
        Ok(op)
    }

    /// `( formals )`
    fn formals(&mut self) -> PResult<(Vec<Param>, bool)> {
        self.expect_p(P::LParen)?;
        let mut params = Vec::new();
        let mut ellipsis = false;
        if self.eat_p(P::RParen) {
            return Ok((params, false));
        }
        if self.is_kw(Kw::Void) && *self.peek_at(1) == Tok::P(P::RParen) {
            self.bump();
            self.bump();
            return Ok((params, false));
        }
        loop {
            let varargs = self.eat_kw(Kw::Varargs);
            let pos = self.pos();
            if is_type_kw(self.peek()) {
                let ty = self.type_specifier()?;
                let stars = self.star_list()?;
                let name = self.ident()?;
                params.push(Param {
                    pos,
                    ty: ty.array_of(stars),
                    name,
                    varargs,
                });
            } else {
                let name = self.ident()?;
                params.push(Param {
                    pos,
                    ty: Type::NIL,
                    name,
                    varargs,
                });
            }
            if self.eat_p(P::Comma) {
                continue;
            }
            if self.eat_p(P::Ellipsis) {
                ellipsis = true;
            }
            self.expect_p(P::RParen)?;
            return Ok((params, ellipsis));
        }
    }

    // ---- statements ----

    /// A function body: errors inside are recovered at statement level;
    /// after a nesting error the rest of the body is skipped.
    fn block_with_recovery(&mut self) -> PResult<Block> {
        let start = self.i;
        let r = self.block();
        if self.deep {
            self.deep = false;
            self.depth = 0;
            self.i = start;
            self.skip_braces();
            return Ok(Block::default());
        }
        r
    }

    /// Skips a balanced `{ ... }` group starting at the cursor.
    fn skip_braces(&mut self) {
        let mut depth = 0usize;
        loop {
            match self.peek() {
                Tok::Eof => return,
                Tok::P(P::LBrace) => depth += 1,
                Tok::P(P::RBrace) => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        self.bump();
                        return;
                    }
                }
                _ => {}
            }
            self.bump();
        }
    }

    fn block(&mut self) -> PResult<Block> {
        self.enter()?;
        let pos = self.pos();
        self.expect_p(P::LBrace).inspect_err(|_| self.leave())?;
        let mut b = Block {
            pos,
            locals: Vec::new(),
            stmts: Vec::new(),
        };
        self.block_items(&mut b);
        self.leave();
        if self.aborted || self.deep {
            return Err(Stop);
        }
        if !self.eat_p(P::RBrace) {
            return self.syntax_error();
        }
        Ok(b)
    }

    /// Declarations and statements up to (not including) `}`.
    fn block_items(&mut self, b: &mut Block) {
        loop {
            if self.aborted || self.deep {
                return;
            }
            match self.peek() {
                Tok::P(P::RBrace) | Tok::Eof => return,
                t if is_type_kw(t) || is_class_kw(t) => {
                    if !b.stmts.is_empty() {
                        let pos = self.pos();
                        self.error_at(pos, "declaration after statement");
                    }
                    if self.local_decl(b).is_err() {
                        self.recover_stmt();
                    }
                }
                _ => {
                    let start = self.i;
                    match self.stmt() {
                        Ok(s) => b.stmts.push(s),
                        Err(Stop) => {
                            if self.aborted || self.deep {
                                return;
                            }
                            self.recover_stmt();
                            if self.i == start {
                                self.bump();
                            }
                        }
                    }
                }
            }
        }
    }

    fn local_decl(&mut self, b: &mut Block) -> PResult<()> {
        let mods_pos = self.pos();
        let mods = self.class_specifiers();
        if mods != Modifiers::default() {
            self.error_at(mods_pos, "invalid class for local variable");
        }
        let ty = self.type_specifier()?;
        loop {
            let stars = self.star_list()?;
            let pos = self.pos();
            let name = self.ident()?;
            if self.is_p(P::LParen) {
                return self.syntax_error();
            }
            b.locals.push(LocalDecl {
                pos,
                ty: ty.array_of(stars),
                name,
                slot: 0,
            });
            if !self.eat_p(P::Comma) {
                break;
            }
        }
        self.expect_p(P::Semi)
    }

    fn stmt(&mut self) -> PResult<Stmt> {
        self.enter()?;
        let r = self.stmt_inner();
        self.leave();
        r
    }

    fn stmt_inner(&mut self) -> PResult<Stmt> {
        let pos = self.pos();
        let kind = match self.peek() {
            Tok::P(P::Semi) => {
                self.bump();
                StmtKind::Empty
            }
            Tok::P(P::LBrace) => StmtKind::Block(self.block()?),
            Tok::Kw(Kw::Case) => {
                self.bump();
                let lo = self.exp()?;
                let hi = if self.eat_p(P::DotDot) {
                    Some(self.exp()?)
                } else {
                    None
                };
                self.expect_p(P::Colon)?;
                self.case_needs_stmt()?;
                StmtKind::Case { lo, hi, id: 0 }
            }
            Tok::Kw(Kw::Default) => {
                self.bump();
                self.expect_p(P::Colon)?;
                self.case_needs_stmt()?;
                StmtKind::Default
            }
            Tok::Kw(Kw::If) => {
                self.bump();
                let cond = self.paren_list_exp()?;
                let then = Box::new(self.stmt()?);
                let els = if self.eat_kw(Kw::Else) {
                    Some(Box::new(self.stmt()?))
                } else {
                    None
                };
                StmtKind::If { cond, then, els }
            }
            Tok::Kw(Kw::While) => {
                self.bump();
                let cond = self.paren_list_exp()?;
                let body = Box::new(self.stmt()?);
                StmtKind::While { cond, body }
            }
            Tok::Kw(Kw::Do) => {
                self.bump();
                let body = Box::new(self.stmt()?);
                if !self.eat_kw(Kw::While) {
                    return self.syntax_error();
                }
                let cond = self.paren_list_exp()?;
                self.expect_p(P::Semi)?;
                StmtKind::DoWhile { body, cond }
            }
            Tok::Kw(Kw::For) => {
                self.bump();
                self.expect_p(P::LParen)?;
                let init = self.opt_list_exp(P::Semi)?;
                self.expect_p(P::Semi)?;
                let cond = self.opt_list_exp(P::Semi)?;
                self.expect_p(P::Semi)?;
                let step = self.opt_list_exp(P::RParen)?;
                self.expect_p(P::RParen)?;
                let body = Box::new(self.stmt()?);
                StmtKind::For {
                    init,
                    cond,
                    step,
                    body,
                }
            }
            Tok::Kw(Kw::Rlimits) => {
                self.bump();
                self.expect_p(P::LParen)?;
                let depth = self.list_exp()?;
                self.expect_p(P::Semi)?;
                let ticks = self.list_exp()?;
                self.expect_p(P::RParen)?;
                let body = self.block()?;
                StmtKind::Rlimits { depth, ticks, body }
            }
            Tok::Kw(Kw::Try) => {
                self.bump();
                let body = self.block()?;
                if !self.eat_kw(Kw::Catch) {
                    return self.syntax_error();
                }
                self.expect_p(P::LParen)?;
                let var = if self.eat_p(P::Ellipsis) {
                    None
                } else {
                    let vpos = self.pos();
                    let name = self.ident()?;
                    Some(LocalDecl {
                        pos: vpos,
                        ty: Type::STRING,
                        name,
                        slot: 0,
                    })
                };
                self.expect_p(P::RParen)?;
                let handler = self.block()?;
                StmtKind::Try { body, var, handler }
            }
            Tok::Kw(Kw::Catch) if *self.peek_at(1) == Tok::P(P::LBrace) => {
                self.bump();
                let body = self.block()?;
                let handler = if self.eat_p(P::Colon) {
                    Some(Box::new(self.stmt()?))
                } else {
                    None
                };
                StmtKind::Catch { body, handler }
            }
            Tok::Kw(Kw::Switch) => {
                self.bump();
                let expr = self.paren_list_exp()?;
                let body = self.block()?;
                let end = self
                    .toks
                    .get(self.i.saturating_sub(1))
                    .map(|t| t.pos)
                    .unwrap_or(pos);
                StmtKind::Switch {
                    expr,
                    body,
                    table: SwitchTable {
                        end,
                        ..SwitchTable::default()
                    },
                }
            }
            Tok::Kw(Kw::Goto) => {
                self.bump();
                let l = self.ident()?;
                self.expect_p(P::Semi)?;
                StmtKind::Goto(l)
            }
            Tok::Kw(Kw::Break) => {
                self.bump();
                self.expect_p(P::Semi)?;
                StmtKind::Break
            }
            Tok::Kw(Kw::Continue) => {
                self.bump();
                self.expect_p(P::Semi)?;
                StmtKind::Continue
            }
            Tok::Kw(Kw::Return) => {
                self.bump();
                let e = self.opt_list_exp(P::Semi)?;
                self.expect_p(P::Semi)?;
                StmtKind::Return(e)
            }
            Tok::Ident(n) if *self.peek_at(1) == Tok::P(P::Colon) => {
                let label = n.clone();
                self.bump();
                self.bump();
                let stmt = Box::new(self.stmt()?);
                StmtKind::Labeled { label, stmt }
            }
            _ => {
                let e = self.list_exp()?;
                self.expect_p(P::Semi)?;
                StmtKind::Expr(e)
            }
        };
        Ok(Stmt { pos, kind })
    }

    /// A case label must be followed by a statement (not `}`).
    fn case_needs_stmt(&mut self) -> PResult<()> {
        if self.is_p(P::RBrace) || is_type_kw(self.peek()) || is_class_kw(self.peek()) {
            return self.syntax_error();
        }
        Ok(())
    }

    fn paren_list_exp(&mut self) -> PResult<Expr> {
        self.expect_p(P::LParen)?;
        let e = self.list_exp()?;
        self.expect_p(P::RParen)?;
        Ok(e)
    }

    fn opt_list_exp(&mut self, end: P) -> PResult<Option<Expr>> {
        if self.is_p(end) {
            return Ok(None);
        }
        Ok(Some(self.list_exp()?))
    }

    // ---- expressions ----

    /// `exp (',' exp)*`
    fn list_exp(&mut self) -> PResult<Expr> {
        let mut e = self.exp()?;
        let mut h = self.height;
        while self.is_p(P::Comma) {
            let pos = self.pos();
            self.bump();
            let r = self.exp()?;
            h = h.max(self.height);
            self.grow(h)?;
            h = self.height;
            e = Expr::new(pos, ExprKind::Comma(Box::new(e), Box::new(r)));
        }
        self.height = h;
        Ok(e)
    }

    /// Assignment level (right associative).
    fn exp(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.exp_inner();
        self.leave();
        r
    }

    fn exp_inner(&mut self) -> PResult<Expr> {
        let lhs = self.cond_exp()?;
        let hl = self.height;
        let Tok::P(p) = self.peek() else {
            return Ok(lhs);
        };
        let Some(op) = assignop_of(*p) else {
            return Ok(lhs);
        };
        let pos = self.pos();
        self.bump();
        let rhs = self.exp()?;
        let h = hl.max(self.height);
        self.grow(h)?;
        let kind = match op {
            None => ExprKind::Assign {
                lhs: Box::new(lhs),
                rhs: Box::new(rhs),
            },
            Some(op) => ExprKind::AssignOp {
                op,
                lhs: Box::new(lhs),
                rhs: Box::new(rhs),
            },
        };
        Ok(Expr::new(pos, kind))
    }

    fn cond_exp(&mut self) -> PResult<Expr> {
        let c = self.or_exp()?;
        if !self.is_p(P::Question) {
            return Ok(c);
        }
        let hc = self.height;
        let pos = self.pos();
        self.bump();
        self.enter()?;
        let t = self.list_exp();
        self.leave();
        let t = t?;
        let ht = self.height;
        self.expect_p(P::Colon)?;
        self.enter()?;
        let f = self.cond_exp();
        self.leave();
        let f = f?;
        let h = hc.max(ht).max(self.height);
        self.grow(h)?;
        Ok(Expr::new(
            pos,
            ExprKind::Cond {
                cond: Box::new(c),
                then: Box::new(t),
                els: Box::new(f),
            },
        ))
    }

    fn or_exp(&mut self) -> PResult<Expr> {
        let mut l = self.and_exp()?;
        let mut h = self.height;
        while self.is_p(P::LOr) {
            let pos = self.pos();
            self.bump();
            let r = self.and_exp()?;
            self.grow(h.max(self.height))?;
            h = self.height;
            l = Expr::new(pos, ExprKind::Or(Box::new(l), Box::new(r)));
        }
        self.height = h;
        Ok(l)
    }

    fn and_exp(&mut self) -> PResult<Expr> {
        let mut l = self.binary(0)?;
        let mut h = self.height;
        while self.is_p(P::LAnd) {
            let pos = self.pos();
            self.bump();
            let r = self.binary(0)?;
            self.grow(h.max(self.height))?;
            h = self.height;
            l = Expr::new(pos, ExprKind::And(Box::new(l), Box::new(r)));
        }
        self.height = h;
        Ok(l)
    }

    /// Binary operators from `|` up, by precedence climbing (left associative).
    fn binary(&mut self, min: u8) -> PResult<Expr> {
        self.enter()?;
        let r = self.binary_inner(min);
        self.leave();
        r
    }

    fn binary_inner(&mut self, min: u8) -> PResult<Expr> {
        let mut l = self.cast_exp()?;
        let mut h = self.height;
        while let Tok::P(p) = self.peek() {
            let Some((op, prec)) = binop_of(*p) else {
                break;
            };
            if prec <= min {
                break;
            }
            let pos = self.pos();
            self.bump();
            let r = self.binary(prec)?;
            self.grow(h.max(self.height))?;
            h = self.height;
            l = Expr::new(
                pos,
                ExprKind::Binary {
                    op,
                    lhs: Box::new(l),
                    rhs: Box::new(r),
                },
            );
        }
        self.height = h;
        Ok(l)
    }

    /// True when `(` at the cursor starts a cast.
    fn at_cast(&self) -> bool {
        self.is_p(P::LParen) && is_type_kw(self.peek_at(1))
    }

    fn cast_exp(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.cast_inner();
        self.leave();
        r
    }

    fn cast_inner(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        if self.at_cast() {
            self.bump();
            let ty = self.type_specifier()?;
            let stars = self.star_list()?;
            self.expect_p(P::RParen)?;
            let e = self.cast_exp()?;
            let h = self.height;
            self.grow(h)?;
            return Ok(Expr::new(
                pos,
                ExprKind::Cast {
                    ty: ty.array_of(stars),
                    expr: Box::new(e),
                },
            ));
        }
        let op = match self.peek() {
            Tok::P(P::PlusPlus) => Some(UnOp::PreInc),
            Tok::P(P::MinMin) => Some(UnOp::PreDec),
            Tok::P(P::Minus) => Some(UnOp::Neg),
            Tok::P(P::Plus) => Some(UnOp::Plus),
            Tok::P(P::Bang) => Some(UnOp::Not),
            Tok::P(P::Tilde) => Some(UnOp::Compl),
            _ => None,
        };
        if let Some(op) = op {
            self.bump();
            let e = self.cast_exp()?;
            let h = self.height;
            self.grow(h)?;
            return Ok(Expr::new(
                pos,
                ExprKind::Unary {
                    op,
                    expr: Box::new(e),
                },
            ));
        }
        self.postfix_exp()
    }

    fn postfix_exp(&mut self) -> PResult<Expr> {
        let mut e = self.primary()?;
        let mut h = self.height;
        loop {
            let pos = self.pos();
            match self.peek() {
                Tok::P(P::LBracket) => {
                    self.bump();
                    // [a..b], [..b], [a..], [..], [a]
                    let from = if self.is_p(P::DotDot) {
                        None
                    } else {
                        Some(self.list_exp()?)
                    };
                    let hf = self.height;
                    if self.eat_p(P::DotDot) {
                        let to = if self.is_p(P::RBracket) {
                            None
                        } else {
                            Some(self.list_exp()?)
                        };
                        let ht = self.height;
                        self.expect_p(P::RBracket)?;
                        let mut hh = h;
                        if from.is_some() {
                            hh = hh.max(hf);
                        }
                        if to.is_some() {
                            hh = hh.max(ht);
                        }
                        self.grow(hh)?;
                        h = self.height;
                        e = Expr::new(
                            pos,
                            ExprKind::Range {
                                base: Box::new(e),
                                from: from.map(Box::new),
                                to: to.map(Box::new),
                            },
                        );
                    } else {
                        self.expect_p(P::RBracket)?;
                        let Some(index) = from else {
                            return self.syntax_error();
                        };
                        self.grow(h.max(hf))?;
                        h = self.height;
                        e = Expr::new(
                            pos,
                            ExprKind::Index {
                                base: Box::new(e),
                                index: Box::new(index),
                            },
                        );
                    }
                }
                Tok::P(P::RArrow) => {
                    self.bump();
                    let func = self.ident()?;
                    let (args, spread, ha) = self.call_args()?;
                    self.grow(h.max(ha))?;
                    h = self.height;
                    e = Expr::new(
                        pos,
                        ExprKind::CallOther {
                            obj: Box::new(e),
                            func,
                            args,
                            spread,
                        },
                    );
                }
                Tok::P(P::LArrow) => {
                    self.bump();
                    self.eat_kw(Kw::Object);
                    let path = self.string_exp()?;
                    let path = self.object_type_name(&path);
                    self.grow(h)?;
                    h = self.height;
                    e = Expr::new(
                        pos,
                        ExprKind::InstanceOf {
                            obj: Box::new(e),
                            path,
                        },
                    );
                }
                Tok::P(P::PlusPlus) | Tok::P(P::MinMin) => {
                    let op = if self.is_p(P::PlusPlus) {
                        UnOp::PostInc
                    } else {
                        UnOp::PostDec
                    };
                    self.bump();
                    self.grow(h)?;
                    h = self.height;
                    e = Expr::new(
                        pos,
                        ExprKind::Unary {
                            op,
                            expr: Box::new(e),
                        },
                    );
                }
                _ => break,
            }
        }
        self.height = h;
        Ok(e)
    }

    /// `string | '(' composite_string ')'`
    fn string_exp(&mut self) -> PResult<Arc<str>> {
        match self.peek() {
            Tok::Str(b) => {
                let s = Arc::from(String::from_utf8_lossy(b).as_ref());
                self.bump();
                Ok(s)
            }
            Tok::P(P::LParen) => {
                self.bump();
                let s = self.composite_string()?;
                self.expect_p(P::RParen)?;
                Ok(s)
            }
            _ => self.syntax_error(),
        }
    }

    /// `( [args] [...] )`; returns the max argument height.
    fn call_args(&mut self) -> PResult<(Vec<Expr>, bool, u32)> {
        self.expect_p(P::LParen)?;
        let mut args = Vec::new();
        let mut h = 0;
        let mut spread = false;
        if self.eat_p(P::RParen) {
            return Ok((args, false, 0));
        }
        loop {
            args.push(self.exp()?);
            h = h.max(self.height);
            if self.eat_p(P::Ellipsis) {
                spread = true;
                self.expect_p(P::RParen)?;
                break;
            }
            if self.eat_p(P::RParen) {
                break;
            }
            self.expect_p(P::Comma)?;
        }
        Ok((args, spread, h))
    }

    /// `{ a, b, }` / `[ k : v, ]` contents after the opening `({` / `([`.
    fn aggregate(&mut self, close: P) -> PResult<(Vec<Expr>, u32)> {
        let mut v = Vec::new();
        let mut h = 0;
        loop {
            if self.is_p(close) {
                break;
            }
            v.push(self.exp()?);
            h = h.max(self.height);
            if close == P::RBracket {
                self.expect_p(P::Colon)?;
                v.push(self.exp()?);
                h = h.max(self.height);
            }
            if !self.eat_p(P::Comma) {
                break;
            }
        }
        self.expect_p(close)?;
        self.expect_p(P::RParen)?;
        Ok((v, h))
    }

    fn leaf(&mut self, pos: Pos, kind: ExprKind) -> PResult<Expr> {
        self.height = 1;
        Ok(Expr::new(pos, kind))
    }

    fn primary(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.primary_inner();
        self.leave();
        r
    }

    fn primary_inner(&mut self) -> PResult<Expr> {
        let pos = self.pos();
        match self.peek() {
            Tok::Int(n) => {
                let n = *n;
                self.bump();
                self.leaf(pos, ExprKind::Int(n))
            }
            Tok::Float(f) => {
                let f = *f;
                self.bump();
                self.leaf(pos, ExprKind::Float(f))
            }
            Tok::Str(s) => {
                let s = s.clone();
                self.bump();
                self.leaf(pos, ExprKind::Str(s))
            }
            Tok::Kw(Kw::Nil) => {
                self.bump();
                self.leaf(pos, ExprKind::Nil)
            }
            Tok::P(P::LParen) => {
                match self.peek_at(1) {
                    Tok::P(P::LBrace) => {
                        self.bump();
                        self.bump();
                        let (v, h) = self.aggregate(P::RBrace)?;
                        self.grow(h)?;
                        Ok(Expr::new(pos, ExprKind::Array(v)))
                    }
                    Tok::P(P::LBracket) => {
                        self.bump();
                        self.bump();
                        let (v, h) = self.aggregate(P::RBracket)?;
                        self.grow(h)?;
                        let mut pairs = Vec::with_capacity(v.len() / 2);
                        let mut it = v.into_iter();
                        while let (Some(k), Some(val)) = (it.next(), it.next()) {
                            pairs.push((k, val));
                        }
                        Ok(Expr::new(pos, ExprKind::Mapping(pairs)))
                    }
                    Tok::P(P::Star) if CLOSURES => {
                        // (*f)(args)
                        self.bump();
                        self.bump();
                        let f = self.cast_exp()?;
                        let hf = self.height;
                        self.expect_p(P::RParen)?;
                        let (args, spread, ha) = self.call_args()?;
                        self.grow(hf.max(ha))?;
                        Ok(Expr::new(
                            pos,
                            ExprKind::FuncCall {
                                func: Box::new(f),
                                args,
                                spread,
                            },
                        ))
                    }
                    _ => {
                        self.bump();
                        let e = self.list_exp()?;
                        self.expect_p(P::RParen)?;
                        Ok(e)
                    }
                }
            }
            Tok::P(P::Amp) if CLOSURES => {
                self.bump();
                if self.is_p(P::LParen) {
                    // &(*f)(args)
                    self.bump();
                    self.expect_p(P::Star)?;
                    let f = self.cast_exp()?;
                    let hf = self.height;
                    self.expect_p(P::RParen)?;
                    let (args, spread, ha) = self.call_args()?;
                    self.grow(hf.max(ha))?;
                    return Ok(Expr::new(
                        pos,
                        ExprKind::FuncExtend {
                            func: Box::new(f),
                            args,
                            spread,
                        },
                    ));
                }
                let name = self.ident()?;
                let (args, spread, ha) = self.call_args()?;
                self.grow(ha)?;
                Ok(Expr::new(pos, ExprKind::FuncAddr { name, args, spread }))
            }
            Tok::Kw(Kw::Catch) => {
                self.bump();
                self.expect_p(P::LParen)?;
                let e = self.list_exp()?;
                let h = self.height;
                self.expect_p(P::RParen)?;
                self.grow(h)?;
                Ok(Expr::new(pos, ExprKind::Catch(Box::new(e))))
            }
            Tok::Kw(Kw::New) => {
                self.bump();
                self.eat_kw(Kw::Object);
                let path = self.string_exp()?;
                let (args, spread, h) = if self.is_p(P::LParen) {
                    self.call_args()?
                } else {
                    (Vec::new(), false, 0)
                };
                self.grow(h)?;
                Ok(Expr::new(pos, ExprKind::New { path, args, spread }))
            }
            Tok::P(P::ColonColon) => {
                self.bump();
                if self.is_kw(Kw::Operator) {
                    self.bump();
                    let op = self.operator()?;
                    return self.call(pos, FuncName::Operator(op), Some(None));
                }
                let name = self.ident()?;
                if self.is_p(P::LParen) {
                    return self.call(pos, FuncName::Ident(name), Some(None));
                }
                self.leaf(
                    pos,
                    ExprKind::Var {
                        name,
                        global: true,
                        res: VarRes::Unresolved,
                    },
                )
            }
            Tok::Kw(Kw::Operator) => {
                self.bump();
                let op = self.operator()?;
                self.call(pos, FuncName::Operator(op), None)
            }
            Tok::Ident(n) => {
                let name = n.clone();
                self.bump();
                if self.is_p(P::LParen) {
                    return self.call(pos, FuncName::Ident(name), None);
                }
                if self.eat_p(P::ColonColon) {
                    let f = if self.eat_kw(Kw::Operator) {
                        FuncName::Operator(self.operator()?)
                    } else {
                        FuncName::Ident(self.ident()?)
                    };
                    if !self.is_p(P::LParen) {
                        return self.syntax_error();
                    }
                    return self.call(pos, f, Some(Some(name)));
                }
                self.leaf(
                    pos,
                    ExprKind::Var {
                        name,
                        global: false,
                        res: VarRes::Unresolved,
                    },
                )
            }
            _ => self.syntax_error(),
        }
    }

    fn call(&mut self, pos: Pos, name: FuncName, inherited: Option<Option<Name>>) -> PResult<Expr> {
        let (args, spread, h) = self.call_args()?;
        self.grow(h)?;
        Ok(Expr::new(
            pos,
            ExprKind::Call {
                name,
                inherited,
                args,
                spread,
                res: CallRes::Unresolved,
            },
        ))
    }
}
