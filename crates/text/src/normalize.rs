//! Normalized forms for matching, with offsets back to the original text.
//!
//! Dictionaries match on a folded form of the text: NFC, lowercase,
//! diacritics removed, curly quotes and apostrophes made straight, dashes
//! made `-`. The original text is never changed: [`NormalizedText`] keeps, for
//! every byte of the folded copy, the byte of the original it came from.

use unicode_normalization::char::{canonical_combining_class, decompose_canonical};
use unicode_normalization::UnicodeNormalization;

/// Folds one character into `out`: quotes, dashes, case and diacritics.
fn fold_char(c: char, out: &mut String) {
    match c {
        '‘' | '’' | 'ʼ' | '′' | '`' | '´' => out.push('\''),
        '“' | '”' | '„' | '″' | '«' | '»' => out.push('"'),
        '–' | '—' | '―' | '‒' | '−' | '‐' | '‑' => out.push('-'),
        '\u{a0}' | '\u{2009}' | '\u{202f}' => out.push(' '),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => {
            let mut base = String::new();
            decompose_canonical(c, |d| {
                if canonical_combining_class(d) == 0 {
                    base.push(d);
                }
            });
            for b in base.chars() {
                match b {
                    'ß' => out.push_str("ss"),
                    'æ' | 'Æ' => out.push_str("ae"),
                    'œ' | 'Œ' => out.push_str("oe"),
                    'ø' | 'Ø' => out.push('o'),
                    'ł' | 'Ł' => out.push('l'),
                    'đ' | 'Đ' => out.push('d'),
                    'ı' => out.push('i'),
                    b => out.extend(b.to_lowercase()),
                }
            }
        }
    }
}

/// The folded form of a token or phrase: `"Al-Kāẓimī’s"` → `"al-kazimi's"`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Appends the folded form of `s` to `out` (reuses the buffer's allocation).
pub fn fold_into(s: &str, out: &mut String) {
    if s.bytes().all(|b| b.is_ascii() && b != b'`') {
        out.extend(s.bytes().map(|b| b.to_ascii_lowercase() as char));
        return;
    }
    for c in s.nfc() {
        fold_char(c, out);
    }
}

/// Text in NFC, without case folding: what a reader sees, canonically encoded.
pub fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// A folded copy of a text with a map back to the original's byte offsets.
#[derive(Debug, Clone, Default)]
pub struct NormalizedText {
    /// The folded text.
    pub text: String,
    /// `map[i]` is the original byte where folded byte `i` came from;
    /// `map[text.len()]` is the original length.
    pub map: Vec<u32>,
}

impl NormalizedText {
    /// Folds `original`, recording offsets.
    pub fn new(original: &str) -> NormalizedText {
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        let mut buf = String::new();
        for (i, c) in original.char_indices() {
            buf.clear();
            fold_char(c, &mut buf);
            // combining marks after a base letter vanish; they map nowhere
            text.push_str(&buf);
            map.extend(std::iter::repeat_n(i as u32, buf.len()));
        }
        map.push(original.len() as u32);
        NormalizedText { text, map }
    }

    /// The original byte range of folded range `s..e`.
    pub fn original_range(&self, s: usize, e: usize) -> std::ops::Range<usize> {
        let start = self.map.get(s).copied().unwrap_or(0) as usize;
        let end = if e == 0 {
            start
        } else {
            // end of the original character that produced folded byte e-1
            let last = self.map.get(e - 1).copied().unwrap_or(0) as usize;
            self.map[e..]
                .iter()
                .find(|&&m| m as usize > last)
                .map_or(last, |&m| m as usize)
        };
        start..end.max(start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_quotes_dashes_and_diacritics() {
        assert_eq!(fold("Al-Kāẓimī’s"), "al-kazimi's");
        assert_eq!(fold("“Québec”—Ünited"), "\"quebec\"-united");
        assert_eq!(fold("STRASSE straße"), "strasse strasse");
        // NFD input folds like NFC input
        assert_eq!(fold("Caf\u{65}\u{301}"), fold("Café"));
    }

    #[test]
    fn maps_back_to_original_offsets() {
        let orig = "Le Drian’s visit to Québec";
        let n = NormalizedText::new(orig);
        let at = n.text.find("quebec").unwrap();
        let r = n.original_range(at, at + "quebec".len());
        assert_eq!(&orig[r], "Québec");
        let at = n.text.find("drian's").unwrap();
        assert_eq!(&orig[n.original_range(at, at + 7)], "Drian’s");
    }
}
