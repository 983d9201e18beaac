//! khaldun's event coder: who did what to whom, in CAMEO and PLOVER.
#![deny(missing_docs)]

mod error;

pub use error::{Error, Result};
