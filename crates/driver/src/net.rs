//! Sockets: listening telnet and binary ports, connections with bounded
//! input and output buffers, one `poll(2)` per main-loop turn.
//!
//! `poll` (level-triggered, through libc) rather than an edge-triggered
//! reactor: the loop stops reading a connection whose input is blocked or
//! whose queue is full and simply asks again later, and the raw descriptors
//! are needed anyway to hand connections across `exec` (hot-boot) and to the
//! crash supervisor.
//!
//! Nothing here blocks: reads and writes are non-blocking; a client that
//! does not read has at most `OUT_LIMIT` bytes queued, after which
//! `send_message` accepts fewer bytes (as DGD's does, which returns the
//! count it took), so a slow or dead client never holds up the others.

use crate::callout::ObjKey;
use crate::config::PortSpec;
use crate::telnet::{self, TelnetIn};
use std::collections::{HashMap, VecDeque};
use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream, UdpSocket};
use std::os::fd::{AsRawFd, FromRawFd, IntoRawFd, RawFd};

/// Most bytes of output queued for one connection (DGD's string limit).
pub const OUT_LIMIT: usize = 65535;
/// Most input queued (lines or raw chunks) before the loop stops reading
/// a connection, leaving the rest in the kernel's buffers.
pub const IN_QUEUE_LIMIT: usize = 64;
/// Read size per readable connection per loop turn (DGD's BINBUF_SIZE).
pub const READ_CHUNK: usize = 8192;
/// Largest datagram received (longer ones are cut, as DGD's `recvfrom`
/// into its BINBUF_SIZE buffer), and the most bytes of datagrams queued
/// for one connection, counting 2 bytes per datagram (DGD's UDP buffer).
pub const DGRAM_BUF: usize = 8192;
/// Most datagrams read from one datagram port per loop turn.
const DGRAMS_PER_TURN: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PortKind {
    Telnet,
    Binary,
    /// A datagram-only connection (`datagram_connect`): no TCP stream.
    Datagram,
}

/// A datagram (UDP) port.
#[derive(Debug)]
pub struct DgramPort {
    pub index: usize,
    pub sock: UdpSocket,
    /// DGD's "attached" port: the binary port of the same index has the
    /// same number, so datagrams on it belong to binary connections that
    /// proved their identity with `datagram_challenge()`. Other datagram
    /// ports make datagram-only connections (`datagram_connect()`).
    pub attached: bool,
    /// A datagram from a new source, waiting for a free datagram user.
    pending: Option<(SocketAddr, Vec<u8>)>,
}

/// The datagram channel of a connection.
#[derive(Debug, Default)]
pub struct UdpChan {
    /// Index of the datagram port that receives and sends.
    pub port: usize,
    /// `datagram_challenge()` of this task, registered at its end.
    new_challenge: Option<Vec<u8>>,
    /// The registered challenge, waiting for the client to send it.
    challenge: Option<Vec<u8>>,
    /// Where the datagrams come from and go to, once known.
    pub peer: Option<SocketAddr>,
    /// The challenge was met: `datagram_attach()` is due.
    pub attach_due: bool,
    /// The channel is established (DGD's CF_UDPDATA).
    pub established: bool,
    inbox: VecDeque<Vec<u8>>,
    inbox_bytes: usize,
    /// `send_datagram()` of this task (one per task, as DGD).
    outgoing: Option<Vec<u8>>,
}

/// Errors of the datagram kfuns, with DGD's messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DgramError {
    #[error("Datagram channel not available")]
    NotAvailable,
    #[error("Datagram channel already established")]
    AlreadyEstablished,
    #[error("Datagram challenge already set")]
    ChallengeSet,
    #[error("Datagram channel not established")]
    NotEstablished,
}

/// A connection's handle: slot and generation (a reused slot gets a new
/// generation, so a stale id never reaches a new connection).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ConnId {
    pub slot: u32,
    pub gen: u32,
}

#[derive(Debug)]
pub struct Listener {
    pub kind: PortKind,
    pub index: usize,
    pub sock: TcpListener,
}

/// One client connection.
#[derive(Debug)]
pub struct Conn {
    pub id: ConnId,
    /// Serial number, unique across driver restarts under a supervisor.
    pub serial: u64,
    pub kind: PortKind,
    pub port_index: usize,
    /// The TCP stream (none for a datagram-only connection).
    pub stream: Option<TcpStream>,
    pub peer: Option<SocketAddr>,
    /// The datagram channel (binary connections on an attached port, and
    /// datagram-only connections).
    pub udp: Option<UdpChan>,
    pub obj: Option<ObjKey>,
    telnet: Option<TelnetIn>,
    /// Client-side echo as last negotiated (telnet): true = client echoes.
    echo: bool,
    /// Echo as the mudlib last asked for; negotiated at the end of the task,
    /// after the task's output, as DGD does.
    want_echo: bool,
    raw_in: VecDeque<Vec<u8>>,
    out: Vec<u8>,
    out_pos: usize,
    /// Output was queued since the buffer last drained (for message_done).
    had_output: bool,
    /// The buffer drained: `message_done` is due.
    pub done_pending: bool,
    pub blocked: bool,
    /// No more input will come (EOF or error).
    pub eof: bool,
    /// `send_close`: close the output side once the output is written.
    pub closing: bool,
    write_shut: bool,
    /// An outbound `connect()` still in progress (DGD's CF_OPENDING): not
    /// among `users()` yet.
    pub connecting: bool,
    /// The outbound connection is made: `open()` is due.
    pub open_due: bool,
    /// Made by `connect()` / `connect_datagram()`.
    pub outbound: bool,
    /// The outbound connection failed: `unconnected(code)` is due.
    pub unconnected_due: Option<i32>,
    /// An input line arrived and output may follow (for go-ahead).
    prompt: bool,
    /// Output was written into the buffer during this task (DGD sends
    /// go-ahead only then).
    task_output: bool,
}

impl Conn {
    fn new(id: ConnId, kind: PortKind, port_index: usize, stream: Option<TcpStream>) -> Self {
        let peer = stream.as_ref().and_then(|s| s.peer_addr().ok());
        Conn {
            id,
            serial: 0,
            kind,
            port_index,
            stream,
            peer,
            udp: None,
            obj: None,
            telnet: (kind == PortKind::Telnet)
                .then(|| TelnetIn::new(telnet::INBUF_SIZE, crate::VERSION_STRING)),
            echo: true,
            want_echo: true,
            raw_in: VecDeque::new(),
            out: Vec::new(),
            out_pos: 0,
            had_output: false,
            done_pending: false,
            blocked: false,
            eof: false,
            closing: false,
            write_shut: false,
            connecting: false,
            open_due: false,
            outbound: false,
            unconnected_due: None,
            prompt: false,
            task_output: false,
        }
    }

    fn queued_in(&self) -> usize {
        match &self.telnet {
            Some(t) => t.lines.len(),
            None => self.raw_in.len(),
        }
    }

    /// Bytes of output not yet written.
    pub fn pending_out(&self) -> usize {
        self.out.len() - self.out_pos
    }

    /// One write into the output buffer (DGD's `User::write`): takes what
    /// fits (see [`telnet::write_len`]); returns how many bytes were taken.
    /// Any write, even an empty one, makes output pending, so
    /// `message_done` follows once the buffer drains.
    fn queue(&mut self, bytes: &[u8]) -> usize {
        if self.closing {
            return 0;
        }
        if self.out_pos > 0 && self.out_pos == self.out.len() {
            self.out.clear();
            self.out_pos = 0;
        }
        let room = OUT_LIMIT.saturating_sub(self.pending_out());
        let n = telnet::write_len(bytes, room, self.kind == PortKind::Telnet);
        self.out.extend_from_slice(&bytes[..n]);
        if n > 0 || !self.had_output {
            self.task_output = true;
        }
        self.had_output = true;
        n
    }

    /// Queues text from `send_message`; returns how many bytes of `text`
    /// were accepted, counted as DGD counts them.
    pub fn send(&mut self, text: &[u8]) -> usize {
        match self.kind {
            PortKind::Binary | PortKind::Datagram => self.queue(text),
            PortKind::Telnet => {
                if self.closing {
                    return 0;
                }
                let room = OUT_LIMIT.saturating_sub(self.pending_out());
                let (wire, taken) = telnet::encode_chunks(text, room);
                self.queue(&wire);
                taken
            }
        }
    }

    /// Drops queued output (a hot-booted connection must not get the
    /// greeting again).
    pub fn discard_output(&mut self) {
        self.out.clear();
        self.out_pos = 0;
        self.had_output = false;
    }

    /// Turns client echo on or off (telnet only): false while a password
    /// is typed.
    pub fn set_echo(&mut self, on: bool) -> bool {
        if self.kind != PortKind::Telnet {
            return false;
        }
        self.want_echo = on;
        true
    }

    /// End of task: send a pending echo change after the task's output.
    fn negotiate_echo(&mut self) {
        if self.kind == PortKind::Telnet && self.echo != self.want_echo {
            let cmd = telnet::echo_command(self.want_echo);
            if self.queue(&cmd) == cmd.len() {
                self.echo = self.want_echo;
            }
        }
    }

    /// The next complete input (a telnet line or a binary chunk).
    pub fn next_input(&mut self) -> Option<Vec<u8>> {
        if self.blocked {
            return None;
        }
        let got = match &mut self.telnet {
            Some(t) => t.lines.pop_front(),
            None => self.raw_in.pop_front(),
        };
        if got.is_some() {
            self.prompt = true;
        }
        got
    }

    /// The connection is finished: no input left, and nothing queued.
    pub fn is_finished(&self) -> bool {
        self.eof && self.queued_in() == 0 && (self.pending_out() == 0 || self.closing)
    }

    /// True for a connection that has no message channel (datagram only).
    pub fn datagram_only(&self) -> bool {
        self.kind == PortKind::Datagram
    }

    /// `datagram_challenge(str)`: set at the end of the task.
    pub fn set_challenge(&mut self, challenge: &[u8]) -> Result<(), DgramError> {
        let udp = match (&mut self.udp, self.kind) {
            (Some(u), PortKind::Binary) => u,
            _ => return Err(DgramError::NotAvailable),
        };
        if udp.established {
            return Err(DgramError::AlreadyEstablished);
        }
        if udp.challenge.is_some() || udp.new_challenge.is_some() || udp.attach_due {
            return Err(DgramError::ChallengeSet);
        }
        udp.new_challenge = Some(challenge.to_vec());
        Ok(())
    }

    /// `send_datagram(str)`: queued for the end of the task; 0 if one is
    /// queued already.
    pub fn send_datagram(&mut self, data: &[u8]) -> Result<usize, DgramError> {
        match &mut self.udp {
            Some(u) if u.established && self.kind != PortKind::Telnet => {
                if u.outgoing.is_some() {
                    Ok(0)
                } else {
                    u.outgoing = Some(data.to_vec());
                    Ok(data.len())
                }
            }
            _ => Err(DgramError::NotEstablished),
        }
    }

    /// The next datagram received, once the channel is established.
    pub fn next_datagram(&mut self) -> Option<Vec<u8>> {
        if self.blocked {
            return None;
        }
        let u = self.udp.as_mut().filter(|u| u.established)?;
        let d = u.inbox.pop_front()?;
        u.inbox_bytes -= d.len() + 2;
        Some(d)
    }

    /// The challenge was met: `datagram_attach()` is due now (and the
    /// channel is established from then on).
    pub fn take_attach(&mut self) -> bool {
        if self.blocked {
            return false;
        }
        match &mut self.udp {
            Some(u) if u.attach_due => {
                u.attach_due = false;
                u.established = true;
                true
            }
            _ => false,
        }
    }

    /// An outbound TCP connection finished connecting: `open()` or
    /// `unconnected(code)` with DGD's codes.
    fn check_connected(&mut self) {
        let Some(s) = &self.stream else { return };
        self.connecting = false;
        match s.take_error() {
            Ok(None) => {
                self.peer = s.peer_addr().ok().or(self.peer);
                self.open_due = true;
            }
            Ok(Some(e)) | Err(e) => self.unconnected_due = Some(unconnected_code(&e)),
        }
    }

    fn has_datagram_work(&self) -> bool {
        !self.blocked
            && self
                .udp
                .as_ref()
                .is_some_and(|u| u.attach_due || (u.established && !u.inbox.is_empty()))
    }

    fn read_some(&mut self) {
        let mut buf = [0u8; READ_CHUNK];
        let Some(stream) = &mut self.stream else {
            return;
        };
        match stream.read(&mut buf) {
            Ok(0) => {
                self.eof = true;
                if let Some(t) = &mut self.telnet {
                    t.finish();
                }
            }
            Ok(n) => match &mut self.telnet {
                Some(t) => {
                    let mut replies = Vec::new();
                    t.feed(&buf[..n], &mut replies);
                    for r in replies {
                        self.queue(&r);
                    }
                }
                None => self.raw_in.push_back(buf[..n].to_vec()),
            },
            Err(e)
                if e.kind() == io::ErrorKind::WouldBlock
                    || e.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => {
                self.eof = true;
                if let Some(t) = &mut self.telnet {
                    t.finish();
                }
            }
        }
    }

    /// Writes as much queued output as the socket takes now.
    pub fn flush(&mut self) {
        self.negotiate_echo();
        if self.prompt {
            self.prompt = false;
            if self.telnet.as_ref().is_some_and(|t| t.go_ahead)
                && self.task_output
                && self.pending_out() > 0
            {
                self.queue(&[telnet::IAC, telnet::GA]);
            }
        }
        self.task_output = false;
        while self.out_pos < self.out.len() {
            let Some(stream) = &mut self.stream else {
                // no message channel: nothing can be written
                self.out.clear();
                self.out_pos = 0;
                break;
            };
            match stream.write(&self.out[self.out_pos..]) {
                Ok(0) => break,
                Ok(n) => self.out_pos += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                Err(_) => {
                    // The peer is gone: drop the output, finish the input.
                    self.out.clear();
                    self.out_pos = 0;
                    self.eof = true;
                    if let Some(t) = &mut self.telnet {
                        t.finish();
                    }
                    break;
                }
            }
        }
        if self.out_pos == self.out.len() {
            self.out.clear();
            self.out_pos = 0;
            if self.had_output {
                self.had_output = false;
                self.done_pending = true;
            }
            if self.closing && !self.write_shut {
                // DGD's send_close: the output side closes once drained;
                // input is read until the client closes too.
                if let Some(s) = &self.stream {
                    let _ = s.shutdown(std::net::Shutdown::Write);
                }
                self.write_shut = true;
            }
        }
    }
}

/// Every listening port and connection.
#[derive(Debug)]
pub struct Net {
    pub listeners: Vec<Listener>,
    slots: Vec<Option<Conn>>,
    gens: Vec<u32>,
    /// Free slots, the one freed last on top.
    free: Vec<usize>,
    /// DGD's ring of users: the loop serves from the front and puts each
    /// served connection at the back; a new one goes at the back.
    ring: VecDeque<ConnId>,
    by_obj: HashMap<ObjKey, ConnId>,
    pub max_users: usize,
    /// Connections accepted but not yet given an object.
    pub accepted: VecDeque<ConnId>,
    /// Extra descriptor to wake the poll (the signal pipe).
    pub wake_fd: Option<RawFd>,
    pub telnet_ports: Vec<u16>,
    pub binary_ports: Vec<u16>,
    /// The crash supervisor, when there is one: told of every connection.
    pub link: Option<crate::supervisor::Link>,
    pub next_serial: u64,
    /// Datagram ports (`datagram_port`).
    pub dgram: Vec<DgramPort>,
    /// Most datagram-only connections (`datagram_users`).
    pub max_dgram: usize,
    /// Host names of the peers (`query_ip_name()`).
    pub resolver: crate::resolve::Resolver,
}

fn bind(spec: &PortSpec) -> io::Result<TcpListener> {
    let host = spec.host.as_deref().unwrap_or("0.0.0.0");
    let l = TcpListener::bind((host, spec.port))?;
    l.set_nonblocking(true)?;
    Ok(l)
}

impl Net {
    /// Binds every configured port (telnet first, then binary).
    pub fn bind(telnet: &[PortSpec], binary: &[PortSpec], max_users: u32) -> Result<Net, NetError> {
        let mut listeners = Vec::new();
        for (kind, specs) in [(PortKind::Telnet, telnet), (PortKind::Binary, binary)] {
            for (index, spec) in specs.iter().enumerate() {
                let sock = bind(spec).map_err(|source| NetError::Bind {
                    host: spec.host.clone().unwrap_or_else(|| "*".into()),
                    port: spec.port,
                    source,
                })?;
                listeners.push(Listener { kind, index, sock });
            }
        }
        Ok(Self::with_listeners(listeners, max_users))
    }

    /// A table around already-open listeners (hot-boot, supervisor).
    pub fn with_listeners(listeners: Vec<Listener>, max_users: u32) -> Net {
        let port = |k: PortKind| -> Vec<u16> {
            listeners
                .iter()
                .filter(|l| l.kind == k)
                .map(|l| l.sock.local_addr().map_or(0, |a| a.port()))
                .collect()
        };
        Net {
            telnet_ports: port(PortKind::Telnet),
            binary_ports: port(PortKind::Binary),
            listeners,
            slots: Vec::new(),
            gens: Vec::new(),
            free: Vec::new(),
            ring: VecDeque::new(),
            by_obj: HashMap::new(),
            max_users: max_users as usize,
            accepted: VecDeque::new(),
            wake_fd: None,
            link: None,
            next_serial: 1,
            dgram: Vec::new(),
            max_dgram: 0,
            resolver: Default::default(),
        }
    }

    /// Binds the datagram ports. A datagram port whose configured number
    /// is that of the binary port of the same index is attached to it (as
    /// DGD decides); configured as 0, it takes the binary listener's actual
    /// number. Datagram users are extra user slots (DGD's table holds
    /// `users + datagram_users` connections).
    pub fn bind_datagram(
        &mut self,
        specs: &[PortSpec],
        binary: &[PortSpec],
        datagram_users: u32,
    ) -> Result<(), NetError> {
        for (index, spec) in specs.iter().enumerate() {
            let attached = binary.get(index).is_some_and(|b| b.port == spec.port);
            let port = match (attached, spec.port) {
                (true, 0) => self.binary_ports.get(index).copied().unwrap_or(0),
                _ => spec.port,
            };
            let host = spec.host.as_deref().unwrap_or("0.0.0.0");
            let sock = UdpSocket::bind((host, port))
                .and_then(|s| s.set_nonblocking(true).map(|_| s))
                .map_err(|source| NetError::Bind {
                    host: spec.host.clone().unwrap_or_else(|| "*".into()),
                    port,
                    source,
                })?;
            self.dgram.push(DgramPort {
                index,
                sock,
                attached,
                pending: None,
            });
        }
        self.max_users += datagram_users as usize;
        self.max_dgram = datagram_users as usize;
        Ok(())
    }

    /// The actual numbers of the datagram ports.
    pub fn datagram_ports(&self) -> Vec<u16> {
        self.dgram
            .iter()
            .map(|d| d.sock.local_addr().map_or(0, |a| a.port()))
            .collect()
    }

    /// Number of datagram-only connections that came in (DGD counts
    /// outbound ones against the user table only).
    pub fn datagram_count(&self) -> usize {
        self.slots
            .iter()
            .flatten()
            .filter(|c| c.kind == PortKind::Datagram && !c.outbound)
            .count()
    }

    /// Reads the datagrams waiting on port `i`: each goes to the
    /// connection it comes from, meets a challenge, or (on a port that is
    /// not attached) waits to become a new datagram connection.
    fn read_datagrams(&mut self, i: usize) {
        let mut buf = vec![0u8; DGRAM_BUF];
        for _ in 0..DGRAMS_PER_TURN {
            let Some(port) = self.dgram.get(i) else {
                return;
            };
            let (n, from) = match port.sock.recv_from(&mut buf) {
                Ok(x) => x,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(_) => return,
            };
            let data = &buf[..n];
            let attached = port.attached;
            // a known correspondent
            if let Some(c) = self.slots.iter_mut().flatten().find(|c| {
                c.udp
                    .as_ref()
                    .is_some_and(|u| u.port == i && u.peer == Some(from))
            }) {
                if let Some(u) = &mut c.udp {
                    if u.inbox_bytes + n <= DGRAM_BUF {
                        u.inbox.push_back(data.to_vec());
                        u.inbox_bytes += n + 2;
                    }
                }
                continue;
            }
            if attached {
                // the proof of a binary connection: its challenge, from
                // the address of its TCP peer
                if let Some(c) = self.slots.iter_mut().flatten().find(|c| {
                    c.peer.map(|p| p.ip()) == Some(from.ip())
                        && c.udp
                            .as_ref()
                            .is_some_and(|u| u.port == i && u.challenge.as_deref() == Some(data))
                }) {
                    if let Some(u) = &mut c.udp {
                        u.challenge = None;
                        u.peer = Some(from);
                        u.attach_due = true;
                    }
                }
            } else if let Some(port) = self.dgram.get_mut(i) {
                if port.pending.is_none() {
                    port.pending = Some((from, data.to_vec()));
                }
            }
        }
    }

    /// Makes datagram connections of the datagrams from new sources, while
    /// there is room for datagram users.
    fn accept_datagrams(&mut self) {
        for i in 0..self.dgram.len() {
            if self.datagram_count() >= self.max_dgram
                || self.count() + self.accepted.len() >= self.max_users
            {
                return;
            }
            let Some((from, data)) = self.dgram.get_mut(i).and_then(|p| p.pending.take()) else {
                continue;
            };
            let id = self.insert_conn(PortKind::Datagram, i, None);
            if let Some(c) = self.get_mut(id) {
                c.peer = Some(from);
                let n = data.len();
                c.udp = Some(UdpChan {
                    port: i,
                    peer: Some(from),
                    established: true,
                    inbox: VecDeque::from([data]),
                    inbox_bytes: n + 2,
                    ..Default::default()
                });
            }
            self.accepted.push_back(id);
        }
    }

    /// End of task: registers new challenges and sends queued datagrams.
    fn flush_datagrams(&mut self) {
        let registered: Vec<Vec<u8>> = self
            .slots
            .iter()
            .flatten()
            .filter_map(|c| c.udp.as_ref()?.challenge.clone())
            .collect();
        let mut taken = registered;
        for c in self.slots.iter_mut().flatten() {
            let Some(u) = &mut c.udp else { continue };
            if let Some(ch) = u.new_challenge.take() {
                // as DGD: an empty, overlong or duplicate challenge is
                // silently not registered (the mudlib may set another)
                if !ch.is_empty() && ch.len() <= DGRAM_BUF && !taken.contains(&ch) {
                    taken.push(ch.clone());
                    u.challenge = Some(ch);
                }
            }
            if let Some(d) = u.outgoing.take() {
                if let (Some(peer), Some(port)) = (u.peer, self.dgram.get(u.port)) {
                    let _ = port.sock.send_to(&d, peer);
                }
            }
        }
    }

    /// Number of open connections.
    pub fn count(&self) -> usize {
        self.slots.iter().filter(|s| s.is_some()).count()
    }

    pub fn get(&self, id: ConnId) -> Option<&Conn> {
        self.slots
            .get(id.slot as usize)
            .and_then(Option::as_ref)
            .filter(|c| c.id == id)
    }

    pub fn get_mut(&mut self, id: ConnId) -> Option<&mut Conn> {
        self.slots
            .get_mut(id.slot as usize)
            .and_then(Option::as_mut)
            .filter(|c| c.id == id)
    }

    /// The connection of a user object.
    pub fn of_obj(&self, obj: ObjKey) -> Option<ConnId> {
        self.by_obj.get(&obj).copied()
    }

    /// Connections in the ring.
    pub fn ring_len(&self) -> usize {
        self.ring.len()
    }

    /// The next connection to serve; it goes to the back of the ring.
    pub fn ring_next(&mut self) -> Option<ConnId> {
        let id = self.ring.pop_front()?;
        self.ring.push_back(id);
        Some(id)
    }

    /// Every connection id, in slot order.
    pub fn ids(&self) -> Vec<ConnId> {
        self.slots.iter().flatten().map(|c| c.id).collect()
    }

    /// User objects, in slot order (`users()`); outbound connections in
    /// progress are not among them yet.
    pub fn users(&self) -> Vec<ObjKey> {
        self.slots
            .iter()
            .flatten()
            .filter(|c| !c.connecting && !c.open_due && c.unconnected_due.is_none())
            .filter_map(|c| c.obj)
            .collect()
    }

    /// Starts an outbound TCP connection for `obj` (`connect()`): a
    /// non-blocking connect whose outcome the poll learns.
    pub fn connect_tcp(&mut self, obj: ObjKey, addr: SocketAddr) -> ConnId {
        let made = nonblocking_connect(addr);
        let id = self.insert_conn(PortKind::Binary, usize::MAX, None);
        if let Some(c) = self.get_mut(id) {
            c.peer = Some(addr);
            c.outbound = true;
            match made {
                Ok(s) => {
                    c.stream = Some(s);
                    c.connecting = true;
                }
                Err(e) => c.unconnected_due = Some(unconnected_code(&e)),
            }
        }
        self.bind_obj(id, obj);
        id
    }

    /// Starts an outbound datagram connection for `obj` from datagram port
    /// `port` (`connect_datagram()`): made at once, unless the port and the
    /// address are of different families (`unconnected(3)`) or there is a
    /// connection with that address on that port already (`unconnected(5)`).
    pub fn connect_udp(&mut self, obj: ObjKey, port: usize, addr: SocketAddr) -> ConnId {
        let family_ok = self
            .dgram
            .get(port)
            .and_then(|d| d.sock.local_addr().ok())
            .is_some_and(|l| l.is_ipv4() == addr.is_ipv4());
        let exists = self.slots.iter().flatten().any(|c| {
            c.udp
                .as_ref()
                .is_some_and(|u| u.port == port && u.peer == Some(addr))
        });
        let id = self.insert_conn(PortKind::Datagram, port, None);
        if let Some(c) = self.get_mut(id) {
            c.peer = Some(addr);
            c.outbound = true;
            if !family_ok {
                c.unconnected_due = Some(3);
            } else if exists {
                c.unconnected_due = Some(5);
            } else {
                c.open_due = true;
                c.udp = Some(UdpChan {
                    port,
                    peer: Some(addr),
                    established: true,
                    ..Default::default()
                });
            }
        }
        self.bind_obj(id, obj);
        id
    }

    /// Adds a connection (accepted, or handed over by hot-boot).
    pub fn insert(&mut self, kind: PortKind, port_index: usize, stream: TcpStream) -> ConnId {
        let _ = stream.set_nonblocking(true);
        let _ = stream.set_nodelay(true);
        let id = self.insert_conn(kind, port_index, Some(stream));
        // a binary connection on an attached port may get a datagram channel
        if kind == PortKind::Binary && self.dgram.get(port_index).is_some_and(|d| d.attached) {
            if let Some(c) = self.get_mut(id) {
                c.udp = Some(UdpChan {
                    port: port_index,
                    ..Default::default()
                });
            }
        }
        id
    }

    fn insert_conn(
        &mut self,
        kind: PortKind,
        port_index: usize,
        stream: Option<TcpStream>,
    ) -> ConnId {
        // DGD's user table hands out the slot freed last first, and
        // `users()` lists by slot: the same order as DGD's
        let free = self
            .free
            .pop()
            .filter(|&s| self.slots.get(s).is_some_and(Option::is_none));
        let slot = match free {
            Some(s) => s,
            None => {
                self.slots.push(None);
                self.gens.push(0);
                self.slots.len() - 1
            }
        };
        self.gens[slot] = self.gens[slot].wrapping_add(1);
        let id = ConnId {
            slot: slot as u32,
            gen: self.gens[slot],
        };
        let mut c = Conn::new(id, kind, port_index, stream);
        c.serial = self.next_serial;
        self.next_serial += 1;
        if kind == PortKind::Telnet {
            // as in DGD, the greeting is output like any other: once it is
            // written, the user object gets message_done()
            c.queue(&telnet::GREETING);
        }
        self.slots[slot] = Some(c);
        self.ring.push_back(id);
        id
    }

    /// Adds a connection handed back by the supervisor, keeping its serial.
    pub fn insert_with_serial(
        &mut self,
        kind: PortKind,
        port_index: usize,
        stream: TcpStream,
        serial: u64,
    ) -> ConnId {
        let keep = self.next_serial;
        self.next_serial = serial;
        let id = self.insert(kind, port_index, stream);
        self.next_serial = keep.max(serial + 1);
        id
    }

    /// `query_ip_name()`: the peer's host name once a lookup found it,
    /// else its address (as DGD).
    pub fn ip_name(&self, id: ConnId) -> Option<String> {
        let ip = self.get(id)?.peer?.ip();
        Some(self.resolver.name(ip))
    }

    /// Gives a connection its user object (and looks up its peer's name).
    pub fn bind_obj(&mut self, id: ConnId, obj: ObjKey) {
        if let Some(ip) = self.get(id).and_then(|c| c.peer).map(|p| p.ip()) {
            self.resolver.request(ip);
        }
        if let Some(c) = self.get_mut(id) {
            if let Some(old) = c.obj.replace(obj) {
                self.by_obj.remove(&old);
            }
            self.by_obj.insert(obj, id);
        }
    }

    /// Closes and forgets a connection (after a last flush attempt).
    pub fn remove(&mut self, id: ConnId) -> Option<Conn> {
        let slot = self.slots.get_mut(id.slot as usize)?;
        if slot.as_ref().is_some_and(|c| c.id == id) {
            let mut c = slot.take()?;
            self.free.push(id.slot as usize);
            self.ring.retain(|r| *r != id);
            if let Some(o) = c.obj {
                self.by_obj.remove(&o);
            }
            if let Some(l) = &self.link {
                l.closed(c.serial);
            }
            c.flush();
            if let Some(s) = &c.stream {
                let _ = s.shutdown(std::net::Shutdown::Both);
            }
            Some(c)
        } else {
            None
        }
    }

    /// Drops the object binding without closing (the object was destructed
    /// or the connection otherwise finished).
    pub fn unbind_obj(&mut self, obj: ObjKey) -> Option<ConnId> {
        let id = self.by_obj.remove(&obj)?;
        if let Some(c) = self.get_mut(id) {
            c.obj = None;
        }
        Some(id)
    }

    /// Flushes every connection's output and datagrams.
    pub fn flush_all(&mut self) {
        self.flush_datagrams();
        for c in self.slots.iter_mut().flatten() {
            if c.pending_out() > 0
                || c.had_output
                || c.prompt
                || (c.closing && !c.write_shut)
                || c.echo != c.want_echo
            {
                c.flush();
            }
        }
    }

    /// Waits up to `timeout_ms` (None: forever) for sockets; accepts new
    /// connections (while under the user limit), reads input and writes
    /// output. Returns true if the wake descriptor fired.
    pub fn poll(&mut self, timeout_ms: Option<u64>) -> bool {
        let mut fds: Vec<libc::pollfd> = Vec::new();
        let mut who: Vec<Who> = Vec::new();
        if let Some(w) = self.wake_fd {
            fds.push(libc::pollfd {
                fd: w,
                events: libc::POLLIN,
                revents: 0,
            });
            who.push(Who::Wake);
        }
        let room = self.count() + self.accepted.len() < self.max_users;
        if room {
            for (i, l) in self.listeners.iter().enumerate() {
                fds.push(libc::pollfd {
                    fd: l.sock.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                });
                who.push(Who::Listener(i));
            }
        }
        for (i, d) in self.dgram.iter().enumerate() {
            fds.push(libc::pollfd {
                fd: d.sock.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            });
            who.push(Who::Dgram(i));
        }
        for c in self.slots.iter().flatten() {
            let Some(stream) = &c.stream else { continue };
            if c.connecting {
                fds.push(libc::pollfd {
                    fd: stream.as_raw_fd(),
                    events: libc::POLLOUT,
                    revents: 0,
                });
                who.push(Who::Conn(c.id));
                continue;
            }
            let mut ev = 0;
            if !c.eof && !c.blocked && c.queued_in() < IN_QUEUE_LIMIT {
                ev |= libc::POLLIN;
            }
            if c.pending_out() > 0 {
                ev |= libc::POLLOUT;
            }
            if ev != 0 {
                fds.push(libc::pollfd {
                    fd: stream.as_raw_fd(),
                    events: ev,
                    revents: 0,
                });
                who.push(Who::Conn(c.id));
            }
        }
        let timeout: libc::c_int = match timeout_ms {
            None => -1,
            Some(ms) => ms.min(i32::MAX as u64) as libc::c_int,
        };
        // SAFETY: `fds` is a valid, exclusively borrowed array of pollfd of
        // the given length for the duration of the call.
        let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, timeout) };
        if n <= 0 {
            self.accept_datagrams();
            return false;
        }
        let mut woke = false;
        for (pfd, w) in fds.iter().zip(who) {
            if pfd.revents == 0 {
                continue;
            }
            match w {
                Who::Wake => {
                    woke = true;
                    let mut b = [0u8; 64];
                    // SAFETY: reading into a local buffer from our own pipe.
                    unsafe { libc::read(pfd.fd, b.as_mut_ptr().cast(), b.len()) };
                }
                Who::Listener(i) => {
                    if self.count() + self.accepted.len() >= self.max_users {
                        continue;
                    }
                    let (kind, index) = match self.listeners.get(i) {
                        Some(l) => (l.kind, l.index),
                        None => continue,
                    };
                    let accepted = self.listeners[i].sock.accept();
                    if let Ok((s, _)) = accepted {
                        let id = self.insert(kind, index, s);
                        if let (Some(l), Some(c)) = (&self.link, self.get(id)) {
                            if let Some(st) = &c.stream {
                                l.accepted(kind, index, c.serial, st.as_raw_fd());
                            }
                        }
                        self.accepted.push_back(id);
                    }
                }
                Who::Dgram(i) => self.read_datagrams(i),
                Who::Conn(id) => {
                    if let Some(c) = self.get_mut(id).filter(|c| c.connecting) {
                        c.check_connected();
                        continue;
                    }
                    if let Some(c) = self.get_mut(id) {
                        if pfd.revents & libc::POLLOUT != 0 {
                            c.flush();
                        }
                        if pfd.revents & (libc::POLLIN | libc::POLLHUP | libc::POLLERR) != 0
                            && !c.eof
                        {
                            c.read_some();
                        }
                    }
                }
            }
        }
        self.accept_datagrams();
        woke
    }

    /// True if some connection has input or events ready without waiting.
    pub fn has_work(&self) -> bool {
        let dgram_room = self.datagram_count() < self.max_dgram
            && self.count() + self.accepted.len() < self.max_users;
        !self.accepted.is_empty()
            || (dgram_room && self.dgram.iter().any(|d| d.pending.is_some()))
            || self.slots.iter().flatten().any(|c| {
                c.done_pending
                    || c.open_due
                    || c.unconnected_due.is_some()
                    || (!c.blocked && c.queued_in() > 0)
                    || c.is_finished()
                    || c.has_datagram_work()
            })
    }

    /// Raw descriptors of the listeners and connections (hot-boot).
    pub fn raw_fds(&self) -> Vec<RawFd> {
        self.listeners
            .iter()
            .map(|l| l.sock.as_raw_fd())
            .chain(
                self.slots
                    .iter()
                    .flatten()
                    .filter_map(|c| c.stream.as_ref().map(|s| s.as_raw_fd())),
            )
            .chain(self.link.iter().map(|l| l.raw_fd()))
            .collect()
    }
}

/// DGD's `unconnected()` codes: 1 refused, 2 host unreachable, 3 network
/// unreachable, 4 timed out, 0 anything else.
fn unconnected_code(e: &io::Error) -> i32 {
    match e.raw_os_error() {
        Some(libc::ECONNREFUSED) => 1,
        Some(libc::EHOSTUNREACH) => 2,
        Some(libc::ENETUNREACH) => 3,
        Some(libc::ETIMEDOUT) => 4,
        _ => 0,
    }
}

/// A non-blocking TCP connect (std has only blocking ones): the stream,
/// connected or still connecting.
fn nonblocking_connect(addr: SocketAddr) -> io::Result<TcpStream> {
    // SAFETY (both arms): sockaddr_in/sockaddr_in6 are plain data, for
    // which all-zero bytes are a valid value.
    let mut storage: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
    let (family, len) = match addr {
        SocketAddr::V4(a) => {
            let mut sin: libc::sockaddr_in = unsafe { std::mem::zeroed() };
            sin.sin_family = libc::AF_INET as libc::sa_family_t;
            sin.sin_port = a.port().to_be();
            sin.sin_addr.s_addr = u32::from_ne_bytes(a.ip().octets());
            // SAFETY: sockaddr_storage is large and aligned enough for any
            // sockaddr; this writes one sockaddr_in at its start.
            unsafe { std::ptr::write((&mut storage as *mut libc::sockaddr_storage).cast(), sin) };
            (libc::AF_INET, std::mem::size_of::<libc::sockaddr_in>())
        }
        SocketAddr::V6(a) => {
            let mut sin6: libc::sockaddr_in6 = unsafe { std::mem::zeroed() };
            sin6.sin6_family = libc::AF_INET6 as libc::sa_family_t;
            sin6.sin6_port = a.port().to_be();
            sin6.sin6_addr.s6_addr = a.ip().octets();
            sin6.sin6_scope_id = a.scope_id();
            // SAFETY: as above, for a sockaddr_in6.
            unsafe { std::ptr::write((&mut storage as *mut libc::sockaddr_storage).cast(), sin6) };
            (libc::AF_INET6, std::mem::size_of::<libc::sockaddr_in6>())
        }
    };
    // SAFETY: plain socket(2) call.
    let fd = unsafe {
        libc::socket(
            family,
            libc::SOCK_STREAM | libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC,
            0,
        )
    };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: `fd` is a new socket owned by nobody else.
    let stream = unsafe { TcpStream::from_raw_fd(fd) };
    // SAFETY: `storage` holds a sockaddr of the family of `fd`, `len` long.
    let r = unsafe {
        libc::connect(
            fd,
            (&storage as *const libc::sockaddr_storage).cast::<libc::sockaddr>(),
            len as libc::socklen_t,
        )
    };
    if r < 0 {
        let e = io::Error::last_os_error();
        if e.raw_os_error() != Some(libc::EINPROGRESS) {
            return Err(e);
        }
    }
    let _ = stream.set_nodelay(true);
    Ok(stream)
}

/// Takes ownership of a listening socket descriptor handed over by
/// hot-boot or the supervisor.
///
/// # Safety
/// `fd` must be an open listening TCP socket owned by nobody else.
pub unsafe fn listener_from_fd(fd: RawFd) -> io::Result<TcpListener> {
    // SAFETY: the caller guarantees ownership.
    let l = unsafe { TcpListener::from_raw_fd(fd) };
    l.set_nonblocking(true)?;
    Ok(l)
}

/// Takes ownership of a connected socket descriptor.
///
/// # Safety
/// `fd` must be an open connected TCP socket owned by nobody else.
pub unsafe fn stream_from_fd(fd: RawFd) -> TcpStream {
    // SAFETY: the caller guarantees ownership.
    unsafe { TcpStream::from_raw_fd(fd) }
}

/// Releases a stream into a bare descriptor (kept open).
pub fn into_fd(s: TcpStream) -> RawFd {
    s.into_raw_fd()
}

#[derive(Debug, Clone, Copy)]
enum Who {
    Wake,
    Listener(usize),
    Dgram(usize),
    Conn(ConnId),
}

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum NetError {
    #[error("cannot listen on {host}:{port}: {source}")]
    Bind {
        host: String,
        port: u16,
        #[source]
        source: io::Error,
    },
}

#[cfg(test)]
mod tests;
