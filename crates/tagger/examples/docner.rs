//! Scores the builtin NER on the held-out UNER documents (the 2nd, 4th, ...
//! documents of UNER English EWT test), sentence by sentence and with the
//! document-level consistency step ([`harmonize_entities`]).
//!
//! ```text
//! cargo run --release --example docner -p khaldun-tagger [-- --variants]
//! ```

use khaldun_tagger::{
    document_id, eval_ner, eval_ner_documents_with, DocOptions, EntityLabel, Ner, NerScores, Tagger,
};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");

fn show(name: &str, sc: &NerScores) {
    print!("{name:<28}");
    for l in EntityLabel::ALL {
        let p = sc.label(l);
        print!(
            "  {} {:.2}/{:.2}/{:.2}",
            l.as_str(),
            p.precision(),
            p.recall(),
            p.f1()
        );
    }
    let m = sc.micro;
    println!(
        "  micro {:.2}/{:.2}/{:.2} ({} gold, {} pred, {} right)",
        m.precision(),
        m.recall(),
        m.f1(),
        m.gold,
        m.predicted,
        m.correct
    );
}

fn main() {
    let path = format!("{DATA}/uner-english-ewt/en_ewt-ud-test.iob2");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let test = khaldun_conllu::parse_iob2(&text).expect("iob2");
    let (mut doc, mut k) = (String::new(), 0usize);
    let mut held_out = Vec::new();
    for s in test {
        let d = document_id(s.sent_id.as_deref().unwrap_or("")).to_string();
        if d != doc {
            doc = d;
            k += 1;
        }
        if k % 2 == 0 {
            held_out.push(s);
        }
    }
    let (ner, tagger) = (Ner::builtin(), Tagger::builtin());
    println!("held-out UNER test documents: {} sentences", held_out.len());
    show("sentence level", &eval_ner(ner, tagger, &held_out));
    let d = DocOptions::default();
    show(
        "document level",
        &eval_ner_documents_with(ner, tagger, &held_out, d),
    );
    if let Some(p) = std::env::args().skip_while(|a| a != "--dump").nth(1) {
        dump(&p, &held_out, ner, tagger);
    }
    if !std::env::args().any(|a| a == "--variants") {
        return;
    }
    let variants = [
        (
            "relabel only",
            DocOptions {
                propagate: false,
                ..d
            },
        ),
        (
            "propagate only",
            DocOptions {
                relabel: false,
                ..d
            },
        ),
        (
            "no initial guard",
            DocOptions {
                guard_initial: false,
                ..d
            },
        ),
        (
            "no cap needed",
            DocOptions {
                need_cap: false,
                ..d
            },
        ),
        (
            "no neighbour guard",
            DocOptions {
                guard_neighbours: false,
                ..d
            },
        ),
        ("+ surname", DocOptions { surname: true, ..d }),
        (
            "fold case, no cap",
            DocOptions {
                fold_case: true,
                need_cap: false,
                ..d
            },
        ),
        (
            "fold case, no cap, common",
            DocOptions {
                fold_case: true,
                need_cap: false,
                guard_common: true,
                ..d
            },
        ),
    ];
    for (name, o) in variants {
        show(name, &eval_ner_documents_with(ner, tagger, &held_out, o));
    }
}

/// Writes the document-level predictions as IOB2 (word, gold, predicted).
fn dump(path: &str, sents: &[khaldun_conllu::IobSentence], ner: &Ner, tagger: &Tagger) {
    use std::fmt::Write;
    let mut out = String::new();
    let mut i = 0;
    while i < sents.len() {
        let d = document_id(sents[i].sent_id.as_deref().unwrap_or(""));
        let mut j = i + 1;
        while j < sents.len() && document_id(sents[j].sent_id.as_deref().unwrap_or("")) == d {
            j += 1;
        }
        let words: Vec<Vec<&str>> = sents[i..j]
            .iter()
            .map(|s| s.tokens.iter().map(String::as_str).collect())
            .collect();
        let mut pred: Vec<Vec<_>> = words
            .iter()
            .map(|w| {
                let upos: Vec<&str> = tagger.tag(w).iter().map(|t| t.upos).collect();
                ner.tag(w, &upos)
            })
            .collect();
        let sent_level = pred.clone();
        khaldun_tagger::harmonize_entities(&words, &mut pred);
        for (k, s) in sents[i..j].iter().enumerate() {
            let _ = writeln!(out, "# sent_id = {}", s.sent_id.as_deref().unwrap_or(""));
            let tags = |es: &[khaldun_tagger::EntitySpan]| {
                let mut t = vec!["O".to_string(); s.tokens.len()];
                for e in es {
                    for (x, tag) in t.iter_mut().enumerate().take(e.end).skip(e.start) {
                        let bi = if x == e.start { "B" } else { "I" };
                        *tag = format!("{bi}-{}", e.label.as_str());
                    }
                }
                t
            };
            let (a, b) = (tags(&sent_level[k]), tags(&pred[k]));
            for (x, w) in s.tokens.iter().enumerate() {
                let _ = writeln!(out, "{}\t{w}\t{}\t{}\t{}", x + 1, s.tags[x], a[x], b[x]);
            }
            out.push('\n');
        }
        i = j;
    }
    std::fs::write(path, out).expect("write dump");
}
