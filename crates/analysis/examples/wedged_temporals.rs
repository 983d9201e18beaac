//! How the analyzer parses news sentences with a temporal phrase between
//! subject and verb ("The council today agreed"), against the parser alone.
//!
//! `cargo run --release --example wedged_temporals -p khaldun-analysis [-- DEV.conllu]`
//!
//! Copies of every eligible EWT dev sentence get one temporal word or
//! "on <weekday>" inserted (`khaldun_parser::augment_news` at rate 1, seed
//! 1); for the copies where it went before its verb, prints how often the
//! inserted word and the verb's subjects get their gold head and label,
//! parsed by the analyzer (which parses around the phrase) and by the
//! parser alone on the same predicted tags. `SHOW=1` lists the copies
//! where the analyzer gets the temporal word wrong.

use khaldun_analysis::Analyzer;
use khaldun_parser::Parser;
use khaldun_tagger::Tagger;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu"
        )
        .to_string()
    });
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let dev = khaldun_conllu::parse(&text).expect("valid CoNLL-U");
    let copies = khaldun_parser::augment_news(&dev, 1.0, 1);
    let (analyzer, tagger, parser) = (Analyzer::builtin(), Tagger::builtin(), Parser::builtin());
    // [analyzer, parser]: temporal right, subjects right
    let (mut t_ok, mut s_ok) = ([0usize; 2], [0usize; 2]);
    let (mut t_n, mut s_n) = (0usize, 0usize);
    for s in &copies {
        let Some(t) = s
            .words
            .iter()
            .position(|w| khaldun_parser::is_inserted_temporal(&w.form))
        else {
            continue;
        };
        let verb = s.words[t].head.unwrap_or(0);
        if verb <= t + 1 {
            continue;
        }
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let a = analyzer.analyze_words(&words);
        let tags = tagger.tag(&words);
        let upos: Vec<&str> = tags.iter().map(|t| t.upos).collect();
        let xpos: Vec<&str> = tags.iter().map(|t| t.xpos).collect();
        let p = parser.parse(&words, &upos, &xpos);
        let got: [Vec<(usize, &str)>; 2] = [
            a.words
                .iter()
                .map(|w| (w.head as usize, w.deprel))
                .collect(),
            p.iter()
                .map(|d| (d.head as usize, d.rel.as_str()))
                .collect(),
        ];
        let right = |k: usize, i: usize| {
            let w = &s.words[i];
            usize::from(w.head == Some(got[k][i].0) && w.deprel == got[k][i].1)
        };
        t_n += 1;
        if std::env::var("SHOW").is_ok() && right(0, t) == 0 {
            let tg: Vec<String> = words
                .iter()
                .zip(&xpos)
                .map(|(w, x)| format!("{w}/{x}"))
                .collect();
            println!(
                "MISS {} | gold head {} got {:?}",
                tg.join(" "),
                verb,
                got[0][t]
            );
        }
        for (k, ok) in t_ok.iter_mut().enumerate() {
            *ok += right(k, t);
        }
        for (i, w) in s.words.iter().enumerate() {
            if w.deprel.starts_with("nsubj") && w.head == Some(verb) {
                s_n += 1;
                for (k, ok) in s_ok.iter_mut().enumerate() {
                    *ok += right(k, i);
                }
            }
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!("{t_n} copies with the phrase before its verb, {s_n} subjects of that verb");
    for (k, name) in ["analyzer", "parser alone"].iter().enumerate() {
        println!(
            "{name:>13}: temporal word right {:.1}% ({}/{t_n}), subjects right {:.1}% ({}/{s_n})",
            pct(t_ok[k], t_n),
            t_ok[k],
            pct(s_ok[k], s_n),
            s_ok[k]
        );
    }
}
