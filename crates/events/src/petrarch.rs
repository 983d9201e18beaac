//! Reading PETRARCH2 verb dictionaries (`CAMEO.2.0.txt`,
//! `PETR.Validate.verbs.txt`) into khaldun [`Pattern`]s.
//!
//! The format, and how each construct is mapped onto khaldun's
//! dependency-based matcher:
//!
//! - **Synsets**: `&NAME` then `+MEMBER` lines (`_` or spaces join the words
//!   of a member; a member may be another `&SET`). Single-word members
//!   become one alternative ([`Words`]), with their regular plural unless
//!   written with a final `_` (`+CASH_`); each multi-word member becomes its
//!   own copy of the pattern, its words all required. Pattern words match
//!   the text as written, not its lemmas ("RESOLUTION" is not "resolutions").
//! - **Verb blocks**: `--- NAME [code] ---`, then verb lines: `VERB {FORMS}
//!   [code]` (the forms are inflections: any of them triggers), `+WORD_WORD`
//!   or `WORD_+VERB` multi-word verbs (the `+`-marked word, else the first, is
//!   the verb; the other words are required context; "WIRE_+TAP" also
//!   matches with "wire" tagged as the verb and "tap" right after it), then
//!   patterns. Every
//!   verb codes the block's code (or its own) when no pattern matches
//!   (only a word tagged as a verb triggers, not an adjective "close"; a
//!   regular ending must be PETRARCH's: "departs", not "departes"):
//!   `[---]` means no event. Verbs are matched on the word as written
//!   (lemma or lower-cased form): `MET` matches "met", `MEET` "meets".
//! - **Patterns**: `- words * words [code]`. `*` is the verb. Words after it
//!   must be in the verb's phrase (below it in the tree, after it) in the
//!   written order; words before it
//!   must precede it and be its dependents, its ancestors ("SAID WOULD *":
//!   "said" governs the verb) or theirs. `{A B}` is a multi-word noun and
//!   `(PREP NOUN)` a prepositional phrase: flattened into required words,
//!   since the tree gives their relations. Words joined by `_` (and the
//!   words of a multi-word synset member) must be consecutive in the text;
//!   words apart by a space may have others between them (`CULTURAL_MEMOS`
//!   misses "cultural internal memos", `CULTURAL MEMOS` does not).
//! - **Slots**: `+` is the target, `$` the source, `%` a compound actor
//!   acting on itself. Before `*`, `+` is the subject (with a passive
//!   auxiliary in the pattern, "+ WAS *", the passive subject) and `$` is
//!   the default source (the subject). After `*`, a slot right after a
//!   preposition (`(TO +)`, `(AGAINST) +`, `FROM $`) is that preposition's
//!   nominal; right after another word, the next actor after it
//!   ([`Slot::Next`]: "* MONEY $"); after `WORD ^`, the next actor after the
//!   phrase that follows WORD ("* IFTAR IN ^ +": not the place but the actor
//!   after it); right after `*`, the object. With no `+` the target is PETRARCH's
//!   default, the first actor of the verb phrase ([`Slot::Any`]: after the
//!   verb, however deep); `%` before `*` leaves no target, so a compound
//!   subject acts on itself.
//! - **Voice**: a passive verb swaps its subject and object only with a
//!   `by` agent; without one its subject is the source, as PETRARCH reads
//!   it ("X was criticized over its dispute with Y": X criticizes Y).
//! - **Codes**: `[A]`; `[A:B]` codes A from source to target and B from
//!   target to source (`MET [031:032]`); `[:B]` only the latter; `[---]` a
//!   null pattern that matches and codes nothing. A code is digits, perhaps
//!   with letters after (`174K`); a placeholder (`[+++]`, `[xxy]`,
//!   `[025?]`) leaves the pattern out, so a less specific one applies.
//!
//! - **Transformations** (`~ a (a b ATTACK) SAY = a b 015`, rewriting an
//!   event reported by another actor) are skipped: khaldun composes nested
//!   events with its own frames (`compose.txt`).
//!
//! `#` starts a comment (not inside `[...]`: `[###]` is a code);
//! `<!-- ... -->` blocks are skipped. Errors name the file and line.

use crate::error::{parse_error, Error, Result};
use crate::patterns::{is_preposition, Pattern, Patterns, Slot, TriggerKind, Words};
use std::collections::HashMap;
use std::path::Path;

/// The most copies a pattern is expanded into for multi-word synset members.
const MAX_COPIES: usize = 64;

impl Patterns {
    /// The built-in light verbs and composition rules with the verb patterns
    /// of a PETRARCH2 dictionary instead of the built-in patterns.
    pub fn with_petrarch_verbs(path: &Path) -> Result<Patterns> {
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let text = String::from_utf8_lossy(&bytes);
        let name = path.display().to_string();
        let mut p = Patterns::builtin_rules()?;
        p.read_petrarch_verbs(&text, &name)?;
        Ok(p)
    }

    /// Reads a PETRARCH2 verb dictionary. Malformed lines are errors; a
    /// pattern naming an undefined synset (CAMEO.2.0.txt has one) is left
    /// out with a warning (`file:line: message`), returned.
    pub fn read_petrarch_verbs(&mut self, src: &str, file: &str) -> Result<Vec<String>> {
        let d = parse(src, file)?;
        let mut syn = Synsets {
            raw: &d.synsets,
            done: HashMap::new(),
            file,
        };
        let mut warnings = Vec::new();
        for b in &d.blocks {
            compile_block(self, b, &mut syn, file, &mut warnings)?;
        }
        Ok(warnings)
    }
}

/// One line's content: its number and the text without comments.
struct Line<'a> {
    n: usize,
    text: &'a str,
}

struct Block<'a> {
    header: Line<'a>,
    code: Code,
    verbs: Vec<Line<'a>>,
    patterns: Vec<Line<'a>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Code {
    forward: Box<str>,
    reverse: Option<Box<str>>,
}

impl Code {
    /// Whether both sides are CAMEO codes (digits, perhaps with a letter
    /// for a sub-code: `174K`) or empty: placeholders (`[+++]`, `[###]`,
    /// `[xxy]`, `[025?]`) code no event, and the pattern is passed over so
    /// a less specific one applies.
    fn is_cameo(&self) -> bool {
        let ok = |c: &str| {
            let digits = c.bytes().take_while(u8::is_ascii_digit).count();
            (c.is_empty() || digits > 0) && c.bytes().skip(digits).all(|b| b.is_ascii_alphabetic())
        };
        ok(&self.forward) && self.reverse.as_deref().is_none_or(ok)
    }
}

struct Dict<'a> {
    synsets: HashMap<String, Vec<Line<'a>>>,
    blocks: Vec<Block<'a>>,
}

enum Mode {
    None,
    Synset(String),
    Block,
}

fn parse<'a>(src: &'a str, file: &str) -> Result<Dict<'a>> {
    let mut d = Dict {
        synsets: HashMap::new(),
        blocks: Vec::new(),
    };
    let mut mode = Mode::None;
    let mut in_xml = false;
    for (i, raw) in src.lines().enumerate() {
        let n = i + 1;
        let mut line = raw;
        if in_xml {
            match line.find("-->") {
                Some(k) => {
                    in_xml = false;
                    line = &line[k + 3..];
                }
                None => continue,
            }
        }
        if let Some(k) = line.find("<!--") {
            match line[k..].find("-->") {
                Some(_) => line = &line[..k],
                None => {
                    in_xml = true;
                    line = &line[..k];
                }
            }
        }
        let text = strip_comment(line).trim();
        if text.is_empty() {
            continue;
        }
        let l = Line { n, text };
        if text.starts_with('~') {
            // a transformation of nested events: khaldun's frames compose instead
            continue;
        }
        if text.starts_with("---") {
            let inner = text.trim_start_matches('-').trim_end_matches('-').trim();
            let code = match inner.find('[') {
                Some(k) => read_code(&inner[k..], file, n)?.0,
                None => return Err(parse_error(file, n, "a verb block header needs a [code]")),
            };
            d.blocks.push(Block {
                header: l,
                code,
                verbs: Vec::new(),
                patterns: Vec::new(),
            });
            mode = Mode::Block;
        } else if let Some(name) = text.strip_prefix('&') {
            let name = syn_name(name.split_whitespace().next().unwrap_or_default());
            if name.is_empty() {
                return Err(parse_error(file, n, "a synset needs a name"));
            }
            d.synsets.entry(name.clone()).or_default();
            mode = Mode::Synset(name);
        } else if text.starts_with('-') {
            let Some(b) = d.blocks.last_mut() else {
                return Err(parse_error(file, n, "a pattern before any verb block"));
            };
            b.patterns.push(l);
        } else {
            match &mode {
                Mode::Synset(name) if text.starts_with('+') => {
                    if let Some(s) = d.synsets.get_mut(name) {
                        s.push(l);
                    }
                }
                Mode::Synset(_) | Mode::Block => {
                    let Some(b) = d.blocks.last_mut() else {
                        return Err(parse_error(file, n, "a verb line outside a verb block"));
                    };
                    if !b.patterns.is_empty() {
                        return Err(parse_error(
                            file,
                            n,
                            format!("a verb line after the block's patterns: {text:?}"),
                        ));
                    }
                    b.verbs.push(l);
                }
                Mode::None => {
                    return Err(parse_error(
                        file,
                        n,
                        format!("a line outside any synset or verb block: {text:?}"),
                    ))
                }
            }
        }
    }
    Ok(d)
}

/// Cuts a `#` comment; a `#` inside `[...]` is part of a code (`[###]`).
fn strip_comment(line: &str) -> &str {
    let mut in_code = false;
    for (i, c) in line.char_indices() {
        match c {
            '[' => in_code = true,
            ']' => in_code = false,
            '#' if !in_code => return &line[..i],
            _ => {}
        }
    }
    line
}

fn syn_name(s: &str) -> String {
    s.trim_start_matches('&')
        .trim_end_matches('_')
        .to_ascii_uppercase()
}

/// `[A]`, `[A:B]`, `[:B]`, `[---]` at the start of `s`; returns the code and
/// the text after `]`.
fn read_code<'s>(s: &'s str, file: &str, n: usize) -> Result<(Code, &'s str)> {
    let s = s.trim_start();
    let Some(body) = s.strip_prefix('[') else {
        return Err(parse_error(file, n, "expected [code]"));
    };
    let Some((inner, rest)) = body.split_once(']') else {
        return Err(parse_error(file, n, "unclosed [code"));
    };
    let inner = inner.trim();
    let norm = |c: &str| -> Result<Box<str>> {
        let c = c.trim();
        if c.chars().all(|ch| ch == '-') {
            return Ok("".into());
        }
        if c.chars().any(char::is_whitespace) {
            return Err(parse_error(file, n, format!("bad code [{inner}]")));
        }
        Ok(c.into())
    };
    let code = match inner.split_once(':') {
        Some((a, b)) => Code {
            forward: norm(a)?,
            reverse: Some(norm(b)?).filter(|r| !r.is_empty()),
        },
        None if inner.is_empty() => return Err(parse_error(file, n, "empty [code]")),
        None => Code {
            forward: norm(inner)?,
            reverse: None,
        },
    };
    Ok((code, rest))
}

/// Synsets expanded on demand: single-word members together, multi-word ones apart.
struct Synsets<'a, 'f> {
    raw: &'a HashMap<String, Vec<Line<'a>>>,
    done: HashMap<String, Expanded>,
    file: &'f str,
}

#[derive(Debug, Clone, Default)]
struct Expanded {
    single: Vec<Box<str>>,
    multi: Vec<Vec<Box<str>>>,
}

impl Synsets<'_, '_> {
    fn get(&mut self, name: &str, n: usize, depth: u8) -> Result<Expanded> {
        let key = syn_name(name);
        if let Some(e) = self.done.get(&key) {
            return Ok(e.clone());
        }
        let Some(lines) = self.raw.get(&key) else {
            return Err(parse_error(self.file, n, format!("unknown synset &{key}")));
        };
        if depth > 8 {
            return Err(parse_error(
                self.file,
                n,
                format!("synset &{key} refers to itself"),
            ));
        }
        let mut e = Expanded::default();
        for l in lines {
            let member = l.text.trim_start_matches('+');
            let words = split_words(member);
            match words.as_slice() {
                [] => {}
                [w] if w.starts_with('&') => {
                    let inner = self.get(w, l.n, depth + 1)?;
                    e.single.extend(inner.single);
                    e.multi.extend(inner.multi);
                }
                [w] => {
                    let w = w.to_lowercase();
                    // PETRARCH adds a member's regular plural unless it ends in `_`
                    let p = (!member.trim_end().ends_with('_')).then(|| plural(&w));
                    e.single.push(w.into());
                    e.single.extend(p.map(Into::into));
                }
                ws => {
                    if ws.iter().any(|w| w.starts_with('&')) {
                        return Err(parse_error(
                            self.file,
                            l.n,
                            "a synset inside a multi-word member",
                        ));
                    }
                    e.multi
                        .push(ws.iter().map(|w| w.to_lowercase().into()).collect());
                }
            }
        }
        self.done.insert(key, e.clone());
        Ok(e)
    }
}

/// The regular plural of a noun ("memos", "ties", "taxes"); irregular ones
/// a dictionary writes out.
fn plural(w: &str) -> String {
    let consonant_y =
        w.len() > 1 && w.ends_with('y') && !w[..w.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']);
    if consonant_y {
        format!("{}ies", &w[..w.len() - 1])
    } else if w.ends_with(['s', 'x', 'z']) || w.ends_with("ch") || w.ends_with("sh") {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

/// Whether a verb `form` may stand for `lemma` as PETRARCH conjugates it:
/// a regular ending must be the right one ("departs", "deplored",
/// "acting", not "departes"); an irregular form ("broken", "left") is the
/// tagger's lemma, which a dictionary need not list.
pub(crate) fn regular_form(form: &str, lemma: &str) -> bool {
    let Some(suffix) = form.strip_prefix(lemma).or_else(|| {
        // "deplor|ed", "stud|ies": the stem without its final e or y
        let stem = lemma
            .strip_suffix('e')
            .or_else(|| lemma.strip_suffix('y'))?;
        form.strip_prefix(stem)
    }) else {
        return true;
    };
    if !matches!(suffix, "s" | "es" | "d" | "ed" | "ing" | "ies" | "ied") || lemma.len() < 2 {
        return true;
    }
    let vowel = |c: char| "aeiou".contains(c);
    let last = lemma.chars().last().unwrap_or('a');
    let before_last = lemma.chars().rev().nth(1).unwrap_or('a');
    let consonant_y = last == 'y' && !vowel(before_last);
    let sibilant =
        lemma.ends_with(['s', 'x', 'z', 'o']) || lemma.ends_with("ch") || lemma.ends_with("sh");
    let stem = lemma.strip_suffix('e').filter(|s| !s.ends_with('e'));
    let ok = [
        if consonant_y {
            format!("{}ies", &lemma[..lemma.len() - 1])
        } else if sibilant {
            format!("{lemma}es")
        } else {
            format!("{lemma}s")
        },
        if consonant_y {
            format!("{}ied", &lemma[..lemma.len() - 1])
        } else if last == 'e' {
            format!("{lemma}d")
        } else {
            format!("{lemma}ed")
        },
        match stem {
            Some(s) => format!("{s}ing"),
            None => format!("{lemma}ing"),
        },
    ];
    // "goes", "vetoes" and "echos" alike
    ok.iter().any(|f| f == form) || (last == 'o' && form == format!("{lemma}s"))
}

/// Words of a phrase: `_` and white space separate them; `{`, `}`, `(`, `)`, `*` stand alone.
fn split_words(s: &str) -> Vec<String> {
    split_joined(s).into_iter().map(|(w, _)| w).collect()
}

/// [`split_words`], each word with whether only `_` separates it from the
/// word before: PETRARCH matches `_`-joined words as consecutive text
/// ("CULTURAL_MEMOS"), space-separated ones with other words between.
fn split_joined(s: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    // the separator since the last token: None (none yet or a space), Some(true) `_` only
    let mut joined = false;
    let mut cur_joined = false;
    for ch in s.chars() {
        match ch {
            '_' | ' ' | '\t' => {
                if !cur.is_empty() {
                    out.push((std::mem::take(&mut cur), cur_joined));
                    joined = ch == '_';
                } else if ch != '_' {
                    joined = false;
                }
            }
            '{' | '}' | '(' | ')' | '*' => {
                if !cur.is_empty() {
                    out.push((std::mem::take(&mut cur), cur_joined));
                    joined = false;
                }
                out.push((ch.to_string(), joined));
                joined = ch == '*';
            }
            _ => {
                if cur.is_empty() {
                    cur_joined = joined;
                }
                cur.push(ch);
            }
        }
    }
    if !cur.is_empty() {
        out.push((cur, cur_joined));
    }
    out
}

/// A verb of a block: its trigger forms, context words, own code.
struct Verb {
    forms: Vec<Box<str>>,
    before: Vec<Box<str>>,
    after: Vec<Box<str>>,
    code: Option<Code>,
    n: usize,
}

fn read_verb(l: &Line, file: &str) -> Result<Verb> {
    let (text, code) = match l.text.find('[') {
        Some(k) => (&l.text[..k], Some(read_code(&l.text[k..], file, l.n)?.0)),
        None => (l.text, None),
    };
    let (main, forms) = match text.split_once('{') {
        Some((a, b)) => {
            let Some((f, _)) = b.split_once('}') else {
                return Err(parse_error(file, l.n, "unclosed {forms"));
            };
            (a, f)
        }
        None => (text, ""),
    };
    let main = main.trim().trim_start_matches('+');
    let words = split_words(main);
    if words.is_empty() {
        return Err(parse_error(file, l.n, "a verb line with no verb"));
    }
    // the verb is the word marked `+`, else the first
    let vi = words.iter().position(|w| w.starts_with('+')).unwrap_or(0);
    let clean = |w: &str| -> Box<str> { w.trim_start_matches('+').to_lowercase().into() };
    let mut v = Verb {
        forms: vec![clean(&words[vi])],
        before: words[..vi].iter().map(|w| clean(w)).collect(),
        after: words[vi + 1..].iter().map(|w| clean(w)).collect(),
        code,
        n: l.n,
    };
    for f in forms.split_whitespace() {
        let fw = split_words(f.trim_start_matches('+'));
        let fi = fw
            .iter()
            .position(|w| w.starts_with('+'))
            .unwrap_or(vi.min(fw.len().saturating_sub(1)));
        if let Some(w) = fw.get(fi) {
            let w = clean(w);
            if !v.forms.contains(&w) {
                v.forms.push(w);
            }
        }
    }
    Ok(v)
}

/// One element of a pattern before synsets are expanded.
#[derive(Debug, Clone)]
enum Elem {
    Word(Box<str>, bool),
    Syn(String, bool),
}

impl Elem {
    /// Joined by `_` to the token written before it (a word or `*`).
    fn joined(&self) -> bool {
        match self {
            Elem::Word(_, j) | Elem::Syn(_, j) => *j,
        }
    }
}

/// A parsed pattern line.
struct Parsed {
    before: Vec<Elem>,
    after: Vec<Elem>,
    target: Option<Slot>,
    source: Option<Slot>,
    code: Code,
    text: Box<str>,
    /// `*` joined by `_` to the last word before it.
    star_joined: bool,
}

fn parse_pattern(l: &Line, file: &str) -> Result<Parsed> {
    let body = l.text.trim_start_matches('-').trim();
    let Some(k) = body.find('[') else {
        return Err(parse_error(file, l.n, "a pattern needs a [code]"));
    };
    let (code, _) = read_code(&body[k..], file, l.n)?;
    let toks = split_joined(&body[..k]);
    let mut star = false;
    // whether `*` is joined to the word before it ("REALLY_*")
    let mut star_joined = false;
    // whether the token before is a word or `*` (what `_` can join to)
    let mut prev_joinable = false;
    let mut before: Vec<Elem> = Vec::new();
    let mut after: Vec<Elem> = Vec::new();
    let (mut target, mut source) = (None, None);
    let mut compound = false;
    let mut pre_slots: Vec<char> = Vec::new();
    // inside (...): the preposition and whether a slot took it
    let mut paren: Option<(Option<usize>, bool)> = None;
    // a just-closed (PREP) with nothing else: "(AGAINST) +"
    let mut bare_prep: Option<usize> = None;
    let mut depth_brace = 0u8;
    // a `^` since the last word after the verb: the slot skips a phrase
    let mut skip = false;
    for (t, tj) in &toks {
        let t = t.as_str();
        let closed_bare = bare_prep.take();
        let joinable = std::mem::replace(&mut prev_joinable, false);
        match t {
            "*" => {
                if star {
                    return Err(parse_error(file, l.n, "a pattern with two *"));
                }
                star = true;
                star_joined = *tj && joinable;
                prev_joinable = true;
            }
            "^" => {
                bare_prep = closed_bare;
                skip = star;
            }
            "(" => paren = Some((None, false)),
            ")" => {
                if let Some((Some(pi), taken)) = paren.take() {
                    let only_prep = !taken && after.len() == pi + 1;
                    if only_prep && star {
                        bare_prep = Some(pi);
                    }
                }
            }
            "{" => depth_brace += 1,
            "}" => depth_brace = depth_brace.saturating_sub(1),
            "$" | "+" | "%" => {
                if !star {
                    pre_slots.push(t.chars().next().unwrap_or('+'));
                    if t == "%" {
                        compound = true;
                    }
                    continue;
                }
                // after `WORD ^`: the actor after the phrase that follows WORD
                if std::mem::take(&mut skip) {
                    if let Some(Elem::Word(w, _)) = after.last() {
                        let dest = if t == "$" { &mut source } else { &mut target };
                        if dest.is_some() {
                            return Err(parse_error(file, l.n, format!("{t} written twice")));
                        }
                        *dest = Some(Slot::Next(Words(vec![w.clone()]), true));
                        continue;
                    }
                }
                // after the verb: a preposition right before, else the object
                let prep_at = match (&mut paren, closed_bare) {
                    (Some((Some(pi), taken)), _) if !*taken && after.len() == *pi + 1 => {
                        *taken = true;
                        Some(*pi)
                    }
                    (_, Some(pi)) if after.len() == pi + 1 => Some(pi),
                    _ => match after.last() {
                        Some(Elem::Word(w, _)) if is_preposition(w) && depth_brace == 0 => {
                            Some(after.len() - 1)
                        }
                        _ => None,
                    },
                };
                let slot = match (prep_at, after.last()) {
                    (Some(pi), _) => match after.remove(pi) {
                        Elem::Word(w, _) => Slot::Prep(Words(vec![w])),
                        Elem::Syn(..) => Slot::Object,
                    },
                    // after a noun: the next actor ("* MONEY $")
                    (None, Some(Elem::Word(w, _))) if paren.is_none() && depth_brace == 0 => {
                        Slot::Next(Words(vec![w.clone()]), false)
                    }
                    (None, _) => Slot::Object,
                };
                let dest = if t == "$" { &mut source } else { &mut target };
                if dest.is_some() {
                    return Err(parse_error(file, l.n, format!("{t} written twice")));
                }
                *dest = Some(slot);
            }
            _ => {
                skip = false;
                let j = *tj && joinable;
                prev_joinable = true;
                let e = match t.strip_prefix('&') {
                    Some(name) => Elem::Syn(name.to_string(), j),
                    None => Elem::Word(t.to_lowercase().into(), j),
                };
                if let Some((p @ None, _)) = &mut paren {
                    if star {
                        *p = Some(after.len());
                    }
                }
                if star {
                    after.push(e);
                } else {
                    before.push(e);
                }
            }
        }
    }
    if !star {
        return Err(parse_error(file, l.n, "a pattern needs * for the verb"));
    }
    // slots before the verb: `+` is the subject (the passive subject when
    // the pattern has a passive auxiliary), `$` the default source
    let passive = before.iter().any(
        |e| matches!(e, Elem::Word(w, _) if matches!(&**w, "was" | "were" | "been" | "being")),
    );
    let subject = if passive { Slot::Object } else { Slot::Subject };
    let mut subject_taken = false;
    for c in pre_slots {
        match c {
            '+' if target.is_none() && !subject_taken => {
                target = Some(subject.clone());
                subject_taken = true;
            }
            '$' if source.is_none() && !subject_taken => {
                if passive {
                    source = Some(Slot::Object);
                }
                subject_taken = true;
            }
            _ => {}
        }
    }
    if target.is_none() && !compound {
        target = Some(Slot::Any);
    }
    Ok(Parsed {
        before,
        after,
        target,
        source,
        code,
        text: l.text.into(),
        star_joined,
    })
}

/// A pattern word and whether it must directly follow the one before.
type Joined = (Words, bool);

/// Expands synsets: every combination of multi-word members (capped). The
/// words of a multi-word member are consecutive text ("DID N'T").
fn expand(elems: &[Elem], syn: &mut Synsets, n: usize) -> Result<Vec<Vec<Joined>>> {
    let mut out: Vec<Vec<Joined>> = vec![Vec::new()];
    for e in elems {
        let j = e.joined();
        let options: Vec<Vec<Joined>> = match e {
            Elem::Word(w, _) => vec![vec![(Words(vec![w.clone()]), j)]],
            Elem::Syn(name, _) => {
                let x = syn.get(name, n, 0)?;
                let mut o = Vec::new();
                if !x.single.is_empty() {
                    o.push(vec![(Words(x.single.clone()), j)]);
                }
                for m in &x.multi {
                    let ws = m.iter().enumerate();
                    o.push(
                        ws.map(|(k, w)| (Words(vec![w.clone()]), k > 0 || j))
                            .collect(),
                    );
                }
                if o.is_empty() {
                    return Err(parse_error(syn.file, n, format!("empty synset &{name}")));
                }
                o
            }
        };
        let mut next = Vec::new();
        'outer: for prefix in &out {
            for opt in &options {
                if next.len() >= MAX_COPIES {
                    break 'outer;
                }
                let mut v = prefix.clone();
                v.extend(opt.iter().cloned());
                next.push(v);
            }
        }
        out = next;
    }
    Ok(out)
}

fn compile_block(
    p: &mut Patterns,
    b: &Block,
    syn: &mut Synsets,
    file: &str,
    warnings: &mut Vec<String>,
) -> Result<()> {
    let mut verbs = Vec::new();
    for l in &b.verbs {
        verbs.push(read_verb(l, file)?);
    }
    if verbs.is_empty() {
        // a block with no verb lines: the header names the verb
        let name = b.header.text.trim_matches('-').trim();
        let name = name.split('[').next().unwrap_or_default();
        let l = Line {
            n: b.header.n,
            text: name,
        };
        verbs.push(read_verb(&l, file)?);
    }
    let mut parsed = Vec::new();
    for l in &b.patterns {
        parsed.push(parse_pattern(l, file)?);
    }
    // single-word verbs share one trigger; multi-word verbs get their own patterns
    let single: Vec<Box<str>> = verbs
        .iter()
        .filter(|v| v.before.is_empty() && v.after.is_empty())
        .flat_map(|v| v.forms.iter().cloned())
        .collect();
    // (trigger, words before, words after, the first word after joined to it)
    let mut groups: Vec<(Words, Vec<Words>, Vec<Words>, bool)> = Vec::new();
    if !single.is_empty() {
        groups.push((Words(single), Vec::new(), Vec::new(), false));
    }
    for v in verbs
        .iter()
        .filter(|v| !v.before.is_empty() || !v.after.is_empty())
    {
        let w = |xs: &[Box<str>]| xs.iter().map(|x| Words(vec![x.clone()])).collect();
        groups.push((Words(v.forms.clone()), w(&v.before), w(&v.after), false));
        groups.extend(verb_led(v));
    }
    for (pl, q) in b.patterns.iter().zip(&parsed) {
        if !q.code.is_cameo() {
            continue;
        }
        let (befores, afters) = match (expand(&q.before, syn, pl.n), expand(&q.after, syn, pl.n)) {
            (Ok(b), Ok(a)) => (b, a),
            (Err(e), _) | (_, Err(e)) => {
                warnings.push(e.to_string());
                continue;
            }
        };
        for (trigger, vb, va, lead) in &groups {
            for bw in &befores {
                for aw in &afters {
                    let mut before = vb.clone();
                    before.extend(bw.iter().map(|x| x.0.clone()));
                    let mut words = va.clone();
                    words.extend(aw.iter().map(|x| x.0.clone()));
                    // a multi-word verb's own words sit between: no joins to the verb
                    let mut joined: Vec<bool> = vec![false; va.len()];
                    if let Some(j) = joined.first_mut() {
                        *j = *lead;
                    }
                    joined.extend(
                        aw.iter()
                            .enumerate()
                            .map(|(k, x)| x.1 && (k > 0 || va.is_empty())),
                    );
                    let mut before_joined: Vec<bool> = vec![false; vb.len()];
                    before_joined.extend((0..bw.len()).map(|k| match bw.get(k + 1) {
                        Some(next) => next.1,
                        None => q.star_joined && vb.is_empty(),
                    }));
                    p.add_pattern(Pattern {
                        joined,
                        before_joined,
                        code: q.code.forward.clone(),
                        reverse: q.code.reverse.clone(),
                        kind: TriggerKind::Verb,
                        trigger: trigger.clone(),
                        words,
                        before,
                        subject: Vec::new(),
                        target: q.target.clone(),
                        source: q.source.clone(),
                        text: q.text.clone(),
                        origin: format!("{file}:{}", pl.n).into(),
                    });
                }
            }
        }
    }
    // the default pattern of each verb, its own code or the block's, last:
    // on equal scores the patterns written win
    for v in &verbs {
        let code = v.code.clone().unwrap_or_else(|| b.code.clone());
        if !code.is_cameo() {
            continue;
        }
        let multi = !v.before.is_empty() || !v.after.is_empty();
        let w = |xs: &[Box<str>]| xs.iter().map(|x| Words(vec![x.clone()])).collect();
        let default = Pattern {
            code: code.forward,
            reverse: code.reverse,
            kind: TriggerKind::Verb,
            trigger: Words(v.forms.clone()),
            words: if multi { w(&v.after) } else { Vec::new() },
            before: if multi { w(&v.before) } else { Vec::new() },
            subject: Vec::new(),
            target: Some(Slot::Any),
            source: None,
            joined: Vec::new(),
            before_joined: Vec::new(),
            text: b.header.text.into(),
            origin: format!("{file}:{}", v.n).into(),
        };
        if let Some((trigger, before, words, _)) = verb_led(v) {
            let mut joined = vec![false; words.len()];
            joined[0] = true;
            p.add_pattern(Pattern {
                trigger,
                before,
                words,
                joined,
                ..default.clone()
            });
        }
        p.add_pattern(default);
    }
    Ok(())
}

/// "WIRE_+TAP" read the other way round: the word before the verb as the
/// trigger, the verb right after it. The tagger may take the first word of
/// a multi-word verb for the verb and the marked one for its object ("will
/// not wire tap": "tap" a noun).
fn verb_led(v: &Verb) -> Option<(Words, Vec<Words>, Vec<Words>, bool)> {
    let (lead, rest) = v.before.split_last()?;
    let w = |xs: &[Box<str>]| {
        xs.iter()
            .map(|x| Words(vec![x.clone()]))
            .collect::<Vec<_>>()
    };
    let mut after = vec![Words(v.forms.clone())];
    after.extend(w(&v.after));
    Some((Words(vec![lead.clone()]), w(rest), after, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(src: &str) -> Result<Patterns> {
        let mut p = Patterns::default();
        p.read_petrarch_verbs(src, "verbs.txt")?;
        Ok(p)
    }

    fn by<'p>(p: &'p Patterns, verb: &str) -> Vec<&'p Pattern> {
        p.triggered_by(TriggerKind::Verb, verb)
            .iter()
            .map(|&i| p.get(i))
            .collect()
    }

    const SNIPPET: &str = "\
&TIES  # kinds of ties
+MILITARY
+ECONOMIC
+GOLDEN_GOBLIN TRADE

--- RESTORE  [064]  ---
RESTORE {RESTORED RESTORES}
- * &TIES TIES [902]
- NOT * RELATIONS  [112]
- + WAS_ * TO_ ^ FROM $  [174]
- $ * (TO +) (IN BORDER)  [154]
- % * [030:030]
- * DOWN [---]

--- MET  [031:032]  ---
MET
+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN}
WIRE_+TAP [002]
";

    #[test]
    fn blocks_forms_and_default_codes() {
        let p = read(SNIPPET).unwrap();
        let restore = by(&p, "restore");
        let default = restore.last().unwrap(); // after the written patterns
        assert_eq!(&*default.code, "064");
        assert_eq!(default.target, Some(Slot::Any));
        assert_eq!(by(&p, "restored").len(), restore.len());
        let met = by(&p, "met");
        assert_eq!(&*met[0].code, "031");
        assert_eq!(met[0].reverse.as_deref(), Some("032"));
        // multi-word verbs: the marked word triggers, the others are context
        let brk = by(&p, "break");
        assert_eq!(brk[0].words, vec![Words(vec!["down".into()])]);
        assert!(!by(&p, "broke").is_empty());
        let tap = by(&p, "tap");
        assert_eq!(&*tap[0].code, "002");
        assert_eq!(tap[0].before, vec![Words(vec!["wire".into()])]);
    }

    #[test]
    fn synsets_expand_single_and_multi_word_members() {
        let p = read(SNIPPET).unwrap();
        let ties: Vec<_> = by(&p, "restore")
            .into_iter()
            .filter(|x| &*x.code == "902")
            .collect();
        assert_eq!(ties.len(), 2);
        assert_eq!(
            ties[0].words,
            vec![
                Words(vec![
                    "military".into(),
                    "militaries".into(),
                    "economic".into(),
                    "economics".into()
                ]),
                Words(vec!["ties".into()])
            ]
        );
        assert_eq!(ties[1].words.len(), 4); // golden goblin trade ties
    }

    #[test]
    fn slots_and_prepositional_phrases() {
        let p = read(SNIPPET).unwrap();
        let get = |code: &str| {
            by(&p, "restore")
                .into_iter()
                .find(|x| &*x.code == code)
                .unwrap()
        };
        let not = get("112");
        assert_eq!(not.before, vec![Words(vec!["not".into()])]);
        assert_eq!(not.words, vec![Words(vec!["relations".into()])]);
        // passive: the target is the passive subject, the source after "from"
        let ex = get("174");
        assert_eq!(ex.target, Some(Slot::Object));
        assert_eq!(ex.source, Some(Slot::Prep(Words(vec!["from".into()]))));
        assert_eq!(ex.words, vec![Words(vec!["to".into()])]);
        let pp = get("154");
        assert_eq!(pp.target, Some(Slot::Prep(Words(vec!["to".into()]))));
        assert_eq!(pp.source, None);
        assert_eq!(
            pp.words,
            vec![Words(vec!["in".into()]), Words(vec!["border".into()])]
        );
        let compound = get("030");
        assert_eq!(compound.target, None);
        assert_eq!(compound.reverse.as_deref(), Some("030"));
        let null = by(&p, "restore")
            .into_iter()
            .find(|x| x.text.contains("DOWN"))
            .unwrap();
        assert!(null.code.is_empty());
    }

    #[test]
    fn regular_verb_endings() {
        for (form, lemma) in [
            ("departs", "depart"),
            ("deplored", "deplore"),
            ("acting", "act"),
            ("seeing", "see"),
            ("studies", "study"),
            ("goes", "go"),
            ("broken", "break"),
            ("paid", "pay"),
            ("banned", "ban"),
        ] {
            assert!(regular_form(form, lemma), "{form} {lemma}");
        }
        for (form, lemma) in [
            ("departes", "depart"),
            ("deploreing", "deplore"),
            ("studys", "study"),
        ] {
            assert!(!regular_form(form, lemma), "{form} {lemma}");
        }
    }

    #[test]
    fn errors_name_file_and_line() {
        let mut p = Patterns::default();
        let w = p
            .read_petrarch_verbs("--- A [01] ---\nA\n- * &NOPE [02]\n", "verbs.txt")
            .unwrap();
        assert_eq!(w, ["verbs.txt:3: unknown synset &NOPE"]);
        assert_eq!(p.len(), 1);
        let e = read("--- A [01] ---\nA\n\n- * B [02\n").unwrap_err();
        assert_eq!(e.to_string(), "verbs.txt:4: unclosed [code");
        let e = read("- * B [02]\n").unwrap_err();
        assert!(e.to_string().starts_with("verbs.txt:1: "), "{e}");
        let e = read("--- A [01] ---\nA\n- B [02]\n").unwrap_err();
        assert_eq!(e.to_string(), "verbs.txt:3: a pattern needs * for the verb");
        let e = read("--- A ---\n").unwrap_err();
        assert!(e.to_string().starts_with("verbs.txt:1: "), "{e}");
    }
}
