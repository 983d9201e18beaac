//! Word lists the segmenter uses, read from `data/text/*.txt` (compiled in).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FxHash: the word lists are looked up on every token, and SipHash's
/// DoS resistance buys nothing for compiled-in keys.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxBuild = BuildHasherDefault<FxHasher>;
type Set = HashSet<String, FxBuild>;

/// How an abbreviation behaves at a possible sentence end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevKind {
    /// Precedes a name and never ends a sentence ("Mr.", "Gen.").
    Title,
    /// May end a sentence ("Inc.", "a.m.").
    Final,
    /// An abbreviation only before a number ("No. 5").
    Num,
    /// Any other abbreviation ("Jan.", "vs.").
    Plain,
}

/// The segmenter's word lists.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    abbrevs: HashMap<String, AbbrevKind, FxBuild>,
    prefixes: Set,
    starters: Set,
    credits: Set,
    markers: Set,
}

fn entries(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    /// The built-in lists from `data/text/`.
    pub fn builtin() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            let mut lex = Lexicon::default();
            for line in entries(include_str!("../../../data/text/abbreviations.txt")) {
                let mut cols = line.split('\t');
                let word = cols.next().unwrap_or_default().trim().to_string();
                let kind = match cols.next().map(str::trim) {
                    Some("title") => AbbrevKind::Title,
                    Some("final") => AbbrevKind::Final,
                    Some("num") => AbbrevKind::Num,
                    _ => AbbrevKind::Plain,
                };
                lex.abbrevs.insert(word, kind);
            }
            let set = |src: &str| entries(src).map(|l| l.trim().to_string()).collect::<Set>();
            lex.prefixes = set(include_str!("../../../data/text/prefixes.txt"));
            lex.starters = set(include_str!("../../../data/text/sentence_starters.txt"));
            lex.credits = set(include_str!("../../../data/text/caption_credits.txt"));
            lex.markers = set(include_str!("../../../data/text/caption_markers.txt"));
            lex
        })
    }

    /// The kind of abbreviation `lower` (lowercase, no final period) is, if any.
    pub fn abbrev(&self, lower: &str) -> Option<AbbrevKind> {
        self.abbrevs.get(lower).copied()
    }

    /// True when `lower` is a prefix that stays joined by its hyphen ("e", "co", "non").
    pub fn is_prefix(&self, lower: &str) -> bool {
        self.prefixes.contains(lower)
    }

    /// True when `lower` commonly opens a sentence ("the", "he", "but").
    pub fn is_starter(&self, lower: &str) -> bool {
        self.starters.contains(lower)
    }

    /// True when `lower` is a photo credit ("reuters", "ap photo").
    pub fn is_credit(&self, lower: &str) -> bool {
        self.credits.contains(lower)
    }

    /// True when `lower` is a caption position marker ("left", "2nd r").
    pub fn is_caption_marker(&self, lower: &str) -> bool {
        self.markers.contains(lower)
    }
}
