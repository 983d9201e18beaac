//! `khaldun code`: events from articles, as event lines, documents, a
//! Phoenix-style table or PLOVER records.

use crate::args::{CodeArgs, CodeFormat};
use crate::batch::{self, BatchConfig};
use anyhow::Context as _;
use khaldun_events::{Coder, Event, Options};
use std::io::Write;

pub fn run(a: CodeArgs, mut out: Box<dyn Write>, quiet: bool) -> anyhow::Result<i32> {
    let matcher = super::matcher(a.petrarch_dicts.as_deref(), quiet)?;
    let verbs = super::petrarch_verbs(a.petrarch_verbs.as_deref())?;
    let mut coder = Coder::new(&matcher);
    if let Some(v) = &verbs {
        coder.patterns = v;
    }
    coder.options = Options {
        all_paragraphs: a.all_paragraphs,
        keep_negated: a.keep_negated,
        agent_over_lists: true,
    };
    let records = super::records(&a.input)?;
    let cfg = BatchConfig {
        fail_fast: a.input.fail_fast,
        quiet,
    };
    let format = a.format;
    if format == CodeFormat::Tsv {
        out.write_all(TSV_HEADER.as_bytes())
            .context("cannot write output")?;
    }
    let sum = batch::run(records, &mut out, &cfg, |doc, buf| {
        let coded = coder.code(doc, None);
        let line = |buf: &mut Vec<u8>, v: &dyn erased::Ser| -> Result<(), String> {
            v.write(buf).map_err(|e| e.to_string())?;
            buf.push(b'\n');
            Ok(())
        };
        match format {
            CodeFormat::Events => {
                for e in &coded.events {
                    line(buf, e)?;
                }
            }
            CodeFormat::Docs => line(buf, &coded)?,
            CodeFormat::Tsv => {
                for e in &coded.events {
                    tsv(buf, e);
                }
            }
            CodeFormat::Plover => {
                for (i, e) in coded.events.iter().enumerate() {
                    line(buf, &plover(e, i))?;
                }
            }
        }
        Ok(())
    })?;
    Ok(sum.exit_code())
}

/// Serializes any record as one JSON value.
mod erased {
    pub trait Ser {
        fn write(&self, buf: &mut Vec<u8>) -> serde_json::Result<()>;
    }
    impl<T: serde::Serialize> Ser for T {
        fn write(&self, buf: &mut Vec<u8>) -> serde_json::Result<()> {
            serde_json::to_writer(buf, self)
        }
    }
}

const TSV_HEADER: &str = "doc_id\tsentence\tdate\tsource\tsource_country\ttarget\ttarget_country\tcameo\troot\tquad_class\tgoldstein\tplover\tmode\tnegated\tmodality\ttrigger\tsentence_text\n";

/// Tabs and line breaks in text become spaces, so every event is one row.
fn field(buf: &mut Vec<u8>, s: &str) {
    for c in s.chars() {
        let c = if matches!(c, '\t' | '\n' | '\r') {
            ' '
        } else {
            c
        };
        let mut b = [0u8; 4];
        buf.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
    }
    buf.push(b'\t');
}

fn tsv(buf: &mut Vec<u8>, e: &Event) {
    let (sc, scn) = e
        .source
        .as_ref()
        .map_or(("", ""), |a| (a.code.as_str(), a.country.as_str()));
    let (tc, tcn) = e
        .target
        .as_ref()
        .map_or(("", ""), |a| (a.code.as_str(), a.country.as_str()));
    field(buf, &e.doc_id);
    field(buf, &e.sentence.to_string());
    field(buf, e.date.as_deref().unwrap_or(""));
    field(buf, sc);
    field(buf, scn);
    field(buf, tc);
    field(buf, tcn);
    field(buf, &e.cameo);
    field(buf, &e.root);
    field(buf, &e.quad_class.to_string());
    field(buf, &e.goldstein.to_string());
    field(buf, e.plover.event.unwrap_or(""));
    field(buf, e.plover.mode.as_deref().unwrap_or(""));
    field(buf, if e.negated { "1" } else { "0" });
    field(buf, e.modality.as_str());
    field(buf, &e.evidence.trigger);
    field(buf, &e.sentence_text);
    buf.pop();
    buf.push(b'\n');
}

/// A PLOVER-style record.
#[derive(serde::Serialize)]
struct PloverRecord<'a> {
    id: String,
    date: Option<&'a str>,
    event: Option<&'a str>,
    mode: Option<&'a str>,
    context: Option<&'a str>,
    actor: Option<&'a str>,
    actor_country: Option<&'a str>,
    actor_sectors: Vec<&'a str>,
    recipient: Option<&'a str>,
    recipient_country: Option<&'a str>,
    recipient_sectors: Vec<&'a str>,
    negated: bool,
    modality: &'static str,
    cameo: &'a str,
    text: &'a str,
    evidence: &'a str,
}

fn plover(e: &Event, i: usize) -> PloverRecord<'_> {
    PloverRecord {
        id: format!("{}-{}-{}", e.doc_id, e.sentence, i),
        date: e.date.as_deref(),
        event: e.plover.event,
        mode: e.plover.mode.as_deref(),
        context: e.plover.context.as_deref(),
        actor: e.source.as_ref().map(|a| a.name.as_str()),
        actor_country: e.source.as_ref().map(|a| a.country.as_str()),
        actor_sectors: e.source.as_ref().map_or(Vec::new(), |a| {
            a.sectors.iter().map(String::as_str).collect()
        }),
        recipient: e.target.as_ref().map(|a| a.name.as_str()),
        recipient_country: e.target.as_ref().map(|a| a.country.as_str()),
        recipient_sectors: e.target.as_ref().map_or(Vec::new(), |a| {
            a.sectors.iter().map(String::as_str).collect()
        }),
        negated: e.negated,
        modality: e.modality.as_str(),
        cameo: &e.cameo,
        text: &e.sentence_text,
        evidence: &e.evidence.text,
    }
}
