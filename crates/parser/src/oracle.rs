//! Dynamic oracle for arc-hybrid (Goldberg & Nivre 2012, 2013).
//!
//! The cost of a transition is the number of gold arcs that are reachable
//! before it and unreachable after it. Arc-hybrid is arc-decomposable, so
//! these counts are exact for projective gold trees; for non-projective ones
//! some gold arcs are unreachable from the start and the oracle simply picks
//! the cheapest transitions, which trains on every sentence without
//! projectivizing.

use crate::transition::{decode, Move, State, NONE};

/// Gold tree of one training sentence, root = token `n`.
#[derive(Debug, Default, Clone)]
pub(crate) struct Gold {
    pub head: Vec<u32>,
    pub label: Vec<u8>,
    /// Gold dependents of each token (index `n` = root).
    pub children: Vec<Vec<u32>>,
}

impl Gold {
    /// Builds from 1-based CoNLL-U heads (0 = root); out-of-range or missing
    /// heads are treated as root attachments so training never panics.
    pub fn new(heads: &[Option<usize>], labels: &[u8]) -> Gold {
        let n = heads.len();
        let mut head = Vec::with_capacity(n);
        let mut children = vec![Vec::new(); n + 1];
        for (i, h) in heads.iter().enumerate() {
            let h = match h {
                Some(h) if *h >= 1 && *h <= n && *h != i + 1 => (*h - 1) as u32,
                _ => n as u32,
            };
            head.push(h);
            children[h as usize].push(i as u32);
        }
        Gold {
            head,
            label: labels.to_vec(),
            children,
        }
    }

    /// Number of gold dependents of `h` still in the buffer.
    fn children_in_buffer(&self, h: u32, b0: u32) -> u32 {
        self.children[h as usize]
            .iter()
            .filter(|&&c| c >= b0)
            .count() as u32
    }
}

/// Costs of the three moves (unlabeled); `u32::MAX` when illegal.
pub(crate) fn move_costs(st: &State, gold: &Gold) -> [u32; 3] {
    let (s0, s1, b0) = (st.s(0), st.s(1), st.b0);
    let mut out = [u32::MAX; 3];
    if st.can_shift() {
        // b0 goes on the stack: it can no longer take a head from below s0
        // nor dependents from the stack.
        let gh = gold.head[b0 as usize];
        let mut c = 0;
        for &x in &st.stack {
            if gold.head[x as usize] == b0 {
                c += 1;
            }
            if x == gh && x != s0 {
                c += 1;
            }
        }
        out[0] = c;
    }
    if st.can_left() {
        let gh = gold.head[s0 as usize];
        let lost_head = u32::from(gh != b0 && (gh == s1 || gh > b0));
        out[1] = lost_head + gold.children_in_buffer(s0, b0);
    }
    if st.can_right() && s1 != NONE {
        let gh = gold.head[s0 as usize];
        out[2] = u32::from(gh >= b0) + gold.children_in_buffer(s0, b0);
    }
    out
}

/// Cost of a labeled class given the move costs: a wrong label on an
/// otherwise correct arc costs one more.
#[inline]
pub(crate) fn class_cost(st: &State, gold: &Gold, moves: &[u32; 3], class: usize) -> u32 {
    let (mv, l) = decode(class);
    match mv {
        Move::Shift => moves[0],
        Move::Left => {
            let s0 = st.s(0) as usize;
            let base = moves[1];
            if base == u32::MAX {
                return base;
            }
            let wrong = gold.head[s0] == st.b0 && gold.label[s0] as usize != l;
            base + u32::from(wrong)
        }
        Move::Right => {
            let s0 = st.s(0) as usize;
            let base = moves[2];
            if base == u32::MAX {
                return base;
            }
            let wrong = gold.head[s0] == st.s(1) && gold.label[s0] as usize != l;
            base + u32::from(wrong)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transition::n_classes;

    /// Following zero-cost transitions from the start rebuilds a projective
    /// gold tree exactly.
    #[test]
    fn zero_cost_path_recovers_projective_tree() {
        // 1 <- 2 -> 4 ; 3 <- 4 ; 2 root ; 5 <- 2
        let heads = [Some(2), Some(0), Some(4), Some(2), Some(2)];
        let labels = [1u8, 0, 2, 3, 1];
        let gold = Gold::new(&heads, &labels);
        let mut st = State::default();
        st.reset(5);
        let root = 0;
        while !st.is_terminal() {
            let m = move_costs(&st, &gold);
            let c = (0..n_classes(4))
                .find(|&c| st.is_legal(c, root) && class_cost(&st, &gold, &m, c) == 0)
                .expect("a zero-cost move exists for projective trees");
            st.apply(c);
        }
        assert_eq!(&st.head[..5], &gold.head[..]);
        assert_eq!(&st.label[..5], &labels[..]);
    }
}
