//! The persistence contract at VM level: objects evicted to the blob store load back
//! on first use; a VM restored from table entries + store continues where it was.

use std::cell::RefCell;
use std::rc::Rc;
use vm::host::{MemStore, TestHost};
use vm::interp::{Config, Vm};
use vm::value::Value;

const THING: &str = r#"
int n;
string *log;
mapping m;
object other;

static void create() { n = 1; log = ({ "created" }); m = ([ "a" : ({ 1, 2 }) ]); }
int bump() { n++; log += ({ "bump" + n }); m["n"] = n; return n; }
mixed *state() { return ({ n, log, m, other }); }
void set_other(object o) { other = o; }
object make_clone() { return clone_object(this_object()); }
"#;

fn new_vm(store: Rc<RefCell<MemStore>>) -> Vm {
    Vm::new(
        Config::default(),
        Box::new(TestHost::new()),
        Box::new(store),
    )
}

fn show(v: &Value) -> String {
    format!("{v:?}")
}

#[test]
fn evict_and_reload() {
    let store = Rc::new(RefCell::new(MemStore::default()));
    let mut vm = new_vm(store.clone());
    let o = vm
        .compile_object_task("/thing", Some(THING.as_bytes()))
        .unwrap();
    assert_eq!(vm.call(o, "bump", vec![]).unwrap(), Value::Int(2));
    let before = show(&vm.call(o, "state", vec![]).unwrap());
    vm.evict(o).unwrap();
    assert!(!store.borrow().blobs.is_empty());
    let after = show(&vm.call(o, "state", vec![]).unwrap());
    assert_eq!(before, after);
    assert_eq!(vm.call(o, "bump", vec![]).unwrap(), Value::Int(3));
}

#[test]
fn restore_from_tables() {
    let store = Rc::new(RefCell::new(MemStore::default()));
    let mut vm = new_vm(store.clone());
    let o = vm
        .compile_object_task("/thing", Some(THING.as_bytes()))
        .unwrap();
    vm.call(o, "bump", vec![]).unwrap();
    let c = match vm.call(o, "make_clone", vec![]).unwrap() {
        Value::Object(c) => c,
        v => panic!("{v:?}"),
    };
    vm.call(c, "bump", vec![]).unwrap();
    vm.call(c, "set_other", vec![Value::Object(o)]).unwrap();
    let s_o = show(&vm.call(o, "state", vec![]).unwrap());
    let s_c = show(&vm.call(c, "state", vec![]).unwrap());
    vm.sync_store().unwrap();
    let tables = vm.table_entries();
    // equal inputs give equal bytes
    assert_eq!(tables, vm.table_entries());
    drop(vm);

    let mut vm2 = Vm::restore(
        Config::default(),
        Box::new(TestHost::new()),
        Box::new(store.clone()),
        tables,
    )
    .unwrap();
    assert_eq!(vm2.find_object("/thing"), Some(o));
    assert_eq!(show(&vm2.call(o, "state", vec![]).unwrap()), s_o);
    assert_eq!(show(&vm2.call(c, "state", vec![]).unwrap()), s_c);
    assert_eq!(vm2.call(c, "bump", vec![]).unwrap(), Value::Int(3));
    // a new program inheriting a restored one compiles
    let d = vm2
        .compile_object_task(
            "/derived",
            Some(b"inherit \"/thing\";\nint twice() { return bump() * 2; }\n"),
        )
        .unwrap();
    assert_eq!(vm2.call(d, "twice", vec![]).unwrap(), Value::Int(4));
    // incremental: only changed entries
    let ch = vm2.table_changes();
    assert!(ch.len() < 10, "{}", ch.len());
}

#[test]
fn program_blob_roundtrip() {
    let store = Rc::new(RefCell::new(MemStore::default()));
    let mut vm = new_vm(store);
    let o = vm
        .compile_object_task("/thing", Some(THING.as_bytes()))
        .unwrap();
    let d = vm
        .compile_object_task(
            "/derived",
            Some(b"inherit t \"/thing\";\nint x;\nint twice() { switch (x) { case 1..3: return 1; case 5: break; default: return t::bump() * 2; } return 0; }\nstring s(string a) { switch (a) { case \"a\": return \"A\"; } return sscanf(a, \"%d\", x) + \"\"; }\n"),
        )
        .unwrap();
    for obj in [o, d] {
        let prog = vm.objects.get(obj).unwrap().prog.clone();
        let b1 = vm::persist::encode_program(&prog, &vm.kfuns);
        let anc: std::collections::HashMap<u32, Rc<vm::program::Program>> = prog
            .ancestors
            .iter()
            .map(|a| (a.prog.id, a.prog.clone()))
            .collect();
        let p2 = vm::persist::decode_program(&b1, &vm.kfuns, &|id| anc.get(&id).cloned()).unwrap();
        let b2 = vm::persist::encode_program(&p2, &vm.kfuns);
        assert_eq!(b1, b2);
        // damaged blobs are refused, never panic
        for i in (0..b1.len()).step_by(7) {
            let mut bad = b1.clone();
            bad[i] ^= 0x40;
            assert!(
                vm::persist::decode_program(&bad, &vm.kfuns, &|id| anc.get(&id).cloned()).is_err()
            );
        }
    }
}

/// status(): the start time survives a restore; the boot time is the restore's.
#[test]
fn restore_keeps_start_time_and_sets_boot_time() {
    let store = Rc::new(RefCell::new(MemStore::default()));
    let mut host = TestHost::new();
    host.fixed_time = Some(1_000_000);
    let mut vm = Vm::new(Config::default(), Box::new(host), Box::new(store.clone()));
    vm.compile_object_task("/thing", Some(THING.as_bytes()))
        .unwrap();
    vm.sync_store().unwrap();
    let tables = vm.table_entries();
    drop(vm);
    let mut host = TestHost::new();
    host.fixed_time = Some(2_000_000);
    let mut vm2 = Vm::restore(Config::default(), Box::new(host), Box::new(store), tables).unwrap();
    let o = vm2
        .compile_object_task("/st", Some(b"mixed *st() { return status()[1 .. 2]; }\n"))
        .unwrap();
    assert_eq!(
        show(&vm2.call(o, "st", vec![]).unwrap()),
        show(&Value::array(vec![
            Value::Int(1_000_000),
            Value::Int(2_000_000)
        ]))
    );
}

/// Editor sessions live in the VM, not in the objects: evicting an editing
/// object keeps its session, a restore has none (as DGD after a restore).
#[test]
fn editor_sessions_survive_eviction_not_restore() {
    const ED: &str = r#"
mixed ed(string c) { return editor(c); }
string mode() { return query_editor(this_object()); }
"#;
    let store = Rc::new(RefCell::new(MemStore::default()));
    let mut vm = new_vm(store.clone());
    let o = vm.compile_object_task("/ed", Some(ED.as_bytes())).unwrap();
    vm.call(o, "ed", vec![Value::str("a")]).unwrap();
    vm.call(o, "ed", vec![Value::str("kept")]).unwrap();
    vm.call(o, "ed", vec![Value::str(".")]).unwrap();
    vm.evict(o).unwrap();
    assert_eq!(vm.call(o, "mode", vec![]).unwrap(), Value::str("command"));
    assert_eq!(
        vm.call(o, "ed", vec![Value::str("p")]).unwrap(),
        Value::str("kept\n")
    );
    assert!(vm.is_editing(o));
    vm.sync_store().unwrap();
    let tables = vm.table_entries();
    drop(vm);
    let mut vm2 = Vm::restore(
        Config::default(),
        Box::new(TestHost::new()),
        Box::new(store.clone()),
        tables,
    )
    .unwrap();
    assert!(!vm2.is_editing(o));
    assert_eq!(vm2.call(o, "mode", vec![]).unwrap(), Value::Nil);
}

fn program_blobs(store: &Rc<RefCell<MemStore>>) -> usize {
    store
        .borrow()
        .blobs
        .keys()
        .filter(|k| *k >> 63 == 1)
        .count()
}

#[test]
fn program_blobs_go_with_their_programs() {
    let store = Rc::new(RefCell::new(MemStore::default()));
    let mut vm = new_vm(store.clone());
    let die = "void die() { destruct_object(this_object()); }\n";
    let base = vm
        .compile_object_task("/base", Some(format!("int b;\n{die}").as_bytes()))
        .unwrap();
    let child = vm
        .compile_object_task(
            "/child",
            Some(format!("inherit \"/base\";\nint c;\n{die}").as_bytes()),
        )
        .unwrap();
    vm.sync_store().unwrap();
    assert_eq!(program_blobs(&store), 2);
    // a destructed program that another still inherits stays
    vm.call(base, "die", vec![]).unwrap();
    vm.sync_store().unwrap();
    assert_eq!(program_blobs(&store), 2);
    // with its last inheritor gone, both go
    vm.call(child, "die", vec![]).unwrap();
    vm.sync_store().unwrap();
    assert_eq!(program_blobs(&store), 0);
    // a recompiled program's old version goes after the upgrade
    let a = vm
        .compile_object_task("/a", Some(b"int x;\n".as_slice()))
        .unwrap();
    vm.sync_store().unwrap();
    assert_eq!(program_blobs(&store), 1);
    vm.compile_object_task("/a", Some(b"int y;\n".as_slice()))
        .unwrap();
    vm.sync_store().unwrap();
    assert_eq!(program_blobs(&store), 1);
    assert!(vm.is_live(a));
}
