//! JSON-lines writers. Written by hand because output is the hot path of a
//! segmenting run: every token becomes `{"span":[s,e],"text":"..."}`.

use khaldun_types::{Document, Segmented};

/// Appends `s` as a JSON string.
pub fn json_str(buf: &mut Vec<u8>, s: &str) {
    buf.push(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let esc: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0..=0x1f => {
                buf.extend_from_slice(&bytes[start..i]);
                buf.extend_from_slice(format!("\\u{b:04x}").as_bytes());
                start = i + 1;
                continue;
            }
            _ => continue,
        };
        buf.extend_from_slice(&bytes[start..i]);
        buf.extend_from_slice(esc);
        start = i + 1;
    }
    buf.extend_from_slice(&bytes[start..]);
    buf.push(b'"');
}

fn num(buf: &mut Vec<u8>, n: impl itoa::Integer) {
    buf.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

fn span(buf: &mut Vec<u8>, s: khaldun_types::Span) {
    buf.push(b'[');
    num(buf, s.start);
    buf.push(b',');
    num(buf, s.end);
    buf.push(b']');
}

fn opt_str(buf: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => json_str(buf, s),
        None => buf.extend_from_slice(b"null"),
    }
}

/// One `khaldun segment` output line.
pub fn segmented(buf: &mut Vec<u8>, doc: &Document, seg: &Segmented) {
    buf.extend_from_slice(b"{\"id\":");
    json_str(buf, &doc.id);
    buf.extend_from_slice(b",\"date\":");
    opt_str(buf, doc.date.as_deref());
    if let Some(t) = &doc.title {
        buf.extend_from_slice(b",\"title\":");
        json_str(buf, t);
    }
    buf.extend_from_slice(b",\"paragraphs\":[");
    for (i, p) in seg.paragraphs.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(b"{\"span\":");
        span(buf, p.span);
        buf.extend_from_slice(b",\"kind\":\"");
        buf.extend_from_slice(p.kind.as_str().as_bytes());
        buf.push(b'"');
        if let Some(d) = p.dateline {
            buf.extend_from_slice(b",\"dateline\":");
            span(buf, d);
        }
        buf.push(b'}');
    }
    buf.extend_from_slice(b"],\"sentences\":[");
    for (i, s) in seg.sentences.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(b"{\"span\":");
        span(buf, s.span);
        buf.extend_from_slice(b",\"paragraph\":");
        num(buf, s.paragraph);
        buf.extend_from_slice(b",\"tokens\":[");
        for (j, t) in s.tokens.iter().enumerate() {
            if j > 0 {
                buf.push(b',');
            }
            buf.extend_from_slice(b"{\"span\":");
            span(buf, t.span);
            buf.extend_from_slice(b",\"text\":");
            json_str(buf, t.span.slice(&doc.text));
            buf.push(b'}');
        }
        buf.extend_from_slice(b"]}");
    }
    buf.extend_from_slice(b"]}\n");
}

/// An error record: `{"id", "error": {"kind", "message", "file", "line", "offset"}}`.
pub fn error_record(
    buf: &mut Vec<u8>,
    id: &str,
    kind: &str,
    message: &str,
    file: &str,
    line: Option<usize>,
    offset: Option<u64>,
) {
    buf.extend_from_slice(b"{\"id\":");
    json_str(buf, id);
    buf.extend_from_slice(b",\"error\":{\"kind\":");
    json_str(buf, kind);
    buf.extend_from_slice(b",\"message\":");
    json_str(buf, message);
    buf.extend_from_slice(b",\"file\":");
    json_str(buf, file);
    buf.extend_from_slice(b",\"line\":");
    match line {
        Some(l) => num(buf, l),
        None => buf.extend_from_slice(b"null"),
    }
    buf.extend_from_slice(b",\"offset\":");
    match offset {
        Some(o) => num(buf, o),
        None => buf.extend_from_slice(b"null"),
    }
    buf.extend_from_slice(b"}}\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_json_strings() {
        let mut b = Vec::new();
        json_str(&mut b, "a\"b\\c\nd\u{1}é");
        let s = String::from_utf8(b).unwrap();
        assert_eq!(
            serde_json::from_str::<String>(&s).unwrap(),
            "a\"b\\c\nd\u{1}é"
        );
    }

    #[test]
    fn segmented_output_is_valid_json() {
        let doc = Document {
            id: "x\"1".into(),
            text: "He said \"no.\"\n\nHubs policy\n\nThey left.".into(),
            ..Default::default()
        };
        let seg = khaldun_text::Segmenter::default().segment(&doc.text);
        let mut b = Vec::new();
        segmented(&mut b, &doc, &seg);
        let v: serde_json::Value = serde_json::from_slice(&b).unwrap();
        assert_eq!(v["id"], "x\"1");
        assert_eq!(v["paragraphs"][1]["kind"], "heading");
        assert_eq!(v["sentences"][0]["tokens"][2]["text"], "\"");
    }
}
