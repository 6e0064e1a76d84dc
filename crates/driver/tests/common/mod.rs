//! A small world written in Rust, to test the driver's loop, network and
//! scheduling without the LPC VM. It plays the part of a mudlib: each
//! connection gets a user object; lines are commands.

#![allow(dead_code)]

use driver::callout::{Delay, ObjKey};
use driver::config::Config;
use driver::net::PortKind;
use driver::store::{Image, SharedSwap};
use driver::world::{Event, Host, SharedHost, World, WorldError};
use statedump::TableDelta;
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::Duration;

pub struct TestWorld {
    pub next: u64,
    pub log: Vec<String>,
    /// (object, handle) → text to say when the call_out runs (table 1)
    pub callouts: BTreeMap<(u64, u32), String>,
    pub handle: u32,
    pub counter: i64,
    pub interrupted: bool,
    /// notes kept as blobs in the swap; table 2 lists their keys
    pub notes: Vec<u64>,
    pub swap: SharedSwap,
    delta: TableDelta,
}

const T_CALLOUTS: u32 = 1;
const T_NOTES: u32 = 2;

impl TestWorld {
    pub fn new(swap: SharedSwap) -> Self {
        TestWorld {
            next: 1,
            log: Vec::new(),
            callouts: BTreeMap::new(),
            handle: 0,
            counter: 0,
            interrupted: false,
            notes: Vec::new(),
            swap,
            delta: TableDelta::default(),
        }
    }
}

fn say_all(host: &mut Host, text: &str) {
    for u in host.users() {
        let _ = host.send_message(u, text.as_bytes());
    }
}

impl World for TestWorld {
    fn cold_boot(&mut self, _host: &SharedHost) -> Result<(), WorldError> {
        self.log.push("initialize".into());
        Ok(())
    }
    fn restore(&mut self, _host: &SharedHost, image: &Image) -> Result<(), WorldError> {
        let root: [u8; 8] = image
            .root
            .get(..8)
            .and_then(|r| r.try_into().ok())
            .ok_or_else(|| WorldError("bad root".into()))?;
        self.counter = i64::from_le_bytes(root);
        if let Some(t) = image.tables.table(T_CALLOUTS) {
            for (k, v) in t.iter() {
                let h = k as u32;
                self.callouts
                    .insert((k >> 32, h), String::from_utf8_lossy(v).into_owned());
                self.handle = self.handle.max(h);
            }
        }
        if let Some(t) = image.tables.table(T_NOTES) {
            self.notes = t.iter().map(|(k, _)| k).collect();
        }
        Ok(())
    }
    fn restored(&mut self, host: &SharedHost, hotboot: bool) -> Result<(), WorldError> {
        self.log.push(format!("restored {hotboot}"));
        let mut h = host.borrow_mut();
        say_all(&mut h, &format!("restored hotboot={hotboot}\n"));
        Ok(())
    }
    fn connect(
        &mut self,
        _host: &SharedHost,
        kind: PortKind,
        port: usize,
    ) -> Result<ObjKey, WorldError> {
        self.next += 1;
        self.log.push(format!("connect {kind:?} {port}"));
        Ok(ObjKey(self.next))
    }
    fn event(&mut self, host: &SharedHost, obj: ObjKey, ev: Event<'_>) {
        let host = &mut *host.borrow_mut();
        assert_eq!(host.this_user(), Some(obj));
        match ev {
            Event::Open => {
                let _ = host.send_message(obj, b"Welcome\n> ");
            }
            Event::MessageDone => {}
            Event::Unconnected(code) => self.log.push(format!("unconnected {} {code}", obj.0)),
            Event::DatagramAttach => {
                self.log.push(format!("attach {}", obj.0));
                let _ = host.send_message(obj, b"attached\n");
            }
            Event::Datagram(d) => {
                let d = String::from_utf8_lossy(d).into_owned();
                self.log.push(format!("datagram {} {d}", obj.0));
                let n = host.send_datagram(obj, format!("echo:{d}").as_bytes());
                let m = host.send_datagram(obj, b"second");
                self.log.push(format!("sent {n:?} {m:?}"));
            }
            Event::Close { destructed } => self.log.push(format!("close {} {destructed}", obj.0)),
            Event::Receive(line) => {
                let line = String::from_utf8_lossy(line).into_owned();
                let mut w = line.splitn(2, ' ');
                let cmd = w.next().unwrap_or("");
                let arg = w.next().unwrap_or("");
                match cmd {
                    "say" => say_all(host, &format!("{}: {arg}\n", obj.0)),
                    "inc" => {
                        self.counter += 1;
                        let _ = host
                            .send_message(obj, format!("counter {}\n", self.counter).as_bytes());
                    }
                    "count" => {
                        let _ = host
                            .send_message(obj, format!("counter {}\n", self.counter).as_bytes());
                    }
                    "challenge" => {
                        let r = host.datagram_challenge(obj, arg.trim_end().as_bytes());
                        let _ = host.send_message(obj, format!("challenge {r:?}\n").as_bytes());
                    }
                    "dgram" => {
                        let r = host.send_datagram(obj, arg.trim_end().as_bytes());
                        let _ = host.send_message(obj, format!("dgram {r:?}\n").as_bytes());
                    }
                    "noecho" => {
                        let _ = host.echo(obj, false);
                    }
                    "echo" => {
                        let _ = host.echo(obj, true);
                    }
                    "later" => {
                        let (d, text) = arg.split_once(' ').unwrap_or((arg, ""));
                        let delay = if d.contains('.') {
                            Delay::Float(d.parse().unwrap())
                        } else {
                            Delay::Secs(d.parse().unwrap())
                        };
                        self.handle += 1;
                        host.call_out(obj, self.handle, delay).unwrap();
                        self.callouts.insert((obj.0, self.handle), text.to_string());
                        self.delta.upsert(
                            T_CALLOUTS,
                            (obj.0 << 32) | u64::from(self.handle),
                            text.as_bytes().to_vec(),
                        );
                        let _ = host.send_message(obj, b"scheduled\n");
                    }
                    "dump" => host.dump_state(arg == "1"),
                    "note" => {
                        let key = 1000 + self.notes.len() as u64;
                        self.swap
                            .borrow_mut()
                            .put(key, arg.as_bytes().to_vec())
                            .unwrap();
                        self.notes.push(key);
                        self.delta.upsert(T_NOTES, key, Vec::new());
                        let _ = host.send_message(obj, b"noted\n");
                    }
                    "notes" => {
                        let mut all = Vec::new();
                        for k in &self.notes {
                            let b = self.swap.borrow_mut().get(*k).unwrap().unwrap();
                            all.push(String::from_utf8_lossy(&b).into_owned());
                        }
                        let _ = host
                            .send_message(obj, format!("notes: {}\n", all.join("|")).as_bytes());
                    }
                    "shutdown" => host.shutdown(false).unwrap(),
                    "hotboot" => {
                        host.dump_state(false);
                        if host.shutdown(true).is_err() {
                            let _ = host.send_message(obj, b"no hotboot\n");
                        }
                    }
                    "quit" => {
                        let _ = host.send_message(obj, b"Bye\n");
                        self.log.push(format!("close {} true", obj.0));
                        host.disconnect(obj);
                    }
                    "close" => host.send_close(obj).unwrap(),
                    "len" => {
                        let _ = host.send_message(obj, format!("len {}\n", line.len()).as_bytes());
                    }
                    _ => {
                        let _ = host.send_message(
                            obj,
                            format!("echo: {}\n", line.escape_default()).as_bytes(),
                        );
                    }
                }
            }
        }
    }
    fn call_out(&mut self, host: &SharedHost, obj: ObjKey, handle: u32) {
        let host = &mut *host.borrow_mut();
        if let Some(text) = self.callouts.remove(&(obj.0, handle)) {
            self.delta
                .remove(T_CALLOUTS, (obj.0 << 32) | u64::from(handle));
            self.log.push(format!("callout {text}"));
            say_all(host, &format!("callout {text}\n"));
        }
    }
    fn interrupt(&mut self, _host: &SharedHost) {
        self.interrupted = true;
        self.log.push("interrupt".into());
    }
    fn prepare_dump(&mut self) -> Result<(TableDelta, Vec<u8>), WorldError> {
        self.log.push("dump".into());
        Ok((
            std::mem::take(&mut self.delta),
            self.counter.to_le_bytes().to_vec(),
        ))
    }
    fn visit_tables(&self, f: &mut dyn FnMut(u32, u64, &[u8])) {
        for ((o, h), t) in &self.callouts {
            f(T_CALLOUTS, (o << 32) | u64::from(*h), t.as_bytes());
        }
        for k in &self.notes {
            f(T_NOTES, *k, b"");
        }
    }
    fn swapout(&mut self) {
        self.log.push("swapout".into());
    }
}

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

pub fn config(dir: &Path, tport: u16, bport: u16, users: u32) -> Config {
    config_with(dir, tport, bport, users, "")
}

/// A config with more lines (datagram ports...).
pub fn config_with(dir: &Path, tport: u16, bport: u16, users: u32, extra: &str) -> Config {
    std::fs::create_dir_all(dir.join("lib")).unwrap();
    let text = format!(
        "telnet_port = ([ \"127.0.0.1\" : {tport} ]);\n\
         binary_port = ([ \"127.0.0.1\" : {bport} ]);\n\
         directory = \"lib\"; users = {users}; editors = 0;\n\
         ed_tmpfile = \"ed\"; swap_file = \"swap\"; swap_size = 1024;\n\
         sector_size = 512; swap_fragment = 32; static_chunk = 64512;\n\
         dynamic_chunk = 261120; dump_file = \"dump\"; dump_interval = 60;\n\
         typechecking = 2; include_file = \"/include/std.h\";\n\
         include_dirs = ({{ \"/include\" }}); auto_object = \"/sys/auto\";\n\
         driver_object = \"/sys/driver\"; create = \"create\";\n\
         array_size = 1000; objects = 500; call_outs = 100;\n{extra}"
    );
    let file = dir.join("test.dgd");
    std::fs::write(&file, &text).unwrap();
    Config::load(&file).unwrap()
}

/// A test client with a read timeout.
pub struct Client {
    pub s: TcpStream,
    pub got: Vec<u8>,
}

impl Client {
    pub fn connect(port: u16) -> Client {
        let s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.set_read_timeout(Some(Duration::from_millis(20))).unwrap();
        Client { s, got: Vec::new() }
    }
    pub fn send(&mut self, b: &[u8]) {
        self.s.write_all(b).unwrap();
    }
    /// Reads whatever is there now (non-blocking-ish).
    pub fn read_now(&mut self) -> usize {
        let mut b = [0u8; 65536];
        let mut total = 0;
        loop {
            match self.s.read(&mut b) {
                Ok(0) => break,
                Ok(n) => {
                    self.got.extend_from_slice(&b[..n]);
                    total += n;
                }
                Err(_) => break,
            }
        }
        total
    }
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.got).into_owned()
    }
}

/// Runs loop turns, reading every client after each, until `done` holds
/// (bounded: at most `max` turns).
pub fn turns_until<W: World>(
    srv: &mut driver::server::Server<W>,
    clients: &mut [&mut Client],
    max: usize,
    mut done: impl FnMut(&driver::server::Server<W>, &[&mut Client]) -> bool,
) -> Option<driver::server::Exit> {
    for _ in 0..max {
        if let Some(e) = srv.turn() {
            return Some(e);
        }
        for c in clients.iter_mut() {
            c.read_now();
        }
        if done(srv, clients) {
            return None;
        }
    }
    let texts: Vec<String> = clients.iter().map(|c| c.text()).collect();
    panic!("condition not reached in {max} turns; clients got: {texts:?}");
}
