//! The command line: DGD's `driver config.dgd [statedump [secondary]]`,
//! plus options that never change the meaning of those positions.

use clap::Parser;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "driver",
    version = env!("CARGO_PKG_VERSION"),
    about = "Runs an LPC mudlib the way DGD does: one persistent world of objects.",
    long_about = "Runs an LPC mudlib the way DGD does.\n\n\
        driver config.dgd                      cold boot: initialize() in the driver object\n\
        driver config.dgd statedump            restore: restored() in the driver object\n\
        driver config.dgd statedump secondary  restore a partial dump, completed from the secondary"
)]
pub struct Cli {
    /// DGD configuration file (e.g. mud.dgd)
    pub config: PathBuf,
    /// Statedump to restore from
    pub statedump: Option<PathBuf>,
    /// Secondary statedump completing a partial one
    pub secondary: Option<PathBuf>,
    /// Only read and check the config file, then exit
    #[arg(long)]
    pub check_config: bool,
    /// Run under a crash supervisor that keeps the sockets and restarts the
    /// driver from the newest valid dump when it dies
    #[arg(long)]
    pub supervise: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dgd_forms() {
        let c = Cli::try_parse_from(["driver", "mud.dgd"]).unwrap();
        assert_eq!(c.config, PathBuf::from("mud.dgd"));
        assert!(c.statedump.is_none());
        let c = Cli::try_parse_from(["driver", "mud.dgd", "snap", "snap.old"]).unwrap();
        assert_eq!(c.statedump.unwrap(), PathBuf::from("snap"));
        assert_eq!(c.secondary.unwrap(), PathBuf::from("snap.old"));
        assert!(Cli::try_parse_from(["driver"]).is_err());
        assert!(Cli::try_parse_from(["driver", "a", "b", "c", "d"]).is_err());
        let c = Cli::try_parse_from(["driver", "--supervise", "mud.dgd", "snap"]).unwrap();
        assert!(c.supervise);
    }
}
