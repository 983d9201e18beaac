//! Trains the parser on UD English EWT, reports dev/test scores and writes
//! the model.
//!
//! ```text
//! cargo run --release --example train_parser -p khaldun-parser -- [--epochs N] [--seed S] [--folds K] [--out PATH]
//!     [--prune X] [--explore P] [--sweep a,b,c] [--load MODEL] [--train FILE] [--write-train FILE]
//!     [--augment-news RATE] [--no-runner-up] [--gold-tags FRACTION] [--explore-from E] [--runs N]
//! ```
//!
//! Defaults: 5-fold jackknifed tags from `khaldun-tagger`, 15 epochs, seed 1,
//! writes `models/en_ewt.khp`. `--augment-news RATE` adds, after the train
//! sentences are loaded (and jackknifed), copies of that fraction of the
//! eligible ones with a temporal word inserted the way news writes it ("The
//! council today agreed"); see `khaldun_parser::augment_news`. The file
//! written by `--write-train` never contains these copies. `--no-runner-up`
//! ignores the jackknifed runner-up tags; `--gold-tags F` gives a fraction F
//! of the train sentences (every 1/F-th) back their gold tags, with no
//! runner-up.

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

/// Scores the news constructions on copies of every eligible dev sentence
/// (`augment_news` at rate 1, predicted tags): LAS over the copies, how
/// often the inserted temporal word gets the gold head and label, and the
/// same for the subjects of its verb when it went before the verb, with and
/// without the insertion.
/// Synthetic, but from sentences never trained on.
fn news_check(parser: &Parser, dev: &[khaldun_conllu::Sentence]) {
    let copies = khaldun_parser::augment_news(dev, 1.0, 1);
    let by_id: std::collections::HashMap<&str, &khaldun_conllu::Sentence> = dev
        .iter()
        .filter_map(|s| Some((s.sent_id.as_deref()?, s)))
        .collect();
    let tagger = khaldun_tagger::Tagger::builtin();
    let parse = |s: &khaldun_conllu::Sentence| {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let (mut tags, mut runner, mut alt, mut deps) = (vec![], vec![], vec![], vec![]);
        tagger.tag_with_runner_up(&words, &mut tags, &mut runner);
        khaldun_parser::runner_up_xpos(tagger, &tags, &runner, &mut alt);
        let upos: Vec<&str> = tags.iter().map(|t| t.upos).collect();
        let xpos: Vec<&str> = tags.iter().map(|t| t.xpos).collect();
        parser.parse_hedged_into(&words, &upos, &xpos, &alt, &mut deps);
        deps
    };
    let right = |s: &khaldun_conllu::Sentence, deps: &[khaldun_parser::Dep], i: usize| {
        let w = &s.words[i];
        usize::from(w.head == Some(deps[i].head as usize) && w.deprel == deps[i].rel.as_str())
    };
    let (mut t_ok, mut t_n, mut s_ok, mut s_orig, mut s_n, mut n_before) = (0, 0, 0, 0, 0, 0);
    for s in &copies {
        let orig = s
            .sent_id
            .as_deref()
            .and_then(|id| by_id.get(id.strip_suffix("-news")?));
        // The copies have exactly one temporal word, the inserted one.
        let t = s
            .words
            .iter()
            .position(|w| khaldun_parser::is_inserted_temporal(&w.form));
        let (Some(orig), Some(t)) = (orig, t) else {
            continue;
        };
        let on = s.words.len() - orig.words.len(); // 2 for "on Monday"
        let first = t + 1 - on;
        let (deps, orig_deps) = (parse(s), parse(orig));
        t_n += 1;
        t_ok += right(s, &deps, t);
        // Subjects, where the word went between them and their verb.
        let verb = s.words[t].head.unwrap_or(0);
        if verb <= t + 1 {
            continue;
        }
        n_before += 1;
        for (i, w) in s.words.iter().enumerate() {
            if w.deprel.starts_with("nsubj") && w.head == Some(verb) {
                s_n += 1;
                s_ok += right(s, &deps, i);
                s_orig += right(orig, &orig_deps, if i < first { i } else { i - on });
            }
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    show(
        "dev news copies (pred.)",
        &eval_parser(parser, &copies, false),
    );
    println!(
        "dev news copies: {} sentences; temporal word right {:.2}% ({t_ok}/{t_n}); in the {n_before} with it before the verb, the verb's subjects right {:.2}% ({s_ok}/{s_n}), {:.2}% without the insertion",
        copies.len(),
        pct(t_ok, t_n),
        pct(s_ok, s_n),
        pct(s_orig, s_n)
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
    let mut gold_tags = 0.0f64;
    let mut i = 0;
    while i < args.len() {
        let v = &args.get(i + 1).cloned().unwrap_or_default();
        match args[i].as_str() {
            "--epochs" => opts.epochs = v.parse().expect("--epochs N"),
            "--seed" => opts.seed = v.parse().expect("--seed S"),
            "--prune" => opts.prune = v.parse().expect("--prune X"),
            "--explore" => opts.explore_p = v.parse().expect("--explore P"),
            "--explore-from" => opts.explore_from = v.parse().expect("--explore-from E"),
            "--runs" => opts.runs = v.parse().expect("--runs N"),
            "--gold-tags" => gold_tags = v.parse().expect("--gold-tags FRACTION"),
            "--no-runner-up" => {
                opts.runner_up = false;
                i += 1;
                continue;
            }
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
    if gold_tags > 0.0 {
        let gold = read("train");
        let mut n = 0;
        let mut acc = 0.0;
        for (i, (s, g)) in train.iter_mut().zip(&gold).enumerate() {
            // every (1/F)-th sentence, spread evenly
            let next = ((i + 1) as f64 * gold_tags).floor();
            if next > acc {
                acc = next;
                n += 1;
                for (w, gw) in s.words.iter_mut().zip(&g.words) {
                    w.upos = gw.upos.clone();
                    w.xpos = gw.xpos.clone();
                    w.misc = gw.misc.clone();
                }
            }
        }
        println!("gold-tags {gold_tags}: {n} sentences with gold tags");
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
    news_check(&parser, &dev);
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
