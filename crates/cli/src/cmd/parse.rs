//! `khaldun parse`: tags, lemmas, entities and dependency trees.

use crate::args::{ParseArgs, ParseFormat};
use crate::batch::{self, BatchConfig};
use crate::output::json_str;
use khaldun_analysis::{AnalyzedSentence, Analyzer};
use khaldun_text::Segmenter;
use khaldun_types::{Document, ParagraphKind, Segmented, Sentence, Span, Token};
use std::io::Write;

pub fn run(a: ParseArgs, mut out: Box<dyn Write>, quiet: bool) -> anyhow::Result<i32> {
    let records = super::records(&a.input)?;
    let seg = Segmenter::default();
    let an = Analyzer::builtin();
    let cfg = BatchConfig {
        fail_fast: a.input.fail_fast,
        quiet,
    };
    let (format, pre) = (a.format, a.pretokenized);
    let sum = batch::run(records, &mut out, &cfg, |doc, buf| {
        let s = if pre {
            pretokenized(&doc.text)
        } else {
            seg.segment(&doc.text)
        };
        let analyzed = an.analyze(&doc.text, &s);
        match format {
            ParseFormat::Conllu => conllu(buf, doc, &s, &analyzed),
            ParseFormat::Json => json(buf, doc, &s, &analyzed),
        }
        Ok(())
    })?;
    Ok(sum.exit_code())
}

/// One sentence per line, tokens separated by single spaces.
fn pretokenized(text: &str) -> Segmented {
    let mut out = Segmented::default();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let mut tokens = Vec::new();
        let mut at = pos;
        for t in body.split(' ') {
            if !t.is_empty() {
                tokens.push(Token {
                    span: Span::from_range(at..at + t.len()),
                    space_after: true,
                });
            }
            at += t.len() + 1;
        }
        if let (Some(f), Some(l)) = (tokens.first(), tokens.last()) {
            let span = Span::new(f.span.start, l.span.end);
            out.paragraphs.push(khaldun_types::Paragraph {
                span,
                kind: ParagraphKind::Body,
                dateline: None,
            });
            let paragraph = out.paragraphs.len() as u32 - 1;
            out.sentences.push(Sentence {
                span,
                paragraph,
                tokens,
            });
        }
        pos += line.len();
    }
    out
}

fn ner_tags(s: &AnalyzedSentence) -> Vec<String> {
    let mut tags = vec!["O".to_string(); s.words.len()];
    for e in &s.entities {
        for (k, t) in tags.iter_mut().enumerate().take(e.end).skip(e.start) {
            *t = format!("{}-{}", if k == e.start { "B" } else { "I" }, e.label);
        }
    }
    tags
}

fn conllu(buf: &mut Vec<u8>, doc: &Document, seg: &Segmented, analyzed: &[AnalyzedSentence]) {
    let mut w = String::new();
    use std::fmt::Write as _;
    let _ = writeln!(w, "# newdoc id = {}", doc.id.replace('\n', " "));
    let mut last_par = None;
    for (n, (s, a)) in seg.sentences.iter().zip(analyzed).enumerate() {
        if last_par != Some(s.paragraph) {
            let _ = writeln!(w, "# newpar");
            last_par = Some(s.paragraph);
            if let Some(p) = seg.paragraphs.get(s.paragraph as usize) {
                if p.kind != ParagraphKind::Body {
                    let _ = writeln!(w, "# layout = {}", p.kind.as_str());
                }
            }
        }
        let _ = writeln!(w, "# sent_id = {}-{}", doc.id.replace('\n', " "), n + 1);
        let text: String = s
            .span
            .slice(&doc.text)
            .chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
            .collect();
        let _ = writeln!(w, "# text = {text}");
        let ner = ner_tags(a);
        for (i, (t, word)) in s.tokens.iter().zip(&a.words).enumerate() {
            let form = t.span.slice(&doc.text);
            let mut misc = Vec::new();
            if s.tokens
                .get(i + 1)
                .is_some_and(|nx| nx.span.start == t.span.end)
            {
                misc.push("SpaceAfter=No".to_string());
            }
            if ner[i] != "O" {
                misc.push(format!("NE={}", ner[i]));
            }
            misc.push(format!("TokenRange={}:{}", t.span.start, t.span.end));
            let _ = writeln!(
                w,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\t{}",
                i + 1,
                form,
                if word.lemma.is_empty() {
                    "_"
                } else {
                    &word.lemma
                },
                word.upos,
                word.xpos,
                word.feats,
                word.head,
                word.deprel,
                misc.join("|")
            );
        }
        w.push('\n');
    }
    buf.extend_from_slice(w.as_bytes());
}

fn json(buf: &mut Vec<u8>, doc: &Document, seg: &Segmented, analyzed: &[AnalyzedSentence]) {
    buf.extend_from_slice(b"{\"id\":");
    json_str(buf, &doc.id);
    buf.extend_from_slice(b",\"date\":");
    match &doc.date {
        Some(d) => json_str(buf, d),
        None => buf.extend_from_slice(b"null"),
    }
    buf.extend_from_slice(b",\"sentences\":[");
    for (n, (s, a)) in seg.sentences.iter().zip(analyzed).enumerate() {
        if n > 0 {
            buf.push(b',');
        }
        let kind = seg
            .paragraphs
            .get(s.paragraph as usize)
            .map_or("body", |p| p.kind.as_str());
        let _ = write!(
            buf,
            "{{\"span\":[{},{}],\"paragraph\":{},\"kind\":\"{kind}\",\"words\":[",
            s.span.start, s.span.end, s.paragraph
        );
        let ner = ner_tags(a);
        for (i, (t, word)) in s.tokens.iter().zip(&a.words).enumerate() {
            if i > 0 {
                buf.push(b',');
            }
            let _ = write!(
                buf,
                "{{\"span\":[{},{}],\"text\":",
                t.span.start, t.span.end
            );
            json_str(buf, t.span.slice(&doc.text));
            buf.extend_from_slice(b",\"lemma\":");
            json_str(buf, &word.lemma);
            let _ = write!(buf, ",\"upos\":\"{}\",\"xpos\":", word.upos);
            json_str(buf, word.xpos);
            buf.extend_from_slice(b",\"feats\":");
            json_str(buf, word.feats);
            let _ = write!(
                buf,
                ",\"head\":{},\"deprel\":\"{}\",\"ner\":\"{}\"}}",
                word.head, word.deprel, ner[i]
            );
        }
        buf.extend_from_slice(b"],\"entities\":[");
        for (k, e) in a.entities.iter().enumerate() {
            if k > 0 {
                buf.push(b',');
            }
            let span = Span::new(s.tokens[e.start].span.start, s.tokens[e.end - 1].span.end);
            let _ = write!(
                buf,
                "{{\"span\":[{},{}],\"label\":\"{}\",\"text\":",
                span.start, span.end, e.label
            );
            json_str(buf, span.slice(&doc.text));
            buf.push(b'}');
        }
        buf.extend_from_slice(b"]}");
    }
    buf.extend_from_slice(b"]}\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretokenized_lines_keep_offsets() {
        let text = "Parly met Al-Kazemi .\n\nShe left .\n";
        let s = pretokenized(text);
        assert_eq!(s.sentences.len(), 2);
        let toks: Vec<&str> = s.sentences[0]
            .tokens
            .iter()
            .map(|t| t.span.slice(text))
            .collect();
        assert_eq!(toks, ["Parly", "met", "Al-Kazemi", "."]);
        assert_eq!(s.sentences[1].tokens[0].span.slice(text), "She");
    }

    #[test]
    fn conllu_and_json_are_well_formed() {
        let doc = Document {
            id: "d".into(),
            text: "Iraq's army didn't move.".into(),
            ..Default::default()
        };
        let seg = Segmenter::default().segment(&doc.text);
        let an = Analyzer::builtin().analyze(&doc.text, &seg);
        let mut b = Vec::new();
        conllu(&mut b, &doc, &seg, &an);
        let text = String::from_utf8(b).unwrap();
        let sents = khaldun_conllu::parse(&text).unwrap();
        assert_eq!(sents[0].words.len(), 7);
        assert_eq!(sents[0].text.as_deref(), Some("Iraq's army didn't move."));
        assert!(!sents[0].words[1].no_space_after() && sents[0].words[0].no_space_after());
        let mut b = Vec::new();
        json(&mut b, &doc, &seg, &an);
        let v: serde_json::Value = serde_json::from_slice(&b).unwrap();
        assert_eq!(v["sentences"][0]["words"][3]["text"], "did");
        assert_eq!(v["sentences"][0]["words"].as_array().unwrap().len(), 7);
    }
}
