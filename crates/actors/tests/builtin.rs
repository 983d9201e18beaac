//! Every built-in data file loads, and spot checks of its facts.

use khaldun_actors::{
    ActorKind, Code, DataFile, Date, Knowledge, KnowledgeBuilder, NameForm, Office,
};

fn date(s: &str) -> Option<Date> {
    Some(Date::parse(s).unwrap())
}

#[test]
fn every_file_loads() {
    // the same path as Knowledge::builtin, but failing with the error
    let k = Knowledge::try_builtin().unwrap_or_else(|e| panic!("{e}"));
    let count = |kind: ActorKind| k.actors().iter().filter(|a| a.kind == kind).count();
    let countries = count(ActorKind::Country);
    let cities = count(ActorKind::Capital) + count(ActorKind::City) + count(ActorKind::Site);
    println!(
        "countries {countries}, territories {}, cities and sites {cities}, persons {}, armed groups {}, agents {}, code chunks {}",
        count(ActorKind::Territory),
        count(ActorKind::Person),
        count(ActorKind::ArmedGroup),
        k.agents().len(),
        k.codes().len()
    );
    assert_eq!(countries, 195, "193 UN members and 2 observers");
    assert!(cities >= 400);
    assert!(count(ActorKind::Person) >= 500);
    assert!(k.agents().len() >= 150);
}

#[test]
fn each_file_alone_names_its_errors() {
    // a malformed line is reported with its file and line
    let mut b = KnowledgeBuilder::new();
    b.add(DataFile::Codes, "codes.txt", DataFile::Codes.builtin_text());
    b.add(
        DataFile::Countries,
        "countries.txt",
        "FRA | member | France\nXXX | nation | Nowhere\n",
    );
    let e = b.build().unwrap_err().to_string();
    assert!(e.starts_with("countries.txt:2: "), "{e}");
    let mut b = KnowledgeBuilder::new();
    b.add(DataFile::Codes, "codes.txt", DataFile::Codes.builtin_text());
    b.add(DataFile::Persons, "persons.txt", "A | FRAGOV\n");
    let e = b.build().unwrap_err().to_string();
    assert!(
        e.contains("persons.txt:1: ") && e.contains("unknown root FRA"),
        "{e}"
    );
}

#[test]
fn countries_have_adjectives_and_people() {
    let k = Knowledge::builtin();
    let fra = k.country("FRA").unwrap();
    assert_eq!(fra.name(), "France");
    assert!(fra.names_of(NameForm::Adjective).any(|a| a == "French"));
    let iraqis = k.lookup("Iraqis");
    assert_eq!(iraqis.len(), 1);
    assert_eq!(k.actor(iraqis[0]).country.unwrap().as_str(), "IRQ");
    let us = k.find("U.S.", ActorKind::Country).unwrap();
    assert_eq!(us.country.unwrap().as_str(), "USA");
    assert_eq!(
        k.find("Americans", ActorKind::Country).unwrap().name(),
        "United States"
    );
    let hk = k.country("HKG").unwrap();
    assert_eq!(hk.kind, ActorKind::Territory);
    assert_eq!(k.actor(hk.parent.unwrap()).name(), "China");
    for iso in ["PSE", "VAT", "XKX", "TWN", "ESH", "GRL", "PRI"] {
        assert!(k.country(iso).is_some(), "{iso}");
    }
}

#[test]
fn metonyms_stand_for_institutions() {
    let k = Knowledge::builtin();
    let code = |n: &str| {
        k.lookup(n)
            .iter()
            .find_map(|&id| k.actor(id).code_on(None))
            .map(|c| c.to_string())
    };
    assert_eq!(code("the Kremlin").as_deref(), Some("RUSGOV"));
    assert_eq!(code("the Pentagon").as_deref(), Some("USAMIL"));
    assert_eq!(code("Downing Street").as_deref(), Some("GBRGOV"));
    assert_eq!(code("Quai d'Orsay").as_deref(), Some("FRAGOV"));
    assert_eq!(code("Elysée").as_deref(), Some("FRAGOV"));
    let baghdad = k.find("Baghdad", ActorKind::Capital).unwrap();
    assert_eq!(baghdad.country.unwrap().as_str(), "IRQ");
    assert!(k
        .find("Shanghai", ActorKind::City)
        .unwrap()
        .roles
        .is_empty());
}

#[test]
fn organizations_groups_and_media() {
    let k = Knowledge::builtin();
    let isis = k.find("Daesh", ActorKind::ArmedGroup).unwrap();
    assert_eq!(isis.code_on(None).unwrap().as_str(), "IMGMUSISI");
    assert_eq!(
        k.find("ISIL", ActorKind::ArmedGroup).unwrap().name(),
        isis.name()
    );
    let pkk = k.find("PKK", ActorKind::ArmedGroup).unwrap();
    assert_eq!(pkk.country.unwrap().as_str(), "TUR");
    let reuters = k.find("Reuters", ActorKind::Media).unwrap();
    assert!(reuters.code_on(None).unwrap().has_sector("MED"));
    let sc = k.find("UN Security Council", ActorKind::Igo).unwrap();
    assert_eq!(k.actor(sc.parent.unwrap()).name(), "United Nations");
    let taliban = k.find("Taliban", ActorKind::ArmedGroup).unwrap();
    assert_eq!(
        taliban.code_on(date("2020-01-01")).unwrap().as_str(),
        "AFGREBTAL"
    );
    assert_eq!(
        taliban.code_on(date("2023-01-01")).unwrap().as_str(),
        "AFGGOVTAL"
    );
}

#[test]
fn persons_roles_follow_the_article_date() {
    let k = Knowledge::builtin();
    let parly = k.find("Parly", ActorKind::Person).unwrap();
    let role = parly.role_on(date("2020-08-27")).unwrap();
    assert_eq!(role.code.country(), Some("FRA"));
    assert!(role.code.has_sector("GOV") && role.code.has_sector("MIL"));
    assert_eq!(role.offices, [Office::DefenceMinister]);
    assert!(parly.role_on(date("2023-01-01")).is_none());
    let kazemi = k.find("Mustafa Al-Kazemi", ActorKind::Person).unwrap();
    assert_eq!(kazemi.name(), "Mustafa Al-Kadhimi");
    assert_eq!(
        kazemi.role_on(date("2020-08-27")).unwrap().offices,
        [Office::HeadOfGovernment]
    );
    let salih = k.find("Barham Salih", ActorKind::Person).unwrap();
    assert_eq!(
        salih.role_on(date("2020-08-27")).unwrap().offices,
        [Office::HeadOfState]
    );
    let anad = k.find("Jumah Anad", ActorKind::Person).unwrap();
    assert_eq!(
        anad.code_on(date("2020-08-27")),
        Some(Code::parse("IRQGOVMIL").unwrap())
    );
    let drian = k.find("Jean-Yves Le Drian", ActorKind::Person).unwrap();
    assert_eq!(
        drian.role_on(date("2020-08-27")).unwrap().offices,
        [Office::ForeignMinister]
    );
    assert_eq!(
        drian.role_on(date("2015-01-01")).unwrap().offices,
        [Office::DefenceMinister]
    );
    let trump = k.find("Donald Trump", ActorKind::Person).unwrap();
    assert!(trump.role_on(date("2023-06-01")).is_none());
    assert!(trump.role_on(date("2025-06-01")).is_some());
}

#[test]
fn sector_phrases() {
    let k = Knowledge::builtin();
    let chunks = |p: &str| k.agent(p).unwrap().chunks.to_string();
    assert_eq!(chunks("minister of defence"), "GOVMIL");
    assert_eq!(chunks("Defense Minister"), "GOVMIL");
    assert_eq!(chunks("security forces"), "COPMIL");
    assert_eq!(chunks("protesters"), "OPPCVL");
    assert_eq!(chunks("lawmakers"), "LEG");
    assert_eq!(chunks("mutineers"), "MIL");
    assert_eq!(chunks("foreign ministry spokesman"), "GOV");
    let army = k.agent("army").unwrap();
    let irq = Code::parse("IRQ").unwrap();
    assert_eq!(army.apply(&irq).unwrap().as_str(), "IRQMIL");
}

#[test]
fn every_code_in_the_data_validates() {
    let k = Knowledge::builtin();
    for a in k.actors() {
        for r in &a.roles {
            r.code
                .validate()
                .unwrap_or_else(|e| panic!("{}: {e}", a.origin));
        }
    }
}
