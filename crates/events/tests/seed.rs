//! The reference article against its hand annotation (`../shared/seed/gold.json`):
//! every required event is coded, no forbidden one is, and at least 90% of
//! the events coded match a required or acceptable entry.

use khaldun_actors::{Knowledge, Matcher};
use khaldun_events::{CodedDocument, Coder, Event};
use khaldun_types::Document;
use serde_json::Value;
use std::path::Path;

const SEED: &str = "../../../shared/seed";

fn load() -> Option<(Document, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    let gold = dir.join("gold.json");
    if !gold.exists() {
        eprintln!("skipped: {} is absent", gold.display());
        return None;
    }
    let g: Value = serde_json::from_str(&std::fs::read_to_string(&gold).unwrap()).unwrap();
    let file = g["doc"].as_str().unwrap();
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    let doc = Document {
        id: file.to_string(),
        date: Some("2020-08-27".into()),
        text,
        ..Default::default()
    };
    Some((doc, g))
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect()
}

fn country(a: &Option<khaldun_events::EventActor>) -> &str {
    a.as_ref().map_or("", |a| a.country.as_str())
}

/// Whether `e` fits a gold entry (required, acceptable or forbidden).
/// A target person is found by surname in the target actor's name or any
/// of its mentions (transliterations differ: Anad / Inad).
fn fits(e: &Event, g: &Value, doc: &CodedDocument) -> bool {
    let in_list = |key: &str, c: &str| {
        let l = strs(&g[key]);
        l.is_empty() && g.get(key).is_none() || l.contains(&c)
    };
    if g.get("source").is_some() && !in_list("source", country(&e.source)) {
        return false;
    }
    if g.get("target").is_some() && !in_list("target", country(&e.target)) {
        return false;
    }
    if g.get("cameo").is_some() && !strs(&g["cameo"]).iter().any(|p| e.cameo.starts_with(p)) {
        return false;
    }
    if let Some(person) = g["target_person"].as_str() {
        let surname = person.rsplit(' ').next().unwrap_or(person);
        let Some(t) = e.target.as_ref() else {
            return false;
        };
        let mentions = doc
            .actors
            .iter()
            .filter(|a| a.id == t.actor_id)
            .flat_map(|a| a.mentions.iter().map(|m| m.text.as_str()));
        let named = t.text.contains(surname) || t.name.contains(surname);
        if !named && !mentions.into_iter().any(|m| m.contains(surname)) {
            return false;
        }
    }
    let texts = |a: &Option<khaldun_events::EventActor>| {
        a.as_ref()
            .map_or(String::new(), |a| format!("{} {}", a.text, a.name))
    };
    if let Some(t) = g["any_actor_text"].as_str() {
        if !texts(&e.source).contains(t) && !texts(&e.target).contains(t) {
            return false;
        }
    }
    if let Some(t) = g["source_text"].as_str() {
        if !texts(&e.source).contains(t) {
            return false;
        }
    }
    true
}

fn describe(e: &Event) -> String {
    format!(
        "{} -> {} {} ({:?})",
        e.source.as_ref().map_or("-", |a| a.code.as_str()),
        e.target.as_ref().map_or("-", |a| a.code.as_str()),
        e.cameo,
        e.evidence.text
    )
}

#[test]
fn seed_article_codes_what_a_careful_coder_codes() {
    let Some((doc, g)) = load() else { return };
    let m = Matcher::new(Knowledge::builtin());
    let coder = Coder::new(&m);
    let coded = coder.code(&doc, Some("2020-08-27"));
    let events = &coded.events;
    let all: Vec<String> = events.iter().map(describe).collect();
    let mut problems = Vec::new();
    for r in g["events_required"].as_array().unwrap() {
        if !events.iter().any(|e| fits(e, r, &coded)) {
            problems.push(format!("required {} missing", r["key"]));
        }
    }
    for f in g["events_forbidden"].as_array().unwrap() {
        for e in events.iter().filter(|e| fits(e, f, &coded)) {
            problems.push(format!("forbidden ({}) coded: {}", f["why"], describe(e)));
        }
    }
    let allowed: Vec<&Value> = g["events_required"]
        .as_array()
        .unwrap()
        .iter()
        .chain(g["events_acceptable"].as_array().unwrap())
        .collect();
    let good = events
        .iter()
        .filter(|e| allowed.iter().any(|a| fits(e, a, &coded)))
        .count();
    for e in events
        .iter()
        .filter(|e| !allowed.iter().any(|a| fits(e, a, &coded)))
    {
        eprintln!("neither required nor acceptable: {}", describe(e));
    }
    if events.is_empty() || good * 10 < events.len() * 9 {
        problems.push(format!("only {good} of {} events match", events.len()));
    }
    assert!(problems.is_empty(), "{problems:#?}\ncoded: {all:#?}");
}

#[test]
fn seed_quotes_have_their_speakers() {
    let Some((doc, g)) = load() else { return };
    let m = Matcher::new(Knowledge::builtin());
    let coded = Coder::new(&m).code(&doc, Some("2020-08-27"));
    // a speaker is right when the gold name's last word names the speaker's
    // actor (its name or any of its mentions: transliterations differ)
    let names_of = |id: &Option<String>, name: &str| -> String {
        let mut s = name.to_string();
        if let Some(a) = coded.actors.iter().find(|a| Some(&a.id) == id.as_ref()) {
            for m in &a.mentions {
                s.push(' ');
                s.push_str(&m.text);
            }
        }
        s
    };
    for q in g["quotes"].as_array().unwrap() {
        let start = q["starts_with"].as_str().unwrap();
        let speaker = q["speaker"].as_str().unwrap();
        let last = speaker.rsplit(' ').next().unwrap();
        let got = coded
            .quotes
            .iter()
            .find(|x| x.direct && x.text.starts_with(start))
            .unwrap_or_else(|| panic!("quote {start:?} not found"));
        let sp = got.speaker.as_ref().expect("a speaker");
        assert!(
            names_of(&sp.actor_id, &sp.name).contains(last) || sp.name.contains(speaker),
            "{start:?}: speaker {sp:?}, want {speaker}"
        );
    }
    for t in strs(&g["not_quotes"]) {
        assert!(
            !coded
                .quotes
                .iter()
                .any(|q| q.direct && q.text.contains(t) && q.text.len() < t.len() + 4),
            "{t:?} is not a quote"
        );
    }
}
