//! Helpers shared by the PETRARCH dictionary tests.

use khaldun_actors::Matcher;
use khaldun_events::record::EventActor;
use khaldun_events::{Coder, Patterns};
use khaldun_types::Document;
use std::collections::BTreeSet;

/// (source, target, code) of each event.
pub type Triples = BTreeSet<(String, String, String)>;

/// The events of `text` (dated 2001-01-01) coded with `patterns` over
/// `matcher`, as (source, target, code).
pub fn triples(matcher: &Matcher, patterns: &Patterns, lists: bool, text: &str) -> Triples {
    let mut coder = Coder::new(matcher);
    coder.patterns = patterns;
    coder.options.agent_over_lists = lists;
    let doc = Document {
        id: "t".into(),
        date: Some("2001-01-01".into()),
        text: text.into(),
        ..Default::default()
    };
    let name = |a: &Option<EventActor>| a.as_ref().map_or(String::new(), |a| a.code.clone());
    coder
        .code(&doc, None)
        .events
        .iter()
        .map(|e| (name(&e.source), name(&e.target), e.cameo.clone()))
        .collect()
}
