//! The driver: everything of DGD that is not LPC. Config file, command
//! line, generated headers, network (telnet and binary ports), call_out
//! timing, the main loop, signals, hot-boot and the crash supervisor.
//!
//! The LPC world itself (the `vm` crate, with `swap` and `statedump` below
//! it) is reached through the [`world::World`] trait, so the loop, the
//! network and the scheduling are tested here on their own.

pub mod callout;
pub mod cli;
pub mod config;
pub mod headers;
pub mod hotboot;
pub mod log;
pub mod net;
pub mod resolve;
pub mod server;
pub mod signals;
pub mod store;
pub mod supervisor;
pub mod telnet;
pub mod vmworld;
pub mod world;

/// The version string (`status()[ST_VERSION]`, the telnet AYT reply).
pub const VERSION_STRING: &str = concat!("driver ", env!("CARGO_PKG_VERSION"));

/// The whole program around a world: parses the command line, checks the
/// config, runs the supervisor or the server; returns the exit status
/// (2 for a config or boot error, as DGD).
pub fn main_with<W: world::World>(
    make: impl FnOnce(&config::Config, &world::SharedHost, store::SharedSwap) -> W,
) -> i32 {
    use clap::Parser;
    let cli = cli::Cli::parse();
    match run(&cli, make) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("Config error: {e:#}");
            2
        }
    }
}

fn run<W: world::World>(
    cli: &cli::Cli,
    make: impl FnOnce(&config::Config, &world::SharedHost, store::SharedSwap) -> W,
) -> anyhow::Result<i32> {
    use anyhow::Context;
    let config = config::Config::load(&cli.config)?;
    for w in &config.warnings {
        log::line(&format!(
            "Config warning, {}:{}: {}",
            config.file.display(),
            w.line,
            w.msg
        ));
    }
    if !config.directory.is_dir() {
        anyhow::bail!("bad base directory \"{}\"", config.directory.display());
    }
    if let Some(s) = &cli.statedump {
        std::fs::metadata(s)
            .with_context(|| format!("cannot open restore file {}", s.display()))?;
    }
    if let Some(s) = &cli.secondary {
        std::fs::metadata(s)
            .with_context(|| format!("cannot open secondary restore file {}", s.display()))?;
    }
    if cli.check_config {
        println!("{}: ok", cli.config.display());
        return Ok(0);
    }
    if cli.supervise {
        let args: Vec<_> = cli
            .statedump
            .iter()
            .chain(cli.secondary.iter())
            .cloned()
            .collect();
        return supervisor::run(&config, &args);
    }
    let start = server::Start {
        restore: cli.statedump.clone(),
        secondary: cli.secondary.clone(),
    };
    let mut srv = server::Server::boot_with(config, &start, make)?;
    match srv.run() {
        server::Exit::Shutdown => Ok(0),
        server::Exit::HotbootFailed(e) => {
            log::line(&e);
            Ok(1)
        }
    }
}
