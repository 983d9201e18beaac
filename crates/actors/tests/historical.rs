//! Actors of the 1975-2000 era (news archives): their roles follow the
//! article date, and later namesakes are not read as them. Sentences are
//! our own.

use khaldun_actors::{document, ActorKind, Date, DocumentActors, Knowledge, Matcher};
use khaldun_analysis::Analyzer;
use khaldun_text::Segmenter;
use std::sync::OnceLock;

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| Matcher::new(Knowledge::builtin()))
}

fn date(s: &str) -> Option<Date> {
    Some(Date::parse(s).unwrap())
}

fn run(text: &str, date: &str) -> DocumentActors {
    let seg = Segmenter::default().segment(text);
    let an = Analyzer::builtin().analyze(text, &seg);
    document::resolve(matcher(), text, &seg, &an, Date::parse(date).ok())
}

/// The code of the actor of the first mention whose text contains `t`
/// ("" when it has none); panics when no mention does.
fn code_of(doc: &DocumentActors, text: &str, t: &str) -> String {
    let m = doc
        .mentions
        .iter()
        .flatten()
        .find(|m| m.span.slice(text).contains(t))
        .unwrap_or_else(|| panic!("no mention with {t:?} in {text:?}"));
    doc.actors[m.actor]
        .code
        .map(|c| c.to_string())
        .unwrap_or_default()
}

/// The code of the person or group `name` on `day`.
fn code_on(kind: ActorKind, name: &str, day: &str) -> Option<String> {
    let k = Knowledge::builtin();
    let a = k
        .find(name, kind)
        .unwrap_or_else(|| panic!("{name} is not listed"));
    a.code_on(date(day)).map(|c| c.to_string())
}

#[test]
fn rebel_leaders_and_their_groups() {
    let text = "Jonas Savimbi's UNITA rebels attacked Huambo.";
    let doc = run(text, "1993-03-01");
    assert_eq!(code_of(&doc, text, "Savimbi"), "AGOREB");
    assert_eq!(code_of(&doc, text, "UNITA"), "AGOREB");

    let text = "Charles Taylor's NPFL fighters shelled Monrovia on Tuesday.";
    let doc = run(text, "1992-10-20");
    assert_eq!(code_of(&doc, text, "Charles Taylor"), "LBRREB");
    assert_eq!(code_of(&doc, text, "NPFL"), "LBRREB");

    let text = "The Khmer Rouge attacked a government garrison near Pailin.";
    let doc = run(text, "1994-02-10");
    assert_eq!(code_of(&doc, text, "Khmer Rouge"), "KHMREB");

    let text = "Guerrillas of the Kosovo Liberation Army ambushed a Serbian police patrol.";
    let doc = run(text, "1998-07-02");
    assert_eq!(code_of(&doc, text, "Kosovo Liberation Army"), "SRBSEP");
}

#[test]
fn heads_of_government_of_the_era() {
    let text = "Boris Yeltsin met Helmut Kohl in Moscow on 12 May 1994.";
    let doc = run(text, "1994-05-12");
    assert_eq!(code_of(&doc, text, "Yeltsin"), "RUSGOV");
    assert_eq!(code_of(&doc, text, "Kohl"), "DEUGOV");

    let text = "Mikhail Gorbachev and Margaret Thatcher discussed arms control.";
    let doc = run(text, "1987-12-07");
    assert_eq!(code_of(&doc, text, "Gorbachev"), "USRGOV");
    assert_eq!(code_of(&doc, text, "Thatcher"), "GBRGOV");

    let text = "Yitzhak Rabin and Yasser Arafat shook hands at the White House.";
    let doc = run(text, "1993-09-13");
    assert_eq!(code_of(&doc, text, "Rabin"), "ISRGOV");
    assert_eq!(code_of(&doc, text, "Arafat"), "PSEGOV");
}

#[test]
fn a_rebel_leader_who_took_power_changes_code() {
    let text = "Paul Kagame said his forces would not leave Kinshasa.";
    assert_eq!(code_of(&run(text, "1992-06-01"), text, "Kagame"), "RWAREB");
    assert_eq!(
        code_of(&run(text, "1998-08-10"), text, "Kagame"),
        "RWAGOVMIL"
    );
    assert_eq!(code_of(&run(text, "2010-08-10"), text, "Kagame"), "RWAGOV");
    assert_eq!(
        code_on(ActorKind::Person, "Museveni", "1984-01-01").as_deref(),
        Some("UGAREB")
    );
    assert_eq!(
        code_on(ActorKind::Person, "Museveni", "2020-01-01").as_deref(),
        Some("UGAGOV")
    );
    assert_eq!(
        code_on(ActorKind::Person, "Isaias Afwerki", "1989-01-01").as_deref(),
        Some("ETHSEP")
    );
    assert_eq!(
        code_on(ActorKind::Person, "Isaias Afwerki", "1999-01-01").as_deref(),
        Some("ERIGOV")
    );
    assert_eq!(
        code_on(ActorKind::ArmedGroup, "RENAMO", "1985-01-01").as_deref(),
        Some("MOZREB")
    );
    assert_eq!(
        code_on(ActorKind::ArmedGroup, "RENAMO", "1999-01-01").as_deref(),
        Some("MOZOPPPTY")
    );
}

#[test]
fn a_shared_name_goes_to_whoever_held_office_on_the_date() {
    let text = "President Kabila accused Rwanda of backing the rebels.";
    assert_eq!(code_of(&run(text, "1997-03-15"), text, "Kabila"), "ZARREB");
    assert_eq!(code_of(&run(text, "1999-03-15"), text, "Kabila"), "CODGOV");
    assert_eq!(code_of(&run(text, "2005-03-15"), text, "Kabila"), "CODGOV");

    let text = "George Bush telephoned the Saudi king.";
    assert_eq!(code_of(&run(text, "1990-08-05"), text, "Bush"), "USAGOV");
    assert_eq!(code_of(&run(text, "2003-03-05"), text, "Bush"), "USAGOV");

    // the son's name contains the father's
    let text = "Ferdinand Marcos Jr. visited Tokyo.";
    assert_eq!(code_of(&run(text, "2023-02-08"), text, "Marcos"), "PHLGOV");
}

#[test]
fn a_group_out_of_its_dates_has_no_code() {
    let text = "The IRA announced a ceasefire in Belfast.";
    assert_eq!(code_of(&run(text, "1994-08-31"), text, "IRA"), "GBRREB");
    assert_eq!(
        code_on(ActorKind::ArmedGroup, "IRA", "2022-08-16"),
        None,
        "the Provisional IRA ended its campaign in 2005"
    );
}

#[test]
fn organizations_of_the_era() {
    let text = "The Organization of African Unity condemned the coup in Burundi.";
    let doc = run(text, "1993-10-22");
    assert_eq!(
        code_of(&doc, text, "Organization of African Unity"),
        "IGOAFROAU"
    );
    let text = "UNPROFOR troops escorted an aid convoy to Srebrenica.";
    let doc = run(text, "1993-04-18");
    assert_eq!(code_of(&doc, text, "UNPROFOR"), "IGOUNOMIL");
    let text = "Boutros Boutros-Ghali urged the Security Council to act.";
    let doc = run(text, "1994-05-13");
    assert_eq!(code_of(&doc, text, "Boutros-Ghali"), "IGOUNO");
}
