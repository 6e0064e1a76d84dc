//! End to end: hostile clients (malformed telnet, a 1 MB line, binary
//! garbage, a client that never reads) do not stop the others being served.

use mud_tests::{Mud, Telnet};
use std::io::Write;

#[test]
fn hostile_clients_do_not_stop_the_others() {
    let mud = Mud::sample(None);
    let mut srv = mud.start(&[]);
    let mut good = Telnet::login(mud.telnet, "admin", "secret", true);

    // malformed telnet: options without their byte, an endless
    // subnegotiation closed late, IAC at every position
    let mut evil = Telnet::connect(mud.telnet);
    evil.expect("What is your name? ");
    evil.send_raw(&[255, 250, 24, 0, 255, 255, 1, 2, 255, 240]);
    evil.send_raw(&[255, 253, 255, 254, 255, 251, 255, 252, 255]);
    evil.send_raw(&[255, 246, 255, 244, 0, 0, 13, 0, 8, 127]);
    // a 1 MB line, then a real one
    let big = vec![b'x'; 1 << 20];
    evil.s.write_all(&big).unwrap();
    evil.send_raw(b"\r\n");

    // binary garbage on the binary port
    let mut bin = std::net::TcpStream::connect(("127.0.0.1", mud.binary)).unwrap();
    let garbage: Vec<u8> = (0u32..200_000)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    bin.write_all(&garbage).unwrap();

    // a client that never reads, flooded by say
    let _sleepy = Telnet::login(mud.telnet, "sleepy", "zzzzz", true);
    for i in 0..200 {
        good.line(&format!("say flood {i} {}", "y".repeat(400)));
    }
    good.expect("You say: flood 199");
    good.expect("> ");

    // the good client is still served
    let out = good.cmd("who");
    assert!(out.contains("Admin"), "{out}");
    let out = good.cmd("look");
    assert!(out.contains("The village square"), "{out}");
    // the server is alive and still accepts new players
    let late = Telnet::login(mud.telnet, "late", "comer", true);
    assert!(late.text().contains("Hello, Late."));
    assert_eq!(
        srv.child.try_wait().unwrap(),
        None,
        "driver died:\n{}",
        srv.log_text()
    );
}
