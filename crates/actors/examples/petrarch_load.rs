//! Times reading the Phoenix dictionary set (the target is 300 ms).
//!
//! `cargo run --release -p khaldun-actors --example petrarch_load [DIR]`
//! (DIR defaults to `../shared/data/petrarch2`). Reads the Phoenix files
//! only (not the PETR.Validate test dictionaries), five times, and prints
//! the best time and what was read; the built-in knowledge (used to tell
//! countries from other roots) is loaded first and timed apart.

use khaldun_actors::petrarch::{DictKind, PetrarchSet};
use khaldun_actors::Knowledge;
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/petrarch2")
        });
    let t = Instant::now();
    let k = Knowledge::builtin();
    println!(
        "built-in knowledge: {} actors, {} agents in {:.1} ms",
        k.actors().len(),
        k.agents().len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    let mut files: Vec<(PathBuf, DictKind)> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let kind = DictKind::guess(&name)?;
            name.starts_with("Phoenix").then(|| (e.path(), kind))
        })
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut best = f64::MAX;
    let mut last = PetrarchSet::new();
    for _ in 0..5 {
        let t = Instant::now();
        let mut set = PetrarchSet::new();
        for (path, kind) in &files {
            set.read_file(path, *kind)?;
        }
        best = best.min(t.elapsed().as_secs_f64() * 1e3);
        last = set;
    }
    let roles: usize = last.actors.iter().map(|a| a.roles.len()).sum();
    let names: usize = last.actors.iter().map(|a| a.names.len()).sum();
    let phrases: usize = last.agents.iter().map(|a| a.phrases.len()).sum();
    println!(
        "Phoenix set ({} files): {} actors ({} names, {} coded roles), {} agents ({} phrases), {} discards, {} issues ({} rules), {} warnings; best of 5: {:.1} ms",
        files.len(),
        last.actors.len(),
        names,
        roles,
        last.agents.len(),
        phrases,
        last.discards.len(),
        last.issues.len(),
        last.issues.iter().map(|i| i.rules.len()).sum::<usize>(),
        last.warnings.len(),
        best
    );
    assert!(
        last.actors.len() > 20_000,
        "the Phoenix set has over 20,000 actors"
    );
    for w in last.warnings.iter().take(8) {
        println!("  warning: {w}");
    }
    Ok(())
}
