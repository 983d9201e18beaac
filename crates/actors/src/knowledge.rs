//! khaldun's built-in knowledge of the world, read from `data/actors/`.

use crate::actor::{Actor, ActorId, ActorKind, Agent, NameForm, Origin, Role};
use crate::code::{ChunkKind, Code, CodeTable};
use crate::date::DateRange;
use crate::error::{Error, Result};
use crate::format::{self, names, records};
use khaldun_text::normalize::fold;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// The data files, in the order they are read (later files use earlier ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DataFile {
    /// `codes.txt`: `CHUNK | kind | description`.
    Codes,
    /// `countries.txt`: `ISO3 | status | names | adjectives | people`.
    Countries,
    /// `cities.txt`: `names | ISO3 | capital/city/site | code when it acts`.
    Cities,
    /// `organizations.txt`: `names | code | kind | parent`.
    Organizations,
    /// `armed_groups.txt`: `names | code | country`.
    ArmedGroups,
    /// `sectors.txt`: `phrases | chunks | person/people/body/weapon`.
    Sectors,
    /// `persons.txt`: actor lines (see [`crate::format`]).
    Persons,
}

impl DataFile {
    /// Every data file, in reading order.
    pub const ALL: [DataFile; 7] = [
        DataFile::Codes,
        DataFile::Countries,
        DataFile::Cities,
        DataFile::Organizations,
        DataFile::ArmedGroups,
        DataFile::Sectors,
        DataFile::Persons,
    ];

    /// The file's name in `data/actors/`.
    pub fn file_name(self) -> &'static str {
        match self {
            DataFile::Codes => "codes.txt",
            DataFile::Countries => "countries.txt",
            DataFile::Cities => "cities.txt",
            DataFile::Organizations => "organizations.txt",
            DataFile::ArmedGroups => "armed_groups.txt",
            DataFile::Sectors => "sectors.txt",
            DataFile::Persons => "persons.txt",
        }
    }

    /// The built-in text of the file (compiled in).
    pub fn builtin_text(self) -> &'static str {
        match self {
            DataFile::Codes => include_str!("../../../data/actors/codes.txt"),
            DataFile::Countries => include_str!("../../../data/actors/countries.txt"),
            DataFile::Cities => include_str!("../../../data/actors/cities.txt"),
            DataFile::Organizations => include_str!("../../../data/actors/organizations.txt"),
            DataFile::ArmedGroups => include_str!("../../../data/actors/armed_groups.txt"),
            DataFile::Sectors => include_str!("../../../data/actors/sectors.txt"),
            DataFile::Persons => include_str!("../../../data/actors/persons.txt"),
        }
    }
}

/// The key names are looked up by: folded (case, diacritics, quotes),
/// hyphens as spaces, spaces collapsed, a leading "the " dropped.
/// `"the Al-Kāẓimī"` and `"al kazimi"` have the same key.
pub fn name_key(s: &str) -> String {
    let f = fold(s).replace('-', " ");
    let mut out = String::with_capacity(f.len());
    for w in f.split_whitespace() {
        if out.is_empty() && w == "the" {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Actors, agents and codes: the built-in set, or one built from other files.
///
/// Actors are addressed by [`ActorId`] (their index). Names are looked up by
/// [`name_key`]; the compiled matcher over token sequences comes later and
/// is built from [`Knowledge::actors`] and [`Knowledge::agents`].
#[derive(Debug, Clone, Default)]
pub struct Knowledge {
    codes: CodeTable,
    actors: Vec<Actor>,
    agents: Vec<Agent>,
    by_name: HashMap<String, Vec<ActorId>>,
    by_country: HashMap<Code, ActorId>,
    agent_by_phrase: HashMap<String, usize>,
}

impl Knowledge {
    /// The built-in knowledge from `data/actors/`, read once.
    ///
    /// # Panics
    /// If the compiled-in data is malformed, which the crate's tests rule
    /// out; [`Knowledge::try_builtin`] returns the error instead.
    pub fn builtin() -> &'static Knowledge {
        match Knowledge::try_builtin() {
            Ok(k) => k,
            Err(e) => panic!("built-in actor data: {e}"),
        }
    }

    /// The built-in knowledge, or the first error in its files.
    pub fn try_builtin() -> Result<&'static Knowledge> {
        static K: OnceLock<std::result::Result<Knowledge, String>> = OnceLock::new();
        let r = K.get_or_init(|| {
            let mut b = KnowledgeBuilder::new();
            for f in DataFile::ALL {
                b.add(f, f.file_name(), f.builtin_text());
            }
            b.build().map_err(|e| e.to_string())
        });
        r.as_ref().map_err(|e| Error::Parse {
            file: "data/actors".into(),
            line: 0,
            message: e.clone(),
        })
    }

    /// The code table (built-in chunks plus every country).
    pub fn codes(&self) -> &CodeTable {
        &self.codes
    }

    /// Every actor, indexed by [`ActorId`].
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// The actor with id `id`.
    ///
    /// # Panics
    /// If `id` is not from this knowledge.
    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors[id.index()]
    }

    /// Every agent (sector phrase).
    pub fn agents(&self) -> &[Agent] {
        &self.agents
    }

    /// Actors with a name whose [`name_key`] equals that of `name`.
    pub fn lookup(&self, name: &str) -> &[ActorId] {
        self.by_name.get(&name_key(name)).map_or(&[], Vec::as_slice)
    }

    /// The first actor of kind `kind` named `name`.
    pub fn find(&self, name: &str, kind: ActorKind) -> Option<&Actor> {
        self.lookup(name)
            .iter()
            .map(|&id| self.actor(id))
            .find(|a| a.kind == kind)
    }

    /// The country or territory with ISO alpha-3 code `iso3`.
    pub fn country(&self, iso3: &str) -> Option<&Actor> {
        let c = Code::parse(iso3).ok()?;
        self.by_country.get(&c).map(|&id| self.actor(id))
    }

    /// The agent with phrase `phrase` (by [`name_key`]).
    pub fn agent(&self, phrase: &str) -> Option<&Agent> {
        self.agent_by_phrase
            .get(&name_key(phrase))
            .map(|&i| &self.agents[i])
    }

    /// Adds actors read elsewhere (a PETRARCH set, a user dictionary),
    /// returning the id of the first; they are indexed by name like the rest.
    pub fn extend_actors(&mut self, actors: impl IntoIterator<Item = Actor>) -> ActorId {
        let first = ActorId(self.actors.len() as u32);
        for a in actors {
            self.push(a);
        }
        first
    }

    /// Adds agents read elsewhere.
    pub fn extend_agents(&mut self, agents: impl IntoIterator<Item = Agent>) {
        for a in agents {
            self.push_agent(a);
        }
    }

    fn push(&mut self, a: Actor) -> ActorId {
        let id = ActorId(self.actors.len() as u32);
        for n in &a.names {
            let ids = self.by_name.entry(name_key(&n.text)).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        self.actors.push(a);
        id
    }

    fn push_agent(&mut self, a: Agent) {
        let i = self.agents.len();
        for p in &a.phrases {
            self.agent_by_phrase.entry(name_key(p)).or_insert(i);
        }
        self.agents.push(a);
    }
}

/// Builds a [`Knowledge`] from data files in khaldun's format.
///
/// ```
/// use khaldun_actors::{DataFile, KnowledgeBuilder};
/// let mut b = KnowledgeBuilder::new();
/// b.add(DataFile::Codes, "codes.txt", "GOV | sector | Government\n");
/// b.add(DataFile::Countries, "countries.txt", "FRA | member | France | French | French; Frenchman\n");
/// let k = b.build().unwrap();
/// assert_eq!(k.country("FRA").unwrap().name(), "France");
/// ```
#[derive(Debug, Clone, Default)]
pub struct KnowledgeBuilder {
    files: Vec<(DataFile, String, String)>,
}

impl KnowledgeBuilder {
    /// An empty builder.
    pub fn new() -> KnowledgeBuilder {
        KnowledgeBuilder::default()
    }

    /// Adds the text of a data file; `name` is used in errors.
    pub fn add(&mut self, kind: DataFile, name: &str, text: &str) -> &mut KnowledgeBuilder {
        self.files.push((kind, name.to_string(), text.to_string()));
        self
    }

    /// Reads every file (codes first, persons last), validating every code.
    pub fn build(&self) -> Result<Knowledge> {
        let mut k = Knowledge::default();
        let mut files: Vec<&(DataFile, String, String)> = self.files.iter().collect();
        files.sort_by_key(|f| f.0);
        for (kind, name, text) in files {
            let origin = |line: usize| Origin {
                file: Arc::from(name.as_str()),
                line: line as u32,
            };
            match kind {
                DataFile::Codes => read_codes(&mut k, name, text)?,
                DataFile::Countries => read_countries(&mut k, name, text, origin)?,
                DataFile::Cities => read_cities(&mut k, name, text, origin)?,
                DataFile::Organizations => read_orgs(&mut k, name, text, origin, false)?,
                DataFile::ArmedGroups => read_orgs(&mut k, name, text, origin, true)?,
                DataFile::Sectors => {
                    for a in format::read_agent_lines(text, name)? {
                        for c in a.chunks.chunks() {
                            if k.codes.part_kind(c).is_none() {
                                return Err(Error::parse(
                                    name,
                                    a.origin.line as usize,
                                    format!("unknown chunk {c}"),
                                ));
                            }
                        }
                        k.push_agent(a);
                    }
                }
                DataFile::Persons => {
                    for a in format::read_actor_lines(text, name)? {
                        for r in &a.roles {
                            k.codes
                                .validate(&r.code)
                                .map_err(|e| e.at(name, a.origin.line as usize))?;
                        }
                        k.push(a);
                    }
                }
            }
        }
        Ok(k)
    }
}

fn check_fields(rec: &format::Record<'_>, file: &str, min: usize, max: usize) -> Result<()> {
    let n = rec.fields.len();
    if n < min || n > max {
        return Err(Error::parse(
            file,
            rec.line,
            format!("expected {min} to {max} fields, found {n}"),
        ));
    }
    Ok(())
}

fn read_codes(k: &mut Knowledge, file: &str, text: &str) -> Result<()> {
    for rec in records(text) {
        check_fields(&rec, file, 3, 3)?;
        let kind = ChunkKind::from_name(rec.field(1)).ok_or_else(|| {
            Error::parse(
                file,
                rec.line,
                format!("unknown chunk kind {:?}", rec.field(1)),
            )
        })?;
        let known = if kind.is_root() {
            k.codes.root_kind(rec.field(0))
        } else {
            k.codes.part_only(rec.field(0))
        };
        if known.is_some() {
            return Err(Error::parse(
                file,
                rec.line,
                format!("{} listed twice", rec.field(0)),
            ));
        }
        k.codes
            .insert(rec.field(0), kind, rec.field(2))
            .map_err(|e| e.at(file, rec.line))?;
    }
    Ok(())
}

fn read_countries(
    k: &mut Knowledge,
    file: &str,
    text: &str,
    origin: impl Fn(usize) -> Origin,
) -> Result<()> {
    let mut parents: Vec<(ActorId, Code, usize)> = Vec::new();
    for rec in records(text) {
        check_fields(&rec, file, 3, 5)?;
        let code = Code::parse(rec.field(0)).map_err(|e| e.at(file, rec.line))?;
        if code.len_chunks() != 1 {
            return Err(Error::parse(file, rec.line, "a country code is one chunk"));
        }
        if k.by_country.contains_key(&code) {
            return Err(Error::parse(file, rec.line, format!("{code} listed twice")));
        }
        let region = rec.field(1) == "region";
        let former = rec.field(1) == "former";
        let (kind, parent) = match rec.field(1).split_once(':') {
            None if matches!(rec.field(1), "member" | "observer") => (ActorKind::Country, None),
            // a world region whose people act ("the Europeans accuse ...")
            None if region => (ActorKind::Territory, None),
            // a state that no longer exists, as old reports name it
            None if former => (ActorKind::Territory, None),
            None if rec.field(1) == "partial" => (ActorKind::Territory, None),
            Some(("territory", p)) => (
                ActorKind::Territory,
                Some(Code::parse(p.trim()).map_err(|e| e.at(file, rec.line))?),
            ),
            _ => {
                return Err(Error::parse(
                    file,
                    rec.line,
                    format!(
                        "status {:?}: expected member, observer, partial, region, former or territory:ISO3",
                        rec.field(1)
                    ),
                ))
            }
        };
        let mut all = names(rec.field(2), NameForm::Canonical, NameForm::Alias);
        if all.is_empty() {
            return Err(Error::parse(file, rec.line, "no name"));
        }
        all.extend(names(
            rec.field(3),
            NameForm::Adjective,
            NameForm::Adjective,
        ));
        all.extend(names(rec.field(4), NameForm::People, NameForm::People));
        if region || former {
            let want = if region {
                ChunkKind::Region
            } else {
                ChunkKind::FormerState
            };
            if k.codes.root_kind(code.as_str()) != Some(want) {
                return Err(Error::parse(
                    file,
                    rec.line,
                    format!("{code} is not a {} in codes.txt", want.as_str()),
                ));
            }
        } else {
            if k.codes.root_kind(code.as_str()).is_some() {
                return Err(Error::parse(
                    file,
                    rec.line,
                    format!("{code} is already a root in codes.txt"),
                ));
            }
            k.codes
                .insert(code.as_str(), ChunkKind::State, &all[0].text)
                .map_err(|e| e.at(file, rec.line))?;
        }
        let id = k.push(Actor {
            kind,
            names: all,
            country: Some(code),
            roles: vec![Role::always(code)],
            parent: None,
            origin: origin(rec.line),
        });
        k.by_country.insert(code, id);
        if let Some(p) = parent {
            parents.push((id, p, rec.line));
        }
    }
    for (id, p, line) in parents {
        let pid = *k
            .by_country
            .get(&p)
            .ok_or_else(|| Error::parse(file, line, format!("unknown parent country {p}")))?;
        k.actors[id.index()].parent = Some(pid);
    }
    Ok(())
}

fn known_country(k: &Knowledge, s: &str, file: &str, line: usize) -> Result<Code> {
    let c = Code::parse(s).map_err(|e| e.at(file, line))?;
    if c.len_chunks() != 1 || !k.by_country.contains_key(&c) {
        return Err(Error::parse(file, line, format!("unknown country {s:?}")));
    }
    Ok(c)
}

fn read_cities(
    k: &mut Knowledge,
    file: &str,
    text: &str,
    origin: impl Fn(usize) -> Origin,
) -> Result<()> {
    for rec in records(text) {
        check_fields(&rec, file, 3, 4)?;
        let all = names(rec.field(0), NameForm::Canonical, NameForm::Alias);
        if all.is_empty() {
            return Err(Error::parse(file, rec.line, "no name"));
        }
        let country = known_country(k, rec.field(1), file, rec.line)?;
        let kind = match rec.field(2) {
            "capital" => ActorKind::Capital,
            "city" => ActorKind::City,
            "site" => ActorKind::Site,
            other => {
                return Err(Error::parse(
                    file,
                    rec.line,
                    format!("kind {other:?}: expected capital, city or site"),
                ))
            }
        };
        let mut roles = Vec::new();
        if !rec.field(3).is_empty() {
            let code = Code::parse(rec.field(3)).map_err(|e| e.at(file, rec.line))?;
            k.codes.validate(&code).map_err(|e| e.at(file, rec.line))?;
            roles.push(Role::always(code));
        } else if kind == ActorKind::Site {
            return Err(Error::parse(
                file,
                rec.line,
                "a site needs the code it stands for",
            ));
        }
        k.push(Actor {
            kind,
            names: all,
            country: Some(country),
            roles,
            parent: None,
            origin: origin(rec.line),
        });
    }
    Ok(())
}

fn read_orgs(
    k: &mut Knowledge,
    file: &str,
    text: &str,
    origin: impl Fn(usize) -> Origin,
    armed: bool,
) -> Result<()> {
    let mut local: HashMap<String, ActorId> = HashMap::new();
    for rec in records(text) {
        check_fields(&rec, file, 2, 4)?;
        let mut dated = DateRange::ALWAYS;
        let all = names(rec.field(0), NameForm::Canonical, NameForm::Alias);
        if all.is_empty() {
            return Err(Error::parse(file, rec.line, "no name"));
        }
        let code = Code::parse(rec.field(1)).map_err(|e| e.at(file, rec.line))?;
        k.codes.validate(&code).map_err(|e| e.at(file, rec.line))?;
        let (kind, country, parent) = if armed {
            let country = match rec.field(2) {
                "" => None,
                c => Some(known_country(k, c, file, rec.line)?),
            };
            let dates = DateRange::parse(rec.field(3)).map_err(|e| e.at(file, rec.line))?;
            // a group listed again with other dates is the same group
            if let Some(&id) = local.get(&all[0].text) {
                let a = &mut k.actors[id.index()];
                if a.country != country {
                    return Err(Error::parse(file, rec.line, "same group, other country"));
                }
                a.roles.push(Role {
                    dates,
                    ..Role::always(code)
                });
                for n in all.into_iter().skip(1) {
                    if !a.names.iter().any(|m| m.text == n.text) {
                        k.by_name.entry(name_key(&n.text)).or_default().push(id);
                        a.names.push(n);
                    }
                }
                continue;
            }
            dated = dates;
            (ActorKind::ArmedGroup, country, None)
        } else {
            let kind = ActorKind::from_name(rec.field(2))
                .filter(|k| {
                    matches!(
                        k,
                        ActorKind::Igo
                            | ActorKind::Ngo
                            | ActorKind::Media
                            | ActorKind::Business
                            | ActorKind::Coalition
                            | ActorKind::Party
                            | ActorKind::Agency
                    )
                })
                .ok_or_else(|| {
                    Error::parse(
                        file,
                        rec.line,
                        format!(
                            "kind {:?}: expected igo, ngo, media, business, coalition, party or agency",
                            rec.field(2)
                        ),
                    )
                })?;
            let parent = match rec.field(3) {
                "" => None,
                p => Some(*local.get(p).ok_or_else(|| {
                    Error::parse(file, rec.line, format!("parent {p:?} is not listed above"))
                })?),
            };
            let country = k
                .by_country
                .contains_key(&Code::parse(code.root()).map_err(|e| e.at(file, rec.line))?)
                .then(|| Code::parse(code.root()).ok())
                .flatten();
            (kind, country, parent)
        };
        let canonical = all[0].text.clone();
        let id = k.push(Actor {
            kind,
            names: all,
            country,
            roles: vec![Role {
                dates: dated,
                ..Role::always(code)
            }],
            parent,
            origin: origin(rec.line),
        });
        local.insert(canonical, id);
    }
    Ok(())
}
