//! The POS tagger: one averaged perceptron over joint `UPOS|XPOS` classes,
//! decoded greedily left to right, optionally followed by a second pass that
//! also sees the first pass's tags to the right. FEATS come from a lexicon of
//! (word, class) with a per-class default; lemmas from [`Lemmatizer`].

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::Arc;

use khaldun_conllu::Sentence;

use crate::features::{self, Tok, NO_TAG, ROLES, ROLE_OFFSETS};
use crate::hash::{bytes, mix, FxMap, Rng};
use crate::io::{Reader, Writer};
use crate::lemma::Lemmatizer;
use crate::lexicon::Lexicon;
use crate::perceptron::{Trainer, Weights};
use crate::{Error, Result};

const MAGIC: &[u8; 4] = b"KTAG";
const VERSION: u32 = 3;
/// Vocabulary id of a word outside the cached vocabulary.
const NO_VID: u32 = u32::MAX;
/// Only the most frequent vocabulary words get cached rows (load time).
const MAX_CACHED: usize = 3000;

/// One tagged word. String fields borrow from the [`Tagger`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tagged<'t> {
    /// Joint class id (index into [`Tagger::classes`]); stable for one model.
    pub class: u16,
    /// Universal POS tag, e.g. `VERB`.
    pub upos: &'t str,
    /// Penn Treebank tag, e.g. `VBD`.
    pub xpos: &'t str,
    /// UD morphological features, e.g. `Mood=Ind|Tense=Past|VerbForm=Fin`, or `_`.
    pub feats: &'t str,
    /// Lemma, e.g. `meet` for `met`.
    pub lemma: String,
}

/// Options for [`train_tagger`] and [`crate::train_ner`].
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the shuffling PRNG; same data + options + seed = same model.
    pub seed: u64,
    /// Train a second pass that sees right-context tags (POS only).
    pub two_pass: bool,
    /// Jackknife folds producing first-pass tags to train the second pass on.
    pub folds: usize,
    /// Words seen this often are restricted to the classes seen with them.
    pub dict_min_count: u32,
    /// Words seen this often with one class only skip scoring entirely.
    pub fixed_min_count: u32,
    /// Drop quantised weights below this magnitude (of 32767 for the largest).
    pub min_weight: i16,
    /// Words seen this often get their static feature weights precomputed
    /// at load time (speed only; capped at `dict_min_count`).
    pub vocab_min_count: u32,
    /// Second pass: tokens whose first-pass margin (best minus runner-up
    /// score, in averaged-perceptron units) is at least this keep their
    /// first-pass tag unscored. `f32::INFINITY` rescores every token.
    pub pass2_margin: f32,
    /// Training-time word dropout: tokens of words seen at most this often
    /// in train are sometimes scored without their word-identity features,
    /// so the model learns how to tag unknown words (0: off).
    pub dropout_max_count: u32,
    /// Probability of dropping such a token's word features (per epoch).
    pub dropout_p: f64,
    /// Perceptron runs per pass, each with its own shuffling; their
    /// averaged weights are summed into one model (same run-time cost).
    pub runs: usize,
    /// NER only: hypotheses kept per word in beam decoding (1: greedy
    /// left-to-right, trained token by token; more: beam search over BIO
    /// sequences, trained with early updates).
    pub ner_beam: usize,
    /// Print progress to stderr.
    pub verbose: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 10,
            seed: 1,
            two_pass: true,
            folds: 4,
            dict_min_count: 10,
            fixed_min_count: 20,
            min_weight: 4,
            vocab_min_count: 3,
            pass2_margin: f32::INFINITY,
            dropout_max_count: 2,
            dropout_p: 0.3,
            runs: 1,
            ner_beam: 8,
            verbose: false,
        }
    }
}

/// Part-of-speech tagger, morphological features and lemmatizer.
#[derive(Clone)]
pub struct Tagger {
    upos: Vec<String>,
    xpos: Vec<String>,
    pass1: Weights,
    pass2: Option<Weights>,
    /// See [`TrainOptions::pass2_margin`].
    pass2_margin: f32,
    lexicon: Arc<Lexicon>,
    /// Lowercased-form hash -> how that form is tagged when it occurs in
    /// lowercase in train (see [`low_code`]); feeds [`Tok::low`] of
    /// capitalised words.
    lowcase: FxMap<u64, u32>,
    /// Frequent training words (exact forms), most frequent first.
    vocab: Vec<String>,
    /// Per vocabulary word: its only class (frequent unambiguous words skip
    /// scoring) or [`NO_TAG`].
    vocab_fixed: Vec<u16>,
    /// Per vocabulary word: `(start, len)` in `allowed_classes` of the
    /// classes it is restricted to (`len` 0: unrestricted).
    vocab_allowed: Vec<(u32, u32)>,
    allowed_classes: Vec<u16>,
    feats_names: Vec<String>,
    feats_default: Vec<u32>,
    feats_lex: FxMap<u64, u32>,
    lemmatizer: Lemmatizer,
    /// Derived at load time.
    cache: Cache,
}

/// Load-time precomputation: word hash -> vocabulary id, each vocabulary
/// word's analysis, and per pass the summed static weights of every
/// vocabulary word in every role (rows 0 and 1: sentence padding).
#[derive(Clone, Default)]
struct Cache {
    finite: crate::finite::FiniteRepair,
    index: FxMap<u64, u32>,
    toks: Vec<Tok>,
    rows1: Vec<i32>,
    rows2: Vec<i32>,
}

struct Scratch {
    toks: Vec<Tok>,
    vids: Vec<u32>,
    lower: String,
    buf: String,
    keys: Vec<u32>,
    scores: Box<[i32; 256]>,
    margins: Vec<i32>,
    first: Vec<u16>,
    tags: Vec<u16>,
    runner_up: Vec<RunnerUp>,
}

impl Default for Scratch {
    fn default() -> Self {
        Scratch {
            toks: Vec::new(),
            vids: Vec::new(),
            lower: String::new(),
            buf: String::new(),
            keys: Vec::new(),
            scores: Box::new([0; 256]),
            margins: Vec::new(),
            first: Vec::new(),
            tags: Vec::new(),
            runner_up: Vec::new(),
        }
    }
}

/// Analyses one word for the POS model (shape, affixes, lexicon class,
/// lowercase usage of a capitalised word).
fn analyze_pos_word(
    w: &str,
    lexicon: &Lexicon,
    lowcase: &FxMap<u64, u32>,
    lower: &mut String,
    buf: &mut String,
) -> Tok {
    let mut t = features::analyze_word(w, lower);
    t.lex = features::lex_hash(lexicon.classes(lower, buf));
    t.low = features::low_hash(if w.chars().next().is_some_and(char::is_uppercase) {
        lowcase.get(&t.lower).map_or(1, |&c| c + 2)
    } else {
        0
    });
    t
}

/// Code of a lowercase-usage distribution (class -> count): the most
/// frequent class, and whether it covers at least 90% of the uses.
fn low_code(m: &BTreeMap<u16, u32>) -> u32 {
    let total: u32 = m.values().sum();
    let (c, n) = m
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map_or((0, 0), |(c, n)| (u32::from(*c), *n));
    c * 2 + u32::from(n * 10 >= total * 9)
}

/// Best class (restricted to `allowed` when non-empty), the runner-up
/// ([`NO_TAG`] when there is none) and the best's margin over it. Ties go to
/// the lower id, so decoding is deterministic.
#[inline]
fn best2(scores: &[i32], allowed: &[u16]) -> (u16, u16, i32) {
    let (mut best, mut b, mut second, mut runner) = (0usize, i32::MIN, i32::MIN, NO_TAG);
    let mut consider = |c: usize| {
        let Some(&s) = scores.get(c) else { return };
        if s > b {
            second = b;
            runner = if b == i32::MIN { NO_TAG } else { best as u16 };
            b = s;
            best = c;
        } else if s > second {
            second = s;
            runner = c as u16;
        }
    };
    if allowed.is_empty() {
        (0..scores.len()).for_each(&mut consider);
    } else {
        allowed.iter().for_each(|&c| consider(c as usize));
    }
    (best as u16, runner, b.saturating_sub(second))
}

/// The class a token's tagger ranked second, and by how much it lost: what
/// a later stage (the parser) can use to hedge against a tagging error.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunnerUp {
    /// Runner-up joint class (index into [`Tagger::classes`]), or
    /// `u16::MAX` when the word was not scored (frequent unambiguous words)
    /// or had a single allowed class.
    pub class: u16,
    /// Best score minus runner-up score, in averaged-perceptron units of the
    /// pass that decided the tag; `f32::INFINITY` without a runner-up.
    pub margin: f32,
}

impl RunnerUp {
    /// No runner-up: the tag was certain.
    pub const NONE: RunnerUp = RunnerUp {
        class: NO_TAG,
        margin: f32::INFINITY,
    };
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Runs `f` with this thread's scratch buffers, or fresh ones if they are
/// in use (a call from inside another).
fn with_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut s) => f(&mut s),
        Err(_) => f(&mut Scratch::default()),
    })
}

fn feats_key(lower: u64, class: u16) -> u64 {
    mix(lower ^ (u64::from(class) << 48) ^ 0xfea7)
}

/// Best class by score, restricted to `allowed` when given. Ties go to the
/// lower id, so decoding is deterministic.
fn argmax<T: PartialOrd + Copy>(scores: &[T], allowed: Option<&[u16]>) -> u16 {
    let mut best = 0usize;
    let mut first = true;
    let mut consider = |c: usize| {
        if c < scores.len() && (first || scores[c] > scores[best]) {
            best = c;
            first = false;
        }
    };
    match allowed {
        Some(a) => a.iter().for_each(|&c| consider(c as usize)),
        None => (0..scores.len()).for_each(consider),
    }
    best as u16
}

fn left_of(tags: &[u16], i: usize) -> [u16; 2] {
    [
        if i >= 1 { tags[i - 1] } else { NO_TAG },
        if i >= 2 { tags[i - 2] } else { NO_TAG },
    ]
}

fn right_of(tags: &[u16], i: usize) -> [u16; 2] {
    [
        tags.get(i + 1).copied().unwrap_or(NO_TAG),
        tags.get(i + 2).copied().unwrap_or(NO_TAG),
    ]
}

impl Tagger {
    /// The model trained on UD English EWT that ships with the crate,
    /// loaded once on first use.
    pub fn builtin() -> &'static Tagger {
        static T: std::sync::OnceLock<Tagger> = std::sync::OnceLock::new();
        T.get_or_init(|| {
            // A corrupt embedded model is caught by the crate's tests; at run
            // time we degrade to an empty model rather than panic.
            Tagger::from_bytes(include_bytes!("../models/tagger.bin"))
                .unwrap_or_else(|_| Tagger::empty())
        })
    }

    fn empty() -> Tagger {
        let mut t = Tagger {
            upos: vec!["X".into()],
            xpos: vec!["_".into()],
            pass1: Trainer::new(1).finish(1),
            pass2: None,
            pass2_margin: f32::INFINITY,
            lexicon: Arc::default(),
            lowcase: FxMap::default(),
            vocab: Vec::new(),
            vocab_fixed: Vec::new(),
            vocab_allowed: Vec::new(),
            allowed_classes: Vec::new(),
            feats_names: vec!["_".into()],
            feats_default: vec![0],
            feats_lex: FxMap::default(),
            lemmatizer: Lemmatizer::default(),
            cache: Cache::default(),
        };
        t.build_cache();
        t
    }

    /// Fills [`Cache`] from the vocabulary and the weights.
    fn build_cache(&mut self) {
        let n = self.upos.len();
        let mut c = Cache::default();
        c.index.reserve(self.vocab.len());
        let (mut lower, mut buf) = (String::new(), String::new());
        for (i, w) in self.vocab.iter().enumerate() {
            c.index.insert(bytes(w.as_bytes()), i as u32);
            c.toks.push(analyze_pos_word(
                w,
                &self.lexicon,
                &self.lowcase,
                &mut lower,
                &mut buf,
            ));
        }
        let toks: Vec<Tok> = [features::pad_tok(false), features::pad_tok(true)]
            .into_iter()
            .chain(c.toks.iter().take(MAX_CACHED).copied())
            .collect();
        let mut keys = Vec::new();
        let mut scores = [0i32; 256];
        let mut rows = |w: &Weights| -> Vec<i32> {
            let mut out = Vec::with_capacity(toks.len() * ROLES * n);
            for t in &toks {
                for role in 0..ROLES {
                    keys.clear();
                    features::pos_role(t, role, &mut keys);
                    scores[..n].iter_mut().for_each(|x| *x = 0);
                    w.score(&keys, &mut scores);
                    out.extend_from_slice(&scores[..n]);
                }
            }
            out
        };
        c.rows1 = rows(&self.pass1);
        if let Some(p2) = &self.pass2 {
            c.rows2 = rows(p2);
        }
        c.finite = crate::finite::FiniteRepair::new(&self.upos, &self.xpos);
        self.cache = c;
    }

    /// The joint classes as `(upos, xpos)`, indexed by [`Tagged::class`].
    pub fn classes(&self) -> impl Iterator<Item = (&str, &str)> {
        self.upos
            .iter()
            .map(String::as_str)
            .zip(self.xpos.iter().map(String::as_str))
    }

    /// The lemmatizer inside this tagger.
    pub fn lemmatizer(&self) -> &Lemmatizer {
        &self.lemmatizer
    }

    /// Tags one sentence of words (gold or tokenizer tokens).
    pub fn tag(&self, words: &[&str]) -> Vec<Tagged<'_>> {
        let mut out = Vec::with_capacity(words.len());
        self.tag_into(words, &mut out);
        out
    }

    /// Like [`Tagger::tag`] but reuses `out` and its lemma strings, so a
    /// caller tagging many sentences allocates only when a sentence is longer
    /// than any before.
    pub fn tag_into<'t>(&'t self, words: &[&str], out: &mut Vec<Tagged<'t>>) {
        with_scratch(|s| self.tag_with(words, out, s))
    }

    /// Like [`Tagger::tag_into`] (same tags) and also fills `runner_up` with
    /// each word's runner-up class and margin ([`RunnerUp`]). The runner-up
    /// is the decoder's, before the repair of finite verbs, so for a word
    /// that repair retagged it may equal the output class.
    pub fn tag_with_runner_up<'t>(
        &'t self,
        words: &[&str],
        out: &mut Vec<Tagged<'t>>,
        runner_up: &mut Vec<RunnerUp>,
    ) {
        with_scratch(|s| {
            self.tag_with(words, out, s);
            runner_up.clear();
            runner_up.extend_from_slice(&s.runner_up);
        })
    }

    /// The `(upos, xpos)` of a joint class id, if the model has it.
    pub fn class_tags(&self, class: u16) -> Option<(&str, &str)> {
        let i = class as usize;
        Some((self.upos.get(i)?.as_str(), self.xpos.get(i)?.as_str()))
    }

    /// Predicted class ids only (no FEATS or lemmas): the cheapest call.
    pub fn tag_classes(&self, words: &[&str], out: &mut Vec<u16>) {
        with_scratch(|s| {
            self.classes_with(words, s);
            out.clear();
            out.extend_from_slice(&s.tags);
        })
    }

    /// Analyses a sentence: cached words are one hash lookup.
    fn analyze(&self, words: &[&str], s: &mut Scratch) {
        s.toks.clear();
        s.vids.clear();
        for w in words {
            let h = bytes(w.as_bytes());
            match self.cache.index.get(&h) {
                Some(&v) => {
                    s.toks.push(self.cache.toks[v as usize]);
                    s.vids.push(v);
                }
                None => {
                    s.toks.push(analyze_pos_word(
                        w,
                        &self.lexicon,
                        &self.lowcase,
                        &mut s.lower,
                        &mut s.buf,
                    ));
                    s.vids.push(NO_VID);
                }
            }
        }
    }

    fn classes_with(&self, words: &[&str], s: &mut Scratch) {
        self.analyze(words, s);
        let Scratch {
            toks,
            vids,
            keys,
            scores,
            margins,
            first,
            tags,
            runner_up,
            ..
        } = s;
        self.decode(1, toks, vids, None, first, margins, runner_up, keys, scores);
        if self.pass2.is_some() {
            self.decode(
                2,
                toks,
                vids,
                Some(first),
                tags,
                margins,
                runner_up,
                keys,
                scores,
            );
        } else {
            std::mem::swap(first, tags);
        }
        self.cache.finite.apply(words, tags, &self.upos, &self.xpos);
    }

    fn tag_with<'t>(&'t self, words: &[&str], out: &mut Vec<Tagged<'t>>, s: &mut Scratch) {
        self.classes_with(words, s);
        out.truncate(words.len());
        for (i, (w, &c)) in words.iter().zip(&s.tags).enumerate() {
            let ci = c as usize;
            let upos = self.upos.get(ci).map_or("X", String::as_str);
            let xpos = self.xpos.get(ci).map_or("_", String::as_str);
            let fid = self
                .feats_lex
                .get(&feats_key(s.toks[i].lower, c))
                .or_else(|| self.feats_default.get(ci))
                .copied()
                .unwrap_or(0);
            let feats = self
                .feats_names
                .get(fid as usize)
                .map_or("_", String::as_str);
            if i == out.len() {
                out.push(Tagged::default());
            }
            let t = &mut out[i];
            t.class = c;
            t.upos = upos;
            t.xpos = xpos;
            t.feats = feats;
            self.lemmatizer.lemmatize_into(w, upos, xpos, &mut t.lemma);
        }
    }

    fn allowed_of(&self, vid: u32) -> &[u16] {
        self.vocab_allowed
            .get(vid as usize)
            .and_then(|&(a, n)| self.allowed_classes.get(a as usize..(a + n) as usize))
            .unwrap_or(&[])
    }

    /// Greedy decoding with the cached static rows. `pass` is 1 or 2; in
    /// pass 2 `right` holds the first pass's tags and `margins` its margins.
    /// `runner_up` gets, per token, the runner-up of the last pass that
    /// scored it.
    #[allow(clippy::too_many_arguments)]
    fn decode(
        &self,
        pass: u8,
        toks: &[Tok],
        vids: &[u32],
        right: Option<&[u16]>,
        tags: &mut Vec<u16>,
        margins: &mut Vec<i32>,
        runner_up: &mut Vec<RunnerUp>,
        keys: &mut Vec<u32>,
        scores: &mut [i32; 256],
    ) {
        let (w, rows) = match (pass, &self.pass2) {
            (2, Some(p2)) => (p2, &self.cache.rows2),
            _ => (&self.pass1, &self.cache.rows1),
        };
        let nc = w.n_classes.min(256);
        let n = toks.len();
        tags.clear();
        tags.resize(n, NO_TAG);
        if pass == 1 {
            margins.clear();
            margins.resize(n, i32::MAX);
            runner_up.clear();
            runner_up.resize(n, RunnerUp::NONE);
        }
        // Pass-1 margins in pass-1 integer units.
        let skip = if self.pass2_margin.is_finite() && self.pass1.scale > 0.0 {
            (self.pass2_margin / self.pass1.scale).min(i32::MAX as f32) as i32
        } else {
            i32::MAX
        };
        let row_len = ROLES * nc;
        for i in 0..n {
            let vid = vids.get(i).copied().unwrap_or(NO_VID);
            if let Some(&c) = self.vocab_fixed.get(vid as usize) {
                if c != NO_TAG {
                    tags[i] = c;
                    continue;
                }
            }
            if let Some(r) = right {
                if margins[i] >= skip {
                    tags[i] = r[i];
                    continue;
                }
            }
            scores[..nc].iter_mut().for_each(|x| *x = 0);
            // The keys of every uncached role and the dynamic keys are
            // scored in one call, so that all their table lookups are in
            // flight together (see `Weights::score`).
            keys.clear();
            for (role, off) in ROLE_OFFSETS.iter().enumerate() {
                let j = i as isize + off;
                let row = if j < 0 {
                    0
                } else if j as usize >= n {
                    1
                } else {
                    match vids.get(j as usize) {
                        Some(&v) if (v as usize) < MAX_CACHED => v as usize + 2,
                        _ => {
                            features::pos_role(&toks[j as usize], role, keys);
                            continue;
                        }
                    }
                };
                let a = row * row_len + role * nc;
                if let Some(r) = rows.get(a..a + nc) {
                    for (x, &q) in scores[..nc].iter_mut().zip(r) {
                        *x += q;
                    }
                }
            }
            features::pos_dynamic(
                toks,
                i,
                left_of(tags, i),
                right.map(|r| right_of(r, i)),
                keys,
            );
            w.score(keys, scores);
            let (best, runner, margin) = best2(&scores[..nc], self.allowed_of(vid));
            tags[i] = best;
            if pass == 1 {
                margins[i] = margin;
            }
            runner_up[i] = if runner == NO_TAG {
                RunnerUp::NONE
            } else {
                RunnerUp {
                    class: runner,
                    margin: margin as f32 * w.scale,
                }
            };
        }
    }

    /// Serialises the model (see [`Tagger::from_bytes`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.buf.extend_from_slice(MAGIC);
        w.u32(VERSION);
        w.strs(&self.upos);
        w.strs(&self.xpos);
        w.varint(self.vocab.len() as u64);
        for (i, word) in self.vocab.iter().enumerate() {
            w.str(word);
            let f = self.vocab_fixed.get(i).copied().unwrap_or(NO_TAG);
            w.varint(if f == NO_TAG { 0 } else { u64::from(f) + 1 });
            let a = self.allowed_of(i as u32);
            w.varint(a.len() as u64);
            a.iter().for_each(|&c| w.varint(u64::from(c)));
        }
        w.strs(&self.feats_names);
        w.varint(self.feats_default.len() as u64);
        self.feats_default
            .iter()
            .for_each(|&f| w.varint(u64::from(f)));
        let mut lex: Vec<_> = self.feats_lex.iter().collect();
        lex.sort_unstable();
        w.varint(lex.len() as u64);
        for (k, f) in lex {
            w.u64(*k);
            w.varint(u64::from(*f));
        }
        self.lemmatizer.write(&mut w);
        self.lexicon.write(&mut w);
        let mut low: Vec<_> = self.lowcase.iter().collect();
        low.sort_unstable();
        w.varint(low.len() as u64);
        let mut prev = 0u64;
        for (k, c) in low {
            w.varint(k - prev);
            prev = *k;
            w.varint(u64::from(*c));
        }
        w.f32(self.pass2_margin);
        self.pass1.write(&mut w);
        w.u8(u8::from(self.pass2.is_some()));
        if let Some(p) = &self.pass2 {
            p.write(&mut w);
        }
        w.buf
    }

    /// Loads a model written by [`Tagger::to_bytes`].
    pub fn from_bytes(b: &[u8]) -> Result<Tagger> {
        let mut r = Reader::new(b);
        r.magic(MAGIC, VERSION)?;
        let upos = r.strs("upos")?;
        let xpos = r.strs("xpos")?;
        let n = upos.len();
        if n == 0 || n != xpos.len() || n > 256 {
            return Err(Error::BadModel("bad class table".into()));
        }
        let class = |r: &mut Reader<'_>| -> Result<u16> {
            let c = r.varint("class")?;
            if c as usize >= n {
                return Err(Error::BadModel("class id out of range".into()));
            }
            Ok(c as u16)
        };
        let nv = r.count(3, "vocabulary")?;
        let (mut vocab, mut vocab_fixed, mut vocab_allowed, mut allowed_classes) = (
            Vec::with_capacity(nv),
            Vec::with_capacity(nv),
            Vec::with_capacity(nv),
            Vec::new(),
        );
        for _ in 0..nv {
            vocab.push(r.str("vocabulary")?);
            let f = r.varint("vocabulary")?;
            vocab_fixed.push(if f == 0 {
                NO_TAG
            } else if f as usize <= n {
                f as u16 - 1
            } else {
                return Err(Error::BadModel("class id out of range".into()));
            });
            let m = r.count(1, "allowed")?;
            vocab_allowed.push((allowed_classes.len() as u32, m as u32));
            for _ in 0..m {
                allowed_classes.push(class(&mut r)?);
            }
        }
        let feats_names = r.strs("feats")?;
        let nf = feats_names.len() as u64;
        let fid = |r: &mut Reader<'_>| -> Result<u32> {
            let f = r.varint("feats id")?;
            if f >= nf {
                return Err(Error::BadModel("feats id out of range".into()));
            }
            Ok(f as u32)
        };
        let feats_default = (0..r.count(1, "feats")?)
            .map(|_| fid(&mut r))
            .collect::<Result<Vec<_>>>()?;
        let mut feats_lex = FxMap::default();
        let nl = r.count(9, "feats lexicon")?;
        feats_lex.reserve(nl);
        for _ in 0..nl {
            let k = r.u64("feats lexicon")?;
            feats_lex.insert(k, fid(&mut r)?);
        }
        let mut lemmatizer = Lemmatizer::read(&mut r)?;
        let lexicon = Arc::new(Lexicon::read(&mut r)?);
        let nl = r.count(2, "lowercase usage")?;
        let mut lowcase = FxMap::default();
        lowcase.reserve(nl);
        let mut key = 0u64;
        for _ in 0..nl {
            key = key
                .checked_add(r.varint("lowercase usage")?)
                .ok_or_else(|| Error::BadModel("bad lowercase usage key".into()))?;
            let c = r.varint("lowercase usage")?;
            if c >= 2 * n as u64 {
                return Err(Error::BadModel("bad lowercase usage code".into()));
            }
            lowcase.insert(key, c as u32);
        }
        let pass2_margin = r.f32("margin")?;
        let pass1 = Weights::read(&mut r)?;
        let pass2 = if r.u8("pass2")? == 1 {
            Some(Weights::read(&mut r)?)
        } else {
            None
        };
        r.finish()?;
        lemmatizer.set_wordnet(lexicon.clone());
        if pass1.n_classes != n || pass2.as_ref().is_some_and(|p| p.n_classes != n) {
            return Err(Error::BadModel(
                "weights do not match the class table".into(),
            ));
        }
        let mut t = Tagger {
            upos,
            xpos,
            pass1,
            pass2,
            pass2_margin,
            lexicon,
            lowcase,
            vocab,
            vocab_fixed,
            vocab_allowed,
            allowed_classes,
            feats_names,
            feats_default,
            feats_lex,
            lemmatizer,
            cache: Cache::default(),
        };
        t.build_cache();
        Ok(t)
    }

    /// Number of weight features in the first and second pass.
    pub fn n_features(&self) -> (usize, usize) {
        (
            self.pass1.n_features(),
            self.pass2.as_ref().map_or(0, Weights::n_features),
        )
    }

    /// Sets the second-pass skip margin (see [`TrainOptions::pass2_margin`]);
    /// for tuning speed against accuracy.
    pub fn set_pass2_margin(&mut self, margin: f32) {
        self.pass2_margin = margin;
    }

    /// The second-pass skip margin (see [`TrainOptions::pass2_margin`]).
    pub fn pass2_margin(&self) -> f32 {
        self.pass2_margin
    }
}

struct Prepared {
    toks: Vec<Tok>,
    gold: Vec<u16>,
    /// Per token: its word is rare enough for word dropout.
    rare: Vec<bool>,
}

struct Dict<'a> {
    fixed: &'a FxMap<u64, u16>,
    allowed: &'a FxMap<u64, Vec<u16>>,
}

/// Trains one greedy pass over `idx` sentences; `right` holds first-pass
/// tags per sentence for a second pass.
fn train_pass(
    data: &[Prepared],
    idx: &[usize],
    right: Option<&[Vec<u16>]>,
    dict: &Dict<'_>,
    n: usize,
    opts: &TrainOptions,
    label: &str,
) -> Weights {
    let runs = (0..opts.runs.max(1) as u64)
        .map(|r| {
            train_run(
                data,
                idx,
                right,
                dict,
                n,
                opts,
                label,
                opts.seed.wrapping_add(r * 7919),
            )
        })
        .collect();
    crate::perceptron::finish_sum(n, runs, opts.min_weight)
}

/// One perceptron run of [`train_pass`] with its own shuffling seed.
#[allow(clippy::too_many_arguments)]
fn train_run(
    data: &[Prepared],
    idx: &[usize],
    right: Option<&[Vec<u16>]>,
    dict: &Dict<'_>,
    n: usize,
    opts: &TrainOptions,
    label: &str,
    seed: u64,
) -> Trainer {
    let mut t = Trainer::new(n);
    let mut rng = Rng::new(seed);
    let mut drop_rng = Rng::new(seed ^ 0xd409);
    let drop_below = (opts.dropout_p.clamp(0.0, 1.0) * (1u64 << 53) as f64) as u64;
    let mut order = idx.to_vec();
    let (mut keys, mut scores, mut tags) = (Vec::new(), vec![0f32; n], Vec::new());
    for epoch in 0..opts.epochs {
        rng.shuffle(&mut order);
        let (mut ok, mut all) = (0usize, 0usize);
        for &si in &order {
            let p = &data[si];
            tags.clear();
            tags.resize(p.toks.len(), NO_TAG);
            for i in 0..p.toks.len() {
                if let Some(&c) = dict.fixed.get(&p.toks[i].word) {
                    tags[i] = c;
                    continue;
                }
                let r = right.map(|r| right_of(&r[si], i));
                let drop = p.rare[i] && (drop_rng.next() >> 11) < drop_below;
                features::pos(&p.toks, i, left_of(&tags, i), r, drop, &mut keys);
                scores.iter_mut().for_each(|x| *x = 0.0);
                t.score(&keys, &mut scores);
                let pred = argmax(
                    &scores,
                    dict.allowed.get(&p.toks[i].word).map(Vec::as_slice),
                );
                t.tick();
                t.update(&keys, p.gold[i] as usize, pred as usize);
                ok += usize::from(pred == p.gold[i]);
                all += 1;
                tags[i] = pred;
            }
        }
        if opts.verbose {
            eprintln!(
                "  {label} epoch {}: train acc {:.2}",
                epoch + 1,
                100.0 * ok as f64 / all.max(1) as f64
            );
        }
    }
    t
}

/// Trains a tagger (classes, tag dictionary, FEATS lexicon, lemmatizer and
/// perceptron weights) on gold sentences.
pub fn train_tagger(train: &[Sentence], opts: &TrainOptions) -> Tagger {
    // Joint classes, most frequent first, ties by name: deterministic.
    let mut class_counts: BTreeMap<(String, String), u32> = BTreeMap::new();
    for s in train {
        for w in &s.words {
            *class_counts
                .entry((w.upos.clone(), w.xpos.clone()))
                .or_default() += 1;
        }
    }
    let mut classes: Vec<_> = class_counts.into_iter().collect();
    classes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    classes.truncate(256);
    if classes.is_empty() {
        return Tagger::empty();
    }
    let class_id: FxMap<(String, String), u16> = classes
        .iter()
        .enumerate()
        .map(|(i, (k, _))| (k.clone(), i as u16))
        .collect();
    let n = classes.len();

    let lexicon = Arc::new(Lexicon::builtin());
    let (mut lower, mut buf) = (String::new(), String::new());
    let class_of = |w: &khaldun_conllu::Word| {
        class_id
            .get(&(w.upos.clone(), w.xpos.clone()))
            .copied()
            .unwrap_or(0)
    };
    // How each lowercased form is tagged where it is written in lowercase.
    let mut low_counts: FxMap<u64, BTreeMap<u16, u32>> = FxMap::default();
    for w in train.iter().flat_map(|s| &s.words) {
        if !w.form.chars().next().is_some_and(char::is_uppercase) {
            features::lower_into(&w.form, &mut lower);
            *low_counts
                .entry(bytes(lower.as_bytes()))
                .or_default()
                .entry(class_of(w))
                .or_default() += 1;
        }
    }
    let lowcase: FxMap<u64, u32> = low_counts.iter().map(|(k, m)| (*k, low_code(m))).collect();
    let mut data = Vec::with_capacity(train.len());
    let mut word_counts: FxMap<u64, BTreeMap<u16, u32>> = FxMap::default();
    let mut word_forms: FxMap<u64, &str> = FxMap::default();
    let mut feats_counts: BTreeMap<(u64, u16), BTreeMap<String, u32>> = BTreeMap::new();
    let mut feats_class: BTreeMap<u16, BTreeMap<String, u32>> = BTreeMap::new();
    for s in train {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let toks: Vec<Tok> = words
            .iter()
            .map(|w| analyze_pos_word(w, &lexicon, &lowcase, &mut lower, &mut buf))
            .collect();
        let gold: Vec<u16> = s.words.iter().map(class_of).collect();
        for ((t, &g), w) in toks.iter().zip(&gold).zip(&s.words) {
            word_forms.entry(t.word).or_insert(w.form.as_str());
            *word_counts.entry(t.word).or_default().entry(g).or_default() += 1;
            *feats_counts
                .entry((t.lower, g))
                .or_default()
                .entry(w.feats.clone())
                .or_default() += 1;
            *feats_class
                .entry(g)
                .or_default()
                .entry(w.feats.clone())
                .or_default() += 1;
        }
        let rare = vec![false; toks.len()];
        data.push(Prepared { toks, gold, rare });
    }
    for p in &mut data {
        for (r, t) in p.rare.iter_mut().zip(&p.toks) {
            let count: u32 = word_counts.get(&t.word).map_or(0, |m| m.values().sum());
            *r = count <= opts.dropout_max_count;
        }
    }

    let mut fixed = FxMap::default();
    let mut allowed = FxMap::default();
    for (w, m) in &word_counts {
        let total: u32 = m.values().sum();
        if m.len() == 1 && total >= opts.fixed_min_count {
            fixed.insert(*w, *m.keys().next().unwrap_or(&0));
        } else if total >= opts.dict_min_count {
            allowed.insert(*w, m.keys().copied().collect());
        }
    }

    let best = |m: &BTreeMap<String, u32>| -> String {
        m.iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map_or("_".into(), |(k, _)| k.clone())
    };
    let mut feats_names: Vec<String> = vec!["_".into()];
    let mut feats_ids: FxMap<String, u32> = FxMap::default();
    feats_ids.insert("_".into(), 0);
    let mut fid = |s: String| -> u32 {
        let next = feats_names.len() as u32;
        *feats_ids.entry(s.clone()).or_insert_with(|| {
            feats_names.push(s);
            next
        })
    };
    let feats_default: Vec<u32> = (0..n as u16)
        .map(|c| feats_class.get(&c).map_or(0, |m| fid(best(m))))
        .collect();
    let mut feats_lex = FxMap::default();
    for ((lw, c), m) in &feats_counts {
        let f = fid(best(m));
        if feats_default.get(*c as usize) != Some(&f) {
            feats_lex.insert(feats_key(*lw, *c), f);
        }
    }

    let dict = Dict {
        fixed: &fixed,
        allowed: &allowed,
    };
    let all: Vec<usize> = (0..data.len()).collect();
    if opts.verbose {
        eprintln!(
            "tagger: {} sentences, {n} classes, {} fixed words, {} restricted",
            data.len(),
            fixed.len(),
            allowed.len()
        );
    }
    // Cached vocabulary: frequent words, most frequent first, ties by form.
    let vocab_min = opts.vocab_min_count.min(opts.dict_min_count).max(1);
    let mut vocab: Vec<(u32, &str, u64)> = word_counts
        .iter()
        .map(|(h, m)| (m.values().sum::<u32>(), word_forms[h], *h))
        .filter(|v| v.0 >= vocab_min)
        .collect();
    vocab.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let (mut vocab_fixed, mut vocab_allowed, mut allowed_classes) = (vec![], vec![], vec![]);
    for &(_, _, h) in &vocab {
        vocab_fixed.push(fixed.get(&h).copied().unwrap_or(NO_TAG));
        let a: &[u16] = allowed.get(&h).map_or(&[], Vec::as_slice);
        vocab_allowed.push((allowed_classes.len() as u32, a.len() as u32));
        allowed_classes.extend_from_slice(a);
    }
    let pass1 = train_pass(&data, &all, None, &dict, n, opts, "pass 1");
    let lemmatizer = Lemmatizer::train_with(train, Some(lexicon.clone()));
    let mut tagger = Tagger {
        upos: classes.iter().map(|((u, _), _)| u.clone()).collect(),
        xpos: classes.iter().map(|((_, x), _)| x.clone()).collect(),
        pass1,
        pass2: None,
        pass2_margin: opts.pass2_margin,
        lexicon,
        lowcase,
        vocab: vocab.iter().map(|v| v.1.to_string()).collect(),
        vocab_fixed,
        vocab_allowed,
        allowed_classes,
        feats_names,
        feats_default,
        feats_lex,
        lemmatizer,
        cache: Cache::default(),
    };
    if opts.two_pass && opts.folds >= 2 {
        // Jackknifed first-pass tags, so the second pass learns how far to
        // trust right context on text the first pass has not seen.
        let mut first: Vec<Vec<u16>> = vec![Vec::new(); data.len()];
        let (mut keys, mut scores) = (Vec::new(), [0i32; 256]);
        for f in 0..opts.folds {
            let train_idx: Vec<usize> = all
                .iter()
                .copied()
                .filter(|i| i % opts.folds != f)
                .collect();
            let w = train_pass(
                &data,
                &train_idx,
                None,
                &dict,
                n,
                opts,
                &format!("fold {}", f + 1),
            );
            for i in all.iter().copied().filter(|i| i % opts.folds == f) {
                decode_uncached(
                    &w,
                    &data[i].toks,
                    &dict,
                    &mut first[i],
                    &mut keys,
                    &mut scores,
                );
            }
        }
        tagger.pass2 = Some(train_pass(
            &data,
            &all,
            Some(&first),
            &dict,
            n,
            opts,
            "pass 2",
        ));
    }
    tagger.build_cache();
    tagger
}

/// Greedy first-pass decoding without caches (jackknifing in training).
fn decode_uncached(
    w: &Weights,
    toks: &[Tok],
    dict: &Dict<'_>,
    tags: &mut Vec<u16>,
    keys: &mut Vec<u32>,
    scores: &mut [i32; 256],
) {
    tags.clear();
    tags.resize(toks.len(), NO_TAG);
    let nc = w.n_classes.min(256);
    for i in 0..toks.len() {
        if let Some(&c) = dict.fixed.get(&toks[i].word) {
            tags[i] = c;
            continue;
        }
        features::pos(toks, i, left_of(tags, i), None, false, keys);
        scores[..nc].iter_mut().for_each(|x| *x = 0);
        w.score(keys, scores);
        tags[i] = argmax(
            &scores[..nc],
            dict.allowed.get(&toks[i].word).map(Vec::as_slice),
        );
    }
}
