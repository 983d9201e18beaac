//! Training-data augmentation for news constructions the web treebank
//! rarely shows.
//!
//! AP-style news puts a bare temporal noun between the subject and the verb
//! ("The council today agreed ..."); EWT almost never does, so a parser
//! trained on it reads "council today" as a compound subject headed by
//! "today". [`augment_news`] makes copies of training sentences with such a
//! word inserted, attached to the verb the way EWT attaches "today".

use khaldun_conllu::{Sentence, Word};

use crate::train::Rng;
use crate::{is_tree, Dep, Rel};

/// Bare temporal nouns; EWT attaches them to the verb as `obl:unmarked`.
const PAST: &[&str] = &["today", "yesterday", "tonight"];
const NON_PAST: &[&str] = &["today", "tonight", "tomorrow"];
/// Verbs that report speech, the ones news follows with "today that".
const REPORTING: &[&str] = &[
    "say",
    "announce",
    "report",
    "warn",
    "claim",
    "state",
    "add",
    "confirm",
    "deny",
    "insist",
    "argue",
    "predict",
    "acknowledge",
    "admit",
    "declare",
    "reveal",
    "suggest",
    "indicate",
];
const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Where a temporal phrase can go in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Site {
    /// 0-based index the phrase is inserted at.
    at: usize,
    /// 0-based index of the word it attaches to: the verb (or predicate),
    /// or the head of a fronted phrase.
    verb: usize,
    /// The verb group is past tense (chooses "yesterday" over "tomorrow").
    past: bool,
    /// It attaches to a noun, as `nmod` rather than `obl`.
    nominal: bool,
}

/// Whether `form` is a temporal word [`augment_news`] inserts ("today",
/// "Monday" ...).
pub fn is_inserted_temporal(form: &str) -> bool {
    PAST.contains(&form) || NON_PAST.contains(&form) || DAYS.contains(&form)
}

/// Returns modified copies of some of `sents` (the originals are not
/// included): for a fraction `rate` of the sentences that have a site, one
/// copy with a temporal word ("today", "yesterday", ...) or phrase ("on
/// Monday") inserted between a noun-phrase subject and its finite verb
/// group ("The council today agreed"), right after a reporting verb before
/// its clausal complement ("said today that"), after the noun ending a
/// phrase fronted before the subject ("During the meeting with Kazemi this
/// afternoon, Parly said"), or after the noun ending the sentence
/// ("attacked a convoy yesterday"), always attached to the verb of that
/// construction. Deterministic for a seed; every copy is a valid tree. Sentences
/// without heads are skipped.
pub fn augment_news(sents: &[Sentence], rate: f64, seed: u64) -> Vec<Sentence> {
    let mut rng = Rng::new(seed ^ 0x6e65_7773); // "news": apart from training's stream
    let mut out = Vec::new();
    for s in sents {
        let sites = sites(s);
        if sites.is_empty() {
            continue;
        }
        // Draw for every eligible sentence so that choices do not depend on
        // which earlier sentences were picked.
        let pick = rng.next_f64() < rate;
        let site = sites[rng.below(sites.len())];
        let on_day = rng.below(4) == 0;
        let word = if on_day {
            DAYS[rng.below(DAYS.len())]
        } else if site.past {
            PAST[rng.below(PAST.len())]
        } else {
            NON_PAST[rng.below(NON_PAST.len())]
        };
        if !pick {
            continue;
        }
        if let Some(copy) = insert_temporal(s, site, word, on_day) {
            out.push(copy);
        }
    }
    out
}

fn is_noun(w: &Word) -> bool {
    matches!(w.upos.as_str(), "NOUN" | "PROPN")
}

fn is_finite(w: &Word) -> bool {
    matches!(w.xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD")
}

/// Heads as 0-based indices (`None` for the root); `None` overall when a
/// head is missing or out of range.
fn heads(s: &Sentence) -> Option<Vec<Option<usize>>> {
    let n = s.words.len();
    s.words
        .iter()
        .map(|w| match w.head? {
            0 => Some(None),
            h if h <= n => Some(Some(h - 1)),
            _ => None,
        })
        .collect()
}

/// Span `(first, last)` of `i`'s subtree when it is contiguous.
fn contiguous_subtree(heads: &[Option<usize>], i: usize) -> Option<(usize, usize)> {
    let n = heads.len();
    let inside = |mut j: usize| {
        for _ in 0..=n {
            if j == i {
                return true;
            }
            match heads[j] {
                Some(h) => j = h,
                None => return false,
            }
        }
        false
    };
    let members: Vec<usize> = (0..n).filter(|&j| inside(j)).collect();
    let (first, last) = (*members.first()?, *members.last()?);
    (members.len() == last - first + 1).then_some((first, last))
}

/// True when an arc from `verb` to a word inserted before index `at`
/// (`verb < at`) would cross an existing arc.
fn crossed(heads: &[Option<usize>], verb: usize, at: usize) -> bool {
    let inside = |k: usize| k > verb && k < at;
    let outside = |k: usize| k < verb || k >= at;
    heads.iter().enumerate().any(|(j, h)| match *h {
        Some(h) => (inside(j) && outside(h)) || (outside(j) && inside(h)),
        None => inside(j),
    })
}

fn sites(s: &Sentence) -> Vec<Site> {
    let Some(heads) = heads(s) else {
        return Vec::new();
    };
    let w = &s.words;
    let temporal = |i: usize| {
        let f = w[i].form.to_lowercase();
        PAST.contains(&f.as_str())
            || NON_PAST.contains(&f.as_str())
            || DAYS.contains(&w[i].form.as_str())
    };
    // A sentence already carrying a temporal word is left alone: one is
    // what news has, and two would be odd.
    if (0..w.len()).any(temporal) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (subj, word) in w.iter().enumerate() {
        if !matches!(word.deprel.as_str(), "nsubj" | "nsubj:pass") || !is_noun(word) {
            continue;
        }
        let Some(verb) = heads[subj] else { continue };
        if verb < subj {
            continue;
        }
        let Some((first, last)) = contiguous_subtree(&heads, subj) else {
            continue;
        };
        // A noun phrase ending in a noun, with no punctuation and no clause
        // but a reduced relative ("A bus carrying children to Kaluga").
        let plain = (first..=last).all(|j| match w[j].upos.as_str() {
            "VERB" => w[j].deprel == "acl" && matches!(w[j].xpos.as_str(), "VBG" | "VBN"),
            u => !matches!(u, "AUX" | "PUNCT" | "SCONJ"),
        });
        if !plain || !is_noun(&w[last]) || last - first >= 12 || last >= verb {
            continue;
        }
        // Between the subject and the predicate only its auxiliaries,
        // copula and adverbs ("has not agreed", "is also ready").
        let group_ok = (last + 1..verb).all(|j| {
            heads[j] == Some(verb)
                && matches!(w[j].deprel.as_str(), "aux" | "aux:pass" | "cop" | "advmod")
        });
        let Some(finite) = (last + 1..=verb).find(|&j| w[j].upos == "AUX" || j == verb) else {
            continue;
        };
        if !group_ok || !is_finite(&w[finite]) {
            continue;
        }
        out.push(Site {
            at: last + 1,
            verb,
            past: w[finite].xpos == "VBD",
            nominal: false,
        });
    }
    // "X said today that ...": a reporting verb right before its clausal
    // complement.
    for (c, word) in w.iter().enumerate() {
        if word.deprel != "ccomp" {
            continue;
        }
        let Some(verb) = heads[c] else { continue };
        let Some((first, _)) = contiguous_subtree(&heads, c) else {
            continue;
        };
        if first == verb + 1 && REPORTING.contains(&w[verb].lemma.as_str()) && is_finite(&w[verb]) {
            out.push(Site {
                at: verb + 1,
                verb,
                past: w[verb].xpos == "VBD",
                nominal: false,
            });
        }
    }
    // "During her meeting with Kazemi this afternoon, Parly said": after the
    // noun ending a phrase fronted before a comma and the subject, so that
    // a noun followed by a temporal word is not always read as a subject.
    // The word attaches inside the phrase, to its head (EWT mostly hangs
    // that comma on the phrase, so an arc to the verb would cross it).
    for (d, word) in w.iter().enumerate() {
        let Some(verb) = heads[d] else { continue };
        let fronted = word.deprel.starts_with("obl") || word.deprel.starts_with("advcl");
        if !fronted || d > verb || w[verb].upos != "VERB" {
            continue;
        }
        let Some((_, last)) = contiguous_subtree(&heads, d) else {
            continue;
        };
        // The comma may belong to the phrase or to the verb.
        let (last, comma) = if w[last].form == "," && last > d {
            (last - 1, last)
        } else {
            (last, last + 1)
        };
        let subject_after =
            (comma + 1..verb).any(|j| heads[j] == Some(verb) && w[j].deprel.starts_with("nsubj"));
        let nominal = is_noun(&w[d]);
        if comma < verb
            && is_noun(&w[last])
            && w[comma].form == ","
            && subject_after
            && (nominal || w[d].upos == "VERB")
        {
            out.push(Site {
                at: comma,
                verb: d,
                past: w[verb].xpos == "VBD",
                nominal,
            });
        }
    }
    // "Rebels attacked a convoy near the border yesterday.": after the
    // noun that ends the sentence, where the word could be read as part of
    // that noun phrase; attached, as EWT mostly does, to the nearest verb
    // above that noun.
    let end = if w.last().is_some_and(|x| x.upos == "PUNCT") {
        w.len() - 1
    } else {
        w.len()
    };
    if end >= 2 && is_noun(&w[end - 1]) {
        let mut v = end - 1;
        for _ in 0..w.len() {
            match heads[v] {
                Some(h) if w[v].upos != "VERB" => v = h,
                _ => break,
            }
        }
        let past =
            w[v].xpos == "VBD" || (0..w.len()).any(|j| heads[j] == Some(v) && w[j].xpos == "VBD");
        if w[v].upos == "VERB" && v + 1 < end && !crossed(&heads, v, end) {
            out.push(Site {
                at: end,
                verb: v,
                past,
                nominal: false,
            });
        }
    }
    out
}

fn new_word(form: &str, upos: &str, xpos: &str, feats: &str, head: usize, deprel: &str) -> Word {
    Word {
        form: form.to_string(),
        lemma: if upos == "PROPN" {
            form.to_string()
        } else {
            form.to_lowercase()
        },
        upos: upos.to_string(),
        xpos: xpos.to_string(),
        feats: feats.to_string(),
        head: Some(head),
        deprel: deprel.to_string(),
        deps: "_".to_string(),
        misc: "_".to_string(),
    }
}

/// Copy of `s` with the temporal phrase inserted at `site`, ids and heads
/// renumbered; `None` if the result would not be a tree.
fn insert_temporal(s: &Sentence, site: Site, word: &str, on_day: bool) -> Option<Sentence> {
    let n_new = if on_day { 2 } else { 1 };
    let at = site.at;
    // Not inside a multiword token ("Bob's" = Bob + 's).
    let splits_token = s.multiword.iter().any(|m| m.first <= at && at < m.last);
    if at > s.words.len() || site.verb >= s.words.len() || splits_token {
        return None;
    }
    // Old 1-based id -> new 1-based id.
    let shift = |h: usize| if h > at { h + n_new } else { h };
    let verb_id = shift(site.verb + 1);
    let mut words: Vec<Word> = s
        .words
        .iter()
        .map(|w| Word {
            head: w.head.map(shift),
            // The enhanced graph is not renumbered; training ignores it.
            deps: "_".to_string(),
            ..w.clone()
        })
        .collect();
    let (rel, bare_rel) = if site.nominal {
        ("nmod", "nmod:unmarked")
    } else {
        ("obl", "obl:unmarked")
    };
    let inserted = if on_day {
        vec![
            new_word("on", "ADP", "IN", "_", at + 2, "case"),
            new_word(word, "PROPN", "NNP", "Number=Sing", verb_id, rel),
        ]
    } else {
        vec![new_word(
            word,
            "NOUN",
            "NN",
            "Number=Sing",
            verb_id,
            bare_rel,
        )]
    };
    words.splice(at..at, inserted);
    let deps: Vec<Dep> = words
        .iter()
        .map(|w| Dep {
            head: w
                .head
                .map_or(u32::MAX, |h| u32::try_from(h).unwrap_or(u32::MAX)),
            rel: Rel::DEP,
        })
        .collect();
    if !is_tree(&deps) {
        return None;
    }
    let multiword = s
        .multiword
        .iter()
        .map(|m| {
            let mut m = m.clone();
            if m.first > at {
                m.first += n_new;
                m.last += n_new;
            }
            m
        })
        .collect();
    let sent_id = s.sent_id.as_ref().map(|id| format!("{id}-news"));
    let text = words
        .iter()
        .map(|w| w.form.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let mut comments = Vec::new();
    if let Some(id) = &sent_id {
        comments.push(format!("sent_id = {id}"));
    }
    comments.push(format!("text = {text}"));
    Some(Sentence {
        comments,
        sent_id,
        text: Some(text),
        newdoc: false,
        newpar: false,
        words,
        multiword,
        line: s.line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use khaldun_conllu::MultiwordToken;

    fn sent(rows: &[(&str, &str, &str, usize, &str)]) -> Sentence {
        Sentence {
            sent_id: Some("t1".into()),
            words: rows
                .iter()
                .map(|&(form, upos, xpos, head, deprel)| Word {
                    form: form.into(),
                    lemma: form.to_lowercase(),
                    upos: upos.into(),
                    xpos: xpos.into(),
                    feats: "_".into(),
                    head: Some(head),
                    deprel: deprel.into(),
                    deps: "_".into(),
                    misc: "_".into(),
                })
                .collect(),
            ..Sentence::default()
        }
    }

    fn forms(s: &Sentence) -> Vec<&str> {
        s.words.iter().map(|w| w.form.as_str()).collect()
    }

    fn tree(s: &Sentence) -> Vec<(usize, &str)> {
        s.words
            .iter()
            .map(|w| (w.head.unwrap_or(99), w.deprel.as_str()))
            .collect()
    }

    /// "The Security Council has agreed to it ."
    fn council() -> Sentence {
        sent(&[
            ("The", "DET", "DT", 3, "det"),
            ("Security", "PROPN", "NNP", 3, "compound"),
            ("Council", "PROPN", "NNP", 5, "nsubj"),
            ("has", "AUX", "VBZ", 5, "aux"),
            ("agreed", "VERB", "VBN", 0, "root"),
            ("to", "ADP", "IN", 7, "case"),
            ("it", "PRON", "PRP", 5, "obl"),
            (".", "PUNCT", ".", 5, "punct"),
        ])
    }

    #[test]
    fn inserts_between_subject_and_auxiliary() {
        let s = council();
        let site = Site {
            at: 3,
            verb: 4,
            past: false,
            nominal: false,
        };
        assert_eq!(sites(&s), vec![site]);
        let t = insert_temporal(&s, site, "today", false).unwrap();
        assert_eq!(
            forms(&t),
            ["The", "Security", "Council", "today", "has", "agreed", "to", "it", "."]
        );
        assert_eq!(
            tree(&t),
            [
                (3, "det"),
                (3, "compound"),
                (6, "nsubj"),
                (6, "obl:unmarked"),
                (6, "aux"),
                (0, "root"),
                (8, "case"),
                (6, "obl"),
                (6, "punct"),
            ]
        );
        let t = insert_temporal(&s, site, "Monday", true).unwrap();
        assert_eq!(forms(&t)[3..6], ["on", "Monday", "has"]);
        assert_eq!(tree(&t)[3..5], [(5, "case"), (7, "obl")]);
        assert_eq!(tree(&t)[2], (7, "nsubj"));
        assert_eq!(t.words[4].upos, "PROPN");
        assert_eq!(t.words[4].lemma, "Monday");
        assert_eq!(t.sent_id.as_deref(), Some("t1-news"));
    }

    #[test]
    fn inserts_after_a_verb_before_its_complement() {
        // "Officials said that it failed ."
        let s = sent(&[
            ("Officials", "NOUN", "NNS", 2, "nsubj"),
            ("said", "VERB", "VBD", 0, "root"),
            ("that", "SCONJ", "IN", 5, "mark"),
            ("it", "PRON", "PRP", 5, "nsubj"),
            ("failed", "VERB", "VBD", 2, "ccomp"),
            (".", "PUNCT", ".", 2, "punct"),
        ]);
        // Only reporting verbs take the word after them.
        assert_eq!(
            sites(&s),
            [Site {
                at: 1,
                verb: 1,
                past: true,
                nominal: false
            }]
        );
        let mut s = s;
        s.words[1].lemma = "say".into();
        let found = sites(&s);
        assert_eq!(
            found,
            [
                Site {
                    at: 1,
                    verb: 1,
                    past: true,
                    nominal: false
                },
                Site {
                    at: 2,
                    verb: 1,
                    past: true,
                    nominal: false
                },
            ]
        );
        let t = insert_temporal(&s, found[1], "yesterday", false).unwrap();
        assert_eq!(
            forms(&t),
            [
                "Officials",
                "said",
                "yesterday",
                "that",
                "it",
                "failed",
                "."
            ]
        );
        assert_eq!(tree(&t)[2], (2, "obl:unmarked"));
        assert_eq!(tree(&t)[5], (2, "ccomp"));
        assert_eq!(tree(&t)[3], (6, "mark"));
    }

    #[test]
    fn inserts_after_a_clause_final_noun() {
        // "Rebels attacked a convoy ."
        let s = sent(&[
            ("Rebels", "NOUN", "NNS", 2, "nsubj"),
            ("attacked", "VERB", "VBD", 0, "root"),
            ("a", "DET", "DT", 4, "det"),
            ("convoy", "NOUN", "NN", 2, "obj"),
            (".", "PUNCT", ".", 2, "punct"),
        ]);
        let end = Site {
            at: 4,
            verb: 1,
            past: true,
            nominal: false,
        };
        assert_eq!(
            sites(&s),
            [
                Site {
                    at: 1,
                    verb: 1,
                    past: true,
                    nominal: false
                },
                end
            ]
        );
        let t = insert_temporal(&s, end, "Friday", true).unwrap();
        assert_eq!(
            forms(&t),
            ["Rebels", "attacked", "a", "convoy", "on", "Friday", "."]
        );
        assert_eq!(
            tree(&t)[3..],
            [(2, "obj"), (6, "case"), (2, "obl"), (2, "punct")]
        );
        // Multiword tokens after the insertion move with their words; one
        // the insertion would split is left alone.
        let mut s = s;
        s.multiword = vec![MultiwordToken {
            first: 4,
            last: 5,
            form: "convoy.".into(),
            misc: "_".into(),
        }];
        let t = insert_temporal(
            &s,
            Site {
                at: 1,
                verb: 1,
                past: true,
                nominal: false,
            },
            "today",
            false,
        )
        .unwrap();
        assert_eq!((t.multiword[0].first, t.multiword[0].last), (5, 6));
        s.multiword[0] = MultiwordToken {
            first: 3,
            last: 4,
            form: "aconvoy".into(),
            misc: "_".into(),
        };
        assert!(insert_temporal(
            &s,
            Site {
                at: 3,
                verb: 1,
                past: true,
                nominal: false
            },
            "today",
            false
        )
        .is_none());
        // In an embedded clause the word goes to that clause's verb:
        // "Officials said rebels attacked a convoy ."
        let said = sent(&[
            ("Officials", "NOUN", "NNS", 2, "nsubj"),
            ("said", "VERB", "VBD", 0, "root"),
            ("rebels", "NOUN", "NNS", 4, "nsubj"),
            ("attacked", "VERB", "VBD", 2, "ccomp"),
            ("a", "DET", "DT", 6, "det"),
            ("convoy", "NOUN", "NN", 4, "obj"),
            (".", "PUNCT", ".", 2, "punct"),
        ]);
        assert!(sites(&said).contains(&Site {
            at: 6,
            verb: 3,
            past: true,
            nominal: false
        }));
        // An arc from before the verb into the clause would cross.
        let h = heads(&s).unwrap();
        assert!(!crossed(&h, 1, 4));
        let mut h = h;
        h[0] = Some(3);
        assert!(crossed(&h, 1, 4));
    }

    #[test]
    fn inserts_after_a_fronted_phrase() {
        // "After talks with Iraq , France agreed ."
        let s = sent(&[
            ("After", "ADP", "IN", 2, "case"),
            ("talks", "NOUN", "NNS", 7, "obl"),
            ("with", "ADP", "IN", 4, "case"),
            ("Iraq", "PROPN", "NNP", 2, "nmod"),
            (",", "PUNCT", ",", 2, "punct"),
            ("France", "PROPN", "NNP", 7, "nsubj"),
            ("agreed", "VERB", "VBD", 0, "root"),
            (".", "PUNCT", ".", 7, "punct"),
        ]);
        let fronted = Site {
            at: 4,
            verb: 1,
            past: true,
            nominal: true,
        };
        assert!(sites(&s).contains(&fronted));
        let t = insert_temporal(&s, fronted, "today", false).unwrap();
        assert_eq!(forms(&t)[3..6], ["Iraq", "today", ","]);
        assert_eq!(
            tree(&t)[3..6],
            [(2, "nmod"), (2, "nmod:unmarked"), (2, "punct")]
        );
        let t = insert_temporal(&s, fronted, "Friday", true).unwrap();
        assert_eq!(tree(&t)[4..6], [(6, "case"), (2, "nmod")]);
        // A fronted clause takes it as obl: "Speaking to Iraq , France agreed ."
        let mut s = s;
        s.words[1] = Word {
            form: "Speaking".into(),
            upos: "VERB".into(),
            xpos: "VBG".into(),
            deprel: "advcl".into(),
            ..s.words[1].clone()
        };
        s.words[0].form = "to".into();
        s.words[0].head = Some(4);
        s.words[3].deprel = "obl".into();
        s.words[2].head = Some(2);
        s.words[2].upos = "NOUN".into();
        s.words[2].deprel = "compound".into();
        let at_clause = Site {
            at: 4,
            verb: 1,
            past: true,
            nominal: false,
        };
        assert!(sites(&s).contains(&at_clause));
        let t = insert_temporal(&s, at_clause, "today", false).unwrap();
        assert_eq!(tree(&t)[4], (2, "obl:unmarked"));
    }

    #[test]
    fn skips_pronoun_clausal_and_distant_subjects() {
        // A subject with a reduced relative is kept, one with a relative
        // clause skipped: "Police carrying arms have agreed to it ."
        let s = sent(&[
            ("Police", "NOUN", "NNS", 5, "nsubj"),
            ("carrying", "VERB", "VBG", 1, "acl"),
            ("arms", "NOUN", "NNS", 2, "obj"),
            ("have", "AUX", "VBP", 5, "aux"),
            ("agreed", "VERB", "VBN", 0, "root"),
            ("to", "ADP", "IN", 7, "case"),
            ("it", "PRON", "PRP", 5, "obl"),
            (".", "PUNCT", ".", 5, "punct"),
        ]);
        assert_eq!(
            sites(&s),
            [Site {
                at: 3,
                verb: 4,
                past: false,
                nominal: false
            }]
        );
        let mut s = s;
        s.words[1].deprel = "acl:relcl".into();
        assert!(sites(&s).is_empty());
        // Pronoun subject.
        let mut s = council();
        s.words[2].upos = "PRON".into();
        assert!(sites(&s).is_empty());
        // Something other than the verb group between subject and verb.
        let mut s = council();
        s.words[3].deprel = "obl".into();
        assert!(sites(&s).is_empty());
        // Non-finite verb group ("The Security Council having agreed").
        let mut s = council();
        s.words[3].xpos = "VBG".into();
        assert!(sites(&s).is_empty());
        // Already has a temporal word.
        let mut s = council();
        s.words[6].form = "tomorrow".into();
        assert!(sites(&s).is_empty());
        // Missing heads.
        let mut s = council();
        s.words[0].head = None;
        assert!(sites(&s).is_empty());
        assert!(augment_news(&[s], 1.0, 1).is_empty());
    }

    #[test]
    fn odd_trees_give_trees_or_nothing() {
        // Random heads (cycles, self-loops, several roots) and labels.
        let forms = [
            "The", "council", ",", "agreed", "said", "today", "that", "Iraq",
        ];
        let rels = [
            "nsubj", "obl", "advcl", "ccomp", "aux", "root", "punct", "acl",
        ];
        let tags = [
            ("NOUN", "NN"),
            ("VERB", "VBD"),
            ("PUNCT", ","),
            ("AUX", "MD"),
        ];
        let mut rng = Rng::new(3);
        let mut made = 0;
        for _ in 0..20_000 {
            let n = 1 + rng.below(8);
            let rows: Vec<(&str, &str, &str, usize, &str)> = (0..n)
                .map(|_| {
                    let (u, x) = tags[rng.below(tags.len())];
                    let form = forms[rng.below(forms.len())];
                    (form, u, x, rng.below(n + 1), rels[rng.below(rels.len())])
                })
                .collect();
            let mut s = sent(&rows);
            s.words.iter_mut().for_each(|w| w.lemma = "say".into());
            for t in augment_news(&[s], 1.0, 1) {
                made += 1;
                let deps: Vec<Dep> = t
                    .words
                    .iter()
                    .map(|w| Dep {
                        head: w.head.unwrap() as u32,
                        rel: Rel::DEP,
                    })
                    .collect();
                assert!(is_tree(&deps));
            }
        }
        assert!(made > 50, "{made} copies");
    }

    #[test]
    fn augments_a_fraction_deterministically() {
        let many: Vec<Sentence> = (0..200).map(|_| council()).collect();
        let a = augment_news(&many, 0.25, 7);
        assert_eq!(a, augment_news(&many, 0.25, 7));
        assert_ne!(a, augment_news(&many, 0.25, 8));
        assert!((30..70).contains(&a.len()), "{}", a.len());
        assert_eq!(augment_news(&many, 0.0, 7).len(), 0);
        assert_eq!(augment_news(&many, 1.0, 7).len(), 200);
        for t in &a {
            let deps: Vec<Dep> = t
                .words
                .iter()
                .map(|w| Dep {
                    head: w.head.unwrap() as u32,
                    rel: Rel::DEP,
                })
                .collect();
            assert!(is_tree(&deps));
            assert!(t.words.len() == 9 || t.words.len() == 10);
        }
    }
}
