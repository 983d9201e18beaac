//! The record loop every article command shares: read records, process
//! documents in parallel batches, write results in input order, account for
//! every record, print the summary.

use crate::output;
use anyhow::Context as _;
use khaldun_ingest::{Record, RecordError};
use khaldun_types::Document;
use rayon::prelude::*;
use std::io::{IsTerminal, Write};

/// Records per parallel batch, and the text bytes at which a batch closes
/// early; bounds memory whatever the input size.
const BATCH_RECORDS: usize = 128;
const BATCH_BYTES: usize = 256 << 10;

pub struct BatchConfig {
    pub fail_fast: bool,
    pub quiet: bool,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub docs: usize,
    pub ok: usize,
    pub errors: usize,
}

impl Summary {
    pub fn exit_code(&self) -> i32 {
        if self.errors > 0 {
            1
        } else {
            0
        }
    }
}

enum Item {
    Doc(Document),
    Err(RecordError),
}

/// Runs `process` over every document of `records`, writing one output
/// record (or error record) per input record to `out`.
pub fn run<I, F>(
    records: I,
    out: &mut dyn Write,
    cfg: &BatchConfig,
    process: F,
) -> anyhow::Result<Summary>
where
    I: Iterator<Item = Record>,
    F: Fn(&Document, &mut Vec<u8>) -> Result<(), String> + Sync,
{
    let bar = progress(cfg.quiet);
    let mut sum = Summary::default();
    let mut batch: Vec<Item> = Vec::with_capacity(BATCH_RECORDS);
    let mut bytes = 0usize;
    let mut records = records.peekable();
    let mut stop = false;
    while !stop {
        batch.clear();
        bytes = 0;
        for rec in records.by_ref() {
            match rec {
                Record::Doc { doc, warnings } => {
                    if !cfg.quiet {
                        for w in warnings {
                            bar.suspend(|| eprintln!("khaldun: warning: {w}"));
                        }
                    }
                    bytes += doc.text.len();
                    batch.push(Item::Doc(doc));
                }
                Record::Error(e) => {
                    let fatal = cfg.fail_fast;
                    batch.push(Item::Err(e));
                    if fatal {
                        break;
                    }
                }
            }
            if batch.len() >= BATCH_RECORDS || bytes >= BATCH_BYTES {
                break;
            }
        }
        if batch.is_empty() {
            break;
        }
        let results: Vec<(Vec<u8>, bool)> = batch
            .par_iter()
            .map(|item| {
                let mut buf = Vec::new();
                match item {
                    // output runs to about 8 bytes per byte of text; growing costs copies
                    Item::Doc(doc) => match process(doc, {
                        buf.reserve(doc.text.len() * 8 + 256);
                        &mut buf
                    }) {
                        Ok(()) => (buf, true),
                        Err(msg) => {
                            buf.clear();
                            output::error_record(
                                &mut buf,
                                &doc.id,
                                "processing",
                                &msg,
                                &doc.id,
                                None,
                                None,
                            );
                            (buf, false)
                        }
                    },
                    Item::Err(e) => {
                        output::error_record(
                            &mut buf,
                            &e.record_id(),
                            &serde_json::to_value(e.kind)
                                .ok()
                                .and_then(|v| v.as_str().map(String::from))
                                .unwrap_or_default(),
                            &e.message,
                            &e.file,
                            e.line,
                            e.offset,
                        );
                        (buf, false)
                    }
                }
            })
            .collect();
        for ((buf, ok), item) in results.iter().zip(&batch) {
            out.write_all(buf).context("cannot write output")?;
            sum.docs += 1;
            if *ok {
                sum.ok += 1;
            } else {
                sum.errors += 1;
                if !cfg.quiet {
                    if let Item::Err(e) = item {
                        bar.suspend(|| eprintln!("khaldun: {e}"));
                    }
                }
                if cfg.fail_fast {
                    stop = true;
                    break;
                }
            }
        }
        bar.set_position(sum.docs as u64);
    }
    let _ = bytes;
    out.flush().context("cannot write output")?;
    bar.finish_and_clear();
    if !cfg.quiet {
        eprintln!(
            "{} documents, {} ok, {} errors",
            sum.docs, sum.ok, sum.errors
        );
    }
    Ok(sum)
}

fn progress(quiet: bool) -> indicatif::ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {pos} documents  {per_sec}  {elapsed}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}
