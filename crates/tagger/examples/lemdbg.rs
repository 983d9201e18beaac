use khaldun_tagger::Lemmatizer;
const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");
fn main() {
    let train = khaldun_conllu::parse(&std::fs::read_to_string(format!("{DATA}/ud-english-ewt/en_ewt-ud-train.conllu")).unwrap()).unwrap();
    let l = Lemmatizer::train(&train);
    for (f, u, x) in [("Enron", "PROPN", "NNP"), ("Houston", "PROPN", "NNP"), ("kerala", "PROPN", "NNP"), ("GISB", "NOUN", "NN"), ("arrived", "VERB", "VBD"), ("Zorblax", "PROPN", "NNP")] {
        println!("{f} -> {}", l.lemmatize(f, u, x));
    }
}
