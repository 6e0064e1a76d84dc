//! Unit tests of `parse_string` over a test context whose "current object"
//! has a few Rust callbacks; expected results are DGD's (see
//! tests/dgd_golden/parse_string.c for the same cases run on DGD).

use super::*;
use crate::kfun::testctx::TestCtx;
use proptest::prelude::*;

/// A context whose `call_this` knows a few functions.
struct Ctx {
    inner: TestCtx,
    calls: Vec<String>,
    special: bool,
}

impl KfunCtx for Ctx {
    fn is_live(&self, o: crate::value::ObjRef) -> bool {
        self.inner.is_live(o)
    }
    fn charge(&mut self, ticks: u64) -> Result<(), LpcError> {
        self.inner.charge(ticks)
    }
    fn max_array_size(&self) -> usize {
        self.inner.max_array_size()
    }
    fn in_atomic(&self) -> bool {
        false
    }
    fn mudlib_root(&self) -> Option<std::path::PathBuf> {
        None
    }
    fn time(&self) -> (i64, u32) {
        (0, 0)
    }
    fn random_u64(&mut self) -> u64 {
        4
    }
    fn this_object(&self) -> Option<crate::value::ObjRef> {
        None
    }
    fn object_variables(&self) -> Vec<crate::value::VarDesc> {
        Vec::new()
    }
    fn get_variable(&self, _: usize) -> Value {
        Value::Nil
    }
    fn set_variable(&mut self, _: usize, _: Value) {}
    fn object_name(&self, _: crate::value::ObjRef) -> Option<LStr> {
        None
    }
    fn this_is_special(&mut self) -> bool {
        self.special
    }
    fn call_this(&mut self, func: &str, args: Vec<Value>) -> Result<Value, LpcError> {
        self.calls.push(func.to_string());
        let arr = match args.first() {
            Some(Value::Array(a)) => a.borrow().clone(),
            _ => Vec::new(),
        };
        Ok(match func {
            "wrap" => Value::Array(ArrayRef::new(vec![Value::Array(ArrayRef::new(arr))])),
            "reject" => Value::Nil,
            "rejectx" => match arr.first() {
                Some(Value::String(s)) if s.as_bytes() == b"x" => Value::Nil,
                _ => Value::Array(ArrayRef::new(arr)),
            },
            "count" => Value::Array(ArrayRef::new(vec![Value::Int(arr.len() as i32)])),
            "boom" => return Err(LpcError::new("boom")),
            "id" => Value::Array(ArrayRef::new(arr)),
            "restfn" => Value::String(LStr::from_bytes(b"foo bar")),
            _ => Value::Nil,
        })
    }
}

fn ctx() -> Ctx {
    Ctx {
        inner: TestCtx::new(),
        calls: Vec::new(),
        special: false,
    }
}

fn show(v: &Value) -> String {
    match v {
        Value::Nil => "nil".into(),
        Value::Int(i) => i.to_string(),
        Value::String(s) => format!("\"{}\"", String::from_utf8_lossy(s.as_bytes())),
        Value::Array(a) => {
            let parts: Vec<String> = a.borrow().iter().map(show).collect();
            format!("({{{}}})", parts.join(","))
        }
        _ => "?".into(),
    }
}

fn run_in(c: &mut Ctx, g: &str, s: &str, alt: Option<i32>) -> String {
    let mut args = vec![
        Value::String(LStr::from_bytes(g.as_bytes())),
        Value::String(LStr::from_bytes(s.as_bytes())),
    ];
    if let Some(n) = alt {
        args.push(Value::Int(n));
    }
    match kf_parse_string(c, &mut args) {
        Ok(v) => show(&v),
        Err(e) => format!("ERROR: {}", String::from_utf8_lossy(e.message.as_bytes())),
    }
}

fn run(g: &str, s: &str, alt: Option<i32>) -> String {
    run_in(&mut ctx(), g, s, alt)
}

#[test]
fn flat_results() {
    assert_eq!(
        run(
            "word = /[a-z]+/\nwhitespace = / /\nS: word S\nS: word",
            "hello big world",
            None
        ),
        r#"({"hello","big","world"})"#
    );
    assert_eq!(
        run(
            "num = /[0-9]+/\nws = /[ ]+/\nL: num\nL: L ',' num",
            "1,22,333",
            None
        ),
        r#"({"1",",","22",",","333"})"#
    );
    assert_eq!(run("w = /a/\nS: w", "aa", None), "nil");
    assert_eq!(run("w = /a/\nS: w", "aa!", None), "nil");
    assert_eq!(
        run("word = /[a-z]+/\nS: word", "123", None),
        "ERROR: Bad token at offset 0"
    );
    assert_eq!(run("w = /a/\nS:\nS: S w", "", None), "({})");
    assert_eq!(run("S: 'a' 'b'", "ab", None), "ERROR: No tokens");
}

#[test]
fn callbacks_and_rejection() {
    assert_eq!(
        run("w = /[a-z]/\nL: L w ? wrap\nL: w", "abcd", None),
        r#"({({({({"a","b"}),"c"}),"d"})})"#
    );
    assert_eq!(run("w = /[a-z]+/\nS: w ? reject", "ab", None), "nil");
    assert_eq!(run("w = /[a-z]+/\nS: w ? nosuch", "ab", None), "nil");
    assert_eq!(run("w = /[a-z]+/\nS: w ? boom", "ab", None), "ERROR: boom");
    assert_eq!(
        run(
            "w = /[a-z]/\nS: 'a' O 'b'\nO: ? count\nO: 'x' ? count",
            "ab",
            None
        ),
        r#"({"a",0,"b"})"#
    );
}

#[test]
fn ambiguity_in_dgd_order() {
    assert_eq!(
        run("a = /a/\nS: S S\nS: a", "aaa", None),
        r#"({"a","a","a"})"#
    );
    assert_eq!(
        run("a = /a/\nS: a\nS: S S", "aaa", Some(2)),
        r#"({({({"a","a","a"}),({"a","a","a"})})})"#
    );
    assert_eq!(
        run("a = /a/\nS: S S ? wrap\nS: a", "aaa", Some(1)),
        r#"({({({({"a",({"a","a"})})}),({({({"a","a"}),"a"})})})})"#
    );
    assert_eq!(
        run(
            "a = /a/\nx = /x/\nS: A\nS: B\nA: x ? rejectx\nB: x ? id",
            "x",
            Some(3)
        ),
        r#"({"x"})"#
    );
    assert_eq!(
        run("a = /a/\nS: A A\nA: a\nA:", "a", Some(3)),
        r#"({({({"a"}),({"a"})})})"#
    );
    assert_eq!(run("a = /a/\nS: S\nS: a", "a", Some(3)), r#"({"a"})"#);
    assert_eq!(
        run("a = /a/\nS: S S\nS: a", "aaa", Some(-1)),
        "ERROR: Bad argument 3 for kfun parse_string"
    );
}

#[test]
fn each_node_walked_once() {
    let mut c = ctx();
    run_in(&mut c, "a = /a/\nS: S S\nS: X\nX: a ? id", "aaaa", Some(10));
    assert_eq!(c.calls.len(), 8);
}

#[test]
fn ticks_stop_a_runaway() {
    let mut c = ctx();
    c.inner.tick_limit = 100_000;
    let r = run_in(
        &mut c,
        "a = /a/\nS: S S\nS: a\nS:",
        &"a".repeat(200),
        Some(5),
    );
    assert_eq!(r, "ERROR: Out of ticks");
}

#[test]
fn sub_parser_function_replaces_input() {
    // the `<` function is missing: the parse fails
    assert_eq!(run("a = /a/\nS: a < f", "a", None), "nil");
    let g = "w = /[a-z]+/\nwhitespace = / /\nS: V A\nV: 'say' < restfn\nA: w w";
    let mut c = ctx();
    assert_eq!(
        run_in(&mut c, g, "say something", None),
        r#"({"say","foo","bar"})"#
    );
    assert_eq!(c.calls, ["restfn"]);
    // with a `?` function on the same rule, DGD rejects the subtree
    let g = "w = /[a-z]+/\nwhitespace = / /\nS: V A\nV: 'say' < restfn ? id\nA: w w";
    assert_eq!(run(g, "say something", None), "nil");
}

#[test]
fn cache_is_bounded() {
    for i in 0..(CACHE_SIZE + 5) {
        let g = format!("w = /a{{0}}/\nS: w\nX{i}: w");
        let _ = run(&g, "a", None);
    }
    CACHE.with(|c| assert!(c.borrow().len() <= CACHE_SIZE));
}

fn grammar_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("a = /a/\n".to_string()),
        Just("b = /[b-d]+/\n".to_string()),
        Just("whitespace = / +/\n".to_string()),
        Just("n = nomatch\n".to_string()),
        Just("S: S S\n".to_string()),
        Just("S: a\n".to_string()),
        Just("S:\n".to_string()),
        Just("S: T b\n".to_string()),
        Just("T: S 'x' ? wrap\n".to_string()),
        Just("T: T ? reject\n".to_string()),
        Just("T: a < sub\n".to_string()),
        "[ -~]{0,12}".prop_map(|s| s),
        "[a-z]{1,3} = /[ -~]{0,8}/\n".prop_map(|s| s),
        "[A-Z] : [a-zA-Z' ]{0,10}\n".prop_map(|s| s),
    ];
    proptest::collection::vec(piece, 0..8).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn random_grammars_never_panic(g in grammar_text(), s in "[abcdx !]{0,12}", alt in -2i32..4) {
        let mut c = ctx();
        c.inner.tick_limit = 200_000;
        let _ = run_in(&mut c, &g, &s, Some(alt));
    }

    #[test]
    fn random_bytes_never_panic(g in proptest::collection::vec(any::<u8>(), 0..60),
                                s in proptest::collection::vec(any::<u8>(), 0..20)) {
        let mut c = ctx();
        c.inner.tick_limit = 200_000;
        let mut args = vec![Value::String(LStr::new(g)), Value::String(LStr::new(s))];
        let _ = kf_parse_string(&mut c, &mut args);
    }
}

#[test]
fn forest_size_is_bounded_without_tick_limit() {
    // no tick limit: the forest's node limit stops this highly ambiguous parse
    let r = run("a = /a/\nS: S S S\nS: S S\nS: a", &"a".repeat(400), Some(3));
    assert_eq!(r, "ERROR: Parse forest too large");
}

#[test]
fn ticks_stop_a_quadratic_scan() {
    // every position looks ahead to the end of the input for a `b`
    let mut c = ctx();
    c.inner.tick_limit = 1_000_000;
    let r = run_in(
        &mut c,
        "w = /a*b/\nwhitespace = /a/\nS: w",
        &"a".repeat(20000),
        None,
    );
    assert_eq!(r, "ERROR: Out of ticks");
    assert_eq!(
        run("w = /a*b/\nwhitespace = /a/\nS: w", &"a".repeat(200), None),
        "nil"
    );
}

#[test]
fn refused_in_special_objects() {
    let mut c = ctx();
    c.special = true;
    assert_eq!(
        run_in(&mut c, "w = /a/\nS: w", "a", None),
        "ERROR: parse_string() from special purpose object"
    );
}
