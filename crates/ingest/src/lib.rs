//! Reading news articles into khaldun [`Document`]s.
//!
//! Inputs are plain-text files (one article each), JSON lines (one article
//! per line; field names configurable), JSON arrays of articles, HTML pages
//! (article body extracted, scripts and navigation dropped), folders of any
//! of these (walked recursively, in name order) and stdin.
//!
//! Nothing is lost: [`Reader`] yields one [`Record`] per input record, either
//! a document or a [`RecordError`] naming the file, line and byte offset, so
//! that a batch can account for every input.
//!
//! ```no_run
//! use khaldun_ingest::{Input, Reader, ReaderOptions, Record};
//! let reader = Reader::new(vec![Input::path("articles/")], ReaderOptions::default());
//! for record in reader {
//!     match record {
//!         Record::Doc { doc, .. } => println!("{}: {} bytes", doc.id, doc.text.len()),
//!         Record::Error(e) => eprintln!("{e}"),
//!     }
//! }
//! ```
#![deny(missing_docs)]

mod error;
mod html;
mod jsonl;
mod text;

pub use error::{ErrorKind, RecordError};

use khaldun_types::Document;
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// The input format of a file or stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One article per file.
    Text,
    /// One JSON object per line (or a JSON array of objects).
    JsonLines,
    /// An HTML page.
    Html,
}

impl Format {
    /// The format a file name suggests (`None` for unknown extensions).
    pub fn from_path(p: &Path) -> Option<Format> {
        let ext = p.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "jsonl" | "ndjson" | "json" => Some(Format::JsonLines),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }

    /// Guesses from the first bytes of content: `{`/`[` JSON, `<` HTML, else text.
    pub fn sniff(head: &[u8]) -> Format {
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        match head.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') | Some(b'[') => Format::JsonLines,
            Some(b'<') => Format::Html,
            _ => Format::Text,
        }
    }
}

/// Names of the JSON fields holding each part of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldNames {
    /// Identifier field (default `id`).
    pub id: String,
    /// Body text field (default `text`).
    pub text: String,
    /// Date field (default `date`).
    pub date: String,
    /// Headline field (default `title`).
    pub title: String,
    /// Publisher field (default `source`).
    pub source: String,
    /// URL field (default `url`).
    pub url: String,
}

impl Default for FieldNames {
    fn default() -> Self {
        FieldNames {
            id: "id".into(),
            text: "text".into(),
            date: "date".into(),
            title: "title".into(),
            source: "source".into(),
            url: "url".into(),
        }
    }
}

/// How inputs are read.
#[derive(Debug, Clone)]
pub struct ReaderOptions {
    /// Force a format instead of guessing from names and content.
    pub format: Option<Format>,
    /// JSON field names.
    pub fields: FieldNames,
    /// Replace invalid UTF-8 with U+FFFD (with a warning) instead of refusing the record.
    pub lossy: bool,
    /// Largest record (a file, or one JSON line) accepted, in bytes.
    pub max_record_bytes: usize,
    /// Date given to documents whose input has none (`--date`).
    pub default_date: Option<String>,
}

impl Default for ReaderOptions {
    fn default() -> Self {
        ReaderOptions {
            format: None,
            fields: FieldNames::default(),
            lossy: false,
            max_record_bytes: 16 << 20,
            default_date: None,
        }
    }
}

/// One input: a path (file or folder) or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or folder.
    Path(PathBuf),
    /// Standard input.
    Stdin,
}

impl Input {
    /// An input from a path, or stdin for `-`.
    pub fn path(p: impl Into<PathBuf>) -> Input {
        let p = p.into();
        if p.as_os_str() == "-" {
            Input::Stdin
        } else {
            Input::Path(p)
        }
    }

    fn name(&self) -> String {
        match self {
            Input::Path(p) => p.display().to_string(),
            Input::Stdin => "<stdin>".into(),
        }
    }
}

/// What reading one input record gave.
#[derive(Debug)]
pub enum Record {
    /// A document, with any warnings (e.g. lossy UTF-8 repair).
    Doc {
        /// The document.
        doc: Document,
        /// Warnings about this record.
        warnings: Vec<String>,
    },
    /// A record that could not be read.
    Error(RecordError),
}

/// Iterates over the records of a list of inputs, folders expanded.
pub struct Reader {
    opts: ReaderOptions,
    pending: VecDeque<Input>,
    current: Option<jsonl::JsonLines>,
    queued: VecDeque<Record>,
}

impl Reader {
    /// A reader over `inputs` (no inputs means stdin).
    pub fn new(inputs: Vec<Input>, opts: ReaderOptions) -> Reader {
        let pending = if inputs.is_empty() {
            VecDeque::from([Input::Stdin])
        } else {
            inputs.into()
        };
        Reader {
            opts,
            pending,
            current: None,
            queued: VecDeque::new(),
        }
    }

    fn open(&mut self, input: Input) {
        let name = input.name();
        match input {
            Input::Path(p) if p.is_dir() => match walk(&p) {
                Ok(files) => {
                    for f in files.into_iter().rev() {
                        self.pending.push_front(Input::Path(f));
                    }
                }
                Err(e) => self
                    .queued
                    .push_back(Record::Error(RecordError::io(&name, &e))),
            },
            Input::Path(p) => match std::fs::File::open(&p) {
                Ok(f) => self.open_stream(&name, Box::new(f), Format::from_path(&p)),
                Err(e) => self
                    .queued
                    .push_back(Record::Error(RecordError::io(&name, &e))),
            },
            Input::Stdin => self.open_stream(&name, Box::new(std::io::stdin()), None),
        }
    }

    fn open_stream(&mut self, name: &str, r: Box<dyn Read + Send>, by_name: Option<Format>) {
        let mut br = BufReader::with_capacity(1 << 16, r);
        let fmt = match self.opts.format.or(by_name) {
            Some(f) => f,
            None => match br.fill_buf() {
                Ok(head) => Format::sniff(head),
                Err(e) => {
                    self.queued
                        .push_back(Record::Error(RecordError::io(name, &e)));
                    return;
                }
            },
        };
        match fmt {
            Format::JsonLines => {
                self.current = Some(jsonl::JsonLines::new(
                    name.to_string(),
                    Box::new(br),
                    &self.opts,
                ))
            }
            Format::Text | Format::Html => {
                let rec = match read_limited(&mut br, self.opts.max_record_bytes) {
                    Err(e) => Record::Error(RecordError::io(name, &e)),
                    Ok(None) => Record::Error(RecordError::new(
                        ErrorKind::TooLarge,
                        format!(
                            "input exceeds the {} byte record limit",
                            self.opts.max_record_bytes
                        ),
                        name,
                    )),
                    Ok(Some(bytes)) => {
                        if fmt == Format::Html {
                            html::document(name, &bytes, &self.opts)
                        } else {
                            text::document(name, &bytes, &self.opts)
                        }
                    }
                };
                self.queued.push_back(rec);
            }
        }
    }
}

impl Iterator for Reader {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        loop {
            if let Some(r) = self.queued.pop_front() {
                return Some(r);
            }
            if let Some(cur) = &mut self.current {
                match cur.next() {
                    Some(r) => return Some(r),
                    None => self.current = None,
                }
            }
            let input = self.pending.pop_front()?;
            self.open(input);
        }
    }
}

/// Reads up to `limit` bytes; `None` when the input is longer.
fn read_limited(r: &mut impl Read, limit: usize) -> std::io::Result<Option<Vec<u8>>> {
    let mut buf = Vec::new();
    r.take(limit as u64 + 1).read_to_end(&mut buf)?;
    Ok((buf.len() <= limit).then_some(buf))
}

/// Files under a folder, recursively, in name order; hidden entries and
/// files of unknown type skipped.
fn walk(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let p = e.path();
        if e.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let ft = e.file_type()?;
        if ft.is_dir() {
            out.extend(walk(&p)?);
        } else if Format::from_path(&p).is_some() || p.extension().is_none() {
            out.push(p);
        }
    }
    Ok(out)
}

/// Checks raw bytes and makes them a `String`: BOM removed; NUL bytes and
/// binary junk refused; invalid UTF-8 refused (with its offset) or repaired.
pub(crate) fn decode(
    name: &str,
    line: Option<usize>,
    bytes: &[u8],
    lossy: bool,
    warnings: &mut Vec<String>,
) -> Result<String, RecordError> {
    let at = |kind, msg: String, off: usize| {
        let mut e = RecordError::new(kind, msg, name);
        e.line = line;
        e.offset = Some(off as u64);
        e
    };
    // offsets count from the start of the input, BOM included
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let bytes = &bytes[bom..];
    if let Some(off) = bytes.iter().position(|&b| b == 0).map(|o| o + bom) {
        return Err(at(
            ErrorKind::Binary,
            format!("NUL byte at byte offset {off}: binary data, not text"),
            off,
        ));
    }
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if bytes.len() >= 16 && controls * 20 > bytes.len() {
        let off = bytes
            .iter()
            .position(|&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
            .unwrap_or(0)
            + bom;
        return Err(at(
            ErrorKind::Binary,
            format!("{controls} control bytes in {} (first at byte offset {off}): binary data, not text", bytes.len()),
            off,
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) if lossy => {
            warnings.push(format!(
                "{name}{}: invalid UTF-8 at byte offset {}, replaced with U+FFFD",
                line.map(|l| format!(":{l}")).unwrap_or_default(),
                e.valid_up_to() + bom
            ));
            Ok(String::from_utf8_lossy(bytes).into_owned())
        }
        Err(e) => {
            let off = e.valid_up_to() + bom;
            Err(at(
                ErrorKind::InvalidUtf8,
                format!("invalid UTF-8 at byte offset {off} (use --lossy to repair)"),
                off,
            ))
        }
    }
}

/// Normalizes a date field: `2020-08-27`, `2020-08-27T10:00:00Z` and
/// `2020/08/27` become `2020-08-27`; anything else is kept as given.
pub fn normalize_date(s: &str) -> String {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && (b[4] == b'-' || b[4] == b'/')
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b[4]
        && b[8..10].iter().all(u8::is_ascii_digit)
    {
        return format!("{}-{}-{}", &s[..4], &s[5..7], &s[8..10]);
    }
    s.to_string()
}

#[cfg(test)]
mod tests;
