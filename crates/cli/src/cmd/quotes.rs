//! `khaldun quotes`: quotes with speakers, one JSON line per quote.

use crate::args::QuotesArgs;
use crate::batch::{self, BatchConfig};
use khaldun_actors::{Knowledge, Matcher};
use khaldun_events::Coder;
use std::io::Write;

#[derive(serde::Serialize)]
struct Line<'a> {
    doc_id: &'a str,
    #[serde(flatten)]
    quote: &'a khaldun_events::Quote,
}

pub fn run(a: QuotesArgs, mut out: Box<dyn Write>, quiet: bool) -> anyhow::Result<i32> {
    let matcher = Matcher::new(Knowledge::builtin());
    let coder = Coder::new(&matcher);
    let records = super::records(&a.input)?;
    let cfg = BatchConfig {
        fail_fast: a.input.fail_fast,
        quiet,
    };
    let direct_only = a.direct_only;
    let sum = batch::run(records, &mut out, &cfg, |doc, buf| {
        let coded = coder.code(doc, None);
        for q in coded.quotes.iter().filter(|q| q.direct || !direct_only) {
            let line = Line {
                doc_id: &doc.id,
                quote: q,
            };
            serde_json::to_writer(&mut *buf, &line).map_err(|e| e.to_string())?;
            buf.push(b'\n');
        }
        Ok(())
    })?;
    Ok(sum.exit_code())
}
