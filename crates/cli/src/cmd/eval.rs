//! `khaldun eval ...`: scores against gold data.

use crate::args::EvalCommand;
use anyhow::Context as _;
use khaldun_eval::segment;
use khaldun_text::Segmenter;
use std::io::Write;

pub fn run(cmd: EvalCommand, mut out: Box<dyn Write>) -> anyhow::Result<i32> {
    match cmd {
        EvalCommand::Segment {
            gold,
            show_errors,
            json,
            rules_only,
        } => {
            let docs = super::gold_docs(&gold)?;
            let seg = if rules_only {
                Segmenter::default().rules_only()
            } else {
                Segmenter::default()
            };
            let s = segment::evaluate(&docs, &seg, show_errors);
            if json {
                serde_json::to_writer(&mut out, &s)?;
                writeln!(out)?;
            } else {
                writeln!(out, "documents  {}", s.documents)?;
                prf_table(
                    &mut out,
                    &[("tokens", s.tokens), ("sentences", s.sentences)],
                )?;
                for (g, near) in s.sentence_errors.iter().take(show_errors) {
                    writeln!(out, "SENT gold: {g:?}\n     got:  {near:?}")?;
                }
                for t in s.token_errors.iter().take(show_errors) {
                    writeln!(out, "TOKEN {t}")?;
                }
            }
            out.flush()?;
            Ok(0)
        }
        EvalCommand::Ud {
            gold,
            raw,
            system,
            json,
        } => {
            let sents = super::read_conllu(&gold)?;
            let an = khaldun_analysis::Analyzer::builtin();
            let s = if let Some(sys) = &system {
                khaldun_eval::ud::eval_files(&sents, &super::read_conllu(sys)?)
                    .with_context(|| format!("{}", sys.display()))?
            } else if raw {
                khaldun_eval::ud::eval_raw(&an, &Segmenter::default(), &sents)
                    .with_context(|| format!("{}", gold.display()))?
            } else {
                khaldun_eval::ud::eval_gold_tokens(&an, &sents)
            };
            if json {
                serde_json::to_writer(&mut out, &s)?;
                writeln!(out)?;
            } else {
                let mode = match (&system, raw) {
                    (Some(sys), _) => format!("system {}", sys.display()),
                    (None, true) => "end to end from raw text".into(),
                    (None, false) => "gold tokens".into(),
                };
                writeln!(out, "{} ({mode})", gold.display())?;
                prf_table(
                    &mut out,
                    &[
                        ("sentences", s.sentences),
                        ("words", s.words),
                        ("UPOS", s.upos),
                        ("XPOS", s.xpos),
                        ("FEATS", s.feats),
                        ("lemma", s.lemma),
                        ("UAS", s.uas),
                        ("LAS", s.las),
                        ("UAS-nopunct", s.uas_nopunct),
                        ("LAS-nopunct", s.las_nopunct),
                    ],
                )?;
            }
            out.flush()?;
            Ok(0)
        }
        EvalCommand::Actors { gold, json } => {
            let text = std::fs::read_to_string(&gold)
                .with_context(|| format!("cannot read {}", gold.display()))?;
            let kn = khaldun_actors::Knowledge::builtin();
            let m = khaldun_actors::Matcher::new(kn);
            let seg = Segmenter::default();
            let an = khaldun_analysis::Analyzer::builtin();
            let (mut countries, mut sectors) =
                (khaldun_eval::Prf::default(), khaldun_eval::Prf::default());
            let mut misses: std::collections::BTreeMap<String, usize> = Default::default();
            // re3d: recall of gold entities by type (an actor mention overlaps them)
            let types = ["Person", "Organisation", "Location"];
            let mut entity_recall = [khaldun_eval::Prf::default(); 3];
            for (n, line) in text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
            {
                let v: serde_json::Value = serde_json::from_str(line)
                    .with_context(|| format!("{}:{}", gold.display(), n + 1))?;
                let doc = khaldun_types::Document {
                    id: v["id"].as_str().unwrap_or_default().to_string(),
                    date: v["date"].as_str().map(String::from),
                    text: v["text"].as_str().unwrap_or_default().to_string(),
                    ..Default::default()
                };
                let found = super::actors::document_actors(&m, &seg, an, &doc);
                if let Some(ents) = v["entities"].as_array() {
                    // code-point offsets -> byte offsets
                    let bytes: Vec<usize> = doc
                        .text
                        .char_indices()
                        .map(|(b, _)| b)
                        .chain(std::iter::once(doc.text.len()))
                        .collect();
                    let spans: Vec<khaldun_types::Span> = found
                        .iter()
                        .flat_map(|a| a.mentions.iter().map(|(s, _)| *s))
                        .collect();
                    for e in ents {
                        let Some(t) = types.iter().position(|t| e["type"] == *t) else {
                            continue;
                        };
                        if e["gold"] != true {
                            continue;
                        }
                        let (Some(cs), Some(ce)) = (e["start"].as_u64(), e["end"].as_u64()) else {
                            continue;
                        };
                        let (Some(&bs), Some(&be)) =
                            (bytes.get(cs as usize), bytes.get(ce as usize))
                        else {
                            continue;
                        };
                        entity_recall[t].gold += 1;
                        if spans
                            .iter()
                            .any(|s| (s.start as usize) < be && bs < s.end as usize)
                        {
                            entity_recall[t].correct += 1;
                        }
                    }
                }
                let country = |a: &super::actors::DocActor| {
                    a.country
                        .clone()
                        .or_else(|| a.code.as_deref().and_then(|c| c.get(..3)).map(String::from))
                };
                for ev in v["events"].as_array().into_iter().flatten() {
                    for (codes, secs) in
                        [("source", "source_sectors"), ("target", "target_sectors")]
                    {
                        let secs = ev[secs].as_array();
                        for (k, code) in ev[codes].as_array().into_iter().flatten().enumerate() {
                            // "---" and the like mark an actor the coder could not code
                            let Some(code) = code.as_str().filter(|c| {
                                c.len() >= 3
                                    && c.as_bytes()[..3].iter().all(u8::is_ascii_alphabetic)
                            }) else {
                                continue;
                            };
                            countries.gold += 1;
                            // (CAMEO's own country codes are ISO's: JAP is JPN)
                            let iso = khaldun_eval::events::country;
                            let same: Vec<_> = found
                                .iter()
                                .filter(|a| country(a).as_deref().map(iso) == Some(iso(code)))
                                .collect();
                            if same.is_empty() {
                                *misses.entry(code[..3].to_string()).or_default() += 1;
                                continue;
                            }
                            countries.correct += 1;
                            if let Some(sec) = secs.and_then(|s| s.get(k)).and_then(|s| s.as_str())
                            {
                                sectors.gold += 1;
                                if same.iter().any(|a| a.sectors.iter().any(|x| x == sec)) {
                                    sectors.correct += 1;
                                }
                            }
                        }
                    }
                }
            }
            countries.predicted = countries.gold;
            sectors.predicted = sectors.gold;
            for p in &mut entity_recall {
                p.predicted = p.gold;
            }
            let has_entities = entity_recall.iter().any(|p| p.gold > 0);
            if json {
                let mut v = serde_json::json!({"country_recall": countries.recall(), "countries": countries,
                    "sector_agreement": sectors.recall(), "sectors": sectors, "misses": misses});
                if has_entities {
                    for (t, p) in types.iter().zip(&entity_recall) {
                        v[format!("{}_recall", t.to_lowercase())] = serde_json::json!(p.recall());
                        v[t.to_lowercase()] = serde_json::json!(p);
                    }
                }
                serde_json::to_writer(&mut out, &v)?;
                writeln!(out)?;
            } else if has_entities && countries.gold == 0 {
                writeln!(
                    out,
                    "{} (recall: gold entities an actor mention overlaps)",
                    gold.display()
                )?;
                let rows: Vec<(&str, khaldun_eval::Prf)> =
                    types.iter().copied().zip(entity_recall).collect();
                prf_table(&mut out, &rows)?;
            } else {
                writeln!(
                    out,
                    "{} (gold actors whose country khaldun finds in the sentence)",
                    gold.display()
                )?;
                prf_table(&mut out, &[("country", countries), ("sector", sectors)])?;
                let top: Vec<String> = misses.iter().map(|(k, v)| format!("{k} {v}")).collect();
                writeln!(out, "missed countries: {}", top.join(", "))?;
            }
            out.flush()?;
            Ok(0)
        }
        EvalCommand::Events {
            gold,
            petrarch_dicts,
            petrarch_verbs,
            show_errors,
            json,
        } => {
            let r = eval_events(&gold, petrarch_dicts.as_deref(), petrarch_verbs.as_deref())?;
            if json {
                serde_json::to_writer(&mut out, &r)?;
                writeln!(out)?;
            } else {
                write_event_report(&mut out, &r, show_errors)?;
            }
            out.flush()?;
            Ok(0)
        }
        EvalCommand::Quotes {
            gold,
            articles,
            show_errors,
            json,
        } => {
            let r = eval_quotes(&gold, &articles)?;
            if json {
                serde_json::to_writer(&mut out, &r)?;
                writeln!(out)?;
            } else {
                prf_table(
                    &mut out,
                    &[
                        ("direct", r.direct),
                        ("direct exact", r.direct_exact),
                        ("reported", r.indirect),
                    ],
                )?;
                writeln!(
                    out,
                    "speaker accuracy {:.2} ({} of {} matched direct quotes)",
                    100.0 * r.speaker_correct as f64 / r.speaker_total.max(1) as f64,
                    r.speaker_correct,
                    r.speaker_total
                )?;
                writeln!(
                    out,
                    "not-quotes taken for quotes {} of {}",
                    r.not_quote_errors, r.not_quotes
                )?;
                for (doc, g, s) in r.speaker_errors.iter().take(show_errors) {
                    writeln!(out, "SPEAKER {doc}: gold {g:?}, got {s:?}")?;
                }
            }
            out.flush()?;
            Ok(0)
        }
        EvalCommand::PetrUnittest {
            gold,
            dicts,
            show_errors,
            json,
        } => {
            use khaldun_events::petr_unittest as pu;
            let t0 = std::time::Instant::now();
            let d = pu::Dictionaries::read(&dicts)
                .with_context(|| format!("cannot read the dictionaries in {}", dicts.display()))?;
            let load = t0.elapsed();
            let r = pu::run(&gold, &d)?;
            if json {
                serde_json::to_writer(&mut out, &r)?;
                writeln!(out)?;
            } else {
                writeln!(
                    out,
                    "{} ({} patterns, dictionaries read in {:.0?})",
                    gold.display(),
                    d.patterns.len(),
                    load
                )?;
                writeln!(
                    out,
                    "{:<12} {:>7} {:>7} {:>7} {:>7} {:>7}",
                    "category", "records", "pass", "pass%", "found", "found%"
                )?;
                let row = |out: &mut dyn Write, n: &str, t: &pu::Tally| {
                    writeln!(
                        out,
                        "{:<12} {:>7} {:>7} {:>7.1} {:>7} {:>7.1}",
                        n,
                        t.records,
                        t.passed,
                        100.0 * t.pass_rate(),
                        t.found,
                        100.0 * t.found_rate()
                    )
                };
                for (n, t) in &r.categories {
                    row(&mut out, n, t)?;
                }
                row(&mut out, "overall", &r.overall)?;
                writeln!(
                    out,
                    "gold events with no target left out (require_dyad false): {}",
                    r.untargeted_gold_skipped
                )?;
                let fmt = |s: &std::collections::BTreeSet<pu::Triple>| {
                    s.iter()
                        .map(|(a, b, c)| format!("{a}>{b}:{c}"))
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                for o in r.outcomes.iter().filter(|o| !o.pass).take(show_errors) {
                    writeln!(
                        out,
                        "FAIL {:<14} gold [{}] got [{}] | {}",
                        o.id,
                        fmt(&o.gold),
                        fmt(&o.system),
                        o.text
                    )?;
                }
            }
            out.flush()?;
            Ok(0)
        }
        EvalCommand::Dates {
            gold,
            show_errors,
            json,
        } => {
            let r = eval_dates(&gold)?;
            if json {
                serde_json::to_writer(&mut out, &r)?;
                writeln!(out)?;
            } else {
                writeln!(
                    out,
                    "{} (Temporal entities; found when a date expression overlaps)",
                    gold.display()
                )?;
                writeln!(
                    out,
                    "recall     {}/{} = {:.1}%",
                    r.found,
                    r.gold,
                    100.0 * r.found as f64 / r.gold.max(1) as f64
                )?;
                writeln!(
                    out,
                    "mentions   {} ({} outside gold Temporal entities)",
                    r.mentions,
                    r.outside.len()
                )?;
                for m in r.missed.iter().take(show_errors) {
                    writeln!(out, "missed     {m:?}")?;
                }
                for m in r.outside.iter().take(show_errors) {
                    writeln!(out, "outside    {m:?}")?;
                }
            }
            out.flush()?;
            Ok(0)
        }
        EvalCommand::Ner {
            gold,
            system,
            docs,
            json,
        } => {
            let gsents = super::read_iob2(&gold)?;
            let s = match &system {
                Some(sys) => khaldun_eval::ner::score_files(&gsents, &super::read_iob2(sys)?)
                    .with_context(|| format!("{}", sys.display()))?,
                None => {
                    let an = khaldun_analysis::Analyzer::builtin();
                    let words: Vec<Vec<&str>> = gsents
                        .iter()
                        .map(|g| g.tokens.iter().map(String::as_str).collect())
                        .collect();
                    let mut entities: Vec<Vec<khaldun_tagger::EntitySpan>> = words
                        .iter()
                        .map(|w| {
                            an.analyze_words(w)
                                .entities
                                .iter()
                                .filter_map(|e| {
                                    Some(khaldun_tagger::EntitySpan {
                                        start: e.start,
                                        end: e.end,
                                        label: khaldun_tagger::EntityLabel::parse(e.label)?,
                                    })
                                })
                                .collect()
                        })
                        .collect();
                    if docs {
                        // runs of sentences from one document, as `Analyzer::analyze` sees them
                        let doc = |k: usize| {
                            gsents[k]
                                .sent_id
                                .as_deref()
                                .map(khaldun_tagger::document_id)
                        };
                        let mut start = 0;
                        while start < gsents.len() {
                            let mut end = start + 1;
                            while end < gsents.len()
                                && doc(start).is_some()
                                && doc(end) == doc(start)
                            {
                                end += 1;
                            }
                            khaldun_tagger::harmonize_entities(
                                &words[start..end],
                                &mut entities[start..end],
                            );
                            start = end;
                        }
                    }
                    let predicted: Vec<Vec<String>> = words
                        .iter()
                        .zip(&entities)
                        .map(|(w, es)| {
                            let mut tags = vec!["O".to_string(); w.len()];
                            for e in es {
                                for (k, t) in tags.iter_mut().enumerate().take(e.end).skip(e.start)
                                {
                                    *t = format!(
                                        "{}-{}",
                                        if k == e.start { "B" } else { "I" },
                                        e.label.as_str()
                                    );
                                }
                            }
                            tags
                        })
                        .collect();
                    khaldun_eval::ner::score(
                        gsents
                            .iter()
                            .zip(&predicted)
                            .map(|(g, p)| (g.tags.as_slice(), p.as_slice())),
                    )
                }
            };
            let mut rows: Vec<(String, khaldun_eval::Prf)> =
                s.by_type.iter().map(|(k, v)| (k.clone(), *v)).collect();
            rows.push(("micro".into(), s.micro));
            if json {
                let v: serde_json::Map<String, serde_json::Value> = rows
                    .iter()
                    .map(|(n, p)| {
                        let o = serde_json::json!({"gold": p.gold, "predicted": p.predicted, "correct": p.correct,
                            "precision": p.precision(), "recall": p.recall(), "f1": p.f1()});
                        (n.to_string(), o)
                    })
                    .collect();
                serde_json::to_writer(&mut out, &v)?;
                writeln!(out)?;
            } else {
                writeln!(out, "{} (entities: exact span and type)", gold.display())?;
                let rows: Vec<(&str, khaldun_eval::Prf)> =
                    rows.iter().map(|(n, p)| (n.as_str(), *p)).collect();
                prf_table(&mut out, &rows)?;
            }
            out.flush()?;
            Ok(0)
        }
    }
}

/// Runs quote extraction over the annotated articles and scores it.
fn eval_quotes(
    gold: &std::path::Path,
    articles: &std::path::Path,
) -> anyhow::Result<khaldun_eval::quotes::QuoteScores> {
    use khaldun_eval::quotes::QuoteItem;
    use rayon::prelude::*;
    let read = |p: &std::path::Path| {
        std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))
    };
    let (mut items, mut not_quotes) = (Vec::new(), Vec::new());
    for (n, line) in read(gold)?
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("{}:{}", gold.display(), n + 1))?;
        let num = |k: &str| {
            v[k].as_u64()
                .and_then(|x| u32::try_from(x).ok())
                .with_context(|| format!("{}:{}: no {k}", gold.display(), n + 1))
        };
        let item = QuoteItem {
            doc: v["doc"].as_str().unwrap_or_default().to_string(),
            start: num("start")?,
            end: num("end")?,
            direct: v["kind"] != "indirect",
            speaker: v["speaker"].as_str().map(String::from),
        };
        if v["kind"] == "not_quote" {
            not_quotes.push(item);
        } else {
            items.push(item);
        }
    }
    let wanted: std::collections::HashSet<&str> = items.iter().map(|q| q.doc.as_str()).collect();
    let mut docs = Vec::new();
    for line in read(articles)?.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let id = v["id"].as_str().unwrap_or_default();
        if wanted.contains(id) {
            docs.push(khaldun_types::Document {
                id: id.to_string(),
                date: v["date"].as_str().map(String::from),
                text: v["text"].as_str().unwrap_or_default().to_string(),
                ..Default::default()
            });
        }
    }
    anyhow::ensure!(
        docs.len() == wanted.len(),
        "{} of the {} annotated articles are not in {}",
        wanted.len() - docs.len(),
        wanted.len(),
        articles.display()
    );
    let m = khaldun_actors::Matcher::new(khaldun_actors::Knowledge::builtin());
    let coder = khaldun_events::Coder::new(&m);
    let system: Vec<QuoteItem> = docs
        .par_iter()
        .flat_map_iter(|d| {
            let coded = coder.code(d, None);
            coded
                .quotes
                .iter()
                .map(|q| {
                    let mut names = Vec::new();
                    if let Some(s) = &q.speaker {
                        names.push(s.name.clone());
                        names.push(s.text.clone());
                        if let Some(a) = coded
                            .actors
                            .iter()
                            .find(|a| Some(&a.id) == s.actor_id.as_ref())
                        {
                            names.extend(a.mentions.iter().map(|m| m.text.clone()));
                        }
                    }
                    QuoteItem {
                        doc: d.id.clone(),
                        start: q.span.start,
                        end: q.span.end,
                        direct: q.direct,
                        speaker: (!names.is_empty()).then(|| names.join(" | ")),
                    }
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let texts: std::collections::HashMap<&str, &str> = docs
        .iter()
        .map(|d| (d.id.as_str(), d.text.as_str()))
        .collect();
    Ok(khaldun_eval::quotes::score(
        &items,
        &not_quotes,
        &system,
        |d| texts.get(d).copied(),
    ))
}

/// Temporal recall of [`khaldun_events::dates::find_dates`].
#[derive(Debug, Default, serde::Serialize)]
struct DatesReport {
    gold: usize,
    found: usize,
    mentions: usize,
    missed: Vec<String>,
    outside: Vec<String>,
}

/// Finds the dates of every gold record's text and scores them against its
/// Temporal entities (offsets in code points).
fn eval_dates(gold: &std::path::Path) -> anyhow::Result<DatesReport> {
    let data =
        std::fs::read_to_string(gold).with_context(|| format!("reading {}", gold.display()))?;
    let seg = Segmenter::default();
    let mut r = DatesReport::default();
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let doc: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("{}:{}", gold.display(), n + 1))?;
        let text = doc["text"].as_str().unwrap_or_default();
        let date = doc["date"]
            .as_str()
            .and_then(|d| khaldun_actors::Date::parse(d).ok());
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        let mentions = khaldun_events::dates::find_dates(text, &seg.segment(text), None, date);
        let temporal: Vec<(usize, usize, &str)> = doc["entities"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|e| e["gold"] == true && e["type"] == "Temporal")
            .filter_map(|e| {
                let s = *bytes.get(usize::try_from(e["start"].as_u64()?).ok()?)?;
                let t = *bytes.get(usize::try_from(e["end"].as_u64()?).ok()?)?;
                Some((s, t, e["text"].as_str().unwrap_or_default()))
            })
            .collect();
        let overlaps = |s: usize, e: usize, m: &khaldun_events::DateMention| {
            s < m.span.end as usize && (m.span.start as usize) < e
        };
        for &(s, e, t) in &temporal {
            r.gold += 1;
            if mentions.iter().any(|m| overlaps(s, e, m)) {
                r.found += 1;
            } else {
                r.missed.push(t.to_string());
            }
        }
        r.mentions += mentions.len();
        for m in &mentions {
            if !temporal.iter().any(|&(s, e, _)| overlaps(s, e, m)) {
                r.outside.push(m.text.clone());
            }
        }
    }
    Ok(r)
}

/// Codes every gold record's text and scores the events.
fn eval_events(
    gold: &std::path::Path,
    petrarch: Option<&std::path::Path>,
    verbs: Option<&std::path::Path>,
) -> anyhow::Result<khaldun_eval::events::Report> {
    use khaldun_eval::events::{GoldEvent, Record, SystemEvent};
    use rayon::prelude::*;
    let text =
        std::fs::read_to_string(gold).with_context(|| format!("cannot read {}", gold.display()))?;
    let m = super::matcher(petrarch, true)?;
    let verbs = super::petrarch_verbs(verbs)?;
    let mut coder = khaldun_events::Coder::new(&m);
    if let Some(v) = &verbs {
        coder.patterns = v;
    }
    let onto = khaldun_events::Ontology::builtin();
    let strs = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|x| x.as_str().map(String::from))
            .collect()
    };
    let mut records = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let v: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("{}:{}", gold.display(), n + 1))?;
        let events = v["events"]
            .as_array()
            .with_context(|| format!("{}:{}: no \"events\" list", gold.display(), n + 1))?;
        let gold_events = events
            .iter()
            .map(|e| {
                let plover = e["plover_2021"].as_str().or(e["plover"].as_str());
                GoldEvent {
                    source: strs(&e["source"]),
                    target: strs(&e["target"]),
                    cameo: e["cameo"].as_str().map(String::from),
                    plover: plover
                        .map(|p| onto.plover_name_2021(p).map_or(p.to_string(), String::from)),
                }
            })
            .collect();
        let doc = khaldun_types::Document {
            id: v["id"].as_str().unwrap_or_default().to_string(),
            date: v["date"].as_str().map(String::from),
            text: v["text"].as_str().unwrap_or_default().to_string(),
            ..Default::default()
        };
        records.push((doc, gold_events));
    }
    let scored: Vec<Record> = records
        .into_par_iter()
        .map(|(doc, gold)| {
            let coded = coder.code(&doc, None);
            let system = coded
                .events
                .iter()
                .map(|e| SystemEvent {
                    source: e.source.as_ref().map(|a| a.code.clone()),
                    target: e.target.as_ref().map(|a| a.code.clone()),
                    cameo: e.cameo.clone(),
                    plover: e.plover.event.map(String::from),
                    evidence: format!("{} [{}]", e.evidence.text, e.evidence.pattern),
                })
                .collect();
            Record {
                id: doc.id,
                text: doc.text,
                gold,
                system,
            }
        })
        .collect();
    Ok(khaldun_eval::events::score(&scored))
}

fn write_event_report(
    out: &mut dyn Write,
    r: &khaldun_eval::events::Report,
    show_errors: usize,
) -> std::io::Result<()> {
    let o = &r.overall;
    writeln!(out, "records  {}", r.records)?;
    prf_table(out, &[("detection", o.detection), ("cameo root", o.root)])?;
    writeln!(
        out,
        "\n{:<14} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>8}",
        "of gold", "n", "root", "code", "plover", "source", "target", "typ+s+t"
    )?;
    let row = |out: &mut dyn Write, name: &str, s: &khaldun_eval::events::Scores| {
        writeln!(
            out,
            "{:<14} {:>6} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>8.3}",
            name,
            s.source_acc.total,
            s.root_acc.value(),
            s.code_acc.value(),
            s.plover_acc.value(),
            s.source_acc.value(),
            s.target_acc.value(),
            s.type_source_target.value()
        )
    };
    row(out, "overall", o)?;
    for (name, s) in &r.categories {
        row(out, name, s)?;
    }
    for e in r.errors.iter().take(show_errors) {
        writeln!(
            out,
            "{:<11} {:<14} {}  | {}",
            e.kind, e.id, e.event, e.context
        )?;
    }
    Ok(())
}

/// Prints scores as a table: name, P, R, F1 (percent) and the counts.
fn prf_table(out: &mut dyn Write, rows: &[(&str, khaldun_eval::Prf)]) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<12} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7}",
        "", "P", "R", "F1", "gold", "pred", "right"
    )?;
    for (n, p) in rows {
        writeln!(
            out,
            "{n:<12} {:>7.2} {:>7.2} {:>7.2} {:>7} {:>7} {:>7}",
            100.0 * p.precision(),
            100.0 * p.recall(),
            100.0 * p.f1(),
            p.gold,
            p.predicted,
            p.correct
        )?;
    }
    Ok(())
}
