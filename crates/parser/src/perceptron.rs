//! Averaged perceptron weights: a sparse, growable form for training and a
//! compact, read-only hash table of quantized weights for parsing.
//!
//! Rows are sparse because a perceptron only ever touches the gold and the
//! predicted class of a feature: most features end up with a handful of
//! non-zero classes out of ~100, so a dense row would waste >90% of memory
//! and cache.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::features::N_FEATS;

/// Feature keys are already well-mixed hashes: use them as they are.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

#[derive(Debug, Clone, Copy)]
struct Entry {
    class: u8,
    w: f32,
    /// Sum of `w` over all ticks up to `ts` (for averaging).
    total: f64,
    ts: u32,
}

/// Training-time weights with lazy averaging (Daumé's trick).
#[derive(Default)]
pub(crate) struct TrainWeights {
    map: IdMap<u32>,
    rows: Vec<Vec<Entry>>,
}

impl TrainWeights {
    /// Adds each feature's weights into `scores`.
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in feats {
            if let Some(&r) = self.map.get(f) {
                for e in &self.rows[r as usize] {
                    if let Some(s) = scores.get_mut(e.class as usize) {
                        *s += e.w;
                    }
                }
            }
        }
    }

    /// Perceptron update: `+1` for `good`, `-1` for `bad` on every feature.
    pub fn update(&mut self, feats: &[u64], good: usize, bad: usize, tick: u32) {
        for &f in feats {
            let next = self.rows.len() as u32;
            let r = *self.map.entry(f).or_insert(next);
            if r == next {
                self.rows.push(Vec::new());
            }
            let row = &mut self.rows[r as usize];
            for (class, delta) in [(good, 1.0f32), (bad, -1.0)] {
                let class = class as u8;
                match row.iter_mut().find(|e| e.class == class) {
                    Some(e) => {
                        e.total += (tick - e.ts) as f64 * e.w as f64;
                        e.ts = tick;
                        e.w += delta;
                    }
                    None => row.push(Entry {
                        class,
                        w: delta,
                        total: 0.0,
                        ts: tick,
                    }),
                }
            }
        }
    }

    /// Averages each run's weights at its final tick, takes the mean over
    /// the runs (one run: its averaged weights), drops weights whose
    /// magnitude is below `prune`, and quantizes to `i16` with one global
    /// scale.
    pub fn finish_mean(runs: &[(&TrainWeights, u32)], prune: f32) -> Weights {
        let k = runs.len().max(1) as f32;
        let avg =
            |e: &Entry, tick: f64| ((e.total + (tick - e.ts as f64) * e.w as f64) / tick) as f32;
        let mut sum: IdMap<Vec<(u8, f32)>> = IdMap::default();
        for &(w, tick) in runs {
            let tick = tick.max(1) as f64;
            for (&key, &r) in &w.map {
                let row = sum.entry(key).or_default();
                for e in &w.rows[r as usize] {
                    let v = avg(e, tick) / k;
                    match row.iter_mut().find(|x| x.0 == e.class) {
                        Some(x) => x.1 += v,
                        None => row.push((e.class, v)),
                    }
                }
            }
        }
        let max = sum
            .values()
            .flatten()
            .map(|e| e.1.abs())
            .fold(0f32, f32::max);
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut keys: Vec<u64> = sum.keys().copied().collect();
        keys.sort_unstable();
        let mut flat = FlatRows::default();
        for key in keys {
            let mut row: Vec<(u8, i16)> = sum[&key]
                .iter()
                .filter(|(_, w)| w.abs() >= prune)
                .map(|&(c, w)| (c, (w / scale).round().clamp(-32767.0, 32767.0) as i16))
                .filter(|&(_, w)| w != 0)
                .collect();
            row.sort_unstable_by_key(|e| e.0);
            flat.push(key, row.into_iter());
        }
        Weights::build(scale, flat)
    }
}

/// Rows laid out flat: `entries[starts[i]..starts[i + 1]]` belong to `keys[i]`.
#[derive(Debug, Default, Clone)]
pub(crate) struct FlatRows {
    keys: Vec<u64>,
    starts: Vec<u32>,
    entries: Vec<u32>,
}

impl FlatRows {
    /// Appends a row; empty rows are dropped.
    pub fn push(&mut self, key: u64, row: impl Iterator<Item = (u8, i16)>) {
        let start = self.entries.len();
        self.entries
            .extend(row.map(|(c, w)| ((c as u32) << 16) | (w as u16 as u32)));
        if self.entries.len() > start {
            self.keys.push(key);
            self.starts.push(start as u32);
        }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.keys.len()
    }
}

/// One table slot, 8 bytes: a 16-bit fingerprint of the key and three
/// 16-bit entries `(class << 8) | code`, where `code` indexes a 255-value
/// codebook of weights ([`Weights::lut`]; code 0 is weight 0, so unused
/// entries are 0 and add nothing). Rows of up to three entries (86% of the
/// features of the English model) live in the slot itself; longer rows are
/// marked by [`SPILL`] in the first entry, the upper 32 bits then pointing
/// into `entries` (length-prefixed, exact `i16` weights) or, with
/// [`DENSE_BIT`], into `dense`. An all-zero first entry means an empty
/// slot: a real entry never has code 0.
///
/// Why so small: the table is read at random and is far larger than the
/// caches, so its size sets the number of cache misses; 8-byte slots hold
/// twice as many features per cache line as the former 16-byte ones, whose
/// inline rows stored exact `i16` weights and a 32-bit fingerprint.
type Slot = u64;

/// First entry of a slot whose row is stored out of line (class 255, which
/// no model has, and code 0).
const SPILL: u64 = 0xff00;
/// In the upper half of a spilled slot: the row is dense.
const DENSE_BIT: u32 = 1 << 31;
/// Rows with more entries than this are stored dense: adding a dense row
/// vectorizes, while scattering 50+ sparse entries does not.
const DENSE_MIN: usize = 24;

#[inline(always)]
fn fp_of(key: u64) -> u64 {
    key & 0xffff
}

#[inline(always)]
fn first(s: Slot) -> u64 {
    (s >> 16) & 0xffff
}

/// Read-only quantized weights in an open-addressing (linear probing)
/// table keyed by feature hash.
///
/// (A bucketed, branch-free variant with four 16-byte slots per cache line
/// was tried and measured slower here: larger table, more misses.)
#[derive(Debug, Clone, Default)]
pub(crate) struct Weights {
    scale: f32,
    slots: HugeVec<Slot>,
    /// Weight of each inline code.
    lut: Vec<i32>,
    /// Full keys with their exact rows, in insertion order, for
    /// serialization and pruning only (inline rows are stored with codebook
    /// weights, which are not exact); never read while parsing.
    exact: FlatRows,
    shift: u32,
    entries: Vec<u32>,
    dense: Vec<i16>,
    /// Length of one dense row: classes rounded up to a multiple of 16.
    width: usize,
}

#[inline(always)]
fn slot_of(key: u64, shift: u32) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift) as usize
}

/// A codebook for the weights of inline rows: 127 magnitudes spaced
/// evenly in log scale between the smallest and the largest, for either
/// sign. Relative error is at most half a step (the English model's inline
/// weights span 307..10257 in `i16` units: steps of 2.8%, error <= 1.4%),
/// on weights of rare features only (frequent features have long
/// rows, stored exactly).
struct Codebook {
    mags: Vec<i32>,
}

impl Codebook {
    fn new(weights: impl Iterator<Item = i16>) -> Codebook {
        let (mut lo, mut hi) = (i32::MAX, 0i32);
        for w in weights {
            let m = (w as i32).abs();
            if m > 0 {
                lo = lo.min(m);
                hi = hi.max(m);
            }
        }
        let mut mags = Vec::with_capacity(127);
        if hi > 0 {
            let ratio = (hi as f64 / lo as f64).max(1.0);
            for k in 0..127 {
                let m = (lo as f64 * ratio.powf(k as f64 / 126.0)).round() as i32;
                if mags.last().is_none_or(|&l| m > l) {
                    mags.push(m);
                }
            }
        }
        Codebook { mags }
    }

    /// The code of the nearest codebook weight (never 0 for `w != 0`).
    fn encode(&self, w: i16) -> u64 {
        let m = (w as i32).abs();
        let i = self.mags.partition_point(|&x| x < m);
        let i = match (i.checked_sub(1), self.mags.get(i)) {
            (Some(j), Some(&above)) if m - self.mags[j] <= above - m => j,
            (Some(j), None) => j,
            _ => i,
        };
        let code = i as u64 + 1;
        if w < 0 {
            code + 128
        } else {
            code
        }
    }

    fn lut(&self) -> Vec<i32> {
        let mut lut = vec![0i32; 256];
        for (i, &m) in self.mags.iter().enumerate() {
            lut[i + 1] = m;
            lut[i + 129] = -m;
        }
        lut
    }
}

impl Weights {
    /// Builds the table from flat rows (keys distinct).
    pub fn build(scale: f32, rows: FlatRows) -> Weights {
        // Load factor between 1/3 and 2/3 keeps probe chains short.
        let cap = (rows.len() * 3 / 2).next_power_of_two().max(16);
        let shift = 64 - cap.trailing_zeros();
        let mut slots = HugeVec::<Slot>::zeroed(cap);
        let mut entries = Vec::new();
        let mut dense = Vec::new();
        let max_class = rows
            .entries
            .iter()
            .map(|&e| (e >> 16) & 0xff)
            .max()
            .unwrap_or(0);
        let width = (max_class as usize + 1).div_ceil(16) * 16;
        let total = rows.entries.len();
        let row_of = |i: usize| {
            let start = rows.starts[i] as usize;
            let end = rows.starts.get(i + 1).map_or(total, |&e| e as usize);
            &rows.entries[start..end]
        };
        let book = Codebook::new(
            (0..rows.len())
                .map(row_of)
                .filter(|r| r.len() <= 3)
                .flatten()
                .map(|&e| unpack(e).1),
        );
        // Inserting touches random slots of a table larger than the caches;
        // touching the next rows' home slots first keeps several misses in
        // flight (about 15% off the model's load time here).
        const AHEAD: usize = 64;
        let mut touch = 0u64;
        for (i, &key) in rows.keys.iter().enumerate() {
            if i % AHEAD == 0 {
                for &k in rows.keys.iter().skip(i + AHEAD).take(AHEAD) {
                    touch ^= slots[slot_of(k, shift)];
                }
            }
            let row = row_of(i);
            let mut slot = fp_of(key);
            if row.len() <= 3 {
                for (j, &e) in row.iter().enumerate() {
                    let (c, w) = unpack(e);
                    slot |= ((c as u64) << 8 | book.encode(w)) << (16 * (j + 1));
                }
            } else if row.len() > DENSE_MIN {
                slot |= SPILL << 16 | ((DENSE_BIT | dense.len() as u32) as u64) << 32;
                let base = dense.len();
                dense.resize(base + width, 0);
                for &e in row {
                    dense[base + ((e >> 16) & 0xff) as usize] = e as u16 as i16;
                }
            } else {
                slot |= SPILL << 16 | (entries.len() as u64) << 32;
                entries.push(row.len() as u32);
                entries.extend_from_slice(row);
            }
            // Keys are distinct (callers guarantee it), so no equality check.
            let mut j = slot_of(key, shift);
            while first(slots[j]) != 0 {
                j = (j + 1) & (cap - 1);
            }
            slots[j] = slot;
        }
        std::hint::black_box(touch);
        Weights {
            scale,
            slots,
            lut: book.lut(),
            exact: rows,
            shift,
            entries,
            dense,
            width,
        }
    }

    /// Number of features with at least one weight.
    pub fn len(&self) -> usize {
        self.exact.len()
    }

    /// Dequantization scale (real weight = stored `i16` × scale).
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Adds the weights of `feats` into `scores` (indexed by class).
    ///
    /// Three passes on purpose: the first only loads each feature's home
    /// slot, with no branches between the loads, so the CPU keeps many cache
    /// misses in flight at once; the second compares fingerprints and
    /// prefetches the out-of-line rows of the features found; the third
    /// sums. The table is far larger than the caches, so this matters more
    /// than arithmetic (the prefetch pass took about 7% off the whole
    /// pipeline's CPU time).
    /// Only the first [`N_FEATS`] of `feats` count.
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [i32; 256]) {
        // Four accumulators, feature i adding into `acc[i % 4]`: consecutive
        // features often hit the same class (SHIFT above all), and a single
        // array would chain every such add through store-to-load forwarding.
        let mut acc = [[0i32; 256]; 4];
        scores.iter_mut().for_each(|s| *s = 0);
        if self.slots.is_empty() {
            return;
        }
        let mask = self.slots.len() - 1;
        let mut home = [0 as Slot; N_FEATS];
        for (h, &f) in home.iter_mut().zip(feats) {
            *h = self.slots[slot_of(f, self.shift) & mask];
        }
        let mut found = [0 as Slot; N_FEATS];
        let mut nf = 0;
        for (&f, &h) in feats.iter().zip(&home) {
            let fp = fp_of(f);
            let mut s = h;
            if first(s) == 0 {
                continue;
            }
            if s & 0xffff != fp {
                // Collision: walk the probe chain.
                let mut i = (slot_of(f, self.shift) + 1) & mask;
                loop {
                    s = self.slots[i];
                    if first(s) == 0 || s & 0xffff == fp {
                        break;
                    }
                    i = (i + 1) & mask;
                }
                if first(s) == 0 {
                    continue;
                }
            }
            if first(s) == SPILL {
                let at = (s >> 32) as u32;
                let a = (at & !DENSE_BIT) as usize;
                if at & DENSE_BIT != 0 {
                    if let Some(row) = self.dense.get(a..a + self.width) {
                        for line in row.chunks(32) {
                            prefetch(line.as_ptr());
                        }
                    }
                } else if let Some(row) = self.entries.get(a..a + 1 + DENSE_MIN) {
                    prefetch(row.as_ptr());
                    prefetch(row[16..].as_ptr());
                }
            }
            if let Some(slot) = found.get_mut(nf) {
                *slot = s;
            }
            nf += 1;
        }
        let lut: &[i32; 256] = match self.lut.as_slice().try_into() {
            Ok(l) => l,
            Err(_) => return,
        };
        for (k, &s) in found[..nf.min(N_FEATS)].iter().enumerate() {
            let acc = &mut acc[k & 3];
            if first(s) != SPILL {
                // Unused entries are 0: weight 0 into class 0, no branch.
                for j in 1..4 {
                    let e = (s >> (16 * j)) as usize;
                    acc[(e >> 8) & 0xff] += lut[e & 0xff];
                }
                continue;
            }
            let at = (s >> 32) as u32;
            let a = (at & !DENSE_BIT) as usize;
            if at & DENSE_BIT != 0 {
                if let Some(row) = self.dense.get(a..a + self.width) {
                    for (sc, &w) in acc.iter_mut().zip(row) {
                        *sc += w as i32;
                    }
                }
            } else {
                let n = self.entries.get(a).map_or(0, |&n| n as usize);
                for &e in self.entries.get(a + 1..a + 1 + n).unwrap_or(&[]) {
                    acc[((e >> 16) & 0xff) as usize] += (e as u16 as i16) as i32;
                }
            }
        }
        let w = self.width.min(256);
        for (i, sc) in scores[..w].iter_mut().enumerate() {
            *sc = acc[0][i] + acc[1][i] + acc[2][i] + acc[3][i];
        }
    }

    /// Rows in key order, exact, for serialization.
    pub fn rows(&self) -> Vec<(u64, Cow<'_, [u32]>)> {
        let e = &self.exact;
        let total = e.entries.len();
        let mut out: Vec<(u64, Cow<'_, [u32]>)> = (0..e.len())
            .map(|i| {
                let start = e.starts[i] as usize;
                let end = e.starts.get(i + 1).map_or(total, |&x| x as usize);
                (e.keys[i], Cow::Borrowed(&e.entries[start..end]))
            })
            .collect();
        out.sort_unstable_by_key(|r| r.0);
        out
    }

    /// A copy without the weights whose magnitude (dequantized) is below
    /// `min`, for smaller models.
    pub fn pruned(&self, min: f32) -> Weights {
        let q = (min / self.scale).round() as i32;
        let mut flat = FlatRows::default();
        for (key, row) in self.rows() {
            let keep = row
                .iter()
                .map(|&e| unpack(e))
                .filter(|&(_, w)| (w as i32).abs() >= q);
            flat.push(key, keep);
        }
        Weights::build(self.scale, flat)
    }
}

/// Hints the CPU to start loading the cache line at `p`.
#[inline(always)]
#[allow(unsafe_code)]
fn prefetch<T>(p: *const T) {
    // SAFETY: a prefetch is only a hint; it never faults, whatever `p` is.
    #[cfg(target_arch = "x86_64")]
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p.cast())
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// A fixed-length, zero-initialized array placed on 2 MiB-aligned memory that
/// the kernel is asked to back with huge pages: the weight table is tens of
/// megabytes read at random, so with 4 KiB pages nearly every lookup would
/// also miss the TLB.
#[derive(Debug, Clone, Default)]
pub(crate) struct HugeVec<T> {
    buf: Vec<T>,
    off: usize,
    len: usize,
}

const HUGE: usize = 2 << 20;

impl<T: Copy + Default> HugeVec<T> {
    pub fn zeroed(len: usize) -> HugeVec<T> {
        let size = std::mem::size_of::<T>().max(1);
        let extra = if len * size >= HUGE { HUGE / size } else { 0 };
        let mut buf: Vec<T> = Vec::with_capacity(len + extra);
        let addr = buf.as_ptr() as usize;
        let off = if extra > 0 {
            (addr.next_multiple_of(HUGE) - addr) / size
        } else {
            0
        };
        #[cfg(target_os = "linux")]
        if extra > 0 {
            advise_huge(addr + off * size, len * size);
        }
        buf.resize(len + extra, T::default());
        HugeVec { buf, off, len }
    }
}

#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
fn advise_huge(addr: usize, len: usize) {
    // SAFETY: madvise only changes how the kernel backs these pages (which
    // belong to a live allocation); it never invalidates their contents.
    unsafe {
        libc::madvise(addr as *mut libc::c_void, len, libc::MADV_HUGEPAGE);
    }
}

impl<T> std::ops::Deref for HugeVec<T> {
    type Target = [T];
    #[inline(always)]
    fn deref(&self) -> &[T] {
        &self.buf[self.off..self.off + self.len]
    }
}

impl<T> std::ops::DerefMut for HugeVec<T> {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut [T] {
        &mut self.buf[self.off..self.off + self.len]
    }
}

/// Splits a packed entry into `(class, weight)`.
#[inline]
pub(crate) fn unpack(e: u32) -> (u8, i16) {
    ((e >> 16) as u8, e as u16 as i16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averaged_weights_score_like_training_ones() {
        let mut t = TrainWeights::default();
        t.update(&[10, 20], 1, 2, 0);
        t.update(&[20, 30], 2, 0, 5);
        let w = TrainWeights::finish_mean(&[(&t, 10)], 0.0);
        assert_eq!(w.len(), 3);
        let mut s = [0i32; 256];
        let mut f = [12345u64; N_FEATS];
        f[..4].copy_from_slice(&[10, 20, 30, 99]);
        w.score(&f, &mut s);
        // Averages: class 1 = 1 + 1, class 0 = -0.5 - 0.5, class 2 = -1 - 0.5 + 0.5.
        // The largest |average| (1.0) maps to 32767.
        assert_eq!([s[0], s[1], s[2]], [-32768, 65534, -32767]);
        let mut flat = FlatRows::default();
        for (k, row) in w.rows() {
            flat.push(k, row.iter().map(|&e| unpack(e)));
        }
        assert_eq!(Weights::build(w.scale(), flat).rows(), w.rows());
        // The mean of a run with itself is that run.
        let twice = TrainWeights::finish_mean(&[(&t, 10), (&t, 10)], 0.0);
        assert_eq!(twice.rows(), w.rows());
    }

    #[test]
    fn codebook_is_close_and_keeps_signs() {
        let ws: Vec<i16> = (100..=32767).step_by(7).map(|w| w as i16).collect();
        let book = Codebook::new(ws.iter().copied());
        let lut = book.lut();
        for &w in &ws {
            for w in [w, -w] {
                let got = lut[book.encode(w) as usize];
                assert_eq!(got.signum(), (w as i32).signum());
                let err = (got - w as i32).abs() as f64 / (w as f64).abs();
                assert!(err < 0.025, "{w} -> {got}");
            }
        }
    }
}
