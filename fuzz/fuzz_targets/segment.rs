//! Arbitrary text through the segmenter: every span must be in bounds, on
//! character boundaries and properly nested (tokens in sentences, sentences in
//! paragraphs), tokens non-empty and in order.
#![no_main]

use khaldun_text::Segmenter;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let seg = Segmenter::default().segment(text);
    let ok = |s: khaldun_types::Span| {
        s.start <= s.end
            && s.end as usize <= text.len()
            && text.is_char_boundary(s.start as usize)
            && text.is_char_boundary(s.end as usize)
    };
    let mut prev_par = 0;
    for p in &seg.paragraphs {
        assert!(ok(p.span) && !p.span.is_empty(), "paragraph {:?}", p.span);
        assert!(p.span.start >= prev_par, "paragraphs out of order");
        prev_par = p.span.end;
        if let Some(d) = p.dateline {
            assert!(
                ok(d) && p.span.contains(d),
                "dateline {d:?} in {:?}",
                p.span
            );
        }
    }
    let mut prev_tok = 0;
    let mut prev_par_ix = 0;
    for s in &seg.sentences {
        assert!(ok(s.span) && !s.span.is_empty(), "sentence {:?}", s.span);
        assert!(!s.tokens.is_empty(), "sentence {:?} without tokens", s.span);
        let p = seg
            .paragraphs
            .get(s.paragraph as usize)
            .expect("sentence names a missing paragraph");
        assert!(
            s.paragraph >= prev_par_ix,
            "sentences out of paragraph order"
        );
        prev_par_ix = s.paragraph;
        assert!(
            p.span.contains(s.span),
            "sentence {:?} outside {:?}",
            s.span,
            p.span
        );
        for t in &s.tokens {
            assert!(ok(t.span) && !t.span.is_empty(), "token {:?}", t.span);
            assert!(t.span.start >= prev_tok, "token {:?} out of order", t.span);
            assert!(
                s.span.contains(t.span),
                "token {:?} outside {:?}",
                t.span,
                s.span
            );
            prev_tok = t.span.end;
        }
    }
});
