//! khaldun's analysis stage: every sentence of a segmented document gets
//! part-of-speech tags, lemmas, morphological features, named entities and a
//! labeled dependency tree, from the models trained here (see the tagger's and
//! parser's model cards).
//!
//! ```
//! use khaldun_analysis::Analyzer;
//! let a = Analyzer::builtin();
//! let s = a.analyze_words(&["Parly", "met", "Iraqi", "officials", "in", "Baghdad", "on", "Thursday", "."]);
//! assert_eq!(s.words[1].lemma, "meet");
//! assert_eq!(s.words[1].deprel, "root");
//! ```
//!
//! Design: the analyzer borrows the models (loaded once, shared by threads)
//! and owns nothing per document; later stages (actors, events) read its
//! output beside the document's spans. Between the models it repairs a few
//! news constructions they get wrong (temporal phrases wedged before or
//! after a verb, here; the rest in `repair`), and over a whole document it
//! makes entity labels agree.
#![deny(missing_docs)]

use khaldun_parser::Parser;
use khaldun_tagger::{harmonize_entities, EntityLabel, EntitySpan, Ner, Tagger};
use khaldun_types::{Segmented, Sentence, Span};

mod repair;
use repair::{
    repair_adjectival_participle, repair_agent_infinitive, repair_and_after_subordinate,
    repair_appositive_participle, repair_auxiliary_on_noun, repair_between_subject,
    repair_but_subject, repair_case_on_compound, repair_clause_after_and, repair_clause_on_noun,
    repair_comma_and_clause, repair_compound_across_preposition, repair_consequence_participle,
    repair_coordinated_adverbs, repair_determiner_participle, repair_double_subject, repair_due_to,
    repair_finite_verb, repair_floating_quantifier, repair_fronted_subject, repair_glued_objects,
    repair_glued_participle, repair_hyphen_modifier, repair_initial_noun, repair_lowercase_proper,
    repair_mandative_verb, repair_modal_verb, repair_money_in, repair_nationality_complement,
    repair_nominal_clauses, repair_noun_root, repair_object_before_time, repair_open_auxiliary,
    repair_outside_preposition, repair_participle_subject, repair_passive_across_marker,
    repair_passive_without_auxiliary, repair_possessed_noun, repair_possessor_subject,
    repair_relative_and_subject, repair_relative_conjunct, repair_relative_root,
    repair_reported_object, repair_reported_verb, repair_small_clause, repair_stranded_object,
    repair_subject_across_marker, repair_subject_after_and, repair_subordinate_subject,
    repair_subordinate_verb, repair_taken_hostage, repair_that_conjunct, repair_that_subject,
    repair_time_before_subordinate, repair_verb_particle,
};

/// One analyzed word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Where the word is in the document text.
    pub span: Span,
    /// Lemma ("meet" for "met").
    pub lemma: String,
    /// Universal POS tag.
    pub upos: &'static str,
    /// Penn Treebank tag.
    pub xpos: &'static str,
    /// UD morphological features, or `_`.
    pub feats: &'static str,
    /// Head word, 1-based within the sentence; 0 for the root.
    pub head: u32,
    /// UD relation to the head.
    pub deprel: &'static str,
}

/// A named entity over words `start..end` of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entity {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// `PER`, `ORG` or `LOC`.
    pub label: &'static str,
}

/// One analyzed sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnalyzedSentence {
    /// Its words, in order.
    pub words: Vec<Word>,
    /// Named entities, in order.
    pub entities: Vec<Entity>,
}

/// Runs the models. Cheap to copy; share one across threads.
#[derive(Clone, Copy)]
pub struct Analyzer {
    tagger: &'static Tagger,
    parser: &'static Parser,
    ner: &'static Ner,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Analyzer")
    }
}

impl Analyzer {
    /// The models compiled into khaldun.
    pub fn builtin() -> Analyzer {
        Analyzer {
            tagger: Tagger::builtin(),
            parser: Parser::builtin(),
            ner: Ner::builtin(),
        }
    }

    /// Models of one's own (e.g. freshly trained), leaked to live as long as the program.
    pub fn with_models(tagger: Tagger, parser: Parser, ner: Ner) -> Analyzer {
        Analyzer {
            tagger: Box::leak(Box::new(tagger)),
            parser: Box::leak(Box::new(parser)),
            ner: Box::leak(Box::new(ner)),
        }
    }

    /// Analyzes one sentence given as words; spans are word indices.
    pub fn analyze_words(&self, words: &[&str]) -> AnalyzedSentence {
        let spans: Vec<Span> = (0..words.len() as u32)
            .map(|i| Span::new(i, i + 1))
            .collect();
        self.run(words, &spans)
    }

    /// Analyzes a sentence of a segmented document.
    pub fn analyze_sentence(&self, text: &str, s: &Sentence) -> AnalyzedSentence {
        let words: Vec<&str> = s.tokens.iter().map(|t| t.span.slice(text)).collect();
        let spans: Vec<Span> = s.tokens.iter().map(|t| t.span).collect();
        self.run(&words, &spans)
    }

    /// Analyzes every sentence of a segmented document, then makes entity
    /// labels consistent across its sentences (see [`harmonize_entities`]).
    pub fn analyze(&self, text: &str, seg: &Segmented) -> Vec<AnalyzedSentence> {
        let mut out: Vec<AnalyzedSentence> = seg
            .sentences
            .iter()
            .map(|s| self.analyze_sentence(text, s))
            .collect();
        harmonize_document(text, &mut out);
        out
    }

    /// Per word, whether the tagger's runner-up tag is one of `xpos`.
    /// Per word, the tagger's runner-up Penn tag (`""` where there is none),
    /// which the repairs read.
    fn second_tags(&self, runner_up: &[khaldun_tagger::RunnerUp]) -> Vec<&'static str> {
        runner_up
            .iter()
            .map(|r| self.tagger.class_tags(r.class).map_or("", |(_, x)| x))
            .collect()
    }

    fn run(&self, words: &[&str], spans: &[Span]) -> AnalyzedSentence {
        if words.is_empty() {
            return AnalyzedSentence::default();
        }
        let (mut tags, mut runner_up) = (Vec::new(), Vec::new());
        self.tagger
            .tag_with_runner_up(words, &mut tags, &mut runner_up);
        let glued = repair_glued_participle(words, spans, &mut tags);
        repair_initial_noun(words, &mut tags);
        repair_determiner_participle(&mut tags);
        repair_floating_quantifier(words, &mut tags);
        let second = self.second_tags(&runner_up);
        repair_open_auxiliary(words, &mut tags, &second, self.tagger.lemmatizer());
        repair_adjectival_participle(words, &mut tags);
        repair_lowercase_proper(words, &mut tags, &second, self.tagger.lemmatizer());
        repair_modal_verb(words, &mut tags, &second);
        repair_subordinate_verb(words, &mut tags, &second);
        repair_mandative_verb(words, &mut tags, &second);
        repair_possessed_noun(words, &mut tags, &second);
        repair_verb_particle(words, &mut tags, &second);
        repair_finite_verb(words, &mut tags, &second, self.tagger.lemmatizer());
        repair_reported_verb(words, &mut tags);
        repair_outside_preposition(words, &mut tags);
        let mut deps = self.parse_around_temporals(words, &mut tags, &runner_up);
        for i in glued {
            let t = &mut tags[i];
            (t.xpos, t.upos, t.feats) = ("VBN", "VERB", "Tense=Past|VerbForm=Part");
        }
        // the repairs below move arcs; a sentence they would leave with a
        // cycle or two roots keeps the parser's tree
        let parsed = deps.clone();
        repair_hyphen_modifier(words, spans, &tags, &mut deps);
        repair_object_before_time(&tags, &mut deps);
        repair_case_on_compound(&tags, &mut deps);
        repair_money_in(words, &tags, &mut deps);
        repair_taken_hostage(&tags, &mut deps);
        repair_nationality_complement(words, &tags, &mut deps);
        repair_passive_without_auxiliary(&tags, &mut deps);
        repair_double_subject(&tags, &mut deps);
        repair_possessor_subject(&tags, &mut deps);
        repair_that_subject(&mut tags, &mut deps);
        repair_coordinated_adverbs(&tags, &mut deps);
        repair_time_before_subordinate(&tags, &mut deps);
        repair_subordinate_subject(&tags, &mut deps);
        repair_subject_across_marker(&tags, &mut deps);
        repair_passive_across_marker(&tags, &mut deps);
        repair_auxiliary_on_noun(&tags, &mut deps);
        repair_relative_and_subject(&tags, &mut deps);
        repair_clause_after_and(&tags, &mut deps);
        repair_clause_on_noun(&tags, &mut deps);
        repair_subject_after_and(&tags, &mut deps);
        repair_fronted_subject(&tags, &mut deps);
        repair_consequence_participle(&tags, &mut deps);
        repair_appositive_participle(&tags, &mut deps);
        repair_reported_object(&tags, &mut deps);
        repair_that_conjunct(&tags, &mut deps);
        repair_relative_conjunct(&tags, &mut deps);
        repair_but_subject(&tags, &mut deps);
        repair_between_subject(&tags, &mut deps);
        repair_due_to(words, &tags, &mut deps);
        repair_nominal_clauses(&tags, &mut deps);
        repair_noun_root(words, &tags, &mut deps);
        repair_glued_objects(&tags, &mut deps);
        repair_agent_infinitive(&tags, &mut deps);
        repair_compound_across_preposition(&tags, &mut deps);
        repair_small_clause(&mut deps);
        repair_participle_subject(&tags, &mut deps);
        repair_stranded_object(&tags, &mut deps);
        repair_comma_and_clause(&tags, &mut deps);
        repair_and_after_subordinate(&tags, &mut deps);
        repair_relative_root(&tags, &mut deps);
        if !khaldun_parser::is_tree(&deps) {
            deps = parsed;
        }
        let upos: Vec<&str> = tags.iter().map(|t| t.upos).collect();
        let entities = self
            .ner
            .tag(words, &upos)
            .into_iter()
            .map(|e| Entity {
                start: e.start,
                end: e.end,
                label: match e.label {
                    EntityLabel::Per => "PER",
                    EntityLabel::Org => "ORG",
                    EntityLabel::Loc => "LOC",
                },
            })
            .collect();
        let words = tags
            .into_iter()
            .zip(deps)
            .zip(spans)
            .map(|((t, d), &span)| Word {
                span,
                lemma: t.lemma,
                upos: t.upos,
                xpos: t.xpos,
                feats: t.feats,
                head: d.head,
                deprel: d.rel.as_str(),
            })
            .collect();
        AnalyzedSentence { words, entities }
    }
}

/// A name tagged in one sentence is likely the same entity in the others,
/// where the sentence-level model may miss it or type it otherwise: one
/// label per name within the document (NER micro-F1 on held-out UNER
/// documents 74.06 -> 75.26, see the tagger's model card).
fn harmonize_document(text: &str, sents: &mut [AnalyzedSentence]) {
    if sents.iter().all(|s| s.entities.is_empty()) {
        return;
    }
    let words: Vec<Vec<&str>> = sents
        .iter()
        .map(|s| {
            s.words
                .iter()
                .map(|w| text.get(w.span.range()).unwrap_or(""))
                .collect()
        })
        .collect();
    let mut spans: Vec<Vec<EntitySpan>> = sents
        .iter()
        .map(|s| {
            s.entities
                .iter()
                .filter_map(|e| {
                    Some(EntitySpan {
                        start: e.start,
                        end: e.end,
                        label: EntityLabel::parse(e.label)?,
                    })
                })
                .collect()
        })
        .collect();
    harmonize_entities(&words, &mut spans);
    for (s, es) in sents.iter_mut().zip(spans) {
        s.entities = es
            .into_iter()
            .map(|e| Entity {
                start: e.start,
                end: e.end,
                label: e.label.as_str(),
            })
            .collect();
    }
}

const DAY_WORDS: &[&str] = &["today", "yesterday", "tonight", "tomorrow"];

/// "Monday" (capitalized, as a day's name is).
fn weekday(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_uppercase())
        && khaldun_text::calendar::WEEKDAYS.contains(&w.to_ascii_lowercase().as_str())
}

/// The words of a temporal phrase wedged between a subject and its finite
/// verb ("The Security Council today agreed", "Iraq on Monday rejected"),
/// as (first word, one past the last, verb word), 0-based.
///
/// News writes these; the treebank the parser learned from has almost none,
/// and the parser then takes "today" for the subject. Parsing the sentence
/// without the phrase and hanging it on the verb afterwards gives the tree
/// the sentence has.
/// Discourse adverbs that news sets off by commas after a subject.
const WEDGED_ADVERBS: &[&str] = &[
    "meanwhile",
    "however",
    "though",
    "too",
    "instead",
    "moreover",
    "furthermore",
    "nevertheless",
    "nonetheless",
    "separately",
    "likewise",
    "similarly",
    "reportedly",
    "apparently",
    "then",
];

fn wedged_temporals(words: &[&str], upos: &[&str], xpos: &[&str]) -> Vec<(usize, usize, usize)> {
    // a participle too: the tagger, seeing "yesterday", often takes the
    // past tense for one
    let finite = |i: usize| matches!(xpos.get(i), Some(&("VBD" | "VBZ" | "VBP" | "MD" | "VBN")));
    let mut out = Vec::new();
    // "Ruto, meanwhile, hosted": a discourse adverb set off by commas
    // between a subject and its verb (attached as the verb's advmod)
    for i in 1..words.len().saturating_sub(3) {
        if words[i] == ","
            && words[i + 2] == ","
            && WEDGED_ADVERBS.contains(&words[i + 1].to_ascii_lowercase().as_str())
            && matches!(upos[i - 1], "NOUN" | "PROPN" | "PRON")
        {
            let v = if finite(i + 3) {
                Some(i + 3)
            } else if xpos.get(i + 3) == Some(&"RB") && finite(i + 4) {
                Some(i + 4)
            } else {
                None
            };
            if let Some(v) = v {
                out.push((i, i + 3, v));
            }
        }
    }
    let mut i = 1;
    while i + 1 < words.len() {
        if out.iter().any(|&(a, b, _)| (a..b).contains(&i)) {
            i += 1;
            continue;
        }
        let w = words[i];
        let (start, mut end) = if DAY_WORDS.contains(&w.to_ascii_lowercase().as_str()) || weekday(w)
        {
            (i, i + 1)
        } else if w.eq_ignore_ascii_case("on") && words.get(i + 1).is_some_and(|d| weekday(d)) {
            (i, i + 2)
        } else {
            i += 1;
            continue;
        };
        // "on Wednesday night", "Monday morning"
        const PART: &[&str] = &["morning", "afternoon", "evening", "night"];
        if weekday(words[end - 1]) && words.get(end).is_some_and(|p| PART.contains(p)) {
            end += 1;
        }
        if end >= words.len() {
            break;
        }
        let before = matches!(upos[start - 1], "NOUN" | "PROPN" | "PRON");
        // "agreed", "has agreed", "also agreed"
        let verb = if finite(end) {
            Some(end)
        } else if xpos.get(end) == Some(&"RB") && finite(end + 1) {
            Some(end + 1)
        } else {
            None
        };
        // between a verb (and its particle) and its object: "forced out on
        // Wednesday more than 1,000 refugees"
        let verb_before = {
            let v = if xpos[start - 1] == "RP" && start >= 2 {
                start - 2
            } else {
                start - 1
            };
            matches!(xpos[v], "VBD" | "VBZ" | "VBP" | "VBN" | "VB").then_some(v)
        };
        // (or a reported clause's pronoun subject: "said on Wednesday
        // night they had toppled")
        let object_after = matches!(
            xpos.get(end),
            Some(
                &("DT"
                    | "PRP"
                    | "CD"
                    | "PRP$"
                    | "JJ"
                    | "JJR"
                    | "RBR"
                    | "PDT"
                    | "NNP"
                    | "NNPS"
                    | "NN"
                    | "NNS")
            ) // (or its "that" clause: "said on Thursday that relations ...",
              // where "that" read as a relative pronoun makes a verb of its noun)
        ) || words
            .get(end)
            .is_some_and(|w| w.eq_ignore_ascii_case("that"));
        // between a noun and its "that" clause: "reiterated its demand
        // today that Israel ease restrictions" (on the verb before)
        let that_after = before
            && words
                .get(end)
                .is_some_and(|w| w.eq_ignore_ascii_case("that"))
            && upos[start - 1] == "NOUN";
        let verb_left = (start.saturating_sub(5)..start - 1)
            .rev()
            .find(|&k| matches!(xpos[k], "VBD" | "VBZ" | "VBP"));
        match (verb, verb_before) {
            (None, None) if that_after && verb_left.is_some() => {
                out.push((start, end, verb_left.unwrap_or(0)));
                i = end;
            }
            (Some(v), _) if before => {
                out.push((start, end, v));
                i = end;
            }
            (_, Some(v)) if object_after => {
                out.push((start, end, v));
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

impl Analyzer {
    /// Parses `words`, leaving out wedged temporal phrases (see
    /// [`wedged_temporals`]), which are then attached to their verb's
    /// clause; the other words are tagged again without them too ("Oil
    /// companies yesterday evacuated" reads "evacuated" as a participle).
    /// The parser also gets the tagger's runner-up tags (`runner_up`, one
    /// per word).
    fn parse_around_temporals(
        &self,
        words: &[&str],
        tags: &mut [khaldun_tagger::Tagged<'static>],
        runner_up: &[khaldun_tagger::RunnerUp],
    ) -> Vec<khaldun_parser::Dep> {
        let upos: Vec<&str> = tags.iter().map(|t| t.upos).collect();
        let xpos: Vec<&str> = tags.iter().map(|t| t.xpos).collect();
        let sites = wedged_temporals(words, &upos, &xpos);
        let (mut alt, mut out) = (Vec::new(), Vec::new());
        if sites.is_empty() {
            if self.parser.uses_runner_up() {
                khaldun_parser::runner_up_xpos(self.tagger, tags, runner_up, &mut alt);
            }
            self.parser
                .parse_hedged_into(words, &upos, &xpos, &alt, &mut out);
            return out;
        }
        let keep: Vec<usize> = (0..words.len())
            .filter(|&i| !sites.iter().any(|&(a, b, _)| (a..b).contains(&i)))
            .collect();
        let kw: Vec<&str> = keep.iter().map(|&i| words[i]).collect();
        // a phrase after its verb did not mislead the verb's tag: only a
        // phrase before the verb (or before a "that" clause) makes tagging
        // again worth its cost
        let (mut ktags, mut krunner) = (Vec::new(), Vec::new());
        if sites.iter().any(|&(a, b, v)| {
            v >= a || words.get(b).is_some_and(|w| w.eq_ignore_ascii_case("that"))
        }) {
            self.tagger
                .tag_with_runner_up(&kw, &mut ktags, &mut krunner);
        } else {
            ktags.extend(keep.iter().map(|&i| tags[i].clone()));
            krunner.extend(keep.iter().map(|&i| runner_up[i]));
        }
        let ksecond = self.second_tags(&krunner);
        repair_mandative_verb(&kw, &mut ktags, &ksecond);
        repair_possessed_noun(&kw, &mut ktags, &ksecond);
        repair_verb_particle(&kw, &mut ktags, &ksecond);
        repair_finite_verb(&kw, &mut ktags, &ksecond, self.tagger.lemmatizer());
        repair_reported_verb(&kw, &mut ktags);
        let ku: Vec<&str> = ktags.iter().map(|t| t.upos).collect();
        let kx: Vec<&str> = ktags.iter().map(|t| t.xpos).collect();
        if self.parser.uses_runner_up() {
            khaldun_parser::runner_up_xpos(self.tagger, &ktags, &krunner, &mut alt);
        }
        let mut inner = Vec::new();
        self.parser
            .parse_hedged_into(&kw, &ku, &kx, &alt, &mut inner);
        for (k, t) in ktags.into_iter().enumerate() {
            tags[keep[k]] = t;
        }
        let mut deps: Vec<khaldun_parser::Dep> = vec![
            khaldun_parser::Dep {
                head: 0,
                rel: khaldun_parser::Rel::DEP,
            };
            words.len()
        ];
        for (k, d) in inner.iter().enumerate() {
            let head = if d.head == 0 {
                0
            } else {
                keep[d.head as usize - 1] as u32 + 1
            };
            deps[keep[k]] = khaldun_parser::Dep { head, rel: d.rel };
        }
        let rel = |n: &str| khaldun_parser::Rel::from_name(n).unwrap_or(khaldun_parser::Rel::DEP);
        for &(a, b, v) in &sites {
            // an auxiliary or adverb hangs on the verb the phrase belongs to
            let mut verb = v;
            for _ in 0..2 {
                let d = deps[verb];
                if d.head > 0 && matches!(d.rel.as_str(), "aux" | "aux:pass" | "cop" | "advmod") {
                    verb = d.head as usize - 1;
                }
            }
            // ", meanwhile,": the adverb the verb's, the commas its punctuation
            if words[a] == "," {
                deps[a + 1] = khaldun_parser::Dep {
                    head: verb as u32 + 1,
                    rel: rel("advmod"),
                };
                for k in [a, b - 1] {
                    deps[k] = khaldun_parser::Dep {
                        head: a as u32 + 2,
                        rel: rel("punct"),
                    };
                }
                continue;
            }
            // the phrase's last word heads it: "on" its case, a day before
            // a part of it a compound ("on Wednesday night")
            let last = b - 1;
            let on = words[a].eq_ignore_ascii_case("on");
            deps[last] = khaldun_parser::Dep {
                head: verb as u32 + 1,
                rel: rel(if on { "obl" } else { "obl:unmarked" }),
            };
            for (k, d) in deps.iter_mut().enumerate().take(last).skip(a) {
                *d = khaldun_parser::Dep {
                    head: last as u32 + 1,
                    rel: rel(if on && k == a { "case" } else { "compound" }),
                };
            }
        }
        deps
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_gets_a_tree_position() {
        let a = Analyzer::builtin();
        let s = a.analyze_words(&[
            "Turkish", "jets", "launched", "air", "strikes", "against", "the", "PKK", ".",
        ]);
        assert_eq!(s.words.len(), 9);
        assert_eq!(s.words.iter().filter(|w| w.head == 0).count(), 1);
        assert!(s.words.iter().all(|w| (w.head as usize) <= 9));
        assert_eq!(s.words[4].lemma, "strike");
        assert!(a.analyze_words(&[]).words.is_empty());
    }

    #[test]
    fn a_name_missed_in_one_sentence_is_found_through_another() {
        let text = "Hezbollah fighters fired rockets into Israel. \
                    Many in Lebanon now debate the role of Hezbollah in politics.";
        let seg = khaldun_text::Segmenter::default().segment(text);
        let a = Analyzer::builtin();
        let names = |s: &AnalyzedSentence| -> Vec<(&str, &str)> {
            let w = &s.words;
            s.entities
                .iter()
                .map(|e| {
                    let (from, to) = (w[e.start].span.start, w[e.end - 1].span.end);
                    (e.label, &text[from as usize..to as usize])
                })
                .collect()
        };
        // the sentence alone misses it
        let alone = a.analyze_sentence(text, &seg.sentences[1]);
        assert_eq!(names(&alone), [("LOC", "Lebanon")]);
        let doc = a.analyze(text, &seg);
        assert_eq!(names(&doc[0]), [("ORG", "Hezbollah"), ("LOC", "Israel")]);
        assert_eq!(names(&doc[1]), [("LOC", "Lebanon"), ("ORG", "Hezbollah")]);
    }

    #[test]
    fn a_noun_after_after_before_a_finite_verb_is_its_subject() {
        let s =
            analyze("Kenya recalled its ambassador after Somali troops attacked a border post .");
        let w = &s.words;
        assert_eq!((w[7].head, w[7].deprel), (2, "advcl"), "{:?}", w[7]);
        assert_eq!((w[6].head, w[6].deprel), (8, "nsubj"), "{:?}", w[6]);
        assert_eq!((w[4].head, w[4].deprel), (8, "mark"), "{:?}", w[4]);
        assert!(is_one_tree(&s));
        // past a name's flat parts
        let s = analyze("A spokesman for Israeli Prime Minister Benjamin Netanyahu declined to comment on Sunday on the killing of Iran 's top nuclear scientist in an ambush east of Tehran , as Iranian President Hassan Rouhani blamed Israel and vowed a response at the proper time .");
        let w = &s.words;
        assert_eq!((w[32].head, w[32].deprel), (35, "nsubj"), "{:?}", w[32]);
        assert_eq!((w[29].head, w[29].deprel), (35, "mark"), "{:?}", w[29]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_participle_taken_for_a_modifier_of_its_object_heads_the_clause() {
        let s = analyze("The World Food Programme said on Monday it had delivered food aid to nearly 200,000 people in Sudan 's Darfur region over the past month .");
        let w = &s.words;
        assert_eq!((w[9].head, w[9].deprel), (5, "ccomp"), "{:?}", w[9]);
        assert_eq!((w[11].head, w[11].deprel), (10, "obj"), "{:?}", w[11]);
        assert_eq!((w[7].head, w[7].deprel), (10, "nsubj"), "{:?}", w[7]);
        assert_eq!((w[8].head, w[8].deprel), (10, "aux"), "{:?}", w[8]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_name_with_a_relative_clause_and_a_second_name_share_the_verb() {
        let s = analyze("Japanese Prime Minister Fumio Kishida , who arrived in Manila on Friday , and Philippine President Ferdinand Marcos Jr. agreed to start negotiations on a defence pact .");
        let w = &s.words;
        assert_eq!((w[19].head, w[19].deprel), (0, "root"), "{:?}", w[19]);
        assert_eq!((w[3].head, w[3].deprel), (20, "nsubj"), "{:?}", w[3]);
        assert_eq!((w[7].head, w[7].deprel), (4, "acl:relcl"), "{:?}", w[7]);
        assert_eq!(w[16].deprel, "conj", "{:?}", w[16]);
        assert_eq!(w[16].head, 4, "{:?}", w[16]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_name_after_comma_and_with_a_verb_is_a_clause_of_its_own() {
        let s = analyze("Turkey halted all exports and imports with Israel on Thursday , the trade ministry said , citing the worsening humanitarian tragedy in Gaza , and Israeli Foreign Minister Israel Katz accused President Tayyip Erdogan of breaking agreements by blocking ports .");
        let w = &s.words;
        assert_eq!((w[30].head, w[30].deprel), (2, "conj"), "{:?}", w[30]);
        assert_eq!((w[28].head, w[28].deprel), (31, "nsubj"), "{:?}", w[28]);
        assert_eq!((w[24].head, w[24].deprel), (31, "cc"), "{:?}", w[24]);
        assert!(is_one_tree(&s));
        // taken for an aside
        let s = analyze("U.S. Vice President JD Vance accused Denmark on Friday of underinvesting in the security of Greenland during a visit to the U.S. military base at Pituffik , and Danish Prime Minister Mette Frederiksen criticised the trip as a show of pressure .");
        let w = &s.words;
        assert_eq!((w[33].head, w[33].deprel), (6, "conj"), "{:?}", w[33]);
        assert_eq!((w[31].head, w[31].deprel), (34, "nsubj"), "{:?}", w[31]);
        assert!(is_one_tree(&s));
        // taken for a clause of the verb before, with no subject
        let s = analyze("A U.S. drone strike at Baghdad airport killed Qassem Soleimani , the commander of Iran 's elite Quds Force , early on Friday , and Supreme Leader Ayatollah Ali Khamenei vowed harsh revenge against the criminals behind the attack .");
        let w = &s.words;
        assert_eq!((w[30].head, w[30].deprel), (8, "conj"), "{:?}", w[30]);
        assert_eq!((w[28].head, w[28].deprel), (31, "nsubj"), "{:?}", w[28]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_participle_of_consequence_is_the_clauses_not_the_objects() {
        let s = analyze("A military air strike on a village killed more than 100 people , drawing condemnation from the United Nations .");
        let w = &s.words;
        assert_eq!((w[13].head, w[13].deprel), (8, "advcl"), "{:?}", w[13]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_participle_right_after_an_appositive_modifies_it() {
        let s = analyze("Thailand deported 40 Uyghur men to China on Thursday , a move condemned by rights groups and the U.N. refugee agency .");
        let w = &s.words;
        assert_eq!((w[12].head, w[12].deprel), (12, "acl"), "{:?}", w[12]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_noun_after_and_right_before_a_subjectless_verb_is_its_subject() {
        let s = analyze("Protesters marched in Paris and police fired tear gas to disperse them .");
        let w = &s.words;
        assert_eq!((w[5].head, w[5].deprel), (7, "nsubj"), "{:?}", w[5]);
        assert_eq!((w[4].head, w[4].deprel), (7, "cc"), "{:?}", w[4]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_list_after_a_fronted_phrase_is_the_subject_of_the_verb_after_it() {
        let s = analyze("After two days of talks in Brussels , Serbia and Kosovo agreed to normalize relations .");
        let w = &s.words;
        assert_eq!((w[8].head, w[8].deprel), (12, "nsubj"), "{:?}", w[8]);
        assert_eq!((w[10].head, w[10].deprel), (9, "conj"), "{:?}", w[10]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_hyphenated_word_before_a_noun_modifies_it() {
        let a = Analyzer::builtin();
        let one = |text: &str| {
            let seg = khaldun_text::Segmenter::default().segment(text);
            a.analyze_sentence(text, &seg.sentences[0])
        };
        // "scale" was the object, "drills" a second one
        let s = one("China staged large-scale military drills around Taiwan on Thursday.");
        let w = &s.words;
        assert_eq!((w[6].head, w[6].deprel), (2, "obj"), "{:?}", w[6]);
        assert_eq!((w[4].head, w[4].deprel), (7, "compound"), "{:?}", w[4]);
        assert!(is_one_tree(&s));
        // "hit" was a clause of the verb, with "Turkey" its object
        let s = one("India dispatched rescue teams and medical supplies to earthquake-hit Turkey.");
        let w = &s.words;
        assert_eq!(w[10].head, 12, "{:?}", w[10]);
        assert_eq!((w[7].head, w[7].deprel), (12, "case"), "{:?}", w[7]);
        assert!(is_one_tree(&s));
        // spaced dashes are no hyphens
        let s = one("The talks - held in Doha - failed.");
        assert!(is_one_tree(&s));
    }

    #[test]
    fn an_object_before_next_month_is_the_verbs() {
        let s = analyze("Chinese President Xi Jinping will visit France next month for talks with President Emmanuel Macron , the Elysee said on Friday .");
        let w = &s.words;
        assert_eq!((w[6].head, w[6].deprel), (6, "obj"), "{:?}", w[6]);
        assert_eq!(w[8].head, 6, "{:?}", w[8]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_preposition_on_a_names_first_word_is_the_names() {
        let s = analyze("Thousands of people rallied in Tel Aviv on Saturday to demand a deal to free the hostages held in Gaza .");
        let w = &s.words;
        assert_eq!((w[4].head, w[4].deprel), (7, "case"), "{:?}", w[4]);
        assert_eq!((w[6].head, w[6].deprel), (4, "obl"), "{:?}", w[6]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_passive_subject_with_no_passive_auxiliary_is_active() {
        let s = analyze("Ukraine 's air force said it shot down 25 Russian drones overnight .");
        let w = &s.words;
        assert_eq!((w[5].head, w[5].deprel), (7, "nsubj"), "{:?}", w[5]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn an_object_before_after_is_no_subject_of_the_clause_after_it() {
        let s = analyze("Iran 's supreme leader warned Israel of a harsh response after an air strike killed two Iranian generals in Damascus .");
        let w = &s.words;
        assert_eq!((w[5].head, w[5].deprel), (5, "obj"), "{:?}", w[5]);
        assert_eq!((w[14].head, w[14].deprel), (5, "advcl"), "{:?}", w[14]);
        assert_eq!((w[13].head, w[13].deprel), (15, "nsubj"), "{:?}", w[13]);
        assert_eq!((w[10].head, w[10].deprel), (15, "mark"), "{:?}", w[10]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn an_object_before_after_is_no_passive_subject_of_the_clause_after_it() {
        let s = analyze("Germany expelled two Russian diplomats after a Chechen dissident was shot dead in Berlin .");
        let w = &s.words;
        assert_eq!((w[4].head, w[4].deprel), (2, "obj"), "{:?}", w[4]);
        assert_eq!((w[10].head, w[10].deprel), (2, "advcl"), "{:?}", w[10]);
        assert_eq!((w[8].head, w[8].deprel), (11, "nsubj:pass"), "{:?}", w[8]);
        assert_eq!((w[9].head, w[9].deprel), (11, "aux:pass"), "{:?}", w[9]);
        assert_eq!((w[5].head, w[5].deprel), (11, "mark"), "{:?}", w[5]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn an_in_phrase_after_an_amount_of_money_says_what_it_is() {
        let s = analyze("Japan will provide $ 4.5 billion in aid to Ukraine , Prime Minister Fumio Kishida said .");
        let w = &s.words;
        assert_eq!((w[7].head, w[7].deprel), (4, "nmod"), "{:?}", w[7]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_clause_after_comma_and_joins_the_verb_not_its_object() {
        let s = analyze(
            "Hamas attacked Israel , and Israel 's prime minister vowed a mighty vengeance .",
        );
        let w = &s.words;
        assert_eq!((w[9].head, w[9].deprel), (2, "conj"), "{:?}", w[9]);
        assert_eq!((w[4].head, w[4].deprel), (10, "cc"), "{:?}", w[4]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn that_before_a_second_subject_is_the_clauses_marker() {
        let s = analyze(
            "Iran demanded on Friday that Britain immediately release an Iranian oil tanker .",
        );
        let w = &s.words;
        assert_eq!(
            (w[4].head, w[4].deprel, w[4].upos),
            (8, "mark", "SCONJ"),
            "{:?}",
            w[4]
        );
        assert_eq!((w[5].head, w[5].deprel), (8, "nsubj"), "{:?}", w[5]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_lower_case_word_run_on_a_name_is_a_common_noun() {
        let s = analyze("Somali forces backed by U.S. airstrikes recaptured a key town .");
        let w = &s.words;
        assert_eq!((w[5].upos, w[5].xpos), ("NOUN", "NNS"), "{:?}", w[5]);
        assert_eq!((w[6].head, w[6].deprel), (0, "root"), "{:?}", w[6]);
        // name particles stay in the name
        let s = analyze("Saudi Crown Prince Mohammed bin Salman met Biden .");
        assert_eq!(s.words[4].upos, "PROPN", "{:?}", s.words[4]);
    }

    #[test]
    fn a_stock_adjective_in_ing_before_a_noun_is_no_verb() {
        let s = analyze("Israel launched devastating strikes on Gaza .");
        let w = &s.words;
        assert_eq!((w[2].xpos, w[2].deprel), ("JJ", "amod"), "{:?}", w[2]);
        assert_eq!((w[3].head, w[3].deprel), (2, "obj"), "{:?}", w[3]);
        // a gerund with its object stays a verb
        let s = analyze("Russia resumed shelling towns in the east .");
        assert_eq!(s.words[2].upos, "VERB", "{:?}", s.words[2]);
        // and so does a progressive
        let s = analyze("The opposition was mounting pressure on the government .");
        assert_eq!(s.words[3].upos, "VERB", "{:?}", s.words[3]);
    }

    #[test]
    fn a_word_tagged_as_an_auxiliary_outside_the_closed_class_is_retagged() {
        let s = analyze("Human Rights Watch urged Egypt to free jailed activists .");
        let w = &s.words;
        assert!(matches!(w[2].upos, "NOUN" | "PROPN"), "{:?}", w[2]);
        assert_eq!(w[2].lemma.to_lowercase(), "watch", "{:?}", w[2]);
        assert_eq!((w[3].head, w[3].deprel), (0, "root"), "{:?}", w[3]);
        let s = analyze("Wind-driven wildfires tore through the Los Angeles area on Wednesday .");
        let w = &s.words;
        assert_eq!(
            (w[2].xpos, w[2].lemma.as_str()),
            ("VBD", "tear"),
            "{:?}",
            w[2]
        );
        assert!(is_one_tree(&s));
        // real auxiliaries stay
        let s = analyze("Iran has said it will not attend .");
        assert_eq!((s.words[1].upos, s.words[4].upos), ("AUX", "AUX"));
    }

    #[test]
    fn a_participle_after_a_floating_each_is_the_finite_verb() {
        let s = analyze("Russia and Ukraine each released 115 prisoners of war on Saturday .");
        let w = &s.words;
        assert_eq!((w[4].xpos, w[4].deprel), ("VBD", "root"), "{:?}", w[4]);
        assert_eq!((w[0].head, w[0].deprel), (5, "nsubj"), "{:?}", w[0]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_participle_after_a_subordinator_and_its_subject_is_the_finite_verb() {
        let s = analyze("French riot police fired tear gas at protesters in Paris on Thursday as more than a million people marched across France against the reform .");
        let w = &s.words;
        assert_eq!(w[18].xpos, "VBD", "{:?}", w[18]);
        assert_eq!((w[17].head, w[17].deprel), (19, "nsubj"), "{:?}", w[17]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn coordinated_adverbs_before_a_verb_leave_it_the_clause() {
        let s = analyze("The minister insisted she was never directly or indirectly pressured by the Russian government .");
        let w = &s.words;
        assert_eq!((w[9].head, w[9].deprel), (3, "ccomp"), "{:?}", w[9]);
        assert_eq!((w[5].head, w[5].deprel), (10, "advmod"), "{:?}", w[5]);
        assert_eq!((w[6].head, w[6].deprel), (10, "advmod"), "{:?}", w[6]);
        assert_eq!((w[3].head, w[3].deprel), (10, "nsubj:pass"), "{:?}", w[3]);
        assert_eq!((w[13].head, w[13].deprel), (10, "obl:agent"), "{:?}", w[13]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_possessor_taken_for_a_second_subject_owns_the_subject() {
        let s = analyze("Protesters ' demands include investigation of alleged police violence against protesters on June 12 , the release and dropping of charges against protesters who were arrested , that the government cease referring to the protests as riots , and complete dismissal of the bill .");
        let w = &s.words;
        assert_eq!((w[0].head, w[0].deprel), (3, "nmod:poss"), "{:?}", w[0]);
        assert_eq!((w[2].head, w[2].deprel), (4, "nsubj"), "{:?}", w[2]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_noun_hung_on_the_reporting_verb_is_the_object_of_the_reported_one() {
        let s = analyze("The Palestinians reject proposed Israeli changes to the Wye River land-for-security deal , chief Palestinian negotiator Saeb Erakat said .");
        let w = &s.words;
        assert_eq!((w[2].deprel, w[18].deprel), ("ccomp", "root"));
        assert_eq!((w[5].head, w[5].deprel), (3, "obj"), "{:?}", w[5]);
        assert_eq!(w[11].head, 6, "{:?}", w[11]);
    }

    #[test]
    fn an_object_taken_for_a_second_subject_of_the_reporting_verb_is_the_object() {
        let s = analyze("Israeli troops shot dead two Palestinians in the West Bank on Tuesday , hospital officials said .");
        let w = &s.words;
        assert_eq!((w[2].head, w[2].deprel), (16, "ccomp"), "{:?}", w[2]);
        assert_eq!((w[5].head, w[5].deprel), (3, "obj"), "{:?}", w[5]);
        assert_eq!((w[14].head, w[14].deprel), (16, "nsubj"), "{:?}", w[14]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_past_tense_between_a_determiner_and_a_noun_modifies_the_noun() {
        let s = analyze("The United States helped the two exiled dissidents from Egypt .");
        let w = &s.words;
        assert_eq!(
            (w[6].xpos, w[6].head, w[6].deprel),
            ("VBN", 8, "amod"),
            "{:?}",
            w[6]
        );
        assert_eq!((w[7].head, w[7].deprel), (4, "obj"), "{:?}", w[7]);
    }

    #[test]
    fn a_title_made_root_before_a_name_is_part_of_the_subject() {
        let s =
            analyze("Opposition leader Raila Odinga urged the government to withdraw the bill .");
        let w = &s.words;
        assert_eq!((w[4].head, w[4].deprel), (0, "root"), "{:?}", w[4]);
        assert_eq!((w[2].head, w[2].deprel), (5, "nsubj"), "{:?}", w[2]);
        assert_eq!(w[1].head, 3, "{:?}", w[1]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_second_that_clause_joins_the_first() {
        let s = analyze("A report released Tuesday in the Rwandan capital alleged that France was aware of preparations for the genocide , and that the French military helped to plan killings .");
        let w = &s.words;
        // "helped" is a conjunct of "aware", not of the root "released"
        assert_eq!((w[12].head, w[12].deprel), (9, "ccomp"), "{:?}", w[12]);
        assert_eq!((w[24].head, w[24].deprel), (13, "conj"), "{:?}", w[24]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_noun_after_but_before_a_subjectless_verb_is_its_subject() {
        let s = analyze("The attack was claimed by the Houthi movement in Yemen , but both Saudi Arabia and the United States have alleged Iranian involvement .");
        let w = &s.words;
        // "Arabia" is the subject of "alleged", "States" its conjunct
        assert_eq!((w[14].head, w[14].deprel), (21, "nsubj"), "{:?}", w[14]);
        assert_eq!((w[18].head, w[18].deprel), (15, "conj"), "{:?}", w[18]);
        assert_eq!((w[11].head, w[11].deprel), (21, "cc"), "{:?}", w[11]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_discourse_adverb_set_off_by_commas_is_parsed_around() {
        let s = analyze("Kenyan President William Ruto , meanwhile , hosted China 's foreign minister Wang Yi at State House .");
        let w = &s.words;
        // "William" the subject of "hosted", the root; "meanwhile" its adverb
        assert_eq!((w[2].head, w[2].deprel), (8, "nsubj"), "{:?}", w[2]);
        assert_eq!((w[7].head, w[7].deprel), (0, "root"), "{:?}", w[7]);
        assert_eq!((w[5].head, w[5].deprel), (8, "advmod"), "{:?}", w[5]);
        assert_eq!(w[13].head, 8, "{:?}", w[13]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_clause_after_comma_and_is_a_conjunct_not_a_complement() {
        let s = analyze("China urged both countries to exercise restraint , and U.S. Secretary of State Marco Rubio spoke with the foreign ministers of India and Pakistan by telephone .");
        let w = &s.words;
        let spoke = w.iter().position(|x| x.lemma == "speak").unwrap();
        assert_eq!(
            (w[spoke].head, w[spoke].deprel),
            (2, "conj"),
            "{:?}",
            w[spoke]
        );
        assert_eq!(
            (w[8].head as usize, w[8].deprel),
            (spoke + 1, "cc"),
            "{:?}",
            w[8]
        );
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_verb_after_comma_and_joins_the_verb_a_subordinate_clause_hangs_on() {
        let s = analyze("Poland deployed troops to its border on Monday after hundreds of migrants tried to force their way across , and accused Minsk of orchestrating the crisis .");
        let w = &s.words;
        let accused = w.iter().position(|x| x.lemma == "accuse").unwrap();
        assert_eq!(
            (w[accused].head, w[accused].deprel),
            (2, "conj"),
            "{:?}",
            w[accused]
        );
        assert!(is_one_tree(&s));
        // (no comma: the clause's own second verb)
        let s = analyze(
            "Poland deployed troops after migrants crossed the border and attacked guards .",
        );
        let w = &s.words;
        let attacked = w.iter().position(|x| x.lemma == "attack").unwrap();
        assert_ne!(w[attacked].head, 2, "{:?}", w[attacked]);
    }

    #[test]
    fn the_people_taken_hostage_are_the_object() {
        let s = analyze("Houthi rebels seized a ship and took its 25 crew members hostage .");
        let w = &s.words;
        let members = w.iter().position(|x| x.lemma == "member").unwrap();
        let hostage = w.iter().position(|x| x.lemma == "hostage").unwrap();
        assert_eq!(w[members].deprel, "obj", "{:?}", w[members]);
        assert_eq!(w[hostage].deprel, "xcomp", "{:?}", w[hostage]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_titled_name_after_a_nationality_is_the_object() {
        let s = analyze("He would meet Russian President Vladimir Putin in Alaska .");
        let w = &s.words;
        assert_eq!((w[5].deprel, w[5].head), ("obj", 3), "{:?}", w[5]);
        assert_eq!((w[3].deprel, w[3].head), ("amod", 5), "{:?}", w[3]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn outside_after_a_verb_is_a_preposition() {
        let s = analyze("Thousands of Georgians rallied outside parliament in Tbilisi .");
        let w = &s.words;
        assert_eq!(w[4].upos, "ADP", "{:?}", w[4]);
        assert_eq!(w[4].deprel, "case", "{:?}", w[4]);
        // (an adjective still before its noun: "the outside world")
        let s = analyze("Pyongyang cut its links with the outside world .");
        assert_eq!(s.words[6].upos, "ADJ", "{:?}", s.words[6]);
    }

    #[test]
    fn a_participle_after_a_reported_pronoun_is_its_verb() {
        let s =
            analyze("The Israeli military said it struck Hezbollah targets in southern Lebanon .");
        let w = &s.words;
        assert_eq!((w[5].xpos, w[5].deprel), ("VBD", "ccomp"), "{:?}", w[5]);
        assert_eq!((w[4].head, w[4].deprel), (6, "nsubj"), "{:?}", w[4]);
    }

    #[test]
    fn a_time_before_after_gives_the_verb_its_subject() {
        let s = analyze("Iran said ties were at their lowest point , a day after Britain imposed new sanctions on Iran .");
        let w = &s.words;
        let imposed = w.iter().position(|x| x.lemma == "impose").unwrap();
        let britain = w.iter().position(|x| x.lemma == "Britain").unwrap();
        assert_eq!(
            (w[britain].head as usize, w[britain].deprel),
            (imposed + 1, "nsubj"),
            "{:?}",
            w[britain]
        );
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_noun_root_with_a_relative_clause_is_the_subject_of_the_verb_after_it() {
        let s = analyze("Qatar and Egypt , which have mediated between the two sides , called for an immediate ceasefire .");
        let w = &s.words;
        let called = w.iter().position(|x| x.lemma == "call").unwrap();
        assert_eq!(
            (w[called].head, w[called].deprel),
            (0, "root"),
            "{:?}",
            w[called]
        );
        assert_eq!(
            (w[0].head as usize, w[0].deprel),
            (called + 1, "nsubj"),
            "{:?}",
            w[0]
        );
        assert!(is_one_tree(&s));
        // the clause taken for an aside
        let s = analyze(
            "Russia and China , which oppose the sanctions , criticized the United States .",
        );
        let w = &s.words;
        assert_eq!((w[9].head, w[9].deprel), (0, "root"), "{:?}", w[9]);
        assert_eq!((w[0].head, w[0].deprel), (10, "nsubj"), "{:?}", w[0]);
        assert_eq!((w[5].head, w[5].deprel), (1, "acl:relcl"), "{:?}", w[5]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn an_infinitive_keeps_the_object_right_after_it() {
        let s = analyze("The European Union on Monday imposed sanctions on eight Iranian officials and three companies it accuses of supplying drones that Russia has used to strike Ukrainian cities , the bloc 's foreign policy chief said .");
        let w = &s.words;
        let strike = w.iter().position(|x| x.lemma == "strike").unwrap();
        let cities = w.iter().position(|x| x.lemma == "city").unwrap();
        assert_eq!(
            (w[cities].head as usize, w[cities].deprel),
            (strike + 1, "obj"),
            "{:?}",
            w[cities]
        );
        assert!(is_one_tree(&s));
    }

    #[test]
    fn both_sides_of_between_stay_in_the_subject() {
        let s = analyze("The truce between the Sudanese military and the Rapid Support Forces will take effect Monday evening .");
        let w = &s.words;
        // "military" a noun after "the Sudanese", "Forces" its conjunct,
        // the truce the subject of "take"
        assert_eq!(w[5].upos, "NOUN", "{:?}", w[5]);
        assert_eq!((w[10].head, w[10].deprel), (6, "conj"), "{:?}", w[10]);
        assert_eq!((w[1].head, w[1].deprel), (13, "nsubj"), "{:?}", w[1]);
        assert_eq!((w[12].head, w[12].deprel), (0, "root"), "{:?}", w[12]);
        assert!(is_one_tree(&s));
        // the same with the two subjects the past tense gives
        let s = analyze("The truce between the Sudanese military and the Rapid Support Forces took effect on Monday .");
        assert_eq!(
            (s.words[10].head, s.words[10].deprel),
            (6, "conj"),
            "{:?}",
            s.words[10]
        );
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_day_and_its_part_after_a_reporting_verb_hang_on_it() {
        let s = analyze(
            "Soldiers in Niger said on Wednesday night they had toppled President Mohamed Bazoum .",
        );
        let w = &s.words;
        // "on Wednesday night" an oblique of "said", "toppled" its clause
        assert_eq!((w[6].head, w[6].deprel), (4, "obl"), "{:?}", w[6]);
        assert_eq!((w[4].head, w[4].deprel), (7, "case"), "{:?}", w[4]);
        assert_eq!((w[5].head, w[5].deprel), (7, "compound"), "{:?}", w[5]);
        assert_eq!((w[9].head, w[9].deprel), (4, "ccomp"), "{:?}", w[9]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn due_to_before_a_verb_is_a_predicate() {
        let s = analyze("He is due to travel to Warsaw on Wednesday for talks .");
        let w = &s.words;
        assert_eq!((w[2].head, w[2].deprel), (0, "root"), "{:?}", w[2]);
        assert_eq!((w[0].head, w[0].deprel), (3, "nsubj"), "{:?}", w[0]);
        assert_eq!((w[1].head, w[1].deprel), (3, "cop"), "{:?}", w[1]);
        assert_eq!((w[4].head, w[4].deprel), (3, "xcomp"), "{:?}", w[4]);
        assert!(is_one_tree(&s));
        // "due to" as a preposition is left alone
        let s = analyze("The match was cancelled due to the rain .");
        assert_ne!(s.words[4].deprel, "root");
        assert!(is_one_tree(&s));
    }

    #[test]
    fn repairs_leave_a_tree() {
        // the relative-clause repair once hung this clause under a noun
        // inside it
        let s = analyze("This comes a week after he attended a summit with President of France Emmanuel Macron , who was later diagnosed with the disease and which led to contact tracing across Europe and multiple leaders voluntarily self - isolating .");
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_relative_clause_set_off_by_commas_modifies_its_noun() {
        let s = analyze("They had asked Hong Kong Chief Executive Carrie Lam , who is supported by the mainland Chinese government , to resign from her position .");
        let w = &s.words;
        // "supported" modifies "Lam"; "to resign" is what "asked" asks
        assert_eq!((w[12].head, w[12].deprel), (9, "acl:relcl"), "{:?}", w[12]);
        assert_eq!((w[20].head, w[20].deprel), (3, "xcomp"), "{:?}", w[20]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_verb_taken_for_a_modifier_of_the_first_subject_heads_the_reported_clause() {
        let s = analyze("The Israeli army forced out on Wednesday more than 1,000 Palestinian refugees from their homes in a West Bank refugee camp during a 48-hour search for militants , residents said .");
        let w = &s.words;
        // "forced" reported by "said", "army" its subject, "refugees" its object
        let said = w.len() - 1;
        assert_eq!(
            (w[3].head as usize, w[3].deprel),
            (said, "ccomp"),
            "{:?}",
            w[3]
        );
        assert_eq!((w[2].head, w[2].deprel), (4, "nsubj"));
        assert_eq!((w[11].head, w[11].deprel), (4, "obj"));
        // the temporal phrase between the verb and its object hangs on the verb
        assert_eq!((w[6].head, w[6].deprel), (4, "obl"));
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_sentence_opening_with_an_event_noun_has_it_as_subject() {
        for text in [
            "Clashes between rebels and troops killed 12 people .",
            "Fighting between the two armies killed 40 soldiers .",
        ] {
            let s = analyze(text);
            let w = &s.words;
            assert_eq!(
                (w[0].upos, w[0].deprel),
                ("NOUN", "nsubj"),
                "{text}: {:?}",
                w[0]
            );
        }
        assert_eq!(
            analyze("Fighting between the two armies resumed .").words[0].lemma,
            "fighting"
        );
        // a participle clause stays one
        let s = analyze("Speaking in Paris , the minister said the talks failed .");
        assert_eq!((s.words[0].upos, s.words[0].deprel), ("VERB", "advcl"));
    }

    #[test]
    fn a_modal_or_to_governs_a_verb() {
        for text in [
            "Iran said it would free the sailors .",
            "Iran promised to free the sailors .",
        ] {
            let s = analyze(text);
            let n = s.words.len();
            let free = &s.words[n - 4];
            assert_eq!((free.upos, free.xpos), ("VERB", "VB"), "{text}: {free:?}");
            assert_eq!(s.words[n - 2].deprel, "obj", "{text}");
        }
        // an adjective after "be" stays one
        let s = analyze("The sailors will be free soon .");
        assert_eq!(s.words[4].upos, "ADJ");
    }

    #[test]
    fn a_demanded_clause_has_its_verb_in_the_base_form() {
        for (text, verb) in [
            ("Britain demanded that Russia hand over the suspects .", 4),
            (
                "Israel demanded that Egypt share intelligence on the tunnels .",
                4,
            ),
            (
                "The United States demanded that Russia free the journalist .",
                6,
            ),
        ] {
            let s = analyze(text);
            let w = &s.words[verb];
            assert_eq!((w.upos, w.deprel), ("VERB", "ccomp"), "{text}: {w:?}");
        }
        // a noun after the subject's name stays a noun
        let s = analyze("Hamas demanded that Hamas leader Ismail Haniyeh be freed .");
        assert_eq!(s.words[4].upos, "NOUN");
    }

    #[test]
    fn a_name_before_an_amount_after_give_is_the_first_object() {
        let s = analyze("The European Community gave the Ivory Coast 5.1 million dollars of aid .");
        let w = &s.words;
        assert_eq!((w[6].head, w[6].deprel), (4, "iobj"), "{:?}", w[6]);
        assert_eq!((w[5].head, w[5].deprel), (7, "compound"));
        assert_eq!((w[4].head, w[4].deprel), (7, "det"));
        assert_eq!((w[9].head, w[9].deprel), (4, "obj"));
        assert!(is_one_tree(&s));
    }

    #[test]
    fn an_infinitive_on_a_passive_agent_is_the_verbs_complement() {
        let s = analyze("The president was urged by senators to sanction Russia .");
        let w = &s.words;
        assert_eq!((w[7].head, w[7].deprel), (4, "xcomp"), "{:?}", w[7]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn a_name_before_the_subject_is_no_root() {
        let s = analyze("European Community foreign ministers demanded the withdrawal of Serbian forces from Bosnia on Monday .");
        let w = &s.words;
        assert_eq!(w[4].deprel, "root");
        assert_eq!((w[3].head, w[3].deprel), (5, "nsubj"));
        assert_eq!(w[1].head, 4);
        assert!(is_one_tree(&s));
        // with an infinitive the parser hangs as a clause
        let s = analyze("European Union foreign ministers agreed on Monday to impose sanctions on Russian officials involved in the jailing of Kremlin critic Alexei Navalny .");
        let w = &s.words;
        assert_eq!(w[4].deprel, "root", "{:?}", w[4]);
        assert_eq!((w[3].head, w[3].deprel), (5, "nsubj"), "{:?}", w[3]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn an_adjective_after_a_possessive_with_no_noun_after_it_is_a_noun() {
        let s = analyze("Kenya 's military seized power in a coup .");
        let w = &s.words;
        assert_eq!((w[2].upos, w[2].deprel), ("NOUN", "nsubj"), "{:?}", w[2]);
        assert_eq!((w[3].xpos, w[3].deprel), ("VBD", "root"), "{:?}", w[3]);
        let s = analyze("Bolivia 's military took control of the capital .");
        assert_eq!((s.words[2].upos, s.words[2].head), ("NOUN", 4));
        // an adjective before its noun stays one
        let s = analyze("Kenya 's military leaders met in Nairobi .");
        assert_eq!(s.words[2].upos, "ADJ");
    }

    #[test]
    fn a_verb_read_as_an_adjective_after_the_subject_is_the_finite_verb() {
        let s = analyze("Activists occupied government offices in Lagos .");
        let w = &s.words;
        assert_eq!((w[1].xpos, w[1].deprel), ("VBD", "root"), "{:?}", w[1]);
        assert_eq!(w[1].lemma, "occupy");
        assert_eq!((w[0].head, w[0].deprel), (2, "nsubj"));
        assert_eq!((w[3].head, w[3].deprel), (2, "obj"));
    }

    #[test]
    fn an_intransitive_past_read_as_a_participle_is_the_finite_verb() {
        let s = analyze("Students demanding reforms clashed with police in Dhaka .");
        let w = &s.words;
        assert_eq!((w[3].xpos, w[3].deprel), ("VBD", "root"), "{:?}", w[3]);
        assert_eq!((w[0].head, w[0].deprel), (4, "nsubj"));
    }

    #[test]
    fn a_prefix_after_a_verb_is_its_particle() {
        let s = analyze("Chad 's military handed over power to a civilian government .");
        let w = &s.words;
        assert_eq!(
            (w[4].xpos, w[4].deprel),
            ("RP", "compound:prt"),
            "{:?}",
            w[4]
        );
        assert_eq!((w[3].xpos, w[3].deprel), ("VBD", "root"));
        assert_eq!((w[5].head, w[5].deprel), (4, "obj"));
    }

    #[test]
    fn the_accused_is_no_compound_across_of() {
        let s = analyze("Moscow accused Kyiv of human rights violations in Donbas .");
        let w = &s.words;
        assert_eq!((w[2].head, w[2].deprel), (2, "obj"), "{:?}", w[2]);
        assert_eq!((w[6].head, w[6].deprel), (2, "obl"));
        assert_eq!((w[3].head, w[3].deprel), (7, "case"));
        assert!(is_one_tree(&s));
    }

    #[test]
    fn the_noun_before_a_small_clause_complement_is_the_object() {
        let s = analyze("A British court found Russia responsible for the poisoning .");
        let w = &s.words;
        assert_eq!((w[4].head, w[4].deprel), (4, "obj"), "{:?}", w[4]);
        assert_eq!((w[5].head, w[5].deprel), (4, "xcomp"));
    }

    #[test]
    fn a_subject_with_a_participle_clause_is_no_root() {
        let s = analyze("Workers demanding higher wages torched factories in Dhaka .");
        let w = &s.words;
        assert_eq!(w[4].deprel, "root", "{:?}", w[4]);
        assert_eq!((w[0].head, w[0].deprel), (5, "nsubj"));
        assert_eq!((w[3].head, w[3].deprel), (2, "obj"));
        assert_eq!((w[8].head, w[8].deprel), (5, "punct"));
        assert!(is_one_tree(&s));
    }

    /// The builtin analysis of `text`, words separated by single spaces.
    fn analyze(text: &str) -> AnalyzedSentence {
        let words: Vec<&str> = text.split(' ').collect();
        Analyzer::builtin().analyze_words(&words)
    }

    fn is_one_tree(s: &AnalyzedSentence) -> bool {
        let deps: Vec<khaldun_parser::Dep> = s
            .words
            .iter()
            .map(|w| khaldun_parser::Dep {
                head: w.head,
                rel: khaldun_parser::Rel::from_name(w.deprel).unwrap_or(khaldun_parser::Rel::DEP),
            })
            .collect();
        khaldun_parser::is_tree(&deps)
    }

    #[test]
    fn a_sentence_with_no_finite_verb_gets_one() {
        let s = analyze("British aircraft using precision guided missiles killed 4 Iraqis in an attack on a weapons depot in Basra .");
        assert_eq!((s.words[6].xpos, s.words[6].deprel), ("VBD", "root"));
        assert_eq!((s.words[1].head, s.words[1].deprel), (7, "nsubj"));
        assert_eq!((s.words[8].head, s.words[8].deprel), (7, "obj"));
        // an irregular past read as an adjective with a noun as runner-up
        let s = analyze("Zimbabwean police beat opposition activists with batons .");
        assert_eq!((s.words[2].xpos, s.words[2].deprel), ("VBD", "root"));
        assert_eq!((s.words[4].head, s.words[4].deprel), (3, "obj"));
        // a closing "..., officials said" is not the sentence's verb
        let s = analyze("Rebels armed with rifles seized the town , officials said .");
        assert_eq!(s.words[4].deprel, "ccomp", "{:?}", s.words[4]);
    }

    #[test]
    fn a_participle_glued_by_a_hyphen_modifies_the_noun_after_it() {
        let a = Analyzer::builtin();
        let text = "Saudi-led coalition jets bombed rebel positions in Yemen.";
        let seg = khaldun_text::Segmenter::default().segment(text);
        let s = &a.analyze(text, &seg)[0];
        let form = |i: usize| s.words[i].span.slice(text);
        assert_eq!(form(2), "led");
        // tagged as EWT tags it, parsed as a modifier, not the root
        assert_eq!((s.words[2].xpos, s.words[2].deprel), ("VBN", "amod"));
        let root = s.words.iter().position(|w| w.deprel == "root").unwrap();
        assert_eq!(form(root), "bombed");
    }

    #[test]
    fn a_name_and_participle_after_a_reporting_verb_are_its_clause() {
        let s = analyze("On Monday , the state news agency reported Iran issued arrest warrants and demanded help from Interpol .");
        assert_eq!(s.words[9].xpos, "VBD", "{:?}", s.words[9]);
        assert_eq!(s.words[9].upos, "VERB");
        // a participle modifying a noun after a name that is no subject stays
        let s = analyze("The agency reported heavily armed gangs in the capital .");
        assert!(s
            .words
            .iter()
            .all(|w| w.xpos != "VBD" || w.lemma == "report"));
    }

    #[test]
    fn a_temporal_between_a_demand_and_its_clause_hangs_on_the_verb() {
        let s = analyze("The ILO reiterated its demand today that Israel ease restrictions on the movement of Palestinian workers .");
        let w = &s.words;
        assert_eq!((w[5].head, w[5].deprel), (3, "obl:unmarked"), "{:?}", w[5]);
        // the clause's verb is a verb, in the clause of the noun "demand"
        assert_eq!(
            (w[8].upos, w[8].head, w[8].deprel),
            ("VERB", 5, "acl"),
            "{:?}",
            w[8]
        );
        assert_eq!((w[9].head, w[9].deprel), (9, "obj"), "{:?}", w[9]);
        assert!(is_one_tree(&s));
    }

    #[test]
    fn wedged_temporal_phrases_hang_on_the_verb() {
        let a = Analyzer::builtin();
        let s = a.analyze_words(&[
            "The", "Security", "Council", "today", "agreed", "to", "extend", "the", "mission", ".",
        ]);
        let w = &s.words;
        assert_eq!((w[2].head, w[2].deprel), (5, "nsubj"));
        assert_eq!((w[3].head, w[3].deprel), (5, "obl:unmarked"));
        assert_eq!(w[4].deprel, "root");
        let s = a.analyze_words(&[
            "Kenya", "on", "Monday", "has", "rejected", "the", "offer", ".",
        ]);
        let w = &s.words;
        assert_eq!((w[0].head, w[0].deprel), (5, "nsubj"));
        assert_eq!((w[2].head, w[2].deprel), (5, "obl"));
        assert_eq!((w[1].head, w[1].deprel), (3, "case"));
        assert_eq!((w[3].head, w[3].deprel), (5, "aux"));
        // the verb is tagged again without "yesterday" (a participle with it)
        let s = a.analyze_words(&[
            "Oil",
            "companies",
            "yesterday",
            "evacuated",
            "offshore",
            "platforms",
            ".",
        ]);
        let w = &s.words;
        assert_eq!((w[1].head, w[1].deprel), (4, "nsubj"));
        assert_eq!((w[3].xpos, w[3].deprel), ("VBD", "root"));
        // a temporal word after its verb is left to the parser
        let s = a.analyze_words(&["Kenya", "rejected", "the", "offer", "today", "."]);
        assert_eq!(s.words[4].head, 2);
        assert_eq!(
            wedged_temporals(
                &["He", "left", "today", "."],
                &["PRON", "VERB", "NOUN", "PUNCT"],
                &["PRP", "VBD", "NN", "."]
            ),
            vec![]
        );
    }
}
