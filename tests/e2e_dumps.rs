//! End to end: the world survives dumps and restarts. Full dumps, a full
//! dump plus increments, a partial dump with its secondary, the panic dump
//! on SIGTERM; call_outs and the board included.
//!
//! The driver writes dumps through statedump (tested with a Rust world in
//! crates/driver/tests/main_loop.rs); the VM's object table and programs go
//! into them through `World::prepare_dump` in vmworld.rs.

use mud_tests::{Mud, Telnet};

/// Logs in, writes on the board in the garden and plants a seed that
/// blooms `bloom` seconds later.
fn change_world(mud: &Mud, bloom: u32) -> Telnet {
    let mut a = Telnet::login(mud.telnet, "admin", "secret", true);
    a.cmd("east");
    a.cmd("write the world was like this");
    a.cmd(&format!("plant {bloom} roses"));
    a
}

fn check_world(mud: &Mud, bloom_seen: bool) {
    let mut a = Telnet::login(mud.telnet, "admin", "secret", false);
    let out = a.cmd("go east");
    let _ = out;
    let out = a.cmd("read");
    assert!(out.contains("Admin: the world was like this"), "{out}");
    if bloom_seen {
        a.expect("A flower blooms here.");
        let out = a.cmd("read");
        assert!(out.contains("(a flower planted by Admin) roses"), "{out}");
    }
}

#[test]
fn full_dump_restore_keeps_world_and_call_outs() {
    let mud = Mud::sample(None);
    let mut srv = mud.start(&[]);
    let mut a = change_world(&mud, 2);
    a.line("dump");
    a.expect("Full statedump");
    a.line("shutdown");
    assert_eq!(srv.wait_exit(30), Some(0));
    drop(srv);
    let snap = mud.state("snapshot");
    assert!(snap.is_file());
    // the clock is frozen while down: wait longer than the bloom delay
    std::thread::sleep(std::time::Duration::from_secs(3));
    let srv = mud.start(&[&snap]);
    check_world(&mud, true);
    // (the port listens from the start; the log is complete once a login
    // has been served)
    assert!(
        srv.log_text().contains("State restored."),
        "{}",
        srv.log_text()
    );
}

/// Statedump lines of one kind in the driver's log.
fn dumps_logged(srv: &mud_tests::Server, kind: &str) -> usize {
    srv.log_text()
        .lines()
        .filter(|l| l.contains(&format!("statedump: {kind}")))
        .count()
}

fn wait_dumps(srv: &mud_tests::Server, kind: &str, n: usize) {
    let end = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while dumps_logged(srv, kind) < n {
        assert!(std::time::Instant::now() < end, "{}", srv.log_text());
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

#[test]
fn scheduled_increments_restore_to_the_newest() {
    // the dump daemon: increments every second, a full dump hourly
    let mud = Mud::sample(Some((1, 3600)));
    let mut srv = mud.start(&[]);
    let mut a = change_world(&mud, 3600);
    // the first scheduled dump is full (nothing to extend), then increments
    wait_dumps(&srv, "incremental", 3);
    a.cmd("write after increments");
    // an increment that started after the write finished has it
    let n = dumps_logged(&srv, "incremental");
    wait_dumps(&srv, "incremental", n + 2);
    srv.signal("KILL");
    let _ = srv.wait_exit(10);
    drop(srv);
    // increments taken while the swapfile is still rebuilt from the full
    // dump are partial: the previous dump completes them
    let snap = mud.state("snapshot");
    let old = mud.state("snapshot.old");
    let srv = if old.is_file() {
        mud.start(&[&snap, &old])
    } else {
        mud.start(&[&snap])
    };
    let mut b = Telnet::login(mud.telnet, "admin", "secret", false);
    b.cmd("go east");
    let out = b.cmd("read");
    assert!(out.contains("after increments"), "{out}");
    let out = b.cmd("status");
    assert!(out.contains(" taken)"), "{out}");
    assert!(
        srv.log_text().contains("State restored."),
        "{}",
        srv.log_text()
    );
}

#[test]
fn partial_dump_restores_with_its_secondary() {
    let mud = Mud::sample(None);
    let mut srv = mud.start(&[]);
    let mut a = change_world(&mud, 3600);
    a.line("dump");
    a.expect("Full statedump");
    a.cmd("write taken mid-migration");
    a.line("dump incremental");
    a.expect("Incremental statedump");
    a.line("shutdown");
    assert_eq!(srv.wait_exit(30), Some(0));
    drop(srv);
    let srv = mud.start(&[&mud.state("snapshot"), &mud.state("snapshot.old")]);
    let _ = srv;
    let mut b = Telnet::login(mud.telnet, "admin", "secret", false);
    b.cmd("go east");
    let out = b.cmd("read");
    assert!(out.contains("taken mid-migration"), "{out}");
}

#[test]
fn sigterm_panic_dump_loses_nothing() {
    let mud = Mud::sample(None);
    let mut srv = mud.start(&[]);
    let mut a = change_world(&mud, 3600);
    a.cmd("write just before the signal");
    srv.signal("TERM");
    assert_eq!(srv.wait_exit(30), Some(0), "{}", srv.log_text());
    drop(srv);
    let _srv = mud.start(&[&mud.state("snapshot")]);
    let mut b = Telnet::login(mud.telnet, "admin", "secret", false);
    b.cmd("go east");
    let out = b.cmd("read");
    assert!(out.contains("just before the signal"), "{out}");
}

#[test]
fn hotboot_keeps_players_connected() {
    let mud = Mud::sample(None);
    let srv = mud.start(&[]);
    // on failure, show the server's log too (the hot-boot happens in there)
    let session = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut a = change_world(&mud, 3600);
        let mut b = Telnet::login(mud.telnet, "bob", "hunter2", true);
        a.line("hotboot");
        a.expect("Hotbooting.");
        a.expect("> ");
        // same connections, new program image, the world restored from the dump
        let out = a.cmd("read");
        assert!(out.contains("Admin: the world was like this"), "{out}");
        let out = b.cmd("who");
        assert!(out.contains("Admin") && out.contains("Bob"), "{out}");
    }));
    if let Err(e) = session {
        eprintln!("server log:\n{}", srv.log_text());
        std::panic::resume_unwind(e);
    }
    let log = srv.log_text();
    assert!(log.contains("hotbooting"), "{log}");
    assert!(log.contains("State restored after a hotboot."), "{log}");
}
