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
pub mod telnet;
pub mod world;

/// The version string (`status()[ST_VERSION]`, the telnet AYT reply).
pub const VERSION_STRING: &str = concat!("driver ", env!("CARGO_PKG_VERSION"));

/// Boots and runs the server with the LPC VM as its world.
///
/// The VM crate (`vm`, over `swap` and `statedump`) is wired in here; until
/// it provides its API this build cannot run a mudlib and says so.
pub fn run_with_vm(config: config::Config, _cli: &cli::Cli) -> anyhow::Result<i32> {
    headers::write_all(&config.header_dir(), &headers::KfunTable::dgd())?;
    anyhow::bail!("this build has no LPC VM wired in yet (crates/vm); config and headers are fine")
}
