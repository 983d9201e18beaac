//! Fast labeled dependency parser producing Universal Dependencies trees.
//!
//! khaldun turns news text into "who did what to whom"; the who and whom come
//! from the dependency tree. This crate owns that step: given words and their
//! POS tags it returns, per word, a head (1-based, `0` = root) and a UD
//! relation ([`Dep`], [`Rel`]).
//!
//! * [`Parser`]: a trained model. [`Parser::builtin`] is the model trained on
//!   UD English EWT and embedded in the binary; [`Parser::from_bytes`] and
//!   [`Parser::to_bytes`] read and write the compact model format.
//! * [`train_parser`] trains a model from CoNLL-U sentences ([`TrainOptions`]);
//!   [`augment_news`] adds news constructions to its training data.
//! * [`eval_parser`] / [`eval_parser_with`] score a model on gold trees
//!   ([`ParseScores`], CoNLL 2018 UAS/LAS with and without punctuation).
//!
//! ```
//! use khaldun_parser::Parser;
//!
//! let words = ["Iraq", "welcomed", "the", "deal", "."];
//! let upos = ["PROPN", "VERB", "DET", "NOUN", "PUNCT"];
//! let xpos = ["NNP", "VBD", "DT", "NN", "."];
//! let deps = Parser::builtin().parse(&words, &upos, &xpos);
//! assert_eq!(deps.len(), 5);
//! assert_eq!(deps.iter().filter(|d| d.head == 0).count(), 1); // one root
//! ```
//!
//! # Design
//!
//! A greedy arc-hybrid transition parser (root last in the buffer) with an
//! averaged perceptron over Zhang & Nivre (2011) style feature templates,
//! trained with the dynamic oracle of Goldberg & Nivre (2012) and exploration.
//! Training tags should be predicted ones (jackknifed), since that is what
//! the parser sees at run time.
//! Labels are predicted jointly with transitions. Speed comes from hashing
//! each token's strings once per sentence, so that features are `u64` mixes
//! looked up in one open-addressing table of quantized class weights
//! (8-byte slots on huge pages: rows of up to three classes inline with
//! codebook weights, longer rows out of line, sparse or dense), with the
//! loads of a transition's 122 features issued together; no allocation
//! happens per transition.
//!
//! Every transition sequence the parser can take ends in a tree: one root,
//! every word with a head, no cycles, whatever the input.
#![deny(missing_docs)]

use std::cell::RefCell;
use std::sync::OnceLock;

mod augment;
mod eval;
mod features;
mod hedge;
mod io;
mod oracle;
mod perceptron;
mod rel;
mod train;
mod transition;

pub use augment::{augment_news, is_inserted_temporal};
pub use eval::{eval_parser, eval_parser_with, ParseScores};
pub use hedge::{runner_up_xpos, RUNNER_UP_MARGIN};
pub use rel::Rel;
pub use train::{jackknife_tags, train_parser, TrainOptions};

use features::{Sent, N_FEATS};
use perceptron::Weights;
use transition::State;

/// Errors from loading models or reading treebanks.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The model bytes are not a valid model for this build.
    #[error("bad parser model: {0}")]
    BadModel(String),
    /// Reading a file failed.
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    /// A CoNLL-U file did not parse.
    #[error("CoNLL-U error: {0}")]
    Conllu(#[from] khaldun_conllu::Error),
}

/// `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// One word's attachment: its head and the relation to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Dep {
    /// Head word, 1-based like CoNLL-U; `0` means the root.
    pub head: u32,
    /// Relation to the head (`nsubj`, `obl`, `root`, ...).
    pub rel: Rel,
}

/// A trained dependency parser. Cheap to share: parsing takes `&self`.
#[derive(Debug, Clone)]
pub struct Parser {
    /// Labels indexed by the label part of a class.
    labels: Vec<Rel>,
    root_label: usize,
    /// Template set of the model (see `features::n_feats`).
    feature_set: u32,
    weights: Weights,
}

/// One sentence's tags, as [`Parser::parse_hedged_into`] takes them.
#[derive(Clone, Copy)]
struct Tags<'a> {
    upos: &'a [&'a str],
    xpos: &'a [&'a str],
    alt: &'a [&'a str],
}

/// Reusable per-thread buffers, so parsing allocates only the output.
struct Scratch {
    sent: Sent,
    state: State,
    feats: [u64; N_FEATS],
    scores: [i32; 256],
}

impl Default for Scratch {
    fn default() -> Self {
        Scratch {
            sent: Sent::default(),
            state: State::default(),
            feats: [0; N_FEATS],
            scores: [0; 256],
        }
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

static BUILTIN_BYTES: &[u8] = include_bytes!("../models/en_ewt.khp");

impl Parser {
    /// The model trained on UD English EWT, embedded in the binary and
    /// decoded on first use. See `MODEL_CARD.md` for its figures.
    ///
    /// Should the embedded model fail to decode (a broken build), this
    /// returns an untrained parser, which still outputs valid trees.
    pub fn builtin() -> &'static Parser {
        static P: OnceLock<Parser> = OnceLock::new();
        P.get_or_init(|| Parser::from_bytes(BUILTIN_BYTES).unwrap_or_else(|_| Parser::untrained()))
    }

    /// A parser with no weights (attaches words in a fixed way); useful as a
    /// fallback and in tests.
    pub fn untrained() -> Parser {
        Parser {
            labels: vec![Rel::ROOT, Rel::DEP],
            root_label: 0,
            feature_set: features::FEATURE_SET_PLAIN,
            weights: Weights::build(1.0, Default::default()),
        }
    }

    /// Decodes a model written by [`Parser::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser> {
        io::from_bytes(bytes)
    }

    /// Encodes the model in the compact little-endian format (see `io.rs`).
    pub fn to_bytes(&self) -> Vec<u8> {
        io::to_bytes(self)
    }

    /// Reads a model file.
    pub fn load(path: impl AsRef<std::path::Path>) -> Result<Parser> {
        Parser::from_bytes(&std::fs::read(path)?)
    }

    /// Writes the model to a file.
    pub fn save(&self, path: impl AsRef<std::path::Path>) -> Result<()> {
        Ok(std::fs::write(path, self.to_bytes())?)
    }

    /// Drops weights smaller in magnitude than `min` (in perceptron units),
    /// trading a little accuracy for a smaller, faster model.
    pub fn prune(&mut self, min: f32) {
        self.weights = self.weights.pruned(min);
    }

    /// Number of features with non-zero weights.
    pub fn n_features(&self) -> usize {
        self.weights.len()
    }

    /// Whether the model weighs the tagger's runner-up tags (see
    /// [`Parser::parse_hedged_into`]); models trained without them ignore
    /// those tags and score fewer features.
    pub fn uses_runner_up(&self) -> bool {
        self.feature_set == features::FEATURE_SET
    }

    /// The relation labels this model can output.
    pub fn labels(&self) -> &[Rel] {
        &self.labels
    }

    /// Parses one sentence. `upos` and `xpos` (Penn tags for English) should
    /// have one tag per word; missing tags are read as `_`, extra ones ignored.
    /// Returns one [`Dep`] per word, always forming a tree.
    pub fn parse(&self, words: &[&str], upos: &[&str], xpos: &[&str]) -> Vec<Dep> {
        let mut out = Vec::with_capacity(words.len());
        self.parse_into(words, upos, xpos, &mut out);
        out
    }

    /// Like [`Parser::parse`] but writes into `out` (cleared first), so a
    /// caller parsing many sentences can reuse one buffer.
    pub fn parse_into(&self, words: &[&str], upos: &[&str], xpos: &[&str], out: &mut Vec<Dep>) {
        self.parse_hedged_into(words, upos, xpos, &[], out);
    }

    /// Like [`Parser::parse_into`], also given per word the tagger's
    /// runner-up XPOS where it hesitated (`""` where it did not; see
    /// [`runner_up_xpos`]), which the model weighs against the chosen tag.
    /// An empty `alt_xpos` is the same as [`Parser::parse_into`].
    pub fn parse_hedged_into(
        &self,
        words: &[&str],
        upos: &[&str],
        xpos: &[&str],
        alt_xpos: &[&str],
        out: &mut Vec<Dep>,
    ) {
        let tags = Tags {
            upos,
            xpos,
            alt: alt_xpos,
        };
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut s) => self.parse_with(&mut s, words, tags, out),
            // Only reachable through re-entrancy; stay correct, just slower.
            Err(_) => self.parse_with(&mut Scratch::default(), words, tags, out),
        })
    }

    fn parse_with(&self, s: &mut Scratch, words: &[&str], tags: Tags<'_>, out: &mut Vec<Dep>) {
        out.clear();
        let n = words.len();
        s.sent.fill(words, tags.upos, tags.xpos, tags.alt);
        s.state.reset(n);
        // Classes fit in a byte: models have at most 127 labels.
        let nc = transition::n_classes(self.labels.len()).min(256);
        let feats = &mut s.feats;
        let nf = features::n_feats(self.feature_set).unwrap_or(N_FEATS);
        // Arc-hybrid needs exactly 2n transitions; the bound only guards
        // against a malformed model making no progress.
        let mut steps = 0;
        while !s.state.is_terminal() && steps <= 2 * n + 2 {
            features::extract(&s.state, &s.sent, feats, nf == N_FEATS);
            self.weights.score(&feats[..nf], &mut s.scores);
            let c = transition::best_legal(&s.state, &s.scores[..nc], self.root_label);
            s.state.apply(c);
            steps += 1;
        }
        // Safety net for the same case: hang headless words off one root.
        let heads = &s.state.head[..n];
        let root = heads.iter().position(|&h| h as usize == n);
        let root = root.or_else(|| heads.iter().position(|&h| h == transition::NONE));
        for i in 0..n {
            let mut h = s.state.head[i];
            if h == transition::NONE {
                h = match root {
                    Some(r) if r != i => r as u32,
                    _ => n as u32,
                };
            }
            let head = if h as usize >= n { 0 } else { h + 1 };
            let rel = self
                .labels
                .get(s.state.label[i] as usize)
                .copied()
                .unwrap_or(Rel::DEP);
            out.push(Dep { head, rel });
        }
    }
}

/// True when `deps` (1-based heads, 0 = root) form one tree: a single root,
/// every head in range, no cycle. Every parse this crate returns is one.
pub fn is_tree(deps: &[Dep]) -> bool {
    let n = deps.len();
    if n == 0 {
        return true;
    }
    if deps.iter().filter(|d| d.head == 0).count() != 1 {
        return false;
    }
    (0..n).all(|i| {
        // walking up from any word must reach the root within n steps
        let mut cur = i;
        for _ in 0..=n {
            match deps[cur].head {
                0 => return true,
                h if (h as usize) <= n => cur = h as usize - 1,
                _ => return false,
            }
        }
        false
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untrained_parser_outputs_trees() {
        let p = Parser::untrained();
        for n in [0, 1, 2, 7, 500] {
            let words: Vec<String> = (0..n).map(|i| format!("w{i}")).collect();
            let w: Vec<&str> = words.iter().map(String::as_str).collect();
            let deps = p.parse(&w, &[], &[]);
            assert_eq!(deps.len(), n);
            assert!(is_tree(&deps));
            if n == 1 {
                assert_eq!(
                    deps[0],
                    Dep {
                        head: 0,
                        rel: Rel::ROOT
                    }
                );
            }
        }
    }

    #[test]
    fn untrained_round_trips() {
        let p = Parser::untrained();
        let q = Parser::from_bytes(&p.to_bytes()).unwrap();
        assert_eq!(q.labels, p.labels);
        assert!(Parser::from_bytes(b"nonsense").is_err());
        assert!(Parser::from_bytes(&p.to_bytes()[..10]).is_err());
    }
}
