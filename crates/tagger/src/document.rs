//! One label per name within a document. The sentence-level model misses
//! or mistypes some mentions of a name it tags correctly elsewhere in the
//! same document; after decoding, every word sequence tagged as an entity
//! votes for its label, and the document's other mentions follow the
//! majority.

use std::collections::HashMap;

use crate::ner::{capitalised, wordnet, EntityLabel, EntitySpan};

/// Knobs of [`harmonize_entities_with`] (for measuring variants; the
/// defaults are what [`harmonize_entities`] does).
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct DocOptions {
    /// Relabel a mention whose label is in the minority for its string.
    pub relabel: bool,
    /// Tag untagged mentions of a string tagged elsewhere.
    pub propagate: bool,
    /// Do not propagate to a sentence-initial single common word.
    pub guard_initial: bool,
    /// Propagate only to a mention starting with a capital.
    pub need_cap: bool,
    /// Do not propagate inside a longer capitalised run.
    pub guard_neighbours: bool,
    /// A multi-word person's last word also votes PER.
    pub surname: bool,
    /// Match strings ignoring case.
    pub fold_case: bool,
    /// A single common word is only tagged capitalised, not sentence-initial.
    pub guard_common: bool,
}

impl Default for DocOptions {
    fn default() -> DocOptions {
        DocOptions {
            relabel: true,
            propagate: true,
            guard_initial: true,
            need_cap: true,
            guard_neighbours: true,
            surname: false,
            fold_case: false,
            guard_common: false,
        }
    }
}

/// Makes entity labels consistent across the sentences of one document:
/// `words[k]` are the words of sentence `k`, `entities[k]` its entities
/// (as from [`crate::Ner::tag`]). A mention whose string carries another
/// label in most of the document's mentions takes that label, and an
/// untagged capitalised mention of a tagged string gets the majority label
/// (longest strings first; never a sentence-initial single common word,
/// never part of a longer capitalised run). Spans out of range are left
/// alone; each sentence's entities stay sorted by start.
pub fn harmonize_entities<W: AsRef<[S]>, S: AsRef<str>>(
    words: &[W],
    entities: &mut [Vec<EntitySpan>],
) {
    harmonize_entities_with(words, entities, DocOptions::default());
}

/// [`harmonize_entities`] with explicit options.
#[doc(hidden)]
pub fn harmonize_entities_with<W: AsRef<[S]>, S: AsRef<str>>(
    words: &[W],
    entities: &mut [Vec<EntitySpan>],
    o: DocOptions,
) {
    let n = words.len().min(entities.len());
    if n == 0 {
        return;
    }
    let lowered: Vec<Vec<String>> = (0..n)
        .map(|k| {
            words[k]
                .as_ref()
                .iter()
                .map(|w| {
                    if o.fold_case {
                        w.as_ref().to_lowercase()
                    } else {
                        w.as_ref().to_string()
                    }
                })
                .collect()
        })
        .collect();
    let originals: Vec<Vec<&str>> = (0..n)
        .map(|k| words[k].as_ref().iter().map(AsRef::as_ref).collect())
        .collect();
    let sents: Vec<Vec<&str>> = lowered
        .iter()
        .map(|w| w.iter().map(String::as_str).collect())
        .collect();
    // votes per exact word sequence
    let mut votes: HashMap<&[&str], [u32; 3]> = HashMap::new();
    let mut max_len = 0;
    for (w, es) in sents.iter().zip(entities.iter()) {
        for e in es {
            if let Some(key) = w.get(e.start..e.end).filter(|k| !k.is_empty()) {
                votes.entry(key).or_default()[e.label.index()] += 1;
                max_len = max_len.max(key.len());
            }
        }
    }
    let mut exact: std::collections::HashSet<&[&str]> = std::collections::HashSet::new();
    for (w, es) in originals.iter().zip(entities.iter()) {
        for e in es {
            if let Some(key) = w.get(e.start..e.end) {
                exact.insert(key);
            }
        }
    }
    if votes.is_empty() {
        return;
    }
    if o.surname {
        let mut extra: Vec<&[&str]> = Vec::new();
        for (w, es) in sents.iter().zip(entities.iter()) {
            for e in es {
                if e.label == EntityLabel::Per && e.end >= e.start + 2 && e.end <= w.len() {
                    extra.push(&w[e.end - 1..e.end]);
                }
            }
        }
        for k in extra {
            votes.entry(k).or_insert([1, 0, 0]);
        }
    }
    let majority = |c: &[u32; 3]| -> Option<EntityLabel> {
        let best = (0..3).max_by_key(|&i| c[i])?;
        let unique = (0..3).all(|i| i == best || c[i] < c[best]);
        (unique && c[best] > 0).then(|| EntityLabel::ALL[best])
    };
    for ((w, ow), es) in sents.iter().zip(&originals).zip(entities.iter_mut()) {
        if o.relabel {
            for e in es.iter_mut() {
                let Some(c) = w.get(e.start..e.end).and_then(|k| votes.get(k)) else {
                    continue;
                };
                if let Some(l) = majority(c) {
                    e.label = l;
                }
            }
        }
        if !o.propagate {
            continue;
        }
        let mut covered = vec![false; w.len()];
        for e in es.iter() {
            if let Some(c) = covered.get_mut(e.start..e.end) {
                c.iter_mut().for_each(|x| *x = true);
            }
        }
        let len_before = es.len();
        let mut i = 0;
        while i < w.len() {
            let mut step = 1;
            for len in (1..=max_len.min(w.len() - i)).rev() {
                let j = i + len;
                if covered[i..j].iter().any(|&c| c) {
                    continue;
                }
                let Some(l) = votes.get(&w[i..j]).and_then(majority) else {
                    continue;
                };
                if o.need_cap && !capitalised(ow[i]) {
                    continue;
                }
                if o.guard_initial && i == 0 && len == 1 && common_word(ow[i]) {
                    continue;
                }
                if o.guard_common
                    && len == 1
                    && (i == 0 || !exact.contains(&ow[i..j]))
                    && common_word(ow[i])
                {
                    continue;
                }
                if o.guard_neighbours
                    && ((i > 0 && !covered[i - 1] && capitalised(ow[i - 1]))
                        || (j < w.len() && !covered[j] && capitalised(ow[j])))
                {
                    continue;
                }
                es.push(EntitySpan {
                    start: i,
                    end: j,
                    label: l,
                });
                step = len;
                break;
            }
            i += step;
        }
        if es.len() != len_before {
            es.sort_by_key(|e| e.start);
        }
    }
}

/// A WordNet lemma when lowercased ("The", "Church"), or no letters at all.
fn common_word(w: &str) -> bool {
    if !w.chars().any(char::is_alphabetic) {
        return true;
    }
    wordnet().is_lemma(&w.to_lowercase(), 15)
}

/// Per-word bits of what the rest of the document says (for a second-pass
/// model): bit `l` (label index) when an occurrence of a string tagged `l`
/// in another sentence covers the word, bit 3 when such an occurrence
/// starts at the word.
#[doc(hidden)]
pub fn document_bits<W: AsRef<[S]>, S: AsRef<str>>(
    words: &[W],
    entities: &[Vec<EntitySpan>],
) -> Vec<Vec<u8>> {
    let sents: Vec<Vec<&str>> = words
        .iter()
        .map(|w| w.as_ref().iter().map(AsRef::as_ref).collect())
        .collect();
    let mut out: Vec<Vec<u8>> = sents.iter().map(|w| vec![0; w.len()]).collect();
    // (string, label, sentence it was tagged in)
    let mut keys: Vec<(&[&str], EntityLabel, usize)> = Vec::new();
    for (k, (w, es)) in sents.iter().zip(entities).enumerate() {
        for e in es {
            if let Some(key) = w.get(e.start..e.end).filter(|k| !k.is_empty()) {
                keys.push((key, e.label, k));
            }
        }
    }
    for (k, w) in sents.iter().enumerate() {
        for &(key, l, src) in &keys {
            if src == k || key.len() > w.len() {
                continue;
            }
            for i in 0..=w.len() - key.len() {
                if w[i..i + key.len()] == *key {
                    out[k][i] |= 8;
                    for b in &mut out[k][i..i + key.len()] {
                        *b |= 1 << l.index();
                    }
                }
            }
        }
    }
    out
}
