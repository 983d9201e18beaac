//! khaldun's document model.
//!
//! Every stage of the pipeline reads and extends the same model: a
//! [`Document`] (metadata plus the text exactly as read), its [`Paragraph`]s
//! with a layout [`ParagraphKind`], its [`Sentence`]s and their [`Token`]s.
//! Everything points into the text by byte [`Span`]s, so that
//! `&doc.text[token.span.range()]` is always the token as written; normalized
//! forms used for matching live beside the spans, never instead of them.
//!
//! ```
//! use khaldun_types::Span;
//! let text = "Parly met Al-Kazemi.";
//! let span = Span::new(10, 19);
//! assert_eq!(span.slice(text), "Al-Kazemi");
//! ```
#![deny(missing_docs)]

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's text.
///
/// Offsets are `u32`: a single document above 4 GiB is refused at ingest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end` (bytes). `start <= end` is the caller's duty.
    pub const fn new(start: u32, end: u32) -> Span {
        Span { start, end }
    }

    /// A span from `usize` offsets (both must fit in `u32`; ingest guarantees it).
    pub fn from_range(r: std::ops::Range<usize>) -> Span {
        Span {
            start: r.start as u32,
            end: r.end as u32,
        }
    }

    /// The span as a `usize` range for slicing.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// True when the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text the span covers. Panics if the span is out of bounds or not
    /// on character boundaries; spans made by khaldun never are.
    pub fn slice(self, text: &str) -> &str {
        &text[self.range()]
    }

    /// True when `other` lies inside this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

// Serialized as `[start, end]`, the shape every khaldun output uses.
impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let [start, end] = <[u32; 2]>::deserialize(d)?;
        if start > end {
            return Err(serde::de::Error::custom(format!(
                "span start {start} after end {end}"
            )));
        }
        Ok(Span { start, end })
    }
}

/// A news article as read, before any analysis.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Document {
    /// Identifier: the input's id field, or the file name (plus line for JSON lines).
    pub id: String,
    /// Publication date as given (`YYYY-MM-DD` when known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Headline, when the input has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publisher or feed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Where the article was found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The article body exactly as read (BOM removed); all spans point into it.
    pub text: String,
}

/// Layout role of a paragraph. Later stages code events from `Body` only by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    /// Running text.
    Body,
    /// A headline, heading or subheading.
    Heading,
    /// A photo caption.
    Caption,
    /// A dateline standing alone ("Friday, January 4, 2019"; "BAGHDAD, Aug 27 (Reuters)").
    Dateline,
    /// Byline or credit ("By Jane Doe", "Reporting by ...; Editing by ...").
    Byline,
}

impl ParagraphKind {
    /// The lowercase name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            ParagraphKind::Body => "body",
            ParagraphKind::Heading => "heading",
            ParagraphKind::Caption => "caption",
            ParagraphKind::Dateline => "dateline",
            ParagraphKind::Byline => "byline",
        }
    }
}

/// A paragraph: a block of text separated from its neighbours by blank lines
/// (or, in single-newline text, by line breaks).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// The paragraph's text, trimmed of surrounding whitespace.
    pub span: Span,
    /// Its layout role.
    pub kind: ParagraphKind,
    /// A dateline opening a body paragraph ("BAGHDAD (Reuters) -"), kept out of
    /// the first sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Span>,
}

/// A token: a UD-style syntactic word ("do" and "n't" are two tokens of "don't").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Where it is in the text.
    pub span: Span,
    /// True when whitespace (or the sentence end) follows it in the text.
    #[serde(default)]
    pub space_after: bool,
}

/// A sentence: a span and its tokens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// From the first token's start to the last token's end.
    pub span: Span,
    /// Index into the document's paragraphs.
    pub paragraph: u32,
    /// The tokens, in order.
    pub tokens: Vec<Token>,
}

/// A segmented document: paragraphs, sentences and tokens over the text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Segmented {
    /// Paragraphs in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_serializes_as_pair() {
        let s = Span::new(3, 9);
        assert_eq!(serde_json::to_string(&s).unwrap(), "[3,9]");
        assert_eq!(serde_json::from_str::<Span>("[3,9]").unwrap(), s);
        assert!(serde_json::from_str::<Span>("[9,3]").is_err());
    }

    #[test]
    fn span_slices_and_contains() {
        let t = "Iraq's army";
        assert_eq!(Span::new(0, 4).slice(t), "Iraq");
        assert!(Span::new(0, 11).contains(Span::new(7, 11)));
        assert!(!Span::new(0, 4).contains(Span::new(3, 6)));
        assert_eq!(Span::new(4, 4).len(), 0);
        assert!(Span::new(4, 4).is_empty());
    }

    #[test]
    fn kinds_serialize_lowercase() {
        assert_eq!(
            serde_json::to_string(&ParagraphKind::Caption).unwrap(),
            "\"caption\""
        );
        assert_eq!(ParagraphKind::Heading.as_str(), "heading");
    }
}
