//! The `editor()` and `query_editor()` kfuns: one [`Editor`] session per
//! persistent object, as DGD has them.
//!
//! - The first `editor()` call in an object starts its session; at most
//!   `Config::editors` sessions exist ("Too many editor instances") and only
//!   one may start per task ("Too many simultaneous editors started").
//! - Not from a light-weight object, a destructed object, a user object
//!   (DGD's "special purpose"), or inside an atomic function.
//! - File names in `r`, `e`, `w` go to the driver object's `path_read` /
//!   `path_write` (with the editing object as `previous_object()`; the
//!   driver object itself is not asked), whose string result is normalised
//!   as DGD does and confined to the mudlib root like the file kfuns; a
//!   non-string result makes the file unreadable / the write fail. An error
//!   in those hooks is an error of `editor()`.
//! - The session ends when `q`/`x`/`wq` quits or the object is destructed
//!   (refused inside an atomic function and while an editor command runs).
//! - Sessions are not part of a statedump: as in DGD, no object is editing
//!   after a restore.

use super::{err, This, Vm};
use crate::editor::{EdError, EdIo, Editor, FileRead, FileWrite, STRINGSZ};
use crate::kfun::files::{confine, normalize};
use crate::value::{LStr, LpcError, ObjRef, Value};
use std::collections::HashMap;
use std::io::{Read, Write};

/// The editor sessions of a VM.
#[derive(Default)]
pub(crate) struct Sessions {
    /// By object slot: (creation count, session).
    map: HashMap<u32, (u32, Editor)>,
    /// The slot whose session started in this task.
    new_in_task: Option<u32>,
    /// While a command runs: its object's slot and status (the session is
    /// out of the map then).
    busy: Option<(u32, &'static str)>,
}

impl Sessions {
    /// Forget which session started in this task (the end of a task).
    pub(crate) fn end_task(&mut self) {
        self.new_in_task = None;
    }

    fn has(&self, o: ObjRef) -> bool {
        self.map.get(&o.index).is_some_and(|(c, _)| *c == o.count)
            || self.busy.is_some_and(|(i, _)| i == o.index)
    }

    /// Number of sessions.
    pub(crate) fn len(&self) -> usize {
        self.map.len() + usize::from(self.busy.is_some())
    }
}

/// File access of one editor command: through the driver's path hooks, then
/// confined to the mudlib root.
struct VmEdIo<'a> {
    vm: &'a mut Vm,
    /// Is the editing object the driver object (no hooks then)?
    is_driver: bool,
}

/// DGD's path resolution for the editor: at most 255 bytes, up to a NUL.
fn resolve(path: &[u8]) -> Option<Vec<u8>> {
    let end = path.iter().position(|&c| c == 0).unwrap_or(path.len());
    let p = &path[..end.min(STRINGSZ - 1)];
    normalize(p)
}

impl VmEdIo<'_> {
    /// The mudlib-relative path for `name` after the driver's hook, if any.
    fn path(&mut self, hook: &str, name: &[u8]) -> Result<Option<Vec<u8>>, LpcError> {
        if self.is_driver {
            return Ok(resolve(name));
        }
        let Some(d) = self.vm.driver_object() else {
            return Ok(resolve(name));
        };
        match self
            .vm
            .call_in(d, hook, vec![Value::String(LStr::from_bytes(name))], true)?
        {
            Value::String(s) => Ok(resolve(s.as_bytes())),
            _ => Ok(None),
        }
    }

    fn host_path(&self, rel: &[u8]) -> Option<std::path::PathBuf> {
        let root = self.vm.host.mudlib_root()?;
        confine(&root, rel, true).ok()
    }
}

impl EdIo for VmEdIo<'_> {
    type Error = LpcError;

    fn read(&mut self, name: &[u8]) -> Result<FileRead, LpcError> {
        let Some(rel) = self.path("path_read", name)? else {
            return Ok(FileRead::Unreadable);
        };
        let Some(p) = self.host_path(&rel) else {
            return Ok(FileRead::Unreadable);
        };
        let Ok(mut f) = std::fs::File::open(&p) else {
            return Ok(FileRead::Unreadable);
        };
        if !f.metadata().is_ok_and(|m| m.is_file()) {
            return Ok(FileRead::Unreadable);
        }
        let mut data = Vec::new();
        if f.read_to_end(&mut data).is_err() {
            return Ok(FileRead::Failed(rel));
        }
        Ok(FileRead::Data(data))
    }

    fn write(&mut self, name: &[u8], data: &[u8], append: bool) -> Result<FileWrite, LpcError> {
        let Some(rel) = self.path("path_write", name)? else {
            return Ok(FileWrite::Refused);
        };
        if rel == b"." {
            return Ok(FileWrite::Refused);
        }
        let Some(p) = self.host_path(&rel) else {
            return Ok(FileWrite::Refused);
        };
        if std::fs::metadata(&p).is_ok_and(|m| !m.is_file()) {
            return Ok(FileWrite::Refused);
        }
        let mut opts = std::fs::OpenOptions::new();
        opts.create(true);
        if append {
            opts.append(true);
        } else {
            opts.write(true).truncate(true);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o664);
        }
        let Ok(mut f) = opts.open(&p) else {
            return Ok(FileWrite::Refused);
        };
        if f.write_all(data).is_err() {
            return Ok(FileWrite::Failed(rel));
        }
        Ok(FileWrite::Done)
    }
}

impl Vm {
    /// `editor(varargs string command)`.
    pub(super) fn kf_editor(&mut self, args: &[Value]) -> Result<Value, LpcError> {
        let this = match self.frames.last().map(|f| self.fthis(f)) {
            Some(This::Obj(i)) => *i,
            _ => return err("editor() in non-persistent object"),
        };
        let Some(o) = self.objects.handle(this) else {
            return err("editor() in destructed object");
        };
        if !self.objects.is_live(o) {
            return err("editor() in destructed object");
        }
        if self.host.is_user(o) {
            return err("editor() in special purpose object");
        }
        if self.atomic > 0 {
            return err("editor() within atomic function");
        }
        let command = match args.first() {
            None => None,
            Some(Value::String(s)) => Some(s.as_bytes().to_vec()),
            Some(_) => return err("Bad argument 1 for kfun editor"),
        };
        if self.editors.busy.is_some() {
            return err("Recursion in editor command");
        }
        if !self.editors.has(o) {
            if self.editors.new_in_task.is_some() {
                return err("Too many simultaneous editors started");
            }
            if self.editors.len() >= self.cfg.editors {
                return err("Too many editor instances");
            }
            self.editors.map.insert(o.index, (o.count, Editor::new()));
            self.editors.new_in_task = Some(o.index);
        }
        let Some(command) = command else {
            return Ok(Value::Nil);
        };
        let Some((count, mut ed)) = self.editors.map.remove(&o.index) else {
            return Ok(Value::Nil);
        };
        self.editors.busy = Some((o.index, ed.status()));
        let is_driver = self.driver_object() == Some(o);
        let r = {
            let mut io = VmEdIo {
                vm: &mut *self,
                is_driver,
            };
            ed.command(&command, &mut io)
        };
        self.editors.busy = None;
        match r {
            Ok(reply) => {
                if reply.quit {
                    if self.editors.new_in_task == Some(o.index) {
                        self.editors.new_in_task = None;
                    }
                } else {
                    self.editors.map.insert(o.index, (count, ed));
                }
                Ok(reply
                    .output
                    .map_or(Value::Nil, |b| Value::String(LStr::new(b))))
            }
            Err(e) => {
                self.editors.map.insert(o.index, (count, ed));
                match e {
                    EdError::Io(e) => Err(e),
                    other => err(other.to_string()),
                }
            }
        }
    }

    /// `query_editor(object obj)`.
    pub(super) fn kf_query_editor(&mut self, args: &[Value]) -> Result<Value, LpcError> {
        let Some(Value::Object(o)) = args.first() else {
            return Ok(Value::Nil);
        };
        if !self.objects.is_live(*o) {
            return Ok(Value::Nil);
        }
        if let Some((i, status)) = self.editors.busy {
            if i == o.index {
                return Ok(Value::str(status));
            }
        }
        match self.editors.map.get(&o.index) {
            Some((c, ed)) if *c == o.count => Ok(Value::str(ed.status())),
            _ => Ok(Value::Nil),
        }
    }

    /// `obj` is being destructed: its session ends (refused inside an
    /// atomic function and while an editor command runs, as DGD).
    pub(super) fn editor_destructed(&mut self, o: ObjRef) -> Result<(), LpcError> {
        if !self.editors.has(o) {
            return Ok(());
        }
        if self.atomic > 0 {
            return err("Destructing editor object in atomic function");
        }
        if self.editors.busy.is_some() {
            return err("Recursion in editor command");
        }
        self.editors.map.remove(&o.index);
        if self.editors.new_in_task == Some(o.index) {
            self.editors.new_in_task = None;
        }
        Ok(())
    }

    /// Is `obj` editing (DGD's O_EDITOR)?
    pub fn is_editing(&self, o: ObjRef) -> bool {
        self.objects.is_live(o) && self.editors.has(o)
    }
}
