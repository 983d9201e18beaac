//! Segmentation on UD English EWT dev (read from `../shared`; skipped with a
//! printed reason when absent).

use khaldun_eval::segment::{evaluate, rebuild};
use khaldun_text::Segmenter;

const DEV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu"
);

fn dev() -> Option<Vec<khaldun_conllu::Sentence>> {
    match std::fs::read_to_string(DEV) {
        Ok(t) => Some(khaldun_conllu::parse(&t).expect("EWT dev parses")),
        Err(_) => {
            eprintln!("skipping: {DEV} is absent");
            None
        }
    }
}

#[test]
fn every_token_of_every_dev_sentence_slices_back() {
    let Some(sents) = dev() else { return };
    let seg = Segmenter::default();
    let mut n = 0;
    for s in &sents {
        let text = s.text.as_deref().expect("EWT has # text");
        let out = seg.segment(text);
        let mut joined = String::new();
        let mut last_end = 0;
        for sent in &out.sentences {
            assert!(sent.span.slice(text) == text[sent.span.range()].to_string());
            for t in &sent.tokens {
                assert!(t.span.start >= last_end, "tokens out of order in {text:?}");
                last_end = t.span.end;
                let w = t.span.slice(text);
                assert!(
                    !w.is_empty() && !w.contains(char::is_whitespace),
                    "{w:?} in {text:?}"
                );
                joined.push_str(w);
                n += 1;
            }
        }
        // nothing but whitespace is dropped
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(joined, compact);
    }
    assert!(n > 25_000, "{n} tokens");
}

/// Guards the figures reported in the README (EWT dev, documents rebuilt
/// from `# text` with paragraph breaks).
#[test]
fn dev_scores_hold() {
    let Some(sents) = dev() else { return };
    let docs = rebuild(&sents).unwrap();
    let s = evaluate(&docs, &Segmenter::default(), 0);
    assert_eq!(s.tokens.gold, 25_147);
    assert!(s.tokens.f1() >= 0.990, "token F1 {:.4}", s.tokens.f1());
    assert!(
        s.sentences.f1() >= 0.895,
        "sentence F1 {:.4}",
        s.sentences.f1()
    );
    // the learned boundaries must pay for themselves
    let rules = evaluate(&docs, &Segmenter::default().rules_only(), 0);
    assert!(s.sentences.f1() > rules.sentences.f1() + 0.01);
}

/// The news set written for khaldun (`crates/eval/data/news-segmentation.conllu`).
#[test]
fn news_set_scores_hold() {
    let gold = include_str!("../data/news-segmentation.conllu");
    let docs = rebuild(&khaldun_conllu::parse(gold).unwrap()).unwrap();
    assert_eq!(docs.len(), 3);
    let s = evaluate(&docs, &Segmenter::default(), 0);
    assert_eq!((s.tokens.gold, s.sentences.gold), (321, 21));
    assert!(s.tokens.f1() >= 0.99, "token F1 {:.4}", s.tokens.f1());
    assert!(
        s.sentences.f1() >= 0.99,
        "sentence F1 {:.4}",
        s.sentences.f1()
    );
}
