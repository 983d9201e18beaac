//! Prints the resolved actors of a text file and their mentions:
//! `cargo run --release -p khaldun-actors --example resolve -- FILE [DATE]`.
use khaldun_actors::{document, Date, Knowledge, Matcher};
use khaldun_analysis::Analyzer;
use khaldun_text::Segmenter;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: resolve FILE [YYYY-MM-DD]");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2);
    });
    let date = args.next().and_then(|d| Date::parse(&d).ok());
    let m = Matcher::new(Knowledge::builtin());
    let seg = Segmenter::default().segment(&text);
    let an = Analyzer::builtin().analyze(&text, &seg);
    let doc = document::resolve(&m, &text, &seg, &an, date);
    for (i, a) in doc.actors.iter().enumerate() {
        let ms: Vec<String> = doc
            .mentions_of(i)
            .map(|x| {
                format!(
                    "{}:{:?}/{}",
                    x.sentence,
                    x.span.slice(&text),
                    x.how.as_str()
                )
            })
            .collect();
        println!(
            "{} {:?} {} {:?} role={:?} by={} | {}",
            a.id,
            a.name,
            a.kind.as_str(),
            a.code.map(|c| c.to_string()),
            a.role,
            a.found_by.as_str(),
            ms.join(", ")
        );
    }
}
