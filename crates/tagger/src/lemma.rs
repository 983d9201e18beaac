//! Lemmatizer: a lexicon of exceptions learned from the treebank, backed by
//! suffix-rewrite rules also learned from it.
//!
//! A rule is "strip n chars, append s", learned per `(UPOS, XPOS)` and word
//! suffix (up to 7 chars) by counting word *types*, so it generalises to unseen
//! words (`arrived` -> `arrive` from `derived`, `moved`; `shipped` -> `ship`
//! from `stopped`). Lookup takes the longest known suffix. The lexicon only
//! stores words whose lemma the rules get wrong (`met` -> `meet`, `was` ->
//! `be`), which keeps it small. Whether a class keeps the word's case (PROPN,
//! NNP adjectives like `Iraqi`) is learned too.

use std::sync::Arc;

use crate::hash::{bytes, mix, FxMap};
use crate::io::{Reader, Writer};
use crate::lexicon::Lexicon;
use crate::Result;
use khaldun_conllu::Sentence;

/// WordNet 3.0 irregular forms (`form`, POS bit, `lemma`), from its `*.exc`
/// lists (see `data/make_wordnet_lexicon.py` and MODEL_CARD.md).
const WORDNET_EXC: &str = include_str!("../data/wordnet_exc.txt");

/// WordNet POS bit (1 noun, 2 verb, 4 adjective, 8 adverb) of an inflected
/// class whose lemma WordNet can check, else 0.
fn wordnet_pos(upos: &str, xpos: &str) -> u16 {
    match (upos, xpos) {
        ("NOUN", "NNS") => 1,
        ("VERB", "VBD" | "VBN" | "VBG" | "VBZ") => 2,
        ("ADJ", "JJR" | "JJS") => 4,
        ("ADV", "RBR" | "RBS") => 8,
        _ => 0,
    }
}

fn exc_key(form: &str, pos: u16) -> u64 {
    mix(bytes(form.as_bytes()) ^ u64::from(pos).wrapping_mul(0x2545_f491))
}

const MAX_SUFFIX: usize = 7;

thread_local! {
    /// Scratch for the lowercased form: lemmatizing allocates nothing.
    static LOWER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Maps a word form and its tags to a lemma.
#[derive(Clone, Default)]
pub struct Lemmatizer {
    /// Exceptions: hash of (form, class) to lemma index.
    lexicon: FxMap<u64, u32>,
    lemmas: Vec<String>,
    /// Rules: (chars to strip, string to append).
    rules: Vec<(u32, String)>,
    /// Hash of (class, lowercased suffix) to rule index.
    suffixes: FxMap<u64, u32>,
    /// (class, case pattern) -> case transform, when not [`Case::Lower`].
    case: FxMap<u64, u8>,
    /// WordNet irregular forms: hash of (form, POS bit) to lemma index.
    wn_exc: FxMap<u64, u32>,
    /// WordNet lemmas, to check rule output (shared with the tagger; not
    /// serialised here).
    wordnet: Option<Arc<Lexicon>>,
}

/// How a lemma's case derives from the form's: learned per class and
/// form case pattern (EWT keeps `GISB`, and writes `kerala`/PROPN as `Kerala`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    Lower = 0,
    Keep = 1,
    CapFirst = 2,
}

/// 0: no capitals, 1: initial capital only, 2: all capitals, 3: mixed.
fn case_pattern(form: &str) -> u64 {
    let mut chars = form.chars().filter(|c| c.is_alphabetic());
    let Some(first) = chars.next() else { return 0 };
    let (mut up, mut low) = (0, 0);
    for c in chars {
        if c.is_uppercase() {
            up += 1;
        } else {
            low += 1;
        }
    }
    match (first.is_uppercase(), up, low) {
        (false, 0, _) => 0,
        (true, 0, _) => 1,
        (true, _, 0) => 2,
        _ => 3,
    }
}

fn apply_case(case: Case, form: &str, lower: &str, out: &mut String) {
    match case {
        Case::Lower => out.push_str(lower),
        Case::Keep => out.push_str(form),
        Case::CapFirst => {
            let mut it = lower.chars();
            if let Some(c) = it.next() {
                out.extend(c.to_uppercase());
            }
            out.push_str(it.as_str());
        }
    }
}

fn case_key(class: u64, pattern: u64) -> u64 {
    mix(class ^ (pattern + 1).wrapping_mul(0x9E37_79B9))
}

fn class_hash(upos: &str, xpos: &str) -> u64 {
    mix(bytes(upos.as_bytes()) ^ bytes(xpos.as_bytes()).rotate_left(21))
}

fn word_key(form: &str, class: u64) -> u64 {
    mix(bytes(form.as_bytes()) ^ class)
}

fn suffix_key(suffix: &str, class: u64) -> u64 {
    mix(bytes(suffix.as_bytes()).rotate_left(7) ^ class ^ 0x5bd1_e995)
}

fn lowercase(s: &str, out: &mut String) {
    out.clear();
    out.extend(s.chars().flat_map(char::to_lowercase));
}

/// The rule turning `base` into `lemma`.
fn rule_of(base: &str, lemma: &str) -> (u32, String) {
    let common: usize = base
        .chars()
        .zip(lemma.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    (
        base[common..].chars().count() as u32,
        lemma[common..].to_string(),
    )
}

/// Suffixes of `s` of 0..=MAX_SUFFIX chars, shortest first (byte offsets).
fn suffix_starts(s: &str) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(s.len()).chain(s.char_indices().rev().map(|(b, _)| b).take(MAX_SUFFIX))
}

impl Lemmatizer {
    /// Writes the lemma of `form` with tags `upos`/`xpos` into `out`
    /// (cleared first). Never fails: unknown tags fall back to the form.
    pub fn lemmatize_into(&self, form: &str, upos: &str, xpos: &str, out: &mut String) {
        let class = class_hash(upos, xpos);
        if let Some(&i) = self.lexicon.get(&word_key(form, class)) {
            out.clear();
            out.push_str(self.lemmas.get(i as usize).map_or(form, String::as_str));
            return;
        }
        let pos = wordnet_pos(upos, xpos);
        LOWER.with(|cell| match cell.try_borrow_mut() {
            Ok(mut lower) => self.lemmatize_lower(form, class, pos, &mut lower, out),
            Err(_) => self.lemmatize_lower(form, class, pos, &mut String::new(), out),
        })
    }

    fn lemmatize_lower(
        &self,
        form: &str,
        class: u64,
        pos: u16,
        lower: &mut String,
        out: &mut String,
    ) {
        lowercase(form, lower);
        let lower = lower.as_str();
        // Lowercased entries only serve forms whose lemma is lowercased.
        if self.case_of(class, form) == Case::Lower {
            if let Some(&i) = self.lexicon.get(&word_key(lower, class)) {
                out.clear();
                out.push_str(self.lemmas.get(i as usize).map_or(form, String::as_str));
                return;
            }
        }
        self.apply_rules(form, lower, class, out);
        self.check_wordnet(form, lower, class, pos, out);
    }

    /// For an inflected noun, verb, adjective or adverb whose rule-made
    /// lemma is not a WordNet lemma: WordNet's irregular form, else the
    /// first WordNet lemma found by morphy's detachment rules.
    fn check_wordnet(&self, form: &str, lower: &str, class: u64, pos: u16, out: &mut String) {
        let Some(wn) = &self.wordnet else { return };
        if pos == 0 || self.case_of(class, form) != Case::Lower || wn.is_lemma(out, pos) {
            return;
        }
        if let Some(&i) = self.wn_exc.get(&exc_key(lower, pos)) {
            if let Some(l) = self.lemmas.get(i as usize) {
                out.clear();
                out.push_str(l);
                return;
            }
        }
        let mut cand = String::new();
        if wn.morphy(lower, pos, &mut cand) {
            out.clear();
            out.push_str(&cand);
        }
    }

    /// Attaches the WordNet lexicon used to check rule output.
    pub(crate) fn set_wordnet(&mut self, wn: Arc<Lexicon>) {
        self.wordnet = Some(wn);
    }

    /// Convenience wrapper of [`Lemmatizer::lemmatize_into`].
    pub fn lemmatize(&self, form: &str, upos: &str, xpos: &str) -> String {
        let mut s = String::new();
        self.lemmatize_into(form, upos, xpos, &mut s);
        s
    }

    fn case_of(&self, class: u64, form: &str) -> Case {
        match self.case.get(&case_key(class, case_pattern(form))) {
            Some(1) => Case::Keep,
            Some(2) => Case::CapFirst,
            _ => Case::Lower,
        }
    }

    fn apply_rules(&self, form: &str, lower: &str, class: u64, out: &mut String) {
        out.clear();
        apply_case(self.case_of(class, form), form, lower, out);
        let n = out.chars().count();
        // Longest known suffix wins: probe from the longest down.
        let mut starts = [0usize; MAX_SUFFIX + 1];
        let mut n_starts = 0;
        for st in suffix_starts(lower) {
            starts[n_starts] = st;
            n_starts += 1;
        }
        let rule = starts[..n_starts]
            .iter()
            .rev()
            .find_map(|&st| self.suffixes.get(&suffix_key(&lower[st..], class)))
            .and_then(|&r| self.rules.get(r as usize));
        if let Some((strip, add)) = rule {
            let strip = *strip as usize;
            if strip <= n {
                let keep = out
                    .char_indices()
                    .nth(n - strip)
                    .map_or(out.len(), |(b, _)| b);
                out.truncate(keep);
                out.push_str(add);
            }
        }
    }

    /// Learns the lemmatizer from gold-tagged sentences (without WordNet).
    pub fn train(sents: &[Sentence]) -> Lemmatizer {
        Lemmatizer::train_with(sents, None)
    }

    /// Learns the lemmatizer, checking rule output against WordNet when
    /// `wordnet` is given (irregular forms from its exception lists).
    pub(crate) fn train_with(sents: &[Sentence], wordnet: Option<Arc<Lexicon>>) -> Lemmatizer {
        // (form, upos, xpos) -> lemma -> count, with a deterministic order.
        let mut forms: std::collections::BTreeMap<
            (String, String, String),
            std::collections::BTreeMap<String, u32>,
        > = Default::default();
        for s in sents {
            for w in &s.words {
                if w.lemma == "_" || w.form.is_empty() {
                    continue;
                }
                *forms
                    .entry((w.form.clone(), w.upos.clone(), w.xpos.clone()))
                    .or_default()
                    .entry(w.lemma.clone())
                    .or_default() += 1;
            }
        }
        let best = |m: &std::collections::BTreeMap<String, u32>| -> String {
            let mut v: Vec<_> = m.iter().collect();
            v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            v[0].0.clone()
        };
        let mut lem = Lemmatizer::default();
        let mut lower = String::new();
        if let Some(wn) = wordnet {
            lem.wordnet = Some(wn);
            let mut ids: FxMap<String, u32> = FxMap::default();
            for l in WORDNET_EXC.lines().filter(|l| !l.starts_with('#')) {
                let mut it = l.split('\t');
                let (Some(f), Some(b), Some(lemma)) = (it.next(), it.next(), it.next()) else {
                    continue;
                };
                let Ok(b) = u16::from_str_radix(b, 16) else {
                    continue;
                };
                let key = exc_key(f, b);
                if lem.wn_exc.contains_key(&key) {
                    continue; // first lemma listed wins
                }
                let next = lem.lemmas.len() as u32;
                let id = *ids.entry(lemma.to_string()).or_insert_with(|| {
                    lem.lemmas.push(lemma.to_string());
                    next
                });
                lem.wn_exc.insert(key, id);
            }
        }

        // Case: which transform of the form gives the lemma's first two
        // chars, voted per (class, case pattern) over word types.
        let mut votes: FxMap<u64, [u32; 3]> = FxMap::default();
        let mut cand = String::new();
        for ((form, upos, xpos), m) in &forms {
            lowercase(form, &mut lower);
            let l = best(m);
            let head = |s: &str| s.chars().take(2).collect::<String>();
            let v = votes
                .entry(case_key(class_hash(upos, xpos), case_pattern(form)))
                .or_default();
            for (i, c) in [Case::Lower, Case::Keep, Case::CapFirst]
                .into_iter()
                .enumerate()
            {
                cand.clear();
                apply_case(c, form, &lower, &mut cand);
                if head(&cand) == head(&l) {
                    v[i] += 1;
                }
            }
        }
        for (k, v) in votes {
            // Lower wins ties: it is the default and needs no entry.
            let best_i = (0..3)
                .max_by(|&a, &b| v[a].cmp(&v[b]).then(b.cmp(&a)))
                .unwrap_or(0);
            if best_i != 0 {
                lem.case.insert(k, best_i as u8);
            }
        }

        // Suffix rules from lowercased types.
        let mut types: std::collections::BTreeMap<(String, String, String), String> =
            Default::default();
        for ((form, upos, xpos), m) in &forms {
            lowercase(form, &mut lower);
            types
                .entry((lower.clone(), upos.clone(), xpos.clone()))
                .or_insert_with(|| best(m));
        }
        let mut rule_ids: std::collections::HashMap<(u32, String), u32> = Default::default();
        // (class, suffix) -> rule -> count; BTreeMap for deterministic ties.
        let mut counts: std::collections::BTreeMap<
            (u64, String),
            std::collections::BTreeMap<u32, u32>,
        > = Default::default();
        for ((low, upos, xpos), lemma) in &types {
            let class = class_hash(upos, xpos);
            // Rules are learned and keyed on lowercase; applied to the cased
            // form for classes that keep case.
            let base_lemma: String = lemma.chars().flat_map(char::to_lowercase).collect();
            let rule = rule_of(low, &base_lemma);
            let next = lem.rules.len() as u32;
            let id = *rule_ids.entry(rule.clone()).or_insert(next);
            if id == next {
                lem.rules.push(rule);
            }
            for start in suffix_starts(low) {
                *counts
                    .entry((class, low[start..].to_string()))
                    .or_default()
                    .entry(id)
                    .or_default() += 1;
            }
        }
        let pick = |m: &std::collections::BTreeMap<u32, u32>| {
            m.iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(r, _)| *r)
        };
        for ((class, suffix), m) in &counts {
            let Some(r) = pick(m) else { continue };
            // Keep a node only where it changes its parent's decision.
            let parent = suffix
                .char_indices()
                .nth(1)
                .map(|(b, _)| &suffix[b..])
                .or(if suffix.is_empty() { None } else { Some("") });
            let inherited =
                parent.and_then(|p| counts.get(&(*class, p.to_string())).and_then(pick));
            if inherited != Some(r) {
                lem.suffixes.insert(suffix_key(suffix, *class), r);
            }
        }

        // Exceptions: lowercased entries first, then exact forms where they
        // still differ from what lookup would otherwise give.
        let mut lemma_ids: FxMap<u64, u32> = lem
            .lemmas
            .iter()
            .enumerate()
            .map(|(i, l)| (bytes(l.as_bytes()), i as u32))
            .collect();
        let mut intern = |lem: &mut Lemmatizer, s: &str| -> u32 {
            let h = bytes(s.as_bytes());
            *lemma_ids.entry(h).or_insert_with(|| {
                lem.lemmas.push(s.to_string());
                lem.lemmas.len() as u32 - 1
            })
        };
        let mut out = String::new();
        let mut lowered: std::collections::BTreeMap<
            (String, String, String),
            std::collections::BTreeMap<String, u32>,
        > = Default::default();
        for ((form, upos, xpos), m) in &forms {
            if lem.case_of(class_hash(upos, xpos), form) != Case::Lower {
                continue;
            }
            lowercase(form, &mut lower);
            let e = lowered
                .entry((lower.clone(), upos.clone(), xpos.clone()))
                .or_default();
            for (l, c) in m {
                *e.entry(l.clone()).or_default() += c;
            }
        }
        for ((low, upos, xpos), m) in &lowered {
            let class = class_hash(upos, xpos);
            let want = best(m);
            lem.apply_rules(low, low, class, &mut out);
            lem.check_wordnet(low, low, class, wordnet_pos(upos, xpos), &mut out);
            if out != want {
                let id = intern(&mut lem, &want);
                lem.lexicon.insert(word_key(low, class), id);
            }
        }
        for ((form, upos, xpos), m) in &forms {
            let want = best(m);
            lem.lemmatize_into(form, upos, xpos, &mut out);
            if out != want {
                let id = intern(&mut lem, &want);
                lem.lexicon
                    .insert(word_key(form, class_hash(upos, xpos)), id);
            }
        }
        lem
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.strs(&self.lemmas);
        let mut lex: Vec<_> = self.lexicon.iter().collect();
        lex.sort_unstable();
        w.varint(lex.len() as u64);
        for (k, v) in lex {
            w.u64(*k);
            w.varint(u64::from(*v));
        }
        w.varint(self.rules.len() as u64);
        for (n, s) in &self.rules {
            w.varint(u64::from(*n));
            w.str(s);
        }
        let mut suf: Vec<_> = self.suffixes.iter().collect();
        suf.sort_unstable();
        w.varint(suf.len() as u64);
        for (k, v) in suf {
            w.u64(*k);
            w.varint(u64::from(*v));
        }
        let mut kc: Vec<_> = self.case.iter().collect();
        kc.sort_unstable();
        w.varint(kc.len() as u64);
        for (k, c) in kc {
            w.u64(*k);
            w.u8(*c);
        }
        let mut exc: Vec<_> = self.wn_exc.iter().collect();
        exc.sort_unstable();
        w.varint(exc.len() as u64);
        for (k, v) in exc {
            w.u64(*k);
            w.varint(u64::from(*v));
        }
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Lemmatizer> {
        let mut lem = Lemmatizer {
            lemmas: r.strs("lemmas")?,
            ..Default::default()
        };
        let n = r.count(9, "lexicon")?;
        lem.lexicon.reserve(n);
        for _ in 0..n {
            let k = r.u64("lexicon")?;
            let v = r.varint("lexicon")? as u32;
            lem.lexicon.insert(k, v);
        }
        let n = r.count(2, "rules")?;
        for _ in 0..n {
            let strip = r.varint("rules")? as u32;
            lem.rules.push((strip, r.str("rules")?));
        }
        let n = r.count(9, "suffixes")?;
        lem.suffixes.reserve(n);
        for _ in 0..n {
            let k = r.u64("suffixes")?;
            let v = r.varint("suffixes")? as u32;
            lem.suffixes.insert(k, v);
        }
        let n = r.count(9, "case")?;
        for _ in 0..n {
            let k = r.u64("case")?;
            lem.case.insert(k, r.u8("case")?);
        }
        let n = r.count(9, "wordnet exceptions")?;
        lem.wn_exc.reserve(n);
        for _ in 0..n {
            let k = r.u64("wordnet exceptions")?;
            let v = r.varint("wordnet exceptions")? as u32;
            lem.wn_exc.insert(k, v);
        }
        Ok(lem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_char_based() {
        assert_eq!(rule_of("countries", "country"), (3, "y".into()));
        assert_eq!(rule_of("stopped", "stop"), (3, String::new()));
        assert_eq!(rule_of("met", "meet"), (1, "et".into()));
        assert_eq!(rule_of("café", "café"), (0, String::new()));
    }

    #[test]
    fn untrained_lemmatizer_returns_the_form() {
        let l = Lemmatizer::default();
        assert_eq!(l.lemmatize("Ünïcode", "X", "FW"), "ünïcode");
        assert_eq!(l.lemmatize("", "X", "FW"), "");
    }
}
