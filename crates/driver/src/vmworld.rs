//! The world of the real binary: the `vm` crate's interpreter, with the
//! driver's services behind its `Host` trait.

use crate::callout::{Delay, ObjKey};
use crate::config::Config;
use crate::log;
use crate::net::PortKind;
use crate::world::{Event, SharedHost, World, WorldError};
use std::cell::Cell;
use std::path::PathBuf;
use std::rc::Rc;
use vm::host::{BlobStore, Host as VmHostTrait, MemStore};
use vm::interp::{Request, Vm};
use vm::value::{LpcError, ObjRef, Value};

/// An object handle as the driver keys it: slot index and creation count.
pub fn key(o: ObjRef) -> ObjKey {
    ObjKey((u64::from(o.index) << 32) | u64::from(o.count))
}

/// The VM's handle for a driver key.
pub fn obj(k: ObjKey) -> ObjRef {
    ObjRef {
        index: (k.0 >> 32) as u32,
        count: k.0 as u32,
    }
}

/// The VM's view of the driver.
struct VmHost {
    shared: SharedHost,
    root: PathBuf,
    driver: Rc<Cell<Option<ObjRef>>>,
    /// `status()`: the config's sizes and ports; the swap for its figures.
    status: vm::host::HostStatus,
    swap: Option<crate::store::SharedSwap>,
}

impl VmHost {
    fn new(
        cfg: &Config,
        shared: SharedHost,
        driver: Rc<Cell<Option<ObjRef>>>,
        swap: Option<crate::store::SharedSwap>,
    ) -> VmHost {
        let ports = |p: &[crate::config::PortSpec]| p.iter().map(|s| i32::from(s.port)).collect();
        VmHost {
            shared,
            root: cfg.directory.clone(),
            driver,
            status: vm::host::HostStatus {
                swap_size: i64::from(cfg.swap_size),
                sector_size: i64::from(cfg.sector_size),
                call_outs: i64::from(cfg.call_outs),
                users: i64::from(cfg.users) + i64::from(cfg.datagram_users),
                editors: i64::from(cfg.editors),
                datagram_ports: ports(&cfg.datagram_ports),
                telnet_ports: ports(&cfg.telnet_ports),
                binary_ports: ports(&cfg.binary_ports),
                ..Default::default()
            },
            swap,
        }
    }
}

/// Resident set size of this process in bytes (0 where /proc is missing).
fn resident_bytes() -> i64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: i64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    // SAFETY: sysconf has no preconditions.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    pages.saturating_mul(if page > 0 { page as i64 } else { 4096 })
}

fn truthy(v: Option<&Value>) -> bool {
    !matches!(v, None | Some(Value::Nil) | Some(Value::Int(0)))
}

impl VmHostTrait for VmHost {
    fn read_file(&mut self, path: &str) -> Option<Vec<u8>> {
        let rel = path.trim_start_matches('/');
        if rel.split('/').any(|c| c == "..") {
            return None;
        }
        std::fs::read(self.root.join(rel)).ok()
    }

    fn mudlib_root(&self) -> Option<PathBuf> {
        Some(self.root.clone())
    }

    fn time(&self) -> (i64, u32) {
        self.shared.borrow().millitime()
    }

    /// Only a call_out put back by a rollback comes here: its delay is what
    /// was left of it (whole seconds count as an int delay).
    fn call_out_added(&mut self, o: ObjRef, handle: u32, delay: f64) -> Result<(), LpcError> {
        let d = if delay.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&delay) {
            Delay::Secs(delay as u32)
        } else {
            Delay::Float(delay)
        };
        self.shared
            .borrow_mut()
            .call_out(key(o), handle, d)
            .map_err(|e| LpcError::new(e.to_string()))
    }

    fn call_out_added_as(
        &mut self,
        o: ObjRef,
        handle: u32,
        delay: vm::host::CallOutDelay,
    ) -> Result<(), LpcError> {
        let d = match delay {
            vm::host::CallOutDelay::Int(i) => Delay::Secs(i.clamp(0, i64::from(u32::MAX)) as u32),
            vm::host::CallOutDelay::Float(f) => Delay::Float(f),
        };
        self.shared
            .borrow_mut()
            .call_out(key(o), handle, d)
            .map_err(|e| LpcError::new(e.to_string()))
    }

    /// `ST_UPTIME` as DGD has it: the time the server has run since its
    /// cold boot, without the time it was down (the call_out clock's
    /// advance, which is frozen while the server is down).
    fn status_overrides(&mut self) -> Vec<(usize, Value)> {
        let h = self.shared.borrow();
        match h.callouts.uptime_secs() {
            Some(up) => vec![(3, Value::Int(up.clamp(0, i64::from(i32::MAX)) as i32))],
            None => Vec::new(),
        }
    }

    fn call_out_removed(&mut self, o: ObjRef, handle: u32) {
        self.shared.borrow_mut().remove_call_out(key(o), handle);
    }

    fn kfun(
        &mut self,
        name: &str,
        this: Option<ObjRef>,
        args: &mut [Value],
    ) -> Result<Value, LpcError> {
        let mut h = self.shared.borrow_mut();
        // The VM names the driver object (Host::set_driver_object) as soon
        // as it is compiled or restored.
        let is_driver = this.is_some() && this == self.driver.get();
        let user = this.map(key).filter(|k| h.is_user(*k));
        match name {
            "this_user" => Ok(h.this_user().map_or(Value::Nil, |k| Value::Object(obj(k)))),
            "users" => Ok(Value::array(
                h.users()
                    .into_iter()
                    .map(|k| Value::Object(obj(k)))
                    .collect(),
            )),
            "send_message" => match args.first() {
                // as DGD: a user's connection first, then the driver
                // object's log; from any other object it is ignored
                Some(Value::String(s)) => {
                    if let Some(u) = user {
                        let n = h
                            .send_message(u, s.as_bytes())
                            .map_err(|e| LpcError::new(e.to_string()))?;
                        Ok(Value::Int(n as i32))
                    } else if is_driver {
                        h.driver_message(s.as_bytes());
                        Ok(Value::Int(s.as_bytes().len() as i32))
                    } else {
                        Ok(Value::Int(0))
                    }
                }
                Some(Value::Int(on)) => match user {
                    Some(u) => {
                        let ok = h
                            .echo(u, *on != 0)
                            .map_err(|e| LpcError::new(e.to_string()))?;
                        Ok(Value::Int(i32::from(ok)))
                    }
                    None => Ok(Value::Int(0)),
                },
                _ => Err(LpcError::new("Bad argument 1 for kfun send_message")),
            },
            "block_input" => {
                if let Some(u) = user {
                    h.block_input(u, truthy(args.first()))
                        .map_err(|e| LpcError::new(e.to_string()))?;
                }
                Ok(Value::Nil)
            }
            "send_close" => {
                // as DGD: nothing for an object without a connection
                if let Some(u) = user {
                    h.send_close(u).map_err(|e| LpcError::new(e.to_string()))?;
                }
                Ok(Value::Nil)
            }
            "query_ip_number" => match args.first() {
                Some(Value::Object(o)) => Ok(h
                    .query_ip_number(key(*o))
                    .map_or(Value::Nil, |s| Value::str(&s))),
                _ => Ok(Value::Nil),
            },
            "query_ip_name" => match args.first() {
                Some(Value::Object(o)) => Ok(h
                    .query_ip_name(key(*o))
                    .map_or(Value::Nil, |s| Value::str(&s))),
                _ => Ok(Value::Nil),
            },
            "connect" => {
                let (Some(Value::String(host)), Some(Value::Int(port))) =
                    (args.first(), args.get(1))
                else {
                    return Err(LpcError::new("Bad arguments for kfun connect"));
                };
                let Some(o) = this else {
                    return Err(LpcError::new("connect() in non-persistent object"));
                };
                if is_driver {
                    return Err(LpcError::new("connect() in special purpose object"));
                }
                h.connect(key(o), host.as_bytes(), i64::from(*port))
                    .map_err(|e| LpcError::new(e.to_string()))?;
                Ok(Value::Nil)
            }
            "connect_datagram" => {
                let (Some(Value::Int(uport)), Some(Value::String(host)), Some(Value::Int(port))) =
                    (args.first(), args.get(1), args.get(2))
                else {
                    return Err(LpcError::new("Bad arguments for kfun connect_datagram"));
                };
                let Some(o) = this else {
                    return Err(LpcError::new("connect_datagram() in non-persistent object"));
                };
                if is_driver {
                    return Err(LpcError::new(
                        "connect_datagram() in special purpose object",
                    ));
                }
                h.connect_datagram(key(o), i64::from(*uport), host.as_bytes(), i64::from(*port))
                    .map_err(|e| LpcError::new(e.to_string()))?;
                Ok(Value::Nil)
            }
            // as DGD: nothing happens for an object without a connection
            "datagram_challenge" => match args.first() {
                Some(Value::String(s)) => {
                    if let Some(u) = user {
                        h.datagram_challenge(u, s.as_bytes())
                            .map_err(|e| LpcError::new(e.to_string()))?;
                    }
                    Ok(Value::Nil)
                }
                _ => Err(LpcError::new("Bad argument 1 for kfun datagram_challenge")),
            },
            "send_datagram" => match args.first() {
                Some(Value::String(s)) => match user {
                    Some(u) => {
                        let n = h
                            .send_datagram(u, s.as_bytes())
                            .map_err(|e| LpcError::new(e.to_string()))?;
                        Ok(Value::Int(n as i32))
                    }
                    None => Ok(Value::Int(0)),
                },
                _ => Err(LpcError::new("Bad argument 1 for kfun send_datagram")),
            },
            _ => Err(LpcError::new(format!("Kfun {name} is not available"))),
        }
    }

    fn message(&mut self, msg: &str) {
        log::raw(msg.as_bytes());
    }

    fn set_driver_object(&mut self, o: ObjRef) {
        self.driver.set(Some(o));
    }

    fn is_user(&mut self, o: ObjRef) -> bool {
        self.shared.borrow().is_user(key(o))
    }

    fn swap_this_user(&mut self, user: Option<ObjRef>) -> Option<ObjRef> {
        let mut h = self.shared.borrow_mut();
        std::mem::replace(&mut h.this_user, user.map(key)).map(obj)
    }

    fn user_destructed(&mut self, o: ObjRef) {
        self.shared.borrow_mut().disconnect(key(o));
    }

    /// Static memory is the swap cache (budget, bytes of blobs in it); dynamic memory
    /// is the process's resident set. No object is swapped out by the driver itself
    /// yet (`VM_RELOADS_ON_ACCESS`), so the swap rates are 0.
    fn status_info(&mut self) -> vm::host::HostStatus {
        let mut st = self.status.clone();
        if let Some(sw) = &self.swap {
            let sw = sw.borrow();
            let stats = sw.stats();
            st.swap_used = stats.file_sectors.saturating_sub(stats.free_sectors) as i64;
            st.smem_size = sw.config().cache_bytes as i64;
            st.smem_used = stats.resident_bytes as i64;
        }
        let rss = resident_bytes();
        st.dmem_size = rss;
        st.dmem_used = rss;
        let h = self.shared.borrow();
        st.nusers = h.users().len() as i64;
        let (short, long) = h.callouts.counts();
        st.call_outs_pending = Some((short as i64, long as i64));
        st
    }
}

/// The VM's blob store: the swapfile (`swap` crate) behind a bounded cache.
pub struct SwapStore {
    pub swap: Rc<std::cell::RefCell<swap::Swap>>,
}

impl BlobStore for SwapStore {
    fn put(&mut self, key: u64, blob: Vec<u8>) -> Result<(), String> {
        self.swap
            .borrow_mut()
            .put(key, blob)
            .map_err(|e| e.to_string())
    }
    fn get(&mut self, key: u64) -> Result<Option<Vec<u8>>, String> {
        self.swap
            .borrow_mut()
            .get(key)
            .map(|b| b.map(|a| a.to_vec()))
            .map_err(|e| e.to_string())
    }
    fn remove(&mut self, key: u64) -> Result<(), String> {
        self.swap
            .borrow_mut()
            .remove(key)
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

/// Whether the VM reloads an evicted object when it is next used (it does:
/// on every external call into it and before its call_outs run), so the
/// driver evicts objects itself, 1/`swap_fragment` of them after every task
/// and all of them on `swapout()`.
pub const VM_RELOADS_ON_ACCESS: bool = true;

/// The statedump table of the VM's own entries (its meta record and object
/// table, keyed as `vm::interp::tables` keys them).
pub const TABLE_VM: u32 = 0;

/// The LPC world.
pub struct VmWorld {
    pub vm: Vm,
    /// The VM's settings and the driver config, to rebuild it from a dump.
    vcfg: vm::interp::Config,
    cfg: Config,
    driver: Rc<Cell<Option<ObjRef>>>,
    shared: SharedHost,
    swap: Option<Rc<std::cell::RefCell<swap::Swap>>>,
    /// `swap_fragment`: after each task, 1/fragment of the objects in
    /// memory go to the swap (0: none).
    fragment: u32,
    /// Where the round-robin eviction continues.
    cursor: usize,
}

impl VmWorld {
    /// A VM for the config, its files under the mudlib directory, its
    /// evicted objects in `store`.
    pub fn new(cfg: &Config, shared: SharedHost, store: Box<dyn BlobStore>) -> VmWorld {
        Self::build(cfg, shared, store, None)
    }

    fn build(
        cfg: &Config,
        shared: SharedHost,
        store: Box<dyn BlobStore>,
        swap: Option<crate::store::SharedSwap>,
    ) -> VmWorld {
        let vcfg = vm::interp::Config {
            typechecking: cfg.typechecking,
            array_size: cfg.array_size as usize,
            create: cfg.create.clone(),
            auto_object: Some(cfg.auto_object.clone()),
            driver_object: Some(cfg.driver_object.clone()),
            include_dirs: cfg.include_dirs.clone(),
            include_file: Some(cfg.include_file.clone()),
            objects: cfg.objects as usize,
            editors: cfg.editors as usize,
            ..Default::default()
        };
        let driver = Rc::new(Cell::new(None));
        let host = VmHost::new(cfg, shared.clone(), driver.clone(), swap.clone());
        VmWorld {
            vm: Vm::new(vcfg.clone(), Box::new(host), store),
            vcfg,
            cfg: cfg.clone(),
            driver,
            shared,
            swap,
            fragment: 0,
            cursor: 0,
        }
    }

    /// A VM whose evicted objects go to the swap, with `swap_fragment`
    /// eviction after every task.
    pub fn with_swap(cfg: &Config, shared: SharedHost, sw: crate::store::SharedSwap) -> VmWorld {
        let mut w = Self::build(
            cfg,
            shared,
            Box::new(SwapStore { swap: sw.clone() }),
            Some(sw),
        );
        w.fragment = cfg.swap_fragment;
        w
    }

    /// Objects whose dataspace is in memory.
    fn resident(&self) -> Vec<ObjRef> {
        self.vm
            .objects
            .slots
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let o = s.obj.as_ref()?;
                (o.vars.is_some() && !o.destructed).then_some(ObjRef {
                    index: i as u32,
                    count: s.count,
                })
            })
            .collect()
    }

    /// Evicts `n` resident objects, round robin over the object table.
    fn evict_some(&mut self, n: usize) {
        let mut res = self.resident();
        if res.is_empty() || n == 0 {
            return;
        }
        let start = res.partition_point(|o| (o.index as usize) < self.cursor);
        res.rotate_left(start);
        for o in res.into_iter().take(n) {
            if let Err(e) = self.vm.evict(o) {
                log::line(&format!("cannot swap out object {}: {e}", o.index));
            }
            self.cursor = o.index as usize + 1;
        }
    }

    /// End of task: `swap_fragment` eviction of objects, then of the swap
    /// cache.
    fn swap_fragment(&mut self) {
        if self.fragment == 0 || !VM_RELOADS_ON_ACCESS {
            return;
        }
        let n = self.resident().len().div_ceil(self.fragment as usize);
        self.evict_some(n);
        if let Some(sw) = &self.swap {
            if let Err(e) = sw.borrow_mut().evict_fraction(self.fragment) {
                log::line(&format!("swap: {e}"));
            }
        }
    }

    /// A VM that keeps evicted objects in memory.
    pub fn in_memory(cfg: &Config, shared: SharedHost) -> VmWorld {
        Self::new(cfg, shared, Box::new(MemStore::default()))
    }

    /// Hands the VM's end-of-task requests and destructed users to the host.
    fn after_task(&mut self) {
        self.driver.set(self.vm.driver_object());
        let reqs = self.vm.take_requests();
        let mut h = self.shared.borrow_mut();
        for r in reqs {
            match r {
                Request::DumpState { incremental } => h.dump_state(incremental),
                Request::Shutdown { hotboot } => {
                    // The kfun checked `hotboot` against the config already
                    // when the VM asks the host; here it only records.
                    if h.shutdown(hotboot).is_err() {
                        let _ = h.shutdown(false);
                    }
                }
                Request::Swapout => h.swapout(),
            }
        }
        // Users whose objects were destructed lose their connection.
        for u in h.users() {
            if !self.vm.is_live(obj(u)) {
                h.object_destructed(u);
            }
        }
        drop(h);
        self.swap_fragment();
    }

    fn report(&self, what: &str, r: Result<Value, LpcError>) {
        if let Err(e) = r {
            // runtime_error in the driver object has already seen it
            let _ = (what, e);
        }
    }
}

impl World for VmWorld {
    fn cold_boot(&mut self, _host: &SharedHost) -> Result<(), WorldError> {
        let r = self.vm.boot();
        self.after_task();
        r.map_err(|e| {
            WorldError(format!(
                "initialization failed: {}",
                String::from_utf8_lossy(e.message.as_bytes())
            ))
        })
    }

    fn restore(
        &mut self,
        _host: &SharedHost,
        image: &crate::store::Image,
    ) -> Result<(), WorldError> {
        let entries: Vec<(u64, Vec<u8>)> = image
            .tables
            .table(TABLE_VM)
            .map(|t| t.iter().map(|(k, v)| (k, v.to_vec())).collect())
            .unwrap_or_default();
        let store: Box<dyn BlobStore> = match &self.swap {
            Some(sw) => Box::new(SwapStore { swap: sw.clone() }),
            None => Box::new(MemStore::default()),
        };
        let host = VmHost::new(
            &self.cfg,
            self.shared.clone(),
            self.driver.clone(),
            self.swap.clone(),
        );
        let vm = Vm::restore(self.vcfg.clone(), Box::new(host), store, entries).map_err(|e| {
            WorldError(format!(
                "cannot restore {}: {e}",
                image.info.primary.display()
            ))
        })?;
        self.vm = vm;
        self.driver.set(self.vm.driver_object());
        Ok(())
    }

    fn restored(&mut self, _host: &SharedHost, hotboot: bool) -> Result<(), WorldError> {
        let args = if hotboot {
            vec![Value::Int(1)]
        } else {
            Vec::new()
        };
        let r = self.vm.call_driver("restored", args);
        self.after_task();
        r.map(|_| ())
            .map_err(|e| WorldError(String::from_utf8_lossy(e.message.as_bytes()).into_owned()))
    }

    fn connect(
        &mut self,
        _host: &SharedHost,
        kind: PortKind,
        port: usize,
    ) -> Result<ObjKey, WorldError> {
        let f = match kind {
            PortKind::Telnet => "telnet_connect",
            PortKind::Binary => "binary_connect",
            PortKind::Datagram => "datagram_connect",
        };
        let r = self.vm.call_driver(f, vec![Value::Int(port as i32)]);
        self.after_task();
        match r {
            // as DGD: an object with an editor session cannot get a connection
            Ok(Value::Object(o)) if self.vm.is_editing(o) => {
                Err(WorldError("User object is already special purpose".into()))
            }
            Ok(Value::Object(o)) if self.vm.is_live(o) => Ok(key(o)),
            Ok(_) => Err(WorldError(format!(
                "driver->{f}() did not return a persistent object"
            ))),
            Err(e) => Err(WorldError(
                String::from_utf8_lossy(e.message.as_bytes()).into_owned(),
            )),
        }
    }

    fn event(&mut self, _host: &SharedHost, o: ObjKey, ev: Event<'_>) {
        let (f, args) = match ev {
            Event::Open => ("open", Vec::new()),
            Event::Receive(b) => ("receive_message", vec![Value::bytes(b)]),
            Event::Close { destructed } => ("close", vec![Value::Int(i32::from(destructed))]),
            Event::MessageDone => ("message_done", Vec::new()),
            Event::Datagram(b) => ("receive_datagram", vec![Value::bytes(b)]),
            Event::DatagramAttach => ("datagram_attach", Vec::new()),
            Event::Unconnected(code) => ("unconnected", vec![Value::Int(code)]),
        };
        let r = self.vm.call(obj(o), f, args);
        self.report(f, r);
        self.after_task();
    }

    fn call_out(&mut self, _host: &SharedHost, o: ObjKey, handle: u32) {
        // the call_out lives in the object's dataspace, which may be swapped out
        if let Err(e) = self.vm.ensure_loaded(obj(o).index) {
            log::line(&format!("call_out in a damaged object: {e}"));
            return;
        }
        let r = self.vm.run_call_out(obj(o), handle).map(|_| Value::Nil);
        self.report("call_out", r);
        self.after_task();
    }

    fn interrupt(&mut self, _host: &SharedHost) {
        let r = self.vm.call_driver("interrupt", Vec::new());
        self.report("interrupt", r);
        self.after_task();
    }

    fn prepare_dump(&mut self) -> Result<(statedump::TableDelta, Vec<u8>), WorldError> {
        self.vm
            .sync_store()
            .map_err(|e| WorldError(format!("cannot write the objects into the swap: {e}")))?;
        let mut delta = statedump::TableDelta::new();
        for (k, v) in self.vm.table_changes() {
            match v {
                Some(b) => delta.upsert(TABLE_VM, k, b),
                None => delta.remove(TABLE_VM, k),
            }
        }
        Ok((delta, Vec::new()))
    }

    fn visit_tables(&self, f: &mut dyn FnMut(u32, u64, &[u8])) {
        self.vm.visit_table_entries(&mut |k, b| f(TABLE_VM, k, b));
    }

    fn swapout(&mut self) {
        if VM_RELOADS_ON_ACCESS {
            let n = self.resident().len();
            self.evict_some(n);
        }
        if let Some(sw) = &self.swap {
            if let Err(e) = sw.borrow_mut().swapout() {
                log::line(&format!("swapout: {e}"));
            }
        }
    }
}
