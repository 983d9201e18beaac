//! UPOS, XPOS, FEATS, lemma, UAS and LAS against CoNLL-U gold, on gold tokens
//! or end to end from raw text, in the way of the CoNLL 2018 shared task:
//! predicted and gold words are aligned by their character spans, each score
//! is an F1 over words whose attribute (and, for UAS/LAS, whose head) agrees.
//! On gold tokens precision equals recall equals accuracy.

use crate::segment::rebuild;
use crate::{Prf, Result};
use khaldun_analysis::Analyzer;
use khaldun_conllu::Sentence;
use khaldun_text::Segmenter;
use khaldun_types::Span;
use std::collections::HashMap;

/// Scores of one run.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct UdScores {
    /// Words found (always perfect on gold tokens).
    pub words: Prf,
    /// Sentences found (end to end only).
    pub sentences: Prf,
    /// Universal POS.
    pub upos: Prf,
    /// Penn POS.
    pub xpos: Prf,
    /// Morphological features (string equality).
    pub feats: Prf,
    /// Lemmas.
    pub lemma: Prf,
    /// Unlabeled attachment.
    pub uas: Prf,
    /// Labeled attachment (full relation, subtypes included).
    pub las: Prf,
    /// UAS without punctuation words (gold UPOS `PUNCT`).
    pub uas_nopunct: Prf,
    /// LAS without punctuation words.
    pub las_nopunct: Prf,
}

/// A word with everything scored, its head as an index into the same list.
struct W<'a> {
    span: Span,
    lemma: &'a str,
    upos: &'a str,
    xpos: &'a str,
    feats: &'a str,
    head: Option<usize>,
    deprel: &'a str,
}

fn tally(gold: &[W<'_>], pred: &[W<'_>], out: &mut UdScores) {
    let by_span: HashMap<Span, usize> = pred.iter().enumerate().map(|(i, w)| (w.span, i)).collect();
    let np = gold.iter().filter(|w| w.upos != "PUNCT").count();
    let pp = pred.iter().filter(|w| w.upos != "PUNCT").count();
    for f in [
        &mut out.words,
        &mut out.upos,
        &mut out.xpos,
        &mut out.feats,
        &mut out.lemma,
        &mut out.uas,
        &mut out.las,
    ] {
        f.gold += gold.len();
        f.predicted += pred.len();
    }
    for f in [&mut out.uas_nopunct, &mut out.las_nopunct] {
        f.gold += np;
        f.predicted += pp;
    }
    for g in gold {
        let Some(&pi) = by_span.get(&g.span) else {
            continue;
        };
        let p = &pred[pi];
        out.words.correct += 1;
        out.upos.correct += usize::from(p.upos == g.upos);
        out.xpos.correct += usize::from(p.xpos == g.xpos);
        out.feats.correct += usize::from(p.feats == g.feats);
        out.lemma.correct += usize::from(p.lemma == g.lemma);
        let head_ok = match (g.head, p.head) {
            (None, None) => true,
            (Some(gh), Some(ph)) => gold[gh].span == pred[ph].span,
            _ => false,
        };
        let punct = g.upos == "PUNCT";
        if head_ok {
            out.uas.correct += 1;
            out.uas_nopunct.correct += usize::from(!punct);
            if p.deprel == g.deprel {
                out.las.correct += 1;
                out.las_nopunct.correct += usize::from(!punct);
            }
        }
    }
}

fn gold_words<'a>(sents: &[&'a Sentence], spans: &[Span]) -> Vec<W<'a>> {
    let mut out = Vec::with_capacity(spans.len());
    let mut base = 0;
    for s in sents {
        for w in &s.words {
            out.push(W {
                span: spans[out.len()],
                lemma: &w.lemma,
                upos: &w.upos,
                xpos: &w.xpos,
                feats: &w.feats,
                head: w.head.filter(|&h| h > 0).map(|h| base + h - 1),
                deprel: &w.deprel,
            });
        }
        base += s.words.len();
    }
    out
}

/// Scores the analyzer on the gold words of each sentence.
pub fn eval_gold_tokens(a: &Analyzer, gold: &[Sentence]) -> UdScores {
    let mut out = UdScores::default();
    for s in gold {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let spans: Vec<Span> = (0..words.len() as u32)
            .map(|i| Span::new(i, i + 1))
            .collect();
        let g = gold_words(&[s], &spans);
        let an = a.analyze_words(&words);
        let p: Vec<W<'_>> = an
            .words
            .iter()
            .map(|w| W {
                span: w.span,
                lemma: &w.lemma,
                upos: w.upos,
                xpos: w.xpos,
                feats: w.feats,
                head: (w.head > 0).then(|| w.head as usize - 1),
                deprel: w.deprel,
            })
            .collect();
        tally(&g, &p, &mut out);
    }
    out.sentences = Prf {
        gold: gold.len(),
        predicted: gold.len(),
        correct: gold.len(),
    };
    out
}

/// Scores the whole pipeline from raw text: documents are rebuilt from the
/// gold `# text` lines, segmented, analyzed, and aligned by character spans.
pub fn eval_raw(a: &Analyzer, seg: &Segmenter, gold: &[Sentence]) -> Result<UdScores> {
    let docs = rebuild(gold)?;
    let mut out = UdScores::default();
    let mut by_doc: Vec<Vec<&Sentence>> = Vec::new();
    for s in gold {
        if s.newdoc || by_doc.is_empty() {
            by_doc.push(Vec::new());
        }
        by_doc.last_mut().expect("pushed").push(s);
    }
    for (d, sents) in docs.iter().zip(&by_doc) {
        let g = gold_words(sents, &d.words);
        let segd = seg.segment(&d.text);
        let analyzed = a.analyze(&d.text, &segd);
        let mut p: Vec<W<'_>> = Vec::new();
        for an in &analyzed {
            let base = p.len();
            for w in &an.words {
                p.push(W {
                    span: w.span,
                    lemma: &w.lemma,
                    upos: w.upos,
                    xpos: w.xpos,
                    feats: w.feats,
                    head: (w.head > 0).then(|| base + w.head as usize - 1),
                    deprel: w.deprel,
                });
            }
        }
        tally(&g, &p, &mut out);
        let gs: std::collections::HashSet<Span> = d.sentences.iter().copied().collect();
        out.sentences.gold += d.sentences.len();
        out.sentences.predicted += segd.sentences.len();
        out.sentences.correct += segd
            .sentences
            .iter()
            .filter(|s| gs.contains(&s.span))
            .count();
    }
    Ok(out)
}

/// Scores a system's CoNLL-U output against gold, both rebuilt from their
/// `# text` lines and aligned by character offsets (so a system may tokenize
/// and split sentences its own way, as long as its text is the same).
pub fn eval_files(gold: &[Sentence], system: &[Sentence]) -> Result<UdScores> {
    let gd = rebuild(gold)?;
    let sd = rebuild(system)?;
    if gd.len() != sd.len()
        || gd
            .iter()
            .zip(&sd)
            .any(|(g, s)| squeeze(&g.text) != squeeze(&s.text))
    {
        return Err(crate::Error::Alignment(
            "system and gold texts differ (documents must match, up to whitespace)".into(),
        ));
    }
    let mut out = UdScores::default();
    let (gsents, ssents) = (group(gold), group(system));
    for ((g, s), (gs, ss)) in gd.iter().zip(&sd).zip(gsents.iter().zip(&ssents)) {
        // spans of the system text mapped onto the gold text by non-space position
        let map = SpanMap::new(&s.text, &g.text);
        let sspans: Vec<Span> = s.words.iter().map(|&w| map.map(w)).collect();
        let gw = gold_words(gs, &g.words);
        let sw = gold_words(ss, &sspans);
        tally(&gw, &sw, &mut out);
        let gset: std::collections::HashSet<Span> = g.sentences.iter().copied().collect();
        out.sentences.gold += g.sentences.len();
        out.sentences.predicted += s.sentences.len();
        out.sentences.correct += s
            .sentences
            .iter()
            .filter(|&&x| gset.contains(&map.map(x)))
            .count();
    }
    Ok(out)
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn group(sents: &[Sentence]) -> Vec<Vec<&Sentence>> {
    let mut out: Vec<Vec<&Sentence>> = Vec::new();
    for s in sents {
        if s.newdoc || out.is_empty() {
            out.push(Vec::new());
        }
        out.last_mut().expect("pushed").push(s);
    }
    out
}

/// Maps spans of `from` onto `to`, two texts equal up to whitespace, by the
/// rank of their non-space characters.
struct SpanMap {
    /// rank of the non-space character starting at each byte of `from`
    rank: Vec<u32>,
    /// byte range in `to` of the non-space character of each rank
    to: Vec<(u32, u32)>,
}

impl SpanMap {
    fn new(from: &str, to: &str) -> SpanMap {
        let mut rank = vec![u32::MAX; from.len() + 1];
        let mut k = 0;
        for (i, c) in from.char_indices() {
            if !c.is_whitespace() {
                rank[i] = k;
                k += 1;
            }
        }
        let to = to
            .char_indices()
            .filter(|(_, c)| !c.is_whitespace())
            .map(|(j, c)| (j as u32, (j + c.len_utf8()) as u32))
            .collect();
        SpanMap { rank, to }
    }

    fn map(&self, s: Span) -> Span {
        let first = self.rank.get(s.start as usize).copied().unwrap_or(u32::MAX);
        // the last non-space character inside the span
        let last = (s.start..s.end)
            .rev()
            .map(|i| self.rank[i as usize])
            .find(|&r| r != u32::MAX);
        match (
            self.to.get(first as usize),
            last.and_then(|l| self.to.get(l as usize)),
        ) {
            (Some(a), Some(b)) => Span::new(a.0, b.1),
            _ => Span::new(u32::MAX, u32::MAX),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(span: u32, upos: &'static str, head: Option<usize>, deprel: &'static str) -> W<'static> {
        W {
            span: Span::new(span, span + 1),
            lemma: "x",
            upos,
            xpos: "X",
            feats: "_",
            head,
            deprel,
        }
    }

    #[test]
    fn scores_by_hand() {
        // gold: 0 <-nsubj- 1(root) -obj-> 2, punct 3 -> 1
        let gold = [
            w(0, "PRON", Some(1), "nsubj"),
            w(1, "VERB", None, "root"),
            w(2, "NOUN", Some(1), "obj"),
            w(3, "PUNCT", Some(1), "punct"),
        ];
        // predicted: word 2 attached to 0 (wrong head), punct right, obj label
        // kept; upos of word 2 wrong; word 3 missing (split differently) and an
        // extra word at span 4
        let pred = [
            w(0, "PRON", Some(1), "nsubj"),
            w(1, "VERB", None, "root"),
            w(2, "VERB", Some(0), "obj"),
            w(4, "PUNCT", Some(1), "punct"),
        ];
        let mut s = UdScores::default();
        tally(&gold, &pred, &mut s);
        assert_eq!(
            (s.words.gold, s.words.predicted, s.words.correct),
            (4, 4, 3)
        );
        assert_eq!(s.upos.correct, 2);
        assert_eq!(s.uas.correct, 2);
        assert_eq!(s.las.correct, 2);
        // without punctuation: 3 gold, 3 predicted, 2 right
        assert_eq!(
            (
                s.las_nopunct.gold,
                s.las_nopunct.predicted,
                s.las_nopunct.correct
            ),
            (3, 3, 2)
        );
        assert!((s.uas.f1() - 0.5).abs() < 1e-12);
    }
}
