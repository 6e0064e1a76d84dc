//! The library kfuns called through the standard registry, as the
//! interpreter calls them.

use super::testctx::TestCtx;
use crate::value::{Float, KfunImpl, KfunRegistry, LStr, Mapping, MappingRef, ObjRef, Value};

fn s(x: &str) -> Value {
    Value::str(x)
}
fn f(x: f64) -> Value {
    Value::Float(Float::new(x).unwrap())
}
fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .borrow()
        .iter()
        .map(|e| e.as_str().unwrap().to_str_lossy().into_owned())
        .collect()
}
fn err(r: Result<Value, crate::value::LpcError>) -> String {
    r.unwrap_err().to_string()
}

#[test]
fn every_library_kfun_is_registered() {
    let mut reg = KfunRegistry::prototypes();
    super::register_all(&mut reg);
    for name in [
        "allocate",
        "allocate_int",
        "allocate_float",
        "sizeof",
        "map_indices",
        "map_values",
        "map_sizeof",
        "typeof",
        "strlen",
        "random",
        "time",
        "millitime",
        "ctime",
        "explode",
        "implode",
        "sscanf",
        "hash_string",
        "crypt",
        "hash_crc16",
        "hash_crc32",
        "floor",
        "ceil",
        "fabs",
        "fmod",
        "frexp",
        "ldexp",
        "modf",
        "exp",
        "log",
        "log10",
        "pow",
        "sqrt",
        "sin",
        "cos",
        "tan",
        "asin",
        "acos",
        "atan",
        "atan2",
        "sinh",
        "cosh",
        "tanh",
    ] {
        let (i, _) = reg
            .lookup(name)
            .unwrap_or_else(|| panic!("no prototype for {name}"));
        assert!(
            !matches!(reg.get(i).unwrap().imp, KfunImpl::Missing),
            "{name} not registered"
        );
    }
}

#[test]
fn string_kfuns() {
    let mut c = TestCtx::new();
    let r = c.call("explode", vec![s(",a,,b,"), s(",")]).unwrap();
    assert_eq!(strs(&r), ["a", "", "b"]);
    let arr = Value::array(vec![s("x"), s("y")]);
    let r = c.call("implode", vec![arr, s("-")]).unwrap();
    assert_eq!(r, s("x-y"));
    let bad = Value::array(vec![s("x"), Value::Int(1)]);
    assert_eq!(
        err(c.call("implode", vec![bad, s("")])),
        "Bad argument 1 for kfun implode"
    );
    assert_eq!(c.call("strlen", vec![s("abc")]).unwrap(), Value::Int(3));
    c.max_array = 2;
    assert_eq!(
        err(c.call("explode", vec![s("a b c"), s(" ")])),
        "Array too large"
    );
}

#[test]
fn sscanf_returns_count_then_values() {
    let mut c = TestCtx::new();
    let r = c
        .call("sscanf", vec![s("x=12 y=1.5"), s("x=%d y=%f")])
        .unwrap();
    let a = r.as_array().unwrap().borrow().clone();
    assert_eq!(a, vec![Value::Int(2), Value::Int(12), f(1.5)]);
    let r = c.call("sscanf", vec![s("ab"), s("%*c%s")]).unwrap();
    assert_eq!(
        r.as_array().unwrap().borrow().clone(),
        vec![Value::Int(2), s("b")]
    );
    assert_eq!(
        err(c.call("sscanf", vec![s("a"), s("%z")])),
        "Bad sscanf format string"
    );
}

#[test]
fn hash_kfuns() {
    let mut c = TestCtx::new();
    assert_eq!(
        c.call("crypt", vec![s("test"), s("ab")]).unwrap(),
        s("abgOeLfPimXQo")
    );
    assert_eq!(
        c.call("hash_string", vec![s("crypt"), s("test"), s("ab")])
            .unwrap(),
        s("abgOeLfPimXQo")
    );
    let r = c.call("crypt", vec![s("test")]).unwrap();
    assert_eq!(r.as_str().unwrap().len(), 13);
    let md5 = c
        .call("hash_string", vec![s("MD5"), s("a"), s("bc")])
        .unwrap();
    assert_eq!(md5.as_str().unwrap().as_bytes()[..2], [0x90, 0x01]);
    assert_eq!(
        err(c.call("hash_string", vec![s("md5"), s("x")])),
        "Unknown hash algorithm"
    );
    assert_eq!(
        c.call("hash_crc16", vec![s("123456789")]).unwrap(),
        Value::Int(10673)
    );
    assert_eq!(
        c.call("hash_crc32", vec![s("1234"), s("56789")]).unwrap(),
        Value::Int(-873187034)
    );
}

#[test]
fn math_kfuns() {
    let mut c = TestCtx::new();
    assert_eq!(c.call("floor", vec![f(2.7)]).unwrap(), f(2.0));
    assert_eq!(c.call("pow", vec![f(2.0), f(10.0)]).unwrap(), f(1024.0));
    assert_eq!(err(c.call("exp", vec![f(1000.0)])), "Result too large");
    assert_eq!(err(c.call("log", vec![f(0.0)])), "Math argument");
    let r = c.call("frexp", vec![f(8.0)]).unwrap();
    assert_eq!(
        r.as_array().unwrap().borrow().clone(),
        vec![f(0.5), Value::Int(4)]
    );
    let r = c.call("modf", vec![f(-3.25)]).unwrap();
    assert_eq!(
        r.as_array().unwrap().borrow().clone(),
        vec![f(-0.25), f(-3.0)]
    );
    assert_eq!(
        c.call("ldexp", vec![f(0.75), Value::Int(3)]).unwrap(),
        f(6.0)
    );
    assert_eq!(c.call("atan2", vec![f(0.0), f(1.0)]).unwrap(), f(0.0));
}

#[test]
fn data_kfuns() {
    let mut c = TestCtx::new();
    let r = c.call("allocate", vec![Value::Int(3)]).unwrap();
    assert_eq!(r.as_array().unwrap().borrow().clone(), vec![Value::Nil; 3]);
    let r = c.call("allocate_int", vec![Value::Int(2)]).unwrap();
    assert_eq!(
        r.as_array().unwrap().borrow().clone(),
        vec![Value::Int(0); 2]
    );
    let r = c.call("allocate_float", vec![Value::Int(1)]).unwrap();
    assert_eq!(r.as_array().unwrap().borrow().clone(), vec![f(0.0)]);
    assert_eq!(
        err(c.call("allocate", vec![Value::Int(-1)])),
        "Bad argument 1 for kfun allocate"
    );
    assert_eq!(
        err(c.call("allocate", vec![Value::Int(1001)])),
        "Array too large"
    );

    let dead = ObjRef { index: 7, count: 1 };
    c.dead.push(dead);
    let mut m = Mapping::new();
    m.set(s("b"), Value::Int(2));
    m.set(Value::Int(1), s("one"));
    m.set(s("a"), Value::Object(dead));
    let m = Value::Mapping(MappingRef::new(m));
    let k = c.call("map_indices", vec![m.clone()]).unwrap();
    assert_eq!(
        k.as_array().unwrap().borrow().clone(),
        vec![Value::Int(1), s("b")]
    );
    let v = c.call("map_values", vec![m.clone()]).unwrap();
    assert_eq!(
        v.as_array().unwrap().borrow().clone(),
        vec![s("one"), Value::Int(2)]
    );
    assert_eq!(c.call("map_sizeof", vec![m]).unwrap(), Value::Int(2));
    assert_eq!(
        c.call("typeof", vec![Value::Object(dead)]).unwrap(),
        Value::Int(0)
    );
    assert_eq!(c.call("typeof", vec![f(1.0)]).unwrap(), Value::Int(2));
    assert_eq!(
        c.call("sizeof", vec![Value::array(vec![Value::Nil; 4])])
            .unwrap(),
        Value::Int(4)
    );
}

#[test]
fn clock_and_random() {
    let mut c = TestCtx::new();
    assert_eq!(c.call("time", vec![]).unwrap(), Value::Int(744_388_818));
    let r = c.call("millitime", vec![]).unwrap();
    let a = r.as_array().unwrap().borrow().clone();
    assert_eq!(a[0], Value::Int(744_388_818));
    assert_eq!(a[1], f(0.25));
    assert_eq!(
        c.call("ctime", vec![Value::Int(744_388_818)]).unwrap(),
        Value::String(LStr::from("Tue Aug  3 14:40:18 1993"))
    );
    for _ in 0..100 {
        let v = c
            .call("random", vec![Value::Int(6)])
            .unwrap()
            .as_int()
            .unwrap();
        assert!((0..6).contains(&v));
    }
    assert_eq!(
        err(c.call("random", vec![Value::Int(-1)])),
        "Bad argument 1 for kfun random"
    );
}

#[test]
fn vm_float_printing_agrees_with_kfun_float() {
    // the VM's Float and this module's DGD float code must print alike
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut checked = 0;
    for i in 0..20_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let d = match i % 4 {
            0 => f64::from_bits(x),
            1 => (x % 2_000_000) as f64 / 1000.0 - 1000.0,
            2 => ((x % 100_000) as f64) * 10f64.powi((x >> 40) as i32 % 40 - 20),
            _ => 1.0 / ((x % 1000) as f64 + 1.0),
        };
        let Some(fl) = Float::new(d) else { continue };
        let d = fl.get();
        assert_eq!(
            crate::float::format_float(d),
            super::float::format_float(d),
            "printing {d:e}"
        );
        assert_eq!(
            fl.to_int().ok(),
            super::float::float_to_int(d).ok(),
            "(int){d:e}"
        );
        checked += 1;
    }
    assert!(checked > 10_000);
}
