//! `statedump`: inspect, verify and repair dump files.
//!
//! ```text
//! statedump info   <dump> [<secondary>]
//! statedump verify <dump> [<secondary>]          exit 0 clean, 1 damaged, 2 not restorable
//! statedump repair <dump> [<secondary>] -o <out>
//! ```

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use swap::io::{RealFs, Vfs};

#[derive(Parser)]
#[command(
    name = "statedump",
    about = "Inspect, verify and repair statedump files"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Generation, id, parent, commits, object count, sizes, partial or not.
    Info {
        /// The dump file.
        dump: PathBuf,
        /// The secondary (previous) dump of a partial dump, normally <dump>.old.
        secondary: Option<PathBuf>,
    },
    /// Check every checksum of a dump (pair); report each fault with file, key and offset.
    Verify {
        /// The dump file.
        dump: PathBuf,
        /// The secondary (previous) dump of a partial dump, normally <dump>.old.
        secondary: Option<PathBuf>,
    },
    /// Write a new clean full dump keeping every object that verifies.
    Repair {
        /// The damaged dump file.
        dump: PathBuf,
        /// The secondary (previous) dump of a partial dump, normally <dump>.old.
        secondary: Option<PathBuf>,
        /// Where to write the repaired dump.
        #[arg(short, long)]
        output: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let vfs: Arc<dyn Vfs> = Arc::new(RealFs);
    match cli.cmd {
        Cmd::Info { dump, secondary } => {
            match statedump::tools::info(&*vfs, &dump, secondary.as_deref()) {
                Ok(s) => {
                    print!("{s}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("statedump info: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Cmd::Verify { dump, secondary } => {
            let rep = statedump::tools::verify(&*vfs, &dump, secondary.as_deref());
            print!("{rep}");
            ExitCode::from(rep.exit_code() as u8)
        }
        Cmd::Repair {
            dump,
            secondary,
            output,
        } => match statedump::tools::repair(
            vfs,
            &dump,
            secondary.as_deref(),
            &output,
            swap::Config::default(),
        ) {
            Ok(rep) => {
                print!("{rep}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("statedump repair: {e}");
                ExitCode::from(2)
            }
        },
    }
}
