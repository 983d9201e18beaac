//! How often the builtin tagger's runner-up class is right when its best is
//! wrong, by margin (dev split of UD English EWT): what a parser hedging on
//! low-margin tags can hope to recover.
//!
//! ```text
//! cargo run --release --example runner_up -p khaldun-tagger
//! ```

use khaldun_tagger::{RunnerUp, Tagger};

fn main() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu"
    );
    let text = std::fs::read_to_string(path).expect("dev file");
    let dev = khaldun_conllu::parse(&text).expect("valid CoNLL-U");
    let tagger = Tagger::builtin();
    println!("pass-2 skip margin: {}", tagger.pass2_margin());
    let cuts = [0.5f32, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, f32::INFINITY];
    // per margin bucket: tokens, best wrong, runner-up right when wrong
    let mut rows = vec![(0usize, 0usize, 0usize); cuts.len() + 1];
    let (mut out, mut alts) = (Vec::new(), Vec::new());
    for s in &dev {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        tagger.tag_with_runner_up(&words, &mut out, &mut alts);
        for ((w, t), a) in s.words.iter().zip(&out).zip(&alts) {
            let b = if *a == RunnerUp::NONE {
                cuts.len()
            } else {
                cuts.iter()
                    .position(|&c| a.margin < c)
                    .unwrap_or(cuts.len())
            };
            let r = &mut rows[b];
            r.0 += 1;
            if t.xpos != w.xpos {
                r.1 += 1;
                let alt = tagger.class_tags(a.class).map(|(_, x)| x);
                r.2 += usize::from(alt == Some(w.xpos.as_str()));
            }
        }
    }
    let total: usize = rows.iter().map(|r| r.0).sum();
    let errors: usize = rows.iter().map(|r| r.1).sum();
    let (mut cum_t, mut cum_e, mut cum_r) = (0, 0, 0);
    println!("margin <   tokens  XPOS wrong  runner-up right | cumulative: tokens%  errors%  recoverable%");
    for (i, r) in rows.iter().enumerate() {
        cum_t += r.0;
        cum_e += r.1;
        cum_r += r.2;
        let label = cuts.get(i).map_or("none".to_string(), |c| format!("{c}"));
        println!(
            "{label:>8} {:>8} {:>11} {:>16} | {:>8.2} {:>8.2} {:>8.2}",
            r.0,
            r.1,
            r.2,
            100.0 * cum_t as f64 / total as f64,
            100.0 * cum_e as f64 / errors as f64,
            100.0 * cum_r as f64 / errors as f64
        );
    }
}
