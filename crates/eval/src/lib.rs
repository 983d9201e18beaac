//! Scoring khaldun against gold data.
//!
//! [`segment`] rebuilds raw documents from CoNLL-U gold (sentences joined by
//! spaces, paragraphs by blank lines), runs the segmenter on them and scores
//! token and sentence spans by exact character offsets, the CoNLL 2018
//! shared task's way. [`ud`] scores tags, lemmas and dependencies, on gold
//! tokens or end to end from raw text (words aligned by character offsets).
#![deny(missing_docs)]

pub mod events;
pub mod ner;
pub mod quotes;
pub mod segment;
pub mod ud;

/// Precision, recall and F1 over matched spans.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
pub struct Prf {
    /// Items in the gold data.
    pub gold: usize,
    /// Items predicted.
    pub predicted: usize,
    /// Items in both.
    pub correct: usize,
}

impl Prf {
    /// correct / predicted (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.correct as f64 / self.predicted as f64
        }
    }

    /// correct / gold (1 when there is no gold).
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.correct as f64 / self.gold as f64
        }
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Adds another count.
    pub fn add(&mut self, o: Prf) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.correct += o.correct;
    }
}

/// An evaluation error.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The gold file could not be parsed.
    #[error("{file}: {source}")]
    Gold {
        /// The gold file.
        file: String,
        /// What was wrong.
        source: khaldun_conllu::Error,
    },
    /// The gold words could not be found in the rebuilt text.
    #[error("{0}")]
    Alignment(String),
}

/// `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_arithmetic() {
        let p = Prf {
            gold: 4,
            predicted: 5,
            correct: 3,
        };
        assert!((p.precision() - 0.6).abs() < 1e-12);
        assert!((p.recall() - 0.75).abs() < 1e-12);
        assert!((p.f1() - 2.0 * 0.6 * 0.75 / 1.35).abs() < 1e-12);
        assert_eq!(Prf::default().f1(), 1.0);
    }
}
