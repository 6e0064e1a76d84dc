//! The `driver` binary: `driver config.dgd [statedump [secondary]]`.

use anyhow::Context;
use clap::Parser;
use driver::cli::Cli;
use driver::config::Config;
use driver::log;

fn main() {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("Config error: {e:#}");
            std::process::exit(2);
        }
    }
}

fn run(cli: &Cli) -> anyhow::Result<i32> {
    let config = Config::load(&cli.config)?;
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
        return driver::supervisor::run(&config, &args);
    }
    driver::run_with_vm(config, cli)
}
