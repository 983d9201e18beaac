//! Dates through the analysis: tense from the parse, attachment to triggers,
//! and the reference article (`../shared/seed/gold.json`, "dates").

use khaldun_actors::{Date, Knowledge, Matcher};
use khaldun_analysis::{AnalyzedSentence, Analyzer};
use khaldun_events::dates::{find_dates, for_trigger, in_sentence, sentence_date, Precision};
use khaldun_events::{Coder, DateMention};
use khaldun_text::Segmenter;
use khaldun_types::Document;
use std::path::Path;

fn run(text: &str, doc: &str) -> (Vec<AnalyzedSentence>, Vec<DateMention>) {
    let seg = Segmenter::default().segment(text);
    let analyses = Analyzer::builtin().analyze(text, &seg);
    let found = find_dates(text, &seg, Some(&analyses), Date::parse(doc).ok());
    (analyses, found)
}

fn value(m: &DateMention) -> String {
    m.value.map_or("null".into(), |v| v.to_string())
}

#[test]
fn future_verbs_look_ahead() {
    for (text, expr, want) in [
        (
            "The minister will visit Ankara on Friday.",
            "Friday",
            "2020-08-28",
        ),
        (
            "The minister visited Ankara on Friday.",
            "Friday",
            "2020-08-21",
        ),
        (
            "Talks are scheduled to resume on Monday.",
            "Monday",
            "2020-08-31",
        ),
        (
            "The minister met his counterpart on Monday.",
            "Monday",
            "2020-08-24",
        ),
        (
            "Elections will be held in March.",
            "March",
            "2021-03-01/2021-03-31",
        ),
        (
            "Elections were held in March.",
            "March",
            "2020-03-01/2020-03-31",
        ),
    ] {
        let (_, found) = run(text, "2020-08-27");
        let m = found
            .iter()
            .find(|m| m.text == expr)
            .unwrap_or_else(|| panic!("{text}: {found:?}"));
        assert_eq!(value(m), want, "{text}");
    }
}

#[test]
fn dates_attach_to_their_trigger() {
    let text = "Parly arrived Wednesday evening in Baghdad and met senior officials today.";
    let (analyses, found) = run(text, "2020-08-27");
    let a = &analyses[0];
    let word = |w: &str| {
        a.words
            .iter()
            .position(|x| x.span.slice(text) == w)
            .unwrap()
    };
    let here = in_sentence(&found, 0);
    assert_eq!(here.len(), 2);
    let arrived = for_trigger(here, a, word("arrived")).unwrap();
    assert_eq!(
        (arrived.text.as_str(), value(arrived).as_str()),
        ("Wednesday evening", "2020-08-26")
    );
    let met = for_trigger(here, a, word("met")).unwrap();
    assert_eq!(
        (met.text.as_str(), value(met).as_str()),
        ("today", "2020-08-27")
    );

    let root = sentence_date(&found, khaldun_types::Span::new(0, text.len() as u32), a);
    assert_eq!(root.map(|m| m.text.as_str()), Some("Wednesday evening"));

    // the only date of a sentence goes to any trigger
    let text = "On Tuesday, the army said rebels attacked a convoy.";
    let (analyses, found) = run(text, "2020-08-27");
    let a = &analyses[0];
    let attacked = a
        .words
        .iter()
        .position(|x| x.span.slice(text) == "attacked")
        .unwrap();
    assert_eq!(
        for_trigger(&found, a, attacked).map(value).as_deref(),
        Some("2020-08-25")
    );
}

const SEED: &str = "../../../shared/seed";

#[test]
fn seed_article_dates() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    let gold = dir.join("gold.json");
    if !gold.exists() {
        eprintln!("skipped: {} is absent", gold.display());
        return;
    }
    let g: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&gold).unwrap()).unwrap();
    let file = g["doc"].as_str().unwrap();
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    let (_, found) = run(&text, "2020-08-27");
    for d in g["dates"].as_array().unwrap() {
        let (expr, want) = (
            d["text"].as_str().unwrap(),
            d["resolves_to"].as_str().unwrap(),
        );
        let m = found
            .iter()
            .find(|m| m.text == expr)
            .unwrap_or_else(|| panic!("{expr}: {found:?}"));
        assert_eq!(value(m), want, "{expr}");
        assert_eq!(m.precision, Precision::Day);
    }
    let since = found
        .iter()
        .find(|m| m.text == "since the beginning of the year")
        .unwrap();
    assert_eq!(value(since), "2020-01-01/2020-08-27");

    // through the pipeline: events carry the dates of their triggers
    let matcher = Matcher::new(Knowledge::builtin());
    let doc = Document {
        id: file.to_string(),
        date: Some("2020-08-27".into()),
        text,
        ..Default::default()
    };
    let coded = Coder::new(&matcher).code(&doc, None);
    assert!(coded.dates.iter().any(|m| m.text == "Wednesday evening"));
    for e in &coded.events {
        eprintln!(
            "{} {:?} {:?} {}",
            e.cameo, e.date, e.date_precision, e.evidence.text
        );
    }
    let met = coded
        .events
        .iter()
        .find(|e| e.sentence == 0 && e.evidence.trigger == "met")
        .expect("the opening meeting");
    assert_eq!(
        (met.date.as_deref(), met.date_precision),
        (Some("2020-08-27"), Some(Precision::Day))
    );
    if let Some(arrived) = coded
        .events
        .iter()
        .find(|e| e.evidence.trigger == "arrived")
    {
        assert_eq!(arrived.date.as_deref(), Some("2020-08-26"));
    }
}

/// Recall of the gold Temporal entities of re3d dev (offsets in code points):
/// found when a date mention overlaps. `khaldun eval dates --gold FILE` reports
/// the same figure.
#[test]
fn re3d_temporal_recall() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/gold/re3d.dev.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return;
    };
    let seg = Segmenter::default();
    let (mut gold, mut found) = (0, 0);
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let doc: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = doc["text"].as_str().unwrap_or_default();
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        let mentions = find_dates(text, &seg.segment(text), None, None);
        for e in doc["entities"].as_array().into_iter().flatten() {
            if e["gold"] != true || e["type"] != "Temporal" {
                continue;
            }
            let s = bytes[e["start"].as_u64().unwrap() as usize] as u32;
            let t = bytes[e["end"].as_u64().unwrap() as usize] as u32;
            gold += 1;
            found += usize::from(mentions.iter().any(|m| s < m.span.end && m.span.start < t));
        }
    }
    let recall = found as f64 / gold.max(1) as f64;
    println!(
        "re3d dev Temporal recall {found}/{gold} = {:.1}%",
        100.0 * recall
    );
    assert!(recall >= 0.8, "{found}/{gold}");
}
