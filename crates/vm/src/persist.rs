//! Persistence encodings owned by the VM: object dataspaces (see docs/format.md §3).
//!
//! A dataspace blob is self-contained: arrays, mappings and LWOs reachable from the
//! object's variables and call_out arguments are encoded inline; sharing inside the
//! object is kept with back-references; other objects appear as handles (slot index
//! and creation count). The encoding is deterministic (same value graph, same bytes).

use crate::object::CallOut;
use crate::value::*;
use std::collections::{BTreeMap, HashMap};

/// Format magic and version of dataspace blobs.
pub const DS_MAGIC: &[u8; 4] = b"LPDS";
pub const DS_VERSION: u16 = 1;

/// Blob-store key of an object's dataspace: bit 63 clear, slot index in bits 32..62,
/// creation count in bits 0..31.
pub fn dataspace_key(index: u32, count: u32) -> u64 {
    ((index as u64 & 0x7fff_ffff) << 32) | count as u64
}

/// An object's dataspace as stored.
#[derive(Debug, Default)]
pub struct Dataspace {
    pub vars: Vec<Value>,
    pub callouts: BTreeMap<u32, CallOut>,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum DecodeError {
    #[error("dataspace blob too short at byte {0}")]
    Truncated(usize),
    #[error("bad magic in dataspace blob")]
    BadMagic,
    #[error("unsupported dataspace version {0}")]
    Version(u16),
    #[error("dataspace checksum mismatch (stored {stored:#x}, computed {computed:#x})")]
    Checksum { stored: u64, computed: u64 },
    #[error("bad value tag {tag} at byte {at}")]
    BadTag { tag: u8, at: usize },
    #[error("bad back-reference {id} at byte {at}")]
    BadRef { id: u32, at: usize },
    #[error("invalid float at byte {0}")]
    BadFloat(usize),
    #[error("nesting too deep at byte {0}")]
    TooDeep(usize),
}

const T_NIL_: u8 = 0;
const T_INT_: u8 = 1;
const T_FLOAT_: u8 = 2;
const T_STR_: u8 = 3;
const T_OBJ_: u8 = 4;
const T_ARR_: u8 = 5;
const T_MAP_: u8 = 6;
const T_LWO_: u8 = 7;
const T_REF_: u8 = 8;

struct Enc {
    out: Vec<u8>,
    seen: HashMap<usize, u32>,
    next: u32,
}

impl Enc {
    fn u8(&mut self, b: u8) {
        self.out.push(b);
    }
    fn u16(&mut self, v: u16) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }
    fn u32(&mut self, v: u32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }
    fn bytes(&mut self, b: &[u8]) {
        self.u32(b.len() as u32);
        self.out.extend_from_slice(b);
    }
    fn shared(&mut self, addr: usize) -> bool {
        if let Some(&id) = self.seen.get(&addr) {
            self.u8(T_REF_);
            self.u32(id);
            return true;
        }
        self.seen.insert(addr, self.next);
        self.next += 1;
        false
    }
    fn value(&mut self, v: &Value) {
        match v {
            Value::Nil => self.u8(T_NIL_),
            Value::Int(i) => {
                self.u8(T_INT_);
                self.u32(*i as u32);
            }
            Value::Float(f) => {
                self.u8(T_FLOAT_);
                self.u64(f.to_bits());
            }
            Value::String(s) => {
                self.u8(T_STR_);
                self.bytes(s);
            }
            Value::Object(o) => {
                self.u8(T_OBJ_);
                self.u32(o.index);
                self.u32(o.count);
            }
            Value::Array(a) => {
                if self.shared(a.addr()) {
                    return;
                }
                self.u8(T_ARR_);
                let items = a.borrow();
                self.u32(items.len() as u32);
                for x in items.iter() {
                    self.value(x);
                }
            }
            Value::Mapping(m) => {
                if self.shared(m.addr()) {
                    return;
                }
                self.u8(T_MAP_);
                let mm = m.borrow();
                self.u32(mm.len() as u32);
                for (k, x) in mm.iter() {
                    self.value(k);
                    self.value(x);
                }
            }
            Value::Lwo(l) => {
                if self.shared(l.addr()) {
                    return;
                }
                self.u8(T_LWO_);
                let d = l.data();
                self.u32(d.master.index);
                self.u32(d.master.count);
                self.u32(d.prog);
                self.u32(d.vars.len() as u32);
                for x in d.vars.iter() {
                    self.value(x);
                }
            }
        }
    }
}

/// Encodes a dataspace.
pub fn encode_dataspace(ds: &Dataspace) -> Vec<u8> {
    let mut e = Enc {
        out: Vec::new(),
        seen: HashMap::new(),
        next: 0,
    };
    e.out.extend_from_slice(DS_MAGIC);
    e.u16(DS_VERSION);
    e.u32(ds.vars.len() as u32);
    for v in &ds.vars {
        e.value(v);
    }
    e.u32(ds.callouts.len() as u32);
    for (h, c) in &ds.callouts {
        e.u32(*h);
        e.bytes(&c.func);
        e.u64(c.due.to_bits());
        e.u32(c.args.len() as u32);
        for a in &c.args {
            e.value(a);
        }
    }
    let sum = xxhash_rust::xxh3::xxh3_64(&e.out);
    e.u64(sum);
    e.out
}

struct Dec<'a> {
    b: &'a [u8],
    at: usize,
    refs: Vec<Value>,
}

impl Dec<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], DecodeError> {
        let end = self
            .at
            .checked_add(n)
            .ok_or(DecodeError::Truncated(self.at))?;
        let s = self
            .b
            .get(self.at..end)
            .ok_or(DecodeError::Truncated(self.at))?;
        self.at = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, DecodeError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, DecodeError> {
        let s = self.take(2)?;
        Ok(u16::from_le_bytes([s[0], s[1]]))
    }
    fn u32(&mut self) -> Result<u32, DecodeError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn u64(&mut self) -> Result<u64, DecodeError> {
        let s = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(s);
        Ok(u64::from_le_bytes(a))
    }
    fn bytes(&mut self) -> Result<Vec<u8>, DecodeError> {
        let n = self.u32()? as usize;
        Ok(self.take(n)?.to_vec())
    }
    fn count(&mut self) -> Result<usize, DecodeError> {
        let n = self.u32()? as usize;
        // every element takes at least one byte
        if n > self.b.len().saturating_sub(self.at) {
            return Err(DecodeError::Truncated(self.at));
        }
        Ok(n)
    }
    fn value(&mut self, depth: u32) -> Result<Value, DecodeError> {
        if depth > 10_000 {
            return Err(DecodeError::TooDeep(self.at));
        }
        let at = self.at;
        let tag = self.u8()?;
        Ok(match tag {
            T_NIL_ => Value::Nil,
            T_INT_ => Value::Int(self.u32()? as i32),
            T_FLOAT_ => {
                Value::Float(Float::from_bits(self.u64()?).ok_or(DecodeError::BadFloat(at))?)
            }
            T_STR_ => Value::String(LStr::new(self.bytes()?)),
            T_OBJ_ => Value::Object(ObjRef {
                index: self.u32()?,
                count: self.u32()?,
            }),
            T_ARR_ => {
                let n = self.count()?;
                let a = ArrayRef::new(Vec::new());
                self.refs.push(Value::Array(a.clone()));
                let mut v = Vec::with_capacity(n);
                for _ in 0..n {
                    v.push(self.value(depth + 1)?);
                }
                *a.borrow_mut() = v;
                Value::Array(a)
            }
            T_MAP_ => {
                let n = self.count()?;
                let m = MappingRef::new(Mapping::new());
                self.refs.push(Value::Mapping(m.clone()));
                for _ in 0..n {
                    let k = self.value(depth + 1)?;
                    let x = self.value(depth + 1)?;
                    m.borrow_mut().map.insert(k, x);
                }
                Value::Mapping(m)
            }
            T_LWO_ => {
                let master = ObjRef {
                    index: self.u32()?,
                    count: self.u32()?,
                };
                let prog = self.u32()?;
                let n = self.count()?;
                let l = LwoRef::new(LwoData {
                    master,
                    prog,
                    vars: Vec::new(),
                });
                self.refs.push(Value::Lwo(l.clone()));
                let mut vars = Vec::with_capacity(n);
                for _ in 0..n {
                    vars.push(self.value(depth + 1)?);
                }
                l.data_mut().vars = vars;
                Value::Lwo(l)
            }
            T_REF_ => {
                let id = self.u32()?;
                self.refs
                    .get(id as usize)
                    .cloned()
                    .ok_or(DecodeError::BadRef { id, at })?
            }
            _ => return Err(DecodeError::BadTag { tag, at }),
        })
    }
}

/// Decodes a dataspace blob, checking magic, version and checksum.
pub fn decode_dataspace(b: &[u8]) -> Result<Dataspace, DecodeError> {
    if b.len() < 4 + 2 + 8 {
        return Err(DecodeError::Truncated(b.len()));
    }
    let (body, sum) = b.split_at(b.len() - 8);
    let mut sa = [0u8; 8];
    sa.copy_from_slice(sum);
    let stored = u64::from_le_bytes(sa);
    let computed = xxhash_rust::xxh3::xxh3_64(body);
    if stored != computed {
        return Err(DecodeError::Checksum { stored, computed });
    }
    if &body[..4] != DS_MAGIC {
        return Err(DecodeError::BadMagic);
    }
    let mut d = Dec {
        b: body,
        at: 4,
        refs: Vec::new(),
    };
    let ver = d.u16()?;
    if ver != DS_VERSION {
        return Err(DecodeError::Version(ver));
    }
    let n = d.count()?;
    let mut vars = Vec::with_capacity(n);
    for _ in 0..n {
        vars.push(d.value(0)?);
    }
    let nc = d.count()?;
    let mut callouts = BTreeMap::new();
    for _ in 0..nc {
        let h = d.u32()?;
        let func = LStr::new(d.bytes()?);
        let due = f64::from_bits(d.u64()?);
        let na = d.count()?;
        let mut args = Vec::with_capacity(na);
        for _ in 0..na {
            args.push(d.value(0)?);
        }
        callouts.insert(h, CallOut { func, due, args });
    }
    if d.at != body.len() {
        return Err(DecodeError::Truncated(d.at));
    }
    Ok(Dataspace { vars, callouts })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn arb_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Nil),
            any::<i32>().prop_map(Value::Int),
            (-1e30f64..1e30).prop_map(|f| Value::Float(Float::new(f).unwrap_or(Float::ZERO))),
            proptest::collection::vec(any::<u8>(), 0..20).prop_map(|b| Value::bytes(&b)),
            (any::<u32>(), any::<u32>())
                .prop_map(|(i, c)| Value::Object(ObjRef { index: i, count: c })),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::array),
                proptest::collection::vec((inner.clone(), inner), 0..8).prop_map(|kv| {
                    let mut m = Mapping::new();
                    for (k, v) in kv {
                        m.set(k, v);
                    }
                    Value::mapping(m)
                }),
            ]
        })
    }

    proptest! {
        #[test]
        fn roundtrip(vars in proptest::collection::vec(arb_value(), 0..10)) {
            let ds = Dataspace { vars, callouts: BTreeMap::new() };
            let b = encode_dataspace(&ds);
            let d = decode_dataspace(&b).unwrap();
            prop_assert_eq!(d.vars.len(), ds.vars.len());
            for (a, b) in d.vars.iter().zip(ds.vars.iter()) {
                prop_assert!(a.deep_eq(b));
            }
            // deterministic: re-encoding the decoded value gives the same bytes
            let b2 = encode_dataspace(&d);
            prop_assert_eq!(b, b2);
        }

        #[test]
        fn garbage_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = decode_dataspace(&bytes);
        }
    }

    #[test]
    fn sharing_kept() {
        let a = ArrayRef::new(vec![Value::Int(1)]);
        let ds = Dataspace {
            vars: vec![Value::Array(a.clone()), Value::Array(a)],
            callouts: BTreeMap::new(),
        };
        let d = decode_dataspace(&encode_dataspace(&ds)).unwrap();
        match (&d.vars[0], &d.vars[1]) {
            (Value::Array(x), Value::Array(y)) => assert!(ArrayRef::ptr_eq(x, y)),
            _ => panic!(),
        }
    }

    #[test]
    fn flipped_byte_detected() {
        let ds = Dataspace {
            vars: vec![Value::Int(5)],
            callouts: BTreeMap::new(),
        };
        let mut b = encode_dataspace(&ds);
        b[7] ^= 1;
        assert!(matches!(
            decode_dataspace(&b),
            Err(DecodeError::Checksum { .. })
        ));
    }
}
