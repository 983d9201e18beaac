//! Quote extraction scores against hand-annotated quotes (byte spans into
//! the articles and speaker names; see `crates/eval/data/wikinews-quotes.md`).
//!
//! A system quote matches a gold quote of the same kind (direct or
//! indirect) when their spans overlap by at least half of the longer one;
//! `exact` counts matches whose spans are equal once surrounding
//! punctuation and white space are trimmed. Span F1 is over matched pairs.
//! A speaker is right when the gold name, or its last word, is found in the
//! system speaker's name, its words in the sentence, or the other names its
//! actor has in the document (so "Putin" matches "Vladimir Putin").

use crate::Prf;
use serde::Serialize;

/// A quote, gold or system.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QuoteItem {
    /// Document id.
    pub doc: String,
    /// Byte offsets into the document text.
    pub start: u32,
    /// End (exclusive).
    pub end: u32,
    /// In quotation marks.
    pub direct: bool,
    /// Speaker name (gold) or names (system: name, words, other mentions, joined).
    pub speaker: Option<String>,
}

/// Scores.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct QuoteScores {
    /// Direct quotes, overlap matches.
    pub direct: Prf,
    /// Direct quotes, exact spans.
    pub direct_exact: Prf,
    /// Direct quotes with a gold speaker whose match has the right speaker.
    pub speaker_correct: usize,
    /// Direct quotes with a gold speaker that were matched.
    pub speaker_total: usize,
    /// Reported speech, overlap matches.
    pub indirect: Prf,
    /// Not-quotes (scare quotes, titles) the system took for direct quotes.
    pub not_quote_errors: usize,
    /// Not-quotes in the gold.
    pub not_quotes: usize,
    /// Speaker errors: (doc, gold speaker, system speaker).
    pub speaker_errors: Vec<(String, String, String)>,
}

fn trimmed(text: &str, s: u32, e: u32) -> (u32, u32) {
    let Some(t) = text.get(s as usize..e as usize) else {
        return (s, e);
    };
    let strip = |c: char| c.is_whitespace() || c.is_ascii_punctuation() || "“”‘’".contains(c);
    let lead = t.len() - t.trim_start_matches(strip).len();
    let body = t.trim_matches(strip);
    (s + lead as u32, s + (lead + body.len()) as u32)
}

fn overlap(a: &QuoteItem, b: &QuoteItem) -> bool {
    let o = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    let longer = (a.end - a.start).max(b.end - b.start);
    longer > 0 && o * 2 >= longer
}

/// The gold name (or its last word) in the system's names, or at least half
/// of the gold's content words ("the Alachua Sheriff's Office" and
/// "Alachua Sheriff").
fn speaker_ok(gold: &str, sys: &str) -> bool {
    let sys = sys.to_lowercase();
    let g = gold.to_lowercase();
    let g = g
        .trim_start_matches("the ")
        .trim_start_matches("a ")
        .trim_start_matches("an ");
    if sys.contains(g) || g.rsplit(' ').next().is_some_and(|last| sys.contains(last)) {
        return true;
    }
    let content: Vec<&str> = g
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 2 && !["the", "and", "for"].contains(w))
        .collect();
    let found = content.iter().filter(|w| sys.contains(*w)).count();
    !content.is_empty() && found * 2 >= content.len()
}

/// Scores system quotes against gold ones; `text_of(doc)` gives a document's text.
pub fn score<'t>(
    gold: &[QuoteItem],
    not_quotes: &[QuoteItem],
    system: &[QuoteItem],
    text_of: impl Fn(&str) -> Option<&'t str>,
) -> QuoteScores {
    let mut r = QuoteScores::default();
    for direct in [true, false] {
        let g: Vec<&QuoteItem> = gold.iter().filter(|q| q.direct == direct).collect();
        let s: Vec<&QuoteItem> = system
            .iter()
            .filter(|q| q.direct == direct && gold.iter().any(|x| x.doc == q.doc))
            .collect();
        let mut used = vec![false; s.len()];
        let (mut hit, mut exact) = (0, 0);
        for gq in &g {
            let Some(k) =
                (0..s.len()).find(|&k| !used[k] && s[k].doc == gq.doc && overlap(gq, s[k]))
            else {
                continue;
            };
            used[k] = true;
            hit += 1;
            if let Some(text) = text_of(&gq.doc) {
                if trimmed(text, gq.start, gq.end) == trimmed(text, s[k].start, s[k].end) {
                    exact += 1;
                }
            }
            if direct {
                if let Some(gs) = &gq.speaker {
                    r.speaker_total += 1;
                    let ss = s[k].speaker.clone().unwrap_or_default();
                    if speaker_ok(gs, &ss) {
                        r.speaker_correct += 1;
                    } else {
                        r.speaker_errors.push((gq.doc.clone(), gs.clone(), ss));
                    }
                }
            }
        }
        let prf = |correct| Prf {
            gold: g.len(),
            predicted: s.len(),
            correct,
        };
        if direct {
            r.direct = prf(hit);
            r.direct_exact = prf(exact);
        } else {
            r.indirect = prf(hit);
        }
    }
    r.not_quotes = not_quotes.len();
    r.not_quote_errors = not_quotes
        .iter()
        .filter(|n| {
            system
                .iter()
                .any(|s| s.direct && s.doc == n.doc && overlap(n, s))
        })
        .count();
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(doc: &str, s: u32, e: u32, direct: bool, sp: Option<&str>) -> QuoteItem {
        QuoteItem {
            doc: doc.into(),
            start: s,
            end: e,
            direct,
            speaker: sp.map(String::from),
        }
    }

    #[test]
    fn hand_computed() {
        let text = "He said, \"We will win,\" and left. They said that it rained.";
        let gold = [
            q("d", 10, 22, true, Some("John Smith")),
            q("d", 45, 56, false, Some("they")),
        ];
        let not = [q("d", 0, 2, true, None)];
        let system = [
            // the comma left out: an overlap match, exact once trimmed
            q("d", 10, 21, true, Some("Smith He")),
            q("d", 40, 56, false, None),
            q("x", 0, 5, true, None), // a document not annotated: ignored
        ];
        let r = score(&gold, &not, &system, |_| Some(text));
        assert_eq!(
            (r.direct.gold, r.direct.predicted, r.direct.correct),
            (1, 1, 1)
        );
        assert_eq!(r.direct_exact.correct, 1);
        assert_eq!((r.speaker_correct, r.speaker_total), (1, 1));
        // 11 of 16 bytes overlap: more than half
        assert_eq!(r.indirect.correct, 1);
        assert_eq!(r.not_quote_errors, 0);
        let wrong = [q("d", 10, 22, true, Some("Mary Jones"))];
        let r = score(&gold, &not, &wrong, |_| Some(text));
        assert_eq!((r.speaker_correct, r.speaker_total), (0, 1));
    }
}
