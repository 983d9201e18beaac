//! Per-token string hashes and the feature templates of the POS and NER
//! models. Each word is analysed once per sentence ([`analyze`]); templates
//! then only combine precomputed `u64` hashes, so extraction allocates nothing.

use crate::gazetteer::GazTok;
use crate::hash::{bytes, int, key1, key2};

/// Precomputed hashes of one token's strings.
#[derive(Clone, Copy, Default)]
pub(crate) struct Tok {
    /// Exact form.
    pub(crate) word: u64,
    /// Lowercased form, ASCII digits mapped to `0`.
    pub(crate) lower: u64,
    /// Lowercased prefixes of 1..=4 chars (the whole word when shorter).
    pub(crate) pre: [u64; 4],
    /// Lowercased suffixes of 1..=4 chars.
    pub(crate) suf: [u64; 4],
    /// Word shape, runs of a character class cut at two (`Baghdad` -> `Xxx`).
    pub(crate) shape: u64,
    /// Bit flags, see [`flags`].
    pub(crate) flags: u64,
    /// Lexicon ambiguity class (POS tagger only; 0 elsewhere).
    pub(crate) lex: u64,
    /// POS tagger only: for a capitalised word, how its lowercased form is
    /// tagged when written in lowercase in training (see
    /// [`low_hash`]); a constant for other words.
    pub(crate) low: u64,
}

const PAD_BEFORE: u64 = 0x1234_5678_9abc_def0;
const PAD_AFTER: u64 = 0x0fed_cba9_8765_4321;

fn pad(h: u64) -> Tok {
    Tok {
        word: h,
        lower: h,
        pre: [h; 4],
        suf: [h; 4],
        shape: h,
        flags: h,
        lex: h,
        low: h,
    }
}

fn flags(w: &str) -> u64 {
    let mut f = 0u64;
    let mut letters = 0;
    let mut upper = 0;
    for c in w.chars() {
        if c.is_numeric() {
            f |= 1;
        } else if c == '-' {
            f |= 2;
        } else if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                upper += 1;
            }
        }
        if !c.is_ascii() {
            f |= 4;
        }
    }
    if w.chars().next().is_some_and(char::is_uppercase) {
        f |= 8;
    }
    if letters > 1 && upper == letters {
        f |= 16;
    }
    if letters == 0 {
        f |= 32;
    }
    int(f)
}

/// Analyses a sentence. `lower` is scratch space reused across calls.
pub(crate) fn analyze(words: &[&str], lower: &mut String, out: &mut Vec<Tok>) {
    out.clear();
    out.extend(words.iter().map(|w| analyze_word(w, lower)));
}

/// Lowercases `w` into `lower`, ASCII digits mapped to `0`.
pub(crate) fn lower_into(w: &str, lower: &mut String) {
    lower.clear();
    for c in w.chars() {
        if c.is_ascii_digit() {
            lower.push('0');
        } else if c.is_ascii() {
            lower.push(c.to_ascii_lowercase());
        } else {
            lower.extend(c.to_lowercase());
        }
    }
}

/// Analyses one word (position-independent); leaves `lower` holding its
/// lowercased form.
pub(crate) fn analyze_word(w: &str, lower: &mut String) -> Tok {
    lower_into(w, lower);
    let mut t = Tok {
        word: bytes(w.as_bytes()),
        lower: bytes(lower.as_bytes()),
        flags: flags(w),
        ..Tok::default()
    };
    // Prefixes and suffixes by chars, not bytes.
    let l = lower.as_str();
    let mut ends = l.char_indices().map(|(b, c)| b + c.len_utf8());
    for n in 0..4 {
        let e = ends.next().unwrap_or(l.len());
        t.pre[n] = bytes(&l.as_bytes()[..e]) ^ n as u64;
    }
    let mut starts = l.char_indices().rev().map(|(b, _)| b);
    for n in 0..4 {
        let s = starts.next().unwrap_or(0);
        t.suf[n] = bytes(&l.as_bytes()[s..]) ^ (n as u64) << 8;
    }
    t.shape = shape_hash(w);
    t
}

/// Hash of a lowercase-usage code for [`Tok::low`]: 0 for a word that does
/// not start with a capital, 1 for a capitalised word whose lowercased form
/// never occurs in lowercase in training, else `2 + code`.
pub(crate) fn low_hash(code: u32) -> u64 {
    int(u64::from(code) + 0x20_0000)
}

/// Hash of a lexicon class for [`Tok::lex`].
pub(crate) fn lex_hash(c: u16) -> u64 {
    int(u64::from(c) + 0x10_0000)
}

fn shape_hash(w: &str) -> u64 {
    let mut buf = [0u8; 24];
    let mut n = 0;
    let mut last = 0u8;
    let mut run = 0;
    for c in w.chars() {
        let k = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'?'
        };
        if k == last {
            run += 1;
        } else {
            run = 1;
            last = k;
        }
        if run <= 2 && n < buf.len() {
            buf[n] = k;
            n += 1;
        }
    }
    bytes(&buf[..n])
}

#[inline]
fn at(toks: &[Tok], i: isize) -> Tok {
    if i < 0 {
        pad(PAD_BEFORE)
    } else {
        toks.get(i as usize).copied().unwrap_or(pad(PAD_AFTER))
    }
}

/// Tag value used for positions outside the sentence.
pub(crate) const NO_TAG: u16 = u16::MAX;

#[inline]
fn tag(t: u16) -> u64 {
    int(u64::from(t) + 0x100)
}

/// Positions whose static features are summed into a token's score: the
/// word itself, then as the word at -1, +1, -2, +2 of the scored token.
pub(crate) const ROLES: usize = 5;

/// Static POS templates of `t` in role `role` (see [`ROLES`]): they depend
/// on one word only, so the tagger caches their summed weights per word type.
pub(crate) fn pos_role(t: &Tok, role: usize, out: &mut Vec<u32>) {
    pos_role_drop(t, role, false, out)
}

/// [`pos_role`], leaving out the word-identity templates of role 0 when
/// `drop` is set (training: makes a rare word look unknown).
pub(crate) fn pos_role_drop(t: &Tok, role: usize, drop: bool, out: &mut Vec<u32>) {
    match role {
        0 if drop => out.extend_from_slice(&[
            key1(0, 0),
            key1(3, t.suf[0]),
            key1(4, t.suf[1]),
            key1(5, t.suf[2]),
            key1(6, t.suf[3]),
            key1(7, t.pre[0]),
            key1(8, t.pre[1]),
            key1(9, t.pre[2]),
            key1(10, t.shape),
            key1(11, t.flags),
            key1(50, t.lex),
            key2(51, t.lex, t.suf[1]),
            key2(52, t.lex, t.shape),
            key1(62, t.low),
            key2(63, t.low, t.lex),
            key2(68, t.low, t.suf[1]),
        ]),
        0 => out.extend_from_slice(&[
            key1(0, 0),
            key1(1, t.lower),
            key1(2, t.word),
            key1(3, t.suf[0]),
            key1(4, t.suf[1]),
            key1(5, t.suf[2]),
            key1(6, t.suf[3]),
            key1(7, t.pre[0]),
            key1(8, t.pre[1]),
            key1(9, t.pre[2]),
            key1(10, t.shape),
            key1(11, t.flags),
            key2(27, t.flags, t.lower),
            key1(50, t.lex),
            key2(51, t.lex, t.suf[1]),
            key2(52, t.lex, t.shape),
            key1(62, t.low),
            key2(63, t.low, t.lex),
            key2(68, t.low, t.suf[1]),
        ]),
        1 => out.extend_from_slice(&[
            key1(12, t.lower),
            key1(16, t.suf[2]),
            key1(25, t.shape),
            key1(56, t.lex),
        ]),
        2 => out.extend_from_slice(&[
            key1(13, t.lower),
            key1(17, t.suf[2]),
            key1(24, t.shape),
            key1(29, t.suf[1]),
            key1(55, t.lex),
        ]),
        3 => out.extend_from_slice(&[key1(14, t.lower), key1(58, t.shape)]),
        _ => out.extend_from_slice(&[
            key1(15, t.lower),
            key1(57, t.shape),
            key1(59, t.lex),
            key1(60, t.suf[2]),
        ]),
    }
}

/// Offsets of the role positions relative to the scored token.
pub(crate) const ROLE_OFFSETS: [isize; ROLES] = [0, -1, 1, -2, 2];

/// Dynamic POS templates for token `i` (predicted tags, word pairs,
/// sentence start). `left` holds the predicted tags of `i-1` and `i-2`;
/// `right`, in the second pass, the first-pass tags of `i+1`, `i+2`.
/// Appends to `out`.
pub(crate) fn pos_dynamic(
    toks: &[Tok],
    i: usize,
    left: [u16; 2],
    right: Option<[u16; 2]>,
    out: &mut Vec<u32>,
) {
    pos_dynamic_drop(toks, i, left, right, false, out)
}

/// [`pos_dynamic`], leaving out the templates with the word's own form when
/// `drop` is set (training only).
pub(crate) fn pos_dynamic_drop(
    toks: &[Tok],
    i: usize,
    left: [u16; 2],
    right: Option<[u16; 2]>,
    drop: bool,
    out: &mut Vec<u32>,
) {
    let ii = i as isize;
    let (w, p1, n1, n2) = (
        at(toks, ii),
        at(toks, ii - 1),
        at(toks, ii + 1),
        at(toks, ii + 2),
    );
    let (t1, t2) = (tag(left[0]), tag(left[1]));
    out.extend_from_slice(&[
        key1(18, t1),
        key1(19, t2),
        key2(20, t1, t2),
        key2(26, t1, w.suf[2]),
        key2(28, n1.lower, n2.lower),
        key2(61, t1, n1.lex),
        key2(64, t1, w.low),
    ]);
    if !drop {
        out.extend_from_slice(&[
            key2(21, t1, w.lower),
            key2(22, p1.lower, w.lower),
            key2(23, w.lower, n1.lower),
        ]);
    }
    if i == 0 {
        out.extend_from_slice(&[
            key1(53, w.shape),
            key2(65, w.low, w.lex),
            key2(66, w.low, n1.lower),
        ]);
        if !drop {
            out.push(key1(54, w.lower));
        }
    }
    if let Some(r) = right {
        let (r1, r2) = (tag(r[0]), tag(r[1]));
        out.extend_from_slice(&[
            key1(40, r1),
            key1(41, r2),
            key2(42, r1, r2),
            key2(44, t1, r1),
            key2(45, r1, w.suf[2]),
            key2(46, r1, w.lex),
            key2(67, r1, w.low),
        ]);
        if !drop {
            out.extend_from_slice(&[
                key2(43, r1, w.lower),
                key2(72, w.lower, r1 ^ r2.rotate_left(9)),
                key2(73, t1 ^ r1.rotate_left(9), w.lower),
            ]);
        }
    }
}

/// All POS keys of token `i` (static roles, then dynamic), for training.
pub(crate) fn pos(
    toks: &[Tok],
    i: usize,
    left: [u16; 2],
    right: Option<[u16; 2]>,
    drop: bool,
    out: &mut Vec<u32>,
) {
    out.clear();
    pos_dynamic_drop(toks, i, left, right, drop, out);
    for (role, off) in ROLE_OFFSETS.iter().enumerate() {
        pos_role_drop(&at(toks, i as isize + off), role, drop, out);
    }
}

/// The padding token before (`false`) or after (`true`) a sentence.
pub(crate) fn pad_tok(after: bool) -> Tok {
    pad(if after { PAD_AFTER } else { PAD_BEFORE })
}

/// What the NER templates read for one sentence.
#[derive(Clone, Copy)]
pub(crate) struct NerInput<'a> {
    pub(crate) toks: &'a [Tok],
    /// Hashes of the UPOS tags.
    pub(crate) upos: &'a [u64],
    /// Caller's gazetteer bits.
    pub(crate) gaz: &'a [u8],
    /// Builtin word-list bits (`ner::list_bits`).
    pub(crate) bits: &'a [u8],
    /// Capitalisation codes (`ner::cap_codes`).
    pub(crate) cap: &'a [u16],
    /// Builtin gazetteer matches.
    pub(crate) gz: &'a [GazTok],
}

/// The NER templates of token `i` that read the predicted BIO tags `left`
/// (of `i-1`, `i-2`), appended to `out`.
pub(crate) fn ner_dynamic(x: &NerInput<'_>, i: usize, left: [u16; 2], out: &mut Vec<u32>) {
    let NerInput {
        toks,
        upos,
        gaz,
        bits,
        ..
    } = *x;
    let ii = i as isize;
    let (w, n1) = (at(toks, ii), at(toks, ii + 1));
    let u0 = upos.get(i).copied().unwrap_or(PAD_AFTER);
    let g0 = gaz.get(i).map_or(PAD_AFTER, |&b| int(u64::from(b)));
    let b0 = bits
        .get(i)
        .map_or(PAD_AFTER, |&x| int(u64::from(x) + 0x300));
    let (t1, t2) = (tag(left[0]), tag(left[1]));
    out.extend_from_slice(&[
        key1(117, t1),
        key2(118, t1, t2),
        key2(119, t1, u0),
        key2(120, t1, w.shape),
        key2(127, g0, t1),
        key2(133, t1, w.lower),
        key2(144, b0, t1),
        key2(149, t1, n1.shape),
    ]);
}

/// The NER templates of token `i` that do not read predicted tags, appended
/// to `out`.
pub(crate) fn ner_static(x: &NerInput<'_>, i: usize, out: &mut Vec<u32>) {
    let NerInput {
        toks,
        upos,
        gaz,
        bits,
        cap,
        gz,
    } = *x;
    let ii = i as isize;
    let (w, p1, p2, n1, n2) = (
        at(toks, ii),
        at(toks, ii - 1),
        at(toks, ii - 2),
        at(toks, ii + 1),
        at(toks, ii + 2),
    );
    let u = |j: isize| -> u64 {
        if j < 0 {
            PAD_BEFORE
        } else {
            upos.get(j as usize).copied().unwrap_or(PAD_AFTER)
        }
    };
    let g = |j: isize| -> u64 {
        if j < 0 {
            PAD_BEFORE
        } else {
            gaz.get(j as usize)
                .map_or(PAD_AFTER, |&b| int(u64::from(b)))
        }
    };
    let b = |j: isize| -> u64 {
        if j < 0 {
            PAD_BEFORE
        } else {
            bits.get(j as usize)
                .map_or(PAD_AFTER, |&x| int(u64::from(x) + 0x300))
        }
    };
    let (u0, up, un) = (u(ii), u(ii - 1), u(ii + 1));
    out.extend_from_slice(&[
        key1(100, 0),
        key1(101, w.lower),
        key1(102, w.word),
        key1(103, w.suf[2]),
        key1(104, w.suf[3]),
        key1(105, w.pre[2]),
        key1(106, w.shape),
        key1(107, w.flags),
        key1(108, p1.lower),
        key1(109, n1.lower),
        key1(110, p2.lower),
        key1(111, n2.lower),
        key1(112, u0),
        key1(113, up),
        key1(114, un),
        key2(115, up, u0),
        key2(116, u0, un),
        key2(121, w.lower, u0),
        key1(122, p1.shape),
        key1(123, n1.shape),
        key2(124, p1.lower, w.lower),
        key2(125, w.lower, n1.lower),
        key1(126, g(ii)),
        key1(128, g(ii - 1)),
        key1(129, g(ii + 1)),
        key2(130, w.shape, u0),
        key1(131, p1.word),
        key1(132, n1.word),
        key1(134, u(ii - 2)),
        key1(135, u(ii + 2)),
        key1(136, u64::from(i == 0)),
        key1(140, b(ii)),
        key2(141, b(ii), w.shape),
        key1(142, b(ii + 1)),
        key1(143, b(ii - 1)),
        key2(145, b(ii), u0),
        key2(146, b(ii - 1), b(ii + 1)),
        key2(147, w.shape, n1.shape),
        key2(148, p1.shape, w.shape),
    ]);
    // Builtin gazetteer: the longest name covering the word (categories,
    // position, capitalisation), alone, with the UPOS and per category; the
    // categories of the word alone, alone and with its shape.
    let z = gz.get(i).copied().unwrap_or_default();
    if z.span != 0 {
        let span = int(u64::from(z.span) + 0x40_0000);
        out.extend_from_slice(&[key1(150, span), key2(151, span, u0)]);
        let rest = u64::from(z.span >> 16);
        let mut cats = z.span & 0xffff;
        while cats != 0 {
            let b = u64::from(cats.trailing_zeros());
            out.push(key1(152, int(b | rest << 8)));
            cats &= cats - 1;
        }
    }
    if z.uni != 0 {
        let uni = int(u64::from(z.uni) + 0x50_0000);
        out.extend_from_slice(&[key1(153, uni), key2(154, uni, w.shape)]);
    }
    // Capitalisation code: run length and position, WordNet class of the
    // lowercased form, sentence-initial, all capitals, as one value.
    let c = cap.get(i).copied().unwrap_or(0);
    if c != 0 {
        out.push(key1(159, int(u64::from(c) + 0x80_0000)));
    }
}
