//! End to end: the crash supervisor keeps clients connected across a
//! `kill -9` of the driver, stops with it on a clean shutdown, and gives up
//! on a crash loop.

use mud_tests::{Mud, Telnet};
use std::ffi::OsString;
use std::process::Command;

fn kill9(pid: u32) {
    let _ = Command::new("kill")
        .args(["-KILL", &pid.to_string()])
        .status();
}

#[test]
fn kill_9_of_the_driver_keeps_clients_connected() {
    let mud = Mud::sample(None);
    let srv = mud.start_args(&[OsString::from("--supervise")]);
    let mut a = Telnet::login(mud.telnet, "admin", "secret", true);
    a.cmd("say before");
    let pids = srv.wait_children(1);
    kill9(pids[0]);
    // same TCP connection: the new driver greets it
    a.expect("The driver was restarted");
    a.expect("What is your name? ");
    a.line("admin");
    a.expect("Password: ");
    a.line("secret");
    a.expect("> ");
    let out = a.cmd("say after");
    assert!(out.contains("You say: after"), "{out}");
    let pids = srv.wait_children(2);
    assert_ne!(pids[0], pids[1]);
    // new connections are served by the new driver too
    let b = Telnet::login(mud.telnet, "bob", "hunter2", true);
    assert!(b.text().contains("Hello, Bob."));
}

#[test]
fn clean_shutdown_ends_the_supervisor() {
    let mud = Mud::sample(None);
    let mut srv = mud.start_args(&[OsString::from("--supervise")]);
    let mut a = Telnet::login(mud.telnet, "admin", "secret", true);
    a.line("shutdown");
    a.expect("Shutting down.");
    assert_eq!(srv.wait_exit(30), Some(0), "{}", srv.log_text());
    assert!(srv.log_text().contains("the driver shut down"));
}

#[test]
fn crash_loop_without_dumps_gives_up() {
    let mud = Mud::sample(None);
    let mut srv = mud.start_args(&[OsString::from("--supervise")]);
    for n in 1..=3 {
        let pids = srv.wait_children(n);
        // wait for the child to serve, then kill it at once
        let _t = Telnet::connect(mud.telnet);
        kill9(pids[n - 1]);
    }
    assert_eq!(srv.wait_exit(60), Some(1), "{}", srv.log_text());
    assert!(srv.log_text().contains("crash loop"), "{}", srv.log_text());
}

#[test]
fn kill_9_restarts_from_the_last_dump() {
    let mud = Mud::sample(None);
    let srv = mud.start_args(&[OsString::from("--supervise")]);
    let mut a = Telnet::login(mud.telnet, "admin", "secret", true);
    a.cmd("east");
    a.cmd("write saved by the dump");
    a.line("dump");
    a.expect("Full statedump");
    a.expect("> ");
    a.cmd("write lost with the crash");
    let pids = srv.wait_children(1);
    kill9(pids[0]);
    a.expect("The driver was restarted");
    a.expect("What is your name? ");
    a.line("admin");
    a.expect("Password: ");
    a.line("secret");
    a.expect("> ");
    a.cmd("go east");
    let out = a.cmd("read");
    assert!(out.contains("saved by the dump"), "{out}");
    assert!(!out.contains("lost with the crash"), "{out}");
    assert!(srv.log_text().contains("restoring"), "{}", srv.log_text());
}
