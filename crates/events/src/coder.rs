//! Coding one parsed sentence: triggers, slots, sources, frames.
//!
//! For every word that triggers patterns (a verb or predicate adjective, or
//! an event noun) the most specific matching pattern wins. Its slots give
//! the target (and sometimes the source); otherwise the source is the
//! clause's subject, found by walking up the tree through infinitives,
//! gerunds, coordination and relative clauses ("agreed to provide",
//! "accuse X of launching", "forces fighting ISIS"), or for a noun its
//! owner (possessor, country adjective, `by` phrase, or the subject of the
//! verb it is the object of: "Turkey launched air strikes"). On the way up
//! the coder notes frames: an intent ("ready to"), a threat, a refusal
//! re-code the event; a belief ("fears that") drops it. Passive voice swaps
//! the object for the subject and takes the source from `by`.

use crate::patterns::{Frame, Pattern, Patterns, Slot, TriggerKind};
use crate::word_lists::{WordList as W, WordLists};
use khaldun_analysis::{AnalyzedSentence, Word};
use std::ops::Range;

/// An actor mention as the coder needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    /// Tokens of the mention within the sentence.
    pub tokens: Range<usize>,
    /// Its syntactic head (token index).
    pub head: usize,
    /// Caller's actor index (the same actor across mentions).
    pub actor: usize,
    /// A place, not an actor: only the destination of a visit ("arrived in
    /// Baghdad") makes it a party, standing for its country.
    pub place: bool,
    /// A named person.
    pub person: bool,
    /// The mention stands for several actors ("Indian and Pakistani
    /// troops", "the presidents of Iraq and Egypt"): alone, it can act on
    /// itself.
    pub several: bool,
    /// Its country (ISO 3166 alpha-3), when it has one: "the Kremlin" and
    /// "Russia" are two actors of one country.
    pub country: Option<String>,
}

/// How an event is qualified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    /// Reported as having happened or happening.
    Asserted,
    /// "will", "shall", "is to".
    Future,
    /// "would", "could", "may", "might", "should".
    Hypothetical,
    /// Governed by an intent word ("agreed to", "ready to").
    Intent,
    /// Governed by a threat ("threatened to").
    Threat,
    /// Governed by a refusal ("refused to").
    Refusal,
}

impl Modality {
    /// Lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Future => "future",
            Modality::Hypothetical => "hypothetical",
            Modality::Intent => "intent",
            Modality::Threat => "threat",
            Modality::Refusal => "refusal",
        }
    }
}

/// One event found in a sentence, before it is turned into a record.
#[derive(Debug, Clone, PartialEq)]
pub struct Coded {
    /// The trigger word (token index).
    pub trigger: usize,
    /// The pattern that matched; `None` for an event coded from a frame
    /// word alone ("agreed to set up a centre": an intent, whatever is set up).
    pub pattern: Option<u32>,
    /// CAMEO code after frames.
    pub code: String,
    /// Source parties (indices into the sentence's parties); several for compound actors.
    pub source: Vec<usize>,
    /// Target parties.
    pub target: Vec<usize>,
    /// "did not meet".
    pub negated: bool,
    /// Future, hypothetical, intent ...
    pub modality: Modality,
    /// The frame word that re-coded the event, if any (token index).
    pub frame_word: Option<usize>,
    /// Tokens that are evidence: trigger, pattern words, slot heads (sorted).
    pub evidence: Vec<usize>,
    /// Source and target are the same compound actor acting on each other.
    pub reciprocal: bool,
    /// The words the pattern matched besides the trigger ("protest" in
    /// "lodged a protest with"): not triggers of events of their own.
    pub words: Vec<usize>,
    /// With no source named, who the record takes as the source.
    pub unnamed_source: Option<Unnamed>,
    /// A threat to answer a blow that names no target ("vowed revenge"), or
    /// criticism of an act of force whose author it does not name
    /// ("condemned the raids"): the record aims it at whoever struck, if
    /// the document says.
    pub answers: bool,
}

/// A source no actor names, taken from the country where the event
/// happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unnamed {
    /// Only a state arrests or expels ("a missionary was arrested in
    /// Lebanon"): that country's state.
    State,
    /// Force by someone no one names: an unidentified actor of that
    /// country.
    Unidentified {
        /// The word telling of it ("a car bomb explosion", "gunmen", "was
        /// shot"), a token index.
        cue: usize,
    },
    /// Protest by people no actor names ("thousands marched in Madrid"):
    /// civilians of that country.
    Crowd {
        /// The people's word ("thousands"), a token index.
        cue: usize,
    },
}

/// A sentence prepared for coding: lower-cased forms, children, parties by token.
struct View<'a> {
    words: &'a [Word],
    lower: Vec<String>,
    children: Vec<Vec<usize>>,
    party_at: Vec<Option<usize>>,
    parties: &'a [Party],
    /// The word lists (`words.txt`) each token's lemma or lower-cased
    /// form is in, as bits ([`W::bit`]).
    lists: Vec<u32>,
    /// Coding with a PETRARCH dictionary: its conventions for voice and
    /// the default target.
    petrarch: bool,
}

impl<'a> View<'a> {
    fn new(
        text: &str,
        a: &'a AnalyzedSentence,
        parties: &'a [Party],
        words: &WordLists,
    ) -> View<'a> {
        let n = a.words.len();
        let mut children = vec![Vec::new(); n];
        for (i, w) in a.words.iter().enumerate() {
            if w.head > 0 && (w.head as usize) <= n {
                children[w.head as usize - 1].push(i);
            }
        }
        let mut party_at = vec![None; n];
        for (k, p) in parties.iter().enumerate() {
            for t in p.tokens.clone() {
                if t < n {
                    party_at[t] = Some(k);
                }
            }
        }
        let lower: Vec<String> = a
            .words
            .iter()
            .map(|w| w.span.slice(text).to_lowercase())
            .collect();
        // "according to prosecutor X": who tells of the event takes no part
        // in it
        for i in 0..n.saturating_sub(1) {
            if lower[i] == "according" && lower[i + 1] == "to" {
                let mut stack: Vec<usize> = (i + 2..n)
                    .find(|&h| {
                        a.words[i].head as usize == h + 1 || a.words[i + 1].head as usize == h + 1
                    })
                    .into_iter()
                    .collect();
                // (each word once: the parser may leave a cycle)
                let mut seen = vec![false; n];
                while let Some(x) = stack.pop() {
                    if std::mem::replace(&mut seen[x], true) {
                        continue;
                    }
                    // (the whole mention, however parsed)
                    if let Some(k) = party_at[x] {
                        party_at
                            .iter_mut()
                            .filter(|p| **p == Some(k))
                            .for_each(|p| *p = None);
                    }
                    stack.extend(children[x].iter().copied().filter(|&c| c > i));
                }
            }
        }
        let lists = a
            .words
            .iter()
            .zip(&lower)
            .map(|(w, l)| {
                let m = words.mask(&w.lemma);
                if **l == *w.lemma {
                    m
                } else {
                    m | words.mask(l)
                }
            })
            .collect();
        View {
            words: &a.words,
            lower,
            children,
            party_at,
            parties,
            lists,
            petrarch: false,
        }
    }

    fn lemma(&self, i: usize) -> &str {
        &self.words[i].lemma
    }

    fn rel(&self, i: usize) -> &str {
        self.words[i].deprel
    }

    fn head(&self, i: usize) -> Option<usize> {
        let h = self.words[i].head as usize;
        (h > 0 && h <= self.words.len()).then(|| h - 1)
    }

    /// Whether word `x` is `top` or below it within `steps` heads.
    fn within(&self, mut x: usize, top: usize, steps: usize) -> bool {
        for _ in 0..steps {
            if x == top {
                return true;
            }
            match self.head(x) {
                Some(h) => x = h,
                None => return false,
            }
        }
        false
    }

    fn child(&self, i: usize, rel: &str) -> Option<usize> {
        self.children[i]
            .iter()
            .copied()
            .find(|&c| self.rel(c) == rel)
    }

    fn child_with(&self, i: usize, f: impl Fn(&str) -> bool) -> Option<usize> {
        self.children[i].iter().copied().find(|&c| f(self.rel(c)))
    }

    fn is(&self, i: usize, words: &[&str]) -> bool {
        words.contains(&self.lemma(i)) || words.contains(&self.lower[i].as_str())
    }

    /// Whether token `i`'s lemma or lower-cased form is in a word list.
    fn is_in(&self, i: usize, list: W) -> bool {
        self.lists[i] & list.bit() != 0
    }

    /// "was attacked": a passive subject or auxiliary, a `by` agent, or a
    /// participle modifying the noun it is done to.
    fn passive(&self, i: usize) -> bool {
        // (a `by` phrase on a verb with an active subject is misattached:
        // "criticized the decision by the Kenyan government")
        let active = self.child(i, "nsubj").is_some();
        self.children[i].iter().any(|&c| {
            matches!(self.rel(c), "nsubj:pass" | "aux:pass" | "csubj:pass")
                || (self.rel(c) == "obl:agent" && !active)
        }) || self.reduced_passive(i).is_some()
            || self.shared_patient(i).is_some()
    }

    /// Whether the subject and the object trade places: a passive verb,
    /// which for PETRARCH needs a `by` agent ("X was criticized over Y"
    /// codes X as the source, "+ * FROM $" takes X as `+`).
    fn swaps(&self, i: usize) -> bool {
        self.passive(i)
            && (!self.petrarch || agent(self, i).is_some() || self.child(i, "nsubj:pass").is_none())
    }

    /// The patient a passive conjunct shares with the clause before it
    /// ("X signed the decree but was arrested").
    /// ("was shot and killed": the conjunct shares the auxiliary too).
    fn shared_patient(&self, i: usize) -> Option<usize> {
        if self.rel(i) != "conj" || self.child(i, "nsubj:pass").is_some() {
            return None;
        }
        let h = self.head(i)?;
        if self.child(i, "aux:pass").is_some() {
            return self
                .child(h, "nsubj")
                .or_else(|| self.child(h, "nsubj:pass"));
        }
        let bare = self.words[i].xpos == "VBN"
            && self.child(i, "nsubj").is_none()
            && !self.children[i]
                .iter()
                .any(|&c| matches!(self.rel(c), "aux" | "obj"));
        if bare && self.child(h, "aux:pass").is_some() {
            self.child(h, "nsubj:pass")
        } else {
            None
        }
    }

    /// "an officer surrounded by protesters": the noun a past participle
    /// with a `by` agent modifies, which is what the verb is done to
    /// (without an agent it may be a misparsed past tense: "troops
    /// arrived in").
    fn reduced_passive(&self, i: usize) -> Option<usize> {
        let h = self.head(i)?;
        (self.rel(i) == "acl"
            && self.words[i].xpos == "VBN"
            && matches!(self.words[h].upos, "NOUN" | "PROPN" | "PRON")
            && self.child(i, "nsubj").is_none()
            && self.children[i].iter().any(|&c| {
                self.rel(c) == "obl:agent"
                    || (self.rel(c) == "obl"
                        && self.children[c].iter().any(|&k| self.lemma(k) == "by"))
            }))
        .then_some(h)
    }

    /// Whether the nominal `i` has the case marker `w`.
    fn has_case_word(&self, i: usize, w: &str) -> bool {
        self.children[i]
            .iter()
            .any(|&c| self.rel(c) == "case" && self.lemma(c) == w)
    }

    /// The case marker (preposition) of a nominal, also where the parser
    /// hung it on the nominal's first modifier ("by East Germany": `by`
    /// under `East`).
    fn has_case(&self, i: usize, ws: &crate::patterns::Words) -> bool {
        // (not the "to" of an infinitive: "went on to cite" goes nowhere)
        // (a preposition the parser took for an adverb of the phrase's first
        // word: "over two Israeli raids", `over` under `two`)
        let marks = |n: usize| {
            self.children[n].iter().any(|&c| {
                (matches!(self.rel(c), "case" | "fixed")
                    || (self.rel(c) == "advmod" && c < n)
                    || (self.rel(c) == "mark"
                        && !(self.words[c].upos == "PART" && self.words[n].upos == "VERB")))
                    && ws.matches(self.lemma(c), &self.lower[c])
            })
        };
        let modifier = |c: usize| {
            c < i && matches!(self.rel(c), "compound" | "amod" | "flat" | "det" | "nummod")
        };
        // or hung as an adverb on whatever word, right before the phrase
        // ("complained ... over three Israeli raids", `over` under the verb)
        let first = self.children[i]
            .iter()
            .copied()
            .filter(|&c| modifier(c))
            .min()
            .unwrap_or(i);
        let before = first
            .checked_sub(1)
            .filter(|&b| self.rel(b) == "advmod" && ws.matches(self.lemma(b), &self.lower[b]));
        marks(i) || self.children[i].iter().any(|&c| modifier(c) && marks(c)) || before.is_some()
    }
}

/// Codes one sentence. `text` is the document text (for word forms),
/// `parties` the actor mentions of the sentence (any order).
pub fn code_sentence(
    p: &Patterns,
    text: &str,
    a: &AnalyzedSentence,
    parties: &[Party],
) -> Vec<Coded> {
    if a.words.is_empty() || parties.is_empty() {
        return Vec::new();
    }
    let mut v = View::new(text, a, parties, p.word_lists());
    v.petrarch = !p.generic_frames();
    let mut out: Vec<Coded> = Vec::new();
    for t in 0..v.words.len() {
        let kind = match v.words[t].upos {
            // PETRARCH codes verbs only ("marched very close to the border")
            "ADJ" if v.petrarch && !v.words[t].xpos.starts_with("VB") => continue,
            "VERB" | "ADJ" => TriggerKind::Verb,
            "NOUN" | "PROPN" => TriggerKind::Noun,
            _ => continue,
        };
        // a verb conjunct with no coordinator or comma before it, right
        // after a noun, is a misparsed modifier ("questions from Wikinews
        // accredited reporter X")
        if kind == TriggerKind::Verb
            && p.generic_frames()
            && v.rel(t) == "conj"
            && t > 0
            && matches!(v.words[t - 1].upos, "NOUN" | "PROPN")
            && !v.children[t]
                .iter()
                .any(|&c| c < t && matches!(v.rel(c), "cc" | "punct"))
        {
            continue;
        }
        // "lodged a protest", "summoned the ambassador to protest": a
        // protest a state lodges or summons for is diplomatic, coded by
        // the verb's pattern (114) when it names whom; no demonstration
        const LODGE: &[&str] = &[
            "lodge", "file", "register", "submit", "deliver", "issue", "summon", "convey",
        ];
        // (or hung on the one summoned: "summoned a Chinese envoy to protest")
        let to_protest = v.child(t, "mark").is_some_and(|k| v.is(k, &["to"]));
        if p.generic_frames()
            && v.is(t, &["protest"])
            && v.head(t).is_some_and(|h| {
                (v.is(h, LODGE)
                    && (v.rel(t) == "obj" || (matches!(v.rel(t), "advcl" | "xcomp") && to_protest)))
                    || (v.rel(t) == "acl"
                        && to_protest
                        && v.rel(h) == "obj"
                        && v.head(h).is_some_and(|g| v.is(g, LODGE)))
            })
        {
            continue;
        }
        // a press conference or a news briefing is told to reporters: no meeting
        if kind == TriggerKind::Noun
            && p.generic_frames()
            && v.is(t, &["conference", "briefing"])
            && v.children[t].iter().any(|&c| {
                matches!(v.rel(c), "compound" | "amod") && v.is(c, &["press", "news", "media"])
            })
        {
            continue;
        }
        let mut found: Vec<(usize, u32, Match)> = Vec::new();
        let by_lemma = if v.petrarch && !crate::petrarch::regular_form(&v.lower[t], v.lemma(t)) {
            &[]
        } else {
            p.triggered_by(kind, v.lemma(t))
        };
        let by_form = if v.lower[t] != v.lemma(t) {
            p.triggered_by(kind, &v.lower[t])
        } else {
            &[]
        };
        // "re-examine", "re-impose": the act again, in khaldun's patterns
        let again = match v.lemma(t).strip_prefix("re-") {
            Some(rest) if p.generic_frames() && !rest.is_empty() => p.triggered_by(kind, rest),
            _ => &[],
        };
        // on equal scores a pattern written for the inflected form ("left")
        // beats one for the lemma ("leave")
        let forms = by_lemma
            .iter()
            .map(|&i| (i, 0))
            .chain(by_form.iter().map(|&i| (i, 1)))
            .chain(again.iter().map(|&i| (i, 0)));
        for (pi, form) in forms {
            let pat = p.get(pi);
            if let Some(m) = match_pattern(&v, pat, t, p.generic_frames()) {
                let score = fit(pat, &m) * 2 + form;
                found.push((score, pi, m));
            }
        }
        // the best pattern that yields an event (stable: on equal scores the
        // first written); a null pattern matches and codes nothing
        found.sort_by_key(|x| std::cmp::Reverse(x.0));
        let mut chosen = None;
        for (_, pi, m) in found {
            let pat = p.get(pi);
            if pat.code.is_empty() && pat.reverse.is_none() {
                break;
            }
            // "police flew him to The Hague": what is flown or sent to a
            // place travels, not the one who sends it
            // (a delegation sent is the sender's visit)
            let carried = pat.code.as_ref() == "042"
                && matches!(pat.target, Some(Slot::Prep(_)))
                && v.words[t].upos == "VERB"
                && v.child(t, "obj").is_some_and(|o| {
                    v.words[o].upos == "PRON" || v.party_at[o].is_some_and(|k| v.parties[k].person)
                });
            if carried {
                continue;
            }
            if let Some(c) = finish(&v, p, pat, pi, t, m) {
                chosen = Some((pat, c));
                break;
            }
        }
        if let Some((pat, c)) = chosen {
            let mut coded = Vec::new();
            // a visit is also its host's event, and hosting its guest's
            // (the CAMEO codebook codes both 042 and 043)
            let dual = match c.code.as_str() {
                "042" => Some("043"),
                "043" => Some("042"),
                _ => None,
            }
            .filter(|_| {
                // a trip to a place at home has no host of its own
                let own: Vec<Option<&str>> = c
                    .source
                    .iter()
                    .map(|&k| v.parties[k].country.as_deref())
                    .collect();
                // troops arriving are deployed, not hosted
                let troops = c.source.iter().any(|&k| {
                    let w = v.lemma(v.parties[k].head);
                    p.in_set("troops", w) || p.in_set("peacekeeper", w)
                });
                // (a host has a country: no region hosts, "a trip to North Africa")
                p.generic_frames()
                    && !troops
                    && !own.is_empty()
                    && !c.target.is_empty()
                    && !c.target.iter().any(|&k| {
                        let t = &v.parties[k];
                        (t.place && own.contains(&t.country.as_deref())) || t.country.is_none()
                    })
            });
            // "arrested for espionage", "jailed on charges of treason": the
            // arrest also accuses them of the offence (as PLOVER GSR codes it)
            // (a court's sentence is a verdict, not an accusation)
            let court = c
                .source
                .iter()
                .any(|&k| v.is(v.parties[k].head, &["court", "tribunal", "judge", "jury"]));
            if p.generic_frames()
                && c.code == "173"
                && !c.target.is_empty()
                && !court
                && for_offence(&v, c.trigger)
            {
                coded.push(Coded {
                    code: "1121".into(),
                    ..c.clone()
                });
            }
            // "talks hosted by Saudi Arabia", "a deal brokered by China": the
            // third party hosts or mediates between the event's parties
            let cooperative = matches!(c.code.get(..2), Some("03" | "04" | "05" | "06" | "08"));
            if p.generic_frames() && cooperative && !c.negated {
                if let Some((code, w, who)) = third_party(&v, c.trigger) {
                    let mut parties: Vec<usize> = Vec::new();
                    for &k in c.source.iter().chain(&c.target) {
                        let a = &v.parties[k];
                        let seen = parties
                            .iter()
                            .chain(&who)
                            .any(|&o| v.parties[o].actor == a.actor);
                        if !seen && !a.place {
                            parties.push(k);
                        }
                    }
                    if !parties.is_empty() {
                        let mut evidence = vec![w];
                        evidence.extend(who.iter().map(|&k| v.parties[k].head));
                        evidence.sort_unstable();
                        coded.push(Coded {
                            trigger: w,
                            pattern: None,
                            code: code.to_string(),
                            source: who,
                            target: parties,
                            // (what was agreed is intended; its brokering took place)
                            modality: if c.modality == Modality::Intent {
                                Modality::Asserted
                            } else {
                                c.modality
                            },
                            frame_word: None,
                            evidence,
                            reciprocal: false,
                            words: Vec::new(),
                            unnamed_source: None,
                            ..c.clone()
                        });
                    }
                }
            }
            if let Some(r) = pat.reverse.as_deref().or(dual).filter(|_| !c.reciprocal) {
                // the event the target does to the source ("hosted a visit")
                coded.push(Coded {
                    code: r.to_string(),
                    source: c.target.clone(),
                    target: c.source.clone(),
                    ..c.clone()
                });
            }
            if !pat.code.is_empty() {
                coded.insert(0, c);
            }
            for c in coded {
                if !out
                    .iter()
                    .any(|o| o.code == c.code && o.source == c.source && o.target == c.target)
                {
                    out.push(c);
                }
            }
        }
    }
    // "lodged a protest with Albania": the noun is part of the verb's event
    // (unless the noun's event names a target the verb's does not: "an
    // Israeli air strike on a house in Rafah killed 10 people")
    // ("flew to Beijing for talks with Wang Yi": a trip for talks keeps the
    // talks, held with someone of their own)
    let consumed: Vec<(usize, bool, bool)> = out
        .iter()
        .flat_map(|c| {
            let trip = matches!(c.code.as_str(), "042" | "043");
            c.words
                .iter()
                .map(move |&w| (w, !c.target.is_empty(), trip))
        })
        .collect();
    out.retain(|c| {
        let talks =
            c.code.starts_with("04") && !c.target.is_empty() && v.is_in(c.trigger, W::Meetings);
        c.pattern.is_none()
            || !consumed.iter().any(|&(w, aimed, trip)| {
                w == c.trigger && (aimed || c.target.is_empty()) && !(trip && talks)
            })
    });
    // "bombarded the city, killing eight people", "rioted, setting fire to
    // mattresses": the toll of a force event or a riot is that event
    let force = |c: &Coded| {
        matches!(c.code.get(..2), Some("18" | "19" | "20"))
            || c.code.starts_with("171")
            || c.code.starts_with("145")
    };
    let parent = |c: &Coded| force(c) || matches!(c.code.get(..2), Some("14" | "17"));
    let tolls: Vec<usize> = out
        .iter()
        .filter(|c| p.generic_frames() && force(c))
        .filter(|c| {
            // (an event with no target of its own keeps its toll, which names one)
            toll_of(&v, c.trigger).is_some_and(|a| {
                out.iter()
                    .any(|o| o.trigger == a && parent(o) && !o.target.is_empty())
            })
        })
        .map(|c| c.trigger)
        .collect();
    out.retain(|c| !tolls.contains(&c.trigger));
    // "a plane crashed near Pokhara, killing all 72 people on board": the
    // toll of an accident or a disaster is nobody's act
    let mishap_tolls: Vec<usize> = out
        .iter()
        .filter(|c| p.generic_frames() && force(c))
        .filter(|c| {
            toll_of(&v, c.trigger).is_some_and(|a| {
                // (or the verb right before the comma, however the parser
                // hung the clause: "condoled after a plane crashed near
                // Pokhara, killing all 72")
                let before = (c.trigger > 0 && v.lower[c.trigger - 1] == ",")
                    .then(|| (0..c.trigger).rev().find(|&i| v.words[i].upos == "VERB"))
                    .flatten();
                v.is_in(a, W::Mishaps) || before.is_some_and(|b| v.is_in(b, W::Mishaps))
            })
        })
        .map(|c| c.trigger)
        .collect();
    out.retain(|c| !mishap_tolls.contains(&c.trigger));
    // "will meet in Zurich to discuss trade": the purpose of an event between
    // the same actors, of the same kind, is that event (with its modality)
    let base = |c: &Coded| {
        c.pattern
            .map_or(&c.code[..], |i| &p.get(i).code[..])
            .get(..2)
            .map(str::to_string)
    };
    let purposes: Vec<usize> = out
        .iter()
        .filter(|c| {
            v.rel(c.trigger) == "advcl"
                && v.child(c.trigger, "mark").is_some_and(|k| v.is(k, &["to"]))
                && out.iter().any(|o| {
                    Some(o.trigger) == v.head(c.trigger)
                        && o.source == c.source
                        && o.target == c.target
                        && base(o) == base(c)
                })
        })
        .map(|c| c.trigger)
        .collect();
    out.retain(|c| !purposes.contains(&c.trigger));
    // "discussed the crisis in a phone call": the call is the discussion,
    // coded once (by the call, the more specific)
    let told_as_call: Vec<usize> = out
        .iter()
        .filter(|c| c.code.starts_with("04") && v.words[c.trigger].upos == "VERB")
        .filter(|c| {
            out.iter().any(|o| {
                o.code.starts_with("04")
                    && o.trigger != c.trigger
                    && v.words[o.trigger].upos == "NOUN"
                    && talks_before(&v, o.trigger) == Some(c.trigger)
                    && o.source == c.source
                    && o.target == c.target
            })
        })
        .map(|c| c.trigger)
        .collect();
    out.retain(|c| !told_as_call.contains(&c.trigger));
    // "urged Belgium to extradite a militant": an appeal or demand with no
    // code of its own is for what its complement names (0213)
    let generic = p.generic_frames();
    for c in out
        .iter_mut()
        .filter(|c| generic && matches!(c.code.as_str(), "020" | "100"))
    {
        let asked = std::iter::once(c.trigger)
            .chain(c.words.iter().copied())
            .flat_map(|w| v.children[w].iter().copied())
            .find(|&x| match v.rel(x) {
                "xcomp" | "ccomp" => true,
                "advcl" | "acl" => v.child(x, "mark").is_some_and(|k| v.is(k, &["to"])),
                _ => false,
            });
        let what = asked
            .filter(|&x| !negated(&v, x))
            .and_then(|x| act_code(&v, p, x));
        if let Some(code) = what.and_then(|w| asked_for(p, &c.code, w)) {
            c.code = code;
        }
    }
    for w in (0..v.words.len()).filter(|_| p.generic_frames()) {
        if let Some(c) = frame_event(&v, p, w, &out) {
            out.push(c);
        }
        if let Some(mut c) = obligation_event(&v, p, w, &out) {
            // what one must do is demanded of him, not done
            let clause = c.frame_word.and_then(|m| v.head(m));
            let what = match out.iter().find(|e| Some(e.trigger) == clause) {
                Some(e) => Some(e.code.as_str()),
                None => clause.and_then(|x| act_code(&v, p, x)),
            };
            if let Some(code) = what.and_then(|w| asked_for(p, &c.code, w)) {
                c.code = code;
            }
            out.retain(|e| Some(e.trigger) != clause);
            out.push(c);
        }
    }
    if generic {
        // "vowed to retaliate against Israel": the complement's threat names
        // its target; the vow's own threat, aimed at no one, is that event
        let framed: Vec<usize> = out.iter().filter_map(|c| c.frame_word).collect();
        out.retain(|c| {
            !(c.target.is_empty() && c.code.starts_with("13") && framed.contains(&c.trigger))
        });
        // "warned that Israel would strike hard if the group broke the
        // truce": what a coded warning foretells, and its condition, are
        // its words, no events of their own
        let warned: Vec<usize> = out
            .iter()
            .filter(|c| {
                c.code.starts_with("13") && !c.target.is_empty() && v.is(c.trigger, &["warn"])
            })
            .filter_map(|c| v.child(c.trigger, "ccomp"))
            .collect();
        out.retain(|c| !warned.iter().any(|&w| v.within(c.trigger, w, 4)));
        // "vowed revenge", "vowed to respond": a threat to answer a blow is
        // aimed at whoever struck (the record reads who from the document)
        for c in out
            .iter_mut()
            .filter(|c| c.target.is_empty() && c.code.starts_with("13"))
        {
            c.answers = std::iter::once(c.trigger)
                .chain(c.words.iter().copied())
                .any(|w| v.is_in(w, W::Retaliation));
            // "vowed to respond if Trump carried out his threat": at the one
            // whose act the answer waits on
            let condition = std::iter::once(c.trigger)
                .chain(c.words.iter().copied())
                .flat_map(|w| v.children[w].iter().copied())
                .find(|&k| v.rel(k) == "advcl" && conditional(&v, k));
            let own: Vec<Option<&str>> = c
                .source
                .iter()
                .map(|&k| v.parties[k].country.as_deref())
                .collect();
            let who = condition
                .and_then(|k| v.child(k, "nsubj"))
                .and_then(|x| v.party_at[x])
                .filter(|&k| {
                    let p = &v.parties[k];
                    !p.place && p.country.is_some() && !own.contains(&p.country.as_deref())
                });
            if let (true, Some(k)) = (c.answers, who) {
                c.target = vec![k];
                c.answers = false;
                c.evidence.push(v.parties[k].head);
                c.evidence.sort_unstable();
                c.evidence.dedup();
            }
        }
    }
    out
}

/// The code of the best pattern a word triggers, its target named or not:
/// what an act asked for would be ("to extradite a militant": 063).
fn act_code<'p>(v: &View, p: &'p Patterns, t: usize) -> Option<&'p str> {
    let kind = match v.words[t].upos {
        "VERB" | "ADJ" => TriggerKind::Verb,
        "NOUN" => TriggerKind::Noun,
        _ => return None,
    };
    p.triggered_by(kind, v.lemma(t))
        .iter()
        .filter_map(|&pi| {
            let pat = p.get(pi);
            let m = match_pattern(v, pat, t, true)?;
            // (a bare verb says what is asked through its object, named
            // or not, "to return the helicopter"; without the phrase its
            // slot asks for it says too little: "to stop demolishing
            // homes" is no stop in a place)
            let bare = pat.words.is_empty() && pat.before.is_empty();
            let object = matches!(pat.target, Some(Slot::Object)) && v.child(t, "obj").is_some();
            if m.partial && bare && !object {
                return None;
            }
            Some((fit(pat, &m), pi))
        })
        // (on equal scores the first written, as when coding)
        .max_by_key(|&(score, pi)| (score, std::cmp::Reverse(pi)))
        .map(|(_, pi)| &*p.get(pi).code)
        .filter(|c| !c.is_empty())
}

/// How well pattern `pat` fits its match `m`: its specificity (less for a
/// missing target phrase), then the slots it filled.
fn fit(pat: &Pattern, m: &Match) -> usize {
    let spec = pat.specificity() - m.partial as usize;
    spec * 4 + m.filled
}

/// The appeal (`020`) or demand (`100`) for the act coded `what`, through
/// the `appeal` rules of `compose.txt` (CAMEO numbers the kinds of demand
/// as it numbers the kinds of appeal: 0213 and 1013 both ask for judicial
/// cooperation).
fn asked_for(p: &Patterns, general: &str, what: &str) -> Option<String> {
    let appeal = p.compose(Frame::Appeal, what)?;
    match general {
        "100" => appeal.strip_prefix("02").map(|rest| format!("10{rest}")),
        _ => Some(appeal.to_string()),
    }
}

/// "..., killing eight people": the verb an -ing clause with no subject
/// of its own tells the outcome of (the nearest verb above it, however the
/// parser hung the clause).
fn toll_of(v: &View, t: usize) -> Option<usize> {
    // "a Russian strike on Odesa killed four people": the toll of the
    // event its subject names
    if v.words[t].upos == "VERB" && v.is_in(t, W::Toll) && v.rel(t) != "conj" {
        if let Some(n) = v.child(t, "nsubj").filter(|&n| v.words[n].upos == "NOUN") {
            return Some(n);
        }
    }
    // (what is hit or aimed at, "launched missiles targeting US troops",
    // says more than the verb above: not a toll)
    let bare = v.words[t].xpos == "VBG"
        && v.is_in(t, W::Toll)
        && matches!(v.rel(t), "advcl" | "acl" | "xcomp")
        && !v.children[t]
            .iter()
            .any(|&c| matches!(v.rel(c), "nsubj" | "nsubj:pass" | "mark"));
    if !bare {
        return None;
    }
    let mut x = v.head(t)?;
    for _ in 0..6 {
        if v.words[x].upos == "VERB" {
            return Some(x);
        }
        x = v.head(x)?;
    }
    None
}

struct Match {
    words: Vec<usize>,
    target: Option<usize>,
    source: Option<usize>,
    filled: usize,
    /// The target's preposition phrase is missing: usable only for a
    /// compound source acting on itself ("Israel and Jordan signed an agreement").
    partial: bool,
}

fn match_pattern(v: &View, pat: &Pattern, t: usize, generic: bool) -> Option<Match> {
    // PETRARCH matches a pattern's words as written ("RESOLUTION" is not
    // "resolutions"); khaldun's own patterns name lemmas
    let word = |d: usize| {
        if generic {
            v.lemma(d)
        } else {
            v.lower[d].as_str()
        }
    };
    let mut used = vec![t];
    for (i, w) in pat.words.iter().enumerate() {
        // a joined word is the token right after the word matched before it
        // (consecutive text needs no tree relation: "memos on economic issues")
        let joined = pat.joined.get(i).copied().unwrap_or(false);
        let mut cands: Box<dyn Iterator<Item = usize>> = if joined {
            Box::new(std::iter::once(used[used.len() - 1] + 1).filter(|&d| d < v.words.len()))
        } else if generic {
            // also below a pattern word matched before: "went on hunger
            // strike against the law" ("against" and "law" under "strike")
            let below: Vec<usize> = used[1..]
                .iter()
                .flat_map(|&u| v.children[u].iter().copied())
                .flat_map(|c| {
                    std::iter::once(c).chain(
                        v.children[c]
                            .iter()
                            .copied()
                            .filter(move |&k| v.rel(k) == "case"),
                    )
                })
                .collect();
            Box::new(near(v, t).chain(below))
        } else {
            // PETRARCH matches within the verb phrase, in the written order:
            // anything below the verb after the word matched before
            let prev = used[used.len() - 1];
            Box::new(descendants(v, t).into_iter().filter(move |&d| d > prev))
        };
        let found = cands.find(|&d| !used.contains(&d) && w.matches(word(d), &v.lower[d]))?;
        used.push(found);
    }
    // from the trigger backwards, so a joined word knows the token after it
    let mut next = t;
    for (i, w) in pat.before.iter().enumerate().rev() {
        // a joined word is the token right before: consecutive text needs
        // no tree relation (a misattached adverb still counts)
        let joined = pat.before_joined.get(i).copied().unwrap_or(false);
        let mut cands: Box<dyn Iterator<Item = usize>> = if joined {
            Box::new(next.checked_sub(1).into_iter())
        } else {
            Box::new(around(v, t))
        };
        let found =
            cands.find(|&d| d < t && !used.contains(&d) && w.matches(word(d), &v.lower[d]))?;
        used.push(found);
        next = found;
    }
    // "launched an investigation into the drone strike": a pattern word
    // that only modifies a noun of a phrase the pattern does not name is
    // not what the pattern asks for (the strike is investigated, no drone
    // launched)
    if generic
        && used[1..]
            .iter()
            .any(|&w| stray_compound(v, pat, t, w, &used))
    {
        return None;
    }
    for w in &pat.subject {
        // common nouns only: "Shell" the company is no artillery shell
        let found = subject_words(v, t).find(|&d| {
            !used.contains(&d) && v.words[d].upos != "PROPN" && w.matches(word(d), &v.lower[d])
        })?;
        used.push(found);
    }
    let mut partial = false;
    let target = match &pat.target {
        Some(s) => match slot(v, s, t, &used, NotWhom::of(pat, generic)) {
            Some(x) => x,
            // ("A and B fought": no "fight beside $T" of each other; a
            // missile fired is not flown "over" anyone)
            None if generic
                && !matches!(s, Slot::Prep(p) if p.matches("beside", "beside") || p.matches("alongside", "alongside"))
                && !(&*pat.code == "150"
                    && matches!(s, Slot::Prep(p) if p.matches("over", "over"))) =>
            {
                partial = true;
                None
            }
            None => return None,
        },
        None => None,
    };
    let source = match &pat.source {
        Some(s) => slot(v, s, t, &used, NotWhom::of(pat, generic))?,
        None => None,
    };
    let filled = target.is_some() as usize + source.is_some() as usize;
    Some(Match {
        words: used,
        target,
        source,
        filled,
        partial,
    })
}

/// Whether `w` is a compound modifier of the noun of a prepositional
/// phrase of the trigger `t` whose noun and preposition the pattern does
/// not name (neither as a word, `used`, nor as a slot's preposition).
fn stray_compound(v: &View, pat: &Pattern, t: usize, w: usize, used: &[usize]) -> bool {
    let Some(h) = v.head(w).filter(|&h| h != t && !used.contains(&h)) else {
        return false;
    };
    let slot_prep = |c: usize| {
        [&pat.target, &pat.source].into_iter().any(|s| match s {
            Some(Slot::Prep(p)) => p.matches(v.lemma(c), &v.lower[c]),
            _ => false,
        })
    };
    let mut cases = v.children[h]
        .iter()
        .copied()
        .filter(|&c| v.rel(c) == "case");
    let case = cases.next();
    let in_phrase = v.rel(h).starts_with("obl") && v.head(h) == Some(t);
    (v.rel(w) == "compound"
        && in_phrase
        && case.is_some_and(|c| !used.contains(&c) && !slot_prep(c)))
        // "rallied against the government's overhaul": the owner inside
        // the slot's own phrase is no word before the slot ("rally
        // government against $T")
        || (v.rel(w) == "nmod:poss" && in_phrase && case.is_some_and(slot_prep))
}

/// The head of a verb's subject (the agent of a passive; a subject shared
/// with the verb above, for a conjunct or a control verb) and its
/// modifiers: what a pattern's `^` words are read on.
fn subject_words<'v>(v: &'v View, t: usize) -> impl Iterator<Item = usize> + 'v {
    let mut x = t;
    let mut head = None;
    for _ in 0..4 {
        let own = if v.swaps(x) {
            agent(v, x)
        } else {
            v.child_with(x, |r| r == "nsubj")
        };
        if let Some(s) = own {
            // "the bomber who killed": the noun the relative clause is on
            head = if v.is(s, &["who", "which", "that"]) && v.rel(x) == "acl:relcl" {
                v.head(x)
            } else {
                Some(s)
            };
            break;
        }
        if !matches!(v.rel(x), "conj" | "xcomp" | "advcl") || v.child(x, "nsubj:pass").is_some() {
            break;
        }
        match v.head(x) {
            Some(h) => x = h,
            None => break,
        }
    }
    // (and, for a part or a batch, what it is of: "the first deployment of
    // NATO peacekeeping troops")
    let modifiers = move |h: usize| {
        std::iter::once(h).chain(
            v.children[h]
                .iter()
                .copied()
                .filter(|&c| matches!(v.rel(c), "compound" | "amod" | "flat")),
        )
    };
    head.into_iter().flat_map(move |h| {
        let of = v.children[h]
            .iter()
            .copied()
            .find(|&c| v.is_in(h, W::Partitive) && v.rel(c) == "nmod" && v.has_case_word(c, "of"));
        modifiers(h).chain(of.into_iter().flat_map(modifiers))
    })
}

/// "Russia said that Sudan must return the helicopter": a report whose
/// clause says what another actor must (or should) do is a demand (100) or
/// an appeal (020) to that actor.
fn obligation_event(v: &View, p: &Patterns, w: usize, done: &[Coded]) -> Option<Coded> {
    if p.frame(v.lemma(w)) != Some(Frame::Report) || v.words[w].upos != "VERB" {
        return None;
    }
    let c = v.children[w]
        .iter()
        .copied()
        .find(|&c| v.rel(c) == "ccomp")?;
    let modal = v.children[c]
        .iter()
        .copied()
        .find(|&m| v.rel(m) == "aux" && v.is(m, &["must", "should"]))?;
    let code = if v.is(modal, &["must"]) { "100" } else { "020" };
    if done.iter().any(|e| e.trigger == w) || negated(v, c) {
        return None;
    }
    let mut frames = Vec::new();
    let source = subject(v, p, w, &mut frames, 0);
    let mut target = Vec::new();
    if let Some(s) = v.child(c, "nsubj") {
        parties_of(v, s, &mut target);
    }
    drop_actors(v, &mut target, &source);
    if source.is_empty() || target.is_empty() {
        return None;
    }
    Some(word_event(
        v,
        w,
        code,
        source,
        target,
        Modality::Asserted,
        modal,
        c,
    ))
}

/// A frame word whose complement no pattern coded is an event itself:
/// "agreed to set up a centre in Tokyo" (intent, 030), "refused to deploy
/// peacekeepers in Iraq" (120), "threatened to retaliate against" (130). The
/// target is the first actor in the complement.
fn frame_event(v: &View, p: &Patterns, w: usize, done: &[Coded]) -> Option<Coded> {
    let f = p.frame(v.lemma(w))?;
    let (code, modality) = match f {
        Frame::Intent => ("030", Modality::Intent),
        Frame::Threat => ("130", Modality::Threat),
        Frame::Refuse => ("120", Modality::Refusal),
        Frame::Belief | Frame::Appeal | Frame::Report => return None,
    };
    let noun = matches!(v.words[w].upos, "NOUN");
    if !noun && !matches!(v.words[w].upos, "VERB" | "ADJ") {
        return None;
    }
    let comp = v.children[w].iter().copied().find(|&c| match v.rel(c) {
        "xcomp" | "ccomp" => true,
        "acl" => noun,
        // "threatened to stop talks", "agreed on Thursday to restart talks"
        // misparsed as a purpose clause
        "advcl" => v.child(c, "mark").is_some_and(|k| {
            v.is(k, &["to"]) && k == c - 1 && (k == w + 1 || between_is_phrase(v, w, k))
        }),
        // "agreed to an extension of the mandate": what is agreed to
        "obl" => f == Frame::Intent && v.is(w, &["agree"]) && v.has_case_word(c, "to"),
        _ => false,
    })?;
    // (nor when the frame word coded an event of its own: "refused to
    // deploy peacekeepers" is 1224 already)
    // (nor what is only claimed or believed: "claimed that Trump refused to")
    // (nor a vow not to act: "vowed not to return the Golan Heights")
    if object_acts(v, w, comp)
        || (matches!(f, Frame::Refuse | Frame::Intent) && under_belief(v, p, w).is_some())
        || (f == Frame::Intent && negated(v, comp))
        || done
            .iter()
            .any(|e| e.frame_word == Some(w) || e.trigger == comp || e.trigger == w)
    {
        return None;
    }
    let mut frames = Vec::new();
    let source = if noun {
        owner(v, p, w, &mut frames, 0)
    } else {
        subject(v, p, w, &mut frames, 0)
    };
    if source.is_empty() || frames.iter().any(|(f, _)| *f == Frame::Belief) {
        return None;
    }
    // the nearest actor in the complement, else the nearest place
    // ("threatened to impose a curfew in Algiers")
    const NOT_INTO: &[&str] = &["nsubj", "nsubj:pass", "advcl", "parataxis"];
    // (an intent is not aimed at the source's own troops: "ready to
    // contribute up to 4,000 troops to a force in Liberia")
    let mut avoid = source.clone();
    if f == Frame::Intent {
        let own: Vec<&str> = source
            .iter()
            .filter_map(|&s| v.parties[s].country.as_deref())
            .collect();
        avoid.extend((0..v.parties.len()).filter(|&k| {
            let t = &v.parties[k];
            t.country.as_deref().is_some_and(|c| own.contains(&c))
                && p.in_set("troops", v.lemma(t.head))
        }));
    }
    let mut target = nearest_party(v, comp, NOT_INTO, false, &avoid);
    if target.is_empty() {
        target = nearest_party(v, comp, NOT_INTO, true, &avoid);
    }
    // nor the agent of a participle in it: "agreed to a ceasefire brokered
    // by Saudi Arabia" is aimed at no broker ("despite pressure by the
    // commission" still names whom one defies)
    target.retain(|&k| {
        // (the first of a list: "by Saudi Arabia and the United States")
        let mut h = v.parties[k].head;
        for _ in 0..8 {
            match v.head(h) {
                Some(x) if v.rel(h) == "conj" => h = x,
                _ => break,
            }
        }
        !(v.rel(h) == "obl:agent"
            && v.head(h)
                .is_some_and(|x| v.rel(x) == "acl" && v.words[x].xpos == "VBN"))
    });
    // "his plan to choose a woman", "offered to kiss members of the crowd",
    // "the decision to halt Florida recounts": an intent aimed at no one but
    // the source's own people or places is no event
    if f == Frame::Intent {
        let own: Vec<&str> = source
            .iter()
            .filter_map(|&s| v.parties[s].country.as_deref())
            .collect();
        target.retain(|&k| {
            let t = &v.parties[k];
            let at_home = t.country.as_deref().is_some_and(|c| own.contains(&c));
            !(at_home && (t.place || v.is_in(t.head, W::Human) || v.is_in(t.head, W::Crowd)))
        });
    }
    // "threatened to halt talks if the United States goes ahead": a threat
    // is aimed at whom its condition names
    if target.is_empty() && f == Frame::Threat {
        // the clause's conditions, wherever the parser hung them below it
        let mut conditions = Vec::new();
        let mut stack = vec![(w, 0u8)];
        while let Some((n, d)) = stack.pop() {
            for &c in &v.children[n] {
                if v.rel(c) == "advcl"
                    && v.child(c, "mark")
                        .is_some_and(|k| v.is(k, &["if", "unless"]))
                {
                    conditions.push(c);
                } else if (d < 4 && !matches!(v.rel(c), "parataxis" | "ccomp")) || c == comp {
                    stack.push((c, d + 1));
                }
            }
        }
        for c in conditions {
            if let Some(s) = v.child(c, "nsubj") {
                parties_of(v, s, &mut target);
            }
            drop_actors(v, &mut target, &source);
            if !target.is_empty() {
                break;
            }
        }
    }
    // "China and Russia agreed to set up a joint centre": what two agree to
    // do together is each one's intent toward the other
    let several = source.len() >= 2 || source.iter().any(|&k| v.parties[k].several);
    // (not an act with a code of its own that names no one: "Norway and
    // Sweden agreed to provide aid" is no aid to each other)
    let mutual = target.is_empty()
        && f == Frame::Intent
        && v.is(w, &["agree"])
        && several
        && act_code(v, p, comp).is_none();
    if target.is_empty() && !mutual {
        return None;
    }
    let mut c = word_event(v, w, code, source, target, modality, w, comp);
    c.reciprocal = mutual;
    Some(c)
}

/// Whether the words between `w` and `k` are one phrase of `w`'s own (an
/// oblique or an adverb: "agreed on Thursday to").
fn between_is_phrase(v: &View, w: usize, k: usize) -> bool {
    let Some(p) = v.children[w]
        .iter()
        .copied()
        .find(|&c| c > w && c < k && matches!(v.rel(c), "obl" | "obl:tmod" | "advmod"))
    else {
        return false;
    };
    (w + 1..k).all(|x| v.within(x, p, 4))
}

/// "expects Iraq to attack Kuwait", "wants Iraq to": clause `c` of frame
/// word `w` is done by `w`'s object, which no one says will act ("promised
/// Iraq to send aid" keeps the subject).
fn object_acts(v: &View, w: usize, c: usize) -> bool {
    // (an object before a purpose clause is the subject's: "planned the
    // operation to attack"; unless it is one who acts, misparsed)
    let acts = |o: usize| match v.rel(c) {
        "xcomp" => true,
        _ => names_actor(v, o) || v.words[o].upos == "PRON",
    };
    v.head(c) == Some(w)
        && matches!(v.rel(c), "xcomp" | "advcl")
        && !v.is(
            w,
            &["promise", "pledge", "vow", "swear", "offer", "threaten"],
        )
        && v.child(w, "obj").is_some_and(|o| o < c && acts(o))
}

/// The clause trigger `t` stands in: an event noun that is a verb's object
/// is asked for, believed or claimed when that verb is; else `t` itself.
fn clause_of(v: &View, t: usize) -> usize {
    match v.head(t) {
        Some(h) if v.words[t].upos == "NOUN" && v.rel(t) == "obj" => h,
        _ => t,
    }
}

/// "Poland fears (that) Russia will attack Lithuania": a clause that is
/// the content of a belief is an opinion, not an event, whoever its subject.
/// Returns the belief word.
fn under_belief(v: &View, p: &Patterns, t: usize) -> Option<usize> {
    // "claimed that Iran carried out attacks"
    let mut x = clause_of(v, t);
    for _ in 0..4 {
        // "alleged that ... and that X carried out": a conjunct shares its
        // first clause's place
        if v.rel(x) == "conj" {
            x = v.head(x)?;
        }
        // "accused the PKK of using Iraqi territory to plan attacks": a
        // gerund or a purpose below what is alleged is alleged too
        // (and so is its toll: "accused Kyiv of shelling a village,
        // killing a civilian")
        let marked = v.rel(x) == "advcl"
            && match v.child(x, "mark") {
                Some(k) => v.is(k, &["of", "to"]),
                None => v.words[x].xpos == "VBG" && v.is_in(x, W::Toll),
            };
        if !matches!(v.rel(x), "ccomp" | "acl" | "acl:relcl" | "xcomp") && !marked {
            return None;
        }
        let h = v.head(x)?;
        if p.frame(v.lemma(h)) == Some(Frame::Belief) {
            return Some(h);
        }
        // "alleged Russian troops shelled Mariupol": a clause parsed as a
        // participle on the belief's object is what is believed
        if v.rel(x) == "acl" && v.rel(h) == "obj" {
            let b = v.head(h)?;
            if p.frame(v.lemma(b)) == Some(Frame::Belief) {
                return Some(b);
            }
        }
        x = h;
    }
    None
}

/// The appeal or demand a clause with a subject of its own is the content
/// of ("demanded that the US cancel plans to sell weapons": neither the
/// cancelling nor the sale has happened), through clauses below it.
fn under_appeal(v: &View, p: &Patterns, t: usize) -> Option<usize> {
    if let Some(h) = demanded_act(v, t) {
        return Some(h);
    }
    // "pressured Ukraine to launch an investigation"
    let start = clause_of(v, t);
    let mut x = start;
    let mut own_subject = false;
    for _ in 0..3 {
        // "asked authorities to find and arrest a person": a conjunct
        // shares its first verb's place
        if v.rel(x) == "conj" {
            x = v.head(x)?;
        }
        if !matches!(v.rel(x), "ccomp" | "xcomp" | "advcl" | "acl") {
            return None;
        }
        own_subject |= v.child(x, "nsubj").is_some();
        let h = v.head(x)?;
        if v.rel(x) == "ccomp" && p.frame(v.lemma(h)) == Some(Frame::Appeal) {
            return own_subject.then_some(h);
        }
        // "asked Carrie Lam to resign", "urged Israel to halt": what one is
        // asked to do is not done (an infinitive the parser made an advcl)
        let infinitive = v.rel(x) == "advcl"
            && v.children[x]
                .iter()
                .any(|&c| v.rel(c) == "mark" && v.lemma(c) == "to");
        if (v.rel(x) == "xcomp" || infinitive)
            && v.words[h].upos == "VERB"
            && p.frame(v.lemma(h)) == Some(Frame::Appeal)
        {
            return Some(h);
        }
        // "rejected a UN appeal for deploying troops", "rejected a U.S.
        // proposal to send troops": what an appeal or a proposal asks for
        if x == t
            && v.rel(x) == "acl"
            && v.words[h].upos == "NOUN"
            && (p.frame(v.lemma(h)) == Some(Frame::Appeal)
                || v.is(
                    h,
                    &[
                        "appeal",
                        "plea",
                        "proposal",
                        "proposition",
                        "suggestion",
                        "idea",
                    ],
                ))
        {
            return Some(h);
        }
        // "demanding a UN presence to protect them": the purpose of what
        // is demanded
        if v.rel(x) == "acl" && v.rel(h) == "obj" {
            let a = v.head(h)?;
            if p.frame(v.lemma(a)) == Some(Frame::Appeal) && x == start {
                return Some(a);
            }
        }
        x = h;
    }
    None
}

/// The demand whose object the event noun `t` is: "demanded the lifting of
/// the curfew", "demanded an Israeli withdrawal from Gaza" have lifted and
/// withdrawn nothing (only "demand" and "request": "pressed its offensive"
/// is an offensive).
fn demanded_act(v: &View, t: usize) -> Option<usize> {
    let h = v.head(t)?;
    (v.words[t].upos == "NOUN" && v.rel(t) == "obj" && v.is(h, &["demand", "request"])).then_some(h)
}

/// Whether `t` is the complement of `w`, or a complement's complement
/// (xcomp, ccomp or advcl at each step, at most three).
fn complement_of(v: &View, t: usize, w: usize) -> bool {
    let mut x = t;
    for _ in 0..3 {
        if !matches!(v.rel(x), "xcomp" | "ccomp" | "advcl") {
            return false;
        }
        match v.head(x) {
            Some(h) if h == w => return true,
            Some(h) => x = h,
            None => return false,
        }
    }
    false
}

/// Codes whose target, when none is named, is where the act happens:
/// protest, military posture, coercion, assault, fighting, mass violence,
/// easing curfews, demanding elections, letting aid in.
pub fn implied_target(code: &str) -> bool {
    matches!(code.get(..2), Some("14" | "15" | "17" | "18" | "19" | "20"))
        // easing a curfew, a state of emergency or martial law: where it held
        || matches!(code, "0813" | "0814")
        // a demand for elections: of the state where it is made
        || code == "1044"
        // letting aid in: where it goes
        || code == "0863"
}

/// The object of a passive verb is its subject: a place named there is aimed
/// at as after the active verb ("Crimea was annexed by Russia", "the city of
/// Kharkiv was shelled"), which reaches it below the verb.
fn passive_object_place(
    v: &View,
    object: Option<usize>,
    not_into: &[&str],
    source: &[usize],
) -> Vec<usize> {
    match object {
        Some(o) if v.rel(o) == "nsubj:pass" => nearest_party(v, o, not_into, true, source),
        _ => Vec::new(),
    }
}

/// The nearest actor at or under `from` (breadth first, three levels, not
/// through relations in `not_into`) that is not one of `source`: "shelled
/// the southern capital Juba", "agreed to set up a centre in Tokyo".
fn nearest_party(
    v: &View,
    from: usize,
    not_into: &[&str],
    places: bool,
    source: &[usize],
) -> Vec<usize> {
    let mut out = Vec::new();
    let mut queue = std::collections::VecDeque::from([(from, 0u8)]);
    while let Some((n, d)) = queue.pop_front() {
        // the start word counts only as a mention itself (a verb's own
        // object is reached one level down)
        if (n != from || v.party_at[n].is_some()) && !agent_phrase(v, n) {
            parties_at(v, n, places, &mut out);
            drop_actors(v, &mut out, source);
            if !out.is_empty() {
                return out;
            }
        }
        // a phrase of time is no target ("demanded elections after a court
        // cleared him")
        const TIME: NotWhom = NotWhom {
            time: true,
            place: false,
            force: false,
        };
        // nor is the means ("carried out the attack using ten drones")
        // (or the help: "shot down by Israel with help from the United
        // States")
        let means = |c: usize| {
            (matches!(v.rel(c), "acl" | "advcl") && matches!(v.lemma(c), "use" | "employ"))
                || (v.rel(c) == "obl" && v.is(c, &["help", "support", "assistance", "backing"]))
        };
        if d < 3 {
            queue.extend(
                v.children[n]
                    .iter()
                    .filter(|&&c| {
                        !not_into.contains(&v.rel(c)) && !is_place_phrase(v, c, TIME) && !means(c)
                    })
                    .map(|&c| (c, d + 1)),
            );
        }
    }
    out
}

/// A verb's `by` phrase names who acted, never whom force was aimed at
/// ("rockets fired by Hezbollah", parsed active, hit no Hezbollah); what is
/// under it still may be.
fn agent_phrase(v: &View, n: usize) -> bool {
    v.rel(n) == "obl" && v.has_case_word(n, "by")
}

/// Removes from `parties` the actors of `source` (no actor acts on itself).
fn drop_actors(v: &View, parties: &mut Vec<usize>, source: &[usize]) {
    parties.retain(|&x| {
        !source
            .iter()
            .any(|&s| v.parties[s].actor == v.parties[x].actor)
    });
}

/// An event coded from a word's frame, not a pattern: evidence is the
/// word, its frame word, the clause it governs and the targets' heads.
#[allow(clippy::too_many_arguments)]
fn word_event(
    v: &View,
    w: usize,
    code: &str,
    source: Vec<usize>,
    target: Vec<usize>,
    modality: Modality,
    frame_word: usize,
    clause: usize,
) -> Coded {
    let mut evidence = vec![w, frame_word, clause];
    evidence.extend(target.iter().map(|&k| v.parties[k].head));
    evidence.sort_unstable();
    evidence.dedup();
    Coded {
        trigger: w,
        pattern: None,
        code: code.to_string(),
        source,
        target,
        negated: negated(v, w),
        modality,
        frame_word: Some(frame_word),
        evidence,
        reciprocal: false,
        words: Vec::new(),
        unnamed_source: None,
        answers: false,
    }
}

/// Children and grandchildren of `t` (pattern words may sit one level down:
/// "express support for", "impose sanctions on"), and the case markers of
/// nominals one level further ("welcomed memos from Bree": "from").
fn near<'v>(v: &'v View, t: usize) -> impl Iterator<Item = usize> + 'v {
    // a quantity or part is see-through: "suspended part of a military aid
    // program", "sent tons of food aid"
    // (nor a vehicle: "was launched via a Falcon 9 rocket", "aboard a ship")
    let kids = move || {
        v.children[t]
            .iter()
            .copied()
            .filter(move |&c| {
                !(v.rel(c).starts_with("obl")
                    && v.children[c]
                        .iter()
                        .any(|&k| v.rel(k) == "case" && v.is_in(k, W::Via)))
            })
            .chain(v.children[t].iter().filter_map(move |&c| counted(v, c)))
    };
    // (not a phrase inside an oblique phrase: "launched a mission ... in a
    // capsule atop a rocket" launched no rocket)
    let grand = move || {
        kids().flat_map(move |c| {
            v.children[c]
                .iter()
                .copied()
                .filter(move |&g| !(v.rel(c).starts_with("obl") && v.rel(g) == "nmod"))
        })
    };
    kids().chain(grand()).chain(
        grand()
            .flat_map(move |g| v.children[g].iter().copied())
            .filter(move |&x| v.rel(x) == "case"),
    )
}

/// What a quantity or part counts: "tons of aid" → "aid".
fn counted(v: &View, c: usize) -> Option<usize> {
    if !v.is_in(c, W::Partitive) {
        return None;
    }
    v.children[c]
        .iter()
        .copied()
        .find(|&x| v.rel(x) == "nmod" && v.has_case_word(x, "of"))
}

/// Every word below `t`, nearest first.
fn descendants(v: &View, t: usize) -> Vec<usize> {
    // (each word once: the parser may leave a cycle)
    let mut seen = vec![false; v.words.len()];
    seen[t] = true;
    let mut out: Vec<usize> = Vec::new();
    let mut add = |out: &mut Vec<usize>, c: usize| {
        if !std::mem::replace(&mut seen[c], true) {
            out.push(c);
        }
    };
    for &c in &v.children[t] {
        add(&mut out, c);
    }
    let mut k = 0;
    while k < out.len() {
        let c = out[k];
        for &g in &v.children[c] {
            add(&mut out, g);
        }
        k += 1;
    }
    out
}

/// Words related to `t` for context words: its dependents and theirs, its
/// ancestors (three levels up) and their dependents.
fn around<'v>(v: &'v View, t: usize) -> impl Iterator<Item = usize> + 'v {
    let mut up = Vec::new();
    let mut h = v.head(t);
    while let Some(x) = h.filter(|_| up.len() < 3) {
        up.push(x);
        h = v.head(x);
    }
    let kids: Vec<usize> = up
        .iter()
        .flat_map(|&a| v.children[a].iter().copied())
        .collect();
    near(v, t).chain(up).chain(kids)
}

/// Finds a slot's nominal. `Some(None)`: an optional slot left empty;
/// `None`: a required slot (one with a preposition) is missing, so the
/// pattern does not match.
fn slot(v: &View, s: &Slot, t: usize, used: &[usize], nw: NotWhom) -> Option<Option<usize>> {
    let passive = v.passive(t);
    match s {
        Slot::Object => Some(if passive {
            v.child_with(t, |r| r == "nsubj:pass")
                .or_else(|| v.reduced_passive(t))
                .or_else(|| v.shared_patient(t))
        } else {
            let obj = v.child(t, "iobj").or_else(|| v.child(t, "obj"));
            // "a move India condemned as absurd": a relative clause with no
            // pronoun has its noun as the object it lacks
            let gap = obj
                .is_none()
                .then(|| v.head(t))
                .flatten()
                .filter(|_| v.rel(t) == "acl:relcl")
                .filter(|_| {
                    v.child(t, "nsubj")
                        .is_some_and(|s| !v.is(s, &["who", "which", "that"]))
                });
            obj.or(gap)
                .map(|o| what_called(v, o).unwrap_or(o))
                .map(|o| object_owner(v, t, o).unwrap_or(o))
                .filter(|&o| !placed_only(v, o, nw) && !timed(v, o, nw))
        }),
        Slot::Subject => Some(if v.swaps(t) {
            agent(v, t)
        } else {
            // (a passive subject, when the voice does not swap)
            v.child_with(t, |r| r == "nsubj" || r == "nsubj:pass")
        }),
        Slot::Any => {
            // "welcomed their resumption of ties with X": the actor of a
            // phrase is not its possessive pronoun (most often the source's
            // own) but another it names, if any
            let unpossessed = |n: usize| -> Option<usize> {
                let poss_pronoun = v.party_at[n].is_none()
                    && v.children[n].iter().any(|&c| {
                        v.rel(c) == "nmod:poss"
                            && v.words[c].upos == "PRON"
                            && v.party_at[c].is_some()
                    });
                if !poss_pronoun {
                    return Some(n);
                }
                v.children[n].iter().copied().find(|&c| {
                    matches!(v.rel(c), "appos" | "flat" | "compound" | "amod" | "nmod")
                        && v.party_at[c].is_some()
                })
            };
            let names = |n: usize| names_actor(v, n);
            if v.swaps(t) {
                return Some(
                    v.child_with(t, |r| r == "nsubj:pass")
                        .or_else(|| v.reduced_passive(t))
                        .or_else(|| v.shared_patient(t)),
                );
            }
            let obj = v.child(t, "iobj").or_else(|| v.child(t, "obj"));
            // a pattern word may host the target: "ties with Gondor"; not
            // a phrase of place or time (see NotWhom)
            let place = move |c: usize| is_place_phrase(v, c, nw);
            let obliques = move |h: usize| {
                v.children[h].iter().copied().filter(move |&c| {
                    let r = v.rel(c);
                    (r == "obl" || r == "nmod" || r == "obl:arg") && !place(c)
                })
            };
            // an object that names an actor only by where it is
            // ("hosted a tournament in Argentina") names none
            let obj = obj.filter(|&o| !placed_only(v, o, nw) && !timed(v, o, nw));
            let clause_subjects = v.children[t]
                .iter()
                .copied()
                .filter(|&c| matches!(v.rel(c), "ccomp" | "xcomp"))
                .filter_map(|c| v.child(c, "nsubj").or_else(|| v.child(c, "nsubj:pass")));
            // a participle on the object is in the verb phrase too: "welcomed
            // memos sent by Bree"
            let participles = obj.into_iter().flat_map(|o| {
                v.children[o]
                    .iter()
                    .copied()
                    .filter(|&c| v.rel(c) == "acl" && v.words[c].upos == "VERB")
            });
            let participle_phrases = participles.flat_map(|c| {
                v.children[c]
                    .iter()
                    .copied()
                    .filter(|&x| matches!(v.rel(x), "obl" | "obl:agent"))
            });
            let found = obj
                .into_iter()
                .chain(obliques(t))
                .chain(obj.into_iter().flat_map(obliques))
                .chain(participle_phrases)
                .chain(clause_subjects)
                .filter_map(unpossessed)
                // PETRARCH's verb phrase follows the verb ("X ..., an
                // official said": X is no target of the saying), and a
                // pronoun names no actor there
                .find(|&n| names(n) && (!v.petrarch || (n > t && v.words[n].upos != "PRON")));
            // and it takes the first actor in it, however deep ("vowed to
            // wage war on the Rohans")
            let found = found.or_else(|| {
                let first = descendants(v, t).into_iter().filter(|&d| {
                    d > t
                        && v.words[d].upos != "PRON"
                        && v.party_at[d].is_some_and(|k| !v.parties[k].place)
                });
                first.min().filter(|_| v.petrarch)
            });
            // nor is a possessive pronoun alone the target ("said ... its embassy")
            Some(found.or(obj.filter(|&o| unpossessed(o) == Some(o))))
        }
        Slot::Next(ws, skip) => {
            let w = used
                .iter()
                .copied()
                .filter(|&u| u != t && ws.matches(v.lemma(u), &v.lower[u]))
                .max()?;
            let actor = |d: usize| {
                v.words[d].upos != "PRON" && v.party_at[d].is_some_and(|k| !v.parties[k].place)
            };
            // the phrase skipped: the first nominal after the word, with
            // the mention on it ("at the Gondor")
            let mut from = w;
            if *skip {
                let x = (w + 1..v.words.len())
                    .find(|&x| matches!(v.words[x].upos, "NOUN" | "PROPN" | "PRON" | "NUM"))?;
                from = v.party_at[x].map_or(x, |k| v.parties[k].tokens.end.max(x + 1) - 1);
            }
            let phrase = descendants(v, t);
            Some(Some(
                phrase.into_iter().filter(|&d| d > from && actor(d)).min()?,
            ))
        }
        Slot::Prep(ws) => {
            // on the trigger first, then on the pattern's other words, then
            // one level down a nominal ("arrived Wednesday evening in Baghdad")
            // (a pattern word that modifies a noun lends it its phrases: "aid
            // program for Bosnia")
            let hosts = std::iter::once(t)
                .chain(used.iter().copied().filter(|&u| u != t))
                .chain(
                    used.iter()
                        .copied()
                        .filter(|&u| u != t && v.rel(u) == "compound")
                        .filter_map(|u| v.head(u))
                        .filter(|h| !used.contains(h)),
                )
                .chain(v.children[t].iter().copied().filter(|&c| {
                    // (not a trip's phrase: "speaking during a visit to Kyiv"
                    // speaks to no Kyiv)
                    matches!(v.rel(c), "obj" | "obl" | "obl:tmod" | "obl:npmod")
                        && !used.contains(&c)
                        && !is_trip(v, c)
                }))
                // "sent rescue teams and relief supplies to Myanmar": the
                // phrase the parser hung on the object's last conjunct
                .chain(
                    used.iter()
                        .copied()
                        .filter(|&u| u != t)
                        .chain(v.child(t, "obj"))
                        .flat_map(|u| v.children[u].iter().copied())
                        .filter(|&c| v.rel(c) == "conj" && v.words[c].upos == "NOUN"),
                );
            // the first phrase that names an actor, else the first phrase:
            // "strengthened its forces in Lebanon ... in the area"
            let mut first = None;
            for h in hosts {
                for &c in &v.children[h] {
                    let r = v.rel(c);
                    if (r.starts_with("obl")
                        || r.starts_with("nmod")
                        || r == "advcl"
                        || cased_object(v, c))
                        && r != "nmod:poss"
                        && v.has_case(c, ws)
                        // (not a day: "a strike on Monday")
                        && !(v.has_case_word(c, "on") && timed(v, c, nw))
                    {
                        let mut k = Vec::new();
                        parties_at(v, c, true, &mut k);
                        if !k.is_empty() {
                            return Some(Some(c));
                        }
                        first = first.or(Some(c));
                    }
                }
            }
            // "flew to Beijing for talks with Wang Yi": the phrase right
            // after an event noun, hung by the parser on the noun's verb
            if first.is_none() && v.words[t].upos == "NOUN" && v.rel(t) == "obl" {
                if let Some(g) = v.head(t) {
                    // (an actor's own phrase: not "campaign for a strict
                    // Islamic state in northeastern Nigeria")
                    let next = v.children[g].iter().copied().find(|&c| {
                        c > t
                            && v.party_at[c].is_some()
                            && matches!(v.rel(c), "obl" | "nmod")
                            && v.has_case(c, ws)
                            && v.children[c]
                                .iter()
                                .copied()
                                .filter(|&k| v.rel(k) == "case")
                                .min()
                                .is_some_and(|start| (t + 1..start).all(|k| v.within(k, t, 4)))
                    });
                    if let Some(c) = next {
                        return Some(Some(c));
                    }
                }
            }
            if first.is_some() {
                return Some(first);
            }
            // "called for Rossello's resignation": a possessor is the "of"
            // phrase of a pattern's noun (not of the trigger: "his
            // imprisonment" may be his doing or done to him)
            if ws.matches("of", "of") {
                let owner = used
                    .iter()
                    .filter(|&&u| u != t && v.words[u].upos == "NOUN")
                    .flat_map(|&u| v.children[u].iter().copied())
                    .find(|&c| v.rel(c) == "nmod:poss" && v.party_at[c].is_some());
                if owner.is_some() {
                    return Some(owner);
                }
            }
            // "extended an invitation to X": the phrase of an event noun
            // that is a verb's object is often parsed as the verb's
            // (also through a quantity: "launched a wave of strikes against X")
            let obj = match v.head(t) {
                Some(q) if v.rel(t) == "nmod" && counted(v, q) == Some(t) => q,
                _ => t,
            };
            if matches!(v.words[t].upos, "NOUN") && v.rel(obj) == "obj" {
                if let Some(h) = v.head(obj).filter(|&h| v.words[h].upos == "VERB") {
                    let phrases = v.children[h]
                        .iter()
                        .copied()
                        // (not a day: "began a general strike on Monday")
                        .filter(|&c| c > t && v.rel(c) == "obl" && v.has_case(c, ws))
                        .filter(|&c| !(v.has_case_word(c, "on") && timed(v, c, nw)));
                    // one that names an actor, else (for force and protest,
                    // whose target may be named inside it) the first
                    let mut phrases = phrases.peekable();
                    let first = phrases.peek().copied();
                    if let Some(c) = phrases.find(|&c| names_actor(v, c)) {
                        return Some(Some(c));
                    }
                    if let Some(c) = first.filter(|_| nw.force) {
                        return Some(Some(c));
                    }
                }
            }
            None
        }
    }
}

/// Which phrases of circumstance say where or when rather than to whom:
/// times always (in khaldun's patterns, which name the prepositions they
/// take; PETRARCH's leave them to the target), places for consultations
/// ("hosted a tournament in Argentina", "received treatment in New
/// Zealand"), while "inspected sites in Iran" is aimed at Iran.
#[derive(Clone, Copy)]
struct NotWhom {
    time: bool,
    place: bool,
    /// The pattern codes force or protest (its target may sit inside the
    /// phrase it asks for).
    force: bool,
}

impl NotWhom {
    fn of(pat: &Pattern, generic: bool) -> NotWhom {
        NotWhom {
            time: generic,
            place: generic && pat.code.starts_with("04") && pat.code.as_ref() != "042",
            force: generic && implied_target(&pat.code),
        }
    }
}

/// Whether nominal `n` names an actor (itself, a modifier or a conjunct).
fn names_actor(v: &View, n: usize) -> bool {
    let mut out = Vec::new();
    parties_of(v, n, &mut out);
    !out.is_empty()
}

/// "in Argentina", "after Trump": a phrase of place or time that `nw` says
/// is no target.
fn is_place_phrase(v: &View, c: usize, nw: NotWhom) -> bool {
    const PLACE: &[&str] = &["in", "at", "inside", "near", "within", "throughout"];
    const TIME: &[&str] = &["after", "before", "since", "until", "during"];
    // "marched on Friday": a day is no target whatever its preposition
    if nw.time && v.is_in(c, W::Days) && v.party_at[c].is_none() {
        return true;
    }
    v.children[c].iter().any(|&k| {
        v.rel(k) == "case" && ((nw.place && v.is(k, PLACE)) || (nw.time && v.is(k, TIME)))
    })
}

/// "visited Kenosha two days after Trump" parsed with Trump the object: an
/// "object" with a preposition of time is a phrase of time.
fn timed(v: &View, o: usize, nw: NotWhom) -> bool {
    is_place_phrase(v, o, NotWhom { place: false, ..nw })
}

/// "hosted a tournament in Argentina": a nominal that names an actor only
/// by where it is (a place is where, not whom).
fn placed_only(v: &View, o: usize, nw: NotWhom) -> bool {
    let names = |n: usize| names_actor(v, n);
    v.party_at[o].is_none()
        && v.children[o]
            .iter()
            .any(|&c| v.rel(c) == "nmod" && is_place_phrase(v, c, nw) && names(c))
        && !v.children[o].iter().any(|&c| {
            matches!(
                v.rel(c),
                "amod" | "compound" | "flat" | "appos" | "nmod:poss" | "conj"
            ) && names(c)
        })
        && !v.children[o]
            .iter()
            .any(|&c| v.rel(c) == "nmod" && !is_place_phrase(v, c, nw) && names(c))
}

/// "struck what New Delhi called a militant training camp inside
/// Pakistan": a free relative object stands for what it is called.
fn what_called(v: &View, o: usize) -> Option<usize> {
    if !v.is(o, &["what"]) {
        return None;
    }
    let c = v.children[o].iter().copied().find(|&c| {
        v.rel(c) == "acl:relcl" && v.is(c, &["call", "describe", "term", "dub", "label", "brand"])
    })?;
    v.child(c, "obj").or_else(|| v.child(c, "xcomp"))
}

/// "rejected an offer from X", "welcomed calls by X": an object that names
/// no actor stands for the `from` / `by` phrase right after it, which the
/// parser often hangs on the verb.
fn object_owner(v: &View, t: usize, o: usize) -> Option<usize> {
    let mut k = Vec::new();
    parties_of(v, o, &mut k);
    if !k.is_empty() || !matches!(v.words[o].upos, "NOUN") {
        return None;
    }
    let c = v.children[t]
        .iter()
        .copied()
        .find(|&c| c > o && matches!(v.rel(c), "obl" | "obl:agent"))?;
    let case = v.children[c]
        .iter()
        .copied()
        .find(|&k| v.rel(k) == "case" && v.is(k, &["from", "by"]))?;
    // nothing but the object's own words between it and the phrase
    if !(o + 1..case).all(|x| v.within(x, o, 6)) {
        return None;
    }
    names_actor(v, c).then_some(c)
}

/// The noun a relative pronoun subject `s` of clause `t` stands for where
/// the parser hung the clause elsewhere ("Xi Jinping, who hosted Putin,
/// will travel": `hosted` a parataxis of `travel`; "Germany, which has
/// delivered": the clause under the comma): the word right before the comma
/// that opens the clause. Not for a clause of speech ("spoke to the Navy,
/// who told it this was unconfirmed"): that attributes what follows, and
/// its object pronoun is most often the reporter.
fn comma_antecedent(v: &View, p: &Patterns, s: usize, t: usize) -> Option<usize> {
    let head_is_word = v.rel(t) == "acl:relcl"
        && v.head(t)
            .is_some_and(|h| v.words[h].upos != "PUNCT" && h < s);
    if head_is_word || !v.is(s, &["who", "which"]) || p.frame(v.lemma(t)) == Some(Frame::Report) {
        return None;
    }
    let comma = s.checked_sub(1).filter(|&c| v.lower[c] == ",")?;
    let x = comma.checked_sub(1)?;
    matches!(v.words[x].upos, "PROPN" | "NOUN").then_some(x)
}

/// An object with a preposition of its own is an oblique the parser
/// mislabelled ("apologised to South Korea for the suffering": `Korea` the
/// object of `apologised`, with `to` a case marker under `South`).
fn cased_object(v: &View, c: usize) -> bool {
    let case = |n: usize| {
        v.children[n]
            .iter()
            .any(|&k| k < c && v.rel(k) == "case" && v.words[k].upos == "ADP")
    };
    v.rel(c) == "obj" && (case(c) || v.children[c].iter().any(|&m| m < c && case(m)))
}

/// The `by` phrase of a passive verb.
fn agent(v: &View, t: usize) -> Option<usize> {
    v.child(t, "obl:agent").or_else(|| {
        v.children[t]
            .iter()
            .copied()
            .find(|&c| v.rel(c) == "obl" && v.children[c].iter().any(|&k| v.lemma(k) == "by"))
            // "opposed earlier by X": misparsed onto an adverb of the verb
            .or_else(|| {
                let adverbs = v.children[t].iter().filter(|&&c| v.rel(c) == "advmod");
                adverbs
                    .flat_map(|&c| v.children[c].iter().copied())
                    .find(|&c| {
                        v.rel(c) == "nmod" && v.children[c].iter().any(|&k| v.lemma(k) == "by")
                    })
            })
            // "Haiti was given aid by Canada", "accused of crimes by Iran":
            // misparsed onto the object or phrase before it
            .or_else(|| {
                let objects = v.children[t]
                    .iter()
                    .copied()
                    .filter(|&o| matches!(v.rel(o), "obj" | "obl"));
                objects
                    .flat_map(|o| v.children[o].iter().copied())
                    .find(|&c| {
                        v.rel(c) == "nmod" && v.children[c].iter().any(|&k| v.lemma(k) == "by")
                    })
            })
    })
}

/// The parties a nominal stands for: the mention on it, else one of its
/// modifiers ("the government of Iraq", "her Iraqi counterpart, X"), plus
/// coordinated nominals ("France and Germany").
fn parties_of(v: &View, n: usize, out: &mut Vec<usize>) {
    parties_at(v, n, false, out)
}

fn parties_at(v: &View, n: usize, places: bool, out: &mut Vec<usize>) {
    let ok = |k: &usize| places || !v.parties[*k].place;
    if let Some(a) = relative_actor(v, n) {
        return parties_at(v, a, places, out);
    }
    if let Some(k) = v.party_at[n].filter(ok) {
        out.push(k);
    } else if v.words[n].upos == "VERB" && v.party_at[n].is_none() {
        // "from neighboring Lebanon" misparsed as a clause: its object
        if let Some(o) = v.child(n, "obj") {
            parties_at(v, o, places, out);
        }
    } else if let Some(found) = v
        .is_in(n, W::Crowd)
        .then(|| {
            // "Hundreds of UN troops": the people the quantity counts
            v.children[n]
                .iter()
                .filter(|&&c| v.rel(c) == "nmod")
                .map(|&c| {
                    let mut k = Vec::new();
                    parties_at(v, c, places, &mut k);
                    k
                })
                .find(|k| !k.is_empty())
        })
        .flatten()
    {
        out.extend(found);
    } else {
        // (not a phrase of time: "Kenosha two days after Trump")
        const TIME: NotWhom = NotWhom {
            time: true,
            place: false,
            force: false,
        };
        let by_rel = |rel: &str| {
            v.children[n]
                .iter()
                .copied()
                .filter(|&c| v.rel(c) == rel && !(rel == "nmod" && is_place_phrase(v, c, TIME)))
                .find(|&c| v.party_at[c].filter(ok).is_some())
        };
        let found = ["appos", "flat", "compound", "amod", "nmod:poss"]
            .into_iter()
            .find_map(by_rel)
            .or_else(|| owner_in_compound(v, n, &ok))
            .or_else(|| by_rel("nmod"));
        if let Some(c) = found {
            // with its conjuncts: "talks with France and Germany"
            parties_at(v, c, places, out);
        }
    }
    if out.is_empty() {
        // a group named only by its patron: "factions supporting Iran",
        // "militias loyal to Tehran", "groups backed by Russia"
        for &c in &v.children[n] {
            let affiliation = (v.rel(c) == "acl"
                && v.is(
                    c,
                    &[
                        "support",
                        "back",
                        "sponsor",
                        "fund",
                        "arm",
                        "ally",
                        "align",
                        "link",
                        "affiliate",
                        // "a ship operated by Greenpeace" is Greenpeace's
                        "operate",
                        "own",
                        "charter",
                    ],
                ))
                || (v.rel(c) == "amod"
                    && v.is(c, &["loyal", "allied", "affiliated", "linked", "aligned"]));
            if !affiliation {
                continue;
            }
            if let Some(k) = v.children[c]
                .iter()
                .copied()
                .filter(|&g| matches!(v.rel(g), "obj" | "obl" | "obl:agent" | "nmod"))
                .find_map(|g| v.party_at[g].filter(ok))
            {
                out.push(k);
                break;
            }
        }
    }
    for &c in &v.children[n] {
        // a conjunct is another actor when it names one itself ("France and
        // the German government"), not through its owner ("from Lebanon
        // and their future relations")
        let names = v.party_at[c].filter(ok).is_some()
            || v.children[c].iter().any(|&g| {
                matches!(v.rel(g), "amod" | "compound" | "flat" | "appos")
                    && v.party_at[g].filter(ok).is_some()
            })
            || v.children[c]
                .iter()
                .any(|&g| v.rel(g) == "nmod" && v.party_at[g].filter(ok).is_some());
        if v.rel(c) == "conj" && !matches!(v.words[c].upos, "VERB" | "AUX") && names {
            parties_at(v, c, places, out);
        }
    }
    // "Secretary of State Marco Rubio and Russian Foreign Minister Sergei
    // Lavrov met": a conjunct hung on a word inside the actor's phrase
    // (a named person's: "the delegations of Cyprus, Greece and Israel"
    // stands for all three already)
    if let Some(k) = v.party_at[n]
        .filter(ok)
        .filter(|&k| v.parties[k].person && !v.parties[k].several)
    {
        let span = v.parties[k].tokens.clone();
        for i in span.clone().filter(|&i| i != n) {
            for &c in &v.children[i] {
                if v.rel(c) == "conj" && !span.contains(&c) && v.party_at[c].filter(ok).is_some() {
                    parties_at(v, c, places, out);
                }
            }
        }
    }
    // "Russia and China said they will": a plural pronoun resolved to the
    // first of a compound stands for all of it
    if let Some(k) = v.party_at[n].filter(|_| v.is(n, &["they", "we"])) {
        let actor = v.parties[k].actor;
        let antecedent = (0..n).find(|&i| {
            v.party_at[i].is_some_and(|j| v.parties[j].actor == actor && v.parties[j].head == i)
        });
        if let Some(a) = antecedent {
            parties_at(v, a, places, out);
            out.retain(|&x| x == k || v.parties[x].actor != actor);
        }
    }
    out.dedup();
}

/// The subject of the clause headed by `t`, walking up through
/// non-finite clauses and coordination; notes frame words on the way.
fn subject(
    v: &View,
    p: &Patterns,
    t: usize,
    frames: &mut Vec<(Frame, usize)>,
    depth: u8,
) -> Vec<usize> {
    let mut out = Vec::new();
    // "soldiers died in a bombing": who dies did nothing
    if depth > 8 || time_noun_as_verb(v, t) || v.is_in(t, W::Dying) {
        return out;
    }
    if matches!(v.words[t].upos, "NOUN" | "PROPN") && v.child(t, "nsubj").is_none() {
        return owner(v, p, t, frames, depth + 1);
    }
    if v.swaps(t) {
        if let Some(a) = agent(v, t) {
            // "victims killed by the crash in Ukraine": the agent of a
            // participle must name an actor itself, not by its place
            let direct = v.party_at[a].is_some()
                || v.children[a].iter().any(|&c| {
                    matches!(
                        v.rel(c),
                        "amod" | "compound" | "flat" | "nmod:poss" | "appos" | "conj"
                    ) && v.party_at[c].is_some()
                });
            // "victims killed by the Malaysia Airlines crash": an accident
            // or a disaster is nobody's act, whoever it names
            if (v.reduced_passive(t).is_none() || direct) && !v.is_in(a, W::Mishaps) {
                parties_of(v, a, &mut out);
            }
            // "blown up by a missile believed to be fired by pro-Russia
            // rebels": whoever fired the weapon
            if out.is_empty() && (v.is_in(a, W::ForceCues) || p.in_set("weapon", v.lemma(a))) {
                let fired = (a + 1..v.words.len()).find(|&k| {
                    v.within(k, a, 4)
                        && v.rel(k) == "obl:agent"
                        && v.head(k).is_some_and(|h| {
                            v.is(h, &["fire", "launch", "shoot", "drop", "plant", "lob"])
                        })
                });
                if let Some(f) = fired {
                    parties_of(v, f, &mut out);
                }
            }
            return out;
        }
        // "soldiers were killed in a clash with Chinese troops": who the
        // victims fought did it
        if v.is_in(t, W::ForceVerbs) || v.is(t, &["kill", "wound", "injure"]) {
            let fight = v.children[t].iter().copied().find(|&c| {
                v.rel(c) == "obl"
                    && v.has_case_word(c, "in")
                    && v.is(
                        c,
                        &[
                            "clash",
                            "fighting",
                            "battle",
                            "skirmish",
                            "firefight",
                            "gunfight",
                            "gunbattle",
                        ],
                    )
            });
            // (the "with" phrase on the noun, or hung on the verb after it)
            let with = fight.and_then(|f| {
                v.children[f]
                    .iter()
                    .chain(v.children[t].iter().filter(|&&c| c > f))
                    .copied()
                    .find(|&c| matches!(v.rel(c), "nmod" | "obl") && v.has_case_word(c, "with"))
            });
            if let Some(w) = with {
                parties_of(v, w, &mut out);
                if !out.is_empty() {
                    return out;
                }
            }
        }
        // "after a halfling was reported": a passive clause with a subject
        // of its own and no agent has no known source
        if v.child(t, "nsubj:pass").is_some() && v.rel(t) != "xcomp" {
            return out;
        }
        // "X founded the party but was arrested": the subject a passive
        // conjunct shares is what is done to, not who does it
        if v.shared_patient(t).is_some() {
            return out;
        }
    } else if let Some(s) = v.child_with(t, |r| r == "nsubj" || r == "nsubj:pass") {
        // a relative pronoun stands for the noun the clause modifies
        if (v.is(s, &["who", "which", "that"]) && v.rel(t) == "acl:relcl")
            || comma_antecedent(v, p, s, t).is_some()
        {
            if let Some(h) = comma_antecedent(v, p, s, t).or_else(|| v.head(t)) {
                parties_of(v, h, &mut out);
                // ("X, who arrived on Friday, and Y agreed": the clause is X's only)
                if v.rel(t) == "acl:relcl" {
                    out.retain(|&k| v.parties[k].head < t || v.parties[k].tokens.contains(&h));
                }
            }
        } else {
            // "The US, Russia, and Switzerland met": a list the parser split
            // into several subjects is one compound subject
            for &c in &v.children[t] {
                if matches!(v.rel(c), "nsubj" | "nsubj:pass") {
                    parties_of(v, c, &mut out);
                }
            }
            // "Obama and Putin said they will": a "they" left unresolved
            // in what a compound subject says is that subject
            let said = v.head(t).filter(|_| v.rel(t) == "ccomp");
            if let Some(h) = said.filter(|_| out.is_empty() && v.is(s, &["they", "we"])) {
                let up = subject(v, p, h, &mut Vec::new(), depth + 1);
                if up.len() >= 2 {
                    out = up;
                }
            }
        }
        return out;
    }
    let Some(mut h) = v.head(t) else { return out };
    // "Pakistan, a key ally, has refused": a misparse hangs the verb on its
    // subject (list, parataxis)
    if matches!(v.rel(t), "list" | "parataxis" | "dep" | "appos")
        && h < t
        && matches!(v.words[h].upos, "PROPN" | "NOUN" | "PRON")
    {
        parties_of(v, h, &mut out);
        return out;
    }
    // "condemned an attack by X on Thursday and promised aid": a verb
    // conjoined to a noun is a misparse of coordinated verbs, sharing the
    // subject of the clause verb above
    if v.rel(t) == "conj" && v.words[t].upos == "VERB" && v.words[h].upos != "VERB" {
        let mut x = h;
        for _ in 0..6 {
            match v.head(x) {
                Some(up) if v.words[up].upos == "VERB" => {
                    return subject(v, p, up, frames, depth + 1)
                }
                Some(up) => x = up,
                None => break,
            }
        }
    }
    // "X declared a state of siege, suspending the constitution, a
    // spokeswoman said": a participle the parse hangs on the reporting verb
    // beside the reported clause is that clause's
    if v.rel(t) == "ccomp" && v.words[t].xpos == "VBG" {
        let beside = v.children[h]
            .iter()
            .copied()
            .rev()
            .find(|&c| c < t && v.rel(c) == "ccomp" && v.child(c, "nsubj").is_some());
        if let Some(c) = beside {
            return subject(v, p, c, frames, depth + 1);
        }
    }
    match v.rel(t) {
        "xcomp" | "advcl" | "ccomp" | "acl" | "conj" | "obl" | "nmod" => {}
        _ => return out,
    }
    // a clause hung on a word that heads no clause (a misparse: "accuse X,
    // especially, of endangering") belongs to the clause above that word;
    // an "of/for -ing" complement to the verb just before it that has an object
    let junk = |x: usize| {
        matches!(
            v.words[x].upos,
            "ADV" | "PUNCT" | "PART" | "ADP" | "CCONJ" | "SCONJ" | "DET"
        )
    };
    if junk(h)
        && v.children[t]
            .iter()
            .any(|&c| v.rel(c) == "mark" && v.is(c, &["of", "for"]))
    {
        if let Some(x) = (t.saturating_sub(8)..t)
            .rev()
            .find(|&x| v.words[x].upos == "VERB" && v.child(x, "obj").is_some())
        {
            h = x;
        }
    }
    for _ in 0..4 {
        if !junk(h) {
            break;
        }
        match v.head(h) {
            Some(up) => h = up,
            None => return out,
        }
    }
    // "by launching raids": a means clause belongs to the event verb above;
    // a parse that hangs it on a participle modifying a noun ("forces
    // fighting ISIS by launching") is lifted to the nearest clause verb; so
    // is a purpose "in order to" hung on a noun ("pressured Ukraine to
    // investigate Biden's son, in order to help")
    let in_order = v.children[t].iter().any(|&c| {
        v.rel(c) == "mark" && v.is(c, &["in"]) && v.children[c].iter().any(|&k| v.is(k, &["order"]))
    });
    if (v.rel(t) == "advcl" || (in_order && matches!(v.rel(t), "acl" | "advcl")))
        && (in_order
            || v.children[t]
                .iter()
                .any(|&c| v.rel(c) == "mark" && v.is(c, &["by"])))
    {
        let mut x = h;
        for _ in 0..6 {
            let clause_verb = v.words[x].upos == "VERB" && !v.rel(x).starts_with("acl");
            if clause_verb {
                break;
            }
            match v.head(x) {
                Some(up) => x = up,
                None => break,
            }
        }
        if v.words[x].upos == "VERB" && x != h {
            return subject(v, p, x, frames, depth + 1);
        }
        h = x;
    }
    // ("Iran denied sending drones and summoned the ambassadors": a verb
    // coordinated with a frame word shares its subject, not its frame; nor
    // does a participle set beside it frame it: "Speaking during a visit
    // to Kyiv, the chancellor promised")
    // (one that reports, "warning that ...", keeps it)
    let beside = v.rel(t) == "advcl"
        && v.words[t].xpos == "VBG"
        && !v.children[t]
            .iter()
            .any(|&c| matches!(v.rel(c), "mark" | "ccomp" | "xcomp" | "obj"));
    if let Some(f) = p
        .frame(v.lemma(h))
        .filter(|_| v.rel(t) != "conj" && !beside)
    {
        frames.push((f, h));
    } else if let Some(o) = v.child(h, "obj").filter(|&o| o != t && v.rel(t) != "conj") {
        // "expressed readiness to resume": the intent is the object's
        if let Some(f) = p
            .frame(v.lemma(o))
            .filter(|_| matches!(v.words[o].upos, "NOUN"))
        {
            frames.push((f, o));
        }
    }
    // "named the crisis of wildfires destroying the rainforest", "saw
    // soldiers shooting": a participle after the object is the object's
    // doing ("spent the day visiting troops" is the subject's)
    if v.rel(t) == "xcomp" && v.words[t].xpos == "VBG" && !v.is_in(h, W::ObjectControl) {
        let spent = |o: usize| {
            v.is(
                o,
                &[
                    "day",
                    "days",
                    "week",
                    "weeks",
                    "time",
                    "hours",
                    "night",
                    "morning",
                    "evening",
                    "afternoon",
                    "years",
                    "months",
                ],
            )
        };
        if let Some(o) = v.child(h, "obj").filter(|&o| o < t && !spent(o)) {
            parties_of(v, o, &mut out);
            return out;
        }
    }
    match v.rel(t) {
        "acl" if matches!(v.words[h].upos, "NOUN" | "PROPN" | "PRON") => {
            // "forces fighting ISIS": the noun acts; "readiness to resume": its owner
            if v.party_at[h].is_some() {
                parties_of(v, h, &mut out);
                return out;
            }
            // "Thousands of Kurds protested": a misparse hangs the verb on
            // its quantity subject
            if v.is_in(h, W::Crowd) {
                parties_of(v, h, &mut out);
                if !out.is_empty() {
                    return out;
                }
            }
            return owner(v, p, h, frames, depth + 1);
        }
        // (an adverbial clause only with its marker, "of spying", "to stop":
        // "blaming Iran for the attack, committing to send troops" is the
        // subject's)
        "xcomp" | "advcl" | "acl"
            if v.is_in(h, W::ObjectControl)
                && !v.children[t]
                    .iter()
                    .any(|&c| v.is(c, &["by", "while", "after", "before"]))
                && (v.rel(t) != "advcl"
                    || v.children[t].iter().any(|&c| {
                        v.rel(c) == "mark" && v.is(c, &["to", "of", "for", "from", "into"])
                    })) =>
        {
            if let Some(o) = v.child(h, "obj").or_else(|| v.child(h, "iobj")) {
                parties_of(v, o, &mut out);
                if !out.is_empty() {
                    return out;
                }
            }
        }
        _ => {}
    }
    // "X was seen to break in", "X was asked to leave": the passive
    // subject of the verb above does the act; so does it an -ing clause's
    // ("Tehran would not be bullied into talks, rejecting an offer")
    let adjunct = v.rel(t) == "advcl"
        && v.words[t].xpos == "VBG"
        && !v.is_in(t, W::Toll)
        && !v.children[t]
            .iter()
            .any(|&c| matches!(v.rel(c), "mark" | "nsubj"));
    if (v.rel(t) == "xcomp" || adjunct) && v.passive(h) && agent(v, h).is_none() {
        if let Some(s) = v.child(h, "nsubj:pass") {
            parties_of(v, s, &mut out);
            if !out.is_empty() {
                return out;
            }
        }
    }
    subject(v, p, h, frames, depth + 1)
}

/// "after the museum shooting last week": a gerund the tagger took for a
/// verb after the noun of a phrase of time is that phrase's noun; no one in
/// the clause did it.
fn time_noun_as_verb(v: &View, t: usize) -> bool {
    const TIME: &[&str] = &["after", "before", "since", "until", "during", "following"];
    v.words[t].xpos == "VBG"
        && matches!(v.rel(t), "advcl" | "acl")
        && t > 0
        && v.words[t - 1].upos == "NOUN"
        && v.children[t - 1]
            .iter()
            .any(|&c| v.rel(c) == "case" && v.is(c, TIME))
        && !v.children[t]
            .iter()
            .any(|&c| matches!(v.rel(c), "nsubj" | "obj" | "mark" | "case"))
}

/// Who owns an event noun: a possessor, a country adjective, a `by`
/// phrase, or the subject of the verb whose object it is.
fn owner(
    v: &View,
    p: &Patterns,
    n: usize,
    frames: &mut Vec<(Frame, usize)>,
    depth: u8,
) -> Vec<usize> {
    let mut out = Vec::new();
    if depth > 8 {
        return out;
    }
    // "rebels were behind the bombing", "the government is responsible for
    // the killings": who is behind an act or responsible for it did it
    if let Some(pred) = claimed_by(v, n) {
        if let Some(s) = v.child(pred, "nsubj") {
            parties_of(v, s, &mut out);
        }
        return out;
    }
    // "X said that France is a partner": a predicate noun's subject is the
    // target and the one who says it the source
    if v.child(n, "cop").is_some()
        && v.child(n, "nsubj")
            .is_some_and(|s| !v.is(s, &["who", "which", "that"]))
    {
        let that_clause = matches!(v.rel(n), "ccomp" | "parataxis")
            || v.children[n]
                .iter()
                .any(|&c| v.rel(c) == "mark" && v.is(c, &["that"]));
        // the clause hangs from the reporting verb (or, misparsed, below it)
        let mut h = v.head(n);
        for _ in 0..3 {
            match h {
                Some(x) if v.words[x].upos != "VERB" => h = v.head(x),
                _ => break,
            }
        }
        return match h {
            Some(h) if that_clause && v.words[h].upos == "VERB" => {
                subject(v, p, h, frames, depth + 1)
            }
            _ => out,
        };
    }
    // ("Ukrainian and Russian delegations held their first talks": a
    // pronoun owning a light verb's object is that verb's subject, whole)
    // (unless that subject names no actor: "the paramilitary group pressed
    // its siege", where "its" does)
    let light_verb = v
        .head(n)
        .filter(|&h| v.rel(n) == "obj" && p.light(v.lemma(h)).is_some());
    let light_object = light_verb.is_some_and(|h| {
        !subject(v, p, h, &mut Vec::new(), depth + 1).is_empty()
            || v.child(n, "nmod:poss")
                .is_some_and(|k| v.party_at[k].is_none())
    });
    if let Some(k) = v
        .child(n, "nmod:poss")
        .filter(|&k| !(light_object && v.words[k].upos == "PRON"))
    {
        parties_of(v, k, &mut out);
        if !out.is_empty() {
            return out;
        }
    }
    // "Israeli-Palestinian talks": every country adjective is an owner
    for &c in &v.children[n] {
        if matches!(v.rel(c), "amod" | "compound") {
            if let Some(k) = v.party_at[c] {
                if !out
                    .iter()
                    .any(|&o: &usize| v.parties[o].actor == v.parties[k].actor)
                {
                    out.push(k);
                }
            }
        }
    }
    if !out.is_empty() {
        return out;
    }
    if let Some(b) = v.children[n].iter().copied().find(|&c| {
        v.rel(c).starts_with("nmod") && v.children[c].iter().any(|&k| v.lemma(k) == "by")
    }) {
        parties_of(v, b, &mut out);
        if !out.is_empty() {
            return out;
        }
    }
    // "the interventions, especially the air strikes": an elaboration
    // belongs to the nearest event noun before it that has an owner
    if v.children[n].iter().any(|&c| {
        v.rel(c) == "advmod"
            && v.is(
                c,
                &[
                    "especially",
                    "particularly",
                    "notably",
                    "mainly",
                    "including",
                ],
            )
    }) {
        for m in (0..n).rev() {
            let event_noun = matches!(v.words[m].upos, "NOUN")
                && !p.triggered_by(TriggerKind::Noun, v.lemma(m)).is_empty();
            if event_noun && v.party_at[m].is_none() {
                if let Some(k) = v.children[m].iter().copied().find_map(|c| {
                    matches!(v.rel(c), "amod" | "nmod:poss" | "compound")
                        .then(|| v.party_at[c])
                        .flatten()
                }) {
                    out.push(k);
                    return out;
                }
            }
        }
    }
    // "agreed to resume contacts after four hours of talks": talks told
    // as what the clause's act came after are its subject's (as held,
    // whatever frames that clause: the talks took place)
    if matches!(v.rel(n), "obl" | "nmod") && v.is_in(n, W::Meetings) {
        if let Some(g) = talks_before(v, n) {
            return subject(v, p, g, &mut Vec::new(), depth + 1);
        }
    }
    let Some(h) = v.head(n) else { return out };
    match v.rel(n) {
        // "Turkey launched air strikes": a light verb's subject owns its
        // object; "condemned the attack", "lifted the curfew" do not make
        // the attack or the curfew the subject's (a frame word's object is
        // the frame's: "expressed readiness")
        // ("said the attack included ...": a misparsed clause subject is
        // what was said, not the speaker's act)
        "obj" | "xcomp"
            if (p.light(v.lemma(h)).is_some() || p.frame(v.lemma(h)).is_some())
                && !v.is(h, &["say", "tell", "add"]) =>
        {
            if let Some(f) = p.frame(v.lemma(h)) {
                frames.push((f, h));
            }
            subject(v, p, h, frames, depth + 1)
        }
        // "Macron, on a state visit to China, urged": who is on the errand
        // ("asked Tanzanians for forgiveness, on a visit to Tanzania": an
        // errand hung on the object is the subject's)
        "appos" | "nmod" if on_errand(v, h, n) => {
            match v.head(h).filter(|&g| {
                matches!(v.rel(h), "obj" | "iobj" | "obl") && v.words[g].upos == "VERB"
            }) {
                Some(g) if is_trip(v, n) => subject(v, p, g, frames, depth + 1),
                _ => {
                    parties_of(v, h, &mut out);
                    out
                }
            }
        }
        // "speaking during a visit to Kyiv, the chancellor": who does the
        // verb is on the trip
        "obl" if is_trip(v, n) && (v.has_case_word(n, "on") || v.has_case_word(n, "during")) => {
            subject(v, p, h, frames, depth + 1)
        }
        // "the interventions, especially the strikes": the first noun's owner
        "conj" | "appos" if matches!(v.words[h].upos, "NOUN" | "PROPN") => {
            owner(v, p, h, frames, depth + 1)
        }
        // "launched a wave of air strikes": the quantity's owner
        "nmod" if counted(v, h) == Some(n) => owner(v, p, h, frames, depth + 1),
        // "negotiators return to Geneva for talks", "workers went on
        // strike": who travels for a meeting holds it, who goes on a strike
        // does it
        "obl" if goes_to_do(v, h, n) => subject(v, p, h, frames, depth + 1),
        _ => out,
    }
}

/// The verb of the clause a meeting noun `n` tells the time of ("after
/// talks in Geneva", "after four hours of talks", "following two days of
/// negotiations").
fn talks_before(v: &View, n: usize) -> Option<usize> {
    const WHEN: &[&str] = &["after", "following", "during", "amid"];
    // ("In a phone call with Erdogan, Putin said": a call the clause is
    // told in is its subject's; not "in a deal brokered by China", which
    // retells the clause's own act)
    let call = v.is(n, &["call", "conversation"])
        && (v.has_case_word(n, "in") || v.has_case_word(n, "on"));
    // (or through the length of the talks: "four hours of talks")
    let phrase = if v.has_case_word(n, "of") {
        v.head(n).filter(|&h| {
            v.rel(n) == "nmod"
                && v.is(
                    h,
                    &["hour", "day", "week", "month", "year", "round", "session"],
                )
        })?
    } else {
        n
    };
    if !call && !WHEN.iter().any(|w| v.has_case_word(phrase, w)) {
        return None;
    }
    let mut up = v.head(phrase);
    for _ in 0..4 {
        match up {
            Some(x) if v.words[x].upos == "VERB" => return Some(x),
            Some(x) => up = v.head(x),
            None => return None,
        }
    }
    None
}

/// Whether `g` is "each other" or "one another" (its first word, with the
/// second fixed to it, or the second with the first as its determiner).
fn each_other(v: &View, g: usize) -> bool {
    let with = |c: &[&str]| {
        v.children[g]
            .iter()
            .any(|&k| matches!(v.rel(k), "fixed" | "det") && v.is(k, c))
    };
    (v.is(g, &["each"]) && with(&["other"]))
        || (v.is(g, &["one"]) && with(&["another"]))
        || (v.is(g, &["other"]) && with(&["each"]))
}

/// Whether noun `n` is a trip one makes ("visit", "tour").
fn is_trip(v: &View, n: usize) -> bool {
    v.is(n, &["visit", "trip", "tour", "stopover", "journey"])
}

/// Whether the act noun `n` is an `on` phrase set off by commas beside the
/// actor `h` it tells of ("Macron, on a state visit to China, urged").
fn on_errand(v: &View, h: usize, n: usize) -> bool {
    let set_off = v.children[n]
        .iter()
        .any(|&c| c < n && v.rel(c) == "punct" && v.lower[c] == ",")
        || n.checked_sub(1).is_some_and(|c| v.lower[c] == ",")
        || v.children[h]
            .iter()
            .any(|&c| c > h && c < n && v.lower[c] == ",");
    h < n && set_off && v.has_case_word(n, "on") && names_actor(v, h)
}

/// Whether verb `h` takes its subject to the act noun `n` ("return to
/// Geneva for talks", "are on hunger strike").
fn goes_to_do(v: &View, h: usize, n: usize) -> bool {
    const FOR: &[&str] = &[
        "return", "go", "travel", "arrive", "come", "head", "gather", "fly", "meet",
    ];
    const ON: &[&str] = &["go", "be", "remain", "stay", "continue"];
    (v.has_case_word(n, "for") && v.is(h, FOR)) || (v.has_case_word(n, "on") && v.is(h, ON))
}

/// Whether the clause `t` under a verb of saying is said by an actor other
/// than the one who would act, nor of its country: "the US warned that
/// Russia could invade Ukraine", "Israel warned that Hezbollah would
/// attack" are predictions, not threats of Russia's or Hezbollah's ("Iran
/// said it would strike", "the Kremlin said Russia would retaliate" are
/// threats). A speaker no actor names tells nothing.
fn said_by_another(v: &View, p: &Patterns, t: usize, source: &[usize]) -> bool {
    let Some(h) = v.head(t) else { return false };
    let speaker = subject(v, p, h, &mut Vec::new(), 0);
    let same = |a: &Party, b: &Party| {
        a.actor == b.actor || (a.country.is_some() && a.country == b.country)
    };
    !speaker.is_empty()
        && !source.is_empty()
        && !speaker
            .iter()
            .any(|&a| source.iter().any(|&b| same(&v.parties[a], &v.parties[b])))
}

/// The light verb an event noun is the object of ("launch" in "would
/// launch attacks on Israel"), whose clause tells the noun's tense,
/// condition and speaker.
fn light_verb_of(v: &View, p: &Patterns, pat: &Pattern, t: usize) -> Option<usize> {
    if pat.kind != TriggerKind::Noun || v.rel(t) != "obj" {
        return None;
    }
    v.head(t)
        .filter(|&h| v.words[h].upos == "VERB" && p.light(v.lemma(h)).is_some())
}

/// An actor one level down a compound before the noun `n`: "US" in "the
/// US arms sale to Taiwan" (UD hangs "US" under "arms"), whose owner comes
/// before the `to` phrase.
fn owner_in_compound(v: &View, n: usize, ok: &dyn Fn(&usize) -> bool) -> Option<usize> {
    v.children[n]
        .iter()
        // (not people: "allowed Hong Kong citizens more freedom", misparsed
        // with "citizens" under "freedom", says nothing of whose freedom)
        .filter(|&&c| v.rel(c) == "compound" && v.party_at[c].is_none() && !v.is_in(c, W::Human))
        .flat_map(|&c| v.children[c].iter().copied())
        .find(|&g| {
            matches!(v.rel(g), "compound" | "amod" | "nmod:poss")
                && v.party_at[g].filter(ok).is_some()
        })
}

/// Whether the that-clause `c` of the verb of saying `t` tells what its
/// subject would do to someone named ("the US warned that Russia could
/// invade Ukraine"): a prediction about the subject, who is not the one
/// warned (unlike "warned that Ukraine would pay a heavy price").
fn foretold_act(v: &View, p: &Patterns, t: usize, c: usize) -> bool {
    p.frame(v.lemma(t)) == Some(Frame::Report)
        && v.children[c]
            .iter()
            .any(|&o| matches!(v.rel(o), "obj" | "obl") && v.party_at[o].is_some())
}

/// The actor a relative pronoun stands for ("the Briton, who was arrested
/// by Iranian authorities": the Briton), when no actor is at it.
fn relative_actor(v: &View, n: usize) -> Option<usize> {
    if v.party_at[n].is_some() || !v.is(n, &["who", "which", "that"]) {
        return None;
    }
    v.head(n)
        .filter(|&h| v.rel(h) == "acl:relcl")
        .and_then(|h| v.head(h))
        // (an actor itself, not a noun with actors below it: "jurisdictions
        // which are approved: Finland, Germany ...")
        .filter(|&a| v.party_at[a].is_some())
}

/// Acts only a state does, so that one told in the passive with no agent
/// ("protesters were arrested in Cairo", "a curfew was imposed in Srinagar")
/// is by the state where it happened: arrests and expulsions (173, 174),
/// curfews (1723) and states of emergency or martial law (1724).
fn only_by_the_state(code: &str) -> bool {
    matches!(code.get(..3), Some("173" | "174")) || matches!(code, "1723" | "1724")
}

/// The predicate whose subject did the act noun `n` names: `n` itself in
/// "rebels were behind the bombing", "responsible" in "the government is
/// responsible for the killings".
fn claimed_by(v: &View, n: usize) -> Option<usize> {
    if v.child(n, "cop").is_some() && v.has_case_word(n, "behind") {
        return Some(n);
    }
    let h = v.head(n)?;
    if v.rel(n) == "obl" && v.is(h, &["responsible"]) && v.has_case_word(n, "for") {
        return Some(h);
    }
    // "the Pakistani Taliban claimed responsibility for an attack": the
    // claimant did it
    let claim = v.head(h).filter(|&c| {
        v.rel(h) == "obj"
            && v.is(
                c,
                &["claim", "accept", "take", "admit", "assume", "acknowledge"],
            )
    })?;
    // (an act told here: "for the attacks" alone points back to acts told
    // before, whose target this sentence does not give)
    let told = v.children[n]
        .iter()
        .any(|&c| v.rel(c).starts_with("nmod") || v.rel(c).starts_with("acl"));
    (matches!(v.rel(n), "nmod" | "obl")
        && v.has_case_word(n, "for")
        && v.is(h, &["responsibility", "credit"])
        && told)
        .then_some(claim)
}

fn negated(v: &View, t: usize) -> bool {
    negation(v, t).is_some()
}

/// The word that negates `t` ("not", "never", "no"), if any.
fn negation(v: &View, t: usize) -> Option<usize> {
    // ("not only attacked ... but also" is no negation)
    let neg = |c: usize| {
        v.rel(c) == "advmod"
            && v.is(c, &["not", "never", "n't"])
            && !(c + 1 < v.words.len()
                && v.is(c + 1, &["only", "just", "merely", "simply", "solely"]))
    };
    v.children[t]
        .iter()
        .copied()
        .find(|&c| neg(c) || (v.rel(c) == "det" && v.is(c, &["no"])))
        // "had never directly attacked": the negation on an adverb before
        // the verb ("not only attacked" is no negation)
        .or_else(|| {
            v.children[t]
                .iter()
                .copied()
                .filter(|&c| c < t && v.rel(c) == "advmod")
                .filter(|&c| !v.is(c, &["only", "just", "merely", "simply", "solely"]))
                .find_map(|c| v.children[c].iter().copied().find(|&k| neg(k)))
        })
        // "failed to reach agreement": it did not happen
        .or_else(|| {
            v.head(t)
                .filter(|&h| matches!(v.rel(t), "xcomp" | "advcl") && v.is(h, &["fail"]))
        })
        // "Neither the EU nor the US would endorse"
        .or_else(|| {
            v.children[t]
                .iter()
                .copied()
                .filter(|&c| v.rel(c).starts_with("nsubj"))
                .find_map(|s| {
                    v.children[s]
                        .iter()
                        .copied()
                        .find(|&k| v.rel(k) == "cc:preconj" && v.is(k, &["neither"]))
                })
        })
        // "had not announced any plans to": an event noun that is the
        // object of a negated verb
        .or_else(|| {
            let h = v
                .head(t)
                .filter(|_| v.words[t].upos == "NOUN" && v.rel(t) == "obj")?;
            v.children[h].iter().copied().find(|&c| neg(c))
        })
}

/// "talks hosted by Saudi Arabia", "a deal brokered by China", "held talks
/// in Muscat, mediated by Oman": who hosts (043) or mediates (045) the
/// event told at `t`, with the participle's token and the parties naming
/// the host. Looked for on the event's word, the verb it is the object of,
/// and the talks or deals a few levels below either.
/// The code of a third party's verb: hosting (043) or mediating (045).
fn third_party_code(v: &View, c: usize) -> Option<&'static str> {
    if v.is(c, &["host"]) {
        Some("043")
    } else if v.is_in(c, W::Mediating) {
        Some("045")
    } else {
        None
    }
}

fn third_party(v: &View, t: usize) -> Option<(&'static str, usize, Vec<usize>)> {
    let top = v.head(t).filter(|_| v.rel(t) == "obj").unwrap_or(t);
    let mut nodes = vec![t, top];
    // (a few levels down: "restore relations in a deal brokered by")
    nodes.extend(
        (0..v.words.len()).filter(|&k| k != t && v.is_in(k, W::Meetings) && v.within(k, top, 5)),
    );
    for &n in &nodes {
        for &c in &v.children[n] {
            if !matches!(v.rel(c), "acl" | "advcl") || v.words[c].xpos != "VBN" {
                continue;
            }
            let Some(code) = third_party_code(v, c) else {
                continue;
            };
            let agent = v.children[c].iter().copied().find(|&k| {
                v.rel(k) == "obl:agent" || (v.rel(k) == "obl" && v.has_case_word(k, "by"))
            });
            let mut who = Vec::new();
            if let Some(a) = agent {
                parties_of(v, a, &mut who);
            }
            if !who.is_empty() {
                return Some((code, c, who));
            }
        }
    }
    // "agreed to a ceasefire following months of mediation by Qatar",
    // "after U.S. mediation": a mediation noun hung on the event, with its
    // mediator as agent, possessor or modifier
    for k in (0..v.words.len()).filter(|&k| k != t && v.is(k, &["mediation"])) {
        // (not mediation agreed to or asked for: "agreed to US mediation")
        let accepted = v.head(k) == Some(t)
            && !v.children[k].iter().any(|&c| {
                v.rel(c) == "case" && v.is(c, &["after", "following", "through", "under"])
            });
        if !v.within(k, t, 5) || v.is(t, &["mediation"]) || accepted {
            continue;
        }
        let mut who = Vec::new();
        for &c in &v.children[k] {
            let by = matches!(v.rel(c), "nmod" | "obl") && v.has_case_word(c, "by");
            if by || matches!(v.rel(c), "compound" | "amod" | "nmod:poss") {
                parties_of(v, c, &mut who);
            }
        }
        if !who.is_empty() {
            return Some(("045", k, who));
        }
    }
    // "..., with Saudi officials hosting the meeting": the host as the
    // subject of an -ing clause whose object is the talks
    for c in (0..v.words.len()).filter(|&c| c != t && v.within(c, top, 5)) {
        if v.words[c].xpos != "VBG" {
            continue;
        }
        let Some(code) = third_party_code(v, c) else {
            continue;
        };
        let talks = v.children[c]
            .iter()
            .any(|&o| v.rel(o) == "obj" && (nodes.contains(&o) || v.is_in(o, W::Meetings)));
        let Some(subj) = v.child(c, "nsubj").filter(|_| talks) else {
            continue;
        };
        let mut who = Vec::new();
        parties_of(v, subj, &mut who);
        if !who.is_empty() {
            return Some((code, c, who));
        }
    }
    None
}

/// "arrested ... for collaborating with Israel", "for espionage", "on
/// allegations of treason": an offence stated below arrest verb `t`.
fn for_offence(v: &View, t: usize) -> bool {
    let n = v.words.len();
    (t + 1..n).filter(|&k| v.within(k, t, 6)).any(|k| {
        // the words after the preposition, past articles and adverbs
        let mut next = (k + 1..n.min(k + 4))
            .filter(|&j| !matches!(v.words[j].upos, "DET" | "ADV" | "ADJ" | "NUM"));
        let Some(j) = next.next() else { return false };
        match v.lower[k].as_str() {
            "for" => {
                v.is_in(j, W::Offences)
                    || (v.words[j].xpos == "VBG" && !v.is(j, &["question", "questioning"]))
            }
            "on" => v.is_in(j, W::Charges),
            _ => false,
        }
    })
}

/// Whether clause `c` is a condition ("if Hezbollah fires", "unless
/// Baghdad accepts").
fn conditional(v: &View, c: usize) -> bool {
    v.children[c]
        .iter()
        .any(|&k| v.rel(k) == "mark" && v.is(k, &["if", "unless"]))
}

/// "may halt mediation efforts among Serbia's republics if cooperation
/// founders", however misparsed: an "if" or "unless" right after the
/// verb's own words, no other verb between.
fn condition_follows(v: &View, t: usize) -> bool {
    (t + 1..v.words.len())
        .take_while(|&k| !matches!(v.words[k].upos, "VERB" | "AUX" | "PUNCT"))
        .any(|k| v.is(k, &["if", "unless"]))
}

fn modality(v: &View, t: usize) -> Modality {
    // what happens in a condition is supposed, not told
    if v.rel(t) == "advcl" && conditional(v, t) {
        return Modality::Hypothetical;
    }
    for &c in &v.children[t] {
        if v.rel(c) == "aux" {
            if v.is(c, &["will", "shall", "'ll"]) {
                return Modality::Future;
            }
            if v.is(
                c,
                &["would", "could", "may", "might", "should", "must", "'d"],
            ) {
                return Modality::Hypothetical;
            }
        }
    }
    // "is due to visit", "is set to meet", "is scheduled to travel": to come
    if v.rel(t) == "xcomp"
        && v.head(t).is_some_and(|h| {
            (v.is(h, &["due", "set", "scheduled", "slated"]) && v.child(h, "cop").is_some())
                || (v.is(h, &["scheduled", "slated", "set"]) && v.child(h, "aux:pass").is_some())
        })
    {
        return Modality::Future;
    }
    // "will send troops to attack Iraq": the purpose of what is to come is
    // to come too; so is what it "would allow X to" do
    let purpose = v.rel(t) == "advcl"
        && v.child(t, "mark").is_some_and(|k| v.is(k, &["to"]))
        && v.child(t, "nsubj").is_none();
    let complement = v.rel(t) == "xcomp";
    match v.head(t) {
        Some(h) if (purpose || complement) && v.words[h].upos == "VERB" => match modality(v, h) {
            m @ (Modality::Future | Modality::Hypothetical) => m,
            _ => Modality::Asserted,
        },
        _ => Modality::Asserted,
    }
}

/// "Italy stormed to victory over France", "crushed Argentina 3-0 in the
/// qualifier": a game or a score below the verb (or below its object) makes
/// force, protest or coercion sport.
fn sport(v: &View, t: usize) -> bool {
    // "3-0" as one token or three
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|c| c.is_ascii_digit());
    // (not a range counting a noun after it: "killed 10-15 villagers")
    let score = |k: usize| {
        let w = v.lower[k].as_str();
        let counts = v.head(k).is_some_and(|h| h > k) || v.rel(k) == "nummod";
        let dash = |d: &String| d == "-" || d == "–";
        !counts
            && (w
                .split_once(['-', '–'])
                .is_some_and(|(a, b)| digits(a) && digits(b))
                || (digits(w)
                    && v.lower.get(k + 1).is_some_and(dash)
                    && v.lower.get(k + 2).is_some_and(|b| digits(b))))
    };
    let game = |k: usize| {
        // a victory or win only as where one goes ("stormed to victory"),
        // not one claimed over rebels; a game as what is played in, not as
        // a time ("clashed with fans after the match")
        let case = v.children[k].iter().copied().find(|&c| v.rel(c) == "case");
        let win = v.is(k, &["victory", "win"]);
        // (or an adjective the tagger took it for: "in the final")
        let noun = v.words[k].upos == "NOUN"
            || (v.words[k].upos == "ADJ" && matches!(v.rel(k), "obl" | "nmod" | "obj"));
        v.is_in(k, W::Games)
            && noun
            && match case {
                Some(c) => v.is(c, &["to"]) || (!win && v.is(c, &["in"])),
                None => !win,
            }
    };
    let below: Vec<usize> = v.children[t]
        .iter()
        .copied()
        .flat_map(|c| std::iter::once(c).chain(v.children[c].iter().copied()))
        .collect();
    below.iter().any(|&k| game(k)) || descendants(v, t).into_iter().any(score)
}

/// "asked whether Oakland was part of the US": asking whether or if is a
/// question, not an appeal (the clause, or a phrase the parser made of it).
fn asks_a_question(v: &View, t: usize) -> bool {
    v.lemma(t) == "ask"
        && v.children[t]
            .iter()
            .filter(|&&c| matches!(v.rel(c), "ccomp" | "obl" | "obj" | "advcl"))
            .any(|&c| {
                v.children[c]
                    .iter()
                    .any(|&k| v.rel(k) == "mark" && v.is(k, &["whether", "if"]))
            })
}

/// "Australia's bowlers bombarded the batsmen", "Italy's cyclists launched
/// an attack", "the Taliban's cricket team toured Zimbabwe": what players
/// do is sport (`W::Athletes`), force by a company is trade (`W::Firms`:
/// "Chinese carmaker BYD attacked the European market"), and a visit by
/// tourists is tourism (`W::Tourists`).
fn done_by(v: &View, t: usize, list: W) -> bool {
    let verb = match v.head(t) {
        Some(h) if v.words[t].upos == "NOUN" && v.rel(t) == "obj" => h,
        _ => t,
    };
    // (a team of a sport, not its fans: "football fans attacked police")
    // (or a group of them: "a group of Chinese tourists")
    let players = |c: usize| {
        v.is_in(c, list)
            || (!v.is_in(c, W::Human)
                && v.children[c].iter().any(|&k| {
                    (v.rel(k) == "compound"
                        || (v.is_in(c, W::Crowd) && v.rel(k) == "nmod" && v.has_case_word(k, "of")))
                        && v.is_in(k, list)
                }))
    };
    v.children[verb]
        .iter()
        .any(|&c| matches!(v.rel(c), "nsubj" | "obl:agent") && players(c))
}

/// "In the film, Russian spies attack London", "the opera tells of a pasha
/// who kidnaps a noblewoman", "a novel in which China invades Taiwan": what
/// a story tells has not happened.
fn fiction(v: &View, t: usize) -> bool {
    // (not "in a series of raids")
    let story = |k: usize| {
        v.is_in(k, W::Fiction)
            && v.words[k].upos == "NOUN"
            && !v.children[k]
                .iter()
                .any(|&c| v.rel(c) == "nmod" && v.has_case_word(c, "of"))
    };
    let mut x = Some(t);
    for _ in 0..v.words.len() {
        let Some(h) = x else { break };
        if (h != t && story(h))
            || v.children[h].iter().any(|&c| {
                (matches!(v.rel(c), "obl" | "nmod") && v.has_case_word(c, "in") && story(c))
                    || (h != t && v.rel(c) == "nsubj" && story(c))
            })
        {
            return true;
        }
        x = v.head(h);
    }
    false
}

/// `signs which read "silenced"`, `characterised the deaths as "crushing"`:
/// a word quoted alone, with no words of its own, is a word cited, not an
/// act told (`Russia "attacked" Ukraine` still tells one).
fn quoted_alone(v: &View, t: usize) -> bool {
    const OPEN: &[&str] = &["\"", "“", "'", "‘", "``"];
    const CLOSE: &[&str] = &["\"", "”", "'", "’", "''"];
    t > 0
        && v.is(t - 1, OPEN)
        && t + 1 < v.words.len()
        && v.is(t + 1, CLOSE)
        && v.children[t]
            .iter()
            .all(|&c| matches!(v.rel(c), "punct" | "case" | "mark"))
}

fn finish(v: &View, p: &Patterns, pat: &Pattern, pi: u32, t: usize, m: Match) -> Option<Coded> {
    if p.generic_frames() && pat.code.starts_with("02") && asks_a_question(v, t) {
        return None;
    }
    if p.generic_frames() && quoted_alone(v, t) {
        return None;
    }
    // "Modi called Putin": a call to a party is a phone call; "called
    // Putin a war criminal", "called him liar" name him something
    if p.generic_frames()
        && pat.code.as_ref() == "041"
        && pat.words.is_empty()
        && v.is(t, &["call"])
        && v.children[t].iter().any(|&c| {
            (v.rel(c) == "xcomp" && v.words[c].upos != "VERB")
                || matches!(v.rel(c), "ccomp" | "iobj" | "obj:pred")
                || (v.rel(c) == "obl:unmarked" && v.words[c].upos != "PROPN")
                || (v.rel(c) == "obl" && v.has_case_word(c, "as"))
                // (the name, however hung: "called Israel a terror state")
                || (v.rel(c) == "obj"
                    && v.children[c].iter().any(|&a| {
                        v.rel(a) == "appos"
                            && v.words[a].upos != "PROPN"
                            && !v.children[a].iter().any(|&k| v.is(k, &[","]))
                            && a > 0
                            && v.lower[a - 1] != ","
                            && !(c + 1..a).any(|k| v.lower[k] == ",")
                    }))
        })
    {
        return None;
    }
    // (a visit for a game is sport; players protesting is protest)
    let root = pat.code.get(..2);
    if p.generic_frames()
        && ((matches!(root, Some("04" | "14" | "15" | "17" | "18" | "19" | "20")) && sport(v, t))
            || (matches!(root, Some("04" | "15" | "17" | "18" | "19" | "20"))
                && done_by(v, t, W::Athletes))
            || (matches!(root, Some("15" | "17" | "18" | "19" | "20")) && done_by(v, t, W::Firms))
            || (root == Some("04") && done_by(v, t, W::Tourists)))
    {
        return None;
    }
    if p.generic_frames() && fiction(v, t) {
        return None;
    }
    // ("talked with Mitsotakis on his first visit to Greece": one is on
    // a trip, and talks on it are no talks about it)
    if p.generic_frames()
        && pat.kind == TriggerKind::Noun
        && v.children[t].iter().any(|&c| {
            v.rel(c) == "case"
                && v.is(c, &["on", "about", "over", "regarding", "concerning"])
                && !(is_trip(v, t) && v.is(c, &["on"]))
        })
        // (or on the verb whose object they are: "renewed negotiations
        // today on a pullback")
        && v.head(t).is_some_and(|h| {
            v.is_in(h, W::TopicHeads)
                || v.children[h]
                    .iter()
                    .any(|&o| v.rel(o) == "obj" && o < t && v.is_in(o, W::TopicHeads))
        })
    {
        return None;
    }
    // "to discuss ending the war", "talks on lifting sanctions": what talks
    // are about has not happened
    if p.generic_frames()
        && v.words[t].xpos == "VBG"
        && matches!(v.rel(t), "xcomp" | "obj" | "ccomp" | "advcl" | "acl")
        && v.head(t).is_some_and(|h| v.is_in(h, W::TopicHeads))
    {
        return None;
    }
    // "refused to let two U.S. aircraft land": what one is not let do is
    // not done
    // (however the parser hung the act below the permission: "let two
    // aircraft carrying migrants land", with "land" on "carrying")
    let permission = {
        let mut x = t;
        let mut found = None;
        for _ in 0..4 {
            let Some(h) = v
                .head(x)
                .filter(|_| matches!(v.rel(x), "xcomp" | "acl" | "obj"))
            else {
                break;
            };
            if v.is(h, &["let", "allow", "permit"]) {
                found = Some(h);
                break;
            }
            x = h;
        }
        found
    };
    if p.generic_frames()
        && permission.is_some_and(|h| {
            negated(v, h)
                || v.head(h).is_some_and(|g| {
                    v.rel(h) == "xcomp"
                        && (p.frame(v.lemma(g)) == Some(Frame::Refuse) || negated(v, g))
                })
        })
    {
        return None;
    }
    // "Ukrainian troops pressed an incursion into Russia": pressing or
    // pushing an offensive carries it on; no appeal
    if p.generic_frames()
        && pat.code.starts_with("02")
        && matches!(pat.target, Some(Slot::Object))
        && v.child(t, "obj")
            .is_some_and(|o| v.party_at[o].is_none() && force_noun(v, p, o))
    {
        return None;
    }
    // "rejected calls for a ceasefire with the RSF": a call for something
    // is an appeal, no phone call
    if p.generic_frames()
        && pat.kind == TriggerKind::Noun
        && pat.code.starts_with("041")
        && v.is(t, &["call"])
        && v.children[t]
            .iter()
            .any(|&c| v.rel(c).starts_with("nmod") && v.has_case_word(c, "for"))
    {
        return None;
    }
    // "the Israeli operation threatened the peace treaty": a thing that
    // threatens endangers; only someone threatens
    if p.generic_frames()
        && pat.kind == TriggerKind::Verb
        && v.is(t, &["threaten"])
        && v.child(t, "nsubj").is_some_and(|s| {
            v.party_at[s].is_none()
                && matches!(v.words[s].upos, "NOUN")
                && !v.is_in(s, W::Human)
                && !v.is_in(s, W::Crowd)
        })
    {
        return None;
    }
    // "threatened the peace treaty between the two countries": an
    // agreement told as known is no new one (a new one is signed, reached
    // or struck: the verb's pattern codes it)
    if p.generic_frames()
        && pat.kind == TriggerKind::Noun
        && (pat.code.as_ref() == "057" || p.in_set("agreement", v.lemma(t)))
        && v.children[t].iter().any(|&c| {
            matches!(v.rel(c), "det" | "nmod:poss")
                && v.is(c, &["the", "their", "its", "this", "that"])
        })
        && v.head(t).is_none_or(|h| p.light(v.lemma(h)).is_none())
    {
        return None;
    }
    let mut frames = Vec::new();
    let mut source = Vec::new();
    match m.source {
        Some(s) => parties_of(v, s, &mut source),
        None => {
            source = match pat.kind {
                TriggerKind::Verb => subject(v, p, t, &mut frames, 0),
                TriggerKind::Noun => owner(v, p, t, &mut frames, 0),
            }
        }
    }
    let mut target = Vec::new();
    let mut of_act = false;
    // "demanded that the US cancel ...": the that-clause's subject (a
    // noun's too: "its demand that Israel ease restrictions")
    let that_clause = |c: usize| {
        v.rel(c) == "acl"
            && v.children[c]
                .iter()
                .any(|&k| v.rel(k) == "mark" && v.is(k, &["that"]))
    };
    let tgt = m.target.or_else(|| {
        matches!(pat.target, Some(Slot::Object))
            .then(|| {
                v.child(t, "ccomp")
                    .or_else(|| v.children[t].iter().copied().find(|&c| that_clause(c)))
                    .filter(|&c| !foretold_act(v, p, t, c))
            })
            .flatten()
            .and_then(|c| v.child(c, "nsubj"))
    });
    // "a battle against inflation", "battling 400 blazes": force aimed at an
    // ill or a disaster fights it
    if p.generic_frames()
        && matches!(pat.code.get(..2), Some("18" | "19" | "20"))
        && tgt.is_some_and(|o| v.is_in(o, W::Ills) || v.is_in(o, W::Mishaps))
    {
        return None;
    }
    // a target written as the subject ("+ * IN $") is found as a source
    // subject is, through control and raising ("X was seen to break in")
    if tgt.is_none() && matches!(pat.target, Some(Slot::Subject)) && !v.swaps(t) {
        target = subject(v, p, t, &mut Vec::new(), 0);
        // "sent an offering to the shrine, drawing a protest from South
        // Korea": a participle after a comma tells what the clause's act
        // drew, however the parser hung it; the act is its author's
        if target.is_empty() && v.words[t].xpos == "VBG" && t > 0 && v.lower[t - 1] == "," {
            let mut up = v.head(t);
            for _ in 0..6 {
                match up {
                    Some(h) if v.words[h].upos != "VERB" => up = v.head(h),
                    _ => break,
                }
            }
            if let Some(h) = up.filter(|&h| v.words[h].upos == "VERB") {
                target = subject(v, p, h, &mut Vec::new(), 0);
            }
        }
    }
    if let Some(tg) = tgt {
        // a visit's destination may be a place: it stands for its country;
        // so does any place a pattern asks for ("open embassy in $T")
        // ("recalled its ambassador from Kabul", "sent aid to Gaza City";
        // not "compliance with the Paris accord")
        let visit = matches!(&pat.target, Some(Slot::Prep(ws))
            if ["in", "into", "at", "inside", "to", "from", "toward", "towards"]
                .iter()
                .any(|w| ws.matches(w, w)));
        parties_at(v, tg, visit, &mut target);
        // "France condemned the attack on Israel": criticism of an act of
        // force is aimed at its author (its possessor, adjective or "by"
        // phrase), never at its victim; with none named, at the author the
        // document told of (the record looks)
        // (so is an investigation of one: "police were investigating the
        // abduction")
        let judged = pat.code.starts_with("11") || matches!(pat.code.as_ref(), "090" | "091");
        if p.generic_frames() && judged && force_noun(v, p, tg) {
            target.clear();
            for &c in &v.children[tg] {
                let author = matches!(v.rel(c), "nmod:poss" | "compound" | "amod")
                    || (v.rel(c).starts_with("nmod") && v.has_case_word(c, "by"));
                if author {
                    parties_of(v, c, &mut target);
                }
            }
            drop_actors(v, &mut target, &source);
            of_act = target.is_empty();
        }
        // "New Delhi dismissed the allegations": a denial of charges no
        // one is named as making answers the latest accusation the
        // document told of (the record looks)
        if p.generic_frames()
            && pat.code.as_ref() == "016"
            && target.is_empty()
            && m.words.iter().any(|&w| v.is_in(w, W::Allege))
        {
            of_act = true;
        }
        // "Thailand deported 40 men, a move condemned by the UN": what is
        // said of the move is said of the clause's subject
        // ("a move that was condemned": the noun the relative clause is on)
        let summary = match v.head(tg) {
            Some(r) if v.is(tg, &["that", "which"]) && v.rel(r) == "acl:relcl" => {
                v.head(r).unwrap_or(tg)
            }
            _ => tg,
        };
        // (and "in what the African Union condemned as an attempted coup")
        if target.is_empty()
            && (v.is_in(summary, W::Summary) || v.is(summary, &["what"]))
            && matches!(v.rel(summary), "appos" | "obl" | "nmod" | "parataxis")
        {
            // (through the clause's last phrases, however the parser hung
            // the apposition: "severed relations with Morocco on Tuesday, a
            // decision ...", on the comma after "Tuesday")
            let mut up = v.head(summary);
            for _ in 0..6 {
                match up {
                    Some(h) if v.words[h].upos != "VERB" => up = v.head(h),
                    _ => break,
                }
            }
            // (the subject of the clause the act is in: "Britain signed a
            // deal to send asylum seekers to Rwanda, a plan ...")
            for _ in 0..3 {
                match up {
                    Some(h)
                        if v.child(h, "nsubj").is_none()
                            && matches!(v.rel(h), "xcomp" | "advcl" | "conj") =>
                    {
                        up = v.head(h)
                    }
                    _ => break,
                }
            }
            if let Some(verb) = up.filter(|&h| v.words[h].upos == "VERB" && h != t) {
                if let Some(s) = v.child(verb, "nsubj") {
                    parties_of(v, s, &mut target);
                }
            }
        }
        // "aid to refugees fleeing the war in Liberia": people no actor
        // names are of the country their clause places them in
        if target.is_empty() && v.is_in(tg, W::Human) {
            const NOT_INTO: &[&str] = &["nsubj", "nsubj:pass", "punct", "conj", "parataxis"];
            // (not whom they attacked: "killed militants who had fired
            // rockets at southern Israel")
            const ATTACKS: &[&str] = &[
                "attack", "fire", "launch", "strike", "kill", "target", "raid", "invade", "hit",
            ];
            target = v.children[tg]
                .iter()
                .copied()
                .filter(|&c| matches!(v.rel(c), "acl" | "acl:relcl"))
                .filter(|&c| !v.is_in(c, W::ForceVerbs) && !v.is(c, ATTACKS))
                // (nor what they set upon: "protesters who tried to storm
                // the Swedish embassy" are not Swedes)
                .filter(|&c| {
                    let verb = v
                        .child(c, "xcomp")
                        .filter(|_| v.is(c, &["try", "attempt", "seek"]))
                        .unwrap_or(c);
                    !v.is(
                        verb,
                        &[
                            "storm",
                            "besiege",
                            "occupy",
                            "torch",
                            "burn",
                            "loot",
                            "ransack",
                            "blockade",
                            "block",
                            "seize",
                            "capture",
                            "protest",
                            "march",
                            "rally",
                            "demonstrate",
                            "picket",
                            "surround",
                        ],
                    )
                })
                .map(|c| {
                    // (placed, not served: "a man convicted of spying for
                    // Israel" is no Israeli)
                    let mut k = nearest_party(v, c, NOT_INTO, true, &source);
                    k.retain(|&x| {
                        let h = v.parties[x].head;
                        !["for", "with", "against", "on"]
                            .iter()
                            .any(|w| v.has_case_word(h, w))
                    });
                    k
                })
                .find(|k| !k.is_empty())
                .unwrap_or_default();
        }
    }
    // the same actor on both sides is no event; a compound actor with no
    // target acts on itself ("Israel and Lebanon renewed talks")
    drop_actors(v, &mut target, &source);
    let mut below = false;
    // force and protest aimed at no named actor: one named under the object
    // ("shelled the capital Juba"), or below the verb when the pattern's
    // phrase is missing ("threw stones during protests against abuses by
    // the army"), or the place where they happen
    if target.is_empty()
        && p.generic_frames()
        && implied_target(&pat.code)
        && (matches!(pat.target, Some(Slot::Object | Slot::Any | Slot::Prep(_)))
            // "a new offensive in its war with Iraq": an event noun with
            // no slot, aimed at an actor named below it
            || (pat.target.is_none() && pat.kind == TriggerKind::Noun))
    {
        const NOT_INTO: &[&str] = &[
            "nsubj",
            "nsubj:pass",
            "csubj",
            "advcl",
            "parataxis",
            "punct",
            "conj",
            "acl:relcl",
        ];
        // a phrase the pattern asks for that names no actor: one named in
        // it ("a hunger strike in protest of the government's refusal")
        // (not animals: "the killing of 300 pigs in Cairo" is a cull)
        let from = match (&pat.target, tgt) {
            (Some(Slot::Prep(_)), Some(tg)) => (!v.is_in(tg, W::Animals)).then_some(tg),
            _ => Some(t),
        };
        if matches!(pat.target, Some(Slot::Object)) {
            target = passive_object_place(v, tgt, NOT_INTO, &source);
        }
        if let (true, Some(from)) = (target.is_empty(), from) {
            target = nearest_party(v, from, NOT_INTO, true, &source);
            // (not whom the victims served: "executed a man convicted of
            // spying for Israel")
            target.retain(|&k| !v.has_case_word(v.parties[k].head, "for"));
        }
        below = !target.is_empty() && matches!(pat.target, Some(Slot::Prep(_)));
        // "killed hundreds of civilians in the Ethiopian city of Axum": a
        // town no list knows, named by its country's adjective
        if target.is_empty() && from != Some(t) {
            if let Some(c) = v.children[t].iter().copied().find(|&c| {
                v.rel(c) == "obl"
                    && v.has_case_word(c, "in")
                    && v.party_at[c].is_none()
                    && names_actor(v, c)
            }) {
                parties_of(v, c, &mut target);
                drop_actors(v, &mut target, &source);
            }
        }
    }
    // "inspected the refineries in Iran" (the place often parsed on the
    // verb): an inquiry into what is in a country is aimed at it
    if target.is_empty() && p.generic_frames() && pat.code.starts_with("09") {
        let obj = v
            .child(t, "obj")
            .filter(|_| matches!(pat.target, Some(Slot::Object)));
        let place = obj.into_iter().chain(obj.map(|_| t)).find_map(|h| {
            v.children[h].iter().copied().find(|&c| {
                matches!(v.rel(c), "obl" | "nmod") && v.has_case_word(c, "in") && names_actor(v, c)
            })
        });
        if let Some(c) = place {
            parties_of(v, c, &mut target);
            drop_actors(v, &mut target, &source);
        }
    }
    // "delivered food aid to 200,000 people in Sudan's Darfur region": aid
    // to people no actor names goes to the country they are in
    let people = tgt.is_some_and(|g| v.is_in(g, W::Human) || v.is_in(g, W::Crowd));
    if target.is_empty() && p.generic_frames() && pat.code.starts_with("07") && people {
        let place = tgt.into_iter().chain([t]).find_map(|h| {
            v.children[h].iter().copied().find(|&c| {
                matches!(v.rel(c), "obl" | "nmod") && v.has_case_word(c, "in") && names_actor(v, c)
            })
        });
        if let Some(c) = place {
            parties_of(v, c, &mut target);
            drop_actors(v, &mut target, &source);
        }
    }
    // "demanded that the Sudanese government end curbs": a demand (or a
    // rejection) is aimed at the actor named in what it is about, however
    // parsed
    if target.is_empty()
        && !of_act
        && p.generic_frames()
        && matches!(pat.code.get(..2), Some("10" | "12" | "11" | "02"))
        && matches!(pat.target, Some(Slot::Object | Slot::Any))
    {
        const NOT_INTO: &[&str] = &["nsubj", "nsubj:pass", "advcl", "parataxis", "punct", "conj"];
        target = nearest_party(v, t, NOT_INTO, false, &source);
        // (nor whom the accused served: "convicted of spying for Israel")
        if matches!(pat.code.get(..2), Some("11" | "12")) {
            target.retain(|&k| !v.has_case_word(v.parties[k].head, "for"));
        }
        // (not one the pattern's own words name: "characterized the attack
        // as a violation of Iraqi sovereignty" is not aimed at Iraq)
        target.retain(|&k| {
            let h = v.parties[k].head;
            !m.words
                .iter()
                .any(|&w| p.in_set("b_blame_word", v.lemma(w)) && v.within(h, w, 4))
        });
    }
    // acting on each other is for symmetric acts (agreeing, meeting, signing,
    // cooperating, clashing), not for statements or appeals
    // (cooperating, meeting, negotiating, relations, agreements, and truces
    // or easing tension between them: "France and Germany endorsed the
    // plan" is no praise of each other, nor do
    // "China and Iran pledged funds" or "visited Kenosha" to each other)
    let symmetric = matches!(pat.code.get(..2), Some("06" | "19"))
        || matches!(pat.code.get(..3), Some("031"))
        || matches!(
            pat.code.as_ref(),
            "030"
                | "032"
                | "036"
                | "037"
                | "040"
                | "041"
                | "044"
                | "046"
                | "050"
                | "054"
                | "057"
                | "087"
                | "0871"
        )
        // "Russia and Ukraine exchanged prisoners": each released the other's
        || (pat.code.as_ref() == "0841" && v.is(t, &["swap", "exchange"]))
        // ("Russia and Ukraine released 115 prisoners of war": to each other)
        || (pat.code.as_ref() == "0841"
            && v.is(t, &["release", "free"])
            && tgt.is_some_and(|g| p.in_set("prisoner", v.lemma(g))))
        // "Kyrgyzstan and Tajikistan accused each other": whatever the act
        || tgt.is_some_and(|g| each_other(v, g))
        // "India and Pakistan traded accusations": what is traded goes both ways
        || (v.is(t, &["trade", "exchange"]) && pat.code.starts_with("11"));
    let several = source.len() >= 2 || source.iter().any(|&k| v.parties[k].several);
    // ("Sudan's army and the RSF fought heavy battles in El Fasher": where
    // they fought is no one they fought)
    if several && symmetric && !target.is_empty() && target.iter().all(|&k| v.parties[k].place) {
        target.clear();
    }
    let reciprocal = target.is_empty() && several && symmetric;
    // a pattern written with no slot is an act with no target ("protesters
    // rioted", "the president resigned"): coded with the source alone
    // (used intransitively: "the court demonstrated ignorance" is no protest)
    let intransitive = !(pat.kind == TriggerKind::Verb
        && v.child(t, "obj").is_some_and(|o| !m.words.contains(&o)));
    let monadic =
        pat.target.is_none() && pat.source.is_none() && p.generic_frames() && intransitive;
    // force and protest happen somewhere: with no target named, the target is
    // the country where they happen (see the event record); a pattern of
    // several words, one a noun, is specific enough without its target
    // phrase ("opened fire", "blocked roads"); a single word is not ("rally",
    // "control"), nor a verb and its particle ("sit in")
    // An object that names no actor must be people for that ("arrested a
    // man", "killed 20 people"): "suspended her campaign" is no sanction.
    // A phrase may name a place ("shelling of the town"), but not animals
    // ("the killing of 300,000 pigs" is a cull).
    // one hosts a visitor, not a thing of an actor's ("Iranian assistance
    // is received by the Houthis")
    if p.generic_frames()
        && pat.code.as_ref() == "043"
        && matches!(pat.target, Some(Slot::Object))
        && tgt.is_some_and(|o| {
            // ("hosted the Women's World Championship": a named event;
            // "hosted a Taliban delegation": visitors)
            v.party_at[o].is_none()
                && !v.is_in(o, W::Human)
                && !v.is_in(o, W::Visitors)
                && matches!(v.words[o].upos, "NOUN" | "PROPN")
        })
    {
        return None;
    }
    let object_ok = match (&pat.target, tgt) {
        (Some(Slot::Object | Slot::Any), Some(o)) => {
            matches!(v.words[o].upos, "PRON" | "NUM")
                || v.is_in(o, W::Human)
                || v.is_in(o, W::Crowd)
                // ("attacked an army base", "shelled villages"; "torched
                // part of the parliament building")
                || (matches!(pat.code.get(..2), Some("18" | "19" | "20"))
                    || pat.code.starts_with("1712"))
                    && (v.is_in(o, W::Facilities)
                        || (v.is_in(o, W::Partitive)
                            && v.children[o].iter().any(|&c| {
                                v.rel(c) == "nmod" && v.is_in(c, W::Facilities)
                            })))
        }
        (Some(Slot::Prep(_)), Some(o)) => !v.is_in(o, W::Animals),
        _ => true,
    };
    let implied = target.is_empty()
        && p.generic_frames()
        && implied_target(&pat.code)
        && object_ok
        && (pat.target.is_some() || intransitive);
    // an event noun someone "carried out", "is responsible for" or "was
    // behind" is an act, not a mere topic
    // (force only: "held a rally", "ordered a trial" may be anything)
    let performed = pat.kind == TriggerKind::Noun
        && matches!(pat.code.get(..2), Some("18" | "19" | "20"))
        && match (v.rel(t), v.head(t)) {
            ("obj", Some(h)) => v.is_in(h, W::Do) && p.light(v.lemma(h)).is_some(),
            _ => claimed_by(v, t).is_some(),
        };
    let specific = performed
        || m.words
            .iter()
            .any(|&w| w != t && matches!(v.words[w].upos, "NOUN" | "PROPN"));
    // "a missionary was arrested in Lebanon": only a state arrests or
    // deports; with no agent named, the record takes the country where it
    // happened as the source
    let by_the_state = source.is_empty()
        && p.generic_frames()
        && !target.is_empty()
        && only_by_the_state(&pat.code)
        && v.passive(t)
        && agent(v, t).is_none();
    // "was killed in a car bomb explosion", "a minefield explosion killed
    // two youths": force whose author no one names, by someone of the
    // country where it happened
    let unnamed_source = if by_the_state {
        Some(Unnamed::State)
    } else if source.is_empty() && p.generic_frames() && (!target.is_empty() || implied) {
        unnamed_force(v, t, &pat.code)
            .map(|cue| Unnamed::Unidentified { cue })
            .or_else(|| crowd(v, t, &pat.code).map(|cue| Unnamed::Crowd { cue }))
    } else {
        None
    };
    // "the junta confirmed it had carried out an air strike": owning up to
    // one's own act of force, aimed at no one named, claims responsibility
    // for it (015)
    if p.generic_frames()
        && target.is_empty()
        && matches!(root, Some("18" | "19" | "20"))
        && !source.is_empty()
    {
        let clause = if v.rel(t) == "obj" {
            v.head(t)
        } else {
            Some(t)
        };
        let owned = clause
            .filter(|&c| v.rel(c) == "ccomp")
            .and_then(|c| v.head(c))
            .filter(|&b| v.is(b, &["confirm", "admit", "acknowledge"]));
        if let Some(b) = owned {
            let who = subject(v, p, b, &mut Vec::new(), 0);
            let same = |k: &usize| {
                source
                    .iter()
                    .any(|&s| v.parties[s].actor == v.parties[*k].actor)
            };
            if !who.is_empty() && who.iter().all(same) {
                let m = Modality::Asserted;
                return Some(word_event(v, b, "015", who, Vec::new(), m, b, t));
            }
        }
    }
    if (source.is_empty() && unnamed_source.is_none())
        || (target.is_empty() && !reciprocal && !monadic && !implied && !of_act)
        || (m.partial && !reciprocal && !((implied || below) && specific))
    {
        return None;
    }
    if p.generic_frames()
        // "called on the President to demand that Turkey stop": an appeal
        // asked for is not made; "calls asking the US to waive" restate one
        && under_appeal(v, p, t).is_some_and(|h| {
            !matches!(pat.code.get(..2), Some("02" | "10")) || v.words[h].upos == "VERB"
        })
    {
        return None;
    }
    if let Some(b) = under_belief(v, p, t) {
        // "the Kremlin denied that Russia was behind the cyberattack on the
        // German parliament": denying that one's own side did a hostile
        // act denies responsibility for it (016), toward its victim
        let harm = matches!(
            pat.code.get(..2),
            Some("13" | "15" | "17" | "18" | "19" | "20")
        );
        if p.generic_frames() && harm && v.is(b, &["deny"]) && !target.is_empty() {
            let denier = subject(v, p, b, &mut Vec::new(), 0);
            let theirs: Vec<Option<&str>> = denier
                .iter()
                .map(|&k| v.parties[k].country.as_deref())
                .collect();
            let own = source
                .iter()
                .all(|&k| theirs.contains(&v.parties[k].country.as_deref()));
            let mut victims = target.clone();
            drop_actors(v, &mut victims, &denier);
            if !denier.is_empty() && own && !victims.is_empty() {
                let m = Modality::Asserted;
                return Some(word_event(v, b, "016", denier, victims, m, b, t));
            }
        }
        if !(p.generic_frames() && v.is_in(b, W::Allege)) {
            return None;
        }
        let mut frames = Vec::new();
        let accuser = subject(v, p, b, &mut frames, 0);
        let mut accused = source.clone();
        drop_actors(v, &mut accused, &accuser);
        let hostile = matches!(
            pat.code.get(..2),
            Some("13" | "15" | "17" | "18" | "19" | "20")
        );
        // (a claim of one's own deed is no accusation: "Hamas claimed it
        // fired the rockets" is coded as done)
        if !accused.is_empty() && hostile && !accuser.is_empty() {
            let m = Modality::Asserted;
            return Some(word_event(v, b, "112", accuser, accused, m, b, t));
        }
        // (the claimer named as the claim's subject: "rejected claims that
        // it supplied" is no claim of Iran's)
        if !accused.is_empty() || accuser.is_empty() || v.child(b, "nsubj").is_none() {
            return None;
        }
    }
    let reciprocal = reciprocal && !monadic;
    // "wildfires destroying the rainforest": a disaster does no harm as an
    // actor does (whose sentence it is in)
    if p.generic_frames()
        && matches!(pat.code.get(..2), Some("17" | "18" | "19" | "20"))
        && v.child(t, "nsubj").is_some_and(|s| v.is_in(s, W::Mishaps))
    {
        return None;
    }
    // "the court demonstrated a shocking ignorance", "rallied support":
    // a verb of protest with an object of its own is no protest
    if p.generic_frames()
        && pat.code.starts_with("14")
        && pat.kind == TriggerKind::Verb
        && v.is(t, &["demonstrate", "rally", "march", "parade"])
        && v.child(t, "obj")
            .is_some_and(|o| !m.words.contains(&o) && m.target != Some(o))
    {
        return None;
    }
    let mut code = pat.code.to_string();
    // "warned that Israel would strike hard if the group broke the truce":
    // a warning of what one's own side will do is aimed at whom its
    // condition names (a threat of force if the clause tells force), never
    // at the speaker's own side
    if p.generic_frames() && pat.code.starts_with("13") && !target.is_empty() {
        let clause = tgt
            .filter(|&g| v.rel(g).starts_with("nsubj"))
            .and_then(|g| v.head(g));
        let own: Vec<Option<&str>> = source
            .iter()
            .map(|&k| v.parties[k].country.as_deref())
            .collect();
        let own_side = target.iter().all(|&k| {
            v.parties[k].country.is_some() && own.contains(&v.parties[k].country.as_deref())
        });
        if let Some(c) = clause.filter(|_| own_side) {
            target.clear();
            let condition = v.children[c]
                .iter()
                .copied()
                .find(|&k| v.rel(k) == "advcl" && conditional(v, k));
            if let Some(s) = condition.and_then(|k| v.child(k, "nsubj")) {
                parties_of(v, s, &mut target);
                target.retain(|&k| !own.contains(&v.parties[k].country.as_deref()));
            }
            let force = |w: usize| {
                v.is(w, &["force"])
                    || p.triggered_by(TriggerKind::Verb, v.lemma(w))
                        .iter()
                        .any(|&i| matches!(p.get(i).code.get(..2), Some("18" | "19" | "20")))
            };
            if !target.is_empty()
                && code == "130"
                && (force(c) || v.children[c].iter().any(|&o| v.rel(o) == "obj" && force(o)))
            {
                code = "138".to_string();
            }
            if target.is_empty() {
                return None;
            }
        }
    }
    // "Biden attacked Trump for the tweet": a person attacking a person
    // named as the object, with no weapon, criticizes him
    let person = |k: &usize| v.parties[*k].person;
    if p.generic_frames()
        && v.lemma(t) == "attack"
        && pat.code.starts_with("19")
        && !source.is_empty()
        && source.iter().all(person)
        && v.child(t, "obj")
            .and_then(|o| v.party_at[o])
            .is_some_and(|k| person(&k))
        && !v.children[t]
            .iter()
            .any(|&c| v.rel(c) == "obl" && v.has_case_word(c, "with"))
    {
        code = "111".to_string();
    }
    // "Erdogan attacked the proclamation": an attack on words or decisions
    // is criticism
    if p.generic_frames()
        && v.lemma(t) == "attack"
        && pat.code.starts_with("19")
        && v.child(t, "obj")
            .is_some_and(|o| v.is_in(o, W::SaidOrDecided))
    {
        code = "111".to_string();
    }
    // "protesters demolished the building": property a crowd of protesters
    // destroys is a riot (145), not the state's coercion (171)
    if p.generic_frames()
        && code.starts_with("171")
        && !source.is_empty()
        && source.iter().all(|&k| {
            let h = v.parties[k].head;
            v.is(
                h,
                &["protester", "protestor", "demonstrator", "rioter", "mob"],
            )
        })
    {
        code = "145".to_string();
    }
    // tense, condition and saying are read on the clause's verb: a light
    // verb's for its event noun ("said it would launch attacks on Israel")
    let clause = light_verb_of(v, p, pat, t).unwrap_or(t);
    let mut modality = modality(v, clause);
    let mut frame_word = None;
    // a pattern that names the negation ("not *") has consumed it
    let mut negated = negation(v, t).is_some_and(|n| !m.words.contains(&n));
    for &(f, w) in &frames {
        negated |= self::negated(v, w);
        match f {
            // what one is accused of is alleged, but not the means told of
            // it, which happened ("accuse Washington of endangering ... by
            // launching raids")
            Frame::Belief if v.is(w, &["accuse", "blame"]) && v.head(t) != Some(w) => {}
            Frame::Belief => return None,
            // what one is urged or pressed to do has not happened: the
            // appeal is the event ("urged Iran to release", "pressed the
            // US to provide")
            // (its complement only, not a conjunct: "urged X and spoke
            // with Y"; nor an appeal itself: "calls asking X to")
            // (or below it: "called on Israel to stop demolishing homes")
            Frame::Appeal
                if p.generic_frames()
                    && complement_of(v, t, w)
                    && !matches!(code.get(..2), Some("02" | "10")) =>
            {
                return None
            }
            Frame::Appeal | Frame::Report => {}
            // "expects Iraq to attack Kuwait", "wants Iraq to": the object
            // would act, and no one says he will
            Frame::Intent | Frame::Threat | Frame::Refuse
                if p.generic_frames() && object_acts(v, w, t) =>
            {
                return None
            }
            Frame::Intent | Frame::Threat | Frame::Refuse => {
                if let Some(c) = p.compose(f, &code) {
                    code = c.to_string();
                }
                modality = match f {
                    // an intent to use force is a threat ("vowed to attack")
                    Frame::Intent if code.starts_with("13") => Modality::Threat,
                    Frame::Intent => Modality::Intent,
                    Frame::Threat => Modality::Threat,
                    _ => Modality::Refusal,
                };
                frame_word = Some(w);
                break;
            }
        }
    }
    // "will attack Lebanon if Hezbollah fires", "may halt mediation unless",
    // "said it would strike": force or sanctions announced on a condition,
    // or said to be coming, are a threat (CAMEO 13)
    if frame_word.is_none()
        && p.generic_frames()
        && !negated
        && matches!(modality, Modality::Future | Modality::Hypothetical)
        && matches!(code.get(..2), Some("15" | "16" | "17" | "18" | "19" | "20"))
        && (v.children[clause]
            .iter()
            .any(|&c| v.rel(c) == "advcl" && conditional(v, c))
            || condition_follows(v, clause)
            || (v.rel(clause) == "ccomp"
                && v.head(clause)
                    .is_some_and(|h| p.frame(v.lemma(h)) == Some(Frame::Report))
                && !said_by_another(v, p, clause, &source)))
    {
        if let Some(c) = p.compose(Frame::Threat, &code) {
            code = c.to_string();
            modality = Modality::Threat;
        }
    }
    // "will provide aid", "would allow": a cooperative act announced is an
    // intent (CAMEO 03); "will not accept", "won't allow" a refusal (12);
    // not what one must, should or may do ("he must resign")
    let announced = v.children[t]
        .iter()
        .any(|&c| v.rel(c) == "aux" && v.is(c, &["will", "would", "shall", "'ll", "'d"]));
    if frame_word.is_none()
        && p.generic_frames()
        && announced
        && matches!(modality, Modality::Future | Modality::Hypothetical)
        && (matches!(code.get(..2), Some("05" | "06" | "07" | "08"))
            // a meeting is an intent when said or wished ("said they would
            // meet the mediator"), not when scheduled ("will meet in
            // Zurich": 040, future); refused either way ("will not meet")
            || (code.starts_with("04")
                && (negated
                    || v.children[t]
                    .iter()
                    .any(|&c| v.rel(c) == "aux" && v.is(c, &["would", "'d"]))
                    || (v.rel(clause) == "ccomp"
                        && v.head(clause)
                            .is_some_and(|h| p.frame(v.lemma(h)) == Some(Frame::Report))))))
    {
        let frame = if negated
            && v.children[t]
                .iter()
                .any(|&c| v.is(c, &["will", "would", "'ll"]))
        {
            negated = false;
            modality = Modality::Refusal;
            Frame::Refuse
        } else {
            Frame::Intent
        };
        if let Some(c) = p.compose(frame, &code) {
            code = c.to_string();
        }
    }
    // "did not accede to the protesters' demands": not yielding to a demand
    // is refusing it (124), whatever the tense
    if frame_word.is_none() && p.generic_frames() && negated && code == "080" {
        if let Some(c) = p.compose(Frame::Refuse, &code) {
            code = c.to_string();
            negated = false;
            modality = Modality::Refusal;
        }
    }
    let mut evidence = m.words.clone();
    evidence.extend(tgt);
    evidence.extend(m.source);
    evidence.extend(frame_word);
    evidence.sort_unstable();
    evidence.dedup();
    let answers = of_act && target.is_empty();
    Some(Coded {
        trigger: t,
        pattern: Some(pi),
        code,
        source,
        target,
        negated,
        modality,
        frame_word,
        evidence,
        reciprocal,
        words: m.words.iter().copied().filter(|&w| w != t).collect(),
        unnamed_source,
        answers,
    })
}

/// Whether noun `n` names an act of force ("the attack", "the raids"): a
/// noun some pattern of roots 18-20 is triggered by.
fn force_noun(v: &View, p: &Patterns, n: usize) -> bool {
    v.words[n].upos == "NOUN"
        && p.triggered_by(TriggerKind::Noun, v.lemma(n))
            .iter()
            .any(|&i| matches!(p.get(i).code.get(..2), Some("18" | "19" | "20")))
}

/// "Thousands of people marched in Madrid", "students rallied": the
/// people who protest (roots 14) when no actor names them, as the verb's
/// subject (or its conjunct's: "gathered and marched").
fn crowd(v: &View, t: usize, code: &str) -> Option<usize> {
    if !code.starts_with("14") {
        return None;
    }
    if v.words[t].upos == "NOUN" {
        return protests_held(v, t).then_some(t);
    }
    if v.words[t].upos != "VERB" {
        return None;
    }
    let s = v.child(t, "nsubj").or_else(|| {
        (v.rel(t) == "conj")
            .then(|| v.head(t).and_then(|h| v.child(h, "nsubj")))
            .flatten()
    })?;
    let people = |n: usize| v.is_in(n, W::Human) || v.is_in(n, W::Crowd);
    (v.party_at[s].is_none() && people(s)).then_some(s)
}

/// "resigned after weeks of protests against her government", "as
/// protests over the death spread": protests no one is named as holding,
/// told as having happened (after, amid or during them, or spreading), not
/// merely spoken of ("banned protests").
fn protests_held(v: &View, t: usize) -> bool {
    const HELD: &[&str] = &["after", "amid", "following", "during", "despite"];
    const SPREAD: &[&str] = &[
        "spread", "erupt", "continue", "turn", "rage", "grow", "escalate",
    ];
    if !v.is(t, &["protest", "demonstration"]) || v.words[t].xpos != "NNS" {
        return false;
    }
    let owned = v.children[t]
        .iter()
        .any(|&c| v.rel(c) == "nmod:poss" || (v.rel(c) == "nmod" && v.has_case_word(c, "by")));
    if owned {
        return false;
    }
    // ("weeks of protests": the time phrase carries the preposition)
    let phrase = match v.head(t) {
        Some(h) if v.rel(t) == "nmod" && v.has_case_word(t, "of") && v.is_in(h, W::Durations) => h,
        _ => t,
    };
    HELD.iter().any(|w| v.has_case_word(phrase, w))
        || (v.rel(t) == "nsubj" && v.head(t).is_some_and(|h| v.is(h, SPREAD)))
}

/// A pattern of weapons of mass destruction (204x) has told force already:
/// its "chemical" is no accident's ("the chemical attack on Douma").
fn weapon_of_mass_destruction(code: &str) -> bool {
    code.starts_with("204")
}

/// An event noun whose toll its verb tells ("a missile strike on a mall
/// killed 18 people"): told as force done, by whoever did it.
fn toll_of_force_noun(v: &View, t: usize) -> bool {
    v.words[t].upos == "NOUN"
        && v.rel(t) == "nsubj"
        && v.head(t).is_some_and(|h| v.is_in(h, W::Toll))
}

/// A verb's subject, or the one its conjunct lends it ("gunmen killed a
/// policeman and kidnapped two workers").
fn shared_subject(v: &View, t: usize) -> Option<usize> {
    v.child(t, "nsubj").or_else(|| {
        (v.rel(t) == "conj" && !v.passive(t))
            .then(|| v.head(t).and_then(|h| v.child(h, "nsubj")))
            .flatten()
    })
}

/// The word telling of force no actor is named as doing: a subject that is
/// a weapon, a blast or an attacker no dictionary knows ("a minefield
/// explosion killed", "a suicide bomber killed"), or, in the passive with
/// no agent, a verb of force itself ("was shot dead") or a weapon or attack
/// it happened in or by ("was killed in a car bomb explosion"). Not
/// accidents ("killed in a car crash").
fn unnamed_force(v: &View, t: usize, code: &str) -> Option<usize> {
    if !matches!(code.get(..2), Some("18" | "19" | "20")) {
        return None;
    }
    // (a blast named after what blew up by accident is no one's act: "a
    // gas explosion")
    let cue = |c: usize| {
        let named = |rels: &[&str], list: W| {
            v.children[c]
                .iter()
                .any(|&k| rels.contains(&v.rel(k)) && v.is_in(k, list))
        };
        // ("an explosive device": the cue may be an adjective)
        // (or after it: "the explosion of a fuel tanker")
        let of_hazard = v.children[c]
            .iter()
            .any(|&k| v.rel(k) == "nmod" && v.has_case_word(k, "of") && v.is_in(k, W::Hazards));
        (v.is_in(c, W::ForceCues) || named(&["compound", "amod"], W::ForceCues))
            && (weapon_of_mass_destruction(code)
                || !(named(&["compound", "amod"], W::Hazards) || of_hazard))
    };
    if toll_of_force_noun(v, t) && cue(t) {
        return Some(t);
    }
    let dying = v.is_in(t, W::Dying);
    if let Some(s) = shared_subject(v, t).filter(|_| !dying) {
        return (v.party_at[s].is_none() && cue(s)).then_some(s);
    }
    if !v.passive(t) && !dying {
        return None;
    }
    // "killed by a roadside bomb"
    if let Some(a) = agent(v, t) {
        return (v.party_at[a].is_none() && cue(a)).then_some(a);
    }
    if v.is_in(t, W::ForceVerbs) {
        return Some(t);
    }
    v.children[t]
        .iter()
        .copied()
        .filter(|&c| v.rel(c) == "obl")
        .find(|&c| cue(c))
}
