//! The boundary between the driver and the LPC world.
//!
//! The driver owns time, sockets, signals and the main loop; the world (the
//! `vm` crate over `swap` and `statedump`) owns objects and runs LPC. The
//! driver calls the world through [`World`], one task at a time; during a
//! task the world calls back into the driver through [`Host`] for
//! everything that is not LPC: connections, call_out timing, dump and
//! shutdown requests, the clock.

use crate::callout::{CallOutError, CallOuts, Delay, ObjKey};
use crate::headers::KfunTable;
use crate::net::{Net, PortKind};
use std::cell::RefCell;
use std::rc::Rc;

/// The driver services, shared between the main loop and the world (the
/// world's host adapter borrows it during a task; the loop between tasks).
pub type SharedHost = Rc<RefCell<Host>>;

/// Which dump the mudlib asked for (`dump_state()` / `dump_state(1)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DumpKind {
    Full,
    Incremental,
}

/// Requests that take effect at the end of the current task.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Requests {
    pub dump: Option<DumpKind>,
    /// `Some(hotboot)` after `shutdown()` / `shutdown(1)`.
    pub shutdown: Option<bool>,
    pub swapout: bool,
}

/// A connection event delivered to a user object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event<'a> {
    /// `open()`, right after `telnet_connect`/`binary_connect`.
    Open,
    /// `receive_message(str)`: a telnet line without its terminator, or
    /// binary bytes as received.
    Receive(&'a [u8]),
    /// `close(destructed)`.
    Close { destructed: bool },
    /// `message_done()`: all output was written.
    MessageDone,
    /// `receive_datagram(str)`: a datagram on the connection's channel.
    Datagram(&'a [u8]),
    /// `datagram_attach()`: the client met the challenge; datagrams flow.
    DatagramAttach,
    /// `unconnected(code)`: an outbound `connect()` / `connect_datagram()`
    /// failed (the object is no user then).
    Unconnected(i32),
}

/// An outbound connection asked for during a task; started at its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outbound {
    Tcp(ObjKey, std::net::SocketAddr),
    Udp(ObjKey, usize, std::net::SocketAddr),
}

impl Outbound {
    fn obj(&self) -> ObjKey {
        match *self {
            Outbound::Tcp(o, _) | Outbound::Udp(o, _, _) => o,
        }
    }
}

/// A fatal error of the world (a boot that cannot go on, a missing driver
/// object function); LPC runtime errors are the world's own business.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct WorldError(pub String);

/// Errors of the driver services the world calls.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum HostError {
    #[error("Hotbooting is disabled")]
    HotbootDisabled,
    #[error("Not a connection object")]
    NotAUser,
    #[error("Output channel closed")]
    OutputClosed,
    #[error("Message channel not enabled")]
    NoMessageChannel,
    #[error("{0}() in special purpose object")]
    SpecialPurpose(&'static str),
    #[error("Port number out of range")]
    PortRange,
    #[error("Max number of connection objects exceeded")]
    TooManyConnections,
    #[error("No such datagram port")]
    NoSuchDatagramPort,
    #[error("Unknown address")]
    UnknownAddress,
    #[error(transparent)]
    Datagram(#[from] crate::net::DgramError),
    #[error(transparent)]
    CallOut(#[from] CallOutError),
}

/// What the world is: the LPC object heap and interpreter, with its dumps.
pub trait World {
    /// The kfuns the world provides, for the generated kfun.h.
    fn kfuns(&self) -> KfunTable {
        KfunTable::dgd()
    }
    /// Cold boot: compile the driver object and call `initialize()`.
    fn cold_boot(&mut self, host: &SharedHost) -> Result<(), WorldError>;
    /// Restore: the world's tables and root from the dump; its blobs are
    /// in the swap it was made with (loaded lazily).
    fn restore(&mut self, host: &SharedHost, image: &crate::store::Image)
        -> Result<(), WorldError>;
    /// `restored()` or `restored(1)` in the driver object.
    fn restored(&mut self, host: &SharedHost, hotboot: bool) -> Result<(), WorldError>;
    /// `telnet_connect(port)` / `binary_connect(port)` /
    /// `datagram_connect(port)`: the user object.
    fn connect(
        &mut self,
        host: &SharedHost,
        kind: PortKind,
        port: usize,
    ) -> Result<ObjKey, WorldError>;
    /// A connection event in a user object.
    fn event(&mut self, host: &SharedHost, obj: ObjKey, ev: Event<'_>);
    /// A due call_out.
    fn call_out(&mut self, host: &SharedHost, obj: ObjKey, handle: u32);
    /// `interrupt()` in the driver object (SIGTERM, SIGINT, SIGHUP).
    fn interrupt(&mut self, host: &SharedHost);
    /// Before a dump (end of task): write every changed object into the
    /// swap and return the changes to the world's tables since the previous
    /// call (table ids below `store::DRIVER_TABLES`) and the world's root.
    fn prepare_dump(&mut self) -> Result<(statedump::TableDelta, Vec<u8>), WorldError>;
    /// Every live entry of the world's tables (for a full dump).
    fn visit_tables(&self, f: &mut dyn FnMut(u32, u64, &[u8]));
    /// `swapout()`: evict every object from memory.
    fn swapout(&mut self);
    /// The server stops: close files.
    fn finish(&mut self) {}
}

/// Driver services available to the world during a task.
#[derive(Debug)]
pub struct Host {
    pub net: Net,
    pub callouts: CallOuts,
    pub requests: Requests,
    pub this_user: Option<ObjKey>,
    pub hotboot_enabled: bool,
    /// Connections of user objects destructed during the task: they close
    /// at its end, after their pending output.
    pub(crate) dropped: Vec<crate::net::ConnId>,
    /// Outbound connections of this task, started at its end.
    pub outbound: Vec<Outbound>,
    pub start_time: i64,
    pub boot_time: i64,
}

impl Host {
    pub fn new(net: Net, callouts: CallOuts, hotboot_enabled: bool) -> Self {
        let now = crate::log::now();
        Host {
            net,
            callouts,
            requests: Requests::default(),
            this_user: None,
            hotboot_enabled,
            dropped: Vec::new(),
            outbound: Vec::new(),
            start_time: now,
            boot_time: now,
        }
    }

    /// `send_message(str)` to a user object: the number of bytes taken
    /// (fewer than given when the client is not reading).
    pub fn send_message(&mut self, obj: ObjKey, text: &[u8]) -> Result<usize, HostError> {
        let id = self.net.of_obj(obj).ok_or(HostError::NotAUser)?;
        let c = self.net.get_mut(id).ok_or(HostError::NotAUser)?;
        if c.datagram_only() {
            return Err(HostError::NoMessageChannel);
        }
        if c.closing {
            return Err(HostError::OutputClosed);
        }
        Ok(c.send(text))
    }

    /// `connect(host, port)`: an outbound TCP connection, made at the end of
    /// the task; `open()` or `unconnected(code)` follows.
    pub fn connect(&mut self, obj: ObjKey, host: &[u8], port: i64) -> Result<(), HostError> {
        self.check_outbound(obj, "connect", port)?;
        if self.net.count() + self.outbound.len() >= self.net.max_users {
            return Err(HostError::TooManyConnections);
        }
        let addr = resolve(host, port)?;
        self.outbound.push(Outbound::Tcp(obj, addr));
        Ok(())
    }

    /// `connect_datagram(port, host, dport)`: an outbound datagram
    /// connection from datagram port `port`, made at the end of the task.
    pub fn connect_datagram(
        &mut self,
        obj: ObjKey,
        uport: i64,
        host: &[u8],
        port: i64,
    ) -> Result<(), HostError> {
        self.check_outbound(obj, "connect_datagram", port)?;
        // as DGD: the datagram users that came in count, and the table
        if self.net.datagram_count() >= self.net.max_dgram
            || self.net.count() + self.outbound.len() >= self.net.max_users
        {
            return Err(HostError::TooManyConnections);
        }
        let uport = usize::try_from(uport)
            .ok()
            .filter(|&p| p < self.net.dgram.len())
            .ok_or(HostError::NoSuchDatagramPort)?;
        let addr = resolve(host, port)?;
        self.outbound.push(Outbound::Udp(obj, uport, addr));
        Ok(())
    }

    fn check_outbound(&self, obj: ObjKey, kfun: &'static str, port: i64) -> Result<(), HostError> {
        if self.is_user(obj) || self.outbound.iter().any(|o| o.obj() == obj) {
            return Err(HostError::SpecialPurpose(kfun));
        }
        if !(1..=65535).contains(&port) {
            return Err(HostError::PortRange);
        }
        Ok(())
    }

    /// End of task: starts the outbound connections asked for.
    pub fn start_outbound(&mut self) {
        for o in std::mem::take(&mut self.outbound) {
            match o {
                Outbound::Tcp(obj, addr) => {
                    self.net.connect_tcp(obj, addr);
                }
                Outbound::Udp(obj, port, addr) => {
                    self.net.connect_udp(obj, port, addr);
                }
            }
        }
    }

    /// `datagram_challenge(str)`: the string the client must send from UDP
    /// to attach a datagram channel to its binary connection.
    pub fn datagram_challenge(&mut self, obj: ObjKey, challenge: &[u8]) -> Result<(), HostError> {
        let id = self.net.of_obj(obj).ok_or(HostError::NotAUser)?;
        let c = self.net.get_mut(id).ok_or(HostError::NotAUser)?;
        Ok(c.set_challenge(challenge)?)
    }

    /// `send_datagram(str)`: the bytes queued (0 if a datagram is queued
    /// in this task already).
    pub fn send_datagram(&mut self, obj: ObjKey, data: &[u8]) -> Result<usize, HostError> {
        let id = self.net.of_obj(obj).ok_or(HostError::NotAUser)?;
        let c = self.net.get_mut(id).ok_or(HostError::NotAUser)?;
        Ok(c.send_datagram(data)?)
    }

    /// `send_message(int)`: echo on (1) or off (0); false for binary.
    pub fn echo(&mut self, obj: ObjKey, on: bool) -> Result<bool, HostError> {
        let id = self.net.of_obj(obj).ok_or(HostError::NotAUser)?;
        let c = self.net.get_mut(id).ok_or(HostError::NotAUser)?;
        Ok(c.set_echo(on))
    }

    /// `block_input(flag)`.
    pub fn block_input(&mut self, obj: ObjKey, block: bool) -> Result<(), HostError> {
        let id = self.net.of_obj(obj).ok_or(HostError::NotAUser)?;
        let c = self.net.get_mut(id).ok_or(HostError::NotAUser)?;
        c.blocked = block;
        Ok(())
    }

    /// `send_close()`: close after the pending output is written.
    pub fn send_close(&mut self, obj: ObjKey) -> Result<(), HostError> {
        let id = self.net.of_obj(obj).ok_or(HostError::NotAUser)?;
        let c = self.net.get_mut(id).ok_or(HostError::NotAUser)?;
        if c.datagram_only() {
            return Err(HostError::NoMessageChannel);
        }
        if c.closing {
            return Err(HostError::OutputClosed);
        }
        c.closing = true;
        Ok(())
    }

    /// A user object is being destructed: the world has called its
    /// `close(1)`. The object loses its connection now (it is no longer
    /// among `users()`); the connection closes at the end of the task.
    pub fn disconnect(&mut self, obj: ObjKey) -> bool {
        match self.net.unbind_obj(obj) {
            Some(id) => {
                self.dropped.push(id);
                true
            }
            None => false,
        }
    }

    /// Any object is destructed: its call_outs go.
    pub fn object_destructed(&mut self, obj: ObjKey) {
        self.callouts.remove_object(obj);
        self.disconnect(obj);
    }

    /// `this_user()`.
    pub fn this_user(&self) -> Option<ObjKey> {
        self.this_user
    }

    /// `users()`.
    pub fn users(&self) -> Vec<ObjKey> {
        self.net.users()
    }

    /// True if the object has a connection (`O_USER`).
    pub fn is_user(&self, obj: ObjKey) -> bool {
        self.net.of_obj(obj).is_some()
    }

    /// `query_ip_name(user)`: the host name once known, else the number.
    pub fn query_ip_name(&self, obj: ObjKey) -> Option<String> {
        self.net.ip_name(self.net.of_obj(obj)?)
    }

    /// `query_ip_number(user)`.
    pub fn query_ip_number(&self, obj: ObjKey) -> Option<String> {
        let id = self.net.of_obj(obj)?;
        self.net.get(id)?.peer.map(|a| a.ip().to_string())
    }

    /// `call_out(...)`: schedule a handle the world allocated.
    pub fn call_out(&mut self, obj: ObjKey, handle: u32, delay: Delay) -> Result<(), HostError> {
        Ok(self.callouts.add(obj, handle, delay)?)
    }

    /// `remove_call_out(...)`: milliseconds it had left.
    pub fn remove_call_out(&mut self, obj: ObjKey, handle: u32) -> Option<u64> {
        self.callouts.remove(obj, handle)
    }

    /// The delay left of a call_out (`status(obj)[O_CALLOUTS]`).
    pub fn call_out_remaining(&self, obj: ObjKey, handle: u32) -> Option<u64> {
        self.callouts.remaining(obj, handle)
    }

    /// `dump_state(incr)`: at the end of the task; a full dump wins over an
    /// incremental one asked for in the same task.
    pub fn dump_state(&mut self, incremental: bool) {
        let k = if incremental {
            DumpKind::Incremental
        } else {
            DumpKind::Full
        };
        self.requests.dump = match (self.requests.dump, k) {
            (Some(DumpKind::Full), _) => Some(DumpKind::Full),
            (_, k) => Some(k),
        };
    }

    /// `shutdown(hotboot)`: at the end of the task.
    pub fn shutdown(&mut self, hotboot: bool) -> Result<(), HostError> {
        if hotboot && !self.hotboot_enabled {
            return Err(HostError::HotbootDisabled);
        }
        self.requests.shutdown = Some(hotboot || self.requests.shutdown == Some(true));
        Ok(())
    }

    /// `swapout()`: at the end of the task.
    pub fn swapout(&mut self) {
        self.requests.swapout = true;
    }

    /// `time()`.
    pub fn time(&self) -> i64 {
        crate::log::now()
    }

    /// `millitime()`: seconds and milliseconds.
    pub fn millitime(&self) -> (i64, u32) {
        let d = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        (d.as_secs() as i64, d.subsec_millis())
    }

    /// The driver object wrote a message: to stderr, as DGD does.
    pub fn driver_message(&self, text: &[u8]) {
        crate::log::raw(text);
    }
}

/// A host name or address and a port, as DGD looks them up (an IPv4
/// address first).
fn resolve(host: &[u8], port: i64) -> Result<std::net::SocketAddr, HostError> {
    use std::net::ToSocketAddrs;
    let host = std::str::from_utf8(host).map_err(|_| HostError::UnknownAddress)?;
    let port = u16::try_from(port).map_err(|_| HostError::PortRange)?;
    let addrs: Vec<std::net::SocketAddr> = (host, port)
        .to_socket_addrs()
        .map_err(|_| HostError::UnknownAddress)?
        .collect();
    addrs
        .iter()
        .find(|a| a.is_ipv4())
        .or(addrs.first())
        .copied()
        .ok_or(HostError::UnknownAddress)
}
