//! Model file format (all integers little-endian):
//!
//! ```text
//! magic      8 bytes  "KHDPARSE"
//! version    u32      format version (1)
//! features   u32      feature-template set the weights were trained with
//! n_labels   u8       then per label: u8 length + UTF-8 name
//! root       u8       index of the `root` label
//! scale      f32      real weight = stored i16 * scale
//! n_feats    u32      then per feature, in increasing key order:
//!   key delta  varint   key minus the previous key (keys are 64-bit hashes)
//!   n          u8       number of (class, weight) pairs
//!   pairs      n * (u8 class, i16 weight)
//! ```
//!
//! Delta-coded sorted keys save about a third of the file over raw `u64`s.

use crate::perceptron::{unpack, FlatRows, Weights};
use crate::rel::Rel;
use crate::transition::n_classes;
use crate::{Error, Parser, Result};

const MAGIC: &[u8; 8] = b"KHDPARSE";
const VERSION: u32 = 1;

fn bad(msg: impl Into<String>) -> Error {
    Error::BadModel(msg.into())
}

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.buf.len());
        let end = end.ok_or_else(|| bad(format!("truncated at byte {}", self.pos)))?;
        let s = &self.buf[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn i16(&mut self) -> Result<i16> {
        let b = self.take(2)?;
        Ok(i16::from_le_bytes([b[0], b[1]]))
    }
    fn varint(&mut self) -> Result<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(bad("varint too long"))
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

pub(crate) fn to_bytes(p: &Parser) -> Vec<u8> {
    let rows = p.weights.rows();
    let mut out = Vec::with_capacity(rows.len() * 12 + 1024);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&p.feature_set.to_le_bytes());
    out.push(p.labels.len() as u8);
    for l in &p.labels {
        let s = l.as_str().as_bytes();
        out.push(s.len() as u8);
        out.extend_from_slice(s);
    }
    out.push(p.root_label as u8);
    out.extend_from_slice(&p.weights.scale().to_le_bytes());
    out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    let mut prev = 0u64;
    for (key, row) in rows {
        put_varint(&mut out, key - prev);
        prev = key;
        out.push(row.len() as u8);
        for &e in row.iter() {
            let (c, w) = unpack(e);
            out.push(c);
            out.extend_from_slice(&w.to_le_bytes());
        }
    }
    out
}

pub(crate) fn from_bytes(buf: &[u8]) -> Result<Parser> {
    let mut r = Reader { buf, pos: 0 };
    if r.take(8)? != MAGIC {
        return Err(bad("not a khaldun parser model (bad magic)"));
    }
    let version = r.u32()?;
    if version != VERSION {
        return Err(bad(format!("unsupported model format version {version}")));
    }
    let fs = r.u32()?;
    if crate::features::n_feats(fs).is_none() {
        return Err(bad(format!(
            "model uses feature set {fs}, this build reads {} and {}",
            crate::features::FEATURE_SET_PLAIN,
            crate::features::FEATURE_SET
        )));
    }
    let n_labels = r.u8()? as usize;
    let mut labels = Vec::with_capacity(n_labels);
    for _ in 0..n_labels {
        let len = r.u8()? as usize;
        let name = std::str::from_utf8(r.take(len)?).map_err(|_| bad("label is not UTF-8"))?;
        labels.push(Rel::from_name_lossy(name));
    }
    if !(2..=127).contains(&n_labels) {
        return Err(bad(
            "a model needs `root`, another label, and at most 127 labels",
        ));
    }
    let root_label = r.u8()? as usize;
    if labels.get(root_label) != Some(&Rel::ROOT) {
        return Err(bad("root label index does not name `root`"));
    }
    let b = r.take(4)?;
    let scale = f32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    if !scale.is_finite() || scale <= 0.0 {
        return Err(bad("bad weight scale"));
    }
    let n_feats = r.u32()? as usize;
    let classes = n_classes(n_labels);
    let mut flat = FlatRows::default();
    let mut key = 0u64;
    let mut row = Vec::with_capacity(256);
    for i in 0..n_feats {
        let delta = r.varint()?;
        if delta == 0 && i > 0 {
            return Err(bad("duplicate feature key"));
        }
        key = key
            .checked_add(delta)
            .ok_or_else(|| bad("feature keys overflow"))?;
        let n = r.u8()? as usize;
        row.clear();
        for _ in 0..n {
            let c = r.u8()?;
            if c as usize >= classes {
                return Err(bad(format!("class {c} out of range")));
            }
            row.push((c, r.i16()?));
        }
        flat.push(key, row.iter().copied());
    }
    if r.pos != buf.len() {
        return Err(bad("trailing bytes after the weights"));
    }
    Ok(Parser {
        labels,
        root_label,
        feature_set: fs,
        weights: Weights::build(scale, flat),
    })
}
