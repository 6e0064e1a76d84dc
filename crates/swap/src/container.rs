//! Reading container files: records by location, and a walk over every record (for
//! `verify` and `repair`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use xxhash_rust::xxh3::xxh3_64;

use crate::error::{Error, Result};
use crate::format::{
    sectors_for, FileHeader, FileId, RecordHeader, RecordProblem, FILE_HEADER_LEN, FLAG_ZSTD,
    RECORD_HEADER_LEN,
};
use crate::io::{FileIo, Vfs};

/// Where a record is: byte offset of its header (a multiple of the sector size) and
/// its length in bytes (64-byte header plus stored payload; padding not included).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Location {
    /// Byte offset of the record header.
    pub offset: u64,
    /// Header plus stored payload, in bytes.
    pub len: u32,
}

impl Location {
    /// Encodes as 12 little-endian bytes (offset u64, len u32), for statedump's tables.
    pub fn to_bytes(&self) -> [u8; 12] {
        let mut b = [0u8; 12];
        b[0..8].copy_from_slice(&self.offset.to_le_bytes());
        b[8..12].copy_from_slice(&self.len.to_le_bytes());
        b
    }

    /// Decodes what [`Location::to_bytes`] wrote.
    pub fn from_bytes(b: [u8; 12]) -> Location {
        let mut o = [0u8; 8];
        o.copy_from_slice(&b[0..8]);
        let mut l = [0u8; 4];
        l.copy_from_slice(&b[8..12]);
        Location {
            offset: u64::from_le_bytes(o),
            len: u32::from_le_bytes(l),
        }
    }
}

/// One decoded record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Its kind.
    pub kind: u16,
    /// Its key.
    pub key: u64,
    /// Its write sequence number.
    pub seq: u64,
    /// The payload, decompressed.
    pub payload: Vec<u8>,
}

/// An open container file (swapfile or dump file), for reading.
#[derive(Debug, Clone)]
pub struct Container {
    io: Arc<dyn FileIo>,
    header: FileHeader,
    path: PathBuf,
}

impl Container {
    /// Opens `path` read-only through `vfs` and checks its header.
    pub fn open(vfs: &dyn Vfs, path: &Path) -> Result<Container> {
        let io = vfs.open(path, false).map_err(|e| Error::Io {
            path: path.to_path_buf(),
            op: "open",
            offset: 0,
            source: e,
        })?;
        Container::from_io(io, path)
    }

    /// Wraps an already open file and checks its header.
    pub fn from_io(io: Arc<dyn FileIo>, path: &Path) -> Result<Container> {
        let mut b = [0u8; FILE_HEADER_LEN];
        let n = read_full(&*io, &mut b, 0).map_err(|e| Error::Io {
            path: path.to_path_buf(),
            op: "read",
            offset: 0,
            source: e,
        })?;
        let header = FileHeader::decode(&b[..n]).map_err(|problem| Error::BadHeader {
            path: path.to_path_buf(),
            problem,
        })?;
        Ok(Container {
            io,
            header,
            path: path.to_path_buf(),
        })
    }

    pub(crate) fn from_parts(io: Arc<dyn FileIo>, header: FileHeader, path: PathBuf) -> Self {
        Container { io, header, path }
    }

    pub(crate) fn set_path(&mut self, path: PathBuf) {
        self.path = path;
    }

    /// The file's random identity.
    pub fn id(&self) -> FileId {
        self.header.id
    }

    /// The file header.
    pub fn header(&self) -> FileHeader {
        self.header
    }

    /// Sector size in bytes.
    pub fn sector_size(&self) -> u32 {
        self.header.sector_size
    }

    /// Allocation granule in bytes: records start at its multiples, from the end of
    /// sector 0 on (version 1: the sector size).
    pub fn granule(&self) -> u32 {
        self.header.granule
    }

    /// The path the file was opened under.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The underlying file.
    pub fn io(&self) -> &Arc<dyn FileIo> {
        &self.io
    }

    /// Reads and checks the record at `loc`, decompressing its payload.
    pub fn read_record(&self, loc: Location) -> Result<Record> {
        let (h, stored) = self.read_raw(loc, None)?;
        let payload = decode_payload(&h, stored, &self.path, loc.offset)?;
        Ok(Record {
            kind: h.kind,
            key: h.key,
            seq: h.seq,
            payload,
        })
    }

    /// Reads the record at `loc` and checks both checksums; returns the header and the
    /// stored (possibly compressed) payload. `expect_key`, when given, must match.
    pub fn read_raw(
        &self,
        loc: Location,
        expect_key: Option<u64>,
    ) -> Result<(RecordHeader, Vec<u8>)> {
        let key = expect_key.unwrap_or(u64::MAX);
        let bad = |detail: String| Error::BadRecord {
            path: self.path.clone(),
            key,
            offset: loc.offset,
            detail,
        };
        self.check_location(loc, key)?;
        if loc.len > (16 << 20) {
            // Do not trust a large length from a map before checking the file has it.
            let flen = self.io.len().map_err(|e| Error::Io {
                path: self.path.clone(),
                op: "stat",
                offset: 0,
                source: e,
            })?;
            if loc.offset.saturating_add(loc.len as u64) > flen {
                return Err(bad(format!(
                    "location runs past the end of the file ({flen} bytes)"
                )));
            }
        }
        let mut buf = vec![0u8; loc.len as usize];
        self.io
            .read_exact_at(&mut buf, loc.offset)
            .map_err(|e| Error::Io {
                path: self.path.clone(),
                op: "read",
                offset: loc.offset,
                source: e,
            })?;
        let h = check_record(&buf, self.header.id.tag(), expect_key, &self.path, loc)?;
        buf.drain(..RECORD_HEADER_LEN);
        Ok((h, buf))
    }

    /// Checks that a location can name a record of this file.
    pub(crate) fn check_location(&self, loc: Location, key: u64) -> Result<()> {
        let bad = |detail: String| Error::BadRecord {
            path: self.path.clone(),
            key,
            offset: loc.offset,
            detail,
        };
        if (loc.len as usize) < RECORD_HEADER_LEN {
            return Err(bad(format!("location length {} too short", loc.len)));
        }
        if !loc.offset.is_multiple_of(self.header.granule as u64)
            || loc.offset < self.header.sector_size as u64
        {
            return Err(bad("location not at a record boundary".into()));
        }
        Ok(())
    }

    /// Walks every record of the file in offset order, checking each; see [`WalkItem`].
    pub fn walk(&self) -> Walk<'_> {
        Walk {
            c: self,
            sector: (self.header.sector_size / self.header.granule.max(1)) as u64,
            end: 0,
            started: false,
            window: Vec::new(),
            window_at: 0,
        }
    }
}

/// Fills as much of `buf` as the file has at `offset`; returns the count.
pub(crate) fn read_full(io: &dyn FileIo, buf: &mut [u8], offset: u64) -> std::io::Result<usize> {
    let mut done = 0;
    let mut rounds = 0;
    while done < buf.len() && rounds < 10_000 {
        rounds += 1;
        match io.read_at(&mut buf[done..], offset + done as u64) {
            Ok(0) => break,
            Ok(n) => done += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(done)
}

/// Checks a whole record (header + payload) in `buf`, which must be exactly its length.
pub(crate) fn check_record(
    buf: &[u8],
    tag: u64,
    expect_key: Option<u64>,
    path: &Path,
    loc: Location,
) -> Result<RecordHeader> {
    let key = expect_key.unwrap_or(u64::MAX);
    let h = match RecordHeader::decode(buf, tag) {
        Ok(h) => h,
        Err(RecordProblem::Checksum) => {
            return Err(Error::Checksum {
                path: path.to_path_buf(),
                key,
                offset: loc.offset,
                what: "header",
            })
        }
        Err(p) => {
            return Err(Error::BadRecord {
                path: path.to_path_buf(),
                key,
                offset: loc.offset,
                detail: p.to_string(),
            })
        }
    };
    if let Some(k) = expect_key {
        if h.key != k {
            return Err(Error::BadRecord {
                path: path.to_path_buf(),
                key,
                offset: loc.offset,
                detail: format!("record holds key {}", h.key),
            });
        }
    }
    if h.record_len() != loc.len as u64 || buf.len() as u64 != h.record_len() {
        return Err(Error::BadRecord {
            path: path.to_path_buf(),
            key,
            offset: loc.offset,
            detail: format!(
                "record is {} bytes, location says {}",
                h.record_len(),
                loc.len
            ),
        });
    }
    if xxh3_64(&buf[RECORD_HEADER_LEN..]) != h.payload_sum {
        return Err(Error::Checksum {
            path: path.to_path_buf(),
            key: h.key,
            offset: loc.offset,
            what: "payload",
        });
    }
    Ok(h)
}

thread_local! {
    /// One zstd decompression context per thread (creating one costs far more than
    /// decompressing a small blob).
    static DECOMPRESSOR: std::cell::RefCell<Option<zstd::bulk::Decompressor<'static>>> =
        const { std::cell::RefCell::new(None) };
}

/// Decompresses a stored payload if needed and checks its length.
pub(crate) fn decode_payload(
    h: &RecordHeader,
    stored: Vec<u8>,
    path: &Path,
    offset: u64,
) -> Result<Vec<u8>> {
    if h.flags & FLAG_ZSTD == 0 {
        return Ok(stored);
    }
    let bad = |detail: String| Error::BadRecord {
        path: path.to_path_buf(),
        key: h.key,
        offset,
        detail,
    };
    let out = DECOMPRESSOR
        .with(|d| {
            let mut d = d.borrow_mut();
            if d.is_none() {
                *d = Some(zstd::bulk::Decompressor::new()?);
            }
            match d.as_mut() {
                Some(d) => d.decompress(&stored, h.raw_len as usize),
                None => zstd::bulk::decompress(&stored, h.raw_len as usize),
            }
        })
        .map_err(|e| bad(format!("zstd: {e}")))?;
    if out.len() != h.raw_len as usize {
        return Err(bad(format!(
            "decompressed to {} bytes, header says {}",
            out.len(),
            h.raw_len
        )));
    }
    Ok(out)
}

/// One item of a [`Walk`].
#[derive(Debug)]
pub enum WalkItem {
    /// A whole record whose header and payload checksums match.
    Record {
        /// Where it is.
        location: Location,
        /// Its header.
        header: RecordHeader,
    },
    /// A sector that starts like a record (magic) but fails its checks.
    Damaged {
        /// Byte offset of the sector.
        offset: u64,
        /// The key, if the header could be read.
        key: Option<u64>,
        /// What is wrong.
        problem: String,
    },
    /// An I/O error; the walk ends after it.
    Failed(Error),
}

/// Iterator over the records of a container, see [`Container::walk`].
///
/// Sectors that do not start with a record magic (free space, padding, the middle of
/// an overwritten record) are skipped silently; a sector with the magic that fails a
/// check is reported as [`WalkItem::Damaged`] and the walk goes on at the next sector.
#[derive(Debug)]
pub struct Walk<'a> {
    c: &'a Container,
    sector: u64,
    end: u64,
    started: bool,
    window: Vec<u8>,
    window_at: u64,
}

const WINDOW: usize = 1 << 20;

impl Walk<'_> {
    /// Returns `len` bytes at `offset`, through a 1 MiB read window.
    fn bytes(&mut self, offset: u64, len: usize) -> std::io::Result<&[u8]> {
        let in_window = offset >= self.window_at
            && offset + len as u64 <= self.window_at + self.window.len() as u64;
        if !in_window {
            let want = len.max(WINDOW);
            let avail = self.end.saturating_sub(offset) as usize;
            let n = want.min(avail.max(len));
            self.window.resize(n, 0);
            self.c.io.read_exact_at(&mut self.window, offset)?;
            self.window_at = offset;
        }
        let s = (offset - self.window_at) as usize;
        Ok(&self.window[s..s + len])
    }
}

impl Iterator for Walk<'_> {
    type Item = WalkItem;

    fn next(&mut self) -> Option<WalkItem> {
        if !self.started {
            self.started = true;
            match self.c.io.len() {
                Ok(l) => self.end = l,
                Err(e) => {
                    self.sector = u64::MAX;
                    return Some(WalkItem::Failed(Error::Io {
                        path: self.c.path.clone(),
                        op: "stat",
                        offset: 0,
                        source: e,
                    }));
                }
            }
        }
        // `sector` counts granules (= sectors in version 1).
        let ss = self.c.header.granule.max(1) as u64;
        let tag = self.c.header.id.tag();
        loop {
            let off = self.sector.checked_mul(ss)?;
            if off.checked_add(RECORD_HEADER_LEN as u64)? > self.end {
                return None;
            }
            let hb = match self.bytes(off, RECORD_HEADER_LEN) {
                Ok(b) => b.to_vec(),
                Err(e) => {
                    self.sector = u64::MAX;
                    return Some(WalkItem::Failed(Error::Io {
                        path: self.c.path.clone(),
                        op: "read",
                        offset: off,
                        source: e,
                    }));
                }
            };
            let h = match RecordHeader::decode(&hb, tag) {
                Ok(h) => h,
                Err(RecordProblem::NoMagic) => {
                    self.sector += 1;
                    continue;
                }
                Err(p) => {
                    self.sector += 1;
                    return Some(WalkItem::Damaged {
                        offset: off,
                        key: None,
                        problem: p.to_string(),
                    });
                }
            };
            let len = h.record_len();
            if off + len > self.end {
                self.sector += 1;
                return Some(WalkItem::Damaged {
                    offset: off,
                    key: Some(h.key),
                    problem: format!("record of {len} bytes runs past the end of the file"),
                });
            }
            let sum_ok = match self.bytes(off + RECORD_HEADER_LEN as u64, h.stored_len as usize) {
                Ok(p) => xxh3_64(p) == h.payload_sum,
                Err(e) => {
                    self.sector = u64::MAX;
                    return Some(WalkItem::Failed(Error::Io {
                        path: self.c.path.clone(),
                        op: "read",
                        offset: off,
                        source: e,
                    }));
                }
            };
            if !sum_ok {
                self.sector += 1;
                return Some(WalkItem::Damaged {
                    offset: off,
                    key: Some(h.key),
                    problem: "payload checksum mismatch".into(),
                });
            }
            self.sector += sectors_for(len, ss as u32);
            return Some(WalkItem::Record {
                location: Location {
                    offset: off,
                    len: len as u32,
                },
                header: h,
            });
        }
    }
}
