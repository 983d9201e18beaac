//! One module per subcommand.

mod actors;
mod code;
mod dict;
mod eval;
mod parse;
mod quotes;
mod segment;
mod train;

use crate::args::{Cli, Command, InputArgs, InputFormat};
use anyhow::Context as _;
use khaldun_ingest::{FieldNames, Format, Input, Reader, ReaderOptions, Record};
use std::io::Write;

pub fn run(cli: Cli) -> anyhow::Result<i32> {
    let out = open_output(cli.output.as_deref())?;
    match cli.command {
        Command::Segment(a) => segment::run(a, out, cli.quiet),
        Command::Parse(a) => parse::run(a, out, cli.quiet),
        Command::Actors(a) => actors::run(a, out, cli.quiet),
        Command::Code(a) => code::run(a, out, cli.quiet),
        Command::Quotes(a) => quotes::run(a, out, cli.quiet),
        Command::Eval(e) => eval::run(e, out),
        Command::Dict(d) => dict::run(d, out, cli.quiet),
        Command::Train(t) => {
            anyhow::ensure!(
                cli.output.is_some(),
                "train writes a binary model: give --output FILE"
            );
            train::run(t, out, cli.quiet)
        }
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

/// The built-in example article (written for khaldun; see data/examples/).
pub const EXAMPLE: &str = include_str!("../../../../data/examples/ankara-talks.txt");

/// The records to process: the inputs, or the built-in example.
pub fn records(a: &InputArgs) -> anyhow::Result<Box<dyn Iterator<Item = Record>>> {
    let reader = reader(a)?;
    if a.example {
        let doc = khaldun_types::Document {
            id: "example:ankara-talks".into(),
            date: Some(a.date.clone().unwrap_or_else(|| "2026-11-24".into())),
            title: Some("Turkey and Greece agree to resume maritime talks".into()),
            text: EXAMPLE.to_string(),
            ..Default::default()
        };
        return Ok(Box::new(std::iter::once(Record::Doc {
            doc,
            warnings: Vec::new(),
        })));
    }
    Ok(Box::new(reader))
}

/// Builds the record reader from the input flags.
pub fn reader(a: &InputArgs) -> anyhow::Result<Reader> {
    if let Some(d) = &a.date {
        let num = |r: std::ops::Range<usize>| d.get(r).and_then(|s| s.parse::<u8>().ok());
        let ok = d.len() == 10
            && khaldun_ingest::normalize_date(d) == *d
            && d.as_bytes()[4] == b'-'
            && matches!(num(5..7), Some(1..=12))
            && matches!(num(8..10), Some(1..=31));
        anyhow::ensure!(ok, "--date must be YYYY-MM-DD, got {d:?}");
    }
    // spans are u32 byte offsets
    anyhow::ensure!(
        a.max_record_bytes > 0 && a.max_record_bytes < u32::MAX as usize,
        "--max-record-bytes must be between 1 and {}",
        u32::MAX - 1
    );
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

/// The actor matcher: built-in knowledge, plus a PETRARCH dictionary
/// folder when given (warning on stderr about entries left out, unless quiet).
pub fn matcher(
    petrarch_dicts: Option<&std::path::Path>,
    quiet: bool,
) -> anyhow::Result<khaldun_actors::Matcher> {
    let k = khaldun_actors::Knowledge::builtin();
    Ok(match petrarch_dicts {
        Some(dir) => {
            let p = khaldun_actors::PetrarchSet::read_dir(dir).with_context(|| {
                format!("cannot read PETRARCH dictionaries in {}", dir.display())
            })?;
            if !quiet && !p.warnings.is_empty() {
                eprintln!(
                    "khaldun: {} PETRARCH entries left out or guessed (see `khaldun dict convert`)",
                    p.warnings.len()
                );
            }
            khaldun_actors::Matcher::with_petrarch(k, &p)
        }
        None => khaldun_actors::Matcher::new(k),
    })
}

/// PETRARCH2 verb patterns in place of the built-in ones, when given.
pub fn petrarch_verbs(
    path: Option<&std::path::Path>,
) -> anyhow::Result<Option<khaldun_events::Patterns>> {
    path.map(|v| {
        khaldun_events::Patterns::with_petrarch_verbs(v)
            .with_context(|| format!("cannot read PETRARCH verbs {}", v.display()))
    })
    .transpose()
}

/// Reads a CoNLL-U file, naming it in errors.
pub fn read_conllu(p: &std::path::Path) -> anyhow::Result<Vec<khaldun_conllu::Sentence>> {
    let text =
        std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?;
    khaldun_conllu::parse(&text).with_context(|| format!("{}", p.display()))
}

/// Reads an IOB2 file, naming it in errors.
pub fn read_iob2(p: &std::path::Path) -> anyhow::Result<Vec<khaldun_conllu::IobSentence>> {
    let text =
        std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?;
    khaldun_conllu::parse_iob2(&text).with_context(|| format!("{}", p.display()))
}

/// Documents rebuilt from CoNLL-U gold files (text, word and sentence spans).
pub fn gold_docs(
    files: &[std::path::PathBuf],
) -> anyhow::Result<Vec<khaldun_eval::segment::GoldDoc>> {
    let mut docs = Vec::new();
    for f in files {
        let sents = read_conllu(f)?;
        docs.extend(
            khaldun_eval::segment::rebuild(&sents).with_context(|| format!("{}", f.display()))?,
        );
    }
    Ok(docs)
}
