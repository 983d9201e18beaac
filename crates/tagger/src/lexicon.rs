//! Ambiguity-class lexicon derived from WordNet 3.0 (see
//! `data/wordnet_lexicon.txt` and MODEL_CARD.md for the licence): for a
//! lowercase word form, which parts of speech it can have, including regular
//! inflections found by WordNet's "morphy" detachment rules. The tagger
//! stores its copy inside the model, so nothing is read at run time.

use crate::hash::{bytes, FxMap};
use crate::io::{Reader, Writer};
use crate::Result;

/// The lexicon source compiled into the crate (used when training).
const SOURCE: &str = include_str!("../data/wordnet_lexicon.txt");

const NOUN: u16 = 1;
const VERB: u16 = 2;
const ADJ: u16 = 4;
#[cfg(test)]
const ADV: u16 = 8;
/// Regular inflection bits set by [`Lexicon::classes`].
const NOUN_PL: u16 = 1 << 8;
const VERB_S: u16 = 1 << 9;
const VERB_ED: u16 = 1 << 10;
const VERB_ING: u16 = 1 << 11;
const ADJ_CMP: u16 = 1 << 12;
/// Set when the form is not in the lexicon at all (and no rule applies).
const UNKNOWN: u16 = 1 << 15;

/// (suffix, replacement, base POS bit, resulting inflection bit).
const RULES: &[(&str, &str, u16, u16)] = &[
    ("s", "", NOUN, NOUN_PL),
    ("ses", "s", NOUN, NOUN_PL),
    ("xes", "x", NOUN, NOUN_PL),
    ("zes", "z", NOUN, NOUN_PL),
    ("ches", "ch", NOUN, NOUN_PL),
    ("shes", "sh", NOUN, NOUN_PL),
    ("men", "man", NOUN, NOUN_PL),
    ("ies", "y", NOUN, NOUN_PL),
    ("s", "", VERB, VERB_S),
    ("ies", "y", VERB, VERB_S),
    ("es", "e", VERB, VERB_S),
    ("es", "", VERB, VERB_S),
    ("ed", "e", VERB, VERB_ED),
    ("ed", "", VERB, VERB_ED),
    ("ied", "y", VERB, VERB_ED),
    ("ing", "e", VERB, VERB_ING),
    ("ing", "", VERB, VERB_ING),
    ("er", "", ADJ, ADJ_CMP),
    ("est", "", ADJ, ADJ_CMP),
    ("er", "e", ADJ, ADJ_CMP),
    ("est", "e", ADJ, ADJ_CMP),
    ("ier", "y", ADJ, ADJ_CMP),
    ("iest", "y", ADJ, ADJ_CMP),
];

/// Lowercase form -> POS bitmask (bits 0-7 as in the data file).
#[derive(Clone, Default)]
pub(crate) struct Lexicon {
    /// Sorted `(form, bits)` (kept for serialisation).
    forms: Vec<(String, u8)>,
    map: FxMap<u64, u8>,
}

impl Lexicon {
    /// The WordNet lexicon compiled into the crate.
    pub(crate) fn builtin() -> Lexicon {
        let mut forms: Vec<(String, u8)> = SOURCE
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (w, b) = l.split_once('\t')?;
                Some((w.to_string(), u8::from_str_radix(b.trim(), 16).ok()?))
            })
            .collect();
        forms.sort();
        forms.dedup_by(|a, b| a.0 == b.0);
        Lexicon::from_forms(forms)
    }

    fn from_forms(forms: Vec<(String, u8)>) -> Lexicon {
        let mut map = FxMap::default();
        map.reserve(forms.len());
        for (w, b) in &forms {
            map.insert(bytes(w.as_bytes()), *b);
        }
        Lexicon { forms, map }
    }

    /// Ambiguity class of a lowercase form: WordNet POS bits of the form
    /// itself, irregular-form bits, and regular-inflection bits from the
    /// detachment rules. `buf` is scratch space.
    pub(crate) fn classes(&self, lower: &str, buf: &mut String) -> u16 {
        if self.forms.is_empty() {
            return 0;
        }
        let mut c = self
            .map
            .get(&bytes(lower.as_bytes()))
            .map_or(0, |&b| u16::from(b));
        if lower.len() > 3 && lower.is_ascii() {
            for &(suf, rep, base, bit) in RULES {
                if c & bit != 0 || lower.len() <= suf.len() + 1 {
                    continue;
                }
                if let Some(stem) = lower.strip_suffix(suf) {
                    buf.clear();
                    buf.push_str(stem);
                    buf.push_str(rep);
                    if self
                        .map
                        .get(&bytes(buf.as_bytes()))
                        .is_some_and(|&b| u16::from(b) & base != 0)
                    {
                        c |= bit;
                    }
                }
            }
        }
        if c == 0 {
            UNKNOWN
        } else {
            c
        }
    }

    /// Whether `lower` is a WordNet lemma with one of the POS bits `pos`
    /// (1 noun, 2 verb, 4 adjective, 8 adverb).
    pub(crate) fn is_lemma(&self, lower: &str, pos: u16) -> bool {
        self.map
            .get(&bytes(lower.as_bytes()))
            .is_some_and(|&b| u16::from(b) & pos & 0xf != 0)
    }

    /// WordNet's "morphy" detachment: the first base form of `lower` (by
    /// the rules for POS bit `pos`) that is a WordNet lemma of that POS,
    /// written into `out`.
    pub(crate) fn morphy(&self, lower: &str, pos: u16, out: &mut String) -> bool {
        if self.forms.is_empty() || !lower.is_ascii() {
            return false;
        }
        for &(suf, rep, base, _) in RULES {
            if base != pos || lower.len() <= suf.len() + 1 {
                continue;
            }
            if let Some(stem) = lower.strip_suffix(suf) {
                out.clear();
                out.push_str(stem);
                out.push_str(rep);
                if self.is_lemma(out, pos) {
                    return true;
                }
            }
        }
        false
    }

    /// Front-coded: shared prefix length with the previous form, the rest,
    /// the bits.
    pub(crate) fn write(&self, w: &mut Writer) {
        w.varint(self.forms.len() as u64);
        let mut prev: &str = "";
        for (f, b) in &self.forms {
            let common = prev
                .bytes()
                .zip(f.bytes())
                .take_while(|(a, b)| a == b)
                .count()
                .min(255);
            // Keep the cut on a char boundary.
            let mut common = common;
            while !f.is_char_boundary(common) {
                common -= 1;
            }
            w.u8(common as u8);
            w.str(&f[common..]);
            w.u8(*b);
            prev = f;
        }
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Lexicon> {
        let n = r.count(3, "lexicon")?;
        let mut forms: Vec<(String, u8)> = Vec::with_capacity(n);
        let mut prev = String::new();
        for _ in 0..n {
            let common = r.u8("lexicon")? as usize;
            let rest = r.str("lexicon")?;
            let b = r.u8("lexicon")?;
            if common > prev.len() || !prev.is_char_boundary(common) {
                return Err(crate::Error::BadModel("bad lexicon entry".into()));
            }
            prev.truncate(common);
            prev.push_str(&rest);
            forms.push((prev.clone(), b));
        }
        Ok(Lexicon::from_forms(forms))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wordnet_classes() {
        let l = Lexicon::builtin();
        let mut b = String::new();
        assert!(l.classes("run", &mut b) & (NOUN | VERB) == NOUN | VERB);
        assert!(l.classes("bombed", &mut b) & VERB_ED != 0);
        assert!(l.classes("countries", &mut b) & NOUN_PL != 0);
        assert!(l.classes("quickly", &mut b) & ADV != 0);
        assert!(l.classes("geese", &mut b) & 16 != 0);
        assert_eq!(l.classes("xqzt", &mut b), UNKNOWN);
        let mut w = Writer::default();
        l.write(&mut w);
        let l2 = Lexicon::read(&mut Reader::new(&w.buf)).unwrap();
        assert_eq!(l2.forms, l.forms);
    }
}
