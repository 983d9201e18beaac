//! khaldun's event coder: who did what to whom, in CAMEO and PLOVER.
#![deny(missing_docs)]

pub mod coder;
pub mod dates;
mod error;
pub mod ontology;
pub mod patterns;
pub mod petr_unittest;
pub mod petrarch;
pub mod places;
pub mod quotes;
pub mod record;
pub mod word_lists;

pub use coder::{code_sentence, Coded, Modality, Party, Unnamed};
pub use dates::{find_dates, for_trigger, DateMention, DateValue, Precision};
pub use error::{Error, Result};
pub use ontology::{CameoCode, Ontology, Plover, PloverType, QuadClass};
pub use patterns::{Frame, Pattern, Patterns, Slot, TriggerKind, Words};
pub use quotes::{find_quotes, Quote, Speaker};
pub use record::{
    CodedDocument, Coder, DocActor, Event, EventActor, Evidence, Location, Options, PloverCoding,
};
pub use word_lists::{WordList, WordLists};
