//! The event record (one JSON line per event) and the document pipeline
//! that produces it: segment → analyze → actors → code.

use crate::coder::{code_sentence, Coded, Modality, Party, Unnamed};
use crate::dates::{self, DateMention, Precision};
use crate::ontology::Ontology;
use crate::patterns::Patterns;
use crate::places::{self, Gazetteer, PlaceMention};
use khaldun_actors::{document, Code, Date, Dep, MatchKind, Matcher};
use khaldun_analysis::{AnalyzedSentence, Analyzer};
use khaldun_text::Segmenter;
use khaldun_types::{Document, ParagraphKind, Segmented, Span};
use serde::Serialize;

/// A party to an event, as written in the record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventActor {
    /// Full code (`FRAGOVMIL`).
    pub code: String,
    /// Country or root part (`FRA`, `IGO`, `IMG`).
    pub country: String,
    /// Sector chunks (`GOV`, `MIL`).
    pub sectors: Vec<String>,
    /// The words in this sentence.
    pub text: String,
    /// The actor's name in the document.
    pub name: String,
    /// The document actor's id.
    pub actor_id: String,
}

/// PLOVER coding of an event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PloverCoding {
    /// Event type (`CONSULT`), or null when the CAMEO code has none.
    pub event: Option<&'static str>,
    /// Mode (`visit`, `future` ...), or null.
    pub mode: Option<String>,
    /// Context (`military` ...), or null.
    pub context: Option<String>,
    /// PLOVER's auxiliary modes from the modality and the date: `future`,
    /// `hypothetical`, `negation` (kept negated events), `historical` (an
    /// event dated over a year before the article).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aux: Vec<&'static str>,
}

/// Why the event was coded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// The trigger word as written.
    pub trigger: String,
    /// From the first to the last evidence word, in the document text.
    pub span: Span,
    /// The words of that span.
    pub text: String,
    /// The pattern, as written, and where.
    pub pattern: String,
    /// A frame word that re-coded the event ("ready", "threatened").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frame: Option<String>,
}

/// A place with coordinates.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Location {
    /// Place name.
    pub name: String,
    /// ISO 3166 alpha-3 country.
    pub country: Option<String>,
    /// First-level region.
    pub admin1: Option<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// GeoNames id.
    pub geonames_id: Option<u32>,
    /// The mention.
    pub span: Span,
}

/// One coded event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// The document's id.
    pub doc_id: String,
    /// Sentence index in the document.
    pub sentence: usize,
    /// The sentence.
    pub sentence_text: String,
    /// Date of the event (`YYYY-MM-DD`): the day of the date expression
    /// attached to the trigger, or the first day of its interval; else the
    /// document date.
    pub date: Option<String>,
    /// Precision of `date` when it comes from an expression in the text;
    /// null when it is the document date.
    pub date_precision: Option<Precision>,
    /// Who acts.
    pub source: Option<EventActor>,
    /// Who is acted on.
    pub target: Option<EventActor>,
    /// CAMEO code.
    pub cameo: String,
    /// CAMEO root (two digits).
    pub root: String,
    /// QuadClass 1–4.
    pub quad_class: u8,
    /// Goldstein weight.
    pub goldstein: f32,
    /// PLOVER coding.
    pub plover: PloverCoding,
    /// "did not meet".
    pub negated: bool,
    /// Asserted, future, hypothetical, intent, threat, refusal.
    pub modality: Modality,
    /// Compound actors acting on each other.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub reciprocal: bool,
    /// Where (null until places are resolved).
    pub location: Option<Location>,
    /// Why.
    pub evidence: Evidence,
}

/// One actor of a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocActor {
    /// `A1`, `A2` ... in order of first mention.
    pub id: String,
    /// Name.
    pub name: String,
    /// Code on the document's date.
    pub code: Option<String>,
    /// Country or root part.
    pub country: Option<String>,
    /// Sector chunks.
    pub sectors: Vec<String>,
    /// What it is (`person`, `country` ...).
    pub kind: &'static str,
    /// Role or title ("Prime Minister").
    pub role: Option<String>,
    /// How it was found.
    pub found_by: String,
    /// Where it is mentioned.
    pub mentions: Vec<MentionOut>,
}

/// A mention in output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentionOut {
    /// The words.
    pub text: String,
    /// Where.
    pub span: Span,
    /// How it refers (name, surname, pronoun ...).
    pub how: &'static str,
}

/// A document with its actors and events.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CodedDocument {
    /// The document's id.
    pub doc_id: String,
    /// Its date.
    pub date: Option<String>,
    /// Its actors.
    pub actors: Vec<DocActor>,
    /// Its date and time expressions, resolved against its date.
    pub dates: Vec<DateMention>,
    /// Its events.
    pub events: Vec<Event>,
    /// Its quotes, direct and reported.
    pub quotes: Vec<crate::quotes::Quote>,
    /// Its places, in text order (datelines included).
    pub places: Vec<PlaceMention>,
}

/// What to code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Code captions and headings too.
    pub all_paragraphs: bool,
    /// Keep negated events ("did not meet"), flagged.
    pub keep_negated: bool,
    /// An agent over a list of countries ("the presidents of Iraq and
    /// Egypt", "lawmakers in X and Y") stands for each of them, one event
    /// each (the default, and PETRARCH's reading); otherwise for the first.
    pub agent_over_lists: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            all_paragraphs: false,
            keep_negated: false,
            agent_over_lists: true,
        }
    }
}

/// The whole pipeline, from a document to its events. Build once, share across threads.
#[derive(Debug)]
pub struct Coder<'a> {
    /// Event patterns.
    pub patterns: &'a Patterns,
    /// CAMEO/PLOVER ontology.
    pub ontology: &'a Ontology,
    /// Actor matcher.
    pub matcher: &'a Matcher,
    /// The analysis models.
    pub analyzer: Analyzer,
    /// The segmenter.
    pub segmenter: Segmenter<'a>,
    /// Options.
    pub options: Options,
}

/// Places get party actor numbers from here up (they are not document actors).
const PLACE_BASE: usize = 1 << 30;

/// A party with what the record needs.
struct PartyInfo {
    code: Code,
    /// Other actors the mention stands for (PETRARCH's `[ELR/GAL]`).
    also: Vec<Code>,
    span: Span,
}

/// The other codes a mention coded `code` stands for, when its dictionary
/// entry names several actors at once: each with the agent the mention
/// added (`[FRO/BIL]` + "officials" → `FROGOV`, `BILGOV`).
fn also_codes(m: &Matcher, a: &document::DocActor, code: Code, date: Option<Date>) -> Vec<Code> {
    let Some(role) = a.entry.and_then(|id| m.actor(id).role_on(date)) else {
        return Vec::new();
    };
    let (base, c) = (role.code.as_str(), code.as_str());
    role.also
        .iter()
        .filter_map(|o| {
            let o = o.as_str();
            let joined = if let Some(rest) = c.strip_prefix(base) {
                format!("{o}{rest}")
            } else {
                format!("{}{o}", c.strip_suffix(base)?)
            };
            Code::parse(&joined).ok()
        })
        .collect()
}

impl<'a> Coder<'a> {
    /// A pipeline with the built-in patterns and ontology over `matcher`.
    pub fn new(matcher: &'a Matcher) -> Coder<'a> {
        Coder {
            patterns: Patterns::builtin(),
            ontology: Ontology::builtin(),
            matcher,
            analyzer: Analyzer::builtin(),
            segmenter: Segmenter::default(),
            options: Options::default(),
        }
    }

    /// Codes a document; `date` overrides the document's own.
    pub fn code(&self, doc: &Document, date: Option<&str>) -> CodedDocument {
        let date_str = date.map(str::to_string).or_else(|| {
            doc.date
                .as_deref()
                .and_then(|d| d.get(..10))
                .map(str::to_string)
        });
        let seg = self.segmenter.segment(&doc.text);
        // (the whole document at once: entity labels agree across sentences)
        let analyses: Vec<AnalyzedSentence> = self.analyzer.analyze(&doc.text, &seg);
        self.code_analyzed(doc, &seg, &analyses, date_str)
    }

    /// Codes a document already segmented and analyzed (`analyses[i]` is
    /// sentence `i`'s); `date` is the document date, `YYYY-MM-DD`.
    pub fn code_analyzed(
        &self,
        doc: &Document,
        seg: &Segmented,
        analyses: &[AnalyzedSentence],
        date_str: Option<String>,
    ) -> CodedDocument {
        let text = &doc.text;
        // no date given: a full date in a dateline ("BAGHDAD, Aug 27, 2020
        // (Reuters) -") dates the article
        let date_str = date_str.or_else(|| dateline_date(text, seg));
        let date = date_str.as_deref().and_then(|d| Date::parse(d).ok());
        let resolved = document::resolve(self.matcher, text, seg, analyses, date);
        let date_mentions = dates::find_dates(text, seg, Some(analyses), date);
        let mut actors: Vec<DocActor> = resolved
            .actors
            .iter()
            .map(|a| DocActor {
                id: a.id.clone(),
                name: a.name.clone(),
                code: a.code.map(|c| c.to_string()),
                country: a.country().map(str::to_string),
                sectors: a
                    .code
                    .as_ref()
                    .map_or(Vec::new(), |c| c.sectors().map(str::to_string).collect()),
                kind: a.kind.as_str(),
                role: a.role.clone(),
                found_by: a.found_by.as_str().to_string(),
                mentions: Vec::new(),
            })
            .collect();
        for m in resolved.mentions.iter().flatten() {
            if let Some(a) = actors.get_mut(m.actor) {
                a.mentions.push(MentionOut {
                    text: m.span.slice(text).to_string(),
                    span: m.span,
                    how: m.how.as_str(),
                });
            }
        }
        let gaz = Gazetteer::builtin();
        let countries = places::document_countries(gaz, text, &resolved);
        let mut doc_places = gaz.find_places(text, seg, analyses, &countries);
        // a name the actors know as another country's ("the White House",
        // which GeoNames also lists for Casablanca) is no place of this one
        doc_places.retain(|p| {
            !resolved.mentions.iter().flatten().any(|m| {
                m.span.start < p.span.end
                    && p.span.start < m.span.end
                    && resolved
                        .actors
                        .get(m.actor)
                        .and_then(|a| a.country())
                        .is_some_and(|c| c.len() == 3 && Some(c) != p.country.as_deref())
            })
        });
        let dateline = doc_places.iter().find(|p| p.sentence.is_none());
        let mut events = Vec::new();
        let mut places: Vec<(String, Code)> = Vec::new();
        for (si, (s, a)) in seg.sentences.iter().zip(analyses).enumerate() {
            let kind = seg
                .paragraphs
                .get(s.paragraph as usize)
                .map_or(ParagraphKind::Body, |p| p.kind);
            if kind != ParagraphKind::Body && !self.options.all_paragraphs {
                continue;
            }
            let mut parties = Vec::new();
            let mut info = Vec::new();
            for m in resolved.mentions.get(si).into_iter().flatten() {
                let Some(code) = m.code else { continue };
                let actor = &resolved.actors[m.actor];
                if !actor.kind.is_political() && actor.kind != MatchKind::Sector {
                    continue;
                }
                let mut also = if self.options.agent_over_lists {
                    m.also.clone()
                } else {
                    Vec::new()
                };
                also.extend(also_codes(self.matcher, actor, code, date));
                parties.push(Party {
                    tokens: m.tokens.clone(),
                    head: m.head,
                    actor: m.actor,
                    place: false,
                    person: actor.kind == MatchKind::Person,
                    several: !also.is_empty(),
                    country: actor.country().map(str::to_string),
                });
                info.push(PartyInfo {
                    code,
                    also,
                    span: m.span,
                });
            }
            // places, for visits ("arrived in Baghdad")
            let deps = Dep::of(&a.words);
            let spans: Vec<Span> = s.tokens.iter().map(|t| t.span).collect();
            for m in self.matcher.find(text, &spans, Some(&deps), date) {
                // a place inside a name ("the Jakarta Post") is no place
                let named = resolved
                    .mentions
                    .get(si)
                    .is_some_and(|v| v.iter().any(|x| x.tokens.contains(&m.tokens.start)));
                if m.kind != MatchKind::Place
                    || named
                    || parties
                        .iter()
                        .any(|p: &Party| p.tokens.contains(&m.tokens.start))
                {
                    continue;
                }
                let Some(code) = m.actor.and_then(|id| self.matcher.actor(id).country) else {
                    continue;
                };
                let name = m.span.slice(text).to_string();
                push_place(
                    &mut places,
                    &mut parties,
                    &mut info,
                    a,
                    name,
                    code,
                    &m.tokens,
                    m.span,
                );
            }
            // the gazetteer's towns and regions the actor lists lack ("in
            // Jammu", "in North Waziristan"): places too, of their country,
            // when the parse makes them places and a small town's country
            // is one the document is about (a Madaya in Myanmar and one in
            // Syria)
            for p in doc_places.iter().filter(|p| p.sentence == Some(si)) {
                if p.kind == places::PlaceKind::Country
                    || p.tokens.is_empty()
                    || !p.is_locative_in(a)
                    || !(p.salient() || p.country.as_ref().is_some_and(|c| countries.contains(c)))
                    || parties.iter().any(|q: &Party| {
                        q.tokens.start < p.tokens.end && p.tokens.start < q.tokens.end
                    })
                    // (a place inside a name is none, "the Jakarta Post"; a
                    // name only the tagger found, with no code, may be the place)
                    || resolved.mentions.get(si).is_some_and(|v| {
                        v.iter().any(|x| {
                            x.tokens.start < p.tokens.end
                                && p.tokens.start < x.tokens.end
                                && (x.code.is_some() || x.tokens != p.tokens)
                        })
                    })
                {
                    continue;
                }
                let Some(code) = p.country.as_deref().and_then(|c| Code::parse(c).ok()) else {
                    continue;
                };
                let name = p.span.slice(text).to_string();
                push_place(
                    &mut places,
                    &mut parties,
                    &mut info,
                    a,
                    name,
                    code,
                    &p.tokens,
                    p.span,
                );
            }
            let mut answering = Vec::new();
            let sentence_start = events.len();
            for c in code_sentence(self.patterns, text, a, &parties) {
                if c.negated && !self.options.keep_negated {
                    continue;
                }
                let first = events.len();
                let here: Vec<PlaceMention> = doc_places
                    .iter()
                    .filter(|p| p.sentence == Some(si))
                    .cloned()
                    .collect();
                let location = places::location_for(c.trigger, a, &here, dateline)
                    // force by someone unnamed, told with no place of its
                    // own: the sentence's place, if all its places are in
                    // one country ("an explosion near Samarra killed")
                    .or_else(|| {
                        let first = here.first().filter(|p| {
                            matches!(
                                c.unnamed_source,
                                Some(Unnamed::Unidentified { .. } | Unnamed::Crowd { .. })
                            ) && p.country.is_some()
                        })?;
                        here.iter()
                            .all(|p| p.country == first.country)
                            .then_some(first)
                    });
                let from_dateline = location.is_some_and(|p| p.sentence.is_none());
                let location = location.map(Into::into);
                self.records(
                    doc,
                    si,
                    s.span,
                    a,
                    &c,
                    &parties,
                    &info,
                    &actors,
                    &places,
                    &date_str,
                    (location, from_dateline),
                    &mut events,
                );
                if c.answers {
                    answering.extend(first..events.len());
                }
                let here = dates::in_sentence(&date_mentions, si);
                if let Some(m) = dates::for_trigger(here, a, c.trigger) {
                    if let Some(v) = m.value {
                        for e in &mut events[first..] {
                            e.date = Some(v.start().to_string());
                            e.date_precision = Some(m.precision);
                            let old = v.end().to_string() < year_before(date_str.as_deref());
                            if old && !e.plover.aux.contains(&"historical") {
                                e.plover.aux.push("historical");
                            }
                        }
                    }
                }
            }
            // "vowed to respond": aimed at whoever struck, once the sentence
            // is coded; "condemned the raids": at whoever carried them out
            // (criticism of an act no one is named for is dropped)
            let mut unaimed = Vec::new();
            for e in answering {
                if events.get(e).is_some_and(|x| x.target.is_none()) {
                    let criticism = events[e].root == "11";
                    events[e].target = if criticism {
                        act_author(&events, e)
                    } else if events[e].root == "09" {
                        culprit(&events, e)
                    } else if events[e].cameo == "016" {
                        accuser(&events, e)
                    } else {
                        struck_by(&events, e)
                    };
                    if (criticism || events[e].root == "09") && events[e].target.is_none() {
                        unaimed.push(e);
                    }
                }
            }
            for e in unaimed.into_iter().rev() {
                events.remove(e);
            }
            // "signed a defence agreement, the first such deal between the
            // two allies": one event told twice in a sentence is one event
            let mut k = sentence_start;
            while k < events.len() {
                if (sentence_start..k).any(|j| same_event(&events[j], &events[k])) {
                    events.remove(k);
                } else {
                    k += 1;
                }
            }
        }
        for a in &mut actors {
            a.mentions.sort_by_key(|m| m.span.start);
        }
        CodedDocument {
            doc_id: doc.id.clone(),
            date: date_str,
            actors,
            dates: date_mentions,
            events,
            quotes: crate::quotes::find_quotes(text, seg, analyses, &resolved),
            places: doc_places,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn records(
        &self,
        doc: &Document,
        si: usize,
        sent: Span,
        a: &AnalyzedSentence,
        c: &Coded,
        parties: &[Party],
        info: &[PartyInfo],
        actors: &[DocActor],
        places: &[(String, Code)],
        date: &Option<String>,
        (location, from_dateline): (Option<Location>, bool),
        out: &mut Vec<Event>,
    ) {
        let text = &doc.text;
        // one actor per code of the mention
        let party = |k: usize| -> Vec<EventActor> {
            let p = &parties[k];
            let i = &info[k];
            let (name, id) = match p.actor.checked_sub(PLACE_BASE) {
                Some(k) => (places[k].0.clone(), String::new()),
                None => (actors[p.actor].name.clone(), actors[p.actor].id.clone()),
            };
            std::iter::once(&i.code)
                .chain(&i.also)
                .map(|code| EventActor {
                    code: code.to_string(),
                    country: code.root().to_string(),
                    sectors: code.sectors().map(str::to_string).collect(),
                    text: i.span.slice(text).to_string(),
                    name: name.clone(),
                    actor_id: id.clone(),
                })
                .collect()
        };
        let onto = self.ontology.lookup(&c.code);
        // from the first to the last evidence word, whole mentions included
        let mut first = c.evidence.first().copied().unwrap_or(c.trigger);
        let mut last = c.evidence.last().copied().unwrap_or(c.trigger);
        for &k in c.source.iter().chain(&c.target) {
            let t = &parties[k].tokens;
            if c.evidence.iter().any(|e| t.contains(e)) || t.contains(&c.trigger) {
                first = first.min(t.start);
                last = last.max(t.end - 1);
            }
        }
        let span = Span::new(a.words[first].span.start, a.words[last].span.end);
        let pattern = match c.pattern {
            Some(i) => {
                let pat = self.patterns.get(i);
                format!("{} ({})", pat.text, pat.origin)
            }
            None if c.code == "112" => "belief frame: allegation of force (coder)".to_string(),
            None if c.code == "015" => {
                "belief frame: owning up to one's own act of force (coder)".to_string()
            }
            None if c.code == "016" => {
                "belief frame: denial of one's own hostile act (coder)".to_string()
            }
            None if c.code == "030" && c.reciprocal => {
                "intent frame: agreed to do together (compose.txt)".to_string()
            }
            None if matches!(c.code.as_str(), "043" | "045") => {
                "third party: host or mediator of the talks (coder, words.txt)".to_string()
            }
            None if c.modality == Modality::Asserted => {
                "report frame: must/should (compose.txt)".to_string()
            }
            None => format!("{} frame (compose.txt)", c.modality.as_str()),
        };
        let evidence = Evidence {
            trigger: a.words[c.trigger].span.slice(text).to_string(),
            span,
            text: span.slice(text).to_string(),
            pattern,
            frame: c
                .frame_word
                .map(|w| a.words[w].span.slice(text).to_string()),
        };
        let mut pairs: Vec<(usize, Option<usize>)> = Vec::new();
        // acting on each other: every code of the sources on every other
        // (one mention may stand for several: "Indian and Pakistani troops")
        let mut each_other: Vec<(EventActor, Option<EventActor>)> = Vec::new();
        if c.reciprocal {
            for &s in &c.source {
                for &t in &c.source {
                    let same = parties[s].actor == parties[t].actor;
                    if same && s != t {
                        continue;
                    }
                    for a in party(s) {
                        for b in party(t) {
                            if !(same && a.code == b.code) {
                                each_other.push((a.clone(), Some(b)));
                            }
                        }
                    }
                }
            }
        } else if c.target.is_empty() {
            // an act with no target ("protesters rioted")
            pairs.extend(c.source.iter().map(|&s| (s, None)));
        } else {
            for &s in &c.source {
                for &t in &c.target {
                    pairs.push((s, Some(t)));
                }
            }
        }
        // an arrest with no agent: by the state where it happened; force
        // by someone no one names: by someone of that country
        // (protests no place is given for: by the people of the state
        // they are against, "after weeks of protests against her government")
        let crowd_home = || {
            if a.words.get(c.trigger)?.upos != "NOUN" {
                return None;
            }
            let code = &info.get(*c.target.first()?)?.code;
            let state = code.sectors().any(|s| matches!(s, "GOV" | "LEG" | "JUD"));
            (state && code.root().len() == 3).then(|| code.root().to_string())
        };
        let state = match c.unnamed_source.filter(|_| c.source.is_empty()) {
            Some(u) => location
                .as_ref()
                .and_then(|l| l.country.clone())
                .or_else(|| {
                    matches!(u, Unnamed::Crowd { .. })
                        .then(crowd_home)
                        .flatten()
                })
                .map(|k| {
                    let (text, name) = match u {
                        Unnamed::State => (k.clone(), k.clone()),
                        Unnamed::Unidentified { cue: w } => {
                            // the cue with the nouns before it ("car bomb explosion")
                            let mut from = w;
                            while from > 0 && a.words[from - 1].deprel == "compound" {
                                from -= 1;
                            }
                            let cue = Span::new(a.words[from].span.start, a.words[w].span.end);
                            (cue.slice(text).to_string(), format!("unidentified ({k})"))
                        }
                        Unnamed::Crowd { cue: w } => (
                            a.words[w].span.slice(text).to_string(),
                            format!("civilians ({k})"),
                        ),
                    };
                    let crowd = matches!(u, Unnamed::Crowd { .. });
                    EventActor {
                        code: if crowd { format!("{k}CVL") } else { k.clone() },
                        country: k,
                        sectors: if crowd {
                            vec!["CVL".to_string()]
                        } else {
                            Vec::new()
                        },
                        text,
                        name,
                        actor_id: String::new(),
                    }
                }),
            None => None,
        };
        let by_state: Vec<(EventActor, Option<EventActor>)> = match &state {
            // (no target named: the implied one below, if any)
            Some(st) if c.target.is_empty() => vec![(st.clone(), None)],
            Some(st) => c
                .target
                .iter()
                .flat_map(|&t| party(t))
                .map(|t| (st.clone(), Some(t)))
                .collect(),
            None => Vec::new(),
        };
        let pairs = pairs
            .into_iter()
            .flat_map(|(s, t)| {
                let targets = t.map_or(vec![None], |t| party(t).into_iter().map(Some).collect());
                party(s)
                    .into_iter()
                    .flat_map(move |s| targets.clone().into_iter().map(move |t| (s.clone(), t)))
            })
            .chain(each_other)
            .chain(by_state);
        for (source, target) in pairs {
            // a threat or a promise of force or protest happens where the
            // act would ("threatened to carry out attacks in Kenya")
            let base = c
                .pattern
                .map_or(c.code.as_str(), |i| self.patterns.get(i).code.as_ref());
            let named = target.is_some();
            let target = target.or_else(|| implied_target(c, base, &source, location.as_ref()));
            // a state's own forces firing at home, as far as only the
            // dateline tells ("KYIV - ... air defences shot down 60 of the
            // drones"): aimed at no one we can name
            let at_home = |t: &EventActor| {
                t.country == source.country
                    && (source.sectors.is_empty() || source.sectors.iter().any(|x| x == "MIL"))
            };
            if !named
                && from_dateline
                && matches!(c.code.get(..2), Some("18" | "19" | "20"))
                && target.as_ref().is_some_and(at_home)
            {
                continue;
            }
            // force aimed at no one we can name is too vague to count (a
            // protest may have no target)
            // (a show of force or an alert written with no target may have
            // none either: "North Korea test-fired a ballistic missile")
            let targetless = c.code.starts_with("15")
                && c.pattern
                    .is_some_and(|i| self.patterns.get(i).target.is_none());
            if target.is_none()
                && crate::coder::implied_target(&c.code)
                && !c.code.starts_with("14")
                && !targetless
                && !c.reciprocal
            {
                continue;
            }
            // two mentions of one code on one trigger ("UN Secretary-General
            // Kofi Annan" read as two actors) are one event
            fn code_of(a: &Option<EventActor>) -> Option<&str> {
                a.as_ref().map(|a| a.code.as_str())
            }
            let same_sentence = |e: &&Event| e.sentence == si && e.doc_id == doc.id;
            if out.iter().rev().take_while(same_sentence).any(|e| {
                e.evidence.span == evidence.span
                    && e.cameo == c.code
                    && code_of(&e.source) == Some(source.code.as_str())
                    && code_of(&e.target) == code_of(&target)
            }) {
                continue;
            }
            // a riot by armed men is an assault ("militants stormed a
            // police station": 190, not 145)
            let armed = source
                .sectors
                .iter()
                .any(|s| matches!(s.as_str(), "MIL" | "REB" | "INS" | "UAF"));
            let (code, onto) = if c.code.starts_with("145") && armed {
                ("190".to_string(), self.ontology.lookup("190"))
            } else {
                (c.code.clone(), onto)
            };
            out.push(Event {
                doc_id: doc.id.clone(),
                sentence: si,
                sentence_text: sent.slice(text).to_string(),
                date: date.clone(),
                date_precision: None,
                source: Some(source),
                target,
                root: code.get(..2).unwrap_or(&code).to_string(),
                cameo: code,
                quad_class: onto.map_or(0, |o| o.quad_class.as_u8()),
                goldstein: onto.map_or(0.0, |o| o.goldstein),
                plover: PloverCoding {
                    event: onto.and_then(|o| o.plover).map(|p| p.as_str()),
                    mode: onto.and_then(|o| o.mode.clone()),
                    context: onto.and_then(|o| o.context.clone()),
                    aux: aux_modes(c),
                },
                negated: c.negated,
                modality: c.modality,
                reciprocal: c.reciprocal,
                location: location.clone(),
                evidence: evidence.clone(),
            });
        }
    }
}

/// The day named in a dateline, resolved without a document date (so only
/// an absolute date with its year counts).
fn dateline_date(text: &str, seg: &Segmented) -> Option<String> {
    let spans: Vec<Span> = seg
        .paragraphs
        .iter()
        .filter_map(|p| match p.kind {
            ParagraphKind::Dateline => Some(p.span),
            _ => p.dateline,
        })
        .collect();
    // datelines are kept out of sentences: read each as a sentence of its own
    let tok = khaldun_text::Tokenizer::default();
    spans.into_iter().find_map(|span| {
        let mut tokens = Vec::new();
        tok.tokenize_range(text, span.start as usize..span.end as usize, &mut tokens);
        let one = Segmented {
            paragraphs: vec![khaldun_types::Paragraph {
                span,
                kind: ParagraphKind::Body,
                dateline: None,
            }],
            sentences: vec![khaldun_types::Sentence {
                span,
                paragraph: 0,
                tokens,
            }],
        };
        dates::find_dates(text, &one, None, None)
            .into_iter()
            .find_map(|m| match m.value {
                Some(dates::DateValue::Day(d)) => Some(d.to_string()),
                _ => None,
            })
    })
}

/// A protest, a use of force or coercion with no named target is aimed at
/// the country where it happens ("activists staged a protest in Beijing":
/// China; "tanks fired at targets in Jericho": Palestine), else at the
/// actor's own country ("rebels killed 20 people") when the actor is a
/// part of it other than its military (a state or its army often acts
/// abroad). Marked by an empty `actor_id` and the
/// place or country as its words.
fn implied_target(
    c: &Coded,
    base: &str,
    source: &EventActor,
    at: Option<&Location>,
) -> Option<EventActor> {
    if !crate::coder::implied_target(&c.code) && !crate::coder::implied_target(base) {
        return None;
    }
    // a weapons test or an alert is aimed at no one it does not name
    if matches!(base, "150" | "151") || (base == "152" && at.is_none()) {
        return None;
    }
    let own = source.country.len() == 3
        && source.country.bytes().all(|b| b.is_ascii_uppercase())
        // (coercion and easing it are done at home: "Egypt banned
        // demonstrations", "Ethiopia declared a state of emergency"; force
        // by a bare country may be aimed anywhere)
        && (base.starts_with("14")
            || (base.starts_with("172") && base.len() == 4)
            || base.starts_with("173")
            || base.starts_with("081")
            // (and elections are demanded, and aid let in, at home)
            || base == "1044"
            || base == "0863"
            // (an execution by a state is at home: "Saudi Arabia executed 81 men")
            || base == "1823"
            || (!source.sectors.is_empty()
                && !source.sectors.iter().any(|s| s == "MIL")
                // force told with no place and no target by civilians
                // ("how hard I as a woman had to fight") is a figure of
                // speech; by police, rebels or a government it is not
                && (!matches!(base.get(..2), Some("18" | "19" | "20"))
                    || source
                        .sectors
                        .iter()
                        .any(|s| matches!(s.as_str(), "COP" | "REB" | "INS" | "UAF" | "GOV" | "SPY" | "CRM" | "OPP")))));
    let (country, text) = match at.and_then(|l| l.country.clone().map(|k| (k, l.name.clone()))) {
        Some(x) => x,
        // (not at sea: "fired a missile at a ship in the Red Sea" is not
        // aimed at Yemen; a disputed land, "in Kashmir", is still home)
        None if own && !at.is_some_and(|l| at_sea(&l.name)) => {
            (source.country.clone(), source.country.clone())
        }
        None => return None,
    };
    // a protest against one's own country needs a state, not an IGO or group
    if matches!(
        country.as_str(),
        "IGO" | "NGO" | "IMG" | "MNC" | "UIS" | "INT"
    ) {
        return None;
    }
    Some(EventActor {
        code: country.clone(),
        country: country.clone(),
        sectors: Vec::new(),
        text,
        name: country,
        actor_id: String::new(),
    })
}

/// Whether a place is a body of water ("the Red Sea", "the Strait of
/// Hormuz", "the Gulf").
fn at_sea(name: &str) -> bool {
    const WATER: &[&str] = &[
        "sea",
        "ocean",
        "gulf",
        "strait",
        "straits",
        "bay",
        "channel",
        "mediterranean",
        "baltic",
    ];
    name.split([' ', '-'])
        .any(|w| WATER.contains(&w.to_lowercase().as_str()))
}

fn aux_modes(c: &Coded) -> Vec<&'static str> {
    let mut aux = Vec::new();
    match c.modality {
        Modality::Future | Modality::Intent | Modality::Threat => aux.push("future"),
        Modality::Hypothetical => aux.push("hypothetical"),
        Modality::Asserted | Modality::Refusal => {}
    }
    if c.negated {
        aux.push("negation");
    }
    aux
}

/// `YYYY-MM-DD` one year before the document date ("" when unknown, so no
/// event is historical).
/// Whom a threat to answer a blow is aimed at ("Pakistan vowed to respond"
/// after "Indian warplanes struck ... inside Pakistan"): whom its source
/// blamed in the same sentence, else the author of the latest blow (force,
/// roots 18-20) against the source's country told in this sentence or the
/// three before, else of any blow told in the same sentence. An
/// unidentified author is no one to aim at.
/// Whether two events of a sentence code the same act between the same actors.
fn same_event(a: &Event, b: &Event) -> bool {
    // (by code: a pair's mention carries one actor's id for both)
    fn who(x: &Option<EventActor>) -> Option<&str> {
        x.as_ref().map(|x| x.code.as_str())
    }
    a.cameo == b.cameo
        && who(&a.source) == who(&b.source)
        && who(&a.target) == who(&b.target)
        && a.negated == b.negated
        && a.modality == b.modality
}

fn struck_by(events: &[Event], e: usize) -> Option<EventActor> {
    let me = events.get(e)?;
    let own = &me.source.as_ref()?.country;
    let blamed = events
        .iter()
        .filter(|o| o.sentence == me.sentence && matches!(o.root.as_str(), "11" | "12"))
        .filter(|o| o.source.as_ref().is_some_and(|s| &s.country == own))
        .filter_map(|o| o.target.clone())
        .find(|t| &t.country != own);
    blamed
        .or_else(|| {
            events
                .iter()
                .rev()
                .filter(|o| o.sentence <= me.sentence && o.sentence + 3 >= me.sentence)
                .filter(|o| matches!(o.root.as_str(), "18" | "19" | "20"))
                .filter(|o| o.target.as_ref().is_some_and(|t| &t.country == own))
                .filter_map(|o| o.source.clone())
                .find(|s| &s.country != own && !s.actor_id.is_empty())
        })
        // (or a blow told in the same sentence, where it landed elsewhere: "a
        // U.S. drone strike at Baghdad airport killed ..., and Khamenei vowed
        // harsh revenge")
        .or_else(|| {
            events
                .iter()
                .filter(|o| {
                    o.sentence == me.sentence && matches!(o.root.as_str(), "18" | "19" | "20")
                })
                .filter_map(|o| o.source.clone())
                .find(|s| &s.country != own && !s.actor_id.is_empty())
        })
}

/// Who carried out the act of force that event `e` criticizes: the author
/// of the latest force against the critic's country in its sentence or the
/// three before, else of the latest force told there ("Hamas fighters
/// attacked Israeli towns. France condemned the attack"), if named and not
/// of the critic's country.
fn act_author(events: &[Event], e: usize) -> Option<EventActor> {
    let me = events.get(e)?;
    let own = &me.source.as_ref()?.country;
    let near = |o: &&Event| {
        o.sentence <= me.sentence
            && o.sentence + 3 >= me.sentence
            && o.doc_id == me.doc_id
            && matches!(o.root.as_str(), "18" | "19" | "20")
    };
    let latest = events
        .iter()
        .rev()
        .filter(near)
        .find(|o| o.target.as_ref().is_some_and(|t| &t.country == own))
        .or_else(|| events.iter().rev().find(near))?;
    latest
        .source
        .clone()
        .filter(|s| &s.country != own && !s.actor_id.is_empty())
}

/// Whom investigation `e` of an act of force is aimed at: the author of
/// the latest force told in its sentence or the three before, other than
/// the investigator ("Haiti's 400 Mawozo gang kidnapped 17 missionaries ...
/// Haitian police said they were investigating the abduction").
fn culprit(events: &[Event], e: usize) -> Option<EventActor> {
    let me = events.get(e)?;
    let own = &me.source.as_ref()?.code;
    events[..e]
        .iter()
        .rev()
        .filter(|o| o.sentence + 3 >= me.sentence && o.doc_id == me.doc_id)
        .filter(|o| matches!(o.root.as_str(), "18" | "19" | "20"))
        .find_map(|o| o.source.clone())
        .filter(|s| &s.code != own)
}

/// Who made the accusation event `e` denies: the source of the latest
/// accusation, criticism or lawsuit aimed at the denier's country in its
/// sentence or the three before ("Canada named India's envoy as a person
/// of interest ... New Delhi dismissed the allegations").
fn accuser(events: &[Event], e: usize) -> Option<EventActor> {
    let me = events.get(e)?;
    let own = &me.source.as_ref()?.country;
    events[..e]
        .iter()
        .rev()
        .filter(|o| o.sentence + 3 >= me.sentence && o.doc_id == me.doc_id)
        .filter(|o| o.root == "11" || o.cameo.starts_with("115"))
        .filter(|o| o.target.as_ref().is_some_and(|t| &t.country == own))
        .find_map(|o| o.source.clone())
        .filter(|s| &s.country != own)
}

fn year_before(date: Option<&str>) -> String {
    match date.and_then(|d| Some((d.get(..4)?.parse::<u32>().ok()?, d.get(4..)?))) {
        Some((y, rest)) => format!("{:04}{rest}", y.saturating_sub(1)),
        None => String::new(),
    }
}

/// A place as a party of its sentence: one actor per place name in the
/// document (`places`), standing for its country.
#[allow(clippy::too_many_arguments)]
fn push_place(
    places: &mut Vec<(String, Code)>,
    parties: &mut Vec<Party>,
    info: &mut Vec<PartyInfo>,
    a: &AnalyzedSentence,
    name: String,
    code: Code,
    tokens: &std::ops::Range<usize>,
    span: Span,
) {
    let idx = match places.iter().position(|(n, _)| *n == name) {
        Some(i) => i,
        None => {
            places.push((name, code));
            places.len() - 1
        }
    };
    parties.push(Party {
        tokens: tokens.clone(),
        head: head_of(a, tokens),
        actor: PLACE_BASE + idx,
        place: true,
        person: false,
        several: false,
        country: code.country().map(str::to_string),
    });
    info.push(PartyInfo {
        code,
        also: Vec::new(),
        span,
    });
}

/// The word of `tokens` whose head lies outside them.
fn head_of(a: &AnalyzedSentence, tokens: &std::ops::Range<usize>) -> usize {
    tokens
        .clone()
        .find(|&i| {
            let h = a.words.get(i).map_or(0, |w| w.head as usize);
            h == 0 || !tokens.contains(&(h - 1))
        })
        .unwrap_or(tokens.start)
}
