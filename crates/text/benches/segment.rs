//! Segmenting + tokenizing throughput on the Wikinews articles.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use khaldun_text::Segmenter;

const WIKINEWS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/gold/articles/wikinews.jsonl"
);

fn texts() -> Option<Vec<String>> {
    let raw = std::fs::read_to_string(WIKINEWS).ok()?;
    Some(
        raw.lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
            .collect(),
    )
}

fn bench(c: &mut Criterion) {
    let Some(texts) = texts() else {
        eprintln!("skipping: {WIKINEWS} is absent");
        return;
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let seg = Segmenter::default();
    let count = |texts: &[String]| -> usize {
        texts
            .iter()
            .map(|t| {
                seg.segment(t)
                    .sentences
                    .iter()
                    .map(|s| s.tokens.len())
                    .sum::<usize>()
            })
            .sum()
    };
    let tokens = count(&texts);
    // the answer is checked, so a faster run that drops tokens cannot pass
    assert!(tokens > 250_000, "only {tokens} tokens");
    let mut g = c.benchmark_group("segment");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function("wikinews", |b| b.iter(|| assert_eq!(count(&texts), tokens)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
