//! The crate's one error type.

use std::path::PathBuf;

/// Everything that can go wrong in this crate.
///
/// Dictionary errors name the file and the 1-based line, so that a user can
/// go straight to the entry.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A malformed actor code.
    #[error("invalid code {code:?}: {reason}")]
    Code {
        /// The code as written.
        code: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A malformed date or date range.
    #[error("invalid date {text:?}: {reason}")]
    Date {
        /// The date as written.
        text: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A malformed line in a dictionary or data file.
    #[error("{file}:{line}: {message}")]
    Parse {
        /// The file (name or path) being read.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A file or folder could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

impl Error {
    pub(crate) fn parse(file: &str, line: usize, message: impl Into<String>) -> Error {
        Error::Parse {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }

    /// Attaches a location to a code or date error found on a data line.
    pub(crate) fn at(self, file: &str, line: usize) -> Error {
        match self {
            Error::Parse { .. } | Error::Io { .. } => self,
            other => Error::parse(file, line, other.to_string()),
        }
    }
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
