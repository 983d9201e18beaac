//! Fixed-work throughput probe for `perf stat -e task-clock` (CPU time, not
//! wall time, on a shared machine): parses EWT dev with its gold tags
//! `--reps` times with the builtin model or `--model PATH` (model decoding
//! included, once).
//!
//! ```text
//! cargo run --release --example parser_speed -p khaldun-parser -- [--reps N] [--model PATH]
//! ```

use khaldun_parser::Parser;

const DEV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu"
);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let reps: usize = args
        .iter()
        .position(|a| a == "--reps")
        .and_then(|i| args.get(i + 1))
        .map_or(10, |v| v.parse().expect("--reps N"));
    let text = std::fs::read_to_string(DEV).unwrap_or_else(|e| panic!("{DEV}: {e}"));
    let gold = khaldun_conllu::parse(&text).expect("valid CoNLL-U");
    let sents: Vec<(Vec<&str>, Vec<&str>, Vec<&str>)> = gold
        .iter()
        .map(|s| {
            (
                s.words.iter().map(|w| w.form.as_str()).collect(),
                s.words.iter().map(|w| w.upos.as_str()).collect(),
                s.words.iter().map(|w| w.xpos.as_str()).collect(),
            )
        })
        .collect();
    let own = args
        .iter()
        .position(|a| a == "--model")
        .and_then(|i| args.get(i + 1))
        .map(|path| Parser::load(path).expect("--model PATH loads"));
    let p = own.as_ref().unwrap_or_else(|| Parser::builtin());
    let mut out = Vec::new();
    let (mut n, mut words, mut heads) = (0usize, 0usize, 0u64);
    let t = std::time::Instant::now();
    for _ in 0..reps {
        for (w, u, x) in &sents {
            p.parse_into(w, u, x, &mut out);
            heads += out.iter().map(|d| u64::from(d.head)).sum::<u64>();
            n += 1;
            words += w.len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "parsed {n} sentences ({words} words) in {secs:.2} s wall: {:.0} sentences/s wall (checksum {heads})",
        n as f64 / secs
    );
}
