//! Matching cost against analysis cost, per sentence.
//!
//! `cargo run --release -p khaldun-actors --example match_cost [FILE.jsonl]`
//! (FILE defaults to `../shared/data/gold/articles/wikinews.jsonl`).
//! Segments and analyzes every article, then matches every sentence (with
//! its parse) three times and keeps the best time; prints µs per sentence
//! for both and the ratio. Checks its answer: the matcher must find actors.

use khaldun_actors::{Date, Dep, Knowledge, Matcher};
use khaldun_analysis::Analyzer;
use khaldun_text::Segmenter;
use khaldun_types::Span;
use std::time::Instant;

/// A sentence's token spans and (head, deprel) per word.
type Parsed = (Vec<Span>, Vec<(u32, &'static str)>);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/gold/articles/wikinews.jsonl"
        )
        .into()
    });
    let Ok(src) = std::fs::read_to_string(&path) else {
        println!("skipped: {path} is absent");
        return Ok(());
    };
    let t = Instant::now();
    let m = Matcher::new(Knowledge::builtin());
    println!(
        "compile: {:.1} ms ({} trie nodes)",
        t.elapsed().as_secs_f64() * 1e3,
        m.len_nodes()
    );
    let seg = Segmenter::default();
    let an = Analyzer::builtin();
    // (text, date, [(spans, heads, deprels)])
    let mut docs = Vec::new();
    let mut analysis = 0.0;
    let mut sentences = 0usize;
    for line in src.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let text = v["text"].as_str().unwrap_or_default().to_string();
        let date = v["date"]
            .as_str()
            .and_then(|d| Date::parse(d.get(..10)?).ok());
        let s = seg.segment(&text);
        let t = Instant::now();
        let analyzed = an.analyze(&text, &s);
        analysis += t.elapsed().as_secs_f64();
        let sents: Vec<Parsed> = s
            .sentences
            .iter()
            .zip(&analyzed)
            .map(|(s, a)| {
                (
                    s.tokens.iter().map(|t| t.span).collect(),
                    a.words.iter().map(|w| (w.head, w.deprel)).collect(),
                )
            })
            .collect();
        sentences += sents.len();
        docs.push((text, date, sents));
    }
    let mut best = f64::MAX;
    let mut found = 0usize;
    for _ in 0..3 {
        found = 0;
        let t = Instant::now();
        for (text, date, sents) in &docs {
            for (spans, heads) in sents {
                let deps: Vec<Dep> = heads
                    .iter()
                    .map(|&(head, deprel)| Dep { head, deprel })
                    .collect();
                found += m.find(text, spans, Some(&deps), *date).len();
            }
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    assert!(
        found > sentences / 2,
        "only {found} matches in {sentences} sentences"
    );
    let per = |s: f64| s * 1e6 / sentences as f64;
    println!(
        "{} documents, {sentences} sentences, {found} matches",
        docs.len()
    );
    println!(
        "analysis {:.1} µs/sentence, matching {:.2} µs/sentence ({:.2}% of analysis)",
        per(analysis),
        per(best),
        100.0 * best / analysis
    );
    Ok(())
}
