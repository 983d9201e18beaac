//! One module per subcommand.

mod eval;
mod segment;

use crate::args::{Cli, Command, InputArgs, InputFormat};
use anyhow::Context as _;
use khaldun_ingest::{FieldNames, Format, Input, Reader, ReaderOptions};
use std::io::Write;

pub fn run(cli: Cli) -> anyhow::Result<i32> {
    let out = open_output(cli.output.as_deref())?;
    match cli.command {
        Command::Segment(a) => segment::run(a, out, cli.quiet),
        Command::Eval(e) => eval::run(e, out),
    }
}

fn open_output(path: Option<&std::path::Path>) -> anyhow::Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::with_capacity(
            1 << 20,
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::with_capacity(
            1 << 20,
            std::io::stdout().lock(),
        )),
    })
}

/// Builds the record reader from the input flags.
pub fn reader(a: &InputArgs) -> anyhow::Result<Reader> {
    if let Some(d) = &a.date {
        let ok =
            d.len() == 10 && khaldun_ingest::normalize_date(d) == *d && d.as_bytes()[4] == b'-';
        anyhow::ensure!(ok, "--date must be YYYY-MM-DD, got {d:?}");
    }
    if let Some(n) = a.threads {
        anyhow::ensure!(n > 0, "--threads must be at least 1");
        // ignore "already initialized": only the first call sets the pool size
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
    let opts = ReaderOptions {
        format: a.format_in.map(|f| match f {
            InputFormat::Text => Format::Text,
            InputFormat::Jsonl => Format::JsonLines,
            InputFormat::Html => Format::Html,
        }),
        fields: FieldNames {
            id: a.id_field.clone(),
            text: a.text_field.clone(),
            date: a.date_field.clone(),
            title: a.title_field.clone(),
            ..FieldNames::default()
        },
        lossy: a.lossy,
        max_record_bytes: a.max_record_bytes,
        default_date: a.date.clone(),
    };
    let inputs = a.inputs.iter().map(Input::path).collect();
    Ok(Reader::new(inputs, opts))
}
