//! The actor model: actors, their names, and roles that hold over dates.

use crate::code::Code;
use crate::date::{Date, DateRange};
use std::sync::Arc;

/// Index of an actor in a [`Knowledge`](crate::Knowledge) (or any actor list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(transparent)]
pub struct ActorId(pub u32);

impl ActorId {
    /// The index as `usize`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What an actor is. It decides how a mention is read: a city is a place
/// unless it has a role (a government metonym), a person can be referred to
/// by pronouns, and so on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActorKind {
    /// A sovereign state (UN member or observer).
    Country,
    /// A territory or partially recognized state (Kosovo, Taiwan, Hong Kong ...).
    Territory,
    /// A capital city.
    Capital,
    /// Another city.
    City,
    /// A building or place that stands for an institution (the Kremlin, the Pentagon).
    Site,
    /// An intergovernmental organization or one of its organs.
    Igo,
    /// A non-governmental organization.
    Ngo,
    /// A news organization: reports events, is rarely a party to them.
    Media,
    /// A company.
    Business,
    /// A military coalition or alliance operation.
    Coalition,
    /// A non-state armed group.
    ArmedGroup,
    /// A political party.
    Party,
    /// A named state body: an intelligence service, a command, a named
    /// armed force (the CIA, the IDF, CENTCOM).
    Agency,
    /// A person.
    Person,
    /// A dictionary entry of unstated kind (most PETRARCH entries).
    Listed,
}

impl ActorKind {
    /// The lowercase name used in data files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Country => "country",
            ActorKind::Territory => "territory",
            ActorKind::Capital => "capital",
            ActorKind::City => "city",
            ActorKind::Site => "site",
            ActorKind::Igo => "igo",
            ActorKind::Ngo => "ngo",
            ActorKind::Media => "media",
            ActorKind::Business => "business",
            ActorKind::Coalition => "coalition",
            ActorKind::ArmedGroup => "armed-group",
            ActorKind::Party => "party",
            ActorKind::Agency => "agency",
            ActorKind::Person => "person",
            ActorKind::Listed => "listed",
        }
    }

    /// The kind named `s` (as written by [`ActorKind::as_str`]).
    pub fn from_name(s: &str) -> Option<ActorKind> {
        Some(match s {
            "country" => ActorKind::Country,
            "territory" => ActorKind::Territory,
            "capital" => ActorKind::Capital,
            "city" => ActorKind::City,
            "site" => ActorKind::Site,
            "igo" => ActorKind::Igo,
            "ngo" => ActorKind::Ngo,
            "media" => ActorKind::Media,
            "business" => ActorKind::Business,
            "coalition" => ActorKind::Coalition,
            "armed-group" => ActorKind::ArmedGroup,
            "party" => ActorKind::Party,
            "agency" => ActorKind::Agency,
            "person" => ActorKind::Person,
            "listed" => ActorKind::Listed,
            _ => return None,
        })
    }
}

/// How a name refers to its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameForm {
    /// The canonical name ("France", "Florence Parly").
    Canonical,
    /// Another name, short form, abbreviation or spelling ("U.S.", "Daesh", "Parly").
    Alias,
    /// A nationality adjective ("French", "Iraqi"): modifies a noun.
    Adjective,
    /// A people noun ("Iraqis", "Frenchman", "Americans").
    People,
}

/// A name of an actor, as written in the dictionary (matching folds it).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Name {
    /// The text.
    pub text: String,
    /// How it refers.
    pub form: NameForm,
}

/// The office a role is, where it matters to coreference and discovery
/// ("her Iraqi counterpart" is the other country's holder of the same office).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Office {
    /// Head of state (president, monarch).
    HeadOfState,
    /// Head of government (prime minister, chancellor).
    HeadOfGovernment,
    /// Foreign minister (secretary of state).
    ForeignMinister,
    /// Defence minister (secretary of defense, minister of the armed forces).
    DefenceMinister,
    /// Head of an international organization (secretary-general, president of the commission).
    OrganizationHead,
}

impl Office {
    /// The name used in `data/actors/persons.txt`.
    pub fn as_str(self) -> &'static str {
        match self {
            Office::HeadOfState => "head-of-state",
            Office::HeadOfGovernment => "head-of-government",
            Office::ForeignMinister => "foreign-minister",
            Office::DefenceMinister => "defence-minister",
            Office::OrganizationHead => "organization-head",
        }
    }

    /// The office named `s`.
    pub fn from_name(s: &str) -> Option<Office> {
        Some(match s {
            "head-of-state" => Office::HeadOfState,
            "head-of-government" => Office::HeadOfGovernment,
            "foreign-minister" => Office::ForeignMinister,
            "defence-minister" => Office::DefenceMinister,
            "organization-head" => Office::OrganizationHead,
            _ => return None,
        })
    }
}

/// A code an actor holds over a date range (always, for most actors).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// The code while the role holds (`FRAGOVMIL`, `IRQGOV`).
    pub code: Code,
    /// When it holds; both ends inclusive.
    pub dates: DateRange,
    /// The offices the role is, if listed.
    pub offices: Vec<Office>,
    /// The title as written ("Minister of the Armed Forces"), if listed.
    pub title: Option<String>,
    /// Other actors the same name stands for while the role holds, each
    /// getting its own events (PETRARCH's `[ELR/GAL]`).
    pub also: Vec<Code>,
}

impl Role {
    /// An undated role with just a code.
    pub fn always(code: Code) -> Role {
        Role {
            code,
            dates: DateRange::ALWAYS,
            offices: Vec::new(),
            title: None,
            also: Vec::new(),
        }
    }
}

/// Where an entry was read: file and 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Origin {
    /// File name (or path) as given to the reader.
    pub file: Arc<str>,
    /// 1-based line of the entry's first line.
    pub line: u32,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// An actor: a named thing that can do or suffer events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// What it is.
    pub kind: ActorKind,
    /// Its names; the first is the canonical one.
    pub names: Vec<Name>,
    /// The state it belongs to (ISO alpha-3 root code), when it has one.
    pub country: Option<Code>,
    /// Its codes over time. An undated role is the default; a city with no
    /// role is a place, not an actor.
    pub roles: Vec<Role>,
    /// The organization it is an organ of (the UN for the Security Council),
    /// or the state a territory belongs to.
    pub parent: Option<ActorId>,
    /// Where it was defined.
    pub origin: Origin,
}

impl Actor {
    /// The canonical name (the first listed).
    pub fn name(&self) -> &str {
        self.names.first().map_or("", |n| n.text.as_str())
    }

    /// The role that holds on `date`.
    ///
    /// The first listed dated role whose range contains the date wins;
    /// failing that, the first undated role. Without a date, the first
    /// undated role, else the role that started last. This is PETRARCH's
    /// rule for date-restricted codes, so converted dictionaries code alike.
    pub fn role_on(&self, date: Option<Date>) -> Option<&Role> {
        let undated = || self.roles.iter().find(|r| r.dates.is_always());
        match date {
            Some(d) => self
                .roles
                .iter()
                .find(|r| !r.dates.is_always() && r.dates.contains(d))
                .or_else(undated),
            None => undated().or_else(|| self.roles.iter().max_by_key(|r| r.dates.from)),
        }
    }

    /// The code that holds on `date` (see [`Actor::role_on`]).
    pub fn code_on(&self, date: Option<Date>) -> Option<Code> {
        self.role_on(date).map(|r| r.code)
    }

    /// Names of a given form.
    pub fn names_of(&self, form: NameForm) -> impl Iterator<Item = &str> {
        self.names
            .iter()
            .filter(move |n| n.form == form)
            .map(|n| n.text.as_str())
    }
}

/// Where an agent's chunks go relative to the actor's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Placement {
    /// After the actor's code (`Iraqi` + `army` = `IRQ` + `MIL`); PETRARCH `[~MIL]`.
    Suffix,
    /// Before it (PETRARCH `[NGO~]`).
    Prefix,
}

/// What kind of referent an agent phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AgentKind {
    /// One person ("minister", "spokesman"): can be "she" or "he" later.
    Person,
    /// People as a group ("troops", "protesters").
    People,
    /// An institution ("ministry", "parliament", "army").
    Body,
    /// A weapon platform standing for the force that uses it ("Israeli
    /// warplanes struck"); no actor where it only modifies another noun
    /// ("the drone strike", "a tank battle").
    Weapon,
}

impl AgentKind {
    /// The name used in `data/actors/sectors.txt`.
    pub fn as_str(self) -> &'static str {
        match self {
            AgentKind::Person => "person",
            AgentKind::People => "people",
            AgentKind::Body => "body",
            AgentKind::Weapon => "weapon",
        }
    }

    /// The kind named `s`.
    pub fn from_name(s: &str) -> Option<AgentKind> {
        Some(match s {
            "person" => AgentKind::Person,
            "people" => AgentKind::People,
            "body" => AgentKind::Body,
            "weapon" => AgentKind::Weapon,
            _ => return None,
        })
    }
}

/// A role noun or phrase that gives sectors to whatever actor it attaches to
/// ("Iraqi" + "security forces" = `IRQ` + `COP MIL`). PETRARCH calls these agents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agent {
    /// The phrases, each already expanded (plurals and substitutions listed).
    pub phrases: Vec<String>,
    /// The chunks it adds, as a code (`GOVMIL`; its first chunk is not a root).
    pub chunks: Code,
    /// Where the chunks go.
    pub placement: Placement,
    /// What it names, when known.
    pub kind: Option<AgentKind>,
    /// Where it was defined.
    pub origin: Origin,
}

impl Agent {
    /// `actor` with this agent's chunks added (before it, for [`Placement::Prefix`]).
    pub fn apply(&self, actor: &Code) -> crate::Result<Code> {
        match self.placement {
            Placement::Suffix => actor.with_sectors(&self.chunks),
            Placement::Prefix => self.chunks.with_sectors(actor),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(code: &str, dates: &str) -> Role {
        Role {
            dates: DateRange::parse(dates).unwrap(),
            ..Role::always(Code::parse(code).unwrap())
        }
    }

    fn actor(roles: Vec<Role>) -> Actor {
        Actor {
            kind: ActorKind::Person,
            names: vec![Name {
                text: "Sam Gamgee".into(),
                form: NameForm::Canonical,
            }],
            country: None,
            roles,
            parent: None,
            origin: Origin {
                file: "t".into(),
                line: 1,
            },
        }
    }

    #[test]
    fn role_on_prefers_the_first_dated_match_then_the_default() {
        let a = actor(vec![
            role("HOB", ""),
            role("ORCHOB", "2010-01-09..2010-01-12"),
            role("HOBMIL", "2008-01-20..2012-11-09"),
            role("HOBELI", "2013-01-20.."),
        ]);
        let on = |d: &str| {
            a.code_on(Some(Date::parse(d).unwrap()))
                .unwrap()
                .to_string()
        };
        assert_eq!(on("2010-01-10"), "ORCHOB");
        assert_eq!(on("2011-05-01"), "HOBMIL");
        assert_eq!(on("2020-01-01"), "HOBELI");
        assert_eq!(on("2000-01-01"), "HOB");
        assert_eq!(a.code_on(None).unwrap().to_string(), "HOB");
        let b = actor(vec![role("FRAGOV", "2017-06-21..2022-05-20")]);
        assert!(b
            .role_on(Some(Date::parse("2023-01-01").unwrap()))
            .is_none());
        assert_eq!(b.code_on(None).unwrap().to_string(), "FRAGOV");
    }

    #[test]
    fn agents_add_chunks() {
        let agent = |c: &str, p| Agent {
            phrases: vec![],
            chunks: Code::parse(c).unwrap(),
            placement: p,
            kind: None,
            origin: Origin {
                file: "t".into(),
                line: 1,
            },
        };
        let irq = Code::parse("IRQ").unwrap();
        assert_eq!(
            agent("MIL", Placement::Suffix)
                .apply(&irq)
                .unwrap()
                .as_str(),
            "IRQMIL"
        );
        assert_eq!(
            agent("NGO", Placement::Prefix)
                .apply(&irq)
                .unwrap()
                .as_str(),
            "NGOIRQ"
        );
    }
}
