//! The run harness of the VM fuzzers, shared by `tests/vm_fuzz.rs` and the cargo-fuzz
//! target `fuzz/fuzz_targets/compile_run.rs` (included there by `#[path]`).
//!
//! It boots an in-memory mudlib (a driver object that grants only bounded rlimits and
//! an auto object), compiles the program under test, calls functions in it with tick,
//! depth and array-size limits, runs its call_outs for a few rounds, then exercises the
//! persistence contract: evicts every object to the blob store and calls again, and
//! rebuilds a second VM from the table entries and calls once more.

use std::cell::RefCell;
use std::rc::Rc;
use vm::host::{MemStore, TestHost};
use vm::interp::{Config, Vm};

/// The driver object: `compile_rlimits` is granted to no generated program and
/// `runtime_rlimits` only for bounded depth and ticks, and new ticks only in the
/// first 50 frames, as a resource manager must, so no input can lift the task's
/// limits much (`rlimits (-1; -1)` is "Illegal use of rlimits").
/// (A driver granting fresh ticks to every nested scope lets a recursive program
/// multiply its budget: seed 1002050 ran for minutes that way.)
pub const DRIVER: &str = r#"
static void initialize() { }

object call_object(string path)
{
    object obj;

    if (sscanf(path, "%*s.c") != 0) {
        path = path[.. strlen(path) - 3];
    }
    obj = find_object(path);
    if (!obj) {
        obj = compile_object(path);
    }
    return obj;
}

object inherit_program(string from, string path, int priv)
{
    return call_object(path);
}

mixed include_file(string from, string path) { return path; }

int compile_rlimits(string objname)
{
    return objname == "/sys/driver" || objname == "/sys/auto";
}

int runtime_rlimits(object obj, int depth, int ticks)
{
    /*
     * A scope's ticks are charged to its parent, which may go below zero (as in
     * DGD), so each nesting level can add up to `ticks` to the task's budget:
     * grant ticks only near the bottom of the stack to keep the total bounded.
     */
    return depth >= 0 && depth <= 100 && ticks >= 0 && ticks <= 10000 &&
           (ticks == 0 || sizeof(call_trace()) <= 50);
}

void compile_error(string file, int line, string err)
{
    send_message(file + ", " + line + ": " + err + "\n");
}

void runtime_error(string error, int caught, int ticks)
{
    if (!caught) {
        send_message("Error: " + error + "\n");
    }
}

void atomic_error(string error, int atom, int ticks) { }
void remove_program(string path, int ctime, int index) { }
void recompile(object obj) { }
"#;

/// The auto object: a few static helpers that behave like kfuns.
pub const AUTO: &str = r#"
static string show(mixed v)
{
    int i, sz;
    string s;

    switch (typeof(v)) {
    case 0:
        return "nil";
    case 1:
    case 2:
        return "" + v;
    case 3:
        return "\"" + v + "\"";
    case 4:
        return "<" + object_name(v) + ">";
    case 5:
        s = "({";
        sz = sizeof(v);
        if (sz > 20) {
            sz = 20;
        }
        for (i = 0; i < sz; i++) {
            s += show(v[i]) + ",";
        }
        return s + "})";
    default:
        return "([" + map_sizeof(v) + "])";
    }
}

static mixed id(mixed v) { return v; }

static void out(mixed v) { send_message(show(v) + "\n"); }
"#;

/// Limits of one run.
#[derive(Clone, Debug)]
pub struct Limits {
    pub ticks: i64,
    pub depth: usize,
    pub array_size: usize,
    pub typechecking: u8,
    pub call_out_rounds: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            ticks: 100_000,
            depth: 100,
            array_size: 10_000,
            typechecking: 2,
            call_out_rounds: 5,
        }
    }
}

fn config(lim: &Limits) -> Config {
    Config {
        typechecking: lim.typechecking,
        auto_object: Some("/sys/auto".into()),
        driver_object: Some("/sys/driver".into()),
        max_ticks: lim.ticks,
        max_depth: lim.depth,
        array_size: lim.array_size,
        objects: 1000,
        ..Config::default()
    }
}

fn host(files: &[(String, Vec<u8>)]) -> TestHost {
    let mut h = TestHost::new();
    h.fixed_time = Some(1_000_000_000);
    h.files
        .insert("/sys/driver.c".into(), DRIVER.as_bytes().to_vec());
    h.files
        .insert("/sys/auto.c".into(), AUTO.as_bytes().to_vec());
    for (p, s) in files {
        h.files.insert(p.clone(), s.clone());
    }
    h
}

/// Runs `main_obj` (path without `.c`, its source among `files`): calls each of
/// `funcs` in a task of its own, runs call_outs, evicts every object and calls
/// `funcs[0]` again, then restores a new VM from the table entries and calls
/// `funcs[0]` once more. Returns everything printed. Errors are the program's and
/// are part of the output; only a panic, a hang or exhausted memory is a finding.
pub fn run(files: &[(String, Vec<u8>)], main_obj: &str, funcs: &[&str], lim: &Limits) -> String {
    let store = Rc::new(RefCell::new(MemStore::default()));
    let mut vm = Vm::new(config(lim), Box::new(host(files)), Box::new(store.clone()));
    let mut out = String::new();
    if let Err(e) = vm.boot() {
        return format!("boot failed: {}\n", e.message);
    }
    let obj = match vm.compile_object_task(main_obj, None) {
        Ok(o) => o,
        Err(e) => {
            out.push_str(&vm.host.take_output().unwrap_or_default());
            out.push_str(&format!("compile failed: {}\n", e.message));
            return out;
        }
    };
    for f in funcs {
        let _ = vm.call(obj, f, Vec::new());
    }
    for _ in 0..lim.call_out_rounds {
        let cos = vm.call_outs();
        let Some((o, h, _, _)) = cos.into_iter().min_by(|a, b| {
            a.2.partial_cmp(&b.2)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.1.cmp(&b.1))
        }) else {
            break;
        };
        let _ = vm.run_call_out(o, h);
    }
    // persistence: evict everything, call again
    let names: Vec<String> = files
        .iter()
        .filter_map(|(p, _)| p.strip_suffix(".c").map(str::to_string))
        .collect();
    if vm.sync_store().is_ok() {
        for n in &names {
            if let Some(o) = vm.find_object(n) {
                let _ = vm.evict(o);
            }
        }
    }
    if let Some(f) = funcs.first() {
        if vm.is_live(obj) {
            let _ = vm.call(obj, f, Vec::new());
        }
    }
    out.push_str(&vm.host.take_output().unwrap_or_default());
    // restore a second VM from the tables
    if vm.sync_store().is_ok() {
        let tables = vm.table_entries();
        drop(vm);
        match Vm::restore(
            config(lim),
            Box::new(host(files)),
            Box::new(store.clone()),
            tables,
        ) {
            Ok(mut vm2) => {
                if let (Some(f), true) = (funcs.first(), vm2.is_live(obj)) {
                    let _ = vm2.call(obj, f, Vec::new());
                }
                out.push_str(&vm2.host.take_output().unwrap_or_default());
            }
            Err(e) => out.push_str(&format!("restore failed: {e}\n")),
        }
    }
    out
}
