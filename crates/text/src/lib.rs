//! khaldun's text layer: from a document's raw text to paragraphs (with
//! layout kinds), sentences and UD-style tokens, all as byte spans into the
//! text as read.
//!
//! The main entry point is [`Segmenter::segment`]. Normalized forms for
//! matching come from [`normalize`]; they never replace the original text.
//!
//! ```
//! use khaldun_text::Segmenter;
//! use khaldun_types::ParagraphKind;
//!
//! let text = "BAGHDAD (Reuters) - Iraq's PM met Mr. Smith. He didn't stay.\n\nTalks resume\n\nThey met.";
//! let seg = Segmenter::default().segment(text);
//! assert_eq!(seg.sentences.len(), 4);
//! let first: Vec<&str> = seg.sentences[0].tokens.iter().map(|t| t.span.slice(text)).collect();
//! assert_eq!(first, ["Iraq", "'s", "PM", "met", "Mr.", "Smith", "."]);
//! assert_eq!(seg.paragraphs[0].dateline.unwrap().slice(text), "BAGHDAD (Reuters) - ");
//! assert_eq!(seg.paragraphs[1].kind, ParagraphKind::Heading);
//! ```
//!
//! Design: paragraphs first (blank lines; layout kinds by shape and wording),
//! then tokens per paragraph (whitespace chunks peeled of punctuation and
//! clitics), then sentence boundaries over the tokens. Splitting sentences
//! after tokenizing means abbreviations, decimals, URLs and initials are
//! already single tokens when boundaries are decided.
#![deny(missing_docs)]

pub mod boundary;
pub mod layout;
pub mod lexicon;
pub mod normalize;
pub mod sentence;
pub mod token;

pub use boundary::BoundaryModel;

/// Month and weekday names (lower case), shared by every stage that reads
/// dates or must not take them for names.
pub mod calendar {
    /// January to December.
    pub const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    /// Monday to Sunday.
    pub const WEEKDAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];

    /// Whether `lower` (a lower-cased word) names a month or a weekday.
    pub fn is_month_or_weekday(lower: &str) -> bool {
        MONTHS.contains(&lower) || WEEKDAYS.contains(&lower)
    }
}
pub use lexicon::Lexicon;
pub use token::Tokenizer;

use khaldun_types::{Segmented, Sentence, Span, Token};

/// Segments documents into paragraphs, sentences and tokens.
#[derive(Debug, Clone, Copy)]
pub struct Segmenter<'l> {
    lex: &'l Lexicon,
    boundary: Option<&'l BoundaryModel>,
}

impl Default for Segmenter<'static> {
    fn default() -> Self {
        Segmenter {
            lex: Lexicon::builtin(),
            boundary: Some(BoundaryModel::builtin()),
        }
    }
}

impl<'l> Segmenter<'l> {
    /// A segmenter over the given word lists and boundary model (`None`:
    /// punctuation rules only).
    pub fn new(lex: &'l Lexicon, boundary: Option<&'l BoundaryModel>) -> Self {
        Segmenter { lex, boundary }
    }

    /// The same segmenter without the learned boundary model.
    pub fn rules_only(self) -> Self {
        Segmenter {
            boundary: None,
            ..self
        }
    }

    /// Segments `text` (any size below 4 GiB; never panics).
    pub fn segment(&self, text: &str) -> Segmented {
        let mut out = Segmented::default();
        self.segment_into(text, &mut out);
        out
    }

    /// Like [`Segmenter::segment`], reusing `out`'s allocations.
    pub fn segment_into(&self, text: &str, out: &mut Segmented) {
        out.paragraphs.clear();
        out.sentences.clear();
        let spans = layout::paragraphs(text);
        out.paragraphs = layout::classify(text, &spans, self.lex);
        let tok = Tokenizer::new(self.lex);
        // Edited prose (news) marks its sentence ends; the learned boundaries
        // are for text that does not (e-mail, forums, lists).
        let boundary = self.boundary.filter(|_| !edited(text, &out.paragraphs));
        let mut tokens: Vec<Token> = Vec::new();
        let mut ranges = Vec::new();
        for (pi, p) in out.paragraphs.iter().enumerate() {
            tokens.clear();
            ranges.clear();
            let start = p.dateline.map_or(p.span.start, |d| d.end) as usize;
            tok.tokenize_range(text, start..p.span.end as usize, &mut tokens);
            if let Some(last) = tokens.last_mut() {
                last.space_after = true;
            }
            sentence::split(text, &tokens, self.lex, &mut ranges);
            if let Some(m) = boundary {
                refine(m, self.lex, text, &tokens, &mut ranges);
            }
            for r in &ranges {
                let mut toks = tokens[r.clone()].to_vec();
                split_final_period(text, &mut toks);
                let span = Span::new(toks[0].span.start, toks[toks.len() - 1].span.end);
                out.sentences.push(Sentence {
                    span,
                    paragraph: pi as u32,
                    tokens: toks,
                });
            }
        }
    }
}

/// True when at least 80% of the body paragraphs (and 3 or more) end in closing punctuation, as in
/// edited news copy.
fn edited(text: &str, paragraphs: &[khaldun_types::Paragraph]) -> bool {
    let mut body = 0;
    let mut ended = 0;
    for p in paragraphs
        .iter()
        .filter(|p| p.kind == khaldun_types::ParagraphKind::Body)
    {
        body += 1;
        let last = p.span.slice(text).chars().next_back().unwrap_or(' ');
        ended += usize::from(matches!(
            last,
            '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ')' | '…' | ':'
        ));
    }
    // a news record given as one or two paragraphs ends them too; short
    // ended notes ("Kay Mann 04/26/2001 07:17 AM Will you ...?") still get the model
    let long = || text.split_whitespace().nth(MIN_EDITED_WORDS).is_some();
    (body >= 3 && ended * 10 >= body * 8) || (body > 0 && ended == body && long())
}

/// Words from which a document of fewer than three paragraphs that all end
/// in punctuation counts as edited.
const MIN_EDITED_WORDS: usize = 20;

/// Splits rule-made sentences where the boundary model sees an unmarked boundary.
fn refine(
    m: &BoundaryModel,
    lex: &Lexicon,
    text: &str,
    tokens: &[Token],
    ranges: &mut Vec<std::ops::Range<usize>>,
) {
    let mut out = Vec::with_capacity(ranges.len());
    let mut prep: Option<boundary::Prepared> = None;
    for r in ranges.drain(..) {
        let mut s = r.start;
        for i in r.start..r.end.saturating_sub(1) {
            if boundary::candidate(text, &tokens[i], &tokens[i + 1])
                && boundary::decide(
                    m,
                    prep.get_or_insert_with(|| boundary::Prepared::new(lex, text, tokens)),
                    text,
                    tokens,
                    i,
                    i + 1 - s,
                )
            {
                out.push(s..i + 1);
                s = i + 1;
            }
        }
        out.push(s..r.end);
    }
    *ranges = out;
}

/// An abbreviation that ends a sentence gives up its period to the sentence
/// ("in the U.S." → "U.S" "."), as UD English does, so every sentence that
/// ends in a full stop ends in a "." token.
fn split_final_period(text: &str, toks: &mut Vec<Token>) {
    let Some(&last) = toks.last() else { return };
    let w = last.span.slice(text);
    if w.len() > 1 && w.ends_with('.') && !w.ends_with("..") && w.chars().any(char::is_alphabetic) {
        let cut = last.span.end - 1;
        let n = toks.len();
        toks[n - 1] = Token {
            span: Span::new(last.span.start, cut),
            space_after: false,
        };
        toks.push(Token {
            span: Span::new(cut, last.span.end),
            space_after: last.space_after,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_token_slices_back_and_sentences_cover_tokens() {
        let text = "“Hi,” said Dr. Jean-Yves O’Neil — at 3.30 p.m. in the U.K.\n\nBy Jane Doe\n\nIt's done... Really?! Yes.";
        let seg = Segmenter::default().segment(text);
        for s in &seg.sentences {
            assert_eq!(s.span.start, s.tokens[0].span.start);
            assert_eq!(s.span.end, s.tokens.last().unwrap().span.end);
            for t in &s.tokens {
                let w = t.span.slice(text);
                assert!(!w.is_empty() && w.trim() == w, "{w:?}");
            }
        }
        assert_eq!(seg.paragraphs.len(), 3);
        assert_eq!(seg.sentences.len(), 5);
    }

    #[test]
    fn learned_boundaries_split_unpunctuated_lines_but_not_names() {
        let seg = Segmenter::default();
        let count = |t: &str| seg.segment(t).sentences.len();
        let names = "After listening to Prime Minister Narendra Modi on Monday, the governors of Kerala and \
                     Tamil Nadu met in Chennai with officials from the World Health Organization.";
        assert_eq!(count(names), 1);
        assert_eq!(seg.rules_only().segment(names).sentences.len(), 1);
        // an e-mail header run into its text: rules alone see one sentence
        let mail = "Kay Mann 04/26/2001 07:17 AM Will you be providing an execution version?";
        assert_eq!(seg.rules_only().segment(mail).sentences.len(), 1);
        assert!(count(mail) >= 2, "{:?}", seg.segment(mail).sentences);
        // a news record on one line is edited prose: only its punctuation ends sentences
        let record = "Turkey will allow up to 13,000 Turkish Kurd refugees who have lived in Iraq \
                      for more than a decade to return home as part of a UN-brokered deal.";
        assert_eq!(count(record), 1, "{:?}", seg.segment(record).sentences);
    }

    #[test]
    fn empty_and_blank_text() {
        assert!(Segmenter::default().segment("").sentences.is_empty());
        assert!(Segmenter::default()
            .segment(" \n\n\t ")
            .paragraphs
            .is_empty());
    }
}
