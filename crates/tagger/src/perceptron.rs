//! Averaged multiclass perceptron over hashed sparse features.
//!
//! Training keeps, per feature, a short list of `(class, weight)` entries: a
//! perceptron only ever touches the gold and the predicted class, so rows stay
//! sparse and memory stays small. [`Trainer::finish`] averages, quantises to
//! `i16` with one scale, drops near-zero entries and builds [`Weights`]: an
//! open-addressing table from 32-bit key to a run of entries.

use crate::hash::FxMap;
use crate::io::{Reader, Writer};
use crate::Result;

#[derive(Clone, Copy)]
struct TEntry {
    class: u16,
    w: f32,
    total: f64,
    ts: u64,
}

/// Online averaged-perceptron trainer.
pub(crate) struct Trainer {
    n_classes: usize,
    index: FxMap<u32, u32>,
    rows: Vec<Vec<TEntry>>,
    step: u64,
}

impl Trainer {
    pub(crate) fn new(n_classes: usize) -> Self {
        Trainer {
            n_classes,
            index: FxMap::default(),
            rows: Vec::new(),
            step: 0,
        }
    }

    /// Adds the current weights of `keys` to `scores` (one slot per class).
    pub(crate) fn score(&self, keys: &[u32], scores: &mut [f32]) {
        for k in keys {
            if let Some(&r) = self.index.get(k) {
                for e in &self.rows[r as usize] {
                    scores[e.class as usize] += e.w;
                }
            }
        }
    }

    /// Counts one training instance (for averaging); call once per token.
    pub(crate) fn tick(&mut self) {
        self.step += 1;
    }

    /// Standard perceptron update towards `gold` and away from `pred`.
    pub(crate) fn update(&mut self, keys: &[u32], gold: usize, pred: usize) {
        if gold == pred {
            return;
        }
        self.add(keys, &[(gold, 1.0), (pred, -1.0)]);
    }

    /// Adds `delta` to the weight of `class` for every key, per
    /// `(class, delta)` pair (a structured update over a sequence is a sum
    /// of these).
    pub(crate) fn add(&mut self, keys: &[u32], deltas: &[(usize, f32)]) {
        let step = self.step;
        for &k in keys {
            let next = self.rows.len() as u32;
            let r = *self.index.entry(k).or_insert(next);
            if r == next {
                self.rows.push(Vec::new());
            }
            let row = &mut self.rows[r as usize];
            for &(class, delta) in deltas {
                let i = match row.iter().position(|e| e.class as usize == class) {
                    Some(i) => i,
                    None => {
                        row.push(TEntry {
                            class: class as u16,
                            w: 0.0,
                            total: 0.0,
                            ts: step,
                        });
                        row.len() - 1
                    }
                };
                let e = &mut row[i];
                e.total += (step - e.ts) as f64 * f64::from(e.w);
                e.ts = step;
                e.w += delta;
            }
        }
    }

    /// Averages, quantises and prunes. Entries whose quantised magnitude is
    /// below `min_q` (out of 32767 for the largest weight) are dropped.
    pub(crate) fn finish(self, min_q: i16) -> Weights {
        let n = self.n_classes;
        finish_sum(n, vec![self], min_q)
    }

    /// Averaged weights per key, added into `sum`.
    fn add_averaged(&self, sum: &mut FxMap<u32, Vec<(u8, f32)>>) {
        let step = self.step.max(1);
        for (&k, &r) in &self.index {
            let row = sum.entry(k).or_default();
            for e in &self.rows[r as usize] {
                let total = e.total + (step - e.ts) as f64 * f64::from(e.w);
                let w = (total / step as f64) as f32;
                match row.iter_mut().find(|x| x.0 == e.class as u8) {
                    Some(x) => x.1 += w,
                    None => row.push((e.class as u8, w)),
                }
            }
        }
    }
}

/// Sums the averaged weights of several trainers (runs with different
/// shuffles: a cheap ensemble that costs nothing at run time), then
/// quantises and prunes as [`Trainer::finish`].
pub(crate) fn finish_sum(n_classes: usize, trainers: Vec<Trainer>, min_q: i16) -> Weights {
    let mut sum: FxMap<u32, Vec<(u8, f32)>> = FxMap::default();
    for t in &trainers {
        t.add_averaged(&mut sum);
    }
    let mut max = 0f32;
    let mut avg: Vec<(u32, Vec<(u8, f32)>)> = sum.into_iter().collect();
    for (_, row) in &avg {
        for &(_, w) in row {
            max = max.max(w.abs());
        }
    }
    avg.sort_unstable_by_key(|a| a.0);
    {
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut feats = Vec::with_capacity(avg.len());
        for (k, row) in avg {
            let mut q: Vec<(u8, i16)> = row
                .into_iter()
                .map(|(c, w)| (c, (w / scale).round().clamp(-32767.0, 32767.0) as i16))
                .filter(|&(_, w)| w.unsigned_abs() >= min_q.unsigned_abs().max(1))
                .collect();
            if !q.is_empty() {
                q.sort_unstable_by_key(|e| e.0);
                feats.push((k, q));
            }
        }
        Weights::build(n_classes, scale, feats)
    }
}

/// `Slot::meta` of a dense row.
const DENSE: u32 = u32::MAX;
/// Sparse rows up to this long live inside their slot.
const INLINE: usize = 2;

/// One table slot: 16 bytes, so a lookup touches one cache line. `meta` is
/// the row length (or [`DENSE`]); rows of <= [`INLINE`] entries are stored
/// in `a`, `b` as packed entries, longer ones at `a` in `entries` (or in
/// `dense`).
#[derive(Clone, Copy, Default)]
struct Slot {
    key: u32,
    meta: u32,
    a: u32,
    b: u32,
}

/// Packs `(class, weight)` into one `u32`: class in the low byte, weight in
/// the high half.
#[inline]
fn pack(c: u8, q: i16) -> u32 {
    u32::from(c) | (u32::from(q as u16) << 16)
}

#[inline]
fn unpack(e: u32) -> (u8, i16) {
    (e as u8, (e >> 16) as u16 as i16)
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

/// Asks the kernel to back the (not yet touched) capacity of `v` with huge
/// pages where it covers whole 2 MiB pages: tables of several megabytes
/// read at random would otherwise miss the TLB on most lookups.
fn advise_huge<T>(v: &Vec<T>) {
    const HUGE: usize = 2 << 20;
    let start = v.as_ptr() as usize;
    let end = start + v.capacity() * std::mem::size_of::<T>();
    let a = start.next_multiple_of(HUGE);
    let b = end / HUGE * HUGE;
    if b > a {
        madvise_huge(a, b - a);
    }
}

#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
fn madvise_huge(addr: usize, len: usize) {
    // SAFETY: `addr..addr + len` lies inside a live allocation and is page
    // aligned; MADV_HUGEPAGE only changes how the kernel backs those pages,
    // never their contents.
    unsafe {
        libc::madvise(addr as *mut libc::c_void, len, libc::MADV_HUGEPAGE);
    }
}

#[cfg(not(target_os = "linux"))]
fn madvise_huge(_addr: usize, _len: usize) {}

/// Frozen, quantised weights with O(1) lookup.
///
/// Open addressing with linear probing where a key's home slot is
/// monotonic in the key (`key * cap >> 32`): features are stored sorted by
/// key, so loading fills the table front to back (no random writes, no
/// rehashing) and probing never wraps (the table has a tail of empty slots).
#[derive(Clone)]
pub(crate) struct Weights {
    pub(crate) n_classes: usize,
    /// Multiply an integer score by this to get the averaged-perceptron score.
    pub(crate) scale: f32,
    /// Home slot of key `k` is `(k as u64 * cap) >> 32`.
    cap: u64,
    slots: Vec<Slot>,
    /// Packed entries of sparse rows longer than [`INLINE`].
    entries: Vec<u32>,
    /// Rows with many entries (bias, tag and suffix features) stored densely,
    /// `n_classes` weights each, so scoring them vectorises.
    dense: Vec<i16>,
    n_features: usize,
}

impl Weights {
    /// An empty table sized for `n` features; fill with [`Weights::push`]
    /// in increasing key order, then [`Weights::seal`].
    fn with_capacity(n_classes: usize, scale: f32, n: usize) -> Weights {
        // Load factor <= 2/3.
        let cap = (n + n / 2).max(16) as u64;
        let slots = Vec::with_capacity(cap as usize + 64);
        advise_huge(&slots);
        Weights {
            n_classes,
            scale,
            cap,
            slots,
            entries: Vec::new(),
            dense: Vec::new(),
            n_features: 0,
        }
    }

    #[inline]
    fn home(&self, key: u32) -> usize {
        ((u64::from(key) * self.cap) >> 32) as usize
    }

    fn build(n_classes: usize, scale: f32, feats: Vec<(u32, Vec<(u8, i16)>)>) -> Weights {
        let mut w = Weights::with_capacity(n_classes, scale, feats.len());
        for (k, row) in feats {
            w.push(k, &row);
        }
        w.seal();
        w
    }

    /// Appends one feature row; keys must come in strictly increasing order.
    fn push(&mut self, key: u32, row: &[(u8, i16)]) {
        let mut slot = Slot {
            key,
            meta: row.len() as u32,
            a: 0,
            b: 0,
        };
        if row.len() * 4 > self.n_classes && row.len() > INLINE {
            let start = self.dense.len();
            self.dense.resize(start + self.n_classes, 0);
            for &(c, q) in row {
                if let Some(x) = self.dense.get_mut(start + c as usize) {
                    *x = q;
                }
            }
            slot.meta = DENSE;
            slot.a = start as u32;
        } else if row.len() <= INLINE {
            let mut it = row.iter().map(|&(c, q)| pack(c, q));
            slot.a = it.next().unwrap_or(0);
            slot.b = it.next().unwrap_or(0);
        } else {
            slot.a = self.entries.len() as u32;
            self.entries.extend(row.iter().map(|&(c, q)| pack(c, q)));
        }
        let home = self.home(key);
        if self.slots.len() < home {
            self.slots.resize(home, Slot::default());
        }
        self.slots.push(slot);
        self.n_features += 1;
    }

    /// Pads the table so every probe ends on an empty slot.
    fn seal(&mut self) {
        let n = (self.cap as usize).max(self.slots.len()) + 1;
        self.slots.resize(n, Slot::default());
        // No `shrink_to_fit` on the slots: the capacity reserved above is
        // already tight, and moving the table would lose its huge pages.
        self.entries.shrink_to_fit();
        self.dense.shrink_to_fit();
    }

    /// The `(class, weight)` entries of a slot, whichever way it is stored.
    fn row(&self, s: Slot) -> Vec<(u8, i16)> {
        if s.meta == DENSE {
            let a = s.a as usize;
            self.dense[a..a + self.n_classes]
                .iter()
                .enumerate()
                .filter(|(_, &q)| q != 0)
                .map(|(c, &q)| (c as u8, q))
                .collect()
        } else if s.meta as usize <= INLINE {
            [s.a, s.b][..s.meta as usize]
                .iter()
                .map(|&e| unpack(e))
                .collect()
        } else {
            let a = s.a as usize;
            self.entries[a..a + s.meta as usize]
                .iter()
                .map(|&e| unpack(e))
                .collect()
        }
    }

    /// Number of features kept.
    pub(crate) fn n_features(&self) -> usize {
        self.n_features
    }

    #[inline]
    fn find(&self, k: u32) -> Option<&Slot> {
        let mut i = self.home(k);
        while let Some(s) = self.slots.get(i) {
            if s.key == k {
                return Some(s);
            }
            if s.key == 0 {
                return None;
            }
            i += 1;
        }
        None
    }

    /// Adds integer scores of `keys` into `scores`.
    ///
    /// The home slots of all keys are prefetched first: the table is larger
    /// than the caches, and a lookup's probe loop and row sum would
    /// otherwise wait for each miss in turn.
    #[inline]
    pub(crate) fn score(&self, keys: &[u32], scores: &mut [i32; 256]) {
        for &k in keys {
            prefetch(self.slots.as_ptr().wrapping_add(self.home(k)));
        }
        for &k in keys {
            self.score1(k, scores);
        }
    }

    /// Adds the integer scores of one key into `scores`.
    #[inline]
    pub(crate) fn score1(&self, k: u32, scores: &mut [i32; 256]) {
        let Some(s) = self.find(k) else { return };
        let add = |scores: &mut [i32; 256], e: u32| {
            scores[(e & 0xff) as usize] += i32::from((e >> 16) as u16 as i16);
        };
        match s.meta {
            DENSE => {
                let a = s.a as usize;
                let row = self.dense.get(a..a + self.n_classes).unwrap_or(&[]);
                for (x, &w) in scores.iter_mut().zip(row) {
                    *x += i32::from(w);
                }
            }
            0 => {}
            1 => add(scores, s.a),
            2 => {
                add(scores, s.a);
                add(scores, s.b);
            }
            n => {
                let a = s.a as usize;
                for &e in self.entries.get(a..a + n as usize).unwrap_or(&[]) {
                    add(scores, e);
                }
            }
        }
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.varint(self.n_classes as u64);
        w.f32(self.scale);
        // Slots are already in increasing key order.
        let live: Vec<Slot> = self.slots.iter().copied().filter(|s| s.key != 0).collect();
        w.varint(live.len() as u64);
        let mut prev = 0u32;
        for s in &live {
            w.varint(u64::from(s.key - prev));
            prev = s.key;
            let row = self.row(*s);
            w.varint(row.len() as u64);
            for (c, q) in row {
                w.u8(c);
                // Zig-zag varint: most quantised weights are small.
                let z = ((i32::from(q) << 1) ^ (i32::from(q) >> 31)) as u32;
                w.varint(u64::from(z));
            }
        }
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Weights> {
        let bad = |m: &str| crate::Error::BadModel(m.to_string());
        let n_classes = r.varint("classes")? as usize;
        if n_classes == 0 || n_classes > 256 {
            return Err(bad("bad class count"));
        }
        let scale = r.f32("scale")?;
        let n = r.count(3, "features")?;
        // Keys come sorted, so the table fills front to back.
        let mut w = Weights::with_capacity(n_classes, scale, n);
        let mut key = 0u32;
        let mut row = Vec::new();
        for _ in 0..n {
            let d = u32::try_from(r.varint("key")?).map_err(|_| bad("bad key"))?;
            key = key.checked_add(d).ok_or_else(|| bad("bad key"))?;
            if key == 0 || d == 0 {
                return Err(bad("bad key"));
            }
            let len = r.count(2, "row")?;
            if len > n_classes {
                return Err(bad("bad row"));
            }
            row.clear();
            for _ in 0..len {
                let c = r.u8("class")?;
                if c as usize >= n_classes {
                    return Err(bad("bad class"));
                }
                let z = u32::try_from(r.varint("weight")?).map_err(|_| bad("bad weight"))?;
                let q = ((z >> 1) as i32) ^ -((z & 1) as i32);
                let q = i16::try_from(q).map_err(|_| bad("bad weight"))?;
                row.push((c, q));
            }
            w.push(key, &row);
        }
        w.seal();
        Ok(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_and_round_trips() {
        let mut t = Trainer::new(3);
        for _ in 0..5 {
            for (keys, gold) in [([1u32, 2], 0usize), ([3, 2], 1), ([4, 5], 2)] {
                t.tick();
                let mut s = [0f32; 3];
                t.score(&keys, &mut s);
                let pred = (0..3).fold(0, |b, c| if s[c] > s[b] { c } else { b });
                t.update(&keys, gold, pred);
            }
        }
        let w = t.finish(1);
        let mut out = Writer::default();
        w.write(&mut out);
        let w2 = Weights::read(&mut Reader::new(&out.buf)).unwrap();
        for keys in [[1u32, 2], [3, 2], [4, 5]] {
            let (mut a, mut b) = ([0i32; 256], [0i32; 256]);
            w.score(&keys, &mut a);
            w2.score(&keys, &mut b);
            assert_eq!(a, b);
        }
        let mut s = [0i32; 256];
        w.score(&[4, 5], &mut s);
        assert!(s[2] > s[0] && s[2] > s[1]);
    }
}
