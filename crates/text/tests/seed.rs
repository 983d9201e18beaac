//! The reference article (`../shared/seed/`): paragraph kinds and sentence
//! boundaries as a human reads them. Sentences are written as their first and
//! last words so the test states every boundary without copying the article.

use khaldun_text::Segmenter;
use khaldun_types::ParagraphKind::{self, *};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/seed/000_5a9e9ee99a65cd8c.txt"
);

/// (paragraph kind, [(sentence opening, sentence ending)])
const EXPECTED: &[(ParagraphKind, &[(&str, &str)])] = &[
    (
        Body,
        &[("The French Minister of Armies,", "against ISIS cells.")],
    ),
    (Body, &[("During her meeting with", "against ISIS.\"")]),
    (
        Body,
        &[("She said, \"France believes", "information exchange.\"")],
    ),
    (Body, &[("Parley expressed her", "as soon as possible.")]),
    (Body, &[("For his part,", "to these attempts.")]),
    (
        Body,
        &[("Al-Kazemi stressed during", "of security information.\"")],
    ),
    (
        Caption,
        &[("Parly (left) affirmed", "Iraq affairs (Reuters)")],
    ),
    (Heading, &[("Hubs policy", "Hubs policy")]),
    (
        Body,
        &[("Parly had met with President", "to create stability.\"")],
    ),
    (
        Body,
        &[
            ("And she stressed that", "the Iraqi armed forces."),
            ("This support was suspended", "earlier this year."),
            ("Due to fears of the spread", "the Corona pandemic."),
        ],
    ),
    (Body, &[("But Parley stated", "has not Over yet. \"")]),
    (Body, &[("It is scheduled that", "region of Iraq.")]),
    (
        Body,
        &[("Parly arrived Wednesday evening", "within 6 weeks.")],
    ),
    (Body, &[("The French Army's Minister", "Iranians compete.")]),
    (Body, &[("The same source said", "against the PKK.")]),
    (
        Body,
        &[("A source in the French Ministry", "regional balance.\"")],
    ),
    (Body, &[("In the field of combating", "in second place.")]),
    (
        Body,
        &[("The differences are increasing", "supporting Iran.")],
    ),
];

#[test]
fn seed_paragraphs_and_sentences_as_a_reader_sees_them() {
    let Ok(text) = std::fs::read_to_string(SEED) else {
        eprintln!("skipping: {SEED} is absent");
        return;
    };
    let seg = Segmenter::default().segment(&text);
    let kinds: Vec<ParagraphKind> = seg.paragraphs.iter().map(|p| p.kind).collect();
    let want: Vec<ParagraphKind> = EXPECTED.iter().map(|e| e.0).collect();
    assert_eq!(kinds, want);
    let mut got = seg.sentences.iter();
    for (pi, (_, sents)) in EXPECTED.iter().enumerate() {
        for (open, close) in *sents {
            let s = got
                .next()
                .unwrap_or_else(|| panic!("missing sentence {open:?}"));
            let st = s.span.slice(&text);
            assert_eq!(s.paragraph as usize, pi, "{st:?}");
            assert!(
                st.starts_with(open) && st.ends_with(close),
                "expected {open:?} .. {close:?}, got {st:?}"
            );
        }
    }
    assert!(got.next().is_none(), "extra sentences");
    // The broken closing quote belongs to its sentence as a token of its own.
    let s = seg
        .sentences
        .iter()
        .find(|s| s.span.slice(&text).ends_with("yet. \""))
        .unwrap();
    let last: Vec<&str> = s.tokens[s.tokens.len() - 3..]
        .iter()
        .map(|t| t.span.slice(&text))
        .collect();
    assert_eq!(last, ["yet", ".", "\""]);
    // Possessives split the UD way, with either apostrophe.
    let toks: Vec<&str> = seg
        .sentences
        .iter()
        .flat_map(|s| s.tokens.iter().map(|t| t.span.slice(&text)))
        .collect();
    assert!(toks.windows(2).any(|w| w == ["Army", "'s"]));
    assert!(toks.windows(2).any(|w| w == ["Minister", "’s"]));
    assert!(toks.windows(3).any(|w| w == ["Al", "-", "Kazemi"]));
}
