//! khaldun's event coder: who did what to whom, in CAMEO and PLOVER.
#![deny(missing_docs)]
