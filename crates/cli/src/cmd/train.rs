//! `khaldun train ...`: models from gold data.

use crate::args::TrainCommand;
use khaldun_text::boundary::{self, TrainParagraph};
use khaldun_text::{Lexicon, Segmenter};
use std::io::Write;

pub fn run(cmd: TrainCommand, mut out: Box<dyn Write>, quiet: bool) -> anyhow::Result<i32> {
    match cmd {
        TrainCommand::Boundary {
            gold,
            news,
            news_limit,
            epochs,
            seed,
        } => {
            let docs = super::gold_docs(&gold)?;
            // Paragraph tokens as the rules-only segmenter sees them; gold
            // sentence starts mark the positive gaps.
            let seg = Segmenter::default().rules_only();
            let mut paras = Vec::new();
            for d in &docs {
                let starts: std::collections::HashSet<u32> =
                    d.sentences.iter().map(|s| s.start).collect();
                let s = seg.segment(&d.text);
                for pi in 0..s.paragraphs.len() {
                    let tokens: Vec<_> = s
                        .sentences
                        .iter()
                        .filter(|x| x.paragraph as usize == pi)
                        .flat_map(|x| x.tokens.iter().copied())
                        .collect();
                    let first = tokens.iter().position(|t| starts.contains(&t.span.start));
                    let starts = tokens
                        .iter()
                        .enumerate()
                        .filter(|(i, t)| Some(*i) != first && starts.contains(&t.span.start))
                        .map(|(i, _)| i)
                        .collect();
                    paras.push(TrainParagraph {
                        text: &d.text,
                        tokens,
                        starts,
                    });
                }
            }
            let mut news_docs = Vec::new();
            for n in &news {
                let opts = khaldun_ingest::ReaderOptions::default();
                for rec in khaldun_ingest::Reader::new(vec![khaldun_ingest::Input::path(n)], opts) {
                    match rec {
                        khaldun_ingest::Record::Doc { doc, .. } => news_docs.push(doc.text),
                        khaldun_ingest::Record::Error(e) => anyhow::bail!("{e}"),
                    }
                }
            }
            news_docs.truncate(news_limit.unwrap_or(usize::MAX));
            for text in &news_docs {
                let s = seg.segment(text);
                for (pi, p) in s.paragraphs.iter().enumerate() {
                    if p.kind != khaldun_types::ParagraphKind::Body {
                        continue;
                    }
                    let sents: Vec<_> = s
                        .sentences
                        .iter()
                        .filter(|x| x.paragraph as usize == pi)
                        .collect();
                    let mut tokens = Vec::new();
                    let mut starts = Vec::new();
                    for x in &sents {
                        if !tokens.is_empty() {
                            starts.push(tokens.len());
                        }
                        tokens.extend(x.tokens.iter().copied());
                    }
                    paras.push(TrainParagraph {
                        text,
                        tokens,
                        starts,
                    });
                }
            }
            let model = boundary::train(&paras, Lexicon::builtin(), epochs, seed);
            out.write_all(&model.to_bytes())?;
            out.flush()?;
            if !quiet {
                eprintln!(
                    "trained on {} paragraphs of {} documents, {epochs} epochs, seed {seed}",
                    paras.len(),
                    docs.len()
                );
            }
            Ok(0)
        }
        TrainCommand::Tagger {
            train,
            epochs,
            seed,
        } => {
            let sents = read_all(&train, super::read_conllu)?;
            let opts = khaldun_tagger::TrainOptions {
                epochs,
                seed,
                ..Default::default()
            };
            let model = khaldun_tagger::train_tagger(&sents, &opts);
            let note = format!(
                "trained the tagger on {} sentences, {epochs} epochs, seed {seed}",
                sents.len()
            );
            save(&mut out, &model.to_bytes(), quiet, &note)
        }
        TrainCommand::Parser {
            train,
            folds,
            epochs,
            seed,
        } => {
            let mut sents: Vec<khaldun_conllu::Sentence> = read_all(&train, super::read_conllu)?;
            if folds > 0 {
                let acc = khaldun_parser::jackknife_tags(&mut sents, folds, seed);
                if !quiet {
                    eprintln!(
                        "jackknifed {folds}-fold tags: XPOS accuracy {:.2}%",
                        100.0 * acc
                    );
                }
            }
            let opts = khaldun_parser::TrainOptions {
                epochs,
                seed,
                ..Default::default()
            };
            let model = khaldun_parser::train_parser(&sents, &opts);
            let note = format!(
                "trained the parser on {} sentences, {epochs} epochs, seed {seed}",
                sents.len()
            );
            save(&mut out, &model.to_bytes(), quiet, &note)
        }
        TrainCommand::Ner {
            train,
            epochs,
            seed,
        } => {
            let sents = read_all(&train, super::read_iob2)?;
            let opts = khaldun_tagger::TrainOptions {
                epochs,
                seed,
                ..Default::default()
            };
            let model = khaldun_tagger::train_ner(&sents, khaldun_tagger::Tagger::builtin(), &opts);
            let note = format!(
                "trained NER on {} sentences, {epochs} epochs, seed {seed}",
                sents.len()
            );
            save(&mut out, &model.to_bytes(), quiet, &note)
        }
    }
}

/// Writes a trained model and says what was trained.
fn save(out: &mut Box<dyn Write>, bytes: &[u8], quiet: bool, note: &str) -> anyhow::Result<i32> {
    out.write_all(bytes)?;
    out.flush()?;
    if !quiet {
        eprintln!("{note}");
    }
    Ok(0)
}

/// Reads and concatenates training files with `read`.
fn read_all<T: Clone>(
    files: &[std::path::PathBuf],
    read: fn(&std::path::Path) -> anyhow::Result<Vec<T>>,
) -> anyhow::Result<Vec<T>> {
    Ok(files
        .iter()
        .map(|f| read(f))
        .collect::<anyhow::Result<Vec<_>>>()?
        .concat())
}
