//! `khaldun segment`: paragraphs, sentences and tokens as JSON lines.

use crate::args::SegmentArgs;
use crate::batch::{self, BatchConfig};
use crate::output;
use khaldun_text::Segmenter;
use std::io::Write;

pub fn run(a: SegmentArgs, mut out: Box<dyn Write>, quiet: bool) -> anyhow::Result<i32> {
    let records = super::records(&a.input)?;
    let seg = if a.rules_only {
        Segmenter::default().rules_only()
    } else {
        Segmenter::default()
    };
    let cfg = BatchConfig {
        fail_fast: a.input.fail_fast,
        quiet,
    };
    let sum = batch::run(records, &mut out, &cfg, |doc, buf| {
        let s = seg.segment(&doc.text);
        output::segmented(buf, doc, &s);
        Ok(())
    })?;
    Ok(sum.exit_code())
}
