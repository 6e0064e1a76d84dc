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
pub const DS_VERSION: u16 = 2;

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
    /// One value, with every array, mapping and LWO it holds. Iterative (a
    /// work list in pre-order, as a recursive walk would write them), so any
    /// nesting encodes without overflowing the Rust stack.
    fn value(&mut self, v: &Value) {
        let mut work = vec![v.clone()];
        while let Some(v) = work.pop() {
            match &v {
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
                        continue;
                    }
                    self.u8(T_ARR_);
                    let items = a.borrow();
                    self.u32(items.len() as u32);
                    work.extend(items.iter().rev().cloned());
                }
                Value::Mapping(m) => {
                    if self.shared(m.addr()) {
                        continue;
                    }
                    self.u8(T_MAP_);
                    let mm = m.borrow();
                    self.u32(mm.len() as u32);
                    let pairs: Vec<(Value, Value)> =
                        mm.iter().map(|(k, x)| (k.clone(), x.clone())).collect();
                    for (k, x) in pairs.into_iter().rev() {
                        work.push(x);
                        work.push(k);
                    }
                }
                Value::Lwo(l) => {
                    if self.shared(l.addr()) {
                        continue;
                    }
                    self.u8(T_LWO_);
                    let d = l.data();
                    self.u32(d.master.index);
                    self.u32(d.master.count);
                    self.u32(d.prog);
                    self.u32(d.vars.len() as u32);
                    work.extend(d.vars.iter().rev().cloned());
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
        e.u64(c.due_bits());
        e.out.push(u8::from(c.summand));
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
    /// One value. Iterative (a stack of the containers being filled, not
    /// recursion), so any nesting decodes without overflowing the Rust stack.
    fn value(&mut self) -> Result<Value, DecodeError> {
        enum Open {
            Arr(ArrayRef, Vec<Value>, usize),
            Map(MappingRef, usize, Option<Value>),
            Lwo(LwoRef, Vec<Value>, usize),
        }
        let mut stack: Vec<Open> = Vec::new();
        loop {
            let at = self.at;
            let tag = self.u8()?;
            let mut done = match tag {
                T_NIL_ => Some(Value::Nil),
                T_INT_ => Some(Value::Int(self.u32()? as i32)),
                T_FLOAT_ => Some(Value::Float(
                    Float::from_bits(self.u64()?).ok_or(DecodeError::BadFloat(at))?,
                )),
                T_STR_ => Some(Value::String(LStr::new(self.bytes()?))),
                T_OBJ_ => Some(Value::Object(ObjRef {
                    index: self.u32()?,
                    count: self.u32()?,
                })),
                T_ARR_ => {
                    let n = self.count()?;
                    let a = ArrayRef::new(Vec::new());
                    self.refs.push(Value::Array(a.clone()));
                    if n == 0 {
                        Some(Value::Array(a))
                    } else {
                        stack.push(Open::Arr(a, Vec::with_capacity(n), n));
                        None
                    }
                }
                T_MAP_ => {
                    let n = self.count()?;
                    let m = MappingRef::new(Mapping::new());
                    self.refs.push(Value::Mapping(m.clone()));
                    if n == 0 {
                        Some(Value::Mapping(m))
                    } else {
                        stack.push(Open::Map(m, n, None));
                        None
                    }
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
                    if n == 0 {
                        Some(Value::Lwo(l))
                    } else {
                        stack.push(Open::Lwo(l, Vec::with_capacity(n), n));
                        None
                    }
                }
                T_REF_ => {
                    let id = self.u32()?;
                    Some(
                        self.refs
                            .get(id as usize)
                            .cloned()
                            .ok_or(DecodeError::BadRef { id, at })?,
                    )
                }
                _ => return Err(DecodeError::BadTag { tag, at }),
            };
            // hand each finished value to the container being filled
            while let Some(v) = done.take() {
                match stack.last_mut() {
                    None => return Ok(v),
                    Some(Open::Arr(_, items, n)) | Some(Open::Lwo(_, items, n)) => {
                        items.push(v);
                        if items.len() == *n {
                            done = match stack.pop() {
                                Some(Open::Arr(a, items, _)) => {
                                    *a.borrow_mut() = items;
                                    Some(Value::Array(a))
                                }
                                Some(Open::Lwo(l, items, _)) => {
                                    l.data_mut().vars = items;
                                    Some(Value::Lwo(l))
                                }
                                _ => None,
                            };
                        }
                    }
                    Some(Open::Map(m, n, key)) => match key.take() {
                        None => *key = Some(v),
                        Some(k) => {
                            m.borrow_mut().map.insert(k, v);
                            *n -= 1;
                            if *n == 0 {
                                if let Some(Open::Map(m, ..)) = stack.pop() {
                                    done = Some(Value::Mapping(m));
                                }
                            }
                        }
                    },
                }
            }
        }
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
    // version 1 had no call_out flags byte (no summand call_outs)
    if ver != DS_VERSION && ver != 1 {
        return Err(DecodeError::Version(ver));
    }
    let n = d.count()?;
    let mut vars = Vec::with_capacity(n);
    for _ in 0..n {
        vars.push(d.value()?);
    }
    let nc = d.count()?;
    let mut callouts = BTreeMap::new();
    for _ in 0..nc {
        let h = d.u32()?;
        let func = LStr::new(d.bytes()?);
        let (due, millis) = CallOut::from_due_bits(d.u64()?);
        let summand = if ver >= 2 { d.u8()? & 1 != 0 } else { false };
        let na = d.count()?;
        let mut args = Vec::with_capacity(na);
        for _ in 0..na {
            args.push(d.value()?);
        }
        callouts.insert(
            h,
            CallOut {
                func,
                due,
                args,
                summand,
                millis,
            },
        );
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

    /// Arrays and mappings nested 200,000 deep (LPC builds them in a loop)
    /// encode, decode and drop without overflowing the stack.
    #[test]
    fn deep_nesting_roundtrips() {
        let mut v = Value::Int(7);
        for i in 0..200_000 {
            v = if i % 2 == 0 {
                Value::array(vec![v])
            } else {
                Value::Mapping(MappingRef::from_map(BTreeMap::from([(Value::Int(1), v)])))
            };
        }
        let ds = Dataspace {
            vars: vec![v],
            callouts: BTreeMap::new(),
        };
        let bytes = encode_dataspace(&ds);
        let d = decode_dataspace(&bytes).unwrap();
        assert_eq!(encode_dataspace(&d), bytes);
        let mut cur = d.vars[0].clone();
        let mut depth = 0;
        loop {
            let next = match &cur {
                Value::Array(a) => a.borrow()[0].clone(),
                Value::Mapping(m) => m.borrow().get(&Value::Int(1)).cloned().unwrap(),
                _ => break,
            };
            cur = next;
            depth += 1;
        }
        assert_eq!((depth, cur), (200_000, Value::Int(7)));
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

// ====================================================================== programs

/// Format magic and version of program blobs.
pub const PROG_MAGIC: &[u8; 4] = b"LPPG";
pub const PROG_VERSION: u16 = 1;

/// Blob-store key of a program: bit 63 set, program id in the low 32 bits.
pub fn program_key(id: u32) -> u64 {
    (1u64 << 63) | id as u64
}

use crate::program::{
    Ancestor, CallTarget, FnMods, FuncRef, Function, Link, Op, Program, SwitchTable, VarDef,
};
use std::rc::Rc;

impl Enc {
    fn str(&mut self, s: &[u8]) {
        self.bytes(s);
    }
    fn ty(&mut self, t: TypeSpec) {
        self.u8(t.base);
        self.u8(t.depth);
    }
}

impl Dec<'_> {
    fn lstr(&mut self) -> Result<LStr, DecodeError> {
        Ok(LStr::new(self.bytes()?))
    }
    fn ty(&mut self) -> Result<TypeSpec, DecodeError> {
        Ok(TypeSpec {
            base: self.u8()?,
            depth: self.u8()?,
        })
    }
    fn u16v(&mut self) -> Result<u16, DecodeError> {
        self.u16()
    }
}

/// Errors decoding a program beyond the value-level ones.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ProgramError {
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error("program blob: bad magic")]
    BadMagic,
    #[error("program blob: unsupported version {0}")]
    Version(u16),
    #[error("program blob: inherited program {0} is not loaded")]
    MissingAncestor(u32),
    #[error("program blob: kfun {0} does not exist in this driver")]
    UnknownKfun(String),
    #[error("program blob: invalid instruction in function {func} at {pc}")]
    BadCode { func: String, pc: usize },
}

/// Encodes a program. Kfun calls are stored by kfun name.
pub fn encode_program(p: &Program, kfuns: &KfunRegistry) -> Vec<u8> {
    let mut e = Enc {
        out: Vec::new(),
        seen: HashMap::new(),
        next: 0,
    };
    e.out.extend_from_slice(PROG_MAGIC);
    e.u16(PROG_VERSION);
    e.str(&p.name);
    e.u32(p.id);
    e.u64(p.ctime as u64);
    e.u8(p.is_auto as u8);
    e.u32(p.ancestors.len() as u32);
    for a in &p.ancestors {
        e.u32(a.prog.id);
        e.u32(a.var_offset);
        e.u8(a.private as u8);
    }
    e.u32(p.inherits.len() as u32);
    for (l, a, pr) in &p.inherits {
        match l {
            Some(l) => {
                e.u8(1);
                e.str(l);
            }
            None => e.u8(0),
        }
        e.u16(*a);
        e.u8(*pr as u8);
    }
    e.u32(p.vars.len() as u32);
    for v in &p.vars {
        e.str(&v.name);
        e.ty(v.ty);
        e.u8(v.private as u8 | (v.static_ as u8) << 1);
    }
    e.u32(p.consts.len() as u32);
    for c in &p.consts {
        e.value(c);
    }
    e.u32(p.call_slots.len() as u32);
    for s in &p.call_slots {
        e.str(s);
    }
    // kfun names by index used in code
    let mut kf: Vec<u16> = Vec::new();
    for f in &p.funcs {
        for op in f.code.iter() {
            if let Op::Kfun(k, _) = op {
                if !kf.contains(k) {
                    kf.push(*k);
                }
            }
        }
        for l in &p.links {
            for t in &l.call_map {
                if let CallTarget::Kfun(k) = t {
                    if !kf.contains(k) {
                        kf.push(*k);
                    }
                }
            }
        }
    }
    kf.sort_unstable();
    e.u32(kf.len() as u32);
    for k in &kf {
        e.u16(*k);
        let name = kfuns.get(*k).map(|x| x.proto.name).unwrap_or("");
        e.str(name.as_bytes());
    }
    e.u32(p.funcs.len() as u32);
    for f in &p.funcs {
        e.str(&f.name);
        let m = f.mods;
        e.u8(m.private as u8
            | (m.static_ as u8) << 1
            | (m.nomask as u8) << 2
            | (m.atomic as u8) << 3
            | (m.varargs as u8) << 4);
        e.ty(f.ret);
        e.u32(f.params.len() as u32);
        for t in &f.params {
            e.ty(*t);
        }
        e.u16(f.min_args);
        e.u8(f.ellipsis as u8 | (f.defined as u8) << 1 | (f.check_args as u8) << 2);
        e.u16(f.nlocals);
        e.u32(f.code.len() as u32);
        for op in f.code.iter() {
            let (tag, parts) = crate::opcode::op_parts(op);
            e.u8(tag);
            for x in parts {
                e.u32(x);
            }
        }
        e.u32(f.lines.len() as u32);
        for (pc, line) in &f.lines {
            e.u32(*pc);
            e.u32(*line);
        }
        e.u32(f.switches.len() as u32);
        for s in &f.switches {
            match s {
                SwitchTable::Int(r, d) => {
                    e.u8(0);
                    e.u32(*d);
                    e.u32(r.len() as u32);
                    for (a, b, t) in r {
                        e.u32(*a as u32);
                        e.u32(*b as u32);
                        e.u32(*t);
                    }
                }
                SwitchTable::Str(m, d) => {
                    e.u8(1);
                    e.u32(*d);
                    let mut ent: Vec<(&Option<LStr>, &u32)> = m.iter().collect();
                    ent.sort();
                    e.u32(ent.len() as u32);
                    for (k, t) in ent {
                        match k {
                            Some(s) => {
                                e.u8(1);
                                e.str(s);
                            }
                            None => e.u8(0),
                        }
                        e.u32(*t);
                    }
                }
            }
        }
    }
    let mut ft: Vec<(&LStr, &FuncRef)> = p.ftable.iter().collect();
    ft.sort_by(|a, b| a.0.cmp(b.0));
    e.u32(ft.len() as u32);
    for (n, fr) in ft {
        e.str(n);
        e.u16(fr.anc);
        e.u16(fr.func);
    }
    e.u32(p.nvars);
    e.u32(p.layout.len() as u32);
    for (a, v) in &p.layout {
        e.u16(*a);
        e.u16(*v);
    }
    e.u32(p.links.len() as u32);
    for l in &p.links {
        e.u32(l.var_map.len() as u32);
        for x in &l.var_map {
            e.u32(*x);
        }
        e.u32(l.call_map.len() as u32);
        for t in &l.call_map {
            match t {
                CallTarget::Func(fr) => {
                    e.u8(0);
                    e.u16(fr.anc);
                    e.u16(fr.func);
                }
                CallTarget::Undefined => e.u8(1),
                CallTarget::Kfun(k) => {
                    e.u8(2);
                    e.u16(*k);
                }
            }
        }
        e.u32(l.anc_map.len() as u32);
        for x in &l.anc_map {
            e.u16(*x);
        }
    }
    e.u32(p.files.len() as u32);
    for f in &p.files {
        e.str(f);
    }
    let sum = xxhash_rust::xxh3::xxh3_64(&e.out);
    e.u64(sum);
    e.out
}

fn checked_body(b: &[u8]) -> Result<&[u8], DecodeError> {
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
    Ok(body)
}

/// Decodes a program; `ancestor(id)` supplies already decoded inherited programs.
pub fn decode_program(
    b: &[u8],
    kfuns: &KfunRegistry,
    ancestor: &dyn Fn(u32) -> Option<Rc<Program>>,
) -> Result<Program, ProgramError> {
    let body = checked_body(b)?;
    if &body[..4] != PROG_MAGIC {
        return Err(ProgramError::BadMagic);
    }
    let mut d = Dec {
        b: body,
        at: 4,
        refs: Vec::new(),
    };
    let ver = d.u16()?;
    if ver != PROG_VERSION {
        return Err(ProgramError::Version(ver));
    }
    let name = d.lstr()?;
    let id = d.u32()?;
    let ctime = d.u64()? as i64;
    let is_auto = d.u8()? != 0;
    let n = d.count()?;
    let mut ancestors = Vec::with_capacity(n);
    for _ in 0..n {
        let aid = d.u32()?;
        let var_offset = d.u32()?;
        let private = d.u8()? != 0;
        let prog = ancestor(aid).ok_or(ProgramError::MissingAncestor(aid))?;
        ancestors.push(Ancestor {
            prog,
            var_offset,
            private,
        });
    }
    let n = d.count()?;
    let mut inherits = Vec::with_capacity(n);
    for _ in 0..n {
        let l = if d.u8()? != 0 { Some(d.lstr()?) } else { None };
        let a = d.u16v()?;
        let pr = d.u8()? != 0;
        inherits.push((l, a, pr));
    }
    let n = d.count()?;
    let mut vars = Vec::with_capacity(n);
    for _ in 0..n {
        let name = d.lstr()?;
        let ty = d.ty()?;
        let fl = d.u8()?;
        vars.push(VarDef {
            name,
            ty,
            private: fl & 1 != 0,
            static_: fl & 2 != 0,
        });
    }
    let n = d.count()?;
    let mut consts = Vec::with_capacity(n);
    for _ in 0..n {
        consts.push(d.value()?);
    }
    let n = d.count()?;
    let mut call_slots = Vec::with_capacity(n);
    for _ in 0..n {
        call_slots.push(d.lstr()?);
    }
    let n = d.count()?;
    let mut kmap: HashMap<u16, u16> = HashMap::new();
    let mut kfun_names = Vec::new();
    for _ in 0..n {
        let old = d.u16v()?;
        let nm = d.lstr()?;
        let new = kfuns
            .lookup(&nm.to_str_lossy())
            .map(|(i, _)| i)
            .ok_or_else(|| ProgramError::UnknownKfun(nm.to_string()))?;
        kmap.insert(old, new);
        kfun_names.push(nm);
    }
    let n = d.count()?;
    let mut funcs = Vec::with_capacity(n);
    for _ in 0..n {
        let fname = d.lstr()?;
        let m = d.u8()?;
        let mods = FnMods {
            private: m & 1 != 0,
            static_: m & 2 != 0,
            nomask: m & 4 != 0,
            atomic: m & 8 != 0,
            varargs: m & 16 != 0,
        };
        let ret = d.ty()?;
        let np = d.count()?;
        let mut params = Vec::with_capacity(np);
        for _ in 0..np {
            params.push(d.ty()?);
        }
        let min_args = d.u16v()?;
        let fl = d.u8()?;
        let nlocals = d.u16v()?;
        let nc = d.count()?;
        let mut code = Vec::with_capacity(nc);
        for pc in 0..nc {
            let tag = d.u8()?;
            let mut fail = None;
            let op = crate::opcode::op_from_parts(tag, || match d.u32() {
                Ok(x) => Some(x),
                Err(e) => {
                    fail = Some(e);
                    None
                }
            });
            if let Some(e) = fail {
                return Err(e.into());
            }
            let mut op = op.ok_or_else(|| ProgramError::BadCode {
                func: fname.to_string(),
                pc,
            })?;
            // validate what the interpreter indexes directly, remap kfuns
            match &mut op {
                Op::Local(s)
                | Op::StoreLocal(s)
                | Op::SetLocal(s)
                | Op::StoreLocalUnder(s)
                | Op::IncLocal(s, _)
                | Op::IncDecLocal(s, _, _)
                | Op::AddLocal(s)
                | Op::LocalInt(s, _)
                    if *s >= nlocals =>
                {
                    return Err(ProgramError::BadCode {
                        func: fname.to_string(),
                        pc,
                    })
                }
                Op::AddLocalLocal(a, b) if *a >= nlocals || *b >= nlocals => {
                    return Err(ProgramError::BadCode {
                        func: fname.to_string(),
                        pc,
                    })
                }
                Op::Kfun(k, _) => {
                    *k = *kmap.get(k).ok_or_else(|| ProgramError::BadCode {
                        func: fname.to_string(),
                        pc,
                    })?;
                }
                _ => {}
            }
            code.push(op);
        }
        let nl = d.count()?;
        let mut lines = Vec::with_capacity(nl);
        for _ in 0..nl {
            lines.push((d.u32()?, d.u32()?));
        }
        let ns = d.count()?;
        let mut switches = Vec::with_capacity(ns);
        for _ in 0..ns {
            let kind = d.u8()?;
            let def = d.u32()?;
            let m = d.count()?;
            if kind == 0 {
                let mut r = Vec::with_capacity(m);
                for _ in 0..m {
                    r.push((d.u32()? as i32, d.u32()? as i32, d.u32()?));
                }
                switches.push(SwitchTable::Int(r, def));
            } else {
                let mut mm = HashMap::new();
                for _ in 0..m {
                    let k = if d.u8()? != 0 { Some(d.lstr()?) } else { None };
                    mm.insert(k, d.u32()?);
                }
                switches.push(SwitchTable::Str(mm, def));
            }
        }
        funcs.push(Function {
            name: fname,
            mods,
            ret,
            params,
            min_args,
            ellipsis: fl & 1 != 0,
            nlocals: nlocals.max(np as u16),
            local_types: Vec::new(),
            defined: fl & 2 != 0,
            code: Rc::from(code),
            lines,
            switches,
            check_args: fl & 4 != 0,
        });
    }
    let n = d.count()?;
    let mut ftable = HashMap::new();
    for _ in 0..n {
        let nm = d.lstr()?;
        let anc = d.u16v()?;
        let func = d.u16v()?;
        ftable.insert(nm, FuncRef { anc, func });
    }
    let nvars = d.u32()?;
    let n = d.count()?;
    let mut layout = Vec::with_capacity(n);
    for _ in 0..n {
        layout.push((d.u16v()?, d.u16v()?));
    }
    let n = d.count()?;
    let mut links = Vec::with_capacity(n);
    for _ in 0..n {
        let m = d.count()?;
        let mut var_map = Vec::with_capacity(m);
        for _ in 0..m {
            var_map.push(d.u32()?);
        }
        let m = d.count()?;
        let mut call_map = Vec::with_capacity(m);
        for _ in 0..m {
            call_map.push(match d.u8()? {
                0 => CallTarget::Func(FuncRef {
                    anc: d.u16v()?,
                    func: d.u16v()?,
                }),
                2 => {
                    let k = d.u16v()?;
                    match kmap.get(&k) {
                        Some(nk) => CallTarget::Kfun(*nk),
                        None => CallTarget::Undefined,
                    }
                }
                _ => CallTarget::Undefined,
            });
        }
        let m = d.count()?;
        let mut anc_map = Vec::with_capacity(m);
        for _ in 0..m {
            anc_map.push(d.u16v()?);
        }
        links.push(Link {
            var_map,
            call_map,
            anc_map,
        });
    }
    let n = d.count()?;
    let mut files = Vec::with_capacity(n);
    for _ in 0..n {
        files.push(d.lstr()?);
    }
    if d.at != body.len() {
        return Err(DecodeError::Truncated(d.at).into());
    }
    if nvars as usize != layout.len() {
        return Err(DecodeError::Truncated(d.at).into());
    }
    Ok(Program {
        name,
        id,
        ancestors,
        inherits,
        vars,
        funcs,
        consts,
        call_slots,
        ftable,
        nvars,
        links,
        layout,
        kfun_names,
        files,
        is_auto,
        ctime,
    })
}
