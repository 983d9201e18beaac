//! Tokenization of news English the Universal Dependencies way.
//!
//! Text is cut at whitespace into chunks; each chunk loses its leading and
//! trailing punctuation, then its clitics ("do|n't", "Army|'s") and its
//! inner hyphens and slashes ("Al|-|Zaman", "and|/|or"), except where English
//! treebanks keep them ("e-mail", "co-workers", "U.S.", "3.5", URLs). Every
//! token is a byte span into the text: nothing is rewritten.

use crate::lexicon::{AbbrevKind, Lexicon};
use khaldun_types::{Span, Token};

/// Splits text into UD-style tokens.
#[derive(Debug, Clone, Copy)]
pub struct Tokenizer<'l> {
    lex: &'l Lexicon,
}

impl Default for Tokenizer<'static> {
    fn default() -> Self {
        Tokenizer {
            lex: Lexicon::builtin(),
        }
    }
}

/// Characters that open a chunk and are split off as tokens of their own.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '‚'
            | '«'
            | '‹'
            | '('
            | '['
            | '{'
            | '<'
            | '¿'
            | '¡'
            | '*'
            | '`'
    )
}

/// Characters that close a chunk and are split off.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '»'
            | '›'
            | ')'
            | ']'
            | '}'
            | '>'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '%'
            | '*'
            | '`'
    )
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥' | '₹' | '#')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―' | '‒' | '−')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

const ALNUM: u8 = 0;
const SPACE: u8 = 1;
const OTHER: u8 = 2;

/// Byte classes for the chunk scanner: one table load per byte.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = ALNUM;
        } else if c.is_ascii_whitespace() {
            t[b] = SPACE;
        }
        b += 1;
    }
    t
};

/// Trailing punctuation peeled off a chunk, right to left, without allocating.
/// A chunk with more than 16 trailing marks keeps the rest in one token.
#[derive(Default)]
struct Trail {
    items: [(usize, usize); 16],
    len: usize,
}

impl Trail {
    fn push(&mut self, x: (usize, usize)) {
        if self.len < self.items.len() {
            self.items[self.len] = x;
            self.len += 1;
        } else {
            // merge into the last (leftmost) entry
            self.items[self.len - 1].0 = x.0;
        }
    }
}

/// How many of the 8 bytes (little-endian order) at the start of `x` are
/// ASCII letters. SWAR: per byte, `y = b | 0x20` is a letter iff
/// 0x61 <= y <= 0x7a; adding 0x1f and 0x05 moves those bounds to the high bit.
/// Carries out of a non-letter byte only reach later bytes, after the first
/// non-letter, so the count stays exact.
fn letters_prefix(x: u64) -> usize {
    const HI: u64 = 0x8080_8080_8080_8080;
    let y = x | 0x2020_2020_2020_2020;
    let t1 = y.wrapping_add(0x1f1f_1f1f_1f1f_1f1f);
    let t2 = y.wrapping_add(0x0505_0505_0505_0505);
    let letters = t1 & !t2 & !y & HI;
    ((!letters & HI).trailing_zeros() / 8) as usize
}

/// Clitics split off the end of a word, lowercase, apostrophe normalized to `'`.
const CLITICS: [&str; 7] = ["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"];

/// Negations written without an apostrophe; none is an English word otherwise.
const NT_WORDS: [&str; 14] = [
    "dont", "didnt", "doesnt", "isnt", "wasnt", "werent", "arent", "havent", "hasnt", "hadnt",
    "couldnt", "wouldnt", "shouldnt", "aint",
];

/// Units split from a number written against them ("375mm", "10am", "5bn").
const UNITS: [&str; 30] = [
    "mm", "cm", "km", "m", "kg", "g", "mg", "lb", "lbs", "k", "K", "bn", "b", "mn", "am", "pm",
    "AM", "PM", "GB", "MB", "KB", "TB", "mph", "kph", "ft", "h", "hr", "hrs", "min", "mins",
];

/// Whole words UD English splits in two: (word, length of first part).
const SPLIT_WORDS: [(&str, usize); 6] = [
    ("cannot", 3),
    ("gonna", 3),
    ("gotta", 3),
    ("wanna", 3),
    ("dunno", 2),
    ("gimme", 3),
];

impl<'l> Tokenizer<'l> {
    /// A tokenizer using the given lexicon.
    pub fn new(lex: &'l Lexicon) -> Self {
        Tokenizer { lex }
    }

    /// Tokenizes `text[range]`, appending tokens (spans into `text`) to `out`.
    pub fn tokenize_range(&self, text: &str, range: std::ops::Range<usize>, out: &mut Vec<Token>) {
        let bytes = text.as_bytes();
        let mut i = range.start;
        let end = range.end;
        while i < end {
            // skip whitespace
            let b = bytes[i];
            if b.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            if b >= 0x80 {
                let c = text[i..].chars().next().unwrap_or(' ');
                if c.is_whitespace() || is_invisible(c) {
                    i += c.len_utf8();
                    continue;
                }
            }
            let start = i;
            // one pass finds the chunk's end and whether it is a plain word
            let mut plain = true;
            let mut first_other = i;
            while i < end {
                // eight bytes at a time while they are ASCII letters
                if let Some(chunk) = bytes.get(i..i + 8).filter(|_| i + 8 <= end) {
                    let skip =
                        letters_prefix(u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
                    if skip > 0 {
                        i += skip;
                        continue;
                    }
                }
                let b = bytes[i];
                match BYTE_CLASS[b as usize] {
                    ALNUM => {
                        i += 1;
                        continue;
                    }
                    SPACE => break,
                    _ => {}
                }
                if plain {
                    first_other = i;
                }
                plain = false;
                if b >= 0x80 {
                    let c = text[i..].chars().next().unwrap_or(' ');
                    if c.is_whitespace() || is_invisible(c) {
                        break;
                    }
                    i += c.len_utf8();
                } else {
                    i += 1;
                }
            }
            // plain words go straight out unless word() may split them
            // ("cannot", "didnt", "10am")
            let special = |w: &[u8]| {
                ((5..=6).contains(&w.len()) && matches!(w[0] | 0x20, b'c' | b'g' | b'w' | b'd'))
                    || (w.len() >= 4
                        && w.len() <= 8
                        && w[w.len() - 2..].eq_ignore_ascii_case(b"nt"))
                    || (w[0].is_ascii_digit() && w[w.len() - 1].is_ascii_alphabetic())
            };
            if plain && !special(&bytes[start..i]) {
                out.push(Token {
                    span: Span::from_range(start..i),
                    space_after: true,
                });
                continue;
            }
            // a plain word and one closing mark ("said,", "Iraq.", "(left)" is not)
            if !plain && first_other == i - 1 && first_other > start {
                let core = &bytes[start..first_other];
                let mark = bytes[first_other];
                let splits = match mark {
                    b',' | b';' | b':' | b'?' | b'!' | b')' => true,
                    b'.' => !self.keeps_period(&text[start..first_other], text, i),
                    _ => false,
                };
                if splits || mark == b'.' {
                    if !splits {
                        out.push(Token {
                            span: Span::from_range(start..i),
                            space_after: true,
                        });
                    } else {
                        if special(core) {
                            self.word(text, start, first_other, out);
                        } else {
                            out.push(Token {
                                span: Span::from_range(start..first_other),
                                space_after: false,
                            });
                        }
                        out.push(Token {
                            span: Span::from_range(first_other..i),
                            space_after: true,
                        });
                    }
                    continue;
                }
            }
            let before = out.len();
            self.chunk(text, start, i, out);
            if out.len() > before {
                if let Some(last) = out.last_mut() {
                    last.space_after = true;
                }
            }
        }
    }

    /// Tokenizes the whole text.
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        self.tokenize_range(text, 0..text.len(), &mut out);
        out
    }

    fn chunk(&self, text: &str, mut s: usize, mut e: usize, out: &mut Vec<Token>) {
        let c = &text[s..e];
        // Fast path: a plain word.
        if c.bytes().all(|b| b.is_ascii_alphanumeric()) {
            self.word(text, s, e, out);
            return;
        }
        if is_emoticon(c) || is_punct_run(c) {
            push(out, s, e);
            return;
        }
        // Leading punctuation.
        while s < e {
            let ch = first_char(&text[s..e]);
            let rest = &text[s + ch.len_utf8()..e];
            if is_apostrophe(ch) && starts_clitic_word(rest) {
                break;
            }
            if is_opener(ch)
                || matches!(ch, ',' | ';' | '>' | '~')
                || (is_currency(ch) && rest.starts_with(|d: char| d.is_ascii_digit()))
            {
                let n = run_len(&text[s..e], ch, ch == '*' || ch == '`' || ch == '\'');
                push(out, s, s + n);
                s += n;
                continue;
            }
            if is_dash(ch) && !rest.is_empty() {
                let n = dash_run(&text[s..e]);
                push(out, s, s + n);
                s += n;
                continue;
            }
            if (ch == '.' || ch == '…') && text[s..e].len() > ch.len_utf8() && is_dots(&text[s..e])
            {
                break;
            }
            if ch == '.' && text[s..e].starts_with("..") {
                let n = dots_len(&text[s..e]);
                push(out, s, s + n);
                s += n;
                continue;
            }
            break;
        }
        if s >= e {
            return;
        }
        if looks_like_url_or_email(&text[s..e]) {
            let tail = trailing_punct_len(&text[s..e]);
            push(out, s, e - tail);
            self.trailing(text, e - tail, e, out);
            return;
        }
        // Trailing punctuation, collected right to left.
        let mut trail = Trail::default();
        while s < e {
            let word = &text[s..e];
            let ch = last_char(word);
            let cl = ch.len_utf8();
            if ch == '.' || ch == '…' {
                // A run of dots is an ellipsis token; a single period may belong to an abbreviation.
                let n = trailing_dots_len(word);
                if n < word.len() && (n > 1 || ch == '…') {
                    trail.push((e - n, e));
                    e -= n;
                    continue;
                }
                if n == word.len() {
                    break;
                }
                let core = &word[..word.len() - 1];
                if self.keeps_period(core, text, e) {
                    break;
                }
                trail.push((e - 1, e));
                e -= 1;
                continue;
            }
            if is_apostrophe(ch) && word.len() > cl {
                // "Iranians'" -> Iranians + '; a lone trailing quote likewise.
                trail.push((e - cl, e));
                e -= cl;
                continue;
            }
            if is_closer(ch) && word.len() > cl {
                let n = run_len_back(word, ch);
                let n = if n >= word.len() { cl } else { n };
                trail.push((e - n, e));
                e -= n;
                continue;
            }
            if is_dash(ch) && word.len() > cl {
                let n = dash_run_back(word);
                if n < word.len() {
                    trail.push((e - n, e));
                    e -= n;
                    continue;
                }
            }
            break;
        }
        if s < e {
            self.middle(text, s, e, out);
        }
        for &(a, b) in trail.items[..trail.len].iter().rev() {
            push(out, a, b);
        }
    }

    fn trailing(&self, _text: &str, s: usize, e: usize, out: &mut Vec<Token>) {
        // Trailing punctuation after a URL: one token per character run.
        let mut i = s;
        while i < e {
            let ch = first_char(&_text[i..e]);
            let n = run_len(&_text[i..e], ch, true);
            push(out, i, i + n);
            i += n;
        }
    }

    /// True when the period ending `core.` belongs to the token.
    fn keeps_period(&self, core: &str, text: &str, end: usize) -> bool {
        if core.is_empty() {
            return false;
        }
        // Initials and letter abbreviations: "M.", "U.S.", "e.g.", "a.m."
        let letters_and_dots = core.chars().all(|c| c.is_alphabetic() || c == '.');
        if letters_and_dots && core.contains('.') && !core.contains("..") {
            return core.split('.').all(|p| p.chars().count() <= 2);
        }
        if core.chars().count() == 1 && core.chars().all(|c| c.is_uppercase()) {
            return true;
        }
        // abbreviations are short: longer words end a sentence without a lookup
        if core.len() > 8 {
            return false;
        }
        let lower = ascii_lower(core);
        match self.lex.abbrev(&lower) {
            Some(AbbrevKind::Num) => next_nonspace(text, end).is_some_and(|c| c.is_ascii_digit()),
            Some(_) => {
                // "in." and "miss." are words far more often than abbreviations
                // unless capitalized.
                if matches!(
                    lower.as_str(),
                    "in" | "miss"
                        | "am"
                        | "pm"
                        | "no"
                        | "sun"
                        | "wash"
                        | "min"
                        | "ill"
                        | "ind"
                        | "mass"
                        | "del"
                        | "la"
                        | "mo"
                        | "p"
                        | "v"
                        | "ed"
                        | "op"
                        | "ca"
                        | "sat"
                        | "mon"
                        | "wed"
                        | "est"
                        | "max"
                        | "misc"
                        | "fig"
                        | "sec"
                        | "ch"
                        | "co"
                        | "al"
                        | "art"
                        | "ref"
                        | "tel"
                ) {
                    core.starts_with(|c: char| c.is_uppercase())
                        && !(matches!(
                            lower.as_str(),
                            "in" | "no" | "am" | "art" | "min" | "max" | "sun" | "sat"
                        ) && next_nonspace(text, end).is_none_or(|c| c.is_uppercase()))
                } else {
                    true
                }
            }
            None => false,
        }
    }

    /// The inside of a chunk: inner brackets and quotes, then each piece.
    fn middle(&self, text: &str, s: usize, e: usize, out: &mut Vec<Token>) {
        let mut piece = s;
        for (off, ch) in text[s..e].char_indices() {
            let i = s + off;
            if matches!(ch, '(' | ')' | '[' | ']' | '"' | '“' | '”' | '<' | '>') && i > s {
                self.piece(text, piece, i, out);
                push(out, i, i + ch.len_utf8());
                piece = i + ch.len_utf8();
            }
        }
        self.piece(text, piece, e, out);
    }

    /// A piece without brackets: URLs whole, else split at inner ellipses,
    /// hyphens, slashes and commas between letters.
    fn piece(&self, text: &str, s: usize, e: usize, out: &mut Vec<Token>) {
        if s >= e {
            return;
        }
        if looks_like_url_or_email(&text[s..e]) {
            push(out, s, e);
            return;
        }
        // inner ellipsis: "past...and"
        if let Some(at) = text.as_bytes()[s..e].windows(2).position(|w| w == b"..") {
            let at = s + at;
            let n = dots_len(&text[at..e]);
            if at > s && at + n < e {
                self.piece(text, s, at, out);
                push(out, at, at + n);
                self.piece(text, at + n, e, out);
                return;
            }
        }
        self.split_inner(text, s, e, out);
    }

    fn split_inner(&self, text: &str, s: usize, e: usize, out: &mut Vec<Token>) {
        let w = &text[s..e];
        // Split at inner hyphens and slashes, keeping numbers, prefixes and emoticons.
        let mut seg_start = s;
        let mut i = s;
        let mut prev: Option<char> = None;
        while i < e {
            let ch = first_char(&text[i..e]);
            let cl = ch.len_utf8();
            if (is_dash(ch)
                || ch == '/'
                || ch == ','
                || ch == '&'
                || ch == '+'
                || ch == '='
                || ch == '~')
                && i > s
                && i + cl < e
            {
                let next = first_char(&text[i + cl..e]);
                let left = &text[seg_start..i];
                let split = match ch {
                    '/' => {
                        prev.is_some_and(|p| p.is_alphabetic())
                            && next.is_alphabetic()
                            && !w.contains("//")
                            && left.chars().count() > 1
                    }
                    ',' => prev.is_some_and(|p| p.is_alphabetic()) && next.is_alphabetic(),
                    '&' | '+' | '=' | '~' => false,
                    _ => {
                        let l_digit = prev.is_some_and(|p| p.is_ascii_digit());
                        let r_digit = next.is_ascii_digit();
                        let l_alnum = prev.is_some_and(|p| p.is_alphanumeric());
                        let r_alnum = next.is_alphanumeric();
                        // "U.S.-led": an abbreviation before the hyphen
                        let l_abbrev = prev == Some('.')
                            && left.len() > 2
                            && left.chars().all(|c| c.is_alphabetic() || c == '.');
                        if l_abbrev && next.is_alphabetic() {
                            true
                        } else if !(l_alnum && r_alnum) {
                            false
                        } else if l_digit && r_digit {
                            !is_phone_number(&text[s..e])
                        } else {
                            !self.lex.is_prefix(&ascii_lower(left)) && !is_dash_run_at(&text[i..e])
                        }
                    }
                };
                if split {
                    self.word(text, seg_start, i, out);
                    push(out, i, i + cl);
                    seg_start = i + cl;
                }
            }
            prev = Some(ch);
            i += cl;
        }
        self.word(text, seg_start, e, out);
    }

    /// A word without outer punctuation: splits clitics and fused forms.
    fn word(&self, text: &str, s: usize, e: usize, out: &mut Vec<Token>) {
        if s >= e {
            return;
        }
        let w = &text[s..e];
        if (5..=6).contains(&w.len()) {
            if let Some(&(_, n)) = SPLIT_WORDS.iter().find(|(x, _)| x.eq_ignore_ascii_case(w)) {
                push(out, s, s + n);
                push(out, s + n, e);
                return;
            }
        }
        // "didnt" -> "did" "nt": negations typed without their apostrophe
        if (4..=8).contains(&w.len()) && w.is_ascii() {
            let lower = w.to_ascii_lowercase();
            if NT_WORDS.contains(&lower.as_str()) {
                push(out, s, e - 2);
                push(out, e - 2, e);
                return;
            }
        }
        // "375mm", "650k", "10am": a number and its unit
        if w.as_bytes()[0].is_ascii_digit() {
            let digits = w
                .bytes()
                .take_while(|b| b.is_ascii_digit() || *b == b'.' || *b == b',')
                .count();
            if digits < w.len()
                && UNITS.contains(&&w[digits..])
                && w.as_bytes()[digits - 1].is_ascii_digit()
            {
                push(out, s, s + digits);
                push(out, s + digits, e);
                return;
            }
        }
        // Clitics: n't, 's, 're, ... (straight or curly apostrophe)
        if let Some(apos) = w.rfind(is_apostrophe) {
            let a = apos;
            let after = &w[a + first_char(&w[a..]).len_utf8()..];
            if a > 0 {
                // n't: the n belongs to the clitic ("do|n't", "ca|n't", "wo|n't")
                if after.eq_ignore_ascii_case("t") && w[..a].ends_with(['n', 'N']) && a > 1 {
                    push(out, s, s + a - 1);
                    push(out, s + a - 1, e);
                    return;
                }
                if CLITICS.iter().any(|c| c[1..].eq_ignore_ascii_case(after)) {
                    push(out, s, s + a);
                    push(out, s + a, e);
                    return;
                }
            }
        }
        push(out, s, e);
    }
}

/// "713-853-3989", "646-8420", "94720-5180" stay whole; ranges like
/// "1969-1970" or "5-10" are split.
fn is_phone_number(w: &str) -> bool {
    let groups: Vec<&str> = w.split('-').collect();
    if !groups
        .iter()
        .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
    {
        return false;
    }
    match groups.as_slice() {
        [a, b] => b.len() == 4 && (a.len() == 3 || a.len() >= 5 || a.len() == 1),
        g => g.len() >= 3,
    }
}

/// ":-)", ":)", ";-(", ":D" and friends.
pub(crate) fn is_emoticon(w: &str) -> bool {
    matches!(
        w,
        ":-)"
            | ":)"
            | ";)"
            | ";-)"
            | ":("
            | ":-("
            | ":D"
            | ":-D"
            | ":P"
            | ":-P"
            | ":p"
            | ":/"
            | ":-/"
            | "<3"
            | "XD"
            | ":o"
            | ":O"
            | "=)"
            | "^_^"
    )
}

/// A chunk that is one punctuation character repeated ("!!!", ">>", "***").
fn is_punct_run(w: &str) -> bool {
    if w.len() > 1
        && w.bytes()
            .all(|b| matches!(b, b'-' | b'=' | b'_' | b'*' | b'~' | b'#' | b'+'))
    {
        return true;
    }
    let mut cs = w.chars();
    let Some(first) = cs.next() else { return false };
    w.len() > first.len_utf8() && !first.is_alphanumeric() && cs.all(|c| c == first)
}

fn push(out: &mut Vec<Token>, s: usize, e: usize) {
    if s < e {
        out.push(Token {
            span: Span::from_range(s..e),
            space_after: false,
        });
    }
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}'
    )
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or(' ')
}

fn last_char(s: &str) -> char {
    s.chars().next_back().unwrap_or(' ')
}

fn ascii_lower(s: &str) -> String {
    s.to_lowercase()
}

fn next_nonspace(text: &str, from: usize) -> Option<char> {
    text[from..].chars().find(|c| !c.is_whitespace())
}

/// True when `rest` (after an apostrophe) is a clitic word like "s", "re", "em", "90s".
fn starts_clitic_word(rest: &str) -> bool {
    let lower = rest.to_ascii_lowercase();
    let word: String = lower.chars().take_while(|c| c.is_alphanumeric()).collect();
    matches!(
        word.as_str(),
        "s" | "re" | "ve" | "ll" | "d" | "m" | "em" | "t" | "cause" | "til"
    ) || (word.len() == 3 && word.ends_with('s') && word.starts_with(|c: char| c.is_ascii_digit()))
}

/// Length in bytes of the run of `ch` at the start of `s` (1 char when `single`).
fn run_len(s: &str, ch: char, grouped: bool) -> usize {
    if !grouped && !matches!(ch, '(' | '[' | '{' | '<') {
        return ch.len_utf8();
    }
    s.chars().take_while(|&c| c == ch).map(char::len_utf8).sum()
}

fn run_len_back(s: &str, ch: char) -> usize {
    if matches!(ch, '!' | '?') {
        // "?!", "!!!" and "??" are single tokens
        return s
            .chars()
            .rev()
            .take_while(|&c| c == '!' || c == '?')
            .map(char::len_utf8)
            .sum();
    }
    if matches!(ch, ')' | ']' | '}' | '>' | '*') {
        return s
            .chars()
            .rev()
            .take_while(|&c| c == ch)
            .map(char::len_utf8)
            .sum();
    }
    ch.len_utf8()
}

fn dash_run(s: &str) -> usize {
    s.chars()
        .take_while(|&c| is_dash(c))
        .map(char::len_utf8)
        .sum()
}

fn dash_run_back(s: &str) -> usize {
    s.chars()
        .rev()
        .take_while(|&c| is_dash(c))
        .map(char::len_utf8)
        .sum()
}

fn is_dash_run_at(s: &str) -> bool {
    s.chars().take(2).filter(|&c| is_dash(c)).count() == 2
}

fn is_dots(s: &str) -> bool {
    s.chars().all(|c| c == '.' || c == '…')
}

fn dots_len(s: &str) -> usize {
    s.bytes().take_while(|&b| b == b'.').count()
}

fn trailing_dots_len(s: &str) -> usize {
    s.chars()
        .rev()
        .take_while(|&c| c == '.' || c == '…')
        .map(char::len_utf8)
        .sum()
}

fn trailing_punct_len(s: &str) -> usize {
    s.chars()
        .rev()
        .take_while(|&c| {
            matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '"' | '\'' | '”' | '’' | '>'
            )
        })
        .map(char::len_utf8)
        .sum()
}

/// URLs, e-mail addresses, domain names, @handles: kept whole.
pub(crate) fn looks_like_url_or_email(s: &str) -> bool {
    if !s.bytes().any(|b| matches!(b, b'.' | b'@' | b':')) {
        return false;
    }
    let starts =
        |p: &str| s.len() >= p.len() && s.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    if starts("http://") || starts("https://") || starts("www.") || starts("ftp://") {
        return true;
    }
    if let Some(at) = s.find('@') {
        let (user, host) = (&s[..at], &s[at + 1..]);
        return !user.is_empty()
            && user
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-'))
            && host.contains('.')
            && host
                .trim_end_matches(['.', ',', ';', ':', ')', '>'])
                .rsplit('.')
                .next()
                .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    }
    // bare domains: reuters.com, gov.uk/path
    let t = s.trim_end_matches(['.', ',', ';', ':', ')', '"', '\'']);
    let host = t.split('/').next().unwrap_or(t);
    if let Some(dot) = host.rfind('.') {
        let tld = &host[dot + 1..];
        let name = &host[..dot];
        return matches!(
            tld,
            "com"
                | "org"
                | "net"
                | "gov"
                | "edu"
                | "int"
                | "io"
                | "uk"
                | "fr"
                | "de"
                | "iq"
                | "info"
                | "mil"
        ) && !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
            && name.chars().any(|c| c.is_ascii_lowercase());
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        Tokenizer::default()
            .tokenize(s)
            .iter()
            .map(|t| t.span.slice(s))
            .collect()
    }

    #[test]
    fn splits_clitics_the_ud_way() {
        assert_eq!(toks("I don't know"), ["I", "do", "n't", "know"]);
        assert_eq!(
            toks("We can't, won't."),
            ["We", "ca", "n't", ",", "wo", "n't", "."]
        );
        assert_eq!(toks("the Army's plan"), ["the", "Army", "'s", "plan"]);
        assert_eq!(toks("France’s role"), ["France", "’s", "role"]);
        assert_eq!(toks("the Iranians' plan"), ["the", "Iranians", "'", "plan"]);
        assert_eq!(
            toks("They're here, I'm sure"),
            ["They", "'re", "here", ",", "I", "'m", "sure"]
        );
        assert_eq!(toks("you cannot go"), ["you", "can", "not", "go"]);
        assert_eq!(toks("O'Brien said"), ["O'Brien", "said"]);
    }

    #[test]
    fn keeps_abbreviations_initials_and_numbers() {
        assert_eq!(
            toks("the U.S. and Mr. Smith"),
            ["the", "U.S.", "and", "Mr.", "Smith"]
        );
        assert_eq!(toks("Jennifer M. Anderson"), ["Jennifer", "M.", "Anderson"]);
        assert_eq!(
            toks("Gen. Smith on Jan. 5"),
            ["Gen.", "Smith", "on", "Jan.", "5"]
        );
        assert_eq!(
            toks("3.5 percent of $1,000.50"),
            ["3.5", "percent", "of", "$", "1,000.50"]
        );
        assert_eq!(toks("rose 5% to 10."), ["rose", "5", "%", "to", "10", "."]);
        assert_eq!(toks("at 7 a.m. today"), ["at", "7", "a.m.", "today"]);
    }

    #[test]
    fn splits_punctuation_and_quotes() {
        assert_eq!(
            toks("He said, \"France's army.\""),
            ["He", "said", ",", "\"", "France", "'s", "army", ".", "\""]
        );
        assert_eq!(
            toks("Parly (left) affirmed"),
            ["Parly", "(", "left", ")", "affirmed"]
        );
        assert_eq!(
            toks("has not Over yet. \""),
            ["has", "not", "Over", "yet", ".", "\""]
        );
        assert_eq!(
            toks("“Yes,” he said…"),
            ["“", "Yes", ",", "”", "he", "said", "…"]
        );
        assert_eq!(toks("wait... what?!"), ["wait", "...", "what", "?!"]);
    }

    #[test]
    fn hyphens_dashes_and_slashes() {
        assert_eq!(toks("Al-Kazemi met"), ["Al", "-", "Kazemi", "met"]);
        assert_eq!(
            toks("Jean-Yves Le Drian"),
            ["Jean", "-", "Yves", "Le", "Drian"]
        );
        assert_eq!(
            toks("an e-mail and co-workers"),
            ["an", "e-mail", "and", "co-workers"]
        );
        assert_eq!(toks("call 713-853-3989"), ["call", "713-853-3989"]);
        assert_eq!(toks("and/or"), ["and", "/", "or"]);
        assert_eq!(toks("war -- again"), ["war", "--", "again"]);
        assert_eq!(toks("war—again"), ["war", "—", "again"]);
    }

    #[test]
    fn units_negations_emoticons_and_decorations() {
        assert_eq!(
            toks("a 375mm gun at 10am"),
            ["a", "375", "mm", "gun", "at", "10", "am"]
        );
        assert_eq!(toks("the 1990s and 2nd"), ["the", "1990s", "and", "2nd"]);
        assert_eq!(toks("i dont know"), ["i", "do", "nt", "know"]);
        assert_eq!(toks("its dog"), ["its", "dog"]);
        assert_eq!(toks("fine :-) ok"), ["fine", ":-)", "ok"]);
        assert_eq!(toks("wow !!! ----=="), ["wow", "!!!", "----=="]);
        assert_eq!(
            toks("The U.S.-led coalition"),
            ["The", "U.S.", "-", "led", "coalition"]
        );
        assert_eq!(
            toks("1969-1970 and 646-8420"),
            ["1969", "-", "1970", "and", "646-8420"]
        );
        assert_eq!(toks("past...and"), ["past", "...", "and"]);
        assert_eq!(toks("Baltimore,MD"), ["Baltimore", ",", "MD"]);
    }

    #[test]
    fn swar_letter_prefix_matches_the_plain_definition() {
        let samples: [&[u8; 8]; 6] = [
            b"abcdefgh",
            b"abc defg",
            b"ABCxyz{a",
            b"Zz@`[azA",
            b"ab\xc3\xa9cdef",
            b"1abcdefg",
        ];
        for s in samples {
            let want = s.iter().take_while(|b| b.is_ascii_alphabetic()).count();
            assert_eq!(letters_prefix(u64::from_le_bytes(*s)), want, "{s:?}");
        }
        // every single byte value in every position
        for pos in 0..8 {
            for b in 0..=255u8 {
                let mut s = *b"abcdefgh";
                s[pos] = b;
                let want = s.iter().take_while(|b| b.is_ascii_alphabetic()).count();
                assert_eq!(letters_prefix(u64::from_le_bytes(s)), want, "{s:?}");
            }
        }
    }

    #[test]
    fn urls_and_emails_stay_whole() {
        assert_eq!(
            toks("see https://example.com/a?b=c."),
            ["see", "https://example.com/a?b=c", "."]
        );
        assert_eq!(
            toks("mail jane.doe@example.org, now"),
            ["mail", "jane.doe@example.org", ",", "now"]
        );
        assert_eq!(toks("(www.reuters.com)"), ["(", "www.reuters.com", ")"]);
    }

    #[test]
    fn spans_slice_back_and_space_after_is_set() {
        let s = "  Iraq’s PM\tsaid:\u{a0}“no.”  ";
        let t = Tokenizer::default().tokenize(s);
        for tok in &t {
            assert!(!tok.span.slice(s).trim().is_empty());
        }
        let words: Vec<_> = t.iter().map(|x| x.span.slice(s)).collect();
        assert_eq!(
            words,
            ["Iraq", "’s", "PM", "said", ":", "“", "no", ".", "”"]
        );
        assert!(!t[0].space_after && t[1].space_after && !t[3].space_after);
    }
}
