//! AST → bytecode. See `program.rs` for the layout the code runs against.
//!
//! The compiler resolves names itself (locals by block scope, globals through the
//! program and its ancestors, calls through own functions, inherited functions, the
//! auto object and kfuns), so it does not depend on the typechecker's resolution slots;
//! it uses `Expr::ty` only to choose cheaper instructions.

use crate::ast::{self, BaseType, BinOp, Decl, Expr, ExprKind, FuncName, Stmt, StmtKind, UnOp};
use crate::program::*;
use crate::value::{
    Float, KfunRegistry, LStr, TypeSpec, Value, T_FLOAT, T_INT, T_MAPPING, T_MIXED, T_OBJECT,
    T_STRING, T_VOID,
};
use std::collections::HashMap;
use std::rc::Rc;

/// A compile error with position.
#[derive(Clone, Debug, PartialEq)]
pub struct CompileError {
    pub file: String,
    pub line: u32,
    pub message: String,
}

/// What the compiler needs besides the AST.
pub struct CompileInput<'a> {
    /// Program name without `.c`.
    pub name: &'a str,
    /// Programs of the `inherit` declarations, in order (same length as `ast.inherits`).
    pub inherits: Vec<Rc<Program>>,
    /// The auto object's program, inherited implicitly first (None for the auto object
    /// itself and the driver object).
    pub auto: Option<Rc<Program>>,
    pub is_auto: bool,
    pub kfuns: &'a KfunRegistry,
    pub id: u32,
    pub ctime: i64,
    /// Typechecking level (2 inserts runtime checks).
    pub typechecking: u8,
}

/// Is `t` exactly `mixed` (not an array of it)?
fn is_plain_mixed(t: &ast::Type) -> bool {
    t.depth == 0 && matches!(t.base, BaseType::Mixed)
}

/// Is `e` a call to the kfun `name`?
fn is_kfun_call(e: &Expr, name: &str) -> bool {
    matches!(&e.kind, ExprKind::Call { name: FuncName::Ident(n), res: ast::CallRes::Kfun, inherited: None, .. } if n.as_ref() == name)
}

pub fn type_spec(t: &ast::Type) -> TypeSpec {
    let base = match t.base {
        BaseType::Nil => T_MIXED,
        BaseType::Int => T_INT,
        BaseType::Float => T_FLOAT,
        BaseType::String => T_STRING,
        BaseType::Object => T_OBJECT,
        BaseType::Mapping => T_MAPPING,
        BaseType::Mixed => T_MIXED,
        BaseType::Void => T_VOID,
        BaseType::Unknown => T_MIXED,
    };
    TypeSpec::new(base, t.depth)
}

fn mods_of(m: &ast::Modifiers) -> FnMods {
    FnMods {
        private: m.private,
        static_: m.static_ || m.private,
        nomask: m.nomask,
        atomic: m.atomic,
        varargs: m.varargs,
    }
}

/// Compiles a typechecked (or at least parsed) program.
pub fn compile(ast: &ast::Program, input: CompileInput<'_>) -> Result<Program, Vec<CompileError>> {
    let mut c = Comp::new(ast, input);
    c.run();
    if c.errors.is_empty() {
        Ok(c.finish())
    } else {
        Err(c.errors)
    }
}

struct FnInfo {
    name: LStr,
    mods: FnMods,
    ret: TypeSpec,
    params: Vec<TypeSpec>,
    min_args: u16,
    ellipsis: bool,
    defined: bool,
}

struct Comp<'a> {
    ast: &'a ast::Program,
    inp: CompileInput<'a>,
    errors: Vec<CompileError>,
    ancestors: Vec<Ancestor>,
    inherits: Vec<(Option<LStr>, u16, bool)>,
    vars: Vec<VarDef>,
    var_index: HashMap<LStr, u16>,
    funcs: Vec<Function>,
    fn_index: HashMap<LStr, u16>,
    consts: Vec<Value>,
    const_index: HashMap<Vec<u8>, u32>,
    float_index: HashMap<u64, u32>,
    call_slots: Vec<LStr>,
    slot_index: HashMap<LStr, u16>,
    /// Inherited candidates: name -> (anc, func) visible in this program (virtual).
    inh_funcs: HashMap<LStr, Vec<FuncRef>>,
    // per function state
    code: Vec<Op>,
    lines: Vec<(u32, u32)>,
    switches: Vec<SwitchTable>,
    scopes: Vec<Vec<(ast::Name, u16, TypeSpec)>>,
    next_slot: u16,
    max_slot: u16,
    loops: Vec<LoopCtx>,
    /// Labels of the open blocks: (name, pc, catch/rlimits nesting).
    labels: Vec<(String, u32, u32)>,
    /// Forward gotos waiting for a label of their block: (jump pc, label, pos).
    gotos: Vec<(usize, String, Pos)>,
    nest: u32,
    /// Kinds of the enclosing nesting blocks: true catch, false rlimits.
    nest_kinds: Vec<bool>,
    cur_line: u32,
    cur_fn_name: String,
    /// Return type of the function being compiled.
    cur_ret: ast::Type,
    /// The function being compiled is typechecked (typed, or typechecking > 0).
    cur_typed: bool,
    /// Jump targets of the function so far (no fusion across them).
    targets: std::collections::HashSet<u32>,
    /// Code length just after `status()[i]` or `call_trace()[i]` was compiled.
    trace_index_at: Option<usize>,
}

type Pos = ast::Pos;

struct LoopCtx {
    breaks: Vec<usize>,
    continues: Vec<usize>,
    is_switch: bool,
    nest: u32,
    // for switch: case pcs by id, default pc
    cases: Vec<Option<u32>>,
    default: Option<u32>,
}

#[derive(Clone)]
enum LVal<'e> {
    Local(u16),
    Global(u16),
    /// container expression and index expression; `wb` = writeback needed.
    Index(&'e Expr, &'e Expr, bool),
    Unpack(&'e [Expr]),
}

impl<'a> Comp<'a> {
    fn new(ast: &'a ast::Program, inp: CompileInput<'a>) -> Comp<'a> {
        Comp {
            ast,
            inp,
            errors: Vec::new(),
            ancestors: Vec::new(),
            inherits: Vec::new(),
            vars: Vec::new(),
            var_index: HashMap::new(),
            funcs: Vec::new(),
            fn_index: HashMap::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            float_index: HashMap::new(),
            call_slots: Vec::new(),
            slot_index: HashMap::new(),
            inh_funcs: HashMap::new(),
            code: Vec::new(),
            lines: Vec::new(),
            switches: Vec::new(),
            scopes: Vec::new(),
            next_slot: 0,
            max_slot: 0,
            loops: Vec::new(),
            labels: Vec::new(),
            gotos: Vec::new(),
            nest: 0,
            nest_kinds: Vec::new(),
            cur_line: 0,
            cur_fn_name: String::new(),
            cur_ret: ast::Type::MIXED,
            cur_typed: false,
            targets: Default::default(),
            trace_index_at: None,
        }
    }

    /// The base of an index was just compiled. DGD compiles `status()[i]`,
    /// `status(obj)[i]`, `call_trace()[i]` and `call_trace()[i][j]` to kfuns
    /// of their own, which cost less than the whole array: give back the
    /// difference (`crate::ticks`). Returns the adjustment to emit before the
    /// `Index`; for `status` one is inserted before the kfun, as DGD has
    /// charged only the index cost when it reads the ticks left.
    fn indexed_kfun_ticks(&mut self) -> Option<Op> {
        use crate::ticks::*;
        let kfun = |c: &Self, name: &str| c.inp.kfuns.lookup(name).map(|(k, _)| k);
        let last = self.code.len();
        if let Some(Op::Kfun(k, _)) = self.code.last().copied() {
            if Some(k) == kfun(self, "status") {
                let kop = self.code.pop()?;
                self.code.push(Op::Ticks((STATUS_INDEX - STATUS) as i16, 0));
                self.code.push(kop);
                return Some(Op::Ticks(-INDEX as i16, 0));
            }
            if Some(k) == kfun(self, "call_trace") {
                return Some(Op::Ticks(
                    (CALL_TRACE_INDEX - INDEX) as i16,
                    -CALL_TRACE_FRAME as i16,
                ));
            }
        }
        if self.trace_index_at == Some(last) && last >= 3 {
            // call_trace()[i][j]: DGD charges TRACE_INDEX2 for both indexes
            if let Some(Op::Ticks(_, per)) = self.code.get(last - 2).copied() {
                if per != 0 {
                    return Some(Op::Ticks(
                        (CALL_TRACE_INDEX2 - CALL_TRACE_INDEX - INDEX) as i16,
                        0,
                    ));
                }
            }
        }
        None
    }

    fn err(&mut self, pos: Pos, msg: impl Into<String>) {
        let file = self
            .ast
            .files
            .get(pos.file as usize)
            .map(|f| f.to_string())
            .unwrap_or_else(|| format!("{}.c", self.inp.name));
        if self.errors.len() < 100 {
            self.errors.push(CompileError {
                file,
                line: pos.line,
                message: msg.into(),
            });
        }
    }

    fn self_anc(&self) -> u16 {
        self.ancestors.len() as u16
    }

    fn anc_prog(&self, a: u16) -> Option<&Rc<Program>> {
        self.ancestors.get(a as usize).map(|x| &x.prog)
    }

    fn anc_of(&self, p: &Rc<Program>) -> Option<u16> {
        self.ancestors
            .iter()
            .position(|a| Rc::ptr_eq(&a.prog, p))
            .map(|i| i as u16)
    }

    // ------------------------------------------------------------------ inheritance

    fn add_inherit(&mut self, prog: &Rc<Program>, private: bool, label: Option<LStr>, pos: Pos) {
        // ancestors of prog first
        for (i, a) in prog.ancestors.iter().enumerate() {
            let _ = i;
            self.add_ancestor(&a.prog, private || a.private, pos);
        }
        let idx = self.add_ancestor(prog, private, pos);
        if let Some(l) = &label {
            if self.inherits.iter().any(|(x, _, _)| x.as_ref() == Some(l)) {
                self.err(pos, format!("redeclaration of label {l}"));
            }
        }
        self.inherits.push((label, idx, private));
    }

    fn add_ancestor(&mut self, prog: &Rc<Program>, private: bool, pos: Pos) -> u16 {
        if let Some(i) = self.anc_of(prog) {
            if !private {
                self.ancestors[i as usize].private = false;
            }
            return i;
        }
        if let Some(other) = self.ancestors.iter().find(|a| a.prog.name == prog.name) {
            let _ = other;
            self.err(
                pos,
                format!("inherited different instances of {}", prog.name),
            );
        }
        self.ancestors.push(Ancestor {
            prog: prog.clone(),
            var_offset: 0,
            private,
        });
        (self.ancestors.len() - 1) as u16
    }

    fn build_inherited_functions(&mut self) {
        let mut table: HashMap<LStr, Vec<FuncRef>> = HashMap::new();
        for ai in 0..self.ancestors.len() {
            let prog = self.ancestors[ai].prog.clone();
            for (fi, f) in prog.funcs.iter().enumerate() {
                if f.mods.private {
                    continue;
                }
                let fr = FuncRef {
                    anc: ai as u16,
                    func: fi as u16,
                };
                let list = table.entry(f.name.clone()).or_default();
                // drop candidates this program overrides
                let mut keep = Vec::new();
                let mut shadowed = false;
                for &old in list.iter() {
                    if self_inherits(&self.ancestors, ai as u16, old.anc) {
                        let of = &self.ancestors[old.anc as usize].prog.funcs[old.func as usize];
                        if !f.defined && of.defined {
                            keep.push(old);
                            shadowed = true;
                        }
                        continue;
                    }
                    if self_inherits(&self.ancestors, old.anc, ai as u16) {
                        shadowed = true;
                    }
                    keep.push(old);
                }
                if !shadowed {
                    keep.push(fr);
                }
                *list = keep;
            }
        }
        self.inh_funcs = table;
    }

    /// The single inherited definition of `name`, or an error if ambiguous.
    fn inherited_func(&mut self, name: &LStr, pos: Pos, report: bool) -> Option<FuncRef> {
        let list = self.inh_funcs.get(name)?.clone();
        let defined: Vec<FuncRef> = list
            .iter()
            .copied()
            .filter(|fr| self.func_def(*fr).is_some_and(|f| f.defined))
            .collect();
        if defined.len() > 1 {
            if report {
                self.err(pos, format!("ambiguous call to function {name}"));
            }
            return defined.first().copied();
        }
        defined.first().copied().or_else(|| list.first().copied())
    }

    fn func_def(&self, fr: FuncRef) -> Option<&Function> {
        self.anc_prog(fr.anc)?.funcs.get(fr.func as usize)
    }

    // ------------------------------------------------------------------ main

    fn run(&mut self) {
        let ast = self.ast;
        if let Some(auto) = self.inp.auto.clone() {
            self.add_inherit(&auto, false, None, Pos::default());
        }
        let inh_progs = self.inp.inherits.clone();
        for (i, inh) in ast.inherits.iter().enumerate() {
            let Some(p) = inh_progs.get(i) else {
                self.err(inh.pos, format!("cannot inherit {}", inh.path));
                continue;
            };
            let label = inh.label.as_ref().map(|l| LStr::from(&**l));
            self.add_inherit(p, inh.private, label, inh.pos);
        }
        // variable offsets
        let mut off = 0u32;
        for a in &mut self.ancestors {
            a.var_offset = off;
            off += a.prog.vars.len() as u32;
        }
        self.build_inherited_functions();

        // own variables
        for d in &ast.decls {
            if let Decl::Var(v) = d {
                let name = LStr::from(&*v.name);
                if self.var_index.contains_key(&name) {
                    self.err(v.pos, format!("redeclaration of variable {}", v.name));
                    continue;
                }
                self.var_index.insert(name.clone(), self.vars.len() as u16);
                self.vars.push(VarDef {
                    name,
                    ty: type_spec(&v.ty),
                    private: v.mods.private,
                    static_: v.mods.static_ || v.mods.private,
                });
            }
        }
        // declare functions (prototypes and definitions)
        for d in &ast.decls {
            if let Decl::Func(f) = d {
                self.declare_function(f);
            }
        }
        // compile bodies
        let mut body_strs = Vec::new();
        for d in &ast.decls {
            if let Decl::Func(f) = d {
                if f.body.is_some() {
                    let start = self.consts.len();
                    self.compile_function(f);
                    let new = self.consts.get(start..).unwrap_or(&[]);
                    body_strs.push(
                        new.iter()
                            .filter_map(|v| match v {
                                Value::String(s) => Some(s.clone()),
                                _ => None,
                            })
                            .collect::<Vec<_>>(),
                    );
                }
            }
        }
        self.check_string_limit(&ast.decls, body_strs);
    }

    /// DGD's limit of 65535 distinct strings in a program's string table:
    /// names of variables and functions as they are declared, the string
    /// constants of a function's body when it ends. The string that overflows
    /// the table is "too many string constants" (once).
    fn check_string_limit(&mut self, decls: &[Decl], body_strs: Vec<Vec<LStr>>) {
        let mut seen: std::collections::HashSet<Vec<u8>> = std::collections::HashSet::new();
        let mut bodies = body_strs.into_iter();
        let mut add = |s: &[u8]| seen.insert(s.to_vec()) && seen.len() > u16::MAX as usize;
        for d in decls {
            match d {
                Decl::Var(v) => {
                    if add(v.name.as_bytes()) {
                        return self.err(v.pos, "too many string constants");
                    }
                }
                Decl::Func(f) => {
                    if add(f.name.as_str().as_bytes()) {
                        return self.err(f.pos, "too many string constants");
                    }
                    if f.body.is_some() {
                        for s in bodies.next().unwrap_or_default() {
                            if add(s.as_bytes()) {
                                return self.err(f.end, "too many string constants");
                            }
                        }
                    }
                }
            }
        }
    }

    fn declare_function(&mut self, f: &ast::FuncDecl) {
        let name = LStr::from(f.name.as_str());
        let mods = mods_of(&f.mods);
        let info = FnInfo {
            name: name.clone(),
            mods,
            ret: type_spec(&f.ret),
            params: f.params.iter().map(|p| type_spec(&p.ty)).collect(),
            min_args: f.min_args() as u16,
            ellipsis: f.ellipsis,
            defined: f.body.is_some(),
        };
        // nomask check against inherited
        if let Some(list) = self.inh_funcs.get(&name).cloned() {
            for fr in list {
                if let Some(of) = self.func_def(fr) {
                    if of.mods.nomask && of.defined && f.body.is_some() {
                        let pname = self
                            .anc_prog(fr.anc)
                            .map(|p| p.name.to_string())
                            .unwrap_or_default();
                        self.err(
                            f.pos,
                            format!("redeclaration of nomask function {name} ({pname})"),
                        );
                    }
                }
            }
        }
        if let Some(&i) = self.fn_index.get(&name) {
            let existing = &mut self.funcs[i as usize];
            if existing.defined && info.defined {
                self.err(f.pos, format!("redeclaration of function {name}"));
                return;
            }
            if info.defined {
                existing.defined = true;
                existing.mods = info.mods;
                existing.params = info.params;
                existing.ret = info.ret;
                existing.min_args = info.min_args;
                existing.ellipsis = info.ellipsis;
            }
            return;
        }
        self.fn_index.insert(name, self.funcs.len() as u16);
        self.funcs.push(Function {
            name: info.name,
            mods: info.mods,
            ret: info.ret,
            params: info.params,
            min_args: info.min_args,
            ellipsis: info.ellipsis,
            nlocals: f.params.len() as u16,
            local_types: Vec::new(),
            defined: false,
            code: Rc::from(Vec::new()),
            lines: Vec::new(),
            switches: Vec::new(),
            check_args: self.inp.typechecking >= 2,
        });
    }

    /// A value of static type `src` about to be stored in (or returned, or cast
    /// as) `target`: when `target` is an `object "path"` and `src` is not that
    /// same object type, it is checked at run time, as DGD does.
    fn class_check(&mut self, target: &ast::Type, src: &ast::Type) {
        if let (Some(class), 0) = (&target.class, target.depth) {
            if src.class.as_ref() != Some(class) || src.depth != 0 {
                let c = self.const_str(class.as_bytes());
                self.emit(Op::ClassCheck(c));
            }
        } else if self.cur_typed && is_plain_mixed(src) {
            // as DGD, a mixed value returned from or stored into something
            // typed is checked at run time ("Value is not a string")
            self.check_type(target);
        }
    }

    /// Checks at run time that the value on the stack fits `target` (not
    /// mixed or void), as DGD's run-time cast does: same type, nil for
    /// string, object, mapping and arrays, any array for every array type.
    fn check_type(&mut self, target: &ast::Type) {
        let t = type_spec(target);
        if t.depth > 0 || !matches!(t.base as i32, T_MIXED | T_VOID) {
            self.emit(Op::CheckType(t));
        }
    }

    /// The right operand of a binary operator. As DGD, in a typechecked
    /// function `string + mixed` (and `string += mixed`) first makes the mixed
    /// operand a string: an int or float is converted (by the addition here),
    /// anything else is the error "Value is not a string".
    fn compile_add_rhs(&mut self, op: BinOp, lhs: &Expr, rhs: &Expr) {
        self.compile_expr(rhs);
        if op == BinOp::Add
            && self.cur_typed
            && lhs.ty == ast::Type::STRING
            && rhs.ty.is(BaseType::Mixed)
            && rhs.ty.depth == 0
        {
            self.emit(Op::StrOperand);
        }
    }

    /// The right operand of `lhs op= rhs`. As DGD, in a typechecked function
    /// `int += mixed` and `float += mixed` check the mixed operand's type at
    /// run time ("Value is not an int").
    fn compile_assign_rhs(&mut self, op: BinOp, lhs: &Expr, rhs: &Expr) {
        self.compile_add_rhs(op, lhs, rhs);
        if op == BinOp::Add
            && self.cur_typed
            && is_plain_mixed(&rhs.ty)
            && lhs.ty.depth == 0
            && matches!(lhs.ty.base, BaseType::Int | BaseType::Float)
        {
            self.check_type(&lhs.ty);
        }
    }

    fn compile_function(&mut self, f: &ast::FuncDecl) {
        let Some(body) = &f.body else { return };
        self.code.clear();
        self.targets.clear();
        self.lines.clear();
        self.switches.clear();
        self.scopes.clear();
        self.loops.clear();
        self.labels.clear();
        self.gotos.clear();
        self.nest = 0;
        self.nest_kinds.clear();
        self.cur_fn_name = f.name.as_str();
        self.cur_ret = f.ret.clone();
        self.cur_typed = !f.untyped || self.inp.typechecking > 0;
        let mut params = Vec::new();
        for (i, p) in f.params.iter().enumerate() {
            params.push((p.name.clone(), i as u16, type_spec(&p.ty)));
        }
        self.next_slot = f.params.len() as u16;
        self.max_slot = self.next_slot;
        self.scopes.push(params);
        self.cur_line = f.pos.line;
        // as DGD, an argument for an `object "path"` parameter must be of that
        // object type, checked on every call
        for (i, p) in f.params.iter().enumerate() {
            if let (Some(class), 0, false) = (
                &p.ty.class,
                p.ty.depth,
                f.ellipsis && i + 1 == f.params.len(),
            ) {
                let c = self.const_str(class.as_bytes());
                self.emit(Op::ArgClassCheck(i as u16, c));
            }
        }
        self.compile_block(body);
        // falling off the end
        let ret = type_spec(&f.ret);
        if !matches!(self.code.last(), Some(Op::Return) | Some(Op::ReturnNil))
            || self.code.is_empty()
        {
            match ret.default_value() {
                Value::Int(0) if ret.base as i32 == T_INT && ret.depth == 0 => {
                    self.emit(Op::Int(0));
                    self.emit(Op::Return);
                }
                Value::Float(_) => {
                    let c = self.const_float(Float::ZERO);
                    self.emit(Op::Const(c));
                    self.emit(Op::Return);
                }
                _ => {
                    self.emit(Op::ReturnNil);
                }
            }
        }
        let name = LStr::from(f.name.as_str());
        let Some(&idx) = self.fn_index.get(&name) else {
            return;
        };
        thread_jumps(&mut self.code);
        let func = &mut self.funcs[idx as usize];
        func.defined = true;
        func.code = Rc::from(std::mem::take(&mut self.code));
        self.trace_index_at = None;
        func.lines = std::mem::take(&mut self.lines);
        func.switches = std::mem::take(&mut self.switches);
        func.nlocals = self.max_slot;
        self.scopes.clear();
    }

    fn finish(self) -> Program {
        let nanc = self.ancestors.len();
        // layout
        let mut layout = Vec::new();
        for (ai, a) in self.ancestors.iter().enumerate() {
            for vi in 0..a.prog.vars.len() {
                layout.push((ai as u16, vi as u16));
            }
        }
        for vi in 0..self.vars.len() {
            layout.push((nanc as u16, vi as u16));
        }
        // virtual table: own non-private functions override inherited
        let mut vtable: HashMap<LStr, FuncRef> = HashMap::new();
        for (name, list) in &self.inh_funcs {
            // prefer a defined candidate
            let pick = list
                .iter()
                .copied()
                .find(|fr| {
                    self.ancestors[fr.anc as usize]
                        .prog
                        .funcs
                        .get(fr.func as usize)
                        .is_some_and(|f| f.defined)
                })
                .or_else(|| list.first().copied());
            if let Some(fr) = pick {
                vtable.insert(name.clone(), fr);
            }
        }
        for (fi, f) in self.funcs.iter().enumerate() {
            if f.mods.private {
                continue;
            }
            let inherited_defined = vtable.get(&f.name).is_some_and(|fr| {
                self.ancestors[fr.anc as usize]
                    .prog
                    .funcs
                    .get(fr.func as usize)
                    .is_some_and(|g| g.defined)
            });
            if !f.defined && inherited_defined {
                continue; // a prototype does not hide an inherited definition
            }
            vtable.insert(
                f.name.clone(),
                FuncRef {
                    anc: nanc as u16,
                    func: fi as u16,
                },
            );
        }
        // call_other table: drop privately inherited
        let mut ftable = HashMap::new();
        for (name, fr) in &vtable {
            if (fr.anc as usize) < nanc && self.ancestors[fr.anc as usize].private {
                continue;
            }
            ftable.insert(name.clone(), *fr);
        }
        let mut prog = Program {
            name: LStr::from(self.inp.name),
            id: self.inp.id,
            ancestors: self.ancestors,
            inherits: self.inherits,
            vars: self.vars,
            funcs: self.funcs,
            consts: self.consts,
            call_slots: self.call_slots,
            ftable,
            nvars: layout.len() as u32,
            links: Vec::new(),
            layout,
            kfun_names: Vec::new(),
            files: self.ast.files.iter().map(|f| LStr::from(&**f)).collect(),
            is_auto: self.inp.is_auto,
            ctime: self.inp.ctime,
        };
        prog.links = compute_links(&prog, &vtable, self.inp.kfuns);
        prog
    }

    // ------------------------------------------------------------------ emit helpers

    fn emit(&mut self, op: Op) -> usize {
        let here = self.code.len() as u32;
        let fusable = !self.targets.contains(&here);
        if fusable {
            let last = self.code.last().copied();
            let fused = match (last, op) {
                (Some(c), Op::JumpFalse(t)) => cmp_code(c).map(|k| Op::CmpJumpFalse(k, t)),
                (Some(Op::Local(a)), Op::AddLocal(d)) => Some(Op::AddLocalLocal(d, a)),
                (Some(Op::Local(a)), Op::Int(i)) => Some(Op::LocalInt(a, i)),
                _ => None,
            };
            if let Some(f) = fused {
                if let Some(l) = self.code.last_mut() {
                    *l = f;
                }
                return self.code.len() - 1;
            }
        }
        self.code.push(op);
        self.code.len() - 1
    }

    /// End of a loop: charge ticks and jump back to `top` while the condition on the
    /// stack is true.
    fn emit_loop_if(&mut self, top: u32) {
        let here = self.code.len() as u32;
        if !self.targets.contains(&here) {
            if let Some(k) = self.code.last().copied().and_then(cmp_code) {
                if let Some(l) = self.code.last_mut() {
                    *l = Op::CmpLoop(k, top);
                }
                return;
            }
        }
        self.code.push(Op::LoopTrue(top));
    }

    fn pc(&self) -> u32 {
        self.code.len() as u32
    }

    fn patch(&mut self, at: usize, target: u32) {
        self.targets.insert(target);
        if let Some(
            Op::Jump(t)
            | Op::JumpFalse(t)
            | Op::JumpTrue(t)
            | Op::AndJump(t)
            | Op::OrJump(t)
            | Op::CatchBegin(t)
            | Op::Loop(t)
            | Op::LoopTrue(t)
            | Op::CmpJumpFalse(_, t)
            | Op::CmpLoop(_, t),
        ) = self.code.get_mut(at)
        {
            *t = target;
        }
    }

    fn line(&mut self, pos: Pos) {
        if pos.file == 0 && pos.line != 0 && pos.line != self.cur_line {
            self.cur_line = pos.line;
        }
        let pc = self.pc();
        let line = if pos.line != 0 {
            pos.line
        } else {
            self.cur_line
        };
        match self.lines.last_mut() {
            Some(l) if l.0 == pc => l.1 = line,
            Some(l) if l.1 == line => {}
            _ => self.lines.push((pc, line)),
        }
    }

    fn const_str(&mut self, b: &[u8]) -> u32 {
        if let Some(&i) = self.const_index.get(b) {
            return i;
        }
        let i = self.consts.len() as u32;
        self.consts.push(Value::bytes(b));
        self.const_index.insert(b.to_vec(), i);
        i
    }

    fn const_float(&mut self, f: Float) -> u32 {
        if let Some(&i) = self.float_index.get(&f.to_bits()) {
            return i;
        }
        let i = self.consts.len() as u32;
        self.consts.push(Value::Float(f));
        self.float_index.insert(f.to_bits(), i);
        i
    }

    fn call_slot(&mut self, name: &LStr) -> u16 {
        if let Some(&s) = self.slot_index.get(name) {
            return s;
        }
        let s = self.call_slots.len() as u16;
        self.call_slots.push(name.clone());
        self.slot_index.insert(name.clone(), s);
        s
    }

    // ------------------------------------------------------------------ scopes

    fn lookup_local(&self, name: &str) -> Option<(u16, TypeSpec)> {
        for s in self.scopes.iter().rev() {
            for (n, slot, ty) in s.iter().rev() {
                if &**n == name {
                    return Some((*slot, *ty));
                }
            }
        }
        None
    }

    fn lookup_global(&self, name: &str) -> Option<(u16, TypeSpec)> {
        let key = LStr::from(name);
        let own_off: u32 = self
            .ancestors
            .iter()
            .map(|a| a.prog.vars.len() as u32)
            .sum();
        if let Some(&i) = self.var_index.get(&key) {
            return Some(((own_off + i as u32) as u16, self.vars[i as usize].ty));
        }
        for a in self.ancestors.iter().rev() {
            for (vi, v) in a.prog.vars.iter().enumerate() {
                if v.name == key && !v.private {
                    return Some(((a.var_offset + vi as u32) as u16, v.ty));
                }
            }
        }
        None
    }

    fn alloc_temp(&mut self) -> u16 {
        let s = self.next_slot;
        self.next_slot += 1;
        self.max_slot = self.max_slot.max(self.next_slot);
        // keep it reserved in the innermost scope
        if let Some(sc) = self.scopes.last_mut() {
            sc.push((ast::Name::from(" tmp"), s, TypeSpec::MIXED));
        }
        s
    }

    // ------------------------------------------------------------------ statements

    fn compile_block(&mut self, b: &ast::Block) {
        let saved = self.next_slot;
        let mut scope = Vec::new();
        for l in &b.locals {
            let slot = self.next_slot;
            self.next_slot += 1;
            let ty = type_spec(&l.ty);
            scope.push((l.name.clone(), slot, ty));
            self.line(l.pos);
            self.emit_default(ty);
            self.emit(Op::SetLocal(slot));
        }
        self.max_slot = self.max_slot.max(self.next_slot);
        self.scopes.push(scope);
        let (nlabels, ngotos) = (self.labels.len(), self.gotos.len());
        for s in &b.stmts {
            self.compile_stmt(s);
        }
        // forward gotos of this block go to its labels; then they are gone
        for (at, label, pos) in self.gotos.split_off(ngotos.min(self.gotos.len())) {
            let target = self.labels[nlabels.min(self.labels.len())..]
                .iter()
                .find(|(n, ..)| *n == label)
                .map(|&(_, pc, _)| pc);
            match target {
                Some(pc) => self.patch(at, pc),
                None => self.err(pos, format!("unknown label: {label}")),
            }
        }
        self.labels.truncate(nlabels);
        self.scopes.pop();
        self.next_slot = saved;
    }

    fn emit_default(&mut self, ty: TypeSpec) {
        match ty.default_value() {
            Value::Int(i) => {
                self.emit(Op::Int(i));
            }
            Value::Float(f) => {
                let c = self.const_float(f);
                self.emit(Op::Const(c));
            }
            _ => {
                self.emit(Op::Nil);
            }
        }
    }

    fn compile_stmt(&mut self, s: &Stmt) {
        self.line(s.pos);
        match &s.kind {
            StmtKind::Empty => {}
            StmtKind::Expr(e) => self.compile_effect(e),
            StmtKind::Block(b) => self.compile_block(b),
            StmtKind::If { cond, then, els } => {
                self.compile_expr(cond);
                let j = self.emit(Op::JumpFalse(0));
                self.compile_stmt(then);
                if let Some(e) = els {
                    let j2 = self.emit(Op::Jump(0));
                    let pc = self.pc();
                    self.patch(j, pc);
                    self.compile_stmt(e);
                    let pc = self.pc();
                    self.patch(j2, pc);
                } else {
                    let pc = self.pc();
                    self.patch(j, pc);
                }
            }
            StmtKind::While { cond, body } if always_true(cond) => {
                // as DGD: no jump to the condition first, so no loop charge
                // before the first iteration
                let top = self.pc();
                self.push_loop(false);
                self.compile_stmt(body);
                let cont = self.pc();
                self.emit(Op::Loop(top));
                let end = self.pc();
                self.pop_loop(end, cont);
            }
            StmtKind::While { cond, body } => {
                let jc = self.emit(Op::Jump(0));
                let top = self.pc();
                self.push_loop(false);
                self.compile_stmt(body);
                let cont = self.pc();
                self.patch(jc, cont);
                self.compile_expr(cond);
                self.emit_loop_if(top);
                let end = self.pc();
                self.pop_loop(end, cont);
            }
            StmtKind::DoWhile { body, cond } => {
                let top = self.pc();
                self.push_loop(false);
                self.compile_stmt(body);
                let cont = self.pc();
                self.compile_expr(cond);
                self.emit_loop_if(top);
                let end = self.pc();
                self.pop_loop(end, cont);
            }
            StmtKind::For {
                init,
                cond,
                step,
                body,
            } => {
                if let Some(i) = init {
                    self.compile_effect(i);
                }
                let cond = cond.as_ref().filter(|c| !always_true(c));
                // as DGD, a loop without a condition does not jump to it first
                let jc = cond.map(|_| self.emit(Op::Jump(0)));
                let top = self.pc();
                self.push_loop(false);
                self.compile_stmt(body);
                let cont = self.pc();
                if let Some(st) = step {
                    self.compile_effect(st);
                }
                let condpc = self.pc();
                if let Some(jc) = jc {
                    self.patch(jc, condpc);
                }
                match cond {
                    Some(c) => {
                        self.compile_expr(c);
                        self.emit_loop_if(top);
                    }
                    None => {
                        self.emit(Op::Loop(top));
                    }
                }
                let end = self.pc();
                self.pop_loop(end, cont);
            }
            StmtKind::Switch { expr, body, .. } => self.compile_switch(expr, body),
            StmtKind::Case { id, lo, .. } => {
                let pc = self.pc();
                let found = self.loops.iter_mut().rev().find(|l| l.is_switch);
                match found {
                    Some(l) => {
                        let i = *id as usize;
                        if l.cases.len() <= i {
                            l.cases.resize(i + 1, None);
                        }
                        l.cases[i] = Some(pc);
                    }
                    None => self.err(lo.pos, "case label not inside switch"),
                }
            }
            StmtKind::Default => {
                let pc = self.pc();
                match self.loops.iter_mut().rev().find(|l| l.is_switch) {
                    Some(l) => l.default = Some(pc),
                    None => self.err(s.pos, "default label not inside switch"),
                }
            }
            StmtKind::Break => {
                let Some(l) = self.loops.last() else {
                    self.err(s.pos, "break statement not inside loop or switch");
                    return;
                };
                let n = self.nest - l.nest;
                self.emit_unnest(n);
                let j = self.emit(Op::Jump(0));
                if let Some(l) = self.loops.last_mut() {
                    l.breaks.push(j);
                }
            }
            StmtKind::Continue => {
                let Some(li) = self.loops.iter().rposition(|l| !l.is_switch) else {
                    self.err(s.pos, "continue statement not inside loop");
                    return;
                };
                let n = self.nest - self.loops[li].nest;
                self.emit_unnest(n);
                let j = self.emit(Op::Jump(0));
                self.loops[li].continues.push(j);
            }
            StmtKind::Return(e) => match e {
                Some(e) => {
                    self.compile_expr(e);
                    let ret = self.cur_ret.clone();
                    self.class_check(&ret, &e.ty);
                    self.emit(Op::Return);
                }
                None => {
                    self.emit(Op::ReturnNil);
                }
            },
            StmtKind::Goto(l) => {
                // as DGD, a goto reaches a label of its own block or one declared
                // earlier in an enclosing block; leaving catch or rlimits blocks
                // that way closes them
                let known = self.labels.iter().rev().find(|(n, ..)| n == l.as_ref());
                if let Some(&(_, pc, nest)) = known {
                    self.emit_unnest(self.nest.saturating_sub(nest));
                    // a jump back costs ticks, as a loop does (DGD)
                    self.emit(Op::Loop(pc));
                } else {
                    let j = self.emit(Op::Jump(0));
                    self.gotos.push((j, l.to_string(), s.pos));
                }
            }
            StmtKind::Labeled { label, stmt } => {
                let pc = self.pc();
                if self.labels.iter().any(|(n, ..)| n == label.as_ref()) {
                    self.err(s.pos, format!("redeclaration of label: {label}"));
                }
                self.labels.push((label.to_string(), pc, self.nest));
                self.compile_stmt(stmt);
            }
            StmtKind::Rlimits { depth, ticks, body } => {
                self.compile_expr(depth);
                self.compile_expr(ticks);
                self.emit(Op::RlimitsBegin);
                self.nest += 1;
                self.nest_kinds.push(false);
                self.compile_block(body);
                self.nest_kinds.pop();
                self.nest -= 1;
                self.emit(Op::RlimitsEnd);
            }
            StmtKind::Catch { body, handler } => {
                let cb = self.emit(Op::CatchBegin(0));
                self.nest += 1;
                self.nest_kinds.push(true);
                self.compile_block(body);
                self.nest_kinds.pop();
                self.nest -= 1;
                self.emit(Op::CatchEnd);
                let j = self.emit(Op::Jump(0));
                let h = self.pc();
                self.patch(cb, h);
                self.emit(Op::Pop);
                if let Some(hs) = handler {
                    self.compile_stmt(hs);
                }
                let end = self.pc();
                self.patch(j, end);
            }
            StmtKind::Try { body, var, handler } => {
                let cb = self.emit(Op::CatchBegin(0));
                self.nest += 1;
                self.nest_kinds.push(true);
                self.compile_block(body);
                self.nest_kinds.pop();
                self.nest -= 1;
                self.emit(Op::CatchEnd);
                let j = self.emit(Op::Jump(0));
                let h = self.pc();
                self.patch(cb, h);
                match var {
                    Some(v) => {
                        let saved = self.next_slot;
                        let slot = self.next_slot;
                        self.next_slot += 1;
                        self.max_slot = self.max_slot.max(self.next_slot);
                        self.emit(Op::SetLocal(slot));
                        self.scopes
                            .push(vec![(v.name.clone(), slot, type_spec(&v.ty))]);
                        self.compile_block(handler);
                        self.scopes.pop();
                        self.next_slot = saved;
                    }
                    None => {
                        self.emit(Op::Pop);
                        self.compile_block(handler);
                    }
                }
                let end = self.pc();
                self.patch(j, end);
            }
        }
    }

    /// Leaving `n` enclosing catch/rlimits blocks by break or continue: close them,
    /// innermost first.
    fn emit_unnest(&mut self, n: u32) {
        let kinds: Vec<bool> = self
            .nest_kinds
            .iter()
            .rev()
            .take(n as usize)
            .copied()
            .collect();
        for is_catch in kinds {
            if is_catch {
                self.code.push(Op::CatchEnd);
            } else {
                self.code.push(Op::RlimitsEnd);
            }
        }
    }

    fn push_loop(&mut self, is_switch: bool) {
        self.loops.push(LoopCtx {
            breaks: Vec::new(),
            continues: Vec::new(),
            is_switch,
            nest: self.nest,
            cases: Vec::new(),
            default: None,
        });
    }

    fn pop_loop(&mut self, brk: u32, cont: u32) -> Option<LoopCtx> {
        let l = self.loops.pop()?;
        for &b in &l.breaks {
            self.patch(b, brk);
        }
        for &c in &l.continues {
            self.patch(c, cont);
        }
        Some(l)
    }

    fn compile_switch(&mut self, expr: &Expr, body: &ast::Block) {
        self.compile_expr(expr);
        let table_idx = self.switches.len() as u32;
        self.switches.push(SwitchTable::Int(Vec::new(), 0));
        self.emit(Op::Switch(table_idx));
        self.push_loop(true);
        // case labels: collect from the body (ids may be unset: assign ours)
        let mut labels: Vec<(&Expr, Option<&Expr>)> = Vec::new();
        collect_cases(&body.stmts, &mut labels);
        // compile body with our own ids
        let mut renum = 0u32;
        let body2 = renumber_cases(body, &mut renum);
        self.compile_block(&body2);
        let end = self.pc();
        let Some(l) = self.pop_loop(end, end) else {
            return;
        };
        let default = l.default.unwrap_or(end);
        // build table
        let mut ints: Vec<(i32, i32, u32)> = Vec::new();
        let mut strs: HashMap<Option<LStr>, u32> = HashMap::new();
        let mut is_str = false;
        let mut is_int = false;
        for (i, (lo, hi)) in labels.iter().enumerate() {
            let pc = l.cases.get(i).copied().flatten().unwrap_or(end);
            match (const_eval(lo), hi.map(const_eval)) {
                (Some(Value::Int(a)), None) => {
                    is_int = true;
                    ints.push((a, a, pc));
                }
                (Some(Value::Int(a)), Some(Some(Value::Int(b)))) => {
                    is_int = true;
                    if a <= b {
                        ints.push((a, b, pc));
                    }
                }
                (Some(Value::String(s)), None) => {
                    is_str = true;
                    if strs.insert(Some(s), pc).is_some() {
                        self.err(lo.pos, "duplicate case labels in switch");
                    }
                }
                (Some(Value::Nil), None) => {
                    is_str = true;
                    strs.insert(None, pc);
                }
                (Some(Value::Int(0)), _) => {}
                _ => self.err(lo.pos, "bad case expression"),
            }
        }
        if is_str && is_int {
            // 0 may stand for nil in a string switch
            let zero_only = ints.iter().all(|&(a, b, _)| a == 0 && b == 0);
            if zero_only {
                for &(_, _, pc) in &ints {
                    strs.insert(None, pc);
                }
                is_int = false;
            } else {
                self.err(expr.pos, "multiple case types in switch");
            }
        }
        let _ = is_int;
        ints.sort_by_key(|x| x.0);
        for w in ints.windows(2) {
            if w[1].0 <= w[0].1 {
                self.err(expr.pos, "duplicate case labels in switch");
                break;
            }
        }
        if let Some(t) = self.switches.get_mut(table_idx as usize) {
            *t = if is_str {
                SwitchTable::Str(strs, default)
            } else {
                SwitchTable::Int(ints, default)
            };
        }
    }

    // ------------------------------------------------------------------ expressions

    /// Compile for side effect only (value discarded).
    fn compile_effect(&mut self, e: &Expr) {
        self.line(e.pos);
        match &e.kind {
            ExprKind::Unary { op, expr } if op.is_incdec() => {
                if let Some(LVal::Local(s)) = self.lvalue(expr) {
                    let d = if matches!(op, UnOp::PreInc | UnOp::PostInc) {
                        1
                    } else {
                        -1
                    };
                    self.emit(Op::IncLocal(s, d));
                    return;
                }
                self.compile_expr(e);
                self.emit(Op::Pop);
            }
            ExprKind::Assign { lhs, rhs } => {
                if let Some(LVal::Local(s)) = self.lvalue(lhs) {
                    self.compile_expr(rhs);
                    self.class_check(&lhs.ty, &rhs.ty);
                    self.emit(Op::SetLocal(s));
                    return;
                }
                if let Some(LVal::Global(g)) = self.lvalue(lhs) {
                    self.compile_expr(rhs);
                    self.class_check(&lhs.ty, &rhs.ty);
                    self.emit(Op::SetGlobal(g));
                    return;
                }
                self.compile_expr(e);
                self.emit(Op::Pop);
            }
            ExprKind::Comma(a, b) => {
                self.compile_effect(a);
                self.compile_effect(b);
            }
            _ => {
                self.compile_expr(e);
                self.emit(Op::Pop);
            }
        }
    }

    fn lvalue<'e>(&mut self, e: &'e Expr) -> Option<LVal<'e>> {
        match &e.kind {
            ExprKind::Var { name, global, .. } => {
                if !*global {
                    if let Some((s, _)) = self.lookup_local(name) {
                        return Some(LVal::Local(s));
                    }
                }
                if let Some((g, _)) = self.lookup_global(name) {
                    return Some(LVal::Global(g));
                }
                self.err(e.pos, format!("undeclared identifier {name}"));
                None
            }
            ExprKind::Index { base, index } => {
                let bt = &base.ty;
                let wb = !(bt.is_array() || bt.is(BaseType::Mapping) || bt.is(BaseType::Object))
                    && matches!(base.kind, ExprKind::Var { .. } | ExprKind::Index { .. });
                Some(LVal::Index(base, index, wb))
            }
            ExprKind::Array(items) => Some(LVal::Unpack(items)),
            _ => {
                self.err(e.pos, "bad lvalue");
                None
            }
        }
    }

    /// Push what an indexed store needs (container, index).
    fn lv_prefix(&mut self, lv: &LVal<'_>) {
        if let LVal::Index(base, index, wb) = lv {
            if *wb {
                if let ExprKind::Index {
                    base: b2,
                    index: i2,
                } = &base.kind
                {
                    self.compile_expr(b2);
                    self.compile_expr(i2);
                    self.emit(Op::Dup2);
                    self.emit(Op::Index);
                } else {
                    self.compile_expr(base);
                }
            } else {
                self.compile_expr(base);
            }
            self.compile_expr(index);
        }
    }

    /// With prefix and value on the stack, store; leaves the value.
    fn lv_store(&mut self, lv: &LVal<'_>) {
        match lv {
            LVal::Local(s) => {
                self.emit(Op::StoreLocal(*s));
            }
            LVal::Global(g) => {
                self.emit(Op::StoreGlobal(*g));
            }
            LVal::Index(base, _, wb) => {
                if *wb {
                    self.emit(Op::StoreIndexWb);
                    self.lv_writeback(base);
                } else {
                    self.emit(Op::StoreIndex);
                }
            }
            LVal::Unpack(items) => {
                // value (an array) on the stack; assign elements
                for (i, it) in items.iter().enumerate() {
                    let Some(lv) = self.lvalue(it) else { continue };
                    if matches!(lv, LVal::Unpack(_)) {
                        self.err(it.pos, "bad lvalue");
                        continue;
                    }
                    let tmp = self.alloc_temp();
                    self.emit(Op::StoreLocal(tmp));
                    self.lv_prefix(&lv);
                    self.emit(Op::Local(tmp));
                    self.emit(Op::Int(i as i32));
                    self.emit_internal_index();
                    if self.cur_typed && it.ty.class.is_none() {
                        // as DGD, each element must fit its typed lvalue
                        self.check_type(&it.ty);
                    }
                    self.lv_store(&lv);
                    self.emit(Op::Pop);
                }
            }
        }
    }

    /// `[.., (prefix of base), newc, v]` -> store newc into base, leave v.
    fn lv_writeback(&mut self, base: &Expr) {
        match &base.kind {
            ExprKind::Var { name, global, .. } => {
                if !*global {
                    if let Some((s, _)) = self.lookup_local(name) {
                        self.emit(Op::StoreLocalUnder(s));
                        return;
                    }
                }
                if let Some((g, _)) = self.lookup_global(name) {
                    self.emit(Op::StoreGlobalUnder(g));
                }
            }
            ExprKind::Index { .. } => {
                self.emit(Op::StoreIndexUnder);
            }
            _ => {}
        }
    }

    fn compile_expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Int(i) => {
                self.emit(Op::Int(*i));
            }
            ExprKind::Float(f) => match Float::new(*f) {
                Some(fl) => {
                    let c = self.const_float(fl);
                    self.emit(Op::Const(c));
                }
                None => self.err(e.pos, "float constant out of range"),
            },
            ExprKind::Str(s) => {
                let c = self.const_str(s);
                self.emit(Op::Const(c));
            }
            ExprKind::Nil => {
                self.emit(Op::Nil);
            }
            ExprKind::Array(items) => {
                for it in items {
                    self.compile_expr(it);
                }
                self.emit(Op::Array(items.len() as u32));
            }
            ExprKind::Mapping(pairs) => {
                for (k, v) in pairs {
                    self.compile_expr(k);
                    self.compile_expr(v);
                }
                self.emit(Op::Mapping(pairs.len() as u32));
            }
            ExprKind::Var { name, global, .. } => {
                if !*global {
                    if let Some((s, _)) = self.lookup_local(name) {
                        self.emit(Op::Local(s));
                        return;
                    }
                }
                match self.lookup_global(name) {
                    Some((g, _)) => {
                        self.emit(Op::Global(g));
                    }
                    None => self.err(e.pos, format!("undeclared identifier {name}")),
                }
            }
            ExprKind::Call {
                name,
                inherited,
                args,
                spread,
                ..
            } => {
                self.line(e.pos);
                self.compile_call(e.pos, name, inherited, args, *spread);
            }
            ExprKind::CallOther {
                obj,
                func,
                args,
                spread,
            } => {
                self.line(e.pos);
                self.compile_expr(obj);
                let c = self.const_str(func.as_bytes());
                self.emit(Op::Const(c));
                for a in args {
                    self.compile_expr(a);
                }
                self.emit(Op::CallOther(argc(args.len(), *spread)));
            }
            ExprKind::InstanceOf { obj, path } => {
                self.compile_expr(obj);
                // resolved by the parser (the driver's object_type)
                let c = self.const_str(path.as_bytes());
                self.emit(Op::InstanceOf(c));
            }
            ExprKind::Catch(inner) => {
                let cb = self.emit(Op::CatchBegin(0));
                self.nest += 1;
                self.nest_kinds.push(true);
                self.compile_expr(inner);
                self.nest_kinds.pop();
                self.nest -= 1;
                self.emit(Op::Pop);
                self.emit(Op::CatchEnd);
                self.emit(Op::Nil);
                let j = self.emit(Op::Jump(0));
                let h = self.pc();
                self.patch(cb, h);
                let end = self.pc();
                self.patch(j, end);
            }
            ExprKind::New { path, args, spread } => {
                // as DGD: `new_object("path", args...)`, resolved like any call (the
                // auto object usually redefines new_object to take a path)
                self.line(e.pos);
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(Expr::new(
                    e.pos,
                    ExprKind::Str(std::sync::Arc::from(path.as_bytes())),
                ));
                all.extend(args.iter().cloned());
                let name = FuncName::Ident(ast::Name::from("new_object"));
                self.compile_call(e.pos, &name, &None, &all, *spread);
            }
            ExprKind::FuncAddr { .. } | ExprKind::FuncExtend { .. } | ExprKind::FuncCall { .. } => {
                self.err(e.pos, "function pointers are not supported");
            }
            ExprKind::Index { base, index } => {
                self.compile_expr(base);
                let adjust = self.indexed_kfun_ticks();
                self.compile_expr(index);
                if let Some(t) = adjust {
                    self.code.push(t);
                }
                self.emit(Op::Index);
                if adjust.is_some() {
                    self.trace_index_at = Some(self.code.len());
                }
                // as DGD, an element of a typed array is checked against the
                // element type: the array may hold anything (call_trace()'s
                // arrays excepted)
                if self.cur_typed && base.ty.depth > 0 && !is_kfun_call(base, "call_trace") {
                    let mut elem = base.ty.clone();
                    elem.depth -= 1;
                    if !is_plain_mixed(&elem) && elem.class.is_none() {
                        self.check_type(&elem);
                    }
                }
            }
            ExprKind::Range { base, from, to } => {
                self.compile_expr(base);
                let mut flags = 0;
                if let Some(f) = from {
                    self.compile_expr(f);
                    flags |= 1;
                }
                if let Some(t) = to {
                    self.compile_expr(t);
                    flags |= 2;
                }
                self.emit(Op::Range(flags));
            }
            ExprKind::Unary { op, expr } => match op {
                UnOp::Neg => {
                    self.compile_expr(expr);
                    self.emit(Op::Neg);
                }
                UnOp::Not => {
                    self.compile_expr(expr);
                    self.emit(Op::Not);
                }
                UnOp::Compl => {
                    self.compile_expr(expr);
                    self.emit(Op::Compl);
                }
                UnOp::Plus => self.compile_expr(expr),
                UnOp::PreInc | UnOp::PreDec | UnOp::PostInc | UnOp::PostDec => {
                    let d: i8 = if matches!(op, UnOp::PreInc | UnOp::PostInc) {
                        1
                    } else {
                        -1
                    };
                    let post = matches!(op, UnOp::PostInc | UnOp::PostDec);
                    match self.lvalue(expr) {
                        Some(LVal::Local(s)) => {
                            self.emit(Op::IncDecLocal(s, d, post));
                        }
                        Some(LVal::Global(g)) => {
                            self.emit(Op::IncDecGlobal(g, d, post));
                        }
                        Some(lv @ LVal::Index(base, _, wb)) => {
                            self.lv_prefix(&lv);
                            if wb {
                                self.emit(Op::IncDecIndexWb(d, post));
                                self.lv_writeback(base);
                            } else {
                                self.emit(Op::IncDecIndex(d, post));
                            }
                        }
                        _ => self.err(e.pos, "bad lvalue"),
                    }
                }
            },
            ExprKind::Cast { ty, expr } => {
                self.compile_expr(expr);
                let ts = type_spec(ty);
                if ty.class.is_some() && ty.depth == 0 {
                    self.class_check(ty, &expr.ty);
                } else if *ty == ast::Type::STRING && expr.ty == ast::Type::STRING {
                    // as DGD: a string needs no conversion (and costs none)
                } else if ts.base as i32 != T_MIXED || ts.depth != 0 {
                    self.emit(Op::Cast(ts));
                }
            }
            ExprKind::Binary { op, lhs, rhs } => {
                if *op == BinOp::Add && is_sum(e) {
                    let mut terms = Vec::new();
                    sum_terms(e, &mut terms);
                    self.line(e.pos);
                    let cost = self.compile_sum(&terms, sum_of_strings(&lhs.ty), 0);
                    self.push_ticks(cost);
                    return;
                }
                self.compile_expr(lhs);
                self.compile_add_rhs(*op, lhs, rhs);
                self.line(e.pos);
                self.emit(binop(*op));
                if *op == BinOp::Add {
                    self.charge_string_conversion(lhs, rhs);
                }
            }
            ExprKind::And(a, b) => {
                self.compile_expr(a);
                let j = self.emit(Op::AndJump(0));
                self.compile_expr(b);
                self.emit(Op::Not);
                self.emit(Op::Not);
                let end = self.pc();
                self.patch(j, end);
            }
            ExprKind::Or(a, b) => {
                self.compile_expr(a);
                let j = self.emit(Op::OrJump(0));
                self.compile_expr(b);
                self.emit(Op::Not);
                self.emit(Op::Not);
                let end = self.pc();
                self.patch(j, end);
            }
            ExprKind::Cond { cond, then, els } => {
                self.compile_expr(cond);
                let j = self.emit(Op::JumpFalse(0));
                self.compile_expr(then);
                let j2 = self.emit(Op::Jump(0));
                let pc = self.pc();
                self.patch(j, pc);
                self.compile_expr(els);
                let pc = self.pc();
                self.patch(j2, pc);
            }
            ExprKind::Assign { lhs, rhs } => {
                let Some(lv) = self.lvalue(lhs) else { return };
                if let LVal::Unpack(_) = lv {
                    self.compile_expr(rhs);
                    self.lv_store(&lv);
                    return;
                }
                self.lv_prefix(&lv);
                self.compile_expr(rhs);
                self.line(e.pos);
                self.class_check(&lhs.ty, &rhs.ty);
                self.lv_store(&lv);
            }
            ExprKind::AssignOp { op, lhs, rhs } => {
                let Some(lv) = self.lvalue(lhs) else { return };
                if *op == BinOp::Add && is_sum_assign(lhs, rhs) {
                    // DGD's summand with the variable as its first term
                    let mut terms = Vec::new();
                    sum_terms(rhs, &mut terms);
                    let strings = sum_of_strings(&lhs.ty);
                    if let (LVal::Local(s), true) = (&lv, strings) {
                        // keep appending in place: sum the right side, then
                        // AddLocal (which charges a string +)
                        let s = *s;
                        let cost = self.compile_sum(&terms, strings, 0) + 1;
                        self.emit(Op::AddLocal(s));
                        self.push_ticks(cost - crate::ticks::STRING_OP);
                        return;
                    }
                    match lv {
                        LVal::Local(s) => {
                            self.emit(Op::Local(s));
                        }
                        LVal::Global(g) => {
                            self.emit(Op::Global(g));
                        }
                        LVal::Index(..) => {
                            self.lv_prefix(&lv);
                            self.emit(Op::Dup2);
                            self.emit(Op::Index);
                        }
                        LVal::Unpack(_) => return self.err(e.pos, "bad lvalue"),
                    };
                    let cost = self.compile_sum(&terms, strings, 1);
                    self.push_ticks(cost);
                    self.lv_store(&lv);
                    return;
                }
                if *op == BinOp::Add && lhs.ty == ast::Type::STRING {
                    // only the right operand is converted
                    self.charge_string_conversion(lhs, rhs);
                }
                match lv {
                    LVal::Local(s) if *op == BinOp::Add => {
                        self.compile_assign_rhs(*op, lhs, rhs);
                        self.emit(Op::AddLocal(s));
                    }
                    LVal::Local(s) => {
                        self.emit(Op::Local(s));
                        self.compile_assign_rhs(*op, lhs, rhs);
                        self.emit(binop(*op));
                        self.emit(Op::StoreLocal(s));
                    }
                    LVal::Global(g) => {
                        self.emit(Op::Global(g));
                        self.compile_assign_rhs(*op, lhs, rhs);
                        self.emit(binop(*op));
                        self.emit(Op::StoreGlobal(g));
                    }
                    LVal::Index(..) => {
                        self.lv_prefix(&lv);
                        self.emit(Op::Dup2);
                        self.emit(Op::Index);
                        self.compile_assign_rhs(*op, lhs, rhs);
                        self.emit(binop(*op));
                        self.lv_store(&lv);
                    }
                    LVal::Unpack(_) => self.err(e.pos, "bad lvalue"),
                }
            }
            ExprKind::Comma(a, b) => {
                self.compile_effect(a);
                self.compile_expr(b);
            }
            ExprKind::Error => self.err(e.pos, "syntax error"),
        }
    }

    fn compile_call(
        &mut self,
        pos: Pos,
        name: &FuncName,
        inherited: &Option<Option<ast::Name>>,
        args: &[Expr],
        spread: bool,
    ) {
        let fname = LStr::from(name.as_str());
        let nargs = argc(args.len(), spread);
        match inherited {
            Some(label) => {
                // ::f or label::f: static call into an inherited program
                let target = match label {
                    None => {
                        let mut found = None;
                        // search direct inherits from last to first, then their tables;
                        // a definition wins over an undefined prototype (DGD: a
                        // prototype in one inherit, the function in another)
                        let mut prototype = None;
                        for (_, ai, _) in self.inherits.iter().rev() {
                            let Some(p) = self.anc_prog(*ai).cloned() else {
                                continue;
                            };
                            if let Some(fr) = p.ftable.get(&fname).copied().or_else(|| {
                                p.funcs
                                    .iter()
                                    .position(|f| f.name == fname && !f.mods.private)
                                    .map(|i| FuncRef {
                                        anc: p.self_anc(),
                                        func: i as u16,
                                    })
                            }) {
                                found = self.translate(&p, fr);
                                if found
                                    .is_some_and(|fr| !self.func_def(fr).is_some_and(|f| f.defined))
                                {
                                    prototype = prototype.or(found.take());
                                }
                                if found.is_some() {
                                    break;
                                }
                            }
                        }
                        found = found.or(prototype);
                        // inherited static functions of the auto object too
                        if found.is_none() {
                            if let Some(auto) = self.inp.auto.clone() {
                                if let Some(i) =
                                    auto.funcs.iter().position(|f| f.name == fname && f.defined)
                                {
                                    if let Some(a) = self.anc_of(&auto) {
                                        found = Some(FuncRef {
                                            anc: a,
                                            func: i as u16,
                                        });
                                    }
                                }
                            }
                        }
                        found
                    }
                    Some(l) => {
                        let ll = LStr::from(&**l);
                        let inh = self
                            .inherits
                            .iter()
                            .find(|(x, _, _)| x.as_ref() == Some(&ll))
                            .map(|x| x.1);
                        match inh {
                            None => {
                                self.err(pos, format!("undefined label {l}"));
                                return;
                            }
                            Some(ai) => {
                                let p = self.anc_prog(ai).cloned();
                                p.and_then(|p| {
                                    let fr = p.ftable.get(&fname).copied().or_else(|| {
                                        p.funcs
                                            .iter()
                                            .position(|f| f.name == fname && !f.mods.private)
                                            .map(|i| FuncRef {
                                                anc: p.self_anc(),
                                                func: i as u16,
                                            })
                                    })?;
                                    self.translate(&p, fr)
                                })
                            }
                        }
                    }
                };
                match target {
                    Some(fr) => {
                        for a in args {
                            self.compile_expr(a);
                        }
                        self.emit(Op::CallStatic(fr.anc, fr.func, nargs));
                    }
                    None => {
                        // inside the auto object (or no inherited definition), `::kfun()`
                        if let Some((k, _)) = self.inp.kfuns.lookup(&fname.to_str_lossy()) {
                            self.compile_kfun_call(pos, k, &fname, args, spread);
                        } else {
                            self.err(pos, format!("undefined function ::{fname}"));
                        }
                    }
                }
            }
            None => {
                // own function?
                if let Some(&fi) = self.fn_index.get(&fname) {
                    let f = &self.funcs[fi as usize];
                    let statik = f.mods.private || f.mods.nomask;
                    for a in args {
                        self.compile_expr(a);
                    }
                    if statik {
                        let sa = self.self_anc();
                        self.emit(Op::CallStatic(sa, fi, nargs));
                    } else {
                        let s = self.call_slot(&fname);
                        self.emit(Op::Call(s, nargs));
                    }
                    return;
                }
                if let Some(fr) = self.inherited_func(&fname, pos, true) {
                    let (is_auto_static, nomask, defined) = {
                        let p = self.anc_prog(fr.anc);
                        let f = p.and_then(|p| p.funcs.get(fr.func as usize));
                        let auto = p.is_some_and(|p| p.is_auto);
                        (
                            auto && f.is_some_and(|f| f.mods.static_),
                            f.is_some_and(|f| f.mods.nomask),
                            f.is_some_and(|f| f.defined),
                        )
                    };
                    // an undefined prototype in the auto object for a kfun name is the kfun
                    if !defined {
                        if let Some((k, _)) = self.inp.kfuns.lookup(&fname.to_str_lossy()) {
                            self.compile_kfun_call(pos, k, &fname, args, spread);
                            return;
                        }
                    }
                    for a in args {
                        self.compile_expr(a);
                    }
                    if is_auto_static || nomask {
                        self.emit(Op::CallStatic(fr.anc, fr.func, nargs));
                    } else {
                        let s = self.call_slot(&fname);
                        self.emit(Op::Call(s, nargs));
                    }
                    return;
                }
                if let Some((k, _)) = self.inp.kfuns.lookup(&fname.to_str_lossy()) {
                    self.compile_kfun_call(pos, k, &fname, args, spread);
                    return;
                }
                // undeclared: virtual call resolved at link time / run time
                for a in args {
                    self.compile_expr(a);
                }
                let s = self.call_slot(&fname);
                self.emit(Op::Call(s, nargs));
            }
        }
    }

    /// Translate a FuncRef relative to inherited program `p` into our ancestors.
    fn translate(&self, p: &Rc<Program>, fr: FuncRef) -> Option<FuncRef> {
        let prog = p.anc_prog(fr.anc)?;
        let anc = self.anc_of(prog)?;
        Some(FuncRef { anc, func: fr.func })
    }

    fn compile_kfun_call(&mut self, pos: Pos, k: u16, name: &LStr, args: &[Expr], spread: bool) {
        if name.as_bytes() == b"sscanf" {
            self.compile_sscanf(pos, k, args);
            return;
        }
        if let Some((_, proto)) = self.inp.kfuns.lookup(&name.to_str_lossy()) {
            let n = args.len();
            if !spread && n < proto.min_args {
                self.err(pos, format!("too few arguments for function {name}"));
            }
            if !spread && !proto.ellipsis && n > proto.params.len() {
                self.err(pos, format!("too many arguments for function {name}"));
            }
        }
        for a in args {
            self.compile_expr(a);
        }
        self.emit(Op::Kfun(k, argc(args.len(), spread)));
    }

    /// An `Index` the compiler adds for its own plumbing: free of ticks, as
    /// DGD has no such step.
    fn emit_internal_index(&mut self) {
        self.code.push(Op::Ticks(-crate::ticks::INDEX as i16, 0));
        self.emit(Op::Index);
    }

    /// `a + b` with one operand typed string and the other not: DGD's
    /// compiler converts the other to a string first, at a cost.
    /// (A constant is converted at compile time, for free.)
    fn charge_string_conversion(&mut self, a: &Expr, b: &Expr) {
        let (sa, sb) = (a.ty == ast::Type::STRING, b.ty == ast::Type::STRING);
        let other = if sa { b } else { a };
        if sa != sb && !is_constant(other) {
            self.code.push(Op::Ticks(crate::ticks::TO_STRING as i16, 0));
        } else if sa != sb && matches!(other.kind, ExprKind::Float(_)) {
            // string + float costs a float tick at run time; DGD added strings
            self.code.push(Op::Ticks(-crate::ticks::FLOAT_OP as i16, 0));
        }
    }

    /// The terms of DGD's summand: each is pushed and added with `SumAdd`
    /// (to a first term already on the stack when `pushed` is 1). The
    /// returned cost is what DGD's sum kfun charges: a tick per term, the
    /// conversion to string of a term not typed string (in a string sum), and
    /// nothing for an aggregate or a string range among the terms.
    fn compile_sum(&mut self, terms: &[&Expr], strings: bool, pushed: usize) -> i64 {
        use crate::ticks::*;
        let mut cost = (terms.len() + pushed) as i64;
        let mut prev_literal = false;
        for (i, t) in terms.iter().enumerate() {
            self.compile_expr(t);
            if i + pushed > 0 {
                // a mixed term after a string is made a string first (an error
                // for anything but an int, a float or a string), as DGD
                if strings && self.cur_typed && t.ty.is(BaseType::Mixed) && t.ty.depth == 0 {
                    self.emit(Op::StrOperand);
                }
                self.emit(Op::SumAdd);
            }
            // DGD folds adjacent constants into one string term
            let literal = is_constant(t);
            if literal && prev_literal {
                cost -= 1;
            }
            prev_literal = literal;
            match &t.kind {
                ExprKind::Array(items) => cost -= array_aggregate(items.len()),
                ExprKind::Range { .. } if t.ty == ast::Type::STRING => cost -= STRING_OP,
                _ => {}
            }
            if strings && t.ty != ast::Type::STRING && !literal {
                cost += TO_STRING;
                if t.ty == ast::Type::FLOAT {
                    cost += FLOAT_OP;
                }
            }
        }
        cost
    }

    /// Charges `cost` ticks (a compile-time adjustment, see `crate::ticks`).
    fn push_ticks(&mut self, cost: i64) {
        if cost != 0 {
            if let Ok(c) = i16::try_from(cost) {
                self.code.push(Op::Ticks(c, 0));
            }
        }
    }

    fn compile_sscanf(&mut self, pos: Pos, k: u16, args: &[Expr]) {
        if args.len() < 2 {
            self.err(pos, "too few arguments for function sscanf");
            return;
        }
        self.compile_expr(&args[0]);
        self.compile_expr(&args[1]);
        // as DGD, the lvalues' containers and indices are evaluated left to
        // right before the call
        let lvs: Vec<Option<LVal<'_>>> = args[2..].iter().map(|a| self.lvalue(a)).collect();
        let mut prefixes = Vec::new();
        for lv in &lvs {
            let pre = match lv {
                Some(LVal::Index(base, index, false)) => {
                    self.compile_expr(base);
                    let tb = self.alloc_temp();
                    self.emit(Op::SetLocal(tb));
                    self.compile_expr(index);
                    let ti = self.alloc_temp();
                    self.emit(Op::SetLocal(ti));
                    Some((tb, ti))
                }
                _ => None,
            };
            prefixes.push(pre);
        }
        self.emit(Op::Kfun(k, 2));
        let tmp = self.alloc_temp();
        self.emit(Op::SetLocal(tmp));
        if args.len() > 2 {
            // as DGD: more results than lvalues is an error before anything is
            // assigned; then the results are stored from the last lvalue to the
            // first, each checked against its lvalue's type as it is stored
            self.emit(Op::Local(tmp));
            self.emit(Op::SscanfLimit((args.len() - 2) as u16));
        }
        for (i, (a, lv)) in args[2..].iter().zip(&lvs).enumerate().rev() {
            let Some(lv) = lv else { continue };
            self.emit(Op::Local(tmp));
            self.emit(Op::Sscanf(i as u16 + 1));
            let j = self.emit(Op::JumpFalse(0));
            match prefixes.get(i).copied().flatten() {
                Some((tb, ti)) => {
                    self.emit(Op::Local(tb));
                    self.emit(Op::Local(ti));
                }
                None => self.lv_prefix(lv),
            }
            self.emit(Op::Local(tmp));
            self.emit(Op::Int(i as i32 + 1));
            self.emit_internal_index();
            let t = type_spec(&a.ty);
            if t.base as i32 != T_MIXED || t.depth != 0 {
                self.emit(Op::CheckType(t));
            }
            self.lv_store(lv);
            self.emit(Op::Pop);
            let end = self.pc();
            self.patch(j, end);
        }
        self.emit(Op::Local(tmp));
        self.emit(Op::Int(0));
        self.emit_internal_index();
    }
}

fn self_inherits(ancestors: &[Ancestor], b: u16, a: u16) -> bool {
    let (Some(pb), Some(pa)) = (ancestors.get(b as usize), ancestors.get(a as usize)) else {
        return false;
    };
    pb.prog
        .ancestors
        .iter()
        .any(|x| Rc::ptr_eq(&x.prog, &pa.prog))
}

/// Comparison kind of a compare op, for fused compare-and-jump instructions.
fn cmp_code(op: Op) -> Option<u8> {
    Some(match op {
        Op::Lt => 0,
        Op::Gt => 1,
        Op::Le => 2,
        Op::Ge => 3,
        Op::Eq => 4,
        Op::Ne => 5,
        _ => return None,
    })
}

fn argc(n: usize, spread: bool) -> u8 {
    (n.min(127) as u8) | if spread { SPREAD } else { 0 }
}

fn binop(op: BinOp) -> Op {
    match op {
        BinOp::Mul => Op::Mul,
        BinOp::Div => Op::Div,
        BinOp::Mod => Op::Mod,
        BinOp::Add => Op::Add,
        BinOp::Sub => Op::Sub,
        BinOp::Shl => Op::Shl,
        BinOp::Shr => Op::Shr,
        BinOp::Lt => Op::Lt,
        BinOp::Gt => Op::Gt,
        BinOp::Le => Op::Le,
        BinOp::Ge => Op::Ge,
        BinOp::Eq => Op::Eq,
        BinOp::Ne => Op::Ne,
        BinOp::And => Op::And,
        BinOp::Xor => Op::Xor,
        BinOp::Or => Op::Or,
    }
}

/// Minimal constant evaluation for case labels (typecheck usually folded them).
fn const_eval(e: &Expr) -> Option<Value> {
    match &e.kind {
        ExprKind::Int(i) => Some(Value::Int(*i)),
        ExprKind::Str(s) => Some(Value::bytes(s)),
        ExprKind::Nil => Some(Value::Nil),
        ExprKind::Unary {
            op: UnOp::Neg,
            expr,
        } => match const_eval(expr)? {
            Value::Int(i) => Some(Value::Int(i.wrapping_neg())),
            _ => None,
        },
        ExprKind::Unary {
            op: UnOp::Compl,
            expr,
        } => match const_eval(expr)? {
            Value::Int(i) => Some(Value::Int(!i)),
            _ => None,
        },
        ExprKind::Binary { op, lhs, rhs } => {
            let (Value::Int(a), Value::Int(b)) = (const_eval(lhs)?, const_eval(rhs)?) else {
                return None;
            };
            Some(Value::Int(match op {
                BinOp::Add => a.wrapping_add(b),
                BinOp::Sub => a.wrapping_sub(b),
                BinOp::Mul => a.wrapping_mul(b),
                BinOp::Div if b != 0 => a.wrapping_div(b),
                BinOp::Mod if b != 0 => a.wrapping_rem(b),
                BinOp::Shl => {
                    if (0..32).contains(&b) {
                        a.wrapping_shl(b as u32)
                    } else {
                        0
                    }
                }
                BinOp::Shr => {
                    if (0..32).contains(&b) {
                        ((a as u32) >> b) as i32
                    } else {
                        0
                    }
                }
                BinOp::And => a & b,
                BinOp::Or => a | b,
                BinOp::Xor => a ^ b,
                _ => return None,
            }))
        }
        _ => None,
    }
}

/// Case labels of a switch body in source order, not descending into nested switches.
fn collect_cases<'e>(stmts: &'e [Stmt], out: &mut Vec<(&'e Expr, Option<&'e Expr>)>) {
    for s in stmts {
        collect_case_stmt(s, out);
    }
}

fn collect_case_stmt<'e>(s: &'e Stmt, out: &mut Vec<(&'e Expr, Option<&'e Expr>)>) {
    match &s.kind {
        StmtKind::Case { lo, hi, .. } => out.push((lo, hi.as_ref())),
        StmtKind::Block(b) => collect_cases(&b.stmts, out),
        StmtKind::If { then, els, .. } => {
            collect_case_stmt(then, out);
            if let Some(e) = els {
                collect_case_stmt(e, out);
            }
        }
        StmtKind::While { body, .. }
        | StmtKind::DoWhile { body, .. }
        | StmtKind::For { body, .. } => collect_case_stmt(body, out),
        StmtKind::Labeled { stmt, .. } => collect_case_stmt(stmt, out),
        StmtKind::Rlimits { body, .. } | StmtKind::Catch { body, .. } => {
            collect_cases(&body.stmts, out)
        }
        _ => {}
    }
}

/// A copy of the switch body where each case label's id is its source-order index.
fn renumber_cases(b: &ast::Block, n: &mut u32) -> ast::Block {
    ast::Block {
        pos: b.pos,
        locals: b.locals.clone(),
        stmts: b.stmts.iter().map(|s| renumber_stmt(s, n)).collect(),
    }
}

fn renumber_stmt(s: &Stmt, n: &mut u32) -> Stmt {
    let kind = match &s.kind {
        StmtKind::Case { lo, hi, .. } => {
            let id = *n;
            *n += 1;
            StmtKind::Case {
                lo: lo.clone(),
                hi: hi.clone(),
                id,
            }
        }
        StmtKind::Block(b) => StmtKind::Block(renumber_cases(b, n)),
        StmtKind::If { cond, then, els } => StmtKind::If {
            cond: cond.clone(),
            then: Box::new(renumber_stmt(then, n)),
            els: els.as_ref().map(|e| Box::new(renumber_stmt(e, n))),
        },
        StmtKind::While { cond, body } => StmtKind::While {
            cond: cond.clone(),
            body: Box::new(renumber_stmt(body, n)),
        },
        StmtKind::DoWhile { body, cond } => StmtKind::DoWhile {
            body: Box::new(renumber_stmt(body, n)),
            cond: cond.clone(),
        },
        StmtKind::For {
            init,
            cond,
            step,
            body,
        } => StmtKind::For {
            init: init.clone(),
            cond: cond.clone(),
            step: step.clone(),
            body: Box::new(renumber_stmt(body, n)),
        },
        StmtKind::Labeled { label, stmt } => StmtKind::Labeled {
            label: label.clone(),
            stmt: Box::new(renumber_stmt(stmt, n)),
        },
        StmtKind::Rlimits { depth, ticks, body } => StmtKind::Rlimits {
            depth: depth.clone(),
            ticks: ticks.clone(),
            body: renumber_cases(body, n),
        },
        StmtKind::Catch { body, handler } => StmtKind::Catch {
            body: renumber_cases(body, n),
            handler: handler.clone(),
        },
        other => other.clone(),
    };
    Stmt { pos: s.pos, kind }
}

/// For each ancestor (and self) of `prog`, how its code runs inside `prog`.
pub fn compute_links(
    prog: &Program,
    vtable: &HashMap<LStr, FuncRef>,
    kfuns: &KfunRegistry,
) -> Vec<Link> {
    let nanc = prog.ancestors.len();
    let mut links = Vec::with_capacity(nanc + 1);
    // offsets of each ancestor in prog's layout
    let own_off: u32 = prog
        .ancestors
        .iter()
        .map(|a| a.prog.vars.len() as u32)
        .sum();
    let offset_of = |p: &Rc<Program>| -> Option<u32> {
        prog.ancestors
            .iter()
            .find(|a| Rc::ptr_eq(&a.prog, p))
            .map(|a| a.var_offset)
    };
    let anc_index = |p: &Rc<Program>| -> Option<u16> {
        prog.ancestors
            .iter()
            .position(|a| Rc::ptr_eq(&a.prog, p))
            .map(|i| i as u16)
    };
    let resolve = |name: &LStr| -> CallTarget {
        match vtable.get(name) {
            Some(fr) => {
                let f = if (fr.anc as usize) < nanc {
                    prog.ancestors[fr.anc as usize]
                        .prog
                        .funcs
                        .get(fr.func as usize)
                } else {
                    prog.funcs.get(fr.func as usize)
                };
                if f.is_some_and(|f| f.defined) {
                    CallTarget::Func(*fr)
                } else if let Some((k, _)) = kfuns.lookup(&name.to_str_lossy()) {
                    CallTarget::Kfun(k)
                } else {
                    CallTarget::Undefined
                }
            }
            None => match kfuns.lookup(&name.to_str_lossy()) {
                Some((k, _)) => CallTarget::Kfun(k),
                None => CallTarget::Undefined,
            },
        }
    };
    for a in prog.ancestors.iter() {
        let p = &a.prog;
        // p's layout: p.ancestors' vars then p's own
        let mut var_map = Vec::with_capacity(p.nvars as usize);
        for pa in &p.ancestors {
            let base = offset_of(&pa.prog).unwrap_or(0);
            for vi in 0..pa.prog.vars.len() as u32 {
                var_map.push(base + vi);
            }
        }
        let base = a.var_offset;
        for vi in 0..p.vars.len() as u32 {
            var_map.push(base + vi);
        }
        let call_map = p.call_slots.iter().map(&resolve).collect();
        let mut anc_map: Vec<u16> = p
            .ancestors
            .iter()
            .map(|pa| anc_index(&pa.prog).unwrap_or(0))
            .collect();
        anc_map.push(anc_index(p).unwrap_or(0));
        links.push(Link {
            var_map,
            call_map,
            anc_map,
        });
    }
    // self
    let var_map: Vec<u32> = (0..prog.nvars).collect();
    let _ = own_off;
    let call_map = prog.call_slots.iter().map(&resolve).collect();
    let anc_map: Vec<u16> = (0..=nanc as u16).collect();
    links.push(Link {
        var_map,
        call_map,
        anc_map,
    });
    links
}

/// A loop condition that is a non-zero integer constant (`while (1)`): DGD
/// compiles such a loop as one without a condition.
fn always_true(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Int(i) if i != 0)
}

/// Is `t` a type DGD's summand applies to: string, or an array?
fn summable(t: &ast::Type) -> bool {
    *t == ast::Type::STRING || t.depth > 0
}

/// A string (rather than an array) sum.
fn sum_of_strings(t: &ast::Type) -> bool {
    *t == ast::Type::STRING
}

/// Does DGD compile the addition `e` to its summand kfun? When the left
/// operand is typed string or array and the addition has more than two
/// terms, or an aggregate or a range among them.
fn is_sum(e: &Expr) -> bool {
    let ExprKind::Binary {
        op: BinOp::Add,
        lhs,
        rhs,
    } = &e.kind
    else {
        return false;
    };
    summable(&lhs.ty)
        && (is_sum(lhs)
            || reassociates(lhs, rhs)
            || matches!(lhs.kind, ExprKind::Binary { op: BinOp::Add, .. })
            || matches!(lhs.kind, ExprKind::Array(_) | ExprKind::Range { .. })
            || matches!(rhs.kind, ExprKind::Array(_) | ExprKind::Range { .. }))
}

/// Does DGD compile `lhs += rhs` to its summand kfun?
fn is_sum_assign(lhs: &Expr, rhs: &Expr) -> bool {
    summable(&lhs.ty)
        && (summable(&rhs.ty) || matches!(rhs.kind, ExprKind::Range { .. }))
        && matches!(
            rhs.kind,
            ExprKind::Binary { op: BinOp::Add, .. } | ExprKind::Array(_) | ExprKind::Range { .. }
        )
}

/// The terms of an addition chain DGD sums: the left operands while they are
/// additions of a summable type, then each right operand.
fn sum_terms<'a>(e: &'a Expr, out: &mut Vec<&'a Expr>) {
    match &e.kind {
        ExprKind::Binary {
            op: BinOp::Add,
            lhs,
            rhs,
        } if summable(&lhs.ty) => {
            sum_terms(lhs, out);
            match &rhs.kind {
                ExprKind::Binary {
                    op: BinOp::Add,
                    lhs: l2,
                    rhs: r2,
                } if reassociates(lhs, rhs) => {
                    out.push(l2);
                    out.push(r2);
                }
                _ => out.push(rhs),
            }
        }
        _ => out.push(e),
    }
}

/// A jump to a return is the return itself (`c ? a : b` as a function's result):
/// one instruction less on the way out. Only the jump changes; every pc stays.
fn thread_jumps(code: &mut [Op]) {
    for i in 0..code.len() {
        if let Op::Jump(t) = code[i] {
            if let Some(&r @ (Op::Return | Op::ReturnNil)) = code.get(t as usize) {
                code[i] = r;
            }
        }
    }
}

/// `a + (b + c)` of one summable type: DGD adds it as `(a + b) + c`.
fn reassociates(lhs: &Expr, rhs: &Expr) -> bool {
    matches!(rhs.kind, ExprKind::Binary { op: BinOp::Add, .. })
        && rhs.ty == lhs.ty
        && summable(&lhs.ty)
}

/// A constant operand: DGD's compiler turns it into a string at no cost.
fn is_constant(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Str(_) | ExprKind::Int(_) | ExprKind::Float(_)
    )
}
