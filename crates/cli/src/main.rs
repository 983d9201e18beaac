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
        // a reader that stops early (`khaldun segment ... | head`) is not an error
        Err(e) if broken_pipe(&e) => std::process::exit(0),
        Err(e) => {
            eprintln!("khaldun: error: {e:#}");
            std::process::exit(2);
        }
    }
}

fn broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
