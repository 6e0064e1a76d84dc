//! A small world written in Rust, to test the driver's loop, network and
//! scheduling without the LPC VM. It plays the part of a mudlib: each
//! connection gets a user object; lines are commands.

#![allow(dead_code)]

use driver::callout::{Delay, ObjKey};
use driver::config::Config;
use driver::net::PortKind;
use driver::world::{DumpKind, Event, Host, SharedHost, World, WorldError};
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

#[derive(Default)]
pub struct TestWorld {
    pub next: u64,
    pub log: Vec<String>,
    /// (object, handle) → text to say when the call_out runs
    pub callouts: BTreeMap<(u64, u32), String>,
    pub handle: u32,
    pub dump_dir: PathBuf,
    pub counter: i64,
    pub interrupted: bool,
}

impl TestWorld {
    pub fn new(dump_dir: &Path) -> Self {
        TestWorld {
            next: 1,
            dump_dir: dump_dir.to_path_buf(),
            ..Default::default()
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
    fn restore(
        &mut self,
        _host: &SharedHost,
        dump: &Path,
        _secondary: Option<&Path>,
    ) -> Result<Vec<(String, Vec<u8>)>, WorldError> {
        let bytes = std::fs::read(dump).map_err(|e| WorldError(e.to_string()))?;
        // format: counter(8) then tables: name_len(1) name len(4) bytes
        let mut tables = Vec::new();
        self.counter = i64::from_le_bytes(bytes[0..8].try_into().unwrap());
        let mut p = 8;
        while p < bytes.len() {
            let nl = bytes[p] as usize;
            let name = String::from_utf8(bytes[p + 1..p + 1 + nl].to_vec()).unwrap();
            p += 1 + nl;
            let l = u32::from_le_bytes(bytes[p..p + 4].try_into().unwrap()) as usize;
            p += 4;
            tables.push((name, bytes[p..p + l].to_vec()));
            p += l;
        }
        let co = std::fs::read_to_string(dump.with_extension("co")).unwrap_or_default();
        for line in co.lines() {
            let mut it = line.splitn(3, ' ');
            let o: u64 = it.next().unwrap().parse().unwrap();
            let h: u32 = it.next().unwrap().parse().unwrap();
            self.callouts
                .insert((o, h), it.next().unwrap_or("").to_string());
            self.handle = self.handle.max(h);
        }
        Ok(tables)
    }
    fn restored(&mut self, host: &SharedHost, hotboot: bool) -> Result<(), WorldError> {
        self.log.push(format!("restored {hotboot}"));
        let _ = host;
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
                        let _ = host.send_message(obj, b"scheduled\n");
                    }
                    "dump" => host.dump_state(arg == "1"),
                    "shutdown" => host.shutdown(false).unwrap(),
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
            self.log.push(format!("callout {text}"));
            say_all(host, &format!("callout {text}\n"));
        }
    }
    fn interrupt(&mut self, _host: &SharedHost) {
        self.interrupted = true;
        self.log.push("interrupt".into());
    }
    fn dump(&mut self, kind: DumpKind, tables: &[(&str, Vec<u8>)]) -> Result<(), WorldError> {
        let mut b = self.counter.to_le_bytes().to_vec();
        for (n, t) in tables {
            b.push(n.len() as u8);
            b.extend_from_slice(n.as_bytes());
            b.extend_from_slice(&(t.len() as u32).to_le_bytes());
            b.extend_from_slice(t);
        }
        let path = self.dump_dir.join("dump");
        std::fs::write(&path, b).map_err(|e| WorldError(e.to_string()))?;
        let co: String = self
            .callouts
            .iter()
            .map(|((o, h), t)| format!("{o} {h} {t}\n"))
            .collect();
        std::fs::write(path.with_extension("co"), co).map_err(|e| WorldError(e.to_string()))?;
        self.log.push(format!("dump {kind:?}"));
        Ok(())
    }
    fn swapout(&mut self) {
        self.log.push("swapout".into());
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub fn config(dir: &Path, tport: u16, bport: u16, users: u32) -> Config {
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
         array_size = 1000; objects = 500; call_outs = 100;\n"
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
    panic!("condition not reached in {max} turns");
}
