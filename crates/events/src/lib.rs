//! khaldun's event coder: who did what to whom, in CAMEO and PLOVER.
#![deny(missing_docs)]

mod error;
pub mod ontology;

pub use error::{Error, Result};
pub use ontology::{CameoCode, Ontology, Plover, PloverType, QuadClass};
