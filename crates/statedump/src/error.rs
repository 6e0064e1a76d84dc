//! Errors of the statedump crate.

use std::path::PathBuf;

use crate::format::FormatError;

/// Anything a dump, restore or tool can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The swap crate failed (I/O, checksum, poisoned file); the message names the
    /// file, key and offset.
    #[error(transparent)]
    Swap(#[from] swap::Error),
    /// A dump record did not decode.
    #[error("{}: record at byte offset {offset}: {source}", path.display())]
    Format {
        path: PathBuf,
        offset: u64,
        #[source]
        source: FormatError,
    },
    /// A record decoded but does not fit the chain (wrong link, id, kind or checksum).
    #[error("{}: record at byte offset {offset}: {detail}", path.display())]
    Chain {
        path: PathBuf,
        offset: u64,
        detail: String,
    },
    /// No commit of the file verifies.
    #[error("{}: no restorable commit: {detail}", path.display())]
    NoCommit { path: PathBuf, detail: String },
    /// The newest commit is partial and no secondary dump was given.
    #[error(
        "{}: partial dump: restoring it needs its secondary dump (id {parent:032x}); give it as the second argument",
        path.display()
    )]
    NeedSecondary { path: PathBuf, parent: u128 },
    /// The secondary is not the dump this one was made from.
    #[error("{}: not the secondary of this dump: {detail}", path.display())]
    WrongSecondary { path: PathBuf, detail: String },
    /// A file-system operation failed.
    #[error("{op} {}: {source}", path.display())]
    Io {
        op: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The caller's state does not allow this operation.
    #[error("{0}")]
    State(String),
}

/// Result with [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
