//! Segments the Wikinews articles N times (default 20); for CPU-time profiling
//! with `perf stat -e task-clock` or callgrind, where wall-clock benches are noisy.
//! Usage: cargo run --release -p khaldun-text --example segspeed [N] [rules]
use khaldun_text::Segmenter;

fn main() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/gold/articles/wikinews.jsonl"
    );
    let Ok(raw) = std::fs::read_to_string(path) else {
        eprintln!("skipping: {path} is absent");
        return;
    };
    let texts: Vec<String> = raw
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    // a second argument "rules" measures the punctuation rules alone
    let seg = if std::env::args().nth(2).as_deref() == Some("rules") {
        Segmenter::default().rules_only()
    } else {
        Segmenter::default()
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let t = std::time::Instant::now();
    let mut tokens = 0;
    for _ in 0..n {
        for x in &texts {
            tokens += seg
                .segment(x)
                .sentences
                .iter()
                .map(|s| s.tokens.len())
                .sum::<usize>();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{n} x {bytes} bytes, {tokens} tokens, {:.1} MB/s wall",
        (n * bytes) as f64 / secs / 1e6
    );
}
