//! End to end: the real `driver` binary runs the sample mudlib; telnet
//! clients log in and play.

use mud_tests::{Mud, Telnet};

#[test]
fn cold_boot_login_and_play() {
    let mud = Mud::sample(None);
    let srv = mud.start(&[]);
    let mut a = Telnet::login(mud.telnet, "admin", "secret", true);
    // generated headers in the first include dir (the boot is over once a
    // login is served)
    for h in [
        "status.h",
        "type.h",
        "trace.h",
        "limits.h",
        "float.h",
        "kfun.h",
        "connect.h",
    ] {
        assert!(mud.dir.path().join("lib/include").join(h).is_file(), "{h}");
    }
    assert!(a.text().contains("Hello, Admin (wizard)."));
    // the greeting and the echo negotiation around the password
    assert_eq!(&a.got[..6], &[255, 252, 1, 255, 253, 34]);
    assert!(a.got.windows(3).any(|w| w == [255, 251, 1]), "echo off");
    assert!(a.got.windows(3).any(|w| w == [255, 252, 1]), "echo back on");

    let mut b = Telnet::login(mud.telnet, "bob", "hunter2", true);
    assert!(a.expect("Bob arrives.").contains("Bob arrives."));
    let out = b.cmd("say hi there");
    assert!(out.contains("You say: hi there"), "{out}");
    a.expect("Bob says: hi there");
    let who = a.cmd("who");
    assert!(who.contains("Admin") && who.contains("Bob"), "{who}");
    let out = b.cmd("north");
    assert!(out.contains("The Persistent Pint"), "{out}");
    let out = b.cmd("write ale is good");
    assert!(out.contains("You write on the board."), "{out}");
    let out = b.cmd("read");
    assert!(out.contains("1. Bob: ale is good"), "{out}");
    let out = b.cmd("fly");
    assert!(out.contains("What?"), "{out}");
    // a non-wizard cannot dump
    assert!(b.cmd("dump").contains("What?"));
    b.line("quit");
    b.expect("Goodbye.");
    assert!(b.closed(10), "quit closes the connection");

    // saved, crypted password: a wrong one is refused, the right one works
    let mut c = Telnet::connect(mud.telnet);
    c.expect("What is your name? ");
    c.line("bob");
    c.expect("Password: ");
    c.line("wrong");
    c.expect("Wrong password.");
    assert!(c.closed(10));
    let save = std::fs::read_to_string(mud.dir.path().join("lib/data/users/bob.o")).unwrap();
    assert!(!save.contains("hunter2"), "password is stored crypted");
    let b = Telnet::login(mud.telnet, "bob", "hunter2", false);
    assert!(b.text().contains("Hello, Bob."), "{}", b.text());
    drop(srv);
}

#[test]
fn quit_saves_where_the_player_was() {
    let mud = Mud::sample(None);
    let _srv = mud.start(&[]);
    let mut b = Telnet::login(mud.telnet, "bob", "hunter2", true);
    b.cmd("north");
    b.line("quit");
    b.expect("Goodbye.");
    assert!(b.closed(10));
    let b = Telnet::login(mud.telnet, "bob", "hunter2", false);
    assert!(b.text().contains("The Persistent Pint"), "{}", b.text());
}

#[test]
fn call_out_runs_while_the_server_is_up() {
    let mud = Mud::sample(None);
    let _srv = mud.start(&[]);
    let mut a = Telnet::login(mud.telnet, "admin", "secret", true);
    a.cmd("east");
    let out = a.cmd("plant 1 tulips");
    assert!(out.contains("In 1 seconds it will bloom."), "{out}");
    a.expect("A flower blooms here.");
    let out = a.cmd("read");
    assert!(out.contains("(a flower planted by Admin) tulips"), "{out}");
}

#[test]
fn shutdown_command_stops_the_driver() {
    let mud = Mud::sample(None);
    let mut srv = mud.start(&[]);
    let mut a = Telnet::login(mud.telnet, "admin", "secret", true);
    a.line("shutdown");
    a.expect("Shutting down.");
    assert_eq!(srv.wait_exit(30), Some(0), "log:\n{}", srv.log_text());
    assert!(
        srv.log_text().contains("Initialization complete."),
        "{}",
        srv.log_text()
    );
}

#[test]
fn bad_config_is_refused_naming_file_and_line() {
    let mud = Mud::sample(None);
    let cfg = mud.config();
    let text = std::fs::read_to_string(&cfg).unwrap();
    std::fs::write(
        &cfg,
        text.replace("users\t\t= 50;", "users\t\t= 50;\nusrs = 3;"),
    )
    .unwrap();
    let out = std::process::Command::new(mud_tests::driver_bin())
        .arg(&cfg)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("mud.dgd:"), "{err}");
    assert!(err.contains("unknown option usrs"), "{err}");
}

#[test]
fn every_object_swapped_out_after_every_task_still_plays() {
    let mud = Mud::sample(None);
    let cfg = mud.config();
    let text = std::fs::read_to_string(&cfg).unwrap();
    std::fs::write(
        &cfg,
        text.replace("swap_fragment\t= 32;", "swap_fragment\t= 1;"),
    )
    .unwrap();
    let _srv = mud.start(&[]);
    let mut a = Telnet::login(mud.telnet, "admin", "secret", true);
    let mut b = Telnet::login(mud.telnet, "bob", "hunter2", true);
    b.cmd("say swapped");
    a.expect("Bob says: swapped");
    a.cmd("east");
    a.cmd("plant 1 lilies");
    a.expect("A flower blooms here.");
    let out = a.cmd("read");
    assert!(out.contains("lilies"), "{out}");
    assert!(mud.state("swap").is_file());
}

#[test]
fn binary_port_plays_without_telnet() {
    let mud = Mud::sample(None);
    let _srv = mud.start(&[]);
    let mut a = Telnet::login(mud.telnet, "admin", "secret", true);
    // a binary client: raw bytes both ways, lines assembled by the mudlib
    let mut b = Telnet::connect(mud.binary);
    b.expect("What is your name? ");
    b.send_raw(b"carol\nsecret\nsecret\n");
    b.expect("Hello, Carol.");
    b.expect("> ");
    assert!(!b.got.contains(&255), "no telnet commands on a binary port");
    b.send_raw(b"say over binary\n");
    a.expect("Carol says: over binary");
    assert!(
        !b.got.windows(2).any(|w| w == b"\r\n"),
        "binary output is not CRLF-translated"
    );
}
