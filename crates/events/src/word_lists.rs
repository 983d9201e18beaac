//! The coder's own word lists (`data/events/words.txt`): words its logic
//! asks about by meaning ("is this a person?", "is this a day?"), as
//! opposed to the pattern dictionary.
//!
//! Lookups are cheap: every word maps to the set of lists it is in, as bits
//! of a `u32`, so the coder reads a token's lists once per sentence and then
//! tests a bit.

use crate::error::{parse_error, Result};
use std::collections::HashMap;

/// One of the word lists in `words.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WordList {
    /// `@human`: nouns for people who are no named actor ("police arrested a man").
    Human,
    /// `@crowd`: quantity and group nouns that stand for the people of
    /// their `of` phrase ("thousands of Kurds").
    Crowd,
    /// `@visitors`: who is hosted as a visitor ("hosted a Taliban delegation").
    Visitors,
    /// `@animals`: force against them is no political event.
    Animals,
    /// `@force-cues`: weapons, blasts, attacks and attackers that tell of
    /// force by someone not named.
    ForceCues,
    /// `@force-verbs`: verbs that are force in themselves ("was shot dead").
    ForceVerbs,
    /// `@mishaps`: accidents and disasters, nobody's act.
    Mishaps,
    /// `@hazards`: what blows up or burns by accident; a blast named after
    /// one is a mishap ("a gas explosion").
    Hazards,
    /// `@dying`: verbs whose subject is the victim ("died in a bombing").
    Dying,
    /// `@games`: what a game is played in; force or protest told beside
    /// one is sport ("crushed Argentina in the World Cup qualifier").
    Games,
    /// `@athletes`: players; force they do is sport ("the bowlers bombarded").
    Athletes,
    /// `@firms`: companies; force they do is trade ("the carmaker attacked the market").
    Firms,
    /// `@tourists`: who travels for pleasure; their visits are no political visit.
    Tourists,
    /// `@ills`: what is fought only in a figure ("a battle against inflation").
    Ills,
    /// `@fiction`: stories; what happens in one has not ("in the film").
    Fiction,
    /// `@toll`: verbs of an -ing clause telling the outcome of a force
    /// event ("..., killing eight people").
    Toll,
    /// `@do`: verbs by which an act is carried out ("carried out the bombing").
    Do,
    /// `@said-or-decided`: words and decisions; an attack on them is criticism.
    SaidOrDecided,
    /// `@allege`: words of belief that accuse ("claimed that ISIL attacked Iraq").
    Allege,
    /// `@object-control`: verbs whose object controls the clause below
    /// ("urge X to stop").
    ObjectControl,
    /// `@topic-heads`: what talks and agreements are about has not happened.
    TopicHeads,
    /// `@partitive`: a quantity or part of what its `of` phrase names.
    Partitive,
    /// `@via`: prepositions of a vehicle ("via a Falcon 9 rocket").
    Via,
    /// `@days`: days, never a target ("on Friday").
    Days,
    /// `@durations`: spans of time an event lasted ("after weeks of protests").
    Durations,
    /// `@facilities`: places and installations force is aimed at ("attacked
    /// an army base"): with no actor named, at the country where they are.
    Facilities,
    /// `@offences`: what one is arrested for ("jailed for espionage"): the
    /// arrest accuses them of it.
    Offences,
    /// `@charges`: "on charges of", "on suspicion of": what an arrest accuses of.
    Charges,
    /// `@meetings`: talks, meetings and deals a third party may host or
    /// broker ("talks hosted by Saudi Arabia").
    Meetings,
    /// `@mediating`: participles of a third party's mediation ("a deal
    /// brokered by China").
    Mediating,
    /// `@summary`: nouns that sum up the act of the clause they are set
    /// beside ("..., a move condemned by rights groups").
    Summary,
    /// `@retaliation`: answering a blow ("vowed revenge", "vowed to
    /// respond"): a threat of it with no target is aimed at who struck.
    Retaliation,
}

impl WordList {
    /// Every list, in the order of the enum.
    pub const ALL: [WordList; 32] = [
        WordList::Human,
        WordList::Crowd,
        WordList::Visitors,
        WordList::Animals,
        WordList::ForceCues,
        WordList::ForceVerbs,
        WordList::Mishaps,
        WordList::Hazards,
        WordList::Dying,
        WordList::Games,
        WordList::Athletes,
        WordList::Firms,
        WordList::Tourists,
        WordList::Ills,
        WordList::Fiction,
        WordList::Toll,
        WordList::Do,
        WordList::SaidOrDecided,
        WordList::Allege,
        WordList::ObjectControl,
        WordList::TopicHeads,
        WordList::Partitive,
        WordList::Via,
        WordList::Days,
        WordList::Durations,
        WordList::Facilities,
        WordList::Offences,
        WordList::Charges,
        WordList::Meetings,
        WordList::Mediating,
        WordList::Summary,
        WordList::Retaliation,
    ];

    /// The list's name in `words.txt` (without the `@`).
    pub fn name(self) -> &'static str {
        match self {
            WordList::Human => "human",
            WordList::Crowd => "crowd",
            WordList::Visitors => "visitors",
            WordList::Animals => "animals",
            WordList::ForceCues => "force-cues",
            WordList::ForceVerbs => "force-verbs",
            WordList::Mishaps => "mishaps",
            WordList::Hazards => "hazards",
            WordList::Dying => "dying",
            WordList::Games => "games",
            WordList::Athletes => "athletes",
            WordList::Firms => "firms",
            WordList::Tourists => "tourists",
            WordList::Ills => "ills",
            WordList::Fiction => "fiction",
            WordList::Toll => "toll",
            WordList::Do => "do",
            WordList::SaidOrDecided => "said-or-decided",
            WordList::Allege => "allege",
            WordList::ObjectControl => "object-control",
            WordList::TopicHeads => "topic-heads",
            WordList::Partitive => "partitive",
            WordList::Via => "via",
            WordList::Days => "days",
            WordList::Durations => "durations",
            WordList::Facilities => "facilities",
            WordList::Offences => "offences",
            WordList::Charges => "charges",
            WordList::Meetings => "meetings",
            WordList::Mediating => "mediating",
            WordList::Summary => "summary",
            WordList::Retaliation => "retaliation",
        }
    }

    fn from_name(s: &str) -> Option<WordList> {
        WordList::ALL.into_iter().find(|l| l.name() == s)
    }

    /// The list's bit in a [`WordLists::mask`].
    pub fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// All the word lists, read from `words.txt`.
#[derive(Debug, Clone, Default)]
pub struct WordLists {
    /// The words of each list, as written, indexed by `WordList as usize`.
    lists: Vec<Vec<Box<str>>>,
    /// Word → the bits of the lists it is in.
    index: HashMap<Box<str>, u32>,
}

const WORDS: &str = include_str!("../../../data/events/words.txt");

impl WordLists {
    /// The lists compiled into khaldun (`data/events/words.txt`).
    pub fn builtin() -> &'static WordLists {
        static W: std::sync::OnceLock<WordLists> = std::sync::OnceLock::new();
        W.get_or_init(|| {
            WordLists::try_builtin().expect("the built-in word lists are tested and valid")
        })
    }

    /// The built-in lists, with errors instead of a panic.
    pub fn try_builtin() -> Result<WordLists> {
        WordLists::read(WORDS, "words.txt")
    }

    /// Reads `@name word word ...` lines (continuations start with white
    /// space). Every list must be written, once; an unknown name is an
    /// error naming the line.
    pub fn read(src: &str, file: &str) -> Result<WordLists> {
        let mut lists: Vec<Option<Vec<Box<str>>>> = vec![None; WordList::ALL.len()];
        let last = src.lines().count();
        for b in crate::patterns::named_blocks(src, file, '@', "list")? {
            let Some(list) = WordList::from_name(b.name) else {
                let known: Vec<String> = WordList::ALL
                    .iter()
                    .map(|l| format!("@{}", l.name()))
                    .collect();
                return Err(parse_error(
                    file,
                    b.line,
                    format!("unknown word list @{} (known: {})", b.name, known.join(" ")),
                ));
            };
            if lists[list as usize].is_some() {
                return Err(parse_error(
                    file,
                    b.line,
                    format!("word list @{} written twice", b.name),
                ));
            }
            lists[list as usize] = Some(b.words.into_iter().map(|(_, w)| Box::from(w)).collect());
        }
        let mut out = WordLists::default();
        for (list, words) in WordList::ALL.into_iter().zip(lists) {
            let Some(words) = words else {
                return Err(parse_error(
                    file,
                    last,
                    format!("word list @{} is missing", list.name()),
                ));
            };
            for w in &words {
                *out.index.entry(w.clone()).or_default() |= list.bit();
            }
            out.lists.push(words);
        }
        Ok(out)
    }

    /// The words of `list`, as written.
    pub fn words(&self, list: WordList) -> &[Box<str>] {
        self.lists.get(list as usize).map_or(&[], |v| v.as_slice())
    }

    /// The lists `word` is in, as bits ([`WordList::bit`]).
    pub fn mask(&self, word: &str) -> u32 {
        self.index.get(word).copied().unwrap_or(0)
    }

    /// Whether `word` is in `list`.
    pub fn contains(&self, list: WordList, word: &str) -> bool {
        self.mask(word) & list.bit() != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lists_load() {
        let w = WordLists::try_builtin().unwrap();
        for list in WordList::ALL {
            assert!(!w.words(list).is_empty(), "@{} is empty", list.name());
        }
        assert!(w.contains(WordList::Human, "villager"));
        assert!(w.contains(WordList::Days, "friday"));
        assert!(!w.contains(WordList::Days, "man"));
        // a word in several lists
        assert!(w.contains(WordList::Crowd, "group") && w.contains(WordList::Visitors, "group"));
    }

    #[test]
    fn errors_name_file_and_line() {
        let all: String = WordList::ALL
            .iter()
            .map(|l| format!("@{} a\n", l.name()))
            .collect();
        assert!(WordLists::read(&all, "w.txt").is_ok());
        let bad = format!("{all}# a comment\n@humans man\n  woman\n");
        let e = WordLists::read(&bad, "w.txt").unwrap_err().to_string();
        assert!(
            e.starts_with(&format!(
                "w.txt:{}: unknown word list @humans",
                WordList::ALL.len() + 2
            )),
            "{e}"
        );
        let e = WordLists::read("@human man\n\n@human woman\n", "w.txt").unwrap_err();
        assert_eq!(e.to_string(), "w.txt:3: word list @human written twice");
        let e = WordLists::read("  man\n", "w.txt").unwrap_err();
        assert!(e.to_string().starts_with("w.txt:1: continuation"), "{e}");
        let e = WordLists::read("human man\n", "w.txt").unwrap_err();
        assert!(e.to_string().starts_with("w.txt:1: a list line"), "{e}");
        let e = WordLists::read("@human man\n", "w.txt").unwrap_err();
        assert_eq!(e.to_string(), "w.txt:1: word list @crowd is missing");
    }
}
