//! Part-of-speech tagging (UPOS, Penn XPOS, UD FEATS), lemmatization and
//! named-entity recognition (PER/ORG/LOC) for English, trained in this crate
//! on UD English EWT and UNER English EWT.
//!
//! Main types: [`Tagger`] (tags + FEATS + lemmas, via [`Lemmatizer`]) and
//! [`Ner`]. Both ship with a model embedded in the binary
//! ([`Tagger::builtin`], [`Ner::builtin`]); [`train_tagger`], [`train_ner`],
//! [`eval_tagger`] and [`eval_ner`] retrain and score them;
//! [`harmonize_entities`] gives each name one label across a document's
//! sentences.
//!
//! ```
//! use khaldun_tagger::{Ner, Tagger};
//!
//! let words = ["Florence", "Parly", "met", "Iraqi", "officials", "in", "Baghdad", "."];
//! let tags = Tagger::builtin().tag(&words);
//! assert_eq!((tags[2].upos, tags[2].xpos, tags[2].lemma.as_str()), ("VERB", "VBD", "meet"));
//! let upos: Vec<&str> = tags.iter().map(|t| t.upos).collect();
//! for e in Ner::builtin().tag(&words, &upos) {
//!     println!("{} {}", e.label.as_str(), words[e.start..e.end].join(" "));
//! }
//! ```
//!
//! # Design
//!
//! Both models are averaged perceptrons over hashed sparse features, decoded
//! greedily left to right: fast (no per-token allocation, one hash lookup per
//! feature) and deterministic given a seed. Feature keys are 32-bit hashes
//! of (template, string hashes), so no feature strings are ever built. The
//! POS tagger predicts joint `UPOS|XPOS` classes; a second pass sees the
//! first pass's tags to the right. Frequent unambiguous words skip scoring
//! and frequent words are restricted to the classes seen with them. Weights
//! are quantised to `i16` and stored in a compact varint format
//! (`models/*.bin`). See `MODEL_CARD.md` for data, licence and figures.

#![deny(missing_docs)]

mod document;
mod eval;
mod features;
mod finite;
mod gazetteer;
mod hash;
mod io;
mod lemma;
mod lexicon;
mod ner;
mod perceptron;
mod tagger;

pub use document::harmonize_entities;
pub use eval::{document_id, eval_ner, eval_ner_documents, eval_tagger, NerScores, Prf, TagScores};
pub use lemma::Lemmatizer;
pub use ner::{spans_from_bio, train_ner, train_ner_with_gazetteer, EntityLabel, EntitySpan, Ner};
pub use tagger::{train_tagger, RunnerUp, Tagged, Tagger, TrainOptions};

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A model file is truncated, corrupt or of another format version.
    #[error("bad model: {0}")]
    BadModel(String),
}

/// `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
