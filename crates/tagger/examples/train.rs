//! Trains the tagger on UD English EWT train and the NER model on UNER
//! English EWT, prints dev/test figures and writes `models/*.bin`.
//!
//! ```text
//! cargo run --release --example train -p khaldun-tagger -- [--epochs N] [--one-pass]
//!     [--tagger-only | --ner-only] [--ner-split dev|dev+test-even|dev+test-docs]
//!     [--pass2-margin X] [--no-write] [--cv K]
//! ```
//! `--cv K`: K-fold cross-validation (by document) on the NER training part
//! of the split; prints its scores, sentence by sentence and with the
//! document-level step, and stops (nothing written, held-out part not
//! scored). The held-out part is also scored both ways.
//! `--ner-split dev` (default): NER trains on UNER dev, reports on UNER test.
//! `dev+test-even`: trains on dev plus test sentences with an odd index
//! (1-based: 1st, 3rd, ...), reports on the even-indexed half of test
//! (leaky: neighbouring sentences of one document share names).
//! `dev+test-docs`: trains on dev plus the 1st, 3rd, 5th, ... test documents,
//! reports on the 2nd, 4th, ... documents.

use std::time::Instant;

use khaldun_tagger::{
    eval_ner, eval_ner_documents, eval_tagger, train_ner, train_tagger, Ner, TagScores, Tagger,
    TrainOptions,
};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");
const MODELS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/models");

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{DATA}/{path}"))
        .unwrap_or_else(|e| panic!("{DATA}/{path}: {e}"))
}

fn show(name: &str, s: &TagScores) {
    println!(
        "{name}: {} words  UPOS {:.2}  XPOS {:.2}  FEATS {:.2}  AllTags {:.2}  Lemma {:.2}",
        s.tokens, s.upos, s.xpos, s.feats, s.all_tags, s.lemma
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |f: &str| args.iter().any(|a| a == f);
    let value = |f: &str| {
        args.iter()
            .position(|a| a == f)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let mut opts = TrainOptions {
        verbose: true,
        ..TrainOptions::default()
    };
    if let Some(e) = value("--epochs") {
        opts.epochs = e.parse().expect("--epochs N");
    }
    if let Some(e) = value("--dict-min") {
        opts.dict_min_count = e.parse().expect("--dict-min N");
    }
    if let Some(e) = value("--fixed-min") {
        opts.fixed_min_count = e.parse().expect("--fixed-min N");
    }
    if let Some(e) = value("--min-weight") {
        opts.min_weight = e.parse().expect("--min-weight N");
    }
    if let Some(e) = value("--dropout-max") {
        opts.dropout_max_count = e.parse().expect("--dropout-max N");
    }
    if let Some(e) = value("--dropout-p") {
        opts.dropout_p = e.parse().expect("--dropout-p P");
    }
    if let Some(e) = value("--seed") {
        opts.seed = e.parse().expect("--seed N");
    }
    if let Some(e) = value("--runs") {
        opts.runs = e.parse().expect("--runs N");
    }
    if let Some(e) = value("--ner-beam") {
        opts.ner_beam = e.parse().expect("--ner-beam N");
    }
    opts.two_pass = !flag("--one-pass");
    let write = !flag("--no-write");

    let dev = khaldun_conllu::parse(&read("ud-english-ewt/en_ewt-ud-dev.conllu")).expect("dev");
    let test = khaldun_conllu::parse(&read("ud-english-ewt/en_ewt-ud-test.conllu")).expect("test");
    let tagger = if flag("--ner-only") {
        let bytes = std::fs::read(format!("{MODELS}/tagger.bin")).expect("models/tagger.bin");
        let t0 = Instant::now();
        let t = Tagger::from_bytes(&bytes).expect("model");
        println!(
            "tagger model {} bytes, loads in {:.1} ms",
            bytes.len(),
            t0.elapsed().as_secs_f64() * 1e3
        );
        t
    } else {
        let train =
            khaldun_conllu::parse(&read("ud-english-ewt/en_ewt-ud-train.conllu")).expect("train");
        let t0 = Instant::now();
        let tagger = train_tagger(&train, &opts);
        println!(
            "tagger trained in {:.1}s, features {:?}",
            t0.elapsed().as_secs_f64(),
            tagger.n_features()
        );
        let bytes = tagger.to_bytes();
        let t0 = Instant::now();
        let loaded = Tagger::from_bytes(&bytes).expect("round trip");
        println!(
            "tagger model {} bytes, loads in {:.1} ms",
            bytes.len(),
            t0.elapsed().as_secs_f64() * 1e3
        );
        if write {
            std::fs::write(format!("{MODELS}/tagger.bin"), &bytes).expect("write tagger.bin");
        }
        loaded
    };
    let mut tagger = tagger;
    if let Some(m) = value("--pass2-margin") {
        tagger.set_pass2_margin(m.parse().expect("--pass2-margin X"));
        if write {
            std::fs::write(format!("{MODELS}/tagger.bin"), tagger.to_bytes())
                .expect("write tagger.bin");
        }
    }
    show("dev ", &eval_tagger(&tagger, &dev));
    let t0 = Instant::now();
    let ts = eval_tagger(&tagger, &test);
    show("test", &ts);
    println!(
        "(tagging test took {:.0} ms)",
        t0.elapsed().as_secs_f64() * 1e3
    );
    if flag("--tagger-only") {
        return;
    }

    let udev =
        khaldun_conllu::parse_iob2(&read("uner-english-ewt/en_ewt-ud-dev.iob2")).expect("uner dev");
    let utest = khaldun_conllu::parse_iob2(&read("uner-english-ewt/en_ewt-ud-test.iob2"))
        .expect("uner test");
    let split = value("--ner-split").unwrap_or_else(|| "dev".into());
    let (ntrain, neval) = match split.as_str() {
        "dev" => (udev, utest),
        "dev+test-even" => {
            let mut tr = udev;
            let mut ev = Vec::new();
            for (i, s) in utest.into_iter().enumerate() {
                if i % 2 == 0 {
                    tr.push(s);
                } else {
                    ev.push(s);
                }
            }
            (tr, ev)
        }
        "dev+test-docs" => {
            // Whole documents (sent_id minus its "-NNNN" suffix), alternating:
            // no document is split between training and evaluation.
            let mut tr = udev;
            let mut ev = Vec::new();
            let (mut doc, mut k) = (String::new(), 0usize);
            for s in utest {
                let id = s.sent_id.clone().unwrap_or_default();
                let d = id
                    .rsplit_once('-')
                    .map_or(id.as_str(), |(a, _)| a)
                    .to_string();
                if d != doc {
                    doc = d;
                    k += 1;
                }
                if k % 2 == 1 {
                    tr.push(s);
                } else {
                    ev.push(s);
                }
            }
            (tr, ev)
        }
        other => panic!("unknown --ner-split {other}"),
    };
    if let Some(k) = value("--cv") {
        // K-fold cross-validation over the training part only, whole
        // documents per fold (document number mod K): for choosing features
        // without looking at the held-out part.
        let k: usize = k.parse().expect("--cv K");
        let mut fold = Vec::with_capacity(ntrain.len());
        let (mut doc, mut d) = (String::new(), 0usize);
        for s in &ntrain {
            let id = s.sent_id.clone().unwrap_or_default();
            let name = id.rsplit_once('-').map_or(id.as_str(), |(a, _)| a);
            if name != doc {
                doc = name.to_string();
                d += 1;
            }
            fold.push(d % k);
        }
        let mut total = khaldun_tagger::NerScores::default();
        // the same folds with the document-level step (`harmonize_entities`)
        let mut doc_total = khaldun_tagger::NerScores::default();
        let add = |t: &mut khaldun_tagger::NerScores, sc: &khaldun_tagger::NerScores| {
            for (t, p) in t
                .per_label
                .iter_mut()
                .chain(std::iter::once(&mut t.micro))
                .zip(sc.per_label.iter().chain(std::iter::once(&sc.micro)))
            {
                t.gold += p.gold;
                t.predicted += p.predicted;
                t.correct += p.correct;
            }
        };
        let quiet = TrainOptions {
            verbose: false,
            ..opts.clone()
        };
        for f in 0..k {
            let tr: Vec<_> = (0..ntrain.len())
                .filter(|&i| fold[i] != f)
                .map(|i| ntrain[i].clone())
                .collect();
            let ev: Vec<_> = (0..ntrain.len())
                .filter(|&i| fold[i] == f)
                .map(|i| ntrain[i].clone())
                .collect();
            let ner = train_ner(&tr, &tagger, &quiet);
            add(&mut total, &eval_ner(&ner, &tagger, &ev));
            add(&mut doc_total, &eval_ner_documents(&ner, &tagger, &ev));
        }
        for (name, total) in [("", &total), (", document level", &doc_total)] {
            println!(
                "NER {k}-fold cross-validation on the training part ({} sentences){name}:",
                ntrain.len()
            );
            print!("{total}");
        }
        return;
    }
    let t0 = Instant::now();
    let ner = train_ner(&ntrain, &tagger, &opts);
    println!(
        "NER trained on {} sentences in {:.1}s",
        ntrain.len(),
        t0.elapsed().as_secs_f64()
    );
    let bytes = ner.to_bytes();
    let t0 = Instant::now();
    let ner = Ner::from_bytes(&bytes).expect("round trip");
    println!(
        "ner model {} bytes, loads in {:.1} ms",
        bytes.len(),
        t0.elapsed().as_secs_f64() * 1e3
    );
    if write {
        std::fs::write(format!("{MODELS}/ner.bin"), &bytes).expect("write ner.bin");
    }
    let sentence_level = eval_ner(&ner, &tagger, &neval);
    let document_level = eval_ner_documents(&ner, &tagger, &neval);
    for (name, sc) in [("", sentence_level), (", document level", document_level)] {
        println!(
            "NER held out ({} sentences, split {split}){name}:",
            neval.len()
        );
        print!("{sc}");
    }
}
