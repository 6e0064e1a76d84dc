//! On-disk dump records: explicit little-endian types, separate from the in-memory ones.
//!
//! Three records, each the payload of one swap record (see `docs/format.md` §2):
//! - [`MapRecord`]: a full location map or a map delta (key → location, or removed);
//! - [`TableRecord`]: full tables or a table delta (keyed upserts and removes);
//! - [`Commit`]: the commit record, ending in a fixed trailer so it can be found by
//!   scanning back from the end of a file.
//!
//! Decoding never panics: every malformed input gives a [`FormatError`] naming the
//! record and the byte offset inside it.

use xxhash_rust::xxh3::xxh3_64;

/// Version of every record in this module. Bumped on any change.
pub const FORMAT_VERSION: u16 = 1;

/// Magic of a map record.
pub const MAP_MAGIC: [u8; 4] = *b"SDMP";
/// Magic of a table record.
pub const TABLE_MAGIC: [u8; 4] = *b"SDTB";
/// Magic at the start of a commit body.
pub const COMMIT_MAGIC: [u8; 4] = *b"SDCM";
/// Magic at the very end of a commit record (last 8 bytes).
pub const COMMIT_END_MAGIC: [u8; 8] = *b"SDCMTEND";
/// Size of the commit trailer: body length u32, body xxh3 u64, end magic.
pub const COMMIT_TRAILER_LEN: usize = 4 + 8 + 8;
/// Largest root blob a commit carries inline.
pub const MAX_ROOT: usize = 1 << 20;

/// A malformed record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FormatError {
    #[error("{what}: truncated at byte {offset} (needed {needed} more bytes)")]
    Truncated {
        what: &'static str,
        offset: usize,
        needed: usize,
    },
    #[error("{what}: bad magic {found:02x?} at byte 0")]
    BadMagic { what: &'static str, found: Vec<u8> },
    #[error(
        "{what}: format version {found} is not supported (this build reads version {FORMAT_VERSION})"
    )]
    UnknownVersion { what: &'static str, found: u16 },
    #[error("{what}: {msg} at byte {offset}")]
    Invalid {
        what: &'static str,
        msg: String,
        offset: usize,
    },
    #[error("{what}: checksum mismatch (stored {stored:016x}, computed {computed:016x})")]
    Checksum {
        what: &'static str,
        stored: u64,
        computed: u64,
    },
}

/// Little-endian writer.
#[derive(Debug, Default)]
pub struct Writer {
    pub buf: Vec<u8>,
}

impl Writer {
    pub fn with_capacity(n: usize) -> Writer {
        Writer {
            buf: Vec::with_capacity(n),
        }
    }
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub fn u16(&mut self, v: u16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u128(&mut self, v: u128) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Unsigned LEB128.
    pub fn varint(&mut self, mut v: u64) {
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.buf.push(byte);
                return;
            }
            self.buf.push(byte | 0x80);
        }
    }
    /// Varint length, then the bytes.
    pub fn bytes(&mut self, b: &[u8]) {
        self.varint(b.len() as u64);
        self.buf.extend_from_slice(b);
    }
    pub fn raw(&mut self, b: &[u8]) {
        self.buf.extend_from_slice(b);
    }
}

/// Little-endian reader that reports the byte offset of any fault.
#[derive(Debug)]
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    what: &'static str,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8], what: &'static str) -> Reader<'a> {
        Reader { buf, pos: 0, what }
    }
    pub fn pos(&self) -> usize {
        self.pos
    }
    pub fn remaining(&self) -> usize {
        self.buf.len().saturating_sub(self.pos)
    }
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], FormatError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.buf.len());
        match end {
            Some(end) => {
                let s = self.buf.get(self.pos..end).unwrap_or(&[]);
                self.pos = end;
                Ok(s)
            }
            None => Err(FormatError::Truncated {
                what: self.what,
                offset: self.pos,
                needed: n.saturating_sub(self.remaining()),
            }),
        }
    }
    fn arr<const N: usize>(&mut self) -> Result<[u8; N], FormatError> {
        let s = self.take(N)?;
        let mut a = [0u8; N];
        a.copy_from_slice(s);
        Ok(a)
    }
    pub fn u8(&mut self) -> Result<u8, FormatError> {
        Ok(self.arr::<1>()?[0])
    }
    pub fn u16(&mut self) -> Result<u16, FormatError> {
        Ok(u16::from_le_bytes(self.arr()?))
    }
    pub fn u32(&mut self) -> Result<u32, FormatError> {
        Ok(u32::from_le_bytes(self.arr()?))
    }
    pub fn u64(&mut self) -> Result<u64, FormatError> {
        Ok(u64::from_le_bytes(self.arr()?))
    }
    pub fn u128(&mut self) -> Result<u128, FormatError> {
        Ok(u128::from_le_bytes(self.arr()?))
    }
    pub fn varint(&mut self) -> Result<u64, FormatError> {
        // Fast path: one byte.
        if let Some(&b) = self.buf.get(self.pos) {
            if b & 0x80 == 0 {
                self.pos += 1;
                return Ok(u64::from(b));
            }
        }
        let start = self.pos;
        let mut v: u64 = 0;
        for i in 0..10u32 {
            let b = self.u8()?;
            let part = u64::from(b & 0x7f);
            if i == 9 && b > 1 {
                return Err(self.invalid("varint overflows 64 bits", start));
            }
            v |= part << (7 * i);
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(self.invalid("varint longer than 10 bytes", start))
    }
    /// A varint that must fit in `usize` and not exceed the bytes left (a length).
    pub fn length(&mut self) -> Result<usize, FormatError> {
        let start = self.pos;
        let v = self.varint()?;
        match usize::try_from(v) {
            Ok(n) if n <= self.remaining() => Ok(n),
            _ => Err(FormatError::Truncated {
                what: self.what,
                offset: start,
                needed: usize::try_from(v)
                    .unwrap_or(usize::MAX)
                    .saturating_sub(self.remaining()),
            }),
        }
    }
    pub fn bytes(&mut self) -> Result<&'a [u8], FormatError> {
        let n = self.length()?;
        self.take(n)
    }
    pub fn invalid(&self, msg: &str, offset: usize) -> FormatError {
        FormatError::Invalid {
            what: self.what,
            msg: msg.to_string(),
            offset,
        }
    }
    pub fn magic(&mut self, expect: &[u8; 4]) -> Result<(), FormatError> {
        let m = self.take(4).map_err(|_| FormatError::BadMagic {
            what: self.what,
            found: self
                .buf
                .get(..self.buf.len().min(4))
                .unwrap_or(&[])
                .to_vec(),
        })?;
        if m != expect {
            return Err(FormatError::BadMagic {
                what: self.what,
                found: m.to_vec(),
            });
        }
        Ok(())
    }
    pub fn version(&mut self) -> Result<u16, FormatError> {
        let v = self.u16()?;
        if v != FORMAT_VERSION {
            return Err(FormatError::UnknownVersion {
                what: self.what,
                found: v,
            });
        }
        Ok(v)
    }
    pub fn end(&self) -> Result<(), FormatError> {
        if self.remaining() != 0 {
            return Err(self.invalid("trailing bytes after the record", self.pos));
        }
        Ok(())
    }
}

/// Where a blob lives in its file: byte offset and length of its swap record
/// (the swap crate's `Location`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Loc {
    pub offset: u64,
    pub len: u32,
}

/// A full location map (`full`) or a delta since the previous commit:
/// key → `Some(location)` or `None` (removed).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MapRecord {
    pub full: bool,
    /// Strictly increasing keys.
    pub entries: Vec<(u64, Option<Loc>)>,
}

impl MapRecord {
    /// Encodes `entries` (strictly increasing keys).
    pub fn encode(&self) -> Vec<u8> {
        Self::encode_sorted(self.full, self.entries.iter().copied())
    }

    /// Encodes entries given in strictly increasing key order.
    pub fn encode_sorted(
        full: bool,
        entries: impl ExactSizeIterator<Item = (u64, Option<Loc>)>,
    ) -> Vec<u8> {
        let mut w = Writer::with_capacity(16 + entries.len() * 10);
        w.raw(&MAP_MAGIC);
        w.u16(FORMAT_VERSION);
        w.u16(u16::from(full));
        w.u64(entries.len() as u64);
        let mut prev: Option<u64> = None;
        for (k, e) in entries {
            w.varint(match prev {
                None => k,
                Some(p) => k.wrapping_sub(p),
            });
            prev = Some(k);
            match e {
                None => w.u8(0),
                Some(l) => {
                    w.u8(1);
                    w.varint(l.offset);
                    w.varint(u64::from(l.len));
                }
            }
        }
        w.buf
    }

    /// The entry count of an encoded map record, if its header is readable (for
    /// sizing buffers; the full decode checks it).
    pub fn peek_count(buf: &[u8]) -> Option<u64> {
        Some(u64::from_le_bytes(buf.get(8..16)?.try_into().ok()?))
    }

    /// Decodes, calling `f(key, entry)` in order; returns `(full, count)`.
    pub fn decode_with(
        buf: &[u8],
        mut f: impl FnMut(u64, Option<Loc>),
    ) -> Result<(bool, u64), FormatError> {
        let mut r = Reader::new(buf, "map record");
        r.magic(&MAP_MAGIC)?;
        r.version()?;
        let flags_at = r.pos();
        let flags = r.u16()?;
        if flags > 1 {
            return Err(r.invalid("unknown map flags", flags_at));
        }
        let count = r.u64()?;
        // Every entry takes at least 2 bytes.
        if count > (r.remaining() / 2) as u64 {
            return Err(r.invalid("entry count larger than the record", flags_at + 2));
        }
        let mut prev: Option<u64> = None;
        for _ in 0..count {
            let at = r.pos();
            let delta = r.varint()?;
            let key = match prev {
                None => delta,
                Some(p) => {
                    if delta == 0 {
                        return Err(r.invalid("keys not strictly increasing", at));
                    }
                    p.checked_add(delta)
                        .ok_or_else(|| r.invalid("key overflows u64", at))?
                }
            };
            prev = Some(key);
            let tag_at = r.pos();
            let e = match r.u8()? {
                0 => None,
                1 => {
                    let offset = r.varint()?;
                    let lat = r.pos();
                    let len = u32::try_from(r.varint()?)
                        .map_err(|_| r.invalid("record length over u32", lat))?;
                    Some(Loc { offset, len })
                }
                _ => return Err(r.invalid("unknown map entry tag", tag_at)),
            };
            f(key, e);
        }
        r.end()?;
        Ok((flags == 1, count))
    }

    pub fn decode(buf: &[u8]) -> Result<MapRecord, FormatError> {
        let mut entries = Vec::new();
        let (full, _) = Self::decode_with(buf, |k, e| entries.push((k, e)))?;
        Ok(MapRecord { full, entries })
    }
}

/// One table change.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum TableOp {
    Remove,
    Upsert(Vec<u8>),
}

impl TableOp {
    /// The upserted value, or `None` for a remove.
    pub fn value(&self) -> Option<&[u8]> {
        match self {
            TableOp::Remove => None,
            TableOp::Upsert(v) => Some(v),
        }
    }
}

/// Full tables (`full`) or a table delta: `(table id, key) → op`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TableRecord {
    pub full: bool,
    /// Strictly increasing `(table, key)`.
    pub entries: Vec<(u32, u64, TableOp)>,
}

impl TableRecord {
    /// Encodes `entries`, which must be sorted by `(table, key)` without duplicates
    /// (see [`TableRecord::encode_sorted`]).
    pub fn encode(&self) -> Vec<u8> {
        Self::encode_sorted(
            self.full,
            self.entries.iter().map(|(t, k, op)| (*t, *k, op.value())),
        )
    }

    /// Encodes entries given in strictly increasing `(table, key)` order.
    /// Encodes entries given in strictly increasing `(table, key)` order; a value of
    /// `None` is a remove.
    pub fn encode_sorted<'a>(
        full: bool,
        entries: impl ExactSizeIterator<Item = (u32, u64, Option<&'a [u8]>)>,
    ) -> Vec<u8> {
        let mut w = Writer::with_capacity(16 + entries.len() * 24);
        w.raw(&TABLE_MAGIC);
        w.u16(FORMAT_VERSION);
        w.u16(u16::from(full));
        w.u64(entries.len() as u64);
        let mut prev: Option<(u32, u64)> = None;
        for (t, k, op) in entries {
            // Table id as a varint; the key as a delta from the previous key of the
            // same table (absolute at the first key of each table).
            w.varint(u64::from(t));
            match prev {
                Some((pt, pk)) if pt == t => w.varint(k.wrapping_sub(pk)),
                _ => w.varint(k),
            }
            prev = Some((t, k));
            match op {
                None => w.u8(0),
                Some(v) => {
                    w.u8(1);
                    w.bytes(v);
                }
            }
        }
        w.buf
    }

    /// Decodes, calling `f(table, key, op)` for each entry in order, without
    /// building a vector (restore uses this).
    pub fn decode_with(
        buf: &[u8],
        mut f: impl FnMut(u32, u64, Option<&[u8]>),
    ) -> Result<(bool, u64), FormatError> {
        let mut r = Reader::new(buf, "table record");
        r.magic(&TABLE_MAGIC)?;
        r.version()?;
        let flags_at = r.pos();
        let flags = r.u16()?;
        if flags > 1 {
            return Err(r.invalid("unknown table flags", flags_at));
        }
        let count = r.u64()?;
        if count > (r.remaining() / 3) as u64 {
            return Err(r.invalid("entry count larger than the record", flags_at + 2));
        }
        let mut prev: Option<(u32, u64)> = None;
        for _ in 0..count {
            let at = r.pos();
            let t = r.varint()?;
            let t = u32::try_from(t).map_err(|_| r.invalid("table id over u32", at))?;
            let kat = r.pos();
            let kv = r.varint()?;
            let k = match prev {
                Some((pt, pk)) if pt == t => {
                    if kv == 0 {
                        return Err(r.invalid("keys not strictly increasing", kat));
                    }
                    pk.checked_add(kv)
                        .ok_or_else(|| r.invalid("key overflows u64", kat))?
                }
                Some((pt, _)) if pt > t => {
                    return Err(r.invalid("tables not in increasing order", at));
                }
                _ => kv,
            };
            prev = Some((t, k));
            let tag_at = r.pos();
            match r.u8()? {
                0 => f(t, k, None),
                1 => f(t, k, Some(r.bytes()?)),
                _ => return Err(r.invalid("unknown table op tag", tag_at)),
            }
        }
        r.end()?;
        Ok((flags == 1, count))
    }

    pub fn decode(buf: &[u8]) -> Result<TableRecord, FormatError> {
        let mut entries = Vec::new();
        let (full, _) = Self::decode_with(buf, |t, k, v| {
            entries.push((
                t,
                k,
                v.map_or(TableOp::Remove, |v| TableOp::Upsert(v.to_vec())),
            ))
        })?;
        Ok(TableRecord { full, entries })
    }
}

/// A reference to a record: its swap location and the xxh3 of its payload.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RecordRef {
    pub loc: Loc,
    pub hash: u64,
}

/// A reference to a commit record: the file offset of its first byte, its total
/// length (body + trailer) and the xxh3 of its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CommitRef {
    pub offset: u64,
    pub len: u64,
    pub hash: u64,
}

/// Commit flags.
pub mod flags {
    /// The map record is the full map (not a delta).
    pub const FULL_MAP: u16 = 1;
    /// The table record holds the full tables.
    pub const FULL_TABLES: u16 = 2;
    /// Restoring needs the parent dump (the secondary).
    pub const PARTIAL: u16 = 4;
    /// The map deltas of this file, from its first commit, cover every live key
    /// (migration out of the parent finished).
    pub const MAP_SELF: u16 = 8;
    pub const ALL: u16 = FULL_MAP | FULL_TABLES | PARTIAL | MAP_SELF;
}

/// The parent dump this file builds on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ParentRef {
    pub dump_id: u128,
    pub generation: u64,
    pub commit: CommitRef,
}

/// A commit record.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Commit {
    pub flags: u16,
    /// Id of the dump this file is (the same for every commit in the file).
    pub dump_id: u128,
    /// The dump this file's first commit builds on (None for a file that began with a
    /// full dump).
    pub parent: Option<ParentRef>,
    /// Globally increasing commit generation.
    pub generation: u64,
    /// Index of this commit in this file (0 = first).
    pub sequence: u32,
    /// Previous commit in this file (None when `sequence == 0`).
    pub prev: Option<CommitRef>,
    pub map: RecordRef,
    pub tables: RecordRef,
    /// Opaque root blob of the caller (clock, counters).
    pub root: Vec<u8>,
    /// Live keys after this commit.
    pub object_count: u64,
    /// Bytes of live blobs after this commit (as reported by the swap).
    pub live_bytes: u64,
    /// Seconds since the Unix epoch at commit time.
    pub time: u64,
}

impl Commit {
    pub fn is_partial(&self) -> bool {
        self.flags & flags::PARTIAL != 0
    }
    pub fn is_full(&self) -> bool {
        self.flags & (flags::FULL_MAP | flags::FULL_TABLES) == flags::FULL_MAP | flags::FULL_TABLES
    }

    /// The whole record: body then trailer.
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::with_capacity(256 + self.root.len());
        w.raw(&COMMIT_MAGIC);
        w.u16(FORMAT_VERSION);
        w.u16(self.flags);
        w.u128(self.dump_id);
        match &self.parent {
            None => w.u8(0),
            Some(p) => {
                w.u8(1);
                w.u128(p.dump_id);
                w.u64(p.generation);
                put_commit_ref(&mut w, &p.commit);
            }
        }
        w.u64(self.generation);
        w.u32(self.sequence);
        match &self.prev {
            None => w.u8(0),
            Some(c) => {
                w.u8(1);
                put_commit_ref(&mut w, c);
            }
        }
        for r in [&self.map, &self.tables] {
            w.u64(r.loc.offset);
            w.u32(r.loc.len);
            w.u64(r.hash);
        }
        w.bytes(&self.root);
        w.u64(self.object_count);
        w.u64(self.live_bytes);
        w.u64(self.time);
        let body_len = w.buf.len() as u32;
        let hash = xxh3_64(&w.buf);
        w.u32(body_len);
        w.u64(hash);
        w.raw(&COMMIT_END_MAGIC);
        w.buf
    }

    /// Decodes a whole record (body + trailer); returns the commit and its body hash.
    pub fn decode(rec: &[u8]) -> Result<(Commit, u64), FormatError> {
        let (body, hash) = split_commit(rec)?;
        Ok((Commit::decode_body(body)?, hash))
    }

    /// Decodes a body whose checksum was already checked.
    pub fn decode_body(body: &[u8]) -> Result<Commit, FormatError> {
        let mut r = Reader::new(body, "commit record");
        r.magic(&COMMIT_MAGIC)?;
        r.version()?;
        let flags_at = r.pos();
        let fl = r.u16()?;
        if fl & !flags::ALL != 0 {
            return Err(r.invalid("unknown commit flags", flags_at));
        }
        let dump_id = r.u128()?;
        let at = r.pos();
        let parent = match r.u8()? {
            0 => None,
            1 => Some(ParentRef {
                dump_id: r.u128()?,
                generation: r.u64()?,
                commit: get_commit_ref(&mut r)?,
            }),
            _ => return Err(r.invalid("bad parent tag", at)),
        };
        let generation = r.u64()?;
        let sequence = r.u32()?;
        let at = r.pos();
        let prev = match r.u8()? {
            0 => None,
            1 => Some(get_commit_ref(&mut r)?),
            _ => return Err(r.invalid("bad previous-commit tag", at)),
        };
        if (sequence == 0) != prev.is_none() {
            return Err(r.invalid("sequence and previous-commit link disagree", at));
        }
        let mut refs = [RecordRef::default(), RecordRef::default()];
        for slot in refs.iter_mut() {
            let offset = r.u64()?;
            let len = r.u32()?;
            let hash = r.u64()?;
            *slot = RecordRef {
                loc: Loc { offset, len },
                hash,
            };
        }
        let [map, tables] = refs;
        let root = r.bytes()?.to_vec();
        let object_count = r.u64()?;
        let live_bytes = r.u64()?;
        let time = r.u64()?;
        r.end()?;
        Ok(Commit {
            flags: fl,
            dump_id,
            parent,
            generation,
            sequence,
            prev,
            map,
            tables,
            root,
            object_count,
            live_bytes,
            time,
        })
    }
}

fn put_commit_ref(w: &mut Writer, c: &CommitRef) {
    w.u64(c.offset);
    w.u64(c.len);
    w.u64(c.hash);
}

fn get_commit_ref(r: &mut Reader<'_>) -> Result<CommitRef, FormatError> {
    Ok(CommitRef {
        offset: r.u64()?,
        len: r.u64()?,
        hash: r.u64()?,
    })
}

/// Splits a whole commit record into its body, checking trailer and checksum.
pub fn split_commit(rec: &[u8]) -> Result<(&[u8], u64), FormatError> {
    let what = "commit record";
    let Some(tl_start) = rec.len().checked_sub(COMMIT_TRAILER_LEN) else {
        return Err(FormatError::Truncated {
            what,
            offset: 0,
            needed: COMMIT_TRAILER_LEN - rec.len(),
        });
    };
    let (body, trailer) = rec.split_at(tl_start);
    let mut r = Reader::new(trailer, what);
    let body_len = r.u32()? as usize;
    let stored = r.u64()?;
    let magic = r.take(8)?;
    if magic != COMMIT_END_MAGIC {
        return Err(FormatError::BadMagic {
            what,
            found: magic.to_vec(),
        });
    }
    if body_len != body.len() {
        return Err(FormatError::Invalid {
            what,
            msg: format!("body length {body_len} but {} bytes given", body.len()),
            offset: tl_start,
        });
    }
    let computed = xxh3_64(body);
    if computed != stored {
        return Err(FormatError::Checksum {
            what,
            stored,
            computed,
        });
    }
    Ok((body, stored))
}

/// Parses a commit trailer (the last [`COMMIT_TRAILER_LEN`] bytes of a record):
/// returns `(body_len, body_hash)` if the end magic is there.
pub fn parse_trailer(t: &[u8]) -> Option<(u32, u64)> {
    if t.len() != COMMIT_TRAILER_LEN || t.get(12..20)? != COMMIT_END_MAGIC {
        return None;
    }
    let len = u32::from_le_bytes(t.get(0..4)?.try_into().ok()?);
    let hash = u64::from_le_bytes(t.get(4..12)?.try_into().ok()?);
    Some((len, hash))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn arb_map() -> impl Strategy<Value = MapRecord> {
        (
            any::<bool>(),
            proptest::collection::btree_map(
                any::<u64>(),
                proptest::option::of(any::<(u64, u32)>()),
                0..60,
            ),
        )
            .prop_map(|(full, m)| MapRecord {
                full,
                entries: m
                    .into_iter()
                    .map(|(k, v)| (k, v.map(|(offset, len)| Loc { offset, len })))
                    .collect(),
            })
    }

    fn arb_tables() -> impl Strategy<Value = TableRecord> {
        (
            any::<bool>(),
            proptest::collection::btree_map(
                (0u32..5, any::<u64>()),
                proptest::option::of(proptest::collection::vec(any::<u8>(), 0..30)),
                0..60,
            ),
        )
            .prop_map(|(full, m)| TableRecord {
                full,
                entries: m
                    .into_iter()
                    .map(|((t, k), v)| (t, k, v.map_or(TableOp::Remove, TableOp::Upsert)))
                    .collect(),
            })
    }

    fn arb_commit() -> impl Strategy<Value = Commit> {
        (
            (
                0..=flags::ALL,
                any::<u128>(),
                any::<Option<(u128, u64, u64, u64, u64)>>(),
            ),
            (any::<u64>(), any::<u32>(), any::<(u64, u64, u64)>()),
            (
                any::<(u64, u32)>(),
                any::<(u64, u64)>(),
                proptest::collection::vec(any::<u8>(), 0..40),
                any::<(u64, u64, u64)>(),
            ),
        )
            .prop_map(
                |((fl, id, parent), (generation, sequence, pr), (loc, lh, root, st))| Commit {
                    flags: fl,
                    dump_id: id,
                    parent: parent.map(|(d, g, o, l, h)| ParentRef {
                        dump_id: d,
                        generation: g,
                        commit: CommitRef {
                            offset: o,
                            len: l,
                            hash: h,
                        },
                    }),
                    generation,
                    sequence,
                    prev: (sequence != 0).then_some(CommitRef {
                        offset: pr.0,
                        len: pr.1,
                        hash: pr.2,
                    }),
                    map: RecordRef {
                        loc: Loc {
                            offset: loc.0,
                            len: loc.1,
                        },
                        hash: lh.1,
                    },
                    tables: RecordRef {
                        loc: Loc {
                            offset: lh.0,
                            len: loc.1,
                        },
                        hash: lh.0,
                    },
                    root,
                    object_count: st.0,
                    live_bytes: st.1,
                    time: st.2,
                },
            )
    }

    proptest! {
        #[test]
        fn map_round_trip(m in arb_map()) {
            let enc = m.encode();
            prop_assert_eq!(MapRecord::decode(&enc).unwrap(), m);
        }

        #[test]
        fn tables_round_trip(t in arb_tables()) {
            let enc = t.encode();
            prop_assert_eq!(TableRecord::decode(&enc).unwrap(), t);
        }

        #[test]
        fn commit_round_trip(c in arb_commit()) {
            let enc = c.encode();
            let (d, h) = Commit::decode(&enc).unwrap();
            prop_assert_eq!(h, xxh3_64(&enc[..enc.len() - COMMIT_TRAILER_LEN]));
            prop_assert_eq!(d, c);
        }

        #[test]
        fn garbage_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = MapRecord::decode(&bytes);
            let _ = TableRecord::decode(&bytes);
            let _ = Commit::decode(&bytes);
            let _ = Commit::decode_body(&bytes);
        }

        #[test]
        fn flipped_map_bytes_never_panic(m in arb_map(), pos in any::<usize>(), x in 1u8..) {
            let mut enc = m.encode();
            let i = pos % enc.len();
            enc[i] ^= x;
            let _ = MapRecord::decode(&enc);
        }

        #[test]
        fn flipped_commit_detected(c in arb_commit(), pos in any::<usize>(), x in 1u8..) {
            let mut enc = c.encode();
            let i = pos % enc.len();
            enc[i] ^= x;
            // The checksum or the trailer catches every single-byte change.
            prop_assert!(Commit::decode(&enc).is_err());
        }
    }

    #[test]
    fn unknown_version_refused() {
        let mut enc = MapRecord::default().encode();
        enc[4] = 9;
        let e = MapRecord::decode(&enc).unwrap_err();
        assert!(
            matches!(e, FormatError::UnknownVersion { found: 9, .. }),
            "{e}"
        );
        assert!(e.to_string().contains("version 9"));
    }

    #[test]
    fn varint_edges() {
        for v in [0u64, 1, 127, 128, 16383, 16384, u64::MAX] {
            let mut w = Writer::default();
            w.varint(v);
            let mut r = Reader::new(&w.buf, "t");
            assert_eq!(r.varint().unwrap(), v);
        }
        let bad = [0xffu8; 11];
        assert!(Reader::new(&bad, "t").varint().is_err());
    }
}
