//! The arc-hybrid transition system (Kuhlmann et al. 2011) with the root
//! placed at the *end* of the buffer (Ballesteros & Nivre 2013).
//!
//! Why arc-hybrid: its buffer is always a suffix `b0..=n` of the sentence, so
//! the dynamic oracle needs only index comparisons, and every token is popped
//! exactly once with exactly one head, so any sequence of legal transitions
//! yields a tree. Putting the root last and letting it take a dependent only
//! when the stack holds a single word guarantees exactly one root.
//!
//! Classes: `0` = SHIFT, `1 + 2l` = LEFT-ARC with label `l`, `2 + 2l` =
//! RIGHT-ARC with label `l` (label indices into the model's label list).

/// Marks an absent token (empty stack slot, missing child).
pub(crate) const NONE: u32 = u32::MAX;

/// Move kind of a class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Move {
    Shift,
    Left,
    Right,
}

/// Splits a class into its move and label index.
#[inline]
pub(crate) fn decode(class: usize) -> (Move, usize) {
    if class == 0 {
        (Move::Shift, 0)
    } else if class % 2 == 1 {
        (Move::Left, (class - 1) / 2)
    } else {
        (Move::Right, (class - 2) / 2)
    }
}

/// Number of classes for `n_labels` labels.
#[inline]
pub(crate) fn n_classes(n_labels: usize) -> usize {
    1 + 2 * n_labels
}

/// A parser configuration plus the partial tree, with buffers reused across
/// sentences (no allocation per transition).
#[derive(Debug, Default, Clone)]
pub(crate) struct State {
    /// Number of words; the root is token `n`.
    pub n: u32,
    pub stack: Vec<u32>,
    /// Front of the buffer; the buffer is `b0..=n`.
    pub b0: u32,
    pub head: Vec<u32>,
    pub label: Vec<u8>,
    /// Leftmost and second leftmost child.
    pub l1: Vec<u32>,
    pub l2: Vec<u32>,
    /// Rightmost and second rightmost child.
    pub r1: Vec<u32>,
    pub r2: Vec<u32>,
    /// Number of left and right children (saturating).
    pub nl: Vec<u8>,
    pub nr: Vec<u8>,
    /// Bit sets of the labels of left and right children.
    pub lset: Vec<u64>,
    pub rset: Vec<u64>,
}

impl State {
    /// Resets to the initial configuration for `n` words.
    pub fn reset(&mut self, n: usize) {
        let m = n + 1;
        self.n = n as u32;
        self.stack.clear();
        self.b0 = 0;
        for v in [
            &mut self.head,
            &mut self.l1,
            &mut self.l2,
            &mut self.r1,
            &mut self.r2,
        ] {
            v.clear();
            v.resize(m, NONE);
        }
        for v in [&mut self.nl, &mut self.nr, &mut self.label] {
            v.clear();
            v.resize(m, 0);
        }
        for v in [&mut self.lset, &mut self.rset] {
            v.clear();
            v.resize(m, 0);
        }
    }

    #[inline]
    pub fn is_terminal(&self) -> bool {
        self.stack.is_empty() && self.b0 >= self.n
    }

    /// Stack item `i` from the top (0 = top), or [`NONE`].
    #[inline]
    pub fn s(&self, i: usize) -> u32 {
        let len = self.stack.len();
        if i < len {
            self.stack[len - 1 - i]
        } else {
            NONE
        }
    }

    /// Buffer item `i` (0 = front; the root is the last), or [`NONE`].
    #[inline]
    pub fn b(&self, i: u32) -> u32 {
        let x = self.b0 + i;
        if x <= self.n {
            x
        } else {
            NONE
        }
    }

    #[inline]
    pub fn can_shift(&self) -> bool {
        self.b0 < self.n
    }

    #[inline]
    pub fn can_left(&self) -> bool {
        !self.stack.is_empty() && (self.b0 < self.n || self.stack.len() == 1)
    }

    #[inline]
    pub fn can_right(&self) -> bool {
        self.stack.len() >= 2
    }

    /// Whether `class` is legal here. The root label goes only on the arc
    /// from the root token, and only that arc.
    #[inline]
    pub fn is_legal(&self, class: usize, root_label: usize) -> bool {
        match decode(class) {
            (Move::Shift, _) => self.can_shift(),
            (Move::Left, l) => self.can_left() && ((self.b0 >= self.n) == (l == root_label)),
            (Move::Right, l) => self.can_right() && l != root_label,
        }
    }

    /// Applies a class; the caller has checked legality. An illegal class is
    /// ignored rather than corrupting the state.
    #[inline]
    pub fn apply(&mut self, class: usize) {
        match decode(class) {
            (Move::Shift, _) => {
                if self.can_shift() {
                    self.stack.push(self.b0);
                    self.b0 += 1;
                }
            }
            (Move::Left, l) => {
                if self.can_left() {
                    if let Some(d) = self.stack.pop() {
                        self.add_arc(self.b0, d, l);
                    }
                }
            }
            (Move::Right, l) => {
                if self.can_right() {
                    if let Some(d) = self.stack.pop() {
                        let h = self.s(0);
                        self.add_arc(h, d, l);
                    }
                }
            }
        }
    }

    fn add_arc(&mut self, h: u32, d: u32, l: usize) {
        let (hi, di) = (h as usize, d as usize);
        self.head[di] = h;
        self.label[di] = l as u8;
        let bit = 1u64 << (l & 63);
        if d < h {
            self.nl[hi] = self.nl[hi].saturating_add(1);
            self.lset[hi] |= bit;
            if self.l1[hi] == NONE || d < self.l1[hi] {
                self.l2[hi] = self.l1[hi];
                self.l1[hi] = d;
            } else if self.l2[hi] == NONE || d < self.l2[hi] {
                self.l2[hi] = d;
            }
        } else {
            self.nr[hi] = self.nr[hi].saturating_add(1);
            self.rset[hi] |= bit;
            if self.r1[hi] == NONE || d > self.r1[hi] {
                self.r2[hi] = self.r1[hi];
                self.r1[hi] = d;
            } else if self.r2[hi] == NONE || d > self.r2[hi] {
                self.r2[hi] = d;
            }
        }
    }
}

/// The highest-scoring legal class (ties go to the lowest class). There is
/// always one in a non-terminal state; SHIFT is returned otherwise.
#[inline]
pub(crate) fn best_legal<T: PartialOrd + Copy>(
    st: &State,
    scores: &[T],
    root_label: usize,
) -> usize {
    let mut best = usize::MAX;
    let mut consider = |c: usize| {
        if let Some(&v) = scores.get(c) {
            if best == usize::MAX || v > scores[best] {
                best = c;
            }
        }
    };
    if st.can_shift() {
        consider(0);
    }
    let n_labels = scores.len().saturating_sub(1) / 2;
    if st.can_left() {
        if st.b0 >= st.n {
            consider(1 + 2 * root_label);
        } else {
            (0..n_labels)
                .filter(|&l| l != root_label)
                .for_each(|l| consider(1 + 2 * l));
        }
    }
    if st.can_right() {
        (0..n_labels)
            .filter(|&l| l != root_label)
            .for_each(|l| consider(2 + 2 * l));
    }
    if best == usize::MAX {
        0
    } else {
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_legal_sequence_makes_a_tree() {
        // Always take the last legal class: exercises RIGHT-heavy paths.
        for n in 0..12 {
            let mut st = State::default();
            st.reset(n);
            let root = 3;
            let mut steps = 0;
            while !st.is_terminal() {
                let c = (0..n_classes(5))
                    .rev()
                    .find(|&c| st.is_legal(c, root))
                    .unwrap();
                st.apply(c);
                steps += 1;
                assert!(steps <= 2 * n + 2);
            }
            let roots = (0..n).filter(|&i| st.head[i] == n as u32).count();
            assert_eq!(roots, usize::from(n > 0));
            assert!((0..n).all(|i| st.head[i] != NONE));
        }
    }
}
