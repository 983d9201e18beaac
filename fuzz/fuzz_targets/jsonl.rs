//! Arbitrary bytes read as a JSON-lines file: the reader must never panic,
//! and must yield exactly one record per non-blank (or over-long) line, or a
//! single "empty" record when there is none. Inputs whose first line opens a
//! JSON array are read as one array, so only "no panic" holds for them.
#![no_main]

use khaldun_ingest::{Format, Input, Reader, ReaderOptions, Record};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

/// One scratch file per fuzzing process, rewritten for every input (in
/// memory under /dev/shm when there is one: the reader only reads paths).
fn scratch() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let shm = std::path::Path::new("/dev/shm");
        let dir = if shm.is_dir() {
            shm.to_path_buf()
        } else {
            std::env::temp_dir()
        };
        dir.join(format!("khaldun-fuzz-jsonl-{}.jsonl", std::process::id()))
    })
}

/// Records the reader should yield, or `None` for JSON-array input.
fn expected_records(data: &[u8], limit: usize) -> Option<usize> {
    let mut n = 0;
    let mut first = true;
    let lines: Vec<&[u8]> = data.split_inclusive(|&b| b == b'\n').collect();
    for (i, line) in lines.iter().enumerate() {
        // the limit counts the record without its line ending ("\n" or "\r\n")
        let content = line.strip_suffix(b"\n").unwrap_or(line);
        let too_long = content.strip_suffix(b"\r").unwrap_or(content).len() > limit;
        if too_long {
            first = false;
            n += 1;
            continue;
        }
        let raw = line.strip_suffix(b"\n").unwrap_or(line);
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let raw = if i == 0 {
            raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw)
        } else {
            raw
        };
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if first && raw.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
            return None;
        }
        first = false;
        n += 1;
    }
    Some(if first { 1 } else { n })
}

fuzz_target!(|data: &[u8]| {
    // first byte picks the options, the rest is the file
    let Some((&opt, data)) = data.split_first() else {
        return;
    };
    let limit = if opt & 1 == 0 {
        1 << 20
    } else {
        16 + (opt >> 2) as usize
    };
    let opts = ReaderOptions {
        format: Some(Format::JsonLines),
        lossy: opt & 2 != 0,
        max_record_bytes: limit,
        ..ReaderOptions::default()
    };
    let path = scratch();
    std::fs::write(path, data).expect("cannot write the scratch file");
    let lines = data.split(|&b| b == b'\n').count();
    let mut n = 0;
    for rec in Reader::new(vec![Input::path(path)], opts) {
        n += 1;
        match rec {
            Record::Doc { doc, .. } => {
                assert!(!doc.text.trim().is_empty(), "empty document {}", doc.id);
                assert!(!doc.text.contains('\0'), "NUL in document {}", doc.id);
            }
            Record::Error(e) => {
                if let Some(l) = e.line {
                    assert!(l >= 1 && l <= lines, "error on line {l} of {lines}: {e}");
                }
                if let Some(o) = e.offset {
                    assert!(o as usize <= data.len(), "offset {o} past the end: {e}");
                }
            }
        }
    }
    // left behind only when an assertion fails
    let _ = std::fs::remove_file(path);
    assert!(n >= 1, "no record at all");
    if let Some(want) = expected_records(data, limit) {
        assert_eq!(n, want, "records for {} lines", lines);
    }
});
