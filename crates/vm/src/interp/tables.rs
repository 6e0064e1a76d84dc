//! The VM's global tables as keyed entries (object table, meta), for dumps that are
//! O(changes), and restoring a VM from them plus the blob store.
//!
//! Keys: [`META_KEY`] is the VM's own record; [`object_key`] is one object-table slot.
//! Dataspaces and programs live in the [`BlobStore`] under
//! [`crate::persist::dataspace_key`] and [`crate::persist::program_key`].

use super::*;
use crate::persist;

/// Table key of the VM meta record.
pub const META_KEY: u64 = 0;
/// Version of table entries.
pub const TABLE_VERSION: u16 = 1;

/// Table key of object slot `index`.
pub fn object_key(index: u32) -> u64 {
    (1u64 << 32) | index as u64
}

/// Errors restoring a VM.
#[derive(Debug, thiserror::Error)]
pub enum RestoreError {
    #[error("table entry {key:#x}: {msg}")]
    BadEntry { key: u64, msg: String },
    #[error("program {id}: {msg}")]
    Program { id: u32, msg: String },
    #[error("blob store: {0}")]
    Store(String),
}

struct W(Vec<u8>);
impl W {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u16(&mut self, v: u16) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn bytes(&mut self, b: &[u8]) {
        self.u32(b.len() as u32);
        self.0.extend_from_slice(b);
    }
    fn finish(mut self) -> Vec<u8> {
        let sum = xxhash_rust::xxh3::xxh3_64(&self.0);
        self.u64(sum);
        self.0
    }
}

struct R<'a> {
    b: &'a [u8],
    at: usize,
}
impl R<'_> {
    fn new(b: &[u8]) -> Result<R<'_>, String> {
        if b.len() < 10 {
            return Err("entry too short".into());
        }
        let (body, sum) = b.split_at(b.len() - 8);
        let mut a = [0u8; 8];
        a.copy_from_slice(sum);
        if u64::from_le_bytes(a) != xxhash_rust::xxh3::xxh3_64(body) {
            return Err("checksum mismatch".into());
        }
        Ok(R { b: body, at: 0 })
    }
    fn take(&mut self, n: usize) -> Result<&[u8], String> {
        let s = self
            .b
            .get(self.at..self.at + n)
            .ok_or_else(|| format!("truncated at byte {}", self.at))?;
        self.at += n;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, String> {
        let s = self.take(2)?;
        Ok(u16::from_le_bytes([s[0], s[1]]))
    }
    fn u32(&mut self) -> Result<u32, String> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn u64(&mut self) -> Result<u64, String> {
        let s = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(s);
        Ok(u64::from_le_bytes(a))
    }
    fn bytes(&mut self) -> Result<Vec<u8>, String> {
        let n = self.u32()? as usize;
        Ok(self.take(n)?.to_vec())
    }
}

/// What a restored object entry holds.
struct ObjEntry {
    count: u32,
    name: LStr,
    prog: u32,
    is_clone: bool,
    created: bool,
    master: u32,
    nclones: u32,
    next_handle: u32,
    callouts: Vec<(u32, f64, bool, LStr)>,
}

fn encode_object(o: &Object, count: u32) -> Vec<u8> {
    let mut w = W(Vec::new());
    w.u16(TABLE_VERSION);
    w.u8(1); // kind: object
    w.u32(count);
    w.bytes(&o.name);
    w.u32(o.prog.id);
    w.u8(o.is_clone as u8 | (o.created as u8) << 1);
    w.u32(o.master);
    w.u32(o.nclones);
    w.u32(o.next_handle);
    w.u32(o.callouts.len() as u32);
    for (h, c) in &o.callouts {
        w.u32(*h);
        w.u64(c.due_bits());
        w.bytes(&c.func);
    }
    w.finish()
}

fn decode_object(b: &[u8]) -> Result<ObjEntry, String> {
    let mut r = R::new(b)?;
    if r.u16()? != TABLE_VERSION {
        return Err("unsupported table version".into());
    }
    if r.u8()? != 1 {
        return Err("not an object entry".into());
    }
    let count = r.u32()?;
    let name = LStr::new(r.bytes()?);
    let prog = r.u32()?;
    let fl = r.u8()?;
    let master = r.u32()?;
    let nclones = r.u32()?;
    let next_handle = r.u32()?;
    let n = r.u32()? as usize;
    if n > b.len() {
        return Err("bad call_out count".into());
    }
    let mut callouts = Vec::with_capacity(n);
    for _ in 0..n {
        let h = r.u32()?;
        let (due, millis) = CallOut::from_due_bits(r.u64()?);
        let f = LStr::new(r.bytes()?);
        callouts.push((h, due, millis, f));
    }
    Ok(ObjEntry {
        count,
        name,
        prog,
        is_clone: fl & 1 != 0,
        created: fl & 2 != 0,
        master,
        nclones,
        next_handle,
        callouts,
    })
}

impl Vm {
    fn encode_meta(&self) -> Vec<u8> {
        let mut w = W(Vec::new());
        w.u16(TABLE_VERSION);
        w.u8(0); // kind: meta
        w.u32(self.next_prog_id);
        w.u64(self.boot_time as u64);
        match self.driver_object() {
            Some(d) => {
                w.u8(1);
                w.u32(d.index);
                w.u32(d.count);
            }
            None => w.u8(0),
        }
        w.u32(self.auto_prog.as_ref().map(|p| p.id).unwrap_or(0));
        w.u64(self.rng);
        let mut pr: Vec<u32> = self.privileged.iter().copied().collect();
        pr.sort_unstable();
        w.u32(pr.len() as u32);
        for p in pr {
            w.u32(p);
        }
        w.u32(self.objects.slots.len() as u32);
        w.finish()
    }

    /// Writes every changed dataspace and every new program to the blob store. Call
    /// between tasks, before taking a dump.
    pub fn sync_store(&mut self) -> Result<(), String> {
        if self.in_task > 0 {
            return Err("sync_store inside a task".into());
        }
        // programs
        let mut progs: Vec<Rc<Program>> = Vec::new();
        for s in &self.objects.slots {
            if let Some(o) = &s.obj {
                collect_progs(&o.prog, &mut progs);
            }
        }
        progs.sort_by_key(|p| p.id);
        progs.dedup_by_key(|p| p.id);
        let live: std::collections::HashSet<u32> = progs.iter().map(|p| p.id).collect();
        for p in progs {
            if self.stored_progs.insert(p.id) {
                let blob = persist::encode_program(&p, &self.kfuns);
                self.store.put(persist::program_key(p.id), blob)?;
            }
        }
        // programs no object uses any more (removed, or replaced by a recompile)
        let mut dead: Vec<u32> = self
            .stored_progs
            .iter()
            .copied()
            .filter(|id| !live.contains(id))
            .collect();
        dead.sort_unstable();
        for id in dead {
            self.store.remove(persist::program_key(id))?;
            self.stored_progs.remove(&id);
        }
        for i in 0..self.objects.slots.len() {
            let count = self.objects.slots[i].count;
            let Some(o) = self.objects.slots[i].obj.as_mut() else {
                continue;
            };
            if !o.dirty {
                continue;
            }
            let Some(vars) = o.vars.as_ref() else {
                continue;
            };
            let blob = persist::encode_dataspace(&persist::Dataspace {
                vars: vars.clone(),
                callouts: o.callouts.clone(),
            });
            o.dirty = false;
            self.store
                .put(persist::dataspace_key(i as u32, count), blob)?;
        }
        Ok(())
    }

    /// Every table entry (a full dump).
    pub fn table_entries(&mut self) -> Vec<(u64, Vec<u8>)> {
        let mut v = Vec::new();
        self.visit_table_entries(&mut |k, b| v.push((k, b.to_vec())));
        self.table_dirty.clear();
        v
    }

    /// Calls `f(key, entry)` for every table entry, without marking anything clean
    /// (a full dump right after [`Vm::table_changes`]).
    pub fn visit_table_entries(&self, f: &mut dyn FnMut(u64, &[u8])) {
        f(META_KEY, &self.encode_meta());
        for (i, s) in self.objects.slots.iter().enumerate() {
            if let Some(o) = &s.obj {
                if !o.destructed {
                    f(object_key(i as u32), &encode_object(o, s.count));
                }
            }
        }
    }

    /// Entries changed since the last call of this or [`Vm::table_entries`]
    /// (`None`: the entry is gone). Always includes the meta record.
    pub fn table_changes(&mut self) -> Vec<(u64, Option<Vec<u8>>)> {
        let mut v = vec![(META_KEY, Some(self.encode_meta()))];
        let dirty = std::mem::take(&mut self.table_dirty);
        for i in dirty {
            match self.objects.slots.get(i as usize) {
                Some(s) => match &s.obj {
                    Some(o) if !o.destructed => {
                        v.push((object_key(i), Some(encode_object(o, s.count))))
                    }
                    _ => v.push((object_key(i), None)),
                },
                None => v.push((object_key(i), None)),
            }
        }
        v
    }

    /// Rebuilds a VM from table entries; dataspaces load lazily from `store`.
    pub fn restore(
        cfg: Config,
        host: Box<dyn Host>,
        store: Box<dyn BlobStore>,
        entries: Vec<(u64, Vec<u8>)>,
    ) -> Result<Vm, RestoreError> {
        let mut vm = Vm::new(cfg, host, store);
        let mut objs: Vec<(u32, ObjEntry)> = Vec::new();
        let mut meta = None;
        for (k, b) in &entries {
            if *k == META_KEY {
                meta = Some(b.clone());
            } else if k >> 32 == 1 {
                let e = decode_object(b).map_err(|msg| RestoreError::BadEntry { key: *k, msg })?;
                objs.push(((k & 0xffff_ffff) as u32, e));
            }
        }
        let meta = meta.ok_or(RestoreError::BadEntry {
            key: META_KEY,
            msg: "missing".into(),
        })?;
        let mut r = R::new(&meta).map_err(|msg| RestoreError::BadEntry { key: META_KEY, msg })?;
        let bad = |msg: String| RestoreError::BadEntry { key: META_KEY, msg };
        if r.u16().map_err(bad)? != TABLE_VERSION || r.u8().map_err(bad)? != 0 {
            return Err(bad("bad meta record".into()));
        }
        vm.next_prog_id = r.u32().map_err(bad)?;
        vm.boot_time = r.u64().map_err(bad)? as i64;
        let driver = if r.u8().map_err(bad)? != 0 {
            Some(ObjRef {
                index: r.u32().map_err(bad)?,
                count: r.u32().map_err(bad)?,
            })
        } else {
            None
        };
        let auto_id = r.u32().map_err(bad)?;
        vm.rng = r.u64().map_err(bad)?;
        let np = r.u32().map_err(bad)? as usize;
        for _ in 0..np.min(meta.len()) {
            vm.privileged.insert(r.u32().map_err(bad)?);
        }
        let nslots = r.u32().map_err(bad)? as usize;
        // programs
        let mut progs: HashMap<u32, Rc<Program>> = HashMap::new();
        for (_, e) in &objs {
            vm.load_program(e.prog, &mut progs, 0)?;
        }
        if auto_id != 0 {
            vm.load_program(auto_id, &mut progs, 0)?;
            vm.auto_prog = progs.get(&auto_id).cloned();
        }
        // object table
        let max_index = objs
            .iter()
            .map(|(i, _)| *i as usize + 1)
            .max()
            .unwrap_or(0)
            .max(nslots);
        vm.objects.slots = (0..max_index)
            .map(|_| crate::object::Slot::default())
            .collect();
        for (i, e) in objs {
            let prog = progs.get(&e.prog).cloned().ok_or(RestoreError::Program {
                id: e.prog,
                msg: "not loaded".into(),
            })?;
            let slot = &mut vm.objects.slots[i as usize];
            slot.count = e.count;
            let mut callouts = std::collections::BTreeMap::new();
            for (h, due, millis, f) in e.callouts {
                callouts.insert(
                    h,
                    CallOut {
                        func: f,
                        due,
                        args: Vec::new(),
                        summand: false,
                        millis,
                    },
                );
            }
            slot.obj = Some(Box::new(Object {
                name: e.name.clone(),
                prog,
                is_clone: e.is_clone,
                master: e.master,
                vars: None,
                created: e.created,
                destructed: false,
                nclones: e.nclones,
                callouts,
                next_handle: e.next_handle,
                free_handles: Vec::new(),
                pending_prog: None,
                dirty: false,
                touched: false,
            }));
            if let Some(o) = slot.obj.as_deref_mut() {
                o.rebuild_free_handles();
            }
            vm.objects.live += 1;
            if !e.is_clone {
                vm.objects.by_name.insert(e.name, i);
            }
        }
        for (i, s) in vm.objects.slots.iter().enumerate() {
            if s.obj.is_none() {
                vm.objects.free.push(i as u32);
            }
        }
        vm.objects.free.reverse();
        vm.driver = driver;
        if let Some(d) = driver {
            vm.host.set_driver_object(d);
        }
        for (id, p) in &progs {
            vm.stored_progs.insert(*id);
            vm.prog_infos
                .entry(*id)
                .or_insert_with(|| std::sync::Arc::new(info_from_program(p)));
        }
        Ok(vm)
    }

    fn load_program(
        &mut self,
        id: u32,
        progs: &mut HashMap<u32, Rc<Program>>,
        depth: u32,
    ) -> Result<(), RestoreError> {
        if progs.contains_key(&id) {
            return Ok(());
        }
        if depth > 256 {
            return Err(RestoreError::Program {
                id,
                msg: "inheritance too deep".into(),
            });
        }
        let blob = self
            .store
            .get(persist::program_key(id))
            .map_err(RestoreError::Store)?
            .ok_or(RestoreError::Program {
                id,
                msg: "missing from the store".into(),
            })?;
        loop {
            let res = persist::decode_program(&blob, &self.kfuns, &|a| progs.get(&a).cloned());
            match res {
                Ok(p) => {
                    progs.insert(id, Rc::new(p));
                    return Ok(());
                }
                Err(persist::ProgramError::MissingAncestor(a)) if a != id => {
                    self.load_program(a, progs, depth + 1)?;
                }
                Err(e) => {
                    return Err(RestoreError::Program {
                        id,
                        msg: e.to_string(),
                    })
                }
            }
        }
    }
}

fn collect_progs(p: &Rc<Program>, out: &mut Vec<Rc<Program>>) {
    for a in &p.ancestors {
        out.push(a.prog.clone());
    }
    out.push(p.clone());
}

/// The typechecker's view of a program, rebuilt from the compiled program (after a
/// restore, for compiling programs that inherit it).
pub fn info_from_program(p: &Rc<Program>) -> crate::typecheck::ProgramInfo {
    use crate::typecheck::{FuncInfo, ProgramInfo, Signature, VarInfo};
    let mut functions = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut add_funcs = |prog: &Rc<Program>, functions: &mut Vec<FuncInfo>| {
        for f in &prog.funcs {
            if f.mods.private || !seen.insert(f.name.clone()) {
                continue;
            }
            functions.push(FuncInfo {
                name: std::sync::Arc::from(&*f.name.to_str_lossy()),
                sig: Signature {
                    ret: ast_type(f.ret),
                    params: f.params.iter().map(|t| ast_type(*t)).collect(),
                    min_args: f.min_args as usize,
                    ellipsis: f.ellipsis,
                    typechecked: true,
                    lvalue_from: None,
                },
                mods: crate::ast::Modifiers {
                    private: f.mods.private,
                    static_: f.mods.static_,
                    nomask: f.mods.nomask,
                    atomic: f.mods.atomic,
                    varargs: f.mods.varargs,
                },
                defined: f.defined,
                origin: std::sync::Arc::from(&*prog.name.to_str_lossy()),
            });
        }
    };
    add_funcs(p, &mut functions);
    for a in p.ancestors.iter().rev() {
        if !a.private {
            add_funcs(&a.prog, &mut functions);
        }
    }
    functions.sort_by(|a, b| a.name.cmp(&b.name));
    let mut variables = Vec::new();
    let mut vseen = std::collections::HashSet::new();
    let progs: Vec<&Rc<Program>> = std::iter::once(p)
        .chain(
            p.ancestors
                .iter()
                .rev()
                .filter(|a| !a.private)
                .map(|a| &a.prog),
        )
        .collect();
    for prog in progs {
        for v in &prog.vars {
            if v.private || !vseen.insert(v.name.clone()) {
                continue;
            }
            variables.push(VarInfo {
                name: std::sync::Arc::from(&*v.name.to_str_lossy()),
                ty: ast_type(v.ty),
                mods: crate::ast::Modifiers {
                    private: v.private,
                    static_: v.static_,
                    ..Default::default()
                },
                origin: std::sync::Arc::from(&*prog.name.to_str_lossy()),
            });
        }
    }
    variables.sort_by(|a, b| a.name.cmp(&b.name));
    ProgramInfo {
        path: std::sync::Arc::from(&*p.name.to_str_lossy()),
        functions,
        variables,
        inherits: p
            .ancestors
            .iter()
            .map(|a| std::sync::Arc::from(&*a.prog.name.to_str_lossy()))
            .collect(),
    }
}
