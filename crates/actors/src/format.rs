//! khaldun's own dictionary format: the line syntax shared by every file in
//! `data/actors/`, the reader for *actor lines* (the schema of `persons.txt`
//! and of converted dictionaries), and writers.
//!
//! Syntax (documented for users in `data/actors/README.md`):
//! - one record per line, fields separated by `|`, surrounding spaces trimmed;
//! - lists inside a field separated by `;`;
//! - `#` at the start of a line, or after a space, begins a comment;
//! - blank lines are ignored.
//!
//! Actor lines are `names | code | dates | offices | title | kind`: names
//! `;`-separated, canonical first; a code; a date range (`FROM..TO`, either
//! end open, empty for always); offices (`head-of-state`, ...); a title; and
//! the kind (default `person`). Lines with the same canonical name are one
//! actor with several roles, in the order listed; its kind is the first
//! stated one (`listed` yields to any other).

use crate::actor::{Actor, ActorKind, Agent, Name, NameForm, Office, Origin, Placement, Role};
use crate::code::Code;
use crate::date::DateRange;
use crate::error::{Error, Result};
use std::collections::HashMap;
use std::io::{self, Write};
use std::sync::Arc;

/// One record: its 1-based line number and its trimmed fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record<'a> {
    /// 1-based line number.
    pub line: usize,
    /// The fields, trimmed.
    pub fields: Vec<&'a str>,
}

impl<'a> Record<'a> {
    /// Field `i`, or `""` when the line has fewer fields.
    pub fn field(&self, i: usize) -> &'a str {
        self.fields.get(i).copied().unwrap_or("")
    }
}

/// Cuts a trailing comment: `#` at the start or after whitespace.
fn strip_comment(line: &str) -> &str {
    let b = line.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c == b'#' && (i == 0 || b[i - 1].is_ascii_whitespace()) {
            return &line[..i];
        }
    }
    line
}

/// The records of a file in the shared syntax.
pub fn records(src: &str) -> impl Iterator<Item = Record<'_>> {
    src.lines().enumerate().filter_map(|(i, raw)| {
        let l = strip_comment(raw).trim();
        (!l.is_empty()).then(|| Record {
            line: i + 1,
            fields: l.split('|').map(str::trim).collect(),
        })
    })
}

/// The items of a `;`-separated list field (empty items dropped).
pub fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split(';').map(str::trim).filter(|s| !s.is_empty())
}

/// Names from a list field; the first is canonical when `canonical` is set.
pub(crate) fn names(field: &str, first: NameForm, rest: NameForm) -> Vec<Name> {
    list(field)
        .enumerate()
        .map(|(i, t)| Name {
            text: t.to_string(),
            form: if i == 0 { first } else { rest },
        })
        .collect()
}

/// Reads actor lines (`names | code | dates | offices | title | kind`).
///
/// `file` is used in errors and origins. Every code is checked for syntax
/// only; [`crate::KnowledgeBuilder`] validates built-in data further.
pub fn read_actor_lines(src: &str, file: &str) -> Result<Vec<Actor>> {
    let file_arc: Arc<str> = Arc::from(file);
    let mut out: Vec<Actor> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for rec in records(src) {
        let at = |e: Error| e.at(file, rec.line);
        if rec.fields.len() > 6 {
            return Err(Error::parse(file, rec.line, "more than 6 fields"));
        }
        let names = names(rec.field(0), NameForm::Canonical, NameForm::Alias);
        let Some(first) = names.first() else {
            return Err(Error::parse(file, rec.line, "no name"));
        };
        let code = Code::parse(rec.field(1)).map_err(at)?;
        let dates = DateRange::parse(rec.field(2)).map_err(at)?;
        let offices = list(rec.field(3))
            .map(|o| {
                Office::from_name(o)
                    .ok_or_else(|| Error::parse(file, rec.line, format!("unknown office {o:?}")))
            })
            .collect::<Result<Vec<_>>>()?;
        let title = Some(rec.field(4))
            .filter(|t| !t.is_empty())
            .map(str::to_string);
        let kind = match rec.field(5) {
            "" => ActorKind::Person,
            k => ActorKind::from_name(k)
                .ok_or_else(|| Error::parse(file, rec.line, format!("unknown kind {k:?}")))?,
        };
        let role = Role {
            code,
            dates,
            offices,
            title,
            also: Vec::new(),
        };
        match by_name.get(&first.text) {
            Some(&i) => {
                let a = &mut out[i];
                // the first stated kind wins: PETRARCH sets list one person
                // both as an office holder and under an organization's code
                if a.kind == ActorKind::Listed {
                    a.kind = kind;
                }
                for n in names.into_iter().skip(1) {
                    if !a.names.iter().any(|m| m.text == n.text) {
                        a.names.push(n);
                    }
                }
                a.roles.push(role);
            }
            None => {
                by_name.insert(first.text.clone(), out.len());
                let country = Code::parse(code.root()).ok();
                out.push(Actor {
                    kind,
                    names,
                    country,
                    roles: vec![role],
                    parent: None,
                    origin: Origin {
                        file: file_arc.clone(),
                        line: rec.line as u32,
                    },
                });
            }
        }
    }
    Ok(out)
}

/// Makes text safe inside a field: the separators and comment marks become spaces.
fn clean(s: &str) -> String {
    let t: String = s
        .chars()
        .map(|c| {
            if matches!(c, '|' | ';' | '#' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Writes actors as actor lines: one line per role, all names on the first.
/// Returns the number of lines written. Actors without roles are skipped.
pub fn write_actor_lines<W: Write>(actors: &[Actor], mut out: W) -> io::Result<usize> {
    let mut n = 0;
    for a in actors {
        let canonical = clean(a.name());
        if canonical.is_empty() {
            continue;
        }
        for (i, r) in a.roles.iter().enumerate() {
            let mut names = canonical.clone();
            if i == 0 {
                for alias in a.names.iter().skip(1) {
                    let t = clean(&alias.text);
                    if !t.is_empty() && t != canonical {
                        names.push_str("; ");
                        names.push_str(&t);
                    }
                }
            }
            let offices: Vec<&str> = r.offices.iter().map(|o| o.as_str()).collect();
            let title = r.title.as_deref().map(clean).unwrap_or_default();
            let kind = if a.kind == ActorKind::Person {
                ""
            } else {
                a.kind.as_str()
            };
            let line = format!(
                "{names} | {} | {} | {} | {title} | {kind}",
                r.code,
                r.dates,
                offices.join("; ")
            );
            writeln!(out, "{}", line.trim_end_matches([' ', '|']))?;
            n += 1;
        }
    }
    Ok(n)
}

/// Reads sector lines (`phrases | chunks | kind`), the schema of
/// `data/actors/sectors.txt`: chunks space-separated (`GOV MIL`), placed
/// after the actor's code; a leading `~` before the chunks places them
/// before it instead (PETRARCH's `NGO~`).
pub fn read_agent_lines(src: &str, file: &str) -> Result<Vec<Agent>> {
    let file_arc: Arc<str> = Arc::from(file);
    let mut out = Vec::new();
    for rec in records(src) {
        if rec.fields.len() > 3 {
            return Err(Error::parse(file, rec.line, "more than 3 fields"));
        }
        let phrases: Vec<String> = list(rec.field(0)).map(str::to_string).collect();
        if phrases.is_empty() {
            return Err(Error::parse(file, rec.line, "no phrase"));
        }
        let (placement, chunks) = match rec.field(1).strip_prefix('~') {
            Some(c) => (Placement::Prefix, c),
            None => (Placement::Suffix, rec.field(1)),
        };
        let joined: String = chunks.split_whitespace().collect();
        let chunks = Code::parse(&joined).map_err(|e| e.at(file, rec.line))?;
        let kind = match rec.field(2) {
            "" => None,
            k => Some(crate::actor::AgentKind::from_name(k).ok_or_else(|| {
                Error::parse(file, rec.line, format!("unknown agent kind {k:?}"))
            })?),
        };
        out.push(Agent {
            phrases,
            chunks,
            placement,
            kind,
            origin: Origin {
                file: file_arc.clone(),
                line: rec.line as u32,
            },
        });
    }
    Ok(out)
}

/// Writes agents as sector lines. Returns the number of lines written.
pub fn write_agent_lines<W: Write>(agents: &[Agent], mut out: W) -> io::Result<usize> {
    let mut n = 0;
    for a in agents {
        let phrases: Vec<String> = a
            .phrases
            .iter()
            .map(|p| clean(p))
            .filter(|p| !p.is_empty())
            .collect();
        if phrases.is_empty() {
            continue;
        }
        let chunks: Vec<&str> = a.chunks.chunks().collect();
        let tilde = if a.placement == Placement::Prefix {
            "~"
        } else {
            ""
        };
        let kind = a.kind.map_or("", |k| k.as_str());
        let line = format!(
            "{} | {tilde}{} | {kind}",
            phrases.join("; "),
            chunks.join(" ")
        );
        writeln!(out, "{}", line.trim_end_matches([' ', '|']))?;
        n += 1;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    #[test]
    fn splits_fields_and_comments() {
        let src = "# header\nA; B | FRA # note\n\nC#D | x\n";
        let r: Vec<_> = records(src).collect();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].line, 2);
        assert_eq!(r[0].fields, ["A; B", "FRA"]);
        assert_eq!(r[1].fields, ["C#D", "x"], "a # inside a word is text");
        assert_eq!(list(" a ; ;b").collect::<Vec<_>>(), ["a", "b"]);
    }

    #[test]
    fn actor_lines_merge_roles_and_round_trip() {
        let src = "Florence Parly; Parly | FRAGOVMIL | 2017-06-21..2022-05-20 | defence-minister | Minister of the Armed Forces\n\
                   Florence Parly; Parley | FRAGOV | 2016-01-01..2017-06-20 | | Budget minister\n\
                   United Nations; UN | IGOUNO | | | | igo\n";
        let actors = read_actor_lines(src, "p.txt").unwrap();
        assert_eq!(actors.len(), 2);
        let parly = &actors[0];
        assert_eq!(parly.roles.len(), 2);
        assert_eq!(parly.names.len(), 3);
        assert_eq!(parly.country.unwrap().as_str(), "FRA");
        let d = Date::parse("2020-08-27").unwrap();
        let r = parly.role_on(Some(d)).unwrap();
        assert_eq!(r.offices, [Office::DefenceMinister]);
        assert_eq!(actors[1].kind, ActorKind::Igo);
        let mut buf = Vec::new();
        assert_eq!(write_actor_lines(&actors, &mut buf).unwrap(), 3);
        let back = read_actor_lines(std::str::from_utf8(&buf).unwrap(), "p.txt").unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back[0].roles, actors[0].roles);
        assert_eq!(back[0].names, actors[0].names);
        assert_eq!(back[1].roles, actors[1].roles);
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = read_actor_lines("\nX | FRAGOV | 2020-13-01..\n", "p.txt").unwrap_err();
        assert!(e.to_string().starts_with("p.txt:2: "), "{e}");
        let e = read_actor_lines("X | fra\n", "p.txt").unwrap_err();
        assert!(e.to_string().starts_with("p.txt:1: "), "{e}");
        let e = read_agent_lines("army | MIL | crowd\n", "s.txt").unwrap_err();
        assert!(e.to_string().starts_with("s.txt:1: "), "{e}");
    }

    #[test]
    fn agent_lines_round_trip() {
        let src =
            "defence minister; defense minister | GOV MIL | person\nhuman rights body | ~NGO\n";
        let agents = read_agent_lines(src, "s.txt").unwrap();
        assert_eq!(agents[0].chunks.as_str(), "GOVMIL");
        assert_eq!(agents[1].placement, Placement::Prefix);
        let mut buf = Vec::new();
        write_agent_lines(&agents, &mut buf).unwrap();
        let back = read_agent_lines(std::str::from_utf8(&buf).unwrap(), "s.txt").unwrap();
        assert_eq!(back[0].phrases, agents[0].phrases);
        assert_eq!(back[1].placement, Placement::Prefix);
    }
}
