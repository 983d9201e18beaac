//! Sentence boundaries that punctuation does not mark.
//!
//! The rules in [`crate::sentence`] end sentences at terminators. Some
//! sentences end without one: e-mail signatures, list items, headlines run
//! into text ("Thanks, Sean Here you go.", "08:02 PM All: It is ..."). An
//! averaged perceptron, trained on UD English EWT train (CC BY-SA 4.0; see
//! `data/text/BOUNDARY_MODEL.md`), decides at the gaps the rules leave open
//! where the next token could open a sentence (a capital, a digit, a bracket).
//! Features are hashed into a fixed table, so the model is small and scoring
//! costs a few table reads per candidate gap.

use crate::lexicon::Lexicon;
use khaldun_types::Token;
use std::sync::OnceLock;

/// Hashed weight table size (entries).
const DIM: usize = 1 << 17;
const MAGIC: &[u8; 8] = b"KHBND001";

/// A trained boundary classifier.
#[derive(Debug, Clone)]
pub struct BoundaryModel {
    weights: Vec<f32>,
}

/// A model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadModel(pub String);

impl std::fmt::Display for BadModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "bad boundary model: {}", self.0)
    }
}

impl std::error::Error for BadModel {}

impl BoundaryModel {
    /// The model shipped in `data/text/boundary.bin`.
    pub fn builtin() -> &'static BoundaryModel {
        static M: OnceLock<BoundaryModel> = OnceLock::new();
        M.get_or_init(|| {
            BoundaryModel::from_bytes(include_bytes!("../../../data/text/boundary.bin"))
                .unwrap_or_else(|_| BoundaryModel {
                    weights: vec![0.0; DIM],
                })
        })
    }

    /// Reads a model: magic, then `DIM` little-endian i16 weights scaled by 1/256.
    pub fn from_bytes(b: &[u8]) -> Result<BoundaryModel, BadModel> {
        let body = b
            .strip_prefix(MAGIC.as_slice())
            .ok_or_else(|| BadModel("wrong magic".into()))?;
        if body.len() != DIM * 2 {
            return Err(BadModel(format!(
                "expected {} bytes of weights, got {}",
                DIM * 2,
                body.len()
            )));
        }
        let weights = body
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]) as f32 / 256.0)
            .collect();
        Ok(BoundaryModel { weights })
    }

    /// Writes the model (weights quantized to i16 at 1/256 steps).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        for &w in &self.weights {
            let q = (w * 256.0).round().clamp(i16::MIN as f32, i16::MAX as f32) as i16;
            out.extend_from_slice(&q.to_le_bytes());
        }
        out
    }

    fn score(&self, feats: &[u32]) -> f32 {
        feats.iter().map(|&f| self.weights[f as usize]).sum()
    }
}

/// True when the gap before `next` is worth asking the model about.
pub(crate) fn candidate(text: &str, prev: &Token, next: &Token) -> bool {
    let p = prev.span.slice(text);
    let n = next.span.slice(text);
    let c = n.chars().next().unwrap_or(' ');
    let pc = p.chars().next_back().unwrap_or(' ');
    (c.is_uppercase() || c.is_ascii_digit() || matches!(c, '(' | '[' | '-' | '*' | '"' | '“' | '<' | '=' | '_'))
        && !matches!(pc, '.' | '!' | '?' | '…' | '"' | '“' | '‘' | '\'' | '(' | '[' | '$' | '#')
        && !(p.len() == 1 && pc == '-')
        // editorial brackets ("[Prime Minister Narendra] Modi") and numbers
        // after words ("Linux 8", "the 12th Amendment") continue the sentence
        && pc != ']'
}

/// Per-token facts the features combine, computed once per paragraph.
#[derive(Debug, Default)]
pub(crate) struct Prepared {
    /// Hash of each token's lowercased text.
    word: Vec<u64>,
    /// Shape class of each token, with bit 7 set for sentence-opener words.
    shape: Vec<u8>,
}

impl Prepared {
    pub(crate) fn new(lex: &Lexicon, text: &str, tokens: &[Token]) -> Prepared {
        let mut p = Prepared {
            word: Vec::with_capacity(tokens.len()),
            shape: Vec::with_capacity(tokens.len()),
        };
        for t in tokens {
            let w = t.span.slice(text);
            p.word.push(word_hash(w));
            let opener = w.as_bytes()[0].is_ascii_uppercase() && is_starter(lex, w);
            p.shape.push(shape(w) | if opener { 0x80 } else { 0 });
        }
        p
    }
}

/// Whether the model puts a boundary between `tokens[i]` and `tokens[i + 1]`.
pub(crate) fn decide(
    model: &BoundaryModel,
    p: &Prepared,
    text: &str,
    tokens: &[Token],
    i: usize,
    since: usize,
) -> bool {
    let mut f = [0u32; NFEAT];
    features(p, text, tokens, i, since, &mut f);
    model.score(&f) > 0.0
}

const NFEAT: usize = 18;

fn shape(w: &str) -> u8 {
    let (mut up, mut low, mut dig, mut other) = (0, 0, 0, 0);
    if w.is_ascii() {
        for &b in w.as_bytes() {
            match b {
                b'A'..=b'Z' => up += 1,
                b'a'..=b'z' => low += 1,
                b'0'..=b'9' => dig += 1,
                _ => other += 1,
            }
        }
        return shape_of(w, up, low, dig, other);
    }
    for c in w.chars() {
        if c.is_uppercase() {
            up += 1
        } else if c.is_lowercase() {
            low += 1
        } else if c.is_ascii_digit() {
            dig += 1
        } else {
            other += 1
        }
    }
    shape_of(w, up, low, dig, other)
}

fn shape_of(w: &str, up: u32, low: u32, dig: u32, other: u32) -> u8 {
    let first_up = w.chars().next().is_some_and(char::is_uppercase);
    match (up, low, dig, other) {
        (0, 0, 0, _) => 1,             // punctuation
        (_, 0, 0, 0) if up > 1 => 2,   // ACRONYM
        (1, 0, 0, 0) => 3,             // X
        (_, _, 0, 0) if first_up => 4, // Capitalized
        (0, _, 0, 0) => 5,             // lower
        (0, 0, _, 0) => 6,             // 123
        (0, 0, _, _) => 7,             // 12:30, 3.5
        _ if w.contains('@') => 8,     // e-mail
        _ if dig > 0 => 9,             // mixed with digits
        _ => 10,
    }
}

/// `lex.is_starter` without allocating: starters are short ASCII words.
fn is_starter(lex: &Lexicon, w: &str) -> bool {
    let mut buf = [0u8; 16];
    if w.len() > buf.len() || !w.is_ascii() {
        return false;
    }
    for (d, s) in buf.iter_mut().zip(w.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..w.len()]).is_ok_and(|l| lex.is_starter(l))
}

const K: u64 = 0x517c_c1b7_2722_0a95;

/// FxHash-style hash of a word's lowercased bytes (first 24): stable across
/// runs, since the weight table is saved.
fn word_hash(w: &str) -> u64 {
    let mut h: u64 = 0x9e37_79b9_7f4a_7c15;
    for &b in w.as_bytes().iter().take(24) {
        h = (h.rotate_left(5) ^ b.to_ascii_lowercase() as u64).wrapping_mul(K);
    }
    h
}

/// A feature id from a template number and the values it conjoins.
fn mix(template: u64, parts: &[u64]) -> u32 {
    let mut h = (template + 1).wrapping_mul(K);
    for &x in parts {
        h = (h.rotate_left(5) ^ x).wrapping_mul(K);
    }
    ((h >> 32) as usize % DIM) as u32
}

fn bucket(n: usize, edges: &[usize]) -> u64 {
    edges.iter().take_while(|&&e| n > e).count() as u64
}

fn features(
    p: &Prepared,
    text: &str,
    tokens: &[Token],
    i: usize,
    since: usize,
    out: &mut [u32; NFEAT],
) {
    const NONE: u64 = 0x5555;
    let w = |k: usize| p.word.get(k).copied().unwrap_or(NONE);
    let sh = |k: usize| p.shape.get(k).map_or(0, |&s| (s & 0x7f) as u64);
    let (l, r, r1) = (w(i), w(i + 1), w(i + 2));
    let l1 = if i > 0 { w(i - 1) } else { NONE + 1 };
    let (sl, sr, sr1, sr2) = (sh(i), sh(i + 1), sh(i + 2), sh(i + 3));
    let sl1 = if i > 0 { sh(i - 1) } else { 11 };
    let starter = p.shape.get(i + 1).map_or(0, |&s| (s >> 7) as u64);
    let dist = bucket(since, &[1, 2, 3, 6, 10, 20]);
    let until = bucket(tokens.len() - i - 1, &[1, 2, 4, 8, 16]);
    let gap_end = tokens
        .get(i + 1)
        .map_or(tokens[i].span.end, |t| t.span.start) as usize;
    let newline = u64::from(text[tokens[i].span.end as usize..gap_end].contains('\n'));
    out[0] = mix(0, &[]);
    out[1] = mix(1, &[l]);
    out[2] = mix(2, &[r]);
    out[3] = mix(3, &[sl, sr]);
    out[4] = mix(4, &[sl1, sl, sr]);
    out[5] = mix(5, &[sl, sr, sr1]);
    out[6] = mix(6, &[l, sr]);
    out[7] = mix(7, &[sl, r]);
    out[8] = mix(8, &[l1, l]);
    out[9] = mix(9, &[r, r1]);
    out[10] = mix(10, &[starter, sl]);
    out[11] = mix(11, &[dist, sl, sr]);
    out[12] = mix(12, &[newline]);
    out[13] = mix(13, &[l, r]);
    out[14] = mix(14, &[until, sr]);
    out[15] = mix(15, &[dist, until]);
    out[16] = mix(16, &[sl, sr, sr1, sr2]);
    out[17] = mix(17, &[dist, r]);
}

/// One training paragraph: its text, tokens, and which gaps (by index of the
/// token after the gap) open a gold sentence.
pub struct TrainParagraph<'a> {
    /// The text the spans point into.
    pub text: &'a str,
    /// The paragraph's tokens.
    pub tokens: Vec<Token>,
    /// Indices of tokens that open a gold sentence.
    pub starts: Vec<usize>,
}

/// Trains an averaged perceptron on the candidate gaps of `data`.
pub fn train(
    data: &[TrainParagraph<'_>],
    lex: &Lexicon,
    epochs: usize,
    seed: u64,
) -> BoundaryModel {
    // collect examples once: features + label
    let mut examples: Vec<([u32; NFEAT], bool)> = Vec::new();
    for p in data {
        let starts: std::collections::HashSet<usize> = p.starts.iter().copied().collect();
        let prep = Prepared::new(lex, p.text, &p.tokens);
        let mut start = 0;
        for i in 0..p.tokens.len().saturating_sub(1) {
            let y = starts.contains(&(i + 1));
            if candidate(p.text, &p.tokens[i], &p.tokens[i + 1]) {
                let mut f = [0u32; NFEAT];
                features(&prep, p.text, &p.tokens, i, i + 1 - start, &mut f);
                examples.push((f, y));
            }
            if y {
                start = i + 1;
            }
        }
    }
    let mut w = vec![0f32; DIM];
    let mut total = vec![0f32; DIM];
    let mut stamp = vec![0u64; DIM];
    let mut t: u64 = 0;
    let mut rng = seed.max(1);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    for _ in 0..epochs {
        // Fisher-Yates with xorshift: deterministic for a seed
        for k in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(k, (rng % (k as u64 + 1)) as usize);
        }
        for &k in &order {
            t += 1;
            let (f, y) = &examples[k];
            let s: f32 = f.iter().map(|&j| w[j as usize]).sum();
            if (s > 0.0) != *y {
                let d = if *y { 1.0 } else { -1.0 };
                for &j in f {
                    let j = j as usize;
                    total[j] += (t - stamp[j]) as f32 * w[j];
                    stamp[j] = t;
                    w[j] += d;
                }
            }
        }
    }
    let weights = (0..DIM)
        .map(|j| (total[j] + (t - stamp[j]) as f32 * w[j]) / t.max(1) as f32)
        .collect();
    BoundaryModel { weights }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_round_trips() {
        let m = BoundaryModel::builtin();
        let back = BoundaryModel::from_bytes(&m.to_bytes()).unwrap();
        // quantization is lossless for weights already on the 1/256 grid
        assert_eq!(back.weights, m.weights);
        assert!(BoundaryModel::from_bytes(b"nope").is_err());
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("PM"), 2);
        assert_eq!(shape("Sean"), 4);
        assert_eq!(shape("08:02"), 7);
        assert_eq!(shape(","), 1);
    }
}
