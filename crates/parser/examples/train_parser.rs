//! Trains the parser on UD English EWT, reports dev/test scores and writes
//! the model.
//!
//! ```text
//! cargo run --release --example train_parser -p khaldun-parser -- [--epochs N] [--seed S] [--folds K] [--out PATH]
//!     [--prune X] [--explore P] [--sweep a,b,c] [--load MODEL] [--train FILE] [--write-train FILE]
//!     [--augment-news RATE]
//! ```
//!
//! Defaults: 5-fold jackknifed tags from `khaldun-tagger`, 15 epochs, seed 1,
//! writes `models/en_ewt.khp`. `--augment-news RATE` adds, after the train
//! sentences are loaded (and jackknifed), copies of that fraction of the
//! eligible ones with a temporal word inserted the way news writes it ("The
//! council today agreed"); see `khaldun_parser::augment_news`. The file
//! written by `--write-train` never contains these copies.

use std::time::Instant;

use khaldun_parser::{eval_parser, train_parser, ParseScores, Parser, TrainOptions};

const DATA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/ud-english-ewt"
);

fn read(split: &str) -> Vec<khaldun_conllu::Sentence> {
    let path = format!("{DATA}/en_ewt-ud-{split}.conllu");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    khaldun_conllu::parse(&text).expect("valid CoNLL-U")
}

fn show(name: &str, s: &ParseScores) {
    println!(
        "{name:<22} UAS {:.2}  LAS {:.2}  | no punct: UAS {:.2}  LAS {:.2}  | full-label LAS {:.2}  ({} words)",
        s.uas, s.las, s.uas_nopunct, s.las_nopunct, s.las_full, s.tokens
    );
}

fn jackknife(train: &mut [khaldun_conllu::Sentence], k: usize, seed: u64) {
    let t = Instant::now();
    let acc = khaldun_parser::jackknife_tags(train, k, seed);
    eprintln!("jackknife: {k} folds in {:.0}s", t.elapsed().as_secs_f64());
    println!(
        "jackknifed {k}-fold tags on train: XPOS accuracy {:.2}%",
        100.0 * acc
    );
}

fn main() {
    let mut opts = TrainOptions {
        verbose: true,
        ..TrainOptions::default()
    };
    let mut out = concat!(env!("CARGO_MANIFEST_DIR"), "/models/en_ewt.khp").to_string();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut sweep: Vec<f32> = Vec::new();
    let mut load: Option<String> = None;
    let mut folds = 5usize;
    let mut train_path: Option<String> = None;
    let mut write_train: Option<String> = None;
    let mut augment = 0.0f64;
    let mut i = 0;
    while i + 1 < args.len() {
        let v = &args[i + 1];
        match args[i].as_str() {
            "--epochs" => opts.epochs = v.parse().expect("--epochs N"),
            "--seed" => opts.seed = v.parse().expect("--seed S"),
            "--prune" => opts.prune = v.parse().expect("--prune X"),
            "--explore" => opts.explore_p = v.parse().expect("--explore P"),
            "--out" => out = v.clone(),
            "--load" => load = Some(v.clone()),
            "--train" => train_path = Some(v.clone()),
            "--write-train" => write_train = Some(v.clone()),
            "--augment-news" => augment = v.parse().expect("--augment-news RATE (0..1)"),
            "--folds" => folds = v.parse().expect("--folds K (0 = gold tags)"),
            "--sweep" => {
                sweep = v
                    .split(',')
                    .map(|x| x.parse().expect("--sweep a,b,c"))
                    .collect()
            }
            other => panic!("unknown option {other}"),
        }
        i += 2;
    }
    let (mut train, dev, test) = (read("train"), read("dev"), read("test"));
    if let Some(path) = &train_path {
        // A train file whose tags were already replaced (see --write-train).
        train = khaldun_conllu::parse(&std::fs::read_to_string(path).expect("read --train"))
            .expect("valid CoNLL-U");
    } else if folds > 1 && load.is_none() {
        jackknife(&mut train, folds, opts.seed);
    }
    if let Some(path) = &write_train {
        let mut text = String::new();
        train
            .iter()
            .for_each(|s| khaldun_conllu::write_sentence(&mut text, s));
        std::fs::write(path, text).expect("write --write-train");
    }
    if augment > 0.0 {
        let extra = khaldun_parser::augment_news(&train, augment, opts.seed);
        println!(
            "augment-news {augment}: {} copies added to {} sentences",
            extra.len(),
            train.len()
        );
        train.extend(extra);
    }
    let t = Instant::now();
    let parser = match &load {
        Some(path) => Parser::load(path).expect("model loads"),
        None => train_parser(&train, &opts),
    };
    println!(
        "trained in {:.1}s: {} features, {:?}",
        t.elapsed().as_secs_f64(),
        parser.n_features(),
        opts
    );
    for &min in &sweep {
        let mut p = parser.clone();
        p.prune(min);
        let t = Instant::now();
        let s = eval_parser(&p, &dev, true);
        let secs = t.elapsed().as_secs_f64();
        let sp = eval_parser(&p, &dev, false);
        println!(
            "prune {min}: {} features, {} bytes, dev LAS {:.2} UAS {:.2} (predicted tags: LAS {:.2} UAS {:.2}), {:.0} sentences/s",
            p.n_features(),
            p.to_bytes().len(),
            s.las,
            s.uas,
            sp.las,
            sp.uas,
            s.sentences as f64 / secs
        );
    }
    show("dev (gold tags)", &eval_parser(&parser, &dev, true));
    let t = Instant::now();
    let s = eval_parser(&parser, &dev, true);
    let secs = t.elapsed().as_secs_f64();
    println!(
        "dev eval speed: {:.0} sentences/s, {:.0} words/s",
        s.sentences as f64 / secs,
        s.tokens as f64 / secs
    );
    show("test (gold tags)", &eval_parser(&parser, &test, true));
    show("dev (predicted tags)", &eval_parser(&parser, &dev, false));
    show("test (predicted tags)", &eval_parser(&parser, &test, false));
    let bytes = parser.to_bytes();
    let t = Instant::now();
    let back = Parser::from_bytes(&bytes).expect("round trip");
    println!(
        "model {} bytes, loads in {:.1} ms",
        bytes.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    assert_eq!(back.n_features(), parser.n_features());
    std::fs::write(&out, &bytes).expect("write model");
    println!("wrote {out}");
}
