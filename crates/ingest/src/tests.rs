use super::*;
use std::io::Write;

fn read_all(inputs: Vec<Input>, opts: ReaderOptions) -> Vec<Record> {
    Reader::new(inputs, opts).collect()
}

fn file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::File::create(&p).unwrap().write_all(bytes).unwrap();
    p
}

fn err(r: &Record) -> &RecordError {
    match r {
        Record::Error(e) => e,
        Record::Doc { doc, .. } => panic!("expected an error, got document {}", doc.id),
    }
}

fn doc(r: &Record) -> &Document {
    match r {
        Record::Doc { doc, .. } => doc,
        Record::Error(e) => panic!("expected a document, got {e}"),
    }
}

#[test]
fn text_file_with_bom_and_default_date() {
    let d = tempfile::tempdir().unwrap();
    let p = file(d.path(), "a.txt", "\u{feff}Iraq’s army moved.".as_bytes());
    let opts = ReaderOptions {
        default_date: Some("2020-08-27".into()),
        ..Default::default()
    };
    let recs = read_all(vec![Input::path(&p)], opts);
    assert_eq!(recs.len(), 1);
    let doc = doc(&recs[0]);
    assert_eq!(doc.text, "Iraq’s army moved.");
    assert_eq!(doc.date.as_deref(), Some("2020-08-27"));
    assert!(doc.id.ends_with("a.txt"));
}

#[test]
fn invalid_utf8_names_the_offset_or_is_repaired() {
    let d = tempfile::tempdir().unwrap();
    let p = file(d.path(), "bad.txt", b"abc\xff\xfedef");
    let recs = read_all(vec![Input::path(&p)], ReaderOptions::default());
    let e = err(&recs[0]);
    assert_eq!(e.kind, ErrorKind::InvalidUtf8);
    assert_eq!(e.offset, Some(3));
    assert!(e.message.contains("byte offset 3"), "{}", e.message);
    let recs = read_all(
        vec![Input::path(&p)],
        ReaderOptions {
            lossy: true,
            ..Default::default()
        },
    );
    match &recs[0] {
        Record::Doc { doc, warnings } => {
            assert_eq!(doc.text, "abc\u{fffd}\u{fffd}def");
            assert!(warnings[0].contains("byte offset 3"));
        }
        Record::Error(e) => panic!("{e}"),
    }
}

#[test]
fn nul_bytes_binary_junk_and_empty_files_are_refused() {
    let d = tempfile::tempdir().unwrap();
    let nul = file(d.path(), "nul.txt", b"text\0more");
    let junk: Vec<u8> = (0..200u8).map(|i| i % 31 + 1).collect();
    let junk = file(d.path(), "junk.txt", &junk);
    let empty = file(d.path(), "empty.txt", b"");
    let blank = file(d.path(), "blank.jsonl", b"\n \n");
    let recs = read_all(
        vec![
            Input::path(&nul),
            Input::path(&junk),
            Input::path(&empty),
            Input::path(&blank),
        ],
        ReaderOptions::default(),
    );
    let kinds: Vec<_> = recs.iter().map(|r| err(r).kind).collect();
    assert_eq!(
        kinds,
        [
            ErrorKind::Binary,
            ErrorKind::Binary,
            ErrorKind::Empty,
            ErrorKind::Empty
        ]
    );
    assert_eq!(err(&recs[0]).offset, Some(4));
}

#[test]
fn json_lines_yield_a_record_per_line() {
    let d = tempfile::tempdir().unwrap();
    let lines = concat!(
        "{\"id\":\"a\",\"date\":\"2020-08-27T10:00:00Z\",\"title\":\"T\",\"text\":\"One.\"}\n",
        "\n",
        "{\"id\":\"b\",\"body\":\"no text field\"}\n",
        "{\"id\":\"c\", \"text\": \n",
        "[1,2]\n",
        "{\"text\":\"Two.\"}\n",
        "{\"id\":\"e\",\"text\":42}\n",
    );
    let p = file(d.path(), "in.jsonl", lines.as_bytes());
    let recs = read_all(vec![Input::path(&p)], ReaderOptions::default());
    assert_eq!(recs.len(), 6);
    let a = doc(&recs[0]);
    assert_eq!(
        (a.id.as_str(), a.date.as_deref(), a.title.as_deref()),
        ("a", Some("2020-08-27"), Some("T"))
    );
    let b = err(&recs[1]);
    assert_eq!(
        (b.kind, b.line, b.id.as_deref()),
        (ErrorKind::MissingField, Some(3), Some("b"))
    );
    assert_eq!(
        (err(&recs[2]).kind, err(&recs[2]).line),
        (ErrorKind::Json, Some(4))
    );
    assert_eq!(err(&recs[3]).kind, ErrorKind::Json);
    assert!(doc(&recs[4]).id.ends_with("in.jsonl:6"));
    assert!(err(&recs[5]).message.contains("is a number"));
}

#[test]
fn configurable_field_names() {
    let d = tempfile::tempdir().unwrap();
    let p = file(
        d.path(),
        "x.jsonl",
        b"{\"uid\":\"z\",\"body\":\"Text.\",\"published\":\"2021/01/02\"}\n",
    );
    let fields = FieldNames {
        id: "uid".into(),
        text: "body".into(),
        date: "published".into(),
        ..Default::default()
    };
    let recs = read_all(
        vec![Input::path(&p)],
        ReaderOptions {
            fields,
            ..Default::default()
        },
    );
    let doc = doc(&recs[0]);
    assert_eq!(
        (doc.id.as_str(), doc.date.as_deref()),
        ("z", Some("2021-01-02"))
    );
}

#[test]
fn over_long_lines_are_refused_and_reading_goes_on() {
    let d = tempfile::tempdir().unwrap();
    let mut data = format!("{{\"text\":\"{}\"}}\n", "x".repeat(5000)).into_bytes();
    data.extend_from_slice(b"{\"text\":\"ok\"}\n");
    let p = file(d.path(), "long.jsonl", &data);
    let recs = read_all(
        vec![Input::path(&p)],
        ReaderOptions {
            max_record_bytes: 1000,
            ..Default::default()
        },
    );
    assert_eq!(recs.len(), 2);
    let e = err(&recs[0]);
    assert_eq!((e.kind, e.line), (ErrorKind::TooLarge, Some(1)));
    assert_eq!(doc(&recs[1]).text, "ok");
}

#[test]
fn json_arrays_are_read() {
    let d = tempfile::tempdir().unwrap();
    let p = file(
        d.path(),
        "arr.json",
        b"[{\"id\":\"a\",\"text\":\"A.\"},\n {\"id\":\"b\"}]",
    );
    let recs = read_all(vec![Input::path(&p)], ReaderOptions::default());
    assert_eq!(recs.len(), 2);
    assert_eq!(doc(&recs[0]).id, "a");
    assert_eq!(err(&recs[1]).kind, ErrorKind::MissingField);
}

#[test]
fn folders_are_walked_in_order_skipping_hidden_and_unknown() {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir(d.path().join("sub")).unwrap();
    file(d.path(), "b.txt", b"B.");
    file(d.path(), "a.txt", b"A.");
    file(d.path(), ".hidden.txt", b"H.");
    file(d.path(), "photo.png", b"\x89PNG");
    file(
        &d.path().join("sub"),
        "c.jsonl",
        b"{\"id\":\"c\",\"text\":\"C.\"}\n",
    );
    let recs = read_all(vec![Input::path(d.path())], ReaderOptions::default());
    let texts: Vec<_> = recs.iter().map(|r| doc(r).text.as_str()).collect();
    assert_eq!(texts, ["A.", "B.", "C."]);
}

#[test]
fn missing_files_are_error_records() {
    let recs = read_all(
        vec![Input::path("/nonexistent/khaldun/x.txt")],
        ReaderOptions::default(),
    );
    assert_eq!(err(&recs[0]).kind, ErrorKind::Io);
}

#[cfg(feature = "html")]
#[test]
fn html_pages_keep_the_article_and_drop_the_rest() {
    let page = r#"<!DOCTYPE html><html><head><title>Minister visits Baghdad</title>
<script>var tracking = "do not keep";</script></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>Minister visits Baghdad</h1>
<p>The French defence minister met Iraqi officials in Baghdad on Thursday, pledging continued support in the fight against Islamic State cells in the region.</p>
<p>She also discussed training programmes for Iraqi forces, which had been suspended because of the pandemic, and said they would resume as soon as possible.</p>
<p>Officials in Baghdad welcomed the visit, the second by a French minister within six weeks, and said the talks covered border security and the economy.</p>
</article><footer>Copyright 2020 Example News. All rights reserved.</footer></body></html>"#;
    let d = tempfile::tempdir().unwrap();
    let p = file(d.path(), "page.html", page.as_bytes());
    let recs = read_all(vec![Input::path(&p)], ReaderOptions::default());
    let doc = doc(&recs[0]);
    assert_eq!(doc.title.as_deref(), Some("Minister visits Baghdad"));
    assert!(
        doc.text
            .contains("The French defence minister met Iraqi officials"),
        "{}",
        doc.text
    );
    assert!(
        doc.text.contains("\n\n"),
        "paragraphs are kept apart: {:?}",
        doc.text
    );
    assert!(
        !doc.text.contains("tracking") && !doc.text.contains("Sport"),
        "{}",
        doc.text
    );
}

#[test]
fn sniffs_formats() {
    assert_eq!(Format::sniff(b"  {\"a\":1}"), Format::JsonLines);
    assert_eq!(Format::sniff(b"\xEF\xBB\xBF<html>"), Format::Html);
    assert_eq!(Format::sniff(b"Plain"), Format::Text);
}

/// Found by the CLI tests: offsets after a byte-order mark left the BOM out.
#[test]
fn offsets_count_the_byte_order_mark() {
    let d = tempfile::tempdir().unwrap();
    let txt = file(d.path(), "bom.txt", b"\xEF\xBB\xBFab\xffc");
    let nul = file(d.path(), "nul.txt", b"\xEF\xBB\xBFab\0c");
    let jl = file(
        d.path(),
        "bom.jsonl",
        b"\xEF\xBB\xBF{\"text\":\"\xff\"}\n{oops\n",
    );
    let recs = read_all(
        vec![Input::path(&txt), Input::path(&nul), Input::path(&jl)],
        ReaderOptions::default(),
    );
    assert_eq!(err(&recs[0]).offset, Some(5));
    assert!(err(&recs[0]).message.contains("byte offset 5"));
    assert_eq!(err(&recs[1]).offset, Some(5));
    assert_eq!(
        (err(&recs[2]).line, err(&recs[2]).offset),
        (Some(1), Some(12))
    );
    // line 2 starts at byte 3 + 12 + 1; the bad `o` is its second byte
    assert_eq!(
        (err(&recs[3]).line, err(&recs[3]).offset),
        (Some(2), Some(17))
    );
}

#[test]
fn the_limit_counts_the_record_not_its_line_ending() {
    let d = tempfile::tempdir().unwrap();
    let line = format!("{{\"text\":\"{}\"}}", "x".repeat(100));
    let n = line.len();
    let p = file(
        d.path(),
        "crlf.jsonl",
        format!("{line}\r\n{line}\n{line}x").as_bytes(),
    );
    let recs = read_all(
        vec![Input::path(&p)],
        ReaderOptions {
            max_record_bytes: n,
            ..Default::default()
        },
    );
    assert_eq!(recs.len(), 3);
    assert!(matches!(recs[0], Record::Doc { .. }));
    assert!(matches!(recs[1], Record::Doc { .. }));
    // one byte over, without a newline at the end of the file
    assert_eq!(err(&recs[2]).kind, ErrorKind::TooLarge);
}
