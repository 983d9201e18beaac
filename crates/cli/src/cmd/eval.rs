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
        EvalCommand::Ud { gold, raw, json } => {
            let text = std::fs::read_to_string(&gold)
                .with_context(|| format!("cannot read {}", gold.display()))?;
            let sents =
                khaldun_conllu::parse(&text).with_context(|| format!("{}", gold.display()))?;
            let an = khaldun_analysis::Analyzer::builtin();
            let s = if raw {
                khaldun_eval::ud::eval_raw(&an, &Segmenter::default(), &sents)
                    .with_context(|| format!("{}", gold.display()))?
            } else {
                khaldun_eval::ud::eval_gold_tokens(&an, &sents)
            };
            if json {
                serde_json::to_writer(&mut out, &s)?;
                writeln!(out)?;
            } else {
                writeln!(
                    out,
                    "{} ({})",
                    gold.display(),
                    if raw {
                        "end to end from raw text"
                    } else {
                        "gold tokens"
                    }
                )?;
                writeln!(out, "{:<12} {:>7} {:>7} {:>7}", "metric", "P", "R", "F1")?;
                for (name, p) in [
                    ("sentences", s.sentences),
                    ("words", s.words),
                    ("UPOS", s.upos),
                    ("XPOS", s.xpos),
                    ("FEATS", s.feats),
                    ("lemma", s.lemma),
                    ("UAS", s.uas),
                    ("LAS", s.las),
                    ("UAS-nopunct", s.uas_nopunct),
                    ("LAS-nopunct", s.las_nopunct),
                ] {
                    writeln!(
                        out,
                        "{name:<12} {:>7.2} {:>7.2} {:>7.2}",
                        100.0 * p.precision(),
                        100.0 * p.recall(),
                        100.0 * p.f1()
                    )?;
                }
            }
            out.flush()?;
            Ok(0)
        }
        EvalCommand::Ner { gold, json } => {
            let text = std::fs::read_to_string(&gold)
                .with_context(|| format!("cannot read {}", gold.display()))?;
            let sents =
                khaldun_conllu::parse_iob2(&text).with_context(|| format!("{}", gold.display()))?;
            let s = khaldun_tagger::eval_ner(
                khaldun_tagger::Ner::builtin(),
                khaldun_tagger::Tagger::builtin(),
                &sents,
            );
            let rows = [
                ("PER", s.per_label[0]),
                ("ORG", s.per_label[1]),
                ("LOC", s.per_label[2]),
                ("micro", s.micro),
            ];
            if json {
                let v: serde_json::Map<String, serde_json::Value> = rows
                    .iter()
                    .map(|(n, p)| {
                        let o = serde_json::json!({"gold": p.gold, "predicted": p.predicted, "correct": p.correct,
                            "precision": p.precision(), "recall": p.recall(), "f1": p.f1()});
                        (n.to_string(), o)
                    })
                    .collect();
                serde_json::to_writer(&mut out, &v)?;
                writeln!(out)?;
            } else {
                writeln!(out, "{} (entities: exact span and type)", gold.display())?;
                writeln!(
                    out,
                    "{:<6} {:>7} {:>7} {:>7} {:>6} {:>6} {:>6}",
                    "type", "P", "R", "F1", "gold", "pred", "right"
                )?;
                for (n, p) in rows {
                    writeln!(
                        out,
                        "{n:<6} {:>7.2} {:>7.2} {:>7.2} {:>6} {:>6} {:>6}",
                        100.0 * p.precision(),
                        100.0 * p.recall(),
                        100.0 * p.f1(),
                        p.gold,
                        p.predicted,
                        p.correct
                    )?;
                }
            }
            out.flush()?;
            Ok(0)
        }
    }
}
