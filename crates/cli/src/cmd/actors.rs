//! `khaldun actors`: the actors each document mentions, or a corpus registry.

use crate::args::ActorsArgs;
use crate::batch::{self, BatchConfig};
use crate::output::json_str;
use anyhow::Context as _;
use khaldun_actors::{resolve, Date, FoundBy, MatchKind, Matcher, MentionHow};
use khaldun_analysis::Analyzer;
use khaldun_text::Segmenter;
use khaldun_types::{Document, Span};
use std::collections::HashMap;
use std::io::Write;
use std::sync::Mutex;

pub fn run(a: ActorsArgs, mut out: Box<dyn Write>, quiet: bool) -> anyhow::Result<i32> {
    let matcher = super::matcher(a.petrarch_dicts.as_deref(), quiet)?;
    let records = super::records(&a.input)?;
    let seg = Segmenter::default();
    let an = Analyzer::builtin();
    let cfg = BatchConfig {
        fail_fast: a.input.fail_fast,
        quiet,
    };
    let registry: Mutex<HashMap<(String, String), Entry>> = Mutex::new(HashMap::new());
    let want_registry = a.registry;
    let sum = batch::run(records, &mut out, &cfg, |doc, buf| {
        let actors = document_actors(&matcher, &seg, an, doc);
        if want_registry {
            let mut r = registry
                .lock()
                .map_err(|_| "registry lock poisoned".to_string())?;
            for x in &actors {
                let e = r
                    .entry((x.name.clone(), x.code.clone().unwrap_or_default()))
                    .or_insert_with(|| Entry {
                        count: 0,
                        first: None,
                        last: None,
                        found_by: x.found_by.as_str().to_string(),
                        kind: x.kind,
                        role: x.role.clone(),
                    });
                e.count += x.mentions.len();
                if let Some(d) = doc.date.as_deref() {
                    if e.first.as_deref().is_none_or(|f| d < f) {
                        e.first = Some(d.to_string());
                    }
                    if e.last.as_deref().is_none_or(|l| d > l) {
                        e.last = Some(d.to_string());
                    }
                }
            }
        } else {
            write_doc(buf, &doc.text, doc, &actors);
        }
        Ok(())
    })?;
    if want_registry {
        let r = registry.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut rows: Vec<_> = r.into_iter().collect();
        rows.sort_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.0.cmp(&b.0)));
        if let Some(path) = &a.propose {
            let n = write_proposals(&rows, path)?;
            if !quiet {
                eprintln!(
                    "khaldun: {n} proposed entries written to {}",
                    path.display()
                );
            }
        }
        let mut buf = Vec::new();
        for ((name, code), e) in &rows {
            write_registry_row(&mut buf, name, code, e);
        }
        out.write_all(&buf).context("cannot write output")?;
        out.flush().context("cannot write output")?;
    }
    Ok(sum.exit_code())
}

struct Entry {
    count: usize,
    first: Option<String>,
    last: Option<String>,
    found_by: String,
    kind: MatchKind,
    role: Option<String>,
}

/// One actor of a document, ready for output.
pub(crate) struct DocActor {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) kind: MatchKind,
    pub(crate) code: Option<String>,
    pub(crate) country: Option<String>,
    pub(crate) sectors: Vec<String>,
    pub(crate) role: Option<String>,
    pub(crate) found_by: FoundBy,
    /// Span and how it refers, in text order.
    pub(crate) mentions: Vec<(Span, MentionHow)>,
}

/// Segments, analyzes and resolves a document's actors
/// ([`khaldun_actors::resolve`]): dictionary matches, discovered actors and
/// coreference; places are not actors.
pub(crate) fn document_actors(
    m: &Matcher,
    seg: &Segmenter<'_>,
    an: Analyzer,
    doc: &Document,
) -> Vec<DocActor> {
    let date = doc
        .date
        .as_deref()
        .and_then(|d| d.get(..10))
        .and_then(|d| Date::parse(d).ok());
    let s = seg.segment(&doc.text);
    let analyses = an.analyze(&doc.text, &s);
    let r = resolve(m, &doc.text, &s, &analyses, date);
    let mut out: Vec<DocActor> = r
        .actors
        .iter()
        .map(|a| DocActor {
            id: a.id.clone(),
            name: a.name.clone(),
            kind: a.kind,
            code: a.code.map(|c| c.to_string()),
            country: a.country().map(String::from),
            sectors: a
                .code
                .map(|c| c.sectors().map(String::from).collect())
                .unwrap_or_default(),
            role: a.role.clone(),
            found_by: a.found_by,
            mentions: Vec::new(),
        })
        .collect();
    for x in r.mentions.iter().flatten() {
        if let Some(a) = out.get_mut(x.actor) {
            a.mentions.push((x.span, x.how));
        }
    }
    // a mention that stands for several actors ("Indian and Pakistani
    // troops"): the others are actors of the document too
    for x in r.mentions.iter().flatten() {
        let Some(a) = r.actors.get(x.actor) else {
            continue;
        };
        for c in &x.also {
            let code = c.to_string();
            let id = format!("{}.{code}", a.id);
            match out.iter_mut().find(|o| o.id == id) {
                Some(o) => o.mentions.push((x.span, x.how)),
                None => out.push(DocActor {
                    id,
                    // (the actor's name is the first country's)
                    name: doc.text.get(x.span.range()).unwrap_or(&a.name).to_string(),
                    kind: a.kind,
                    code: Some(code),
                    country: c.country().map(String::from),
                    sectors: c.sectors().map(String::from).collect(),
                    role: a.role.clone(),
                    found_by: a.found_by,
                    mentions: vec![(x.span, x.how)],
                }),
            }
        }
    }
    out
}

/// Proposed dictionary entries (khaldun's actor lines) for the persons and
/// organizations no dictionary listed, with a code; the dates are the first
/// and last document dates they were seen on.
fn write_proposals(
    rows: &[((String, String), Entry)],
    path: &std::path::Path,
) -> anyhow::Result<usize> {
    use khaldun_actors::{Actor, ActorKind, Code, DateRange, Name, NameForm, Origin, Role};
    let mut actors = Vec::new();
    for ((name, code), e) in rows {
        let found = e.found_by.as_str();
        // named actors only: not roles without a name, sources or descriptions
        let named = [FoundBy::TitleName, FoundBy::Appositive, FoundBy::Entity];
        if !named.iter().any(|f| f.as_str() == found) {
            continue;
        }
        let kind = match e.kind {
            MatchKind::Person => ActorKind::Person,
            MatchKind::Organization => ActorKind::Listed,
            _ => continue,
        };
        let Ok(code) = Code::parse(code) else {
            continue;
        };
        if code.country().is_none() || name.split_whitespace().count() < 2 {
            continue;
        }
        let dates = match (&e.first, &e.last) {
            (Some(f), Some(l)) => {
                DateRange::parse(&format!("{f}..{l}")).unwrap_or(DateRange::ALWAYS)
            }
            _ => DateRange::ALWAYS,
        };
        actors.push(Actor {
            kind,
            names: vec![Name {
                text: name.clone(),
                form: NameForm::Canonical,
            }],
            country: Code::parse(code.root()).ok(),
            roles: vec![Role {
                code,
                dates,
                offices: Vec::new(),
                title: e.role.clone(),
                also: Vec::new(),
            }],
            parent: None,
            origin: Origin {
                file: "proposed".into(),
                line: 0,
            },
        });
    }
    let mut f = std::io::BufWriter::new(
        std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
    );
    writeln!(
        f,
        "# Proposed by `khaldun actors --registry`: actors found in the corpus but in no\n\
         # dictionary (names | code | dates seen | offices | title | kind). Check before use."
    )?;
    let n = khaldun_actors::format::write_actor_lines(&actors, &mut f)?;
    f.flush()?;
    Ok(n)
}

fn opt(buf: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => json_str(buf, s),
        None => buf.extend_from_slice(b"null"),
    }
}

fn write_doc(buf: &mut Vec<u8>, text: &str, doc: &Document, actors: &[DocActor]) {
    buf.extend_from_slice(b"{\"id\":");
    json_str(buf, &doc.id);
    buf.extend_from_slice(b",\"date\":");
    opt(buf, doc.date.as_deref());
    buf.extend_from_slice(b",\"actors\":[");
    for (i, a) in actors.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(b"{\"id\":");
        json_str(buf, &a.id);
        buf.extend_from_slice(b",\"name\":");
        json_str(buf, &a.name);
        buf.extend_from_slice(b",\"kind\":");
        json_str(buf, a.kind.as_str());
        buf.extend_from_slice(b",\"code\":");
        opt(buf, a.code.as_deref());
        buf.extend_from_slice(b",\"country\":");
        opt(buf, a.country.as_deref());
        buf.extend_from_slice(b",\"sectors\":[");
        for (j, s) in a.sectors.iter().enumerate() {
            if j > 0 {
                buf.push(b',');
            }
            json_str(buf, s);
        }
        buf.extend_from_slice(b"],\"role\":");
        opt(buf, a.role.as_deref());
        buf.extend_from_slice(b",\"found_by\":");
        json_str(buf, a.found_by.as_str());
        buf.extend_from_slice(b",\"mentions\":[");
        for (j, (s, how)) in a.mentions.iter().enumerate() {
            if j > 0 {
                buf.push(b',');
            }
            buf.extend_from_slice(b"{\"text\":");
            json_str(buf, s.slice(text));
            let _ = write!(buf, ",\"span\":[{},{}],\"how\":", s.start, s.end);
            json_str(buf, how.as_str());
            buf.push(b'}');
        }
        buf.extend_from_slice(b"]}");
    }
    buf.extend_from_slice(b"]}\n");
}

fn write_registry_row(buf: &mut Vec<u8>, name: &str, code: &str, e: &Entry) {
    buf.extend_from_slice(b"{\"name\":");
    json_str(buf, name);
    buf.extend_from_slice(b",\"code\":");
    opt(buf, (!code.is_empty()).then_some(code));
    let _ = write!(buf, ",\"count\":{}", e.count);
    buf.extend_from_slice(b",\"first_date\":");
    opt(buf, e.first.as_deref());
    buf.extend_from_slice(b",\"last_date\":");
    opt(buf, e.last.as_deref());
    buf.extend_from_slice(b",\"found_by\":");
    json_str(buf, &e.found_by);
    buf.extend_from_slice(b"}\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_output_groups_mentions() {
        let doc = Document {
            id: "d".into(),
            date: Some("2020-08-27".into()),
            text: "Florence Parly met Iraqi security forces. Parly left Iraq.".into(),
            ..Default::default()
        };
        let m = Matcher::new(khaldun_actors::Knowledge::builtin());
        let actors = document_actors(&m, &Segmenter::default(), Analyzer::builtin(), &doc);
        let mut b = Vec::new();
        write_doc(&mut b, &doc.text, &doc, &actors);
        let v: serde_json::Value = serde_json::from_slice(&b).unwrap();
        let list = v["actors"].as_array().unwrap();
        let parly = list.iter().find(|a| a["name"] == "Florence Parly").unwrap();
        assert_eq!(parly["id"], "A1");
        assert_eq!(parly["code"], "FRAGOVMIL");
        assert_eq!(parly["mentions"].as_array().unwrap().len(), 2);
        assert_eq!(parly["mentions"][1]["text"], "Parly");
        assert_eq!(parly["mentions"][1]["how"], "surname");
        assert_eq!(parly["found_by"], "dictionary");
        let isf = list.iter().find(|a| a["code"] == "IRQCOPMIL").unwrap();
        assert_eq!(isf["country"], "IRQ");
        assert_eq!(isf["sectors"], serde_json::json!(["COP", "MIL"]));
        assert!(list.iter().any(|a| a["code"] == "IRQ"));
    }
}
