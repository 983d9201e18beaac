use khaldun_actors::{Date, Dep, Knowledge, MatchKind, Matcher};
use khaldun_analysis::Analyzer;
use khaldun_events::{code_sentence, Party, Patterns};
use khaldun_text::Segmenter;
use khaldun_types::Span;

fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let m = Matcher::new(Knowledge::builtin());
    let p = Patterns::builtin();
    let an = Analyzer::builtin();
    let seg = Segmenter::default().segment(&text);
    let date = Date::parse("2020-08-27").ok();
    for (si, s) in seg.sentences.iter().enumerate() {
        let a = an.analyze_sentence(&text, s);
        let deps: Vec<Dep> = a
            .words
            .iter()
            .map(|w| Dep {
                head: w.head,
                deprel: w.deprel,
            })
            .collect();
        let spans: Vec<Span> = s.tokens.iter().map(|t| t.span).collect();
        let found = m.find(&text, &spans, Some(&deps), date);
        let parties: Vec<Party> = found
            .iter()
            .filter(|x| x.kind.is_political() && x.code.is_some())
            .map(|x| Party {
                tokens: x.tokens.clone(),
                head: x.tokens.end - 1,
                actor: x.actor.map_or(usize::MAX, |a| a.0 as usize),
            })
            .collect();
        let codes: Vec<String> = found
            .iter()
            .filter(|x| x.kind.is_political() && x.code.is_some())
            .map(|x| format!("{}={}", x.span.slice(&text), x.code.unwrap()))
            .collect();
        let ev = code_sentence(p, &text, &a, &parties);
        if std::env::var("TREE").is_ok() {
            for (i, w) in a.words.iter().enumerate() {
                println!(
                    "  {} {} {} {} {} {}",
                    i,
                    w.span.slice(&text),
                    w.lemma,
                    w.upos,
                    w.head as i64 - 1,
                    w.deprel
                );
            }
        }
        println!(
            "[{si}] {} | {:?}",
            s.span.slice(&text).chars().take(100).collect::<String>(),
            codes
        );
        for e in ev {
            let name = |v: &[usize]| {
                v.iter()
                    .map(|&k| {
                        found
                            .iter()
                            .filter(|x| x.kind.is_political() && x.code.is_some())
                            .nth(k)
                            .map(|x| x.code.unwrap().to_string())
                            .unwrap()
                    })
                    .collect::<Vec<_>>()
                    .join("+")
            };
            println!(
                "   -> {} {} -> {} trig={} neg={} mod={:?} pat={}",
                e.code,
                name(&e.source),
                name(&e.target),
                a.words[e.trigger].span.slice(&text),
                e.negated,
                e.modality,
                p.get(e.pattern).text
            );
        }
    }
}
