//! SIGTERM: interrupt() in the driver object, then a panic dump and a
//! shutdown. (Own test binary: signal state is per process.)

mod common;
use common::*;
use driver::server::{Exit, Server, Start};

#[test]
fn sigterm_runs_interrupt_then_dumps_and_stops() {
    let dir = tempfile::tempdir().unwrap();
    let (t, b) = (free_port(), free_port());
    let cfg = config(dir.path(), t, b, 4);
    let mut srv = Server::boot_with(cfg, &Start::default(), |_, _, sw| TestWorld::new(sw)).unwrap();
    srv.max_wait_ms = Some(20);
    let mut a = Client::connect(t);
    a.send(b"inc\nlater 30 pending\n");
    turns_until(&mut srv, &mut [&mut a], 300, |_, c| {
        c[0].text().contains("scheduled")
    });
    // SAFETY: the driver installed its handler for SIGTERM in boot().
    unsafe { libc::kill(libc::getpid(), libc::SIGTERM) };
    let e = turns_until(&mut srv, &mut [&mut a], 100, |_, _| false);
    assert_eq!(e, Some(Exit::Shutdown));
    let log = &srv.world.log;
    let i = log.iter().position(|l| l == "interrupt").unwrap();
    let d = log.iter().position(|l| l == "dump").unwrap();
    assert!(i < d, "{log:?}");
    assert!(dir.path().join("lib/dump").is_file());
    // the dump carries the call_out schedule
    let cfg = srv.config.clone();
    drop(srv);
    let srv = Server::boot_with(
        cfg,
        &Start {
            restore: Some(dir.path().join("lib/dump")),
            secondary: None,
        },
        |_, _, sw| TestWorld::new(sw),
    )
    .unwrap();
    assert_eq!(srv.world.counter, 1);
    let left = srv.host.borrow().callouts.next_due_in().unwrap();
    assert!(left > 25_000 && left <= 30_000, "{left}");
}
