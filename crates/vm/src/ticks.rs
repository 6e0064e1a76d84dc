//! Tick costs, as DGD 1.7.9 charges them (measured on the real driver: the
//! cases in `tests/dgd_golden/ticks.c` print the ticks each construct costs).
//!
//! DGD does not charge per instruction. Integer arithmetic, local variables,
//! jumps forward, `if`/`switch`/`?:`, `catch` and `rlimits` are free. It
//! charges
//! * a function call (local, inherited, `call_other`, creator, driver hook):
//!   [`CALL`]; before it, a call with fewer than [`CALL_RESERVE`] ticks left is
//!   "Out of ticks";
//! * a jump backwards (each loop iteration, a `goto` back): [`LOOP`], and it is
//!   "Out of ticks" when that leaves nothing (`<= 0`);
//! * global variables, indexing, string and float operators, aggregates, and
//!   each kfun by what it does ([`binop`], [`cast`] and the constants below;
//!   the kfuns charge in their own code).
//!
//! No other charge checks the limit: a kfun may take the ticks below zero and
//! the next call or loop iteration fails. Inside an atomic function the ticks
//! left are halved on entry and doubled on return, so everything costs twice
//! as much there (`status()[ST_TICKS]` reports the doubled figure).

use crate::program::Op;
use crate::value::Value;

/// Calling any LPC function.
pub const CALL: i64 = 10;
/// A call needs this many ticks left, or it is "Out of ticks".
pub const CALL_RESERVE: i64 = 100;
/// A jump backwards.
pub const LOOP: i64 = 5;
/// Reading a global variable.
pub const GLOBAL_READ: i64 = 4;
/// Assigning a global variable.
pub const GLOBAL_STORE: i64 = 5;
/// `a[i]` on a string, array or mapping.
pub const INDEX: i64 = 2;
/// `a[i] = v`.
pub const STORE_INDEX: i64 = 3;
/// `s[i] = c` where `s` is a global string: the variable is assigned anew.
pub const STORE_INDEX_GLOBAL_STRING: i64 = GLOBAL_STORE;
/// A string operator (`+`, comparison, range).
pub const STRING_OP: i64 = 2;
/// A float operator.
pub const FLOAT_OP: i64 = 1;
/// An int or float turned into a string: a cast, or an operand of `+` typed
/// other than string next to one typed string (DGD's compiler converts it).
pub const TO_STRING: i64 = 2;
/// `status()` and `status(obj)` (the whole array).
pub const STATUS: i64 = 100;
/// `status()[i]`, `status(obj)[i]`.
pub const STATUS_INDEX: i64 = 2;
/// `call_trace()`: per frame.
pub const CALL_TRACE_FRAME: i64 = 10;
/// `call_trace()[i]`.
pub const CALL_TRACE_INDEX: i64 = 12;
/// `call_trace()[i][j]`.
pub const CALL_TRACE_INDEX2: i64 = 4;
/// `remove_call_out()`.
pub const REMOVE_CALL_OUT: i64 = 10;
/// `find_object()`, `function_object()`, `millitime()`.
pub const LOOKUP: i64 = 2;
/// `random()`.
pub const RANDOM: i64 = 1;
/// `ctime()`.
pub const CTIME: i64 = 5;
/// A `%` conversion in an `sscanf` format.
pub const SSCANF_CONVERSION: i64 = 8;

/// Ticks for the binary operator `op` on `a` and `b` (before the operation).
pub fn binop(op: Op, a: &Value, b: &Value) -> i64 {
    use Value::*;
    match (a, b) {
        (Int(_), Int(_)) => 0,
        (String(_), String(_)) => match op {
            Op::Add | Op::Lt | Op::Gt | Op::Le | Op::Ge | Op::Eq | Op::Ne => STRING_OP,
            _ => 0,
        },
        // (the conversion of an operand typed int, float or mixed next to
        // one typed string is charged by the compiler: `TO_STRING`)
        (String(_), Int(_)) | (Int(_), String(_)) if op == Op::Add => STRING_OP,
        (String(_), Float(_)) | (Float(_), String(_)) if op == Op::Add => STRING_OP + FLOAT_OP,
        (Float(_), Float(_)) | (Float(_), Int(_)) | (Int(_), Float(_)) => match op {
            Op::Add | Op::Sub | Op::Mul | Op::Div | Op::Lt | Op::Gt | Op::Le | Op::Ge => FLOAT_OP,
            Op::Eq | Op::Ne => FLOAT_OP,
            _ => 0,
        },
        (Array(x), Array(y)) => match op {
            Op::Add | Op::Sub | Op::And | Op::Or | Op::Xor => (x.len() + y.len()) as i64,
            _ => 0,
        },
        // DGD counts a mapping's keys and values.
        (Mapping(x), Mapping(y)) if op == Op::Add => 2 * (x.len() + y.len()) as i64,
        (Mapping(x), Array(y)) => match op {
            Op::Sub | Op::And => (2 * x.len() + y.len()) as i64,
            _ => 0,
        },
        _ => 0,
    }
}

/// Ticks for `-a`, `++a`, `--a`.
pub fn unop(a: &Value) -> i64 {
    match a {
        Value::Float(_) => FLOAT_OP,
        _ => 0,
    }
}

/// Ticks for a cast of `v` to type `base` (a `TypeSpec` base code).
pub fn cast(v: &Value, base: u8) -> i64 {
    match (v, base as i32) {
        (Value::Int(_), crate::value::T_FLOAT) => FLOAT_OP,
        // (a string costs its conversion too: DGD's compiler leaves out only
        // the casts of expressions typed string)
        (Value::Int(_) | Value::String(_), crate::value::T_STRING) => TO_STRING,
        (Value::Float(_), crate::value::T_STRING) => TO_STRING + FLOAT_OP,
        _ => 0,
    }
}

/// Ticks for the range `v[a..b]` giving `len` elements.
pub fn range(v: &Value, len: usize) -> i64 {
    match v {
        Value::String(_) => STRING_OP,
        Value::Array(_) => len as i64,
        // DGD counts keys and values.
        Value::Mapping(_) => 2 * len as i64,
        _ => 0,
    }
}

/// Ticks for an array aggregate `({ .. })` of `n` elements.
pub fn array_aggregate(n: usize) -> i64 {
    n as i64
}

/// Ticks for a mapping aggregate `([ .. ])` of `n` key/value pairs.
pub fn mapping_aggregate(n: usize) -> i64 {
    2 * n as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_operators_are_free_and_strings_cost_two() {
        assert_eq!(binop(Op::Add, &Value::Int(1), &Value::Int(2)), 0);
        assert_eq!(binop(Op::Add, &Value::str("a"), &Value::str("b")), 2);
        assert_eq!(binop(Op::Add, &Value::str("a"), &Value::Int(1)), 2);
        assert_eq!(binop(Op::Lt, &Value::str("a"), &Value::str("b")), 2);
    }

    #[test]
    fn casts() {
        assert_eq!(cast(&Value::Int(1), crate::value::T_FLOAT as u8), 1);
        assert_eq!(cast(&Value::Int(1), crate::value::T_STRING as u8), 2);
        assert_eq!(cast(&Value::Int(1), crate::value::T_INT as u8), 0);
    }
}
