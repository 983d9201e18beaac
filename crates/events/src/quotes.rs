//! Quotes and who said them.
//!
//! Direct quotes come from quotation marks, paired per paragraph: any
//! double mark (straight, curly, low, guillemet) toggles, so a misused or
//! space-separated closing mark (`yet. "`) still closes, and a paragraph
//! that ends inside a quote ends the quote there (news style: a quote that
//! runs on reopens in the next paragraph). Short marked phrases with no
//! verb and no sentence punctuation are scare quotes or titles, not speech.
//!
//! The speaker is the subject of the reporting verb: the last one before
//! the quote in its first sentence (`X said, "..."`, `X stressed that
//! "..."`), else the first one after it in its last sentence (`"...," X
//! said`, `"...," said X`). A verb with no subject of its own (`saying,
//! "..."`) takes its governing clause's. The subject is read through the
//! document's resolved actors, so "She said" is Parly. A paragraph that is
//! all quote, with no verb, continues the previous paragraph's speaker.
//!
//! Indirect speech is a reporting verb's `that`-clause outside quotation
//! marks (`X said that ...`).

use khaldun_actors::DocumentActors;
use khaldun_analysis::AnalyzedSentence;
use khaldun_types::{Segmented, Span};
use serde::Serialize;

/// Who said it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    /// The document actor, if the speaker is one.
    pub actor_id: Option<String>,
    /// The actor's name, or the words naming the speaker.
    pub name: String,
    /// The words in the sentence ("She", "a police spokesman").
    pub text: String,
}

/// A quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The quoted words (inside the marks for a direct quote).
    pub text: String,
    /// Where they are.
    pub span: Span,
    /// In quotation marks (true) or reported speech (false).
    pub direct: bool,
    /// The reporting verb's lemma ("say", "stress").
    pub verb: Option<String>,
    /// Who said it, when known.
    pub speaker: Option<Speaker>,
}

/// Verbs that report speech (lemmas).
const REPORTING: &[&str] = &[
    "say",
    "read",
    "tell",
    "add",
    "stress",
    "state",
    "affirm",
    "reaffirm",
    "confirm",
    "note",
    "explain",
    "declare",
    "announce",
    "insist",
    "warn",
    "claim",
    "argue",
    "write",
    "reply",
    "respond",
    "continue",
    "emphasize",
    "emphasise",
    "reiterate",
    "indicate",
    "comment",
    "tweet",
    "post",
    "assert",
    "maintain",
    "acknowledge",
    "admit",
    "deny",
    "allege",
    "report",
    "recall",
    "urge",
    "remark",
    "predict",
    "promise",
    "vow",
    "pledge",
    "suggest",
    "point",
    "underline",
    "underscore",
    "highlight",
    "observe",
    "describe",
    "call",
    "ask",
    "answer",
    "conclude",
    "testify",
    "concede",
    "boast",
    "complain",
    "lament",
    "quip",
    "joke",
    "shout",
    "cry",
    "whisper",
    "mention",
    "disclose",
    "reveal",
    "caution",
    "believe",
    "think",
    "feel",
];

fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}'
    )
}

/// (open, close) byte offsets of the content of each marked span, per paragraph.
fn marked_spans(text: &str, para: Span) -> Vec<(u32, u32, bool)> {
    let body = para.slice(text);
    let base = para.start;
    let mut out = Vec::new();
    let mut open: Option<u32> = None;
    for (i, c) in body.char_indices() {
        if !is_mark(c) {
            continue;
        }
        let at = base + i as u32;
        match open {
            None => open = Some(at + c.len_utf8() as u32),
            Some(s) => {
                out.push((s, at, true));
                open = None;
            }
        }
    }
    if let Some(s) = open {
        // runs on past the paragraph: ends with it
        out.push((s, para.end, false));
    }
    out
}

fn trim(text: &str, s: u32, e: u32) -> Option<Span> {
    let piece = text.get(s as usize..e as usize)?;
    let lead = piece.len() - piece.trim_start().len();
    let t = piece.trim();
    (!t.is_empty()).then(|| Span::new(s + lead as u32, s + (lead + t.len()) as u32))
}

struct Doc<'a> {
    text: &'a str,
    seg: &'a Segmented,
    an: &'a [AnalyzedSentence],
    actors: &'a DocumentActors,
}

impl Doc<'_> {
    fn sentence_at(&self, pos: u32) -> Option<usize> {
        self.seg
            .sentences
            .iter()
            .position(|s| s.span.start <= pos && pos <= s.span.end)
    }

    fn children(&self, si: usize, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.an[si]
            .words
            .iter()
            .enumerate()
            .filter(move |(_, w)| w.head as usize == i + 1)
            .map(|(k, _)| k)
    }

    /// First and last word of the subtree of word `i`.
    fn subtree(&self, si: usize, i: usize) -> (usize, usize) {
        let words = &self.an[si].words;
        let (mut lo, mut hi) = (i, i);
        let mut stack = vec![i];
        let mut guard = 0;
        while let Some(k) = stack.pop() {
            guard += 1;
            if guard > words.len() * 2 {
                break;
            }
            lo = lo.min(k);
            hi = hi.max(k);
            stack.extend(self.children(si, k));
        }
        (lo, hi)
    }

    fn is_reporting(&self, si: usize, i: usize) -> bool {
        let words = &self.an[si].words;
        let w = &words[i];
        // `"...," reads the statement`: right after a closing mark, a
        // reporting word is a verb whatever its tag
        let after_quote = self
            .text
            .get(..w.span.start as usize)
            .and_then(|t| t.trim_end().chars().last())
            .is_some_and(is_mark);
        (w.upos == "VERB" || (after_quote && w.upos == "NOUN"))
            && REPORTING.contains(&w.lemma.as_str())
    }

    /// The subject of verb `v`, climbing to the governing clause for
    /// subjectless verbs ("saying, ..."); a subject inside a direct quote is
    /// the quote's own, not the speaker.
    fn subject(&self, si: usize, v: usize, quoted: &[Span]) -> Option<usize> {
        let words = &self.an[si].words;
        let inside = |k: usize| {
            quoted
                .iter()
                .any(|q| q.start <= words[k].span.start && words[k].span.end <= q.end)
        };
        let mut v = v;
        for _ in 0..8 {
            if let Some(s) = self.children(si, v).find(|&c| {
                matches!(words[c].deprel, "nsubj" | "nsubj:pass")
                    && !inside(c)
                    && !is_temporal(&words[c].lemma)
            }) {
                // "the minister, who said": the noun the clause modifies
                if words[v].deprel == "acl:relcl"
                    && matches!(words[s].lemma.as_str(), "who" | "which" | "that")
                {
                    return Some(words[v].head as usize - 1);
                }
                return Some(s);
            }
            let h = words[v].head as usize;
            if h == 0 {
                return None;
            }
            // "Jill Tolles, also CIA, said": a misparse hangs the verb on its
            // subject (list, parataxis)
            if matches!(words[v].deprel, "list" | "parataxis" | "dep" | "appos")
                && h - 1 < v
                && matches!(words[h - 1].upos, "PROPN" | "NOUN" | "PRON")
                && !inside(h - 1)
            {
                return Some(h - 1);
            }
            v = h - 1;
        }
        None
    }

    fn speaker(&self, si: usize, subj: usize) -> Speaker {
        let words = &self.an[si].words;
        let from_mention = |m: &khaldun_actors::Mention| {
            let a = &self.actors.actors[m.actor];
            Speaker {
                actor_id: Some(a.id.clone()),
                name: a.name.clone(),
                text: m.span.slice(self.text).to_string(),
            }
        };
        if let Some(m) = self.actors.mention_at(si, subj) {
            // "said University of California, San Diego's chancellor,
            // Pradeep Khosla": an organization with a person in apposition
            // is that person's (the parse makes the body the subject)
            let person = |k: usize| {
                self.actors.mention_at(si, k).filter(|p| {
                    self.actors.actors[p.actor].kind == khaldun_actors::MatchKind::Person
                })
            };
            if self.actors.actors[m.actor].kind != khaldun_actors::MatchKind::Person {
                let apposed = self
                    .children(si, subj)
                    .filter(|&c| words[c].deprel == "appos")
                    .find_map(|c| {
                        person(c).or_else(|| {
                            self.children(si, c)
                                .filter(|&g| words[g].deprel == "appos")
                                .find_map(person)
                        })
                    });
                if let Some(p) = apposed {
                    return from_mention(p);
                }
            }
            return from_mention(m);
        }
        // a person named in the phrase ("political scholar Kelly Dittmar")
        let (lo, hi) = self.subtree(si, subj);
        let person = (lo..=hi.min(lo + 12))
            .filter_map(|k| self.actors.mention_at(si, k))
            .find(|m| self.actors.actors[m.actor].kind == khaldun_actors::MatchKind::Person);
        if let Some(m) = person {
            return from_mention(m);
        }
        // an unlisted name: the run of proper nouns at the head, or right after a role noun
        let start = if words[subj].upos == "PROPN" {
            Some(subj)
        } else {
            (subj < hi && words.get(subj + 1).is_some_and(|w| w.upos == "PROPN"))
                .then_some(subj + 1)
        };
        if let Some(at) = start {
            let (mut lo, mut hi) = (at, at);
            while lo > 0 && lo > subj.min(at) && words[lo - 1].upos == "PROPN" {
                lo -= 1;
            }
            if at == subj {
                while lo > 0 && words[lo - 1].upos == "PROPN" {
                    lo -= 1;
                }
            }
            while hi + 1 < words.len() && words[hi + 1].upos == "PROPN" {
                hi += 1;
            }
            let t = Span::new(words[lo].span.start, words[hi].span.end)
                .slice(self.text)
                .to_string();
            return Speaker {
                actor_id: None,
                name: t.clone(),
                text: t,
            };
        }
        for rels in [
            &["appos", "flat", "nmod:poss"][..],
            &["compound", "nmod"][..],
        ] {
            if let Some(m) = self
                .children(si, subj)
                .filter(|&c| rels.contains(&words[c].deprel))
                .find_map(|c| self.actors.mention_at(si, c))
            {
                return from_mention(m);
            }
        }
        let hi = hi.min(lo + 8);
        let t = Span::new(words[lo].span.start, words[hi].span.end)
            .slice(self.text)
            .to_string();
        Speaker {
            actor_id: None,
            name: t.clone(),
            text: t,
        }
    }

    /// Who said the quote at `span`, and the reporting verb: "according to
    /// X"; the reporting verb's subject (or, inverted, the nominal after it:
    /// `"...," said X`); or, for a quote after a colon, the subject of the
    /// clause before it (`X disagreed: "..."`).
    fn attribution(&self, span: Span, quoted: &[Span]) -> Option<(Option<String>, Speaker)> {
        if let Some((si, n)) = self.according_to(span) {
            return Some((None, self.speaker(si, n)));
        }
        if let Some((si, v)) = self.reporting_verb(span.start, span.end) {
            let lemma = Some(self.an[si].words[v].lemma.clone());
            let words = &self.an[si].words;
            let subj = self.subject(si, v, quoted).or_else(|| {
                // "...," said the minister: the nominal after the verb
                self.children(si, v).find(|&c| {
                    c > v
                        && matches!(words[c].upos, "PROPN" | "NOUN" | "PRON")
                        && matches!(
                            words[c].deprel,
                            "obj" | "nsubj" | "appos" | "dep" | "iobj" | "nmod"
                        )
                        && !quoted
                            .iter()
                            .any(|q| q.start <= words[c].span.start && words[c].span.end <= q.end)
                })
            });
            if let Some(sj) = subj {
                return Some((lemma, self.speaker(si, sj)));
            }
            // "One activist, Nur Khan Liton, on Sunday told AFP ...": with no
            // subject parsed, the nearest person named before the verb
            if words[v].span.end <= span.start {
                let person = (0..v).rev().find(|&k| {
                    self.actors.mention_at(si, k).is_some_and(|m| {
                        self.actors.actors[m.actor].kind == khaldun_actors::MatchKind::Person
                    })
                });
                if let Some(k) = person {
                    return Some((lemma, self.speaker(si, k)));
                }
            }
            // "...," said study co-author and fellow Martin How: the first
            // person named after a verb that follows the quote
            if words[v].span.start >= span.end {
                let person = (v + 1..words.len())
                    .filter_map(|k| self.actors.mention_at(si, k).map(|m| (k, m)))
                    .find(|(_, m)| {
                        self.actors.actors[m.actor].kind == khaldun_actors::MatchKind::Person
                    });
                if let Some((k, _)) = person {
                    return Some((lemma, self.speaker(si, k)));
                }
                if let Some(mut k) = (v + 1..words.len())
                    .find(|&k| words[k].upos == "PROPN" && !is_temporal(&words[k].lemma))
                {
                    // the head of a name is its last word
                    while k + 1 < words.len() && words[k + 1].upos == "PROPN" {
                        k += 1;
                    }
                    return Some((lemma, self.speaker(si, k)));
                }
            }
        }
        // X said/disagreed/praised Y on Twitter: "..."
        let before = self.text.get(..span.start as usize)?.trim_end();
        let before = before.strip_suffix(|c: char| is_mark(c))?.trim_end();
        if before.ends_with(':') {
            let si = self.sentence_at(span.start)?;
            let words = &self.an[si].words;
            let colon = (0..words.len())
                .rev()
                .find(|&i| words[i].span.end as usize <= before.len())?;
            // the verb governing the words before the colon
            let mut v = colon;
            for _ in 0..8 {
                if words[v].upos == "VERB" {
                    break;
                }
                let h = words[v].head as usize;
                if h == 0 {
                    break;
                }
                v = h - 1;
            }
            let sj = self.subject(si, v, quoted)?;
            return Some((Some(words[v].lemma.clone()), self.speaker(si, sj)));
        }
        None
    }

    /// "according to X" in the quote's sentence: X (or the author of a
    /// "tweet by X", "statement from X").
    fn according_to(&self, span: Span) -> Option<(usize, usize)> {
        let s0 = self.sentence_at(span.start)?;
        let s1 = self.sentence_at(span.end.saturating_sub(1)).unwrap_or(s0);
        for si in [s0, s1] {
            let words = &self.an[si].words;
            for i in 0..words.len().saturating_sub(1) {
                let w = words[i].span.slice(self.text);
                let to = words[i + 1].span.slice(self.text);
                let outside = words[i].span.end <= span.start || words[i].span.start >= span.end;
                if !(w.eq_ignore_ascii_case("according") && to == "to" && outside) {
                    continue;
                }
                // the phrase after "to", up to punctuation: a person named in
                // it, else the head of its last name ("according to Rutgers
                // University political scholar Kelly Dittmar")
                let end = (i + 2..words.len())
                    .find(|&k| words[k].upos == "PUNCT")
                    .unwrap_or(words.len());
                let person = (i + 2..end).find(|&k| {
                    self.actors.mention_at(si, k).is_some_and(|m| {
                        self.actors.actors[m.actor].kind == khaldun_actors::MatchKind::Person
                    })
                });
                let last_name = (i + 2..end).rev().find(|&k| words[k].upos == "PROPN");
                let mut n = match person.or(last_name) {
                    Some(k) => k,
                    None => (i + 2..words.len())
                        .find(|&k| matches!(words[k].upos, "PROPN" | "NOUN" | "PRON"))?,
                };
                if matches!(
                    words[n].lemma.as_str(),
                    "tweet"
                        | "statement"
                        | "report"
                        | "post"
                        | "release"
                        | "interview"
                        | "letter"
                        | "message"
                ) {
                    if let Some(a) = self.children(si, n).find(|&c| {
                        self.children(si, c)
                            .any(|k| matches!(words[k].lemma.as_str(), "by" | "from" | "of"))
                    }) {
                        n = a;
                    }
                }
                return Some((si, n));
            }
        }
        None
    }

    /// The reporting verb for a quote from `start` to `end`: the last one
    /// before it in its first sentence, else the first one after it in its last.
    fn reporting_verb(&self, start: u32, end: u32) -> Option<(usize, usize)> {
        let s0 = self.sentence_at(start)?;
        let words = &self.an[s0].words;
        let before = (0..words.len())
            .rev()
            .find(|&i| words[i].span.end <= start && self.is_reporting(s0, i));
        if let Some(i) = before {
            return Some((s0, i));
        }
        let s1 = self.sentence_at(end.saturating_sub(1)).unwrap_or(s0);
        let words = &self.an[s1].words;
        (0..words.len())
            .find(|&i| words[i].span.start >= end && self.is_reporting(s1, i))
            .map(|i| (s1, i))
    }
}

/// Finds the quotes of a document. `analyses[i]` is sentence `i`'s
/// analysis; `actors` the document's resolved actors.
pub fn find_quotes(
    text: &str,
    seg: &Segmented,
    analyses: &[AnalyzedSentence],
    actors: &DocumentActors,
) -> Vec<Quote> {
    let d = Doc {
        text,
        seg,
        an: analyses,
        actors,
    };
    let quoted: Vec<Span> = seg
        .paragraphs
        .iter()
        .flat_map(|p| marked_spans(text, p.span))
        .filter_map(|(s, e, _)| trim(text, s, e))
        .collect();
    let mut out: Vec<Quote> = Vec::new();
    let mut last_speaker: Option<(usize, Option<Speaker>, Option<String>)> = None; // (paragraph, ..)
    let mut direct_spans: Vec<Span> = Vec::new();
    for (pi, para) in seg.paragraphs.iter().enumerate() {
        for (s, e, _) in marked_spans(text, para.span) {
            let Some(span) = trim(text, s, e) else {
                continue;
            };
            if !speech_like(&d, span) {
                continue;
            }
            direct_spans.push(span);
            let (verb, speaker) = match d.attribution(span, &quoted) {
                Some((verb, sp)) => (verb, Some(sp)),
                None => match &last_speaker {
                    // a paragraph-long quote continues the previous speaker
                    Some((lp, sp, vb))
                        if (*lp + 1 == pi && starts_paragraph(text, para.span, s)) || *lp == pi =>
                    {
                        // a quote continued in the same paragraph ("...," said
                        // X. "...") or one that opens the next
                        (vb.clone(), sp.clone())
                    }
                    _ => (
                        d.reporting_verb(span.start, span.end)
                            .map(|(si, v)| d.an[si].words[v].lemma.clone()),
                        None,
                    ),
                },
            };
            last_speaker = Some((pi, speaker.clone(), verb.clone()));
            out.push(Quote {
                text: span.slice(text).to_string(),
                span,
                direct: true,
                verb,
                speaker,
            });
        }
    }
    // indirect speech: a reporting verb's that-clause outside quotation marks
    for (si, a) in analyses.iter().enumerate() {
        for (v, w) in a.words.iter().enumerate() {
            if !d.is_reporting(si, v) || REPORTING_OPINION.contains(&w.lemma.as_str()) {
                continue;
            }
            // "X said that ...": the that-clause; "..., X said": the clause
            // the attribution is inserted in, up to the attribution
            let (lo, hi) = match d.children(si, v).find(|&c| a.words[c].deprel == "ccomp") {
                Some(c) => d.subtree(si, c),
                None => {
                    let h = w.head as usize;
                    if w.deprel != "parataxis" || h == 0 || h - 1 > v {
                        continue;
                    }
                    let (lo, _) = d.subtree(si, h - 1);
                    let (vlo, _) = d.subtree(si, v);
                    if vlo == 0 || lo >= vlo {
                        continue;
                    }
                    (lo, vlo - 1)
                }
            };
            let mut lo = lo;
            while lo < hi && matches!(a.words[lo].deprel, "mark" | "punct") {
                lo += 1;
            }
            let mut hi = hi;
            while hi > lo && a.words[hi].deprel == "punct" {
                hi -= 1;
            }
            let span = Span::new(a.words[lo].span.start, a.words[hi].span.end);
            if (lo <= v && hi >= v)
                || hi <= lo
                || direct_spans
                    .iter()
                    .any(|q| q.start < span.end && span.start < q.end)
            {
                continue;
            }
            out.push(Quote {
                text: span.slice(text).to_string(),
                span,
                direct: false,
                verb: Some(w.lemma.clone()),
                speaker: d.subject(si, v, &quoted).map(|sj| d.speaker(si, sj)),
            });
        }
    }
    out.sort_by_key(|q| q.span.start);
    out
}

/// Day and month names and time nouns, which are never speakers.
fn is_temporal(lemma: &str) -> bool {
    let l = lemma.to_lowercase();
    khaldun_text::calendar::is_month_or_weekday(&l)
        || matches!(
            l.as_str(),
            "day"
                | "week"
                | "month"
                | "year"
                | "today"
                | "yesterday"
                | "tonight"
                | "morning"
                | "evening"
                | "night"
        )
}

/// Opinion verbs report thoughts, not speech, when there are no quotation marks.
const REPORTING_OPINION: &[&str] = &["believe", "think", "feel", "call", "describe", "point"];

fn starts_paragraph(text: &str, para: Span, content_start: u32) -> bool {
    text.get(para.start as usize..content_start as usize)
        .is_some_and(|p| p.chars().filter(|c| !c.is_whitespace()).count() <= 1)
}

/// Speech, not a scare quote or a title: several words, or a verb, or
/// sentence punctuation inside.
fn speech_like(d: &Doc, span: Span) -> bool {
    let t = span.slice(d.text);
    let words = t.split_whitespace().count();
    if words >= 6 {
        return true;
    }
    if t.ends_with(['.', '!', '?', ',']) && words >= 2 {
        return true;
    }
    let has_verb = d.seg.sentences.iter().zip(d.an).any(|(s, a)| {
        s.span.start < span.end
            && span.start < s.span.end
            && a.words.iter().any(|w| {
                w.span.start >= span.start
                    && w.span.end <= span.end
                    && matches!(w.upos, "VERB" | "AUX")
            })
    });
    (has_verb && words >= 3) || attributed(d, span)
}

/// Verbs that attribute a short quoted phrase to a speaker ("called it 'a
/// non-starter'", "described the heat as 'insane'").
const CHARACTERIZE: &[&str] = &[
    "call",
    "describe",
    "characterise",
    "characterize",
    "label",
    "term",
    "brand",
    "refer",
];

/// A short quoted phrase is speech when a speaker's reporting verb governs
/// it ("Schiff called it 'a non-starter'", "said he was a 'gentleman
/// politician'") or the sentence says whose words they are ("according
/// to"); a passive naming ("known as 'the Canadian Caper'") has no speaker.
fn attributed(d: &Doc, span: Span) -> bool {
    let Some(si) = d.sentence_at(span.start) else {
        return false;
    };
    let words = &d.an[si].words;
    let Some(first) = words
        .iter()
        .position(|w| w.span.start >= span.start && w.span.end <= span.end)
    else {
        return false;
    };
    if words.windows(2).any(|w| {
        w[0].span.slice(d.text).eq_ignore_ascii_case("according") && w[1].span.slice(d.text) == "to"
    }) {
        return true;
    }
    // close to the verb: a phrase deep in the reported clause ("would
    // address in her talks ... 'Turkish interventions'") is a term, not speech
    let mut x = first;
    for _ in 0..3 {
        let h = words[x].head as usize;
        if h == 0 {
            return false;
        }
        x = h - 1;
        let w = &words[x];
        let speaks = w.upos == "VERB"
            && (REPORTING.contains(&w.lemma.as_str()) || CHARACTERIZE.contains(&w.lemma.as_str()));
        if speaks {
            let has_subject = |v: usize| d.children(si, v).any(|c| words[c].deprel == "nsubj");
            return has_subject(x)
                || (w.deprel == "conj" && w.head > 0 && has_subject(w.head as usize - 1));
        }
    }
    false
}
