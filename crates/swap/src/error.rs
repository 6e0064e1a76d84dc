//! The error type of the swap crate.

use std::path::PathBuf;
use std::sync::Arc;

use crate::format::HeaderProblem;

/// Everything that can go wrong in `swap`. Errors are values: none of these abort.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An I/O call failed. If it was a write or an fsync of the current swapfile, that
    /// file is now poisoned (see [`Error::Poisoned`]).
    #[error("{}: {op} at byte offset {offset} failed: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What was being done ("read", "write", "fsync", "create", "open").
        op: &'static str,
        /// Byte offset of the operation (0 when not applicable).
        offset: u64,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The current swapfile refuses writes since an earlier write or fsync failed.
    /// Reads still work and nothing stored earlier is harmed; dirty blobs stay in
    /// memory. `rotate` to a new swapfile to write again.
    #[error("{}: refusing writes since an earlier failure: {reason}", path.display())]
    Poisoned {
        /// The poisoned file.
        path: PathBuf,
        /// The first failure, as text.
        reason: Arc<str>,
    },
    /// A record's checksum did not match: the bytes on disk are damaged.
    #[error("{}: checksum mismatch in {what} of the record for key {key} at byte offset {offset}", path.display())]
    Checksum {
        /// The file.
        path: PathBuf,
        /// The key the record was read for.
        key: u64,
        /// Byte offset of the record header.
        offset: u64,
        /// "header" or "payload".
        what: &'static str,
    },
    /// A record is damaged or is not what the location map promised.
    #[error("{}: bad record for key {key} at byte offset {offset}: {detail}", path.display())]
    BadRecord {
        /// The file.
        path: PathBuf,
        /// The key the record was read for.
        key: u64,
        /// Byte offset of the record header.
        offset: u64,
        /// What is wrong.
        detail: String,
    },
    /// The file header is unusable.
    #[error("{}: {problem}", path.display())]
    BadHeader {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        problem: HeaderProblem,
    },
    /// The swapfile reached its configured size limit (`swap_size` sectors).
    #[error("{}: swapfile full ({limit} sectors, swap_size)", path.display())]
    SwapFull {
        /// The file.
        path: PathBuf,
        /// The limit in sectors.
        limit: u64,
    },
    /// A configuration value is out of range.
    #[error("invalid swap configuration: {0}")]
    Config(String),
    /// `append_record` was given a kind reserved for swap itself.
    #[error("record kind {0} is reserved for swap (user kinds start at 16)")]
    ReservedKind(u16),
    /// A blob or record is larger than a record can hold.
    #[error("blob of {len} bytes for key {key} exceeds the record size limit")]
    TooLarge {
        /// The key.
        key: u64,
        /// Its length.
        len: usize,
    },
}

impl Error {
    /// Whether this error means the file now refuses writes.
    pub fn is_poisoned(&self) -> bool {
        matches!(self, Error::Poisoned { .. })
    }
}

/// Result with [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
