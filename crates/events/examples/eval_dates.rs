//! Recall of gold Temporal entities (re3d-style JSON lines: `text`, `date`,
//! `entities` with code-point `start`/`end`, `type`, `gold`): an entity is
//! found when a date mention overlaps it.
//!
//! `cargo run --release -p khaldun-events --example eval_dates -- FILE [-v]`

use khaldun_actors::Date;
use khaldun_events::dates::find_dates;
use khaldun_text::Segmenter;
use serde_json::Value;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: eval_dates FILE [-v]");
        std::process::exit(2);
    };
    let verbose = args.iter().any(|a| a == "-v");
    let data = std::fs::read_to_string(path).expect("readable gold file");
    let seg = Segmenter::default();
    let (mut gold, mut found, mut system, mut spurious) = (0, 0, 0, 0);
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let doc: Value = serde_json::from_str(line).expect("JSON line");
        let text = doc["text"].as_str().unwrap_or_default();
        let date = doc["date"].as_str().and_then(|d| Date::parse(d).ok());
        // code points to bytes
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        let mentions = find_dates(text, &seg.segment(text), None, date);
        let temporal: Vec<(usize, usize, &str)> = doc["entities"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|e| e["gold"] == true && e["type"] == "Temporal")
            .filter_map(|e| {
                let s = *bytes.get(e["start"].as_u64()? as usize)?;
                let t = *bytes.get(e["end"].as_u64()? as usize)?;
                Some((s, t, e["text"].as_str().unwrap_or_default()))
            })
            .collect();
        let overlaps = |s: usize, e: usize, a: usize, b: usize| s < b && a < e;
        for &(s, e, t) in &temporal {
            gold += 1;
            let hit = mentions
                .iter()
                .any(|m| overlaps(s, e, m.span.start as usize, m.span.end as usize));
            found += usize::from(hit);
            if verbose && !hit {
                println!("missed: {t:?}");
            }
        }
        for m in &mentions {
            system += 1;
            let (a, b) = (m.span.start as usize, m.span.end as usize);
            if !temporal.iter().any(|&(s, e, _)| overlaps(s, e, a, b)) {
                spurious += 1;
                if verbose {
                    println!("not in gold: {:?}", m.text);
                }
            }
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "Temporal recall {found}/{gold} = {:.1}%; mentions {system}, {spurious} outside gold Temporal ({:.1}%)",
        pct(found, gold),
        pct(spurious, system)
    );
}
