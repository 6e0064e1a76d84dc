//! The crash supervisor (`driver --supervise config.dgd [statedump]`).
//!
//! A parent process that holds the listening sockets and a duplicate of
//! every client socket. It runs the driver as a child; the child receives
//! the sockets over a unix socket (SCM_RIGHTS) at start, and reports every
//! connection it accepts (sending the descriptor along) and every one it
//! closes. When the child dies abnormally (panic, SIGSEGV, kill -9) the
//! supervisor starts a new one from the newest dump and hands all sockets
//! back: clients stay connected and are greeted by the new driver. A child
//! that dies again and again soon after starting (a crash loop) makes the
//! supervisor fall back to the previous dump (`dump_file.old`), then give
//! up. A child that exits with status 0 (`shutdown()`) ends the supervisor.

use crate::config::Config;
use crate::log;
use crate::net::{Listener, PortKind};
use std::collections::BTreeMap;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, IntoRawFd, OwnedFd, RawFd};
use std::path::PathBuf;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

/// Environment variable giving the child its end of the link.
pub const LINK_ENV: &str = "DRIVER_SUPERVISOR_FD";

/// A child that dies sooner than this after its start counts towards a
/// crash loop.
const FAST_FAILURE: Duration = Duration::from_secs(10);
/// Fast failures on one dump before falling back to an older one.
const MAX_FAST_FAILURES: u32 = 3;

/// One message on the link: kind, port kind, port index, serial, and at
/// most one descriptor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Msg {
    pub tag: u8,
    pub kind: PortKind,
    pub index: u32,
    pub serial: u64,
}

/// `L`: a listener (supervisor → child, with fd).
pub const TAG_LISTENER: u8 = b'L';
/// `C`: a held client connection (supervisor → child, with fd).
pub const TAG_CLIENT: u8 = b'C';
/// `E`: end of the hand-over; `serial` is the next free serial.
pub const TAG_END: u8 = b'E';
/// `A`: the child accepted a connection (child → supervisor, with fd).
pub const TAG_ACCEPTED: u8 = b'A';
/// `X`: the child closed a connection (child → supervisor).
pub const TAG_CLOSED: u8 = b'X';

const MSG_LEN: usize = 14;

impl Msg {
    fn encode(&self) -> [u8; MSG_LEN] {
        let mut b = [0u8; MSG_LEN];
        b[0] = self.tag;
        b[1] = match self.kind {
            PortKind::Telnet => 0,
            PortKind::Binary => 1,
            // datagram connections have no descriptor to hold
            PortKind::Datagram => 2,
        };
        b[2..6].copy_from_slice(&self.index.to_le_bytes());
        b[6..14].copy_from_slice(&self.serial.to_le_bytes());
        b
    }

    fn decode(b: &[u8]) -> Option<Msg> {
        if b.len() != MSG_LEN {
            return None;
        }
        Some(Msg {
            tag: b[0],
            kind: match b[1] {
                0 => PortKind::Telnet,
                1 => PortKind::Binary,
                _ => return None,
            },
            index: u32::from_le_bytes(b[2..6].try_into().ok()?),
            serial: u64::from_le_bytes(b[6..14].try_into().ok()?),
        })
    }
}

/// Sends a message with an optional descriptor (SCM_RIGHTS).
pub fn send(sock: RawFd, m: &Msg, fd: Option<RawFd>) -> io::Result<()> {
    let data = m.encode();
    let mut iov = libc::iovec {
        iov_base: data.as_ptr() as *mut libc::c_void,
        iov_len: data.len(),
    };
    // room for one descriptor, aligned as cmsghdr
    let mut cbuf = [0u64; 8];
    // SAFETY: msghdr is plain data; the pointers we store stay valid for the
    // sendmsg call; CMSG_* only compute offsets inside `cbuf`, which is big
    // enough for one int (checked by CMSG_SPACE below).
    unsafe {
        let mut msg: libc::msghdr = std::mem::zeroed();
        msg.msg_iov = &mut iov;
        msg.msg_iovlen = 1;
        if let Some(fd) = fd {
            let space = libc::CMSG_SPACE(std::mem::size_of::<RawFd>() as u32) as usize;
            if space > std::mem::size_of_val(&cbuf) {
                return Err(io::Error::other("control buffer too small"));
            }
            msg.msg_control = cbuf.as_mut_ptr().cast();
            msg.msg_controllen = space as _;
            let c = libc::CMSG_FIRSTHDR(&msg);
            (*c).cmsg_level = libc::SOL_SOCKET;
            (*c).cmsg_type = libc::SCM_RIGHTS;
            (*c).cmsg_len = libc::CMSG_LEN(std::mem::size_of::<RawFd>() as u32) as _;
            std::ptr::write_unaligned(libc::CMSG_DATA(c).cast::<RawFd>(), fd);
        }
        if libc::sendmsg(sock, &msg, libc::MSG_NOSIGNAL) < 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

/// Receives one message and its descriptor, if any (marked close-on-exec).
/// `Ok(None)` when the other end is gone.
pub fn recv(sock: RawFd) -> io::Result<Option<(Msg, Option<OwnedFd>)>> {
    let mut data = [0u8; 64];
    let mut iov = libc::iovec {
        iov_base: data.as_mut_ptr().cast(),
        iov_len: data.len(),
    };
    let mut cbuf = [0u64; 8];
    // SAFETY: as in `send`; the kernel writes at most msg_controllen bytes
    // into `cbuf`, and we read a descriptor only from a SCM_RIGHTS header it
    // filled in.
    unsafe {
        let mut msg: libc::msghdr = std::mem::zeroed();
        msg.msg_iov = &mut iov;
        msg.msg_iovlen = 1;
        msg.msg_control = cbuf.as_mut_ptr().cast();
        msg.msg_controllen = std::mem::size_of_val(&cbuf) as _;
        let n = libc::recvmsg(sock, &mut msg, libc::MSG_CMSG_CLOEXEC);
        if n < 0 {
            return Err(io::Error::last_os_error());
        }
        if n == 0 {
            return Ok(None);
        }
        let mut fd = None;
        let c = libc::CMSG_FIRSTHDR(&msg);
        if !c.is_null() && (*c).cmsg_level == libc::SOL_SOCKET && (*c).cmsg_type == libc::SCM_RIGHTS
        {
            let raw = std::ptr::read_unaligned(libc::CMSG_DATA(c).cast::<RawFd>());
            fd = Some(OwnedFd::from_raw_fd(raw));
        }
        match Msg::decode(&data[..n as usize]) {
            Some(m) => Ok(Some((m, fd))),
            None => Err(io::Error::other("malformed supervisor message")),
        }
    }
}

/// A connected pair of SOCK_SEQPACKET unix sockets (close-on-exec).
pub fn link_pair() -> io::Result<(OwnedFd, OwnedFd)> {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: socketpair fills the array with two new descriptors we own.
    let r = unsafe {
        libc::socketpair(
            libc::AF_UNIX,
            libc::SOCK_SEQPACKET | libc::SOCK_CLOEXEC,
            0,
            fds.as_mut_ptr(),
        )
    };
    if r != 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: both descriptors are fresh and owned by nobody else.
    unsafe { Ok((OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1]))) }
}

/// The child's side: what the supervisor handed over at start.
#[derive(Debug)]
pub struct Handover {
    pub link: OwnedFd,
    pub listeners: Vec<Listener>,
    /// (kind, port index, serial, socket)
    pub clients: Vec<(PortKind, usize, u64, std::net::TcpStream)>,
    pub next_serial: u64,
}

/// In a supervised child: takes the link from the environment and receives
/// the sockets. `None` when not supervised.
pub fn child_handover(expect_sockets: bool) -> io::Result<Option<Handover>> {
    let Some(fd) = std::env::var(LINK_ENV)
        .ok()
        .and_then(|v| v.parse::<RawFd>().ok())
    else {
        return Ok(None);
    };
    if !crate::hotboot::is_socket(fd) {
        return Ok(None);
    }
    // SAFETY: the supervisor passed this descriptor to us alone.
    let link = unsafe { OwnedFd::from_raw_fd(fd) };
    let mut h = Handover {
        link,
        listeners: Vec::new(),
        clients: Vec::new(),
        next_serial: 1,
    };
    if !expect_sockets {
        // hot-booted under a supervisor: the sockets came through exec
        return Ok(Some(h));
    }
    let tv = libc::timeval {
        tv_sec: 30,
        tv_usec: 0,
    };
    // SAFETY: setting a receive timeout on our own socket.
    unsafe {
        libc::setsockopt(
            h.link.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_RCVTIMEO,
            (&tv as *const libc::timeval).cast(),
            std::mem::size_of::<libc::timeval>() as u32,
        );
    }
    for _ in 0..100_000 {
        let Some((m, fd)) = recv(h.link.as_raw_fd())? else {
            return Err(io::Error::other("supervisor went away during hand-over"));
        };
        match (m.tag, fd) {
            (TAG_LISTENER, Some(fd)) => {
                let sock = std::net::TcpListener::from(fd);
                sock.set_nonblocking(true)?;
                h.listeners.push(Listener {
                    kind: m.kind,
                    index: m.index as usize,
                    sock,
                });
            }
            (TAG_CLIENT, Some(fd)) => {
                h.clients.push((
                    m.kind,
                    m.index as usize,
                    m.serial,
                    std::net::TcpStream::from(fd),
                ));
            }
            (TAG_END, _) => {
                h.next_serial = m.serial.max(1);
                return Ok(Some(h));
            }
            _ => return Err(io::Error::other("unexpected supervisor message")),
        }
    }
    Err(io::Error::other("hand-over too long"))
}

/// What the supervisor holds for one client.
struct Held {
    kind: PortKind,
    index: u32,
    fd: OwnedFd,
}

/// Runs the supervisor until the driver shuts down cleanly or a crash loop
/// exhausts the dumps. Returns the exit status.
pub fn run(config: &Config, args: &[PathBuf]) -> anyhow::Result<i32> {
    let net = crate::net::Net::bind(&config.telnet_ports, &config.binary_ports, config.users)?;
    let listeners: Vec<(PortKind, u32, RawFd)> = net
        .listeners
        .iter()
        .map(|l| (l.kind, l.index as u32, l.sock.as_raw_fd()))
        .collect();
    let wake = crate::signals::install().ok();
    let exe = std::env::current_exe()?;
    let dump = config.dump_path();
    let old_dump = {
        let mut p = dump.clone().into_os_string();
        p.push(".old");
        PathBuf::from(p)
    };
    let mut held: BTreeMap<u64, Held> = BTreeMap::new();
    let mut next_serial: u64 = 1;
    // restart candidates after a crash: the newest dump, then the previous
    let mut candidate = 0usize;
    let mut fast_failures = 0u32;
    let mut first = true;

    loop {
        let child_args: Vec<PathBuf> = if first {
            args.to_vec()
        } else {
            // the newest dump, with the previous one as the secondary a
            // partial dump needs (statedump ignores it otherwise); then the
            // previous dump alone
            let mut cands: Vec<Vec<PathBuf>> = Vec::new();
            if dump.is_file() {
                let mut c = vec![dump.clone()];
                if old_dump.is_file() {
                    c.push(old_dump.clone());
                }
                cands.push(c);
            }
            if old_dump.is_file() {
                cands.push(vec![old_dump.clone()]);
            }
            if cands.is_empty() {
                if candidate > 0 {
                    log::line("supervisor: crash loop and no dump to fall back on; giving up");
                    return Ok(1);
                }
                args.to_vec()
            } else if let Some(c) = cands.get(candidate) {
                c.clone()
            } else {
                log::line("supervisor: crash loop on every dump; giving up");
                return Ok(1);
            }
        };
        let (sup_end, child_end) = link_pair()?;
        let mut cmd = Command::new(&exe);
        cmd.arg(&config.file).args(&child_args);
        cmd.env(LINK_ENV, child_end.as_raw_fd().to_string());
        let keep = child_end.as_raw_fd();
        use std::os::unix::process::CommandExt;
        // SAFETY: fcntl and prctl are async-signal-safe system calls; they
        // clear close-on-exec on the link descriptor and ask for SIGTERM
        // (an orderly panic dump) should the supervisor itself die.
        unsafe {
            cmd.pre_exec(move || {
                libc::prctl(
                    libc::PR_SET_PDEATHSIG,
                    libc::SIGTERM as libc::c_ulong,
                    0,
                    0,
                    0,
                );
                let fl = libc::fcntl(keep, libc::F_GETFD);
                if fl < 0 || libc::fcntl(keep, libc::F_SETFD, fl & !libc::FD_CLOEXEC) < 0 {
                    return Err(io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let started = Instant::now();
        let mut child: Child = cmd.spawn()?;
        drop(child_end);
        log::line(&format!(
            "supervisor: driver running as pid {} ({})",
            child.id(),
            if child_args.is_empty() {
                "cold boot".to_string()
            } else {
                format!("restoring {}", child_args[0].display())
            }
        ));
        // hand the sockets over
        let link = sup_end.as_raw_fd();
        let mut ok = true;
        for &(kind, index, fd) in &listeners {
            let m = Msg {
                tag: TAG_LISTENER,
                kind,
                index,
                serial: 0,
            };
            ok &= send(link, &m, Some(fd)).is_ok();
        }
        for (&serial, h) in &held {
            let m = Msg {
                tag: TAG_CLIENT,
                kind: h.kind,
                index: h.index,
                serial,
            };
            ok &= send(link, &m, Some(h.fd.as_raw_fd())).is_ok();
        }
        ok &= send(
            link,
            &Msg {
                tag: TAG_END,
                kind: PortKind::Telnet,
                index: 0,
                serial: next_serial,
            },
            None,
        )
        .is_ok();
        if !ok {
            log::line("supervisor: hand-over to the driver failed");
        }

        // serve the link until the child ends
        let status = loop {
            let mut fds = vec![libc::pollfd {
                fd: link,
                events: libc::POLLIN,
                revents: 0,
            }];
            if let Some(w) = wake {
                fds.push(libc::pollfd {
                    fd: w,
                    events: libc::POLLIN,
                    revents: 0,
                });
            }
            // SAFETY: a valid array of pollfd for the call.
            unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, 200) };
            if fds.get(1).is_some_and(|p| p.revents != 0) {
                let mut b = [0u8; 64];
                // SAFETY: draining our own pipe into a local buffer.
                unsafe { libc::read(fds[1].fd, b.as_mut_ptr().cast(), b.len()) };
            }
            if crate::signals::take() {
                log::line("supervisor: signal; passing SIGTERM to the driver");
                // SAFETY: signalling our own child.
                unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGTERM) };
            }
            if fds[0].revents != 0 {
                loop {
                    // SAFETY: a zero-timeout poll on the link to drain it.
                    let mut p = libc::pollfd {
                        fd: link,
                        events: libc::POLLIN,
                        revents: 0,
                    };
                    if unsafe { libc::poll(&mut p, 1, 0) } <= 0 || p.revents & libc::POLLIN == 0 {
                        break;
                    }
                    match recv(link) {
                        Ok(Some((m, fd))) => match (m.tag, fd) {
                            (TAG_ACCEPTED, Some(fd)) => {
                                next_serial = next_serial.max(m.serial + 1);
                                held.insert(
                                    m.serial,
                                    Held {
                                        kind: m.kind,
                                        index: m.index,
                                        fd,
                                    },
                                );
                            }
                            (TAG_CLOSED, _) => {
                                held.remove(&m.serial);
                            }
                            _ => {}
                        },
                        _ => break,
                    }
                }
            }
            if let Ok(Some(st)) = child.try_wait() {
                break st;
            }
        };
        first = false;
        if status.code() == Some(0) {
            log::line("supervisor: the driver shut down; stopping");
            return Ok(0);
        }
        log::line(&format!(
            "supervisor: the driver died ({status}); restarting it"
        ));
        if started.elapsed() < FAST_FAILURE {
            fast_failures += 1;
            if fast_failures >= MAX_FAST_FAILURES {
                log::line("supervisor: crash loop; falling back to an older dump");
                candidate += 1;
                fast_failures = 0;
            }
        } else {
            fast_failures = 0;
            candidate = 0;
        }
        // Connections the dead child closed but did not report are still
        // held; the new driver finds them at EOF and closes them itself.
    }
}

/// The child's link to its supervisor.
#[derive(Debug)]
pub struct Link {
    fd: OwnedFd,
}

impl Link {
    pub fn new(fd: OwnedFd) -> Link {
        Link { fd }
    }

    /// Reports an accepted connection (the supervisor keeps a duplicate).
    pub fn accepted(&self, kind: PortKind, index: usize, serial: u64, fd: RawFd) {
        let m = Msg {
            tag: TAG_ACCEPTED,
            kind,
            index: index as u32,
            serial,
        };
        if let Err(e) = send(self.fd.as_raw_fd(), &m, Some(fd)) {
            log::line(&format!("cannot report connection to the supervisor: {e}"));
        }
    }

    /// Reports a closed connection.
    pub fn closed(&self, serial: u64) {
        let m = Msg {
            tag: TAG_CLOSED,
            kind: PortKind::Telnet,
            index: 0,
            serial,
        };
        let _ = send(self.fd.as_raw_fd(), &m, None);
    }

    /// The descriptor (kept across a hot-boot exec).
    pub fn raw_fd(&self) -> RawFd {
        self.fd.as_raw_fd()
    }

    /// Gives up ownership (for exec).
    pub fn into_raw_fd(self) -> RawFd {
        self.fd.into_raw_fd()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptors_travel_over_the_link() {
        let (a, b) = link_pair().unwrap();
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        let m = Msg {
            tag: TAG_LISTENER,
            kind: PortKind::Binary,
            index: 3,
            serial: 77,
        };
        send(a.as_raw_fd(), &m, Some(l.as_raw_fd())).unwrap();
        send(
            a.as_raw_fd(),
            &Msg {
                tag: TAG_END,
                kind: PortKind::Telnet,
                index: 0,
                serial: 9,
            },
            None,
        )
        .unwrap();
        let (got, fd) = recv(b.as_raw_fd()).unwrap().unwrap();
        assert_eq!(got, m);
        let l2 = std::net::TcpListener::from(fd.unwrap());
        assert_eq!(l2.local_addr().unwrap().port(), port);
        let (end, fd) = recv(b.as_raw_fd()).unwrap().unwrap();
        assert_eq!(end.tag, TAG_END);
        assert_eq!(end.serial, 9);
        assert!(fd.is_none());
        drop(a);
        assert!(recv(b.as_raw_fd()).unwrap().is_none());
    }

    #[test]
    fn malformed_messages_are_refused() {
        assert!(Msg::decode(&[b'L', 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]).is_none());
        assert!(Msg::decode(&[b'L'; 3]).is_none());
    }
}
