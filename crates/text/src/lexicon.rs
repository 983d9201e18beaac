//! Word lists the segmenter uses, read from `data/text/*.txt` (compiled in).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

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
    abbrevs: HashMap<String, AbbrevKind>,
    prefixes: HashSet<String>,
    starters: HashSet<String>,
    credits: HashSet<String>,
    markers: HashSet<String>,
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
            let set = |src: &str| {
                entries(src)
                    .map(|l| l.trim().to_string())
                    .collect::<HashSet<_>>()
            };
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
