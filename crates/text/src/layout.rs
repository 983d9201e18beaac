//! Paragraphs and their layout roles.
//!
//! News text carries layout noise that must not be coded as events: photo
//! captions ("Parly (left) affirmed ... (Reuters)"), subheadings ("Hubs
//! policy"), datelines ("BAGHDAD (Reuters) -", "Friday, January 4, 2019")
//! and bylines. Each paragraph is kept, with its role marked.

use crate::lexicon::Lexicon;
use khaldun_types::{Paragraph, ParagraphKind, Span};

/// Splits text into paragraphs: blocks separated by blank lines; in text with
/// no blank lines, lines are paragraphs unless they look hard-wrapped.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        lines.push((pos, pos + body.len()));
        pos += line.len();
    }
    let blank = |&(s, e): &(usize, usize)| text[s..e].trim().is_empty();
    let has_blank = lines.iter().any(blank);
    let max_len = lines
        .iter()
        .map(|&(s, e)| text[s..e].trim_end().len())
        .max()
        .unwrap_or(0);
    let mut out = Vec::new();
    let mut cur: Option<(usize, usize)> = None;
    for (k, l) in lines.iter().enumerate() {
        if blank(l) {
            if let Some(p) = cur.take() {
                out.push(p);
            }
            continue;
        }
        let joins = match cur {
            None => false,
            Some(_) if has_blank => true,
            Some(_) => {
                // No blank lines: a line continues the previous one only when
                // that one looks hard-wrapped (long, no closing punctuation).
                let (ps, pe) = lines[k - 1];
                let prev = text[ps..pe].trim_end();
                max_len >= 50
                    && prev.len() * 10 >= max_len * 7
                    && !prev.ends_with(['.', '!', '?', ':', '"', '”', '\''])
            }
        };
        match (&mut cur, joins) {
            (Some(p), true) => p.1 = l.1,
            _ => {
                if let Some(p) = cur.take() {
                    out.push(p);
                }
                cur = Some(*l);
            }
        }
    }
    if let Some(p) = cur {
        out.push(p);
    }
    out.into_iter()
        .filter_map(|(s, e)| {
            let seg = &text[s..e];
            let lead = seg.len() - seg.trim_start().len();
            let trail = seg.len() - seg.trim_end().len();
            (s + lead < e - trail).then(|| Span::from_range(s + lead..e - trail))
        })
        .collect()
}

/// Assigns a layout kind to each paragraph, and finds datelines opening the
/// first body paragraphs.
pub fn classify(text: &str, spans: &[Span], lex: &Lexicon) -> Vec<Paragraph> {
    let n = spans.len();
    let mut out: Vec<Paragraph> = Vec::with_capacity(n);
    for (k, &span) in spans.iter().enumerate() {
        let p = span.slice(text);
        let kind = kind_of(p, k, n, lex);
        let dateline = if kind == ParagraphKind::Body && k < 3 {
            inline_dateline(p).map(|len| Span::new(span.start, span.start + len as u32))
        } else {
            None
        };
        out.push(Paragraph {
            span,
            kind,
            dateline,
        });
    }
    out
}

/// Words in `p`, counting no further than `cap` (long paragraphs are body text
/// whatever else they hold, so there is no need to scan them whole).
fn word_count(p: &str, cap: usize) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for &b in p.as_bytes() {
        let ws = matches!(b, b' ' | b'\n' | b'\t' | b'\r');
        if !ws && !in_word {
            n += 1;
            if n >= cap {
                return n;
            }
        }
        in_word = !ws;
    }
    n
}

/// Paragraphs longer than this many words are always body text.
const MAX_LAYOUT_WORDS: usize = 80;

fn kind_of(p: &str, k: usize, n: usize, lex: &Lexicon) -> ParagraphKind {
    // Count words only as far as each test needs: most paragraphs are long.
    let words = word_count(p, 16);
    if is_byline(p, words) {
        return ParagraphKind::Byline;
    }
    // Captions are short: test them only below ~100 words' worth of bytes.
    let may_caption = p.len() <= 700;
    if may_caption && is_caption(p, words, lex) {
        return ParagraphKind::Caption;
    }
    if is_dateline(p, words) {
        return ParagraphKind::Dateline;
    }
    if is_heading(p, words, k, n) {
        return ParagraphKind::Heading;
    }
    ParagraphKind::Body
}

/// The lowercase form of the first `n` bytes (or so) of `p`: enough to test
/// openers without folding a whole paragraph.
fn head_lower(p: &str, n: usize) -> String {
    let mut e = n.min(p.len());
    while !p.is_char_boundary(e) {
        e += 1;
    }
    p[..e].to_lowercase()
}

fn is_byline(p: &str, words: usize) -> bool {
    let lower = head_lower(p, 32);
    const CREDIT_OPENERS: [&str; 12] = [
        "reporting by",
        "(reporting by",
        "additional reporting by",
        "(additional reporting by",
        "editing by",
        "writing by",
        "(writing by",
        "compiled by",
        "copyright ",
        "©",
        "all rights reserved",
        "(c) ",
    ];
    if CREDIT_OPENERS.iter().any(|o| lower.starts_with(o)) {
        return word_count(p, 41) <= 40;
    }
    if let Some(rest) = p.strip_prefix("By ").or_else(|| p.strip_prefix("BY ")) {
        // "By Jane Doe", "By Jane Doe and John Roe, Reuters"
        return words <= 10
            && !rest.ends_with('.')
            && rest
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|w| !w.is_empty())
                .all(|w| {
                    w.starts_with(|c: char| c.is_uppercase()) || w == "and" || w == "in" || w == "&"
                });
    }
    false
}

/// The text inside the last parentheses, if the paragraph ends with them.
fn final_parens(p: &str) -> Option<&str> {
    let t = p.trim_end_matches(['.', ' ']);
    let body = t.strip_suffix(')')?;
    let open = body.rfind('(')?;
    Some(&body[open + 1..])
}

/// `words` is counted up to 16; the full count (to 81) is taken only once a
/// caption sign has been seen.
fn is_caption(p: &str, words: usize, lex: &Lexicon) -> bool {
    let short = || words <= 15 || word_count(p, MAX_LAYOUT_WORDS + 1) <= MAX_LAYOUT_WORDS;
    is_caption_shaped(p, words, lex) && short()
}

fn is_caption_shaped(p: &str, words: usize, lex: &Lexicon) -> bool {
    let lower = head_lower(p, 16);
    for prefix in [
        "photo:",
        "image:",
        "picture:",
        "pictured:",
        "file photo",
        "caption:",
        "photo credit",
    ] {
        if lower.starts_with(prefix) {
            return true;
        }
    }
    // Position markers: "Parly (left)", "(L-R)", "(2nd R)"
    let mut rest = p;
    while let Some(open) = rest.find('(') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(')') else { break };
        let inner = after[..close].trim();
        if inner.len() <= 12 {
            let inner = inner.to_lowercase();
            if lex.is_caption_marker(&inner) && inner != "file" {
                return true;
            }
        }
        rest = &after[close..];
    }
    if let Some(inner) = final_parens(p) {
        let inner = inner.trim().to_lowercase();
        let inner = inner.as_str();
        let first = inner
            .split(['/', ',', ':', ';'])
            .next()
            .unwrap_or("")
            .trim();
        if lex.is_credit(inner)
            || lex.is_credit(first)
            || inner.contains("photo")
            || inner.contains("getty")
        {
            // a dateline paragraph "BAGHDAD (Reuters)" is not a caption
            return words > 3;
        }
    }
    // "... REUTERS/Jane Doe" credits
    let last = p.rsplit(char::is_whitespace).next().unwrap_or("");
    ["REUTERS/", "AFP/", "AP/", "EPA/", "Reuters/"]
        .iter()
        .any(|c| last.starts_with(c))
}

use crate::calendar::{MONTHS, WEEKDAYS};

fn is_month(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    MONTHS
        .iter()
        .any(|m| *m == w || (w.len() >= 3 && m.starts_with(w)))
}

/// "Friday, January 4, 2019", "4 January 2019", "2019-01-04", "BAGHDAD (Reuters)".
fn is_dateline(p: &str, words: usize) -> bool {
    if words == 0 || words > 8 || p.contains('\n') {
        return false;
    }
    let lower = p.to_lowercase();
    let toks: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',' || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect();
    let date_word = |w: &str| {
        is_month(w)
            || WEEKDAYS.iter().any(|d| {
                *d == w.trim_end_matches('.')
                    || (w.len() >= 3 && d.starts_with(w.trim_end_matches('.')))
            })
            || w.trim_end_matches(|c: char| c.is_alphabetic())
                .chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == '/')
                && w.chars().any(|c| c.is_ascii_digit())
    };
    let has_num = toks.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()));
    if has_num
        && toks.iter().all(|w| {
            date_word(w)
                || matches!(
                    *w,
                    "updated" | "published" | "at" | "gmt" | "utc" | "-" | "|"
                )
        })
    {
        return true;
    }
    // "BAGHDAD (Reuters)" / "PARIS, Aug 27 (AFP)" standing alone
    if let Some(open) = p.find('(') {
        let place = p[..open].trim().trim_end_matches(',');
        let place_word = place.split(',').next().unwrap_or("");
        return p.trim_end().ends_with(')')
            && place_word.len() >= 3
            && place_word
                .chars()
                .all(|c| c.is_uppercase() || c == ' ' || c == '-' || c == '.');
    }
    false
}

fn is_heading(p: &str, words: usize, k: usize, n: usize) -> bool {
    if p.starts_with('#') && p.trim_start_matches('#').starts_with(' ') {
        return true;
    }
    if words == 0 || words > 14 || p.contains('\n') || n < 2 {
        return false;
    }
    let last = p.chars().next_back().unwrap_or(' ');
    if matches!(
        last,
        '.' | ',' | ';' | ':' | '"' | '”' | '\'' | '’' | ')' | '-' | '–' | '—'
    ) {
        return false;
    }
    if p.contains(". ") || !p.chars().any(char::is_alphabetic) {
        return false;
    }
    // The first letter must be a capital or a digit ("Hubs policy", "2020 in review").
    if !p.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
        return false;
    }
    // A short last line is a sign-off or a fragment more often than a heading.
    k + 1 < n || k == 0
}

/// Byte length of a dateline opening a paragraph ("BAGHDAD (Reuters) - ",
/// "WASHINGTON — ", "PARIS, Aug 27 (AFP) -"), including the dash and spaces.
pub fn inline_dateline(p: &str) -> Option<usize> {
    let head = p.get(..p.len().min(120)).unwrap_or_else(|| {
        let mut e = 120;
        while !p.is_char_boundary(e) {
            e -= 1;
        }
        &p[..e]
    });
    // find the dash that closes the dateline
    let mut dash = None;
    for (i, c) in head.char_indices() {
        if matches!(c, '-' | '–' | '—')
            && head[..i].ends_with(' ')
            && head[i + c.len_utf8()..].starts_with(' ')
        {
            dash = Some((i, c.len_utf8()));
            break;
        }
    }
    let (i, cl) = dash?;
    let before = head[..i].trim_end();
    let (place, agency) = match before.strip_suffix(')') {
        Some(b) => {
            let open = b.rfind('(')?;
            (b[..open].trim_end(), Some(&b[open + 1..]))
        }
        None => (before, None),
    };
    let mut parts = place.split(',');
    let city = parts.next()?.trim();
    let city_ok = city.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && city
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '-' | '.' | '\''))
        && city.split_whitespace().count() <= 4;
    if !city_ok {
        return None;
    }
    // ", Aug 27" / ", Iraq" parts must be short
    if parts.any(|x| x.split_whitespace().count() > 3) {
        return None;
    }
    if let Some(a) = agency {
        if a.split_whitespace().count() > 4 {
            return None;
        }
    }
    let mut end = i + cl;
    end += p[end..].len() - p[end..].trim_start().len();
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, &'static str)> {
        let spans = paragraphs(text);
        classify(text, &spans, Lexicon::builtin())
            .into_iter()
            .map(|p| (p.span.slice(text).to_string(), p.kind.as_str()))
            .collect()
    }

    #[test]
    fn blank_lines_make_paragraphs() {
        let t = "  First para\nstill first.\n\n\n Second.  \n";
        let p = paragraphs(t);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].slice(t), "First para\nstill first.");
        assert_eq!(p[1].slice(t), "Second.");
    }

    #[test]
    fn single_newlines_make_paragraphs_unless_wrapped() {
        let t = "One sentence here.\nAnother one there.\n";
        assert_eq!(paragraphs(t).len(), 2);
        let wrapped = "This is a long line of text that was wrapped by the\nsender's mail program at a fixed width of columns\nso it goes on.";
        assert_eq!(paragraphs(wrapped).len(), 1);
    }

    #[test]
    fn recognizes_layout_kinds() {
        let t = "Friday, January 4, 2019\n\nBy Jane Doe\n\nTalks resume in Geneva\n\nThe delegations met on Monday.\n\n\
                 The minister (left) shakes hands with his counterpart in Geneva (Reuters)\n\nThey will meet again.\n\n\
                 (Reporting by Jane Doe; Editing by John Roe)";
        let k: Vec<_> = kinds(t).into_iter().map(|x| x.1).collect();
        assert_eq!(
            k,
            ["dateline", "byline", "heading", "body", "caption", "body", "byline"]
        );
    }

    #[test]
    fn finds_inline_datelines() {
        assert_eq!(
            inline_dateline("BAGHDAD (Reuters) - The minister"),
            Some(20)
        );
        assert_eq!(
            inline_dateline("PARIS, Aug 27 (AFP) — France said"),
            Some(24)
        );
        assert_eq!(inline_dateline("WASHINGTON - The"), Some(13));
        assert_eq!(inline_dateline("The war - again - goes on"), None);
        assert_eq!(inline_dateline("Iraq - a sovereign country"), None);
    }
}
