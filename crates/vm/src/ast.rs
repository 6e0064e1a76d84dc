//! The typed syntax tree of one LPC program: the contract between the front end
//! (`preprocess` → `lex` → `parse` → `typecheck`) and the bytecode compiler.
//!
//! How the compiler uses it: `parse::parse` builds a [`Program`] with every
//! [`Expr::ty`] set to [`Type::UNKNOWN`] and every resolution slot
//! ([`VarRes`], [`CallRes`], [`Stmt`] switch tables, local slots) unresolved;
//! `typecheck::check` then fills them in place, folds constants (a folded
//! expression is replaced by an [`ExprKind::Int`]/[`ExprKind::Float`]/
//! [`ExprKind::Str`]/[`ExprKind::Nil`] literal) and reports diagnostics. Only a
//! program with no errors should be compiled. The compiler then walks
//! [`Program::decls`] in order: global variables get their slots in
//! declaration order, each [`FuncDecl`] with a body becomes a function whose
//! frame has [`FuncDecl::nlocals`] slots (parameters first, slots `0..params.len()`,
//! then block locals as numbered in [`LocalDecl::slot`]). Use `Expr::ty` to choose
//! typed instructions (e.g. int `+` vs generic `+`) and to insert runtime type
//! checks where a `mixed` value flows into a typed slot (typechecking 2); the
//! type of a [`ExprKind::Var`] is the declared type. Positions ([`Pos`]) give a
//! file index into [`Program::files`] plus a line, for line tables and errors.
//! Names of called functions are resolved by the compiler against the program,
//! its inherits and the kfun table; `typecheck` records what it learned in
//! [`CallRes`] but the compiler stays the authority for inherited functions.
//! Below typechecking 2, typecheck rewrites `nil` to `Int(0)`. `new "path"(args)`
//! is DGD's call `new_object("path", args...)` (see [`ExprKind::New`]).
//! Arguments of kfuns with lvalue parameters (`sscanf` from the third on) are
//! lvalue expressions. Positions of closing braces ([`FuncDecl::end`],
//! [`SwitchTable::end`], [`Program::end`]) are where DGD reports errors found at
//! the end of a construct. The tree only grows compatibly: fields and variants
//! are added, never renamed.

use std::sync::Arc;

/// An identifier (variable, function, label or inherit label name).
pub type Name = Arc<str>;

/// An LPC string constant: raw bytes (LPC strings are byte strings).
pub type Bytes = Arc<[u8]>;

/// A source position: which file (index into [`Program::files`]) and which line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Pos {
    /// Index into [`Program::files`]; 0 is the compiled file itself.
    pub file: u32,
    /// 1-based line number (after `#line` adjustments).
    pub line: u32,
}

/// The base of a type, without array depth.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BaseType {
    /// No declared type (untyped function or parameter under typechecking 0),
    /// and also the type of the `nil` constant.
    Nil,
    /// `int`: 32-bit wrapping integer.
    Int,
    /// `float`: DGD float.
    Float,
    /// `string`: byte string.
    String,
    /// `object` (possibly typed `object "path"`, see [`Type::class`]).
    Object,
    /// `mapping`.
    Mapping,
    /// `mixed`: any value.
    Mixed,
    /// `void`: only as a function return type (or the value of a void call).
    Void,
    /// Not yet known (set by the parser; typecheck replaces it). Also used by
    /// typecheck for an expression whose type could not be determined after an error.
    Unknown,
}

/// A full LPC type: base, array depth (`int **` has depth 2) and, for typed
/// objects, the object type path.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Type {
    /// The element type.
    pub base: BaseType,
    /// Number of `*`: 0 for scalars; at most 15 in DGD.
    pub depth: u8,
    /// For `object "path"`: the path as written, resolved by the driver's
    /// `object_type`; `None` for plain `object` and every other base.
    pub class: Option<Arc<str>>,
}

impl Default for Type {
    /// [`Type::UNKNOWN`].
    fn default() -> Type {
        Type::UNKNOWN
    }
}

impl Type {
    /// Max array depth accepted (DGD: "too deep indirection").
    pub const MAX_DEPTH: u8 = 15;
    /// Not yet typed.
    pub const UNKNOWN: Type = Type::base(BaseType::Unknown);
    /// `nil` / untyped.
    pub const NIL: Type = Type::base(BaseType::Nil);
    /// `int`.
    pub const INT: Type = Type::base(BaseType::Int);
    /// `float`.
    pub const FLOAT: Type = Type::base(BaseType::Float);
    /// `string`.
    pub const STRING: Type = Type::base(BaseType::String);
    /// `object`.
    pub const OBJECT: Type = Type::base(BaseType::Object);
    /// `mapping`.
    pub const MAPPING: Type = Type::base(BaseType::Mapping);
    /// `mixed`.
    pub const MIXED: Type = Type::base(BaseType::Mixed);
    /// `void`.
    pub const VOID: Type = Type::base(BaseType::Void);
    /// `mixed *`.
    pub const MIXED_ARRAY: Type = Type {
        base: BaseType::Mixed,
        depth: 1,
        class: None,
    };

    /// A scalar type of the given base.
    pub const fn base(base: BaseType) -> Type {
        Type {
            base,
            depth: 0,
            class: None,
        }
    }

    /// This type with `n` more levels of array.
    pub fn array_of(&self, n: u8) -> Type {
        Type {
            base: self.base,
            depth: self.depth.saturating_add(n),
            class: self.class.clone(),
        }
    }

    /// True when this is an array type (depth > 0).
    pub fn is_array(&self) -> bool {
        self.depth > 0
    }

    /// The element type of an array type (depth - 1); for a `mixed` scalar, `mixed`.
    pub fn element(&self) -> Type {
        if self.depth > 0 {
            Type {
                base: self.base,
                depth: self.depth - 1,
                class: self.class.clone(),
            }
        } else {
            Type::MIXED
        }
    }

    /// True for the scalar base `b` (depth 0).
    pub fn is(&self, b: BaseType) -> bool {
        self.depth == 0 && self.base == b
    }

    /// Scalar `mixed` (or unknown / untyped, which behave like mixed).
    pub fn is_mixed(&self) -> bool {
        self.depth == 0 && matches!(self.base, BaseType::Mixed | BaseType::Unknown)
    }

    /// DGD's spelling of the type, as in diagnostics: `int`, `object` (also for
    /// `object "/x"`), `mixed **`.
    pub fn name(&self) -> String {
        Type {
            class: None,
            ..self.clone()
        }
        .full_name()
    }

    /// The type with its object type path, as in syntax tree dumps: `int`,
    /// `object "/x"`, `mixed **`.
    pub fn full_name(&self) -> String {
        let mut s = String::from(match self.base {
            BaseType::Nil => "nil",
            BaseType::Int => "int",
            BaseType::Float => "float",
            BaseType::String => "string",
            BaseType::Object => "object",
            BaseType::Mapping => "mapping",
            BaseType::Mixed => "mixed",
            BaseType::Void => "void",
            BaseType::Unknown => "mixed",
        });
        if let Some(c) = &self.class {
            s.push_str(" \"");
            s.push_str(c);
            s.push('"');
        }
        if self.depth > 0 {
            s.push(' ');
            for _ in 0..self.depth {
                s.push('*');
            }
        }
        s
    }
}

/// Declaration modifiers (class specifiers). `private` implies `static`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Modifiers {
    /// `private`: visible only in this program; binds statically.
    pub private: bool,
    /// `static`: not callable by call_other from other objects / variable not saved.
    pub static_: bool,
    /// `nomask`: may not be redefined by an inheriting program.
    pub nomask: bool,
    /// `atomic`: errors roll back every change made during the call.
    pub atomic: bool,
    /// `varargs` on the function: every parameter is optional.
    pub varargs: bool,
}

/// One whole program (one compiled `.c` file plus everything it included).
#[derive(Clone, Debug, Default)]
pub struct Program {
    /// File names by [`Pos::file`] index: 0 is the program's own file, then
    /// included files in order of first inclusion.
    pub files: Vec<Arc<str>>,
    /// `inherit` declarations, in source order (they precede every other declaration).
    pub inherits: Vec<Inherit>,
    /// Variable and function declarations, in source order.
    pub decls: Vec<Decl>,
    /// End of the compiled file (its last line), where DGD reports errors
    /// found only at the end of compilation.
    pub end: Pos,
}

/// `[private] inherit [label] [object] "path";`
#[derive(Clone, Debug)]
pub struct Inherit {
    /// Position of the `inherit` keyword.
    pub pos: Pos,
    /// Optional label (for `label::f()`).
    pub label: Option<Name>,
    /// `private inherit`: inherited functions become private.
    pub private: bool,
    /// The path as written (string constants concatenated); the compiler
    /// normalises it relative to the program and asks the driver's `inherit_program`.
    pub path: Arc<str>,
}

/// A top-level declaration.
#[derive(Clone, Debug)]
pub enum Decl {
    /// A global variable (one per declarator: `int a, b;` gives two).
    Var(VarDecl),
    /// A function definition or prototype.
    Func(FuncDecl),
}

/// A global variable declaration.
#[derive(Clone, Debug)]
pub struct VarDecl {
    /// Position of the declarator.
    pub pos: Pos,
    /// Modifiers (`private`, `static`; others are errors reported by typecheck).
    pub mods: Modifiers,
    /// Declared type.
    pub ty: Type,
    /// Variable name.
    pub name: Name,
}

/// The name of a declared function: an identifier or an LWO operator.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum FuncName {
    /// An ordinary function.
    Ident(Name),
    /// `operator +` etc.; the function's name in the program is `"operator" + op`
    /// (see [`FuncName::as_str`]).
    Operator(Operator),
}

impl FuncName {
    /// The name under which the function is stored: the identifier, or e.g.
    /// `operator+`, `operator[]=`.
    pub fn as_str(&self) -> String {
        match self {
            FuncName::Ident(n) => n.to_string(),
            FuncName::Operator(op) => format!("operator{}", op.symbol()),
        }
    }
}

/// The overloadable operators of light-weight object programs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Operator {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `%`
    Mod,
    /// `&`
    And,
    /// `^`
    Xor,
    /// `|`
    Or,
    /// `<`
    Lt,
    /// `>`
    Gt,
    /// `<=`
    Le,
    /// `>=`
    Ge,
    /// `<<`
    Shl,
    /// `>>`
    Shr,
    /// `~`
    Neg,
    /// `++`
    Inc,
    /// `--`
    Dec,
    /// `[]`
    Index,
    /// `[]=`
    IndexAssign,
    /// `[..]`
    Range,
}

impl Operator {
    /// The operator as written after `operator`.
    pub fn symbol(self) -> &'static str {
        match self {
            Operator::Add => "+",
            Operator::Sub => "-",
            Operator::Mul => "*",
            Operator::Div => "/",
            Operator::Mod => "%",
            Operator::And => "&",
            Operator::Xor => "^",
            Operator::Or => "|",
            Operator::Lt => "<",
            Operator::Gt => ">",
            Operator::Le => "<=",
            Operator::Ge => ">=",
            Operator::Shl => "<<",
            Operator::Shr => ">>",
            Operator::Neg => "~",
            Operator::Inc => "++",
            Operator::Dec => "--",
            Operator::Index => "[]",
            Operator::IndexAssign => "[]=",
            Operator::Range => "[..]",
        }
    }
}

/// A function definition (with body) or prototype (without).
#[derive(Clone, Debug)]
pub struct FuncDecl {
    /// Position of the function name.
    pub pos: Pos,
    /// Modifiers.
    pub mods: Modifiers,
    /// Return type. A function declared without a type has [`BaseType::Void`]
    /// when the file is typechecked, [`BaseType::Nil`] (untyped) otherwise; the
    /// parser stores `Nil` and sets [`FuncDecl::untyped`], typecheck decides.
    pub ret: Type,
    /// True when no return type was written (`foo() { }`, `static foo() { }`).
    pub untyped: bool,
    /// Function name.
    pub name: FuncName,
    /// Parameters in order.
    pub params: Vec<Param>,
    /// `type name...`: the last parameter collects the remaining arguments into an array
    /// (its declared type is already the array type).
    pub ellipsis: bool,
    /// The body; `None` for a prototype.
    pub body: Option<Block>,
    /// Frame size: parameters + the maximum number of block locals live at once
    /// (filled by typecheck; 0 before).
    pub nlocals: u16,
    /// Position of the closing `}` of the body (of the name for a prototype).
    pub end: Pos,
}

impl FuncDecl {
    /// Number of required arguments: parameters before the first `varargs` one
    /// (all optional when the function itself is `varargs`); the ellipsis
    /// parameter is never required.
    pub fn min_args(&self) -> usize {
        if self.mods.varargs {
            return 0;
        }
        let mut n = 0;
        for p in &self.params {
            if p.varargs {
                break;
            }
            n += 1;
        }
        if self.ellipsis && n == self.params.len() && n > 0 {
            n -= 1;
        }
        n
    }
}

/// A function parameter.
#[derive(Clone, Debug)]
pub struct Param {
    /// Position of the parameter name.
    pub pos: Pos,
    /// Declared type ([`BaseType::Nil`] when only a name was written).
    pub ty: Type,
    /// Parameter name.
    pub name: Name,
    /// `varargs` was written before this parameter: it and all following are optional.
    pub varargs: bool,
}

/// A local variable declaration inside a block.
#[derive(Clone, Debug)]
pub struct LocalDecl {
    /// Position of the declarator.
    pub pos: Pos,
    /// Declared type.
    pub ty: Type,
    /// Variable name.
    pub name: Name,
    /// Frame slot (after the parameters), filled by typecheck.
    pub slot: u16,
}

/// `{ declarations statements }`
#[derive(Clone, Debug, Default)]
pub struct Block {
    /// Position of the `{`.
    pub pos: Pos,
    /// Local variables declared at the top of this block.
    pub locals: Vec<LocalDecl>,
    /// Statements.
    pub stmts: Vec<Stmt>,
}

/// A statement with its position.
#[derive(Clone, Debug)]
pub struct Stmt {
    /// Position of the statement's first token.
    pub pos: Pos,
    /// What it is.
    pub kind: StmtKind,
}

/// The statement forms.
#[derive(Clone, Debug)]
pub enum StmtKind {
    /// `;`
    Empty,
    /// `expr;` (the value is discarded).
    Expr(Expr),
    /// `{ ... }`
    Block(Block),
    /// `if (cond) then [else els]`
    If {
        /// Condition.
        cond: Expr,
        /// Then-branch.
        then: Box<Stmt>,
        /// Optional else-branch.
        els: Option<Box<Stmt>>,
    },
    /// `while (cond) body`
    While {
        /// Condition, tested before each iteration.
        cond: Expr,
        /// Loop body.
        body: Box<Stmt>,
    },
    /// `do body while (cond);`
    DoWhile {
        /// Loop body.
        body: Box<Stmt>,
        /// Condition, tested after each iteration.
        cond: Expr,
    },
    /// `for (init; cond; step) body`; every part optional.
    For {
        /// Evaluated once.
        init: Option<Expr>,
        /// Tested before each iteration; absent means forever.
        cond: Option<Expr>,
        /// Evaluated after each iteration (and on `continue`).
        step: Option<Expr>,
        /// Loop body.
        body: Box<Stmt>,
    },
    /// `switch (expr) { ... }`: case labels appear as [`StmtKind::Case`] /
    /// [`StmtKind::Default`] statements inside `body`.
    Switch {
        /// The value switched on.
        expr: Expr,
        /// The body; its locals and statements.
        body: Block,
        /// Filled by typecheck: the folded case table.
        table: SwitchTable,
    },
    /// `case lo:` or `case lo .. hi:` inside a switch body. After typecheck
    /// `lo` and `hi` are literals.
    Case {
        /// Low (or only) value.
        lo: Expr,
        /// High value of a range.
        hi: Option<Expr>,
        /// Index of this label in the enclosing switch's [`SwitchTable::entries`]
        /// (filled by typecheck).
        id: u32,
    },
    /// `default:` inside a switch body.
    Default,
    /// `break;` (out of the innermost loop or switch).
    Break,
    /// `continue;` (to the innermost loop).
    Continue,
    /// `return [expr];`
    Return(Option<Expr>),
    /// `goto label;`
    Goto(Name),
    /// `label: stmt`
    Labeled {
        /// The label.
        label: Name,
        /// The labelled statement.
        stmt: Box<Stmt>,
    },
    /// `rlimits (depth; ticks) { ... }`: -1 or 0 means unlimited / unchanged (as DGD).
    Rlimits {
        /// Stack depth limit.
        depth: Expr,
        /// Tick limit.
        ticks: Expr,
        /// Body run under the limits.
        body: Block,
    },
    /// `catch { ... } [: stmt]`: run `body`; on error run `handler` (if any) and go on.
    Catch {
        /// Guarded block.
        body: Block,
        /// Statement run when an error was caught.
        handler: Option<Box<Stmt>>,
    },
    /// `try { ... } catch (e) { ... }` / `catch (...)`: on error the error
    /// string is stored in local `var` (if named) and `handler` runs.
    Try {
        /// Guarded block.
        body: Block,
        /// The exception variable (a local of the handler block, with its slot),
        /// `None` for `catch (...)`.
        var: Option<LocalDecl>,
        /// Handler block.
        handler: Block,
    },
}

/// A switch statement's case table, built by typecheck.
#[derive(Clone, Debug, Default)]
pub struct SwitchTable {
    /// What the case labels are: int, string, or (nil only / no cases) mixed.
    pub kind: SwitchKind,
    /// One entry per `case` label, in source order (indexed by the label's `id`).
    pub entries: Vec<SwitchEntry>,
    /// True when the body has a `default:` label.
    pub has_default: bool,
    /// Position of the closing `}` of the switch body (set by the parser).
    pub end: Pos,
}

/// The kind of values a switch dispatches on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SwitchKind {
    /// All labels are int constants (ranges allowed).
    #[default]
    Int,
    /// All labels are string constants or nil.
    String,
}

/// One folded case label.
#[derive(Clone, Debug, PartialEq)]
pub enum SwitchEntry {
    /// `case lo .. hi:` on ints (`lo == hi` for a single value).
    IntRange(i32, i32),
    /// `case "s":`
    Str(Bytes),
    /// `case nil:` (string switches).
    Nil,
}

/// An expression: position, type slot and form.
#[derive(Clone, Debug)]
pub struct Expr {
    /// Position (line of the expression's first token, or operator for binary forms).
    pub pos: Pos,
    /// The static type: [`Type::UNKNOWN`] after parsing, filled by typecheck.
    pub ty: Type,
    /// What it is.
    pub kind: ExprKind,
}

impl Expr {
    /// A new expression with unknown type.
    pub fn new(pos: Pos, kind: ExprKind) -> Expr {
        Expr {
            pos,
            ty: Type::UNKNOWN,
            kind,
        }
    }
}

/// Where a variable reference points (filled by typecheck).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum VarRes {
    /// Not yet resolved.
    #[default]
    Unresolved,
    /// A parameter or local: frame slot.
    Local(u16),
    /// A global variable of this program or an inherited one, by name (the
    /// compiler maps it to the defining program's variable).
    Global,
}

/// What a plain call `f(...)` refers to (filled by typecheck; the compiler
/// stays the authority on inherited functions).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum CallRes {
    /// Not yet resolved.
    #[default]
    Unresolved,
    /// A function declared or defined in this program or an inherited one.
    Function,
    /// A kfun (or a static function of the auto object, which acts like one,
    /// when the auto object declares it).
    Kfun,
    /// Undeclared (only allowed without typechecking: resolved at runtime /
    /// end of compilation).
    Undeclared,
}

/// The binary operators (excluding assignment forms and `&&`/`||`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `%`
    Mod,
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `<<`
    Shl,
    /// `>>` (logical shift)
    Shr,
    /// `<`
    Lt,
    /// `>`
    Gt,
    /// `<=`
    Le,
    /// `>=`
    Ge,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `&`
    And,
    /// `^`
    Xor,
    /// `|`
    Or,
}

impl BinOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::Mod => "%",
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Shl => "<<",
            BinOp::Shr => ">>",
            BinOp::Lt => "<",
            BinOp::Gt => ">",
            BinOp::Le => "<=",
            BinOp::Ge => ">=",
            BinOp::Eq => "==",
            BinOp::Ne => "!=",
            BinOp::And => "&",
            BinOp::Xor => "^",
            BinOp::Or => "|",
        }
    }
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnOp {
    /// `-x`
    Neg,
    /// `!x`
    Not,
    /// `~x`
    Compl,
    /// `+x` (kept only so diagnostics can name it; typecheck drops it)
    Plus,
    /// `++x` (lvalue; value after)
    PreInc,
    /// `--x`
    PreDec,
    /// `x++` (lvalue; value before)
    PostInc,
    /// `x--`
    PostDec,
}

impl UnOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            UnOp::Neg => "-",
            UnOp::Not => "!",
            UnOp::Compl => "~",
            UnOp::Plus => "+",
            UnOp::PreInc | UnOp::PostInc => "++",
            UnOp::PreDec | UnOp::PostDec => "--",
        }
    }

    /// True for the forms that modify an lvalue.
    pub fn is_incdec(self) -> bool {
        matches!(
            self,
            UnOp::PreInc | UnOp::PreDec | UnOp::PostInc | UnOp::PostDec
        )
    }
}

/// The expression forms.
#[derive(Clone, Debug)]
pub enum ExprKind {
    /// Integer constant (also `'c'` char constants).
    Int(i32),
    /// Float constant (already rounded to DGD's precision by the lexer).
    Float(f64),
    /// String constant.
    Str(Bytes),
    /// `nil` (below typechecking 2, typecheck rewrites it to `Int(0)`).
    Nil,
    /// `({ a, b, })`
    Array(Vec<Expr>),
    /// `([ k : v, ])`
    Mapping(Vec<(Expr, Expr)>),
    /// A variable by name; `global` is set for `::name` (skip locals).
    Var {
        /// The name.
        name: Name,
        /// `::name` form.
        global: bool,
        /// Resolution (typecheck).
        res: VarRes,
    },
    /// `f(args)`, `::f(args)`, `label::f(args)`. When `spread` is set the last
    /// argument is an array whose elements are passed as separate arguments
    /// (`f(a, arr...)`). Arguments to kfuns that take lvalues (`sscanf`'s
    /// output arguments) are lvalue expressions: the compiler must compile them
    /// as lvalues, as it knows the kfun's signature.
    Call {
        /// The called name.
        name: FuncName,
        /// `None`: plain call; `Some(None)`: `::f`; `Some(Some(l))`: `l::f`.
        inherited: Option<Option<Name>>,
        /// Arguments.
        args: Vec<Expr>,
        /// Last argument is spread (`...`).
        spread: bool,
        /// What the name refers to (typecheck).
        res: CallRes,
    },
    /// `obj->func(args)`: call_other.
    CallOther {
        /// Target object (or string path).
        obj: Box<Expr>,
        /// Function name.
        func: Name,
        /// Arguments.
        args: Vec<Expr>,
        /// Last argument spread.
        spread: bool,
    },
    /// `obj <- "path"`: does obj inherit path (int).
    InstanceOf {
        /// Tested object.
        obj: Box<Expr>,
        /// Program path as written.
        path: Arc<str>,
    },
    /// `catch(expr, ...)`: nil, or the error string.
    Catch(Box<Expr>),
    /// `new [object] "path"` or `new [object] "path"(args)`: a new light-weight object.
    New {
        /// Program path as written.
        path: Arc<str>,
        /// Creator arguments (empty when none were given). The whole expression
        /// is DGD's `new_object(path, args...)`: resolved like a plain call to
        /// `new_object` (a function of the program or its inherits, e.g. the
        /// auto object's override, before the kfun), and checked against it.
        args: Vec<Expr>,
        /// Last argument spread.
        spread: bool,
    },
    /// `&f(args)`: a function pointer with bound leading arguments (DGD 1.7 function type).
    FuncAddr {
        /// Function name.
        name: Name,
        /// Bound arguments.
        args: Vec<Expr>,
        /// Last argument spread.
        spread: bool,
    },
    /// `&(*f)(args)`: extend a function pointer with more bound arguments.
    FuncExtend {
        /// The function pointer.
        func: Box<Expr>,
        /// Extra bound arguments.
        args: Vec<Expr>,
        /// Last argument spread.
        spread: bool,
    },
    /// `(*f)(args)`: call a function pointer.
    FuncCall {
        /// The function pointer.
        func: Box<Expr>,
        /// Arguments.
        args: Vec<Expr>,
        /// Last argument spread.
        spread: bool,
    },
    /// `base[index]` (string, array, mapping or LWO `operator[]`).
    Index {
        /// Indexed value.
        base: Box<Expr>,
        /// Index.
        index: Box<Expr>,
    },
    /// `base[from .. to]`, either bound optional.
    Range {
        /// Ranged value.
        base: Box<Expr>,
        /// Start (absent: from the beginning).
        from: Option<Box<Expr>>,
        /// End inclusive (absent: to the end).
        to: Option<Box<Expr>>,
    },
    /// Unary operators including `++`/`--` (whose operand is an lvalue).
    Unary {
        /// The operator.
        op: UnOp,
        /// Operand.
        expr: Box<Expr>,
    },
    /// `(type) expr`
    Cast {
        /// Target type.
        ty: Type,
        /// Operand.
        expr: Box<Expr>,
    },
    /// `l op r`
    Binary {
        /// The operator.
        op: BinOp,
        /// Left operand.
        lhs: Box<Expr>,
        /// Right operand.
        rhs: Box<Expr>,
    },
    /// `l && r` (int result, short-circuit)
    And(Box<Expr>, Box<Expr>),
    /// `l || r` (int result, short-circuit)
    Or(Box<Expr>, Box<Expr>),
    /// `c ? t : f`
    Cond {
        /// Condition.
        cond: Box<Expr>,
        /// Value when true.
        then: Box<Expr>,
        /// Value when false.
        els: Box<Expr>,
    },
    /// `lhs = rhs`. `lhs` is a variable, an index expression (into any
    /// expression: `f()[1][2] = v`), or an [`ExprKind::Array`] of lvalues
    /// (`({ a, b[1] }) = arr`, the value is `arr`).
    Assign {
        /// Target.
        lhs: Box<Expr>,
        /// Value.
        rhs: Box<Expr>,
    },
    /// `lhs op= rhs` (op is one of `+ - * / % << >> & ^ |`).
    AssignOp {
        /// The operator.
        op: BinOp,
        /// Target lvalue.
        lhs: Box<Expr>,
        /// Value.
        rhs: Box<Expr>,
    },
    /// `l, r`: evaluate both, value of `r`.
    Comma(Box<Expr>, Box<Expr>),
    /// Placeholder left where a syntax error was recovered; never reaches the compiler.
    Error,
}

// ---- a readable printed form (golden tests, `lpcc --dump`) ----

/// Prints a program as indented S-expressions with every expression's type,
/// e.g. `(+ (var x local0):int 1:int):int`.
pub fn dump(p: &Program) -> String {
    let mut d = Dumper { out: String::new() };
    for i in &p.inherits {
        d.line(
            0,
            &format!(
                "inherit {}{}\"{}\" @{}",
                if i.private { "private " } else { "" },
                i.label
                    .as_ref()
                    .map(|l| format!("{l} "))
                    .unwrap_or_default(),
                i.path,
                i.pos.line
            ),
        );
    }
    for decl in &p.decls {
        match decl {
            Decl::Var(v) => d.line(
                0,
                &format!(
                    "var {}{} {} @{}",
                    mods(&v.mods),
                    v.ty.full_name(),
                    v.name,
                    v.pos.line
                ),
            ),
            Decl::Func(f) => {
                let params: Vec<String> = f
                    .params
                    .iter()
                    .map(|p| {
                        format!(
                            "{}{} {}",
                            if p.varargs { "varargs " } else { "" },
                            p.ty.full_name(),
                            p.name
                        )
                    })
                    .collect();
                d.line(
                    0,
                    &format!(
                        "func {}{} {}({}{}) nlocals={} @{}",
                        mods(&f.mods),
                        f.ret.full_name(),
                        f.name.as_str(),
                        params.join(", "),
                        if f.ellipsis { "..." } else { "" },
                        f.nlocals,
                        f.pos.line
                    ),
                );
                if let Some(b) = &f.body {
                    d.block(1, b);
                }
            }
        }
    }
    d.out
}

fn mods(m: &Modifiers) -> String {
    let mut s = String::new();
    for (on, name) in [
        (m.private, "private "),
        (m.static_ && !m.private, "static "),
        (m.nomask, "nomask "),
        (m.atomic, "atomic "),
        (m.varargs, "varargs "),
    ] {
        if on {
            s.push_str(name);
        }
    }
    s
}

struct Dumper {
    out: String,
}

fn bytes_lit(b: &[u8]) -> String {
    let mut s = String::from("\"");
    for &c in b {
        match c {
            b'"' => s.push_str("\\\""),
            b'\\' => s.push_str("\\\\"),
            b'\n' => s.push_str("\\n"),
            b'\t' => s.push_str("\\t"),
            0x20..=0x7e => s.push(c as char),
            _ => s.push_str(&format!("\\x{c:02x}")),
        }
    }
    s.push('"');
    s
}

impl Dumper {
    fn line(&mut self, ind: usize, s: &str) {
        for _ in 0..ind {
            self.out.push_str("  ");
        }
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn block(&mut self, ind: usize, b: &Block) {
        for l in &b.locals {
            self.line(
                ind,
                &format!("local {} {} slot{}", l.ty.full_name(), l.name, l.slot),
            );
        }
        for s in &b.stmts {
            self.stmt(ind, s);
        }
    }

    fn stmt(&mut self, ind: usize, s: &Stmt) {
        let at = format!("@{}", s.pos.line);
        match &s.kind {
            StmtKind::Empty => self.line(ind, &format!("empty {at}")),
            StmtKind::Expr(e) => self.line(ind, &format!("expr {} {at}", expr(e))),
            StmtKind::Block(b) => {
                self.line(ind, &format!("block {at}"));
                self.block(ind + 1, b);
            }
            StmtKind::If { cond, then, els } => {
                self.line(ind, &format!("if {} {at}", expr(cond)));
                self.stmt(ind + 1, then);
                if let Some(e) = els {
                    self.line(ind, "else");
                    self.stmt(ind + 1, e);
                }
            }
            StmtKind::While { cond, body } => {
                self.line(ind, &format!("while {} {at}", expr(cond)));
                self.stmt(ind + 1, body);
            }
            StmtKind::DoWhile { body, cond } => {
                self.line(ind, &format!("do {at}"));
                self.stmt(ind + 1, body);
                self.line(ind, &format!("while {}", expr(cond)));
            }
            StmtKind::For {
                init,
                cond,
                step,
                body,
            } => {
                let o = |e: &Option<Expr>| e.as_ref().map(expr).unwrap_or_else(|| "-".into());
                self.line(
                    ind,
                    &format!("for {} {} {} {at}", o(init), o(cond), o(step)),
                );
                self.stmt(ind + 1, body);
            }
            StmtKind::Switch {
                expr: e,
                body,
                table,
            } => {
                let entries: Vec<String> = table
                    .entries
                    .iter()
                    .map(|x| match x {
                        SwitchEntry::IntRange(a, b) if a == b => a.to_string(),
                        SwitchEntry::IntRange(a, b) => format!("{a}..{b}"),
                        SwitchEntry::Str(s) => bytes_lit(s),
                        SwitchEntry::Nil => "nil".into(),
                    })
                    .collect();
                self.line(
                    ind,
                    &format!(
                        "switch {} {:?} [{}]{} {at}",
                        expr(e),
                        table.kind,
                        entries.join(" "),
                        if table.has_default { " default" } else { "" }
                    ),
                );
                self.block(ind + 1, body);
            }
            StmtKind::Case { lo, hi, id } => {
                let h = hi
                    .as_ref()
                    .map(|h| format!(" .. {}", expr(h)))
                    .unwrap_or_default();
                self.line(ind, &format!("case#{id} {}{h} {at}", expr(lo)));
            }
            StmtKind::Default => self.line(ind, &format!("default {at}")),
            StmtKind::Break => self.line(ind, &format!("break {at}")),
            StmtKind::Continue => self.line(ind, &format!("continue {at}")),
            StmtKind::Return(e) => {
                let v = e.as_ref().map(expr).unwrap_or_default();
                self.line(ind, &format!("return {v} {at}"));
            }
            StmtKind::Goto(l) => self.line(ind, &format!("goto {l} {at}")),
            StmtKind::Labeled { label, stmt } => {
                self.line(ind, &format!("label {label} {at}"));
                self.stmt(ind + 1, stmt);
            }
            StmtKind::Rlimits { depth, ticks, body } => {
                self.line(
                    ind,
                    &format!("rlimits {} {} {at}", expr(depth), expr(ticks)),
                );
                self.block(ind + 1, body);
            }
            StmtKind::Catch { body, handler } => {
                self.line(ind, &format!("catch {at}"));
                self.block(ind + 1, body);
                if let Some(h) = handler {
                    self.line(ind, "caught");
                    self.stmt(ind + 1, h);
                }
            }
            StmtKind::Try { body, var, handler } => {
                self.line(ind, &format!("try {at}"));
                self.block(ind + 1, body);
                match var {
                    Some(v) => self.line(ind, &format!("catch {} slot{}", v.name, v.slot)),
                    None => self.line(ind, "catch ..."),
                }
                self.block(ind + 1, handler);
            }
        }
    }
}

fn args_str(args: &[Expr], spread: bool) -> String {
    let mut v: Vec<String> = args.iter().map(expr).collect();
    if spread {
        if let Some(l) = v.last_mut() {
            l.push_str("...");
        }
    }
    v.join(" ")
}

/// Prints one expression with its type.
pub fn expr(e: &Expr) -> String {
    let body = match &e.kind {
        ExprKind::Int(i) => i.to_string(),
        ExprKind::Float(f) => format!("{f:?}"),
        ExprKind::Str(s) => bytes_lit(s),
        ExprKind::Nil => "nil".into(),
        ExprKind::Array(v) => format!("({{ {} }})", args_str(v, false)),
        ExprKind::Mapping(v) => {
            let items: Vec<String> = v
                .iter()
                .map(|(k, x)| format!("{}:{}", expr(k), expr(x)))
                .collect();
            format!("([ {} ])", items.join(" "))
        }
        ExprKind::Var { name, global, res } => {
            let r = match res {
                VarRes::Unresolved => "?".to_string(),
                VarRes::Local(s) => format!("local{s}"),
                VarRes::Global => "global".into(),
            };
            format!("(var {}{} {r})", if *global { "::" } else { "" }, name)
        }
        ExprKind::Call {
            name,
            inherited,
            args,
            spread,
            res,
        } => {
            let prefix = match inherited {
                None => String::new(),
                Some(None) => "::".into(),
                Some(Some(l)) => format!("{l}::"),
            };
            format!(
                "(call {prefix}{} {:?} [{}])",
                name.as_str(),
                res,
                args_str(args, *spread)
            )
        }
        ExprKind::CallOther {
            obj,
            func,
            args,
            spread,
        } => format!("(-> {} {func} [{}])", expr(obj), args_str(args, *spread)),
        ExprKind::InstanceOf { obj, path } => format!("(<- {} \"{path}\")", expr(obj)),
        ExprKind::Catch(x) => format!("(catch {})", expr(x)),
        ExprKind::New { path, args, spread } => {
            format!("(new \"{path}\" [{}])", args_str(args, *spread))
        }
        ExprKind::FuncAddr { name, args, spread } => {
            format!("(& {name} [{}])", args_str(args, *spread))
        }
        ExprKind::FuncExtend { func, args, spread } => {
            format!("(&* {} [{}])", expr(func), args_str(args, *spread))
        }
        ExprKind::FuncCall { func, args, spread } => {
            format!("(* {} [{}])", expr(func), args_str(args, *spread))
        }
        ExprKind::Index { base, index } => format!("([] {} {})", expr(base), expr(index)),
        ExprKind::Range { base, from, to } => {
            let o = |x: &Option<Box<Expr>>| x.as_deref().map(expr).unwrap_or_else(|| "-".into());
            format!("([..] {} {} {})", expr(base), o(from), o(to))
        }
        ExprKind::Unary { op, expr: x } => {
            let name = match op {
                UnOp::PostInc => "post++",
                UnOp::PostDec => "post--",
                UnOp::Neg => "neg",
                other => other.symbol(),
            };
            format!("({name} {})", expr(x))
        }
        ExprKind::Cast { ty, expr: x } => format!("(({}) {})", ty.full_name(), expr(x)),
        ExprKind::Binary { op, lhs, rhs } => {
            format!("({} {} {})", op.symbol(), expr(lhs), expr(rhs))
        }
        ExprKind::And(l, r) => format!("(&& {} {})", expr(l), expr(r)),
        ExprKind::Or(l, r) => format!("(|| {} {})", expr(l), expr(r)),
        ExprKind::Cond { cond, then, els } => {
            format!("(? {} {} {})", expr(cond), expr(then), expr(els))
        }
        ExprKind::Assign { lhs, rhs } => format!("(= {} {})", expr(lhs), expr(rhs)),
        ExprKind::AssignOp { op, lhs, rhs } => {
            format!("({}= {} {})", op.symbol(), expr(lhs), expr(rhs))
        }
        ExprKind::Comma(l, r) => format!("(, {} {})", expr(l), expr(r)),
        ExprKind::Error => "<error>".into(),
    };
    format!("{body}:{}", e.ty.full_name().replace(' ', ""))
}
