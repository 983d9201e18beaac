//! The tagger's runner-up tags as parser input: where the tagger hesitated
//! between two tags, the parser sees both (templates at the end of
//! `features.rs`), so that it can learn which tagging errors to distrust.
//! Training data carries the same information from the jackknifed taggers
//! (`AltXPOS=` in the MISC column, see [`crate::jackknife_tags`]).

use khaldun_tagger::{RunnerUp, Tagged, Tagger};

/// Tagger margin (best minus runner-up score, averaged-perceptron units)
/// below which a word's runner-up tag is passed on. On EWT dev, the 12% of
/// words below it hold 72% of the XPOS errors, and for two thirds of those
/// the runner-up is the right tag (`runner_up` example of `khaldun-tagger`).
pub const RUNNER_UP_MARGIN: f32 = 32.0;

/// The MISC attribute that holds a training word's runner-up XPOS.
pub(crate) const MISC_KEY: &str = "AltXPOS=";

/// Per word, the runner-up XPOS where the tagger's margin was below
/// [`RUNNER_UP_MARGIN`] and that tag differs from the chosen one, else `""`:
/// the `alt_xpos` of [`crate::Parser::parse_hedged_into`].
pub fn runner_up_xpos<'t>(
    tagger: &'t Tagger,
    tagged: &[Tagged<'_>],
    runner_up: &[RunnerUp],
    out: &mut Vec<&'t str>,
) {
    out.clear();
    out.extend(tagged.iter().enumerate().map(|(i, t)| {
        let Some(r) = runner_up.get(i).filter(|r| r.margin < RUNNER_UP_MARGIN) else {
            return "";
        };
        match tagger.class_tags(r.class) {
            Some((_, x)) if x != t.xpos => x,
            _ => "",
        }
    }));
}

/// A word's runner-up XPOS from its MISC column, or `""`.
pub(crate) fn from_misc(misc: &str) -> &str {
    misc.split('|')
        .find_map(|a| a.strip_prefix(MISC_KEY))
        .unwrap_or("")
}

/// Sets (or with `""` removes) the runner-up XPOS in a MISC column.
pub(crate) fn set_misc(misc: &mut String, alt: &str) {
    let mut parts: Vec<&str> = misc
        .split('|')
        .filter(|a| *a != "_" && !a.is_empty() && !a.starts_with(MISC_KEY))
        .collect();
    let own = format!("{MISC_KEY}{alt}");
    if !alt.is_empty() {
        parts.push(&own);
    }
    *misc = if parts.is_empty() {
        "_".to_string()
    } else {
        parts.join("|")
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misc_round_trips() {
        let mut m = "SpaceAfter=No".to_string();
        set_misc(&mut m, "VBN");
        assert_eq!(m, "SpaceAfter=No|AltXPOS=VBN");
        assert_eq!(from_misc(&m), "VBN");
        set_misc(&mut m, "");
        assert_eq!(m, "SpaceAfter=No");
        let mut m = "_".to_string();
        set_misc(&mut m, "NN");
        assert_eq!((m.as_str(), from_misc(&m)), ("AltXPOS=NN", "NN"));
        assert_eq!(from_misc("_"), "");
    }
}
