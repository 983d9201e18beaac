//! The POS tagger: one averaged perceptron over joint `UPOS|XPOS` classes,
//! decoded greedily left to right, optionally followed by a second pass that
//! also sees the first pass's tags to the right. FEATS come from a lexicon of
//! (word, class) with a per-class default; lemmas from [`Lemmatizer`].

use std::cell::RefCell;
use std::collections::BTreeMap;

use khaldun_conllu::Sentence;

use crate::features::{self, Tok, NO_TAG};
use crate::hash::{mix, FxMap, Rng};
use crate::io::{Reader, Writer};
use crate::lemma::Lemmatizer;
use crate::perceptron::{Trainer, Weights};
use crate::{Error, Result};

const MAGIC: &[u8; 4] = b"KTAG";
const VERSION: u32 = 1;

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
    /// Word hash -> class of frequent unambiguous words.
    fixed: FxMap<u64, u16>,
    /// Word hash -> classes allowed for frequent words.
    allowed: FxMap<u64, Vec<u16>>,
    feats_names: Vec<String>,
    feats_default: Vec<u32>,
    feats_lex: FxMap<u64, u32>,
    lemmatizer: Lemmatizer,
}

#[derive(Default)]
struct Scratch {
    toks: Vec<Tok>,
    lower: String,
    keys: Vec<u32>,
    scores: Vec<i32>,
    first: Vec<u16>,
    tags: Vec<u16>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
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
        Tagger {
            upos: vec!["X".into()],
            xpos: vec!["_".into()],
            pass1: Trainer::new(1).finish(1),
            pass2: None,
            fixed: FxMap::default(),
            allowed: FxMap::default(),
            feats_names: vec!["_".into()],
            feats_default: vec![0],
            feats_lex: FxMap::default(),
            lemmatizer: Lemmatizer::default(),
        }
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
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut s) => self.tag_with(words, out, &mut s),
            Err(_) => self.tag_with(words, out, &mut Scratch::default()),
        })
    }

    /// Predicted class ids only (no FEATS or lemmas): the cheapest call.
    pub fn tag_classes(&self, words: &[&str], out: &mut Vec<u16>) {
        SCRATCH.with(|cell| {
            let mut fresh = Scratch::default();
            let mut guard = cell.try_borrow_mut();
            let s = match guard.as_mut() {
                Ok(s) => &mut **s,
                Err(_) => &mut fresh,
            };
            self.classes_with(words, s);
            out.clear();
            out.extend_from_slice(&s.tags);
        })
    }

    fn classes_with(&self, words: &[&str], s: &mut Scratch) {
        features::analyze(words, &mut s.lower, &mut s.toks);
        let Scratch {
            toks,
            keys,
            scores,
            first,
            tags,
            ..
        } = s;
        self.decode(&self.pass1, toks, None, first, keys, scores);
        if let Some(p2) = &self.pass2 {
            self.decode(p2, toks, Some(first), tags, keys, scores);
        } else {
            std::mem::swap(first, tags);
        }
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

    fn decode(
        &self,
        w: &Weights,
        toks: &[Tok],
        right: Option<&[u16]>,
        tags: &mut Vec<u16>,
        keys: &mut Vec<u32>,
        scores: &mut Vec<i32>,
    ) {
        tags.clear();
        tags.resize(toks.len(), NO_TAG);
        scores.resize(w.n_classes, 0);
        for i in 0..toks.len() {
            if let Some(&c) = self.fixed.get(&toks[i].word) {
                tags[i] = c;
                continue;
            }
            features::pos(
                toks,
                i,
                left_of(tags, i),
                right.map(|r| right_of(r, i)),
                keys,
            );
            scores.iter_mut().for_each(|x| *x = 0);
            w.score(keys, scores);
            tags[i] = argmax(scores, self.allowed.get(&toks[i].word).map(Vec::as_slice));
        }
    }

    /// Serialises the model (see [`Tagger::from_bytes`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.buf.extend_from_slice(MAGIC);
        w.u32(VERSION);
        w.strs(&self.upos);
        w.strs(&self.xpos);
        let mut fixed: Vec<_> = self.fixed.iter().collect();
        fixed.sort_unstable();
        w.varint(fixed.len() as u64);
        for (k, c) in fixed {
            w.u64(*k);
            w.varint(u64::from(*c));
        }
        let mut allowed: Vec<_> = self.allowed.iter().collect();
        allowed.sort_unstable();
        w.varint(allowed.len() as u64);
        for (k, cs) in allowed {
            w.u64(*k);
            w.varint(cs.len() as u64);
            cs.iter().for_each(|&c| w.varint(u64::from(c)));
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
        let mut fixed = FxMap::default();
        for _ in 0..r.count(9, "fixed")? {
            let k = r.u64("fixed")?;
            fixed.insert(k, class(&mut r)?);
        }
        let mut allowed = FxMap::default();
        for _ in 0..r.count(9, "allowed")? {
            let k = r.u64("allowed")?;
            let m = r.count(1, "allowed")?;
            let cs = (0..m).map(|_| class(&mut r)).collect::<Result<Vec<_>>>()?;
            allowed.insert(k, cs);
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
        for _ in 0..r.count(9, "feats lexicon")? {
            let k = r.u64("feats lexicon")?;
            feats_lex.insert(k, fid(&mut r)?);
        }
        let lemmatizer = Lemmatizer::read(&mut r)?;
        let pass1 = Weights::read(&mut r)?;
        let pass2 = if r.u8("pass2")? == 1 {
            Some(Weights::read(&mut r)?)
        } else {
            None
        };
        r.finish()?;
        if pass1.n_classes != n || pass2.as_ref().is_some_and(|p| p.n_classes != n) {
            return Err(Error::BadModel(
                "weights do not match the class table".into(),
            ));
        }
        Ok(Tagger {
            upos,
            xpos,
            pass1,
            pass2,
            fixed,
            allowed,
            feats_names,
            feats_default,
            feats_lex,
            lemmatizer,
        })
    }

    /// Number of weight features in the first and second pass.
    pub fn n_features(&self) -> (usize, usize) {
        (
            self.pass1.n_features(),
            self.pass2.as_ref().map_or(0, Weights::n_features),
        )
    }
}

struct Prepared {
    toks: Vec<Tok>,
    gold: Vec<u16>,
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
    let mut t = Trainer::new(n);
    let mut rng = Rng::new(opts.seed);
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
                features::pos(&p.toks, i, left_of(&tags, i), r, &mut keys);
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
    t.finish(opts.min_weight)
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

    let mut lower = String::new();
    let mut data = Vec::with_capacity(train.len());
    let mut word_counts: FxMap<u64, BTreeMap<u16, u32>> = FxMap::default();
    let mut feats_counts: BTreeMap<(u64, u16), BTreeMap<String, u32>> = BTreeMap::new();
    let mut feats_class: BTreeMap<u16, BTreeMap<String, u32>> = BTreeMap::new();
    for s in train {
        let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        let mut toks = Vec::new();
        features::analyze(&words, &mut lower, &mut toks);
        let gold: Vec<u16> = s
            .words
            .iter()
            .map(|w| {
                class_id
                    .get(&(w.upos.clone(), w.xpos.clone()))
                    .copied()
                    .unwrap_or(0)
            })
            .collect();
        for ((t, &g), w) in toks.iter().zip(&gold).zip(&s.words) {
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
        data.push(Prepared { toks, gold });
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
    let pass1 = train_pass(&data, &all, None, &dict, n, opts, "pass 1");
    let mut tagger = Tagger {
        upos: classes.iter().map(|((u, _), _)| u.clone()).collect(),
        xpos: classes.iter().map(|((_, x), _)| x.clone()).collect(),
        pass1,
        pass2: None,
        fixed: fixed.clone(),
        allowed: allowed.clone(),
        feats_names,
        feats_default,
        feats_lex,
        lemmatizer: Lemmatizer::train(train),
    };
    if opts.two_pass && opts.folds >= 2 {
        // Jackknifed first-pass tags, so the second pass learns how far to
        // trust right context on text the first pass has not seen.
        let mut first: Vec<Vec<u16>> = vec![Vec::new(); data.len()];
        let (mut keys, mut scores) = (Vec::new(), Vec::new());
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
                tagger.decode(
                    &w,
                    &data[i].toks,
                    None,
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
    tagger
}
