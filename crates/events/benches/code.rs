//! Event coding speed on Wikinews (`../shared/data/gold/articles/wikinews.jsonl`):
//! the whole pipeline from raw text, and the coding stages alone (actor
//! resolution + event coding) on analyzed sentences. Throughput is in
//! sentences.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use khaldun_actors::{Knowledge, Matcher};
use khaldun_analysis::AnalyzedSentence;
use khaldun_events::Coder;
use khaldun_types::{Document, Segmented};
use std::path::Path;

fn articles() -> Option<Vec<Document>> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/gold/articles/wikinews.jsonl");
    let Ok(text) = std::fs::read_to_string(&p) else {
        eprintln!("skipped: {} is absent", p.display());
        return None;
    };
    Some(
        text.lines()
            .take(60)
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .map(|v| Document {
                id: v["id"].as_str().unwrap_or_default().to_string(),
                date: v["date"].as_str().map(String::from),
                text: v["text"].as_str().unwrap_or_default().to_string(),
                ..Default::default()
            })
            .collect(),
    )
}

fn bench(c: &mut Criterion) {
    let Some(docs) = articles() else { return };
    let m = Matcher::new(Knowledge::builtin());
    let coder = Coder::new(&m);
    let prepared: Vec<(Segmented, Vec<AnalyzedSentence>)> = docs
        .iter()
        .map(|d| {
            let s = coder.segmenter.segment(&d.text);
            let a = coder.analyzer.analyze(&d.text, &s);
            (s, a)
        })
        .collect();
    let sentences: usize = prepared.iter().map(|(s, _)| s.sentences.len()).sum();
    let mut g = c.benchmark_group("code");
    g.sample_size(10);
    g.throughput(Throughput::Elements(sentences as u64));
    g.bench_function("pipeline_from_raw_text", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| coder.code(d, None).events.len())
                .sum::<usize>()
        })
    });
    g.bench_function("actors_and_events_given_analysis", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&prepared)
                .map(|(d, (s, a))| coder.code_analyzed(d, s, a, d.date.clone()).events.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
