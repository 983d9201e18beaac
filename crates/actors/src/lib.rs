//! khaldun's actors: who does what to whom.
//!
//! This crate holds the actor model, khaldun's built-in knowledge of the
//! world and the readers for actor dictionaries:
//!
//! - [`Code`]: a CAMEO-style code, a root (`FRA`, `IGO`, `IMG` ...) and
//!   sector chunks (`GOV`, `MIL` ...), parsed and printed as `FRAGOV`;
//!   [`CodeTable`] knows what every chunk means.
//! - [`Actor`]: a country, city, organization, armed group or person, with
//!   its [`Name`]s and [`Role`]s; a role holds over a [`DateRange`], and
//!   [`Actor::role_on`] picks the one for an article's date.
//! - [`Agent`]: a role noun or phrase ("defence minister", "security
//!   forces") that adds sectors to the actor it attaches to.
//! - [`Knowledge`]: the built-in data from `data/actors/` (countries, cities
//!   and metonyms, organizations, media, armed groups, sector phrases,
//!   persons with dated offices), compiled into the binary, or a set built
//!   from other files with [`KnowledgeBuilder`].
//! - [`petrarch`]: reads PETRARCH2 / Phoenix dictionaries into these types;
//!   [`format`](mod@format) reads and writes khaldun's own format, so PETRARCH files
//!   can be converted.
//! - [`Matcher`]: every name and sector phrase compiled into a trie over
//!   folded tokens; finds actors in a sentence, parse-aware when given the
//!   analysis' [`Dep`]s ("Iraqi security forces" = `IRQCOPMIL`).
//!
//! ```
//! use khaldun_actors::{ActorKind, Code, Date, Knowledge, Office};
//!
//! let k = Knowledge::builtin();
//! assert_eq!(k.country("FRA").unwrap().names_of(khaldun_actors::NameForm::Adjective).next(), Some("French"));
//! let iraqis = k.find("Iraqis", ActorKind::Country).unwrap();
//! assert_eq!(iraqis.country.unwrap().as_str(), "IRQ");
//!
//! let parly = k.find("Florence Parly", ActorKind::Person).unwrap();
//! let role = parly.role_on(Some(Date::parse("2020-08-27")?)).unwrap();
//! assert_eq!(role.code, Code::parse("FRAGOVMIL")?);
//! assert_eq!(role.offices, [Office::DefenceMinister]);
//! # Ok::<(), khaldun_actors::Error>(())
//! ```
//!
//! Design: names are kept as written; matching folds them (see
//! [`name_key`] and `khaldun_text::normalize`), so the data stays readable
//! and one spelling per variant is enough for case and diacritics. Codes
//! are small inline values, so tens of thousands of PETRARCH entries cost
//! no allocation per code.
//! - [`document`]: the actors of a whole article ([`resolve`]): matches,
//!   discovery of unlisted actors (titles, appositions, sources, NER) and
//!   coreference (surnames, misspellings, role descriptions, pronouns).
#![deny(missing_docs)]

pub mod actor;
pub mod code;
pub mod date;
pub mod document;
mod error;
pub mod format;
pub mod knowledge;
pub mod matcher;
pub mod petrarch;

pub use actor::{
    Actor, ActorId, ActorKind, Agent, AgentKind, Name, NameForm, Office, Origin, Placement, Role,
};
pub use code::{ChunkKind, Code, CodeTable};
pub use date::{Date, DateRange};
pub use document::{resolve, DocActor, DocumentActors, FoundBy, Mention, MentionHow};
pub use error::{Error, Result};
pub use knowledge::{name_key, DataFile, Knowledge, KnowledgeBuilder};
pub use matcher::{Dep, Match, MatchKind, Matcher, Rule};
pub use petrarch::PetrarchSet;
