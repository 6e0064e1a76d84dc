//! Generated programs: the compiler and interpreter must never panic, whatever the
//! program does (errors are fine). Bounded: small programs, tick and depth limits.

use proptest::prelude::*;
use vm::host::{MemStore, TestHost};
use vm::interp::{Config, Vm};

fn leaf() -> impl Strategy<Value = String> {
    prop_oneof![
        (-5i32..100).prop_map(|i| i.to_string()),
        Just("2147483647".to_string()),
        Just("1.5".to_string()),
        Just("\"str\"".to_string()),
        Just("nil".to_string()),
        Just("a".to_string()),
        Just("b".to_string()),
        Just("m".to_string()),
        Just("arr".to_string()),
        Just("this_object()".to_string()),
        Just("({ 1, \"x\", 2.0 })".to_string()),
        Just("([ 1 : 2, \"k\" : ({ }) ])".to_string()),
    ]
}

fn expr() -> impl Strategy<Value = String> {
    leaf().prop_recursive(4, 40, 3, |inner| {
        let ops = prop_oneof![
            Just("+"),
            Just("-"),
            Just("*"),
            Just("/"),
            Just("%"),
            Just("<<"),
            Just(">>"),
            Just("&"),
            Just("|"),
            Just("^"),
            Just("<"),
            Just("=="),
            Just("&&"),
            Just("||"),
        ];
        prop_oneof![
            (inner.clone(), ops, inner.clone()).prop_map(|(a, o, b)| format!("({a} {o} {b})")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("({a})[{b}]")),
            (inner.clone(), inner.clone(), inner.clone())
                .prop_map(|(a, b, c)| format!("({a})[{b}..{c}]")),
            inner.clone().prop_map(|a| format!("f({a})")),
            inner.clone().prop_map(|a| format!("catch({a})")),
            inner.clone().prop_map(|a| format!("sizeof({a})")),
            inner.clone().prop_map(|a| format!("typeof({a})")),
            inner.clone().prop_map(|a| format!("(string)({a})")),
            inner.clone().prop_map(|a| format!("this_object()->g({a})")),
            (inner.clone(), inner).prop_map(|(a, b)| format!("({a} ? {b} : 0)")),
        ]
    })
}

fn stmt() -> impl Strategy<Value = String> {
    let simple = prop_oneof![
        expr().prop_map(|e| format!("a = {e};")),
        expr().prop_map(|e| format!("b = {e};")),
        expr().prop_map(|e| format!("arr = ({{ {e} }});")),
        expr().prop_map(|e| format!("m[{e}] = {e};")),
        expr().prop_map(|e| format!("catch {{ arr[0] = {e}; }}")),
        expr().prop_map(|e| format!("if ({e}) a++; else b--;")),
        expr().prop_map(|e| format!("for (i = 0; i < 3; i++) a += {e};")),
        expr().prop_map(|e| format!(
            "switch ({e}) {{ case 1: a = 2; break; case \"x\": b = 1; default: a = 0; }}"
        )),
        Just("while (1) ;".to_string()),
        Just("f(a);".to_string()),
        Just("destruct_object(clone_object(this_object()));".to_string()),
    ];
    simple
}

static COMPILED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

const HEADER: &str = r#"
mixed a, b, arr;
mapping m;
int i;
mixed f(mixed x) { return x == nil ? 0 : f(x); }
mixed g(mixed x) { return x; }
"#;

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]
    #[test]
    fn never_panics(body in proptest::collection::vec(stmt(), 1..6)) {
        let src = format!("{HEADER}\nvoid main() {{\n m = ([ ]);\n{}\n}}\n", body.join("\n"));
        let cfg = Config { typechecking: 0, max_ticks: 20_000, max_depth: 60, array_size: 1000, ..Config::default() };
        let mut vm = Vm::new(cfg, Box::new(TestHost::new()), Box::new(MemStore::default()));
        match vm.compile_object_task("/fuzz", Some(src.as_bytes())) {
            Ok(o) => {
                let _ = vm.call(o, "main", vec![]);
                let _ = vm.call(o, "main", vec![]);
                COMPILED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            Err(e) => {
                if std::env::var("FUZZ_VERBOSE").is_ok() {
                    eprintln!("{}\n{src}", e.message);
                }
            }
        }
    }
}
