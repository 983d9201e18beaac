//! Plain-text files: one article per file.

use crate::{decode, ErrorKind, ReaderOptions, Record, RecordError};
use khaldun_types::Document;

pub(crate) fn document(name: &str, bytes: &[u8], opts: &ReaderOptions) -> Record {
    let mut warnings = Vec::new();
    let text = match decode(name, None, bytes, opts.lossy, &mut warnings) {
        Ok(t) => t,
        Err(e) => return Record::Error(e),
    };
    if text.trim().is_empty() {
        return Record::Error(RecordError::new(
            ErrorKind::Empty,
            "empty input: no text to read",
            name,
        ));
    }
    let doc = Document {
        id: name.to_string(),
        date: opts.default_date.clone(),
        text,
        ..Document::default()
    };
    Record::Doc { doc, warnings }
}
