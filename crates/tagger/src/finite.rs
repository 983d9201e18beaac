//! One repair after decoding: a clause's first verb, right after its
//! subject, with no auxiliary and no finite verb after it, is a finite past
//! tense, not a participle ("A French minister threatened today to impose
//! ..."). News English opens most sentences that way; the treebank the
//! tagger learns from (web text) has few of them, so it often says VBN.

/// Class ids the repair needs, found by their (UPOS, XPOS) names.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FiniteRepair {
    vbn: Option<u16>,
    vbd: Option<u16>,
}

/// What a class is, as far as the repair cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Nominal,
    Verb,
    Finite,
    Boundary,
    Adverb,
    Other,
}

impl FiniteRepair {
    pub(crate) fn new(upos: &[String], xpos: &[String]) -> FiniteRepair {
        let find = |x: &str| {
            upos.iter()
                .zip(xpos)
                .position(|(u, p)| u == "VERB" && p == x)
                .map(|i| i as u16)
        };
        FiniteRepair {
            vbn: find("VBN"),
            vbd: find("VBD"),
        }
    }

    /// Rewrites participles that head their clause as past tenses.
    pub(crate) fn apply(&self, words: &[&str], tags: &mut [u16], upos: &[String], xpos: &[String]) {
        let (Some(vbn), Some(vbd)) = (self.vbn, self.vbd) else {
            return;
        };
        let kind_of = |i: usize, tags: &[u16]| -> Kind {
            let c = tags[i] as usize;
            let (u, x) = (
                upos.get(c).map_or("", String::as_str),
                xpos.get(c).map_or("", String::as_str),
            );
            match (u, x) {
                (_, "VBD" | "VBZ" | "VBP" | "MD") => Kind::Finite,
                ("VERB" | "AUX", _) => Kind::Verb,
                ("NOUN" | "PROPN" | "PRON" | "NUM", _) if !matches!(x, "WP" | "WDT") => {
                    Kind::Nominal
                }
                ("SCONJ" | "CCONJ", _) | (_, "WP" | "WDT" | "WRB" | "," | ":" | "``" | "''") => {
                    Kind::Boundary
                }
                ("PUNCT", _) if matches!(words[i], ";" | "(" | ")" | "\"") => Kind::Boundary,
                ("ADV", _) => Kind::Adverb,
                _ => Kind::Other,
            }
        };
        let mut kinds: Vec<Kind> = (0..tags.len()).map(|i| kind_of(i, tags)).collect();
        for i in 1..tags.len() {
            let kind = |j: usize| kinds[j];
            if tags[i] != vbn {
                continue;
            }
            // right after the subject (adverbs aside) ...
            let Some(prev) = (0..i).rev().find(|&j| kind(j) != Kind::Adverb) else {
                continue;
            };
            if kind(prev) != Kind::Nominal {
                continue;
            }
            // ... the first verb of its clause ...
            let start = (0..i)
                .rev()
                .find(|&j| kind(j) == Kind::Boundary)
                .map_or(0, |j| j + 1);
            if (start..i).any(|j| matches!(kind(j), Kind::Verb | Kind::Finite)) {
                continue;
            }
            // after a comma, a noun phrase with a participle is more often an
            // apposition ("..., a process called exfiltration") unless no
            // verb came before ("In Baghdad, the minister threatened ...")
            if start > 0 && words[start - 1] == "," && (0..start).any(|j| kind(j) == Kind::Finite) {
                continue;
            }
            // ... with no finite verb after it in the clause ("Weapons
            // seized yesterday were destroyed")
            let finite_after = (i + 1..tags.len())
                .take_while(|&k| kind(k) != Kind::Boundary || words[k] == "," || words[k] == "''")
                .any(|k| kind(k) == Kind::Finite);
            if !finite_after {
                tags[i] = vbd;
                kinds[i] = Kind::Finite;
            }
        }
    }
}
