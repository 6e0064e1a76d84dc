//! The driver as a real process with the Rust test world
//! (`examples/testworld.rs`): hot-boot through exec, the crash supervisor
//! after kill -9, the panic dump on SIGTERM, all with dumps through
//! statedump.

mod common;
use common::{free_port, Client};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn testworld_bin() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().parent().unwrap();
    let bin = dir.join("examples/testworld");
    if !bin.is_file() {
        let st = Command::new(env!("CARGO"))
            .args(["build", "-p", "driver", "--example", "testworld"])
            .status()
            .unwrap();
        assert!(st.success());
    }
    bin
}

struct Proc {
    child: Child,
    log: PathBuf,
}

impl Proc {
    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
    fn wait(&mut self, secs: u64) -> Option<i32> {
        let end = Instant::now() + Duration::from_secs(secs);
        while Instant::now() < end {
            if let Ok(Some(s)) = self.child.try_wait() {
                return s.code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
    fn pids(&self) -> Vec<u32> {
        self.log()
            .lines()
            .filter_map(|l| l.split("driver running as pid ").nth(1))
            .filter_map(|r| r.split_whitespace().next()?.parse().ok())
            .collect()
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A mud directory with a config whose hot-boot runs the test world again.
fn setup(dir: &Path) -> (PathBuf, u16) {
    let t = free_port();
    let b = free_port();
    let lib = dir.join("lib");
    std::fs::create_dir_all(&lib).unwrap();
    let cfg = dir.join("test.dgd");
    let dump = lib.join("dump");
    let text = format!(
        "telnet_port = ([ \"127.0.0.1\" : {t} ]);\n\
         binary_port = ([ \"127.0.0.1\" : {b} ]);\n\
         directory = \"lib\"; users = 10; editors = 0;\n\
         ed_tmpfile = \"ed\"; swap_file = \"swap\"; swap_size = 1024;\n\
         sector_size = 512; swap_fragment = 32; static_chunk = 64512;\n\
         dynamic_chunk = 261120; dump_file = \"dump\"; dump_interval = 60;\n\
         typechecking = 2; include_file = \"/include/std.h\";\n\
         include_dirs = ({{ \"/include\" }}); auto_object = \"/sys/auto\";\n\
         driver_object = \"/sys/driver\"; create = \"create\";\n\
         array_size = 1000; objects = 500; call_outs = 100;\n\
         hotboot = ({{ \"{}\", \"{}\", \"{}\" }});\n",
        testworld_bin().display(),
        cfg.display(),
        dump.display()
    );
    std::fs::write(&cfg, text).unwrap();
    (cfg, t)
}

fn start(dir: &Path, args: &[&std::ffi::OsStr], port: u16) -> Proc {
    let log = dir.join(format!("log-{}", std::process::id()));
    let log = log.with_extension(format!(
        "{}",
        Instant::now().elapsed().as_nanos() + rand_n()
    ));
    let f = std::fs::File::create(&log).unwrap();
    let child = Command::new(testworld_bin())
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::from(f.try_clone().unwrap()))
        .stderr(Stdio::from(f))
        .spawn()
        .unwrap();
    let p = Proc { child, log };
    let end = Instant::now() + Duration::from_secs(30);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < end, "no listener; log:\n{}", p.log());
        std::thread::sleep(Duration::from_millis(20));
    }
    p
}

fn rand_n() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

/// Reads until `pat` shows up (bounded).
fn wait_for(c: &mut Client, pat: &str) {
    let end = Instant::now() + Duration::from_secs(20);
    while !c.text().contains(pat) {
        assert!(
            Instant::now() < end,
            "waiting for {pat:?}, got {:?}",
            c.text()
        );
        c.read_now();
    }
}

#[test]
fn hotboot_keeps_the_connection_and_the_world() {
    let dir = tempfile::tempdir().unwrap();
    let (cfg, port) = setup(dir.path());
    let mut p = start(dir.path(), &[cfg.as_os_str()], port);
    let mut c = Client::connect(port);
    wait_for(&mut c, "Welcome");
    c.send(b"note kept across exec\ninc\n");
    wait_for(&mut c, "counter 1");
    c.send(b"hotboot\n");
    wait_for(&mut c, "restored hotboot=true");
    c.got.clear();
    // the same TCP connection, served by the new program image
    c.send(b"notes\ncount\n");
    wait_for(&mut c, "counter 1");
    assert!(c.text().contains("notes: kept across exec"), "{}", c.text());
    assert!(p.log().contains("hotbooting"), "{}", p.log());
    // still one process (exec, not fork), still serving new clients
    assert_eq!(p.child.try_wait().unwrap(), None);
    let mut d = Client::connect(port);
    wait_for(&mut d, "Welcome");
    d.send(b"shutdown\n");
    assert_eq!(p.wait(20), Some(0), "{}", p.log());
}

#[test]
fn supervisor_restarts_from_the_last_dump_after_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let (cfg, port) = setup(dir.path());
    let sup = std::ffi::OsString::from("--supervise");
    let mut p = start(dir.path(), &[sup.as_os_str(), cfg.as_os_str()], port);
    let mut c = Client::connect(port);
    wait_for(&mut c, "Welcome");
    c.send(b"note in the dump\ninc\ndump\n");
    wait_for(&mut c, "counter 1");
    let end = Instant::now() + Duration::from_secs(20);
    while !p.log().contains("statedump: full") {
        assert!(Instant::now() < end, "{}", p.log());
        std::thread::sleep(Duration::from_millis(20));
    }
    c.send(b"note after the dump\ninc\n");
    wait_for(&mut c, "counter 2");
    let pid = p.pids()[0];
    let _ = Command::new("kill")
        .args(["-KILL", &pid.to_string()])
        .status();
    // same connection; the world is back at the dump
    wait_for(&mut c, "The driver was restarted");
    c.got.clear();
    c.send(b"notes\ncount\n");
    wait_for(&mut c, "counter 1");
    assert!(c.text().contains("notes: in the dump\r\n"), "{}", c.text());
    assert!(p.log().contains("restoring"), "{}", p.log());
    c.send(b"shutdown\n");
    assert_eq!(p.wait(20), Some(0), "{}", p.log());
}

#[test]
fn sigterm_panic_dump_then_restore() {
    let dir = tempfile::tempdir().unwrap();
    let (cfg, port) = setup(dir.path());
    let mut p = start(dir.path(), &[cfg.as_os_str()], port);
    let mut c = Client::connect(port);
    wait_for(&mut c, "Welcome");
    c.send(b"note written just before the signal\nlater 1 ring\n");
    wait_for(&mut c, "scheduled");
    let _ = Command::new("kill")
        .args(["-TERM", &p.child.id().to_string()])
        .status();
    assert_eq!(p.wait(20), Some(0), "{}", p.log());
    assert!(p.log().contains("statedump: full"), "{}", p.log());
    drop(c);
    let dump = dir.path().join("lib/dump");
    let _p2 = start(dir.path(), &[cfg.as_os_str(), dump.as_os_str()], port);
    let mut d = Client::connect(port);
    d.send(b"notes\n");
    wait_for(&mut d, "written just before the signal");
    wait_for(&mut d, "callout ring");
}
