//! Coverage of the CAMEO ontology by the built-in patterns: for every code
//! that news reports distinguish, sentences written for this suite in the
//! style of wire news, each with the source, target and code it must yield.
//!
//! A line of `SUITE` is `CODE SOURCE TARGET | sentence`. SOURCE and TARGET
//! match an actor whose country is that word or whose code starts with it
//! (`IGOUNO`); `-` is no actor, `*` any. A sentence passes when one of its
//! events has the code, source and target. `KNOWN` holds sentences that fail
//! because of the coder's logic, the actor lists or the parse rather than a
//! missing pattern, each with its reason; `PENDING` those that still want a
//! pattern. Tests assert that both still fail, so a fix is noticed (and the
//! sentence then moves to `SUITE`). `SKIPPED` lists the codes with no sentence
//! of their own: the roots, and umbrellas a sub-code always fits better.

use khaldun_actors::{Knowledge, Matcher};
use khaldun_events::record::Event;
use khaldun_events::Coder;
use khaldun_types::Document;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| Matcher::new(Knowledge::builtin()))
}

fn events(text: &str) -> Vec<Event> {
    let doc = Document {
        id: "coverage".into(),
        text: text.into(),
        ..Default::default()
    };
    Coder::new(matcher()).code(&doc, Some("2024-05-01")).events
}

/// One expectation: a sentence and the event it must yield.
struct Case<'a> {
    code: &'a str,
    source: &'a str,
    target: &'a str,
    text: &'a str,
    reason: &'a str,
}

fn cases(table: &str) -> Vec<Case<'_>> {
    let mut out = Vec::new();
    for (n, line) in table.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split(" | ");
        let head = parts.next().unwrap_or_default();
        let text = parts.next().unwrap_or_default().trim();
        let reason = parts.next().unwrap_or_default().trim();
        let head: Vec<&str> = head.split_whitespace().collect();
        assert!(
            head.len() == 3 && !text.is_empty(),
            "line {}: bad case {line:?}",
            n + 1
        );
        out.push(Case {
            code: head[0],
            source: head[1],
            target: head[2],
            text,
            reason,
        });
    }
    out
}

fn side_matches(want: &str, got: Option<&khaldun_events::record::EventActor>) -> bool {
    match (want, got) {
        ("*", _) => true,
        ("-", got) => got.is_none_or(|a| a.country.is_empty()),
        (_, None) => false,
        (w, Some(a)) => a.country == w || a.code.starts_with(w),
    }
}

fn show(e: &Event) -> String {
    let side = |a: &Option<khaldun_events::record::EventActor>| {
        a.as_ref().map_or("-".to_string(), |a| a.code.clone())
    };
    format!(
        "{} {}→{} ({:?}{}) by `{}`",
        e.cameo,
        side(&e.source),
        side(&e.target),
        e.modality,
        if e.negated { ", negated" } else { "" },
        e.evidence.pattern
    )
}

/// Whether the case's event is among the sentence's, and what was coded.
fn check(c: &Case) -> (bool, String) {
    let got = events(c.text);
    // `none`: a sentence that reads like an event but reports none
    let ok = (c.code == "none" && got.is_empty())
        || got.iter().any(|e| {
            e.cameo == c.code
                && side_matches(c.source, e.source.as_ref())
                && side_matches(c.target, e.target.as_ref())
        });
    let shown: Vec<String> = got.iter().map(show).collect();
    let shown = if shown.is_empty() {
        "nothing".to_string()
    } else {
        shown.join("; ")
    };
    (ok, shown)
}

fn cameo_codes() -> Vec<&'static str> {
    include_str!("../../../data/events/cameo.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && l.contains('|'))
        .map(|l| l.split('|').next().unwrap_or_default().trim())
        .collect()
}

#[test]
fn every_distinguished_cameo_code_is_coded_from_news_sentences() {
    let mut per_code: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    for c in cases(SUITE) {
        let (ok, got) = check(&c);
        let entry = per_code.entry(c.code).or_default();
        entry.1 += 1;
        if ok {
            entry.0 += 1;
        } else {
            failures.push(format!(
                "  {} {}→{}: {:?}\n      got: {got}",
                c.code, c.source, c.target, c.text
            ));
        }
    }
    let total: usize = per_code.values().map(|v| v.1).sum();
    let passed: usize = per_code.values().map(|v| v.0).sum();
    let mut table = String::new();
    for (code, (ok, n)) in &per_code {
        table.push_str(&format!(
            "{code:<5}{ok}/{n}{}\n",
            if ok < n { "  FAIL" } else { "" }
        ));
    }
    eprintln!(
        "{table}coverage: {passed}/{total} sentences pass, {} codes",
        per_code.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {total} sentences miss their event:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn still_fail(table: &'static str) {
    let mut now_pass = Vec::new();
    for c in cases(table) {
        assert!(
            !c.reason.is_empty(),
            "{:?}: a known failure needs its reason",
            c.text
        );
        let (ok, got) = check(&c);
        if ok {
            now_pass.push(format!("  {} {:?} ({got})", c.code, c.text));
        }
    }
    assert!(
        now_pass.is_empty(),
        "these known failures now pass; move them to SUITE:\n{}",
        now_pass.join("\n")
    );
}

#[test]
fn known_coder_and_parse_failures_still_fail() {
    still_fail(KNOWN);
}

#[test]
fn pending_pattern_gaps_still_fail() {
    still_fail(PENDING);
}

/// Paraphrase suites (`tests/variety/*.txt`): for a family of codes, the many
/// ways wire news words the same event (verbs, nouns, passives, light verbs,
/// reported speech). Same line format as `SUITE`, plus the code `none` for a
/// sentence that must yield no event at all; a line with a third field (the
/// reason) is a known failure and must still fail.
#[test]
fn variety_suites_hold() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/variety");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no suite in {}", dir.display());
    let codes: BTreeSet<&str> = cameo_codes().into_iter().collect();
    let mut problems = Vec::new();
    let (mut passed, mut total) = (0, 0);
    for path in &files {
        let text =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        for c in cases(&text) {
            assert!(
                codes.contains(c.code) || c.code == "none",
                "{name}: {} is no CAMEO code",
                c.code
            );
            let (ok, got) = check(&c);
            if c.reason.is_empty() {
                total += 1;
                if ok {
                    passed += 1;
                } else {
                    problems.push(format!(
                        "  {name}: {} {}→{}: {:?}\n      got: {got}",
                        c.code, c.source, c.target, c.text
                    ));
                }
            } else if ok {
                problems.push(format!(
                    "  {name}: known failure now passes, drop its reason: {} {:?} ({got})",
                    c.code, c.text
                ));
            }
        }
    }
    eprintln!("variety: {passed}/{total} sentences pass");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_code_is_covered_or_skipped() {
    let codes = cameo_codes();
    assert!(codes.len() > 290, "{}", codes.len());
    let known: BTreeSet<&str> = codes.iter().copied().collect();
    let skipped: BTreeSet<&str> = SKIPPED.split_whitespace().collect();
    let mut covered: BTreeSet<&str> = BTreeSet::new();
    for c in cases(SUITE)
        .iter()
        .chain(cases(KNOWN).iter())
        .chain(cases(PENDING).iter())
    {
        assert!(known.contains(c.code), "{} is no CAMEO code", c.code);
        covered.insert(c.code);
    }
    let missing: Vec<&&str> = codes
        .iter()
        .filter(|c| !covered.contains(**c) && !skipped.contains(**c))
        .collect();
    assert!(missing.is_empty(), "codes with no sentence: {missing:?}");
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for c in cases(SUITE)
        .iter()
        .chain(cases(KNOWN).iter())
        .chain(cases(PENDING).iter())
    {
        *counts.entry(c.code).or_default() += 1;
    }
    let thin: Vec<(&&str, &usize)> = counts.iter().filter(|(_, n)| **n < 2).collect();
    assert!(
        thin.is_empty(),
        "codes with fewer than two sentences: {thin:?}"
    );
    for s in &skipped {
        assert!(known.contains(s), "skipped {s} is no CAMEO code");
        assert!(!covered.contains(s), "{s} is both skipped and covered");
    }
}

/// The roots (a 3-digit code always fits better) and umbrellas whose
/// sub-codes always fit better (material cooperation 021/031/101/121 splits
/// into economic, military, judicial and intelligence; a release is of people
/// or of property; international involvement is peacekeepers, inspectors or
/// aid; administrative-sanction threats, other mass violence and weapons of
/// mass destruction name their kind).
const SKIPPED: &str = "
01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20
021 031 081 101 121 084 086 132 200 204
";

const SUITE: &str = r#"
# ---- 01 make a public statement
010 FRA DEU | The French president wrote to the German chancellor about the budget dispute.
010 USA IRN | The State Department commented on Iran's nuclear programme on Tuesday.
011 GBR USA | The British Foreign Office declined to comment on the American report.
011 ISR LBN | An Israeli army spokesman refused to comment on Lebanon's claims, the newspaper said.
011 RUS * | Kremlin spokesman Dmitry Peskov declined to comment on Monday.
012 EGY ISR | Egypt's foreign minister voiced pessimism about the talks with Israel.
012 USA PRK | The US envoy said he was pessimistic about North Korea's willingness to disarm.
013 JPN CHN | Japan's prime minister expressed optimism about relations with China on Monday.
013 IGOUNO SYR | The UN envoy said on Friday he was optimistic about his talks with the Syrian government.
014 DEU - | The German government is weighing new restrictions on arms exports, officials said.
014 JPN - | Japan's cabinet is reviewing its defence policy, the chief cabinet secretary said on Monday.
014 USA - | The Pentagon is reassessing its strategy in the Middle East, officials said.
015 IRN UKR | Iran admitted responsibility for shooting down the Ukrainian airliner.
015 AFG * | The Taliban claimed responsibility for the attack on the Kabul hotel.
015 IMG * | Al-Shabaab claimed responsibility for the bombing.
016 PAK IND | Pakistan denied responsibility for the attack on an Indian army base.
016 RUS GBR | Russia on Thursday denied any role in the poisoning of a former spy in Britain.
016 IRN SAU | Iran denied any involvement in the attack on Saudi oil facilities.
017 JPN KOR | Japan's prime minister laid a wreath at a war memorial in Seoul on Tuesday.
017 DEU POL | The German president laid a wreath at the monument to the Warsaw Uprising.
018 FRA TUR | France offered its condolences to Turkey after the earthquake.
018 IGOUNO NPL | The UN Secretary-General expressed sympathy with the people of Nepal after the floods.
019 DEU FRA | Germany said it agreed with France on the need for a common defence budget.
019 IND USA | India's foreign minister said on Wednesday that he shared the US view on the crisis.
# ---- 02 appeal
020 PSE IGOUNO | The Palestinian Authority appealed to the United Nations on Monday.
020 UKR DEU | Ukraine's president made an urgent appeal to Germany, his office said.
0211 GRC DEU | Greece urged Germany to boost trade and investment in the Greek economy.
0211 VNM JPN | Vietnam's prime minister urged Japanese companies to invest more in the country.
0212 POL USA | Poland asked the United States for closer military cooperation.
0212 PHL AUS | The Philippines urged Australia to hold joint military exercises in the South China Sea.
0213 TUR USA | Turkey asked the United States to extradite the cleric.
0213 FRA DZA | French prosecutors asked Algeria for judicial assistance in the murder inquiry.
0214 KEN USA | Kenya asked the United States to share intelligence on al-Shabaab.
0214 ESP MAR | Spain urged Morocco to share information on the suspected militants.
022 PSE FRA | The Palestinian foreign minister urged France to recognise a Palestinian state.
022 ARM RUS | Armenia asked Russia for diplomatic support in its dispute with Azerbaijan.
023 AFG IGO | The Afghan government called on the European Union for more assistance.
023 HTI USA | Haiti appealed to the United States for help after the earthquake.
023 NPL IND | Nepal appealed to India for help after the floods.
0231 PAK IGO | Pakistan asked the International Monetary Fund for a bailout.
0231 EGY SAU | Egypt sought loans from Saudi Arabia to shore up its currency.
0232 NGA USA | Nigeria appealed to Washington for weapons to fight Boko Haram.
0232 UKR DEU | Ukraine asked Germany for air defence systems.
0233 YEM IGOUNO | Yemen's government appealed to the UN for food aid.
0233 BGD IND | Bangladesh asked India for medical supplies after the cyclone.
0234 CAF IGOUNO | The Central African Republic asked the United Nations to send peacekeepers.
0234 LBN IGOUNO | Lebanon called on the UN to deploy more peacekeepers along its southern border.
024 USA EGY | The United States urged Egypt to carry out political reforms.
024 IGO BLR | The European Union called on Belarus to hold free and fair elections.
0241 USA SYR | Washington called on Syrian President Bashar al-Assad to step down.
0241 GBR ZWE | Britain urged Zimbabwe's president Robert Mugabe to resign.
0242 DEU CHN | Germany urged China to change its policy on Tibet.
0242 IGOUNO AUS | The UN urged Australia to reconsider its policy of offshore detention.
0243 USA CHN | The United States called on China to respect the rights of ethnic minorities.
0243 IGOUNO MMR | The UN human rights chief urged Myanmar to grant citizenship to the Rohingya.
0244 GBR FJI | Britain urged Fiji to restore democracy.
0244 USA THA | The United States called on Thailand's military rulers to return the country to civilian rule.
025 FRA SRB | France called on Serbia to back down over Kosovo.
025 USA ISR | Washington urged Israel to make concessions to the Palestinians.
025 IGO TUR | The EU urged Turkey to make concessions on Cyprus.
0251 USA CUB | The United States urged Cuba to lift restrictions on travel.
0251 IGO ETH | The European Union urged Ethiopia to lift the state of emergency.
0251 FRA THA | France urged Thailand to lift the state of emergency.
0252 THA THA | The Thai prime minister urged protesters to end their occupation of the airport.
0252 FRA FRA | The French interior minister called on striking rail workers to return to work.
0253 GBR IRN | Britain urged Iran to release the detained sailors.
0253 IGOUNO COL | The UN called on Colombia's FARC rebels to free their hostages.
0254 IRN USA | Iran called on the United States to lift sanctions.
0254 CUB USA | Cuba urged Washington to end its trade embargo.
0255 USA IRN | Washington called on Iran to let nuclear inspectors visit the site.
0255 IGOUNO SYR | The UN urged Syria to allow aid convoys into besieged towns.
0255 DEU RUS | Germany called on Russia to allow aid convoys into Ukraine.
0256 USA ISR | The United States urged Israel to halt its offensive in Gaza.
0256 RUS ARM | Russia called on Armenia and Azerbaijan to stop fighting.
0256 EGY PSE | Egypt called for a ceasefire in Gaza on Monday.
026 USA ISR | Washington urged Israel and the Palestinians to resume peace talks.
026 IGOUNO LBY | The UN envoy called on the Libyan factions to return to the negotiating table.
027 CHN IND | China urged India to settle the border dispute through dialogue.
027 IGOUNO SDN | The UN urged Sudan and South Sudan to resolve their dispute over Abyei.
028 USA ETH | The United States urged Ethiopia to accept African Union mediation.
028 KEN SSD | Kenya called on South Sudan's warring parties to accept mediation.
# ---- 03 express intent to cooperate
0311 IND JPN | India said it would expand trade with Japan.
0311 ARE EGY | The United Arab Emirates promised to invest $35 billion in Egypt.
0312 USA PHL | The United States pledged to hold more joint military exercises with the Philippines.
0312 TUR SOM | Turkey agreed to train Somali soldiers, the defence ministry said.
0313 MEX USA | Mexico agreed to extradite the drug lord to the United States.
0313 BRA PRT | Brazil promised to cooperate with Portuguese prosecutors in the corruption probe.
0314 GBR FRA | Britain pledged to share intelligence with France on Islamist militants.
0314 USA KOR | The United States agreed to share information with South Korea on North Korean missile launches.
032 ESP VEN | Spain said it was ready to restore diplomatic relations with Venezuela.
032 SAU ISR | Saudi Arabia said it would normalise relations with Israel.
033 JPN PHL | Japan pledged aid to the Philippines after the typhoon.
033 IGO TUN | The European Union promised assistance to Tunisia.
0331 CHN LKA | China offered Sri Lanka a $1.5 billion loan.
0331 USA JOR | The United States pledged $1 billion in loan guarantees to Jordan.
0331 JPN UKR | Japan pledged $500 million in loan guarantees to Ukraine.
0332 DEU UKR | Germany promised to send tanks to Ukraine.
0332 USA ISR | Washington pledged new weapons deliveries to Israel.
0333 GBR SYR | Britain pledged food and medicine for Syrian refugees.
0333 IGO ETH | The World Food Programme promised food aid to Ethiopia.
0334 FRA MLI | France offered to deploy troops to protect civilians in Mali.
0334 KEN HTI | Kenya offered to send police officers to Haiti as part of a multinational security mission.
0334 GBR LBY | Britain offered to send troops to protect civilians in Libya.
034 JOR * | King Abdullah of Jordan promised to enact political reforms.
034 BHR * | Bahrain's government pledged reforms after weeks of protests.
0341 YEM * | The Yemeni president agreed to step down.
0341 ZWE * | Zimbabwe's ruling party said it would replace the president.
0342 AUS * | Australia said it would change its policy on asylum seekers.
0342 CHN * | China pledged to scrap its one-child policy.
0343 MMR * | Myanmar's government promised to grant citizenship rights to the Rohingya.
0343 SAU * | Saudi Arabia pledged to give women the right to drive.
0344 MLI * | Mali's junta pledged to hand power to a civilian government.
0344 THA * | Thailand's military government promised to hold elections next year.
0344 MMR * | Myanmar's junta has promised to hold elections.
035 ISR PSE | Israel offered concessions to the Palestinians.
035 SRB * | Serbia said it was ready to make concessions over Kosovo.
0351 EGY * | Egypt said it would lift the state of emergency.
0351 CHN * | China pledged to ease restrictions on foreign journalists.
0353 PSE ISR | Hamas agreed to release the Israeli hostages.
0353 IRN GBR | Iran said it would free the 15 British sailors.
0354 USA IRN | The United States pledged to ease sanctions on Iran.
0354 IGO BLR | The European Union offered to ease sanctions on Belarus.
0355 IRN IGO | Iran agreed to allow IAEA inspectors to visit the site.
0355 SYR IGOUNO | Syria said it would let UN aid convoys into Aleppo.
0356 RUS UKR | Russia said it would pull back its troops from the Ukrainian border.
0356 COL COL | Colombian rebels offered the government a truce.
036 PRK USA | North Korea said it was ready to hold talks with the United States.
036 IRN SAU | Iran's foreign minister agreed to meet his Saudi counterpart.
037 COL VEN | Colombia and Venezuela pledged to resolve their border dispute peacefully.
037 ETH ERI | Ethiopia said it was ready to settle the border dispute with Eritrea.
038 SDN ETH | Sudan agreed to accept Ethiopian mediation.
038 SDN QAT | Sudanese rebels said they welcomed Qatari mediation.
038 AFG PAK | The Afghan government welcomed Pakistani mediation.
039 QAT ISR | Qatar offered to mediate between Israel and Hamas.
039 TUR UKR | Turkey offered to mediate between Russia and Ukraine.
# ---- 04 consult
040 USA CHN | The US secretary of state met Chinese officials on Monday.
040 DEU FRA | The German chancellor consulted with the French president on the crisis.
041 USA RUS | The US president spoke by telephone with his Russian counterpart on Tuesday.
041 IND PAK | India's prime minister telephoned the Pakistani prime minister on Friday.
042 JPN USA | Japan's prime minister arrived in Washington on Sunday for a two-day visit.
042 IRN IRQ | The Iranian president visited Iraq last week.
043 CHN RUS | China hosted the Russian president in Beijing.
043 EGY ISR | Egypt's president received the Israeli prime minister in Cairo on Monday.
044 IND PAK | The leaders of India and Pakistan met on the sidelines of a summit in New York.
045 NOR COL | Norway mediated between the Colombian government and FARC rebels.
045 EGY ISR | Egypt brokered talks between Israel and Hamas.
046 ISR PSE | Israel is negotiating with Hamas over a prisoner exchange, officials said.
046 UKR RUS | Ukraine and Russia opened peace negotiations in Istanbul on Tuesday.
# ---- 05 cooperate diplomatically
050 TUR EGY | Turkey has mended its relations with Egypt, officials said.
050 QAT SAU | Qatar and Saudi Arabia resumed diplomatic cooperation after a three-year rift.
051 USA IND | The US president praised India's election.
051 IGOUNO COL | The UN Secretary-General welcomed Colombia's peace deal with the rebels.
052 RUS SYR | Russia defended the Syrian government against Western criticism.
052 CHN PRK | Beijing defended North Korea's right to develop a space programme.
053 POL UKR | Poland rallied European support for Ukraine on Friday.
054 SWE PSE | Sweden recognised the state of Palestine on Thursday.
054 USA VNM | The United States established diplomatic relations with Vietnam in 1995.
055 JPN KOR | Japan apologised to South Korea for its wartime abuses.
055 NLD IDN | The Dutch king apologised to Indonesia on Tuesday for colonial violence.
056 VNM USA | Vietnam said it had forgiven the United States for the war.
056 RWA FRA | Rwanda's president said his country had forgiven France.
057 ISR ARE | Israel and the United Arab Emirates signed a normalisation agreement.
057 IND USA | India signed a defence pact with the United States on Tuesday.
060 RUS USA | Russia cooperated with the United States on the space programme.
060 NOR RUS | Norway and Russia carried out a joint search-and-rescue operation in the Barents Sea.
060 CHN RUS | China and Russia cooperated on a lunar research project.
060 FIN NOR | Finland and Sweden held a joint rescue exercise with Norway.
# ---- 06 cooperate materially
061 JPN IND | Japan invested $2 billion in India's railways.
061 RUS TUR | Russia began supplying natural gas to Turkey through the new pipeline.
062 USA KOR | US and South Korean forces held joint military exercises on Monday.
062 RUS MLI | Russian instructors trained Malian soldiers, the army said.
062 TUR USA | Turkey let the United States use the base.
063 MEX USA | Mexico extradited the drug cartel leader to the United States.
064 USA ISR | The United States shared intelligence with Israel on Iranian drone launches.
# ---- 07 provide aid
070 TUR SOM | Turkey sent aid to Somalia.
070 CHN NPL | China provided assistance to Nepal, the foreign ministry said.
071 IGO KEN | The World Bank approved a $500 million loan to Kenya.
071 SAU PAK | Saudi Arabia gave Pakistan a $3 billion loan.
072 USA UKR | The United States sent Javelin missiles to Ukraine.
072 IRN RUS | Iran supplied drones to Russia, Western officials said.
073 TUR SYR | Turkey delivered food and medicine to Syria after the earthquake.
073 IGO YEM | The World Food Programme distributed food to two million people in Yemen.
074 IGOUNO SSD | The United Nations deployed 4,000 peacekeepers to South Sudan.
074 RWA MOZ | Rwanda sent troops to protect civilians in Mozambique.
074 RWA CAF | Rwanda has sent police officers to the Central African Republic as part of a UN mission.
074 ETH SOM | Ethiopia sent troops to protect civilians in Somalia.
075 DEU SYR | Germany granted asylum to thousands of Syrians.
075 RUS USA | Russia granted asylum to the former American intelligence contractor.
# ---- 08 yield
080 GRC DEU | Greece yielded to pressure from Germany.
080 SRB RUS | The Serbian government caved in to Russian demands.
0811 EGY * | Egypt eased restrictions on the press.
0811 CHN * | China lifted restrictions on foreign journalists in Tibet.
0812 TUR * | Turkey lifted a ban on the Kurdish party.
0813 IND IND | Indian authorities lifted the curfew in Srinagar on Monday.
0813 EGY EGY | Egypt's army eased the curfew in Cairo.
0814 THA THA | Thailand lifted the state of emergency in Bangkok.
0814 ETH * | Ethiopia's parliament ended the state of emergency on Tuesday.
082 THA * | Protesters in Bangkok ended their occupation of government offices.
082 FRA * | French unions called off the nationwide strike.
083 JOR * | Jordan's king bowed to protesters' demands for reform.
083 MAR * | Morocco's king gave in to demands for political reform.
0831 EGY * | Egypt's president Hosni Mubarak resigned on Friday.
0831 JPN * | Japan's prime minister stepped down on Wednesday.
0832 AUS * | Australia reversed its policy on offshore detention.
0832 NGA * | Nigeria's government reversed the fuel subsidy cut after mass protests.
0833 SAU * | Saudi Arabia granted women the right to drive.
0833 KWT * | Kuwait's parliament gave women the right to vote.
0834 MMR * | Myanmar's military handed power to a civilian government.
0834 SDN * | Sudan's military handed over power to a civilian government.
0841 IRN GBR | Iran freed the 15 British sailors on Wednesday.
0841 PRK USA | North Korea released a detained American citizen.
0842 IRN GBR | Iran returned the seized tanker to Britain on Friday.
0842 RUS IRQ | Russia released the frozen assets of the Iraqi central bank.
085 USA IRN | The United States lifted sanctions on Iran's oil exports.
085 IGO BLR | The European Union eased sanctions on Belarus.
0861 SDN IGOUNO | Sudan allowed UN peacekeepers into Darfur.
0861 IDN * | Indonesia allowed an international peacekeeping force into East Timor.
0862 IRN IGO | Iran allowed IAEA inspectors to visit the Fordow site.
0862 IRQ IGOUNO | Iraq let UN weapons inspectors back into the country.
0862 IRN IGO | Iran received inspectors from the IAEA on Monday.
0862 KEN IGO | Kenya welcomed a team of observers from the African Union.
0863 ISR PSE | Israel allowed aid trucks into Gaza.
0863 MMR * | Myanmar's junta allowed foreign aid workers into cyclone-hit areas.
087 AZE ARM | Azerbaijan halted its offensive against Armenian forces on Sunday.
087 IND CHN | India pulled back its troops from the disputed border with China.
087 PAK AFG | Pakistan withdrew its troops from the border with Afghanistan.
0871 ISR PSE | Israel declared a unilateral ceasefire in Gaza.
0871 YEM SAU | Yemen's Houthi rebels announced a truce with Saudi Arabia.
0871 ETH ETH | Ethiopia's government and the Tigray People's Liberation Front agreed to a permanent cessation of hostilities.
0872 SAU QAT | Saudi Arabia lifted its blockade of Qatar.
0873 COL * | Colombia's FARC rebels began demobilizing on Monday.
0873 COD * | Thousands of Congolese militiamen laid down their arms.
0874 RUS UKR | Russian troops withdrew from the Ukrainian city of Kherson.
0874 NGA NGA | Hundreds of Boko Haram fighters surrendered to the Nigerian army.
# ---- 09 investigate
090 IGO CHN | The European Union opened an inquiry into Chinese steel subsidies.
090 USA SAU | The US Senate launched an investigation into the Saudi role in the attacks.
091 BRA BRA | Brazilian prosecutors investigated the former president for corruption.
091 FRA FRA | French police opened a fraud investigation into the former prime minister.
092 IGOUNO MMR | The UN launched an investigation into human rights abuses in Myanmar.
093 USA * | The Pentagon investigated the US drone strike that killed civilians in Kabul.
094 * UKR | The International Criminal Court opened an investigation into war crimes in Ukraine.
094 IGOUNO SDN | UN investigators examined evidence of genocide in Sudan.
094 IGOUNO SDN | UN investigators examined evidence of genocide in Darfur.
# ---- 10 demand
100 RUS USA | Russia demanded an explanation from the United States.
100 CHN JPN | China demanded clarification from Japan over the remarks.
1011 USA CHN | The United States demanded that China open its markets to American goods.
1011 GBR IGO | Britain demanded better trade terms from the European Union.
1012 POL IGO | Poland demanded a permanent NATO presence on its territory.
1012 USA DEU | The United States demanded that Germany contribute more troops to the mission in Afghanistan.
1013 TUR USA | Turkey demanded the extradition of the cleric from the United States.
1013 GBR RUS | Britain demanded that Russia hand over the murder suspects.
1014 ISR EGY | Israel demanded that Egypt share intelligence on the smuggling tunnels.
1014 IND PAK | India demanded that Pakistan share information on the attack planners.
102 PSE IGOUNO | The Palestinians demanded full membership of the United Nations.
102 * SRB | Kosovo demanded recognition from Serbia.
103 PAK USA | Pakistan demanded more aid from the United States.
103 LBN IGO | Lebanon demanded assistance from the European Union to cope with refugees.
1031 GRC IGO | Greece demanded a new loan from the European Union.
1031 UKR IGO | Ukraine demanded financial support from the International Monetary Fund.
1032 UKR DEU | Ukraine demanded that Germany deliver tanks.
1032 TWN USA | Taiwan demanded more weapons from the United States.
1033 PSE EGY | Gaza officials demanded medical supplies from Egypt.
1033 SDN IGOUNO | Sudan demanded food aid from the United Nations.
1034 LBN IGOUNO | Lebanon demanded protection from the United Nations.
1034 BIH IGO | The Bosnian government demanded that NATO protect the enclave.
104 USA CUB | Washington demanded democratic reforms in Cuba.
104 JOR JOR | Thousands of Jordanians demanded political reforms from King Abdullah.
1041 USA VEN | The United States demanded that Venezuelan President Nicolas Maduro step down.
1041 PAK PAK | Opposition lawmakers demanded the resignation of Pakistan's prime minister.
1042 CHN USA | China demanded that the United States reverse its tariff policy.
1042 FRA FRA | French farmers demanded a change in the government's agricultural policy.
1043 IGO TUR | The European Union demanded that Turkey respect the rights of Kurds.
1044 THA THA | Protesters in Bangkok demanded the dissolution of parliament.
1044 USA THA | Washington demanded that Thailand's military restore democracy.
105 ISR PSE | Israel demanded that Hamas back down.
105 RUS UKR | Russia demanded concessions from Ukraine.
1051 NGO EGY | Human Rights Watch demanded that Egypt lift the travel ban on activists.
1052 HKG HKG | The Hong Kong government demanded that protesters end the occupation of the airport.
1052 VEN VEN | Venezuela's president demanded that the opposition call off its protests.
1053 ISR PSE | Israel demanded that Hamas release the captured soldier.
1053 USA RUS | The United States demanded that Russia free the detained American journalist.
1054 IRN USA | Iran demanded the lifting of US sanctions before any talks.
1054 RUS IGO | Russia demanded that the European Union lift sanctions on its banks.
1055 USA SYR | The United States demanded that Syria allow international inspectors into the site.
1055 IGOUNO ETH | The UN demanded that Ethiopia allow aid workers into Tigray.
1056 USA RUS | The United States demanded that Russia withdraw its troops from Ukraine's border.
1056 IGOUNO ISR | The UN Security Council demanded that Israel halt its military offensive.
106 PSE ISR | The Palestinians demanded direct talks with Israel.
106 ARM AZE | Armenia demanded immediate negotiations with Azerbaijan.
107 PAK IND | Pakistan demanded a settlement of the Kashmir dispute with India.
107 IGOUNO SDN | The UN demanded that Sudan resolve its border dispute with South Sudan.
108 EGY USA | Egypt demanded that the United States mediate in the dam dispute.
108 SDN IGO | Sudan demanded African Union mediation in the dispute.
# ---- 11 disapprove
110 FRA USA | France voiced its disapproval of Washington's decision.
110 DEU POL | Germany objected to Poland's judicial reforms.
111 IGOUNO ISR | The UN Secretary-General condemned Israel's settlement expansion.
111 CHN USA | China sharply criticised the United States over its Taiwan policy.
112 IRN USA | Iran blamed the United States for the unrest.
112 VEN COL | Venezuela accused Colombia of plotting against its government.
1121 BRA BRA | Brazilian prosecutors accused the former president of corruption.
1121 USA CHN | The United States accused China of stealing trade secrets.
1122 USA CHN | Washington accused Beijing of human rights abuses in Xinjiang.
1122 IGOUNO MMR | UN investigators accused Myanmar's military of persecuting the Rohingya.
1123 UKR RUS | Ukraine accused Russia of aggression on Monday.
1123 SYR ISR | Syria accused Israel of violating its sovereignty.
1124 BIH SRB | Bosnia accused Serbia of genocide.
1125 CHN USA | China accused a US diplomat of espionage.
1125 RUS USA | Russia accused an American journalist of spying.
113 USA IRN | The United States rallied international opposition against Iran's nuclear programme.
113 ISR IRN | Israel campaigned against the Iran nuclear deal in Washington.
114 CHN JPN | China lodged a formal protest with Japan over the visit.
115 UKR RUS | Ukraine sued Russia at the International Court of Justice.
115 IRN USA | Iran filed a lawsuit against the United States at the world court.
116 TUR USA | A Turkish court convicted a US pastor on terrorism charges.
116 IRN FRA | A court in Iran sentenced a French researcher to five years in prison.
116 NLD RUS | A Dutch court found Russia liable for the downing of the airliner.
# ---- 12 reject
120 ISR IGOUNO | Israel rejected the UN resolution.
120 RUS USA | Russia rejected the US position on Monday.
1211 ARG CHN | Argentina rejected the Chinese investment offer.
1211 IND CHN | The Indian government turned down a Chinese offer to build its telecoms network.
1211 UKR RUS | Ukraine turned down a Russian offer to buy its gas pipelines.
1212 PHL USA | The Philippines rejected joint military exercises with the United States.
1212 TUR USA | Turkey refused to let US troops use its bases for the invasion of Iraq.
122 PRK KOR | North Korea rejected South Korean aid.
122 ERI IGO | Eritrea turned down aid from the European Union.
1221 HUN IGO | Hungary rejected a loan from the International Monetary Fund.
1221 LKA CHN | Sri Lanka refused a loan from China.
1222 PAK USA | Pakistan refused American military aid.
1222 LBN IRN | The Lebanese army turned down Iranian military aid.
1223 PRK KOR | North Korea rejected food aid from South Korea.
1223 MMR USA | Myanmar rejected humanitarian aid from the United States.
1224 SDN IGOUNO | Sudan rejected the deployment of UN peacekeepers in Darfur.
1224 BDI IGO | Burundi rejected an African Union peacekeeping force.
123 BHR BHR | Bahrain's king rejected the opposition's calls for reform.
123 CHN * | China rejected demands for democratic reform in Hong Kong.
1231 VEN * | Venezuela's president refused to step down.
1231 SYR * | The Syrian president rejected calls for his resignation.
1232 AUS * | Australia rejected calls to change its refugee policy.
1232 DEU * | Germany refused to change its position on eurobonds.
1233 CHN * | China rejected demands for Tibetan autonomy.
1233 TUR * | Turkey refused to grant Kurds the right to education in their own language.
1234 MMR * | Myanmar's junta rejected demands for a return to civilian rule.
1234 TUN * | Tunisia's president rejected calls to restore parliament.
124 ISR * | Israel refused to back down.
124 SRB * | Serbia refused to bow to international pressure over Kosovo.
1241 EGY * | Egypt refused to lift the state of emergency.
1241 CHN * | China refused to ease restrictions on foreign media.
1242 THA * | The Thai opposition refused to call off its protests.
1243 IRN GBR | Iran refused to release the British sailors.
1243 RUS UKR | Russia refused to return the seized Ukrainian ships.
1244 USA IRN | Washington refused to lift sanctions on Iran.
1244 IGO RUS | The European Union refused to ease sanctions against Russia.
1245 IRN IGO | Iran refused to allow IAEA inspectors to visit the site.
1245 SYR IGOUNO | Syria refused to let UN aid convoys into Aleppo.
1246 RUS UKR | Russia refused to withdraw its troops from Ukraine's border.
1246 ISR * | Israel rejected calls for a ceasefire in Gaza.
125 PRK KOR | North Korea rejected talks with South Korea.
125 UKR RUS | Ukraine refused to negotiate with Russia.
126 IND USA | India rejected US mediation on Kashmir.
126 ISR TUR | Israel rejected Turkey's offer to mediate.
127 PSE USA | The Palestinians rejected the US peace plan.
127 CYP IGOUNO | Greek Cypriots rejected the UN reunification plan in a referendum.
128 PRK IGOUNO | North Korea defied UN sanctions by launching a missile.
128 SRB * | Serbia defied the ruling of the international court.
129 RUS * | Russia vetoed a UN Security Council resolution on Syria.
129 USA * | The United States vetoed a resolution calling for a ceasefire in Gaza.
# ---- 13 threaten
130 TUR GRC | Turkey threatened Greece on Tuesday.
130 CHN JPN | China warned Japan of serious consequences.
131 CHN LTU | Beijing threatened to punish Lithuania over its ties with Taiwan.
131 USA TUR | The United States threatened Turkey with economic consequences.
1311 USA PAK | The United States threatened to cut aid to Pakistan.
1311 GBR UGA | Britain threatened to withhold aid from Uganda over the law.
1312 IGO RUS | The European Union threatened Russia with new sanctions.
1312 USA CHN | Washington threatened to impose tariffs on Chinese goods.
1313 TUR ISR | Turkey threatened to sever diplomatic ties with Israel.
1313 MAR DEU | Morocco threatened to break off relations with Germany.
1321 HKG * | Hong Kong's government threatened to restrict public gatherings.
1321 EGY * | The Egyptian government threatened to shut down independent newspapers.
1322 KHM * | Cambodia's prime minister threatened to dissolve the main opposition party.
1322 TUR * | Turkish prosecutors threatened to ban the pro-Kurdish party.
1323 KEN KEN | Kenyan police threatened to impose a curfew in Nairobi.
1323 IND * | The Indian army threatened to impose a curfew in Kashmir.
1324 THA THA | Thailand's prime minister threatened to declare a state of emergency in Bangkok.
1324 PAK * | The Pakistani government threatened to impose martial law.
133 FRA * | French unions threatened to strike over the pension reform.
133 KEN KEN | Kenya's opposition threatened mass protests against the election results.
134 PSE ISR | The Palestinians threatened to pull out of peace talks with Israel.
134 PRK USA | North Korea threatened to suspend negotiations with the United States.
135 QAT ISR | Qatar threatened to end its mediation between Israel and Hamas.
135 NOR LKA | Norway threatened to withdraw as a mediator in Sri Lanka's peace process.
136 MLI IGOUNO | Mali threatened to expel UN peacekeepers.
136 IRN IGO | Iran threatened to expel IAEA inspectors.
137 BLR BLR | Belarus's president threatened to use force against protesters.
138 PRK KOR | North Korea threatened military action against South Korea.
138 VEN GUY | Venezuela threatened to use force against Guyana.
138 RUS UKR | Russia threatened to use force against Ukraine.
1381 CHN TWN | China threatened to blockade Taiwan.
1381 ISR LBN | Israel threatened to impose a naval blockade on Lebanon.
1382 ISR PSE | Israel threatened to reoccupy the Gaza Strip.
1382 TUR SYR | Turkey threatened to occupy northern Syria.
1383 AFG * | The Taliban threatened to kidnap foreign aid workers.
1383 IMG KEN | Al-Shabaab threatened to carry out suicide attacks in Kenya.
1384 IRN USA | Iran threatened to attack US bases in the region.
1384 PRK KOR | North Korea threatened to shell South Korean islands.
1385 RUS UKR | Russia threatened to use nuclear weapons against Ukraine.
1385 PRK USA | North Korea threatened a nuclear strike on the United States.
139 IGO SYR | The Arab League gave Syria an ultimatum.
139 IGO NER | ECOWAS issued an ultimatum to Niger's junta.
# ---- 14 protest
140 KEN KEN | Kenyan opposition lawmakers walked out of parliament in protest.
140 IND IND | Indian opposition parties staged a walkout in protest at the speaker's ruling.
141 VEN VEN | Tens of thousands of opposition supporters rallied in Caracas on Saturday.
1411 PHL PHL | Protesters rallied in Manila to demand the removal of the president.
1411 SDN SDN | Thousands marched in Khartoum demanding the resignation of President Omar al-Bashir.
1412 IND IND | Farmers demonstrated in New Delhi against the new agricultural laws.
1412 DEU DEU | Thousands protested in Berlin against the government's immigration policy.
1413 IRN IRN | Women marched in Tehran to demand equal rights.
1413 TUR TUR | Hundreds of Kurds demonstrated in Istanbul for language rights.
1414 THA THA | Protesters marched in Bangkok demanding a new constitution.
1414 HKG HKG | Tens of thousands rallied in Hong Kong for democracy.
142 PSE ISR | Palestinian prisoners went on hunger strike in Israeli jails.
142 RUS RUS | A jailed Russian opposition leader began a hunger strike.
1421 BGD BGD | Bangladeshi opposition activists went on hunger strike to demand the government's resignation.
1423 CHN CHN | Tibetan monks went on hunger strike in China to demand religious freedom.
1421 NPL NPL | A Nepalese opposition leader began a hunger strike demanding the resignation of the prime minister.
1421 PAK PAK | Jailed Pakistani opposition activists launched a hunger strike demanding the prime minister's resignation.
1422 PSE ISR | Palestinian detainees have begun a hunger strike against Israel's policy of detention without trial.
1422 IND IND | An Indian activist went on hunger strike against the new land law.
1423 IRN IRN | Iranian political prisoners staged a hunger strike to demand the right to a fair trial.
1423 TUR TUR | Kurdish prisoners in Turkey went on hunger strike demanding the right to use their language.
1424 THA THA | A Thai activist went on hunger strike to demand constitutional reform.
1424 EGY EGY | Egyptian activists began a hunger strike to demand democracy.
143 BEL BEL | Dock workers went on strike in Antwerp.
143 VEN VEN | Venezuela's opposition parties boycotted the parliamentary elections.
143 MLI MLI | Mali's main opposition parties boycotted the presidential election.
1431 BOL BOL | Bolivian workers went on a general strike to demand the president's resignation.
1432 CHL CHL | Teachers went on strike in Chile against the education reform.
1431 ARG ARG | Argentine unions began a general strike demanding the economy minister's resignation.
1431 BGD BGD | Bangladesh's opposition boycotted parliament to demand the prime minister's resignation.
1432 KOR KOR | South Korean doctors staged a strike against the government's plan to expand medical school admissions.
1432 FRA FRA | French rail workers went on strike against the pension reform.
1433 BGD BGD | Garment workers in Bangladesh went on strike demanding the right to form unions.
1433 ZAF ZAF | Black workers in South Africa went on strike for equal rights.
1434 PAK PAK | Pakistani opposition parties boycotted the election to demand a new constitution.
1434 NPL NPL | Nepal's Maoists called a general strike to demand the abolition of the monarchy.
144 BOL BOL | Protesters blocked the main highway into La Paz.
144 FRA FRA | French farmers blockaded fuel depots across the country.
144 GBR GBR | Fuel depots were blockaded by British farmers.
1441 SRB SRB | Students blockaded the main bridge in Belgrade to demand the president's resignation.
1441 LBN LBN | Protesters blocked roads in Beirut demanding the resignation of the government.
1442 FRA FRA | French farmers blocked motorways to protest against the government's fuel policy.
1443 IND IND | Dalit activists blocked railway lines in India to demand equal rights.
1443 ECU ECU | Indigenous activists blocked a highway in Ecuador to demand land rights.
1444 ARM ARM | Opposition supporters blocked streets in Yerevan to demand a new constitution.
1444 THA THA | Demonstrators occupied government buildings in Bangkok demanding the dissolution of parliament.
145 FRA FRA | Rioters clashed with police and torched cars in the suburbs of Paris.
145 KEN KEN | Protesters threw stones at police in Nairobi.
1451 COD COD | Protesters rioted in Kinshasa, demanding the president's departure.
1451 KGZ KGZ | Rioters in Bishkek stormed government buildings to demand the president's resignation.
1452 IDN IDN | Students rioted in Jakarta against the new labour law.
1452 SEN SEN | Rioters burned shops in Dakar in protest against the rise in fuel prices.
1452 IRN IRN | Iranian rioters torched banks in protest against a rise in petrol prices.
1454 MDG MDG | Rioters in Antananarivo demanded an end to the regime.
# ---- 15 exhibit force posture
150 CHN TWN | China held military drills near Taiwan.
150 RUS UKR | Russia staged a show of force near the Ukrainian border.
151 JPN JPN | Japan's government put the police on high alert ahead of the summit.
152 PAK IND | Pakistan placed its armed forces on alert along the border with India.
153 KEN KEN | Kenya deployed riot police to Nairobi's slums.
153 EGY EGY | Egypt deployed thousands of police officers across Cairo ahead of the anniversary.
154 RUS UKR | Russia massed troops on the Ukrainian border.
154 IND CHN | India deployed additional troops along its border with China.
155 PRK USA | North Korea mobilised its hackers against the United States.
# ---- 16 reduce relations
160 AUS IRN | Australia downgraded its relations with Iran.
160 LTU CHN | Lithuania scaled back its ties with China.
161 SAU IRN | Saudi Arabia severed diplomatic relations with Iran.
161 NIC TWN | Nicaragua broke off diplomatic ties with Taiwan.
162 USA PSE | The United States cut aid to the Palestinians.
162 GBR MWI | Britain suspended aid to Malawi.
1621 IGO UGA | The World Bank froze loans to Uganda.
1621 IGO MOZ | The European Union suspended budget support to Mozambique.
1622 USA UKR | The United States suspended military aid to Ukraine.
1622 DEU SAU | Germany stopped weapons deliveries to Saudi Arabia.
1623 IGOUNO ETH | The UN suspended food aid to northern Ethiopia.
1623 USA AFG | The United States halted humanitarian assistance to Afghanistan.
163 USA RUS | The United States imposed sanctions on Russian banks.
163 CHN AUS | China imposed anti-dumping duties on Australian wine on Friday.
163 CHN USA | China retaliated with tariffs on American soybeans.
163 IGO IRN | The European Union imposed an oil embargo on Iran.
164 PSE ISR | The Palestinians suspended peace talks with Israel.
164 PRK USA | North Korea broke off negotiations with the United States.
165 QAT ISR | Qatar suspended its mediation between Israel and Hamas.
165 EGY PSE | Egypt withdrew from its role as mediator between the Palestinian factions.
166 IGOUNO LBN | The United Nations withdrew its mission from Lebanon.
166 NER FRA | Niger ordered French troops to leave the country.
166 MLI FRA | Mali ordered French troops to leave the country.
1661 MLI IGOUNO | Mali ordered UN peacekeepers to leave the country.
1661 FJI * | Fiji withdrew its peacekeepers from the Golan Heights.
1661 IGO SOM | UN peacekeepers left Somalia on Friday.
1661 IGO BIH | Eighty UN peacekeepers pulled out of the Bosnian enclave of Gorazde on Friday.
1662 PRK IGO | North Korea expelled IAEA inspectors.
1662 RUS * | Russia withdrew its observers from the monitoring mission in Ukraine.
1663 SDN * | Sudan expelled 13 foreign aid agencies from Darfur.
1663 NER * | Niger ordered international aid groups to leave the country.
# ---- 17 coerce
170 CHN LTU | China coerced Lithuania over Taiwan.
170 RUS ARM | Russia pressured Armenia into joining the customs union.
170 CHN NPL | China pressured Nepal into signing the agreement.
171 IRN GBR | Iran seized a British-flagged oil tanker in the Strait of Hormuz.
171 RUS UKR | Three Ukrainian navy ships were seized by Russian forces.
1711 VEN USA | Venezuela expropriated the assets of US oil companies.
1711 ISR PSE | Israel confiscated Palestinian land near Bethlehem.
1712 ISR PSE | Israeli forces demolished Palestinian homes in East Jerusalem.
1712 CHN CHN | Chinese authorities bulldozed Tibetan monasteries.
172 CHN USA | China revoked the press credentials of American journalists.
172 IND PAK | India cancelled the visas of Pakistani nationals.
1722 THA THA | Thailand's constitutional court dissolved the main opposition party.
1723 IND IND | Authorities imposed a curfew in Srinagar.
1723 LKA LKA | The Sri Lankan government imposed a nationwide curfew.
1721 TUR * | Turkey blocked access to social media.
1721 EGY * | Egypt banned public demonstrations.
1724 ETH * | Ethiopia declared a state of emergency.
1724 THA * | Thailand's army imposed martial law.
173 KEN KEN | Kenyan police arrested 20 protesters in Nairobi.
173 IRN FRA | A French researcher was detained by Iran.
174 DEU AFG | Germany deported 40 Afghan migrants.
174 TUR DEU | Turkey deported a German journalist.
175 VEN VEN | Venezuelan security forces fired tear gas at protesters in Caracas.
175 IRN IRN | Iranian security forces violently cracked down on protesters.
176 CHN USA | Chinese hackers breached US government computer networks.
176 RUS UKR | Russian hackers attacked Ukraine's power grid.
# ---- 18 assault
180 IMG KEN | Al-Shabaab carried out a terrorist attack on a Nairobi shopping mall.
181 * DEU | Two German engineers were kidnapped in Nigeria.
181 NGA NGA | Boko Haram abducted 276 schoolgirls in Chibok.
182 ISR PSE | Israeli settlers assaulted Palestinian farmers near Nablus.
182 ZWE ZWE | Zimbabwean police officers beat a journalist in Harare.
1821 COD COD | Congolese soldiers raped women in eastern Congo.
1821 IGOUNO CAF | UN peacekeepers sexually abused children in the Central African Republic.
1822 SYR SYR | Syrian security forces tortured detainees.
1822 EGY ITA | An Italian student was tortured by Egyptian police.
1823 EGY EGY | Egyptian police officers beat a detainee to death in Cairo.
1823 IND IND | A Hindu mob lynched two Muslim men in India.
183 * PAK | A bomb exploded in a market in Peshawar, killing 20 people.
183 * IRQ | A bomb went off near a police station in Kirkuk.
183 * EGY | Bombs exploded near two churches in Alexandria on Sunday.
1831 AFG AFG | The Taliban carried out a suicide attack on an army base in Helmand.
1831 * IRQ | A suicide bomber killed 30 people in Baghdad.
1832 * SYR | A car bomb exploded outside the Interior Ministry in Damascus.
1832 IMG SOM | Al-Shabaab detonated a truck bomb in Mogadishu.
1832 * SOM | A car bomb went off outside a hotel in Mogadishu.
1833 AFG AFG | Taliban militants planted roadside bombs targeting Afghan troops.
1833 * USA | A roadside bomb exploded near a US military convoy in Iraq.
1833 * USA | A roadside bomb killed three American soldiers in Iraq.
1834 GRC GRC | Greek anarchists bombed a bank in Athens.
1834 PAK PAK | Pakistani militants bombed a church in Lahore.
184 IRQ IRQ | Iraqi insurgents used villagers as human shields in Fallujah.
185 * PAK | Gunmen tried to assassinate the Pakistani prime minister.
185 TCD TCD | Chadian rebels attempted to assassinate the president.
186 ISR PSE | Israel assassinated a Hamas leader in Beirut.
186 * HTI | Haiti's president was assassinated at his home.
# ---- 19 fight
190 RUS UKR | Russian forces attacked Ukrainian positions near Bakhmut.
190 NGA NGA | The Nigerian army attacked Boko Haram camps.
190 VEN GUY | Venezuela used force against Guyana.
191 ISR PSE | Israel imposed a blockade on the Gaza Strip.
192 TUR SYR | Turkish troops occupied a town in northern Syria.
192 SYR IMG | The Syrian army recaptured the town of Palmyra from Islamic State fighters.
192 IRQ IMG | Iraqi troops retook the city of Mosul from the Islamic State.
193 PHL PHL | Philippine soldiers opened fire on rebels in Mindanao.
193 IND PAK | Indian and Pakistani troops exchanged gunfire along the Line of Control.
194 ISR LBN | Israeli artillery shelled southern Lebanon.
194 AZE ARM | Azerbaijani forces shelled Armenian positions with artillery.
195 ISR PSE | Israeli warplanes struck targets in Gaza.
1951 USA * | US warplanes dropped laser-guided bombs on Islamic State positions.
1951 ISR SYR | Israeli jets fired precision-guided missiles at targets in Syria.
1952 USA PAK | A US drone strike killed a militant commander in Pakistan.
1952 UKR RUS | Ukraine launched drone attacks on Russian airfields.
196 RUS UKR | Russia violated the ceasefire in eastern Ukraine.
# ---- 20 mass violence
201 UGA * | Uganda expelled its entire Asian community in 1972.
202 SRB BIH | Serb forces massacred 8,000 Muslim men in Srebrenica.
202 SDN SDN | The Sudanese army massacred hundreds of villagers in Darfur.
202 SDN SDN | The Sudanese army was responsible for the massacre of 300 villagers.
203 SRB * | Serbia carried out ethnic cleansing in Kosovo.
2041 SYR SYR | Syrian government forces used chemical weapons against civilians in Ghouta.
2042 USA JPN | The United States dropped an atomic bomb on Hiroshima in 1945.
"#;

/// Sentences whose failure is the coder's logic or the parse, not a pattern:
/// `CODE SOURCE TARGET | sentence | reason`.
const KNOWN: &str = r#"
0232 UKR USA | Ukraine asked the United States for more air defence systems. | parse: 'for more air defence systems' is attached under 'States', not 'asked' ('Ukraine asked Germany for air defence systems' codes 0232)
030 CHN RUS | China said it was ready to cooperate with Russia. | pattern language: composition maps by code, and 'cooperate with $T' shares 050 with 'restore relations with $T', whose intent is 032; an 050 → 030 rule breaks that
030 JPN KOR | Japan pledged to work closely with South Korea. | pattern language: composition maps by code, and 'work with $T' shares 050 with 'restore relations with $T', whose intent is 032; an 050 → 030 rule breaks that
0352 ZAF * | Striking miners in South Africa agreed to return to work. | pattern language: 'return to work' ends a strike only for strikers ('the president returned to work after surgery'), and a verb pattern cannot ask for its subject's noun ('striking miners')
0352 THA * | Thai protest leaders said they would end their sit-in at Government House. | parse: 'sit-in' is split into the verb 'sit' and 'in', so '082 end sit-in' has no noun to match
044 USA RUS | The US and Russian presidents met in Geneva. | coder: a meeting in a third country's city is coded 040 (USAGOV and RUSGOV both ways), with no rule for the third location of 044
053 SAU YEM | Saudi Arabia lobbied Arab states to support the Yemeni government. | pattern language: a slot with no preposition is the trigger's object ('Arab states'), not the object of the clause it governs ('support the Yemeni government'), so '053 lobby $T support' would take the lobbied as target
063 ESP FRA | Spain extradited a suspected ETA militant to France. | parse: 'a' is the object and 'ETA' the object of 'suspected'
064 GBR DEU | British intelligence passed information about the plot to German authorities. | parse: 'to German authorities' is attached under 'plot', not 'passed'
0812 MMR * | Myanmar's junta lifted the ban on Aung San Suu Kyi's party. | actor: 'Aung San Suu Kyi's party' names no actor and 0812 is not coded without a target ('lifted the ban on the NLD' codes nothing either)
0842 DEU NGA | Germany returned the Benin Bronzes to Nigeria. | actor: 'Benin' in 'Benin Bronzes' is taken as the country object of 'return $T' (084)
0872 ISR PSE | Israel eased its blockade of the Gaza Strip. | coder: the blockade noun is coded (191) and the easing pattern (0872) does not fire
092 KEN KEN | Kenya's police watchdog investigated allegations of torture by Kenyan police officers. | parse: 'watchdog' is parsed as an auxiliary and 'by Kenyan police officers' as the agent of 'investigated'
093 IGOUNO ISR | The UN opened an inquiry into the Israeli air strike on a school in Gaza. | coder: the noun pattern '093 inquiry|investigation|probe into $T strike ...' does not fire on 'an inquiry into the Israeli (air) strike' (not traced further), so '090 inquiry into $T' wins
1043 * CHN | Tibetan exiles demanded religious freedom from China. | actor: 'Tibetan exiles' names no actor, and an event with no source is not coded ('Activists demanded religious freedom from China' codes 1043)
1051 ETH ETH | Ethiopian opposition parties demanded an end to the state of emergency. | coder: the event noun under the demand ('end ... of emergency', 0814) is coded instead of the demand
1124 UKR RUS | Ukraine accused Russian forces of war crimes in Bucha. | pattern language: 'war' in 'of war crimes' under the object is two levels below the trigger, so 'accuse $T of &crime' (1121) wins
114 LBN ISR | Lebanon filed a complaint with the UN Security Council against Israel. | parse: 'against Israel' is attached under 'Council', so 'file complaint with|to|against $T' takes the UN
1242 ZAF * | Striking miners in South Africa refused to return to work. | pattern language: 'return to work' ends a strike only for strikers ('the president returned to work after surgery'), and a verb pattern cannot ask for its subject's noun ('striking miners')
137 SYR SYR | The Syrian army threatened to crush the uprising. | coder: a military's repression with no place and no named target takes no own-country target, so the 137 threat has none
141 IRN IRN | Thousands of people demonstrated in Tehran against the government. | coder: a crowd ('thousands of people') names no actor and the place's country is not taken as the source
1422 PSE ISR | Palestinian prisoners went on hunger strike in protest against Israel's policy of administrative detention. | coder: the goal hangs under 'strike', an oblique of 'went' (a verb pattern reaches no nmod or acl inside an oblique, and the noun 'strike' takes no owner from 'went on'), so '142 go on hunger strike against|over $T' wins
1442 CAN CAN | Truckers blockaded the border crossing in Canada in protest against vaccine mandates. | coder: 'truckers' names no actor and is no crowd word (HUMAN), so there is no source
1453 GBR GBR | Catholic rioters demanding civil rights clashed with police in Londonderry. | actor/place: 'Londonderry' is no place the lists know and 'Catholic rioters' no actor ('Catholic rioters clashed with police in Londonderry' codes nothing)
1453 USA USA | Rioters demanding civil rights torched buildings in Detroit. | pattern language: what rioters demand hangs on the subject ('rioters demanding civil rights'), below the words `^` reads (its head and modifiers), so '145 ^rioter &b_destroy $T' gives 145
1454 KGZ KGZ | Rioters demanding a new constitution set fire to government buildings in Bishkek. | pattern language: what rioters demand hangs on the subject ('rioters demanding a new constitution'), below the words `^` reads (its head and modifiers), so '145 ^rioter set fire to $T' gives 145
151 FRA FRA | French police were placed on high alert after the attack. | coder: a passive with no agent ('were placed on high alert') has no source (only arrests and expulsions take the state)
151 KEN KEN | Kenyan police raised their alert level ahead of the election. | parse: 'ahead' is parsed as the object of 'raised', with 'alert' an adjective
152 KOR PRK | South Korea put its troops on high alert after North Korea's missile launch. | coder: 'after North Korea's missile launch' is a phrase of time, never a target, and a military alert takes no own-country target
155 UKR RUS | Ukraine recruited an army of volunteer hackers to fight Russia. | pattern language: a slot with no preposition is the trigger's object ('army'), not the object of the purpose clause ('fight Russia'), so '155 recruit hacker fight $T' cannot be written
1722 EGY EGY | Egypt banned the Muslim Brotherhood. | actor: the Muslim Brotherhood is NGMMUS, an actor of no country, so the ban's target is not Egyptian
180 NGA NGA | Boko Haram militants attacked a village in northeastern Nigeria. | choice: militants attacking a place is kept 'attack $T' (190), as PETRARCH codes it; only gunmen (`^gunman`) are 180
183 ESP ESP | ETA militants planted a bomb outside a police barracks in Spain. | actor: 'ETA militants' names no actor the lists know ('ETA militants attacked Spain' codes nothing)
184 LKA LKA | The Tamil Tigers used civilians as human shields. | actor: 'The Tamil Tigers' is no actor the lists know ('The Tamil Tigers attacked civilians' codes nothing)
191 SAU YEM | Saudi-led forces blockaded Yemen's ports. | actor: 'Saudi-led' is no actor ('Saudi forces blockaded Yemen's ports' codes 191 SAUMIL→YEM)
192 RUS UKR | Russian forces occupied the Crimean peninsula. | actor/place: 'the Crimean peninsula' is no place or actor the lists know
195 SYR SYR | The Syrian air force bombed rebel-held towns. | coder: a military's bombing with no place and no named target takes no own-country target ('... rebel-held towns in Syria' codes 195 SYRMIL→SYR)
196 YEM SAU | Houthi rebels violated the truce by shelling Saudi border towns. | coder: the truce's implied target falls to the rebels' own country, not to the target of the shelling in the same clause
201 MMR MMR | Myanmar's army drove hundreds of thousands of Rohingya out of the country. | coder: 'the country' names no place and a military's act takes no own-country target; no '201' pattern codes it either ('drive thousand out' does not fire)
203 MMR MMR | Myanmar's army ethnically cleansed Rohingya villages. | coder: a military's act with no place and no named target takes no own-country target ('... Rohingya villages in Myanmar' codes 203 MMRMIL→MMR)
2041 IRQ IRQ | Iraq attacked Kurdish villages with poison gas in 1988. | coder: with no place and a bare country as source, no own-country implied target is taken
2042 USA JPN | A US bomber dropped a nuclear bomb on Nagasaki. | actor/place: 'Nagasaki' is no place the lists know ('A US bomber dropped a nuclear bomb on Hiroshima' codes 2042 USA→JPN)
"#;

/// Sentences that still miss their event for want of a pattern (or with a
/// pattern choice this suite disagrees with): `CODE SOURCE TARGET | sentence | reason`.
/// Asserted to fail like `KNOWN`, so that a new pattern moves them to `SUITE`.
const PENDING: &str = r#"
"#;
