//! Fixed-work throughput probe for `perf stat -e task-clock` (CPU time, not
//! wall time, on a shared machine): tags EWT dev `--reps` times.
//!
//! ```text
//! cargo run --release --example speed -p khaldun-tagger -- [tag|classes|ner|load] [--reps N]
//! ```

use std::time::Instant;

use khaldun_tagger::{Ner, Tagger};

const DEV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu"
);

fn cpu_ms() -> f64 {
    // Process CPU time via /proc (Linux); falls back to 0.
    let s = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let f: Vec<&str> = s
        .rsplit(')')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let ticks = |i: usize| f.get(i).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) * 10.0
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let what = args.first().cloned().unwrap_or_else(|| "tag".into());
    let reps: usize = args
        .iter()
        .position(|a| a == "--reps")
        .and_then(|i| args.get(i + 1))
        .and_then(|x| x.parse().ok())
        .unwrap_or(20);
    if what == "load" {
        let b = include_bytes!("../models/tagger.bin");
        let c0 = cpu_ms();
        let t0 = Instant::now();
        for _ in 0..reps {
            std::hint::black_box(Tagger::from_bytes(b).expect("model"));
        }
        println!(
            "load: {:.2} ms wall, {:.2} ms cpu per load",
            t0.elapsed().as_secs_f64() * 1e3 / reps as f64,
            (cpu_ms() - c0) / reps as f64
        );
        return;
    }
    let text = std::fs::read_to_string(DEV).expect("EWT dev");
    let sents = khaldun_conllu::parse(&text).expect("dev");
    let words: Vec<Vec<&str>> = sents
        .iter()
        .map(|s| s.words.iter().map(|w| w.form.as_str()).collect())
        .collect();
    let n: usize = words.iter().map(Vec::len).sum();
    let tagger = Tagger::builtin();
    let upos: Vec<Vec<&str>> = words
        .iter()
        .map(|w| tagger.tag(w).iter().map(|t| t.upos).collect())
        .collect();
    let ner = Ner::builtin();
    let c0 = cpu_ms();
    let t0 = Instant::now();
    let mut out = Vec::new();
    let mut ids = Vec::new();
    let mut acc = 0usize;
    for _ in 0..reps {
        for (w, u) in words.iter().zip(&upos) {
            match what.as_str() {
                "tag" => {
                    tagger.tag_into(w, &mut out);
                    acc += out.len();
                }
                "classes" => {
                    tagger.tag_classes(w, &mut ids);
                    acc += ids.len();
                }
                _ => acc += ner.tag(w, u).len(),
            }
        }
    }
    let wall = t0.elapsed().as_secs_f64();
    let cpu = (cpu_ms() - c0) / 1e3;
    println!(
        "{what}: {} words x {reps}: {:.0} words/s wall, {:.0} words/s cpu ({acc})",
        n,
        (n * reps) as f64 / wall,
        (n * reps) as f64 / cpu.max(1e-9)
    );
}
