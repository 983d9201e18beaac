//! Little-endian model encoding: a writer that appends to a `Vec<u8>` and a
//! reader that never panics (every read is bounds-checked and returns
//! [`Error::BadModel`]).

use crate::{Error, Result};

/// Appends primitive values to a byte buffer.
#[derive(Default)]
pub(crate) struct Writer {
    pub(crate) buf: Vec<u8>,
}

impl Writer {
    pub(crate) fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub(crate) fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// LEB128 unsigned varint: sorted key deltas and counts are mostly small.
    pub(crate) fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }
    pub(crate) fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.buf.extend_from_slice(s.as_bytes());
    }
    pub(crate) fn strs(&mut self, v: &[String]) {
        self.varint(v.len() as u64);
        for s in v {
            self.str(s);
        }
    }
}

/// Reads what [`Writer`] wrote.
pub(crate) struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

fn bad(what: &str) -> Error {
    Error::BadModel(format!("truncated or corrupt model while reading {what}"))
}

impl<'a> Reader<'a> {
    pub(crate) fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0 }
    }
    pub(crate) fn bytes(&mut self, n: usize, what: &str) -> Result<&'a [u8]> {
        let end = self.pos.checked_add(n).ok_or_else(|| bad(what))?;
        let s = self.buf.get(self.pos..end).ok_or_else(|| bad(what))?;
        self.pos = end;
        Ok(s)
    }
    pub(crate) fn u8(&mut self, what: &str) -> Result<u8> {
        Ok(self.bytes(1, what)?[0])
    }
    pub(crate) fn u32(&mut self, what: &str) -> Result<u32> {
        let b = self.bytes(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    pub(crate) fn u64(&mut self, what: &str) -> Result<u64> {
        let b = self.bytes(8, what)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
    pub(crate) fn f32(&mut self, what: &str) -> Result<f32> {
        Ok(f32::from_bits(self.u32(what)?))
    }
    pub(crate) fn varint(&mut self, what: &str) -> Result<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8(what)?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(bad(what))
    }
    /// A count that must fit in the remaining bytes (each item takes at least
    /// `min_item` bytes), so corrupt input cannot make us allocate gigabytes.
    pub(crate) fn count(&mut self, min_item: usize, what: &str) -> Result<usize> {
        let n = self.varint(what)?;
        let n = usize::try_from(n).map_err(|_| bad(what))?;
        if n.saturating_mul(min_item.max(1)) > self.buf.len() - self.pos {
            return Err(bad(what));
        }
        Ok(n)
    }
    pub(crate) fn str(&mut self, what: &str) -> Result<String> {
        let n = self.count(1, what)?;
        let b = self.bytes(n, what)?;
        String::from_utf8(b.to_vec()).map_err(|_| bad(what))
    }
    pub(crate) fn strs(&mut self, what: &str) -> Result<Vec<String>> {
        let n = self.count(1, what)?;
        (0..n).map(|_| self.str(what)).collect()
    }
    pub(crate) fn magic(&mut self, magic: &[u8; 4], version: u32) -> Result<()> {
        if self.bytes(4, "magic")? != magic {
            return Err(Error::BadModel(format!(
                "not a {} model file",
                String::from_utf8_lossy(magic)
            )));
        }
        let v = self.u32("version")?;
        if v != version {
            return Err(Error::BadModel(format!(
                "model format version {v}, this build reads {version}"
            )));
        }
        Ok(())
    }
    pub(crate) fn finish(&self) -> Result<()> {
        if self.pos != self.buf.len() {
            return Err(Error::BadModel("trailing bytes after model".into()));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_truncation() {
        let mut w = Writer::default();
        w.varint(300);
        w.str("héllo");
        w.u32(7);
        w.f32(1.5);
        let mut r = Reader::new(&w.buf);
        assert_eq!(r.varint("a").unwrap(), 300);
        assert_eq!(r.str("b").unwrap(), "héllo");
        assert_eq!(r.u32("c").unwrap(), 7);
        assert_eq!(r.f32("d").unwrap(), 1.5);
        r.finish().unwrap();
        let mut r = Reader::new(&w.buf[..4]);
        r.varint("a").unwrap();
        assert!(r.str("b").is_err());
    }
}
