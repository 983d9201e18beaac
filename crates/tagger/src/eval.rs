//! Scoring against gold data: per-token accuracy for tags and lemmas,
//! exact-span entity P/R/F1 (per type and micro-averaged).

use khaldun_conllu::{IobSentence, Sentence};

use crate::document::harmonize_entities;
use crate::ner::{spans_from_bio, EntityLabel, EntitySpan, Ner};
use crate::tagger::Tagger;

/// Tagging accuracy in percent over gold-tokenised words.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct TagScores {
    /// Words scored.
    pub tokens: usize,
    /// UPOS accuracy, percent.
    pub upos: f64,
    /// XPOS accuracy, percent.
    pub xpos: f64,
    /// Whole-FEATS-string accuracy, percent.
    pub feats: f64,
    /// Lemma accuracy (exact string), percent.
    pub lemma: f64,
    /// UPOS, XPOS and FEATS all right, percent (UD's "AllTags").
    pub all_tags: f64,
}

/// Tags `gold`'s words with `tagger` and compares with the gold columns.
pub fn eval_tagger(tagger: &Tagger, gold: &[Sentence]) -> TagScores {
    let (mut n, mut u, mut x, mut f, mut l, mut a) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize);
    let mut out = Vec::new();
    for s in gold {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        tagger.tag_into(&words, &mut out);
        for (g, p) in s.words.iter().zip(&out) {
            n += 1;
            let (cu, cx, cf) = (g.upos == p.upos, g.xpos == p.xpos, g.feats == p.feats);
            u += usize::from(cu);
            x += usize::from(cx);
            f += usize::from(cf);
            a += usize::from(cu && cx && cf);
            l += usize::from(g.lemma == p.lemma);
        }
    }
    let pct = |k: usize| {
        if n == 0 {
            0.0
        } else {
            100.0 * k as f64 / n as f64
        }
    };
    TagScores {
        tokens: n,
        upos: pct(u),
        xpos: pct(x),
        feats: pct(f),
        lemma: pct(l),
        all_tags: pct(a),
    }
}

/// Counts for one entity type (or all, micro-averaged).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Prf {
    /// Gold entities.
    pub gold: usize,
    /// Predicted entities.
    pub predicted: usize,
    /// Predicted entities matching a gold one exactly (span and type).
    pub correct: usize,
}

impl Prf {
    /// Precision, percent.
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            0.0
        } else {
            100.0 * self.correct as f64 / self.predicted as f64
        }
    }
    /// Recall, percent.
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            100.0 * self.correct as f64 / self.gold as f64
        }
    }
    /// F1, percent.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Entity-level scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NerScores {
    /// Per type, indexed by [`EntityLabel::index`].
    pub per_label: [Prf; 3],
    /// Micro-average over all types.
    pub micro: Prf,
}

impl NerScores {
    /// Scores of one type.
    pub fn label(&self, l: EntityLabel) -> Prf {
        self.per_label[l.index()]
    }
}

/// One line per type, then the micro-average, with their counts.
impl std::fmt::Display for NerScores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let line = |f: &mut std::fmt::Formatter<'_>, name: &str, p: Prf| {
            writeln!(
                f,
                "  {name}  P {:.2}  R {:.2}  F1 {:.2}  (gold {}, predicted {}, correct {})",
                p.precision(),
                p.recall(),
                p.f1(),
                p.gold,
                p.predicted,
                p.correct
            )
        };
        for l in EntityLabel::ALL {
            line(f, l.as_str(), self.label(l))?;
        }
        line(f, "micro", self.micro)
    }
}

/// Tags `gold`'s tokens (UPOS from `tagger`, entities from `ner`) and scores
/// exact span + type matches. Gold types other than PER/ORG/LOC are ignored.
pub fn eval_ner(ner: &Ner, tagger: &Tagger, gold: &[IobSentence]) -> NerScores {
    eval_ner_inner(ner, tagger, gold, false)
}

/// Like [`eval_ner`], then [`harmonize_entities`] over each document
/// (consecutive sentences with the same [`document_id`]).
pub fn eval_ner_documents(ner: &Ner, tagger: &Tagger, gold: &[IobSentence]) -> NerScores {
    eval_ner_inner(ner, tagger, gold, true)
}

/// The document of a UD/UNER sentence id: the id without its `-NNNN`
/// sentence number (`answers-2008...AA4YiX5_ans-0002` ->
/// `answers-2008...AA4YiX5_ans`).
pub fn document_id(sent_id: &str) -> &str {
    sent_id.rsplit_once('-').map_or(sent_id, |(d, _)| d)
}

fn eval_ner_inner(ner: &Ner, tagger: &Tagger, gold: &[IobSentence], documents: bool) -> NerScores {
    let mut sc = NerScores::default();
    let mut tagged = Vec::new();
    let id = |k: usize| gold[k].sent_id.as_deref().map(document_id);
    let mut start = 0;
    while start < gold.len() {
        let mut end = start + 1;
        while documents && end < gold.len() && id(start).is_some() && id(end) == id(start) {
            end += 1;
        }
        let sents = &gold[start..end];
        start = end;
        let words: Vec<Vec<&str>> = sents
            .iter()
            .map(|s| s.tokens.iter().map(String::as_str).collect())
            .collect();
        let mut pred: Vec<Vec<EntitySpan>> = words
            .iter()
            .map(|w| {
                tagger.tag_into(w, &mut tagged);
                let upos: Vec<&str> = tagged.iter().map(|t| t.upos).collect();
                ner.tag(w, &upos)
            })
            .collect();
        if documents {
            harmonize_entities(&words, &mut pred);
        }
        for (s, pred) in sents.iter().zip(&pred) {
            let gold_spans = spans_from_bio(&s.tags);
            for g in &gold_spans {
                sc.per_label[g.label.index()].gold += 1;
            }
            for p in pred {
                let e = &mut sc.per_label[p.label.index()];
                e.predicted += 1;
                e.correct += usize::from(gold_spans.contains(p));
            }
        }
    }
    for p in sc.per_label {
        sc.micro.gold += p.gold;
        sc.micro.predicted += p.predicted;
        sc.micro.correct += p.correct;
    }
    sc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_handles_zero() {
        let p = Prf::default();
        assert_eq!((p.precision(), p.recall(), p.f1()), (0.0, 0.0, 0.0));
        let p = Prf {
            gold: 4,
            predicted: 2,
            correct: 2,
        };
        assert_eq!(p.precision(), 100.0);
        assert_eq!(p.recall(), 50.0);
        assert!((p.f1() - 200.0 / 3.0).abs() < 1e-9);
    }
}
