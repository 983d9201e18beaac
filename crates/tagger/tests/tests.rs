//! Integration tests of the builtin models and the public API.

use khaldun_tagger::{
    eval_ner, eval_ner_documents, eval_tagger, train_ner, train_tagger, EntityLabel, Ner, Tagger,
    TrainOptions,
};

const EWT_DEV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/ud-english-ewt/en_ewt-ud-dev.conllu"
);

const UNER_TEST: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/uner-english-ewt/en_ewt-ud-test.iob2"
);

fn words(s: &str) -> Vec<&str> {
    s.split(' ').collect()
}

const PARLY: &str =
    "The French Minister of Armies , Florence Parly , met today with senior Iraqi officials in Baghdad .";
const JETS: &str = "Turkish jets launched air strikes against the PKK .";

#[test]
fn tags_news_sentences() {
    let t = Tagger::builtin();
    let w = words(PARLY);
    let tags = t.tag(&w);
    assert_eq!(tags.len(), w.len());
    let at = |form: &str| tags[w.iter().position(|x| *x == form).unwrap()].clone();
    let met = at("met");
    assert_eq!(
        (met.upos, met.xpos, met.lemma.as_str()),
        ("VERB", "VBD", "meet")
    );
    assert_eq!(at("Parly").upos, "PROPN");
    assert_eq!(at("Baghdad").upos, "PROPN");
    assert_eq!(at("Baghdad").lemma, "Baghdad");
    assert_eq!(at("officials").lemma, "official");
    assert_eq!(at("The").lemma, "the");
    assert!(met.feats.contains("Tense=Past"), "{}", met.feats);

    let w = words(JETS);
    let tags = t.tag(&w);
    assert_eq!((tags[4].upos, tags[4].lemma.as_str()), ("NOUN", "strike"));
    assert_eq!((tags[2].upos, tags[2].lemma.as_str()), ("VERB", "launch"));
    // "PKK" comes out NOUN: unseen all-capitals words after "the" are
    // mostly common nouns in EWT (a known weakness for news acronyms).
}

#[test]
fn a_clause_heading_participle_is_a_past_tense() {
    let t = Tagger::builtin();
    let xpos = |s: &str, form: &str| {
        let w = words(s);
        let tags = t.tag(&w);
        tags[w.iter().position(|x| *x == form).unwrap()].xpos
    };
    // the model alone says VBN here
    let s = "A French minister threatened today to impose import restrictions .";
    assert_eq!(xpos(s, "threatened"), "VBD");
    // participles that are not the clause's verb stay participles
    assert_eq!(
        xpos("Weapons seized yesterday were destroyed .", "seized"),
        "VBN"
    );
    assert_eq!(
        xpos("The minister has threatened to resign .", "threatened"),
        "VBN"
    );
    assert_eq!(
        xpos(
            "Police displayed the weapons seized in the raid .",
            "seized"
        ),
        "VBN"
    );
    let s = "He moved people out , a process called exfiltration .";
    assert_eq!(xpos(s, "called"), "VBN");
}

#[test]
fn sentence_initial_unknown_names() {
    // News sentences often start with a name the tagger has never seen;
    // its capital letter then says little, its lowercase form (unseen in
    // lowercase, not in WordNet) says a lot.
    let t = Tagger::builtin();
    for (s, name) in [
        ("Parly met officials in Baghdad .", "Parly"),
        ("Shoigu said the troops had left .", "Shoigu"),
        ("Lavrov called the attack a provocation .", "Lavrov"),
    ] {
        let w = words(s);
        let tags = t.tag(&w);
        assert_eq!((tags[0].upos, tags[0].xpos), ("PROPN", "NNP"), "{name}");
        assert_eq!(tags[1].upos, "VERB", "{s}");
        assert_eq!(tags[1].xpos, "VBD", "{s}");
    }
    // A capitalised word with a known lowercase use keeps it.
    let tags = t.tag(&words("Police arrested three men ."));
    assert_eq!(tags[0].upos, "NOUN");
}

#[test]
fn lemmas() {
    let l = Tagger::builtin().lemmatizer();
    for (form, upos, xpos, lemma) in [
        ("arrived", "VERB", "VBD", "arrive"),
        ("met", "VERB", "VBD", "meet"),
        ("strikes", "NOUN", "NNS", "strike"),
        ("countries", "NOUN", "NNS", "country"),
        ("was", "AUX", "VBD", "be"),
        ("stopped", "VERB", "VBD", "stop"),
        ("bombing", "VERB", "VBG", "bomb"),
        ("Parly", "PROPN", "NNP", "Parly"),
        ("Officials", "NOUN", "NNS", "official"),
        // Not in EWT train: WordNet's exception list and morphy.
        ("stolen", "VERB", "VBN", "steal"),
        ("smelled", "VERB", "VBD", "smell"),
        ("closest", "ADJ", "JJS", "close"),
    ] {
        assert_eq!(l.lemmatize(form, upos, xpos), lemma, "{form}");
    }
}

#[test]
fn ner_finds_people_and_places() {
    let w = words(PARLY);
    let tags = Tagger::builtin().tag(&w);
    let upos: Vec<&str> = tags.iter().map(|t| t.upos).collect();
    let spans = Ner::builtin().tag(&w, &upos);
    let found: Vec<(String, EntityLabel)> = spans
        .iter()
        .map(|s| (w[s.start..s.end].join(" "), s.label))
        .collect();
    assert!(
        found.contains(&("Florence Parly".into(), EntityLabel::Per)),
        "{found:?}"
    );
    assert!(
        found.contains(&("Baghdad".into(), EntityLabel::Loc)),
        "{found:?}"
    );
    for s in &spans {
        assert!(s.start < s.end && s.end <= w.len());
    }
}

#[test]
fn odd_input_does_not_panic() {
    let t = Tagger::builtin();
    let n = Ner::builtin();
    assert!(t.tag(&[]).is_empty());
    assert!(n.tag(&[], &[]).is_empty());
    let odd = [
        "",
        " ",
        "\u{0}",
        "İstanbul",
        "ǅ",
        "🙂",
        "\u{200b}",
        "a\u{301}",
        "ß",
        "--",
        "123,456.7",
    ];
    let tags = t.tag(&odd);
    assert_eq!(tags.len(), odd.len());
    n.tag(&odd, &["X"]);
    let long: Vec<&str> = (0..1000)
        .map(|i| ["the", "Iraqi", "army", "said", ",", "Baghdad"][i % 6])
        .collect();
    let tags = t.tag(&long);
    assert_eq!(tags.len(), 1000);
    let upos: Vec<&str> = tags.iter().map(|t| t.upos).collect();
    for s in n.tag(&long, &upos) {
        assert!(s.start < s.end && s.end <= long.len());
    }
    let mut ids = Vec::new();
    t.tag_classes(&long, &mut ids);
    assert_eq!(ids.len(), 1000);
}

#[test]
fn corrupt_models_are_errors() {
    let b = Tagger::builtin().to_bytes();
    for cut in [0, 3, 8, 100, b.len() / 2, b.len() - 1] {
        assert!(Tagger::from_bytes(&b[..cut]).is_err());
    }
    let mut flipped = b.clone();
    flipped[4] ^= 0xff;
    assert!(Tagger::from_bytes(&flipped).is_err());
    let nb = Ner::builtin().to_bytes();
    assert!(Ner::from_bytes(&nb[..nb.len() - 1]).is_err());
    assert!(Ner::from_bytes(&b).is_err());
}

#[test]
fn builtin_round_trips() {
    let t = Tagger::builtin();
    let t2 = Tagger::from_bytes(&t.to_bytes()).unwrap();
    let n = Ner::builtin();
    let n2 = Ner::from_bytes(&n.to_bytes()).unwrap();
    assert_eq!(t2.to_bytes(), t.to_bytes());
    for s in [
        PARLY,
        JETS,
        "I do n't know what Enron 's CEO said in Houston yesterday .",
    ] {
        let w = words(s);
        let a = t.tag(&w);
        assert_eq!(a, t2.tag(&w));
        let upos: Vec<&str> = a.iter().map(|t| t.upos).collect();
        assert_eq!(n.tag(&w, &upos), n2.tag(&w, &upos));
    }
}

const TINY: &str = "1\tPeople\tpeople\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_
2\tmet\tmeet\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\t_
3\tin\tin\tADP\tIN\t_\t4\tcase\t_\t_
4\tParis\tParis\tPROPN\tNNP\tNumber=Sing\t2\tobl\t_\t_
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tJohn\tJohn\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\t_
2\tarrived\tarrive\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\t_
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";

#[test]
fn trained_model_round_trips_and_is_deterministic() {
    let train = khaldun_conllu::parse(TINY).unwrap();
    let opts = TrainOptions {
        epochs: 3,
        folds: 2,
        ..TrainOptions::default()
    };
    let t = train_tagger(&train, &opts);
    let bytes = t.to_bytes();
    assert_eq!(bytes, train_tagger(&train, &opts).to_bytes());
    let t2 = Tagger::from_bytes(&bytes).unwrap();
    let w = ["John", "met", "people", "in", "Paris", "."];
    assert_eq!(t.tag(&w), t2.tag(&w));
    let s = eval_tagger(&t2, &train);
    assert_eq!(s.tokens, 8);
    assert!(s.upos > 90.0);

    let iob =
        khaldun_conllu::parse_iob2("1\tJohn\tB-PER\n2\tarrived\tO\n3\tin\tO\n4\tParis\tB-LOC\n\n")
            .unwrap();
    let n = train_ner(&iob, &t2, &opts);
    let n2 = Ner::from_bytes(&n.to_bytes()).unwrap();
    let upos = ["PROPN", "VERB", "ADP", "PROPN"];
    let w = ["John", "arrived", "in", "Paris"];
    assert_eq!(n.tag(&w, &upos), n2.tag(&w, &upos));
}

/// Dev UPOS in the model card's results table (`| UPOS | dev | test |`).
fn card_dev_upos() -> f64 {
    let card = include_str!("../MODEL_CARD.md");
    let line = card
        .lines()
        .find(|l| l.starts_with("| UPOS |"))
        .expect("UPOS row in MODEL_CARD.md");
    line.split('|')
        .nth(2)
        .and_then(|c| c.trim().parse().ok())
        .expect("dev UPOS figure")
}

#[test]
fn builtin_upos_on_ewt_dev_matches_model_card() {
    let Ok(text) = std::fs::read_to_string(EWT_DEV) else {
        eprintln!("skipping: {EWT_DEV} not found (../shared absent)");
        return;
    };
    let dev = khaldun_conllu::parse(&text).unwrap();
    let s = eval_tagger(Tagger::builtin(), &dev);
    let card = card_dev_upos();
    assert!(
        s.upos >= card - 0.5,
        "UPOS on EWT dev {:.2} is more than 0.5 below the card's {card:.2}",
        s.upos
    );
}

/// Micro F1 of the builtin NER in the model card's table (`| micro | P | R | F1 |`).
/// The F1 of the card's first table row starting with `row` (`| micro |`
/// for the model alone, `| micro, document level |` with
/// `harmonize_entities`).
fn card_ner_micro_f1(row: &str) -> f64 {
    let card = include_str!("../MODEL_CARD.md");
    let line = card
        .lines()
        .find(|l| l.starts_with(row))
        .expect("micro row in MODEL_CARD.md");
    line.split('|')
        .nth(4)
        .and_then(|c| c.trim().parse().ok())
        .expect("micro F1 figure")
}

#[test]
fn builtin_ner_on_held_out_uner_matches_model_card() {
    let Ok(text) = std::fs::read_to_string(UNER_TEST) else {
        eprintln!("skipping: {UNER_TEST} not found (../shared absent)");
        return;
    };
    // The held-out part: the 2nd, 4th, ... documents of UNER test.
    let test = khaldun_conllu::parse_iob2(&text).unwrap();
    let (mut doc, mut k) = (String::new(), 0usize);
    let mut held_out = Vec::new();
    for s in test {
        let id = s.sent_id.clone().unwrap_or_default();
        let d = id.rsplit_once('-').map_or(id.as_str(), |(a, _)| a);
        if d != doc {
            doc = d.to_string();
            k += 1;
        }
        if k % 2 == 0 {
            held_out.push(s);
        }
    }
    assert_eq!(held_out.len(), 1212);
    let f1 = eval_ner(Ner::builtin(), Tagger::builtin(), &held_out)
        .micro
        .f1();
    let card = card_ner_micro_f1("| micro |");
    assert!(
        f1 >= card - 0.5,
        "NER micro F1 on held-out UNER {f1:.2} is more than 0.5 below the card's {card:.2}"
    );
    // with the document-level step, as the pipeline runs it
    let f1 = eval_ner_documents(Ner::builtin(), Tagger::builtin(), &held_out)
        .micro
        .f1();
    let card = card_ner_micro_f1("| micro, document level |");
    assert!(
        f1 >= card - 0.5,
        "document-level NER micro F1 on held-out UNER {f1:.2} is more than 0.5 below the card's {card:.2}"
    );
}
