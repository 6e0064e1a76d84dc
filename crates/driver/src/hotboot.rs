//! Hot-boot: `shutdown(1)` after `dump_state()` executes the config's
//! `hotboot` command with the listening and client sockets left open; the
//! new driver restores the dump, takes the sockets back and calls
//! `restored(1)`.
//!
//! The connection table goes into the dump as the driver table `hotboot`
//! (format in docs/format.md, "driver tables"); the descriptor numbers are
//! also passed in the environment variable [`FDS_ENV`], and only
//! descriptors listed there *and* still open sockets are adopted, so a dump
//! made for a hot-boot and later restored by hand never adopts an unrelated
//! descriptor.

use crate::callout::ObjKey;
use crate::net::{self, Listener, Net, PortKind};
use std::os::fd::{AsRawFd, RawFd};

/// Environment variable naming the inherited descriptors.
pub const FDS_ENV: &str = "DRIVER_HOTBOOT_FDS";

const MAGIC: &[u8; 4] = b"DGHB";
const VERSION: u16 = 1;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListenerEntry {
    pub kind: PortKind,
    pub index: u32,
    pub fd: RawFd,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnEntry {
    pub fd: RawFd,
    pub kind: PortKind,
    pub port_index: u32,
    pub obj: Option<ObjKey>,
    pub blocked: bool,
}

/// The connection table saved for a hot-boot.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub listeners: Vec<ListenerEntry>,
    pub conns: Vec<ConnEntry>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("hotboot table: {0}")]
pub struct TableError(String);

fn kind_byte(k: PortKind) -> u8 {
    match k {
        PortKind::Telnet => 0,
        PortKind::Binary => 1,
        // never listed: datagram connections do not survive a hot-boot
        PortKind::Datagram => 2,
    }
}

impl Table {
    /// The table of a running server.
    pub fn of(net: &Net) -> Table {
        Table {
            listeners: net
                .listeners
                .iter()
                .map(|l| ListenerEntry {
                    kind: l.kind,
                    index: l.index as u32,
                    fd: l.sock.as_raw_fd(),
                })
                .collect(),
            conns: net
                .ids()
                .into_iter()
                .filter_map(|id| net.get(id))
                .filter(|c| !c.eof && !c.connecting)
                .filter_map(|c| {
                    Some(ConnEntry {
                        fd: c.stream.as_ref()?.as_raw_fd(),
                        kind: c.kind,
                        port_index: c.port_index as u32,
                        obj: c.obj,
                        blocked: c.blocked,
                    })
                })
                .collect(),
        }
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&VERSION.to_le_bytes());
        b.extend_from_slice(&(self.listeners.len() as u32).to_le_bytes());
        for l in &self.listeners {
            b.push(kind_byte(l.kind));
            b.extend_from_slice(&l.index.to_le_bytes());
            b.extend_from_slice(&l.fd.to_le_bytes());
        }
        b.extend_from_slice(&(self.conns.len() as u32).to_le_bytes());
        for c in &self.conns {
            b.extend_from_slice(&c.fd.to_le_bytes());
            b.push(kind_byte(c.kind));
            b.extend_from_slice(&c.port_index.to_le_bytes());
            b.push(u8::from(c.obj.is_some()));
            b.extend_from_slice(&c.obj.map_or(0, |o| o.0).to_le_bytes());
            b.push(u8::from(c.blocked));
        }
        let sum = xxhash_rust::xxh3::xxh3_64(&b);
        b.extend_from_slice(&sum.to_le_bytes());
        b
    }

    pub fn decode(bytes: &[u8]) -> Result<Table, TableError> {
        let bad = |m: &str| TableError(m.to_string());
        if bytes.len() < 18 {
            return Err(bad("too short"));
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        let want = u64::from_le_bytes(sum.try_into().map_err(|_| bad("checksum"))?);
        if xxhash_rust::xxh3::xxh3_64(body) != want {
            return Err(bad("checksum mismatch"));
        }
        let mut r = Reader { b: body, pos: 0 };
        if r.take(4)? != MAGIC {
            return Err(bad("bad magic"));
        }
        let v = u16::from_le_bytes([r.u8()?, r.u8()?]);
        if v != VERSION {
            return Err(TableError(format!("unknown version {v}")));
        }
        let kind = |b: u8| match b {
            0 => Ok(PortKind::Telnet),
            1 => Ok(PortKind::Binary),
            _ => Err(bad("bad port kind")),
        };
        let mut t = Table::default();
        let nl = r.u32()?;
        for _ in 0..nl.min(1024) {
            let k = kind(r.u8()?)?;
            let index = r.u32()?;
            let fd = r.u32()? as i32;
            t.listeners.push(ListenerEntry { kind: k, index, fd });
        }
        let nc = r.u32()?;
        for _ in 0..nc.min(1 << 20) {
            let fd = r.u32()? as i32;
            let k = kind(r.u8()?)?;
            let port_index = r.u32()?;
            let has = r.u8()? != 0;
            let o = r.u64()?;
            let blocked = r.u8()? != 0;
            t.conns.push(ConnEntry {
                fd,
                kind: k,
                port_index,
                obj: has.then_some(ObjKey(o)),
                blocked,
            });
        }
        if r.pos != body.len() {
            return Err(bad("trailing bytes"));
        }
        Ok(t)
    }

    /// Every descriptor in the table.
    pub fn fds(&self) -> Vec<RawFd> {
        self.listeners
            .iter()
            .map(|l| l.fd)
            .chain(self.conns.iter().map(|c| c.fd))
            .collect()
    }
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], TableError> {
        let s = self
            .b
            .get(self.pos..self.pos + n)
            .ok_or_else(|| TableError("truncated".into()))?;
        self.pos += n;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, TableError> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, TableError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn u64(&mut self) -> Result<u64, TableError> {
        let mut a = [0u8; 8];
        a.copy_from_slice(self.take(8)?);
        Ok(u64::from_le_bytes(a))
    }
}

/// True if `fd` is an open socket of this process.
pub fn is_socket(fd: RawFd) -> bool {
    // SAFETY: fstat on any integer is safe; it fails for closed descriptors.
    unsafe {
        let mut st: libc::stat = std::mem::zeroed();
        libc::fstat(fd, &mut st) == 0 && (st.st_mode & libc::S_IFMT) == libc::S_IFSOCK
    }
}

/// The descriptors the previous driver passed (from [`FDS_ENV`]).
pub fn inherited_fds() -> Vec<RawFd> {
    std::env::var(FDS_ENV)
        .ok()
        .map(|v| {
            v.split(',')
                .filter_map(|s| s.trim().parse::<RawFd>().ok())
                .filter(|&fd| fd > 2)
                .collect()
        })
        .unwrap_or_default()
}

/// Rebuilds the network from a table, adopting only inherited sockets.
/// Returns the listeners and the connections (with their objects).
pub fn adopt(table: &Table, inherited: &[RawFd]) -> (Vec<Listener>, Vec<ConnEntry>) {
    let ok = |fd: RawFd| inherited.contains(&fd) && is_socket(fd);
    let mut listeners = Vec::new();
    for l in &table.listeners {
        if ok(l.fd) {
            // SAFETY: inherited across exec for us, checked to be a socket,
            // and listed once.
            if let Ok(sock) = unsafe { net::listener_from_fd(l.fd) } {
                listeners.push(Listener {
                    kind: l.kind,
                    index: l.index as usize,
                    sock,
                });
            }
        }
    }
    let conns = table.conns.iter().filter(|c| ok(c.fd)).cloned().collect();
    (listeners, conns)
}

/// Clears close-on-exec on a descriptor so it survives `exec`.
pub fn keep_across_exec(fd: RawFd) -> std::io::Result<()> {
    // SAFETY: fcntl on a descriptor we own.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFD);
        if flags < 0 || libc::fcntl(fd, libc::F_SETFD, flags & !libc::FD_CLOEXEC) < 0 {
            return Err(std::io::Error::last_os_error());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        Table {
            listeners: vec![
                ListenerEntry {
                    kind: PortKind::Telnet,
                    index: 0,
                    fd: 5,
                },
                ListenerEntry {
                    kind: PortKind::Binary,
                    index: 0,
                    fd: 6,
                },
            ],
            conns: vec![ConnEntry {
                fd: 9,
                kind: PortKind::Telnet,
                port_index: 0,
                obj: Some(ObjKey(77 << 32 | 3)),
                blocked: false,
            }],
        }
    }

    #[test]
    fn roundtrip_and_damage() {
        let t = sample();
        let b = t.encode();
        assert_eq!(Table::decode(&b).unwrap(), t);
        for i in 0..b.len() {
            let mut d = b.clone();
            d[i] ^= 1;
            assert!(Table::decode(&d).is_err(), "flip {i}");
        }
        for n in 0..b.len() {
            assert!(Table::decode(&b[..n]).is_err());
        }
    }

    #[test]
    fn only_inherited_sockets_are_adopted() {
        // Descriptors 5, 6, 9 are not listed as inherited: nothing adopted.
        let (l, c) = adopt(&sample(), &[]);
        assert!(l.is_empty() && c.is_empty());
        // A listed descriptor that is not a socket is refused too.
        let f = tempfile::tempfile().unwrap();
        let fd = f.as_raw_fd();
        assert!(!is_socket(fd));
        let mut t = sample();
        t.conns[0].fd = fd;
        let (_, c) = adopt(&t, &[fd]);
        assert!(c.is_empty());
    }
}
