//! `save_object` / `restore_object`: DGD's save file text format.
//!
//! A save file has one line per saved variable, `name value\n`, in the
//! object's variable order; lines starting with `#` are comments. Values:
//!
//! - int: decimal (`-12`);
//! - float: DGD's printed form, `=`, then the 48-bit DGD float in hex
//!   (`0.5=3fe000000000`: 4 hex digits of sign/exponent/top mantissa bits,
//!   8 of the low mantissa bits). Restore uses the hex when present;
//! - string: `"..."` with `\0 \a \b \t \n \v \f \r \" \\` escaped;
//! - array: `({n|v1,v2,...,})`; mapping: `([n|k1:v1,k2:v2,...,])`;
//! - `nil`; `#i` / `@i` refer back to the i-th array/mapping (counted
//!   together, from 0, in the order they are written), so shared arrays and
//!   mappings stay shared and cycles terminate.
//!
//! Variables that are static, hold 0, 0.0, nil or an object are not saved.
//! Objects inside arrays are written as `nil`; mapping pairs with an object
//! index or value are left out.

use std::collections::HashMap;

use super::KfunError;
use crate::value::{Float, LStr, Mapping, MappingRef, TypeSpec, Value, T_MIXED};

// ---------------------------------------------------------------------------
// Floats as DGD stores them: 16-bit high (sign, 11-bit exponent, top 4
// mantissa bits), 32-bit low.

/// The `(high, low)` words of a DGD float.
pub fn float_words(d: f64) -> (u16, u32) {
    if d == 0.0 || !d.is_finite() {
        return (0, 0);
    }
    let sign = u16::from(d < 0.0);
    let (m, e) = super::float::frexp(d.abs());
    let m37 = super::float::ldexp(m, 37) as u64;
    let exp = (e - 1 + 1023).clamp(0, 0x7ff) as u16;
    let high = (sign << 15) | (exp << 4) | ((m37 >> 32) & 0xf) as u16;
    (high, m37 as u32)
}

/// The float of DGD words `(high, low)`; `None` if it is out of range.
pub fn float_from_words(high: u16, low: u32) -> Option<f64> {
    if high == 0 && low == 0 {
        return Some(0.0);
    }
    let exp = i32::from((high >> 4) & 0x7ff);
    let mant = ((u64::from(0x10 | (high & 0xf))) << 32) | u64::from(low);
    let d = super::float::ldexp(mant as f64, exp - 1023 - 36);
    if !d.is_finite() {
        return None;
    }
    Some(if high & 0x8000 != 0 { -d } else { d })
}

// ---------------------------------------------------------------------------
// Encoding

struct Encoder {
    out: Vec<u8>,
    /// array/mapping identity tag -> its number
    seen: HashMap<u64, usize>,
}

fn is_object(v: &Value) -> bool {
    matches!(v, Value::Object(_) | Value::Lwo(_))
}

impl Encoder {
    fn float(&mut self, d: f64) {
        self.out
            .extend_from_slice(super::float::format_float(d).as_bytes());
        let (h, l) = float_words(d);
        self.out
            .extend_from_slice(format!("={h:04x}{l:08x}").as_bytes());
    }

    fn string(&mut self, s: &[u8]) {
        self.out.push(b'"');
        for &c in s {
            let esc = match c {
                0 => b'0',
                7 => b'a',
                8 => b'b',
                9 => b't',
                10 => b'n',
                11 => b'v',
                12 => b'f',
                13 => b'r',
                b'"' | b'\\' => c,
                _ => {
                    self.out.push(c);
                    continue;
                }
            };
            self.out.push(b'\\');
            self.out.push(esc);
        }
        self.out.push(b'"');
    }

    /// A value inside an array or mapping, or a saved variable's value.
    /// Iterative (a work list, not recursion): arrays may nest very deep.
    fn value(&mut self, v: &Value) {
        enum Task {
            Val(Value),
            Text(&'static [u8]),
        }
        let mut work = vec![Task::Val(v.clone())];
        while let Some(t) = work.pop() {
            let v = match t {
                Task::Text(s) => {
                    self.out.extend_from_slice(s);
                    continue;
                }
                Task::Val(v) => v,
            };
            match &v {
                Value::Nil | Value::Object(_) | Value::Lwo(_) => self.out.extend_from_slice(b"nil"),
                Value::Int(i) => self.out.extend_from_slice(i.to_string().as_bytes()),
                Value::Float(f) => self.float(f.get()),
                Value::String(s) => self.string(s.as_bytes()),
                Value::Array(a) => {
                    if let Some(&n) = self.seen.get(&a.tag()) {
                        self.out.extend_from_slice(format!("#{n}").as_bytes());
                        continue;
                    }
                    self.seen.insert(a.tag(), self.seen.len());
                    let elems = a.borrow().clone();
                    self.out
                        .extend_from_slice(format!("({{{}|", elems.len()).as_bytes());
                    work.push(Task::Text(b"})"));
                    for e in elems.into_iter().rev() {
                        work.push(Task::Text(b","));
                        work.push(Task::Val(e));
                    }
                }
                Value::Mapping(m) => {
                    if let Some(&n) = self.seen.get(&m.tag()) {
                        self.out.extend_from_slice(format!("@{n}").as_bytes());
                        continue;
                    }
                    self.seen.insert(m.tag(), self.seen.len());
                    let pairs: Vec<(Value, Value)> = m
                        .borrow()
                        .iter()
                        .filter(|(k, v)| !is_object(k) && !is_object(v))
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect();
                    self.out
                        .extend_from_slice(format!("([{}|", pairs.len()).as_bytes());
                    work.push(Task::Text(b"])"));
                    for (k, v) in pairs.into_iter().rev() {
                        work.push(Task::Text(b","));
                        work.push(Task::Val(v));
                        work.push(Task::Text(b":"));
                        work.push(Task::Val(k));
                    }
                }
            }
        }
    }
}

/// Is a variable's value saved? (not 0, 0.0, nil or an object)
pub fn is_saved(v: &Value) -> bool {
    match v {
        Value::Nil | Value::Object(_) | Value::Lwo(_) => false,
        Value::Int(i) => *i != 0,
        Value::Float(f) => f.get() != 0.0,
        _ => true,
    }
}

/// The save file text for `vars` (name, value) — the caller passes only the
/// variables that may be saved (not static, not privately inherited), in
/// variable order; values that are not saved are left out here. Destructed
/// objects must already read as nil (they are left out like objects anyway).
pub fn encode_save<'a>(vars: impl IntoIterator<Item = (&'a [u8], &'a Value)>) -> Vec<u8> {
    let mut enc = Encoder {
        out: Vec::new(),
        seen: HashMap::new(),
    };
    for (name, v) in vars {
        if !is_saved(v) {
            continue;
        }
        enc.out.extend_from_slice(name);
        enc.out.push(b' ');
        enc.value(v);
        enc.out.push(b'\n');
    }
    enc.out
}

// ---------------------------------------------------------------------------
// Decoding

/// A variable as restore_object sees it.
#[derive(Debug, Clone)]
pub struct RestoreVar<'a> {
    pub name: &'a [u8],
    pub ty: TypeSpec,
    /// Not static and not privately inherited: may be restored.
    pub restorable: bool,
}

/// What restoring a save file does: assign `assignments` in order; if
/// `error` is set, raise it after assigning (DGD keeps what was restored
/// before the bad line).
#[derive(Debug, Default)]
pub struct Restore {
    pub assignments: Vec<(usize, Value)>,
    pub error: Option<KfunError>,
}

struct Decoder<'a> {
    buf: &'a [u8],
    pos: usize,
    line: usize,
    file: &'a str,
    arrays: Vec<Value>,
    max_array: usize,
}

impl<'a> Decoder<'a> {
    fn at(&self, i: usize) -> u8 {
        self.buf.get(i).copied().unwrap_or(0)
    }
    fn cur(&self) -> u8 {
        self.at(self.pos)
    }
    fn err(&self, msg: &str) -> KfunError {
        KfunError::Other(format!(
            "Format error in \"/{}\", line {}: {}",
            self.file, self.line, msg
        ))
    }
    fn expect(&mut self, c: u8, msg: &str) -> Result<(), KfunError> {
        if self.cur() != c {
            return Err(self.err(msg));
        }
        self.pos += 1;
        Ok(())
    }

    fn int(&mut self) -> Result<i32, KfunError> {
        let (v, n) = super::strings::parse_int(&self.buf[self.pos..]);
        if n == 0 {
            return Err(self.err("digit expected"));
        }
        self.pos += n;
        Ok(v)
    }

    fn hex(&mut self, digits: usize) -> Result<u32, KfunError> {
        let mut v = 0u32;
        for _ in 0..digits {
            let c = self.cur();
            let d = match c {
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' => c - b'a' + 10,
                b'A'..=b'F' => c - b'A' + 10,
                _ => return Err(self.err("hexadecimal digit expected")),
            };
            v = (v << 4) | u32::from(d);
            self.pos += 1;
        }
        Ok(v)
    }

    fn number(&mut self) -> Result<Value, KfunError> {
        let start = self.pos;
        let i = self.int()?;
        let mut isfloat = false;
        let mut p = self.pos;
        if self.at(p) == b'.' {
            isfloat = true;
            p += 1;
            while self.at(p).is_ascii_digit() {
                p += 1;
            }
        }
        if self.at(p) == b'e' || self.at(p) == b'E' {
            isfloat = true;
            p += 1;
            if self.at(p) == b'+' || self.at(p) == b'-' {
                p += 1;
            }
            if !self.at(p).is_ascii_digit() {
                self.pos = p;
                return Err(self.err("digit expected"));
            }
            while self.at(p).is_ascii_digit() {
                p += 1;
            }
        }
        self.pos = p;
        if self.cur() == b'=' {
            self.pos += 1;
            let high = self.hex(4)? as u16;
            let low = self.hex(8)?;
            let d = float_from_words(high, low).ok_or_else(|| self.err("float too large"))?;
            let f = Float::new(d).ok_or_else(|| self.err("float too large"))?;
            return Ok(Value::Float(f));
        }
        if isfloat {
            let text = &self.buf[start..self.pos];
            let d = match super::float::parse_float(text) {
                Some((d, _)) => d,
                None => return Err(self.err("float too large")),
            };
            let f = Float::new(d).ok_or_else(|| self.err("float too large"))?;
            return Ok(Value::Float(f));
        }
        Ok(Value::Int(i))
    }

    fn string(&mut self) -> Result<Value, KfunError> {
        self.expect(b'"', "'\"' expected")?;
        let mut out = Vec::new();
        loop {
            let mut c = self.cur();
            if c == b'"' {
                self.pos += 1;
                break;
            }
            if c == b'\\' {
                self.pos += 1;
                c = self.cur();
                let esc = match c {
                    b'0' => Some(0),
                    b'a' => Some(7),
                    b'b' => Some(8),
                    b't' => Some(9),
                    b'n' => Some(10),
                    b'v' => Some(11),
                    b'f' => Some(12),
                    b'r' => Some(13),
                    _ => None,
                };
                if let Some(e) = esc {
                    out.push(e);
                    self.pos += 1;
                    continue;
                }
            }
            if self.pos >= self.buf.len() || c == b'\n' {
                return Err(self.err("unterminated string"));
            }
            out.push(c);
            self.pos += 1;
        }
        if out.len() > super::MAX_STRLEN {
            return Err(KfunError::StringTooLong);
        }
        Ok(Value::String(LStr::new(out)))
    }

    fn size(&mut self) -> Result<usize, KfunError> {
        let n = self.int()?;
        self.expect(b'|', "'|' expected")?;
        if n < 0 {
            return Err(self.err("digit expected"));
        }
        let n = n as usize;
        if n > self.max_array {
            return Err(KfunError::ArrayTooLarge);
        }
        Ok(n)
    }

    /// One value. Iterative (a stack of the arrays and mappings being
    /// filled, not recursion), so any nesting a save file holds is restored
    /// without overflowing the Rust stack, as DGD restores it.
    fn value(&mut self) -> Result<Value, KfunError> {
        enum Open {
            Arr(crate::value::ArrayRef, usize, usize),
            Map(MappingRef, usize, usize, Option<Value>),
        }
        let mut stack: Vec<Open> = Vec::new();
        loop {
            let mut done = match self.cur() {
                b'"' => Some(self.string()?),
                b'(' if self.at(self.pos + 1) == b'{' => {
                    self.pos += 2;
                    let n = self.size()?;
                    let arr = crate::value::ArrayRef::new(vec![Value::Nil; n]);
                    self.arrays.push(Value::Array(arr.clone()));
                    if n == 0 {
                        self.close(b'}', "'})' expected")?;
                        Some(Value::Array(arr))
                    } else {
                        stack.push(Open::Arr(arr, n, 0));
                        None
                    }
                }
                b'(' => {
                    if self.at(self.pos + 1) != b'[' {
                        return Err(self.err("'([' expected"));
                    }
                    self.pos += 2;
                    let n = self.size()?;
                    let map = MappingRef::new(Mapping::new());
                    self.arrays.push(Value::Mapping(map.clone()));
                    if n == 0 {
                        self.close(b']', "'])' expected")?;
                        Some(Value::Mapping(map))
                    } else {
                        stack.push(Open::Map(map, n, 0, None));
                        None
                    }
                }
                b'n' => {
                    if self.at(self.pos + 1) != b'i' || self.at(self.pos + 2) != b'l' {
                        return Err(self.err("nil expected"));
                    }
                    self.pos += 3;
                    Some(Value::Nil)
                }
                c @ (b'#' | b'@') => {
                    self.pos += 1;
                    let (what, want_array) = if c == b'#' {
                        ("bad array reference", true)
                    } else {
                        ("bad mapping reference", false)
                    };
                    let n = self.int()?;
                    let v = usize::try_from(n)
                        .ok()
                        .and_then(|n| self.arrays.get(n))
                        .cloned()
                        .ok_or_else(|| self.err(what))?;
                    match (&v, want_array) {
                        (Value::Array(_), true) | (Value::Mapping(_), false) => Some(v),
                        _ => return Err(self.err(what)),
                    }
                }
                _ => Some(self.number()?),
            };
            // hand each finished value to the array or mapping being filled
            while let Some(v) = done.take() {
                match stack.last_mut() {
                    None => return Ok(v),
                    Some(Open::Arr(arr, n, i)) => {
                        if let Some(slot) = arr.borrow_mut().get_mut(*i) {
                            *slot = v;
                        }
                        *i += 1;
                        let full = *i == *n;
                        self.expect(b',', "',' expected")?;
                        if full {
                            self.close(b'}', "'})' expected")?;
                            if let Some(Open::Arr(arr, ..)) = stack.pop() {
                                done = Some(Value::Array(arr));
                            }
                        }
                    }
                    Some(Open::Map(map, n, i, key)) => match key.take() {
                        None => {
                            *key = Some(v);
                            self.expect(b':', "':' expected")?;
                        }
                        Some(k) => {
                            self.expect(b',', "',' expected")?;
                            map.borrow_mut().set(k, v);
                            *i += 1;
                            if *i == *n {
                                self.close(b']', "'])' expected")?;
                                if let Some(Open::Map(map, ..)) = stack.pop() {
                                    done = Some(Value::Mapping(map));
                                }
                            }
                        }
                    },
                }
            }
        }
    }

    /// The end of an array (`})`) or mapping (`])`).
    fn close(&mut self, c: u8, msg: &str) -> Result<(), KfunError> {
        if self.cur() != c || self.at(self.pos + 1) != b')' {
            return Err(self.err(msg));
        }
        self.pos += 2;
        Ok(())
    }

    /// Skip to after the next newline.
    fn skip_line(&mut self) -> Result<(), KfunError> {
        match self.buf[self.pos..].iter().position(|&c| c == b'\n') {
            Some(i) => {
                self.pos += i + 1;
                self.line += 1;
                Ok(())
            }
            None => Err(self.err("'\\n' expected")),
        }
    }
}

/// Does a restored value fit the variable's declared type? (as DGD checks
/// with typechecking on: mixed takes anything, nil fits reference types, an
/// array fits any array type)
fn type_fits(ty: TypeSpec, v: &Value) -> bool {
    if i32::from(ty.base) == T_MIXED && ty.depth == 0 {
        return true;
    }
    if ty.depth > 0 {
        return matches!(v, Value::Array(_) | Value::Nil);
    }
    match v {
        Value::Nil => !matches!(
            i32::from(ty.base),
            crate::value::T_INT | crate::value::T_FLOAT
        ),
        _ => ty.accepts(v),
    }
}

/// Parse a save file for an object with variables `vars` (all of them, in
/// order). Each line's name is looked up from the variable after the last
/// one restored, wrapping around (so repeated names from different
/// programs restore in order); a name that matches no restorable variable
/// is skipped. `file` is the resolved path, for error messages.
pub fn decode_restore(
    text: &[u8],
    vars: &[RestoreVar<'_>],
    file: &str,
    max_array: usize,
) -> Restore {
    let mut d = Decoder {
        buf: text,
        pos: 0,
        line: 1,
        file,
        arrays: Vec::new(),
        max_array,
    };
    let mut out = Restore::default();
    let mut cursor = 0usize;
    loop {
        while d.cur() == b'#' {
            if let Err(e) = d.skip_line() {
                out.error = Some(e);
                return out;
            }
        }
        if d.pos >= text.len() {
            return out;
        }
        // the variable name
        let start = d.pos;
        let c = d.cur();
        if !(c.is_ascii_alphabetic() || c == b'_') {
            out.error = Some(d.err("alphanumeric expected"));
            return out;
        }
        while d.cur().is_ascii_alphanumeric() || d.cur() == b'_' {
            d.pos += 1;
        }
        if d.cur() != b' ' {
            out.error = Some(d.err("' ' expected"));
            return out;
        }
        let name = &text[start..d.pos];
        d.pos += 1;
        let n = vars.len();
        let found = (0..n)
            .map(|i| (cursor + i) % n)
            .find(|&i| vars[i].restorable && vars[i].name == name);
        match found {
            None => {
                if let Err(e) = d.skip_line() {
                    out.error = Some(e);
                    return out;
                }
            }
            Some(i) => {
                let v = match d.value() {
                    Ok(v) => v,
                    Err(e) => {
                        out.error = Some(e);
                        return out;
                    }
                };
                if !type_fits(vars[i].ty, &v) {
                    out.error = Some(d.err("value has wrong type"));
                    return out;
                }
                out.assignments.push((i, v));
                if d.cur() != b'\n' {
                    out.error = Some(d.err("'\\n' expected"));
                    return out;
                }
                d.pos += 1;
                d.line += 1;
                cursor = i + 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{ArrayRef, ObjRef, T_FLOAT, T_INT, T_STRING};

    fn f(x: f64) -> Value {
        Value::Float(Float::new(x).unwrap())
    }

    #[test]
    fn float_words_as_dgd() {
        assert_eq!(float_words(0.5), (0x3fe0, 0));
        assert_eq!(float_words(1.0), (0x3ff0, 0));
        assert_eq!(float_words(-2.0), (0xc000, 0));
        for d in [0.5, 1.0, -2.0, 1e20, 1.0 / 3.0, -1.5e-7, 123456.789] {
            let d = Float::new(d).unwrap().get();
            let (h, l) = float_words(d);
            assert_eq!(float_from_words(h, l), Some(d));
        }
    }

    #[test]
    fn encodes_like_dgd() {
        let shared = Value::array(vec![Value::Int(1)]);
        let mut m = Mapping::new();
        m.set(Value::str("a"), shared.clone());
        m.set(Value::Int(2), Value::Object(ObjRef { index: 1, count: 1 }));
        let m = Value::mapping(m);
        let obj = Value::Object(ObjRef { index: 3, count: 1 });
        let vars: Vec<(&[u8], Value)> = vec![
            (b"i", Value::Int(-5)),
            (b"zero", Value::Int(0)),
            (b"fl", f(0.5)),
            (b"fz", f(0.0)),
            (b"s", Value::str("a\"b\\c\n\0")),
            (b"e", Value::str("")),
            (b"n", Value::Nil),
            (b"o", obj.clone()),
            (
                b"arr",
                Value::array(vec![shared.clone(), shared.clone(), obj, Value::Nil]),
            ),
            (b"map", m.clone()),
            (b"map2", m),
        ];
        let text = encode_save(vars.iter().map(|(n, v)| (*n, v)));
        assert_eq!(
            String::from_utf8(text).unwrap(),
            "i -5\n\
             fl 0.5=3fe000000000\n\
             s \"a\\\"b\\\\c\\n\\0\"\n\
             e \"\"\n\
             arr ({4|({1|1,}),#1,nil,nil,})\n\
             map ([1|\"a\":#1,])\n\
             map2 @2\n"
        );
    }

    #[test]
    fn floats_and_cycles_as_dgd() {
        // observed on DGD 1.7
        let cyc = ArrayRef::new(vec![Value::Nil]);
        cyc.borrow_mut()[0] = Value::Array(cyc.clone());
        let vars: Vec<(&[u8], Value)> = vec![
            (b"third", f(1.0 / 3.0)),
            (b"big", f(1e20)),
            (b"neg", f(-1.5e-7)),
            (b"cyc", Value::Array(cyc.clone())),
        ];
        let text = encode_save(vars.iter().map(|(n, v)| (*n, v)));
        assert_eq!(
            String::from_utf8(text).unwrap(),
            "third 0.333333333=3fd555555555\n\
             big 1e+20=4415af1d78b6\n\
             neg -0.00000015=be8421f5f40e\n\
             cyc ({1|#0,})\n"
        );
        // break the cycle so the test does not leak
        cyc.borrow_mut()[0] = Value::Nil;
    }

    fn var(name: &'static str, base: i32, depth: u8) -> RestoreVar<'static> {
        RestoreVar {
            name: name.as_bytes(),
            ty: TypeSpec::new(base, depth),
            restorable: true,
        }
    }

    #[test]
    fn roundtrip_shares_arrays() {
        let shared = ArrayRef::new(vec![Value::str("x")]);
        let a = Value::array(vec![Value::Array(shared.clone()), Value::Array(shared)]);
        let vars: Vec<(&[u8], Value)> = vec![(b"a", a), (b"f", f(-1.5e-7))];
        let text = encode_save(vars.iter().map(|(n, v)| (*n, v)));
        let rv = [var("a", T_MIXED, 0), var("f", T_FLOAT, 0)];
        let r = decode_restore(&text, &rv, "x.o", 1000);
        assert!(r.error.is_none(), "{:?}", r.error);
        assert_eq!(r.assignments.len(), 2);
        let Value::Array(outer) = &r.assignments[0].1 else {
            panic!("array expected")
        };
        let o = outer.borrow();
        match (&o[0], &o[1]) {
            (Value::Array(x), Value::Array(y)) => assert!(ArrayRef::ptr_eq(x, y)),
            _ => panic!("arrays expected"),
        }
        assert_eq!(r.assignments[1], (1, f(-1.5e-7)));
    }

    #[test]
    fn restore_rules() {
        let vars = [
            var("a", T_INT, 0),
            var("b", T_STRING, 0),
            RestoreVar {
                name: b"s",
                ty: TypeSpec::new(T_INT, 0),
                restorable: false,
            },
            var("a", T_INT, 0),
        ];
        let text = b"# comment\na 1\nunknown ({1|2,})\ns 5\na 2\nb nil\n";
        let r = decode_restore(text, &vars, "f", 1000);
        assert!(r.error.is_none(), "{:?}", r.error);
        assert_eq!(
            r.assignments,
            vec![(0, Value::Int(1)), (3, Value::Int(2)), (1, Value::Nil)]
        );

        let r = decode_restore(b"a \"x\"\n", &vars, "f", 1000);
        assert_eq!(
            r.error.unwrap().to_string(),
            "Format error in \"/f\", line 1: value has wrong type"
        );
        let r = decode_restore(b"a 1\nb \"x", &vars, "f", 1000);
        assert_eq!(r.assignments, vec![(0, Value::Int(1))]);
        assert_eq!(
            r.error.unwrap().to_string(),
            "Format error in \"/f\", line 2: unterminated string"
        );
        let r = decode_restore(b"a 1", &vars, "f", 1000);
        assert_eq!(
            r.error.unwrap().to_string(),
            "Format error in \"/f\", line 1: '\\n' expected"
        );
        let r = decode_restore(b"1a 1\n", &vars, "f", 1000);
        assert!(r
            .error
            .unwrap()
            .to_string()
            .ends_with("alphanumeric expected"));
        let r = decode_restore(b"b #0\n", &vars, "f", 1000);
        assert!(r
            .error
            .unwrap()
            .to_string()
            .ends_with("bad array reference"));
        let deep = format!("a {}\n", "({1|".repeat(10_000));
        let r = decode_restore(deep.as_bytes(), &[var("a", T_MIXED, 0)], "f", 1000);
        assert!(r.error.is_some());
        let r = decode_restore(b"a ({5|1,2,3,4,5,})\n", &[var("a", T_MIXED, 0)], "f", 3);
        assert_eq!(r.error, Some(KfunError::ArrayTooLarge));
        // float without hex, and with hex taking precedence
        let r = decode_restore(
            b"a 2.5\nb 1.0=3fe000000000\n",
            &[var("a", T_FLOAT, 0), var("b", T_FLOAT, 0)],
            "f",
            9,
        );
        assert_eq!(r.assignments, vec![(0, f(2.5)), (1, f(0.5))]);
        // an array fits any array type
        let r = decode_restore(b"a ({1|\"x\",})\n", &[var("a", T_INT, 1)], "f", 9);
        assert!(r.error.is_none());
    }
}
