//! Datagram ports as DGD 1.7.9 serves them: a datagram port with the number
//! of the binary port of the same index is attached to it (a binary
//! connection sets `datagram_challenge()`, the client proves itself by
//! sending that string from UDP, `datagram_attach()` follows, then
//! `receive_datagram()` / `send_datagram()`); any other datagram port makes
//! datagram-only connections through `datagram_connect()`, up to
//! `datagram_users` of them.

mod common;
use common::*;
use driver::server::{Server, Start};
use std::net::UdpSocket;
use std::time::Duration;

fn free_udp_port() -> u16 {
    UdpSocket::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn udp_client() -> UdpSocket {
    let s = UdpSocket::bind("127.0.0.1:0").unwrap();
    s.set_read_timeout(Some(Duration::from_millis(20))).unwrap();
    s
}

fn boot_with(
    dir: &std::path::Path,
    extra: impl Fn(u16) -> String,
) -> (Server<TestWorld>, u16, u16) {
    let (t, b) = (free_port(), free_port());
    let cfg = config_with(dir, t, b, 10, &extra(b));
    let mut s = Server::boot_with(cfg, &Start::default(), |_, _, sw| TestWorld::new(sw)).unwrap();
    s.max_wait_ms = Some(20);
    (s, t, b)
}

/// Runs turns until the socket receives a datagram (bounded).
fn recv_datagram(srv: &mut Server<TestWorld>, u: &UdpSocket) -> (Vec<u8>, std::net::SocketAddr) {
    let mut buf = [0u8; 9000];
    for _ in 0..200 {
        srv.turn();
        if let Ok((n, from)) = u.recv_from(&mut buf) {
            return (buf[..n].to_vec(), from);
        }
    }
    panic!("no datagram came back");
}

fn log_has(srv: &Server<TestWorld>, prefix: &str) -> bool {
    srv.world.log.iter().any(|l| l.starts_with(prefix))
}

#[test]
fn a_binary_connection_attaches_its_datagram_channel_with_the_challenge() {
    let dir = tempfile::tempdir().unwrap();
    let (mut srv, t, b) = boot_with(dir.path(), |b| {
        format!("datagram_port = ([ \"127.0.0.1\" : {b} ]);\n")
    });
    assert_eq!(srv.host.borrow().net.datagram_ports(), vec![b]);
    let mut c = Client::connect(b);
    turns_until(&mut srv, &mut [&mut c], 200, |_, c| {
        c[0].text().contains("> ")
    });
    let obj = srv.host.borrow().users()[0].0;
    let u = udp_client();
    // before any challenge: a datagram from nowhere is dropped
    u.send_to(b"secret", ("127.0.0.1", b)).unwrap();
    c.send(b"dgram early\n");
    turns_until(&mut srv, &mut [&mut c], 200, |_, c| {
        c[0].text().contains("dgram ")
    });
    assert!(
        c.text().contains("dgram Err(Datagram(NotEstablished))"),
        "{}",
        c.text()
    );
    c.send(b"challenge secret\n");
    turns_until(&mut srv, &mut [&mut c], 200, |_, c| {
        c[0].text().contains("challenge ")
    });
    assert!(c.text().contains("challenge Ok(())"), "{}", c.text());
    c.send(b"challenge other\n");
    turns_until(&mut srv, &mut [&mut c], 200, |_, c| {
        c[0].text().contains("challenge Err")
    });
    assert!(c.text().contains("challenge Err(Datagram(ChallengeSet))"));
    // a wrong proof changes nothing; the right one attaches the channel
    u.send_to(b"secre", ("127.0.0.1", b)).unwrap();
    u.send_to(b"secret", ("127.0.0.1", b)).unwrap();
    turns_until(&mut srv, &mut [&mut c], 200, |_, c| {
        c[0].text().contains("attached\n")
    });
    assert_eq!(
        srv.world
            .log
            .iter()
            .filter(|l| l.starts_with("attach "))
            .count(),
        1
    );
    // now datagrams flow both ways, one send_datagram per task
    u.send_to(b"hello", ("127.0.0.1", b)).unwrap();
    let (got, from) = recv_datagram(&mut srv, &u);
    assert_eq!(got, b"echo:hello");
    assert_eq!(from.port(), b, "answered from the datagram port");
    assert!(log_has(&srv, &format!("datagram {obj} hello")));
    assert!(log_has(&srv, "sent Ok(10) Ok(0)"));
    // once established, no new challenge
    c.send(b"challenge again\n");
    turns_until(&mut srv, &mut [&mut c], 200, |_, c| {
        c[0].text().contains("AlreadyEstablished")
    });
    // a telnet connection has no datagram channel
    let mut tc = Client::connect(t);
    tc.send(b"challenge x\n");
    turns_until(&mut srv, &mut [&mut tc], 200, |_, c| {
        c[0].text().contains("challenge ")
    });
    assert!(tc.text().contains("challenge Err(Datagram(NotAvailable))"));
    // another source sending the old challenge gets nowhere
    let stranger = udp_client();
    stranger.send_to(b"secret", ("127.0.0.1", b)).unwrap();
    stranger.send_to(b"hello", ("127.0.0.1", b)).unwrap();
    for _ in 0..20 {
        srv.turn();
    }
    assert_eq!(
        srv.world
            .log
            .iter()
            .filter(|l| l.starts_with("datagram "))
            .count(),
        1
    );
}

#[test]
fn datagrams_on_a_port_of_their_own_make_datagram_users() {
    let dir = tempfile::tempdir().unwrap();
    let d = free_udp_port();
    let (mut srv, _, _) = boot_with(dir.path(), |_| {
        format!("datagram_port = ([ \"127.0.0.1\" : {d} ]); datagram_users = 1;\n")
    });
    let a = udp_client();
    a.send_to(b"ping", ("127.0.0.1", d)).unwrap();
    let (got, _) = recv_datagram(&mut srv, &a);
    assert_eq!(got, b"echo:ping");
    assert!(log_has(&srv, "connect Datagram 0"));
    let users = srv.host.borrow().users();
    assert_eq!(users.len(), 1);
    let obj = users[0];
    assert!(log_has(&srv, &format!("datagram {} ping", obj.0)));
    // no message channel: send_message and send_close are errors
    assert_eq!(
        srv.host.borrow_mut().send_message(obj, b"x"),
        Err(driver::world::HostError::NoMessageChannel)
    );
    assert_eq!(
        srv.host.borrow_mut().send_close(obj),
        Err(driver::world::HostError::NoMessageChannel)
    );
    // the datagram user table is full: a second source waits
    let b = udp_client();
    b.send_to(b"knock", ("127.0.0.1", d)).unwrap();
    a.send_to(b"again", ("127.0.0.1", d)).unwrap();
    let (got, _) = recv_datagram(&mut srv, &a);
    assert_eq!(got, b"echo:again");
    assert_eq!(
        srv.world
            .log
            .iter()
            .filter(|l| l.starts_with("connect Datagram"))
            .count(),
        1
    );
    // the user goes: the waiting source gets the free slot
    srv.host.borrow_mut().object_destructed(obj);
    srv.end_task();
    let (got, _) = recv_datagram(&mut srv, &b);
    assert_eq!(got, b"echo:knock");
    assert_eq!(
        srv.world
            .log
            .iter()
            .filter(|l| l.starts_with("connect Datagram"))
            .count(),
        2
    );
}
