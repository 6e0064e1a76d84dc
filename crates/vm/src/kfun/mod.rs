//! Library kfuns (strings, arrays, mappings, sscanf, crypt, math, files,
//! save/restore_object). Owned by the KFUNLIB helper: each module exposes
//! `pub fn register(r: &mut KfunRegistry)` and is called from [`register_all`].
//! The calling convention is documented at the top of `crate::value`.

use crate::value::KfunRegistry;

/// Registers every library kfun implemented in this directory.
pub fn register_all(_r: &mut KfunRegistry) {}
