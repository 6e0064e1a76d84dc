//! The driver with the Rust test world of `tests/common` instead of the LPC
//! VM: the end-to-end tests of hot-boot and of the crash supervisor run it
//! as a real process (exec, kill -9) with dumps through statedump.

#[path = "../tests/common/mod.rs"]
mod common;

fn main() {
    std::process::exit(driver::main_with(|_, _, swap| common::TestWorld::new(swap)));
}
