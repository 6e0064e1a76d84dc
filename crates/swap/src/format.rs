//! The container file format (docs/format.md section 1): file header and record
//! headers, explicit little-endian encoding, separate from the in-memory types.

use xxhash_rust::xxh3::xxh3_64;

/// Magic bytes at offset 0 of every container file.
pub const FILE_MAGIC: [u8; 8] = *b"MUDSWAP\0";
/// Current container format version (written when the granule is smaller than the
/// sector; a file whose granule is its sector size is written as version 1).
pub const FORMAT_VERSION: u32 = 2;
/// Oldest container format version this build reads (and continues writing).
pub const MIN_FORMAT_VERSION: u32 = 1;
/// Smallest allocation granule (version 2).
pub const MIN_GRANULE: u32 = 16;
/// Granule of new files: records pack at 16-byte boundaries.
pub const DEFAULT_GRANULE: u32 = 16;
/// Bytes of the file header that are used (the rest of sector 0 is zero).
pub const FILE_HEADER_LEN: usize = 64;
/// Magic bytes at the start of every record header.
pub const RECORD_MAGIC: [u8; 4] = *b"SwRc";
/// Bytes of a record header; the payload follows immediately.
pub const RECORD_HEADER_LEN: usize = 64;
/// Smallest allowed sector size.
pub const MIN_SECTOR_SIZE: u32 = 512;
/// Largest allowed sector size.
pub const MAX_SECTOR_SIZE: u32 = 65535;
/// Largest payload of one record (stored or raw), 1 GiB.
pub const MAX_PAYLOAD: usize = 1 << 30;

/// Record kind of a blob stored by `swap` itself.
pub const KIND_BLOB: u16 = 1;
/// Kinds from this value up are opaque to `swap` and belong to its users (statedump).
pub const FIRST_USER_KIND: u16 = 16;

/// Record flag: the payload is zstd-compressed; `raw_len` is its decompressed length.
pub const FLAG_ZSTD: u16 = 1;
/// All flags this version knows.
pub const KNOWN_FLAGS: u16 = FLAG_ZSTD;

/// The random 128-bit identity of a container file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub [u8; 16]);

impl FileId {
    /// A fresh random id (from the OS's hashing seed, the clock and the process id,
    /// mixed through xxh3-128).
    pub fn random() -> FileId {
        use std::collections::hash_map::RandomState;
        use std::hash::{BuildHasher, Hasher};
        let mut h = RandomState::new().build_hasher();
        h.write_u64(0x5eed);
        let a = h.finish();
        let mut h2 = RandomState::new().build_hasher();
        h2.write_u64(a);
        let b = h2.finish();
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let mut seed = Vec::with_capacity(48);
        seed.extend_from_slice(&a.to_le_bytes());
        seed.extend_from_slice(&b.to_le_bytes());
        seed.extend_from_slice(&t.to_le_bytes());
        seed.extend_from_slice(&std::process::id().to_le_bytes());
        FileId(xxhash_rust::xxh3::xxh3_128(&seed).to_le_bytes())
    }

    /// The first 8 bytes as a little-endian u64: stamped into every record header.
    pub fn tag(&self) -> u64 {
        u64::from_le_bytes([
            self.0[0], self.0[1], self.0[2], self.0[3], self.0[4], self.0[5], self.0[6], self.0[7],
        ])
    }
}

impl std::fmt::Display for FileId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

/// The decoded file header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileHeader {
    /// Format version.
    pub version: u32,
    /// Sector size in bytes.
    pub sector_size: u32,
    /// The file's identity.
    pub id: FileId,
    /// Allocation granule in bytes: records start at multiples of it (version 1: the
    /// sector size).
    pub granule: u32,
}

/// The granule a new file of `sector_size` gets (and hence its version): the default
/// granule when it divides the sector, else the sector itself (version 1 layout).
pub fn granule_for(sector_size: u32, wanted: u32) -> u32 {
    if (MIN_GRANULE..=sector_size).contains(&wanted)
        && wanted.is_power_of_two()
        && sector_size.is_multiple_of(wanted)
    {
        wanted
    } else {
        sector_size
    }
}

fn get_u16(b: &[u8], at: usize) -> u16 {
    let mut a = [0u8; 2];
    if let Some(s) = b.get(at..at + 2) {
        a.copy_from_slice(s);
    }
    u16::from_le_bytes(a)
}
fn get_u32(b: &[u8], at: usize) -> u32 {
    let mut a = [0u8; 4];
    if let Some(s) = b.get(at..at + 4) {
        a.copy_from_slice(s);
    }
    u32::from_le_bytes(a)
}
fn get_u64(b: &[u8], at: usize) -> u64 {
    let mut a = [0u8; 8];
    if let Some(s) = b.get(at..at + 8) {
        a.copy_from_slice(s);
    }
    u64::from_le_bytes(a)
}

/// Why a file header was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderProblem {
    /// Fewer than 64 bytes.
    Short,
    /// Not a container file.
    BadMagic,
    /// Header checksum mismatch.
    Checksum,
    /// A version this build cannot read.
    Version(u32),
    /// Sector size outside 512..=65535.
    SectorSize(u32),
    /// Granule not a power of two in 16..=sector_size dividing the sector size.
    Granule(u32),
}

impl std::fmt::Display for HeaderProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HeaderProblem::Short => write!(f, "file shorter than its 64-byte header"),
            HeaderProblem::BadMagic => write!(f, "not a swap/dump container (bad magic)"),
            HeaderProblem::Checksum => write!(f, "file header checksum mismatch"),
            HeaderProblem::Version(v) => write!(
                f,
                "container format version {v} is not supported (this build reads versions {MIN_FORMAT_VERSION} to {FORMAT_VERSION})"
            ),
            HeaderProblem::SectorSize(s) => write!(f, "sector size {s} outside 512..=65535"),
            HeaderProblem::Granule(g) => write!(
                f,
                "granule {g} is not a power of two from 16 up that divides the sector size"
            ),
        }
    }
}

impl FileHeader {
    /// Encodes the 64-byte header.
    pub fn encode(&self) -> [u8; FILE_HEADER_LEN] {
        let mut b = [0u8; FILE_HEADER_LEN];
        b[0..8].copy_from_slice(&FILE_MAGIC);
        b[8..12].copy_from_slice(&self.version.to_le_bytes());
        b[12..16].copy_from_slice(&self.sector_size.to_le_bytes());
        b[16..32].copy_from_slice(&self.id.0);
        if self.version >= 2 {
            b[32..36].copy_from_slice(&self.granule.to_le_bytes());
        }
        // The rest up to 56 reserved, zero.
        let sum = xxh3_64(&b[0..56]);
        b[56..64].copy_from_slice(&sum.to_le_bytes());
        b
    }

    /// Decodes and checks a header.
    pub fn decode(b: &[u8]) -> Result<FileHeader, HeaderProblem> {
        let b = b.get(..FILE_HEADER_LEN).ok_or(HeaderProblem::Short)?;
        if b[0..8] != FILE_MAGIC {
            return Err(HeaderProblem::BadMagic);
        }
        if xxh3_64(&b[0..56]) != get_u64(b, 56) {
            return Err(HeaderProblem::Checksum);
        }
        let version = get_u32(b, 8);
        if !(MIN_FORMAT_VERSION..=FORMAT_VERSION).contains(&version) {
            return Err(HeaderProblem::Version(version));
        }
        let sector_size = get_u32(b, 12);
        if !(MIN_SECTOR_SIZE..=MAX_SECTOR_SIZE).contains(&sector_size) {
            return Err(HeaderProblem::SectorSize(sector_size));
        }
        let granule = if version == 1 {
            sector_size
        } else {
            let g = get_u32(b, 32);
            if granule_for(sector_size, g) != g {
                return Err(HeaderProblem::Granule(g));
            }
            g
        };
        let mut id = [0u8; 16];
        id.copy_from_slice(&b[16..32]);
        Ok(FileHeader {
            version,
            sector_size,
            id: FileId(id),
            granule,
        })
    }
}

/// The decoded header of one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordHeader {
    /// Record kind ([`KIND_BLOB`] or a user kind).
    pub kind: u16,
    /// Flags ([`FLAG_ZSTD`]).
    pub flags: u16,
    /// The key (object index for blobs; statedump's choice for its records).
    pub key: u64,
    /// Payload bytes as stored.
    pub stored_len: u32,
    /// Payload bytes after decompression.
    pub raw_len: u32,
    /// Write sequence number (larger = written later by the same store).
    pub seq: u64,
    /// xxh3-64 of the stored payload.
    pub payload_sum: u64,
    /// [`FileId::tag`] of the file the record was written into.
    pub file_tag: u64,
}

/// Why a record header was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordProblem {
    /// No record magic: free or overwritten space.
    NoMagic,
    /// Header checksum mismatch.
    Checksum,
    /// The record belongs to another file.
    ForeignFile,
    /// Unknown flags or inconsistent lengths.
    Malformed(&'static str),
}

impl std::fmt::Display for RecordProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordProblem::NoMagic => write!(f, "no record header (bad magic)"),
            RecordProblem::Checksum => write!(f, "record header checksum mismatch"),
            RecordProblem::ForeignFile => write!(f, "record stamped with another file's id"),
            RecordProblem::Malformed(m) => write!(f, "malformed record header: {m}"),
        }
    }
}

impl RecordHeader {
    /// Encodes the 64-byte record header.
    pub fn encode(&self) -> [u8; RECORD_HEADER_LEN] {
        let mut b = [0u8; RECORD_HEADER_LEN];
        self.encode_into(&mut b);
        b
    }

    /// Encodes into the first 64 bytes of `b` (which must be at least that long).
    pub fn encode_into(&self, b: &mut [u8]) {
        let b = &mut b[..RECORD_HEADER_LEN];
        b[0..4].copy_from_slice(&RECORD_MAGIC);
        b[4..6].copy_from_slice(&self.kind.to_le_bytes());
        b[6..8].copy_from_slice(&self.flags.to_le_bytes());
        b[8..16].copy_from_slice(&self.key.to_le_bytes());
        b[16..20].copy_from_slice(&self.stored_len.to_le_bytes());
        b[20..24].copy_from_slice(&self.raw_len.to_le_bytes());
        b[24..32].copy_from_slice(&self.seq.to_le_bytes());
        b[32..40].copy_from_slice(&self.payload_sum.to_le_bytes());
        b[40..48].copy_from_slice(&self.file_tag.to_le_bytes());
        b[48..56].fill(0);
        let sum = xxh3_64(&b[0..56]);
        b[56..64].copy_from_slice(&sum.to_le_bytes());
    }

    /// Decodes and checks a record header; `file_tag` is the expected file's tag.
    pub fn decode(b: &[u8], file_tag: u64) -> Result<RecordHeader, RecordProblem> {
        let b = b
            .get(..RECORD_HEADER_LEN)
            .ok_or(RecordProblem::Malformed("truncated"))?;
        if b[0..4] != RECORD_MAGIC {
            return Err(RecordProblem::NoMagic);
        }
        if xxh3_64(&b[0..56]) != get_u64(b, 56) {
            return Err(RecordProblem::Checksum);
        }
        let h = RecordHeader {
            kind: get_u16(b, 4),
            flags: get_u16(b, 6),
            key: get_u64(b, 8),
            stored_len: get_u32(b, 16),
            raw_len: get_u32(b, 20),
            seq: get_u64(b, 24),
            payload_sum: get_u64(b, 32),
            file_tag: get_u64(b, 40),
        };
        if h.file_tag != file_tag {
            return Err(RecordProblem::ForeignFile);
        }
        if h.flags & !KNOWN_FLAGS != 0 {
            return Err(RecordProblem::Malformed("unknown flags"));
        }
        if h.kind == 0 {
            return Err(RecordProblem::Malformed("kind 0"));
        }
        if h.flags & FLAG_ZSTD == 0 && h.raw_len != h.stored_len {
            return Err(RecordProblem::Malformed(
                "raw and stored length differ without compression",
            ));
        }
        if h.stored_len as usize > MAX_PAYLOAD || h.raw_len as usize > MAX_PAYLOAD {
            return Err(RecordProblem::Malformed("payload too large"));
        }
        Ok(h)
    }

    /// Header plus stored payload, in bytes.
    pub fn record_len(&self) -> u64 {
        RECORD_HEADER_LEN as u64 + self.stored_len as u64
    }
}

/// Sectors needed for `bytes` bytes.
pub fn sectors_for(bytes: u64, sector_size: u32) -> u64 {
    bytes.div_ceil(sector_size as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn file_header_round_trip_and_checks() {
        let h = FileHeader {
            version: FORMAT_VERSION,
            sector_size: 4096,
            id: FileId::random(),
            granule: 64,
        };
        let b = h.encode();
        assert_eq!(FileHeader::decode(&b), Ok(h));
        assert_eq!(&b[32..36], &64u32.to_le_bytes());
        let v1 = FileHeader {
            version: 1,
            granule: 4096,
            ..h
        };
        assert_eq!(FileHeader::decode(&v1.encode()), Ok(v1));
        assert_eq!(&v1.encode()[32..56], &[0u8; 24]);
        for g in [0u32, 8, 48, 8192] {
            let bad = FileHeader { granule: g, ..h };
            assert_eq!(
                FileHeader::decode(&bad.encode()),
                Err(HeaderProblem::Granule(g))
            );
        }
        assert_eq!(granule_for(512, 64), 64);
        assert_eq!(granule_for(1000, 64), 1000);
        let mut bad = b;
        bad[20] ^= 1;
        assert_eq!(FileHeader::decode(&bad), Err(HeaderProblem::Checksum));
        let mut bad = b;
        bad[0] = b'X';
        assert_eq!(FileHeader::decode(&bad), Err(HeaderProblem::BadMagic));
        assert_eq!(FileHeader::decode(&b[..10]), Err(HeaderProblem::Short));
        assert_ne!(FileId::random(), FileId::random());
    }

    proptest! {
        #[test]
        fn record_header_round_trip(kind in 1u16.., flags in 0u16..2, key: u64, len in 0u32..1_000_000,
                                    raw in 0u32..10_000_000, seq: u64, sum: u64, tag: u64, flip in 0usize..64) {
            let h = RecordHeader { kind, flags, key, stored_len: len,
                raw_len: if flags == 0 { len } else { raw }, seq, payload_sum: sum, file_tag: tag };
            let b = h.encode();
            prop_assert_eq!(RecordHeader::decode(&b, tag), Ok(h));
            prop_assert_eq!(RecordHeader::decode(&b, tag ^ 1), Err(RecordProblem::ForeignFile));
            let mut bad = b;
            bad[flip] ^= 0x10;
            prop_assert!(RecordHeader::decode(&bad, tag).is_err());
        }
    }
}
