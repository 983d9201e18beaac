//! The CAMEO event ontology and its PLOVER mapping, from `data/events/`.
//!
//! `cameo.txt` lists every CAMEO code with its name, Goldstein weight and
//! PLOVER type, mode and context; `plover.txt` lists the PLOVER 2021 types,
//! their modes, the contexts and the renamed PLOVER 0.5b1 types. Both are
//! compiled into the binary and checked against each other when parsed.

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use serde::Serialize;

use crate::error::{parse_error, Result};

const CAMEO_FILE: &str = "cameo.txt";
const PLOVER_FILE: &str = "plover.txt";

/// CAMEO's four-way split of events, fixed by the code's root.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "u8")]
pub enum QuadClass {
    /// Roots 01-05: statements, appeals, intents, consultations, diplomacy.
    VerbalCooperation,
    /// Roots 06-09: material cooperation, aid, yielding, investigation.
    MaterialCooperation,
    /// Roots 10-14: demands, disapproval, rejection, threats, protest.
    VerbalConflict,
    /// Roots 15-20: force posture, reduced relations, coercion, violence.
    MaterialConflict,
}

impl QuadClass {
    /// The class of a root number (1..=20); `None` outside CAMEO's roots.
    pub fn from_root(root: u8) -> Option<QuadClass> {
        match root {
            1..=5 => Some(QuadClass::VerbalCooperation),
            6..=9 => Some(QuadClass::MaterialCooperation),
            10..=14 => Some(QuadClass::VerbalConflict),
            15..=20 => Some(QuadClass::MaterialConflict),
            _ => None,
        }
    }

    /// The number Phoenix and GDELT use, 1 to 4.
    pub fn as_u8(self) -> u8 {
        match self {
            QuadClass::VerbalCooperation => 1,
            QuadClass::MaterialCooperation => 2,
            QuadClass::VerbalConflict => 3,
            QuadClass::MaterialConflict => 4,
        }
    }

    /// A readable name, e.g. "verbal cooperation".
    pub fn as_str(self) -> &'static str {
        match self {
            QuadClass::VerbalCooperation => "verbal cooperation",
            QuadClass::MaterialCooperation => "material cooperation",
            QuadClass::VerbalConflict => "verbal conflict",
            QuadClass::MaterialConflict => "material conflict",
        }
    }
}

impl From<QuadClass> for u8 {
    fn from(q: QuadClass) -> u8 {
        q.as_u8()
    }
}

/// A PLOVER 2021 event type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Plover {
    /// Promise or agree to cooperate (CAMEO 03).
    Agree,
    /// Meet, talk or negotiate (04).
    Consult,
    /// Back another actor in words (05).
    Support,
    /// Give ground, ease restrictions (08).
    Concede,
    /// Cooperate in practice (06).
    Cooperate,
    /// Give help (07).
    Aid,
    /// Withdraw, release, stop fighting (parts of 08).
    Retreat,
    /// Ask or demand (02, 10).
    Request,
    /// Criticize, allege, investigate (09, 11).
    Accuse,
    /// Refuse (12).
    Reject,
    /// Threaten (13).
    Threaten,
    /// Collective dissent (14).
    Protest,
    /// Cut ties (16).
    Sanction,
    /// Raise force readiness (15).
    Mobilize,
    /// Force short of fighting (17).
    Coerce,
    /// Violence (18-20).
    Assault,
}

impl Plover {
    /// All 16 types, in the PLOVER manual's order (cooperation to conflict).
    pub const ALL: [Plover; 16] = [
        Plover::Agree,
        Plover::Consult,
        Plover::Support,
        Plover::Concede,
        Plover::Cooperate,
        Plover::Aid,
        Plover::Retreat,
        Plover::Request,
        Plover::Accuse,
        Plover::Reject,
        Plover::Threaten,
        Plover::Protest,
        Plover::Sanction,
        Plover::Mobilize,
        Plover::Coerce,
        Plover::Assault,
    ];

    /// The PLOVER name, upper case ("CONSULT").
    pub fn as_str(self) -> &'static str {
        match self {
            Plover::Agree => "AGREE",
            Plover::Consult => "CONSULT",
            Plover::Support => "SUPPORT",
            Plover::Concede => "CONCEDE",
            Plover::Cooperate => "COOPERATE",
            Plover::Aid => "AID",
            Plover::Retreat => "RETREAT",
            Plover::Request => "REQUEST",
            Plover::Accuse => "ACCUSE",
            Plover::Reject => "REJECT",
            Plover::Threaten => "THREATEN",
            Plover::Protest => "PROTEST",
            Plover::Sanction => "SANCTION",
            Plover::Mobilize => "MOBILIZE",
            Plover::Coerce => "COERCE",
            Plover::Assault => "ASSAULT",
        }
    }

    /// The type with this 2021 name, in any letter case. Old 0.5b1 names
    /// are not accepted here: see [`Ontology::plover_name_2021`].
    pub fn from_name(name: &str) -> Option<Plover> {
        Plover::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(name))
    }
}

impl std::fmt::Display for Plover {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One CAMEO event code.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CameoCode {
    /// The code as written, 2 to 4 digits ("04", "042", "0332").
    pub code: String,
    /// A short name ("make a visit").
    pub name: String,
    /// The Goldstein-scale weight, -10 (most hostile) to 10.
    pub goldstein: f32,
    /// The QuadClass, from the root.
    pub quad_class: QuadClass,
    /// The PLOVER 2021 type, if any fits.
    pub plover: Option<Plover>,
    /// The PLOVER mode, where the code pins one down ("visit").
    pub mode: Option<String>,
    /// The PLOVER context, where the code pins one down ("military").
    pub context: Option<String>,
}

impl CameoCode {
    /// The root, the first two digits.
    pub fn root(&self) -> &str {
        Ontology::root(&self.code)
    }

    /// The parent code (root for a 3-digit code, the 3-digit code for a
    /// 4-digit one); `None` for a root.
    pub fn parent(&self) -> Option<&str> {
        (self.code.len() > 2).then(|| &self.code[..self.code.len() - 1])
    }
}

/// A PLOVER 2021 event type as `plover.txt` describes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PloverType {
    /// The type.
    pub plover: Plover,
    /// A one-line definition.
    pub definition: String,
    /// The modes a CAMEO code of this type may name.
    pub modes: Vec<String>,
}

/// The CAMEO codes, PLOVER types and the map between them.
#[derive(Debug, Clone)]
pub struct Ontology {
    // BTreeMap: string order of codes puts each parent right before its children.
    codes: BTreeMap<String, CameoCode>,
    plover_types: Vec<PloverType>,
    contexts: Vec<String>,
    legacy: Vec<(String, Plover)>,
}

impl Ontology {
    /// The ontology in `data/events/`, compiled in and parsed once.
    pub fn builtin() -> &'static Ontology {
        static BUILTIN: OnceLock<Ontology> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            Ontology::parse(
                include_str!("../../../data/events/cameo.txt"),
                include_str!("../../../data/events/plover.txt"),
            )
            .expect("the built-in data/events/cameo.txt and plover.txt are tested to parse")
        })
    }

    /// Parses `cameo.txt` and `plover.txt` sources. Errors name the file and
    /// the line.
    pub fn parse(cameo_src: &str, plover_src: &str) -> Result<Ontology> {
        let (plover_types, contexts, legacy) = parse_plover(plover_src)?;
        let codes = parse_cameo(cameo_src, &plover_types, &contexts)?;
        Ok(Ontology {
            codes,
            plover_types,
            contexts,
            legacy,
        })
    }

    /// The code exactly as given.
    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        self.codes.get(code)
    }

    /// The code, or else its longest listed prefix of at least two digits:
    /// dictionaries from other coders may use codes this file lacks.
    pub fn lookup(&self, code: &str) -> Option<&CameoCode> {
        (2..=code.len())
            .rev()
            .filter_map(|n| code.get(..n))
            .find_map(|prefix| self.codes.get(prefix))
    }

    /// The root of a code: its first two characters.
    pub fn root(code: &str) -> &str {
        code.get(..2).unwrap_or(code)
    }

    /// The QuadClass of a code, from its root; `None` if the root is not
    /// one of CAMEO's 01-20.
    pub fn quad_class(code: &str) -> Option<QuadClass> {
        let root = Ontology::root(code);
        if root.len() != 2 || !root.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        QuadClass::from_root(root.parse().ok()?)
    }

    /// The PLOVER 2021 name for a 2021 or 0.5b1 name, in any letter case
    /// ("FIGHT" → "ASSAULT", "consult" → "CONSULT").
    pub fn plover_name_2021(&self, name: &str) -> Option<&'static str> {
        Plover::from_name(name)
            .or_else(|| {
                self.legacy
                    .iter()
                    .find(|(old, _)| old.eq_ignore_ascii_case(name))
                    .map(|&(_, new)| new)
            })
            .map(Plover::as_str)
    }

    /// All codes, in code order (each parent before its children).
    pub fn codes(&self) -> impl Iterator<Item = &CameoCode> {
        self.codes.values()
    }

    /// The PLOVER types, in the manual's order.
    pub fn plover_types(&self) -> impl Iterator<Item = &PloverType> {
        self.plover_types.iter()
    }

    /// The description of one PLOVER type.
    pub fn plover_type(&self, plover: Plover) -> &PloverType {
        // parse_plover guarantees one entry per type, in Plover::ALL order.
        &self.plover_types[plover as usize]
    }

    /// The PLOVER contexts codes may name.
    pub fn contexts(&self) -> impl Iterator<Item = &str> {
        self.contexts.iter().map(String::as_str)
    }
}

/// Strips a `#` comment and surrounding white space.
fn content(line: &str) -> &str {
    line.split('#').next().unwrap_or("").trim()
}

/// `-` means "none".
fn optional(field: &str) -> Option<&str> {
    (field != "-").then_some(field)
}

type PloverParts = (Vec<PloverType>, Vec<String>, Vec<(String, Plover)>);

fn parse_plover(src: &str) -> Result<PloverParts> {
    let mut types: Vec<PloverType> = Vec::new();
    let mut contexts: Vec<String> = Vec::new();
    let mut legacy: Vec<(String, Plover)> = Vec::new();
    let mut section = "";
    let mut last_line = 0;
    for (i, raw) in src.lines().enumerate() {
        let n = i + 1;
        last_line = n;
        let line = content(raw);
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = match name {
                "types" | "contexts" | "0.5b1" => name,
                _ => {
                    return Err(parse_error(
                        PLOVER_FILE,
                        n,
                        format!("unknown section [{name}]"),
                    ))
                }
            };
            continue;
        }
        let fields: Vec<&str> = line.split('|').map(str::trim).collect();
        match section {
            "types" => {
                let [name, definition, modes] = fields[..] else {
                    return Err(parse_error(
                        PLOVER_FILE,
                        n,
                        "expected `TYPE | definition | modes`",
                    ));
                };
                let plover = Plover::from_name(name).ok_or_else(|| {
                    parse_error(PLOVER_FILE, n, format!("unknown PLOVER type {name:?}"))
                })?;
                if types.iter().any(|t| t.plover == plover) {
                    return Err(parse_error(
                        PLOVER_FILE,
                        n,
                        format!("duplicate type {name}"),
                    ));
                }
                if definition.is_empty() {
                    return Err(parse_error(PLOVER_FILE, n, "empty definition"));
                }
                let modes = match modes {
                    "-" => Vec::new(),
                    m => m.split_whitespace().map(str::to_string).collect(),
                };
                types.push(PloverType {
                    plover,
                    definition: definition.to_string(),
                    modes,
                });
            }
            "contexts" => {
                if fields.len() != 1 {
                    return Err(parse_error(
                        PLOVER_FILE,
                        n,
                        "contexts are separated by spaces",
                    ));
                }
                for c in line.split_whitespace() {
                    if contexts.iter().any(|x| x == c) {
                        return Err(parse_error(
                            PLOVER_FILE,
                            n,
                            format!("duplicate context {c}"),
                        ));
                    }
                    contexts.push(c.to_string());
                }
            }
            "0.5b1" => {
                let [old, new] = fields[..] else {
                    return Err(parse_error(PLOVER_FILE, n, "expected `OLD | NEW`"));
                };
                let new = Plover::from_name(new).ok_or_else(|| {
                    parse_error(PLOVER_FILE, n, format!("unknown PLOVER 2021 type {new:?}"))
                })?;
                if old.is_empty() || old.contains(char::is_whitespace) {
                    return Err(parse_error(PLOVER_FILE, n, format!("bad old name {old:?}")));
                }
                legacy.push((old.to_string(), new));
            }
            _ => {
                return Err(parse_error(
                    PLOVER_FILE,
                    n,
                    "line before any [section] header",
                ))
            }
        }
    }
    let missing: Vec<&str> = Plover::ALL
        .into_iter()
        .filter(|p| !types.iter().any(|t| t.plover == *p))
        .map(Plover::as_str)
        .collect();
    if !missing.is_empty() {
        return Err(parse_error(
            PLOVER_FILE,
            last_line,
            format!("missing PLOVER types: {}", missing.join(", ")),
        ));
    }
    // Plover::ALL order, so that plover_type can index by discriminant.
    types.sort_by_key(|t| t.plover);
    Ok((types, contexts, legacy))
}

fn parse_cameo(
    src: &str,
    types: &[PloverType],
    contexts: &[String],
) -> Result<BTreeMap<String, CameoCode>> {
    let mut codes = BTreeMap::new();
    // Line numbers, for errors found after the whole file is read.
    let mut lines: Vec<(String, usize)> = Vec::new();
    for (i, raw) in src.lines().enumerate() {
        let n = i + 1;
        let line = content(raw);
        if line.is_empty() {
            continue;
        }
        let err = |message: String| parse_error(CAMEO_FILE, n, message);
        let fields: Vec<&str> = line.split('|').map(str::trim).collect();
        let [code, name, goldstein, plover, mode, context] = fields[..] else {
            return Err(err(format!(
                "expected 6 fields `code | name | goldstein | plover | mode | context`, found {}",
                fields.len()
            )));
        };
        if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err(format!(
                "bad CAMEO code {code:?}: expected 2 to 4 digits"
            )));
        }
        let quad_class = Ontology::quad_class(code)
            .ok_or_else(|| err(format!("code {code}: root is not one of 01-20")))?;
        if name.is_empty() {
            return Err(err(format!("code {code}: empty name")));
        }
        let goldstein: f32 = goldstein
            .parse()
            .ok()
            .filter(|g: &f32| (-10.0..=10.0).contains(g))
            .ok_or_else(|| {
                err(format!(
                    "code {code}: bad Goldstein weight {goldstein:?}: expected a number from -10 to 10"
                ))
            })?;
        let plover = match optional(plover) {
            None => None,
            Some(p) => Some(
                Plover::from_name(p)
                    .ok_or_else(|| err(format!("code {code}: unknown PLOVER type {p:?}")))?,
            ),
        };
        let mode = optional(mode);
        if let Some(m) = mode {
            let Some(p) = plover else {
                return Err(err(format!(
                    "code {code}: mode {m:?} without a PLOVER type"
                )));
            };
            let valid = &types[p as usize].modes;
            if !valid.iter().any(|v| v == m) {
                return Err(err(format!(
                    "code {code}: {m:?} is not a mode of {p} (plover.txt lists: {})",
                    if valid.is_empty() {
                        "none".to_string()
                    } else {
                        valid.join(" ")
                    }
                )));
            }
        }
        let context = optional(context);
        if let Some(c) = context {
            if !contexts.iter().any(|x| x == c) {
                return Err(err(format!(
                    "code {code}: unknown context {c:?} (plover.txt lists: {})",
                    contexts.join(" ")
                )));
            }
        }
        let entry = CameoCode {
            code: code.to_string(),
            name: name.to_string(),
            goldstein,
            quad_class,
            plover,
            mode: mode.map(str::to_string),
            context: context.map(str::to_string),
        };
        if codes.insert(code.to_string(), entry).is_some() {
            let first = lines.iter().find(|(c, _)| c == code).map_or(0, |(_, l)| *l);
            return Err(err(format!(
                "duplicate code {code} (first on line {first})"
            )));
        }
        lines.push((code.to_string(), n));
    }
    let listed: HashSet<&str> = codes.keys().map(String::as_str).collect();
    for (code, n) in &lines {
        let parent = &code[..code.len() - 1];
        if code.len() > 2 && !listed.contains(parent) {
            return Err(parse_error(
                CAMEO_FILE,
                *n,
                format!("code {code}: its parent {parent} is not listed"),
            ));
        }
    }
    Ok(codes)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLOVER_SRC: &str = include_str!("../../../data/events/plover.txt");

    fn onto() -> &'static Ontology {
        Ontology::builtin()
    }

    fn parse_err(cameo: &str) -> String {
        Ontology::parse(cameo, PLOVER_SRC).unwrap_err().to_string()
    }

    #[test]
    fn builtin_loads_all_codes() {
        let n = onto().codes().count();
        assert!((300..=330).contains(&n), "{n} codes");
        assert_eq!(onto().plover_types().count(), 16);
    }

    #[test]
    fn every_root_present_with_its_quad_class() {
        for r in 1..=20u8 {
            let root = format!("{r:02}");
            let c = onto()
                .get(&root)
                .unwrap_or_else(|| panic!("root {root} missing"));
            let want = match r {
                1..=5 => 1,
                6..=9 => 2,
                10..=14 => 3,
                _ => 4,
            };
            assert_eq!(c.quad_class.as_u8(), want, "root {root}");
            // and the "other" code of each root
            assert!(onto().get(&format!("{root}0")).is_some(), "{root}0 missing");
        }
    }

    #[test]
    fn quad_class_follows_root_for_every_code() {
        for c in onto().codes() {
            assert_eq!(
                Some(c.quad_class),
                Ontology::quad_class(&c.code),
                "{}",
                c.code
            );
            assert_eq!(
                Some(c.quad_class),
                onto().get(c.root()).map(|r| r.quad_class)
            );
        }
        assert_eq!(
            Ontology::quad_class("0332"),
            Some(QuadClass::VerbalCooperation)
        );
        assert_eq!(
            Ontology::quad_class("061"),
            Some(QuadClass::MaterialCooperation)
        );
        assert_eq!(Ontology::quad_class("112"), Some(QuadClass::VerbalConflict));
        assert_eq!(
            Ontology::quad_class("195"),
            Some(QuadClass::MaterialConflict)
        );
        assert_eq!(Ontology::quad_class("21"), None);
        assert_eq!(Ontology::quad_class("00"), None);
        assert_eq!(Ontology::quad_class("x1"), None);
        assert_eq!(QuadClass::MaterialConflict.as_str(), "material conflict");
    }

    #[test]
    fn every_parent_is_listed() {
        for c in onto().codes() {
            if let Some(p) = c.parent() {
                assert!(onto().get(p).is_some(), "{}: parent {p} missing", c.code);
            }
        }
    }

    #[test]
    fn codebook_families_are_complete() {
        let families: &[(&str, u8)] = &[
            ("021", 4),
            ("023", 4),
            ("024", 4),
            ("025", 6),
            ("031", 4),
            ("033", 4),
            ("034", 4),
            ("035", 6),
            ("081", 4),
            ("083", 4),
            ("084", 2),
            ("086", 3),
            ("087", 4),
            ("101", 4),
            ("103", 4),
            ("104", 4),
            ("105", 6),
            ("112", 5),
            ("121", 2),
            ("122", 4),
            ("123", 4),
            ("124", 6),
            ("131", 3),
            ("132", 4),
            ("138", 5),
            ("141", 4),
            ("145", 4),
            ("162", 3),
            ("166", 3),
            ("171", 2),
            ("172", 4),
            ("182", 3),
            ("183", 4),
            ("195", 2),
            ("204", 2),
        ];
        for &(parent, n) in families {
            for i in 1..=n {
                let code = format!("{parent}{i}");
                assert!(onto().get(&code).is_some(), "{code} missing");
            }
            let next = format!("{parent}{}", n + 1);
            assert!(onto().get(&next).is_none(), "{next} is not a CAMEO code");
        }
        assert!(onto().get("0215").is_none());
        assert!(onto().get("0235").is_none());
    }

    #[test]
    fn spot_checks() {
        let c = onto().get("042").unwrap();
        assert_eq!(c.plover, Some(Plover::Consult));
        assert_eq!(c.goldstein, 1.9);
        assert_eq!(c.quad_class, QuadClass::VerbalCooperation);
        assert_eq!(c.mode.as_deref(), Some("visit"));
        assert_eq!(onto().get("043").unwrap().mode.as_deref(), Some("host"));
        assert_eq!(onto().get("043").unwrap().goldstein, 2.8);
        assert_eq!(onto().get("051").unwrap().goldstein, 3.4);

        let c = onto().get("195").unwrap();
        assert_eq!(c.plover, Some(Plover::Assault));
        assert_eq!(c.quad_class.as_u8(), 4);
        assert_eq!(c.goldstein, -10.0);
        assert_eq!(onto().get("190").unwrap().goldstein, -10.0);

        let c = onto().get("0332").unwrap();
        assert_eq!(c.context.as_deref(), Some("military"));
        assert_eq!(c.plover, Some(Plover::Agree));
        assert_eq!(
            onto().get("0331").unwrap().context.as_deref(),
            Some("economic")
        );
        assert_eq!(
            onto().get("0333").unwrap().context.as_deref(),
            Some("humanitarian")
        );

        let c = onto().get("112").unwrap();
        assert_eq!(c.plover, Some(Plover::Accuse));
        assert_eq!(c.goldstein, -2.0);
        let c = onto().get("1011").unwrap();
        assert_eq!(c.plover, Some(Plover::Request));
        assert_eq!(c.context.as_deref(), Some("economic"));
        assert_eq!(onto().get("010").unwrap().plover, None);
        assert_eq!(onto().get("0874").unwrap().plover, Some(Plover::Retreat));
        assert_eq!(onto().get("173").unwrap().mode.as_deref(), Some("arrest"));
        assert_eq!(
            onto().get("141").unwrap().mode.as_deref(),
            Some("demonstrate")
        );
    }

    #[test]
    fn plover_by_root() {
        let want = [
            (2, Plover::Request),
            (3, Plover::Agree),
            (4, Plover::Consult),
            (6, Plover::Cooperate),
            (7, Plover::Aid),
            (9, Plover::Accuse),
            (10, Plover::Request),
            (11, Plover::Accuse),
            (12, Plover::Reject),
            (13, Plover::Threaten),
            (14, Plover::Protest),
            (15, Plover::Mobilize),
            (16, Plover::Sanction),
            (17, Plover::Coerce),
            (18, Plover::Assault),
            (19, Plover::Assault),
            (20, Plover::Assault),
        ];
        // blockade and occupation coerce (the PLOVER manual's CAMEO table), and
        // so do taking hostages and human shields (as PLOVER GSR codes them)
        let coerce = ["181", "184", "191", "192"];
        for (root, p) in want {
            let root = format!("{root:02}");
            for c in onto().codes().filter(|c| c.root() == root) {
                if coerce.contains(&c.code.as_str()) {
                    assert_eq!(c.plover, Some(Plover::Coerce), "{}", c.code);
                } else {
                    assert_eq!(c.plover, Some(p), "{}", c.code);
                }
            }
        }
        // a resignation steps back from office (PLOVER GSR codes it so)
        assert_eq!(onto().get("0831").unwrap().plover, Some(Plover::Retreat));
        assert_eq!(onto().get("083").unwrap().plover, Some(Plover::Concede));
        for c in onto().codes().filter(|c| c.root() == "08") {
            assert!(
                matches!(c.plover, Some(Plover::Concede | Plover::Retreat)),
                "{}",
                c.code
            );
        }
    }

    #[test]
    fn lookup_falls_back_to_longest_prefix() {
        assert_eq!(onto().lookup("0234").unwrap().code, "0234");
        assert_eq!(onto().lookup("0239").unwrap().code, "023");
        assert_eq!(onto().lookup("0299").unwrap().code, "02");
        assert_eq!(onto().lookup("02").unwrap().code, "02");
        assert!(onto().lookup("99").is_none());
        assert!(onto().lookup("0").is_none());
        assert!(onto().lookup("").is_none());
        assert!(onto().get("0239").is_none());
        assert_eq!(Ontology::root("0332"), "03");
        assert_eq!(Ontology::root("1"), "1");
    }

    #[test]
    fn plover_names() {
        let o = onto();
        assert_eq!(o.plover_name_2021("DEMAND"), Some("REQUEST"));
        assert_eq!(o.plover_name_2021("DISAPPROVE"), Some("ACCUSE"));
        assert_eq!(o.plover_name_2021("INVESTIGATE"), Some("ACCUSE"));
        assert_eq!(o.plover_name_2021("fight"), Some("ASSAULT"));
        assert_eq!(o.plover_name_2021("CONSULT"), Some("CONSULT"));
        assert_eq!(o.plover_name_2021("ATTACK"), None);
        for p in Plover::ALL {
            assert_eq!(Plover::from_name(p.as_str()), Some(p));
            assert_eq!(o.plover_type(p).plover, p);
        }
        assert!(o
            .plover_type(Plover::Consult)
            .modes
            .iter()
            .any(|m| m == "phone"));
        assert!(o.contexts().any(|c| c == "military"));
    }

    #[test]
    fn serializes() {
        let json = serde_json::to_value(onto().get("042").unwrap()).unwrap();
        assert_eq!(json["plover"], "CONSULT");
        assert_eq!(json["quad_class"], 1);
        assert_eq!(json["code"], "042");
    }

    #[test]
    fn parse_errors_name_the_line() {
        let ok = "01 | say | 0.0 | - | - | -\n# comment\n";
        assert!(Ontology::parse(ok, PLOVER_SRC).is_ok());
        let cases = [
            (
                "020 | ask more | 3.0 | - | - | -",
                "cameo.txt:3: ",
                "parent 02 is not listed",
            ),
            ("010 | say | 0.0 | - | -", "cameo.txt:3: ", "6 fields"),
            (
                "01 | say | 0.0 | - | - | -",
                "cameo.txt:3: ",
                "duplicate code 01 (first on line 1)",
            ),
            (
                "02 | ask | 11 | REQUEST | - | -",
                "cameo.txt:3: ",
                "Goldstein",
            ),
            (
                "02 | ask | x | REQUEST | - | -",
                "cameo.txt:3: ",
                "Goldstein",
            ),
            (
                "02 | ask | 3.0 | DEMAND | - | -",
                "cameo.txt:3: ",
                "unknown PLOVER type",
            ),
            (
                "02 | ask | 3.0 | REQUEST | visit | -",
                "cameo.txt:3: ",
                "not a mode",
            ),
            (
                "02 | ask | 3.0 | - | visit | -",
                "cameo.txt:3: ",
                "without a PLOVER",
            ),
            (
                "02 | ask | 3.0 | REQUEST | - | space",
                "cameo.txt:3: ",
                "unknown context",
            ),
            ("21 | ask | 3.0 | - | - | -", "cameo.txt:3: ", "root"),
            (
                "02a | ask | 3.0 | - | - | -",
                "cameo.txt:3: ",
                "bad CAMEO code",
            ),
            ("02 |  | 3.0 | - | - | -", "cameo.txt:3: ", "empty name"),
        ];
        for (line, prefix, needle) in cases {
            let msg = parse_err(&format!("{ok}{line}\n"));
            assert!(msg.starts_with(prefix), "{line}: {msg}");
            assert!(msg.contains(needle), "{line}: {msg}");
        }
    }

    #[test]
    fn plover_file_errors_name_the_line() {
        let cameo = "01 | say | 0.0 | - | - | -\n";
        let bad_type = PLOVER_SRC.replacen("\nAGREE ", "\nCONCUR ", 1);
        let line = bad_type
            .lines()
            .position(|l| l.starts_with("CONCUR"))
            .unwrap()
            + 1;
        let msg = Ontology::parse(cameo, &bad_type).unwrap_err().to_string();
        assert!(msg.starts_with(&format!("plover.txt:{line}: ")), "{msg}");
        assert!(msg.contains("unknown PLOVER type"), "{msg}");

        let msg = Ontology::parse(cameo, "[types]\nAGREE | agree | -\n")
            .unwrap_err()
            .to_string();
        assert!(msg.contains("missing PLOVER types: CONSULT"), "{msg}");

        let msg = Ontology::parse(cameo, "AGREE | agree | -\n")
            .unwrap_err()
            .to_string();
        assert!(msg.starts_with("plover.txt:1: "), "{msg}");

        let bad_legacy = format!("{PLOVER_SRC}\nYIELD | GIVE\n");
        let msg = Ontology::parse(cameo, &bad_legacy).unwrap_err().to_string();
        assert!(msg.contains("unknown PLOVER 2021 type"), "{msg}");
    }
}
