//! Actor stage costs on the seed article: loading the built-in dictionary
//! (knowledge + matcher compile), matching every sentence (with the parse),
//! and document-level resolution (matching included). The analysis is
//! computed once, outside the timings: it is the analysis stage's cost.
use criterion::{criterion_group, criterion_main, Criterion};
use khaldun_actors::{document, DataFile, Date, Dep, Knowledge, KnowledgeBuilder, Matcher};
use khaldun_analysis::Analyzer;
use khaldun_text::Segmenter;
use khaldun_types::Span;

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/seed/000_5a9e9ee99a65cd8c.txt"
);

fn bench(c: &mut Criterion) {
    c.bench_function("dictionary load (knowledge + matcher)", |b| {
        b.iter(|| {
            let mut kb = KnowledgeBuilder::new();
            for f in DataFile::ALL {
                kb.add(f, f.file_name(), f.builtin_text());
            }
            let k = kb.build().expect("built-in data");
            let m = Matcher::new(&k);
            assert!(m.actors().len() > 1000);
            m
        })
    });
    let Ok(text) = std::fs::read_to_string(SEED) else {
        eprintln!("skipping matching and resolution: {SEED} is absent");
        return;
    };
    let m = Matcher::new(Knowledge::builtin());
    let seg = Segmenter::default().segment(&text);
    let an = Analyzer::builtin().analyze(&text, &seg);
    let date = Date::parse("2020-08-27").ok();
    let n = seg.sentences.len();
    eprintln!("seed: {n} sentences");
    c.bench_function("match seed (with parse)", |b| {
        b.iter(|| {
            let mut found = 0;
            for (s, a) in seg.sentences.iter().zip(&an) {
                let deps = Dep::of(&a.words);
                let spans: Vec<Span> = s.tokens.iter().map(|t| t.span).collect();
                found += m.find(&text, &spans, Some(&deps), date).len();
            }
            assert!(found > 50, "{found}");
            found
        })
    });
    c.bench_function("resolve seed", |b| {
        b.iter(|| {
            let d = document::resolve(&m, &text, &seg, &an, date);
            // Parly, Al-Kazemi, Salih, Anad, Le Drian and the rest
            assert!(d.actors.len() >= 20, "{}", d.actors.len());
            d
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
