//! The crate's one error type.

use std::path::PathBuf;

/// Everything that can go wrong in this crate.
///
/// Data errors name the file and the 1-based line, so that a user can go
/// straight to the entry.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A malformed line in an ontology, pattern or dictionary file.
    #[error("{file}:{line}: {message}")]
    Parse {
        /// The file (name or path) being read.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// An actor dictionary could not be read.
    #[error(transparent)]
    Actors(#[from] khaldun_actors::Error),
    /// A file or folder could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

pub(crate) fn parse_error(file: &str, line: usize, message: impl Into<String>) -> Error {
    Error::Parse {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}
