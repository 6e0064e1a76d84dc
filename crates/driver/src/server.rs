//! The main loop: one task at a time, from connections, call_outs and
//! signals; dumps, shutdowns and swap-outs at the end of a task; the swap
//! pacer between tasks.

use crate::callout::{CallOuts, ObjKey};
use crate::config::Config;
use crate::hotboot;
use crate::log;
use crate::net::{ConnId, Net, PortKind};
use crate::signals;
use crate::store::{SharedSwap, Store, DRIVER_TABLES};
use crate::supervisor;
use crate::world::{DumpKind, Event, Host, Requests, SharedHost, World};
use std::cell::RefCell;
use std::os::fd::FromRawFd;
use std::path::PathBuf;
use std::rc::Rc;

/// How often (ms) the loop returns to the swap pacer while it has work.
const PACE_MS: u64 = 10;

/// Most call_outs run in one loop turn before input is looked at again.
const CALLOUTS_PER_TURN: usize = 256;

/// How the server ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exit {
    /// `shutdown()`, or a signal after its panic dump.
    Shutdown,
    /// `shutdown(1)` whose `exec` failed (DGD exits with status 1 then).
    HotbootFailed(String),
}

/// What to start from.
#[derive(Debug, Clone, Default)]
pub struct Start {
    pub restore: Option<PathBuf>,
    pub secondary: Option<PathBuf>,
}

/// Sent to connections the crash supervisor kept while the driver was
/// restarted.
pub const RESTART_NOTICE: &[u8] =
    b"\n*** The driver was restarted; the world is back at its last statedump. ***\n";

pub use crate::store::{TABLE_CALLOUTS, TABLE_HOTBOOT};

pub struct Server<W: World> {
    pub world: W,
    pub host: SharedHost,
    pub store: Store,
    pub config: Config,
    /// Signals seen; a second one while the panic dump is pending is noted.
    interrupted: bool,
    /// Longest a loop turn waits for sockets (None: until something
    /// happens). Tests bound it so a turn always returns.
    pub max_wait_ms: Option<u64>,
    /// The connection just served had input, closed or went: the pass over
    /// the connections ends there (as DGD's, one input per pass).
    pass_ended: bool,
}

impl<W: World> Server<W> {
    /// Boots: headers, sockets, signals, then a cold boot or a restore.
    pub fn boot(world: W, config: Config, start: &Start) -> anyhow::Result<Self> {
        Self::boot_with(config, start, |_, _, _| world)
    }

    /// Boots with a world made once the shared host exists (the VM's host
    /// adapter holds on to it).
    pub fn boot_with(
        config: Config,
        start: &Start,
        make: impl FnOnce(&Config, &SharedHost, SharedSwap) -> W,
    ) -> anyhow::Result<Self> {
        let inherited = hotboot::inherited_fds();
        // SAFETY-relevant order: a hot-booted driver adopts its inherited
        // sockets before it binds anything, so nothing is bound twice.
        let hot = start.restore.is_some() && !inherited.is_empty();
        if !hot && !inherited.is_empty() {
            // exec'ed by a hot-boot but not told to restore: nothing to
            // adopt; free the ports so they can be bound again.
            let link: Option<i32> = std::env::var(supervisor::LINK_ENV)
                .ok()
                .and_then(|v| v.parse().ok());
            for fd in &inherited {
                if Some(*fd) != link && hotboot::is_socket(*fd) {
                    // SAFETY: inherited for us alone and checked to be a socket.
                    drop(unsafe { std::os::fd::OwnedFd::from_raw_fd(*fd) });
                }
            }
            // Still one thread here: nothing else reads the environment.
            std::env::remove_var(hotboot::FDS_ENV);
        }
        let handover = supervisor::child_handover(!hot)?;
        let mut handed_back = Vec::new();
        let mut link = None;
        let mut net = match handover {
            Some(h) if !hot => {
                link = Some(supervisor::Link::new(h.link));
                let mut net = Net::with_listeners(h.listeners, config.users);
                net.next_serial = h.next_serial;
                for (kind, index, stream, serial) in
                    h.clients.into_iter().map(|(k, i, s, st)| (k, i, st, s))
                {
                    let id = net.insert_with_serial(kind, index, stream, serial);
                    if let Some(c) = net.get_mut(id) {
                        c.send(RESTART_NOTICE);
                    }
                    handed_back.push(id);
                }
                net
            }
            Some(h) => {
                link = Some(supervisor::Link::new(h.link));
                Net::with_listeners(Vec::new(), config.users)
            }
            None if hot => Net::with_listeners(Vec::new(), config.users),
            None => Net::bind(&config.telnet_ports, &config.binary_ports, config.users)?,
        };
        net.link = link;
        let mut host = Host::new(
            net,
            CallOuts::new(config.call_outs),
            config.hotboot.is_some(),
        );
        match signals::install() {
            Ok(fd) => host.net.wake_fd = Some(fd),
            Err(e) => log::line(&format!("cannot install signal handlers: {e}")),
        }
        let shared: SharedHost = Rc::new(RefCell::new(host));
        let (store, image) = match &start.restore {
            None => (Store::create(&config)?, None),
            Some(dump) => {
                let (st, img) = Store::restore(&config, dump, start.secondary.as_deref())?;
                log::line(&format!(
                    "restoring {}: generation {}, {} commit(s), {} objects{}",
                    img.info.primary.display(),
                    img.info.generation,
                    img.info.commits,
                    img.info.objects,
                    match &img.info.secondary_used {
                        Some(p) => format!(", completed from {}", p.display()),
                        None => String::new(),
                    }
                ));
                for (off, why) in &img.info.skipped {
                    log::line(&format!(
                        "skipped an incomplete commit at byte {off}: {why}"
                    ));
                }
                (st, Some(img))
            }
        };
        let mut world = make(&config, &shared, store.swap.clone());
        crate::headers::write_all(&config.header_dir(), &world.kfuns())?;
        let mut hotbooted = false;
        match &image {
            None => {
                world.cold_boot(&shared)?;
            }
            Some(image) => {
                world.restore(&shared, image)?;
                let mut host = shared.borrow_mut();
                if let Some(bytes) = image.tables.get(TABLE_CALLOUTS, 0) {
                    host.callouts = CallOuts::decode(bytes, config.call_outs)?;
                }
                if let (true, Some(bytes)) = (hot, image.tables.get(TABLE_HOTBOOT, 0)) {
                    let t = hotboot::Table::decode(bytes)?;
                    let (listeners, conns) = hotboot::adopt(&t, &inherited);
                    let mut net = Net::with_listeners(listeners, config.users);
                    net.wake_fd = host.net.wake_fd;
                    net.link = host.net.link.take();
                    for c in conns {
                        // SAFETY: adopt() checked the descriptor is an
                        // inherited socket listed once.
                        let s = unsafe { crate::net::stream_from_fd(c.fd) };
                        let id = net.insert(c.kind, c.port_index as usize, s);
                        if let Some(conn) = net.get_mut(id) {
                            conn.blocked = c.blocked;
                            // No greeting again: the client has it.
                            conn.discard_output();
                        }
                        if let Some(o) = c.obj {
                            net.bind_obj(id, o);
                        }
                    }
                    hotbooted = true;
                    host.net = net;
                }
                if hot && !hotbooted {
                    // Inherited descriptors but no table: bind normally.
                    let wake = host.net.wake_fd;
                    let link = host.net.link.take();
                    host.net = Net::bind(&config.telnet_ports, &config.binary_ports, config.users)?;
                    host.net.wake_fd = wake;
                    host.net.link = link;
                }
                // Still one thread here: nothing else reads the environment.
                std::env::remove_var(hotboot::FDS_ENV);
                drop(host);
                world.restored(&shared, hotbooted)?;
            }
        }
        shared.borrow_mut().net.bind_datagram(
            &config.datagram_ports,
            &config.binary_ports,
            config.datagram_users,
        )?;
        let mut s = Server {
            world,
            host: shared,
            store,
            config,
            interrupted: false,
            max_wait_ms: None,
            pass_ended: false,
        };
        let ports = {
            let h = s.host.borrow();
            [
                ("telnet", h.net.telnet_ports.clone()),
                ("binary", h.net.binary_ports.clone()),
                ("datagram", h.net.datagram_ports()),
            ]
        };
        for (kind, ports) in ports {
            for p in ports {
                log::line(&format!("listening on {kind} port {p}"));
            }
        }
        if let Some(exit) = s.end_task() {
            anyhow::bail!("shut down during boot: {exit:?}");
        }
        // Connections the supervisor kept across a crash are greeted anew.
        s.host.borrow_mut().net.accepted.extend(handed_back);
        Ok(s)
    }

    /// Runs until shutdown.
    pub fn run(&mut self) -> Exit {
        loop {
            if let Some(e) = self.turn() {
                return e;
            }
        }
    }

    fn h(&self) -> std::cell::RefMut<'_, Host> {
        self.host.borrow_mut()
    }

    /// One loop turn; `Some` when the server stops.
    pub fn turn(&mut self) -> Option<Exit> {
        let pacing = self.store.pace();

        if signals::take() {
            if let Some(e) = self.interrupt() {
                return Some(e);
            }
        }

        {
            let mut h = self.h();
            let timeout = if h.net.has_work() {
                Some(0)
            } else {
                // while migrating out of the last dump, come back often
                let pace = pacing.then_some(PACE_MS);
                [h.callouts.next_due_in(), self.max_wait_ms, pace]
                    .into_iter()
                    .flatten()
                    .min()
            };
            h.net.poll(timeout);
        }

        // new connections
        loop {
            let next = self.h().net.accepted.pop_front();
            let Some(id) = next else { break };
            if let Some(e) = self.accept(id) {
                return Some(e);
            }
        }

        // connections in DGD's round robin: each gets its message_done()
        // and datagram; the first with input (or that closed) ends the pass
        let n = self.h().net.ring_len();
        for _ in 0..n {
            let next = self.h().net.ring_next();
            let Some(id) = next else { break };
            self.pass_ended = false;
            if let Some(e) = self.serve(id) {
                return Some(e);
            }
            if self.pass_ended {
                break;
            }
        }

        // due call_outs
        let now = self.h().callouts.clock();
        for _ in 0..CALLOUTS_PER_TURN {
            let due = self.h().callouts.pop_due(now);
            let Some((obj, handle)) = due else {
                break;
            };
            self.h().this_user = None;
            self.world.call_out(&self.host, obj, handle);
            if let Some(e) = self.end_task() {
                return Some(e);
            }
        }
        None
    }

    fn accept(&mut self, id: ConnId) -> Option<Exit> {
        let (kind, port) = {
            let h = self.h();
            let c = h.net.get(id)?;
            (c.kind, c.port_index)
        };
        self.h().this_user = None;
        match self.world.connect(&self.host, kind, port) {
            Ok(obj) => {
                let taken = self.h().net.of_obj(obj).is_some();
                if taken {
                    log::line(&format!(
                        "{}_connect() returned an object that already has a connection",
                        match kind {
                            PortKind::Telnet => "telnet",
                            PortKind::Binary => "binary",
                            PortKind::Datagram => "datagram",
                        }
                    ));
                    self.h().net.remove(id);
                } else {
                    {
                        let mut h = self.h();
                        h.net.bind_obj(id, obj);
                        h.this_user = Some(obj);
                    }
                    self.world.event(&self.host, obj, Event::Open);
                }
            }
            Err(e) => {
                log::line(&format!("connection refused: {e}"));
                self.h().net.remove(id);
            }
        }
        self.end_task()
    }

    fn serve(&mut self, id: ConnId) -> Option<Exit> {
        let (obj, done) = {
            let mut h = self.h();
            let c = h.net.get_mut(id)?;
            let done = c.done_pending;
            c.done_pending = false;
            (c.obj, done)
        };
        if done {
            if let Some(o) = obj {
                self.h().this_user = Some(o);
                self.world.event(&self.host, o, Event::MessageDone);
                if let Some(e) = self.end_task() {
                    return Some(e);
                }
                if self.h().net.get(id).is_none() {
                    // its object went: the pass ends, as DGD's
                    self.pass_ended = true;
                    return None;
                }
            }
        }
        // an outbound connection made or failed: open() / unconnected()
        let (open, unconnected) = {
            let mut h = self.h();
            let c = h.net.get_mut(id)?;
            (std::mem::take(&mut c.open_due), c.unconnected_due.take())
        };
        if let (Some(o), true) = (obj, open) {
            self.h().this_user = Some(o);
            self.world.event(&self.host, o, Event::Open);
            if let Some(e) = self.end_task() {
                return Some(e);
            }
        }
        if let Some(code) = unconnected {
            self.pass_ended = true;
            self.h().net.remove(id);
            if let Some(o) = obj {
                self.h().this_user = Some(o);
                self.world.event(&self.host, o, Event::Unconnected(code));
                return self.end_task();
            }
            return None;
        }
        // the datagram channel: datagram_attach() once, then one datagram
        let (attach, datagram) = {
            let mut h = self.h();
            let c = h.net.get_mut(id)?;
            let attach = c.take_attach();
            let datagram = if attach { None } else { c.next_datagram() };
            (attach, datagram)
        };
        if let Some(o) = obj.filter(|_| attach || datagram.is_some()) {
            self.h().this_user = Some(o);
            let ev = match &datagram {
                Some(d) => Event::Datagram(d),
                None => Event::DatagramAttach,
            };
            self.world.event(&self.host, o, ev);
            if let Some(e) = self.end_task() {
                return Some(e);
            }
        }
        let (input, finished) = {
            let mut h = self.h();
            let c = h.net.get_mut(id)?;
            let input = c.next_input();
            let finished = input.is_none() && c.is_finished();
            (input, finished)
        };
        if let Some(input) = input {
            self.pass_ended = true;
            if let Some(o) = obj {
                self.h().this_user = Some(o);
                self.world.event(&self.host, o, Event::Receive(&input));
                return self.end_task();
            }
        } else if finished {
            self.pass_ended = true;
            self.h().net.remove(id);
            if let Some(o) = obj {
                self.h().this_user = Some(o);
                self.world
                    .event(&self.host, o, Event::Close { destructed: false });
                return self.end_task();
            }
        }
        None
    }

    /// A signal: `interrupt()` in the driver object, then (unless the
    /// mudlib shut down itself) a panic dump and shutdown.
    fn interrupt(&mut self) -> Option<Exit> {
        if self.interrupted {
            log::line("second interrupt while shutting down; ignored");
        }
        self.interrupted = true;
        self.h().this_user = None;
        self.world.interrupt(&self.host);
        {
            let mut h = self.h();
            if h.requests.shutdown.is_none() {
                log::line("interrupt: panic dump and shutdown");
                if h.requests.dump.is_none() {
                    h.requests.dump = Some(DumpKind::Full);
                }
                h.requests.shutdown = Some(false);
            }
        }
        self.end_task()
    }

    /// End of task: flush output, close connections of destructed users,
    /// then the requested swap-out, dump and shutdown, in that order.
    pub fn end_task(&mut self) -> Option<Exit> {
        let (req, driver_tables) = {
            let mut h = self.h();
            h.this_user = None;
            h.net.flush_all();
            for id in std::mem::take(&mut h.dropped) {
                h.net.remove(id);
            }
            h.start_outbound();
            let req = std::mem::take(&mut h.requests);
            let tables = req.dump.map(|_| {
                let hb = (req.shutdown == Some(true)).then(|| hotboot::Table::of(&h.net).encode());
                (h.callouts.encode(), hb)
            });
            (req, tables)
        };
        if req.swapout {
            self.world.swapout();
        }
        if let (Some(kind), Some((callouts, hb))) = (req.dump, driver_tables) {
            self.dump(kind, callouts, hb);
        }
        let Requests { shutdown, .. } = req;
        match shutdown {
            None => None,
            Some(false) => {
                self.world.finish();
                self.store.finish();
                self.h().net.flush_all();
                Some(Exit::Shutdown)
            }
            Some(true) => {
                self.world.finish();
                self.store.finish();
                self.h().net.flush_all();
                Some(Exit::HotbootFailed(self.exec_hotboot()))
            }
        }
    }

    /// Writes a dump: the world's changes and tables plus the driver's.
    fn dump(&mut self, kind: DumpKind, callouts: Vec<u8>, hotboot: Option<Vec<u8>>) {
        let (mut delta, root) = match self.world.prepare_dump() {
            Ok(x) => x,
            Err(e) => {
                log::line(&format!("dump failed, the previous dump stays valid: {e}"));
                return;
            }
        };
        delta.upsert(TABLE_CALLOUTS, 0, callouts.clone());
        match &hotboot {
            Some(b) => delta.upsert(TABLE_HOTBOOT, 0, b.clone()),
            None => delta.remove(TABLE_HOTBOOT, 0),
        }
        let source = Source {
            world: &self.world,
            callouts: &callouts,
            hotboot: hotboot.as_deref(),
        };
        match self.store.dump(kind, delta, &source, &root) {
            Ok(r) => log::line(&format!(
                "statedump: {} generation {}{}{}, {} bytes{}",
                match r.kind {
                    statedump::DumpKind::Full => "full",
                    statedump::DumpKind::Increment => "incremental",
                },
                r.generation,
                if r.partial { ", partial" } else { "" },
                if r.consolidated { ", consolidated" } else { "" },
                r.bytes_appended,
                match &r.upgraded {
                    Some(why) => format!(" (full instead of incremental: {why})"),
                    None => String::new(),
                }
            )),
            Err(e) => log::line(&format!("dump failed, the previous dump stays valid: {e}")),
        }
    }

    /// Replaces this process with the `hotboot` command, sockets kept open.
    /// Returns only on failure, with the reason.
    fn exec_hotboot(&mut self) -> String {
        let Some(cmd) = self.config.hotboot.clone() else {
            return "hotboot is not configured".into();
        };
        let fds = self.h().net.raw_fds();
        for &fd in &fds {
            if let Err(e) = hotboot::keep_across_exec(fd) {
                return format!("cannot keep descriptor {fd}: {e}");
            }
        }
        let list: Vec<String> = fds.iter().map(|f| f.to_string()).collect();
        log::line("hotbooting");
        let mut c = std::process::Command::new(&cmd[0]);
        c.args(&cmd[1..])
            .current_dir(&self.config.directory)
            .env(hotboot::FDS_ENV, list.join(","));
        use std::os::unix::process::CommandExt;
        let err = c.exec();
        format!("Hotboot failed: {err}")
    }

    /// The user objects' connection ids (tests).
    pub fn connection_of(&self, obj: ObjKey) -> Option<ConnId> {
        self.host.borrow().net.of_obj(obj)
    }
}

/// Every live table entry for a full dump: the world's, then the driver's.
struct Source<'a, W: World> {
    world: &'a W,
    callouts: &'a [u8],
    hotboot: Option<&'a [u8]>,
}

impl<W: World> statedump::TableSource for Source<'_, W> {
    fn visit(&self, f: &mut dyn FnMut(u32, u64, &[u8])) {
        self.world.visit_tables(&mut |t, k, v| {
            if t < DRIVER_TABLES {
                f(t, k, v);
            }
        });
        f(TABLE_CALLOUTS, 0, self.callouts);
        if let Some(h) = self.hotboot {
            f(TABLE_HOTBOOT, 0, h);
        }
    }
}
