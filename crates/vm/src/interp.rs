//! The virtual machine: object table, tasks, the bytecode interpreter, call
//! machinery, errors, rlimits, atomic rollback and the kfuns that need VM internals.
//!
//! # Running code (the driver's view)
//! Every entry point that runs LPC is one *task*: [`Vm::call`],
//! [`Vm::call_driver`], [`Vm::run_call_out`], [`Vm::compile_object_task`]. A task
//! runs to completion; at its end the VM copies apart arrays/mappings shared between
//! objects, applies pending upgrades, frees destructed objects, and leaves requests
//! (dump, shutdown, swapout) for the driver in [`Vm::take_requests`].
//!
//! Errors that leave a task uncaught were already passed to the driver object's
//! `runtime_error` (as DGD does) and are returned as `Err(LpcError)`.

use crate::compiler::{self, CompileError, CompileInput};
use crate::host::{BlobStore, Host};
use crate::object::{CallOut, Object, ObjectTable};
use crate::ops;
use crate::program::*;
use crate::ticks;
use crate::value::*;
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

mod editing;
pub mod tables;
pub use tables::{object_key, RestoreError, META_KEY};

/// VM settings (from the driver config).
#[derive(Clone, Debug)]
pub struct Config {
    pub typechecking: u8,
    /// Max array/mapping size (`array_size`).
    pub array_size: usize,
    /// Creator function name (`create`).
    pub create: String,
    /// Auto object path without `.c` (None: no auto object).
    pub auto_object: Option<String>,
    /// Driver object path without `.c` (None: no driver object; hooks are skipped).
    pub driver_object: Option<String>,
    pub include_dirs: Vec<String>,
    pub include_file: Option<String>,
    /// Stack depth at the start of a task (0: unlimited).
    pub max_depth: usize,
    /// Ticks at the start of a task (-1: unlimited).
    pub max_ticks: i64,
    /// `objects`: max number of objects.
    pub objects: usize,
    /// Time zone of `ctime()` (default: the process's, see [`crate::tz`]).
    pub timezone: std::sync::Arc<crate::tz::TimeZone>,
    /// `editors`: max number of editor sessions.
    pub editors: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            typechecking: 2,
            array_size: 1_000_000,
            create: "create".into(),
            auto_object: None,
            driver_object: None,
            include_dirs: Vec::new(),
            include_file: None,
            max_depth: 1000,
            max_ticks: -1,
            objects: 1 << 24,
            timezone: std::sync::Arc::new(crate::tz::TimeZone::system()),
            editors: 40,
        }
    }
}

/// Something the driver must do at the end of the task.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    DumpState { incremental: bool },
    Shutdown { hotboot: bool },
    Swapout,
}

/// Who `this_object()` is in a frame.
#[derive(Clone, Debug)]
pub enum This {
    Obj(u32),
    Lwo(LwoRef),
}

/// Who a frame runs for: `this_object()` and the program of that object (`oprog`,
/// whose links map the running code's calls and variables). Consecutive frames of
/// one object share a context: an internal call pushes a frame but no context.
struct Ctx {
    this: This,
    oprog: Rc<Program>,
}

/// One LPC function activation: plain data, no references. The function is
/// `prog.funcs[func]` where `prog` is ancestor `link` of the context's `oprog`
/// ([`Vm::fprog`]); its code is that function's code (the interpreter loop keeps its
/// own handle on the running code).
#[derive(Clone, Copy)]
struct Frame {
    /// Index in `Vm::ctxs`.
    ctx: u32,
    /// This frame pushed its context (popped with it).
    owns_ctx: bool,
    func: u16,
    pc: usize,
    base: usize,
    link: u16,
    nparams: u16,
    external: bool,
    catch_mark: usize,
    rl_mark: usize,
    atomic_mark: Option<usize>,
}

struct Catch {
    frames: usize,
    stack: usize,
    handler: usize,
    rl: usize,
}

#[derive(Clone, Copy, Debug)]
struct RlInfo {
    /// Max number of frames (absolute), None = unlimited.
    maxdepth: Option<usize>,
    ticks: i64,
    noticks: bool,
}

enum Undo {
    Var(u32, usize, Value),
    LwoVar(LwoRef, usize, Value),
    Elem(ArrayRef, usize, Value),
    Map(MappingRef, Value, Option<Value>),
    NewObject(u32),
    Destruct(u32),
    CallOutAdd(u32, u32),
    CallOutRemove(u32, u32, CallOut),
    /// A summand added to pending call_out (object, handle): its value before.
    Summand(u32, u32, Float),
}

/// The VM.
pub struct Vm {
    pub cfg: Config,
    pub kfuns: Rc<KfunRegistry>,
    pub host: Box<dyn Host>,
    pub store: Box<dyn BlobStore>,
    pub objects: ObjectTable,
    next_prog_id: u32,
    driver: Option<ObjRef>,
    /// User objects whose `close(1)` runs because they are being destructed (a
    /// destruct_object of one of them from its own close() does not call it again).
    closing: Vec<u32>,
    auto_prog: Option<Rc<Program>>,
    stack: Vec<Value>,
    frames: Vec<Frame>,
    ctxs: Vec<Ctx>,
    /// The interpreter loop's handles on the code of the callers of the frames it
    /// pushed (so a return needs no lookup); see `Vm::run`.
    saved_code: Vec<Rc<[Op]>>,
    catches: Vec<Catch>,
    rl: Vec<RlInfo>,
    ticks: i64,
    noticks: bool,
    /// Max frames under the current rlimits (cached from `rl`).
    maxdepth: usize,
    atomic: u32,
    /// Frames that started an atomic level (the ticks were halved there).
    tick_levels: Vec<usize>,
    undo: Vec<Undo>,
    argbuf: Vec<Value>,
    rng: u64,
    in_task: u32,
    dirty: BTreeSet<u32>,
    upgrades: Vec<u32>,
    destructed: Vec<u32>,
    requests: Vec<Request>,
    in_error_hook: bool,
    /// The message of an error already given to runtime_error that is leaving a
    /// nested execution (a call_other or hook run through Rust): the frame that
    /// called in sees it again, but DGD, with a single stack, reports it once.
    reported_error: Option<LStr>,
    /// Nested `execute` calls (Rust recursion through callbacks).
    nesting: usize,
    compiling: Vec<String>,
    /// preprocess_file() is running: no compilation may start.
    preprocessing: bool,
    /// Programs that have been compiled with privileged rlimits.
    privileged: std::collections::HashSet<u32>,
    /// Boot time (status()): of the cold boot, kept across restores (ST_STARTTIME).
    pub boot_time: i64,
    /// When this process started, cold boot or restore (ST_BOOTTIME).
    pub reboot_time: i64,
    /// Variable layouts of replaced program versions (by program id), for
    /// upgrading light-weight objects made from them.
    lwo_layouts: HashMap<u32, Rc<[VarKey]>>,
    /// Program infos for the typechecker, by program id.
    pub(crate) prog_infos: HashMap<u32, std::sync::Arc<crate::typecheck::ProgramInfo>>,
    walk_id: u32,
    /// Object slots whose table entry changed since the last `table_changes`.
    table_dirty: BTreeSet<u32>,
    /// Programs already written to the blob store.
    stored_progs: std::collections::HashSet<u32>,
    /// Editor sessions (`editor()`).
    editors: editing::Sessions,
    /// Slots of destructed masters whose program was removed in this task
    /// (remove_program called); freed at the end of the task.
    removed_slots: Vec<u32>,
    /// Slots to look at for removal (destructed masters, masters of destructed
    /// clones), when that had to wait (atomic) or for the end of the task.
    removal_candidates: Vec<u32>,
}

// Codes of the kfuns implemented here.
mod k {
    pub const COMPILE_OBJECT: u16 = 1;
    pub const CLONE_OBJECT: u16 = 2;
    pub const NEW_OBJECT: u16 = 3;
    pub const DESTRUCT_OBJECT: u16 = 4;
    pub const FIND_OBJECT: u16 = 5;
    pub const OBJECT_NAME: u16 = 6;
    pub const THIS_OBJECT: u16 = 7;
    pub const PREVIOUS_OBJECT: u16 = 8;
    pub const PREVIOUS_PROGRAM: u16 = 9;
    pub const FUNCTION_OBJECT: u16 = 10;
    pub const CALL_OTHER: u16 = 11;
    pub const CALL_TRACE: u16 = 12;
    pub const STATUS: u16 = 13;
    pub const INSTANCEOF: u16 = 14;
    pub const CALL_OUT: u16 = 15;
    pub const REMOVE_CALL_OUT: u16 = 16;
    pub const ERROR: u16 = 17;
    pub const DUMP_STATE: u16 = 18;
    pub const SHUTDOWN: u16 = 19;
    pub const SWAPOUT: u16 = 20;
    pub const TYPEOF: u16 = 21;
    pub const SIZEOF: u16 = 22;
    pub const ALLOCATE: u16 = 23;
    pub const ALLOCATE_INT: u16 = 24;
    pub const ALLOCATE_FLOAT: u16 = 25;
    pub const TIME: u16 = 26;
    pub const MILLITIME: u16 = 27;
    pub const CALL_TOUCH: u16 = 28;
    pub const HOST: u16 = 29;
    pub const STRLEN: u16 = 30;
    pub const MAP_SIZEOF: u16 = 31;
    pub const MAP_INDICES: u16 = 32;
    pub const MAP_VALUES: u16 = 33;
    pub const CALL_OUT_SUMMAND: u16 = 34;
    pub const PREPROCESS_FILE: u16 = 50;
    pub const EDITOR: u16 = 35;
    pub const QUERY_EDITOR: u16 = 36;
}

/// Registers the kfuns implemented inside the VM.
pub fn register_vm_kfuns(r: &mut KfunRegistry) {
    let list: &[(&str, u16)] = &[
        ("compile_object", k::COMPILE_OBJECT),
        ("preprocess_file", k::PREPROCESS_FILE),
        ("clone_object", k::CLONE_OBJECT),
        ("new_object", k::NEW_OBJECT),
        ("destruct_object", k::DESTRUCT_OBJECT),
        ("find_object", k::FIND_OBJECT),
        ("object_name", k::OBJECT_NAME),
        ("this_object", k::THIS_OBJECT),
        ("previous_object", k::PREVIOUS_OBJECT),
        ("previous_program", k::PREVIOUS_PROGRAM),
        ("function_object", k::FUNCTION_OBJECT),
        ("call_other", k::CALL_OTHER),
        ("call_trace", k::CALL_TRACE),
        ("status", k::STATUS),
        ("instanceof", k::INSTANCEOF),
        ("call_out", k::CALL_OUT),
        ("call_out_summand", k::CALL_OUT_SUMMAND),
        ("remove_call_out", k::REMOVE_CALL_OUT),
        ("error", k::ERROR),
        ("dump_state", k::DUMP_STATE),
        ("shutdown", k::SHUTDOWN),
        ("swapout", k::SWAPOUT),
        ("typeof", k::TYPEOF),
        ("sizeof", k::SIZEOF),
        ("allocate", k::ALLOCATE),
        ("allocate_int", k::ALLOCATE_INT),
        ("allocate_float", k::ALLOCATE_FLOAT),
        ("time", k::TIME),
        ("millitime", k::MILLITIME),
        ("call_touch", k::CALL_TOUCH),
        ("strlen", k::STRLEN),
        ("map_sizeof", k::MAP_SIZEOF),
        ("map_indices", k::MAP_INDICES),
        ("map_values", k::MAP_VALUES),
        ("editor", k::EDITOR),
        ("query_editor", k::QUERY_EDITOR),
    ];
    // Data kfuns that a library module may also provide: the library wins.
    let lib_first = [
        k::TYPEOF,
        k::SIZEOF,
        k::ALLOCATE,
        k::ALLOCATE_INT,
        k::ALLOCATE_FLOAT,
        k::TIME,
        k::MILLITIME,
        k::STRLEN,
        k::MAP_SIZEOF,
        k::MAP_INDICES,
        k::MAP_VALUES,
    ];
    for (n, c) in list {
        if lib_first.contains(c) && !matches!(r.lookup_impl(n), Some(KfunImpl::Missing)) {
            continue;
        }
        r.set_impl(n, KfunImpl::Vm(*c));
    }
    for n in [
        "this_user",
        "users",
        "send_message",
        "block_input",
        "query_ip_number",
        "query_ip_name",
        "send_close",
        "connect",
        "connect_datagram",
        "send_datagram",
        "datagram_challenge",
    ] {
        // only if no library implementation was registered
        if let Some((_, _)) = r.lookup(n) {
            if matches!(r.lookup_impl(n), Some(KfunImpl::Missing)) {
                r.set_impl(n, KfunImpl::Vm(k::HOST));
            }
        }
    }
}

impl KfunRegistry {
    pub(crate) fn lookup_impl(&self, name: &str) -> Option<KfunImpl> {
        let (i, _) = self.lookup(name)?;
        self.get(i).map(|e| e.imp)
    }
}

/// Hard cap on frames regardless of rlimits (protects memory).
const HARD_MAX_DEPTH: usize = 100_000;
/// Hard cap on nested runs of the interpreter loop through Rust callbacks
/// (protects the Rust stack; each level costs a few KB of it).
const MAX_NESTING: usize = 200;

/// DGD compiles in one pass and gives up after the first top-level
/// declaration with an error: of the parser's or typechecker's errors, only those of the
/// first declaration that has any are reported (all of them in the compiled
/// file itself; errors in included files are all kept, lines there do not
/// order declarations).
fn first_declaration_errors(
    ast: &crate::ast::Program,
    diags: Vec<crate::lex::Diagnostic>,
) -> Vec<crate::lex::Diagnostic> {
    let Some(main) = ast.files.first() else {
        return diags;
    };
    if diags.iter().any(|d| d.file != *main) {
        return diags;
    }
    let starts: Vec<u32> = ast
        .decls
        .iter()
        .map(|d| match d {
            crate::ast::Decl::Var(v) => v.pos,
            crate::ast::Decl::Func(f) => f.pos,
        })
        .filter(|p| p.file == 0)
        .map(|p| p.line)
        .collect();
    let decl_of = |line: u32| starts.iter().filter(|&&l| l <= line).count();
    let Some(first) = diags.iter().map(|d| decl_of(d.line)).min() else {
        return diags;
    };
    diags
        .into_iter()
        .filter(|d| decl_of(d.line) == first)
        .collect()
}

/// Where a program with syntax errors `diags` can still be typechecked, as
/// DGD does up to the error: the first error's line and how many declarations
/// start up to that line. None when an error is in an included file or
/// before an inherit statement of the file, or no declaration precedes it.
fn syntax_cut(ast: &crate::ast::Program, diags: &[crate::lex::Diagnostic]) -> Option<(u32, usize)> {
    let main = ast.files.first()?;
    if diags.iter().any(|d| d.file != *main) {
        return None;
    }
    let line = diags.iter().map(|d| d.line).min()?;
    if ast
        .inherits
        .iter()
        .any(|i| i.pos.file == 0 && i.pos.line >= line)
    {
        return None;
    }
    let mut keep: usize = 0;
    for d in &ast.decls {
        let pos = match d {
            crate::ast::Decl::Var(v) => v.pos,
            crate::ast::Decl::Func(f) => f.pos,
        };
        // declarations of included files (the standard include file's)
        // are in order where they were included
        if pos.file == 0 && pos.line > line {
            break;
        }
        keep += 1;
    }
    // the declaration with the error is in the list when the parser
    // recovered inside it; only errors before the syntax error's line count
    (keep > 0).then_some((line, keep))
}

fn err<T>(m: impl Into<LStr>) -> Result<T, LpcError> {
    Err(LpcError::new(m))
}

impl Vm {
    pub fn new(cfg: Config, host: Box<dyn Host>, store: Box<dyn BlobStore>) -> Vm {
        let boot = host.time().0;
        Vm {
            cfg,
            kfuns: Rc::new(KfunRegistry::standard()),
            host,
            store,
            objects: ObjectTable::default(),
            next_prog_id: 1,
            driver: None,
            closing: Vec::new(),
            auto_prog: None,
            stack: Vec::with_capacity(1024),
            frames: Vec::with_capacity(64),
            ctxs: Vec::with_capacity(64),
            saved_code: Vec::with_capacity(64),
            catches: Vec::new(),
            rl: Vec::new(),
            ticks: 0,
            noticks: true,
            maxdepth: HARD_MAX_DEPTH,
            atomic: 0,
            tick_levels: Vec::new(),
            undo: Vec::new(),
            argbuf: Vec::new(),
            rng: 0x9E37_79B9_7F4A_7C15 ^ (boot as u64),
            in_task: 0,
            dirty: BTreeSet::new(),
            upgrades: Vec::new(),
            destructed: Vec::new(),
            requests: Vec::new(),
            in_error_hook: false,
            reported_error: None,
            nesting: 0,
            compiling: Vec::new(),
            preprocessing: false,
            privileged: Default::default(),
            boot_time: boot,
            reboot_time: boot,
            prog_infos: HashMap::new(),
            lwo_layouts: HashMap::new(),
            walk_id: 0,
            table_dirty: BTreeSet::new(),
            stored_progs: Default::default(),
            editors: Default::default(),
            removed_slots: Vec::new(),
            removal_candidates: Vec::new(),
        }
    }

    // ================================================================== public API

    /// The driver object, once compiled.
    pub fn driver_object(&self) -> Option<ObjRef> {
        self.driver.filter(|d| self.objects.is_live(*d))
    }

    /// Compiles the driver object (and the auto object when it is needed) and calls
    /// `initialize()` in it, as one task.
    pub fn boot(&mut self) -> Result<(), LpcError> {
        self.task(|vm| {
            if let Some(d) = vm.cfg.driver_object.clone() {
                let o = vm.compile_path(&d, None)?;
                vm.driver = Some(o);
                vm.host.set_driver_object(o);
                vm.call_in(o, "initialize", Vec::new(), true)?;
            }
            Ok(())
        })
    }

    /// Requests made during the last tasks (dump_state, shutdown, swapout).
    pub fn take_requests(&mut self) -> Vec<Request> {
        std::mem::take(&mut self.requests)
    }

    /// `find_object`.
    pub fn find_object(&self, name: &str) -> Option<ObjRef> {
        let n = name.strip_suffix(".c").unwrap_or(name);
        self.objects.find(n.as_bytes())
    }

    pub fn object_name(&self, o: ObjRef) -> Option<LStr> {
        self.objects.get(o).map(|x| x.name.clone())
    }

    pub fn is_live(&self, o: ObjRef) -> bool {
        self.objects.is_live(o)
    }

    /// Calls `func` in `obj` as one task (no static restriction: the driver calls).
    pub fn call(&mut self, obj: ObjRef, func: &str, args: Vec<Value>) -> Result<Value, LpcError> {
        self.task(|vm| vm.call_in(obj, func, args, true))
    }

    /// Calls a function in the driver object as one task. Nil if there is none.
    pub fn call_driver(&mut self, func: &str, args: Vec<Value>) -> Result<Value, LpcError> {
        match self.driver_object() {
            Some(d) => self.call(d, func, args),
            None => Ok(Value::Nil),
        }
    }

    /// Compiles an object in a task of its own (from `source` if given).
    pub fn compile_object_task(
        &mut self,
        path: &str,
        source: Option<&[u8]>,
    ) -> Result<ObjRef, LpcError> {
        self.task(|vm| vm.compile_path(path, source))
    }

    /// Runs a due call_out as one task.
    pub fn run_call_out(&mut self, obj: ObjRef, handle: u32) -> Result<(), LpcError> {
        if !self.objects.is_live(obj) {
            return Ok(());
        }
        self.ensure_loaded(obj.index)?;
        let co = match self.objects.get_mut(obj) {
            Some(o) => {
                let co = o.callouts.remove(&handle);
                if co.is_some() {
                    o.free_handle(handle);
                }
                co
            }
            None => None,
        };
        let Some(co) = co else { return Ok(()) };
        self.dirty.insert(obj.index);
        self.table_dirty.insert(obj.index);
        if let Some(o) = self.objects.get_mut(obj) {
            o.dirty = true;
        }
        let func = co.func.to_str_lossy().to_string();
        self.task(|vm| vm.call_in(obj, &func, co.args, true).map(|_| ()))
    }

    /// Every pending call_out: (object, handle, due time, function).
    pub fn call_outs(&self) -> Vec<(ObjRef, u32, f64, LStr)> {
        let mut v = Vec::new();
        for (i, s) in self.objects.slots.iter().enumerate() {
            if let Some(o) = &s.obj {
                if o.destructed {
                    continue;
                }
                for (h, c) in &o.callouts {
                    v.push((
                        ObjRef {
                            index: i as u32,
                            count: s.count,
                        },
                        *h,
                        c.due,
                        c.func.clone(),
                    ));
                }
            }
        }
        v
    }

    /// Runs `f` as a task: fresh limits, end-of-task processing afterwards.
    pub fn task<R>(
        &mut self,
        f: impl FnOnce(&mut Vm) -> Result<R, LpcError>,
    ) -> Result<R, LpcError> {
        let outer = self.in_task == 0;
        if outer {
            self.rl.clear();
            self.rl.push(RlInfo {
                maxdepth: if self.cfg.max_depth == 0 {
                    None
                } else {
                    Some(self.cfg.max_depth)
                },
                ticks: self.cfg.max_ticks.max(0),
                noticks: self.cfg.max_ticks < 0,
            });
            self.load_rl();
            self.stack.clear();
            self.frames.clear();
            self.ctxs.clear();
            self.catches.clear();
            self.atomic = 0;
            self.tick_levels.clear();
            self.undo.clear();
        }
        self.in_task += 1;
        let r = f(self);
        self.in_task -= 1;
        if outer {
            self.end_task();
        }
        r
    }

    fn load_rl(&mut self) {
        if let Some(r) = self.rl.last() {
            self.ticks = r.ticks;
            self.noticks = r.noticks;
            self.maxdepth = r.maxdepth.unwrap_or(HARD_MAX_DEPTH).min(HARD_MAX_DEPTH);
        }
    }

    fn save_rl(&mut self) {
        let t = self.ticks;
        if let Some(r) = self.rl.last_mut() {
            r.ticks = t;
        }
    }

    // ================================================================== compiling

    /// Compiles (or recompiles) the object `path` (without `.c`), from `source` if
    /// given, else from the file. Within a task.
    pub fn compile_path(&mut self, path: &str, source: Option<&[u8]>) -> Result<ObjRef, LpcError> {
        let path = crate::typecheck::object_path("/", path);
        if path.contains('#') {
            return err(format!("Illegal object name \"{path}\""));
        }
        if self.preprocessing {
            return err("Compilation within preprocess");
        }
        if self.compiling.contains(&path) {
            return err(format!("Cycle in inheritance from \"{path}.c\""));
        }
        if self.compiling.len() > 32 {
            return err("Compilation nesting too deep");
        }
        self.compiling.push(path.clone());
        let r = self.compile_inner(&path, source);
        self.compiling.pop();
        r
    }

    fn compile_inner(&mut self, path: &str, source: Option<&[u8]>) -> Result<ObjRef, LpcError> {
        // DGD names a program compiled from a source string without ".c" (errors,
        // compile_error)
        let file = match source {
            Some(_) => path.to_string(),
            None => format!("{path}.c"),
        };
        let src = match source {
            Some(s) => s.to_vec(),
            None => match self.host.read_file(&file) {
                Some(s) => s,
                None => return err(format!("Could not compile \"{file}\"")),
            },
        };
        let is_auto = self
            .cfg
            .auto_object
            .as_deref()
            .map(|a| crate::typecheck::object_path("/", a))
            == Some(path.to_string());
        let is_driver = self
            .cfg
            .driver_object
            .as_deref()
            .map(|a| crate::typecheck::object_path("/", a))
            == Some(path.to_string());
        // auto object program: found or compiled directly, as DGD (no inherit_program)
        let auto = if is_auto || is_driver {
            None
        } else {
            match self.cfg.auto_object.clone() {
                Some(a) => Some(self.auto_program(&a)?),
                None => None,
            }
        };
        // parse
        let mut resolver = IncludeHook {
            vm: self,
            from: file.clone(),
        };
        let opts = resolver.vm.pp_options();
        let pp = crate::preprocess::preprocess(&file, &src, &mut resolver, &opts);
        // typed object names go through the driver's object_type as they are
        // parsed (not while the driver or auto object compiles), as in DGD
        let type_hook = if is_auto || is_driver || self.cfg.driver_object.is_none() {
            None
        } else {
            self.driver_object().filter(|d| {
                self.objects.get(*d).is_some_and(|o| {
                    o.prog
                        .find_function(b"object_type")
                        .is_some_and(|(_, f)| f.defined)
                })
            })
        };
        let mut object_type = |name: &str| -> Option<String> {
            let Some(d) = type_hook else {
                return Some(name.to_string());
            };
            match self.call_in(
                d,
                "object_type",
                vec![Value::str(&file), Value::str(name)],
                true,
            ) {
                Ok(Value::String(s)) => Some(s.to_str_lossy().to_string()),
                _ => None,
            }
        };
        let (mut ast, diags) =
            crate::parse::parse_tokens_with(&pp.tokens, pp.files, Some(&mut object_type));
        let mut diags = first_declaration_errors(&ast, diags);
        // as DGD, preprocessor errors do not stop the compilation: the errors
        // found later are reported as well
        let pp_diags = pp.diags;
        // DGD, in one pass, finds the type errors of the declarations before a
        // syntax error first (and stops there): those before the declaration
        // with the syntax error are checked; their errors, if any, are reported
        let syntax = if diags.is_empty() {
            None
        } else {
            match syntax_cut(&ast, &diags) {
                Some((line, keep)) => {
                    ast.decls.truncate(keep);
                    Some((line, std::mem::take(&mut diags)))
                }
                None => {
                    diags.splice(0..0, pp_diags);
                    return self.compile_failed_diags(&file, &diags);
                }
            }
        };
        if !diags.is_empty() {
            diags.splice(0..0, pp_diags);
            return self.compile_failed_diags(&file, &diags);
        }
        // inherits
        let mut inherits = Vec::new();
        // inherit path as the typechecker names it -> the program the driver gave
        let mut by_path = Vec::new();
        for inh in &ast.inherits {
            let p = crate::typecheck::object_path(path, &inh.path);
            match self.program_for_inherit(path, &inh.path, &p, inh.private) {
                Ok(prog) => {
                    by_path.push((p, prog.clone()));
                    inherits.push(prog);
                }
                Err(e) => {
                    return self.compile_failed(
                        &file,
                        vec![(file.clone(), inh.pos.line, e.message.to_string())],
                    );
                }
            }
        }
        // typecheck
        let mut infos: HashMap<String, std::sync::Arc<crate::typecheck::ProgramInfo>> =
            HashMap::new();
        for p in inherits.iter().chain(auto.iter()) {
            self.collect_infos(p, &mut infos);
        }
        // inherit_program may hand back an object under another name than the
        // inherit statement's path (`inherit "~/lib/x"` -> /usr/Name/lib/x)
        for (p, prog) in &by_path {
            if let Some(i) = self.prog_infos.get(&prog.id) {
                infos.insert(p.clone(), i.clone());
            }
        }
        let tco = crate::typecheck::TcOptions {
            typechecking: self.cfg.typechecking,
            auto_object: self.cfg.auto_object.clone(),
            driver_object: self.cfg.driver_object.clone(),
        };
        let mut ir = InfoResolver { infos: &infos };
        let kt = KfunTableAdapter {
            reg: &self.kfuns,
            auto: auto.clone(),
        };
        let (info, diags) = crate::typecheck::check(&mut ast, path, &tco, &mut ir, &kt);
        let mut diags = first_declaration_errors(&ast, diags);
        if let Some((line, syntax)) = syntax {
            diags.retain(|d| d.line < line);
            if diags.is_empty() {
                diags = syntax;
            }
        }
        diags.splice(0..0, pp_diags);
        if !diags.is_empty() {
            return self.compile_failed_diags(&file, &diags);
        }
        let id = self.next_prog_id;
        self.next_prog_id += 1;
        let kf = self.kfuns.clone();
        let input = CompileInput {
            name: path,
            inherits,
            auto,
            is_auto,
            kfuns: &kf,
            id,
            ctime: self.host.time().0,
            typechecking: self.cfg.typechecking,
        };
        let prog = match compiler::compile(&ast, input) {
            Ok(p) => Rc::new(p),
            Err(errs) => {
                return self.compile_failed(
                    &file,
                    errs.into_iter()
                        .map(|e: CompileError| (e.file, e.line, e.message))
                        .collect(),
                );
            }
        };
        self.prog_infos.insert(id, std::sync::Arc::new(info));
        if is_auto {
            self.auto_prog = Some(prog.clone());
        }
        // privileged rlimits? (the driver and auto programs always are, as in DGD)
        if is_driver || is_auto {
            self.privileged.insert(id);
        } else if let Some(d) = self.driver_object() {
            // DGD asks once for each rlimits statement it compiles
            let nrlimits = prog
                .funcs
                .iter()
                .flat_map(|f| f.code.iter())
                .filter(|op| matches!(op, Op::RlimitsBegin))
                .count();
            if self.cfg.driver_object.is_some() {
                for i in 0..nrlimits {
                    let r = self.call_in(d, "compile_rlimits", vec![Value::str(path)], true);
                    if i == 0 && matches!(r, Ok(v) if v.truthy()) {
                        self.privileged.insert(id);
                    }
                }
            }
        }
        // new object or upgrade
        if let Some(existing) = self.objects.find(path.as_bytes()) {
            let Some(o) = self.objects.get_mut(existing) else {
                return err("Object destructed during recompilation");
            };
            o.pending_prog = Some(prog);
            if !self.upgrades.contains(&existing.index) {
                self.upgrades.push(existing.index);
            }
            // the old program's inherited programs may be unused now
            let old = self.objects.get(existing).map(|o| o.prog.clone());
            let work = self.destructed_masters_of(old.as_ref());
            self.removal_candidates.extend(work);
            if self.atomic == 0 && self.in_task > 0 {
                let work = std::mem::take(&mut self.removal_candidates);
                self.check_removals(work, true);
            }
            return Ok(existing);
        }
        if self.objects.live >= self.cfg.objects {
            return err("Too many objects");
        }
        let vars = prog.initial_vars();
        let name = LStr::from(path);
        let h = self.objects.insert(|idx| Object {
            name: name.clone(),
            prog: prog.clone(),
            is_clone: false,
            master: idx,
            vars: Some(vars.clone()),
            created: false,
            destructed: false,
            nclones: 0,
            callouts: Default::default(),
            next_handle: 1,
            free_handles: Vec::new(),
            pending_prog: None,
            dirty: true,
            touched: false,
        });
        self.objects.by_name.insert(name, h.index);
        self.dirty.insert(h.index);
        self.table_dirty.insert(h.index);
        if self.atomic > 0 {
            self.undo.push(Undo::NewObject(h.index));
        }
        if is_driver {
            self.driver = Some(h);
            self.host.set_driver_object(h);
        }
        Ok(h)
    }

    fn collect_infos(
        &self,
        p: &Rc<Program>,
        out: &mut HashMap<String, std::sync::Arc<crate::typecheck::ProgramInfo>>,
    ) {
        if let Some(i) = self.prog_infos.get(&p.id) {
            out.insert(p.name.to_string(), i.clone());
        }
        for a in &p.ancestors {
            if let Some(i) = self.prog_infos.get(&a.prog.id) {
                out.insert(a.prog.name.to_string(), i.clone());
            }
        }
    }

    /// [`Vm::compile_failed`] with front-end diagnostics.
    fn compile_failed_diags(
        &mut self,
        file: &str,
        diags: &[crate::lex::Diagnostic],
    ) -> Result<ObjRef, LpcError> {
        self.compile_failed(
            file,
            diags
                .iter()
                .map(|d| (d.file.to_string(), d.line, d.message.clone()))
                .collect(),
        )
    }

    fn compile_failed(
        &mut self,
        file: &str,
        errs: Vec<(String, u32, String)>,
    ) -> Result<ObjRef, LpcError> {
        for (f, line, msg) in &errs {
            self.report_compile_error(f, *line, msg);
        }
        err(format!("Failed to compile \"{file}\""))
    }

    /// The preprocessor settings of the driver config.
    fn pp_options(&self) -> crate::preprocess::PpOptions {
        crate::preprocess::PpOptions {
            include_dirs: self.cfg.include_dirs.clone(),
            include_file: self.cfg.include_file.clone(),
            date: None,
            time: None,
        }
    }

    /// A compile error goes to the driver's compile_error, or to the log
    /// without one (or when it fails).
    fn report_compile_error(&mut self, file: &str, line: u32, msg: &str) {
        if let Some(d) = self.driver_object() {
            if self.cfg.driver_object.is_some() && !self.in_error_hook {
                let r = self.call_in(
                    d,
                    "compile_error",
                    vec![Value::str(file), Value::Int(line as i32), Value::str(msg)],
                    true,
                );
                if r.is_ok() {
                    return;
                }
            }
        }
        self.host.message(&format!("{file}, {line}: {msg}\n"));
    }

    /// preprocess_file(): the file (or the given source) after preprocessing, as
    /// DGD returns it: tokens separated by single spaces, line breaks kept (up to
    /// ten blank lines, `#line N` beyond), `#line N "file"` where the file
    /// changes, cut into strings of at most 65,535 bytes. Preprocessing errors go
    /// to compile_error and the text is returned anyway.
    fn preprocess_file(
        &mut self,
        path: &str,
        source: Option<Vec<u8>>,
    ) -> Result<Vec<Value>, LpcError> {
        if !self.compiling.is_empty() || self.preprocessing {
            return err("Preprocess within compilation");
        }
        let path = crate::preprocess::normalize_path("/", path);
        if path.contains('#') {
            return err(format!("Illegal file name \"{path}\""));
        }
        let src = match source {
            Some(s) => s,
            None => match self.host.read_file(&path) {
                Some(s) => s,
                None => return err(format!("Could not preprocess \"{path}\"")),
            },
        };
        self.preprocessing = true;
        self.compiling.push(path.clone());
        let mut resolver = IncludeHook {
            vm: self,
            from: path.clone(),
        };
        let opts = resolver.vm.pp_options();
        let out = crate::preprocess::preprocess(&path, &src, &mut resolver, &opts);
        self.compiling.pop();
        self.preprocessing = false;
        for d in &out.diags {
            self.report_compile_error(&d.file, d.line, &d.message);
        }
        let max = self.cfg.array_size.max(1);
        let mut chunks = PpCollect::default();
        let mut file: Option<u32> = None;
        let mut line = 0u32;
        let mut output = false;
        for t in &out.tokens {
            if matches!(t.tok, crate::lex::Tok::Eof) {
                break;
            }
            if file != Some(t.pos.file) {
                if output {
                    chunks.add(b"\n");
                }
                file = Some(t.pos.file);
                line = t.pos.line;
                let name = out.files.get(t.pos.file as usize).map_or("", |f| &**f);
                chunks.add(format!("#line {line} \"{name}\"\n").as_bytes());
                output = false;
            } else if t.pos.line != line {
                if t.pos.line > line && t.pos.line - line <= 10 {
                    while line < t.pos.line {
                        chunks.add(b"\n");
                        line += 1;
                    }
                } else {
                    line = t.pos.line;
                    chunks.add(format!("\n#line {line}\n").as_bytes());
                }
                output = false;
            }
            if output {
                chunks.add(b" ");
            }
            let mut text = Vec::new();
            match &t.tok {
                crate::lex::Tok::Str(b) => {
                    text.push(b'"');
                    for &c in b.iter() {
                        match c {
                            0 => text.extend_from_slice(b"\\0"),
                            b'\n' => text.extend_from_slice(b"\\n"),
                            b'"' => text.extend_from_slice(b"\\\""),
                            b'\\' => text.extend_from_slice(b"\\\\"),
                            c => text.push(c),
                        }
                    }
                    text.push(b'"');
                }
                tok => tok.spell(&mut text),
            }
            chunks.add(&text);
            output = true;
        }
        if output {
            chunks.add(b"\n");
        }
        let strs = chunks.finish();
        if strs.len() > max {
            return err("Array too large");
        }
        Ok(strs
            .into_iter()
            .map(|s| Value::String(LStr::from(s)))
            .collect())
    }

    /// The auto object's program (compiled if there is no auto object yet).
    fn auto_program(&mut self, auto: &str) -> Result<Rc<Program>, LpcError> {
        let path = crate::typecheck::object_path("/", auto);
        let obj = match self.objects.find(path.as_bytes()) {
            Some(o) => o,
            None => self.compile_path(&path, None)?,
        };
        match self.objects.get(obj) {
            Some(o) => Ok(o.pending_prog.clone().unwrap_or_else(|| o.prog.clone())),
            None => err(format!("Cannot inherit \"{path}.c\"")),
        }
    }

    /// The program of an object to inherit. As DGD, the driver's `inherit_program`
    /// is asked for every inherit statement (with the path as written; kernel
    /// libraries track dependencies there) and must return an object ("Cannot
    /// inherit" otherwise); without a driver object the path is found or compiled.
    fn program_for_inherit(
        &mut self,
        from: &str,
        raw: &str,
        path: &str,
        private: bool,
    ) -> Result<Rc<Program>, LpcError> {
        let path = crate::typecheck::object_path("/", path);
        let hook = self.driver_object().filter(|&d| {
            self.cfg.driver_object.is_some() && self.driver_defines(d, "inherit_program")
        });
        let obj = match hook {
            Some(d) => {
                let r = self.call_in(
                    d,
                    "inherit_program",
                    vec![
                        Value::str(from),
                        Value::str(raw),
                        Value::Int(private as i32),
                    ],
                    true,
                )?;
                match r {
                    Value::Object(o) if self.objects.is_live(o) => Some(o),
                    _ => return err(format!("Cannot inherit \"{raw}\"")),
                }
            }
            _ => self.objects.find(path.as_bytes()),
        };
        let mut obj = match obj {
            Some(o) => o,
            None => self.compile_path(&path, None)?,
        };
        // an object inheriting destructed (outdated) programs: the driver may
        // destruct it in recompile(), and then it is compiled anew
        if self.inherits_outdated(obj) {
            if let Some(d) = self.driver_object() {
                if self.cfg.driver_object.is_some() {
                    self.call_in(d, "recompile", vec![Value::Object(obj)], true)?;
                    if !self.objects.is_live(obj) {
                        obj = self.compile_path(&path, None)?;
                    }
                }
            }
        }
        let Some(o) = self.objects.get(obj) else {
            return err(format!("Cannot inherit \"{path}.c\""));
        };
        if o.is_clone {
            return err("cannot inherit cloned object");
        }
        Ok(o.pending_prog.clone().unwrap_or_else(|| o.prog.clone()))
    }

    /// Does the program of `obj` inherit a program that is no longer the current
    /// program of a live master object?
    fn inherits_outdated(&self, obj: ObjRef) -> bool {
        let Some(o) = self.objects.get(obj) else {
            return false;
        };
        o.prog
            .ancestors
            .iter()
            .any(|a| match self.objects.find(a.prog.name.as_bytes()) {
                Some(m) => self
                    .objects
                    .get(m)
                    .is_some_and(|mo| mo.prog.id != a.prog.id && mo.pending_prog.is_none()),
                None => true,
            })
    }

    // ================================================================== calls from Rust

    /// Calls `func` in `obj` (creator first if needed). `force`: ignore static.
    pub(crate) fn call_in(
        &mut self,
        obj: ObjRef,
        func: &str,
        args: Vec<Value>,
        force: bool,
    ) -> Result<Value, LpcError> {
        if !self.objects.is_live(obj) {
            return Ok(Value::Nil);
        }
        self.ensure_created(obj.index)?;
        let Some(o) = self.objects.get(obj) else {
            return Ok(Value::Nil);
        };
        let prog = o.prog.clone();
        let Some((fr, f)) = prog.find_function(func.as_bytes()) else {
            return Ok(Value::Nil);
        };
        if !f.defined || (f.mods.static_ && !force) {
            return Ok(Value::Nil);
        }
        let stop = self.frames.len();
        let nargs = args.len();
        self.stack.extend(args);
        self.push_frame(This::Obj(obj.index), prog, fr, nargs, true)?;
        self.execute(stop)
    }

    /// Does the driver object define function `func` (so that DGD would call it)?
    fn driver_defines(&self, d: ObjRef, func: &str) -> bool {
        self.objects
            .get(d)
            .and_then(|o| {
                o.prog
                    .find_function(func.as_bytes())
                    .map(|(_, f)| f.defined)
            })
            .unwrap_or(false)
    }

    /// An object flagged by call_touch() is about to be called: tell the driver.
    fn touch_hook(&mut self, idx: u32, func: &LStr) -> Result<(), LpcError> {
        let touched = self.objects.slot(idx).is_some_and(|o| o.touched);
        if !touched {
            return Ok(());
        }
        if let Some(o) = self.objects.slot_mut(idx) {
            o.touched = false;
        }
        if let (Some(d), Some(h)) = (self.driver_object(), self.objects.handle(idx)) {
            if self.cfg.driver_object.is_some() {
                self.call_in(
                    d,
                    "touch",
                    vec![Value::Object(h), Value::String(func.clone())],
                    true,
                )?;
            }
        }
        Ok(())
    }

    fn ensure_created(&mut self, idx: u32) -> Result<(), LpcError> {
        let Some(o) = self.objects.slot_mut(idx) else {
            return Ok(());
        };
        if o.created {
            return Ok(());
        }
        o.created = true;
        self.table_dirty.insert(idx);
        self.ensure_loaded(idx)?;
        let prog = match self.objects.slot(idx) {
            Some(o) => o.prog.clone(),
            None => return Ok(()),
        };
        let create = self.cfg.create.clone();
        if let Some((fr, f)) = prog.find_function(create.as_bytes()) {
            if f.defined {
                let stop = self.frames.len();
                self.push_frame(This::Obj(idx), prog, fr, 0, true)?;
                self.execute(stop)?;
            }
        }
        Ok(())
    }

    /// Loads an evicted dataspace back from the blob store.
    pub fn ensure_loaded(&mut self, idx: u32) -> Result<(), LpcError> {
        let (needs, count) = match self.objects.slots.get(idx as usize) {
            Some(s) => (s.obj.as_ref().is_some_and(|o| o.vars.is_none()), s.count),
            None => (false, 0),
        };
        if !needs {
            return Ok(());
        }
        let key = crate::persist::dataspace_key(idx, count);
        let blob = self.store.get(key).map_err(LpcError::new)?;
        let Some(blob) = blob else {
            return err(format!("Dataspace of object {idx} missing from the store"));
        };
        let ds =
            crate::persist::decode_dataspace(&blob).map_err(|e| LpcError::new(e.to_string()))?;
        if let Some(o) = self.objects.slot_mut(idx) {
            o.vars = Some(ds.vars);
            o.callouts = ds.callouts;
            o.dirty = false;
        }
        Ok(())
    }

    // ================================================================== frames

    /// Sets up a frame for function `fr` (relative to `oprog`) with `nargs` arguments on
    /// the stack.
    fn push_frame(
        &mut self,
        this: This,
        oprog: Rc<Program>,
        fr: FuncRef,
        nargs: usize,
        external: bool,
    ) -> Result<(), LpcError> {
        let Some(prog) = oprog.anc_prog(fr.anc).cloned() else {
            return err("Bad function reference");
        };
        let Some(f) = prog.funcs.get(fr.func as usize) else {
            return err("Bad function reference");
        };
        if !f.defined {
            return err(format!("Undefined function {}", f.name));
        }
        let depth = self.frames.len() + 1;
        if depth > self.maxdepth {
            self.stack.truncate(self.stack.len().saturating_sub(nargs));
            return err("Stack overflow");
        }
        if self.ticks < ticks::CALL_RESERVE && !self.noticks {
            self.stack.truncate(self.stack.len().saturating_sub(nargs));
            return err("Out of ticks");
        }
        let np = f.params.len();
        // as DGD, the arguments given to a typechecked function are checked
        // at every call (a mixed value can hold anything), each extra
        // argument against the element type of an ellipsis parameter
        if f.check_args {
            let base = self.stack.len().saturating_sub(nargs);
            for i in 0..nargs {
                let t = match f.params.get(i) {
                    Some(t) if !(f.ellipsis && i + 1 >= np) => *t,
                    _ if f.ellipsis && np > 0 => {
                        let mut t = f.params[np - 1];
                        t.depth = t.depth.saturating_sub(1);
                        t
                    }
                    _ => break,
                };
                let v = &self.stack[base + i];
                if !t.accepts(v) {
                    let msg = format!(
                        "Bad argument {} ({}) for function {}",
                        i + 1,
                        v.type_name(),
                        f.name
                    );
                    self.stack.truncate(base);
                    return err(msg);
                }
            }
        }
        let mut nargs = nargs;
        if nargs < f.min_args as usize
            && !(f.ellipsis && nargs + 1 >= np && f.min_args as usize >= np)
            && f.check_args
        {
            {
                self.stack.truncate(self.stack.len().saturating_sub(nargs));
                return err(format!("Insufficient arguments for function {}", f.name));
            }
        }
        if f.ellipsis {
            let fixed = np.saturating_sub(1);
            if nargs > fixed {
                let rest: Vec<Value> = self.stack.split_off(self.stack.len() - (nargs - fixed));
                self.stack.push(Value::array(rest));
                nargs = fixed + 1;
            } else {
                while nargs < fixed {
                    self.stack.push(f.params[nargs].default_value());
                    nargs += 1;
                }
                self.stack.push(Value::array(Vec::new()));
                nargs += 1;
            }
        } else if nargs > np {
            if f.check_args {
                self.stack.truncate(self.stack.len().saturating_sub(nargs));
                return err(format!("Too many arguments for function {}", f.name));
            }
            let extra = nargs - np;
            self.stack.truncate(self.stack.len() - extra);
            nargs = np;
        }
        while nargs < np {
            self.stack.push(f.params[nargs].default_value());
            nargs += 1;
        }
        let base = self.stack.len() - np;
        let nl = f.nlocals as usize;
        if nl > np {
            self.stack.resize(base + nl, Value::Nil);
        }
        let link = if Rc::ptr_eq(&prog, &oprog) {
            oprog.self_anc()
        } else {
            fr.anc
        };
        let atomic_mark = if f.mods.atomic {
            self.atomic += 1;
            Some(self.undo.len())
        } else {
            None
        };
        if external {
            if let This::Obj(i) = &this {
                let i = *i;
                self.dirty.insert(i);
                if self.objects.slot(i).is_some_and(|o| o.vars.is_none()) {
                    if let Err(e) = self.ensure_loaded(i) {
                        self.stack.truncate(base);
                        if atomic_mark.is_some() {
                            self.atomic = self.atomic.saturating_sub(1);
                        }
                        return Err(e);
                    }
                }
            }
        }
        // a call inside the running object shares the caller's context
        let same_ctx = self.frames.last().map(|top| top.ctx).filter(|&c| {
            let ctx = &self.ctxs[c as usize];
            Rc::ptr_eq(&ctx.oprog, &oprog)
                && match (&ctx.this, &this) {
                    (This::Obj(a), This::Obj(b)) => a == b,
                    (This::Lwo(a), This::Lwo(b)) => LwoRef::ptr_eq(a, b),
                    _ => false,
                }
        });
        let (ctx, owns_ctx) = match same_ctx {
            Some(c) => (c, false),
            None => {
                self.ctxs.push(Ctx { this, oprog });
                (self.ctxs.len() as u32 - 1, true)
            }
        };
        self.frames.push(Frame {
            ctx,
            owns_ctx,
            func: fr.func,
            pc: 0,
            base,
            link,
            nparams: np as u16,
            external,
            catch_mark: self.catches.len(),
            rl_mark: self.rl.len(),
            atomic_mark,
        });
        if atomic_mark.is_some() {
            self.atomic_ticks_enter();
        }
        self.ticks -= ticks::CALL;
        Ok(())
    }

    /// An atomic function was just entered. As DGD, unless its caller runs
    /// atomically already (inside an atomic function and not inside a `catch`
    /// begun since), this starts a new atomic level: the ticks left are halved
    /// now and doubled when the function returns or fails.
    #[cold]
    #[inline(never)]
    fn atomic_ticks_enter(&mut self) {
        let me = self.frames.len() - 1;
        let caller_atomic = self.frames[..me]
            .iter()
            .rposition(|f| f.atomic_mark.is_some())
            .is_some_and(|a| self.catches.last().is_none_or(|c| c.frames <= a));
        if !caller_atomic {
            self.tick_levels.push(me);
            if !self.noticks {
                self.ticks >>= 1;
            }
        }
    }

    /// The ticks left as `status()[ST_TICKS]` reports them (-1: unlimited).
    fn ticks_left(&self) -> i64 {
        if self.noticks {
            -1
        } else {
            self.ticks.max(0) << self.tick_levels.len().min(32)
        }
    }

    /// What call slot `slot` of frame `fi`'s program reaches (Op::Call).
    #[inline(always)]
    fn call_target(&self, fi: usize, slot: u16) -> Option<CallTarget> {
        let f = &self.frames[fi];
        self.foprog(f)
            .links
            .get(f.link as usize)
            .and_then(|l| l.call_map.get(slot as usize))
            .copied()
    }

    /// The function `func` of ancestor `anc` as frame `fi` sees it (Op::CallStatic).
    #[inline(always)]
    fn static_target(&self, fi: usize, anc: u16, func: u16) -> Option<FuncRef> {
        let f = &self.frames[fi];
        self.foprog(f)
            .links
            .get(f.link as usize)
            .and_then(|l| l.anc_map.get(anc as usize))
            .map(|&a| FuncRef { anc: a, func })
    }

    /// this_object and the object's program of frame `fi`, for push_frame.
    fn this_and_oprog(&self, fi: usize) -> (This, Rc<Program>) {
        let c = self.fctx(&self.frames[fi]);
        (c.this.clone(), c.oprog.clone())
    }

    /// The context of frame `f`.
    #[inline(always)]
    fn fctx(&self, f: &Frame) -> &Ctx {
        &self.ctxs[f.ctx as usize]
    }

    /// `this_object()` of frame `f`.
    #[inline(always)]
    fn fthis(&self, f: &Frame) -> &This {
        &self.ctxs[f.ctx as usize].this
    }

    /// The program of the object frame `f` runs in.
    #[inline(always)]
    fn foprog(&self, f: &Frame) -> &Rc<Program> {
        &self.ctxs[f.ctx as usize].oprog
    }

    /// The program whose function frame `f` runs (an ancestor of its object's
    /// program, or that program itself).
    #[inline(always)]
    fn fprog(&self, f: &Frame) -> &Rc<Program> {
        let oprog = &self.ctxs[f.ctx as usize].oprog;
        oprog.anc_prog(f.link).unwrap_or(oprog)
    }

    /// The fast case of an internal call (`Op::Call`, `Op::CallStatic`) from frame
    /// `fi`: a defined, non-atomic function without ellipsis called with exactly its
    /// number of parameters, within the depth and tick limits. Pushes the frame and
    /// returns the callee's code; returns None, changing nothing, in every other case
    /// (the caller then takes `push_frame`, which raises the errors).
    #[inline(always)]
    fn push_frame_fast(&mut self, fi: usize, fr: FuncRef, nargs: usize) -> Option<Rc<[Op]>> {
        if self.frames.len() >= self.maxdepth || (self.ticks < ticks::CALL_RESERVE && !self.noticks)
        {
            return None;
        }
        let caller = self.frames[fi];
        let oprog = &self.ctxs[caller.ctx as usize].oprog;
        let prog = oprog.anc_prog(fr.anc)?;
        let f = prog.funcs.get(fr.func as usize)?;
        if !f.defined || f.ellipsis || f.mods.atomic || f.params.len() != nargs {
            return None;
        }
        // an argument of the wrong type: push_frame raises the error
        if f.check_args && !args_fit(&f.params, &self.stack[self.stack.len() - nargs..]) {
            return None;
        }
        let code = f.code.clone();
        let nl = f.nlocals as usize;
        let link = if Rc::ptr_eq(prog, oprog) {
            oprog.self_anc()
        } else {
            fr.anc
        };
        let frame = Frame {
            ctx: caller.ctx,
            owns_ctx: false,
            func: fr.func,
            pc: 0,
            base: self.stack.len() - nargs,
            link,
            nparams: nargs as u16,
            external: false,
            catch_mark: self.catches.len(),
            rl_mark: self.rl.len(),
            atomic_mark: None,
        };
        self.ticks -= ticks::CALL;
        if nl > nargs {
            self.stack.resize(frame.base + nl, Value::Nil);
        }
        self.frames.push(frame);
        Some(code)
    }

    #[inline]
    fn charge(&mut self, n: i64) -> Result<(), LpcError> {
        // As DGD: no check here; the next call or loop iteration fails.
        self.ticks -= n;
        Ok(())
    }

    /// Pops the top frame after a return.
    #[inline(always)]
    fn pop_frame(&mut self) {
        let Some(f) = self.frames.pop() else {
            return;
        };
        if f.owns_ctx || f.atomic_mark.is_some() || self.rl.len() > f.rl_mark {
            self.pop_frame_rare(&f);
        }
        self.catches.truncate(f.catch_mark);
        // the frame's locals: ints, floats, nil and object handles own nothing
        while self.stack.len() > f.base {
            match self.stack.pop() {
                Some(v @ (Value::Nil | Value::Int(_) | Value::Float(_) | Value::Object(_))) => {
                    std::mem::forget(v)
                }
                v => drop(v),
            }
        }
    }

    /// The rarer parts of popping frame `f`: its context, rlimits, atomic level.
    #[inline(never)]
    fn pop_frame_rare(&mut self, f: &Frame) {
        if f.owns_ctx {
            self.ctxs.pop();
        }
        if self.rl.len() > f.rl_mark {
            self.restore_rl(f.rl_mark);
        }
        if f.atomic_mark.is_some() {
            self.atomic = self.atomic.saturating_sub(1);
            if self.atomic == 0 {
                self.undo.clear();
            }
            if self.tick_levels.last() == Some(&self.frames.len()) {
                self.tick_levels.pop();
                if !self.noticks {
                    self.ticks *= 2;
                }
            }
            // programs that became unused inside it (DGD calls remove_program
            // when the atomic function has succeeded; after a rollback the
            // objects are not destructed)
            if self.atomic == 0 && !self.removal_candidates.is_empty() {
                let work = std::mem::take(&mut self.removal_candidates);
                self.check_removals(work, true);
            }
        }
    }

    fn restore_rl(&mut self, mark: usize) {
        self.save_rl();
        while self.rl.len() > mark.max(1) {
            let Some(r) = self.rl.pop() else { break };
            if let Some(p) = self.rl.last_mut() {
                if !r.noticks {
                    p.ticks += r.ticks.max(0);
                }
            }
        }
        self.load_rl();
    }

    // ================================================================== the loop

    /// Runs until the frame count drops to `stop`; returns the value returned by
    /// the frame at `stop`.
    fn execute(&mut self, stop: usize) -> Result<Value, LpcError> {
        // Callbacks (creators, hooks, LWO operators, kfun call_other) re-enter
        // the loop through Rust; bound that nesting so no program can overflow the
        // Rust stack, whatever rlimits the driver grants. The error is raised by
        // the frame just pushed, as if it had failed at once.
        if self.nesting >= MAX_NESTING && !self.in_error_hook {
            self.handle_error(LpcError::new("Stack overflow"), stop)?;
        }
        if self.nesting == 0 {
            self.reported_error = None;
        }
        self.nesting += 1;
        let r = self.execute_loop(stop);
        self.nesting -= 1;
        r
    }

    fn execute_loop(&mut self, stop: usize) -> Result<Value, LpcError> {
        loop {
            match self.run(stop) {
                Ok(v) => return Ok(v),
                Err(e) => self.handle_error(e, stop)?,
            }
        }
    }

    /// Error at the top frame: calls the runtime_error hook, then unwinds to the
    /// innermost catch above `stop` (Ok) or to `stop` (Err with the final error).
    fn handle_error(&mut self, mut e: LpcError, stop: usize) -> Result<(), LpcError> {
        let catch_idx = self.catches.iter().rposition(|c| c.frames > stop);
        // An error leaving atomic functions: as DGD, atomic_error first (stack and
        // changes still there; `atom` is the call_trace index of the outermost atomic
        // frame), then everything down to its caller is rolled back and popped, and
        // runtime_error sees the stack from there.
        let target = catch_idx.map_or(stop, |i| self.catches[i].frames);
        if let Some(a) = (target..self.frames.len()).find(|&i| self.frames[i].atomic_mark.is_some())
        {
            let replacement = self.atomic_error_hook(&e, a);
            self.unwind_to(a);
            if let Some(m) = replacement {
                e = LpcError { message: m };
            }
        }
        // runtime_error hook, stack still visible; `caught` is the innermost
        // catch, also when it is in a frame that called into this execution
        // (the error goes on there), and an error reported on its way out of
        // a nested execution is not reported again
        let caught = self.catches.last().map_or(0, |c| c.frames as i32);
        let again = self.reported_error.take().is_some_and(|m| m == e.message);
        let e = match if again {
            None
        } else {
            self.error_hook(&e, caught)
        } {
            Some(m) => LpcError { message: m },
            None => e,
        };
        match catch_idx {
            Some(ci) => {
                let target_frames = self.catches[ci].frames;
                self.unwind_to(target_frames);
                let Some(c) = self.catches.pop() else {
                    return Err(e);
                };
                self.catches.truncate(ci);
                if self.rl.len() > c.rl {
                    self.restore_rl(c.rl);
                }
                self.stack.truncate(c.stack);
                self.stack.push(Value::String(e.message.clone()));
                if let Some(f) = self.frames.last_mut() {
                    f.pc = c.handler;
                }
                Ok(())
            }
            None => {
                self.unwind_to(stop);
                if self.nesting > 1 {
                    self.reported_error = Some(e.message.clone());
                }
                Err(e)
            }
        }
    }

    /// Pops frames down to `n`, rolling back atomic functions left on the way.
    /// Is the program of master `o` inherited by another object's program?
    fn is_inherited(&self, o: ObjRef) -> bool {
        let Some(prog) = self.objects.get(o).map(|m| m.prog.clone()) else {
            return false;
        };
        self.objects.slots.iter().enumerate().any(|(i, s)| {
            i != o.index as usize
                && s.obj.as_deref().is_some_and(|x| {
                    !x.is_clone
                        && !Rc::ptr_eq(&x.prog, &prog)
                        && x.prog.ancestors.iter().any(|a| Rc::ptr_eq(&a.prog, &prog))
                })
        })
    }

    fn unwind_to(&mut self, n: usize) {
        while self.frames.len() > n {
            let atomic_mark = self.frames.last().and_then(|f| f.atomic_mark);
            if let Some(m) = atomic_mark {
                self.rollback(m);
            }
            self.pop_frame();
        }
    }

    /// Calls the driver's runtime_error; returns its replacement message, if any.
    fn error_hook(&mut self, e: &LpcError, caught: i32) -> Option<LStr> {
        if self.in_error_hook {
            return None;
        }
        let Some(d) = self.driver_object() else {
            if caught == 0 {
                let msg = format!("{}\n", e.message.to_str_lossy());
                self.host.message(&msg);
            }
            return None;
        };
        self.cfg.driver_object.as_ref()?;
        let mut replacement = None;
        self.in_error_hook = true;
        let ticks = self.ticks_left();
        let saved = (self.ticks, self.noticks, self.maxdepth);
        self.ticks = i64::MAX / 4;
        self.noticks = true;
        self.maxdepth = HARD_MAX_DEPTH;
        let rl_len = self.rl.len();
        self.rl.push(RlInfo {
            maxdepth: None,
            ticks: 0,
            noticks: true,
        });
        let r = self.call_in(
            d,
            "runtime_error",
            vec![
                Value::String(e.message.clone()),
                Value::Int(caught),
                Value::Int(ticks.min(i32::MAX as i64) as i32),
            ],
            true,
        );
        match r {
            Ok(Value::String(s)) => replacement = Some(s),
            Ok(_) => {}
            Err(he) => {
                let msg = format!(
                    "Error within runtime_error: {}\n",
                    he.message.to_str_lossy()
                );
                self.host.message(&msg);
            }
        }
        self.rl.truncate(rl_len);
        self.ticks = saved.0;
        self.noticks = saved.1;
        self.maxdepth = saved.2;
        self.in_error_hook = false;
        replacement
    }

    /// Calls the driver's atomic_error (stack and changes still there); as DGD, a
    /// string it returns replaces the error message.
    fn atomic_error_hook(&mut self, e: &LpcError, atom: usize) -> Option<LStr> {
        if self.in_error_hook || self.cfg.driver_object.is_none() {
            return None;
        }
        let d = self.driver_object()?;
        self.in_error_hook = true;
        let ticks = self.ticks_left().min(i32::MAX as i64) as i32;
        let saved = (self.ticks, self.noticks);
        self.noticks = true;
        let r = self.call_in(
            d,
            "atomic_error",
            vec![
                Value::String(e.message.clone()),
                Value::Int(atom as i32),
                Value::Int(ticks),
            ],
            true,
        );
        let mut replacement = None;
        match r {
            Ok(Value::String(s)) => replacement = Some(s),
            Ok(_) => {}
            Err(he) => {
                let msg = format!("Error within atomic_error: {}\n", he.message.to_str_lossy());
                self.host.message(&msg);
            }
        }
        self.ticks = saved.0;
        self.noticks = saved.1;
        self.in_error_hook = false;
        replacement
    }

    fn rollback(&mut self, mark: usize) {
        let mut live_delta: isize = 0;
        while self.undo.len() > mark {
            let Some(u) = self.undo.pop() else { break };
            match u {
                Undo::Var(o, i, v) => {
                    if let Some(obj) = self.objects.slot_mut(o) {
                        if let Some(vars) = obj.vars.as_mut() {
                            if let Some(slot) = vars.get_mut(i) {
                                *slot = v;
                            }
                        }
                    }
                }
                Undo::LwoVar(l, i, v) => {
                    if let Some(slot) = l.data_mut().vars.get_mut(i) {
                        *slot = v;
                    }
                }
                Undo::Elem(a, i, v) => {
                    if let Some(slot) = a.borrow_mut().get_mut(i) {
                        *slot = v;
                    }
                }
                Undo::Map(m, k, old) => {
                    let mut mm = m.borrow_mut();
                    match old {
                        Some(v) => {
                            mm.map.insert(k, v);
                        }
                        None => {
                            mm.map.remove(&k);
                        }
                    }
                }
                Undo::NewObject(i) => {
                    if let Some(o) = self.objects.slot_mut(i) {
                        o.destructed = true;
                        live_delta -= 1;
                        let name = o.name.clone();
                        let is_clone = o.is_clone;
                        let master = o.master;
                        if !is_clone {
                            self.objects.by_name.remove(&name);
                        } else if let Some(m) = self.objects.slot_mut(master) {
                            m.nclones = m.nclones.saturating_sub(1);
                        }
                        self.destructed.push(i);
                    }
                }
                Undo::Destruct(i) => {
                    if let Some(o) = self.objects.slot_mut(i) {
                        o.destructed = false;
                        live_delta += 1;
                        let name = o.name.clone();
                        let is_clone = o.is_clone;
                        let master = o.master;
                        if !is_clone {
                            self.objects.by_name.insert(name, i);
                        } else if let Some(m) = self.objects.slot_mut(master) {
                            m.nclones += 1;
                        }
                        self.destructed.retain(|x| *x != i);
                    }
                }
                Undo::Summand(o, h, before) => {
                    if let Some(c) = self
                        .objects
                        .slot_mut(o)
                        .and_then(|obj| obj.callouts.get_mut(&h))
                    {
                        if let Some(v) = c.args.first_mut() {
                            *v = Value::Float(before);
                        }
                    }
                }
                Undo::CallOutAdd(o, h) => {
                    if let Some(obj) = self.objects.slot_mut(o) {
                        obj.callouts.remove(&h);
                        if h.wrapping_add(1) == obj.next_handle && !obj.free_handles.contains(&h) {
                            obj.next_handle = h;
                        } else {
                            obj.free_handle(h);
                        }
                    }
                    if let Some(r) = self.objects.handle(o) {
                        self.host.call_out_removed(r, h);
                    }
                }
                Undo::CallOutRemove(o, h, c) => {
                    let now = self.now();
                    let delay = (c.due - now).max(0.0);
                    if let Some(obj) = self.objects.slot_mut(o) {
                        obj.callouts.insert(h, c);
                        obj.take_handle(h);
                    }
                    if let Some(r) = self.objects.handle(o) {
                        // its own slot was freed by the removal being undone
                        if let Err(e) = self.host.call_out_added(r, h, delay) {
                            self.host.message(&format!(
                                "call_out {h} not rescheduled on rollback: {}\n",
                                e.message.to_str_lossy()
                            ));
                        }
                    }
                }
            }
        }
        self.objects.live = (self.objects.live as isize + live_delta).max(0) as usize;
    }

    fn now(&self) -> f64 {
        let (s, ms) = self.host.time();
        s as f64 + ms as f64 / 1000.0
    }

    #[inline]
    /// An array with its destructed objects replaced by nil (the same
    /// array when it holds none); any other value unchanged.
    fn fix_array(&self, v: Value) -> Value {
        let Value::Array(a) = &v else {
            return v;
        };
        let dead = |e: &Value| match e {
            Value::Object(o) => !self.objects.is_live(*o),
            Value::Lwo(l) => !self.objects.is_live(l.master()),
            _ => false,
        };
        if !a.borrow().iter().any(dead) {
            return v;
        }
        let items: Vec<Value> = a.borrow().iter().map(|e| self.fix(e.clone())).collect();
        Value::array(items)
    }

    fn fix(&self, v: Value) -> Value {
        match &v {
            Value::Object(o) if !self.objects.is_live(*o) => Value::Nil,
            Value::Lwo(l) if !self.objects.is_live(l.master()) => Value::Nil,
            _ => v,
        }
    }

    #[inline]
    fn pop(&mut self) -> Value {
        self.stack.pop().unwrap_or(Value::Nil)
    }

    /// Pops the top value, which the caller has just seen to be an int: forgetting
    /// it skips the out-of-line drop glue of `Value` (an int owns nothing, so
    /// nothing leaks).
    #[inline(always)]
    fn pop_int(&mut self) {
        std::mem::forget(self.stack.pop());
    }

    /// Global variable index in the current object's dataspace.
    #[inline]
    fn gidx(&self, fi: usize, i: u16) -> usize {
        let f = &self.frames[fi];
        match self
            .foprog(f)
            .links
            .get(f.link as usize)
            .and_then(|l| l.var_map.get(i as usize))
        {
            Some(&x) => x as usize,
            None => usize::MAX,
        }
    }

    fn global_get(&self, fi: usize, i: u16) -> Result<Value, LpcError> {
        let gi = self.gidx(fi, i);
        let v = match self.fthis(&self.frames[fi]) {
            This::Obj(o) => self
                .objects
                .slot(*o)
                .and_then(|o| o.vars.as_ref())
                .and_then(|v| v.get(gi))
                .cloned(),
            This::Lwo(l) => l.data().vars.get(gi).cloned(),
        };
        match v {
            Some(v) => Ok(self.fix(v)),
            None => err("Bad variable reference"),
        }
    }

    fn global_set(&mut self, fi: usize, i: u16, v: Value) -> Result<(), LpcError> {
        let gi = self.gidx(fi, i);
        let atomic = self.atomic > 0;
        match self.fthis(&self.frames[fi]) {
            This::Obj(o) => {
                let o = *o;
                let Some(slot) = self
                    .objects
                    .slot_mut(o)
                    .and_then(|o| o.vars.as_mut())
                    .and_then(|v| v.get_mut(gi))
                else {
                    return err("Bad variable reference");
                };
                let old = std::mem::replace(slot, v);
                if atomic {
                    self.undo.push(Undo::Var(o, gi, old));
                }
            }
            This::Lwo(l) => {
                let l = l.clone();
                let mut d = l.data_mut();
                let Some(slot) = d.vars.get_mut(gi) else {
                    return err("Bad variable reference");
                };
                let old = std::mem::replace(slot, v);
                drop(d);
                if atomic {
                    self.undo.push(Undo::LwoVar(l, gi, old));
                }
            }
        }
        Ok(())
    }

    /// `c[i] = v` with undo logging and owner dirtying. Returns the new container if
    /// it was a string.
    fn store_index(&mut self, c: &Value, i: &Value, v: Value) -> Result<Option<Value>, LpcError> {
        match c {
            Value::Array(a) => {
                let n = match i {
                    Value::Int(n) => *n,
                    _ => return err("Non-numeric array index"),
                };
                let len = a.len();
                if n < 0 || n as usize >= len {
                    return err("Array index out of range");
                }
                let old = std::mem::replace(&mut a.borrow_mut()[n as usize], v);
                if self.atomic > 0 {
                    self.undo.push(Undo::Elem(a.clone(), n as usize, old));
                }
                let owner = a.header().owner.get();
                if owner != NO_OWNER {
                    self.dirty.insert(owner);
                }
                Ok(None)
            }
            Value::Mapping(m) => {
                let key = match i {
                    Value::Object(o) if !self.objects.is_live(*o) => Value::Nil,
                    _ => i.clone(),
                };
                let old = if v.is_nil() {
                    m.borrow_mut().map.remove(&key)
                } else {
                    let mut mm = m.borrow_mut();
                    let len = mm.map.len();
                    match mm.map.entry(key.clone()) {
                        std::collections::btree_map::Entry::Occupied(mut e) => {
                            Some(std::mem::replace(e.get_mut(), v))
                        }
                        std::collections::btree_map::Entry::Vacant(e) => {
                            if len >= self.cfg.array_size {
                                return err("Mapping too large to grow");
                            }
                            e.insert(v);
                            None
                        }
                    }
                };
                if self.atomic > 0 {
                    self.undo.push(Undo::Map(m.clone(), key, old));
                }
                let owner = m.header().owner.get();
                if owner != NO_OWNER {
                    self.dirty.insert(owner);
                }
                Ok(None)
            }
            Value::Lwo(_) => err("Index on bad type"),
            _ => ops::store_index(c, i, v),
        }
    }

    fn index(&self, c: &Value, i: &Value) -> Result<Value, LpcError> {
        let v = ops::index(c, i)?;
        Ok(self.fix(v))
    }

    fn lwo_operator(&mut self, l: &LwoRef, op: &str, args: Vec<Value>) -> Result<Value, LpcError> {
        let master = l.master();
        let Some(mo) = self.objects.get(master) else {
            return err("Index on bad type");
        };
        let prog = mo.prog.clone();
        let name = format!("operator{op}");
        let Some((fr, f)) = prog.find_function(name.as_bytes()) else {
            return err(format!("Bad argument 1 for kfun {op}"));
        };
        if !f.defined {
            return err(format!("Bad argument 1 for kfun {op}"));
        }
        let stop = self.frames.len();
        let n = args.len();
        self.stack.extend(args);
        self.push_frame(This::Lwo(l.clone()), prog, fr, n, true)?;
        self.execute(stop)
    }

    /// Binary operator with LWO overloading.
    fn binop(&mut self, op: Op, a: Value, b: Value) -> Result<Value, LpcError> {
        if let Value::Lwo(l) = &a {
            let sym = match op {
                Op::Add => "+",
                Op::Sub => "-",
                Op::Mul => "*",
                Op::Div => "/",
                Op::Mod => "%",
                Op::And => "&",
                Op::Or => "|",
                Op::Xor => "^",
                Op::Shl => "<<",
                Op::Shr => ">>",
                Op::Lt => "<",
                Op::Gt => ">",
                Op::Le => "<=",
                Op::Ge => ">=",
                _ => "",
            };
            if !sym.is_empty() {
                let l = l.clone();
                return self.lwo_operator(&l, sym, vec![b]);
            }
        }
        self.ticks -= ticks::binop(op, &a, &b);
        use std::cmp::Ordering::*;
        // DGD: a destructed object in an array reads as nil, so the set
        // operators match it against nil.
        let (a, b) = if matches!(op, Op::Sub | Op::And | Op::Or | Op::Xor) {
            (self.fix_array(a), self.fix_array(b))
        } else {
            (a, b)
        };
        let r = match op {
            Op::Add => ops::add(&a, &b),
            Op::Sub => ops::sub(&a, &b),
            Op::Mul => ops::mul(&a, &b),
            Op::Div => ops::div(&a, &b),
            Op::Mod => ops::rem(&a, &b),
            Op::And => ops::and(&a, &b),
            Op::Or => ops::or(&a, &b),
            Op::Xor => ops::xor(&a, &b),
            Op::Shl => ops::shl(&a, &b),
            Op::Shr => ops::shr(&a, &b),
            Op::Lt => Ok(Value::Int((ops::compare(&a, &b, "<")? == Less) as i32)),
            Op::Gt => Ok(Value::Int((ops::compare(&a, &b, ">")? == Greater) as i32)),
            Op::Le => Ok(Value::Int((ops::compare(&a, &b, "<=")? != Greater) as i32)),
            Op::Ge => Ok(Value::Int((ops::compare(&a, &b, ">=")? != Less) as i32)),
            Op::Eq => Ok(Value::Int((a == b) as i32)),
            Op::Ne => Ok(Value::Int((a != b) as i32)),
            _ => err("bad operator"),
        }?;
        self.check_size(&r)?;
        Ok(r)
    }

    /// `a += b` in place; an array or mapping over `array_size` is an error that
    /// leaves `a` unchanged.
    fn add_assign_checked(&self, a: &mut Value, b: &Value) -> Result<(), LpcError> {
        if let Value::Array(_) | Value::Mapping(_) = a {
            let r = ops::add(a, b)?;
            self.check_size(&r)?;
            *a = r;
            return Ok(());
        }
        ops::add_assign(a, b)
    }

    /// DGD's `array_size` limit on the result of an operator (`+`, `|`, `^` on
    /// arrays, `+` on mappings): "Array too large" / "Mapping too large". The
    /// operands are within the limit, so the result is at most twice it.
    fn check_size(&self, v: &Value) -> Result<(), LpcError> {
        match v {
            Value::Array(a) if a.borrow().len() > self.cfg.array_size => err("Array too large"),
            Value::Mapping(m) if m.borrow().len() > self.cfg.array_size => err("Mapping too large"),
            _ => Ok(()),
        }
    }

    fn cmp_slow(&mut self, k: u8, a: Value, b: Value) -> Result<bool, LpcError> {
        let op = match k {
            0 => Op::Lt,
            1 => Op::Gt,
            2 => Op::Le,
            3 => Op::Ge,
            4 => Op::Eq,
            _ => Op::Ne,
        };
        Ok(self.binop(op, a, b)?.truthy())
    }

    #[inline(always)]
    fn spread_args(&mut self, argc: u8) -> Result<usize, LpcError> {
        let n = (argc & !SPREAD) as usize;
        if argc & SPREAD == 0 {
            return Ok(n);
        }
        self.spread_slow(n)
    }

    fn spread_slow(&mut self, n: usize) -> Result<usize, LpcError> {
        match self.pop() {
            Value::Array(a) => {
                let items = a.borrow().clone();
                let m = items.len();
                self.ticks -= m as i64;
                for v in items {
                    let v = self.fix(v);
                    self.stack.push(v);
                }
                Ok(n - 1 + m)
            }
            Value::Nil => Ok(n - 1),
            _ => err("Spread of non-array"),
        }
    }

    /// The code of frame `fi`.
    #[inline]
    fn frame_code(&self, fi: usize) -> Rc<[Op]> {
        let f = &self.frames[fi];
        match self.fprog(f).funcs.get(f.func as usize) {
            Some(func) => func.code.clone(),
            None => Rc::from(Vec::new()),
        }
    }

    /// The interpreter loop proper. Each frame it pushes stores the caller's code in
    /// `saved_code` (above `mark`, the length at entry), each return takes it back:
    /// the frames pushed by this run are the top ones, so the two stacks match.
    fn run(&mut self, stop: usize) -> Result<Value, LpcError> {
        let mark = self.saved_code.len();
        let r = self.run_frames(stop, mark);
        self.saved_code.truncate(mark);
        r
    }

    fn run_frames(&mut self, stop: usize, mark: usize) -> Result<Value, LpcError> {
        let mut fi = self.frames.len() - 1;
        let mut code = self.frame_code(fi);
        let mut pc = self.frames[fi].pc;
        let mut base = self.frames[fi].base;

        // after pushing a frame
        macro_rules! enter {
            () => {{
                fi = self.frames.len() - 1;
                let c = self.frame_code(fi);
                self.saved_code.push(std::mem::replace(&mut code, c));
                pc = self.frames[fi].pc;
                base = self.frames[fi].base;
            }};
        }
        // pops two values and compares them (kind `k`, see cmp_code): ints
        // directly, everything else through cmp_slow
        macro_rules! cmp_pop {
            ($k:expr) => {{
                let fast = match self.stack.as_slice() {
                    [.., Value::Int(x), Value::Int(y)] => Some(int_cmp($k, *x, *y)),
                    _ => None,
                };
                if let Some(r) = fast {
                    self.pop_int();
                    self.pop_int();
                    r
                } else {
                    let b = self.pop();
                    let a = self.pop();
                    save!();
                    tri!(self.cmp_slow($k, a, b))
                }
            }};
        }
        // into the frame push_frame_fast just pushed, running code `c`
        macro_rules! enter_fast {
            ($c:expr) => {{
                self.saved_code.push(std::mem::replace(&mut code, $c));
                fi += 1;
                pc = 0;
                base = self.frames[fi].base;
            }};
        }
        // after popping a frame
        macro_rules! leave {
            () => {{
                fi = self.frames.len() - 1;
                code = match self.saved_code.len() > mark {
                    true => self.saved_code.pop().unwrap_or_else(|| self.frame_code(fi)),
                    false => self.frame_code(fi),
                };
                pc = self.frames[fi].pc;
                base = self.frames[fi].base;
            }};
        }
        macro_rules! tri {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(e) => {
                        self.frames[fi].pc = pc.saturating_sub(1);
                        return Err(e);
                    }
                }
            };
        }
        macro_rules! save {
            () => {
                self.frames[fi].pc = pc;
            };
        }
        // the ticks of one loop iteration (Loop, LoopTrue, CmpLoop)
        // as DGD: a loop's backward jump costs ticks::LOOP and fails at <= 0 left
        macro_rules! loop_ticks {
            () => {
                self.ticks -= ticks::LOOP;
                if self.ticks <= 0 && !self.noticks {
                    tri!(err::<()>("Out of ticks"));
                }
            };
        }

        loop {
            let Some(opr) = code.get(pc) else {
                // fell off the end: return nil
                self.pop_frame();
                if self.frames.len() <= stop {
                    return Ok(Value::Nil);
                }
                self.stack.push(Value::Nil);
                leave!();
                continue;
            };
            pc += 1;
            match *opr {
                Op::Nil => self.stack.push(Value::Nil),
                Op::Int(i) => self.stack.push(Value::Int(i)),
                Op::Const(c) => {
                    let v = self
                        .fprog(&self.frames[fi])
                        .consts
                        .get(c as usize)
                        .cloned()
                        .unwrap_or(Value::Nil);
                    self.stack.push(v);
                }
                Op::Local(s) => {
                    let v = match &self.stack[base + s as usize] {
                        Value::Int(i) => Value::Int(*i),
                        v @ (Value::Object(_) | Value::Lwo(_)) => self.fix(v.clone()),
                        v => v.clone(),
                    };
                    self.stack.push(v);
                }
                Op::StoreLocal(s) => {
                    let v = self.stack.last().cloned().unwrap_or(Value::Nil);
                    self.stack[base + s as usize] = v;
                }
                Op::SetLocal(s) => {
                    let v = self.pop();
                    self.stack[base + s as usize] = v;
                }
                Op::Global(g) => {
                    self.ticks -= ticks::GLOBAL_READ;
                    let v = tri!(self.global_get(fi, g));
                    self.stack.push(v);
                }
                Op::StoreGlobal(g) => {
                    self.ticks -= ticks::GLOBAL_STORE;
                    let v = self.stack.last().cloned().unwrap_or(Value::Nil);
                    tri!(self.global_set(fi, g, v));
                }
                Op::SetGlobal(g) => {
                    self.ticks -= ticks::GLOBAL_STORE;
                    let v = self.pop();
                    tri!(self.global_set(fi, g, v));
                }
                Op::StoreLocalUnder(s) => {
                    let v = self.pop();
                    let x = self.pop();
                    self.stack[base + s as usize] = x;
                    self.stack.push(v);
                }
                Op::StoreGlobalUnder(g) => {
                    self.ticks -= ticks::GLOBAL_STORE;
                    let v = self.pop();
                    let x = self.pop();
                    tri!(self.global_set(fi, g, x));
                    self.stack.push(v);
                }
                Op::StoreIndexUnder => {
                    let v = self.pop();
                    let x = self.pop();
                    if let Value::String(_) = x {
                        // writing back a changed string; an array or mapping
                        // was changed in place, at no further cost in DGD
                        self.ticks -= ticks::STORE_INDEX;
                    }
                    let i = self.pop();
                    let c = self.pop();
                    tri!(self.store_index(&c, &i, x));
                    self.stack.push(v);
                }
                Op::Pop => {
                    self.stack.pop();
                }
                Op::Dup => {
                    let v = self.stack.last().cloned().unwrap_or(Value::Nil);
                    self.stack.push(v);
                }
                Op::Dup2 => {
                    let n = self.stack.len();
                    if n >= 2 {
                        let a = self.stack[n - 2].clone();
                        let b = self.stack[n - 1].clone();
                        self.stack.push(a);
                        self.stack.push(b);
                    }
                }
                Op::Swap => {
                    let n = self.stack.len();
                    if n >= 2 {
                        self.stack.swap(n - 1, n - 2);
                    }
                }
                Op::IncLocal(s, d) => {
                    let slot = &mut self.stack[base + s as usize];
                    match slot {
                        Value::Int(i) => {
                            *i = i.wrapping_add(d);
                            // `for (...; i < N; i++)`: the increment, then the loop
                            // test on an int local and constant, as one step
                            if let (Some(&Op::LocalInt(l, n)), Some(&Op::CmpLoop(k, t))) =
                                (code.get(pc), code.get(pc + 1))
                            {
                                if let Value::Int(x) = self.stack[base + l as usize] {
                                    pc += 2;
                                    if int_cmp(k, x, n) {
                                        loop_ticks!();
                                        pc = t as usize;
                                    }
                                }
                            }
                        }
                        _ => {
                            let cur = slot.clone();
                            self.ticks -= ticks::unop(&cur);
                            let r = tri!(incdec(&cur, d));
                            self.stack[base + s as usize] = r;
                        }
                    }
                }
                Op::IncDecLocal(s, d, post) => {
                    let cur = self.stack[base + s as usize].clone();
                    self.ticks -= ticks::unop(&cur);
                    let new = tri!(incdec(&cur, d as i32));
                    self.stack[base + s as usize] = new.clone();
                    self.stack.push(if post { cur } else { new });
                }
                Op::IncDecGlobal(g, d, post) => {
                    self.ticks -= ticks::GLOBAL_READ + ticks::GLOBAL_STORE;
                    let cur = tri!(self.global_get(fi, g));
                    self.ticks -= ticks::unop(&cur);
                    let new = tri!(incdec(&cur, d as i32));
                    tri!(self.global_set(fi, g, new.clone()));
                    self.stack.push(if post { cur } else { new });
                }
                Op::IncDecIndex(d, post) | Op::IncDecIndexWb(d, post) => {
                    let i = self.pop();
                    let c = self.pop();
                    self.ticks -= ticks::INDEX + ticks::STORE_INDEX;
                    let cur = tri!(self.index(&c, &i));
                    self.ticks -= ticks::unop(&cur);
                    let new = tri!(incdec(&cur, d as i32));
                    let nc = tri!(self.store_index(&c, &i, new.clone()));
                    if let Op::IncDecIndexWb(..) = *opr {
                        self.stack.push(nc.unwrap_or(c));
                    }
                    self.stack.push(if post { cur } else { new });
                }
                Op::Add | Op::SumAdd => {
                    if let [.., Value::Int(x), Value::Int(y)] = self.stack.as_mut_slice() {
                        *x = x.wrapping_add(*y);
                        self.pop_int();
                        continue;
                    }
                    if let [.., a @ Value::String(_), b] = self.stack.as_mut_slice() {
                        if *opr != Op::SumAdd {
                            // (a SumAdd was charged for the whole sum by the compiler)
                            self.ticks -= ticks::binop(Op::Add, a, b);
                        }
                        // appends in place when the left string is not shared
                        let r = ops::add_assign(a, b);
                        self.stack.pop();
                        if r.is_err() {
                            self.stack.pop();
                        }
                        tri!(r);
                        continue;
                    }
                    let b = self.pop();
                    let a = self.stack.pop().unwrap_or(Value::Nil);
                    if *opr == Op::SumAdd {
                        // charged for the whole sum by the compiler
                        self.ticks += ticks::binop(Op::Add, &a, &b);
                    }
                    save!();
                    let r = tri!(self.binop(Op::Add, a, b));
                    self.stack.push(r);
                }
                Op::Sub => {
                    if let [.., Value::Int(x), Value::Int(y)] = self.stack.as_mut_slice() {
                        *x = x.wrapping_sub(*y);
                        self.pop_int();
                        continue;
                    }
                    let b = self.pop();
                    let a = self.pop();
                    save!();
                    let r = tri!(self.binop(Op::Sub, a, b));
                    self.stack.push(r);
                }
                Op::Lt | Op::Gt | Op::Le | Op::Ge => {
                    if let [.., Value::Int(x), Value::Int(y)] = self.stack.as_mut_slice() {
                        let r = match *opr {
                            Op::Lt => *x < *y,
                            Op::Gt => *x > *y,
                            Op::Le => *x <= *y,
                            _ => *x >= *y,
                        };
                        *x = r as i32;
                        self.pop_int();
                        continue;
                    }
                    let b = self.pop();
                    let a = self.pop();
                    save!();
                    let r = tri!(self.binop(*opr, a, b));
                    self.stack.push(r);
                }
                Op::Mul => {
                    if let [.., Value::Int(x), Value::Int(y)] = self.stack.as_mut_slice() {
                        *x = x.wrapping_mul(*y);
                        self.pop_int();
                        continue;
                    }
                    let b = self.pop();
                    let a = self.pop();
                    save!();
                    let r = tri!(self.binop(*opr, a, b));
                    self.stack.push(r);
                }
                Op::Div
                | Op::Mod
                | Op::Shl
                | Op::Shr
                | Op::And
                | Op::Or
                | Op::Xor
                | Op::Eq
                | Op::Ne => {
                    let b = self.pop();
                    let a = self.pop();
                    save!();
                    let r = tri!(self.binop(*opr, a, b));
                    self.stack.push(r);
                }
                Op::Neg => {
                    let a = self.pop();
                    self.ticks -= ticks::unop(&a);
                    let r = tri!(ops::neg(&a));
                    self.stack.push(r);
                }
                Op::Not => {
                    let a = self.pop();
                    self.stack.push(Value::Int(!a.truthy() as i32));
                }
                Op::Compl => {
                    let a = self.pop();
                    let r = if let Value::Lwo(l) = &a {
                        save!();
                        tri!(self.lwo_operator(&l.clone(), "~", vec![]))
                    } else {
                        tri!(ops::compl(&a))
                    };
                    self.stack.push(r);
                }
                Op::AddLocal(s) => {
                    let b = self.pop();
                    let slot = &mut self.stack[base + s as usize];
                    if let Value::Lwo(_) = slot {
                        let a = slot.clone();
                        save!();
                        let r = tri!(self.binop(Op::Add, a, b));
                        self.stack[base + s as usize] = r.clone();
                        self.stack.push(r);
                        continue;
                    }
                    let mut cur = std::mem::take(slot);
                    self.ticks -= ticks::binop(Op::Add, &cur, &b);
                    let r = self.add_assign_checked(&mut cur, &b);
                    if r.is_ok() && matches!(code.get(pc), Some(Op::Pop)) {
                        // `a += b;` as a statement: the value is popped at once
                        self.stack[base + s as usize] = cur;
                        pc += 1;
                        continue;
                    }
                    let out = cur.clone();
                    self.stack[base + s as usize] = cur;
                    tri!(r);
                    self.stack.push(out);
                }
                Op::CheckType(t) => {
                    let v = self.stack.last().cloned().unwrap_or(Value::Nil);
                    if !t.accepts(&v) {
                        tri!(err::<()>(not_of_type(t)));
                    }
                }
                Op::Ticks(fixed, per_frame) => {
                    self.ticks -= fixed as i64 + per_frame as i64 * self.frames.len() as i64;
                }
                Op::SscanfLimit(n) => {
                    let v = self.pop();
                    if let Value::Array(a) = v {
                        if a.len() > n as usize + 1 {
                            tri!(err::<()>("Missing lvalue"));
                        }
                    }
                }
                Op::StrOperand => {
                    if !matches!(
                        self.stack.last(),
                        Some(Value::Int(_) | Value::Float(_) | Value::String(_))
                    ) {
                        tri!(err::<()>("Value is not a string"));
                    }
                }
                Op::ClassCheck(c) => {
                    let v = self.stack.last().cloned().unwrap_or(Value::Nil);
                    let v = self.fix(v);
                    if !matches!(v, Value::Nil) {
                        let path = self.fprog(&self.frames[fi]).consts.get(c as usize).cloned();
                        let path = path.unwrap_or(Value::Nil);
                        if !matches!(v, Value::Object(_) | Value::Lwo(_)) {
                            tri!(err::<()>("Value is not an object"));
                        } else if self.instance_of(&v, &path) <= 0 {
                            let msg = match &path {
                                Value::String(p) => {
                                    format!("Value is not of object type {}", p.to_str_lossy())
                                }
                                _ => "Value is not of object type".to_string(),
                            };
                            tri!(err::<()>(msg));
                        }
                    }
                }
                Op::ArgClassCheck(n, c) => {
                    let v = self.stack.get(base + n as usize).cloned();
                    let v = self.fix(v.unwrap_or(Value::Nil));
                    if matches!(v, Value::Object(_) | Value::Lwo(_)) {
                        let prog = self.fprog(&self.frames[fi]).clone();
                        let path = prog.consts.get(c as usize).cloned().unwrap_or(Value::Nil);
                        if self.instance_of(&v, &path) <= 0 {
                            let name = prog.funcs.get(self.frames[fi].func as usize);
                            let msg = format!(
                                "Bad object argument {} for function {}",
                                n + 1,
                                name.map(|f| f.name.to_string()).unwrap_or_default()
                            );
                            tri!(err::<()>(msg));
                        }
                    }
                }
                Op::Cast(t) => {
                    let v = self.pop();
                    if t.depth == 0 {
                        self.ticks -= ticks::cast(&v, t.base);
                    }
                    let r = tri!(ops::cast(v, t));
                    self.stack.push(r);
                }
                Op::Jump(t) => pc = t as usize,
                Op::JumpFalse(t) => {
                    let v = self.pop();
                    if !v.truthy() {
                        pc = t as usize;
                    }
                }
                Op::JumpTrue(t) => {
                    let v = self.pop();
                    if v.truthy() {
                        pc = t as usize;
                    }
                }
                Op::AndJump(t) => {
                    let v = self.pop();
                    if !v.truthy() {
                        self.stack.push(Value::Int(0));
                        pc = t as usize;
                    }
                }
                Op::OrJump(t) => {
                    let v = self.pop();
                    if v.truthy() {
                        self.stack.push(Value::Int(1));
                        pc = t as usize;
                    }
                }
                Op::LocalInt(l, i) => {
                    if let Value::Int(x) = self.stack[base + l as usize] {
                        // an int local and an int constant feeding a compare-and-jump,
                        // `+`, `-` or `*` are combined at run time, without the stack: the
                        // result, ticks and errors are those of the two instructions
                        match code.get(pc) {
                            Some(&Op::CmpJumpFalse(k, t)) => {
                                pc = if int_cmp(k, x, i) { pc + 1 } else { t as usize };
                            }
                            Some(&Op::CmpLoop(k, t)) => {
                                pc += 1;
                                if int_cmp(k, x, i) {
                                    loop_ticks!();
                                    pc = t as usize;
                                }
                            }
                            Some(Op::Add) => {
                                pc += 1;
                                self.stack.push(Value::Int(x.wrapping_add(i)));
                            }
                            Some(Op::Sub) => {
                                pc += 1;
                                self.stack.push(Value::Int(x.wrapping_sub(i)));
                            }
                            Some(Op::Mul) => {
                                pc += 1;
                                self.stack.push(Value::Int(x.wrapping_mul(i)));
                            }
                            _ => {
                                self.stack.push(Value::Int(x));
                                self.stack.push(Value::Int(i));
                            }
                        }
                        continue;
                    }
                    let v = match &self.stack[base + l as usize] {
                        Value::Int(i) => Value::Int(*i),
                        v @ (Value::Object(_) | Value::Lwo(_)) => self.fix(v.clone()),
                        v => v.clone(),
                    };
                    self.stack.push(v);
                    self.stack.push(Value::Int(i));
                }
                Op::AddLocalLocal(d, src) => {
                    let b = match &self.stack[base + src as usize] {
                        Value::Int(i) => Value::Int(*i),
                        v @ (Value::Object(_) | Value::Lwo(_)) => self.fix(v.clone()),
                        v => v.clone(),
                    };
                    let slot = &mut self.stack[base + d as usize];
                    if let (Value::Int(x), Value::Int(y)) = (&mut *slot, &b) {
                        *x = x.wrapping_add(*y);
                        let r = Value::Int(*x);
                        // `a += b;` as a statement: the value is popped at once
                        if let Some(Op::Pop) = code.get(pc) {
                            pc += 1;
                        } else {
                            self.stack.push(r);
                        }
                        continue;
                    }
                    if let Value::Lwo(_) = slot {
                        let a = slot.clone();
                        save!();
                        let r = tri!(self.binop(Op::Add, a, b));
                        self.stack[base + d as usize] = r.clone();
                        self.stack.push(r);
                        continue;
                    }
                    let mut cur = std::mem::take(slot);
                    self.ticks -= ticks::binop(Op::Add, &cur, &b);
                    let r = self.add_assign_checked(&mut cur, &b);
                    let out = cur.clone();
                    self.stack[base + d as usize] = cur;
                    tri!(r);
                    self.stack.push(out);
                }
                Op::CmpJumpFalse(k, t) => {
                    let r = cmp_pop!(k);
                    if !r {
                        pc = t as usize;
                    }
                }
                Op::CmpLoop(k, t) => {
                    let r = cmp_pop!(k);
                    if r {
                        loop_ticks!();
                        pc = t as usize;
                    }
                }
                Op::LoopTrue(t) => {
                    let v = self.pop();
                    if v.truthy() {
                        loop_ticks!();
                        pc = t as usize;
                    }
                }
                Op::Loop(t) => {
                    loop_ticks!();
                    pc = t as usize;
                }
                Op::Switch(t) => {
                    let v = self.pop();
                    let f = &self.frames[fi];
                    let func = &self.fprog(f).funcs[f.func as usize];
                    let target = match func.switches.get(t as usize) {
                        Some(SwitchTable::Int(ranges, def)) => match v {
                            Value::Int(i) => {
                                let idx = ranges.partition_point(|r| r.1 < i);
                                match ranges.get(idx) {
                                    Some(r) if r.0 <= i => r.2,
                                    _ => *def,
                                }
                            }
                            _ => *def,
                        },
                        Some(SwitchTable::Str(m, def)) => match v {
                            Value::String(s) => m.get(&Some(s)).copied().unwrap_or(*def),
                            Value::Nil | Value::Int(0) => m.get(&None).copied().unwrap_or(*def),
                            _ => *def,
                        },
                        None => pc as u32,
                    };
                    pc = target as usize;
                }
                Op::Array(n) => {
                    let n = n as usize;
                    if n > self.cfg.array_size {
                        tri!(err::<()>("Array too large"));
                    }
                    self.ticks -= ticks::array_aggregate(n);
                    let items = self.stack.split_off(self.stack.len() - n);
                    self.stack.push(Value::array(items));
                }
                Op::Mapping(n) => {
                    let n = n as usize;
                    if n > self.cfg.array_size {
                        tri!(err::<()>("Mapping too large"));
                    }
                    self.ticks -= ticks::mapping_aggregate(n);
                    let items = self.stack.split_off(self.stack.len() - 2 * n);
                    let mut m = Mapping::new();
                    let mut seen = std::collections::BTreeSet::new();
                    let mut it = items.into_iter();
                    let mut dup = false;
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        let k = self.fix(k);
                        // DGD rejects a literal naming one index twice.
                        dup |= !seen.insert(k.clone());
                        m.set(k, v);
                    }
                    if dup {
                        tri!(err::<()>("Identical indices in mapping"));
                    }
                    self.stack.push(Value::mapping(m));
                }
                Op::Index => {
                    self.ticks -= ticks::INDEX;
                    let i = self.pop();
                    let c = self.pop();
                    let r = if let Value::Lwo(l) = &c {
                        save!();
                        tri!(self.lwo_operator(&l.clone(), "[]", vec![i]))
                    } else {
                        tri!(self.index(&c, &i))
                    };
                    self.stack.push(r);
                }
                Op::Range(flags) => {
                    let to = if flags & 2 != 0 {
                        Some(self.pop())
                    } else {
                        None
                    };
                    let from = if flags & 1 != 0 {
                        Some(self.pop())
                    } else {
                        None
                    };
                    let c = self.pop();
                    let r = if let Value::Lwo(l) = &c {
                        save!();
                        tri!(self.lwo_operator(
                            &l.clone(),
                            "[..]",
                            vec![from.unwrap_or(Value::Nil), to.unwrap_or(Value::Nil)]
                        ))
                    } else {
                        let r = tri!(ops::range(&c, from.as_ref(), to.as_ref()));
                        let n = match (&c, &r) {
                            (Value::Mapping(m), _) => m.len(),
                            (_, Value::Array(a)) => a.len(),
                            _ => 0,
                        };
                        self.ticks -= ticks::range(&c, n);
                        r
                    };
                    self.stack.push(r);
                }
                Op::StoreIndex | Op::StoreIndexWb => {
                    self.ticks -= ticks::STORE_INDEX;
                    let v = self.pop();
                    let i = self.pop();
                    let c = self.pop();
                    let nc = if let Value::Lwo(l) = &c {
                        save!();
                        tri!(self.lwo_operator(&l.clone(), "[]=", vec![i, v.clone()]));
                        None
                    } else {
                        tri!(self.store_index(&c, &i, v.clone()))
                    };
                    if matches!(*opr, Op::StoreIndexWb) {
                        self.stack.push(nc.unwrap_or(c));
                    }
                    self.stack.push(v);
                }
                Op::UnpackArray(_) | Op::Nop => {}
                Op::Sscanf(n) => {
                    let v = self.pop();
                    let ok = match v {
                        Value::Array(a) => a.len() > n as usize,
                        _ => false,
                    };
                    self.stack.push(Value::Int(ok as i32));
                }
                Op::Call(slot, argc) => {
                    save!();
                    let target = self.call_target(fi, slot);
                    if argc & SPREAD == 0 {
                        if let Some(CallTarget::Func(fr)) = target {
                            if let Some(c) = self.push_frame_fast(fi, fr, argc as usize) {
                                enter_fast!(c);
                                continue;
                            }
                        }
                    }
                    let n = tri!(self.spread_args(argc));
                    match target {
                        Some(CallTarget::Func(fr)) => {
                            let (this, oprog) = self.this_and_oprog(fi);
                            tri!(self.push_frame(this, oprog, fr, n, false));
                            enter!();
                        }
                        Some(CallTarget::Kfun(k)) => {
                            let r = tri!(self.call_kfun(k, n));
                            self.stack.push(r);
                        }
                        _ => {
                            let name = self
                                .fprog(&self.frames[fi])
                                .call_slots
                                .get(slot as usize)
                                .cloned()
                                .unwrap_or_default();
                            tri!(err::<()>(format!("Undefined function {name}")));
                        }
                    }
                }
                Op::CallStatic(anc, func, argc) => {
                    save!();
                    let target = self.static_target(fi, anc, func);
                    if argc & SPREAD == 0 {
                        if let Some(fr) = target {
                            if let Some(c) = self.push_frame_fast(fi, fr, argc as usize) {
                                enter_fast!(c);
                                continue;
                            }
                        }
                    }
                    let n = tri!(self.spread_args(argc));
                    let Some(fr) = target else {
                        tri!(err::<()>("Bad function reference"));
                        continue;
                    };
                    let (this, oprog) = self.this_and_oprog(fi);
                    tri!(self.push_frame(this, oprog, fr, n, false));
                    enter!();
                }
                Op::Kfun(k, argc) => {
                    save!();
                    let n = tri!(self.spread_args(argc));
                    let r = tri!(self.call_kfun(k, n));
                    // a kfun may have pushed a frame (call_other): no, those run nested
                    self.stack.push(r);
                }
                Op::CallOther(argc) => {
                    save!();
                    let n = tri!(self.spread_args(argc));
                    let r = tri!(self.call_other_from_stack(n));
                    if let Some(v) = r {
                        self.stack.push(v);
                    } else {
                        enter!();
                    }
                }
                Op::NewLwo(c, argc) => {
                    save!();
                    let n = tri!(self.spread_args(argc));
                    let path = self
                        .fprog(&self.frames[fi])
                        .consts
                        .get(c as usize)
                        .cloned()
                        .unwrap_or(Value::Nil);
                    let args = self.stack.split_off(self.stack.len() - n);
                    let r = tri!(self.new_lwo_path(&path, args));
                    self.stack.push(r);
                }
                Op::InstanceOf(c) => {
                    let v = self.pop();
                    let path = self
                        .fprog(&self.frames[fi])
                        .consts
                        .get(c as usize)
                        .cloned()
                        .unwrap_or(Value::Nil);
                    let r = self.instance_of(&v, &path);
                    self.stack.push(Value::Int(r));
                }
                Op::Return | Op::ReturnNil => {
                    let v = if matches!(*opr, Op::Return) {
                        self.pop()
                    } else {
                        Value::Nil
                    };
                    self.pop_frame();
                    if self.frames.len() <= stop {
                        return Ok(v);
                    }
                    self.stack.push(v);
                    leave!();
                }
                Op::CatchBegin(h) => {
                    self.catches.push(Catch {
                        frames: self.frames.len(),
                        stack: self.stack.len(),
                        handler: h as usize,
                        rl: self.rl.len(),
                    });
                }
                Op::CatchEnd => {
                    // leave the innermost catch or rlimits scope of this frame
                    let fcm = self.frames[fi].catch_mark;
                    if self.catches.len() > fcm {
                        self.catches.pop();
                    }
                }
                Op::RlimitsBegin => {
                    save!();
                    let t = self.pop();
                    let d = self.pop();
                    tri!(self.rlimits_begin(fi, d, t));
                }
                Op::RlimitsEnd => {
                    let m = self.rl.len().saturating_sub(1).max(self.frames[fi].rl_mark);
                    self.restore_rl(m);
                }
            }
        }
    }

    fn rlimits_begin(&mut self, fi: usize, d: Value, t: Value) -> Result<(), LpcError> {
        let Value::Int(depth) = d else {
            return err("Bad rlimits depth type");
        };
        let Value::Int(ticks) = t else {
            return err("Bad rlimits ticks type");
        };
        let privileged = self.privileged.contains(&self.fprog(&self.frames[fi]).id)
            || self.cfg.driver_object.is_none();
        if !privileged {
            let this = match self.fthis(&self.frames[fi]) {
                This::Obj(o) => self
                    .objects
                    .handle(*o)
                    .map(Value::Object)
                    .unwrap_or(Value::Nil),
                This::Lwo(l) => Value::Lwo(l.clone()),
            };
            let ok = match self.driver_object() {
                Some(dr) => {
                    let r = self.call_in(
                        dr,
                        "runtime_rlimits",
                        vec![this, Value::Int(depth), Value::Int(ticks)],
                        true,
                    )?;
                    r.truthy()
                }
                None => true,
            };
            if !ok {
                return err("Illegal use of rlimits");
            }
        }
        self.save_rl();
        let cur = self.rl.last().copied().unwrap_or(RlInfo {
            maxdepth: None,
            ticks: 0,
            noticks: true,
        });
        let mut new = cur;
        if depth != 0 {
            new.maxdepth = if depth < 0 {
                None
            } else {
                Some(self.frames.len() + depth as usize)
            };
        }
        if ticks != 0 {
            if ticks < 0 {
                new.noticks = true;
                new.ticks = 0;
            } else {
                let t = (ticks as i64) >> self.tick_levels.len().min(32);
                if let Some(c) = self.rl.last_mut() {
                    c.ticks -= t;
                }
                new.ticks = t;
                new.noticks = false;
            }
        } else if let Some(c) = self.rl.last_mut() {
            c.ticks = 0;
        }
        self.rl.push(new);
        self.load_rl();
        Ok(())
    }

    // ================================================================== call_other

    /// Stack: `[obj, fname, args(n)]`. Pushes a frame and returns None, or returns the
    /// value directly (nil for missing functions).
    fn call_other_from_stack(&mut self, n: usize) -> Result<Option<Value>, LpcError> {
        let args_start = self.stack.len() - n;
        let fname = self.stack[args_start - 1].clone();
        let target = self.stack[args_start - 2].clone();
        let Value::String(fname) = fname else {
            self.stack.truncate(args_start - 2);
            return err("Bad argument 2 for kfun call_other");
        };
        let this = match &target {
            Value::Object(o) if self.objects.is_live(*o) => This::Obj(o.index),
            Value::Lwo(l) if self.objects.is_live(l.master()) => This::Lwo(l.clone()),
            Value::String(path) => {
                let args: Vec<Value> = self.stack.split_off(args_start);
                self.stack.truncate(args_start - 2);
                let o = self.object_for_path(path, "call_other")?;
                self.stack.push(Value::Object(o));
                self.stack.push(Value::String(fname));
                self.stack.extend(args);
                return self.call_other_from_stack(n);
            }
            // DGD: a destructed object reads as nil, and nil is a bad
            // argument 1 (only a live object or a path is accepted).
            _ => {
                self.stack.truncate(args_start - 2);
                return err("Bad argument 1 for kfun call_other");
            }
        };
        // remove obj and fname from under the args
        self.stack.drain(args_start - 2..args_start);
        let (prog, caller_is_same) = match &this {
            This::Obj(i) => {
                self.ensure_created(*i)?;
                self.touch_hook(*i, &fname)?;
                let Some(o) = self.objects.slot(*i) else {
                    self.stack.truncate(self.stack.len() - n);
                    return Ok(Some(Value::Nil));
                };
                if o.destructed {
                    self.stack.truncate(self.stack.len() - n);
                    return Ok(Some(Value::Nil));
                }
                let same = matches!(self.frames.last().map(|f| self.fthis(f)), Some(This::Obj(j)) if j == i);
                (o.prog.clone(), same)
            }
            This::Lwo(l) => {
                self.upgrade_lwo(l);
                let Some(m) = self.objects.get(l.master()) else {
                    self.stack.truncate(self.stack.len() - n);
                    return Ok(Some(Value::Nil));
                };
                (m.prog.clone(), false)
            }
        };
        let Some((fr, f)) = prog.find_function(fname.as_bytes()) else {
            self.stack.truncate(self.stack.len() - n);
            return Ok(Some(Value::Nil));
        };
        let auto_static = f.mods.static_ && prog.anc_prog(fr.anc).is_some_and(|p| p.is_auto);
        if !f.defined || f.mods.private || (f.mods.static_ && (!caller_is_same || auto_static)) {
            self.stack.truncate(self.stack.len() - n);
            return Ok(Some(Value::Nil));
        }
        // the caller must not be destructed
        if let Some(This::Obj(c)) = self.frames.last().map(|f| self.fthis(f)) {
            if self.objects.slot(*c).is_some_and(|o| o.destructed) {
                self.stack.truncate(self.stack.len() - n);
                return Ok(Some(Value::Nil));
            }
        }
        self.push_frame(this, prog, fr, n, true)?;
        Ok(None)
    }

    /// A path given to call_other: ask the driver's call_object. Like DGD,
    /// anything but a live object from it is a bad argument 1 of `kfun`
    /// (the driver decides whether a missing object gets compiled). Without
    /// a driver object the path is found or compiled directly.
    fn object_for_path(&mut self, path: &LStr, kfun: &str) -> Result<ObjRef, LpcError> {
        let p = path.to_str_lossy().to_string();
        if let Some(d) = self.driver_object() {
            if self.cfg.driver_object.is_some() {
                let r = self.call_in(d, "call_object", vec![Value::String(path.clone())], true)?;
                if let Value::Object(o) = r {
                    if self.objects.is_live(o) {
                        return Ok(o);
                    }
                }
                return err(format!("Bad argument 1 for kfun {kfun}"));
            }
        }
        let p = crate::typecheck::object_path("/", &p);
        match self.objects.find(p.as_bytes()) {
            Some(o) => Ok(o),
            None => self.compile_path(&p, None),
        }
    }

    fn new_lwo_path(&mut self, path: &Value, args: Vec<Value>) -> Result<Value, LpcError> {
        let Value::String(p) = path else {
            return err("Bad path");
        };
        let o = match self.objects.find(p.as_bytes()) {
            Some(o) => o,
            None => self.object_for_path(p, "new_object")?,
        };
        self.new_object(o, args)
    }

    fn new_object(&mut self, master: ObjRef, args: Vec<Value>) -> Result<Value, LpcError> {
        let Some(m) = self.objects.get(master) else {
            return err("Bad argument 1 for kfun new_object");
        };
        if m.is_clone {
            return err("Creating new instance from a non-master object");
        }
        let prog = m.prog.clone();
        let lwo = LwoRef::new(LwoData {
            master,
            prog: prog.id,
            vars: prog.initial_vars(),
        });
        let create = self.cfg.create.clone();
        if let Some((fr, f)) = prog.find_function(create.as_bytes()) {
            if f.defined {
                let stop = self.frames.len();
                let n = args.len();
                self.stack.extend(args);
                self.push_frame(This::Lwo(lwo.clone()), prog, fr, n, true)?;
                self.execute(stop)?;
            }
        }
        Ok(Value::Lwo(lwo))
    }

    /// LWOs made from an older program version get the new layout.
    fn upgrade_lwo(&mut self, l: &LwoRef) {
        let Some(m) = self.objects.get(l.master()) else {
            return;
        };
        let prog = m.prog.clone();
        let old_id = l.data().prog;
        if old_id == prog.id {
            return;
        }
        // as masters and clones, variables whose (program, name, type) still match
        // keep their values; the old version's layout was kept when the master was
        // upgraded (not across a restore: then values keep their position)
        let old = self.lwo_layouts.get(&old_id).cloned();
        let mut d = l.data_mut();
        let vars = match old {
            Some(old_keys) => remap_vars(&old_keys, std::mem::take(&mut d.vars), &var_keys(&prog)),
            None => {
                let mut vars = prog.initial_vars();
                for (i, v) in d.vars.iter().enumerate() {
                    if i < vars.len() {
                        vars[i] = v.clone();
                    }
                }
                vars
            }
        };
        d.vars = vars;
        d.prog = prog.id;
    }

    /// DGD's instanceOf: 1 when `v`'s program is or inherits program `path`, -1
    /// when it inherits it privately, 0 otherwise.
    fn instance_of(&self, v: &Value, path: &Value) -> i32 {
        let Value::String(p) = path else { return 0 };
        let prog = match v {
            Value::Object(o) => self.objects.get(*o).map(|o| o.prog.clone()),
            Value::Lwo(l) => self.objects.get(l.master()).map(|o| o.prog.clone()),
            _ => None,
        };
        let Some(prog) = prog else { return 0 };
        if prog.name.as_bytes() == p.as_bytes() {
            return 1;
        }
        match prog
            .ancestors
            .iter()
            .rev()
            .find(|a| a.prog.name.as_bytes() == p.as_bytes())
        {
            Some(a) if a.private => -1,
            Some(_) => 1,
            None => 0,
        }
    }

    // ================================================================== kfuns

    fn call_kfun(&mut self, k: u16, n: usize) -> Result<Value, LpcError> {
        let start = self.stack.len() - n;
        // checks under a borrow of the registry and the stack; no clone of either
        let (imp, name) = match kfun_check(&self.kfuns, k, &self.stack[start..]) {
            Ok(x) => x,
            Err((msg, truncate)) => {
                if truncate {
                    self.stack.truncate(start);
                }
                return err(msg);
            }
        };
        match imp {
            KfunImpl::Missing => {
                self.stack.truncate(start);
                err(format!("Kfun {name} is not implemented"))
            }
            KfunImpl::Lib(f) => {
                if n == 1 && matches!(name, "strlen" | "sizeof") {
                    // the commonest one-argument kfuns, inline: the same checks and
                    // ticks, the library function only for a bad argument
                    let mut a = [self.pop()];
                    return match (name, &a[0]) {
                        ("strlen", Value::String(s)) => Ok(Value::Int(s.len() as i32)),
                        ("sizeof", Value::Array(v)) => Ok(Value::Int(v.len() as i32)),
                        _ => f(self, &mut a),
                    };
                }
                let mut args = std::mem::take(&mut self.argbuf);
                args.clear();
                if n == 1 {
                    args.extend(self.stack.pop());
                } else {
                    args.extend(self.stack.drain(start..));
                }
                let r = f(self, &mut args);
                args.clear();
                self.argbuf = args;
                r
            }
            KfunImpl::Vm(code) => {
                let args: Vec<Value> = self.stack.split_off(start);
                self.vm_kfun(code, name, args)
            }
        }
    }

    fn this_value(&self) -> Value {
        match self.frames.last().map(|f| self.fthis(f)) {
            Some(This::Obj(o)) => self
                .objects
                .handle(*o)
                .filter(|h| self.objects.is_live(*h))
                .map(Value::Object)
                .unwrap_or(Value::Nil),
            Some(This::Lwo(l)) => Value::Lwo(l.clone()),
            None => Value::Nil,
        }
    }

    fn this_objref(&self) -> Option<ObjRef> {
        match self.frames.last().map(|f| self.fthis(f)) {
            Some(This::Obj(o)) => self.objects.handle(*o),
            _ => None,
        }
    }

    fn this_value_of(&self, t: &This) -> Value {
        match t {
            This::Obj(o) => self
                .objects
                .handle(*o)
                .filter(|h| self.objects.is_live(*h))
                .map(Value::Object)
                .unwrap_or(Value::Nil),
            This::Lwo(l) => self.fix(Value::Lwo(l.clone())),
        }
    }

    fn vm_kfun(&mut self, code: u16, name: &str, mut args: Vec<Value>) -> Result<Value, LpcError> {
        let arg = |a: &Vec<Value>, i: usize| a.get(i).cloned().unwrap_or(Value::Nil);
        match code {
            k::THIS_OBJECT => Ok(self.this_value()),
            k::PREVIOUS_OBJECT => {
                let n = match arg(&args, 0) {
                    Value::Int(n) => n.max(0) as usize,
                    _ => 0,
                };
                Ok(self.previous_object(n))
            }
            k::PREVIOUS_PROGRAM => {
                let n = match arg(&args, 0) {
                    Value::Int(n) => n.max(0) as usize,
                    _ => 0,
                };
                let len = self.frames.len();
                if len >= 2 + n {
                    Ok(Value::String(
                        self.fprog(&self.frames[len - 2 - n]).name.clone(),
                    ))
                } else {
                    Ok(Value::Nil)
                }
            }
            k::COMPILE_OBJECT => {
                let Value::String(p) = arg(&args, 0) else {
                    return err("Bad argument 1 for kfun compile_object");
                };
                let src: Option<Vec<u8>> = if args.len() > 1 {
                    let mut s = Vec::new();
                    for a in &args[1..] {
                        if let Value::String(x) = a {
                            s.extend_from_slice(x);
                        }
                    }
                    Some(s)
                } else {
                    None
                };
                let path = p.to_str_lossy().to_string();
                // as DGD: a master recompiled in this task is upgraded at its end
                // and cannot be recompiled again before then (this also bounds
                // the compilation work one task can cause)
                let norm = crate::typecheck::object_path("/", &path);
                if let Some(o) = self.objects.find(norm.as_bytes()) {
                    if self
                        .objects
                        .get(o)
                        .is_some_and(|o| o.pending_prog.is_some())
                    {
                        return err("Object is already being upgraded");
                    }
                    // as DGD: a program that another live program inherits
                    // cannot be recompiled (destruct it first)
                    if self.is_inherited(o) {
                        return err("Cannot recompile inherited object");
                    }
                }
                let o = self.compile_path(&path, src.as_deref())?;
                Ok(Value::Object(o))
            }
            k::PREPROCESS_FILE => {
                let Value::String(p) = arg(&args, 0) else {
                    return err("Bad argument 1 for kfun preprocess_file");
                };
                let mut src = None;
                if args.len() > 1 {
                    let mut s = Vec::new();
                    for a in &args[1..] {
                        if let Value::String(x) = a {
                            s.extend_from_slice(x);
                        }
                    }
                    src = Some(s);
                }
                self.charge(3000 * (args.len() as i64 - 1).max(1))?;
                let lines = self.preprocess_file(&p.to_str_lossy(), src)?;
                Ok(Value::Array(ArrayRef::new(lines)))
            }
            k::CLONE_OBJECT => {
                let o = match arg(&args, 0) {
                    Value::Object(o) if self.objects.is_live(o) => o,
                    Value::String(s) => self.object_for_path(&s, "clone_object")?,
                    Value::Lwo(_) => return err("Cloning from a non-persistent object"),
                    _ => return err("Bad argument 1 for kfun clone_object"),
                };
                let c = self.clone_object(o)?;
                Ok(Value::Object(c))
            }
            k::NEW_OBJECT => match arg(&args, 0) {
                Value::Object(o) if self.objects.is_live(o) => self.new_object(o, Vec::new()),
                Value::Lwo(l) => {
                    // copy
                    let d = l.data();
                    let nl = LwoRef::new(LwoData {
                        master: d.master,
                        prog: d.prog,
                        vars: d.vars.iter().map(deep_copy).collect(),
                    });
                    Ok(Value::Lwo(nl))
                }
                _ => err("Bad argument 1 for kfun new_object"),
            },
            k::DESTRUCT_OBJECT => match arg(&args, 0) {
                Value::Object(o) => {
                    if self.objects.is_live(o)
                        && !self.closing.contains(&o.index)
                        && self.host.is_user(o)
                    {
                        self.close_on_destruct(o)?;
                    }
                    self.editor_destructed(o)?;
                    self.destruct(o)?;
                    Ok(Value::Nil)
                }
                Value::Lwo(_) => err("Destructing a non-persistent object"),
                _ => err("Bad argument 1 for kfun destruct_object"),
            },
            k::FIND_OBJECT => {
                self.ticks -= ticks::LOOKUP;
                let Value::String(s) = arg(&args, 0) else {
                    return Ok(Value::Nil);
                };
                let p = crate::typecheck::object_path("/", &s.to_str_lossy());
                // a clone, "master#index": the slot of that index, if it holds that
                // clone (an LWO's "#-1" names no object)
                if let Some((_, n)) = p.rsplit_once('#') {
                    let found = n
                        .parse::<u32>()
                        .ok()
                        .filter(|_| !n.starts_with('+'))
                        .and_then(|i| self.objects.handle(i))
                        .filter(|h| {
                            self.objects.get(*h).is_some_and(|o| {
                                o.is_clone && !o.destructed && o.name.as_bytes() == p.as_bytes()
                            })
                        });
                    return Ok(found.map(Value::Object).unwrap_or(Value::Nil));
                }
                Ok(self
                    .objects
                    .find(p.as_bytes())
                    .map(Value::Object)
                    .unwrap_or(Value::Nil))
            }
            k::OBJECT_NAME => match arg(&args, 0) {
                Value::Object(o) => Ok(self
                    .objects
                    .get(o)
                    .map(|x| Value::String(x.name.clone()))
                    .unwrap_or(Value::Nil)),
                Value::Lwo(l) => Ok(self
                    .objects
                    .get(l.master())
                    .map(|x| Value::str(&format!("{}#-1", x.name)))
                    .unwrap_or(Value::Nil)),
                _ => Ok(Value::Nil),
            },
            k::FUNCTION_OBJECT => {
                self.ticks -= ticks::LOOKUP;
                let Value::String(f) = arg(&args, 0) else {
                    return Ok(Value::Nil);
                };
                let prog = match arg(&args, 1) {
                    Value::Object(o) => self.objects.get(o).map(|x| x.prog.clone()),
                    Value::Lwo(l) => self.objects.get(l.master()).map(|x| x.prog.clone()),
                    _ => None,
                };
                let Some(prog) = prog else {
                    return Ok(Value::Nil);
                };
                let same = matches!((self.this_value(), arg(&args, 1)), (Value::Object(a), Value::Object(b)) if a == b);
                match prog.find_function(f.as_bytes()) {
                    Some((fr, func))
                        if func.defined
                            && (!func.mods.static_
                                || (same && !prog.anc_prog(fr.anc).is_some_and(|p| p.is_auto))) =>
                    {
                        Ok(prog
                            .anc_prog(fr.anc)
                            .map(|p| Value::String(p.name.clone()))
                            .unwrap_or(Value::Nil))
                    }
                    _ => Ok(Value::Nil),
                }
            }
            k::CALL_OTHER => {
                let n = args.len();
                self.stack.extend(args);
                let stop = self.frames.len();
                match self.call_other_from_stack(n - 2)? {
                    Some(v) => Ok(v),
                    None => self.execute(stop),
                }
            }
            k::CALL_TRACE => {
                self.ticks -= ticks::CALL_TRACE_FRAME * self.frames.len() as i64;
                Ok(self.call_trace())
            }
            k::STATUS => {
                self.ticks -= ticks::STATUS;
                self.status(args.first().cloned())
            }
            k::INSTANCEOF => {
                let Value::String(p) = arg(&args, 1) else {
                    return Ok(Value::Int(0));
                };
                // as DGD, the driver's object_type resolves the name, asked on
                // behalf of the current object (`/path#-1` for a light-weight one)
                let mut name = p.to_str_lossy().to_string();
                let hook = self.driver_object().filter(|d| {
                    self.cfg.driver_object.is_some()
                        && self.objects.get(*d).is_some_and(|o| {
                            o.prog
                                .find_function(b"object_type")
                                .is_some_and(|(_, f)| f.defined)
                        })
                });
                if let Some(d) = hook {
                    let from = match self.this_value() {
                        Value::Object(o) => {
                            self.object_name(o).map(|n| n.to_str_lossy().to_string())
                        }
                        Value::Lwo(l) => self
                            .object_name(l.master())
                            .map(|n| format!("{}#-1", n.to_str_lossy())),
                        _ => None,
                    };
                    let from = from.unwrap_or_default();
                    match self.call_in(
                        d,
                        "object_type",
                        vec![Value::str(&from), Value::str(&name)],
                        true,
                    )? {
                        Value::String(s) => name = s.to_str_lossy().to_string(),
                        _ => return err("Invalid object type"),
                    }
                }
                let p = crate::preprocess::normalize_path("/", &name);
                Ok(Value::Int(
                    self.instance_of(&arg(&args, 0), &Value::str(&p)),
                ))
            }
            k::CALL_OUT | k::CALL_OUT_SUMMAND => {
                self.ticks -= args.len() as i64;
                let Value::String(f) = arg(&args, 0) else {
                    return err("Bad argument 1 for kfun call_out");
                };
                let delay = match arg(&args, 1) {
                    Value::Int(i) => crate::host::CallOutDelay::Int(i64::from(i).max(0)),
                    Value::Float(x) => crate::host::CallOutDelay::Float(x.get().max(0.0)),
                    _ => return err("Bad argument 2 for kfun call_out"),
                };
                if code == k::CALL_OUT_SUMMAND {
                    let Value::Float(add) = arg(&args, 2) else {
                        return err("Bad argument 3 for kfun call_out_summand");
                    };
                    if matches!(arg(&args, 1), Value::Int(i) if i < 0)
                        || matches!(arg(&args, 1), Value::Float(x) if x.get() < 0.0)
                    {
                        return err("Bad argument 2 for kfun call_out_summand");
                    }
                    // as DGD: an object has at most one summand call_out; while it
                    // is pending, further summands are added to its argument
                    if let Some(o) = self.this_objref() {
                        let pending = self.objects.get(o).and_then(|ob| {
                            ob.callouts.iter().find(|(_, c)| c.summand).map(|(h, _)| *h)
                        });
                        if let Some(h) = pending {
                            let sum = self
                                .objects
                                .get(o)
                                .and_then(|ob| ob.callouts.get(&h))
                                .and_then(|c| match c.args.first() {
                                    Some(Value::Float(x)) => Some(*x),
                                    _ => None,
                                })
                                .unwrap_or(Float::from_int(0));
                            let total = sum.fadd(add)?;
                            if let Some(c) = self
                                .objects
                                .get_mut(o)
                                .and_then(|ob| ob.callouts.get_mut(&h))
                            {
                                match c.args.first_mut() {
                                    Some(v) => *v = Value::Float(total),
                                    None => c.args.push(Value::Float(total)),
                                }
                            }
                            self.table_dirty.insert(o.index);
                            if let Some(ob) = self.objects.get_mut(o) {
                                ob.dirty = true;
                            }
                            if self.atomic > 0 {
                                self.undo.push(Undo::Summand(o.index, h, sum));
                            }
                            return Ok(Value::Int(1));
                        }
                    }
                    let rest: Vec<Value> = args.split_off(2);
                    let millis = matches!(arg(&args, 1), Value::Float(x) if x.get() != 0.0);
                    let h = self.call_out_flagged(f, delay, millis, rest, true)?;
                    return Ok(Value::Int(i32::from(!matches!(h, Value::Int(0)))));
                }
                // a nonzero float delay makes a millisecond call_out, as DGD
                let millis = matches!(arg(&args, 1), Value::Float(x) if x.get() != 0.0);
                let rest: Vec<Value> = if args.len() > 2 {
                    args.split_off(2)
                } else {
                    Vec::new()
                };
                self.call_out(f, delay, millis, rest)
            }
            k::REMOVE_CALL_OUT => {
                self.ticks -= ticks::REMOVE_CALL_OUT;
                let Value::Int(h) = arg(&args, 0) else {
                    return Ok(Value::Int(-1));
                };
                self.remove_call_out(h)
            }
            k::ERROR => {
                let Value::String(s) = arg(&args, 0) else {
                    return err("Bad argument 1 for kfun error");
                };
                Err(LpcError { message: s })
            }
            k::DUMP_STATE => {
                let inc = arg(&args, 0).truthy();
                self.requests.push(Request::DumpState { incremental: inc });
                Ok(Value::Nil)
            }
            k::SHUTDOWN => {
                let hb = arg(&args, 0).truthy();
                self.requests.push(Request::Shutdown { hotboot: hb });
                Ok(Value::Nil)
            }
            k::SWAPOUT => {
                self.requests.push(Request::Swapout);
                Ok(Value::Nil)
            }
            k::TYPEOF => Ok(Value::Int(self.fix(arg(&args, 0)).type_code())),
            k::SIZEOF => match arg(&args, 0) {
                Value::Array(a) => Ok(Value::Int(a.len() as i32)),
                Value::Nil => Ok(Value::Int(0)),
                _ => err("Bad argument 1 for kfun sizeof"),
            },
            k::STRLEN => match arg(&args, 0) {
                Value::String(s) => Ok(Value::Int(s.len() as i32)),
                _ => err("Bad argument 1 for kfun strlen"),
            },
            k::MAP_SIZEOF => match arg(&args, 0) {
                Value::Mapping(m) => {
                    let n = self.mapping_live(&m).len();
                    self.charge(2 * n as i64)?;
                    Ok(Value::Int(n as i32))
                }
                _ => err("Bad argument 1 for kfun map_sizeof"),
            },
            k::MAP_INDICES => match arg(&args, 0) {
                Value::Mapping(m) => {
                    let live = self.mapping_live(&m);
                    self.charge(2 * live.len() as i64)?;
                    Ok(Value::array(live.into_iter().map(|(k, _)| k).collect()))
                }
                _ => err("Bad argument 1 for kfun map_indices"),
            },
            k::MAP_VALUES => match arg(&args, 0) {
                Value::Mapping(m) => {
                    let live = self.mapping_live(&m);
                    self.charge(2 * live.len() as i64)?;
                    Ok(Value::array(
                        live.into_iter().map(|(_, v)| self.fix(v)).collect(),
                    ))
                }
                _ => err("Bad argument 1 for kfun map_values"),
            },
            k::ALLOCATE | k::ALLOCATE_INT | k::ALLOCATE_FLOAT => {
                let Value::Int(n) = arg(&args, 0) else {
                    return err(format!("Bad argument 1 for kfun {name}"));
                };
                if n < 0 {
                    return err(format!("Bad argument 1 for kfun {name}"));
                }
                if n as usize > self.cfg.array_size {
                    return err("Array too large");
                }
                self.charge(n as i64)?;
                let fill = match code {
                    k::ALLOCATE_INT => Value::Int(0),
                    k::ALLOCATE_FLOAT => Value::Float(Float::ZERO),
                    _ => Value::Nil,
                };
                Ok(Value::array(vec![fill; n as usize]))
            }
            k::TIME => Ok(Value::Int(self.host.time().0 as i32)),
            k::MILLITIME => {
                let (s, ms) = self.host.time();
                Ok(Value::array(vec![
                    Value::Int(s as i32),
                    Value::Float(Float::checked(ms as f64 / 1000.0)?),
                ]))
            }
            k::CALL_TOUCH => match arg(&args, 0) {
                Value::Object(o) => match self.objects.get_mut(o) {
                    Some(ob) if ob.created => {
                        ob.touched = true;
                        Ok(Value::Int(1))
                    }
                    _ => Ok(Value::Int(0)),
                },
                _ => Ok(Value::Int(0)),
            },
            k::EDITOR => self.kf_editor(&args),
            k::QUERY_EDITOR => self.kf_query_editor(&args),
            k::HOST => {
                let this = self.this_objref();
                self.host.kfun(name, this, &mut args)
            }
            _ => err(format!("Kfun {name} is not implemented")),
        }
    }

    /// Entries of a mapping whose keys are not destructed objects.
    fn mapping_live(&self, m: &MappingRef) -> Vec<(Value, Value)> {
        m.borrow()
            .iter()
            .filter(|(k, _)| match k {
                Value::Object(o) => self.objects.is_live(*o),
                Value::Lwo(l) => self.objects.is_live(l.master()),
                _ => true,
            })
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    fn previous_object(&self, n: usize) -> Value {
        // walk external-call boundaries from the top
        let mut count = 0;
        let mut i = self.frames.len();
        while i > 0 {
            i -= 1;
            if self.frames[i].external {
                if i == 0 {
                    return Value::Nil;
                }
                if count == n {
                    return self.this_value_of(self.fthis(&self.frames[i - 1]));
                }
                count += 1;
            }
        }
        Value::Nil
    }

    fn call_trace(&self) -> Value {
        let mut out = Vec::with_capacity(self.frames.len());
        for f in &self.frames {
            let objname = match self.fthis(f) {
                This::Obj(o) => self
                    .objects
                    .slot(*o)
                    .map(|x| Value::String(x.name.clone()))
                    .unwrap_or(Value::Nil),
                This::Lwo(l) => self
                    .objects
                    .slot(l.master().index)
                    .map(|x| Value::str(&format!("{}#-1", x.name)))
                    .unwrap_or(Value::Nil),
            };
            let prog = self.fprog(f);
            let func = prog.funcs.get(f.func as usize);
            let line = func
                .map(|fu| fu.line_at(f.pc.saturating_sub(1)))
                .unwrap_or(0);
            let mut e = vec![
                objname,
                Value::String(prog.name.clone()),
                func.map(|fu| Value::String(fu.name.clone()))
                    .unwrap_or(Value::Nil),
                Value::Int(line as i32),
                Value::Int(f.external as i32),
            ];
            for i in 0..f.nparams as usize {
                let v = self.stack.get(f.base + i).cloned().unwrap_or(Value::Nil);
                e.push(self.fix(v));
            }
            out.push(Value::array(e));
        }
        Value::array(out)
    }

    fn status(&mut self, obj: Option<Value>) -> Result<Value, LpcError> {
        match obj {
            Some(Value::Int(i)) if i != 0 => Ok(Value::Nil),
            None | Some(Value::Nil) | Some(Value::Int(_)) => {
                let (now, _) = self.host.time();
                let depth = match self.rl.last().and_then(|r| r.maxdepth) {
                    Some(m) => Value::Int(m.saturating_sub(self.frames.len()) as i32),
                    None => Value::Int(-1),
                };
                let ticks = Value::Int(self.ticks_left().min(i32::MAX as i64) as i32);
                let ncallouts: usize = self
                    .objects
                    .slots
                    .iter()
                    .filter_map(|s| s.obj.as_ref())
                    .map(|o| o.callouts.len())
                    .sum();
                let hs = self.host.status_info();
                let (co_short, co_long) = hs.call_outs_pending.unwrap_or((ncallouts as i64, 0));
                let num = |n: i64| match i32::try_from(n) {
                    Ok(i) => Value::Int(i),
                    Err(_) => Value::Float(crate::float::Float::from_exact(n as f64)),
                };
                let ports =
                    |p: &[i32]| Value::array(p.iter().map(|&n| Value::Int(n)).collect::<Vec<_>>());
                let v = vec![
                    // mudlibs parse it (sscanf "DGD %d.%d.%d") to gate features
                    Value::str("DGD 1.7.9"),                   // 0 ST_VERSION
                    Value::Int(self.boot_time as i32),         // 1 ST_STARTTIME
                    Value::Int(self.reboot_time as i32),       // 2 ST_BOOTTIME
                    Value::Int((now - self.boot_time) as i32), // 3 ST_UPTIME
                    num(hs.swap_size),                         // 4 ST_SWAPSIZE
                    num(hs.swap_used),                         // 5 ST_SWAPUSED
                    num(hs.sector_size),                       // 6 ST_SECTORSIZE
                    num(hs.swap_rate1),                        // 7 ST_SWAPRATE1
                    num(hs.swap_rate5),                        // 8 ST_SWAPRATE5
                    num(hs.smem_size),                         // 9 ST_SMEMSIZE
                    num(hs.smem_used),                         // 10 ST_SMEMUSED
                    num(hs.dmem_size),                         // 11 ST_DMEMSIZE
                    num(hs.dmem_used),                         // 12 ST_DMEMUSED
                    Value::Int(self.cfg.objects.min(i32::MAX as usize) as i32), // 13 ST_OTABSIZE
                    Value::Int(self.objects.live as i32),      // 14 ST_NOBJECTS
                    num(hs.call_outs),                         // 15 ST_COTABSIZE
                    num(co_short),                             // 16 ST_NCOSHORT
                    num(co_long),                              // 17 ST_NCOLONG
                    num(hs.users),                             // 18 ST_UTABSIZE
                    num(hs.editors),                           // 19 ST_ETABSIZE
                    Value::Int(MAX_STRLEN as i32),             // 20 ST_STRSIZE
                    Value::Int(self.cfg.array_size.min(i32::MAX as usize) as i32), // 21 ST_ARRAYSIZE
                    depth,                     // 22 ST_STACKDEPTH
                    ticks,                     // 23 ST_TICKS
                    ports(&hs.datagram_ports), // 24 ST_DATAGRAMPORTS / ST_PRECOMPILED
                    ports(&hs.telnet_ports),   // 25 ST_TELNETPORTS
                    ports(&hs.binary_ports),   // 26 ST_BINARYPORTS
                    num(hs.nusers),            // 27 ST_NUSERS
                ];
                let mut v = v;
                for (i, x) in self.host.status_overrides() {
                    if let Some(slot) = v.get_mut(i) {
                        *slot = x;
                    }
                }
                Ok(Value::array(v))
            }
            Some(Value::Object(o)) => {
                let Some(ob) = self.objects.get(o) else {
                    return Ok(Value::Nil);
                };
                let now = self.now();
                let cos: Vec<Value> = ob
                    .callouts
                    .iter()
                    .map(|(h, c)| {
                        let mut e = vec![
                            Value::Int(*h as i32),
                            Value::String(c.func.clone()),
                            c.remaining(now),
                        ];
                        e.extend(c.args.iter().cloned());
                        if c.summand && e.len() > 3 {
                            // as DGD: the summand is not shown
                            e[3] = Value::Float(Float::from_int(0));
                        }
                        Value::array(e)
                    })
                    .collect();
                let undefined = Value::Nil;
                Ok(Value::array(vec![
                    Value::Int(ob.prog.ctime as i32), // O_COMPILETIME
                    Value::Int(ob.prog.funcs.iter().map(|f| f.code.len()).sum::<usize>() as i32), // O_PROGSIZE
                    Value::Int(ob.prog.nvars as i32), // O_DATASIZE
                    Value::Int(0),                    // O_NSECTORS
                    Value::array(cos),                // O_CALLOUTS
                    Value::Int(ob.master as i32),     // O_INDEX
                    undefined,                        // O_UNDEFINED
                    Value::Int(0),                    // O_SPECIAL
                ]))
            }
            Some(Value::Lwo(_)) => Ok(Value::Nil),
            Some(_) => err("Bad argument 1 for kfun status"),
        }
    }

    fn call_out(
        &mut self,
        func: LStr,
        as_given: crate::host::CallOutDelay,
        millis: bool,
        args: Vec<Value>,
    ) -> Result<Value, LpcError> {
        self.call_out_flagged(func, as_given, millis, args, false)
    }

    fn call_out_flagged(
        &mut self,
        func: LStr,
        as_given: crate::host::CallOutDelay,
        millis: bool,
        args: Vec<Value>,
        summand: bool,
    ) -> Result<Value, LpcError> {
        let delay = as_given.seconds();
        let Some(o) = self.this_objref() else {
            return err(if summand {
                "call_out_summand() in non-persistent object"
            } else {
                "call_out in non-persistent object"
            });
        };
        // the function must exist
        let now = self.now();
        let Some(h) = self.objects.get(o).map(|ob| ob.peek_handle()) else {
            return Ok(Value::Int(0));
        };
        // the host schedules it first: a full call_out table is an LPC error
        self.host.call_out_added_as(o, h, as_given)?;
        let Some(ob) = self.objects.get_mut(o) else {
            return Ok(Value::Int(0));
        };
        let h = ob.alloc_handle();
        ob.callouts.insert(
            h,
            CallOut {
                func,
                due: now + delay.max(0.0),
                args,
                summand,
                millis,
            },
        );
        ob.dirty = true;
        self.table_dirty.insert(o.index);
        if self.atomic > 0 {
            self.undo.push(Undo::CallOutAdd(o.index, h));
        }
        Ok(Value::Int(h as i32))
    }

    fn remove_call_out(&mut self, h: i32) -> Result<Value, LpcError> {
        let Some(o) = self.this_objref() else {
            return Ok(Value::Int(-1));
        };
        let now = self.now();
        let Some(ob) = self.objects.get_mut(o) else {
            return Ok(Value::Int(-1));
        };
        let Some(c) = ob.callouts.remove(&(h as u32)) else {
            return Ok(Value::Int(-1));
        };
        ob.free_handle(h as u32);
        ob.dirty = true;
        self.table_dirty.insert(o.index);
        let remaining = c.remaining(now);
        if self.atomic > 0 {
            self.undo.push(Undo::CallOutRemove(o.index, h as u32, c));
        }
        self.host.call_out_removed(o, h as u32);
        Ok(remaining)
    }

    fn clone_object(&mut self, master: ObjRef) -> Result<ObjRef, LpcError> {
        let Some(m) = self.objects.get(master) else {
            return err("Bad argument 1 for kfun clone_object");
        };
        if m.is_clone {
            return err("Cloning from a clone");
        }
        if self.objects.live >= self.cfg.objects {
            return err("Too many objects");
        }
        let prog = m.prog.clone();
        let mname = m.name.clone();
        let vars = prog.initial_vars();
        let h = self.objects.insert(|idx| Object {
            name: LStr::from(format!("{mname}#{idx}")),
            prog: prog.clone(),
            is_clone: true,
            master: master.index,
            vars: Some(vars.clone()),
            created: false,
            destructed: false,
            nclones: 0,
            callouts: Default::default(),
            next_handle: 1,
            free_handles: Vec::new(),
            pending_prog: None,
            dirty: true,
            touched: false,
        });
        if let Some(m) = self.objects.slot_mut(master.index) {
            m.nclones += 1;
        }
        self.dirty.insert(h.index);
        self.table_dirty.insert(h.index);
        self.table_dirty.insert(master.index);
        if self.atomic > 0 {
            self.undo.push(Undo::NewObject(h.index));
        }
        self.ensure_created(h.index)?;
        Ok(h)
    }

    /// As DGD: a user object being destructed gets `close(1)` first, with
    /// `this_user()` the object; an error in it stops the destruct and the object
    /// keeps its connection, which it loses otherwise.
    fn close_on_destruct(&mut self, o: ObjRef) -> Result<(), LpcError> {
        self.closing.push(o.index);
        let prev = self.host.swap_this_user(Some(o));
        let r = self.call_in(o, "close", vec![Value::Int(1)], true);
        self.host.swap_this_user(prev);
        self.closing.retain(|&i| i != o.index);
        r?;
        self.host.user_destructed(o);
        Ok(())
    }

    fn destruct(&mut self, o: ObjRef) -> Result<(), LpcError> {
        let Some(ob) = self.objects.get_mut(o) else {
            return err("Destructing destructed object");
        };
        ob.destructed = true;
        let is_clone = ob.is_clone;
        let master = ob.master;
        let name = ob.name.clone();
        let handles: Vec<u32> = ob.callouts.keys().copied().collect();
        self.objects.live = self.objects.live.saturating_sub(1);
        if is_clone {
            if let Some(m) = self.objects.slot_mut(master) {
                m.nclones = m.nclones.saturating_sub(1);
            }
        } else {
            self.objects.by_name.remove(&name);
        }
        for h in handles {
            self.host.call_out_removed(o, h);
        }
        if self.atomic > 0 {
            self.undo.push(Undo::Destruct(o.index));
        }
        self.destructed.push(o.index);
        self.table_dirty.insert(o.index);
        self.table_dirty.insert(master);
        // as DGD, the driver hears remove_program as soon as a program is
        // unused (not inside an atomic function: then at the end of the task)
        self.removal_candidates
            .push(if is_clone { master } else { o.index });
        if self.atomic == 0 {
            let work = std::mem::take(&mut self.removal_candidates);
            self.check_removals(work, true);
        }
        Ok(())
    }

    /// Destructed masters among `work` whose program nothing uses any more (no
    /// clones left, no other program inheriting it; a master recompiled in this
    /// task counts with its new program only) are removed, as DGD removes a
    /// program when its reference count drops to zero: the driver's
    /// remove_program hears each (an inheritor before what it inherits) and the
    /// slot is freed at the end of the task.
    fn check_removals(&mut self, mut work: Vec<u32>, in_task: bool) {
        work.reverse();
        while let Some(i) = work.pop() {
            if self.removed_slots.contains(&i) {
                continue;
            }
            let Some(m) = self.objects.slot(i) else {
                continue;
            };
            if !m.destructed || m.is_clone || m.nclones != 0 {
                continue;
            }
            let prog = m.prog.clone();
            let name = m.name.clone();
            let gone = &self.removed_slots;
            let used = self.objects.slots.iter().enumerate().any(|(j, t)| {
                j != i as usize
                    && !gone.contains(&(j as u32))
                    && t.obj.as_deref().is_some_and(|x| {
                        let p = x.pending_prog.as_ref().unwrap_or(&x.prog);
                        !x.is_clone && p.ancestors.iter().any(|a| Rc::ptr_eq(&a.prog, &prog))
                    })
            });
            if used {
                continue;
            }
            self.removed_slots.push(i);
            // what it inherits may be unused now: destructed masters of those
            // programs, in inherit order
            let mut next: Vec<u32> = Vec::new();
            for a in &prog.ancestors {
                for (j, t) in self.objects.slots.iter().enumerate() {
                    if t.obj.as_deref().is_some_and(|x| {
                        x.destructed && !x.is_clone && Rc::ptr_eq(&x.prog, &a.prog)
                    }) {
                        next.push(j as u32);
                    }
                }
            }
            work.extend(next.into_iter().rev());
            let Some(d) = self.driver_object() else {
                continue;
            };
            if self.cfg.driver_object.is_none() {
                continue;
            }
            let args = vec![
                Value::String(name),
                Value::Int(prog.ctime as i32),
                Value::Int(i as i32),
            ];
            let _ = if in_task {
                self.call_in(d, "remove_program", args, true)
            } else {
                self.task(|vm| vm.call_in(d, "remove_program", args, true))
            };
        }
    }

    // ================================================================== end of task

    fn end_task(&mut self) {
        self.closing.clear();
        self.editors.end_task();
        self.frames.clear();
        self.ctxs.clear();
        self.stack.clear();
        self.catches.clear();
        self.atomic = 0;
        self.tick_levels.clear();
        self.undo.clear();
        // upgrades
        let ups = std::mem::take(&mut self.upgrades);
        for idx in ups {
            self.apply_upgrade(idx);
        }
        // free destructed objects; a destructed master keeps its slot (and
        // program) while its program is used (clones, inheritors), see
        // check_removals. Like DGD, slots are freed last-destructed first,
        // clones before masters, so the next new object takes the slot of
        // the first master removed, then of the first clone destructed.
        let dead = std::mem::take(&mut self.destructed);
        for idx in dead.into_iter().rev() {
            if self
                .objects
                .slot(idx)
                .is_some_and(|o| o.destructed && o.is_clone)
            {
                self.free_object(idx);
            }
        }
        let work = std::mem::take(&mut self.removal_candidates);
        self.check_removals(work, false);
        for idx in std::mem::take(&mut self.removed_slots).into_iter().rev() {
            if self.objects.slot(idx).is_some_and(|o| o.destructed) {
                self.free_object(idx);
            }
        }
        // copy apart arrays shared between objects
        let dirty: Vec<u32> = std::mem::take(&mut self.dirty).into_iter().collect();
        for idx in dirty {
            self.walk_object(idx);
        }
    }

    /// Slots of destructed masters of the programs `prog` inherits.
    fn destructed_masters_of(&self, prog: Option<&Rc<Program>>) -> Vec<u32> {
        let Some(prog) = prog else {
            return Vec::new();
        };
        let mut v = Vec::new();
        for (j, t) in self.objects.slots.iter().enumerate() {
            if let Some(x) = t.obj.as_deref() {
                if x.destructed
                    && !x.is_clone
                    && prog.ancestors.iter().any(|a| Rc::ptr_eq(&a.prog, &x.prog))
                {
                    v.push(j as u32);
                }
            }
        }
        v
    }

    fn free_object(&mut self, idx: u32) {
        let count = self
            .objects
            .slots
            .get(idx as usize)
            .map(|s| s.count)
            .unwrap_or(0);
        if self.objects.free_slot(idx).is_some() {
            self.dirty.remove(&idx);
            self.table_dirty.insert(idx);
            let _ = self.store.remove(crate::persist::dataspace_key(idx, count));
        }
    }

    fn apply_upgrade(&mut self, idx: u32) {
        let Some(new) = self
            .objects
            .slot_mut(idx)
            .and_then(|o| o.pending_prog.take())
        else {
            return;
        };
        let targets: Vec<u32> = self
            .objects
            .slots
            .iter()
            .enumerate()
            .filter(|(i, s)| {
                s.obj.as_ref().is_some_and(|o| {
                    !o.destructed && (*i as u32 == idx || (o.is_clone && o.master == idx))
                })
            })
            .map(|(i, _)| i as u32)
            .collect();
        let new_keys = var_keys(&new);
        for t in targets {
            let _ = self.ensure_loaded(t);
            let Some(o) = self.objects.slot_mut(t) else {
                continue;
            };
            let old_keys = var_keys(&o.prog);
            let old_vars = o.vars.take().unwrap_or_default();
            o.vars = Some(remap_vars(&old_keys, old_vars, &new_keys));
            if t == idx {
                // light-weight objects of the old version are upgraded when next
                // used, by the same rule
                self.lwo_layouts.insert(o.prog.id, old_keys.into());
            }
            o.prog = new.clone();
            o.dirty = true;
            self.table_dirty.insert(t);
        }
    }

    /// Copies apart arrays/mappings/LWOs reachable from object `idx` that belong to
    /// another object.
    fn walk_object(&mut self, idx: u32) {
        self.walk_id = self.walk_id.wrapping_add(1).max(1);
        let wid = self.walk_id;
        let Some(o) = self.objects.slot_mut(idx) else {
            return;
        };
        let Some(mut vars) = o.vars.take() else {
            return;
        };
        let mut cos = std::mem::take(&mut o.callouts);
        for v in vars.iter_mut() {
            claim(v, idx, wid, 0);
        }
        for c in cos.values_mut() {
            for v in c.args.iter_mut() {
                claim(v, idx, wid, 0);
            }
        }
        if let Some(o) = self.objects.slot_mut(idx) {
            o.vars = Some(vars);
            o.callouts = cos;
            o.dirty = true;
        }
    }

    /// Evicts an object's dataspace to the blob store (between tasks only).
    pub fn evict(&mut self, o: ObjRef) -> Result<(), String> {
        if self.in_task > 0 {
            return Err("cannot evict inside a task".into());
        }
        let Some(ob) = self.objects.get_mut(o) else {
            return Ok(());
        };
        if ob.vars.is_none() {
            return Ok(());
        }
        if !ob.dirty {
            // the store already holds this exact dataspace
            ob.vars = None;
            return Ok(());
        }
        let blob = crate::persist::encode_dataspace(&crate::persist::Dataspace {
            vars: ob.vars.clone().unwrap_or_default(),
            callouts: ob.callouts.clone(),
        });
        self.store
            .put(crate::persist::dataspace_key(o.index, o.count), blob)?;
        if let Some(ob) = self.objects.get_mut(o) {
            ob.vars = None;
            ob.dirty = false;
        }
        Ok(())
    }

    /// Objects whose dataspace is in memory (candidates for eviction), in slot order.
    pub fn loaded_objects(&self) -> Vec<ObjRef> {
        self.objects
            .slots
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                s.obj
                    .as_ref()
                    .is_some_and(|o| !o.destructed && o.vars.is_some())
            })
            .map(|(i, s)| ObjRef {
                index: i as u32,
                count: s.count,
            })
            .collect()
    }

    /// Evicts every loaded dataspace (DGD's `swapout()`), between tasks.
    pub fn evict_all(&mut self) -> Result<(), String> {
        for o in self.loaded_objects() {
            self.evict(o)?;
        }
        Ok(())
    }

    /// Number of live objects.
    pub fn object_count(&self) -> usize {
        self.objects.live
    }
}

/// Claims `v` (and what it contains) for object `owner`: values owned by another
/// object are replaced by copies.
fn claim(v: &mut Value, owner: u32, wid: u32, depth: u32) {
    if depth > 200 {
        return;
    }
    let Some(h) = container_header(v) else {
        return;
    };
    let (prev, mark) = (h.owner.get(), h.mark.get());
    if prev != NO_OWNER && prev != owner {
        // shared with another object: this one gets its own copy, whose
        // contents are claimed below like those of any unclaimed container
        *v = deep_copy(v);
    } else if mark == wid {
        return;
    }
    if let Some(h) = container_header(v) {
        h.owner.set(owner);
        h.mark.set(wid);
    }
    match v.clone() {
        Value::Array(a) => {
            for x in a.borrow_mut().iter_mut() {
                claim(x, owner, wid, depth + 1);
            }
        }
        Value::Mapping(m) => {
            for x in m.borrow_mut().map.values_mut() {
                claim(x, owner, wid, depth + 1);
            }
        }
        Value::Lwo(l) => {
            for x in l.data_mut().vars.iter_mut() {
                claim(x, owner, wid, depth + 1);
            }
        }
        _ => {}
    }
}

/// The ownership header of an array, mapping or light-weight object.
fn container_header(v: &Value) -> Option<&Header> {
    match v {
        Value::Array(a) => Some(a.header()),
        Value::Mapping(m) => Some(m.header()),
        Value::Lwo(l) => Some(l.header()),
        _ => None,
    }
}

/// A deep copy preserving sharing inside the copied value.
pub fn deep_copy(v: &Value) -> Value {
    fn go(v: &Value, seen: &mut HashMap<usize, Value>, depth: u32) -> Value {
        if depth > 200 {
            return v.clone();
        }
        match v {
            Value::Array(a) => {
                if let Some(c) = seen.get(&a.addr()) {
                    return c.clone();
                }
                let na = ArrayRef::new(Vec::new());
                seen.insert(a.addr(), Value::Array(na.clone()));
                let items: Vec<Value> = a.borrow().iter().map(|x| go(x, seen, depth + 1)).collect();
                *na.borrow_mut() = items;
                Value::Array(na)
            }
            Value::Mapping(m) => {
                if let Some(c) = seen.get(&m.addr()) {
                    return c.clone();
                }
                let nm = MappingRef::new(Mapping::new());
                seen.insert(m.addr(), Value::Mapping(nm.clone()));
                let entries: Vec<(Value, Value)> = m
                    .borrow()
                    .iter()
                    .map(|(k, x)| (go(k, seen, depth + 1), go(x, seen, depth + 1)))
                    .collect();
                {
                    let mut b = nm.borrow_mut();
                    for (k, x) in entries {
                        b.map.insert(k, x);
                    }
                }
                Value::Mapping(nm)
            }
            Value::Lwo(l) => {
                if let Some(c) = seen.get(&l.addr()) {
                    return c.clone();
                }
                let d = l.data();
                let nl = LwoRef::new(LwoData {
                    master: d.master,
                    prog: d.prog,
                    vars: Vec::new(),
                });
                seen.insert(l.addr(), Value::Lwo(nl.clone()));
                let vars: Vec<Value> = d.vars.iter().map(|x| go(x, seen, depth + 1)).collect();
                drop(d);
                nl.data_mut().vars = vars;
                Value::Lwo(nl)
            }
            _ => v.clone(),
        }
    }
    go(v, &mut HashMap::new(), 0)
}

/// DGD's message for a value that does not fit a declared type.
/// A variable of a program's layout: (defining program, name, type).
type VarKey = (LStr, LStr, TypeSpec);

/// The variables of `prog` in layout order.
fn var_keys(prog: &Rc<Program>) -> Vec<VarKey> {
    prog.layout_vars()
        .into_iter()
        .map(|(d, a)| {
            let pname = prog.anc_prog(a).map(|p| p.name.clone()).unwrap_or_default();
            (pname, d.name, d.ty)
        })
        .collect()
}

/// Values for layout `new` from `vars` in layout `old`: a variable keeps its
/// value when the same program defines it with the same name and type, as DGD
/// upgrades objects; others start at their type's default.
fn remap_vars(old: &[VarKey], vars: Vec<Value>, new: &[VarKey]) -> Vec<Value> {
    let mut by_name: HashMap<(&LStr, &LStr), (TypeSpec, Value)> = HashMap::new();
    for ((p, n, t), v) in old.iter().zip(vars) {
        by_name.insert((p, n), (*t, v));
    }
    new.iter()
        .map(|(p, n, t)| match by_name.remove(&(p, n)) {
            Some((ty, v)) if ty == *t => v,
            _ => t.default_value(),
        })
        .collect()
}

/// Do `args` fit the parameter types `params` (the run-time check of a
/// typechecked function's arguments)?
#[inline(never)]
fn args_fit(params: &[TypeSpec], args: &[Value]) -> bool {
    params.iter().zip(args).all(|(t, v)| t.accepts(v))
}

fn not_of_type(t: TypeSpec) -> String {
    if t.depth > 0 {
        return "Value is not an array".into();
    }
    match t.base as i32 {
        T_INT => "Value is not an int".into(),
        T_FLOAT => "Value is not a float".into(),
        T_STRING => "Value is not a string".into(),
        T_OBJECT => "Value is not an object".into(),
        T_MAPPING => "Value is not a mapping".into(),
        _ => format!("Value is not a {}", t.name()),
    }
}

#[inline]
fn int_cmp(k: u8, x: i32, y: i32) -> bool {
    match k {
        0 => x < y,
        1 => x > y,
        2 => x <= y,
        3 => x >= y,
        4 => x == y,
        _ => x != y,
    }
}

fn incdec(v: &Value, d: i32) -> Result<Value, LpcError> {
    match v {
        Value::Int(i) => Ok(Value::Int(i.wrapping_add(d))),
        Value::Float(f) => Ok(Value::Float(f.fadd(Float::from_int(d))?)),
        _ => err(format!(
            "Bad argument 1 for kfun {}",
            if d > 0 { "++" } else { "--" }
        )),
    }
}

// ====================================================================== KfunCtx

impl KfunCtx for Vm {
    fn is_live(&self, o: ObjRef) -> bool {
        self.objects.is_live(o)
    }
    fn charge(&mut self, ticks: u64) -> Result<(), LpcError> {
        Vm::charge(self, ticks.min(i64::MAX as u64 / 4) as i64)
    }
    fn charge_checked(&mut self, ticks: u64) -> Result<(), LpcError> {
        Vm::charge(self, ticks.min(i64::MAX as u64 / 4) as i64)?;
        if !self.noticks && self.ticks < 0 {
            return err("Out of ticks");
        }
        Ok(())
    }
    fn charge_or_fail(&mut self, ticks: u64) -> Result<(), LpcError> {
        let n = ticks.min(i64::MAX as u64 / 4) as i64;
        if !self.noticks && self.ticks <= n {
            self.ticks = 0;
            return err("Out of ticks");
        }
        Vm::charge(self, n)
    }
    fn max_array_size(&self) -> usize {
        self.cfg.array_size
    }
    fn in_atomic(&self) -> bool {
        self.atomic > 0
    }
    fn mudlib_root(&self) -> Option<std::path::PathBuf> {
        self.host.mudlib_root()
    }
    fn time(&self) -> (i64, u32) {
        self.host.time()
    }
    fn utc_offset(&self, t: i64) -> i32 {
        self.cfg.timezone.offset_at(t)
    }
    fn random_u64(&mut self) -> u64 {
        // xorshift64*
        let mut x = self.rng;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.rng = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn this_object(&self) -> Option<ObjRef> {
        self.this_objref()
    }
    fn object_variables(&self) -> Vec<VarDesc> {
        let prog = match self.frames.last().map(|f| self.fthis(f)) {
            Some(This::Obj(o)) => self.objects.slot(*o).map(|x| x.prog.clone()),
            _ => None,
        };
        match prog {
            Some(p) => p
                .layout_vars()
                .into_iter()
                .map(|(d, _)| VarDesc {
                    name: d.name,
                    ty: d.ty,
                    is_static: d.static_,
                })
                .collect(),
            None => Vec::new(),
        }
    }
    fn get_variable(&self, i: usize) -> Value {
        match self.frames.last().map(|f| self.fthis(f)) {
            Some(This::Obj(o)) => self
                .objects
                .slot(*o)
                .and_then(|x| x.vars.as_ref())
                .and_then(|v| v.get(i))
                .cloned()
                .map(|v| self.fix(v))
                .unwrap_or(Value::Nil),
            _ => Value::Nil,
        }
    }
    fn set_variable(&mut self, i: usize, v: Value) {
        let Some(This::Obj(o)) = self.frames.last().map(|f| self.fthis(f).clone()) else {
            return;
        };
        let atomic = self.atomic > 0;
        if let Some(slot) = self
            .objects
            .slot_mut(o)
            .and_then(|x| x.vars.as_mut())
            .and_then(|vs| vs.get_mut(i))
        {
            let old = std::mem::replace(slot, v);
            if atomic {
                self.undo.push(Undo::Var(o, i, old));
            }
        }
        self.dirty.insert(o);
    }
    fn object_name(&self, o: ObjRef) -> Option<LStr> {
        self.objects.get(o).map(|x| x.name.clone())
    }
    fn call_this(&mut self, func: &str, args: Vec<Value>) -> Result<Value, LpcError> {
        // from a light-weight object, DGD calls the function in its master
        let obj = match self.frames.last().map(|f| self.fthis(f)) {
            Some(This::Lwo(l)) => Some(l.master()),
            _ => self.this_objref(),
        };
        match obj {
            Some(o) => self.call_in(o, func, args, true),
            None => Ok(Value::Nil),
        }
    }
    fn check_ticks(&mut self) -> Result<(), LpcError> {
        if self.ticks < 0 && !self.noticks {
            return err("Out of ticks");
        }
        Ok(())
    }
    fn this_is_special(&mut self) -> bool {
        match self.this_objref() {
            Some(o) => self.host.is_user(o),
            None => false,
        }
    }
}

// ====================================================================== front-end glue

struct IncludeHook<'a> {
    vm: &'a mut Vm,
    from: String,
}

impl crate::preprocess::IncludeResolver for IncludeHook<'_> {
    fn include(
        &mut self,
        from: &str,
        path: &str,
    ) -> Option<(std::sync::Arc<str>, crate::ast::Bytes)> {
        self.include_as(from, path, path)
    }

    fn include_as(
        &mut self,
        from: &str,
        written: &str,
        resolved: &str,
    ) -> Option<(std::sync::Arc<str>, crate::ast::Bytes)> {
        let _ = &self.from;
        // the driver's include_file hook may redirect or supply lines; as DGD, it is
        // not asked while the driver or auto object compiles, it gets the name as
        // written, a path it returns is taken from the root, and when it exists and
        // returns neither a path nor lines, the include fails
        let compiling = self.vm.compiling.last().cloned();
        let autodriver = !self.vm.preprocessing
            && [&self.vm.cfg.auto_object, &self.vm.cfg.driver_object]
                .into_iter()
                .flatten()
                .any(|a| Some(crate::typecheck::object_path("/", a)) == compiling);
        let hook = self.vm.driver_object().filter(|d| {
            self.vm.objects.get(*d).is_some_and(|o| {
                o.prog
                    .find_function(b"include_file")
                    .is_some_and(|(_, f)| f.defined)
            })
        });
        if let (Some(d), false) = (hook, autodriver) {
            if self.vm.cfg.driver_object.is_some() && compiling.is_some() {
                let r = self.vm.call_in(
                    d,
                    "include_file",
                    vec![Value::str(from), Value::str(written)],
                    true,
                );
                match r {
                    Ok(Value::String(p)) => {
                        let p = crate::preprocess::normalize_path("/", &p.to_str_lossy());
                        let src = self.vm.host.read_file(&p)?;
                        return Some((std::sync::Arc::from(p.as_str()), std::sync::Arc::from(src)));
                    }
                    Ok(Value::Array(a)) => {
                        // the strings as they are, one after another (DGD adds no
                        // newlines)
                        let mut src = Vec::new();
                        for l in a.borrow().iter() {
                            match l {
                                Value::String(s) => src.extend_from_slice(s),
                                _ => return None,
                            }
                        }
                        return Some((std::sync::Arc::from(resolved), std::sync::Arc::from(src)));
                    }
                    _ => return None,
                }
            }
        }
        let src = self.vm.host.read_file(resolved)?;
        Some((std::sync::Arc::from(resolved), std::sync::Arc::from(src)))
    }
}

/// Collects preprocess_file() output in strings of at most 65,535 bytes.
#[derive(Default)]
struct PpCollect {
    buf: Vec<u8>,
    done: Vec<Vec<u8>>,
}

impl PpCollect {
    const MAX: usize = 65_535;

    fn add(&mut self, text: &[u8]) {
        if self.buf.len() + text.len() > Self::MAX {
            self.done.push(std::mem::take(&mut self.buf));
        }
        // a single piece longer than a string can hold is cut
        for part in text.chunks(Self::MAX) {
            if self.buf.len() + part.len() > Self::MAX {
                self.done.push(std::mem::take(&mut self.buf));
            }
            self.buf.extend_from_slice(part);
        }
    }

    fn finish(mut self) -> Vec<Vec<u8>> {
        if !self.buf.is_empty() {
            self.done.push(self.buf);
        }
        self.done
    }
}

struct InfoResolver<'a> {
    infos: &'a HashMap<String, std::sync::Arc<crate::typecheck::ProgramInfo>>,
}

impl crate::typecheck::InheritResolver for InfoResolver<'_> {
    fn inherit(
        &mut self,
        _from: &str,
        path: &str,
    ) -> Result<std::sync::Arc<crate::typecheck::ProgramInfo>, String> {
        let p = crate::typecheck::object_path("/", path);
        self.infos
            .get(&p)
            .cloned()
            .ok_or_else(|| format!("Cannot inherit \"{p}.c\""))
    }
}

struct KfunTableAdapter<'a> {
    reg: &'a KfunRegistry,
    auto: Option<Rc<Program>>,
}

fn ast_type(t: TypeSpec) -> crate::ast::Type {
    use crate::ast::{BaseType, Type};
    let base = match t.base as i32 {
        T_INT => BaseType::Int,
        T_FLOAT => BaseType::Float,
        T_STRING => BaseType::String,
        T_OBJECT => BaseType::Object,
        T_MAPPING => BaseType::Mapping,
        T_VOID => BaseType::Void,
        T_NIL => BaseType::Nil,
        _ => BaseType::Mixed,
    };
    Type {
        base,
        depth: t.depth,
        class: None,
    }
}

impl crate::typecheck::KfunTable for KfunTableAdapter<'_> {
    fn kfun(&self, name: &str) -> Option<crate::typecheck::Signature> {
        let _ = &self.auto;
        let (_, p) = self.reg.lookup(name)?;
        let mut params: Vec<crate::ast::Type> = p.params.iter().map(|t| ast_type(*t)).collect();
        if p.ellipsis {
            if let Some(last) = params.last_mut() {
                // the typechecker wants the element type for the ellipsis parameter
                *last = ast_type(p.params[p.params.len() - 1]);
            }
        }
        Some(crate::typecheck::Signature {
            ret: ast_type(p.ret),
            params,
            min_args: p.min_args,
            ellipsis: p.ellipsis,
            typechecked: true,
            lvalue_from: if name == "sscanf" { Some(2) } else { None },
        })
    }
}

/// The argument checks of a kfun call: count and types against the prototype.
/// Gives the implementation and name, or the error message and whether the
/// arguments are to be dropped from the stack.
#[inline]
fn kfun_check(
    reg: &KfunRegistry,
    k: u16,
    args: &[Value],
) -> Result<(KfunImpl, &'static str), (String, bool)> {
    let Some(entry) = reg.get(k) else {
        return Err(("Bad kfun".to_string(), false));
    };
    let proto = &entry.proto;
    let n = args.len();
    if n < proto.min_args {
        return Err((format!("Too few arguments for kfun {}", proto.name), true));
    }
    if !proto.ellipsis && n > proto.params.len() {
        return Err((format!("Too many arguments for kfun {}", proto.name), true));
    }
    for (i, v) in args.iter().enumerate() {
        let t = match proto.params.get(i) {
            Some(t) => *t,
            None => match proto.params.last() {
                Some(t) => *t,
                None => TypeSpec::MIXED,
            },
        };
        if !t.accepts(v) {
            let bad = !(t.base as i32 == T_OBJECT && t.depth == 0 && matches!(v, Value::Nil));
            if bad {
                return Err((
                    format!(
                        "Bad argument {} ({}) for kfun {}",
                        i + 1,
                        v.type_name(),
                        proto.name
                    ),
                    true,
                ));
            }
        }
    }
    Ok((entry.imp, proto.name))
}
