//! `khaldun eval ...`: scores against gold data.

use crate::args::EvalCommand;
use anyhow::Context as _;
use khaldun_eval::segment;
use khaldun_text::Segmenter;
use std::io::Write;

pub fn run(cmd: EvalCommand, mut out: Box<dyn Write>) -> anyhow::Result<i32> {
    match cmd {
        EvalCommand::Segment {
            gold,
            show_errors,
            json,
            rules_only,
        } => {
            let mut docs = Vec::new();
            for g in &gold {
                let text = std::fs::read_to_string(g)
                    .with_context(|| format!("cannot read {}", g.display()))?;
                let sents =
                    khaldun_conllu::parse(&text).with_context(|| format!("{}", g.display()))?;
                docs.extend(segment::rebuild(&sents).with_context(|| format!("{}", g.display()))?);
            }
            let seg = if rules_only {
                Segmenter::default().rules_only()
            } else {
                Segmenter::default()
            };
            let s = segment::evaluate(&docs, &seg, show_errors);
            if json {
                serde_json::to_writer(&mut out, &s)?;
                writeln!(out)?;
            } else {
                writeln!(out, "documents  {}", s.documents)?;
                for (name, p) in [("tokens", s.tokens), ("sentences", s.sentences)] {
                    writeln!(
                        out,
                        "{name:<10} P {:6.2}  R {:6.2}  F1 {:6.2}   (gold {}, predicted {}, correct {})",
                        100.0 * p.precision(),
                        100.0 * p.recall(),
                        100.0 * p.f1(),
                        p.gold,
                        p.predicted,
                        p.correct
                    )?;
                }
                for (g, near) in s.sentence_errors.iter().take(show_errors) {
                    writeln!(out, "SENT gold: {g:?}\n     got:  {near:?}")?;
                }
                for t in s.token_errors.iter().take(show_errors) {
                    writeln!(out, "TOKEN {t}")?;
                }
            }
            out.flush()?;
            Ok(0)
        }
    }
}
