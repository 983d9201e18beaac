//! Segmentation scores against CoNLL-U gold.

use crate::{Error, Prf, Result};
use khaldun_conllu::Sentence;
use khaldun_text::Segmenter;
use khaldun_types::Span;
use std::collections::HashSet;

/// A document rebuilt from gold sentences, with gold spans.
#[derive(Debug, Clone, Default)]
pub struct GoldDoc {
    /// Raw text: sentences joined by a space, paragraphs by a blank line.
    pub text: String,
    /// Gold word spans (syntactic words; "don't" is "do" + "n't").
    pub words: Vec<Span>,
    /// Gold sentence spans.
    pub sentences: Vec<Span>,
}

/// Rebuilds documents from gold sentences (`# newdoc` / `# newpar` / `# text`).
pub fn rebuild(sents: &[Sentence]) -> Result<Vec<GoldDoc>> {
    let mut docs: Vec<GoldDoc> = Vec::new();
    for s in sents {
        if s.newdoc || docs.is_empty() {
            docs.push(GoldDoc::default());
        }
        let d = docs.last_mut().expect("pushed above");
        let text = s.text.clone().unwrap_or_else(|| {
            let mut t = String::new();
            for (form, _, _, space) in s.tokens() {
                t.push_str(form);
                if space {
                    t.push(' ');
                }
            }
            t.trim_end().to_string()
        });
        if !d.text.is_empty() {
            d.text.push_str(if s.newpar { "\n\n" } else { " " });
        }
        let base = d.text.len();
        d.text.push_str(&text);
        let mut pos = base;
        let mut first = None;
        for w in &s.words {
            let rest = &d.text[pos..];
            let skip = rest.len() - rest.trim_start().len();
            let at = pos + skip;
            if !d.text[at..].starts_with(w.form.as_str()) {
                return Err(Error::Alignment(format!(
                    "sentence at line {}: word {:?} not found at byte {} of its text",
                    s.line,
                    w.form,
                    at - base
                )));
            }
            let span = Span::from_range(at..at + w.form.len());
            first.get_or_insert(span.start);
            d.words.push(span);
            pos = at + w.form.len();
        }
        if let Some(f) = first {
            d.sentences.push(Span::new(f, pos as u32));
        }
    }
    Ok(docs)
}

/// Token and sentence scores, plus examples of errors.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct SegScores {
    /// Documents scored.
    pub documents: usize,
    /// Token (syntactic word) spans.
    pub tokens: Prf,
    /// Sentence spans.
    pub sentences: Prf,
    /// Examples: gold sentences not found, with the predicted ones around them.
    #[serde(skip)]
    pub sentence_errors: Vec<(String, Vec<String>)>,
    /// Examples: gold tokens not found, with context.
    #[serde(skip)]
    pub token_errors: Vec<String>,
}

fn score(gold: &[Span], pred: &[Span]) -> Prf {
    let g: HashSet<Span> = gold.iter().copied().collect();
    Prf {
        gold: gold.len(),
        predicted: pred.len(),
        correct: pred.iter().filter(|s| g.contains(s)).count(),
    }
}

/// Segments each rebuilt document and scores it; keeps up to `examples` errors.
pub fn evaluate(docs: &[GoldDoc], seg: &Segmenter, examples: usize) -> SegScores {
    let mut out = SegScores {
        documents: docs.len(),
        ..Default::default()
    };
    for d in docs {
        let s = seg.segment(&d.text);
        let words: Vec<Span> = s
            .sentences
            .iter()
            .flat_map(|x| x.tokens.iter().map(|t| t.span))
            .collect();
        let sents: Vec<Span> = s.sentences.iter().map(|x| x.span).collect();
        out.tokens.add(score(&d.words, &words));
        out.sentences.add(score(&d.sentences, &sents));
        if out.sentence_errors.len() < examples {
            let ps: HashSet<Span> = sents.iter().copied().collect();
            for g in d.sentences.iter().filter(|g| !ps.contains(g)) {
                let near = sents
                    .iter()
                    .filter(|p| p.start < g.end && g.start < p.end)
                    .map(|p| p.slice(&d.text).to_string())
                    .collect();
                out.sentence_errors
                    .push((g.slice(&d.text).to_string(), near));
            }
        }
        if out.token_errors.len() < examples {
            let pw: HashSet<Span> = words.iter().copied().collect();
            for g in d.words.iter().filter(|g| !pw.contains(g)) {
                let lo = floor(&d.text, (g.start as usize).saturating_sub(20));
                let hi = ceil(&d.text, (g.end as usize + 20).min(d.text.len()));
                let got: Vec<&str> = words
                    .iter()
                    .filter(|p| p.start < g.end && g.start < p.end)
                    .map(|p| p.slice(&d.text))
                    .collect();
                out.token_errors.push(format!(
                    "gold {:?} got {:?} in {:?}",
                    g.slice(&d.text),
                    got,
                    &d.text[lo..hi]
                ));
            }
        }
    }
    out
}

fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOLD: &str = "# newdoc id = d\n# newpar id = p1\n# text = I don't know.\n\
1\tI\t_\t_\t_\t_\t_\t_\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\t_\t_\t_\t_\t_\t_\t_\t_\n\
3\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n4\tknow\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n5\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n\
# text = Mr. Smith left\n1\tMr.\t_\t_\t_\t_\t_\t_\t_\t_\n2\tSmith\t_\t_\t_\t_\t_\t_\t_\t_\n3\tleft\t_\t_\t_\t_\t_\t_\t_\t_\n\n\
# newpar id = p2\n# text = Bye\n1\tBye\t_\t_\t_\t_\t_\t_\t_\t_\n\n";

    #[test]
    fn rebuilds_text_and_spans() {
        let docs = rebuild(&khaldun_conllu::parse(GOLD).unwrap()).unwrap();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].text, "I don't know. Mr. Smith left\n\nBye");
        assert_eq!(docs[0].words[2].slice(&docs[0].text), "n't");
        assert_eq!(docs[0].sentences.len(), 3);
    }

    #[test]
    fn scores_by_hand() {
        // 9 gold words (I do n't know . / Mr. Smith left / Bye), all found;
        // the paragraph break ends "Mr. Smith left": 3 of 3 sentences right.
        let docs = rebuild(&khaldun_conllu::parse(GOLD).unwrap()).unwrap();
        let s = evaluate(&docs, &Segmenter::default(), 10);
        assert_eq!(
            (s.tokens.gold, s.tokens.predicted, s.tokens.correct),
            (9, 9, 9)
        );
        assert_eq!(
            (s.sentences.gold, s.sentences.predicted, s.sentences.correct),
            (3, 3, 3)
        );
        // A gold file whose sentence boundary has no punctuation: "left" and
        // "Then" in one paragraph. The segmenter joins them: 1 of 2 gold
        // sentences wrong, 1 predicted spanning both.
        let joined = "# newdoc\n# text = He left\n1\tHe\t_\t_\t_\t_\t_\t_\t_\t_\n2\tleft\t_\t_\t_\t_\t_\t_\t_\t_\n\n\
# text = Then rain\n1\tThen\t_\t_\t_\t_\t_\t_\t_\t_\n2\train\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
        let docs = rebuild(&khaldun_conllu::parse(joined).unwrap()).unwrap();
        let s = evaluate(&docs, &Segmenter::default(), 10);
        assert_eq!(
            (s.sentences.gold, s.sentences.predicted, s.sentences.correct),
            (2, 1, 0)
        );
        assert!((s.sentences.f1() - 0.0).abs() < 1e-12);
        assert_eq!(s.tokens.correct, 4);
    }
}
