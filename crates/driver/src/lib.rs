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
pub mod server;
pub mod signals;
pub mod store;
pub mod supervisor;
pub mod telnet;
pub mod vmworld;
pub mod world;

/// The version string (`status()[ST_VERSION]`, the telnet AYT reply).
pub const VERSION_STRING: &str = concat!("driver ", env!("CARGO_PKG_VERSION"));

/// Boots and runs the server with the LPC VM as its world; returns the
/// process exit status.
pub fn run_with_vm(config: config::Config, cli: &cli::Cli) -> anyhow::Result<i32> {
    let start = server::Start {
        restore: cli.statedump.clone(),
        secondary: cli.secondary.clone(),
    };
    let mut srv = server::Server::boot_with(config, &start, |cfg, host, swap| {
        vmworld::VmWorld::with_swap(cfg, host.clone(), swap)
    })?;
    match srv.run() {
        server::Exit::Shutdown => Ok(0),
        server::Exit::HotbootFailed(e) => {
            log::line(&e);
            Ok(1)
        }
    }
}
