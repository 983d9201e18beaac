//! Document-level actor resolution: the actors of one article, each with
//! every mention that refers to it.
//!
//! [`resolve`] runs the [`Matcher`] over every sentence (with the parse),
//! then adds what no dictionary lists and links what refers back:
//!
//! - **Discovery.** A title before a name ("Prime Minister Mustafa
//!   Al-Kazemi", "Mr Sam Thorne"); an apposition ("The French Minister of
//!   Armies, Florence Parly"; "her Iraqi counterpart, Jumah Anad", whose
//!   code is the counterpart's country plus the possessor's sectors); a
//!   nationality with a role ("Iraqi security forces", from the matcher's
//!   country + sector merge); sources ("a source in the French Ministry of
//!   the Armed Forces", "the minister's office"); and NER person and
//!   organization entities no rule covered ([`FoundBy::Entity`]).
//! - **Names around a place** ([`FoundBy::PlaceName`]). A capitalized
//!   name that contains a city, site or country by its name and ends with
//!   an organization's head word ("Baghdad University Medical School", "the
//!   Kabul Chamber of Commerce", "University of Nairobi", "the Jakarta
//!   Post"), or an NER organization around such a place ("Kabul Serena
//!   Hotel"), is one actor of the place's country, with the head word's
//!   sectors (`ORG_HEADS`; newspapers and broadcasters are media); its
//!   mention covers the whole name. Dictionary names, "Iraqi Foreign
//!   Ministry" phrases and "Bank of Ghana" (a sector phrase of a country)
//!   are read as before; headlines and text in capitals are left alone.
//! - **Bodies of civil society** ([`FoundBy::OrgName`]). A capitalized
//!   name of two words or more around an association, federation,
//!   society, foundation, committee, network, organization, watch,
//!   observatory or "centre for" that no dictionary lists, and whose only
//!   listed words are countries, is a non-governmental organization of
//!   that country ("the Kenyan Medical Association": KEN NGO), or of none
//!   ("the Ceasefire Violations Committee": NGO).
//! - **Coreference.** Full name, surname and a misspelled surname
//!   ([`MentionHow::Variant`]: edit distance 1 on a surname of at least five
//!   letters with the same first letter, and only when no other person of
//!   the document is that close); role descriptions ("the Minister of the
//!   French armies" → the person of that country whose code has those
//!   sectors, or who holds that office); pronouns; "her country"
//!   ([`MentionHow::CountryOf`]); "the organization" / "the group"; "the
//!   same source"; and a bare "the government" when the sentence names one
//!   country only.
//! - **Context** ([`FoundBy::Context`]). A bare sector phrase nothing else
//!   claimed ("demonstrators", "opposition groups", "police") gets a
//!   country, once the whole document is read: from its own modifiers
//!   ("opposition groups in Zimbabwe", "Baghdad protesters", "a group based
//!   in Trinidad"); else, for its subject, from the one country of its
//!   verb's place phrases ("prisoners rioted at a jail in Dili"; not for
//!   refugees, journalists and the like); else, for a state body
//!   ("Congress", "the army"), from the one leader its sentence names
//!   ("Congress is asking Obama to help Iran"); else from its sentence when every country-coded actor
//!   and place there is of one country ("Egyptian police dispersed
//!   demonstrators"), unless another country dominates the document (a
//!   junta, mutineers or rebels are of the country the sentences before
//!   are most about: "the French foreign ministry called on the mutineers"
//!   in a story about Niger); else,
//!   in a sentence with no country, from the document's dominant country
//!   (at least three mentions and 60% of them; or the dateline's country,
//!   named at least twice and as often as any other), for an unlisted
//!   "President X" too. Never when two countries
//!   are in play and no modifier decides, nor for foreign or owned phrases
//!   ("foreign troops", "UN peacekeepers", "its forces", "Hamas
//!   militants"), modifiers ("civilian government") or generic words
//!   ("people", "delegation"); refugees, journalists and the like only from
//!   their own modifier, as are agents of no stated kind (PETRARCH's). A
//!   list after a preposition ("lawmakers in X and Y") gives the first
//!   country, the others in [`Mention::also`], as does an agent joined to
//!   a list ("the ambassadors of X, Y and Z").
//!   One actor per country + sector code. An unlisted
//!   "President X" takes the same way (modifier or one-country sentence)
//!   its country and the title's sectors.
//!
//! Design. Each sentence is read in two passes. The first collects *items*
//! from the matches and the tokens (names, titles, descriptions, pronouns),
//! the second resolves them in text order against the actors seen so far,
//! so an actor's id follows its first mention and a pronoun sees everything
//! before it. Pronouns prefer a compatible subject earlier in the sentence,
//! then the previous sentence's subject, then the most recent compatible
//! actor within three sentences; an object pronoun never takes the subject
//! of its own clause, and "For his part, X said" is X. Gender comes from
//! the given-name list in `data/actors/first_names.txt` and honorifics
//! (Mr, Mrs, Ms); unknown gender is compatible with both. Everything is
//! guarded so that a doubtful link is left out rather than made: a
//! description with two candidates, a misspelling close to two surnames,
//! a pronoun with no compatible antecedent stay unlinked.
//!
//! Places ([`MatchKind::Place`]) are not actors. Media are actors of kind
//! [`MatchKind::Media`]; the events coder decides what to do with them.

use crate::actor::{ActorId, ActorKind, AgentKind, NameForm, Office};
use crate::code::Code;
use crate::date::Date;
use crate::matcher::{Dep, Match, MatchKind, Matcher, PROXY};
use khaldun_analysis::AnalyzedSentence;
use khaldun_text::normalize::fold_into;
use khaldun_types::{ParagraphKind, Segmented, Span};
use serde::{Serialize, Serializer};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// The actors of one document and their mentions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DocumentActors {
    /// The actors, in order of first mention.
    pub actors: Vec<DocActor>,
    /// `mentions[i]`: sentence `i`'s mentions, sorted by first token,
    /// non-overlapping.
    pub mentions: Vec<Vec<Mention>>,
}

impl DocumentActors {
    /// Every mention of actor `actor` (an index into [`DocumentActors::actors`]), in text order.
    pub fn mentions_of(&self, actor: usize) -> impl Iterator<Item = &Mention> {
        self.mentions
            .iter()
            .flatten()
            .filter(move |m| m.actor == actor)
    }

    /// The mention covering token `token` of sentence `sentence`, if any.
    pub fn mention_at(&self, sentence: usize, token: usize) -> Option<&Mention> {
        self.mentions
            .get(sentence)?
            .iter()
            .find(|m| m.tokens.contains(&token))
    }
}

/// One actor of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocActor {
    /// `A1`, `A2` … in order of first mention.
    pub id: String,
    /// The canonical or fullest name ("Florence Parly", "Iraqi security forces").
    pub name: String,
    /// What it is.
    #[serde(serialize_with = "ser_kind")]
    pub kind: MatchKind,
    /// Its code on the document's date, if known.
    pub code: Option<Code>,
    /// Its role or title ("Minister of the Armed Forces", "Prime Minister").
    pub role: Option<String>,
    /// How it was first found.
    pub found_by: FoundBy,
    /// The dictionary actor, if any (for a country + sector phrase, the country).
    #[serde(serialize_with = "ser_entry")]
    pub entry: Option<ActorId>,
}

impl DocActor {
    /// The actor's country: the code's root when it is a state.
    pub fn country(&self) -> Option<&str> {
        self.code.as_ref().and_then(|c| c.country())
    }
}

fn ser_kind<S: Serializer>(k: &MatchKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(k.as_str())
}

fn ser_entry<S: Serializer>(e: &Option<ActorId>, s: S) -> Result<S::Ok, S::Error> {
    match e {
        Some(a) => s.serialize_some(&a.0),
        None => s.serialize_none(),
    }
}

/// How an actor was first found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FoundBy {
    /// A dictionary name (the built-in knowledge or PETRARCH).
    Dictionary,
    /// A title before an unlisted name ("Prime Minister X", "Mr X").
    TitleName,
    /// An apposition ("the French defence minister, X"; "her counterpart, X").
    Appositive,
    /// A nationality with a role or sector ("Iraqi security forces", "a French minister").
    NationalityRole,
    /// A source ("a source in the ministry", "the minister's office").
    Source,
    /// A definite description with no named actor ("the government" after
    /// an Iraqi subject; "her Iraqi counterpart" unnamed).
    Description,
    /// A named entity from the NER model and nothing else.
    Entity,
    /// A bare sector phrase given a country by its context ("demonstrators
    /// in Baghdad", "Egyptian police dispersed demonstrators").
    Context,
    /// A name around a place no dictionary lists ("Baghdad University",
    /// "the Kabul Chamber of Commerce"): an organization of the place's country.
    PlaceName,
    /// A capitalized name headed by a civil-society word no dictionary
    /// lists ("the Association of African Jurists", "the Ceasefire
    /// Violations Committee"): a non-governmental organization, of the
    /// country its name gives.
    OrgName,
}

impl FoundBy {
    /// The lowercase name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            FoundBy::Dictionary => "dictionary",
            FoundBy::TitleName => "title-name",
            FoundBy::Appositive => "appositive",
            FoundBy::NationalityRole => "nationality-role",
            FoundBy::Source => "source",
            FoundBy::Description => "description",
            FoundBy::Entity => "entity",
            FoundBy::Context => "context",
            FoundBy::PlaceName => "place-name",
            FoundBy::OrgName => "org-name",
        }
    }
}

/// How a mention refers to its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MentionHow {
    /// The full or canonical name (with its title, if any).
    Name,
    /// Another listed name (an abbreviation, a spelling, an adjective).
    Alias,
    /// The surname alone.
    Surname,
    /// A misspelled surname ("Parley" for "Parly").
    Variant,
    /// A pronoun.
    Pronoun,
    /// "her country": the country of the person the pronoun refers to.
    CountryOf,
    /// A description ("the minister", "the same source", "the organization").
    Description,
    /// A role apposed to a name ("The French Minister of Armies, [Florence Parly]").
    Appositive,
    /// A country + sector phrase ("Iraqi security forces").
    Phrase,
}

impl MentionHow {
    /// The lowercase name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            MentionHow::Name => "name",
            MentionHow::Alias => "alias",
            MentionHow::Surname => "surname",
            MentionHow::Variant => "variant",
            MentionHow::Pronoun => "pronoun",
            MentionHow::CountryOf => "country-of",
            MentionHow::Description => "description",
            MentionHow::Appositive => "appositive",
            MentionHow::Phrase => "phrase",
        }
    }
}

/// One mention of an actor in a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// The sentence (index into the segmented document's sentences).
    pub sentence: usize,
    /// Its tokens within the sentence.
    pub tokens: Range<usize>,
    /// The token of the mention's syntactic head (the last token without a parse).
    pub head: usize,
    /// Byte span in the text.
    pub span: Span,
    /// The actor (index into [`DocumentActors::actors`]).
    pub actor: usize,
    /// This mention's code: the actor's, plus sectors the phrase adds; the
    /// country for [`MentionHow::CountryOf`].
    pub code: Option<Code>,
    /// How it refers.
    pub how: MentionHow,
    /// Other codes the mention stands for as well: one agent over a list
    /// of countries ("lawmakers in X and Y", "the ambassadors of X and Y").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Code>,
}

/// Resolves the actors of a document: matches, discovery and coreference.
///
/// `seg` is the segmented `text`; `analyses` its sentences' analyses, in
/// order (a sentence whose analysis is missing or has another length is
/// read without a parse); `date` picks persons' roles.
///
/// ```
/// use khaldun_actors::{document, Date, Knowledge, Matcher, MentionHow};
/// use khaldun_analysis::Analyzer;
/// use khaldun_text::Segmenter;
///
/// let m = Matcher::new(Knowledge::builtin());
/// let text = "Florence Parly met Iraqi officials. She said her country would help.";
/// let seg = Segmenter::default().segment(text);
/// let an = Analyzer::builtin().analyze(text, &seg);
/// let doc = document::resolve(&m, text, &seg, &an, Some(Date::parse("2020-08-27")?));
/// assert_eq!(doc.actors[0].name, "Florence Parly");
/// let she = doc.mention_at(1, 0).unwrap();
/// assert_eq!((she.actor, she.how), (0, MentionHow::Pronoun));
/// # Ok::<(), khaldun_actors::Error>(())
/// ```
pub fn resolve(
    m: &Matcher,
    text: &str,
    seg: &Segmented,
    analyses: &[AnalyzedSentence],
    date: Option<Date>,
) -> DocumentActors {
    let mut r = Resolver {
        m,
        text,
        date,
        out: DocumentActors {
            actors: Vec::new(),
            mentions: vec![Vec::new(); seg.sentences.len()],
        },
        info: Vec::new(),
        keys: HashMap::new(),
        seen: Vec::new(),
        subjects: vec![Vec::new(); seg.sentences.len()],
        cands: Vec::new(),
        pending: Vec::new(),
        place_roots: vec![Vec::new(); seg.sentences.len()],
        dateline_root: None,
    };
    r.dateline_root = dateline_root(&r, seg);
    // "Georgia" in a document about Atlanta is the US state
    let other_places: Vec<&Homonym> = homonyms()
        .iter()
        .filter(|h| h.other_place_in(text))
        .collect();
    let words_of = |si: usize, n: usize| {
        analyses
            .get(si)
            .map(|a| a.words.as_slice())
            .filter(|w| w.len() == n)
            .unwrap_or(&[])
    };
    // every sentence's matches first: the document's countries pick
    // between persons of one name
    let mut all_found: Vec<Vec<Match>> = seg
        .sentences
        .iter()
        .enumerate()
        .map(|(si, s)| {
            let toks: Vec<Span> = s.tokens.iter().map(|t| t.span).collect();
            let deps = Dep::of(words_of(si, toks.len()));
            m.find(
                text,
                &toks,
                (!deps.is_empty()).then_some(deps.as_slice()),
                date,
            )
        })
        .collect();
    pick_by_countries(m, &mut all_found, date);
    seats_for_their_bodies(text, &mut all_found);
    for ((si, s), mut found) in seg.sentences.iter().enumerate().zip(all_found) {
        let toks: Vec<Span> = s.tokens.iter().map(|t| t.span).collect();
        let words = words_of(si, toks.len());
        let entities = analyses
            .get(si)
            .filter(|a| a.words.len() == toks.len())
            .map(|a| a.entities.as_slice())
            .unwrap_or(&[]);
        let kind = seg
            .paragraphs
            .get(s.paragraph as usize)
            .map_or(ParagraphKind::Body, |p| p.kind);
        let sent = Sent::new(text, si, toks, words, kind);
        for x in &mut found {
            let h = other_places.iter().find(|h| x.span.slice(text) == h.name);
            let place_like = matches!(
                x.kind,
                MatchKind::Country | MatchKind::CityMetonym | MatchKind::Place
            );
            if let Some(h) = h.filter(|_| place_like) {
                x.actor = r.country_entry(&h.other_root);
                if h.other_is_country && x.kind == MatchKind::Country {
                    // the other country of that name
                    x.code = Code::parse(&h.other_root).ok();
                } else {
                    // a place of the other country
                    x.kind = MatchKind::Place;
                    x.code = None;
                }
            }
        }
        let items = r.collect(&sent, &found, entities);
        r.resolve_sentence(&sent, &items);
        r.agent_over_list(&sent, &found);
        r.context_candidates(&sent, &found);
    }
    r.resolve_context();
    // an actor that got its code after a mention ("Zalmay Khalilzad, a US
    // peace envoy") lends it to its name mentions
    let codes: Vec<Option<Code>> = r.out.actors.iter().map(|a| a.code).collect();
    for x in r.out.mentions.iter_mut().flatten() {
        if x.code.is_none() && x.how != MentionHow::CountryOf {
            x.code = codes.get(x.actor).copied().flatten();
        }
    }
    for v in &mut r.out.mentions {
        v.sort_by_key(|x| (x.tokens.start, std::cmp::Reverse(x.tokens.end)));
        let mut end = 0;
        v.retain(|x| {
            let keep = x.tokens.start >= end;
            if keep {
                end = x.tokens.end;
            }
            keep
        });
    }
    r.out
}

/// "King Abdullah" is Jordan's or Saudi Arabia's: a person listed under a
/// name other persons with a role on the date share is the one of a
/// country the document names (by a country's or a city's name, or
/// another person of that country), unless the matcher's pick is one.
fn pick_by_countries(m: &Matcher, found: &mut [Vec<Match>], date: Option<Date>) {
    if !found.iter().flatten().any(|x| !x.others.is_empty()) {
        return;
    }
    let root = |x: &Match| -> Option<String> {
        let c = match x.kind {
            MatchKind::Country | MatchKind::CityMetonym => x.code,
            MatchKind::Person if x.others.is_empty() => x.code,
            MatchKind::Place => x.actor.and_then(|a| m.actor(a).country),
            _ => None,
        }?;
        c.country().map(String::from)
    };
    let named: Vec<String> = found.iter().flatten().filter_map(root).collect();
    let of = |a: ActorId| {
        m.actor(a)
            .country
            .and_then(|c| c.country().map(String::from))
    };
    for x in found.iter_mut().flatten() {
        let Some(a) = x.actor.filter(|_| !x.others.is_empty()) else {
            continue;
        };
        if of(a).is_some_and(|r| named.contains(&r)) {
            continue;
        }
        let pick = x
            .others
            .iter()
            .copied()
            .find(|&b| of(b).is_some_and(|r| named.contains(&r)));
        if let Some(b) = pick {
            x.actor = Some(b);
            x.code = m.actor(b).code_on(date);
        }
    }
}

/// A country name news also uses for another place
/// (`data/actors/homonyms.txt`).
#[derive(Debug)]
struct Homonym {
    name: String,
    /// The other place's country ("USA").
    other_root: String,
    /// The other place is that country itself ("Congo" for the Republic
    /// of the Congo, written `=COG`), not a place in it.
    other_is_country: bool,
    country: Vec<String>,
    other: Vec<String>,
}

impl Homonym {
    /// Whether `text` uses the name for the other place: it names it, with
    /// some word of the other place and none of the country.
    fn other_place_in(&self, text: &str) -> bool {
        let has = |w: &String| {
            text.match_indices(w.as_str()).any(|(i, _)| {
                let before = text[..i].chars().next_back();
                let after = text[i + w.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        };
        has(&self.name) && self.other.iter().any(has) && !self.country.iter().any(has)
    }
}

const HOMONYMS: &str = include_str!("../../../data/actors/homonyms.txt");

/// The built-in homonyms; lines that do not parse are skipped (the crate's
/// tests check there are none).
/// Capitals that news uses for the body seated there: the city, the
/// body's code, and words that keep the city its country's.
const SEATS: &[(&str, &str, &[&str])] = &[("Brussels", "IGOEUREEC", &["Belgium", "Belgian"])];

/// "Georgia suspended talks on joining the European Union, accusing
/// Brussels of blackmail": in a document that names the body and not the
/// city's country, the city stands for the body.
fn seats_for_their_bodies(text: &str, found: &mut [Vec<Match>]) {
    for &(city, body, home) in SEATS {
        if home.iter().any(|w| text.contains(w)) {
            continue;
        }
        let named = found
            .iter()
            .flatten()
            .find(|x| {
                x.kind == MatchKind::Organization && x.code.is_some_and(|c| c.as_str() == body)
            })
            .map(|x| (x.actor, x.code));
        let Some((actor, code)) = named else { continue };
        for x in found.iter_mut().flatten() {
            if x.kind == MatchKind::CityMetonym && x.span.slice(text) == city {
                (x.actor, x.code, x.kind) = (actor, code, MatchKind::Organization);
            }
        }
    }
}

fn homonyms() -> &'static [Homonym] {
    static H: OnceLock<Vec<Homonym>> = OnceLock::new();
    H.get_or_init(|| parse_homonyms(HOMONYMS).into_iter().flatten().collect())
}

/// Each line of a homonyms file, `Err` with its line number where malformed.
fn parse_homonyms(src: &str) -> Vec<Result<Homonym, usize>> {
    let list = |s: &str| -> Vec<String> {
        s.split(';')
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(String::from)
            .collect()
    };
    src.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|(i, l)| {
            let f: Vec<&str> = l.split('|').map(str::trim).collect();
            match f.as_slice() {
                [name, _, root, country, other] if !name.is_empty() && !other.is_empty() => {
                    Ok(Homonym {
                        name: name.to_string(),
                        other_root: root.trim_start_matches('=').to_string(),
                        other_is_country: root.starts_with('='),
                        country: list(country),
                        other: list(other),
                    })
                }
                _ => Err(i + 1),
            }
        })
        .collect()
}

// ---------------------------------------------------------------- sentences

/// A sentence's tokens, folded forms and (maybe) parse.
struct Sent<'a> {
    idx: usize,
    toks: Vec<Span>,
    raw: Vec<&'a str>,
    low: Vec<String>,
    words: &'a [khaldun_analysis::Word],
    kind: ParagraphKind,
}

impl<'a> Sent<'a> {
    fn new(
        text: &'a str,
        idx: usize,
        toks: Vec<Span>,
        words: &'a [khaldun_analysis::Word],
        kind: ParagraphKind,
    ) -> Sent<'a> {
        let raw: Vec<&str> = toks
            .iter()
            .map(|t| text.get(t.range()).unwrap_or(""))
            .collect();
        let low = raw
            .iter()
            .map(|r| {
                let mut b = String::new();
                fold_into(r, &mut b);
                b
            })
            .collect();
        Sent {
            idx,
            toks,
            raw,
            low,
            words,
            kind,
        }
    }

    fn len(&self) -> usize {
        self.toks.len()
    }

    fn low(&self, i: usize) -> &str {
        self.low.get(i).map_or("", String::as_str)
    }

    fn is(&self, i: usize, words: &[&str]) -> bool {
        words.contains(&self.low(i))
    }

    /// Not the start of a name: a listed word, or a month or weekday.
    fn not_name(&self, i: usize) -> bool {
        self.is(i, NOT_NAMES) || khaldun_text::calendar::is_month_or_weekday(self.low(i))
    }

    fn parsed(&self) -> bool {
        !self.words.is_empty()
    }

    /// Head (0-based) of token `i`; `None` for the root or without a parse.
    fn head(&self, i: usize) -> Option<usize> {
        let h = self.words.get(i)?.head as usize;
        (h > 0 && h <= self.len()).then(|| h - 1)
    }

    fn deprel(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| w.deprel)
    }

    fn upos(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| w.upos)
    }

    /// "It is expected that ...", "it rained": an `it` that stands for
    /// nothing (its predicate has a that-clause, or is about the weather
    /// or time). The parser's `expl` label is not trusted alone: "it is
    /// willing to withdraw" is about a state.
    fn expletive_it(&self, i: usize) -> bool {
        let Some(h) = self.head(i) else { return false };
        let clausal = (0..self.len())
            .any(|c| self.head(c) == Some(h) && matches!(self.deprel(c), "ccomp" | "csubj"));
        let linking = (0..self.len())
            .any(|c| self.head(c) == Some(h) && matches!(self.deprel(c), "cop" | "aux:pass"));
        let weather = matches!(
            self.words.get(h).map_or("", |w| w.lemma.as_str()),
            "rain" | "snow" | "seem" | "appear" | "take" | "be"
        );
        (clausal && linking) || weather
    }

    /// The syntactic head of tokens `r`: the token whose head lies outside.
    fn head_of(&self, r: &Range<usize>) -> usize {
        let last = r.end.saturating_sub(1).max(r.start);
        if !self.parsed() {
            return last;
        }
        r.clone()
            .find(|&i| self.head(i).is_none_or(|h| !r.contains(&h)))
            .unwrap_or(last)
    }

    fn is_subject(&self, i: usize) -> bool {
        self.deprel(i).starts_with("nsubj")
    }

    /// Token `t`'s rank as an antecedent: 0 the main clause's subject, 1
    /// the owner of a main-clause subject ("Protesters' demands include"),
    /// 2 a subordinate clause's subject; `None` for the others.
    fn subject_rank(&self, t: usize) -> Option<u8> {
        let main = |t: usize| {
            self.head(t).is_none_or(|v| match self.head(v) {
                None => true,
                Some(u) => self.deprel(v) == "conj" && self.head(u).is_none(),
            })
        };
        if self.is_subject(t) {
            return Some(if main(t) { 0 } else { 2 });
        }
        let h = self.head(t)?;
        (self.deprel(t) == "nmod:poss" && self.is_subject(h) && self.upos(h) == "NOUN" && main(h))
            .then_some(1)
    }

    /// The clause (verb or predicate) token `i` belongs to.
    fn clause(&self, i: usize) -> Option<usize> {
        let mut at = self.head(i)?;
        for _ in 0..self.len() {
            let up = self.upos(at);
            if up == "VERB" || up == "AUX" || self.head(at).is_none() {
                return Some(at);
            }
            at = self.head(at)?;
        }
        None
    }

    /// The subject of clause `v`, through conjoined and controlled verbs.
    fn subject_of(&self, v: usize) -> Option<usize> {
        let mut at = v;
        for _ in 0..8 {
            if let Some(s) =
                (0..self.len()).find(|&j| self.head(j) == Some(at) && self.is_subject(j))
            {
                return Some(s);
            }
            if matches!(self.deprel(at), "conj" | "xcomp" | "advcl" | "acl") {
                at = self.head(at)?;
            } else {
                return None;
            }
        }
        None
    }

    fn capitalized(&self, i: usize) -> bool {
        self.raw
            .get(i)
            .and_then(|r| r.chars().next())
            .is_some_and(|c| c.is_uppercase())
    }
}

// ---------------------------------------------------------------- items

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Female,
    Male,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    /// A dictionary actor (persons, organizations, countries).
    Entry(ActorId),
    /// A country + sector group, by code, and whether it is a body
    /// ("the Iraqi government") rather than people ("Iraqi officials").
    Code(Code, bool),
    /// A discovered person or organization, by folded name.
    Name(String),
    /// A nationality + person role with no name, by code and phrase.
    Phrase(Code, usize),
    /// Always a new actor.
    New,
}

#[derive(Debug, Clone)]
struct Named {
    key: Key,
    entry: Option<ActorId>,
    name: String,
    kind: MatchKind,
    code: Option<Code>,
    role: Option<String>,
    office: Option<Office>,
    found_by: FoundBy,
    how: MentionHow,
    gender: Gender,
}

#[derive(Debug, Clone)]
struct RoleDesc {
    /// Country root, if the phrase has one.
    country: Option<Code>,
    /// Country plus all sectors of the phrase.
    code: Option<Code>,
    agent: usize,
    office: Option<Office>,
    /// "the …" or a possessive: may refer back.
    definite: bool,
    text: String,
}

#[derive(Debug, Clone)]
enum What {
    Named(Named),
    Role(RoleDesc),
    Pronoun {
        gender: Gender,
        plural: bool,
        poss: bool,
        country_of: bool,
        part: bool,
    },
    /// "[possessor] [Country] counterpart"; the possessor item's first token.
    Counterpart {
        possessor: Option<usize>,
        country: Option<Code>,
    },
    /// "the organization", "the group", "the coalition".
    OrgDesc {
        word: String,
    },
    /// "the government", "the army": agent index.
    BareSector {
        agent: usize,
    },
    SameSource,
    /// A source or office; the anchor item's first token.
    Source {
        anchor: usize,
        office: bool,
    },
    /// "the two leaders", "both countries": the last two actors named
    /// before (of two countries; or of two codes for "sides", "rivals"
    /// and "foes", which may be of one country), as one mention of both.
    Pair {
        by_code: bool,
    },
}

#[derive(Debug, Clone)]
struct Item {
    tokens: Range<usize>,
    what: What,
    /// The name item this role or description is apposed to.
    appos: Option<usize>,
}

// ---------------------------------------------------------------- resolver

#[derive(Debug, Clone)]
struct Info {
    /// A group of people named by a plural noun ("Chinese officials"),
    /// which "they" can stand for but "it" cannot.
    people: bool,
    gender: Gender,
    office: Option<Office>,
    /// Parts of the person's name, folded (hyphens dropped).
    parts: Vec<String>,
    source: bool,
}

struct Seen {
    actor: usize,
    sentence: usize,
    token: usize,
}

struct Resolver<'a> {
    m: &'a Matcher,
    text: &'a str,
    date: Option<Date>,
    out: DocumentActors,
    info: Vec<Info>,
    keys: HashMap<Key, usize>,
    /// Every mention so far, in text order.
    seen: Vec<Seen>,
    /// Per sentence: actors mentioned as subjects, in order, each with its
    /// rank as an antecedent: 0 the main clause's subject, 1 the owner of a
    /// main-clause subject no actor is ("Protesters' demands include"), 2 a
    /// subordinate clause's subject.
    subjects: Vec<Vec<(u8, usize)>>,
    /// Bare sector phrases and untitled-country persons waiting for a country.
    cands: Vec<Cand>,
    /// Plural pronouns waiting for a phrase of `cands` (index), with their
    /// sentence and token: "Protesters' demands include ... They had asked".
    pending: Vec<(usize, usize, usize, Span)>,
    /// Per sentence: the countries of its places ("in Baghdad").
    place_roots: Vec<Vec<String>>,
    /// The country of the document's dateline ("NAIROBI, March 12 (Reuters) -").
    dateline_root: Option<String>,
}

/// The country of the first dateline's place: its words before a comma,
/// bracket or dash, read in title case ("NAIROBI" → Nairobi → KEN).
fn dateline_root(r: &Resolver<'_>, seg: &Segmented) -> Option<String> {
    let d = seg.paragraphs.iter().find_map(|p| p.dateline)?;
    let raw = d.slice(r.text);
    let place = raw
        .split([',', '(', '-', '\u{2014}', '\u{2013}', ':'])
        .next()?
        .trim();
    let mut titled = String::new();
    let mut spans = Vec::new();
    for w in place.split_whitespace().take(4) {
        if !titled.is_empty() {
            titled.push(' ');
        }
        let start = titled.len();
        let mut cs = w.chars();
        if let Some(f) = cs.next() {
            titled.extend(f.to_uppercase());
            titled.push_str(&cs.as_str().to_lowercase());
        }
        spans.push(Span::new(start as u32, titled.len() as u32));
    }
    r.m.find(&titled, &spans, None, r.date)
        .iter()
        .find_map(|x| r.match_root(x))
}

const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "abu", "de", "da", "di", "du", "van", "von", "der", "den",
    "la", "le", "del", "dos", "ben",
];
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "in", "on", "at", "of", "for", "to", "with", "by",
    "from", "he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "its", "our",
    "this", "that", "these", "those", "as", "after", "before", "during", "when", "while", "if",
    "said", "says", "told",
];
/// Plural nouns that "the two" or "both" make a pair of actors named before
/// (not "men" or "parties": two suspects, two parties of one country).
#[rustfmt::skip]
const PAIR_NOUNS: &[&str] = &[
    "leaders", "countries", "sides", "nations", "presidents", "governments", "neighbours",
    "neighbors", "states", "rivals", "allies", "ministers", "premiers", "foes", "capitals",
    "powers",
];

const HONORIFICS: &[(&str, Gender)] = &[
    ("mr", Gender::Male),
    ("mr.", Gender::Male),
    ("mrs", Gender::Female),
    ("mrs.", Gender::Female),
    ("ms", Gender::Female),
    ("ms.", Gender::Female),
    ("miss", Gender::Female),
    ("madam", Gender::Female),
    ("sir", Gender::Male),
    ("dr", Gender::Unknown),
    ("dr.", Gender::Unknown),
    // military ranks, abbreviated ("Lt Gen", "Col.")
    ("gen", Gender::Unknown),
    ("gen.", Gender::Unknown),
    ("lt", Gender::Unknown),
    ("lt.", Gender::Unknown),
    ("col", Gender::Unknown),
    ("col.", Gender::Unknown),
    ("maj", Gender::Unknown),
    ("maj.", Gender::Unknown),
    ("capt", Gender::Unknown),
    ("capt.", Gender::Unknown),
    ("sgt", Gender::Unknown),
    ("sgt.", Gender::Unknown),
    ("adm", Gender::Unknown),
    ("adm.", Gender::Unknown),
    ("brig", Gender::Unknown),
];
const ORG_WORDS: &[&str] = &[
    "organization",
    "organisation",
    "group",
    "movement",
    "bloc",
    "alliance",
];
/// Where a description of a state or an organization ending at noun `i`
/// starts: "the" with at most two modifiers between, none of them another
/// actor's word or one that makes it another state or no organization
/// ("the neighbouring country", "the ethnic group").
fn described_from(s: &Sent<'_>, covered: &[bool], i: usize) -> Option<usize> {
    let not = if STATE_WORDS.contains(&s.low(i)) {
        OTHER_STATE
    } else {
        NOT_ORG
    };
    // (a hyphenated modifier counts once: "the al Qaeda-linked group", and
    // the patron's name in it is no actor of the description)
    let mut groups = 0;
    let mut patron = false;
    for m in (i.saturating_sub(8)..i).rev() {
        if s.is(m, &["the"]) {
            return Some(m);
        }
        let hyphen = |k: usize| s.is(k, &["-"]);
        if hyphen(m) {
            continue;
        }
        let after_hyphen = m > 0 && hyphen(m - 1);
        let word =
            matches!(s.upos(m), "ADJ" | "NOUN" | "PROPN") || (s.upos(m) == "VERB" && after_hyphen);
        patron = s.upos(m) == "PROPN" && (patron || (hyphen(m + 1) && s.is(m + 2, PROXY)));
        if !word || (covered[m] && !patron) || s.is(m, not) {
            return None;
        }
        if !hyphen(m + 1) {
            groups += 1;
        }
        if groups > 2 {
            return None;
        }
    }
    None
}

/// Modifiers that make a group no organization ("the ethnic group").
const NOT_ORG: &[&str] = &[
    "ethnic",
    "age",
    "working",
    "focus",
    "minority",
    "study",
    "research",
    "control",
    "income",
    "blood",
    "same",
    "other",
    "two",
    "both",
    "first",
    "second",
    "whole",
    "entire",
    "largest",
    "language",
    "population",
    "risk",
    "user",
    "size",
];
/// Nouns that "the" makes a description of a state named before ("the
/// kingdom", "the island nation", "the country").
const STATE_WORDS: &[&str] = &["country", "kingdom", "nation", "emirate"];
/// The states a "kingdom" or an "emirate" may be.
const MONARCHIES: &[&str] = &[
    "SAU", "JOR", "MAR", "GBR", "ESP", "NLD", "BEL", "NOR", "SWE", "DNK", "THA", "BHR", "KWT",
    "OMN", "QAT", "ARE", "BTN", "KHM", "SWZ", "LSO", "BRN", "MYS", "TON", "LIE", "MCO", "AND",
    "JPN",
];
/// Modifiers that make such a description another state than the last one
/// named ("the neighbouring country").
const OTHER_STATE: &[&str] = &[
    "neighbouring",
    "neighboring",
    "other",
    "another",
    "host",
    "home",
    "two",
    "both",
    "third",
    "foreign",
    "whole",
    "entire",
    "same",
    "donor",
    "member",
    "poor",
    "poorest",
    "rich",
    "richest",
];
const SOURCE_PREPS: &[&str] = &[
    "in", "at", "from", "within", "inside", "close", "near", "with",
];
const WINDOW: usize = 3;

fn first_names() -> &'static HashMap<String, Gender> {
    static N: OnceLock<HashMap<String, Gender>> = OnceLock::new();
    N.get_or_init(|| {
        let mut out = HashMap::new();
        for rec in crate::format::records(include_str!("../../../data/actors/first_names.txt")) {
            let g = match rec.field(0) {
                "female" => Gender::Female,
                "male" => Gender::Male,
                _ => continue,
            };
            for n in crate::format::list(rec.field(1)) {
                let mut b = String::new();
                fold_into(n, &mut b);
                // a name listed for both genders is unknown
                match out.get(&b) {
                    Some(&old) if old != g => {
                        out.insert(b, Gender::Unknown);
                    }
                    _ => {
                        out.insert(b, g);
                    }
                }
            }
        }
        out
    })
}

/// Gender from a given name (the first part of a full name).
fn gender_of_name(parts: &[String]) -> Gender {
    if parts.len() < 2 {
        return Gender::Unknown;
    }
    first_names()
        .get(parts[0].as_str())
        .copied()
        .unwrap_or(Gender::Unknown)
}

/// The parts of a name: folded, split at hyphens and spaces.
fn name_parts(s: &str) -> Vec<String> {
    let mut b = String::new();
    fold_into(s, &mut b);
    b.split(|c: char| c == '-' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect()
}

/// The office a person-role phrase names, if it is one of the tracked ones.
fn office_of_phrase(p: &str) -> Option<Office> {
    let p = p.to_lowercase();
    Some(match p.as_str() {
        "president" | "head of state" | "king" | "emir" | "monarch" => Office::HeadOfState,
        "prime minister" | "premier" | "chancellor" | "head of government" => {
            Office::HeadOfGovernment
        }
        _ if p.starts_with("foreign minister") || p.contains("foreign affairs") => {
            Office::ForeignMinister
        }
        _ if p.starts_with("defence minister")
            || p.starts_with("defense minister")
            || p.contains("armed forces")
            || p.contains("armies")
            || p.contains("of defen") =>
        {
            Office::DefenceMinister
        }
        _ => return None,
    })
}

/// Levenshtein distance, small strings.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// "the International Labor Office (ILO)": a name no list codes, followed by
/// a listed name in brackets, is that actor.
fn link_acronyms(s: &Sent<'_>, items: &mut [Item]) {
    for k in 0..items.len() {
        let end = items[k].tokens.end;
        let uncoded = matches!(&items[k].what, What::Named(nm) if nm.code.is_none());
        if !uncoded || !s.is(end, &["("]) {
            continue;
        }
        let listed = items.iter().find_map(|it| match &it.what {
            What::Named(nm)
                if it.tokens.start == end + 1
                    && nm.code.is_some()
                    && s.is(it.tokens.end, &[")"]) =>
            {
                Some(nm.clone())
            }
            _ => None,
        });
        if let (Some(nm), What::Named(own)) = (listed, &mut items[k].what) {
            let how = own.how;
            *own = nm;
            own.how = how;
        }
    }
}

/// Head words of an organization's name, folded, with the sectors they
/// give it (codes.txt) and whether the name is a newspaper's or a
/// broadcaster's (an actor of kind media, as listed media are). No sector:
/// a facility or a club, coded as its country alone ("Mosul Dam").
const ORG_HEADS: &[(&str, &str, bool)] = &[
    ("university", "EDU", false),
    ("college", "EDU", false),
    ("school", "EDU", false),
    ("academy", "EDU", false),
    ("institute", "EDU", false),
    ("polytechnic", "EDU", false),
    ("hospital", "HLH", false),
    ("clinic", "HLH", false),
    ("infirmary", "HLH", false),
    ("bank", "BUS", false),
    ("exchange", "BUS", false),
    ("bourse", "BUS", false),
    ("chamber", "BUS", false),
    ("company", "BUS", false),
    ("corporation", "BUS", false),
    ("corp", "BUS", false),
    ("airways", "BUS", false),
    ("airlines", "BUS", false),
    ("holdings", "BUS", false),
    ("industries", "BUS", false),
    ("post", "MED", true),
    ("times", "MED", true),
    ("herald", "MED", true),
    ("tribune", "MED", true),
    ("gazette", "MED", true),
    ("chronicle", "MED", true),
    ("observer", "MED", true),
    ("journal", "MED", true),
    ("radio", "MED", true),
    ("television", "MED", true),
    ("tv", "MED", true),
    ("court", "JUD", false),
    ("tribunal", "JUD", false),
    ("police", "COP", false),
    ("council", "GOV", false),
    ("authority", "GOV", false),
    ("municipality", "GOV", false),
    ("mosque", "REL", false),
    ("church", "REL", false),
    ("cathedral", "REL", false),
    ("synagogue", "REL", false),
    ("diocese", "REL", false),
    ("airport", "", false),
    ("port", "", false),
    ("stadium", "", false),
    ("dam", "", false),
    ("club", "", false),
];

/// Bare role nouns of a coup or an insurgency: of the country a story is
/// about, whoever speaks of them.
const CRISIS_WORDS: &[&str] = &[
    "junta",
    "juntas",
    "mutineers",
    "mutineer",
    "putschists",
    "putschist",
    "plotters",
    "rebels",
    "insurgents",
];

/// The code of the organization, armed group or news outlet whose match
/// ends at token `at` ("[Hamas] spokesman", "[Wall Street Journal] reporter").
fn org_ending_at(found: &[Match], at: usize) -> Option<Code> {
    found
        .iter()
        .find(|y| {
            y.tokens.end == at
                && matches!(
                    y.kind,
                    MatchKind::Organization | MatchKind::ArmedGroup | MatchKind::Media
                )
        })
        .and_then(|y| y.code)
}

/// Officers named after their organization: "CIA director William Burns",
/// "Wall Street Journal reporter Evan Gershkovich".
const ORG_OFFICERS: &[&str] = &[
    "reporter",
    "correspondent",
    "journalist",
    "editor",
    "columnist",
    "photographer",
    "director",
    "chief",
    "head",
    "leader",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commander",
    "chairman",
    "chairwoman",
    "chair",
    "boss",
    "negotiator",
    "envoy",
];

/// Head words of civil-society bodies ([`Resolver::ngo_orgs`]); not
/// "council", "union", "league", "alliance" or "movement", which name
/// state bodies, parties and armed groups as often.
const NGO_HEADS: &[&str] = &[
    "association",
    "federation",
    "society",
    "foundation",
    "committee",
    "network",
    "organization",
    "organisation",
    "watch",
    "observatory",
    "centre",
    "center",
];

/// The sectors and media flag of a folded head word ([`ORG_HEADS`]).
fn org_head(word: &str) -> Option<(&'static str, bool)> {
    ORG_HEADS
        .iter()
        .find(|(w, _, _)| *w == word)
        .map(|&(_, c, m)| (c, m))
}

/// A match that names a place an organization can be named after: a city
/// or site, or a country by its name ("Ghana"; not "Ghanaian" nor
/// "Ghanaians", and not a country + sector phrase).
fn place_like(x: &Match) -> bool {
    match x.kind {
        MatchKind::Place | MatchKind::CityMetonym => x.agent.is_none(),
        MatchKind::Country => {
            x.agent.is_none()
                && matches!(x.form, None | Some(NameForm::Canonical | NameForm::Alias))
                && x.code.is_none_or(|c| c.sectors().next().is_none())
        }
        _ => false,
    }
}

/// Names found before the matches are read one by one: items, their tokens covered.
fn push_names(items: &mut Vec<Item>, covered: &mut [bool], names: Vec<(Range<usize>, Named)>) {
    for (tokens, named) in names {
        let end = tokens.end.min(covered.len());
        for c in &mut covered[tokens.start.min(end)..end] {
            *c = true;
        }
        items.push(Item {
            tokens,
            what: What::Named(named),
            appos: None,
        });
    }
}

/// Which of `n` tokens the items cover.
fn covered_by(items: &[Item], n: usize) -> Vec<bool> {
    let mut taken = vec![false; n];
    for it in items {
        for t in it.tokens.clone().filter(|&t| t < n) {
            taken[t] = true;
        }
    }
    taken
}

/// The match covering each token of `s`, or `None` where capitalized runs
/// are not read as names: headings, bylines and text in capitals
/// (headlines capitalize every word).
fn name_cover(s: &Sent<'_>, found: &[Match], used: &[bool]) -> Option<Vec<Option<usize>>> {
    let n = s.len();
    let caps = (0..n)
        .filter(|&i| {
            let r = s.raw.get(i).copied().unwrap_or("");
            r.chars().filter(|c| c.is_alphabetic()).count() > 1
                && !r.chars().any(char::is_lowercase)
        })
        .count();
    if matches!(s.kind, ParagraphKind::Heading | ParagraphKind::Byline)
        || n == 0
        || caps * 2 > n
        || used.len() != found.len()
    {
        return None;
    }
    let mut cover: Vec<Option<usize>> = vec![None; n];
    for (k, x) in found.iter().enumerate() {
        for c in cover
            .iter_mut()
            .take(x.tokens.end.min(n))
            .skip(x.tokens.start)
        {
            *c = Some(k);
        }
    }
    Some(cover)
}

/// Marks the matches inside tokens `r` as used.
fn mark_used(found: &[Match], used: &mut [bool], r: &Range<usize>) {
    for (u, y) in used.iter_mut().zip(found) {
        if r.start <= y.tokens.start && y.tokens.end <= r.end {
            *u = true;
        }
    }
}

/// Nouns for a person's followers ("Trump supporters").
const FOLLOWERS: &[&str] = &[
    "supporters",
    "supporter",
    "followers",
    "loyalists",
    "backers",
    "partisans",
    "devotees",
];

/// Words of direction before a country's name ("in south Serbia").
const DIRECTIONS: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
];

/// The country match after `at` and one of `preps` (and "the"), with its index.
fn country_after<'f>(
    s: &Sent<'_>,
    found: &'f [Match],
    at: usize,
    preps: &[&str],
) -> Option<(usize, &'f Match)> {
    if !s.is(at, preps) {
        return None;
    }
    let j = if s.is(at + 1, &["the"]) {
        at + 2
    } else {
        at + 1
    };
    found
        .iter()
        .enumerate()
        .find(|(_, y)| y.tokens.start == j && y.kind == MatchKind::Country)
}

/// The country matches coordinated with match `y` ("X, Y and Z"), by the parse.
fn conjunct_countries<'f>(s: &Sent<'_>, found: &'f [Match], y: &Match) -> Vec<&'f Match> {
    let head = |r: &Range<usize>| {
        r.clone()
            .find(|&t| !s.head(t).is_some_and(|h| r.contains(&h)))
    };
    let Some(yh) = head(&y.tokens) else {
        return Vec::new();
    };
    found
        .iter()
        .filter(|c| {
            c.kind == MatchKind::Country
                && c.agent.is_none()
                && c.code.is_some()
                && c.form != Some(NameForm::People)
                && head(&c.tokens).is_some_and(|t| s.head(t) == Some(yh) && s.deprel(t) == "conj")
        })
        .collect()
}

fn is_person_agent(m: &Matcher, x: &Match) -> bool {
    x.agent
        .and_then(|g| m.agents().get(g))
        .is_some_and(|g| g.kind == Some(AgentKind::Person))
        && matches!(x.kind, MatchKind::Sector | MatchKind::Country)
}

impl<'a> Resolver<'a> {
    /// "The ambassadors of X, Y and Z": the agent phrase joined to X stands
    /// for each country of the list.
    fn agent_over_list(&mut self, s: &Sent<'_>, found: &[Match]) {
        let m = self.m;
        for men in self.out.mentions[s.idx].iter_mut() {
            // "Indian and Pakistani troops": the matcher joined the list
            if let Some(x) = found
                .iter()
                .find(|x| !x.also.is_empty() && x.tokens == men.tokens)
            {
                men.also = x
                    .also
                    .iter()
                    .filter(|c| Some(**c) != men.code)
                    .copied()
                    .collect();
                continue;
            }
            if men.how != MentionHow::Phrase || !men.also.is_empty() {
                continue;
            }
            let agent = found
                .iter()
                .find(|x| x.kind == MatchKind::Sector && x.tokens.start == men.tokens.start)
                .and_then(|x| m.agents().get(x.agent?));
            let y = found.iter().find(|y| {
                y.kind == MatchKind::Country
                    && y.agent.is_none()
                    && y.tokens.end == men.tokens.end
                    && y.tokens.start > men.tokens.start
            });
            let (Some(agent), Some(y)) = (agent, y) else {
                continue;
            };
            men.also = conjunct_countries(s, found, y)
                .iter()
                .filter_map(|c| agent.apply(&c.code?).ok())
                .filter(|c| Some(*c) != men.code)
                .collect();
        }
    }

    /// Whether a plural noun is a phrase of people with no country
    /// ("protesters", "soldiers"), as the sector list has it.
    fn people_word(&self, w: &str) -> bool {
        self.m
            .agents()
            .iter()
            .any(|a| a.kind == Some(AgentKind::People) && a.phrases.iter().any(|p| p == w))
    }

    fn agent_phrase(&self, g: usize) -> &str {
        self.m
            .agents()
            .get(g)
            .and_then(|a| a.phrases.first())
            .map_or("", String::as_str)
    }

    fn slice(&self, s: &Sent<'_>, r: &Range<usize>) -> String {
        match (s.toks.get(r.start), s.toks.get(r.end.wrapping_sub(1))) {
            (Some(a), Some(b)) if r.start < r.end => self
                .text
                .get(a.start as usize..b.end as usize)
                .unwrap_or("")
                .to_string(),
            _ => String::new(),
        }
    }

    /// Capitalized name tokens from `i` ("Sam Thorne", "Omar al-Rashid"),
    /// stopping at covered tokens; at most six tokens.
    fn name_run(&self, s: &Sent<'_>, i: usize, covered: &[bool]) -> Option<Range<usize>> {
        let ok_start = |k: usize| {
            s.capitalized(k)
                && !covered.get(k).copied().unwrap_or(true)
                && !s.not_name(k)
                && s.raw[k].chars().any(char::is_alphabetic)
        };
        if i >= s.len() || !ok_start(i) {
            return None;
        }
        let mut end = i + 1;
        while end < s.len() && end - i < 6 && !covered[end] {
            let k = end;
            if ok_start(k) && s.upos(k) != "VERB" {
                end += 1;
            } else if (s.raw[k] == "-" || s.is(k, PARTICLES)) && k + 1 < s.len() && ok_start(k + 1)
            {
                end += 2;
            } else {
                break;
            }
        }
        Some(i..end.min(s.len()))
    }

    // ------------------------------------------------------------ pass 1

    fn collect(
        &self,
        s: &Sent<'_>,
        found: &[Match],
        entities: &[khaldun_analysis::Entity],
    ) -> Vec<Item> {
        let m = self.m;
        let n = s.len();
        let mut covered = vec![false; n];
        for x in found {
            for c in covered
                .iter_mut()
                .take(x.tokens.end.min(n))
                .skip(x.tokens.start)
            {
                *c = true;
            }
        }
        let mut items: Vec<Item> = Vec::new();
        let mut used = vec![false; found.len()];
        // "Baghdad University", "the Tehran Stock Exchange": a name around a
        // place is an organization of the place's country; its matches are
        // taken before the loop below reads them one by one
        let orgs = self.place_orgs(s, found, entities, &mut used);
        push_names(&mut items, &mut covered, orgs);
        // "the Association of African Jurists": an unlisted body of civil
        // society, outside the names above
        let taken = covered_by(&items, n);
        let orgs = self.ngo_orgs(s, found, &mut used, &taken);
        push_names(&mut items, &mut covered, orgs);
        let mut k = 0;
        while k < found.len() {
            let x = &found[k];
            // "Turkish-backed rebels": the patron takes no part in what the
            // rebels do ("the al Qaeda-linked group" is not al Qaeda)
            let patron = matches!(
                x.kind,
                MatchKind::Country | MatchKind::ArmedGroup | MatchKind::Organization
            ) && x.agent.is_none()
                && s.is(x.tokens.end, &["-"])
                && s.is(x.tokens.end + 1, PROXY);
            // "the Sea of Japan", "the Gulf of Guinea": waters, not the country
            let waters = x.kind == MatchKind::Country
                && x.agent.is_none()
                && x.tokens.start >= 2
                && s.is(x.tokens.start - 1, &["of"])
                && s.is(
                    x.tokens.start - 2,
                    &[
                        "sea", "gulf", "bay", "strait", "straits", "ocean", "channel",
                    ],
                );
            if used[k] || x.kind == MatchKind::Place || patron || waters {
                k += 1;
                continue;
            }
            if is_person_agent(m, x) {
                // a nationality the parse did not join to the title ("Chilean
                // Defence Minister Ramona Quispe"): join it here
                let mut x = x.clone();
                if x.kind == MatchKind::Sector {
                    let prev = items.last().and_then(|p| match &p.what {
                        What::Named(nm)
                            if nm.kind == MatchKind::Country
                                && nm.how != MentionHow::Phrase
                                && p.tokens.end == x.tokens.start =>
                        {
                            Some((p.tokens.start, nm.code))
                        }
                        _ => None,
                    });
                    let agent = x.agent.and_then(|g| m.agents().get(g));
                    if let (Some((start, Some(c))), Some(agent)) = (prev, agent) {
                        if let Ok(code) = agent.apply(&c) {
                            items.pop();
                            x.tokens = start..x.tokens.end;
                            x.span = Span::new(s.toks[start].start, x.span.end);
                            x.code = Some(code);
                            x.kind = MatchKind::Country;
                        }
                    }
                }
                let x = &x;
                // title + name: a person match, an honorific or a name run next
                // (or a name listed only with the title's country: "Bree
                // Prime Minister Romendacil" in a PETRARCH dictionary)
                let next = found.get(k + 1).filter(|y| {
                    y.tokens.start == x.tokens.end
                        && (y.kind == MatchKind::Person
                            || (y.kind == MatchKind::Country
                                && y.agent.is_none()
                                && y.code.is_some_and(|c| c.sectors().next().is_none())
                                && y.code
                                    .zip(x.code)
                                    .is_some_and(|(a, b)| a.root() == b.root())))
                });
                if let Some(y) = next {
                    let mut named = self.named(s, y);
                    // "President Levy Mwanawasa" in a text dated outside his
                    // term: the title says what he is
                    // (with the title's own country when it names one:
                    // "Serbian President Vojislav Kostunica")
                    if let (Some(c), Some(ag)) =
                        (named.code, x.agent.and_then(|g| self.m.agents().get(g)))
                    {
                        if y.kind == MatchKind::Person && c.sectors().next().is_none() {
                            let titled = x.code.filter(|t| t.country().is_some());
                            if let Some(cc) = titled.or_else(|| ag.apply(&c).ok()) {
                                named.code = Some(cc);
                            }
                        }
                    }
                    // "former Brazilian President Jair Bolsonaro": an elite of
                    // his country, not its government
                    let former = x.tokens.start > 0 && s.is(x.tokens.start - 1, &["former", "ex"]);
                    if former && y.kind == MatchKind::Person {
                        let root = named
                            .code
                            .or(x.code)
                            .and_then(|c| c.country().map(str::to_string));
                        if let Some(elite) = root.and_then(|r| Code::parse(&format!("{r}ELI")).ok())
                        {
                            named.code = Some(elite);
                        }
                    }
                    if named.role.is_none() {
                        named.role = Some(self.title_text(s, x));
                    }
                    if named.code.is_none() {
                        named.code = x.code.filter(|c| c.country().is_some());
                    }
                    if y.kind == MatchKind::Country {
                        named.code = x.code;
                        named.kind = MatchKind::Person;
                    }
                    if named.office.is_none() {
                        named.office = x.agent.and_then(|g| office_of_phrase(self.agent_phrase(g)));
                    }
                    named.how = MentionHow::Name;
                    items.push(Item {
                        tokens: x.tokens.start..y.tokens.end,
                        what: What::Named(named),
                        appos: None,
                    });
                    used[k + 1] = true;
                    k += 2;
                    continue;
                }
                if let Some(run) = self.name_run(s, x.tokens.end, &covered) {
                    let name = self.slice(s, &run);
                    let parts = name_parts(&name);
                    for c in covered.iter_mut().take(run.end).skip(run.start) {
                        *c = true;
                    }
                    // "Hamas spokesman Hazem Qassem": an organization's officer is of it
                    let officer_of = (x.code.is_none() && s.is(x.tokens.end - 1, ORG_OFFICERS))
                        .then(|| org_ending_at(found, x.tokens.start))
                        .flatten();
                    items.push(Item {
                        tokens: x.tokens.start..run.end,
                        what: What::Named(Named {
                            key: Key::Name(parts.join(" ")),
                            entry: None,
                            gender: gender_of_name(&parts),
                            name,
                            kind: MatchKind::Person,
                            code: x.code.filter(|c| c.country().is_some()).or(officer_of),
                            role: Some(self.title_text(s, x)),
                            office: x.agent.and_then(|g| office_of_phrase(self.agent_phrase(g))),
                            found_by: FoundBy::TitleName,
                            how: MentionHow::Name,
                        }),
                        appos: None,
                    });
                    k += 1;
                    continue;
                }
                // "role, Name Surname," : an unlisted name in apposition
                if s.is(x.tokens.end, &[","]) {
                    if let Some(run) = self.name_run(s, x.tokens.end + 1, &covered) {
                        let after = run.end;
                        if run.len() >= 2
                            && (after >= s.len() || s.is(after, &[",", ".", ";", ")"]))
                        {
                            let name = self.slice(s, &run);
                            let parts = name_parts(&name);
                            for c in covered.iter_mut().take(run.end).skip(run.start) {
                                *c = true;
                            }
                            items.push(Item {
                                tokens: run,
                                what: What::Named(Named {
                                    key: Key::Name(parts.join(" ")),
                                    entry: None,
                                    gender: gender_of_name(&parts),
                                    name,
                                    kind: MatchKind::Person,
                                    code: None,
                                    role: None,
                                    office: None,
                                    found_by: FoundBy::Appositive,
                                    how: MentionHow::Name,
                                }),
                                appos: None,
                            });
                        }
                    }
                }
                // a role: apposed, possessive, "of the French armies", or a description
                let mut start = x.tokens.start;
                let mut end = x.tokens.end;
                let mut country = x.code.filter(|c| c.country().is_some());
                let mut chunks: Vec<String> = x
                    .code
                    .map(|c| c.sectors().map(String::from).collect())
                    .unwrap_or_else(|| {
                        x.agent
                            .and_then(|g| m.agents().get(g))
                            .map(|a| a.chunks.chunks().map(String::from).collect())
                            .unwrap_or_default()
                    });
                let mut definite = start > 0 && s.is(start - 1, &["the"]);
                // "[the French Army] 's Minister"
                if country.is_none() && start >= 2 && s.is(start - 1, &["'s", "'"]) {
                    if let Some(p) = items.last() {
                        if p.tokens.end == start - 1 {
                            if let What::Named(nm) = &p.what {
                                if nm.kind == MatchKind::Country && nm.code.is_some() {
                                    country = nm.code;
                                    start = p.tokens.start;
                                    definite = true;
                                    items.pop();
                                }
                            }
                        }
                    }
                }
                // "Minister of [the] [French armies]", "lawmakers in France"
                if country.is_none() {
                    if let Some((kk, y)) =
                        country_after(s, found, end, &["of", "for", "in", "from"])
                    {
                        if let Some(c) = y.code {
                            country = Some(c);
                            end = y.tokens.end;
                            used[kk] = true;
                        }
                    }
                }
                // "a spokesman for Hamas": who speaks for an organisation or
                // group is of it, with its code
                let mut speaks_for = None;
                if country.is_none()
                    && x.agent
                        .is_some_and(|g| self.agent_phrase(g).starts_with("spokes"))
                    && s.is(end, &["for", "of"])
                {
                    // (a name's match may hold its "the")
                    let j = end + 1 + s.is(end + 1, &["the"]) as usize;
                    if let Some((kk, y)) = found.iter().enumerate().find(|(_, y)| {
                        (y.tokens.start == j || y.tokens.start == end + 1)
                            && matches!(y.kind, MatchKind::Organization | MatchKind::ArmedGroup)
                            && y.code.is_some()
                    }) {
                        speaks_for = y.code;
                        end = y.tokens.end;
                        used[kk] = true;
                    }
                }
                // "Hamas spokesman Hazem Qassem": an officer named after the
                // organization is of it (the organization stays its own mention)
                if country.is_none()
                    && speaks_for.is_none()
                    && start > 0
                    && s.is(end - 1, ORG_OFFICERS)
                {
                    speaks_for = org_ending_at(found, start);
                }
                if let Some(c) = country {
                    for ch in c.sectors() {
                        if !chunks.iter().any(|x| x == ch) {
                            chunks.push(ch.to_string());
                        }
                    }
                }
                if start > 0 && s.is(start - 1, &["his", "her", "their", "its"]) {
                    definite = true;
                }
                let root = country
                    .or(speaks_for)
                    .and_then(|c| c.country().map(String::from));
                let code = speaks_for.or_else(|| {
                    root.as_deref().and_then(|r| {
                        let refs: Vec<&str> = chunks.iter().map(String::as_str).collect();
                        Code::new(r, &refs).ok()
                    })
                });
                let agent = x.agent.unwrap_or_default();
                // "the Prime Ministers of Belgium, Spain ...": a group holds
                // no one office, so a later "the Prime Minister" is not it
                let plural = s
                    .words
                    .get(x.tokens.end.saturating_sub(1))
                    .is_some_and(|w| matches!(w.xpos, "NNS" | "NNPS"));
                let desc = RoleDesc {
                    country: root.as_deref().and_then(|r| Code::parse(r).ok()),
                    code,
                    agent,
                    office: office_of_phrase(self.agent_phrase(agent))
                        .or_else(|| {
                            (chunks.iter().any(|c| c == "MIL") && chunks.iter().any(|c| c == "GOV"))
                                .then_some(Office::DefenceMinister)
                                .filter(|_| self.agent_phrase(agent).contains("minister"))
                        })
                        .filter(|_| !plural),
                    definite,
                    text: self.slice(s, &(start..end)),
                };
                items.push(Item {
                    tokens: start..end,
                    what: What::Role(desc),
                    appos: None,
                });
                k += 1;
                continue;
            }
            match x.kind {
                MatchKind::Sector => {
                    let agent = x.agent.unwrap_or_default();
                    let a = m.agents().get(agent);
                    // "the government of Israel", "soldiers from Iraq": the
                    // country it is of ("in" is left to the context: "its
                    // forces in Somalia" are not Somali)
                    let of = country_after(s, found, x.tokens.end, &["of", "from"])
                        .filter(|(_, y)| y.agent.is_none() && y.form != Some(NameForm::People));
                    let joined = of.and_then(|(kk, y)| {
                        let code = a?.apply(&y.code?).ok()?;
                        Some((kk, y, code))
                    });
                    if let Some((kk, y, code)) = joined {
                        let mut z = x.clone();
                        z.tokens = x.tokens.start..y.tokens.end;
                        z.span = Span::new(x.span.start, y.span.end);
                        z.code = Some(code);
                        z.kind = MatchKind::Country;
                        z.actor = y.actor;
                        items.push(Item {
                            tokens: z.tokens.clone(),
                            what: What::Named(self.named(s, &z)),
                            appos: None,
                        });
                        used[kk] = true;
                        k += 1;
                        continue;
                    }
                    let gov_like = a.is_some_and(|a| {
                        a.chunks
                            .chunks()
                            .any(|c| matches!(c, "GOV" | "MIL" | "COP"))
                            && a.kind != Some(AgentKind::Person)
                    });
                    let definite = x.tokens.start > 0 && s.is(x.tokens.start - 1, &["the"]);
                    // "the country's interior ministry": the state's own
                    let st = x.tokens.start;
                    let the_countrys = st >= 3
                        && s.is(st - 3, &["the"])
                        && s.is(st - 2, &["country", "nation"])
                        && s.is(st - 1, &["'s", "\u{2019}s"])
                        && !covered[st - 2];
                    if gov_like && (definite || the_countrys) && x.tokens.len() <= 3 {
                        let from = if the_countrys { st - 3 } else { st - 1 };
                        items.push(Item {
                            tokens: from..x.tokens.end,
                            what: What::BareSector { agent },
                            appos: None,
                        });
                    }
                }
                MatchKind::Place => {}
                _ => {
                    // "ethnic Albanians in (south) Serbia": a minority is
                    // of the country it lives in; told with no place of its
                    // own, of the first other country the sentence names
                    // ("Serb forces killed three ethnic Albanians")
                    let start = x.tokens.start;
                    let minority = (x.form == Some(NameForm::People)
                        && start > 0
                        && s.is(start - 1, &["ethnic"]))
                    .then(|| {
                        let at = x.tokens.end;
                        let skip = s.is(at + 1, DIRECTIONS) as usize;
                        let y = if skip == 1 && s.is(at, &["in"]) {
                            found.iter().enumerate().find(|(_, y)| {
                                y.tokens.start == at + 2 && y.kind == MatchKind::Country
                            })
                        } else {
                            country_after(s, found, at, &["in"])
                        };
                        let other = |y: &&Match| {
                            y.agent.is_none() && y.code.is_some() && y.actor != x.actor
                        };
                        match y {
                            Some((_, y)) => {
                                Some(y).filter(other).and_then(|y| Some((y.code?, y.actor)))
                            }
                            None => {
                                // ("Georgian police": the country of a sector)
                                let own = x.code.as_ref().map(|c| c.root().to_string());
                                let root = found
                                    .iter()
                                    .filter(|y| {
                                        y.kind == MatchKind::Country && y.tokens != x.tokens
                                    })
                                    .filter_map(|y| Some(y.code.as_ref()?.root().to_string()))
                                    .find(|r| Some(r) != own.as_ref())?;
                                Some((Code::new(&root, &[]).ok()?, self.country_entry(&root)))
                            }
                        }
                    })
                    .flatten();
                    // "Trump supporters", "Morsi loyalists": the person's
                    // followers are civilians of his country, not him
                    // ("supporters of Morsi" too)
                    let end = x.tokens.end;
                    let span = if s.is(end, FOLLOWERS) {
                        Some(x.tokens.start..end + 1)
                    } else if start >= 2 && s.is(start - 1, &["of"]) && s.is(start - 2, FOLLOWERS) {
                        Some(start - 2..end)
                    } else {
                        None
                    };
                    let followers = span.filter(|_| x.kind == MatchKind::Person).and_then(|r| {
                        let root = self.m.actor(x.actor?).country.as_ref()?.to_string();
                        Some((
                            r,
                            self.country_entry(&root)?,
                            Code::new(&root, &["CVL"]).ok()?,
                        ))
                    });
                    if let Some((r, id, code)) = followers {
                        let mut z = x.clone();
                        z.span = Span::new(s.toks[r.start].start, s.toks[r.end - 1].end);
                        z.tokens = r;
                        z.code = Some(code);
                        z.actor = Some(id);
                        z.kind = MatchKind::Country;
                        items.push(Item {
                            tokens: z.tokens.clone(),
                            what: What::Named(self.named(s, &z)),
                            appos: None,
                        });
                    } else if let Some((code, actor)) = minority {
                        let mut z = x.clone();
                        z.code = Some(code);
                        z.actor = actor;
                        z.kind = MatchKind::Country;
                        items.push(Item {
                            tokens: x.tokens.clone(),
                            what: What::Named(self.named(s, &z)),
                            appos: None,
                        });
                    } else if x.actor.is_some() {
                        items.push(Item {
                            tokens: x.tokens.clone(),
                            what: What::Named(self.named(s, x)),
                            appos: None,
                        });
                    }
                }
            }
            k += 1;
        }
        for it in &items {
            for c in covered
                .iter_mut()
                .take(it.tokens.end.min(n))
                .skip(it.tokens.start)
            {
                *c = true;
            }
        }
        self.collect_tokens(s, &mut items, &mut covered);
        self.collect_entities(s, entities, &mut items, &mut covered);
        items.sort_by_key(|it| it.tokens.start);
        link_acronyms(s, &mut items);
        self.link_appositions(s, &mut items);
        items
    }

    /// A dictionary match as a named item.
    fn named(&self, s: &Sent<'_>, x: &Match) -> Named {
        let id = x.actor.unwrap_or(ActorId(0));
        let a = self.m.actor(id);
        let role = a.role_on(self.date);
        let text = self.slice(s, &x.tokens);
        let phrase = x.agent.is_some() && x.kind == MatchKind::Country;
        let (key, name, found_by, how) = if phrase {
            let name = text
                .strip_prefix("the ")
                .or_else(|| text.strip_prefix("The "))
                .unwrap_or(&text)
                .to_string();
            let body = x
                .agent
                .and_then(|g| self.m.agents().get(g))
                .is_some_and(|g| matches!(g.kind, Some(AgentKind::Body | AgentKind::Weapon)));
            (
                x.code.map_or(Key::New, |c| Key::Code(c, body)),
                name,
                FoundBy::NationalityRole,
                MentionHow::Phrase,
            )
        } else {
            let how = match x.form {
                Some(NameForm::Canonical) | None => MentionHow::Name,
                _ if a.kind == ActorKind::Person
                    && x.tokens.len() == 1
                    && name_parts(a.name())
                        .last()
                        .is_some_and(|l| name_parts(&text).last() == Some(l)) =>
                {
                    MentionHow::Surname
                }
                _ => MentionHow::Alias,
            };
            (
                Key::Entry(id),
                a.name().to_string(),
                FoundBy::Dictionary,
                how,
            )
        };
        let parts = name_parts(a.name());
        Named {
            key,
            entry: Some(id),
            name,
            kind: x.kind,
            code: x.code,
            role: if phrase {
                None
            } else {
                role.and_then(|r| r.title.clone())
            },
            office: if phrase {
                None
            } else {
                role.and_then(|r| r.offices.first().copied())
            },
            found_by,
            how,
            gender: if a.kind == ActorKind::Person {
                gender_of_name(&parts)
            } else {
                Gender::Unknown
            },
        }
    }

    fn title_text(&self, s: &Sent<'_>, x: &Match) -> String {
        // the title without the nationality ("Iraqi Prime Minister" → "Prime Minister")
        let r = x.tokens.clone();
        let mut start = r.start;
        if x.kind == MatchKind::Country {
            let names: Vec<String> = x
                .code
                .and_then(|c| c.country().and_then(|root| self.country_entry(root)))
                .map(|id| {
                    self.m
                        .actor(id)
                        .names
                        .iter()
                        .flat_map(|n| name_parts(&n.text))
                        .collect()
                })
                .unwrap_or_default();
            while start + 1 < r.end
                && (names.iter().any(|n| n == s.low(start)) || s.is(start, &["'s", "'", "the"]))
            {
                start += 1;
            }
        }
        self.slice(s, &(start..r.end))
    }

    /// Pronouns, honorifics, counterparts, "the organization", sources,
    /// surnames and misspelled surnames.
    fn collect_tokens(&self, s: &Sent<'_>, items: &mut Vec<Item>, covered: &mut [bool]) {
        let n = s.len();
        let mark = |covered: &mut [bool], r: &Range<usize>| {
            for c in covered.iter_mut().take(r.end.min(n)).skip(r.start) {
                *c = true;
            }
        };
        let surnames = self.surnames(items);
        let mut i = 0;
        while i < n {
            if covered[i] {
                i += 1;
                continue;
            }
            let w = s.low(i);
            // "the two leaders", "both sides": a pair named before (the
            // noun may already be a bare role: the pair takes it over)
            // ("the two NATO allies", "both warring sides": a modifier or
            // two between; not a nationality, "the two Russian ministers")
            let pair_noun = |j: usize| {
                (j..(j + 3).min(n)).find_map(|k| {
                    if s.is(k, PAIR_NOUNS) {
                        return Some(Some(k + 1));
                    }
                    let modifier = match s.upos(k) {
                        "PROPN" | "NOUN" => true,
                        "ADJ" => !s.capitalized(k),
                        _ => false,
                    };
                    (!modifier).then_some(None)
                })?
            };
            let pair_end = match w {
                "the" if s.is(i + 1, &["two"]) => pair_noun(i + 2),
                "both" => pair_noun(i + 1),
                _ => None,
            };
            if let Some(end) = pair_end.filter(|&e| e <= n) {
                items.retain(|it| !(it.tokens.start >= i && it.tokens.end <= end));
                mark(covered, &(i..end));
                items.push(Item {
                    tokens: i..end,
                    what: What::Pair {
                        by_code: s.is(end - 1, &["sides", "rivals", "foes"]),
                    },
                    appos: None,
                });
                i = end;
                continue;
            }
            // honorific + name
            if let Some(&(_, g)) = HONORIFICS.iter().find(|(h, _)| *h == w) {
                // "Lt Gen Sergei Rudskoi": the name after the last rank
                let mut j = i + 1;
                while j < n && !covered[j] && HONORIFICS.iter().any(|(h, _)| *h == s.low(j)) {
                    j += 1;
                }
                if let Some(run) = self.name_run(s, j, covered) {
                    let name = self.slice(s, &run);
                    let parts = name_parts(&name);
                    let r = i..run.end;
                    mark(covered, &r);
                    // a known surname after "Mr" is that person
                    let key = match surnames.get(&parts.join(" ")) {
                        Some(k) if k.len() == 1 => k[0].clone(),
                        _ => Key::Name(parts.join(" ")),
                    };
                    items.push(Item {
                        tokens: r,
                        what: What::Named(Named {
                            key,
                            entry: None,
                            name,
                            kind: MatchKind::Person,
                            code: None,
                            role: None,
                            office: None,
                            found_by: FoundBy::TitleName,
                            how: MentionHow::Name,
                            gender: g,
                        }),
                        appos: None,
                    });
                    i = run.end;
                    continue;
                }
            }
            // "it"/"its" stand for a state or an organization ("Iraq said it
            // would allow"), unless "it" is an expletive ("it is expected that")
            let expletive = w == "it" && s.expletive_it(i);
            if !expletive && matches!(w, "it" | "its") {
                mark(covered, &(i..i + 1));
                items.push(Item {
                    tokens: i..i + 1,
                    what: What::Pronoun {
                        gender: Gender::Unknown,
                        plural: true,
                        poss: w == "its",
                        country_of: false,
                        part: false,
                    },
                    appos: None,
                });
                i += 1;
                continue;
            }
            match w {
                "she" | "her" | "hers" | "he" | "him" | "his" | "they" | "them" | "their" => {
                    let gender = match w {
                        "she" | "her" | "hers" => Gender::Female,
                        "he" | "him" | "his" => Gender::Male,
                        _ => Gender::Unknown,
                    };
                    let poss = matches!(w, "his" | "their")
                        || (w == "her"
                            && (s.deprel(i) == "nmod:poss"
                                || s.words.get(i).is_some_and(|x| x.xpos == "PRP$")
                                || (!s.parsed()
                                    && s.low(i + 1)
                                        .chars()
                                        .next()
                                        .is_some_and(char::is_alphabetic)
                                    && !s.not_name(i + 1))));
                    let country_of = poss && s.is(i + 1, &["country"]) && !covered[i + 1];
                    let part = poss && i >= 1 && s.is(i - 1, &["for"]) && s.is(i + 1, &["part"]);
                    let r = if country_of { i..i + 2 } else { i..i + 1 };
                    mark(covered, &r);
                    items.push(Item {
                        tokens: r.clone(),
                        what: What::Pronoun {
                            gender,
                            plural: matches!(w, "they" | "them" | "their"),
                            poss,
                            country_of,
                            part,
                        },
                        appos: None,
                    });
                    i = r.end;
                    continue;
                }
                "counterpart" | "counterparts" => {
                    let mut start = i;
                    let mut country = None;
                    if let Some(p) = items.iter().position(|it| {
                        it.tokens.end == i
                            && matches!(&it.what, What::Named(nm) if nm.kind == MatchKind::Country && nm.how != MentionHow::Phrase)
                    }) {
                        if let What::Named(nm) = &items[p].what {
                            country = nm.code;
                        }
                        start = items[p].tokens.start;
                        items.remove(p);
                    }
                    let possessor = items
                        .iter()
                        .find(|it| {
                            it.tokens.end == start
                                && matches!(it.what, What::Pronoun { poss: true, .. })
                        })
                        .map(|it| it.tokens.start);
                    mark(covered, &(start..i + 1));
                    items.push(Item {
                        tokens: start..i + 1,
                        what: What::Counterpart { possessor, country },
                        appos: None,
                    });
                    if s.is(i + 1, &[","]) {
                        if let Some(run) = self.name_run(s, i + 2, covered) {
                            let after = run.end;
                            if run.len() >= 2 && (after >= n || s.is(after, &[",", ".", ";", ")"]))
                            {
                                let name = self.slice(s, &run);
                                let parts = name_parts(&name);
                                mark(covered, &run);
                                items.push(Item {
                                    tokens: run,
                                    what: What::Named(Named {
                                        key: Key::Name(parts.join(" ")),
                                        entry: None,
                                        gender: gender_of_name(&parts),
                                        name,
                                        kind: MatchKind::Person,
                                        code: None,
                                        role: None,
                                        office: None,
                                        found_by: FoundBy::Appositive,
                                        how: MentionHow::Name,
                                    }),
                                    appos: None,
                                });
                            }
                        }
                    }
                }
                // "the kingdom", "the island nation": the state named
                // before (not "the country's", "the nation of"); "the
                // group", "the paramilitary group": the organization (not
                // "the movement of Palestinian workers", "the ethnic group")
                _ if (STATE_WORDS.contains(&w) || ORG_WORDS.contains(&w))
                    && !s.capitalized(i)
                    && !s.is(i + 1, &["of"])
                    && !(STATE_WORDS.contains(&w) && s.is(i + 1, &["'s", "\u{2019}s"]))
                    && described_from(s, covered, i).is_some() =>
                {
                    let k = described_from(s, covered, i).unwrap_or(i);
                    items.push(Item {
                        tokens: k..i + 1,
                        what: What::OrgDesc {
                            word: w.to_string(),
                        },
                        appos: None,
                    });
                    mark(covered, &(k..i + 1));
                }
                "same" if s.is(i + 1, &["source", "sources"]) => {
                    let start = if i > 0 && s.is(i - 1, &["the"]) {
                        i - 1
                    } else {
                        i
                    };
                    items.push(Item {
                        tokens: start..i + 2,
                        what: What::SameSource,
                        appos: None,
                    });
                    mark(covered, &(start..i + 2));
                    i += 2;
                    continue;
                }
                "source" | "sources" | "official" | "officials" if s.is(i + 1, SOURCE_PREPS) => {
                    // "a source in [the] X", "sources close to X"
                    let mut j = i + 2;
                    if s.is(j, &["to"]) {
                        j += 1;
                    }
                    if s.is(j, &["the"]) {
                        j += 1;
                    }
                    let anchor = items
                        .iter()
                        .find(|it| it.tokens.start == j && matches!(it.what, What::Named(_)))
                        .map(|it| it.tokens.start);
                    if let Some(anchor) = anchor {
                        let start = if i > 0 && s.is(i - 1, &["a", "an", "the"]) {
                            i - 1
                        } else {
                            i
                        };
                        items.push(Item {
                            tokens: start..i + 1,
                            what: What::Source {
                                anchor,
                                office: false,
                            },
                            appos: None,
                        });
                        mark(covered, &(start..i + 1));
                    }
                }
                "office" if i >= 2 && s.is(i - 1, &["'s", "'"]) => {
                    let anchor = items
                        .iter()
                        .find(|it| {
                            it.tokens.end == i - 1
                                && matches!(
                                    &it.what,
                                    What::Named(Named {
                                        kind: MatchKind::Person,
                                        ..
                                    }) | What::Role(_)
                                )
                        })
                        .map(|it| it.tokens.start);
                    if let Some(anchor) = anchor {
                        items.push(Item {
                            tokens: i..i + 1,
                            what: What::Source {
                                anchor,
                                office: true,
                            },
                            appos: None,
                        });
                        mark(covered, &(i..i + 1));
                    }
                }
                _ => {}
            }
            // a surname (of a person seen before or in this sentence), or a misspelling
            if !covered[i] && s.capitalized(i) && !s.not_name(i) {
                if let Some((r, key, how)) = self.surname_at(s, i, covered, &surnames) {
                    mark(covered, &r);
                    let name = self.slice(s, &r);
                    items.push(Item {
                        tokens: r.clone(),
                        what: What::Named(Named {
                            key,
                            entry: None,
                            name,
                            kind: MatchKind::Person,
                            code: None,
                            role: None,
                            office: None,
                            found_by: FoundBy::Entity,
                            how,
                            gender: Gender::Unknown,
                        }),
                        appos: None,
                    });
                    i = r.end;
                    continue;
                }
            }
            i += 1;
        }
    }

    /// Surname keys (folded parts after the given name, joined by spaces; and
    /// the last part alone) of the persons seen so far and in `items`.
    fn surnames(&self, items: &[Item]) -> HashMap<String, Vec<Key>> {
        let mut out: HashMap<String, Vec<Key>> = HashMap::new();
        let mut add = |parts: &[String], key: Key| {
            if parts.len() < 2 {
                return;
            }
            let mut ks = vec![parts[1..].join(" ")];
            if let Some(l) = parts.last() {
                ks.push(l.clone());
            }
            // "Wang Yi" ... "Wang": a two-part name whose short first part
            // is no given name the lists know puts the family name first
            // (East Asian family names are short; "Maidan Shahr" is no name)
            if parts.len() == 2
                && (2..=5).contains(&parts[0].len())
                && !first_names().contains_key(&parts[0])
            {
                ks.push(parts[0].clone());
            }
            // "al kazemi" → "kazemi" too, through the particles
            ks.dedup();
            for k in ks {
                let v = out.entry(k).or_default();
                if !v.contains(&key) {
                    v.push(key.clone());
                }
            }
        };
        for (key, &a) in &self.keys {
            if self
                .out
                .actors
                .get(a)
                .is_some_and(|x| x.kind == MatchKind::Person)
            {
                add(&self.info[a].parts, key.clone());
            }
        }
        for it in items {
            if let What::Named(nm) = &it.what {
                if nm.kind == MatchKind::Person {
                    add(&name_parts(&nm.name), nm.key.clone());
                }
            }
        }
        out
    }

    /// A known surname at token `i` (longest first), else a misspelled one.
    fn surname_at(
        &self,
        s: &Sent<'_>,
        i: usize,
        covered: &[bool],
        surnames: &HashMap<String, Vec<Key>>,
    ) -> Option<(Range<usize>, Key, MentionHow)> {
        let mut parts: Vec<(usize, String)> = Vec::new();
        let mut j = i;
        while j < s.len() && j - i < 5 && !covered[j] {
            if s.raw[j] != "-" {
                for p in name_parts(s.raw[j]) {
                    parts.push((j + 1, p));
                }
            }
            j += 1;
        }
        for len in (1..=parts.len()).rev() {
            let key: Vec<&str> = parts[..len].iter().map(|(_, p)| p.as_str()).collect();
            if let Some(v) = surnames.get(&key.join(" ")) {
                if v.len() == 1 {
                    return Some((i..parts[len - 1].0, v[0].clone(), MentionHow::Surname));
                }
                return None;
            }
        }
        // a misspelling: one token, ≥ 5 letters, same first letter, distance
        // 1 from exactly one person's last name, tagged as a proper noun
        let w = s.low(i);
        if w.chars().count() < 5
            || !w.chars().all(char::is_alphabetic)
            || (s.parsed() && s.upos(i) != "PROPN")
        {
            return None;
        }
        let mut hit: Option<&Key> = None;
        for (k, v) in surnames {
            if k.contains(' ') || k.chars().count() < 5 || k.chars().next() != w.chars().next() {
                continue;
            }
            if edit_distance(k, w) == 1 {
                if hit.is_some() || v.len() != 1 {
                    return None;
                }
                hit = v.first();
            }
        }
        hit.map(|k| (i..i + 1, k.clone(), MentionHow::Variant))
    }

    /// Organizations named after a place no dictionary lists them under
    /// ("Baghdad University Medical School", "the Kabul Chamber of
    /// Commerce", "University of Nairobi", "the Jakarta Post"): a
    /// capitalized run around a place that ends with an organization's head
    /// word ([`ORG_HEADS`]), or the NER's organization around a place, is
    /// one actor of the place's country with the head word's sectors. With
    /// two places of different countries in the name, the leftmost decides
    /// ("Tehran University of Medical Sciences": the seat comes first; an
    /// "of" complement names a field more often than a place). Returns the
    /// names' tokens and items; their matches are marked in `used`.
    fn place_orgs(
        &self,
        s: &Sent<'_>,
        found: &[Match],
        entities: &[khaldun_analysis::Entity],
        used: &mut [bool],
    ) -> Vec<(Range<usize>, Named)> {
        let n = s.len();
        let mut out = Vec::new();
        let Some(cover) = name_cover(s, found, used) else {
            return out;
        };
        let m = self.m;
        let person_sector = |x: &Match| {
            x.kind == MatchKind::Sector
                && x.agent
                    .and_then(|g| m.agents().get(g))
                    .is_none_or(|a| a.kind == Some(AgentKind::Person))
        };
        // a word of a name: capitalized, no function word, verb or date,
        // and free or part of a place or a sector phrase ("Press",
        // "University"); `left`: before the place, where sector phrases
        // are read by their own rules ("Professor Kabul ...")
        let name_tok = |t: usize, left: bool, used: &[bool]| {
            t < n
                && s.capitalized(t)
                && !s.not_name(t)
                && s.raw[t].chars().any(char::is_alphabetic)
                && !matches!(s.upos(t), "VERB" | "AUX" | "ADP" | "DET" | "PRON" | "ADV")
                && match cover[t] {
                    None => true,
                    Some(k) => {
                        !used.get(k).copied().unwrap_or(true)
                            && (place_like(&found[k])
                                || (!left && found[k].kind == MatchKind::Sector))
                            && !person_sector(&found[k])
                    }
                }
        };
        let mut k = 0;
        while k < found.len() {
            let x = &found[k];
            if used[k] || !place_like(x) || x.tokens.end > n {
                k += 1;
                continue;
            }
            // the capitalized run around the place, with "of" / "for" / "&"
            // between its words ("Chamber of Commerce", "University of
            // the Punjab")
            // (without crossing "of": the start of a name whose head comes
            // after the place, "Professor Michael Siegel of Boston
            // University" names the university only)
            let mut plain_start = x.tokens.start;
            while plain_start > 0
                && x.tokens.end - plain_start < 8
                && name_tok(plain_start - 1, true, used)
            {
                plain_start -= 1;
            }
            let mut start = x.tokens.start;
            while start > 0 && x.tokens.end - start < 8 {
                if name_tok(start - 1, true, used) {
                    start -= 1;
                } else if start >= 2 && s.is(start - 1, &["of"]) && name_tok(start - 2, false, used)
                {
                    start -= 2;
                } else if start >= 3
                    && s.is(start - 1, &["the"])
                    && s.is(start - 2, &["of"])
                    && name_tok(start - 3, false, used)
                {
                    start -= 3;
                } else {
                    break;
                }
            }
            let mut end = x.tokens.end;
            while end < n && end - start < 12 {
                if name_tok(end, false, used) {
                    end += 1;
                    continue;
                }
                // "Paris Saint-Germain"
                if s.raw[end] == "-" && name_tok(end + 1, false, used) {
                    end += 2;
                    continue;
                }
                if s.is(end, &["of", "for", "&"]) {
                    let j = end + 1 + usize::from(s.is(end + 1, &["the"]));
                    if name_tok(j, false, used) {
                        end = j + 1;
                        continue;
                    }
                }
                break;
            }
            let in_place = |t: usize| cover[t].is_some_and(|c| place_like(&found[c]));
            let heads: Vec<usize> = (start..end)
                .filter(|&t| !in_place(t) && org_head(s.low(t)).is_some())
                .collect();
            // the head: the last one after the place ("Baghdad University
            // Medical School"), else one before it with "of" between
            // ("University of Nairobi")
            let after = heads.iter().rev().find(|&&h| h >= x.tokens.end).copied();
            let before = heads
                .iter()
                .rev()
                .find(|&&h| h < x.tokens.start && (h + 1..x.tokens.start).any(|t| s.is(t, &["of"])))
                .copied();
            let Some(h) = after.or(before) else {
                // no head word: the NER's organization around the place
                let tok = |t: usize, left: bool| name_tok(t, left, used);
                if let Some((r, named)) = self.entity_org(s, found, entities, k, &cover, &tok) {
                    mark_used(found, used, &r);
                    out.push((r, named));
                }
                k += 1;
                continue;
            };
            // "Bank of Ghana", "Supreme Court of Pakistan": a sector phrase
            // of a country is read by the sector rule, as before
            let sector_at = |t: usize| {
                cover[t]
                    .map(|c| &found[c])
                    .filter(|y| y.kind == MatchKind::Sector && y.tokens.end == t + 1)
            };
            if after.is_none() && x.kind == MatchKind::Country && sector_at(h).is_some() {
                k += 1;
                continue;
            }
            let mut r = if after.is_some() {
                // the head and its complement ("Chamber of Commerce")
                let e = if s.is(h + 1, &["of", "for", "&"]) && end > h + 1 {
                    end
                } else {
                    h + 1
                };
                plain_start..e
            } else {
                start..x.tokens.end
            };
            // whole matches only
            for y in found {
                if y.tokens.start < r.end && r.start < y.tokens.end {
                    r = r.start.min(y.tokens.start)..r.end.max(y.tokens.end).min(n);
                }
            }
            let place = found
                .iter()
                .enumerate()
                .find(|(j, y)| !used[*j] && r.contains(&y.tokens.start) && place_like(y))
                .map(|(_, y)| y)
                .unwrap_or(x);
            let Some(root) = self.match_root(place) else {
                k += 1;
                continue;
            };
            let (chunks, media) = org_head(s.low(h)).unwrap_or(("", false));
            let chunks = if s.is(h, &["club"]) && h > 0 && s.is(h - 1, &["press"]) {
                // "the Karachi Press Club": journalists, not a newspaper
                "MED"
            } else if s.is(h, &["chamber"])
                && s.is(h + 1, &["of"])
                && s.is(h + 2, &["deputies", "representatives"])
            {
                "LEG"
            } else {
                chunks
            };
            // the head's own sector phrase, when it has one ("Health
            // Ministry", "Supreme Court"): its sectors, as the sector rule gives
            let agent = sector_at(h)
                .filter(|y| y.tokens.start >= x.tokens.end || after.is_none())
                .filter(|y| !person_sector(y))
                .and_then(|y| m.agents().get(y.agent?));
            let base = Code::new(&root, &[]).ok();
            let code = match agent {
                Some(a) if !s.is(h, &["club"]) => base.and_then(|c| a.apply(&c).ok()),
                _ => {
                    let v: Vec<&str> = chunks.split_whitespace().collect();
                    Code::new(&root, &v).ok()
                }
            };
            let Some(code) = code.or(base) else {
                k += 1;
                continue;
            };
            let named = self.place_org_named(s, &r, code, media);
            mark_used(found, used, &r);
            out.push((r, named));
            k += 1;
        }
        out
    }

    /// The NER's organization around place match `k` ("Kabul Serena"),
    /// when its words are a name's and no sector phrase or head word is in
    /// it (those are read by the rules above and the context): an actor
    /// of the place's country, no sector.
    fn entity_org(
        &self,
        s: &Sent<'_>,
        found: &[Match],
        entities: &[khaldun_analysis::Entity],
        k: usize,
        cover: &[Option<usize>],
        name_tok: &dyn Fn(usize, bool) -> bool,
    ) -> Option<(Range<usize>, Named)> {
        let x = found.get(k)?;
        let e = entities.iter().find(|e| {
            e.label == "ORG"
                && e.start <= x.tokens.start
                && x.tokens.end <= e.end
                && e.end <= s.len()
        })?;
        let mut start = e.start;
        while start < x.tokens.start && s.not_name(start) {
            start += 1;
        }
        let r = start..e.end;
        let words_ok = r.clone().all(|t| {
            x.tokens.contains(&t)
                || (name_tok(t, false)
                    && cover[t].is_none_or(|c| place_like(&found[c]))
                    && org_head(s.low(t)).is_none())
                || (t > r.start && t + 1 < r.end && s.is(t, &["of", "&"]))
        });
        if !words_ok || r.len() <= x.tokens.len() {
            return None;
        }
        let root = self.match_root(x)?;
        let code = Code::new(&root, &[]).ok()?;
        Some((r.clone(), self.place_org_named(s, &r, code, false)))
    }

    /// Unlisted organizations of civil society: a capitalized run (with
    /// "of", "for", "to", "on" or "&" between its words) around a head word
    /// of [`NGO_HEADS`], of at least two words, whose only dictionary words
    /// are countries ("the Association of African Jurists": AFR NGO; "the
    /// Ceasefire Violations Committee": NGO). A sector phrase or a listed
    /// name inside leaves it to the other rules ("the Senate Intelligence
    /// Committee"). Returns the names' tokens and items; their matches are
    /// marked in `used`.
    fn ngo_orgs(
        &self,
        s: &Sent<'_>,
        found: &[Match],
        used: &mut [bool],
        taken: &[bool],
    ) -> Vec<(Range<usize>, Named)> {
        let n = s.len();
        let mut out = Vec::new();
        let Some(cover) = name_cover(s, found, used) else {
            return out;
        };
        // a country word (name or adjective) may be in the name; nothing else listed
        let country_at = |t: usize| {
            cover[t].filter(|&k| {
                let x = &found[k];
                !used[k] && x.kind == MatchKind::Country && x.agent.is_none()
            })
        };
        let word = |t: usize| {
            t < n
                && !taken[t]
                && s.capitalized(t)
                && !s.not_name(t)
                && s.raw[t].chars().any(char::is_alphabetic)
                && !matches!(
                    s.upos(t),
                    "VERB" | "AUX" | "ADP" | "DET" | "PRON" | "ADV" | "NUM"
                )
                && (cover[t].is_none() || country_at(t).is_some())
        };
        let mut h = 0;
        while h < n {
            // ("committee" alone is a sector phrase: as the head it is the name's)
            let head_sector = cover[h].is_some_and(|k| {
                let x = &found[k];
                !used[k] && x.kind == MatchKind::Sector && x.tokens == (h..h + 1)
            });
            let head_ok = (word(h)
                || (head_sector && !taken[h] && s.capitalized(h) && s.upos(h) != "VERB"))
                && NGO_HEADS.contains(&s.low(h))
                && (!s.is(h, &["centre", "center"]) || s.is(h + 1, &["for"]));
            if !head_ok {
                h += 1;
                continue;
            }
            let mut start = h;
            while start > 0 && h - start < 6 && word(start - 1) {
                start -= 1;
            }
            let mut end = h + 1;
            while end < n && end - start < 12 {
                if word(end) {
                    end += 1;
                    continue;
                }
                if s.is(end, &["of", "for", "to", "on", "&"]) {
                    let j = end + 1 + usize::from(s.is(end + 1, &["the"]));
                    if word(j) {
                        end = j + 1;
                        continue;
                    }
                }
                break;
            }
            let r = start..end;
            // a listed name or sector phrase runs into it ("the Senate
            // Intelligence Committee"): the other rules read it
            let blocked = |t: usize| {
                s.capitalized(t)
                    && !matches!(
                        s.upos(t),
                        "DET" | "ADP" | "PRON" | "CCONJ" | "SCONJ" | "PUNCT" | "NUM"
                    )
                    && !word(t)
            };
            if (start > 0 && blocked(start - 1)) || (end < n && blocked(end)) {
                h = end.max(h + 1);
                continue;
            }
            // whole country matches only, and a name of two words or more
            let whole = found.iter().all(|y| {
                y.tokens.end <= r.start
                    || y.tokens.start >= r.end
                    || (r.start <= y.tokens.start && y.tokens.end <= r.end)
            });
            if r.len() < 2 || !whole {
                h = end.max(h + 1);
                continue;
            }
            let root = r
                .clone()
                .find_map(|t| country_at(t).and_then(|k| self.match_root(&found[k])));
            let code = match &root {
                Some(c) => Code::new(c, &["NGO"]),
                None => Code::new("NGO", &[]),
            };
            if let Ok(code) = code {
                let mut named = self.place_org_named(s, &r, code, false);
                named.found_by = FoundBy::OrgName;
                out.push((r, named));
            }
            h = end.max(h + 1);
        }
        for (r, _) in &out {
            mark_used(found, used, r);
        }
        out
    }

    fn place_org_named(&self, s: &Sent<'_>, r: &Range<usize>, code: Code, media: bool) -> Named {
        let name = self.slice(s, r);
        Named {
            key: Key::Name(name_parts(&name).join(" ")),
            entry: None,
            name,
            kind: if media {
                MatchKind::Media
            } else {
                MatchKind::Organization
            },
            code: Some(code),
            role: None,
            office: None,
            found_by: FoundBy::PlaceName,
            how: MentionHow::Name,
            gender: Gender::Unknown,
        }
    }

    /// NER persons and organizations no rule covered.
    fn collect_entities(
        &self,
        s: &Sent<'_>,
        entities: &[khaldun_analysis::Entity],
        items: &mut Vec<Item>,
        covered: &mut [bool],
    ) {
        if s.kind == ParagraphKind::Heading || s.kind == ParagraphKind::Byline {
            return;
        }
        for e in entities {
            if e.end > s.len() || e.start >= e.end || (e.label != "PER" && e.label != "ORG") {
                continue;
            }
            if (e.start..e.end).any(|k| covered[k]) {
                continue;
            }
            let r = e.start..e.end;
            if !r.clone().any(|k| s.upos(k) == "PROPN") || !s.capitalized(r.start) {
                continue;
            }
            let mut start = r.start;
            while start < r.end && s.not_name(start) {
                start += 1;
            }
            if start == r.end {
                continue;
            }
            let r = start..r.end;
            let person = e.label == "PER";
            // "the Maidan Wardak provincial council": a name that modifies a
            // common noun is a place or a body, not a person
            if person {
                let h = s.head_of(&r);
                let modifies_noun = s.deprel(h) == "compound"
                    && s.head(h).is_some_and(|x| s.upos(x) == "NOUN" && x >= r.end);
                if modifies_noun {
                    continue;
                }
            }
            let name = self.slice(s, &r);
            let parts = name_parts(&name);
            for c in covered.iter_mut().take(r.end).skip(r.start) {
                *c = true;
            }
            // "CIA director William Burns", "Hamas spokesman Hazem Qassem":
            // an organization's officer is of it
            let officer_of = (person && r.start >= 2 && s.is(r.start - 1, ORG_OFFICERS))
                .then(|| {
                    items.iter().find_map(|it| match &it.what {
                        What::Named(nm)
                            if it.tokens.end == r.start - 1
                                && matches!(
                                    nm.kind,
                                    MatchKind::Organization | MatchKind::ArmedGroup
                                ) =>
                        {
                            nm.code
                        }
                        _ => None,
                    })
                })
                .flatten();
            items.push(Item {
                tokens: r,
                what: What::Named(Named {
                    key: Key::Name(parts.join(" ")),
                    entry: None,
                    gender: if person {
                        gender_of_name(&parts)
                    } else {
                        Gender::Unknown
                    },
                    name,
                    kind: if person {
                        MatchKind::Person
                    } else {
                        MatchKind::Organization
                    },
                    code: officer_of,
                    role: None,
                    office: None,
                    found_by: FoundBy::Entity,
                    how: MentionHow::Name,
                }),
                appos: None,
            });
        }
    }

    /// "role, Name" and "Name, the role": the role refers to the name.
    fn link_appositions(&self, s: &Sent<'_>, items: &mut [Item]) {
        for k in 0..items.len() {
            let is_role = matches!(items[k].what, What::Role(_) | What::Counterpart { .. });
            if !is_role {
                continue;
            }
            let end = items[k].tokens.end;
            // role , Name (, | end | verb)
            if s.is(end, &[","]) {
                if let Some(j) = items.iter().position(|it| {
                    it.tokens.start == end + 1
                        && matches!(&it.what, What::Named(nm) if nm.kind == MatchKind::Person)
                }) {
                    let after = items[j].tokens.end;
                    if after >= s.len()
                        || s.is(after, &[",", ".", ";", ")"])
                        || !s.parsed()
                        || s.upos(after) == "VERB"
                        || s.upos(after) == "AUX"
                    {
                        items[k].appos = Some(j);
                        continue;
                    }
                }
            }
            // Name , [the|a] role (,|.)
            let start = items[k].tokens.start;
            let det = start > 0 && s.is(start - 1, &["the", "a", "an"]);
            let comma_at = if det {
                start.wrapping_sub(2)
            } else {
                start.wrapping_sub(1)
            };
            if comma_at < s.len() && s.is(comma_at, &[","]) {
                if let Some(j) = items.iter().position(|it| {
                    it.tokens.end == comma_at
                        && matches!(&it.what, What::Named(nm) if nm.kind == MatchKind::Person)
                }) {
                    if end >= s.len() || s.is(end, &[",", ".", ";", ")"]) {
                        items[k].appos = Some(j);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------ pass 2

    fn resolve_sentence(&mut self, s: &Sent<'_>, items: &[Item]) {
        let mut done: Vec<Option<usize>> = vec![None; items.len()];
        for k in 0..items.len() {
            self.resolve_item(s, items, k, &mut done, 0);
        }
        self.apposed_titles(s, items, &done);
    }

    /// "Kenzo Oshima, the United Nations Emergency Relief Coordinator": a
    /// person of no known country, apposed to a title no list has that
    /// names a country or organization as its modifier, is of it (the
    /// country alone: the title says nothing of a sector).
    fn apposed_titles(&mut self, s: &Sent<'_>, items: &[Item], done: &[Option<usize>]) {
        if !s.parsed() {
            return;
        }
        for (k, it) in items.iter().enumerate() {
            let (What::Named(nm), Some(a)) = (&it.what, done[k]) else {
                continue;
            };
            if nm.kind != MatchKind::Person || self.out.actors[a].code.is_some() {
                continue;
            }
            let r = &it.tokens;
            let Some(h) = (r.end..s.len())
                .find(|&t| s.deprel(t) == "appos" && s.head(t).is_some_and(|x| r.contains(&x)))
            else {
                continue;
            };
            if !matches!(s.upos(h), "NOUN" | "PROPN") || items.iter().any(|x| x.tokens.contains(&h))
            {
                continue;
            }
            let org = items.iter().zip(done).find_map(|(x, d)| {
                let What::Named(n) = &x.what else { return None };
                // ("the [United Nations] Emergency Relief Coordinator":
                // through the title's other nouns)
                // (its word hung outside it, not its article)
                let mut y = x.tokens.clone().find(|&t| {
                    s.head(t).is_some_and(|z| !x.tokens.contains(&z))
                        && !matches!(s.deprel(t), "det" | "case" | "punct")
                })?;
                let mut modifies = false;
                for _ in 0..4 {
                    if !matches!(s.deprel(y), "compound" | "amod" | "nmod" | "nmod:poss") {
                        break;
                    }
                    match s.head(y) {
                        Some(z) if z == h => {
                            modifies = true;
                            break;
                        }
                        Some(z) if z > y && z < h => y = z,
                        _ => break,
                    }
                }
                (modifies && n.kind != MatchKind::Person && n.kind != MatchKind::Place)
                    .then_some(*d)
                    .flatten()
            });
            let Some(code) = org.and_then(|b| self.out.actors[b].code) else {
                continue;
            };
            let code = match code.country() {
                Some(root) if !root.starts_with("IGO") => Code::new(root, &[]).ok(),
                _ => Some(code),
            };
            self.out.actors[a].code = code;
            for m in self.out.mentions[s.idx].iter_mut() {
                if m.actor == a && m.code.is_none() {
                    m.code = code;
                }
            }
        }
    }

    fn resolve_item(
        &mut self,
        s: &Sent<'_>,
        items: &[Item],
        k: usize,
        done: &mut Vec<Option<usize>>,
        depth: usize,
    ) -> Option<usize> {
        if let Some(a) = done[k] {
            return Some(a);
        }
        if depth > 4 {
            return None;
        }
        let it = &items[k];
        let head = s.head_of(&it.tokens);
        // apposed roles take their name's actor
        if let Some(j) = it.appos {
            let a = self.resolve_item(s, items, j, done, depth + 1)?;
            self.enrich(a, it, items, done);
            let code = self.out.actors[a].code;
            self.mention(s, &it.tokens, head, a, code, MentionHow::Appositive);
            done[k] = Some(a);
            return Some(a);
        }
        let r = match &it.what {
            What::Named(nm) => {
                let a = self.actor_for(nm);
                let code = nm.code.or(self.out.actors[a].code);
                self.mention(s, &it.tokens, head, a, code, nm.how);
                Some(a)
            }
            What::Role(d) => self.resolve_role(s, it, d, head),
            What::Pronoun {
                gender,
                plural,
                poss,
                country_of,
                part,
            } => {
                // "protesters marched ... police fired tear gas to disperse
                // them": people named before the pronoun in its sentence whom
                // no actor stands for yet are what "they" and "them" mean
                let st = it.tokens.start;
                if *plural
                    && !*poss
                    && s.is(st, &["them"])
                    && (0..st).any(|j| {
                        // (nor people an actor's phrase takes in: "expelled
                        // six Indian diplomats, accusing them")
                        s.words.get(j).is_some_and(|w| w.xpos == "NNS")
                            && self.unnamed(s, items, j)
                            && self.people_word(s.low(j))
                    })
                {
                    return None;
                }
                // "hunt down the attackers and their backers": "their" is the
                // attackers', no actor's
                if *poss
                    && *plural
                    && st >= 2
                    && s.is(st - 1, &["and", "or"])
                    && s.words.get(st - 2).is_some_and(|w| w.xpos == "NNS")
                    && !items.iter().any(|x| x.tokens.contains(&(st - 2)))
                {
                    return None;
                }
                if *plural && !*part && s.is_subject(st) {
                    let c = self.waiting_antecedent(s, st);
                    if let Some((c, &span)) = c.zip(s.toks.get(st)) {
                        self.pending.push((c, s.idx, st, span));
                        return None;
                    }
                }
                // "seized a tanker, accusing it of smuggling fuel": an object
                // "it" in a clause set beside a verb whose object is a thing
                // no actor stands for is that thing
                if s.is(st, &["it"]) && !s.is_subject(st) {
                    let up = s
                        .clause(st)
                        .filter(|&v| matches!(s.deprel(v), "advcl" | "conj" | "xcomp"))
                        .and_then(|v| s.head(v));
                    let thing = up
                        .and_then(|g| {
                            (0..st).find(|&j| s.head(j) == Some(g) && s.deprel(j) == "obj")
                        })
                        .filter(|&o| {
                            s.words.get(o).is_some_and(|w| w.xpos == "NN")
                                && self.unnamed(s, items, o)
                        });
                    if thing.is_some() {
                        return None;
                    }
                }
                // "For his part, X said": X, who may come after the pronoun
                let subject = if *part {
                    let root = (0..s.len()).find(|&i| s.head(i).is_none() && s.deprel(i) == "root");
                    let t = root.and_then(|r| s.subject_of(r));
                    let j = t.and_then(|t| {
                        items
                            .iter()
                            .position(|x| x.tokens.contains(&t) && matches!(x.what, What::Named(_)))
                    });
                    j.and_then(|j| self.resolve_item(s, items, j, done, depth + 1))
                } else {
                    None
                };
                let a = self.antecedent(s, it.tokens.start, *gender, *plural, *poss, subject)?;
                if *country_of {
                    if let Some(c) = self.country_actor(a) {
                        let code = self.out.actors[c].code;
                        self.mention(s, &it.tokens, head, c, code, MentionHow::CountryOf);
                        done[k] = Some(c);
                        return Some(c);
                    }
                }
                let code = self.out.actors[a].code;
                let t = it.tokens.start..it.tokens.start + 1;
                self.mention(s, &t, it.tokens.start, a, code, MentionHow::Pronoun);
                Some(a)
            }
            What::Pair { by_code } => {
                let (a, b) = self.pair_antecedents(s, it.tokens.start, *by_code)?;
                let code = self.out.actors[a].code;
                self.mention(s, &it.tokens, head, a, code, MentionHow::Description);
                let other = self.out.actors[b].code;
                if let Some(m) = self.out.mentions[s.idx].last_mut() {
                    m.also.extend(other);
                }
                Some(a)
            }
            What::Counterpart { possessor, country } => {
                let owner = possessor
                    .and_then(|p| items.iter().position(|x| x.tokens.start == p))
                    .and_then(|p| self.resolve_item(s, items, p, done, depth + 1));
                let (code, office) = self.counterpart_code(owner, *country);
                let cand = self.find_role_holder(country.as_ref(), code.as_ref(), office, owner);
                let a = match cand {
                    Some(a) => a,
                    None => {
                        let name = self.slice(s, &it.tokens);
                        self.new_actor(Named {
                            key: Key::New,
                            entry: None,
                            name,
                            kind: MatchKind::Person,
                            code,
                            role: owner.and_then(|o| self.out.actors[o].role.clone()),
                            office,
                            found_by: FoundBy::Description,
                            how: MentionHow::Description,
                            gender: Gender::Unknown,
                        })
                    }
                };
                self.mention(s, &it.tokens, head, a, code, MentionHow::Description);
                Some(a)
            }
            What::OrgDesc { word } => {
                let a = self.org_antecedent(s, it.tokens.start, head, word)?;
                let code = self.out.actors[a].code;
                self.mention(s, &it.tokens, head, a, code, MentionHow::Description);
                Some(a)
            }
            What::BareSector { agent } => {
                let root = self.bare_role_country(s, it.tokens.start, head)?;
                let ag = self.m.agents().get(*agent)?;
                let code = Code::parse(&root).ok().and_then(|c| ag.apply(&c).ok())?;
                let body = ag.kind != Some(AgentKind::People);
                let a = match self.keys.get(&Key::Code(code, body)) {
                    Some(&a) => a,
                    None => {
                        let adj = self.adjective(&root);
                        let name = format!("{adj} {}", self.agent_phrase(*agent));
                        let entry = self.country_entry(&root);
                        self.new_actor(Named {
                            key: Key::Code(code, body),
                            entry,
                            name,
                            kind: MatchKind::Country,
                            code: Some(code),
                            role: None,
                            office: None,
                            found_by: FoundBy::Description,
                            how: MentionHow::Description,
                            gender: Gender::Unknown,
                        })
                    }
                };
                self.mention(s, &it.tokens, head, a, Some(code), MentionHow::Description);
                Some(a)
            }
            What::SameSource => {
                let a = self
                    .seen
                    .iter()
                    .rev()
                    .find(|x| self.info[x.actor].source)
                    .map(|x| x.actor)?;
                let code = self.out.actors[a].code;
                self.mention(s, &it.tokens, head, a, code, MentionHow::Description);
                Some(a)
            }
            What::Source { anchor, office } => {
                let anchor = items.iter().position(|x| x.tokens.start == *anchor)?;
                let owner = self.resolve_item(s, items, anchor, done, depth + 1)?;
                let o = &self.out.actors[owner];
                let name = if *office {
                    format!("office of {}", o.name)
                } else {
                    format!(
                        "{} {}",
                        self.slice(s, &(s.head_of(&it.tokens)..it.tokens.end)),
                        self.slice(s, &(it.tokens.end..items[anchor].tokens.end))
                    )
                };
                let kind = if o.kind == MatchKind::Person {
                    MatchKind::Organization
                } else {
                    o.kind
                };
                let named = Named {
                    key: Key::New,
                    entry: o.entry,
                    name,
                    kind,
                    code: o.code,
                    role: None,
                    office: None,
                    found_by: FoundBy::Source,
                    how: MentionHow::Description,
                    gender: Gender::Unknown,
                };
                let a = self.new_actor(named);
                self.info[a].source = true;
                let code = self.out.actors[a].code;
                self.mention(s, &it.tokens, head, a, code, MentionHow::Description);
                Some(a)
            }
        };
        done[k] = r;
        r
    }

    /// A role apposed to a name adds what it knows to the name's actor.
    fn enrich(&mut self, a: usize, it: &Item, items: &[Item], done: &[Option<usize>]) {
        if self.out.actors[a].found_by == FoundBy::Entity {
            self.out.actors[a].found_by = FoundBy::Appositive;
        }
        match &it.what {
            What::Role(d) => {
                let actor = &mut self.out.actors[a];
                if actor.code.is_none() {
                    actor.code = d.code;
                }
                if actor.role.is_none() {
                    actor.role = Some(d.text.clone());
                }
                if self.info[a].office.is_none() {
                    self.info[a].office = d.office;
                }
            }
            What::Counterpart { possessor, country } => {
                let owner = possessor
                    .and_then(|p| items.iter().position(|x| x.tokens.start == p))
                    .and_then(|p| done.get(p).copied().flatten());
                let (code, office) = self.counterpart_code(owner, *country);
                let role = owner.and_then(|o| self.out.actors[o].role.clone());
                let actor = &mut self.out.actors[a];
                if actor.code.is_none() {
                    actor.code = code;
                }
                if actor.role.is_none() {
                    actor.role = role;
                }
                if self.info[a].office.is_none() {
                    self.info[a].office = office;
                }
            }
            _ => {}
        }
    }

    /// "her Iraqi counterpart": the country's root with the owner's sectors and office.
    fn counterpart_code(
        &self,
        owner: Option<usize>,
        country: Option<Code>,
    ) -> (Option<Code>, Option<Office>) {
        let owner_code = owner.and_then(|o| self.out.actors[o].code);
        let office = owner.and_then(|o| self.info[o].office);
        let code = country.and_then(|c| {
            let root = c.country()?;
            let secs: Vec<&str> = owner_code
                .as_ref()
                .map(|o| o.sectors().collect())
                .unwrap_or_default();
            Code::new(root, &secs).ok()
        });
        (code, office)
    }

    fn resolve_role(
        &mut self,
        s: &Sent<'_>,
        it: &Item,
        d: &RoleDesc,
        head: usize,
    ) -> Option<usize> {
        if d.definite {
            if let Some(a) =
                self.find_role_holder(d.country.as_ref(), d.code.as_ref(), d.office, None)
            {
                self.mention(
                    s,
                    &it.tokens,
                    head,
                    a,
                    d.code.or(self.out.actors[a].code),
                    MentionHow::Description,
                );
                return Some(a);
            }
        }
        // no holder: a nationality + role actor, when there is a nationality
        // ("the president" in a sentence about Kenya alone: Kenya's)
        let code = match d.code {
            Some(c) => c,
            None if d.definite => {
                let root = self.bare_role_country(s, it.tokens.start, head)?;
                let ag = self.m.agents().get(d.agent)?;
                Code::parse(&root).ok().and_then(|c| ag.apply(&c).ok())?
            }
            None => return None,
        };
        let key = Key::Phrase(code, d.agent);
        let a = match self.keys.get(&key) {
            Some(&a) => a,
            None => {
                let name = d
                    .text
                    .strip_prefix("the ")
                    .or_else(|| d.text.strip_prefix("The "))
                    .unwrap_or(&d.text)
                    .to_string();
                let entry = d
                    .country
                    .as_ref()
                    .and_then(|c| self.country_entry(c.as_str()));
                self.new_actor(Named {
                    key,
                    entry,
                    name,
                    kind: MatchKind::Person,
                    code: Some(code),
                    role: Some(self.agent_phrase(d.agent).to_string()),
                    office: d.office,
                    found_by: FoundBy::NationalityRole,
                    how: MentionHow::Phrase,
                    gender: Gender::Unknown,
                })
            }
        };
        self.mention(s, &it.tokens, head, a, Some(code), MentionHow::Phrase);
        Some(a)
    }

    /// The one person of the document holding a role: same country, the
    /// same office when both are known, else a code with all the sectors.
    fn find_role_holder(
        &self,
        country: Option<&Code>,
        code: Option<&Code>,
        office: Option<Office>,
        not: Option<usize>,
    ) -> Option<usize> {
        let root = country.and_then(|c| c.country());
        let mut hits: Vec<usize> = Vec::new();
        for (a, x) in self.out.actors.iter().enumerate() {
            if Some(a) == not || x.kind != MatchKind::Person || self.info[a].source {
                continue;
            }
            let Some(xc) = x.code else { continue };
            if root.is_some_and(|r| xc.country() != Some(r)) {
                continue;
            }
            let ok = match (office, self.info[a].office) {
                (Some(o), Some(p)) => o == p,
                _ => code.is_some_and(|c| c.sectors().all(|ch| xc.has_sector(ch))),
            };
            if ok {
                hits.push(a);
            }
        }
        (hits.len() == 1).then(|| hits[0])
    }

    /// The antecedent of a pronoun at token `at`.
    fn antecedent(
        &self,
        s: &Sent<'_>,
        at: usize,
        gender: Gender,
        plural: bool,
        poss: bool,
        part: Option<usize>,
    ) -> Option<usize> {
        let neuter = s.is(at, &["it", "its"]);
        let ok = |a: usize| -> bool {
            let x = &self.out.actors[a];
            if plural {
                // (a group of people named by a plural noun is one:
                // "expelled six Indian diplomats, accusing them")
                (!matches!(
                    x.kind,
                    MatchKind::Person | MatchKind::Media | MatchKind::Place
                ) || (x.kind == MatchKind::Person && !neuter && plural_phrase(&x.name)))
                    && (!neuter || !self.info[a].people)
            } else {
                x.kind == MatchKind::Person
                    && !self.info[a].source
                    && (self.info[a].gender == Gender::Unknown || self.info[a].gender == gender)
            }
        };
        let here = s.idx;
        // "For his part, X said": the sentence's subject, found by the caller
        if let Some(a) = part.filter(|&a| ok(a)) {
            return Some(a);
        }
        // the subject of the pronoun's own clause may not be an object pronoun's antecedent
        // (a subject pronoun is that subject: "Syria says it is willing")
        let subject_pronoun = matches!(s.deprel(at), "nsubj" | "nsubj:pass" | "expl");
        let own_subject = (!poss && !subject_pronoun)
            .then(|| s.clause(at))
            .flatten()
            .and_then(|v| s.subject_of(v))
            .and_then(|t| self.actor_at(here, t));
        // a possessive: the subject of its clause, when before it
        if poss {
            if let Some(t) = s.clause(at).and_then(|v| s.subject_of(v)) {
                if t < at {
                    if let Some(a) = self.actor_at(here, t).filter(|&a| ok(a)) {
                        return Some(a);
                    }
                }
            }
        }
        // (nor the state that subject is: "Ottawa accused them" after
        // "Canada expelled six Indian diplomats")
        let state = |a: usize| {
            self.out.actors[a]
                .code
                .filter(|c| c.country().is_some() && c.sectors().all(|x| x == "GOV"))
                .map(|c| c.root().to_string())
        };
        let own_state = own_subject.and_then(state);
        let not_own =
            |a: usize| Some(a) != own_subject && (own_state.is_none() || state(a) != own_state);
        // a subject earlier in this sentence, then the previous sentence's subject
        let earlier = self
            .seen
            .iter()
            .rev()
            .filter(|x| x.sentence == here && x.token < at)
            .filter(|x| s.is_subject(x.token) || !s.parsed() && x.token == 0)
            .map(|x| x.actor)
            .find(|&a| ok(a) && not_own(a));
        if earlier.is_some() {
            return earlier;
        }
        if here > 0 {
            let mut prev = self.subjects[here - 1].clone();
            prev.sort_by_key(|&(rank, _)| rank);
            if let Some(a) = prev.into_iter().map(|(_, a)| a).find(|&a| ok(a)) {
                if not_own(a) {
                    return Some(a);
                }
            }
        }
        self.seen
            .iter()
            .rev()
            .filter(|x| x.sentence + WINDOW >= here && (x.sentence < here || x.token < at))
            .map(|x| x.actor)
            .find(|&a| ok(a) && not_own(a))
    }

    /// A phrase still waiting for its country that a plural subject pronoun
    /// at token `at` stands for: the previous sentence's main subject (or its
    /// owner) when no actor ranks as high there, and nothing before the
    /// pronoun in its own sentence is a subject.
    fn waiting_antecedent(&self, s: &Sent<'_>, at: usize) -> Option<usize> {
        let here = s.idx;
        if here == 0
            || self
                .seen
                .iter()
                .any(|x| x.sentence == here && x.token < at && s.is_subject(x.token))
        {
            return None;
        }
        let (c, rank) = self
            .cands
            .iter()
            .enumerate()
            .filter(|(_, c)| c.sentence == here - 1 && c.person.is_none())
            .filter_map(|(i, c)| Some((i, c.rank.filter(|&r| r <= 1)?)))
            .min_by_key(|&(_, r)| r)?;
        let plural_ok = |a: usize| {
            !matches!(
                self.out.actors[a].kind,
                MatchKind::Person | MatchKind::Media | MatchKind::Place
            )
        };
        let outranked = self.subjects[here - 1]
            .iter()
            .any(|&(r, a)| r <= rank && plural_ok(a));
        (!outranked).then_some(c)
    }

    /// Whether token `t` of sentence `s` is in no item and no mention made
    /// so far: a word no actor stands for.
    fn unnamed(&self, s: &Sent<'_>, items: &[Item], t: usize) -> bool {
        !items.iter().any(|x| x.tokens.contains(&t))
            && !self
                .out
                .mentions
                .get(s.idx)
                .is_some_and(|v| v.iter().any(|m| m.tokens.contains(&t)))
    }

    /// The actor of the mention whose head is token `t` of sentence `si`.
    fn actor_at(&self, si: usize, t: usize) -> Option<usize> {
        let v = self.out.mentions.get(si)?;
        v.iter()
            .find(|m| m.head == t || m.tokens.contains(&t))
            .map(|m| m.actor)
    }

    /// "the organization": the most recent organization or armed group that
    /// is not the subject of the phrase's own clause.
    fn org_antecedent(&self, s: &Sent<'_>, at: usize, head: usize, word: &str) -> Option<usize> {
        let own_subject = s
            .clause(head)
            .and_then(|v| {
                let mut v = v;
                // climb through verbs with no subject of their own
                for _ in 0..4 {
                    if let Some(t) = s.subject_of(v) {
                        return Some(t);
                    }
                    v = s.head(v)?;
                    if let Some(c) = (s.upos(v) != "VERB").then(|| s.clause(v)).flatten() {
                        v = c;
                    }
                }
                None
            })
            .and_then(|t| self.actor_at(s.idx, t));
        let state = STATE_WORDS.contains(&word);
        let kinds: &[MatchKind] = if state {
            &[MatchKind::Country]
        } else if word == "group" || word == "movement" {
            &[MatchKind::ArmedGroup, MatchKind::Organization]
        } else {
            &[MatchKind::Organization, MatchKind::ArmedGroup]
        };
        // (a state, not its people or bodies: "Iran hosted Saudi
        // officials. The country ..." is Iran)
        let monarchy = matches!(word, "kingdom" | "emirate");
        let bare = |a: usize| {
            !state
                || self.out.actors[a].code.is_some_and(|c| {
                    c.sectors().next().is_none()
                        && c.country()
                            .is_some_and(|k| !monarchy || MONARCHIES.contains(&k))
                })
        };
        // "the bloc", "the alliance": the article's union or alliance,
        // however far back it was named
        let window = if matches!(word, "bloc" | "alliance") {
            4 * WINDOW
        } else {
            WINDOW
        };
        self.seen
            .iter()
            .rev()
            .filter(|x| x.sentence + window >= s.idx && (x.sentence < s.idx || x.token < at))
            .map(|x| x.actor)
            .find(|&a| {
                kinds.contains(&self.out.actors[a].kind)
                    && bare(a)
                    && !self.info[a].source
                    && Some(a) != own_subject
            })
    }

    /// The one country of this sentence's actors before token `at` (or of
    /// the previous sentence's, when this one has none).
    fn sole_country(&self, s: &Sent<'_>, at: usize) -> Option<String> {
        let roots = |si: usize, before: usize| -> Vec<String> {
            let mut v: Vec<String> = self
                .seen
                .iter()
                .filter(|x| x.sentence == si && x.token < before)
                .filter_map(|x| self.out.actors[x.actor].country().map(String::from))
                .collect();
            // the other countries of a list ("Egyptian and Kenyan officials")
            for x in self.out.mentions[si].iter().filter(|x| x.head < before) {
                v.extend(x.also.iter().filter_map(|c| c.country()).map(String::from));
            }
            v.sort();
            v.dedup();
            v
        };
        let mut r = roots(s.idx, at);
        if r.is_empty() && s.idx > 0 {
            r = roots(s.idx - 1, usize::MAX);
        }
        (r.len() == 1).then(|| r.remove(0))
    }

    /// The country of a bare role phrase at `start` (head word `head`): the
    /// one country of its sentence so far ([`Resolver::sole_country`]); a
    /// junta, mutineers or rebels belong to the country the story is about,
    /// not to the foreign power that speaks of them ("the French foreign
    /// ministry called on the mutineers", "Washington would not recognise
    /// the junta").
    fn bare_role_country(&self, s: &Sent<'_>, start: usize, head: usize) -> Option<String> {
        let root = self.sole_country(s, start)?;
        if s.is(head, CRISIS_WORDS) {
            if let Some(story) = self.story_country(s.idx) {
                return Some(story);
            }
        }
        Some(root)
    }

    /// The country the sentences before `si` are about: at least three
    /// mentions and more than any other country's.
    fn story_country(&self, si: usize) -> Option<String> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for x in self.seen.iter().filter(|x| x.sentence < si) {
            let a = &self.out.actors[x.actor];
            if let Some(c) = a.code.as_ref().and_then(|c| c.country()).or(a.country()) {
                *counts.entry(c).or_default() += 1;
            }
        }
        let (top, n) = counts
            .iter()
            .max_by_key(|(r, c)| (**c, std::cmp::Reverse(**r)))
            .map(|(r, c)| (*r, *c))?;
        let second = counts
            .iter()
            .filter(|(r, _)| **r != top)
            .map(|(_, &c)| c)
            .max()
            .unwrap_or(0);
        (n >= 3 && n > second).then(|| top.to_string())
    }

    fn country_entry(&self, root: &str) -> Option<ActorId> {
        self.m
            .actors()
            .iter()
            .position(|a| {
                matches!(a.kind, ActorKind::Country | ActorKind::Territory)
                    && a.country.as_ref().is_some_and(|c| c.as_str() == root)
            })
            .map(|i| ActorId(i as u32))
    }

    fn adjective(&self, root: &str) -> String {
        self.country_entry(root)
            .map(|id| {
                let a = self.m.actor(id);
                a.names_of(NameForm::Adjective)
                    .next()
                    .unwrap_or(a.name())
                    .to_string()
            })
            .unwrap_or_else(|| root.to_string())
    }

    /// The country actor of actor `a` (created from the dictionary if new).
    fn country_actor(&mut self, a: usize) -> Option<usize> {
        let root = self.out.actors[a].country()?.to_string();
        let id = self.country_entry(&root)?;
        if let Some(&c) = self.keys.get(&Key::Entry(id)) {
            return Some(c);
        }
        let ca = self.m.actor(id);
        Some(self.new_actor(Named {
            key: Key::Entry(id),
            entry: Some(id),
            name: ca.name().to_string(),
            kind: MatchKind::Country,
            code: ca.code_on(self.date),
            role: None,
            office: None,
            found_by: FoundBy::Dictionary,
            how: MentionHow::CountryOf,
            gender: Gender::Unknown,
        }))
    }

    fn actor_for(&mut self, nm: &Named) -> usize {
        if nm.key != Key::New {
            if let Some(&a) = self.keys.get(&nm.key) {
                // later mentions fill in what the first lacked
                let x = &mut self.out.actors[a];
                if x.code.is_none() && nm.how != MentionHow::Phrase {
                    x.code = nm.code;
                }
                if x.role.is_none() {
                    x.role = nm.role.clone();
                }
                if self.info[a].gender == Gender::Unknown {
                    self.info[a].gender = nm.gender;
                }
                if self.info[a].office.is_none() {
                    self.info[a].office = nm.office;
                }
                if x.found_by == FoundBy::Entity && nm.found_by != FoundBy::Entity {
                    x.found_by = nm.found_by;
                }
                if name_parts(&nm.name).len() > self.info[a].parts.len() && x.entry.is_none() {
                    x.name = nm.name.clone();
                    self.info[a].parts = name_parts(&nm.name);
                }
                return a;
            }
        }
        self.new_actor(nm.clone())
    }

    fn new_actor(&mut self, nm: Named) -> usize {
        let a = self.out.actors.len();
        let people = matches!(nm.key, Key::Code(_, false)) && plural_phrase(&nm.name);
        let parts = if nm.kind == MatchKind::Person {
            name_parts(&nm.name)
        } else {
            Vec::new()
        };
        self.out.actors.push(DocActor {
            id: format!("A{}", a + 1),
            name: nm.name,
            kind: nm.kind,
            code: nm.code,
            role: nm.role,
            found_by: nm.found_by,
            entry: nm.entry,
        });
        self.info.push(Info {
            people,
            gender: nm.gender,
            office: nm.office,
            parts,
            source: false,
        });
        if nm.key != Key::New {
            self.keys.insert(nm.key, a);
        }
        a
    }

    /// The last two political actors with codes of two countries (or of
    /// two codes, `by_code`: "both sides" of a civil war) named in this
    /// sentence before `at` or in the three sentences before it, not the
    /// subject of the verb over the phrase: what "the two leaders" stands for.
    fn pair_antecedents(&self, s: &Sent<'_>, at: usize, by_code: bool) -> Option<(usize, usize)> {
        let from = s.idx.saturating_sub(3);
        // "the EU chief urged both sides": the subject of the verb over the
        // pair is none of them
        let noun = (at..s.len())
            .find(|&i| !s.is(i, &["the", "two", "both"]))
            .unwrap_or(at);
        let subject = s.head(noun).and_then(|v| s.subject_of(v));
        let excluded: Vec<usize> = self.out.mentions[s.idx]
            .iter()
            .filter(|m| subject.is_some_and(|t| m.tokens.contains(&t)))
            .map(|m| m.actor)
            .collect();
        // two named together in one sentence first ("Erdogan met Aliyev",
        // "the army and the RSF fought"); else the last two across sentences
        let mut across: Vec<(usize, String)> = Vec::new();
        for si in (from..=s.idx).rev() {
            let mut here: Vec<(usize, String)> = Vec::new();
            for m in self.out.mentions.get(si)?.iter().rev() {
                if si == s.idx && m.tokens.start >= at {
                    continue;
                }
                let actor = &self.out.actors[m.actor];
                let Some(code) = m.code.or(actor.code) else {
                    continue;
                };
                // (nor a mediator or host, "talks mediated by Oman", nor a
                // place, "a meeting in Malaysia")
                let agent = si == s.idx
                    && (0..s.len()).any(|j| {
                        s.head(j) == Some(m.head) && s.is(j, &["by", "in", "at", "near", "inside"])
                    });
                if !actor.kind.is_political() || excluded.contains(&m.actor) || agent {
                    continue;
                }
                // a state and its government are one side ("Malaysia" and
                // its prime minister); its army and a rebel force are two
                let code = code.to_string();
                let key = match actor.country() {
                    Some(c) if !by_code || matches!(code.strip_prefix(c), Some("" | "GOV")) => {
                        c.to_string()
                    }
                    _ => code.clone(),
                };
                let bare = |a: usize| {
                    self.out.actors[a].code.map(|c| c.to_string()).as_deref()
                        == self.out.actors[a].country()
                };
                match here.iter_mut().find(|(_, k)| *k == key) {
                    // (the state's government over the state: "Carney told
                    // Trump that Canada ..., as the two leaders held talks")
                    Some(x) if bare(x.0) && code.strip_prefix(key.as_str()) == Some("GOV") => {
                        x.0 = m.actor
                    }
                    Some(_) => {}
                    None => here.push((m.actor, key)),
                }
            }
            if let [(a, _), (b, _), ..] = here[..] {
                return Some((b, a));
            }
            for (a, k) in here {
                if !across.iter().any(|(_, x)| *x == k) {
                    across.push((a, k));
                }
            }
        }
        match across[..] {
            [(a, _), (b, _), ..] => Some((b, a)),
            _ => None,
        }
    }

    fn mention(
        &mut self,
        s: &Sent<'_>,
        tokens: &Range<usize>,
        head: usize,
        actor: usize,
        code: Option<Code>,
        how: MentionHow,
    ) {
        let (Some(a), Some(b)) = (
            s.toks.get(tokens.start),
            s.toks.get(tokens.end.wrapping_sub(1)),
        ) else {
            return;
        };
        let head = if tokens.contains(&head) {
            head
        } else {
            tokens.end - 1
        };
        self.out.mentions[s.idx].push(Mention {
            sentence: s.idx,
            tokens: tokens.clone(),
            head,
            span: Span::new(a.start, b.end),
            actor,
            code,
            how,
            also: Vec::new(),
        });
        self.seen.push(Seen {
            actor,
            sentence: s.idx,
            token: head,
        });
        let rank = s.subject_rank(head);
        if let Some(rank) = rank {
            if !self.subjects[s.idx].iter().any(|&(_, a)| a == actor) {
                self.subjects[s.idx].push((rank, actor));
            }
        }
    }
}

/// A phrase for a group of people, by its plural head noun ("Chinese
/// officials", "Indian diplomats", "police").
fn plural_phrase(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or("");
    last.chars().all(|c| c.is_ascii_lowercase())
        && ((last.ends_with('s') && !last.ends_with("ss")) || matches!(last, "police" | "people"))
}

// ---------------------------------------------------------------- context

/// What a phrase's own modifiers say about its country.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Local {
    /// No modifier names a country.
    Unknown,
    /// One country ("demonstrators in Baghdad").
    One(String),
    /// Two or more: nothing decides.
    Conflict,
    /// One modifier naming several ("lawmakers in X and Y"): each of them.
    List(Vec<String>),
}

/// A phrase waiting for a country from its context.
#[derive(Debug, Clone)]
struct Cand {
    sentence: usize,
    tokens: Range<usize>,
    head: usize,
    span: Span,
    agent: usize,
    local: Local,
    /// Only a local modifier may decide ("refugees", "journalists": often foreign).
    local_only: bool,
    /// A title before an unlisted name: this person gets the country.
    person: Option<usize>,
    /// Its rank as a pronoun's antecedent (see `Sent::subject_rank`).
    rank: Option<u8>,
}

/// Words that make a sector phrase foreign or international.
const FOREIGN: &[&str] = &[
    "foreign",
    "international",
    "western",
    "multinational",
    "allied",
    "overseas",
    "coalition",
    "un",
    "u.n.",
    "nato",
    "peacekeeping",
    "exiled",
    "expatriate",
    "visiting",
    "outside",
    "relief",
    "aid",
    "humanitarian",
    "world",
    "global",
];
/// Possessives that give a phrase an owner ("its forces in Lebanon").
const POSSESSIVES: &[&str] = &["its", "their", "his", "her", "our", "my", "your"];
/// Sector phrases too generic, or too often foreign, to get a country from context.
const NOT_DOMESTIC: &[&str] = &[
    "people",
    "public",
    "population",
    "family",
    "families",
    "state",
    "states",
    "the state",
    "security",
    "security sector",
    "division",
    "divisions",
    "committee",
    "committees",
    "mission",
    "missions",
    "diplomatic mission",
    "delegation",
    "delegations",
    "delegate",
    "delegates",
    "embassy",
    "embassies",
    "consulate",
    "consulates",
    "peacekeeper",
    "peacekeepers",
    "peacekeeping force",
    "peacekeeping forces",
    "peacekeeping troops",
    "mercenary",
    "mercenaries",
    "contractors",
    "private military contractors",
];
/// Prepositions of a local modifier ("in Zimbabwe", "of Egypt", "from Gaza").
const LOCAL_PREPS: &[&str] = &[
    "in",
    "of",
    "from",
    "at",
    "inside",
    "across",
    "throughout",
    "near",
    "around",
];
/// Participles that carry a location ("a group based in Trinidad").
const LOCATED: &[&str] = &[
    "based",
    "stationed",
    "located",
    "living",
    "deployed",
    "operating",
];

impl<'a> Resolver<'a> {
    /// The country a match names (a country, a city standing for one, a place).
    fn match_root(&self, y: &Match) -> Option<String> {
        match y.kind {
            MatchKind::Country | MatchKind::CityMetonym | MatchKind::Place => y
                .code
                .as_ref()
                .and_then(|c| c.country())
                // the entry's own country; a dictionary's made-up state is
                // one too (a root the table does not know)
                .or_else(|| {
                    let c = self.m.actor(y.actor?).country.as_ref()?;
                    let codes = crate::Knowledge::builtin().codes();
                    c.country()
                        .or_else(|| codes.root_kind(c.root()).is_none().then(|| c.root()))
                })
                .map(String::from),
            _ => None,
        }
    }

    /// Words `r` and their premodifiers and dependents (amod, compound, nmod).
    fn modifiers(&self, s: &Sent<'_>, r: &Range<usize>) -> Vec<usize> {
        let mut out: Vec<usize> = r.clone().collect();
        let mut k = r.start;
        while k > 0 && r.start - k < 4 {
            k -= 1;
            if s.parsed() && !matches!(s.upos(k), "ADJ" | "NOUN" | "PROPN" | "DET" | "NUM") {
                break;
            }
            out.push(k);
        }
        if s.parsed() {
            for j in 0..s.len() {
                if !r.contains(&j)
                    && s.head(j).is_some_and(|h| r.contains(&h))
                    && matches!(s.deprel(j), "amod" | "compound" | "nmod" | "nmod:poss")
                {
                    out.push(j);
                }
            }
        }
        out
    }

    /// Whether phrase `r` is foreign or international ("foreign troops",
    /// "UN peacekeepers"), or belongs to an organization or person ("Hamas
    /// militants", "Mugabe's police").
    fn foreign(&self, s: &Sent<'_>, found: &[Match], r: &Range<usize>) -> bool {
        let mods = self.modifiers(s, r);
        // a word standing for another actor: "its forces", "the rebel
        // Kurdistan Workers' Party", "Human rights organization Amnesty"
        let owner = found.iter().any(|y| {
            !matches!(
                y.kind,
                MatchKind::Country | MatchKind::CityMetonym | MatchKind::Place
            ) && (y.tokens.start == r.end
                || s.head(s.head_of(r)).is_some_and(|h| y.tokens.contains(&h)))
        });
        owner
            || mods
                .iter()
                .any(|&k| s.is(k, FOREIGN) || s.is(k, POSSESSIVES))
            || found.iter().any(|y| {
                !matches!(
                    y.kind,
                    MatchKind::Country
                        | MatchKind::CityMetonym
                        | MatchKind::Place
                        | MatchKind::Sector
                ) && mods.iter().any(|k| y.tokens.contains(k))
            })
    }

    /// The country the modifiers of phrase `r` give: its nmod/obl/compound/amod
    /// dependents, through nouns, two levels down ("settlers in the city of
    /// Hebron"); without a parse, "X in|of <country>" and "<place> X".
    fn local_country(&self, s: &Sent<'_>, found: &[Match], r: &Range<usize>) -> Local {
        // a country inside a hyphenated word ("Syrian-backed") is not a modifier
        let root_at = |t: usize| -> Option<Option<String>> {
            found.iter().find(|y| y.tokens.contains(&t)).map(|y| {
                let whole = s
                    .toks
                    .get(y.tokens.start)
                    .is_some_and(|a| a.start == y.span.start)
                    && s.toks
                        .get(y.tokens.end - 1)
                        .is_some_and(|b| b.end == y.span.end);
                let joined = s.is(y.tokens.end, &["-"])
                    || (y.tokens.start > 0 && s.is(y.tokens.start - 1, &["-"]));
                self.match_root(y).filter(|_| whole && !joined)
            })
        };
        let mut roots: Vec<String> = Vec::new();
        // modifiers naming a country (a list counts once); a list after a
        // preposition is read as one ("lawmakers in X and Y")
        let mut groups = 0;
        let mut by_prep = false;
        if s.parsed() {
            let case_ok = |j: usize| {
                (0..s.len())
                    .find(|&k| s.head(k) == Some(j) && s.deprel(k) == "case")
                    .is_some_and(|k| s.is(k, LOCAL_PREPS))
            };
            let mut frontier: Vec<usize> = r.clone().collect();
            let mut visited: Vec<usize> = Vec::new();
            for _ in 0..3 {
                let mut next = Vec::new();
                for j in 0..s.len() {
                    if visited.contains(&j) || r.contains(&j) {
                        continue;
                    }
                    if !s.head(j).is_some_and(|h| frontier.contains(&h)) {
                        continue;
                    }
                    let ok = match s.deprel(j) {
                        "compound" | "amod" | "nmod:poss" | "flat" | "appos" => true,
                        "nmod" | "obl" => case_ok(j),
                        "acl" => s.is(j, LOCATED),
                        _ => false,
                    };
                    if !ok {
                        continue;
                    }
                    visited.push(j);
                    match root_at(j) {
                        Some(Some(root)) => {
                            groups += 1;
                            by_prep = matches!(s.deprel(j), "nmod" | "obl");
                            if !roots.contains(&root) {
                                roots.push(root);
                            }
                            // "in Uganda and Sudan": the conjuncts too
                            for k in 0..s.len() {
                                if s.head(k) == Some(j) && s.deprel(k) == "conj" {
                                    if let Some(Some(r)) = root_at(k) {
                                        if !roots.contains(&r) {
                                            roots.push(r);
                                        }
                                    }
                                }
                            }
                        }
                        // another actor: not a place, and nothing below it is
                        Some(None) => {}
                        None => {
                            if matches!(s.upos(j), "NOUN" | "PROPN" | "VERB") {
                                next.push(j);
                            }
                        }
                    }
                }
                if next.is_empty() {
                    break;
                }
                frontier = next;
            }
        } else {
            let mut j = r.end;
            if s.is(j, &["in", "of"]) {
                j += 1;
                if s.is(j, &["the"]) {
                    j += 1;
                }
                if let Some(Some(root)) = root_at(j) {
                    roots.push(root);
                }
            }
            if let Some(y) = found.iter().find(|y| y.tokens.end == r.start) {
                if let Some(root) = self.match_root(y).filter(|x| !roots.contains(x)) {
                    roots.push(root);
                }
            }
        }
        match roots.len() {
            0 => Local::Unknown,
            1 => Local::One(roots.remove(0)),
            _ if groups == 1 && by_prep => Local::List(roots),
            _ => Local::Conflict,
        }
    }

    /// "Prisoners rioted at a jail in Dili": the subject of a verb acts
    /// where the verb's place phrases say (one country only).
    fn acting_in(&self, s: &Sent<'_>, found: &[Match], head: usize) -> Local {
        const AT: &[&str] = &["in", "at", "inside", "across", "throughout", "near"];
        // "detectives and officers travelled": a conjunct acts as the first
        let head = match s.head(head) {
            Some(h) if s.parsed() && s.deprel(head) == "conj" => h,
            _ => head,
        };
        if !s.parsed() || s.deprel(head) != "nsubj" {
            return Local::Unknown;
        }
        let Some(v) = s.head(head) else {
            return Local::Unknown;
        };
        let phrase = |j: usize| {
            matches!(s.deprel(j), "obl" | "nmod")
                && (0..s.len())
                    .any(|k| s.head(k) == Some(j) && s.deprel(k) == "case" && s.is(k, AT))
        };
        // "officers traveled to Canada": a country they go to is not theirs
        let to = |j: usize| {
            matches!(s.deprel(j), "obl")
                && (0..s.len()).any(|k| {
                    s.head(k) == Some(j) && s.deprel(k) == "case" && s.is(k, &["to", "into"])
                })
        };
        if (0..s.len()).any(|j| {
            s.head(j) == Some(v)
                && to(j)
                && found
                    .iter()
                    .any(|y| y.tokens.contains(&j) && y.kind == MatchKind::Country)
        }) {
            return Local::Conflict;
        }
        let mut roots: Vec<String> = Vec::new();
        let mut frontier = vec![v];
        for _ in 0..2 {
            let mut next = Vec::new();
            for j in (0..s.len()).filter(|&j| s.head(j).is_some_and(|h| frontier.contains(&h))) {
                if !phrase(j) {
                    continue;
                }
                match found.iter().find(|y| y.tokens.contains(&j)) {
                    Some(y) => {
                        if let Some(r) = self.match_root(y).filter(|_| y.kind != MatchKind::Sector)
                        {
                            if !roots.contains(&r) {
                                roots.push(r);
                            }
                        }
                    }
                    None => next.push(j),
                }
            }
            frontier = next;
        }
        match roots.len() {
            1 => Local::One(roots.remove(0)),
            _ => Local::Unknown,
        }
    }

    /// After a sentence is resolved: its places' countries, and the bare
    /// sector phrases and untitled persons ("President X", no country) that
    /// nothing claimed.
    fn context_candidates(&mut self, s: &Sent<'_>, found: &[Match]) {
        for x in found {
            if x.kind != MatchKind::Place {
                continue;
            }
            if let Some(root) = self.match_root(x) {
                if !self.place_roots[s.idx].contains(&root) {
                    self.place_roots[s.idx].push(root);
                }
            }
        }
        for x in found {
            if x.kind != MatchKind::Sector {
                continue;
            }
            let Some(agent) = x.agent else { continue };
            let Some(ag) = self.m.agents().get(agent) else {
                continue;
            };
            if is_person_agent(self.m, x) {
                // "President X": the title starts the person's mention
                let hit = self.out.mentions[s.idx]
                    .iter()
                    .find(|m| m.tokens.start == x.tokens.start && m.tokens.end > x.tokens.end)
                    .filter(|m| {
                        let p = &self.out.actors[m.actor];
                        p.kind == MatchKind::Person
                            && p.code.is_none()
                            && p.found_by == FoundBy::TitleName
                    })
                    .map(|m| (m.actor, m.tokens.clone(), m.head, m.span));
                // "lawmakers", "officials": a bare plural role is people of
                // the state like "police", and takes the country the same way
                let plural = s.low[x.tokens.end - 1].ends_with('s')
                    && !s.low[x.tokens.end - 1].ends_with("ss");
                // (not one an actor modifies: "Russian civilian advisers"
                // are told by that match)
                let modified = (0..s.len()).any(|j| {
                    s.head(j).is_some_and(|h| x.tokens.contains(&h))
                        && matches!(s.deprel(j), "amod" | "compound" | "nmod:poss")
                        && found
                            .iter()
                            .any(|y| y.kind != MatchKind::Sector && y.tokens.contains(&j))
                }) || found
                    .iter()
                    .any(|y| y.kind != MatchKind::Sector && y.tokens.end == x.tokens.start);
                // one holder per country ("presidents", "kings", "speakers"):
                // several are several countries' (or no role: "monarchs" are
                // butterflies too); a capital inside the sentence makes a
                // name ("the Sacramento Kings", "Queens")
                let phrase = self.agent_phrase(agent);
                let single = office_of_phrase(phrase).is_some() || phrase.starts_with("speaker");
                let named = x.tokens.start > 0 && s.capitalized(x.tokens.start);
                if hit.is_none() && plural && !modified && !single && !named {
                    // (below)
                } else if let Some((a, tokens, head, span)) = hit {
                    if !self.foreign(s, found, &x.tokens) {
                        let local = self.local_country(s, found, &tokens);
                        self.cands.push(Cand {
                            sentence: s.idx,
                            tokens,
                            head,
                            span,
                            agent,
                            local,
                            local_only: false,
                            person: Some(a),
                            rank: None,
                        });
                    }
                    continue;
                } else {
                    continue;
                }
            }
            let taken = self.out.mentions[s.idx]
                .iter()
                .any(|m| m.tokens.start < x.tokens.end && x.tokens.start < m.tokens.end);
            // a modifier of another noun ("civilian government", "Christian east Beirut")
            let modifier = matches!(
                s.deprel(s.head_of(&x.tokens)),
                "amod" | "compound" | "flat" | "appos"
            );
            if taken || modifier || self.foreign(s, found, &x.tokens) {
                continue;
            }
            let mut text = String::new();
            fold_into(&self.slice(s, &x.tokens), &mut text);
            if NOT_DOMESTIC.contains(&text.as_str()) {
                continue;
            }
            let chunks: Vec<&str> = ag.chunks.chunks().collect();
            let has = |cs: &[&str]| chunks.iter().any(|c| cs.contains(c));
            let state = has(&["GOV", "MIL", "COP", "LEG", "JUD"]);
            // a PETRARCH agent (no kind: "human rights activists") only from
            // its own modifier
            let unknown = ag.kind.is_none() && !state;
            if ag.kind != Some(AgentKind::People) && !state && !unknown {
                continue;
            }
            let local_only = unknown || has(&["REF", "MED", "NGO", "HLH", "BUS", "IGO"]);
            let mut local = self.local_country(s, found, &x.tokens);
            if matches!(local, Local::Unknown) && !local_only {
                local = self.acting_in(s, found, s.head_of(&x.tokens));
            }
            let head = s.head_of(&x.tokens);
            self.cands.push(Cand {
                sentence: s.idx,
                tokens: x.tokens.clone(),
                head,
                span: x.span,
                agent,
                local,
                local_only,
                person: None,
                rank: s.subject_rank(head),
            });
        }
    }

    /// Gives the waiting phrases a country: their own modifier's; else the
    /// one country of their sentence's actors and places (unless the
    /// document is dominated by another); else, in a sentence with no
    /// country at all, the document's dominant country (at least three
    /// mentions and 60% of the country mentions). Two countries in play
    /// and no modifier: no country.
    /// A sector phrase of the state (government, legislature, courts,
    /// military, police).
    fn is_state_agent(&self, agent: usize) -> bool {
        self.m.agents().get(agent).is_some_and(|g| {
            g.chunks
                .chunks()
                .any(|c| matches!(c, "GOV" | "MIL" | "COP" | "LEG" | "JUD"))
        })
    }

    /// A sector phrase of ordinary people (protesters, civilians,
    /// refugees), not of a state or an armed group.
    fn is_crowd_agent(&self, agent: usize) -> bool {
        self.m.agents().get(agent).is_some_and(|g| {
            g.chunks.chunks().any(|c| matches!(c, "CVL" | "REF"))
                && !g
                    .chunks
                    .chunks()
                    .any(|c| matches!(c, "GOV" | "MIL" | "COP" | "REB" | "UAF" | "SPY"))
        })
    }

    fn resolve_context(&mut self) {
        if self.cands.is_empty() {
            return;
        }
        let n = self.out.mentions.len();
        let mut sent_roots: Vec<Vec<String>> = vec![Vec::new(); n];
        // the countries of the sentence's leaders (persons in government)
        let mut leader_roots: Vec<Vec<String>> = vec![Vec::new(); n];
        let mut counts: HashMap<String, usize> = HashMap::new();
        let mut total = 0usize;
        for (si, roots) in sent_roots.iter_mut().enumerate() {
            let mut v = self.place_roots[si].clone();
            for m in &self.out.mentions[si] {
                let a = &self.out.actors[m.actor];
                if a.kind == MatchKind::Media {
                    continue;
                }
                if let Some(r) = m.code.as_ref().and_then(|c| c.country()).or(a.country()) {
                    let gov = m
                        .code
                        .or(a.code)
                        .is_some_and(|c| c.sectors().any(|x| x == "GOV"));
                    if a.kind == MatchKind::Person
                        && gov
                        && !leader_roots[si].iter().any(|x| x == r)
                    {
                        leader_roots[si].push(r.to_string());
                    }
                    v.push(r.to_string());
                    // "Egyptian and Kenyan officials": each country in play
                    v.extend(m.also.iter().filter_map(|c| c.country()).map(String::from));
                } else if m.code.or(a.code).is_some_and(|c| c.root() == "IGO") {
                    // an international organization in play: its people may be the ones
                    v.push("IGO".to_string());
                }
            }
            for r in v.iter().filter(|r| *r != "IGO") {
                *counts.entry(r.clone()).or_default() += 1;
                total += 1;
            }
            v.sort();
            v.dedup();
            *roots = v;
        }
        let dominant = counts
            .iter()
            .max_by_key(|(r, c)| (**c, std::cmp::Reverse((*r).clone())))
            .filter(|(_, &c)| c >= 3 && c * 5 >= total * 3)
            .map(|(r, _)| r.clone())
            // or the dateline's country, named twice and as often as any
            // ("NAIROBI - ... Kenyan police ... China's foreign minister")
            .or_else(|| {
                let d = self.dateline_root.as_ref()?;
                let n = counts.get(d).copied().unwrap_or(0);
                (n >= 2 && counts.values().all(|&c| c <= n)).then(|| d.clone())
            });
        let first_new = self.out.actors.len();
        let cands = std::mem::take(&mut self.cands);
        let mut resolved: Vec<Option<(usize, Code)>> = vec![None; cands.len()];
        for (ci, c) in cands.iter().enumerate() {
            let root = match &c.local {
                Local::One(r) => Some(r.clone()),
                Local::List(rs) => rs.first().cloned(),
                Local::Conflict => None,
                Local::Unknown if c.local_only => None,
                Local::Unknown => match sent_roots[c.sentence].as_slice() {
                    [one] => (one != "IGO" && dominant.as_ref().is_none_or(|d| d == one))
                        .then(|| one.clone()),
                    // (an unlisted "President X" too: the story's country)
                    [] => dominant.clone(),
                    // "Congress is asking Obama to help Iran": a state body
                    // beside the one leader the sentence names is his country's
                    // (a body: "leaders" beside a French minister are not
                    // all French)
                    _ if c.person.is_none()
                        && self.is_state_agent(c.agent)
                        && self.m.agents().get(c.agent).and_then(|g| g.kind)
                            != Some(AgentKind::Person) =>
                    {
                        match leader_roots[c.sentence].as_slice() {
                            [one] => Some(one.clone()),
                            _ => None,
                        }
                    }
                    // "Iraqi police dispersed protesters who tried to storm
                    // the Swedish embassy in Baghdad": ordinary people are
                    // of the place where it happens
                    _ if c.person.is_none() && self.is_crowd_agent(c.agent) => {
                        let mut places = self.place_roots[c.sentence].clone();
                        places.sort();
                        places.dedup();
                        match places.as_slice() {
                            [one] if one != "IGO" => Some(one.clone()),
                            _ => None,
                        }
                    }
                    _ => None,
                },
            };
            let Some(mut root) = root else { continue };
            // settlers on Palestinian land are Israelis ("settlers attacked
            // a Palestinian village")
            if root == "PSE" && self.agent_phrase(c.agent).starts_with("settler") {
                root = "ISR".to_string();
            }
            let Some(ag) = self.m.agents().get(c.agent) else {
                continue;
            };
            let Some(code) = Code::parse(&root).ok().and_then(|x| ag.apply(&x).ok()) else {
                continue;
            };
            let also: Vec<Code> = match &c.local {
                Local::List(rs) => rs[1..]
                    .iter()
                    .filter_map(|r| Code::parse(r).ok().and_then(|x| ag.apply(&x).ok()))
                    .collect(),
                _ => Vec::new(),
            };
            if let Some(p) = c.person {
                if self.out.actors[p].code.is_none() {
                    self.out.actors[p].code = Some(code);
                    for m in self.out.mentions.iter_mut().flatten() {
                        if m.actor == p && m.code.is_none() {
                            m.code = Some(code);
                        }
                    }
                }
                continue;
            }
            let body = !matches!(ag.kind, Some(AgentKind::People | AgentKind::Person));
            let key = Key::Code(code, body);
            let a = match self.keys.get(&key) {
                Some(&a) => a,
                None => {
                    let text = self.text.get(c.span.range()).unwrap_or("");
                    let lower = if text.chars().skip(1).any(char::is_uppercase) {
                        text.to_string()
                    } else {
                        text.to_lowercase()
                    };
                    let name = format!("{} {lower}", self.adjective(&root));
                    let entry = self.country_entry(&root);
                    self.new_actor(Named {
                        key,
                        entry,
                        name,
                        kind: MatchKind::Country,
                        code: Some(code),
                        role: None,
                        office: None,
                        found_by: FoundBy::Context,
                        how: MentionHow::Phrase,
                        gender: Gender::Unknown,
                    })
                }
            };
            self.out.mentions[c.sentence].push(Mention {
                sentence: c.sentence,
                tokens: c.tokens.clone(),
                head: c.head,
                span: c.span,
                actor: a,
                code: Some(code),
                how: MentionHow::Phrase,
                also,
            });
            resolved[ci] = Some((a, code));
        }
        for (c, si, t, span) in std::mem::take(&mut self.pending) {
            let Some((a, code)) = resolved.get(c).copied().flatten() else {
                continue;
            };
            self.out.mentions[si].push(Mention {
                sentence: si,
                tokens: t..t + 1,
                head: t,
                span,
                actor: a,
                code: Some(code),
                how: MentionHow::Pronoun,
                also: Vec::new(),
            });
        }
        self.reorder(first_new);
    }

    /// Moves the actors from `first_new` on to their first mention's place
    /// in the actor order, and renumbers.
    fn reorder(&mut self, first_new: usize) {
        let n = self.out.actors.len();
        if first_new >= n {
            return;
        }
        let mut first = vec![(usize::MAX, usize::MAX); n];
        for m in self.out.mentions.iter().flatten() {
            let k = (m.sentence, m.tokens.start);
            if k < first[m.actor] {
                first[m.actor] = k;
            }
        }
        let mut order: Vec<usize> = (0..first_new).collect();
        let mut new: Vec<usize> = (first_new..n).collect();
        new.sort_by_key(|&a| first[a]);
        for a in new {
            let at = order
                .iter()
                .position(|&b| first[b] > first[a])
                .unwrap_or(order.len());
            order.insert(at, a);
        }
        let mut to = vec![0; n];
        for (new_i, &old) in order.iter().enumerate() {
            to[old] = new_i;
        }
        let mut actors: Vec<Option<DocActor>> = std::mem::take(&mut self.out.actors)
            .into_iter()
            .map(Some)
            .collect();
        let mut info: Vec<Option<Info>> = std::mem::take(&mut self.info)
            .into_iter()
            .map(Some)
            .collect();
        for (i, &old) in order.iter().enumerate() {
            let mut a = actors[old].take().expect("each actor once");
            a.id = format!("A{}", i + 1);
            self.out.actors.push(a);
            self.info.push(info[old].take().expect("each actor once"));
        }
        for m in self.out.mentions.iter_mut().flatten() {
            m.actor = to[m.actor];
        }
        for s in &mut self.seen {
            s.actor = to[s.actor];
        }
        for v in &mut self.subjects {
            for (_, a) in v {
                *a = to[*a];
            }
        }
        for a in self.keys.values_mut() {
            *a = to[*a];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_homonyms_parse() {
        let all = parse_homonyms(HOMONYMS);
        assert!(all.iter().all(Result::is_ok), "{all:?}");
        assert!(homonyms()
            .iter()
            .any(|h| h.name == "Georgia" && h.other_root == "USA"));
        assert_eq!(
            parse_homonyms("Georgia | GEO | USA\n")[0].as_ref().err(),
            Some(&1)
        );
        // whole words only
        let g = &homonyms()[0];
        assert!(g.other_place_in("Georgia voted, as did Florida."));
        assert!(!g.other_place_in("Georgia voted, as did Floridas."));
        assert!(!g.other_place_in("Georgia voted, as did Florida; Tbilisi waited."));
        let c = homonyms().iter().find(|h| h.name == "Congo").unwrap();
        assert!(c.other_is_country && c.other_root == "COG");
        assert!(!g.other_is_country);
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("parly", "parley"), 1);
        assert_eq!(edit_distance("kovacs", "kovach"), 1);
        assert_eq!(edit_distance("abc", "abc"), 0);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn first_names_give_gender() {
        let g = |s: &str| gender_of_name(&name_parts(s));
        assert_eq!(g("Florence Parly"), Gender::Female);
        assert_eq!(g("Mustafa Al-Kazemi"), Gender::Male);
        assert_eq!(g("Zorblat Quux"), Gender::Unknown);
        assert_eq!(g("Parly"), Gender::Unknown);
    }

    #[test]
    fn offices_from_phrases() {
        assert_eq!(
            office_of_phrase("prime minister"),
            Some(Office::HeadOfGovernment)
        );
        assert_eq!(
            office_of_phrase("minister of the armed forces"),
            Some(Office::DefenceMinister)
        );
        assert_eq!(office_of_phrase("minister"), None);
    }
}
