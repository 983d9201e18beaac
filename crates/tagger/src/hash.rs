//! Feature hashing. Features are never built as strings: each token's strings
//! are hashed once, and a feature key is a mix of a template id with one or two
//! of those hashes, folded to 32 bits. With ~10^6 distinct training features a
//! few hundred 32-bit collisions are expected; a linear model shrugs them off,
//! and 32-bit keys halve the model size.

use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// SplitMix64 finaliser: a full-avalanche mix of one word.
#[inline]
pub(crate) fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Hashes bytes (FxHash-style over 8-byte chunks, then mixed).
#[inline]
pub(crate) fn bytes(b: &[u8]) -> u64 {
    let mut h = b.len() as u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut a = [0u8; 8];
        a.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(a)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut a = [0u8; 8];
        a[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(a)).wrapping_mul(K);
    }
    mix(h)
}

/// Folds to a non-zero 32-bit key (0 marks an empty table slot).
#[inline]
fn fold(x: u64) -> u32 {
    let k = (x ^ (x >> 32)) as u32;
    if k == 0 {
        1
    } else {
        k
    }
}

/// Key of a feature with one value hash.
#[inline]
pub(crate) fn key1(template: u32, h: u64) -> u32 {
    fold(mix(h ^ u64::from(template).wrapping_mul(K)))
}

/// Key of a feature with two value hashes (order matters).
#[inline]
pub(crate) fn key2(template: u32, a: u64, b: u64) -> u32 {
    fold(mix(a.rotate_left(17)
        ^ b
        ^ u64::from(template).wrapping_mul(K)))
}

/// Small-integer value hash (tag ids, flags) for use with [`key1`]/[`key2`].
#[inline]
pub(crate) fn int(v: u64) -> u64 {
    mix(v.wrapping_add(0x5851_F42D_4C95_7F2D))
}

/// FxHash for internal maps keyed by already-mixed integers or short strings.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl Hasher for Fx {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, b: &[u8]) {
        self.0 = (self.0.rotate_left(5) ^ bytes(b)).wrapping_mul(K);
    }
    #[inline]
    fn write_u32(&mut self, v: u32) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(v)).wrapping_mul(K);
    }
    #[inline]
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(K);
    }
    #[inline]
    fn write_usize(&mut self, v: usize) {
        self.write_u64(v as u64);
    }
    #[inline]
    fn write_u8(&mut self, v: u8) {
        self.write_u64(u64::from(v));
    }
}

/// `HashMap` with [`Fx`].
pub(crate) type FxMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<Fx>>;

/// Deterministic PRNG (xorshift64*) for shuffling training data.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Rng(mix(seed ^ K) | 1)
    }
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Fisher-Yates shuffle.
    pub(crate) fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}
