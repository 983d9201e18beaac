//! khaldun's analysis stage: every sentence of a segmented document gets
//! part-of-speech tags, lemmas, morphological features, named entities and a
//! labeled dependency tree, from the models trained here (see the tagger's and
//! parser's model cards).
//!
//! ```
//! use khaldun_analysis::Analyzer;
//! let a = Analyzer::builtin();
//! let s = a.analyze_words(&["Parly", "met", "Iraqi", "officials", "in", "Baghdad", "on", "Thursday", "."]);
//! assert_eq!(s.words[1].lemma, "meet");
//! assert_eq!(s.words[1].deprel, "root");
//! ```
//!
//! Design: the analyzer borrows the models (loaded once, shared by threads)
//! and owns nothing per document; later stages (actors, events) read its
//! output beside the document's spans.
#![deny(missing_docs)]

use khaldun_parser::Parser;
use khaldun_tagger::{EntityLabel, Ner, Tagger};
use khaldun_types::{Segmented, Sentence, Span};

/// One analyzed word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Where the word is in the document text.
    pub span: Span,
    /// Lemma ("meet" for "met").
    pub lemma: String,
    /// Universal POS tag.
    pub upos: &'static str,
    /// Penn Treebank tag.
    pub xpos: &'static str,
    /// UD morphological features, or `_`.
    pub feats: &'static str,
    /// Head word, 1-based within the sentence; 0 for the root.
    pub head: u32,
    /// UD relation to the head.
    pub deprel: &'static str,
}

/// A named entity over words `start..end` of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entity {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// `PER`, `ORG` or `LOC`.
    pub label: &'static str,
}

/// One analyzed sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnalyzedSentence {
    /// Its words, in order.
    pub words: Vec<Word>,
    /// Named entities, in order.
    pub entities: Vec<Entity>,
}

/// Runs the models. Cheap to copy; share one across threads.
#[derive(Clone, Copy)]
pub struct Analyzer {
    tagger: &'static Tagger,
    parser: &'static Parser,
    ner: &'static Ner,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Analyzer")
    }
}

impl Analyzer {
    /// The models compiled into khaldun.
    pub fn builtin() -> Analyzer {
        Analyzer {
            tagger: Tagger::builtin(),
            parser: Parser::builtin(),
            ner: Ner::builtin(),
        }
    }

    /// Models of one's own (e.g. freshly trained), leaked to live as long as the program.
    pub fn with_models(tagger: Tagger, parser: Parser, ner: Ner) -> Analyzer {
        Analyzer {
            tagger: Box::leak(Box::new(tagger)),
            parser: Box::leak(Box::new(parser)),
            ner: Box::leak(Box::new(ner)),
        }
    }

    /// Analyzes one sentence given as words; spans are word indices.
    pub fn analyze_words(&self, words: &[&str]) -> AnalyzedSentence {
        let spans: Vec<Span> = (0..words.len() as u32)
            .map(|i| Span::new(i, i + 1))
            .collect();
        self.run(words, &spans)
    }

    /// Analyzes a sentence of a segmented document.
    pub fn analyze_sentence(&self, text: &str, s: &Sentence) -> AnalyzedSentence {
        let words: Vec<&str> = s.tokens.iter().map(|t| t.span.slice(text)).collect();
        let spans: Vec<Span> = s.tokens.iter().map(|t| t.span).collect();
        self.run(&words, &spans)
    }

    /// Analyzes every sentence of a segmented document.
    pub fn analyze(&self, text: &str, seg: &Segmented) -> Vec<AnalyzedSentence> {
        seg.sentences
            .iter()
            .map(|s| self.analyze_sentence(text, s))
            .collect()
    }

    fn run(&self, words: &[&str], spans: &[Span]) -> AnalyzedSentence {
        if words.is_empty() {
            return AnalyzedSentence::default();
        }
        let tags = self.tagger.tag(words);
        let upos: Vec<&str> = tags.iter().map(|t| t.upos).collect();
        let xpos: Vec<&str> = tags.iter().map(|t| t.xpos).collect();
        let deps = self.parser.parse(words, &upos, &xpos);
        let entities = self
            .ner
            .tag(words, &upos)
            .into_iter()
            .map(|e| Entity {
                start: e.start,
                end: e.end,
                label: match e.label {
                    EntityLabel::Per => "PER",
                    EntityLabel::Org => "ORG",
                    EntityLabel::Loc => "LOC",
                },
            })
            .collect();
        let words = tags
            .into_iter()
            .zip(deps)
            .zip(spans)
            .map(|((t, d), &span)| Word {
                span,
                lemma: t.lemma,
                upos: t.upos,
                xpos: t.xpos,
                feats: t.feats,
                head: d.head,
                deprel: d.rel.as_str(),
            })
            .collect();
        AnalyzedSentence { words, entities }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_gets_a_tree_position() {
        let a = Analyzer::builtin();
        let s = a.analyze_words(&[
            "Turkish", "jets", "launched", "air", "strikes", "against", "the", "PKK", ".",
        ]);
        assert_eq!(s.words.len(), 9);
        assert_eq!(s.words.iter().filter(|w| w.head == 0).count(), 1);
        assert!(s.words.iter().all(|w| (w.head as usize) <= 9));
        assert_eq!(s.words[4].lemma, "strike");
        assert!(a.analyze_words(&[]).words.is_empty());
    }
}
