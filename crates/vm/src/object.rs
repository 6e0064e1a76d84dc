//! The object table: persistent objects by slot, with creation counts so handles of
//! destructed objects are recognised.

use crate::program::Program;
use crate::value::{LStr, ObjRef, Value};
use std::collections::BTreeMap;
use std::rc::Rc;

/// A pending call_out of an object.
#[derive(Clone, Debug)]
pub struct CallOut {
    pub func: LStr,
    /// Due time in seconds since the epoch (fractional for millisecond delays).
    pub due: f64,
    pub args: Vec<Value>,
    /// Started by call_out_summand(): `args[0]` is the object's summand, which
    /// later call_out_summand() calls add to while this call_out is pending.
    pub summand: bool,
    /// Made with a (nonzero) float delay: DGD reports its remaining time as a
    /// float (remove_call_out, status(obj)).
    pub millis: bool,
}

impl CallOut {
    /// `due` as stored in blobs: its f64 bits, with the sign bit set for a
    /// millisecond call_out (due times are never negative).
    pub fn due_bits(&self) -> u64 {
        let bits = self.due.abs().to_bits();
        if self.millis {
            bits | 1 << 63
        } else {
            bits
        }
    }

    /// (due, millis) from [`CallOut::due_bits`].
    pub fn from_due_bits(bits: u64) -> (f64, bool) {
        (f64::from_bits(bits & !(1 << 63)), bits >> 63 == 1)
    }

    /// Time left at `now`, as DGD reports it: whole seconds as an int, or for a
    /// millisecond call_out seconds with milliseconds as a float (an int 0 once
    /// it is due).
    pub fn remaining(&self, now: f64) -> Value {
        let left = (self.due - now).max(0.0);
        if self.millis && left > 0.0 {
            let ms = (left * 1000.0).round() / 1000.0;
            if let Ok(f) = crate::float::Float::checked(ms) {
                return Value::Float(f);
            }
        }
        Value::Int(left.round() as i32)
    }
}

/// A persistent object.
#[derive(Debug)]
pub struct Object {
    /// "/obj/thing" or "/obj/thing#12".
    pub name: LStr,
    pub prog: Rc<Program>,
    pub is_clone: bool,
    /// Slot of the master object (its own slot for a master).
    pub master: u32,
    /// The dataspace; `None` while evicted to the blob store.
    pub vars: Option<Vec<Value>>,
    /// Creator has been called.
    pub created: bool,
    /// Destructed during this task (the slot is freed at the end of the task).
    pub destructed: bool,
    /// Number of live clones (masters).
    pub nclones: u32,
    pub callouts: BTreeMap<u32, CallOut>,
    pub next_handle: u32,
    /// Handles of executed or removed call_outs, most recently freed last;
    /// reused before `next_handle` grows (DGD's per-object free list).
    pub free_handles: Vec<u32>,
    /// A recompiled program waiting for the end of the task (masters).
    pub pending_prog: Option<Rc<Program>>,
    /// Dataspace changed since it was last stored (eviction writes only dirty ones).
    pub dirty: bool,
    /// Flagged by call_touch(): the driver's touch() runs before the next call.
    pub touched: bool,
}

impl Object {
    /// The handle the next call_out gets, as DGD picks it: the most recently
    /// freed one, or the one freed before it when that is lower, or a new one.
    pub fn peek_handle(&self) -> u32 {
        match self.free_handles.as_slice() {
            [.., second, head] if second < head => *second,
            [.., head] => *head,
            [] => self.next_handle,
        }
    }

    /// Takes the handle [`Object::peek_handle`] names.
    pub fn alloc_handle(&mut self) -> u32 {
        let h = self.peek_handle();
        if let Some(i) = self.free_handles.iter().rposition(|&x| x == h) {
            self.free_handles.remove(i);
        } else {
            self.next_handle = self.next_handle.wrapping_add(1).max(1);
        }
        h
    }

    /// A call_out handle is free again.
    pub fn free_handle(&mut self, h: u32) {
        if !self.free_handles.contains(&h) {
            self.free_handles.push(h);
        }
    }

    /// A freed handle is in use again (an undone remove_call_out).
    pub fn take_handle(&mut self, h: u32) {
        self.free_handles.retain(|&x| x != h);
    }

    /// The free handles of a restored object: those below `next_handle`
    /// without a call_out, lowest first to be reused.
    pub fn rebuild_free_handles(&mut self) {
        let used = &self.callouts;
        self.free_handles = (1..self.next_handle)
            .rev()
            .filter(|h| !used.contains_key(h))
            .collect();
    }
}

/// A slot of the object table.
#[derive(Debug, Default)]
pub struct Slot {
    /// Creation count of the current (or last) occupant.
    pub count: u32,
    pub obj: Option<Box<Object>>,
}

/// The table itself.
#[derive(Debug, Default)]
pub struct ObjectTable {
    pub slots: Vec<Slot>,
    pub free: Vec<u32>,
    pub by_name: std::collections::HashMap<LStr, u32>,
    /// Number of objects not destructed.
    pub live: usize,
}

impl ObjectTable {
    pub fn get(&self, o: ObjRef) -> Option<&Object> {
        let s = self.slots.get(o.index as usize)?;
        if s.count != o.count {
            return None;
        }
        s.obj.as_deref().filter(|x| !x.destructed)
    }

    pub fn get_mut(&mut self, o: ObjRef) -> Option<&mut Object> {
        let s = self.slots.get_mut(o.index as usize)?;
        if s.count != o.count {
            return None;
        }
        s.obj.as_deref_mut().filter(|x| !x.destructed)
    }

    /// The object in slot `i`, even if destructed during this task.
    pub fn slot(&self, i: u32) -> Option<&Object> {
        self.slots.get(i as usize)?.obj.as_deref()
    }

    pub fn slot_mut(&mut self, i: u32) -> Option<&mut Object> {
        self.slots.get_mut(i as usize)?.obj.as_deref_mut()
    }

    pub fn is_live(&self, o: ObjRef) -> bool {
        self.get(o).is_some()
    }

    pub fn handle(&self, i: u32) -> Option<ObjRef> {
        let s = self.slots.get(i as usize)?;
        s.obj.as_ref()?;
        Some(ObjRef {
            index: i,
            count: s.count,
        })
    }

    /// Puts an object in a free slot; returns its handle.
    pub fn insert(&mut self, mut make: impl FnMut(u32) -> Object) -> ObjRef {
        let index = match self.free.pop() {
            Some(i) => i,
            None => {
                self.slots.push(Slot::default());
                (self.slots.len() - 1) as u32
            }
        };
        let slot = &mut self.slots[index as usize];
        slot.count = slot.count.wrapping_add(1).max(1);
        let obj = make(index);
        slot.obj = Some(Box::new(obj));
        self.live += 1;
        ObjRef {
            index,
            count: slot.count,
        }
    }

    /// Removes the object in slot `i` for good.
    pub fn free_slot(&mut self, i: u32) -> Option<Box<Object>> {
        let s = self.slots.get_mut(i as usize)?;
        let o = s.obj.take()?;
        self.free.push(i);
        if !o.destructed {
            self.live = self.live.saturating_sub(1);
        }
        Some(o)
    }

    pub fn find(&self, name: &[u8]) -> Option<ObjRef> {
        let i = *self.by_name.get(&LStr::from_bytes(name))?;
        let h = self.handle(i)?;
        self.get(h).map(|_| h)
    }
}
