//! Dependency relation labels as small ids over a fixed, static list.
//!
//! A fixed list lets [`Rel::as_str`] hand out `&'static str` without leaking
//! the label strings of whichever model was loaded at run time.

use std::fmt;

/// Every label the parser can emit: the 37 universal relations, then the
/// subtypes used by English treebanks. Order is part of nothing on disk
/// (models store label strings), so it may grow freely.
const NAMES: &[&str] = &[
    "acl",
    "advcl",
    "advmod",
    "amod",
    "appos",
    "aux",
    "case",
    "cc",
    "ccomp",
    "clf",
    "compound",
    "conj",
    "cop",
    "csubj",
    "dep",
    "det",
    "discourse",
    "dislocated",
    "expl",
    "fixed",
    "flat",
    "goeswith",
    "iobj",
    "list",
    "mark",
    "nmod",
    "nsubj",
    "nummod",
    "obj",
    "obl",
    "orphan",
    "parataxis",
    "punct",
    "reparandum",
    "root",
    "vocative",
    "xcomp",
    "acl:relcl",
    "advcl:relcl",
    "aux:pass",
    "cc:preconj",
    "compound:prt",
    "csubj:outer",
    "csubj:pass",
    "det:poss",
    "det:predet",
    "flat:foreign",
    "nmod:desc",
    "nmod:npmod",
    "nmod:poss",
    "nmod:tmod",
    "nmod:unmarked",
    "nsubj:outer",
    "nsubj:pass",
    "obl:agent",
    "obl:npmod",
    "obl:tmod",
    "obl:unmarked",
    "flat:name",
    "obj:agent",
];

/// A dependency relation label (a small id into a static table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(transparent)]
pub struct Rel(u8);

impl Rel {
    /// The `root` relation.
    pub const ROOT: Rel = Rel(34);
    /// The catch-all `dep` relation.
    pub const DEP: Rel = Rel(14);

    /// Looks a label up exactly (`nmod:poss`, `obl`, ...).
    pub fn from_name(name: &str) -> Option<Rel> {
        NAMES.iter().position(|n| *n == name).map(|i| Rel(i as u8))
    }

    /// Maps any label to one the parser knows: exact match, else the universal
    /// part before `:`, else `dep`. Training data with exotic subtypes thus
    /// still trains.
    pub fn from_name_lossy(name: &str) -> Rel {
        Rel::from_name(name)
            .or_else(|| Rel::from_name(name.split(':').next().unwrap_or(name)))
            .unwrap_or(Rel::DEP)
    }

    /// The label as written in CoNLL-U.
    pub fn as_str(self) -> &'static str {
        NAMES.get(self.0 as usize).copied().unwrap_or("dep")
    }

    /// The universal part of the label (`nmod:poss` -> `nmod`), which is what
    /// CoNLL 2018 LAS compares.
    pub fn universal(self) -> &'static str {
        let s = self.as_str();
        s.split(':').next().unwrap_or(s)
    }

    /// Small integer id (stable only within one build).
    pub fn id(self) -> u8 {
        self.0
    }
}

impl fmt::Display for Rel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        assert_eq!(Rel::ROOT.as_str(), "root");
        assert_eq!(Rel::DEP.as_str(), "dep");
        assert!(NAMES.len() < 256);
        for n in NAMES {
            assert_eq!(Rel::from_name(n).unwrap().as_str(), *n);
        }
        assert_eq!(Rel::from_name_lossy("obl:foo").as_str(), "obl");
        assert_eq!(Rel::from_name_lossy("weird").as_str(), "dep");
        assert_eq!(Rel::from_name("nmod:poss").unwrap().universal(), "nmod");
    }
}
