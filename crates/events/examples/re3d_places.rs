//! Place recall on re3d (`../shared/data/gold/re3d.dev.jsonl`): the share of
//! gold `Location` entities that a found place overlaps, over all of them and
//! over the named ones (capitalized after an optional "the"; re3d also marks
//! "the farm", "there"). Run: `cargo run --release -p khaldun-events --example re3d_places [-v] [FILE]`
//! (`-v` lists named misses and places on no gold location).

use khaldun_analysis::Analyzer;
use khaldun_events::places::find_places;
use khaldun_text::Segmenter;
use serde_json::Value;

fn main() {
    let verbose = std::env::args().any(|a| a == "-v");
    let path = std::env::args()
        .skip(1)
        .find(|a| a != "-v")
        .unwrap_or_else(|| {
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/data/gold/re3d.dev.jsonl"
            )
            .into()
        });
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {path} is absent");
        return;
    };
    let (seg, an) = (Segmenter::default(), Analyzer::builtin());
    let (mut gold, mut hit, mut named, mut named_hit, mut found, mut found_ok) = (0, 0, 0, 0, 0, 0);
    for line in data.lines() {
        let Ok(v) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let text = v["text"].as_str().unwrap_or_default();
        // gold offsets are code points: map them to bytes
        let bytes: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .collect();
        let s = seg.segment(text);
        let a = an.analyze(text, &s);
        let places = find_places(text, &s, &a, &[]);
        let locs: Vec<(usize, usize, &str)> = v["entities"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|e| e["gold"] == true && e["type"] == "Location")
            .filter_map(|e| {
                let s = *bytes.get(e["start"].as_u64()? as usize)?;
                let t = *bytes.get(e["end"].as_u64()? as usize)?;
                Some((s, t, e["text"].as_str().unwrap_or_default()))
            })
            .collect();
        let overlaps = |s: usize, t: usize| {
            places
                .iter()
                .any(|p| (p.span.start as usize) < t && s < p.span.end as usize)
        };
        for &(s, t, txt) in &locs {
            gold += 1;
            let is_named = txt
                .trim_start_matches("the ")
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            let h = overlaps(s, t);
            if verbose && is_named && !h {
                println!("missed: {txt}");
            }
            hit += h as usize;
            named += is_named as usize;
            named_hit += (is_named && h) as usize;
        }
        for p in &places {
            found += 1;
            let (ps, pe) = (p.span.start as usize, p.span.end as usize);
            let ok = locs.iter().any(|&(s, t, _)| ps < t && s < pe);
            if verbose && !ok {
                println!("extra: {} ({})", p.span.slice(text), p.name);
            }
            found_ok += ok as usize;
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "gold Location entities: {gold}, overlapped by a place: {hit} ({:.1}%)",
        pct(hit, gold)
    );
    println!(
        "named ones: {named}, overlapped: {named_hit} ({:.1}%)",
        pct(named_hit, named)
    );
    println!(
        "places found: {found}, on a gold Location: {found_ok} ({:.1}%)",
        pct(found_ok, found)
    );
}
