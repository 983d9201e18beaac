//! Scratch error analysis (not part of the crate's interface).
use khaldun_tagger::{train_tagger, TrainOptions};
use std::collections::{HashMap, HashSet};
const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");
fn main() {
    let train = khaldun_conllu::parse(&std::fs::read_to_string(format!("{DATA}/ud-english-ewt/en_ewt-ud-train.conllu")).unwrap()).unwrap();
    let dev = khaldun_conllu::parse(&std::fs::read_to_string(format!("{DATA}/ud-english-ewt/en_ewt-ud-dev.conllu")).unwrap()).unwrap();
    let vocab: HashSet<&str> = train.iter().flat_map(|s| s.words.iter().map(|w| w.form.as_str())).collect();
    let opts = TrainOptions { two_pass: std::env::args().any(|a| a == "--two"), ..Default::default() };
    let t = train_tagger(&train, &opts);
    let (mut oov, mut oov_ok, mut iv, mut iv_ok) = (0, 0, 0, 0);
    let mut conf: HashMap<(String, String), usize> = HashMap::new();
    let mut lem: HashMap<(String, String, String, String), usize> = HashMap::new();
    for s in &dev {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let out = t.tag(&words);
        for (g, p) in s.words.iter().zip(&out) {
            let ok = g.upos == p.upos;
            if vocab.contains(g.form.as_str()) { iv += 1; iv_ok += ok as usize } else { oov += 1; oov_ok += ok as usize }
            if !ok { *conf.entry((g.upos.clone(), p.upos.to_string())).or_default() += 1; }
            if g.lemma != p.lemma { *lem.entry((g.form.clone(), g.xpos.clone(), p.lemma.clone(), g.lemma.clone())).or_default() += 1; }
        }
    }
    println!("IV {iv} acc {:.2}; OOV {oov} acc {:.2}", 100.0 * iv_ok as f64 / iv as f64, 100.0 * oov_ok as f64 / oov as f64);
    let mut c: Vec<_> = conf.into_iter().collect();
    c.sort_by(|a, b| b.1.cmp(&a.1));
    for ((g, p), n) in c.iter().take(25) { println!("gold {g} pred {p}: {n}"); }
    let mut l: Vec<_> = lem.into_iter().collect();
    l.sort_by(|a, b| b.1.cmp(&a.1));
    for ((f, x, p, g), n) in l.iter().take(60) { println!("lemma {f} {x}: pred {p} gold {g} x{n}"); }
}
