//! Sentence boundaries over a paragraph's tokens.
//!
//! A sentence ends at a terminator (`.` `!` `?` `…`, or an abbreviation that
//! can end one) once the closing quotes and brackets after it are absorbed,
//! unless what follows continues the sentence (a lowercase word, a comma).
//! Straight quotes are told apart as opening or closing from their
//! surroundings, and by parity when both sides are spaces (the broken
//! `has not Over yet. "`).

use crate::lexicon::{AbbrevKind, Lexicon};
use khaldun_types::Token;

/// Longest sentence kept whole; longer runs (lists, tables, junk) are cut so
/// that later stages stay linear.
pub const MAX_SENTENCE_TOKENS: usize = 250;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Quote {
    Open,
    Close,
    None,
}

fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '«' | '»' | '\'' | '‘' | '’' | '`'
    )
}

/// Decides whether the quote token at `t` opens or closes, given whether a
/// quote is currently open.
fn quote_role(text: &str, t: &Token, open: bool) -> Quote {
    let s = t.span.slice(text);
    if !matches!(
        s.as_bytes().first(),
        Some(b'"' | b'\'' | b'`' | 0xC2 | 0xE2)
    ) {
        return Quote::None;
    }
    let c = match s.chars().next() {
        Some(c) if is_quote_char(c) && s.chars().all(is_quote_char) => c,
        _ => return Quote::None,
    };
    let before = text[..t.span.start as usize].chars().next_back();
    let after = text[t.span.end as usize..].chars().next();
    let space_before = before.is_none_or(|c| c.is_whitespace() || "([{—–-".contains(c));
    let space_after = after.is_none_or(|c| c.is_whitespace() || ".,;:!?)]}—–-".contains(c));
    match (space_before, space_after) {
        (true, false) => Quote::Open,
        (false, true) => Quote::Close,
        _ => match c {
            '“' | '„' | '«' | '‘' => Quote::Open,
            '”' | '»' | '’' => Quote::Close,
            _ if open => Quote::Close,
            _ => Quote::Open,
        },
    }
}

fn is_terminator(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇'))
}

/// Splits a paragraph's tokens into sentences, as ranges of token indices.
pub fn split(text: &str, tokens: &[Token], lex: &Lexicon, out: &mut Vec<std::ops::Range<usize>>) {
    let n = tokens.len();
    let mut start = 0;
    // open state per quote family: double, single
    let mut open_quote = [false, false];
    let mut open_paren = 0usize;
    let mut i = 0;
    while i < n {
        let t = &tokens[i];
        let s = t.span.slice(text);
        // Plain words (most tokens) can neither quote, bracket nor end a sentence.
        let bytes = s.as_bytes();
        if bytes[0].is_ascii_alphanumeric() && bytes[bytes.len() - 1] != b'.' {
            if i + 1 - start >= MAX_SENTENCE_TOKENS {
                out.push(start..i + 1);
                start = i + 1;
            }
            i += 1;
            continue;
        }
        let fam = family(s);
        match quote_role(text, t, open_quote[fam]) {
            Quote::Open => open_quote[fam] = true,
            Quote::Close => open_quote[fam] = false,
            Quote::None => {}
        }
        match s {
            "(" | "[" => open_paren += 1,
            ")" | "]" => open_paren = open_paren.saturating_sub(1),
            _ => {}
        }
        let ends = if is_terminator(s) {
            true
        } else if s.len() > 1 && s.ends_with('.') {
            abbrev_may_end(text, tokens, i, lex)
        } else {
            false
        };
        if !ends {
            if i + 1 - start >= MAX_SENTENCE_TOKENS {
                out.push(start..i + 1);
                start = i + 1;
            }
            i += 1;
            continue;
        }
        // Absorb closing quotes and brackets.
        let mut j = i + 1;
        let mut closed = false;
        while j < n {
            let u = &tokens[j];
            let us = u.span.slice(text);
            if matches!(us, ")" | "]") && open_paren > 0 {
                open_paren -= 1;
                closed = true;
                j += 1;
                continue;
            }
            let fam = family(us);
            if quote_role(text, u, open_quote[fam]) == Quote::Close {
                open_quote[fam] = false;
                closed = true;
                j += 1;
                continue;
            }
            // "?!" typed as "? !" stays one ending; a "?" after a space is its own
            if is_terminator(us) && !tokens[j - 1].space_after {
                j += 1;
                continue;
            }
            break;
        }
        if j >= n {
            break;
        }
        if continues(text, &tokens[j], tokens.get(j + 1), s, closed) {
            i = j;
            continue;
        }
        // a paragraph opening with an ellipsis ("...Now comes") is not a sentence of its own
        let only_dots = start == 0
            && tokens[start..j]
                .iter()
                .all(|t| is_terminator(t.span.slice(text)));
        if !only_dots {
            out.push(start..j);
            start = j;
        }
        open_paren = 0;
        i = j;
    }
    if start < n {
        out.push(start..n);
    }
}

/// 0 for double quotes, 1 for single ones: the two nest independently.
fn family(s: &str) -> usize {
    usize::from(matches!(s.chars().next(), Some('\'' | '‘' | '’' | '`')))
}

/// True when the token after a terminator continues the same sentence.
fn continues(text: &str, next: &Token, after: Option<&Token>, term: &str, closed: bool) -> bool {
    let ns = next.span.slice(text);
    // `in June... "if nothing changes."`: a quote opening on a lowercase word
    if matches!(ns, "\"" | "“") {
        if let Some(a) = after {
            let w = a.span.slice(text);
            return w.starts_with(|c: char| c.is_lowercase())
                && (term.starts_with("..") || term == "…");
        }
    }
    let c = ns.chars().next().unwrap_or(' ');
    if matches!(ns, "," | ";" | ":" | "%" | "-" | "–" | "—") || crate::token::is_emoticon(ns) {
        return true;
    }
    // `"Why?" he asked` and "wait... what" go on; after a bare full stop or
    // question mark a lowercase word starts a new (carelessly typed) sentence.
    if c.is_lowercase() {
        let newline = text[..next.span.start as usize]
            .trim_end_matches([' ', '\t'])
            .ends_with('\n');
        return !newline && (closed || term.starts_with("..") || term == "…");
    }
    false
}

/// Whether the abbreviation token at `i` ("U.S.", "Inc.", "M.") ends the sentence.
fn abbrev_may_end(text: &str, tokens: &[Token], i: usize, lex: &Lexicon) -> bool {
    let s = tokens[i].span.slice(text);
    let core = &s[..s.len() - 1];
    let lower = core.to_lowercase();
    let Some(next) = tokens.get(i + 1) else {
        return true;
    };
    let ns = next.span.slice(text);
    let nc = ns.chars().next().unwrap_or(' ');
    let kind = lex.abbrev(&lower);
    if kind == Some(AbbrevKind::Title) {
        return false;
    }
    // A single initial before a capitalized word is part of a name.
    if core.chars().count() == 1 && nc.is_uppercase() && !lex.is_starter(&ns.to_lowercase()) {
        return false;
    }
    if nc == '"' || nc == '“' {
        return quote_opens(text, next);
    }
    nc.is_uppercase() && lex.is_starter(&ns.to_lowercase())
}

fn quote_opens(text: &str, t: &Token) -> bool {
    let after = text[t.span.end as usize..].chars().next();
    after.is_some_and(|c| !c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Tokenizer;

    fn sents(text: &str) -> Vec<String> {
        let toks = Tokenizer::default().tokenize(text);
        let mut out = Vec::new();
        split(text, &toks, Lexicon::builtin(), &mut out);
        out.iter()
            .map(|r| {
                text[toks[r.start].span.start as usize..toks[r.end - 1].span.end as usize]
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn splits_at_terminators_not_abbreviations() {
        assert_eq!(
            sents("Mr. Smith met Gen. Jones in the U.S. on Jan. 5. They talked. Dr. Who left!"),
            [
                "Mr. Smith met Gen. Jones in the U.S. on Jan. 5.",
                "They talked.",
                "Dr. Who left!"
            ]
        );
        assert_eq!(
            sents("He lives in the U.S. The rest stayed."),
            ["He lives in the U.S.", "The rest stayed."]
        );
        assert_eq!(
            sents("Jennifer M. Anderson won 3.5 votes."),
            ["Jennifer M. Anderson won 3.5 votes."]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        assert_eq!(
            sents("She said, \"France believes it.\" Then she left."),
            ["She said, \"France believes it.\"", "Then she left."]
        );
        assert_eq!(
            sents("stressing that \"the war with ISIS has not Over yet. \""),
            ["stressing that \"the war with ISIS has not Over yet. \""]
        );
        assert_eq!(
            sents("\"Why?\" he asked. \"Now.\""),
            ["\"Why?\" he asked.", "\"Now.\""]
        );
        assert_eq!(
            sents("It ended (finally.) Next one."),
            ["It ended (finally.)", "Next one."]
        );
    }

    #[test]
    fn long_runs_are_cut() {
        let text = "word ".repeat(600);
        let s = sents(&text);
        assert_eq!(s.len(), 3);
        assert!(s
            .iter()
            .all(|x| x.split(' ').count() <= MAX_SENTENCE_TOKENS));
    }
}
