//! Integration tests of the builtin model and the public API.

use khaldun_parser::{eval_parser, is_tree, train_parser, Dep, Parser, TrainOptions};

/// Dev LAS (predicted tags, CoNLL 2018 way) recorded in MODEL_CARD.md.
const CARD_DEV_LAS_PREDICTED: f64 = 82.03;
/// Dev LAS with gold tags recorded in MODEL_CARD.md.
const CARD_DEV_LAS_GOLD: f64 = 86.30;

const DEV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu"
);

/// Tags with the builtin tagger and parses: the way khaldun runs.
fn parse_text(sentence: &str) -> (Vec<String>, Vec<Dep>) {
    let words: Vec<&str> = sentence.split(' ').collect();
    let tags = khaldun_tagger::Tagger::builtin().tag(&words);
    let upos: Vec<&str> = tags.iter().map(|t| t.upos).collect();
    let xpos: Vec<&str> = tags.iter().map(|t| t.xpos).collect();
    let deps = Parser::builtin().parse(&words, &upos, &xpos);
    (words.iter().map(|w| w.to_string()).collect(), deps)
}

fn index(words: &[String], w: &str) -> usize {
    words
        .iter()
        .position(|x| x == w)
        .unwrap_or_else(|| panic!("{w} not in sentence"))
        + 1
}

fn show(words: &[String], deps: &[Dep]) -> String {
    let mut s = String::new();
    for (i, (w, d)) in words.iter().zip(deps).enumerate() {
        s += &format!("{} {w} <-{}- {}\n", i + 1, d.rel, d.head);
    }
    s
}

#[test]
fn builtin_loads_quickly() {
    let bytes = Parser::builtin().to_bytes();
    let t = std::time::Instant::now();
    let p = Parser::from_bytes(&bytes).unwrap();
    let ms = t.elapsed().as_secs_f64() * 1e3;
    println!(
        "decoded {} bytes, {} features in {ms:.1} ms",
        bytes.len(),
        p.n_features()
    );
    // Target is 100 ms; the bound is loose because test machines are shared.
    assert!(ms < 1000.0, "model load took {ms:.0} ms");
}

#[test]
fn builtin_is_trained() {
    let p = Parser::builtin();
    assert!(p.n_features() > 10_000, "builtin model missing or empty");
}

#[test]
fn french_minister_sentence() {
    let (w, d) = parse_text(
        "The French Minister of Armies , Florence Parly , met today with senior Iraqi officials in Baghdad .",
    );
    let dbg = show(&w, &d);
    let met = index(&w, "met");
    let minister = index(&w, "Minister");
    let (florence, parly) = (index(&w, "Florence"), index(&w, "Parly"));
    let baghdad = index(&w, "Baghdad");
    assert_eq!(d[met - 1].head, 0, "met must be the root\n{dbg}");
    let appos = [florence, parly]
        .iter()
        .any(|&i| d[i - 1].head as usize == minister && d[i - 1].rel.as_str() == "appos");
    assert!(appos, "Florence Parly must be the appos of Minister\n{dbg}");
    assert_eq!(
        d[baghdad - 1].head as usize,
        met,
        "Baghdad attaches to met\n{dbg}"
    );
    assert_eq!(d[baghdad - 1].rel.as_str(), "obl", "{dbg}");
    assert_eq!(d[minister - 1].head as usize, met, "{dbg}");
    assert_eq!(d[minister - 1].rel.as_str(), "nsubj", "{dbg}");
}

/// `(dependent, head or "ROOT", relation)`.
type Check = (&'static str, &'static str, &'static str);

#[test]
fn news_sentences() {
    // (sentence, [(dependent, head or "ROOT", relation)])
    let cases: &[(&str, &[Check])] = &[
        (
            "Rebels attacked a police station in northern Mali on Sunday .",
            &[
                ("attacked", "ROOT", "root"),
                ("Rebels", "attacked", "nsubj"),
                ("station", "attacked", "obj"),
                ("Mali", "station", "nmod"),
            ],
        ),
        (
            "The United Nations condemned the strikes .",
            &[
                ("condemned", "ROOT", "root"),
                ("Nations", "condemned", "nsubj"),
                ("strikes", "condemned", "obj"),
            ],
        ),
        (
            // Sentence-initial unknown name: the tagger must call it PROPN
            // and "met" VBD, or "met" comes out as an amod of "officials".
            "Parly met officials in Baghdad .",
            &[
                ("met", "ROOT", "root"),
                ("Parly", "met", "nsubj"),
                ("officials", "met", "obj"),
                // ("Baghdad" may go to "met" or, just as validly, to
                // "officials"; not checked.)
            ],
        ),
        (
            "Protesters were arrested by police in Cairo .",
            &[
                ("arrested", "ROOT", "root"),
                ("Protesters", "arrested", "nsubj:pass"),
                ("police", "arrested", "obl:agent"),
            ],
        ),
    ];
    for (sent, checks) in cases {
        let (w, d) = parse_text(sent);
        let dbg = show(&w, &d);
        for (dep, head, rel) in *checks {
            let i = index(&w, dep);
            let want = if *head == "ROOT" { 0 } else { index(&w, head) };
            assert_eq!(
                d[i - 1].head as usize,
                want,
                "head of {dep} in {sent}\n{dbg}"
            );
            // Relations compare as in CoNLL 2018 LAS, on the universal part
            // (a passive agent may come out as `obl` or `obl:agent`).
            let universal = rel.split(':').next().unwrap_or(rel);
            assert_eq!(
                d[i - 1].rel.universal(),
                universal,
                "relation of {dep} in {sent}\n{dbg}"
            );
        }
    }
}

#[test]
fn odd_inputs_give_trees() {
    let p = Parser::builtin();
    let long: Vec<String> = (0..500)
        .map(|i| ["the", "war", ",", "said", "Iraq"][i % 5].to_string())
        .collect();
    let long: Vec<&str> = long.iter().map(String::as_str).collect();
    let inputs: Vec<Vec<&str>> = vec![
        vec![],
        vec!["Hello"],
        vec![""],
        vec!["", "", ""],
        vec!["😀", "ﷺ", "\u{0}", "\t"],
        vec!["."; 40],
        long,
    ];
    for words in &inputs {
        for (upos, xpos) in [
            (vec![], vec![]),
            (vec!["NOUN"; words.len()], vec!["NN"; words.len()]),
        ] {
            let d = p.parse(words, &upos, &xpos);
            assert_eq!(d.len(), words.len());
            assert!(is_tree(&d), "not a tree for {words:?}");
        }
        // Tag arrays of the wrong length are tolerated.
        let d = p.parse(
            words,
            &["VERB"],
            &["VB", "NN", "IN", "DT", "JJ", "NN", "NN"],
        );
        assert!(is_tree(&d));
        // So are runner-up tags, of any length.
        let mut d = Vec::new();
        for alt in [&[][..], &["VBN"], &["", "NN", "", "VB", "", "", "", "", ""]] {
            p.parse_hedged_into(words, &["NOUN"], &["NN"], alt, &mut d);
            assert_eq!(d.len(), words.len());
            assert!(is_tree(&d), "not a tree for {words:?} with {alt:?}");
        }
    }
    assert_eq!(
        p.parse(&["Hello"], &["INTJ"], &["UH"])[0].rel.as_str(),
        "root"
    );
}

#[test]
fn model_round_trips() {
    let p = Parser::builtin();
    let bytes = p.to_bytes();
    let q = Parser::from_bytes(&bytes).unwrap();
    assert_eq!(q.to_bytes(), bytes);
    let words = [
        "Turkey",
        "shelled",
        "Kurdish",
        "positions",
        "near",
        "the",
        "border",
        ".",
    ];
    let upos = [
        "PROPN", "VERB", "ADJ", "NOUN", "ADP", "DET", "NOUN", "PUNCT",
    ];
    let xpos = ["NNP", "VBD", "JJ", "NNS", "IN", "DT", "NN", "."];
    assert_eq!(p.parse(&words, &upos, &xpos), q.parse(&words, &upos, &xpos));
    for cut in [0, 7, 20, bytes.len() / 2, bytes.len() - 1] {
        assert!(Parser::from_bytes(&bytes[..cut]).is_err());
    }
}

const TINY: &str = "\
1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\tAltXPOS=VBN
3\tin\tin\tADP\tIN\t_\t4\tcase\t_\t_
4\tParis\tParis\tPROPN\tNNP\t_\t2\tobl\t_\t_
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_
2\thearing\thearing\tNOUN\tNN\t_\t3\tnsubj:pass\t_\t_
3\tis\tbe\tAUX\tVBZ\t_\t0\troot\t_\t_
4\tscheduled\tschedule\tVERB\tVBN\t_\t3\txcomp\t_\t_
5\ttoday\ttoday\tNOUN\tNN\t_\t4\tobl:tmod\t_\t_
6\ton\ton\tADP\tIN\t_\t7\tcase\t_\t_
7\tthe\tthe\tDET\tDT\t_\t2\tnmod\t_\t_
8\tissue\tissue\tNOUN\tNN\t_\t7\tweird:label\t_\t_

1\tNo\tno\tDET\tDT\t_\t_\t_\t_\t_

";

#[test]
fn training_is_deterministic_and_handles_nonprojective_trees() {
    let sents = khaldun_conllu::parse(TINY).unwrap();
    let opts = TrainOptions {
        epochs: 3,
        seed: 7,
        ..TrainOptions::default()
    };
    let a = train_parser(&sents, &opts);
    let b = train_parser(&sents, &opts);
    assert_eq!(a.to_bytes(), b.to_bytes());
    // The runner-up tag in MISC is a feature; without it the model differs
    // (unpruned: this little training leaves only small averaged weights).
    let unpruned = TrainOptions {
        prune: 0.0,
        ..opts.clone()
    };
    let c = TrainOptions {
        runner_up: false,
        ..unpruned.clone()
    };
    let (hedged, plain) = (train_parser(&sents, &unpruned), train_parser(&sents, &c));
    assert_ne!(hedged.to_bytes(), plain.to_bytes());
    assert!(hedged.uses_runner_up() && !plain.uses_runner_up());
    // Both feature sets read back as they were written.
    for p in [&hedged, &plain] {
        let q = Parser::from_bytes(&p.to_bytes()).unwrap();
        assert_eq!(q.uses_runner_up(), p.uses_runner_up());
        assert_eq!(q.to_bytes(), p.to_bytes());
    }
    // Two runs averaged: deterministic too.
    let two = TrainOptions {
        runs: 2,
        ..opts.clone()
    };
    assert_eq!(
        train_parser(&sents, &two).to_bytes(),
        train_parser(&sents, &two).to_bytes()
    );
    let s = eval_parser(&a, &sents[..1], true);
    assert_eq!(s.tokens, 5);
    assert!(train_parser(&[], &opts).parse(&["x", "y"], &[], &[]).len() == 2);
}

#[test]
fn dev_las_holds() {
    let Ok(text) = std::fs::read_to_string(DEV) else {
        println!("skipping dev_las_holds: {DEV} not found (needs /work/shared)");
        return;
    };
    let dev = khaldun_conllu::parse(&text).unwrap();
    let gold = eval_parser(Parser::builtin(), &dev, true);
    let pred = eval_parser(Parser::builtin(), &dev, false);
    println!("dev gold-tag {gold:?}\ndev predicted-tag {pred:?}");
    assert!(
        gold.las >= CARD_DEV_LAS_GOLD - 0.5,
        "gold-tag dev LAS {:.2}",
        gold.las
    );
    assert!(
        pred.las >= CARD_DEV_LAS_PREDICTED - 0.5,
        "predicted-tag dev LAS {:.2}",
        pred.las
    );
}
