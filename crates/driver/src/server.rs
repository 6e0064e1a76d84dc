//! The main loop: one task at a time, from connections, call_outs and
//! signals; dumps, shutdowns and swap-outs at the end of a task; the swap
//! pacer between tasks.

use crate::callout::{CallOuts, ObjKey};
use crate::config::Config;
use crate::hotboot;
use crate::log;
use crate::net::{ConnId, Net, PortKind};
use crate::signals;
use crate::world::{DumpKind, Event, Host, Requests, World};
use std::path::PathBuf;

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

/// Driver table names in a dump.
pub const TABLE_CALLOUTS: &str = "callouts";
pub const TABLE_HOTBOOT: &str = "hotboot";

pub struct Server<W: World> {
    pub world: W,
    pub host: Host,
    pub config: Config,
    /// Signals seen; a second one while the panic dump is pending is noted.
    interrupted: bool,
    /// Longest a loop turn waits for sockets (None: until something
    /// happens). Tests bound it so a turn always returns.
    pub max_wait_ms: Option<u64>,
}

impl<W: World> Server<W> {
    /// Boots: headers, sockets, signals, then a cold boot or a restore.
    pub fn boot(mut world: W, config: Config, start: &Start) -> anyhow::Result<Self> {
        crate::headers::write_all(&config.header_dir(), &world.kfuns())?;
        let inherited = hotboot::inherited_fds();
        // SAFETY-relevant order: a hot-booted driver adopts its inherited
        // sockets before it binds anything, so nothing is bound twice.
        let hot = start.restore.is_some() && !inherited.is_empty();
        let net = if hot {
            Net::with_listeners(Vec::new(), config.users)
        } else {
            Net::bind(&config.telnet_ports, &config.binary_ports, config.users)?
        };
        let mut host = Host::new(
            net,
            CallOuts::new(config.call_outs),
            config.hotboot.is_some(),
        );
        match signals::install() {
            Ok(fd) => host.net.wake_fd = Some(fd),
            Err(e) => log::line(&format!("cannot install signal handlers: {e}")),
        }
        let mut hotbooted = false;
        match &start.restore {
            None => {
                world.cold_boot(&mut host)?;
            }
            Some(dump) => {
                let tables = world.restore(&mut host, dump, start.secondary.as_deref())?;
                for (name, bytes) in &tables {
                    match name.as_str() {
                        TABLE_CALLOUTS => {
                            host.callouts = CallOuts::decode(bytes, config.call_outs)?;
                        }
                        TABLE_HOTBOOT if hot => {
                            let t = hotboot::Table::decode(bytes)?;
                            let (listeners, conns) = hotboot::adopt(&t, &inherited);
                            let mut net = Net::with_listeners(listeners, config.users);
                            net.wake_fd = host.net.wake_fd;
                            for c in conns {
                                // SAFETY: adopt() checked the descriptor is
                                // an inherited socket listed once.
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
                        _ => {}
                    }
                }
                if hot && !hotbooted {
                    // Inherited descriptors but no table: bind normally.
                    let wake = host.net.wake_fd;
                    host.net = Net::bind(&config.telnet_ports, &config.binary_ports, config.users)?;
                    host.net.wake_fd = wake;
                }
                // Still one thread here: nothing else reads the environment.
                std::env::remove_var(hotboot::FDS_ENV);
                world.restored(&mut host, hotbooted)?;
            }
        }
        let mut s = Server {
            world,
            host,
            config,
            interrupted: false,
            max_wait_ms: None,
        };
        for (kind, ports) in [
            ("telnet", s.host.net.telnet_ports.clone()),
            ("binary", s.host.net.binary_ports.clone()),
        ] {
            for p in ports {
                log::line(&format!("listening on {kind} port {p}"));
            }
        }
        if let Some(exit) = s.end_task() {
            anyhow::bail!("shut down during boot: {exit:?}");
        }
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

    /// One loop turn; `Some` when the server stops.
    pub fn turn(&mut self) -> Option<Exit> {
        let pacing = self.world.pace();

        if signals::take() {
            if let Some(e) = self.interrupt() {
                return Some(e);
            }
        }

        let timeout = if self.host.net.has_work() || pacing {
            Some(0)
        } else {
            match (self.host.callouts.next_due_in(), self.max_wait_ms) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            }
        };
        self.host.net.poll(timeout);

        // new connections
        while let Some(id) = self.host.net.accepted.pop_front() {
            if let Some(e) = self.accept(id) {
                return Some(e);
            }
        }

        // one event per connection per turn
        for id in self.host.net.ids() {
            if let Some(e) = self.serve(id) {
                return Some(e);
            }
        }

        // due call_outs
        let now = self.host.callouts.clock();
        for _ in 0..CALLOUTS_PER_TURN {
            let Some((obj, handle)) = self.host.callouts.pop_due(now) else {
                break;
            };
            self.host.this_user = None;
            self.world.call_out(&mut self.host, obj, handle);
            if let Some(e) = self.end_task() {
                return Some(e);
            }
        }
        None
    }

    fn accept(&mut self, id: ConnId) -> Option<Exit> {
        let c = self.host.net.get(id)?;
        let (kind, port) = (c.kind, c.port_index);
        self.host.this_user = None;
        match self.world.connect(&mut self.host, kind, port) {
            Ok(obj) => {
                if self.host.net.of_obj(obj).is_some() {
                    log::line(&format!(
                        "{}_connect() returned an object that already has a connection",
                        if kind == PortKind::Telnet {
                            "telnet"
                        } else {
                            "binary"
                        }
                    ));
                    self.host.net.remove(id);
                } else {
                    self.host.net.bind_obj(id, obj);
                    self.host.this_user = Some(obj);
                    self.world.event(&mut self.host, obj, Event::Open);
                }
            }
            Err(e) => {
                log::line(&format!("connection refused: {e}"));
                self.host.net.remove(id);
            }
        }
        self.end_task()
    }

    fn serve(&mut self, id: ConnId) -> Option<Exit> {
        let c = self.host.net.get_mut(id)?;
        let obj = c.obj;
        if c.done_pending {
            c.done_pending = false;
            if let Some(o) = obj {
                self.host.this_user = Some(o);
                self.world.event(&mut self.host, o, Event::MessageDone);
                if let Some(e) = self.end_task() {
                    return Some(e);
                }
            }
        }
        let c = self.host.net.get_mut(id)?;
        if let Some(input) = c.next_input() {
            if let Some(o) = obj {
                self.host.this_user = Some(o);
                self.world.event(&mut self.host, o, Event::Receive(&input));
                return self.end_task();
            }
        } else if c.is_finished() {
            self.host.net.remove(id);
            if let Some(o) = obj {
                self.host.callouts.clock();
                self.host.this_user = Some(o);
                self.world
                    .event(&mut self.host, o, Event::Close { destructed: false });
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
        self.host.this_user = None;
        self.world.interrupt(&mut self.host);
        if self.host.requests.shutdown.is_none() {
            log::line("interrupt: panic dump and shutdown");
            if self.host.requests.dump.is_none() {
                self.host.requests.dump = Some(DumpKind::Full);
            }
            self.host.requests.shutdown = Some(false);
        }
        self.end_task()
    }

    /// End of task: flush output, close connections of destructed users,
    /// then the requested swap-out, dump and shutdown, in that order.
    pub fn end_task(&mut self) -> Option<Exit> {
        self.host.this_user = None;
        self.host.net.flush_all();
        for obj in std::mem::take(&mut self.host.dropped) {
            if let Some(id) = self.host.net.unbind_obj(obj) {
                self.host.net.remove(id);
            }
        }
        let req = std::mem::take(&mut self.host.requests);
        if req.swapout {
            self.world.swapout();
        }
        if let Some(kind) = req.dump {
            let mut tables = vec![(TABLE_CALLOUTS, self.host.callouts.encode())];
            if req.shutdown == Some(true) {
                tables.push((TABLE_HOTBOOT, hotboot::Table::of(&self.host.net).encode()));
            }
            if let Err(e) = self.world.dump(kind, &tables) {
                log::line(&format!("dump failed, the previous dump stays valid: {e}"));
            }
        }
        let Requests { shutdown, .. } = req;
        match shutdown {
            None => None,
            Some(false) => {
                self.world.finish();
                self.host.net.flush_all();
                Some(Exit::Shutdown)
            }
            Some(true) => {
                self.world.finish();
                self.host.net.flush_all();
                Some(Exit::HotbootFailed(self.exec_hotboot()))
            }
        }
    }

    /// Replaces this process with the `hotboot` command, sockets kept open.
    /// Returns only on failure, with the reason.
    fn exec_hotboot(&mut self) -> String {
        let Some(cmd) = self.config.hotboot.clone() else {
            return "hotboot is not configured".into();
        };
        let fds = self.host.net.raw_fds();
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
        self.host.net.of_obj(obj)
    }
}
