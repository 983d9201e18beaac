//! Scores the builtin NER on the held-out UNER documents (the 2nd, 4th, ...
//! documents of UNER English EWT test, as in the model card), sentence by
//! sentence and with the document-level step ([`harmonize_entities`]).
//!
//! ```text
//! cargo run --release --example docner -p khaldun-tagger
//! ```

use khaldun_tagger::{document_id, eval_ner, eval_ner_documents, Ner, NerScores, Tagger};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");

fn show(name: &str, sc: &NerScores) {
    print!("{name}:\n{sc}");
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
    show(
        "document level",
        &eval_ner_documents(ner, tagger, &held_out),
    );
}
