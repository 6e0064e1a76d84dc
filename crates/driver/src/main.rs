//! The `driver` binary.
fn main() {
    eprintln!("driver: not yet wired (see README.md)");
    std::process::exit(1);
}
