//! What the VM needs from the outside world: the [`Host`] (source files, time,
//! call_out scheduling, connection kfuns, log messages) and the [`BlobStore`] (where
//! evicted dataspaces go). The driver implements both over its config, sockets and the
//! swap crate; [`TestHost`] and [`MemStore`] serve tests and `lpcrun`.

use crate::value::{LpcError, ObjRef, Value};
use std::collections::HashMap;
use std::path::PathBuf;

/// A call_out delay as the kfun got it (not negative).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CallOutDelay {
    /// An int delay: whole seconds.
    Int(i64),
    /// A float delay.
    Float(f64),
}

impl CallOutDelay {
    /// The delay in seconds.
    pub fn seconds(self) -> f64 {
        match self {
            CallOutDelay::Int(i) => i as f64,
            CallOutDelay::Float(f) => f,
        }
    }
}

/// The outside world as the VM sees it.
pub trait Host {
    /// Contents of the mudlib file `path` (absolute mudlib path, e.g. "/obj/a.c"), for
    /// the compiler and `#include`. `None` if it does not exist or is not readable.
    fn read_file(&mut self, path: &str) -> Option<Vec<u8>>;
    /// Root directory of the mudlib on disk (file kfuns), if any.
    fn mudlib_root(&self) -> Option<PathBuf>;
    /// Wall clock: seconds since the epoch and milliseconds.
    fn time(&self) -> (i64, u32);
    /// A call_out was made: call `vm.run_call_out(obj, handle)` in a task of its own
    /// after `delay` seconds (0: as soon as possible). An error (DGD's "Too many
    /// callouts" when the config's `call_outs` table is full) fails the `call_out()`
    /// kfun with that message, and the call_out is not made.
    fn call_out_added(&mut self, obj: ObjRef, handle: u32, delay: f64) -> Result<(), LpcError>;
    /// `call_out_added` with the delay as the `call_out()` kfun got it: DGD keeps
    /// int delays under 128 s (and delays under 1 ms) in its short-term buffer and
    /// every other delay in its long-term queue, which `status()` reports as
    /// `ST_NCOSHORT` / `ST_NCOLONG`. By default the same as `call_out_added`.
    fn call_out_added_as(
        &mut self,
        obj: ObjRef,
        handle: u32,
        delay: CallOutDelay,
    ) -> Result<(), LpcError> {
        self.call_out_added(obj, handle, delay.seconds())
    }
    /// A call_out was removed (by remove_call_out, or its object was destructed).
    fn call_out_removed(&mut self, obj: ObjRef, handle: u32);
    /// Kfuns that need connections (`this_user`, `users`, `send_message`,
    /// `query_ip_number`, `send_close`, `block_input`, `connect`, ...). `this` is the
    /// current object (`None` inside a light-weight object).
    fn kfun(
        &mut self,
        name: &str,
        this: Option<ObjRef>,
        args: &mut [Value],
    ) -> Result<Value, LpcError> {
        let _ = (this, args);
        Err(LpcError::new(format!("Kfun {name} is not available")))
    }
    /// `obj` is now the driver object (DGD's `O_DRIVER`): compiled at boot, or found
    /// in a restored state. `send_message()` from it goes to the log (stderr).
    fn set_driver_object(&mut self, obj: ObjRef) {
        let _ = obj;
    }
    /// Whether `obj` has a connection (DGD's `O_USER`). Destructing such an object
    /// first calls its `close(1)`, with `this_user()` the object, as DGD does.
    fn is_user(&mut self, obj: ObjRef) -> bool {
        let _ = obj;
        false
    }
    /// Makes `user` what `this_user()` returns (for `close(1)` on destruct); gives
    /// the previous one back, to be restored afterwards.
    fn swap_this_user(&mut self, user: Option<ObjRef>) -> Option<ObjRef> {
        let _ = user;
        None
    }
    /// A user object is destructed and its `close(1)` has returned: the object
    /// loses its connection now (`users()` no longer lists it), and the connection
    /// closes after its pending output at the end of the task.
    fn user_destructed(&mut self, obj: ObjRef) {
        let _ = obj;
    }
    /// A message from the VM for the log (compile errors when there is no driver
    /// object, warnings).
    fn message(&mut self, msg: &str);
    /// Entries of `status()` only the driver knows (swap sizes and rates, memory,
    /// call_out and user table sizes, ports, number of users), as (index, value) pairs
    /// of DGD's status.h; they replace the VM's defaults.
    fn status_overrides(&mut self) -> Vec<(usize, Value)> {
        Vec::new()
    }
    /// Output collected so far, for hosts that collect it (tests).
    fn take_output(&mut self) -> Option<String> {
        None
    }
    /// What `status()` reports about the driver: swap, memory, table sizes, ports.
    fn status_info(&mut self) -> HostStatus {
        HostStatus::default()
    }
}

/// The driver's part of `status()` (the rest the VM knows itself). Sizes are in bytes
/// or sectors as DGD's status.h says; values above `i32::MAX` become floats.
#[derive(Clone, Debug, PartialEq)]
pub struct HostStatus {
    /// `ST_SWAPSIZE`, `ST_SWAPUSED`: sectors of the swap device, in use.
    pub swap_size: i64,
    pub swap_used: i64,
    /// `ST_SECTORSIZE`.
    pub sector_size: i64,
    /// `ST_SWAPRATE1`, `ST_SWAPRATE5`: objects swapped out in the last 1 and 5 minutes.
    pub swap_rate1: i64,
    pub swap_rate5: i64,
    /// `ST_SMEMSIZE`, `ST_SMEMUSED`, `ST_DMEMSIZE`, `ST_DMEMUSED`.
    pub smem_size: i64,
    pub smem_used: i64,
    pub dmem_size: i64,
    pub dmem_used: i64,
    /// `ST_COTABSIZE`, `ST_UTABSIZE`, `ST_ETABSIZE`: call_outs, users, editors.
    pub call_outs: i64,
    pub users: i64,
    pub editors: i64,
    /// `ST_DATAGRAMPORTS`, `ST_TELNETPORTS`, `ST_BINARYPORTS`.
    pub datagram_ports: Vec<i32>,
    pub telnet_ports: Vec<i32>,
    pub binary_ports: Vec<i32>,
    /// `ST_NUSERS`: connections now.
    pub nusers: i64,
    /// `ST_NCOSHORT`, `ST_NCOLONG`: call_outs in the host's schedule due within
    /// 128 seconds, and the others. `None`: the VM counts its own, all short-term.
    pub call_outs_pending: Option<(i64, i64)>,
}

/// The figures of a host that has none of its own (tests, `lpcrun`): sizes like a
/// small DGD config, nothing in use, so a mudlib's percentages never divide by zero.
impl Default for HostStatus {
    fn default() -> HostStatus {
        HostStatus {
            swap_size: 1024,
            swap_used: 0,
            sector_size: 512,
            swap_rate1: 0,
            swap_rate5: 0,
            smem_size: 1 << 20,
            smem_used: 0,
            dmem_size: 1 << 20,
            dmem_used: 0,
            call_outs: 10000,
            users: 40,
            editors: 40,
            datagram_ports: Vec::new(),
            telnet_ports: Vec::new(),
            binary_ports: Vec::new(),
            nusers: 0,
            call_outs_pending: None,
        }
    }
}

/// Where evicted object dataspaces live between tasks. Keys: see
/// [`crate::persist::dataspace_key`].
pub trait BlobStore {
    fn put(&mut self, key: u64, blob: Vec<u8>) -> Result<(), String>;
    fn get(&mut self, key: u64) -> Result<Option<Vec<u8>>, String>;
    fn remove(&mut self, key: u64) -> Result<(), String>;
}

/// A [`BlobStore`] in memory.
#[derive(Default, Debug)]
pub struct MemStore {
    pub blobs: HashMap<u64, Vec<u8>>,
}

impl BlobStore for MemStore {
    fn put(&mut self, key: u64, blob: Vec<u8>) -> Result<(), String> {
        self.blobs.insert(key, blob);
        Ok(())
    }
    fn get(&mut self, key: u64) -> Result<Option<Vec<u8>>, String> {
        Ok(self.blobs.get(&key).cloned())
    }
    fn remove(&mut self, key: u64) -> Result<(), String> {
        self.blobs.remove(&key);
        Ok(())
    }
}

/// A shared in-memory store (tests keep a handle while the VM owns the other).
impl BlobStore for std::rc::Rc<std::cell::RefCell<MemStore>> {
    fn put(&mut self, key: u64, blob: Vec<u8>) -> Result<(), String> {
        self.borrow_mut().put(key, blob)
    }
    fn get(&mut self, key: u64) -> Result<Option<Vec<u8>>, String> {
        self.borrow_mut().get(key)
    }
    fn remove(&mut self, key: u64) -> Result<(), String> {
        self.borrow_mut().remove(key)
    }
}

/// A simple host: files from memory or a directory, output collected in a buffer,
/// call_outs kept in a list the test drives, a fixed or real clock.
#[derive(Default)]
pub struct TestHost {
    pub files: HashMap<String, Vec<u8>>,
    pub root: Option<PathBuf>,
    /// Everything passed to `send_message` and log messages.
    pub output: Vec<u8>,
    /// Echo output to stdout as it comes.
    pub echo: bool,
    /// Pending call_outs: (object, handle, delay).
    pub call_outs: Vec<(ObjRef, u32, f64)>,
    /// At most this many pending call_outs (None: no limit), as the config's
    /// `call_outs`.
    pub max_call_outs: Option<usize>,
    /// Fixed time (None: the real clock).
    pub fixed_time: Option<i64>,
    /// What `this_user()` returns (tests driving a connection object).
    pub this_user: Option<ObjRef>,
}

impl TestHost {
    pub fn new() -> TestHost {
        TestHost::default()
    }
    pub fn with_root(root: PathBuf) -> TestHost {
        TestHost {
            root: Some(root),
            ..TestHost::default()
        }
    }
    pub fn add_file(&mut self, path: &str, text: &str) {
        self.files
            .insert(path.to_string(), text.as_bytes().to_vec());
    }
    fn out(&mut self, b: &[u8]) {
        self.output.extend_from_slice(b);
        if self.echo {
            use std::io::Write;
            let mut so = std::io::stdout();
            let _ = so.write_all(b);
            let _ = so.flush();
        }
    }
}

impl Host for TestHost {
    fn read_file(&mut self, path: &str) -> Option<Vec<u8>> {
        if let Some(f) = self.files.get(path) {
            return Some(f.clone());
        }
        let root = self.root.as_ref()?;
        let rel = path.trim_start_matches('/');
        if rel.split('/').any(|c| c == "..") {
            return None;
        }
        std::fs::read(root.join(rel)).ok()
    }
    fn mudlib_root(&self) -> Option<PathBuf> {
        self.root.clone()
    }
    fn time(&self) -> (i64, u32) {
        match self.fixed_time {
            Some(t) => (t, 0),
            None => {
                let d = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap_or_default();
                (d.as_secs() as i64, d.subsec_millis())
            }
        }
    }
    fn call_out_added(&mut self, obj: ObjRef, handle: u32, delay: f64) -> Result<(), LpcError> {
        if self.call_outs.len() >= self.max_call_outs.unwrap_or(usize::MAX) {
            return Err(LpcError::new("Too many callouts"));
        }
        self.call_outs.push((obj, handle, delay));
        Ok(())
    }
    fn call_out_removed(&mut self, obj: ObjRef, handle: u32) {
        self.call_outs.retain(|c| !(c.0 == obj && c.1 == handle));
    }
    fn kfun(
        &mut self,
        name: &str,
        _this: Option<ObjRef>,
        args: &mut [Value],
    ) -> Result<Value, LpcError> {
        match name {
            "send_message" => match args.first() {
                Some(Value::String(s)) => {
                    let s = s.clone();
                    self.out(s.as_bytes());
                    Ok(Value::Int(s.len() as i32))
                }
                _ => Ok(Value::Int(0)),
            },
            "this_user" => Ok(self.this_user.map(Value::Object).unwrap_or(Value::Nil)),
            "users" => Ok(Value::array(Vec::new())),
            "query_ip_number" | "query_ip_name" => Ok(Value::Nil),
            "block_input" | "send_close" | "query_editor" => Ok(Value::Nil),
            _ => Err(LpcError::new(format!("Kfun {name} is not available"))),
        }
    }
    fn message(&mut self, msg: &str) {
        self.out(msg.as_bytes());
    }
    fn take_output(&mut self) -> Option<String> {
        Some(String::from_utf8_lossy(&std::mem::take(&mut self.output)).into_owned())
    }
}
