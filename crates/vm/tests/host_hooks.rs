//! What the VM asks of its host beyond files and time: the call_out table's limit,
//! the driver object, connections of destructed user objects.

use vm::host::{MemStore, TestHost};
use vm::interp::{Config, Vm};
use vm::value::Value;

fn vm_with(host: TestHost) -> Vm {
    Vm::new(
        Config::default(),
        Box::new(host),
        Box::new(MemStore::default()),
    )
}

const CALLOUTS: &str = r#"
void tick() {}
string fill(int n)
{
    string s, e;
    int i;

    s = "";
    for (i = 0; i < n; i++) {
        e = catch(call_out("tick", 10));
        s += (e ? e : "ok") + ";";
    }
    return s + sizeof(status(this_object())[4]);
}
"#;

#[test]
fn a_full_call_out_table_is_an_lpc_error() {
    let mut host = TestHost::new();
    host.max_call_outs = Some(2);
    let mut vm = vm_with(host);
    let o = vm
        .compile_object_task("/co", Some(CALLOUTS.as_bytes()))
        .unwrap();
    let r = vm.call(o, "fill", vec![Value::Int(3)]).unwrap();
    assert_eq!(r, Value::str("ok;ok;Too many callouts;2"));
}
