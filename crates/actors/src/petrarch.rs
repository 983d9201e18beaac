//! Reading PETRARCH2 / Phoenix dictionaries into khaldun's actor types.
//!
//! PETRARCH keeps its knowledge in four kinds of text file, all read here:
//!
//! - **actors** (`*.actors.txt`): a base phrase line, `+` synonym lines,
//!   then codes in brackets on the same or following (indented) lines:
//!   `[IRQGOV]`, `[IRQGOV >20050101]` (on or after), `[USR <911226]`
//!   (before), `[AFGGOV 011222-041207]` (inclusive range). Six-digit dates
//!   are `YYMMDD`, years 00–30 being 20YY (PETRARCH's rule); eight-digit
//!   dates are `YYYYMMDD`. Underscores join the words of a phrase.
//!   `[ELR/GAL]`: the name stands for several actors at once ("Lorien" is
//!   Elrond and Galadriel), each getting its own events ([`Role::also`]).
//! - **agents** (`*agents*.txt`): `PHRASE {PLURAL} [~GOV]`; `~` before the
//!   chunks puts them after the actor's code, `NGO~` before it. Regular
//!   plurals are generated (`{}` suppresses them, `{X}` gives an irregular
//!   one). `!PERSON! = MAN, MEN, ...` defines a substitution set used as
//!   `CONGRESS!PERSON!`; each member is substituted, without plurals.
//! - **discards** (`*discards*.txt`): phrases that void a sentence, or the
//!   whole story when prefixed by `+`.
//! - **issues** (`*Issue*.txt`): `<ISSUE CATEGORY=".." TYPE="..">` blocks of
//!   `phrase [CODE]` lines; `~` and `~~` lines are exclusions, kept as such.
//!
//! `#` starts a comment; `<!-- ... -->` blocks are skipped. Reading is
//! lenient: anything malformed or unknown becomes a [`Warning`] naming the
//! file and line, and the entry (or the one code) is left out. Only I/O
//! failures are errors; [`PetrarchSet::check`] turns the first warning into
//! an error for those who want strictness.
//!
//! Entries become [`Actor`]s of kind [`ActorKind::Listed`], except that an
//! entry with any dated code is taken as a [`ActorKind::Person`] (Phoenix's
//! dated entries are office holders), and `IGO`/`NGO`/`IMG`/`MNC` roots give
//! [`ActorKind::Igo`], [`ActorKind::Ngo`], [`ActorKind::ArmedGroup`] and
//! [`ActorKind::Business`].

use crate::actor::{Actor, ActorKind, Agent, Name, NameForm, Origin, Placement, Role};
use crate::code::{ChunkKind, Code};
use crate::date::{Date, DateRange};
use crate::error::{Error, Result};
use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

/// The kind of a PETRARCH dictionary file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DictKind {
    /// Actors with codes.
    Actors,
    /// Agents (role nouns).
    Agents,
    /// Discard phrases.
    Discards,
    /// Issue phrases.
    Issues,
}

impl DictKind {
    /// The kind a file name suggests (`Phoenix.agents.txt` → agents), if any.
    /// Verb, preposition and XML files give `None`.
    pub fn guess(file_name: &str) -> Option<DictKind> {
        let n = file_name.to_ascii_lowercase();
        if !n.ends_with(".txt") {
            return None;
        }
        if n.contains("actors") {
            Some(DictKind::Actors)
        } else if n.contains("agents") {
            Some(DictKind::Agents)
        } else if n.contains("discards") {
            Some(DictKind::Discards)
        } else if n.contains("issue") {
            Some(DictKind::Issues)
        } else {
            None
        }
    }
}

/// Something in a dictionary that was left out or read with a guess.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// File name.
    pub file: Arc<str>,
    /// 1-based line (0 for the whole file).
    pub line: usize,
    /// What was wrong and what was done.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// A discard phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discard {
    /// The phrase, words separated by single spaces.
    pub phrase: String,
    /// True when it voids the whole story (`+`), not just the sentence.
    pub story: bool,
    /// Where it was defined.
    pub origin: Origin,
}

/// One line of an issue block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueRule {
    /// The phrase in PETRARCH's notation (`n:` marks a noun, `+` joins words).
    pub phrase: String,
    /// The issue code (`EARLY_CHILDHOOD_EDUCATION`); `None` for exclusions.
    pub code: Option<String>,
    /// 0 for a coding phrase, 1 for a `~` exclusion, 2 for a `~~` exclusion.
    pub exclusion: u8,
    /// 1-based line.
    pub line: u32,
}

/// An `<ISSUE>` block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// The `CATEGORY` attribute.
    pub category: String,
    /// The `TYPE` attribute (`ALL`, `COUNTEVENT`).
    pub kind: String,
    /// Its lines.
    pub rules: Vec<IssueRule>,
    /// Where the block starts.
    pub origin: Origin,
}

/// Everything read from a set of PETRARCH dictionaries.
#[derive(Debug, Clone, Default)]
pub struct PetrarchSet {
    /// Actors, in file order.
    pub actors: Vec<Actor>,
    /// Agents, substitutions and plurals expanded.
    pub agents: Vec<Agent>,
    /// Discard phrases.
    pub discards: Vec<Discard>,
    /// Issue blocks.
    pub issues: Vec<Issue>,
    /// What was left out or guessed, with file and line.
    pub warnings: Vec<Warning>,
    /// Files read, with their kind.
    pub files: Vec<(String, DictKind)>,
    /// Files in the folder that are not dictionaries of a known kind.
    pub skipped: Vec<String>,
}

impl PetrarchSet {
    /// An empty set.
    pub fn new() -> PetrarchSet {
        PetrarchSet::default()
    }

    /// Reads every dictionary in `dir` whose kind [`DictKind::guess`]
    /// recognizes, in file-name order.
    pub fn read_dir(dir: &Path) -> Result<PetrarchSet> {
        let io = |source| Error::Io {
            path: dir.to_path_buf(),
            source,
        };
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| e.file_name().into_string().ok())
            .collect();
        names.sort();
        let mut set = PetrarchSet::new();
        for n in names {
            match DictKind::guess(&n) {
                Some(kind) => set.read_file(&dir.join(&n), kind)?,
                None => set.skipped.push(n),
            }
        }
        Ok(set)
    }

    /// Reads one file of kind `kind`; invalid UTF-8 is replaced, with a warning.
    pub fn read_file(&mut self, path: &Path, kind: DictKind) -> Result<()> {
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let text = String::from_utf8_lossy(&bytes);
        if matches!(text, std::borrow::Cow::Owned(_)) {
            self.warnings.push(Warning {
                file: Arc::from(name.as_str()),
                line: 0,
                message: "invalid UTF-8 replaced by U+FFFD".into(),
            });
        }
        self.read_str(kind, &text, &name);
        Ok(())
    }

    /// Reads dictionary text of kind `kind`; `file` names it in warnings.
    pub fn read_str(&mut self, kind: DictKind, src: &str, file: &str) {
        let file: Arc<str> = Arc::from(file);
        self.files.push((file.to_string(), kind));
        let mut r = Reader {
            set: self,
            file: file.clone(),
        };
        match kind {
            DictKind::Actors => r.actors(src),
            DictKind::Agents => r.agents(src),
            DictKind::Discards => r.discards(src),
            DictKind::Issues => r.issues(src),
        }
    }

    /// The first warning as an error, for callers that want strict reading.
    pub fn check(&self) -> Result<()> {
        match self.warnings.first() {
            Some(w) => Err(Error::parse(&w.file, w.line, w.message.clone())),
            None => Ok(()),
        }
    }
}

/// Content lines of a file: numbered, comments (`#`, `<!-- -->`) cut, trimmed.
fn content_lines(src: &str) -> impl Iterator<Item = (usize, &str, bool)> {
    let mut in_xml = false;
    src.lines().enumerate().filter_map(move |(i, raw)| {
        let mut line = raw;
        if in_xml {
            match line.find("-->") {
                Some(p) => {
                    in_xml = false;
                    line = &line[p + 3..];
                }
                None => return None,
            }
        }
        if line.trim_start().starts_with("<!") {
            in_xml = !line.contains("-->");
            return None;
        }
        let indented = line.starts_with([' ', '\t']);
        let line = line.split('#').next().unwrap_or("").trim();
        (!line.is_empty()).then_some((i + 1, line, indented))
    })
}

/// A phrase as PETRARCH writes it (`THE_UNITED_NATIONS_`) as words (`THE UNITED NATIONS`).
fn phrase(s: &str) -> String {
    s.split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A PETRARCH date: `YYMMDD` (00–30 → 20YY) or `YYYYMMDD`.
fn petr_date(s: &str) -> Option<Date> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| s[r].parse::<u16>().ok();
    match s.len() {
        6 => {
            let yy = n(0..2)?;
            let year = if yy <= 30 { 2000 + yy } else { 1900 + yy };
            Date::new(year, n(2..4)? as u8, n(4..6)? as u8)
        }
        8 => Date::new(n(0..4)?, n(4..6)? as u8, n(6..8)? as u8),
        _ => None,
    }
}

/// A role read from `[...]`: its codes (several for `[ELR/GAL]`, a name
/// standing for several actors), dates and a note on how it was read.
type ParsedCode = (Code, Vec<Code>, DateRange, Option<String>);

/// The code and date restriction inside `[...]`.
fn parse_code(inner: &str) -> std::result::Result<ParsedCode, String> {
    let mut tokens = inner.split_whitespace();
    let raw = tokens.next().ok_or("empty code")?;
    let rest: String = tokens.collect();
    if raw.chars().all(|c| matches!(c, '-' | '+' | '#')) {
        return Err(format!(
            "null code {raw:?} (TABARI's \"do not code\") left out"
        ));
    }
    let upper = raw.to_ascii_uppercase();
    let mut codes = upper
        .split('/')
        .map(|c| Code::parse(c).map_err(|e| e.to_string()));
    let code = codes.next().ok_or("empty code")??;
    let also = codes.collect::<std::result::Result<Vec<_>, _>>()?;
    let note = (upper != raw).then(|| format!("code {raw:?} read as {upper}"));
    let date = |d: &str| petr_date(d).ok_or_else(|| format!("bad date {d:?} in [{inner}]"));
    let dates = if rest.is_empty() {
        DateRange::ALWAYS
    } else if let Some(d) = rest.strip_prefix('>') {
        DateRange::new(Some(date(d)?), None)
    } else if let Some(d) = rest.strip_prefix('<') {
        DateRange::new(None, Some(date(d)?.pred()))
    } else if let Some((a, b)) = rest.split_once('-') {
        let (a, b) = (date(a)?, date(b)?);
        if a > b {
            return Err(format!("date range in [{inner}] ends before it starts"));
        }
        DateRange::new(Some(a), Some(b))
    } else {
        return Err(format!(
            "date {rest:?} in [{inner}] has no <, > or range (it never matches in PETRARCH)"
        ));
    };
    Ok((code, also, dates, note))
}

/// The regular plural PETRARCH generates for the last word of a phrase.
fn plural(p: &str) -> String {
    let (head, last) = match p.rfind(' ') {
        Some(i) => (&p[..=i], &p[i + 1..]),
        None => ("", p),
    };
    let up = last.to_ascii_uppercase();
    let vowel_y = up.len() >= 2 && matches!(up.as_bytes()[up.len() - 2], b'A' | b'E' | b'O' | b'U');
    let pl = if up.ends_with('Y') && !vowel_y {
        format!("{}IES", &last[..last.len() - 1])
    } else if ["S", "X", "Z", "CH", "SH"].iter().any(|s| up.ends_with(s)) {
        format!("{last}ES")
    } else {
        format!("{last}S")
    };
    format!("{head}{pl}")
}

struct Pending {
    names: Vec<String>,
    roles: Vec<Role>,
    line: usize,
}

struct Reader<'a> {
    set: &'a mut PetrarchSet,
    file: Arc<str>,
}

impl Reader<'_> {
    fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.set.warnings.push(Warning {
            file: self.file.clone(),
            line,
            message: message.into(),
        });
    }

    fn origin(&self, line: usize) -> Origin {
        Origin {
            file: self.file.clone(),
            line: line as u32,
        }
    }

    /// Splits `NAME [CODE] [CODE]` into the name and the codes' insides.
    fn split_codes<'s>(&mut self, no: usize, t: &'s str) -> (&'s str, Vec<&'s str>) {
        let name_end = t.find('[').unwrap_or(t.len());
        let mut codes = Vec::new();
        let mut rest = &t[name_end..];
        while let Some(open) = rest.find('[') {
            match rest[open..].find(']') {
                Some(close) => {
                    codes.push(&rest[open + 1..open + close]);
                    rest = &rest[open + close + 1..];
                }
                None => {
                    self.warn(
                        no,
                        format!("unclosed [ in {:?}; code left out", &rest[open..]),
                    );
                    break;
                }
            }
        }
        (&t[..name_end], codes)
    }

    fn add_codes(&mut self, no: usize, codes: &[&str]) -> Vec<Role> {
        let mut roles = Vec::with_capacity(codes.len());
        for inner in codes {
            match parse_code(inner) {
                Ok((code, also, dates, note)) => {
                    if let Some(n) = note {
                        self.warn(no, n);
                    }
                    roles.push(Role {
                        dates,
                        also,
                        ..Role::always(code)
                    });
                }
                Err(m) => self.warn(no, m),
            }
        }
        roles
    }

    fn finish(&mut self, p: Option<Pending>) {
        let Some(p) = p else { return };
        if p.roles.is_empty() {
            self.warn(p.line, format!("{:?} has no code; left out", p.names[0]));
            return;
        }
        let codes = crate::Knowledge::builtin().codes();
        let root = p.roles[0].code.root();
        let kind = if p.roles.iter().any(|r| !r.dates.is_always()) {
            ActorKind::Person
        } else {
            match root {
                "IGO" => ActorKind::Igo,
                "NGO" => ActorKind::Ngo,
                "IMG" => ActorKind::ArmedGroup,
                "MNC" => ActorKind::Business,
                _ => ActorKind::Listed,
            }
        };
        let country = matches!(
            codes.root_kind(root),
            Some(ChunkKind::State | ChunkKind::FormerState)
        )
        .then(|| Code::parse(root).ok())
        .flatten();
        let mut names: Vec<Name> = Vec::with_capacity(p.names.len());
        for (i, n) in p.names.into_iter().enumerate() {
            if !names.iter().any(|m| m.text == n) {
                let form = if i == 0 {
                    NameForm::Canonical
                } else {
                    NameForm::Alias
                };
                names.push(Name { text: n, form });
            }
        }
        self.set.actors.push(Actor {
            kind,
            names,
            country,
            roles: p.roles,
            parent: None,
            origin: self.origin(p.line),
        });
    }

    fn actors(&mut self, src: &str) {
        let mut cur: Option<Pending> = None;
        for (no, t, _) in content_lines(src) {
            if t.starts_with('[') {
                let (_, codes) = self.split_codes(no, t);
                let roles = self.add_codes(no, &codes);
                match cur.as_mut() {
                    Some(p) => p.roles.extend(roles),
                    None => self.warn(no, "code with no actor before it; left out"),
                }
            } else if let Some(rest) = t.strip_prefix('+') {
                let (name, codes) = self.split_codes(no, rest);
                let name = phrase(name);
                let roles = self.add_codes(no, &codes);
                match cur.as_mut() {
                    Some(p) if !name.is_empty() => {
                        p.names.push(name);
                        p.roles.extend(roles);
                    }
                    Some(_) => self.warn(no, "empty synonym"),
                    None => self.warn(no, "synonym with no actor before it; left out"),
                }
            } else {
                let prev = cur.take();
                self.finish(prev);
                let (name, codes) = self.split_codes(no, t);
                let name = phrase(name);
                if name.is_empty() {
                    self.warn(no, "line without a name; left out");
                    continue;
                }
                let roles = self.add_codes(no, &codes);
                cur = Some(Pending {
                    names: vec![name],
                    roles,
                    line: no,
                });
            }
        }
        let prev = cur.take();
        self.finish(prev);
    }

    fn agents(&mut self, src: &str) {
        let mut subst: HashMap<String, Vec<String>> = HashMap::new();
        for (no, t, _) in content_lines(src) {
            if t.starts_with('!') {
                if let Some((k, v)) = t.split_once('=') {
                    let vals: Vec<String> = v
                        .split(',')
                        .map(|s| s.trim().to_string())
                        .filter(|s| !s.is_empty())
                        .collect();
                    subst.insert(k.trim().to_string(), vals);
                    continue;
                }
            }
            let Some(open) = t.find('[') else {
                self.warn(no, format!("agent {t:?} has no [code]; left out"));
                continue;
            };
            let Some(close) = t[open..].find(']').map(|c| open + c) else {
                self.warn(no, format!("unclosed [ in {t:?}; left out"));
                continue;
            };
            let mut head = &t[..open];
            let mut plural_given: Option<&str> = None;
            if let Some(b) = head.find('{') {
                match head[b..].find('}') {
                    Some(e) => {
                        plural_given = Some(&head[b + 1..b + e]);
                        head = &head[..b];
                    }
                    None => {
                        self.warn(no, format!("unclosed {{ in {t:?}; left out"));
                        continue;
                    }
                }
            }
            let inner = t[open + 1..close].trim();
            let (placement, chunks) = if let Some(c) = inner.strip_suffix('~') {
                (Placement::Prefix, c.trim())
            } else if let Some(c) = inner.strip_prefix('~') {
                (Placement::Suffix, c.trim())
            } else {
                self.warn(
                    no,
                    format!("agent code [{inner}] has no ~; taken as ~{inner}"),
                );
                (Placement::Suffix, inner)
            };
            let chunks = match Code::parse(&chunks.to_ascii_uppercase()) {
                Ok(c) => c,
                Err(e) => {
                    self.warn(no, format!("{e}; left out"));
                    continue;
                }
            };
            let head = head.trim();
            let mut phrases = Vec::new();
            if head.contains('!') {
                match expand(head, &subst) {
                    Ok(v) => phrases = v.iter().map(|p| phrase(p)).collect(),
                    Err(m) => {
                        self.warn(no, m);
                        continue;
                    }
                }
            } else {
                let p = phrase(head);
                if p.is_empty() {
                    self.warn(no, "agent without a phrase; left out");
                    continue;
                }
                match plural_given {
                    Some(pl) if pl.trim().is_empty() => phrases.push(p),
                    Some(pl) => {
                        let pl = phrase(pl);
                        phrases.push(p);
                        phrases.push(pl);
                    }
                    None => {
                        let pl = plural(&p);
                        phrases.push(p);
                        phrases.push(pl);
                    }
                }
            }
            phrases.dedup();
            self.set.agents.push(Agent {
                phrases,
                chunks,
                placement,
                kind: None,
                origin: self.origin(no),
            });
        }
    }

    fn discards(&mut self, src: &str) {
        for (no, t, _) in content_lines(src) {
            let (story, body) = match t.strip_prefix('+') {
                Some(b) => (true, b),
                None => (false, t),
            };
            let p = phrase(body);
            if p.is_empty() {
                self.warn(no, "empty discard");
                continue;
            }
            self.set.discards.push(Discard {
                phrase: p,
                story,
                origin: self.origin(no),
            });
        }
    }

    fn issues(&mut self, src: &str) {
        let mut cur: Option<Issue> = None;
        for (no, t, _) in content_lines(src) {
            if t.starts_with("<ISSUE") {
                if let Some(open) = cur.take() {
                    self.warn(no, format!("issue {:?} not closed", open.category));
                    self.set.issues.push(open);
                }
                let attr = |name: &str| -> String {
                    let key = format!("{name}=\"");
                    t.find(&key)
                        .and_then(|i| {
                            let v = &t[i + key.len()..];
                            v.find('"').map(|e| v[..e].to_string())
                        })
                        .unwrap_or_default()
                };
                let category = attr("CATEGORY");
                if category.is_empty() {
                    self.warn(no, "issue without CATEGORY");
                }
                cur = Some(Issue {
                    category,
                    kind: attr("TYPE"),
                    rules: Vec::new(),
                    origin: self.origin(no),
                });
            } else if t.starts_with("</ISSUE") {
                match cur.take() {
                    Some(i) => self.set.issues.push(i),
                    None => self.warn(no, "</ISSUE> without an open issue"),
                }
            } else if let Some(issue) = cur.as_mut() {
                let exclusion = t.bytes().take_while(|&b| b == b'~').count().min(2) as u8;
                let body = t.trim_start_matches('~').trim();
                let (phr, code) = match (body.rfind('['), body.ends_with(']')) {
                    (Some(i), true) => (
                        body[..i].trim(),
                        Some(body[i + 1..body.len() - 1].trim().to_string()),
                    ),
                    _ => (body, None),
                };
                if exclusion == 0 && code.is_none() {
                    self.warn(no, format!("issue phrase {phr:?} has no [CODE]; left out"));
                    continue;
                }
                issue.rules.push(IssueRule {
                    phrase: phr.to_string(),
                    code,
                    exclusion,
                    line: no as u32,
                });
            } else {
                self.warn(no, "line outside an <ISSUE> block; left out");
            }
        }
        if let Some(open) = cur.take() {
            self.warn(
                open.origin.line as usize,
                format!("issue {:?} not closed", open.category),
            );
            self.set.issues.push(open);
        }
    }
}

/// Expands `!MARKER!`s in an agent phrase with every member of their sets.
fn expand(
    head: &str,
    subst: &HashMap<String, Vec<String>>,
) -> std::result::Result<Vec<String>, String> {
    let Some(s) = head.find('!') else {
        return Ok(vec![head.to_string()]);
    };
    let Some(e) = head[s + 1..].find('!').map(|e| s + 1 + e) else {
        return Err(format!("unclosed ! in {head:?}; left out"));
    };
    let marker = &head[s..=e];
    let members = subst
        .get(marker)
        .ok_or_else(|| format!("unknown substitution set {marker}; left out"))?;
    let mut out = Vec::new();
    for m in members {
        let replaced = format!("{}{}{}", &head[..s], m, &head[e + 1..]);
        out.extend(expand(&replaced, subst)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(kind: DictKind, src: &str) -> PetrarchSet {
        let mut s = PetrarchSet::new();
        s.read_str(kind, src, "t.txt");
        s
    }

    #[test]
    fn reads_actor_blocks_with_dates() {
        let src = "<!-- header\n# still header -->\nHAMID_KARZAI_  # CountryInfo.txt\n+KARZAI_\n\t[AFGELI 750101-000101]\n\t[AFGGOV >011222]\n\t[AFGELI]\nUN_ [IGOUNO]\nU.N._\nGOLLUM\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n";
        let s = read(DictKind::Actors, src);
        assert_eq!(s.actors.len(), 3, "{:?}", s.warnings);
        let k = &s.actors[0];
        assert_eq!(k.name(), "HAMID KARZAI");
        assert_eq!(k.kind, ActorKind::Person);
        assert_eq!(k.names.len(), 2);
        assert_eq!(k.origin.line, 3);
        assert_eq!(k.country.unwrap().as_str(), "AFG");
        let on = |d| {
            k.code_on(Some(Date::parse(d).unwrap()))
                .unwrap()
                .to_string()
        };
        assert_eq!(on("2005-01-01"), "AFGGOV");
        assert_eq!(on("1990-01-01"), "AFGELI");
        assert_eq!(s.actors[1].kind, ActorKind::Igo);
        // U.N._ has no code: a warning, left out
        assert_eq!(s.warnings.len(), 1);
        assert_eq!(s.warnings[0].line, 9);
        let g = &s.actors[2];
        assert_eq!(g.roles[0].dates.to.unwrap().to_string(), "1995-05-31");
        assert_eq!(g.roles[1].dates.from.unwrap().to_string(), "1995-06-01");
    }

    #[test]
    fn a_name_may_stand_for_several_actors() {
        let s = read(DictKind::Actors, "LORIEN [ELR/GAL]\nX [ELR/G]\n");
        assert_eq!(s.actors.len(), 1);
        let r = &s.actors[0].roles[0];
        assert_eq!(r.code.as_str(), "ELR");
        assert_eq!(
            r.also.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
            ["GAL"]
        );
        assert_eq!(s.warnings.len(), 2, "{:?}", s.warnings);
    }

    #[test]
    fn bad_codes_and_dates_are_warnings() {
        let src = "A [---]\nB [KORGOVBUS 2004017-20061201] [IGOUNO]\nC [pse]\nD [~ENV}\nE [IRQ 20050101]\n";
        let s = read(DictKind::Actors, src);
        let lines: Vec<usize> = s.warnings.iter().map(|w| w.line).collect();
        assert_eq!(lines, [1, 1, 2, 3, 4, 4, 5, 5], "{:#?}", s.warnings);
        assert_eq!(s.actors.len(), 2);
        assert_eq!(s.actors[1].roles[0].code.as_str(), "PSE");
        assert!(s.check().unwrap_err().to_string().starts_with("t.txt:1: "));
    }

    #[test]
    fn reads_agents_with_plurals_and_substitutions() {
        let src = "!PERSON! = MAN, MEN, WOMAN\n!MINIST! = MINISTER, MINISTRY\nCONGRESS!PERSON! [~LEG]\n!MINIST!_OF_DEFENSE [~GOVMIL]\nPOLICE {} [ ~COP]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\nHUMAN_RIGHTS_BODY  [NGO~]\nSECRETARY [~GOV]\nISLAMIC_EXTREMIST\nX [~ENV}\n";
        let s = read(DictKind::Agents, src);
        let p: Vec<&Vec<String>> = s.agents.iter().map(|a| &a.phrases).collect();
        assert_eq!(p[0], &["CONGRESSMAN", "CONGRESSMEN", "CONGRESSWOMAN"]);
        assert_eq!(p[1], &["MINISTER OF DEFENSE", "MINISTRY OF DEFENSE"]);
        assert_eq!(p[2], &["POLICE"]);
        assert_eq!(p[3], &["ATTORNEY GENERAL", "ATTORNEYS GENERAL"]);
        assert_eq!(p[4], &["HUMAN RIGHTS BODY", "HUMAN RIGHTS BODIES"]);
        assert_eq!(p[5], &["SECRETARY", "SECRETARIES"]);
        assert_eq!(s.agents[1].chunks.as_str(), "GOVMIL");
        assert_eq!(s.agents[4].placement, Placement::Prefix);
        assert_eq!(s.warnings.len(), 2);
        assert_eq!(plural("BOSS"), "BOSSES");
        assert_eq!(plural("ENVOY"), "ENVOYS");
    }

    #[test]
    fn reads_discards_and_issues() {
        let s = read(
            DictKind::Discards,
            "# c\nMONTHS LATER\n+Manchester_United   # pas\n",
        );
        assert_eq!(s.discards.len(), 2);
        assert!(s.discards[1].story);
        assert_eq!(s.discards[1].phrase, "Manchester United");
        let src = "<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\nn:preschool [EARLY_CHILDHOOD]\n~a head start\n~~oil\n</ISSUE>\nstray [X]\n";
        let s = read(DictKind::Issues, src);
        assert_eq!(s.issues.len(), 1);
        let i = &s.issues[0];
        assert_eq!((i.category.as_str(), i.kind.as_str()), ("EDUCATION", "ALL"));
        assert_eq!(i.rules[0].code.as_deref(), Some("EARLY_CHILDHOOD"));
        assert_eq!(i.rules[1].exclusion, 1);
        assert_eq!(i.rules[2].exclusion, 2);
        assert_eq!(s.warnings.len(), 1);
        assert_eq!(s.warnings[0].line, 6);
    }

    #[test]
    fn guesses_file_kinds() {
        assert_eq!(
            DictKind::guess("Phoenix.Countries.actors.txt"),
            Some(DictKind::Actors)
        );
        assert_eq!(
            DictKind::guess("PETR.Validate.agents.txt"),
            Some(DictKind::Agents)
        );
        assert_eq!(
            DictKind::guess("Phoenix.IssueCoding.txt"),
            Some(DictKind::Issues)
        );
        assert_eq!(DictKind::guess("CAMEO.2.0.txt"), None);
        assert_eq!(DictKind::guess("PETR2_GSR_validation.xml"), None);
    }
}
