//! Semantic checks and typing of a parsed program (typechecking 0, 1 and 2),
//! with constant folding, following DGD's compiler.
//!
//! [`check`] fills every [`Expr::ty`], resolves variables to frame slots or
//! globals, numbers locals, builds switch tables, folds constant expressions
//! and reports DGD's diagnostics. Inherited programs are seen through their
//! [`ProgramInfo`] (what an inheriting program may see: functions and
//! variables), obtained from an [`InheritResolver`]; kfun signatures come from
//! a [`KfunTable`]. A function with a declared type is always typechecked; an
//! untyped one only when the configured level is above 0. At level 2, `nil`
//! is its own type and not 0; below it `nil` is the int 0.

use crate::ast::*;
use crate::lex::{Diagnostic, FxHashMap};
use crate::preprocess::{dir_of, normalize_path};
use std::sync::Arc;

/// DGD's limit on the functions (and prototypes) one program declares.
const MAX_FUNCTIONS: usize = 255;
/// DGD's limit on the programs one program inherits (directly or not).
const MAX_INHERITS: usize = 255;
/// DGD's limit on the variables one program declares.
const MAX_VARIABLES: usize = 255;

/// A function signature (of a kfun or an LPC function).
#[derive(Clone, Debug, PartialEq)]
pub struct Signature {
    /// Return type.
    pub ret: Type,
    /// Parameter types; for an ellipsis function the last one is the element
    /// type of the collected arguments.
    pub params: Vec<Type>,
    /// Required arguments.
    pub min_args: usize,
    /// The last parameter takes any number of arguments.
    pub ellipsis: bool,
    /// Argument types are checked at compile time (DGD: typed function with a
    /// non-mixed parameter, and every kfun).
    pub typechecked: bool,
    /// Arguments from this index on are lvalues (`sscanf`).
    pub lvalue_from: Option<usize>,
}

/// Kfun signatures for the typechecker.
pub trait KfunTable {
    /// The signature of kfun `name`, if there is one.
    fn kfun(&self, name: &str) -> Option<Signature>;
}

/// A function visible to inheritors.
#[derive(Clone, Debug)]
pub struct FuncInfo {
    /// Name (`operator+` for operators).
    pub name: Name,
    /// Signature.
    pub sig: Signature,
    /// Modifiers.
    pub mods: Modifiers,
    /// Has a body (else only a prototype).
    pub defined: bool,
    /// Path of the program that declares it.
    pub origin: Arc<str>,
}

/// A global variable visible to inheritors.
#[derive(Clone, Debug)]
pub struct VarInfo {
    /// Name.
    pub name: Name,
    /// Type.
    pub ty: Type,
    /// Modifiers.
    pub mods: Modifiers,
    /// Path of the program that declares it.
    pub origin: Arc<str>,
}

/// What a program shows to programs inheriting it.
#[derive(Clone, Debug, Default)]
pub struct ProgramInfo {
    /// Program path (without `.c`).
    pub path: Arc<str>,
    /// Functions callable from inheritors (own and inherited, not private).
    pub functions: Vec<FuncInfo>,
    /// Variables accessible from inheritors.
    pub variables: Vec<VarInfo>,
    /// Paths of every program inherited, directly or not.
    pub inherits: Vec<Arc<str>>,
}

/// Provides inherited programs.
pub trait InheritResolver {
    /// The interface of the program at `path` (absolute, no `.c`), compiling it
    /// if needed, or a message why it cannot be inherited.
    fn inherit(&mut self, from: &str, path: &str) -> Result<Arc<ProgramInfo>, String>;
}

/// Typechecker settings (from the driver config).
#[derive(Clone, Debug, Default)]
pub struct TcOptions {
    /// `typechecking`: 0, 1 or 2.
    pub typechecking: u8,
    /// `auto_object` path (inherited implicitly), without `.c`.
    pub auto_object: Option<String>,
    /// `driver_object` path, without `.c`.
    pub driver_object: Option<String>,
}

/// Max locals (parameters + locals) of a function.
pub const MAX_LOCALS: usize = 127;
/// Max diagnostics reported by the typechecker per program.
const MAX_DIAGS: usize = 64;

/// Strips `.c` and normalises an object path relative to `from`'s directory.
/// A path starting with `~` is kept (normalised after the `~`): its meaning is
/// the mudlib's (see [`crate::preprocess::expand_home`]).
pub fn object_path(from: &str, path: &str) -> String {
    let p = match path.strip_prefix('~') {
        Some(rest) => format!("~{}", normalize_path("/", rest)),
        None => normalize_path(dir_of(from), path),
    };
    match p.strip_suffix(".c") {
        Some(s) => s.to_string(),
        None => p,
    }
}

/// Checks `prog` (the program at `path`, without `.c`) in place; returns its
/// interface for inheritors and the diagnostics.
pub fn check(
    prog: &mut Program,
    path: &str,
    opts: &TcOptions,
    inh: &mut dyn InheritResolver,
    kfuns: &dyn KfunTable,
) -> (ProgramInfo, Vec<Diagnostic>) {
    let path_c = object_path("/", path);
    let mut c = Checker {
        files: prog.files.clone(),
        diags: Vec::new(),
        level: opts.typechecking,
        kfuns,
        path: Arc::from(path_c.as_str()),
        funcs: FxHashMap::default(),
        inh_funcs: FxHashMap::default(),
        vars: FxHashMap::default(),
        own_vars: Vec::new(),
        inherits: Vec::new(),
        is_auto: false,
        f: FnState::default(),
        all_inherits: Vec::new(),
    };
    let auto = opts.auto_object.as_deref().map(|a| object_path("/", a));
    let driver = opts.driver_object.as_deref().map(|a| object_path("/", a));
    c.is_auto = auto.as_deref() == Some(path_c.as_str());
    let is_driver = driver.as_deref() == Some(path_c.as_str());
    // implicit auto object
    if let Some(a) = &auto {
        if !c.is_auto && !is_driver {
            match inh.inherit(&path_c, a) {
                Ok(info) => c.add_inherit(None, false, info, Pos::default()),
                Err(m) => c.error(Pos::default(), m),
            }
        }
    }
    let inherits = prog.inherits.clone();
    for i in &inherits {
        let p = object_path(&path_c, &i.path);
        if Some(p.as_str()) == auto.as_deref() {
            if c.is_auto {
                c.error(i.pos, "cannot inherit from auto object");
            }
            // already inherited implicitly; a label still refers to it
            if let Some(l) = &i.label {
                let info = c.inherits.first().map(|x| x.1.clone());
                if let Some(info) = info {
                    c.inherits.push((Some(l.clone()), info));
                }
            }
            continue;
        }
        if Some(p.as_str()) == driver.as_deref() {
            c.error(i.pos, "illegal to inherit driver object");
            continue;
        }
        if is_driver {
            c.error(i.pos, "illegal inherit from driver object");
            continue;
        }
        if i.label.is_some()
            && c.inherits
                .iter()
                .any(|(l, _)| l.as_deref() == i.label.as_deref())
        {
            c.error(
                i.pos,
                format!(
                    "redeclaration of label {}",
                    i.label.as_deref().unwrap_or("")
                ),
            );
        }
        match inh.inherit(&path_c, &p) {
            Ok(info) => c.add_inherit(i.label.clone(), i.private, info, i.pos),
            Err(m) => c.error(i.pos, m),
        }
    }
    c.inh_funcs = c.funcs.clone();
    for d in prog.decls.iter_mut() {
        if c.diags.len() >= MAX_DIAGS {
            break;
        }
        match d {
            Decl::Var(v) => c.global_var(v),
            Decl::Func(f) => c.function(f),
        }
    }
    // functions defined in several inherited programs and not redefined
    let mut clashes: Vec<(Name, Arc<str>, Arc<str>)> = c
        .funcs
        .values()
        .filter(|f| !f.own)
        .filter_map(|f| {
            f.clash
                .as_ref()
                .map(|(a, b)| (f.info.name.clone(), a.clone(), b.clone()))
        })
        .collect();
    if !clashes.is_empty() {
        clashes.sort();
        let end = prog.end;
        c.error(end, "inherited multiple instances of:");
        for (n, a, b) in clashes {
            c.error(end, format!("  {n} ({a}, {b})"));
        }
    }
    // private prototypes that were never defined
    let mut undef: Vec<&str> = c
        .funcs
        .values()
        .filter(|f| f.own && f.info.mods.private && !f.info.defined)
        .map(|f| &*f.info.name)
        .collect();
    if !undef.is_empty() {
        undef.sort();
        let undef: Vec<String> = undef.iter().map(|s| s.to_string()).collect();
        c.error(prog.end, "undefined private functions:");
        for u in undef {
            c.error(prog.end, format!("  {u}"));
        }
    }
    let info = c.interface();
    (info, c.diags)
}

#[derive(Clone, Debug)]
struct FuncEntry {
    info: FuncInfo,
    /// Programs inherited by the program this entry came through.
    via: Option<Arc<ProgramInfo>>,
    /// Declared in this program.
    own: bool,
    /// Several inherited programs define it differently.
    ambiguous: bool,
    /// Two of those definitions were not privately inherited: an error unless
    /// this program redefines the function.
    clash: Option<(Arc<str>, Arc<str>)>,
}

/// Labels declared in a block so far, and its gotos.
type LabelFrame = (Vec<Name>, Vec<(Name, Pos)>);

#[derive(Default)]
struct FnState {
    tc: bool,
    ret: Type,
    scopes: Vec<Vec<(Name, Type, u16)>>,
    nparams: usize,
    next_slot: usize,
    max_slot: usize,
    loops: u32,
    breakable: u32,
    /// Open switches: (case entries, default seen, kind seen: 0 none 1 int 2 string, guard depth at switch)
    switches: Vec<SwitchCtx>,
    guards: u32,
    /// Per open block: its labels so far and its gotos (DGD resolves a goto
    /// when its block closes, against the labels of that block and the blocks
    /// around it).
    label_frames: Vec<LabelFrame>,
    /// The closing brace of the function.
    fn_end: Pos,
    /// Frame slots of live `catch (e)` variables (read-only).
    readonly: Vec<u16>,
}

struct SwitchCtx {
    entries: Vec<SwitchEntry>,
    has_default: bool,
    kind: u8,
    guards: u32,
}

struct Checker<'k> {
    files: Vec<Arc<str>>,
    diags: Vec<Diagnostic>,
    level: u8,
    kfuns: &'k dyn KfunTable,
    path: Arc<str>,
    funcs: FxHashMap<Name, FuncEntry>,
    /// Inherited functions only (for `::f`).
    inh_funcs: FxHashMap<Name, FuncEntry>,
    vars: FxHashMap<Name, VarInfo>,
    own_vars: Vec<VarInfo>,
    /// (label, interface) of each inherited program; the auto object first.
    inherits: Vec<(Option<Name>, Arc<ProgramInfo>)>,
    is_auto: bool,
    f: FnState,
    all_inherits: Vec<Arc<str>>,
}

fn is_pointer(t: &Type) -> bool {
    // DGD: T_POINTER(t) = t >= T_STRING
    t.depth > 0
        || matches!(
            t.base,
            BaseType::String
                | BaseType::Object
                | BaseType::Mapping
                | BaseType::Mixed
                | BaseType::Unknown
        )
}

fn is_arith(t: &Type) -> bool {
    t.depth == 0 && matches!(t.base, BaseType::Int | BaseType::Float | BaseType::Nil)
}

fn is_arithstr(t: &Type) -> bool {
    t.depth == 0
        && matches!(
            t.base,
            BaseType::Int | BaseType::Float | BaseType::Nil | BaseType::String
        )
}

fn is_obj(t: &Type) -> bool {
    t.depth == 0 && t.base == BaseType::Object
}

fn strip_class(t: &Type) -> Type {
    Type {
        base: t.base,
        depth: t.depth,
        class: None,
    }
}

fn norm(t: &Type) -> Type {
    if t.base == BaseType::Unknown {
        Type {
            base: BaseType::Mixed,
            depth: t.depth,
            class: None,
        }
    } else {
        t.clone()
    }
}

/// DGD's `matchType`: the combined type of two compatible types, `None` if incompatible.
pub fn match_type(a: &Type, b: &Type) -> Option<Type> {
    let a = norm(a);
    let b = norm(b);
    if a.is(BaseType::Nil) || b.is(BaseType::Nil) {
        return None;
    }
    if a == b {
        return Some(a);
    }
    let a = strip_class(&a);
    let b = strip_class(&b);
    if a == b {
        return Some(a);
    }
    if a.is(BaseType::Void) || b.is(BaseType::Void) {
        return None;
    }
    if a.base == BaseType::Mixed && a.depth <= b.depth {
        if a.depth == 0 && b.depth != 0 {
            return Some(a.array_of(1));
        }
        return Some(a);
    }
    if b.base == BaseType::Mixed && b.depth <= a.depth {
        if b.depth == 0 && a.depth != 0 {
            return Some(b.array_of(1));
        }
        return Some(b);
    }
    None
}

fn is_const(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) | ExprKind::Nil
    )
}

fn take(e: &mut Expr) -> Expr {
    std::mem::replace(e, Expr::new(e.pos, ExprKind::Error))
}

/// DGD's float to int conversion: round to nearest, halves away from zero.
fn ftoi(f: f64) -> Option<i32> {
    let r = f.round();
    if (-2147483648.0..=2147483647.0).contains(&r) {
        Some(r as i32)
    } else {
        None
    }
}

fn fold_float(f: f64) -> Option<f64> {
    crate::lex::round_float(f)
}

/// Parses an int from a whole string as DGD's `(int)` of a string constant.
fn str_to_int(s: &[u8]) -> Option<i32> {
    let t = std::str::from_utf8(s).ok()?;
    let (neg, digits) = match t.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, t),
    };
    if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut v: i64 = 0;
    for c in digits.bytes() {
        v = v * 10 + (c - b'0') as i64;
        if v > 1 << 32 {
            return None;
        }
    }
    let v = if neg { -v } else { v };
    i32::try_from(v).ok()
}

impl<'k> Checker<'k> {
    fn error(&mut self, pos: Pos, msg: impl Into<String>) {
        if self.diags.len() >= MAX_DIAGS {
            return;
        }
        let file = self
            .files
            .get(pos.file as usize)
            .cloned()
            .unwrap_or_else(|| self.path.clone());
        self.diags.push(Diagnostic {
            file,
            line: pos.line,
            message: msg.into(),
        });
    }

    fn tc(&self) -> bool {
        self.f.tc
    }

    fn strict(&self) -> bool {
        self.level >= 2
    }

    // ---- inheritance and declarations ----

    fn add_inherit(
        &mut self,
        label: Option<Name>,
        private: bool,
        info: Arc<ProgramInfo>,
        pos: Pos,
    ) {
        let before = self.all_inherits.len();
        if !self.all_inherits.contains(&info.path) {
            self.all_inherits.push(info.path.clone());
        }
        for p in &info.inherits {
            if !self.all_inherits.contains(p) {
                self.all_inherits.push(p.clone());
            }
        }
        if before < MAX_INHERITS && self.all_inherits.len() >= MAX_INHERITS {
            // as DGD: fewer than 255 programs (inherited directly or not)
            self.error(pos, "too many objects inherited");
        }
        for v in &info.variables {
            if let Some(old) = self.vars.get(&v.name) {
                if old.origin != v.origin {
                    let msg = format!(
                        "multiple inheritance of variable {} ({}, {})",
                        v.name, old.origin, v.origin
                    );
                    self.error(pos, msg);
                }
                continue;
            }
            let mut v = v.clone();
            if private {
                v.mods.private = true;
            }
            self.vars.insert(v.name.clone(), v);
        }
        for f in &info.functions {
            let mut fi = f.clone();
            if private {
                fi.mods.private = true;
                fi.mods.static_ = true;
            }
            match self.funcs.get_mut(&f.name) {
                None => {
                    self.funcs.insert(
                        f.name.clone(),
                        FuncEntry {
                            info: fi,
                            via: Some(info.clone()),
                            own: false,
                            ambiguous: false,
                            clash: None,
                        },
                    );
                }
                Some(old) => {
                    if old.info.origin == fi.origin {
                        continue;
                    }
                    // an override in a program that inherits the other definition wins
                    if info.inherits.contains(&old.info.origin) {
                        old.info = fi;
                        old.via = Some(info.clone());
                        old.ambiguous = false;
                        old.clash = None;
                        continue;
                    }
                    if old
                        .via
                        .as_ref()
                        .is_some_and(|v| v.inherits.contains(&fi.origin))
                    {
                        continue;
                    }
                    // a definition overrides a prototype; two definitions from
                    // different programs are ambiguous unless one inherits the other
                    if !old.info.defined && fi.defined {
                        old.info = fi;
                        old.ambiguous = false;
                        old.clash = None;
                    } else if old.info.defined && fi.defined {
                        let msg = (old.info.mods.nomask || fi.mods.nomask).then(|| {
                            format!(
                                "multiple inheritance of nomask function {} ({}, {})",
                                f.name, old.info.origin, fi.origin
                            )
                        });
                        old.ambiguous = true;
                        if !old.info.mods.private && !fi.mods.private && old.clash.is_none() {
                            old.clash = Some((fi.origin.clone(), old.info.origin.clone()));
                        }
                        if let Some(msg) = msg {
                            self.error(pos, msg);
                        }
                    }
                }
            }
        }
        self.inherits.push((label, info));
    }

    fn global_var(&mut self, v: &mut VarDecl) {
        if v.ty.is(BaseType::Void) || (v.ty.base == BaseType::Void) {
            let msg = format!("invalid type for variable {} ({})", v.name, v.ty.name());
            self.error(v.pos, msg);
            v.ty = Type::MIXED;
        }
        if v.mods.atomic || v.mods.nomask || v.mods.varargs {
            let msg = format!("invalid class for variable {}", v.name);
            self.error(v.pos, msg);
        }
        if self.own_vars.len() >= MAX_VARIABLES {
            // as DGD: at most 255 variables per program
            self.error(v.pos, "too many variables declared");
            return;
        }
        if self.own_vars.iter().any(|o| o.name == v.name) {
            let msg = format!("redeclaration of variable {}", v.name);
            self.error(v.pos, msg);
            return;
        }
        if let Some(old) = self.vars.get(&v.name) {
            if !old.mods.private {
                let msg = format!("redeclaration of variable {} ({})", v.name, old.origin);
                self.error(v.pos, msg);
            }
        }
        let info = VarInfo {
            name: v.name.clone(),
            ty: v.ty.clone(),
            mods: v.mods,
            origin: self.path.clone(),
        };
        self.own_vars.push(info.clone());
        self.vars.insert(v.name.clone(), info);
    }

    /// The signature of a declared function; reports declaration errors.
    fn signature(&mut self, f: &mut FuncDecl, tc: bool) -> Signature {
        let fname = f.name.as_str();
        if f.mods.private && f.mods.nomask {
            self.error(f.pos, "private contradicts nomask");
        }
        let mut varargs = false;
        if f.mods.varargs {
            if self.strict() {
                self.error(f.pos, "varargs must be in parameter list");
            }
            varargs = true;
        }
        if f.ret.base == BaseType::Void && f.ret.depth > 0 {
            let msg = format!("invalid type for function {} ({})", fname, f.ret.name());
            self.error(f.pos, msg);
            f.ret = Type::MIXED;
        }
        if f.params.len() > MAX_LOCALS {
            let msg = format!("too many parameters in function {fname}");
            self.error(f.pos, msg);
        }
        let mut params = Vec::with_capacity(f.params.len());
        let mut min_args = 0;
        let mut typechecked = false;
        let n = f.params.len();
        for (i, p) in f.params.iter_mut().enumerate() {
            if p.ty.is(BaseType::Nil) {
                if tc {
                    let msg = format!("missing type for parameter {}", p.name);
                    self.error(p.pos, msg);
                }
                p.ty = Type::MIXED;
            } else if p.ty.base == BaseType::Void {
                let msg = format!("invalid type for parameter {} ({})", p.name, p.ty.name());
                self.error(p.pos, msg);
                p.ty = Type::MIXED;
            } else if tc && !p.ty.is(BaseType::Mixed) {
                typechecked = true;
            }
            if p.varargs {
                if varargs {
                    let msg = format!("extra varargs for parameter {}", p.name);
                    self.error(p.pos, msg);
                }
                varargs = true;
            }
            let last_ellipsis = f.ellipsis && i + 1 == n;
            if last_ellipsis {
                varargs = true;
                if p.ty.depth >= Type::MAX_DEPTH {
                    let msg = format!("too deep indirection for parameter {}", p.name);
                    self.error(p.pos, msg);
                }
                params.push(p.ty.clone());
                // the parameter itself holds an array of the rest
                p.ty = p.ty.array_of(1);
            } else {
                params.push(p.ty.clone());
            }
            if !varargs {
                min_args += 1;
            }
        }
        Signature {
            ret: if f.untyped {
                if tc {
                    Type::VOID
                } else {
                    Type::MIXED
                }
            } else {
                f.ret.clone()
            },
            params,
            min_args,
            ellipsis: f.ellipsis,
            typechecked,
            lvalue_from: None,
        }
    }

    fn function(&mut self, f: &mut FuncDecl) {
        let tc = !f.untyped || self.level > 0;
        if f.untyped {
            f.ret = if tc { Type::VOID } else { Type::NIL };
        }
        let sig = self.signature(f, tc);
        let name: Name = match &f.name {
            FuncName::Ident(n) => n.clone(),
            FuncName::Operator(_) => Arc::from(f.name.as_str().as_str()),
        };
        let defined = f.body.is_some();
        let info = FuncInfo {
            name: name.clone(),
            sig: sig.clone(),
            mods: f.mods,
            defined,
            origin: self.path.clone(),
        };
        let is_own = self.funcs.get(&name).is_some_and(|e| e.own);
        if !is_own && self.funcs.values().filter(|e| e.own).count() >= MAX_FUNCTIONS {
            // as DGD: at most 255 functions (and prototypes) per program
            self.error(f.pos, "too many functions declared");
            return;
        }
        match self.funcs.get(&name).cloned() {
            Some(old) if old.own => {
                if old.info.defined && defined {
                    self.error(f.pos, format!("multiple declaration of function {name}"));
                } else if old.info.sig.ret != sig.ret
                    || old.info.sig.params != sig.params
                    || old.info.sig.ellipsis != sig.ellipsis
                    || old.info.sig.min_args != sig.min_args
                {
                    if defined || old.info.defined {
                        self.error(
                            f.pos,
                            format!("declaration does not match prototype of {name}"),
                        );
                    } else {
                        self.error(f.pos, format!("unequal prototypes for function {name}"));
                    }
                }
                let mut e = FuncEntry {
                    info,
                    via: None,
                    own: true,
                    ambiguous: false,
                    clash: None,
                };
                e.info.defined |= old.info.defined;
                self.funcs.insert(name.clone(), e);
            }
            Some(old) => {
                if old.info.mods.nomask && old.info.defined {
                    let msg = format!(
                        "redeclaration of nomask function {} ({})",
                        name, old.info.origin
                    );
                    self.error(f.pos, msg);
                }
                self.funcs.insert(
                    name.clone(),
                    FuncEntry {
                        info,
                        via: None,
                        own: true,
                        ambiguous: false,
                        clash: None,
                    },
                );
            }
            None => {
                self.funcs.insert(
                    name.clone(),
                    FuncEntry {
                        info,
                        via: None,
                        own: true,
                        ambiguous: false,
                        clash: None,
                    },
                );
            }
        }
        let Some(body) = f.body.as_mut() else {
            return;
        };
        // function body
        self.f = FnState {
            tc,
            ret: sig.ret.clone(),
            ..FnState::default()
        };
        let mut scope = Vec::new();
        for p in &f.params {
            if scope
                .iter()
                .any(|(n, _, _): &(Name, Type, u16)| *n == p.name)
            {
                let msg = format!("redeclaration of parameter {}", p.name);
                self.error(p.pos, msg);
            }
            let slot = scope.len() as u16;
            scope.push((p.name.clone(), p.ty.clone(), slot));
        }
        self.f.nparams = scope.len();
        self.f.next_slot = scope.len();
        self.f.max_slot = scope.len();
        self.f.scopes.push(scope);
        self.f.fn_end = f.end;
        self.block(body, None);
        self.f.scopes.pop();
        if self.f.max_slot > MAX_LOCALS {
            self.error(f.pos, "too many local variables");
        }
        f.nlocals = self.f.max_slot.min(u16::MAX as usize) as u16;
    }

    fn interface(&self) -> ProgramInfo {
        let mut functions: Vec<FuncInfo> = self
            .funcs
            .values()
            .filter(|f| !f.info.mods.private && !f.ambiguous)
            .map(|f| f.info.clone())
            .collect();
        functions.sort_by(|a, b| a.name.cmp(&b.name));
        let mut variables: Vec<VarInfo> = self
            .vars
            .values()
            .filter(|v| !v.mods.private)
            .cloned()
            .collect();
        variables.sort_by(|a, b| a.name.cmp(&b.name));
        ProgramInfo {
            path: self.path.clone(),
            functions,
            variables,
            inherits: self.all_inherits.clone(),
        }
    }

    // ---- statements ----

    fn declare_local(&mut self, l: &mut LocalDecl) {
        if l.ty.base == BaseType::Void {
            let msg = format!("invalid type for variable {} ({})", l.name, l.ty.name());
            self.error(l.pos, msg);
            l.ty = Type::MIXED;
        }
        let dup = self
            .f
            .scopes
            .last()
            .and_then(|s| s.iter().find(|(n, _, _)| *n == l.name))
            .map(|(_, _, slot)| *slot);
        if let Some(slot) = dup {
            // as DGD, the earlier variable stays (a catch variable stays read-only)
            let msg = format!("redeclaration of local variable {}", l.name);
            self.error(l.pos, msg);
            l.slot = slot;
            return;
        }
        if self.f.next_slot >= MAX_LOCALS {
            // as DGD: each local past the limit is an error, and undeclared
            self.error(l.pos, "too many local variables");
            return;
        }
        let slot = self.f.next_slot;
        self.f.next_slot += 1;
        self.f.max_slot = self.f.max_slot.max(self.f.next_slot);
        l.slot = slot.min(u16::MAX as usize) as u16;
        if let Some(s) = self.f.scopes.last_mut() {
            s.push((l.name.clone(), l.ty.clone(), l.slot));
        }
    }

    /// A block; `catch_var` is the `catch (e)` variable declared in it.
    fn block(&mut self, b: &mut Block, catch_var: Option<&mut LocalDecl>) {
        let saved_slot = self.f.next_slot;
        self.f.scopes.push(Vec::new());
        self.f.label_frames.push((Vec::new(), Vec::new()));
        let mut ro = false;
        if let Some(v) = catch_var {
            self.declare_local(v);
            self.f.readonly.push(v.slot);
            ro = true;
        }
        for l in b.locals.iter_mut() {
            self.declare_local(l);
        }
        for s in b.stmts.iter_mut() {
            self.stmt(s);
        }
        if ro {
            self.f.readonly.pop();
        }
        if let Some((labels, gotos)) = self.f.label_frames.pop() {
            for (l, pos) in gotos {
                let known = labels.contains(&l)
                    || self.f.label_frames.iter().any(|(ls, _)| ls.contains(&l));
                if !known {
                    let at = if self.f.label_frames.is_empty() {
                        self.f.fn_end
                    } else {
                        pos
                    };
                    self.error(at, format!("unknown label: {l}"));
                }
            }
        }
        self.f.scopes.pop();
        self.f.next_slot = saved_slot;
    }

    fn cond(&mut self, e: &mut Expr) {
        self.expr(e);
        self.void_check(e);
    }

    fn stmt(&mut self, s: &mut Stmt) {
        let pos = s.pos;
        match &mut s.kind {
            StmtKind::Empty => {}
            StmtKind::Goto(l) => {
                if let Some((_, gotos)) = self.f.label_frames.last_mut() {
                    gotos.push((l.clone(), pos));
                }
            }
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Block(b) => self.block(b, None),
            StmtKind::If { cond, then, els } => {
                self.cond(cond);
                self.stmt(then);
                if let Some(e) = els {
                    self.stmt(e);
                }
            }
            StmtKind::While { cond, body } => {
                self.cond(cond);
                self.loop_body(body);
            }
            StmtKind::DoWhile { body, cond } => {
                self.loop_body(body);
                self.cond(cond);
            }
            StmtKind::For {
                init,
                cond,
                step,
                body,
            } => {
                if let Some(e) = init {
                    self.expr(e);
                }
                if let Some(e) = cond {
                    self.cond(e);
                }
                self.loop_body(body);
                if let Some(e) = step {
                    self.expr(e);
                }
            }
            StmtKind::Switch { expr, body, table } => {
                self.cond(expr);
                let et = expr.ty.clone();
                let bad_expr = self.tc()
                    && !(et.is(BaseType::Int) || et.is(BaseType::String) || et.is_mixed());
                if bad_expr {
                    let msg = format!("bad switch expression type ({})", et.name());
                    self.error(pos, msg);
                }
                self.f.switches.push(SwitchCtx {
                    entries: Vec::new(),
                    has_default: false,
                    kind: 0,
                    guards: self.f.guards,
                });
                self.f.breakable += 1;
                self.block(body, None);
                self.f.breakable -= 1;
                if let Some(sw) = self.f.switches.pop() {
                    let end = if table.end.line == 0 { pos } else { table.end };
                    table.kind = if sw.kind == 2 {
                        SwitchKind::String
                    } else {
                        SwitchKind::Int
                    };
                    table.has_default = sw.has_default;
                    table.entries = sw.entries;
                    if sw.kind == 2 {
                        // `case 0:` below level 2 is nil in a string switch
                        for e in table.entries.iter_mut() {
                            if *e == SwitchEntry::IntRange(0, 0) {
                                *e = SwitchEntry::Nil;
                            }
                        }
                    }
                    let pos = end;
                    if body.stmts.first().is_some_and(|s| {
                        !matches!(s.kind, StmtKind::Case { .. } | StmtKind::Default)
                    }) {
                        self.error(pos, "unreachable code in switch");
                    } else if table.entries.len() + usize::from(table.has_default) > 0x7fff {
                        // as DGD: at most 32767 labels, default included
                        self.error(pos, "too many cases in switch");
                    }
                    if self.tc() && !bad_expr && sw.kind != 3 {
                        let bad = (sw.kind == 1 && !(et.is(BaseType::Int) || et.is_mixed()))
                            || (sw.kind == 2 && !(et.is(BaseType::String) || et.is_mixed()));
                        if bad {
                            let msg = format!("wrong switch expression type ({})", et.name());
                            self.error(pos, msg);
                        }
                    }
                    if sw.kind != 3 {
                        self.check_case_overlap(pos, &table.entries);
                    }
                }
            }
            StmtKind::Case { lo, hi, id } => {
                self.expr(lo);
                if let Some(h) = hi.as_mut() {
                    self.expr(h);
                }
                let guards = self.f.guards;
                let strict = self.strict();
                let Some(sw) = self.f.switches.last() else {
                    self.error(pos, "case label not inside switch");
                    return;
                };
                if sw.guards != guards {
                    self.error(pos, "illegal jump into rlimits or catch");
                    return;
                }
                if sw.kind == 3 {
                    return;
                }
                let entry = self.case_entry(pos, lo, hi.as_ref());
                let Some(sw) = self.f.switches.last_mut() else {
                    return;
                };
                let Some(entry) = entry else {
                    sw.kind = 3;
                    return;
                };
                // below level 2, `case 0:` is also nil and fits either kind
                let k = match entry {
                    SwitchEntry::IntRange(0, 0) if !strict => 0,
                    SwitchEntry::IntRange(..) => 1,
                    _ => 2,
                };
                if k != 0 {
                    if sw.kind != 0 && sw.kind != k {
                        sw.kind = 3;
                        self.error(pos, "multiple case types in switch");
                        return;
                    }
                    sw.kind = k;
                }
                *id = sw.entries.len() as u32;
                sw.entries.push(entry);
            }
            StmtKind::Default => {
                let guards = self.f.guards;
                match self.f.switches.last_mut() {
                    None => self.error(pos, "default label not inside switch"),
                    Some(sw) => {
                        let dup = sw.has_default;
                        sw.has_default = true;
                        let jump_in = sw.guards != guards;
                        if dup {
                            self.error(pos, "duplicate default label in switch");
                        }
                        if jump_in {
                            self.error(pos, "illegal jump into rlimits or catch");
                        }
                    }
                }
            }
            StmtKind::Break => {
                if self.f.loops == 0 && self.f.breakable == 0 {
                    self.error(pos, "break statement not inside loop or switch");
                }
            }
            StmtKind::Continue => {
                if self.f.loops == 0 {
                    self.error(pos, "continue statement not inside loop");
                }
            }
            StmtKind::Return(e) => self.ret(pos, e),
            StmtKind::Labeled { label, stmt } => {
                if self.f.label_frames.iter().any(|(ls, _)| ls.contains(label)) {
                    self.error(pos, format!("redeclaration of label: {label}"));
                } else if let Some((ls, _)) = self.f.label_frames.last_mut() {
                    ls.push(label.clone());
                }
                self.stmt(stmt)
            }
            StmtKind::Rlimits { depth, ticks, body } => {
                self.cond(depth);
                self.cond(ticks);
                if self.tc() {
                    if !(depth.ty.is(BaseType::Int) || depth.ty.is_mixed()) {
                        let msg = format!("bad type for stack rlimit ({})", depth.ty.name());
                        self.error(pos, msg);
                    }
                    if !(ticks.ty.is(BaseType::Int) || ticks.ty.is_mixed()) {
                        let msg = format!("bad type for ticks rlimit ({})", ticks.ty.name());
                        self.error(pos, msg);
                    }
                }
                self.guarded(|c| c.block(body, None));
            }
            StmtKind::Catch { body, handler } => {
                self.guarded(|c| c.block(body, None));
                if let Some(h) = handler {
                    self.stmt(h);
                }
            }
            StmtKind::Try { body, var, handler } => {
                self.guarded(|c| c.block(body, None));
                self.block(handler, var.as_mut());
            }
        }
    }

    fn guarded(&mut self, f: impl FnOnce(&mut Self)) {
        // loops and switches outside cannot be continued into from inside
        self.f.guards += 1;
        f(self);
        self.f.guards -= 1;
    }

    fn loop_body(&mut self, body: &mut Stmt) {
        self.f.loops += 1;
        self.stmt(body);
        self.f.loops -= 1;
    }

    fn case_entry(&mut self, pos: Pos, lo: &Expr, hi: Option<&Expr>) -> Option<SwitchEntry> {
        match (&lo.kind, hi.map(|h| &h.kind)) {
            (ExprKind::Int(a), None) => Some(SwitchEntry::IntRange(*a, *a)),
            (ExprKind::Int(a), Some(ExprKind::Int(b))) => {
                // an inverted range is turned around
                Some(SwitchEntry::IntRange(*a.min(b), *a.max(b)))
            }
            (ExprKind::Str(s), None) => Some(SwitchEntry::Str(s.clone())),
            (ExprKind::Nil, None) => Some(SwitchEntry::Nil),
            (ExprKind::Str(_) | ExprKind::Nil, Some(_)) | (ExprKind::Int(_), Some(_)) => {
                self.error(pos, "bad case range");
                None
            }
            _ => {
                self.error(pos, "bad case expression");
                None
            }
        }
    }

    fn check_case_overlap(&mut self, pos: Pos, entries: &[SwitchEntry]) {
        let mut ints: Vec<(i32, i32)> = entries
            .iter()
            .filter_map(|e| match e {
                SwitchEntry::IntRange(a, b) => Some((*a, *b)),
                _ => None,
            })
            .collect();
        ints.sort();
        for w in ints.windows(2) {
            if let [a, b] = w {
                if b.0 <= a.1 {
                    if a.0 == a.1 && b.0 == b.1 {
                        self.error(pos, "duplicate case labels in switch");
                    } else {
                        self.error(pos, "overlapping case label ranges in switch");
                    }
                    return;
                }
            }
        }
        let mut strs: Vec<Option<&[u8]>> = entries
            .iter()
            .filter_map(|e| match e {
                SwitchEntry::Str(s) => Some(Some(&s[..])),
                SwitchEntry::Nil => Some(None),
                _ => None,
            })
            .collect();
        strs.sort();
        if strs.windows(2).any(|w| w.first() == w.get(1)) {
            self.error(pos, "duplicate case labels in switch");
        }
    }

    fn ret(&mut self, pos: Pos, e: &mut Option<Expr>) {
        let ftype = self.f.ret.clone();
        match e {
            None => {
                if self.tc() && !ftype.is(BaseType::Void) {
                    self.error(pos, "function must return value");
                }
            }
            Some(e) => {
                self.expr(e);
                self.void_check(e);
                if self.tc() {
                    if ftype.is(BaseType::Void) {
                        self.error(pos, "value returned from void function");
                    } else if (!self.is_nil(e) || !is_pointer(&ftype))
                        && match_type(&e.ty, &ftype).is_none()
                    {
                        let msg = format!(
                            "returned value doesn't match {} ({})",
                            ftype.name(),
                            e.ty.name()
                        );
                        self.error(pos, msg);
                    }
                }
            }
        }
    }

    // ---- expressions ----

    fn is_nil(&self, e: &Expr) -> bool {
        let e = match &e.kind {
            ExprKind::Comma(_, r) => r,
            _ => e,
        };
        if self.strict() {
            matches!(e.kind, ExprKind::Nil)
        } else {
            matches!(e.kind, ExprKind::Int(0))
        }
    }

    fn void_check(&mut self, e: &mut Expr) {
        if e.ty.is(BaseType::Void) {
            self.error(e.pos, "void value not ignored");
            e.ty = Type::MIXED;
        }
    }

    fn lookup_local(&self, name: &Name) -> Option<(Type, u16)> {
        for s in self.f.scopes.iter().rev() {
            if let Some((_, t, slot)) = s.iter().rev().find(|(n, _, _)| n == name) {
                return Some((t.clone(), *slot));
            }
        }
        None
    }

    fn is_lvalue(&self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Var {
                res: VarRes::Local(slot),
                ..
            } => !self.f.readonly.contains(slot),
            ExprKind::Var { .. } | ExprKind::Index { .. } => true,
            _ => false,
        }
    }

    fn expr(&mut self, e: &mut Expr) {
        let pos = e.pos;
        let tc = self.tc();
        let ty: Type = match &mut e.kind {
            ExprKind::Error => Type::MIXED,
            ExprKind::Int(_) => Type::INT,
            ExprKind::Float(_) => Type::FLOAT,
            ExprKind::Str(_) => Type::STRING,
            ExprKind::Nil => {
                if self.strict() {
                    Type::NIL
                } else {
                    e.kind = ExprKind::Int(0);
                    Type::INT
                }
            }
            ExprKind::Array(items) => {
                let mut t: Option<Type> = None;
                let mut mixed = false;
                for it in items.iter_mut() {
                    self.expr(it);
                    self.void_check(it);
                    let et = if it.ty.class.is_some() {
                        strip_class(&it.ty)
                    } else {
                        it.ty.clone()
                    };
                    t = Some(match t {
                        None => et,
                        Some(prev) => aggr_type(&prev, &et),
                    });
                    if t.as_ref().is_some_and(|x| x.is_mixed()) {
                        mixed = true;
                    }
                }
                let _ = mixed;
                let elem = match t {
                    Some(t) if self.strict() && !t.is(BaseType::Nil) => t,
                    _ => Type::MIXED,
                };
                elem.array_of(1)
            }
            ExprKind::Mapping(pairs) => {
                for (k, v) in pairs.iter_mut() {
                    self.expr(k);
                    self.void_check(k);
                    self.expr(v);
                    self.void_check(v);
                }
                Type::MAPPING
            }
            ExprKind::Var { name, global, res } => {
                let local = if *global {
                    None
                } else {
                    self.lookup_local(name)
                };
                match local {
                    Some((t, slot)) => {
                        *res = VarRes::Local(slot);
                        if tc {
                            t
                        } else {
                            Type::MIXED
                        }
                    }
                    None => match self.vars.get(name) {
                        Some(v) => {
                            *res = VarRes::Global;
                            if tc {
                                v.ty.clone()
                            } else {
                                Type::MIXED
                            }
                        }
                        None => {
                            let msg = format!("undeclared variable {name}");
                            self.error(pos, msg);
                            Type::MIXED
                        }
                    },
                }
            }
            ExprKind::Call { .. } => self.call(e),
            ExprKind::CallOther { obj, args, .. } => {
                self.expr(obj);
                self.void_check(obj);
                for a in args.iter_mut() {
                    self.expr(a);
                    self.void_check(a);
                }
                if let ExprKind::CallOther {
                    args, spread: true, ..
                } = &e.kind
                {
                    if let Some(last) = args.last() {
                        if !last.ty.is_array() && !last.ty.is_mixed() {
                            self.error(pos, "ellipsis requires array");
                        }
                    }
                }
                Type::MIXED
            }
            ExprKind::InstanceOf { obj, .. } => {
                self.expr(obj);
                self.void_check(obj);
                if !obj.ty.is_mixed() && !is_obj(&obj.ty) {
                    self.error(pos, "bad argument 1 for function <- (needs object)");
                }
                Type::INT
            }
            ExprKind::Catch(inner) => {
                self.expr(inner);
                Type::STRING
            }
            ExprKind::New { path, args, spread } => {
                for a in args.iter_mut() {
                    self.expr(a);
                    self.void_check(a);
                }
                // DGD: new_object(path, args...), the program's or the kfun
                let sig = match self.funcs.get("new_object") {
                    Some(f) if !f.ambiguous => Some(f.info.sig.clone()),
                    _ => self.kfuns.kfun("new_object"),
                };
                match sig {
                    Some(sig) => {
                        let mut all = Vec::with_capacity(args.len() + 1);
                        all.push(Expr {
                            pos,
                            ty: Type::STRING,
                            kind: ExprKind::Str(Arc::from(path.as_bytes())),
                        });
                        all.append(args);
                        self.check_args(pos, "new_object", &sig, &mut all, *spread);
                        args.extend(all.drain(1..));
                        if tc {
                            sig.ret
                        } else {
                            Type::MIXED
                        }
                    }
                    None => Type::OBJECT,
                }
            }
            ExprKind::FuncAddr { args, .. } => {
                for a in args.iter_mut() {
                    self.expr(a);
                    self.void_check(a);
                }
                Type {
                    base: BaseType::Object,
                    depth: 0,
                    class: Some(Arc::from("/builtin/function")),
                }
            }
            ExprKind::FuncExtend { func, args, .. } | ExprKind::FuncCall { func, args, .. } => {
                self.expr(func);
                self.void_check(func);
                for a in args.iter_mut() {
                    self.expr(a);
                    self.void_check(a);
                }
                if matches!(e.kind, ExprKind::FuncExtend { .. }) {
                    Type {
                        base: BaseType::Object,
                        depth: 0,
                        class: Some(Arc::from("/builtin/function")),
                    }
                } else {
                    Type::MIXED
                }
            }
            ExprKind::Index { base, index } => {
                self.expr(base);
                self.expr(index);
                if let (ExprKind::Str(s), ExprKind::Int(i)) = (&base.kind, &index.kind) {
                    match usize::try_from(*i).ok().and_then(|i| s.get(i)) {
                        Some(c) => {
                            e.kind = ExprKind::Int(*c as i32);
                            e.ty = Type::INT;
                            return;
                        }
                        None => self.error(pos, "string index out of range"),
                    }
                }
                let bt = base.ty.clone();
                let it = index.ty.clone();
                if bt.is_array() {
                    if tc && !(it.is(BaseType::Int) || it.is_mixed()) {
                        self.error(pos, format!("bad index type ({})", it.name()));
                    }
                    if tc {
                        bt.element()
                    } else {
                        Type::MIXED
                    }
                } else if bt.is(BaseType::String) {
                    if tc && !(it.is(BaseType::Int) || it.is_mixed()) {
                        self.error(pos, format!("bad index type ({})", it.name()));
                    }
                    Type::INT
                } else {
                    if tc && !(is_obj(&bt) || bt.is(BaseType::Mapping) || bt.is_mixed()) {
                        self.error(pos, format!("bad indexed type ({})", bt.name()));
                    }
                    Type::MIXED
                }
            }
            ExprKind::Range { base, from, to } => {
                self.expr(base);
                if let Some(f) = from.as_mut() {
                    self.expr(f);
                }
                if let Some(t) = to.as_mut() {
                    self.expr(t);
                }
                if let ExprKind::Str(s) = &base.kind {
                    let fr = match from.as_deref().map(|f| &f.kind) {
                        None => Some(0i64),
                        Some(ExprKind::Int(i)) => Some(*i as i64),
                        _ => None,
                    };
                    let tv = match to.as_deref().map(|t| &t.kind) {
                        None => Some(s.len() as i64 - 1),
                        Some(ExprKind::Int(i)) => Some(*i as i64),
                        _ => None,
                    };
                    if let (Some(a), Some(b)) = (fr, tv) {
                        if a < 0 || a > b + 1 || b >= s.len() as i64 {
                            self.error(pos, "invalid string range");
                        } else {
                            let sub: Bytes =
                                Arc::from(s.get(a as usize..(b + 1) as usize).unwrap_or(&[]));
                            e.kind = ExprKind::Str(sub);
                            e.ty = Type::STRING;
                            return;
                        }
                    }
                }
                let bt = base.ty.clone();
                if is_obj(&bt) {
                    Type::OBJECT
                } else if bt.is(BaseType::Mapping) {
                    Type::MAPPING
                } else if tc && !bt.is_mixed() {
                    for x in [from.as_deref(), to.as_deref()].into_iter().flatten() {
                        if !(x.ty.is(BaseType::Int) || x.ty.is_mixed()) {
                            let msg = format!("bad index type ({})", x.ty.name());
                            self.error(pos, msg);
                        }
                    }
                    if !bt.is_array() && !bt.is(BaseType::String) {
                        self.error(pos, format!("bad indexed type ({})", bt.name()));
                    }
                    bt
                } else {
                    Type::MIXED
                }
            }
            ExprKind::Unary { .. } => return self.unary(e),
            ExprKind::Cast { .. } => return self.cast(e),
            ExprKind::Binary { .. } => return self.binary(e),
            ExprKind::And(l, r) | ExprKind::Or(l, r) => {
                self.expr(l);
                self.void_check(l);
                self.expr(r);
                self.void_check(r);
                if let (Some(a), Some(b)) = (truth(l), truth(r)) {
                    let v = if matches!(e.kind, ExprKind::And(..)) {
                        a && b
                    } else {
                        a || b
                    };
                    e.kind = ExprKind::Int(v as i32);
                }
                Type::INT
            }
            ExprKind::Cond { cond, then, els } => {
                self.expr(cond);
                self.void_check(cond);
                self.expr(then);
                self.expr(els);
                if is_const(then)
                    && std::mem::discriminant(&then.kind) == std::mem::discriminant(&els.kind)
                {
                    if let Some(c) = truth(cond) {
                        let pick = if c { take(then) } else { take(els) };
                        *e = pick;
                        return;
                    }
                }
                let (t2, t3) = (then.ty.clone(), els.ty.clone());
                if self.is_nil(then) && is_pointer(&t3) && !t3.is_mixed() {
                    t3
                } else if self.is_nil(els) && is_pointer(&t2) && !t2.is_mixed() {
                    t2
                } else if tc {
                    if t2.is(BaseType::Void) || t3.is(BaseType::Void) {
                        Type::VOID
                    } else {
                        match match_type(&t2, &t3) {
                            Some(t) => {
                                if t2.class.is_some() && t2.class == t3.class {
                                    t2
                                } else {
                                    t
                                }
                            }
                            None => Type::MIXED,
                        }
                    }
                } else {
                    Type::MIXED
                }
            }
            ExprKind::Assign { lhs, rhs } => {
                self.expr(rhs);
                if let ExprKind::Array(items) = &mut lhs.kind {
                    if items.is_empty() {
                        self.error(pos, "no lvalues in aggregate");
                    }
                    for it in items.iter_mut() {
                        self.expr(it);
                        if !self.is_lvalue(it) {
                            self.error(it.pos, "bad lvalue in aggregate");
                        }
                    }
                    let mut agg: Option<Type> = None;
                    for it in items.iter() {
                        let t = strip_class(&it.ty);
                        agg = Some(match agg {
                            None => t,
                            Some(prev) => aggr_type(&prev, &t),
                        });
                    }
                    let agg_ty = match agg {
                        Some(t) if self.strict() && !t.is(BaseType::Nil) => t.array_of(1),
                        _ => Type::MIXED_ARRAY,
                    };
                    if tc {
                        let rt = rhs.ty.clone();
                        let elem = if rt.is_array() {
                            rt.element()
                        } else {
                            if !rt.is_mixed() {
                                let msg = format!(
                                    "incompatible types for = ({}, {})",
                                    agg_ty.name(),
                                    rt.name()
                                );
                                self.error(pos, msg);
                            }
                            Type::MIXED
                        };
                        let items_ty: Vec<Type> = items.iter().map(|i| i.ty.clone()).collect();
                        for t in items_ty {
                            if match_type(&t, &elem).is_none() {
                                let msg = format!(
                                    "incompatible types for = ({}, {})",
                                    t.name(),
                                    elem.name()
                                );
                                self.error(pos, msg);
                            }
                        }
                    }
                    lhs.ty = agg_ty;
                    rhs.ty.clone()
                } else {
                    self.expr(lhs);
                    if !self.is_lvalue(lhs) {
                        self.error(pos, "bad lvalue for assignment");
                    }
                    if tc
                        && (!self.is_nil(rhs) || !is_pointer(&lhs.ty))
                        && match_type(&lhs.ty, &rhs.ty).is_none()
                    {
                        let msg = format!(
                            "incompatible types for = ({}, {})",
                            lhs.ty.name(),
                            rhs.ty.name()
                        );
                        self.error(pos, msg);
                    }
                    lhs.ty.clone()
                }
            }
            ExprKind::AssignOp { .. } => return self.binary(e),
            ExprKind::Comma(l, r) => {
                self.expr(l);
                self.expr(r);
                r.ty.clone()
            }
        };
        e.ty = ty;
    }

    fn call(&mut self, e: &mut Expr) -> Type {
        let pos = e.pos;
        let tc = self.tc();
        let ExprKind::Call {
            name,
            inherited,
            args,
            spread,
            res,
        } = &mut e.kind
        else {
            return Type::MIXED;
        };
        for a in args.iter_mut() {
            self.expr(a);
            self.void_check(a);
        }
        let fname: Name = match name {
            FuncName::Ident(n) => n.clone(),
            FuncName::Operator(_) => Arc::from(name.as_str().as_str()),
        };
        // DGD names an operator function by its symbol in messages
        let shown: Name = match name {
            FuncName::Ident(n) => n.clone(),
            FuncName::Operator(op) => Arc::from(op.symbol()),
        };
        // resolve
        let sig: Option<Signature> = match inherited {
            Some(label) => {
                let label = label.clone();
                match self.inherited_lookup(label.as_deref(), &fname, &shown) {
                    Ok((sig, kfun)) => {
                        *res = if kfun {
                            CallRes::Kfun
                        } else {
                            CallRes::Function
                        };
                        Some(sig)
                    }
                    Err(msg) => {
                        self.error(pos, msg);
                        None
                    }
                }
            }
            None => match self.funcs.get(&fname) {
                Some(f) if f.ambiguous => {
                    self.error(pos, format!("ambiguous call to function {shown}"));
                    None
                }
                Some(f) => {
                    *res = CallRes::Function;
                    Some(f.info.sig.clone())
                }
                None => match self.kfuns.kfun(&fname) {
                    Some(s) => {
                        *res = CallRes::Kfun;
                        Some(s)
                    }
                    None => {
                        *res = CallRes::Undeclared;
                        if tc {
                            self.error(pos, format!("undefined function {shown}"));
                        }
                        None
                    }
                },
            },
        };
        let Some(sig) = sig else {
            return Type::MIXED;
        };
        self.check_args(pos, &shown, &sig, args, *spread);
        let is_kfun = *res == CallRes::Kfun;
        let mut ret = sig.ret.clone();
        if !tc {
            if !is_kfun {
                ret = Type::MIXED;
            } else if ret.is(BaseType::Void) {
                ret = Type::INT;
            }
        }
        ret
    }

    /// `::f` and `label::f`: an inherited function, or a kfun.
    fn inherited_lookup(
        &mut self,
        label: Option<&str>,
        name: &str,
        display: &str,
    ) -> Result<(Signature, bool), String> {
        let shown = match label {
            Some(l) => format!("{l}::{display}"),
            None => format!("::{display}"),
        };
        let found: Option<FuncInfo> = match label {
            Some(l) => {
                let Some((_, info)) = self
                    .inherits
                    .iter()
                    .find(|(lab, _)| lab.as_deref() == Some(l))
                else {
                    return Err(format!("undefined label {l}"));
                };
                let mut f = info.functions.iter().find(|f| &*f.name == name).cloned();
                if f.is_none() && !info.inherits.is_empty() {
                    // then the auto object
                    if let Some((_, auto)) = self.inherits.first() {
                        f = auto.functions.iter().find(|f| &*f.name == name).cloned();
                    }
                }
                f
            }
            None => match self.inh_funcs.get(name) {
                Some(e) if e.ambiguous => {
                    return Err(format!("ambiguous call to function ::{name}"));
                }
                Some(e) => Some(e.info.clone()),
                None => None,
            },
        };
        match found {
            Some(f) if f.defined => Ok((f.sig, false)),
            Some(_) => Err(format!("undefined function {shown}")),
            None => match self.kfuns.kfun(name) {
                Some(s) => Ok((s, true)),
                None => Err(format!("undefined function {shown}")),
            },
        }
    }

    fn check_args(
        &mut self,
        pos: Pos,
        fname: &str,
        sig: &Signature,
        args: &mut [Expr],
        spread: bool,
    ) {
        let nparams = sig.params.len();
        let nargs = args.len();
        for (i, a) in args.iter().enumerate() {
            let n = i + 1;
            let is_spread = spread && i + 1 == nargs;
            let pt = if i < nparams {
                sig.params.get(i).cloned()
            } else if sig.ellipsis {
                sig.params.last().cloned()
            } else {
                None
            };
            let lval = sig.lvalue_from.is_some_and(|k| i >= k);
            if is_spread {
                let t = &a.ty;
                if !t.is_mixed() && !t.is_array() {
                    self.error(pos, "ellipsis requires array");
                } else if sig.typechecked && t.is_array() && !lval {
                    let el = t.element();
                    for (k, p) in sig.params.iter().enumerate().skip(i) {
                        if match_type(&el, p).is_none() {
                            let msg = format!(
                                "bad argument {} for function {} (needs {})",
                                k + 1,
                                fname,
                                p.name()
                            );
                            self.error(pos, msg);
                        }
                    }
                }
                break;
            }
            let Some(pt) = pt else { break };
            if lval {
                if !self.is_lvalue(a) {
                    let msg = format!("bad argument {n} for function {fname} (needs lvalue)");
                    self.error(pos, msg);
                }
                continue;
            }
            if (sig.typechecked || a.ty.is(BaseType::Void))
                && match_type(&a.ty, &pt).is_none()
                && (!self.is_nil(a) || !is_pointer(&pt))
            {
                let msg = format!(
                    "bad argument {n} for function {fname} (needs {})",
                    pt.name()
                );
                self.error(pos, msg);
            }
        }
        if !spread {
            if nargs < sig.min_args {
                self.error(pos, format!("too few arguments for function {fname}"));
            } else if nargs > nparams && !sig.ellipsis {
                self.error(pos, format!("too many arguments for function {fname}"));
            }
        }
    }

    fn unary(&mut self, e: &mut Expr) {
        let pos = e.pos;
        let tc = self.tc();
        let ExprKind::Unary { op, expr } = &mut e.kind else {
            return;
        };
        let op = *op;
        self.expr(expr);
        self.void_check(expr);
        let t = expr.ty.clone();
        let ty = match op {
            UnOp::Plus => {
                let inner = take(expr);
                *e = inner;
                return;
            }
            UnOp::PreInc | UnOp::PreDec | UnOp::PostInc | UnOp::PostDec => {
                let prefix = matches!(op, UnOp::PreInc | UnOp::PreDec);
                let name = op.symbol();
                let mut ty = t.clone();
                if prefix && is_obj(&t) {
                    ty = Type::OBJECT;
                } else if tc && !is_arith(&t) && !t.is_mixed() {
                    self.error(
                        pos,
                        format!("bad argument type for {} ({})", name, t.name()),
                    );
                    ty = Type::MIXED;
                }
                if !self.is_lvalue(expr) {
                    self.error(pos, format!("bad lvalue for {name}"));
                }
                ty
            }
            UnOp::Neg => {
                if is_obj(&t) {
                    Type::OBJECT
                } else if t.is_mixed() {
                    Type::MIXED
                } else if tc && !is_arith(&t) {
                    self.error(pos, format!("bad argument type for unary - ({})", t.name()));
                    Type::MIXED
                } else {
                    match expr.kind {
                        ExprKind::Int(i) => {
                            e.kind = ExprKind::Int(i.wrapping_neg());
                            e.ty = Type::INT;
                            return;
                        }
                        ExprKind::Float(f) => {
                            e.kind = ExprKind::Float(-f);
                            e.ty = Type::FLOAT;
                            return;
                        }
                        _ => {}
                    }
                    t
                }
            }
            UnOp::Not => {
                if let Some(v) = truth(expr) {
                    e.kind = ExprKind::Int((!v) as i32);
                    e.ty = Type::INT;
                    return;
                }
                Type::INT
            }
            UnOp::Compl => {
                if t.is(BaseType::Int) {
                    if let ExprKind::Int(i) = expr.kind {
                        e.kind = ExprKind::Int(!i);
                        e.ty = Type::INT;
                        return;
                    }
                    Type::INT
                } else if is_obj(&t) {
                    Type::OBJECT
                } else {
                    if tc && !t.is_mixed() {
                        self.error(pos, format!("bad argument type for ~ ({})", t.name()));
                    }
                    Type::MIXED
                }
            }
        };
        e.ty = ty;
    }

    fn cast(&mut self, e: &mut Expr) {
        let pos = e.pos;
        let ExprKind::Cast { ty, expr } = &mut e.kind else {
            return;
        };
        self.expr(expr);
        self.void_check(expr);
        let target = ty.clone();
        let src = expr.ty.clone();
        if norm(&src) == target && !target.is(BaseType::Mixed) {
            e.ty = target;
            return;
        }
        if target.depth == 0 {
            match target.base {
                BaseType::Int => {
                    match &expr.kind {
                        ExprKind::Float(f) => {
                            if let Some(i) = ftoi(*f) {
                                e.kind = ExprKind::Int(i);
                                e.ty = Type::INT;
                                return;
                            }
                        }
                        ExprKind::Str(s) => match str_to_int(s) {
                            Some(i) => {
                                e.kind = ExprKind::Int(i);
                                e.ty = Type::INT;
                                return;
                            }
                            None => {
                                self.error(pos, "cast of invalid string constant");
                                e.ty = Type::MIXED;
                                return;
                            }
                        },
                        _ => {}
                    }
                    if src.is(BaseType::Float) || src.is(BaseType::String) || src.is_mixed() {
                        e.ty = Type::INT;
                        return;
                    }
                }
                BaseType::Float => {
                    match &expr.kind {
                        ExprKind::Int(i) => {
                            e.kind = ExprKind::Float(fold_float(*i as f64).unwrap_or(0.0));
                            e.ty = Type::FLOAT;
                            return;
                        }
                        ExprKind::Str(s) => {
                            let parsed = std::str::from_utf8(s)
                                .ok()
                                .and_then(|t| t.trim_start().parse::<f64>().ok())
                                .and_then(fold_float);
                            match parsed {
                                Some(f) => {
                                    e.kind = ExprKind::Float(f);
                                    e.ty = Type::FLOAT;
                                    return;
                                }
                                None => {
                                    self.error(pos, "cast of invalid string constant");
                                    e.ty = Type::MIXED;
                                    return;
                                }
                            }
                        }
                        _ => {}
                    }
                    if src.is(BaseType::Int) || src.is(BaseType::String) || src.is_mixed() {
                        e.ty = Type::FLOAT;
                        return;
                    }
                }
                BaseType::String => {
                    if let ExprKind::Int(i) = &expr.kind {
                        e.kind = ExprKind::Str(Arc::from(i.to_string().as_bytes()));
                        e.ty = Type::STRING;
                        return;
                    }
                    if src.is(BaseType::Int) || src.is(BaseType::Float) || src.is_mixed() {
                        e.ty = Type::STRING;
                        return;
                    }
                }
                _ => {}
            }
        }
        if target.is(BaseType::Mixed) || target.base == BaseType::Void {
            self.error(pos, format!("cannot cast to {}", target.name()));
            e.ty = Type::MIXED;
            return;
        }
        if target.depth < src.depth {
            self.error(pos, format!("illegal cast of array type ({})", src.name()));
            e.ty = src;
            return;
        } else if src.base != BaseType::Mixed
            && src.base != BaseType::Unknown
            && (target.class.is_none() || src.base != BaseType::Object || target.depth != src.depth)
        {
            self.error(pos, format!("cast of invalid type ({})", src.name()));
            e.ty = src;
            return;
        }
        e.ty = target;
    }

    /// Binary operators and assignment operators.
    fn binary(&mut self, e: &mut Expr) {
        let pos = e.pos;
        let tc = self.tc();
        let (op, lhs, rhs, assign) = match &mut e.kind {
            ExprKind::Binary { op, lhs, rhs } => (*op, lhs, rhs, false),
            ExprKind::AssignOp { op, lhs, rhs } => (*op, lhs, rhs, true),
            _ => return,
        };
        self.expr(lhs);
        self.void_check(lhs);
        self.expr(rhs);
        self.void_check(rhs);
        let name = if assign {
            format!("{}=", op.symbol())
        } else {
            op.symbol().to_string()
        };
        if assign && !self.is_lvalue(lhs) {
            self.error(pos, format!("bad lvalue for {name}"));
        }
        // constant folding (not for assignments)
        if !assign {
            if let Some(k) = self.fold(pos, op, lhs, rhs) {
                e.kind = k;
                e.ty = match &e.kind {
                    ExprKind::Int(_) => Type::INT,
                    ExprKind::Float(_) => Type::FLOAT,
                    _ => Type::STRING,
                };
                return;
            }
        }
        if matches!(op, BinOp::Shl | BinOp::Shr) {
            if let ExprKind::Int(n) = &mut rhs.kind {
                if *n < 0 {
                    let msg = if op == BinOp::Shl {
                        "negative left shift"
                    } else {
                        "negative right shift"
                    };
                    self.error(pos, msg);
                    *n = 0;
                }
            }
        }
        let t1 = norm(&lhs.ty);
        let t2 = norm(&rhs.ty);
        let bad = |c: &mut Self| {
            if tc {
                let msg = format!(
                    "bad argument types for {} ({}, {})",
                    name,
                    t1.name(),
                    t2.name()
                );
                c.error(pos, msg);
            }
        };
        let bini = |c: &mut Self| -> Type {
            if is_obj(&t1) {
                Type::OBJECT
            } else if t1.is(BaseType::Int) && (t2.is(BaseType::Int) || t2.is_mixed()) {
                Type::INT
            } else {
                if !t1.is_mixed() {
                    bad(c);
                }
                Type::MIXED
            }
        };
        let bina = |c: &mut Self| -> Type {
            if is_obj(&t1) {
                Type::OBJECT
            } else if t1.is(BaseType::Int) && (t2.is(BaseType::Int) || t2.is_mixed()) {
                Type::INT
            } else if t1.is(BaseType::Float) && (t2.is(BaseType::Float) || t2.is_mixed()) {
                Type::FLOAT
            } else {
                if !t1.is_mixed() {
                    bad(c);
                }
                Type::MIXED
            }
        };
        let ty = match op {
            BinOp::Mul | BinOp::Div => bina(self),
            BinOp::Mod | BinOp::Shl | BinOp::Shr => bini(self),
            BinOp::Add => {
                let numeric = |t: &Type| t.is(BaseType::Int) || t.is(BaseType::Float);
                if (t1.is(BaseType::String) && (numeric(&t2) || (t2.is_mixed() && tc)))
                    || (t2.is(BaseType::String) && !assign && numeric(&t1))
                {
                    Type::STRING
                } else if is_obj(&t1) {
                    Type::OBJECT
                } else {
                    match match_type(&t1, &t2) {
                        None => {
                            bad(self);
                            Type::MIXED
                        }
                        Some(t) => {
                            if assign && t1 != t2 {
                                t1.clone()
                            } else {
                                t
                            }
                        }
                    }
                }
            }
            BinOp::Sub => {
                if is_obj(&t1) {
                    Type::OBJECT
                } else {
                    match match_type(&t1, &t2) {
                        Some(t) if !(t.is(BaseType::String) || t.is(BaseType::Mapping)) => {
                            if t.is_mixed() {
                                t1.clone()
                            } else if t1.is_mixed() && t2.is_array() {
                                Type::MIXED
                            } else {
                                t
                            }
                        }
                        _ => {
                            if t1.is(BaseType::Mapping) && (t2.is_mixed() || t2.is_array()) {
                                Type::MAPPING
                            } else {
                                bad(self);
                                Type::MIXED
                            }
                        }
                    }
                }
            }
            BinOp::Lt | BinOp::Gt | BinOp::Le | BinOp::Ge => {
                if !is_obj(&t1)
                    && !t1.is_mixed()
                    && ((t1 != t2 && !t2.is_mixed())
                        || !is_arithstr(&t1)
                        || (!is_arithstr(&t2) && !t2.is_mixed()))
                {
                    bad(self);
                }
                Type::INT
            }
            BinOp::Eq | BinOp::Ne => {
                if match_type(&t1, &t2).is_none()
                    && (!self.is_nil(lhs) || !is_pointer(&t2))
                    && (!self.is_nil(rhs) || !is_pointer(&t1))
                    && tc
                {
                    let msg = format!(
                        "incompatible types for equality ({}, {})",
                        t1.name(),
                        t2.name()
                    );
                    self.error(pos, msg);
                }
                Type::INT
            }
            BinOp::And => {
                let m = match_type(&t1, &t2);
                if ((t1.is_mixed() || t1.is(BaseType::Mapping)) && (t2.is_array() || t2.is_mixed()))
                    || m.as_ref().is_some_and(|t| t.is_array())
                {
                    if t1.is_mixed() || t1.is(BaseType::Mapping) {
                        t1.clone()
                    } else {
                        m.unwrap_or(Type::MIXED)
                    }
                } else {
                    bini(self)
                }
            }
            BinOp::Xor | BinOp::Or => {
                let m = match_type(&t1, &t2);
                if (t1.is_mixed() && t2.is_mixed()) || m.as_ref().is_some_and(|t| t.is_array()) {
                    if t1.is_mixed() && t2.is_mixed() {
                        Type::MIXED
                    } else {
                        m.unwrap_or(Type::MIXED)
                    }
                } else {
                    bini(self)
                }
            }
        };
        e.ty = if assign && !ty.is_mixed() && ty != t1 && !is_obj(&t1) {
            t1
        } else {
            ty
        };
    }

    /// Folds `l op r` when both are constants; reports division by zero.
    fn fold(&mut self, pos: Pos, op: BinOp, l: &Expr, r: &Expr) -> Option<ExprKind> {
        use ExprKind::*;
        match (&l.kind, &r.kind) {
            (Int(a), Int(b)) => {
                let (a, b) = (*a, *b);
                Some(Int(match op {
                    BinOp::Mul => a.wrapping_mul(b),
                    BinOp::Div => {
                        if b == 0 {
                            self.error(pos, "division by zero");
                            return None;
                        }
                        a.wrapping_div(b)
                    }
                    BinOp::Mod => {
                        if b == 0 {
                            self.error(pos, "modulus by zero");
                            return None;
                        }
                        a.wrapping_rem(b)
                    }
                    BinOp::Add => a.wrapping_add(b),
                    BinOp::Sub => a.wrapping_sub(b),
                    BinOp::Shl => {
                        if b < 0 {
                            return None;
                        }
                        if b >= 32 {
                            0
                        } else {
                            ((a as u32) << b) as i32
                        }
                    }
                    BinOp::Shr => {
                        if b < 0 {
                            return None;
                        }
                        if b >= 32 {
                            0
                        } else {
                            ((a as u32) >> b) as i32
                        }
                    }
                    BinOp::Lt => (a < b) as i32,
                    BinOp::Gt => (a > b) as i32,
                    BinOp::Le => (a <= b) as i32,
                    BinOp::Ge => (a >= b) as i32,
                    BinOp::Eq => (a == b) as i32,
                    BinOp::Ne => (a != b) as i32,
                    BinOp::And => a & b,
                    BinOp::Xor => a ^ b,
                    BinOp::Or => a | b,
                }))
            }
            (Float(a), Float(b)) => {
                let (a, b) = (*a, *b);
                let f = match op {
                    BinOp::Mul => a * b,
                    BinOp::Div => {
                        if b == 0.0 {
                            self.error(pos, "division by zero");
                            return None;
                        }
                        a / b
                    }
                    BinOp::Add => a + b,
                    BinOp::Sub => a - b,
                    BinOp::Lt => return Some(Int((a < b) as i32)),
                    BinOp::Gt => return Some(Int((a > b) as i32)),
                    BinOp::Le => return Some(Int((a <= b) as i32)),
                    BinOp::Ge => return Some(Int((a >= b) as i32)),
                    BinOp::Eq => return Some(Int((a == b) as i32)),
                    BinOp::Ne => return Some(Int((a != b) as i32)),
                    _ => return None,
                };
                fold_float(f).map(Float)
            }
            (Str(a), Str(b)) => match op {
                BinOp::Add => {
                    if a.len() + b.len() > crate::lex::MAX_STRING {
                        return None;
                    }
                    let mut v = Vec::with_capacity(a.len() + b.len());
                    v.extend_from_slice(a);
                    v.extend_from_slice(b);
                    Some(Str(Arc::from(v)))
                }
                BinOp::Lt => Some(Int((a < b) as i32)),
                BinOp::Gt => Some(Int((a > b) as i32)),
                BinOp::Le => Some(Int((a <= b) as i32)),
                BinOp::Ge => Some(Int((a >= b) as i32)),
                BinOp::Eq => Some(Int((a == b) as i32)),
                BinOp::Ne => Some(Int((a != b) as i32)),
                _ => None,
            },
            (Str(_), Nil) | (Nil, Str(_)) => match op {
                BinOp::Eq => Some(Int(0)),
                BinOp::Ne => Some(Int(1)),
                _ => None,
            },
            (Nil, Nil) => match op {
                BinOp::Eq => Some(Int(1)),
                BinOp::Ne => Some(Int(0)),
                _ => None,
            },
            (Str(a), Int(b)) if op == BinOp::Add => {
                let mut v = a.to_vec();
                v.extend_from_slice(b.to_string().as_bytes());
                Some(Str(Arc::from(v)))
            }
            (Int(a), Str(b)) if op == BinOp::Add => {
                let mut v = a.to_string().into_bytes();
                v.extend_from_slice(b);
                Some(Str(Arc::from(v)))
            }
            _ => None,
        }
    }
}

/// The truth value of a constant, `None` if not constant.
fn truth(e: &Expr) -> Option<bool> {
    match &e.kind {
        ExprKind::Int(i) => Some(*i != 0),
        ExprKind::Float(f) => Some(*f != 0.0),
        ExprKind::Str(_) => Some(true),
        ExprKind::Nil => Some(false),
        _ => None,
    }
}

/// DGD's `aggrType`: the combined element type of an array literal.
fn aggr_type(t1: &Type, t2: &Type) -> Type {
    let t2 = strip_class(t2);
    if t1.is(BaseType::Nil) {
        if t2.is(BaseType::Nil) || (is_pointer(&t2) && !t2.is_mixed()) {
            return t2;
        }
        return Type::MIXED;
    }
    if t1.is_mixed() {
        return Type::MIXED;
    }
    if t2.is(BaseType::Nil) {
        if is_pointer(t1) && !t1.is_mixed() {
            return t1.clone();
        }
        return Type::MIXED;
    }
    if t1.depth != t2.depth {
        let d = t1.depth.min(t2.depth);
        return Type {
            base: BaseType::Mixed,
            depth: d,
            class: None,
        };
    }
    if *t1 == t2 {
        t1.clone()
    } else {
        Type {
            base: BaseType::Mixed,
            depth: t1.depth,
            class: None,
        }
    }
}

// ---- the standard kfun table ----

/// Kfun prototypes in DGD's declaration syntax (`varargs` marks where optional
/// parameters start, `T name...` an ellipsis): the one table the VM's
/// kfun registry also reads; the driver may pass its own [`KfunTable`] instead.
pub const STD_KFUN_PROTOS: &[&str] = crate::value::KFUN_PROTOS;

/// Parses one prototype in [`STD_KFUN_PROTOS`] syntax into a name and signature.
pub fn parse_prototype(src: &str) -> Option<(String, Signature)> {
    fn ty(words: &str) -> Option<Type> {
        let w = words.trim();
        let stars = w.bytes().filter(|c| *c == b'*').count() as u8;
        let base = w.trim_end_matches(['*', ' ']).trim();
        let b = match base {
            "int" => BaseType::Int,
            "float" => BaseType::Float,
            "string" => BaseType::String,
            "object" => BaseType::Object,
            "mapping" => BaseType::Mapping,
            "mixed" => BaseType::Mixed,
            "void" => BaseType::Void,
            _ => return None,
        };
        Some(Type::base(b).array_of(stars))
    }
    fn split_decl(d: &str) -> Option<(&str, &str)> {
        // "type **name" -> ("type **", "name")
        let d = d.trim();
        let i = d.rfind(|c: char| !(c.is_alphanumeric() || c == '_'))?;
        Some((d.get(..=i)?, d.get(i + 1..)?))
    }
    let open = src.find('(')?;
    let close = src.rfind(')')?;
    let (rt, name) = split_decl(src.get(..open)?)?;
    let ret = ty(rt)?;
    let mut params = Vec::new();
    let mut min_args = None;
    let mut ellipsis = false;
    let inner = src.get(open + 1..close)?.trim();
    if !inner.is_empty() {
        for p in inner.split(',') {
            let mut p = p.trim();
            if let Some(q) = p.strip_suffix("...") {
                ellipsis = true;
                p = q;
            }
            if let Some(q) = p.strip_prefix("varargs ") {
                min_args.get_or_insert(params.len());
                p = q;
            }
            let (t, _) = split_decl(p)?;
            params.push(ty(t)?);
        }
    }
    let min = match min_args {
        Some(m) => m,
        None if ellipsis => params.len().saturating_sub(1),
        None => params.len(),
    };
    let lvalue_from = if name == "sscanf" { Some(2) } else { None };
    Some((
        name.to_string(),
        Signature {
            ret,
            params,
            min_args: min,
            ellipsis,
            typechecked: true,
            lvalue_from,
        },
    ))
}

/// The kfun table built from [`STD_KFUN_PROTOS`].
pub struct StdKfuns {
    map: FxHashMap<String, Signature>,
}

impl StdKfuns {
    /// Builds the table.
    pub fn new() -> StdKfuns {
        let mut map = FxHashMap::default();
        for p in STD_KFUN_PROTOS {
            if let Some((n, s)) = parse_prototype(p) {
                map.insert(n, s);
            }
        }
        StdKfuns { map }
    }
}

impl Default for StdKfuns {
    fn default() -> Self {
        StdKfuns::new()
    }
}

impl KfunTable for StdKfuns {
    fn kfun(&self, name: &str) -> Option<Signature> {
        self.map.get(name).cloned()
    }
}

// ---- the whole front end over a set of files ----

use crate::parse::parse_source;
use crate::preprocess::{IncludeResolver, PpOptions};

/// Max nesting of compilations of inherited programs.
const MAX_COMPILE_NESTING: usize = 32;

/// Runs the whole front end (preprocess, parse, typecheck) over the programs
/// of a mudlib, compiling inherited programs on demand and caching their
/// interfaces. All files are read through the resolver.
pub struct FrontEnd<'r> {
    /// Preprocessor settings.
    pub pp: PpOptions,
    /// Typechecker settings.
    pub tc: TcOptions,
    files: &'r mut dyn IncludeResolver,
    kfuns: Arc<dyn KfunTable>,
    cache: FxHashMap<String, Result<Arc<ProgramInfo>, String>>,
    compiling: Vec<String>,
    /// Diagnostics of programs compiled because they were inherited, by path.
    pub inherited_diags: Vec<(String, Vec<Diagnostic>)>,
}

/// The result of compiling one program.
pub struct Compiled {
    /// The checked tree (present even with errors, possibly partial).
    pub program: Program,
    /// Its interface for inheritors.
    pub info: Arc<ProgramInfo>,
    /// All diagnostics (empty when clean).
    pub diags: Vec<Diagnostic>,
}

impl<'r> FrontEnd<'r> {
    /// A front end reading files through `files`.
    pub fn new(
        files: &'r mut dyn IncludeResolver,
        pp: PpOptions,
        tc: TcOptions,
        kfuns: Arc<dyn KfunTable>,
    ) -> FrontEnd<'r> {
        FrontEnd {
            pp,
            tc,
            files,
            kfuns,
            cache: FxHashMap::default(),
            compiling: Vec::new(),
            inherited_diags: Vec::new(),
        }
    }

    /// Compiles the program at mudlib path `path` (with or without `.c`).
    pub fn compile(&mut self, path: &str) -> Result<Compiled, Diagnostic> {
        let obj = object_path("/", path);
        let file = format!("{obj}.c");
        let Some((name, src)) = self.files.include(&file, &file) else {
            return Err(Diagnostic {
                file: Arc::from(file.as_str()),
                line: 0,
                message: format!("Could not compile \"{file}\""),
            });
        };
        let (mut prog, mut diags) = parse_source(&name, &src, self.files, &self.pp);
        self.compiling.push(obj.clone());
        let kfuns = self.kfuns.clone();
        let tc = self.tc.clone();
        let (info, d2) = check(&mut prog, &obj, &tc, self, &*kfuns);
        self.compiling.pop();
        diags.extend(d2);
        sort_diagnostics(&mut diags);
        let info = Arc::new(info);
        let entry = if diags.is_empty() {
            Ok(info.clone())
        } else {
            Err(format!("Failed to compile \"{file}\""))
        };
        self.cache.insert(obj, entry);
        Ok(Compiled {
            program: prog,
            info,
            diags,
        })
    }
}

impl InheritResolver for FrontEnd<'_> {
    fn inherit(&mut self, from: &str, path: &str) -> Result<Arc<ProgramInfo>, String> {
        let expanded;
        let path = if path.starts_with('~') {
            expanded = crate::preprocess::expand_home(from, path);
            expanded.as_str()
        } else {
            path
        };
        if let Some(r) = self.cache.get(path) {
            return r.clone();
        }
        if self.compiling.iter().any(|p| p == path) {
            return Err("cycle in inheritance".to_string());
        }
        if self.compiling.len() >= MAX_COMPILE_NESTING {
            return Err("Compilation nesting too deep".to_string());
        }
        match self.compile(path) {
            Ok(c) => {
                if c.diags.is_empty() {
                    Ok(c.info)
                } else {
                    self.inherited_diags.push((path.to_string(), c.diags));
                    Err(format!("Failed to compile \"{path}.c\""))
                }
            }
            Err(d) => {
                let msg = d.message.clone();
                self.cache.insert(path.to_string(), Err(msg.clone()));
                Err(msg)
            }
        }
    }
}

/// Orders diagnostics by line within each file, files in order of their
/// first diagnostic (the passes run one after the other; DGD reports in one).
pub fn sort_diagnostics(diags: &mut [Diagnostic]) {
    let mut order: Vec<Arc<str>> = Vec::new();
    for d in diags.iter() {
        if !order.contains(&d.file) {
            order.push(d.file.clone());
        }
    }
    diags.sort_by_key(|d| (order.iter().position(|f| *f == d.file), d.line));
}
