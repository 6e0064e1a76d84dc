//! A seeded generator of random, mostly well-formed LPC programs (DGD dialect).
//!
//! One seed gives a small mudlib of three objects: `/obj/a`, `/obj/b` (inherits `a`
//! under a label, sometimes privately) and `/obj/m` (inherits `b`, has `main()`).
//! Generation is type-directed (int, float, string, array, mapping, object, mixed),
//! so most programs pass strict typechecking and run deep into the interpreter; a
//! small share of deliberately odd choices (mismatched overrides, wrong argument
//! counts, constant division by zero) keeps the error paths busy too. Values are
//! pushed to their limits: int overflow constants, shifts by 31/32/-1, float
//! overflow, string doubling past 65535 bytes, `allocate` past `array_size`,
//! unbounded recursion, runaway loops under ticks, nested catch/rlimits, atomic
//! functions that fail half-way, call_other between objects, clone/destruct and
//! recompilation with upgrade.

use std::fmt::Write;

/// xorshift64*: small, fast and good enough to pick grammar productions.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    /// True with probability `p` percent.
    pub fn pct(&mut self, p: usize) -> bool {
        self.below(100) < p
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ty {
    Int,
    Float,
    Str,
    Arr,
    Map,
    Obj,
    Mixed,
}

impl Ty {
    fn decl(self) -> &'static str {
        match self {
            Ty::Int => "int",
            Ty::Float => "float",
            Ty::Str => "string",
            Ty::Arr => "mixed *",
            Ty::Map => "mapping",
            Ty::Obj => "object",
            Ty::Mixed => "mixed",
        }
    }
    fn cast(self) -> &'static str {
        match self {
            Ty::Int => "(int)",
            Ty::Float => "(float)",
            Ty::Str => "(string)",
            Ty::Arr => "(mixed *)",
            Ty::Map => "(mapping)",
            Ty::Obj => "(object)",
            Ty::Mixed => "(mixed)",
        }
    }
}

const TYPES: [Ty; 7] = [
    Ty::Int,
    Ty::Float,
    Ty::Str,
    Ty::Arr,
    Ty::Map,
    Ty::Obj,
    Ty::Mixed,
];

#[derive(Clone, Debug)]
struct Func {
    name: String,
    ret: Option<Ty>, // None: void
    params: Vec<Ty>,
    modifiers: &'static str,
    /// `varargs` before the last parameter.
    varargs: bool,
}

impl Func {
    fn header(&self) -> String {
        let mut s = String::new();
        s.push_str(self.modifiers);
        s.push_str(match self.ret {
            None => "void",
            Some(t) => t.decl(),
        });
        s.push(' ');
        s.push_str(&self.name);
        s.push('(');
        for (i, p) in self.params.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            if self.varargs && i + 1 == self.params.len() {
                s.push_str("varargs ");
            }
            let _ = write!(s, "{} p{i}", p.decl());
        }
        s.push(')');
        s
    }
    fn callable_from_child(&self) -> bool {
        !self.modifiers.contains("private")
    }
    fn callable_by_call_other(&self) -> bool {
        !self.modifiers.contains("private") && !self.modifiers.contains("static")
    }
}

const PATHS: [&str; 3] = ["/obj/a", "/obj/b", "/obj/m"];

struct Gen {
    rng: Rng,
    /// (name, type) of the variables in scope: globals then locals.
    vars: Vec<(String, Ty)>,
    /// Functions callable directly from the object being generated.
    funcs: Vec<Func>,
    /// (path, function) reachable by call_other.
    remote: Vec<(&'static str, Func)>,
    /// Labels of inherited programs and their functions.
    labels: Vec<(String, Vec<Func>)>,
    loop_depth: usize,
    switch_depth: usize,
    budget: usize,
    tmp: usize,
    /// Deliberately odd programs (wrong argument counts, constant errors).
    sloppy: bool,
}

const INTS: [&str; 20] = [
    "0",
    "1",
    "-1",
    "2",
    "3",
    "7",
    "31",
    "32",
    "33",
    "255",
    "65535",
    "65536",
    "0x7fffffff",
    "(-0x7fffffff - 1)",
    "1000000",
    "-1000000",
    "0xff",
    "017",
    "'a'",
    "'\\n'",
];
const FLOATS: [&str; 12] = [
    "0.0",
    "1.0",
    "-1.0",
    "0.5",
    "1.5",
    "3.25",
    "1e10",
    "1e-10",
    "1.0e300",
    "2.5e-300",
    "123456789.0",
    "0.333333333",
];
const STRS: [&str; 14] = [
    "\"\"",
    "\"a\"",
    "\"abc\"",
    "\"hello world\"",
    "\"%d %s\"",
    "\"%s:%d\"",
    "\"a,b,,c\"",
    "\",\"",
    "\"\\t\\n\\x41\\101\"",
    "\"/obj/a\"",
    "\"/obj/b\"",
    "\"/obj/m\"",
    "\"f0\"",
    "\"12 ab\"",
];

impl Gen {
    fn vars_of(&self, t: Ty) -> Vec<String> {
        self.vars
            .iter()
            .filter(|(_, vt)| *vt == t)
            .map(|(n, _)| n.clone())
            .collect()
    }

    fn spend(&mut self) -> bool {
        if self.budget == 0 {
            return false;
        }
        self.budget -= 1;
        true
    }

    /// An lvalue of type `t` (a variable, or an indexed mixed/array/mapping one).
    fn lvalue(&mut self, t: Ty, d: usize) -> Option<String> {
        let vs = self.vars_of(t);
        if !vs.is_empty() && self.rng.pct(80) {
            return Some(self.rng.pick(&vs).clone());
        }
        if t == Ty::Mixed || t == Ty::Int {
            // element of an array or mapping
            let arrs = self.vars_of(Ty::Arr);
            let maps = self.vars_of(Ty::Map);
            if !arrs.is_empty() && self.rng.pct(50) {
                let a = self.rng.pick(&arrs).clone();
                let i = self.small_int();
                return Some(format!("{a}[{i}]"));
            }
            if !maps.is_empty() {
                let m = self.rng.pick(&maps).clone();
                let k = self.expr(Ty::Mixed, d + 1);
                return Some(format!("{m}[{k}]"));
            }
        }
        if vs.is_empty() {
            None
        } else {
            Some(self.rng.pick(&vs).clone())
        }
    }

    /// `id(e)`: an expression of static type mixed (the auto object's `id`), so
    /// casts of it always compile.
    fn idwrap(&mut self, d: usize) -> String {
        format!("id({})", self.expr(Ty::Mixed, d + 1))
    }

    /// A non-constant expression of type `t` (so constant folding cannot turn a
    /// division by zero or a bad range into a compile error), unless sloppy.
    fn nc(&mut self, t: Ty, d: usize) -> String {
        if self.sloppy {
            return self.expr(t, d + 1);
        }
        let vs = self.vars_of(t);
        if !vs.is_empty() && self.rng.pct(50) {
            return self.rng.pick(&vs).clone();
        }
        let e = self.expr(t, d + 1);
        if t == Ty::Mixed {
            format!("id({e})")
        } else {
            format!("(({})id({e}))", t.decl())
        }
    }

    /// An expression of static type mixed.
    fn dynm(&mut self, d: usize) -> String {
        let vs = self.vars_of(Ty::Mixed);
        if !vs.is_empty() && self.rng.pct(40) {
            return self.rng.pick(&vs).clone();
        }
        let arrs = self.vars_of(Ty::Arr);
        if !arrs.is_empty() && self.rng.pct(20) {
            let a = self.rng.pick(&arrs).clone();
            let i = self.small_int();
            return format!("{a}[{i}]");
        }
        self.idwrap(d)
    }

    fn small_int(&mut self) -> String {
        match self.rng.below(6) {
            0 => "-1".into(),
            1 => "100".into(),
            _ => self.rng.below(4).to_string(),
        }
    }

    fn call_args(&mut self, f: &Func, d: usize) -> String {
        let mut n = f.params.len();
        if self.sloppy && self.rng.pct(10) {
            // wrong argument count: compile or runtime error
            n = self.rng.below(n + 2);
        }
        let mut args = Vec::new();
        for i in 0..n {
            let t = f.params.get(i).copied().unwrap_or(Ty::Mixed);
            args.push(self.expr(t, d + 1));
        }
        args.join(", ")
    }

    fn call_of(&mut self, t: Ty, d: usize) -> Option<String> {
        let fs: Vec<Func> = self
            .funcs
            .iter()
            .filter(|f| f.ret == Some(t) || (t == Ty::Mixed && f.ret.is_some()))
            .cloned()
            .collect();
        if fs.is_empty() {
            return None;
        }
        let f = self.rng.pick(&fs).clone();
        let args = self.call_args(&f, d);
        Some(format!("{}({args})", f.name))
    }

    fn remote_call(&mut self, d: usize) -> Option<String> {
        if self.remote.is_empty() {
            return None;
        }
        let (p, f) = self.rng.pick(&self.remote).clone();
        let args = self.call_args(&f, d);
        Some(match self.rng.below(4) {
            0 => format!("\"{p}\"->{}({args})", f.name),
            1 => {
                let sep = if args.is_empty() { "" } else { ", " };
                format!("call_other(\"{p}\", \"{}\"{sep}{args})", f.name)
            }
            2 => format!("find_object(\"{p}\")->{}({args})", f.name),
            _ => format!("this_object()->{}({args})", f.name),
        })
    }

    fn label_call(&mut self, d: usize) -> Option<String> {
        if self.labels.is_empty() {
            return None;
        }
        let (l, fs) = self.rng.pick(&self.labels).clone();
        let fs: Vec<Func> = fs
            .into_iter()
            .filter(|f| f.callable_from_child() && f.ret.is_some())
            .collect();
        if fs.is_empty() {
            return None;
        }
        let f = self.rng.pick(&fs).clone();
        let args = self.call_args(&f, d);
        let prefix = if self.rng.pct(50) {
            format!("{l}::")
        } else {
            "::".to_string()
        };
        Some(format!("{prefix}{}({args})", f.name))
    }

    /// An expression of static type `t` (for `Mixed`: any type).
    fn expr(&mut self, t: Ty, d: usize) -> String {
        if !self.spend() || d > 6 {
            return self.leaf(t);
        }
        let e = match t {
            Ty::Int => self.int_expr(d),
            Ty::Float => self.float_expr(d),
            Ty::Str => self.str_expr(d),
            Ty::Arr => self.arr_expr(d),
            Ty::Map => self.map_expr(d),
            Ty::Obj => self.obj_expr(d),
            Ty::Mixed => self.mixed_expr(d),
        };
        e.unwrap_or_else(|| self.leaf(t))
    }

    fn leaf(&mut self, t: Ty) -> String {
        let vs = self.vars_of(t);
        if !vs.is_empty() && self.rng.pct(60) {
            return self.rng.pick(&vs).clone();
        }
        match t {
            Ty::Int => self.rng.pick(&INTS).to_string(),
            Ty::Float => self.rng.pick(&FLOATS).to_string(),
            Ty::Str => self.rng.pick(&STRS).to_string(),
            Ty::Arr => "({ })".into(),
            Ty::Map => "([ ])".into(),
            Ty::Obj => "this_object()".into(),
            Ty::Mixed => match self.rng.below(5) {
                0 => "nil".into(),
                1 => self.rng.pick(&INTS).to_string(),
                2 => self.rng.pick(&STRS).to_string(),
                3 => self.rng.pick(&FLOATS).to_string(),
                _ => {
                    let t = *self.rng.pick(&TYPES);
                    if t == Ty::Mixed {
                        "nil".into()
                    } else {
                        self.leaf(t)
                    }
                }
            },
        }
    }

    fn int_expr(&mut self, d: usize) -> Option<String> {
        let e = |g: &mut Gen| g.expr(Ty::Int, d + 1);
        Some(match self.rng.below(30) {
            0..=3 => {
                let op = *self.rng.pick(&[
                    "+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^", "+", "-", "*",
                ]);
                let rhs = if matches!(op, "/" | "%" | "<<" | ">>") {
                    self.nc(Ty::Int, d)
                } else {
                    e(self)
                };
                format!("({} {op} {rhs})", e(self))
            }
            4 => format!("(- {})", e(self)),
            5 => format!("(~{})", e(self)),
            6 => {
                let a = self.expr(Ty::Mixed, d + 1);
                format!("(!{a})")
            }
            7 => {
                let t = *self.rng.pick(&[Ty::Int, Ty::Float, Ty::Str]);
                let op = *self.rng.pick(&["<", ">", "<=", ">=", "==", "!="]);
                format!("({} {op} {})", self.expr(t, d + 1), self.expr(t, d + 1))
            }
            8 => {
                let op = *self.rng.pick(&["==", "!="]);
                let t = *self.rng.pick(&TYPES);
                if t == Ty::Mixed {
                    format!("({} {op} {})", self.dynm(d), self.expr(t, d + 1))
                } else {
                    format!("({} {op} {})", self.expr(t, d + 1), self.expr(t, d + 1))
                }
            }
            9 => {
                let op = *self.rng.pick(&["&&", "||"]);
                format!(
                    "({} {op} {})",
                    self.expr(Ty::Mixed, d + 1),
                    self.expr(Ty::Mixed, d + 1)
                )
            }
            10 => {
                let lv = self.lvalue(Ty::Int, d)?;
                let op = *self.rng.pick(&["++", "--"]);
                if self.rng.pct(50) {
                    format!("({op}{lv})")
                } else {
                    format!("({lv}{op})")
                }
            }
            11 => {
                let lv = self.lvalue(Ty::Int, d)?;
                let op = *self.rng.pick(&[
                    "=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "|=", "^=",
                ]);
                let rhs = if matches!(op, "/=" | "%=" | "<<=" | ">>=") {
                    self.nc(Ty::Int, d)
                } else {
                    e(self)
                };
                format!("({lv} {op} {rhs})")
            }
            12 => format!("sizeof({})", self.expr(Ty::Arr, d + 1)),
            13 => format!("strlen({})", self.expr(Ty::Str, d + 1)),
            14 => format!("typeof({})", self.expr(Ty::Mixed, d + 1)),
            15 => format!("map_sizeof({})", self.expr(Ty::Map, d + 1)),
            16 => format!("random({})", e(self)),
            17 => format!("{}[{}]", self.nc(Ty::Str, d), self.small_int()),
            18 => {
                let s = self.expr(Ty::Str, d + 1);
                let f = self.rng.pick(&[
                    "\"%d %s\"",
                    "\"%s%d\"",
                    "\"%*s %d\"",
                    "\"%c%s\"",
                    "\"%f\"",
                    "\"%s,%s\"",
                ]);
                let lvs: Vec<String> = (0..2)
                    .filter_map(|_| {
                        let t = *self.rng.pick(&[Ty::Int, Ty::Str, Ty::Mixed, Ty::Float]);
                        self.lvalue(t, d)
                    })
                    .collect();
                let sep = if lvs.is_empty() { "" } else { ", " };
                format!("sscanf({s}, {f}{sep}{})", lvs.join(", "))
            }
            19 => format!("((int){})", self.expr(Ty::Float, d + 1)),
            20 => format!("((int){})", self.idwrap(d)),
            21 => format!(
                "({} ? {} : {})",
                self.expr(Ty::Mixed, d + 1),
                e(self),
                e(self)
            ),
            22 => self.call_of(Ty::Int, d)?,
            23 => format!("hash_crc32({})", self.expr(Ty::Str, d + 1)),
            24 => format!(
                "({} <- \"{}\")",
                self.expr(Ty::Obj, d + 1),
                self.rng.pick(&PATHS)
            ),
            25 => format!(
                "asn_cmp({}, {})",
                self.expr(Ty::Str, d + 1),
                self.expr(Ty::Str, d + 1)
            ),
            26 => {
                let a = self.expr(Ty::Arr, d + 1);
                format!("((int)id({a}[{}]))", self.small_int())
            }
            27 => format!("((int)remove_call_out({}))", e(self)),
            28 => format!(
                "call_out(\"{}\", {}, {})",
                self.callout_target(),
                self.small_int(),
                self.expr(Ty::Mixed, d + 1)
            ),
            _ => "time()".to_string(),
        })
    }

    fn callout_target(&mut self) -> String {
        let fs: Vec<String> = self.funcs.iter().map(|f| f.name.clone()).collect();
        if fs.is_empty() || self.rng.pct(10) {
            "nosuchfunc".into()
        } else {
            self.rng.pick(&fs).clone()
        }
    }

    fn float_expr(&mut self, d: usize) -> Option<String> {
        let e = |g: &mut Gen| g.expr(Ty::Float, d + 1);
        Some(match self.rng.below(14) {
            0..=3 => {
                let op = *self.rng.pick(&["+", "-", "*", "/"]);
                let rhs = self.nc(Ty::Float, d);
                format!("({} {op} {rhs})", e(self))
            }
            4 => format!("(- {})", e(self)),
            5 => format!("((float){})", self.expr(Ty::Int, d + 1)),
            6 => {
                let f = *self.rng.pick(&[
                    "floor", "ceil", "fabs", "exp", "log", "log10", "sqrt", "sin", "cos", "tan",
                    "asin", "acos", "atan", "sinh", "cosh", "tanh",
                ]);
                format!("{f}({})", e(self))
            }
            7 => {
                let f = *self.rng.pick(&["pow", "fmod", "atan2"]);
                format!("{f}({}, {})", e(self), e(self))
            }
            8 => format!("ldexp({}, {})", e(self), self.expr(Ty::Int, d + 1)),
            9 => {
                let lv = self.lvalue(Ty::Float, d)?;
                let op = *self.rng.pick(&["=", "+=", "-=", "*=", "/="]);
                format!("({lv} {op} {})", e(self))
            }
            10 => self.call_of(Ty::Float, d)?,
            11 => format!("((float){})", self.idwrap(d)),
            12 => format!("((float){})", self.nc(Ty::Str, d)),
            _ => {
                let lv = self.lvalue(Ty::Float, d)?;
                format!("({lv}++)")
            }
        })
    }

    fn str_expr(&mut self, d: usize) -> Option<String> {
        let e = |g: &mut Gen| g.expr(Ty::Str, d + 1);
        Some(match self.rng.below(22) {
            0..=2 => format!("({} + {})", e(self), e(self)),
            3 => format!("({} + {})", e(self), self.expr(Ty::Int, d + 1)),
            4 => format!("({} + {})", self.expr(Ty::Float, d + 1), e(self)),
            5 => format!(
                "{}[{}..{}]",
                self.nc(Ty::Str, d),
                self.small_int(),
                self.small_int()
            ),
            6 => format!("{}[..{}]", self.nc(Ty::Str, d), self.small_int()),
            7 => format!("{}[{}..]", self.nc(Ty::Str, d), self.small_int()),
            8 => format!("((string){})", self.expr(Ty::Int, d + 1)),
            9 => format!("((string){})", self.expr(Ty::Float, d + 1)),
            10 => format!("implode(explode({}, {}), {})", e(self), e(self), e(self)),
            11 => format!("ctime({})", self.expr(Ty::Int, d + 1)),
            12 => format!("object_name({})", self.expr(Ty::Obj, d + 1)),
            13 => {
                let a = *self
                    .rng
                    .pick(&["\"MD5\"", "\"SHA1\"", "\"crypt\"", "\"nope\""]);
                format!("hash_string({a}, {})", e(self))
            }
            14 => format!("catch({})", self.expr(Ty::Mixed, d + 1)),
            15 => {
                let lv = self.lvalue(Ty::Str, d)?;
                let op = if self.rng.pct(50) { "+=" } else { "=" };
                format!("({lv} {op} {})", e(self))
            }
            16 => self.call_of(Ty::Str, d)?,
            17 => format!("((string){})", self.idwrap(d)),
            18 => {
                let f = *self
                    .rng
                    .pick(&["asn_add", "asn_sub", "asn_mult", "asn_div", "asn_pow"]);
                format!("{f}({}, {}, {})", e(self), e(self), e(self))
            }
            19 => "previous_program()".to_string(),
            20 => format!("function_object({}, this_object())", e(self)),
            _ => format!("crypt({}, \"ab\")", e(self)),
        })
    }

    fn arr_expr(&mut self, d: usize) -> Option<String> {
        let e = |g: &mut Gen| g.expr(Ty::Arr, d + 1);
        Some(match self.rng.below(20) {
            0..=2 => {
                let n = self.rng.below(4);
                let items: Vec<String> = (0..n).map(|_| self.dynm(d)).collect();
                let tail = if n > 0 && self.rng.pct(20) { "," } else { "" };
                format!("({{ {}{tail} }})", items.join(", "))
            }
            3..=5 => {
                let op = *self.rng.pick(&["+", "-", "&", "|", "^"]);
                format!("({} {op} {})", e(self), e(self))
            }
            6 => format!("allocate({})", self.expr(Ty::Int, d + 1)),
            7 => format!("((mixed *)id(allocate_int({})))", self.small_int()),
            8 => format!("{}[{}..{}]", e(self), self.small_int(), self.small_int()),
            9 => format!(
                "((mixed *)id(explode({}, {})))",
                self.expr(Ty::Str, d + 1),
                self.expr(Ty::Str, d + 1)
            ),
            10 => format!("map_indices({})", self.expr(Ty::Map, d + 1)),
            11 => format!("map_values({})", self.expr(Ty::Map, d + 1)),
            12 => "((mixed *)id(call_trace()))".into(),
            13 => "status()".into(),
            14 => {
                let lv = self.lvalue(Ty::Arr, d)?;
                let op = *self.rng.pick(&["=", "+=", "-=", "&=", "|="]);
                format!("({lv} {op} {})", e(self))
            }
            15 => self.call_of(Ty::Arr, d)?,
            16 => format!("status({})", self.expr(Ty::Obj, d + 1)),
            17 => format!("((mixed *){})", self.idwrap(d)),
            18 => "millitime()".into(),
            _ => format!("frexp({})", self.expr(Ty::Float, d + 1)),
        })
    }

    fn map_expr(&mut self, d: usize) -> Option<String> {
        let e = |g: &mut Gen| g.expr(Ty::Map, d + 1);
        Some(match self.rng.below(10) {
            0..=3 => {
                let n = self.rng.below(4);
                let items: Vec<String> = (0..n)
                    .map(|_| {
                        let k = self.expr(Ty::Mixed, d + 1);
                        let v = self.expr(Ty::Mixed, d + 1);
                        format!("{k} : {v}")
                    })
                    .collect();
                format!("([ {} ])", items.join(", "))
            }
            4 => format!("({} + {})", e(self), e(self)),
            5 => format!("({} - {})", e(self), self.expr(Ty::Arr, d + 1)),
            6 => format!("({} & {})", e(self), self.expr(Ty::Arr, d + 1)),
            7 => format!(
                "{}[{}..{}]",
                e(self),
                self.expr(Ty::Mixed, d + 1),
                self.expr(Ty::Mixed, d + 1)
            ),
            8 => {
                let lv = self.lvalue(Ty::Map, d)?;
                let op = *self.rng.pick(&["=", "+=", "-="]);
                let rhs = if op == "-=" {
                    self.expr(Ty::Arr, d + 1)
                } else {
                    e(self)
                };
                format!("({lv} {op} {rhs})")
            }
            _ => self.call_of(Ty::Map, d)?,
        })
    }

    fn obj_expr(&mut self, d: usize) -> Option<String> {
        let p = *self.rng.pick(&PATHS);
        Some(match self.rng.below(10) {
            0 | 1 => "this_object()".into(),
            2 => format!("find_object(\"{p}\")"),
            3 => format!("clone_object(find_object(\"{p}\"))"),
            4 => "previous_object()".into(),
            5 => format!("new_object(find_object(\"{p}\"))"),
            6 => format!("compile_object(\"{p}\")"),
            7 => {
                let lv = self.lvalue(Ty::Obj, d)?;
                format!("({lv} = {})", self.expr(Ty::Obj, d + 1))
            }
            8 => self.call_of(Ty::Obj, d)?,
            _ => format!("((object){})", self.idwrap(d)),
        })
    }

    fn mixed_expr(&mut self, d: usize) -> Option<String> {
        Some(match self.rng.below(16) {
            0..=6 => {
                let t = *self.rng.pick(&TYPES[..6]);
                self.expr(t, d)
            }
            7 => {
                let a = self.expr(Ty::Arr, d + 1);
                format!("{a}[{}]", self.small_int())
            }
            8 => {
                let m = self.expr(Ty::Map, d + 1);
                format!("{m}[{}]", self.expr(Ty::Mixed, d + 1))
            }
            9 | 10 => self.remote_call(d)?,
            11 => self.label_call(d)?,
            12 => self.call_of(Ty::Mixed, d)?,
            13 => {
                let lv = self.lvalue(Ty::Mixed, d)?;
                let op = *self.rng.pick(&["=", "+=", "-=", "*=", "|="]);
                let rhs = if op == "=" {
                    self.expr(Ty::Mixed, d + 1)
                } else {
                    self.dynm(d)
                };
                format!("({lv} {op} {rhs})")
            }
            14 => format!(
                "catch({}, {})",
                self.expr(Ty::Mixed, d + 1),
                self.expr(Ty::Mixed, d + 1)
            ),
            _ => {
                let t = *self.rng.pick(&TYPES[..6]);
                format!("({}{})", t.cast(), self.idwrap(d))
            }
        })
    }

    // ------------------------------------------------------------ statements

    fn stmt(&mut self, out: &mut String, ind: usize, d: usize) {
        let before = out.len();
        self.stmt_inner(out, ind, d);
        if out.len() == before {
            let _ = writeln!(out, "{};", "    ".repeat(ind));
        }
    }

    fn stmt_inner(&mut self, out: &mut String, ind: usize, d: usize) {
        let pad = "    ".repeat(ind);
        if !self.spend() || d > 4 {
            let e = self.expr(Ty::Mixed, 5);
            let _ = writeln!(out, "{pad}{e};");
            return;
        }
        match self.rng.below(26) {
            0..=5 => {
                let t = *self.rng.pick(&TYPES);
                let e = self.expr(t, 0);
                let _ = writeln!(out, "{pad}{e};");
            }
            6 | 7 => {
                let c = self.expr(Ty::Mixed, 1);
                let _ = writeln!(out, "{pad}if ({c}) {{");
                self.block(out, ind + 1, d + 1);
                if self.rng.pct(50) {
                    let _ = writeln!(out, "{pad}}} else {{");
                    self.block(out, ind + 1, d + 1);
                }
                let _ = writeln!(out, "{pad}}}");
            }
            8 | 9 => {
                // bounded for loop on a fresh counter
                let i = self.counter();
                let n = *self.rng.pick(&["3", "10", "100", "0", "-1"]);
                let _ = writeln!(out, "{pad}for ({i} = 0; {i} < {n}; {i}++) {{");
                self.loop_body(out, ind + 1, d + 1);
                let _ = writeln!(out, "{pad}}}");
            }
            10 => {
                // runaway loop: only ticks (or an error) end it
                let _ = writeln!(out, "{pad}while (1) {{");
                self.loop_body(out, ind + 1, d + 1);
                let _ = writeln!(out, "{pad}}}");
            }
            11 => {
                let i = self.counter();
                let _ = writeln!(out, "{pad}{i} = 0;");
                let _ = writeln!(out, "{pad}do {{");
                self.loop_body(out, ind + 1, d + 1);
                let _ = writeln!(out, "{pad}}} while (++{i} < 5);");
            }
            12 | 13 => self.switch(out, ind, d),
            14 => {
                let _ = writeln!(out, "{pad}catch {{");
                self.block(out, ind + 1, d + 1);
                if self.rng.pct(50) {
                    let _ = writeln!(out, "{pad}}} : {{");
                    self.block(out, ind + 1, d + 1);
                }
                let _ = writeln!(out, "{pad}}}");
            }
            15 => {
                // the catch variable is a new string local of the handler
                self.tmp += 1;
                let v = format!("e{}", self.tmp);
                let _ = writeln!(out, "{pad}try {{");
                self.block(out, ind + 1, d + 1);
                let _ = writeln!(out, "{pad}}} catch ({v}) {{");
                // (the catch variable is read-only)
                let _ = writeln!(out, "{pad}    out({v});");
                self.block(out, ind + 1, d + 1);
                let _ = writeln!(out, "{pad}}}");
            }
            16 => {
                let dd = *self.rng.pick(&["0", "5", "50", "-1", "1000"]);
                let tt = *self
                    .rng
                    .pick(&["0", "100", "5000", "-1", "100000", "1000000"]);
                let _ = writeln!(out, "{pad}rlimits ({dd}; {tt}) {{");
                self.block(out, ind + 1, d + 1);
                let _ = writeln!(out, "{pad}}}");
            }
            17 => {
                let e = self.expr(Ty::Str, 1);
                let _ = writeln!(out, "{pad}if ({}) error({e});", self.expr(Ty::Int, 2));
            }
            18 => {
                let o = self.expr(Ty::Obj, 1);
                let _ = writeln!(out, "{pad}if (random(4) == 0) destruct_object({o});");
            }
            19 => {
                let e = self.expr(Ty::Mixed, 1);
                let _ = writeln!(out, "{pad}out({e});");
            }
            20 if self.loop_depth > 0 => {
                let kw = if self.rng.pct(50) {
                    "break"
                } else {
                    "continue"
                };
                let c = self.expr(Ty::Int, 2);
                let _ = writeln!(out, "{pad}if ({c}) {kw};");
            }
            21 => {
                // string doubling: must end in "String too long", not exhaust memory
                if let Some(s) = self.lvalue(Ty::Str, d) {
                    let i = self.counter();
                    let _ = writeln!(
                        out,
                        "{pad}for ({i} = 0; {i} < 40; {i}++) {{ {s} += {s} + \"xy\"; }}"
                    );
                }
            }
            22 => {
                // array doubling: must end at array_size
                if let Some(a) = self.lvalue(Ty::Arr, d) {
                    let i = self.counter();
                    let _ = writeln!(
                        out,
                        "{pad}for ({i} = 0; {i} < 40; {i}++) {{ {a} += {a} + ({{ {i} }}); }}"
                    );
                }
            }
            23 => {
                if let Some(m) = self.lvalue(Ty::Map, d) {
                    let i = self.counter();
                    let _ = writeln!(
                        out,
                        "{pad}for ({i} = 0; {i} < 20000; {i}++) {{ {m}[{i}] = {i}; }}"
                    );
                }
            }
            24 => {
                let lv = self.vars_of(Ty::Mixed);
                if lv.len() >= 2 {
                    let a = self.rng.pick(&lv).clone();
                    let b = self.rng.pick(&lv).clone();
                    let e = self.expr(Ty::Arr, 1);
                    let _ = writeln!(out, "{pad}({{ {a}, {b} }}) = {e};");
                }
            }
            _ => {
                let _ = writeln!(out, "{pad}{{");
                self.block(out, ind + 1, d + 1);
                let _ = writeln!(out, "{pad}}}");
            }
        }
    }

    fn counter(&mut self) -> String {
        // counters are pre-declared int locals c0..c3
        let n = self.rng.below(4);
        format!("c{n}")
    }

    fn loop_body(&mut self, out: &mut String, ind: usize, d: usize) {
        self.loop_depth += 1;
        self.block(out, ind, d);
        self.loop_depth -= 1;
    }

    fn block(&mut self, out: &mut String, ind: usize, d: usize) {
        let n = 1 + self.rng.below(3);
        for _ in 0..n {
            self.stmt(out, ind, d);
        }
    }

    fn switch(&mut self, out: &mut String, ind: usize, d: usize) {
        let pad = "    ".repeat(ind);
        let strs = self.rng.pct(40);
        let c = if strs {
            self.expr(Ty::Str, 1)
        } else {
            self.expr(Ty::Int, 1)
        };
        let _ = writeln!(out, "{pad}switch ({c}) {{");
        self.switch_depth += 1;
        let n = 1 + self.rng.below(4);
        let mut used = std::collections::HashSet::new();
        for k in 0..n {
            let label = if strs {
                let s = self.rng.pick(&STRS).to_string();
                if !used.insert(s.clone()) {
                    continue;
                }
                s
            } else if self.rng.pct(30) {
                let lo = k as i64 * 10;
                if !used.insert(format!("{lo}..")) {
                    continue;
                }
                format!("{lo} .. {}", lo + 5)
            } else {
                let v = k as i64 * 10 + 7;
                if !used.insert(v.to_string()) {
                    continue;
                }
                if self.rng.pct(20) {
                    format!("{} + 1", v - 1) // constant-folded case
                } else {
                    v.to_string()
                }
            };
            let _ = writeln!(out, "{pad}case {label}:");
            self.block(out, ind + 1, d + 1);
            if self.rng.pct(70) {
                let _ = writeln!(out, "{pad}    break;");
            }
        }
        if self.rng.pct(50) {
            let _ = writeln!(out, "{pad}default:");
            self.block(out, ind + 1, d + 1);
        }
        self.switch_depth -= 1;
        let _ = writeln!(out, "{pad}}}");
    }

    fn function(&mut self, out: &mut String, f: &Func, globals: &[(String, Ty)]) {
        let _ = writeln!(out, "{}\n{{", f.header());
        self.vars = globals.to_vec();
        for (i, p) in f.params.iter().enumerate() {
            self.vars.push((format!("p{i}"), *p));
        }
        let mut decls = String::from("    int c0, c1, c2, c3;\n");
        let nl = self.rng.below(4);
        for i in 0..nl {
            let t = *self.rng.pick(&TYPES);
            let _ = writeln!(decls, "    {} l{i};", t.decl());
            self.vars.push((format!("l{i}"), t));
        }
        out.push_str(&decls);
        out.push('\n');
        self.budget = 60 + self.rng.below(120);
        self.block(out, 1, 0);
        if let Some(t) = f.ret {
            self.budget = 10;
            let e = self.expr(t, 2);
            let _ = writeln!(out, "    return {e};");
        }
        out.push_str("}\n\n");
    }
}

fn make_funcs(rng: &mut Rng, prefix: &str) -> Vec<Func> {
    let n = 2 + rng.below(3);
    (0..n)
        .map(|i| {
            let ret = if rng.pct(25) {
                None
            } else {
                Some(*rng.pick(&TYPES))
            };
            let np = rng.below(3);
            let params = (0..np).map(|_| *rng.pick(&TYPES)).collect();
            let modifiers = *rng.pick(&[
                "",
                "",
                "",
                "static ",
                "private ",
                "nomask ",
                "atomic ",
                "atomic static ",
            ]);
            Func {
                name: format!("{prefix}f{i}"),
                ret,
                params,
                modifiers,
                varargs: rng.pct(20),
            }
        })
        .collect()
}

/// Generates the mudlib of one seed: `[(path.c, source)]`, the main object last
/// (`/obj/m`, entry point `main()`).
pub fn programs(seed: u64) -> Vec<(String, String)> {
    let mut rng = Rng::new(seed);
    let fa = make_funcs(&mut rng, "a");
    let fb = make_funcs(&mut rng, "b");
    let mut fm = make_funcs(&mut rng, "m");
    // sometimes m overrides one of a's functions (an error if a's is nomask or the
    // signature differs, which is fine: the typechecker must say so, not panic)
    if rng.pct(5) {
        if let Some(f) = fa.first() {
            let mut o = f.clone();
            o.modifiers = "";
            fm.push(o);
        }
    }
    let mut gen = Gen {
        rng,
        vars: Vec::new(),
        funcs: Vec::new(),
        remote: Vec::new(),
        labels: Vec::new(),
        loop_depth: 0,
        switch_depth: 0,
        budget: 0,
        tmp: 0,
        sloppy: false,
    };
    gen.sloppy = gen.rng.pct(10);
    let remote_of = |p: &'static str, fs: &[Func]| -> Vec<(&'static str, Func)> {
        fs.iter()
            .filter(|f| f.callable_by_call_other())
            .map(|f| (p, f.clone()))
            .collect()
    };
    let mut all_remote = remote_of("/obj/a", &fa);
    all_remote.extend(remote_of("/obj/b", &fb));
    all_remote.extend(remote_of("/obj/m", &fm));

    let mut files = Vec::new();
    let b_private = gen.rng.pct(20);
    for (idx, path) in PATHS.iter().enumerate() {
        let mut src = String::new();
        let own: &[Func] = match idx {
            0 => &fa,
            1 => &fb,
            _ => &fm,
        };
        let mut visible: Vec<Func> = Vec::new();
        gen.labels.clear();
        match idx {
            1 => {
                let pr = if b_private { "private " } else { "" };
                let _ = writeln!(src, "{pr}inherit base \"/obj/a\";\n");
                gen.labels.push(("base".into(), fa.clone()));
                visible.extend(fa.iter().filter(|f| f.callable_from_child()).cloned());
            }
            2 => {
                let _ = writeln!(src, "inherit mid \"/obj/b\";\n");
                gen.labels.push(("mid".into(), fb.clone()));
                visible.extend(fb.iter().filter(|f| f.callable_from_child()).cloned());
                if !b_private {
                    visible.extend(fa.iter().filter(|f| f.callable_from_child()).cloned());
                }
            }
            _ => {}
        }
        visible.retain(|f| !own.iter().any(|o| o.name == f.name));
        visible.extend(own.iter().cloned());
        // globals
        let mut globals = Vec::new();
        let ng = 1 + gen.rng.below(4);
        for i in 0..ng {
            let t = *gen.rng.pick(&TYPES);
            let name = format!("g{}{i}", &path[5..]);
            let st = if gen.rng.pct(30) { "static " } else { "" };
            let _ = writeln!(src, "{st}{} {name};", t.decl());
            globals.push((name, t));
        }
        src.push('\n');
        for f in own {
            let _ = writeln!(src, "{};", f.header());
        }
        src.push('\n');
        gen.funcs = visible;
        gen.remote = all_remote.clone();
        // creator
        let create = Func {
            name: "create".into(),
            ret: None,
            params: Vec::new(),
            modifiers: "static ",
            varargs: false,
        };
        gen.function(&mut src, &create, &globals);
        for f in own {
            gen.function(&mut src, f, &globals);
        }
        if idx == 2 {
            // main calls every visible function, each under catch
            src.push_str("void main()\n{\n");
            let fs = gen.funcs.clone();
            gen.vars = globals.clone();
            gen.budget = 40;
            for f in &fs {
                let args = gen.call_args(f, 3);
                let _ = writeln!(src, "    out(catch({}({args})));", f.name);
            }
            for _ in 0..2 {
                if let Some(c) = gen.remote_call(3) {
                    let _ = writeln!(src, "    out(catch({c}));");
                }
            }
            src.push_str("}\n");
        }
        files.push((format!("{path}.c"), src));
    }
    files
}
