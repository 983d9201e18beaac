//! Entity-level named-entity scores: an entity counts when its span and its
//! type both match (the CoNLL convention; an `I-` tag after `O` or after
//! another type opens an entity).

use crate::Prf;
use khaldun_conllu::IobSentence;
use std::collections::{BTreeMap, HashSet};

/// Entities of a tag sequence as `(start, end, type)`, `end` exclusive.
pub fn entities(tags: &[String]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, String)> = None;
    for (i, t) in tags.iter().enumerate() {
        let (bio, ty) = match t.split_once('-') {
            Some((b, ty)) => (b, ty),
            None => ("O", ""),
        };
        let continues = bio == "I" && cur.as_ref().is_some_and(|(_, c)| c == ty);
        if !continues {
            if let Some((s, c)) = cur.take() {
                out.push((s, i, c));
            }
            if bio == "B" || bio == "I" {
                cur = Some((i, ty.to_string()));
            }
        }
    }
    if let Some((s, c)) = cur {
        out.push((s, tags.len(), c));
    }
    out
}

/// Per-type and micro-averaged scores.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct NerScores {
    /// By entity type.
    pub by_type: BTreeMap<String, Prf>,
    /// Over all types.
    pub micro: Prf,
}

/// Scores system tags against gold tags, sentence by sentence.
pub fn score<'a>(pairs: impl IntoIterator<Item = (&'a [String], &'a [String])>) -> NerScores {
    let mut out = NerScores::default();
    for (gold, sys) in pairs {
        let g: HashSet<_> = entities(gold).into_iter().collect();
        let s: HashSet<_> = entities(sys).into_iter().collect();
        for e in &g {
            out.by_type.entry(e.2.clone()).or_default().gold += 1;
        }
        for e in &s {
            let p = out.by_type.entry(e.2.clone()).or_default();
            p.predicted += 1;
            if g.contains(e) {
                p.correct += 1;
            }
        }
    }
    for p in out.by_type.values() {
        out.micro.add(*p);
    }
    out
}

/// Scores a system IOB2 file against gold; sentences must pair up with the same tokens.
pub fn score_files(gold: &[IobSentence], sys: &[IobSentence]) -> crate::Result<NerScores> {
    if gold.len() != sys.len() {
        return Err(crate::Error::Alignment(format!(
            "{} gold sentences but {} system sentences",
            gold.len(),
            sys.len()
        )));
    }
    for (k, (g, s)) in gold.iter().zip(sys).enumerate() {
        if g.tokens != s.tokens {
            return Err(crate::Error::Alignment(format!(
                "sentence {}: system tokens differ from gold",
                k + 1
            )));
        }
    }
    Ok(score(
        gold.iter()
            .zip(sys)
            .map(|(g, s)| (g.tags.as_slice(), s.tags.as_slice())),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<String> {
        s.split(' ').map(String::from).collect()
    }

    #[test]
    fn reads_entities_conll_style() {
        let e = entities(&tags("B-PER I-PER O I-LOC B-ORG I-LOC"));
        assert_eq!(
            e,
            [
                (0, 2, "PER".into()),
                (3, 4, "LOC".into()),
                (4, 5, "ORG".into()),
                (5, 6, "LOC".into())
            ]
        );
    }

    #[test]
    fn scores_by_hand() {
        let g = tags("B-PER I-PER O B-LOC O B-ORG");
        let s = tags("B-PER I-PER O B-ORG O B-ORG");
        let r = score([(g.as_slice(), s.as_slice())]);
        // PER right; LOC missed; ORG: one right, one wrong (the LOC span)
        assert_eq!(
            (r.micro.gold, r.micro.predicted, r.micro.correct),
            (3, 3, 2)
        );
        assert_eq!(r.by_type["ORG"].predicted, 2);
        assert_eq!(r.by_type["LOC"].correct, 0);
    }
}
