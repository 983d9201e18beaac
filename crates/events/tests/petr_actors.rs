//! How khaldun reads the conventions of PETRARCH2 actor and agent
//! dictionaries, each rule on small dictionaries written here.

mod common;

use khaldun_actors::petrarch::DictKind;
use khaldun_actors::PetrarchSet;
use khaldun_events::petr_unittest::Dictionaries;
use khaldun_events::Patterns;

const VERBS: &str = "\
--- WELCOME [041] ---
WELCOME
";

const AGENTS: &str = "\
OFFICIAL [~GOV]
LAWMAKER [~LEG]
AMBASSADOR [~GOV]
AMNESTY {} [NGO~]
RIGHTS_ACTIVIST [~OPP]
POLICE {} [~COP]
";

fn dictionaries(actors: &str, agents: &str) -> Dictionaries {
    let mut p = Patterns::builtin_rules().unwrap();
    let w = p.read_petrarch_verbs(VERBS, "verbs.txt").unwrap();
    assert!(w.is_empty(), "{w:?}");
    let mut set = PetrarchSet::new();
    set.read_str(DictKind::Actors, actors, "actors.txt");
    set.read_str(DictKind::Agents, agents, "agents.txt");
    assert!(set.warnings.is_empty(), "{:?}", set.warnings);
    Dictionaries::from_set(p, set).unwrap()
}

use common::Triples;

/// (source, target, code) of each event of `text`.
fn code(d: &Dictionaries, text: &str) -> Triples {
    common::triples(&d.matcher, &d.patterns, true, text)
}

fn set(t: &[(&str, &str, &str)]) -> Triples {
    t.iter()
        .map(|&(s, t, c)| (s.to_string(), t.to_string(), c.to_string()))
        .collect()
}

#[test]
fn a_name_with_several_codes_stands_for_several_actors() {
    let d = dictionaries(
        "NUMENOR [NUM]\nTHE_VALE [VAA/VAB]\nDORWINION [DWA/DWB]\n",
        AGENTS,
    );
    assert_eq!(
        code(&d, "The Vale welcomed Numenor on Monday."),
        set(&[("VAA", "NUM", "041"), ("VAB", "NUM", "041")])
    );
    assert_eq!(
        code(&d, "Numenor welcomed the Vale on Monday."),
        set(&[("NUM", "VAA", "041"), ("NUM", "VAB", "041")])
    );
    // an agent joins each of them
    assert_eq!(
        code(&d, "Dorwinion officials welcomed Numenor on Monday."),
        set(&[("DWAGOV", "NUM", "041"), ("DWBGOV", "NUM", "041")])
    );
}

#[test]
fn a_prefix_agent_goes_before_the_actor_it_precedes() {
    let d = dictionaries("NUMENOR [NUM]\nGONDOR [GON]\n", AGENTS);
    assert_eq!(
        code(&d, "Amnesty Numenor welcomed Gondor on Monday."),
        set(&[("NGONUM", "GON", "041")])
    );
    // with an agent after the actor too
    assert_eq!(
        code(&d, "An Amnesty Numenor official welcomed Gondor on Monday."),
        set(&[("NGONUMGOV", "GON", "041")])
    );
}

const STATES: &str = "NUMENOR [NUM]\nGONDOR [GON]\nROHAN [ROH]\n";

#[test]
fn an_agent_over_a_list_of_countries_stands_for_each() {
    let d = dictionaries(STATES, AGENTS);
    assert_eq!(
        code(&d, "The ambassadors of Numenor and Rohan welcomed Gondor."),
        set(&[("NUMGOV", "GON", "041"), ("ROHGOV", "GON", "041")])
    );
    assert_eq!(
        code(
            &d,
            "Lawmakers in Numenor and Rohan welcomed Gondor on Monday."
        ),
        set(&[("NUMLEG", "GON", "041"), ("ROHLEG", "GON", "041")])
    );
}

#[test]
fn an_agent_of_unknown_kind_takes_the_country_it_is_in() {
    let d = dictionaries(STATES, AGENTS);
    assert_eq!(
        code(&d, "Rights activists in Numenor welcomed Gondor on Monday."),
        set(&[("NUMOPP", "GON", "041")])
    );
}

#[test]
fn an_agent_written_with_braces_has_no_plural() {
    let d = dictionaries(STATES, AGENTS);
    assert_eq!(
        code(&d, "Numenor welcomed the Gondor police on Monday."),
        set(&[("NUM", "GONCOP", "041")])
    );
    assert_eq!(
        code(&d, "Numenor welcomed the Gondor polices on Monday."),
        set(&[("NUM", "GON", "041")])
    );
}
