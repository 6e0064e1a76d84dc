//! The driver: everything of DGD that is not LPC. Config file, command
//! line, generated headers, network (telnet and binary ports), call_out
//! timing, the main loop, signals, hot-boot and the crash supervisor.
//!
//! The LPC world itself (the `vm` crate, with `swap` and `statedump` below
//! it) is reached through the [`world::World`] trait, so the loop, the
//! network and the scheduling are tested here on their own.

pub mod callout;
pub mod config;
pub mod headers;
pub mod log;
pub mod net;
pub mod telnet;

/// The version string (`status()[ST_VERSION]`, the telnet AYT reply).
pub const VERSION_STRING: &str = concat!("driver ", env!("CARGO_PKG_VERSION"));
