//! Parses all of UD English EWT dev with the builtin model (gold tags).
//!
//! `cargo bench -p khaldun-parser --bench parse`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use khaldun_parser::Parser;

const DEV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu"
);
const DEV_SENTENCES: usize = 2001;

fn bench(c: &mut Criterion) {
    let Ok(text) = std::fs::read_to_string(DEV) else {
        println!("skipping parse bench: {DEV} not found (needs /work/shared)");
        return;
    };
    let sents = khaldun_conllu::parse(&text).expect("valid CoNLL-U");
    assert_eq!(sents.len(), DEV_SENTENCES);
    let input: Vec<(Vec<&str>, Vec<&str>, Vec<&str>)> = sents
        .iter()
        .map(|s| {
            (
                s.words.iter().map(|w| w.form.as_str()).collect(),
                s.words.iter().map(|w| w.upos.as_str()).collect(),
                s.words.iter().map(|w| w.xpos.as_str()).collect(),
            )
        })
        .collect();
    let words: usize = input.iter().map(|s| s.0.len()).sum();
    let parser = Parser::builtin();
    let mut g = c.benchmark_group("parse");
    g.sample_size(10);
    g.throughput(Throughput::Elements(DEV_SENTENCES as u64));
    g.bench_function("ewt_dev_sentences", |b| {
        let mut out = Vec::new();
        b.iter(|| {
            let mut n = 0;
            let mut count = 0;
            for (w, u, x) in &input {
                parser.parse_into(w, u, x, &mut out);
                n += out.len();
                count += 1;
            }
            assert_eq!(count, DEV_SENTENCES);
            assert_eq!(n, words);
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
