//! Event-coding scores against gold event records (the JSON-lines format
//! of the shared gold data: `events[]` with `source`, `target`, `cameo`,
//! `plover` per sentence record).
//!
//! Matching is per record. Gold and system events are paired greedily by
//! agreement (CAMEO root or PLOVER type first, then source country, then
//! target country); every pair is a detection hit, unpaired system events
//! are false alarms and unpaired gold events misses. Where a gold event
//! has a compound actor, the further system events that agree with it
//! fully and carry the paired event's code are the same event split per
//! actor pair: neither hits nor false alarms. Accuracies are over
//! gold events: an unpaired gold event counts as wrong, so they never
//! exceed recall. Countries compare on the first three letters of the
//! codes, with the few CAMEO codes that differ from ISO 3166 mapped.

use crate::Prf;
use serde::Serialize;

/// A gold event.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GoldEvent {
    /// Source codes (compound actors: several).
    pub source: Vec<String>,
    /// Target codes.
    pub target: Vec<String>,
    /// CAMEO code, when the set has one.
    pub cameo: Option<String>,
    /// PLOVER type (2021 name), when the set has one.
    pub plover: Option<String>,
}

/// A system event, reduced to what is scored.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SystemEvent {
    /// Source code.
    pub source: Option<String>,
    /// Target code.
    pub target: Option<String>,
    /// CAMEO code.
    pub cameo: String,
    /// PLOVER type.
    pub plover: Option<String>,
    /// The evidence words (for the error lists).
    pub evidence: String,
}

/// One gold record with the system's events for its text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Record {
    /// Record id.
    pub id: String,
    /// The text.
    pub text: String,
    /// Gold events (empty: an explicit negative).
    pub gold: Vec<GoldEvent>,
    /// System events.
    pub system: Vec<SystemEvent>,
}

/// A correct / total pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Acc {
    /// Correct.
    pub correct: usize,
    /// Total.
    pub total: usize,
}

impl Acc {
    /// correct / total (0 when empty).
    pub fn value(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.correct as f64 / self.total as f64
        }
    }

    fn add(&mut self, ok: bool) {
        self.total += 1;
        self.correct += ok as usize;
    }
}

/// Scores per category (or overall).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Event detection: a system event paired with a gold event.
    pub detection: Prf,
    /// Events paired on the same CAMEO root.
    pub root: Prf,
    /// Gold events with a paired system event of the same CAMEO root.
    pub root_acc: Acc,
    /// ... of the same full CAMEO code.
    pub code_acc: Acc,
    /// ... of the same PLOVER type.
    pub plover_acc: Acc,
    /// ... whose source country is one of the gold source countries.
    pub source_acc: Acc,
    /// ... whose target country is one of the gold target countries (or both empty).
    pub target_acc: Acc,
    /// ... right in PLOVER type (or CAMEO root), source and target at once.
    pub type_source_target: Acc,
}

/// A miss or false alarm, for reading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Error {
    /// Record id.
    pub id: String,
    /// `miss`, `false-alarm`, or `mismatch` (paired, but wrong in type,
    /// source or target).
    pub kind: &'static str,
    /// `SRC -> TGT code/PLOVER` (a mismatch: gold `=>` system).
    pub event: String,
    /// Evidence words (false alarms, mismatches) or the record text (misses).
    pub context: String,
}

/// The report.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// Records scored.
    pub records: usize,
    /// Overall scores.
    pub overall: Scores,
    /// Per gold category (PLOVER type, else CAMEO root), in name order.
    pub categories: Vec<(String, Scores)>,
    /// Misses and false alarms.
    pub errors: Vec<Error>,
}

/// Country part of a code, with CAMEO's non-ISO codes mapped to ISO.
pub fn country(code: &str) -> &str {
    let c = code.get(..3).unwrap_or(code);
    match c {
        "JAP" => "JPN",
        "VTN" => "VNM",
        "ROM" => "ROU",
        "ZAR" => "COD",
        "TMP" => "TLS",
        "BUR" => "MMR",
        "SAF" => "ZAF",
        "UKR" => "UKR",
        _ => c,
    }
}

fn root(code: &str) -> &str {
    code.get(..2).unwrap_or(code)
}

fn has_country(codes: &[String], c: Option<&str>) -> bool {
    match c {
        Some(c) => codes.iter().any(|g| country(g) == country(c)),
        None => codes.is_empty(),
    }
}

/// A reciprocal gold event (compound source, no target) accepts a target
/// from among its sources.
fn target_ok(g: &GoldEvent, t: Option<&str>) -> bool {
    has_country(&g.target, t)
        || (g.target.is_empty() && g.source.len() >= 2 && t.is_some() && has_country(&g.source, t))
}

fn same_type(g: &GoldEvent, s: &SystemEvent) -> bool {
    match (&g.cameo, &g.plover) {
        (Some(c), _) => root(c) == root(&s.cameo),
        (None, Some(p)) => s.plover.as_deref() == Some(p.as_str()),
        (None, None) => false,
    }
}

fn agreement(g: &GoldEvent, s: &SystemEvent) -> u32 {
    4 * same_type(g, s) as u32
        + 2 * has_country(&g.source, s.source.as_deref()) as u32
        + target_ok(g, s.target.as_deref()) as u32
}

fn describe_gold(g: &GoldEvent) -> String {
    format!(
        "{} -> {} {}/{}",
        g.source.join("+"),
        g.target.join("+"),
        g.cameo.as_deref().unwrap_or("-"),
        g.plover.as_deref().unwrap_or("-")
    )
}

fn describe_system(s: &SystemEvent) -> String {
    format!(
        "{} -> {} {}/{}",
        s.source.as_deref().unwrap_or("-"),
        s.target.as_deref().unwrap_or("-"),
        s.cameo,
        s.plover.as_deref().unwrap_or("-")
    )
}

fn category(g: &GoldEvent) -> String {
    g.plover
        .clone()
        .or_else(|| g.cameo.as_deref().map(|c| root(c).to_string()))
        .unwrap_or_else(|| "-".to_string())
}

/// Scores every record.
pub fn score(records: &[Record]) -> Report {
    let mut r = Report {
        records: records.len(),
        ..Report::default()
    };
    let mut cats: std::collections::BTreeMap<String, Scores> = Default::default();
    for rec in records {
        // greedy pairing, best agreement first
        let mut pairs: Vec<(u32, usize, usize)> = Vec::new();
        for (gi, g) in rec.gold.iter().enumerate() {
            for (si, s) in rec.system.iter().enumerate() {
                pairs.push((agreement(g, s), gi, si));
            }
        }
        pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut gold_to: Vec<Option<usize>> = vec![None; rec.gold.len()];
        let mut sys_used = vec![false; rec.system.len()];
        for (_, gi, si) in pairs {
            if gold_to[gi].is_none() && !sys_used[si] {
                gold_to[gi] = Some(si);
                sys_used[si] = true;
            }
        }
        // A gold event with a compound actor ("Israel and the Palestinians
        // reached a consensus": source ISR+PSE) is one event per actor pair
        // in khaldun's output, as in PETRARCH's; the pairs beyond the first
        // that agree with it fully, with the same code, are that event again,
        // not false alarms.
        let mut split = vec![false; rec.system.len()];
        for (gi, g) in rec.gold.iter().enumerate() {
            let Some(first) = gold_to[gi] else { continue };
            if g.source.len() < 2 && g.target.len() < 2 || agreement(g, &rec.system[first]) < 7 {
                continue;
            }
            for (si, x) in rec.system.iter().enumerate() {
                if !sys_used[si]
                    && !split[si]
                    && x.cameo == rec.system[first].cameo
                    && agreement(g, x) == 7
                {
                    split[si] = true;
                }
            }
        }
        let n_split = split.iter().filter(|&&x| x).count();
        // root pairing for the root F1, independent of actors
        let mut root_used = split.clone();
        let mut root_tp = 0;
        for g in &rec.gold {
            if let Some(si) =
                (0..rec.system.len()).find(|&si| !root_used[si] && same_type(g, &rec.system[si]))
            {
                root_used[si] = true;
                root_tp += 1;
            }
        }
        let add =
            |s: &mut Scores, g: Option<&GoldEvent>, sys: Option<&SystemEvent>| {
                let Some(g) = g else { return };
                s.root_acc.add(sys.is_some_and(|x| {
                    g.cameo
                        .as_deref()
                        .is_some_and(|c| root(c) == root(&x.cameo))
                }));
                s.code_acc
                    .add(sys.is_some_and(|x| g.cameo.as_deref() == Some(x.cameo.as_str())));
                s.plover_acc.add(sys.is_some_and(|x| {
                    g.plover.is_some() && x.plover.as_deref() == g.plover.as_deref()
                }));
                s.source_acc
                    .add(sys.is_some_and(|x| has_country(&g.source, x.source.as_deref())));
                s.target_acc
                    .add(sys.is_some_and(|x| target_ok(g, x.target.as_deref())));
                s.type_source_target.add(sys.is_some_and(|x| {
                    same_type(g, x)
                        && has_country(&g.source, x.source.as_deref())
                        && target_ok(g, x.target.as_deref())
                }));
            };
        for (gi, g) in rec.gold.iter().enumerate() {
            let sys = gold_to[gi].map(|si| &rec.system[si]);
            add(&mut r.overall, Some(g), sys);
            let c = cats.entry(category(g)).or_default();
            add(c, Some(g), sys);
            c.detection.gold += 1;
            c.detection.correct += sys.is_some() as usize;
            c.root.gold += 1;
            match sys {
                None => r.errors.push(Error {
                    id: rec.id.clone(),
                    kind: "miss",
                    event: describe_gold(g),
                    context: rec.text.clone(),
                }),
                Some(x) if agreement(g, x) < 7 => r.errors.push(Error {
                    id: rec.id.clone(),
                    kind: "mismatch",
                    event: format!("{} => {}", describe_gold(g), describe_system(x)),
                    context: x.evidence.clone(),
                }),
                Some(_) => {}
            }
        }
        let paired = gold_to.iter().filter(|x| x.is_some()).count();
        r.overall.detection.gold += rec.gold.len();
        r.overall.detection.predicted += rec.system.len() - n_split;
        r.overall.detection.correct += paired;
        r.overall.root.gold += rec.gold.len();
        r.overall.root.predicted += rec.system.len() - n_split;
        r.overall.root.correct += root_tp;
        for (si, s) in rec.system.iter().enumerate() {
            if !sys_used[si] && !split[si] {
                r.errors.push(Error {
                    id: rec.id.clone(),
                    kind: "false-alarm",
                    event: describe_system(s),
                    context: s.evidence.clone(),
                });
            }
        }
    }
    r.categories = cats.into_iter().collect();
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(s: &[&str], t: &[&str], cameo: &str) -> GoldEvent {
        GoldEvent {
            source: s.iter().map(|x| x.to_string()).collect(),
            target: t.iter().map(|x| x.to_string()).collect(),
            cameo: Some(cameo.into()),
            plover: None,
        }
    }

    fn s(src: &str, tgt: &str, cameo: &str) -> SystemEvent {
        SystemEvent {
            source: Some(src.into()),
            target: Some(tgt.into()),
            cameo: cameo.into(),
            plover: None,
            evidence: String::new(),
        }
    }

    #[test]
    fn hand_computed_scores() {
        let records = vec![
            // right event, right actors (JAP = JPN)
            Record {
                id: "a".into(),
                gold: vec![g(&["USAGOV"], &["JAP"], "042")],
                system: vec![s("USA", "JPN", "043"), s("USA", "CHN", "190")],
                ..Default::default()
            },
            // a miss
            Record {
                id: "b".into(),
                gold: vec![g(&["FRA"], &["IRQ"], "112")],
                system: vec![],
                ..Default::default()
            },
            // an explicit negative with a false alarm
            Record {
                id: "c".into(),
                gold: vec![],
                system: vec![s("RUS", "UKR", "190")],
                ..Default::default()
            },
        ];
        let r = score(&records);
        let o = &r.overall;
        assert_eq!(
            (o.detection.gold, o.detection.predicted, o.detection.correct),
            (2, 3, 1)
        );
        assert_eq!((o.root.correct, o.root.predicted), (1, 3));
        assert_eq!((o.root_acc.correct, o.root_acc.total), (1, 2));
        assert_eq!(o.code_acc.correct, 0);
        assert_eq!(o.source_acc.correct, 1);
        assert_eq!(o.target_acc.correct, 1);
        assert_eq!(o.type_source_target.correct, 1);
        assert_eq!(r.errors.iter().filter(|e| e.kind == "miss").count(), 1);
        assert_eq!(
            r.errors.iter().filter(|e| e.kind == "false-alarm").count(),
            2
        );
        assert_eq!(r.categories.len(), 2);
        assert!(r.errors.iter().all(|e| e.kind != "mismatch"));
    }

    #[test]
    fn paired_events_wrong_in_part_are_listed() {
        let r = score(&[Record {
            gold: vec![g(&["FRA"], &["IRQ"], "112")],
            system: vec![s("FRA", "SYR", "111")],
            ..Default::default()
        }]);
        assert_eq!(r.overall.detection.correct, 1);
        let e = &r.errors[0];
        assert_eq!((r.errors.len(), e.kind), (1, "mismatch"));
        assert_eq!(e.event, "FRA -> IRQ 112/- => FRA -> SYR 111/-");
    }

    #[test]
    fn plover_types_pair_when_there_is_no_cameo() {
        let gold = GoldEvent {
            source: vec!["ISR".into(), "PSE".into()],
            target: vec![],
            cameo: None,
            plover: Some("CONSULT".into()),
        };
        let mut sys = s("PSE", "ISR", "046");
        sys.plover = Some("CONSULT".into());
        let r = score(&[Record {
            gold: vec![gold],
            system: vec![sys],
            ..Default::default()
        }]);
        assert_eq!(r.overall.plover_acc.correct, 1);
        assert_eq!(r.overall.source_acc.correct, 1);
        // a reciprocal gold event has no target: one of its sources will do
        assert_eq!(r.overall.target_acc.correct, 1);
    }

    #[test]
    fn events_split_over_a_compound_gold_actor_count_once() {
        let rec = |system| Record {
            gold: vec![g(&["FRA", "DEU"], &["ITA"], "051")],
            system,
            ..Default::default()
        };
        let r = score(&[rec(vec![
            s("FRA", "ITA", "051"),
            s("DEU", "ITA", "051"),
            // another code, or an actor outside the gold event: false alarms
            s("DEU", "ITA", "057"),
            s("ESP", "ITA", "051"),
        ])]);
        let d = &r.overall.detection;
        assert_eq!((d.gold, d.predicted, d.correct), (1, 3, 1));
        assert_eq!((r.overall.root.correct, r.overall.root.predicted), (1, 3));
        assert_eq!(r.errors.len(), 2);
        // a gold event with one actor each way absorbs nothing
        let r = score(&[Record {
            gold: vec![g(&["FRA"], &["ITA"], "051")],
            system: vec![s("FRA", "ITA", "051"), s("FRA", "ITA", "051")],
            ..Default::default()
        }]);
        assert_eq!(r.overall.detection.predicted, 2);
    }
}
