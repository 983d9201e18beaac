//! CAMEO-style actor codes: a root ("country") and sector codes.
//!
//! A code is a run of three-character chunks. The first, the *root*, is an
//! ISO 3166 alpha-3 country (`FRA`), a former state (`USR`), a region (`MEA`,
//! `EUR`) or a non-state root (`IGO`, `NGO`, `IMG` armed group, `MNC`, `NGM`,
//! `UIS`). The chunks after it are sectors (`GOV`, `MIL`, `REB` ...), and for
//! non-state roots also organization or group identifiers (`IGOUNO`,
//! `IMGMUSISI`). Chunks are upper-case letters or digits (CAMEO's
//! denomination codes are numeric), the root letters only; at most
//! [`MAX_CHUNKS`] chunks.
//!
//! [`Code::parse`] checks the syntax only, which is what reading someone
//! else's dictionary needs; [`CodeTable::validate`] (or [`Code::validate`]
//! against the built-in table) also checks that every chunk is a known one.

use crate::error::{Error, Result};
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

/// Most chunks a code may have (root included): Phoenix's longest have five.
pub const MAX_CHUNKS: usize = 6;

/// An actor code such as `FRAGOV`, `IRQMIL`, `IGOUNO` or `IMGMUSISI`.
///
/// Stored inline (no allocation, `Copy`), compared and hashed by its text.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code {
    len: u8,
    buf: [u8; 3 * MAX_CHUNKS],
}

fn code_err(code: &str, reason: &str) -> Error {
    Error::Code {
        code: code.to_string(),
        reason: reason.to_string(),
    }
}

fn is_chunk(c: &[u8]) -> bool {
    c.len() == 3
        && c.iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

impl Code {
    /// Parses a code: upper-case, a whole number of chunks, a lettered root.
    pub fn parse(s: &str) -> Result<Code> {
        let b = s.as_bytes();
        if b.is_empty() {
            return Err(code_err(s, "empty"));
        }
        if b.len() % 3 != 0 {
            return Err(code_err(s, "length is not a multiple of 3"));
        }
        if b.len() > 3 * MAX_CHUNKS {
            return Err(code_err(s, "more than 6 chunks"));
        }
        if !b.chunks(3).all(is_chunk) {
            return Err(code_err(s, "chunks are upper-case letters or digits"));
        }
        if !b[..3].iter().all(u8::is_ascii_uppercase) {
            return Err(code_err(s, "the root is three letters"));
        }
        let mut buf = [0u8; 3 * MAX_CHUNKS];
        buf[..b.len()].copy_from_slice(b);
        Ok(Code {
            len: b.len() as u8,
            buf,
        })
    }

    /// A code from a root and sector chunks: `Code::new("IRQ", &["MIL"])` is `IRQMIL`.
    pub fn new(root: &str, sectors: &[&str]) -> Result<Code> {
        let mut s = String::with_capacity(3 * (1 + sectors.len()));
        s.push_str(root);
        for x in sectors {
            s.push_str(x);
        }
        Code::parse(&s)
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        // only ASCII letters and digits are ever stored
        std::str::from_utf8(&self.buf[..self.len as usize]).unwrap_or_default()
    }

    /// The root chunk: a country, region or non-state root.
    pub fn root(&self) -> &str {
        &self.as_str()[..3]
    }

    /// Number of chunks, root included.
    pub fn len_chunks(&self) -> usize {
        self.len as usize / 3
    }

    /// All chunks, root first.
    pub fn chunks(&self) -> impl Iterator<Item = &str> + '_ {
        let s = self.as_str();
        (0..s.len()).step_by(3).map(move |i| &s[i..i + 3])
    }

    /// The chunks after the root.
    pub fn sectors(&self) -> impl Iterator<Item = &str> + '_ {
        self.chunks().skip(1)
    }

    /// True when a chunk after the root is `chunk` (`IRQGOVMIL` has `MIL`).
    pub fn has_sector(&self, chunk: &str) -> bool {
        self.sectors().any(|c| c == chunk)
    }

    /// This code with `chunks` appended (`IRQ` + `MIL` = `IRQMIL`); chunks the
    /// code already has are not repeated.
    pub fn with_sectors(&self, chunks: &Code) -> Result<Code> {
        let mut s = self.as_str().to_string();
        for c in chunks.chunks() {
            if !self.chunks().any(|x| x == c) {
                s.push_str(c);
            }
        }
        Code::parse(&s)
    }

    /// The root when it is a state (a country code in the built-in table).
    pub fn country(&self) -> Option<&str> {
        let k = crate::Knowledge::builtin().codes().root_kind(self.root());
        matches!(k, Some(ChunkKind::State | ChunkKind::FormerState)).then(|| self.root())
    }

    /// Checks every chunk against the built-in [`CodeTable`].
    pub fn validate(&self) -> Result<()> {
        crate::Knowledge::builtin().codes().validate(self)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Code({})", self.as_str())
    }
}

impl FromStr for Code {
    type Err = Error;
    fn from_str(s: &str) -> Result<Code> {
        Code::parse(s)
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Code::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// What a three-character chunk stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChunkKind {
    /// A present-day state or territory (ISO 3166 alpha-3).
    State,
    /// A state that no longer exists (`USR`, `YUG`, `CSK`, `DDR`).
    FormerState,
    /// A world region (`EUR`, `MEA`, `AFR`, `WST` ...).
    Region,
    /// A non-state root (`IGO`, `NGO`, `IMG`, `MNC`, `NGM`, `UIS`).
    NonState,
    /// A sector or role (`GOV`, `MIL`, `REB`, `COP` ...).
    Sector,
    /// A religion or denomination (`MUS`, `SHI`, `CHR` ...).
    Religion,
    /// An ethnic group (`KUR`, `UIG` ...).
    Ethnic,
    /// A specific organization or group (`UNO`, `NAT`, `ISI`, `ALQ` ...).
    Organization,
}

impl ChunkKind {
    /// The name used in `data/actors/codes.txt`.
    pub fn as_str(self) -> &'static str {
        match self {
            ChunkKind::State => "state",
            ChunkKind::FormerState => "former",
            ChunkKind::Region => "region",
            ChunkKind::NonState => "nonstate",
            ChunkKind::Sector => "sector",
            ChunkKind::Religion => "religion",
            ChunkKind::Ethnic => "ethnic",
            ChunkKind::Organization => "org",
        }
    }

    /// The kind named `s`, as in `data/actors/codes.txt`.
    pub fn from_name(s: &str) -> Option<ChunkKind> {
        Some(match s {
            "state" => ChunkKind::State,
            "former" => ChunkKind::FormerState,
            "region" => ChunkKind::Region,
            "nonstate" => ChunkKind::NonState,
            "sector" => ChunkKind::Sector,
            "religion" => ChunkKind::Religion,
            "ethnic" => ChunkKind::Ethnic,
            "org" => ChunkKind::Organization,
            _ => return None,
        })
    }

    /// True for kinds a code may start with.
    pub fn is_root(self) -> bool {
        matches!(
            self,
            ChunkKind::State | ChunkKind::FormerState | ChunkKind::Region | ChunkKind::NonState
        )
    }
}

/// The known chunks and their meaning (`data/actors/codes.txt` plus every
/// country in `data/actors/countries.txt`).
///
/// A chunk can mean one thing as a root and another later in a code: CAMEO
/// inherited `MUS` for Islam, which ISO gave to Mauritius, so `MUSGOV` is
/// Mauritius's government while `IMGMUSISI` is a Muslim armed group. Roots
/// and later chunks are therefore looked up separately; a later chunk that
/// is not a sector, religion, ethnic group or organization may still be a
/// state or region (`IGOEUREEC`, `NGOUSACHR`).
#[derive(Debug, Clone, Default)]
pub struct CodeTable {
    roots: HashMap<[u8; 3], (ChunkKind, String)>,
    parts: HashMap<[u8; 3], (ChunkKind, String)>,
}

fn key(chunk: &str) -> Option<[u8; 3]> {
    chunk.as_bytes().try_into().ok()
}

impl CodeTable {
    /// Adds (or redefines) a chunk; root kinds go to the root table, the
    /// others to the table of later chunks.
    pub fn insert(&mut self, chunk: &str, kind: ChunkKind, description: &str) -> Result<()> {
        let k = key(chunk)
            .filter(|k| is_chunk(k))
            .ok_or_else(|| code_err(chunk, "a chunk is three upper-case letters or digits"))?;
        let table = if kind.is_root() {
            &mut self.roots
        } else {
            &mut self.parts
        };
        table.insert(k, (kind, description.to_string()));
        Ok(())
    }

    /// What `chunk` stands for as a root (state, former state, region, non-state root).
    pub fn root_kind(&self, chunk: &str) -> Option<ChunkKind> {
        self.roots.get(&key(chunk)?).map(|e| e.0)
    }

    /// What `chunk` stands for after the root (a sector, religion, ethnic
    /// group or organization, else a state or region).
    pub fn part_kind(&self, chunk: &str) -> Option<ChunkKind> {
        let k = key(chunk)?;
        self.parts
            .get(&k)
            .or_else(|| self.roots.get(&k))
            .map(|e| e.0)
    }

    /// What `chunk` stands for in the table of later chunks only.
    pub(crate) fn part_only(&self, chunk: &str) -> Option<ChunkKind> {
        self.parts.get(&key(chunk)?).map(|e| e.0)
    }

    /// The description of `chunk` as a root ("France", "Middle East").
    pub fn describe_root(&self, chunk: &str) -> Option<&str> {
        self.roots.get(&key(chunk)?).map(|e| e.1.as_str())
    }

    /// The description of `chunk` after the root ("Government", "Islam").
    pub fn describe_part(&self, chunk: &str) -> Option<&str> {
        let k = key(chunk)?;
        self.parts
            .get(&k)
            .or_else(|| self.roots.get(&k))
            .map(|e| e.1.as_str())
    }

    /// Number of known chunks (roots and later chunks counted apart).
    pub fn len(&self) -> usize {
        self.roots.len() + self.parts.len()
    }

    /// True when no chunk is known.
    pub fn is_empty(&self) -> bool {
        self.roots.is_empty() && self.parts.is_empty()
    }

    /// Checks that the root is a state, former state, region or non-state
    /// root, and that every later chunk is known or numeric (CAMEO's
    /// denomination codes).
    pub fn validate(&self, code: &Code) -> Result<()> {
        if self.root_kind(code.root()).is_none() {
            let why = match self.part_kind(code.root()) {
                Some(k) => format!("root {} is a {} code", code.root(), k.as_str()),
                None => format!("unknown root {}", code.root()),
            };
            return Err(code_err(code.as_str(), &why));
        }
        for c in code.sectors() {
            if self.part_kind(c).is_none() && !c.bytes().all(|b| b.is_ascii_digit()) {
                return Err(code_err(code.as_str(), &format!("unknown chunk {c}")));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_by_chunks() {
        let c = Code::parse("IMGMUSISI").unwrap();
        assert_eq!(c.root(), "IMG");
        assert_eq!(c.sectors().collect::<Vec<_>>(), ["MUS", "ISI"]);
        assert_eq!(c.to_string(), "IMGMUSISI");
        assert_eq!(format!("{c:?}"), "Code(IMGMUSISI)");
        assert!(c.has_sector("ISI"));
        assert_eq!(Code::new("IRQ", &["MIL"]).unwrap().as_str(), "IRQMIL");
        assert_eq!(Code::parse("NGOTZACHRPRO214").unwrap().len_chunks(), 5);
        for bad in [
            "",
            "FR",
            "FRAG",
            "fra",
            "123GOV",
            "FRA-GO",
            "AAABBBCCCDDDEEEFFFGGG",
        ] {
            assert!(Code::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn adds_sectors_without_repeating() {
        let irq = Code::parse("IRQGOV").unwrap();
        let add = Code::parse("GOVMIL").unwrap();
        assert_eq!(irq.with_sectors(&add).unwrap().as_str(), "IRQGOVMIL");
    }

    #[test]
    fn validates_against_the_builtin_table() {
        for ok in [
            "FRAGOV",
            "IRQMIL",
            "TURREB",
            "IGOUNO",
            "IMGMUSISI",
            "USR",
            "MEAREB",
        ] {
            Code::parse(ok).unwrap().validate().unwrap();
        }
        for bad in ["XXXGOV", "GOVFRA", "FRAQQQ"] {
            assert!(Code::parse(bad).unwrap().validate().is_err(), "{bad}");
        }
        assert_eq!(Code::parse("FRAGOV").unwrap().country(), Some("FRA"));
        assert_eq!(Code::parse("IGOUNO").unwrap().country(), None);
    }

    #[test]
    fn serializes_as_text() {
        let c = Code::parse("FRAGOV").unwrap();
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"FRAGOV\"");
        assert_eq!(serde_json::from_str::<Code>("\"FRAGOV\"").unwrap(), c);
        assert!(serde_json::from_str::<Code>("\"fr\"").is_err());
    }
}
