//! LPC values and the kfun calling convention.
//!
//! # Values
//! [`Value`] is 16 bytes: `Nil`, `Int(i32)` (wrapping arithmetic), `Float` (DGD float, see
//! [`crate::float`]), `String` ([`LStr`], immutable bytes, cheap clone), `Object`
//! ([`ObjRef`]: slot index + creation count, never a pointer), `Lwo` (light-weight object,
//! by reference), `Array` ([`ArrayRef`]) and `Mapping` ([`MappingRef`]), both by reference
//! within a task.
//!
//! `Eq`/`Ord` on `Value` are DGD's *key order*, used by mappings and by `==`: first by
//! type (nil < int < float < string < object < array < mapping < lwo), then ints and
//! floats numerically, strings bytewise, objects by slot index (then creation count),
//! arrays/mappings/LWOs by a creation tag (i.e. identity). So `==` on arrays is
//! identity, as in LPC. For structural comparison (tests) use [`Value::deep_eq`].
//!
//! A destructed object is still stored as its old handle; everything that *reads* a
//! value for LPC code must turn a dead handle into nil. The interpreter does it; library
//! kfuns reading array elements or mapping contents use [`KfunCtx::fix`].
//!
//! # Kfun calling convention (for `crate::kfun`, owned by the KFUNLIB helper)
//! ```ignore
//! pub type KfunFn = fn(&mut dyn KfunCtx, &mut [Value]) -> Result<Value, LpcError>;
//! ```
//! * `args` are the actual arguments, already checked by the compiler/interpreter against
//!   the prototype in [`KFUN_PROTOS`] (count; types where the prototype is not `mixed`).
//!   Optional (`varargs`) arguments that were not passed are *absent* (the slice is
//!   shorter). An ellipsis parameter (`mixed args...`) receives the rest as separate
//!   slice elements. The kfun may `std::mem::take` values out of `args`.
//! * Return `Ok(value)` (`Value::Nil` for void kfuns) or `Err(LpcError::new("msg"))`; the
//!   VM turns it into an LPC runtime error with DGD's message (no trailing period; the
//!   VM adds nothing).
//! * Charge extra ticks for work proportional to input size with [`KfunCtx::charge`]
//!   (DGD charges roughly one tick per element handled); it fails with "Out of ticks".
//! * Create arrays/mappings with [`ArrayRef::new`], [`MappingRef::new`]; check sizes
//!   against [`KfunCtx::max_array_size`] ("Array too large").
//! * `sscanf` is special only at the call site: the compiler passes `(str, fmt)` and the
//!   kfun returns an array `({ count, v1, v2, ... })` of the converted values (skipped
//!   `%*` conversions count but give no value); the VM assigns `v1..` to the lvalues.
//!
//! # Registering kfuns
//! [`KfunRegistry::standard`] builds the table of every kfun prototype ([`KFUN_PROTOS`],
//! the one table the typechecker and the compiler both use), then calls
//! `crate::kfun::register_all(&mut registry)`, where each library module adds its
//! implementations with [`KfunRegistry::register`]. Kfuns that need VM internals are
//! registered by the VM itself.

#![allow(dead_code)] // parts used by the interpreter as it lands

use std::cell::{Cell, Ref, RefCell, RefMut};
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

pub use crate::float::Float;

// ---------------------------------------------------------------------------------
// Strings

/// An immutable LPC string: bytes, cheap to clone. `s += t` may append in place when the
/// string is not shared ([`LStr::append`]).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct LStr(Rc<Vec<u8>>);

/// Longest LPC string (DGD's limit).
pub const MAX_STRLEN: usize = 65535;

impl LStr {
    pub fn new(bytes: Vec<u8>) -> LStr {
        LStr(Rc::new(bytes))
    }
    pub fn from_bytes(b: &[u8]) -> LStr {
        LStr(Rc::new(b.to_vec()))
    }
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// Lossy UTF-8 view for messages and printing.
    pub fn to_str_lossy(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.0)
    }
    /// Appends, in place if this handle is the only one, else by copying.
    pub fn append(&mut self, tail: &[u8]) {
        match Rc::get_mut(&mut self.0) {
            Some(v) => v.extend_from_slice(tail),
            None => {
                // a copy made to append to is likely appended to again (`a + b + c`):
                // leave room so the next appends need no reallocation
                let need = self.0.len() + tail.len();
                let mut v = Vec::with_capacity(need + need / 2 + 16);
                v.extend_from_slice(&self.0);
                v.extend_from_slice(tail);
                self.0 = Rc::new(v);
            }
        }
    }
    pub fn ptr_eq(a: &LStr, b: &LStr) -> bool {
        Rc::ptr_eq(&a.0, &b.0)
    }
}

// Hash and Eq of LStr are those of its bytes, so maps keyed by LStr can be searched
// with a plain byte slice.
impl std::borrow::Borrow<[u8]> for LStr {
    fn borrow(&self) -> &[u8] {
        &self.0
    }
}

impl std::ops::Deref for LStr {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl From<&str> for LStr {
    fn from(s: &str) -> LStr {
        LStr::from_bytes(s.as_bytes())
    }
}
impl From<String> for LStr {
    fn from(s: String) -> LStr {
        LStr::new(s.into_bytes())
    }
}
impl From<Vec<u8>> for LStr {
    fn from(v: Vec<u8>) -> LStr {
        LStr::new(v)
    }
}
impl From<&[u8]> for LStr {
    fn from(v: &[u8]) -> LStr {
        LStr::from_bytes(v)
    }
}

impl fmt::Debug for LStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.to_str_lossy())
    }
}
impl fmt::Display for LStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_str_lossy())
    }
}

// ---------------------------------------------------------------------------------
// Objects

/// A handle on a persistent object: slot in the object table + the slot's creation
/// count when the object was made. A handle whose count no longer matches the slot is a
/// destructed object (reads as nil).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct ObjRef {
    pub index: u32,
    pub count: u32,
}

/// "No owner" marker for [`ArrayRef`]/[`MappingRef`] owner tracking.
pub const NO_OWNER: u32 = u32::MAX;

thread_local! {
    static NEXT_TAG: Cell<u64> = const { Cell::new(1) };
}

fn next_tag() -> u64 {
    NEXT_TAG.with(|t| {
        let v = t.get();
        t.set(v + 1);
        v
    })
}

/// Bookkeeping shared by arrays, mappings and LWOs: an identity tag for key order, and
/// the object whose dataspace owns it (for copying apart at the end of a task).
#[derive(Debug)]
pub struct Header {
    tag: u64,
    pub(crate) owner: Cell<u32>,
    pub(crate) mark: Cell<u32>,
}

impl Header {
    fn new() -> Header {
        Header {
            tag: next_tag(),
            owner: Cell::new(NO_OWNER),
            mark: Cell::new(0),
        }
    }
}

// ---------------------------------------------------------------------------------
// Arrays

#[derive(Debug)]
pub struct ArrayCell {
    pub(crate) hdr: Header,
    elems: RefCell<Vec<Value>>,
}

/// Dropping an array (or mapping) that holds the last reference to nested ones
/// frees the nested ones with a work list, not by recursion: an array nested
/// 100,000 deep (LPC can build one in a loop) must not overflow the Rust stack.
impl Drop for ArrayCell {
    fn drop(&mut self) {
        let elems = self.elems.get_mut();
        if elems
            .iter()
            .any(|v| matches!(v, Value::Array(_) | Value::Mapping(_)))
        {
            drop_nested(std::mem::take(elems));
        }
    }
}

impl Drop for MappingCell {
    fn drop(&mut self) {
        let map = &mut self.m.get_mut().map;
        if !map.is_empty() {
            let mut vals = Vec::new();
            for (k, v) in std::mem::take(map) {
                vals.push(k);
                vals.push(v);
            }
            drop_nested(vals);
        }
    }
}

/// Drops `work` and every array or mapping only it holds, iteratively.
fn drop_nested(mut work: Vec<Value>) {
    while let Some(v) = work.pop() {
        match v {
            Value::Array(a) => {
                if let Ok(cell) = Rc::try_unwrap(a.0) {
                    let mut cell = cell;
                    work.append(cell.elems.get_mut());
                }
            }
            Value::Mapping(m) => {
                if let Ok(cell) = Rc::try_unwrap(m.0) {
                    let mut cell = cell;
                    for (k, v) in std::mem::take(&mut cell.m.get_mut().map) {
                        work.push(k);
                        work.push(v);
                    }
                }
            }
            _ => {}
        }
    }
}

/// An LPC array, by reference. Borrow with [`ArrayRef::borrow`] / `borrow_mut`; never
/// hold a borrow across a call back into LPC.
#[derive(Clone)]
pub struct ArrayRef(Rc<ArrayCell>);

impl ArrayRef {
    pub fn new(v: Vec<Value>) -> ArrayRef {
        ArrayRef(Rc::new(ArrayCell {
            hdr: Header::new(),
            elems: RefCell::new(v),
        }))
    }
    pub fn borrow(&self) -> Ref<'_, Vec<Value>> {
        self.0.elems.borrow()
    }
    pub fn borrow_mut(&self) -> RefMut<'_, Vec<Value>> {
        self.0.elems.borrow_mut()
    }
    pub fn len(&self) -> usize {
        self.0.elems.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn ptr_eq(a: &ArrayRef, b: &ArrayRef) -> bool {
        Rc::ptr_eq(&a.0, &b.0)
    }
    pub fn tag(&self) -> u64 {
        self.0.hdr.tag
    }
    pub(crate) fn header(&self) -> &Header {
        &self.0.hdr
    }
    /// A copy of the elements (a new array).
    pub fn shallow_copy(&self) -> ArrayRef {
        ArrayRef::new(self.borrow().clone())
    }
    pub(crate) fn addr(&self) -> usize {
        Rc::as_ptr(&self.0) as usize
    }
}

impl fmt::Debug for ArrayRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.elems.try_borrow() {
            Ok(v) => f.debug_list().entries(v.iter()).finish(),
            Err(_) => write!(f, "<array {}>", self.tag()),
        }
    }
}

// ---------------------------------------------------------------------------------
// Mappings

/// The contents of a mapping: keys in DGD order. Assigning nil removes a key.
#[derive(Clone, Debug, Default)]
pub struct Mapping {
    pub map: BTreeMap<Value, Value>,
}

impl Mapping {
    pub fn new() -> Mapping {
        Mapping::default()
    }
    pub fn len(&self) -> usize {
        self.map.len()
    }
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
    pub fn get(&self, k: &Value) -> Option<&Value> {
        self.map.get(k)
    }
    /// `m[k] = v`: nil removes the entry.
    pub fn set(&mut self, k: Value, v: Value) {
        if v.is_nil() {
            self.map.remove(&k);
        } else {
            self.map.insert(k, v);
        }
    }
    pub fn remove(&mut self, k: &Value) -> Option<Value> {
        self.map.remove(k)
    }
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.map.iter()
    }
}

#[derive(Debug)]
pub struct MappingCell {
    pub(crate) hdr: Header,
    m: RefCell<Mapping>,
}

/// An LPC mapping, by reference.
#[derive(Clone)]
pub struct MappingRef(Rc<MappingCell>);

impl MappingRef {
    pub fn new(m: Mapping) -> MappingRef {
        MappingRef(Rc::new(MappingCell {
            hdr: Header::new(),
            m: RefCell::new(m),
        }))
    }
    pub fn from_map(map: BTreeMap<Value, Value>) -> MappingRef {
        MappingRef::new(Mapping { map })
    }
    pub fn borrow(&self) -> Ref<'_, Mapping> {
        self.0.m.borrow()
    }
    pub fn borrow_mut(&self) -> RefMut<'_, Mapping> {
        self.0.m.borrow_mut()
    }
    pub fn len(&self) -> usize {
        self.0.m.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn ptr_eq(a: &MappingRef, b: &MappingRef) -> bool {
        Rc::ptr_eq(&a.0, &b.0)
    }
    pub fn tag(&self) -> u64 {
        self.0.hdr.tag
    }
    pub(crate) fn header(&self) -> &Header {
        &self.0.hdr
    }
    pub fn shallow_copy(&self) -> MappingRef {
        MappingRef::new(self.borrow().clone())
    }
    pub(crate) fn addr(&self) -> usize {
        Rc::as_ptr(&self.0) as usize
    }
}

impl fmt::Debug for MappingRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.m.try_borrow() {
            Ok(m) => f.debug_map().entries(m.map.iter()).finish(),
            Err(_) => write!(f, "<mapping {}>", self.tag()),
        }
    }
}

// ---------------------------------------------------------------------------------
// Light-weight objects

/// The state of a light-weight object: the master object whose program it runs (it
/// reads as nil once the master is destructed), the program version it was made with,
/// and its variables.
#[derive(Debug)]
pub struct LwoData {
    pub master: ObjRef,
    pub(crate) prog: u32,
    pub vars: Vec<Value>,
}

#[derive(Debug)]
pub struct LwoCell {
    pub(crate) hdr: Header,
    pub(crate) d: RefCell<LwoData>,
}

/// A light-weight object, by reference (like arrays).
#[derive(Clone)]
pub struct LwoRef(pub(crate) Rc<LwoCell>);

impl LwoRef {
    pub(crate) fn new(d: LwoData) -> LwoRef {
        LwoRef(Rc::new(LwoCell {
            hdr: Header::new(),
            d: RefCell::new(d),
        }))
    }
    pub fn master(&self) -> ObjRef {
        self.0.d.borrow().master
    }
    pub fn tag(&self) -> u64 {
        self.0.hdr.tag
    }
    pub fn ptr_eq(a: &LwoRef, b: &LwoRef) -> bool {
        Rc::ptr_eq(&a.0, &b.0)
    }
    pub(crate) fn header(&self) -> &Header {
        &self.0.hdr
    }
    pub(crate) fn addr(&self) -> usize {
        Rc::as_ptr(&self.0) as usize
    }
    pub(crate) fn data(&self) -> Ref<'_, LwoData> {
        self.0.d.borrow()
    }
    pub(crate) fn data_mut(&self) -> RefMut<'_, LwoData> {
        self.0.d.borrow_mut()
    }
}

impl fmt::Debug for LwoRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<lwo {}>", self.tag())
    }
}

// ---------------------------------------------------------------------------------
// Value

/// An LPC value. See the module documentation for ordering and nil rules.
#[derive(Clone, Default)]
pub enum Value {
    #[default]
    Nil,
    Int(i32),
    Float(Float),
    String(LStr),
    Object(ObjRef),
    Array(ArrayRef),
    Mapping(MappingRef),
    Lwo(LwoRef),
}

/// `typeof()` codes (DGD's type.h).
pub const T_NIL: i32 = 0;
pub const T_INT: i32 = 1;
pub const T_FLOAT: i32 = 2;
pub const T_STRING: i32 = 3;
pub const T_OBJECT: i32 = 4;
pub const T_ARRAY: i32 = 5;
pub const T_MAPPING: i32 = 6;
pub const T_MIXED: i32 = 8;
pub const T_VOID: i32 = 9;

impl Value {
    pub fn str(s: &str) -> Value {
        Value::String(LStr::from(s))
    }
    pub fn bytes(b: &[u8]) -> Value {
        Value::String(LStr::from_bytes(b))
    }
    pub fn array(v: Vec<Value>) -> Value {
        Value::Array(ArrayRef::new(v))
    }
    pub fn mapping(m: Mapping) -> Value {
        Value::Mapping(MappingRef::new(m))
    }
    pub fn float(d: f64) -> Result<Value, LpcError> {
        Ok(Value::Float(Float::checked(d)?))
    }
    pub fn is_nil(&self) -> bool {
        matches!(self, Value::Nil)
    }
    /// Truth as LPC sees it: nil, 0 and 0.0 are false. (Destructed objects must have
    /// been turned into nil before.)
    pub fn truthy(&self) -> bool {
        match self {
            Value::Nil => false,
            Value::Int(i) => *i != 0,
            Value::Float(f) => f.get() != 0.0,
            _ => true,
        }
    }
    /// DGD's `typeof` code; LWOs are objects.
    pub fn type_code(&self) -> i32 {
        match self {
            Value::Nil => T_NIL,
            Value::Int(_) => T_INT,
            Value::Float(_) => T_FLOAT,
            Value::String(_) => T_STRING,
            Value::Object(_) | Value::Lwo(_) => T_OBJECT,
            Value::Array(_) => T_ARRAY,
            Value::Mapping(_) => T_MAPPING,
        }
    }
    /// Position in the key order across types.
    fn order_rank(&self) -> u8 {
        match self {
            Value::Nil => 0,
            Value::Int(_) => 1,
            Value::Float(_) => 2,
            Value::String(_) => 3,
            Value::Object(_) => 4,
            Value::Array(_) => 5,
            Value::Mapping(_) => 6,
            Value::Lwo(_) => 7,
        }
    }
    /// Type name as DGD prints it in error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Nil => "nil",
            Value::Int(_) => "int",
            Value::Float(_) => "float",
            Value::String(_) => "string",
            Value::Object(_) | Value::Lwo(_) => "object",
            Value::Array(_) => "array",
            Value::Mapping(_) => "mapping",
        }
    }
    pub fn as_int(&self) -> Option<i32> {
        match self {
            Value::Int(i) => Some(*i),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&LStr> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&ArrayRef> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }
    pub fn as_mapping(&self) -> Option<&MappingRef> {
        match self {
            Value::Mapping(m) => Some(m),
            _ => None,
        }
    }

    /// Structural equality (arrays and mappings compared by contents, recursively up
    /// to a fixed depth). For tests and encoders; LPC `==` is `PartialEq`.
    pub fn deep_eq(&self, other: &Value) -> bool {
        fn go(a: &Value, b: &Value, depth: u32) -> bool {
            if depth > 64 {
                return false;
            }
            match (a, b) {
                (Value::Array(x), Value::Array(y)) => {
                    if ArrayRef::ptr_eq(x, y) {
                        return true;
                    }
                    let (x, y) = (x.borrow(), y.borrow());
                    x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| go(p, q, depth + 1))
                }
                (Value::Mapping(x), Value::Mapping(y)) => {
                    if MappingRef::ptr_eq(x, y) {
                        return true;
                    }
                    let (x, y) = (x.borrow(), y.borrow());
                    x.len() == y.len()
                        && x.iter().zip(y.iter()).all(|((k1, v1), (k2, v2))| {
                            go(k1, k2, depth + 1) && go(v1, v2, depth + 1)
                        })
                }
                (Value::Lwo(x), Value::Lwo(y)) => {
                    if LwoRef::ptr_eq(x, y) {
                        return true;
                    }
                    let (x, y) = (x.data(), y.data());
                    x.master == y.master
                        && x.vars.len() == y.vars.len()
                        && x.vars
                            .iter()
                            .zip(y.vars.iter())
                            .all(|(p, q)| go(p, q, depth + 1))
                }
                _ => a == b,
            }
        }
        go(self, other, 0)
    }
}

impl PartialEq for Value {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Value {}
impl PartialOrd for Value {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Value {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Value::Nil, Value::Nil) => Ordering::Equal,
            (Value::Int(a), Value::Int(b)) => a.cmp(b),
            (Value::Float(a), Value::Float(b)) => a.cmp(b),
            (Value::String(a), Value::String(b)) => a.as_bytes().cmp(b.as_bytes()),
            (Value::Object(a), Value::Object(b)) => a.cmp(b),
            (Value::Array(a), Value::Array(b)) => a.tag().cmp(&b.tag()),
            (Value::Mapping(a), Value::Mapping(b)) => a.tag().cmp(&b.tag()),
            (Value::Lwo(a), Value::Lwo(b)) => a.tag().cmp(&b.tag()),
            _ => self.order_rank().cmp(&other.order_rank()),
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Nil => f.write_str("nil"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x}"),
            Value::String(s) => write!(f, "{s:?}"),
            Value::Object(o) => write!(f, "<obj {}#{}>", o.index, o.count),
            Value::Array(a) => write!(f, "({a:?})"),
            Value::Mapping(m) => write!(f, "([{m:?}])"),
            Value::Lwo(l) => write!(f, "{l:?}"),
        }
    }
}

impl From<i32> for Value {
    fn from(i: i32) -> Value {
        Value::Int(i)
    }
}
impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::str(s)
    }
}
impl From<LStr> for Value {
    fn from(s: LStr) -> Value {
        Value::String(s)
    }
}
impl From<Float> for Value {
    fn from(f: Float) -> Value {
        Value::Float(f)
    }
}

// ---------------------------------------------------------------------------------
// Errors

/// An LPC runtime error: DGD's message text (e.g. "Index out of range").
#[derive(Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .message.to_str_lossy())]
pub struct LpcError {
    pub message: LStr,
}

impl LpcError {
    pub fn new(msg: impl Into<LStr>) -> LpcError {
        LpcError {
            message: msg.into(),
        }
    }
}

impl fmt::Debug for LpcError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LpcError({:?})", self.message)
    }
}

/// Shorthand: `Err(LpcError::new(msg))`.
pub fn lpc_err<T>(msg: impl Into<LStr>) -> Result<T, LpcError> {
    Err(LpcError::new(msg))
}

// ---------------------------------------------------------------------------------
// Types (for prototypes and variable descriptions)

/// A declared LPC type: base type code (DGD's T_* of type.h, plus T_MIXED/T_VOID) and
/// array depth. `object "path"` classes are the typechecker's business and are not
/// represented here.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct TypeSpec {
    pub base: u8,
    pub depth: u8,
}

impl TypeSpec {
    pub const fn new(base: i32, depth: u8) -> TypeSpec {
        TypeSpec {
            base: base as u8,
            depth,
        }
    }
    pub const MIXED: TypeSpec = TypeSpec::new(T_MIXED, 0);
    pub const VOID: TypeSpec = TypeSpec::new(T_VOID, 0);
    pub const INT: TypeSpec = TypeSpec::new(T_INT, 0);

    /// Does `v` fit a declared type (runtime check of `mixed` into a typed slot)? Nil
    /// fits every type except int and float.
    pub fn accepts(&self, v: &Value) -> bool {
        if self.depth > 0 {
            return matches!(v, Value::Nil | Value::Array(_));
        }
        match self.base as i32 {
            T_MIXED | T_VOID => true,
            T_INT => matches!(v, Value::Int(_)),
            T_FLOAT => matches!(v, Value::Float(_)),
            T_STRING => matches!(v, Value::String(_) | Value::Nil),
            T_OBJECT => matches!(v, Value::Object(_) | Value::Lwo(_) | Value::Nil),
            T_MAPPING => matches!(v, Value::Mapping(_) | Value::Nil),
            T_NIL => v.is_nil(),
            _ => true,
        }
    }

    /// The value a variable of this type starts with (0, 0.0 or nil).
    pub fn default_value(&self) -> Value {
        if self.depth > 0 {
            return Value::Nil;
        }
        match self.base as i32 {
            T_INT => Value::Int(0),
            T_FLOAT => Value::Float(Float::ZERO),
            _ => Value::Nil,
        }
    }

    /// LPC spelling: "int", "string *", "mixed **".
    pub fn name(&self) -> String {
        let b = match self.base as i32 {
            T_NIL => "nil",
            T_INT => "int",
            T_FLOAT => "float",
            T_STRING => "string",
            T_OBJECT => "object",
            T_MAPPING => "mapping",
            T_MIXED => "mixed",
            T_VOID => "void",
            _ => "?",
        };
        let mut s = b.to_string();
        if self.depth > 0 {
            s.push(' ');
            for _ in 0..self.depth {
                s.push('*');
            }
        }
        s
    }
}

// ---------------------------------------------------------------------------------
// The kfun context and registry

/// What a library kfun may ask of the VM.
pub trait KfunCtx {
    /// Is this object handle still alive (not destructed)?
    fn is_live(&self, o: ObjRef) -> bool;
    /// Charge `ticks` to the running task. As DGD, this does not check the
    /// limit: the next function call or loop iteration fails when the ticks
    /// are used up.
    fn charge(&mut self, ticks: u64) -> Result<(), LpcError>;
    /// Charge `ticks` for work DGD refuses to start without enough ticks left
    /// (the hash kfuns): "Out of ticks", and nothing left, when the cost is not
    /// below what is left.
    fn charge_or_fail(&mut self, ticks: u64) -> Result<(), LpcError> {
        self.charge(ticks)
    }
    /// Charge `ticks`, then "Out of ticks" if that used them up (DGD's big
    /// number kfuns check after each costly step).
    fn charge_checked(&mut self, ticks: u64) -> Result<(), LpcError> {
        self.charge(ticks)
    }
    /// Largest allowed array/mapping size (config `array_size`).
    fn max_array_size(&self) -> usize;
    /// Is an atomic function running (file kfuns must fail there)?
    fn in_atomic(&self) -> bool;
    /// Root directory of the mudlib, for file kfuns (`None`: no file access).
    fn mudlib_root(&self) -> Option<std::path::PathBuf>;
    /// Current time (seconds since the epoch) and milliseconds part, from the host.
    fn time(&self) -> (i64, u32);
    /// Offset of local time from UTC (seconds east) at Unix time `t`, for `ctime`.
    fn utc_offset(&self, t: i64) -> i32 {
        let _ = t;
        0
    }
    /// Next pseudo-random 64 bits (seeded per VM).
    fn random_u64(&mut self) -> u64;
    /// The current object (`this_object()`), `None` for an LWO or no object.
    fn this_object(&self) -> Option<ObjRef>;
    /// Variables of the current object in save order (inheritance order: inherited
    /// programs first, as DGD numbers them). For save_object/restore_object.
    fn object_variables(&self) -> Vec<VarDesc>;
    /// Read variable `i` (index into [`KfunCtx::object_variables`]) of the current object.
    fn get_variable(&self, i: usize) -> Value;
    /// Write variable `i` of the current object.
    fn set_variable(&mut self, i: usize, v: Value);
    /// Name of an object ("/obj/thing#12") if alive.
    fn object_name(&self, o: ObjRef) -> Option<LStr>;
    /// Calls function `func` of the current object (of its master for a
    /// light-weight object) with `args` (static functions too, not private
    /// ones), as `parse_string` calls the functions its grammar names. Nil
    /// when there is no such function.
    fn call_this(&mut self, func: &str, args: Vec<Value>) -> Result<Value, LpcError> {
        let _ = (func, args);
        Ok(Value::Nil)
    }
    /// "Out of ticks" if the task has used up its ticks (DGD's check inside
    /// long-running kfuns such as `parse_string`; `charge` itself never fails
    /// in the VM).
    fn check_ticks(&mut self) -> Result<(), LpcError> {
        Ok(())
    }
    /// Is the current object a special purpose object (DGD's `O_SPECIAL`: it
    /// has a connection or an editor)?
    fn this_is_special(&mut self) -> bool {
        false
    }

    /// The value as LPC code must see it: destructed objects (and LWOs of destructed
    /// masters) read as nil.
    fn fix(&self, v: &Value) -> Value {
        match v {
            Value::Object(o) if !self.is_live(*o) => Value::Nil,
            Value::Lwo(l) if !self.is_live(l.master()) => Value::Nil,
            _ => v.clone(),
        }
    }
}

/// A variable as save_object/restore_object see it.
#[derive(Clone, Debug, PartialEq)]
pub struct VarDesc {
    pub name: LStr,
    pub ty: TypeSpec,
    pub is_static: bool,
}

/// A library kfun: see the module documentation.
pub type KfunFn = fn(&mut dyn KfunCtx, &mut [Value]) -> Result<Value, LpcError>;

/// How a kfun is implemented.
#[derive(Clone, Copy)]
pub enum KfunImpl {
    /// Not implemented (calling it is a runtime error).
    Missing,
    /// A library kfun.
    Lib(KfunFn),
    /// Implemented inside the interpreter (needs VM internals); the code is private.
    Vm(u16),
}

impl fmt::Debug for KfunImpl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KfunImpl::Missing => f.write_str("Missing"),
            KfunImpl::Lib(_) => f.write_str("Lib"),
            KfunImpl::Vm(c) => write!(f, "Vm({c})"),
        }
    }
}

/// A parsed kfun prototype.
#[derive(Clone, Debug, PartialEq)]
pub struct KfunProto {
    pub name: &'static str,
    pub ret: TypeSpec,
    pub params: Vec<TypeSpec>,
    /// Number of parameters that must be given (those before `varargs`).
    pub min_args: usize,
    /// The last parameter is `T name...`: any number of further arguments of type T.
    pub ellipsis: bool,
}

#[derive(Clone, Debug)]
pub struct KfunEntry {
    pub proto: KfunProto,
    pub imp: KfunImpl,
}

/// Kfun name → prototype and implementation. Indices are stable for one build (the
/// order of [`KFUN_PROTOS`]); persisted programs refer to kfuns by name.
#[derive(Clone, Debug)]
pub struct KfunRegistry {
    entries: Vec<KfunEntry>,
    by_name: HashMap<&'static str, u16>,
}

/// Every kfun's prototype, in DGD's declaration syntax. `varargs` marks where optional
/// parameters start; `T name...` is an ellipsis. This is the one table of kfun
/// signatures: the typechecker reads it through [`KfunRegistry::lookup`].
pub const KFUN_PROTOS: &[&str] = &[
    // objects
    "object compile_object(string file, string source...)",
    "string *preprocess_file(string file, string source...)",
    "object clone_object(object master)",
    "object new_object(object master)",
    "void destruct_object(object obj)",
    "object find_object(string name)",
    "string object_name(object obj)",
    "object this_object()",
    "object previous_object(varargs int n)",
    "string previous_program(varargs int n)",
    "string function_object(string function, object obj)",
    "mixed call_other(mixed obj, string function, mixed args...)",
    "mixed **call_trace()",
    "mixed *status(varargs mixed obj)",
    "int instanceof(object obj, string type)",
    "int call_touch(object obj)",
    // connections (the driver provides these)
    "object this_user()",
    "object *users()",
    "int send_message(mixed message)",
    "void block_input(int flag)",
    "string query_ip_number(object user)",
    "string query_ip_name(object user)",
    "void send_close()",
    "void connect(string host, int port)",
    "void connect_datagram(int port, string host, int dport)",
    "int send_datagram(string message)",
    "void datagram_challenge(string challenge)",
    // time
    "int time()",
    "string ctime(int time)",
    "mixed *millitime()",
    "int call_out(string function, mixed delay, mixed args...)",
    "int call_out_summand(string function, mixed delay, float summand, mixed args...)",
    "mixed remove_call_out(int handle)",
    // system
    "void error(string message)",
    "void dump_state(varargs int incremental)",
    "void shutdown(varargs int hotboot)",
    "void swapout()",
    // data
    "mixed *allocate(int size)",
    "int *allocate_int(int size)",
    "float *allocate_float(int size)",
    "int sizeof(mixed *arr)",
    "mixed *map_indices(mapping map)",
    "mixed *map_values(mapping map)",
    "int map_sizeof(mapping map)",
    "int typeof(mixed value)",
    "int strlen(string str)",
    // strings
    "string *explode(string str, string separator)",
    "string implode(string *arr, string separator)",
    "int sscanf(string str, string format, mixed args...)",
    "string hash_string(string algorithm, string str, string extra...)",
    "string crypt(string passwd, varargs string salt)",
    "int hash_crc16(string str, string extra...)",
    "int hash_crc32(string str, string extra...)",
    "int random(int mod)",
    "mixed *parse_string(string grammar, string str, varargs int alternatives)",
    "mixed encrypt(string cipher, string key, varargs string mesg)",
    "mixed decrypt(string cipher, string key, varargs string mesg)",
    // files
    "string read_file(string file, varargs int offset, int size)",
    "int write_file(string file, string str, varargs int offset)",
    "int rename_file(string from, string to)",
    "int remove_file(string file)",
    "int make_dir(string dir)",
    "int remove_dir(string dir)",
    "mixed **get_dir(string file)",
    "void save_object(string file)",
    "int restore_object(string file)",
    "string query_editor(object obj)",
    "string editor(varargs string command)",
    // math
    "float floor(float x)",
    "float ceil(float x)",
    "float fabs(float x)",
    "int isinf(float x)",
    "int isnan(float x)",
    "int isfinite(float x)",
    "float fmod(float x, float y)",
    "mixed *frexp(float x)",
    "float ldexp(float x, int n)",
    "float *modf(float x)",
    "float exp(float x)",
    "float log(float x)",
    "float log10(float x)",
    "float pow(float x, float y)",
    "float sqrt(float x)",
    "float sin(float x)",
    "float cos(float x)",
    "float tan(float x)",
    "float asin(float x)",
    "float acos(float x)",
    "float atan(float x)",
    "float atan2(float y, float x)",
    "float sinh(float x)",
    "float cosh(float x)",
    "float tanh(float x)",
    // big numbers (strings)
    "string asn_add(string a, string b, string m)",
    "string asn_sub(string a, string b, string m)",
    "string asn_mult(string a, string b, string m)",
    "string asn_div(string a, string b, string m)",
    "string asn_mod(string a, string m)",
    "string asn_modinv(string a, string m)",
    "string asn_pow(string a, string b, string m)",
    "string asn_lshift(string a, int shift, string m)",
    "string asn_rshift(string a, int shift)",
    "int asn_cmp(string a, string b)",
    "string asn_and(string a, string b)",
    "string asn_or(string a, string b)",
    "string asn_xor(string a, string b)",
];

/// Parses one prototype of [`KFUN_PROTOS`] syntax. `None` if malformed.
pub fn parse_proto(src: &'static str) -> Option<KfunProto> {
    fn ty(words: &[&str]) -> Option<TypeSpec> {
        let base = match *words.first()? {
            "int" => T_INT,
            "float" => T_FLOAT,
            "string" => T_STRING,
            "object" => T_OBJECT,
            "mapping" => T_MAPPING,
            "mixed" => T_MIXED,
            "void" => T_VOID,
            _ => return None,
        };
        let depth = words[1..]
            .iter()
            .map(|w| w.chars().filter(|c| *c == '*').count())
            .sum::<usize>();
        Some(TypeSpec::new(base, depth as u8))
    }
    let open = src.find('(')?;
    let close = src.rfind(')')?;
    let head = src[..open].replace('*', " * ");
    let hw: Vec<&str> = head.split_whitespace().collect();
    let (name_w, ret_w) = hw.split_last()?;
    let name: &'static str = {
        let start = src[..open].rfind(|c: char| !(c.is_alphanumeric() || c == '_'))? + 1;
        &src[start..open]
    };
    if *name_w != name {
        return None;
    }
    let ret = ty(ret_w)?;
    let mut params = Vec::new();
    let mut min_args = None;
    let mut ellipsis = false;
    let inner = src[open + 1..close].trim();
    if !inner.is_empty() {
        for p in inner.split(',') {
            let mut p = p.trim().replace('*', " * ");
            if p.ends_with("...") {
                ellipsis = true;
                p.truncate(p.len() - 3);
            }
            let mut w: Vec<&str> = p.split_whitespace().collect();
            if w.first() == Some(&"varargs") {
                min_args.get_or_insert(params.len());
                w.remove(0);
            }
            // drop the parameter name
            if w.len() > 1 && w.last().is_some_and(|l| *l != "*") {
                w.pop();
            }
            params.push(ty(&w)?);
        }
    }
    let mut min = min_args.unwrap_or(params.len());
    if ellipsis && min_args.is_none() {
        min = params.len() - 1;
    }
    Some(KfunProto {
        name,
        ret,
        params,
        min_args: min,
        ellipsis,
    })
}

impl KfunRegistry {
    /// An empty registry holding every prototype, all implementations missing.
    pub fn prototypes() -> KfunRegistry {
        let mut r = KfunRegistry {
            entries: Vec::new(),
            by_name: HashMap::new(),
        };
        for src in KFUN_PROTOS {
            if let Some(p) = parse_proto(src) {
                let idx = r.entries.len() as u16;
                r.by_name.insert(p.name, idx);
                r.entries.push(KfunEntry {
                    proto: p,
                    imp: KfunImpl::Missing,
                });
            }
        }
        r
    }

    /// Every prototype, the library kfuns of `crate::kfun`, and the VM's own kfuns.
    pub fn standard() -> KfunRegistry {
        let mut r = KfunRegistry::prototypes();
        crate::kfun::register_all(&mut r);
        crate::interp::register_vm_kfuns(&mut r);
        r
    }

    /// Installs a library kfun. Returns false (and changes nothing) if `name` has no
    /// prototype in [`KFUN_PROTOS`].
    pub fn register(&mut self, name: &str, f: KfunFn) -> bool {
        self.set_impl(name, KfunImpl::Lib(f))
    }

    pub(crate) fn set_impl(&mut self, name: &str, imp: KfunImpl) -> bool {
        match self.by_name.get(name) {
            Some(&i) => {
                self.entries[i as usize].imp = imp;
                true
            }
            None => false,
        }
    }

    /// Index and prototype of a kfun by name.
    pub fn lookup(&self, name: &str) -> Option<(u16, &KfunProto)> {
        let i = *self.by_name.get(name)?;
        Some((i, &self.entries[i as usize].proto))
    }

    pub fn get(&self, index: u16) -> Option<&KfunEntry> {
        self.entries.get(index as usize)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
    pub fn iter(&self) -> impl Iterator<Item = &KfunEntry> {
        self.entries.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_small() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
    }

    #[test]
    fn all_protos_parse() {
        for p in KFUN_PROTOS {
            assert!(parse_proto(p).is_some(), "{p}");
        }
        let r = KfunRegistry::prototypes();
        assert_eq!(r.len(), KFUN_PROTOS.len());
        let (_, p) = r.lookup("read_file").unwrap();
        assert_eq!(p.params.len(), 3);
        assert_eq!(p.min_args, 1);
        assert!(!p.ellipsis);
        let (_, p) = r.lookup("call_other").unwrap();
        assert_eq!(p.min_args, 2);
        assert!(p.ellipsis);
        let (_, p) = r.lookup("call_trace").unwrap();
        assert_eq!(p.ret, TypeSpec::new(T_MIXED, 2));
        let (_, p) = r.lookup("implode").unwrap();
        assert_eq!(p.params[0], TypeSpec::new(T_STRING, 1));
    }

    #[test]
    fn key_order() {
        let mut v = [
            Value::str("b"),
            Value::Float(Float::new(1.5).unwrap()),
            Value::Int(2),
            Value::str("a"),
            Value::Int(1),
            Value::Nil,
        ];
        v.sort();
        let s: Vec<String> = v.iter().map(|x| format!("{x:?}")).collect();
        assert_eq!(s, vec!["nil", "1", "2", "1.5", "\"a\"", "\"b\""]);
        let a = ArrayRef::new(vec![]);
        let b = ArrayRef::new(vec![]);
        assert_ne!(Value::Array(a.clone()), Value::Array(b));
        assert_eq!(Value::Array(a.clone()), Value::Array(a));
    }

    #[test]
    fn mapping_nil_removes() {
        let mut m = Mapping::new();
        m.set(Value::Int(1), Value::Int(2));
        assert_eq!(m.len(), 1);
        m.set(Value::Int(1), Value::Nil);
        assert_eq!(m.len(), 0);
    }

    #[test]
    fn append_in_place() {
        let mut s = LStr::from("ab");
        s.append(b"cd");
        assert_eq!(s.as_bytes(), b"abcd");
        let t = s.clone();
        s.append(b"e");
        assert_eq!(t.as_bytes(), b"abcd");
        assert_eq!(s.as_bytes(), b"abcde");
    }
}
