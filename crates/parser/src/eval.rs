//! Attachment scores against gold trees, the CoNLL 2018 way: gold
//! tokenization, every syntactic word counted (punctuation too), LAS compares
//! the universal part of the relation (`nmod:poss` counts as `nmod`).

use khaldun_conllu::Sentence;

use crate::Parser;

/// Attachment scores in percent.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ParseScores {
    /// Unlabeled attachment score over all words.
    pub uas: f64,
    /// Labeled attachment score over all words (universal relations).
    pub las: f64,
    /// UAS over words whose gold UPOS is not `PUNCT`.
    pub uas_nopunct: f64,
    /// LAS over words whose gold UPOS is not `PUNCT`.
    pub las_nopunct: f64,
    /// LAS requiring the full label, subtype included (`nmod:poss`).
    pub las_full: f64,
    /// Words scored (all words with a gold head).
    pub tokens: usize,
    /// Sentences scored.
    pub sentences: usize,
}

/// Scores `parser` on `gold` with gold tokenization. With `use_gold_tags`
/// the gold UPOS/XPOS are the parser's input; otherwise the builtin
/// `khaldun-tagger` model tags the gold words first and the parser also
/// gets its runner-up tags ([`crate::runner_up_xpos`]), which is how khaldun
/// runs. For any other tag source use [`eval_parser_with`].
pub fn eval_parser(parser: &Parser, gold: &[Sentence], use_gold_tags: bool) -> ParseScores {
    if use_gold_tags {
        eval_parser_with(parser, gold, |s| {
            let upos = s.words.iter().map(|w| w.upos.clone()).collect();
            let xpos = s.words.iter().map(|w| w.xpos.clone()).collect();
            (upos, xpos)
        })
    } else {
        let tagger = khaldun_tagger::Tagger::builtin();
        let (mut tagged, mut runner, mut alt) = (Vec::new(), Vec::new(), Vec::new());
        eval_hedged(parser, gold, |s| {
            let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            tagger.tag_with_runner_up(&words, &mut tagged, &mut runner);
            crate::runner_up_xpos(tagger, &tagged, &runner, &mut alt);
            let upos = tagged.iter().map(|t| t.upos.to_string()).collect();
            let xpos = tagged.iter().map(|t| t.xpos.to_string()).collect();
            let alt = alt.iter().map(|a| a.to_string()).collect();
            (upos, xpos, alt)
        })
    }
}

/// Scores `parser` on `gold`, taking each sentence's `(upos, xpos)` from
/// `tags` (for instance a POS tagger run on the gold words).
pub fn eval_parser_with<F>(parser: &Parser, gold: &[Sentence], mut tags: F) -> ParseScores
where
    F: FnMut(&Sentence) -> (Vec<String>, Vec<String>),
{
    eval_hedged(parser, gold, |s| {
        let (upos, xpos) = tags(s);
        (upos, xpos, Vec::new())
    })
}

/// [`eval_parser_with`] with runner-up tags as a third list.
fn eval_hedged<F>(parser: &Parser, gold: &[Sentence], mut tags: F) -> ParseScores
where
    F: FnMut(&Sentence) -> (Vec<String>, Vec<String>, Vec<String>),
{
    let (mut n, mut uas, mut las, mut full) = (0usize, 0usize, 0usize, 0usize);
    let (mut np, mut uas_np, mut las_np) = (0usize, 0usize, 0usize);
    let mut out = Vec::new();
    for s in gold {
        let (upos, xpos, alt) = tags(s);
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let upos: Vec<&str> = upos.iter().map(String::as_str).collect();
        let xpos: Vec<&str> = xpos.iter().map(String::as_str).collect();
        let alt: Vec<&str> = alt.iter().map(String::as_str).collect();
        parser.parse_hedged_into(&words, &upos, &xpos, &alt, &mut out);
        for (w, d) in s.words.iter().zip(&out) {
            let Some(gh) = w.head else { continue };
            let head_ok = gh == d.head as usize;
            let gold_universal = w.deprel.split(':').next().unwrap_or("");
            let lab_ok = head_ok && gold_universal == d.rel.universal();
            let punct = w.upos == "PUNCT";
            n += 1;
            uas += usize::from(head_ok);
            las += usize::from(lab_ok);
            full += usize::from(head_ok && w.deprel == d.rel.as_str());
            if !punct {
                np += 1;
                uas_np += usize::from(head_ok);
                las_np += usize::from(lab_ok);
            }
        }
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    ParseScores {
        uas: pct(uas, n),
        las: pct(las, n),
        uas_nopunct: pct(uas_np, np),
        las_nopunct: pct(las_np, np),
        las_full: pct(full, n),
        tokens: n,
        sentences: gold.len(),
    }
}
