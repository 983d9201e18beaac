//! JSON lines: one article object per line (or a JSON array of them).

use crate::{decode, normalize_date, ErrorKind, ReaderOptions, Record, RecordError};
use khaldun_types::Document;
use serde_json::{Map, Value};
use std::collections::VecDeque;
use std::io::{BufRead, Read};

pub(crate) struct JsonLines {
    name: String,
    r: Box<dyn BufRead + Send>,
    opts: ReaderOptions,
    line: usize,
    offset: u64,
    buf: Vec<u8>,
    /// Records of a JSON array file, read all at once.
    array: VecDeque<Record>,
    first: bool,
    done: bool,
}

/// Outcome of reading one line under the size limit.
enum Line {
    Eof,
    Ok,
    TooLong(usize),
}

impl JsonLines {
    pub(crate) fn new(name: String, r: Box<dyn BufRead + Send>, opts: &ReaderOptions) -> JsonLines {
        JsonLines {
            name,
            r,
            opts: opts.clone(),
            line: 0,
            offset: 0,
            buf: Vec::new(),
            array: VecDeque::new(),
            first: true,
            done: false,
        }
    }

    /// Reads one line into `buf` without ever holding more than the limit.
    fn read_line(&mut self) -> std::io::Result<Line> {
        self.buf.clear();
        let limit = self.opts.max_record_bytes;
        // the limit counts the record, not its line ending ("\n" or "\r\n")
        let room = limit.saturating_add(2);
        let mut total = 0usize;
        let mut any = false;
        loop {
            let chunk = self.r.fill_buf()?;
            let (take, end) = match memchr_nl(chunk) {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            if chunk.is_empty() || end {
                if end {
                    if total + take <= room {
                        self.buf.extend_from_slice(&chunk[..take]);
                    }
                    total += take;
                    self.r.consume(take);
                    self.offset += take as u64;
                }
                if !any && !end {
                    return Ok(Line::Eof);
                }
                let content = if total <= room {
                    let b = self.buf.strip_suffix(b"\n").unwrap_or(&self.buf);
                    b.strip_suffix(b"\r").unwrap_or(b).len()
                } else {
                    total
                };
                return Ok(if content > limit {
                    Line::TooLong(total)
                } else {
                    Line::Ok
                });
            }
            any = true;
            if total + take <= room {
                self.buf.extend_from_slice(&chunk[..take]);
            }
            total += take;
            self.r.consume(take);
            self.offset += take as u64;
        }
    }

    fn error(&self, kind: ErrorKind, msg: String) -> Record {
        let mut e = RecordError::new(kind, msg, &self.name);
        e.line = Some(self.line);
        Record::Error(e)
    }

    fn read_array(&mut self) -> Record {
        let mut rest = std::mem::take(&mut self.buf);
        let limit = self.opts.max_record_bytes;
        if let Err(e) = (&mut self.r).take(limit as u64 + 1).read_to_end(&mut rest) {
            return Record::Error(RecordError::io(&self.name, &e));
        }
        self.done = true;
        if rest.len() > limit {
            return self.error(
                ErrorKind::TooLarge,
                format!("JSON array exceeds the {limit} byte record limit"),
            );
        }
        let mut warnings = Vec::new();
        let text = match decode(&self.name, None, &rest, self.opts.lossy, &mut warnings) {
            Ok(t) => t,
            Err(e) => return Record::Error(e),
        };
        match serde_json::from_str::<Vec<Value>>(&text) {
            Ok(items) if items.is_empty() => {
                self.error(ErrorKind::Empty, "empty JSON array: no articles".into())
            }
            Ok(items) => {
                for (i, v) in items.into_iter().enumerate() {
                    let r = to_record(&self.name, None, i + 1, v, &self.opts, warnings.clone());
                    self.array.push_back(r);
                }
                self.array
                    .pop_front()
                    .unwrap_or_else(|| self.error(ErrorKind::Empty, "no articles".into()))
            }
            Err(e) => {
                let mut err = RecordError::new(
                    ErrorKind::Json,
                    format!("malformed JSON array: {e}"),
                    &self.name,
                );
                err.line = Some(e.line());
                Record::Error(err)
            }
        }
    }
}

fn memchr_nl(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'\n')
}

impl Iterator for JsonLines {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        if let Some(r) = self.array.pop_front() {
            return Some(r);
        }
        loop {
            if self.done {
                return None;
            }
            let mut start = self.offset;
            let got = match self.read_line() {
                Ok(g) => g,
                Err(e) => {
                    self.done = true;
                    return Some(Record::Error(RecordError::io(&self.name, &e)));
                }
            };
            self.line += 1;
            match got {
                Line::Eof => {
                    self.done = true;
                    if self.first {
                        let mut e = RecordError::new(
                            ErrorKind::Empty,
                            "empty input: no articles",
                            &self.name,
                        );
                        e.offset = Some(0);
                        return Some(Record::Error(e));
                    }
                    return None;
                }
                Line::TooLong(n) => {
                    self.first = false;
                    let mut e = RecordError::new(
                        ErrorKind::TooLarge,
                        format!(
                            "line of {n} bytes exceeds the {} byte record limit",
                            self.opts.max_record_bytes
                        ),
                        &self.name,
                    );
                    e.line = Some(self.line);
                    e.offset = Some(start);
                    return Some(Record::Error(e));
                }
                Line::Ok => {}
            }
            let raw = self.buf.strip_suffix(b"\n").unwrap_or(&self.buf);
            let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
            let raw = match raw.strip_prefix(b"\xEF\xBB\xBF") {
                // offsets below count from the start of the file, BOM included
                Some(rest) if self.line == 1 => {
                    start += 3;
                    rest
                }
                _ => raw,
            };
            if raw.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            if self.first && raw.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
                self.first = false;
                self.buf = raw.to_vec();
                return Some(self.read_array());
            }
            self.first = false;
            let mut warnings = Vec::new();
            let text = match decode(
                &self.name,
                Some(self.line),
                raw,
                self.opts.lossy,
                &mut warnings,
            ) {
                Ok(t) => t,
                Err(mut e) => {
                    e.offset = e.offset.map(|o| o + start);
                    return Some(Record::Error(e));
                }
            };
            let value: Value = match serde_json::from_str(&text) {
                Ok(v) => v,
                Err(e) => {
                    let mut err = RecordError::new(
                        ErrorKind::Json,
                        format!("malformed JSON: {e}"),
                        &self.name,
                    );
                    err.line = Some(self.line);
                    let col = e.column().saturating_sub(1);
                    err.offset = Some(start + raw_offset(raw, col) as u64);
                    return Some(Record::Error(err));
                }
            };
            return Some(to_record(
                &self.name,
                Some(self.line),
                self.line,
                value,
                &self.opts,
                warnings,
            ));
        }
    }
}

/// Maps a byte offset in `decode`'s output back to `raw`: `decode` drops a
/// leading BOM and, with `--lossy`, turns each invalid sequence into a
/// 3-byte U+FFFD, so the two differ in length.
fn raw_offset(raw: &[u8], off: usize) -> usize {
    let bom = if raw.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let (mut from, mut to) = (bom, 0);
    for chunk in raw[bom..].utf8_chunks() {
        let valid = chunk.valid().len();
        if off < to + valid {
            return from + off - to;
        }
        from += valid;
        to += valid;
        if !chunk.invalid().is_empty() {
            if off < to + 3 {
                return from;
            }
            from += chunk.invalid().len();
            to += 3;
        }
    }
    from + off.saturating_sub(to)
}

fn string_field(obj: &Map<String, Value>, key: &str) -> Option<String> {
    match obj.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Turns one JSON value into a document or an error record.
fn to_record(
    name: &str,
    line: Option<usize>,
    index: usize,
    v: Value,
    opts: &ReaderOptions,
    warnings: Vec<String>,
) -> Record {
    let f = &opts.fields;
    let err = |kind, msg: String, id: Option<String>| {
        let mut e = RecordError::new(kind, msg, name);
        e.line = line;
        e.id = id;
        Record::Error(e)
    };
    let Value::Object(obj) = v else {
        return err(
            ErrorKind::Json,
            "expected a JSON object for an article".into(),
            None,
        );
    };
    let id = string_field(&obj, &f.id);
    let text = match obj.get(&f.text) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => {
            return err(
                ErrorKind::MissingField,
                format!("no \"{}\" field: an article needs its text", f.text),
                id,
            )
        }
        Some(other) => {
            let ty = match other {
                Value::Bool(_) => "a boolean",
                Value::Number(_) => "a number",
                Value::Array(_) => "an array",
                _ => "an object",
            };
            return err(
                ErrorKind::MissingField,
                format!("field \"{}\" is {ty}, not a string", f.text),
                id,
            );
        }
    };
    if text.contains('\0') {
        let off = text.find('\0').unwrap_or(0);
        return err(
            ErrorKind::Binary,
            format!("NUL character in the text at byte offset {off}"),
            id,
        );
    }
    if text.trim().is_empty() {
        return err(
            ErrorKind::Empty,
            format!("field \"{}\" is empty", f.text),
            id,
        );
    }
    let id = id.unwrap_or_else(|| match line {
        Some(l) => format!("{name}:{l}"),
        None => format!("{name}#{index}"),
    });
    let doc = Document {
        id,
        date: string_field(&obj, &f.date)
            .map(|d| normalize_date(&d))
            .or_else(|| opts.default_date.clone()),
        title: string_field(&obj, &f.title),
        source: string_field(&obj, &f.source),
        url: string_field(&obj, &f.url),
        text,
    };
    Record::Doc { doc, warnings }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by fuzzing (`jsonl` target): with `--lossy`, the offset of a
    /// JSON error was counted in the repaired text and could point past the
    /// end of the file.
    #[test]
    fn fuzz_lossy_json_error_offset_past_the_end() {
        let raw = b"{\"pexr\xdcm\xff\xff\xff\xf6%d";
        let text = String::from_utf8_lossy(raw);
        let err = serde_json::from_str::<Value>(&text).unwrap_err();
        // the column of an EOF error is the last byte: `d`
        assert_eq!(raw_offset(raw, err.column() - 1), raw.len() - 1);
        // U+FFFD for \xdc is 3 bytes in the text, 1 in the input
        assert_eq!(raw_offset(raw, 6), 6);
        assert_eq!(raw_offset(raw, 9), 7);
        assert_eq!(raw_offset(raw, 10), 8);
        // a BOM on a later line is dropped by decode
        assert_eq!(raw_offset(b"\xEF\xBB\xBF{x", 1), 4);
        assert_eq!(raw_offset(b"{x", 1), 1);
    }
}
