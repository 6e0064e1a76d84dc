//! Shared helpers for the end-to-end tests in `tests/`: locating the built
//! `driver` binary, temporary mudlib copies, running the server on free
//! ports, and a small telnet client.
//!
//! Everything is bounded: every wait has a deadline and every loop a count.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Repository root.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `driver` binary of this build (built once if missing).
pub fn driver_bin() -> PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| repo_root().join("target"));
        // The test executable lives in target/<profile>/deps.
        let profile_dir = std::env::current_exe()
            .ok()
            .and_then(|p| p.parent().and_then(Path::parent).map(Path::to_path_buf))
            .unwrap_or_else(|| target.join("debug"));
        let bin = profile_dir.join("driver");
        if !bin.is_file() {
            let release = profile_dir.file_name().is_some_and(|n| n == "release");
            let mut c = Command::new(env!("CARGO"));
            c.args(["build", "-p", "driver", "--bin", "driver"]);
            if release {
                c.arg("--release");
            }
            let st = c.current_dir(repo_root()).status().expect("cargo build");
            assert!(st.success(), "building the driver failed");
        }
        bin
    })
    .clone()
}

/// A free TCP port on 127.0.0.1 (bound and released; DGD's config does
/// not accept port 0).
pub fn free_port() -> u16 {
    // Tests of one binary run in parallel threads: a port handed out once is
    // never handed out again by this process, so two servers started by two
    // tests cannot be given the same port between its release and their bind.
    use std::collections::HashSet;
    use std::sync::Mutex;
    static GIVEN: Mutex<Option<HashSet<u16>>> = Mutex::new(None);
    let mut given = GIVEN.lock().unwrap_or_else(|e| e.into_inner());
    let given = given.get_or_insert_with(HashSet::new);
    for _ in 0..1000 {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("free port");
        if given.insert(port) {
            return port;
        }
    }
    panic!("no fresh port in 1000 tries");
}

/// Files a run of the sample mud leaves behind (all git-ignored): saved
/// characters, swap and dumps, generated headers. A fresh copy has none.
fn generated(rel: &Path) -> bool {
    let s = rel.to_string_lossy();
    (s.starts_with("state/") && !s.ends_with(".gitignore"))
        || (s.starts_with("lib/data/users/") && s.ends_with(".o"))
        || [
            "status.h",
            "type.h",
            "trace.h",
            "limits.h",
            "float.h",
            "kfun.h",
            "connect.h",
        ]
        .iter()
        .any(|h| s == format!("lib/include/{h}"))
}

fn copy_dir(root: &Path, from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read_dir") {
        let e = e.expect("entry");
        let p = e.path();
        let t = to.join(e.file_name());
        if p.is_dir() {
            copy_dir(root, &p, &t);
        } else if !generated(p.strip_prefix(root).unwrap_or(&p)) {
            std::fs::copy(&p, &t).expect("copy");
        }
    }
}

/// A temporary directory removed on drop (the support library has no
/// dependencies, so no tempfile crate here).
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new() -> TempDir {
        static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let p = std::env::temp_dir().join(format!("mud-test-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).expect("temp dir");
        TempDir(p)
    }
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Default for TempDir {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        if std::env::var_os("KEEP_TEST_DIRS").is_none() {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// A private copy of `sample-mudlib/` on free ports.
pub struct Mud {
    pub dir: TempDir,
    pub telnet: u16,
    pub binary: u16,
}

impl Mud {
    /// Copies the sample mudlib; `schedule` replaces /etc/schedule (dump
    /// intervals) when given.
    pub fn sample(schedule: Option<(u32, u32)>) -> Mud {
        let dir = TempDir::new();
        let src = repo_root().join("sample-mudlib");
        copy_dir(&src, &src, dir.path());
        let (telnet, binary) = (free_port(), free_port());
        let cfg = dir.path().join("mud.dgd");
        let text = std::fs::read_to_string(&cfg).expect("mud.dgd");
        let text = text
            .replace(
                "([ \"*\" : 6047 ])",
                &format!("([ \"127.0.0.1\" : {telnet} ])"),
            )
            .replace(
                "([ \"*\" : 6048 ])",
                &format!("([ \"127.0.0.1\" : {binary} ])"),
            );
        // hot-boot runs this build's binary
        let text = text.replace(
            "\"../../target/release/driver\"",
            &format!("\"{}\"", driver_bin().display()),
        );
        std::fs::write(&cfg, text).expect("write mud.dgd");
        if let Some((incr, full)) = schedule {
            std::fs::write(
                dir.path().join("lib/etc/schedule"),
                format!("incremental {incr}\nfull {full}\n"),
            )
            .expect("schedule");
        }
        Mud {
            dir,
            telnet,
            binary,
        }
    }

    /// A copy of the mudlib `lib` (its files become `lib/`) with a config
    /// of its own on free ports: `config` gets the telnet and binary ports
    /// and returns the config text; `directory = "lib";` is added.
    pub fn custom(lib: &Path, config: impl FnOnce(u16, u16) -> String) -> Mud {
        let dir = TempDir::new();
        copy_dir(lib, lib, &dir.path().join("lib"));
        std::fs::create_dir_all(dir.path().join("state")).expect("state dir");
        let (telnet, binary) = (free_port(), free_port());
        let text = format!("directory = \"lib\";\n{}", config(telnet, binary));
        std::fs::write(dir.path().join("mud.dgd"), text).expect("write mud.dgd");
        Mud {
            dir,
            telnet,
            binary,
        }
    }

    pub fn config(&self) -> PathBuf {
        self.dir.path().join("mud.dgd")
    }

    pub fn state(&self, name: &str) -> PathBuf {
        self.dir.path().join("state").join(name)
    }

    /// Starts the driver with extra arguments (statedump, secondary).
    pub fn start(&self, extra: &[&Path]) -> Server {
        let args: Vec<std::ffi::OsString> =
            extra.iter().map(|p| p.as_os_str().to_owned()).collect();
        self.start_args(&args)
    }

    /// Starts the driver with options and arguments after the config file.
    pub fn start_args(&self, extra: &[std::ffi::OsString]) -> Server {
        let log = self.dir.path().join(format!(
            "driver-{}.log",
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos())
        ));
        let f = std::fs::File::create(&log).expect("log file");
        let mut c = Command::new(driver_bin());
        c.arg(self.config()).args(extra);
        let child = c
            .stdin(Stdio::null())
            .stdout(Stdio::from(f.try_clone().expect("dup")))
            .stderr(Stdio::from(f))
            .spawn()
            .expect("spawn driver");
        let s = Server { child, log };
        s.wait_port(self.telnet);
        s
    }
}

/// A running driver process; killed when dropped.
pub struct Server {
    pub child: Child,
    pub log: PathBuf,
}

impl Server {
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    fn wait_port(&self, port: u16) {
        let end = Instant::now() + Duration::from_secs(60);
        while Instant::now() < end {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("driver did not listen on {port}; log:\n{}", self.log_text());
    }

    /// Waits for the process to end (bounded); its exit code.
    pub fn wait_exit(&mut self, secs: u64) -> Option<i32> {
        let end = Instant::now() + Duration::from_secs(secs);
        while Instant::now() < end {
            if let Ok(Some(st)) = self.child.try_wait() {
                return st.code();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }

    /// Process ids the supervisor reported for its driver children, oldest
    /// first.
    pub fn child_pids(&self) -> Vec<u32> {
        self.log_text()
            .lines()
            .filter_map(|l| l.split("driver running as pid ").nth(1))
            .filter_map(|r| r.split_whitespace().next()?.parse().ok())
            .collect()
    }

    /// Waits (bounded) until the supervisor has started `n` children.
    pub fn wait_children(&self, n: usize) -> Vec<u32> {
        let end = Instant::now() + Duration::from_secs(60);
        loop {
            let p = self.child_pids();
            if p.len() >= n {
                return p;
            }
            assert!(
                Instant::now() < end,
                "only {} children; log:\n{}",
                p.len(),
                self.log_text()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Sends a signal to the driver.
    pub fn signal(&self, sig: &str) {
        let _ = Command::new("kill")
            .args([&format!("-{sig}"), &self.child.id().to_string()])
            .status();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A telnet client that answers nothing and keeps everything it got.
pub struct Telnet {
    pub s: TcpStream,
    pub got: Vec<u8>,
    seen: usize,
}

impl Telnet {
    pub fn connect(port: u16) -> Telnet {
        let s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        s.set_read_timeout(Some(Duration::from_millis(50)))
            .expect("timeout");
        Telnet {
            s,
            got: Vec::new(),
            seen: 0,
        }
    }

    pub fn send_raw(&mut self, b: &[u8]) {
        self.s.write_all(b).expect("send");
    }

    /// Sends a line with CR LF.
    pub fn line(&mut self, l: &str) {
        self.send_raw(format!("{l}\r\n").as_bytes());
    }

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

    /// Text received so far, telnet commands removed.
    pub fn text(&self) -> String {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.got.len() {
            if self.got[i] == 255 && i + 1 < self.got.len() {
                match self.got[i + 1] {
                    251..=254 => i += 3,
                    255 => {
                        out.push(255);
                        i += 2;
                    }
                    _ => i += 2,
                }
            } else {
                out.push(self.got[i]);
                i += 1;
            }
        }
        String::from_utf8_lossy(&out).into_owned()
    }

    /// Waits until `pat` appears after everything already waited for;
    /// returns the text from the previous mark to the end of `pat`.
    pub fn expect(&mut self, pat: &str) -> String {
        let end = Instant::now() + Duration::from_secs(30);
        loop {
            let t = self.text();
            if let Some(p) = t[self.seen.min(t.len())..].find(pat) {
                let start = self.seen.min(t.len());
                let stop = start + p + pat.len();
                self.seen = stop;
                return t[start..stop].to_string();
            }
            if Instant::now() > end {
                panic!(
                    "timed out waiting for {pat:?}; got:\n{}",
                    &t[self.seen.min(t.len())..]
                );
            }
            if !self.pump() {
                let t = self.text();
                if !t[self.seen.min(t.len())..].contains(pat) {
                    panic!("connection closed waiting for {pat:?}; got:\n{t}");
                }
            }
        }
    }

    /// Runs a command and returns its output up to the next prompt.
    pub fn cmd(&mut self, l: &str) -> String {
        self.line(l);
        self.expect("> ")
    }

    /// Logs in (creating the character if `new`).
    pub fn login(port: u16, name: &str, pass: &str, new: bool) -> Telnet {
        let mut t = Telnet::connect(port);
        t.expect("What is your name? ");
        t.line(name);
        if new {
            t.expect("Choose a password: ");
            t.line(pass);
            t.expect("Again: ");
            t.line(pass);
        } else {
            t.expect("Password: ");
            t.line(pass);
        }
        t.expect("> ");
        t
    }

    /// True once the server closed the connection (bounded wait).
    pub fn closed(&mut self, secs: u64) -> bool {
        let end = Instant::now() + Duration::from_secs(secs);
        while Instant::now() < end {
            if !self.pump() {
                return true;
            }
        }
        false
    }
}
