//! Trains the tagger on UD English EWT train and the NER model on UNER
//! English EWT, prints dev/test figures and writes `models/*.bin`.
//!
//! ```text
//! cargo run --release --example train -p khaldun-tagger -- [--epochs N] [--one-pass]
//!     [--tagger-only | --ner-only] [--ner-split dev|dev+test-even|dev+test-docs]
//!     [--pass2-margin X] [--no-write] [--cv K]
//! ```
//! `--cv K`: K-fold cross-validation (by document) on the NER training part
//! of the split; prints its scores and stops (nothing written, held-out part
//! not scored).
//! `--ner-split dev` (default): NER trains on UNER dev, reports on UNER test.
//! `dev+test-even`: trains on dev plus test sentences with an odd index
//! (1-based: 1st, 3rd, ...), reports on the even-indexed half of test
//! (leaky: neighbouring sentences of one document share names).
//! `dev+test-docs`: trains on dev plus the 1st, 3rd, 5th, ... test documents,
//! reports on the 2nd, 4th, ... documents.

use std::time::Instant;

use khaldun_conllu::IobSentence;
use khaldun_tagger::{
    document_bits, eval_ner, eval_ner_documents_with, eval_tagger, harmonize_entities,
    spans_from_bio, train_ner, train_ner_with_bits, train_tagger, DocOptions, EntityLabel,
    EntitySpan, Ner, TagScores, Tagger, TrainOptions,
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
        let mut docnum = Vec::with_capacity(ntrain.len());
        let (mut doc, mut d) = (String::new(), 0usize);
        for s in &ntrain {
            let id = s.sent_id.clone().unwrap_or_default();
            let name = id.rsplit_once('-').map_or(id.as_str(), |(a, _)| a);
            if name != doc {
                doc = name.to_string();
                d += 1;
            }
            fold.push(d % k);
            docnum.push(d);
        }
        let mut total = khaldun_tagger::NerScores::default();
        // the document-level step's variants, scored on the same folds
        let d = DocOptions::default();
        let variants = [
            ("document level", d),
            (
                "relabel only",
                DocOptions {
                    propagate: false,
                    ..d
                },
            ),
            (
                "propagate only",
                DocOptions {
                    relabel: false,
                    ..d
                },
            ),
            (
                "no initial guard",
                DocOptions {
                    guard_initial: false,
                    ..d
                },
            ),
            (
                "no cap needed",
                DocOptions {
                    need_cap: false,
                    ..d
                },
            ),
            (
                "no neighbour guard",
                DocOptions {
                    guard_neighbours: false,
                    ..d
                },
            ),
            ("+ surname", DocOptions { surname: true, ..d }),
            (
                "fold case",
                DocOptions {
                    fold_case: true,
                    ..d
                },
            ),
            (
                "fold case, no cap",
                DocOptions {
                    fold_case: true,
                    need_cap: false,
                    ..d
                },
            ),
            (
                "fold case, no cap, common",
                DocOptions {
                    fold_case: true,
                    need_cap: false,
                    guard_common: true,
                    ..d
                },
            ),
            (
                "fold, no cap, common, no nb",
                DocOptions {
                    fold_case: true,
                    need_cap: false,
                    guard_common: true,
                    guard_neighbours: false,
                    ..d
                },
            ),
            (
                "no cap, no neighbour guard",
                DocOptions {
                    need_cap: false,
                    guard_neighbours: false,
                    ..d
                },
            ),
            (
                "no guards",
                DocOptions {
                    need_cap: false,
                    guard_neighbours: false,
                    guard_initial: false,
                    ..d
                },
            ),
        ];
        let mut stack_totals = vec![khaldun_tagger::NerScores::default(); 4];
        let mut doc_totals = vec![khaldun_tagger::NerScores::default(); variants.len()];
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
            if flag("--stack") {
                // second pass on document bits, trained on jackknifed
                // first-pass predictions of the training folds
                let trd: Vec<usize> = (0..ntrain.len())
                    .filter(|&i| fold[i] != f)
                    .map(|i| docnum[i])
                    .collect();
                let mut jack: Vec<Vec<EntitySpan>> = vec![Vec::new(); tr.len()];
                for g in 0..5 {
                    let inner = |i: usize| (trd[i] / k) % 5 == g;
                    let part: Vec<_> = (0..tr.len())
                        .filter(|&i| !inner(i))
                        .map(|i| tr[i].clone())
                        .collect();
                    let m = train_ner(&part, &tagger, &quiet);
                    for i in (0..tr.len()).filter(|&i| inner(i)) {
                        jack[i] = predict(&m, &tagger, &tr[i]);
                    }
                }
                let trbits = doc_bits(&tr, &jack);
                let m2 = train_ner_with_bits(&tr, &tagger, &quiet, &|s, _, i| trbits[s][i]);
                let p1: Vec<_> = ev.iter().map(|s| predict(&ner, &tagger, s)).collect();
                let evbits = doc_bits(&ev, &p1);
                let p2: Vec<Vec<EntitySpan>> = ev
                    .iter()
                    .zip(&evbits)
                    .map(|(s, b)| {
                        let words: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
                        let upos: Vec<&str> = tagger.tag(&words).iter().map(|t| t.upos).collect();
                        m2.tag_with_gazetteer(&words, &upos, b)
                    })
                    .collect();
                add(&mut stack_totals[0], &score_preds(&ev, &p2));
                // the second pass only where the document says something
                let p3: Vec<Vec<EntitySpan>> = p1
                    .iter()
                    .zip(&p2)
                    .zip(&evbits)
                    .map(|((a, b), bits)| {
                        if bits.iter().any(|&x| x != 0) {
                            b.clone()
                        } else {
                            a.clone()
                        }
                    })
                    .collect();
                add(&mut stack_totals[1], &score_preds(&ev, &p3));
                let mut p4 = p2.clone();
                harmonize_groups(&ev, &mut p4);
                add(&mut stack_totals[2], &score_preds(&ev, &p4));
                let mut p5 = p3.clone();
                harmonize_groups(&ev, &mut p5);
                add(&mut stack_totals[3], &score_preds(&ev, &p5));
            }
            if flag("--doc-variants") {
                for ((_, o), t) in variants.iter().zip(doc_totals.iter_mut()) {
                    add(t, &eval_ner_documents_with(&ner, &tagger, &ev, *o));
                }
            }
        }
        if flag("--stack") {
            for (name, t) in [
                "stacked",
                "stacked where bits",
                "stacked + harmonize",
                "stacked where bits + harm.",
            ]
            .iter()
            .zip(&stack_totals)
            {
                let f = |l| t.label(l).f1();
                println!(
                    "  {name:<28} PER {:.2}  ORG {:.2}  LOC {:.2}  micro P {:.2}  R {:.2}  F1 {:.2}",
                    f(EntityLabel::Per),
                    f(EntityLabel::Org),
                    f(EntityLabel::Loc),
                    t.micro.precision(),
                    t.micro.recall(),
                    t.micro.f1()
                );
            }
        }
        if flag("--doc-variants") {
            for ((name, _), t) in variants.iter().zip(&doc_totals) {
                let f = |l| t.label(l).f1();
                println!(
                    "  {name:<28} PER {:.2}  ORG {:.2}  LOC {:.2}  micro P {:.2}  R {:.2}  F1 {:.2}",
                    f(EntityLabel::Per),
                    f(EntityLabel::Org),
                    f(EntityLabel::Loc),
                    t.micro.precision(),
                    t.micro.recall(),
                    t.micro.f1()
                );
            }
        }
        println!(
            "NER {k}-fold cross-validation on the training part ({} sentences):",
            ntrain.len()
        );
        for l in EntityLabel::ALL {
            let p = total.label(l);
            println!(
                "  {}  P {:.2}  R {:.2}  F1 {:.2}",
                l.as_str(),
                p.precision(),
                p.recall(),
                p.f1()
            );
        }
        let m = total.micro;
        println!(
            "  micro P {:.2}  R {:.2}  F1 {:.2}",
            m.precision(),
            m.recall(),
            m.f1()
        );
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
    let sc = eval_ner(&ner, &tagger, &neval);
    println!("NER held out ({} sentences, split {split}):", neval.len());
    for l in EntityLabel::ALL {
        let p = sc.label(l);
        println!(
            "  {}  P {:.2}  R {:.2}  F1 {:.2}  (gold {}, predicted {}, correct {})",
            l.as_str(),
            p.precision(),
            p.recall(),
            p.f1(),
            p.gold,
            p.predicted,
            p.correct
        );
    }
    let m = sc.micro;
    println!(
        "  micro P {:.2}  R {:.2}  F1 {:.2}",
        m.precision(),
        m.recall(),
        m.f1()
    );
}

fn predict(ner: &Ner, tagger: &Tagger, s: &IobSentence) -> Vec<EntitySpan> {
    let words: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
    let upos: Vec<&str> = tagger.tag(&words).iter().map(|t| t.upos).collect();
    ner.tag(&words, &upos)
}

/// Consecutive sentences of one document.
fn groups(sents: &[IobSentence]) -> Vec<std::ops::Range<usize>> {
    let id = |s: &IobSentence| {
        khaldun_tagger::document_id(s.sent_id.as_deref().unwrap_or("")).to_string()
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < sents.len() {
        let mut j = i + 1;
        while j < sents.len() && id(&sents[j]) == id(&sents[i]) {
            j += 1;
        }
        out.push(i..j);
        i = j;
    }
    out
}

fn words_of(sents: &[IobSentence]) -> Vec<Vec<&str>> {
    sents
        .iter()
        .map(|s| s.tokens.iter().map(String::as_str).collect())
        .collect()
}

fn doc_bits(sents: &[IobSentence], preds: &[Vec<EntitySpan>]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for r in groups(sents) {
        out.extend(document_bits(&words_of(&sents[r.clone()]), &preds[r]));
    }
    out
}

fn harmonize_groups(sents: &[IobSentence], preds: &mut [Vec<EntitySpan>]) {
    for r in groups(sents) {
        harmonize_entities(&words_of(&sents[r.clone()]), &mut preds[r]);
    }
}

fn score_preds(sents: &[IobSentence], preds: &[Vec<EntitySpan>]) -> khaldun_tagger::NerScores {
    let mut sc = khaldun_tagger::NerScores::default();
    for (s, p) in sents.iter().zip(preds) {
        let g = spans_from_bio(&s.tags);
        for e in &g {
            sc.per_label[e.label.index()].gold += 1;
        }
        for e in p {
            let x = &mut sc.per_label[e.label.index()];
            x.predicted += 1;
            x.correct += usize::from(g.contains(e));
        }
    }
    for p in sc.per_label {
        sc.micro.gold += p.gold;
        sc.micro.predicted += p.predicted;
        sc.micro.correct += p.correct;
    }
    sc
}
