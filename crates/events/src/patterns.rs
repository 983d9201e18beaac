//! The pattern dictionary: verb and noun patterns, word sets, light verbs
//! and composition rules, read from khaldun's own format (see
//! `data/events/README.md`).
//!
//! A pattern is compiled into a trigger (lemmas), the other words that must
//! hang from it, and up to two slots (source, target) with their case
//! markers. Patterns are indexed by trigger word, so coding a sentence costs
//! one hash lookup per token.

use crate::error::{parse_error, Result};
use crate::word_lists::{WordList, WordLists};
use std::collections::HashMap;

/// Whether a pattern's trigger is a verb (or predicate adjective) or an event noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TriggerKind {
    /// `verbs.txt`: a verb or a predicate adjective.
    Verb,
    /// `nouns.txt`: the head noun of an event noun phrase.
    Noun,
}

/// Any of these words (lemmas or lower-cased forms).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words(pub Vec<Box<str>>);

impl Words {
    /// Whether `lemma` or `lower` (the lower-cased form) is one of the words.
    pub fn matches(&self, lemma: &str, lower: &str) -> bool {
        self.0.iter().any(|w| **w == *lemma || **w == *lower)
    }
}

/// Where a slot's nominal is found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// The direct object (active voice).
    Object,
    /// The subject (a slot written before the trigger).
    Subject,
    /// A nominal with one of these case markers ("with", "against").
    Prep(Words),
    /// The object if it names an actor, else the first oblique nominal
    /// (of the trigger, of its object or of a participle on the object) or
    /// complement-clause subject that does: PETRARCH's default target, "the
    /// first actor in the verb phrase".
    Any,
    /// The first actor in the verb's phrase after the pattern word matched
    /// by these words, skipping the phrase right after it when `true`:
    /// PETRARCH's slot written after a noun ("* MONEY $") and its `^`
    /// ("* IFTAR IN ^ +": not the place, the actor after it).
    Next(Words, bool),
}

/// One compiled pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// CAMEO code; empty for a null pattern, which matches (and so
    /// blocks less specific ones) but codes nothing.
    pub code: Box<str>,
    /// The code of the event the target does to the source, if the pattern
    /// codes one too (PETRARCH `[032:033]`: a visit made is a visit hosted).
    pub reverse: Option<Box<str>>,
    /// Verb or noun.
    pub kind: TriggerKind,
    /// Trigger words.
    pub trigger: Words,
    /// Other words that must depend on the trigger (with a dictionary
    /// that is not khaldun's own: anywhere below it, in the written order).
    pub words: Vec<Words>,
    /// Context words written before the trigger: each must precede it and
    /// be a dependent of it (or of a dependent), an ancestor, or a
    /// dependent of an ancestor ("said would *", "refusal to *", "not *").
    pub before: Vec<Words>,
    /// For each of `words`: it must be the token right after the previous
    /// pattern word (or the trigger). PETRARCH's `_` ("* CULTURAL_MEMOS");
    /// missing entries are false.
    pub joined: Vec<bool>,
    /// For each of `before`: it must be the token right before the next
    /// context word (or the trigger). Missing entries are false.
    pub before_joined: Vec<bool>,
    /// Words the subject must hold (`^bomber`, `^suicide`): each one is the
    /// head of the verb's subject (the agent, in the passive) or a modifier
    /// of it ("a suicide bomber killed", "Israeli warplanes struck").
    pub subject: Vec<Words>,
    /// Target slot, if any.
    pub target: Option<Slot>,
    /// Source slot, if written (else: the subject or the noun's owner).
    pub source: Option<Slot>,
    /// The pattern as written (for evidence).
    pub text: Box<str>,
    /// `file:line` where it is written.
    pub origin: Box<str>,
}

impl Pattern {
    /// The number of words the pattern names (specificity).
    pub fn specificity(&self) -> usize {
        1 + self.words.len()
            + self.before.len()
            + self.subject.len()
            + matches!(self.target, Some(Slot::Prep(_))) as usize
            + matches!(self.source, Some(Slot::Prep(_))) as usize
    }
}

/// What a governing word does to the event below it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Frame {
    /// "agreed to", "pledged to", "ready to": intent (CAMEO 03).
    Intent,
    /// "threatened to": threat (CAMEO 13).
    Threat,
    /// "refused to": rejection (CAMEO 12).
    Refuse,
    /// "believes that", "fears that": an opinion, not an event.
    Belief,
    /// "urged X to", "called on X to": an appeal or demand (CAMEO 02 / 10).
    Appeal,
    /// "said that X must ...": a report whose clause says what another
    /// must do is a demand (CAMEO 10), or with "should" an appeal (02).
    Report,
}

impl Frame {
    fn from_name(s: &str) -> Option<Frame> {
        Some(match s {
            "intent" => Frame::Intent,
            "threat" => Frame::Threat,
            "refuse" => Frame::Refuse,
            "belief" => Frame::Belief,
            "appeal" => Frame::Appeal,
            "report" => Frame::Report,
            _ => return None,
        })
    }

    /// The lower-case name used in the data and in evidence.
    pub fn as_str(self) -> &'static str {
        match self {
            Frame::Intent => "intent",
            Frame::Threat => "threat",
            Frame::Refuse => "refuse",
            Frame::Belief => "belief",
            Frame::Appeal => "appeal",
            Frame::Report => "report",
        }
    }
}

/// The whole dictionary, indexed by trigger, with the coder's word lists.
#[derive(Debug, Clone)]
pub struct Patterns {
    patterns: Vec<Pattern>,
    verbs: HashMap<Box<str>, Vec<u32>>,
    nouns: HashMap<Box<str>, Vec<u32>>,
    light: HashMap<Box<str>, Option<Box<str>>>,
    frames: HashMap<Box<str>, Frame>,
    compose: HashMap<(Frame, Box<str>), Box<str>>,
    sets: HashMap<String, Vec<Box<str>>>,
    generic: bool,
    words: WordLists,
}

impl Default for Patterns {
    /// No patterns, with the built-in word lists (which the coder's logic
    /// needs whatever the dictionary).
    fn default() -> Patterns {
        Patterns::with_word_lists(WordLists::builtin().clone())
    }
}

const VERBS: &str = include_str!("../../../data/events/verbs.txt");
const NOUNS: &str = include_str!("../../../data/events/nouns.txt");
const SETS: &str = include_str!("../../../data/events/sets.txt");
const LIGHT: &str = include_str!("../../../data/events/light.txt");
const COMPOSE: &str = include_str!("../../../data/events/compose.txt");

impl Patterns {
    /// The dictionary compiled into khaldun (`data/events/`).
    pub fn builtin() -> &'static Patterns {
        static P: std::sync::OnceLock<Patterns> = std::sync::OnceLock::new();
        P.get_or_init(|| {
            Patterns::try_builtin().expect("the built-in event patterns are tested and valid")
        })
    }

    /// The built-in dictionary, with errors instead of a panic.
    pub fn try_builtin() -> Result<Patterns> {
        let mut p = Patterns::with_word_lists(WordLists::try_builtin()?);
        p.read_sets(SETS, "sets.txt")?;
        p.read_patterns(VERBS, "verbs.txt", TriggerKind::Verb)?;
        p.read_patterns(NOUNS, "nouns.txt", TriggerKind::Noun)?;
        p.read_light(LIGHT, "light.txt")?;
        p.read_compose(COMPOSE, "compose.txt")?;
        p.generic = true;
        Ok(p)
    }

    /// No patterns, with these word lists.
    fn with_word_lists(words: WordLists) -> Patterns {
        Patterns {
            patterns: Vec::new(),
            verbs: HashMap::new(),
            nouns: HashMap::new(),
            light: HashMap::new(),
            frames: HashMap::new(),
            compose: HashMap::new(),
            sets: HashMap::new(),
            generic: false,
            words,
        }
    }

    /// The coder's word lists (`words.txt`).
    pub fn word_lists(&self) -> &WordLists {
        &self.words
    }

    /// The words of one of the coder's word lists.
    pub fn words(&self, list: WordList) -> &[Box<str>] {
        self.words.words(list)
    }

    /// Replaces the coder's word lists with those read from `src`
    /// (`@name word word ...`, see [`WordLists::read`]).
    pub fn read_words(&mut self, src: &str, file: &str) -> Result<()> {
        self.words = WordLists::read(src, file)?;
        Ok(())
    }

    /// All patterns, in file order.
    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    /// The number of patterns.
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    /// Whether there are no patterns.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Patterns whose trigger is `word` (a lemma or lower-cased form).
    pub fn triggered_by(&self, kind: TriggerKind, word: &str) -> &[u32] {
        let map = match kind {
            TriggerKind::Verb => &self.verbs,
            TriggerKind::Noun => &self.nouns,
        };
        map.get(word).map_or(&[], |v| v.as_slice())
    }

    /// Pattern `i`.
    pub fn get(&self, i: u32) -> &Pattern {
        &self.patterns[i as usize]
    }

    /// Whether `lemma` is a light verb; `Some(particle)` when it needs one ("carry out").
    pub fn light(&self, lemma: &str) -> Option<Option<&str>> {
        self.light.get(lemma).map(|p| p.as_deref())
    }

    /// Whether `word` (a lemma) is in the named word set of `sets.txt`.
    pub fn in_set(&self, name: &str, word: &str) -> bool {
        self.sets
            .get(name)
            .is_some_and(|s| s.iter().any(|w| &**w == word))
    }

    /// The frame a governing word sets, if any.
    pub fn frame(&self, lemma: &str) -> Option<Frame> {
        self.frames.get(lemma).copied()
    }

    /// The code an event of `code` becomes under `frame`: the longest
    /// matching prefix rule ("07" → "033", "072" → "0332").
    pub fn compose(&self, frame: Frame, code: &str) -> Option<&str> {
        (1..=code.len())
            .rev()
            .find_map(|n| self.compose.get(&(frame, Box::from(&code[..n]))))
            .map(|c| &**c)
    }

    /// Reads `&name word word ...` lines (continuations start with white space).
    pub fn read_sets(&mut self, src: &str, file: &str) -> Result<()> {
        for b in named_blocks(src, file, '&', "set")? {
            if b.name.is_empty() || self.sets.contains_key(b.name) {
                return Err(parse_error(
                    file,
                    b.line,
                    format!("empty or repeated set name &{}", b.name),
                ));
            }
            let mut set = Vec::new();
            for (line, w) in b.words {
                if let Some(r) = w.strip_prefix('&') {
                    let Some(other) = self.sets.get(r) else {
                        return Err(parse_error(file, line, format!("unknown set &{r}")));
                    };
                    set.extend(other.iter().cloned());
                } else {
                    set.push(w.to_lowercase().into_boxed_str());
                }
            }
            self.sets.insert(b.name.to_string(), set);
        }
        Ok(())
    }

    fn parse_words(&self, w: &str, file: &str, line: usize) -> Result<Words> {
        let mut out = Vec::new();
        for alt in w.split('|') {
            if let Some(r) = alt.strip_prefix('&') {
                let Some(set) = self.sets.get(r) else {
                    return Err(parse_error(file, line, format!("unknown set &{r}")));
                };
                out.extend(set.iter().cloned());
            } else if alt.is_empty() || alt.contains('$') {
                return Err(parse_error(file, line, format!("bad word {w:?}")));
            } else {
                out.push(alt.to_lowercase().into_boxed_str());
            }
        }
        Ok(Words(out))
    }

    /// Adds a compiled pattern, indexed by its trigger words; returns its index.
    pub fn add_pattern(&mut self, p: Pattern) -> u32 {
        let idx = self.patterns.len() as u32;
        let map = match p.kind {
            TriggerKind::Verb => &mut self.verbs,
            TriggerKind::Noun => &mut self.nouns,
        };
        for t in &p.trigger.0 {
            let v = map.entry(t.clone()).or_default();
            if v.last() != Some(&idx) {
                v.push(idx);
            }
        }
        self.patterns.push(p);
        idx
    }

    /// The built-in light verbs, frames and composition rules with no
    /// patterns: the base for another pattern dictionary.
    pub fn builtin_rules() -> Result<Patterns> {
        let mut p = Patterns::with_word_lists(WordLists::try_builtin()?);
        p.read_sets(SETS, "sets.txt")?;
        p.read_light(LIGHT, "light.txt")?;
        p.read_compose(COMPOSE, "compose.txt")?;
        Ok(p)
    }

    /// Whether the coder adds khaldun's own readings to the patterns: a
    /// frame word with an uncoded complement is an event ("agreed to set
    /// up", 030), and a cooperative act in the future is an intent ("will
    /// provide aid", 033), and a visit is also its host's event (042 and
    /// 043, as the CAMEO codebook codes them). On for the built-in dictionary; off for other
    /// dictionaries (PETRARCH's encode such readings in their own patterns).
    pub fn generic_frames(&self) -> bool {
        self.generic
    }

    /// Turns the generic readings on or off (see [`Patterns::generic_frames`]).
    pub fn set_generic_frames(&mut self, on: bool) {
        self.generic = on;
    }

    /// Reads pattern lines: `CODE pattern`.
    pub fn read_patterns(&mut self, src: &str, file: &str, kind: TriggerKind) -> Result<()> {
        for (i, raw) in src.lines().enumerate() {
            let line = strip_comment(raw).trim();
            if line.is_empty() {
                continue;
            }
            let p = self.parse_pattern(line, file, i + 1, kind)?;
            self.add_pattern(p);
        }
        Ok(())
    }

    fn parse_pattern(
        &self,
        line: &str,
        file: &str,
        n: usize,
        kind: TriggerKind,
    ) -> Result<Pattern> {
        let mut toks = line.split_whitespace();
        let code = toks.next().unwrap_or_default();
        if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(parse_error(file, n, format!("bad CAMEO code {code:?}")));
        }
        let toks: Vec<&str> = toks.collect();
        if toks.is_empty() {
            return Err(parse_error(file, n, "a code with no pattern"));
        }
        let mut target = None;
        let mut source = None;
        let mut plain: Vec<(usize, &str)> = Vec::new(); // (position, word)
        let mut subject = Vec::new();
        // nouns: the trigger is the last word before the first preposition or slot
        let mut first_slot_or_prep = toks
            .iter()
            .position(|t| t.split('|').all(is_preposition))
            .unwrap_or(toks.len());
        let mut i = 0;
        while i < toks.len() {
            let t = toks[i];
            let is_slot = t == "$T" || t == "$S";
            let next_is_slot = toks.get(i + 1).is_some_and(|x| *x == "$T" || *x == "$S")
                && t.split('|').all(is_preposition);
            if let Some(w) = t.strip_prefix('^') {
                if kind == TriggerKind::Noun {
                    return Err(parse_error(
                        file,
                        n,
                        "subject words (^) are for verb patterns",
                    ));
                }
                subject.push(self.parse_words(w, file, n)?);
            } else if is_slot || next_is_slot {
                let (slot_tok, slot) = if is_slot {
                    // before any word: the subject; otherwise the object
                    let slot = if plain.is_empty() && i == 0 {
                        Slot::Subject
                    } else {
                        Slot::Object
                    };
                    (t, slot)
                } else {
                    i += 1;
                    (toks[i], Slot::Prep(self.parse_words(t, file, n)?))
                };
                first_slot_or_prep = first_slot_or_prep.min(if is_slot { i } else { i - 1 });
                let dest = if slot_tok == "$T" {
                    &mut target
                } else {
                    &mut source
                };
                if dest.is_some() {
                    return Err(parse_error(file, n, format!("{slot_tok} written twice")));
                }
                *dest = Some(slot);
            } else {
                plain.push((i, t));
            }
            i += 1;
        }
        if plain.is_empty() {
            return Err(parse_error(file, n, "a pattern needs a trigger word"));
        }
        // verbs: the first word; nouns: the last word before the first slot or preposition
        let ti = match kind {
            TriggerKind::Verb => 0,
            TriggerKind::Noun => plain
                .iter()
                .rposition(|(pos, _)| *pos < first_slot_or_prep)
                .unwrap_or(plain.len() - 1),
        };
        let trigger = self.parse_words(plain[ti].1, file, n)?;
        let mut words = Vec::new();
        for (j, (_, w)) in plain.iter().enumerate() {
            if j != ti {
                words.push(self.parse_words(w, file, n)?);
            }
        }
        // a verb pattern's subject slot is written first: "$T receive visit from $S"
        if kind == TriggerKind::Verb && matches!(source, Some(Slot::Object)) && toks[0] == "$S" {
            source = Some(Slot::Subject);
        }
        Ok(Pattern {
            code: code.into(),
            reverse: None,
            kind,
            trigger,
            words,
            before: Vec::new(),
            joined: Vec::new(),
            before_joined: Vec::new(),
            subject,
            target,
            source,
            text: line.into(),
            origin: format!("{file}:{n}").into(),
        })
    }

    /// Reads light verbs: one per line, `lemma [particle]`.
    pub fn read_light(&mut self, src: &str, file: &str) -> Result<()> {
        for (i, raw) in src.lines().enumerate() {
            let line = strip_comment(raw);
            let mut w = line.split_whitespace();
            let Some(verb) = w.next() else { continue };
            let particle = w.next().map(|p| p.to_lowercase().into_boxed_str());
            if w.next().is_some() {
                return Err(parse_error(
                    file,
                    i + 1,
                    "a light verb is `lemma [particle]`",
                ));
            }
            self.light.insert(verb.to_lowercase().into(), particle);
        }
        Ok(())
    }

    /// Reads frames (`intent word word ...`) and composition rules (`intent 07 → 033`).
    pub fn read_compose(&mut self, src: &str, file: &str) -> Result<()> {
        for (i, raw) in src.lines().enumerate() {
            let line = strip_comment(raw);
            let mut w = line.split_whitespace();
            let Some(name) = w.next() else { continue };
            let Some(frame) = Frame::from_name(name) else {
                return Err(parse_error(file, i + 1, format!("unknown frame {name:?}")));
            };
            let rest: Vec<&str> = w.collect();
            let arrow = rest.iter().position(|x| *x == "→" || *x == "->");
            match arrow {
                Some(1) if rest.len() == 3 => {
                    let (from, to) = (rest[0], rest[2]);
                    if !from.bytes().all(|b| b.is_ascii_digit())
                        || !to.bytes().all(|b| b.is_ascii_digit())
                    {
                        return Err(parse_error(file, i + 1, "codes are digits"));
                    }
                    self.compose.insert((frame, from.into()), to.into());
                }
                Some(_) => {
                    return Err(parse_error(file, i + 1, "a rule is `frame CODE → CODE`"));
                }
                None => {
                    for word in rest {
                        self.frames.insert(word.to_lowercase().into(), frame);
                    }
                }
            }
        }
        Ok(())
    }
}

/// Case markers: a word from this list right before a slot marks the slot's nominal.
const PREPOSITIONS: &[&str] = &[
    "about",
    "across",
    "after",
    "against",
    "along",
    "amid",
    "among",
    "around",
    "as",
    "at",
    "before",
    "behind",
    "beside",
    "between",
    "beyond",
    "by",
    "despite",
    "during",
    "for",
    "from",
    "in",
    "inside",
    "into",
    "near",
    "of",
    "off",
    "on",
    "onto",
    "outside",
    "over",
    "past",
    "per",
    "since",
    "than",
    "through",
    "throughout",
    "to",
    "toward",
    "towards",
    "under",
    "until",
    "upon",
    "via",
    "with",
    "within",
    "without",
];

pub(crate) fn is_preposition(w: &str) -> bool {
    PREPOSITIONS.contains(&w)
}

fn strip_comment(line: &str) -> &str {
    line.split_once('#').map_or(line, |(a, _)| a)
}

/// A named list of words: `&name word ...` in `sets.txt`, `@name word ...`
/// in `words.txt`.
pub(crate) struct NamedBlock<'a> {
    /// Line of the name (1-based).
    pub line: usize,
    /// The name, without its sigil.
    pub name: &'a str,
    /// Its words with their lines, continuation lines included.
    pub words: Vec<(usize, &'a str)>,
}

/// Reads `sigil name word word ...` lines, where a line starting with white
/// space continues the block above; `#` starts a comment. `what` names a
/// block in errors ("set", "list").
pub(crate) fn named_blocks<'a>(
    src: &'a str,
    file: &str,
    sigil: char,
    what: &str,
) -> Result<Vec<NamedBlock<'a>>> {
    let mut out: Vec<NamedBlock<'a>> = Vec::new();
    for (i, raw) in src.lines().enumerate() {
        let line = strip_comment(raw);
        if line.trim().is_empty() {
            continue;
        }
        let mut words = line.split_whitespace();
        if !raw.starts_with([' ', '\t']) {
            let head = words.next().unwrap_or_default();
            let Some(name) = head.strip_prefix(sigil) else {
                return Err(parse_error(
                    file,
                    i + 1,
                    format!("a {what} line starts with {sigil}name"),
                ));
            };
            out.push(NamedBlock {
                line: i + 1,
                name,
                words: Vec::new(),
            });
        }
        let Some(b) = out.last_mut() else {
            return Err(parse_error(
                file,
                i + 1,
                format!("continuation line before any {what}"),
            ));
        };
        b.words.extend(words.map(|w| (i + 1, w)));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compile(verbs: &str, nouns: &str) -> Result<Patterns> {
        let mut p = Patterns::default();
        p.read_sets("&arms weapon arm\n  missile\n", "sets.txt")?;
        p.read_patterns(verbs, "verbs.txt", TriggerKind::Verb)?;
        p.read_patterns(nouns, "nouns.txt", TriggerKind::Noun)?;
        Ok(p)
    }

    #[test]
    fn verb_patterns_compile_into_slots_and_words() {
        let p = compile(
            "042 visit $T\n040 meet with $T # talks\n0332 send &arms to $T\n043 $T receive visit from $S\n",
            "195 air strike against|on $T\n",
        )
        .unwrap();
        assert_eq!(p.len(), 5);
        let meet = p.get(p.triggered_by(TriggerKind::Verb, "meet")[0]);
        assert_eq!(&*meet.code, "040");
        assert_eq!(meet.target, Some(Slot::Prep(Words(vec!["with".into()]))));
        let send = p.get(p.triggered_by(TriggerKind::Verb, "send")[0]);
        assert_eq!(send.words[0].0.len(), 3);
        assert!(send.words[0].matches("missile", "missiles"));
        assert_eq!(send.specificity(), 3);
        let receive = p.get(p.triggered_by(TriggerKind::Verb, "receive")[0]);
        assert_eq!(receive.target, Some(Slot::Subject));
        assert!(matches!(receive.source, Some(Slot::Prep(_))));
        let strike = p.get(p.triggered_by(TriggerKind::Noun, "strike")[0]);
        assert_eq!(strike.words, vec![Words(vec!["air".into()])]);
        assert!(p.triggered_by(TriggerKind::Verb, "strike").is_empty());
    }

    #[test]
    fn subject_words_are_read_apart_from_the_trigger() {
        let p = compile("1831 ^suicide kill $T\n1832 ^car|truck ^bomb kill $T\n", "").unwrap();
        let kill = p.triggered_by(TriggerKind::Verb, "kill");
        let (suicide, car) = (p.get(kill[0]), p.get(kill[1]));
        assert_eq!(suicide.trigger, Words(vec!["kill".into()]));
        assert_eq!(suicide.subject, vec![Words(vec!["suicide".into()])]);
        assert!(suicide.words.is_empty());
        assert_eq!(car.subject.len(), 2);
        assert_eq!(car.specificity(), 3);
        let e = compile("", "183 ^bomb attack on $T\n").unwrap_err();
        assert!(
            e.to_string().starts_with("nouns.txt:1: subject words"),
            "{e}"
        );
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = compile("042 visit $T\n\n04-2 meet $T\n", "").unwrap_err();
        assert_eq!(e.to_string(), "verbs.txt:3: bad CAMEO code \"04-2\"");
        let e = compile("042 visit &nothing\n", "").unwrap_err();
        assert!(e.to_string().starts_with("verbs.txt:1: unknown set"), "{e}");
        let e = compile("042 $T $T\n", "").unwrap_err();
        assert!(e.to_string().contains("written twice"), "{e}");
    }

    #[test]
    fn composition_takes_the_longest_prefix() {
        let mut p = Patterns::default();
        p.read_compose(
            "intent agree pledge\nintent 07 → 033\nintent 072 -> 0332\n",
            "c",
        )
        .unwrap();
        assert_eq!(p.frame("pledge"), Some(Frame::Intent));
        assert_eq!(p.compose(Frame::Intent, "072"), Some("0332"));
        assert_eq!(p.compose(Frame::Intent, "070"), Some("033"));
        assert_eq!(p.compose(Frame::Threat, "070"), None);
        assert!(p.read_compose("wish 07 → 033\n", "c").is_err());
    }

    #[test]
    fn builtin_dictionary_compiles() {
        let p = Patterns::try_builtin().unwrap();
        assert!(p.len() > 100, "{}", p.len());
        assert!(p.light("launch").is_some());
        assert_eq!(p.frame("threaten"), Some(Frame::Threat));
        assert!(p.words(WordList::Human).iter().any(|w| &**w == "civilian"));
        assert!(Patterns::default()
            .word_lists()
            .contains(WordList::Days, "today"));
    }

    #[test]
    fn an_unknown_word_list_is_an_error_naming_the_line() {
        let mut p = Patterns::default();
        let e = p
            .read_words("# people\n@human man woman\n@humen child\n", "words.txt")
            .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("words.txt:3: unknown word list @humen"),
            "{e}"
        );
    }
}
