//! One label per name within a document. The sentence-level model misses
//! or mistypes some mentions of a name it tags correctly elsewhere in the
//! same document; after decoding, every word sequence tagged as an entity
//! votes for its label, and the document's other mentions follow the
//! majority; an acronym of a tagged name follows the name.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::ner::{capitalised, wordnet, EntityLabel, EntitySpan};

/// Makes entity labels consistent across the sentences of one document:
/// `words[k]` are the words of sentence `k`, `entities[k]` its entities
/// (as from [`crate::Ner::tag`]). Strings are compared ignoring case.
///
/// - A mention whose string has another label in most of the document's
///   mentions takes that label.
/// - An untagged mention of a tagged string gets the string's majority
///   label (longest strings first), unless a capitalised untagged word is
///   next to it (it would be part of a longer name), or it is a single
///   common word (a WordNet lemma, or no letters) that is sentence-initial
///   or not written exactly as where it was tagged ("us" after "US").
/// - An untagged word that spells the initials of the capitalised words of
///   a tagged multi-word name ("AMS" after "Association of Muslim
///   Scholars") gets that name's label (majority over the names with those
///   initials), with the same capitalised-neighbour guard.
///
/// Ties leave labels alone; spans out of range are ignored; each
/// sentence's entities stay sorted by start. Entities of sentences beyond
/// `words.len()` are left alone.
pub fn harmonize_entities<W: AsRef<[S]>, S: AsRef<str>>(
    words: &[W],
    entities: &mut [Vec<EntitySpan>],
) {
    let n = words.len().min(entities.len());
    if entities[..n].iter().all(Vec::is_empty) {
        return;
    }
    let exact: Vec<Vec<&str>> = words[..n]
        .iter()
        .map(|w| w.as_ref().iter().map(AsRef::as_ref).collect())
        .collect();
    // (most words are lowercase already: no copy)
    let folded: Vec<Vec<Cow<'_, str>>> = exact
        .iter()
        .map(|w| {
            w.iter()
                .map(|&x| {
                    if x.chars().any(char::is_uppercase) {
                        Cow::Owned(x.to_lowercase())
                    } else {
                        Cow::Borrowed(x)
                    }
                })
                .collect()
        })
        .collect();
    // votes per case-folded word sequence; exact spellings of tagged
    // strings; first words, to skip most positions with one lookup
    let mut votes: HashMap<&[Cow<'_, str>], [u32; 3]> = HashMap::new();
    let mut tagged: HashSet<&[&str]> = HashSet::new();
    let mut firsts: HashSet<&str> = HashSet::new();
    let mut max_len = 0;
    for ((f, w), es) in folded.iter().zip(&exact).zip(entities.iter()) {
        for e in es {
            if let (Some(key), Some(spelt)) = (f.get(e.start..e.end), w.get(e.start..e.end)) {
                if let Some(first) = key.first() {
                    votes.entry(key).or_default()[e.label.index()] += 1;
                    tagged.insert(spelt);
                    firsts.insert(first);
                    max_len = max_len.max(key.len());
                }
            }
        }
    }
    // initials of multi-word tagged names ("Association of Muslim Scholars"
    // -> "AMS"), with the labels they were tagged with
    let mut acronyms: HashMap<String, [u32; 3]> = HashMap::new();
    for (w, es) in exact.iter().zip(entities.iter()) {
        for e in es {
            let Some(ws) = w.get(e.start..e.end) else {
                continue;
            };
            if ws.len() < 2 {
                continue;
            }
            let caps: String = ws
                .iter()
                .filter(|x| capitalised(x))
                .filter_map(|x| x.chars().next())
                .collect();
            if caps.chars().count() >= 2 {
                acronyms.entry(caps).or_default()[e.label.index()] += 1;
            }
        }
    }
    let majority = |c: &[u32; 3]| -> Option<EntityLabel> {
        let best = (0..3).max_by_key(|&i| c[i])?;
        let unique = (0..3).all(|i| i == best || c[i] < c[best]);
        (unique && c[best] > 0).then(|| EntityLabel::ALL[best])
    };
    for ((f, w), es) in folded.iter().zip(&exact).zip(entities.iter_mut()) {
        for e in es.iter_mut() {
            if let Some(l) = f
                .get(e.start..e.end)
                .and_then(|k| votes.get(k))
                .and_then(majority)
            {
                e.label = l;
            }
        }
        let mut covered = vec![false; w.len()];
        for e in es.iter() {
            if let Some(c) = covered.get_mut(e.start..e.end) {
                c.iter_mut().for_each(|x| *x = true);
            }
        }
        let before = es.len();
        let mut i = 0;
        while i < w.len() {
            let mut step = 1;
            let free_cap = |covered: &[bool], k: usize| !covered[k] && capitalised(w[k]);
            if !covered[i] && !acronyms.is_empty() {
                if let Some(l) = acronyms.get(w[i]).and_then(majority) {
                    if !((i > 0 && free_cap(&covered, i - 1))
                        || (i + 1 < w.len() && free_cap(&covered, i + 1)))
                    {
                        es.push(EntitySpan {
                            start: i,
                            end: i + 1,
                            label: l,
                        });
                        covered[i] = true;
                        i += 1;
                        continue;
                    }
                }
            }
            if covered[i] || !firsts.contains(&*f[i]) {
                i += 1;
                continue;
            }
            for len in (1..=max_len.min(w.len() - i)).rev() {
                let j = i + len;
                if covered[i..j].iter().any(|&c| c) {
                    continue;
                }
                let Some(l) = votes.get(&f[i..j]).and_then(majority) else {
                    continue;
                };
                if (i > 0 && free_cap(&covered, i - 1)) || (j < w.len() && free_cap(&covered, j)) {
                    continue;
                }
                if len == 1 && (i == 0 || !tagged.contains(&w[i..j])) && common_word(w[i]) {
                    continue;
                }
                es.push(EntitySpan {
                    start: i,
                    end: j,
                    label: l,
                });
                step = len;
                break;
            }
            i += step;
        }
        if es.len() != before {
            es.sort_by_key(|e| e.start);
        }
    }
}

/// A WordNet lemma when lowercased ("Church", "us"), or no letters at all.
fn common_word(w: &str) -> bool {
    !w.chars().any(char::is_alphabetic) || wordnet().is_lemma(&w.to_lowercase(), 15)
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityLabel::{Loc, Org, Per};

    fn span(start: usize, end: usize, label: EntityLabel) -> EntitySpan {
        EntitySpan { start, end, label }
    }

    fn doc(text: &str) -> Vec<Vec<&str>> {
        text.split(" | ").map(|s| s.split(' ').collect()).collect()
    }

    #[test]
    fn second_mention_found_through_the_first() {
        let words = doc("Kistler founded Lunar Systems . | He left Lunar Systems later .");
        let mut ents = vec![vec![span(0, 1, Per), span(2, 4, Org)], vec![]];
        harmonize_entities(&words, &mut ents);
        assert_eq!(ents[1], [span(2, 4, Org)]);
    }

    #[test]
    fn minority_label_follows_the_majority() {
        let words = doc("Clinton spoke . | Clinton left . | Under Clinton taxes rose .");
        let mut ents = vec![
            vec![span(0, 1, Per)],
            vec![span(0, 1, Per)],
            vec![span(1, 2, Loc)],
        ];
        harmonize_entities(&words, &mut ents);
        assert_eq!(ents[2], [span(1, 2, Per)]);
        // a tie changes nothing
        let mut ents = vec![vec![span(0, 1, Per)], vec![], vec![span(1, 2, Loc)]];
        harmonize_entities(&words, &mut ents);
        assert_eq!(ents[2], [span(1, 2, Loc)]);
    }

    #[test]
    fn case_is_ignored_for_names() {
        let words = doc("I live in Invercargill . | invercargill is cold .");
        let mut ents = vec![vec![span(3, 4, Loc)], vec![]];
        harmonize_entities(&words, &mut ents);
        assert_eq!(ents[1], [span(0, 1, Loc)]);
    }

    #[test]
    fn guards() {
        let words = doc(
            "Talks in Turkey with Obama ended . | Turkey replied . | Flights to Turkey resumed . \
             | They gave us time . | The US said no . | He met Michelle Obama . | The US US .",
        );
        let mut ents = vec![
            vec![span(2, 3, Loc), span(4, 5, Per)],
            vec![],
            vec![],
            vec![],
            vec![span(1, 2, Loc)],
            vec![],
            vec![span(1, 2, Loc)],
        ];
        harmonize_entities(&words, &mut ents);
        // a common word: not sentence-initial, only spelt as tagged
        assert_eq!(ents[1], []);
        assert_eq!(ents[2], [span(2, 3, Loc)]);
        assert_eq!(ents[3], []);
        // not part of a longer capitalised run, but next to an entity is fine
        assert_eq!(ents[5], []);
        assert_eq!(ents[6], [span(1, 2, Loc), span(2, 3, Loc)]);
    }

    #[test]
    fn acronym_follows_its_name() {
        let words = doc(
            "The Association of Muslim Scholars met . | AMS said no . | Ask AMS Director Ali . \
             | He cited the Amnesty Report . | It is AR .",
        );
        let mut ents = vec![vec![span(1, 5, Org)], vec![], vec![], vec![], vec![]];
        harmonize_entities(&words, &mut ents);
        assert_eq!(ents[1], [span(0, 1, Org)]);
        // next to a capitalised word that is not tagged: part of a longer name
        assert_eq!(ents[2], []);
        // the initials of untagged words are no evidence
        assert_eq!(ents[4], []);
    }

    #[test]
    fn ragged_input_is_harmless() {
        let words = doc("Paris burns . | in Paris");
        let mut ents = vec![
            vec![span(0, 9, Loc), span(0, 1, Loc)],
            vec![],
            vec![span(0, 1, Per)],
        ];
        harmonize_entities(&words, &mut ents);
        assert_eq!(ents[1], [span(1, 2, Loc)]);
        assert_eq!(ents[2], [span(0, 1, Per)]);
        harmonize_entities::<Vec<&str>, &str>(&[], &mut []);
    }
}
