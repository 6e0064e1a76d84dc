use super::*;
use std::io::{Read, Write};
use std::time::Duration;

fn spec() -> Vec<PortSpec> {
    vec![PortSpec {
        host: Some("127.0.0.1".into()),
        port: 0,
    }]
}

fn net(users: u32) -> Net {
    // Port 0 is not a legal config value, but bind() takes it here so the
    // tests get free ports.
    Net::bind(&spec(), &spec(), users).unwrap()
}

fn pump(n: &mut Net, rounds: usize) {
    for _ in 0..rounds {
        n.poll(Some(20));
    }
}

fn read_avail(s: &mut TcpStream) -> Vec<u8> {
    s.set_read_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    let mut out = Vec::new();
    let mut b = [0u8; 4096];
    while let Ok(k) = s.read(&mut b) {
        if k == 0 {
            break;
        }
        out.extend_from_slice(&b[..k]);
        if out.len() > 1 << 20 {
            break;
        }
    }
    out
}

#[test]
fn telnet_accept_greeting_lines_and_echo() {
    let mut n = net(4);
    let port = n.telnet_ports[0];
    let mut cl = TcpStream::connect(("127.0.0.1", port)).unwrap();
    pump(&mut n, 3);
    let id = n.accepted.pop_front().unwrap();
    assert_eq!(n.get(id).unwrap().kind, PortKind::Telnet);
    n.flush_all();
    assert_eq!(read_avail(&mut cl), telnet::GREETING);
    cl.write_all(b"hello\r\nworld\r\n").unwrap();
    pump(&mut n, 3);
    let c = n.get_mut(id).unwrap();
    assert_eq!(c.next_input().unwrap(), b"hello");
    assert_eq!(c.next_input().unwrap(), b"world");
    assert!(c.set_echo(false));
    assert_eq!(c.send(b"Password: "), 10);
    n.flush_all();
    assert_eq!(
        read_avail(&mut cl),
        [
            &b"Password: "[..],
            &[telnet::IAC, telnet::WILL, telnet::TELOPT_ECHO]
        ]
        .concat()
    );
    assert!(n.get(id).unwrap().done_pending);
}

#[test]
fn binary_port_is_raw_and_users_limit_holds() {
    let mut n = net(1);
    let port = n.binary_ports[0];
    let mut a = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let _b = TcpStream::connect(("127.0.0.1", port)).unwrap();
    pump(&mut n, 4);
    assert_eq!(
        n.accepted.len(),
        1,
        "second connection waits in the backlog"
    );
    let id = n.accepted.pop_front().unwrap();
    a.write_all(&[0, 255, 13, 10]).unwrap();
    pump(&mut n, 3);
    let c = n.get_mut(id).unwrap();
    assert_eq!(c.next_input().unwrap(), vec![0, 255, 13, 10]);
    c.send(b"a\nb");
    n.flush_all();
    assert_eq!(read_avail(&mut a), b"a\nb");
}

#[test]
fn output_is_bounded_for_a_client_that_never_reads() {
    let mut n = net(2);
    let port = n.telnet_ports[0];
    let _sleepy = TcpStream::connect(("127.0.0.1", port)).unwrap();
    pump(&mut n, 3);
    let id = n.accepted.pop_front().unwrap();
    let chunk = vec![b'x'; 4096];
    let mut total = 0usize;
    for _ in 0..2000 {
        let c = n.get_mut(id).unwrap();
        total += c.send(&chunk);
        n.flush_all();
        assert!(n.get(id).unwrap().pending_out() <= OUT_LIMIT);
    }
    // The kernel buffers hold some; the rest was refused, not queued.
    assert!(total < 2000 * 4096);
}

#[test]
fn eof_delivers_the_partial_line_then_finishes() {
    let mut n = net(2);
    let port = n.telnet_ports[0];
    let mut cl = TcpStream::connect(("127.0.0.1", port)).unwrap();
    pump(&mut n, 3);
    let id = n.accepted.pop_front().unwrap();
    cl.write_all(b"quit").unwrap();
    drop(cl);
    pump(&mut n, 5);
    let c = n.get_mut(id).unwrap();
    assert!(c.eof);
    assert_eq!(c.next_input().unwrap(), b"quit");
    n.flush_all();
    assert!(n.get(id).unwrap().is_finished());
    assert!(n.remove(id).is_some());
    assert!(n.get(id).is_none());
    assert_eq!(n.count(), 0);
}

#[test]
fn object_binding_and_stale_ids() {
    let mut n = net(4);
    let port = n.telnet_ports[0];
    let _c1 = TcpStream::connect(("127.0.0.1", port)).unwrap();
    pump(&mut n, 3);
    let id = n.accepted.pop_front().unwrap();
    n.bind_obj(id, ObjKey(42));
    assert_eq!(n.of_obj(ObjKey(42)), Some(id));
    assert_eq!(n.users(), vec![ObjKey(42)]);
    n.remove(id);
    assert_eq!(n.of_obj(ObjKey(42)), None);
    let _c2 = TcpStream::connect(("127.0.0.1", port)).unwrap();
    pump(&mut n, 3);
    let id2 = n.accepted.pop_front().unwrap();
    assert_eq!(id2.slot, id.slot);
    assert_ne!(id2, id);
    assert!(n.get(id).is_none());
}

#[test]
fn telnet_send_encodes_and_reports_bytes_taken() {
    let mut n = net(2);
    let port = n.telnet_ports[0];
    let mut cl = TcpStream::connect(("127.0.0.1", port)).unwrap();
    pump(&mut n, 3);
    let id = n.accepted.pop_front().unwrap();
    n.flush_all();
    let _ = read_avail(&mut cl);
    let c = n.get_mut(id).unwrap();
    assert_eq!(c.send(b"a\n\xff"), 3);
    n.flush_all();
    assert_eq!(read_avail(&mut cl), b"a\r\n\xff\xff");
}

#[test]
fn the_greeting_and_an_empty_send_are_followed_by_message_done() {
    // DGD 1.7.9: the telnet greeting is output like any other, and
    // send_message("") makes output pending too; each gets message_done()
    let mut n = net(2);
    let port = n.telnet_ports[0];
    let mut cl = TcpStream::connect(("127.0.0.1", port)).unwrap();
    pump(&mut n, 3);
    let id = n.accepted.pop_front().unwrap();
    n.flush_all();
    assert_eq!(read_avail(&mut cl), telnet::GREETING);
    let c = n.get_mut(id).unwrap();
    assert!(c.done_pending, "message_done after the greeting");
    c.done_pending = false;
    assert_eq!(c.send(b""), 0);
    n.flush_all();
    assert!(
        n.get(id).unwrap().done_pending,
        "message_done after send_message(\"\")"
    );
}

#[test]
fn a_full_telnet_buffer_cuts_between_cr_and_lf_as_dgd() {
    // DGD 1.7.9, 65535 bytes of output buffer: 30000 newlines twice from a
    // client that does not read. The second send ends on a CR whose LF did
    // not fit, and returns the newlines DGD counts as taken.
    let mut n = net(2);
    let port = n.telnet_ports[0];
    let _sleepy = TcpStream::connect(("127.0.0.1", port)).unwrap();
    pump(&mut n, 3);
    let id = n.accepted.pop_front().unwrap();
    let c = n.get_mut(id).unwrap();
    c.discard_output();
    let nl = vec![b'\n'; 30000];
    assert_eq!(c.send(b"[bignl 30000] 11\n"), 17);
    assert_eq!(c.send(&nl), 30000);
    assert_eq!(c.pending_out(), 18 + 60000);
    // 5517 bytes of room: 2758 CR LF pairs and one CR
    assert_eq!(c.send(&nl), 2758);
    assert_eq!(c.pending_out(), OUT_LIMIT);
    assert_eq!(c.out.last(), Some(&b'\r'));
    assert_eq!(c.send(b"more\n"), 0);
    // a chunk that starts with IAC goes whole or not at all
    let mut b = net(2);
    let port = b.telnet_ports[0];
    let _sleepy = TcpStream::connect(("127.0.0.1", port)).unwrap();
    pump(&mut b, 3);
    let id = b.accepted.pop_front().unwrap();
    let c = b.get_mut(id).unwrap();
    c.discard_output();
    assert_eq!(c.send(&vec![b'a'; OUT_LIMIT - 5]), OUT_LIMIT - 5);
    assert_eq!(c.send(b"\xffabcdef"), 0);
    assert_eq!(c.pending_out(), OUT_LIMIT - 5);
}
