//! End to end, byte for byte: client sessions on the telnet port, the binary
//! port and the datagram ports of the real binary, running the small mudlib
//! of `tests/netlib/` (it runs unchanged on DGD 1.7.9). Every expected byte
//! string below is what DGD 1.7.9 sent for the same input in the same
//! session (recorded with a raw socket client on 127.0.0.1); where DGD
//! differs only by timing, the comment says so.

use mud_tests::{repo_root, Mud};
use std::io::{Read, Write};
use std::net::{TcpStream, UdpSocket};
use std::time::{Duration, Instant};

/// The config of the recorded sessions: 2 users and 1 datagram user; a
/// datagram port attached to the binary port, and one of its own.
fn netlib(dport: u16) -> Mud {
    netlib_users(dport, 2)
}

fn netlib_users(dport: u16, users: u32) -> Mud {
    Mud::custom(&repo_root().join("tests/netlib"), |t, b| {
        format!(
            "telnet_port = ([ \"127.0.0.1\" : {t} ]);\n\
             binary_port = ([ \"127.0.0.1\" : {b} ]);\n\
             datagram_port = ([ \"127.0.0.1\" : {b}, \"127.0.0.1\" : {dport} ]);\n\
             users = {users}; datagram_users = 1; editors = 4; ed_tmpfile = \"../state/ed\";\n\
             swap_file = \"../state/swap\"; swap_size = 1024; sector_size = 512;\n\
             swap_fragment = 32; static_chunk = 64512; dynamic_chunk = 261120;\n\
             dump_file = \"../state/dump\"; dump_interval = 3600; typechecking = 2;\n\
             include_file = \"/include/std.h\"; include_dirs = ({{ \"/include\" }});\n\
             auto_object = \"/auto\"; driver_object = \"/driver\"; create = \"create\";\n\
             array_size = 1000; objects = 500; call_outs = 100;\n"
        )
    })
}

fn free_udp_port() -> u16 {
    UdpSocket::bind("127.0.0.1:0")
        .and_then(|s| s.local_addr())
        .map(|a| a.port())
        .expect("udp port")
}

/// A raw client: what it got, byte for byte.
struct Raw {
    s: TcpStream,
    got: Vec<u8>,
}

impl Raw {
    fn connect(port: u16) -> Raw {
        let s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        s.set_read_timeout(Some(Duration::from_millis(30)))
            .expect("timeout");
        Raw { s, got: Vec::new() }
    }

    /// Reads what is there now; false once the server closed.
    fn pump(&mut self) -> bool {
        let mut b = [0u8; 65536];
        match self.s.read(&mut b) {
            Ok(0) => false,
            Ok(n) => {
                self.got.extend_from_slice(&b[..n]);
                true
            }
            Err(_) => true,
        }
    }

    /// Waits (bounded) until `n` more bytes than `mark` came, then a little
    /// longer for any excess; the bytes after `mark`.
    fn after(&mut self, mark: usize, n: usize) -> Vec<u8> {
        let end = Instant::now() + Duration::from_secs(30);
        while self.got.len() < mark + n && Instant::now() < end {
            if !self.pump() {
                break;
            }
        }
        for _ in 0..3 {
            self.pump();
        }
        self.got[mark.min(self.got.len())..].to_vec()
    }

    /// Sends `input`; the reply must be exactly `want`.
    fn exchange(&mut self, input: &[u8], want: &[u8]) {
        let mark = self.got.len();
        self.s.write_all(input).expect("send");
        let got = self.after(mark, want.len());
        assert_eq!(
            String::from_utf8_lossy(&got),
            String::from_utf8_lossy(want),
            "reply to {:?}",
            String::from_utf8_lossy(input)
        );
        assert_eq!(got, want, "reply to {input:?}");
    }

    fn expect(&mut self, want: &[u8]) {
        let mark = self.got.len();
        let got = self.after(mark, want.len());
        assert_eq!(got, want);
    }

    /// True once the server closed the connection (bounded wait).
    fn closed(&mut self) -> bool {
        let end = Instant::now() + Duration::from_secs(20);
        while Instant::now() < end {
            if !self.pump() {
                return true;
            }
        }
        false
    }
}

fn udp() -> UdpSocket {
    let u = UdpSocket::bind("127.0.0.1:0").expect("udp");
    u.set_read_timeout(Some(Duration::from_millis(50)))
        .expect("timeout");
    u
}

/// The next datagram (bounded wait).
fn recv(u: &UdpSocket) -> Vec<u8> {
    let mut b = [0u8; 9000];
    let end = Instant::now() + Duration::from_secs(20);
    while Instant::now() < end {
        if let Ok((n, _)) = u.recv_from(&mut b) {
            return b[..n].to_vec();
        }
    }
    panic!("no datagram came");
}

const GREETING: &[u8] = b"\xff\xfc\x01\xff\xfd\x22";

#[test]
fn telnet_session_as_dgd_sends_it() {
    let mud = netlib(free_udp_port());
    let srv = mud.start(&[]);
    let mut a = Raw::connect(mud.telnet);
    a.expect(&[GREETING, b"Welcome\r\n"].concat());
    a.exchange(b"hello\r\n", b"[hello] 5\r\n");
    // echo off for a password: IAC WILL ECHO after the task's output
    a.exchange(b"echo off\r\n", b"[echo off] 8\r\nr=1\r\n\xff\xfb\x01");
    a.exchange(b"secret\r\n", b"[secret] 6\r\n");
    a.exchange(b"echo on\r\n", b"[echo on] 7\r\nr=1\r\n\xff\xfc\x01");
    // message_done after the greeting and after each drained output
    a.exchange(b"md\r\n", b"[md] 2\r\ndone=5\r\n");
    // LF becomes CR LF; CR alone stays
    a.exchange(b"nl\n", b"[nl] 2\r\na\r\nb\r\r\nc\rd\r\n");
    // IAC doubled on output; CR NUL ends a line
    a.exchange(b"iac\r\0", b"[iac] 3\r\nx\xff\xffy\r\nr=4\r\n");
    // BS and DEL erase
    a.exchange(b"ab\x08c\x7fd\r\n", b"[ad] 2\r\n");
    // DO TM, DO SGA, DONT SGA (go-ahead from now on), WILL LINEMODE
    a.exchange(
        b"\xff\xfd\x06\xff\xfd\x03\xff\xfe\x03\xff\xfb\x22x\n",
        b"\xff\xfc\x06\xff\xfb\x03\xff\xfc\x03\xff\xfa\x22\x01\x01\xff\xf0[x] 1\r\n\xff\xf9",
    );
    // subnegotiation skipped
    a.exchange(b"\xff\xfa\x18\x00abc\xff\xf0q\r", b"[q] 1\r\n\xff\xf9");
    // the LF of CR LF split over two packets ends nothing
    a.exchange(b"\n", b"");
    // IP and BRK
    a.exchange(b"\xff\xf4\xff\xf3", b"\x7f\x1c");
    // lines longer than 2048 bytes come in 2048-byte pieces
    let piece = |n: usize| {
        [
            &b"["[..],
            &vec![b'x'; n],
            format!("] {n}\r\n").as_bytes(),
            b"\xff\xf9",
        ]
        .concat()
    };
    a.exchange(&[b'x'; 3000], &piece(2048));
    a.exchange(b"\r\n", &piece(952));
    a.exchange(
        &[&[b'x'; 2048][..], b"\r\n"].concat(),
        &[piece(2048), b"[] 0\r\n\xff\xf9".to_vec()].concat(),
    );
    // 64 KiB of output: the second 30000 newlines are cut between CR and
    // LF where the buffer ends, and the report after them does not fit
    let mut want = b"[bignl 30000] 11\r\n".to_vec();
    for _ in 0..32758 {
        want.extend_from_slice(b"\r\n");
    }
    want.push(b'\r');
    assert_eq!(want.len(), 65535);
    a.exchange(b"bignl 30000\r\n", &want);
    a.exchange(b"!md\r\n", b"done=17\r\n\xff\xf9");
    // IAC IAC is a 255 byte
    a.exchange(b"\xff\xffz\r\n", b"[\\377z] 2\r\n\xff\xf9");
    // block_input(1): nothing is read until the call_out unblocks
    a.exchange(b"block\r\n", b"[block] 5\r\n\xff\xf9");
    a.exchange(
        b"one\r\ntwo\r\n",
        b"unblocked\r\n[one] 3\r\n\xff\xf9[two] 3\r\n\xff\xf9",
    );
    // the client closes in the middle of a line: the line, then close(0)
    a.s.write_all(b"abc").expect("send");
    a.s.shutdown(std::net::Shutdown::Write).expect("shutdown");
    a.expect(b"[abc] 3\r\n\xff\xf9");
    assert!(a.closed());
    log_until(&srv, "close(0) /user#");
}

#[test]
fn binary_datagram_and_user_limits_as_dgd() {
    let dport = free_udp_port();
    let mud = netlib(dport);
    let srv = mud.start(&[]);
    // a quiet user: nothing but the greeting, which gets message_done too;
    // send_message("") makes output pending as well
    {
        let mut a = Raw::connect(mud.telnet);
        a.expect(b"\xff\xfc\x01\xff\xfd\x22Welcome\r\n");
        a.exchange(b"quiet\r\n", b"[quiet] 5\r\n");
        let mut q = Raw::connect(mud.telnet);
        q.expect(GREETING);
        q.exchange(b"!md\r\n", b"done=1\r\n");
        q.exchange(b"!empty2\r\n", b"");
        q.exchange(b"!md\r\n", b"done=3\r\n");
        q.exchange(b"loud\r\n", b"[loud] 4\r\n");
        // send_close: the output, then the end of the stream
        q.exchange(b"close\r\n", b"[close] 5\r\nbye\r\n");
        assert!(q.closed());
    }
    // binary: raw bytes both ways, no echo control
    let mut b = Raw::connect(mud.binary);
    b.expect(b"Welcome\n");
    b.exchange(b"hello\r\n", b"[hello\\015\\012] 7\n");
    b.exchange(b"nl", b"[nl] 2\na\nb\r\nc\rd\n");
    b.exchange(b"echo off", b"[echo off] 8\nr=0\n");
    b.exchange(b"iac", b"[iac] 3\nx\xffy\nr=4\n");
    b.exchange(b"!md", b"done=5\n");
    // no datagram channel yet: send_datagram is an error (the runtime
    // error goes to the log); then the challenge, once only
    b.exchange(b"dgram x", b"[dgram x] 7\n");
    b.exchange(b"chal secret", b"[chal secret] 11\nchallenge set\n");
    b.exchange(b"chal again", b"[chal again] 10\n");
    let u = udp();
    let to = ("127.0.0.1", mud.binary);
    u.send_to(b"secre", to).expect("udp send");
    u.send_to(b"secret", to).expect("udp send");
    // DGD notices the attach only at its next wake-up (here: the next
    // datagram); this driver at once. The order is the same.
    b.expect(b"attached\n");
    u.send_to(b"hello", to).expect("udp send");
    assert_eq!(recv(&u), b"got hello");
    b.expect(b"datagram [hello] 9\n");
    b.exchange(b"dgram out", b"[dgram out] 9\ndgram 3\n");
    assert_eq!(recv(&u), b"out");
    // users = 2 plus datagram_users = 1: three TCP connections, as DGD
    let mut c = Raw::connect(mud.telnet);
    c.expect(&[GREETING, b"Welcome\r\n"].concat());
    let mut d = Raw::connect(mud.telnet);
    let mut e = Raw::connect(mud.telnet);
    d.expect(&[GREETING, b"Welcome\r\n"].concat());
    e.exchange(b"users\r\n", b"");
    c.exchange(b"users\r\n", b"[users] 5\r\nusers 3 nusers 3\r\n");
    // the table is full: no datagram user either (DGD 1.7.9 crashes here)
    let v = udp();
    v.send_to(b"users", ("127.0.0.1", dport)).expect("udp send");
    drop(c);
    // the waiting telnet connection gets the free slot first
    e.expect(&[GREETING, b"Welcome\r\n[users] 5\r\nusers 3 nusers 3\r\n"].concat());
    drop(d);
    // then the datagram user, with the datagram that waited
    assert_eq!(recv(&v), b"users 3 3 3 127.0.0.1");
    v.send_to(b"ping", ("127.0.0.1", dport)).expect("udp send");
    assert_eq!(recv(&v), b"got ping");
    // its object goes: the connection goes with it
    v.send_to(b"quit", ("127.0.0.1", dport)).expect("udp send");
    let end = Instant::now() + Duration::from_secs(20);
    while !srv.log_text().contains("close(1) /user#") && Instant::now() < end {
        std::thread::sleep(Duration::from_millis(20));
    }
    e.exchange(b"users\r\n", b"[users] 5\r\nusers 2 nusers 2\r\n");
    let log = srv.log_text();
    for line in [
        "runtime_error: Datagram channel not established",
        "runtime_error: Datagram challenge already set",
        "datagram_connect 1",
        "runtime_error: Message channel not enabled",
        "close(1) /user#",
    ] {
        assert!(log.contains(line), "{line:?} not in the log:\n{log}");
    }
}

/// Waits (bounded) until the driver's log has `line`.
fn log_until(srv: &mud_tests::Server, line: &str) -> String {
    let end = Instant::now() + Duration::from_secs(20);
    loop {
        let log = srv.log_text();
        if log.contains(line) {
            return log;
        }
        assert!(Instant::now() < end, "{line:?} not in the log:\n{log}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn outbound_connections_as_dgd() {
    let dport = free_udp_port();
    let mud = netlib(dport);
    let srv = mud.start(&[]);
    let mut a = Raw::connect(mud.telnet);
    a.expect(&[GREETING, b"Welcome\r\n"].concat());
    // connect(): open() in the object, a binary connection from then on
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("listen");
    let lp = l.local_addr().expect("addr").port();
    let cmd = format!("out 127.0.0.1 {lp}\r\n");
    a.exchange(
        cmd.as_bytes(),
        format!("[out 127.0.0.1 {lp}] 19\r\nout ok\r\n").as_bytes(),
    );
    let (s, _) = l.accept().expect("accept");
    let mut c = Raw { s, got: Vec::new() };
    c.s.set_read_timeout(Some(Duration::from_millis(30)))
        .expect("timeout");
    c.expect(b"hello from outbound\n");
    c.exchange(b"ping\n", b"echo ping\n");
    drop(c);
    log_until(&srv, "outbound close(0)");
    // refused: unconnected(1); bad host or port: errors in the kfun
    drop(l);
    a.exchange(
        cmd.as_bytes(),
        format!("[out 127.0.0.1 {lp}] 19\r\nout ok\r\n").as_bytes(),
    );
    log_until(&srv, "unconnected 1");
    a.exchange(
        b"out 127.0.0.1 0\r\n",
        b"[out 127.0.0.1 0] 15\r\nout Port number out of range\r\n",
    );
    // connect_datagram(): open() at once, datagrams both ways
    let u = udp();
    let up = u.local_addr().expect("addr").port();
    let cmd = format!("outd 1 127.0.0.1 {up}\r\n");
    let want = format!("[outd 1 127.0.0.1 {up}] 22\r\noutd ok\r\n");
    a.exchange(cmd.as_bytes(), want.as_bytes());
    log_until(&srv, "outbound open 127.0.0.1 2");
    u.send_to(b"hi", ("127.0.0.1", dport)).expect("udp send");
    assert_eq!(recv(&u), b"dg hi");
    // the same address again: unconnected(5); no such port: an error
    a.exchange(cmd.as_bytes(), want.as_bytes());
    log_until(&srv, "unconnected 5");
    a.exchange(
        format!("outd 5 127.0.0.1 {up}\r\n").as_bytes(),
        format!("[outd 5 127.0.0.1 {up}] 22\r\noutd No such datagram port\r\n").as_bytes(),
    );
    a.exchange(b"users\r\n", b"[users] 5\r\nusers 2 nusers 2\r\n");
}

#[test]
fn users_are_listed_in_dgd_slot_order() {
    // DGD hands out the user slot freed last first, and users() lists by
    // slot (recorded on DGD 1.7.9: after closing the 2nd and 4th of five
    // connections, a new one comes 3rd in users(); after closing the 1st,
    // 5th and 3rd, three new ones are listed 3rd, 4th... as below)
    let mud = netlib_users(free_udp_port(), 6);
    let srv = mud.start(&[]);
    // the start-up probe connection has come and gone
    log_until(&srv, "close(0) /user#");
    let mut cs: Vec<Option<Raw>> = Vec::new();
    for _ in 0..5 {
        let mut c = Raw::connect(mud.telnet);
        c.expect(&[GREETING, b"Welcome\r\n"].concat());
        cs.push(Some(c));
    }
    let who = |c: &mut Raw| -> Vec<String> {
        let mark = c.got.len();
        c.s.write_all(b"!who\r\n").expect("send");
        let end = Instant::now() + Duration::from_secs(20);
        while !c.got[mark..].ends_with(b"\r\n") && Instant::now() < end {
            c.pump();
        }
        String::from_utf8_lossy(&c.got[mark..])
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    let num = |name: &str| -> u32 {
        name.rsplit('#')
            .next()
            .and_then(|n| n.parse().ok())
            .expect("clone number")
    };
    let names = who(cs[0].as_mut().expect("client"));
    assert_eq!(names.len(), 5, "{names:?}");
    let close = |cs: &mut Vec<Option<Raw>>, i: usize| {
        cs[i] = None;
        log_until(&srv, &format!("close(0) {}\n", names[i]));
    };
    close(&mut cs, 1);
    close(&mut cs, 3);
    let mut n = Raw::connect(mud.telnet);
    n.expect(&[GREETING, b"Welcome\r\n"].concat());
    let w = who(&mut n);
    assert_eq!(w.len(), 4, "{w:?}");
    assert_eq!([&w[0], &w[1], &w[3]], [&names[0], &names[2], &names[4]]);
    let x = w[2].clone();
    assert!(!names.contains(&x));
    close(&mut cs, 0);
    close(&mut cs, 4);
    close(&mut cs, 2);
    let mut more = Vec::new();
    for _ in 0..3 {
        let mut c = Raw::connect(mud.telnet);
        c.expect(&[GREETING, b"Welcome\r\n"].concat());
        more.push(c);
    }
    // the three new ones went to the slots of the 3rd, 5th and 1st
    let w = who(&mut n);
    assert_eq!(w.len(), 4, "{w:?}");
    assert_eq!(w[2], x);
    let (m2, m0, m1) = (num(&w[0]), num(&w[1]), num(&w[3]));
    assert!(num(&x) < m0 && m0 < m1 && m1 < m2, "{w:?}");
}

#[test]
fn input_and_call_outs_interleave_as_dgd() {
    // one input line per pass over the connections (round robin), then the
    // due call_outs: two held clients released in one task give the order
    // DGD 1.7.9 gives (the old one-line-per-connection loop did not)
    let mud = netlib_users(free_udp_port(), 6);
    let _srv = mud.start(&[]);
    let mut a = Raw::connect(mud.telnet);
    a.expect(&[GREETING, b"Welcome\r\n"].concat());
    let mut b = Raw::connect(mud.telnet);
    b.expect(&[GREETING, b"Welcome\r\n"].concat());
    let mut c = Raw::connect(mud.telnet);
    c.expect(&[GREETING, b"Welcome\r\n"].concat());
    a.exchange(b"!hold\r\n", b"held\r\n");
    b.exchange(b"!hold\r\n", b"held\r\n");
    a.s.write_all(b"!tick\r\n!say a1\r\n!say a2\r\n!tick\r\n!say a3\r\n")
        .expect("send");
    b.s.write_all(b"!say b1\r\n!tick\r\n!say b2\r\n!say b3\r\n")
        .expect("send");
    c.exchange(
        b"!release\r\n",
        b"tock\r\nb1\r\na1\r\ntock\r\na2\r\nb2\r\ntock\r\nb3\r\na3\r\n",
    );
}
