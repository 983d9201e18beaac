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
        && !(c.is_ascii_digit() && pc.is_alphabetic())
        && !(p.starts_with(|x: char| x.is_ascii_digit()) && pc.is_alphabetic())
}

/// Whether the model puts a boundary between `tokens[i]` and `tokens[i + 1]`.
pub(crate) fn decide(
    model: &BoundaryModel,
    lex: &Lexicon,
    text: &str,
    tokens: &[Token],
    i: usize,
    since: usize,
) -> bool {
    let mut f = [0u32; NFEAT];
    features(lex, text, tokens, i, since, &mut f);
    model.score(&f) > 0.0
}

const NFEAT: usize = 18;

fn shape(w: &str) -> u8 {
    let mut up = 0;
    let mut low = 0;
    let mut dig = 0;
    let mut other = 0;
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

fn hash(template: u32, parts: &[&[u8]]) -> u32 {
    // FxHash-style: fast and stable across runs (the table is saved).
    let mut h: u64 = (template as u64 + 1).wrapping_mul(0x517c_c1b7_2722_0a95);
    for p in parts {
        for &b in p.iter().take(24) {
            h = (h.rotate_left(5) ^ b.to_ascii_lowercase() as u64)
                .wrapping_mul(0x517c_c1b7_2722_0a95);
        }
        h = (h.rotate_left(5) ^ 0xff).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    ((h >> 32) as usize % DIM) as u32
}

fn features(
    lex: &Lexicon,
    text: &str,
    tokens: &[Token],
    i: usize,
    since: usize,
    out: &mut [u32; NFEAT],
) {
    let w = |k: usize| tokens.get(k).map_or("", |t| t.span.slice(text));
    let l = w(i);
    let r = w(i + 1);
    let l1 = if i > 0 { w(i - 1) } else { "<s>" };
    let r1 = w(i + 2);
    let (sl, sr, sl1, sr1) = ([shape(l)], [shape(r)], [shape(l1)], [shape(r1)]);
    let starter = [u8::from(lex.is_starter(&r.to_lowercase()))];
    let dist = [match since {
        0..=1 => 0u8,
        2 => 1,
        3 => 2,
        4..=6 => 3,
        7..=10 => 4,
        11..=20 => 5,
        _ => 6,
    }];
    let gap = &text[tokens[i].span.end as usize
        ..tokens
            .get(i + 1)
            .map_or(tokens[i].span.end, |t| t.span.start) as usize];
    let newline = [u8::from(gap.contains('\n'))];
    out[0] = hash(0, &[]);
    out[1] = hash(1, &[l.as_bytes()]);
    out[2] = hash(2, &[r.as_bytes()]);
    out[3] = hash(3, &[&sl, &sr]);
    out[4] = hash(4, &[&sl1, &sl, &sr]);
    out[5] = hash(5, &[&sl, &sr, &sr1]);
    out[6] = hash(6, &[l.as_bytes(), &sr]);
    out[7] = hash(7, &[&sl, r.as_bytes()]);
    out[8] = hash(8, &[l1.as_bytes(), l.as_bytes()]);
    out[9] = hash(9, &[r.as_bytes(), r1.as_bytes()]);
    out[10] = hash(10, &[&starter, &sl]);
    out[11] = hash(11, &[&dist, &sl, &sr]);
    out[12] = hash(12, &[&newline]);
    out[13] = hash(13, &[l.as_bytes(), r.as_bytes()]);
    let left = tokens.len() - i - 1;
    let until = [match left {
        0..=1 => 0u8,
        2 => 1,
        3..=4 => 2,
        5..=8 => 3,
        9..=16 => 4,
        _ => 5,
    }];
    let sr2 = [shape(w(i + 3))];
    out[14] = hash(14, &[&until, &sr]);
    out[15] = hash(15, &[&dist, &until]);
    out[16] = hash(16, &[&sl, &sr, &sr1, &sr2]);
    out[17] = hash(17, &[&dist, r.as_bytes()]);
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
        let mut start = 0;
        for i in 0..p.tokens.len().saturating_sub(1) {
            let y = starts.contains(&(i + 1));
            if candidate(p.text, &p.tokens[i], &p.tokens[i + 1]) {
                let mut f = [0u32; NFEAT];
                features(lex, p.text, &p.tokens, i, i + 1 - start, &mut f);
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
