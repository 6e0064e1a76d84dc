//! The main loop with a Rust test world: tasks from connections and
//! call_outs, requests at the end of the task, telnet details, robustness.

mod common;
use common::*;
use driver::server::{Exit, Server, Start};

fn boot(dir: &std::path::Path, users: u32) -> (Server<TestWorld>, u16, u16) {
    let (t, b) = (free_port(), free_port());
    let cfg = config(dir, t, b, users);
    let mut s = Server::boot_with(cfg, &Start::default(), |_, _, sw| TestWorld::new(sw)).unwrap();
    s.max_wait_ms = Some(20);
    (s, t, b)
}

#[test]
fn login_say_and_headers() {
    let dir = tempfile::tempdir().unwrap();
    let (mut srv, t, _) = boot(dir.path(), 10);
    assert!(dir.path().join("lib/include/status.h").is_file());
    assert!(dir.path().join("lib/include/kfun.h").is_file());
    let mut a = Client::connect(t);
    let mut b = Client::connect(t);
    turns_until(&mut srv, &mut [&mut a, &mut b], 200, |_, c| {
        c.iter().all(|c| c.text().contains("Welcome\r\n> "))
    });
    // greeting: IAC WONT ECHO, IAC DO LINEMODE before the text
    assert_eq!(&a.got[..6], &[255, 252, 1, 255, 253, 34]);
    a.send(b"say hello there\r\n");
    turns_until(&mut srv, &mut [&mut a, &mut b], 200, |_, c| {
        c[1].text().contains(": hello there\r\n")
    });
    assert!(srv.world.log.iter().any(|l| l == "initialize"));
    assert_eq!(srv.host.borrow().users().len(), 2);
}

#[test]
fn echo_off_for_passwords() {
    let dir = tempfile::tempdir().unwrap();
    let (mut srv, t, _) = boot(dir.path(), 10);
    let mut a = Client::connect(t);
    turns_until(&mut srv, &mut [&mut a], 200, |_, c| {
        c[0].text().contains("> ")
    });
    a.got.clear();
    a.send(b"noecho\n");
    turns_until(&mut srv, &mut [&mut a], 200, |_, c| c[0].got.len() >= 3);
    assert_eq!(a.got, vec![255, 251, 1]);
    a.got.clear();
    a.send(b"echo\n");
    turns_until(&mut srv, &mut [&mut a], 200, |_, c| c[0].got.len() >= 3);
    assert_eq!(a.got, vec![255, 252, 1]);
}

#[test]
fn binary_port_gets_raw_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut srv, _, b) = boot(dir.path(), 10);
    let mut c = Client::connect(b);
    turns_until(&mut srv, &mut [&mut c], 200, |_, c| {
        c[0].text().contains("> ")
    });
    assert_eq!(c.text(), "Welcome\n> ");
    assert!(srv.world.log.iter().any(|l| l == "connect Binary 0"));
}

#[test]
fn call_outs_int_and_float_run_as_tasks() {
    let dir = tempfile::tempdir().unwrap();
    let (mut srv, t, _) = boot(dir.path(), 10);
    let mut a = Client::connect(t);
    a.send(b"later 0.05 soon\nlater 0 now\n");
    turns_until(&mut srv, &mut [&mut a], 500, |_, c| {
        c[0].text().contains("callout soon")
    });
    let text = a.text();
    let now = text.find("callout now").unwrap();
    let soon = text.find("callout soon").unwrap();
    assert!(now < soon, "{text}");
}

#[test]
fn dump_restore_keeps_call_outs_and_state() {
    let dir = tempfile::tempdir().unwrap();
    let (mut srv, t, _) = boot(dir.path(), 10);
    let mut a = Client::connect(t);
    a.send(b"inc\ninc\nlater 1 after-restore\ndump\n");
    turns_until(&mut srv, &mut [&mut a], 500, |s, _| {
        s.world.log.iter().any(|l| l == "dump")
    });
    a.send(b"shutdown\n");
    let e = turns_until(&mut srv, &mut [&mut a], 500, |_, _| false);
    assert_eq!(e, Some(Exit::Shutdown));
    let cfg = srv.config.clone();
    drop(srv);

    let mut srv = Server::boot_with(
        cfg,
        &Start {
            restore: Some(dir.path().join("lib/dump")),
            secondary: None,
        },
        |_, _, sw| TestWorld::new(sw),
    )
    .unwrap();
    srv.max_wait_ms = Some(20);
    assert!(srv.world.log.iter().any(|l| l == "restored false"));
    assert_eq!(srv.world.counter, 2);
    assert_eq!(srv.host.borrow().callouts.len(), 1);
    let mut b = Client::connect(t);
    turns_until(&mut srv, &mut [&mut b], 2000, |_, c| {
        c[0].text().contains("callout after-restore")
    });
}

#[test]
fn robustness_garbage_long_lines_and_others_still_served() {
    let dir = tempfile::tempdir().unwrap();
    let (mut srv, t, b) = boot(dir.path(), 10);
    let mut good = Client::connect(t);
    let mut evil = Client::connect(t);
    let mut bin = Client::connect(b);
    turns_until(
        &mut srv,
        &mut [&mut good, &mut evil, &mut bin],
        300,
        |s, _| s.host.borrow().users().len() == 3,
    );
    // malformed telnet: truncated IAC, endless subnegotiation, bogus options
    evil.send(&[255, 250, 1, 2, 3, 255, 1, 255, 255, 255, 251]);
    evil.send(&[255, 253, 200, 255, 254, 255, 240, 0, 0, 0]);
    // a 1 MB line, written while the server runs
    let big = vec![b'A'; 1 << 20];
    let mut sent = 0;
    evil.s.set_nonblocking(true).unwrap();
    for _ in 0..5000 {
        if sent < big.len() {
            if let Ok(n) = std::io::Write::write(&mut evil.s, &big[sent..]) {
                sent += n;
            }
        }
        srv.turn();
        evil.got.clear();
        let _ = std::io::Read::read(&mut evil.s, &mut [0u8; 65536]);
        if sent == big.len() {
            break;
        }
    }
    assert_eq!(sent, big.len());
    evil.s.set_nonblocking(false).unwrap();
    // binary garbage on the binary port
    bin.send(&(0..=255u8).cycle().take(100_000).collect::<Vec<u8>>());
    // the good client is still served promptly
    good.got.clear();
    good.send(b"say still here\r\n");
    turns_until(&mut srv, &mut [&mut good], 3000, |_, c| {
        c[0].text().contains(": still here")
    });
    // the long line came in DGD-sized pieces, never as one huge string
    assert!(srv.host.borrow().users().len() == 3);
}

#[test]
fn users_limit_and_quit_frees_a_slot() {
    let dir = tempfile::tempdir().unwrap();
    let (mut srv, t, _) = boot(dir.path(), 1);
    let mut a = Client::connect(t);
    turns_until(&mut srv, &mut [&mut a], 200, |_, c| {
        c[0].text().contains("> ")
    });
    let mut b = Client::connect(t);
    for _ in 0..20 {
        srv.turn();
    }
    b.read_now();
    assert!(b.got.is_empty(), "second user must wait");
    a.send(b"quit\n");
    turns_until(&mut srv, &mut [&mut a, &mut b], 500, |_, c| {
        c[1].text().contains("Welcome")
    });
    assert!(a.text().contains("Bye"));
    assert!(srv.world.log.iter().any(|l| l.ends_with(" true")));
}

#[test]
fn hangup_calls_close_zero() {
    let dir = tempfile::tempdir().unwrap();
    let (mut srv, t, _) = boot(dir.path(), 4);
    let mut a = Client::connect(t);
    turns_until(&mut srv, &mut [&mut a], 200, |_, c| {
        c[0].text().contains("> ")
    });
    a.send(b"half a line");
    drop(a);
    turns_until(&mut srv, &mut [], 500, |s, _| {
        s.world
            .log
            .iter()
            .any(|l| l.starts_with("close") && l.ends_with("false"))
    });
    assert!(srv.host.borrow().users().is_empty());
}

#[test]
fn send_close_shuts_output_then_waits_for_the_client() {
    let dir = tempfile::tempdir().unwrap();
    let (mut srv, t, _) = boot(dir.path(), 4);
    let mut a = Client::connect(t);
    turns_until(&mut srv, &mut [&mut a], 200, |_, c| {
        c[0].text().contains("> ")
    });
    a.send(b"say bye\nclose\n");
    // the output side is shut once drained: the client reads EOF
    let mut eof = false;
    for _ in 0..200 {
        srv.turn();
        let mut b = [0u8; 1024];
        match std::io::Read::read(&mut a.s, &mut b) {
            Ok(0) => {
                eof = true;
                break;
            }
            Ok(n) => a.got.extend_from_slice(&b[..n]),
            Err(_) => {}
        }
    }
    assert!(eof);
    assert!(a.text().contains(": bye"));
    // the connection is still there until the client closes its side
    assert_eq!(srv.host.borrow().users().len(), 1);
    drop(a);
    turns_until(&mut srv, &mut [], 500, |s, _| {
        s.host.borrow().users().is_empty()
    });
}

fn restore(
    dir: &std::path::Path,
    cfg: driver::config::Config,
    secondary: bool,
) -> anyhow::Result<Server<TestWorld>> {
    let start = Start {
        restore: Some(dir.join("lib/dump")),
        secondary: secondary.then(|| dir.join("lib/dump.old")),
    };
    let mut s = Server::boot_with(cfg, &start, |_, _, sw| TestWorld::new(sw))?;
    s.max_wait_ms = Some(20);
    Ok(s)
}

fn said(srv: &mut Server<TestWorld>, c: &mut Client, line: &str, want: &str) {
    c.send(format!("{line}\n").as_bytes());
    turns_until(srv, &mut [c], 500, |_, cl| cl[0].text().contains(want));
}

#[test]
fn full_dump_then_increments_restore_to_the_newest() {
    let dir = tempfile::tempdir().unwrap();
    let (mut srv, t, _) = boot(dir.path(), 10);
    let mut a = Client::connect(t);
    said(&mut srv, &mut a, "note first", "noted");
    said(&mut srv, &mut a, "inc", "counter 1");
    a.send(b"dump\n");
    turns_until(&mut srv, &mut [&mut a], 500, |s, _| {
        s.world.log.iter().filter(|l| *l == "dump").count() == 1
    });
    for i in 2..=4 {
        said(&mut srv, &mut a, &format!("note n{i}"), "noted");
        said(&mut srv, &mut a, "inc", &format!("counter {i}"));
        a.send(b"dump 1\n");
        turns_until(&mut srv, &mut [&mut a], 500, |s, _| {
            s.world.log.iter().filter(|l| *l == "dump").count() == i
        });
    }
    said(&mut srv, &mut a, "later 1 bloom", "scheduled");
    a.send(b"dump 1\n");
    turns_until(&mut srv, &mut [&mut a], 500, |s, _| {
        s.world.log.iter().filter(|l| *l == "dump").count() == 5
    });
    // changes after the last dump are lost, as they should be
    said(&mut srv, &mut a, "note lost", "noted");
    let cfg = srv.config.clone();
    drop(a);
    drop(srv);

    let mut srv = restore(dir.path(), cfg, false).unwrap();
    assert_eq!(srv.world.counter, 4);
    let mut b = Client::connect(t);
    said(&mut srv, &mut b, "notes", "notes: first|n2|n3|n4\r\n");
    turns_until(&mut srv, &mut [&mut b], 3000, |_, c| {
        c[0].text().contains("callout bloom")
    });
}

#[test]
fn partial_dump_restores_with_its_secondary_only() {
    let dir = tempfile::tempdir().unwrap();
    let (mut srv, t, _) = boot(dir.path(), 10);
    let mut a = Client::connect(t);
    for i in 0..20 {
        said(&mut srv, &mut a, &format!("note base{i}"), "noted");
    }
    a.send(b"dump\n");
    turns_until(&mut srv, &mut [&mut a], 500, |s, _| {
        s.world.log.iter().any(|l| l == "dump")
    });
    let cfg = srv.config.clone();
    drop(a);
    drop(srv);

    // restart from the full dump: its blobs migrate over dump_interval
    // (60 s here), so an increment taken now is partial
    let mut srv = restore(dir.path(), cfg.clone(), false).unwrap();
    let mut b = Client::connect(t);
    said(&mut srv, &mut b, "note mid-migration", "noted");
    b.send(b"dump 1\n");
    turns_until(&mut srv, &mut [&mut b], 500, |s, _| {
        s.world.log.iter().any(|l| l == "dump")
    });
    drop(b);
    drop(srv);
    assert!(dir.path().join("lib/dump.old").is_file());

    // without the secondary the partial dump is refused
    let e = restore(dir.path(), cfg.clone(), false)
        .err()
        .expect("needs its secondary");
    assert!(
        format!("{e:#}").to_lowercase().contains("secondary"),
        "{e:#}"
    );
    // with it, everything is there
    let mut srv = restore(dir.path(), cfg, true).unwrap();
    let mut c = Client::connect(t);
    c.send(b"notes\n");
    turns_until(&mut srv, &mut [&mut c], 500, |_, c| {
        c[0].text().contains("mid-migration")
    });
    assert!(c.text().contains("base0|base1|"), "{}", c.text());
}
