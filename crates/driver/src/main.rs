//! The `driver` binary: `driver config.dgd [statedump [secondary]]`, with
//! the LPC VM as its world.

fn main() {
    std::process::exit(driver::main_with(|cfg, host, swap| {
        driver::vmworld::VmWorld::with_swap(cfg, host.clone(), swap)
    }));
}
