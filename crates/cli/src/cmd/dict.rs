//! `khaldun dict convert`: PETRARCH dictionaries into khaldun's format.

use crate::args::DictCommand;
use anyhow::Context as _;
use khaldun_actors::format::{write_actor_lines, write_agent_lines};
use khaldun_actors::petrarch::{DictKind, PetrarchSet};
use std::io::Write;

pub fn run(cmd: DictCommand, mut out: Box<dyn Write>, quiet: bool) -> anyhow::Result<i32> {
    let DictCommand::Convert {
        dir,
        out_dir,
        strict,
    } = cmd;
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| DictKind::guess(n).is_some())
        .collect();
    names.sort();
    anyhow::ensure!(
        !names.is_empty(),
        "no PETRARCH dictionaries (*.actors.txt, *agents*.txt, *discards*.txt, *Issue*.txt) in {}",
        dir.display()
    );
    std::fs::create_dir_all(&out_dir)
        .with_context(|| format!("cannot create {}", out_dir.display()))?;
    for name in names {
        let Some(kind) = DictKind::guess(&name) else {
            continue;
        };
        let mut set = PetrarchSet::new();
        set.read_file(&dir.join(&name), kind)?;
        if strict {
            set.check()?;
        }
        if !quiet {
            for w in &set.warnings {
                eprintln!("khaldun: warning: {w}");
            }
        }
        let target = out_dir.join(&name);
        let written = match kind {
            DictKind::Actors | DictKind::Agents => {
                let file = std::fs::File::create(&target)
                    .with_context(|| format!("cannot create {}", target.display()))?;
                let mut w = std::io::BufWriter::new(file);
                writeln!(
                    w,
                    "# Converted by `khaldun dict convert` from PETRARCH's {name}."
                )?;
                let n = if kind == DictKind::Actors {
                    writeln!(w, "# Format: names | code | dates | offices | title | kind")?;
                    write_actor_lines(&set.actors, &mut w)?
                } else {
                    writeln!(w, "# Format: phrases | chunks | kind")?;
                    write_agent_lines(&set.agents, &mut w)?
                };
                w.flush()?;
                Some(n)
            }
            DictKind::Discards | DictKind::Issues => None,
        };
        match written {
            Some(n) => writeln!(
                out,
                "{name}: {} actors, {} agents -> {} ({n} lines, {} warnings)",
                set.actors.len(),
                set.agents.len(),
                target.display(),
                set.warnings.len()
            )?,
            None => writeln!(
                out,
                "{name}: {} discards, {} issues read; not converted (khaldun has no format for them yet)",
                set.discards.len(),
                set.issues.len()
            )?,
        }
    }
    out.flush()?;
    Ok(0)
}
