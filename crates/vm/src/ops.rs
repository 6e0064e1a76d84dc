//! LPC operators on values, with DGD's semantics and error messages. Pure functions:
//! no object access (destructed objects were turned into nil by the caller) and no
//! operator overloading (LWOs are handled by the interpreter before calling these).

use crate::value::*;

fn bad(n: u32, op: &str) -> LpcError {
    LpcError::new(format!("Bad argument {n} for kfun {op}"))
}

fn which_bad(a: &Value, op: &str, ok: impl Fn(&Value) -> bool) -> LpcError {
    if !ok(a) {
        bad(1, op)
    } else {
        bad(2, op)
    }
}

/// Integer formatting as DGD does it in string concatenation.
pub fn int_str(i: i32, out: &mut Vec<u8>) {
    let mut buf = itoa_buf(i);
    out.append(&mut buf);
}

fn itoa_buf(i: i32) -> Vec<u8> {
    let mut v = Vec::with_capacity(12);
    itoa_into(i, &mut v);
    v
}

/// Appends the decimal form of `i` without an intermediate String.
pub fn itoa_into(i: i32, out: &mut Vec<u8>) {
    let mut buf = [0u8; 11];
    out.extend_from_slice(itoa_slice(i, &mut buf));
}

/// Writes the decimal form of `i` (sign included) at the end of `buf` and returns
/// that part; 11 bytes hold any i32.
fn itoa_slice(i: i32, buf: &mut [u8; 11]) -> &[u8] {
    // "00" "01" .. "99": two digits per division, no per-digit arithmetic
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    let mut n = i.unsigned_abs();
    let mut p = buf.len();
    while n >= 100 {
        let d = (n % 100) as usize * 2;
        n /= 100;
        p -= 2;
        buf[p..p + 2].copy_from_slice(&PAIRS[d..d + 2]);
    }
    if n >= 10 {
        let d = n as usize * 2;
        p -= 2;
        buf[p..p + 2].copy_from_slice(&PAIRS[d..d + 2]);
    } else {
        p -= 1;
        buf[p] = b'0' + n as u8;
    }
    if i < 0 {
        p -= 1;
        buf[p] = b'-';
    }
    &buf[p..]
}

fn check_len(n: usize) -> Result<(), LpcError> {
    if n > MAX_STRLEN {
        Err(LpcError::new("String too long"))
    } else {
        Ok(())
    }
}

fn concat(a: &[u8], b: &[u8]) -> Result<Value, LpcError> {
    check_len(a.len() + b.len())?;
    // room to grow: concatenations usually continue (`"a" + i + "b"`)
    let mut v = Vec::with_capacity(a.len() + b.len() + 16);
    v.extend_from_slice(a);
    v.extend_from_slice(b);
    Ok(Value::String(LStr::new(v)))
}

/// Appends the printed form of a scalar for string `+`.
pub fn scalar_str(v: &Value) -> Option<Vec<u8>> {
    match v {
        Value::Int(i) => Some(itoa_buf(*i)),
        Value::Float(f) => Some(f.to_lpc_string().into_bytes()),
        Value::String(s) => Some(s.as_bytes().to_vec()),
        _ => None,
    }
}

pub fn add(a: &Value, b: &Value) -> Result<Value, LpcError> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(Value::Int(x.wrapping_add(*y))),
        (Value::Float(x), Value::Float(y)) => Ok(Value::Float(x.fadd(*y)?)),
        (Value::String(x), Value::String(y)) => concat(x, y),
        (Value::String(x), Value::Int(_) | Value::Float(_)) => {
            concat(x, &scalar_str(b).unwrap_or_default())
        }
        (Value::Int(_) | Value::Float(_), Value::String(y)) => {
            concat(&scalar_str(a).unwrap_or_default(), y)
        }
        (Value::Array(x), Value::Array(y)) => {
            let mut v = x.borrow().clone();
            v.extend(y.borrow().iter().cloned());
            Ok(Value::array(v))
        }
        (Value::Mapping(x), Value::Mapping(y)) => {
            let mut m = x.borrow().clone();
            for (k, v) in y.borrow().iter() {
                m.map.insert(k.clone(), v.clone());
            }
            Ok(Value::mapping(m))
        }
        _ => Err(which_bad(a, "+", |v| {
            matches!(
                v,
                Value::Int(_)
                    | Value::Float(_)
                    | Value::String(_)
                    | Value::Array(_)
                    | Value::Mapping(_)
            )
        })),
    }
}

/// `s += t` on a string held uniquely: appends in place.
pub fn add_assign(a: &mut Value, b: &Value) -> Result<(), LpcError> {
    if let Value::String(s) = a {
        // an int's digits go through a stack buffer: no heap temporary
        let mut digits = [0u8; 11];
        let tail: std::borrow::Cow<'_, [u8]> = match b {
            Value::String(t) => std::borrow::Cow::Borrowed(t.as_bytes()),
            Value::Int(i) => std::borrow::Cow::Borrowed(itoa_slice(*i, &mut digits)),
            Value::Float(_) => std::borrow::Cow::Owned(scalar_str(b).unwrap_or_default()),
            _ => return Err(bad(2, "+")),
        };
        check_len(s.len() + tail.len())?;
        s.append(&tail);
        return Ok(());
    }
    if let (Value::Int(x), Value::Int(y)) = (&*a, b) {
        *a = Value::Int(x.wrapping_add(*y));
        return Ok(());
    }
    let r = add(a, b)?;
    *a = r;
    Ok(())
}

pub fn sub(a: &Value, b: &Value) -> Result<Value, LpcError> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(Value::Int(x.wrapping_sub(*y))),
        (Value::Float(x), Value::Float(y)) => Ok(Value::Float(x.fsub(*y)?)),
        (Value::Array(x), Value::Array(y)) => {
            let ys = y.borrow();
            let set: std::collections::BTreeSet<&Value> = ys.iter().collect();
            let v: Vec<Value> = x
                .borrow()
                .iter()
                .filter(|e| !set.contains(e))
                .cloned()
                .collect();
            Ok(Value::array(v))
        }
        (Value::Mapping(x), Value::Array(y)) => {
            let mut m = x.borrow().clone();
            for k in y.borrow().iter() {
                m.map.remove(k);
            }
            Ok(Value::mapping(m))
        }
        (Value::Mapping(x), Value::Mapping(y)) => {
            let mut m = x.borrow().clone();
            for k in y.borrow().map.keys() {
                m.map.remove(k);
            }
            Ok(Value::mapping(m))
        }
        _ => Err(which_bad(a, "-", |v| {
            matches!(
                v,
                Value::Int(_) | Value::Float(_) | Value::Array(_) | Value::Mapping(_)
            )
        })),
    }
}

pub fn mul(a: &Value, b: &Value) -> Result<Value, LpcError> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(Value::Int(x.wrapping_mul(*y))),
        (Value::Float(x), Value::Float(y)) => Ok(Value::Float(x.fmul(*y)?)),
        _ => Err(which_bad(a, "*", |v| {
            matches!(v, Value::Int(_) | Value::Float(_))
        })),
    }
}

pub fn div(a: &Value, b: &Value) -> Result<Value, LpcError> {
    match (a, b) {
        (Value::Int(_), Value::Int(0)) => Err(LpcError::new("Division by zero")),
        (Value::Int(x), Value::Int(y)) => Ok(Value::Int(x.wrapping_div(*y))),
        (Value::Float(x), Value::Float(y)) => Ok(Value::Float(x.fdiv(*y)?)),
        _ => Err(which_bad(a, "/", |v| {
            matches!(v, Value::Int(_) | Value::Float(_))
        })),
    }
}

pub fn rem(a: &Value, b: &Value) -> Result<Value, LpcError> {
    match (a, b) {
        (Value::Int(_), Value::Int(0)) => Err(LpcError::new("Modulus by zero")),
        (Value::Int(x), Value::Int(y)) => Ok(Value::Int(x.wrapping_rem(*y))),
        _ => Err(which_bad(a, "%", |v| matches!(v, Value::Int(_)))),
    }
}

pub fn shl(a: &Value, b: &Value) -> Result<Value, LpcError> {
    match (a, b) {
        (Value::Int(_), Value::Int(y)) if *y < 0 => Err(LpcError::new("Negative left shift")),
        (Value::Int(x), Value::Int(y)) => Ok(Value::Int(if *y >= 32 {
            0
        } else {
            ((*x as u32) << *y) as i32
        })),
        _ => Err(which_bad(a, "<<", |v| matches!(v, Value::Int(_)))),
    }
}

pub fn shr(a: &Value, b: &Value) -> Result<Value, LpcError> {
    match (a, b) {
        (Value::Int(_), Value::Int(y)) if *y < 0 => Err(LpcError::new("Negative right shift")),
        (Value::Int(x), Value::Int(y)) => Ok(Value::Int(if *y >= 32 {
            0
        } else {
            ((*x as u32) >> *y) as i32
        })),
        _ => Err(which_bad(a, ">>", |v| matches!(v, Value::Int(_)))),
    }
}

fn set_op(a: &ArrayRef, b: &ArrayRef, op: u8) -> Value {
    let (xa, xb) = (a.borrow(), b.borrow());
    match op {
        b'&' => {
            let set: std::collections::BTreeSet<&Value> = xb.iter().collect();
            Value::array(xa.iter().filter(|e| set.contains(e)).cloned().collect())
        }
        b'|' => {
            // A + (B - A)
            let set: std::collections::BTreeSet<&Value> = xa.iter().collect();
            let mut v = xa.clone();
            v.extend(xb.iter().filter(|e| !set.contains(e)).cloned());
            Value::array(v)
        }
        _ => {
            let sa: std::collections::BTreeSet<&Value> = xa.iter().collect();
            let sb: std::collections::BTreeSet<&Value> = xb.iter().collect();
            let mut v: Vec<Value> = xa.iter().filter(|e| !sb.contains(e)).cloned().collect();
            v.extend(xb.iter().filter(|e| !sa.contains(e)).cloned());
            Value::array(v)
        }
    }
}

pub fn and(a: &Value, b: &Value) -> Result<Value, LpcError> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(Value::Int(x & y)),
        (Value::Array(x), Value::Array(y)) => Ok(set_op(x, y, b'&')),
        (Value::Mapping(x), Value::Array(y)) => {
            let xm = x.borrow();
            let mut m = Mapping::new();
            for k in y.borrow().iter() {
                if let Some(v) = xm.get(k) {
                    m.map.insert(k.clone(), v.clone());
                }
            }
            Ok(Value::mapping(m))
        }
        (Value::Mapping(x), Value::Mapping(y)) => {
            let xm = x.borrow();
            let mut m = Mapping::new();
            for k in y.borrow().map.keys() {
                if let Some(v) = xm.get(k) {
                    m.map.insert(k.clone(), v.clone());
                }
            }
            Ok(Value::mapping(m))
        }
        _ => Err(which_bad(a, "&", |v| {
            matches!(v, Value::Int(_) | Value::Array(_) | Value::Mapping(_))
        })),
    }
}

pub fn or(a: &Value, b: &Value) -> Result<Value, LpcError> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(Value::Int(x | y)),
        (Value::Array(x), Value::Array(y)) => Ok(set_op(x, y, b'|')),
        _ => Err(which_bad(a, "|", |v| {
            matches!(v, Value::Int(_) | Value::Array(_))
        })),
    }
}

pub fn xor(a: &Value, b: &Value) -> Result<Value, LpcError> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(Value::Int(x ^ y)),
        (Value::Array(x), Value::Array(y)) => Ok(set_op(x, y, b'^')),
        _ => Err(which_bad(a, "^", |v| {
            matches!(v, Value::Int(_) | Value::Array(_))
        })),
    }
}

/// `<`, `>`, `<=`, `>=`: returns the ordering of two ints, floats or strings.
pub fn compare(a: &Value, b: &Value, op: &str) -> Result<std::cmp::Ordering, LpcError> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x.cmp(y)),
        (Value::Float(x), Value::Float(y)) => Ok(x.cmp(y)),
        (Value::String(x), Value::String(y)) => Ok(x.as_bytes().cmp(y.as_bytes())),
        _ => Err(which_bad(a, op, |v| {
            matches!(v, Value::Int(_) | Value::Float(_) | Value::String(_))
        })),
    }
}

pub fn neg(a: &Value) -> Result<Value, LpcError> {
    match a {
        Value::Int(x) => Ok(Value::Int(x.wrapping_neg())),
        Value::Float(x) => Ok(Value::Float(x.fneg())),
        _ => Err(bad(1, "-")),
    }
}

pub fn compl(a: &Value) -> Result<Value, LpcError> {
    match a {
        Value::Int(x) => Ok(Value::Int(!x)),
        _ => Err(bad(1, "~")),
    }
}

/// `c[i]`.
pub fn index(c: &Value, i: &Value) -> Result<Value, LpcError> {
    match (c, i) {
        (Value::String(s), Value::Int(n)) => {
            let n = *n;
            if n < 0 || n as usize >= s.len() {
                return Err(LpcError::new("String index out of range"));
            }
            Ok(Value::Int(s[n as usize] as i32))
        }
        (Value::String(_), _) => Err(LpcError::new("Non-numeric string index")),
        (Value::Array(a), Value::Int(n)) => {
            let v = a.borrow();
            let n = *n;
            if n < 0 || n as usize >= v.len() {
                return Err(LpcError::new("Array index out of range"));
            }
            Ok(v[n as usize].clone())
        }
        (Value::Array(_), _) => Err(LpcError::new("Non-numeric array index")),
        (Value::Mapping(m), k) => Ok(m.borrow().get(k).cloned().unwrap_or(Value::Nil)),
        _ => Err(LpcError::new("Index on bad type")),
    }
}

/// `c[i] = v`; returns the new container when it is a string (a modified copy).
pub fn store_index(c: &Value, i: &Value, v: Value) -> Result<Option<Value>, LpcError> {
    match (c, i) {
        (Value::Array(a), Value::Int(n)) => {
            let mut e = a.borrow_mut();
            let n = *n;
            if n < 0 || n as usize >= e.len() {
                return Err(LpcError::new("Array index out of range"));
            }
            e[n as usize] = v;
            Ok(None)
        }
        (Value::Array(_), _) => Err(LpcError::new("Non-numeric array index")),
        (Value::Mapping(m), k) => {
            m.borrow_mut().set(k.clone(), v);
            Ok(None)
        }
        (Value::String(s), Value::Int(n)) => {
            let n = *n;
            if n < 0 || n as usize >= s.len() {
                return Err(LpcError::new("String index out of range"));
            }
            let Value::Int(ch) = v else {
                return Err(LpcError::new(
                    "Non-numeric value in indexed string assignment",
                ));
            };
            let mut b = s.as_bytes().to_vec();
            b[n as usize] = ch as u8;
            Ok(Some(Value::String(LStr::new(b))))
        }
        (Value::String(_), _) => Err(LpcError::new("Non-numeric string index")),
        _ => Err(LpcError::new("Index on bad type")),
    }
}

/// `c[from..to]`.
pub fn range(c: &Value, from: Option<&Value>, to: Option<&Value>) -> Result<Value, LpcError> {
    let int_of = |v: Option<&Value>, what: &str| -> Result<Option<i32>, LpcError> {
        match v {
            None => Ok(None),
            Some(Value::Int(i)) => Ok(Some(*i)),
            Some(_) => Err(LpcError::new(format!("Non-numeric {what} index"))),
        }
    };
    match c {
        Value::String(s) => {
            let len = s.len() as i64;
            let f = int_of(from, "string")?.map(|x| x as i64).unwrap_or(0);
            let t = int_of(to, "string")?.map(|x| x as i64).unwrap_or(len - 1);
            if f < 0 || t >= len || f > t + 1 {
                return Err(LpcError::new("Invalid string range"));
            }
            Ok(Value::bytes(&s[f as usize..(t + 1) as usize]))
        }
        Value::Array(a) => {
            let v = a.borrow();
            let len = v.len() as i64;
            let f = int_of(from, "array")?.map(|x| x as i64).unwrap_or(0);
            let t = int_of(to, "array")?.map(|x| x as i64).unwrap_or(len - 1);
            if f < 0 || t >= len || f > t + 1 {
                return Err(LpcError::new("Invalid array range"));
            }
            Ok(Value::array(v[f as usize..(t + 1) as usize].to_vec()))
        }
        Value::Mapping(m) => {
            use std::ops::Bound;
            let m = m.borrow();
            let lo = from
                .map(|v| Bound::Included(v.clone()))
                .unwrap_or(Bound::Unbounded);
            let hi = to
                .map(|v| Bound::Included(v.clone()))
                .unwrap_or(Bound::Unbounded);
            if let (Some(a), Some(b)) = (from, to) {
                if a > b {
                    return Ok(Value::mapping(Mapping::new()));
                }
            }
            let mut out = Mapping::new();
            for (k, v) in m.map.range((lo, hi)) {
                out.map.insert(k.clone(), v.clone());
            }
            Ok(Value::mapping(out))
        }
        _ => Err(LpcError::new("Index on bad type")),
    }
}

/// `(type)` casts: to int, float, string convert; others check.
pub fn cast(v: Value, ty: TypeSpec) -> Result<Value, LpcError> {
    if ty.depth > 0 {
        return match v {
            Value::Array(_) | Value::Nil => Ok(v),
            _ => Err(LpcError::new("Value is not an array")),
        };
    }
    match ty.base as i32 {
        T_INT => match v {
            Value::Int(_) => Ok(v),
            Value::Float(f) => Ok(Value::Int(f.to_int()?)),
            Value::String(s) => Ok(Value::Int(crate::kfun::strings::string_to_int(&s)?)),
            _ => Err(LpcError::new("Value is not an int")),
        },
        T_FLOAT => match v {
            Value::Float(_) => Ok(v),
            Value::Int(i) => Ok(Value::Float(Float::from_int(i))),
            Value::String(s) => {
                let d = crate::kfun::strings::string_to_float(&s)?;
                Ok(Value::Float(Float::checked(d)?))
            }
            _ => Err(LpcError::new("Value is not a float")),
        },
        T_STRING => match &v {
            Value::String(_) => Ok(v),
            Value::Int(_) | Value::Float(_) => {
                Ok(Value::String(LStr::new(scalar_str(&v).unwrap_or_default())))
            }
            _ => Err(LpcError::new("Value is not a string")),
        },
        T_OBJECT => match v {
            Value::Object(_) | Value::Lwo(_) | Value::Nil => Ok(v),
            _ => Err(LpcError::new("Value is not an object")),
        },
        T_MAPPING => match v {
            Value::Mapping(_) | Value::Nil => Ok(v),
            _ => Err(LpcError::new("Value is not a mapping")),
        },
        _ => Ok(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn itoa_matches_std() {
        let mut buf = [0u8; 11];
        for i in [
            0,
            1,
            9,
            10,
            99,
            100,
            101,
            -1,
            -10,
            12345,
            -987654,
            1_000_000_000,
            i32::MAX,
            i32::MIN,
        ] {
            assert_eq!(itoa_slice(i, &mut buf), i.to_string().as_bytes());
        }
        // every digit count and both signs
        let mut i: i32 = 1;
        while let Some(n) = i.checked_mul(3) {
            for j in [i - 1, i, i + 1, -i - 1, -i, -i + 1] {
                assert_eq!(itoa_slice(j, &mut buf), j.to_string().as_bytes());
            }
            i = n;
        }
        for j in -1000..1000 {
            assert_eq!(itoa_slice(j, &mut buf), j.to_string().as_bytes());
        }
    }

    #[test]
    fn ints() {
        assert_eq!(
            add(&Value::Int(i32::MAX), &Value::Int(1)).unwrap(),
            Value::Int(i32::MIN)
        );
        assert_eq!(
            div(&Value::Int(-7), &Value::Int(2)).unwrap(),
            Value::Int(-3)
        );
        assert_eq!(
            rem(&Value::Int(-7), &Value::Int(2)).unwrap(),
            Value::Int(-1)
        );
        assert_eq!(
            shr(&Value::Int(-1), &Value::Int(28)).unwrap(),
            Value::Int(15)
        );
        assert_eq!(shl(&Value::Int(1), &Value::Int(32)).unwrap(), Value::Int(0));
        assert!(div(&Value::Int(1), &Value::Int(0)).is_err());
        assert_eq!(
            div(&Value::Int(i32::MIN), &Value::Int(-1)).unwrap(),
            Value::Int(i32::MIN)
        );
    }

    #[test]
    fn strings() {
        let r = add(&Value::str("a"), &Value::Int(5)).unwrap();
        assert_eq!(r, Value::str("a5"));
        for i in [0, -1, 7, -2147483648, 2147483647, 1234567] {
            let mut v = Vec::new();
            itoa_into(i, &mut v);
            assert_eq!(v, i.to_string().into_bytes());
        }
        assert_eq!(
            range(
                &Value::str("hello"),
                Some(&Value::Int(1)),
                Some(&Value::Int(3))
            )
            .unwrap(),
            Value::str("ell")
        );
        assert_eq!(
            range(
                &Value::str("hello"),
                Some(&Value::Int(2)),
                Some(&Value::Int(1))
            )
            .unwrap(),
            Value::str("")
        );
        assert!(range(
            &Value::str("hello"),
            Some(&Value::Int(2)),
            Some(&Value::Int(5))
        )
        .is_err());
        assert_eq!(
            cast(Value::str("12"), TypeSpec::INT).unwrap(),
            Value::Int(12)
        );
        assert!(cast(Value::str("12abc"), TypeSpec::INT).is_err());
    }
}
