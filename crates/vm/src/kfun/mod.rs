//! Kernel functions (kfuns) of DGD's LPC.
//!
//! The modules here hold the kfuns' semantics as plain Rust over bytes, `f64`
//! and small trees, each unit-tested against DGD's observed behaviour:
//!
//! - [`float`] — DGD's 37-bit float: printing (`"0.333333333"`, `"1e+20"`),
//!   parsing (`(float)"1.5"`, `sscanf %f`), `(int)` rounding, range checks.
//! - [`math`] — `floor` .. `tanh`, `fmod`, `frexp`, `ldexp`, `modf`, `pow`.
//! - [`crypt`] — classic DES `crypt()` (13 characters).
//! - [`hash`] — MD5, SHA-1, CRC-16 (CCITT), CRC-32.
//! - [`strings`] — `explode`, `implode`, string/int conversions, `ctime`.
//! - [`sscanf`] — the `sscanf` matching engine.
//! - [`save`] — `save_object` / `restore_object` text format.
//! - [`parse_string`] — the grammar parser: regexp tokens, GLR parsing,
//!   callbacks in the current object.
//! - [`files`] — path normalisation confined to the mudlib root and the file
//!   kfuns (`read_file`, `write_file`, `get_dir`, ...).
//!
//! Errors are [`KfunError`]; their `Display` text is DGD's runtime error
//! message, so the interpreter can raise `err.to_string()` as the LPC error.
//!
//! Each family module that has kfuns exposes `pub fn register(r: &mut
//! KfunRegistry)`, called from [`register_all`]; the calling convention is
//! documented at the top of `crate::value`.

use crate::value::KfunRegistry;

pub mod args;
pub mod asn;
pub mod cipher;
pub mod crypt;
pub mod data;
pub mod files;
pub mod float;
pub mod hash;
pub mod math;
pub mod parse_string;
#[cfg(test)]
mod proptests;
pub mod save;
pub mod sscanf;
pub mod strings;
#[cfg(test)]
pub(crate) mod testctx;
#[cfg(test)]
mod wiring_tests;

/// A kfun failure; `Display` is the LPC runtime error string DGD uses.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KfunError {
    /// Float overflow, infinity or NaN.
    #[error("Result too large")]
    ResultTooLarge,
    /// A math function's argument is outside its domain.
    #[error("Math argument")]
    MathArgument,
    /// Float division by zero.
    #[error("Division by zero")]
    DivisionByZero,
    /// `sscanf` format string is malformed.
    #[error("Bad sscanf format string")]
    BadSscanfFormat,
    /// `(float)str` on a string that is not a whole float.
    #[error("String cannot be converted to float")]
    NotAFloatString,
    /// `(int)str` on a string that is not a whole int.
    #[error("String cannot be converted to int")]
    NotAnIntString,
    /// An argument of the wrong value (kfun name, argument number).
    #[error("Bad argument {1} for kfun {0}")]
    BadArgument(&'static str, u32),
    /// A result larger than the configured maximum array size.
    #[error("Array too large")]
    ArrayTooLarge,
    /// A string result longer than the maximum string length.
    #[error("String too long")]
    StringTooLong,
    /// `hash_string` with an algorithm it doesn't know.
    #[error("Unknown hash algorithm")]
    UnknownHash,
    /// A file kfun called inside an atomic function.
    #[error("{0}() within atomic function")]
    InAtomic(&'static str),
    /// Any other error, with DGD's exact message.
    #[error("{0}")]
    Other(String),
}

/// Maximum length of an LPC string (DGD's default `MAX_STRLEN`).
pub const MAX_STRLEN: usize = 65535;

impl From<KfunError> for crate::value::LpcError {
    fn from(e: KfunError) -> Self {
        crate::value::LpcError::new(e.to_string())
    }
}

/// Registers every library kfun implemented in this directory.
pub fn register_all(r: &mut KfunRegistry) {
    data::register(r);
    strings::register(r);
    sscanf::register(r);
    hash::register(r);
    math::register(r);
    files::register(r);
    asn::register(r);
    cipher::register(r);
    parse_string::register(r);
}
