//! The seed article through segmentation, analysis and the matcher.

use khaldun_actors::{ActorKind, Date, Dep, Knowledge, MatchKind, Matcher};
use khaldun_analysis::Analyzer;
use khaldun_text::Segmenter;
use khaldun_types::Span;

struct Found {
    text: String,
    kind: MatchKind,
    actor: Option<(String, ActorKind)>,
    code: Option<String>,
}

/// Every match in the seed article, with the parse; `None` (and a printed
/// reason) when the article is absent.
fn seed() -> Option<Vec<Found>> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seed/000_5a9e9ee99a65cd8c.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        println!("skipped: {path} is absent");
        return None;
    };
    let m = Matcher::new(Knowledge::builtin());
    let an = Analyzer::builtin();
    let seg = Segmenter::default().segment(&text);
    let date = Some(Date::parse("2020-08-27").unwrap());
    let mut out = Vec::new();
    for s in &seg.sentences {
        let a = an.analyze_sentence(&text, s);
        let deps = Dep::of(&a.words);
        let spans: Vec<Span> = s.tokens.iter().map(|t| t.span).collect();
        for x in m.find(&text, &spans, Some(&deps), date) {
            out.push(Found {
                text: x.span.slice(&text).to_string(),
                kind: x.kind,
                actor: x
                    .actor
                    .map(|a| (m.actor(a).name().to_string(), m.actor(a).kind)),
                code: x.code.map(|c| c.to_string()),
            });
        }
    }
    Some(out)
}

fn code_of<'a>(found: &'a [Found], text: &str) -> Vec<Option<&'a str>> {
    found
        .iter()
        .filter(|f| f.text == text)
        .map(|f| f.code.as_deref())
        .collect()
}

#[test]
fn seed_actors() {
    let Some(found) = seed() else { return };
    for f in &found {
        println!("{:?} {:?} {:?} {:?}", f.text, f.kind, f.code, f.actor);
    }
    let has = |text: &str, code: &str| code_of(&found, text).contains(&Some(code));
    assert!(has("France", "FRA"));
    assert!(has("Iraq", "IRQ"));
    assert!(has("Florence Parly", "FRAGOVMIL"));
    assert!(has("Parly", "FRAGOVMIL"));
    assert!(has("Mustafa Al-Kazemi", "IRQGOV"));
    assert!(has("Al-Kazemi", "IRQGOV"));
    assert!(has("Barham Salih", "IRQGOV"));
    assert!(has("US", "USA"), "US in US-Iranian");
    let group = |text: &str| {
        found.iter().filter(|f| f.text == text).all(|f| {
            f.kind == MatchKind::ArmedGroup && f.actor.as_ref().unwrap().1 == ActorKind::ArmedGroup
        })
    };
    assert!(found.iter().any(|f| f.text == "ISIS") && group("ISIS"));
    assert!(found.iter().any(|f| f.text == "PKK") && group("PKK"));
    assert_eq!(code_of(&found, "PKK"), [Some("TURREBPKK")]);
    // "Iraqi security forces": the country plus a security or military sector
    let isf = code_of(&found, "Iraqi security forces");
    assert_eq!(isf.len(), 1);
    let c = isf[0].unwrap();
    assert!(
        c.starts_with("IRQ") && (c.contains("COP") || c.contains("MIL")),
        "{c}"
    );
    // Reuters reports; it is media, not a party
    let reuters: Vec<&Found> = found.iter().filter(|f| f.text == "Reuters").collect();
    assert_eq!(reuters.len(), 1);
    assert_eq!(reuters[0].kind, MatchKind::Media);
    assert!(!reuters[0].kind.is_political());
    assert!(reuters[0].code.as_deref().unwrap().ends_with("MED"));
    // nothing in "Hubs", nothing for lowercase "us"
    assert!(found.iter().all(|f| !f.text.contains("Hubs")));
    assert!(found.iter().all(|f| f.text != "us"));
}
