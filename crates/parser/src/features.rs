//! Feature extraction: Zhang & Nivre (2011) templates adapted to arc-hybrid.
//!
//! Strings are hashed once per token (lowercased form, XPOS, UPOS, suffix);
//! each feature is then an FxHash-style mix of a template id and a few token
//! hashes, so the hot loop touches only `u64`s and never a string or a
//! vocabulary map. Unknown words simply produce keys absent from the weight
//! table.

use crate::transition::{State, NONE};

/// Number of feature templates; bump [`FEATURE_SET`] whenever they change.
pub(crate) const N_FEATS: usize = 128;
/// Version of the template set, stored in model files so an old model is
/// not silently scored with different features.
pub(crate) const FEATURE_SET: u32 = 5;
/// The previous set: the first [`N_FEATS_PLAIN`] templates, without the
/// runner-up tags. Models trained without them use it (and cost fewer
/// lookups); models of either set load.
pub(crate) const FEATURE_SET_PLAIN: u32 = 4;
/// Templates of [`FEATURE_SET_PLAIN`].
pub(crate) const N_FEATS_PLAIN: usize = 122;

/// Number of templates a model of feature set `fs` scores, if known.
pub(crate) fn n_feats(fs: u32) -> Option<usize> {
    match fs {
        FEATURE_SET => Some(N_FEATS),
        FEATURE_SET_PLAIN => Some(N_FEATS_PLAIN),
        _ => None,
    }
}

const K: u64 = 0x517c_c1b7_2722_0a95;
/// Feature keys are 40-bit.
pub(crate) const KEY_MASK: u64 = (1 << 40) - 1;

#[inline(always)]
fn fx(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

/// Hashes a string, optionally lowercased (ASCII fast path, Unicode otherwise).
pub(crate) fn hash_str(s: &str, lower: bool) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    if lower && !s.is_ascii() {
        for c in s.chars().flat_map(char::to_lowercase) {
            h = fx(h, c as u64);
        }
    } else {
        for &b in s.as_bytes() {
            let b = if lower { b.to_ascii_lowercase() } else { b };
            h = fx(h, b as u64);
        }
    }
    fx(h, s.len() as u64)
}

const NONE_H: u64 = 0x9e37_79b9_7f4a_7c15;
const ROOT_H: u64 = 0x2545_f491_4f6c_dd1d;
/// The alternative-tag hash of a word tagged with confidence.
const SURE_H: u64 = 0x3c6e_f372_fe94_f82b;

/// Per-token hashes of one sentence; index `n` is the root pseudo-token.
#[derive(Debug, Default, Clone)]
pub(crate) struct Sent {
    w: Vec<u64>,
    p: Vec<u64>,
    u: Vec<u64>,
    sf: Vec<u64>,
    sh: Vec<u64>,
    /// The tagger's runner-up XPOS where it hesitated, else [`SURE_H`].
    a: Vec<u64>,
}

fn suffix(s: &str) -> &str {
    let mut it = s.char_indices().rev();
    match it.nth(2) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

/// Coarse word shape: capitalization, digits, hyphen, punctuation. Cheap
/// evidence that survives tagging errors on unknown words.
fn shape(w: &str) -> u64 {
    let mut chars = w.chars();
    let first = chars.next();
    let mut bits = 0u64;
    if first.is_some_and(char::is_uppercase) {
        bits |= 1;
    }
    if w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()) && w.chars().count() > 1 {
        bits |= 2;
    }
    if w.chars().any(|c| c.is_ascii_digit()) {
        bits |= 4;
    }
    if w.contains('-') {
        bits |= 8;
    }
    if !w.is_empty() && w.chars().all(|c| !c.is_alphanumeric()) {
        bits |= 16;
    }
    bits + 1
}

impl Sent {
    /// Fills from words and tags; missing tags count as `_`. `alt` holds
    /// the tagger's runner-up XPOS of words it hesitated on, `""` (or
    /// nothing) for the others.
    pub fn fill(&mut self, words: &[&str], upos: &[&str], xpos: &[&str], alt: &[&str]) {
        self.w.clear();
        self.p.clear();
        self.u.clear();
        self.sf.clear();
        self.sh.clear();
        self.a.clear();
        for (i, w) in words.iter().enumerate() {
            self.a.push(match alt.get(i) {
                Some(&a) if !a.is_empty() => hash_str(a, false),
                _ => SURE_H,
            });
            self.w.push(hash_str(w, true));
            self.p
                .push(hash_str(xpos.get(i).copied().unwrap_or("_"), false));
            self.u
                .push(hash_str(upos.get(i).copied().unwrap_or("_"), false));
            self.sf.push(fx(7, hash_str(suffix(w), true)));
            self.sh.push(shape(w));
        }
        for v in [
            &mut self.w,
            &mut self.p,
            &mut self.u,
            &mut self.sf,
            &mut self.sh,
            &mut self.a,
        ] {
            v.push(ROOT_H);
        }
    }

    #[inline(always)]
    fn w(&self, i: u32) -> u64 {
        if i == NONE {
            NONE_H
        } else {
            self.w[i as usize]
        }
    }

    #[inline(always)]
    fn p(&self, i: u32) -> u64 {
        if i == NONE {
            NONE_H
        } else {
            self.p[i as usize]
        }
    }

    #[inline(always)]
    fn u(&self, i: u32) -> u64 {
        if i == NONE {
            NONE_H
        } else {
            self.u[i as usize]
        }
    }

    #[inline(always)]
    fn sh(&self, i: u32) -> u64 {
        if i == NONE {
            NONE_H
        } else {
            self.sh[i as usize]
        }
    }

    #[inline(always)]
    fn a(&self, i: u32) -> u64 {
        if i == NONE {
            NONE_H
        } else {
            self.a[i as usize]
        }
    }

    #[inline(always)]
    fn sf(&self, i: u32) -> u64 {
        if i == NONE {
            NONE_H
        } else {
            self.sf[i as usize]
        }
    }
}

#[inline(always)]
fn at(v: &[u32], i: u32) -> u32 {
    if i == NONE {
        NONE
    } else {
        v[i as usize]
    }
}

/// Distance bucket: exact up to 4, then coarse, as in ZN 2011.
#[inline(always)]
fn dist(a: u32, b: u32) -> u64 {
    if a == NONE || b == NONE {
        return 0;
    }
    let d = a.abs_diff(b);
    match d {
        0..=4 => d as u64 + 1,
        5..=7 => 6,
        8..=12 => 7,
        _ => 8,
    }
}

struct Out<'a> {
    out: &'a mut [u64; N_FEATS],
    i: usize,
}

impl Out<'_> {
    #[inline(always)]
    fn f(&mut self, vals: &[u64]) {
        let mut h = (self.i as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        for &v in vals {
            h = fx(h, v);
        }
        // Final avalanche, then keep 40 bits: enough to make collisions among
        // a few million features rare, and sorted 40-bit keys delta-code to
        // about 3 bytes each in the model file.
        h ^= h >> 29;
        h &= KEY_MASK;
        if let Some(slot) = self.out.get_mut(self.i) {
            *slot = h;
        }
        self.i += 1;
    }
}

/// Writes the feature keys of configuration `st` into `out`: all
/// [`N_FEATS`] with `hedged`, else the first [`N_FEATS_PLAIN`] (the rest of
/// `out` is left as it was).
pub(crate) fn extract(st: &State, s: &Sent, out: &mut [u64; N_FEATS], hedged: bool) {
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let (b0, b1, b2) = (st.b(0), st.b(1), st.b(2));
    let lab = |i: u32| -> u64 {
        if i == NONE {
            0
        } else {
            st.label[i as usize] as u64 + 1
        }
    };
    let s0l1 = at(&st.l1, s0);
    let s0l2 = at(&st.l2, s0);
    let s0r1 = at(&st.r1, s0);
    let s0r2 = at(&st.r2, s0);
    let s1l1 = at(&st.l1, s1);
    let s1r1 = at(&st.r1, s1);
    let s1r2 = at(&st.r2, s1);
    let b0l1 = at(&st.l1, b0);
    let b0l2 = at(&st.l2, b0);
    let vl = |i: u32| {
        if i == NONE {
            0
        } else {
            st.nl[i as usize] as u64 + 1
        }
    };
    let vr = |i: u32| {
        if i == NONE {
            0
        } else {
            st.nr[i as usize] as u64 + 1
        }
    };
    let ls = |i: u32| if i == NONE { 0 } else { st.lset[i as usize] };
    let rs = |i: u32| if i == NONE { 0 } else { st.rset[i as usize] };

    let (s0w, s0p, s1w, s1p, s2p) = (s.w(s0), s.p(s0), s.w(s1), s.p(s1), s.p(s2));
    let (b0w, b0p, b1w, b1p, b2w, b2p) = (s.w(b0), s.p(b0), s.w(b1), s.p(b1), s.w(b2), s.p(b2));
    let d = dist(s0, b0);
    let d1 = dist(s1, s0);
    let mut o = Out { out, i: 0 };

    // Unigrams.
    o.f(&[s0w]);
    o.f(&[s0p]);
    o.f(&[s0w, s0p]);
    o.f(&[s1w]);
    o.f(&[s1p]);
    o.f(&[s1w, s1p]);
    o.f(&[b0w]);
    o.f(&[b0p]);
    o.f(&[b0w, b0p]);
    o.f(&[b1w]);
    o.f(&[b1p]);
    o.f(&[b1w, b1p]);
    o.f(&[b2w]);
    o.f(&[b2p]);
    o.f(&[b2w, b2p]);
    o.f(&[s.w(s2), s2p]);
    o.f(&[s.u(s0), s.u(b0)]);
    o.f(&[s.u(s1), s.u(s0)]);
    o.f(&[s.sf(s0), s0p]);
    o.f(&[s.sf(b0), b0p]);
    o.f(&[s.sf(s1), s1p]);
    o.f(&[s.u(s0)]);
    o.f(&[s.u(b0)]);
    o.f(&[s.u(s1)]);
    o.f(&[s.u(b0), s.u(b1)]);
    o.f(&[s.u(s1), s.u(s0), s.u(b0)]);
    o.f(&[s.u(s0), s.u(b0), s.u(b1)]);
    o.f(&[s.sh(s0), s.sh(b0)]);
    o.f(&[s.sh(s1), s.sh(s0)]);
    o.f(&[s.sh(b0), b0w]);
    o.f(&[s0w, b0w, b1w]);
    o.f(&[s1w, s0w, b0w]);
    o.f(&[s.sf(s0), s.sf(b0)]);
    // Preposition-object attachment: b0's case/mark child (its leftmost
    // child) against the two candidate heads s0 and s1.
    let b0l1w = s.w(b0l1);
    o.f(&[s0w, b0l1w, b0w]);
    o.f(&[s1w, b0l1w, b0w]);
    o.f(&[s0w, b0l1w]);
    o.f(&[s1w, b0l1w]);
    o.f(&[s0p, b0l1w, b0p]);
    o.f(&[s1p, b0l1w, b0p]);
    o.f(&[s1p, s0p, b0l1w]);
    o.f(&[b0l1w, b0w]);
    o.f(&[s1p, b0p, dist(s1, b0)]);
    // s0-b0 pairs (LEFT-ARC heads are b0).
    o.f(&[s0w, s0p, b0w, b0p]);
    o.f(&[s0w, s0p, b0w]);
    o.f(&[s0w, b0w, b0p]);
    o.f(&[s0w, s0p, b0p]);
    o.f(&[s0p, b0w, b0p]);
    o.f(&[s0w, b0w]);
    o.f(&[s0p, b0p]);
    o.f(&[b0p, b1p]);
    o.f(&[b0w, b1w]);
    // s1-s0 pairs (RIGHT-ARC heads are s1).
    o.f(&[s1w, s1p, s0w, s0p]);
    o.f(&[s1w, s1p, s0w]);
    o.f(&[s1w, s0w, s0p]);
    o.f(&[s1w, s1p, s0p]);
    o.f(&[s1p, s0w, s0p]);
    o.f(&[s1w, s0w]);
    o.f(&[s1p, s0p]);
    o.f(&[s1p, b0p]);
    o.f(&[s1w, b0w]);
    // Trigrams of tags.
    o.f(&[b0p, b1p, b2p]);
    o.f(&[s0p, b0p, b1p]);
    o.f(&[s1p, s0p, b0p]);
    o.f(&[s2p, s1p, s0p]);
    o.f(&[s1p, s0p, b1p]);
    o.f(&[s0w, b0p, b1p]);
    o.f(&[s0p, b0w, b1p]);
    o.f(&[s1w, s0p, b0p]);
    o.f(&[s1p, s0w, b0p]);
    o.f(&[s1p, s0p, b0w]);
    // With children.
    o.f(&[s0p, s.p(s0l1), b0p]);
    o.f(&[s0p, s.p(s0r1), b0p]);
    o.f(&[s0p, b0p, s.p(b0l1)]);
    o.f(&[s1p, s0p, s.p(s0l1)]);
    o.f(&[s1p, s0p, s.p(s0r1)]);
    o.f(&[s1p, s.p(s1r1), s0p]);
    o.f(&[s1p, s.p(s1l1), s0p]);
    // Distance.
    o.f(&[s0w, d]);
    o.f(&[s0p, d]);
    o.f(&[b0w, d]);
    o.f(&[b0p, d]);
    o.f(&[s0w, b0w, d]);
    o.f(&[s0p, b0p, d]);
    o.f(&[s1p, s0p, d1]);
    o.f(&[s1w, s0w, d1]);
    o.f(&[s1w, d1]);
    o.f(&[s0w, d1]);
    // Valency.
    o.f(&[s0w, vr(s0)]);
    o.f(&[s0p, vr(s0)]);
    o.f(&[s0w, vl(s0)]);
    o.f(&[s0p, vl(s0)]);
    o.f(&[b0w, vl(b0)]);
    o.f(&[b0p, vl(b0)]);
    o.f(&[s1w, vr(s1)]);
    o.f(&[s1p, vr(s1)]);
    o.f(&[s1p, vl(s1)]);
    // Children unigrams.
    o.f(&[s.w(s0l1)]);
    o.f(&[s.p(s0l1)]);
    o.f(&[lab(s0l1)]);
    o.f(&[s.w(s0r1)]);
    o.f(&[s.p(s0r1)]);
    o.f(&[lab(s0r1)]);
    o.f(&[s.w(b0l1)]);
    o.f(&[s.p(b0l1)]);
    o.f(&[lab(b0l1)]);
    o.f(&[s.p(s0l2), lab(s0l2)]);
    o.f(&[s.p(s0r2), lab(s0r2)]);
    o.f(&[s.p(b0l2), lab(b0l2)]);
    o.f(&[s.w(s1r1), s.p(s1r1)]);
    o.f(&[lab(s1r1)]);
    o.f(&[s.p(s1l1), lab(s1l1)]);
    // Third order.
    o.f(&[s0p, lab(s0l1), lab(s0l2)]);
    o.f(&[s0p, lab(s0r1), lab(s0r2)]);
    o.f(&[b0p, lab(b0l1), lab(b0l2)]);
    o.f(&[s1p, lab(s1r1), lab(s1r2)]);
    // Label sets.
    o.f(&[s0w, rs(s0)]);
    o.f(&[s0p, rs(s0)]);
    o.f(&[s0w, ls(s0)]);
    o.f(&[s0p, ls(s0)]);
    o.f(&[b0w, ls(b0)]);
    o.f(&[b0p, ls(b0)]);
    o.f(&[s1p, rs(s1)]);
    debug_assert_eq!(o.i, N_FEATS_PLAIN);
    if !hedged {
        return;
    }
    // Hedging on tagging errors: the runner-up tag of words the tagger
    // hesitated on, beside the tag it chose.
    let (s0a, s1a, b0a) = (s.a(s0), s.a(s1), s.a(b0));
    o.f(&[s0p, s0a]);
    o.f(&[s1p, s1a]);
    o.f(&[b0p, b0a]);
    o.f(&[b1p, s.a(b1)]);
    o.f(&[s0p, s0a, b0p, b0a]);
    o.f(&[s1p, s1a, s0p, s0a]);
    debug_assert_eq!(o.i, N_FEATS);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashing_is_case_insensitive_when_asked() {
        assert_eq!(hash_str("Paris", true), hash_str("paris", true));
        assert_ne!(hash_str("Paris", false), hash_str("paris", false));
        assert_eq!(hash_str("ÉTÉ", true), hash_str("été", true));
        assert_eq!(suffix("walking"), "ing");
        assert_eq!(suffix("é"), "é");
    }

    #[test]
    fn extract_fills_every_slot() {
        let mut st = State::default();
        st.reset(3);
        let mut s = Sent::default();
        s.fill(&["a", "b", "c"], &[], &[], &[]);
        let mut out = [0u64; N_FEATS];
        extract(&st, &s, &mut out, true);
        assert!(out.iter().all(|&k| k != 0));
    }
}
