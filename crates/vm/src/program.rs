//! Compiled programs: bytecode, functions, variables and the inheritance links the
//! interpreter uses for fast calls and variable access.
//!
//! # Layout
//! A program has a flattened list of *ancestors* (every program it inherits, directly
//! or not, each once, in DGD's order: an inherited program's ancestors before it), and
//! itself at index `ancestors.len()` ("self").
//! An object's dataspace is one flat `Vec<Value>`: the variables of ancestor 0, then
//! ancestor 1, ..., then the program's own. Code of a program `P` addresses variables by
//! its own layout index (`Op::Global`); when that code runs in an object whose program
//! is `O` (P is an ancestor of O), [`Link::var_map`] translates P-layout indices to
//! O-layout indices. Likewise virtual calls: P's code calls by *call slot* (a name) and
//! [`Link::call_map`] gives the resolved function in O; statically bound calls name an
//! ancestor of P, translated by [`Link::anc_map`]. Links are computed when O is
//! compiled, so a call or variable access at run time is two array lookups.

use crate::value::{KfunRegistry, LStr, TypeSpec, Value};
use std::collections::HashMap;
use std::rc::Rc;

/// Flag on an argument count: the last argument is an array to spread.
pub const SPREAD: u8 = 0x80;

/// One bytecode instruction. 8 bytes; operands inline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    /// Push nil.
    Nil,
    /// Push an int.
    Int(i32),
    /// Push constant `n` of the program (string or float).
    Const(u32),
    /// Push local slot.
    Local(u16),
    /// Store top into local slot, keep it on the stack.
    StoreLocal(u16),
    /// Pop into local slot.
    SetLocal(u16),
    /// Push global (P-layout index).
    Global(u16),
    /// Store top into global, keep it.
    StoreGlobal(u16),
    /// Pop into global.
    SetGlobal(u16),
    /// `[.., x, v]` -> store x into local, leave v (index writeback).
    StoreLocalUnder(u16),
    /// `[.., x, v]` -> store x into global, leave v.
    StoreGlobalUnder(u16),
    /// `[.., c, i, x, v]` -> c[i] = x, leave v.
    StoreIndexUnder,
    Pop,
    Dup,
    /// Duplicate the top two values.
    Dup2,
    /// Swap the top two.
    Swap,
    /// Local += int constant, push nothing (fast `i++` statement).
    IncLocal(u16, i32),
    /// Pre/post increment on a local: push value after (pre) or before (post).
    IncDecLocal(u16, i8, bool),
    IncDecGlobal(u16, i8, bool),
    /// `[c, i]` -> inc/dec `c[i]`, push value (pre: after, post: before).
    IncDecIndex(i8, bool),
    /// Same, with writeback: pushes `[newc, value]`.
    IncDecIndexWb(i8, bool),

    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Shl,
    Shr,
    And,
    Or,
    Xor,
    Lt,
    Gt,
    Le,
    Ge,
    Eq,
    Ne,
    Neg,
    Not,
    Compl,
    /// Local op= top (generic); pushes the result.
    AddLocal(u16),
    /// Check the type of the top value (typechecking 2 runtime check).
    CheckType(TypeSpec),
    /// `(type)` cast of the top.
    Cast(TypeSpec),

    Jump(u32),
    JumpFalse(u32),
    JumpTrue(u32),
    /// Jump if top false, else pop (for `&&`): leaves 0 when jumping.
    AndJump(u32),
    /// Jump if top true, else pop (for `||`): leaves 1 when jumping.
    OrJump(u32),
    /// Counts a loop iteration's ticks, then jumps back.
    Loop(u32),
    /// Pops; if true, counts a loop iteration and jumps back.
    LoopTrue(u32),
    /// Compare (0 <, 1 >, 2 <=, 3 >=, 4 ==, 5 !=) the top two; if false, jump.
    CmpJumpFalse(u8, u32),
    /// Compare the top two; if true, count a loop iteration and jump back.
    CmpLoop(u8, u32),
    /// Push a local and an int.
    LocalInt(u16, i32),
    /// local[dst] += local[src], pushes the result.
    AddLocalLocal(u16, u16),
    /// Switch on top via table `n` of the function.
    Switch(u32),

    /// `({ n values })`.
    Array(u32),
    /// `([ n pairs ])`.
    Mapping(u32),
    /// `[c, i]` -> `c[i]`.
    Index,
    /// `[c, from?, to?]` -> range; bit 0: has from, bit 1: has to.
    Range(u8),
    /// `[c, i, v]` -> `c[i] = v`, pushes v.
    StoreIndex,
    /// `[c, i, v]` -> `c[i] = v`, pushes `[newc, v]` (for string writeback).
    StoreIndexWb,
    /// `({ lvalues }) = arr`: `[arr]` stays; sets n elements to the lvalues compiled
    /// after it (see the compiler).
    UnpackArray(u16),

    /// Virtual call through call slot `slot` with `argc` arguments (SPREAD flag).
    Call(u16, u8),
    /// Static call: ancestor (P-relative), function index, argc.
    CallStatic(u16, u16, u8),
    /// Kfun call by registry index.
    Kfun(u16, u8),
    /// `[obj, fname, args..]` call_other.
    CallOther(u8),
    /// sscanf: `[str, fmt]` -> kfun result array; then the compiler stores.
    Sscanf(u16),
    /// `new object "path"(args)`: constant index of path, argc.
    NewLwo(u32, u8),
    /// `obj <- "path"`: constant index.
    InstanceOf(u32),
    Return,
    ReturnNil,

    /// Enter `catch`: handler pc; the catch result goes on the stack at the handler.
    CatchBegin(u32),
    /// Leave the catch body normally.
    CatchEnd,
    /// `[depth, ticks]` -> enter rlimits.
    RlimitsBegin,
    RlimitsEnd,
    /// No operation.
    Nop,
    /// `[arr]` -> nothing; "Missing lvalue" if the sscanf result array holds more
    /// values than the call has lvalues.
    SscanfLimit(u16),
    /// `[v]` -> `[v]`: a value stored into an `object "path"` (constant index)
    /// must be nil or an object inheriting that program publicly, else "Value is
    /// not of object type /path" ("Value is not an object" for other values).
    ClassCheck(u32),
    /// At function entry: parameter `n` (typed `object "path"`, constant index)
    /// must hold nil, a non-object or an object inheriting that program
    /// publicly, else "Bad object argument n+1 for function f".
    ArgClassCheck(u16, u32),
    /// Charge `fixed + per_frame * frames` ticks (negative: give back). The
    /// compiler emits it where DGD charges a construct differently from its
    /// parts (`status()[i]`, `call_trace()[i]`, see `crate::ticks`).
    Ticks(i16, i16),
    /// `+` as a term of DGD's summand (a chain of string or array additions):
    /// the same result as `Add`, with no ticks of its own (the chain is charged
    /// by one `Ticks`).
    SumAdd,
    /// `[v]` -> `[v]`: the mixed operand of `string + mixed` must be an int, a
    /// float or a string (DGD converts it first), else "Value is not a
    /// string". Free of ticks: the conversion is charged as before.
    StrOperand,
}

/// Function modifiers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FnMods {
    pub private: bool,
    pub static_: bool,
    pub nomask: bool,
    pub atomic: bool,
    pub varargs: bool,
}

/// A switch table.
#[derive(Clone, Debug, PartialEq)]
pub enum SwitchTable {
    /// Sorted, non-overlapping ranges with target pcs; default pc.
    Int(Vec<(i32, i32, u32)>, u32),
    /// String/nil cases.
    Str(HashMap<Option<LStr>, u32>, u32),
}

/// One function of a program.
#[derive(Clone, Debug)]
pub struct Function {
    pub name: LStr,
    pub mods: FnMods,
    pub ret: TypeSpec,
    pub params: Vec<TypeSpec>,
    pub min_args: u16,
    pub ellipsis: bool,
    pub nlocals: u16,
    /// Types of locals beyond the parameters (for their initial values).
    pub local_types: Vec<TypeSpec>,
    /// False for a prototype without body.
    pub defined: bool,
    pub code: Rc<[Op]>,
    /// (pc, line) pairs, ascending pc.
    pub lines: Vec<(u32, u32)>,
    pub switches: Vec<SwitchTable>,
    /// Typechecking 2: insert runtime checks of arguments.
    pub check_args: bool,
}

impl Function {
    pub fn line_at(&self, pc: usize) -> u32 {
        let mut l = 0;
        for &(p, line) in &self.lines {
            if p as usize > pc {
                break;
            }
            l = line;
        }
        l
    }
}

/// A global variable of a program.
#[derive(Clone, Debug, PartialEq)]
pub struct VarDef {
    pub name: LStr,
    pub ty: TypeSpec,
    pub private: bool,
    pub static_: bool,
}

/// A resolved function: ancestor index (in the program that owns the table) and the
/// function index in that ancestor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FuncRef {
    pub anc: u16,
    pub func: u16,
}

/// A virtual call target resolved in a concrete program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallTarget {
    Func(FuncRef),
    /// Not defined anywhere: the auto object or a kfun does not have it either.
    Undefined,
    /// Falls back to a kfun (call of an undefined function with a kfun of that name).
    Kfun(u16),
}

/// How code of ancestor `a` runs inside this program.
#[derive(Clone, Debug, Default)]
pub struct Link {
    pub var_map: Vec<u32>,
    pub call_map: Vec<CallTarget>,
    pub anc_map: Vec<u16>,
}

/// An inherited program as the program refers to it.
#[derive(Clone, Debug)]
pub struct Ancestor {
    pub prog: Rc<Program>,
    /// Offset of its own variables in this program's layout.
    pub var_offset: u32,
    /// Inherited privately (directly or through a private inherit).
    pub private: bool,
}

/// A compiled program.
#[derive(Debug)]
pub struct Program {
    /// Object name of the master, without `.c` ("/obj/thing").
    pub name: LStr,
    /// Unique id of this compiled version (program index in the VM).
    pub id: u32,
    pub ancestors: Vec<Ancestor>,
    /// Direct inherits: (label, ancestor index, private).
    pub inherits: Vec<(Option<LStr>, u16, bool)>,
    pub vars: Vec<VarDef>,
    pub funcs: Vec<Function>,
    pub consts: Vec<Value>,
    /// Names of virtual call slots used by this program's own code.
    pub call_slots: Vec<LStr>,
    /// Every function visible through `call_other` and virtual calls: name -> def.
    pub ftable: HashMap<LStr, FuncRef>,
    /// Total number of variables (layout size).
    pub nvars: u32,
    /// Links for each ancestor and self (index `ancestors.len()`).
    pub links: Vec<Link>,
    /// Variable layout: (ancestor or self, variable index) for each slot.
    pub layout: Vec<(u16, u16)>,
    /// Kfun names used (for persistence: kfun indices are per build).
    pub kfun_names: Vec<LStr>,
    /// Source files (index by line table file numbers).
    pub files: Vec<LStr>,
    /// Is this the auto object / driver object.
    pub is_auto: bool,
    /// Compile time (ctime) as seconds.
    pub ctime: i64,
}

impl Program {
    pub fn self_anc(&self) -> u16 {
        self.ancestors.len() as u16
    }

    /// The program at ancestor index `a` (self if `a == ancestors.len()`).
    pub fn anc_prog(self: &Rc<Self>, a: u16) -> Option<&Rc<Program>> {
        if a as usize == self.ancestors.len() {
            Some(self)
        } else {
            self.ancestors.get(a as usize).map(|x| &x.prog)
        }
    }

    /// Does this program inherit (or is it) the program named `name`?
    pub fn inherits_name(&self, name: &[u8]) -> bool {
        self.name.as_bytes() == name
            || self
                .ancestors
                .iter()
                .any(|a| a.prog.name.as_bytes() == name)
    }

    /// Variable names/types in layout order (for save_object & upgrades).
    pub fn layout_vars(self: &Rc<Self>) -> Vec<(VarDef, u16)> {
        self.layout
            .iter()
            .filter_map(|&(a, v)| {
                let p = self.anc_prog(a)?;
                p.vars.get(v as usize).map(|d| (d.clone(), a))
            })
            .collect()
    }

    /// Initial dataspace: every variable at its type's default.
    pub fn initial_vars(self: &Rc<Self>) -> Vec<Value> {
        self.layout
            .iter()
            .map(|&(a, v)| {
                self.anc_prog(a)
                    .and_then(|p| p.vars.get(v as usize))
                    .map(|d| d.ty.default_value())
                    .unwrap_or(Value::Nil)
            })
            .collect()
    }

    /// Looks up a function by name for call_other.
    pub fn find_function(self: &Rc<Self>, name: &[u8]) -> Option<(FuncRef, &Function)> {
        let fr = *self.ftable.get(name)?;
        let p = self.anc_prog(fr.anc)?;
        let f = p.funcs.get(fr.func as usize)?;
        Some((fr, f))
    }

    /// Resolves kfun indices of this program's code for the running build.
    pub fn kfun_index(&self, reg: &KfunRegistry, name: &LStr) -> Option<u16> {
        reg.lookup(&name.to_str_lossy()).map(|(i, _)| i)
    }
}
