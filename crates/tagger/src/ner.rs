//! Named-entity tagger: a BIO perceptron over PER/ORG/LOC with token,
//! context and UPOS features, decoded by beam search over tag sequences
//! (greedy left-to-right with a beam of 1). Decoding never emits `I-X`
//! unless the previous tag is `B-X` or `I-X`, so spans are always well
//! formed.

use std::cell::RefCell;

use khaldun_conllu::IobSentence;

use crate::features::{self, NerInput, Tok, NO_TAG};
use crate::gazetteer::{GazTok, Gazetteer};
use crate::hash::{bytes, FxMap, Rng};
use crate::io::{Reader, Writer};
use crate::perceptron::{Trainer, Weights};
use crate::tagger::{Tagger, TrainOptions};
use crate::Result;

const MAGIC: &[u8; 4] = b"KNER";
const VERSION: u32 = 4;

/// Word lists compiled into the crate (written for khaldun, see `data/`).
const ORG_HEADS: &str = include_str!("../data/org_heads.txt");
const COUNTRIES: &str = include_str!("../data/countries.txt");
const PLACES: &str = include_str!("../data/places.txt");

/// Builtin list-match bits of a word (feature values, not a user gazetteer).
const B_ORG_HEAD: u8 = 1;
const B_COUNTRY: u8 = 2;
const B_NATIONALITY: u8 = 4;
const B_PLACE: u8 = 8;
/// A capitalised run starting here contains an organisation head word.
const B_ORG_AHEAD: u8 = 16;
/// Capitalised (or all caps) and inside a run of capitalised words.
const B_CAP_RUN: u8 = 32;

/// The compiled-in word lists, keyed by hashes: lowercase single words
/// (the hash of [`Tok::lower`]; the lists hold no digits), and names as
/// sequences of exact-case words (see [`seq_hash`]).
struct Lists {
    org_heads: FxMap<u64, ()>,
    /// Name -> bits, plus [`LIST_PREFIX`] on every proper prefix of a name.
    names: FxMap<u64, u8>,
}

/// Marks a proper prefix of a longer name in [`Lists::names`].
const LIST_PREFIX: u8 = 128;

/// Hash of a word sequence, extended one word hash at a time from 0.
fn seq_hash(h: u64, word: u64) -> u64 {
    crate::hash::mix(h.rotate_left(29) ^ word)
}

fn lists() -> &'static Lists {
    static L: std::sync::OnceLock<Lists> = std::sync::OnceLock::new();
    L.get_or_init(|| {
        let body = |s: &'static str| {
            s.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
        };
        let org_heads = body(ORG_HEADS)
            .map(|w| (bytes(w.to_lowercase().as_bytes()), ()))
            .collect();
        let mut names = FxMap::default();
        let mut add = |name: &str, bit: u8| {
            let ws: Vec<&str> = name.split(' ').collect();
            let mut h = 0;
            for (k, w) in ws.iter().enumerate() {
                h = seq_hash(h, bytes(w.as_bytes()));
                let b = if k + 1 == ws.len() { bit } else { LIST_PREFIX };
                *names.entry(h).or_insert(0) |= b;
            }
        };
        for l in body(COUNTRIES) {
            let (c, a) = l.split_once('\t').unwrap_or((l, ""));
            add(c, B_COUNTRY);
            if !a.is_empty() {
                add(a, B_NATIONALITY);
            }
        }
        for l in body(PLACES) {
            add(l, B_PLACE);
        }
        Lists { org_heads, names }
    })
}

pub(crate) fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Builtin list bits for every word of a sentence (`toks` from
/// [`features::analyze`] on `words`).
fn list_bits(words: &[&str], toks: &[Tok], out: &mut Vec<u8>) {
    let l = lists();
    out.clear();
    out.resize(words.len(), 0);
    for (i, w) in words.iter().enumerate() {
        if l.org_heads.contains_key(&toks[i].lower) && (capitalised(w) || w.len() > 1) {
            out[i] |= B_ORG_HEAD;
        }
        // Longest multi-word name starting here.
        let mut h = 0;
        let mut best = None;
        for (j, t) in toks.iter().enumerate().skip(i) {
            h = seq_hash(h, t.word);
            let Some(&b) = l.names.get(&h) else { break };
            if b & !LIST_PREFIX != 0 {
                best = Some((j + 1, b & !LIST_PREFIX));
            }
            if b & LIST_PREFIX == 0 {
                break;
            }
        }
        if let Some((end, b)) = best {
            for o in &mut out[i..end] {
                *o |= b;
            }
        }
    }
    for i in 0..words.len() {
        if !capitalised(words[i]) {
            continue;
        }
        let prev_cap = i > 0 && capitalised(words[i - 1]);
        let next_cap = words.get(i + 1).is_some_and(|w| capitalised(w));
        if prev_cap || next_cap {
            out[i] |= B_CAP_RUN;
        }
        // Look ahead through a capitalised run (allowing "of", "for", "and",
        // "&", "the" inside) for an organisation head.
        for j in i..(i + 6).min(words.len()) {
            let w = words[j];
            if out[j] & B_ORG_HEAD != 0 && capitalised(w) {
                out[i] |= B_ORG_AHEAD;
                break;
            }
            if !(capitalised(w) || matches!(w, "of" | "for" | "and" | "&" | "the" | "on")) {
                break;
            }
        }
    }
}

pub(crate) fn wordnet() -> &'static crate::lexicon::Lexicon {
    static L: std::sync::OnceLock<crate::lexicon::Lexicon> = std::sync::OnceLock::new();
    L.get_or_init(crate::lexicon::Lexicon::builtin)
}

/// Capitalisation codes of a sentence's words (0 for a word that does not
/// start with a capital): bits 0-2 the length of the run of capitalised
/// words around it (capped at 4), bits 3-4 its position in the run (begin,
/// inside, end, single), bits 5-8 the WordNet POS bits of its lowercased
/// form (noun, verb, adjective, adverb; 0 when not a WordNet lemma), bit 9
/// set for the first word of the sentence, bit 10 for all capitals.
fn cap_codes(words: &[&str], lower: &mut String, out: &mut Vec<u16>) {
    out.clear();
    out.resize(words.len(), 0);
    let mut i = 0;
    while i < words.len() {
        if !capitalised(words[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < words.len() && capitalised(words[j]) {
            j += 1;
        }
        let len = (j - i).min(4) as u16;
        for k in i..j {
            let pos: u16 = if j - i == 1 {
                3
            } else if k == i {
                0
            } else if k + 1 == j {
                2
            } else {
                1
            };
            let w = words[k];
            crate::features::lower_into(w, lower);
            let mut wn = 0u16;
            for bit in [1u16, 2, 4, 8] {
                if wordnet().is_lemma(lower, bit) {
                    wn |= bit;
                }
            }
            let caps = w.chars().filter(|c| c.is_alphabetic()).count() > 1
                && w.chars().all(|c| !c.is_lowercase());
            out[k] = len | pos << 3 | wn << 5 | u16::from(k == 0) << 9 | u16::from(caps) << 10;
        }
        i = j;
    }
}

/// Entity type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityLabel {
    /// Person.
    Per,
    /// Organisation.
    Org,
    /// Location (including countries and cities).
    Loc,
}

impl EntityLabel {
    /// All labels, in index order.
    pub const ALL: [EntityLabel; 3] = [EntityLabel::Per, EntityLabel::Org, EntityLabel::Loc];

    /// `PER`, `ORG` or `LOC`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Per => "PER",
            EntityLabel::Org => "ORG",
            EntityLabel::Loc => "LOC",
        }
    }

    /// Parses `PER`/`ORG`/`LOC`; other types (e.g. `MISC`) give `None`.
    pub fn parse(s: &str) -> Option<EntityLabel> {
        match s {
            "PER" => Some(EntityLabel::Per),
            "ORG" => Some(EntityLabel::Org),
            "LOC" => Some(EntityLabel::Loc),
            _ => None,
        }
    }

    /// Index in [`EntityLabel::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// An entity over words `start..end` (end exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntitySpan {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// Entity type.
    pub label: EntityLabel,
}

/// BIO classes: 0 = O, 1 + 2k = B-label k, 2 + 2k = I-label k.
const N_CLASSES: usize = 7;

fn class_of(tag: &str) -> u16 {
    let (bi, label) = match tag.split_once('-') {
        Some(x) => x,
        None => return 0,
    };
    match (bi, EntityLabel::parse(label)) {
        ("B", Some(l)) => 1 + 2 * l.index() as u16,
        ("I", Some(l)) => 2 + 2 * l.index() as u16,
        _ => 0,
    }
}

/// Classes allowed after `prev`: `I-X` only continues `B-X`/`I-X`.
fn allowed_after(prev: u16) -> &'static [u16] {
    match prev {
        1 | 2 => &[0, 1, 3, 5, 2],
        3 | 4 => &[0, 1, 3, 5, 4],
        5 | 6 => &[0, 1, 3, 5, 6],
        _ => &[0, 1, 3, 5],
    }
}

/// Spans from BIO tags (given as strings). A stray `I-X` starts an entity,
/// as in conlleval; unknown types are ignored.
pub fn spans_from_bio<S: AsRef<str>>(tags: &[S]) -> Vec<EntitySpan> {
    let classes: Vec<u16> = tags.iter().map(|t| class_of(t.as_ref())).collect();
    spans_from_classes(&classes)
}

fn spans_from_classes(classes: &[u16]) -> Vec<EntitySpan> {
    let mut out = Vec::new();
    let mut cur: Option<EntitySpan> = None;
    for (i, &c) in classes.iter().enumerate() {
        let label = if c == 0 || c as usize >= N_CLASSES {
            None
        } else {
            Some(EntityLabel::ALL[(c as usize - 1) / 2])
        };
        let is_begin = c % 2 == 1;
        match (label, cur.as_mut()) {
            (Some(l), Some(s)) if !is_begin && s.label == l => s.end = i + 1,
            (Some(l), _) => {
                out.extend(cur.take());
                cur = Some(EntitySpan {
                    start: i,
                    end: i + 1,
                    label: l,
                });
            }
            (None, _) => out.extend(cur.take()),
        }
    }
    out.extend(cur);
    out
}

/// Named-entity tagger for PER, ORG and LOC.
#[derive(Clone)]
pub struct Ner {
    weights: Weights,
    /// Hypotheses kept per word when decoding (see
    /// [`TrainOptions::ner_beam`]).
    beam: usize,
}

/// Largest beam a model file may ask for (more than the 49 distinct pairs of
/// last two classes gains nothing: hypotheses are recombined on them).
const MAX_BEAM: usize = 64;

#[derive(Default)]
struct Scratch {
    toks: Vec<Tok>,
    lower: String,
    upos: Vec<u64>,
    gaz: Vec<u8>,
    bits: Vec<u8>,
    cap: Vec<u16>,
    gz: Vec<GazTok>,
    keys: Vec<u32>,
    tags: Vec<u16>,
    lattice: Lattice,
}

/// One hypothesis of beam decoding at a word.
#[derive(Clone, Copy)]
struct Node {
    /// Its class at this word.
    tag: u16,
    /// Its class at the previous word (`NO_TAG` before the sentence).
    prev: u16,
    /// Index of its node at the previous word (in [`Lattice::nodes`]).
    back: u32,
    score: f32,
    /// Whether it is the gold prefix (training only).
    gold: bool,
}

/// Beam-decoding workspace, reused between sentences.
#[derive(Default)]
struct Lattice {
    nodes: Vec<Node>,
    /// Index in `nodes` of each word's first hypothesis.
    starts: Vec<usize>,
    cand: Vec<Node>,
}

/// Beam search over BIO sequences: `beam` hypotheses per word, those with
/// the same last two classes recombined (the templates read no further back,
/// so a beam of 49 is exact second-order Viterbi). Leaves the best
/// hypothesis's classes in `tags`. With `gold` (training), stops at the
/// first word where no kept hypothesis is the gold prefix and returns it;
/// `tags` then covers the words up to and including it.
fn beam_decode<F: FnMut(&[u32], &mut [f32])>(
    x: &NerInput<'_>,
    beam: usize,
    gold: Option<&[u16]>,
    lat: &mut Lattice,
    keys: &mut Vec<u32>,
    tags: &mut Vec<u16>,
    mut score: F,
) -> Option<usize> {
    let n = x.toks.len();
    lat.nodes.clear();
    lat.starts.clear();
    tags.clear();
    let start = Node {
        tag: NO_TAG,
        prev: NO_TAG,
        back: u32::MAX,
        score: 0.0,
        gold: true,
    };
    let mut early = None;
    for i in 0..n {
        keys.clear();
        features::ner_static(x, i, keys);
        let mut stat = [0f32; N_CLASSES];
        score(keys, &mut stat);
        let prev = if i == 0 {
            0..1
        } else {
            lat.starts[i - 1]..lat.nodes.len()
        };
        lat.cand.clear();
        for pi in prev {
            let p = if i == 0 { start } else { lat.nodes[pi] };
            keys.clear();
            features::ner_dynamic(x, i, [p.tag, p.prev], keys);
            let mut s = stat;
            score(keys, &mut s);
            let prev_class = if p.tag == NO_TAG { 0 } else { p.tag };
            for &c in allowed_after(prev_class) {
                let node = Node {
                    tag: c,
                    prev: p.tag,
                    back: if i == 0 { u32::MAX } else { pi as u32 },
                    score: p.score + s[c as usize],
                    gold: p.gold && gold.is_some_and(|g| g.get(i).copied().unwrap_or(0) == c),
                };
                match lat.cand.iter_mut().find(|q| q.tag == c && q.prev == p.tag) {
                    Some(q) => {
                        if node.score > q.score {
                            *q = node;
                        }
                    }
                    None => lat.cand.push(node),
                }
            }
        }
        // Stable: ties keep the order of `allowed_after` (as greedy does).
        lat.cand.sort_by(|a, b| b.score.total_cmp(&a.score));
        lat.cand.truncate(beam.max(1));
        lat.starts.push(lat.nodes.len());
        lat.nodes.extend_from_slice(&lat.cand);
        if gold.is_some() && !lat.cand.iter().any(|q| q.gold) {
            early = Some(i);
            break;
        }
    }
    // Back from the best hypothesis at the last word reached.
    let stop = early.map_or(lat.starts.len(), |e| e + 1);
    tags.resize(stop, 0);
    let mut k = lat
        .starts
        .get(stop.wrapping_sub(1))
        .copied()
        .unwrap_or(usize::MAX);
    for t in tags.iter_mut().rev() {
        let Some(node) = lat.nodes.get(k) else { break };
        *t = node.tag;
        k = node.back as usize;
    }
    early
}

/// Structured perceptron update: towards `gold`, away from `pred` (a prefix
/// of the sentence, as long as `pred`).
fn sequence_update(
    t: &mut Trainer,
    x: &NerInput<'_>,
    gold: &[u16],
    pred: &[u16],
    keys: &mut Vec<u32>,
) {
    let left = |tags: &[u16], j: usize| {
        [
            if j >= 1 { tags[j - 1] } else { NO_TAG },
            if j >= 2 { tags[j - 2] } else { NO_TAG },
        ]
    };
    for j in 0..pred.len().min(gold.len()) {
        let (g, p) = (gold[j], pred[j]);
        let (lg, lp) = (left(gold, j), left(pred, j));
        if g == p && lg == lp {
            continue;
        }
        if g != p {
            keys.clear();
            features::ner_static(x, j, keys);
            t.add(keys, &[(g as usize, 1.0), (p as usize, -1.0)]);
        }
        keys.clear();
        features::ner_dynamic(x, j, lg, keys);
        t.add(keys, &[(g as usize, 1.0)]);
        keys.clear();
        features::ner_dynamic(x, j, lp, keys);
        t.add(keys, &[(p as usize, -1.0)]);
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

fn decode_with<F: FnMut(&[u32], &mut [f32])>(
    x: &NerInput<'_>,
    keys: &mut Vec<u32>,
    tags: &mut Vec<u16>,
    mut score: F,
    mut on_token: impl FnMut(usize, &[u32], u16),
) {
    tags.clear();
    for i in 0..x.toks.len() {
        let left = [
            if i >= 1 { tags[i - 1] } else { NO_TAG },
            if i >= 2 { tags[i - 2] } else { NO_TAG },
        ];
        keys.clear();
        features::ner_static(x, i, keys);
        features::ner_dynamic(x, i, left, keys);
        let mut scores = [0f32; N_CLASSES];
        score(keys, &mut scores);
        let prev = if i >= 1 { tags[i - 1] } else { 0 };
        let mut best = 0u16;
        for &c in allowed_after(prev) {
            if scores[c as usize] > scores[best as usize] {
                best = c;
            }
        }
        on_token(i, keys, best);
        tags.push(best);
    }
}

impl Ner {
    /// The model trained on UNER English EWT that ships with the crate.
    pub fn builtin() -> &'static Ner {
        static N: std::sync::OnceLock<Ner> = std::sync::OnceLock::new();
        N.get_or_init(|| {
            Ner::from_bytes(include_bytes!("../models/ner.bin")).unwrap_or_else(|_| Ner {
                weights: Trainer::new(N_CLASSES).finish(1),
                beam: 1,
            })
        })
    }

    /// Finds entities. `upos` holds the words' UPOS tags (e.g. from
    /// [`Tagger::tag`]); missing entries count as unknown.
    pub fn tag(&self, words: &[&str], upos: &[&str]) -> Vec<EntitySpan> {
        self.tag_with_gazetteer(words, upos, &[])
    }

    /// Like [`Ner::tag`], with per-word gazetteer bits (a hook for dictionary
    /// matches: bit 0 person, bit 1 organisation, bit 2 location). The
    /// builtin model was trained without them (all zero), so they only help
    /// a model trained with [`train_ner_with_gazetteer`].
    pub fn tag_with_gazetteer(&self, words: &[&str], upos: &[&str], gaz: &[u8]) -> Vec<EntitySpan> {
        SCRATCH.with(|cell| {
            let mut fresh = Scratch::default();
            let mut guard = cell.try_borrow_mut();
            let s = match guard.as_mut() {
                Ok(s) => &mut **s,
                Err(_) => &mut fresh,
            };
            features::analyze(words, &mut s.lower, &mut s.toks);
            s.upos.clear();
            s.upos.extend(
                (0..words.len()).map(|i| bytes(upos.get(i).copied().unwrap_or("_").as_bytes())),
            );
            s.gaz.clear();
            s.gaz
                .extend((0..words.len()).map(|i| gaz.get(i).copied().unwrap_or(0)));
            list_bits(words, &s.toks, &mut s.bits);
            cap_codes(words, &mut s.lower, &mut s.cap);
            Gazetteer::builtin().scan(words, &s.toks, &mut s.gz);
            let Scratch {
                toks,
                upos,
                gaz,
                bits,
                cap,
                gz,
                keys,
                tags,
                lattice,
                ..
            } = s;
            let mut scores = [0i32; 256];
            let w = &self.weights;
            let x = NerInput {
                toks,
                upos,
                gaz,
                bits,
                cap,
                gz,
            };
            beam_decode(&x, self.beam, None, lattice, keys, tags, |k, out| {
                scores[..N_CLASSES].iter_mut().for_each(|x| *x = 0);
                w.score(k, &mut scores);
                for (o, s) in out.iter_mut().zip(scores.iter()) {
                    *o += *s as f32;
                }
            });
            spans_from_classes(tags)
        })
    }

    /// Serialises the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.buf.extend_from_slice(MAGIC);
        w.u32(VERSION);
        w.u32(self.beam as u32);
        self.weights.write(&mut w);
        w.buf
    }

    /// Loads a model written by [`Ner::to_bytes`].
    pub fn from_bytes(b: &[u8]) -> Result<Ner> {
        let mut r = Reader::new(b);
        r.magic(MAGIC, VERSION)?;
        let beam = r.u32("beam")? as usize;
        if !(1..=MAX_BEAM).contains(&beam) {
            return Err(crate::Error::BadModel(format!(
                "NER beam {beam} outside 1..={MAX_BEAM}"
            )));
        }
        let weights = Weights::read(&mut r)?;
        r.finish()?;
        if weights.n_classes != N_CLASSES {
            return Err(crate::Error::BadModel(
                "NER model must have 7 BIO classes".into(),
            ));
        }
        Ok(Ner { weights, beam })
    }
}

/// Trains the NER model on IOB2 sentences, with UPOS predicted by `tagger`
/// (so training sees the same tag noise as use). Entity types other than
/// PER/ORG/LOC are treated as `O`.
pub fn train_ner(train: &[IobSentence], tagger: &Tagger, opts: &TrainOptions) -> Ner {
    train_ner_with_gazetteer(train, tagger, opts, &|_, _| 0)
}

/// [`train_ner`] with a gazetteer: `gaz(words, i)` gives word `i`'s
/// gazetteer bits (see [`Ner::tag_with_gazetteer`]).
pub fn train_ner_with_gazetteer(
    train: &[IobSentence],
    tagger: &Tagger,
    opts: &TrainOptions,
    gaz: &dyn Fn(&[&str], usize) -> u8,
) -> Ner {
    struct Prep {
        toks: Vec<Tok>,
        upos: Vec<u64>,
        gaz: Vec<u8>,
        bits: Vec<u8>,
        cap: Vec<u16>,
        gz: Vec<GazTok>,
        gold: Vec<u16>,
    }
    impl Prep {
        fn input(&self) -> NerInput<'_> {
            NerInput {
                toks: &self.toks,
                upos: &self.upos,
                gaz: &self.gaz,
                bits: &self.bits,
                cap: &self.cap,
                gz: &self.gz,
            }
        }
    }
    let mut lower = String::new();
    let mut tagged = Vec::new();
    let data: Vec<Prep> = train
        .iter()
        .map(|s| {
            let words: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            let mut toks = Vec::new();
            features::analyze(&words, &mut lower, &mut toks);
            tagger.tag_into(&words, &mut tagged);
            let mut bits = Vec::new();
            list_bits(&words, &toks, &mut bits);
            let mut cap = Vec::new();
            cap_codes(&words, &mut lower, &mut cap);
            let mut gz = Vec::new();
            Gazetteer::builtin().scan(&words, &toks, &mut gz);
            Prep {
                bits,
                cap,
                gz,
                toks,
                upos: tagged.iter().map(|t| bytes(t.upos.as_bytes())).collect(),
                gaz: (0..words.len()).map(|i| gaz(&words, i)).collect(),
                gold: s.tags.iter().map(|t| class_of(t)).collect(),
            }
        })
        .collect();
    let mut t = Trainer::new(N_CLASSES);
    let mut rng = Rng::new(opts.seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let (mut keys, mut tags) = (Vec::new(), Vec::new());
    let beam = opts.ner_beam.clamp(1, MAX_BEAM);
    let mut lattice = Lattice::default();
    for epoch in 0..opts.epochs {
        rng.shuffle(&mut order);
        let mut wrong = 0usize;
        for &si in &order {
            let p = &data[si];
            if beam > 1 {
                let x = p.input();
                t.tick();
                beam_decode(
                    &x,
                    beam,
                    Some(&p.gold),
                    &mut lattice,
                    &mut keys,
                    &mut tags,
                    |k, out| t.score(k, out),
                );
                if p.gold.get(..tags.len()) != Some(&tags[..]) {
                    wrong += 1;
                    sequence_update(&mut t, &x, &p.gold, &tags, &mut keys);
                }
                continue;
            }
            // Score with the live weights, update after each token's decision.
            let t_ref = std::cell::RefCell::new(&mut t);
            let x = p.input();
            decode_with(
                &x,
                &mut keys,
                &mut tags,
                |k, out| t_ref.borrow().score(k, out),
                |i, k, pred| {
                    let mut t = t_ref.borrow_mut();
                    t.tick();
                    let gold = p.gold.get(i).copied().unwrap_or(0);
                    wrong += usize::from(gold != pred);
                    t.update(k, gold as usize, pred as usize);
                },
            );
        }
        if opts.verbose {
            eprintln!("  ner epoch {}: {wrong} errors", epoch + 1);
        }
    }
    Ner {
        weights: t.finish(opts.min_weight),
        beam,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_follow_conlleval() {
        let s = spans_from_bio(&[
            "B-PER", "I-PER", "O", "I-LOC", "B-ORG", "B-ORG", "I-LOC", "B-MISC",
        ]);
        let got: Vec<_> = s
            .iter()
            .map(|s| (s.start, s.end, s.label.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (0, 2, "PER"),
                (3, 4, "LOC"),
                (4, 5, "ORG"),
                (5, 6, "ORG"),
                (6, 7, "LOC")
            ]
        );
    }

    #[test]
    fn untrained_model_handles_odd_input() {
        let n = Ner {
            weights: Trainer::new(N_CLASSES).finish(1),
            beam: 4,
        };
        assert!(n.tag(&[], &[]).is_empty());
        assert!(n.tag(&["", "ü", "\u{200b}"], &["X"]).is_empty());
    }
}
