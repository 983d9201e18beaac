//! The shared PETRARCH2 / Phoenix dictionaries read into our types.

use khaldun_actors::petrarch::{DictKind, PetrarchSet};
use khaldun_actors::{format, ActorKind, Date};
use std::path::PathBuf;

fn dir() -> Option<PathBuf> {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/petrarch2");
    if d.join("Phoenix.Countries.actors.txt").is_file() {
        Some(d)
    } else {
        println!("skipped: {} not found", d.display());
        None
    }
}

#[test]
fn reads_the_phoenix_set() {
    let Some(d) = dir() else { return };
    let set = PetrarchSet::read_dir(&d).unwrap();
    println!(
        "actors {}, agents {}, discards {}, issues {}, warnings {}, skipped files {:?}",
        set.actors.len(),
        set.agents.len(),
        set.discards.len(),
        set.issues.len(),
        set.warnings.len(),
        set.skipped
    );
    assert!(set.actors.len() > 20_000);
    assert!(set.agents.len() > 1_500);
    assert!(set.discards.len() > 400);
    assert_eq!(set.issues.len(), 52);
    assert!(set.skipped.iter().any(|f| f == "CAMEO.2.0.txt"));
    // every warning names a file and a line
    for w in &set.warnings {
        assert!(w.line > 0 || w.message.contains("UTF-8"), "{w}");
    }
    let karzai = set
        .actors
        .iter()
        .find(|a| a.name() == "HAMID KARZAI")
        .expect("Karzai");
    assert_eq!(karzai.kind, ActorKind::Person);
    let on = |d| {
        karzai
            .code_on(Some(Date::parse(d).unwrap()))
            .unwrap()
            .to_string()
    };
    assert_eq!(on("2005-06-01"), "AFGGOV");
    let phoenix = |a: &&khaldun_actors::Actor| a.origin.file.starts_with("Phoenix");
    let qaeda = set
        .actors
        .iter()
        .filter(phoenix)
        .find(|a| a.names.iter().any(|n| n.text == "AL-QAEDA"))
        .unwrap();
    assert_eq!(qaeda.code_on(None).unwrap().as_str(), "IMGMUSALQ");
    let minister = set
        .agents
        .iter()
        .find(|a| a.phrases.iter().any(|p| p == "MINISTRY OF DEFENSE"));
    assert!(minister.is_some());
}

#[test]
fn reads_the_validation_dictionaries_with_warnings() {
    let Some(d) = dir() else { return };
    let mut set = PetrarchSet::new();
    set.read_file(&d.join("PETR.Validate.actors.txt"), DictKind::Actors)
        .unwrap();
    set.read_file(&d.join("PETR.Validate.agents.txt"), DictKind::Agents)
        .unwrap();
    set.read_file(&d.join("PETR.Validate.discards.txt"), DictKind::Discards)
        .unwrap();
    let sam = set
        .actors
        .iter()
        .find(|a| a.name() == "SAM GAMGEE")
        .unwrap();
    let on = |d| {
        sam.code_on(Some(Date::parse(d).unwrap()))
            .unwrap()
            .to_string()
    };
    assert_eq!(on("2010-01-10"), "ORCHOB");
    assert_eq!(on("2009-01-01"), "HOBMIL");
    assert_eq!(on("2014-01-01"), "HOBELI");
    // BOROMIR [---], ISILDUR [+++] are warnings, not crashes; LORIEN
    // [ELR/GAL] stands for two actors
    let lorien = set.actors.iter().find(|a| a.name() == "LORIEN").unwrap();
    assert_eq!(lorien.roles[0].also[0].as_str(), "GAL");
    let lines: Vec<String> = set.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        lines
            .iter()
            .any(|w| w.starts_with("PETR.Validate.actors.txt:") && w.contains("---")),
        "{lines:#?}"
    );
    assert!(set.check().is_err());
    assert_eq!(set.discards.iter().filter(|d| d.story).count(), 4);
    let congress = set
        .agents
        .iter()
        .find(|a| a.phrases.iter().any(|p| p == "CONGRESSMAN"))
        .unwrap();
    assert_eq!(congress.chunks.as_str(), "LEG");
}

#[test]
fn converted_phoenix_actors_read_back() {
    let Some(d) = dir() else { return };
    let mut set = PetrarchSet::new();
    for f in [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ] {
        set.read_file(&d.join(f), DictKind::Actors).unwrap();
    }
    let mut buf = Vec::new();
    let lines = format::write_actor_lines(&set.actors, &mut buf).unwrap();
    assert!(lines >= set.actors.len());
    let back =
        format::read_actor_lines(std::str::from_utf8(&buf).unwrap(), "converted.txt").unwrap();
    // entries with the same canonical name merge into one actor
    assert!(back.len() <= set.actors.len() && back.len() > set.actors.len() * 8 / 10);
    let roles: usize = set.actors.iter().map(|a| a.roles.len()).sum();
    let back_roles: usize = back.iter().map(|a| a.roles.len()).sum();
    assert_eq!(roles, back_roles);
}
