//! Argument access for library kfuns: DGD's "Bad argument N for kfun NAME"
//! when a value is not of the expected type (the compiler checks declared
//! types, but `mixed` values reach kfuns unchecked).

use crate::value::{ArrayRef, Float, LStr, LpcError, MappingRef, Value};

/// DGD's argument error (`n` counts from 1).
pub fn bad_arg(kfun: &str, n: usize) -> LpcError {
    LpcError::new(format!("Bad argument {n} for kfun {kfun}"))
}

/// Argument `i` (from 0) as a string.
pub fn string<'a>(args: &'a [Value], i: usize, kfun: &str) -> Result<&'a LStr, LpcError> {
    match args.get(i) {
        Some(Value::String(s)) => Ok(s),
        _ => Err(bad_arg(kfun, i + 1)),
    }
}

/// Argument `i` as an int.
pub fn int(args: &[Value], i: usize, kfun: &str) -> Result<i32, LpcError> {
    match args.get(i) {
        Some(Value::Int(n)) => Ok(*n),
        _ => Err(bad_arg(kfun, i + 1)),
    }
}

/// Optional int argument `i`: `default` when absent.
pub fn opt_int(args: &[Value], i: usize, kfun: &str, default: i32) -> Result<i32, LpcError> {
    match args.get(i) {
        None => Ok(default),
        Some(Value::Int(n)) => Ok(*n),
        Some(_) => Err(bad_arg(kfun, i + 1)),
    }
}

/// Argument `i` as a float's value.
pub fn float(args: &[Value], i: usize, kfun: &str) -> Result<f64, LpcError> {
    match args.get(i) {
        Some(Value::Float(f)) => Ok(f.get()),
        _ => Err(bad_arg(kfun, i + 1)),
    }
}

/// Argument `i` as an array.
pub fn array<'a>(args: &'a [Value], i: usize, kfun: &str) -> Result<&'a ArrayRef, LpcError> {
    match args.get(i) {
        Some(Value::Array(a)) => Ok(a),
        _ => Err(bad_arg(kfun, i + 1)),
    }
}

/// Argument `i` as a mapping.
pub fn mapping<'a>(args: &'a [Value], i: usize, kfun: &str) -> Result<&'a MappingRef, LpcError> {
    match args.get(i) {
        Some(Value::Mapping(m)) => Ok(m),
        _ => Err(bad_arg(kfun, i + 1)),
    }
}

/// Arguments `from..` as strings (an ellipsis of strings).
pub fn strings<'a>(args: &'a [Value], from: usize, kfun: &str) -> Result<Vec<&'a [u8]>, LpcError> {
    let mut out = Vec::new();
    for i in from..args.len() {
        out.push(string(args, i, kfun)?.as_bytes());
    }
    Ok(out)
}

/// A float result, range-checked.
pub fn float_value(d: f64) -> Result<Value, LpcError> {
    Ok(Value::Float(Float::checked(d)?))
}

/// A string result.
pub fn string_value(b: Vec<u8>) -> Value {
    Value::String(LStr::new(b))
}
