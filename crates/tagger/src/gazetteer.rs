//! Name lists for NER features, built from khaldun's own knowledge:
//! `data/actors/*.txt` (persons, first names, organisations, armed groups,
//! countries with adjectives and people nouns, cities, role nouns) and
//! `data/places/` (GeoNames-derived places, hand-written regions), plus
//! `data/titles.txt` (honorifics) and `data/companies.txt` (companies,
//! brands, shops, websites, media, universities, sports teams, agencies:
//! the organisations of web text; read as organisations), both written for
//! this crate. Only the name columns are read. The lists are compiled in
//! with `include_str!` and turned into one hash table on first use.
//!
//! Matching is over token sequences and case-insensitive (lowercase, ASCII
//! digits as `0`, the same hash as [`Tok::lower`](crate::features::Tok));
//! how the matched words are capitalised is a separate feature value, so the
//! model can learn that lowercase "mobile" is seldom the city. Dictionary
//! names are split at spaces and, as a second variant, also around hyphens
//! (EWT writes `al - Qaida`), and with a possessive `'s` as its own token
//! (`McDonald 's`).

use crate::features::{lower_into, Tok};
use crate::hash::{bytes, mix, FxMap};

const PERSONS: &str = include_str!("../../../data/actors/persons.txt");
const FIRST_NAMES: &str = include_str!("../../../data/actors/first_names.txt");
const ORGANIZATIONS: &str = include_str!("../../../data/actors/organizations.txt");
const ARMED_GROUPS: &str = include_str!("../../../data/actors/armed_groups.txt");
const COUNTRIES: &str = include_str!("../../../data/actors/countries.txt");
const CITIES: &str = include_str!("../../../data/actors/cities.txt");
const SECTORS: &str = include_str!("../../../data/actors/sectors.txt");
const PLACES: &str = include_str!("../../../data/places/places.tsv");
const REGIONS: &str = include_str!("../../../data/places/regions.txt");
const TITLES: &str = include_str!("../data/titles.txt");
const COMPANIES: &str = include_str!("../data/companies.txt");

/// Categories (bits of a match value).
pub(crate) const PER: u16 = 1;
pub(crate) const FIRST: u16 = 1 << 1;
pub(crate) const ORG: u16 = 1 << 2;
pub(crate) const COUNTRY: u16 = 1 << 3;
pub(crate) const NAT: u16 = 1 << 4;
pub(crate) const PEOPLE: u16 = 1 << 5;
pub(crate) const CITY: u16 = 1 << 6;
pub(crate) const REGION: u16 = 1 << 7;
pub(crate) const TOWN_BIG: u16 = 1 << 8;
pub(crate) const TOWN: u16 = 1 << 9;
pub(crate) const TITLE: u16 = 1 << 10;
/// Cities in `places.tsv` of at least this many people get [`TOWN_BIG`].
const BIG_TOWN: u64 = 100_000;
/// Set on every proper prefix of a longer name (the scan goes on).
const PREFIX: u16 = 1 << 15;
/// Longest name, in tokens, that is looked for.
const MAX_WORDS: usize = 8;

/// One token's gazetteer view.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub(crate) struct GazTok {
    /// Categories of the word on its own.
    pub(crate) uni: u16,
    /// The longest match covering the word: categories in bits 0-15,
    /// position (1 begin, 2 inside, 3 end, 4 single) in bits 16-18,
    /// capitalisation (0 all lowercase, 1 first word capitalised, 2 all
    /// capitals) in bits 20-21; 0 when no match covers it.
    pub(crate) span: u32,
}

pub(crate) struct Gazetteer {
    map: FxMap<u64, u16>,
}

const SEQ0: u64 = 0x6a09_e667_f3bc_c908;

#[inline]
fn seq(h: u64, tok: u64) -> u64 {
    mix(h.rotate_left(23) ^ tok)
}

/// Fields of a `|`-separated line, comments (`#` at the start or after a
/// space) removed; `None` for blank and comment lines.
fn fields(line: &str) -> Option<Vec<&str>> {
    let line = match line.find(" #") {
        Some(i) => &line[..i],
        None => line,
    };
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    Some(line.split('|').map(str::trim).collect())
}

impl Gazetteer {
    pub(crate) fn builtin() -> &'static Gazetteer {
        static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        G.get_or_init(Gazetteer::build)
    }

    fn build() -> Gazetteer {
        let mut g = Gazetteer {
            map: FxMap::default(),
        };
        let mut lower = String::new();
        let mut add_list = |g: &mut Gazetteer, list: &str, cat: u16| {
            for name in list.split(';') {
                g.add(name, cat, &mut lower);
            }
        };
        let actors: [(&str, usize, u16); 8] = [
            (PERSONS, 0, PER),
            (FIRST_NAMES, 1, FIRST),
            (ORGANIZATIONS, 0, ORG),
            (ARMED_GROUPS, 0, ORG),
            (CITIES, 0, CITY),
            (REGIONS, 0, REGION),
            (TITLES, 0, TITLE),
            (COMPANIES, 0, ORG),
        ];
        for (text, col, cat) in actors {
            for f in text.lines().filter_map(fields) {
                add_list(&mut g, f.get(col).copied().unwrap_or(""), cat);
            }
        }
        for f in COUNTRIES.lines().filter_map(fields) {
            for (col, cat) in [(2, COUNTRY), (3, NAT), (4, PEOPLE)] {
                add_list(&mut g, f.get(col).copied().unwrap_or(""), cat);
            }
        }
        for f in SECTORS.lines().filter_map(fields) {
            if f.get(2) == Some(&"person") {
                add_list(&mut g, f[0], TITLE);
            }
        }
        // geonames_id name ascii alternates(;) iso3 admin1 kind lat lon population
        for l in PLACES.lines().skip(1) {
            let c: Vec<&str> = l.split('\t').collect();
            if c.len() < 10 {
                continue;
            }
            let cat = match c[6] {
                "country" => COUNTRY,
                "admin1" => REGION,
                _ if c[9].parse::<u64>().unwrap_or(0) >= BIG_TOWN => TOWN_BIG,
                _ => TOWN,
            };
            for names in [c[1], c[2], c[3]] {
                add_list(&mut g, names, cat);
            }
        }
        g
    }

    /// Adds a name (split at spaces, and also around hyphens).
    fn add(&mut self, name: &str, cat: u16, lower: &mut String) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        self.add_words(name.split_whitespace(), cat, lower);
        // "McDonald's" is written "McDonald 's" by tokenisers.
        if name.contains("'s ") || name.ends_with("'s") {
            let split = name
                .split_whitespace()
                .flat_map(|w| match w.strip_suffix("'s") {
                    Some(stem) if !stem.is_empty() => vec![stem, "'s"],
                    _ => vec![w],
                });
            self.add_words(split, cat, lower);
        }
        if name.contains('-') {
            let split = name.split_whitespace().flat_map(|w| {
                let mut parts = Vec::new();
                for (k, p) in w.split('-').enumerate() {
                    if k > 0 {
                        parts.push("-");
                    }
                    if !p.is_empty() {
                        parts.push(p);
                    }
                }
                parts
            });
            self.add_words(split, cat, lower);
        }
    }

    fn add_words<'a>(
        &mut self,
        words: impl Iterator<Item = &'a str>,
        cat: u16,
        lower: &mut String,
    ) {
        let hs: Vec<u64> = words
            .map(|w| {
                lower_into(w, lower);
                bytes(lower.as_bytes())
            })
            .collect();
        if hs.is_empty() || hs.len() > MAX_WORDS {
            return;
        }
        let mut h = SEQ0;
        for (k, &t) in hs.iter().enumerate() {
            h = seq(h, t);
            let bit = if k + 1 == hs.len() { cat } else { PREFIX };
            *self.map.entry(h).or_insert(0) |= bit;
        }
    }

    /// Fills `out` with each word's [`GazTok`].
    pub(crate) fn scan(&self, words: &[&str], toks: &[Tok], out: &mut Vec<GazTok>) {
        out.clear();
        out.resize(toks.len(), GazTok::default());
        let n = toks.len();
        // `uni` keeps the PREFIX bit until the end, so that the longest-match
        // scan below needs no second lookup of its first word.
        for (o, t) in out.iter_mut().zip(toks) {
            o.uni = self.map.get(&seq(SEQ0, t.lower)).copied().unwrap_or(0);
        }
        let mut i = 0;
        while i < n {
            if out[i].uni == 0 {
                i += 1;
                continue;
            }
            let mut h = seq(SEQ0, toks[i].lower);
            let mut v = out[i].uni;
            let mut best = None;
            for (j, t) in toks.iter().enumerate().take(n.min(i + MAX_WORDS)).skip(i) {
                if j > i {
                    h = seq(h, t.lower);
                    match self.map.get(&h) {
                        Some(&x) => v = x,
                        None => break,
                    }
                }
                if v & !PREFIX != 0 {
                    best = Some((j + 1, v & !PREFIX));
                }
                if v & PREFIX == 0 {
                    break;
                }
            }
            let Some((end, cats)) = best else {
                i += 1;
                continue;
            };
            let ws = &words[i.min(words.len())..end.min(words.len())];
            let cap = if ws.iter().all(|w| all_caps(w)) {
                2
            } else if ws.first().is_some_and(|w| capitalised(w)) {
                1
            } else {
                0
            };
            for (k, o) in out[i..end].iter_mut().enumerate() {
                let pos = if end - i == 1 {
                    4
                } else if k == 0 {
                    1
                } else if i + k + 1 == end {
                    3
                } else {
                    2
                };
                o.span = u32::from(cats) | pos << 16 | cap << 20;
            }
            i = end;
        }
        for o in out.iter_mut() {
            o.uni &= !PREFIX;
        }
    }
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn all_caps(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars() {
        if c.is_lowercase() {
            return false;
        }
        letters += usize::from(c.is_alphabetic());
    }
    letters > 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::analyze;

    fn scan(s: &str) -> Vec<GazTok> {
        let words: Vec<&str> = s.split(' ').collect();
        let mut toks = Vec::new();
        analyze(&words, &mut String::new(), &mut toks);
        let mut out = Vec::new();
        Gazetteer::builtin().scan(&words, &toks, &mut out);
        out
    }

    #[test]
    fn longest_matches() {
        let g = scan("Emmanuel Macron met the UN Security Council in new york and al - Qaeda");
        assert!(g[0].uni & FIRST != 0);
        assert_eq!(g[0].span, u32::from(PER) | 1 << 16 | 1 << 20);
        assert_eq!(g[1].span & 0xffff, u32::from(PER));
        assert_eq!(g[3].span, 0);
        // "UN Security Council": one organisation, first word in capitals.
        assert_eq!(g[4].span >> 16 & 7, 1);
        assert_eq!(g[6].span >> 16 & 7, 3);
        assert!(g[6].span & u32::from(ORG) != 0);
        // Lowercase "new york": a big town (and a region), capitalisation 0.
        assert!(g[8].span & u32::from(TOWN_BIG | CITY) != 0);
        assert_eq!(g[8].span >> 20, 0);
        assert!(g[11].span & u32::from(ORG) != 0, "{:?}", g[11]);
        assert_eq!(g[13].span >> 16 & 7, 3);
    }

    #[test]
    fn web_organisations_with_possessives() {
        let g = scan("I ate at McDonald 's and Trader Joe 's , then ordered from amazon.com");
        // "McDonald 's": one organisation over two tokens
        assert_eq!(g[3].span, u32::from(ORG) | 1 << 16 | 1 << 20);
        assert_eq!(g[4].span >> 16 & 7, 3);
        assert!(g[6].span & u32::from(ORG) != 0 && g[6].span >> 16 & 7 == 1);
        assert_eq!(g[8].span >> 16 & 7, 3);
        // lowercase: same category, capitalisation 0
        assert_eq!(g[13].span, u32::from(ORG) | 4 << 16);
    }
}
