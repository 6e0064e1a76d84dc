//! A small host that boots a mudlib from a directory without network, runs one
//! function in one object, then its call_outs, and collects what was printed.
//! Used by `lpcrun` and the golden tests.

use crate::host::{MemStore, TestHost};
use crate::interp::{Config, Vm};
use crate::value::{LpcError, Value};
use std::path::Path;

/// Options of one run.
#[derive(Clone, Debug)]
pub struct RunOptions {
    pub auto_object: Option<String>,
    pub driver_object: Option<String>,
    pub typechecking: u8,
    /// Max call_out rounds after the main call.
    pub max_call_out_rounds: usize,
    /// Fixed clock (deterministic output).
    pub fixed_time: Option<i64>,
    pub echo: bool,
    pub ticks: i64,
    pub include_dirs: Vec<String>,
    pub include_file: Option<String>,
    pub create: String,
    pub array_size: usize,
    /// Time zone as the `TZ` variable would name it (`None`: the process's).
    pub timezone: Option<String>,
    /// `editors`: max number of editor sessions.
    pub editors: usize,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            auto_object: Some("/lib/auto".into()),
            driver_object: Some("/lib/driver".into()),
            typechecking: 2,
            max_call_out_rounds: 100,
            fixed_time: Some(1_000_000_000),
            echo: false,
            ticks: 10_000_000,
            include_dirs: Vec::new(),
            include_file: None,
            create: "create".into(),
            array_size: 100_000,
            timezone: None,
            editors: 40,
        }
    }
}

/// Boots the mudlib at `root`, compiles `object` and calls `func` in it, then runs
/// pending call_outs (in order of due time) for a bounded number of rounds. Returns
/// the output; uncaught errors appear as the driver object prints them.
pub fn run(root: &Path, object: &str, func: &str, opts: &RunOptions) -> String {
    let mut host = TestHost::with_root(root.to_path_buf());
    host.fixed_time = opts.fixed_time;
    host.echo = opts.echo;
    let cfg = Config {
        typechecking: opts.typechecking,
        auto_object: opts.auto_object.clone(),
        driver_object: opts.driver_object.clone(),
        max_ticks: opts.ticks,
        include_dirs: opts.include_dirs.clone(),
        include_file: opts.include_file.clone(),
        create: opts.create.clone(),
        array_size: opts.array_size,
        timezone: std::sync::Arc::new(match &opts.timezone {
            Some(tz) => crate::tz::TimeZone::from_tz(tz).unwrap_or_default(),
            None => crate::tz::TimeZone::system(),
        }),
        editors: opts.editors,
        ..Config::default()
    };
    let mut vm = Vm::new(cfg, Box::new(host), Box::new(MemStore::default()));
    let mut extra = String::new();
    if let Err(e) = vm.boot() {
        extra.push_str(&format!("boot failed: {}\n", e.message));
        return finish(vm, extra);
    }
    if object.is_empty() {
        return finish(vm, extra);
    }
    let obj = match vm.compile_object_task(object, None) {
        Ok(o) => o,
        Err(e) => {
            extra.push_str(&format!("compile failed: {}\n", e.message));
            return finish(vm, extra);
        }
    };
    let _ = vm.call(obj, func, Vec::new());
    for _ in 0..opts.max_call_out_rounds {
        let mut cos = vm.call_outs();
        if cos.is_empty() {
            break;
        }
        cos.sort_by(|a, b| {
            a.2.partial_cmp(&b.2)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.1.cmp(&b.1))
        });
        let (o, h, _, _) = cos[0].clone();
        let _ = vm.run_call_out(o, h);
    }
    finish(vm, extra)
}

fn finish(mut vm: Vm, extra: String) -> String {
    let out = take_output(&mut vm);
    format!("{out}{extra}")
}

/// Output collected by a [`TestHost`] VM.
pub fn take_output(vm: &mut Vm) -> String {
    vm.host.take_output().unwrap_or_default()
}

/// Runs LPC source given as a string (object "/test"), for unit tests.
pub fn run_source(src: &str, func: &str) -> Result<(Vm, Value), LpcError> {
    let cfg = Config::default();
    let mut vm = Vm::new(
        cfg,
        Box::new(TestHost::new()),
        Box::new(MemStore::default()),
    );
    let o = vm.compile_object_task("/test", Some(src.as_bytes()))?;
    let v = vm.call(o, func, Vec::new())?;
    Ok((vm, v))
}
