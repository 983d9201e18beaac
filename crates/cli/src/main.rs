//! The `khaldun` command: arguments in, library calls, output out.
//!
//! Exit codes: 0 when every record was processed, 1 when some records
//! failed, 2 on usage or fatal errors.

mod args;
mod batch;
mod cmd;
mod output;

use clap::Parser as _;

fn main() {
    let args = args::Cli::parse();
    match cmd::run(args) {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("khaldun: error: {e:#}");
            std::process::exit(2);
        }
    }
}
