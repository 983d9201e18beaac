//! The error record: what went wrong with one input record, and where.

use serde::Serialize;

/// What kind of problem a record had.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file or stream could not be read.
    Io,
    /// Bytes that are not UTF-8.
    InvalidUtf8,
    /// NUL bytes or control-character junk.
    Binary,
    /// A record above the size limit.
    TooLarge,
    /// Nothing to read, or only whitespace.
    Empty,
    /// A line that is not a JSON object.
    Json,
    /// A JSON object without its text field (or with a non-string one).
    MissingField,
    /// An HTML page with no article text.
    Html,
}

/// One input record that yields no document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{file}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct RecordError {
    /// The record's id when it could be read.
    pub id: Option<String>,
    /// What went wrong.
    pub kind: ErrorKind,
    /// A sentence for humans.
    pub message: String,
    /// The file (or `<stdin>`).
    pub file: String,
    /// 1-based line, for JSON lines.
    pub line: Option<usize>,
    /// Byte offset of the problem within the record (or file), when known.
    pub offset: Option<u64>,
}

impl RecordError {
    /// An error about `file`.
    pub fn new(kind: ErrorKind, message: impl Into<String>, file: &str) -> RecordError {
        RecordError {
            id: None,
            kind,
            message: message.into(),
            file: file.to_string(),
            line: None,
            offset: None,
        }
    }

    pub(crate) fn io(file: &str, e: &std::io::Error) -> RecordError {
        RecordError::new(ErrorKind::Io, format!("cannot read: {e}"), file)
    }

    /// The id this record gets in output: its own id, else `file` or `file:line`.
    pub fn record_id(&self) -> String {
        self.id.clone().unwrap_or_else(|| match self.line {
            Some(l) => format!("{}:{l}", self.file),
            None => self.file.clone(),
        })
    }
}
