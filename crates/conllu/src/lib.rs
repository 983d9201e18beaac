//! CoNLL-U and IOB2 reading and writing.
//!
//! khaldun's tagger, parser and evaluation all read the Universal Dependencies
//! treebank format. This crate owns that format: [`parse`] reads a whole file
//! into [`Sentence`]s (comments, multiword token ranges and syntactic words kept
//! apart), [`write_sentence`] writes one back, and [`parse_iob2`] reads the
//! two-or-more-column IOB2 files used for named entities.
//!
//! ```
//! let text = "# text = Hi there.\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t0:root\t_\n\
//!             2\tthere\tthere\tADV\tRB\t_\t1\tadvmod\t1:advmod\tSpaceAfter=No\n\
//!             3\t.\t.\tPUNCT\t.\t_\t1\tpunct\t1:punct\t_\n\n";
//! let sents = khaldun_conllu::parse(text).unwrap();
//! assert_eq!(sents[0].words[1].form, "there");
//! assert_eq!(sents[0].text.as_deref(), Some("Hi there."));
//! ```
#![deny(missing_docs)]

use std::fmt::Write as _;

/// A CoNLL-U or IOB2 format error, with the 1-based line where it was found.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct Error {
    /// 1-based line number in the input.
    pub line: usize,
    /// What was wrong.
    pub message: String,
}

/// `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// One syntactic word (a line whose ID is an integer).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Word {
    /// Surface form.
    pub form: String,
    /// Lemma (`_` when absent).
    pub lemma: String,
    /// Universal POS tag.
    pub upos: String,
    /// Language-specific tag (Penn Treebank for English).
    pub xpos: String,
    /// Morphological features, as written (`_` when none).
    pub feats: String,
    /// Head word index, 1-based; 0 is the root. `None` when `_`.
    pub head: Option<usize>,
    /// Dependency relation (`_` when absent).
    pub deprel: String,
    /// Enhanced dependencies column, as written.
    pub deps: String,
    /// MISC column, as written.
    pub misc: String,
}

impl Word {
    /// True when MISC says `SpaceAfter=No`.
    pub fn no_space_after(&self) -> bool {
        self.misc.split('|').any(|f| f == "SpaceAfter=No")
    }
}

/// A multiword token: surface `form` spanning words `first..=last` (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MultiwordToken {
    /// First word index (1-based).
    pub first: usize,
    /// Last word index (1-based, inclusive).
    pub last: usize,
    /// Surface form of the whole token.
    pub form: String,
    /// MISC column of the token line.
    pub misc: String,
}

/// One sentence of a CoNLL-U file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sentence {
    /// Comment lines without the leading `# `, in order.
    pub comments: Vec<String>,
    /// `# sent_id = ...` if present.
    pub sent_id: Option<String>,
    /// `# text = ...` if present.
    pub text: Option<String>,
    /// True when a `# newdoc` comment opens this sentence.
    pub newdoc: bool,
    /// True when a `# newpar` comment (or `# newdoc`) opens this sentence.
    pub newpar: bool,
    /// Syntactic words; `words[i]` has ID `i + 1`.
    pub words: Vec<Word>,
    /// Multiword token ranges.
    pub multiword: Vec<MultiwordToken>,
    /// 1-based line of the sentence's first line in the file.
    pub line: usize,
}

impl Sentence {
    /// Surface tokens: each multiword token once, other words as themselves,
    /// as `(form, first_word, last_word, space_after)` with 0-based word indices.
    pub fn tokens(&self) -> Vec<(&str, usize, usize, bool)> {
        let mut out = Vec::with_capacity(self.words.len());
        let mut i = 0;
        while i < self.words.len() {
            if let Some(mwt) = self.multiword.iter().find(|m| m.first == i + 1) {
                let space = !mwt.misc.split('|').any(|f| f == "SpaceAfter=No");
                out.push((mwt.form.as_str(), mwt.first - 1, mwt.last - 1, space));
                i = mwt.last;
            } else {
                let w = &self.words[i];
                out.push((w.form.as_str(), i, i, !w.no_space_after()));
                i += 1;
            }
        }
        out
    }
}

fn field<'a>(cols: &[&'a str], i: usize) -> &'a str {
    cols.get(i).copied().unwrap_or("_")
}

/// Parses a whole CoNLL-U document. Empty nodes (IDs like `8.1`) are skipped.
pub fn parse(input: &str) -> Result<Vec<Sentence>> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    let mut started = false;
    for (n, raw) in input.lines().enumerate() {
        let lineno = n + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            if started {
                out.push(std::mem::take(&mut cur));
                started = false;
            }
            continue;
        }
        if !started {
            cur.line = lineno;
            started = true;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim_start();
            if let Some(v) = c.strip_prefix("sent_id") {
                cur.sent_id = Some(v.trim_start().trim_start_matches('=').trim().to_string());
            } else if let Some(v) = c.strip_prefix("text =") {
                cur.text = Some(v.strip_prefix(' ').unwrap_or(v).to_string());
            } else if c.starts_with("newdoc") {
                cur.newdoc = true;
                cur.newpar = true;
            } else if c.starts_with("newpar") {
                cur.newpar = true;
            }
            cur.comments.push(c.to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 2 {
            return Err(Error {
                line: lineno,
                message: format!("expected 10 tab-separated columns, found {}", cols.len()),
            });
        }
        let id = cols[0];
        if id.contains('.') {
            continue;
        }
        if let Some((a, b)) = id.split_once('-') {
            let (first, last) = match (a.parse::<usize>(), b.parse::<usize>()) {
                (Ok(a), Ok(b)) if a >= 1 && b >= a => (a, b),
                _ => {
                    return Err(Error {
                        line: lineno,
                        message: format!("bad token range {id:?}"),
                    })
                }
            };
            cur.multiword.push(MultiwordToken {
                first,
                last,
                form: cols[1].to_string(),
                misc: field(&cols, 9).to_string(),
            });
            continue;
        }
        let idx: usize = id.parse().map_err(|_| Error {
            line: lineno,
            message: format!("bad word id {id:?}"),
        })?;
        if idx != cur.words.len() + 1 {
            return Err(Error {
                line: lineno,
                message: format!(
                    "word id {idx} out of sequence (expected {})",
                    cur.words.len() + 1
                ),
            });
        }
        let head = match field(&cols, 6) {
            "_" => None,
            h => Some(h.parse().map_err(|_| Error {
                line: lineno,
                message: format!("bad head {h:?}"),
            })?),
        };
        cur.words.push(Word {
            form: cols[1].to_string(),
            lemma: field(&cols, 2).to_string(),
            upos: field(&cols, 3).to_string(),
            xpos: field(&cols, 4).to_string(),
            feats: field(&cols, 5).to_string(),
            head,
            deprel: field(&cols, 7).to_string(),
            deps: field(&cols, 8).to_string(),
            misc: field(&cols, 9).to_string(),
        });
    }
    if started {
        out.push(cur);
    }
    for s in &out {
        for (i, w) in s.words.iter().enumerate() {
            if let Some(h) = w.head {
                if h > s.words.len() {
                    return Err(Error {
                        line: s.line,
                        message: format!("word {} has head {h} beyond the sentence", i + 1),
                    });
                }
            }
        }
    }
    Ok(out)
}

/// Appends one sentence in CoNLL-U form (comments, multiword lines, words, blank line).
pub fn write_sentence(out: &mut String, s: &Sentence) {
    for c in &s.comments {
        let _ = writeln!(out, "# {c}");
    }
    for (i, w) in s.words.iter().enumerate() {
        if let Some(m) = s.multiword.iter().find(|m| m.first == i + 1) {
            let _ = writeln!(
                out,
                "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}",
                m.first, m.last, m.form, m.misc
            );
        }
        let head = w.head.map_or_else(|| "_".to_string(), |h| h.to_string());
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            i + 1,
            w.form,
            or_blank(&w.lemma),
            or_blank(&w.upos),
            or_blank(&w.xpos),
            or_blank(&w.feats),
            head,
            or_blank(&w.deprel),
            or_blank(&w.deps),
            or_blank(&w.misc)
        );
    }
    out.push('\n');
}

fn or_blank(s: &str) -> &str {
    if s.is_empty() {
        "_"
    } else {
        s
    }
}

/// One sentence of an IOB2 file: tokens and their tags (`O`, `B-PER`, `I-LOC`, ...).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IobSentence {
    /// Sentence id from a `# sent_id` comment, if any.
    pub sent_id: Option<String>,
    /// Tokens.
    pub tokens: Vec<String>,
    /// One tag per token.
    pub tags: Vec<String>,
}

/// Parses IOB2: one token per line, the token in the second column when the
/// first is a number (UNER layout: `id token tag ...`), else the first; the tag
/// is the third column (or the last of two). Blank lines end sentences.
pub fn parse_iob2(input: &str) -> Result<Vec<IobSentence>> {
    let mut out = Vec::new();
    let mut cur = IobSentence::default();
    for (n, raw) in input.lines().enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            if !cur.tokens.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            if let Some(v) = c.trim_start().strip_prefix("sent_id") {
                cur.sent_id = Some(v.trim_start().trim_start_matches('=').trim().to_string());
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let (tok, tag) = match cols.len() {
            2 => (cols[0], cols[1]),
            n if n >= 3 && cols[0].parse::<usize>().is_ok() => (cols[1], cols[2]),
            n if n >= 3 => (cols[0], cols[n - 1]),
            _ => {
                return Err(Error {
                    line: n + 1,
                    message: "expected at least 2 tab-separated columns".into(),
                })
            }
        };
        if !(tag == "O" || tag.starts_with("B-") || tag.starts_with("I-")) {
            return Err(Error {
                line: n + 1,
                message: format!("bad IOB2 tag {tag:?}"),
            });
        }
        cur.tokens.push(tok.to_string());
        cur.tags.push(tag.to_string());
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = d1\n# sent_id = s1\n# text = I don't know.\n\
1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n\
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

    #[test]
    fn reads_words_tokens_and_comments() {
        let s = &parse(SAMPLE).unwrap()[0];
        assert!(s.newdoc && s.newpar);
        assert_eq!(s.sent_id.as_deref(), Some("s1"));
        assert_eq!(s.words.len(), 5);
        assert_eq!(s.words[3].head, Some(0));
        let toks = s.tokens();
        assert_eq!(toks.len(), 4);
        assert_eq!(toks[1], ("don't", 1, 2, true));
        assert_eq!(toks[2], ("know", 3, 3, false));
    }

    #[test]
    fn round_trips() {
        let s = parse(SAMPLE).unwrap();
        let mut out = String::new();
        write_sentence(&mut out, &s[0]);
        assert_eq!(parse(&out).unwrap(), s);
    }

    #[test]
    fn errors_name_the_line() {
        let e =
            parse("1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n3\tB\tb\tX\tX\t_\t1\tdep\t_\t_\n").unwrap_err();
        assert_eq!(e.line, 2);
        let e = parse("1\tA\ta\tX\tX\t_\t9\troot\t_\t_\n").unwrap_err();
        assert!(e.message.contains("beyond"), "{e}");
    }

    #[test]
    fn reads_iob2() {
        let s = parse_iob2("# sent_id = a\n1\tParis\tB-LOC\t-\n2\tburns\tO\t-\n\n").unwrap();
        assert_eq!(s[0].tokens, ["Paris", "burns"]);
        assert_eq!(s[0].tags, ["B-LOC", "O"]);
        assert!(parse_iob2("1\tx\tZ-LOC\n").is_err());
    }
}
