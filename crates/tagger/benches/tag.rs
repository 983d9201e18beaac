//! Tags (and lemmatizes) the UD English EWT dev sentences with the builtin
//! model; NER over the same sentences. Skips when ../shared is absent.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use khaldun_tagger::{Ner, Tagger};

const DEV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu"
);
/// Words in EWT dev (UD 2.x release used here); the benchmark checks it.
const DEV_WORDS: usize = 25_147;

fn bench(c: &mut Criterion) {
    let Ok(text) = std::fs::read_to_string(DEV) else {
        eprintln!("skipping tagger benchmark: {DEV} not found");
        return;
    };
    let sents = khaldun_conllu::parse(&text).expect("EWT dev parses");
    let words: Vec<Vec<&str>> = sents
        .iter()
        .map(|s| s.words.iter().map(|w| w.form.as_str()).collect())
        .collect();
    let n: usize = words.iter().map(Vec::len).sum();
    assert_eq!(n, DEV_WORDS);
    let tagger = Tagger::builtin();
    let ner = Ner::builtin();
    let upos: Vec<Vec<&str>> = words
        .iter()
        .map(|w| tagger.tag(w).iter().map(|t| t.upos).collect())
        .collect();

    let mut g = c.benchmark_group("ewt-dev");
    g.throughput(Throughput::Elements(n as u64));
    g.sample_size(10);
    g.bench_function("tag+lemma", |b| {
        let mut out = Vec::new();
        b.iter(|| {
            let mut count = 0;
            for w in &words {
                tagger.tag_into(w, &mut out);
                count += out.len();
            }
            assert_eq!(count, DEV_WORDS);
        })
    });
    g.bench_function("tag-classes", |b| {
        let mut out = Vec::new();
        b.iter(|| {
            let mut count = 0;
            for w in &words {
                tagger.tag_classes(w, &mut out);
                count += out.len();
            }
            assert_eq!(count, DEV_WORDS);
        })
    });
    g.bench_function("ner", |b| {
        b.iter(|| {
            let mut spans = 0;
            for (w, u) in words.iter().zip(&upos) {
                spans += ner.tag(w, u).len();
            }
            spans
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
