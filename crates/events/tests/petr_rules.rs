//! How khaldun reads the conventions of a PETRARCH2 verb dictionary, each
//! rule on a small dictionary written here, coded with the actors of the
//! `PETR.Validate` dictionaries (`../shared/data/petrarch2`). Skipped, with
//! the reason printed, when those are absent.

mod common;

use khaldun_events::petr_unittest::Dictionaries;
use khaldun_events::Patterns;
use std::collections::BTreeSet;
use std::path::Path;

fn dictionaries() -> Option<Dictionaries> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/petrarch2");
    if !dir.join("PETR.Validate.actors.txt").exists() {
        eprintln!(
            "skipped: the PETR.Validate dictionaries in {} are absent",
            dir.display()
        );
        return None;
    }
    Some(Dictionaries::read(&dir).unwrap())
}

/// (source, target, code) of each event of `text` under the verb patterns `verbs`.
fn code(d: &Dictionaries, verbs: &str, text: &str) -> BTreeSet<(String, String, String)> {
    let mut p = Patterns::builtin_rules().unwrap();
    let w = p.read_petrarch_verbs(verbs, "verbs.txt").unwrap();
    assert!(w.is_empty(), "{w:?}");
    common::triples(&d.matcher, &p, true, text)
}

fn one(s: &str, t: &str, c: &str) -> BTreeSet<(String, String, String)> {
    [(s.to_string(), t.to_string(), c.to_string())].into()
}

const JOINED: &str = "\
&KINDS
+NAVAL
+FISHING

--- PRAISE [051] ---
PRAISE
- * &KINDS_PACT [057]
- * TRADE TREATY [058]
- NOT_EVER * [112]
- NOT * [111]
";

#[test]
fn underscore_joined_words_are_consecutive() {
    let Some(d) = dictionaries() else { return };
    let c = |t: &str| code(&d, JOINED, t);
    assert_eq!(
        c("Arnor praised the naval pact with Gondor."),
        one("ARN", "GON", "057")
    );
    // a word between "naval" and "pact": the joined pattern does not apply
    assert_eq!(
        c("Arnor praised the naval defence pact with Gondor."),
        one("ARN", "GON", "051")
    );
    // words separated by a space may have others between them
    assert_eq!(
        c("Arnor praised the trade and security treaty with Gondor."),
        one("ARN", "GON", "058")
    );
    // before the verb too
    assert_eq!(
        c("Arnor did not ever praise Gondor."),
        one("ARN", "GON", "112")
    );
    assert_eq!(
        c("Arnor did not really ever praise Gondor."),
        one("ARN", "GON", "111")
    );
}

const WELCOME: &str = "\
--- WELCOME [041] ---
WELCOME
- * LETTERS_ON_NAVAL [057]
";

#[test]
fn joined_words_need_no_tree_relation() {
    let Some(d) = dictionaries() else { return };
    // "naval" hangs three levels below the verb, but follows "letters on"
    assert_eq!(
        code(
            &d,
            WELCOME,
            "Arnor welcomed letters on naval questions to Gondor."
        ),
        one("ARN", "GON", "057")
    );
}

#[test]
fn the_default_target_may_sit_in_a_participle_on_the_object() {
    let Some(d) = dictionaries() else { return };
    assert_eq!(
        code(&d, WELCOME, "Arnor welcomed the letters written by Gondor."),
        one("ARN", "GON", "041")
    );
}

const PRAISE: &str = "\
--- PRAISE [051] ---
PRAISE
- * TRADE DEAL [058]
- * VERY_FRIENDLY [057]
";

#[test]
fn words_after_the_verb_are_anywhere_in_its_phrase_in_written_order() {
    let Some(d) = dictionaries() else { return };
    let c = |t: &str| code(&d, PRAISE, t);
    // "very" hangs three levels below "praised"
    assert_eq!(
        c("Arnor praised that Gondor had been a very friendly neighbour."),
        one("ARN", "GON", "057")
    );
    assert_eq!(
        c("Arnor praised the trade deal with Gondor."),
        one("ARN", "GON", "058")
    );
    // the words in the other order
    assert_eq!(
        c("Arnor praised the deal on trade with Gondor."),
        one("ARN", "GON", "051")
    );
}

#[test]
fn a_possessive_pronoun_is_passed_over_for_the_actor_further_on() {
    let Some(d) = dictionaries() else { return };
    let got = code(
        &d,
        WELCOME,
        "Arnor and Rohan welcomed their renewal of trade ties with Gondor.",
    );
    let want: BTreeSet<_> = [
        ("ARN".to_string(), "GON".to_string(), "041".to_string()),
        ("ROH".into(), "GON".into(), "041".into()),
    ]
    .into();
    assert_eq!(got, want);
}

#[test]
fn an_agent_joins_the_country_it_is_from() {
    let Some(d) = dictionaries() else { return };
    let attack = "--- ATTACK [190] ---\nATTACK\n";
    assert_eq!(
        code(&d, attack, "Soldiers from Arnor attacked Gondor on Monday."),
        one("ARNMIL", "GON", "190")
    );
}

/// "Rohan welcomed its decision", parsed by hand, "its" standing for
/// another actor than the subject.
#[test]
fn a_possessive_pronoun_alone_is_no_default_target() {
    use khaldun_analysis::{AnalyzedSentence, Word};
    let text = "Rohan welcomed its decision";
    let mut at = 0u32;
    let words = [
        ("Rohan", "Rohan", "PROPN", 2, "nsubj"),
        ("welcomed", "welcome", "VERB", 0, "root"),
        ("its", "its", "PRON", 4, "nmod:poss"),
        ("decision", "decision", "NOUN", 2, "obj"),
    ]
    .iter()
    .map(|&(form, lemma, upos, head, deprel)| {
        let start = at;
        at += form.len() as u32 + 1;
        Word {
            span: khaldun_types::Span::new(start, start + form.len() as u32),
            lemma: lemma.into(),
            upos,
            xpos: "_",
            feats: "_",
            head,
            deprel,
        }
    })
    .collect();
    let a = AnalyzedSentence {
        words,
        entities: Vec::new(),
    };
    let party = |k: usize, actor: usize| khaldun_events::Party {
        tokens: k..k + 1,
        head: k,
        actor,
        place: false,
        person: false,
        several: false,
        country: None,
    };
    let mut p = Patterns::builtin_rules().unwrap();
    p.read_petrarch_verbs(WELCOME, "verbs.txt").unwrap();
    let coded = khaldun_events::code_sentence(&p, text, &a, &[party(0, 0), party(2, 1)]);
    assert!(coded.is_empty(), "{coded:?}");
}

const SANCTION: &str = "\
&ARMS
+MISSILE
+ROCKET_

--- CONDEMN [122] ---
CONDEMN
- * &ARMS [138]
- * TREATY [057]
";

#[test]
fn pattern_words_match_as_written_and_synset_members_with_their_plural() {
    let Some(d) = dictionaries() else { return };
    let c = |t: &str| code(&d, SANCTION, t);
    assert_eq!(
        c("Arnor condemned the missiles of Gondor."),
        one("ARN", "GON", "138")
    );
    // a member ending in `_` takes no plural
    assert_eq!(
        c("Arnor condemned the rockets of Gondor."),
        one("ARN", "GON", "122")
    );
    assert_eq!(
        c("Arnor condemned the rocket of Gondor."),
        one("ARN", "GON", "138")
    );
    // a pattern word is its written form only
    assert_eq!(
        c("Arnor condemned the treaties with Gondor."),
        one("ARN", "GON", "122")
    );
}

#[test]
fn the_passive_subject_above_does_the_act_of_its_complement() {
    let Some(d) = dictionaries() else { return };
    let attack = "--- ATTACK [190] ---\nATTACK\n";
    assert_eq!(
        code(&d, attack, "Arnor was reported to attack Gondor on Monday."),
        one("ARN", "GON", "190")
    );
}

#[test]
fn a_target_written_as_subject_is_found_through_control() {
    let Some(d) = dictionaries() else { return };
    let join = "--- JOIN [040] ---\nJOIN\n- + * IN $ [075]\n";
    assert_eq!(
        code(&d, join, "Arnor was allowed to join in a Gondor march."),
        one("GON", "ARN", "075")
    );
}

const SAY: &str = "\
--- SAY [023] ---
SAY
SAID
--- RESTORE [064] ---
RESTORE
";

#[test]
fn the_default_target_follows_the_verb() {
    let Some(d) = dictionaries() else { return };
    // the clause before "said" is what is said, not whom it is said to
    assert_eq!(
        code(
            &d,
            SAY,
            "Arnor will restore ties with Gondor, a Bree official said today."
        ),
        one("ARN", "GON", "064")
    );
}

#[test]
fn the_default_target_is_the_first_actor_in_the_verb_phrase_however_deep() {
    let Some(d) = dictionaries() else { return };
    let vow = "--- VOW [170] ---\nVOW\n- * WAR [173]\n";
    assert_eq!(
        code(&d, vow, "Arnor vowed on Monday to wage war on Gondor."),
        one("ARN", "GON", "173")
    );
}

#[test]
fn a_passive_verb_without_a_by_agent_keeps_its_subject_as_source() {
    let Some(d) = dictionaries() else { return };
    let criticize = "--- CRITICIZE [121] ---\nCRITICIZE\n";
    assert_eq!(
        code(
            &d,
            criticize,
            "Arnor was criticized over its dispute with Gondor."
        ),
        one("ARN", "GON", "121")
    );
    // `+` before the verb is the subject as written
    let free = "--- FREE [066] ---\nFREE\n- + * FROM $ [066]\n";
    assert_eq!(
        code(&d, free, "Arnor was freed from Gondor on Monday."),
        one("GON", "ARN", "066")
    );
    // with a `by` agent the voice swaps as usual
    assert_eq!(
        code(&d, criticize, "Arnor was criticized by Gondor."),
        one("GON", "ARN", "121")
    );
}

#[test]
fn a_slot_after_a_noun_is_the_next_actor() {
    let Some(d) = dictionaries() else { return };
    let receive = "--- RECEIVE [033] ---\nRECEIVE\n- + * MONEY $ [071]\n";
    assert_eq!(
        code(
            &d,
            receive,
            "Arnor has received by courier money from Gondor."
        ),
        one("GON", "ARN", "071")
    );
}

#[test]
fn a_caret_skips_the_phrase_after_a_word() {
    let Some(d) = dictionaries() else { return };
    let celebrate = "--- CELEBRATE [181] ---\nCELEBRATE\n- * IFTAR IN ^ + [045]\n";
    assert_eq!(
        code(
            &d,
            celebrate,
            "Arnor has celebrated Iftar in Osgiliath with the leaders of Gondor."
        ),
        one("ARN", "GON", "045")
    );
}

#[test]
fn a_verb_conjoined_to_a_noun_shares_the_subject_of_the_clause_above() {
    let Some(d) = dictionaries() else { return };
    let verbs = "--- CONDEMN [122] ---\nCONDEMN\n--- PROMISE [050] ---\nPROMISE\n";
    // the parser hangs "promised" on "Thursday"
    let got = code(
        &d,
        verbs,
        "The Arnor government condemned an attack by Gondor soldiers in south Rohan on Thursday and promised aid to the affected Rohan villages.",
    );
    assert!(
        got.contains(&("ARNGOV".into(), "ROH".into(), "050".into())),
        "{got:?}"
    );
}

#[test]
fn a_by_agent_misparsed_onto_an_adverb_is_still_the_agent() {
    let Some(d) = dictionaries() else { return };
    let oppose = "--- OPPOSE [112] ---\nOPPOSE\n";
    assert_eq!(
        code(
            &d,
            oppose,
            "Arnor was opposed earlier by Gondor, the state's fiercest foe, in being drawn into the peace process."
        ),
        one("GON", "ARN", "112")
    );
}

#[test]
fn only_verbs_trigger_a_petrarch_pattern() {
    let Some(d) = dictionaries() else { return };
    let verbs = "--- CLOSE [---] ---\nCLOSE\n- * BORDER [192]\n--- MARCH [181] ---\nMARCH\n";
    // "close" is an adjective here
    assert_eq!(
        code(
            &d,
            verbs,
            "Arnor has marched very close to the border with Gondor."
        ),
        one("ARN", "GON", "181")
    );
}

const PLACEHOLDERS: &str = "\
--- RESTORE [064] ---
RESTORE
- * FULL DIPLOMATIC [+++]
- * DIPLOMATIC [0641]
- * TRADE [025?]
- * CULTURAL [064K]
--- BLAST [+++] ---
BLAST
";

#[test]
fn a_placeholder_code_is_passed_over() {
    let Some(d) = dictionaries() else { return };
    let c = |t: &str| code(&d, PLACEHOLDERS, t);
    assert_eq!(
        c("Arnor restored full diplomatic ties with Gondor."),
        one("ARN", "GON", "0641")
    );
    assert_eq!(
        c("Arnor restored trade ties with Gondor."),
        one("ARN", "GON", "064")
    );
    // a letter after the digits is a sub-code
    assert_eq!(
        c("Arnor restored cultural ties with Gondor."),
        one("ARN", "GON", "064K")
    );
    assert!(c("Arnor blasted Gondor.").is_empty());
}

#[test]
fn a_pronoun_is_no_default_target() {
    let Some(d) = dictionaries() else { return };
    let question = "--- QUESTION [---] ---\nQUESTION\n- BEGUN * [212]\n";
    // "he" is Sam Gamgee again: the target is the actor after it
    assert_eq!(
        code(
            &d,
            question,
            "Sam Gamgee has begun to question whether he really has much of a future with the Morgul Orcs."
        ),
        one("HOBCIV", "MRGORC", "212")
    );
}

#[test]
fn a_multi_word_verb_may_be_tagged_with_its_first_word_as_the_verb() {
    let Some(d) = dictionaries() else { return };
    let tap = "--- CONFISCATE [1711] ---\nCONFISCATE\nWIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}\n- WILL NOT * [081]\n";
    // the tagger makes "wire" the verb and "tap" its object
    assert_eq!(
        code(
            &d,
            tap,
            "Soldiers from Arnor will not wire tap the communication links leading into Gondor."
        ),
        one("ARNMIL", "GON", "081")
    );
}

#[test]
fn a_wrong_regular_ending_is_no_form_of_the_verb() {
    let Some(d) = dictionaries() else { return };
    let depart = "--- DEPART [032] ---\nDEPART\n";
    assert_eq!(
        code(&d, depart, "Arnor departs from Gondor on Monday."),
        one("ARN", "GON", "032")
    );
    assert!(code(&d, depart, "Arnor departes from Gondor on Monday.").is_empty());
}
