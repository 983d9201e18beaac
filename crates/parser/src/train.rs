//! Training: averaged perceptron with the dynamic oracle and exploration
//! (Goldberg & Nivre 2012), deterministic given a seed.

use khaldun_conllu::Sentence;

use crate::features::{extract, Sent, FEATURE_SET, FEATURE_SET_PLAIN, N_FEATS, N_FEATS_PLAIN};
use crate::hedge;
use crate::oracle::{class_cost, move_costs, Gold};
use crate::perceptron::TrainWeights;
use crate::rel::Rel;
use crate::transition::{best_legal, n_classes, State};
use crate::Parser;

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed for shuffling and exploration; same seed, same model.
    pub seed: u64,
    /// Beam width. Only `1` (greedy) is implemented; larger values are
    /// treated as `1`.
    pub beam: usize,
    /// Probability of following the model's own (possibly wrong) prediction
    /// once exploring, so that training sees the states the parser reaches.
    pub explore_p: f64,
    /// First epoch (0-based) that explores; before it the oracle leads.
    pub explore_from: usize,
    /// Averaged weights with a smaller magnitude are dropped (model size).
    pub prune: f32,
    /// Perceptron runs with different shuffling and exploration (seeds
    /// `seed`, `seed + 1000`, ...) whose averaged weights are averaged into
    /// one model; training time grows with it, run time only with the
    /// number of features.
    pub runs: usize,
    /// Read the runner-up tags written by [`jackknife_tags`] (`AltXPOS=` in
    /// MISC) and score them (feature set 5, 128 templates); without them the
    /// model has the 122 templates of feature set 4.
    pub runner_up: bool,
    /// Print per-epoch progress to stderr.
    pub verbose: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 15,
            seed: 1,
            beam: 1,
            explore_p: 0.9,
            explore_from: 1,
            prune: 1.0,
            runs: 1,
            runner_up: true,
            verbose: false,
        }
    }
}

/// SplitMix64: small, fast and good enough for shuffling and coin flips.
pub(crate) struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5851_f42d_4c95_7f2d)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in `[0, 1)`.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

struct Example<'a> {
    words: Vec<&'a str>,
    upos: Vec<&'a str>,
    xpos: Vec<&'a str>,
    alt: Vec<&'a str>,
    gold: Gold,
}

/// Trains a parser on sentences with gold heads and relations, using the
/// UPOS/XPOS tags found in them as features, and the runner-up XPOS
/// written by [`jackknife_tags`] into MISC (`AltXPOS=`) where there is one. To train on predicted tags
/// (recommended: it matches run-time noise), put the tagger's output into the
/// sentences first. Sentences with missing heads are skipped; non-projective
/// ones are used as they are (the dynamic oracle takes the cheapest path).
pub fn train_parser(train: &[Sentence], opts: &TrainOptions) -> Parser {
    // Label set: what the data uses, plus `root` and `dep` so that every
    // state has a legal class.
    let mut labels: Vec<Rel> = vec![Rel::ROOT, Rel::DEP];
    for s in train {
        for w in &s.words {
            let r = Rel::from_name_lossy(&w.deprel);
            if !labels.contains(&r) {
                labels.push(r);
            }
        }
    }
    labels.sort();
    labels.truncate(127); // classes must fit in a u8
    let root_label = labels.iter().position(|&l| l == Rel::ROOT).unwrap_or(0);
    let label_ix = |name: &str| {
        let r = Rel::from_name_lossy(name);
        labels.iter().position(|&l| l == r).unwrap_or(0) as u8
    };

    let examples: Vec<Example<'_>> = train
        .iter()
        .filter(|s| !s.words.is_empty() && s.words.iter().all(|w| w.head.is_some()))
        .map(|s| {
            let heads: Vec<Option<usize>> = s.words.iter().map(|w| w.head).collect();
            let labs: Vec<u8> = s.words.iter().map(|w| label_ix(&w.deprel)).collect();
            Example {
                words: s.words.iter().map(|w| w.form.as_str()).collect(),
                upos: s.words.iter().map(|w| w.upos.as_str()).collect(),
                xpos: s.words.iter().map(|w| w.xpos.as_str()).collect(),
                alt: s
                    .words
                    .iter()
                    .map(|w| match opts.runner_up {
                        true => hedge::from_misc(&w.misc),
                        false => "",
                    })
                    .collect(),
                gold: Gold::new(&heads, &labs),
            }
        })
        .collect();

    let nc = n_classes(labels.len());
    // Run 0 uses the seed itself, so one run is the plain perceptron.
    let runs: Vec<(TrainWeights, u32)> = (0..opts.runs.max(1) as u64)
        .map(|r| {
            train_run(
                &examples,
                nc,
                root_label,
                opts,
                opts.seed.wrapping_add(r * 1000),
            )
        })
        .collect();
    let parts: Vec<(&TrainWeights, u32)> = runs.iter().map(|(w, t)| (w, *t)).collect();
    let weights = TrainWeights::finish_mean(&parts, opts.prune);
    Parser {
        labels,
        root_label,
        feature_set: if opts.runner_up {
            FEATURE_SET
        } else {
            FEATURE_SET_PLAIN
        },
        weights,
    }
}

/// One perceptron run over `examples` with its own shuffling and
/// exploration (`seed`); returns the weights and the final tick.
fn train_run(
    examples: &[Example<'_>],
    nc: usize,
    root_label: usize,
    opts: &TrainOptions,
    seed: u64,
) -> (TrainWeights, u32) {
    let mut w = TrainWeights::default();
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut st = State::default();
    let mut sent = Sent::default();
    let mut feats = [0u64; N_FEATS];
    let nf = if opts.runner_up {
        N_FEATS
    } else {
        N_FEATS_PLAIN
    };
    let mut scores = vec![0f32; nc];
    let mut costs = vec![0u32; nc];
    let mut tick: u32 = 0;
    for epoch in 0..opts.epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let explore = epoch >= opts.explore_from;
        let (mut seen, mut wrong) = (0usize, 0usize);
        for &ix in &order {
            let ex = &examples[ix];
            sent.fill(&ex.words, &ex.upos, &ex.xpos, &ex.alt);
            st.reset(ex.words.len());
            while !st.is_terminal() {
                extract(&st, &sent, &mut feats, opts.runner_up);
                w.score(&feats[..nf], &mut scores);
                let pred = best_legal(&st, &scores, root_label);
                let moves = move_costs(&st, &ex.gold);
                let mut min = u32::MAX;
                for (c, cost) in costs.iter_mut().enumerate() {
                    *cost = if st.is_legal(c, root_label) {
                        class_cost(&st, &ex.gold, &moves, c)
                    } else {
                        u32::MAX
                    };
                    min = min.min(*cost);
                }
                // Best-scoring among the cheapest legal classes.
                let mut best = pred;
                let mut best_score = f32::NEG_INFINITY;
                for (c, &cost) in costs.iter().enumerate() {
                    if cost == min && cost != u32::MAX && scores[c] > best_score {
                        best = c;
                        best_score = scores[c];
                    }
                }
                seen += 1;
                if costs[pred] > min {
                    wrong += 1;
                    w.update(&feats[..nf], best, pred, tick);
                }
                tick = tick.saturating_add(1);
                let next = if explore && rng.next_f64() < opts.explore_p {
                    pred
                } else {
                    best
                };
                st.apply(next);
            }
        }
        if opts.verbose {
            eprintln!(
                "epoch {:>2}: {:.2}% transitions wrong ({} of {})",
                epoch + 1,
                100.0 * wrong as f64 / seen.max(1) as f64,
                wrong,
                seen
            );
        }
    }
    (w, tick)
}

/// Replaces the gold UPOS/XPOS of `train` with K-fold jackknifed predictions
/// of `khaldun-tagger` (each fold tagged by a tagger trained on the others),
/// so training features carry the same noise as run-time tags, and puts
/// the runner-up XPOS of hesitant words (as [`crate::runner_up_xpos`]
/// gives it at run time) into MISC as `AltXPOS=`. Returns the XPOS
/// accuracy of the predictions. Deterministic for a seed.
pub fn jackknife_tags(train: &mut [Sentence], folds: usize, seed: u64) -> f64 {
    let k = folds.max(2);
    let opts = khaldun_tagger::TrainOptions {
        seed,
        ..khaldun_tagger::TrainOptions::default()
    };
    type Tags = (Vec<String>, Vec<String>, Vec<String>);
    let mut predicted: Vec<Option<Tags>> = vec![None; train.len()];
    for fold in 0..k {
        let rest: Vec<Sentence> = train
            .iter()
            .enumerate()
            .filter(|(i, _)| i % k != fold)
            .map(|(_, s)| s.clone())
            .collect();
        let mut tagger = khaldun_tagger::train_tagger(&rest, &opts);
        // Decode as the builtin tagger does, so that tags and margins carry
        // the same noise as at run time.
        tagger.set_pass2_margin(khaldun_tagger::Tagger::builtin().pass2_margin());
        let (mut tags, mut runner, mut alt) = (Vec::new(), Vec::new(), Vec::new());
        for (i, s) in train.iter().enumerate().filter(|(i, _)| i % k == fold) {
            let words: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            tagger.tag_with_runner_up(&words, &mut tags, &mut runner);
            hedge::runner_up_xpos(&tagger, &tags, &runner, &mut alt);
            predicted[i] = Some((
                tags.iter().map(|t| t.upos.to_string()).collect(),
                tags.iter().map(|t| t.xpos.to_string()).collect(),
                alt.iter().map(|a| a.to_string()).collect(),
            ));
        }
    }
    let (mut n, mut ok) = (0usize, 0usize);
    for (s, p) in train.iter_mut().zip(predicted) {
        let Some((upos, xpos, alt)) = p else { continue };
        for (((w, u), x), a) in s.words.iter_mut().zip(upos).zip(xpos).zip(alt) {
            n += 1;
            ok += usize::from(w.xpos == x);
            w.upos = u;
            w.xpos = x;
            hedge::set_misc(&mut w.misc, &a);
        }
    }
    ok as f64 / n.max(1) as f64
}
